"""Widgets of the reports page (reports/page.py): the KPI tiles and the Qt Charts views.

- ``KpiTile``: a big figure with its caption and a detail line; keyboard-focusable (Tab),
  ``activated`` on a click, Enter, Return or Space.
- ``BarChartView``: one bar set over categories (volume by type, satisfaction by question),
  upright or lying (long category names stay readable on the left, the first category on
  top); ``bar_activated(key)`` when a bar is clicked, or chosen with the arrow keys and
  Enter.
- ``TrendChartView``: a line over the period's buckets (weeks); a bucket without a value
  (an on-time rate with no closed case) breaks the line rather than being drawn as 0 or
  bridged.
- ``ParetoChartView``: counts as bars, most first, and their cumulative percentage as a
  line on a 0–100 % axis (root causes).

Each view can tell what it shows (``categories()``, ``values()``) for tests and for the
accessible description.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QPointF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPen,
)
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from desktop_app.ui.forms import plain_key

ACCENT = QColor("#1f6fb2")
SELECTED = QColor("#e07b00")
CHART_MIN_HEIGHT = 240

_ACTIVATE_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)


class KpiTile(QFrame):
    """One KPI: ``value`` (big), ``caption`` and ``detail`` (small). Focusable; emits
    ``activated`` when clicked or when Enter, Return or Space is pressed on it."""

    activated = Signal()

    def __init__(self, name: str, caption: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(130)
        self.value_label = QLabel("—")
        self.value_label.setObjectName(f"{name}_value")
        font = self.value_label.font()
        font.setPointSizeF(font.pointSizeF() * 2.0)
        font.setBold(True)
        self.value_label.setFont(font)
        self.caption_label = QLabel(caption)
        self.caption_label.setObjectName(f"{name}_caption")
        self.caption_label.setWordWrap(True)
        self.detail_label = QLabel()
        self.detail_label.setObjectName(f"{name}_detail")
        self.detail_label.setWordWrap(True)
        self.detail_label.setEnabled(False)  # the greyed, secondary line
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(2)
        layout.addWidget(self.value_label)
        layout.addWidget(self.caption_label)
        layout.addWidget(self.detail_label)
        self.setStyleSheet(
            f"KpiTile {{ border: 1px solid palette(mid); border-radius: 6px; }}"
            f"KpiTile:focus {{ border: 2px solid {ACCENT.name()}; }}"
        )
        self._update_accessible()

    def caption(self) -> str:
        return self.caption_label.text()

    def value(self) -> str:
        return self.value_label.text()

    def detail(self) -> str:
        return self.detail_label.text()

    def set_value(self, value: str, detail: str = "") -> None:
        self.value_label.setText(value)
        self.detail_label.setText(detail)
        self._update_accessible()

    def _update_accessible(self) -> None:
        self.setAccessibleName(f"{self.caption()}: {self.value()}")
        self.setAccessibleDescription(self.detail())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self.activated.emit()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if plain_key(event, *_ACTIVATE_KEYS):
            self.activated.emit()
            event.accept()
            return
        super().keyPressEvent(event)


def _new_chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().hide()
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setBackgroundRoundness(0)
    return chart


class _ChartView(QChartView):
    def __init__(self, name: str, title: str, parent: QWidget | None = None):
        super().__init__(_new_chart(title), parent)
        self.setObjectName(name)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(CHART_MIN_HEIGHT)
        self.setAccessibleName(title)
        self._categories: list[str] = []
        self._values: list[float | None] = []
        self.chart().plotAreaChanged.connect(self._fit_category_labels)

    def _fit_category_labels(self, *_args) -> None:
        """Category labels under the plot are whole: level while each fits its slot, else
        upright (turned 90°). Qt Charts would cut them to "Effectiven..." or "1...";
        labels on the left (lying bars) get the room they need anyway."""
        for axis in self.chart().axes(Qt.Orientation.Horizontal):
            if not isinstance(axis, QBarCategoryAxis) or not axis.count():
                continue
            metrics = QFontMetricsF(axis.labelsFont())
            widest = max(metrics.horizontalAdvance(text) for text in axis.categories())
            slot = self.chart().plotArea().width() / axis.count()
            axis.setTruncateLabels(False)
            angle = 0 if widest + 2 * metrics.averageCharWidth() <= slot else -90
            if axis.labelsAngle() != angle:
                axis.setLabelsAngle(angle)

    def title(self) -> str:
        return self.chart().title()

    def categories(self) -> list[str]:
        """The category (x axis) labels, in order."""
        return list(self._categories)

    def values(self) -> list[float | None]:
        """The value of each category (None where there is none)."""
        return list(self._values)

    def _describe(self) -> None:
        def text(value: float | None) -> str:
            return "—" if value is None else f"{value:g}"

        self.setAccessibleDescription(
            "; ".join(
                f"{label}: {text(value)}"
                for label, value in zip(self._categories, self._values, strict=True)
            )
        )

    def _reset(self) -> QChart:
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
            axis.deleteLater()
        return chart


class BarChartView(_ChartView):
    """One bar per category. ``bar_activated(key)`` when a bar is clicked, or chosen with
    the arrow keys (the chosen bar is highlighted) and activated with Enter, Return or
    Space; keys are the categories' keys given to ``set_bars`` (``clickable`` views only).

    ``horizontal`` bars lie, the first category on top: Qt draws a lying series' first
    bar at the bottom, so the bars go in reversed and ``qt_index`` converts between the
    order given (``keys()``, ``categories()``, ``values()``) and the bar set's."""

    bar_activated = Signal(str)

    def __init__(
        self,
        name: str,
        title: str,
        *,
        clickable: bool = False,
        horizontal: bool = False,
        value_format: str = "%d",
        parent: QWidget | None = None,
    ):
        super().__init__(name, title, parent)
        self.clickable = clickable
        self.horizontal = horizontal
        self.value_format = value_format
        self.bar_set: QBarSet | None = None
        self.series: QAbstractBarSeries | None = None
        self._keys: list[str] = []
        self._current = -1
        if clickable:
            self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def keys(self) -> list[str]:
        return list(self._keys)

    def set_bars(
        self,
        bars: Sequence[tuple[str, str, float | None]],
        *,
        set_label: str,
        maximum: float | None = None,
    ) -> None:
        """``bars``: (key, category label, value or None); ``maximum`` fixes the value axis
        (else it fits the data)."""
        chart = self._reset()
        self._keys = [key for key, _label, _value in bars]
        self._categories = [label for _key, label, _value in bars]
        self._values = [value for _key, _label, value in bars]
        self._current = -1
        bar_set = QBarSet(set_label)
        bar_set.setColor(ACCENT)
        bar_set.setSelectedColor(SELECTED)
        bar_set.setLabelColor(self.palette().text().color())
        for index in range(len(self._values)):
            value = self._values[self.qt_index(index)]
            bar_set.append(0.0 if value is None else float(value))
        series = QHorizontalBarSeries() if self.horizontal else QBarSeries()
        series.append(bar_set)
        series.setLabelsVisible(True)
        series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
        series.setLabelsFormat("@value")
        chart.addSeries(series)
        category_axis = QBarCategoryAxis()
        category_axis.append(
            [self._categories[self.qt_index(i)] for i in range(len(self._categories))]
        )
        value_axis = QValueAxis()
        if maximum is not None:
            value_axis.setRange(0, maximum)
            value_axis.setTickCount(int(maximum) + 1)
        else:
            top = max([v for v in self._values if v is not None] + [1.0])
            value_axis.setRange(0, top * 1.15)
            value_axis.applyNiceNumbers()
        value_axis.setLabelFormat(self.value_format)
        if self.horizontal:
            chart.addAxis(category_axis, Qt.AlignmentFlag.AlignLeft)
            chart.addAxis(value_axis, Qt.AlignmentFlag.AlignBottom)
        else:
            chart.addAxis(category_axis, Qt.AlignmentFlag.AlignBottom)
            chart.addAxis(value_axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(category_axis)
        series.attachAxis(value_axis)
        self.bar_set = bar_set
        self.series = series
        if self.clickable:
            bar_set.clicked.connect(self._bar_clicked)
        self._fit_category_labels()
        self._describe()

    def qt_index(self, index: int) -> int:
        """The bar set's index of category ``index`` (and the other way round)."""
        return len(self._keys) - 1 - index if self.horizontal else index

    def bar_position(self, index: int) -> QPointF:
        """Where the bar of category ``index`` is drawn, in the view's viewport
        coordinates (its middle; on the axis for a zero bar)."""
        value = (self._values[index] or 0.0) / 2
        at = self.qt_index(index)
        point = QPointF(value, at) if self.horizontal else QPointF(at, value)
        scene = self.chart().mapToPosition(point, self.series)
        return QPointF(self.mapFromScene(scene))

    def current_index(self) -> int:
        return self._current

    def select_index(self, index: int) -> None:
        if self.bar_set is None or not self._keys:
            return
        index = max(0, min(index, len(self._keys) - 1))
        self.bar_set.deselectAllBars()
        self.bar_set.selectBar(self.qt_index(index))
        self._current = index

    def _bar_clicked(self, qt_index: int) -> None:
        if 0 <= qt_index < len(self._keys):
            index = self.qt_index(qt_index)
            self.select_index(index)
            self.bar_activated.emit(self._keys[index])

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if self.clickable and self._keys:
            key = event.key()
            moves = {
                Qt.Key.Key_Left: self._current - 1,
                Qt.Key.Key_Up: self._current - 1,
                Qt.Key.Key_Right: self._current + 1,
                Qt.Key.Key_Down: self._current + 1,
                Qt.Key.Key_Home: 0,
                Qt.Key.Key_End: len(self._keys) - 1,
            }
            if key in moves:
                target = moves[key]
                self.select_index(max(target, 0))
                event.accept()
                return
            if key in _ACTIVATE_KEYS and self._current >= 0:
                self.bar_activated.emit(self._keys[self._current])
                event.accept()
                return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusInEvent(event)
        if self.clickable and self._current < 0 and self._keys:
            self.select_index(0)


class TrendChartView(_ChartView):
    """A line over buckets (weeks). Values may be None: the line breaks there. Every point
    is also drawn as a dot, so a lone value between gaps stays visible."""

    def __init__(
        self, name: str, title: str, *, percent: bool = False, parent: QWidget | None = None
    ):
        super().__init__(name, title, parent)
        self.percent = percent
        self.lines: list[QLineSeries] = []
        self.dots: QScatterSeries | None = None

    def set_points(
        self, labels: Sequence[str], values: Sequence[float | None], *, series_label: str
    ) -> None:
        chart = self._reset()
        self._categories = list(labels)
        self._values = list(values)
        x_axis = QBarCategoryAxis()
        x_axis.append(self._categories or [""])
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        y_axis = QValueAxis()
        present = [v for v in self._values if v is not None]
        if self.percent:
            y_axis.setRange(0, 100)
            y_axis.setLabelFormat("%d%%")
        else:
            y_axis.setRange(0, max(present + [1.0]) * 1.15)
            y_axis.applyNiceNumbers()
            y_axis.setLabelFormat("%d")
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)

        pen = QPen(ACCENT)
        pen.setWidthF(2.0)
        self.lines = []
        segment: QLineSeries | None = None
        for index, value in enumerate(self._values):
            if value is None:
                segment = None
                continue
            if segment is None:
                segment = QLineSeries()
                segment.setName(series_label)
                segment.setPen(pen)
                segment.setPointLabelsVisible(True)
                segment.setPointLabelsFormat("@yPoint%" if self.percent else "@yPoint")
                segment.setPointLabelsClipping(False)
                self.lines.append(segment)
            segment.append(float(index), float(value))
        dots = QScatterSeries()
        dots.setName(series_label)
        dots.setColor(ACCENT)
        dots.setBorderColor(ACCENT)
        dots.setMarkerSize(7.0)
        for index, value in enumerate(self._values):
            if value is not None:
                dots.append(float(index), float(value))
        self.dots = dots
        for series in [*self.lines, dots]:
            chart.addSeries(series)
            series.attachAxis(x_axis)
            series.attachAxis(y_axis)
        self._fit_category_labels()
        self._describe()


