"""Distances between embeddings: one small class each, chosen by name in the model card.

Both take tensors ``a (N, D)`` and ``b (N, D)`` row by row (:meth:`pairwise`), or all
pairs of ``a (N, D)`` and ``b (M, D)`` (:meth:`matrix`, ``(N, M)``). Smaller = more alike.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F


class EuclideanDistance:
    name = "euclidean"

    def pairwise(self, a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
        # The small epsilon keeps the gradient finite when a == b.
        return torch.sqrt(((a - b) ** 2).sum(dim=-1) + 1e-12)

    def matrix(self, a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
        squared = (a * a).sum(-1)[:, None] + (b * b).sum(-1)[None, :] - 2 * a @ b.T
        return torch.sqrt(squared.clamp_min(0) + 1e-12)


class CosineDistance:
    """``1 - cosine similarity``: 0 for the same direction, 2 for opposite ones."""

    name = "cosine"

    def pairwise(self, a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
        return 1 - F.cosine_similarity(a, b, dim=-1)

    def matrix(self, a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
        return 1 - F.normalize(a, dim=-1) @ F.normalize(b, dim=-1).T


DISTANCES = {cls.name: cls for cls in (EuclideanDistance, CosineDistance)}


def get_distance(name: str) -> EuclideanDistance | CosineDistance:
    try:
        return DISTANCES[name]()
    except KeyError:
        raise ValueError(f"unknown distance {name!r}; choose one of {sorted(DISTANCES)}") from None
