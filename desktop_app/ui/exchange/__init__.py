"""The exchange workbook (docs/rules.md#exchange-import) in the GUI: the import dialog (preview
first, then an all-or-nothing import) and the export dialog (a period, everything, or the tracker's
current view).

Both run the services off the UI thread with a progress bar and a cancel button; closing a
dialog while it works cancels the work (nothing is imported, no file is left).

Hooks for tests and automation, on the buttons' own paths:

- ``ImportDialog``: ``set_path(path)``, ``preview()`` and ``start_import()`` return the
  running ``Task`` (``task``), ``cancel()``, ``save_errors(path)``, ``error_rows()``;
  signals ``previewed(report)``, ``imported(report)``, ``failed(text)``.
- ``ExportDialog``: ``set_path(path)``, ``set_period(start, end)`` (None, None: all),
  ``export()`` returns the ``Task``, ``cancel()``; signals ``exported(result)`` (also when
  cancelled: ``result.cancelled``), ``failed(text)``.

Modules: ``work`` (what both dialogs share: one task at a time, progress, cancel, close),
``import_dialog`` and ``export_dialog``.
"""

from desktop_app.ui.exchange.export_dialog import ExportDialog
from desktop_app.ui.exchange.import_dialog import (
    ImportDialog,
    ProblemModel,
    problem_reason,
    translate_reason,
)

__all__ = ["ExportDialog", "ImportDialog", "ProblemModel", "problem_reason", "translate_reason"]
