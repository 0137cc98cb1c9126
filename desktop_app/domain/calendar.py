"""The working calendar: working days and hours with China's public holidays and
adjusted working weekends (调休), plus manager overrides.

Public holidays and makeup working days come from the ``holidays`` package
(``holidays.China``: ``weekend_workdays`` are the adjusted working weekends). For a year
without an official schedule that package only estimates (fixed-date holidays, no makeup
days); ``chinesecalendar`` raises for such years, which ``official_year`` uses as the
signal that a year's schedule is not yet published.

A year imported from the State Council's notice (``domain/holiday_notice.py``) is given to
``WorkCalendar`` as ``notice_years``: its days replace the library's for that year
(docs/rules.md#calendar).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any


@lru_cache(maxsize=64)
def china_year(year: int) -> tuple[frozenset[dt.date], frozenset[dt.date]]:
    """(days off, makeup working days) of a year according to ``holidays.China``; nothing
    for a year without an official schedule, whose holidays would only be guesses."""
    import holidays

    if not official_year(year):
        return frozenset(), frozenset()
    cn = holidays.country_holidays("CN", years=year)
    days_off = frozenset(d for d in cn if d.year == year)
    workdays = frozenset(d for d in getattr(cn, "weekend_workdays", ()) if d.year == year)
    return days_off, workdays


@lru_cache(maxsize=64)
def library_year(year: int) -> tuple[frozenset[dt.date], frozenset[dt.date]] | None:
    """(days off, makeup working days) of ``year`` as ``chinesecalendar`` lists them: every
    day inside the holiday ranges, weekends included (what the notice says); None for a
    year it does not know."""
    from chinese_calendar.constants import holidays, workdays

    if not official_year(year):
        return None
    return (
        frozenset(d for d in holidays if d.year == year),
        frozenset(d for d in workdays if d.year == year),
    )


@lru_cache(maxsize=64)
def holiday_names(year: int, language: str = "zh_CN") -> dict[dt.date, str]:
    """Names of the public holidays of an official year, in Chinese or English."""
    import holidays

    if not official_year(year):
        return {}
    cn = holidays.country_holidays(
        "CN", years=year, language="zh_CN" if language.startswith("zh") else "en_US"
    )
    return {d: name for d, name in cn.items() if d.year == year}


@lru_cache(maxsize=64)
def official_year(year: int) -> bool:
    """True when the official holiday schedule of ``year`` is known (not an estimate)."""
    import chinese_calendar

    try:
        chinese_calendar.is_workday(dt.date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


def parse_hhmm(text: str) -> dt.time:
    hours, minutes = str(text).strip().split(":")
    return dt.time(int(hours), int(minutes))


class WorkCalendar:
    """Working days and hours. All datetimes are naive, in the business time zone."""

    def __init__(
        self,
        *,
        work_start: dt.time = dt.time(9),
        work_end: dt.time = dt.time(18),
        weekdays: Iterable[int] = (0, 1, 2, 3, 4),
        use_holiday_library: bool = True,
        extra_holidays: Iterable[dt.date] = (),
        extra_workdays: Iterable[dt.date] = (),
        notice_years: Mapping[int, tuple[Iterable[dt.date], Iterable[dt.date]]] | None = None,
    ):
        if work_end <= work_start:
            raise ValueError("the working day must end after it starts")
        self.work_start = work_start
        self.work_end = work_end
        self.weekdays = frozenset(weekdays)
        self.use_holiday_library = use_holiday_library
        self.extra_holidays = frozenset(extra_holidays)
        self.extra_workdays = frozenset(extra_workdays)
        # Years imported from the notice: (days off, makeup working days) each.
        notice_years = notice_years or {}
        self.notice_years = frozenset(notice_years)
        self.notice_days_off = frozenset(d for off, _ in notice_years.values() for d in off)
        self.notice_workdays = frozenset(d for _, work in notice_years.values() for d in work)
        self._cache: dict[dt.date, bool] = {}

    @classmethod
    def from_settings(
        cls,
        values: dict[str, Any],
        overrides: Iterable[tuple[dt.date, str]] = (),
        notice_years: Mapping[int, tuple[Iterable[dt.date], Iterable[dt.date]]] | None = None,
    ) -> WorkCalendar:
        """Build from the ``calendar.*`` settings, (day, 'holiday'/'workday') overrides and
        the years imported from the notice."""
        overrides = list(overrides)
        return cls(
            work_start=parse_hhmm(values["calendar.work_start"]),
            work_end=parse_hhmm(values["calendar.work_end"]),
            weekdays=[int(x) - 1 for x in str(values["calendar.weekdays"]).split(",") if x.strip()],
            use_holiday_library=bool(values["calendar.use_holiday_library"]),
            extra_holidays=[d for d, kind in overrides if kind == "holiday"],
            extra_workdays=[d for d, kind in overrides if kind == "workday"],
            notice_years=notice_years,
        )

    @property
    def day_length(self) -> dt.timedelta:
        return dt.datetime.combine(dt.date.min, self.work_end) - dt.datetime.combine(
            dt.date.min, self.work_start
        )

    def is_working_day(self, day: dt.date) -> bool:
        cached = self._cache.get(day)
        if cached is not None:
            return cached
        if day in self.extra_holidays:
            result = False
        elif day in self.extra_workdays:
            result = True
        else:
            result = day.weekday() in self.weekdays
            if not self.use_holiday_library:
                pass
            elif day in self.notice_workdays:
                result = True
            elif day in self.notice_days_off:
                result = False
            elif day.year not in self.notice_years:
                days_off, makeup = china_year(day.year)
                if day in makeup:
                    result = True
                elif day in days_off:
                    result = False
        self._cache[day] = result
        return result

    def next_working_day(self, day: dt.date) -> dt.date:
        """The first working day strictly after ``day``."""
        day += dt.timedelta(days=1)
        for _ in range(3660):
            if self.is_working_day(day):
                return day
            day += dt.timedelta(days=1)
        raise ValueError("no working day within ten years: check the calendar settings")

    def working_day_on_or_after(self, day: dt.date) -> dt.date:
        return day if self.is_working_day(day) else self.next_working_day(day)

    def close_of(self, day: dt.date) -> dt.datetime:
        return dt.datetime.combine(day, self.work_end)

    def in_working_time(self, moment: dt.datetime) -> bool:
        return (
            self.is_working_day(moment.date()) and self.work_start <= moment.time() < self.work_end
        )

    def add_working_days(self, day: dt.date, count: int) -> dt.date:
        """The ``count``-th working day after ``day`` (``count`` ≥ 1); 0 gives ``day`` itself
        when it is a working day, else the next one."""
        if count <= 0:
            return self.working_day_on_or_after(day)
        for _ in range(count):
            day = self.next_working_day(day)
        return day

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after ``start`` up to and including ``end``."""
        count, day = 0, start
        while day < end:
            day += dt.timedelta(days=1)
            if self.is_working_day(day):
                count += 1
        return count

    def add_working_hours(self, start: dt.datetime, hours: float) -> dt.datetime:
        """``start`` plus ``hours`` of working time (time outside working hours does not count)."""
        remaining = dt.timedelta(hours=hours)
        moment = start
        for _ in range(3660):
            day = moment.date()
            if not self.is_working_day(day) or moment.time() >= self.work_end:
                moment = dt.datetime.combine(self.next_working_day(day), self.work_start)
                continue
            if moment.time() < self.work_start:
                moment = dt.datetime.combine(day, self.work_start)
            left_today = self.close_of(day) - moment
            if remaining <= left_today:
                return moment + remaining
            remaining -= left_today
            moment = dt.datetime.combine(self.next_working_day(day), self.work_start)
        raise ValueError("deadline beyond ten years: check the calendar settings")
