from PySide6.QtCore import Qt

from desktop_app.domain.settings import BY_KEY, SETTINGS
from desktop_app.services import settings as settings_service
from desktop_app.ui.settings_page import SettingEditDialog, SettingsPage, SettingsTableModel


def make_page(qtbot, session) -> SettingsPage:
    page = SettingsPage(session)
    # Its background reads (the policy tab's deadline preview) end before the test's
    # database goes; one still running had read another test's empty file.
    qtbot.addWidget(page, before_close_func=lambda p: p.tasks.shutdown())
    page.show()
    page.show_all_settings()
    qtbot.waitExposed(page)
    return page


def open_editor(qtbot, page: SettingsPage, key: str) -> SettingEditDialog:
    assert page.select_key(key)
    qtbot.mouseClick(page.edit_setting_button, Qt.MouseButton.LeftButton)
    editor = page.findChild(SettingEditDialog, "setting_edit_dialog")
    assert editor is not None and editor.isVisible()
    qtbot.addWidget(editor)
    return editor


def row_of(page: SettingsPage, key: str) -> int:
    return next(r for r in range(page.model.rowCount()) if page.model.key_at(r) == key)


def double_click(qtbot, page: SettingsPage, key: str) -> None:
    index = page.model.index(row_of(page, key), SettingsTableModel.LABEL)
    page.table.scrollTo(index)
    rect = page.table.visualRect(index)
    assert page.table.viewport().rect().contains(rect.center())
    # A real double click is a click followed by a double-click event; QTest's mouseDClick
    # alone sends only the second half, which item views ignore.
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def shown_value(page: SettingsPage, key: str) -> str:
    return page.model.index(row_of(page, key), SettingsTableModel.VALUE).data()


def test_table_lists_every_setting_with_label_and_value(qtbot, clerk):
    page = make_page(qtbot, clerk)
    table = page.findChild(type(page.table), "settings_table")
    model = table.model()
    assert model.rowCount() == len(SETTINGS)
    labels = [model.index(r, SettingsTableModel.LABEL).data() for r in range(model.rowCount())]
    assert labels == [d.label for d in SETTINGS]
    assert shown_value(page, "security.lockout_attempts") == "5"
    assert shown_value(page, "sla.first_response_hours.normal") == "4"
    assert shown_value(page, "calendar.use_holiday_library") == "Yes"


def test_clerk_cannot_edit(qtbot, clerk):
    page = make_page(qtbot, clerk)
    assert not page.edit_setting_button.isEnabled()
    double_click(qtbot, page, "security.lockout_attempts")
    assert page.findChild(SettingEditDialog) is None
    assert page.select_key("security.lockout_attempts")
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.findChild(SettingEditDialog) is None
    assert page.edit_row(row_of(page, "security.lockout_attempts")) is None
    assert "Only managers" in page.findChild(type(page.message), "settings_hint").text()


def test_manager_changes_a_value_and_it_is_stored(qtbot, manager):
    page = make_page(qtbot, manager)
    assert page.edit_setting_button.isEnabled()
    editor = open_editor(qtbot, page, "security.lockout_attempts")
    value = editor.findChild(type(editor.editor), "setting_value")
    assert value.text() == "5"
    value.clear()
    qtbot.keyClicks(value, "7")
    qtbot.mouseClick(
        editor.findChild(type(editor.save_button), "save_button"), Qt.MouseButton.LeftButton
    )
    assert not editor.isVisible()
    assert settings_service.get("security.lockout_attempts") == 7
    assert shown_value(page, "security.lockout_attempts") == "7"
    assert "7" in page.message.text()


def test_double_click_opens_the_editor_for_that_row(qtbot, manager):
    page = make_page(qtbot, manager)
    double_click(qtbot, page, "numbering.prefix")
    editors = page.findChildren(SettingEditDialog)
    assert len(editors) == 1
    editor = editors[0]
    assert editor.isVisible()
    qtbot.addWidget(editor)
    assert editor.key == "numbering.prefix"
    assert editor.editor.text() == "TS"


def test_enter_on_a_row_opens_the_editor(qtbot, manager):
    page = make_page(qtbot, manager)
    page.select_key("sla.solution_days.normal")
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    editor = page.findChild(SettingEditDialog)
    assert editor is not None and editor.isVisible()
    qtbot.addWidget(editor)
    assert editor.key == "sla.solution_days.normal"


def test_bad_value_shows_error_naming_setting_and_keeps_text(qtbot, manager):
    page = make_page(qtbot, manager)
    editor = open_editor(qtbot, page, "security.lockout_attempts")
    editor.editor.clear()
    qtbot.keyClicks(editor.editor, "500")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.isVisible()
    assert editor.error.isVisible()
    assert editor.error.text() == "security.lockout_attempts: must be at most 100"
    assert editor.editor.text() == "500"
    assert settings_service.get("security.lockout_attempts") == 5
    assert shown_value(page, "security.lockout_attempts") == "5"

    editor.editor.clear()
    qtbot.keyClicks(editor.editor, "many")
    qtbot.keyClick(editor.editor, Qt.Key.Key_Return)
    assert editor.isVisible()
    assert editor.editor.text() == "many"
    assert "security.lockout_attempts" in editor.error.text()


def test_yes_no_setting_uses_a_check_box(qtbot, manager):
    page = make_page(qtbot, manager)
    editor = open_editor(qtbot, page, "sla.hours_working_time_only")
    assert not editor.editor.isChecked()
    qtbot.keyClick(editor.editor, Qt.Key.Key_Space)
    assert editor.editor.isChecked()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert settings_service.get("sla.hours_working_time_only") is True
    assert shown_value(page, "sla.hours_working_time_only") == "Yes"


def test_cancel_changes_nothing(qtbot, manager):
    page = make_page(qtbot, manager)
    editor = open_editor(qtbot, page, "numbering.prefix")
    editor.editor.clear()
    qtbot.keyClicks(editor.editor, "XX")
    qtbot.keyClick(editor.editor, Qt.Key.Key_Escape)
    assert not editor.isVisible()
    assert settings_service.get("numbering.prefix") == BY_KEY["numbering.prefix"].default
    assert shown_value(page, "numbering.prefix") == "TS"


def test_model_is_a_valid_qt_model(qtmodeltester, clerk):
    model = SettingsTableModel(settings_service.list_settings(clerk))
    qtmodeltester.check(model)
    model.set_value("numbering.prefix", "AB")
    qtmodeltester.check(model)
