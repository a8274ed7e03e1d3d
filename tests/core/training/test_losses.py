"""Distances and losses against values worked out by hand."""

from __future__ import annotations

import math

import pytest
import torch

from sigverify.core.training.distances import CosineDistance, EuclideanDistance, get_distance
from sigverify.core.training.losses import (
    BatchHardTripletLoss,
    ContrastiveLoss,
    CosineSoftmaxLoss,
    ReferenceSetLoss,
    TripletLoss,
)

A = torch.tensor([[0.0, 0.0], [1.0, 0.0]])
B = torch.tensor([[3.0, 4.0], [0.0, 1.0]])


def test_euclidean_pairwise_and_matrix():
    d = EuclideanDistance()
    assert torch.allclose(d.pairwise(A, B), torch.tensor([5.0, math.sqrt(2)]), atol=1e-5)
    m = d.matrix(A, B)  # rows: A, columns: B
    expected = torch.tensor([[5.0, 1.0], [math.sqrt(4 + 16), math.sqrt(2)]])
    assert torch.allclose(m, expected, atol=1e-5)


def test_cosine_pairwise_and_matrix():
    d = CosineDistance()
    x = torch.tensor([[1.0, 0.0], [1.0, 1.0]])
    y = torch.tensor([[2.0, 0.0], [-1.0, -1.0]])
    assert torch.allclose(d.pairwise(x, y), torch.tensor([0.0, 2.0]), atol=1e-6)
    # cos between (1,0) and (-1,-1) is -1/sqrt(2); between (1,1) and (2,0) is 1/sqrt(2)
    expected = torch.tensor([[0.0, 1 + 1 / math.sqrt(2)], [1 - 1 / math.sqrt(2), 2.0]])
    assert torch.allclose(d.matrix(x, y), expected, atol=1e-6)


def test_get_distance_by_name():
    assert isinstance(get_distance("cosine"), CosineDistance)
    with pytest.raises(ValueError, match="unknown distance"):
        get_distance("manhattan")


def test_euclidean_gradient_is_finite_at_zero_distance():
    a = torch.tensor([[1.0, 2.0]], requires_grad=True)
    EuclideanDistance().pairwise(a, a.detach().clone()).sum().backward()
    assert torch.isfinite(a.grad).all()


def test_contrastive_loss_by_hand():
    # pair 1 genuine, d = 5   -> 0.5 * 25 = 12.5
    # pair 2 forged,  d = sqrt(2) = 1.414 with margin 2 -> 0.5 * (2 - 1.414)^2 = 0.17157
    loss = ContrastiveLoss(margin=2.0)(A, B, torch.tensor([1, 0]))
    expected = (12.5 + 0.5 * (2 - math.sqrt(2)) ** 2) / 2
    assert loss.item() == pytest.approx(expected, rel=1e-5)
    # a forged pair beyond the margin costs nothing
    far = ContrastiveLoss(margin=1.0)(A[:1], B[:1], torch.tensor([0]))
    assert far.item() == 0.0


def test_triplet_loss_by_hand():
    anchor = torch.tensor([[0.0, 0.0], [0.0, 0.0]])
    positive = torch.tensor([[1.0, 0.0], [0.0, 0.5]])
    negative = torch.tensor([[0.0, 1.2], [3.0, 0.0]])
    # 1: d(a,p)=1, d(a,n)=1.2 -> 1 - 1.2 + 0.5 = 0.3 ; 2: 0.5 - 3 + 0.5 < 0 -> 0
    loss = TripletLoss(margin=0.5)(anchor, positive, negative)
    assert loss.item() == pytest.approx(0.15, abs=1e-5)


