"""The workflow actions of the case window (docs/rules.md#workflow): the worker side (read a case,
run an action on the version the user saw) and the window's side (``CaseActions``: which actions
are offered, their dialogs, running them, their results and conflicts).

Every action runs off the UI thread through ``perform``, which calls the action's service
function from ``SERVICE_CALLS`` with the version the user saw.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

import shiboken6
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QPushButton, QWidget

from desktop_app.domain.vocab import ESCALATION_STEPS, Term
from desktop_app.services import case_library, improvements, reference
from desktop_app.services.cases import (
    CaseConflict,
    CaseDetail,
    TimelineEvent,
    add_progress,
    assignees,
    close_case,
    decide_approval,
    escalate,
    get_case,
    note_account_frozen,
    reassess,
    renegotiate,
    reopen_case,
    request_approval,
    set_root_cause,
    timeline,
    transfer,
)
from desktop_app.services.errors import NotFound, PermissionDenied, ServiceError, ValidationError
from desktop_app.services.improvements import ImprovementInfo
from desktop_app.services.reference import TypeRef
from desktop_app.services.session import Session
from desktop_app.services.tracker import due_soon_window
from desktop_app.ui.case.dialogs import (
    ActionDialog,
    CloseCaseDialog,
    ConflictDialog,
    DecisionDialog,
    ReasonDialog,
    RenegotiateDialog,
    RootCauseDialog,
    TransferDialog,
)
from desktop_app.ui.case.progress import ProgressPanel
from desktop_app.ui.case.reassess_dialog import ReassessDialog
from desktop_app.ui.case_library import MarkTypicalDialog
from desktop_app.ui.i18n import service_message
from desktop_app.ui.tasks import Task, TaskRunner

log = logging.getLogger(__name__)


# Action name -> the service function that performs it. Each takes the session, the case
# id, the action's keyword arguments and ``version``, the version the user saw.
def _mark_typical(session: Session, case_id: int, *, version: int, **kwargs: str) -> object:
    """docs/rules.md#typical-case-library: the library keeps no case version."""
    return case_library.mark_typical(session, case_id, **kwargs)


SERVICE_CALLS: dict[str, Callable[..., object]] = {
    "progress": add_progress,
    "transfer": transfer,
    "escalate": escalate,
    "request_approval": request_approval,
    "decide_approval": decide_approval,
    "close": close_case,
    "reopen": reopen_case,
    "renegotiate": renegotiate,
    "reassess": reassess,
    "account_frozen": note_account_frozen,
    "root_cause": set_root_cause,
    "mark_typical": _mark_typical,
}


# --- worker side -----------------------------------------------------------------------


@dataclass(frozen=True)
class CaseState:
    """Everything the window shows, read in one worker call."""

    detail: CaseDetail
    events: list[TimelineEvent]
    assignees: list[tuple[int, str, str]]
    due_soon: dt.timedelta
    # The re-assessment's choices (read only when the session may re-assess).
    types: list[TypeRef] = field(default_factory=list)
    departments: list[Term] = field(default_factory=list)
    # The root-cause categories (docs/rules.md#root-causes), when the session may act.
    causes: list[Term] = field(default_factory=list)
    # The improvement actions linked to the case that the session may read
    # (docs/rules.md#improvement-actions).
    improvements: list[ImprovementInfo] = field(default_factory=list)


def load_case(session: Session, case_id: int) -> CaseState:
    """Detail, timeline and (when the session may transfer) the possible new owners; the
    type tree and departments when the session may re-assess or record improvement
    actions, and then the improvement actions linked to the case."""
    detail = get_case(session, case_id)
    events = timeline(session, case_id)
    people = assignees(session, case_id) if "transfer" in detail.actions else []
    # The improvement dialog needs the type tree and departments too.
    improving = session.role in improvements.READERS
    choices = "reassess" in detail.actions or improving
    # The tracker's "due soon" window, so both colour deadlines alike.
    return CaseState(
        detail,
        list(events),
        list(people),
        due_soon_window(session),
        reference.type_tree() if choices else [],
        reference.departments() if choices else [],
        reference.causes() if "root_cause" in detail.actions else [],
        improvements.actions_of_case(session, case_id) if improving else [],
    )


