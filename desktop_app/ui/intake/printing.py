"""Template 1 on paper: the registration form as a two-column table of labels and values,
printed or saved as PDF.

``form_document``, ``write_pdf`` and ``print_with_dialog`` make and print the document;
``IntakePrinting``, a mixin of ``page.IntakePage``, fills it with the case just saved or
what is typed now (``print_rows``) for the Print and Save as PDF buttons (Ctrl+P).
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QMarginsF, Signal
from PySide6.QtWidgets import QDialog, QWidget

from desktop_app.domain.vocab import CUSTOMER_REQUESTS, LEVEL_ROMAN, MEMBER_TIERS, URGENCY, Term
from desktop_app.services.intake import Registered
from desktop_app.services.reference import TypeRef
from desktop_app.services.session import Session
from desktop_app.ui.forms import ask_save_path
from desktop_app.ui.intake.form import TIME_FORMAT

# The name of the paper form staff know; printed as the title in every UI language.
TEMPLATE_TITLE = "客户投诉登记表"

if TYPE_CHECKING:
    from PySide6.QtGui import QTextDocument
    from PySide6.QtPrintSupport import QPrinter

# The printing classes (Qt Print Support, page set-up, documents) are imported at the first
# print or PDF: not with the page (docs/rules.md#start-up).

if TYPE_CHECKING:
    # For the type checker only: the page it is mixed into is a QWidget. At run time the
    # mixin stays a plain class (the page's MRO, metaobject and tr() contexts unchanged).
    class _Host(QWidget):
        """What IntakePrinting uses of the class it is mixed into (for the type checker)."""

        # IntakeSections

        def values(self) -> dict[str, Any]: ...
        def has_typed_work(self) -> bool: ...
        def default_level(self) -> int | None: ...

    _Base = _Host
else:
    _Base = object


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
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml(form_html(rows, subtitle=subtitle, footer=footer))
    return document


def _prepare(printer: QPrinter) -> None:
    from PySide6.QtGui import QPageLayout, QPageSize

    printer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
            QPageLayout.Unit.Millimeter,
        )
    )


def write_pdf(document: QTextDocument, path: str | Path) -> Path:
    """Write ``document`` as an A4 PDF file at ``path``."""
    from PySide6.QtPrintSupport import QPrinter

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
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    _prepare(printer)
    printer.setDocName(TEMPLATE_TITLE)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("IntakePrint", "Print the registration form"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    document.print_(printer)
    return True


class IntakePrinting(_Base):
    """Mixin of ``IntakePage``: template 1 of the form for the Print and Save as PDF
    buttons. The page sets ``session``, ``language``, ``last_saved`` and the reference
    data, and provides ``values``, ``has_typed_work``, ``default_level`` and
    ``status_message``."""

    session: Session
    language: str
    status_message: Signal
    last_saved: tuple[Registered, dict[str, Any], dt.datetime] | None
    channels: list[Term]
    departments: list[Term]
    type_tree: list[TypeRef]
    _subtypes: dict[str, TypeRef]

    def print_rows(self) -> tuple[list[tuple[str, str]], str]:
        """(label, value) rows of template 1 and a subtitle: the case just saved when the
        form is empty, else what is typed now."""
        if self.last_saved is not None and not self.has_typed_work():
            registered, values, registered_at = self.last_saved
            number = registered.number
            registration = registered_at.strftime(TIME_FORMAT)
            level = LEVEL_ROMAN.get(registered.level, "")
            subtitle = registered.promise
        else:
            values = self.values()
            number = self.tr("(not saved yet)")
            registration = self.tr("(set on save)")
            level_code = values.get("level") or self.default_level()
            level = LEVEL_ROMAN.get(level_code, "") if level_code else ""
            subtitle = ""
        lang = self.language

        def ref_label(items, code):
            return next((r.label(lang) for r in items if r.code == code), code or "")

        requests = [CUSTOMER_REQUESTS.label(c, lang) for c in values["customer_requests"]]
        if "other" in values["customer_requests"] and values["customer_request_other"]:
            requests[-1] += f"（{values['customer_request_other']}）"
        type_text = ref_label(self.type_tree, values["type"])
        subtype_ref = self._subtypes.get(values["subtype"])
        if subtype_ref is not None:
            type_text += f" / {subtype_ref.label(lang)}"
        time_text = values["complaint_time"].replace("T", " ")
        yes, no = self.tr("Yes"), self.tr("No")
        rows = [
            (self.tr("Complaint number"), number),
            (self.tr("Customer name"), values["customer_name"]),
            (self.tr("Contact"), values["contact"]),
            (self.tr("Customer / member number"), values["member_number"]),
            (self.tr("ID number"), values["id_number"]),
            (self.tr("Member tier"), MEMBER_TIERS.label(values["member_tier"], lang)),
            (self.tr("Complaint time"), time_text),
            (self.tr("Channel"), ref_label(self.channels, values["channel"])),
            (self.tr("Type and subtype"), type_text),
        ]
        if values.get("subject_staff"):
            rows.append((self.tr("Staff complained about"), values["subject_staff"]))
        rows += [
            (self.tr("Product"), values["product"]),
            (self.tr("Merchant"), values["merchant"]),
            (self.tr("Urgency"), URGENCY.label(values["urgency"], lang)),
            (self.tr("Escalated by head office"), yes if values["head_office"] else no),
        ]
        if values.get("repeat_complaint"):
            rows.append(
                (
                    self.tr("Earlier case (repeat complaint)"),
                    values.get("repeat_of_number") or self.tr("(not chosen)"),
                )
            )
        rows += [
            (self.tr("Level"), level),
            (self.tr("Description"), values["description"]),
            (self.tr("Attachments"), "\n".join(Path(p).name for p in values["attachments"])),
            (self.tr("Recording IDs"), values["recording_ids"]),
            (self.tr("Customer requests"), "、".join(requests)),
            (self.tr("Initial department"), ref_label(self.departments, values["department"])),
            (self.tr("Receiver"), self.session.display_name),
            (self.tr("Registration time"), registration),
        ]
        return rows, subtitle

    def document(self):
        rows, subtitle = self.print_rows()
        heading = "" if self.language == "zh" else self.tr("Complaint registration form")
        subtitle = " — ".join(p for p in (heading, subtitle) if p)
        return form_document(rows, subtitle=subtitle)

    def save_pdf(self, path: str | Path) -> Path:
        """Write the form (see ``print_rows``) as a PDF file."""
        written = write_pdf(self.document(), path)
        self.status_message.emit(self.tr("Saved {path}.").format(path=str(written)))
        return written

    def ask_pdf(self) -> Path | None:
        number = (
            self.last_saved[0].number if self.last_saved and not self.has_typed_work() else "intake"
        )
        path = ask_save_path(
            self,
            self.tr("Save the form as PDF"),
            f"{number}.pdf",
            self.tr("PDF files (*.pdf)"),
            suffix=".pdf",
        )
        return self.save_pdf(path) if path else None

    def print_case(self) -> bool:
        return print_with_dialog(self.document(), self)
