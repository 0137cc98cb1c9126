"""Report periods (docs/rules.md#kpis): the week, month or quarter containing a day, or a custom
range.

A period is a pair of calendar days, both included. Queries use the half-open range of
naive business-time datetimes ``[start 00:00, day after end 00:00)``, so a case registered
at 23:59:59 on the last day belongs to the period and one at 00:00 of the next day does not.
Weeks run Monday to Sunday (the Chinese working week).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

PERIOD_KINDS = ("week", "month", "quarter", "custom")


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date  # included
    kind: str = "custom"

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"period ends ({self.end}) before it starts ({self.start})")

    @property
    def start_at(self) -> dt.datetime:
        """The first moment of the period."""
        return dt.datetime.combine(self.start, dt.time())

    @property
    def end_before(self) -> dt.datetime:
        """The first moment after the period (exclusive upper bound)."""
        return dt.datetime.combine(self.end + dt.timedelta(days=1), dt.time())

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def contains(self, moment: dt.datetime | dt.date) -> bool:
        day = moment.date() if isinstance(moment, dt.datetime) else moment
        return self.start <= day <= self.end

    def previous(self) -> Period:
        """The period of the same kind just before this one (same length when custom)."""
        before = self.start - dt.timedelta(days=1)
        if self.kind in ("week", "month", "quarter"):
            return period_of(self.kind, before)
        return Period(self.start - dt.timedelta(days=self.days), before, "custom")

    def label(self) -> str:
        if self.kind == "week":
            year, week, _ = self.start.isocalendar()
            return f"{year}-W{week:02d}"
        if self.kind == "month":
            return f"{self.start:%Y-%m}"
        if self.kind == "quarter":
            return f"{self.start.year}-Q{(self.start.month - 1) // 3 + 1}"
        return f"{self.start.isoformat()}..{self.end.isoformat()}"


def week_of(day: dt.date) -> Period:
    start = day - dt.timedelta(days=day.weekday())
    return Period(start, start + dt.timedelta(days=6), "week")


def _month_end(year: int, month: int) -> dt.date:
    first_next = dt.date(year + month // 12, month % 12 + 1, 1)
    return first_next - dt.timedelta(days=1)


def month_of(day: dt.date) -> Period:
    return Period(day.replace(day=1), _month_end(day.year, day.month), "month")


def quarter_of(day: dt.date) -> Period:
    first_month = (day.month - 1) // 3 * 3 + 1
    return Period(
        dt.date(day.year, first_month, 1), _month_end(day.year, first_month + 2), "quarter"
    )


def custom(start: dt.date, end: dt.date) -> Period:
    return Period(start, end, "custom")


def period_of(kind: str, day: dt.date) -> Period:
    """The week, month or quarter containing ``day``."""
    if kind == "week":
        return week_of(day)
    if kind == "month":
        return month_of(day)
    if kind == "quarter":
        return quarter_of(day)
    raise ValueError(f"unknown period kind {kind!r}; one of week, month, quarter")


def split(period: Period, kind: str) -> list[Period]:
    """The weeks (or months, quarters) overlapping ``period``, clipped to it: the buckets
    of a trend chart."""
    buckets: list[Period] = []
    day = period.start
    while day <= period.end:
        whole = period_of(kind, day)
        buckets.append(Period(max(whole.start, period.start), min(whole.end, period.end), kind))
        day = whole.end + dt.timedelta(days=1)
    return buckets


# A trend chart's buckets (the reports page and the report workbook's trend sheet): weeks
# up to about half a year, months up to three years, then quarters.
TREND_WEEKS_UP_TO_DAYS = 190
TREND_MONTHS_UP_TO_DAYS = 1100


def trend_kind(period: Period) -> str:
    """The bucket of a trend over ``period``: "week", "month" or "quarter"."""
    if period.days <= TREND_WEEKS_UP_TO_DAYS:
        return "week"
    if period.days <= TREND_MONTHS_UP_TO_DAYS:
        return "month"
    return "quarter"


def trend_buckets(period: Period) -> list[Period]:
    """The buckets of a trend over ``period`` (``trend_kind``), clipped to it."""
    return split(period, trend_kind(period))
