"""The keyboard in the main window: where the focus goes and that it shows (a frame on
what has it, even when code moved it there), shortcuts bound to one widget, Enter on a
focused button, and Alt with a letter nobody answers kept out of text fields."""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, QTimer
from PySide6.QtGui import QKeySequence, QPainter, QPen, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QProxyStyle,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleFactory,
    QStyleOptionButton,
    QTextEdit,
    QToolButton,
    QWidget,
)

from sigverify.gui.list_rows import Rows


def frame_when_focused(widget: QWidget, style: str = "") -> None:
    """A frame around ``widget`` while it has the keyboard focus (``style``: the rest of its
    style sheet). A picture, a read-only text or a list takes Tab (the arrows and Page Down
    move in it), but Fusion draws nothing to show that it has the focus: Tab seemed to go
    nowhere (seen in a real window). The frame is 2 px, as the application's style draws
    the focus (:class:`_FocusStyle`); without the focus, 1 px and 1 px of padding, since the
    room for a frame is kept from the unfocused look (a 2 px focus frame drew 1 px). A list or
    table without the focus shows its chosen row in a pale tint (:class:`.list_rows.Rows`)."""
    if isinstance(widget, QAbstractItemView):
        widget.setItemDelegate(Rows(widget))
    name = widget.metaObject().className()
    widget.setStyleSheet(
        f"{style} {name} {{ border: 1px solid palette(mid); padding: 1px; }}"
        f" {name}:focus {{ border: 2px solid palette(highlight); padding: 0px; }}"
    )


def mark_primary(button) -> None:
    """The page's main action (Verify, Enrol), in bold. Not Qt's "default" button: outside a
    dialog that only draws a frame, the very frame Fusion shows for the keyboard focus, so
    Tab on to it showed nothing (seen in a real window)."""
    font = button.font()
    font.setBold(True)
    button.setFont(font)


_KEYBOARD_FOCUS = QStyle.StateFlag.State_HasFocus | QStyle.StateFlag.State_KeyboardFocusChange


def _has_keyboard_focus(option) -> bool:
    return option.state & _KEYBOARD_FOCUS == _KEYBOARD_FOCUS


def _draw_focus_frame(painter: QPainter, option, rect: QRectF | None = None) -> None:
    """A 2 px frame in the highlight colour just inside ``rect`` (``option.rect``)."""
    rect = QRectF(option.rect) if rect is None else rect
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(option.palette.highlight().color(), 2))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 2, 2)
    painter.restore()


class _FocusStyle(QProxyStyle):
    """The application's style, with the keyboard focus drawn clearly on buttons, fields,
    drop-down lists, sliders, tabs and the labels of check boxes: a 2 px frame in the
    highlight colour. Fusion draws a 1 px light line, a faint tint or nothing, which a clerk
    did not see on the Verify page's result (seen in a real window). With
    ``default_look_on_focus_only``, a dialog's default button also looks like any other
    until it has the focus: Fusion draws the default button with the focus frame."""

    FRAMED_CONTROLS = (QStyle.ControlElement.CE_PushButton, QStyle.ControlElement.CE_TabBarTab)
    FRAMED_COMPLEX = (
        QStyle.ComplexControl.CC_ComboBox,
        QStyle.ComplexControl.CC_Slider,
        QStyle.ComplexControl.CC_SpinBox,
    )

    def __init__(self, base, default_look_on_focus_only: bool = False):
        super().__init__(base)
        self.default_look_on_focus_only = default_look_on_focus_only

    def drawPrimitive(self, element, option, painter, widget=None):
        if element == QStyle.PrimitiveElement.PE_FrameFocusRect:
            if isinstance(widget, QPushButton):
                return  # framed as a whole in drawControl; a second mark hugged the text
            if isinstance(widget, QCheckBox | QRadioButton):
                # round the label, clear of its letters: Fusion's pale box was unseen
                if _has_keyboard_focus(option):  # within the box: at its size the right was cut
                    frame = QRectF(option.rect).adjusted(-1, 0, 3, 0)
                    _draw_focus_frame(painter, option, frame.intersected(QRectF(widget.rect())))
                return
        if (
            self.default_look_on_focus_only
            and element == QStyle.PrimitiveElement.PE_PanelButtonCommand
            and isinstance(option, QStyleOptionButton)
            and not option.state & QStyle.StateFlag.State_HasFocus
        ):
            option = QStyleOptionButton(option)
            option.features &= ~QStyleOptionButton.ButtonFeature.DefaultButton
        super().drawPrimitive(element, option, painter, widget)
        if element == QStyle.PrimitiveElement.PE_FrameLineEdit and _has_keyboard_focus(option):
            _draw_focus_frame(painter, option)

    def drawControl(self, element, option, painter, widget=None):
        super().drawControl(element, option, painter, widget)
        if element in self.FRAMED_CONTROLS and _has_keyboard_focus(option):
            _draw_focus_frame(painter, option)  # flat buttons included

    def drawComplexControl(self, control, option, painter, widget=None):
        framed = control in self.FRAMED_COMPLEX and _has_keyboard_focus(option)
        handle_on_top = control == QStyle.ComplexControl.CC_Slider  # the frame is its height
        if framed and handle_on_top:
            _draw_focus_frame(painter, option)
        super().drawComplexControl(control, option, painter, widget)
        if framed and not handle_on_top:
            _draw_focus_frame(painter, option)


