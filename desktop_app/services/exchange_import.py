"""``import``: the exchange workbook (docs/rules.md#exchange-import) read into the database, all or
nothing.

Two passes over the file (openpyxl's read-only, streaming mode):

1. **Validate** every cell of every sheet (complaints first, then progress entries and
   surveys, whatever their order in the workbook) and collect every problem as
   (sheet, row as Excel numbers it, column header as written, reason). The parsed rows are
   spooled to a temporary file, not kept in memory.
2. If there was no problem and this is not a dry run, **write** everything in one
   transaction, in chunks (bulk inserts): staff accounts for unknown names, customers,
   cases, progress entries, surveys, the search index and the audit entry. Any failure
   rolls the whole import back.

Rules where the policy leaves a choice (docs/rules.md#exchange-import):

- Sheets and columns are found by Chinese label or English key (any order, any case);
  unknown sheets and columns are reported as warnings and ignored; the computed deadline
  columns of an export are ignored (deadlines are recomputed); a missing required column
  is an error.
- A complaint number already in the database, or twice in the file, is an error. A row
  without a number gets the next number of its registration day. Numbers kept from the
  file move the day's sequence past them, so new numbers never collide with them.
- Registration time defaults to the complaint time; urgency to 一般; the level to the
  subtype's (III for VIP members); the stage to 已登记; the owner to the receiver; the
  receiver to the importing user (required when importing from the command line).
  Urgency 紧急 makes the case urgent (reason: marked by staff). Closed cases (已闭环) need
  the closing time and the outcome; open ones may have neither. The batch rule and other
  automatic urgency rules are not applied to imported history, nor is routing: the owner
  is the file's.
- 紧急原因 (urgent reasons), when filled, says why the case is urgent and makes it urgent;
  the reasons replace the "marked by staff" that 紧急 alone implies (an export writes 紧急
  for every urgent case), and the registered urgency is 紧急 only when 人工标记 is among
  them, else 一般. Reasons with urgency 一般 or 低 are an error. 越级投诉 is 是/否 (blank:
  否) and does not by itself make the case urgent. 涉及产品/服务, 商户, 紧急原因, 越级投诉
  and 被投诉员工 are optional columns.
- 被投诉员工 (the staff member complained about) is an account by user name, else by a
  display name no other account shares (``intake.staff_account``), else an account this
  import creates for that name; any other name is kept as text (staff without an account).
- Times may not lie in the future; registration, response, solution and closing times not
  before the complaint time; progress entries not before their case's registration.
- Progress entries and surveys name their complaint by number: one in the file or one
  already in the database (then the case itself is not changed, except that a progress
  entry later than its last update moves its next progress-update deadline). A complaint
  has at most one survey: a second one (in the file or the database) is an error. Surveys
  without a number are proactive surveys.
- Staff names (receiver, owner, updated by, surveyor) are matched with user names, then
  display names; a display name shared by several accounts is an error (write the user
  name); a name matching nobody becomes an inactive clerk account without password.
- Customers are found by member number, else by name with the same phone number or
  e-mail address (in the database or earlier in the file), else created.
- Contacts and ID numbers masked by an export (``138****5678``) are rejected: a masked
  export cannot be imported back.
- Free text may be at most as long as the database keeps; descriptions need one
  character (history is taken as recorded; the intake form asks for more).
- At most ``MAX_ERRORS`` problems are listed; the rest are counted.

Managers and administrators only.
"""

from __future__ import annotations

import datetime as dt
import functools
import pickle
import re
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any, TypeVar, cast

from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from peewee import Database, fn

from desktop_app.db import bulk, search
from desktop_app.db.connection import for_update, is_sqlite, write_lock
from desktop_app.db.models import (
    Approval,
    CauseCategory,
    Channel,
    Complaint,
    ComplaintType,
    Customer,
    DaySequence,
    Department,
    ProgressEntry,
    Survey,
    User,
    database_proxy,
)
from desktop_app.domain import validation
from desktop_app.domain.deadlines import survey_window
from desktop_app.domain.exchange_columns import (
    COMPLAINTS,
    NO_WORDS,
    PROGRESS,
    SURVEYS,
    YES_WORDS,
    Column,
    Sheet,
    column_lookup,
    find_sheet,
    normalize_header,
)
from desktop_app.domain.messages import msg
from desktop_app.domain.vocab import (
    ALL as VOCABULARIES,
)
from desktop_app.domain.vocab import (
    LEVELS,
    Vocabulary,
    split_multi,
)
from desktop_app.services import audit, sla, workbook_limits
from desktop_app.services import settings as settings_service
from desktop_app.services.errors import ValidationError, service
from desktop_app.services.exchange_export import (
    HEADER_FILL,
    HEADER_FONT,
    looks_masked,
)
from desktop_app.services.intake import next_number, staff_account
from desktop_app.services.permissions import require_manager
from desktop_app.services.progress import Progress
from desktop_app.services.session import Session
from desktop_app.services.users import USERNAME_RE
from desktop_app.services.xlsx import text_cell

MAX_ERRORS = 50_000
CHUNK = 1000  # rows per spooled chunk, per bulk insert and per database look-up
FUTURE_TOLERANCE = dt.timedelta(minutes=2)
_T = TypeVar("_T")
_B = TypeVar("_B", bound=tuple[Any, ...])
# A data row's cells: column key → (header as written, raw value).
_Cells = dict[str, tuple[str, object]]
# A row parsed in pass 1 and spooled (pickled) for pass 2; its values passed the checks.
_Record = tuple[Any, ...]
# A row for bulk.insert_rows, in its table's column order.
_Row = tuple[object, ...]


# ---------------------------------------------------------------------------------------
# The report.


@dataclass(frozen=True)
class ImportProblem:
    """One bad cell (or header, or sheet): ``row`` as Excel numbers it (None: the sheet)."""

    sheet: str
    row: int | None
    column: str
    template: str
    params: dict[str, object] = field(default_factory=dict, compare=False)

    @property
    def reason(self) -> str:
        try:
            return self.template.format(**self.params)
        except (KeyError, IndexError, ValueError):
            return self.template

    def line(self, reason: str | None = None) -> str:
        """``sheet!row column: reason``."""
        where = self.sheet + (f"!{self.row}" if self.row is not None else "")
        return (
            f"{where} {self.column}: {reason or self.reason}"
            if self.column
            else f"{where}: {reason or self.reason}"
        )


@dataclass
class ImportReport:
    path: Path
    dry_run: bool
    errors: list[ImportProblem] = field(default_factory=list)
    warnings: list[ImportProblem] = field(default_factory=list)
    errors_omitted: int = 0  # problems past MAX_ERRORS, counted only
    # Rows per sheet: imported (written), else the data rows read.
    complaints: int = 0
    progress: int = 0
    surveys: int = 0
    new_staff: list[str] = field(default_factory=list)  # names that become accounts
    numbers_assigned: int = 0  # complaints without a number in the file
    customers_created: int = 0
    written: bool = False
    cancelled: bool = False
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.errors and not self.errors_omitted and not self.cancelled

    @property
    def error_count(self) -> int:
        return len(self.errors) + self.errors_omitted

    @property
    def rows(self) -> dict[str, int]:
        return {
            COMPLAINTS.zh: self.complaints,
            PROGRESS.zh: self.progress,
            SURVEYS.zh: self.surveys,
        }

    def lines(self) -> list[str]:
        lines = [p.line() for p in self.errors]
        if self.errors_omitted:
            lines.append(self.omitted_problem().reason)
        return lines

    def omitted_problem(self) -> ImportProblem:
        """The "... and N more problems" line, as a reason without a place (its template
        is translated like the other reasons)."""
        return ImportProblem(
            "", None, "", msg("... and {count:,} more problems"), {"count": self.errors_omitted}
        )

    def add_error(self, problem: ImportProblem) -> None:
        if len(self.errors) < MAX_ERRORS:
            self.errors.append(problem)
        else:
            self.errors_omitted += 1


