"""The running average of the weights (``--ema``)."""

from __future__ import annotations

import math

import pytest
import torch

from sigverify.core.training.averaging import WeightAverage


def test_the_average_follows_the_weights_by_hand():
    net = torch.nn.Sequential(torch.nn.Linear(1, 1, bias=False), torch.nn.BatchNorm1d(1))
    with torch.no_grad():
        net[0].weight.fill_(1.0)
    average = WeightAverage(net, decay=0.5)
    with torch.no_grad():
        net[0].weight.fill_(12.0)
        net[1].num_batches_tracked.fill_(7)
    average.update(net)  # decay min(0.5, 2/11): 1 + (1 - 2/11) * (12 - 1) = 10
    assert average.model[0].weight.item() == pytest.approx(10.0)
    assert average.model[1].num_batches_tracked.item() == 7  # counters are copied
    with torch.no_grad():
        net[0].weight.fill_(0.0)
    average.update(net)  # decay min(0.5, 3/12) = 0.25: 10 + 0.75 * (0 - 10) = 2.5
    assert average.model[0].weight.item() == pytest.approx(2.5)
    for _ in range(20):  # the decay rises 4/13, 5/14, ... to 0.5 at the 8th step, then stays
        average.update(net)
    assert average.current_decay() == 0.5
    decays = [4 / 13, 5 / 14, 6 / 15, 7 / 16, 8 / 17] + [0.5] * 15
    assert average.model[0].weight.item() == pytest.approx(2.5 * math.prod(decays))
    assert not any(p.requires_grad for p in average.model.parameters())
    assert net[0].weight.item() == 0.0  # the trained network is left alone
