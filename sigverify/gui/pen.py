"""Signing on screen: a canvas that records the pen (tablet pressure, or the mouse) as
x, y, pressure, time samples, and a dialog that turns it into a signature image plus its
trajectory."""

from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sigverify.core.verification_results import SignatureInput
from sigverify.gui import dialogs
from sigverify.gui.qimages import qimage_to_png

MOUSE_PRESSURE = 0.6  # a mouse has no pressure: a steady mid value


class PenCanvas(QWidget):
    """Samples ``(x, y, pressure, t)``; a pen-up sample (pressure 0) closes each stroke."""

    changed = Signal()  # a stroke begun, or the canvas cleared

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMinimumSize(560, 220)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.samples: list[tuple[float, float, float, float]] = []
        self._start: float | None = None
        self._down = False

    # -- recording

    def _time(self) -> float:
        now = time.perf_counter()
        if self._start is None:
            self._start = now
        return now - self._start

    def pen_down(self, point: QPointF, pressure: float) -> None:
        self._down = True
        self.samples.append((point.x(), point.y(), max(pressure, 0.05), self._time()))
        self.update()
        self.changed.emit()

    def pen_move(self, point: QPointF, pressure: float) -> None:
        if self._down:
            self.samples.append((point.x(), point.y(), max(pressure, 0.05), self._time()))
            self.update()

    def pen_up(self, point: QPointF) -> None:
        if self._down:
            self._down = False
            self.samples.append((point.x(), point.y(), 0.0, self._time()))
            self.update()

    def clear(self) -> None:
        self.samples.clear()
        self._start = None
        self._down = False
        self.update()
        self.changed.emit()

    def is_empty(self) -> bool:
        return not any(p > 0 for _, _, p, _ in self.samples)

    def trajectory(self) -> np.ndarray:
        return np.asarray(self.samples, dtype=np.float32).reshape(-1, 4)

    # -- events (tablet first: Qt then does not synthesise mouse events for it)

    def tabletEvent(self, event) -> None:  # noqa: N802 - Qt API
        kind = event.type()
        if kind == event.Type.TabletPress:
            self.pen_down(event.position(), event.pressure())
        elif kind == event.Type.TabletMove:
            self.pen_move(event.position(), event.pressure())
        elif kind == event.Type.TabletRelease:
            self.pen_up(event.position())
        event.accept()

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.button() == Qt.MouseButton.LeftButton:
            self.pen_down(event.position(), MOUSE_PRESSURE)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.pen_move(event.position(), MOUSE_PRESSURE)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.button() == Qt.MouseButton.LeftButton:
            self.pen_up(event.position())

    # -- drawing

    def render_strokes(self, painter: QPainter, ink: QColor) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        previous = None
        for x, y, pressure, _ in self.samples:
            if previous is not None and previous[2] > 0:
                pen = QPen(ink, 1.0 + 3.5 * pressure)
                pen.setCapStyle(Qt.PenCapStyle.RoundCap)
                painter.setPen(pen)
                painter.drawLine(QPointF(previous[0], previous[1]), QPointF(x, y))
            previous = (x, y, pressure)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        painter.setPen(QPen(QColor("#b0bec5"), 1, Qt.PenStyle.DashLine))
        baseline = int(self.height() * 0.72)
        painter.drawLine(20, baseline, self.width() - 20, baseline)
        self.render_strokes(painter, QColor("#0d1b4c"))
        painter.end()

    def to_image(self) -> QImage:
        """The strokes in black on white, at the canvas size (greyscale)."""
        image = QImage(self.size(), QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        self.render_strokes(painter, QColor("black"))
        painter.end()
        return image.convertToFormat(QImage.Format.Format_Grayscale8)


class DrawDialog(QDialog):
    """Sign, then OK: ``signature`` holds the image (PNG) and the trajectory."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Draw a signature"))
        self.signature: SignatureInput | None = None
        self.canvas = PenCanvas()
        hint = QLabel(
            # (said of the mouse too, which gives none: a real-window pass)
            self.tr(
                "Sign above the line with a pen tablet or the mouse. A tablet's pen pressure "
                "is recorded too."
            )
        )
        clear = QPushButton(self.tr("C&lear"))
        clear.clicked.connect(self.canvas.clear)
        # Enter is OK, never Clear: the dialog opened with the keys on Clear (OK was off),
        # and Enter after signing wiped the drawing (seen in a real window)
        clear.setAutoDefault(False)
        self.canvas.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        # OK once something is drawn: with nothing, it closed as Cancel does, unexplained
        # (seen in a real window)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)
        ok.setText(self.tr("&OK"))  # Alt+O (it had no letter)
        ok.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)
        self.canvas.changed.connect(lambda: ok.setEnabled(not self.canvas.is_empty()))
        row = QHBoxLayout()
        row.addWidget(clear)
        row.addStretch(1)
        row.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.canvas, 1)
        layout.addLayout(row)
        self.canvas.setFocus()

    def reject(self) -> None:
        """Escape, Cancel or the window's close: a signature drawn is dropped only once the
        clerk agrees (one stray Escape lost it, and the customer had to sign again: seen
        in a real window)."""
        if not self.canvas.is_empty() and not dialogs.ask(
            self,
            self.tr("Drop the signature?"),
            self.tr("Drop the signature drawn here? It is not kept anywhere."),
            self.tr("&Drop it"),
        ):
            return
        super().reject()

    def accept(self) -> None:
        if self.canvas.is_empty():
            self.reject()
            return
        name = f"drawn-{time.strftime('%Y%m%d-%H%M%S')}.png"
        self.signature = SignatureInput(
            name, qimage_to_png(self.canvas.to_image()), self.canvas.trajectory()
        )
        super().accept()
