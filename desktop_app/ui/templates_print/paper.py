"""The templates on paper: A4 page set-up, printing with the print dialog, saving as PDF,
the main window's File > Blank forms menu and the case window's print button
(``CasePrinter``)."""

from __future__ import annotations

import logging
import weakref
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QMarginsF, QObject, Signal
from PySide6.QtGui import QAction, QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QMenu, QMessageBox, QPushButton, QWidget

from desktop_app.services import print_forms
from desktop_app.services.cases import CaseDetail
from desktop_app.services.errors import ServiceError
from desktop_app.services.print_forms import SurveyRecord
from desktop_app.ui.forms import ask_save_path, documents_folder
from desktop_app.ui.i18n import service_message
from desktop_app.ui.resources import icon
from desktop_app.ui.tasks import Task, TaskRunner
from desktop_app.ui.templates_print.forms_html import (
    KINDS,
    LANDSCAPE,
    TITLES,
    blank_choices,
    html_document,
    template_document,
    template_html,
    template_name,
)

log = logging.getLogger(__name__)


# --- paper ------------------------------------------------------------------------------------


def _prepare(printer: QPrinter, kind: str) -> None:
    orientation = (
        QPageLayout.Orientation.Landscape if kind in LANDSCAPE else QPageLayout.Orientation.Portrait
    )
    printer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            orientation,
            QMarginsF(15, 15, 15, 15),
            QPageLayout.Unit.Millimeter,
        )
    )
    printer.setDocName(TITLES[kind])


def save_pdf(document: QTextDocument, path: str | Path, kind: str) -> Path:
    """Write ``document`` (template ``kind``) as an A4 PDF file at ``path``."""
    path = Path(path)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    _prepare(printer, kind)
    document.print_(printer)
    return path


