"""Fixed vocabularies of the domain (docs/rules.md), each code with its Chinese and English words.

Codes are what the database stores; labels are shown in the UI language. Vocabularies
that managers can edit (types, channels, departments) are seeded tables instead, see
``desktop_app.db.seed``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    code: str
    zh: str
    en: str

    def label(self, language: str = "zh") -> str:
        return self.zh if language.startswith("zh") else self.en


class Vocabulary:
    """An ordered set of terms, found by code or by either label."""

    def __init__(self, name: str, terms: list[Term]):
        self.name = name
        self.terms = tuple(terms)
        self._by_code = {t.code: t for t in terms}
        self._lookup: dict[str, Term] = {}
        for t in terms:
            for key in (t.code, t.zh, t.en):
                self._lookup[key.strip().casefold()] = t

    def __iter__(self) -> Iterator[Term]:
        return iter(self.terms)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def codes(self) -> list[str]:
        return [t.code for t in self.terms]

    def get(self, code: str) -> Term:
        return self._by_code[code]

    def label(self, code: str | None, language: str = "zh") -> str:
        if code is None:
            return ""
        term = self._by_code.get(code)
        return term.label(language) if term else code

    def parse(self, text: str) -> Term | None:
        """Find a term by its code or its Chinese or English word (case-insensitive)."""
        return self._lookup.get(str(text).strip().casefold())


ROLES = Vocabulary(
    "role",
    [
        Term("clerk", "前台/客服专员", "Clerk"),
        Term("supervisor", "客服主管", "Supervisor"),
        Term("manager", "客服经理", "Manager"),
        Term("admin", "系统管理员", "Administrator"),
    ],
)

URGENCY = Vocabulary(
    "urgency",
    [
        Term("urgent", "紧急", "Urgent"),
        Term("normal", "一般", "Normal"),
        Term("low", "低", "Low"),
    ],
)

LEVELS = Vocabulary(
    "level",
    [
        Term("1", "一级", "I"),
        Term("2", "二级", "II"),
        Term("3", "三级", "III"),
    ],
)
LEVEL_ROMAN = {1: "I", 2: "II", 3: "III"}

# Workflow stages of docs/rules.md#workflow, in order.
STAGES = Vocabulary(
    "stage",
    [
        Term("registered", "已登记", "Registered"),
        Term("assigned", "已分派", "Assigned"),
        Term("investigating", "调查核实", "Investigating"),
        Term("solution_proposed", "方案待确认", "Solution proposed"),
        Term("approval", "主管审批", "Supervisor approval"),
        Term("execution", "执行处理", "In execution"),
        Term("awaiting_confirmation", "待回访确认", "Awaiting customer confirmation"),
        Term("closed", "已闭环", "Closed"),
    ],
)
OPEN_STAGES = tuple(c for c in STAGES.codes() if c != "closed")

OUTCOMES = Vocabulary(
    "outcome",
    [
        Term("resolved", "已解决", "Resolved"),
        Term("partly_resolved", "部分解决", "Partly resolved"),
        Term("unresolved", "未解决", "Unresolved"),
    ],
)

CUSTOMER_REQUESTS = Vocabulary(
    "customer_request",
    [
        Term("refund", "退款", "Refund"),
        Term("exchange", "换货", "Exchange"),
        Term("repair", "维修", "Repair"),
        Term("apology", "道歉", "Apology"),
        Term("compensation", "补偿", "Compensation"),
        Term("other", "其他", "Other"),
    ],
)

MEMBER_TIERS = Vocabulary(
    "member_tier",
    [
        Term("regular", "普通会员", "Regular"),
        Term("silver", "银卡会员", "Silver"),
        Term("gold", "金卡会员", "Gold"),
        Term("vip", "VIP会员", "VIP"),
    ],
)

SENSITIVE_KINDS = Vocabulary(
    "sensitive_kind",
    [
        Term("media", "媒体", "Media"),
        Term("regulator", "监管部门", "Regulator"),
        Term("government", "政府部门", "Government"),
        Term("consumer_association", "消委会", "Consumer association"),
        Term("group_leader", "集团公司领导", "Group company leadership"),
    ],
)

URGENT_REASONS = Vocabulary(
    "urgent_reason",
    [
        Term("staff", "人工标记", "Marked by staff"),
        Term("batch", "批量投诉", "Batch complaint"),
        Term("sensitive", "敏感客户", "Sensitive customer"),
        Term("head_office", "越级投诉", "Head-office escalation"),
        Term("reopened", "重新打开", "Reopened"),
    ],
)

FEEDBACK = Vocabulary(
    "customer_feedback",
    [
        Term("satisfied", "满意", "Satisfied"),
        Term("basically_satisfied", "基本满意", "Basically satisfied"),
        Term("not_satisfied", "不满意", "Not satisfied"),
    ],
)

SURVEY_METHODS = Vocabulary(
    "survey_method",
    [
        Term("phone", "电话", "Phone"),
        Term("questionnaire", "问卷", "Questionnaire"),
        Term("sms", "短信", "SMS"),
        Term("app_push", "APP推送", "App push"),
    ],
)

SURVEY_ASPECTS = Vocabulary(
    "survey_aspect",
    [
        Term("response_speed", "响应速度", "Response speed"),
        Term("result", "处理结果", "Result"),
        Term("attitude", "服务态度", "Attitude"),
        Term("communication", "沟通清晰度", "Clarity of communication"),
        Term("other", "其他", "Other"),
    ],
)

CALL_RESULTS = Vocabulary(
    "call_result",
    [
        Term("no_answer", "无人接听", "No answer"),
        Term("refused", "拒绝调查", "Refused"),
        Term("wrong_number", "号码错误", "Wrong number"),
        Term("call_back_later", "稍后回电", "Call back later"),
        Term("completed", "已完成", "Completed"),
    ],
)

# Who handles a subtype by default (docs/rules.md#types-and-levels, "handled by").
HANDLING_RULES = Vocabulary(
    "handling_rule",
    [
        Term("receiver", "接收人处理", "The receiver"),
        Term(
            "receiver_notify_merchant",
            "接收人处理并通知商户维护部",
            "The receiver; notify merchant maintenance",
        ),
        Term(
            "staff_supervisor",
            "被投诉员工的直属主管",
            "Direct supervisor of the staff member complained about",
        ),
        Term("senior_agent", "资深坐席", "A senior agent"),
        Term("risk_control", "风控部门", "Risk control department"),
        Term("supervisor", "主管", "Supervisor"),
    ],
)

# What decided a case's owner (docs/rules.md#routing; domain/routing.py ROUTE_RULES).
ROUTE_RULES = Vocabulary(
    "route_rule",
    [
        Term("receiver", "首问负责（接收人处理）", "First contact: the receiver"),
        Term("urgent", "紧急投诉由主管及以上处理", "Urgent: a supervisor or above"),
        Term(
            "staff_supervisor",
            "被投诉员工的直属主管",
            "Direct supervisor of the staff member complained about",
        ),
        Term("senior_agent", "资深坐席", "A senior agent"),
        Term("risk_control", "风控部门主管", "Risk control's supervisor"),
        Term("supervisor", "主管", "Supervisor"),
        Term("level_iii", "升级投诉或重要会员：主管处理", "Repeat complaint or VIP: supervisor"),
    ],
)

# First-callback rules (docs/rules.md#deadlines): same working day, or T+N working days.
CALLBACK_RULES = Vocabulary(
    "callback_rule",
    [
        Term("same_day", "当个工作日", "Same working day"),
        Term("t+1", "T+1个工作日", "T+1 working day"),
        Term("t+2", "T+2个工作日", "T+2 working days"),
    ],
)

# Escalation chain of docs/rules.md#reminders-and-escalation; the integer is the step stored on a
# case.
ESCALATION_STEPS = Vocabulary(
    "escalation_step",
    [
        Term("0", "责任人", "Owner"),
        Term("1", "责任人主管", "Owner's supervisor"),
        Term("2", "客服经理", "Customer-service manager"),
        Term("3", "运营负责人", "Head of operations"),
    ],
)

REMINDER_KINDS = Vocabulary(
    "reminder_kind",
    [
        Term("due_soon", "即将到期", "Due soon"),
        Term("overdue", "已超时", "Overdue"),
        Term("progress_update_due", "需更新进度", "Progress update due"),
        Term("survey_due", "待回访调查", "Survey due"),
        Term("follow_up", "不满意跟进", "Follow-up of unhappy customer"),
        Term("escalated", "已升级", "Escalated"),
        Term("approval_requested", "待审批", "Approval requested"),
        Term("reported_up", "紧急投诉上报", "Urgent case reported up"),
        Term("department_notice", "部门知会", "Department notice"),
        Term("improvement_overdue", "改进措施已逾期", "Improvement action overdue"),
        Term("improvement_follow_up", "改进措施缺月度跟踪", "Monthly follow-up missing"),
    ],
)

DEADLINE_TARGETS = Vocabulary(
    "deadline_target",
    [
        Term("first_response", "首次响应", "First response"),
        Term("solution", "方案确认", "Solution agreed"),
        Term("resolution", "办结", "Resolution"),
    ],
)

IMPROVEMENT_STATUS = Vocabulary(
    "improvement_status",
    [
        Term("planned", "计划中", "Planned"),
        Term("in_progress", "进行中", "In progress"),
        Term("done", "已完成", "Done"),
        Term("cancelled", "已取消", "Cancelled"),
    ],
)

ALL = {
    v.name: v
    for v in (
        ROLES,
        URGENCY,
        LEVELS,
        STAGES,
        OUTCOMES,
        CUSTOMER_REQUESTS,
        MEMBER_TIERS,
        SENSITIVE_KINDS,
        URGENT_REASONS,
        FEEDBACK,
        SURVEY_METHODS,
        SURVEY_ASPECTS,
        CALL_RESULTS,
        HANDLING_RULES,
        ROUTE_RULES,
        CALLBACK_RULES,
        ESCALATION_STEPS,
        REMINDER_KINDS,
        DEADLINE_TARGETS,
        IMPROVEMENT_STATUS,
    )
}


def split_multi(text: str | None) -> list[str]:
    """Split a multi-valued cell or field: values separated by 、 or ,
    (docs/rules.md#exchange-import)."""
    if not text:
        return []
    parts = str(text).replace("，", ",").replace("、", ",").split(",")
    return [p.strip() for p in parts if p.strip()]


def join_multi(codes: Iterable[str]) -> str:
    return ",".join(codes)
