"""The writer-disjoint evaluation protocol.

Protocol (:func:`score_writers`) for N references per writer: each writer with more
than N genuine signatures gets N of them (a seeded random choice) as references; the
queries are their remaining genuine signatures, all skilled forgeries of them, and one
genuine signature from each of up to ``random_writers`` other writers (random
forgeries). Each query's score is :func:`sigverify.core.scoring.score_queries` of its
distances to the references (scaled by the references' spread when the model records a
typical one), plus, when the model's card has a stroke check, the query's stroke term
(:mod:`sigverify.core.stroke_match`); smaller = more genuine. A query is accepted when
its score is at most the threshold.

Which N signatures are the references moves the figures of a few writers a lot (on 8
test writers of CEDAR, the EER at 5 references ranged 6.6-14.6 % over ten draws, sd 2.4
points; over 71 writers of five data sets, sd 0.4): ``draws`` runs the protocol with that
many seeded draws and pools their scores (:func:`evaluate_embeddings`).
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from sigverify.core.data.bank import WriterBank
from sigverify.core.evaluation.metrics import Metrics, compute_metrics
from sigverify.core.scoring import ScoreSet, pairwise_distances, score_queries

DEFAULT_REFS = (1, 3, 5, 10)

#: ``added(queries, references)``: what is added to the scores of those bank indices, (Q,).
AddedTerm = Callable[[np.ndarray, np.ndarray], np.ndarray]


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


def _writer_rng(seed: int, writer_id: str) -> np.random.Generator:
    """Each writer's own random stream, so results do not depend on the order of writers."""
    return np.random.default_rng([seed, zlib.crc32(writer_id.encode("utf-8"))])


def score_writers(
    embeddings: np.ndarray,
    bank: WriterBank,
    refs: int,
    distance: str = "euclidean",
    random_writers: int = 20,
    seed: int = 0,
    reference_spread: float | None = None,
    query_embeddings: np.ndarray | None = None,
    added: AddedTerm | None = None,
) -> ScoreSet:
    """Run the protocol on ``embeddings (N, D)`` of ``bank``'s signatures (same order).
    ``reference_spread``: the model's typical spread (see :mod:`sigverify.core.scoring`).
    ``query_embeddings``: the queries' embeddings when they differ from the references'
    (the same images captured otherwise, e.g. photographed); by default ``embeddings``.
    ``added``: a term added to the scores (:func:`score_writers_by`)."""
    queries = embeddings if query_embeddings is None else query_embeddings
    if queries.shape != embeddings.shape:
        raise ValueError("query_embeddings must match embeddings image for image")
    return score_writers_by(
        lambda rows, columns: pairwise_distances(queries[rows], embeddings[columns], distance),
        lambda references: pairwise_distances(
            embeddings[references], embeddings[references], distance
        ),
        bank,
        refs,
        random_writers,
        seed,
        reference_spread,
        added,
    )


def score_writers_by(
    query_distances: Callable[[np.ndarray, np.ndarray], np.ndarray],
    reference_distances: Callable[[np.ndarray], np.ndarray],
    bank: WriterBank,
    refs: int,
    random_writers: int = 20,
    seed: int = 0,
    reference_spread: float | None = None,
    added: AddedTerm | None = None,
) -> ScoreSet:
    """The protocol with any way of comparing two signatures of ``bank``:
    ``query_distances(queries, references)`` gives the ``(Q, R)`` distances between the
    signatures of those bank indices, ``reference_distances(references)`` the ``(R, R)``
    ones among references (embedding distances, or e.g. DTW between pen recordings).
    ``added(queries, references)``, when given, is added to the queries' scores (the
    stroke term, :func:`sigverify.core.stroke_match.bank_stroke_term`). The choices for a
    writer depend only on ``seed`` and the writer's id."""
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
        references = genuine_idx[w][:refs]
        among = reference_distances(references)
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
                d = query_distances(idx, references)
                score = score_queries(d, among, reference_spread)
                out[key].append(score if added is None else score + added(idx, references))
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


def available_refs(bank: WriterBank, wanted=DEFAULT_REFS) -> list[int]:
    """The reference counts of ``wanted`` that leave at least one genuine query for at
    least half of the writers."""
    counts = np.array([len(bank.genuine_of(w)) for w in range(len(bank.writer_ids))])
    return [n for n in wanted if (counts > n).sum() >= max(1, len(counts) / 2)]


def refs_to_use(bank: WriterBank, wanted: int) -> int | None:
    """How many references per writer to measure ``bank`` with when ``wanted`` are asked
    for: the largest of :data:`DEFAULT_REFS` at most ``wanted`` that :func:`available_refs`
    allows, else the smallest it allows; None when the writers have too few signatures."""
    counts = available_refs(bank, DEFAULT_REFS)
    if not counts:
        return None
    return max([n for n in counts if n <= wanted] or [min(counts)])


def evaluate_embeddings(
    embeddings: np.ndarray,
    bank: WriterBank,
    refs=DEFAULT_REFS,
    distance: str = "euclidean",
    threshold: float | None = None,
    bootstrap: int = 0,
    seed: int = 0,
    reference_spread: float | None = None,
    query_embeddings: np.ndarray | None = None,
    added: AddedTerm | None = None,
    draws: int = 1,
) -> EvaluationReport:
    """The protocol at each references count of ``refs`` the bank allows; with ``draws``
    above 1, run with the seeds ``seed`` ... ``seed + draws - 1`` (other references for
    every writer) and measured on all their scores pooled."""
    per_refs, scores = {}, {}
    for n in available_refs(bank, refs):
        scores[n] = ScoreSet.pooled(
            [
                score_writers(
                    embeddings,
                    bank,
                    n,
                    distance,
                    seed=seed + draw,
                    reference_spread=reference_spread,
                    query_embeddings=query_embeddings,
                    added=added,
                )
                for draw in range(draws)
            ]
        )
        per_refs[n] = compute_metrics(scores[n], threshold, bootstrap=bootstrap)
    return EvaluationReport(per_refs=per_refs, scores=scores, threshold=threshold)
