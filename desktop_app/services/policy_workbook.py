"""The policy workbook (docs/rules.md#policy-workbook): complaint types, departments, channels,
root-cause categories, settings and the staff hierarchy in one .xlsx file, for a head office handing one policy to
its branches and for keeping the policy under version control.

``export_policy`` writes it, ``import_policy`` reads it back, all or nothing, and
``set_setting`` changes one setting (``config set``). Managers and administrators only.

Sheets and headers carry both the English key and the Chinese label (``types 投诉分类``,
``default_level 默认级别``); on import a sheet or header is found by either, or by both
(any order, case, ``_`` or space, like the exchange workbook). Import rules:

- Every row of every sheet is checked against the database as the file would leave it
  (departments first, then channels, causes, types, staff and settings, in one
  transaction); any
  problem rolls everything back and is named ``sheet!row column: reason`` with the sheet
  and column keys and the row as Excel numbers it. ``dry_run`` reports the changes and
  writes nothing.
- Rows are matched by code (user name for staff, key for settings); names may change. A code
  not in the database adds a row (never for staff: accounts are not created here, nor
  passwords set). Rows absent from the file, and columns absent from a sheet, stay as they
  are; a blank 启用 (active) cell keeps the row's state. ``active = 否`` deactivates; nothing
  is ever deleted.
- Order: the rows of a sheet that are already in the database take the display places
  those rows hold, in the file's order (a full file reorders; a partial file in the same
  order moves nothing); new rows go after the others (subtypes within their type).
- One audit entry (action ``import_workbook``, entity ``policy``) lists every change:
  sheet, code, field, old, new.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils.exceptions import InvalidFileException

from desktop_app.db.connection import write_lock
from desktop_app.db.models import (
    CaseBatch,
    CauseCategory,
    Channel,
    Complaint,
    ComplaintType,
    Department,
    User,
    UserDepartment,
    database_proxy,
)
from desktop_app.domain.exchange_columns import (
    MULTI_SEPARATOR,
    NO,
    NO_WORDS,
    YES,
    YES_WORDS,
    Column,
    Sheet,
    normalize_header,
)
from desktop_app.domain.messages import msg
from desktop_app.domain.settings import BY_KEY, SECRET_KEYS, SECRET_SHOWN, SETTINGS
from desktop_app.domain.vocab import CALLBACK_RULES, HANDLING_RULES, LEVEL_ROMAN, LEVELS, ROLES
from desktop_app.domain.vocab import split_multi as _split_multi
from desktop_app.services import audit, workbook_limits
from desktop_app.services import settings as settings_service
from desktop_app.services.errors import ValidationError, service
from desktop_app.services.exchange_export import HEADER_FILL, HEADER_FONT
from desktop_app.services.exchange_import import ImportProblem, ImportReport
from desktop_app.services.exchange_import import write_error_report as _write_error_report
from desktop_app.services.permissions import require_manager
from desktop_app.services.session import Session
from desktop_app.services.users import keep_an_admin, supervisor_choice
from desktop_app.services.xlsx import clean_text, save_atomic, text_cell

# ---------------------------------------------------------------------------------------
# Sheets and columns.

TYPES = Sheet(
    "types",
    "投诉分类",
    (
        Column("type", "投诉类型", width=20),
        Column("type_zh", "类型名称", width=14, max_length=60),
        Column("type_en", "类型英文名", width=20, max_length=80),
        Column("subtype", "子类", width=24),
        Column("subtype_zh", "子类名称", width=16, max_length=60),
        Column("subtype_en", "子类英文名", width=26, max_length=80),
        Column("default_level", "默认级别", width=10),
        Column("callback", "首次回电", width=10),
        Column("handling", "处理人规则", width=18),
        Column("handler_department", "处理部门", width=16),
        Column("notify_department", "通知部门", width=16),
        Column("active", "启用", width=8),
    ),
)
DEPARTMENTS = Sheet(
    "departments",
    "部门",
    (
        Column("code", "代码", width=22),
        Column("name_zh", "中文名称", width=16, max_length=60),
        Column("name_en", "英文名称", width=24, max_length=80),
        Column("active", "启用", width=8),
    ),
)
CHANNELS = Sheet("channels", "渠道", DEPARTMENTS.columns)
# docs/rules.md#root-causes: the configurable list of root-cause categories.
CAUSES = Sheet("causes", "原因分类", DEPARTMENTS.columns)
SETTINGS_SHEET = Sheet(
    "settings",
    "规则设置",
    (
        Column("key", "键名", width=38),
        Column("label", "设置项", width=60),
        Column("value", "值", width=16),
    ),
)
STAFF = Sheet(
    "staff",
    "人员",
    (
        Column("username", "用户名", width=16),
        Column("display_name", "显示名", width=14, max_length=60),
        Column("role", "角色", width=12),
        Column("departments", "所属部门", width=28),
        Column("supervisor", "直属主管", width=16),
        Column("senior_agent", "资深坐席", width=10),
        Column("active", "启用", width=8),
    ),
)
POLICY_SHEETS = (TYPES, DEPARTMENTS, CHANNELS, CAUSES, SETTINGS_SHEET, STAFF)
# The column that names a row, per sheet: required on import.
KEY_COLUMN = {
    "types": "type",
    "departments": "code",
    "channels": "code",
    "causes": "code",
    "settings": "key",
    "staff": "username",
}
# The simple lists (code, names, active, order), by sheet key: edited alike by the import
# and the Policy screens' "Lists" tab (docs/rules.md#policy-screens).
REFERENCE_MODELS: dict[str, Any] = {
    "departments": Department,
    "channels": Channel,
    "causes": CauseCategory,
}
CODE_RE = re.compile(r"^[A-Za-z0-9_.+\-]+$")


def title(key: str, zh: str) -> str:
    """A sheet's or a header's text in an export: English key and Chinese label."""
    return f"{key} {zh}"


def _names(key: str, zh: str, aliases: tuple[str, ...] = ()) -> set[str]:
    forms = (key, zh, f"{key} {zh}", f"{zh} {key}", f"{zh}({key})", f"{zh}（{key}）", *aliases)
    return {normalize_header(f) for f in forms}


def find_policy_sheet(name: str) -> Sheet | None:
    wanted = normalize_header(name)
    for sheet in POLICY_SHEETS:
        if wanted in _names(sheet.key, sheet.zh, sheet.aliases):
            return sheet
    return None


def _column_lookup(sheet: Sheet) -> dict[str, Column]:
    lookup: dict[str, Column] = {}
    for column in sheet.columns:
        for name in _names(column.key, column.zh, column.aliases):
            lookup.setdefault(name, column)
    return lookup


# ---------------------------------------------------------------------------------------
# Export.


@dataclass(frozen=True)
class PolicyExportResult:
    path: Path
    rows: dict[str, int]  # sheet key → data rows written


def _yes_no(value: bool) -> str:
    return YES if value else NO


def _ordered(model: Any) -> Iterator[Any]:
    return iter(model.select().order_by(model.sort_order, model.id))


def policy_rows(
    translate: Callable[[str], str] | None = None,
) -> dict[str, list[list[Any]]]:
    """The workbook's data rows per sheet key, in export order (values as written)."""
    depts = {d.id: d.code for d in Department.select()}
    types: list[list[Any]] = []
    all_types = list(ComplaintType.select().order_by(ComplaintType.sort_order, ComplaintType.id))
    for parent in (t for t in all_types if t.parent_id is None):
        head = [parent.code, parent.name_zh, parent.name_en]
        types.append([*head, None, None, None, None, None, None, None, None])
        types[-1].append(_yes_no(parent.active))
        for sub in (t for t in all_types if t.parent_id == parent.id):
            types.append(
                [
                    *head,
                    sub.code,
                    sub.name_zh,
                    sub.name_en,
                    LEVEL_ROMAN.get(sub.default_level) if sub.default_level else None,
                    sub.callback_rule,
                    sub.handling_rule,
                    depts.get(sub.handler_department_id or 0),
                    depts.get(sub.notify_department_id or 0),
                    _yes_no(sub.active),
                ]
            )
    reference = {
        key: [[r.code, r.name_zh, r.name_en, _yes_no(r.active)] for r in _ordered(model)]
        for key, model in REFERENCE_MODELS.items()
    }
    values = settings_service.load_all()
    settings_rows = []
    for definition in SETTINGS:
        value = values[definition.key]
        label = translate(definition.label) if translate else definition.label
        if isinstance(value, bool):
            value = _yes_no(value)
        elif definition.key in SECRET_KEYS:
            # A file gets mailed around: it says that a secret is set, not the secret
            # (docs/rules.md#policy-workbook); importing "******" leaves it as it is.
            value = settings_service.shown_value(definition.key, value)
        settings_rows.append([definition.key, label, value])
    names = {u.id: u.username for u in User.select(User.id, User.username)}
    links: dict[int, list[str]] = {}
    for link in (
        UserDepartment.select(UserDepartment.user, Department.code)
        .join(Department)
        .order_by(Department.sort_order, Department.id)
        .objects()
    ):
        links.setdefault(link.user_id, []).append(link.code)  # type: ignore[attr-defined]
    staff = [
        [
            u.username,
            u.display_name,
            u.role,
            MULTI_SEPARATOR.join(links.get(u.id, [])),
            names.get(u.supervisor_id) if u.supervisor_id else None,
            _yes_no(bool(u.senior_agent)),
            _yes_no(u.active),
        ]
        for u in User.select().order_by(User.username)
    ]
    return {
        "types": types,
        "departments": reference["departments"],
        "channels": reference["channels"],
        "causes": reference["causes"],
        "settings": settings_rows,
        "staff": staff,
    }


