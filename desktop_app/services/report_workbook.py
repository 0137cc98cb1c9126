"""The KPI report as a workbook (数据汇总报表, docs/rules.md#kpis, docs/rules.md#masking):
``report --format xlsx`` and the reports window's "save as Excel".

``write_report_workbook(session, report, path, *, unmasked=False, progress=None)`` writes
the figures of a ``kpi.KpiReport`` (computed beforehand by ``kpi.kpi_report``) and the lists
behind them, and returns the path written. Sheets, in order:

- 汇总 — title, period, department filter, when and by whom generated, the KPI table
  (figures exactly as ``kpi.to_json_dict``: rates as fractions shown ``0.0%``, hours and
  score means ``0.00``, counts as integers) and four native charts: volume by type (bar),
  satisfaction by question (bar), the volume trend (line) and the improvement hot spots
  (bar);
- 按类型, 按子类, 按渠道, 按部门, 按紧急程度, 按级别 — one breakdown each (name, count,
  share of the period's volume, English name, code; 按部门 also the overdue open cases);
- 投诉量趋势 — cases registered per week (per month beyond half a year, per quarter
  beyond three years), clipped to the period: one aggregate statement (``volume_trend``);
- 超时未结 — the open cases past their next deadline at the report's "as of" time, most
  overdue first, with the hours overdue; 超时按责任人 — their count per owner;
- 人员 — the per-person figures (appraisal, seeds 000 §七 and 001): one row per owner
  (类别 责任人: cases, closed in the period, on-time, resolution and satisfaction rates,
  average handling hours, overdue open — ``KpiReport.by_owner``), then one per staff member
  complained about (类别 被投诉员工: complaints and their subtypes —
  ``KpiReport.by_subject_staff``), in one table like 高频改进建议 (one table per sheet);
- 原因分析 — the period's cases per root cause (类别 原因分类, 未填写 for cases without
  one; ``KpiReport.by_cause``), then the product (or subtype) × cause hot spots (类别 热点:
  the sentence "产品 X 占 50.0%，主要原因 Y", cases, share, the previous period's cases and
  share, the change in percentage points — ``KpiReport.hot_spots``);
- 产品商户 (products and merchants) — cases per product (类别 产品) then per merchant
  (类别 商户) with their share (``by_product``, ``by_merchant``);
- 满意度调查 — the surveys of the period (the cells of the exchange workbook's survey sheet);
- 改进措施 — the improvement actions of the period, with status;
- 高频改进建议 — the "needs improvement" options ticked in the period's surveys, and the
  subtypes with most cases.

Every table has a bold, filled header row, frozen, an auto-filter over the table, column
widths estimated from the content (CJK characters count double), real date-times shown
``yyyy-mm-dd hh:mm``. To open without a repair prompt in Excel and WPS the workbook keeps
to plain features: one table per sheet (the sheet's auto-filter), no merged cells, sheet
names well under 31 characters, characters Excel refuses dropped, text that looks like a
formula stored as text, chart ranges inside the written data.

The workbook is openpyxl's write-only (streaming) one, charts included, so the long lists
(at 1M cases a quarter holds about 100,000 surveys) never sit in memory: they are read in
keyset pages of ``CHUNK`` rows, all in one read snapshot; the first page of a list gives the
column widths.

Privacy (docs/rules.md#masking): the overdue list's contacts are masked (``138****5678``) unless
``unmasked=True``, which only managers may ask. Every workbook is
written to the audit log as ``export_report`` (file, period, department, rows per sheet);
an unmasked one also as ``export_unmasked``, like the exchange workbook's unmasked exports.

Speed (the cached 1M demo database, Q3 2026: 141,176 cases, 103,913 surveys, 3,399 overdue
open cases; 107,000 list rows, 1.2M cells): about 12 s of CPU and a flat peak RSS of about
105 MB for the whole process (the file is 6.8 MB), after the KPI report's 1 s. Reading and
making the rows takes 1 s of that; the rest is openpyxl serialising cells — the workbook
is within 1.1x of a bare openpyxl write-only loop over the same cells plus the reads.

Who may write it: whoever may see the report (managers and administrators; a supervisor
for one of their departments, ``report.department`` set).
"""

from __future__ import annotations

import datetime as dt
import time
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.chart.series import SeriesLabel
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from peewee import Database

from desktop_app.db.connection import is_sqlite, placeholders, write_lock
from desktop_app.db.models import ComplaintType, Department, database_proxy
from desktop_app.domain import analysis, periods
from desktop_app.domain.exchange_columns import SURVEYS, TIME_FORMAT
from desktop_app.domain.masking import mask_contact
from desktop_app.domain.messages import msg
from desktop_app.domain.vocab import IMPROVEMENT_STATUS, LEVEL_ROMAN, STAGES, SURVEY_ASPECTS
from desktop_app.services import audit
from desktop_app.services.errors import PermissionDenied, service
from desktop_app.services.exchange_export import (
    ERROR_CODES,
    HEADER_ALIGNMENT,
    HEADER_FILL,
    HEADER_FONT,
    RowMaker,
    snapshot,
    staff_names,
)
from desktop_app.services.kpi import SCORES, KpiReport, ratio, to_json_dict
from desktop_app.services.permissions import require_role
from desktop_app.services.progress import Progress
from desktop_app.services.session import Session
from desktop_app.services.xlsx import clean_text, save_atomic

