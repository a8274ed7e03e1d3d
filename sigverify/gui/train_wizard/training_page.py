"""The wizard's third page: the training run in the worker, with progress, pause, cancel,
the log and the loss / validation-EER plot; the run goes into the plan."""

from __future__ import annotations

import math
import time
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWizardPage,
)

from sigverify.core.errors import CancelledError
from sigverify.core.i18n import join_sentences, percent_text
from sigverify.gui import dialogs
from sigverify.gui.keyboard import frame_when_focused
from sigverify.gui.model_card_view import encoder_name, loss_name
from sigverify.gui.widgets import duration, figure_canvas

if TYPE_CHECKING:
    from sigverify.gui.train_wizard import TrainWizard


class TrainingPage(QWizardPage):
    def __init__(self, wizard: TrainWizard):
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Training"))
        self.setSubTitle(
            self.tr(
                "The window stays usable: verifications run between training steps, but "
                "enrolments and other changes wait until training ends or is paused, so "
                "train when the desk is quiet. Cancel training keeps the best model so far."
            )
        )
        self.job = None
        self._last = None  # the last progress of an epoch reported
        self.history: list[dict] = []
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.epoch_bar = QProgressBar()
        self.total_bar = QProgressBar()
        self.time_left = QLabel()
        self.pause_button = QPushButton(self.tr("&Pause"))
        self.pause_button.clicked.connect(self.toggle_pause)
        self.cancel_button = QPushButton(self.tr("&Cancel training"))
        self.cancel_button.clicked.connect(self.cancel)
        self.canvas_holder = QVBoxLayout()
        self.canvas = None
        self.log = QPlainTextEdit()
        self.log.setReadOnly(True)
        self.log.setMaximumBlockCount(2000)
        frame_when_focused(self.log)  # Tab reaches it (Page Up scrolls back)
        buttons = QHBoxLayout()
        buttons.addWidget(self.time_left, 1)
        buttons.addWidget(self.pause_button)
        buttons.addWidget(self.cancel_button)
        form = QFormLayout()
        self.epoch_label = QLabel(self.tr("This epoch"))  # ("Reading" while it reads)
        form.addRow(self.epoch_label, self.epoch_bar)
        form.addRow(self.tr("In all"), self.total_bar)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addLayout(self.canvas_holder, 2)
        layout.addWidget(self.log, 1)

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        if self.job is not None or self.wiz.plan.run is not None:
            return  # already running or done (back and forth in the wizard)
        from sigverify.core.paths import training_runs_dir
        from sigverify.core.training.engine import TrainingProgress
        from sigverify.core.training.run import TrainingPlan, run_training

        wanted = self.wiz.plan
        config = wanted.config
        out = training_runs_dir() / time.strftime("%Y%m%d-%H%M%S")
        plan = TrainingPlan(
            datasets=[wanted.dataset],
            config=config,
            out_dir=out,
            name=wanted.dataset.root.name,
            validation=wanted.validation,
            test=wanted.test,
        )
        self.wiz.output_dir = out
        wanted.training = plan
        started = (
            self.tr("Fine-tuning {model} ({loss} loss) into {out}").format(
                model=self.wiz.engine.model.card.name, loss=loss_name(config.loss), out=out
            )
            if config.init_from and self.wiz.engine.model is not None
            else self.tr("Training a {encoder} model ({loss} loss) into {out}").format(
                encoder=encoder_name(config.encoder), loss=loss_name(config.loss), out=out
            )
        )
        self._log(started)

        def work(context, job):
            def reading(part):
                def progress(done, total):
                    job.report(
                        TrainingProgress("reading", 0, config.epochs, done, total, part=part)
                    )
                    return not job.cancelled

                return progress

            return run_training(plan, reading, on_progress=lambda p: job.report(p))

        # yields: a verification and its record at the desk run between its steps (and
        # while it is paused), not after the whole training
        self.job = self.wiz.engine.submit(
            work,
            self._done,
            self._failed,
            on_report=self._report,
            yields=True,
            name=self.tr("the training (Train page)"),
        )
        self.status.setText(self.tr("Reading the signatures…"))
        # no Back while it runs: the options page took changes that this run ignored (seen
        # in a real window); Qt offers no Back past a commit page
        self.wiz.options_page.setCommitPage(True)

    def reset(self) -> None:
        """Empty, for a new training run (the last one's model dropped or never made)."""
        self.wiz.remove_run()
        self.wiz.plan.run = None
        self.history.clear()
        self.log.clear()
        if self.canvas is not None:
            self.canvas_holder.removeWidget(self.canvas)
            self.canvas.deleteLater()
            self.canvas = None
        for bar in (self.epoch_bar, self.total_bar):
            bar.reset()
        self.status.clear()
        self.time_left.clear()
        self.pause_button.setText(self.tr("&Pause"))
        self.pause_button.setEnabled(True)
        self.cancel_button.setEnabled(True)

    def _stage_text(self, progress) -> str:
        """What training is doing, in the user's language (core's messages are English)."""
        if progress.phase == "train":
            return self.tr("training")
        if progress.phase == "whiten":
            return self.tr("trying the best epoch with whitened embeddings")
        if progress.phase == "validate" and progress.validation_eer is None:
            return self.tr("measuring on the validation people")
        if progress.phase == "validate":
            return self.tr("validation EER {eer}").format(
                eer=percent_text(progress.validation_eer, ".1f")
            )
        return self.tr("finished")

    def _log(self, text: str) -> None:
        self.log.appendPlainText(f"{time.strftime('%H:%M:%S')}  {text}")

    def _report(self, progress) -> None:
        if progress.phase == "reading":
            parts = {
                "train": self.tr("training"),
                "validation": self.tr("validation"),
                "test": self.tr("test"),
            }
            self.status.setText(
                self.tr("Reading the {part} signatures… {done} / {total}").format(
                    part=parts.get(progress.part, progress.part),
                    done=progress.step,
                    total=progress.steps,
                )
            )
            self.epoch_label.setText(self.tr("Reading"))  # (not an epoch: 81 %, seen)
            self.epoch_bar.setRange(0, progress.steps)
            self.epoch_bar.setValue(progress.step)
            if self.job is not None and self.job.paused:  # (said, then overwritten: review)
                self._say_paused()
            return
        if progress.phase == "test":  # the model kept, measured on the test people
            self.status.setText(
                self.tr("Measuring the model kept on the test people… {done} / {total}").format(
                    done=progress.step, total=progress.steps
                )
            )
            return
        self.epoch_label.setText(self.tr("This epoch"))
        if self.job is not None and self.job.cancelled:
            # the bars stay where it stopped, and "finished" is not said of an epoch cut
            # short ("Epoch 2 of 3: finished" at 100 % after Cancel: seen in a real window);
            # a validation that was running still counts (it may be the epoch kept)
            if progress.phase in ("whiten", "validate"):  # ("trying…" alone read oddly)
                self.status.setText(
                    self.tr("Cancelling: {stage}…").format(stage=self._stage_text(progress))
                )
            self._record_epoch(progress)
            return
        self.epoch_bar.setRange(0, progress.steps)
        self.epoch_bar.setValue(progress.step)
        self.total_bar.setRange(0, 1000)
        self.total_bar.setValue(int(1000 * progress.fraction))
        if progress.eta_s is not None:
            self.time_left.setText(
                self.tr("About {time} left").format(time=duration(progress.eta_s))
            )
        self.status.setText(
            self.tr("Epoch {epoch} of {epochs}: {message}").format(
                epoch=progress.epoch, epochs=progress.epochs, message=self._stage_text(progress)
            )
        )
        self._last = progress
        if self.job is not None and self.job.paused:  # (the step it stops at, reported)
            self._say_paused()
        self._record_epoch(progress)

    def _say_paused(self) -> None:
        """Paused: said where the run's state is, not only in the log ("Epoch 3 of 3:
        training" and "About 1 min left" stayed: seen in a real window)."""
        last = self._last
        self.status.setText(
            self.tr("Paused at epoch {epoch} of {epochs}: Resume (Alt+R) goes on.").format(
                epoch=last.epoch, epochs=last.epochs
            )
            if last is not None and last.phase != "reading"
            else self.tr("Paused: Resume (Alt+R) goes on.")
        )
        self.time_left.setText(self.tr("Paused"))

    def _record_epoch(self, progress) -> None:
        """An epoch's validation EER, once measured: into the history, the log and the
        plot."""
        if progress.validation_eer is not None and progress.phase != "train":
            record = {
                "epoch": progress.epoch,
                "loss": progress.loss if progress.loss is not None else math.nan,
                "validation_eer": progress.validation_eer,
            }
            if not self.history or self.history[-1]["epoch"] != progress.epoch:
                self.history.append(record)
                self._log(
                    self.tr("epoch {epoch}: loss {loss:.4f}, validation EER {eer}").format(
                        epoch=progress.epoch,
                        loss=record["loss"],
                        eer=percent_text(progress.validation_eer, ".1f"),
                    )
                )
                self._plot()

    def _plot(self, whitened: tuple[int, float] | None = None) -> None:
        from sigverify.core.evaluation.plots import training_figure

        canvas = figure_canvas(training_figure(self.history, whitened))
        if self.canvas is not None:
            self.canvas_holder.removeWidget(self.canvas)
            self.canvas.deleteLater()
        self.canvas = canvas
        self.canvas_holder.addWidget(canvas)

    def toggle_pause(self) -> None:
        if self.job is None:
            return
        self.wiz.engine.pause(self.job, not self.job.paused)
        self.pause_button.setText(self.tr("&Resume") if self.job.paused else self.tr("&Pause"))
        self._log(self.tr("Paused.") if self.job.paused else self.tr("Resumed."))
        if self.job.paused:
            self._say_paused()
        else:
            self.time_left.clear()  # (until the next step says it again)
            self.status.setText(self.tr("Resumed."))

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.wiz.engine.pause(self.job, False)
            # what is kept is said when it is known: before the first epoch ends, nothing
            # (the log promised the best model beside "no model was saved": seen)
            self._log(self.tr("Cancelling…"))
            # at once: Pause and Cancel stayed and "About 3 min left" for the seconds the
            # best model takes to be kept and measured (seen in a real window)
            self.pause_button.setEnabled(False)
            self.cancel_button.setEnabled(False)
            self.time_left.clear()
            self.status.setText(
                self.tr("Cancelling: the best model so far is kept and measured…")
                if self.history
                else self.tr("Cancelling…")
            )

    def _finish(self) -> None:
        self.job = None
        self.wiz.options_page.setCommitPage(False)  # Back again (completeChanged, below)
        self.time_left.clear()  # nothing is left once training has ended, however it ended
        self.pause_button.setEnabled(False)
        self.cancel_button.setEnabled(False)
        self.completeChanged.emit()

    def _done(self, run) -> None:
        self.wiz.plan.run = run
        result = run.result
        self._finish()
        if result.stopped != "cancelled":  # a cancelled run keeps the bars where it stopped
            self.epoch_bar.setValue(self.epoch_bar.maximum())
        if result.model_dir is None:
            self._nothing_trained(
                self.tr(
                    "Training stopped before the first epoch ended: no model was saved. "
                    "Go back to start again."
                )
            )
            return
        if result.stopped != "cancelled":
            self.total_bar.setValue(self.total_bar.maximum())
        text = (
            self.tr("Kept: best epoch {epoch}, validation EER {eer}.")
            if result.stopped == "cancelled"  # ("Cancelled; … Done: best epoch" read oddly)
            else self.tr("Done: best epoch {epoch}, validation EER {eer}.")
        ).format(epoch=result.best_epoch, eer=percent_text(result.best_validation_eer, ".1f"))
        if result.whitened:
            self._plot((result.best_epoch, result.best_validation_eer))  # the EER said here
            text = join_sentences(
                text,
                self.tr(
                    "Its embeddings are whitened by the training people's own variation, "
                    "which measured better on the validation people."
                ),
            )
        if result.stopped == "cancelled":
            text = join_sentences(
                self.tr(
                    "Cancelled after {run} of {epochs} epochs; the best model so far is kept."
                ).format(run=result.epochs_run, epochs=self.wiz.plan.training.config.epochs),
                text,
            )
        self.status.setText(text)
        self._log(text)
        for problem in run.skipped:
            self._log(
                self.tr("skipped {path}: {message}").format(
                    path=problem.path, message=problem.message
                )
            )

    def _nothing_trained(self, text: str) -> None:
        """A run that ended without a model: ``text`` said and logged, the bars emptied
        (not "100 %" of nothing)."""
        self.status.setText(text)
        self._log(text)
        for bar in (self.epoch_bar, self.total_bar):
            bar.reset()

    def _failed(self, error) -> None:
        self._finish()
        if isinstance(error, CancelledError):  # the user's own doing: no "failed", no box
            self._nothing_trained(
                join_sentences(str(error), self.tr("Nothing was trained. Go back to start again."))
            )
            return
        self.status.setText(self.tr("Training failed: {error}").format(error=error))
        self._log(str(error))
        dialogs.show_error(self, error)

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        run = self.wiz.plan.run
        return run is not None and run.result.model_dir is not None
