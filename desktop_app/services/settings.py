"""Reading and changing the manager-editable settings stored in the database."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, cast

from desktop_app.db.connection import write_lock
from desktop_app.db.models import OfficialCalendarYear, Setting, User, database_proxy
from desktop_app.domain.messages import msg
from desktop_app.domain.settings import (
    BY_KEY,
    CREDENTIAL_KEYS,
    SECRET_KEYS,
    SECRET_SHOWN,
    SETTINGS,
    SettingValueError,
)
from desktop_app.services import audit
from desktop_app.services.errors import ValidationError, service
from desktop_app.services.permissions import require_manager, require_staff
from desktop_app.services.session import Session

if TYPE_CHECKING:
    from desktop_app.domain.calendar import WorkCalendar


def _decode(key: str, raw: str) -> Any:
    definition = BY_KEY[key]
    try:
        return definition.coerce(json.loads(raw))
    except (ValueError, TypeError):  # a value stored by hand: fall back to the default
        return definition.default


def load_all() -> dict[str, Any]:
    """Every setting, stored value or declared default (docs/rules.md#settings). No permission
    needed: policy is not personal data and the SLA engine reads it for everyone."""
    # Plain (key, value) rows: read on every save (SlaContext.load), where building a model
    # object per setting cost more than the query.
    rows = cast(Iterable[tuple[str, str]], Setting.select(Setting.key, Setting.value).tuples())
    stored = {key: value for key, value in rows if key in BY_KEY}
    return {
        d.key: _decode(d.key, stored[d.key]) if d.key in stored else d.default for d in SETTINGS
    }


def get(key: str) -> Any:
    if key not in BY_KEY:
        raise KeyError(key)
    # Plain SQL: the tracker asks at every page (a model object cost more than the query).
    db = database_proxy.obj
    row = db.execute_sql(
        f'SELECT "value" FROM "{Setting._meta.table_name}" WHERE "key" = {db.param}', (key,)
    ).fetchone()
    return _decode(key, row[0]) if row else BY_KEY[key].default


@service
def list_settings(session: Session) -> list[tuple[str, Any]]:
    """Every setting with its value; a robot's address or secret only as set or not
    (``SECRET_SHOWN``) unless the session is a manager's or an admin's."""
    require_staff(session)
    values = load_all()
    hidden = frozenset() if session.is_manager or session.is_admin else CREDENTIAL_KEYS
    return [(d.key, _as_set(values[d.key]) if d.key in hidden else values[d.key]) for d in SETTINGS]


@service
def change_setting(session: Session, key: str, value: Any) -> Any:
    """Change one setting (managers and admins); audited with old and new value."""
    require_manager(session)
    new = validate_setting(key, value)
    with write_lock(database_proxy.obj):
        old = store_setting(session, key, new)
        audit.record(
            session,
            "setting_change",
            "setting",
            None,
            key=key,
            old=shown_value(key, old),
            new=shown_value(key, new),
        )
    return new


def shown_value(key: str, value: Any) -> Any:
    """A setting's value as the audit log and change lists show it: a secret's (the
    DingTalk signing secret) only as set or not."""
    return _as_set(value) if key in SECRET_KEYS else value


def _as_set(value: Any) -> str:
    """A secret as set or not: ``SECRET_SHOWN`` or empty."""
    return SECRET_SHOWN if value else ""


def validate_setting(key: str, value: Any) -> Any:
    """The value ``value`` gives setting ``key`` (converted), or ValidationError naming the
    setting: the check of the Settings page, ``config set`` and the policy workbook
    (docs/rules.md#settings)."""
    definition = BY_KEY.get(key)
    if definition is None:
        raise ValidationError(msg("Unknown setting {key}."), field=key, key=key)
    try:
        new = definition.coerce(value)
    except SettingValueError as exc:
        raise ValidationError(exc.template, field=key, **exc.params) from exc
    if key in ACCOUNT_SETTINGS and new:
        _check_account(key, new)
    return new


# Settings naming an account: an active manager's (or administrator's) user name or empty
# (docs/rules.md#reminders-and-escalation).
ACCOUNT_SETTINGS = ("escalation.manager_username", "escalation.head_of_operations_username")


def _check_account(key: str, username: str) -> None:
    if (
        not User.select()
        .where(User.username == username, User.active, User.role.in_(("manager", "admin")))
        .exists()
    ):
        raise ValidationError(
            msg("{value} is not the user name of an active manager."),
            field=key,
            value=username,
        )


def store_setting(session: Session, key: str, new: Any) -> Any:
    """Write a value ``validate_setting`` returned, in the caller's transaction, without an
    audit entry (the caller writes it); returns the old value."""
    old = get(key)
    now = session.now()
    (
        Setting.insert(key=key, value=json.dumps(new), updated_at=now, updated_by=session.user_id)
        .on_conflict(
            conflict_target=[Setting.key],
            update={
                Setting.value: json.dumps(new),
                Setting.updated_at: now,
                Setting.updated_by: session.user_id,
            },
        )
        .execute()
    )
    return old


def load_calendar(values: dict[str, Any] | None = None) -> WorkCalendar:
    """The working calendar from the settings, the managers' calendar overrides and the
    years imported from the State Council's notice (docs/rules.md#calendar)."""
    from desktop_app.db.models import CalendarOverride
    from desktop_app.domain.calendar import WorkCalendar

    values = values if values is not None else load_all()
    overrides = [(o.day, o.kind) for o in CalendarOverride.select()]
    return WorkCalendar.from_settings(values, overrides, notice_years())


def stored_days(row: OfficialCalendarYear) -> tuple[frozenset[dt.date], frozenset[dt.date]]:
    """(days off, makeup working days) of an ``OfficialCalendarYear`` row."""
    return (
        frozenset(dt.date.fromisoformat(d) for d in json.loads(row.days_off)),
        frozenset(dt.date.fromisoformat(d) for d in json.loads(row.makeup_workdays)),
    )


def notice_years() -> dict[int, tuple[frozenset[dt.date], frozenset[dt.date]]]:
    """The years imported from the State Council's notice: year -> (days off, makeup
    working days) (docs/rules.md#calendar)."""
    return {row.year: stored_days(row) for row in OfficialCalendarYear.select()}
