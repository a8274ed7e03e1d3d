"""The metrics of a verifier's scores.

Metrics (:func:`compute_metrics`): EER (where false accepts of skilled forgeries equal
false rejects of genuine signatures) and its threshold, AUC, FAR/FRR at a given
threshold, FAR at FRR 1 % and 5 %, mean per-writer EER (each writer at their own
threshold), and bootstrap 95 % intervals over writers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    pass
from sigverify.core.scoring import ScoreSet


@dataclass
class Metrics:
    refs: int
    negatives: str
    eer: float
    eer_threshold: float
    auc: float
    eer_random: float
    far_at_frr_1: float
    far_at_frr_5: float
    eer_per_writer_mean: float
    writers: int
    genuine_queries: int
    skilled_queries: int
    random_queries: int
    threshold: float | None = None
    far_skilled: float | None = None
    far_random: float | None = None
    frr: float | None = None
    intervals: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {k: (round(v, 6) if isinstance(v, float) else v) for k, v in self.__dict__.items()}


# ------------------------------------------------------------------ metrics


def error_rates(genuine: np.ndarray, forged: np.ndarray, threshold: float) -> tuple[float, float]:
    """``(FAR, FRR)`` at ``threshold``: FAR = forged scores <= threshold (accepted),
    FRR = genuine scores > threshold (rejected)."""
    far = float(np.mean(np.asarray(forged) <= threshold)) if len(forged) else float("nan")
    frr = float(np.mean(np.asarray(genuine) > threshold)) if len(genuine) else float("nan")
    return far, frr


def roc_points(
    genuine: np.ndarray, forged: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(thresholds, far, frr)`` at every distinct score (ascending), plus one below all."""
    genuine = np.sort(np.asarray(genuine, dtype=np.float64))
    forged = np.sort(np.asarray(forged, dtype=np.float64))
    scores = np.unique(np.concatenate([genuine, forged]))
    thresholds = np.concatenate([[scores[0] - 1e-9], scores])
    far = np.searchsorted(forged, thresholds, side="right") / max(1, len(forged))
    frr = 1 - np.searchsorted(genuine, thresholds, side="right") / max(1, len(genuine))
    return thresholds, far, frr


def compute_eer(genuine: np.ndarray, forged: np.ndarray) -> tuple[float, float]:
    """``(eer, threshold)``: where FAR and FRR cross. Between the two thresholds that
    bracket the crossing, the EER is interpolated and the threshold is their midpoint."""
    if len(genuine) == 0 or len(forged) == 0:
        return float("nan"), float("nan")
    thresholds, far, frr = roc_points(genuine, forged)
    diff = far - frr  # rises from -1 to +1 with the threshold
    i = int(np.searchsorted(diff, 0.0, side="left"))
    if i == 0:
        return float(frr[0]), float(thresholds[0])
    if i >= len(diff):
        return float(far[-1]), float(thresholds[-1])
    if diff[i] == 0:
        return float(far[i]), float(thresholds[i])
    # Linear interpolation of both curves between step i-1 and i.
    d0, d1 = diff[i - 1], diff[i]
    w = -d0 / (d1 - d0)
    eer = (1 - w) * far[i - 1] + w * far[i]
    eer_other = (1 - w) * frr[i - 1] + w * frr[i]
    return float((eer + eer_other) / 2), float((thresholds[i - 1] + thresholds[i]) / 2)


def compute_auc(genuine: np.ndarray, forged: np.ndarray) -> float:
    """Probability that a forgery scores higher (further) than a genuine signature;
    ties count half (Mann-Whitney U)."""
    genuine = np.asarray(genuine, dtype=np.float64)
    forged = np.asarray(forged, dtype=np.float64)
    if len(genuine) == 0 or len(forged) == 0:
        return float("nan")
    forged_sorted = np.sort(forged)
    below = np.searchsorted(forged_sorted, genuine, side="left")
    upto = np.searchsorted(forged_sorted, genuine, side="right")
    greater = len(forged) - upto
    ties = upto - below
    return float((greater + 0.5 * ties).sum() / (len(genuine) * len(forged)))


