"""The three paper templates as HTML, blank or filled for a case (see the package's
documentation), and as a ``QTextDocument``."""

from __future__ import annotations

import datetime as dt
import html
import logging
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextDocument

from desktop_app.domain.vocab import (
    CUSTOMER_REQUESTS,
    FEEDBACK,
    LEVEL_ROMAN,
    MEMBER_TIERS,
    OUTCOMES,
    STAGES,
    SURVEY_ASPECTS,
    SURVEY_METHODS,
    URGENCY,
    Term,
)
from desktop_app.services import reference
from desktop_app.services.cases import CaseDetail, TimelineEvent
from desktop_app.services.errors import ServiceError
from desktop_app.services.print_forms import SurveyRecord
from desktop_app.ui.i18n import ui_language

log = logging.getLogger(__name__)

KINDS = ("registration", "progress", "survey")
# The names of the paper forms staff know: printed as the title in every UI language.
TITLES = {
    "registration": "客户投诉登记表",
    "progress": "投诉处理进度跟踪表",
    "survey": "客户满意度调查问卷",
}
NUMBERS = {"registration": 1, "progress": 2, "survey": 3}
LANDSCAPE = frozenset({"progress"})
BLANK_PROGRESS_ROWS = 10
CHECKED, UNCHECKED = "☑", "☐"
TIME_FORMAT = "%Y-%m-%d %H:%M"
SCORES = (1, 2, 3, 4, 5)

# Field labels (docs/rules.md#registration, docs/rules.md#workflow, docs/rules.md#surveys): Chinese
# in a Chinese UI, English otherwise.
LABELS = {
    t.code: t
    for t in (
        # Template 1.
        Term("complaint_number", "投诉编号", "Complaint number"),
        Term("customer_name", "客户姓名", "Customer name"),
        Term("contact", "联系方式", "Contact"),
        Term("member_number", "客户编号/会员账号", "Customer / member number"),
        Term("id_number", "证件号码", "ID number"),
        Term("member_tier", "会员等级", "Member tier"),
        Term("complaint_time", "投诉时间", "Complaint time"),
        Term("channel", "投诉渠道", "Channel"),
        Term("type", "投诉问题类型", "Type and subtype"),
        Term("subtype", "子类", "Subtype"),
        Term("subject_staff", "被投诉员工", "Staff complained about"),
        Term("repeat_of", "原投诉编号（重复/升级投诉）", "Earlier case (repeat complaint)"),
        Term("product", "产品", "Product"),
        Term("merchant", "商户", "Merchant"),
        Term("urgency", "紧急程度", "Urgency"),
        Term("level", "投诉级别", "Level"),
        Term("description", "问题描述", "Description"),
        Term(
            "attachments",
            "附件（截图/照片/录音编号）",
            "Attachments (screenshots, photos, recording IDs)",
        ),
        Term("customer_requests", "客户诉求", "Customer requests"),
        Term("department", "初步责任部门", "Initial department"),
        Term("receiver", "接收人", "Receiver"),
        Term("registration_time", "登记时间", "Registration time"),
        Term("receiver_signature", "接收人签字", "Receiver's signature"),
        Term("customer_signature", "客户签字", "Customer's signature"),
        Term("date", "日期", "Date"),
        # Template 2.
        Term("current_stage", "当前处理阶段", "Current stage"),
        Term("owner", "责任人", "Owner"),
        Term("resolution_due", "办结时限", "Resolution due"),
        Term("outcome", "处理结果", "Outcome"),
        Term("root_cause", "原因分类", "Root cause"),
        Term("root_cause_notes", "原因分析（5W1H）", "Cause analysis (5W1H)"),
        Term("entry", "序号", "No."),
        Term("stage", "处理阶段", "Stage"),
        Term("planned_completion", "计划完成时间", "Planned completion"),
        Term("actual_completion", "实际完成时间", "Actual completion"),
        Term("result", "处理结果（措施、补偿等）", "Result (measures, compensation)"),
        Term(
            "customer_feedback",
            "客户反馈（满意/基本满意/不满意，具体意见）",
            "Customer feedback (satisfied / basically satisfied / not satisfied, comments)",
        ),
        Term("next_action", "下一步动作", "Next action"),
        Term("updated", "更新时间/更新人", "Updated at / by"),
        Term("no_entries", "尚无进度记录。", "No progress entries yet."),
        # Template 3.
        Term("survey_number", "投诉编号（如有）", "Complaint number (if any)"),
        Term("survey_time", "调查时间", "Survey time"),
        Term("method", "调查方式", "Survey method"),
        Term("surveyor", "调查人", "Surveyor"),
        Term("question", "评价项目", "Question"),
        Term("score", "评分", "Score"),
        Term(
            "scale",
            "评分说明：1 = 非常不满意，5 = 非常满意",
            "Scale: 1 = very dissatisfied, 5 = very satisfied",
        ),
        Term("timeliness", "处理及时性", "Timeliness of handling"),
        Term("effectiveness", "解决方案有效性", "Effectiveness of the solution"),
        Term("attitude", "服务人员态度", "Staff attitude"),
        Term("overall", "整体满意度", "Overall satisfaction"),
        Term("most_satisfied", "最满意的环节", "Most satisfied with"),
        Term("needs_improvement", "需改进的环节", "Needs improvement"),
        Term("suggestions", "其他建议或需求", "Other suggestions"),
    )
}
SCORE_KEYS = ("timeliness", "effectiveness", "attitude", "overall")


