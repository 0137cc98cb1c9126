"""Satisfaction surveys (template 3, docs/rules.md#surveys): the survey queue, call attempts,
recording a survey, and the follow-up of unhappy customers.

The queue holds closed cases whose survey window has opened (``sla.survey_open_hours``
after closure, 24 h by default), ordered by the survey due time (48 h), overdue ones
marked; it keeps them ``survey.queue_days`` past due, then they count as not surveyed in
the reports. A case leaves the queue when it is surveyed, marked "not to be surveyed" with
a reason, or when the customer refused, the number was wrong, or ``survey.max_attempts``
calls went unanswered.

The contact is shown as everywhere else (``access``'s ``contact`` rule, docs/rules.md#masking):
in full to the case's receiver and owner, its supervisors and managers, masked to the
department's other clerks and to administrators; a page or a form showing it in full is
audited (``contact_unmasked``).

A survey is unique per complaint (the database enforces it); a proactive survey has no
complaint. An overall score at or below ``survey.follow_up_max_score`` (2) creates a
follow-up for the case's supervisor, with a reminder; the follow-up offers to reopen.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import peewee
from peewee import ModelSelect, fn

from desktop_app.db.connection import lock_rows, write_lock
from desktop_app.db.models import (
    Complaint,
    ComplaintType,
    FollowUp,
    Reminder,
    Survey,
    SurveyAttempt,
    User,
    database_proxy,
)
from desktop_app.domain import validation
from desktop_app.domain.masking import mask_contact
from desktop_app.domain.messages import msg
from desktop_app.domain.vocab import (
    SURVEY_ASPECTS,
    SURVEY_METHODS,
    join_multi,
)
from desktop_app.services import access, audit, cases, sla
from desktop_app.services.errors import (
    NotFound,
    PermissionDenied,
    ValidationError,
    service,
)
from desktop_app.services.inputs import checked_text
from desktop_app.services.permissions import require_role
from desktop_app.services.session import Session

SURVEY_ROLES = ("clerk", "supervisor", "manager")
SCORE_FIELDS = ("timeliness", "effectiveness", "attitude", "overall")
FAILED_RESULTS = ("no_answer", "refused", "wrong_number", "call_back_later")
# Reasons the program itself records in ``Complaint.no_survey_reason``.
UNREACHABLE = "unreachable"
FUTURE_TOLERANCE = dt.timedelta(minutes=2)


# --- the queue -----------------------------------------------------------------------------


@dataclass(frozen=True)
class SurveyQueueRow:
    case_id: int
    number: str
    customer_name: str
    contact: str
    contact_masked: bool
    subtype: str
    owner: str
    closed_at: dt.datetime
    opens_at: dt.datetime
    due_at: dt.datetime
    overdue: bool
    attempts: int
    last_result: str | None  # vocab.CALL_RESULTS code
    next_try_at: dt.datetime | None

    def waiting(self, now: dt.datetime) -> bool:
        """A try is scheduled later: not to be called yet."""
        return self.next_try_at is not None and self.next_try_at > now


@dataclass(frozen=True)
class SurveyQueuePage:
    rows: tuple[SurveyQueueRow, ...]
    next_cursor: tuple[dt.datetime | None, int] | None  # (survey due, case id) of the last row
    total: int


def _window(ctx: sla.SlaContext, now: dt.datetime) -> tuple[dt.datetime, dt.datetime]:
    """The range of survey due times the queue holds now."""
    p = ctx.policy
    opens_before_due = dt.timedelta(
        hours=float(p["sla.survey_due_hours"]) - float(p["sla.survey_open_hours"])
    )
    return now - dt.timedelta(days=int(p["survey.queue_days"])), now + opens_before_due


def _queue_query(session: Session, ctx: sla.SlaContext, now: dt.datetime) -> ModelSelect[Complaint]:
    low, high = _window(ctx, now)
    surveyed = Survey.select(Survey.id).where(Survey.complaint == Complaint.id)
    query = Complaint.select().where(
        Complaint.stage == "closed",
        Complaint.survey_due >= low,
        Complaint.survey_due <= high,
        Complaint.no_survey_reason.is_null(),
        ~fn.EXISTS(surveyed),
    )
    return query.where(access.rules(session).see.expression())


@service
def survey_queue(
    session: Session, *, limit: int = 100, after: tuple[dt.datetime | None, int] | None = None
) -> SurveyQueuePage:
    """Closed cases due for their survey, earliest due first (keyset pages)."""
    require_role(session, *SURVEY_ROLES, "admin")
    ctx = sla.SlaContext.load()
    now = session.now()
    base = _queue_query(session, ctx, now)
    total = base.count()
    query = base
    if after is not None:
        due, last_id = after
        query = query.where(
            (Complaint.survey_due > due)
            | ((Complaint.survey_due == due) & (Complaint.id > last_id))
        )
    found = list(query.order_by(Complaint.survey_due, Complaint.id).limit(limit + 1))
    more = len(found) > limit
    found = found[:limit]
    attempts = _attempts([c.id for c in found])
    zh = session.language.startswith("zh")
    types = {
        t.id: (t.name_zh if zh else t.name_en)
        for t in ComplaintType.select().where(
            ComplaintType.id.in_({c.subtype_id for c in found} or {0})
        )
    }
    owners = {
        u.id: u.display_name
        for u in User.select(User.id, User.display_name).where(
            User.id.in_({c.owner_id for c in found} or {0})
        )
    }
    open_hours = dt.timedelta(hours=float(ctx.policy["sla.survey_open_hours"]))
    contact_scope = access.rules(session).contact
    full = {c.id for c in found if c.contact and contact_scope.admits(c)}
    if not audit.shown_cases(session, "survey_queue", sorted(full)):
        full = set()
    rows = []
    for c in found:
        visible = c.id in full or not c.contact
        count, last = attempts.get(c.id, (0, None))
        assert c.closed_at is not None and c.survey_due is not None  # closed, in the window
        rows.append(
            SurveyQueueRow(
                c.id,
                c.number,
                c.customer_name,
                c.contact if visible else mask_contact(c.contact),
                not visible,
                types.get(c.subtype_id, ""),
                owners.get(c.owner_id, ""),
                c.closed_at,
                c.closed_at + open_hours,
                c.survey_due,
                now > c.survey_due,
                count,
                last.result if last else None,
                last.next_try_at if last else None,
            )
        )
    cursor = (found[-1].survey_due, found[-1].id) if more and found else None
    return SurveyQueuePage(tuple(rows), cursor, total)


def _attempts(case_ids: list[int]) -> dict[int, tuple[int, SurveyAttempt]]:
    result: dict[int, tuple[int, SurveyAttempt]] = {}
    if not case_ids:
        return result
    for attempt in (
        SurveyAttempt.select()
        .where(SurveyAttempt.complaint.in_(case_ids))
        .order_by(SurveyAttempt.at, SurveyAttempt.id)
    ):
        count, _ = result.get(attempt.complaint_id, (0, None))
        result[attempt.complaint_id] = (count + 1, attempt)
    return result


def _closed_case(session: Session, case_id: int, field_name: str) -> Complaint:
    lock_rows(database_proxy.obj, "complaint", [case_id])  # it is written from what is read
    case = Complaint.get_or_none(Complaint.id == case_id)
    if case is None:
        raise NotFound(msg("No such complaint."))
    if not access.may_see(session, case):
        raise PermissionDenied(msg("Case {number} is outside your queues."), number=case.number)
    if case.is_open:
        raise ValidationError(
            msg("Case {number} is still open: surveys follow closure."),
            field=field_name,
            number=case.number,
        )
    return case


@dataclass(frozen=True)
class AttemptResult:
    attempts: int
    next_try_at: dt.datetime | None
    left_queue: bool  # refused, wrong number or unreachable: no more calls
    reason: str | None  # the no-survey reason recorded when it left


@service
def record_attempt(
    session: Session,
    case_id: int,
    result: str,
    *,
    next_try_at: dt.datetime | None = None,
    note: str = "",
) -> AttemptResult:
    """A survey call that did not produce a survey. No answer: the next try is scheduled
    ``survey.retry_minutes`` of working time later (or at ``next_try_at``); call back
    later: at the time the customer asked (``next_try_at``, required). Refused or wrong
    number: the case leaves the queue with that reason; so does the last allowed
    unanswered call (unreachable)."""
    require_role(session, *SURVEY_ROLES)
    if not isinstance(result, str) or result not in FAILED_RESULTS:
        raise ValidationError(msg("Choose what happened on the call."), field="call_result")
    ctx = sla.SlaContext.load()
    now = session.now()
    if result == "call_back_later" and next_try_at is None:
        raise ValidationError(
            msg("Give the time the customer asked to be called back."), field="next_try_at"
        )
    note = checked_text(note, "attempt_note")
    if next_try_at is not None and (
        not isinstance(next_try_at, dt.datetime) or next_try_at.tzinfo is not None
    ):
        raise ValidationError(msg("Give the time of the next try."), field="next_try_at")
    if next_try_at is not None and next_try_at <= now:
        raise ValidationError(msg("The next try must be later than now."), field="next_try_at")
    with write_lock(database_proxy.obj):
        case = _closed_case(session, case_id, "call_result")
        if Survey.select().where(Survey.complaint == case.id).exists():
            raise ValidationError(
                msg("Case {number} has its survey already."),
                field="call_result",
                number=case.number,
            )
        count = SurveyAttempt.select().where(SurveyAttempt.complaint == case.id).count() + 1
        reason = None
        if result in ("refused", "wrong_number"):
            reason, next_try_at = result, None
        elif result == "no_answer" and count >= int(ctx.policy["survey.max_attempts"]):
            reason, next_try_at = UNREACHABLE, None
        elif next_try_at is None:
            next_try_at = ctx.calendar.add_working_hours(
                now, float(ctx.policy["survey.retry_minutes"]) / 60
            )
        SurveyAttempt.create(
            complaint=case,
            at=now,
            by_user=session.user_id,
            result=result,
            next_try_at=next_try_at,
            note=note or None,
        )
        if reason is not None:
            case.no_survey_reason = reason
            case.version += 1
            case.updated_at, case.updated_by_id = now, session.user_id
            case.save()
        audit.record(
            session,
            "survey_attempt",
            "complaint",
            case.id,
            result=result,
            attempt=count,
            next_try_at=next_try_at,
            no_survey_reason=reason,
            version=case.version if reason else None,
        )
    return AttemptResult(count, next_try_at, reason is not None, reason)


@service
def mark_not_surveyed(session: Session, case_id: int, reason: str) -> None:
    """Take a closed case out of the survey queue for good, with the reason."""
    require_role(session, *SURVEY_ROLES)
    reason = checked_text(reason, "no_survey_reason", maximum=200)  # what the column keeps
    if not reason:
        raise ValidationError(
            msg("Give the reason the customer is not to be surveyed."), field="no_survey_reason"
        )
    now = session.now()
    with write_lock(database_proxy.obj):
        case = _closed_case(session, case_id, "no_survey_reason")
        case.no_survey_reason = reason
        case.version += 1
        case.updated_at, case.updated_by_id = now, session.user_id
        case.save()
        audit.record(
            session, "survey_skipped", "complaint", case.id, reason=reason, version=case.version
        )


# --- the survey ----------------------------------------------------------------------------


@dataclass
class SurveyForm:
    """Template 3, field names as in docs/rules.md#surveys, docs/rules.md#window-automation. Codes
    for the choices."""

    complaint_number: str = ""  # empty: a proactive survey
    customer_name: str = ""
    survey_time: dt.datetime | None = None
    method: str = "phone"
    timeliness: int | None = None
    effectiveness: int | None = None
    attitude: int | None = None
    overall: int | None = None
    most_satisfied: list[str] = field(default_factory=list)
    most_satisfied_other: str = ""
    needs_improvement: list[str] = field(default_factory=list)
    needs_improvement_other: str = ""
    suggestions: str = ""


@dataclass(frozen=True)
class SurveyPrefill:
    """What the form shows for a case before the call."""

    case_id: int
    complaint_number: str
    customer_name: str
    contact: str
    closed_at: dt.datetime | None
    outcome: str | None
    attempts: int
    contact_masked: bool = False


@dataclass(frozen=True)
class RecordedSurvey:
    id: int
    complaint_id: int | None
    follow_up_id: int | None


@service
def prefill(session: Session, case_id: int) -> SurveyPrefill:
    require_role(session, *SURVEY_ROLES)
    case = _closed_case(session, case_id, "complaint_number")
    count = SurveyAttempt.select().where(SurveyAttempt.complaint == case.id).count()
    contact = case.contact or ""
    full = bool(contact) and access.may_see_contact(session, case)
    if full and not audit.shown(session, "complaint", case.id, fields=["contact"]):
        full = False
    return SurveyPrefill(
        case.id,
        case.number,
        case.customer_name,
        contact if full else mask_contact(contact),
        case.closed_at,
        case.outcome,
        count,
        contact_masked=bool(contact) and not full,
    )


# Longest text of each free-text field: what its column keeps.
TEXT_LIMITS = {
    "complaint_number": 40,
    "customer_name": 100,
    "most_satisfied_other": 200,
    "needs_improvement_other": 200,
    "suggestions": 5000,
}


def _problems(form: SurveyForm, now: dt.datetime) -> list[ValidationError]:
    """Every bad field; each field's type is checked too (a broken client may send
    anything), so a problem always names its field."""
    problems = []

    def bad(field_name: str, message: str | None, **params: object) -> None:
        if isinstance(message, validation.Problem):  # a check's message and its values
            params = {**message.params, **params}
            message = message.template
        if message:
            problems.append(ValidationError(message, field=field_name, **params))

    wrong_text = set()
    for name, maximum in TEXT_LIMITS.items():
        problem = validation.check_text(getattr(form, name), maximum=maximum)
        if problem:
            wrong_text.add(name)
            bad(name, problem)
    if "customer_name" not in wrong_text and not (form.customer_name or "").strip():
        bad("customer_name", msg("Enter the customer's name."))
    if form.survey_time is None:
        bad("survey_time", msg("Enter the survey time."))
    elif not isinstance(form.survey_time, dt.datetime) or form.survey_time.tzinfo is not None:
        bad("survey_time", msg("Enter the survey time (a date and a time)."))
    elif form.survey_time > now + FUTURE_TOLERANCE:
        bad("survey_time", msg("The survey time is in the future."))
    if not isinstance(form.method, str) or form.method not in SURVEY_METHODS:
        bad("method", msg("Choose how the survey was done."))
    for name in SCORE_FIELDS:
        value = getattr(form, name)
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 5:
            bad(name, msg("Give a score from 1 (very dissatisfied) to 5 (very satisfied)."))
    for name in ("most_satisfied", "needs_improvement"):
        codes = getattr(form, name)
        if not isinstance(codes, list | tuple | set | frozenset) or any(
            not isinstance(c, str) or c not in SURVEY_ASPECTS for c in codes
        ):
            bad(name, msg("Choose from the listed aspects."))
            continue
        other = f"{name}_other"
        if (
            "other" in codes
            and other not in wrong_text
            and not (getattr(form, other) or "").strip()
        ):
            bad(other, msg('Say what "other" means.'))
    return problems


class SurveyInvalid(ValidationError):
    """Several fields are wrong: ``problems`` lists each with its field."""

    def __init__(self, problems: list[ValidationError]) -> None:
        first = problems[0]
        super().__init__(first.template, field=first.field, **first.params)
        self.problems = problems


@service
def record_survey(session: Session, form: SurveyForm) -> RecordedSurvey:
    """Save a survey (every bad field reported at once, nothing written). One per
    complaint: a second one is refused with a message naming the first. A low overall
    score creates a follow-up for the case's supervisor."""
    require_role(session, *SURVEY_ROLES)
    now = session.now()
    problems = _problems(form, now)
    if problems:
        raise SurveyInvalid(problems)
    assert form.survey_time is not None and form.overall is not None  # _problems checked
    ctx = sla.SlaContext.load()
    number = (form.complaint_number or "").strip().upper()
    try:
        with write_lock(database_proxy.obj):
            case = None
            if number:
                found = Complaint.get_or_none(Complaint.number == number)
                if found is None:
                    raise ValidationError(
                        msg("No complaint has the number {number}."),
                        field="complaint_number",
                        number=number,
                    )
                case = _closed_case(session, found.id, "complaint_number")
                _refuse_second(case)
                assert case.closed_at is not None  # a closed case
                if form.survey_time < case.closed_at:
                    raise ValidationError(
                        msg("The survey time is before the case was closed."), field="survey_time"
                    )
            survey = Survey.create(
                complaint=case,
                customer=case.customer_id if case else None,
                customer_name=(form.customer_name or "").strip(),
                survey_time=form.survey_time,
                method=form.method,
                surveyor=session.user_id,
                timeliness=form.timeliness,
                effectiveness=form.effectiveness,
                attitude=form.attitude,
                overall=form.overall,
                most_satisfied=join_multi(
                    c for c in SURVEY_ASPECTS.codes() if c in form.most_satisfied
                ),
                most_satisfied_other=(form.most_satisfied_other or "").strip() or None,
                needs_improvement=join_multi(
                    c for c in SURVEY_ASPECTS.codes() if c in form.needs_improvement
                ),
                needs_improvement_other=(form.needs_improvement_other or "").strip() or None,
                suggestions=(form.suggestions or "").strip() or None,
                created_at=now,
            )
            follow_up = None
            if case is not None:
                SurveyAttempt.create(
                    complaint=case, at=now, by_user=session.user_id, result="completed"
                )
                if form.overall <= int(ctx.policy["survey.follow_up_max_score"]):
                    follow_up = cases.create_follow_up(
                        session,
                        case,
                        ctx,
                        survey_id=survey.id,
                        reason=f"Overall satisfaction {form.overall}/5 in the survey",
                    )
            audit.record(
                session,
                "survey_create",
                "complaint" if case else "survey",
                case.id if case else survey.id,
                survey=survey.id,
                overall=form.overall,
                follow_up=follow_up,
            )
    except peewee.IntegrityError as exc:  # another PC recorded it a moment ago
        case = Complaint.get_or_none(Complaint.number == number)
        if case is not None:
            _refuse_second(case)
        raise ValidationError(
            msg("The survey could not be saved: {reason}"),
            field="complaint_number",
            reason=str(exc),
        ) from exc
    return RecordedSurvey(survey.id, case.id if case else None, follow_up)


