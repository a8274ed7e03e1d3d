"""The training wizard: data folder -> split and options -> training -> evaluation against
the active model -> save (and activate). Runs the same core training as ``sigverify train``
(:func:`sigverify.core.training.run.run_training`) in the app's worker thread."""

from __future__ import annotations

import math
import time
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSlider,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from sigverify.core.data.datasets import LAYOUT_HELP, Dataset
from sigverify.core.errors import SigverifyError
from sigverify.core.i18n import translate
from sigverify.gui import dialogs
from sigverify.gui.qimages import bytes_to_pixmap
from sigverify.gui.widgets import ImageView, clear_tabs, figure_canvas, percent
from sigverify.gui.workers import Engine

# Seconds per training step of 48 images at 150 x 220 on a 2-core laptop CPU (measured:
# cnn 0.97 s, tdnn 0.58 s); other sizes scale with the pixel count, a GPU ~20x faster.
STEP_SECONDS = {"cnn": 0.97, "tdnn": 0.58}
SIZES = ((150, 220), (100, 150))  # the default first


def estimate_seconds(encoder: str, size: tuple[int, int], epochs: int, steps: int, gpu: bool):
    per_step = STEP_SECONDS[encoder] * (size[0] * size[1]) / (150 * 220)
    return epochs * steps * per_step * (1.15 if not gpu else 0.06)  # + validation


def duration(seconds: float) -> str:
    minutes = max(1, round(seconds / 60))
    return f"{minutes} min" if minutes < 90 else f"{minutes / 60:.1f} h"


# ---------------------------------------------------------------------- 1. data


