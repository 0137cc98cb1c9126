"""Improvement actions from the case window and the root-cause list of Settings → Policy
(docs/rules.md#improvement-actions, docs/rules.md#root-causes, docs/rules.md#policy-screens).
The clock is fixed at Wed 2026-11-25 10:00 (tests/helpers/fixtures.py)."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QLocale, Qt

from desktop_app.db.models import (
    AuditLog,
    CauseCategory,
    ImprovementAction,
    ImprovementLink,
)
from desktop_app.services import auth
from tests.gui.test_case_window import open_window
from tests.gui.test_policy_editor import idle, open_policy
from tests.helpers.cases import make_case
from tests.helpers.fixtures import TEST_NOW, make_user

WAIT = 15_000


@pytest.fixture(autouse=True)
def _english():
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


@pytest.fixture
def case(system_session, clerk_session):
    """An open case of customer service owned by clerk1: a rice cooker whose parts
    were damaged (root cause recorded)."""
    return make_case(
        at=TEST_NOW,
        owner="clerk1",
        subtype="functional_defect",
        product="电饭煲 X1",
        root_cause=CauseCategory.get(code="parts_packaging"),
    )


def test_a_supervisor_creates_an_improvement_action_from_the_case_window(qtbot, case, clock):
    window = open_window(qtbot, "super1", case.id, clock)
    button = window.new_improvement_button
    assert button.objectName() == "new_improvement_button"
    assert button.isVisible() and button.isEnabled()
    assert window.improvement_rows() == []
    assert window.improvements.empty.isVisible()

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = window.improvements.dialog
    assert dialog is not None and dialog.isVisible()
    # Pre-filled: the case (its number), its subtype and product linked, its department.
    assert dialog.cases.text() == case.number
    assert dialog.type_codes() == ["functional_defect"]
    assert dialog.products.text() == "电饭煲 X1"
    assert dialog.department.currentData() == "customer_service"
    problem = dialog.problem.toPlainText()
    # (the case's labels are in the session's language, Chinese here)
    assert "功能缺陷" in problem and "配件/包装" in problem
    assert case.number in problem
    dialog.plan.setPlainText("包装加固，出厂抽检配件")

    with qtbot.waitSignal(window.loaded, timeout=WAIT):
        dialog.accept()
    action = ImprovementAction.get()
    assert action.created_by.username == "super1"
    assert action.department.code == "customer_service"
    links = list(ImprovementLink.select().where(ImprovementLink.action == action.id))
    assert {link.complaint_id for link in links if link.complaint_id} == {case.id}
    assert {link.product for link in links if link.product} == {"电饭煲 X1"}
    assert {link.complaint_type.code for link in links if link.complaint_type_id} == {
        "functional_defect"
    }
    # The case window lists it, and opens it in the improvement dialog.
    rows = window.improvement_rows()
    assert len(rows) == 1 and rows[0].startswith(f"#{action.id} Complaints about")
    assert "Planned, due" in rows[0]
    assert f"#{action.id} was saved" in window.action_message.text()
    opened = window.open_improvement(action.id)
    assert opened is not None and opened.action_info.id == action.id
    assert opened.cases.text() == case.number
    # Its accounts, follow-ups and effect are read before the test's database goes.
    qtbot.waitUntil(lambda: not window.tasks.busy(), timeout=WAIT)
    assert opened.effect_table.rowCount() > 0
    opened.reject()


def test_clerks_get_no_improvement_actions_and_a_refusal_reaches_the_dialog(
    qtbot, case, clock, system_session, supervisor_session
):
    from desktop_app.services import improvements

    improvements.create_action(
        supervisor_session,
        "配件破损",
        "加固包装",
        "customer_service",
        "2026-12-31",
        case_ids=[case.id],
    )
    clerk = open_window(qtbot, "clerk1", case.id, clock)
    assert not clerk.new_improvement_button.isVisibleTo(clerk)
    assert not clerk.improvements.isVisibleTo(clerk)
    assert clerk.ask_new_improvement() is None
    assert clerk.improvement_rows() == []

    manager = make_user(system_session, "manager1", "manager", departments=())
    window = open_window(qtbot, manager.username, case.id, clock)
    assert len(window.improvement_rows()) == 1
    dialog = window.ask_new_improvement()
    assert dialog is not None
    dialog.plan.setPlainText("x")
    dialog.set_department("customer_service")
    dialog.cases.setText("TS-NOPE")
    dialog.accept()  # the number is looked up first and refused under the field
    qtbot.waitUntil(lambda: dialog.errors["cases"].isVisible(), timeout=WAIT)
    assert "TS-NOPE" in dialog.errors["cases"].text()
    assert ImprovementAction.select().count() == 1


def test_root_causes_edited_in_the_policy_reach_the_case_window(
    qtbot, case, clock, manager_session, system_session
):
    page, editor = open_policy(qtbot, manager_session)
    editor.show_tab(editor.reference)
    causes = editor.reference.causes
    assert causes.list.objectName() == "causes_list"
    assert causes.list.count() == 11
    # Add a cause.
    qtbot.mouseClick(causes.add_button, Qt.MouseButton.LeftButton)
    causes.name_zh.setText("安装问题")
    causes.name_en.setText("Installation")
    qtbot.mouseClick(causes.save_button, Qt.MouseButton.LeftButton)
    idle(qtbot, editor)
    qtbot.waitUntil(lambda: causes.list.count() == 12, timeout=WAIT)
    assert causes.list.currentItem().text() == "Installation"
    # Rename one.
    causes.list.setCurrentRow(0)
    causes.name_en.setText("Design flaw")
    qtbot.mouseClick(causes.save_button, Qt.MouseButton.LeftButton)
    idle(qtbot, editor)
    qtbot.waitUntil(lambda: causes.list.item(0).text() == "Design flaw", timeout=WAIT)
    # Switch off "Logistics and delivery".
    row = [causes.list.item(i).text() for i in range(causes.list.count())].index(
        "Logistics and delivery"
    )
    causes.list.setCurrentRow(row)
    assert causes.active_button.text() == "Switch off"
    qtbot.mouseClick(causes.active_button, Qt.MouseButton.LeftButton)
    idle(qtbot, editor)
    qtbot.waitUntil(
        lambda: causes.list.item(row).text() == "Logistics and delivery (off)", timeout=WAIT
    )
    changes = [
        (c["sheet"], c["code"], c["field"])
        for e in AuditLog.select().where(AuditLog.action == "policy_change")
        for c in json.loads(e.details)["changes"]
    ]
    assert ("causes", "installation", "added") in changes
    assert ("causes", "product_design", "name_en") in changes
    assert ("causes", "logistics", "active") in changes

    # The case window's cause combo: the new cause offered, the switched-off one not ...
    window = open_window(qtbot, "clerk1", case.id, clock)
    dialog = window.ask_root_cause()
    assert dialog is not None
    combo = dialog.root_cause
    offered = {combo.itemData(i): combo.itemText(i) for i in range(combo.count())}
    assert offered["installation"] == "Installation"
    assert offered["product_design"] == "Design flaw"
    assert "logistics" not in offered
    dialog.reject()
    # ... but a case that has it keeps it (shown in the combo as its cause).
    other = make_case(at=TEST_NOW, owner="clerk1", root_cause=CauseCategory.get(code="logistics"))
    window2 = open_window(qtbot, "clerk1", other.id, clock)
    assert window2.detail.root_cause == "logistics"
    kept = window2.ask_root_cause()
    assert kept.root_cause.currentData() == "logistics"
    kept.reject()


def test_supervisors_see_the_cause_list_read_only(qtbot, system_session, clock):
    make_user(system_session, "super1", "supervisor")
    page, editor = open_policy(qtbot, auth.session_for_username("super1", clock=clock))
    editor.show_tab(editor.reference)
    causes = editor.reference.causes
    assert causes.list.count() == 11
    assert causes.name_zh.isReadOnly()
    for button in (causes.add_button, causes.save_button, causes.active_button):
        assert not button.isVisible()
