"""The look: icon set, app icon, light and dark schemes, high-DPI rendering."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon, QImage, QImageReader, QPalette
from PySide6.QtWidgets import QApplication, QLabel

from desktop_app.ui import resources
from desktop_app.ui.main_window import SECTIONS
from desktop_app.ui.resources import (
    TONES,
    apply_look,
    icon,
    icon_colour,
    palette_for,
    set_tone,
    style_sheet,
)

ROOT = Path(__file__).resolve().parents[2]
ICONS = ROOT / "resources" / "icons"
# Names passed in tuples rather than straight to icon("..."): the case window's buttons.
INDIRECT = {
    "transfer",
    "escalate",
    "request_approval",
    "approve",
    "reject",
    "renegotiate",
    "close_case",
    "reopen",
    "refresh",
}


def used_icon_names() -> set[str]:
    names = set(SECTIONS) | INDIRECT | {"app"}
    for path in (ROOT / "desktop_app").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        names |= set(re.findall(r"\bicon\(\s*\"(\w+)\"", text))
        names |= set(re.findall(r"\bicon_name=\"(\w+)\"", text))  # forms.push_button
    return names


@pytest.fixture
def look(qapp):
    """Apply the look for a test, then put the application's style back as it was."""
    app = QApplication.instance()
    style = app.style().name()  # empty under a style sheet: then the base style stays
    palette = QPalette(app.palette())
    sheet = app.styleSheet()
    forced = os.environ.pop(resources.SCHEME_VARIABLE, None)
    yield app
    watcher = app.findChild(resources._LookWatcher, "look_watcher")
    if watcher is not None:
        watcher.scheme = "keep"  # stop following the system for the tests after this one
    app.setStyleSheet(sheet)
    app.setPalette(palette)
    if style:
        app.setStyle(style)
    if forced is not None:
        os.environ[resources.SCHEME_VARIABLE] = forced


