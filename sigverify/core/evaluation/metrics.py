"""Evaluation of a verifier: the writer-disjoint protocol, the metrics and the plots.

Protocol (:func:`score_writers`) for N references per writer: each writer with more
than N genuine signatures gets N of them (a seeded random choice) as references; the
queries are their remaining genuine signatures, all skilled forgeries of them, and one
genuine signature from each of up to ``random_writers`` other writers (random
forgeries). Each query's score is :func:`sigverify.core.scoring.score_queries` of its
distances to the references (scaled by the references' spread when the model records a
typical one); smaller = more genuine. A query is accepted when
its score is at most the threshold.

Metrics (:func:`compute_metrics`): EER (where false accepts of skilled forgeries equal
false rejects of genuine signatures) and its threshold, AUC, FAR/FRR at a given
threshold, FAR at FRR 1 % and 5 %, mean per-writer EER (each writer at their own
threshold), and bootstrap 95 % intervals over writers.

Plots are matplotlib ``Figure`` objects (no pyplot): the GUI embeds them, the CLI saves them.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from statistics import NormalDist
from typing import TYPE_CHECKING

import numpy as np

from sigverify.core.data.bank import SignatureBank
from sigverify.core.i18n import translate
from sigverify.core.scoring import pairwise_distances, score_queries

if TYPE_CHECKING:
    from matplotlib.figure import Figure

DEFAULT_REFS = (1, 3, 5, 10)


@dataclass
class ScoreSet:
    """Scores of one protocol run. ``*_writer``: the writer index of each score."""

    refs: int
    genuine: np.ndarray
    skilled: np.ndarray
    random: np.ndarray
    genuine_writer: np.ndarray
    skilled_writer: np.ndarray
    random_writer: np.ndarray

    @property
    def writers(self) -> np.ndarray:
        return np.unique(self.genuine_writer)

    def negatives(self) -> tuple[np.ndarray, np.ndarray, str]:
        """The forgeries the headline EER is about: skilled ones when there are any."""
        if len(self.skilled):
            return self.skilled, self.skilled_writer, "skilled"
        return self.random, self.random_writer, "random"


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


@dataclass
class EvaluationReport:
    per_refs: dict[int, Metrics]
    scores: dict[int, ScoreSet]
    threshold: float | None

    def to_dict(self) -> dict:
        return {
            "threshold": self.threshold,
            "per_refs": {str(n): m.to_dict() for n, m in self.per_refs.items()},
        }


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


# ------------------------------------------------------------------ protocol


def _writer_rng(seed: int, writer_id: str) -> np.random.Generator:
    """Each writer's own random stream, so results do not depend on the order of writers."""
    return np.random.default_rng([seed, zlib.crc32(writer_id.encode("utf-8"))])