CHUNK = 2000  # rows of a long list per read
# A row as the database driver returns it; the values of a table's row (text, numbers,
# times, None, Fmt or an openpyxl cell); (id, name) rows of a reference table.
_Raw = tuple[Any, ...]
_Values = list[Any]
_Names = Iterable[tuple[int, str]]
DATE_FORMAT = "yyyy-mm-dd"
PERCENT_FORMAT = "0.0%"
DECIMAL_FORMAT = "0.00"
INTEGER_FORMAT = "#,##0"
MAX_WIDTH = 60
TITLE = "投诉数据汇总报表"

# Sheet names (all short, no characters Excel forbids).
SUMMARY = "汇总"
BREAKDOWN_SHEETS = {
    "type": "按类型",
    "subtype": "按子类",
    "channel": "按渠道",
    "department": "按部门",
    "urgency": "按紧急程度",
    "level": "按级别",
}
TREND = "投诉量趋势"
OVERDUE = "超时未结"
OVERDUE_OWNERS = "超时按责任人"
PEOPLE = "人员"
CAUSES = "原因分析"
PRODUCTS = "产品商户"  # "产品/商户": Excel forbids "/" in sheet names
SURVEY_SHEET = "满意度调查"
ACTIONS = "改进措施"
HOT_SPOTS = "高频改进建议"
SHEETS = (
    SUMMARY,
    *BREAKDOWN_SHEETS.values(),
    TREND,
    OVERDUE,
    OVERDUE_OWNERS,
    PEOPLE,
    CAUSES,
    PRODUCTS,
    SURVEY_SHEET,
    ACTIONS,
    HOT_SPOTS,
)

# The KPI table: label, JSON key (dotted for nested), kind.
SCORE_LABELS = {
    "timeliness": "处理及时性",
    "effectiveness": "解决方案有效性",
    "attitude": "服务人员态度",
    "overall": "整体满意度",
}
KPI_ROWS = (
    ("投诉量", "volume", "int"),
    ("紧急投诉", "urgent_cases", "int"),
    ("平均处理时长(小时)", "average_handling_hours", "decimal"),
    ("投诉解决率", "resolution_rate", "percent"),
    ("投诉处理及时率", "on_time_rate", "percent"),
    ("首次响应及时率", "first_response_on_time_rate", "percent"),
    *((f"满意度·{SCORE_LABELS[s]}", f"satisfaction.{s}", "decimal") for s in SCORES),
    ("满意率", "satisfaction_rate", "percent"),
    ("调查数", "surveys", "int"),
    ("调查覆盖率", "survey_coverage", "percent"),
    ("按时调查率", "survey_within_window", "percent"),
    ("超时未结", "overdue_open", "int"),
)
DIMENSION_HEADERS = {
    "type": "投诉类型",
    "subtype": "投诉子类",
    "channel": "投诉渠道",
    "department": "责任部门",
    "urgency": "紧急程度",
    "level": "投诉级别",
}


# --- cells and tables ---------------------------------------------------------------------


@dataclass(frozen=True)
class Col:
    """A table column: header and the kind of its values (their number format)."""

    label: str
    kind: str = "text"  # text, number (as it is), int, decimal, percent, datetime, date


_FORMATS = {
    "int": INTEGER_FORMAT,
    "decimal": DECIMAL_FORMAT,
    "percent": PERCENT_FORMAT,
    "datetime": TIME_FORMAT,
    "date": DATE_FORMAT,
}


@dataclass(frozen=True)
class Fmt:
    """A value with its own number format or font (a table column of mixed figures)."""

    value: str | float | dt.datetime | None
    number_format: str = "General"
    font: Font | None = None


def display_width(value: object) -> int:
    """How many character widths a value takes in a cell (CJK characters count two)."""
    if value is None:
        return 0
    if isinstance(value, Fmt):
        if value.value is None:
            return 0
        if value.number_format == PERCENT_FORMAT:
            return 7
        return display_width(value.value)
    if isinstance(value, dt.datetime):
        return 16
    if isinstance(value, dt.date):
        return 10
    if isinstance(value, float):
        return len(f"{value:,.2f}")
    if isinstance(value, int):
        return len(f"{value:,}")
    text = str(value)
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def text_value(value: str | None) -> str | None:
    return clean_text(value) if value else None