@service
def export_policy(
    session: Session,
    path: str | Path,
    *,
    translate: Callable[[str], str] | None = None,
) -> PolicyExportResult:
    """Write the policy workbook to ``path`` (managers and admins; not audited: it holds
    no customer data). ``translate`` gives the settings' labels in the UI language
    (English without it); labels are for people and ignored on import."""
    require_manager(session)
    path = Path(path)
    rows = policy_rows(translate)
    workbook = Workbook(write_only=True)
    for sheet in POLICY_SHEETS:
        ws = workbook.create_sheet(title(sheet.key, sheet.zh))
        for index, column in enumerate(sheet.columns):
            ws.column_dimensions[_letter(index)].width = column.width
        ws.freeze_panes = "A2"
        header = []
        for column in sheet.columns:
            cell = WriteOnlyCell(ws, value=title(column.key, column.zh))
            cell.font, cell.fill = HEADER_FONT, HEADER_FILL
            header.append(cell)
        ws.append(header)
        for row in rows[sheet.key]:
            ws.append([_cell(ws, value) for value in row])
    path.parent.mkdir(parents=True, exist_ok=True)
    save_atomic(workbook, path)
    return PolicyExportResult(path, {key: len(value) for key, value in rows.items()})


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


def _cell(ws: Any, value: Any) -> Any:
    if isinstance(value, str):
        text = clean_text(value)
        return text_cell(ws, text) if text is not None else None
    return value