def score_writers(
    embeddings: np.ndarray,
    bank: SignatureBank,
    refs: int,
    distance: str = "euclidean",
    random_writers: int = 20,
    seed: int = 0,
    reference_spread: float | None = None,
    query_embeddings: np.ndarray | None = None,
) -> ScoreSet:
    """Run the protocol on ``embeddings (N, D)`` of ``bank``'s images (same order). The
    choices for a writer depend only on ``seed`` and the writer's id. ``reference_spread``:
    the model's typical spread (see :mod:`sigverify.core.scoring`). ``query_embeddings``:
    the queries' embeddings when they differ from the references' (the same images
    captured otherwise, e.g. photographed); by default ``embeddings``."""
    queries = embeddings if query_embeddings is None else query_embeddings
    if queries.shape != embeddings.shape:
        raise ValueError("query_embeddings must match embeddings image for image")
    n_writers = len(bank.writer_ids)
    rngs = [_writer_rng(seed, wid) for wid in bank.writer_ids]
    genuine_idx = [rngs[w].permutation(bank.genuine_of(w)) for w in range(n_writers)]
    # Each writer's "random forgery" stand-in: one genuine signature, fixed per writer.
    representative = {w: int(g[-1]) for w, g in enumerate(genuine_idx) if len(g)}
    by_id = sorted(representative, key=lambda w: bank.writer_ids[w])
    out = {k: [] for k in ("g", "s", "r", "gw", "sw", "rw")}
    for w in range(n_writers):
        if len(genuine_idx[w]) <= refs:
            continue
        references = embeddings[genuine_idx[w][:refs]]
        among = pairwise_distances(references, references, distance)
        others = [o for o in by_id if o != w]
        if len(others) > random_writers:
            others = [
                others[i]
                for i in sorted(rngs[w].choice(len(others), size=random_writers, replace=False))
            ]
        groups = (
            ("g", "gw", genuine_idx[w][refs:]),
            ("s", "sw", bank.forged_of(w)),
            ("r", "rw", np.array([representative[o] for o in others], dtype=np.int64)),
        )
        for key, writer_key, idx in groups:
            if len(idx):
                d = pairwise_distances(queries[idx], references, distance)
                out[key].append(score_queries(d, among, reference_spread))
                out[writer_key].append(np.full(len(idx), w))

    def cat(key, dtype):
        return np.concatenate(out[key]).astype(dtype) if out[key] else np.zeros(0, dtype)

    return ScoreSet(
        refs=refs,
        genuine=cat("g", np.float64),
        skilled=cat("s", np.float64),
        random=cat("r", np.float64),
        genuine_writer=cat("gw", np.int64),
        skilled_writer=cat("sw", np.int64),
        random_writer=cat("rw", np.int64),
    )


def available_refs(bank: SignatureBank, wanted=DEFAULT_REFS) -> list[int]:
    """The reference counts of ``wanted`` that leave at least one genuine query for at
    least half of the writers."""
    counts = np.array([len(bank.genuine_of(w)) for w in range(len(bank.writer_ids))])
    return [n for n in wanted if (counts > n).sum() >= max(1, len(counts) / 2)]


def evaluate_embeddings(
    embeddings: np.ndarray,
    bank: SignatureBank,
    refs=DEFAULT_REFS,
    distance: str = "euclidean",
    threshold: float | None = None,
    bootstrap: int = 0,
    seed: int = 0,
    reference_spread: float | None = None,
    query_embeddings: np.ndarray | None = None,
) -> EvaluationReport:
    per_refs, scores = {}, {}
    for n in available_refs(bank, refs):
        scores[n] = score_writers(
            embeddings,
            bank,
            n,
            distance,
            seed=seed,
            reference_spread=reference_spread,
            query_embeddings=query_embeddings,
        )
        per_refs[n] = compute_metrics(scores[n], threshold, bootstrap=bootstrap)
    return EvaluationReport(per_refs=per_refs, scores=scores, threshold=threshold)


# ------------------------------------------------------------------ plots


def _figure(width: float, height: float) -> Figure:
    """An empty figure. matplotlib is imported here, not at module level: verification
    and model loading use this module without plotting, and the import costs ~0.7 s."""
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), layout="constrained")


def distance_histogram_figure(
    scores: ScoreSet, threshold: float | None = None, title: str = ""
) -> Figure:
    figure = _figure(6.4, 3.6)
    ax = figure.subplots()
    groups = [
        (scores.genuine, translate("plots", "genuine"), "#2e7d32"),
        (scores.skilled, translate("plots", "skilled forgeries"), "#c62828"),
        (scores.random, translate("plots", "random forgeries"), "#f9a825"),
    ]
    values = np.concatenate([g for g, _, _ in groups if len(g)])
    bins = np.linspace(values.min(), values.max(), 40) if len(values) else 10
    for data, label, color in groups:
        if len(data):
            ax.hist(
                data,
                bins=bins,
                alpha=0.55,
                density=True,
                label=f"{label} ({len(data)})",
                color=color,
            )
    if threshold is not None:
        ax.axvline(
            threshold,
            color="black",
            linestyle="--",
            label=translate("plots", "threshold {value:.3f}").format(value=threshold),
        )
    ax.set_xlabel(translate("plots", "distance to the references (smaller = more alike)"))
    ax.set_ylabel(translate("plots", "density"))
    ax.set_title(title or translate("plots", "Distances with %n reference(s)", None, scores.refs))
    ax.legend(fontsize=8)
    return figure