class Table:
    """One table on a write-only sheet: optional lines above it (title, notes), the styled
    header row (frozen, filtered), then the rows. The first ``sample`` rows are held back to
    estimate the column widths, which a streaming sheet must know before its first row."""

    def __init__(
        self,
        workbook: Workbook,
        title: str,
        columns: Sequence[Col],
        *,
        rows: int | None = None,
        above: Sequence[Sequence[object]] = (),
        min_widths: dict[int, int] | None = None,
        sample: int = CHUNK,
    ) -> None:
        self.ws = workbook.create_sheet(title)
        self.columns = tuple(columns)
        self.above = [list(r) for r in above]
        self.header_row = len(self.above) + 1
        self.min_widths = min_widths or {}
        self.sample = sample
        self.buffer: list[_Values] = []
        self.started = False
        self.rows = 0
        if rows is not None:
            width = (
                max(len(self.columns), *(len(r) for r in self.above))
                if self.above
                else len(self.columns)
            )
            ref = f"A1:{get_column_letter(width)}{self.header_row + rows}"
            self.ws.calculate_dimension = lambda: ref
        # One styled cell per formatted column, refilled for every row: a write-only sheet
        # serialises a row as soon as it is appended.
        self.formatted: list[tuple[int, Cell]] = []
        for index, column in enumerate(self.columns):
            if column.kind in _FORMATS:
                cell = WriteOnlyCell(self.ws)
                cell.number_format = _FORMATS[column.kind]
                self.formatted.append((index, cell))

    @property
    def first_data_row(self) -> int:
        return self.header_row + 1

    def _start(self) -> None:
        widths = [display_width(c.label) + 4 for c in self.columns]  # bold + filter button
        for row in (*self.above[1:], *self.buffer):  # the title line may run over
            for index, value in enumerate(row):
                if index >= len(widths):
                    widths.append(0)
                widths[index] = max(widths[index], display_width(value) + 2)
        for index, width in enumerate(widths):
            width = max(width, self.min_widths.get(index, 0), 6)
            self.ws.column_dimensions[get_column_letter(index + 1)].width = min(width, MAX_WIDTH)
        self.ws.freeze_panes = f"A{self.first_data_row}"
        for row in self.above:
            self.ws.append([self._plain(v) for v in row])
        header: list[Cell] = []
        for column in self.columns:
            cell = WriteOnlyCell(self.ws, value=column.label)
            cell.font, cell.fill, cell.alignment = HEADER_FONT, HEADER_FILL, HEADER_ALIGNMENT
            header.append(cell)
        self.ws.append(header)
        self.started = True
        for row in self.buffer:
            self._write(row)
        self.buffer = []

    def _plain(self, value: Any) -> Any:  # a cell's value, or a cell
        if isinstance(value, Fmt):
            cell = WriteOnlyCell(self.ws, value=value.value)
            cell.number_format = value.number_format
            if value.font is not None:
                cell.font = value.font
            return cell
        if value.__class__ is str:
            if not value.isprintable():  # names and labels too: drop what a cell can't hold
                value = clean_text(value) or None
            if value is not None and (value[:1] == "=" or value in ERROR_CODES):
                cell = WriteOnlyCell(self.ws, value=value)
                cell.data_type = "s"  # text, never a formula
                return cell
        return value

    def _write(self, values: _Values) -> None:
        for index, template in self.formatted:
            value = values[index]
            if value is not None and not isinstance(value, Fmt | Cell):
                template.value = value
                values[index] = template
        for index, value in enumerate(values):
            if value is not None and value.__class__ is not Cell:
                values[index] = self._plain(value)
        self.ws.append(values)

    def append(self, values: _Values) -> None:
        self.rows += 1
        if self.started:
            self._write(values)
            return
        self.buffer.append(values)
        if len(self.buffer) >= self.sample:
            self._start()

    def extend(self, rows: Iterable[_Values]) -> None:
        for row in rows:
            self.append(row)

    def finish(self) -> None:
        if not self.started:
            self._start()
        last = get_column_letter(len(self.columns))
        self.ws.auto_filter.ref = f"A{self.header_row}:{last}{self.header_row + self.rows}"

    def column_ref(
        self,
        column: int,
        first: int | None = None,
        last: int | None = None,
        *,
        header: bool = False,
    ) -> Reference:
        """A chart reference to a column (1-based) of the data rows (and the header)."""
        top = self.header_row if header else self.first_data_row
        return Reference(
            self.ws,
            min_col=column,
            max_col=column,
            min_row=first or top,
            max_row=last or self.header_row + self.rows,
        )


# --- the lists, read in pages -------------------------------------------------------------

_OVERDUE_SQL = (
    "SELECT c.id, c.number, c.customer_name, c.contact, c.type_id, c.subtype_id, c.level,"
    " c.urgent, c.stage, c.owner_id, c.department_id, c.next_due FROM complaint AS c"
    " WHERE c.is_open = {p} AND c.next_due < {p}{department}"
)
_SURVEY_SQL = (
    "SELECT s.complaint_id, s.customer_name, s.survey_time, s.method, s.surveyor_id,"
    " s.timeliness, s.effectiveness, s.attitude, s.overall, s.most_satisfied,"
    " s.most_satisfied_other, s.needs_improvement, s.needs_improvement_other, s.suggestions,"
    " s.id, c.number FROM survey AS s {join} complaint AS c ON c.id = s.complaint_id{department}"
    " WHERE s.survey_time >= {p} AND s.survey_time < {p}"
)


