"""Settings → Policy as a manager uses it (docs/rules.md#policy-screens): a subtype added in
the tree is offered by the intake window with its level and callback; a changed deadline
target applies to the next case only, until "Recompute open cases" moves the open ones
after saying how many."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app.db.models import AuditLog, Complaint, ComplaintType
from desktop_app.services import auth
from desktop_app.ui.settings_page import SettingsPage
from tests.gui.test_intake import fill_valid, open_page, type_text


@pytest.fixture(autouse=True)
def _english():
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def open_policy(qtbot, session):
    page = SettingsPage(session)
    qtbot.addWidget(page, before_close_func=lambda p: p.tasks.shutdown())
    page.resize(1200, 800)
    page.show()
    qtbot.waitExposed(page)
    editor = page.show_policy()
    assert editor is not None
    qtbot.waitUntil(lambda: editor.context.view is not None, timeout=10_000)
    return page, editor


def idle(qtbot, editor) -> None:
    qtbot.waitUntil(lambda: not editor.context.tasks.busy(), timeout=10_000)


def register(qtbot, clock, subtype: str, type_code: str = "process_efficiency") -> Complaint:
    intake = open_page(qtbot, clock)
    fill_valid(intake)
    intake.type.setCurrentIndex(intake.type.findData(type_code))
    intake.subtype.setCurrentIndex(intake.subtype.findData(subtype))
    assert intake.subtype.currentData() == subtype
    task = intake.save()
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass
    intake.close()
    return Complaint.select().order_by(Complaint.id.desc()).get()


def test_subtype_added_in_the_tree_reaches_the_intake_window(qtbot, manager, clerk, clock):
    page, editor = open_policy(qtbot, manager)
    types = editor.types
    tree = types.tree
    assert tree.objectName() == "types_tree"
    assert types.select_code("process_efficiency")
    qtbot.mouseClick(types.add_subtype_button, Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is types.name_zh
    type_text("安装延误", types.name_zh)
    types.name_en.setText("Installation delay")
    types.level.setCurrentIndex(types.level.findData("2"))
    types.callback.setCurrentIndex(types.callback.findData("same_day"))
    types.handling.setCurrentIndex(types.handling.findData("receiver"))
    qtbot.mouseClick(types.save_button, Qt.MouseButton.LeftButton)
    idle(qtbot, editor)
    qtbot.waitUntil(lambda: types.current_code() == "installation_delay", timeout=10_000)
    assert types.tree.currentItem().text(0) == "Installation delay"
    assert "Added" in page.message.text()
    sub = ComplaintType.get(code="installation_delay")
    assert (sub.default_level, sub.callback_rule, sub.handling_rule) == (2, "same_day", "receiver")

    clock.advance(hours=6)  # 16:00
    case = register(qtbot, clock, "installation_delay")
    assert case.subtype.code == "installation_delay"
    assert case.level == 2
    # Complained 16:00 (the form's time): same working day (18:00) beats 4 hours.
    assert case.first_response_due == dt.datetime(2026, 11, 25, 18, 0)


def test_a_refused_name_is_shown_at_the_field_and_the_form_kept(qtbot, manager):
    page, editor = open_policy(qtbot, manager)
    types = editor.types
    assert types.select_code("process_efficiency")
    qtbot.mouseClick(types.add_subtype_button, Qt.MouseButton.LeftButton)
    types.name_en.setText("Installation delay")
    qtbot.mouseClick(types.save_button, Qt.MouseButton.LeftButton)
    idle(qtbot, editor)
    assert types.errors["name_zh"].text() == "Both names are required (Chinese and English)."
    assert types.name_en.text() == "Installation delay"
    assert types.mode == "new_subtype"
    assert not ComplaintType.select().where(ComplaintType.name_en == "Installation delay").exists()


def test_matrix_change_applies_to_the_next_case_and_recompute_moves_the_counted(
    qtbot, manager, clerk, clock, monkeypatch
):
    old = register(qtbot, clock, "delivery")
    assert old.first_response_due == old.complaint_time + dt.timedelta(hours=4)
    old_due = old.first_response_due
    page, editor = open_policy(qtbot, manager)
    editor.show_tab(editor.deadlines)
    deadlines = editor.deadlines
    spin = deadlines.inputs["sla.first_response_hours.normal"]
    assert spin.value() == 4.0 and spin.minimum() == 1 and spin.maximum() == 72
    spin.setValue(1)
    qtbot.waitUntil(lambda: "first response" in deadlines.preview.text(), timeout=10_000)
    assert deadlines.save_button.isEnabled()
    qtbot.mouseClick(deadlines.save_button, Qt.MouseButton.LeftButton)
    idle(qtbot, editor)
    qtbot.waitUntil(lambda: not deadlines.save_button.isEnabled(), timeout=10_000)
    entry = AuditLog.select().where(AuditLog.action == "policy_change").get()
    assert "sla.first_response_hours.normal" in entry.details

    new = register(qtbot, clock, "delivery")
    assert new.first_response_due == new.complaint_time + dt.timedelta(hours=1)
    assert Complaint.get_by_id(old.id).first_response_due == old_due

    qtbot.mouseClick(deadlines.recompute_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(deadlines, "confirm_box", None) is not None, timeout=10_000)
    box = deadlines.confirm_box
    assert box.isVisible()
    assert "1 of the 2 open cases would change (1 deadlines move)" in box.text()
    box.button(QMessageBox.StandardButton.Yes).click()
    idle(qtbot, editor)
    qtbot.waitUntil(lambda: "Deadlines recomputed" in page.message.text(), timeout=10_000)
    assert "1 open cases changed" in page.message.text()
    assert Complaint.get_by_id(old.id).first_response_due == old.complaint_time + dt.timedelta(
        hours=1
    )


def test_supervisors_read_the_policy_and_cannot_change_it(qtbot, system, clock):
    from tests.helpers.fixtures import make_user

    make_user(system, "super1", "supervisor")
    page, editor = open_policy(qtbot, auth.session_for_username("super1", clock=clock))
    assert not editor.types.add_type_button.isVisible()
    assert not editor.types.name_zh.isEnabled()
    assert not editor.deadlines.inputs["sla.first_response_hours.normal"].isEnabled()
    assert editor.types.tree.topLevelItemCount() > 0


def test_policy_workbook_export_check_and_import_from_the_editor(qtbot, manager, tmp_path):
    import openpyxl

    page, editor = open_policy(qtbot, manager)
    path = tmp_path / "policy.xlsx"
    with qtbot.waitSignal(editor.export_to(path).finished, timeout=10_000):
        pass
    assert "Policy workbook saved" in page.message.text()
    book = openpyxl.load_workbook(path)
    sheet = book["types 投诉分类"]
    header = [c.value for c in sheet[1]]
    level = header.index("default_level 默认级别")
    row = next(r for r in sheet.iter_rows(min_row=2) if r[3].value == "delivery")
    row[level].value = "III"
    good = tmp_path / "good.xlsx"
    book.save(good)
    row[level].value = "IV"
    bad = tmp_path / "bad.xlsx"
    book.save(bad)

    dialog = editor.open_import()
    qtbot.addWidget(dialog)
    dialog.set_path(bad)
    with qtbot.waitSignal(dialog.previewed, timeout=10_000):
        dialog.preview()
    rows = dialog.error_rows()
    assert len(rows) == 1 and rows[0][:3] == ("types", str(row[0].row), "default_level")
    assert "IV" in rows[0][3]
    assert not dialog.import_button.isEnabled()
    assert ComplaintType.get(code="delivery").default_level == 1
    report = dialog.save_errors(tmp_path / "errors.xlsx")
    assert report is not None
    cells = [c.value for r in openpyxl.load_workbook(report).active.iter_rows() for c in r]
    assert "default_level" in cells

    dialog.set_path(good)
    with qtbot.waitSignal(dialog.previewed, timeout=10_000):
        dialog.preview()
    summary = dialog.preview_summary.text()
    assert "1 changes" in summary and "Delivery default level: I → III" in summary
    assert ComplaintType.get(code="delivery").default_level == 1
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        dialog.start_import()
    assert ComplaintType.get(code="delivery").default_level == 3
    idle(qtbot, editor)
    assert editor.types.select_code("delivery")
    assert editor.types.tree.currentItem().text(1) == "III"


def test_group_robot_address_and_escalation_people_are_set_in_the_reminders_tab(
    qtbot, manager, system, clock
):
    from desktop_app.services import settings as settings_service
    from tests.helpers.fixtures import make_user

    page, editor = open_policy(qtbot, manager)
    editor.show_tab(editor.reminders)
    tab = editor.reminders
    url = tab.inputs["notify.webhook_url"]
    url.setText("ftp://example.invalid/hook")
    combo = tab.people["escalation.manager_username"]
    combo.setCurrentIndex(combo.findData("manager1"))
    tab.inputs["notify.dingtalk_secret"].setText("SEC-123")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    idle(qtbot, editor)
    # Refused at once, named, nothing saved; the typed values stay.
    assert tab.message.isVisible() and "http" in tab.message.text()
    assert url.text() == "ftp://example.invalid/hook"
    assert settings_service.get("escalation.manager_username") == ""
    url.setText("https://oapi.dingtalk.com/robot/send?access_token=abc")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    idle(qtbot, editor)
    qtbot.waitUntil(lambda: not tab.save_button.isEnabled(), timeout=10_000)
    assert settings_service.get("notify.webhook_url").startswith("https://oapi.dingtalk.com")
    assert settings_service.get("escalation.manager_username") == "manager1"
    assert settings_service.get("notify.dingtalk_secret") == "SEC-123"

    make_user(system, "super1", "supervisor")
    _page, reader = open_policy(qtbot, auth.session_for_username("super1", clock=clock))
    assert reader.reminders.inputs["notify.dingtalk_secret"].text() == "******"