def roc_figure(score_sets: list[ScoreSet], names: list[str] | None = None) -> Figure:
    """ROC curves; ``names`` label the curves (default: the reference counts)."""
    figure = _figure(4.8, 4.4)
    ax = figure.subplots()
    for index, scores in enumerate(score_sets):
        negatives, _, kind = scores.negatives()
        _, far, frr = roc_points(scores.genuine, negatives)
        auc = compute_auc(scores.genuine, negatives)
        name = names[index] if names else translate("plots", "%n ref(s)", None, scores.refs)
        ax.plot(far, 1 - frr, label=f"{name}, AUC {auc:.3f}")
    ax.plot([0, 1], [0, 1], color="grey", linestyle=":", linewidth=1)
    ax.set_xlabel(translate("plots", "false accept rate (forgeries accepted)"))
    ax.set_ylabel(translate("plots", "true accept rate (genuine accepted)"))
    ax.set_title("ROC")
    ax.legend(fontsize=8, loc="lower right")
    return figure


def det_figure(score_sets: list[ScoreSet]) -> Figure:
    """FRR against FAR on normal-deviate axes (a DET curve)."""
    probit = np.vectorize(NormalDist().inv_cdf)
    ticks = np.array([0.001, 0.01, 0.05, 0.2, 0.5, 0.8])
    figure = _figure(4.8, 4.4)
    ax = figure.subplots()
    for scores in score_sets:
        negatives, _, _ = scores.negatives()
        _, far, frr = roc_points(scores.genuine, negatives)
        clip = (1e-4, 1 - 1e-4)
        ax.plot(
            probit(np.clip(far, *clip)),
            probit(np.clip(frr, *clip)),
            label=translate("plots", "%n ref(s)", None, scores.refs),
        )
    ax.set_xticks(probit(ticks), [f"{t:g}" for t in ticks * 100])
    ax.set_yticks(probit(ticks), [f"{t:g}" for t in ticks * 100])
    ax.set_xlim(probit(0.0005), probit(0.9))
    ax.set_ylim(probit(0.0005), probit(0.9))
    ax.set_xlabel(translate("plots", "false accept rate (%)"))
    ax.set_ylabel(translate("plots", "false reject rate (%)"))
    ax.set_title("DET")
    ax.grid(True, linewidth=0.3)
    ax.legend(fontsize=8)
    return figure


# ------------------------------------------------------------------ decision bands and calibration


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
    validation scores (classes weighted equally)."""
    scores = np.concatenate([genuine, forged]).astype(np.float64)
    labels = np.concatenate([np.ones(len(genuine)), np.zeros(len(forged))])
    weights = np.where(labels == 1, 0.5 / max(1, len(genuine)), 0.5 / max(1, len(forged)))
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


def calibrated_similarity(score: float, a: float, b: float) -> float:
    return float(1 / (1 + np.exp(np.clip(a * score + b, -50, 50))))


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


def training_figure(history: list[dict]) -> Figure:
    """Training loss and validation EER per epoch (the ``history`` of a training run)."""
    figure = _figure(6.4, 3.0)
    loss_axis, eer_axis = figure.subplots(1, 2)
    epochs = [h["epoch"] for h in history]
    loss_axis.plot(epochs, [h["loss"] for h in history], marker="o", color="#1565c0")
    loss_axis.set_title(translate("plots", "training loss"))
    loss_axis.set_xlabel(translate("plots", "epoch"))
    eer_axis.plot(epochs, [100 * h["validation_eer"] for h in history], marker="o", color="#c62828")
    eer_axis.set_title(translate("plots", "validation EER (%)"))
    eer_axis.set_xlabel(translate("plots", "epoch"))
    for axis in (loss_axis, eer_axis):
        axis.grid(True, linewidth=0.3)
        if epochs:
            axis.set_xlim(0.5, max(epochs) + 0.5)
    return figure
