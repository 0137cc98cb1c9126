"""Registering a complaint (template 1) and what the intake form needs around it.

``register_complaint`` validates the whole form (every bad field reported at once, nothing
written), then in one transaction: finds or creates the customer, takes the next number of
the day's sequence, sets the level and urgency, stores the deadlines, applies the batch
rule and writes the audit entry. The number is ``TS-YYYYMMDD-NNNN`` (prefix a setting),
unique and never given twice, also with several PCs on SQLite or PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypedDict, TypeVar

from peewee import ColumnBase, Expression, ModelSelect

from desktop_app.db import search
from desktop_app.db.connection import write_lock
from desktop_app.db.models import (
    Channel,
    Complaint,
    ComplaintType,
    Customer,
    Department,
    Reminder,
    User,
    database_proxy,
)
from desktop_app.domain import validation
from desktop_app.domain.masking import mask_contact, mask_email, mask_id_number, mask_phone
from desktop_app.domain.messages import msg
from desktop_app.domain.promise import promise_text
from desktop_app.domain.vocab import (
    CUSTOMER_REQUESTS,
    MEMBER_TIERS,
    URGENCY,
    Vocabulary,
    join_multi,
    split_multi,
)
from desktop_app.services import access, attachments, audit, case_library, routing, sla
from desktop_app.services import settings as settings_service
from desktop_app.services.case_library import LibraryEntry
from desktop_app.services.errors import NotFound, PermissionDenied, ValidationError, service
from desktop_app.services.permissions import require_role
from desktop_app.services.session import Session

INTAKE_ROLES = ("clerk", "supervisor", "manager")
# Clocks of two PCs differ a little: a complaint time this far ahead is still "now".
FUTURE_TOLERANCE = dt.timedelta(minutes=2)


@dataclass
class IntakeForm:
    """What the clerk typed, field names as in docs/rules.md#exchange-import,
    docs/rules.md#window-automation. Codes for choices."""

    customer_name: str = ""
    contact: str = ""
    member_number: str = ""
    id_number: str = ""
    member_tier: str = "regular"
    complaint_time: dt.datetime | None = None
    channel: str = ""
    type: str = ""
    subtype: str = ""
    urgency: str = "normal"
    description: str = ""
    customer_requests: list[str] = field(default_factory=list)
    customer_request_other: str = ""
    department: str = ""
    product: str = ""
    merchant: str = ""
    head_office: bool = False
    level: int | None = None  # staff may raise the subtype's default level, not lower it
    customer_id: int | None = None  # a customer picked from the lookup
    attachments: list[str] = field(default_factory=list)  # file paths
    recording_ids: str = ""  # call recording IDs, separated by , or 、
    # The staff member complained about: an account's user name or display name, or a name
    # as typed for staff without an account (docs/rules.md#routing).
    subject_staff: str = ""
    # A repeat complaint (升级投诉) after an unsatisfying handling of ``repeat_of``, an
    # earlier case of the same customer: level III, handled by a supervisor.
    repeat_complaint: bool = False
    repeat_of: int | None = None


@dataclass(frozen=True)
class FieldProblem:
    field: str
    template: str
    params: dict[str, object]


class FormInvalid(ValidationError):
    """One or more fields are wrong; ``problems`` lists them all (the first is ``field``)."""

    def __init__(self, problems: list[FieldProblem]) -> None:
        first = problems[0]
        super().__init__(first.template, field=first.field, **first.params)
        self.problems = problems


@dataclass(frozen=True)
class Registered:
    id: int
    number: str
    level: int
    urgent: bool
    urgent_reasons: tuple[str, ...]
    first_response_due: dt.datetime
    solution_due: dt.datetime
    resolution_due: dt.datetime
    promise: str  # the promised first reply, in the session's language
    batch_id: int | None
    customer_id: int
    owner_id: int  # who handles it (docs/rules.md#routing)
    route_rule: str  # the rule that chose the owner (domain.vocab.ROUTE_RULES)
    route_fallback: bool  # the rule could not be met: the owner is a fallback
    reported_up: int  # reminders raised at once (urgent case, notify department)
    owner_name: str = ""  # the owner's display name
    reported_to: tuple[str, ...] = ()  # display names of those the case was reported to