ERROR_HEADERS = ("工作表", "行", "列", "原因")


def write_error_report(
    report: ImportReport, path: str | Path, *, translate: Callable[[str], str] | None = None
) -> Path:
    """Save the report's problems as a workbook: sheet, row, column, reason (Chinese
    headers). ``translate`` maps a reason's English template to the UI language."""
    path = Path(path)
    workbook = Workbook(write_only=True)
    ws = workbook.create_sheet("导入错误")
    for letter, width in zip("ABCD", (14, 8, 18, 90), strict=True):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A2"
    header = []
    for title in ERROR_HEADERS:
        cell = WriteOnlyCell(ws, value=title)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        header.append(cell)
    ws.append(header)

    def reason(problem: ImportProblem) -> str:
        if translate is None:
            return problem.reason
        try:
            return translate(problem.template).format(**problem.params)
        except (KeyError, IndexError, ValueError):
            return problem.reason

    for problem in report.errors:
        ws.append(
            [
                text_cell(ws, problem.sheet),
                problem.row,
                text_cell(ws, problem.column) if problem.column else None,
                text_cell(ws, reason(problem)),
            ]
        )
    if report.errors_omitted:
        ws.append([None, None, None, text_cell(ws, reason(report.omitted_problem()))])
    ws.auto_filter.ref = f"A1:D{len(report.errors) + 1 + bool(report.errors_omitted)}"
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return path


class _Cancelled(Exception):
    pass


class _Bad(Exception):
    """A cell's problem: the reason's template and parameters."""

    def __init__(self, template: str, **params: object) -> None:
        if isinstance(template, validation.Problem):  # a check's message and its values
            params = {**template.params, **params}
            template = template.template
        super().__init__(template)
        self.template = template
        self.params = params


# ---------------------------------------------------------------------------------------
# Cell parsers: raw openpyxl value → Python value, or raise _Bad.

_DATE_TEXT = re.compile(
    r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})"
    r"(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$"
)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool):
        raise _Bad(msg("Expected text, found {value}."), value=value)
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        raise _Bad(msg("Expected text, found a date or time."))
    return str(value).strip()


def _round_second(value: dt.datetime) -> dt.datetime:
    if value.microsecond >= 500_000:
        value += dt.timedelta(seconds=1)
    return value.replace(microsecond=0)