def test_batch_hard_picks_farthest_positive_and_nearest_negative():
    points = torch.tensor([[0.0, 0.0], [1.0, 0.0], [3.0, 0.0], [0.0, 2.0], [0.0, 10.0]])
    labels = torch.tensor([0, 0, 0, -1, 1])  # -1: a forgery of writer 0
    anchors = labels >= 0
    loss = BatchHardTripletLoss(margin=0.5)(points, labels, anchors)
    # anchor 0: farthest pos 3, nearest neg 2 -> 3 - 2 + .5 = 1.5
    # anchor 1: farthest pos 2 (to x=3), nearest neg sqrt(5)=2.236 -> 0.264
    # anchor 2: farthest pos 3, nearest neg sqrt(13)=3.606 -> 0 (clamped)
    # anchor 4 (label 1): no positive -> skipped; sample 3 is not an anchor
    expected = (1.5 + (2 - math.sqrt(5) + 0.5) + 0.0) / 3
    assert loss.item() == pytest.approx(expected, rel=1e-4)


def test_batch_hard_without_valid_anchor_is_zero_with_gradient():
    points = torch.randn(3, 4, requires_grad=True)
    loss = BatchHardTripletLoss()(points, torch.tensor([0, 1, 2]))
    assert loss.item() == 0.0
    loss.backward()
    assert points.grad is not None


def test_reference_set_loss_scores_queries_against_a_writers_other_signatures():
    points = torch.tensor([[0.0, 0.0], [1.0, 0.0], [3.0, 0.0], [0.0, 2.0], [0.0, 10.0]])
    labels = torch.tensor([0, 0, 0, -1, 1])  # -1: a forgery of writer 0
    anchors = labels >= 0
    # writer 0's genuine, each against the other two: (1+3)/2=2, (1+2)/2=1.5, (3+2)/2=2.5
    # the forgery against all three: (2 + sqrt 5 + sqrt 13) / 3 = 2.614; writer 1's
    # genuine about 10.2. Worst genuine 2.5, best other 2.614: 2.5 - 2.614 + 0.5.
    # Writer 1 has one genuine signature: skipped.
    forgery = (2 + math.sqrt(5) + math.sqrt(13)) / 3
    loss = ReferenceSetLoss(margin=0.5)(points, labels, anchors)
    assert loss.item() == pytest.approx(2.5 - forgery + 0.5, rel=1e-4)
    assert ReferenceSetLoss(margin=0.0)(points, labels, anchors).item() == 0.0


def test_reference_set_loss_without_a_usable_writer_is_zero_with_gradient():
    points = torch.randn(3, 4, requires_grad=True)
    labels = torch.tensor([0, 1, 2])
    loss = ReferenceSetLoss()(points, labels, labels >= 0)
    assert loss.item() == 0.0
    loss.backward()
    assert points.grad is not None


def test_cosine_softmax_by_hand():
    loss = CosineSoftmaxLoss(dim=2, classes=2, scale=2.0, margin=0.5)
    with torch.no_grad():
        loss.weight.copy_(torch.tensor([[5.0, 0.0], [0.0, 0.3]]))  # only directions count
    # [3, 0] is class 0's direction: cosines (1, 0); logits 2 * (1 - 0.5) = 1 and 0
    right = loss(torch.tensor([[3.0, 0.0]]), torch.tensor([0])).item()
    assert float(right) == pytest.approx(math.log(1 + math.exp(-1)), rel=1e-6)
    # the same embedding labelled class 1: logits 2 * 1 = 2 and 2 * (0 - 0.5) = -1
    wrong = loss(torch.tensor([[3.0, 0.0]]), torch.tensor([1])).item()
    assert float(wrong) == pytest.approx(math.log(1 + math.exp(3)), rel=1e-6)
    both = loss(torch.tensor([[3.0, 0.0], [3.0, 0.0]]), torch.tensor([0, 1])).item()
    assert float(both) == pytest.approx((float(right) + float(wrong)) / 2, rel=1e-6)


def test_cosine_softmax_trains_its_class_weights():
    torch.manual_seed(0)
    loss = CosineSoftmaxLoss(dim=2, classes=2)
    embeddings = torch.tensor([[1.0, 0.1], [0.1, 1.0]])
    labels = torch.tensor([0, 1])
    optimiser = torch.optim.SGD(loss.parameters(), lr=0.5)
    before = loss(embeddings, labels).item()
    for _ in range(50):
        optimiser.zero_grad()
        loss(embeddings, labels).backward()
        optimiser.step()
    assert loss(embeddings, labels).item() < before / 2
