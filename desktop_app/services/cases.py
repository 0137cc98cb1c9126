"""One case: its detail, its timeline, and the workflow of docs/rules.md#workflow (template 2).

Every action takes the case ``version`` the user saw; when another PC changed the case
since, it raises ``CaseConflict`` (a ``ConflictError``) listing who changed what, and
changes nothing. The UI then offers to reload, or to re-apply the same action on the new
version. Every action checks role and scope, writes its rows, an audit entry and bumps the
version in one transaction, and returns the fresh ``CaseDetail``.

Stages, in order: registered → assigned → investigating → solution_proposed →
(approval: level II/III and urgent cases) → execution → awaiting_confirmation → closed.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from desktop_app.db.connection import lock_rows, write_lock
from desktop_app.db.models import (
    Approval,
    Attachment,
    AuditLog,
    CauseCategory,
    Channel,
    Complaint,
    ComplaintType,
    Department,
    Escalation,
    FollowUp,
    ProgressEntry,
    Reminder,
    Survey,
    Transfer,
    User,
    UserDepartment,
    database_proxy,
)
from desktop_app.domain.deadlines import complex_case_limit, survey_window
from desktop_app.domain.masking import mask_contact, mask_id_number
from desktop_app.domain.messages import msg
from desktop_app.domain.vocab import (
    CUSTOMER_REQUESTS,
    ESCALATION_STEPS,
    FEEDBACK,
    LEVEL_ROMAN,
    MEMBER_TIERS,
    OUTCOMES,
    ROUTE_RULES,
    STAGES,
    split_multi,
)
from desktop_app.services import access, attachments, audit, reminders, routing, sla
from desktop_app.services import settings as settings_service
from desktop_app.services.access import HANDLER_ROLES
from desktop_app.services.errors import (
    ConflictError,
    NotFound,
    PermissionDenied,
    ValidationError,
    service,
)
from desktop_app.services.inputs import checked_text
from desktop_app.services.permissions import require_staff
from desktop_app.services.session import Session

log = logging.getLogger(__name__)

MAX_STEP = 3
# Clocks of two PCs differ a little: a completion this far ahead is still "now".
FUTURE_TOLERANCE = dt.timedelta(minutes=2)
# Workflow order (docs/rules.md#workflow); "approval" only for cases that need it.
ORDER = STAGES.codes()

# Action names for ``CaseDetail.actions`` (what the session may do now).
ACTIONS = (
    "progress",
    "transfer",
    "escalate",
    "request_approval",
    "decide_approval",
    "close",
    "reopen",
    "renegotiate",
    "reassess",
    "account_frozen",
    "root_cause",
    "mark_typical",
)


@dataclass(frozen=True)
class Change:
    """One change another user made since the version the user saw."""

    at: dt.datetime
    user: str  # display name (or user name)
    action: str  # audit action code, e.g. "progress", "transfer"
    summary: str  # one line, English (UI translates known actions itself)
    details: dict[str, Any] = field(default_factory=dict)  # the audited values (codes, names, text)


class CaseConflict(ConflictError):
    """The case changed since ``seen_version``. ``changes`` says who changed what;
    ``current_version`` is the version to re-apply on."""

    def __init__(self, number: str, seen_version: int, current_version: int, changes: list[Change]):
        super().__init__(
            msg("Someone else changed case {number} since you opened it."), number=number
        )
        self.seen_version = seen_version
        self.current_version = current_version
        self.changes = changes


@dataclass(frozen=True)
class CaseDetail:
    id: int
    number: str
    version: int
    # Template 1 (labels in the session's language; codes where a widget needs them).
    customer_name: str
    contact: str  # masked unless entitled
    contact_masked: bool
    member_number: str
    id_number: str  # masked unless entitled
    member_tier: str  # label
    complaint_time: dt.datetime
    registration_time: dt.datetime
    channel: str  # label
    type: str  # label
    subtype: str  # label
    urgency: str  # code (vocab.URGENCY)
    description: str
    customer_requests: str  # labels joined with "、"
    product: str
    merchant: str
    receiver: str  # display name
    # State.
    stage: str  # code
    is_open: bool
    level: int
    urgent: bool
    urgent_reasons: tuple[str, ...]  # codes (vocab.URGENT_REASONS)
    owner_id: int
    owner: str
    department_code: str
    department: str
    escalation_step: int
    reopen_count: int
    complex_case: bool
    needs_approval: bool
    outcome: str | None  # code
    outcome_reason: str
    first_response_at: dt.datetime | None
    solution_agreed_at: dt.datetime | None
    closed_at: dt.datetime | None
    first_response_due: dt.datetime
    solution_due: dt.datetime
    resolution_due: dt.datetime
    renegotiated_due: dt.datetime | None
    next_due: dt.datetime | None
    next_update_due: dt.datetime | None
    updated_at: dt.datetime
    updated_by: str
    actions: frozenset[str] = frozenset()  # subset of ACTIONS allowed now
    next_stages: tuple[str, ...] = ()  # stages a progress entry may move to
    follow_ups: tuple[tuple[int, str], ...] = ()  # open follow-ups: (id, reason)
    type_code: str = ""
    subtype_code: str = ""
    # The staff member complained about: the account's display name, or the name as typed.
    subject_staff: str = ""
    repeat_of_number: str = ""  # a repeat complaint: the earlier case's number
    # Account security (the subtype's handling rule is risk control): the "account frozen"
    # note (docs/rules.md#routing).
    account_security: bool = False
    account_frozen_at: dt.datetime | None = None
    customer_id: int = 0  # the customer record (services/customers.py)
    # docs/rules.md#root-causes: the cause category (code and label) and the 5W1H notes;
    # whether closing this case needs a cause (its level and the setting).
    root_cause: str = ""
    root_cause_label: str = ""
    root_cause_notes: str = ""
    cause_required: bool = False


@dataclass(frozen=True)
class TimelineEvent:
    at: dt.datetime
    kind: str  # registered, progress, closed, transfer, escalation, approval_requested,
    #               approval_decided, reminder, survey, audit
    actor: str  # display name ("" for the system)
    title: str  # short English line (the UI shows it translated where it knows the kind)
    # kind-specific values (codes, times, text)
    details: dict[str, Any] = field(default_factory=dict)
    attachments: tuple[tuple[int, str], ...] = ()  # (attachment id, file name)


@dataclass
class ProgressForm:
    """Template 2 fields of one progress entry. ``stage`` is the current stage or one of
    ``CaseDetail.next_stages``."""

    stage: str = ""
    planned_completion: dt.datetime | None = None
    actual_completion: dt.datetime | None = None
    result: str = ""
    customer_feedback: str = ""  # "" or vocab.FEEDBACK code
    feedback_comment: str = ""
    next_action: str = ""
    customer_contacted: bool = False  # this entry was a contact with the customer
    attachments: list[Path] = field(default_factory=list)


# --- rules ------------------------------------------------------------------------------


def needs_approval(case: Complaint) -> bool:
    """Level II/III and urgent cases need a supervisor's approval of the solution
    (docs/rules.md#approval)."""
    return case.urgent or case.level >= 2


def next_stages(case: Complaint) -> tuple[str, ...]:
    """Stages a progress entry may move the case to: the next one in order. Approval,
    its decision and closing have their own actions."""
    if not case.is_open:
        return ()
    nxt = {
        "registered": "assigned",
        "assigned": "investigating",
        "investigating": "solution_proposed",
        "solution_proposed": None if needs_approval(case) else "execution",
        "approval": None,
        "execution": "awaiting_confirmation",
        "awaiting_confirmation": None,
    }.get(case.stage)
    return (nxt,) if nxt else ()


def is_account_security(case: Complaint) -> bool:
    """Whether the case's subtype is handled by risk control (account security): such cases
    carry the "account frozen" note (docs/rules.md#routing)."""
    subtype = ComplaintType.get_or_none(ComplaintType.id == case.subtype_id)
    return subtype is not None and subtype.handling_rule == "risk_control"


def allowed_actions(session: Session, case: Complaint) -> frozenset[str]:
    rules = access.rules(session)
    if not rules.act.admits(case):
        # The first contact may still hand on what he registered while he owns it; beyond
        # that only handlers act.
        return frozenset()
    actions: set[str] = set()
    if case.is_open:
        actions |= {"progress", "transfer", "close", "renegotiate", "root_cause"}
        if rules.supervise.admits(case):
            actions.add("reassess")  # docs/rules.md#re-assessment
        if is_account_security(case):
            actions.add("account_frozen")
        if case.escalation_step < MAX_STEP:
            actions.add("escalate")
        if case.stage == "solution_proposed" and needs_approval(case):
            actions.add("request_approval")
        if (
            case.stage == "approval"
            and rules.supervise.admits(case)
            and (session.is_manager or not _requested_by(session, case))
        ):
            actions.add("decide_approval")
    else:
        actions.add("reopen")
        if rules.supervise.admits(case):
            # docs/rules.md#typical-case-library: supervisors of the case and managers.
            actions.add("mark_typical")
    return frozenset(actions)


def _requested_by(session: Session, case: Complaint) -> bool:
    """Whether the pending approval of the case was asked for by the session's user."""
    return (
        Approval.select()
        .where(
            Approval.complaint == case.id,
            Approval.decision == "pending",
            Approval.requested_by == session.user_id,
        )
        .exists()
    )


# --- reading -------------------------------------------------------------------------------


def _label(
    model: type[Channel] | type[ComplaintType] | type[Department] | type[CauseCategory],
    row_id: int | None,
    zh: bool,
) -> str:
    row = model.get_or_none(model.id == row_id) if row_id is not None else None
    if row is None:
        return ""
    return row.name_zh if zh else row.name_en


def _user_name(user_id: int | None) -> str:
    user = User.get_or_none(User.id == user_id) if user_id is not None else None
    return user.display_name if user else ""


def _code(
    model: type[ComplaintType] | type[Department] | type[CauseCategory], row_id: int | None
) -> str:
    row = model.get_or_none(model.id == row_id) if row_id is not None else None
    return row.code if row is not None else ""


def _subject_staff(case: Complaint) -> str:
    if case.subject_staff_id is not None:
        return _user_name(case.subject_staff_id) or (case.subject_staff_name or "")
    return case.subject_staff_name or ""


def _load(session: Session, case_id: int) -> Complaint:
    case = Complaint.get_or_none(Complaint.id == case_id)
    if case is None:
        raise NotFound(msg("No such complaint."))
    if not access.may_see(session, case):
        raise PermissionDenied(msg("Case {number} is outside your queues."), number=case.number)
    return case


def _detail(session: Session, case: Complaint) -> CaseDetail:
    zh = session.language.startswith("zh")
    lang = session.language
    visible = access.may_see_contact(session, case)
    dept = Department.get_or_none(Department.id == case.department_id)
    requests = [CUSTOMER_REQUESTS.label(c, lang) for c in split_multi(case.customer_requests)]
    if case.customer_request_other:
        requests.append(case.customer_request_other)
    return CaseDetail(
        id=case.id,
        number=case.number,
        version=case.version,
        customer_name=case.customer_name,
        contact=case.contact if visible else mask_contact(case.contact),
        contact_masked=not visible,
        member_number=case.member_number or "",
        id_number=(case.id_number or "") if visible else mask_id_number(case.id_number),
        member_tier=MEMBER_TIERS.label(case.member_tier, lang),
        complaint_time=case.complaint_time,
        registration_time=case.registration_time,
        channel=_label(Channel, case.channel_id, zh),
        type=_label(ComplaintType, case.type_id, zh),
        subtype=_label(ComplaintType, case.subtype_id, zh),
        urgency=case.urgency,
        description=case.description,
        customer_requests="、".join(requests),
        product=case.product or "",
        merchant=case.merchant or "",
        receiver=_user_name(case.receiver_id),
        stage=case.stage,
        is_open=case.is_open,
        level=case.level,
        urgent=case.urgent,
        urgent_reasons=tuple(split_multi(case.urgent_reasons)),
        owner_id=case.owner_id,
        owner=_user_name(case.owner_id),
        department_code=dept.code if dept else "",
        department=(dept.name_zh if zh else dept.name_en) if dept else "",
        escalation_step=case.escalation_step,
        reopen_count=case.reopen_count,
        complex_case=case.complex_case,
        needs_approval=needs_approval(case),
        outcome=case.outcome,
        outcome_reason=case.outcome_reason or "",
        first_response_at=case.first_response_at,
        solution_agreed_at=case.solution_agreed_at,
        closed_at=case.closed_at,
        first_response_due=case.first_response_due,
        solution_due=case.solution_due,
        resolution_due=case.resolution_due,
        renegotiated_due=case.renegotiated_due,
        next_due=case.next_due,
        next_update_due=case.next_update_due,
        updated_at=case.updated_at,
        updated_by=_user_name(case.updated_by_id),
        actions=allowed_actions(session, case),
        next_stages=next_stages(case),
        follow_ups=tuple(
            (f.id, f.reason)
            for f in FollowUp.select()
            .where(FollowUp.complaint == case.id, FollowUp.done_at.is_null())
            .order_by(FollowUp.id)
        ),
        type_code=_code(ComplaintType, case.type_id),
        subtype_code=_code(ComplaintType, case.subtype_id),
        subject_staff=_subject_staff(case),
        repeat_of_number=(
            Complaint.select(Complaint.number).where(Complaint.id == case.repeat_of_id).scalar()
            or ""
        )
        if case.repeat_of_id is not None
        else "",
        account_security=is_account_security(case),
        account_frozen_at=case.account_frozen_at,
        customer_id=case.customer_id,
        root_cause=_code(CauseCategory, case.root_cause_id),
        root_cause_label=_label(CauseCategory, case.root_cause_id, zh),
        root_cause_notes=case.root_cause_notes or "",
        cause_required=cause_required(case),
    )


@service
def get_case(session: Session, case_id: int) -> CaseDetail:
    """A case as the session may see it (contacts masked unless entitled, docs/rules.md#masking).
    Showing an entitled user the contact or ID number in full is audited (``contact_unmasked``);
    when that record cannot be written (a read-only database) they are shown masked."""
    require_staff(session)
    return _viewed(session, _load(session, case_id))


@service
def find_case(session: Session, number: str) -> CaseDetail:
    require_staff(session)
    case = Complaint.get_or_none(Complaint.number == (number or "").strip().upper())
    if case is None:
        raise NotFound(msg("No complaint has the number {number}."), number=number)
    return _viewed(session, _load(session, case.id))


def _viewed(session: Session, case: Complaint) -> CaseDetail:
    detail = _detail(session, case)
    if detail.contact_masked or not (case.contact or case.id_number):
        return detail
    shown = [f for f in ("contact", "id_number") if getattr(case, f)]
    if not audit.shown(session, "complaint", case.id, fields=shown):
        return replace(
            detail,
            contact=mask_contact(case.contact),
            contact_masked=True,
            id_number=mask_id_number(case.id_number),
        )
    return detail


def _names(ids: Iterable[int | None]) -> dict[int | None, str]:
    ids = {i for i in ids if i is not None}
    if not ids:
        return {}
    return {
        u.id: u.display_name
        for u in User.select(User.id, User.display_name).where(User.id.in_(ids))
    }


# Audit actions the timeline shows through their own rows instead.
_SHOWN_ELSEWHERE = {
    "contact_unmasked",
    "complaint_create",
    "progress",
    "transfer",
    "escalate",
    "escalate_auto",
    "approval_request",
    "approval_decision",
    "close",
    "renegotiate",
    "follow_up_create",
    "survey_create",
}


@service
def timeline(session: Session, case_id: int) -> list[TimelineEvent]:
    """Everything that happened to a case, oldest first: registration, progress entries,
    transfers, escalations, approvals, reminders, the survey and other audited events."""
    require_staff(session)
    case = _load(session, case_id)
    files: dict[int | None, list[tuple[int, str]]] = {}
    for att in Attachment.select().where(Attachment.complaint == case.id).order_by(Attachment.id):
        files.setdefault(att.progress_entry_id, []).append((att.id, att.filename))
    progress = list(ProgressEntry.select().where(ProgressEntry.complaint == case.id))
    transfers = list(Transfer.select().where(Transfer.complaint == case.id))
    escalations = list(Escalation.select().where(Escalation.complaint == case.id))
    approvals = list(Approval.select().where(Approval.complaint == case.id))
    reminder_rows = list(Reminder.select().where(Reminder.complaint == case.id))
    survey = Survey.get_or_none(Survey.complaint == case.id)
    audits = list(
        AuditLog.select().where(AuditLog.entity == "complaint", AuditLog.entity_id == case.id)
    )
    names = _names(
        [case.receiver_id]
        + [p.updated_by_id for p in progress]
        + [p.owner_id for p in progress]
        + [t.by_user_id for t in transfers]
        + [t.from_user_id for t in transfers]
        + [t.to_user_id for t in transfers]
        + [e.by_user_id for e in escalations]
        + [e.to_user_id for e in escalations]
        + [a.requested_by_id for a in approvals]
        + [a.approver_id for a in approvals]
        + [r.recipient_id for r in reminder_rows]
        + ([survey.surveyor_id] if survey else [])
        + [e.user_id for e in audits]
    )
    closings = {e.at: _json(e.details) for e in audits if e.action == "close"}
    events: list[tuple[dt.datetime, float, int, TimelineEvent]] = []

    def add(at: dt.datetime, order: float, key: int, event: TimelineEvent) -> None:
        events.append((at, order, key, event))

    add(
        case.registration_time,
        0,
        0,
        TimelineEvent(
            case.registration_time,
            "registered",
            names.get(case.receiver_id, ""),
            "Complaint registered",
            {"number": case.number},
            tuple(files.get(None, ())),
        ),
    )
    for p in progress:
        closing = closings.get(p.updated_at, {}) if p.stage == "closed" else {}
        add(
            p.updated_at,
            1,
            p.id,
            TimelineEvent(
                p.updated_at,
                "closed" if p.stage == "closed" else "progress",
                names.get(p.updated_by_id, ""),
                "Case closed"
                if p.stage == "closed"
                else f"Progress: {STAGES.label(p.stage, 'en')}",
                {
                    "outcome": closing.get("outcome", ""),
                    "confirmed": closing.get("confirmed"),
                    "stage": p.stage,
                    "owner": names.get(p.owner_id, ""),
                    "planned_completion": p.planned_completion,
                    "actual_completion": p.actual_completion,
                    "result": p.result or "",
                    "customer_feedback": p.customer_feedback or "",
                    "feedback_comment": p.feedback_comment or "",
                    "next_action": p.next_action or "",
                },
                tuple(files.get(p.id, ())),
            ),
        )
    for t in transfers:
        add(
            t.at,
            2,
            t.id,
            TimelineEvent(
                t.at,
                "transfer",
                names.get(t.by_user_id, ""),
                f"Transferred from {names.get(t.from_user_id, '-')} to {names.get(t.to_user_id)}",
                {
                    "from": names.get(t.from_user_id, ""),
                    "to": names.get(t.to_user_id, ""),
                    "reason": t.reason,
                },
            ),
        )
    for e in escalations:
        add(
            e.at,
            3,
            e.id,
            TimelineEvent(
                e.at,
                "escalation",
                "" if e.automatic else names.get(e.by_user_id, ""),
                f"Escalated to {ESCALATION_STEPS.label(str(e.to_step), 'en')}",
                {
                    "from_step": e.from_step,
                    "to_step": e.to_step,
                    "to": names.get(e.to_user_id, ""),
                    "automatic": e.automatic,
                    "reason": e.reason,
                },
            ),
        )
    for a in approvals:
        add(
            a.requested_at,
            4,
            a.id,
            TimelineEvent(
                a.requested_at,
                "approval_requested",
                names.get(a.requested_by_id, ""),
                "Solution submitted for approval",
                {"solution": a.solution},
            ),
        )
        if a.decided_at is not None:
            add(
                a.decided_at,
                5,
                a.id,
                TimelineEvent(
                    a.decided_at,
                    "approval_decided",
                    names.get(a.approver_id, ""),
                    "Solution approved" if a.decision == "approved" else "Solution rejected",
                    {"decision": a.decision, "comment": a.comment or ""},
                ),
            )
    for r in reminder_rows:
        add(
            r.created_at,
            6,
            r.id,
            TimelineEvent(
                r.created_at,
                "reminder",
                "",
                f"Reminder: {r.kind}",
                {
                    "kind": r.kind,
                    "target": r.target or "",
                    "due_at": r.due_at,
                    "recipient": names.get(r.recipient_id, ""),
                    # The scan's own text is English (the reminders panel builds the sentence in
                    # the UI language from kind, target and time); what people typed is kept.
                    "message": ""
                    if r.due_at is not None
                    and r.complaint_id is not None
                    and r.fire_key == reminders.fire_key(r.kind, r.target, r.complaint_id, r.due_at)
                    else r.message,
                },
            ),
        )
    if survey is not None:
        add(
            survey.survey_time,
            7,
            survey.id,
            TimelineEvent(
                survey.survey_time,
                "survey",
                names.get(survey.surveyor_id, ""),
                f"Satisfaction survey: overall {survey.overall}/5",
                {
                    "timeliness": survey.timeliness,
                    "effectiveness": survey.effectiveness,
                    "attitude": survey.attitude,
                    "overall": survey.overall,
                    "suggestions": survey.suggestions or "",
                },
            ),
        )
    zh = session.language.startswith("zh")
    for entry in audits:
        if entry.action in _SHOWN_ELSEWHERE:
            continue
        details = _json(entry.details)
        actor = names.get(entry.user_id) or entry.username
        title = _AUDIT_TITLES.get(entry.action, entry.action)
        if entry.action == "complaint_routed":
            details, title = _routed_event(details)
        elif entry.action == "reassess":
            details = _reassessed_details(details, zh)
            title = f"Re-assessed by {actor}: {_reassessed_summary(details)}"
        elif entry.action == "account_frozen":
            title = "Account frozen: yes" if details.get("frozen") else "Account frozen: no"
            for key in ("frozen_at", "previously_frozen_at"):
                details[key] = _time(details.get(key))
        add(
            entry.at,
            0.5,
            entry.id,
            TimelineEvent(entry.at, "audit", actor, title, {"action": entry.action, **details}),
        )
    events.sort(key=lambda e: (e[0], e[1], e[2]))
    return [e[3] for e in events]


_AUDIT_TITLES = {
    "reopen": "Case reopened",
    "urgent_batch": "Marked urgent: batch complaint",
    "contact_unmasked": "Contact details shown",
    "survey_attempt": "Survey call attempt",
    "survey_skipped": "Not to be surveyed",
    "follow_up_done": "Follow-up done",
    "root_cause": "Root cause recorded",
}


def _routed_event(details: dict[str, Any]) -> tuple[dict[str, Any], str]:
    """The routing decision's audit details with the owner's display name, and its title
    (docs/rules.md#routing)."""
    username = details.get("owner")
    user = User.get_or_none(User.username == username) if isinstance(username, str) else None
    owner = user.display_name if user is not None else str(username or "")
    rule = str(details.get("rule") or "")
    title = f"Assigned by rule: {ROUTE_RULES.label(rule, 'en')} → {owner}"
    if details.get("fallback"):
        title += " (fallback: the rule could not be met)"
    return {**details, "owner": owner}, title


# The re-assessment's audited changes, each [before, after] (docs/rules.md#re-assessment).
REASSESS_CHANGES = (
    "urgent",
    "level",
    "type",
    "subtype",
    "department",
    "owner",
    "first_response_due",
    "solution_due",
    "resolution_due",
)


def _reassessed_details(details: dict[str, Any], zh: bool) -> dict[str, Any]:
    """The audited codes of a re-assessment as the timeline shows them: type and department
    names in the session's language, times as times."""
    shown = dict(details)
    for key, model in (
        ("type", ComplaintType),
        ("subtype", ComplaintType),
        ("department", Department),
    ):
        pair = details.get(key)
        if isinstance(pair, list) and len(pair) == 2:
            rows = {
                r.code: (r.name_zh if zh else r.name_en)
                for r in model.select().where(model.code.in_([str(c) for c in pair]))
            }
            shown[key] = [rows.get(str(c), str(c)) for c in pair]
    for key in ("first_response_due", "solution_due", "resolution_due"):
        pair = details.get(key)
        if isinstance(pair, list) and len(pair) == 2:
            shown[key] = [_time(v) for v in pair]
    return shown


def _time(value: Any) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _reassessed_summary(details: dict[str, Any]) -> str:
    """One English line of what a re-assessment changed."""
    parts = []
    urgent = details.get("urgent")
    if isinstance(urgent, list) and len(urgent) == 2:
        parts.append("marked urgent" if urgent[1] else "urgent mark removed")
    level = details.get("level")
    if isinstance(level, list) and len(level) == 2:
        parts.append(
            f"level {LEVEL_ROMAN.get(level[0], level[0])} → {LEVEL_ROMAN.get(level[1], level[1])}"
        )
    for key in ("subtype", "department", "owner"):
        pair = details.get(key)
        if isinstance(pair, list) and len(pair) == 2:
            parts.append(f"{key} {pair[0]} → {pair[1]}")
    return "; ".join(parts)


def _json(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


@service
def attachment_file(session: Session, attachment_id: int) -> tuple[str, Path]:
    """(file name, stored path) of an evidence file of a case the session may see. Raises
    NotFound when the row is gone or its file is not in this PC's attachments folder (a
    shared database needs a shared ``attachments.folder``)."""
    require_staff(session)
    row = Attachment.get_or_none(Attachment.id == attachment_id)
    if row is None:
        raise NotFound(msg("No such attachment."))
    _load(session, row.complaint_id)
    if row.kind != "file" or not row.sha256:
        raise NotFound(
            msg("{name} is a recording reference, kept by the telephone system."), name=row.filename
        )
    path = attachments.stored_path(row.sha256, row.filename)
    if not path.is_file():
        raise NotFound(
            msg(
                "The file {name} is not in the attachments folder ({folder}). On a "
                "shared database, set the same attachments folder on every PC."
            ),
            name=row.filename,
            folder=str(path.parent.parent),
        )
    return row.filename, path


@service
def assignees(session: Session, case_id: int) -> list[tuple[int, str, str]]:
    """Active staff the case may go to, its department's people first, the owner left out."""
    require_staff(session)
    case = _load(session, case_id)
    in_department = {
        link.user_id
        for link in UserDepartment.select(UserDepartment.user).where(
            UserDepartment.department == case.department_id
        )
    }
    users = (
        User.select()
        .where(User.active, User.role.in_(HANDLER_ROLES), User.id != case.owner_id)
        .order_by(User.display_name)
    )
    rows = [(u.id, u.display_name, u.role) for u in users]
    return sorted(rows, key=lambda r: r[0] not in in_department)


def create_follow_up(
    session: Session,
    case: Complaint,
    ctx: sla.SlaContext,
    *,
    reason: str,
    survey_id: int | None = None,
) -> int:
    """A follow-up of an unhappy customer for the case's supervisor (the owner's, else one
    of the department's, else a manager), announced by a reminder. Inside a transaction."""
    to_user = reminders.escalation_target(
        case.owner_id, case.department_id, 1, ctx
    ) or reminders.escalation_target(case.owner_id, case.department_id, 2, ctx)
    now = session.now()
    follow_up = FollowUp.create(
        complaint=case, survey=survey_id, assigned_to=to_user, reason=reason, created_at=now
    )
    Reminder.create(
        complaint=case,
        kind="follow_up",
        due_at=now,
        fire_key=f"follow_up:{case.id}:{follow_up.id}",
        recipient=to_user,
        department=case.department_id,
        created_at=now,
        message=reason,
    )
    audit.record(
        session,
        "follow_up_create",
        "complaint",
        case.id,
        follow_up=follow_up.id,
        assigned_to=to_user,
        reason=reason,
    )
    return follow_up.id


# --- changing --------------------------------------------------------------------------------


def changes_since(case: Complaint, seen_version: int) -> list[Change]:
    """Who changed the case after ``seen_version``: audited actions that recorded the
    version they produced; the case's last writer when none did (automatic changes)."""
    changes = []
    rows = (
        AuditLog.select()
        .where(AuditLog.entity == "complaint", AuditLog.entity_id == case.id)
        .order_by(AuditLog.id.desc())
        .limit(50)
    )
    for entry in rows:
        details = _json(entry.details)
        version = details.get("version")
        if isinstance(version, int) and version > seen_version:
            changes.append(
                Change(
                    entry.at, entry.username, entry.action, _summary(entry.action, details), details
                )
            )
    changes.reverse()
    if not changes:
        changes.append(
            Change(
                case.updated_at,
                _user_name(case.updated_by_id) or "system",
                "update",
                "changed the case",
            )
        )
    return changes


def _summary(action: str, d: dict[str, Any]) -> str:
    if action == "progress":
        text = f"progress entry, stage {d.get('stage', '')}"
        return text + (f": {d['result']}" if d.get("result") else "")
    if action == "transfer":
        return f"transferred to {d.get('to_name', '')}: {d.get('reason', '')}"
    if action == "escalate":
        return f"escalated to step {d.get('to_step')}: {d.get('reason', '')}"
    if action == "approval_request":
        return "submitted the solution for approval"
    if action == "approval_decision":
        return f"{d.get('decision', '')} the solution"
    if action == "close":
        return f"closed the case ({d.get('outcome', '')})"
    if action == "reopen":
        return f"reopened the case: {d.get('reason', '')}"
    if action == "renegotiate":
        return f"renegotiated the resolution date to {d.get('new_due', '')}"
    if action == "reassess":
        return f"re-assessed the case: {d.get('reason', '')}"
    if action == "root_cause":
        return f"recorded the root cause {d.get('root_cause', '') or '-'}"
    if action == "account_frozen":
        return (
            "recorded the account as frozen"
            if d.get("frozen")
            else "cleared the account frozen note"
        )
    return action


@contextmanager
def _changing(
    session: Session,
    case_id: int,
    version: int,
    *,
    check: Callable[[Session, Complaint], bool] = access.may_act,
    denied: str = msg(
        "Only the case's owner, its supervisors and managers may change case {number}."
    ),
) -> Iterator[tuple[Complaint, sla.SlaContext, dt.datetime]]:
    """One workflow action: the write lock, the case read again, scope, permission and
    version checked (``denied``: the refusal's message); after the block the deadlines are
    refreshed, the version bumped and the case saved, all in one transaction."""
    require_staff(session)
    ctx = sla.SlaContext.load()
    now = session.now()
    with write_lock(database_proxy.obj):
        # The case's row only (PostgreSQL): a second PC changing it waits here, then reads
        # the first one's version and gets the conflict (docs/rules.md#several-pcs-writing-at-once).
        lock_rows(database_proxy.obj, "complaint", [case_id])
        case = _load(session, case_id)
        # The conflict first: "someone transferred it away" explains a refusal that follows.
        if case.version != version:
            raise CaseConflict(case.number, version, case.version, changes_since(case, version))
        if not check(session, case):
            raise PermissionDenied(denied, number=case.number)
        yield case, ctx, now
        rule = ComplaintType.get_by_id(case.subtype_id).callback_rule
        sla.refresh_case(case, ctx, rule)
        case.version += 1
        case.updated_at, case.updated_by_id = now, session.user_id
        case.save()


def _record(session: Session, action: str, case: Complaint, **details: Any) -> None:
    """Audit entry stamped with the version the action produces (read by conflicts)."""
    audit.record(session, action, "complaint", case.id, version=case.version + 1, **details)


def _text(value: str | None, field_name: str, message: str) -> str:
    text = checked_text(value, field_name)
    if not text:
        raise ValidationError(message, field=field_name)
    return text


def _refuse_stage(session: Session, case: Complaint, stage: str) -> None:
    if stage == "approval" or (case.stage == "solution_proposed" and needs_approval(case)):
        raise ValidationError(
            msg("This case needs a supervisor's approval of the solution: submit it for approval."),
            field="stage",
        )
    if stage == "closed":
        raise ValidationError(
            msg('Close the case with "Close case": it asks for the outcome.'), field="stage"
        )
    if case.stage == "approval":
        raise ValidationError(msg("The solution awaits a supervisor's decision."), field="stage")
    allowed = next_stages(case)
    if not allowed:
        raise ValidationError(
            msg("Case {number} moves on from {current} through its own action."),
            field="stage",
            number=case.number,
            current=STAGES.label(case.stage, session.language),
        )
    raise ValidationError(
        msg("From {current} the case can only move to {allowed}."),
        field="stage",
        current=STAGES.label(case.stage, session.language),
        allowed=STAGES.label(allowed[0], session.language),
    )


def _check_time(
    value: dt.datetime | None,
    field_name: str,
    case: Complaint,
    now: dt.datetime,
    *,
    past_only: bool,
) -> None:
    if value is None:
        return
    if not isinstance(value, dt.datetime) or value.tzinfo is not None:
        raise ValidationError(msg("Enter a date and a time."), field=field_name)
    if value < case.complaint_time:
        raise ValidationError(msg("This time is before the complaint was made."), field=field_name)
    if past_only and value > now + FUTURE_TOLERANCE:
        raise ValidationError(msg("This time is in the future."), field=field_name)


def _contacted(case: Complaint, now: dt.datetime) -> None:
    if case.first_response_at is None:
        case.first_response_at = now


def _enter_execution(case: Complaint, now: dt.datetime) -> None:
    case.stage = "execution"
    _contacted(case, now)
    if case.solution_agreed_at is None:
        case.solution_agreed_at = now


@service
def add_progress(session: Session, case_id: int, form: ProgressForm, *, version: int) -> CaseDetail:
    """A template-2 progress entry; moves the case to ``form.stage`` when that is the next
    stage. Contact with the customer (``customer_contacted`` or feedback) records the first
    response and restarts the progress-update cadence; entering execution records the
    solution agreed."""
    require_staff(session)
    result = checked_text(form.result, "result")
    next_action = checked_text(form.next_action, "next_action", maximum=200)
    comment = checked_text(form.feedback_comment, "feedback_comment")
    feedback = form.customer_feedback
    if feedback and (not isinstance(feedback, str) or feedback.strip() not in FEEDBACK):
        raise ValidationError(
            msg("Choose the customer's feedback from the list."), field="customer_feedback"
        )
    feedback = (feedback or "").strip()
    if not isinstance(form.stage, str | None):
        raise ValidationError(msg("Choose the stage from the list."), field="stage")
    if not isinstance(form.customer_contacted, bool):
        raise ValidationError(
            msg("Say whether the customer was contacted (yes or no)."), field="customer_contacted"
        )
    if not isinstance(form.attachments, list | tuple) or not all(
        isinstance(path, str | Path) for path in form.attachments
    ):
        raise ValidationError(msg("Choose the files to attach again."), field="attachments")
    max_bytes = int(settings_service.get("attachments.max_megabytes")) * 1048576
    for path in form.attachments:  # the allow-list (docs/rules.md#attachments)
        problem = attachments.check_file(str(path), max_bytes)
        if problem is not None:
            raise ValidationError(problem.template, field="attachments", **problem.params)
    try:
        stored = [attachments.store_file(str(path)) for path in form.attachments]
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the path
        raise ValidationError(
            msg("A file could not be copied: {reason}"), field="attachments", reason=str(exc)
        ) from exc
    with _changing(session, case_id, version) as (case, ctx, now):
        if not case.is_open:
            raise ValidationError(
                msg("Case {number} is closed; reopen it first."), field="stage", number=case.number
            )
        stage = form.stage or case.stage
        if stage != case.stage and stage not in next_stages(case):
            _refuse_stage(session, case, stage)
        if stage == case.stage and not (
            result or next_action or feedback or stored or form.customer_contacted
        ):
            raise ValidationError(
                msg("Write what was done, or move the case to its next stage."), field="result"
            )
        _check_time(form.actual_completion, "actual_completion", case, now, past_only=True)
        _check_time(form.planned_completion, "planned_completion", case, now, past_only=False)
        _record(session, "progress", case, stage=stage, from_stage=case.stage, result=result)
        if stage == "execution":
            _enter_execution(case, now)
        case.stage = stage
        if form.customer_contacted or feedback:
            _contacted(case, now)
            case.last_update_at = now
        if feedback == "not_satisfied":
            create_follow_up(
                session,
                case,
                ctx,
                reason="Customer not satisfied" + (f": {comment}" if comment else ""),
            )
        entry = ProgressEntry.create(
            complaint=case,
            stage=stage,
            owner=case.owner_id,
            planned_completion=form.planned_completion,
            actual_completion=form.actual_completion,
            result=result or None,
            customer_feedback=feedback or None,
            feedback_comment=comment or None,
            next_action=next_action or None,
            updated_at=now,
            updated_by=session.user_id,
        )
        attachments.add_rows(case.id, session.user_id, stored, "", now, entry.id)
    return _detail(session, case)


def _target_department(user: User, case: Complaint) -> int:
    links = [
        link.department_id for link in UserDepartment.select().where(UserDepartment.user == user.id)
    ]
    if not links or case.department_id in links:
        return case.department_id
    return sorted(links)[0]


@service
def transfer(
    session: Session, case_id: int, to_user_id: int, reason: str, *, version: int
) -> CaseDetail:
    """Assign or transfer the case to another person, with the reason (首问责任制): the
    new owner answers for it from now on. A registered case becomes assigned. When the new
    owner works in another department, the case moves to that department."""
    require_staff(session)
    reason = _text(reason, "reason", msg("Give the reason for the transfer."))
    with _changing(session, case_id, version) as (case, _ctx, now):
        if not case.is_open:
            raise ValidationError(
                msg("Case {number} is closed."), field="assignee", number=case.number
            )
        to_user = User.get_or_none(User.id == to_user_id)
        if to_user is None or not to_user.active or to_user.role not in HANDLER_ROLES:
            raise ValidationError(msg("Choose an active member of staff."), field="assignee")
        if to_user.id == case.owner_id:
            raise ValidationError(
                msg("{name} already owns this case."), field="assignee", name=to_user.display_name
            )
        department = _target_department(to_user, case)
        Transfer.create(
            complaint=case,
            from_user=case.owner_id,
            to_user=to_user.id,
            from_department=case.department_id,
            to_department=department,
            reason=reason,
            by_user=session.user_id,
            at=now,
        )
        _record(
            session,
            "transfer",
            case,
            from_user=case.owner_id,
            to_user=to_user.id,
            to_name=to_user.display_name,
            reason=reason,
        )
        case.owner_id = to_user.id
        case.department_id = department
        if case.stage == "registered":
            case.stage = "assigned"
    return _detail(session, case)


@service
def escalate(session: Session, case_id: int, reason: str, *, version: int) -> CaseDetail:
    """Escalate one step up the chain (owner → owner's supervisor → customer-service
    manager → head of operations), recorded, and notify the new level by a reminder."""
    require_staff(session)
    reason = _text(reason, "reason", msg("Give the reason for the escalation."))
    with _changing(session, case_id, version) as (case, ctx, now):
        if not case.is_open:
            raise ValidationError(
                msg("Case {number} is closed."), field="reason", number=case.number
            )
        if case.escalation_step >= MAX_STEP:
            raise ValidationError(
                msg("Case {number} is already at the head of operations."),
                field="reason",
                number=case.number,
            )
        step = case.escalation_step + 1
        to_user = reminders.escalation_target(case.owner_id, case.department_id, step, ctx)
        escalation = Escalation.create(
            complaint=case,
            from_step=case.escalation_step,
            to_step=step,
            to_user=to_user,
            reason=reason,
            automatic=False,
            by_user=session.user_id,
            at=now,
        )
        Reminder.create(
            complaint=case,
            kind="escalated",
            target=None,
            due_at=now,
            fire_key=f"escalated:manual:{case.id}:{escalation.id}",
            recipient=to_user,
            department=case.department_id,
            created_at=now,
            message=reason,
        )
        _record(session, "escalate", case, to_step=step, to_user=to_user, reason=reason)
        case.escalation_step = step
    return _detail(session, case)


@service
def request_approval(session: Session, case_id: int, solution: str, *, version: int) -> CaseDetail:
    """Submit the proposed solution of a level II/III or urgent case to a supervisor."""
    require_staff(session)
    solution = _text(solution, "solution", msg("Describe the proposed solution."))
    with _changing(session, case_id, version) as (case, ctx, now):
        if case.stage != "solution_proposed":
            raise ValidationError(
                msg(
                    "Only a proposed solution can be submitted for approval; "
                    "case {number} is at {stage}."
                ),
                field="solution",
                number=case.number,
                stage=STAGES.label(case.stage, session.language),
            )
        if not needs_approval(case):
            raise ValidationError(
                msg("Level I cases need no approval: move the case to execution."), field="solution"
            )
        approval = Approval.create(
            complaint=case, solution=solution, requested_by=session.user_id, requested_at=now
        )
        # The supervisor hears of it in the reminders list (the owner's, else one of the
        # department's; a manager when there is none).
        approver = reminders.escalation_target(
            case.owner_id, case.department_id, 1, ctx
        ) or reminders.escalation_target(case.owner_id, case.department_id, 2, ctx)
        if approver is not None and approver != session.user_id:
            Reminder.create(
                complaint=case,
                kind="approval_requested",
                due_at=now,
                fire_key=f"approval_requested:{case.id}:{approval.id}",
                recipient=approver,
                department=case.department_id,
                created_at=now,
                message=solution,
            )
        _record(session, "approval_request", case, solution=solution)
        case.stage = "approval"
    return _detail(session, case)


@service
def decide_approval(
    session: Session, case_id: int, approve: bool, comment: str, *, version: int
) -> CaseDetail:
    """A supervisor approves the solution (the case goes to execution, solution agreed) or
    rejects it with a comment (back to solution proposed)."""
    require_staff(session)
    comment = checked_text(comment, "comment")
    if not approve and not comment:
        raise ValidationError(msg("Say why the solution is rejected."), field="comment")
    with _changing(session, case_id, version, check=access.supervises) as (case, _ctx, now):
        pending = (
            Approval.select()
            .where(Approval.complaint == case.id, Approval.decision == "pending")
            .order_by(Approval.id.desc())
            .first()
        )
        if case.stage != "approval" or pending is None:
            raise ValidationError(
                msg("Case {number} has no solution awaiting approval."),
                field="comment",
                number=case.number,
            )
        if pending.requested_by_id == session.user_id and not session.is_manager:
            raise PermissionDenied(
                msg("A solution you submitted needs another supervisor's or a manager's approval.")
            )
        decision = "approved" if approve else "rejected"
        pending.decision, pending.approver = decision, session.user_id
        pending.decided_at, pending.comment = now, comment or None
        pending.save()
        # The request is answered: its reminder leaves every list.
        (
            Reminder.update(acknowledged_at=now, acknowledged_by=session.user_id)
            .where(
                Reminder.fire_key == f"approval_requested:{case.id}:{pending.id}",
                Reminder.acknowledged_at.is_null(),
            )
            .execute()
        )
        _record(session, "approval_decision", case, decision=decision, comment=comment)
        if approve:
            _enter_execution(case, now)
        else:
            case.stage = "solution_proposed"
    return _detail(session, case)


@service
def close_case(
    session: Session,
    case_id: int,
    *,
    confirmed: bool,
    outcome: str,
    reason: str,
    version: int,
    root_cause: str | None = None,
    root_cause_notes: str | None = None,
) -> CaseDetail:
    """Close the loop: with the customer's confirmation (from execution or awaiting
    confirmation), or without it from any stage with an outcome and the reason why. The
    satisfaction survey falls due 24–48 hours later. ``root_cause`` (a category code) and
    ``root_cause_notes`` record the cause as the case closes (None: keep what is recorded);
    from the level ``rules.cause_required_from_level`` on a case closes only with a cause
    (docs/rules.md#root-causes)."""
    require_staff(session)
    reason = checked_text(reason, "outcome_reason")
    cause = _cause_row(root_cause)
    notes = None if root_cause_notes is None else checked_text(root_cause_notes, "root_cause_notes")
    if not isinstance(outcome, str) or outcome not in OUTCOMES:
        raise ValidationError(msg("Choose the outcome."), field="outcome")
    if not confirmed and not reason:
        raise ValidationError(
            msg("Without the customer's confirmation, give the reason for closing."),
            field="outcome_reason",
        )
    with _changing(session, case_id, version) as (case, ctx, now):
        if not case.is_open:
            raise ValidationError(
                msg("Case {number} is already closed."), field="outcome", number=case.number
            )
        if confirmed and case.stage not in ("execution", "awaiting_confirmation"):
            raise ValidationError(
                msg(
                    "The customer can confirm a solution only once it is being "
                    "carried out; case {number} is at {stage}."
                ),
                field="confirmed",
                number=case.number,
                stage=STAGES.label(case.stage, session.language),
            )
        if cause is not None:
            case.root_cause_id = cause.id
        if notes is not None:
            case.root_cause_notes = notes or None
        if case.root_cause_id is None and cause_required(case):
            raise ValidationError(
                msg("A level {level} case closes only with its root cause: choose the cause."),
                field="root_cause",
                level=LEVEL_ROMAN[case.level],
            )
        _record(
            session,
            "close",
            case,
            confirmed=confirmed,
            outcome=outcome,
            reason=reason,
            from_stage=case.stage,
            root_cause=_code(CauseCategory, case.root_cause_id),
        )
        ProgressEntry.create(
            complaint=case,
            stage="closed",
            owner=case.owner_id,
            actual_completion=now,
            result=reason or None,
            customer_feedback="satisfied" if confirmed else None,
            updated_at=now,
            updated_by=session.user_id,
        )
        if confirmed:
            _contacted(case, now)
        case.stage, case.is_open, case.closed_at = "closed", False, now
        case.outcome, case.outcome_reason = outcome, reason or None
        case.survey_due = survey_window(now, ctx.policy)[1]
    return _detail(session, case)


def cause_required(case: Complaint) -> bool:
    """Whether the case closes only with a root cause: its level is at least
    ``rules.cause_required_from_level`` (docs/rules.md#root-causes)."""
    return bool(case.level >= int(settings_service.get("rules.cause_required_from_level")))


def _cause_row(code: str | None) -> CauseCategory | None:
    """The active category of ``code`` (None or "": none given), else ValidationError."""
    if code is None or code == "":
        return None
    row = (
        CauseCategory.get_or_none(CauseCategory.code == code, CauseCategory.active)
        if isinstance(code, str)
        else None
    )
    if row is None:
        raise ValidationError(msg("Choose the root cause from the list."), field="root_cause")
    return row


@service
def set_root_cause(
    session: Session, case_id: int, *, root_cause: str, root_cause_notes: str, version: int
) -> CaseDetail:
    """Record the root cause [原因分类] and the 5W1H notes [原因分析] of an open case, during
    investigation (docs/rules.md#root-causes). An empty ``root_cause`` clears it."""
    cause = _cause_row(root_cause)
    notes = checked_text(root_cause_notes, "root_cause_notes")
    with _changing(session, case_id, version) as (case, _ctx, _now):
        if not case.is_open:
            raise ValidationError(
                msg("Case {number} is already closed."), field="root_cause", number=case.number
            )
        before = _code(CauseCategory, case.root_cause_id)
        after = cause.code if cause is not None else ""
        if before == after and (case.root_cause_notes or "") == notes:
            raise ValidationError(msg("Nothing to change."), field="root_cause")
        _record(
            session,
            "root_cause",
            case,
            root_cause=after,
            previous_root_cause=before,
            notes=notes,
        )
        case.root_cause_id = cause.id if cause is not None else None
        case.root_cause_notes = notes or None
    return _detail(session, case)


@service
def reopen_case(session: Session, case_id: int, reason: str, *, version: int) -> CaseDetail:
    """Reopen a closed case. It becomes an escalated complaint
    (docs/rules.md#closing-and-reopening): level III, urgent with the reason "reopened", handled by
    the owner's supervisor when the owner is a clerk, with new deadlines counted from now."""
    require_staff(session)
    reason = _text(reason, "reason", msg("Give the reason for reopening."))
    with _changing(session, case_id, version) as (case, _ctx, now):
        if case.is_open:
            raise ValidationError(
                msg("Case {number} is still open."), field="reason", number=case.number
            )
        _record(session, "reopen", case, reason=reason, previous_outcome=case.outcome)
        owner = User.get_or_none(User.id == case.owner_id)
        if owner is not None and owner.role == "clerk" and owner.supervisor_id:
            Transfer.create(
                complaint=case,
                from_user=owner.id,
                to_user=owner.supervisor_id,
                from_department=case.department_id,
                to_department=case.department_id,
                by_user=session.user_id,
                at=now,
                reason=f"Reopened (escalated complaint): {reason}",
            )
            case.owner_id = owner.supervisor_id
        case.stage, case.is_open, case.reopened_at = "assigned", True, now
        case.reopen_count += 1
        case.level = 3
        sla.add_urgent_reason(case, "reopened")
        case.outcome = case.outcome_reason = case.closed_at = None
        case.first_response_at = case.solution_agreed_at = None
        case.survey_due = case.renegotiated_due = case.last_update_at = None
        case.complex_case = False
    sla_rewind(session)
    return _detail(session, case)


def sla_rewind(session: Session) -> None:
    """New deadlines may lie behind the reminder scan's watermark: let it look again."""
    reminders.rewind_scan()


@service
def renegotiate(
    session: Session, case_id: int, new_due: dt.datetime, reason: str, *, version: int
) -> CaseDetail:
    """A complex case (复杂投诉): the resolution date agreed anew with the customer, at most
    ``sla.complex_max_days`` working days after registration (docs/rules.md#deadlines).
    Recorded in the case's progress history and the audit log."""
    reason = _text(reason, "reason", msg("Give the reason agreed with the customer."))
    with _changing(session, case_id, version) as (case, ctx, now):
        if not case.is_open:
            raise ValidationError(
                msg("Case {number} is closed."), field="renegotiated_due", number=case.number
            )
        limit = complex_case_limit(ctx.calendar, case.registration_time, ctx.policy)
        if new_due > limit:
            raise ValidationError(
                msg(
                    "A complex case must be resolved within {days} working days of "
                    "registration: by {limit} at the latest."
                ),
                field="renegotiated_due",
                days=ctx.policy["sla.complex_max_days"],
                limit=f"{limit:%Y-%m-%d %H:%M}",
            )
        if new_due <= now:
            raise ValidationError(
                msg("The new resolution date must be in the future."), field="renegotiated_due"
            )
        old_due = case.resolution_due
        case.complex_case = True
        case.renegotiated_due = new_due
        ProgressEntry.create(
            complaint=case,
            stage=case.stage,
            owner=case.owner_id,
            planned_completion=new_due,
            result=f"Resolution date renegotiated with the customer: {reason}",
            updated_at=now,
            updated_by=session.user_id or case.owner_id,
        )
        _record(session, "renegotiate", case, old_due=old_due, new_due=new_due, reason=reason)
    return _detail(session, Complaint.get_by_id(case_id))


# --- re-assessment (docs/rules.md#re-assessment) ------------------------------------------


def _effective_rule(subtype: ComplaintType) -> str:
    """The subtype's handling rule as routing reads it (the merchant notice is the
    receiver's rule)."""
    rule = subtype.handling_rule or "receiver"
    return "receiver" if rule == "receiver_notify_merchant" else rule


def _reference_row(
    model: type[ComplaintType] | type[Department], code: object, field_name: str
) -> Any:
    if not isinstance(code, str) or not code.strip():
        raise ValidationError(msg("Choose a value from the list."), field=field_name)
    row = model.get_or_none(model.code == code.strip())
    if row is None or not row.active:
        raise ValidationError(msg("Choose a value from the list."), field=field_name)
    return row


def _new_subtype(case: Complaint, type_code: object, subtype_code: object) -> ComplaintType:
    """The subtype a re-assessment asks for (the current one when it names none)."""
    current = ComplaintType.get_by_id(case.subtype_id)
    category = None
    if type_code is not None:
        category = _reference_row(ComplaintType, type_code, "type")
        if category.parent_id is not None:
            raise ValidationError(msg("Choose a value from the list."), field="type")
    if subtype_code is None:
        if category is not None and category.id != current.parent_id:
            raise ValidationError(msg("Choose the subtype."), field="subtype")
        return current
    subtype: ComplaintType = _reference_row(ComplaintType, subtype_code, "subtype")
    if subtype.parent_id is None:
        raise ValidationError(msg("Choose the subtype."), field="subtype")
    if category is not None and subtype.parent_id != category.id:
        raise ValidationError(msg("Choose a subtype of the chosen type."), field="subtype")
    return subtype


def reassess_state(case: Complaint, subtype: ComplaintType) -> dict[str, Any]:
    """What a re-assessment may change (``REASSESS_CHANGES``), as its audit entry shows it."""
    return {
        "urgent": case.urgent,
        "level": case.level,
        "type": _code(ComplaintType, case.type_id),
        "subtype": subtype.code,
        "department": _code(Department, case.department_id),
        "owner": case.owner_id,
        "first_response_due": case.first_response_due,
        "solution_due": case.solution_due,
        "resolution_due": case.resolution_due,
    }


def finish_reassessment(
    session: Session,
    case: Complaint,
    ctx: sla.SlaContext,
    now: dt.datetime,
    *,
    before: dict[str, Any],
    subtype: ComplaintType,
    old_subtype: ComplaintType,
    floor: int,
    reason: str,
    urgent_reason: str = "",
    report_up: bool = False,
    **details: Any,
) -> None:
    """The rest of a re-assessment (docs/rules.md#re-assessment) once the caller changed
    urgency, level, type or department of ``case`` (``before``: ``_reassess_state`` taken
    first; ``floor``: the subtype's own level): the deadlines again from the complaint time;
    routed again when urgency, the handling rule or level III changed (the receiver stays; a
    level raised above ``floor`` to III counts as an escalated complaint); the audit entry
    of every change; a case made urgent (or ``report_up``) reported up at once. Used by
    ``reassess`` and by a customer's change (``customers.update_customer``)."""
    sla.refresh_case(case, ctx, subtype.callback_rule)
    route = None
    if (
        before["urgent"] != case.urgent
        or (before["level"] >= 3) != (case.level >= 3)
        or _effective_rule(subtype) != _effective_rule(old_subtype)
    ):
        route = routing.route_for(case, subtype, repeat=case.level >= 3 > floor)
        case.owner_id = route.owner
    after = reassess_state(case, subtype)
    changes: dict[str, list[Any]] = {
        key: [before[key], after[key]] for key in REASSESS_CHANGES if before[key] != after[key]
    }
    if "owner" in changes:
        names = _names(changes["owner"])
        changes["owner"] = [names.get(i, "") for i in changes["owner"]]
    _record(
        session,
        "reassess",
        case,
        reason=reason,
        urgent_reason=urgent_reason,
        **details,
        **changes,
    )
    if route is not None:
        routing.record(session, case, route)
    if report_up or (case.urgent and not before["urgent"]):
        # Urgent now: the receiver's supervisor and the manager hear at once. Once per case
        # and person.
        routing.report_up(session, case, now)


@service
def reassess(
    session: Session,
    case_id: int,
    *,
    version: int,
    urgent: bool | None = None,
    urgent_reason: str = "",
    level: int | None = None,
    type_code: str | None = None,
    subtype_code: str | None = None,
    department_code: str | None = None,
    reason: str = "",
) -> CaseDetail:
    """Re-assess an open case during handling (seed 000 §二(二).2, docs/rules.md#re-assessment):
    mark it urgent, raise its level, correct its type, subtype or department. The owner's
    supervisor (or a supervisor of its department) or a manager; taking the urgent mark off
    or lowering the level only a manager. A reason is always given (when only marking urgent,
    the urgent reason is it). ``None`` (or the current value) leaves a field as it is.

    The deadlines are computed again from the complaint time (earliest wins, the new
    subtype's callback rule); when the change alters who should handle the case (urgency,
    the subtype's handling rule, level III) it is routed again (the receiver stays), and a
    case made urgent is reported up at once (``routing.report_up``)."""
    require_staff(session)
    reason = checked_text(reason, "reason")
    urgent_reason = checked_text(urgent_reason, "urgent_reason", maximum=200)
    if urgent is not None and not isinstance(urgent, bool):
        raise ValidationError(msg("Say whether the case is urgent (yes or no)."), field="urgent")
    if level is not None and (isinstance(level, bool) or level not in (1, 2, 3)):
        raise ValidationError(msg("Choose the level from the list."), field="level")
    with _changing(
        session,
        case_id,
        version,
        check=access.supervises,
        denied=msg("Only a supervisor of case {number} or a manager may re-assess it."),
    ) as (case, ctx, now):
        if not case.is_open:
            raise ValidationError(
                msg("Case {number} is closed and cannot be re-assessed; reopen it first."),
                number=case.number,
            )
        old_subtype = ComplaintType.get_by_id(case.subtype_id)
        subtype = _new_subtype(case, type_code, subtype_code)
        department = (
            _reference_row(Department, department_code, "department")
            if department_code is not None
            else None
        )
        before = reassess_state(case, old_subtype)
        old_level = case.level
        marking = urgent is True and not case.urgent
        unmarking = urgent is False and case.urgent
        if unmarking and not session.is_manager:
            raise PermissionDenied(
                msg("Only a manager may take the urgent mark off a case."), field="urgent"
            )
        if level is not None and level < case.level and not session.is_manager:
            raise PermissionDenied(msg("Only a manager may lower a case's level."), field="level")
        if marking and not (urgent_reason or reason):
            raise ValidationError(msg("Say why the case is urgent."), field="urgent_reason")
        why = reason or urgent_reason
        if not why:
            raise ValidationError(msg("Give the reason for the re-assessment."), field="reason")

        reopened = case.reopen_count > 0
        floor = sla.default_level(subtype, case.member_tier, reopened)
        if level is not None and session.is_manager:
            new_level = level  # a manager's word stands, also below the subtype's level
        elif subtype.id != old_subtype.id:
            new_level = max(level or case.level, floor)
        else:
            new_level = max(level or case.level, case.level)
        if marking:
            sla.add_urgent_reason(case, "staff")
            case.urgency = "urgent"
        elif unmarking:
            case.urgent, case.urgent_reasons = False, ""
            if case.urgency == "urgent":
                case.urgency = "normal"
        case.level = new_level
        case.subtype_id = subtype.id
        case.type_id = subtype.parent_id if subtype.parent_id is not None else case.type_id
        if department is not None:
            case.department_id = department.id
        moved = department is not None and department.code != before["department"]
        if not (marking or unmarking or moved or new_level != old_level) and (
            subtype.id == old_subtype.id
        ):
            raise ValidationError(msg("Nothing to change: choose what to re-assess."))
        finish_reassessment(
            session,
            case,
            ctx,
            now,
            before=before,
            subtype=subtype,
            old_subtype=old_subtype,
            floor=floor,
            reason=why,
            urgent_reason=urgent_reason if marking else "",
            # A new subtype may have a notify department.
            report_up=subtype.id != old_subtype.id,
        )
    sla_rewind(session)
    return _detail(session, Complaint.get_by_id(case_id))


@service
def note_account_frozen(
    session: Session, case_id: int, *, frozen: bool, version: int
) -> CaseDetail:
    """Account security (docs/rules.md#routing): record that the customer's account was
    frozen (now), or clear the note. Handlers of the case; open account-security cases only."""
    require_staff(session)
    if not isinstance(frozen, bool):
        raise ValidationError(
            msg("Say whether the account is frozen (yes or no)."), field="account_frozen"
        )
    with _changing(session, case_id, version) as (case, _ctx, now):
        if not case.is_open:
            raise ValidationError(
                msg("Case {number} is closed."), field="account_frozen", number=case.number
            )
        if not is_account_security(case):
            raise ValidationError(
                msg("Only account-security cases record whether the account is frozen."),
                field="account_frozen",
            )
        if frozen == (case.account_frozen_at is not None):
            raise ValidationError(
                msg("The account is already recorded as frozen.")
                if frozen
                else msg("The account is not recorded as frozen."),
                field="account_frozen",
            )
        previous = case.account_frozen_at
        case.account_frozen_at = now if frozen else None
        _record(
            session,
            "account_frozen",
            case,
            frozen=frozen,
            frozen_at=now if frozen else None,
            previously_frozen_at=previous,
        )
    return _detail(session, case)
