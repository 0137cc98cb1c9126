"""The drill-down of the reports page: from a figure to the cases behind it in the
tracker.

``DrillDown`` is a mixin of ``page.ReportsPage``: a tile (click, Enter, Return or Space),
a bar of the by-type chart, a row of the overdue, per-owner or hot-spot tables emits
``cases_requested(CaseFilter)`` with the tracker filter of what it counts, for the period
and department of the figures shown (``shown_period``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal

from desktop_app.domain.periods import Period
from desktop_app.services import users
from desktop_app.services.errors import ServiceError
from desktop_app.services.kpi import KpiReport
from desktop_app.services.session import Session
from desktop_app.services.tracker import CaseFilter
from desktop_app.ui.i18n import service_message
from desktop_app.ui.reports.charts import KpiTile
from desktop_app.ui.reports.table import ReportTable

if TYPE_CHECKING:
    # For the type checker only: the page it is mixed into is a DataPage. At run time the
    # mixin stays a plain class (the page's MRO, metaobject and tr() contexts unchanged).
    from desktop_app.ui.pages import DataPage

    class _Host(DataPage):
        """What DrillDown uses of the class it is mixed into (for the type checker)."""

        # ReportsPage, PeriodChoice

        def current_period(self) -> Period: ...
        def department_code(self) -> str | None: ...
        def show_message(self, text: str) -> None: ...

    _Base = _Host
else:
    _Base = object


class DrillDown(_Base):
    """Mixin of ``ReportsPage``: the tracker filters behind the figures (see the module
    documentation). The page sets ``session``, ``report`` and the tables, and provides
    ``current_period``, ``department_code``, ``show_message`` and ``cases_requested``."""

    session: Session
    report: KpiReport | None
    cases_requested: Signal
    overdue_owner_table: ReportTable
    overdue_department_table: ReportTable
    survey_hot_spots_table: ReportTable
    hot_spots_table: ReportTable
    by_owner_table: ReportTable

    def shown_period(self) -> Period:
        """The period of the figures shown (of the kind picked when it is the one picked),
        else the one picked."""
        picked = self.current_period()
        if self.report is None:
            return picked
        if (picked.start, picked.end) == (self.report.start, self.report.end):
            return picked
        return self.report.period

    def _shown_period_and_department(self) -> tuple[Period, str | None]:
        if self.report is not None:
            return self.shown_period(), self.report.department
        return self.current_period(), self.department_code()

    def case_filter(self, tile: str) -> CaseFilter:
        """The tracker filter behind a tile (its name without ``_tile``): overdue lists the
        open cases overdue now, the others the cases registered in the period (closed ones
        included), of the department shown."""
        period, department = self._shown_period_and_department()
        departments = frozenset({department}) if department else frozenset()
        if tile == "overdue":
            return CaseFilter(overdue_only=True, department_codes=departments)
        return CaseFilter(
            include_closed=True,
            registered_from=period.start,
            registered_to=period.end,
            department_codes=departments,
        )

    def type_filter(self, type_code: str) -> CaseFilter:
        period, department = self._shown_period_and_department()
        return CaseFilter(
            include_closed=True,
            registered_from=period.start,
            registered_to=period.end,
            type_codes=frozenset({type_code}),
            department_codes=frozenset({department}) if department else frozenset(),
        )

    def hot_spot_filter(self, spot) -> CaseFilter:
        """The cases of a product (or subtype) × cause hot spot: registered in the period,
        of that cause and that product — or of that subtype and without a product."""
        period, department = self._shown_period_and_department()
        return CaseFilter(
            include_closed=True,
            registered_from=period.start,
            registered_to=period.end,
            products=frozenset({spot.product or ""}),
            type_codes=frozenset() if spot.product else frozenset({spot.subtype}),
            cause_codes=frozenset({spot.cause}),
            department_codes=frozenset({department}) if department else frozenset(),
        )

    def _tile_activated(self) -> None:
        tile = self.sender()
        if isinstance(tile, KpiTile):
            self.cases_requested.emit(self.case_filter(tile.objectName().removesuffix("_tile")))

    def _type_activated(self, code: str) -> None:
        self.cases_requested.emit(self.type_filter(code))

    def _owner_id(self, username: str | None) -> int | None:
        """The account id of an owner's row (None: an empty row, or a refusal shown)."""
        if not username:
            return None
        try:
            return users.get_user(self.session, username).id
        except ServiceError as exc:
            self.show_message(service_message(exc))
            return None

    def _overdue_owner_activated(self, row: int) -> None:
        owner = self._owner_id(self.overdue_owner_table.row_data(row))
        if owner is None:
            return
        flt = self.case_filter("overdue")
        self.cases_requested.emit(
            CaseFilter(
                overdue_only=True,
                owner_ids=frozenset({owner}),
                department_codes=flt.department_codes,
            )
        )

    def _by_owner_activated(self, row: int) -> None:
        """An owner's cases registered in the period (what their figures count)."""
        owner = self._owner_id(self.by_owner_table.row_data(row))
        if owner is None:
            return
        flt = self.case_filter("volume")
        self.cases_requested.emit(
            CaseFilter(
                include_closed=True,
                registered_from=flt.registered_from,
                registered_to=flt.registered_to,
                owner_ids=frozenset({owner}),
                department_codes=flt.department_codes,
            )
        )

    def _overdue_department_activated(self, row: int) -> None:
        code = self.overdue_department_table.row_data(row)
        if code:
            self.cases_requested.emit(
                CaseFilter(overdue_only=True, department_codes=frozenset({code}))
            )

    def _hot_spot_activated(self, row: int) -> None:
        code = self.survey_hot_spots_table.row_data(row)
        if code:  # a top subtype (survey options have no tracker filter)
            self.cases_requested.emit(self.type_filter(code))

    def _cause_hot_spot_activated(self, row: int) -> None:
        """A product (or subtype) × cause hot spot: its cases of the period."""
        spot = self.hot_spots_table.row_data(row)
        if spot is None:
            return
        self.cases_requested.emit(self.hot_spot_filter(spot))
