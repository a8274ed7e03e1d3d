"""Thresholds: distance histograms of genuine signatures and forgeries, ROC and DET
curves, and the accept / reject thresholds moved live with their error rates."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sigverify.core.evaluation.calibration import band_rates
from sigverify.core.evaluation.plots import (
    ThresholdMarks,
    det_figure,
    distance_histogram_figure,
    legend_beside,
    roc_figure,
)
from sigverify.core.i18n import join_sentences
from sigverify.core.pen_verification import (
    card_fusion_thresholds,
    fusion_thresholds,
)
from sigverify.core.scoring import ScoreSet
from sigverify.core.store import Store
from sigverify.core.thresholds import Thresholds, card_thresholds, shared_thresholds
from sigverify.gui.band_rates_view import BandRatesView
from sigverify.gui.everyone_thresholds import EveryoneThresholds
from sigverify.gui.panes import ScrollingPane
from sigverify.gui.person_thresholds import PersonThresholds
from sigverify.gui.preset_chooser import PresetChooser
from sigverify.gui.score_source import LoadedScores, ScoreSource
from sigverify.gui.threshold_widgets import ThresholdControl
from sigverify.gui.widgets import RoleButton, clear_tabs, figure_canvas, threshold_text
from sigverify.gui.workers import Engine

#: The plots' least height (points): the histogram's title, axes and a legend of five.
PLOT_LEAST = 260


class PaintedThen(QLabel):
    """A label that calls back (:meth:`then`) once it has been painted."""

    _after = None

    def then(self, callback) -> None:
        self._after = callback
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().paintEvent(event)
        if self._after is not None:
            QTimer.singleShot(0, self, self._after)  # after the paint reaches the screen
            self._after = None


class ThresholdsPage(PersonThresholds, EveryoneThresholds, QWidget):
    def __init__(self, engine: Engine, store: Store, parent=None):
        super().__init__(parent)
        self.engine, self.store = engine, store
        self.scores: ScoreSet | None = None
        self._lines, self._marks = [], []

        self.mode = "model"  # which thresholds the controls set: the image model's or "pad"
        self.pen_card = None  # in "pad" mode: the active pen model's card
        self._shown_for = None  # the mode and model of the scores shown
        self.sources = ScoreSource(engine, store)
        self.sources.loaded.connect(self._scores_loaded)

        self.tabs = QTabWidget()
        self.histogram_canvas = None

        self.accept = ThresholdControl()
        self.reject = ThresholdControl()
        self.accept.valueChanged.connect(lambda _: self._moved("accept"))
        self.reject.valueChanged.connect(lambda _: self._moved("reject"))
        self.preset = PresetChooser()
        self.preset.chosen.connect(self._preset_chosen)
        self._setting_preset = False
        self.band_view = BandRatesView()

        controls = QGroupBox(self.tr("Thresholds (distance: smaller = more alike)"))
        form = QGridLayout(controls)
        # Alt letters to each control and button (Tab alone reached them: seen in a real
        # window); the number boxes take them, as typing a value is the exact way
        for row, text, control in (
            (0, self.tr("Pre&set"), self.preset),
            (2, self.tr("&Accept at or below"), self.accept),
            (3, self.tr("&Reject above"), self.reject),
        ):
            label = QLabel(text)
            label.setBuddy(control if control is self.preset else control.box)
            form.addWidget(label, row, 0)
            form.addWidget(control, row, 1)
        form.addWidget(self.preset.warning, 1, 0, 1, 2)
        form.addWidget(self.band_view, 4, 0, 1, 2)

        self.apply_all = RoleButton(self.tr("Apply to &everyone"), store, "thresholds")
        self.apply_all.setToolTip(
            self.tr("Use these thresholds for everyone without their own, with this model")
        )
        self.apply_all.clicked.connect(self.apply_globally)
        self._build_person_part(engine, store)
        self.reset_button = RoleButton(self.tr("Back to the &model's values"), store, "thresholds")
        self.reset_button.clicked.connect(self.reset)
        self.undo_button = QPushButton(self.tr("Undo changes"))
        self.undo_button.setShortcut("Ctrl+Z")  # (its tooltip: _mark_unapplied)
        self.undo_button.clicked.connect(self.undo)
        self.in_use: tuple[float, float] | None = None  # as the controls show them
        self.in_use_by: str | None = None  # whose they are: a person's id, None everyone's
        # those in use before the last apply, and whose: Undo puts them back in the controls
        # (an apply could not be undone: the values before were in the audit log alone)
        self.before_apply: tuple[tuple[float, float], str | None] | None = None
        self.applied = QLabel()
        self.applied.setWordWrap(True)
        apply_box = QGroupBox(self.tr("Apply"))
        apply_layout = QGridLayout(apply_box)
        apply_layout.addWidget(self.apply_all, 0, 0)
        apply_layout.addWidget(self.reset_button, 0, 1)
        apply_layout.addWidget(self.undo_button, 1, 1)
        # the person on a row of their own: at 1024 pixels wide a name beside a button was cut;
        # named, since a box of names alone did not say what it was for (seen in a real window)
        self.person_label = QLabel(self.tr("&Person"))
        self.person.reached_by(self.person_label)
        person_row = QHBoxLayout()
        person_row.addWidget(self.person_label)
        person_row.addWidget(self.person, 1)
        apply_layout.addLayout(person_row, 2, 0, 1, 2)
        apply_layout.addWidget(self.person_own, 3, 0)
        apply_layout.addWidget(self.apply_person, 3, 1)
        apply_layout.addWidget(self.remove_person, 4, 1)
        apply_layout.addWidget(self.applied, 5, 0, 1, 2)
        if self.apply_all.refusal:  # a clerk on a shared store: say why, not only in tooltips
            self.role_note = QLabel(self.apply_all.refusal)
            self.role_note.setWordWrap(True)
            apply_layout.addWidget(self.role_note, 6, 0, 1, 2)

        bottom = QHBoxLayout()
        bottom.addWidget(controls, 3)
        bottom.addWidget(apply_box, 2)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.sources)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        # the plots keep a height that can be read, and a low window scrolls the page: at
        # 600 pixels the histogram was a strip, its title and legend cut, and a preset's
        # warning squeezed it so on a whole screen (a real-window pass)
        self.tabs.setMinimumHeight(PLOT_LEAST)
        page = QVBoxLayout(self)
        page.setContentsMargins(0, 0, 0, 0)
        page.addWidget(ScrollingPane(inner))
        self.refresh()
        self._set_enabled(False)

    # ------------------------------------------------------------ data

    def refresh(self) -> None:
        self.person.fill(self.store.list_people())
        self.apply_person.setEnabled(
            self.person.count() > 0 and self.scores is not None and self.mode != "pad"
        )
        self._show_person_own()

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.accept, self.reject, self.apply_all, self.reset_button):
            widget.setEnabled(enabled)
        if not enabled:
            self.undo_button.setEnabled(False)
        self.preset.setEnabled(enabled and self.preset.available())
        # a person's own thresholds are for their scanned signatures (the image model)
        self.apply_person.setEnabled(enabled and self.person.count() > 0 and self.mode != "pad")

    def _scores_loaded(self, loaded: LoadedScores) -> None:
        self.mode, self.pen_card = loaded.mode, loaded.pen_card
        self.show_scores(loaded.scores)

    # ------------------------------------------------------------ plots

    def show_scores(self, scores: ScoreSet | None) -> None:
        kept = self._moved_to_keep(scores)
        self.scores = scores
        self.before_apply = None  # (another model's or source's)
        self.preset.set_scores(scores if scores is not None and len(scores.genuine) else None)
        clear_tabs(self.tabs)
        self._lines, self._marks = [], []
        if scores is None or not len(scores.genuine):
            self.in_use = None
            self._set_enabled(False)
            return
        values = np.concatenate([scores.genuine, scores.skilled, scores.random])
        for control in (self.accept, self.reject):
            control.set_range(float(values.max()) * 1.05)
        current = self._current_thresholds()
        self.accept.setValue(current[0])
        self.reject.setValue(current[1])
        self.in_use = (self.accept.value(), self.reject.value())
        self.in_use_by = None
        self._set_enabled(True)
        if kept is not None:  # (measured on a folder: the handles jumped back, seen)
            accept, reject, target = kept
            if target is not None and self.preset.available():
                self.preset.choose(target)  # the same share, on these signatures
            else:
                self._set_both(accept, reject)
                self._follow_preset()
        else:  # the preset those in use came from, if one did ("No preset" said: seen)
            self._follow_preset()
        if self.isVisible():
            self._draw_plots()
        self._update()
        self._show_person_own()  # the chosen person's own, when they have them

    def _moved_to_keep(self, scores: ScoreSet | None) -> tuple[float, float, float | None] | None:
        """The thresholds moved and not applied, and the preset chosen, to keep over
        ``scores`` about to be shown: when they are the same model's (another source, a
        folder measured), not another model's; None when there is nothing to keep."""
        model = self.engine.model
        if self.mode == "pad":  # the fused scores are the pen model's (another: review)
            key = ("pad", self.pen_card.model_id if self.pen_card is not None else None)
        else:
            key = ("model", model.model_id if model is not None else None)
        same, self._shown_for = key == self._shown_for, key
        if not same or scores is None or not len(scores.genuine) or not self.has_unapplied():
            return None
        return self.accept.value(), self.reject.value(), self.preset.target()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        """The plots are drawn when the page is first seen, so that the window does not
        wait for matplotlib at start-up, and once the page is on screen: drawn before it,
        the switch to it waited for them, nothing on screen changing, not even the page
        list (2.3 s on a busy machine: a real-window pass)."""
        super().showEvent(event)
        if self._lines or self.scores is None or not len(self.scores.genuine):
            return
        waiting = self.tabs.widget(0)
        if not isinstance(waiting, PaintedThen):  # what the page shows meanwhile
            clear_tabs(self.tabs)
            waiting = PaintedThen(self.tr("Drawing the plots…"))
            waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.tabs.addTab(waiting, self.tr("Distance histogram"))
        # once it is on screen: a call made at once came before Qt painted the page (its
        # paint waits behind other events), and the switch still showed nothing for a
        # second (a real-window check)
        waiting.then(self._draw_when_shown)

    def _draw_when_shown(self) -> None:
        scores = self.scores
        if self.isVisible() and not self._lines and scores is not None and len(scores.genuine):
            clear_tabs(self.tabs)
            self._draw_plots()
            self._show_on_plots()  # (the rest of the page is as it was: its words kept)

    def _draw_plots(self) -> None:
        histogram = distance_histogram_figure(
            self.scores, title=self.tr("Distances to the references")
        )
        axis = histogram.axes[0]
        self._lines = [  # accept dashed, above: seen at 0.0001 apart (it hid under reject)
            axis.axvline(
                0, color="#2e7d32", linewidth=2, linestyle=(0, (4, 3)), zorder=3,
                label=self.tr("accept threshold"),
            ),
            axis.axvline(0, color="#c62828", linewidth=2, zorder=2,
                         label=self.tr("reject threshold")),
        ]  # fmt: skip
        legend_beside(axis)
        self.histogram_canvas = figure_canvas(histogram)
        self.tabs.addTab(self.histogram_canvas, self.tr("Distance histogram"))
        labels = (self.tr("accept threshold"), self.tr("reject threshold"))
        self._marks = []  # the thresholds on the curves: where on them the clerk is
        for figure, det, name in (
            (roc_figure([self.scores]), False, self.tr("ROC curve")),
            (det_figure([self.scores]), True, self.tr("DET curve")),
        ):
            canvas = figure_canvas(figure)
            self._marks.append((ThresholdMarks(figure, self.scores, labels, det), canvas))
            self.tabs.addTab(canvas, name)

    def _shared(self) -> Thresholds:
        """Everyone's thresholds in use (for pad drawings in "pad" mode)."""
        if self.mode == "pad":
            return fusion_thresholds(self.store, self.pen_card)
        info = self.engine.model
        return shared_thresholds(self.store, info.model_id, info.card)

    def _current_thresholds(self) -> tuple[float, float]:
        shared = self._shared()
        return shared.accept, shared.reject

    def _follow_preset(self) -> None:
        """The preset box on the preset the thresholds shown come from, if one does:
        everyone's name the one they were set from."""
        prefer = self._shared().preset if self.in_use_by is None else None
        self.preset.follow(self.accept.value(), self.reject.value(), prefer)

    def _card_thresholds(self) -> tuple[float, float]:
        if self.mode == "pad":
            card = card_fusion_thresholds(self.pen_card)
        else:
            card = card_thresholds(self.engine.model.card)
        return card.accept, card.reject

    def _preset_chosen(self, accept: float, reject: float) -> None:
        self._set_both(accept, reject)
        self._update()

    def _set_both(self, accept: float, reject: float) -> None:
        """Both handles at once, leaving the preset chooser as it is."""
        self._setting_preset = True
        try:  # reject first: the accept handle may not pass it
            self.reject.setValue(max(reject, self.accept.value()))
            self.accept.setValue(accept)
            self.reject.setValue(reject)
        finally:
            self._setting_preset = False

    def _moved(self, which: str) -> None:
        if not self._setting_preset and self.preset.target() is not None:
            self.preset.to_custom()  # moved by hand: no longer the preset
        accept, reject = self.accept.value(), self.reject.value()
        if accept > reject:  # keep accept <= reject: the other handle follows
            (self.reject if which == "accept" else self.accept).setValue(
                accept if which == "accept" else reject
            )
        self._update()

    def _update(self) -> None:
        if self.scores is None:
            return
        accept, reject = self.accept.value(), self.reject.value()
        self.band_view.show_rates(band_rates(self.scores, accept, reject))
        self._mark_unapplied()
        self._show_on_plots()

    def _show_on_plots(self) -> None:
        """The thresholds in the controls, on the plots (when drawn)."""
        accept, reject = self.accept.value(), self.reject.value()
        if self._lines:
            self._lines[0].set_xdata([accept, accept])
            self._lines[1].set_xdata([reject, reject])
            self.histogram_canvas.draw_idle()
            for marks, canvas in self._marks:
                marks.move(accept, reject)
                canvas.draw_idle()

    def _not_in_use_text(self) -> str:
        if self.mode == "pad":  # (a person's own are for the picture: offered and refused)
            return self.tr("Not in use yet: apply them to everyone.")
        return self.tr("Not in use yet: apply them to everyone or to one person.")

    def _mark_unapplied(self) -> None:
        """Thresholds moved away from those in use (a preset, a drag, an arrow key) are
        marked "not in use yet" and can be undone; moved back, the mark goes."""
        moved = (
            self.in_use is not None and (self.accept.value(), self.reject.value()) != self.in_use
        )
        before = self._before_to_undo()
        self.undo_button.setEnabled(moved or before is not None)
        self.undo_button.setToolTip(
            self.tr(
                "Put the thresholds in use before the last apply ({accept} / {reject}) back "
                "in the controls; nothing is written until you apply them (Ctrl+Z)"
            ).format(accept=threshold_text(before[0]), reject=threshold_text(before[1]))
            if before is not None and not moved
            else self.tr(
                "Show the thresholds in use again (the chosen person's own, or everyone's); "
                "nothing is written (Ctrl+Z)"
            )
        )
        if moved:
            self.applied.setText(self._not_in_use_text())
        elif self.applied.text().endswith(self._not_in_use_text()):
            self.applied.clear()
        self._say_person_own(read=False)  # ("shown above" no longer, once moved)

    def has_unapplied(self) -> bool:
        """Thresholds moved and not applied ("not in use yet"): asked about on quitting."""
        moved = (self.accept.value(), self.reject.value()) != self.in_use
        return self.in_use is not None and self.scores is not None and moved

    def _before_to_undo(self) -> tuple[float, float] | None:
        """The thresholds in use before the last apply, when the controls show what it
        applied, unmoved (to the same person, or everyone's)."""
        if self.before_apply is None or self.in_use is None:
            return None
        values, whose = self.before_apply
        unmoved = (self.accept.value(), self.reject.value()) == self.in_use
        return values if unmoved and whose == self.in_use_by else None

    def undo(self) -> None:
        """The controls back to the thresholds in use for the person chosen (their own, or
        everyone's: after another person was chosen, Undo showed the one before's, seen in a
        real window); nothing is written. Unmoved after an apply: the thresholds in use
        before it, to be applied again."""
        if self.in_use is None:
            return
        before = self._before_to_undo()
        if before is not None:
            self.before_apply = None  # (one step back; Undo again shows those in use)
            self._set_both(*before)
            self._follow_preset()
            self._update()  # marked "not in use yet"
            back = self.tr(
                "The thresholds in use before the last apply ({accept} / {reject}) are back "
                "in the controls."
            ).format(accept=threshold_text(before[0]), reject=threshold_text(before[1]))
            self.applied.setText(join_sentences(back, self._not_in_use_text()))
            return
        moved = self.has_unapplied()
        if self.mode != "pad" and self.engine.model is not None:
            self._show_in_use(*self._in_use_for_chosen())
        else:
            self._show_in_use(self.in_use, None)
        self._say_person_own()
        if moved:  # (the line went blank, saying nothing of what is shown now: seen)
            self.applied.setText(
                self.tr(
                    "The thresholds in use ({accept} / {reject}) are back in the controls."
                ).format(
                    accept=threshold_text(self.in_use[0]), reject=threshold_text(self.in_use[1])
                )
            )
