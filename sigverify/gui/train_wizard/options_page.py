"""The wizard's second page: the writer split, the encoder, input size, epochs, augmentation,
device and fine-tuning, with the time estimate; the settings go into the plan."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSlider,
    QSpinBox,
    QWizard,
    QWizardPage,
)

from sigverify.core.data.splits import DEFAULT_TEST, DEFAULT_VALIDATION
from sigverify.core.i18n import percent_suffix, percent_text
from sigverify.core.training.config import TrainConfig, estimate_seconds
from sigverify.gui import dialogs
from sigverify.gui.language import gui_settings
from sigverify.gui.widgets import duration

if TYPE_CHECKING:
    from sigverify.gui.train_wizard import TrainWizard

SIZES = ((150, 220), (100, 150))  # the default first
#: The settings the last run started with, offered again: each run started at the
#: recommended ones, and a technical user comparing runs set the others again each time
REMEMBERED = "training/options"


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
        self.validation.setSuffix(percent_suffix())  # ("15 %" in Chinese: seen)
        self.test = QSpinBox()
        self.test.setRange(5, 40)
        self.test.setSuffix(percent_suffix())
        self.split_label = QLabel()
        self.encoder = QComboBox()
        self.encoder.addItem(self.tr("CNN (SigNet family, recommended)"), "cnn")
        self.encoder.addItem(self.tr("TDNN (reads the signature as a sequence)"), "tdnn")
        self.loss = QComboBox()
        self.loss.addItem(self.tr("Contrastive"), "contrastive")
        self.loss.addItem(self.tr("Triplet"), "triplet")
        self.epochs = QSpinBox()
        self.epochs.setRange(1, 200)
        self.size = QComboBox()
        self.size.addItem(self.tr("150 × 220 (default)"), SIZES[0])
        self.size.addItem(self.tr("100 × 150 (faster)"), SIZES[1])
        self.augment = QSlider(Qt.Orientation.Horizontal)
        self.augment.setRange(0, 100)
        # the slider alone showed no value (seen in a real window)
        self.augment_value = QLabel()
        self.augment.valueChanged.connect(
            lambda value: self.augment_value.setText(percent_text(value / 100))
        )
        self.augment_value.setText(percent_text(self.augment.value() / 100))
        self.augment_value.setMinimumWidth(
            self.augment_value.fontMetrics().horizontalAdvance("100 %")
        )
        self.device = QComboBox()
        self.device.addItem(self.tr("Automatic"), "auto")
        self.device.addItem(self.tr("CPU"), "cpu")
        self.scratch = QRadioButton(self.tr("From scratch"))
        self.scratch.setChecked(True)
        self.finetune = QRadioButton(self.tr("Fine-tune the active model"))
        self.estimate = QLabel()
        self.estimate.setWordWrap(True)
        self.recommended = QPushButton(self.tr("&Recommended settings"))
        self.recommended.setToolTip(
            self.tr("Set the split and options back to what sigverify recommends")
        )
        self.recommended.clicked.connect(self.recommend)
        form = QFormLayout(self)
        form.addRow(self.tr("Validation people"), self.validation)
        form.addRow(self.tr("Test people"), self.test)
        form.addRow("", self.split_label)
        form.addRow(self.tr("Encoder"), self.encoder)
        form.addRow(self.tr("Loss"), self.loss)
        form.addRow(self.tr("Epochs"), self.epochs)
        form.addRow(self.tr("Image size"), self.size)
        augment = QHBoxLayout()
        augment.addWidget(self.augment, 1)
        augment.addWidget(self.augment_value)
        form.addRow(self.tr("Augmentation"), augment)
        form.addRow(self.tr("Device"), self.device)
        start = QHBoxLayout()
        start.addWidget(self.scratch)
        start.addWidget(self.finetune)
        form.addRow(self.tr("Start"), start)
        form.addRow(self.tr("Time"), self.estimate)
        recommended = QHBoxLayout()
        recommended.addWidget(self.recommended)
        recommended.addStretch(1)
        form.addRow("", recommended)
        for signal in (
            self.validation.valueChanged,
            self.test.valueChanged,
            self.epochs.valueChanged,
            self.encoder.currentIndexChanged,
            self.size.currentIndexChanged,
            self.device.currentIndexChanged,
        ):
            signal.connect(lambda *_: self._update())
        self._scratch_choices: list[int] | None = None  # while fine-tuning
        self.finetune.toggled.connect(self._finetune_toggled)
        self.choose(RECOMMENDED)  # (the form's first values, then the last run's)
        self.choose(remembered())
        # Next starts a run of minutes to hours: it says so (a "Next" started a 37-minute
        # run unasked: seen in a real window)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Start &training"))

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        import torch

        if self.device.count() == 2 and torch.cuda.is_available():
            self.device.addItem(
                self.tr("GPU: {name}").format(name=torch.cuda.get_device_name(0)), "cuda"
            )
            # the GPU chosen last time, offered only now (it came back as Automatic: a review)
            self.choose({"device": remembered().get("device")})
        self.finetune.setEnabled(self.wiz.engine.model is not None)
        self._update()

    def _finetune_toggled(self, on: bool) -> None:
        """Fine-tuning trains the active model's own kind of network: its encoder, loss and
        image size are chosen and the first and last locked; back to "From scratch", the
        choices made before come back (seen in a real window: the loss stayed "Triplet" and
        the size became a second "150 × 220" item)."""
        boxes = (self.encoder, self.loss, self.size)
        info = self.wiz.engine.model
        if on and info is not None:
            self._scratch_choices = [box.currentIndex() for box in boxes]
            self.encoder.setCurrentIndex(self.encoder.findData(info.card.encoder_family))
            # its own loss: the default was trained with the triplet loss, and fine-tuning
            # it with the contrastive one (this box's default) measures distances otherwise
            loss = self.loss.findData(info.card.trained_loss)
            if loss >= 0:
                self.loss.setCurrentIndex(loss)
            size = (info.card.preprocess.get("height"), info.card.preprocess.get("width"))
            sizes = [tuple(self.size.itemData(i)) for i in range(self.size.count())]
            if size not in sizes:  # (findData does not match a Python tuple)
                self.size.addItem(f"{size[0]} × {size[1]}", size)
                sizes.append(size)
            self.size.setCurrentIndex(sizes.index(size))
        elif not on and self._scratch_choices is not None:
            for box, index in zip(boxes, self._scratch_choices, strict=True):
                box.setCurrentIndex(index)
            self._scratch_choices = None
        self.encoder.setEnabled(not on)
        self.size.setEnabled(not on)
        self._update()  # an ensemble's networks all train: the time changes

    def choices(self) -> dict:
        """The split and options as :data:`REMEMBERED` keeps them; while fine-tuning, the
        encoder, loss and size chosen for a run from scratch (the model's own are shown)."""
        boxes = {"encoder": self.encoder, "loss": self.loss, "size": self.size}
        scratch = self._scratch_choices or [box.currentIndex() for box in boxes.values()]
        chosen = {
            name: box.itemData(index)
            for (name, box), index in zip(boxes.items(), scratch, strict=True)
        }
        return {
            "validation": self.validation.value(),
            "test": self.test.value(),
            **chosen,
            "size": list(chosen["size"]),
            "epochs": self.epochs.value(),
            "augment": self.augment.value(),
            "device": self.device.currentData(),
        }

    def choose(self, choices: dict) -> None:
        """Set the split and options to ``choices`` (as :meth:`choices` gives them); what
        it lacks, or does not offer here, keeps its value."""
        for name, spin in (
            ("validation", self.validation),
            ("test", self.test),
            ("epochs", self.epochs),
            ("augment", self.augment),
        ):
            value = choices.get(name)
            if isinstance(value, int) and spin.minimum() <= value <= spin.maximum():
                spin.setValue(value)
        for name, box in (("encoder", self.encoder), ("loss", self.loss),
                          ("device", self.device), ("size", self.size)):  # fmt: skip
            offered = [_plain(box.itemData(i)) for i in range(box.count())]
            if _plain(choices.get(name)) in offered:
                box.setCurrentIndex(offered.index(_plain(choices.get(name))))

    def recommend(self) -> None:
        """Back to the recommended split and options, from scratch."""
        self.scratch.setChecked(True)  # (first: it sets back the choices made for scratch)
        self.choose(RECOMMENDED)

    def split(self):
        from sigverify.core.data.splits import split_datasets

        return split_datasets(
            [self.wiz.plan.dataset], self.validation.value() / 100, self.test.value() / 100
        )[0]

    def _update(self) -> None:
        if self.wiz.plan.dataset is None:
            return
        split = self.split()
        self.split_label.setText(
            # (no count before "people": "1 people for training" was seen)
            self.tr(
                "People for training: {train}, for validation: {val}, for testing: {test}"
            ).format(train=len(split.train), val=len(split.validation), test=len(split.test))
        )
        steps = self.wiz.overrides.get("steps_per_epoch", 100)
        gpu = self.device.currentData() == "cuda" or (
            self.device.currentData() == "auto" and self.device.count() > 2
        )
        model = self.wiz.engine.model
        networks = model.card.networks if self.finetune.isChecked() and model else 1
        seconds = estimate_seconds(
            self.encoder.currentData(),
            self.size.currentData(),
            self.epochs.value(),
            steps,
            gpu,
            networks,
        )
        self.estimate.setText(
            self.tr(
                "At most about {time} on this computer ({where}); training stops earlier "
                "when the validation people stop improving."
            ).format(time=duration(seconds), where=self.tr("GPU") if gpu else self.tr("CPU"))
        )
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        if self.wiz.plan.dataset is None:
            return False
        split = self.split()
        return bool(split.train and split.validation)

    def validatePage(self) -> bool:  # noqa: N802 - Qt API
        """Going on to training: hand the settings and the split on in the plan. Back here
        after a run that made a model: train again (dropping it) or keep it; Next showed the
        old run, and the settings changed were ignored (seen in a real window)."""
        plan = self.wiz.plan
        run = plan.run
        if run is not None and run.result.model_dir is not None:
            choice = dialogs.choose(
                self,
                self.tr("Train again?"),
                self.tr(
                    "A model was trained already (best epoch {epoch}, validation EER "
                    "{eer}). Train a new one with these settings, dropping it, or keep it "
                    "(the settings changed here are then not used)?"
                ).format(
                    epoch=run.result.best_epoch,
                    eer=percent_text(run.result.best_validation_eer, ".1f"),
                ),
                [self.tr("&Train again"), self.tr("&Keep the trained model")],
            )
            if choice is None:
                return False
            if choice == 1:
                return True
        # a new run: the page emptied of the last one (one that saved nothing, or failed,
        # is not asked about)
        self.wiz.training_page.reset()
        # (the data folder too: typed or browsed to again each time, a real-window pass)
        chosen = {**self.choices(), "data": str(Path(plan.dataset.root).resolve())}
        gui_settings().setValue(REMEMBERED, json.dumps(chosen))
        plan.config = self.config()
        plan.validation, plan.test = self.validation.value() / 100, self.test.value() / 100
        return True

    def config(self):
        from sigverify.core.imaging.preprocessing import PreprocessConfig

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


#: What sigverify recommends: the form's first values, and what "Recommended settings" sets.
RECOMMENDED = {
    "validation": round(100 * DEFAULT_VALIDATION),
    "test": round(100 * DEFAULT_TEST),
    "encoder": "cnn",
    "loss": "contrastive",
    "size": list(SIZES[0]),
    "epochs": TrainConfig.epochs,
    "augment": round(100 * TrainConfig.augment),
    "device": "auto",
}


def _plain(value):
    """A size as a list (Qt gives an item's tuple back as a list or a tuple), anything else
    as it is."""
    return list(value) if isinstance(value, list | tuple) else value


def remembered() -> dict:
    """The settings the last run started with (:data:`REMEMBERED`; none: an empty dict)."""
    try:
        remembered = json.loads(str(gui_settings().value(REMEMBERED, "") or "{}"))
    except ValueError:
        return {}
    return remembered if isinstance(remembered, dict) else {}