def _style_like_the_application(**options) -> _FocusStyle:
    style = QApplication.style()
    if isinstance(style, QProxyStyle):  # a proxy's name is empty; its base has the name
        style = style.baseStyle()
    return _FocusStyle(QStyleFactory.create(style.name()), **options)


def show_focus_clearly(app: QApplication) -> None:
    """The application's buttons, fields, drop-down lists, sliders and tabs show the
    keyboard focus with a clear frame (see :class:`_FocusStyle`); once per application."""
    if not isinstance(app.style(), _FocusStyle):
        app.setStyle(_style_like_the_application())


def frame_only_on_focus(dialog: QWidget, buttons, primary=()) -> None:
    """``buttons`` of ``dialog`` show a frame only while they have the focus, and ``primary``
    (the ones Enter presses) are bold instead. Seen in a real window: the training wizard's
    Next, Qt's default button, looked the same with the focus in a field and on itself."""
    style = _style_like_the_application(default_look_on_focus_only=True)
    style.setParent(dialog)  # made after the buttons, so deleted after them
    for button in buttons:
        button.setStyle(style)
    for button in primary:
        mark_primary(button)


def keyboard_in_use(widget: QWidget) -> bool:
    """Whether the focus last moved by the keyboard in ``widget``'s window."""
    return widget.window().testAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange)


def move_focus(widget: QWidget, keyboard: bool | None = None) -> None:
    """Give ``widget`` the keyboard focus from code. A plain ``setFocus()`` tells Qt the
    keyboard is not in use, and Fusion then draws no focus frame (seen in a real window: a
    keyboard user lost sight of the focus after Clear); while it is in use the frame stays.
    ``keyboard``: whether it was in use, as :func:`keyboard_in_use` said before something
    that forgets it: another page shown hands the focus on to its first field as if
    clicked (Alt+V, Ctrl+3 left no frame, seen), and focusing the widget that already has
    the focus changes nothing, so the window is told again here."""
    if keyboard is None:
        keyboard = keyboard_in_use(widget)
    reason = Qt.FocusReason.ShortcutFocusReason if keyboard else Qt.FocusReason.OtherFocusReason
    widget.setFocus(reason)
    if keyboard and not keyboard_in_use(widget):
        widget.window().setAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange, True)
        widget.update()  # its frame drawn now


