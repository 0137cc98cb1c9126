"""``export-cases``: the exchange workbook (docs/rules.md#exchange-import) written from the
database.

Three sheets, 投诉登记 / 进度跟踪 / 满意度调查, with the Chinese labels of
``domain.exchange_columns`` as headers, in that order. Values are the Chinese words
(vocabulary labels, the reference tables' Chinese names), levels ``I``/``II``/``III``,
times real Excel date-times shown as ``yyyy-mm-dd hh:mm`` (the seconds are kept in the
value), multi-valued cells joined with ``、``, staff by display name.

Cell rules an import reads back (so an export imported into an empty database exports
again with identical cells):

- 紧急程度 is the case's effective urgency: 紧急 for every urgent case, whatever made it
  urgent (staff, batch, sensitive customer, head office, reopening); the SLA rules of an
  urgent case are those of urgency "urgent", so the recomputed deadlines agree;
- 紧急原因 lists why an urgent case is urgent (empty for the others), 越级投诉 is 是 or
  否, 被投诉员工 names the account like the other staff columns, or holds the name typed
  for staff without an account;
- an "other" customer request or survey aspect carries its text in brackets:
  ``退款、其他（补发赠品）``; the outcome carries its reason the same way:
  ``已解决（已退款并致歉）``;
- a person whose display name is shared with another account, or is another account's
  user name, is written by user name;
- text starting with ``=`` stays text (never a formula); characters Excel cannot hold
  (control characters other than tab and line breaks, lone surrogates, U+FFFE and U+FFFF:
  ``validation.UNSTORABLE_RE``, refused by the forms but possibly in older data) are
  dropped, also from staff names.

Rows: complaints by registration time then id (or, given ``case_ids``, in that order);
each complaint's progress entries by update time then id; each complaint's survey, in the
order of the complaints, then proactive surveys (no complaint) by survey time (full
exports by managers only). Reading is chunked (keyset pages of cases, their entries and
surveys by ``IN``) and the workbook is openpyxl's write-only (streaming) one, so memory
stays flat however many cases there are.

Who may export: every staff role, within the cases they may see (``services.access``'s
``see`` rule, docs/rules.md#roles-and-access). Contact and ID numbers are masked (``domain.masking``) unless
``unmasked=True``, which only managers may ask (administrators, the command line's
operator included, get masked exports); it is recorded in the audit log as ``export_unmasked``. Every export is recorded as
``export_cases``. A masked export cannot be imported back: the import rejects masked
contacts and ID numbers (they are not valid phone numbers, e-mail addresses or IDs).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from peewee import Database

from desktop_app.db.connection import is_sqlite, placeholders, write_lock
from desktop_app.db.models import (
    CauseCategory,
    Channel,
    ComplaintType,
    Department,
    User,
    database_proxy,
)
from desktop_app.domain.exchange_columns import (
    COMPLAINTS,
    MULTI_SEPARATOR,
    NO,
    PROGRESS,
    SURVEYS,
    TIME_FORMAT,
    YES,
    Sheet,
)
from desktop_app.domain.masking import mask_contact, mask_id_number
from desktop_app.domain.messages import msg
from desktop_app.domain.vocab import (
    CUSTOMER_REQUESTS,
    FEEDBACK,
    LEVEL_ROMAN,
    MEMBER_TIERS,
    OUTCOMES,
    STAGES,
    SURVEY_ASPECTS,
    SURVEY_METHODS,
    URGENCY,
    URGENT_REASONS,
    Vocabulary,
)
from desktop_app.services import access, audit
from desktop_app.services.errors import PermissionDenied, ValidationError, service
from desktop_app.services.permissions import require_staff
from desktop_app.services.progress import Progress
from desktop_app.services.session import Session
from desktop_app.services.xlsx import clean_text, save_atomic, text_cell

CHUNK = 2000  # cases per read
ERROR_CODES = frozenset(("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"))
_BRACKETED = "{}（{}）"
# A row as the database driver returns it; the values of a sheet's row (text, numbers,
# times, None, or an openpyxl cell for text that must stay text).
_Raw = tuple[Any, ...]
_Values = list[Any]
_Names = Iterable[tuple[int, str]]  # (id, name) rows of a reference table


@dataclass(frozen=True)
class ExportResult:
    path: Path | None  # None when cancelled
    complaints: int
    progress: int
    surveys: int
    unmasked: bool
    cancelled: bool = False
    seconds: float = 0.0

    @property
    def rows(self) -> dict[str, int]:
        """Rows per sheet, by the sheets' Chinese names."""
        return {
            COMPLAINTS.zh: self.complaints,
            PROGRESS.zh: self.progress,
            SURVEYS.zh: self.surveys,
        }


