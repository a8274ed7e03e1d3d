"""The Thresholds page's operating-point presets: "let through at most 0.1 % / 1 % / 5 % of
skilled forgeries" (see :mod:`sigverify.core.evaluation.operating_points`), with a warning
when too few signatures were measured to estimate that rate."""

from __future__ import annotations

import math

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLabel

from sigverify.core.evaluation.operating_points import (
    PRESET_TARGETS,
    OperatingPoint,
    operating_point,
)
from sigverify.core.i18n import percent_text
from sigverify.core.scoring import ScoreSet


class PresetChooser(QComboBox):
    """ "No preset" first (also at the model's own values: "Custom" there read as changed,
    seen in a real window), then one item per preset target. ``chosen(accept, reject)`` when
    a preset is picked, its thresholds rounded to the 4 decimals the number boxes show
    (towards fewer errors: accept down, reject up). ``warning`` is a label to put beside
    it; it says when the estimate rests on too few signatures."""

    chosen = Signal(float, float)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.scores: ScoreSet | None = None
        self.addItem(self.tr("No preset (move the thresholds by hand)"), None)
        for target in PRESET_TARGETS:
            self.addItem(
                self.tr("Let through at most {target} of skilled forgeries").format(
                    target=percent_text(target, "g")
                ),
                target,
            )
        self.setToolTip(
            self.tr(
                "Sets the accept threshold so that at most this share of skilled forgeries is "
                "accepted, and the reject threshold so that at most the same share of genuine "
                "signatures is rejected; the rest goes to review."
            )
        )
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #8a5a00;")
        self.warning.hide()
        self.activated.connect(self._picked)

    def target(self) -> float | None:
        """The preset's target share, or None for custom thresholds."""
        return self.currentData()

    def set_scores(self, scores: ScoreSet | None) -> None:
        self.scores = scores
        self.setEnabled(self.available())
        self.to_custom()

    def choose(self, target: float) -> None:
        """Choose the preset ``target`` as if picked: ``chosen`` with its thresholds on the
        scores set."""
        index = self.findData(target)
        if index > 0:
            self.setCurrentIndex(index)
            self._picked(index)

    def available(self) -> bool:
        """Whether presets can be measured: there are scores with skilled forgeries."""
        return self.scores is not None and len(self.scores.skilled) > 0

    def to_custom(self) -> None:
        """Back to "No preset" (the thresholds were moved by hand)."""
        self.setCurrentIndex(0)
        self.warning.hide()

    def follow(self, accept: float, reject: float, prefer: float | None = None) -> None:
        """Show the preset that gives ``accept`` and ``reject`` on the scores set, else "No
        preset": thresholds shown as those in use (coming back, Undo) that came from a
        preset said "No preset" (seen in a real window). ``prefer``: the preset they were
        set from, named where several give them (on few forgeries 0.1 % and 5 % can).
        Nothing is emitted."""
        order = sorted(range(1, self.count()), key=lambda i: self.itemData(i) != prefer)
        for index in order if self.available() else ():
            point, shown = self._thresholds(self.itemData(index))
            if all(abs(a - b) < 5e-5 for a, b in zip(shown, (accept, reject), strict=True)):
                self.setCurrentIndex(index)
                self._warn(point)
                return
        self.to_custom()

    def _thresholds(self, target: float) -> tuple[OperatingPoint, tuple[float, float]]:
        """The operating point ``target`` on the scores, and its thresholds rounded to the
        4 decimals the number boxes show (towards fewer errors: accept down, reject up)."""
        point = operating_point(self.scores, target)
        accept = math.floor(point.accept * 1e4) / 1e4
        return point, (accept, max(accept, math.ceil(point.reject * 1e4) / 1e4))

    def _picked(self, index: int) -> None:
        target = self.itemData(index)
        self.warning.hide()
        if target is None or self.scores is None:
            return
        point, (accept, reject) = self._thresholds(target)
        self.chosen.emit(accept, reject)
        self._warn(point)

    def _warn(self, point: OperatingPoint) -> None:
        target = percent_text(point.target, "g")
        warnings = []
        if not point.enough_forgeries:
            warnings.append(
                self.tr(
                    "⚠ Only {count} skilled forgeries were measured: a rate of {target} needs "
                    "{needed} or more to be estimated, so the real rate may be higher."
                ).format(count=point.forgeries, target=target, needed=point.needed)
            )
        if not point.enough_genuine:
            warnings.append(
                self.tr(
                    "⚠ Only {count} genuine signatures were measured: the share rejected is "
                    "estimated roughly ({needed} or more are needed for {target})."
                ).format(count=point.genuine, target=target, needed=point.needed)
            )
        self.warning.setText(" ".join(warnings))
        self.warning.setVisible(bool(warnings))
