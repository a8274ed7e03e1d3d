"""Getting signatures into the app: the drop area (files, paste, draw on a pad, crop from a
page), the file filter, the clipboard, and the shortcuts that go with them."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import (
    QEvent,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QGuiApplication, QImage, QKeySequence
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sigverify.core.data.pen_files import PEN_SUFFIXES, is_pen_file
from sigverify.core.errors import SigverifyError
from sigverify.core.imaging.imageio import IMAGE_SUFFIXES
from sigverify.core.verification_results import SignatureInput
from sigverify.gui import dialogs
from sigverify.gui.folders import ask_open
from sigverify.gui.qimages import qimage_to_png
from sigverify.gui.widgets import file_filter, quiet_text


def image_filter(pens: bool = True) -> str:
    """The file dialogs' filter: the image files sigverify reads, and (``pens``) the pen
    recordings of signature pads, all of them offered together first."""
    images = " ".join(f"*{suffix}" for suffix in IMAGE_SUFFIXES)
    image_text = file_filter(QGuiApplication.translate("widgets", "Images"), images)
    if not pens:
        return image_text
    recordings = " ".join(f"*{suffix}" for suffix in PEN_SUFFIXES)
    signatures = QGuiApplication.translate("widgets", "Signatures")
    return ";;".join(
        [
            file_filter(signatures, f"{images} {recordings}"),
            image_text,
            file_filter(QGuiApplication.translate("widgets", "Pen recordings"), recordings),
        ]
    )


def signatures_from_paths(
    paths: list[str | Path],
) -> tuple[list[SignatureInput], list[tuple[str, SigverifyError]]]:
    """Read files as signatures: ``(the good ones, (file name, error) for each bad one)``;
    one bad file never drops the others."""
    good, bad = [], []
    for path in paths:
        try:
            good.append(SignatureInput.from_path(path))
        except SigverifyError as error:
            bad.append((Path(path).name, error))
    return good, bad


def bad_files_error(bad: list[tuple[str, SigverifyError]], kept: int) -> SigverifyError:
    """One message for the files that could not be used, each by name (a single bad file
    on its own: its own error)."""
    if len(bad) == 1 and not kept:
        return bad[0][1]
    lines = "\n".join(f"• {error}" for _, error in bad)
    intro = QGuiApplication.translate("widgets", "%n file(s) could not be used:", "", len(bad))
    text = f"{intro}\n{lines}"
    if kept:
        text += "\n" + QGuiApplication.translate("widgets", "Added the other %n file(s).", "", kept)
    return SigverifyError(text)


def signature_from_clipboard() -> SignatureInput:
    clipboard = QGuiApplication.clipboard()
    mime = clipboard.mimeData()
    if mime is not None and mime.hasUrls():
        files = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
        if files:
            return SignatureInput.from_path(files[0])
    image = clipboard.image()
    if image.isNull():
        raise SigverifyError(
            QGuiApplication.translate(
                "widgets", "The clipboard holds no picture. Copy a signature image first."
            )
        )
    return SignatureInput(f"pasted-{time.strftime('%Y%m%d-%H%M%S')}.png", qimage_to_png(image))


@contextmanager
def waiting() -> Iterator[None]:
    """The busy cursor while the block runs (briefly, in the GUI thread)."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


