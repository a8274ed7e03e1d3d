"""Metric-learning losses for Siamese training: one small class each.

- :class:`ContrastiveLoss` (Hadsell, Chopra, LeCun 2006) on pairs:
  ``0.5 * y * d**2 + 0.5 * (1 - y) * max(0, margin - d)**2``, ``y = 1`` for a genuine pair.
- :class:`TripletLoss` on (anchor, positive, negative): ``max(0, d(a, p) - d(a, n) + margin)``.
- :class:`BatchHardTripletLoss` (Hermans et al. 2017): for each anchor in a batch, its
  farthest positive and nearest negative.
- :class:`ReferenceSetLoss`: as a person is verified, a query against several references.
  Each writer's genuine signatures in a batch are its references; a query's score is its
  mean distance to them (a genuine query leaves itself out). For each writer, its
  worst-scoring genuine against its best-scoring other sample (its forgeries, other
  writers): ``max(0, worst genuine - best other + margin)``.
- :class:`CosineSoftmaxLoss` (CosFace, Wang et al. 2018): cross-entropy of ``scale *
  (cos(embedding, class weight) - margin at the true class)``; an auxiliary loss that asks
  every embedding to name its training writer, as SigNet's features were learnt (Hafemann
  et al. 2017), with a learnt weight vector per class.

All return the mean over the batch.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import nn

from sigverify.core.training.distances import EuclideanDistance


class ContrastiveLoss(nn.Module):
    def __init__(self, margin: float = 1.0, distance=None):
        super().__init__()
        self.margin = margin
        self.distance = distance or EuclideanDistance()

    def forward(self, a: torch.Tensor, b: torch.Tensor, same: torch.Tensor) -> torch.Tensor:
        """``a, b (N, D)`` embeddings; ``same (N,)`` 1 for genuine pairs, 0 for forged ones."""
        d = self.distance.pairwise(a, b)
        same = same.to(d.dtype)
        loss = same * d**2 + (1 - same) * torch.clamp(self.margin - d, min=0) ** 2
        return 0.5 * loss.mean()


class TripletLoss(nn.Module):
    def __init__(self, margin: float = 0.2, distance=None):
        super().__init__()
        self.margin = margin
        self.distance = distance or EuclideanDistance()

    def forward(
        self, anchor: torch.Tensor, positive: torch.Tensor, negative: torch.Tensor
    ) -> torch.Tensor:
        """``anchor, positive, negative (N, D)``."""
        gap = self.distance.pairwise(anchor, positive) - self.distance.pairwise(anchor, negative)
        return torch.clamp(gap + self.margin, min=0).mean()


class BatchHardTripletLoss(nn.Module):
    """Labels: samples with equal labels are positives of each other, all others are
    negatives. Only samples with ``anchor_mask`` True are anchors (e.g. genuine ones:
    a writer's forgeries share a label of their own so that they are never positives of
    the genuine signatures, and are not anchors). Anchors without a positive or without
    a negative in the batch are skipped."""

    def __init__(self, margin: float = 0.2, distance=None):
        super().__init__()
        self.margin = margin
        self.distance = distance or EuclideanDistance()

    def forward(
        self,
        embeddings: torch.Tensor,
        labels: torch.Tensor,
        anchor_mask: torch.Tensor | None = None,
    ) -> torch.Tensor:
        d = self.distance.matrix(embeddings, embeddings)
        same = labels[:, None] == labels[None, :]
        not_self = ~torch.eye(len(labels), dtype=torch.bool, device=labels.device)
        positive = same & not_self
        negative = ~same
        hardest_positive = torch.where(positive, d, torch.full_like(d, -1.0)).max(dim=1).values
        hardest_negative = (
            torch.where(negative, d, torch.full_like(d, float("inf"))).min(dim=1).values
        )
        valid = positive.any(1) & negative.any(1)
        if anchor_mask is not None:
            valid &= anchor_mask
        if not valid.any():
            return embeddings.sum() * 0.0  # keeps the graph; no usable triplet in this batch
        loss = torch.clamp(hardest_positive - hardest_negative + self.margin, min=0)
        return loss[valid].mean()


class ReferenceSetLoss(nn.Module):
    """``labels`` and ``anchor_mask`` as for :class:`BatchHardTripletLoss`: the samples
    with ``anchor_mask`` True are genuine, and equal labels mean one writer. Writers with
    fewer than 2 genuine samples, or no other sample, are skipped."""

    def __init__(self, margin: float = 0.2, distance=None):
        super().__init__()
        self.margin = margin
        self.distance = distance or EuclideanDistance()

    def forward(
        self, embeddings: torch.Tensor, labels: torch.Tensor, anchor_mask: torch.Tensor
    ) -> torch.Tensor:
        writers = torch.unique(labels[anchor_mask])
        # member[w, i]: sample i is a genuine signature of writer w (one of its references)
        member = (labels[None, :] == writers[:, None]) & anchor_mask[None, :]
        d = self.distance.matrix(embeddings, embeddings)
        d = d * ~torch.eye(len(labels), dtype=torch.bool, device=d.device)  # self: 0
        count = member.sum(1, keepdim=True)
        # score[w, i]: mean distance from sample i to writer w's references, itself left out
        score = (member.to(d.dtype) @ d) / (count - member.to(count.dtype)).clamp_min(1)
        worst_genuine = torch.where(member, score, torch.full_like(score, -1.0)).max(1).values
        best_other = torch.where(member, torch.full_like(score, float("inf")), score).min(1)
        valid = (count[:, 0] >= 2) & (~member).any(1)
        if not valid.any():
            return embeddings.sum() * 0.0
        loss = torch.clamp(worst_genuine - best_other.values + self.margin, min=0)
        return loss[valid].mean()


class CosineSoftmaxLoss(nn.Module):
    """``embeddings (N, D)``, ``labels (N,)`` class indices in ``0..classes-1``. The class
    weights are this module's parameters (train them with the encoder, drop them after)."""

    def __init__(self, dim: int, classes: int, scale: float = 16.0, margin: float = 0.1):
        super().__init__()
        self.scale, self.margin = scale, margin
        self.weight = nn.Parameter(torch.randn(classes, dim) / dim**0.5)

    def forward(self, embeddings: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
        cosine = F.normalize(embeddings, dim=1) @ F.normalize(self.weight, dim=1).T
        target = F.one_hot(labels, cosine.shape[1]).to(cosine.dtype)
        return F.cross_entropy(self.scale * (cosine - self.margin * target), labels)
