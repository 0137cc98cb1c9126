"""``desktop-app screenshots``: the pictures under a real X server (Xvfb), both languages,
1x and 1.5x, no missing glyph; the glyph check itself; the committed docs/screenshots."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QFontDatabase, QFontMetrics, QImage
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui import screenshots
from desktop_app.ui.glyph_check import GlyphChecker, GlyphReport, check_window
from desktop_app.ui.screenshots import NAMES, SIZE

REPO = Path(__file__).resolve().parents[2]
DOCS = REPO / "docs" / "screenshots"
XVFB_RUN = shutil.which("xvfb-run")
NO_GLYPH = "\U00013000"  # EGYPTIAN HIEROGLYPH A001: in no font this project installs


def not_blank(path: Path) -> tuple[int, float]:
    """(distinct colours, luminance standard deviation) over a grid of the picture."""
    image = QImage(str(path))
    assert not image.isNull(), path
    values, colours = [], set()
    for y in range(0, image.height(), max(1, image.height() // 60)):
        for x in range(0, image.width(), max(1, image.width() // 80)):
            rgb = image.pixel(x, y) & 0xFFFFFF
            colours.add(rgb)
            values.append(0.299 * (rgb >> 16) + 0.587 * ((rgb >> 8) & 255) + 0.114 * (rgb & 255))
    mean = sum(values) / len(values)
    deviation = (sum((v - mean) ** 2 for v in values) / len(values)) ** 0.5
    return len(colours), deviation


def assert_pictures(folder: Path, languages: tuple[str, ...], scale: float) -> None:
    width, height = round(SIZE.width() * scale), round(SIZE.height() * scale)
    for language in languages:
        for name in NAMES:
            path = folder / language / f"{name}.png"
            assert path.is_file(), f"{path} missing"
            image = QImage(str(path))
            assert (image.width(), image.height()) == (width, height), path
            colours, deviation = not_blank(path)
            assert colours >= 8 and deviation > 8, f"{path} looks blank ({colours}, {deviation})"


# --- the glyph check, in this process ------------------------------------------------------


def test_glyph_check_reports_a_character_no_font_has(qtbot):
    if QFontMetrics(QLabel().font()).inFontUcs4(ord(NO_GLYPH)):
        pytest.skip("an installed font has Egyptian hieroglyphs")
    window = QWidget()
    window.setWindowTitle("投诉处理台")
    layout = QVBoxLayout(window)
    layout.addWidget(QLabel(f"客户投诉登记表 {NO_GLYPH}"))
    button = QPushButton("保存(&S)")
    button.setObjectName("save_button")
    layout.addWidget(button)
    table = QTableWidget(1, 1)
    table.setObjectName("cases_table")
    table.setHorizontalHeaderLabels(["投诉编号"])
    table.setItem(0, 0, QTableWidgetItem(f"TS-20260318-0001 {NO_GLYPH}"))
    layout.addWidget(table)
    hidden = QLabel("\U00013001")
    layout.addWidget(hidden)
    hidden.hide()
    qtbot.addWidget(window)
    window.show()

    report = GlyphReport()
    check_window(GlyphChecker(), report, "test", window)
    missing = {(m.char, m.widget) for m in report.missing}
    assert (NO_GLYPH, "QLabel") in missing
    assert (NO_GLYPH, "cases_table") in missing
    assert all(m.char == NO_GLYPH for m in report.missing)  # hidden widgets are not read
    assert "&" not in report.checked  # accelerator marks are not text
    assert {"客", "诉", "编", "保", "台"} <= report.checked
    chinese_fonts = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    if chinese_fonts:  # with a CJK font installed, every Chinese character is drawn
        assert not any(m.char == "客" for m in report.missing)
        assert {"客", "诉"} <= report.cjk


def test_docs_screenshots_are_all_there():
    """The README and the user guide show docs/screenshots/<language>/<name>.png."""
    assert_pictures(DOCS, screenshots.LANGUAGES, 1.0)
    total = sum(p.stat().st_size for p in DOCS.rglob("*.png"))
    assert total < 2_500_000, f"docs/screenshots holds {total:,} bytes"


# --- the command under Xvfb ----------------------------------------------------------------


def run_screenshots(tmp_path: Path, out: Path, *args: str) -> tuple[dict, str]:
    report = out.with_suffix(".json")
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="xcb",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        DESKTOP_APP_DATABASE=f"sqlite:///{(tmp_path / 'users' / 'mine.db').as_posix()}",
    )
    env.pop("QT_SCALE_FACTOR", None)
    command = [
        XVFB_RUN,
        "-a",
        "-s",
        "-screen 0 2560x1600x24 -nolisten tcp",
        sys.executable,
        "-m",
        "desktop_app",
        "screenshots",
        "--out",
        str(out),
        "--strict",
        "--glyph-report",
        str(report),
        *args,
    ]
    result = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "platform xcb" in result.stdout, output
    return json.loads(report.read_text(encoding="utf-8")), output


@pytest.mark.slow
@pytest.mark.skipif(
    XVFB_RUN is None,
    reason="xvfb-run is not installed (apt-get install xvfb "
    "xauth and the xcb libraries; CI installs them)",
)
def test_screenshots_under_xvfb_both_languages_and_chinese_at_one_and_a_half(tmp_path):
    one = tmp_path / "1x"
    report, output = run_screenshots(tmp_path, one, "--language", "both")
    assert_pictures(one, screenshots.LANGUAGES, 1.0)
    for language in screenshots.LANGUAGES:
        glyphs = report["languages"][language]
        assert glyphs["missing"] == [], output
        assert glyphs["characters"] > 150
    # The Chinese pictures show Chinese text, drawn with a font that has it.
    zh = report["languages"]["zh_CN"]
    assert zh["cjk_characters"] > 100, zh
    assert "0 missing" in output
    # Never the user's database nor their settings.
    assert not (tmp_path / "users").exists()
    assert not [p for p in (tmp_path / "config").rglob("*") if p.is_file()]

    big = tmp_path / "1.5x"
    report, output = run_screenshots(tmp_path, big, "--language", "zh_CN", "--scale", "1.5")
    assert report["scale"] == 1.5
    assert_pictures(big, ("zh_CN",), 1.5)
    assert report["languages"]["zh_CN"]["missing"] == [], output
    assert report["languages"]["zh_CN"]["cjk_characters"] > 100
