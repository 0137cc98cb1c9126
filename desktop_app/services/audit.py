"""The audit log: append-only, written in the same transaction as the action.

``record`` writes an entry; the program has no function that edits or deletes one, and the
database refuses it too (triggers from schema v9). Managers and admins read the log with
``list_audit`` (filtered by user, case, action and date, newest first) and export it to
Excel with ``export_audit`` (itself audited).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from peewee import DatabaseError, Expression, ModelSelect, OperationalError

from desktop_app.db.connection import insert_row, write_lock
from desktop_app.db.models import (
    AuditLog,
    CauseCategory,
    Channel,
    Complaint,
    ComplaintType,
    Department,
    User,
    database_proxy,
)
from desktop_app.domain.messages import msg
from desktop_app.services.errors import NotFound, ValidationError, service
from desktop_app.services.permissions import require_role
from desktop_app.services.progress import Progress
from desktop_app.services.session import Session

if TYPE_CHECKING:
    from openpyxl.cell import Cell

log = logging.getLogger(__name__)

AUDIT_ROLES = ("manager", "admin")
EXPORT_CHUNK = 2000

# Every action code the program writes, in the order the viewer offers them.
ACTIONS = (
    "login",
    "login_failed",
    "login_blocked",
    "logout",
    "unlock",
    "unlock_failed",
    "password_change",
    "password_reset",
    "account_unlock",
    "user_create",
    "user_update",
    "user_disable",
    "user_enable",
    "complaint_create",
    "customer_update",
    "complaint_routed",
    "progress",
    "transfer",
    "escalate",
    "escalate_auto",
    "approval_request",
    "approval_decision",
    "close",
    "reopen",
    "renegotiate",
    "reassess",
    "account_frozen",
    "root_cause",
    "urgent_batch",
    "deadlines_recomputed",
    "contact_unmasked",
    "follow_up_create",
    "follow_up_done",
    "reminder_ack",
    "reminder_snooze",
    "survey_create",
    "survey_attempt",
    "survey_skipped",
    "improvement_create",
    "improvement_update",
    "review_meeting_create",
    "review_meeting_update",
    "review_decision_action",
    "typical_case_mark",
    "typical_case_remove",
    "export_cases",
    "export_unmasked",
    "export_report",
    "export_audit",
    "import_workbook",
    "policy_change",
    "setting_change",
    "calendar_override",
    "calendar_override_removed",
    "calendar_notice_imported",
    "backup",
    "restore",
    "demo_generate",
)


def record(
    session: Session | None,
    action: str,
    entity: str = "",
    entity_id: int | None = None,
    *,
    username: str | None = None,
    at: dt.datetime | None = None,
    **details: object,
) -> AuditLog:
    if session is not None and session.os_user:
        # The command line run without an account: who sat at the machine
        # (docs/rules.md#command-line).
        details = {**details, "os_user": session.os_user}
    entry = AuditLog(
        at=at or (session.now() if session else None) or AuditLog.at.default(),
        user=session.user_id if session else None,
        username=username if username is not None else (session.username if session else ""),
        action=action,
        entity=entity,
        entity_id=entity_id,
        details=json.dumps(details, ensure_ascii=False, default=str),
    )
    # Plain SQL: every save writes one or two entries (python -m bench intake-save).
    data = entry.__data__
    new_id = insert_row(
        database_proxy.obj,
        "audit_log",
        {
            "at": AuditLog.at.db_value(data["at"]),
            "user_id": data["user"],
            "username": data["username"],
            "action": action,
            "entity": entity,
            "entity_id": entity_id,
            "details": data["details"],
        },
    )
    assert new_id is not None  # nothing refuses an audit entry but an error
    entry.id = new_id
    return entry


def record_many(
    session: Session,
    action: str,
    entity: str,
    entries: Iterable[tuple[int | None, Mapping[str, object]]],
) -> None:
    """Entries of one action by one session at one time, (entity id, details) each, in
    order: what ``record`` writes for each, as one prepared insert run for every entry
    (the batch rule flags hundreds of cases in one save; building each insert with peewee
    cost more than running it)."""
    at = AuditLog.at.db_value(session.now() or AuditLog.at.default())
    extra = {"os_user": session.os_user} if session.os_user else {}
    rows = [
        (
            at,
            session.user_id,
            session.username,
            action,
            entity,
            entity_id,
            json.dumps({**details, **extra}, ensure_ascii=False, default=str),
        )
        for entity_id, details in entries
    ]
    if rows:
        db = database_proxy.obj
        p = db.param
        db.cursor().executemany(
            "INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, details)"
            f" VALUES ({p}, {p}, {p}, {p}, {p}, {p}, {p})",
            rows,
        )


def shown(session: Session, entity: str, entity_id: int | None = None, **details: Any) -> bool:
    """Record that contacts or ID numbers were shown in full (``contact_unmasked``,
    docs/rules.md#masking), in its own transaction. False when the entry cannot be written
    (a read-only database): the caller then shows them masked.

    Outside a transaction the entry is one ``INSERT`` on its own (a statement is its own
    transaction on both backends): every list page showing contacts writes one, and on
    PostgreSQL a ``BEGIN`` and a ``COMMIT`` around it were two more round trips to the
    server per page (``python -m bench open-queue --database …``)."""
    db = database_proxy.obj
    try:
        if db.in_transaction():
            with write_lock(db):
                record(session, "contact_unmasked", entity, entity_id, **details)
        else:
            record(session, "contact_unmasked", entity, entity_id, **details)
    except (OperationalError, DatabaseError):
        log.warning("%s %s shown masked: the showing could not be audited", entity, entity_id)
        return False
    return True


def shown_cases(session: Session, entity: str, case_ids: list[int]) -> bool:
    """A list page that shows the contacts of ``case_ids`` in full: one ``contact_unmasked``
    entry for the page (entity: the list, ``cases``: the case ids, shown as their numbers),
    not one per row. True when there was nothing to record or it was recorded."""
    return not case_ids or shown(session, entity, None, cases=case_ids, fields=["contact"])


@dataclass(frozen=True)
class AuditFilter:
    """Empty fields do not filter. ``date_to`` is inclusive (the whole day)."""

    username: str = ""
    case_number: str = ""
    action: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None


class AuditRow(NamedTuple):
    id: int
    at: dt.datetime
    username: str
    action: str
    entity: str
    entity_id: int | None
    case_number: str  # the complaint's number when the entry is about a case, else ""
    details: dict[str, object]
    # Names of what the details refer to by id or code (``detail_names``).
    names: Mapping[tuple[str, object], tuple[str, str]] = MappingProxyType({})


def _require_reader(session: Session) -> None:
    require_role(session, *AUDIT_ROLES)


def _where(flt: AuditFilter) -> list[Expression]:
    A = AuditLog
    conditions = []
    name = flt.username.strip()
    if name:
        conditions.append(A.username == name)
    number = flt.case_number.strip().upper()
    if number:
        case = Complaint.get_or_none(Complaint.number == number)
        if case is None:
            raise NotFound(msg("No complaint has the number {number}."), number=number)
        conditions.append((A.entity == "complaint") & (A.entity_id == case.id))
    if flt.action:
        conditions.append(A.action == flt.action)
    if flt.date_from and flt.date_to and flt.date_from > flt.date_to:
        raise ValidationError(msg("The start date is after the end date."), field="date_from")
    if flt.date_from:
        conditions.append(A.at >= dt.datetime.combine(flt.date_from, dt.time()))
    if flt.date_to:
        conditions.append(A.at < dt.datetime.combine(flt.date_to + dt.timedelta(days=1), dt.time()))
    return conditions


def _query(flt: AuditFilter) -> ModelSelect[AuditLog]:
    query = AuditLog.select()
    for condition in _where(flt):
        query = query.where(condition)
    return query


def _details(text: str) -> dict[str, object]:
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {"text": text}
    return value if isinstance(value, dict) else {"value": value}


# Detail keys that hold the id of a user, a complaint, or the code of a department or a
# complaint type (docs/rules.md#audit-log): the viewer shows their names.
USER_ID_KEYS = frozenset({"from_user", "to_user", "assigned_to", "recipient", "owner"})
COMPLAINT_ID_KEYS = frozenset({"cases"})
DEPARTMENT_KEYS = frozenset(
    {"department", "departments", "handler_department", "notify_department", "to_department"}
)
TYPE_KEYS = frozenset({"type", "subtype", "types"})
CAUSE_KEYS = frozenset({"root_cause", "previous_root_cause", "causes"})
_KINDS: tuple[tuple[str, frozenset[str]], ...] = (
    ("user", USER_ID_KEYS),
    ("complaint", COMPLAINT_ID_KEYS),
    ("department", DEPARTMENT_KEYS),
    ("type", TYPE_KEYS),
    ("channel", frozenset()),
    ("cause", CAUSE_KEYS),
)
# The kind of name of a policy change's code, by sheet (the policy workbook's import and
# the Policy screens list their changes as {sheet, code, field, old, new}).
POLICY_SHEET_KINDS = {
    "types": "type",
    "departments": "department",
    "channels": "channel",
    "causes": "cause",
}


def _values(value: object) -> Iterable[object]:
    """The plain values in a detail: itself, a list's items, an {old, new} pair's sides."""
    if isinstance(value, dict):
        for item in value.values():
            yield from _values(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _values(item)
    elif value is not None and value != "":
        yield value


def detail_names(details: Iterable[dict[str, object]]) -> dict[tuple[str, object], tuple[str, str]]:
    """(kind, id or code) → (Chinese name, English name) of the users (display names),
    complaints (numbers), departments and complaint types the details name; four queries
    at most for a page of entries."""
    wanted: dict[str, set[Any]] = {kind: set() for kind, _keys in _KINDS}
    for entry in details:
        changes = entry.get("changes")
        for change in changes if isinstance(changes, list) else ():
            if isinstance(change, dict) and change.get("sheet") in POLICY_SHEET_KINDS:
                wanted[POLICY_SHEET_KINDS[change["sheet"]]].add(change.get("code"))
        for key, value in entry.items():
            for kind, keys in _KINDS:
                if key in keys:
                    for item in _values(value):
                        if kind == "complaint" and not isinstance(value, list):
                            continue  # a count of cases, not their ids
                        if kind in ("user", "complaint"):
                            if isinstance(item, int) and not isinstance(item, bool):
                                wanted[kind].add(item)
                        elif isinstance(item, str):
                            wanted[kind].add(item)
    names: dict[tuple[str, object], tuple[str, str]] = {}
    if wanted["user"]:
        query = User.select(User.id, User.display_name).where(User.id.in_(wanted["user"]))
        for uid, name in cast(Iterable[tuple[int, str]], query.tuples()):
            names["user", uid] = (name, name)
    if wanted["complaint"]:
        cases = Complaint.select(Complaint.id, Complaint.number).where(
            Complaint.id.in_(wanted["complaint"])
        )
        for cid, number in cast(Iterable[tuple[int, str]], cases.tuples()):
            names["complaint", cid] = (number, number)
    for kind, model in (
        ("department", Department),
        ("type", ComplaintType),
        ("channel", Channel),
        ("cause", CauseCategory),
    ):
        if wanted[kind]:
            rows = model.select(model.code, model.name_zh, model.name_en).where(
                model.code.in_(wanted[kind])
            )
            for code, zh, en in cast(Iterable[tuple[str, str, str]], rows.tuples()):
                names[kind, code] = (zh, en)
    return names


def _rows(entries: list[AuditLog]) -> list[AuditRow]:
    case_ids = {e.entity_id for e in entries if e.entity == "complaint" and e.entity_id}
    numbers: dict[int | None, str] = (
        dict(
            cast(
                Iterable[tuple[int, str]],
                Complaint.select(Complaint.id, Complaint.number)
                .where(Complaint.id.in_(case_ids))
                .tuples(),
            )
        )
        if case_ids
        else {}
    )
    details = [_details(e.details) for e in entries]
    names = MappingProxyType(detail_names(details))
    return [
        AuditRow(
            e.id,
            e.at,
            e.username,
            e.action,
            e.entity,
            e.entity_id,
            numbers.get(e.entity_id, "") if e.entity == "complaint" else "",
            entry_details,
            names,
        )
        for e, entry_details in zip(entries, details, strict=True)
    ]


@service
def list_audit(
    session: Session,
    flt: AuditFilter = AuditFilter(),
    *,  # noqa: B008
    limit: int = 200,
    before_id: int | None = None,
) -> list[AuditRow]:
    """Entries matching ``flt``, newest first; pass the last row's id as ``before_id`` for
    the next page."""
    _require_reader(session)
    query = _query(flt)
    if before_id is not None:
        query = query.where(AuditLog.id < before_id)
    return _rows(list(query.order_by(AuditLog.id.desc()).limit(max(1, min(limit, 5000)))))


@service
def count_audit(session: Session, flt: AuditFilter = AuditFilter()) -> int:  # noqa: B008
    _require_reader(session)
    return _query(flt).count()


@service
def audit_users(session: Session) -> list[str]:
    """User names to filter by: the accounts, then other names that appear in the log
    (failed sign-ins with unknown names, the command line)."""
    _require_reader(session)
    accounts = [u.username for u in User.select(User.username).order_by(User.username)]
    known = set(accounts)
    others = sorted(
        n
        for (n,) in cast(
            Iterable[tuple[str]], AuditLog.select(AuditLog.username).distinct().tuples()
        )
        if n and n not in known
    )
    return accounts + others


def details_text(details: dict[str, object]) -> str:
    """The details of an entry as one line of keys and stored values, ``key: value; …`` (the
    export's Details column when the caller gives no ``details`` function; the program's
    export passes the viewer's words, ``ui/audit_words.py``)."""
    parts = []
    for key, value in details.items():
        if isinstance(value, list | tuple):
            value = ", ".join(str(v) for v in value)
        elif isinstance(value, dict):
            value = json.dumps(value, ensure_ascii=False, default=str)
        parts.append(f"{key}: {value}")
    return "; ".join(parts)


HEADERS = ("Time", "User", "Action", "Entity", "Entity id", "Complaint number", "Details")


@service
def export_audit(
    session: Session,
    flt: AuditFilter,
    path: str | Path,
    *,
    headers: tuple[str, ...] = HEADERS,
    details: Callable[[AuditRow], str] | None = None,
    progress: Progress | None = None,
) -> int:
    """Write the matching entries (newest first) to an .xlsx file; returns the number of
    rows. Every cell is text or a time, never a formula (user names and details are typed
    by people). ``details`` words an entry's details (the viewer passes its own, so the
    column reads like the table); without it the stored keys and values are written. The
    Action column keeps the action code. The export is audited."""
    # openpyxl is imported here, at the first export: the program starts without it.
    from openpyxl import Workbook

    from desktop_app.services.xlsx import clean_text, save_atomic, text_cell

    def cell(value: str) -> Cell:
        return text_cell(ws, clean_text(value) or "")

    _require_reader(session)
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise ValidationError(msg("The file name must end in .xlsx."), field="path")
    total = count_audit(session, flt)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Audit log")
    ws.column_dimensions["A"].width = 20
    ws.column_dimensions["G"].width = 80
    ws.append([cell(h) for h in headers])
    written, before = 0, None
    while True:
        rows = list_audit(session, flt, limit=EXPORT_CHUNK, before_id=before)
        for row in rows:
            ws.append(
                [
                    row.at.replace(microsecond=0),
                    cell(row.username),
                    cell(row.action),
                    cell(row.entity),
                    row.entity_id,
                    cell(row.case_number),
                    cell(details(row) if details else details_text(row.details)),
                ]
            )
        written += len(rows)
        if progress is not None:
            progress(written, max(total, written))
        if len(rows) < EXPORT_CHUNK:
            break
        before = rows[-1].id
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        save_atomic(wb, path)
    except OSError as exc:
        raise ValidationError(
            msg("Cannot write {file}: {reason}"),
            field="path",
            file=str(path),
            reason=exc.strerror or str(exc),
        ) from exc
    record(
        session,
        "export_audit",
        "audit_log",
        None,
        file=str(path),
        rows=written,
        filter={k: str(v) for k, v in vars(flt).items() if v},
    )
    return written
