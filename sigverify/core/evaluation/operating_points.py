"""Thresholds chosen by the risk a desk accepts: "let through at most 1 % of skilled
forgeries". From measured scores (a model's validation writers, or a data folder):

- the *accept* threshold is set so that at most the target share of the skilled forgeries
  score at or below it (are accepted);
- the *reject* threshold so that at most the same share of the genuine signatures score
  above it (are rejected), and never below the accept threshold;
- everything between goes to a person: the stricter the target, the more reviews.

An empirical rate of ``p`` needs several errors to be seen at all: with fewer than
``3 / p`` forgeries measured (3,000 for 0.1 %) the estimate rests on two errors or fewer,
and the point says so (``enough_forgeries``); the same for the genuine side.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from sigverify.core.evaluation.calibration import band_rates
from sigverify.core.scoring import ScoreSet

#: The presets offered: target share of skilled forgeries accepted.
PRESET_TARGETS = (0.001, 0.01, 0.05)

#: Errors an estimate should rest on (``3 / target`` samples).
ERRORS_NEEDED = 3


@dataclass(frozen=True)
class OperatingPoint:
    target: float  # the share of skilled forgeries (and of genuine) let through at most
    accept: float
    reject: float
    #: measured on the scores, at these thresholds
    forgeries_accepted: float
    forgeries_reviewed: float
    genuine_accepted: float
    genuine_reviewed: float
    genuine_rejected: float
    forgeries: int
    genuine: int

    @property
    def needed(self) -> int:
        """How many samples of each kind an estimate of ``target`` should rest on."""
        return math.ceil(ERRORS_NEEDED / self.target - 1e-9)

    @property
    def enough_forgeries(self) -> bool:
        return self.forgeries >= self.needed

    @property
    def enough_genuine(self) -> bool:
        return self.genuine >= self.needed

    def to_dict(self) -> dict:
        return {
            "target": self.target,
            "accept": self.accept,
            "reject": self.reject,
            "forgeries_accepted": self.forgeries_accepted,
            "forgeries_reviewed": self.forgeries_reviewed,
            "genuine_accepted": self.genuine_accepted,
            "genuine_reviewed": self.genuine_reviewed,
            "genuine_rejected": self.genuine_rejected,
            "forgeries": self.forgeries,
            "genuine": self.genuine,
            "needed": self.needed,
            "enough_forgeries": self.enough_forgeries,
            "enough_genuine": self.enough_genuine,
        }


def _below_the_allowed(values: np.ndarray, allowed: int) -> float:
    """The largest threshold with at most ``allowed`` of ``values`` at or below it."""
    ordered = np.sort(values)
    if allowed >= len(ordered):
        return float(ordered[-1])
    return float(np.nextafter(ordered[allowed], -np.inf))


def _above_the_allowed(values: np.ndarray, allowed: int) -> float:
    """The smallest threshold with at most ``allowed`` of ``values`` above it."""
    ordered = np.sort(values)
    if allowed >= len(ordered):
        return 0.0
    return float(ordered[len(ordered) - 1 - allowed])


def operating_point(scores: ScoreSet, target: float) -> OperatingPoint:
    """The thresholds for ``target`` (a share, 0.01 = 1 %) on ``scores`` (module notes).
    Needs genuine signatures and skilled forgeries among the scores."""
    if not 0 < target < 1:
        raise ValueError(f"target must be a share between 0 and 1, not {target}")
    genuine, forged = np.asarray(scores.genuine), np.asarray(scores.skilled)
    if not len(genuine) or not len(forged):
        raise ValueError("an operating point needs genuine signatures and skilled forgeries")
    accept = max(0.0, _below_the_allowed(forged, math.floor(target * len(forged) + 1e-9)))
    reject = _above_the_allowed(genuine, math.floor(target * len(genuine) + 1e-9))
    reject = max(reject, accept)
    rates = band_rates(scores, accept, reject)
    return OperatingPoint(
        target,
        accept,
        reject,
        forgeries_accepted=rates.skilled[0],
        forgeries_reviewed=rates.skilled[1],
        genuine_accepted=rates.genuine[0],
        genuine_reviewed=rates.genuine[1],
        genuine_rejected=rates.genuine[2],
        forgeries=len(forged),
        genuine=len(genuine),
    )


def preset_points(scores: ScoreSet) -> list[OperatingPoint]:
    return [operating_point(scores, target) for target in PRESET_TARGETS]
