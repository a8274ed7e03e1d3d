"""The review band and calibration: the accept / reject pair of thresholds around the EER
point, what share of each kind of signature lands in each band, and the Platt scaling that
turns a score into the similarity shown to users.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from sigverify.core.evaluation.metrics import Metrics, compute_eer, roc_points
from sigverify.core.model.card import ModelCard
from sigverify.core.scoring import ScoreSet


def review_band(genuine: np.ndarray, forged: np.ndarray) -> tuple[float, float]:
    """``(accept, reject)`` thresholds around the EER point: at most ``accept`` keeps the
    false accepts of forgeries to half the EER; above ``reject`` keeps the false rejects of
    genuine signatures to half the EER. Scores in between need a person's review."""
    eer, eer_threshold = compute_eer(genuine, forged)
    if not np.isfinite(eer):
        return float("nan"), float("nan")
    thresholds, far, frr = roc_points(genuine, forged)
    target = eer / 2
    accept_ok = np.flatnonzero(far <= target + 1e-12)
    reject_ok = np.flatnonzero(frr <= target + 1e-12)
    accept = float(thresholds[accept_ok[-1]]) if len(accept_ok) else eer_threshold
    reject = float(thresholds[reject_ok[0]]) if len(reject_ok) else eer_threshold
    return min(accept, eer_threshold), max(reject, eer_threshold)


def fit_calibration(
    genuine: np.ndarray, forged: np.ndarray, iterations: int = 50
) -> tuple[float, float]:
    """Platt scaling: ``(a, b)`` such that ``1 / (1 + exp(a * score + b))`` estimates the
    probability that a query with this score is genuine, fitted by Newton's method on the
    validation scores (classes weighted equally). The targets are Platt's (1999)
    ``(n + 1) / (n + 2)`` for genuine and ``1 / (m + 2)`` for forged rather than 1 and 0:
    scores that separate the two completely (a small validation set) would otherwise drive
    the slope without bound (seen: 2e6, a card that no longer loads)."""
    scores = np.concatenate([genuine, forged]).astype(np.float64)
    is_genuine = np.concatenate([np.ones(len(genuine), bool), np.zeros(len(forged), bool)])
    labels = np.where(is_genuine, (len(genuine) + 1) / (len(genuine) + 2), 1 / (len(forged) + 2))
    weights = np.where(is_genuine, 0.5 / max(1, len(genuine)), 0.5 / max(1, len(forged)))
    scale = max(float(np.std(scores)), 1e-6)
    x = (scores - scores.mean()) / scale
    a, b = 1.0, 0.0
    for _ in range(iterations):
        p = 1 / (1 + np.exp(np.clip(a * x + b, -50, 50)))  # P(genuine)
        gradient = np.array([np.sum(weights * (labels - p) * x), np.sum(weights * (labels - p))])
        w = weights * p * (1 - p)
        hessian = np.array(
            [[np.sum(w * x * x), np.sum(w * x)], [np.sum(w * x), np.sum(w)]]
        ) + 1e-9 * np.eye(2)
        a, b = np.array([a, b]) - np.linalg.solve(hessian, gradient)
    # back to raw scores: a * (s - mean) / scale + b
    return float(a / scale), float(b - a * scores.mean() / scale)


def record_on_card(
    card: ModelCard, metrics: Metrics, scores: ScoreSet, validation_writers: int
) -> None:
    """Write into ``card`` what the validation writers' ``scores`` (and their ``metrics``)
    give: the EER threshold, the review band, the calibration and the validation figures."""
    card.threshold = float(metrics.eer_threshold)
    negatives, _, _ = scores.negatives()
    card.accept_threshold, card.reject_threshold = review_band(scores.genuine, negatives)
    card.calibration = list(fit_calibration(scores.genuine, negatives))
    card.threshold_info = {
        "method": "EER threshold",
        "writers": "validation",
        "refs": metrics.refs,
        "validation_writers": validation_writers,
        "negatives": metrics.negatives,
    }
    card.metrics = {**card.metrics, "validation": {str(metrics.refs): metrics.to_dict()}}


@dataclass(frozen=True)
class BandRates:
    """Where each kind of signature lands with an accept/reject pair of thresholds:
    fractions accepted (score <= accept), sent to review, rejected (score > reject)."""

    accept: float
    reject: float
    genuine: tuple[float, float, float]
    skilled: tuple[float, float, float]
    random: tuple[float, float, float]

    @property
    def frr(self) -> float:
        """Genuine signatures rejected."""
        return self.genuine[2]

    @property
    def far(self) -> float:
        """Forgeries accepted (skilled ones when there are any)."""
        return self.skilled[0] if not np.isnan(self.skilled[0]) else self.random[0]


def per_hundred(shares) -> tuple[int, ...]:
    """Shares that add up to 1 (accepted, sent to review, rejected) as whole numbers out
    of 100 that add up to 100: each rounded down, and the ones left over to the largest
    remainders ("about 79 are accepted, 6 sent to review and 16 rejected" made 101: a
    real-window pass). NaN shares (none of that kind measured) stay NaN, unrounded."""
    values = np.asarray(shares, np.float64) * 100
    if not np.all(np.isfinite(values)):
        return tuple(values)
    whole = np.floor(values + 1e-9)
    left = int(round(100 - whole.sum()))
    for index in np.argsort(-(values - whole), kind="stable")[: max(0, left)]:
        whole[index] += 1
    return tuple(int(v) for v in whole)


def band_rates(scores: ScoreSet, accept: float, reject: float) -> BandRates:
    def split(values: np.ndarray) -> tuple[float, float, float]:
        if not len(values):
            return (float("nan"),) * 3
        accepted = float(np.mean(values <= accept))
        rejected = float(np.mean(values > reject))
        return accepted, max(0.0, 1.0 - accepted - rejected), rejected

    return BandRates(
        accept, reject, split(scores.genuine), split(scores.skilled), split(scores.random)
    )
