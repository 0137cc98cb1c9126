"""Layout probe (issue #9): no clipped or overlapping labels at a given scale and language.

    python -m tests.helpers.layout_probe --scale 1.5 --language zh_CN [--only NAME …]
        [--grab DIR]

``QT_SCALE_FACTOR`` must be set before the QApplication exists, hence a program of its own
(one run per scale and language). It builds a demo database (60 cases, an account per
role) in a temporary folder, with per-user settings there too (fresh window geometry: the
main window's first-start size), applies the program's look and the language, and opens

- the main window of a manager and of an admin, every section and every tab in turn;
- a case window (an open case);
- every dialog of ``tests.gui.test_untranslated.DIALOGS`` (the first-run wizard page by
  page),

and checks each of them (``layout_findings``). It prints one JSON object:
``{"scale", "language", "checked": {window: widgets}, "findings": [...]}``.

Findings (``Finding``):

- ``clipped label``: a visible QLabel without word wrap narrower than its size hint, or a
  word-wrapped one lower than its height for its width (labels that elide their text on
  purpose carry the property ``elides`` and are skipped);
- ``clipped button``: a button (push, tool, check, radio) narrower than its size hint;
- ``clipped group title``: a group box narrower than its title;
- ``elided tab``: a tab narrower than its text needs (or out of the tab bar);
- ``clipped header``: a table header section narrower than its text;
- ``elided chart label``: a chart text (axis label, title) Qt Charts cut short with "...";
- ``scrolls sideways``: a scroll area (a form, not a table) wider than its viewport at
  the window's size;
- ``window size``/``window minimum size``: a window larger than the screen;
- ``overlap``: two visible siblings laid out by their parent's layout that intersect by
  more than 1 px (not inside a QStackedWidget);
- ``outside parent``: a laid-out widget reaching out of its parent (the parent is smaller
  than its layout needs; a scroll area's contents scroll and are left out).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
import tempfile
from pathlib import Path

ROLES = ("manager", "admin", "supervisor", "clerk")
PASSWORD = "Plum-Harbour-Lantern-42"
# The offscreen screen, in device pixels: the common 1920×1080 monitor (1280×720 logical
# pixels at 150 %).
SCREEN = (1920, 1080)
TOLERANCE = 1


@dataclasses.dataclass(frozen=True)
class Finding:
    window: str  # which window, section and tab
    widget: str  # objectName path
    kind: str
    text: str
    needed: int
    available: int

    def line(self) -> str:
        return (
            f"{self.window} › {self.widget} › {self.kind} {self.text!r} › needs "
            f"{self.needed} px, has {self.available}"
        )


# --- the checks (need a QApplication) ----------------------------------------------------


def _plain(text: str) -> str:
    import re

    return re.sub(r"\(&[^&]\)", "", text).replace("&&", "\0").replace("&", "").replace("\0", "&")


def _where(widget, window) -> str:
    parts = []
    current = widget
    while current is not None and len(parts) < 3:
        if current.objectName() or current is widget:
            parts.append(current.objectName() or type(current).__name__)
        if current is window:
            break
        current = current.parentWidget()
    return "/".join(reversed(parts))


def _label_text(label) -> str:
    from PySide6 import QtGui
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextDocument

    text = label.text()
    if label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text)
    ):
        document = QTextDocument()
        document.setHtml(text)
        return document.toPlainText()
    return text


def _laid_out(layout, found: set[int]) -> None:
    """ids of the widgets ``layout`` (and its sub-layouts) manages."""
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item.widget() is not None:
            found.add(id(item.widget()))
        elif item.layout() is not None:
            _laid_out(item.layout(), found)


def _in_scroll_contents(widget) -> bool:
    from PySide6.QtWidgets import QAbstractScrollArea

    parent = widget.parentWidget()
    while parent is not None:
        grand = parent.parentWidget()
        if isinstance(grand, QAbstractScrollArea) and grand.viewport() is parent:
            return True
        parent = grand
    return False


def _elides(widget) -> bool:
    current = widget
    while current is not None and not current.isWindow():
        if current.property("elides"):
            return True
        current = current.parentWidget()
    return False


def _tab_needs(bar) -> list[int]:
    """Widths the tabs of ``bar`` have when nothing is elided (a copy of the bar)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QTabBar

    probe = QTabBar()
    probe.setFont(bar.font())
    probe.setStyleSheet(bar.styleSheet())
    probe.setDocumentMode(bar.documentMode())
    probe.setIconSize(bar.iconSize())
    probe.setShape(bar.shape())
    probe.setElideMode(Qt.TextElideMode.ElideNone)
    probe.setExpanding(False)
    probe.setTabsClosable(bar.tabsClosable())
    for i in range(bar.count()):
        probe.addTab(bar.tabIcon(i), bar.tabText(i))
    needs = [probe.tabRect(i).width() for i in range(bar.count())]
    probe.deleteLater()
    return needs


