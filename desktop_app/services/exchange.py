"""The exchange workbook (docs/rules.md#exchange-import): ``export_cases`` writes it,
``import_workbook`` reads it (all or nothing), ``write_error_report`` saves a rejected import's
problems.

The rules are documented in ``exchange_export`` and ``exchange_import``; the sheets and
columns are the data of ``desktop_app.domain.exchange_columns``.
"""

from __future__ import annotations

from desktop_app.services.exchange_export import ExportResult, export_cases
from desktop_app.services.exchange_import import (
    MAX_ERRORS,
    ImportProblem,
    ImportReport,
    import_workbook,
    parse_time,
    write_error_report,
)

__all__ = [
    "MAX_ERRORS",
    "ExportResult",
    "ImportProblem",
    "ImportReport",
    "export_cases",
    "import_workbook",
    "parse_time",
    "write_error_report",
]