def frame_from_the_start(dialog: QWidget, parent: QWidget | None) -> None:
    """``dialog``, opened from ``parent``'s window while the keyboard is in use there,
    shows the focus frame at once (call before ``exec``). A new window starts as if the
    mouse were in use: a question's Cancel, which has the focus, was framed only after a
    Tab (seen in a real window)."""
    FocusFrameAfterOtherWindows(dialog, keyboard=parent is not None and keyboard_in_use(parent))


def widget_shortcut(widget: QWidget, key, slot) -> None:
    """``key`` (a key or a standard key) calls ``slot`` while ``widget`` has the focus."""
    shortcut = QShortcut(QKeySequence(key), widget)
    shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
    shortcut.activated.connect(slot)


def down_into(field: QLineEdit, view, before=None) -> None:
    """Down in ``field`` (a search or a filter) goes into ``view``, the list of what it
    found (``before()`` first, when given: a search waiting to be made), the first row
    chosen when none is, as if clicked (it took Tab, or six, before);
    with nothing found the key stays in the field. Escape in ``view`` goes back to the
    field it was last entered from (the first one given, reached by Tab), its text selected
    to be typed over (Escape did nothing there: seen in a real window)."""

    def go() -> None:
        if before is not None:
            before()
        if view.model().rowCount():
            view.escape_to = field
            move_focus(view, keyboard=True)
            if not view.currentIndex().isValid():
                view.setCurrentIndex(view.model().index(0, 0))

    if getattr(view, "escape_to", None) is None:
        view.escape_to = field

        def back() -> None:
            move_focus(view.escape_to, keyboard=True)
            view.escape_to.selectAll()

        widget_shortcut(view, Qt.Key.Key_Escape, back)
    widget_shortcut(field, Qt.Key.Key_Down, go)


class TypingGoesTo(QObject):
    """Text typed on a list goes on in ``field`` (a comment), when the field takes it: a
    clerk on the Queue's list who started a comment typed into nothing (Qt's search by
    first letters jumped between rows), and had to Tab there first. Keys with Ctrl or Alt,
    and a space before anything is typed, stay the list's."""

    def __init__(self, view: QWidget, field: QLineEdit):
        super().__init__(view)
        self.field = field
        view.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() != QEvent.Type.KeyPress or not self.field.isEnabled():
            return False
        text = event.text()
        plain = not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier
            | Qt.KeyboardModifier.AltModifier
            | Qt.KeyboardModifier.MetaModifier
        )
        # a space starts nothing (it is the list's), but goes on a comment already begun
        # (" again" after a comment lost its space: seen in a real window)
        # (an arrow's text is empty, and "" is printable: with a comment begun the arrows
        # went to it, and the clerk could not move past the row, seen in a real window)
        if not plain or not text or not text.isprintable():
            return False
        if not (text.strip() or self.field.text()):
            return False
        move_focus(self.field, keyboard=True)
        self.field.deselect()
        self.field.end(False)
        self.field.insert(text)
        return True


def clear_on_escape(field: QLineEdit) -> None:
    """Escape in ``field`` (a search or a filter) empties it, as in any search field."""
    widget_shortcut(field, Qt.Key.Key_Escape, field.clear)


class ReadRowByRow:
    """For a table read row by row (put before the Qt table class): Home and End go to the
    first and the last row (a plain table moves to the first or last column of the row,
    which looks like nothing), and reached by Tab it selects the row it starts on. Qt made
    the first row current unseen, so the first Down selected the second: row 1 was never
    seen chosen (the audit log, in a real window)."""

    def focusInEvent(self, event):  # noqa: N802 - Qt API
        super().focusInEvent(event)
        current = self.currentIndex()
        if current.isValid() and not self.selectionModel().hasSelection():
            self.selectRow(current.row())

    def moveCursor(self, action, modifiers):  # noqa: N802 - Qt API
        if action in (
            QAbstractItemView.CursorAction.MoveHome,
            QAbstractItemView.CursorAction.MoveEnd,
        ):
            modifiers |= Qt.KeyboardModifier.ControlModifier
        return super().moveCursor(action, modifiers)


