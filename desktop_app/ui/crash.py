"""The crash handler: an uncaught exception is logged and shown, never a silent exit."""

from __future__ import annotations

import logging
import sys
import traceback
from dataclasses import dataclass
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app.bootstrap import log_file

log = logging.getLogger(__name__)

_showing = False


@dataclass(frozen=True)
class CrashReport:
    """What the user is told: what happened, where, and where the log is."""

    what: str  # "ValueError: bad thing"
    where: str  # "path/to/file.py:123 in function"
    log_path: str
    details: str  # the full traceback

    def text(self) -> str:
        return QCoreApplication.translate(
            "Crash",
            "The program hit an error it did not expect.\n\n"
            "What happened: {what}\nWhere: {where}\n\n"
            "The details are in the log file:\n{log}\n\n"
            "Please send that file to your administrator. Unsaved input in "
            "the current window may be lost; restart the program if it "
            "behaves strangely.",
        ).format(what=self.what, where=self.where, log=self.log_path)


def build_report(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> CrashReport:
    message = str(exc).strip()
    what = f"{exc_type.__name__}: {message}" if message else exc_type.__name__
    frames = traceback.extract_tb(tb)
    if frames:
        last = frames[-1]
        where = f"{last.filename}:{last.lineno} in {last.name}"
    else:
        where = QCoreApplication.translate("Crash", "unknown")
    details = "".join(traceback.format_exception(exc_type, exc, tb))
    return CrashReport(what, where, str(log_file()), details)


def show_crash_dialog(report: CrashReport) -> None:
    """Show the report in a critical message box; tests replace this function."""
    if QApplication.instance() is None:
        print(report.text(), file=sys.stderr)
        print(report.details, file=sys.stderr)
        return
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("Crash", "Unexpected error"),
        report.text(),
        QMessageBox.StandardButton.Ok,
    )
    box.setObjectName("crash_dialog")
    box.setDetailedText(report.details)
    box.exec()


def handle_exception(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    """``sys.excepthook`` for the GUI: log the exception, then tell the user."""
    global _showing
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    log.critical("uncaught exception", exc_info=(exc_type, exc, tb))
    if _showing:  # an error while the dialog is open: logged, not stacked
        return
    report = build_report(exc_type, exc, tb)
    _showing = True
    try:
        show_crash_dialog(report)  # a module global: tests patch it
    except Exception:  # the dialog itself failed: at least say it on stderr
        log.exception("could not show the crash dialog")
        print(report.text(), file=sys.stderr)
    finally:
        _showing = False


def install_excepthook() -> None:
    sys.excepthook = handle_exception
