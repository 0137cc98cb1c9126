"""The customer record dialog (docs/rules.md#customers) from the case window and from the
intake form's side panel: a supervisor marks a customer sensitive and the next complaint
registered for them is urgent; problems show at their field; clerks only look."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPushButton

from desktop_app.db.models import Complaint, Customer
from desktop_app.services import auth
from desktop_app.ui.case.window import CaseWindow
from desktop_app.ui.customer_dialog import CustomerDialog
from desktop_app.ui.intake import IntakePage
from tests.helpers.cases import make_case
from tests.helpers.fixtures import TEST_NOW, make_user

WAIT = 15_000


@pytest.fixture(autouse=True)
def _english():
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


@pytest.fixture(autouse=True)
def _own_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("DESKTOP_APP_DATA_DIR", str(tmp_path / "data"))


@pytest.fixture
def case(system_session, clerk_session):
    """An open level II case of 张三 (13812345678), owned by clerk1 (supervised by super1)."""
    # Yesterday's: its number does not collide with today's numbers of the intake window.
    return make_case(at=TEST_NOW - dt.timedelta(days=1), owner="clerk1", subtype="staff_attitude")


def open_window(qtbot, username: str, case_id: int, clock) -> CaseWindow:
    window = CaseWindow(auth.session_for_username(username, clock=clock), case_id)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.loaded, timeout=WAIT):
        window.show()
    qtbot.waitExposed(window)
    return window


def open_dialog(qtbot, window) -> CustomerDialog:
    button = window.findChild(QPushButton, "customer_button")
    assert button is not None and button.isEnabled()
    button.click()
    dialog = window.customer_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.record is not None, timeout=WAIT)
    return dialog


def child(dialog, kind, name):
    widget = dialog.findChild(kind, name)
    assert widget is not None, name
    return widget


def test_supervisor_marks_the_customer_sensitive_and_the_next_case_is_urgent(qtbot, case, clock):
    window = open_window(qtbot, "super1", case.id, clock)
    dialog = open_dialog(qtbot, window)
    assert child(dialog, QLineEdit, "customer_name").text() == "张三"
    assert child(dialog, QLineEdit, "customer_phone").text() == "13812345678"
    kinds = child(dialog, QComboBox, "sensitive_kind")
    labels = [kinds.itemText(i) for i in range(kinds.count())]
    assert "Group company leadership" in labels and "Consumer association" in labels
    save = child(dialog, QPushButton, "save_button")
    assert save.isVisible()

    # No reason: refused at the reason field, the choice kept.
    assert dialog.set_sensitive_kind("group_leader")
    with qtbot.waitSignal(dialog.failed, timeout=WAIT):
        save.click()
    assert "reason" in dialog.error_text("reason").lower()
    assert kinds.currentData() == "group_leader"
    assert dialog.isVisible()

    child(dialog, QLineEdit, "reason").setText("集团领导亲属")
    with qtbot.waitSignal(dialog.saved, timeout=WAIT):
        save.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT)
    assert "saved" in window.action_message.text()
    customer = Customer.get_by_id(case.customer_id)
    assert customer.sensitive and customer.sensitive_kind == "group_leader"
    assert not Complaint.get_by_id(case.id).urgent  # the box was not ticked

    # The next complaint of this customer, registered in the intake window, is urgent.
    page = IntakePage(auth.session_for_username("clerk1", clock=clock))
    qtbot.addWidget(page)
    page.show()
    task = page.pick_customer(case.customer_id)
    with qtbot.waitSignal(task.finished, timeout=WAIT):
        pass
    qtbot.waitUntil(lambda: page.customer_id == case.customer_id, timeout=WAIT)
    assert page.similar_panel.sensitive_shown()
    page.channel.setCurrentIndex(page.channel.findData("phone"))
    page.type.setCurrentIndex(page.type.findData("product_quality"))
    page.subtype.setCurrentIndex(page.subtype.findData("functional_defect"))
    page.description.setPlainText("手机屏幕无法点亮，已重启多次。")
    page.department.setCurrentIndex(page.department.findData("customer_service"))
    with qtbot.waitSignal(page.saved, timeout=WAIT) as saved:
        page.save()
    registered = saved.args[0]
    assert registered.customer_id == case.customer_id
    assert registered.urgent and registered.urgent_reasons == ("sensitive",)
    qtbot.waitUntil(lambda: not page.tasks.busy(), timeout=WAIT)


def test_vip_with_reassessment_raises_the_open_case_to_level_iii(qtbot, case, clock):
    window = open_window(qtbot, "super1", case.id, clock)
    dialog = open_dialog(qtbot, window)
    assert dialog.set_tier("vip")
    child(dialog, QLineEdit, "reason").setText("年度消费达标")
    box = child(dialog, QCheckBox, "reassess_open")
    assert box.isEnabled() and "(1)" in box.text()
    box.setChecked(True)
    with qtbot.waitSignal(window.loaded, timeout=WAIT):
        child(dialog, QPushButton, "save_button").click()
    assert "1 open cases were re-assessed" in window.action_message.text()
    assert Complaint.get_by_id(case.id).level == 3
    assert window.detail is not None and window.detail.level == 3


def test_a_bad_contact_is_shown_at_its_field_and_kept(qtbot, case, clock):
    window = open_window(qtbot, "super1", case.id, clock)
    dialog = open_dialog(qtbot, window)
    phone = child(dialog, QLineEdit, "customer_phone")
    phone.setText("12345")
    child(dialog, QLineEdit, "customer_name").setText("张三丰")
    with qtbot.waitSignal(dialog.failed, timeout=WAIT):
        child(dialog, QPushButton, "save_button").click()
    assert "not a valid phone number" in dialog.error_text("customer_phone")
    assert phone.text() == "12345"
    assert child(dialog, QLineEdit, "customer_name").text() == "张三丰"
    assert Customer.get_by_id(case.customer_id).name == "张三"


def test_a_clerk_sees_the_record_read_only(qtbot, case, clock):
    window = open_window(qtbot, "clerk1", case.id, clock)
    dialog = open_dialog(qtbot, window)
    assert not child(dialog, QPushButton, "save_button").isVisible()
    assert child(dialog, QLineEdit, "customer_name").isReadOnly()
    assert not child(dialog, QComboBox, "sensitive_kind").isEnabled()
    assert dialog.save() is None


def test_the_intake_lookup_offers_the_record_to_supervisors_only(
    qtbot, case, clock, system_session
):
    make_user(system_session, "clerk2", "clerk", supervisor="super1")
    for username, offered in (("clerk2", False), ("super1", True)):
        page = IntakePage(auth.session_for_username(username, clock=clock))
        qtbot.addWidget(page)
        page.show()
        task = page.pick_customer(case.customer_id)
        with qtbot.waitSignal(task.finished, timeout=WAIT):
            pass
        button = page.findChild(QPushButton, "edit_customer_button")
        assert button is not None and button.isVisible() == offered, username
        if offered:
            button.click()
            dialog = page.customer_dialog
            assert dialog is not None
            qtbot.waitUntil(lambda d=dialog: d.record is not None, timeout=WAIT)
            assert dialog.set_tier("vip")
            child(dialog, QLineEdit, "reason").setText("升级为VIP")
            with qtbot.waitSignal(dialog.saved, timeout=WAIT):
                child(dialog, QPushButton, "save_button").click()
            # The form follows the record: this complaint, too, is a VIP's.
            qtbot.waitUntil(lambda p=page: p.member_tier.currentData() == "vip", timeout=WAIT)
        qtbot.waitUntil(lambda p=page: not p.tasks.busy(), timeout=WAIT)