class EnterPressesButtons(QObject):
    """Enter on a focused push or tool button of the main window presses it, as Space does:
    a clerk told "Tab to it, then Enter" is not left waiting. Dialogs keep Qt's own rule
    (Return presses the default button, or the focused one), which the questions rely on.
    Installed on the application by the main window."""

    KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
    PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(watched, QPushButton | QToolButton)
            and event.key() in self.KEYS
            and event.modifiers() in self.PLAIN
            and watched.isEnabled()
            and not isinstance(watched.window(), QDialog)
        ):
            watched.click()
            return True
        return False


class KeysShowFocus(QObject):
    """A key pressed means the keyboard is in use, so the focus frame shows where the keys
    go. Qt counts only Tab and shortcuts: a clerk typing an id in the search field at start
    saw a 1 px line round it, fainter than every other focus (seen in a real window). A
    click hides the frame again, as Qt does. Installed on the application by the main
    window."""

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(watched, QWidget)
            and not keyboard_in_use(watched)
        ):
            watched.window().setAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange, True)
            watched.update()  # its frame drawn now (a drop-down list draws its field's)
            if watched.parentWidget() is not None:
                watched.parentWidget().update()
        return False


class FocusFrameAfterOtherWindows(QObject):
    """Qt forgets that the keyboard was in use when another window (the training wizard, a
    question) has been in front: back in the main window the focus had no frame (seen in a
    real window after closing the wizard). Remembered here over the other window's time.
    Installed on the main window by itself; on a dialog, ``keyboard`` says whether the
    window it was opened from was in keyboard use (:func:`frame_from_the_start`)."""

    def __init__(self, window: QWidget, keyboard: bool = False):
        super().__init__(window)
        self.keyboard = keyboard
        window.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.WindowDeactivate:
            self.keyboard = keyboard_in_use(watched)
        elif event.type() == QEvent.Type.WindowActivate and self.keyboard:
            QTimer.singleShot(0, watched, lambda: self._frame_again(watched))
        return False

    def _frame_again(self, window: QWidget) -> None:  # after Qt has handed the focus back
        if window.focusWidget() is not None:
            move_focus(window.focusWidget(), keyboard=True)


class NoTextFromAlt(QObject):
    """Alt with a letter that no button or label of the window answers to (a disabled
    button's, one on another page) typed the letter into the text field that had the focus
    (seen in a real window: Alt+V, "Verify a signature" disabled for a new person, made the
    ID typed "C-201v", ready to be enrolled). Here such a key is refused with a sound.
    Ctrl+Alt still types (Windows' AltGr), and on macOS Option keeps typing its characters.
    Installed on the application by the main window."""

    FIELDS = (QLineEdit, QTextEdit, QPlainTextEdit)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, self.FIELDS):
            return False
        modifiers = event.modifiers()
        alt_only = modifiers & Qt.KeyboardModifier.AltModifier and not modifiers & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.MetaModifier
        )
        if alt_only and event.text().isprintable() and event.text() and sys.platform != "darwin":
            QApplication.beep()
            return True
        return False


class _LetThrough(QObject):
    def __init__(self, widget: QWidget, sequence: QKeySequence):
        super().__init__(widget)
        self.sequence = sequence
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        # kept from the field, the override stays unaccepted: the shortcut is looked for
        return (
            event.type() == QEvent.Type.ShortcutOverride
            and QKeySequence(event.keyCombination()) == self.sequence
        )


def let_shortcut_through(widget: QWidget, key: QKeySequence.StandardKey) -> None:
    """The window's shortcut for ``key`` works with the focus in ``widget``, a text field
    or an editable drop-down list, which would take the key for itself (Ctrl+Z did nothing
    in the Thresholds page's person box, where a keyboard user had just chosen someone:
    seen in a real window). Qt offers the key to the field, then to its parents (the list,
    which hands it to its field again): each declines it here."""
    for target in (widget, *widget.findChildren(QLineEdit)):
        for sequence in QKeySequence.keyBindings(key):
            _LetThrough(target, sequence)