def _searchable(value: object, maximum: int = 200) -> bool:
    """Text a query may compare with: a str a column can hold (PostgreSQL refuses a NUL
    even in a comparison, SQLite drivers a lone surrogate)."""
    return isinstance(value, str) and validation.check_text(value, maximum=maximum) is None


_Ref = TypeVar("_Ref", Channel, ComplaintType, Department)


class _Found(TypedDict, total=False):
    """The rows a form names, as ``validate`` looked them up (None: no such active row)."""

    channel: Channel | None
    type: ComplaintType | None
    subtype: ComplaintType | None
    department: Department | None
    customer: Customer | None
    subject_staff: User | None
    repeat_of: Complaint | None


def _active(model: type[_Ref], code: str) -> _Ref | None:
    return (
        model.get_or_none((model.code == code) & model.active)
        if code and _searchable(code, 60)
        else None
    )


def _code(value: object, vocab: Vocabulary) -> bool:
    """Whether ``value`` is one of the vocabulary's codes (a str: a broken client may send
    anything)."""
    return isinstance(value, str) and value in vocab


def _codes(value: object) -> list[str] | None:
    """A multiple choice as a list of str codes; None when it is no such list."""
    if not isinstance(value, list | tuple | set | frozenset):
        return None
    return list(value) if all(isinstance(c, str) for c in value) else None


def _stripped(value: str | None) -> str:
    """A validated text field as saved (an optional one may be None)."""
    return (value or "").strip()


def _row_id(value: object) -> bool:
    """An id a database row may have (an int in the range of an integer column)."""
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value < 2**31


def validate(
    form: IntakeForm, now: dt.datetime, policy: Mapping[str, Any] | None = None
) -> tuple[list[FieldProblem], _Found]:
    """Every problem of the form, and the looked-up rows when they exist. Every field is
    checked for its type too: whatever a caller sends, a problem names its field.
    ``policy``: the settings the caller already loaded (else the one needed is read)."""
    problems: list[FieldProblem] = []
    found: _Found = {}

    def bad(name: str, template: str | None, **params: object) -> None:
        if isinstance(template, validation.Problem):  # a check's message and its values
            params = {**template.params, **params}
            template = template.template
        if template:
            problems.append(FieldProblem(name, template, params))

    bad("customer_name", validation.check_text(form.customer_name, minimum=1, maximum=100))
    bad("contact", validation.check_contact(form.contact))
    bad("member_number", validation.check_text(form.member_number, maximum=60))
    bad("id_number", validation.check_id_number(form.id_number))
    if not _code(form.member_tier, MEMBER_TIERS):
        bad("member_tier", msg("Choose a member tier."))
    if form.complaint_time is None:
        bad("complaint_time", msg("Enter when the customer complained."))
    elif not isinstance(form.complaint_time, dt.datetime) or form.complaint_time.tzinfo:
        bad("complaint_time", msg("Enter when the customer complained (a date and a time)."))
    elif form.complaint_time > now + FUTURE_TOLERANCE:
        bad("complaint_time", msg("The complaint time cannot be in the future."))
    elif form.complaint_time < now - dt.timedelta(days=366):
        bad("complaint_time", msg("The complaint time is more than a year ago; check the date."))
    found["channel"] = _active(Channel, form.channel)
    if found["channel"] is None:
        bad("channel", msg("Choose the channel the complaint came through."))
    found["type"] = _active(ComplaintType, form.type)
    if found["type"] is None or found["type"].parent_id is not None:
        bad("type", msg("Choose the complaint type."))
    found["subtype"] = _active(ComplaintType, form.subtype)
    if found["subtype"] is None or (
        found["type"] is not None and found["subtype"].parent_id != found["type"].id
    ):
        bad("subtype", msg("Choose a subtype of the chosen type."))
    if not _code(form.urgency, URGENCY):
        bad("urgency", msg("Choose the urgency."))
    bad("description", validation.check_text(form.description, minimum=5, maximum=5000))
    requests = _codes(form.customer_requests)
    if requests is None:
        bad("customer_requests", msg("Choose the customer's requests from the list."))
        requests = []
    unknown = [c for c in requests if c not in CUSTOMER_REQUESTS]
    if unknown:
        bad(
            "customer_requests", msg("Unknown customer request: {codes}."), codes=", ".join(unknown)
        )
    if "other" in requests:
        bad(
            "customer_request_other",
            validation.check_text(form.customer_request_other, minimum=1, maximum=200),
        )
    found["department"] = _active(Department, form.department)
    if found["department"] is None:
        bad("department", msg("Choose the department initially responsible."))
    bad("product", validation.check_text(form.product, maximum=120))
    bad("merchant", validation.check_text(form.merchant, maximum=120))
    if not isinstance(form.head_office, bool):
        bad("head_office", msg("Say whether the complaint came from head office (yes or no)."))
    if form.level is not None:
        default = (
            sla.default_level(found["subtype"], form.member_tier, False)
            if found["subtype"] and _code(form.member_tier, MEMBER_TIERS)
            else 1
        )
        if not _row_id(form.level) or form.level not in (1, 2, 3):
            bad("level", msg("The level is I, II or III."))
        elif form.level < default:
            bad(
                "level",
                msg(
                    "This complaint is at least level {level}; a level can be raised, not lowered."
                ),
                level="I" * default,
            )
    megabytes = (
        policy["attachments.max_megabytes"]
        if policy is not None
        else settings_service.get("attachments.max_megabytes")
    )
    max_bytes = int(megabytes) * 1048576
    paths = form.attachments if isinstance(form.attachments, list | tuple) else None
    if paths is None or not all(isinstance(p, str | os.PathLike) for p in paths):
        bad("attachments", msg("Choose the files to attach again."))
        paths = []
    for path in paths:
        bad("attachments", attachments.check_file(path, max_bytes))
    recording_problem = validation.check_text(form.recording_ids, maximum=5000)
    bad("recording_ids", recording_problem)
    for ref in split_multi(form.recording_ids) if recording_problem is None else ():
        bad("recording_ids", validation.check_length(ref, maximum=120))
    if form.customer_id is not None:
        found["customer"] = (
            Customer.get_or_none(Customer.id == form.customer_id)
            if _row_id(form.customer_id)
            else None
        )
        if found["customer"] is None:
            bad("customer_name", msg("The chosen customer no longer exists; search again."))
    _check_routing_fields(form, found, bad)
    return problems, found


