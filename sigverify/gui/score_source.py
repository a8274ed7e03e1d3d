"""Where the Thresholds page's distances come from: the active model's validation writers
(saved with it), a data folder measured now (with progress and Cancel), or the pen model's
fused scores for signatures drawn on a pad. :class:`ScoreSource` is the row that chooses
one and says what was loaded; the page draws what it emits."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sigverify.core.errors import CancelledError
from sigverify.core.i18n import join_sentences
from sigverify.core.model.card import ModelCard
from sigverify.core.pen_verification import band_of_another_fitting, fitted_with
from sigverify.core.scoring import ScoreSet
from sigverify.core.store import Store
from sigverify.gui import dialogs
from sigverify.gui.folders import ask_folder
from sigverify.gui.workers import Engine


@dataclass(frozen=True)
class LoadedScores:
    scores: ScoreSet | None  # None: none to show (the note says why)
    mode: str  # "model": the image model's distances; "pad": fused pen + picture scores
    pen_card: ModelCard | None = None  # in "pad" mode: the active pen model's card


class ScoreSource(QWidget):
    loaded = Signal(object)  # LoadedScores

    def __init__(self, engine: Engine, store: Store, parent=None):
        super().__init__(parent)
        self.engine, self.store = engine, store
        self.source = QComboBox()
        self.source.addItem(self.tr("Validation writers of the active model"), "model")
        self.source.addItem(self.tr("Signatures in a data folder…"), "folder")
        self.source.addItem(self.tr("Signatures drawn on a pad: pen and picture together"), "pad")
        self.mode = "model"  # the scores loaded: the image model's, or "pad" (fused)
        self.pen_card = None  # in "pad" mode: the active pen model's card
        self._pad_refs = 0  # in "pad" mode: the pad references each score was made with
        self.measured_on: dict | None = None  # the data folder shown: its name, people
        self.source.activated.connect(self._source_chosen)
        self.source_note = QLabel()
        self.source_note.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.hide()
        self._job = None
        self.cancel_button.clicked.connect(lambda: self._job and self._job.cancel())
        top = QHBoxLayout()
        source_label = QLabel(self.tr("&Distances from"))  # Alt+D (it had no key: seen)
        source_label.setBuddy(self.source)
        top.addWidget(source_label)
        top.addWidget(self.source)
        top.addWidget(self.progress, 1)
        top.addWidget(self.cancel_button)
        top.addStretch(0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.source_note)
        engine.model_changed.connect(lambda _: self.load_model_scores())
        engine.pen_model_changed.connect(lambda _: self._pen_model_changed())

    def _source_chosen(self, index: int) -> None:
        source = self.source.itemData(index)
        if source == "folder":
            self.load_folder_scores()
        elif source == "pad":
            self.load_pad_scores()
        else:
            self.load_model_scores()

    def _pen_model_changed(self) -> None:
        if self.mode == "pad":
            self.load_pad_scores()

    def load_pad_scores(self) -> None:
        """The fused scores (pen model, time warping and picture together) of the active pen
        model's validation writers; the controls then set the band on fused scores."""
        self.source_note.setToolTip("")
        self.measured_on = None
        from sigverify.core.active_model import active_pen_model_dir
        from sigverify.core.model.card import FUSION_SCORES_FILE, read_card, read_scores

        folder = active_pen_model_dir(self.store)
        scores = None
        try:
            if folder is not None:
                self.pen_card = read_card(folder)
                scores = read_scores(folder, FUSION_SCORES_FILE)
        except Exception as error:  # noqa: BLE001 - shown to the user
            dialogs.show_error(self, error)
        if scores is None:
            self.mode = "model"
            self._emit(None)
            self.source_note.setText(
                self.tr(
                    "No pen model with fused validation scores is active. Fit one with "
                    "“sigverify models fuse” and activate it on the Models page."
                )
            )
            return
        self.mode = "pad"
        self._pad_refs = scores.refs
        self._emit(scores)
        self.say_pad()

    def say_pad(self) -> None:
        """What the pad source's scores are and which band applies, said again (a band
        applied for a pen model fitted again: the note that an earlier one was not used
        stayed on screen, seen in a real window)."""
        if self.mode != "pad" or self.pen_card is None:
            return
        refs = self._pad_refs
        fusion = self.pen_card.fusion or {}
        text = (
            self.tr(
                "Pen model, time warping and picture together (each over its own threshold, "
                "weighted as the pen model's card says) for the pen model's validation "
                "writers, %n pad reference(s) each. The thresholds below decide signatures "
                "drawn on a pad.",
                "",
                refs,
            )
            if fusion.get("weights")  # ("averaged" was said of the shipped 20/60/20: seen)
            else self.tr(
                "Pen model, time warping and picture together (each over its own threshold, "
                "averaged) for the pen model's validation writers, %n pad reference(s) "
                "each. The thresholds below decide signatures drawn on a pad.",
                "",
                refs,
            )
        )
        image = self.engine.model
        if image is not None and not fitted_with(self.pen_card, image.model_id):
            # (the figures read as the active model's after a switch: a real-window pass)
            text = join_sentences(
                text,
                self.tr(
                    "⚠ These were measured with the image model the pen model was fitted "
                    "with, not with {active}: with it, every signature drawn on a pad that "
                    "would be accepted goes to review until the pen model is fitted again "
                    "(“sigverify models fuse”)."
                ).format(active=image.card.name),
            )
        if band_of_another_fitting(self.store, self.pen_card):
            text = join_sentences(
                text,
                self.tr(
                    "The band set for pad drawings was set before the pen model was fitted "
                    "again, on the scores of that fitting: it is not used, and the pen "
                    "model's own band decides until a band is set for this one."
                ),
            )
        self.source_note.setText(text)

    def load_model_scores(self) -> None:
        self.source_note.setToolTip("")
        self.measured_on = None
        info = self.engine.model
        if info is None:
            return
        from sigverify.core.model.card import read_scores

        self.source.setCurrentIndex(0)
        self.mode = "model"
        try:
            scores = read_scores(info.path)
        except Exception as error:  # noqa: BLE001 - shown to the user
            dialogs.show_error(self, error)
            scores = None
        if scores is None:
            self._emit(None)
            self.source_note.setText(
                self.tr(
                    "This model has no saved validation distances. Choose a data folder "
                    "with genuine signatures and forgeries instead."
                )
            )
            return
        self._emit(scores)
        self.source_note.setText(
            self.tr(
                "Distances of validation writers (never used for training), %n reference(s) "
                "each. The figures under About and Models were measured on other people, the "
                "test writers, so they differ somewhat.",
                "",
                scores.refs,
            )
        )

    def load_folder_scores(self, folder: str | None = None) -> None:
        if self.engine.model is None:
            return
        self.mode = "model"
        if folder is None:
            folder = ask_folder(self, self.tr("Folder of genuine signatures and forgeries"), "data")
        if not folder:
            self.source.setCurrentIndex(0)
            return
        self.progress.show()
        self.progress.setRange(0, 0)
        self.cancel_button.show()
        self.source_note.setText(self.tr("Reading and measuring the signatures…"))

        def work(context, job):
            from sigverify.core.evaluation.measure import folder_scores

            return folder_scores(context.require_service().model, folder, 5, job.progress)

        def progress(done, total):
            self.progress.setRange(0, total)
            self.progress.setValue(done)

        def done(result):
            self._job_over()
            scores, notes = result
            self.measured_on = {"folder": Path(folder).name or folder,
                                "people": len(scores.writers)}  # fmt: skip
            self._emit(scores)
            self.source_note.setText(
                join_sentences(
                    *notes,
                    self.tr("“{folder}”:").format(folder=Path(folder).name or folder),
                    self.tr("%n writer(s),", "", len(scores.writers)),
                    self.tr("%n reference(s) each.", "", scores.refs),
                )
            )
            self.source_note.setToolTip(folder)  # (the whole path: said without it, seen)

        def failed(error):
            self._job_over()
            self.load_model_scores()
            if not isinstance(error, CancelledError):  # (Cancel pressed: a warning box said so)
                dialogs.show_error(self, error)

        self._job = self.engine.submit(work, done, failed, progress)

    def _job_over(self) -> None:
        self._job = None
        self.progress.hide()
        self.cancel_button.hide()

    def _emit(self, scores: ScoreSet | None) -> None:
        self.loaded.emit(LoadedScores(scores, self.mode, self.pen_card))
