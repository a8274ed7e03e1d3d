"""A person card's passphrase: chosen as it is exported (:class:`CardPassphraseDialog`,
or saved without one, said so), and typed to import it (:func:`ask_card_passphrase`);
see :mod:`sigverify.core.card_encryption`."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

from sigverify.core.passphrase_rules import passphrase_problem
from sigverify.gui.backup_passphrase import ask_hidden, hidden_field


class CardPassphraseDialog(QDialog):
    """Protect a card with a passphrase typed twice (refused, in red, when easy to guess),
    or save it without one; :attr:`chosen` is the passphrase, "" for none, None when
    cancelled."""

    def __init__(self, parent, person: str, file: str):
        super().__init__(parent)
        self.chosen: str | None = None
        self.setWindowTitle(self.tr("Protect the card"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The card “{file}” holds the signatures of {person}. With a passphrase, only "
                "someone who types it can import the card or see them. Tell it to whoever "
                "imports the card apart from the file (by phone, not in the same e-mail)."
            ).format(file=file, person=person)
        )
        intro.setWordWrap(True)
        intro.setMinimumWidth(440)
        layout.addWidget(intro)
        form = QFormLayout()
        self.passphrase, self.again = hidden_field(new=True), hidden_field()
        form.addRow(self.tr("&Passphrase:"), self.passphrase)
        form.addRow(self.tr("Passphrase &again:"), self.again)
        layout.addLayout(form)
        self.problem = QLabel("")  # why a passphrase was refused, in red
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b3261e")
        # room for three lines from the start: a three-line reason cut the text above it
        # (seen in a real window: the dialog did not grow)
        self.problem.setMinimumHeight(3 * self.problem.fontMetrics().lineSpacing() + 4)
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox()
        # (Alt+P was the passphrase's too, and never saved: seen); created in the order
        # Tab takes them, Cancel last (it came first)
        self.protect_button = buttons.addButton(
            self.tr("Protect and &save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.plain_button = buttons.addButton(
            self.tr("Save &without a passphrase"), QDialogButtonBox.ButtonRole.ActionRole
        )
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.protect_button.clicked.connect(self.protect)
        self.plain_button.clicked.connect(self.without)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.protect_button.setDefault(True)  # Enter protects (set in the dialog: before, lost)
        self.finished.connect(self._forget)  # (what was typed goes with the dialog)
        self.passphrase.setFocus()

    def protect(self) -> None:
        problem = passphrase_problem(self.passphrase.text(), self.again.text())
        if problem:
            self.problem.setText(problem)
            (self.again if self.passphrase.text() else self.passphrase).setFocus()
            return
        self.chosen = self.passphrase.text()
        self.accept()

    def without(self) -> None:
        self.chosen = ""
        self.accept()

    def _forget(self) -> None:
        self.passphrase.clear()
        self.again.clear()


def ask_new_card_passphrase(parent, person: str, file: str) -> str | None:
    """The passphrase a card is to be encrypted with, "" to save it without one, None
    when cancelled."""
    dialog = CardPassphraseDialog(parent, person, file)
    dialog.exec()
    chosen = dialog.chosen
    dialog.deleteLater()
    return chosen


def ask_card_passphrase(parent, path: str, refused: str | None, tries: int) -> str | None:
    """The passphrase of the encrypted card ``path``, typed (None: cancelled); ``refused``:
    why the one typed before did not open it, ``tries`` typed so far."""
    text = QCoreApplication.translate(
        "CardPassphrase",
        "“{file}” is protected by a passphrase: type the one it was exported with (ask "
        "whoever exported it).",
    ).format(file=Path(path).name)
    if refused:
        tried = QCoreApplication.translate(
            "CardPassphrase", "Tried %n time(s). Its passphrase:", None, tries
        )
        text = "\n\n".join((refused, tried))
    title = QCoreApplication.translate("CardPassphrase", "Import person card")
    return ask_hidden(parent, title, text)