class _Lists:
    """The overdue cases and the surveys of a report, raw rows in keyset pages."""

    def __init__(self, db: Database, report: KpiReport, department_id: int | None) -> None:
        self.db = db
        self.sqlite = is_sqlite(db)
        self.p = self.db.param
        self.department_id = department_id
        self.as_of = self.stamp(report.as_of)
        period = report.period
        self.period = [self.stamp(period.start_at), self.stamp(period.end_before)]

    def stamp(self, moment: dt.datetime) -> str | dt.datetime:
        return moment.strftime("%Y-%m-%d %H:%M:%S") if self.sqlite else moment

    def sql(self, text: str) -> str:
        return placeholders(text, self.db.param)

    def _overdue(self) -> tuple[str, list[object]]:
        department = " AND +c.department_id = {p}" if self.department_id is not None else ""
        params: list[object] = [True, self.as_of]
        if self.department_id is not None:
            params.append(self.department_id)
        return _OVERDUE_SQL.replace("{department}", department), params

    def _surveys(self) -> tuple[str, list[object]]:
        if self.department_id is None:
            sql = _SURVEY_SQL.replace("{join}", "LEFT JOIN").replace("{department}", "")
            return sql, list(self.period)
        sql = _SURVEY_SQL.replace("{join}", "JOIN").replace(
            "{department}", " AND +c.department_id = {p}"
        )
        return sql, [self.department_id, *self.period]

    def count(self, which: str) -> int:
        """Rows of a list (read in the same snapshot as the list, so they agree)."""
        if which == "surveys" and self.department_id is None:
            # Without a department the join only fetches numbers: not needed to count.
            sql = (
                "SELECT COUNT(*) FROM survey AS s WHERE s.survey_time >= {p}"
                " AND s.survey_time < {p}"
            )
            surveys: int = self.db.execute_sql(self.sql(sql), self.period).fetchone()[0]
            return surveys
        sql, params = self._overdue() if which == "overdue" else self._surveys()
        _head, _, tail = sql.partition(" FROM ")
        rows: int = self.db.execute_sql(
            self.sql(f"SELECT COUNT(*) FROM {tail}"), params
        ).fetchone()[0]
        return rows

    def _pages(
        self, sql: str, params: list[object], key: str, key_at: int, id_at: int
    ) -> Iterator[list[_Raw]]:
        after: tuple[Any, Any] | None = None  # (key, id) of the last row
        while True:
            page_sql, page_params = sql, list(params)
            if after is not None:
                # The first term bounds the index range, the second skips the rows done.
                page_sql += f" AND {key} >= {{p}} AND ({key} > {{p}} OR {key[:1]}.id > {{p}})"
                page_params += [after[0], after[0], after[1]]
            rows = self.db.execute_sql(
                self.sql(f"{page_sql} ORDER BY {key}, {key[:1]}.id LIMIT {CHUNK}"), page_params
            ).fetchall()
            if not rows:
                return
            yield rows
            if len(rows) < CHUNK:
                return
            after = (rows[-1][key_at], rows[-1][id_at])

    def overdue(self) -> Iterator[list[_Raw]]:
        """Most overdue first: next deadline, then id (the next-deadline index's order)."""
        return self._pages(*self._overdue(), "c.next_due", 11, 0)

    def surveys(self) -> Iterator[list[_Raw]]:
        """By survey time, then id (the survey-time index's order)."""
        return self._pages(*self._surveys(), "s.survey_time", 2, 14)


# --- the volume trend ---------------------------------------------------------------------


_TREND_SQL = """SELECT {columns}
FROM complaint AS c
WHERE c.registration_time >= {p} AND c.registration_time < {p}{department}"""


@service
def volume_trend(session: Session, report: KpiReport) -> list[tuple[periods.Period, int]]:
    """Cases registered per bucket (``periods.trend_buckets``: week, month or quarter) of
    the report's period and department, each bucket clipped to the period: one statement, a ``COUNT(*) FILTER``
    column per bucket over the period's registration-time range (like ``kpi``)."""
    _check_access(session, report)
    buckets = periods.trend_buckets(report.period)
    db = database_proxy.obj
    sqlite = is_sqlite(db)

    def value(moment: dt.datetime) -> str | dt.datetime:
        return moment.strftime("%Y-%m-%d %H:%M:%S") if sqlite else moment

    columns = ",\n ".join(
        "COUNT(*) FILTER (WHERE c.registration_time >= {p} AND c.registration_time < {p})"
        for _ in buckets
    )
    params: list[object] = [value(m) for b in buckets for m in (b.start_at, b.end_before)]
    params += [value(report.period.start_at), value(report.period.end_before)]
    department = ""
    department_id = _department_id(report)
    if department_id is not None:
        department = " AND +c.department_id = {p}"
        params.append(department_id)
    sql = _TREND_SQL.replace("{columns}", columns).replace("{department}", department)
    row = db.execute_sql(placeholders(sql, db.param), params).fetchone()
    return [(bucket, int(n or 0)) for bucket, n in zip(buckets, row, strict=True)]


# --- the service --------------------------------------------------------------------------


def _department_id(report: KpiReport) -> int | None:
    if report.department is None:
        return None
    return Department.get(Department.code == report.department).id


def _check_access(session: Session, report: KpiReport) -> None:
    require_role(session, "supervisor", "manager", "admin")
    if session.is_supervisor:
        dept = (
            Department.get_or_none(Department.code == report.department)
            if report.department is not None
            else None
        )
        if dept is None or dept.id not in session.department_ids:
            raise PermissionDenied(
                msg("A supervisor sees the figures of their own departments: choose one of them.")
            )


def _lookup(json: dict[str, Any], key: str) -> Any:  # a JSON value
    value = json
    for part in key.split("."):
        value = value[part]
    return value


