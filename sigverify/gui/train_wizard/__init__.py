"""The training wizard: data folder -> split and options -> training -> evaluation against
the active model -> save (and activate). Runs the same core training as ``sigverify train``
(:func:`sigverify.core.training.run.run_training`) in the app's worker thread."""

from __future__ import annotations

import importlib
import threading
from pathlib import Path

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import (
    QWizard,
)

from sigverify.gui import dialogs
from sigverify.gui.keyboard import frame_only_on_focus
from sigverify.gui.panes import within_screen
from sigverify.gui.train_wizard.data_page import DataPage
from sigverify.gui.train_wizard.evaluation_page import EvaluationPage
from sigverify.gui.train_wizard.options_page import OptionsPage
from sigverify.gui.train_wizard.plan import WizardPlan
from sigverify.gui.train_wizard.save_page import SavePage
from sigverify.gui.train_wizard.training_page import TrainingPage
from sigverify.gui.workers import Engine


def import_in_background(module: str) -> threading.Thread:
    """Start importing ``module`` in a thread of its own (an ``import`` of it elsewhere then
    waits for this one to end instead of starting again)."""
    thread = threading.Thread(
        target=importlib.import_module, args=(module,), name=f"import {module}", daemon=True
    )
    thread.start()
    return thread


class TrainWizard(QWizard):
    """``overrides``: extra TrainConfig values (tests use a tiny network)."""

    model_saved = Signal(object, bool)  # InstalledModel, activate

    def __init__(self, engine: Engine, store, parent=None, overrides: dict | None = None):
        super().__init__(parent)
        self.engine, self.store = engine, store
        self.engine_threads = 2
        self.overrides = dict(overrides or {})
        self.output_dir: Path | None = None
        self.left_run: Path | None = None  # a run's folder dropped, waiting for the worker
        self.saved = None
        self.plan = WizardPlan()  # what each page hands on to the next
        # torch takes seconds to import, and the options page needs it (the GPU in its list
        # of devices): imported while the first page is read, Next no longer stalls with
        # no sign of work (about 5 s, seen in a real window)
        import_in_background("torch")
        self.setWindowTitle(self.tr("Train a model"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.resize(within_screen(self, QSize(900, 680)))
        self.data_page = DataPage(self)
        self.options_page = OptionsPage(self)
        self.training_page = TrainingPage(self)
        self.evaluation_page = EvaluationPage(self)
        self.save_page = SavePage(self)
        for page in (
            self.data_page,
            self.options_page,
            self.training_page,
            self.evaluation_page,
            self.save_page,
        ):
            self.addPage(page)
        buttons = QWizard.WizardButton
        frame_only_on_focus(
            self,
            [
                self.button(b)
                for b in (
                    buttons.BackButton,
                    buttons.NextButton,
                    buttons.CommitButton,
                    buttons.FinishButton,
                    buttons.CancelButton,
                )
            ],
            primary=[
                self.button(b)
                for b in (buttons.NextButton, buttons.CommitButton, buttons.FinishButton)
            ],
        )

    def save(self, name: str, description: str, activate: bool, on_error=None) -> None:
        """In the worker, like every store write: copy the trained model into the installed
        models under ``name`` and audit it; then ``model_saved`` and the wizard closes.
        ``on_error(error)`` if it fails (the wizard stays open)."""
        from sigverify.core.active_model import offered_models
        from sigverify.core.model.card import read_card, write_card
        from sigverify.core.model.catalog import import_model
        from sigverify.core.operators import operator_name

        result, data = self.plan.run.result, str(self.plan.dataset.root)
        listed = offered_models(self.store, self.engine.model_path)

        def work(context, job):
            card = read_card(result.model_dir)
            card.name, card.description = name, description
            write_card(card, result.model_dir)
            installed = import_model(result.model_dir, listed)
            context.store.record(
                operator_name(context.store),
                "train_model",
                None,
                {
                    "model": installed.name,
                    "path": str(installed.path),
                    "data": data,
                    "best_validation_eer": result.best_validation_eer,
                    "activate": activate,
                },
            )
            return installed

        def done(installed) -> None:
            self.saved = installed
            self.model_saved.emit(installed, activate)
            self.accept()  # validates the last page again, which now lets it close

        self.engine.submit(work, done, on_error)

    def reject(self) -> None:
        if self.may_close():
            self.close_asked()

    def may_close(self, quitting: bool = False) -> bool:
        """Whether the wizard may close, having asked about what closing loses: a training
        running or a model trained and not saved (nothing is stopped yet:
        :meth:`close_asked`); ``quitting``: asked as sigverify quits (the wizard's own
        window: the main window's close left it, and dropped a model trained for hours
        unasked)."""
        job = self.training_page.job
        if quitting and (job is not None or self._unsaved_model()):
            self.showNormal()  # the question over the wizard it is about, minimised or not
            self.raise_()
        if job is not None:
            if not dialogs.ask(
                self,
                self.tr("Stop training"),
                self.tr(
                    "Training is running. Stop it and quit sigverify? Nothing is saved to "
                    "your models."
                )
                if quitting
                else self.tr(
                    "Training is running. Stop it and close the wizard? Nothing is saved "
                    "to your models."
                ),
                self.tr("&Stop and quit") if quitting else self.tr("&Stop"),
            ):
                return False
        elif self._unsaved_model() and not dialogs.ask(
            self,
            self.tr("Model not saved"),
            self.tr(
                "The model trained in the training wizard is not saved to your models. Quit "
                "sigverify and drop it?"
            )
            if quitting
            else self.tr(
                "The model trained here is not saved to your models. Close the wizard and drop it?"
            ),
            self.tr("&Drop it and quit") if quitting else self.tr("&Drop it"),
        ):  # (Escape dropped a finished model at once: seen in a real window)
            return False
        return True

    def close_asked(self) -> None:
        """Close after :meth:`may_close` said yes: a training running stops, and the run's
        folder goes (:meth:`done`). (Quitting stops it only here: a later question may
        still keep sigverify open, with the training going on.)"""
        job = self.training_page.job
        if job is not None:
            job.cancel()
            self.engine.pause(job, False)
        super().reject()

    def done(self, result: int) -> None:  # noqa: N802 - Qt API
        """Closed, saved or not: the run's folder goes (a saved model was copied to the
        models; each dropped run left about 11 MB in the user data folder). QWizard checks
        the page first and may stay open."""
        super().done(result)
        if not self.isVisible():
            self.remove_run()

    def remove_run(self) -> None:
        """Delete the last run's folder, in the worker: after the run itself, which may
        still be stopping."""
        from sigverify.core.paths import remove_training_run

        folder, self.output_dir = self.output_dir, None
        if folder is not None:
            self.left_run = folder  # until the worker has removed it (see remove_left_run)

            def removed(_) -> None:
                if self.left_run == folder:
                    self.left_run = None

            self.engine.submit(lambda context, job: remove_training_run(folder), removed)

    def remove_left_run(self) -> None:
        """Once the worker has stopped (sigverify quitting): the folder of a run dropped
        and not removed yet, removed now (the worker stopped before its turn, and each run
        quit during its training left about 11 MB behind: a review found)."""
        from sigverify.core.paths import remove_training_run

        if self.left_run is not None:
            remove_training_run(self.left_run)
            self.left_run = None

    def _unsaved_model(self) -> bool:
        run = self.plan.run
        return self.saved is None and run is not None and run.result.model_dir is not None