def perform(
    session: Session, case_id: int, action: str, kwargs: dict[str, Any], version: int
) -> CaseState:
    """Run one workflow action on ``version``, then read the case afresh."""
    SERVICE_CALLS[action](session, case_id, version=version, **kwargs)
    return load_case(session, case_id)


@dataclass
class PendingAction:
    """The action in flight (kept to apply it again after a conflict)."""

    action: str
    kwargs: dict[str, Any]
    dialog: ActionDialog | None = None


# --- the window's side -------------------------------------------------------------------

D = TypeVar("D", bound=ActionDialog)

if TYPE_CHECKING:
    # For the type checker only: the window it is mixed into is a QWidget (tr, sender …).
    # At run time the mixin stays a plain class, so the window's MRO and metaobject and the
    # translation context of its tr() calls are unchanged.
    class _Host(QWidget):
        """What CaseActions uses of the class it is mixed into (for the type checker)."""

        # CaseWindow

        def show_state(self, state: CaseState) -> None: ...
        def show_message(self, text: str, *, error: bool = True) -> None: ...
        def hide_message(self) -> None: ...
        def reload(self) -> Task: ...

    _Base = _Host
else:
    _Base = object


class CaseActions(_Base):
    """Mixin of ``CaseWindow``: the actions of the case it shows.

    The window sets what is declared here (its session, case, task runner, the buttons
    and the progress form) and calls ``init_actions()`` before it builds; it provides the
    signals, ``show_state``, ``show_message``, ``hide_message`` and ``reload``."""

    session: Session
    case_id: int
    tasks: TaskRunner
    language: str
    detail: CaseDetail | None
    assignee_choices: list[tuple[int, str, str]]
    type_choices: list[TypeRef]
    department_choices: list[Term]
    cause_choices: list[Term]
    action_buttons: dict[str, QPushButton]
    approve_button: QPushButton
    reject_button: QPushButton
    save_button: QPushButton
    progress: ProgressPanel
    case_changed: Signal
    loaded: Signal
    action_done: Signal
    action_failed: Signal
    status_message: Signal

    def init_actions(self) -> None:
        self.current_dialog: QDialog | None = None
        self.conflict_dialog: ConflictDialog | None = None
        self.conflict_resolver: Callable[[CaseConflict], str | None] | None = None
        self.pending: PendingAction | None = None
        self._action_task: Task | None = None

    # --- actions: availability ------------------------------------------------------------

    def _set_actions_enabled(self) -> None:
        detail = self.detail
        allowed = detail.actions if detail is not None else frozenset()
        busy = self._action_task is not None
        for action, button in self.action_buttons.items():
            button.setEnabled(action in allowed and not busy)
        deciding = "decide_approval" in allowed
        for button in (self.approve_button, self.reject_button):
            button.setVisible(deciding)
            button.setEnabled(deciding and not busy)
        self.save_button.setEnabled("progress" in allowed and not busy)
        self.progress.setEnabled(detail is not None)

    def can(self, action: str) -> bool:
        return self.detail is not None and action in self.detail.actions

    def busy(self) -> bool:
        return self._action_task is not None or self.tasks.busy()

    # --- actions: dialogs -----------------------------------------------------------------

    def _open_dialog(self, dialog: D) -> D:
        if (
            self.current_dialog is not None
            and shiboken6.isValid(self.current_dialog)
            and self.current_dialog is not dialog
        ):
            self.current_dialog.deleteLater()
        self.current_dialog = dialog
        dialog.accepted.connect(self._dialog_accepted)
        dialog.open()
        return dialog

    def _dialog_accepted(self) -> None:
        dialog = self.sender()
        if not isinstance(dialog, ActionDialog):
            return
        self._start(dialog.action, dialog.values(), dialog)

    def ask_transfer(self) -> TransferDialog | None:
        if not self.can("transfer"):
            return None
        assert self.detail is not None  # can() checked it
        dialog = TransferDialog(self.assignee_choices, self.language, self.detail.owner_id, self)
        return self._open_dialog(dialog)

    def ask_escalate(self) -> ReasonDialog | None:
        if not self.can("escalate"):
            return None
        assert self.detail is not None  # can() checked it
        step = ESCALATION_STEPS.label(str(min(self.detail.escalation_step + 1, 3)), self.language)
        dialog = ReasonDialog(
            "escalate",
            self.tr("Escalate the case"),
            self.tr("The case goes up to: {step}. They are notified.").format(step=step),
            self.tr("&Reason"),
            self,
        )
        return self._open_dialog(dialog)

    def ask_request_approval(self) -> ReasonDialog | None:
        if not self.can("request_approval"):
            return None
        dialog = ReasonDialog(
            "request_approval",
            self.tr("Request approval"),
            self.tr(
                "A supervisor approves the solution before it is "
                "carried out (level II and III and urgent cases)."
            ),
            self.tr("&Solution"),
            self,
            field="solution",
        )
        return self._open_dialog(dialog)

    def ask_approve(self) -> DecisionDialog | None:
        return self._ask_decision(True)

    def ask_reject(self) -> DecisionDialog | None:
        return self._ask_decision(False)

    def _ask_decision(self, approve: bool) -> DecisionDialog | None:
        if not self.can("decide_approval"):
            return None
        return self._open_dialog(DecisionDialog(approve, self))

    def ask_close_case(self) -> CloseCaseDialog | None:
        if not self.can("close"):
            return None
        return self._open_dialog(
            CloseCaseDialog(self.language, self, causes=self.cause_choices, detail=self.detail)
        )

    def ask_root_cause(self) -> RootCauseDialog | None:
        if not self.can("root_cause"):
            return None
        assert self.detail is not None  # can() checked it
        return self._open_dialog(
            RootCauseDialog(self.cause_choices, self.detail, self.language, self)
        )

    def ask_mark_typical(self) -> MarkTypicalDialog | None:
        """docs/rules.md#typical-case-library: a closed case into the library."""
        if not self.can("mark_typical"):
            return None
        return self._open_dialog(MarkTypicalDialog(self))

    def ask_reopen(self) -> ReasonDialog | None:
        if not self.can("reopen"):
            return None
        dialog = ReasonDialog(
            "reopen",
            self.tr("Reopen the case"),
            self.tr(
                "The case opens again as an escalated complaint "
                "(level III) with new deadlines from now."
            ),
            self.tr("&Reason"),
            self,
        )
        return self._open_dialog(dialog)

    def ask_renegotiate(self) -> RenegotiateDialog | None:
        if not self.can("renegotiate"):
            return None
        assert self.detail is not None  # can() checked it
        return self._open_dialog(RenegotiateDialog(self.detail, self.session.now(), self))

    def ask_reassess(self) -> ReassessDialog | None:
        if not self.can("reassess"):
            return None
        assert self.detail is not None  # can() checked it
        dialog = ReassessDialog(
            self.detail,
            self.type_choices,
            self.department_choices,
            self.language,
            may_lower=self.session.is_manager,
            parent=self,
        )
        return self._open_dialog(dialog)

    # --- actions: the calls ---------------------------------------------------------------

    def save_progress(self) -> Task | None:
        """Save the progress form as a new entry."""
        if not self.can("progress"):
            return None
        self.progress.clear_errors()
        return self._start("progress", {"form": self.progress.form()})

    def transfer(self, to_user_id: int, reason: str) -> Task | None:
        return self._start("transfer", {"to_user_id": to_user_id, "reason": reason})

    def escalate(self, reason: str) -> Task | None:
        return self._start("escalate", {"reason": reason})

    def request_approval(self, solution: str) -> Task | None:
        return self._start("request_approval", {"solution": solution})

    def decide_approval(self, approve: bool, comment: str = "") -> Task | None:
        return self._start("decide_approval", {"approve": approve, "comment": comment})

    def close_case(
        self,
        confirmed: bool,
        outcome: str = "resolved",
        reason: str = "",
        root_cause: str | None = None,
    ) -> Task | None:
        return self._start(
            "close",
            {
                "confirmed": confirmed,
                "outcome": outcome,
                "reason": reason,
                "root_cause": root_cause,
            },
        )

    def record_root_cause(self, root_cause: str, notes: str = "") -> Task | None:
        return self._start("root_cause", {"root_cause": root_cause, "root_cause_notes": notes})

    def reopen(self, reason: str) -> Task | None:
        return self._start("reopen", {"reason": reason})

    def renegotiate(self, new_due: dt.datetime, reason: str) -> Task | None:
        return self._start("renegotiate", {"new_due": new_due, "reason": reason})

    def reassess(self, **changes: Any) -> Task | None:
        """``cases.reassess`` with ``changes`` (urgent, urgent_reason, level, type_code,
        subtype_code, department_code, reason)."""
        return self._start("reassess", dict(changes))

    def record_account_frozen(self, frozen: bool | None = None) -> Task | None:
        """Record the customer's account as frozen now (``frozen`` None: the opposite of the
        note shown), or clear the note."""
        if not self.can("account_frozen"):
            return None
        assert self.detail is not None  # can() checked it
        if frozen is None:
            frozen = self.detail.account_frozen_at is None
        return self._start("account_frozen", {"frozen": frozen})

    def _start(
        self, action: str, kwargs: dict[str, Any], dialog: ActionDialog | None = None
    ) -> Task | None:
        if self.detail is None or self._action_task is not None:
            return None
        self.hide_message()
        self.pending = PendingAction(action, kwargs, dialog)
        return self._submit(self.detail.version)

    def _submit(self, version: int) -> Task:
        pending = self.pending
        assert pending is not None  # set by _start, kept for an apply again
        task = self.tasks.submit(
            perform,
            self.session,
            self.case_id,
            pending.action,
            pending.kwargs,
            version,
            name=f"case-{pending.action}",
        )
        self._action_task = task
        task.on(
            succeeded=self._action_succeeded,
            failed=self._action_failed,
            finished=self._action_finished,
        )
        self._set_actions_enabled()
        if pending.action == "progress":
            self.save_button.setText(self.tr("Saving…"))
        return task

    def _action_finished(self) -> None:
        if self.sender() is self._action_task:
            # Neither succeeded nor failed: a bug, reported by the crash handler.
            self._action_task = None
            self.pending = None
        if self._action_task is None:  # not followed by an "apply again"
            self.save_button.setText(self.tr("&Save entry"))
        self._set_actions_enabled()

    def _action_succeeded(self, state: CaseState) -> None:
        pending = self.pending
        self.pending = None
        self._action_task = None
        self.show_state(state)
        if pending is not None:
            if pending.action == "progress":
                self.progress.clear_form()
            if pending.dialog is not None and shiboken6.isValid(pending.dialog):
                pending.dialog.deleteLater()
                if self.current_dialog is pending.dialog:
                    self.current_dialog = None
            self.status_message.emit(self.done_text(pending.action))
            log.info("case %s: %s done", state.detail.number, pending.action)
        self.case_changed.emit(self.case_id)
        self.action_done.emit(pending.action if pending else "")
        self.loaded.emit()

    def done_text(self, action: str) -> str:
        return {
            "progress": self.tr("The progress entry was saved."),
            "transfer": self.tr("The case was transferred."),
            "escalate": self.tr("The case was escalated."),
            "request_approval": self.tr("Approval was requested."),
            "decide_approval": self.tr("The decision was recorded."),
            "close": self.tr("The case was closed."),
            "reopen": self.tr("The case was reopened."),
            "renegotiate": self.tr("The resolution date was renegotiated."),
            "reassess": self.tr("The case was re-assessed."),
            "account_frozen": self.tr("The account frozen note was recorded."),
            "root_cause": self.tr("The root cause was recorded."),
            "mark_typical": self.tr("The case is in the typical-case library."),
        }.get(action, "")

    def action_text(self, action: str) -> str:
        return {
            "progress": self.tr("your progress entry"),
            "transfer": self.tr("your transfer"),
            "escalate": self.tr("your escalation"),
            "request_approval": self.tr("your approval request"),
            "decide_approval": self.tr("your decision"),
            "close": self.tr("closing the case"),
            "reopen": self.tr("reopening the case"),
            "renegotiate": self.tr("the new resolution date"),
            "reassess": self.tr("your re-assessment"),
            "account_frozen": self.tr("the account frozen note"),
            "root_cause": self.tr("the root cause"),
            "mark_typical": self.tr("the typical case"),
        }.get(action, action)

    def _action_failed(self, exc: ServiceError) -> None:
        pending = self.pending
        self._action_task = None
        action = pending.action if pending else ""
        if isinstance(exc, CaseConflict):
            self.show_conflict(exc)
        elif isinstance(exc, ValidationError) and action == "progress":
            self.pending = None
            self.progress.show_error(exc.field, service_message(exc))
        elif (
            # Bad input, or a refusal about one field (a supervisor lowering the level).
            (isinstance(exc, ValidationError) or (isinstance(exc, PermissionDenied) and exc.field))
            and pending
            and pending.dialog is not None
            and shiboken6.isValid(pending.dialog)
        ):
            self.pending = None
            dialog = pending.dialog
            self.current_dialog = dialog
            dialog.show_error(self._dialog_field(dialog, exc.field), service_message(exc))
            dialog.open()
        else:
            self.pending = None
            self.show_message(self.tr("Not done: {reason}").format(reason=service_message(exc)))
            if isinstance(exc, PermissionDenied | NotFound):
                self.reload()
        self.action_failed.emit(action, exc)

    @staticmethod
    def _dialog_field(dialog: ActionDialog, name: str | None) -> str | None:
        if name in dialog.fields:
            return name
        if name == "reason" and "outcome_reason" in dialog.fields:
            return "outcome_reason"
        if name in ("to_user_id", "to_user", "owner") and "assignee" in dialog.fields:
            return "assignee"
        if name == "renegotiated_due" and "new_due" in dialog.fields:
            return "new_due"
        return name

    # --- conflicts ------------------------------------------------------------------------

    def show_conflict(self, conflict: CaseConflict) -> ConflictDialog | None:
        """Another PC changed the case: reload or apply the same action again."""
        if self.conflict_resolver is not None:
            self.resolve_conflict(conflict, self.conflict_resolver(conflict))
            return None
        if self.conflict_dialog is not None and shiboken6.isValid(self.conflict_dialog):
            self.conflict_dialog.deleteLater()
        action = self.pending.action if self.pending else ""
        dialog = ConflictDialog(conflict, self.action_text(action), self)
        self.conflict_dialog = dialog
        dialog.finished.connect(self._conflict_closed)
        dialog.open()
        return dialog

    def _conflict_closed(self) -> None:
        dialog = self.sender()
        if not isinstance(dialog, ConflictDialog):
            return
        self.resolve_conflict(dialog.conflict, dialog.choice)

    def resolve_conflict(self, conflict: CaseConflict, choice: str | None) -> Task | None:
        """``"apply"``: the same action on ``conflict.current_version``; anything else:
        forget the action and reload (the typed progress entry stays)."""
        if (
            choice == ConflictDialog.APPLY
            and self.pending is not None
            and self._action_task is None
        ):
            return self._submit(conflict.current_version)
        self.pending = None
        self.show_message(
            self.tr("The case was reloaded; nothing of yours was saved."), error=False
        )
        return self.reload()