def parse_time(value: object) -> dt.datetime | None:
    """An Excel date-time, or text ``YYYY-MM-DD HH:MM`` (seconds optional, ``/`` allowed);
    a date alone is midnight. Naive, to the second."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            raise _Bad(msg("Times are written without a time zone."))
        return _round_second(value)
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time.min)
    if isinstance(value, str):
        match = _DATE_TEXT.match(value.strip())
        if match:
            year, month, day, hour, minute, second = [int(p) if p else 0 for p in match.groups()]
            try:
                return dt.datetime(year, month, day, hour, minute, second)
            except ValueError:
                pass
        if value.strip():
            raise _Bad(
                msg("{value!r} is not a date-time: write YYYY-MM-DD HH:MM."), value=value.strip()
            )
        return None
    raise _Bad(msg("Not a date-time: write YYYY-MM-DD HH:MM or use an Excel date cell."))


def _whole_number(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    # isdecimal, not isdigit: "¹" is a digit that int() refuses (full-width "３" is fine).
    if isinstance(value, str) and value.strip().isdecimal():
        return int(value.strip())
    return None


def parse_score(value: object) -> int:
    number = _whole_number(value)
    if number is None or not 1 <= number <= 5:
        raise _Bad(msg("A score is a whole number from 1 to 5."))
    return number


def parse_level(value: object) -> int:
    number = _whole_number(value)
    if number is None:
        term = LEVELS.parse(_text(value))
        number = int(term.code) if term else None
    if number not in (1, 2, 3):
        raise _Bad(msg("The level is I, II or III (also 一级, 二级, 三级)."))
    return number


def parse_yes_no(value: object) -> bool:
    """``是``/``否`` (also yes/no, y/n, true/false, 1/0, an Excel TRUE/FALSE cell)."""
    if isinstance(value, bool):
        return value
    number = _whole_number(value)
    text = str(number) if number is not None else str(value).strip().casefold()
    if text in YES_WORDS:
        return True
    if text in NO_WORDS:
        return False
    raise _Bad(msg("Write 是 or 否 (yes or no), not {value!r}."), value=str(value).strip())


def _choices(vocab: Vocabulary) -> str:
    return "、".join(t.zh for t in vocab)


def parse_term(vocab: Vocabulary, text: str) -> str:
    term = vocab.parse(text)
    if term is None:
        raise _Bad(
            msg("Unknown value {value!r}; use one of: {choices}."),
            value=text,
            choices=_choices(vocab),
        )
    return term.code


# A word with its text in brackets: at the end (the text may hold separators), or anywhere.
_OTHER_AT_END = re.compile(r"(?:^|[、,，])\s*([^、,，（(]+?)\s*[（(](.*)[）)]\s*$", re.S)
_OTHER_ANYWHERE = re.compile(r"(?:^|[、,，])\s*([^、,，（(]+?)\s*[（(](.*?)[）)]", re.S)
_BRACKETED = re.compile(r"^(.+?)\s*[（(](.*)[）)]\s*$", re.S)


def parse_multi(vocab: Vocabulary, text: str) -> tuple[str, str | None]:
    """Codes joined by ``,`` and the "other" text from ``其他（text）``."""
    other_text = None
    for pattern in (_OTHER_AT_END, _OTHER_ANYWHERE):
        match = pattern.search(text)
        term = vocab.parse(match.group(1)) if match else None
        if match is not None and term is not None and term.code == "other":
            other_text = match.group(2).strip() or None
            text = (
                text[: match.start()]
                + ("、" if match.start() else "")
                + match.group(1)
                + "、"
                + text[match.end() :]
            )
            break
    codes: list[str] = []
    unknown: list[str] = []
    for part in split_multi(text):
        term = vocab.parse(part)
        if term is None:
            unknown.append(part)
        elif term.code not in codes:
            codes.append(term.code)
    if unknown:
        raise _Bad(
            msg("Unknown value(s) {values}; use: {choices}."),
            values="、".join(unknown),
            choices=_choices(vocab),
        )
    order = vocab.codes()
    codes.sort(key=order.index)
    return ",".join(codes), other_text if "other" in codes else None


def parse_outcome(text: str, vocab: Vocabulary) -> tuple[str, str | None]:
    """``已解决`` or ``已解决（reason）``."""
    term = vocab.parse(text)
    if term is not None:
        return term.code, None
    match = _BRACKETED.match(text)
    term = vocab.parse(match.group(1)) if match else None
    if match and term is not None:
        return term.code, match.group(2).strip() or None
    raise _Bad(
        msg("Unknown value {value!r}; use one of: {choices} (a reason may follow in brackets)."),
        value=text,
        choices=_choices(vocab),
    )


# ---------------------------------------------------------------------------------------
# Reference data and staff.


def _fold(text: str) -> str:
    return " ".join(str(text).replace("\u3000", " ").split()).casefold()


class _Refs:
    def __init__(self) -> None:
        self.channels = self._lookup(Channel.select())
        self.departments = self._lookup(Department.select())
        self.causes = self._lookup(CauseCategory.select())
        rows = list(ComplaintType.select())
        self.types = self._lookup([r for r in rows if r.parent_id is None])
        self.type_rows = {r.id: r for r in rows}
        self.subtypes: dict[int, dict[str, int]] = {}
        self.any_subtype = self._lookup([r for r in rows if r.parent_id is not None])
        for row in rows:
            if row.parent_id is not None:
                children = self.subtypes.setdefault(row.parent_id, {})
                for key in (row.code, row.name_zh, row.name_en):
                    children.setdefault(_fold(key), row.id)

    @staticmethod
    def _lookup(
        rows: Iterable[Channel | Department | ComplaintType | CauseCategory],
    ) -> dict[str, int]:
        table: dict[str, int] = {}
        for row in rows:  # codes first, then names: a code always wins
            table.setdefault(_fold(row.code), row.id)
        for row in rows:
            for key in (row.name_zh, row.name_en):
                table.setdefault(_fold(key), row.id)
        for row in rows:  # a part of a name with a slash: 电话 for 电话/客服热线
            for key in (row.name_zh, row.name_en):
                for part in key.split("/"):
                    if part.strip():
                        table.setdefault(_fold(part), row.id)
        return table


class _Staff:
    """Staff names → user ids; unknown names collected to become inactive accounts."""

    def __init__(self) -> None:
        self.by_username: dict[str, int] = {}
        self.by_folded_username: dict[str, int] = {}
        self.by_display: dict[str, list[int]] = {}
        for uid, username, display in cast(
            Iterable[tuple[int, str, str]],
            User.select(User.id, User.username, User.display_name).tuples(),
        ):
            self.by_username[username] = uid
            self.by_folded_username.setdefault(username.casefold(), uid)
            self.by_display.setdefault(display.strip(), []).append(uid)
        self.new: dict[str, str] = {}  # folded name → the name as first written

    def resolve(self, name: str) -> int | str:
        """The user id, or the (first written) name of an account to create."""
        if name in self.by_username:
            return self.by_username[name]
        ids = self.by_display.get(name)
        if ids:
            if len(ids) > 1:
                raise _Bad(
                    msg(
                        "{name!r} is the display name of {count} accounts; write the "
                        "user name instead."
                    ),
                    name=name,
                    count=len(ids),
                )
            return ids[0]
        folded = name.casefold()
        if folded in self.by_folded_username:
            return self.by_folded_username[folded]
        if len(name) > 60:
            raise _Bad(msg("A staff name has at most 60 characters."))
        return self.new.setdefault(_fold(name), name)

    def create_accounts(self, session: Session, now: dt.datetime) -> dict[str, int]:
        """Create the inactive accounts; name as written → id."""
        taken = {u.casefold() for u in self.by_username}
        created: dict[str, int] = {}
        for name in self.new.values():
            base = re.sub(r"[^\w.\-@]", "", re.sub(r"\s+", "_", name.strip()))[:56] or "staff"
            username, n = base, 1
            while username.casefold() in taken or not USERNAME_RE.match(username):
                n += 1
                username = f"{base}-{n}"
            taken.add(username.casefold())
            user = User.create(
                username=username,
                display_name=name.strip()[:60],
                password_hash=None,
                role="clerk",
                active=False,
                created_at=now,
            )
            created[name] = user.id
        return created


# ---------------------------------------------------------------------------------------
# Pass 1: validation.


class _Spool:
    """Parsed rows on disk, pickled a chunk at a time."""

    def __init__(self) -> None:
        self.file = tempfile.TemporaryFile()  # noqa: SIM115 - closed by close()
        self.buffer: list[_Record] = []
        self.count = 0

    def add(self, record: _Record) -> None:
        self.buffer.append(record)
        self.count += 1
        if len(self.buffer) >= CHUNK:
            self.flush()

    def flush(self) -> None:
        if self.buffer:
            pickle.dump(self.buffer, self.file, protocol=pickle.HIGHEST_PROTOCOL)
            self.buffer = []

    def chunks(self) -> Iterator[list[_Record]]:
        self.flush()
        self.file.seek(0)
        while True:
            try:
                yield pickle.load(self.file)
            except EOFError:
                return

    def close(self) -> None:
        self.file.close()


@dataclass
class _SheetInput:
    sheet: Sheet
    title: str  # as in the file
    ws: ReadOnlyWorksheet


class _Validator:
    def __init__(
        self, session: Session, report: ImportReport, progress: Progress | None, total_rows: int
    ) -> None:
        self.session = session
        self.report = report
        self.now = session.now()
        self.latest = self.now + FUTURE_TOLERANCE
        self.refs = _Refs()
        self.staff = _Staff()
        self.progress_cb = progress
        self.total = total_rows
        self.done = 0
        self.prefix = str(settings_service.get("numbering.prefix") or "TS")
        self.number_re = re.compile(rf"^{re.escape(self.prefix)}-(\d{{8}})-(\d+)$")
        # Complaint number → (row, registration time) of the file's complaints.
        self.numbers: dict[str, tuple[int, dt.datetime]] = {}
        # Numbers of cases already in the database that progress or surveys name:
        # number → (id, registration time, customer id, has a survey).
        self.db_cases: dict[str, tuple[int, dt.datetime, int, bool]] = {}
        self.missing_numbers: set[str] = set()
        self.day_max: dict[str, int] = {}
        self.last_update: dict[str, dt.datetime] = {}
        self.surveyed: dict[str, int] = {}  # number → row of its survey in the file
        self.spools = {s.key: _Spool() for s in (COMPLAINTS, PROGRESS, SURVEYS)}
        self.read = {s.key: 0 for s in (COMPLAINTS, PROGRESS, SURVEYS)}  # data rows
        self.vocab = VOCABULARIES
        # 被投诉员工 names looked up → user id (None: no such account, kept as text).
        self.subjects: dict[str, int | None] = {}

    # -- helpers -------------------------------------------------------------------------

    def error(
        self, sheet: str, row: int | None, column: str, template: str, **params: object
    ) -> None:
        self.report.add_error(ImportProblem(sheet, row, column, template, params))

    def tick(self) -> None:
        self.done += 1
        if (
            self.progress_cb is not None
            and self.done % CHUNK == 0
            and self.progress_cb(self.done, max(self.total, self.done)) is False
        ):
            raise _Cancelled

    def rows(self, item: _SheetInput) -> Iterator[tuple[int, dict[str, tuple[str, object]]]]:
        """(row number, {key: (header, raw value)}) of each non-empty data row, after
        checking the header row."""
        sheet, title = item.sheet, item.title
        lookup = column_lookup(sheet)
        mapping: list[tuple[int, Column, str]] = []
        header_row = None
        # The stubs give ReadOnlyWorksheet the iter_rows of Worksheet, typed for that class.
        rows = item.ws.iter_rows(values_only=True)  # type: ignore[misc]
        for number, values in enumerate(rows, 1):
            if header_row is None:
                if not any(v is not None and str(v).strip() for v in values):
                    continue
                header_row = number
                seen: dict[str, str] = {}
                for index, raw in enumerate(values):
                    if raw is None or not str(raw).strip():
                        continue
                    header = str(raw).strip()
                    column = lookup.get(normalize_header(header))
                    if column is None:
                        self.report.warnings.append(
                            ImportProblem(
                                title, number, header, msg("Unknown column; it was ignored.")
                            )
                        )
                        continue
                    if column.key in seen:
                        self.error(
                            title,
                            number,
                            header,
                            msg("The column {first!r} appears twice."),
                            first=seen[column.key],
                        )
                        continue
                    seen[column.key] = header
                    if not column.export_only:
                        mapping.append((index, column, header))
                for column in sheet.import_columns:
                    if column.required and column.key not in seen:
                        self.error(
                            title,
                            number,
                            column.zh,
                            msg("The required column {label} ({key}) is missing."),
                            label=column.zh,
                            key=column.key,
                        )
                continue
            cells: dict[str, tuple[str, object]] = {}
            empty = True
            width = len(values)
            for index, column, header in mapping:
                raw = values[index] if index < width else None
                if isinstance(raw, str):
                    raw = raw.strip()
                    if not raw:
                        raw = None
                if raw is not None:
                    empty = False
                cells[column.key] = (header, raw)
            if empty:
                continue
            self.read[sheet.key] += 1
            yield number, cells
            self.tick()

    def cell(
        self,
        title: str,
        row: int,
        cells: _Cells,
        key: str,
        parse: Callable[[object], _T],
        *,
        required: bool = False,
        column: Column | None = None,
    ) -> _T | None:
        """Parse one cell; on a problem record it and return None."""
        header, raw = cells.get(key, (None, None))
        label = header or key
        if raw is None:
            if required and header is not None:
                self.error(title, row, label, msg("This cell is required."))
            return None
        try:
            value = parse(raw)
        except _Bad as bad:
            self.error(title, row, label, bad.template, **bad.params)
            return None
        if (
            column is not None
            and column.max_length
            and isinstance(value, str)
            and len(value) > column.max_length
        ):
            self.error(
                title,
                row,
                label,
                msg("At most {maximum} characters ({length} now)."),
                maximum=column.max_length,
                length=len(value),
            )
            return None
        return value

    def text(
        self, title: str, row: int, cells: _Cells, sheet: Sheet, key: str, required: bool = False
    ) -> str | None:
        return self.cell(
            title,
            row,
            cells,
            key,
            lambda v: _text(v) or None,
            required=required,
            column=sheet.column(key),
        )

    def time(
        self,
        title: str,
        row: int,
        cells: _Cells,
        key: str,
        required: bool = False,
        *,
        not_before: dt.datetime | None = None,
        future_ok: bool = False,
    ) -> dt.datetime | None:
        """A time cell; ``not_before``: the complaint time, which it cannot precede."""
        value = self.cell(title, row, cells, key, parse_time, required=required)
        if value is None:
            return None
        header = cells[key][0]
        if value > self.latest and not future_ok:
            self.error(
                title, row, header, msg("{time} is in the future."), time=f"{value:%Y-%m-%d %H:%M}"
            )
        elif not_before is not None and value < not_before:
            self.error(
                title,
                row,
                header,
                msg("{time} is before the complaint time ({limit})."),
                time=f"{value:%Y-%m-%d %H:%M}",
                limit=f"{not_before:%Y-%m-%d %H:%M}",
            )
        return value

    def term(
        self,
        title: str,
        row: int,
        cells: _Cells,
        key: str,
        vocab_name: str,
        required: bool = False,
    ) -> str | None:
        vocab = self.vocab[vocab_name]
        return self.cell(
            title, row, cells, key, lambda v: parse_term(vocab, _text(v)), required=required
        )

    def person(
        self, title: str, row: int, cells: _Cells, key: str, required: bool = False
    ) -> int | str | None:
        return self.cell(
            title, row, cells, key, lambda v: self.staff.resolve(_text(v)), required=required
        )

    def ref(
        self,
        title: str,
        row: int,
        cells: _Cells,
        key: str,
        table: dict[str, int],
        required: bool = True,
    ) -> int | None:
        """A code or name of ``table`` (the channels, types or departments)."""

        def parse(value: object) -> int:
            text = _text(value)
            found = table.get(_fold(text))
            if found is None:
                # one whole template per column, each translated as a whole
                raise _Bad(
                    {
                        "channel": msg("Unknown channel {value!r}."),
                        "type": msg("Unknown complaint type {value!r}."),
                        "department": msg("Unknown department {value!r}."),
                        "root_cause": msg("Unknown root cause {value!r}."),
                    }.get(key, msg("Unknown value {value!r}.")),
                    value=text,
                )
            return found

        return self.cell(title, row, cells, key, parse, required=required)

    # -- complaints ----------------------------------------------------------------------

    def complaints(self, item: _SheetInput) -> None:
        title, sheet = item.title, COMPLAINTS
        pending: list[tuple[int, str, str]] = []  # (row, number, header) to check in the DB
        refs = self.refs
        spool = self.spools["complaints"]
        for row, cells in self.rows(item):
            text = functools.partial(self.text, title, row, cells, sheet)
            number = text("complaint_number")
            if number is not None:
                first = self.numbers.get(number)
                if first is not None:
                    self.error(
                        title,
                        row,
                        cells["complaint_number"][0],
                        msg("The complaint number {number} is also on row {first}."),
                        number=number,
                        first=first[0],
                    )
                    number = None
                else:
                    pending.append((row, number, cells["complaint_number"][0]))
                    match = self.number_re.match(number)
                    if match:
                        day, seq = match.group(1), int(match.group(2))
                        if seq > self.day_max.get(day, 0):
                            self.day_max[day] = seq
            name = text("customer_name", True)
            contact = self.cell(
                title,
                row,
                cells,
                "contact",
                _contact,
                required=True,
                column=sheet.column("contact"),
            )
            member = text("member_number")
            id_number = self.cell(
                title, row, cells, "id_number", _id_number, column=sheet.column("id_number")
            )
            tier = self.term(title, row, cells, "member_tier", "member_tier") or "regular"
            complaint_time = self.time(title, row, cells, "complaint_time", True)
            registered = (
                self.time(title, row, cells, "registration_time", not_before=complaint_time)
                or complaint_time
            )
            channel = self.ref(title, row, cells, "channel", refs.channels)
            type_id = self.ref(title, row, cells, "type", refs.types)
            subtype_id = self.subtype(title, row, cells, type_id)
            urgency_given = self.term(title, row, cells, "urgency", "urgency")
            level = self.cell(title, row, cells, "level", parse_level)
            description = text("description", True)
            requests = self.cell(
                title,
                row,
                cells,
                "customer_requests",
                lambda v: parse_multi(self.vocab["customer_request"], _text(v)),
            ) or ("", None)
            if requests[1] is not None and len(requests[1]) > 200:
                self.error(
                    title,
                    row,
                    cells["customer_requests"][0],
                    msg("The text of 其他 has at most 200 characters."),
                )
            department = self.ref(title, row, cells, "department", refs.departments)
            receiver = self.person(title, row, cells, "receiver")
            if receiver is None and _blank(cells, "receiver"):
                receiver = self.session.user_id
                if receiver is None:
                    self.error(
                        title,
                        row,
                        _header(cells, sheet, "receiver"),
                        msg("Name the receiver (接收人)."),
                    )
            stage = self.term(title, row, cells, "stage", "stage") or "registered"
            owner = self.person(title, row, cells, "owner")
            if owner is None and _blank(cells, "owner"):
                owner = receiver
            after = complaint_time
            responded = self.time(title, row, cells, "first_response_at", not_before=after)
            agreed = self.time(title, row, cells, "solution_agreed_at", not_before=after)
            closed = self.time(title, row, cells, "closed_at", not_before=after)
            outcome = self.cell(
                title,
                row,
                cells,
                "outcome",
                lambda v: parse_outcome(_text(v), self.vocab["outcome"]),
            )
            if stage == "closed":
                for key, value in (("closed_at", closed), ("outcome", outcome)):
                    if value is None and _blank(cells, key):
                        self.error(
                            title,
                            row,
                            _header(cells, sheet, key),
                            msg("A closed case (已闭环) needs its closing time.")
                            if key == "closed_at"
                            else msg("A closed case (已闭环) needs its outcome."),
                        )
            else:
                for key, value in (("closed_at", closed), ("outcome", outcome)):
                    if value is not None:
                        self.error(
                            title,
                            row,
                            cells[key][0],
                            msg("Only a closed case (已闭环) has a closing time.")
                            if key == "closed_at"
                            else msg("Only a closed case (已闭环) has an outcome."),
                        )
            if level is None and subtype_id is not None:
                level = sla.default_level(refs.type_rows[subtype_id], tier, False)
            product, merchant = text("product"), text("merchant")
            urgency, urgent, reasons = self.urgency(title, row, cells, urgency_given)
            head_office = bool(self.cell(title, row, cells, "head_office", parse_yes_no))
            subject = self.cell(
                title,
                row,
                cells,
                "subject_staff",
                self.subject_staff,
                column=sheet.column("subject_staff"),
            )
            cause = self.ref(title, row, cells, "root_cause", refs.causes, required=False)
            cause_notes = text("root_cause_notes")
            if number is not None and registered is not None:
                self.numbers[number] = (row, registered)
            if len(pending) >= CHUNK:
                self.check_new_numbers(title, pending)
            if self.report.errors:
                continue  # nothing will be written: stop spooling
            spool.add(
                (
                    row,
                    number,
                    name,
                    contact,
                    member,
                    id_number,
                    tier,
                    complaint_time,
                    registered,
                    channel,
                    type_id,
                    subtype_id,
                    urgency,
                    level,
                    description,
                    requests[0],
                    requests[1],
                    department,
                    receiver,
                    stage,
                    owner,
                    responded,
                    agreed,
                    closed,
                    outcome[0] if outcome else None,
                    outcome[1] if outcome else None,
                    product,
                    merchant,
                    urgent,
                    reasons,
                    head_office,
                    subject,
                    cause,
                    cause_notes,
                )
            )
        self.check_new_numbers(title, pending)

    def urgency(
        self, title: str, row: int, cells: _Cells, given: str | None
    ) -> tuple[str, bool, str]:
        """(registered urgency, urgent, reasons) from 紧急程度 and 紧急原因
        (docs/rules.md#exchange-import): the reasons column, when filled, says why the
        case is urgent (and makes it so); else urgency 紧急 means marked by staff. An
        export writes 紧急 for every urgent case, so the registered urgency is 紧急 only
        when staff marked it (人工标记), else 一般."""
        parsed = self.cell(
            title,
            row,
            cells,
            "urgent_reasons",
            lambda v: parse_multi(self.vocab["urgent_reason"], _text(v))[0],
        )
        if not parsed:
            urgency = given or "normal"
            return urgency, urgency == "urgent", "staff" if urgency == "urgent" else ""
        if given not in (None, "urgent"):
            self.error(
                title,
                row,
                cells["urgent_reasons"][0],
                msg(
                    "Urgent reasons are given but the urgency is {urgency}: write 紧急 or no urgency."
                ),
                urgency=self.vocab["urgency"].label(given, "zh"),
            )
        codes = parsed.split(",")
        return ("urgent" if "staff" in codes else "normal"), True, parsed

    def subject_staff(self, value: object) -> int | str:
        """The account the 被投诉员工 cell names (user name, else the one account with
        that display name: ``intake.staff_account``), else the name as written."""
        name = _text(value)
        if name not in self.subjects:
            user = staff_account(name)
            self.subjects[name] = user.id if user is not None else None
        found = self.subjects[name]
        return found if found is not None else name

    def subtype(self, title: str, row: int, cells: _Cells, type_id: int | None) -> int | None:
        def parse(value: object) -> int:
            text = _fold(_text(value))
            if type_id is not None:
                found = self.refs.subtypes.get(type_id, {}).get(text)
                if found is None:
                    if text in self.refs.any_subtype:
                        raise _Bad(
                            msg("{value!r} is not a subtype of the row's type."), value=_text(value)
                        )
                    raise _Bad(msg("Unknown subtype {value!r}."), value=_text(value))
                return found
            found = self.refs.any_subtype.get(text)
            if found is None:
                raise _Bad(msg("Unknown subtype {value!r}."), value=_text(value))
            return found

        return self.cell(title, row, cells, "subtype", parse, required=True)

    def check_new_numbers(self, title: str, pending: list[tuple[int, str, str]]) -> None:
        if not pending:
            return
        numbers = [p[1] for p in pending]
        taken = {
            n
            for (n,) in cast(
                Iterable[tuple[str]],
                Complaint.select(Complaint.number).where(Complaint.number.in_(numbers)).tuples(),
            )
        }
        for row, number, header in pending:
            if number in taken:
                self.error(
                    title,
                    row,
                    header,
                    msg("The complaint number {number} is already in the database."),
                    number=number,
                )
        pending.clear()

    # -- linking progress and surveys to complaints --------------------------------------

    def look_up_numbers(self, numbers: set[str]) -> None:
        """Find numbers not in the file among the database's cases."""
        unknown = [
            n
            for n in numbers
            if n not in self.numbers and n not in self.db_cases and n not in self.missing_numbers
        ]
        if not unknown:
            return
        found: dict[str, tuple[int, dt.datetime, int]] = {}
        for case_id, number, registered, customer_id in cast(
            Iterable[tuple[int, str, dt.datetime, int]],
            Complaint.select(
                Complaint.id, Complaint.number, Complaint.registration_time, Complaint.customer
            )
            .where(Complaint.number.in_(unknown))
            .tuples(),
        ):
            found[number] = (case_id, registered, customer_id)
        surveyed: set[int] = set()
        if found:
            surveyed = {
                c
                for (c,) in cast(
                    Iterable[tuple[int]],
                    Survey.select(Survey.complaint)
                    .where(Survey.complaint.in_([v[0] for v in found.values()]))
                    .tuples(),
                )
            }
        for number in unknown:
            if number in found:
                case_id, registered, customer_id = found[number]
                self.db_cases[number] = (case_id, registered, customer_id, case_id in surveyed)
            else:
                self.missing_numbers.add(number)

    def registered(self, number: str) -> dt.datetime | None:
        if number in self.numbers:
            return self.numbers[number][1]
        if number in self.db_cases:
            return self.db_cases[number][1]
        return None

    def linked(self, title: str, batch: list[_B], check: Callable[[_B], None]) -> None:
        """Check a batch of (row, number, header, ...) rows against the known cases."""
        self.look_up_numbers({b[1] for b in batch if b[1] is not None})
        for item in batch:
            row, number, header = item[:3]
            if number is None:
                continue
            if number in self.missing_numbers:
                self.error(
                    title,
                    row,
                    header,
                    msg("No complaint {number} in this file or the database."),
                    number=number,
                )
                continue
            check(item)

    # -- progress ------------------------------------------------------------------------

    def progress(self, item: _SheetInput) -> None:
        title, sheet = item.title, PROGRESS
        spool = self.spools["progress"]
        # (row, number, header, header of updated_at, updated_at)
        batch: list[tuple[int, str, str, str, dt.datetime | None]] = []

        def check(entry: tuple[int, str, str, str, dt.datetime | None]) -> None:
            row, number, header, updated_header, updated_at = entry
            registered = self.registered(number)
            if updated_at is not None and registered is not None and updated_at < registered:
                self.error(
                    title,
                    row,
                    updated_header,
                    msg("{time} is before the complaint was registered ({limit})."),
                    time=f"{updated_at:%Y-%m-%d %H:%M}",
                    limit=f"{registered:%Y-%m-%d %H:%M}",
                )
            if updated_at is not None:
                last = self.last_update.get(number)
                if last is not None and updated_at < last:
                    # A case's history is kept in the order it happened (``check``).
                    self.error(
                        title,
                        row,
                        updated_header,
                        msg(
                            "{time} is before the previous progress row of {number} "
                            "({previous}): list a case's progress in time order."
                        ),
                        time=f"{updated_at:%Y-%m-%d %H:%M}",
                        number=number,
                        previous=f"{last:%Y-%m-%d %H:%M}",
                    )
                elif last is None or updated_at > last:
                    self.last_update[number] = updated_at

        for row, cells in self.rows(item):
            text = functools.partial(self.text, title, row, cells, sheet)
            number = text("complaint_number", True)
            stage = self.term(title, row, cells, "stage", "stage", True)
            owner = self.person(title, row, cells, "owner", True)
            planned = self.time(title, row, cells, "planned_completion", future_ok=True)
            actual = self.time(title, row, cells, "actual_completion")
            result = text("result")
            feedback = self.term(title, row, cells, "customer_feedback", "customer_feedback")
            comment = text("feedback_comment")
            next_action = text("next_action")
            updated_at = self.time(title, row, cells, "updated_at", True)
            updated_by = self.person(title, row, cells, "updated_by")
            if updated_by is None and _blank(cells, "updated_by"):
                updated_by = owner
            if number is not None:
                batch.append(
                    (
                        row,
                        number,
                        cells["complaint_number"][0],
                        cells.get("updated_at", ("",))[0],
                        updated_at,
                    )
                )
            if len(batch) >= CHUNK:
                self.linked(title, batch, check)
                batch.clear()
            if self.report.errors:
                continue
            spool.add(
                (
                    row,
                    number,
                    stage,
                    owner,
                    planned,
                    actual,
                    result,
                    feedback,
                    comment,
                    next_action,
                    updated_at,
                    updated_by,
                )
            )
        self.linked(title, batch, check)

    # -- surveys -------------------------------------------------------------------------

    def surveys(self, item: _SheetInput) -> None:
        title, sheet = item.title, SURVEYS
        spool = self.spools["surveys"]
        batch: list[tuple[int, str, str]] = []  # (row, number, header)

        def check(entry: tuple[int, str, str]) -> None:
            row, number, header = entry
            first = self.surveyed.get(number)
            if first is not None and first != row:
                self.error(
                    title,
                    row,
                    header,
                    msg(
                        "Complaint {number} already has a survey "
                        "(row {first}); a complaint has one survey."
                    ),
                    number=number,
                    first=first,
                )
            elif number in self.db_cases and self.db_cases[number][3]:
                self.error(
                    title,
                    row,
                    header,
                    msg("Complaint {number} already has a survey in the database."),
                    number=number,
                )

        for row, cells in self.rows(item):
            text = functools.partial(self.text, title, row, cells, sheet)
            number = text("complaint_number")
            name = text("customer_name", True)
            survey_time = self.time(title, row, cells, "survey_time", True)
            method = self.term(title, row, cells, "method", "survey_method", True)
            surveyor = self.person(title, row, cells, "surveyor", True)
            scores = [
                self.cell(title, row, cells, key, parse_score, required=True)
                for key in ("timeliness", "effectiveness", "attitude", "overall")
            ]
            aspects: list[tuple[str, str | None]] = []
            for key in ("most_satisfied", "needs_improvement"):
                value = self.cell(
                    title,
                    row,
                    cells,
                    key,
                    lambda v: parse_multi(self.vocab["survey_aspect"], _text(v)),
                ) or ("", None)
                if value[1] is not None and len(value[1]) > 200:
                    self.error(
                        title,
                        row,
                        cells[key][0],
                        msg("The text of 其他 has at most 200 characters."),
                    )
                aspects.append(value)
            suggestions = text("suggestions")
            if number is not None:
                batch.append((row, number, cells["complaint_number"][0]))
                self.surveyed.setdefault(number, row)
            if len(batch) >= CHUNK:
                self.linked(title, batch, check)
                batch.clear()
            if self.report.errors:
                continue
            spool.add(
                (
                    row,
                    number,
                    name,
                    survey_time,
                    method,
                    surveyor,
                    *scores,
                    aspects[0][0],
                    aspects[0][1],
                    aspects[1][0],
                    aspects[1][1],
                    suggestions,
                )
            )
        self.linked(title, batch, check)


def _blank(cells: _Cells, key: str) -> bool:
    """The row has no value for ``key`` (its cell is empty or the column absent)."""
    return cells.get(key, (None, None))[1] is None


def _header(cells: _Cells, sheet: Sheet, key: str) -> str:
    """The column's header as written, or its Chinese label when the column is absent."""
    return cells[key][0] if key in cells else sheet.column(key).zh


def _contact(value: object) -> str:
    text = _text(value)
    if looks_masked(text):
        raise _Bad(
            msg(
                "The contact is masked ({value}): a masked export cannot be imported; "
                "export with unmasked contacts."
            ),
            value=text,
        )
    problem = validation.check_contact(text)
    if problem:
        raise _Bad(problem)
    for part in validation.split_contacts(text):
        limit = 120 if validation.contact_kind(part) == "email" else 40
        if len(part) > limit:  # what the customer record keeps
            raise _Bad(msg("{value!r} is longer than {limit} characters."), value=part, limit=limit)
    return text


def _id_number(value: object) -> str | None:
    text = _text(value).upper()
    if not text:
        return None
    if looks_masked(text):
        raise _Bad(
            msg(
                "The ID number is masked: a masked export cannot be imported; export "
                "with unmasked contacts."
            )
        )
    problem = validation.check_id_number(text)
    if problem:
        raise _Bad(problem)
    return text


# ---------------------------------------------------------------------------------------
# Pass 2: writing.

COMPLAINT_COLUMNS = (
    "id",
    "number",
    "customer_id",
    "customer_name",
    "contact",
    "member_number",
    "id_number",
    "member_tier",
    "complaint_time",
    "registration_time",
    "channel_id",
    "type_id",
    "subtype_id",
    "urgency",
    "description",
    "customer_requests",
    "customer_request_other",
    "department_id",
    "receiver_id",
    "product",
    "merchant",
    "subject_staff_id",
    "subject_staff_name",
    "repeat_of_id",
    "account_frozen_at",
    "root_cause_id",
    "root_cause_notes",
    "owner_id",
    "stage",
    "is_open",
    "level",
    "urgent",
    "urgent_reasons",
    "priority",
    "batch_id",
    "head_office",
    "complex_case",
    "escalation_step",
    "reopen_count",
    "reopened_at",
    "outcome",
    "outcome_reason",
    "first_response_at",
    "solution_agreed_at",
    "closed_at",
    "last_update_at",
    "first_response_due",
    "solution_due",
    "resolution_due",
    "renegotiated_due",
    "next_update_due",
    "next_due",
    "survey_due",
    "no_survey_reason",
    "version",
    "created_at",
    "updated_at",
    "updated_by_id",
)
CUSTOMER_COLUMNS = (
    "id",
    "name",
    "phone",
    "email",
    "member_number",
    "id_number",
    "tier",
    "sensitive",
    "sensitive_kind",
    "notes",
    "created_at",
    "updated_at",
)
PROGRESS_COLUMNS = (
    "complaint_id",
    "stage",
    "owner_id",
    "planned_completion",
    "actual_completion",
    "result",
    "customer_feedback",
    "feedback_comment",
    "next_action",
    "updated_at",
    "updated_by_id",
)
SURVEY_COLUMNS = (
    "complaint_id",
    "customer_id",
    "customer_name",
    "survey_time",
    "method",
    "surveyor_id",
    "timeliness",
    "effectiveness",
    "attitude",
    "overall",
    "most_satisfied",
    "most_satisfied_other",
    "needs_improvement",
    "needs_improvement_other",
    "suggestions",
    "created_at",
)

# The solution of a case imported at the approval stage (the workbook has no such column).
IMPORTED_SOLUTION = "（导入时处于审批阶段，方案见处理进度）"

TABLE_COLUMNS = (
    (Complaint, COMPLAINT_COLUMNS),
    (Customer, CUSTOMER_COLUMNS),
    (ProgressEntry, PROGRESS_COLUMNS),
    (Survey, SURVEY_COLUMNS),
    (Approval, bulk.APPROVAL_COLUMNS),
)


def check_columns() -> None:
    """Every column of the tables written is given a value (a schema change that adds
    one fails here, loudly, instead of inserting rows without it)."""
    for model, columns in TABLE_COLUMNS:
        missing = ({f.column_name for f in model._meta.sorted_fields} - set(columns)) - {"id"}
        assert not missing, f"import rows of {model.__name__} lack {sorted(missing)}"


class _Writer:
    def __init__(
        self,
        db: Database,
        session: Session,
        validator: _Validator,
        report: ImportReport,
        progress: Progress | None,
    ) -> None:
        self.db = db
        self.sqlite = is_sqlite(db)
        self.session = session
        self.v = validator
        self.report = report
        self.progress_cb = progress
        self.now = validator.now
        ctx = sla.SlaContext.load()
        calendar = ctx.calendar
        # Pure for one calendar: memoized, the deadline rules cost a look-up per case (on
        # this instance only; mypy does not allow replacing a method).
        calendar.add_working_days = functools.lru_cache(maxsize=None)(calendar.add_working_days)  # type: ignore[method-assign]
        calendar.next_working_day = functools.lru_cache(maxsize=None)(calendar.next_working_day)  # type: ignore[method-assign]
        self.ctx = ctx
        self.callback_rules = {i: r.callback_rule for i, r in validator.refs.type_rows.items()}
        self.staff: dict[str, int] = {}
        self.customer_keys: dict[tuple[str, ...], int] = {}
        self.cases: dict[str, tuple[int, int]] = {
            n: (c[0], c[2]) for n, c in validator.db_cases.items()
        }
        self.touched_existing: set[str] = set()

    def stamp(self, value: object) -> object:
        if value is None or not self.sqlite:
            return value
        return str(value)

    def insert(self, table: str, columns: tuple[str, ...], rows: list[_Row]) -> None:
        bulk.insert_rows(self.db, table, columns, rows, page_size=CHUNK)

    def reserve_ids(self, table: str, count: int) -> list[int]:
        return bulk.reserve_ids(self.db, table, count)

    def person(self, value: int | str) -> int:
        return value if isinstance(value, int) else self.staff[value]

    def subject(self, value: int | str | None) -> tuple[int | None, str | None]:
        """(subject_staff_id, subject_staff_name) of a 被投诉员工 cell: a name that no
        account had but this import gives one (as receiver, owner …) names that account."""
        if value is None or isinstance(value, int):
            return value, None
        written = self.v.staff.new.get(_fold(value))
        if written is not None and written in self.staff:
            return self.staff[written], None
        return None, value

    def tick(self, rows: int) -> None:
        self.v.done += rows
        if (
            self.progress_cb is not None
            and self.progress_cb(self.v.done, max(self.v.total, self.v.done)) is False
        ):
            raise _Cancelled

    def run(self) -> None:
        check_columns()
        self.staff = self.v.staff.create_accounts(self.session, self.now)
        self.report.new_staff = list(self.staff)
        # Each day's sequence past the file's numbers, in one statement per day that locks
        # that day's row only (a save on another PC numbers other days meanwhile).
        bigger = fn.MAX if self.sqlite else fn.GREATEST
        for day, last in sorted(self.v.day_max.items()):
            (
                DaySequence.insert(day=day, last=last)
                .on_conflict(
                    conflict_target=[DaySequence.day],
                    update={DaySequence.last: bigger(DaySequence.last, last)},
                )
                .execute()
            )
        for chunk in self.v.spools["complaints"].chunks():
            self.complaints(chunk)
            self.tick(len(chunk))
        for chunk in self.v.spools["progress"].chunks():
            self.progress(chunk)
            self.tick(len(chunk))
        for chunk in self.v.spools["surveys"].chunks():
            self.surveys(chunk)
            self.tick(len(chunk))
        self.refresh_existing()

    # -- customers -----------------------------------------------------------------------

    def customers(self, chunk: list[_Record]) -> list[int]:
        """The customer id of each complaint record, creating customers as needed."""
        keys_of: list[tuple[list[tuple[str, ...]], str | None, str | None]] = []
        members: set[str] = set()
        phones: set[str] = set()
        emails: set[str] = set()
        cid: int | None
        for rec in chunk:
            name, contact, member = rec[2], rec[3], rec[4]
            phone: str | None = None
            email: str | None = None
            for part in validation.split_contacts(contact):
                kind: str | None = validation.contact_kind(part)
                if kind == "email":
                    email = email or part
                else:
                    phone = phone or part
            keys: list[tuple[str, ...]] = []
            if member:
                keys.append(("m", member))
                members.add(member)
            if phone:
                keys.append(("p", name, phone))
                phones.add(phone)
            if email:
                keys.append(("e", name, email))
                emails.add(email)
            keys_of.append((keys, phone, email))
        known = self.customer_keys
        wanted_members = [m for m in members if ("m", m) not in known]
        if wanted_members:
            for cid, member in cast(
                Iterable[tuple[int, str]],
                Customer.select(Customer.id, Customer.member_number)
                .where(Customer.member_number.in_(wanted_members))
                .tuples(),
            ):
                known[("m", member)] = cid
        for column, kind, values in ((Customer.phone, "p", phones), (Customer.email, "e", emails)):
            if values:
                for cid, name, value in cast(
                    Iterable[tuple[int, str, str]],
                    Customer.select(Customer.id, Customer.name, column)
                    .where(column.in_(list(values)))
                    .order_by(Customer.id)
                    .tuples(),
                ):
                    known.setdefault((kind, name, value), cid)
        new_rows: list[_Row] = []
        result: list[int] = []
        new_ids = iter(
            self.reserve_ids(
                "customer", sum(1 for keys, _, _ in keys_of if not any(k in known for k in keys))
            )
        )
        for rec, (keys, phone, email) in zip(chunk, keys_of, strict=True):
            cid = next((known[k] for k in keys if k in known), None)
            if cid is None:
                cid = next(new_ids)
                stamp = self.stamp(rec[8])
                new_rows.append(
                    (
                        cid,
                        rec[2],
                        phone,
                        email,
                        rec[4],
                        rec[5],
                        rec[6],
                        False,
                        None,
                        None,
                        stamp,
                        stamp,
                    )
                )
            for key in keys:
                known.setdefault(key, cid)
            result.append(cid)
        # A customer created from an earlier row of this chunk may have matched a later
        # one only by the keys registered above: ids come from ``known`` in order.
        self.insert("customer", CUSTOMER_COLUMNS, new_rows)
        self.report.customers_created += len(new_rows)
        return result

    # -- complaints ----------------------------------------------------------------------

    def complaints(self, chunk: list[_Record]) -> None:
        customers = self.customers(chunk)
        ids = self.reserve_ids("complaint", len(chunk))
        prefix = self.v.prefix
        S = self.stamp
        rows: list[_Row] = []
        approvals: list[_Row] = []
        index: list[tuple[int, str]] = []
        ctx = self.ctx
        for rec, customer_id, case_id in zip(chunk, customers, ids, strict=True):
            (
                _row,
                number,
                name,
                contact,
                member,
                id_number,
                tier,
                complaint_time,
                registered,
                channel,
                type_id,
                subtype_id,
                urgency,
                level,
                description,
                requests,
                request_other,
                department,
                receiver,
                stage,
                owner,
                responded,
                agreed,
                closed,
                outcome,
                outcome_reason,
                product,
                merchant,
                urgent,
                reasons,
                head_office,
                subject,
                cause,
                cause_notes,
            ) = rec
            if number is None:
                number = next_number(registered.date(), prefix)
                self.report.numbers_assigned += 1
            subject_id, subject_name = self.subject(subject)
            is_open = stage != "closed"
            case = SimpleNamespace(
                reopened_at=None,
                complaint_time=complaint_time,
                registration_time=registered,
                urgency=urgency,
                urgent=urgent,
                member_tier=tier,
                reopen_count=0,
                renegotiated_due=None,
                level=level,
                is_open=is_open,
                first_response_at=responded,
                solution_agreed_at=agreed,
                last_update_at=self.v.last_update.get(number),
                first_response_due=None,
                solution_due=None,
                resolution_due=None,
                priority=None,
                next_due=None,
                next_update_due=None,
            )
            # A stand-in with the fields refresh_case reads and sets.
            sla.refresh_case(cast(Complaint, case), ctx, self.callback_rules.get(subtype_id))
            receiver_id, owner_id = self.person(receiver), self.person(owner)
            survey_due = survey_window(closed, ctx.policy)[1] if closed else None
            rows.append(
                (
                    case_id,
                    number,
                    customer_id,
                    name,
                    contact,
                    member,
                    id_number,
                    tier,
                    S(complaint_time),
                    S(registered),
                    channel,
                    type_id,
                    subtype_id,
                    urgency,
                    description,
                    requests,
                    request_other,
                    department,
                    receiver_id,
                    product,
                    merchant,
                    subject_id,
                    subject_name,
                    None,
                    None,
                    cause,
                    cause_notes,
                    owner_id,
                    stage,
                    is_open,
                    level,
                    urgent,
                    reasons,
                    case.priority,
                    None,
                    head_office,
                    False,
                    0,
                    0,
                    None,
                    outcome,
                    outcome_reason,
                    S(responded),
                    S(agreed),
                    S(closed),
                    S(case.last_update_at),
                    S(case.first_response_due),
                    S(case.solution_due),
                    S(case.resolution_due),
                    None,
                    S(case.next_update_due),
                    S(case.next_due),
                    S(survey_due),
                    None,
                    1,
                    S(registered),
                    S(self.now),
                    self.session.user_id,
                )
            )
            index.append((case_id, description))
            self.cases[number] = (case_id, customer_id)
            requester = owner_id or receiver_id or self.session.user_id
            if stage == "approval" and requester is not None:
                # The workbook carries no approval requests: a case at the approval stage
                # gets its owner's pending one, so a supervisor can decide it
                # (docs/rules.md#exchange-import).
                approvals.append(
                    bulk.pending_approval(
                        case_id, IMPORTED_SOLUTION, requester, S(case.last_update_at or registered)
                    )
                )
        self.insert("complaint", COMPLAINT_COLUMNS, rows)
        self.insert("approval", bulk.APPROVAL_COLUMNS, approvals)
        search.index_rows(self.db, index)
        self.report.complaints += len(rows)

    def progress(self, chunk: list[_Record]) -> None:
        S = self.stamp
        rows: list[_Row] = []
        for (
            _row,
            number,
            stage,
            owner,
            planned,
            actual,
            result,
            feedback,
            comment,
            next_action,
            updated_at,
            updated_by,
        ) in chunk:
            case_id = self.cases[number][0]
            if number in self.v.db_cases:
                self.touched_existing.add(number)
            rows.append(
                (
                    case_id,
                    stage,
                    self.person(owner),
                    S(planned),
                    S(actual),
                    result,
                    feedback,
                    comment,
                    next_action,
                    S(updated_at),
                    self.person(updated_by),
                )
            )
        self.insert("progress_entry", PROGRESS_COLUMNS, rows)
        self.report.progress += len(rows)

    def surveys(self, chunk: list[_Record]) -> None:
        S = self.stamp
        rows: list[_Row] = []
        for (
            _row,
            number,
            name,
            survey_time,
            method,
            surveyor,
            t,
            e,
            a,
            o,
            most,
            most_other,
            improve,
            improve_other,
            suggestions,
        ) in chunk:
            case_id, customer_id = self.cases[number] if number is not None else (None, None)
            rows.append(
                (
                    case_id,
                    customer_id,
                    name,
                    S(survey_time),
                    method,
                    self.person(surveyor),
                    t,
                    e,
                    a,
                    o,
                    most,
                    most_other,
                    improve,
                    improve_other,
                    suggestions,
                    S(survey_time),
                )
            )
        self.insert("survey", SURVEY_COLUMNS, rows)
        self.report.surveys += len(rows)

    def refresh_existing(self) -> None:
        """Cases already in the database that got later progress entries: their last
        update and next progress-update deadline move."""
        for number in sorted(self.touched_existing):
            case = for_update(Complaint.select().where(Complaint.number == number)).get()
            latest = self.v.last_update[number]
            if case.last_update_at is not None and case.last_update_at >= latest:
                continue
            case.last_update_at = latest
            sla.refresh_case(case, self.ctx, self.callback_rules.get(case.subtype_id))
            case.version += 1
            case.updated_at, case.updated_by_id = self.now, self.session.user_id
            case.save()


# ---------------------------------------------------------------------------------------
# The service.


def _open_workbook(path: Path) -> Workbook:
    workbook_limits.check_workbook(path)
    try:
        return load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, OSError, KeyError, ValueError) as exc:
        raise ValidationError(
            msg("{name} cannot be read as an Excel workbook (.xlsx): {reason}"),
            field="path",
            name=path.name,
            reason=str(exc),
        ) from exc
    except Exception as exc:  # zipfile.BadZipFile and other damage
        raise ValidationError(
            msg("{name} cannot be read as an Excel workbook (.xlsx): {reason}"),
            field="path",
            name=path.name,
            reason=str(exc),
        ) from exc