def staff_account(text: str) -> User | None:
    """The account ``text`` names: its user name, else the one account with that display
    name (None: no account, or several share the name)."""
    name = text.strip()
    if not name or not _searchable(name, 100):
        return None
    user = User.get_or_none(User.username == name)
    if user is not None:
        return user
    named = list(User.select().where(User.display_name == name).limit(2))
    return named[0] if len(named) == 1 else None


def _check_routing_fields(form: IntakeForm, found: _Found, bad: Callable[..., None]) -> None:
    """The staff member complained about and the earlier case of a repeat complaint."""
    subtype = found.get("subtype")
    if not isinstance(form.subject_staff, str):
        bad("subject_staff", msg("Enter the staff member complained about."))
    else:
        problem = validation.check_text(form.subject_staff, maximum=100)
        bad("subject_staff", problem)
        if problem is None:
            found["subject_staff"] = staff_account(form.subject_staff)
            if (
                subtype is not None
                and subtype.handling_rule == "staff_supervisor"
                and not form.subject_staff.strip()
            ):
                bad(
                    "subject_staff",
                    msg("Enter the staff member complained about (user name or name)."),
                )
    if not isinstance(form.repeat_complaint, bool):
        bad("repeat_complaint", msg("Say whether this is a repeat complaint (yes or no)."))
    elif form.repeat_complaint:
        earlier = (
            Complaint.get_or_none(Complaint.id == form.repeat_of)
            if _row_id(form.repeat_of)
            else None
        )
        customer = found.get("customer")
        if earlier is None:
            bad("repeat_complaint", msg("Choose the earlier case this complaint repeats."))
        elif customer is None or earlier.customer_id != customer.id:
            bad(
                "repeat_complaint",
                msg("The earlier case must be one of this customer's cases; pick it again."),
            )
        else:
            found["repeat_of"] = earlier


