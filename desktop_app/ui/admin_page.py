"""The administration page (issue 8): the audit log, accounts and backups, each a tab
(``admin_tabs``) that only the roles allowed to use it get:

- "Audit log" (``audit_tab``, managers and administrators): ``ui/admin_audit.py``;
- "Accounts" (``accounts_tab``, administrators): ``ui/admin_accounts.py``;
- "Backups" (``backups_tab``, administrators): ``ui/admin_backups.py``;
- "Notifications" (``notifications_tab``, managers and administrators): the group-robot
  messages not delivered (table ``webhook_failures``), ``ui/admin_notify.py``.

Above the tabs, for managers and administrators, ``audit_protection_state`` says whether
the audit log is protected (``check.audit_protection``, read off the UI thread whenever the
page is read again): red with what to do when the database no longer refuses changes to
audit entries, a warning when the program connects to PostgreSQL as the audit log's owner,
a plain line otherwise (docs/rules.md#audit-log).

``AdminPage.status_message(str)`` carries texts for the window's status bar;
``signed_out_requested()`` is emitted after a restore (the window must sign out: what it
shows belongs to the replaced database).

The daily automatic backup of a running program is ``ui/auto_backup.py`` ``AutoBackup``
(every main window has one; this page only shows the backups it takes).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from desktop_app.services import audit, check
from desktop_app.services.check import AuditProtection
from desktop_app.services.errors import ServiceError
from desktop_app.services.session import Session
from desktop_app.ui.admin_accounts import AccountsTab
from desktop_app.ui.admin_audit import PAGE_SIZE, AuditTab
from desktop_app.ui.admin_backups import BackupsTab
from desktop_app.ui.admin_notify import NotificationsTab
from desktop_app.ui.changes import KINDS, ChangeHub
from desktop_app.ui.i18n import service_message
from desktop_app.ui.pages import DataPage, page_title
from desktop_app.ui.resources import set_tone
from desktop_app.ui.tasks import Task, TaskRunner

log = logging.getLogger(__name__)


def may_administer(session: Session) -> bool:
    """Whether ``session`` gets at least one tab of the administration page."""
    return session.role in audit.AUDIT_ROLES or session.role == "admin"


class AdminPage(DataPage):
    """See the module documentation. ``audit_page_size`` is the audit table's page."""

    status_message = Signal(str)
    signed_out_requested = Signal()

    def __init__(
        self,
        session: Session,
        tasks: TaskRunner,
        parent: QWidget | None = None,
        *,
        audit_page_size: int = PAGE_SIZE,
        changes: ChangeHub | None = None,
    ):
        # The audit log records every change: any kind makes the tab in view stale.
        super().__init__(parent, changes=changes, kinds=KINDS, reload_on_show=True)
        self.session = session
        self.tasks = tasks
        self.setObjectName("admin_page")
        self.audit_tab: AuditTab | None = None
        self.accounts_tab: AccountsTab | None = None
        self.backups_tab: BackupsTab | None = None
        self.notifications_tab: NotificationsTab | None = None

        self.tabs = QTabWidget()
        self.tabs.setObjectName("admin_tabs")
        if session.role in audit.AUDIT_ROLES:
            self.audit_tab = AuditTab(session, tasks, page_size=audit_page_size)
            self.audit_tab.status_message.connect(self.status_message)
            self.tabs.addTab(self.audit_tab, self.tr("&Audit log"))
        if session.role in ("admin", "manager"):
            # Managers keep the hierarchy of their departments (users.require_account_editor).
            self.accounts_tab = AccountsTab(session)
            self.accounts_tab.status_message.connect(self.status_message)
            self.accounts_tab.changed.connect(lambda: self.changes.announce("accounts"))
            self.tabs.addTab(self.accounts_tab, self.tr("A&ccounts"))
        if session.role == "admin":
            self.backups_tab = BackupsTab(session, tasks)
            self.backups_tab.status_message.connect(self.status_message)
            self.backups_tab.restored.connect(lambda _result: self.signed_out_requested.emit())
            self.tabs.addTab(self.backups_tab, self.tr("&Backups"))
        if session.role in audit.AUDIT_ROLES:
            self.notifications_tab = NotificationsTab(session, tasks)
            self.tabs.addTab(self.notifications_tab, self.tr("&Notifications"))
        self.tabs.currentChanged.connect(lambda _index: self._load_current())

        # Whether the audit log is protected: read with the page (docs/rules.md#audit-log).
        self.protection = QLabel()
        self.protection.setObjectName("audit_protection_state")
        self.protection.setWordWrap(True)
        self.protection.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.protection.hide()
        self.protection_state: AuditProtection | None = None

        layout = QVBoxLayout(self)
        layout.addWidget(page_title(self.tr("Administration")))
        layout.addWidget(self.protection)
        layout.addWidget(self.tabs, 1)
        if not self.tabs.count():
            self.tabs.hide()
            none = QLabel(
                self.tr(
                    "Administration is for managers (audit log) and "
                    "administrators (accounts and backups)."
                )
            )
            none.setObjectName("admin_none")
            none.setWordWrap(True)
            layout.addWidget(none)
            layout.addStretch(1)

    def tab_names(self) -> list[str]:
        """The objectNames of the tabs this role got, in order."""
        return [self.tabs.widget(i).objectName() for i in range(self.tabs.count())]

    def show_tab(self, name: str) -> QWidget | None:
        for i in range(self.tabs.count()):
            if self.tabs.widget(i).objectName() == name:
                self.tabs.setCurrentIndex(i)
                return self.tabs.widget(i)
        return None

    def refresh(self) -> None:
        """Read the tab in view again (the audit log is not read before it is seen): when
        the page or a tab is shown, on F5, after any change of data; and whether the audit
        log is protected."""
        self.load_protection()
        self._load_current()

    def load_protection(self) -> Task | None:
        """Ask whether the audit log is protected, off the UI thread (managers and
        administrators; None for the others)."""
        if self.session.role not in audit.AUDIT_ROLES or not self.isVisible():
            return None
        task = self.tasks.submit(
            check.audit_protection, self.session, name="audit-protection", key=(self, "protection")
        )
        task.on(succeeded=self.show_protection, failed=self._protection_failed)
        return task

    def show_protection(self, state: AuditProtection) -> None:
        self.protection_state = state
        if not state.protected:
            text = self.tr(
                "The audit log is not protected: the database no longer refuses changes to "
                "audit entries, so they could be altered or deleted without a trace. Run "
                '"desktop-app check" to confirm, then "desktop-app init" (as the '
                "database owner) to put the protection back, or restore a recent backup; if "
                "you cannot, ask the administrator now."
            )
            tone = "error"
        elif state.owner:
            text = self.tr(
                "The audit log is protected, but the program connects to PostgreSQL as the "
                "owner of the audit log, who could remove that protection. Connect the "
                'program as the application role (see "PostgreSQL roles" in the first-start '
                "wizard and the guide)."
            )
            tone = "warning"
        else:
            text = self.tr(
                "The audit log is protected: the database refuses changes to audit entries."
            )
            tone = "muted"
        self.protection.setText(text)
        self.protection.setProperty("state", "unprotected" if tone == "error" else tone)
        set_tone(self.protection, tone, strong=tone == "error")
        self.protection.show()

    def _protection_failed(self, exc: ServiceError) -> None:
        self.protection.setText(service_message(exc))
        set_tone(self.protection, "error")
        self.protection.show()

    def _load_current(self) -> None:
        if not self.isVisible():
            return
        current = self.tabs.currentWidget()
        if current is None:
            return
        if current is self.audit_tab:
            self.audit_tab.load()
        elif current is self.accounts_tab and self.accounts_tab.dialog is None:
            self.accounts_tab.refresh()
        elif current is self.backups_tab:
            self.backups_tab.refresh()
        elif current is self.notifications_tab:
            self.notifications_tab.refresh()

    def refresh_backups(self, *_args) -> None:
        """Re-read the backups list (e.g. after the automatic backup took one)."""
        if self.backups_tab is not None:
            self.backups_tab.refresh()
