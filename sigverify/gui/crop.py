"""Selecting the signature on a scanned or photographed page before it is enrolled or
checked: the dialog opens with the signature it found on the page selected
(:mod:`sigverify.core.imaging.locate`; *Next candidate* shows the others), the clerk drags
another rectangle if it is not right, and OK keeps just that part (at full resolution)."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRubberBand,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from sigverify.core.errors import SigverifyError
from sigverify.core.i18n import join_sentences
from sigverify.core.imaging.imageio import MIN_SIDE, decode_image, encode_png, load_page
from sigverify.core.imaging.page_crop import cut, padded_box, proposals
from sigverify.core.verification_results import CROP_SUFFIX, SignatureInput
from sigverify.gui.panes import within_screen
from sigverify.gui.qimages import array_to_qimage

#: The page's largest size on screen when the dialog opens: the dialog (hint, page,
#: buttons) fits a 1366 x 768 screen with its title bar and the taskbar. A larger or
#: maximised dialog shows the page larger, up to its own size.
MAX_VIEW = QSize(1000, 600)
#: A page smaller than :data:`MAX_VIEW` is shown up to this many times its size.
MAX_ENLARGING = 2


#: Arrow keys move the rectangle, Shift + arrow keys move its right or bottom edge.
ARROWS = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -1),
          Qt.Key.Key_Down: (0, 1)}  # fmt: skip


class OutlineBand(QRubberBand):
    """The selection as an outline over a faint tint: the style's filled band hid the
    strokes of a pencil signature (seen in a real window), and the clerk judges the crop
    by them."""

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt API
        from PySide6.QtGui import QColor, QPainter, QPen

        painter = QPainter(self)
        colour = self.palette().highlight().color()
        tint = QColor(colour)
        tint.setAlpha(24)
        painter.fillRect(self.rect(), tint)
        painter.setPen(QPen(colour, 2))
        painter.drawRect(self.rect().adjusted(1, 1, -1, -1))


class SelectableImage(QLabel):
    """A picture on which a rectangle is dragged, or moved and sized with the arrow keys
    (:data:`ARROWS`); ``selection`` is in picture pixels."""

    selection_changed = Signal()
    drawn_by_hand = Signal()  # after the clerk's own drag (not a proposal)
    too_small = Signal()  # a drag too small for a selection: the one before stays

    def __init__(self, pixels: np.ndarray, parent=None):
        super().__init__(parent)
        from PySide6.QtGui import QPixmap

        self.full_size = QSize(pixels.shape[1], pixels.shape[0])
        self.page = QPixmap.fromImage(array_to_qimage(pixels))
        self.band = OutlineBand(QRubberBand.Shape.Rectangle, self)
        self._origin: QPoint | None = None
        self.selection: QRect | None = None
        self.fit_to(MAX_VIEW)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Tab reaches it: no mouse needed

    def fitting(self, room: QSize) -> QSize:
        """The page's size on screen in ``room``: as large as fits, never larger than it is,
        but for a page smaller than the dialog opens with (:data:`MAX_VIEW`), which may grow
        to fill that, up to :data:`MAX_ENLARGING` times its size (a small photo or scan was
        shown at its own few hundred pixels, hard to judge or to select on: seen in a real
        window)."""
        filling = self.full_size.scaled(MAX_VIEW, Qt.AspectRatioMode.KeepAspectRatio)
        largest = self.full_size.expandedTo(filling.boundedTo(self.full_size * MAX_ENLARGING))
        return self.full_size.scaled(
            largest.boundedTo(room).expandedTo(QSize(1, 1)), Qt.AspectRatioMode.KeepAspectRatio
        )

    def fit_to(self, room: QSize) -> None:
        """Show the page as large as fits ``room`` (:meth:`fitting`), keeping the selection
        on the same part of the page."""
        size = self.fitting(room)
        if size == self.size() and self.pixmap() is not None and not self.pixmap().isNull():
            return
        pixmap = self.page
        if size != self.full_size:
            pixmap = self.page.scaled(
                size,
                Qt.AspectRatioMode.IgnoreAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        self.setPixmap(pixmap)
        self.setFixedSize(pixmap.size())
        self.scale = self.full_size.width() / pixmap.width()
        if self.selection is not None:
            # (as a selection is shown: truncated, it was a pixel off, a review)
            self.band.setGeometry(self._on_screen(*self.selection.getRect()))

    def select(self, view_rect: QRect) -> None:
        """Select a rectangle given in view (widget) coordinates; the band shows it as
        given (shown again from the picture's pixels, each arrow key moved it by a rounding
        more or less: Right and Left did not come back, a real-window pass)."""
        view_rect = view_rect.normalized().intersected(self.rect())
        s = self.scale
        self.select_in_picture(
            round(view_rect.x() * s),
            round(view_rect.y() * s),
            max(1, round(view_rect.width() * s)),
            max(1, round(view_rect.height() * s)),
            view_rect,
        )

    def select_in_picture(
        self, x: int, y: int, width: int, height: int, view: QRect | None = None
    ) -> None:
        """Select a rectangle given in picture pixels (shown as ``view`` on screen, when
        given): none when it is smaller than a readable signature (:data:`MIN_SIDE`
        pixels each way), which only Verify refused, after OK (a real-window pass kept a
        16 x 13 speck of print)."""
        full = QRect(x, y, width, height).intersected(QRect(QPoint(0, 0), self.full_size))
        self.selection = full if min(full.width(), full.height()) >= MIN_SIDE else None
        self.band.setGeometry(view if view is not None else self._on_screen(x, y, width, height))
        self.band.setVisible(self.selection is not None)
        self.selection_changed.emit()

    def _on_screen(self, x: int, y: int, width: int, height: int) -> QRect:
        """A rectangle in picture pixels as the page shows it, rounded, within the view."""
        s = self.scale
        return QRect(
            round(x / s), round(y / s), max(1, round(width / s)), max(1, round(height / s))
        ).intersected(self.rect())

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        """An arrow key moves the rectangle by a step (1/50 of the page shown), with Shift
        it moves the right or bottom edge; with nothing selected yet, the first press
        selects the middle third of the page."""
        if event.key() not in ARROWS:
            super().keyPressEvent(event)
            return
        dx, dy = ARROWS[event.key()]
        step = max(2, min(self.width(), self.height()) // 50)
        if self.selection is None:
            third = QSize(self.width() // 3, self.height() // 3)
            rect = QRect(QPoint(third.width(), third.height()), third)
        elif event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            # (no smaller than a selection may be: it went, and the next key started again
            # in the middle of the page, a review)
            least = max(2 * step, math.ceil(MIN_SIDE / self.scale))
            rect = self.band.geometry()
            rect.setWidth(max(least, rect.width() + dx * step))
            rect.setHeight(max(least, rect.height() + dy * step))
        else:
            rect = self.band.geometry()
            rect.moveTo(
                min(max(0, rect.x() + dx * step), self.width() - rect.width()),
                min(max(0, rect.y() + dy * step), self.height() - rect.height()),
            )
        self.select(rect)
        self.drawn_by_hand.emit()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().paintEvent(event)
        if self.hasFocus():  # where the arrow keys go
            from PySide6.QtGui import QPainter, QPen

            painter = QPainter(self)
            painter.setPen(QPen(self.palette().highlight().color(), 2))
            painter.drawRect(self.rect().adjusted(1, 1, -1, -1))

    def focusInEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().focusOutEvent(event)
        self.update()

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt API
        self._origin = event.position().toPoint()
        self.band.setGeometry(QRect(self._origin, QSize()))
        self.band.show()

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self._origin is not None:
            self.band.setGeometry(QRect(self._origin, event.position().toPoint()).normalized())

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt API
        """The rectangle dragged is the selection; one too small for a signature (a click
        on the page) leaves the selection before it, band and all (it took the signature
        found away, OK went grey and the next arrow key started in the middle of the page:
        a real-window pass)."""
        if self._origin is None:
            return
        before = self.selection
        self.select(QRect(self._origin, event.position().toPoint()))
        self._origin = None
        if self.selection is None and before is not None:
            self.select_in_picture(*before.getRect())
            self.too_small.emit()
        else:
            self.drawn_by_hand.emit()


class PageStage(QWidget):
    """The room the page has in the dialog: it grows with the dialog and shows the page
    (:class:`SelectableImage`) as large as fits, centred."""

    def __init__(self, view: SelectableImage, parent=None):
        super().__init__(parent)
        self.view = view
        # placed by hand, not by a layout: the page's fixed size must not hold the dialog
        # open at its old size when it is made smaller
        view.setParent(self)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(240, 160)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return self.view.fitting(MAX_VIEW)  # what the dialog opens with

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.view.fit_to(event.size())
        self.view.move(
            (event.size().width() - self.view.width()) // 2,
            (event.size().height() - self.view.height()) // 2,
        )
        super().resizeEvent(event)


class CropDialog(QDialog):
    def __init__(self, path: Path, parent=None, data: bytes | None = None, folder: str = ""):
        """The page in the file ``path``, or in ``data`` (a page already opened, named
        ``path``, read from ``folder``: "" for one pasted)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Select the signature"))
        # clear errors for unreadable files; a coloured stamp fades (see load_page)
        loaded = (
            load_page(path)
            if data is None
            else decode_image(data, source=str(path), stamps_faded=True)
        )
        # a photographed sheet is shown squared up: its lines run level, so preprocessing
        # takes the signature line out of the crop
        self.pixels, self.candidates, self.squared_up = proposals(loaded.pixels)
        self.source = Path(path)
        # the page's folder, kept with the cut in the audit log: "photo.jpg-crop.png" alone
        # could not be traced to its photo (a real-window pass)
        self.folder = str(self.source.absolute().parent) if data is None else folder
        self.signature: SignatureInput | None = None
        self.view = SelectableImage(self.pixels)
        self.candidate = -1
        self.proposed = False  # the selection is the found place, not drawn by hand
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        # room for three lines from the start: a shorter hint must not move the page up
        # under the clerk's mouse (seen in a real window)
        self.hint.setMinimumHeight(3 * self.hint.fontMetrics().lineSpacing())
        self.next_button = QPushButton(self.tr("&Next candidate"))
        self.next_button.setToolTip(self.tr("Select the next place that looks like a signature"))
        self.next_button.clicked.connect(lambda: self.next_candidate())
        self.next_button.setVisible(len(self.candidates) > 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setEnabled(False)
        self.view.selection_changed.connect(self._selection_changed)
        self.view.drawn_by_hand.connect(self._selected_by_hand)
        self.view.too_small.connect(self._too_small)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.hint, 1)
        top.addWidget(self.next_button)
        layout.addLayout(top)
        self.stage = PageStage(self.view)
        layout.addWidget(self.stage, 1)
        layout.addWidget(self.buttons)
        # Qt opens a dialog at no more than 2/3 of the screen from its size hint; the page
        # gets the room it is meant to open with (MAX_VIEW fits 1366 x 768) when it fits
        # (less its title bar: at the screen's whole height OK and Cancel lay under its
        # edge on a 1366 x 768 laptop at 125 %, seen in a real window)
        room = within_screen(self, QSize(1 << 20, 1 << 20)) if self.screen() else self.sizeHint()
        # wide enough for the longest hint in the three lines kept for it: on a small page
        # (a phone's slip) it took six, and the picture grew when a short one replaced it
        # (seen in a real window)
        chars = self.hint.fontMetrics().averageCharWidth()
        self.setMinimumWidth(min(room.width(), 110 * chars))
        self.resize(self.sizeHint().expandedTo(self.minimumSize()).boundedTo(room))
        # the keys start on the page (arrow keys move the rectangle, Enter is OK), and Tab
        # goes on to the buttons: it went to Cancel first (seen in a real window)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        QWidget.setTabOrder(self.view, self.next_button)
        QWidget.setTabOrder(self.next_button, self.ok_button)
        QWidget.setTabOrder(self.ok_button, cancel)
        self.view.setFocus()
        if self.candidates:
            self.next_candidate()
        else:
            self.hint.setText(
                join_sentences(
                    self._squared_up_note(),
                    self.tr(
                        "No signature was found on this page: drag a rectangle around it (or "
                        "use the arrow keys; Shift changes the size), then press OK."
                    ),
                )
            )

    def next_candidate(self, step: int = 1) -> None:
        """Select the next place the page search found (``step`` 0: the one selected last),
        with a little paper around it."""
        self.candidate = (self.candidate + step) % len(self.candidates)
        self.view.select_in_picture(*self._proposed_box())
        self.proposed = True
        if len(self.candidates) == 1:
            found = self.tr("The signature found on the page is selected.")
        else:
            found = self.tr(
                "Place {number} of {count} that looks like a signature is selected."
            ).format(number=self.candidate + 1, count=len(self.candidates))
        text = join_sentences(
            found,
            self.tr(
                "Drag another rectangle if it is not right (or use the arrow keys: they move "
                "it, Shift + arrow keys size it), then press OK. Print and stamps around it are "
                "left out."
            ),
        )
        self.hint.setText(join_sentences(self._squared_up_note(), text))

    def _proposed_box(self) -> tuple[int, int, int, int]:
        """The place found selected last, with a little paper around it, in page pixels."""
        return padded_box(self.candidates[self.candidate].box, self.pixels.shape)

    def _selection_changed(self) -> None:
        """OK only with a selection. When OK loses its use while it has the focus, the
        focus goes to the page, not on to Cancel: there Enter would drop the crop unasked
        once a selection made OK usable again (seen in a real window)."""
        usable = self.view.selection is not None
        if not usable and self.ok_button.hasFocus():
            self.view.setFocus()
        self.ok_button.setEnabled(usable)

    def _squared_up_note(self) -> str:
        return self.tr("The photographed sheet is shown squared up.") if self.squared_up else ""

    def _too_small_text(self) -> str:
        return self.tr(
            "Too small for a signature: drag a rectangle at least {side} pixels of the page "
            "each way."
        ).format(side=MIN_SIDE)

    def _too_small(self) -> None:
        """A drag too small, the selection before it kept."""
        self.hint.setText(
            join_sentences(self._too_small_text(), self.tr("The selection before it stays."))
        )

    def _selected_by_hand(self) -> None:
        if self.view.selection is None:  # (the last hint said "press OK" under a grey OK)
            self.hint.setText(self._too_small_text())
            return
        if self.candidates and _alike(
            self.view.selection, QRect(*self._proposed_box()), math.ceil(self.view.scale)
        ):
            # moved back onto the place found: kept as found, print and stamps left out
            # (after any arrow key it was the clerk's, for good: a real-window pass)
            self.next_candidate(step=0)
            return
        self.proposed = False
        if self.squared_up:  # (cut: a photographed sheet's light made even)
            kept = self.tr("Your selection will be kept, its light made even: press OK.")
        else:
            kept = self.tr("Your selection will be kept as it is: press OK.")
        self.hint.setText(kept)

    def cropped(self) -> np.ndarray:
        """The selected part of the page (:func:`~sigverify.core.imaging.page_crop.cut`):
        for a place the search found and the clerk kept, without the ink around it that is
        not the signature's; from a photographed sheet, with the light made even."""
        if self.view.selection is None:
            raise SigverifyError(self.tr("Select the signature first."))
        r = self.view.selection
        kept = self.candidates[self.candidate] if self.proposed else None
        return cut(self.pixels, (r.x(), r.y(), r.width(), r.height()), kept, self.squared_up)

    def accept(self) -> None:
        # the page's whole name in it: "photo-crop.png" in the audit log could not be traced
        # to photo.jpg beside a photo.png (seen in a real window)
        name = f"{self.source.name}{CROP_SUFFIX}"
        self.signature = SignatureInput(
            name, encode_png(self.cropped()), cut_from_page=True, folder=self.folder
        )
        super().accept()


def _alike(a: QRect, b: QRect, within: int) -> bool:
    """``a`` and ``b`` have each edge within ``within`` pixels of the other's (a pixel on
    screen is ``within`` of the page's: a rectangle moved away and back by the arrow keys
    is where it was)."""
    edges = (QRect.left, QRect.top, QRect.right, QRect.bottom)
    return all(abs(edge(a) - edge(b)) <= within for edge in edges)