def _kpi_note(report: KpiReport, key: str) -> str:
    """The numerator and denominator behind a figure, in words."""
    if key == "resolution_rate":
        return f"已解决 {report.resolved_cases} / 登记 {report.volume}"
    if key == "on_time_rate":
        return f"按时办结 {report.closed_on_time} / 期内登记且已办结或已超期 {report.on_time_cases}"
    if key == "survey_coverage":
        return f"已调查 {report.surveyed_cases} / 期内登记且已办结 {report.registered_closed}"
    if key == "survey_within_window":
        opens, due = report.survey_window
        return (
            f"结案后 {opens:g}–{due:g} 小时内调查 {report.surveyed_in_window} / "
            f"调查 {report.surveyed_cases}"
        )
    if key == "first_response_on_time_rate":
        return (
            f"按时首次响应 {report.first_response_on_time} / 已响应或已超时 "
            f"{report.first_response_cases}"
        )
    if key == "average_handling_hours":
        return f"期内办结 {report.closed_cases} 件，从投诉到闭环"
    if key.startswith("satisfaction.") or key == "satisfaction_rate":
        return f"调查 {report.surveys} 份" + (
            "，整体满意度 4–5 分的比例" if key == "satisfaction_rate" else "，1–5 分"
        )
    if key == "volume":
        return "按登记时间统计"
    if key == "urgent_cases":
        return "标记为紧急的投诉（人工、批量、敏感客户、越级、重新打开）"
    if key == "overdue_open":
        return f"截至 {report.as_of:%Y-%m-%d %H:%M} 超过下一截止时间的未结投诉"
    if key == "surveys":
        return "按调查时间统计"
    return ""


def _bar_chart(
    title: str,
    y_title: str,
    data: Reference,
    categories: Reference,
    *,
    y_max: float | None = None,
    series_title: str | None = None,
) -> BarChart:
    """A column chart of one series; its name is the data's first cell unless given."""
    chart = BarChart()
    chart.type = "col"
    chart.title = title
    chart.y_axis.title = y_title
    chart.add_data(data, titles_from_data=series_title is None)
    if series_title is not None:
        chart.series[0].tx = SeriesLabel(v=series_title)
    chart.set_categories(categories)
    chart.legend = None
    chart.y_axis.scaling.min = 0
    if y_max is not None:
        chart.y_axis.scaling.max = y_max
    _show_axes(chart)
    chart.width, chart.height = 16, 8
    return chart


def _show_axes(chart: BarChart | LineChart) -> None:
    # openpyxl 3.1 writes axes as deleted unless told otherwise (Excel then hides them).
    chart.x_axis.delete = False
    chart.y_axis.delete = False


def _summary(
    workbook: Workbook, session: Session, report: KpiReport, values: dict[str, Any], unmasked: bool
) -> Table:
    department = (
        f"{report.labels['department'].get(report.department, ('', ''))[0]}（{report.department}）"
        if report.department
        else "全部部门"
    )
    generated_by = (
        session.display_name
        if session.display_name == session.username
        else f"{session.display_name}（{session.username}）"
    )
    above: list[list[object]] = [
        [Fmt(TITLE, font=Font(bold=True, size=14))],
        [
            "统计期间",
            f"{report.start.isoformat()} 至 {report.end.isoformat()}",
            f"{report.period.days} 天，按登记时间",
        ],
        ["部门范围", department],
        ["生成时间", Fmt(session.now(), TIME_FORMAT)],
        ["生成人", generated_by],
        ["超时统计截至", Fmt(report.as_of, TIME_FORMAT)],
        ["联系方式", "未脱敏（已记录审计日志）" if unmasked else "已脱敏"],
        [],
    ]
    table = Table(
        workbook,
        SUMMARY,
        (Col("指标"), Col("数值"), Col("说明")),
        above=above,
        rows=len(KPI_ROWS),
        min_widths={1: 12},
    )
    for label, key, kind in KPI_ROWS:
        value = _lookup(values, key)
        table.append(
            [
                label,
                Fmt(value, _FORMATS[kind]),
                _kpi_note(report, key) if value is not None else "无数据（分母为 0）",
            ]
        )
    return table


def _breakdowns(workbook: Workbook, report: KpiReport) -> dict[str, Table]:
    parents: dict[str, str] = {}
    rows = cast(
        Iterable[tuple[str, int | None]],
        ComplaintType.select(ComplaintType.code, ComplaintType.parent).tuples(),
    )
    names: dict[int | None, str] = dict(
        cast(_Names, ComplaintType.select(ComplaintType.id, ComplaintType.name_zh).tuples())
    )
    for code, parent_id in rows:
        parents[code] = names.get(parent_id, "")
    tables = {}
    for dimension, title in BREAKDOWN_SHEETS.items():
        counts = getattr(report, f"by_{dimension}")
        labels = report.labels.get(dimension, {})
        columns = [Col(DIMENSION_HEADERS[dimension]), Col("投诉量", "int"), Col("占比", "percent")]
        if dimension == "subtype":
            columns.insert(0, Col("投诉类型"))
        if dimension == "department":
            columns.append(Col("超时未结", "int"))
        columns += [Col("英文名称"), Col("代码")]
        table = Table(workbook, title, columns, rows=len(counts))
        for code, n in counts.items():
            zh, en = labels.get(code, (code, code))
            row = [text_value(zh), n, ratio(n, report.volume)]
            if dimension == "subtype":
                row.insert(0, text_value(parents.get(code)))
            if dimension == "department":
                row.append(report.overdue_by_department.get(code, 0))
            row += [text_value(en), code]
            table.append(row)
        table.finish()
        tables[dimension] = table
    return tables