# ---------------------------------------------------------------------------------------
# Text helpers shared with the import.


def staff_names() -> dict[int, str | None]:
    """User id → the name a workbook shows: the display name, or the user name when the
    display name would not find this account again (shared, or another's user name)."""
    users = cast(
        list[tuple[int, str, str]],
        list(User.select(User.id, User.username, User.display_name).tuples()),
    )
    usernames = {u for _, u, _ in users}
    display_count: dict[str, int] = {}
    for _, _, display in users:
        display_count[display] = display_count.get(display, 0) + 1
    return {
        uid: clean_text(
            display
            if display_count[display] == 1 and (display not in usernames or display == username)
            else username
        )
        for uid, username, display in users
    }


@functools.lru_cache(maxsize=4096)
def _words(vocab: Vocabulary, codes: str) -> str:
    """Stored codes ``a,b`` as the cell's words ``甲、乙`` (few combinations: cached)."""
    return MULTI_SEPARATOR.join(vocab.label(code, "zh") for code in codes.split(","))


def _multi(vocab: Vocabulary, codes: str | None, other: str | None) -> str | None:
    if not codes:
        return None
    if other:
        parts = codes.split(",")
        if "other" in parts:
            words = [vocab.label(code, "zh") for code in parts]
            at = parts.index("other")
            words[at] = _BRACKETED.format(words[at], other)
            return clean_text(MULTI_SEPARATOR.join(words))
    return _words(vocab, codes)


# ---------------------------------------------------------------------------------------
# Reading.

_COMPLAINT_SQL = (
    "SELECT c.id, c.number, c.customer_name, c.contact, c.member_number, c.id_number,"
    " c.member_tier, c.complaint_time, c.registration_time, c.channel_id, c.type_id,"
    " c.subtype_id, c.urgency, c.urgent, c.level, c.description, c.customer_requests,"
    " c.customer_request_other, c.department_id, c.receiver_id, c.stage, c.owner_id,"
    " c.first_response_at, c.solution_agreed_at, c.closed_at, c.outcome, c.outcome_reason,"
    " c.first_response_due, c.solution_due, c.resolution_due, c.product, c.merchant,"
    " c.urgent_reasons, c.head_office, c.subject_staff_id, c.subject_staff_name,"
    " c.root_cause_id, c.root_cause_notes"
    " FROM complaint AS c"
)
_PROGRESS_SQL = (
    "SELECT complaint_id, stage, owner_id, planned_completion, actual_completion, result,"
    " customer_feedback, feedback_comment, next_action, updated_at, updated_by_id"
    " FROM progress_entry WHERE complaint_id IN ({ids})"
    " ORDER BY complaint_id, updated_at, id"
)
_SURVEY_COLUMNS = (
    "complaint_id, customer_name, survey_time, method, surveyor_id, timeliness,"
    " effectiveness, attitude, overall, most_satisfied, most_satisfied_other,"
    " needs_improvement, needs_improvement_other, suggestions"
)


