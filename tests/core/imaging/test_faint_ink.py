from __future__ import annotations

import cv2
import numpy as np
import pytest

from sigverify.core.imaging.faint_ink import faint_ink_level, join_faint_ink
from sigverify.core.imaging.paper import flatten_paper
from sigverify.core.imaging.preprocessing import PreprocessConfig, find_ink


def test_faint_level_is_darker_than_the_paper_by_its_own_variation():
    # paper at 250 with 3 levels of spread: 4 x 3 = 12 below it, the same as min_contrast / 2
    assert faint_ink_level(250, 3, strong_cut=200, reach=4, min_contrast=24) == 238
    # a noisier paper (spread 5) pushes the level down to 250 - 20
    assert faint_ink_level(250, 5, strong_cut=200, reach=4, min_contrast=24) == 230
    # clean paper: never closer to it than min_contrast / 2
    assert faint_ink_level(255, 0, strong_cut=200, reach=4, min_contrast=24) == 243
    # paper so noisy that the level would fall below the clear ink's cut: nothing added
    assert faint_ink_level(250, 20, strong_cut=200, reach=4, min_contrast=24) == 200


def _stroke_fading_out() -> np.ndarray:
    """Paper 255; a 3 px dark line from x=10 to 229 (grey 60) that carries on faint
    (grey 235) to x=244; a faint blob of its own at x=270..279; blurred as find_ink
    blurs (sigma 0.8)."""
    image = np.full((40, 300), 255, np.uint8)
    image[19:22, 10:230] = 60
    image[19:22, 230:245] = 235
    image[18:23, 270:280] = 235
    return cv2.GaussianBlur(image, (0, 0), 0.8)


def test_faint_ink_joined_to_a_stroke_is_kept_and_faint_ink_alone_is_not():
    smooth = _stroke_fading_out()
    strong = smooth <= 150
    assert not strong[:, 235:].any()  # one threshold cuts the stroke at its fading end

    joined = join_faint_ink(smooth, strong, faint_level=243, rim=2.6)

    columns = np.flatnonzero(joined.any(axis=0))
    assert columns.min() == strong.any(axis=0).nonzero()[0].min()
    assert 243 <= columns[columns < 260].max() <= 246  # the faint end, blur included
    assert not joined[:, 260:].any()  # the faint blob touches no clear ink
    assert not (joined & ~strong)[:, :225].any()  # the clear stroke's own rim is not added


def test_a_faint_piece_larger_than_a_tenth_of_the_clear_ink_is_not_the_pens():
    smooth = _stroke_fading_out()
    strong = smooth <= 150
    long_faint = smooth.copy()
    long_faint[19:22, 245:258] = long_faint[19:22, 240:241]  # a faint tail 13 px longer
    assert np.array_equal(join_faint_ink(long_faint, strong, 243, rim=2.6), strong)


def test_the_light_rim_of_a_clear_stroke_is_not_added():
    # a binarised stroke, blurred: its rim is faint, but it reaches no further than the blur
    image = np.full((40, 200), 255, np.uint8)
    image[15:25, 20:180] = 0
    smooth = cv2.GaussianBlur(image, (0, 0), 0.8)
    strong = smooth <= 128
    assert ((smooth <= 243) & ~strong).any()  # there is a faint rim
    assert np.array_equal(join_faint_ink(smooth, strong, faint_level=243, rim=2.6), strong)


def test_nothing_faint_leaves_the_mask_as_it_was():
    smooth = np.full((10, 10), 255, np.uint8)
    smooth[4:6, 2:8] = 0
    strong = smooth <= 128
    result = join_faint_ink(smooth, strong, faint_level=200, rim=2.6)
    assert np.array_equal(result, strong) and result is not strong


@pytest.mark.parametrize("faint", [0.0, 4.0])
def test_find_ink_keeps_a_pen_running_dry_only_with_faint_ink(faint):
    image = np.full((160, 500), 250, np.uint8)  # (a level line this long would be a rule)
    cv2.line(image, (40, 40), (340, 100), 90, 3)  # the clear stroke
    cv2.line(image, (340, 100), (365, 105), 232, 3)  # running dry
    mask = find_ink(flatten_paper(image), PreprocessConfig(faint_ink=faint))
    right_end = np.flatnonzero(mask.any(axis=0)).max()
    if faint:
        assert 362 <= right_end <= 368
    else:
        assert 338 <= right_end <= 344


def test_older_cards_keep_one_threshold():
    assert PreprocessConfig.from_dict({"height": 150}).faint_ink == 0
    assert PreprocessConfig().faint_ink == 4.0
    config = PreprocessConfig(faint_ink=2.0)
    assert PreprocessConfig.from_dict(config.to_dict()) == config
