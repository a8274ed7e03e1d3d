"""The store button's menu > Protect backups with a passphrase… (or change it, or stop):
the dialog, and asking for a backup's passphrase to restore it
(:mod:`sigverify.core.backup_encryption`)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from sigverify.core.backup_encryption import (
    WrongPassphraseError,
    set_backup_passphrase,
    unencrypted_backups,
)
from sigverify.core.operators import operator_name
from sigverify.core.passphrase_rules import SHORTEST_PASSPHRASE, passphrase_problem
from sigverify.gui import dialogs


def hidden_field(new: bool = False) -> QLineEdit:
    """A field for a passphrase; a ``new`` one says the rule before anything is typed
    (the 10 characters were said only once a shorter one was refused: a real-window pass)."""
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMinimumWidth(320)
    if new:
        field.setPlaceholderText(
            QCoreApplication.translate(
                "BackupPassphrase", "at least {count} characters: a few words"
            ).format(count=SHORTEST_PASSPHRASE)
        )
    return field


class BackupPassphraseDialog(QDialog):
    """Set the passphrase backups are encrypted with, change it (the current one typed
    first), or stop protecting them. The change runs in the worker (stretching a
    passphrase takes half a second); the dialog stays open, with what was typed, until it
    is made, and says there why it was refused."""

    def __init__(self, main, protected: bool, done):
        super().__init__(main)
        # (not self.window: that hid QWidget.window(), and Qt's own calls to it failed)
        self.main, self.protected, self.done_with = main, protected, done
        self.setWindowTitle(self.tr("Backup passphrase"))
        layout = QVBoxLayout(self)
        intro = self.tr(
            "A backup holds every signature of the store. With a passphrase, every backup "
            "from now on (by hand or daily) is encrypted, and restoring it asks for the "
            "passphrase; backing up does not. Write it down and keep it apart from the "
            "backups: without it no one can restore them, not even sigverify's makers."
        )
        if protected:
            intro = self.tr(
                "Backups of this store are encrypted. A new passphrase applies to backups "
                "made from now on; each backup made before still opens with the passphrase "
                "it was made under, so keep the old one as long as you keep those backups. "
                "Without a backup's passphrase no one can restore it, not even sigverify's "
                "makers."
            )
        note = QLabel(intro)
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        self.current = hidden_field()
        if protected:
            form.addRow(self.tr("&Current passphrase:"), self.current)
        self.new, self.again = hidden_field(new=True), hidden_field()
        form.addRow(self.tr("&New passphrase:"), self.new)
        form.addRow(self.tr("New passphrase &again:"), self.again)
        layout.addLayout(form)
        self.problem = QLabel("")  # what to do next, or (in red) why it was refused
        self.problem.setWordWrap(True)
        # room for two lines from the start: the dialog did not grow, and a two-line reason
        # cut the text above it (seen in a real window)
        self.problem.setMinimumHeight(2 * self.problem.fontMetrics().lineSpacing() + 4)
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.set_button = buttons.addButton(
            self.tr("&Change the passphrase") if protected else self.tr("&Protect backups"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.stop_button = None
        if protected:
            self.stop_button = buttons.addButton(
                self.tr("&Stop protecting backups"), QDialogButtonBox.ButtonRole.ActionRole
            )
            self.stop_button.clicked.connect(lambda: self.make(None))
        self.set_button.clicked.connect(lambda: self.make(self.new.text()))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.buttons = buttons
        self._working = False
        # what was typed goes with the dialog (closed dialogs kept passphrases: seen)
        self.finished.connect(self._forget)
        (self.current if protected else self.new).setFocus()

    def _forget(self) -> None:
        for field in (self.current, self.new, self.again):
            field.clear()
        self.deleteLater()

    def reject(self) -> None:
        """Escape and Cancel, except while the change is being made (it would be made all
        the same, the dialog gone: seen)."""
        if not self._working:
            super().reject()

    def _say(self, text: str, field: QLineEdit | None = None, refused: bool = False) -> None:
        """``text`` under the fields (red when ``refused``); ``field`` focused."""
        self.problem.setStyleSheet("color: #b3261e" if refused else "")
        self.problem.setText(text)
        if field is not None:
            field.setFocus()

    def make(self, passphrase: str | None) -> None:
        """Set ``passphrase`` (None: stop protecting backups), in the worker."""
        if self.protected and not self.current.text():
            self._say(self.tr("Type the current passphrase first."), self.current)
            return
        if passphrase is not None:
            if not passphrase:
                self._say(self.tr("Type a new passphrase."), self.new)
                return
            if not self.again.text():  # (Enter in the first field: on to the second)
                self._say(self.tr("Type the new passphrase a second time."), self.again)
                return
            problem = passphrase_problem(passphrase, self.again.text())
            if problem:
                self._say(problem, refused=True)
                mistyped = passphrase != self.again.text()
                field = self.again if mistyped else self.new  # (the one to type again)
                field.selectAll()
                field.setFocus()
                return
        elif not dialogs.ask(
            self,
            self.windowTitle(),
            self.tr(
                "Backups made from now on will not be encrypted: anyone holding one can read "
                "every signature in it. Backups made before still need their passphrase."
            ),
            self.tr("&Stop protecting backups"),
        ):
            return
        main, current = self.main, self.current.text() if self.protected else None
        operator = operator_name(main.store)
        self._say(self.tr("Working…"))
        self.buttons.setEnabled(False)
        self._working = True

        def made(result) -> None:
            self._working = False
            self.accept()
            self.done_with(*result)

        def failed(error) -> None:
            self._working = False
            self.buttons.setEnabled(True)
            if isinstance(error, WrongPassphraseError):
                self._say(
                    self.tr("That is not the current passphrase: nothing was changed."),
                    refused=True,
                )
                self.current.selectAll()
                self.current.setFocus()
            else:
                self._say("")
                dialogs.show_error(self, error, self.windowTitle())

        def change(context, job):
            key = set_backup_passphrase(context.store, passphrase, operator, current)
            return key, unencrypted_backups(context.store)

        main.engine.submit(change, made, failed)


def ask_backup_passphrase(
    parent, path: str, key: str, refused: str | None, tries: int
) -> str | None:
    """The passphrase of the encrypted backup ``path`` (its backup key ``key``), typed
    (None: cancelled); ``refused``: why the one typed before did not open it, ``tries``
    typed so far."""
    text = QCoreApplication.translate(
        "BackupPassphrase",
        "“{file}” is encrypted (backup key ID {key}): type the passphrase it was made under.",
    ).format(file=Path(path).name, key=key)
    if refused:
        text = "\n\n".join(
            (
                refused,
                QCoreApplication.translate(
                    "BackupPassphrase", "Tried %n time(s). Its passphrase:", None, tries
                ),
            )
        )
    title = QCoreApplication.translate("BackupPassphrase", "Restore from a backup")
    return ask_hidden(parent, title, text)


def ask_hidden(parent, title: str, text: str) -> str | None:
    """A passphrase typed, not shown, under ``text`` (None: cancelled or empty); the dialog
    goes with what was typed."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(text)
    dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
    label = dialog.findChild(QLabel)  # wrapped: a long file name made it as wide as the screen
    if label is not None:
        label.setWordWrap(True)
        label.setMinimumWidth(380)  # (else squeezed to 250 px, the title cut: seen)
        label.setMaximumWidth(520)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    typed = dialog.textValue()
    dialog.setTextValue("")
    dialog.deleteLater()  # (with what was typed: a dialog kept held its passphrase)
    return typed if accepted and typed else None
