"""The typical-case library [典型案例库] (seed 000 §六(三), docs/rules.md#typical-case-library):
closed cases a supervisor or manager marked as typical, with a summary, the lesson and the
handling script that worked, for staff to learn from.

The library holds no personal data: no customer name, contact or ID number, and the
description kept is the case's with the phone numbers, ID numbers, e-mail addresses and the
customer's name written in it masked (``domain/masking.py`` ``mask_free_text``) when the case
is marked. Everyone on the staff reads it (search by text, type or subtype, product and
cause); the intake side panel lists the entries of the subtype being typed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from peewee import JOIN, ModelSelect

from desktop_app.db.connection import write_lock
from desktop_app.db.models import (
    CauseCategory,
    Complaint,
    ComplaintType,
    Customer,
    TypicalCase,
    User,
    database_proxy,
)
from desktop_app.domain.masking import mask_contact, mask_free_text
from desktop_app.domain.messages import msg
from desktop_app.services import access, audit
from desktop_app.services.errors import NotFound, PermissionDenied, ValidationError, service
from desktop_app.services.permissions import require_role, require_staff
from desktop_app.services.session import Session

MAX_TEXT = 4000
MARK_ROLES = ("supervisor", "manager")
SEARCH_LIMIT = 200


@dataclass(frozen=True)
class LibraryEntry:
    id: int
    case_id: int
    number: str
    type_code: str
    type_zh: str
    type_en: str
    subtype_code: str
    subtype_zh: str
    subtype_en: str
    product: str
    cause: str  # root-cause code, "" when none
    cause_zh: str
    cause_en: str
    summary: str
    lesson: str
    script: str
    description: str  # masked
    marked_by: str  # display name
    marked_at: dt.datetime

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "type": self.type_code,
            "subtype": self.subtype_code,
            "product": self.product,
            "cause": self.cause,
            "summary": self.summary,
            "lesson": self.lesson,
            "script": self.script,
            "description": self.description,
            "marked_by": self.marked_by,
            "marked_at": self.marked_at.isoformat(sep=" "),
        }


def _text(value: object, field: str) -> str:
    text = value.strip() if isinstance(value, str) else ""
    if not text:
        raise ValidationError(msg("Required."), field=field)
    if len(text) > MAX_TEXT:
        raise ValidationError(
            msg("At most {max} characters."),
            field=field,
            max=MAX_TEXT,
        )
    return text


def _query() -> ModelSelect[TypicalCase]:
    Subtype = ComplaintType.alias("subtype")
    return (
        TypicalCase.select(TypicalCase, Complaint, ComplaintType, Subtype, CauseCategory, User)
        .join(Complaint, on=(TypicalCase.complaint == Complaint.id))
        .join(ComplaintType, on=(Complaint.type == ComplaintType.id))
        .switch(Complaint)
        .join(Subtype, on=(Complaint.subtype == Subtype.id))
        .switch(Complaint)
        .join(
            CauseCategory,
            join_type=JOIN.LEFT_OUTER,
            on=(Complaint.root_cause == CauseCategory.id),
        )
        .switch(TypicalCase)
        .join(User, on=(TypicalCase.marked_by == User.id))
    )


def _entry(row: TypicalCase) -> LibraryEntry:
    case = row.complaint
    cause = getattr(case, "root_cause", None)
    return LibraryEntry(
        row.id,
        case.id,
        case.number,
        case.type.code,
        case.type.name_zh,
        case.type.name_en,
        case.subtype.code,
        case.subtype.name_zh,
        case.subtype.name_en,
        case.product or "",
        cause.code if cause is not None and cause.id is not None else "",
        cause.name_zh if cause is not None and cause.id is not None else "",
        cause.name_en if cause is not None and cause.id is not None else "",
        row.summary,
        row.lesson,
        row.script,
        row.description,
        row.marked_by.display_name or row.marked_by.username,
        row.marked_at,
    )


def masked_description(case: Complaint) -> str:
    """The case's description as the library keeps it: phones, ID numbers, e-mail addresses
    and the customer's name masked."""
    names = [case.customer_name]
    customer = Customer.get_or_none(Customer.id == case.customer_id)
    if customer is not None:
        names.append(customer.name)
    text = case.description
    for number in (case.contact, case.member_number, case.id_number):
        for part in (number or "").replace(";", " ").replace("/", " ").split():
            if len(part) >= 4:
                text = text.replace(part, mask_contact(part))
    return mask_free_text(text, tuple(n for n in names if n))


