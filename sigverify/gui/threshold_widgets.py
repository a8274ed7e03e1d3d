"""The threshold widgets: the gauge that shows where a distance falls between the accept
and reject thresholds, and the slider with a number box that sets a threshold."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QKeySequence, QPainter
from PySide6.QtWidgets import QDoubleSpinBox, QHBoxLayout, QSlider, QWidget

from sigverify.core.thresholds import ACCEPT, REJECT, REVIEW
from sigverify.gui.widgets import DECISION_COLOURS


class ThresholdGauge(QWidget):
    """Where a distance falls between the accept and reject thresholds: a bar in three
    coloured zones with a marker."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMinimumHeight(46)
        self.accept = self.reject = self.score = None

    def set_values(self, accept: float | None, reject: float | None, score: float | None):
        self.accept, self.reject, self.score = accept, reject, score
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self.accept is None or self.reject is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        top, height = 6.0, 16.0
        width = float(self.width() - 2)
        # A fixed scale for given thresholds, so that markers compare from one result to
        # the next; a score beyond it sits at the right end.
        high = max(self.reject * 1.6, 1e-6)

        def x(value: float) -> float:
            return 1 + width * min(max(value / high, 0.0), 1.0)

        zones = (
            (0.0, self.accept, DECISION_COLOURS[ACCEPT]),
            (self.accept, self.reject, DECISION_COLOURS[REVIEW]),
            (self.reject, high, DECISION_COLOURS[REJECT]),
        )
        for start, end, colour in zones:
            painter.fillRect(QRectF(x(start), top, x(end) - x(start), height), QColor(colour))
        painter.setPen(self.palette().windowText().color())
        # The accept label ends before its line and the reject label starts after its line,
        # so the two never overlap however narrow the review band is, with a gap to read
        # them apart ("accept 0.8557reject 0.8558" touched at 3 px: seen in a real window).
        labels = ((self.accept, self.tr("accept"), True), (self.reject, self.tr("reject"), False))
        metrics = painter.fontMetrics()
        for value, name, before in labels:
            painter.drawLine(QPointF(x(value), top - 3), QPointF(x(value), top + height + 3))
            text = f"{name} {value:.4f}"
            advance = metrics.horizontalAdvance(text)
            left = x(value) - advance - 6 if before else x(value) + 6
            left = min(max(left, 0), width - advance)
            painter.drawText(QPointF(left, top + height + 4 + metrics.ascent()), text)
        if self.score is not None:
            marker = min(x(self.score), width - 5)
            painter.setBrush(self.palette().windowText())
            painter.drawPolygon(
                [QPointF(marker - 6, 0), QPointF(marker + 6, 0), QPointF(marker, top + 8)]
            )
        painter.end()


def round_step(at_most: float) -> float:
    """The largest 1, 2 or 5 times a power of ten that is at most ``at_most`` (> 0)."""
    power = 10.0 ** math.floor(math.log10(at_most))
    for factor in (5, 2, 1):
        if factor * power <= at_most * (1 + 1e-9):
            return factor * power
    return power


#: Positions of a threshold slider.
SLIDER_STEPS = 1000


class ThresholdControl(QWidget):
    """A slider and a number box kept in step; ``valueChanged`` carries the distance."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, SLIDER_STEPS)
        # an arrow key moves 1 % of the range, Page Up/Down 10 % (0.1 % a key: five presses
        # moved it from 0.0597 to 0.0612, seen in a real window)
        self.slider.setSingleStep(SLIDER_STEPS // 100)
        self.slider.setPageStep(SLIDER_STEPS // 10)
        self.box = QDoubleSpinBox()
        self.box.setDecimals(4)
        self.box.setSingleStep(0.005)
        # a typed number counts when typing is done (Enter, Tab), not at each key: "0.9"
        # typed over the reject threshold was 0 at its first key, which pushed the accept
        # threshold down to 0 and left it there (seen in a real window)
        self.box.setKeyboardTracking(False)
        self.high = 1.0
        self.slider.valueChanged.connect(lambda v: self.box.setValue(v / SLIDER_STEPS * self.high))
        self.box.valueChanged.connect(self._box_changed)
        self.valueChanged = self.box.valueChanged
        # the number box's own undo takes Ctrl+Z even when it has nothing to undo (a value
        # stepped with the arrow keys): then Ctrl+Z goes on to the page's Undo
        self.box.installEventFilter(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.box)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        if (
            watched is self.box
            and event.type() == QEvent.Type.ShortcutOverride
            and event.matches(QKeySequence.StandardKey.Undo)
            and not self.box.lineEdit().isUndoAvailable()
        ):
            event.ignore()  # not taken here: the window's shortcuts get it
            return True
        return super().eventFilter(watched, event)

    def set_range(self, high: float) -> None:
        self.high = max(high, 1e-6)
        self.box.setRange(0.0, self.high)
        # its arrows: finer than the slider's, to scale, and a round step (0.005 rather than
        # 0.00437: a clerk reads and types the numbers)
        # (never below the last of its four decimals)
        self.box.setSingleStep(max(round_step(self.high / 200), 1e-4))
        # the handle where the number now lies on the new scale: it stayed where it was,
        # and Up raised the number while the handle went left (seen in a real window)
        self._box_changed(self.box.value())

    def _box_changed(self, value: float) -> None:
        self.slider.blockSignals(True)
        self.slider.setValue(int(round(value / self.high * SLIDER_STEPS)))
        self.slider.blockSignals(False)

    def value(self) -> float:
        return self.box.value()

    def setValue(self, value: float) -> None:  # noqa: N802 - Qt naming
        self.box.setValue(value)