def _refuse_second(case: Complaint) -> None:
    first = Survey.get_or_none(Survey.complaint == case.id)
    if first is not None:
        surveyor = User.get_or_none(User.id == first.surveyor_id)
        raise ValidationError(
            msg(
                "Case {number} already has its survey, recorded {at} by {name}; a complaint "
                "is surveyed once."
            ),
            field="complaint_number",
            number=case.number,
            at=f"{first.survey_time:%Y-%m-%d %H:%M}",
            name=surveyor.display_name if surveyor else "",
        )


# --- follow-ups ----------------------------------------------------------------------------


@dataclass(frozen=True)
class FollowUpInfo:
    id: int
    case_id: int
    number: str
    customer_name: str
    reason: str
    assigned_to: str
    created_at: dt.datetime
    done_at: dt.datetime | None
    done_note: str
    case_open: bool


@service
def follow_ups(
    session: Session, *, case_id: int | None = None, open_only: bool = True
) -> list[FollowUpInfo]:
    """Follow-ups the session sees: those assigned to it and those of the cases it may act
    on (``access``'s ``act`` rule: its own, its departments' and its staff's for
    supervisors, all for managers), all for administrators; or those of one case."""
    require_role(session, *SURVEY_ROLES, "admin")
    query = (
        FollowUp.select(FollowUp, Complaint)
        .join(Complaint)
        .order_by(FollowUp.created_at, FollowUp.id)
    )
    if open_only:
        query = query.where(FollowUp.done_at.is_null())
    if case_id is not None:
        query = query.where(FollowUp.complaint == case_id)
    if not session.is_admin:  # administrators read every follow-up
        handled = access.rules(session).act.expression()
        query = query.where((FollowUp.assigned_to == session.user_id) | handled)
    names: dict[int | None, str] = {
        u.id: u.display_name for u in User.select(User.id, User.display_name)
    }
    return [
        FollowUpInfo(
            f.id,
            f.complaint_id,
            f.complaint.number,
            f.complaint.customer_name,
            f.reason,
            names.get(f.assigned_to_id, ""),
            f.created_at,
            f.done_at,
            f.done_note or "",
            f.complaint.is_open,
        )
        for f in query
    ]


