"""The wizard's last page: name and describe the model, install it, and activate it if
wanted."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTextEdit,
    QWizard,
    QWizardPage,
)

from sigverify.core.active_model import offered_models
from sigverify.core.i18n import percent_text
from sigverify.core.model.catalog import model_named
from sigverify.gui import dialogs

if TYPE_CHECKING:
    from sigverify.gui.train_wizard import TrainWizard


class SavePage(QWizardPage):
    def __init__(self, wizard: TrainWizard):
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Save"))
        self.setSubTitle(
            self.tr(
                "The model is added to the Models page. The previous model stays there, "
                "so you can go back to it."
            )
        )
        self.name = QLineEdit()
        self.description = QTextEdit()
        self.description.setMaximumHeight(90)
        # Tab leaves the field (it typed a tab into the description, and the keys had no
        # way on to the check box below: seen in a real window); each field has its key
        self.description.setTabChangesFocus(True)
        self.activate = QCheckBox(self.tr("&Use it from now on (activate)"))
        form = QFormLayout(self)
        form.addRow(self.tr("Na&me"), self.name)
        form.addRow(self.tr("&Description"), self.description)
        form.addRow("", self.activate)
        self.status = QLabel()
        self.status.setWordWrap(True)
        form.addRow("", self.status)
        self.saving = False
        self.name.textChanged.connect(lambda _: self.completeChanged.emit())

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        if not self.name.text():
            self.name.setText(f"{self.wiz.plan.dataset.root.name}-{time.strftime('%Y%m%d')}")

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return bool(self.name.text().strip())

    def validatePage(self) -> bool:  # noqa: N802 - Qt API
        """Finish: the model is saved in the worker first (the wizard closes once it is
        written; see :meth:`TrainWizard.save`)."""
        if self.wiz.saved is not None:
            return True
        if not self.saving and self._name_taken():
            return False
        if not self.saving and self.activate.isChecked() and not self._activate_anyway():
            return False
        if not self.saving:
            self.saving = True
            self.status.setStyleSheet("")
            self.status.setText(self.tr("Saving the model…"))
            self.wiz.button(QWizard.WizardButton.FinishButton).setEnabled(False)
            self.wiz.save(
                self.name.text().strip(),
                self.description.toPlainText().strip(),
                self.activate.isChecked(),
                on_error=self._save_failed,
            )
        return False

    def _name_taken(self) -> bool:
        """A name a listed model has is refused, said under the form, the name chosen to
        be typed again: results and the audit log name a model by it (a second model
        saved under one name could not be told from the first: seen in a real window)."""
        name = " ".join(self.name.text().split())
        listed = offered_models(self.wiz.store, self.wiz.engine.model_path)
        taken = model_named(name, listed)
        if taken is None:
            return False
        self.status.setText(
            self.tr(
                "A model named “{name}” is on the Models page already: choose another name, "
                "so that results and the audit log tell the two apart."
            ).format(name=taken.name)
        )
        self.status.setStyleSheet("color: #c62828;")
        self.name.setFocus()
        self.name.selectAll()
        return True

    def _activate_anyway(self) -> bool:
        """A model that measured worse than the active one on the test people is activated
        only when the user says so (it was, without a word: seen in a real window)."""
        worse = self.wiz.evaluation_page.worse
        if worse is None:
            return True
        return dialogs.ask(
            self,
            self.tr("Activate a model that is not better?"),
            self.tr(
                "On the test people the new model was not better than the active one (EER "
                "{new} against {old}). Activate it anyway? Every verification would use "
                "it from now on. Untick “activate” to save it without using it."
            ).format(new=percent_text(worse[0], ".1f"), old=percent_text(worse[1], ".1f")),
            self.tr("&Activate anyway"),
        )

    def _save_failed(self, error) -> None:
        self.saving = False
        self.status.clear()
        self.wiz.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        dialogs.show_error(self, error)
