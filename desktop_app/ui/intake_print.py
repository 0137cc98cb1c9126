"""Template 1 on paper: the registration form as a two-column table of labels and values,
printed or saved as PDF."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

# The name of the paper form staff know; printed as the title in every UI language.
TEMPLATE_TITLE = "客户投诉登记表"


def form_html(rows: list[tuple[str, str]], *, subtitle: str = "", footer: str = "") -> str:
    """The form as HTML: title, optional subtitle, the table, an optional footer line."""
    cells = "".join(
        "<tr><th align='left' width='30%' style='background:#f0f0f0'>{}</th>"
        "<td>{}</td></tr>".format(html.escape(label), html.escape(value).replace("\n", "<br/>"))
        for label, value in rows
    )
    parts = [f"<h1 align='center'>{html.escape(TEMPLATE_TITLE)}</h1>"]
    if subtitle:
        parts.append(f"<p align='center'>{html.escape(subtitle)}</p>")
    parts.append(
        "<table width='100%' border='1' cellspacing='0' cellpadding='6' "
        f"style='border-collapse:collapse'>{cells}</table>"
    )
    if footer:
        parts.append(f"<p>{html.escape(footer)}</p>")
    return "".join(parts)


def form_document(
    rows: list[tuple[str, str]], *, subtitle: str = "", footer: str = ""
) -> QTextDocument:
    document = QTextDocument()
    document.setHtml(form_html(rows, subtitle=subtitle, footer=footer))
    return document


def _prepare(printer: QPrinter) -> None:
    printer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
            QPageLayout.Unit.Millimeter,
        )
    )


def save_pdf(document: QTextDocument, path: str | Path) -> Path:
    """Write ``document`` as an A4 PDF file at ``path``."""
    path = Path(path)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    _prepare(printer)
    printer.setDocName(TEMPLATE_TITLE)
    document.print_(printer)
    return path


def print_with_dialog(document: QTextDocument, parent: QWidget | None = None) -> bool:
    """Ask for a printer and print; False when the user cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    _prepare(printer)
    printer.setDocName(TEMPLATE_TITLE)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("IntakePrint", "Print the registration form"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    document.print_(printer)
    return True