@service
def default_level_for(subtype: str, member_tier: str) -> int | None:
    """The level a new complaint of ``subtype`` gets (docs/rules.md#types-and-levels: the subtype's,
    III for VIP members), for the form to show before saving; None for an unknown subtype."""
    sub = (
        ComplaintType.get_or_none(ComplaintType.code == subtype)
        if subtype and _searchable(subtype, 60)
        else None
    )
    if sub is None or sub.parent_id is None:
        return None
    return sla.default_level(sub, member_tier, False)


def next_number(day: dt.date, prefix: str) -> str:
    """The next complaint number of ``day``; call inside the registering transaction."""
    key = day.strftime("%Y%m%d")
    db = database_proxy.obj
    p = db.param
    # Plain SQL (every save runs it); the upsert takes the number under the write lock.
    db.execute_sql(
        f'INSERT INTO day_sequence (day, "last") VALUES ({p}, 1)'
        f' ON CONFLICT (day) DO UPDATE SET "last" = day_sequence."last" + 1',
        [key],
    )
    row = db.execute_sql(f'SELECT "last" FROM day_sequence WHERE day = {p}', [key]).fetchone()
    return f"{prefix}-{key}-{int(row[0]):04d}"


def _customer_for(form: IntakeForm, found: _Found, now: dt.datetime) -> Customer:
    customer = found.get("customer")
    member = _stripped(form.member_number) or None
    if customer is None and member:
        customer = Customer.get_or_none(Customer.member_number == member)
    contacts = validation.split_contacts(form.contact)
    phone = next((c for c in contacts if validation.contact_kind(c) != "email"), None)
    email = next((c for c in contacts if validation.contact_kind(c) == "email"), None)
    if customer is None:
        return Customer.create(
            name=_stripped(form.customer_name),
            phone=phone,
            email=email,
            member_number=member,
            id_number=_stripped(form.id_number).upper() or None,
            tier=form.member_tier,
            created_at=now,
            updated_at=now,
        )
    changed = False
    for attr, value in (
        ("phone", phone),
        ("email", email),
        ("member_number", member),
        ("id_number", _stripped(form.id_number).upper() or None),
    ):
        if value and not getattr(customer, attr):
            setattr(customer, attr, value)
            changed = True
    if changed:
        customer.updated_at = now
        customer.save()
    return customer


