"""Where the application's resource files (icons, style, translations) live."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QIcon

# desktop_app/ui/resources.py -> the repository (or installed) root holding resources/.
RESOURCES_DIR = Path(__file__).resolve().parents[2] / "resources"


def resources_dir() -> Path:
    return RESOURCES_DIR


def translations_dir() -> Path:
    return RESOURCES_DIR / "translations"


def icon(name: str) -> QIcon:
    """``resources/icons/<name>.svg`` as an icon; an empty icon when the file is missing."""
    path = RESOURCES_DIR / "icons" / f"{name}.svg"
    return QIcon(str(path)) if path.exists() else QIcon()


def style_sheet() -> str:
    """The application style sheet, or an empty string when there is none."""
    path = RESOURCES_DIR / "style" / "app.qss"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""