def _group_title_needs(box) -> int:
    from PySide6.QtWidgets import QGroupBox

    probe = QGroupBox()
    probe.setFont(box.font())
    probe.setFlat(box.isFlat())
    probe.setCheckable(box.isCheckable())
    probe.setTitle(box.title())
    needs = probe.minimumSizeHint().width()
    probe.deleteLater()
    return needs


def _button_needs(button) -> int:
    """The width ``button`` needs to show its text and icon: its size hint, but for a push
    button without the style's minimum width (a "◀" button may be narrow)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPushButton, QStyle

    hint = button.sizeHint().width()
    if not isinstance(button, QPushButton):
        return hint
    style = button.style()
    text = button.fontMetrics().size(Qt.TextFlag.TextShowMnemonic, button.text()).width()
    icon = 0 if button.icon().isNull() else button.iconSize().width() + 4
    frame = style.pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, button)
    margin = style.pixelMetric(QStyle.PixelMetric.PM_ButtonMargin, None, button)
    indicator = (
        style.pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, None, button)
        if button.menu() is not None
        else 0
    )
    return min(hint, text + icon + 2 * (frame + margin) + indicator)


def _header_findings(header, window, where: str) -> list[Finding]:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QHeaderView, QStyle

    found: list[Finding] = []
    model = header.model()
    if model is None or header.orientation() != Qt.Orientation.Horizontal:
        return found
    metrics = header.fontMetrics()
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    for logical in range(header.count()):
        if header.isSectionHidden(logical):
            continue
        value = model.headerData(logical, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        if value is None or not str(value).strip():
            continue
        text = str(value)
        needs = max(metrics.horizontalAdvance(line) for line in text.splitlines()) + 2 * margin
        if header.isSortIndicatorShown() and header.sortIndicatorSection() == logical:
            needs += header.height() // 2 + margin  # the arrow beside the text
        has = header.sectionSize(logical)
        if header.sectionResizeMode(logical) == QHeaderView.ResizeMode.Stretch and (
            header.length() > header.viewport().width() + TOLERANCE
        ):
            continue  # stretched into a view that scrolls: not squeezed by the layout
        if needs > has + TOLERANCE:
            found.append(
                Finding(
                    "", f"{_where(header, window)}[{logical}]", "clipped header", text, needs, has
                )
            )
    return found


def _chart_findings(view, window, where: str) -> list[Finding]:
    """Chart texts Qt Charts cut short with "..." (axis labels that do not fit)."""
    from PySide6.QtGui import QFontMetrics

    found = []
    chart = view.chart()
    texts = [chart.title()]
    for axis in chart.axes():
        texts += [axis.titleText(), *getattr(axis, "categories", list)()]
    for item in view.scene().items():
        if item.type() != 8 or not item.isVisible():  # QGraphicsTextItem
            continue
        shown = item.toGraphicsObject()
        text = shown.toPlainText()
        if not text.endswith(("...", "…")):
            continue
        start = text.rstrip(".…")
        full = next((t for t in texts if t.startswith(start) and t != text), text)
        found.append(
            Finding(
                where,
                _where(view, window),
                "elided chart label",
                full,
                round(QFontMetrics(shown.font()).horizontalAdvance(full)),
                round(shown.boundingRect().width()),
            )
        )
    return found


def layout_findings(window, where: str) -> tuple[list[Finding], int]:
    """What is clipped or overlapping in ``window`` (a shown window or dialog); and how many
    widgets were looked at."""
    from PySide6.QtCharts import QChartView
    from PySide6.QtWidgets import (
        QAbstractButton,
        QGroupBox,
        QHeaderView,
        QLabel,
        QScrollArea,
        QStackedWidget,
        QTabBar,
        QWidget,
    )

    found: list[Finding] = []
    widgets = [
        w
        for w in window.findChildren(QWidget)
        if w.window() is window and not w.isWindow() and w.isVisibleTo(window)
    ]
    for widget in widgets:
        name = _where(widget, window)
        if isinstance(widget, QLabel) and not _elides(widget):
            text = _label_text(widget)
            if not text.strip() or widget.pixmap() is not None and not widget.pixmap().isNull():
                pass
            elif widget.wordWrap():
                needs = widget.heightForWidth(widget.width())
                if needs > widget.height() + TOLERANCE:
                    found.append(
                        Finding(where, name, "clipped label (height)", text, needs, widget.height())
                    )
            else:
                needs = widget.sizeHint().width()
                if needs > widget.width() + TOLERANCE:
                    found.append(Finding(where, name, "clipped label", text, needs, widget.width()))
        elif isinstance(widget, QAbstractButton) and widget.text().strip() and not _elides(widget):
            needs = _button_needs(widget)
            if needs > widget.width() + TOLERANCE:
                found.append(
                    Finding(
                        where, name, "clipped button", _plain(widget.text()), needs, widget.width()
                    )
                )
        if isinstance(widget, QGroupBox) and widget.title().strip():
            needs = _group_title_needs(widget)
            if needs > widget.width() + TOLERANCE:
                found.append(
                    Finding(
                        where,
                        name,
                        "clipped group title",
                        _plain(widget.title()),
                        needs,
                        widget.width(),
                    )
                )
        if isinstance(widget, QTabBar):
            needs = _tab_needs(widget)
            for i, need in enumerate(needs):
                if not widget.isTabVisible(i):
                    continue
                rect = widget.tabRect(i)
                has = (
                    rect.width()
                    if rect.right() <= widget.width() + TOLERANCE
                    else min(rect.width(), widget.width() - rect.left())
                )
                if need > has + TOLERANCE:
                    found.append(
                        Finding(
                            where,
                            f"{name}[tab {i}]",
                            "elided tab",
                            _plain(widget.tabText(i)),
                            need,
                            has,
                        )
                    )
        if (
            isinstance(widget, QScrollArea)
            and widget.widget() is not None
            and (widget.horizontalScrollBar().isVisibleTo(window))
        ):
            found.append(
                Finding(
                    where,
                    name,
                    "scrolls sideways",
                    "",
                    widget.widget().width(),
                    widget.viewport().width(),
                )
            )
        if isinstance(widget, QChartView):
            found += _chart_findings(widget, window, where)
        if isinstance(widget, QHeaderView) and not widget.isHidden():
            found += [
                dataclasses.replace(f, window=where)
                for f in _header_findings(widget, window, where)
            ]
    # Siblings laid out by their parent: no overlaps, nothing outside the parent.
    for parent in [window, *widgets]:
        layout = parent.layout()
        if layout is None or isinstance(parent, QStackedWidget):
            continue
        managed: set[int] = set()
        _laid_out(layout, managed)
        children = [
            c
            for c in parent.children()
            if isinstance(c, QWidget)
            and id(c) in managed
            and not c.isWindow()
            and c.isVisibleTo(window)
        ]
        scrolled = _in_scroll_contents(parent) or parent.property("scrolls")
        for i, a in enumerate(children):
            ga = a.geometry()
            if not scrolled and parent is not window:
                inside = ga.intersected(parent.rect())
                if (
                    ga.width() - inside.width() > TOLERANCE
                    or ga.height() - inside.height() > TOLERANCE
                ):
                    found.append(
                        Finding(
                            where,
                            _where(a, window),
                            "outside parent",
                            _where(parent, window),
                            ga.right() + 1 if ga.right() > parent.width() else ga.bottom() + 1,
                            parent.width() if ga.right() > parent.width() else parent.height(),
                        )
                    )
            for b in children[i + 1 :]:
                overlap = ga.intersected(b.geometry())
                if overlap.width() > TOLERANCE and overlap.height() > TOLERANCE:
                    found.append(
                        Finding(
                            where,
                            f"{_where(a, window)} × {_where(b, window)}",
                            "overlap",
                            "",
                            overlap.width(),
                            overlap.height(),
                        )
                    )
    return found, len(widgets)


def screen_findings(window, where: str) -> list[Finding]:
    """A window larger than the screen's available area (its size, or the least its
    layout allows)."""
    found = []
    available = window.screen().availableGeometry()
    least = window.minimumSizeHint().expandedTo(window.minimumSize())
    for what, size in (("window size", window.size()), ("window minimum size", least)):
        if size.width() > available.width():
            found.append(
                Finding(
                    where,
                    _where(window, window),
                    f"{what} (width)",
                    window.windowTitle(),
                    size.width(),
                    available.width(),
                )
            )
        if size.height() > available.height():
            found.append(
                Finding(
                    where,
                    _where(window, window),
                    f"{what} (height)",
                    window.windowTitle(),
                    size.height(),
                    available.height(),
                )
            )
    return found


# --- the run -----------------------------------------------------------------------------


class Bot:
    """What the dialog factories of test_untranslated use of pytest-qt's ``qtbot``."""

    def __init__(self) -> None:
        self.widgets: list = []

    def addWidget(self, widget) -> None:  # noqa: N802 - qtbot's name
        self.widgets.append(widget)

    def wait(self, ms: int) -> None:
        from PySide6.QtTest import QTest

        QTest.qWait(ms)

    def waitExposed(self, widget, timeout: int = 5000) -> None:  # noqa: N802
        from PySide6.QtTest import QTest

        QTest.qWaitForWindowExposed(widget, timeout)

    def waitUntil(self, condition, timeout: int = 15_000) -> None:  # noqa: N802
        import time

        from PySide6.QtTest import QTest

        end = time.monotonic() + timeout / 1000
        while not condition():
            if time.monotonic() > end:
                raise TimeoutError("condition not met")
            QTest.qWait(20)

    def close_all(self) -> None:
        import shiboken6

        for widget in reversed(self.widgets):
            if shiboken6.isValid(widget):
                widget.close()
                widget.deleteLater()
        self.widgets.clear()


