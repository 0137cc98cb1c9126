"""What the pages of the main window share: the title, the first-start size, the timers
that wait for typing to stop (``delay_timer``), the bar of inputs that scrolls sideways
(``sideways_scroll``), the splitters of the windows and pages (``splitter``), work left
until a window is on screen (``after_first_paint``), and ``DataPage``, the base of the
pages that show data (when they reload)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QHideEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSplitter, QWidget

from desktop_app.ui.changes import KINDS, ChangeHub, DataChanged


def page_title(text: str) -> QLabel:
    """A page's heading: larger, bold text."""
    label = QLabel(text)
    label.setObjectName("page_title")
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    font.setBold(True)
    label.setFont(font)
    return label


class DelayTimer(QTimer):
    """A single-shot timer whose ``timeout`` calls a slot; see ``delay_timer``."""

    def call(self, *, delay: bool) -> None:
        """Call the slot when the wait runs out (``delay``: the wait starts again), or at
        once, dropping a wait under way."""
        if delay:
            self.start()
        else:
            self.stop()
            self.timeout.emit()


def delay_timer(parent: QWidget, name: str, msec: int, slot: Callable) -> DelayTimer:
    """A single-shot timer named ``name`` that calls ``slot`` ``msec`` after its last
    ``start()`` (a lookup or a reload once the typing stops); ``call(delay=False)`` calls
    it at once."""
    timer = DelayTimer(parent)
    timer.setObjectName(name)
    timer.setSingleShot(True)
    timer.setInterval(msec)
    timer.timeout.connect(slot)
    return timer


def sideways_scroll(bar: QWidget, name: str) -> QScrollArea:
    """``bar`` (a row of inputs) in a frameless scroll area named ``name`` that scrolls it
    sideways in a narrow window instead of widening the window; as high as the bar and a
    scroll bar, and never focused itself."""
    area = QScrollArea()
    area.setObjectName(name)
    area.setWidget(bar)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setFixedHeight(bar.sizeHint().height() + area.horizontalScrollBar().sizeHint().height())
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return area


def splitter(name: str, *parts: tuple[QWidget, int], vertical: bool = False) -> QSplitter:
    """A splitter named ``name`` of ``parts``, each a widget and its stretch factor, left
    to right (top to bottom when ``vertical``)."""
    split = QSplitter(Qt.Orientation.Vertical if vertical else Qt.Orientation.Horizontal)
    split.setObjectName(name)
    for index, (widget, stretch) in enumerate(parts):
        split.addWidget(widget)
        split.setStretchFactor(index, stretch)
    return split


def resize_on_screen(window: QWidget, width: int, height: int) -> None:
    """Give ``window`` its first-start size, but no larger than the screen's free area (a
    1920×1080 screen at 150 % has 1280×720 logical pixels)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        available = screen.availableGeometry()
        width, height = min(width, available.width()), min(height, available.height())
    window.resize(width, height)


class _AfterFirstPaint(QObject):
    def __init__(self, window: QWidget, callback: Callable[[], Any], latest_ms: int):
        super().__init__(window)
        self.window = window
        self.callback = callback
        self.done = False
        window.installEventFilter(self)
        QTimer.singleShot(0, self, self._unless_shown)
        QTimer.singleShot(latest_ms, self, self._fire)

    def _unless_shown(self) -> None:
        if not self.window.isVisible():  # nobody showed it: nothing to wait for
            self._fire()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and not self.done:
            QTimer.singleShot(0, self, self._fire)  # once the paint is done
        return False

    def _fire(self) -> None:
        if self.done:
            return
        self.done = True
        self.window.removeEventFilter(self)
        self.deleteLater()
        self.callback()


def after_first_paint(window: QWidget, callback: Callable[[], Any], latest_ms: int = 1000) -> None:
    """Call ``callback`` once ``window``, shown right after this call, has been painted for
    the first time (docs/rules.md#start-up): work started with the window, such as the
    first reminder scan on a worker thread, does not hold up its first paint. At the latest
    after ``latest_ms``; on the next turn of the event loop when the window is not shown by
    then. Not at all when the window is deleted first."""
    _AfterFirstPaint(window, callback, latest_ms)


class DataPage(QWidget):
    """A page that shows data others may change: the one rule for when it reloads.

    ``kinds`` are the kinds of ``changes.DataChanged`` the page shows. A change of one of
    them (from this program or, later, another one) marks the page stale; a visible page
    then reloads at once, a hidden one when it is shown. The page also reloads when first shown, on F5 (``refresh_shortcut``) and every
    ``refresh_ms`` while shown (``refresh_timer``; 0: no timer). ``reload_on_show``: every
    showing reloads (what other computers changed meanwhile shows at once).

    Subclasses implement ``refresh()`` (read the data again) and may narrow ``concerns``.
    """

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        changes: ChangeHub | None = None,
        kinds: Iterable[str] = (),
        refresh_ms: int = 0,
        timer_name: str = "refresh_timer",
        reload_on_show: bool = False,
    ):
        super().__init__(parent)
        self.changes = changes if changes is not None else ChangeHub(self)
        self.change_kinds = frozenset(kinds)
        unknown = self.change_kinds.difference(KINDS)
        if unknown:
            raise ValueError(f"unknown kinds of change: {sorted(unknown)}")
        self.stale = True  # nothing read yet
        self.reload_on_show = reload_on_show
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setObjectName(timer_name)
        self.refresh_timer.setInterval(max(0, refresh_ms))
        self.refresh_timer.timeout.connect(self.reload_now)
        self.refresh_shortcut = QShortcut(QKeySequence("F5"), self)
        self.refresh_shortcut.activated.connect(self.reload_now)
        self.changes.changed.connect(self._data_changed)

    def concerns(self, event: DataChanged) -> bool:
        """Whether a change of one of the page's kinds touches what it shows."""
        return True

    def refresh(self) -> Any:
        """Read the data again (F5, the timer, a change, the first showing)."""
        raise NotImplementedError

    def _data_changed(self, event: DataChanged) -> None:
        if event.kind not in self.change_kinds or not self.concerns(event):
            return
        self.stale = True
        self._reload_if_stale()

    def reload_now(self) -> Any:
        """``refresh()``, and the page is no longer stale."""
        self.stale = False
        return self.refresh()

    def _reload_if_stale(self) -> None:
        if self.stale and self.isVisible():
            self.reload_now()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self.stale:
            self._reload_if_stale()
        if self.refresh_timer.interval() > 0:
            self.refresh_timer.start()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt override
        self.refresh_timer.stop()
        if self.reload_on_show:
            self.stale = True
        super().hideEvent(event)
