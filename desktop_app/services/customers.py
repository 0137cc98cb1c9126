"""The customer record (docs/rules.md#customers): what the customer dialog shows and the
supervisors' and managers' edit of it — name, contacts, member number and tier, and the
sensitive kind that makes the customer's complaints urgent (docs/rules.md#urgency).

Who sees what (never more than the case window shows):

- **open the record** (``get_customer``): supervisors and managers any customer (they edit
  customer flags and pick customers in the intake look-up); clerks and administrators only
  a customer with a case they may see (``access``'s ``see`` rule).
- **contacts and ID number in full**: managers, and whoever may see the contact of one of
  the customer's cases (``access``'s ``contact`` rule); everyone else sees them masked
  (docs/rules.md#masking). A full showing is audited (``contact_unmasked`` on the
  customer), and shown masked when that record cannot be written.
- **edit** (``update_customer``): supervisors and managers. Changing a contact needs the
  contacts in full (someone who sees them masked leaves them as they are). A reason is
  required when the tier or sensitivity changes. The audit entry lists every change old →
  new, contacts masked as everywhere in the audit log.

The customer's ``updated_at`` is the version: a second edit based on an older reading is
refused (``ConflictError``). A tier or sensitivity change applies to the customer's next
complaint (registration reads the customer record, ``intake.register_complaint``); with
``reassess_open`` it also re-assesses the customer's open cases the session supervises
(docs/rules.md#re-assessment): a sensitive customer's case becomes urgent (reason
``sensitive``), a VIP's is raised to level III, deadlines computed again and the case routed
again as ``cases.reassess`` does. Re-assessment only raises: taking an urgent mark off or
lowering a level stays a manager's re-assessment of the case.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Any

from desktop_app.db.connection import for_update, write_lock
from desktop_app.db.models import Complaint, ComplaintType, Customer, database_proxy
from desktop_app.domain import validation
from desktop_app.domain.masking import mask_email, mask_id_number, mask_phone
from desktop_app.domain.messages import msg
from desktop_app.domain.vocab import MEMBER_TIERS, SENSITIVE_KINDS, split_multi
from desktop_app.services import access, audit, cases, sla
from desktop_app.services.errors import ConflictError, NotFound, PermissionDenied, service
from desktop_app.services.intake import FieldProblem, FormInvalid
from desktop_app.services.permissions import require_role, require_staff
from desktop_app.services.session import Session

log = logging.getLogger(__name__)

EDIT_ROLES = ("supervisor", "manager")
REASON_MAX = 500
# The sensitive kind of a customer marked sensitive without one (older data): passed back
# unchanged, it leaves the customer sensitive.
UNRECORDED = "?"


@dataclass(frozen=True)
class CustomerRecord:
    """What the customer dialog shows. Contacts and ID number masked unless entitled."""

    id: int
    name: str
    phone: str
    email: str
    contact_masked: bool
    member_number: str
    id_number: str
    tier: str  # code (vocab.MEMBER_TIERS)
    sensitive: bool
    sensitive_kind: str  # code (vocab.SENSITIVE_KINDS), "" when not recorded
    updated_at: dt.datetime  # the version update_customer checks
    open_cases: int  # the customer's open cases the session may see
    may_edit: bool  # the session may call update_customer


@dataclass(frozen=True)
class CustomerUpdated:
    record: CustomerRecord
    changed: tuple[str, ...]  # the fields that changed
    reassessed: int  # open cases re-assessed (made urgent or raised to level III)
    not_reassessed: int  # open cases that needed it but the session does not supervise


def _load(customer_id: object) -> Customer:
    customer = (
        Customer.get_or_none(Customer.id == customer_id)
        if isinstance(customer_id, int) and not isinstance(customer_id, bool)
        else None
    )
    if customer is None:
        raise NotFound(msg("This customer no longer exists."))
    return customer


def _open_cases(customer: Customer, scope: access.Scope) -> Any:
    return Complaint.select().where(
        Complaint.customer == customer.id, Complaint.is_open, scope.expression()
    )


def _has_case(customer: Customer, scope: access.Scope) -> bool:
    return bool(
        Complaint.select(Complaint.id)
        .where(Complaint.customer == customer.id, scope.expression())
        .exists()
    )


def _entitled(session: Session, customer: Customer) -> bool:
    """Whether the session sees the customer's contacts and ID number in full."""
    return access.customer_contact(session, customer.id)


