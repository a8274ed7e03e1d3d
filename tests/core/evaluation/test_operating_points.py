"""Operating-point presets: thresholds from a target share of forgeries let through, on
scores whose counts can be worked out by hand."""

from __future__ import annotations

import numpy as np
import pytest

from sigverify.core.evaluation.operating_points import (
    PRESET_TARGETS,
    operating_point,
    preset_points,
)
from sigverify.core.scoring import ScoreSet


def scores(genuine, skilled, random=()):
    genuine, skilled, random = (np.asarray(v, dtype=np.float64) for v in (genuine, skilled, random))
    return ScoreSet(
        5, genuine, skilled, random,
        np.zeros(len(genuine), int), np.zeros(len(skilled), int), np.zeros(len(random), int),
    )  # fmt: skip


# 100 genuine at 0.00, 0.01, ..., 0.99 and 200 forgeries at 0.01, 0.02, ..., 2.00
RAMP = scores(np.arange(100) / 100, np.arange(1, 201) / 100)


def test_five_percent_lets_through_ten_of_two_hundred_forgeries_and_rejects_five_genuine():
    point = operating_point(RAMP, 0.05)
    assert 0.10 <= point.accept < 0.11  # forgeries 0.01..0.10 accepted: 10 of 200
    assert point.forgeries_accepted == pytest.approx(0.05)
    assert point.reject == pytest.approx(0.94)  # genuine 0.95..0.99 rejected: 5 of 100
    assert point.genuine_rejected == pytest.approx(0.05)
    assert point.genuine_accepted == pytest.approx(0.11)  # 0.00..0.10
    assert point.genuine_reviewed == pytest.approx(0.84)
    assert point.forgeries_reviewed == pytest.approx(84 / 200)  # 0.11..0.94
    assert point.needed == 60 and point.enough_forgeries and point.enough_genuine


def test_stricter_targets_widen_the_review_band_and_say_when_too_few_were_measured():
    strict = operating_point(RAMP, 0.01)
    assert 0.02 <= strict.accept < 0.03 and strict.forgeries_accepted == pytest.approx(0.01)
    assert strict.reject == pytest.approx(0.98) and strict.genuine_rejected == pytest.approx(0.01)
    assert strict.needed == 300 and not strict.enough_forgeries and not strict.enough_genuine
    strictest = operating_point(RAMP, 0.001)  # 0.2 forgeries allowed: none
    assert strictest.accept < 0.01 and strictest.forgeries_accepted == 0
    assert strictest.reject == pytest.approx(0.99) and strictest.genuine_rejected == 0
    points = preset_points(RAMP)
    assert [p.target for p in points] == list(PRESET_TARGETS)
    reviewed = [p.genuine_reviewed for p in points]
    assert reviewed == sorted(reviewed, reverse=True)  # 0.1 % reviews most


def test_ties_never_let_more_through_than_the_target():
    tied = scores([0.1, 0.2, 0.3], [0.5] * 10 + [0.9] * 10)
    point = operating_point(tied, 0.05)  # 1 of 20 allowed, but 10 share the lowest score
    assert point.accept < 0.5 and point.forgeries_accepted == 0


def test_the_reject_threshold_never_falls_below_the_accept_threshold():
    apart = scores([0.1, 0.2], [0.6, 0.7, 0.8])
    point = operating_point(apart, 0.05)
    assert point.reject == point.accept and 0.59 < point.accept < 0.6
    assert point.genuine_accepted == 1 and point.forgeries_accepted == 0


def test_scores_without_forgeries_or_a_bad_target_are_refused():
    with pytest.raises(ValueError, match="skilled forgeries"):
        operating_point(scores([0.1, 0.2], []), 0.01)
    for target in (0, 1, -0.1):
        with pytest.raises(ValueError, match="between 0 and 1"):
            operating_point(RAMP, target)