@service
def complete_follow_up(
    session: Session, follow_up_id: int, note: str, *, reopen: bool = False
) -> int | None:
    """Record what was done for the unhappy customer; with ``reopen`` the case is reopened
    (an escalated complaint, see ``cases.reopen_case``). Returns the case version after."""
    require_role(session, *SURVEY_ROLES)
    note = checked_text(note, "done_note")
    if not note:
        raise ValidationError(msg("Say what was done for the customer."), field="done_note")
    now = session.now()
    with write_lock(database_proxy.obj):
        follow_up = FollowUp.get_or_none(FollowUp.id == follow_up_id)
        if follow_up is None or follow_up.done_at is not None:
            raise NotFound(msg("This follow-up is done or gone."))
        case = Complaint.get_by_id(follow_up.complaint_id)
        if follow_up.assigned_to_id != session.user_id and not access.may_act(session, case):
            raise PermissionDenied(
                msg(
                    "Only the supervisor it was given to, the case's handlers "
                    "and managers may complete this follow-up."
                )
            )
        follow_up.done_at, follow_up.done_note = now, note
        follow_up.save()
        (
            Reminder.update(acknowledged_at=now, acknowledged_by=session.user_id)
            .where(
                Reminder.fire_key == f"follow_up:{case.id}:{follow_up.id}",
                Reminder.acknowledged_at.is_null(),
            )
            .execute()
        )
        audit.record(
            session,
            "follow_up_done",
            "complaint",
            case.id,
            follow_up=follow_up.id,
            note=note,
            reopen=reopen,
        )
        version = case.version
        if reopen:
            version = cases.reopen_case(session, case.id, note, version=case.version).version
    return version