def _record(session: Session, customer: Customer, *, full: bool) -> CustomerRecord:
    rules = access.rules(session)
    return CustomerRecord(
        id=customer.id,
        name=customer.name,
        phone=(customer.phone or "") if full else mask_phone(customer.phone),
        email=(customer.email or "") if full else mask_email(customer.email),
        contact_masked=not full,
        member_number=customer.member_number or "",
        id_number=(customer.id_number or "") if full else mask_id_number(customer.id_number),
        tier=customer.tier,
        sensitive=bool(customer.sensitive),
        sensitive_kind=customer.sensitive_kind or "",
        updated_at=customer.updated_at,
        open_cases=_open_cases(customer, rules.see).count(),
        may_edit=session.role in EDIT_ROLES,
    )


@service
def get_customer(session: Session, customer_id: int) -> CustomerRecord:
    """The customer record as the session may see it (see the module documentation)."""
    require_staff(session)
    customer = _load(customer_id)
    if session.role not in EDIT_ROLES and not _has_case(customer, access.rules(session).see):
        raise PermissionDenied(msg("This customer has no case in your queues."))
    full = _entitled(session, customer)
    record = _record(session, customer, full=full)
    shown = [f for f in ("phone", "email", "id_number") if getattr(customer, f)]
    if not full or not shown:
        return record
    if not audit.shown(session, "customer", customer.id, fields=shown):
        return _record(session, customer, full=False)
    return record


def _audit_value(name: str, value: Any) -> Any:
    """A value as the audit log keeps it: contacts and ID numbers masked."""
    if name == "phone":
        return mask_phone(value)
    if name == "email":
        return mask_email(value)
    return value


@service
def update_customer(
    session: Session,
    customer_id: int,
    *,
    updated_at: dt.datetime,
    name: str,
    member_number: str,
    tier: str,
    sensitive_kind: str | None,
    phone: str | None = None,
    email: str | None = None,
    reason: str = "",
    reassess_open: bool = False,
) -> CustomerUpdated:
    """Save the customer record (supervisors and managers). ``updated_at``: the version read
    (``CustomerRecord.updated_at``); ``phone``/``email`` None leave the contact as it is;
    ``sensitive_kind`` None: not sensitive. Every bad field is reported at once
    (``FormInvalid``, nothing written)."""
    require_role(session, *EDIT_ROLES)
    problems: list[FieldProblem] = []

    def bad(field: str, problem: Any, **params: object) -> None:
        if problem is None:
            return
        if isinstance(problem, validation.Problem):
            problems.append(FieldProblem(field, problem.template, {**problem.params, **params}))
        else:
            problems.append(FieldProblem(field, problem, params))

    bad("customer_name", validation.check_text(name, minimum=1, maximum=100))
    bad("member_number", validation.check_text(member_number, maximum=60))
    bad("reason", validation.check_text(reason, maximum=REASON_MAX))
    if phone is not None:
        problem = validation.check_text(phone, maximum=40)
        bad("customer_phone", problem)
        kind = validation.contact_kind(phone.strip()) if phone.strip() else "mobile"  # none is fine
        if problem is None and kind not in ("mobile", "landline"):
            bad(
                "customer_phone",
                msg(
                    "{value!r} is not a valid phone number: use a mainland mobile "
                    "number (11 digits, 13x–19x) or a landline with its area code "
                    "(010-12345678)."
                ),
                value=phone.strip(),
            )
    if email is not None:
        problem = validation.check_text(email, maximum=120)
        bad("customer_email", problem)
        if problem is None and email.strip() and validation.contact_kind(email.strip()) != "email":
            bad(
                "customer_email",
                msg("{value!r} is not a valid e-mail address."),
                value=email.strip(),
            )
    if not (isinstance(tier, str) and tier in MEMBER_TIERS):
        bad("member_tier", msg("Choose a member tier."))
    if sensitive_kind is not None and not (
        isinstance(sensitive_kind, str)
        and (sensitive_kind in SENSITIVE_KINDS or sensitive_kind == UNRECORDED)
    ):
        bad("sensitive_kind", msg("Choose the kind of sensitive customer from the list."))
    if not isinstance(reassess_open, bool):
        bad("reassess_open", msg("Say whether to re-assess the open cases (yes or no)."))
    if problems:
        raise FormInvalid(problems)

    now = session.now()
    ctx = sla.SlaContext.load()
    reassessed = skipped = 0
    with write_lock(database_proxy.obj):
        customer = _load(customer_id)
        if customer.updated_at != updated_at:
            raise ConflictError(
                msg("Someone else changed this customer's record since you opened it; reload it.")
            )
        full = _entitled(session, customer)
        new = {
            "name": name.strip(),
            "phone": customer.phone if phone is None else (phone.strip() or None),
            "email": customer.email if email is None else (email.strip() or None),
            "member_number": member_number.strip() or None,
            "tier": tier,
            "sensitive_kind": sensitive_kind,
        }
        old = {key: getattr(customer, key) for key in new}
        if customer.sensitive and not customer.sensitive_kind:
            old["sensitive_kind"] = UNRECORDED
        if not customer.sensitive:
            old["sensitive_kind"] = None
        if sensitive_kind == UNRECORDED and old["sensitive_kind"] != UNRECORDED:
            bad("sensitive_kind", msg("Choose the kind of sensitive customer from the list."))
        changed = tuple(key for key in new if new[key] != old[key])
        for key, field in (("phone", "customer_phone"), ("email", "customer_email")):
            if key in changed and not full:
                raise PermissionDenied(
                    msg("You see this customer's contacts masked and may not change them."),
                    field=field,
                )
        if ("phone" in changed or "email" in changed) and not (new["phone"] or new["email"]):
            bad("customer_phone", msg("Enter a phone number or an e-mail address."))
        if new["member_number"] and "member_number" in changed:
            other = Customer.get_or_none(
                (Customer.member_number == new["member_number"]) & (Customer.id != customer.id)
            )
            if other is not None:
                bad(
                    "member_number",
                    msg("Another customer ({name}) has this member number."),
                    name=other.name,
                )
        flags_changed = "tier" in changed or "sensitive_kind" in changed
        if (flags_changed or reassess_open) and not reason.strip():
            bad(
                "reason",
                msg("Give the reason: the tier or sensitivity decides how complaints are handled."),
            )
        if not changed and not reassess_open:
            bad("", msg("Nothing to change."))
        if problems:
            raise FormInvalid(problems)
        if changed:
            for key in changed:
                setattr(customer, key, new[key])
            if "sensitive_kind" in changed:
                customer.sensitive = new["sensitive_kind"] is not None
            # The version must move even when the clock has not (two saves in one instant).
            customer.updated_at = max(now, customer.updated_at + dt.timedelta(microseconds=1))
            customer.save()
        if reassess_open:
            reassessed, skipped = _reassess_open(session, customer, ctx, now, reason.strip())
        details: dict[str, Any] = {
            key: [_audit_value(key, old[key]), _audit_value(key, new[key])] for key in changed
        }
        details.update(reason=reason.strip(), reassessed=reassessed)
        audit.record(session, "customer_update", "customer", customer.id, **details)
    if reassessed:
        cases.sla_rewind(session)
    record = _record(session, Customer.get_by_id(customer.id), full=full)
    return CustomerUpdated(record, changed, reassessed, skipped)