class DataPage(QWizardPage):
    def __init__(self, wizard: TrainWizard):
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Your signatures"))
        self.setSubTitle(
            self.tr(
                "Choose the folder holding genuine signatures and forgeries, one folder per person."
            )
        )
        self.dataset: Dataset | None = None
        self.checked = False
        self._job = None
        self.folder = QLineEdit()
        self.folder.setPlaceholderText(self.tr("Data folder"))
        self.folder.editingFinished.connect(lambda: self.load(self.folder.text()))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self.browse)
        template = QPushButton(self.tr("Create a template folder…"))
        template.clicked.connect(self.create_template)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        row.addWidget(template)
        layout_help = QLabel(
            self.tr("Layouts understood: {help}.").format(help=translate("errors", LAYOUT_HELP))
        )
        layout_help.setWordWrap(True)
        layout_help.setStyleSheet("color: palette(mid);")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.writers = QTableWidget(0, 3)
        self.writers.setHorizontalHeaderLabels(
            [self.tr("Person"), self.tr("Genuine"), self.tr("Forged")]
        )
        self.writers.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.writers.verticalHeader().hide()
        self.writers.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.samples = [ImageView() for _ in range(4)]
        samples = QHBoxLayout()
        for view in self.samples:
            view.setMinimumSize(100, 60)
            samples.addWidget(view)
        self.progress = QProgressBar()
        self.progress.hide()
        self.problems = QListWidget()
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(layout_help)
        layout.addWidget(self.summary)
        body = QHBoxLayout()
        body.addWidget(self.writers, 1)
        right = QVBoxLayout()
        right.addLayout(samples)
        right.addWidget(QLabel(self.tr("Problems found")))
        right.addWidget(self.problems, 1)
        body.addLayout(right, 2)
        layout.addLayout(body, 1)
        layout.addWidget(self.progress)

    def browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Data folder"))
        if folder:
            self.load(folder)

    def create_template(self) -> None:
        from sigverify.core.data.datasets import write_template_folder

        folder, _ = QFileDialog.getSaveFileName(self, self.tr("New data folder"))
        if not folder:
            return
        try:
            write_template_folder(folder)
        except SigverifyError as error:
            dialogs.show_error(self, error)
            return
        self.folder.setText(folder)
        dialogs.show_info(
            self,
            self.tr("Template folder"),
            self.tr(
                "Created {folder}. Put each person's signatures in their own folder "
                "(see README.txt there), then choose the folder again."
            ).format(folder=folder),
        )

    def load(self, folder: str) -> None:
        from sigverify.core.data.datasets import read_dataset

        folder = folder.strip()
        if not folder or (self.dataset is not None and str(self.dataset.root) == folder):
            return
        self.folder.setText(folder)
        self.dataset, self.checked = None, False
        self.writers.setRowCount(0)
        self.problems.clear()
        for view in self.samples:
            view.set_pixmap(None)
        try:
            dataset = read_dataset(folder)
        except SigverifyError as error:
            self.summary.setText(str(error))
            self.completeChanged.emit()
            return
        self.dataset = dataset
        self.summary.setText(
            self.tr(
                "{layout} layout: {writers} people ({usable} usable), {genuine} genuine "
                "and {forged} forged signatures."
            ).format(
                layout=dataset.layout,
                writers=len(dataset.writers),
                usable=len(dataset.usable_writers()),
                genuine=dataset.genuine_count,
                forged=dataset.forged_count,
            )
        )
        self.writers.setRowCount(len(dataset.writers))
        for row, writer in enumerate(dataset.writers):
            for col, value in enumerate((writer.id, len(writer.genuine), len(writer.forged))):
                item = QTableWidgetItem(str(value))
                if col:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight)
                self.writers.setItem(row, col, item)
        examples = []
        for writer in dataset.usable_writers()[:2]:
            examples += writer.genuine[:1] + writer.forged[:1]
        for view, path in zip(self.samples, examples, strict=False):
            try:
                view.set_pixmap(bytes_to_pixmap(Path(path).read_bytes()))
                view.setToolTip(str(path))
            except (OSError, SigverifyError):
                pass
        self._show_problems()
        self.check_images()

    def check_images(self) -> None:
        """Read every image in the worker (damaged, blank...), with progress."""
        from sigverify.core.data.datasets import check_images

        dataset = self.dataset
        self.progress.show()
        self.progress.setFormat(self.tr("Checking images… %v / %m"))

        def progress(done, total):
            self.progress.setRange(0, total)
            self.progress.setValue(done)

        def done(_):
            self._job = None
            self.progress.hide()
            if dataset is self.dataset:
                self.checked = True
                self._show_problems()
                self.completeChanged.emit()

        self._job = self.wiz.engine.submit(
            lambda context, job: check_images(dataset, on_progress=job.progress),
            done,
            lambda error: (dialogs.show_error(self, error), done(None)),
            progress,
        )

    def _show_problems(self) -> None:
        self.problems.clear()
        if self.dataset is None:
            return
        for problem in self.dataset.problems:
            where = f" ({Path(problem.path).name})" if problem.path else ""
            mark = "⛔" if problem.severity == "error" else "⚠"
            self.problems.addItem(f"{mark} {problem.message}{where}")
        if not self.dataset.problems:
            self.problems.addItem(self.tr("None"))
        usable = len(self.dataset.usable_writers())
        if usable < 3:
            self.problems.addItem(
                self.tr(
                    "⛔ At least 3 usable people are needed (training, validation and "
                    "test each need their own); {n} found."
                ).format(n=usable)
            )

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return self.dataset is not None and self.checked and len(self.dataset.usable_writers()) >= 3

    def cleanupPage(self) -> None:  # noqa: N802 - Qt API
        if self._job is not None:
            self._job.cancel()


# ---------------------------------------------------------------------- 2. options