@service
def register_complaint(session: Session, form: IntakeForm) -> Registered:
    """Save a new complaint; raises FormInvalid (nothing written) when a field is wrong."""
    require_role(session, *INTAKE_ROLES)
    now = session.now()
    ctx = sla.SlaContext.load()
    if form.attachments or not isinstance(form.attachments, list | tuple):
        # Checked before copying the files too, so a wrong form copies none. Without files
        # the check inside the lock is the only one (its look-ups are a third of a save).
        problems, _found = validate(form, now, ctx.policy)
        if problems:
            raise FormInvalid(problems)
    # Files are copied before the transaction (slow, and content-addressed: a copy left by a
    # failed save is simply reused); their rows are written with the case.
    try:
        stored = [attachments.store_file(path) for path in form.attachments]
    except OSError as exc:
        raise FormInvalid(
            [
                FieldProblem(
                    "attachments", msg("A file could not be copied: {reason}"), {"reason": str(exc)}
                )
            ]
        ) from exc
    with write_lock(database_proxy.obj):
        problems, found = validate(form, now, ctx.policy)  # inside the lock: rows may have changed
        earlier = found.get("repeat_of")
        if earlier is not None and not access.may_see(session, earlier):
            # The picker lists only the cases the clerk may see: one linked by hand is not
            # shown either (docs/rules.md#roles-and-access).
            problems.append(
                FieldProblem(
                    "repeat_complaint",
                    msg("The earlier case must be one of this customer's cases; pick it again."),
                    {},
                )
            )
        if problems:
            raise FormInvalid(problems)
        customer = _customer_for(form, found, now)
        tier = customer.tier  # a known customer's tier; a new one has the form's
        subtype = found["subtype"]
        assert subtype is not None and form.complaint_time is not None  # validated
        level = max(form.level or 1, sla.default_level(subtype, tier, False))
        if earlier is not None:
            level = 3  # docs/rules.md#routing: a repeat complaint is level III
        staff_user = found.get("subject_staff")
        case = Complaint(
            number=next_number(now.date(), str(ctx.policy["numbering.prefix"])),
            customer=customer,
            customer_name=_stripped(form.customer_name),
            contact=_stripped(form.contact),
            member_number=_stripped(form.member_number) or None,
            id_number=_stripped(form.id_number).upper() or None,
            member_tier=tier,
            complaint_time=form.complaint_time.replace(microsecond=0),
            registration_time=now,
            channel=found["channel"],
            type=found["type"],
            subtype=subtype,
            urgency=form.urgency,
            description=_stripped(form.description),
            customer_requests=join_multi(
                c for c in CUSTOMER_REQUESTS.codes() if c in form.customer_requests
            ),
            customer_request_other=(_stripped(form.customer_request_other) or None)
            if "other" in form.customer_requests
            else None,
            department=found["department"],
            receiver=session.user_id,
            owner=session.user_id,
            product=_stripped(form.product) or None,
            merchant=_stripped(form.merchant) or None,
            subject_staff=staff_user.id if staff_user else None,
            subject_staff_name=None if staff_user else (_stripped(form.subject_staff) or None),
            repeat_of=earlier.id if earlier else None,
            stage="registered",
            is_open=True,
            level=level,
            head_office=form.head_office,
            priority=level,
            first_response_due=now,
            solution_due=now,
            resolution_due=now,
            created_at=now,
            updated_at=now,
            updated_by=session.user_id,
        )
        sla.apply_registration_rules(case, customer)
        sla.refresh_case(case, ctx, subtype.callback_rule)
        # The batch rule's flag, link and deadlines go into the insert itself; the earlier
        # members of the batch follow it (docs/rules.md#urgency).
        batch = sla.join_batch(session, case, ctx, subtype.callback_rule)
        staff = routing.DbStaff(ctx.policy)  # the settings this save already read
        route = routing.route_for(case, subtype, staff=staff)
        case.owner_id = route.owner
        case.save(force_insert=True)
        if batch is not None:
            sla.flag_batch_members(session, case, batch, ctx, subtype.callback_rule)
        search.index_rows(database_proxy.obj, [(case.id, case.description)])
        attached = attachments.add_rows(case.id, session.user_id, stored, form.recording_ids, now)
        audit.record(
            session,
            "complaint_create",
            "complaint",
            case.id,
            number=case.number,
            level=case.level,
            urgent=case.urgent,
            attachments=attached,
        )
        if route.owner != case.receiver_id or route.fallback:
            routing.record(session, case, route)  # the timeline says who got it and why
        reported = routing.report_up(session, case, now, subtype=subtype, staff=staff)
    owner = User.get_or_none(User.id == route.owner)
    told = (
        User.select(User.display_name)
        .join(Reminder, on=(Reminder.recipient == User.id))
        .where(Reminder.id.in_(reported))
        .order_by(Reminder.id)
        if reported
        else []
    )
    return Registered(
        case.id,
        case.number,
        case.level,
        case.urgent,
        tuple(r for r in case.urgent_reasons.split(",") if r),
        case.first_response_due,
        case.solution_due,
        case.resolution_due,
        promise_text(case.first_response_due, now, session.language),
        batch,
        customer.id,
        route.owner,
        route.rule,
        route.fallback,
        len(reported),
        owner.display_name if owner else "",
        tuple(dict.fromkeys(u.display_name for u in told)),
    )


@dataclass(frozen=True)
class StaffChoice:
    """An account for the pick-list of the staff member complained about: names only."""

    username: str
    display_name: str


@service
def staff_choices(session: Session) -> list[StaffChoice]:
    """The active staff accounts (clerks, supervisors, managers) by name, for the intake
    field ``subject_staff`` (docs/rules.md#registration). Nothing but the two names."""
    require_role(session, *INTAKE_ROLES)
    rows = (
        User.select(User.username, User.display_name)
        .where(User.active, User.role.in_(INTAKE_ROLES))
        .order_by(User.display_name, User.username)
    )
    return [StaffChoice(u.username, u.display_name) for u in rows]


@dataclass(frozen=True)
class EarlierCase:
    """A customer's earlier case for the repeat-complaint picker (no contact data)."""

    id: int
    number: str
    registration_time: dt.datetime
    subtype_code: str
    stage: str  # code (vocab.STAGES)