class _Reader:
    """Chunks of complaint rows with their progress entries and surveys, raw tuples."""

    def __init__(
        self, session: Session, db: Database, *, start: dt.date | None, end: dt.date | None
    ) -> None:
        self.db = db
        self.sqlite = is_sqlite(db)
        self.p = self.db.param
        scope, params = access.see_condition(session)
        self.params: list[object]
        where, self.params = ["1 = 1"], list(params)
        if scope:
            where.append(scope.removeprefix(" AND "))
        if start is not None:
            where.append("c.registration_time >= {p}")
            self.params.append(self.stamp(dt.datetime.combine(start, dt.time.min)))
        if end is not None:
            where.append("c.registration_time < {p}")
            self.params.append(
                self.stamp(dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min))
            )
        self.where = " AND ".join(f"({w})" for w in where)

    def stamp(self, value: dt.datetime) -> str | dt.datetime:
        return str(value) if self.sqlite else value

    def sql(self, text: str) -> str:
        return placeholders(text, self.db.param)

    def _parts(self, case_ids: list[int] | None) -> list[tuple[str, list[object]]]:
        """The WHERE clause (and parameters) of the cases, in pieces of at most CHUNK ids."""
        if case_ids is None:
            return [(self.where, self.params)]
        return [
            (f"{self.where} AND c.id IN ({', '.join(['{p}'] * len(ids))})", [*self.params, *ids])
            for ids in (case_ids[i : i + CHUNK] for i in range(0, len(case_ids), CHUNK))
        ]

    def counts(
        self,
        case_ids: list[int] | None,
        proactive: bool,
        start: dt.date | None,
        end: dt.date | None,
    ) -> tuple[int, int, int]:
        """Rows of each sheet (read in the export's snapshot, so they match)."""
        totals = [0, 0, 0]
        for where, params in self._parts(case_ids):
            for i, sql in enumerate(
                (
                    "SELECT COUNT(*) FROM complaint AS c WHERE {w}",
                    "SELECT COUNT(*) FROM progress_entry AS p JOIN complaint AS c"
                    " ON c.id = p.complaint_id WHERE {w}",
                    "SELECT COUNT(*) FROM survey AS s JOIN complaint AS c"
                    " ON c.id = s.complaint_id WHERE {w}",
                )
            ):
                totals[i] += self.db.execute_sql(
                    self.sql(sql.replace("{w}", where)), params
                ).fetchone()[0]
        if proactive:
            sql, params = self.proactive_sql(start, end)
            totals[2] += self.db.execute_sql(
                self.sql(sql.replace(f"SELECT {_SURVEY_COLUMNS}, id", "SELECT COUNT(*)")), params
            ).fetchone()[0]
        return totals[0], totals[1], totals[2]

    def complaints(self, case_ids: list[int] | None) -> Iterator[list[_Raw]]:
        if case_ids is not None:
            for i in range(0, len(case_ids), CHUNK):
                ids = case_ids[i : i + CHUNK]
                marks = ", ".join([self.p] * len(ids))
                rows = self.db.execute_sql(
                    self.sql(f"{_COMPLAINT_SQL} WHERE {self.where} AND c.id IN ({marks})"),
                    [*self.params, *ids],
                ).fetchall()
                by_id = {r[0]: r for r in rows}
                chunk = [by_id[cid] for cid in ids if cid in by_id]
                if chunk:
                    yield chunk
            return
        after: tuple[Any, Any] | None = None  # (registration time, id) of the last row
        while True:
            sql, params = f"{_COMPLAINT_SQL} WHERE {self.where}", list(self.params)
            if after is not None:
                sql += (
                    " AND (c.registration_time > {p} OR (c.registration_time = {p} AND c.id > {p}))"
                )
                params += [after[0], after[0], after[1]]
            sql += f" ORDER BY c.registration_time, c.id LIMIT {CHUNK}"
            rows = self.db.execute_sql(self.sql(sql), params).fetchall()
            if not rows:
                return
            yield rows
            after = (rows[-1][8], rows[-1][0])

    def progress(self, ids: list[int]) -> dict[int, list[_Raw]]:
        rows = self.db.execute_sql(
            _PROGRESS_SQL.format(ids=", ".join([self.p] * len(ids))), ids
        ).fetchall()
        grouped: dict[int, list[_Raw]] = {}
        for row in rows:
            grouped.setdefault(row[0], []).append(row)
        return grouped

    def surveys(self, ids: list[int]) -> dict[int, _Raw]:
        rows = self.db.execute_sql(
            f"SELECT {_SURVEY_COLUMNS} FROM survey WHERE complaint_id IN "
            f"({', '.join([self.p] * len(ids))})",
            ids,
        ).fetchall()
        return {row[0]: row for row in rows}

    def proactive_sql(self, start: dt.date | None, end: dt.date | None) -> tuple[str, list[object]]:
        params: list[object]
        sql, params = f"SELECT {_SURVEY_COLUMNS}, id FROM survey WHERE complaint_id IS NULL", []
        if start is not None:
            sql += " AND survey_time >= {p}"
            params.append(self.stamp(dt.datetime.combine(start, dt.time.min)))
        if end is not None:
            sql += " AND survey_time < {p}"
            params.append(self.stamp(dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min)))
        return sql, params

    def proactive_surveys(self, start: dt.date | None, end: dt.date | None) -> Iterator[list[_Raw]]:
        sql, params = self.proactive_sql(start, end)
        after: tuple[Any, Any] | None = None  # (survey time, id) of the last row
        while True:
            page_sql, page_params = sql, list(params)
            if after is not None:
                page_sql += " AND (survey_time > {p} OR (survey_time = {p} AND id > {p}))"
                page_params += [after[0], after[0], after[1]]
            rows = self.db.execute_sql(
                self.sql(page_sql + f" ORDER BY survey_time, id LIMIT {CHUNK}"), page_params
            ).fetchall()
            if not rows:
                return
            yield [r[:-1] for r in rows]
            after = (rows[-1][2], rows[-1][-1])