class OptionsPage(QWizardPage):
    def __init__(self, wizard: TrainWizard):
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Split and options"))
        self.setSubTitle(
            self.tr(
                "People are split so that nobody's signatures are in two parts: the model "
                "is tested on people it never saw."
            )
        )
        self.validation = QSpinBox()
        self.validation.setRange(5, 40)
        self.validation.setValue(15)
        self.validation.setSuffix(" %")
        self.test = QSpinBox()
        self.test.setRange(5, 40)
        self.test.setValue(15)
        self.test.setSuffix(" %")
        self.split_label = QLabel()
        self.encoder = QComboBox()
        self.encoder.addItem(self.tr("CNN (SigNet family, recommended)"), "cnn")
        self.encoder.addItem(self.tr("TDNN (reads the signature as a sequence)"), "tdnn")
        self.loss = QComboBox()
        self.loss.addItem(self.tr("Contrastive"), "contrastive")
        self.loss.addItem(self.tr("Triplet"), "triplet")
        self.epochs = QSpinBox()
        self.epochs.setRange(1, 200)
        self.epochs.setValue(20)
        self.size = QComboBox()
        self.size.addItem(self.tr("150 × 220 (default)"), SIZES[0])
        self.size.addItem(self.tr("100 × 150 (faster)"), SIZES[1])
        self.augment = QSlider(Qt.Orientation.Horizontal)
        self.augment.setRange(0, 100)
        self.augment.setValue(50)
        self.device = QComboBox()
        self.device.addItem(self.tr("Automatic"), "auto")
        self.device.addItem(self.tr("CPU"), "cpu")
        self.scratch = QRadioButton(self.tr("From scratch"))
        self.scratch.setChecked(True)
        self.finetune = QRadioButton(self.tr("Fine-tune the active model"))
        self.estimate = QLabel()
        self.estimate.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Validation people"), self.validation)
        form.addRow(self.tr("Test people"), self.test)
        form.addRow("", self.split_label)
        form.addRow(self.tr("Encoder"), self.encoder)
        form.addRow(self.tr("Loss"), self.loss)
        form.addRow(self.tr("Epochs"), self.epochs)
        form.addRow(self.tr("Image size"), self.size)
        form.addRow(self.tr("Augmentation"), self.augment)
        form.addRow(self.tr("Device"), self.device)
        start = QHBoxLayout()
        start.addWidget(self.scratch)
        start.addWidget(self.finetune)
        form.addRow(self.tr("Start"), start)
        form.addRow(self.tr("Time"), self.estimate)
        for signal in (
            self.validation.valueChanged,
            self.test.valueChanged,
            self.epochs.valueChanged,
            self.encoder.currentIndexChanged,
            self.size.currentIndexChanged,
            self.device.currentIndexChanged,
        ):
            signal.connect(lambda *_: self._update())
        self.finetune.toggled.connect(self._finetune_toggled)

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        import torch

        if self.device.count() == 2 and torch.cuda.is_available():
            self.device.addItem(
                self.tr("GPU: {name}").format(name=torch.cuda.get_device_name(0)), "cuda"
            )
        self.finetune.setEnabled(self.wiz.engine.model is not None)
        self._update()

    def _finetune_toggled(self, on: bool) -> None:
        info = self.wiz.engine.model
        if on and info is not None:
            self.encoder.setCurrentIndex(self.encoder.findData(info.card.encoder))
            size = (info.card.preprocess.get("height"), info.card.preprocess.get("width"))
            index = self.size.findData(size)
            if index < 0:
                self.size.addItem(f"{size[0]} × {size[1]}", size)
                index = self.size.count() - 1
            self.size.setCurrentIndex(index)
        self.encoder.setEnabled(not on)
        self.size.setEnabled(not on)

    def split(self):
        from sigverify.core.data.datasets import split_datasets

        return split_datasets(
            [self.wiz.data_page.dataset], self.validation.value() / 100, self.test.value() / 100
        )[0]

    def _update(self) -> None:
        if self.wiz.data_page.dataset is None:
            return
        split = self.split()
        self.split_label.setText(
            self.tr("{train} people for training, {val} for validation, {test} for testing").format(
                train=len(split.train), val=len(split.validation), test=len(split.test)
            )
        )
        steps = self.wiz.overrides.get("steps_per_epoch", 100)
        gpu = self.device.currentData() == "cuda" or (
            self.device.currentData() == "auto" and self.device.count() > 2
        )
        seconds = estimate_seconds(
            self.encoder.currentData(), self.size.currentData(), self.epochs.value(), steps, gpu
        )
        self.estimate.setText(
            self.tr(
                "At most about {time} on this computer ({where}); training stops earlier "
                "when the validation people stop improving."
            ).format(time=duration(seconds), where=self.tr("GPU") if gpu else self.tr("CPU"))
        )
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        if self.wiz.data_page.dataset is None:
            return False
        split = self.split()
        return bool(split.train and split.validation)

    def config(self):
        from sigverify.core.imaging.preprocessing import PreprocessConfig
        from sigverify.core.training.config import TrainConfig

        height, width = self.size.currentData()
        overrides = dict(self.wiz.overrides)
        init_from = (
            str(self.wiz.engine.model.path)
            if self.finetune.isChecked() and self.wiz.engine.model
            else None
        )
        values = {
            "encoder": self.encoder.currentData(),
            "loss": self.loss.currentData(),
            "epochs": self.epochs.value(),
            "augment": self.augment.value() / 100,
            "device": self.device.currentData(),
            "preprocess": PreprocessConfig(height=height, width=width).to_dict(),
            "init_from": init_from,
            "threads": self.wiz.engine_threads,
        }
        values.update(overrides)
        return TrainConfig(**values)


# ---------------------------------------------------------------------- 3. training


