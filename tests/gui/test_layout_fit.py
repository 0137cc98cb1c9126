"""No clipped or overlapping labels in either language at 100 % and 150 % (issue #9).

Each (scale, language) runs ``tests.helpers.layout_probe`` in a program of its own
(``QT_SCALE_FACTOR`` is read when the QApplication is made) on a 1920×1080 offscreen
screen: the main windows of a manager and an admin (every section and tab), a case window
and every dialog of ``test_untranslated.DIALOGS``, over demo data. The probe's own checks
are tested here too, on widgets made to fail them, so the test cannot pass by looking at
nothing.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tests.helpers.layout_probe import Finding, layout_findings

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 180  # seconds for one probe run (about 30 s on a quiet machine)


def _probe(scale: float, language: str) -> dict:
    env = {
        k: v for k, v in os.environ.items() if k not in ("QT_SCALE_FACTOR", "DESKTOP_APP_DATABASE")
    }
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.helpers.layout_probe",
            "--scale",
            str(scale),
            "--language",
            language,
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    return json.loads(done.stdout)


@pytest.mark.slow  # about 30 s each: a program of its own probing every window
@pytest.mark.parametrize("language", ["zh_CN", "en"])
@pytest.mark.parametrize("scale", [1.0, 1.5])
def test_nothing_clipped_or_overlapping(scale, language):
    result = _probe(scale, language)
    checked = result["checked"]
    assert not result["errors"], "\n".join(result["errors"])
    # It did look: both main windows, the case window and the dialogs, each with widgets.
    for expected in (
        "main manager",
        "main admin",
        "case window",
        "dialog login",
        "dialog user_add",
        "dialog first_run_wizard page AdminPage",
    ):
        assert any(name.startswith(expected) for name in checked), (expected, list(checked))
    assert all(count > 0 for count in checked.values()), checked
    findings = [Finding(**item) for item in result["findings"]]
    for finding in findings:
        print("LAYOUT", finding.line())
    assert not findings, (
        f"{len(findings)} clipped or overlapping at {scale:g}× in "
        f"{language}:\n" + "\n".join(f.line() for f in findings)
    )


# --- the probe's checks find what they look for ----------------------------------------------

LONG = "A label with a long text that cannot fit in twenty pixels 很长的中文标签文字"


def _shown(qtbot, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _kinds(widget: QWidget) -> dict[str, list[Finding]]:
    found, count = layout_findings(widget, "test")
    assert count > 0
    kinds: dict[str, list[Finding]] = {}
    for finding in found:
        kinds.setdefault(finding.kind, []).append(finding)
    return kinds


def test_a_tiny_label_with_a_long_text_is_clipped(qtbot):
    dialog = QDialog()
    layout = QVBoxLayout(dialog)
    label = QLabel(LONG)
    label.setObjectName("tiny_label")
    label.setFixedWidth(20)
    layout.addWidget(label)
    wrapped = QLabel(LONG * 3)
    wrapped.setObjectName("wrapped_label")
    wrapped.setWordWrap(True)
    wrapped.setFixedSize(80, 20)
    layout.addWidget(wrapped)
    _shown(qtbot, dialog)
    kinds = _kinds(dialog)
    tiny = kinds["clipped label"]
    assert [f.widget for f in tiny] == ["tiny_label"]
    assert tiny[0].text == LONG and tiny[0].available == 20 and tiny[0].needed > 200
    assert "tiny_label" in tiny[0].line() and "needs" in tiny[0].line()
    assert [f.widget for f in kinds["clipped label (height)"]] == ["wrapped_label"]


def test_a_label_that_elides_on_purpose_is_left_alone(qtbot):
    dialog = QDialog()
    label = QLabel(LONG)
    label.setFixedWidth(20)
    label.setProperty("elides", True)
    QVBoxLayout(dialog).addWidget(label)
    _shown(qtbot, dialog)
    assert "clipped label" not in _kinds(dialog)


def test_buttons_group_titles_tabs_and_headers(qtbot):
    dialog = QDialog()
    layout = QVBoxLayout(dialog)
    button = QPushButton("Export the whole month to Excel")
    button.setObjectName("narrow_button")
    button.setFixedWidth(40)
    arrow = QPushButton("◀")  # narrower than a push button's usual minimum: fine
    arrow.setFixedWidth(36)
    check = QCheckBox("Remember the password on this computer")
    check.setFixedWidth(50)
    box = QGroupBox("A group box with a very long title indeed")
    box.setObjectName("narrow_box")
    box.setFixedWidth(60)
    QVBoxLayout(box).addWidget(QLabel("x"))
    tabs = QTabWidget()
    tabs.setFixedWidth(120)
    for title in ("First long tab title", "Second long tab title"):
        tabs.addTab(QWidget(), title)
    table = QTableWidget(1, 2)
    table.setObjectName("narrow_table")
    table.setHorizontalHeaderLabels(["A very long column title", "B"])
    table.horizontalHeader().resizeSection(0, 30)
    for widget in (button, arrow, check, box, tabs, table):
        layout.addWidget(widget)
    _shown(qtbot, dialog)
    kinds = _kinds(dialog)
    assert sorted(f.text for f in kinds["clipped button"]) == [
        "Export the whole month to Excel",
        "Remember the password on this computer",
    ]
    assert [f.widget for f in kinds["clipped group title"]] == ["narrow_box"]
    assert kinds["elided tab"]
    assert [f.text for f in kinds["clipped header"]] == ["A very long column title"]


def test_overlapping_siblings_and_a_widget_outside_its_parent(qtbot):
    dialog = QDialog()
    layout = QVBoxLayout(dialog)
    row = QWidget()
    row.setObjectName("row")
    row_layout = QHBoxLayout(row)
    first, second = QLabel("一"), QLabel("二")
    first.setObjectName("first")
    second.setObjectName("second")
    row_layout.addWidget(first)
    row_layout.addWidget(second)
    layout.addWidget(row)
    _shown(qtbot, dialog)
    assert "overlap" not in _kinds(dialog)
    second.setGeometry(first.geometry().translated(5, 0))  # as a broken layout would
    kinds = _kinds(dialog)
    assert [f.widget for f in kinds["overlap"]] == ["row/first × row/second"]
    first.move(row.width() - 2, first.y())
    assert "row/first" in [f.widget for f in _kinds(dialog)["outside parent"]]


def test_elided_chart_labels_and_a_form_that_scrolls_sideways(qtbot):
    from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QScrollArea

    from desktop_app.ui.reports.charts import BarChartView

    dialog = QDialog()
    layout = QVBoxLayout(dialog)
    chart = QChart()
    bars = QBarSet("n")
    bars.append([1, 2, 3, 4])
    series = QBarSeries()
    series.append(bars)
    chart.addSeries(series)
    axis = QBarCategoryAxis()
    axis.append(
        [
            "Effectiveness of the solution",
            "Timeliness of handling",
            "Staff attitude",
            "Overall satisfaction",
        ]
    )
    chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis)
    view = QChartView(chart)
    view.setObjectName("squeezed_chart")
    view.setFixedSize(300, 200)
    # The program's own chart view keeps the same labels whole (turned upright).
    ours = BarChartView("our_chart", "Satisfaction")
    ours.set_bars(
        [(str(i), text, i + 1) for i, text in enumerate(axis.categories())], set_label="n"
    )
    ours.setFixedSize(300, 240)
    area = QScrollArea()
    area.setObjectName("narrow_form")
    area.setWidgetResizable(True)
    wide = QWidget()
    wide.setMinimumWidth(800)
    area.setWidget(wide)
    area.setFixedWidth(200)
    for widget in (view, ours, area):
        layout.addWidget(widget)
    _shown(qtbot, dialog)
    qtbot.wait(50)
    kinds = _kinds(dialog)
    elided = kinds["elided chart label"]
    assert elided and {f.widget for f in elided} == {"squeezed_chart"}
    assert [f.widget for f in kinds["scrolls sideways"]] == ["narrow_form"]