# ---------------------------------------------------------------------------------------
# Rows of cell values (times as datetimes, the writer formats them).


def _risky(value: Any) -> bool:
    """Text Excel would take for a formula or an error value."""
    return value.__class__ is str and (value[:1] == "=" or value in ERROR_CODES)


def _guarded_text(value: str | None) -> str | Cell | None:
    """``clean_text``, and a text cell for the rare text that looks like a formula."""
    value = clean_text(value)
    return text_cell(None, value) if value is not None and _risky(value) else value


class RowMaker:
    """Turns raw database tuples into the cell values of the three sheets.

    With ``text_cells``, free text that Excel would read as a formula or an error value
    comes as a text cell (one per use), so writers need not look at every value; names
    from the reference tables and accounts are plain strings, and ``needs_guard`` says
    whether one of them needs that care (then the writer checks every value)."""

    def __init__(self, *, unmasked: bool, sqlite: bool, text_cells: bool = False) -> None:
        self.unmasked = unmasked
        self.channels = dict(cast(_Names, Channel.select(Channel.id, Channel.name_zh).tuples()))
        self.types = dict(
            cast(_Names, ComplaintType.select(ComplaintType.id, ComplaintType.name_zh).tuples())
        )
        self.departments = dict(
            cast(_Names, Department.select(Department.id, Department.name_zh).tuples())
        )
        self.causes = dict(
            cast(_Names, CauseCategory.select(CauseCategory.id, CauseCategory.name_zh).tuples())
        )
        self.staff = staff_names()
        self.text: Callable[[str | None], str | Cell | None] = (
            _guarded_text if text_cells else clean_text
        )
        self.needs_guard = any(
            _risky(v)
            for names in (self.channels, self.types, self.departments, self.causes, self.staff)
            for v in names.values()
        )
        self.tiers = {t.code: t.zh for t in MEMBER_TIERS}
        self.urgency = {t.code: t.zh for t in URGENCY}
        self.stages = {t.code: t.zh for t in STAGES}
        self.feedback = {t.code: t.zh for t in FEEDBACK}
        self.methods = {t.code: t.zh for t in SURVEY_METHODS}
        self.urgent_word = URGENCY.get("urgent").zh
        self.time = _time_parser(sqlite)

    def complaint(self, r: _Raw) -> _Values:
        t, text = self.time, self.text
        if self.unmasked:
            contact, id_number = r[3], r[5]
        else:
            contact = r[3]
            # The usual contact, one mainland mobile number, the quick way (same result).
            if len(contact) == 11 and contact.isdigit():
                contact = contact[:3] + "****" + contact[7:]
            else:
                contact = mask_contact(contact)
            id_number = mask_id_number(r[5])
        outcome = r[25]
        if outcome is not None:
            word = OUTCOMES.label(outcome, "zh")
            outcome = _BRACKETED.format(word, r[26]) if r[26] else word
        return [
            text(r[1]),
            text(r[2]),
            text(contact),
            text(r[4]),
            text(id_number),
            self.tiers.get(r[6], r[6]),
            t(r[7]),
            t(r[8]),
            self.channels.get(r[9]),
            self.types.get(r[10]),
            self.types.get(r[11]),
            self.urgent_word if r[13] else self.urgency.get(r[12], r[12]),
            LEVEL_ROMAN.get(r[14]),
            text(r[15]),
            _multi(CUSTOMER_REQUESTS, r[16], r[17]),
            self.departments.get(r[18]),
            self.staff.get(r[19]),
            self.stages.get(r[20], r[20]),
            self.staff.get(r[21]),
            t(r[22]),
            t(r[23]),
            t(r[24]),
            clean_text(outcome),
            text(r[30]),
            text(r[31]),
            # Why the case is urgent: only for urgent cases (an urgency lowered later
            # leaves no reason to show).
            _words(URGENT_REASONS, r[32]) if r[13] and r[32] else None,
            YES if r[33] else NO,
            self.staff.get(r[34]) if r[34] is not None else text(r[35]),
            self.causes.get(r[36]) if r[36] is not None else None,
            text(r[37]),
            t(r[27]),
            t(r[28]),
            t(r[29]),
        ]

    def progress(self, number: str, r: _Raw) -> _Values:
        t, text = self.time, self.text
        return [
            text(number),
            self.stages.get(r[1], r[1]),
            self.staff.get(r[2]),
            t(r[3]),
            t(r[4]),
            text(r[5]),
            self.feedback.get(r[6], r[6]),
            text(r[7]),
            text(r[8]),
            t(r[9]),
            self.staff.get(r[10]),
        ]

    def survey(self, number: str | None, r: _Raw) -> _Values:
        text = self.text
        return [
            text(number),
            text(r[1]),
            self.time(r[2]),
            self.methods.get(r[3], r[3]),
            self.staff.get(r[4]),
            r[5],
            r[6],
            r[7],
            r[8],
            _multi(SURVEY_ASPECTS, r[9], r[10]),
            _multi(SURVEY_ASPECTS, r[11], r[12]),
            text(r[13]),
        ]


