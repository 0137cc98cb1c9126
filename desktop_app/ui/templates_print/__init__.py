"""The three paper templates (docs/rules.md#registration, docs/rules.md#workflow,
docs/rules.md#surveys), blank or filled for a case, printed or saved as A4 PDF: HTML →
``QTextDocument`` → printer.

- ``registration`` — template 1, 客户投诉登记表: the case as ``cases.get_case`` gives it
  (contact and ID number masked unless the session may see them, docs/rules.md#masking);
- ``progress`` — template 2, 投诉处理进度跟踪表 (landscape): the case's progress entries
  (timeline events of kind ``progress`` and ``closed``), or blank rows;
- ``survey`` — template 3, 客户满意度调查问卷: the questionnaire with its 1–5 scales and
  aspect boxes (☐, ☑ where chosen), blank or filled from ``print_forms.case_survey``.

The titles are the Chinese names staff know, in every UI language; field labels are in the
UI language (the Chinese labels of docs/rules.md in a Chinese UI, English otherwise).

Entry points: ``CasePrinter`` (the case window's ``print_button`` and its menu) and
``fill_blank_forms_menu`` (the entries of the main window's File > Blank forms). Tests and
automation use ``template_html``/``template_document`` and ``save_pdf``.

Modules: ``forms_html`` (the templates' labels and HTML) and ``paper`` (page set-up,
printer, PDF, the blank-forms menu and ``CasePrinter``).
"""

from desktop_app.ui.templates_print.forms_html import (
    BLANK_PROGRESS_ROWS,
    CHECKED,
    KINDS,
    LABELS,
    TITLES,
    UNCHECKED,
    blank_choices,
    label,
    progress_entries,
    progress_html,
    registration_html,
    survey_html,
    template_document,
    template_html,
    template_name,
)
from desktop_app.ui.templates_print.paper import (
    CasePrinter,
    ask_pdf_path,
    blank_document,
    case_print_button,
    fill_blank_forms_menu,
    print_with_dialog,
    save_blank_pdf,
    save_pdf,
)

__all__ = [
    "BLANK_PROGRESS_ROWS",
    "CHECKED",
    "KINDS",
    "LABELS",
    "TITLES",
    "UNCHECKED",
    "CasePrinter",
    "ask_pdf_path",
    "blank_choices",
    "blank_document",
    "case_print_button",
    "fill_blank_forms_menu",
    "label",
    "print_with_dialog",
    "progress_entries",
    "progress_html",
    "registration_html",
    "save_blank_pdf",
    "save_pdf",
    "survey_html",
    "template_document",
    "template_html",
    "template_name",
]
