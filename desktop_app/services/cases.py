"""One case: its detail, its timeline, and the workflow of SPEC §6 (template 2).

CONTRACT (bodies being written): the case window programs against these names.

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
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.services.errors import ConflictError
from desktop_app.services.session import Session

# Action names for ``CaseDetail.actions`` (what the session may do now).
ACTIONS = ("progress", "transfer", "escalate", "request_approval", "decide_approval",
           "close", "reopen", "renegotiate")


@dataclass(frozen=True)
class Change:
    """One change another user made since the version the user saw."""

    at: dt.datetime
    user: str           # display name (or user name)
    action: str         # audit action code, e.g. "progress", "transfer"
    summary: str        # one line, English (UI translates known actions itself)


class CaseConflict(ConflictError):
    """The case changed since ``seen_version``. ``changes`` says who changed what;
    ``current_version`` is the version to re-apply on."""

    def __init__(self, number: str, seen_version: int, current_version: int,
                 changes: list[Change]):
        super().__init__("Someone else changed case {number} since you opened it.",
                         number=number)
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
    contact: str                 # masked unless entitled
    contact_masked: bool
    member_number: str
    id_number: str               # masked unless entitled
    member_tier: str             # label
    complaint_time: dt.datetime
    registration_time: dt.datetime
    channel: str                 # label
    type: str                    # label
    subtype: str                 # label
    urgency: str                 # code (vocab.URGENCY)
    description: str
    customer_requests: str       # labels joined with "、"
    product: str
    merchant: str
    receiver: str                # display name
    # State.
    stage: str                   # code
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
    outcome: str | None          # code
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
    actions: frozenset[str] = frozenset()       # subset of ACTIONS allowed now
    next_stages: tuple[str, ...] = ()           # stages a progress entry may move to


@dataclass(frozen=True)
class TimelineEvent:
    at: dt.datetime
    kind: str      # registered, progress, transfer, escalation, approval_requested,
    #               approval_decided, reminder, survey, audit
    actor: str     # display name ("" for the system)
    title: str     # short English line (the UI shows it translated where it knows the kind)
    details: dict = field(default_factory=dict)   # kind-specific values (codes, times, text)
    attachments: tuple[tuple[int, str], ...] = ()  # (attachment id, file name)


@dataclass
class ProgressForm:
    """Template 2 fields of one progress entry. ``stage`` is the current stage or one of
    ``CaseDetail.next_stages``."""

    stage: str = ""
    planned_completion: dt.datetime | None = None
    actual_completion: dt.datetime | None = None
    result: str = ""
    customer_feedback: str = ""   # "" or vocab.FEEDBACK code
    feedback_comment: str = ""
    next_action: str = ""
    customer_contacted: bool = False   # this entry was a contact with the customer
    attachments: list[Path] = field(default_factory=list)


def get_case(session: Session, case_id: int) -> CaseDetail: ...
def find_case(session: Session, number: str) -> CaseDetail: ...
def timeline(session: Session, case_id: int) -> list[TimelineEvent]: ...
def assignees(session: Session, case_id: int) -> list[tuple[int, str, str]]:
    """(user id, display name, role code) the case may be assigned or transferred to."""
def add_progress(session: Session, case_id: int, form: ProgressForm, *, version: int
                 ) -> CaseDetail: ...
def transfer(session: Session, case_id: int, to_user_id: int, reason: str, *, version: int
             ) -> CaseDetail: ...
def escalate(session: Session, case_id: int, reason: str, *, version: int) -> CaseDetail: ...
def request_approval(session: Session, case_id: int, solution: str, *, version: int
                     ) -> CaseDetail: ...
def decide_approval(session: Session, case_id: int, approve: bool, comment: str, *,
                    version: int) -> CaseDetail: ...
def close_case(session: Session, case_id: int, *, confirmed: bool, outcome: str, reason: str,
               version: int) -> CaseDetail: ...
def reopen_case(session: Session, case_id: int, reason: str, *, version: int) -> CaseDetail: ...
def renegotiate(session: Session, case_id: int, new_due: dt.datetime, reason: str, *,
                version: int) -> CaseDetail: ...