def _time_parser(sqlite: bool) -> Callable[[Any], dt.datetime | None]:
    """SQLite gives back the stored text (``YYYY-MM-DD HH:MM:SS``), PostgreSQL datetimes."""
    if not sqlite:
        return lambda value: value
    parse = dt.datetime.fromisoformat
    return lambda value: value and parse(value)


class CaseRows:
    """The cells of an export, read a chunk of cases at a time. What ``export_cases``
    writes; the benchmark reads it too. Use inside one transaction (one snapshot)."""

    def __init__(
        self,
        session: Session,
        *,
        start: dt.date | None = None,
        end: dt.date | None = None,
        unmasked: bool = False,
        case_ids: Iterable[int] | None = None,
    ) -> None:
        self.reader = _Reader(session, database_proxy.obj, start=start, end=end)
        self.start, self.end = start, end
        self.ids = list(dict.fromkeys(int(i) for i in case_ids)) if case_ids is not None else None
        # Proactive surveys (no complaint) belong to a manager's full export only.
        self.proactive = self.ids is None and (session.is_manager or session.is_admin)
        self.maker = RowMaker(unmasked=unmasked, sqlite=self.reader.sqlite, text_cells=True)

    def counts(self) -> tuple[int, int, int]:
        """(complaints, progress entries, surveys) the export will write."""
        return self.reader.counts(self.ids, self.proactive, self.start, self.end)

    def chunks(self) -> Iterator[tuple[int, list[_Values], list[_Values], list[_Values]]]:
        """(cases done, complaint rows, progress rows, survey rows), in sheet order."""
        reader, maker = self.reader, self.maker
        done = 0
        for chunk in reader.complaints(self.ids):
            chunk_ids = [r[0] for r in chunk]
            entries = reader.progress(chunk_ids)
            surveys = reader.surveys(chunk_ids)
            complaint_rows: list[_Values] = []
            progress_rows: list[_Values] = []
            survey_rows: list[_Values] = []
            for row in chunk:
                number = row[1]
                complaint_rows.append(maker.complaint(row))
                for entry in entries.get(row[0], ()):
                    progress_rows.append(maker.progress(number, entry))
                survey = surveys.get(row[0])
                if survey is not None:
                    survey_rows.append(maker.survey(number, survey))
            done += len(chunk)
            yield done, complaint_rows, progress_rows, survey_rows
        if self.proactive:
            for page in reader.proactive_surveys(self.start, self.end):
                yield done, [], [], [maker.survey(None, r) for r in page]