class ParetoChartView(_ChartView):
    """Bars of counts, most first, with the cumulative percentage as a line over them on a
    0–100 % axis at the right (docs/rules.md#analysis-by-product-and-cause).
    ``values()`` are the counts, ``cumulative()`` the line's percentages."""

    def __init__(self, name: str, title: str, parent: QWidget | None = None):
        super().__init__(name, title, parent)
        self.series: QBarSeries | None = None
        self.line: QLineSeries | None = None
        self._keys: list[str] = []
        self._cumulative: list[float] = []

    def keys(self) -> list[str]:
        return list(self._keys)

    def cumulative(self) -> list[float]:
        return list(self._cumulative)

    def set_counts(
        self, bars: Sequence[tuple[str, str, int]], *, set_label: str, line_label: str
    ) -> None:
        """``bars``: (key, label, count); drawn most first (ties keep the order given),
        zero counts left out."""
        chart = self._reset()
        ranked = sorted((b for b in bars if b[2] > 0), key=lambda b: -b[2])
        self._keys = [key for key, _label, _n in ranked]
        self._categories = [label for _key, label, _n in ranked]
        counts = [float(n) for _key, _label, n in ranked]
        self._values = list(counts)
        total = sum(n for _key, _label, n in ranked)
        running = 0
        self._cumulative = []
        for _key, _label, n in ranked:
            running += n
            self._cumulative.append(round(running * 100 / total, 1))
        bar_set = QBarSet(set_label)
        bar_set.setColor(ACCENT)
        bar_set.setLabelColor(self.palette().text().color())
        for value in counts:
            bar_set.append(value)
        series = QBarSeries()
        series.append(bar_set)
        series.setLabelsVisible(True)
        series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
        series.setLabelsFormat("@value")
        chart.addSeries(series)
        line = QLineSeries()
        line.setName(line_label)
        pen = QPen(SELECTED)
        pen.setWidthF(2.0)
        line.setPen(pen)
        line.setPointsVisible(True)
        for index, value in enumerate(self._cumulative):
            line.append(float(index), value)
        chart.addSeries(line)
        category_axis = QBarCategoryAxis()
        category_axis.append(self._categories or [""])
        count_axis = QValueAxis()
        count_axis.setRange(0, max(counts + [1.0]) * 1.15)
        count_axis.applyNiceNumbers()
        count_axis.setLabelFormat("%d")
        percent_axis = QValueAxis()
        percent_axis.setRange(0, 100)
        percent_axis.setLabelFormat("%d%%")
        chart.addAxis(category_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(count_axis, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(percent_axis, Qt.AlignmentFlag.AlignRight)
        series.attachAxis(category_axis)
        series.attachAxis(count_axis)
        line.attachAxis(category_axis)
        line.attachAxis(percent_axis)
        self.series = series
        self.line = line
        self._fit_category_labels()
        self._describe()
        self.setAccessibleDescription(
            "; ".join(
                f"{label}: {value:g} ({share:g}%)"
                for label, value, share in zip(
                    self._categories, counts, self._cumulative, strict=True
                )
            )
        )
