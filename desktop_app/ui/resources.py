"""The application's resource files (icons, style, translations) and its look.

Icons are SVGs in ``resources/icons`` (Lucide's set, 24x24 with 2px strokes in
``currentColor``; ``app.svg`` is the program's own, in colour). ``icon(name)`` draws them
at the device pixel ratio asked for, in the palette's text colour of the moment: they
follow a switch between the light and the dark scheme without being set again.

``apply_look(app)`` gives the program the Fusion style with a light or a dark palette
following the system's colour scheme (``QStyleHints.colorScheme``, and its changes), and
the style sheet ``resources/style/app.qss`` with its ``@name@`` colours filled in for that
scheme. ``DESKTOP_APP_COLOR_SCHEME=light`` or ``dark`` overrides the system's choice.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QObject, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app import resource_files

# The checkout's resources/, the installed package's desktop_app/resources or the
# PyInstaller folder's _internal/resources (desktop_app.resource_files).
RESOURCES_DIR = resource_files.resources_dir()

COLOUR_PLACEHOLDER = "currentColor"
SCHEME_VARIABLE = "DESKTOP_APP_COLOR_SCHEME"


def resources_dir() -> Path:
    return RESOURCES_DIR


def translations_dir() -> Path:
    return RESOURCES_DIR / "translations"


# --- icons ----------------------------------------------------------------------------


@lru_cache(maxsize=256)
def _svg_text(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return None


def icon_colour(mode: QIcon.Mode = QIcon.Mode.Normal, palette: QPalette | None = None) -> QColor:
    """The colour a single-colour icon is drawn in for ``mode``: the palette's window text
    (disabled: the disabled text; selected: the highlighted text)."""
    if palette is None:
        palette = QGuiApplication.palette()
    if mode == QIcon.Mode.Disabled:
        return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
    if mode == QIcon.Mode.Selected:
        return palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.HighlightedText)
    return palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText)


class SvgIconEngine(QIconEngine):
    """Draws a single-colour SVG, its ``currentColor`` replaced by ``icon_colour(mode)``,
    rendered afresh for each size and device pixel ratio (no scaled bitmaps)."""

    # Qt owns the engines it gets from clone(); their Python side is kept here until Qt
    # deletes them (shiboken then marks them invalid and they are dropped).
    _clones: list[SvgIconEngine] = []
    _CACHE_LIMIT = 48

    def __init__(self, name: str, svg: str):
        super().__init__()
        self._name = name
        self._svg = svg
        self._renderers: dict[str, QSvgRenderer] = {}
        self._pixmaps: dict[tuple, QPixmap] = {}

    def _renderer(self, colour: QColor) -> QSvgRenderer:
        key = colour.name(QColor.NameFormat.HexArgb)
        renderer = self._renderers.get(key)
        if renderer is None:
            text = self._svg.replace(COLOUR_PLACEHOLDER, colour.name(QColor.NameFormat.HexRgb))
            if colour.alpha() < 255:
                text = text.replace("<svg", f'<svg opacity="{colour.alphaF():.3f}"', 1)
            renderer = QSvgRenderer(QByteArray(text.encode("utf-8")))
            self._renderers = {key: renderer}  # one colour at a time is plenty
        return renderer

    def scaledPixmap(
        self,
        size: QSize,
        mode: QIcon.Mode,
        state: QIcon.State,  # noqa: N802
        scale: float,
    ) -> QPixmap:
        colour = icon_colour(mode)
        side = min(size.width(), size.height())
        key = (
            side,
            int(mode.value if hasattr(mode, "value") else mode),
            round(scale * 100),
            colour.rgba(),
        )
        cached = self._pixmaps.get(key)
        if cached is not None:
            return cached
        pixels = max(1, round(side * scale))
        pixmap = QPixmap(pixels, pixels)
        pixmap.fill(Qt.GlobalColor.transparent)
        if side > 0:
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._renderer(colour).render(painter, QRectF(0, 0, pixels, pixels))
            painter.end()
        pixmap.setDevicePixelRatio(scale)
        if len(self._pixmaps) >= self._CACHE_LIMIT:
            self._pixmaps.clear()
        self._pixmaps[key] = pixmap
        return pixmap

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        device = painter.device()
        scale = device.devicePixelRatioF() if device is not None else 1.0
        side = min(rect.width(), rect.height())
        pixmap = self.scaledPixmap(QSize(side, side), mode, state, scale)
        target = QRect(0, 0, side, side)
        target.moveCenter(rect.center())
        painter.drawPixmap(target, pixmap)

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:  # noqa: N802
        side = min(size.width(), size.height())
        return QSize(side, side)

    def clone(self) -> SvgIconEngine:
        engine = SvgIconEngine(self._name, self._svg)
        SvgIconEngine._clones = [e for e in SvgIconEngine._clones if _alive(e)] + [engine]
        return engine

    def key(self) -> str:
        return "desktop_app.svg"

    def iconName(self) -> str:  # noqa: N802
        return self._name

    def isNull(self) -> bool:  # noqa: N802
        return False


def _alive(obj: object) -> bool:
    from shiboken6 import Shiboken

    return Shiboken.isValid(obj)


def icon_path(name: str) -> Path:
    return RESOURCES_DIR / "icons" / f"{name}.svg"


def icon(name: str) -> QIcon:
    """``resources/icons/<name>.svg`` as an icon (an empty icon when the file is missing).

    Single-colour icons are drawn in the palette's text colour, at the device pixel ratio
    of the screen they are shown on; coloured ones (the app icon) as they are."""
    path = icon_path(name)
    svg = _svg_text(path)
    if svg is None:
        return QIcon()
    if COLOUR_PLACEHOLDER not in svg:
        return QIcon(str(path))
    return QIcon(SvgIconEngine(name, svg))


def app_icon() -> QIcon:
    """The program's icon: the SVG, with the rendered sizes of app.ico/app.png as a
    fallback where SVG support is missing."""
    result = QIcon(str(icon_path("app")))
    png = RESOURCES_DIR / "icons" / "app.png"
    if png.exists():
        result.addFile(str(png), QSize(256, 256))
    return result


# --- colour schemes -------------------------------------------------------------------

# Role -> colour, for the Active and Inactive groups; the Disabled group gets "disabled"
# for its text roles.
LIGHT = {
    "Window": "#f4f5f7",
    "WindowText": "#1b1f24",
    "Base": "#ffffff",
    "AlternateBase": "#eef1f5",
    "Text": "#1b1f24",
    "Button": "#e9ecf0",
    "ButtonText": "#1b1f24",
    "BrightText": "#ffffff",
    "Highlight": "#1f6feb",
    "HighlightedText": "#ffffff",
    "Link": "#0b57d0",
    "LinkVisited": "#6f42c1",
    "ToolTipBase": "#ffffe1",
    "ToolTipText": "#1b1f24",
    "PlaceholderText": "#6a737d",
    "Light": "#ffffff",
    "Midlight": "#e4e7eb",
    "Mid": "#b8bec6",
    "Dark": "#8c939c",
    "Shadow": "#3c4047",
    "Accent": "#1f6feb",
    "disabled": "#8c959f",
}
DARK = {
    "Window": "#1f2227",
    "WindowText": "#e6e8eb",
    "Base": "#16181c",
    "AlternateBase": "#23272e",
    "Text": "#e6e8eb",
    "Button": "#2b3038",
    "ButtonText": "#e6e8eb",
    "BrightText": "#ffffff",
    "Highlight": "#2f6fdb",
    "HighlightedText": "#ffffff",
    "Link": "#7cb2ff",
    "LinkVisited": "#c39cff",
    "ToolTipBase": "#2b3038",
    "ToolTipText": "#e6e8eb",
    "PlaceholderText": "#8b949e",
    "Light": "#3a4049",
    "Midlight": "#31363e",
    "Mid": "#23272d",
    "Dark": "#121417",
    "Shadow": "#000000",
    "Accent": "#2f6fdb",
    "disabled": "#6e7681",
}
# Colours the style sheet names @like_this@: readable on each scheme's window and base.
# The one table of message colours: labels take them through set_tone (the style sheet),
# table models and painters through tone_colour. ``*_background`` are cell backgrounds the
# tone of the same name (error, warning, ok, muted) stays readable on.
TONES = {
    "light": {
        "error": "#b3261e",
        "ok": "#1d6b2a",
        "warning": "#8a5a00",
        "muted": "#5f6670",
        "error_background": "#fde2e1",
        "warning_background": "#fff1cc",
        "ok_background": "#e3f4e5",
        "muted_background": "#eceef1",
        "notice_background": "#fff4ce",
        "notice_border": "#e0b000",
        "notice_text": "#4a3b00",
        "navigation_background": "#ffffff",
        "title": "#1b1f24",
        "indicator_border": "#8c939c",
    },
    "dark": {
        "error": "#ff8a80",
        "ok": "#7ee29a",
        "warning": "#f2c14e",
        "muted": "#a0a8b3",
        "error_background": "#4a1c1a",
        "warning_background": "#3d3214",
        "ok_background": "#173a22",
        "muted_background": "#2a2f36",
        "notice_background": "#3d3214",
        "notice_border": "#a07d1c",
        "notice_text": "#ffe7a3",
        "navigation_background": "#16181c",
        "title": "#f2f4f7",
        "indicator_border": "#8b949e",
    },
}
# A deadline's state (domain.deadlines.due_state) -> the tone it is shown in: the case
# window's deadline labels (set_tone), the tracker's deadline cells (tone_colour, on the
# tone's "<tone>_background"). A state not listed ("none") shows in the normal colour.
DUE_TONES: dict[str, str] = {
    "overdue": "error",
    "due_soon": "warning",
    "on_track": "ok",
    "met": "muted",
}
# White on red, readable in both schemes: the "urgent" and "sensitive customer" badges.
BADGE_STYLE = (
    "background: #c00000; color: white; font-weight: bold; border-radius: 3px; padding: 1px 6px;"
)
_TEXT_ROLES = (
    "WindowText",
    "Text",
    "ButtonText",
    "HighlightedText",
    "ToolTipText",
    "PlaceholderText",
    "BrightText",
)


def palette_for(scheme: str) -> QPalette:
    """The palette of ``scheme`` (``light`` or ``dark``)."""
    colours = DARK if scheme == "dark" else LIGHT
    palette = QPalette()
    for role_name, value in colours.items():
        role = getattr(QPalette.ColorRole, role_name, None)
        if role is None:
            continue
        colour = QColor(value)
        for group in (
            QPalette.ColorGroup.Active,
            QPalette.ColorGroup.Inactive,
            QPalette.ColorGroup.Disabled,
        ):
            palette.setColor(group, role, colour)
    disabled = QColor(colours["disabled"])
    for role_name in _TEXT_ROLES:
        if role_name != "HighlightedText":
            palette.setColor(
                QPalette.ColorGroup.Disabled, getattr(QPalette.ColorRole, role_name), disabled
            )
    palette.setColor(
        QPalette.ColorGroup.Disabled, QPalette.ColorRole.Highlight, QColor(colours["Mid"])
    )
    return palette


def system_scheme() -> str:
    """``dark`` or ``light``: the environment's override, else the system's setting
    (Qt's ``QStyleHints.colorScheme``; light when the system does not say)."""
    forced = os.environ.get(SCHEME_VARIABLE, "").strip().lower()
    if forced in ("light", "dark"):
        return forced
    hints = QGuiApplication.styleHints()
    if hints is not None and hints.colorScheme() == Qt.ColorScheme.Dark:
        return "dark"
    return "light"


def current_scheme() -> str:
    """The scheme the application's palette is in now (by its window colour)."""
    return (
        "dark"
        if QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128
        else "light"
    )


def tone_colour(name: str, scheme: str | None = None) -> QColor:
    """A named colour of the look (``error``, ``ok``, ``warning``, ``muted`` …) readable in
    ``scheme`` (default: the current one)."""
    return QColor(TONES[scheme or current_scheme()][name])


def style_sheet(scheme: str | None = None) -> str:
    """The application style sheet for ``scheme`` (default: the current one), or an empty
    string when there is none."""
    path = RESOURCES_DIR / "style" / "app.qss"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return ""
    tones = TONES["dark" if (scheme or current_scheme()) == "dark" else "light"]
    for name, value in tones.items():
        text = text.replace(f"@{name}@", value)
    return text.replace("@style_dir@", (RESOURCES_DIR / "style").as_posix())


def set_tone(widget: QWidget, tone: str | None, *, strong: bool = False) -> None:
    """Colour a label's text by the style sheet's ``[tone="error"]`` (``ok``, ``warning``,
    ``muted``) rules, which follow the colour scheme; ``None`` for the normal colour.
    ``strong``: bold as well (the ``[strong="true"]`` rule).

    The one way the program colours a message: no colours in widgets' own style sheets."""
    widget.setProperty("tone", tone or "")
    widget.setProperty("strong", bool(strong))
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.repaint()


class _LookWatcher(QObject):
    """Follows the system's colour scheme for the application it belongs to."""

    def __init__(self, app: QApplication):
        super().__init__(app)
        self.setObjectName("look_watcher")
        self.app = app
        self.scheme: str | None = None  # None: follow the system
        hints = app.styleHints()
        hints.colorSchemeChanged.connect(self.system_changed)

    def system_changed(self, _scheme=None) -> None:
        if self.scheme is None:
            _apply_scheme(self.app, system_scheme())


def _apply_scheme(app: QApplication, scheme: str) -> None:
    app.setPalette(palette_for(scheme))
    # Set again even when unchanged: re-polishes every widget with the new colours.
    app.setStyleSheet(style_sheet(scheme))
    app.setProperty("color_scheme", scheme)


def apply_look(app: QApplication, scheme: str | None = None) -> str:
    """Give ``app`` the program's look: Fusion, the palette and style sheet of ``scheme``
    (``light``/``dark``; default: the system's, followed when it changes) and the window
    icon. Returns the scheme applied. Call once after creating the application; calling
    again (e.g. with another scheme) is fine."""
    watcher = app.findChild(_LookWatcher, "look_watcher")
    if watcher is None:
        # Once: replacing the application's style while a style sheet is set can crash
        # Qt (seen with the first-run wizard open); later calls change palette and sheet.
        app.setStyle("Fusion")
        watcher = _LookWatcher(app)
    watcher.scheme = scheme
    chosen = scheme if scheme in ("light", "dark") else system_scheme()
    _apply_scheme(app, chosen)
    app.setWindowIcon(app_icon())
    return chosen
