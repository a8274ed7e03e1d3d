"""Faint ink that carries on a clear stroke: a pen running dry at the end of a flourish,
a light touch on a grey scan.

One threshold cuts such a stroke short where it fades. Hysteresis (as in Canny's edge
finder) keeps the fainter pixels that are joined to clear ink. The blur that removes
noise also leaves a light rim around every stroke, and hysteresis would keep that rim
as well. It would thicken the strokes and close small loops on binarised scans too. So
only faint ink that reaches beyond the rim is kept, together with the stretch of rim
that joins it to its stroke. And a faint piece is at most a tenth of the clear ink: a
pen running dry adds a tail (in CEDAR's grey scans at most 8 % of the ink), while a
light stamp, a form's printing or a cheque's background pattern crossing the signature
would add far more.

Pure functions: arrays in, new arrays out.
"""

from __future__ import annotations

import math

import cv2
import numpy as np

_SQUARE = np.ones((3, 3), np.uint8)
#: A faint piece larger than this fraction of the clear ink is not the pen's.
MAX_FAINT_PIECE = 0.1


def faint_ink_level(
    paper_level: float, paper_spread: float, strong_cut: float, reach: float, min_contrast: float
) -> float:
    """The grey level at or below which a pixel may be faint ink: darker than the paper
    ``paper_level`` by ``reach`` times the paper's own variation ``paper_spread`` (its
    median less its 5th percentile) and by at least ``min_contrast / 2``. Never above
    what the paper allows, never below ``strong_cut`` (then nothing is added)."""
    return max(float(strong_cut), paper_level - max(min_contrast / 2, reach * paper_spread))


def join_faint_ink(
    smooth: np.ndarray, strong: np.ndarray, faint_level: float, rim: float
) -> np.ndarray:
    """``strong (H, W)`` bool (clear ink of the blurred image ``smooth (H, W)`` uint8) with
    the pixels at or below ``faint_level`` added where they are joined to it and reach
    more than ``rim`` pixels beyond it (with the stretch that joins them, at most ``rim``
    wide), in pieces of at most :data:`MAX_FAINT_PIECE` of it. Returns a new bool mask,
    equal to ``strong`` when nothing faint qualifies."""
    faint = (smooth <= faint_level) & ~strong
    if not faint.any():
        return strong.copy()
    # Faint pixels beyond the rim (a disc of radius ceil(rim) round the clear ink); on a
    # binarised scan at its own size there are none, and the rest is not worked out.
    reach = math.ceil(rim)
    disc = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * reach + 1, 2 * reach + 1))
    beyond = faint & ~cv2.dilate(strong.astype(np.uint8), disc).astype(bool)
    if not beyond.any():
        return strong.copy()
    # Of those, the ones joined (8-connected, through faint or clear pixels) to clear ink.
    count, labels = cv2.connectedComponents((faint | strong).astype(np.uint8), connectivity=8)
    joined = np.zeros(count, dtype=bool)
    joined[np.unique(labels[strong])] = True
    joined[0] = False
    faint &= joined[labels]
    beyond = (beyond & faint).astype(np.uint8)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(beyond, connectivity=8)
    small = stats[:, cv2.CC_STAT_AREA] <= MAX_FAINT_PIECE * strong.sum()
    small[0] = False
    beyond = small[labels].astype(np.uint8)
    if not beyond.any():
        return strong.copy()
    # grown back towards their stroke through faint ink
    allowed = faint.astype(np.uint8)
    for _ in range(reach):
        beyond = cv2.dilate(beyond, _SQUARE) & allowed
    return strong | beyond.astype(bool)
