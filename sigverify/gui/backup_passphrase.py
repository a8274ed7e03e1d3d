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
    passphrase_problem,
    set_backup_passphrase,
)
from sigverify.core.operators import operator_name
from sigverify.gui import dialogs


def _hidden() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMinimumWidth(320)
    return field


class BackupPassphraseDialog(QDialog):
    """Set the passphrase backups are encrypted with, change it (the current one typed
    first), or stop protecting them. The change runs in the worker (stretching a
    passphrase takes half a second); the dialog stays open, with what was typed, until it
    is made, and says there why it was refused."""

    def __init__(self, window, protected: bool, done):
        super().__init__(window)
        self.window, self.protected, self.done_with = window, protected, done
        self.setWindowTitle(self.tr("Backup passphrase"))
        layout = QVBoxLayout(self)
        note = QLabel(
            self.tr(
                "A backup holds every signature of the store. With a passphrase, every backup "
                "from now on (by hand or daily) is encrypted, and restoring it asks for the "
                "passphrase; backing up does not. Write it down and keep it apart from the "
                "backups: without it no one can restore them, not even sigverify's makers."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        self.current = _hidden()
        if protected:
            form.addRow(self.tr("&Current passphrase:"), self.current)
        self.new, self.again = _hidden(), _hidden()
        form.addRow(self.tr("&New passphrase:"), self.new)
        form.addRow(self.tr("New passphrase &again:"), self.again)
        layout.addLayout(form)
        self.problem = QLabel("")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b3261e")
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
        (self.current if protected else self.new).setFocus()

    def make(self, passphrase: str | None) -> None:
        """Set ``passphrase`` (None: stop protecting backups), in the worker."""
        if passphrase is not None:
            problem = passphrase_problem(passphrase, self.again.text())
            if problem:
                self.problem.setText(problem)
                self.again.setFocus()
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
        window, current = self.window, self.current.text() if self.protected else None
        operator = operator_name(window.store)
        self.problem.setText(self.tr("Working…"))
        self.buttons.setEnabled(False)

        def made(key) -> None:
            self.accept()
            self.done_with(key)

        def failed(error) -> None:
            self.buttons.setEnabled(True)
            if isinstance(error, WrongPassphraseError):
                self.problem.setText(
                    self.tr("That is not the current passphrase: nothing was changed.")
                )
                self.current.selectAll()
                self.current.setFocus()
            else:
                self.problem.setText("")
                dialogs.show_error(self, error, self.windowTitle())

        window.engine.submit(
            lambda context, job: set_backup_passphrase(
                context.store, passphrase, operator, current
            ),
            made,
            failed,
        )


def ask_backup_passphrase(parent, path: str, wrong: bool) -> str | None:
    """The passphrase of the encrypted backup ``path``, typed (None: cancelled);
    ``wrong``: the one typed before did not open it."""
    text = QCoreApplication.translate(
        "BackupPassphrase", "“{file}” is encrypted. Its passphrase:"
    ).format(file=Path(path).name)
    if wrong:
        text = QCoreApplication.translate(
            "BackupPassphrase",
            "That is not the passphrase of “{file}”: a backup opens with the passphrase set "
            "when it was made. Its passphrase:",
        ).format(file=Path(path).name)
    passphrase, ok = QInputDialog.getText(
        parent,
        QCoreApplication.translate("BackupPassphrase", "Restore from a backup"),
        text,
        QLineEdit.EchoMode.Password,
    )
    return passphrase if ok and passphrase else None