def _trend(workbook: Workbook, trend: list[tuple[periods.Period, int]]) -> Table:
    kind = trend[0][0].kind if trend else "week"
    word = {"week": "周", "month": "月", "quarter": "季度"}[kind]
    table = Table(
        workbook,
        TREND,
        (Col(word), Col("起始日期", "date"), Col("结束日期", "date"), Col("投诉量", "int")),
        rows=len(trend),
    )
    for bucket, n in trend:
        # The bucket's own label (2026-W45), with the days it covers within the period.
        label = periods.period_of(kind, bucket.start).label()
        table.append([label, bucket.start, bucket.end, n])
    table.finish()
    return table


def _overdue_owner(workbook: Workbook, report: KpiReport) -> Table:
    table = Table(
        workbook,
        OVERDUE_OWNERS,
        (Col("责任人"), Col("账号"), Col("超时未结", "int")),
        rows=len(report.overdue_by_owner),
    )
    for username, n in report.overdue_by_owner.items():
        table.append([text_value(report.owner_names.get(username, username)), username, n])
    table.finish()
    return table


PEOPLE_COLUMNS = (
    Col("类别"),
    Col("姓名"),
    Col("账号"),
    Col("投诉量", "int"),
    Col("期内办结", "int"),
    Col("投诉处理及时率", "percent"),
    Col("投诉解决率", "percent"),
    Col("平均处理时长(小时)", "decimal"),
    Col("满意率", "percent"),
    Col("超时未结", "int"),
    Col("投诉子类分布"),
)


def _people(workbook: Workbook, report: KpiReport) -> Table:
    """The per-person figures: owners (责任人), then staff complained about (被投诉员工)."""
    subtypes = report.labels.get("subtype", {})
    rows: list[_Values] = []
    for username, f in report.by_owner.items():
        rows.append(
            [
                "责任人",
                text_value(report.owner_names.get(username, username)),
                username,
                f.cases,
                f.closed,
                f.on_time_rate,
                f.resolution_rate,
                f.average_handling_hours,
                f.satisfaction_rate,
                f.overdue_open,
                None,
            ]
        )
    for key, staff in report.by_subject_staff.items():
        spread = "、".join(
            f"{subtypes.get(code, (code, code))[0]} {n}" for code, n in staff.by_subtype.items()
        )
        rows.append(
            [
                "被投诉员工",
                text_value(staff.display_name),
                key if staff.has_account else None,
                staff.complaints,
                None,
                None,
                None,
                None,
                None,
                None,
                text_value(spread),
            ]
        )
    table = Table(workbook, PEOPLE, PEOPLE_COLUMNS, rows=len(rows))
    table.extend(rows)
    table.finish()
    return table


CAUSE_COLUMNS = (
    Col("类别"),
    Col("项目"),
    Col("原因分类"),
    Col("投诉量", "int"),
    Col("占比", "percent"),
    Col("上期投诉量", "int"),
    Col("上期占比", "percent"),
    Col("变化(百分点)", "decimal"),
    Col("代码"),
)


def hot_spot_sentence(
    spot: analysis.HotSpot, labels: dict[str, dict[str, tuple[str, str]]], *, first: bool = True
) -> str:
    """ "产品 X 占 50.0%，主要原因 配件/包装" (docs/rules.md#analysis-by-product-and-cause);
    "另有原因" for a further cause of the same product (subtype)."""
    share = "—" if spot.item_share is None else f"{spot.item_share * 100:.1f}%"
    cause = labels.get("cause", {}).get(spot.cause, (spot.cause, spot.cause))[0]
    word = "主要原因" if first else "另有原因"
    if spot.product:
        return f"产品 {spot.product} 占 {share}，{word} {cause}"
    code = spot.subtype or ""
    subtype = labels.get("subtype", {}).get(code, (code, code))[0]
    return f"子类 {subtype} 占 {share}，{word} {cause}"


def _causes(workbook: Workbook, report: KpiReport) -> Table:
    """原因分析: counts per root cause, then the hot spots."""
    names = report.labels.get("cause", {})
    rows: list[_Values] = []
    for code, n in report.by_cause.items():
        name = "未填写" if code == analysis.NO_CAUSE else names.get(code, (code, code))[0]
        rows.append(
            ["原因分类", text_value(name), None, n, ratio(n, report.volume), None, None, None, code]
        )
    seen: set[tuple[str | None, str | None]] = set()
    for spot in report.hot_spots:
        first = (spot.product, spot.subtype) not in seen
        seen.add((spot.product, spot.subtype))
        change = None if spot.change is None else round(spot.change * 100, 2)
        rows.append(
            [
                "热点",
                text_value(hot_spot_sentence(spot, report.labels, first=first)),
                text_value(names.get(spot.cause, (spot.cause, spot.cause))[0]),
                spot.count,
                spot.share,
                spot.previous_count,
                spot.previous_share,
                change,
                spot.cause,
            ]
        )
    table = Table(workbook, CAUSES, CAUSE_COLUMNS, rows=len(rows))
    table.extend(rows)
    table.finish()
    return table


