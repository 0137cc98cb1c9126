"""The working calendar as managers see and edit it: holidays and makeup days per year,
their own overrides, and warnings for years without an official schedule.

After a change, call ``sla.recompute_open_deadlines`` (off the UI thread) so stored
deadlines follow the new calendar.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from desktop_app.db.connection import write_lock
from desktop_app.db.models import CalendarOverride, OfficialCalendarYear, database_proxy
from desktop_app.domain.calendar import china_year, holiday_names, library_year, official_year
from desktop_app.domain.holiday_notice import NoticeError, parse_notice
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
    imported = OfficialCalendarYear.get_or_none(OfficialCalendarYear.year == year)
    days_off: frozenset[dt.date] | tuple[()] = ()
    makeup: frozenset[dt.date] | tuple[()] = ()
    names: dict[dt.date, str] = {}
    if not values["calendar.use_holiday_library"]:
        pass
    elif imported is not None:
        days_off, makeup = settings_service.stored_days(imported)
        names = {dt.date.fromisoformat(d): n for d, n in json.loads(imported.names).items()}
    else:
        days_off, makeup = china_year(year)
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
    official = official_year(year) or imported is not None
    return YearView(year, official, tuple(days), warnings, years)


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


# --- the State Council's holiday notice (docs/rules.md#calendar) -------------------------


@dataclass(frozen=True)
class OfficialYear:
    """A year's official schedule: from an imported notice, from the built-in library, or
    none (``official`` False, no days)."""

    year: int
    official: bool
    source: str  # "notice", "library" or ""
    days_off: tuple[dt.date, ...]
    makeup_workdays: tuple[dt.date, ...]
    imported_by: str = ""
    imported_at: dt.datetime | None = None

    def as_json(self) -> dict[str, object]:
        """``calendar list --format json``."""
        return {
            "year": self.year,
            "official": self.official,
            "days_off": [d.isoformat() for d in self.days_off],
            "makeup_workdays": [d.isoformat() for d in self.makeup_workdays],
        }


@dataclass(frozen=True)
class NoticePreview:
    """What a notice says next to what the program has for its year."""

    year: int
    days_off: tuple[dt.date, ...]
    makeup_workdays: tuple[dt.date, ...]
    names: dict[dt.date, str]
    built_in: OfficialYear  # the library's data for the year, if any (official False: none)
    imported_before: bool  # the year was imported already (an import replaces it)
    imported: bool = False  # written (False for a dry run)

    @property
    def days_off_differences(self) -> frozenset[dt.date]:
        if not self.built_in.official:
            return frozenset()
        return frozenset(self.days_off) ^ frozenset(self.built_in.days_off)

    @property
    def makeup_differences(self) -> frozenset[dt.date]:
        if not self.built_in.official:
            return frozenset()
        return frozenset(self.makeup_workdays) ^ frozenset(self.built_in.makeup_workdays)


def _library(year: int) -> OfficialYear:
    known = library_year(year)
    if known is None:
        return OfficialYear(year, False, "", (), ())
    return OfficialYear(year, True, "library", tuple(sorted(known[0])), tuple(sorted(known[1])))


@service
def official_calendar(session: Session, year: int) -> OfficialYear:
    """The official days off (every day of the holiday ranges, weekends included) and makeup
    working days of ``year``: the imported notice, else the built-in library. Overrides are
    not part of it."""
    require_staff(session)
    if not 1900 < year < 3000:
        raise ValidationError(msg("Choose a year between 1901 and 2999."), field="year")
    row = OfficialCalendarYear.get_or_none(OfficialCalendarYear.year == year)
    if row is None:
        return _library(year)
    days_off, makeup = settings_service.stored_days(row)
    return OfficialYear(
        year,
        True,
        "notice",
        tuple(sorted(days_off)),
        tuple(sorted(makeup)),
        imported_by=row.imported_by.username if row.imported_by is not None else "",
        imported_at=row.imported_at,
    )


def _parse(text: str, year: int | None) -> NoticePreview:
    try:
        notice = parse_notice(text, year)
    except NoticeError as exc:
        raise ValidationError(exc.template, field="notice", **exc.params) from None
    return NoticePreview(
        notice.year,
        tuple(sorted(notice.days_off)),
        tuple(sorted(notice.makeup_workdays)),
        notice.names,
        _library(notice.year),
        OfficialCalendarYear.get_or_none(OfficialCalendarYear.year == notice.year) is not None,
    )


@service
def import_notice(
    session: Session, text: str, *, year: int | None = None, dry_run: bool = False
) -> NoticePreview:
    """Read the State Council's holiday notice and, unless ``dry_run``, store it as the
    official calendar of its year (managers; replaces an earlier import of that year and the
    library's data; audited). A notice that cannot be read raises ``ValidationError`` naming
    the line. Afterwards, recompute the open deadlines."""
    require_manager(session)
    if len(text) > 100_000:
        raise ValidationError(msg("The notice text is too long."), field="notice")
    preview = _parse(text, year)
    if dry_run:
        return preview
    with write_lock(database_proxy.obj):
        OfficialCalendarYear.delete().where(OfficialCalendarYear.year == preview.year).execute()
        OfficialCalendarYear.create(
            year=preview.year,
            days_off=json.dumps([d.isoformat() for d in preview.days_off]),
            makeup_workdays=json.dumps([d.isoformat() for d in preview.makeup_workdays]),
            names=json.dumps(
                {d.isoformat(): n for d, n in sorted(preview.names.items())}, ensure_ascii=False
            ),
            notice_text=text.strip(),
            imported_by=session.user_id,
            imported_at=session.now(),
        )
        audit.record(
            session,
            "calendar_notice_imported",
            "calendar",
            None,
            year=preview.year,
            days_off=len(preview.days_off),
            makeup_workdays=len(preview.makeup_workdays),
            replaced=preview.imported_before,
        )
    return NoticePreview(
        preview.year,
        preview.days_off,
        preview.makeup_workdays,
        preview.names,
        preview.built_in,
        preview.imported_before,
        imported=True,
    )