def far_at_frr(genuine: np.ndarray, forged: np.ndarray, frr_target: float) -> float:
    """FAR at the smallest threshold whose FRR is at most ``frr_target``."""
    if len(genuine) == 0 or len(forged) == 0:
        return float("nan")
    thresholds, far, frr = roc_points(genuine, forged)
    ok = np.flatnonzero(frr <= frr_target + 1e-12)
    return float(far[ok[0]])


def frr_at_far(genuine: np.ndarray, forged: np.ndarray, far_target: float) -> float:
    """FRR at the largest threshold whose FAR is at most ``far_target``: how many genuine
    signatures must be refused to accept no more forgeries than that."""
    if len(genuine) == 0 or len(forged) == 0:
        return float("nan")
    thresholds, far, frr = roc_points(genuine, forged)
    ok = np.flatnonzero(far <= far_target + 1e-12)
    return float(frr[ok[-1]])


def per_writer_eer(scores: ScoreSet) -> float:
    """Mean over writers of each writer's own EER (a per-person threshold)."""
    negatives, negative_writer, _ = scores.negatives()
    values = []
    for w in scores.writers:
        g = scores.genuine[scores.genuine_writer == w]
        f = negatives[negative_writer == w]
        if len(g) and len(f):
            values.append(compute_eer(g, f)[0])
    return float(np.mean(values)) if values else float("nan")


def bootstrap_intervals(scores: ScoreSet, rounds: int = 200, seed: int = 0) -> dict:
    """95 % intervals of EER and AUC, resampling writers with replacement."""
    rng = np.random.default_rng(seed)
    writers = scores.writers
    negatives, negative_writer, _ = scores.negatives()
    by_writer = {
        w: (scores.genuine[scores.genuine_writer == w], negatives[negative_writer == w])
        for w in writers
    }
    eers, aucs = [], []
    for _ in range(rounds):
        picked = rng.choice(writers, size=len(writers), replace=True)
        g = np.concatenate([by_writer[w][0] for w in picked])
        f = np.concatenate([by_writer[w][1] for w in picked])
        if len(g) and len(f):
            eers.append(compute_eer(g, f)[0])
            aucs.append(compute_auc(g, f))
    if not eers:
        return {}
    return {
        "eer_95": [float(np.percentile(eers, 2.5)), float(np.percentile(eers, 97.5))],
        "auc_95": [float(np.percentile(aucs, 2.5)), float(np.percentile(aucs, 97.5))],
        "bootstrap_rounds": rounds,
    }


def compute_metrics(
    scores: ScoreSet, threshold: float | None = None, bootstrap: int = 0
) -> Metrics:
    negatives, _, kind = scores.negatives()
    eer, eer_threshold = compute_eer(scores.genuine, negatives)
    metrics = Metrics(
        refs=scores.refs,
        negatives=kind,
        eer=eer,
        eer_threshold=eer_threshold,
        auc=compute_auc(scores.genuine, negatives),
        eer_random=compute_eer(scores.genuine, scores.random)[0],
        far_at_frr_1=far_at_frr(scores.genuine, negatives, 0.01),
        far_at_frr_5=far_at_frr(scores.genuine, negatives, 0.05),
        eer_per_writer_mean=per_writer_eer(scores),
        writers=int(len(scores.writers)),
        genuine_queries=int(len(scores.genuine)),
        skilled_queries=int(len(scores.skilled)),
        random_queries=int(len(scores.random)),
    )
    if threshold is not None:
        metrics.threshold = float(threshold)
        metrics.far_skilled, metrics.frr = error_rates(scores.genuine, scores.skilled, threshold)
        metrics.far_random, _ = error_rates(scores.genuine, scores.random, threshold)
    if bootstrap:
        metrics.intervals = bootstrap_intervals(scores, rounds=bootstrap)
    return metrics