# ---------------------------------------------------------------------------------------
# Import.


@dataclass
class PolicyImportResult:
    path: Path
    dry_run: bool
    errors: list[ImportProblem] = field(default_factory=list)
    warnings: list[ImportProblem] = field(default_factory=list)
    # Rows added or changed per sheet key (would be, for a dry run or a rejected file).
    changed: dict[str, int] = field(default_factory=dict)
    added: dict[str, int] = field(default_factory=dict)
    # Every change: {"sheet", "code", "field", "old", "new"} (the audit entry's list).
    changes: list[dict[str, Any]] = field(default_factory=list)
    written: bool = False
    # (kind, code) → (Chinese, English) name of the types, departments and channels the
    # changes name (``audit.detail_names``), for showing them in words.
    names: dict[tuple[str, object], tuple[str, str]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors

    # The exchange import's report fields the import dialog reads (no progress, no cap).
    cancelled = False
    errors_omitted = 0

    @property
    def error_count(self) -> int:
        return len(self.errors)

    def lines(self) -> list[str]:
        return [p.line() for p in self.errors]

    def change_lines(self) -> list[str]:
        """``sheet code field: old → new``, one per change."""
        return [
            f"{c['sheet']} {c['code']} {c['field']}: {_show(c['old'])} → {_show(c['new'])}"
            for c in self.changes
        ]


def _show(value: Any) -> str:
    if value is None or value == "":
        return "-"
    if isinstance(value, bool):
        return _yes_no(value)
    if isinstance(value, list):
        return MULTI_SEPARATOR.join(str(v) for v in value) or "-"
    return str(value)


def write_error_report(
    result: PolicyImportResult,
    path: str | Path,
    *,
    translate: Callable[[str], str] | None = None,
) -> Path:
    """Save a rejected import's problems as a workbook (as the exchange import's)."""
    report = ImportReport(result.path, result.dry_run, errors=list(result.errors))
    return _write_error_report(report, path, translate=translate)


class _Bad(Exception):
    def __init__(self, template: str, **params: object) -> None:
        super().__init__(template)
        self.template = template
        self.params = params


class _Rollback(Exception):
    pass


@dataclass
class _Row:
    number: int  # as Excel numbers it
    cells: dict[str, Any]  # column key → raw value (only the sheet's columns present)

    def has(self, key: str) -> bool:
        return key in self.cells

    def text(self, key: str) -> str:
        return _text(self.cells.get(key))


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _yes_no_cell(value: Any) -> bool | None:
    """``是``/``否`` (and yes/no …) → bool; blank → None; else _Bad."""
    if isinstance(value, bool):
        return value
    text = _text(value).casefold()
    if not text:
        return None
    if text in YES_WORDS:
        return True
    if text in NO_WORDS:
        return False
    raise _Bad(msg('"{value}" is not 是 or 否 (yes or no)'), value=_text(value))


class _Importer:
    def __init__(self, session: Session, result: PolicyImportResult) -> None:
        self.session = session
        self.result = result
        self.sheet = ""

    # -- bookkeeping -------------------------------------------------------------------

    def error(self, row: int | None, column: str, template: str, /, **params: object) -> None:
        self.result.errors.append(ImportProblem(self.sheet, row, column, template, params))

    def change(self, code: str, name: str, old: Any, new: Any) -> None:
        self.result.changes.append(
            {"sheet": self.sheet, "code": code, "field": name, "old": old, "new": new}
        )

    def count(self, changed: bool, added: bool = False) -> None:
        if changed or added:
            self.result.changed[self.sheet] = self.result.changed.get(self.sheet, 0) + 1
        if added:
            self.result.added[self.sheet] = self.result.added.get(self.sheet, 0) + 1

    def cell(self, row: _Row, key: str, parse: Callable[[Any], Any]) -> Any:
        """``parse(raw)``, or record the problem and return ``_BAD``."""
        try:
            return parse(row.cells.get(key))
        except _Bad as exc:
            self.error(row.number, key, exc.template, **exc.params)
            return _BAD

    def name(self, row: _Row, key: str, limit: int) -> Any:
        def parse(value: Any) -> str:
            text = _text(value)
            if not text:
                raise _Bad(msg("Both names are required (Chinese and English)."))
            if len(text) > limit:
                raise _Bad(msg("At most {limit} characters."), limit=limit)
            return text

        return self.cell(row, key, parse)

    def code(self, row: _Row, key: str, limit: int) -> str | None:
        text = row.text(key)
        if not text:
            self.error(row.number, key, msg("A code is required."))
            return None
        if len(text) > limit or not CODE_RE.match(text):
            self.error(
                row.number,
                key,
                msg('"{value}" is not a code: 1 to {limit} letters, digits or _ . + -'),
                value=text,
                limit=limit,
            )
            return None
        return text

    def assign(
        self, obj: Any, code: str, attr: str, label: str, new: Any, shown: Any = None
    ) -> bool:
        old = getattr(obj, attr)
        if old == new:
            return False
        old_shown = self._shown(attr, old)
        setattr(obj, attr, new)
        self.change(code, label, old_shown, shown if shown is not None else new)
        return True

    def _shown(self, attr: str, value: Any) -> Any:
        if attr in ("handler_department_id", "notify_department_id"):
            return Department.get_by_id(value).code if value else None
        if attr == "default_level":
            return LEVEL_ROMAN.get(value) if value else None
        return value

    # -- departments and channels ------------------------------------------------------

    def reference(self, rows: list[_Row], model: Any) -> None:
        seen: dict[str, int] = {}
        current = {r.code: r.sort_order for r in model.select(model.code, model.sort_order)}
        orders = _orders([row.text("code") for row in rows], current)
        for row in rows:
            before = len(self.result.errors)
            code = self.code(row, "code", 40)
            if code is None:
                continue
            if code in seen:
                self.twice(row, "code", code, seen[code])
                continue
            seen[code] = row.number
            existing = model.get_or_none(model.code == code)
            order = orders[code]
            obj = existing or model(code=code, sort_order=order)
            changed = False
            for key, limit in (("name_zh", 60), ("name_en", 80)):
                if row.has(key) or existing is None:
                    value = self.name(row, key, limit)
                    if value is not _BAD:
                        changed |= self.assign(obj, code, key, key, value)
            active = self.cell(row, "active", _yes_no_cell)
            if active is not _BAD and active is not None:
                changed |= self.assign(obj, code, "active", "active", active)
            changed |= self.reorder(obj, code, order)
            if existing is None:
                if len(self.result.errors) > before:
                    continue  # not saved: a new row with a bad cell
                self.change(code, "added", None, code)
            obj.save()
            self.count(changed, existing is None)

    def reorder(self, obj: Any, code: str, order: int) -> bool:
        if obj.id is None or obj.sort_order == order:
            obj.sort_order = order
            return False
        self.change(code, "order", obj.sort_order, order)
        obj.sort_order = order
        return True

    def twice(self, row: _Row, key: str, code: str, first: int) -> None:
        self.error(row.number, key, msg("{code} appears twice (row {row})."), code=code, row=first)

    # -- types -------------------------------------------------------------------------

    def types(self, rows: list[_Row]) -> None:
        type_orders, sub_orders = _type_orders(rows)
        type_rows: dict[str, int] = {}
        subtype_rows: dict[str, int] = {}
        changed: set[str] = set()
        added: set[str] = set()
        for row in rows:
            before = len(self.result.errors)
            type_code = self.code(row, "type", 60)
            if type_code is None:
                continue
            sub_text = row.text("subtype")
            is_type_row = not sub_text
            if is_type_row and type_code in type_rows:
                self.twice(row, "type", type_code, type_rows[type_code])
                continue
            parent = ComplaintType.get_or_none(ComplaintType.code == type_code)
            if parent is not None and parent.parent_id is not None:
                self.error(
                    row.number, "type", msg("{code} is a subtype, not a type."), code=type_code
                )
                continue
            new_type = parent is None
            if parent is None:
                parent = ComplaintType(code=type_code, parent=None, name_zh="", name_en="")
                parent.sort_order = type_orders[type_code]
            elif self.reorder(parent, type_code, type_orders[type_code]):
                changed.add(type_code)
            for key, attr, limit in (("type_zh", "name_zh", 60), ("type_en", "name_en", 80)):
                current = getattr(parent, attr)
                if is_type_row:
                    if row.has(key) or not current:
                        value = self.name(row, key, limit)
                        if value is not _BAD and self.assign(parent, type_code, attr, key, value):
                            changed.add(type_code)
                    continue
                text = row.text(key)
                if not text:
                    if not current:
                        self.error(
                            row.number, key, msg("Both names are required (Chinese and English).")
                        )
                elif not current:
                    value = self.name(row, key, limit)
                    if value is not _BAD:
                        self.assign(parent, type_code, attr, key, value)
                elif text != current:
                    self.error(
                        row.number,
                        key,
                        msg(
                            '"{value}" differs from the type\'s name "{name}": rename a type '
                            "on its own row (subtype blank)."
                        ),
                        value=text,
                        name=current,
                    )
            if is_type_row:
                type_rows[type_code] = row.number
                for key in (
                    "default_level",
                    "callback",
                    "handling",
                    "handler_department",
                    "notify_department",
                ):
                    if row.text(key):
                        self.error(
                            row.number,
                            key,
                            msg("A type has no {column}: write it on its subtypes' rows."),
                            column=key,
                        )
                active = self.cell(row, "active", _yes_no_cell)
                if (
                    active is not _BAD
                    and active is not None
                    and self.assign(parent, type_code, "active", "active", active)
                ):
                    changed.add(type_code)
            if new_type:
                if (
                    not parent.name_zh
                    or not parent.name_en
                    or (is_type_row and len(self.result.errors) > before)
                ):
                    continue  # not saved: its names are missing or bad
                self.change(type_code, "added", None, type_code)
                added.add(type_code)
            parent.save()
            if not is_type_row:
                self.subtype(row, parent, sub_orders, subtype_rows, changed, added)
        for code in changed | added:
            self.count(True, code in added)

    def subtype(
        self,
        row: _Row,
        parent: ComplaintType,
        orders: dict[tuple[str, str], int],
        seen: dict[str, int],
        changed: set[str],
        added: set[str],
    ) -> None:
        before = len(self.result.errors)
        code = self.code(row, "subtype", 60)
        if code is None:
            return
        if code in seen:
            self.twice(row, "subtype", code, seen[code])
            return
        seen[code] = row.number
        order = orders[parent.code, code]
        sub = ComplaintType.get_or_none(ComplaintType.code == code)
        if sub is not None and sub.parent_id is None:
            self.error(row.number, "subtype", msg("{code} is a type, not a subtype."), code=code)
            return
        new = sub is None
        if sub is None:
            sub = ComplaintType(code=code, parent=parent, sort_order=order)
        elif sub.parent_id != parent.id:
            in_use = (
                Complaint.select().where(Complaint.subtype == sub).exists()
                or CaseBatch.select().where(CaseBatch.subtype == sub).exists()
            )
            if in_use:
                self.error(
                    row.number,
                    "type",
                    msg("{code} has cases under its type; it cannot move to {type}."),
                    code=code,
                    type=parent.code,
                )
                return
            old_parent = ComplaintType.get_by_id(sub.parent_id).code
            sub.parent = parent
            self.change(code, "type", old_parent, parent.code)
            changed.add(code)
        if new:
            sub.sort_order = order
        elif self.reorder(sub, code, order):
            changed.add(code)
        for key, attr, limit in (("subtype_zh", "name_zh", 60), ("subtype_en", "name_en", 80)):
            if row.has(key) or new:
                value = self.name(row, key, limit)
                if value is not _BAD and self.assign(sub, code, attr, key, value):
                    changed.add(code)
        for key, attr, parse in (
            ("default_level", "default_level", _level),
            ("callback", "callback_rule", _callback),
            ("handling", "handling_rule", _handling),
        ):
            if row.has(key) or new:
                value = self.cell(row, key, parse)
                shown = LEVEL_ROMAN.get(value) if key == "default_level" else None
                if value is not _BAD and self.assign(sub, code, attr, key, value, shown):
                    changed.add(code)
        for key in ("handler_department", "notify_department"):
            if not row.has(key):
                continue
            dept = self.cell(row, key, _department)
            if dept is _BAD:
                continue
            if self.assign(
                sub, code, f"{key}_id", key, dept.id if dept else None, dept.code if dept else None
            ):
                changed.add(code)
        active = self.cell(row, "active", _yes_no_cell)
        if (
            active is not _BAD
            and active is not None
            and self.assign(sub, code, "active", "active", active)
        ):
            changed.add(code)
        if new:
            if len(self.result.errors) > before:
                return  # not saved: a new row with a bad cell
            self.change(code, "added", None, f"{parent.code}/{code}")
            added.add(code)
        sub.save()

    # -- staff -------------------------------------------------------------------------

    def staff(self, rows: list[_Row]) -> None:
        seen: dict[str, int] = {}
        pending: list[tuple[_Row, User]] = []
        for row in rows:
            name = row.text("username")
            if not name:
                self.error(row.number, "username", msg("A user name is required."))
                continue
            if name in seen:
                self.error(
                    row.number,
                    "username",
                    msg("{code} appears twice (row {row})."),
                    code=name,
                    row=seen[name],
                )
                continue
            seen[name] = row.number
            user = User.get_or_none(User.username == name)
            if user is None:
                self.error(
                    row.number,
                    "username",
                    msg(
                        "No account named {name}: the policy workbook never creates accounts "
                        "(add it under Administration or with user add)."
                    ),
                    name=name,
                )
                continue
            changed = False
            if row.has("display_name"):
                value = self.name(row, "display_name", 60)
                if value is not _BAD:
                    changed |= self.assign(user, name, "display_name", "display_name", value)
            if row.has("role") and row.text("role") and row.text("role") != user.role:
                role = row.text("role")
                term = ROLES.parse(role)
                if term is None:
                    self.error(
                        row.number,
                        "role",
                        msg('"{value}" is not a role (clerk, supervisor, manager, admin)'),
                        value=role,
                    )
                elif term.code != user.role:
                    if self.session.role != "admin":
                        self.error(
                            row.number,
                            "role",
                            msg("Only an administrator changes roles ({name} is {role})."),
                            name=name,
                            role=user.role,
                        )
                    else:
                        try:
                            keep_an_admin(user, "role")
                        except ValidationError as exc:
                            self.error(row.number, "role", exc.template, **exc.params)
                        else:
                            changed |= self.assign(user, name, "role", "role", term.code)
            senior = self.cell(row, "senior_agent", _yes_no_cell)
            if senior is not _BAD and senior is not None:
                changed |= self.assign(user, name, "senior_agent", "senior_agent", senior)
            active = self.cell(row, "active", _yes_no_cell)
            if active is not _BAD and active is not None and active != user.active:
                if not active and user.id == self.session.user_id:
                    self.error(row.number, "active", msg("You cannot disable your own account."))
                else:
                    try:
                        if not active:
                            keep_an_admin(user, "active")
                    except ValidationError as exc:
                        self.error(row.number, "active", exc.template, **exc.params)
                    else:
                        changed |= self.assign(user, name, "active", "active", active)
            user.save()
            if row.has("departments"):
                changed |= self._departments(row, user)
            pending.append((row, user))
            if changed:
                self.count(True)
        # Supervisors last: the rule sees every role and active flag the file sets.
        counted = {c["code"] for c in self.result.changes if c["sheet"] == "staff"}
        for row, user in pending:
            if not row.has("supervisor"):
                continue
            wanted = row.text("supervisor")
            try:
                boss = supervisor_choice(user, wanted)
            except ValidationError as exc:
                self.error(row.number, "supervisor", exc.template, **exc.params)
                continue
            old = user.supervisor_id
            if old != (boss.id if boss else None):
                old_name = User.get_by_id(old).username if old else None
                user.supervisor = boss
                user.save()
                self.change(user.username, "supervisor", old_name, boss.username if boss else None)
                if user.username not in counted:
                    self.count(True)

    def _departments(self, row: _Row, user: User) -> bool:
        codes: list[str] = []
        ids: list[int] = []
        for word in _split_multi(row.text("departments")):
            dept = Department.get_or_none(
                (Department.code == word)
                | (Department.name_zh == word)
                | (Department.name_en == word)
            )
            if dept is None:
                self.error(
                    row.number,
                    "departments",
                    msg(
                        '"{value}" is not a department (by code, in the database '
                        "or on the departments sheet)."
                    ),
                    value=word,
                )
                return False
            if dept.id not in ids:
                ids.append(dept.id)
                codes.append(dept.code)
        current = [
            d.code
            for d in Department.select()
            .join(UserDepartment)
            .where(UserDepartment.user == user)
            .order_by(Department.sort_order, Department.id)
        ]
        if set(current) == set(codes):
            return False
        UserDepartment.delete().where(UserDepartment.user == user).execute()
        for dept_id in ids:
            UserDepartment.create(user=user, department=dept_id)
        self.change(user.username, "departments", current, codes)
        return True

    # -- settings ----------------------------------------------------------------------

    def settings(self, rows: list[_Row]) -> None:
        seen: dict[str, int] = {}
        for row in rows:
            key = row.text("key")
            if key not in BY_KEY:
                self.error(row.number, "key", msg('"{value}" is not a setting key.'), value=key)
                continue
            if key in seen:
                self.error(
                    row.number,
                    "key",
                    msg("{code} appears twice (row {row})."),
                    code=key,
                    row=seen[key],
                )
                continue
            seen[key] = row.number
            if not row.has("value"):
                continue
            raw = row.cells.get("value")
            value: Any = "" if raw is None else raw
            if isinstance(raw, str):
                value = raw.strip()
            if key in SECRET_KEYS and value == SECRET_SHOWN:
                continue  # the secret as exported: unchanged
            try:
                new = settings_service.validate_setting(key, value)
            except ValidationError as exc:
                self.error(row.number, "value", exc.template, **exc.params)
                continue
            if new != settings_service.get(key):
                old = settings_service.store_setting(self.session, key, new)
                self.change(
                    key,
                    "value",
                    settings_service.shown_value(key, old),
                    settings_service.shown_value(key, new),
                )
                self.count(True)


_BAD: Any = object()


def _orders(codes: list[str], current: dict[str, int]) -> dict[str, int]:
    """Display order per code of a sheet (docs/rules.md#policy-workbook): the codes already
    in the database take the places those rows hold, in the file's order; new codes follow
    every row of the table."""
    present = [c for c in dict.fromkeys(codes) if c in current]
    result = dict(zip(present, sorted(current[c] for c in present), strict=True))
    following = max(current.values(), default=-1) + 1
    for code in dict.fromkeys(codes):
        if code not in result:
            result[code] = following
            following += 1
    return result


def _type_orders(rows: list[_Row]) -> tuple[dict[str, int], dict[tuple[str, str], int]]:
    """``_orders`` of the types, and of the subtypes within each type of the file."""
    types = list(ComplaintType.select())
    by_id = {t.id: t for t in types}
    type_orders = _orders(
        [row.text("type") for row in rows],
        {t.code: t.sort_order for t in types if t.parent_id is None},
    )
    sub_orders: dict[tuple[str, str], int] = {}
    grouped: dict[str, list[str]] = {}
    for row in rows:
        if row.text("subtype"):
            grouped.setdefault(row.text("type"), []).append(row.text("subtype"))
    for type_code, codes in grouped.items():
        children = {
            t.code: t.sort_order
            for t in types
            if t.parent_id is not None and by_id[t.parent_id].code == type_code
        }
        # A subtype moved here from another type comes after this type's own.
        wanted = [c for c in codes if c in children] + [c for c in codes if c not in children]
        orders = _orders(wanted, children)
        sub_orders.update({(type_code, c): orders[c] for c in codes})
    return type_orders, sub_orders


def _department(value: Any) -> Department | None:
    text = _text(value)
    if not text:
        return None
    dept = Department.get_or_none(
        (Department.code == text) | (Department.name_zh == text) | (Department.name_en == text)
    )
    if dept is None:
        raise _Bad(
            msg(
                '"{value}" is not a department (by code, in the database or on the '
                "departments sheet)."
            ),
            value=text,
        )
    return dept


def _level(value: Any) -> int:
    text = _text(value)
    term = LEVELS.parse(text) if text else None
    if term is None:
        raise _Bad(msg('"{value}" is not a level (I, II, III)'), value=text)
    return int(term.code)


def _callback(value: Any) -> str:
    text = _text(value)
    term = CALLBACK_RULES.parse(text) if text else None
    if term is None:
        raise _Bad(msg('"{value}" is not a first-callback rule (same_day, t+1, t+2)'), value=text)
    return term.code


def _handling(value: Any) -> str:
    text = _text(value)
    term = HANDLING_RULES.parse(text) if text else None
    if term is None:
        raise _Bad(
            msg('"{value}" is not a handling rule ({codes})'),
            value=text,
            codes=", ".join(HANDLING_RULES.codes()),
        )
    return term.code


def _read(path: Path, result: PolicyImportResult) -> dict[str, list[_Row]]:
    """The rows of each policy sheet present (by sheet key); header problems recorded."""
    workbook_limits.check_workbook(path, field="file")
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, OSError, KeyError, ValueError) as exc:
        raise ValidationError(
            msg("{path} is not an .xlsx workbook: {reason}"),
            field="file",
            path=str(path),
            reason=str(exc),
        ) from exc
    found: dict[str, list[_Row]] = {}
    try:
        for ws in workbook.worksheets:
            sheet = find_policy_sheet(ws.title)
            if sheet is None:
                result.warnings.append(
                    ImportProblem(
                        ws.title, None, "", msg("Not a sheet of the policy workbook: ignored.")
                    )
                )
                continue
            if sheet.key in found:
                result.errors.append(
                    ImportProblem(sheet.key, None, "", msg("The sheet appears twice."))
                )
                continue
            lookup = _column_lookup(sheet)
            # Every row and column whatever the file's stated size: a wrong one (WPS and
            # some exporters write <dimension ref="A1"/>) would make openpyxl stop early
            # and drop cells silently (docs/rules.md#policy-workbook).
            ws.reset_dimensions()
            rows = ws.iter_rows(values_only=True)
            header = next(rows, None) or ()
            columns: dict[int, str] = {}
            for index, text in enumerate(header):
                if text is None or not str(text).strip():
                    continue
                column = lookup.get(normalize_header(text))
                if column is None:
                    result.warnings.append(
                        ImportProblem(sheet.key, 1, str(text), msg("Unknown column: ignored."))
                    )
                elif column.key in columns.values():
                    result.errors.append(
                        ImportProblem(sheet.key, 1, column.key, msg("The column appears twice."))
                    )
                else:
                    columns[index] = column.key
            if KEY_COLUMN[sheet.key] not in columns.values():
                result.errors.append(
                    ImportProblem(
                        sheet.key,
                        1,
                        KEY_COLUMN[sheet.key],
                        msg("The column is missing."),
                    )
                )
                continue
            data: list[_Row] = []
            for number, values in enumerate(rows, start=2):
                cells = {
                    key: values[index] if index < len(values) else None
                    for index, key in columns.items()
                }
                if all(v is None or (isinstance(v, str) and not v.strip()) for v in cells.values()):
                    continue
                data.append(_Row(number, cells))
            found[sheet.key] = data
    finally:
        workbook.close()
    return found