def label(key: str, language: str | None = None) -> str:
    """A field's label in ``language`` (default: the UI language)."""
    return LABELS[key].label(language or ui_language())


def template_name(kind: str) -> str:
    """The template's name in the UI language, e.g. "Registration form (template 1)"."""
    names = {
        "registration": QCoreApplication.translate(
            "TemplatesPrint", "Registration form (template 1)"
        ),
        "progress": QCoreApplication.translate("TemplatesPrint", "Progress tracking (template 2)"),
        "survey": QCoreApplication.translate("TemplatesPrint", "Satisfaction survey (template 3)"),
    }
    return names[kind]


# --- HTML ------------------------------------------------------------------------------------


def _esc(value: object) -> str:
    return html.escape("" if value is None else str(value)).replace("\n", "<br/>")


def _time(value: dt.datetime | None) -> str:
    return value.strftime(TIME_FORMAT) if value else ""


def _boxes(options: Iterable[tuple[str, str]], chosen: Iterable[str] = ()) -> str:
    """``☐ label`` per option (``☑`` for the chosen codes), spaced apart."""
    chosen = set(chosen)
    return "&nbsp;&nbsp; ".join(
        f"{CHECKED if code in chosen else UNCHECKED}&nbsp;{_esc(text)}" for code, text in options
    )


def _terms(terms: Iterable[Term], language: str) -> list[tuple[str, str]]:
    return [(t.code, t.label(language)) for t in terms]


def _blank_line(width: int = 12) -> str:
    return "_" * width


_TABLE = (
    "<table width='100%' border='1' cellspacing='0' cellpadding='5' "
    "style='border-collapse:collapse; border-color:#808080'>"
)
_LABEL_CELL = "<th align='left' width='{width}' style='background:#eeeeee'>{text}</th>"


def _page(kind: str, body: list[str], language: str, *, subtitle: str = "") -> str:
    parts = [f"<h2 align='center'>{_esc(TITLES[kind])}</h2>"]
    english = (
        ""
        if language == "zh"
        else {
            "registration": "Complaint registration form",
            "progress": "Complaint progress tracking form",
            "survey": "Customer satisfaction survey",
        }[kind]
    )
    line = " — ".join(p for p in (english, subtitle) if p)
    if line:
        parts.append(f"<p align='center'>{_esc(line)}</p>")
    parts.extend(body)
    return "<html><body>" + "".join(parts) + "</body></html>"


def _two_column(rows: Sequence[tuple[str, str]], *, label_width: str = "26%") -> str:
    """A table of (label, value HTML) rows."""
    cells = "".join(
        "<tr>" + _LABEL_CELL.format(width=label_width, text=_esc(text)) + f"<td>{value}</td></tr>"
        for text, value in rows
    )
    return _TABLE + cells + "</table>"


def _signatures(language: str) -> str:
    line = _blank_line(16)
    return (
        "<p><br/>{r}: {line}&nbsp;&nbsp;&nbsp;&nbsp;{c}: {line}&nbsp;&nbsp;&nbsp;&nbsp;"
        "{d}: {short}</p>"
    ).format(
        r=_esc(label("receiver_signature", language)),
        c=_esc(label("customer_signature", language)),
        d=_esc(label("date", language)),
        line=line,
        short=_blank_line(12),
    )


