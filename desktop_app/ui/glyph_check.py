"""The missing-glyph check of ``desktop-app screenshots`` (``screenshots.py``).

After a window has loaded, every text it shows (labels, buttons, group and tab titles,
line edits, combo items, table and list cells with their headers, chart titles, axes and
legends, the window title) is checked character by character against the font the widget
draws it with, with Qt's font fallback (``QFontMetrics.inFontUcs4``) and then the
installed Simplified Chinese families (``GlyphChecker``). Each character without a glyph
is a ``MissingGlyph`` of the run's ``GlyphReport``.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from collections import Counter
from collections.abc import Iterator

from PySide6 import QtGui
from PySide6.QtCharts import QChartView
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QFontMetrics, QRawFont, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenuBar,
    QPlainTextEdit,
    QStatusBar,
    QTabBar,
    QTextEdit,
    QWidget,
)


@dataclasses.dataclass
class MissingGlyph:
    window: str
    widget: str
    family: str
    char: str

    def line(self) -> str:
        return (
            f"missing glyph U+{ord(self.char):04X} {self.char!r} in {self.window}: "
            f"{self.widget} (font {self.family})"
        )


@dataclasses.dataclass
class GlyphReport:
    """What the glyph check saw in one language."""

    checked: set[str] = dataclasses.field(default_factory=set)
    missing: list[MissingGlyph] = dataclasses.field(default_factory=list)
    fallbacks: Counter = dataclasses.field(default_factory=Counter)  # family -> characters

    @property
    def cjk(self) -> set[str]:
        return {ch for ch in self.checked if is_cjk(ch)}

    def as_json(self) -> dict:
        return {
            "characters": len(self.checked),
            "cjk_characters": len(self.cjk),
            "missing": [dataclasses.asdict(m) for m in self.missing],
            "fallback_families": dict(self.fallbacks),
        }


def is_cjk(ch: str) -> bool:
    code = ord(ch)
    return (
        0x3400 <= code <= 0x9FFF
        or 0xF900 <= code <= 0xFAFF
        or 0x20000 <= code <= 0x3FFFF
        or 0x3000 <= code <= 0x303F
        or 0xFF00 <= code <= 0xFFEF
    )


def _needs_glyph(ch: str) -> bool:
    return not (ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp"))


class GlyphChecker:
    """Answers "does the font Qt uses for this text have a glyph for this character"."""

    def __init__(self) -> None:
        self._cache: dict[tuple[str, str], str | None] = {}
        self._chinese = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
        self._raw: dict[str, QRawFont] = {}

    def family_for(self, font: QFont, ch: str) -> str | None:
        """The family that draws ``ch`` in ``font`` (the font's own, or a fallback); None
        when no installed font has it."""
        key = (font.key(), ch)
        if key not in self._cache:
            self._cache[key] = self._find(font, ch)
        return self._cache[key]

    def _find(self, font: QFont, ch: str) -> str | None:
        code = ord(ch)
        primary = QRawFont.fromFont(font)
        if primary.isValid() and primary.supportsCharacter(code):
            return primary.familyName()
        # Qt's own fallback chain (fontconfig on Linux): what drawing the text would use.
        fallback_ok = QFontMetrics(font).inFontUcs4(code)
        for family in self._chinese:
            raw = self._raw.get(family)
            if raw is None:
                probe = QFont(font)
                probe.setFamilies([family])
                raw = self._raw[family] = QRawFont.fromFont(probe)
            if raw.isValid() and raw.supportsCharacter(code):
                return family
        return "(fallback)" if fallback_ok else None

    def check(self, report: GlyphReport, window: str, widget: str, font: QFont, text: str) -> None:
        primary = QRawFont.fromFont(font).familyName()
        for ch in set(text):
            if not _needs_glyph(ch):
                continue
            report.checked.add(ch)
            family = self.family_for(font, ch)
            if family is None:
                report.missing.append(MissingGlyph(window, widget, primary, ch))
            elif family != primary and is_cjk(ch):
                report.fallbacks[family] += 1


def _plain(text: str) -> str:
    """Label text without markup or accelerator ampersands."""
    if QtGui.Qt.mightBeRichText(text):
        document = QTextDocument()
        document.setHtml(text)
        text = document.toPlainText()
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _columns(model, parent: QModelIndex) -> int:
    try:
        return model.columnCount(parent)
    except TypeError:  # a list model, whose columnCount is private
        return 1 if not parent.isValid() else 0


def _model_texts(model, rows: int = 200) -> Iterator[str]:
    """Header and cell texts of a model (its first ``rows`` rows, three tree levels)."""
    if model is None:
        return
    for column in range(_columns(model, QModelIndex())):
        header = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        if header is not None:
            yield str(header)

    def walk(parent: QModelIndex, depth: int) -> Iterator[str]:
        for row in range(min(model.rowCount(parent), rows)):
            for column in range(max(_columns(model, parent), 1)):
                index = model.index(row, column, parent)
                value = model.data(index, Qt.ItemDataRole.DisplayRole)
                if value is not None and not isinstance(value, (bool, QColor)):
                    yield str(value)
                if column == 0 and depth < 3 and model.rowCount(index) > 0:
                    yield from walk(index, depth + 1)

    yield from walk(QModelIndex(), 0)


def widget_texts(widget: QWidget) -> Iterator[tuple[QFont, str]]:
    """The texts one widget shows, each with the font it is drawn in."""
    font = widget.font()
    if isinstance(widget, (QLabel, QAbstractButton)):
        yield font, _plain(widget.text())
    elif isinstance(widget, QLineEdit):
        yield font, widget.text() or widget.placeholderText()
    elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
        yield font, widget.toPlainText() or widget.placeholderText()
    elif isinstance(widget, QComboBox):
        for index in range(widget.count()):
            yield font, widget.itemText(index)
    elif isinstance(widget, QAbstractSpinBox):
        yield font, widget.text()
    elif isinstance(widget, QGroupBox):
        yield font, _plain(widget.title())
    elif isinstance(widget, QTabBar):
        for index in range(widget.count()):
            yield font, _plain(widget.tabText(index))
    elif isinstance(widget, QDockWidget):
        yield font, widget.windowTitle()
    elif isinstance(widget, QMenuBar):
        for action in widget.actions():
            yield font, _plain(action.text())
    elif isinstance(widget, QStatusBar):
        yield font, widget.currentMessage()
    elif isinstance(widget, QAbstractItemView):
        for text in _model_texts(widget.model()):
            yield font, text
    if isinstance(widget, QChartView):
        yield from _chart_texts(widget)


def _chart_texts(view) -> Iterator[tuple[QFont, str]]:
    chart = view.chart()
    if chart is None:
        return
    yield chart.titleFont(), chart.title()
    for axis in chart.axes():
        yield axis.titleFont(), axis.titleText()
        if hasattr(axis, "categories"):
            for category in axis.categories():
                yield axis.labelsFont(), category
    legend = chart.legend()
    if legend is not None and legend.isVisible():
        for marker in legend.markers():
            yield legend.font(), marker.label()


def visible_widgets(window: QWidget) -> Iterator[QWidget]:
    yield window
    for child in window.findChildren(QWidget):
        if child.isVisibleTo(window) and not child.isWindow():
            yield child


def check_window(checker: GlyphChecker, report: GlyphReport, name: str, window: QWidget) -> None:
    checker.check(report, name, "window title", QApplication.font(), window.windowTitle())
    for widget in visible_widgets(window):
        label = widget.objectName() or type(widget).__name__
        for font, text in widget_texts(widget):
            if text:
                checker.check(report, name, label, font, text)
