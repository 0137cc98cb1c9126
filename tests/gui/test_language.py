"""The language follows the system and can be changed: the ``ui/language`` setting,
install_translators honouring it, the Settings page's selector, the sign-in window's."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings

from desktop_app import APP_ID, ORG_NAME
from desktop_app.ui import i18n
from desktop_app.ui.login import LoginDialog
from desktop_app.ui.settings_page import SettingsPage

LRELEASE = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))

TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context><name>LoginDialog</name>
<message><source>Sign in</source><translation>登录</translation></message>
</context>
</TS>
"""


@pytest.fixture(autouse=True)
def _remove_installed_translators(qapp):
    yield
    for translator in i18n._current["translators"]:
        QCoreApplication.removeTranslator(translator)
    i18n._current.update(choice=None, locale=None, translators=[])


@pytest.fixture
def catalogue(tmp_path, monkeypatch) -> Path:
    """A one-message zh_CN catalogue used instead of the program's."""
    if LRELEASE is None:
        pytest.skip("pyside6-lrelease is not installed")
    folder = tmp_path / "translations"
    folder.mkdir()
    (folder / "desktop_app_zh_CN.ts").write_text(TS, encoding="utf-8")
    subprocess.run(
        [LRELEASE, str(folder / "desktop_app_zh_CN.ts")], check=True, capture_output=True
    )
    monkeypatch.setattr(i18n, "translations_dir", lambda: folder)
    return folder


def ours(installed) -> list[str]:
    return [t.filePath() for t in installed if i18n.CATALOGUE in t.filePath()]


def test_the_language_follows_the_system_by_default(qapp):
    assert i18n.saved_language() == "system"
    i18n.install_translators(qapp)
    assert QLocale().name() == QLocale.system().name()
    assert i18n.current_language() == i18n.system_language()


def test_install_translators_honours_the_saved_choice(qapp, catalogue):
    i18n.save_language("zh_CN")
    assert QSettings(ORG_NAME, APP_ID).value("ui/language") == "zh_CN"
    installed = i18n.install_translators(qapp)
    assert ours(installed) and ours(installed)[0].endswith("desktop_app_zh_CN.qm")
    assert QLocale().language() == QLocale.Language.Chinese
    assert i18n.ui_language() == "zh"
    assert QCoreApplication.translate("LoginDialog", "Sign in") == "登录"

    i18n.save_language("en")
    installed = i18n.install_translators(qapp)
    assert not ours(installed)
    assert i18n.ui_language() == "en"
    # The Chinese translators of before were removed.
    assert QCoreApplication.translate("LoginDialog", "Sign in") == "Sign in"


def test_an_unknown_stored_value_means_the_system(qapp):
    QSettings(ORG_NAME, APP_ID).setValue("ui/language", "klingon")
    assert i18n.saved_language() == "system"
    with pytest.raises(ValueError):
        i18n.save_language("klingon")


def test_a_choice_made_while_signed_in_applies_at_the_next_sign_in(qapp, catalogue):
    assert not i18n.apply_saved_language(qapp)  # nothing installed the usual way yet
    i18n.save_language("en")
    i18n.install_translators(qapp)
    assert not i18n.apply_saved_language(qapp)  # unchanged
    i18n.save_language("zh_CN")
    assert i18n.apply_saved_language(qapp)
    assert i18n.ui_language() == "zh"
    assert not i18n.apply_saved_language(qapp)


@pytest.mark.parametrize("role", ["clerk", "manager"])
def test_settings_language_combo_stores_the_choice(qtbot, qapp, catalogue, system, role):
    from tests.helpers.fixtures import make_user

    i18n.save_language("en")
    i18n.install_translators(qapp)
    session = make_user(system, f"{role}9", role, departments=())
    page = SettingsPage(session)
    qtbot.addWidget(page, before_close_func=lambda p: p.tasks.shutdown())
    combo = page.findChild(type(page.language_combo), "language_combo")
    assert combo is page.language_combo
    assert combo.isEnabled()  # everyone's own choice, whatever the role
    assert combo.currentData() == "en"
    assert [combo.itemData(i) for i in range(combo.count())] == ["system", "zh_CN", "en"]

    combo.setCurrentIndex(combo.findData("zh_CN"))
    assert i18n.saved_language() == "zh_CN"
    assert "sign in again" in page.language_note.text()
    assert i18n.ui_language() == "en"  # the open window stays as it is
    # The next install (sign-in, start) uses it.
    installed = i18n.install_translators(qapp)
    assert ours(installed)
    assert i18n.ui_language() == "zh"

    combo.setCurrentIndex(combo.findData("system"))
    assert i18n.saved_language() == "system"


def test_the_sign_in_window_switches_language_at_once(qtbot, qapp, catalogue):
    i18n.save_language("en")
    i18n.install_translators(qapp)
    dialog = LoginDialog(database="test.db")
    qtbot.addWidget(dialog)
    assert dialog.sign_in_button.text() == "Sign in"
    combo = dialog.language
    assert combo.objectName() == "login_language"
    combo.setCurrentIndex(combo.findData("zh_CN"))
    assert dialog.sign_in_button.text() == "登录"
    assert i18n.saved_language() == "zh_CN"
    combo.setCurrentIndex(combo.findData("en"))
    assert dialog.sign_in_button.text() == "Sign in"
    assert i18n.saved_language() == "en"
