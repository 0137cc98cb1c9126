"""The working calendar as managers see and edit it: holidays and makeup days per year,
their own overrides, and warnings for years without an official schedule.

After a change, call ``sla.recompute_open_deadlines`` (off the UI thread) so stored
deadlines follow the new calendar.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop_app.db.connection import write_lock
from desktop_app.db.models import CalendarOverride, database_proxy
from desktop_app.domain.calendar import china_year, holiday_names, official_year
from desktop_app.domain.messages import msg
from desktop_app.services import audit
from desktop_app.services import settings as settings_service
from desktop_app.services.errors import ValidationError, service
from desktop_app.services.permissions import require_manager, require_staff
from desktop_app.services.session import Session
from desktop_app.services.sla import calendar_warnings, unofficial_years


@dataclass(frozen=True)
class DayInfo:
    day: dt.date
    working: bool
    # "holiday" public holiday, "makeup" adjusted working weekend (调休),
    # "override_holiday" / "override_workday" a manager's override, "weekend", "" plain day.
    mark: str
    note: str


@dataclass(frozen=True)
class YearView:
    year: int
    official: bool
    days: tuple[DayInfo, ...]
    warnings: tuple[str, ...]  # English; the years they name are ``unofficial_years``
    unofficial_years: tuple[int, ...] = ()  # what the warnings are about (managers only)


@service
def year_view(session: Session, year: int) -> YearView:
    """Every day of ``year`` with whether it is a working day and why."""
    require_staff(session)
    if not 1900 < year < 3000:
        raise ValidationError(msg("Choose a year between 1901 and 2999."), field="year")
    values = settings_service.load_all()
    calendar = settings_service.load_calendar(values)
    overrides = {
        o.day: o
        for o in CalendarOverride.select().where(
            CalendarOverride.day.between(dt.date(year, 1, 1), dt.date(year, 12, 31))
        )
    }
    days_off, makeup = china_year(year) if values["calendar.use_holiday_library"] else ((), ())
    names = holiday_names(year, session.language) if days_off else {}
    days = []
    day = dt.date(year, 1, 1)
    while day.year == year:
        override = overrides.get(day)
        if override is not None:
            mark, note = f"override_{override.kind}", override.note
        elif day in makeup:
            mark, note = "makeup", ""
        elif day in days_off:
            mark, note = "holiday", names.get(day, "")
        elif day.weekday() not in calendar.weekdays:
            mark, note = "weekend", ""
        else:
            mark, note = "", ""
        days.append(DayInfo(day, calendar.is_working_day(day), mark, note))
        day += dt.timedelta(days=1)
    manager = session.is_manager or session.is_admin
    warnings = tuple(calendar_warnings(session.now().date())) if manager else ()
    years = tuple(unofficial_years(session.now().date())) if manager else ()
    return YearView(year, official_year(year), tuple(days), warnings, years)


@service
def set_override(session: Session, day: dt.date, kind: str, note: str = "") -> None:
    """Make ``day`` an extra holiday or an extra working day (managers)."""
    require_manager(session)
    if kind not in ("holiday", "workday"):
        raise ValidationError(msg("The day must become a holiday or a working day."), field="kind")
    note = (note or "").strip()
    if len(note) > 200:
        raise ValidationError(msg("The note can have at most 200 characters."), field="note")
    with write_lock(database_proxy.obj):
        old = CalendarOverride.get_or_none(CalendarOverride.day == day)
        if old is None:
            CalendarOverride.create(
                day=day, kind=kind, note=note, created_by=session.user_id, created_at=session.now()
            )
        else:
            old.kind, old.note = kind, note
            old.save()
        audit.record(
            session,
            "calendar_override",
            "calendar",
            None,
            day=day.isoformat(),
            kind=kind,
            note=note,
            previous=old.kind if old else None,
        )


@service
def remove_override(session: Session, day: dt.date) -> bool:
    require_manager(session)
    with write_lock(database_proxy.obj):
        removed = CalendarOverride.delete().where(CalendarOverride.day == day).execute()
        if removed:
            audit.record(
                session, "calendar_override_removed", "calendar", None, day=day.isoformat()
            )
    return bool(removed)
