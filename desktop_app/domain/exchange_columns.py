"""The exchange workbook's sheets and columns (docs/rules.md#exchange-import), as pure data.

Each sheet and each column has an English key and a Chinese label; a workbook may use
either (headers are matched without regard to case, surrounding spaces, and ``_`` versus
a space in English keys). Exports write the Chinese labels, in the order given here.

``kind`` says how a cell is read and written:

- ``text``: free text;
- ``time``: an Excel date-time (or ``YYYY-MM-DD HH:MM`` text on import);
- ``vocab``: one word of a fixed vocabulary (``vocab`` names it in ``domain.vocab.ALL``);
- ``multi``: several words of a vocabulary, separated by ``、`` or ``,``;
- ``ref``: a row of a reference table (channel, type, subtype, department, root-cause
  category) by code or name;
- ``staff``: a person, by user name or display name;
- ``subject``: the staff member complained about: an account by user name or display
  name, else the name as free text (staff without an account, a merchant's);
- ``yesno``: ``是``/``否`` (also yes/no, y/n, true/false, 1/0, Excel's TRUE/FALSE);
- ``level``: ``I``/``II``/``III`` (also 一级/二级/三级, 1/2/3);
- ``score``: an integer 1–5.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Excel number format of every time cell the export writes.
TIME_FORMAT = "yyyy-mm-dd hh:mm"
# Separator of multi-valued cells in exports (imports accept 、 , and ，).
MULTI_SEPARATOR = "、"
# The words of yes/no cells in exports; imports also accept the others (casefolded).
YES, NO = "是", "否"
YES_WORDS = frozenset((YES, "yes", "y", "true", "1", "√"))
NO_WORDS = frozenset((NO, "no", "n", "false", "0"))


@dataclass(frozen=True)
class Column:
    key: str
    zh: str
    kind: str = "text"
    width: float = 14
    required: bool = False  # the column must be present and its cells filled
    export_only: bool = False  # written by exports, ignored by imports (computed)
    vocab: str | None = None  # vocab / multi: the vocabulary's name; ref: the table
    max_length: int | None = None  # text: longest value the database keeps
    aliases: tuple[str, ...] = ()  # other headers accepted on import


@dataclass(frozen=True)
class Sheet:
    key: str
    zh: str
    columns: tuple[Column, ...]
    aliases: tuple[str, ...] = field(default=())

    def column(self, key: str) -> Column:
        for column in self.columns:
            if column.key == key:
                return column
        raise KeyError(key)

    @property
    def export_columns(self) -> tuple[Column, ...]:
        return self.columns

    @property
    def import_columns(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if not c.export_only)


def _t(
    key: str, zh: str, width: float = 17, *, required: bool = False, export_only: bool = False
) -> Column:
    return Column(key, zh, "time", width, required=required, export_only=export_only)


COMPLAINTS = Sheet(
    "complaints",
    "投诉登记",
    (
        Column("complaint_number", "投诉编号", width=19, max_length=40),
        Column("customer_name", "客户姓名", width=11, required=True, max_length=100),
        Column("contact", "联系方式", width=30, required=True, max_length=200),
        Column(
            "member_number",
            "客户编号/会员账号",
            width=16,
            max_length=60,
            aliases=("客户编号", "会员账号"),
        ),
        Column("id_number", "证件号码", width=21, max_length=40),
        Column("member_tier", "会员等级", "vocab", 10, vocab="member_tier"),
        _t("complaint_time", "投诉时间", required=True),
        _t("registration_time", "登记时间"),
        Column("channel", "投诉渠道", "ref", 11, required=True, vocab="channel"),
        Column(
            "type",
            "投诉类型",
            "ref",
            13,
            required=True,
            vocab="type",
            aliases=("投诉问题类型", "投诉分类"),
        ),
        Column("subtype", "投诉子类", "ref", 15, required=True, vocab="subtype"),
        Column("urgency", "紧急程度", "vocab", 9, vocab="urgency"),
        Column("level", "级别", "level", 6, aliases=("投诉级别",)),
        Column("description", "问题描述", width=48, required=True, max_length=5000),
        Column("customer_requests", "客户诉求", "multi", 18, vocab="customer_request"),
        Column("department", "初步责任部门", "ref", 13, required=True, vocab="department"),
        Column("receiver", "接收人", "staff", 10),
        Column("stage", "当前处理阶段", "vocab", 12, vocab="stage"),
        Column("owner", "责任人", "staff", 10),
        _t("first_response_at", "首次响应时间"),
        _t("solution_agreed_at", "方案确认时间"),
        _t("closed_at", "闭环时间"),
        Column("outcome", "处理结果", "vocab", 22, vocab="outcome"),
        # Optional on import (older workbooks lack them); docs/rules.md#exchange-import.
        Column("product", "涉及产品/服务", width=16, max_length=120, aliases=("涉及产品",)),
        Column("merchant", "商户", width=14, max_length=120),
        Column("urgent_reasons", "紧急原因", "multi", 14, vocab="urgent_reason"),
        Column("head_office", "越级投诉", "yesno", 9),
        Column("subject_staff", "被投诉员工", "subject", 11, max_length=100),
        # docs/rules.md#root-causes (optional on import).
        Column("root_cause", "原因分类", "ref", 12, vocab="cause"),
        Column("root_cause_notes", "原因分析", width=36, max_length=5000),
        _t("first_response_due", "首次响应时限", export_only=True),
        _t("solution_due", "方案时限", export_only=True),
        _t("resolution_due", "办结时限", export_only=True),
    ),
)

PROGRESS = Sheet(
    "progress",
    "进度跟踪",
    (
        Column("complaint_number", "投诉编号", width=19, required=True, max_length=40),
        Column("stage", "当前处理阶段", "vocab", 12, required=True, vocab="stage"),
        Column("owner", "责任人", "staff", 10, required=True),
        _t("planned_completion", "计划完成时间"),
        _t("actual_completion", "实际完成时间"),
        Column(
            "result", "处理结果", width=36, max_length=5000, aliases=("处理结果（措施、补偿等）",)
        ),
        Column("customer_feedback", "客户反馈", "vocab", 11, vocab="customer_feedback"),
        Column("feedback_comment", "具体意见", width=24, max_length=5000),
        Column("next_action", "下一步动作", width=18, max_length=200),
        _t("updated_at", "更新时间", required=True),
        Column("updated_by", "更新人", "staff", 10),
    ),
    aliases=("投诉处理进度跟踪表",),
)

SURVEYS = Sheet(
    "surveys",
    "满意度调查",
    (
        Column(
            "complaint_number", "投诉编号", width=19, max_length=40, aliases=("投诉编号（如有）",)
        ),
        Column("customer_name", "客户姓名", width=11, required=True, max_length=100),
        _t("survey_time", "调查时间", required=True),
        Column("method", "调查方式", "vocab", 10, required=True, vocab="survey_method"),
        Column("surveyor", "调查人", "staff", 10, required=True),
        Column("timeliness", "处理及时性", "score", 10, required=True),
        Column("effectiveness", "解决方案有效性", "score", 14, required=True),
        Column("attitude", "服务人员态度", "score", 12, required=True),
        Column("overall", "整体满意度", "score", 10, required=True),
        Column("most_satisfied", "最满意的环节", "multi", 20, vocab="survey_aspect"),
        Column("needs_improvement", "需改进的环节", "multi", 20, vocab="survey_aspect"),
        Column("suggestions", "其他建议或需求", width=30, max_length=5000),
    ),
    aliases=("客户满意度调查问卷",),
)

SHEETS = (COMPLAINTS, PROGRESS, SURVEYS)


def normalize_header(text: object) -> str:
    """A header as compared: trimmed, case-folded, full-width space and ``_`` as spaces."""
    value = str(text).replace("\u3000", " ").replace("_", " ").strip().casefold()
    return " ".join(value.split())


def find_sheet(title: str) -> Sheet | None:
    wanted = normalize_header(title)
    for sheet in SHEETS:
        if wanted in {normalize_header(n) for n in (sheet.key, sheet.zh, *sheet.aliases)}:
            return sheet
    return None


def column_lookup(sheet: Sheet) -> dict[str, Column]:
    """Normalized header → column, every column (export-only ones too) by key, label and
    aliases."""
    lookup: dict[str, Column] = {}
    for column in sheet.columns:
        for name in (column.key, column.zh, *column.aliases):
            lookup.setdefault(normalize_header(name), column)
    return lookup