@service
def customer_cases(session: Session, customer_id: int, *, limit: int = 50) -> list[EarlierCase]:
    """The picked customer's cases the session may see (``access``'s ``see`` rule), newest
    first: what a repeat complaint [升级投诉] may link (docs/rules.md#registration)."""
    require_role(session, *INTAKE_ROLES)
    if not _row_id(customer_id):
        return []
    rows = (
        Complaint.select(
            Complaint.id,
            Complaint.number,
            Complaint.registration_time,
            Complaint.stage,
            ComplaintType.code,
        )
        .join(ComplaintType, on=(Complaint.subtype == ComplaintType.id))
        .where(Complaint.customer == customer_id, access.rules(session).see.expression())
        .order_by(Complaint.registration_time.desc(), Complaint.id.desc())
        .limit(limit)
    )
    return [EarlierCase(r.id, r.number, r.registration_time, r.subtype.code, r.stage) for r in rows]


@dataclass(frozen=True)
class CustomerMatch:
    id: int
    name: str
    contact: str  # masked
    member_number: str
    tier: str
    sensitive: bool


def _prefix(column: ColumnBase, text: str) -> Expression:
    """``column`` starts with ``text``: a range both SQLite and PostgreSQL answer from the
    column's index (LIKE 'x%' is not indexable under SQLite's default collation)."""
    return (column >= text) & (column < text + "\U0010ffff")


@service
def lookup_customers(session: Session, text: str, *, limit: int = 10) -> list[CustomerMatch]:
    """Known customers whose phone, member number or name starts with ``text``, among the
    customers within the session's reach (``access.customer_in_scope``: a case they may
    see); any other customer only when ``text`` is their exact full phone, member number or
    ID number (the clerk has the number). Contacts are masked (docs/rules.md#customers)."""
    require_role(session, *INTAKE_ROLES)
    if not _searchable(text or ""):
        return []
    text = (text or "").strip()
    if len(text) < 2:
        return []
    matches: dict[int, Customer] = {}
    for exact in (Customer.phone, Customer.member_number, Customer.id_number):
        for customer in Customer.select().where(exact == text).limit(limit):
            matches.setdefault(customer.id, customer)
    in_scope = access.customer_in_scope
    for column in (Customer.phone, Customer.member_number, Customer.name, Customer.email):
        if len(matches) >= limit:
            break
        for customer in (
            Customer.select()
            .where(_prefix(column, text))
            .order_by(column, Customer.id)
            .limit(limit * 5)
        ):
            if customer.id not in matches and in_scope(session, customer.id):
                matches[customer.id] = customer
                if len(matches) >= limit:
                    break
    return [
        CustomerMatch(
            c.id,
            c.name,
            mask_contact(c.phone or c.email or ""),
            c.member_number or "",
            c.tier,
            c.sensitive,
        )
        for c in list(matches.values())[:limit]
    ]


@dataclass(frozen=True)
class CustomerDetails:
    id: int
    name: str
    contact: str  # masked unless contact_masked is False
    member_number: str
    id_number: str  # masked with the contact
    tier: str
    sensitive: bool
    sensitive_kind: str
    past_cases: tuple[tuple[str, str, dt.datetime], ...]  # (number, stage, registered)
    contact_masked: bool = False


def _exact(customer: Customer, matched: str) -> bool:
    text = (matched or "").strip()
    return bool(text) and text in (customer.phone, customer.member_number, customer.id_number)


