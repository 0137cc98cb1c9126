"""The Policy screens' services (docs/rules.md#policy-screens): complaint types,
departments, channels, root-cause categories and the policy settings as managers edit them in the program.

Every change goes through the policy workbook's checks and writer
(``policy_workbook.apply_rows``): the same validation, the same "rows match by code, names
may change, nothing is deleted", and one audit entry ``policy_change`` listing each change
as old → new. Each edit carries the values the editor showed (``expected``); when another
manager changed one of them meanwhile the edit is refused with ``ConflictError`` and
nothing is written. Changes apply to cases registered afterwards; ``recompute_preview`` and
``recompute_open_cases`` move the stored deadlines of open cases on request.

Managers (and administrators) edit; supervisors read.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop_app.db.connection import write_lock
from desktop_app.db.models import (
    Complaint,
    ComplaintType,
    User,
    database_proxy,
)
from desktop_app.domain.deadlines import Deadlines
from desktop_app.domain.messages import msg
from desktop_app.domain.settings import SECRET_KEYS, SECRET_SHOWN
from desktop_app.services import policy_workbook, sla
from desktop_app.services import settings as settings_service
from desktop_app.services.errors import ConflictError, ValidationError, service
from desktop_app.services.permissions import require_role
from desktop_app.services.progress import Progress
from desktop_app.services.session import Session

SHEETS = ("types", "departments", "channels", "causes", "settings")
# The simple lists: code, names, active, order (docs/rules.md#policy-screens).
_MODELS: dict[str, Any] = policy_workbook.REFERENCE_MODELS


@dataclass(frozen=True)
class PolicyView:
    """What the Policy screens show, as the policy workbook writes it: rows per sheet key
    (``policy_workbook.policy_rows``: codes, 是/否, levels I/II/III) and the settings'
    values by key."""

    rows: dict[str, list[list[Any]]]
    settings: dict[str, Any]
    # Who may be named as the customer-service manager or head of operations: active
    # managers and administrators, (user name, display name).
    managers: list[tuple[str, str]]


def require_reader(session: Session) -> None:
    require_role(session, "supervisor", "manager", "admin")


def require_editor(session: Session) -> None:
    """Managers edit the policy; administrators and supervisors read it."""
    require_role(session, "manager")


@service
def load_policy(session: Session) -> PolicyView:
    """The policy as it stands (supervisors, managers, administrators)."""
    require_reader(session)
    rows = policy_workbook.policy_rows()
    managers = [
        (u.username, u.display_name)
        for u in User.select()
        .where(User.active, User.role.in_(("manager", "admin")))
        .order_by(User.username)
    ]
    values = settings_service.load_all()
    if session.role != "manager":  # readers see that a secret is set, not the secret
        for key in SECRET_KEYS:
            values[key] = SECRET_SHOWN if values.get(key) else ""
    return PolicyView(
        {key: rows[key] for key in ("types", *_MODELS)},
        values,
        managers,
    )


def row_key(sheet: str, row: list[Any] | tuple[Any, ...]) -> str:
    """The code naming a row of ``PolicyView.rows[sheet]`` (a type row: its type code)."""
    if sheet == "types":
        return str(row[3] or row[0])
    return str(row[0])


def _current(sheet: str) -> dict[str, Any]:
    if sheet == "settings":
        return settings_service.load_all()
    return {row_key(sheet, row): list(row) for row in policy_workbook.policy_rows()[sheet]}


def _check_expected(sheet: str, expected: dict[str, Any]) -> None:
    current = _current(sheet)
    for code, shown in expected.items():
        now = current.get(code)
        if now != (list(shown) if isinstance(shown, tuple) else shown):
            raise ConflictError(
                msg(
                    "{code} was changed by someone else after you opened it. "
                    "Reload to see the change, then edit again."
                ),
                field=code,
                code=code,
            )


@service
def change_policy(
    session: Session,
    sheet: str,
    rows: list[dict[str, Any]],
    *,
    expected: dict[str, Any] | None = None,
) -> list[dict[str, Any]]:
    """Apply edited rows of one sheet (cells by the policy workbook's column keys) in one
    audited transaction; returns the changes made ({sheet, code, field, old, new}).

    ``expected``: code → the row (or, for settings, key → value) the editor showed; a row
    changed since is a ``ConflictError``. A bad value is a ``ValidationError`` whose
    ``field`` is the column key (the setting's key on the settings sheet)."""
    require_editor(session)
    if sheet not in SHEETS:
        raise ValidationError(msg("Unknown policy table {sheet}."), field="sheet", sheet=sheet)
    result = policy_workbook.PolicyImportResult(Path("policy"), dry_run=False)
    policy_workbook.apply_rows(
        session,
        policy_workbook.rows_of(sheet, rows),
        result,
        "policy_change",
        before_write=(lambda: _check_expected(sheet, expected)) if expected else None,
    )
    if result.errors:
        problem = result.errors[0]
        field = problem.column
        if sheet == "settings" and field == "value":
            number = problem.row or 1
            field = str(rows[number - 1].get("key", field))
        raise ValidationError(problem.template, field=field, **problem.params)
    return result.changes


@service
def change_settings(
    session: Session, values: dict[str, Any], *, expected: dict[str, Any] | None = None
) -> list[dict[str, Any]]:
    """Several settings at once (the deadline matrix, the reminder times), checked as
    ``config set`` checks one, written in one transaction with one audit entry."""
    rows = [{"key": key, "value": value} for key, value in values.items()]
    return change_policy(session, "settings", rows, expected=expected)


_CODE_CHARS = re.compile(r"[^a-z0-9]+")


def new_code(name_en: str, taken: Iterable[str], prefix: str = "") -> str:
    """A code for a new row from its English name (``Delivery delay`` → ``delivery_delay``),
    unique among ``taken``."""
    base = _CODE_CHARS.sub("_", name_en.strip().lower()).strip("_")[:50] or "item"
    base = f"{prefix}{base}"[:55]
    taken = set(taken)
    code, n = base, 2
    while code in taken:
        code, n = f"{base}_{n}", n + 1
    return code


def _names(name_zh: str, name_en: str) -> tuple[str, str]:
    zh, en = (name_zh or "").strip(), (name_en or "").strip()
    if not zh:
        raise ValidationError(
            msg("Both names are required (Chinese and English)."), field="name_zh"
        )
    if not en:
        raise ValidationError(
            msg("Both names are required (Chinese and English)."), field="name_en"
        )
    return zh, en


@service
def add_type(session: Session, name_zh: str, name_en: str) -> str:
    """A new complaint type (a category) after the others; returns its code."""
    require_editor(session)
    zh, en = _names(name_zh, name_en)
    code = new_code(en, (t.code for t in ComplaintType.select(ComplaintType.code)))
    change_policy(session, "types", [{"type": code, "type_zh": zh, "type_en": en}])
    return code


@service
def add_subtype(session: Session, type_code: str, cells: dict[str, Any]) -> str:
    """A new subtype of ``type_code`` (cells: ``subtype_zh``, ``subtype_en``,
    ``default_level``, ``callback``, ``handling``, ``handler_department``,
    ``notify_department``); returns its code."""
    require_editor(session)
    _names(cells.get("subtype_zh", ""), cells.get("subtype_en", ""))
    code = new_code(
        str(cells["subtype_en"]), (t.code for t in ComplaintType.select(ComplaintType.code))
    )
    change_policy(session, "types", [{**cells, "type": type_code, "subtype": code}])
    return code


@service
def add_reference(session: Session, sheet: str, name_zh: str, name_en: str) -> str:
    """A new department, channel or root-cause category (``sheet``: departments,
    channels, causes); returns its code."""
    require_editor(session)
    zh, en = _names(name_zh, name_en)
    model = _MODELS[sheet]
    code = new_code(en, (r.code for r in model.select(model.code)))
    change_policy(session, sheet, [{"code": code, "name_zh": zh, "name_en": en}])
    return code


@service
def move(session: Session, sheet: str, code: str, step: int) -> bool:
    """Move a row one place up (``step`` -1) or down (+1) among its siblings (a subtype
    within its type); False at either end."""
    require_editor(session)
    row: Any
    siblings: list[Any]
    if sheet == "types":
        row = ComplaintType.get_or_none(ComplaintType.code == code)
        if row is None:
            return False
        siblings = list(
            ComplaintType.select()
            .where(
                ComplaintType.parent.is_null()
                if row.parent_id is None
                else ComplaintType.parent == row.parent_id
            )
            .order_by(ComplaintType.sort_order, ComplaintType.id)
        )
    else:
        model = _MODELS[sheet]
        row = model.get_or_none(model.code == code)
        if row is None:
            return False
        siblings = list(model.select().order_by(model.sort_order, model.id))
    index = [s.code for s in siblings].index(code)
    other = index + step
    if not 0 <= other < len(siblings):
        return False
    pair = [siblings[index], siblings[other]] if step > 0 else [siblings[other], siblings[index]]
    # The importer gives rows already present the places they hold, in the given order:
    # naming the pair in swapped order swaps them.
    pair.reverse()
    if sheet == "types":
        parent = ComplaintType.get_by_id(row.parent_id).code if row.parent_id else None
        rows = [{"type": parent, "subtype": s.code} if parent else {"type": s.code} for s in pair]
    else:
        rows = [{"code": s.code} for s in pair]
    change_policy(session, sheet, rows)
    return True


# ---------------------------------------------------------------------------------------
# Deadlines: a preview of the targets being edited, and the open cases they would move.


@dataclass(frozen=True)
class DeadlinePreview:
    registered: dt.datetime
    urgency: str
    due: Deadlines


@service
def deadline_preview(
    session: Session, values: dict[str, Any], *, urgency: str = "normal"
) -> DeadlinePreview:
    """When a complaint of ``urgency`` registered now would be due under the settings
    ``values`` (unsaved edits over the stored ones); invalid values are a
    ``ValidationError`` naming the setting."""
    require_reader(session)
    policy = settings_service.load_all()
    for key, value in values.items():
        policy[key] = settings_service.validate_setting(key, value)
    ctx = sla.SlaContext(policy, settings_service.load_calendar(policy))
    now = session.now()
    due = sla.deadlines_for(
        ctx,
        complaint_time=now,
        urgency=urgency,
        urgent=urgency == "urgent",
        callback_rule="t+1",
        member_tier="regular",
    )
    return DeadlinePreview(now, urgency, due)


@dataclass(frozen=True)
class RecomputePlan:
    open_cases: int
    cases: int  # open cases whose stored deadlines or reminders' times would change
    deadlines: int  # first-response, solution and resolution deadlines that would move


_DEADLINES = ("first_response_due", "solution_due", "resolution_due")


@service
def recompute_preview(session: Session) -> RecomputePlan:
    """How many open cases and deadlines ``recompute_open_cases`` would change now
    (nothing is written)."""
    require_editor(session)
    ctx = sla.SlaContext.load()
    rules = {t.id: t.callback_rule for t in ComplaintType.select()}
    total = cases = deadlines = 0
    for case in Complaint.select().where(Complaint.is_open).iterator():
        total += 1
        before = [getattr(case, name) for name in _DEADLINES]
        if sla.refresh_case(case, ctx, rules.get(case.subtype_id)):
            cases += 1
            deadlines += sum(
                1
                for name, old in zip(_DEADLINES, before, strict=True)
                if getattr(case, name) != old
            )
    return RecomputePlan(total, cases, deadlines)


@service
def recompute_open_cases(session: Session, *, progress: Progress | None = None) -> int:
    """Recompute every open case's stored deadlines in one audited transaction (the Policy
    screen's "Recompute open cases"); returns the number of cases changed."""
    require_editor(session)
    with write_lock(database_proxy.obj):
        return sla.recompute_open_deadlines(session, chunk=5000, progress=progress)