def _environment(folder: Path, scale: float) -> None:
    config = folder / "screen.json"
    width, height = SCREEN
    config.write_text(
        json.dumps(
            {
                "screens": [
                    {
                        "name": "probe",
                        "x": 0,
                        "y": 0,
                        "width": width,
                        "height": height,
                        "logicalDpi": 96,
                        "logicalBaseDpi": 96,
                        "dpr": 1,
                    }
                ]
            }
        )
    )
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    if scale != 1.0:
        os.environ["QT_SCALE_FACTOR"] = f"{scale:g}"
    else:
        os.environ.pop("QT_SCALE_FACTOR", None)
    os.environ["XDG_CONFIG_HOME"] = str(folder / "config")
    os.environ["DESKTOP_APP_DATA_DIR"] = str(folder / "data")
    os.environ["DESKTOP_APP_LOG_DIR"] = str(folder / "log")
    os.environ.pop("DESKTOP_APP_DATABASE", None)


def _demo_database(folder: Path) -> str:
    from argon2 import PasswordHasher

    from desktop_app.bootstrap import prepare_database
    from desktop_app.services import auth, demo, users
    from desktop_app.services.session import Session

    auth._hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    url = f"sqlite:///{(folder / 'demo.db').as_posix()}"
    database, _info, _result = prepare_database(url)
    try:
        system = Session.system()
        demo.generate(system, 60, seed=1)
        for role in ROLES:
            users.create_user(
                system,
                f"{role}1",
                role,
                PASSWORD,
                display_name=f"测试{role}",
                departments=() if role in ("manager", "admin") else ("customer_service",),
            )
    finally:
        database.close()
    return url


