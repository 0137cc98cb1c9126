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
import os
import shutil
import subprocess
import sys
from pathlib import Path

from platformdirs import user_cache_dir
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from desktop_app import APP_ID, ORG_NAME
from desktop_app.domain.messages import MESSAGE_CONTEXT
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
        return QLocale(
            QLocale.Language.Chinese, QLocale.Script.SimplifiedChineseScript, QLocale.Country.China
        )
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


def catalogue_dir(directory: Path | None = None) -> Path:
    """The folder holding an up-to-date ``desktop_app_*.qm``. The .qm files are built from
    the committed .ts sources by ``scripts/setup``, the package build (a wheel or sdist
    carries the .qm and no .ts, so nothing is compiled here) and the PyInstaller build; a
    checkout that skipped that step compiles them here once, with the ``pyside6-lrelease``
    that comes with PySide6, beside the .ts when that folder is writable, else in the
    user's cache folder."""
    source_dir = directory or translations_dir()
    sources = sorted(source_dir.glob(f"{CATALOGUE}_*.ts"))
    stale = [
        ts
        for ts in sources
        if not ts.with_suffix(".qm").exists()
        or ts.stat().st_mtime > ts.with_suffix(".qm").stat().st_mtime
    ]
    if not stale:
        return source_dir
    lrelease = _lrelease()
    if lrelease is None:
        log.warning("translations not compiled and pyside6-lrelease not found")
        return source_dir
    for target_dir in (source_dir, Path(user_cache_dir(APP_ID, ORG_NAME)) / "translations"):
        try:
            target_dir.mkdir(parents=True, exist_ok=True)
            for ts in sources:
                qm = target_dir / ts.with_suffix(".qm").name
                if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
                    continue
                # Into a new file, then renamed over the old one: a running program maps
                # the .qm it loaded, and rewriting that file in place would crash it.
                part = qm.with_name(f".{qm.name}.{os.getpid()}.part")
                subprocess.run(
                    [lrelease, str(ts), "-qm", str(part)],
                    check=True,
                    capture_output=True,
                    timeout=60,
                )
                os.replace(part, qm)
                log.info("compiled %s", qm)
            return target_dir
        except (OSError, subprocess.SubprocessError) as exc:
            log.warning("cannot compile translations into %s: %s", target_dir, exc)
    return source_dir


def _lrelease() -> str | None:
    import PySide6

    bundled = Path(PySide6.__file__).parent / ("lrelease.exe" if os.name == "nt" else "lrelease")
    if bundled.is_file():
        return str(bundled)
    return shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent)) or shutil.which(
        "pyside6-lrelease"
    )


def install_translators(
    app: QCoreApplication, locale: QLocale | None = None, directory: Path | None = None
) -> list[QTranslator]:
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
    own_dir = catalogue_dir(directory)
    candidates = [
        (CATALOGUE, str(own_dir)),
        ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    ]
    for name, folder in candidates:
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder) and app.installTranslator(translator):
            log.info("installed translation %s", translator.filePath())
            installed.append(translator)
        else:
            translator.deleteLater()
    if not any(CATALOGUE in t.filePath() for t in installed):
        log.info(
            "no %s catalogue for %s in %s; the UI is in English", CATALOGUE, locale.name(), own_dir
        )
    return installed


def apply_language(
    app: QCoreApplication, choice: str, directory: Path | None = None
) -> list[QTranslator]:
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


def message_text(text: str) -> str:
    """A text marked with ``msg("…")`` outside the UI (``desktop_app.domain.messages``: a
    setting's label, the program's name, a service message's template) in the UI
    language, translated in their one context, ``MESSAGE_CONTEXT``."""
    return QCoreApplication.translate(MESSAGE_CONTEXT, text)


def problem_text(template: str, params: dict) -> str:
    """A service message (an error's, a check's or an import problem's English template and
    its values) in the UI language: the template translated by ``message_text``, the English
    text when the translation does not fit the values."""
    translated = message_text(template)
    for text in (translated, template):
        try:
            return text.format(**params)
        except (KeyError, IndexError, ValueError):
            continue
    return template


def service_message(exc: ServiceError) -> str:
    """The user-facing text of a service error in the UI language (``problem_text``)."""
    return problem_text(exc.template, exc.params)
