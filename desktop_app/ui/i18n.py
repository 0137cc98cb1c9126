"""Translation helpers: the UI language, installing catalogues, service messages."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop_app.services.errors import ServiceError
from desktop_app.ui.resources import translations_dir

log = logging.getLogger(__name__)

CATALOGUE = "desktop_app"


def ui_language() -> str:
    """``"zh"`` when the UI speaks Chinese (the default locale is Chinese), else ``"en"``.

    Suitable as the ``language`` argument of ``desktop_app.domain.vocab`` labels.
    """
    return "zh" if QLocale().language() == QLocale.Language.Chinese else "en"


def install_translators(app: QCoreApplication, locale: QLocale | None = None,
                        directory: Path | None = None) -> list[QTranslator]:
    """Install ``desktop_app_<locale>.qm`` (and Qt's own ``qtbase`` catalogue) when present.

    The catalogue is looked up with Qt's fallbacks (``zh_CN`` then ``zh``). Nothing is
    installed, and nothing fails, when no file exists for the language. The translators are
    returned and also parented to ``app`` so they live as long as it does.
    """
    locale = locale or QLocale.system()
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


def service_message(exc: ServiceError) -> str:
    """The user-facing text of a service error, translated in the ``ServiceError`` context."""
    template = QCoreApplication.translate("ServiceError", exc.template)
    try:
        return template.format(**exc.params)
    except (KeyError, IndexError, ValueError):
        return exc.message