def snapshot(db: Database) -> AbstractContextManager[object]:
    """A read transaction that sees one state of the data throughout (PostgreSQL reads
    each statement afresh otherwise; SQLite's read transaction is a snapshot already)."""
    atomic = db.atomic()

    class _Snapshot:
        def __enter__(self) -> _Snapshot:
            atomic.__enter__()
            if not is_sqlite(db) and db.transaction_depth() == 1:
                db.execute_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            return self

        def __exit__(self, *exc: Any) -> None:
            return atomic.__exit__(*exc)

    return _Snapshot()


# ---------------------------------------------------------------------------------------
# Writing.

HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
HEADER_ALIGNMENT = Alignment(vertical="center", wrap_text=True)


class SheetWriter:
    """One write-only sheet: bold frozen header, column widths, time cells formatted.

    ``rows`` (data rows, when known beforehand) is written as the sheet's dimension, which
    spares readers a pass over the whole sheet to find its size."""

    def __init__(self, workbook: Workbook, sheet: Sheet, rows: int | None = None) -> None:
        ws = workbook.create_sheet(sheet.zh)
        self.ws = ws
        self.width = len(sheet.columns)
        if rows is not None:
            ref = f"A1:{get_column_letter(self.width)}{rows + 1}"
            # The write-only sheet has no size of its own; openpyxl's writer asks for one.
            ws.calculate_dimension = lambda: ref
        for index, column in enumerate(sheet.columns, 1):
            ws.column_dimensions[get_column_letter(index)].width = column.width
        ws.freeze_panes = "A2"
        header: list[Cell] = []
        for column in sheet.columns:
            cell = WriteOnlyCell(ws, value=column.zh)
            cell.font, cell.fill, cell.alignment = HEADER_FONT, HEADER_FILL, HEADER_ALIGNMENT
            header.append(cell)
        ws.append(header)
        # One styled cell per time column, refilled for every row: the write-only sheet
        # serialises a row as soon as it is appended.
        self.time_cells: list[tuple[int, Cell]] = []
        for index, column in enumerate(sheet.columns):
            if column.kind == "time":
                cell = WriteOnlyCell(ws)
                cell.number_format = TIME_FORMAT
                self.time_cells.append((index, cell))
        self.rows = 0
        # Look at every value for text Excel would read as a formula: needed unless the
        # rows come from a RowMaker with text cells and harmless names.
        self.guard = True

    def append(self, values: _Values) -> None:
        for index, cell in self.time_cells:
            value = values[index]
            if value is not None:
                cell.value = value
                values[index] = cell
        if self.guard:
            for index, value in enumerate(values):
                if value.__class__ is str and (value[:1] == "=" or value in ERROR_CODES):
                    values[index] = text_cell(self.ws, value)
        self.ws.append(values)
        self.rows += 1

    def finish(self) -> None:
        self.ws.auto_filter.ref = f"A1:{get_column_letter(self.width)}{self.rows + 1}"


