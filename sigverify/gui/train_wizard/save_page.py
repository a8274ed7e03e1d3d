"""The wizard's last page: name and describe the model, install it, and activate it if
wanted."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLineEdit,
    QTextEdit,
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
        self.name.textChanged.connect(lambda _: self.completeChanged.emit())

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        if not self.name.text():
            self.name.setText(f"{self.wiz.plan.dataset.root.name}-{time.strftime('%Y%m%d')}")

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return bool(self.name.text().strip())

    def validatePage(self) -> bool:  # noqa: N802 - Qt API
        try:
            self.wiz.save(
                self.name.text().strip(),
                self.description.toPlainText().strip(),
                self.activate.isChecked(),
            )
        except Exception as error:  # noqa: BLE001 - shown to the user
            dialogs.show_error(self, error)
            return False
        return True