class SignatureDropArea(QFrame):
    """Where signatures come in: drop files, open them, paste, draw or crop from a page.
    Emits ``signatures_added`` with :class:`SignatureInput` objects."""

    signatures_added = Signal(list)

    def __init__(self, multiple: bool, compact: bool = True, parent=None):
        """``compact``: the four buttons in one row, else in two."""
        super().__init__(parent)
        self.multiple = multiple
        #: asked before a file, page or pad dialog opens; False: do not open it (the Verify
        #: page settles an unrecorded result first, before the clerk does the work)
        self.before_choosing: Callable[[], bool] = lambda: True
        #: called once that dialog is closed, whatever came of it
        self.after_choosing: Callable[[], None] = lambda: None
        #: a photographed sheet already on screen, which Crop from page… opens without
        #: asking for its file again (seen in a real window: the same path typed twice)
        self.page_on_screen: Callable[[], SignatureInput | None] = lambda: None
        #: the signatures waiting where these go, not added twice (a file chosen again was
        #: left out unsaid, and "Added the other 1 file" said of it: a real-window pass)
        self.waiting: Callable[[], list[SignatureInput]] = lambda: []
        self.setAcceptDrops(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("dropArea")
        self.hint = QLabel(
            self.tr("Drop signature images here")
            if multiple
            else self.tr("Drop the signature to check here")
        )
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setStyleSheet("font-size: 13px;")
        quiet_text(self.hint)
        self.open_button = QPushButton(self.tr("Open file…"))
        self.open_button.setToolTip(self.tr("Choose image files (Ctrl+O)"))
        self.paste_button = QPushButton(self.tr("Paste"))
        self.paste_button.setToolTip(self.tr("Paste an image from the clipboard (Ctrl+V)"))
        # Alt+W: the others have their Ctrl keys (a button keeps one shortcut, so no letter)
        self.draw_button = QPushButton(self.tr("Dra&w…"))
        self.draw_button.setToolTip(self.tr("Sign with a pen tablet or the mouse"))
        self.crop_button = QPushButton(self.tr("Crop from page…"))
        self.crop_button.setToolTip(
            self.tr("Select the signature on a scanned or photographed document (Ctrl+Shift+O)")
        )
        self.open_button.clicked.connect(self.open_files)
        self.paste_button.clicked.connect(self.paste)
        self.draw_button.clicked.connect(self.draw)
        self.crop_button.clicked.connect(self.crop)
        buttons = QGridLayout()
        for index, button in enumerate(
            (self.open_button, self.paste_button, self.draw_button, self.crop_button)
        ):
            buttons.addWidget(button, 0 if compact else index // 2, index if compact else index % 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)

    # -- the ways in

    def _emit(self, signatures: list[SignatureInput], bad=()) -> None:
        """Hand ``signatures`` on, except pictures :attr:`waiting` already (or twice
        among them), then say what was not added: ``bad`` (file name, error) and those."""
        there = {s.data: s.name for s in self.waiting()}
        new, bad = [], list(bad)
        for signature in signatures if self.multiple else signatures[:1]:
            if signature.data not in there:
                there[signature.data] = signature.name
                new.append(signature)
                continue
            same = there[signature.data]
            text = (
                self.tr("“{name}” is waiting already: it is not added twice.")
                if same == signature.name
                else self.tr(
                    "“{name}” is the same picture as “{same}”, waiting already: it is not "
                    "added twice."
                )
            )
            text = text.format(name=signature.name, same=same)
            bad.append((signature.name, SigverifyError(text)))
        if new:
            self.signatures_added.emit(new)
        if bad:
            dialogs.show_error(self, bad_files_error(bad, len(new)))

    def add_paths(self, paths: list[str | Path]) -> None:
        self._emit(*signatures_from_paths(paths))

    def _dialog(self, open_it: Callable[[], None]) -> None:
        """``open_it`` (a file, page or pad dialog and what it gives) between
        :attr:`before_choosing` (False: not opened) and :attr:`after_choosing`."""
        if not self.before_choosing():
            return
        try:
            open_it()
        finally:
            self.after_choosing()

    def open_files(self) -> None:
        self._dialog(self._open_files)

    def _open_files(self) -> None:
        title = (
            self.tr("Choose reference signatures")
            if self.multiple
            else self.tr("Choose the signature to check")
        )
        chosen = ask_open(self, title, self._folder_kind, image_filter(), self.multiple)
        self.add_paths(chosen if self.multiple else [chosen] if chosen else [])

    def paste(self) -> None:
        try:
            self._emit([signature_from_clipboard()])
        except SigverifyError as error:
            dialogs.show_error(self, error)

    def draw(self) -> None:
        self._dialog(self._draw)

    def _draw(self) -> None:
        from sigverify.gui.pen import DrawDialog

        dialog = DrawDialog(self)
        if dialog.exec() and dialog.signature is not None:
            self._emit([dialog.signature])

    @property
    def _folder_kind(self) -> str:
        """The folder the file dialogs remember: references on People, signatures to
        check on Verify (kept apart on purpose)."""
        return "references" if self.multiple else "signatures"

    def crop(self) -> None:
        self._dialog(self._crop)

    def _crop(self) -> None:
        from sigverify.gui.crop import CropDialog

        page = self.page_on_screen()
        if page is None:
            path = ask_open(
                self,
                self.tr("Choose the scanned or photographed page"),
                # where this page's files come from: on People, the references' folder (it
                # opened in the folder of signatures checked: seen in a real window)
                self._folder_kind,
                image_filter(pens=False),
            )
            if not path:
                return
        try:
            with waiting():  # reading a phone photo and searching it: a few tenths of a second
                if page is None:
                    dialog = CropDialog(Path(path), self)
                else:
                    dialog = CropDialog(Path(page.name), self, data=page.data, folder=page.folder)
        except SigverifyError as error:
            dialogs.show_error(self, error)
            return
        if dialog.exec() and dialog.signature is not None:
            self._emit([dialog.signature])

    # -- drag and drop

    def take_drops_on(self, *widgets: QWidget) -> None:
        """Signatures dropped on ``widgets`` (the picture beside this area, the lists of
        references) come here as if dropped on the area: a drop on Verify's large "No
        signature yet" was refused without a word (seen in a real window)."""
        for widget in widgets:
            target = widget.viewport() if isinstance(widget, QAbstractScrollArea) else widget
            target.setAcceptDrops(True)
            target.installEventFilter(self)

    #: The handler of each drag event on a widget that takes drops for this area (read
    #: once: the filter sees every event of those widgets, paints and moves included).
    _DRAG_HANDLERS = {
        QEvent.Type.DragEnter: "dragEnterEvent",
        QEvent.Type.DragMove: "dragEnterEvent",
        QEvent.Type.DragLeave: "dragLeaveEvent",
        QEvent.Type.Drop: "dropEvent",
    }

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        handler = self._DRAG_HANDLERS.get(event.type())
        if handler is None:
            return super().eventFilter(watched, event)
        getattr(self, handler)(event)
        return True  # (not the list's own: it would move its items about)

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt API
        mime = event.mimeData()
        if mime.hasUrls() or mime.hasImage():
            event.acceptProposedAction()
            self.setStyleSheet("#dropArea { border: 2px dashed palette(highlight); }")

    def dragLeaveEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.setStyleSheet("")

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.setStyleSheet("")
        mime = event.mimeData()
        paths = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add_paths(paths)
        elif mime.hasImage():
            event.acceptProposedAction()
            image = QImage(mime.imageData())
            self._emit([SignatureInput("dropped.png", qimage_to_png(image))])


def standard_shortcuts(area: SignatureDropArea, *text_fields: QWidget) -> None:
    """Ctrl+O, Ctrl+Shift+O (crop from a page) and Ctrl+V for the page holding ``area``. In
    ``text_fields`` (where Ctrl+V would paste text), Ctrl+V pastes a signature when the
    clipboard holds a picture or image files, and text otherwise."""
    area.open_button.setShortcut(QKeySequence.StandardKey.Open)
    area.crop_button.setShortcut(QKeySequence("Ctrl+Shift+O"))
    area.paste_button.setShortcut(QKeySequence.StandardKey.Paste)
    for field in text_fields:
        field.installEventFilter(_PictureFirstPaste(area, field))


def clipboard_holds_picture() -> bool:
    mime = QGuiApplication.clipboard().mimeData()
    if mime is None:
        return False
    if mime.hasImage():
        return True
    urls = mime.urls() if mime.hasUrls() else []
    files = [Path(u.toLocalFile()) for u in urls if u.isLocalFile()]
    return any(f.suffix.lower() in IMAGE_SUFFIXES or is_pen_file(f) for f in files)


class _PictureFirstPaste(QObject):
    def __init__(self, area: SignatureDropArea, parent: QWidget):
        super().__init__(parent)
        self.area = area

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        kinds = (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress)
        if (
            event.type() in kinds
            and event.matches(QKeySequence.StandardKey.Paste)
            and clipboard_holds_picture()
        ):
            if event.type() == QEvent.Type.KeyPress:
                self.area.paste()
            event.accept()
            return event.type() == QEvent.Type.KeyPress
        return False
