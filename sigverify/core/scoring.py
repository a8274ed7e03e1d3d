"""How a query is scored against a person's references: one function, used by evaluation
and by verification alike (:func:`score_queries`).

1. The *distance* part is the mean distance from the query to the k nearest references,
   with ``k = ceil(n / 2)`` for n references (1 ref: itself; 5 refs: the 3 nearest). Using
   the nearest half keeps one odd reference (a rushed or badly scanned one) from dragging
   a genuine query's score up, while still asking the query to resemble several references.
2. With 2 or more references and a model that records a *typical spread* (the usual
   distance between two genuine signatures of one person, measured on its validation
   writers), that distance is scaled by ``typical / spread``, where ``spread`` is the mean
   distance between this person's references, shrunk towards the typical one
   (:data:`PRIOR_PAIRS`) because a few references measure it roughly. A person who signs
   very consistently gets stricter scores, a variable signer more lenient ones, so one
   global threshold suits both. Measured on validation writers (writer-disjoint, 5
   references): EER 18.0 % -> 13.7 %; chosen over an unshrunk ratio (14.6 %) there.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

#: Weight of the model's typical spread, in reference pairs, when estimating a person's own.
PRIOR_PAIRS = 3.0


def nearest_count(references: int) -> int:
    return max(1, math.ceil(references / 2))


def aggregate_distances(distances: np.ndarray) -> np.ndarray:
    """``distances (Q, R)`` from Q queries to R references -> mean distance to the
    ``nearest_count(R)`` nearest, ``(Q,)``."""
    distances = np.atleast_2d(np.asarray(distances, dtype=np.float64))
    k = nearest_count(distances.shape[1])
    nearest = np.sort(distances, axis=1)[:, :k]
    return nearest.mean(axis=1)


def is_scaled(references: int, typical_spread: float | None) -> bool:
    """Whether scores against ``references`` references get scaled by their spread."""
    return typical_spread is not None and typical_spread > 0 and references >= 2


def spread_factor(reference_distances: np.ndarray, typical_spread: float | None) -> float:
    """``typical / spread`` for references whose distances to each other are
    ``reference_distances (R, R)``; 1 when :func:`is_scaled` says no."""
    count = len(reference_distances)
    if not is_scaled(count, typical_spread):
        return 1.0
    pairs = np.asarray(reference_distances, dtype=np.float64)[np.triu_indices(count, 1)]
    spread = (pairs.sum() + PRIOR_PAIRS * typical_spread) / (len(pairs) + PRIOR_PAIRS)
    return float(typical_spread / spread)


def score_queries(
    query_distances: np.ndarray,
    reference_distances: np.ndarray | None = None,
    typical_spread: float | None = None,
) -> np.ndarray:
    """Scores ``(Q,)`` (smaller = more genuine) from ``query_distances (Q, R)`` and the
    references' distances to each other ``(R, R)`` (see the module notes)."""
    scores = aggregate_distances(query_distances)
    if reference_distances is None:
        return scores
    return scores * spread_factor(reference_distances, typical_spread)


def typical_spread(embeddings: np.ndarray, writers: np.ndarray, distance: str) -> float | None:
    """The median over writers of the median distance between two of a writer's
    signatures: ``embeddings (N, D)`` of genuine signatures, ``writers (N,)`` their writer.
    None when no writer has two."""
    values = []
    for writer in np.unique(writers):
        own = embeddings[writers == writer]
        if len(own) >= 2:
            d = pairwise_distances(own, own, distance)
            values.append(float(np.median(d[np.triu_indices(len(own), 1)])))
    return float(np.median(values)) if values else None


def pairwise_distances(queries: np.ndarray, references: np.ndarray, distance: str) -> np.ndarray:
    """``queries (Q, D)``, ``references (R, D)`` -> ``(Q, R)`` (numpy; matches
    :mod:`sigverify.core.training.distances`)."""
    q = np.asarray(queries, dtype=np.float64)
    r = np.asarray(references, dtype=np.float64)
    if distance == "euclidean":
        squared = (q * q).sum(1)[:, None] + (r * r).sum(1)[None, :] - 2 * q @ r.T
        return np.sqrt(np.clip(squared, 0, None))
    if distance == "cosine":
        qn = q / np.maximum(np.linalg.norm(q, axis=1, keepdims=True), 1e-12)
        rn = r / np.maximum(np.linalg.norm(r, axis=1, keepdims=True), 1e-12)
        return 1 - qn @ rn.T
    raise ValueError(f"unknown distance {distance!r}")


def outlying_references(distances: np.ndarray, reject: float) -> list[tuple[int, float]]:
    """The references that stand out from the others, from their pairwise distances
    ``(R, R)``: each one's median distance to the rest is above the ``reject`` threshold
    (it would be rejected if verified against the others) *and* more than 1.5 times the
    median of the other references' medians (so when all lie far apart, none is singled
    out). Returns ``(index, median)`` pairs; none below 3 references."""
    count = len(distances)
    if count < 3:
        return []
    medians = np.array([np.median(np.delete(distances[i], i)) for i in range(count)])
    return [
        (i, float(medians[i]))
        for i in range(count)
        if medians[i] > reject and medians[i] > 1.5 * float(np.median(np.delete(medians, i)))
    ]


#: How far beyond the reject threshold a new reference must lie from a person's enrolled
#: ones to be called unlike them: on the default model's 52 validation writers with 5
#: enrolled, 2.3 % of their own new genuine signatures lie beyond 1.3 times it, 98.5 % of
#: another writer's (at 1.0 times: 21 % of their own, too many questions;
#: ``bench/unlike_enrolled.py``).
UNLIKE_ENROLLED = 1.3


def unlike_enrolled(distances: np.ndarray, reject: float) -> list[tuple[int, float]]:
    """The new references that lie far from a person's enrolled ones, from their distances
    ``(new, enrolled)``: the median beyond :data:`UNLIKE_ENROLLED` times the ``reject``
    threshold. :func:`outlying_references` compares each with all the rest, and so misses
    a second writer's signatures added as many as the first's (each has as many near it
    as far: seen in a real window). Returns ``(index, median)`` pairs; none below 2
    enrolled."""
    if distances.shape[1] < 2:
        return []
    medians = np.median(distances, axis=1)
    return [(i, float(m)) for i, m in enumerate(medians) if m > UNLIKE_ENROLLED * reject]


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

    @staticmethod
    def pooled(sets: list[ScoreSet]) -> ScoreSet:
        """Several runs of the protocol with the same references count (e.g. other draws
        of the references) as one set of scores, each score keeping its writer."""
        scores = ("genuine", "skilled", "random")
        fields = (*scores, *(f"{name}_writer" for name in scores))
        joined = {f: np.concatenate([getattr(s, f) for s in sets]) for f in fields}
        return ScoreSet(refs=sets[0].refs, **joined)


def calibrated_similarity(score: float, a: float, b: float) -> float:
    return float(1 / (1 + np.exp(np.clip(a * score + b, -50, 50))))