class TrainingPage(QWizardPage):
    def __init__(self, wizard: TrainWizard):
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Training"))
        self.setSubTitle(
            self.tr(
                "The window stays usable, but verifications wait until training ends: "
                "train when the desk is quiet. Cancel keeps the best model so far."
            )
        )
        self.run = None
        self.job = None
        self.history: list[dict] = []
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.epoch_bar = QProgressBar()
        self.total_bar = QProgressBar()
        self.time_left = QLabel()
        self.pause_button = QPushButton(self.tr("Pause"))
        self.pause_button.clicked.connect(self.toggle_pause)
        self.cancel_button = QPushButton(self.tr("Cancel training"))
        self.cancel_button.clicked.connect(self.cancel)
        self.canvas_holder = QVBoxLayout()
        self.canvas = None
        self.log = QPlainTextEdit()
        self.log.setReadOnly(True)
        self.log.setMaximumBlockCount(2000)
        buttons = QHBoxLayout()
        buttons.addWidget(self.time_left, 1)
        buttons.addWidget(self.pause_button)
        buttons.addWidget(self.cancel_button)
        form = QFormLayout()
        form.addRow(self.tr("This epoch"), self.epoch_bar)
        form.addRow(self.tr("In all"), self.total_bar)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addLayout(self.canvas_holder, 2)
        layout.addWidget(self.log, 1)

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        if self.job is not None or self.run is not None:
            return  # already running or done (back and forth in the wizard)
        from sigverify.core.paths import user_data_dir
        from sigverify.core.training.run import TrainingPlan, run_training

        config = self.wiz.options_page.config()
        out = user_data_dir() / "training" / time.strftime("%Y%m%d-%H%M%S")
        dataset = self.wiz.data_page.dataset
        plan = TrainingPlan(
            datasets=[dataset],
            config=config,
            out_dir=out,
            name=dataset.root.name,
            validation=self.wiz.options_page.validation.value() / 100,
            test=self.wiz.options_page.test.value() / 100,
        )
        self.wiz.output_dir = out
        self.plan = plan
        self._log(
            self.tr("Training a {encoder} model ({loss} loss) into {out}").format(
                encoder=config.encoder, loss=config.loss, out=out
            )
        )

        def work(context, job):
            def reading(part):
                def progress(done, total):
                    job.report(("reading", part, done, total))
                    return not job.cancelled

                return progress

            return run_training(plan, reading, on_progress=lambda p: job.report(p))

        self.job = self.wiz.engine.submit(work, self._done, self._failed, on_report=self._report)
        self.status.setText(self.tr("Reading the signatures…"))

    def _stage_text(self, progress) -> str:
        """What training is doing, in the user's language (core's messages are English)."""
        if progress.phase == "train":
            return self.tr("training")
        if progress.phase == "whiten":
            return self.tr("trying the best epoch with whitened embeddings")
        if progress.phase == "validate" and progress.validation_eer is None:
            return self.tr("measuring on the validation people")
        if progress.phase == "validate":
            return self.tr("validation EER {eer:.1%}").format(eer=progress.validation_eer)
        return self.tr("finished")

    def _log(self, text: str) -> None:
        self.log.appendPlainText(f"{time.strftime('%H:%M:%S')}  {text}")

    def _report(self, value) -> None:
        if isinstance(value, tuple):
            _, part, done, total = value
            parts = {
                "train": self.tr("training"),
                "validation": self.tr("validation"),
                "test": self.tr("test"),
            }
            self.status.setText(
                self.tr("Reading the {part} signatures… {done} / {total}").format(
                    part=parts.get(part, part), done=done, total=total
                )
            )
            self.epoch_bar.setRange(0, total)
            self.epoch_bar.setValue(done)
            return
        progress = value
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
        if progress.validation_eer is not None and progress.phase != "train":
            record = {
                "epoch": progress.epoch,
                "loss": progress.loss if progress.loss is not None else math.nan,
                "validation_eer": progress.validation_eer,
            }
            if not self.history or self.history[-1]["epoch"] != progress.epoch:
                self.history.append(record)
                self._log(
                    self.tr("epoch {epoch}: loss {loss:.4f}, validation EER {eer:.1%}").format(
                        epoch=progress.epoch, loss=record["loss"], eer=progress.validation_eer
                    )
                )
                self._plot()

    def _plot(self) -> None:
        from sigverify.core.evaluation.plots import training_figure

        canvas = figure_canvas(training_figure(self.history))
        if self.canvas is not None:
            self.canvas_holder.removeWidget(self.canvas)
            self.canvas.deleteLater()
        self.canvas = canvas
        self.canvas_holder.addWidget(canvas)

    def toggle_pause(self) -> None:
        if self.job is None:
            return
        self.job.paused = not self.job.paused
        self.pause_button.setText(self.tr("Resume") if self.job.paused else self.tr("Pause"))
        self._log(self.tr("Paused.") if self.job.paused else self.tr("Resumed."))

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.job.paused = False
            self._log(self.tr("Cancelling: the best model so far is kept…"))

    def _finish(self) -> None:
        self.job = None
        self.time_left.clear()  # nothing is left once training has ended, however it ended
        self.pause_button.setEnabled(False)
        self.cancel_button.setEnabled(False)
        self.completeChanged.emit()

    def _done(self, run) -> None:
        self.run = run
        result = run.result
        self._finish()
        if result.stopped != "cancelled":  # a cancelled run keeps the bars where it stopped
            self.epoch_bar.setValue(self.epoch_bar.maximum())
        if result.model_dir is None:
            self.status.setText(
                self.tr(
                    "Training stopped before the first epoch ended: no model was saved. "
                    "Go back to start again."
                )
            )
            return
        if result.stopped != "cancelled":
            self.total_bar.setValue(self.total_bar.maximum())
        text = self.tr("Done: best epoch {epoch}, validation EER {eer:.1%}.").format(
            epoch=result.best_epoch, eer=result.best_validation_eer
        )
        if result.whitened:
            text += " " + self.tr(
                "Its embeddings are whitened by the training people's own variation, "
                "which measured better on the validation people."
            )
        if result.stopped == "cancelled":
            text = self.tr("Cancelled; the best model so far is kept. ") + text
        self.status.setText(text)
        self._log(text)
        for problem in run.skipped:
            self._log(
                self.tr("skipped {path}: {message}").format(
                    path=problem.path, message=problem.message
                )
            )

    def _failed(self, error) -> None:
        self._finish()
        self.status.setText(self.tr("Training failed: {error}").format(error=error))
        self._log(str(error))
        dialogs.show_error(self, error)

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return self.run is not None and self.run.result.model_dir is not None