def run(
    scale: float, language: str, only: list[str] | None = None, grab: Path | None = None
) -> dict:
    folder = Path(tempfile.mkdtemp(prefix="layout-probe-"))
    _environment(folder, scale)

    import shiboken6
    from PySide6.QtCore import QSettings, QStandardPaths
    from PySide6.QtWidgets import QWizard

    QStandardPaths.setTestModeEnabled(True)
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder / "qt-settings"))
        QSettings.setPath(fmt, QSettings.Scope.SystemScope, str(folder / "qt-settings"))

    from desktop_app.ui import open_window
    from desktop_app.ui.app import application
    from desktop_app.ui.i18n import apply_language, save_language
    from desktop_app.ui.resources import apply_look
    from tests.gui import test_untranslated as walker

    app = application()
    apply_look(app, "light")
    url = _demo_database(folder)
    walker._DB["url"] = url
    save_language(language)
    apply_language(app, language)

    findings: list[Finding] = []
    checked: dict[str, int] = {}
    errors: list[str] = []
    bot = Bot()

    def wanted(name: str) -> bool:
        return not only or any(part in name for part in only)

    def check(window, where: str) -> None:
        found, count = layout_findings(window, where)
        found += screen_findings(window, where)
        if grab is not None:  # a picture of what was checked, to look at
            grab.mkdir(parents=True, exist_ok=True)
            slug = "".join(c if c.isalnum() or c in "._-" else "_" for c in where)
            window.grab().save(str(grab / f"{slug[:100]}.png"))
        checked[where] = count
        findings.extend(found)

    def main_window(role: str):
        # Each window at its first-start size: no geometry saved by the one before.
        from desktop_app.ui.main_window import app_settings

        settings = app_settings()
        settings.remove("main_window")
        settings.sync()
        window = open_window("main", database=url, user=f"{role}1")
        bot.addWidget(window)
        bot.waitExposed(window)
        walker.settle(bot, window)
        return window

    def close_others(keep) -> None:
        """Close what a dialog factory opened (dialogs, case windows, other main windows)
        but the manager's main window the next dialog reuses."""
        for widget in reversed(bot.widgets):
            if widget is not keep and shiboken6.isValid(widget):
                widget.close()  # not deleted: the main window may keep it (export dialog)
        bot.widgets[:] = [keep]
        walker.settle(bot, keep)

    for role in ("manager", "admin"):
        if not wanted(f"main {role}"):
            continue
        window = main_window(role)
        for section in [s.kind for s in window.sections]:
            page = window.show_section(section)
            walker.settle(bot, window)
            for view in walker._views_of(bot, window, page):
                check(
                    window,
                    f"main {role} {window.width()}x{window.height()} › {section} {view}".rstrip(),
                )
        bot.close_all()

    if wanted("case"):
        window = main_window("manager")
        case_window = window.open_case(walker._case_id(False))
        bot.addWidget(case_window)
        bot.waitExposed(case_window)
        bot.waitUntil(lambda: case_window.detail is not None)
        walker.settle(bot, window)
        check(case_window, f"case window {case_window.width()}x{case_window.height()}")
        bot.close_all()

    window = None
    for name in sorted(walker.DIALOGS):
        if not wanted(f"dialog {name}"):
            continue
        if window is None or not shiboken6.isValid(window) or not window.isVisible():
            window = main_window("manager")
        try:
            made = walker.DIALOGS[name](bot, window)
        except BaseException as exc:  # noqa: BLE001 - pytest.skip is a BaseException
            if isinstance(exc, KeyboardInterrupt):
                raise
            errors.append(f"dialog {name}: {type(exc).__name__}: {exc}")
            close_others(window)
            continue
        bot.addWidget(made)
        made.show()
        bot.waitExposed(made)
        walker.settle(bot, window)
        if isinstance(made, QWizard):
            for page_id in made.pageIds():
                made.setStartId(page_id)
                made.restart()
                walker.settle(bot, window)
                check(made, f"dialog {name} page {type(made.page(page_id)).__name__}")
        else:
            check(made, f"dialog {name} {made.width()}x{made.height()}")
        close_others(window)
    bot.close_all()

    from desktop_app.db.models import database_proxy

    if database_proxy.obj is not None:
        database_proxy.obj.close()
    return {
        "scale": scale,
        "language": language,
        "checked": checked,
        "errors": errors,
        "findings": [dataclasses.asdict(f) for f in dict.fromkeys(findings)],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="layout_probe")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--language", default="zh_CN", choices=("zh_CN", "en"))
    parser.add_argument("--only", nargs="*", help="windows whose name contains one of these")
    parser.add_argument("--grab", type=Path, help="save a picture of each view checked here")
    args = parser.parse_args(argv)
    result = run(args.scale, args.language, args.only, args.grab)
    sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=1) + "\n")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    code = main()
    os._exit(code)  # no teardown of Qt objects at exit