def _products(workbook: Workbook, report: KpiReport) -> Table:
    """产品商户: cases per product, then per merchant."""
    rows: list[_Values] = [
        [kind, text_value(name), n, ratio(n, report.volume)]
        for kind, counts in (("产品", report.by_product), ("商户", report.by_merchant))
        for name, n in counts.items()
    ]
    table = Table(
        workbook,
        PRODUCTS,
        (Col("类别"), Col("名称"), Col("投诉量", "int"), Col("占比", "percent")),
        rows=len(rows),
    )
    table.extend(rows)
    table.finish()
    return table


def _actions(workbook: Workbook, report: KpiReport) -> Table:
    names = {**report.labels.get("subtype", {}), **report.labels.get("type", {})}
    columns = (
        Col("编号", "int"),
        Col("问题"),
        Col("改进计划"),
        Col("责任部门"),
        Col("截止日期", "date"),
        Col("状态"),
        Col("是否逾期"),
        Col("关联类型"),
        Col("关联投诉"),
        Col("创建人"),
        Col("创建时间", "datetime"),
        Col("最后更新", "datetime"),
    )
    table = Table(workbook, ACTIONS, columns, rows=len(report.improvement_actions))
    for a in report.improvement_actions:
        table.append(
            [
                a.id,
                text_value(a.problem),
                text_value(a.plan),
                text_value(a.department_zh),
                a.deadline,
                IMPROVEMENT_STATUS.label(a.status, "zh"),
                "是" if a.overdue else "否",
                text_value("、".join(names.get(c, (c, c))[0] for c in a.type_codes)),
                "、".join(a.case_numbers) or None,
                a.created_by,
                a.created_at,
                a.updated_at,
            ]
        )
    table.finish()
    return table


def _hot_spots(workbook: Workbook, report: KpiReport) -> Table:
    subtype_names = report.labels.get("subtype", {})
    rows = [
        [
            "需改进环节",
            t.zh,
            report.improvement_hot_spots.get(t.code, 0),
            ratio(report.improvement_hot_spots.get(t.code, 0), report.surveys),
            t.en,
            t.code,
        ]
        for t in SURVEY_ASPECTS
    ]
    rows += [
        [
            "高频子类",
            text_value(subtype_names.get(code, (code, code))[0]),
            n,
            ratio(n, report.volume),
            text_value(subtype_names.get(code, (code, code))[1]),
            code,
        ]
        for code, n in report.top_subtypes
    ]
    table = Table(
        workbook,
        HOT_SPOTS,
        (
            Col("类别"),
            Col("项目"),
            Col("次数", "int"),
            Col("占比", "percent"),
            Col("英文名称"),
            Col("代码"),
        ),
        rows=len(rows),
    )
    table.extend(rows)
    table.finish()
    return table


class _OverdueRows:
    def __init__(self, report: KpiReport, *, unmasked: bool) -> None:
        self.unmasked = unmasked
        self.as_of = report.as_of
        self.types = dict(
            cast(_Names, ComplaintType.select(ComplaintType.id, ComplaintType.name_zh).tuples())
        )
        self.departments = dict(
            cast(_Names, Department.select(Department.id, Department.name_zh).tuples())
        )
        self.staff = staff_names()
        levels = report.labels.get("level", {})
        self.levels = {n: levels.get(roman, (roman, roman))[0] for n, roman in LEVEL_ROMAN.items()}
        self.stages = {t.code: t.zh for t in STAGES}

    def row(self, r: _Raw, parse: Callable[[Any], dt.datetime | None]) -> _Values:
        contact = r[3] or ""
        if not self.unmasked:
            if len(contact) == 11 and contact.isdigit():  # the usual case, the quick way
                contact = contact[:3] + "****" + contact[7:]
            else:
                contact = mask_contact(contact)
        due = parse(r[11])
        assert due is not None  # an overdue case has its next deadline
        hours = round((self.as_of - due).total_seconds() / 3600, 2)
        return [
            text_value(r[1]),
            text_value(r[2]),
            text_value(contact),
            self.types.get(r[4]),
            self.types.get(r[5]),
            self.levels.get(r[6], r[6]),
            "是" if r[7] else "否",
            self.stages.get(r[8], r[8]),
            self.staff.get(r[9]),
            self.departments.get(r[10]),
            due,
            hours,
        ]


OVERDUE_COLUMNS = (
    Col("投诉编号"),
    Col("客户姓名"),
    Col("联系方式"),
    Col("投诉类型"),
    Col("投诉子类"),
    Col("级别"),
    Col("紧急"),
    Col("当前阶段"),
    Col("责任人"),
    Col("责任部门"),
    Col("下一截止时间", "datetime"),
    Col("超时(小时)", "decimal"),
)
SURVEY_KINDS = {"time": "datetime", "score": "number"}