# ---------------------------------------------------------------------- 4. evaluation


class EvaluationPage(QWizardPage):
    def __init__(self, wizard: TrainWizard):
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("How good is it?"))
        self.setSubTitle(
            self.tr("Both models measured on the same test people, whom the new model never saw.")
        )
        self.active_report = None
        self.done = False
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setStyleSheet("font-size: 14px; font-weight: 600;")
        self.table = QTableWidget(5, 2)
        self.table.setVerticalHeaderLabels(
            [
                self.tr("EER"),
                self.tr("AUC"),
                self.tr("FAR skilled"),
                self.tr("FAR random"),
                self.tr("FRR"),
            ]
        )
        self.table.setHorizontalHeaderLabels([self.tr("New model"), self.tr("Active model")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setMaximumHeight(190)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.plots = QTabWidget()
        layout = QVBoxLayout(self)
        layout.addWidget(self.verdict)
        layout.addWidget(self.table)
        layout.addWidget(self.plots, 1)

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        run = self.wiz.training_page.run
        self.done = False
        clear_tabs(self.plots)
        if run.test_report is None or not run.test_report.per_refs:
            self.verdict.setText(self.tr("There were no test people, so nothing was measured."))
            self.done = True
            self.completeChanged.emit()
            return
        refs = 5 if 5 in run.test_report.per_refs else max(run.test_report.per_refs)
        self.refs = refs
        self.verdict.setText(self.tr("Measuring the active model on the same people…"))
        active = self.wiz.engine.model
        writers = run.split.test
        from sigverify.core.imaging.preprocessing import PreprocessConfig

        new_input = PreprocessConfig.from_dict(self.wiz.training_page.plan.config.preprocess)

        def work(context, job):
            from sigverify.core.data.bank import SignatureBank
            from sigverify.core.evaluation.measure import evaluate_model

            service = context.service
            if service is None:
                return None
            model = service.model
            bank = (
                run.test_bank
                if model.preprocess == new_input
                else SignatureBank.from_writers(writers, model.preprocess, job.progress)
            )
            return evaluate_model(model, bank, [refs])

        def done(report):
            self.active_report = report
            self._show(run.test_report, report, active.card.name if active else "")

        def failed(error):
            self._show(run.test_report, None, "")
            dialogs.show_error(self, error)

        self.wiz.engine.submit(work, done, failed)

    def _show(self, new, active, active_name: str) -> None:
        from sigverify.core.evaluation.plots import distance_histogram_figure, roc_figure

        refs = self.refs
        columns = [new.per_refs[refs], active.per_refs.get(refs) if active else None]
        for col, m in enumerate(columns):
            values = (
                ["–"] * 5
                if m is None
                else [
                    percent(m.eer),
                    f"{m.auc:.3f}",
                    percent(m.far_skilled),
                    percent(m.far_random),
                    percent(m.frr),
                ]
            )
            for row, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight)
                self.table.setItem(row, col, item)
        if active_name:
            self.table.setHorizontalHeaderLabels(
                [self.tr("New model"), self.tr("Active: {name}").format(name=active_name)]
            )
        new_m = columns[0]
        if columns[1] is None:
            verdict = self.tr("New model: EER {eer:.1%} with {refs} references.").format(
                eer=new_m.eer, refs=refs
            )
        elif new_m.eer < columns[1].eer:
            verdict = self.tr(
                "The new model is better on these people: EER {new:.1%} against {old:.1%}."
            ).format(new=new_m.eer, old=columns[1].eer)
        else:
            verdict = self.tr(
                "The new model is not better on these people: EER {new:.1%} against {old:.1%}."
            ).format(new=new_m.eer, old=columns[1].eer)
        self.verdict.setText(
            verdict
            + " "
            + self.tr("({n} test people; with few people this is a rough estimate.)").format(
                n=new_m.writers
            )
        )
        new_scores = new.scores[refs]
        self.plots.addTab(
            figure_canvas(distance_histogram_figure(new_scores, title=self.tr("New model"))),
            self.tr("New model: distances"),
        )
        sets, names = [new_scores], [self.tr("new")]
        if active is not None and refs in active.scores:
            self.plots.addTab(
                figure_canvas(
                    distance_histogram_figure(active.scores[refs], title=self.tr("Active model"))
                ),
                self.tr("Active model: distances"),
            )
            sets.append(active.scores[refs])
            names.append(self.tr("active"))
        self.plots.addTab(figure_canvas(roc_figure(sets, names)), self.tr("ROC"))
        self.done = True
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return self.done


# ---------------------------------------------------------------------- 5. save


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
            self.name.setText(f"{self.wiz.data_page.dataset.root.name}-{time.strftime('%Y%m%d')}")

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


# ---------------------------------------------------------------------- the wizard


class TrainWizard(QWizard):
    """``overrides``: extra TrainConfig values (tests use a tiny network)."""

    model_saved = Signal(object, bool)  # InstalledModel, activate

    def __init__(self, engine: Engine, store, parent=None, overrides: dict | None = None):
        super().__init__(parent)
        self.engine, self.store = engine, store
        self.engine_threads = 2
        self.overrides = dict(overrides or {})
        self.output_dir: Path | None = None
        self.saved = None
        self.setWindowTitle(self.tr("Train a model"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.resize(900, 680)
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

    def save(self, name: str, description: str, activate: bool):
        """Copy the trained model into the installed models under ``name``; audited."""
        from sigverify.core.model.card import read_card, write_card
        from sigverify.core.model.catalog import import_model
        from sigverify.core.operators import operator_name

        run = self.training_page.run
        folder = run.result.model_dir
        card = read_card(folder)
        card.name, card.description = name, description
        write_card(card, folder)
        installed = import_model(folder)
        self.store.record(
            operator_name(self.store),
            "train_model",
            None,
            {
                "model": installed.name,
                "path": str(installed.path),
                "data": str(self.data_page.dataset.root),
                "best_validation_eer": run.result.best_validation_eer,
                "activate": activate,
            },
        )
        self.saved = installed
        self.model_saved.emit(installed, activate)
        return installed

    def reject(self) -> None:
        job = self.training_page.job
        if job is not None:
            if not dialogs.ask(
                self,
                self.tr("Stop training"),
                self.tr(
                    "Training is running. Stop it and close the wizard? Nothing is saved "
                    "to your models."
                ),
                self.tr("Stop"),
            ):
                return
            job.cancel()
            job.paused = False
        super().reject()