def blank_choices() -> dict[str, list[tuple[str, str]]]:
    """Channels, types and departments of the reference tables, labelled in the UI
    language, for the boxes of a blank registration form (empty when unreadable)."""
    language = ui_language()
    try:
        return {
            "channel": _terms(reference.channels(), language),
            "type": _terms(reference.type_tree(), language),
            "department": _terms(reference.departments(), language),
        }
    except ServiceError as exc:  # the form is still useful with blank lines
        log.info("blank form choices unavailable: %s", exc.message)
        return {}


def registration_html(
    detail: CaseDetail | None = None,
    *,
    events: Sequence[TimelineEvent] = (),
    choices: dict[str, list[tuple[str, str]]] | None = None,
) -> str:
    """Template 1: filled from ``detail`` (as the service gave it, masked where it masked),
    or blank (``detail`` None) with boxes for the choices."""
    lang = ui_language()
    L = lambda key: label(key, lang)  # noqa: E731 - short local helper
    if detail is None:
        choices = choices or {}
        tall = "<br/>" * 6
        other = f" {_blank_line()}"

        def boxes_or_line(key: str) -> str:
            return _boxes(choices[key]) if choices.get(key) else "&nbsp;"

        type_cell = boxes_or_line("type") + f"<br/>{_esc(L('subtype'))}: {_blank_line(24)}"
        rows = [
            (L("complaint_number"), "&nbsp;"),
            (L("customer_name"), "&nbsp;"),
            (L("contact"), "&nbsp;"),
            (L("member_number"), "&nbsp;"),
            (L("id_number"), "&nbsp;"),
            (L("member_tier"), _boxes(_terms(MEMBER_TIERS, lang))),
            (L("complaint_time"), "&nbsp;"),
            (L("channel"), boxes_or_line("channel")),
            (L("type"), type_cell),
            (L("subject_staff"), "&nbsp;"),
            (L("urgency"), _boxes(_terms(URGENCY, lang))),
            (L("repeat_of"), "&nbsp;"),
            (L("level"), _boxes((str(n), LEVEL_ROMAN[n]) for n in (1, 2, 3))),
            (L("description"), tall),
            (L("attachments"), "<br/>"),
            (L("customer_requests"), _boxes(_terms(CUSTOMER_REQUESTS, lang)) + other),
            (L("department"), boxes_or_line("department")),
            (L("receiver"), "&nbsp;"),
            (L("registration_time"), "&nbsp;"),
        ]
        return _page("registration", [_two_column(rows), _signatures(lang)], lang)
    registered = next((e for e in events if e.kind == "registered"), None)
    files = [name for _id, name in registered.attachments] if registered else []
    type_text = " / ".join(p for p in (detail.type, detail.subtype) if p)
    rows = [
        (L("complaint_number"), _esc(detail.number)),
        (L("customer_name"), _esc(detail.customer_name)),
        (L("contact"), _esc(detail.contact)),
        (L("member_number"), _esc(detail.member_number)),
        (L("id_number"), _esc(detail.id_number)),
        (L("member_tier"), _esc(detail.member_tier)),
        (L("complaint_time"), _esc(_time(detail.complaint_time))),
        (L("channel"), _esc(detail.channel)),
        (L("type"), _esc(type_text)),
    ]
    if detail.subject_staff:
        rows.append((L("subject_staff"), _esc(detail.subject_staff)))
    if detail.product:
        rows.append((L("product"), _esc(detail.product)))
    if detail.merchant:
        rows.append((L("merchant"), _esc(detail.merchant)))
    rows += [
        (L("urgency"), _esc(URGENCY.label(detail.urgency, lang))),
    ]
    if detail.repeat_of_number:
        rows.append((L("repeat_of"), _esc(detail.repeat_of_number)))
    rows += [
        (L("level"), _esc(LEVEL_ROMAN.get(detail.level, ""))),
        (L("description"), _esc(detail.description)),
        (L("attachments"), _esc("\n".join(files))),
        (L("customer_requests"), _esc(detail.customer_requests)),
        (L("department"), _esc(detail.department)),
        (L("receiver"), _esc(detail.receiver)),
        (L("registration_time"), _esc(_time(detail.registration_time))),
    ]
    return _page(
        "registration", [_two_column(rows), _signatures(lang)], lang, subtitle=detail.number
    )