def print_with_dialog(document: QTextDocument, kind: str, parent: QWidget | None = None) -> bool:
    """Ask for a printer and print; False when the user cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    _prepare(printer, kind)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(
        QCoreApplication.translate("TemplatesPrint", "Print: {name}").format(
            name=template_name(kind)
        )
    )
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    document.print_(printer)
    return True


def ask_pdf_path(parent: QWidget | None, kind: str, stem: str) -> Path | None:
    """Ask where to save a template as PDF (``stem``.pdf in the documents folder)."""
    path = ask_save_path(
        parent,
        QCoreApplication.translate("TemplatesPrint", "Save as PDF: {name}").format(
            name=template_name(kind)
        ),
        documents_folder() / f"{stem}.pdf",
        QCoreApplication.translate("TemplatesPrint", "PDF files (*.pdf)"),
        suffix=".pdf",
    )
    return Path(path) if path else None


def _write(parent: QWidget | None, document: QTextDocument, path: Path, kind: str) -> Path | None:
    try:
        return save_pdf(document, path, kind)
    except OSError as exc:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("TemplatesPrint", "Not saved"),
            QCoreApplication.translate(
                "TemplatesPrint", "{path} could not be written: {reason}"
            ).format(path=str(path), reason=exc),
        )
        return None


# --- blank forms (main window) ------------------------------------------------------------------


def blank_document(kind: str) -> QTextDocument:
    """Template ``kind`` blank, ready to print."""
    choices = blank_choices() if kind == "registration" else None
    return template_document(kind, choices=choices)


def _print_blank(kind: str, parent: QWidget | None) -> bool:
    return print_with_dialog(blank_document(kind), kind, parent)


def fill_blank_forms_menu(menu: QMenu, parent: QWidget) -> None:
    """File > Blank forms (``blank_forms_menu``, built empty by the main window): its
    entries ``print_blank_<kind>_action`` and ``pdf_blank_<kind>_action``, print or save
    as PDF each blank template; added when the menu is first opened."""
    print_text = QCoreApplication.translate("TemplatesPrint", "Print {name}…")
    pdf_text = QCoreApplication.translate("TemplatesPrint", "Save {name} as PDF…")
    # (text, object name, icon, what it does), each for every template.
    entries = (
        (print_text, "print_blank_{kind}_action", "print", _print_blank),
        (pdf_text, "pdf_blank_{kind}_action", "pdf", save_blank_pdf),
    )
    for number, (text, name, icon_name, slot) in enumerate(entries):
        if number:
            menu.addSeparator()
        for kind in KINDS:
            action = QAction(text.format(name=template_name(kind)), menu)
            action.setObjectName(name.format(kind=kind))
            action.setIcon(icon(icon_name))
            action.triggered.connect(lambda _c=False, kind=kind, slot=slot: slot(kind, parent))
            menu.addAction(action)


def save_blank_pdf(
    kind: str, parent: QWidget | None = None, path: str | Path | None = None
) -> Path | None:
    """Save blank template ``kind`` as PDF at ``path`` (asked when None)."""
    if path is None:
        path = ask_pdf_path(parent, kind, f"{TITLES[kind]}")
        if path is None:
            return None
    return _write(parent, blank_document(kind), Path(path), kind)


# --- a case (case window) -------------------------------------------------------------------


class CasePrinter(QObject):
    """The case window's ``print_button`` and its menu: each template filled for the case
    shown (``window.detail``, ``window.events``), printed or saved as PDF. The survey is
    read off the UI thread first. ``done(kind, path)`` after each print ("" for paper)
    or PDF; ``failed(text)`` when the case or survey could not be read."""

    done = Signal(str, str)
    failed = Signal(str)

    def __init__(self, window: QWidget):
        super().__init__(window)
        # A weak reference: the window keeps its printer, not the other way round (a
        # closed case window must be free to go).
        self._window = weakref.ref(window)
        self.tasks: TaskRunner = window.tasks
        self.button = QPushButton(QCoreApplication.translate("TemplatesPrint", "&Print…"))
        self.button.setObjectName("print_button")
        self.button.setIcon(icon("print"))
        self.button.setToolTip(
            QCoreApplication.translate(
                "TemplatesPrint", "Print the case's forms (templates 1–3) or save them as PDF"
            )
        )
        self.menu = QMenu(self.button)
        self.menu.setObjectName("print_menu")
        self.actions: dict[str, QAction] = {}
        for kind in KINDS:
            action = self.menu.addAction(template_name(kind))
            action.setObjectName(f"print_{kind}_action")
            action.triggered.connect(lambda _c=False, kind=kind: self.print_(kind))
            self.actions[kind] = action
        self.pdf_menu = self.menu.addMenu(
            QCoreApplication.translate("TemplatesPrint", "Save as P&DF")
        )
        self.pdf_menu.setObjectName("print_pdf_menu")
        self.pdf_menu.menuAction().setObjectName("print_pdf_action")
        self.pdf_menu.menuAction().setIcon(icon("pdf"))
        for kind in KINDS:
            action = self.pdf_menu.addAction(template_name(kind))
            action.setObjectName(f"pdf_{kind}_action")
            action.triggered.connect(lambda _c=False, kind=kind: self.save_pdf(kind))
            self.actions[f"pdf_{kind}"] = action
        self.button.setMenu(self.menu)
        self._task: Task | None = None
        loaded = getattr(window, "loaded", None)
        if loaded is not None and window.detail is None:  # enabled once the case is read
            self.button.setEnabled(False)
            loaded.connect(lambda: self.button.setEnabled(True))

    @property
    def window(self) -> QWidget | None:
        window = self._window()
        return window if window is not None and shiboken6.isValid(window) else None

    def _detail(self) -> CaseDetail | None:
        window = self.window
        return window.detail if window is not None else None

    def print_entries(self) -> list[QAction]:
        """The menu's print entries (templates 1, 2, 3)."""
        return [self.actions[kind] for kind in KINDS]

    def html(self, kind: str, survey: SurveyRecord | None = None) -> str:
        """Template ``kind`` filled for the case shown (``survey`` for template 3)."""
        detail = self._detail()
        if detail is None:
            raise RuntimeError("the case is not loaded yet")
        return template_html(kind, detail=detail, events=self.window.events, survey=survey)

    def document(self, kind: str, survey: SurveyRecord | None = None) -> QTextDocument:
        return html_document(self.html(kind, survey))

    def print_(self, kind: str) -> Task | None:
        """Print template ``kind`` after asking for a printer."""
        return self._run(kind, None)

    def save_pdf(self, kind: str, path: str | Path | None = None) -> Task | None:
        """Save template ``kind`` as PDF at ``path`` (asked when None). Templates 1 and 2
        are written at once (None is returned); the survey is read first (its Task)."""
        detail = self._detail()
        if detail is None:
            return None
        if path is None:
            path = ask_pdf_path(self.window, kind, f"{detail.number}-{TITLES[kind]}")
            if path is None:
                return None
        return self._run(kind, Path(path))

    def _run(self, kind: str, path: Path | None) -> Task | None:
        detail = self._detail()
        if detail is None:
            return None
        if kind != "survey":
            self._output(kind, path, None)
            return None
        if self._task is not None:
            return None
        task = self.tasks.submit(
            print_forms.case_survey, self.window.session, detail.id, name="case-survey"
        )
        self._task = task
        task.succeeded.connect(
            lambda survey, kind=kind, path=path: self._output(kind, path, survey)
        )
        task.on(failed=self._failed, finished=self._finished)
        return task

    def _finished(self) -> None:
        self._task = None

    def _failed(self, exc: ServiceError) -> None:
        text = QCoreApplication.translate(
            "TemplatesPrint", "The survey could not be read: {reason}"
        ).format(reason=service_message(exc))
        window = self.window
        if window is not None and hasattr(window, "show_message"):
            window.show_message(text)
        self.failed.emit(text)

    def _output(self, kind: str, path: Path | None, survey: SurveyRecord | None) -> None:
        window = self.window
        if window is None or window.detail is None:
            return
        document = self.document(kind, survey)
        if path is None:
            if print_with_dialog(document, kind, window):
                self.done.emit(kind, "")
            return
        written = _write(window, document, path, kind)
        if written is not None:
            if hasattr(window, "status_message"):
                window.status_message.emit(
                    QCoreApplication.translate("TemplatesPrint", "Saved {path}.").format(
                        path=str(written)
                    )
                )
            self.done.emit(kind, str(written))


def case_print_button(window: QWidget) -> QPushButton:
    """The case window's ``print_button`` (its ``CasePrinter`` is ``window.printer``)."""
    window.printer = CasePrinter(window)
    return window.printer.button