@service
def import_policy(
    session: Session, path: str | Path, *, dry_run: bool = False
) -> PolicyImportResult:
    """Read the policy workbook at ``path`` into the database, all or nothing
    (docs/rules.md#policy-workbook). The result lists every problem (then nothing was
    changed) or every change made (for a dry run: that would be made; nothing is written).
    Managers and admins only."""
    require_manager(session)
    path = Path(path)
    result = PolicyImportResult(path, dry_run)
    sheets = _read(path, result)
    return apply_rows(session, sheets, result, "import_workbook", file=path.name)


def rows_of(sheet: str, rows: list[dict[str, Any]]) -> dict[str, list[_Row]]:
    """Rows given as {column key: value} (the Policy screens' edits), numbered from 1."""
    return {sheet: [_Row(number, dict(cells)) for number, cells in enumerate(rows, start=1)]}


def apply_rows(
    session: Session,
    sheets: dict[str, list[_Row]],
    result: PolicyImportResult,
    action: str,
    *,
    before_write: Callable[[], None] | None = None,
    **details: Any,
) -> PolicyImportResult:
    """Check and apply rows of the policy sheets in one transaction, all or nothing: the
    import's core, also the Policy screens' (docs/rules.md#policy-workbook).
    ``before_write`` runs first inside the transaction (a conflict check may raise); one
    audit entry ``action`` (entity ``policy``) lists every change."""
    importer = _Importer(session, result)
    try:
        with write_lock(database_proxy.obj):
            if before_write is not None:
                before_write()
            steps: list[tuple[str, Callable[[list[_Row]], None]]] = [
                (key, functools.partial(importer.reference, model=model))
                for key, model in REFERENCE_MODELS.items()
            ]
            for key, step in (
                *steps,
                ("types", importer.types),
                ("staff", importer.staff),
                ("settings", importer.settings),
            ):
                if key in sheets:
                    importer.sheet = key
                    step(sheets[key])
            if result.errors or result.dry_run:
                raise _Rollback
            if result.changes:
                audit.record(
                    session,
                    action,
                    "policy",
                    None,
                    **details,
                    changed=dict(result.changed),
                    changes=result.changes,
                )
    except _Rollback:
        pass
    except Exception:
        if result.errors:  # a value the database refused after a reported problem
            return _sorted(result)
        raise
    result.written = not result.errors and not result.dry_run
    if result.changes:
        result.names = audit.detail_names([{"changes": result.changes}])
    return _sorted(result)


def _sorted(result: PolicyImportResult) -> PolicyImportResult:
    order = {s.key: i for i, s in enumerate(POLICY_SHEETS)}
    result.errors.sort(key=lambda p: (order.get(p.sheet, 99), p.row or 0))
    return result


@service
def set_setting(session: Session, key: str, value: Any) -> Any:
    """``config set KEY VALUE``: one setting, checked as the Settings page checks it
    (``settings.validate_setting``), audited as ``setting_change``. Managers and admins."""
    return settings_service.change_setting(session, key, value)