def new_workbook(
    counts: tuple[int | None, int | None, int | None] | None = None,
) -> tuple[Workbook, SheetWriter, SheetWriter, SheetWriter]:
    counts = counts or (None, None, None)
    workbook = Workbook(write_only=True)
    return (
        workbook,
        SheetWriter(workbook, COMPLAINTS, counts[0]),
        SheetWriter(workbook, PROGRESS, counts[1]),
        SheetWriter(workbook, SURVEYS, counts[2]),
    )


@service
def export_cases(
    session: Session,
    path: str | Path,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    unmasked: bool = False,
    case_ids: Iterable[int] | None = None,
    progress: Progress | None = None,
) -> ExportResult:
    """Write the exchange workbook of the cases the session may see, registered between
    ``start`` and ``end`` (dates, inclusive) or exactly ``case_ids`` (in that order).
    ``progress(done, total)`` after each chunk of cases may return False to cancel: then
    no file is left (the workbook is written beside ``path`` and renamed at the end)."""
    require_staff(session)
    if unmasked and not session.is_manager:  # managers only: docs/rules.md#masking
        raise PermissionDenied(msg("Only managers may export unmasked contact details."))
    if start is not None and end is not None and end < start:
        raise ValidationError(msg("The end date is before the start date."), field="end")
    path = Path(path)
    started = time.perf_counter()
    db = database_proxy.obj
    cancelled = False
    with snapshot(db):
        rows = CaseRows(session, start=start, end=end, unmasked=unmasked, case_ids=case_ids)
        counts = rows.counts()
        workbook, complaints, entries, surveys = new_workbook(counts)
        for writer in (complaints, entries, surveys):
            writer.guard = rows.maker.needs_guard
        for done, c_rows, p_rows, s_rows in rows.chunks():
            for row in c_rows:
                complaints.append(row)
            for row in p_rows:
                entries.append(row)
            for row in s_rows:
                surveys.append(row)
            if progress is not None and progress(done, counts[0]) is False:
                cancelled = True
                break
    for writer in (complaints, entries, surveys):
        writer.finish()
    save_atomic(workbook, path, keep=not cancelled)
    if cancelled:
        return ExportResult(
            None,
            complaints.rows,
            entries.rows,
            surveys.rows,
            unmasked,
            cancelled=True,
            seconds=time.perf_counter() - started,
        )
    result = ExportResult(
        path,
        complaints.rows,
        entries.rows,
        surveys.rows,
        unmasked,
        seconds=time.perf_counter() - started,
    )
    details: dict[str, Any] = {  # audit details
        "file": path.name,
        "rows": result.rows,
        "unmasked": unmasked,
        "from": start.isoformat() if start else None,
        "to": end.isoformat() if end else None,
        "selection": "cases" if case_ids is not None else "period",
    }
    with write_lock(db):
        audit.record(session, "export_cases", "complaint", None, **details)
        if unmasked:
            audit.record(session, "export_unmasked", "complaint", None, **details)
    return result


_MASK_RE = re.compile(r"\*{2,}")


def looks_masked(text: str) -> bool:
    """Whether a contact or ID number was masked by an export (``138****5678``)."""
    return bool(_MASK_RE.search(text))