@service
def import_workbook(
    session: Session, path: str | Path, *, dry_run: bool = False, progress: Progress | None = None
) -> ImportReport:
    """Validate the workbook at ``path`` and, when every cell is fine and this is not a
    dry run, import it in one transaction. The report lists every problem (nothing is
    written when there is one) and the counts. ``progress(done, total)`` (rows, both
    passes) may return False to cancel; nothing is written then."""
    require_manager(session)
    path = Path(path)
    started = time.perf_counter()
    report = ImportReport(path, dry_run)
    workbook = _open_workbook(path)
    validator = None
    try:
        inputs: dict[str, _SheetInput] = {}
        for title in workbook.sheetnames:
            sheet = find_sheet(title)
            if sheet is None:
                report.warnings.append(
                    ImportProblem(title, None, "", msg("Unknown sheet; it was ignored."))
                )
            elif sheet.key in inputs:
                report.add_error(
                    ImportProblem(
                        title,
                        None,
                        "",
                        msg("The sheet {sheet} appears twice (also as {first!r})."),
                        {"sheet": sheet.zh, "first": inputs[sheet.key].title},
                    )
                )
            else:
                # read-only: its worksheets are ReadOnlyWorksheet
                ws = cast(ReadOnlyWorksheet, workbook[title])
                inputs[sheet.key] = _SheetInput(sheet, title, ws)
        if not inputs and not report.errors:
            report.add_error(
                ImportProblem(
                    path.name,
                    None,
                    "",
                    msg("The workbook has none of the sheets 投诉登记, 进度跟踪, 满意度调查."),
                )
            )
        data_rows = sum(max((i.ws.max_row or 1) - 1, 0) for i in inputs.values())
        for item in inputs.values():
            # Read every row and column whatever the file's dimension says: a stale one
            # would make openpyxl stop early and drop cells silently.
            item.ws.reset_dimensions()
        validator = _Validator(session, report, progress, data_rows * 2)
        try:
            for key in ("complaints", "progress", "surveys"):
                if key in inputs:
                    getattr(validator, key)(inputs[key])
        except _Cancelled:
            report.cancelled = True
        workbook.close()
        report.new_staff = list(validator.staff.new.values())
        # Rows read (for a rejected file, not all of them were spooled).
        counts = validator.read
        report.complaints, report.progress, report.surveys = (
            counts["complaints"],
            counts["progress"],
            counts["surveys"],
        )
        if not report.ok or dry_run:
            report.numbers_assigned = 0
            report.seconds = time.perf_counter() - started
            return report
        report.complaints = report.progress = report.surveys = 0
        db = database_proxy.obj
        writer = _Writer(db, session, validator, report, progress)
        try:
            with write_lock(db):
                writer.run()
                audit.record(
                    session,
                    "import_workbook",
                    "complaint",
                    None,
                    file=path.name,
                    rows=report.rows,
                    customers_created=report.customers_created,
                    numbers_assigned=report.numbers_assigned,
                    staff_created=report.new_staff[:50],
                    staff_created_count=len(report.new_staff),
                )
        except _Cancelled:
            report.cancelled = True
            report.complaints = report.progress = report.surveys = 0
            report.customers_created = report.numbers_assigned = 0
            report.seconds = time.perf_counter() - started
            return report
        report.written = True
        report.seconds = time.perf_counter() - started
        return report
    finally:
        workbook.close()
        if validator is not None:
            for spool in validator.spools.values():
                spool.close()
