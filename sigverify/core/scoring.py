"""How a query is scored against a person's references: one function, used by evaluation
and by verification alike.

The score is the *mean distance* from the query to the k nearest references, with
``k = ceil(n / 2)`` for n references (1 ref: itself; 5 refs: the 3 nearest). Using the
nearest half keeps one odd reference (a rushed or badly scanned one) from dragging a
genuine query's score up, while still asking the query to resemble several references.
"""

from __future__ import annotations

import math

import numpy as np


def nearest_count(references: int) -> int:
    return max(1, math.ceil(references / 2))


def aggregate_distances(distances: np.ndarray) -> np.ndarray:
    """``distances (Q, R)`` from Q queries to R references -> scores ``(Q,)``."""
    distances = np.atleast_2d(np.asarray(distances, dtype=np.float64))
    k = nearest_count(distances.shape[1])
    nearest = np.sort(distances, axis=1)[:, :k]
    return nearest.mean(axis=1)


def pairwise_distances(queries: np.ndarray, references: np.ndarray, distance: str) -> np.ndarray:
    """``queries (Q, D)``, ``references (R, D)`` -> ``(Q, R)`` (numpy; matches
    :mod:`sigverify.core.distances`)."""
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