@service
def mark_typical(
    session: Session, case_id: int, summary: str, lesson: str, script: str
) -> LibraryEntry:
    """Put a closed case into the library (or change its entry): supervisors of the case
    (``access.supervises``) and managers."""
    require_role(session, *MARK_ROLES)
    if session.user_id is None:
        raise PermissionDenied(msg("Sign in to mark a typical case."))
    values = {
        "summary": _text(summary, "summary"),
        "lesson": _text(lesson, "lesson"),
        "script": _text(script, "script"),
    }
    with write_lock(database_proxy.obj):
        case = _supervised_case(session, case_id)
        if case.is_open:
            raise ValidationError(
                msg("Case {number} is still open: only closed cases are typical cases."),
                field="case",
                number=case.number,
            )
        now = session.now()
        description = masked_description(case)
        entry = TypicalCase.get_or_none(TypicalCase.complaint == case.id)
        created = entry is None
        if entry is None:
            entry = TypicalCase.create(
                complaint=case.id,
                description=description,
                marked_by=session.user_id,
                marked_at=now,
                updated_at=now,
                **values,
            )
        else:
            for name, value in values.items():
                setattr(entry, name, value)
            entry.description = description
            entry.updated_at = now
            entry.save()
        audit.record(
            session,
            "typical_case_mark",
            "complaint",
            case.id,
            created=created,
            summary=values["summary"][:200],
        )
        return _entry(_query().where(TypicalCase.id == entry.id).get())


def _supervised_case(session: Session, case_id: int) -> Complaint:
    """The case, for who may mark it typical (its supervisors and managers)."""
    case = Complaint.get_or_none(Complaint.id == case_id)
    if case is None or not access.may_see(session, case):
        raise NotFound(msg("No case has the id {id}."), id=case_id)
    if not access.supervises(session, case):
        raise PermissionDenied(
            msg("Only a supervisor of the case's department or a manager marks it typical.")
        )
    return case


@service
def remove_typical(session: Session, case_id: int) -> None:
    """Take a case out of the library (who may mark it)."""
    require_role(session, *MARK_ROLES)
    with write_lock(database_proxy.obj):
        case = _supervised_case(session, case_id)
        deleted = TypicalCase.delete().where(TypicalCase.complaint == case.id).execute()
        if not deleted:
            raise NotFound(msg("Case {number} is not in the library."), number=case.number)
        audit.record(session, "typical_case_remove", "complaint", case.id)


def _type_ids(code: str) -> list[int]:
    """A type code: itself and its subtypes; a subtype code: itself."""
    found = ComplaintType.get_or_none(ComplaintType.code == code)
    if found is None:
        raise ValidationError(msg("Unknown complaint type {codes}."), field="type", codes=code)
    return [found.id] + [
        t.id for t in ComplaintType.select(ComplaintType.id).where(ComplaintType.parent == found.id)
    ]


@service
def search_library(
    session: Session,
    *,
    text: str = "",
    type_code: str = "",
    product: str = "",
    cause: str = "",
    limit: int = SEARCH_LIMIT,
) -> list[LibraryEntry]:
    """The library's entries, newest first: ``text`` in the summary, lesson, script,
    description or product; ``type_code`` a type (its subtypes included) or a subtype;
    ``product`` a part of the product; ``cause`` a root-cause code. Every staff role."""
    require_staff(session)
    query = _query()
    text = (text or "").strip()
    if text:
        query = query.where(
            TypicalCase.summary.contains(text)
            | TypicalCase.lesson.contains(text)
            | TypicalCase.script.contains(text)
            | TypicalCase.description.contains(text)
            | Complaint.product.contains(text)
        )
    if type_code:
        ids = _type_ids(type_code)
        query = query.where(Complaint.type.in_(ids) | Complaint.subtype.in_(ids))
    product = (product or "").strip()
    if product:
        query = query.where(Complaint.product.contains(product))
    if cause:
        query = query.where(CauseCategory.code == cause)
    query = query.order_by(TypicalCase.marked_at.desc(), TypicalCase.id.desc()).limit(
        max(1, min(int(limit), SEARCH_LIMIT))
    )
    return [_entry(row) for row in query]


def entries_for_subtype(subtype_id: int, limit: int = 5) -> list[LibraryEntry]:
    """The newest entries of one subtype (no permission check: for services that made one)."""
    query = (
        _query()
        .where(Complaint.subtype == subtype_id)
        .order_by(TypicalCase.marked_at.desc(), TypicalCase.id.desc())
        .limit(limit)
    )
    return [_entry(row) for row in query]


@service
def typical_for_subtype(session: Session, subtype: str, limit: int = 5) -> list[LibraryEntry]:
    """The library's entries of a subtype (code), newest first: what the intake side panel
    lists while a new case of that subtype is typed."""
    require_staff(session)
    found = ComplaintType.get_or_none(ComplaintType.code == (subtype or "").strip())
    if found is None:
        return []
    return entries_for_subtype(found.id, limit)
