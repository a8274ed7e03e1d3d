"""How the rows of a list or table are drawn (the delegate :func:`.keyboard.frame_when_focused`
gives a view): the chosen row pale while the view has not the keyboard, a text cut in its
middle where asked (:data:`ELIDED_IN_THE_MIDDLE`), and rows as tall as their text wraps to
and as other scripts' fonts need."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate

from sigverify.gui.colours import blend

#: An item's data under this role, when true, has its text cut in the middle where it
#: does not fit, its end kept: a person's "— ID", a file's number (a Queue row showed
#: "Maria-José Fernández d…", no ID: seen in a real window).
ELIDED_IN_THE_MIDDLE = Qt.ItemDataRole.UserRole + 90


class Rows(QStyledItemDelegate):
    """Draws the chosen row of a list or table in the highlight colour only while the view
    has the focus, and in a pale tint of it otherwise: a table kept its bright row after the
    focus went to a comment field, and seemed to be where the keys went (seen in a real
    window)."""

    def __init__(self, view: QAbstractItemView):
        super().__init__(view)
        self.view = view
        view.installEventFilter(self)

    def initStyleOption(self, option, index) -> None:  # noqa: N802 - Qt API
        super().initStyleOption(option, index)
        if index.data(ELIDED_IN_THE_MIDDLE):
            option.textElideMode = Qt.TextElideMode.ElideMiddle
        if self.view.hasFocus():
            return
        palette = option.palette
        highlight, base = palette.highlight().color(), palette.base().color()
        pale = blend(highlight, base, 0.3)
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, QPalette.ColorRole.Highlight, pale)
            palette.setColor(group, QPalette.ColorRole.HighlightedText, palette.text().color())

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            self.view.viewport().update()  # the chosen row redrawn in its new colour
        return False

    def sizeHint(self, option, index):  # noqa: N802 - Qt API
        """A little more height for text in other scripts than Latin: drawn in a fallback
        font with taller lines, "李明 — C002" lost its second line ("5 references") to an
        ellipsis in the people list (seen in a real window; 4 px was enough there)."""
        hint = super().sizeHint(option, index)
        text = index.data()
        room = self.view.viewport().width() - 16  # (the item's margins, generously)
        if isinstance(text, str) and self.view.wordWrap() and room > 0:
            # the lines a wrapped text takes at the view's width: Qt sizes a list's row by
            # the text unwrapped, and a long name's "5 references" was cut to "…" (seen)
            metrics, flags = option.fontMetrics, Qt.TextFlag.TextWordWrap
            wrapped = metrics.boundingRect(QRect(0, 0, room, 100000), flags, text).height()
            plain = metrics.boundingRect(QRect(0, 0, 100000, 100000), flags, text).height()
            hint.setHeight(hint.height() + max(0, wrapped - plain))
        if isinstance(text, str) and any(ord(c) > 0x2FF and c.isalpha() for c in text):
            lines = text.count("\n") + 1
            hint.setHeight(
                hint.height() + lines * max(2, round(0.15 * option.fontMetrics.height()))
            )
        return hint