def progress_entries(events: Iterable[TimelineEvent]) -> list[TimelineEvent]:
    """The progress entries among a case's timeline events (template 2 rows), oldest
    first."""
    return [e for e in events if e.kind in ("progress", "closed")]


def progress_html(
    detail: CaseDetail | None = None,
    events: Sequence[TimelineEvent] = (),
    *,
    blank_rows: int | None = None,
) -> str:
    """Template 2: the case's progress entries (``events``: its timeline), or a blank
    sheet of ``blank_rows`` rows (``BLANK_PROGRESS_ROWS`` when ``detail`` is None)."""
    lang = ui_language()
    L = lambda key: label(key, lang)  # noqa: E731 - short local helper
    if blank_rows is None:
        blank_rows = BLANK_PROGRESS_ROWS if detail is None else 0
    if detail is None:
        head = [
            (L("complaint_number"), "&nbsp;", L("customer_name"), "&nbsp;"),
            (L("current_stage"), "&nbsp;", L("owner"), "&nbsp;"),
            (L("root_cause"), "&nbsp;", L("root_cause_notes"), "&nbsp;"),
        ]
    else:
        outcome = OUTCOMES.label(detail.outcome, lang) if detail.outcome else ""
        if outcome and detail.outcome_reason:
            outcome += f"（{detail.outcome_reason}）"
        head = [
            (
                L("complaint_number"),
                _esc(detail.number),
                L("customer_name"),
                _esc(detail.customer_name),
            ),
            (
                L("current_stage"),
                _esc(STAGES.label(detail.stage, lang)),
                L("owner"),
                _esc(detail.owner),
            ),
            (
                L("resolution_due"),
                _esc(_time(detail.renegotiated_due or detail.resolution_due)),
                L("outcome"),
                _esc(outcome),
            ),
            # docs/rules.md#root-causes
            (
                L("root_cause"),
                _esc(detail.root_cause_label),
                L("root_cause_notes"),
                _esc(detail.root_cause_notes),
            ),
        ]
    head_html = (
        _TABLE
        + "".join(
            "<tr>"
            + _LABEL_CELL.format(width="15%", text=_esc(a))
            + f"<td width='35%'>{b}</td>"
            + _LABEL_CELL.format(width="15%", text=_esc(c))
            + f"<td width='35%'>{d}</td></tr>"
            for a, b, c, d in head
        )
        + "</table>"
    )
    columns = (
        "entry",
        "stage",
        "owner",
        "planned_completion",
        "actual_completion",
        "result",
        "customer_feedback",
        "next_action",
        "updated",
    )
    widths = ("4%", "9%", "8%", "10%", "10%", "20%", "17%", "11%", "11%")
    header = (
        "<tr>"
        + "".join(
            f"<th width='{w}' style='background:#eeeeee'>{_esc(L(c))}</th>"
            for c, w in zip(columns, widths, strict=True)
        )
        + "</tr>"
    )
    body = []
    entries = progress_entries(events) if detail is not None else []
    for number, event in enumerate(entries, 1):
        d = event.details
        feedback = FEEDBACK.label(d.get("customer_feedback") or None, lang)
        if d.get("feedback_comment"):
            feedback = "\n".join(p for p in (feedback, d["feedback_comment"]) if p)
        cells = (
            str(number),
            STAGES.label(d.get("stage") or None, lang),
            d.get("owner", ""),
            _time(d.get("planned_completion")),
            _time(d.get("actual_completion")),
            d.get("result", ""),
            feedback,
            d.get("next_action", ""),
            "\n".join(p for p in (_time(event.at), event.actor) if p),
        )
        body.append("<tr>" + "".join(f"<td>{_esc(c)}</td>" for c in cells) + "</tr>")
    feedback_boxes = _boxes(_terms(FEEDBACK, lang)).replace("&nbsp;&nbsp; ", "<br/>")
    for number in range(len(entries) + 1, len(entries) + blank_rows + 1):
        cells = [str(number), "", "", "", "", "<br/><br/>", feedback_boxes, "", ""]
        body.append("<tr>" + "".join(f"<td>{c or '&nbsp;'}</td>" for c in cells) + "</tr>")
    parts = [head_html, "<p></p>", _TABLE + header + "".join(body) + "</table>"]
    if detail is not None and not entries and not blank_rows:
        parts.append(f"<p>{_esc(L('no_entries'))}</p>")
    return _page("progress", parts, lang, subtitle=detail.number if detail else "")


