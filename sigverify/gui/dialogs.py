"""Message boxes in one place: errors a user can cause in plain words, unexpected ones
logged with a "Copy details" button, and yes/no questions. Tests replace these functions
to answer without a person."""

from __future__ import annotations

import logging
import sys
import traceback

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from sigverify.core.errors import SigverifyError
from sigverify.core.i18n import wide_spacing
from sigverify.gui.keyboard import frame_from_the_start

translate = QCoreApplication.translate
log = logging.getLogger("sigverify.gui")


def setup_logging() -> str:
    """Log to ``sigverify.log`` in the user log folder; returns its path."""
    from sigverify.core.paths import user_log_dir

    path = user_log_dir() / "sigverify.log"
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("sigverify")
    if not any(
        isinstance(h, logging.FileHandler) and h.baseFilename == str(path) for h in root.handlers
    ):
        root.addHandler(handler)
    root.setLevel(logging.INFO)
    return str(path)


def error_text(error: BaseException) -> tuple[str, str | None]:
    """``(message for the user, details to copy or None)``."""
    if isinstance(error, SigverifyError):
        return str(error), None
    if isinstance(error, MemoryError):
        return translate(
            "dialogs", "The computer ran out of memory. Close other programs and try again."
        ), None
    details = getattr(error, "details", None) or "".join(
        traceback.format_exception(type(error), error, error.__traceback__)
    )
    log.error("unexpected error\n%s", details)
    message = translate(
        "dialogs",
        "Something went wrong that sigverify did not expect. Your data is safe. "
        "The details were saved to the log file; please send them to your support team.",
    )
    return message, details


def show_error(parent: QWidget | None, error: BaseException, title: str | None = None) -> None:
    message, details = error_text(error)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning if details is None else QMessageBox.Icon.Critical)
    box.setWindowTitle(title or translate("dialogs", "sigverify"))
    box.setText(wide_spacing(message))
    if details is not None:
        box.setDetailedText(details)
        copy = box.addButton(
            translate("dialogs", "Copy details and close"), QMessageBox.ButtonRole.ActionRole
        )
        copy.clicked.connect(lambda: QApplication.clipboard().setText(details))
    ok = box.addButton(QMessageBox.StandardButton.Ok)
    # Escape closes it as any message box (beside "Copy details", Qt gave it no Escape
    # button: seen in a real window), and Return is OK
    box.setEscapeButton(ok)
    box.setDefaultButton(ok)
    frame_from_the_start(box, parent)
    box.exec()


def ask(parent: QWidget | None, title: str, text: str, yes: str | None = None) -> bool:
    """A yes / Cancel question. Cancel, the safe answer, is the default: Return or Escape
    never confirms a deletion or an override."""
    return choose(parent, title, text, [yes or translate("dialogs", "Yes")]) == 0


class Question(QMessageBox):
    """A message box whose answers take no plain letters: Qt's own presses "&Record it" on
    a bare "r", so a clerk typing ahead (a file name, the next id) answered it unawares.
    Alt + the underlined letter, Tab and Space, and Return / Escape (Cancel) still work."""

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        bare = not event.modifiers() & (
            Qt.KeyboardModifier.AltModifier
            | Qt.KeyboardModifier.ControlModifier
            | Qt.KeyboardModifier.MetaModifier
        )
        if bare and event.text().strip() and event.text().isprintable():
            event.accept()  # a letter, digit or sign: typed for somewhere else
            return
        super().keyPressEvent(event)


def choose(parent: QWidget | None, title: str, text: str, options: list[str]) -> int | None:
    """A question with several answers and Cancel; the index of the answer chosen, or None
    for Cancel, which is the default button (Return) and the Escape button."""
    box = Question(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(wide_spacing(text))
    buttons = [box.addButton(option, QMessageBox.ButtonRole.AcceptRole) for option in options]
    cancel = box.addButton(translate("dialogs", "Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    frame_from_the_start(box, parent)
    box.exec()
    clicked = box.clickedButton()
    return buttons.index(clicked) if clicked in buttons else None


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, wide_spacing(text))


def install_excepthook() -> None:
    """Unexpected exceptions in slots: logged and shown, never a silent crash."""

    def hook(kind, error, tb):
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        error.details = "".join(traceback.format_exception(kind, error, tb))
        show_error(QApplication.activeWindow(), error)

    sys.excepthook = hook


def show_pending(parent: QWidget | None, pending) -> None:
    """A risky change on a shared store was filed, not made: say who must approve it."""
    from sigverify.core.audit_view import action_name

    show_info(
        parent,
        translate("dialogs", "Sent for approval"),
        translate(
            "dialogs",
            "Change {change} ({what}) now waits for another supervisor to approve it. Nothing "
            "changes until then; it is listed under Approvals.",
        ).format(change=pending.id, what=action_name(pending.action)),
    )
    window = parent.window() if parent is not None else None
    if hasattr(window, "show_approvals_count"):  # the main window's Approvals (N)
        window.show_approvals_count()
