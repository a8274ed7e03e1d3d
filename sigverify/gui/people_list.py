"""The People page's list of people, which the focus alone never chooses from, and which
says why it is empty."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QListView, QListWidget


class PeopleList(QListWidget):
    """The people list. With no row current (a new person, a search typed), Qt makes the
    first row current when the list gets the focus (Tab, a question closing), which showed
    that person unasked and, with signatures waiting, asked about them again after every
    Cancel (seen in a real window). Here the focus alone chooses nobody; a click or an
    arrow key does."""

    def __init__(self, parent=None):
        super().__init__(parent)
        # a long name wraps onto a second line with the ID whole after it: it ran off the
        # list's edge, the ID cut to "P-0" under a scroll bar (seen in a real window)
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # rows laid out again at the list's own width: sized before it had one, a wrapped
        # name's row kept two lines, "5 references" cut to "…" (seen in a real window)
        self.setResizeMode(QListView.ResizeMode.Adjust)

    def focusInEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self.currentItem() is not None:
            super().focusInEvent(event)
            return
        self.blockSignals(True)
        super().focusInEvent(event)
        self.setCurrentRow(-1)
        self.blockSignals(False)

    #: Said in the empty list: why it is empty and what to do (a search that found nobody
    #: showed a blank list beside the last person's details: seen in a real window).
    empty_text = ""

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().paintEvent(event)
        if self.count() or not self.empty_text:
            return
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        margin = self.fontMetrics().height()
        painter.drawText(
            self.viewport().rect().adjusted(margin, margin, -margin, 0), flags, self.empty_text
        )
