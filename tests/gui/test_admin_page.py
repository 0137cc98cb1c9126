"""The administration page: tabs per role, the audit-log viewer (filters, paging, export),
account management and backups with restore, and the automatic daily backup.

Audit entries are made by real service calls: sign-ins (a wrong password gives
``login_failed``), a complaint registered through the intake service, a setting changed.
The clock stands at Wed 2026-11-25 10:00 (tests/helpers/fixtures.py).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QDialog, QWidget

from desktop_app.db.connection import is_sqlite
from desktop_app.db.models import AuditLog, database_proxy
from desktop_app.domain.clock import FixedClock
from desktop_app.services import audit, auth, backup, intake, users
from desktop_app.services import settings as settings_service
from desktop_app.services.errors import AuthenticationError
from desktop_app.ui.admin_accounts import AccountsTableModel, PasswordDialog, UserDialog
from desktop_app.ui.admin_audit import AuditTableModel, action_label, export_headers
from desktop_app.ui.admin_page import AdminPage
from desktop_app.ui.auto_backup import AutoBackup
from desktop_app.ui.tasks import TaskRunner
from tests.helpers.fixtures import TEST_NOW

WAIT = 15_000


@pytest.fixture(autouse=True)
def _english():
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def open_page(qtbot, session, size=(1200, 800), **options) -> AdminPage:
    page = AdminPage(session, TaskRunner(), **options)
    # No worker may outlive the test's database.
    qtbot.addWidget(page, before_close_func=lambda p: p.tasks.shutdown())
    page.messages = []
    page.status_message.connect(page.messages.append)
    page.resize(*size)
    page.show()
    qtbot.waitExposed(page)
    settle(qtbot, page)
    return page


def settle(qtbot, page: AdminPage) -> None:
    """Let the work asked for off the UI thread (the audit log's pages) finish."""
    qtbot.waitUntil(lambda: not page.tasks.busy(), timeout=WAIT)


def shown_rows(qtbot, page: AdminPage) -> list[tuple[str, ...]]:
    settle(qtbot, page)
    model = page.audit_tab.model
    return [
        tuple(model.index(r, c).data() for c in range(model.columnCount()))
        for r in range(model.rowCount())
    ]


def shown_actions(qtbot, page: AdminPage) -> list[str]:
    settle(qtbot, page)
    return [row.action for row in page.audit_tab.model.rows()]


def expected_ids(*conditions) -> list[int]:
    """Entry ids matching the conditions, newest first, straight from the table."""
    query = AuditLog.select(AuditLog.id)
    for condition in conditions:
        query = query.where(condition)
    return [e.id for e in query.order_by(AuditLog.id.desc())]


def shown_ids(qtbot, page: AdminPage) -> list[int]:
    settle(qtbot, page)
    return [row.id for row in page.audit_tab.model.rows()]


def last_30_days():
    return AuditLog.at >= dt.datetime(2026, 10, 26)


def type_into(qtbot, widget, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


# --- tabs per role ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role_fixture", "tabs"),
    [
        ("clerk_session", []),
        ("supervisor_session", []),
        ("manager_session", ["audit_tab", "accounts_tab", "notifications_tab"]),
        ("admin_session", ["audit_tab", "accounts_tab", "backups_tab", "notifications_tab"]),
    ],
)
def test_each_role_gets_only_the_tabs_it_may_use(
    qtbot, request, system_session, role_fixture, tabs
):
    page = open_page(qtbot, request.getfixturevalue(role_fixture))
    assert page.tab_names() == tabs
    assert page.findChild(QDialog) is None
    if not tabs:
        assert not page.tabs.isVisible()
        assert page.findChild(type(page.tabs), "admin_tabs") is page.tabs
        assert page.findChildren(AuditTableModel) == []
        assert page.findChildren(AccountsTableModel) == []


# --- the audit log ---------------------------------------------------------------------------


@pytest.fixture
def entries(system_session, clerk_session, manager_session, clock):
    """Audit entries of several users and actions; returns the registered case's number."""
    with pytest.raises(AuthenticationError):
        auth.sign_in("clerk1", "wrong-password", clock=clock)
    # 40 days ago: outside the default 30 days.
    with pytest.raises(AuthenticationError):
        auth.sign_in("super1", "wrong-password", clock=FixedClock(TEST_NOW - dt.timedelta(days=40)))
    registered = intake.register_complaint(
        clerk_session,
        intake.IntakeForm(
            customer_name="张三",
            contact="13812345678",
            complaint_time=TEST_NOW,
            channel="phone",
            type="product_quality",
            subtype="functional_defect",
            description="屏幕有划痕",
            department="customer_service",
        ),
    )
    settings_service.change_setting(manager_session, "security.lockout_attempts", 6)
    return registered.number


def test_audit_log_shows_the_last_30_days_newest_first(qtbot, manager_session, entries):
    page = open_page(qtbot, manager_session)
    tab = page.audit_tab
    assert tab.from_edit.date() == QDate(2026, 10, 26)
    assert tab.to_edit.date() == QDate(2026, 11, 25)
    ids = expected_ids(last_30_days())
    assert shown_ids(qtbot, page) == ids
    assert len(ids) == AuditLog.select().count() - 1  # all but super1's old failure
    assert tab.count_label.text() == f"Entries: {len(ids)}"
    first = shown_rows(qtbot, page)[0]
    assert first[AuditTableModel.ACTION] == "Setting changed"
    assert first[AuditTableModel.USER] == "manager1"
    assert first[AuditTableModel.TIME] == "2026-11-25 10:00:00"
    # Details in words: the setting's label and old → new, never its key.
    assert first[AuditTableModel.DETAILS] == (
        "Setting: Failed sign-ins before lockout; Change: 5 → 6"
    )
    # Read-only: nothing in the table can be edited.
    index = tab.model.index(0, AuditTableModel.DETAILS)
    assert not tab.model.flags(index) & Qt.ItemFlag.ItemIsEditable


def test_audit_log_shows_new_entries_when_the_page_comes_back(
    qtbot, manager_session, entries, clock
):
    page = open_page(qtbot, manager_session)
    page.hide()
    # A name that is an account is recorded (a made-up one is not: docs/rules.md#accounts).
    with pytest.raises(AuthenticationError):
        auth.sign_in("manager1", "guess", clock=clock)
    page.show()
    qtbot.waitExposed(page)
    assert shown_rows(qtbot, page)[0][AuditTableModel.USER : AuditTableModel.ACTION + 1] == (
        "manager1",
        "Failed sign-in",
    )
    assert "manager1" in [
        page.audit_tab.user_combo.itemText(i) for i in range(page.audit_tab.user_combo.count())
    ]


def test_audit_log_filtered_by_user(qtbot, manager_session, entries):
    page = open_page(qtbot, manager_session)
    tab = page.audit_tab
    names = [tab.user_combo.itemText(i) for i in range(tab.user_combo.count())]
    assert {"clerk1", "manager1", "super1", "cli"} <= set(names)
    type_into(qtbot, tab.user_combo.lineEdit(), "clerk1")
    assert shown_ids(qtbot, page) == expected_ids(last_30_days(), AuditLog.username == "clerk1")
    assert set(shown_actions(qtbot, page)) == {"login", "login_failed", "complaint_create"}
    assert {row[AuditTableModel.USER] for row in shown_rows(qtbot, page)} == {"clerk1"}
    assert "Failed sign-in" in [row[AuditTableModel.ACTION] for row in shown_rows(qtbot, page)]


def test_audit_log_filtered_by_complaint_number(qtbot, manager_session, entries):
    page = open_page(qtbot, manager_session)
    tab = page.audit_tab
    type_into(qtbot, tab.case_edit, entries)
    rows = shown_rows(qtbot, page)
    assert [r[AuditTableModel.CASE] for r in rows] == [entries]
    assert shown_actions(qtbot, page) == ["complaint_create"]
    assert tab.error_text("audit_case") == ""

    # An unknown number: the reason under the field, the entries shown stay.
    type_into(qtbot, tab.case_edit, "TS-20991231-0001")
    settle(qtbot, page)
    assert tab.error_text("audit_case") == "No complaint has the number TS-20991231-0001."
    assert tab.case_error.isVisible()
    assert shown_actions(qtbot, page) == ["complaint_create"]

    tab.case_edit.clear()
    qtbot.keyClick(tab.case_edit, Qt.Key.Key_Return)
    settle(qtbot, page)
    assert tab.error_text("audit_case") == ""
    assert shown_ids(qtbot, page) == expected_ids(last_30_days())


def test_audit_log_filtered_by_action(qtbot, manager_session, entries):
    page = open_page(qtbot, manager_session)
    tab = page.audit_tab
    assert tab.action_combo.itemText(0) == "All actions"
    assert tab.action_combo.count() == len(audit.ACTIONS) + 1
    tab.action_combo.setCurrentIndex(tab.action_combo.findData("login_failed"))
    assert tab.action_combo.currentText() == "Failed sign-in"
    assert shown_ids(qtbot, page) == expected_ids(last_30_days(), AuditLog.action == "login_failed")
    assert [r[AuditTableModel.USER] for r in shown_rows(qtbot, page)] == ["clerk1"]
    tab.action_combo.setCurrentIndex(tab.action_combo.findData("setting_change"))
    assert [r[AuditTableModel.USER] for r in shown_rows(qtbot, page)] == ["manager1"]
    assert tab.count_label.text() == "Entries: 1"


def test_audit_log_filtered_by_dates(qtbot, manager_session, entries):
    page = open_page(qtbot, manager_session)
    tab = page.audit_tab
    tab.from_edit.setDate(QDate(2026, 10, 1))
    assert shown_ids(qtbot, page) == expected_ids()  # everything, the old failure too
    tab.to_edit.setDate(QDate(2026, 10, 31))
    settle(qtbot, page)
    assert [(r.username, r.action) for r in tab.model.rows()] == [("super1", "login_failed")]

    # From after to: the reason at the start date, the table unchanged.
    tab.from_edit.setDate(QDate(2026, 11, 20))
    settle(qtbot, page)
    assert tab.error_text("audit_from") == "The start date is after the end date."
    assert [(r.username, r.action) for r in tab.model.rows()] == [("super1", "login_failed")]
    tab.to_edit.setDate(QDate(2026, 11, 25))
    settle(qtbot, page)
    assert tab.error_text("audit_from") == ""
    assert shown_ids(qtbot, page) == expected_ids(AuditLog.at >= dt.datetime(2026, 11, 20))


def test_scrolling_to_the_end_loads_the_next_page(qtbot, manager_session, entries, clock):
    for _ in range(12):
        with pytest.raises(AuthenticationError):
            auth.sign_in("nobody", "wrong-password", clock=clock)
    page = open_page(qtbot, manager_session, size=(900, 360), audit_page_size=4)
    tab = page.audit_tab
    total = len(expected_ids(last_30_days()))
    first = tab.model.rowCount()
    assert first < total
    assert tab.count_label.text() == f"Entries: {first} of {total} (scroll for more)"
    seen = [first]
    while tab.model.rowCount() < total and len(seen) < 50:
        tab.table.scrollToBottom()
        qtbot.waitUntil(lambda n=seen[-1]: tab.model.rowCount() > n, timeout=WAIT)
        seen.append(tab.model.rowCount())
    assert shown_ids(qtbot, page) == expected_ids(last_30_days())  # no gap, no repeat
    assert len(seen) > 2
    assert all(b - a <= 4 for a, b in zip(seen, seen[1:], strict=False))
    assert tab.count_label.text() == f"Entries: {total}"


def test_export_writes_the_entries_shown(qtbot, manager_session, entries, tmp_path, monkeypatch):
    page = open_page(qtbot, manager_session)
    tab = page.audit_tab
    type_into(qtbot, tab.user_combo.lineEdit(), "clerk1")
    target = tmp_path / "out" / "audit.xlsx"
    monkeypatch.setattr(tab, "choose_export_path", lambda: str(target))
    with qtbot.waitSignal(tab.exported, timeout=WAIT) as done:
        qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    assert done.args == [str(target), len(shown_ids(qtbot, page))]
    assert page.messages[-1] == (
        f"Audit log exported: {len(shown_ids(qtbot, page))} entries to {target}"
    )
    assert not tab.export_progress.isVisible()

    book = openpyxl.load_workbook(target, read_only=True)
    rows = list(book.active.iter_rows(values_only=True))
    book.close()
    assert rows[0] == export_headers()
    table = shown_rows(qtbot, page)
    assert len(rows) - 1 == len(table) == 3
    for cells, shown in zip(rows[1:], table, strict=True):
        at, user, action, _entity, _entity_id, number, details = cells
        assert at.strftime("%Y-%m-%d %H:%M:%S") == shown[AuditTableModel.TIME]
        assert user == shown[AuditTableModel.USER]
        assert action_label(action) == shown[AuditTableModel.ACTION]
        assert (number or "") == shown[AuditTableModel.CASE]
        assert (details or "") == shown[AuditTableModel.DETAILS]
    # The export itself is audited.
    assert AuditLog.select().where(AuditLog.action == "export_audit").count() == 1


# --- accounts --------------------------------------------------------------------------------


def accounts(page: AdminPage) -> dict[str, tuple[str, ...]]:
    model = page.accounts_tab.model
    return {
        model.index(r, 0).data(): tuple(
            model.index(r, c).data() for c in range(model.columnCount())
        )
        for r in range(model.rowCount())
    }


def open_dialog(qtbot, button) -> QDialog:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = button.window().findChild(QDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_a_manager_sets_supervisor_and_senior_agent_of_a_departments_clerk(
    qtbot, system_session, manager_session, supervisor_session, clock
):
    """docs/rules.md#roles-and-access: managers keep their departments' hierarchy with
    pickers; adding accounts, passwords, names and roles stay the administrators'."""
    from desktop_app.db.models import User
    from tests.helpers.fixtures import make_user

    make_user(system_session, "clerk9", "clerk")
    page = open_page(qtbot, manager_session)
    tab = page.show_tab("accounts_tab")
    assert not tab.add_button.isVisible() and not tab.reset_button.isVisible()
    assert tab.select_user("clerk9")
    dialog = open_dialog(qtbot, tab.edit_button)
    assert isinstance(dialog, UserDialog)
    assert not dialog.role.isEnabled() and dialog.display_name.isReadOnly()
    dialog.supervisor.setCurrentIndex(dialog.supervisor.findData("super1"))
    dialog.senior_agent.setChecked(True)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    clerk = User.get(username="clerk9")
    assert (clerk.supervisor.username, clerk.senior_agent) == ("super1", True)
    assert page.messages[-1] == "Account clerk9 changed."


def test_admin_adds_an_account(qtbot, admin_session, supervisor_session, clock):
    page = open_page(qtbot, admin_session)
    tab = page.show_tab("accounts_tab")
    assert set(accounts(page)) == {"admin", "super1"}
    dialog = open_dialog(qtbot, tab.add_button)
    assert isinstance(dialog, UserDialog)
    qtbot.keyClicks(dialog.username, "li.na")
    qtbot.keyClicks(dialog.display_name, "Li Na")
    dialog.role.setCurrentIndex(dialog.role.findData("clerk"))
    dialog.set_departments(["customer_service", "logistics"])
    dialog.supervisor.setCurrentIndex(dialog.supervisor.findData("super1"))
    qtbot.keyClicks(dialog.password, "a-long-secret")
    qtbot.keyClicks(dialog.password_repeat, "a-long-secreT")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    # Different passwords: said at the second one, nothing saved, the dialog stays.
    assert dialog.isVisible()
    assert dialog.error_text("password_repeat") == "The two passwords differ."
    assert "li.na" not in accounts(page)

    dialog.password_repeat.clear()
    qtbot.keyClicks(dialog.password_repeat, "a-long-secret")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert accounts(page)["li.na"] == (
        "li.na",
        "Li Na",
        "Clerk",
        "Customer service, Logistics",
        "Active",
        "Yes",
    )
    assert page.messages[-1] == "Account li.na added."
    assert tab.selected().username == "li.na"
    assert users.get_user(admin_session, "li.na").supervisor == "super1"
    assert auth.sign_in("li.na", "a-long-secret", clock=clock).role == "clerk"


def test_a_refused_account_keeps_the_dialog_with_the_reason_at_the_field(
    qtbot, admin_session, supervisor_session
):
    page = open_page(qtbot, admin_session)
    tab = page.show_tab("accounts_tab")
    dialog = open_dialog(qtbot, tab.add_button)
    qtbot.keyClicks(dialog.username, "super1")  # taken
    qtbot.keyClicks(dialog.display_name, "Another")
    qtbot.keyClicks(dialog.password, "a-long-secret")
    qtbot.keyClicks(dialog.password_repeat, "a-long-secret")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error_text("username") == "The user name super1 is already taken."
    assert dialog.findChild(type(dialog.errors["username"]), "username_error").isVisible()
    assert dialog.username.text() == "super1"
    assert dialog.display_name.text() == "Another"
    assert dialog.password.text() == "a-long-secret"
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert set(accounts(page)) == {"admin", "super1"}


def test_admin_edits_an_account(qtbot, admin_session, clerk_session):
    page = open_page(qtbot, admin_session)
    tab = page.show_tab("accounts_tab")
    assert tab.select_user("clerk1")
    dialog = open_dialog(qtbot, tab.edit_button)
    assert dialog.username.isReadOnly()
    assert dialog.supervisor.currentData() == "super1"
    assert dialog.chosen_departments() == ("customer_service",)
    dialog.display_name.clear()
    qtbot.keyClicks(dialog.display_name, "Clerk One")
    dialog.role.setCurrentIndex(dialog.role.findData("supervisor"))
    dialog.set_departments(["tech"])
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert accounts(page)["clerk1"][1:4] == ("Clerk One", "Supervisor", "Technology")


def test_admin_resets_a_password(qtbot, admin_session, clerk_session, clock):
    page = open_page(qtbot, admin_session)
    tab = page.show_tab("accounts_tab")
    assert tab.select_user("clerk1")
    dialog = open_dialog(qtbot, tab.reset_button)
    assert isinstance(dialog, PasswordDialog)
    qtbot.keyClicks(dialog.password, "short")
    qtbot.keyClicks(dialog.password_repeat, "short")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error_text("password")  # the password rules' reason
    for field in (dialog.password, dialog.password_repeat):
        field.clear()
        qtbot.keyClicks(field, "brand-new-secret")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert page.messages[-1] == "New password set for clerk1."
    assert auth.sign_in("clerk1", "brand-new-secret", clock=clock).username == "clerk1"
    with pytest.raises(AuthenticationError):
        auth.sign_in("clerk1", "Plum-Harbour-Lantern-42", clock=clock)


def test_admin_disables_and_enables_an_account(
    qtbot, admin_session, clerk_session, clock, monkeypatch
):
    page = open_page(qtbot, admin_session)
    tab = page.show_tab("accounts_tab")
    asked = []
    monkeypatch.setattr(tab, "confirm", lambda title, text: asked.append(text) or True)
    assert tab.select_user("clerk1")
    assert tab.toggle_button.text() == "&Disable"
    qtbot.mouseClick(tab.toggle_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and "clerk1" in asked[0]
    assert accounts(page)["clerk1"][4:] == ("Disabled", "No")
    assert tab.toggle_button.text() == "E&nable"
    with pytest.raises(AuthenticationError) as refused:
        auth.sign_in("clerk1", "Plum-Harbour-Lantern-42", clock=clock)
    assert refused.value.message == "This account is disabled. Please ask an administrator."

    qtbot.mouseClick(tab.toggle_button, Qt.MouseButton.LeftButton)
    assert accounts(page)["clerk1"][4:] == ("Active", "Yes")
    assert auth.sign_in("clerk1", "Plum-Harbour-Lantern-42", clock=clock).username == "clerk1"


def test_nothing_changes_when_the_disable_is_not_confirmed(
    qtbot, admin_session, clerk_session, monkeypatch
):
    page = open_page(qtbot, admin_session)
    tab = page.show_tab("accounts_tab")
    monkeypatch.setattr(tab, "confirm", lambda title, text: False)
    assert tab.select_user("clerk1")
    qtbot.mouseClick(tab.toggle_button, Qt.MouseButton.LeftButton)
    assert accounts(page)["clerk1"][4] == "Active"


def test_admin_cannot_disable_their_own_account(qtbot, admin_session, monkeypatch):
    page = open_page(qtbot, admin_session)
    tab = page.show_tab("accounts_tab")
    monkeypatch.setattr(tab, "confirm", lambda title, text: True)
    assert tab.select_user("admin")
    qtbot.mouseClick(tab.toggle_button, Qt.MouseButton.LeftButton)
    assert tab.error_text() == "You cannot disable your own account."
    assert tab.active_error.isVisible()
    assert accounts(page)["admin"][4] == "Active"


# --- backups ---------------------------------------------------------------------------------


@pytest.fixture
def sqlite_admin(admin_session, db):
    if not is_sqlite(db):
        pytest.skip("SQLite backups (PostgreSQL uses pg_dump / pg_restore)")
    return admin_session


def backup_rows(page: AdminPage) -> list[str]:
    model = page.backups_tab.model
    return [model.index(r, 1).data() for r in range(model.rowCount())]


def test_backup_now_adds_a_row(qtbot, sqlite_admin, db):
    page = open_page(qtbot, sqlite_admin)
    tab = page.show_tab("backups_tab")
    assert tab.database_label.text() == str(Path(db.database).absolute())
    assert tab.folder_label.text() == str(backup.backup_folder(db))
    assert "7 daily and 4 weekly" in tab.retention_label.text()
    assert backup_rows(page) == []
    with qtbot.waitSignal(tab.backed_up, timeout=WAIT) as done:
        qtbot.mouseClick(tab.backup_button, Qt.MouseButton.LeftButton)
    assert backup_rows(page) == ["test.20261125-100000.db"]
    assert done.args[0].path.is_file()
    assert page.messages[-1].startswith(f"Backup saved: {done.args[0].path} (")
    assert not tab.progress.isVisible()


def test_restore_brings_back_the_backup_and_asks_to_sign_out(qtbot, sqlite_admin, db, monkeypatch):
    page = open_page(qtbot, sqlite_admin)
    tab = page.show_tab("backups_tab")
    with qtbot.waitSignal(tab.backed_up, timeout=WAIT):
        qtbot.mouseClick(tab.backup_button, Qt.MouseButton.LeftButton)
    users.create_user(sqlite_admin, "after.backup", "clerk", "Plum-Harbour-Lantern-42")
    asked, told = [], []
    monkeypatch.setattr(tab, "confirm", lambda title, text: asked.append(text) or True)
    monkeypatch.setattr(tab, "inform", lambda title, text: told.append(text))
    tab.table.selectRow(0)
    with qtbot.waitSignal(page.signed_out_requested, timeout=WAIT):
        qtbot.mouseClick(tab.restore_button, Qt.MouseButton.LeftButton)
    assert "signs you out" in asked[0] and "every other PC" in asked[0]
    kept = Path(f"{db.database}.replaced-20261125-100000.db")
    assert kept.is_file()
    assert str(kept) in told[0]
    assert "test.20261125-100000.db" in told[0]
    names = [u.username for u in users.list_users(sqlite_admin)]
    assert "after.backup" not in names and "admin" in names
    assert tab.message_text() == ""


def test_a_refused_restore_shows_why_and_changes_nothing(
    qtbot, sqlite_admin, tmp_path, monkeypatch
):
    page = open_page(qtbot, sqlite_admin)
    tab = page.show_tab("backups_tab")
    bogus = tmp_path / "notes.db"
    bogus.write_text("not a database", encoding="utf-8")
    monkeypatch.setattr(tab, "choose_restore_file", lambda: str(bogus))
    monkeypatch.setattr(tab, "confirm", lambda title, text: True)
    signed_out = []
    page.signed_out_requested.connect(lambda: signed_out.append(True))
    task = None
    with qtbot.waitSignal(tab.tasks.task_finished, timeout=WAIT):
        task = tab.restore_chosen_file()
    assert task is not None
    assert tab.message_text() == f"{bogus} is not a SQLite database; nothing was restored."
    assert signed_out == []
    assert "admin" in [u.username for u in users.list_users(sqlite_admin)]


def test_postgresql_backups_tab_explains_pg_dump_and_pg_restore(qtbot, admin_session, db):
    if is_sqlite(db):
        pytest.skip("the PostgreSQL variant of the tab")
    page = open_page(qtbot, admin_session)
    tab = page.show_tab("backups_tab")
    assert tab.postgres_note.isVisible()
    assert "pg_restore" in tab.postgres_note.text()
    assert not tab.table.isVisible()
    assert not tab.restore_button.isVisible()


# --- the automatic daily backup --------------------------------------------------------------


def test_auto_backup_takes_one_a_day(qtbot, sqlite_admin, db):
    window = QWidget()
    qtbot.addWidget(window, before_close_func=lambda w: tasks.shutdown())
    tasks = TaskRunner(window)
    auto = AutoBackup(sqlite_admin, tasks, window, interval_ms=3_600_000, first_delay_ms=0)
    messages = []
    auto.status_message.connect(messages.append)
    window.show()
    with qtbot.waitSignal(auto.backed_up, timeout=WAIT) as done:
        auto.start()
    assert len(backup.list_backups(db)) == 1
    assert messages == [f"Daily backup saved: {done.args[0].path}"]

    with qtbot.waitSignal(tasks.task_finished, timeout=WAIT):
        assert auto.tick() is not None
    assert len(backup.list_backups(db)) == 1
    assert messages == [f"Daily backup saved: {done.args[0].path}"]

    window.close()
    qtbot.waitUntil(lambda: not auto.running, timeout=WAIT)
    assert auto.tick() is None


def test_auto_backup_failure_is_a_status_message_once(qtbot, sqlite_admin, monkeypatch):
    def broken(session, now=None):
        raise backup.BackupError(
            "Could not write the backup {file}: {reason}", file="x.db", reason="disk full"
        )

    monkeypatch.setattr(backup, "backup_if_due", broken)
    window = QWidget()
    qtbot.addWidget(window, before_close_func=lambda w: tasks.shutdown())
    tasks = TaskRunner(window)
    auto = AutoBackup(sqlite_admin, tasks, window, interval_ms=3_600_000, first_delay_ms=3_600_000)
    messages = []
    auto.status_message.connect(messages.append)
    auto.start()  # no timer fires during the test
    for _ in range(2):
        with qtbot.waitSignal(tasks.task_finished, timeout=WAIT):
            assert auto.tick() is not None
    assert messages == ["The daily backup failed: Could not write the backup x.db: disk full"]


def test_ui_connection_reopens_after_restore(sqlite_admin, db):
    """The helper the restore uses: the UI thread's connection is closed, not broken."""
    db.connect(reuse_if_open=True)
    backup.release_connection()
    assert database_proxy.obj.is_closed()
    assert users.get_user(sqlite_admin, "admin").username == "admin"


def test_table_models_pass_the_model_tester(qtbot, qtmodeltester, admin_session, entries, db):
    page = open_page(qtbot, admin_session, audit_page_size=3)
    qtmodeltester.check(page.audit_tab.model)
    qtmodeltester.check(page.accounts_tab.model)
    if is_sqlite(db):
        with qtbot.waitSignal(page.backups_tab.backed_up, timeout=WAIT):
            page.backups_tab.back_up_now()
        qtmodeltester.check(page.backups_tab.model)


# --- audit protection (docs/rules.md#audit-log) ------------------------------------------


@pytest.fixture
def styled(qapp):
    """The program's style sheet (light), as the running program has it."""
    from desktop_app.ui.resources import style_sheet

    before = qapp.styleSheet()
    qapp.setStyleSheet(style_sheet("light"))
    yield qapp
    qapp.setStyleSheet(before)


def _drop_audit_triggers() -> None:
    from desktop_app.db import guards

    db = database_proxy.obj
    for name in ("audit_log_no_update", "audit_log_no_delete"):
        db.execute_sql(f'DROP TRIGGER IF EXISTS "{name}"')
    assert not guards.audit_log_protected(db)


def _background(label: QWidget):
    """The colour of the label's box just inside its right border."""
    image = label.grab().toImage()
    return image.pixelColor(image.width() - 4, image.height() // 2)


def test_the_admin_page_shows_red_when_the_audit_log_is_not_protected(qtbot, styled, manager):
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QLabel

    from desktop_app.db import migrations
    from desktop_app.ui.resources import TONES

    page = open_page(qtbot, manager)
    state = page.findChild(QLabel, "audit_protection_state")
    assert state is page.protection
    qtbot.waitUntil(lambda: state.isVisible(), timeout=WAIT)
    assert state.text().startswith("The audit log is protected")
    assert state.property("tone") == "muted"

    _drop_audit_triggers()  # another tool on the file, or a tampered backup restored
    qtbot.keyClick(page, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: state.property("tone") == "error", timeout=WAIT)
    assert state.isVisible()
    text = state.text()
    assert text.startswith("The audit log is not protected")
    assert "desktop-app check" in text and "restore a recent backup" in text
    assert "ask the administrator" in text
    assert state.font().bold()
    assert _background(state) == QColor(TONES["light"]["error_background"])
    assert page.protection_state is not None and not page.protection_state.protected

    migrations.migrate(database_proxy.obj)  # init / the next start put the triggers back
    qtbot.keyClick(page, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: state.property("tone") == "muted", timeout=WAIT)
    assert state.text().startswith("The audit log is protected")
    assert "not protected" not in state.text()
    assert _background(state) != QColor(TONES["light"]["error_background"])


def test_the_owner_of_the_audit_log_gets_a_warning_and_clerks_no_state(
    qtbot, monkeypatch, manager, clerk
):
    from desktop_app.services import check

    monkeypatch.setattr(check, "connected_as_owner", lambda db: True)  # PostgreSQL's owner
    page = open_page(qtbot, manager)
    qtbot.waitUntil(lambda: page.protection.property("tone") == "warning", timeout=WAIT)
    assert "owner of the audit log" in page.protection.text()
    assert "PostgreSQL roles" in page.protection.text()
    other = open_page(qtbot, clerk)
    assert other.load_protection() is None and not other.protection.isVisible()