def _charts(summary: Table, tables: dict[str, Table], trend: Table, hot: Table) -> None:
    types = tables["type"]
    if types.rows:
        chart = _bar_chart(
            "投诉量（按类型）", "件", types.column_ref(2, header=True), types.column_ref(1)
        )
        summary.ws.add_chart(chart, f"E{summary.first_data_row}")
    first = summary.first_data_row + [k for _, k, _ in KPI_ROWS].index("satisfaction.timeliness")
    chart = _bar_chart(
        "满意度（按问题，1–5 分）",
        "平均分",
        summary.column_ref(2, first, first + len(SCORES) - 1),
        summary.column_ref(1, first, first + len(SCORES) - 1),
        y_max=5,
        series_title="平均分",
    )
    summary.ws.add_chart(chart, f"O{summary.first_data_row}")
    if trend.rows:
        line = LineChart()
        line.title = f"投诉量趋势（按{trend.columns[0].label}）"
        line.y_axis.title = "件"
        line.add_data(trend.column_ref(4, header=True), titles_from_data=True)
        line.set_categories(trend.column_ref(1))
        line.legend = None
        line.y_axis.scaling.min = 0
        _show_axes(line)
        line.width, line.height = 16, 8
        summary.ws.add_chart(line, f"E{summary.first_data_row + 17}")
    aspects = len(SURVEY_ASPECTS.terms)
    chart = _bar_chart(
        "高频改进建议（需改进环节）",
        "次",
        hot.column_ref(3, hot.header_row, hot.header_row + aspects),
        hot.column_ref(2, hot.first_data_row, hot.header_row + aspects),
    )
    summary.ws.add_chart(chart, f"O{summary.first_data_row + 17}")


@service
def write_report_workbook(
    session: Session,
    report: KpiReport,
    path: str | Path,
    *,
    unmasked: bool = False,
    progress: Progress | None = None,
) -> Path | None:
    """Write the report workbook of ``report`` to ``path`` (written beside it, then renamed
    into place) and return the path. ``progress(rows done, rows total)`` after each page of
    the long lists may return False to cancel: then no file is left and None comes back."""
    _check_access(session, report)
    if unmasked and not session.is_manager:  # managers only: docs/rules.md#masking
        raise PermissionDenied(msg("Only managers may export unmasked contact details."))
    path = Path(path)
    started = time.perf_counter()
    db = database_proxy.obj
    values = to_json_dict(report)
    workbook = Workbook(write_only=True)
    cancelled = False
    rows: dict[str, int] = {}
    with snapshot(db):
        department_id = _department_id(report)
        lists = _Lists(db, report, department_id)
        trend_data = volume_trend(session, report)
        overdue_total = lists.count("overdue")
        survey_total = lists.count("surveys")
        total = overdue_total + survey_total
        summary = _summary(workbook, session, report, values, unmasked)
        tables = _breakdowns(workbook, report)
        trend = _trend(workbook, trend_data)

        overdue = Table(workbook, OVERDUE, OVERDUE_COLUMNS, rows=overdue_total)
        maker = _OverdueRows(report, unmasked=unmasked)
        parse = _time_parser(lists.sqlite)
        done = 0
        for page in lists.overdue():
            for r in page:
                overdue.append(maker.row(r, parse))
            done += len(page)
            if progress is not None and progress(done, total) is False:
                cancelled = True
                break
        overdue.finish()
        owners = _overdue_owner(workbook, report)
        people = _people(workbook, report)
        causes = _causes(workbook, report)
        products = _products(workbook, report)

        surveys = Table(
            workbook,
            SURVEY_SHEET,
            [Col(c.zh, SURVEY_KINDS.get(c.kind, "text")) for c in SURVEYS.columns],
            rows=survey_total,
        )
        if not cancelled:
            survey_maker = RowMaker(unmasked=unmasked, sqlite=lists.sqlite)
            for page in lists.surveys():
                for r in page:
                    surveys.append(survey_maker.survey(r[15], r))
                done += len(page)
                if progress is not None and progress(done, total) is False:
                    cancelled = True
                    break
        surveys.finish()
    actions = _actions(workbook, report)
    hot = _hot_spots(workbook, report)
    _charts(summary, tables, trend, hot)
    summary.finish()
    for table in (
        summary,
        *tables.values(),
        trend,
        overdue,
        owners,
        people,
        causes,
        products,
        surveys,
        actions,
        hot,
    ):
        rows[table.ws.title] = table.rows
    save_atomic(workbook, path, keep=not cancelled)
    if cancelled:
        return None
    details: dict[str, Any] = {  # audit details
        "file": path.name,
        "from": report.start.isoformat(),
        "to": report.end.isoformat(),
        "department": report.department,
        "rows": {OVERDUE: rows[OVERDUE], SURVEY_SHEET: rows[SURVEY_SHEET]},
        "unmasked": unmasked,
        "seconds": round(time.perf_counter() - started, 2),
    }
    with write_lock(db):
        audit.record(session, "export_report", "report", None, **details)
        if unmasked:
            audit.record(session, "export_unmasked", "report", None, **details)
    return path


def _time_parser(sqlite: bool) -> Callable[[Any], dt.datetime | None]:
    """SQLite gives back the stored text (``YYYY-MM-DD HH:MM:SS``), PostgreSQL datetimes."""
    if not sqlite:
        return lambda value: value
    parse = dt.datetime.fromisoformat
    return lambda value: value and parse(value)