def luminance(colour: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def opaque_pixels(image: QImage) -> list[QColor]:
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    return [
        image.pixelColor(x, y)
        for y in range(image.height())
        for x in range(image.width())
        if image.pixelColor(x, y).alpha() > 200
    ]


def test_every_icon_the_program_uses_exists():
    names = used_icon_names()
    missing = sorted(n for n in names if not (ICONS / f"{n}.svg").is_file())
    assert not missing, f"no resources/icons/<name>.svg for {missing}"
    # The sections, the main window's commands and the case actions all have one.
    assert {
        "save",
        "print",
        "export",
        "import",
        "refresh",
        "sign_out",
        "lock",
        "password",
        "backup",
        "restore",
        "reminder",
        "transfer",
        "escalate",
        "approve",
        "reject",
        "close_case",
        "reopen",
        "attach",
        "about",
    } <= names


def test_the_icon_set_is_one_style_and_licensed():
    svgs = [p for p in ICONS.glob("*.svg") if p.stem != "app"]
    assert len(svgs) >= 40
    for path in svgs:
        text = path.read_text(encoding="utf-8")
        assert 'viewBox="0 0 24 24"' in text, path.name
        assert 'stroke="currentColor"' in text and 'stroke-width="2"' in text, path.name
    licence = (ICONS / "LICENSE-lucide.txt").read_text(encoding="utf-8")
    assert "Lucide Contributors" in licence and "Permission to use" in licence


@pytest.mark.parametrize("name", sorted(p.stem for p in ICONS.glob("*.svg")))
def test_every_icon_renders_at_1x_and_2x(qapp, name):
    image = icon(name)
    assert not image.isNull()
    for scale in (1.0, 1.5, 2.0):
        pixmap = image.pixmap(QSize(24, 24), scale)
        assert pixmap.size() == QSize(round(24 * scale), round(24 * scale)), (name, scale)
        assert pixmap.devicePixelRatio() == scale
        assert opaque_pixels(pixmap.toImage()), f"{name} renders empty at {scale}x"


def test_missing_icon_is_empty(qapp):
    assert icon("no_such_icon").isNull()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_palette_contrast(qapp, scheme):
    palette = palette_for(scheme)
    pairs = [
        (QPalette.ColorRole.Text, QPalette.ColorRole.Base),
        (QPalette.ColorRole.Text, QPalette.ColorRole.AlternateBase),
        (QPalette.ColorRole.WindowText, QPalette.ColorRole.Window),
        (QPalette.ColorRole.ButtonText, QPalette.ColorRole.Button),
        (QPalette.ColorRole.HighlightedText, QPalette.ColorRole.Highlight),
        (QPalette.ColorRole.ToolTipText, QPalette.ColorRole.ToolTipBase),
    ]
    for fg, bg in pairs:
        ratio = contrast(palette.color(fg), palette.color(bg))
        assert ratio >= 4.5, (scheme, fg, bg, ratio)
    text = palette.color(QPalette.ColorRole.Text)
    base = palette.color(QPalette.ColorRole.Base)
    if scheme == "dark":
        assert text.lightness() > 180 and base.lightness() < 60
    else:
        assert text.lightness() < 60 and base.lightness() > 200
    # Alternating table rows are visibly different from the base.
    assert palette.color(QPalette.ColorRole.AlternateBase) != base
    # Disabled text is still told apart from the window, but dimmer than normal text.
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
    window = palette.color(QPalette.ColorRole.Window)
    assert 2.0 <= contrast(disabled, window) < contrast(text, window)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_message_colours_are_readable(qapp, scheme):
    palette = palette_for(scheme)
    for tone in ("error", "ok", "warning"):
        colour = QColor(TONES[scheme][tone])
        for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
            assert contrast(colour, palette.color(role)) >= 4.5, (scheme, tone, role)
    notice = contrast(
        QColor(TONES[scheme]["notice_text"]), QColor(TONES[scheme]["notice_background"])
    )
    assert notice >= 4.5


def test_style_sheet_fills_in_every_colour(qapp):
    for scheme in ("light", "dark"):
        text = re.sub(r"/\*.*?\*/", "", style_sheet(scheme), flags=re.DOTALL)
        assert text.strip()
        assert not re.search(r"@\w+@", text), "a colour of the style sheet is not filled in"
        assert TONES[scheme]["error"] in text
    assert (ROOT / "resources" / "style" / "check.svg").is_file()


def test_icons_follow_the_scheme(look):
    app = look
    apply_look(app, "dark")
    pixels = opaque_pixels(icon("save").pixmap(QSize(32, 32), 2.0).toImage())
    assert pixels and min(p.lightness() for p in pixels) > 180
    assert icon_colour().lightness() > 180
    # The same icon object redraws in the new colour when the scheme changes.
    kept = icon("tracker")
    apply_look(app, "light")
    pixels = opaque_pixels(kept.pixmap(QSize(32, 32), 2.0).toImage())
    assert pixels and max(p.lightness() for p in pixels) < 80
    disabled = opaque_pixels(kept.pixmap(QSize(32, 32), 1.0, QIcon.Mode.Disabled).toImage())
    assert disabled and min(p.lightness() for p in disabled) > 100
    # The app icon keeps its own colours.
    app_pixels = opaque_pixels(icon("app").pixmap(QSize(64, 64)).toImage())
    assert any(p.blue() > 200 and p.red() < 80 for p in app_pixels)


def test_apply_look_follows_the_system_scheme(look, monkeypatch):
    app = look
    monkeypatch.setenv(resources.SCHEME_VARIABLE, "dark")
    assert apply_look(app) == "dark"
    assert app.palette().color(QPalette.ColorRole.Window).lightness() < 60
    assert resources.current_scheme() == "dark"
    assert TONES["dark"]["error"] in app.styleSheet()
    # The system switches to light: the watcher applies it.
    monkeypatch.setenv(resources.SCHEME_VARIABLE, "light")
    watcher = app.findChild(resources._LookWatcher, "look_watcher")
    app.styleHints().colorSchemeChanged.emit(app.styleHints().colorScheme())
    watcher.system_changed()
    assert app.palette().color(QPalette.ColorRole.Window).lightness() > 200
    assert app.property("color_scheme") == "light"
    # A scheme asked for explicitly is kept.
    apply_look(app, "dark")
    watcher.system_changed()
    assert app.property("color_scheme") == "dark"
    assert not app.windowIcon().isNull()


def test_tone_labels(look, qtbot):
    app = look
    apply_look(app, "dark")
    label = QLabel("x")
    qtbot.addWidget(label)
    set_tone(label, "error")
    label.ensurePolished()
    assert label.palette().color(QPalette.ColorRole.WindowText) == QColor(TONES["dark"]["error"])
    set_tone(label, None)
    label.ensurePolished()
    assert label.palette().color(QPalette.ColorRole.WindowText) != QColor(TONES["dark"]["error"])


def test_app_icon_files(qapp):
    png = QImage(str(ICONS / "app.png"))
    assert png.size() == QSize(256, 256)
    reader = QImageReader(str(ICONS / "app.ico"))
    sizes = set()
    for index in range(reader.imageCount()):
        reader.jumpToImage(index)
        image = reader.read()
        assert not image.isNull()
        sizes.add(image.width())
    assert {16, 24, 32, 48, 256} <= sizes
    assert not resources.app_icon().isNull()
    assert "app.ico" in (ROOT / "build.spec").read_text(encoding="utf-8")


HIDPI_SCRIPT = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QToolBar, QToolButton
app = QApplication(sys.argv[:1])
from desktop_app.bootstrap import prepare_database
from desktop_app.domain.clock import SystemClock
from desktop_app.services.session import Session
from desktop_app.ui.i18n import install_translators
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.resources import apply_look
from tests.helpers.fixtures import make_user

db, info, _ = prepare_database(sys.argv[2])
session = make_user(Session.system(SystemClock()), "manager1", "manager", departments=())
result = {"ratio": app.devicePixelRatio(), "languages": {}}
for language in ("en_US", "zh_CN"):
    install_translators(app, QLocale(language))
    apply_look(app, "light")
    window = MainWindow(session, info, offer_drafts=False)
    window.show()
    app.processEvents()
    nav = window.navigation
    toolbar = window.findChild(QToolBar, "navigation_toolbar")
    buttons = [b for b in toolbar.findChildren(QToolButton) if b.defaultAction() is not None
               and b.isVisible()]
    result["languages"][language] = {
        "texts": [nav.item(i).text() for i in range(nav.count())],
        "nav_needed": nav.sizeHintForColumn(0), "nav_width": nav.viewport().width(),
        "toolbar": [(b.text(), b.width(), b.sizeHint().width()) for b in buttons],
        "sections": len(window.section_actions),
        "icon_ratio": nav.item(0).icon().pixmap(nav.iconSize(), app.devicePixelRatio())
        .devicePixelRatio(),
    }
    window.close()
    window.deleteLater()
    app.processEvents()
print("RESULT " + json.dumps(result))
"""


@pytest.mark.parametrize("scale", ["1.5"])
def test_main_window_is_not_clipped_at_high_dpi(tmp_path, scale):
    script = tmp_path / "hidpi.py"
    script.write_text(HIDPI_SCRIPT, encoding="utf-8")
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        QT_SCALE_FACTOR=scale,
        DESKTOP_APP_DATA_DIR=str(tmp_path / "data"),
        DESKTOP_APP_LOG_DIR=str(tmp_path / "log"),
    )
    env.pop("DESKTOP_APP_DATABASE", None)
    env.pop(resources.SCHEME_VARIABLE, None)
    done = subprocess.run(
        [sys.executable, str(script), str(ROOT), f"sqlite:///{tmp_path / 'hidpi.db'}"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=240,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    assert done.returncode == 0 and lines, done.stderr[-3000:]
    result = json.loads(lines[-1][len("RESULT ") :])
    assert result["ratio"] == pytest.approx(float(scale))
    assert set(result["languages"]) == {"en_US", "zh_CN"}
    english, chinese = result["languages"]["en_US"], result["languages"]["zh_CN"]
    assert english["texts"] != chinese["texts"]  # the translation was in use
    for language, found in result["languages"].items():
        assert found["nav_needed"] <= found["nav_width"], (language, found)
        assert len(found["toolbar"]) == found["sections"], (language, found["toolbar"])
        for text, width, wanted in found["toolbar"]:
            assert width >= wanted, (language, text, width, wanted)
        assert found["icon_ratio"] == pytest.approx(float(scale))


# --- message colours in the dark scheme: one mechanism (set_tone), no fixed reds -----------

# The fixed reds message labels used to carry (contrast about 2.5 on the dark window).
FIXED_REDS = ("#c00000", "#b3261e", "#b00020")


def shown_colour_contrast(label: QLabel) -> float:
    """The contrast of a label's text colour (after the style sheet) on its window."""
    label.ensurePolished()
    palette = label.palette()
    return contrast(
        palette.color(QPalette.ColorRole.WindowText), palette.color(QPalette.ColorRole.Window)
    )


def assert_error_tone(label: QLabel, scheme: str) -> None:
    label.ensurePolished()
    assert label.property("tone") == "error", label.objectName()
    assert label.palette().color(QPalette.ColorRole.WindowText) == QColor(TONES[scheme]["error"]), (
        label.objectName()
    )
    assert shown_colour_contrast(label) >= 4.5, (label.objectName(), scheme)


def test_intake_error_labels_are_readable_in_the_dark_scheme(
    look, qtbot, clerk_session, clock, monkeypatch, tmp_path
):
    from desktop_app.services import auth
    from desktop_app.ui.intake import IntakePage

    monkeypatch.setenv("DESKTOP_APP_DATA_DIR", str(tmp_path / "data"))
    app = look
    apply_look(app, "dark")
    page = IntakePage(auth.session_for_username("clerk1", clock=clock))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    task = page.save()  # an empty form: every required field has its message
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass
    qtbot.waitUntil(lambda: not page.tasks.busy(), timeout=10_000)
    label = page.errors["customer_name"]
    assert label.isVisible() and label.text()
    assert_error_tone(label, "dark")
    # The message line under the form: the same tone, in bold.
    assert_error_tone(page.form_message, "dark")
    assert page.form_message.property("strong") is True
    page.form_message.ensurePolished()
    assert page.form_message.font().bold()
    # A switch of scheme recolours what is shown.
    apply_look(app, "light")
    assert_error_tone(label, "light")


def test_case_window_action_error_is_readable_in_the_dark_scheme(look, qtbot, clerk_session, clock):
    from desktop_app.services import auth
    from desktop_app.ui.case.window import CaseWindow
    from tests.helpers.cases import make_case
    from tests.helpers.fixtures import TEST_NOW

    app = look
    apply_look(app, "dark")
    case = make_case(at=TEST_NOW - dt.timedelta(days=10), owner="clerk1", subtype="staff_attitude")
    window = CaseWindow(auth.session_for_username("clerk1", clock=clock), case.id)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        window.show()
    qtbot.waitExposed(window)
    window.show_message("The case could not be saved.")
    message = window.action_message
    assert message.isVisible()
    assert_error_tone(message, "dark")
    assert message.property("strong") is True and message.font().bold()
    # News that is not an error goes back to the normal text colour.
    window.show_message("The case was reloaded.", error=False)
    message.ensurePolished()
    assert message.property("tone") == ""
    assert message.palette().color(QPalette.ColorRole.WindowText) == QColor(
        resources.DARK["WindowText"]
    )
    assert not message.font().bold()
    # The overdue deadline (registered ten days ago) reads in the error tone.
    due = window.labels["first_response_due"]
    assert due.property("due_state") == "overdue"
    assert_error_tone(due, "dark")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_deadline_cells_are_readable(qapp, scheme):
    """The tracker's deadline cells: each tone on its own background."""
    from desktop_app.domain.deadlines import DUE_STATES

    # Every state of the rule but "none" (the normal colour) has its tone.
    assert set(resources.DUE_TONES) == set(DUE_STATES) - {"none"}
    for tone in resources.DUE_TONES.values():
        text = resources.tone_colour(tone, scheme)
        background = resources.tone_colour(f"{tone}_background", scheme)
        assert contrast(text, background) >= 4.5, (scheme, tone)
    # Light: the colours the tracker always had.
    light = {t: TONES["light"][f"{t}_background"] for t in ("error", "warning", "ok")}
    assert light == {"error": "#fde2e1", "warning": "#fff1cc", "ok": "#e3f4e5"}


def test_no_fixed_message_colours_in_the_ui():
    """Message colours come from resources.TONES (set_tone / tone_colour) only: no fixed red
    outside resources.py (its colour table and the shared badge style)."""
    offenders: dict[str, list[str]] = {}
    for path in sorted((ROOT / "desktop_app" / "ui").rglob("*.py")):
        if path.name == "resources.py":
            continue
        text = path.read_text(encoding="utf-8")
        found = [red for red in FIXED_REDS if red in text.lower()]
        found += re.findall(r"\b(?:ERROR|OK)_STYLE\b", text)
        if found:
            offenders[path.name] = found
    assert offenders == {}
    resources_text = (ROOT / "desktop_app" / "ui" / "resources.py").read_text(encoding="utf-8")
    assert resources_text.count("#c00000") == 1  # the badges' one definition
