"""The figures the reports page computes besides the KPI report: the trend (one KPI report
per week, month or quarter of the period, on the worker thread: no widgets) and the
formatting of rates and hours."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop_app.domain import periods
from desktop_app.domain.periods import Period
from desktop_app.services import kpi
from desktop_app.services.progress import Progress
from desktop_app.services.session import Session

NO_VALUE = "—"


@dataclass(frozen=True)
class TrendPoint:
    period: Period
    volume: int
    closed: int
    on_time_rate: float | None


@dataclass(frozen=True)
class Trend:
    start: dt.date
    end: dt.date
    department: str | None
    kind: str  # the buckets: "week", "month" or "quarter"
    points: tuple[TrendPoint, ...]


def compute_trend(
    session: Session,
    start: dt.date,
    end: dt.date,
    department_code: str | None = None,
    *,
    progress: Progress | None = None,
) -> Trend | None:
    """Volume and on-time rate of each week (or month) of the period, clipped to it: one
    KPI report per bucket. None when ``progress`` says the work was cancelled."""
    period = periods.custom(start, end)
    kind = periods.trend_kind(period)  # the buckets of the report workbook's trend sheet too
    buckets = periods.split(period, kind)
    points = []
    for done, bucket in enumerate(buckets, 1):
        report = kpi.kpi_report(session, bucket.start, bucket.end, department_code=department_code)
        points.append(TrendPoint(bucket, report.volume, report.closed_cases, report.on_time_rate))
        if progress is not None and not progress(done, len(buckets)):
            return None
    return Trend(start, end, department_code, kind, tuple(points))


def bucket_label(bucket: Period) -> str:
    """Short x-axis text: a week by its first day (11-23), a month 2026-11, a quarter
    2026-Q4."""
    if bucket.kind == "week":
        return f"{bucket.start:%m-%d}"
    if bucket.kind == "month":
        return f"{bucket.start:%Y-%m}"
    return Period(bucket.start, bucket.end, "quarter").label()


def format_rate(rate: float | None) -> str:
    """A 0–1 rate as a percentage with one decimal; "—" when there is none."""
    return NO_VALUE if rate is None else f"{rate * 100:.1f}%"


def format_hours(hours: float | None) -> str:
    return NO_VALUE if hours is None else f"{hours:.1f} h"
