"""A person's stored reference signatures, on the People page: thumbnails, the one pointed
at shown as enrolled and as the model sees it, a warning mark on any that stands out from
the others, and "Remove reference…" (the page asks and writes)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QSignalBlocker, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QKeySequence, QPainter, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QVBoxLayout,
)

from sigverify.core.errors import NotFoundError, StoreIntegrityError
from sigverify.core.i18n import join_sentences
from sigverify.core.operators import operator_name
from sigverify.core.store import Store
from sigverify.core.store.records import local_time, person_named
from sigverify.gui import dialogs
from sigverify.gui.keyboard import frame_when_focused, widget_shortcut
from sigverify.gui.qimages import bytes_to_pixmap, png_to_array, preprocessed_pixmap
from sigverify.gui.widgets import ImageView, RoleButton, captioned_row, lines_height
from sigverify.gui.workers import Engine

THUMB = QSize(120, 72)
#: Points a thumbnail's cell is wider than its picture (the room short names had before
#: cells were one size: three in a row on the People page, not two).
NAME_ROOM = 12
REFERENCE_ROLE = Qt.ItemDataRole.UserRole
PLAIN_ROLE = Qt.ItemDataRole.UserRole + 1  # (thumbnail, label, tooltip) without a mark
FILE_ROLE = Qt.ItemDataRole.UserRole + 2  # the file name (the label may carry a ⚠ mark)


class ThumbnailList(QListWidget):
    """Signature thumbnails in rows; says when the pointer leaves it."""

    pointer_left = Signal()

    def leaveEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().leaveEvent(event)
        self.pointer_left.emit()


def one_row_height(view: QListView) -> int:
    """The height of a thumbnail list showing one row and its file names whole, with the
    scroll bar under it: at 1024 x 700 in Chinese (taller lines) the names were cut to
    their top pixels and a second scroll bar came (a real-window pass)."""
    label = lines_height(view, 1)
    bar = view.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
    return THUMB.height() + label + 2 * view.spacing() + bar + 2 * view.frameWidth() + 4


def thumbnail_list() -> ThumbnailList:
    view = ThumbnailList()
    view.setViewMode(QListView.ViewMode.IconMode)
    view.setIconSize(THUMB)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setMovement(QListView.Movement.Static)
    view.setSpacing(6)
    # one cell per picture, its name shortened in the middle where longer ("drawn-2026…
    # 195747.png", whole in its tooltip): a cell as wide as a long name put one picture in
    # a row with room for three (pad drawings, a real-window pass)
    view.setGridSize(QSize(THUMB.width() + NAME_ROOM, THUMB.height() + lines_height(view, 1) + 12))
    view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
    view.setWordWrap(False)
    view.setMinimumHeight(THUMB.height() + 30)
    view.setMouseTracking(True)  # itemEntered: the preview follows the pointer
    view.viewport().setMouseTracking(True)
    frame_when_focused(view)  # empty, it showed nothing when Tab reached it (seen)
    return view


def with_badge(icon: QIcon, badge: QIcon) -> QIcon:
    """``icon`` (a thumbnail) with ``badge`` small in its top right corner: the signature
    stays in view (the warning icon took its place, seen in a real window)."""
    framed = icon.pixmap(THUMB)
    painter = QPainter(framed)
    side = THUMB.height() // 3
    painter.drawPixmap(THUMB.width() - side, 0, badge.pixmap(side, side))
    painter.end()
    return QIcon(framed)


def mark_odd(item, icon: QIcon, name: str, why: str, style: QStyle) -> None:
    """Show thumbnail ``item`` as unlike the person's other signatures: the picture with a
    warning badge, "⚠" joined to the file name, the reason as its tooltip. One look for a
    stored reference and for one waiting to be enrolled (they had two)."""
    warning = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
    item.setIcon(with_badge(icon, warning))
    item.setText(f"⚠\u00a0{name}")  # the mark stays in sight when a long name is shortened
    item.setToolTip(why)


def thumbnail(pixmap: QPixmap) -> QIcon:
    """``pixmap`` scaled to fit ``THUMB``, centred on a transparent ``THUMB``-sized picture:
    every thumbnail the same size, so the captions under them line up (a wide signature's
    caption sat higher than a tall one's)."""
    scaled = pixmap.scaled(
        THUMB, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
    framed = QPixmap(THUMB)
    framed.fill(Qt.GlobalColor.transparent)
    painter = QPainter(framed)
    painter.drawPixmap(
        (THUMB.width() - scaled.width()) // 2, (THUMB.height() - scaled.height()) // 2, scaled
    )
    painter.end()
    return QIcon(framed)


class ReferencesPanel(QGroupBox):
    """The references of ``person_id`` (None: nobody chosen, empty)."""

    #: A person's references changed (one was removed, or the removal failed and was
    #: reported): the person's id.
    references_changed = Signal(str)
    #: After ``references_changed`` for a removal done (False) or waiting for another
    #: supervisor (True): the person's id, the reference's label.
    removed = Signal(str, str, bool)

    def __init__(self, engine: Engine, store: Store, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("Reference signatures"))
        self.engine, self.store = engine, store
        self.person_id: str | None = None
        self.odd: dict[int, object] = {}  # reference id -> OddReference

        self.references = thumbnail_list()
        # The previews show the reference pointed at, else the one chosen. Chosen means
        # selected, for the previews as for the Remove button (enabled only then; it said
        # "Select a reference first." before): Tab into the list makes the first one current
        # with only a thin outline (seen in a real window), which a clerk may not notice.
        self.references.itemEntered.connect(self._show_preview)
        self.references.pointer_left.connect(self._show_chosen)
        self.references.itemSelectionChanged.connect(self._chosen_changed)
        self.remove_button = RoleButton(self.tr("Remove reference…"), store, "delete")
        self.remove_button.setToolTip(self.tr("Remove the reference chosen in the list (Delete)"))
        self.remove_button.clicked.connect(self.remove_reference)
        # the Delete key on a chosen reference, as in a file list (it did nothing: seen)
        widget_shortcut(self.references, QKeySequence.StandardKey.Delete, self._delete_pressed)
        self.original_view = ImageView(self.tr("Point at a reference to see it"))
        self.preprocessed_view = ImageView()
        for view in (self.original_view, self.preprocessed_view):
            # (36 high at least: at 1024 x 700 in Chinese the waiting signatures' names
            # under them were cut for want of the room these took; a real-window pass)
            view.setMinimumSize(120, 36)
        self.preview_note = QLabel()
        self._previewed: int | None = None  # the reference whose previews are shown
        self.preview_note.setWordWrap(True)
        # The previews sit beside the list, not under it: the page then fits a 768-pixel
        # screen (1366 x 768 laptops) with the list, previews and Enrol all visible.
        previews = captioned_row(
            [
                (self.tr("As enrolled"), self.original_view),
                (self.tr("What the model sees"), self.preprocessed_view),
            ],
            stacked=True,
        )
        layout = QVBoxLayout(self)
        list_and_previews = QHBoxLayout()
        list_and_previews.addWidget(self.references, 3)
        list_and_previews.addLayout(previews, 2)
        layout.addLayout(list_and_previews, 1)
        note_and_remove = QHBoxLayout()
        note_and_remove.addWidget(self.preview_note, 1)
        note_and_remove.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(note_and_remove)
        self.engine.model_changed.connect(lambda _: self._check())
        self.show_person(None)

    def _named(self, person_id: str) -> str:
        """The person as questions name them ("Ana Li (P-2)": the ID alone was, seen)."""
        try:
            return person_named(person_id, self.store.get_person(person_id).name)
        except NotFoundError:
            return person_id

    def show_person(self, person_id: str | None) -> None:
        """Show ``person_id``'s references (None: none), then mark the odd ones."""
        self.person_id = person_id
        self.odd = {}
        blocker = QSignalBlocker(self.references)  # no previews of the list half rebuilt
        self.references.clear()
        if person_id is not None:
            for reference in self.store.references(person_id):
                item = QListWidgetItem(reference.filename)
                item.setData(REFERENCE_ROLE, reference.id)
                item.setData(FILE_ROLE, reference.filename)
                item.setToolTip(
                    self.tr("{file}\nenrolled {at} by {who}").format(
                        file=reference.filename,
                        at=local_time(reference.enrolled_at, seconds=False),
                        who=reference.enrolled_by,
                    )
                )
                try:
                    original, _ = self.store.reference_images(reference.id)
                    item.setIcon(thumbnail(bytes_to_pixmap(original)))
                    item.setData(PLAIN_ROLE, (item.icon(), item.text(), item.toolTip()))
                except StoreIntegrityError as error:  # changed outside sigverify: not shown
                    item.setIcon(self._warning_icon())
                    item.setToolTip(str(error))
                self.references.addItem(item)
        blocker.unblock()
        self.remove_button.setEnabled(self.chosen() is not None)
        self._clear_preview()
        self._check()

    def chosen(self) -> tuple[int, str] | None:
        """``(reference id, its file name)`` of the selected reference, or None (the
        label's "⚠" was in the question and the status line: seen in a real window)."""
        items = self.references.selectedItems()
        return None if not items else (items[0].data(REFERENCE_ROLE), items[0].data(FILE_ROLE))

    def _chosen_changed(self) -> None:
        self.remove_button.setEnabled(self.chosen() is not None)
        self._show_chosen()

    def _show_chosen(self) -> None:
        """Back to the chosen reference's previews (none chosen: the last shown stay)."""
        items = self.references.selectedItems()
        if items:
            self._show_preview(items[0])

    def _delete_pressed(self) -> None:
        if self.remove_button.isEnabled():  # a reference chosen, and this desk may remove it
            self.remove_reference()
        else:
            QApplication.beep()

    def remove_reference(self) -> None:
        """Ask, then remove the selected reference in the worker, like every store write."""
        chosen = self.chosen()
        if chosen is None:
            dialogs.show_info(self, self.tr("Remove"), self.tr("Select a reference first."))
            return
        reference_id, label = chosen
        person_id = self.person_id
        row = self.references.row(self.references.selectedItems()[0])
        question = (
            self.tr(
                "Ask for “{file}” to be removed from the references of {person}? It "
                "stays until another supervisor approves it."
            )
            if self.store.needs_approval
            else self.tr("Remove “{file}” from the references of {person}?")
        ).format(file=label, person=self._named(person_id))
        if self.references.count() == 1:  # (unsaid before: seen in a real window)
            question = join_sentences(
                question,
                self.tr(
                    "It is their last reference: their signatures cannot be checked until "
                    "references are added again."
                ),
            )
        if not dialogs.ask(self, self.tr("Remove reference"), question, self.tr("&Remove")):
            return

        def work(context, job):
            return context.store.remove_reference(reference_id, operator_name(context.store))

        def finish(pending=None, done=True) -> None:
            if pending is not None:  # a shared store: waits for another supervisor
                dialogs.show_pending(self, pending)
            self.references_changed.emit(person_id)
            if done:
                self.removed.emit(person_id, label, pending is not None)
            if person_id == self.person_id and self.references.count():
                # back to the list, at the next reference (outlined, not chosen): the
                # focus fell on "Open file…" and a keyboard user had to Shift+Tab back
                self.references.setCurrentRow(
                    min(row, self.references.count() - 1),
                    QItemSelectionModel.SelectionFlag.NoUpdate,
                )
                self.references.setFocus(Qt.FocusReason.OtherFocusReason)

        def failed(error) -> None:
            dialogs.show_error(self, error)
            finish(done=False)

        self.engine.submit(work, finish, failed)

    # ------------------------------------------------------------ consistency marks

    def _check(self) -> None:
        person_id = self.person_id
        if person_id is None or self.engine.model is None:
            return

        def done(odd):
            if person_id == self.person_id:
                self.odd = odd
                self._mark_odd()
                # and the reference shown: its note named the model before's threshold
                # after a switch, the mark gone (seen in a real window)
                if self._previewed is not None:
                    self._show_note(self._previewed)

        self.engine.submit(
            lambda context, job: context.require_service().odd_references(person_id),
            done,
            lambda error: None,  # a failed check only means no marks
        )

    def _warning_icon(self) -> QIcon:
        return self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)

    def _mark_odd(self) -> None:
        """Mark the odd references as the active model found them, and only those: marks of
        another model's check stayed after a switch (seen in a real window)."""
        for row in range(self.references.count()):
            item = self.references.item(row)
            plain = item.data(PLAIN_ROLE)
            if plain is None:  # not shown (changed outside sigverify): its own warning
                continue
            icon, text, tip = plain
            odd = self.odd.get(item.data(REFERENCE_ROLE))
            if odd is None:
                item.setIcon(icon)
                item.setText(text)
                item.setToolTip(tip)
            else:
                mark_odd(item, icon, odd.filename, odd.message, self.style())

    # ------------------------------------------------------------ preview

    def _clear_preview(self) -> None:
        self.original_view.set_pixmap(None)
        self.preprocessed_view.set_pixmap(None)
        self.preview_note.clear()
        self._previewed = None

    def _show_preview(self, item) -> None:
        if item is None:
            return
        reference_id = item.data(REFERENCE_ROLE)
        try:
            original, preprocessed = self.store.reference_images(reference_id)
        except (StoreIntegrityError, NotFoundError) as error:  # changed or removed elsewhere
            self._clear_preview()
            self.preview_note.setText(str(error))
            self.preview_note.setStyleSheet("color: #c62828;")
            return
        self.original_view.set_pixmap(bytes_to_pixmap(original))
        self.preprocessed_view.set_pixmap(preprocessed_pixmap(png_to_array(preprocessed)))
        self._previewed = reference_id
        self._show_note(reference_id)

    def _show_note(self, reference_id: int) -> None:
        """Why the reference shown is marked odd, if it is."""
        odd = self.odd.get(reference_id)
        self.preview_note.setText(odd.message if odd is not None else "")
        self.preview_note.setStyleSheet("color: #c62828;" if odd is not None else "")