@service
def customer_for_intake(
    session: Session, customer_id: int, *, matched: str = ""
) -> CustomerDetails:
    """A picked customer's details to fill the form and their latest cases the session may
    see (docs/rules.md#customers). A customer outside the session's reach
    (``access.customer_in_scope``) only when ``matched`` — what the clerk typed — is their
    exact full phone, member number or ID number. Contacts and ID number in full only to
    those ``access.customer_contact`` allows, audited (``contact_unmasked``); masked
    otherwise (the form keeps what was typed)."""
    require_role(session, *INTAKE_ROLES)
    customer = Customer.get_or_none(Customer.id == customer_id) if _row_id(customer_id) else None
    if customer is None:
        raise NotFound(msg("This customer no longer exists."))
    if not access.customer_in_scope(session, customer.id) and not _exact(customer, matched):
        raise PermissionDenied(msg("This customer has no case in your queues."))
    full = access.customer_contact(session, customer.id)
    shown = [f for f in ("phone", "email", "id_number") if getattr(customer, f)]
    if full and shown and not audit.shown(session, "customer", customer.id, fields=shown):
        full = False
    if full:
        contact = "; ".join(c for c in (customer.phone, customer.email) if c)
        id_number = customer.id_number or ""
    else:
        contact = "; ".join(
            c for c in (mask_phone(customer.phone), mask_email(customer.email)) if c
        )
        id_number = mask_id_number(customer.id_number)
    cases = (
        Complaint.select(Complaint.number, Complaint.stage, Complaint.registration_time)
        .where(Complaint.customer == customer, access.rules(session).see.expression())
        .order_by(Complaint.registration_time.desc())
        .limit(20)
    )
    return CustomerDetails(
        customer.id,
        customer.name,
        contact,
        customer.member_number or "",
        id_number,
        customer.tier,
        customer.sensitive,
        customer.sensitive_kind or "",
        tuple((c.number, c.stage, c.registration_time) for c in cases),
        contact_masked=not full,
    )


@dataclass(frozen=True)
class CaseBrief:
    id: int
    number: str
    registration_time: dt.datetime
    stage: str
    subtype_code: str
    snippet: str


@dataclass(frozen=True)
class SimilarCases:
    customer_open: list[CaseBrief]
    today_same_subtype: int
    batch_threshold: int
    text_matches: list[CaseBrief]
    # docs/rules.md#typical-case-library: the library's entries of the subtype typed.
    typical: list[LibraryEntry] = field(default_factory=list)


def _briefs(query: ModelSelect[Complaint]) -> list[CaseBrief]:
    rows = query.select(
        Complaint.id,
        Complaint.number,
        Complaint.registration_time,
        Complaint.stage,
        Complaint.description,
        ComplaintType.code,
    ).join(ComplaintType, on=(Complaint.subtype == ComplaintType.id))
    return [
        CaseBrief(r.id, r.number, r.registration_time, r.stage, r.subtype.code, r.description[:60])
        for r in rows
    ]


@service
def similar_cases(
    session: Session,
    *,
    customer_id: int | None,
    subtype: str,
    text: str,
    product: str = "",
    limit: int = 5,
) -> SimilarCases:
    """What the intake side panel shows while the clerk types: the customer's open cases,
    today's count of the subtype (toward the batch threshold of docs/rules.md#urgency) and cases
    whose description shares the typed words; cases only where the session may see them
    (``access``'s ``see`` rule). Contacts are not included."""
    require_role(session, *INTAKE_ROLES)
    now = session.now()
    threshold = int(settings_service.get("rules.batch_threshold"))
    visible = access.rules(session).see.expression()
    customer_open: list[CaseBrief] = []
    if customer_id is not None:
        customer_open = _briefs(
            Complaint.select()
            .where(Complaint.customer == customer_id, Complaint.is_open, visible)
            .order_by(Complaint.registration_time.desc())
            .limit(limit)
        )
    today = 0
    sub = (
        ComplaintType.get_or_none(ComplaintType.code == subtype)
        if subtype and _searchable(subtype, 60)
        else None
    )
    if sub is not None:
        start = dt.datetime.combine(now.date(), dt.time.min)
        query = Complaint.select().where(
            Complaint.subtype == sub.id,
            Complaint.registration_time >= start,
            Complaint.registration_time < start + dt.timedelta(days=1),
        )
        product = (product or "").strip() if _searchable(product or "") else ""
        if product:
            query = query.where((Complaint.product == product) | (Complaint.merchant == product))
        today = query.count()
    matches: list[CaseBrief] = []
    if _searchable(text or "", 5000) and len((text or "").strip()) >= 2:
        ids = search.search(database_proxy.obj, text, limit=limit)
        if ids:
            found = Complaint.select().where(Complaint.id.in_(ids), visible)
            by_id = {b.id: b for b in _briefs(found)}
            matches = [by_id[i] for i in ids if i in by_id]
    typical = case_library.entries_for_subtype(sub.id) if sub is not None else []
    return SimilarCases(customer_open, today, threshold, matches, typical)
