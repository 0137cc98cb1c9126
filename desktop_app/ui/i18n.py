"""Translation helpers: the UI language, installing catalogues, service messages.

The language is a per-user choice of this computer, the ``ui/language`` key of the
program's QSettings: ``"system"`` (the default: follow the system's locale), ``"zh_CN"`` or
``"en"``. ``install_translators(app)`` honours it and makes the matching locale Qt's default,
so ``ui_language()``, dates and numbers follow. Changing it (Settings, the first-run wizard,
the login window) applies with ``apply_language``; the main window is built in the language
installed at sign-in, so a change made there shows after signing in again.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from desktop_app import APP_ID, ORG_NAME
from desktop_app.services.errors import ServiceError
from desktop_app.ui.resources import translations_dir

log = logging.getLogger(__name__)

CATALOGUE = "desktop_app"
LANGUAGE_KEY = "ui/language"
SYSTEM = "system"
LANGUAGES = (SYSTEM, "zh_CN", "en")
# The languages offered, each named in its own language (never translated).
LANGUAGE_NAMES = {"zh_CN": "中文（简体）", "en": "English"}

# What install_translators(app) without a locale installed last: the choice, the locale's
# name and the translators (removed again when the language changes).
_current: dict = {"choice": None, "locale": None, "translators": []}


def _settings() -> QSettings:
    return QSettings(ORG_NAME, APP_ID)


def saved_language() -> str:
    """The stored choice: ``"system"``, ``"zh_CN"`` or ``"en"`` (unknown values: system)."""
    value = _settings().value(LANGUAGE_KEY, SYSTEM)
    return value if value in LANGUAGES else SYSTEM


def save_language(choice: str) -> None:
    if choice not in LANGUAGES:
        raise ValueError(f"unknown language {choice!r}")
    settings = _settings()
    settings.setValue(LANGUAGE_KEY, choice)
    settings.sync()


def system_language() -> str:
    """``"zh_CN"`` on a Chinese system, else ``"en"``."""
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def locale_for(choice: str) -> QLocale:
    """The locale of a choice. The system's own locale when it speaks that language (its
    date formats stay), else the language's main locale."""
    system = QLocale.system()
    if choice == "zh_CN":
        if system.language() == QLocale.Language.Chinese:
            return system
        return QLocale(QLocale.Language.Chinese, QLocale.Script.SimplifiedChineseScript,
                       QLocale.Country.China)
    if choice == "en":
        if system.language() == QLocale.Language.English:
            return system
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    return system


def language_of(choice: str) -> str:
    """``"zh_CN"`` or ``"en"``: what a choice (``"system"`` included) shows."""
    return system_language() if choice == SYSTEM else choice


def current_language() -> str:
    """The language installed now, as a choice's code (``"zh_CN"`` or ``"en"``)."""
    return "zh_CN" if ui_language() == "zh" else "en"


def ui_language() -> str:
    """``"zh"`` when the UI speaks Chinese (the default locale is Chinese), else ``"en"``.

    Suitable as the ``language`` argument of ``desktop_app.domain.vocab`` labels.
    """
    return "zh" if QLocale().language() == QLocale.Language.Chinese else "en"


def install_translators(app: QCoreApplication, locale: QLocale | None = None,
                        directory: Path | None = None) -> list[QTranslator]:
    """Install ``desktop_app_<locale>.qm`` (and Qt's own ``qtbase`` catalogue) when present.

    Without ``locale`` the saved language choice (``saved_language``) decides; its locale
    becomes Qt's default and the translators installed this way before are removed first.

    The catalogue is looked up with Qt's fallbacks (``zh_CN`` then ``zh``). Nothing is
    installed, and nothing fails, when no file exists for the language. The translators are
    returned and also parented to ``app`` so they live as long as it does.
    """
    if locale is None:
        return apply_language(app, saved_language(), directory)
    installed: list[QTranslator] = []
    own_dir = directory or translations_dir()
    candidates = [(CATALOGUE, str(own_dir)),
                  ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    for name, folder in candidates:
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder) and app.installTranslator(translator):
            log.info("installed translation %s", translator.filePath())
            installed.append(translator)
        else:
            translator.deleteLater()
    if not any(CATALOGUE in t.filePath() for t in installed):
        log.info("no %s catalogue for %s in %s; the UI is in English", CATALOGUE,
                 locale.name(), own_dir)
    return installed


def apply_language(app: QCoreApplication, choice: str,
                   directory: Path | None = None) -> list[QTranslator]:
    """Switch the program to ``choice`` now (without saving it): remove the translators
    installed for the previous choice, install this one's, make its locale the default.

    Open widgets get ``QEvent.LanguageChange``; those that handle it retranslate."""
    if choice not in LANGUAGES:
        choice = SYSTEM
    locale = locale_for(choice)
    for translator in _current["translators"]:
        QCoreApplication.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(locale)
    installed = install_translators(app, locale, directory)
    _current["choice"], _current["locale"] = choice, locale.name()
    _current["translators"] = installed
    log.info("user interface language: %s (%s)", choice, locale.name())
    return installed


def apply_saved_language(app: QCoreApplication) -> bool:
    """Before a sign-in: apply the saved choice when it differs from the language
    installed by ``install_translators(app)``. False when nothing changed (also when the
    translators were never installed that way)."""
    if _current["choice"] is None:
        return False
    choice = saved_language()
    if choice == _current["choice"] and locale_for(choice).name() == _current["locale"]:
        return False
    apply_language(app, choice)
    return True


def service_message(exc: ServiceError) -> str:
    """The user-facing text of a service error, translated in the ``ServiceError`` context."""
    template = QCoreApplication.translate("ServiceError", exc.template)
    try:
        return template.format(**exc.params)
    except (KeyError, IndexError, ValueError):
        return exc.message
