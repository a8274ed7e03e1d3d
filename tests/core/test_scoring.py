from __future__ import annotations

import numpy as np

from sigverify.core.scoring import outlying_references


def _distances(points: list[float]) -> np.ndarray:
    x = np.asarray(points, dtype=float)
    return np.abs(x[:, None] - x[None, :])


def test_a_reference_far_from_the_others_stands_out_with_its_median():
    # on a line: 0, 0.1, 0.2, 0.3 and 2.0. The last one's distances to the rest are
    # 2.0, 1.9, 1.8, 1.7: median 1.85, above the reject threshold 0.8; the others'
    # medians are 0.25, 0.15, 0.15, 0.25 (each with the far one among its distances), whose
    # median 0.2 times 1.5 is far below 1.85
    odd = outlying_references(_distances([0, 0.1, 0.2, 0.3, 2.0]), reject=0.8)
    assert [(i, round(m, 6)) for i, m in odd] == [(4, 1.85)]


def test_none_stands_out_below_the_reject_threshold_or_when_all_lie_far_apart():
    assert outlying_references(_distances([0, 0.1, 0.2, 0.3, 2.0]), reject=1.9) == []
    # all far apart, each 2 from every other: no median is 1.5 times the others'
    apart = np.full((4, 4), 2.0) - 2.0 * np.eye(4)
    assert outlying_references(apart, reject=0.5) == []
    # on a line 0, 1, 2, 3 the ends' medians (2) are twice the middle ones' (1)
    assert [i for i, _ in outlying_references(_distances([0, 1, 2, 3]), reject=0.5)] == [0, 3]


def test_two_references_cannot_say_which_one_is_odd():
    assert outlying_references(_distances([0, 5]), reject=0.1) == []


def test_new_references_far_from_the_enrolled_ones_are_unlike_them():
    from sigverify.core.scoring import UNLIKE_ENROLLED, unlike_enrolled

    # enrolled at 0 and 0.1 on a line; new ones at 0.05 and 2.0: medians 0.05 and 1.95
    new_to_enrolled = np.abs(np.array([0.05, 2.0])[:, None] - np.array([0.0, 0.1])[None, :])
    assert [(i, round(m, 6)) for i, m in unlike_enrolled(new_to_enrolled, 1.0)] == [(1, 1.95)]
    assert UNLIKE_ENROLLED == 1.3  # beyond 1.3 times the threshold: 1.95 / 1.3 = 1.5
    assert unlike_enrolled(new_to_enrolled, 1.52) == []  # 1.976 > 1.95
    assert [i for i, _ in unlike_enrolled(new_to_enrolled, 1.48)] == [1]  # 1.924 < 1.95
    # one enrolled reference says too little (one genuine in four is beyond it, measured)
    assert unlike_enrolled(new_to_enrolled[:, :1], 0.1) == []