def _needs(customer: Customer, case: Complaint) -> tuple[bool, bool]:
    """(make urgent, raise to level III) for one open case of the customer."""
    urgent = bool(customer.sensitive) and not (
        case.urgent and "sensitive" in split_multi(case.urgent_reasons)
    )
    return urgent, customer.tier == "vip" and case.level < 3


def _reassess_open(
    session: Session, customer: Customer, ctx: sla.SlaContext, now: dt.datetime, reason: str
) -> tuple[int, int]:
    """Re-assess the customer's open cases (inside the caller's write lock); returns
    (re-assessed, needing it but outside the session's supervision)."""
    supervise = access.rules(session).supervise
    done = skipped = 0
    for case in for_update(
        Complaint.select()
        .where(Complaint.customer == customer.id, Complaint.is_open)
        .order_by(Complaint.id)
    ):
        urgent, raise_level = _needs(customer, case)
        if not (urgent or raise_level):
            continue
        if not supervise.admits(case):
            skipped += 1
            continue
        subtype = ComplaintType.get_by_id(case.subtype_id)
        before = cases.reassess_state(case, subtype)
        if urgent:
            sla.add_urgent_reason(case, "sensitive")
        if raise_level:
            case.level = 3
        cases.finish_reassessment(
            session,
            case,
            ctx,
            now,
            before=before,
            subtype=subtype,
            old_subtype=subtype,
            floor=sla.default_level(subtype, customer.tier, case.reopen_count > 0),
            reason=reason,
            customer=customer.id,
        )
        case.version += 1
        case.updated_at, case.updated_by_id = now, session.user_id
        case.save()
        done += 1
    return done, skipped
