"""The reports section of the main window (数据汇总, docs/rules.md#kpis), one file per part:

- ``page.py``: ``ReportsPage``, the KPI dashboard of a period (period bar, tiles, charts,
  tables), computing and showing the figures;
- ``period.py``: ``PeriodChoice``, the period picked (week, month, quarter, custom);
- ``drill.py``: ``DrillDown``, the tracker filters behind the figures;
- ``improvements.py``: ``ImprovementActions``, the period's improvement actions, created
  and edited by managers and administrators;
- ``table.py``: ``ReportTable``, the read-only tables of a few rows;
- ``charts.py``: the widgets it shows figures with (``KpiTile``, ``BarChartView``,
  ``TrendChartView``, over Qt Charts);
- ``trend.py``: what is computed besides the KPI report (the trend of the period, on the
  worker thread) and the formatting of rates and hours;
- ``export.py``: ``ReportExport``, the export of the figures shown as the report workbook
  (``services.report_workbook``) off the UI thread, with progress and cancel.
"""

from desktop_app.ui.reports.page import ReportsPage

__all__ = ["ReportsPage"]
