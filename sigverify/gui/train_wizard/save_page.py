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
        self.activate = QCheckBox(self.tr("Use it from now on (activate)"))
        form = QFormLayout(self)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Description"), self.description)
        form.addRow("", self.activate)
        self.status = QLabel()
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
        if not self.saving:
            self.saving = True
            self.status.setText(self.tr("Saving the model…"))
            self.wiz.button(QWizard.WizardButton.FinishButton).setEnabled(False)
            self.wiz.save(
                self.name.text().strip(),
                self.description.toPlainText().strip(),
                self.activate.isChecked(),
                on_error=self._save_failed,
            )
        return False

    def _save_failed(self, error) -> None:
        self.saving = False
        self.status.clear()
        self.wiz.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        dialogs.show_error(self, error)
