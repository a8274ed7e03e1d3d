"""DTW matching of pen recordings: features, the alignment cost, the per-writer score."""

from __future__ import annotations

import numpy as np
import pytest

from sigverify.core.data.synthetic import forged_signature, genuine_signature, writer_style
from sigverify.core.pen_matching import (
    DTW_FEATURES,
    FEATURES,
    MAX_SAMPLES,
    dtw_distance,
    dtw_distances,
    dtw_features,
    pen_features,
    reference_score,
    reference_spread,
)


def line(n: int, slope: float, pressure: float = 0.8) -> np.ndarray:
    x = np.arange(n, dtype=np.float32)
    return np.column_stack([x, slope * x, np.full(n, pressure), x / 100]).astype(np.float32)


def test_features_are_per_sample_and_do_not_depend_on_place_or_size():
    trajectory = genuine_signature(writer_style(3), 0).trajectory
    features = pen_features(trajectory)
    assert features.shape == (min(len(trajectory), MAX_SAMPLES), len(FEATURES))
    moved = trajectory.copy()
    moved[:, :2] = moved[:, :2] * 3 + 500  # three times larger, elsewhere on the pad
    assert np.allclose(pen_features(moved), features, atol=1e-5)
    assert set(np.unique(features[:, -1])) <= {0.0, 1.0}  # the pen-up flag
    compared = dtw_features(trajectory)
    assert compared.shape == (len(features), len(DTW_FEATURES))
    assert np.allclose(compared.mean(axis=0), 0, atol=1e-4)
    assert np.allclose(compared.std(axis=0), 1, atol=1e-2)


def test_dtw_is_zero_for_the_same_sequence_and_forgives_a_change_of_speed():
    a = pen_features(line(60, 0.5))
    assert dtw_distance(a, a) == 0
    slower = pen_features(line(90, 0.5))  # the same stroke, more samples
    other = pen_features(line(60, -0.5))  # another direction
    assert dtw_distance(a, slower) < 0.05 < dtw_distance(a, other)
    assert dtw_distance(a, other) == pytest.approx(dtw_distance(other, a))


def test_dtw_by_hand_on_two_tiny_sequences():
    a = np.array([[0.0], [1.0], [2.0]], dtype=np.float32)
    b = np.array([[0.0], [2.0]], dtype=np.float32)
    # best path: (0,0) 0, (1,0) or (1,1) 1, (2,1) 0 -> total 1, over 3 + 2 samples
    assert dtw_distance(a, b, band=1.0) == pytest.approx(1 / 5)


def dtw_cell_by_cell(a: np.ndarray, b: np.ndarray, band: float = 0.2) -> float:
    """The textbook recurrence, one cell at a time, with the same band."""
    n, m = len(a), len(b)
    width = max(int(band * max(n, m)), abs(n - m) + 1)
    total = np.full((n + 1, m + 1), np.inf)
    total[0, 0] = 0.0
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            if abs((i - 1) * (m / n) - (j - 1)) > width:
                continue
            cost = float(np.linalg.norm(a[i - 1] - b[j - 1]))
            total[i, j] = cost + min(total[i - 1, j - 1], total[i - 1, j], total[i, j - 1])
    return float(total[n, m] / (n + m))


def test_pairs_of_any_lengths_worked_out_together_match_the_textbook_recurrence():
    rng = np.random.default_rng(4)
    pairs = [(rng.normal(size=(n, 3)), rng.normal(size=(m, 3)))
             for n, m in ((12, 30), (40, 25), (7, 7), (33, 9), (20, 21))]  # fmt: skip
    together = dtw_distances(pairs)
    expected = [dtw_cell_by_cell(a, b) for a, b in pairs]
    assert together == pytest.approx(expected, rel=1e-6)
    assert [dtw_distance(a, b) for a, b in pairs] == pytest.approx(expected, rel=1e-6)


def test_a_band_that_moves_more_than_a_column_per_row_matches_the_textbook_recurrence():
    # one sequence up to four times as long as the other: the band's left edge then jumps
    # columns from one row to the next, and a cell it leaves behind is no way in
    rng = np.random.default_rng(0)
    for _ in range(60):
        n = int(rng.integers(5, 30))
        a, b = rng.normal(size=(n, 2)), rng.normal(size=(int(rng.integers(n, 4 * n)), 2))
        for x, y in ((a, b), (b, a)):
            assert dtw_distances([(x, y)])[0] == pytest.approx(dtw_cell_by_cell(x, y), rel=1e-6)


def test_a_writers_own_signature_scores_lower_than_a_forgery():
    style = writer_style(11)
    references = [dtw_features(genuine_signature(style, i).trajectory) for i in range(5)]
    spread = reference_spread(references)
    genuine = reference_score(dtw_features(genuine_signature(style, 7).trajectory),
                              references, spread)  # fmt: skip
    forged = reference_score(dtw_features(forged_signature(style, 1).trajectory),
                             references, spread)  # fmt: skip
    assert spread > 0 and genuine < forged
