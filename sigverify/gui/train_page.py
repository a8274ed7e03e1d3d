"""Train: where the training wizard starts, with what it needs explained."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from sigverify.core.build_variant import can_train, training_unavailable_message
from sigverify.gui.keyboard import frame_from_the_start
from sigverify.gui.workers import Engine


class TrainPage(QWidget):
    def __init__(self, engine: Engine, store, models_page, parent=None):
        super().__init__(parent)
        self.engine, self.store, self.models_page = engine, store, models_page
        self.wizard = None
        intro = QLabel(
            self.tr(
                "<h2>Train a model on your own signatures</h2>"
                "<p>For technical users: with genuine signatures (and, if you have them, "
                "skilled forgeries) of many people, you can train a model that fits your "
                "documents, scanners and pens.</p>"
                "<ul><li>One folder per person, with <tt>genuine</tt> and <tt>forged</tt> "
                "sub-folders (CEDAR, SigComp2011 and BHSig260 folders also work).</li>"
                "<li>The more people the better: 50 or more. Each needs at least 2 genuine "
                "signatures.</li>"
                "<li>The wizard keeps some people apart to test the model, and compares it "
                "with the model in use before you switch.</li>"
                "<li>Training uses the computer fully: verifications run between its "
                "steps, a little slower, and enrolments and other changes wait until it "
                "ends or is paused, so train when the desk is quiet.</li></ul>"
            )
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)
        self.start_button = QPushButton(self.tr("Start the training wizard…"))
        self.start_button.setMinimumHeight(36)
        self.start_button.clicked.connect(self.open_wizard)
        self.result = QLabel()
        self.result.setWordWrap(True)
        # Ctrl+6 puts the keys here (they went to the status bar's Operator button, where
        # typing renamed the operator: seen in a real window)
        self.first_field = self.start_button
        if not can_train():  # the desk build: say where training is instead of failing
            self.start_button.setEnabled(False)
            self.result.setText(training_unavailable_message())
            self.first_field = None
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.result)
        layout.addStretch(1)

    def open_wizard(self, overrides: dict | None = None, show: bool = True):
        """A new wizard in a window of its own; the one open already, brought to the front
        (a second one would have trained behind the first; the status bar sends people
        here to pause a training, which its window holds)."""
        from sigverify.gui.train_wizard import TrainWizard

        if show and self.shown_wizard() is not None:
            self.wizard.showNormal()
            self.wizard.raise_()
            self.wizard.activateWindow()
            return self.wizard
        # a window of its own, without a parent: as a dialog of the main window it stayed
        # above it, hid it at 1366 x 768, and minimising it hid sigverify whole (seen in a
        # real window); sigverify's close closes it (:meth:`shown_wizard`)
        self.wizard = TrainWizard(self.engine, self.store, None, overrides)
        # Ctrl+Q quits sigverify from here too, asking as from the main window (it did
        # nothing in the wizard's window: seen in a real window)
        QShortcut(QKeySequence("Ctrl+Q"), self.wizard).activated.connect(self.window().close)
        self.wizard.model_saved.connect(self._saved)
        self.wizard.finished.connect(self._name_start)
        if show:
            # A window of its own, not modal: the main window stays usable meanwhile.
            self.wizard.setWindowModality(Qt.WindowModality.NonModal)
            frame_from_the_start(self.wizard, self)
            self.wizard.show()
            self._name_start()
        return self.wizard

    def shown_wizard(self):
        """The training wizard's window when it is open, else None."""
        return self.wizard if self.wizard is not None and self.wizard.isVisible() else None

    def _name_start(self) -> None:
        """The button says whether it opens the wizard or shows the one open."""
        shown = self.shown_wizard() is not None
        self.start_button.setText(
            self.tr("Show the training wizard (open in its own window)")
            if shown
            else self.tr("Start the training wizard…")
        )

    def _saved(self, installed, activate: bool) -> None:
        self.result.setText(
            (
                self.tr("Saved “{name}”; the Models page says how activating it went.")
                if activate  # (activated, and said as merely saved: seen)
                else self.tr("Saved “{name}”; it is on the Models page.")
            ).format(name=installed.name)
        )
        self.models_page.refresh()
        if activate:
            self.models_page.activate(installed.path, confirmed=True)  # the wizard asked
