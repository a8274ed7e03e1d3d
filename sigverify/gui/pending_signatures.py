"""The People page's "Add references" box: signatures gathered for an enrolment and not
enrolled yet (drop, open, paste, draw or crop them in; Delete leaves one out; Clear all)."""

from __future__ import annotations

import dataclasses
from pathlib import PurePath

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QListView,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from sigverify.core.verification_results import CROP_SUFFIX
from sigverify.gui import dialogs
from sigverify.gui.keyboard import move_focus, widget_shortcut
from sigverify.gui.qimages import bytes_to_pixmap, is_sheet_photo
from sigverify.gui.references_panel import (
    mark_odd,
    one_row_height,
    thumbnail,
    thumbnail_list,
)
from sigverify.gui.signature_input import SignatureDropArea


def name_apart(name: str, taken: set[str]) -> str:
    """``name``, or "scan (2).png" and so on when a waiting picture has it already: two
    different "dropped.png" hid each other in the question about odd references, which
    names them (a review found it)."""
    path, number = PurePath(name), 2
    while name in taken:
        name = f"{path.stem} ({number}){path.suffix}"
        number += 1
    return name


class PendingSignatures(QGroupBox):
    """``signatures``: the :class:`SignatureInput` objects waiting, in the order shown.
    ``changed`` is emitted whenever they or the selected one change. The page adds its own
    status line and Enrol button with :meth:`add_footer`."""

    changed = Signal()
    added = Signal()  # one or more signatures added

    def __init__(self, parent=None):
        super().__init__(self.tr("Add references"), parent)
        self.signatures = []
        self.drop_area = SignatureDropArea(multiple=True)
        self.drop_area.signatures_added.connect(self.add)
        # Crop from page… with one waiting sheet photo chosen crops that one, and the crop
        # takes its place (a sheet photo flagged at enrolment was cropped from a file asked for
        # again, and then had to be left out by hand: seen in a real window)
        self.drop_area.page_on_screen = self._chosen_page
        self.drop_area.waiting = lambda: self.signatures
        self._cropping = None  # the waiting picture Crop from page… opened
        self.thumbnails = thumbnail_list()
        # one row, scrolled sideways: the box is one row high, and a wrapped sixth
        # signature sat out of sight below it (seen in a real window)
        self.thumbnails.setFlow(QListView.Flow.LeftToRight)
        self.thumbnails.setWrapping(False)
        self.thumbnails.setFixedHeight(one_row_height(self.thumbnails))
        self.thumbnails.setToolTip(self.tr("Select one and press Delete to leave it out"))
        # several chosen at once (Ctrl+A, Shift+arrows) to leave out; a choice moved only
        # enables Leave out: it said the line under them again, and the ⚠ reasons there
        # went (seen in a real window)
        self.thumbnails.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.thumbnails.itemSelectionChanged.connect(self._selection_changed)
        self.thumbnails.installEventFilter(self)
        widget_shortcut(self.thumbnails, QKeySequence.StandardKey.Delete, self.remove_selected)
        self.remove_button = QPushButton(self.tr("&Leave out"))
        self.remove_button.setToolTip(
            self.tr("Leave the selected signature out of this enrolment (Delete)")
        )
        self.remove_button.clicked.connect(self.remove_selected)
        # no Alt letter: Clear drops them all, not for a stray key; and it asks first (a
        # page cropped a moment before went with the others, unasked: seen)
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.clicked.connect(self.clear_asked)
        self.box_layout = QVBoxLayout(self)
        self.box_layout.addWidget(self.drop_area)
        self.box_layout.addWidget(self.thumbnails)
        self._changed()

    def add_footer(self, status, primary_button) -> None:
        """``status`` on its own row (a warning may take two lines), then the buttons:
        Leave out, Clear, ``primary_button``."""
        self.box_layout.addWidget(status)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(primary_button)
        self.box_layout.addLayout(buttons)

    def _chosen_page(self):
        """The one waiting picture chosen, to crop, when it is a photo of a whole sheet
        (another chosen only to look at it is not: a new page is asked for then)."""
        rows = self.selected_rows()
        chosen = self.signatures[rows[0]] if len(rows) == 1 else None
        if chosen is not None and not is_sheet_photo(chosen):
            chosen = None
        self._cropping = chosen
        return chosen

    def add(self, signatures) -> None:
        """Add ``signatures``, except those whose bytes are already in the list, each under
        a name of its own; a crop of the waiting picture Crop from page… opened takes that
        picture's place."""
        page, self._cropping = self._cropping, None
        known = {s.data for s in self.signatures}
        before = len(known)
        for signature in signatures:
            if signature.data in known:
                continue
            replaces = page in self.signatures and signature.name == f"{page.name}{CROP_SUFFIX}"
            taken = {s.name for s in self.signatures if not (replaces and s is page)}
            if signature.name in taken:
                name = name_apart(signature.name, taken)
                signature = dataclasses.replace(signature, name=name)
            item = QListWidgetItem(thumbnail(bytes_to_pixmap(signature.data)), signature.name)
            item.setToolTip(signature.name)  # (shortened in the middle when long)
            if replaces:
                row = self.signatures.index(page)
                self.signatures[row] = signature
                self.thumbnails.takeItem(row)
                self.thumbnails.insertItem(row, item)
                self.thumbnails.setCurrentRow(row)
            else:
                self.signatures.append(signature)
                self.thumbnails.addItem(item)
            known.add(signature.data)
        added = len(known) > before
        self._changed()
        if added:
            self.added.emit()

    def mark(self, reasons: dict[str, str]) -> None:
        """Mark the signatures named in ``reasons`` (file name -> why) with ⚠ and the
        reason as their tooltip: left out of an enrolment, to be checked."""
        for row, signature in enumerate(self.signatures):
            item = self.thumbnails.item(row)
            if signature.name in reasons and not item.text().startswith("⚠"):
                picture = thumbnail(bytes_to_pixmap(signature.data))
                mark_odd(item, picture, signature.name, reasons[signature.name], self.style())

    def clear_asked(self) -> None:
        """Clear: every signature waiting dropped, once the clerk agrees."""
        count = len(self.signatures)
        question = self.tr("Drop the %n signature(s) waiting to be enrolled?", "", count)
        if count and dialogs.ask(self, self.tr("Clear"), question, self.tr("&Drop")):
            self.clear()

    def clear(self) -> None:
        self.signatures.clear()
        self.thumbnails.clear()
        self._changed()

    def take_out(self, signatures) -> None:
        """Take ``signatures`` (enrolled) out of the list; the others stay as they are."""
        for row in reversed(range(len(self.signatures))):
            if self.signatures[row] in signatures:
                del self.signatures[row]
                self.thumbnails.takeItem(row)
        self._changed()

    def selected_rows(self) -> list[int]:
        """The rows selected (not merely current: Ctrl+click deselects the current one, and
        a real-window check saw Leave out remove that unselected signature)."""
        return sorted(self.thumbnails.row(item) for item in self.thumbnails.selectedItems())

    def remove_selected(self) -> None:
        """Leave the selected signature out (e.g. the one named in an error)."""
        for row in reversed(self.selected_rows()):
            del self.signatures[row]
            self.thumbnails.takeItem(row)
        self._changed()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        """Reached by Tab with none current, the first is chosen: Space and Delete did
        nothing until an arrow key was pressed (seen in a real window)."""
        if (
            watched is self.thumbnails
            and event.type() == QEvent.Type.FocusIn
            and event.reason() in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason)
            and self.thumbnails.count()
            and not self.thumbnails.selectedItems()
        ):
            self.thumbnails.setCurrentRow(0)
        return super().eventFilter(watched, event)

    def _changed(self) -> None:
        count = len(self.signatures)
        if not count and self.thumbnails.hasFocus():  # hidden below, it would hand the
            # focus on as if clicked: no frame where it went (seen in a real window)
            move_focus(self.drop_area.open_button)
        # empty, the list only takes room from the person's references above it
        self.thumbnails.setVisible(count > 0)
        self._selection_changed()
        self.changed.emit()

    def _selection_changed(self) -> None:
        count = len(self.signatures)
        enable = {self.clear_button: count > 0, self.remove_button: bool(self.selected_rows())}
        for button, enabled in enable.items():
            # (the window's focus, not only the focus now: after Clear's question the
            # window got the keys back on a disabled Clear, and Qt handed them on to
            # Operator, whose dialog the next Enter opened: a real-window pass)
            kept = button.hasFocus() or button.window().focusWidget() is button
            if kept and not enabled:  # else Qt hands the focus on to the
                # status bar's buttons (seen in a real window)
                move_focus(self.thumbnails if count else self.drop_area.open_button)
            button.setEnabled(enabled)