def survey_html(
    survey: SurveyRecord | None = None, *, complaint_number: str = "", customer_name: str = ""
) -> str:
    """Template 3: filled from ``survey``, or a blank questionnaire (with the complaint
    number and customer name when given)."""
    lang = ui_language()
    L = lambda key: label(key, lang)  # noqa: E731 - short local helper
    methods = _terms(SURVEY_METHODS, lang)
    aspects = _terms(SURVEY_ASPECTS, lang)
    if survey is not None:
        complaint_number = survey.complaint_number
        customer_name = survey.customer_name
    head = [
        (L("customer_name"), _esc(customer_name) or "&nbsp;"),
        (L("survey_number"), _esc(complaint_number) or "&nbsp;"),
        (L("survey_time"), _esc(_time(survey.survey_time)) if survey else "&nbsp;"),
        (L("method"), _boxes(methods, [survey.method] if survey else ())),
        (L("surveyor"), _esc(survey.surveyor) if survey else "&nbsp;"),
    ]
    scores = (
        "<tr>"
        + "".join(
            f"<th style='background:#eeeeee' width='{w}'>{_esc(text)}</th>"
            for text, w in ((L("entry"), "6%"), (L("question"), "34%"), (L("score"), "60%"))
        )
        + "</tr>"
    )
    for number, key in enumerate(SCORE_KEYS, 1):
        value = getattr(survey, key) if survey else None
        scale = _boxes(((str(n), str(n)) for n in SCORES), [str(value)] if value else ())
        scores += (
            f"<tr><td align='center'>{number}</td><td>{_esc(L(key))}</td><td>{scale}</td></tr>"
        )

    def aspect_cell(chosen: Sequence[str], other: str) -> str:
        cell = _boxes(aspects, chosen)
        if other:
            cell += f"（{_esc(other)}）"
        elif survey is None:
            cell += f" {_blank_line()}"
        return cell

    choices = [
        (
            L("most_satisfied"),
            aspect_cell(
                survey.most_satisfied if survey else (),
                survey.most_satisfied_other if survey else "",
            ),
        ),
        (
            L("needs_improvement"),
            aspect_cell(
                survey.needs_improvement if survey else (),
                survey.needs_improvement_other if survey else "",
            ),
        ),
        (
            L("suggestions"),
            _esc(survey.suggestions) if survey and survey.suggestions else "<br/>" * 5,
        ),
    ]
    parts = [
        _two_column(head),
        f"<p>{_esc(L('scale'))}</p>",
        _TABLE + scores + "</table>",
        "<p></p>",
        _two_column(choices),
    ]
    return _page("survey", parts, lang, subtitle=complaint_number)


def template_html(
    kind: str,
    *,
    detail: CaseDetail | None = None,
    events: Sequence[TimelineEvent] = (),
    survey: SurveyRecord | None = None,
    choices: dict[str, list[tuple[str, str]]] | None = None,
) -> str:
    """The HTML of template ``kind`` (``KINDS``): blank when ``detail`` is None (and, for
    the survey, no ``survey`` is given), else filled for that case."""
    if kind == "registration":
        return registration_html(detail, events=events, choices=choices)
    if kind == "progress":
        return progress_html(detail, events)
    if kind == "survey":
        return survey_html(
            survey,
            complaint_number=detail.number if detail else "",
            customer_name=detail.customer_name if detail else "",
        )
    raise ValueError(f"unknown template {kind!r}; use one of {', '.join(KINDS)}")


def template_document(kind: str, **kwargs) -> QTextDocument:
    """``template_html(kind, **kwargs)`` as a document (see there for the arguments)."""
    return html_document(template_html(kind, **kwargs))


def html_document(text: str) -> QTextDocument:
    """A document of ``text`` (a template's HTML) without a margin of its own (the page
    layout has the margins)."""
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setHtml(text)
    return document
