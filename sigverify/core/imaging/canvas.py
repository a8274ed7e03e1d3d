"""The model's canvas: how much a crop is scaled onto it, the ink's centre lines redrawn at
one width in canvas pixels (:func:`redrawn_ink`), and the drawing fitted and centred on it
(:func:`fit_on_canvas`), the last steps of :func:`~sigverify.core.imaging.preprocessing.
preprocess_signature`. Pure functions: arrays in, new arrays out."""

from __future__ import annotations

from typing import TYPE_CHECKING

import cv2
import numpy as np

from sigverify.core.imaging.thinning import thin

if TYPE_CHECKING:
    from sigverify.core.imaging.preprocessing import PreprocessConfig


def ink_box(mask: np.ndarray) -> tuple[slice, slice]:
    """The rows and columns of ``mask (H, W)`` bool that hold ink (at least one pixel)."""
    rows = np.flatnonzero(mask.any(axis=1))
    cols = np.flatnonzero(mask.any(axis=0))
    return slice(rows[0], rows[-1] + 1), slice(cols[0], cols[-1] + 1)


def canvas_scale(h: int, w: int, height: int, width: int, margin: float) -> float:
    """How much :func:`fit_on_canvas` scales an ``(h, w)`` crop onto a ``(height, width)``
    canvas with ``margin``."""
    room_h = max(1.0, height * (1 - 2 * margin))
    room_w = max(1.0, width * (1 - 2 * margin))
    return min(room_h / h, room_w / w)


def redraw_strokes(mask: np.ndarray, width: float) -> np.ndarray:
    """``mask (h, w)`` bool ink -> uint8 ink (255 full): its skeleton (1 px centre lines)
    drawn ``width`` pixels wide with soft edges. Thick, thin and blurred strokes come out
    alike."""
    off_line = (~thin(mask)).astype(np.uint8)
    # The 5 x 5 chamfer distance is within 2 % of the exact one and 3.5 times quicker.
    distance = cv2.distanceTransform(off_line, cv2.DIST_L2, cv2.DIST_MASK_5)
    return np.rint(np.clip(width / 2 + 0.5 - distance, 0, 1) * 255).astype(np.uint8)


def redrawn_ink(crop_mask: np.ndarray, config: PreprocessConfig) -> np.ndarray:
    """The ink mask cropped to the ink -> uint8 ink: its centre lines drawn
    ``config.stroke_width`` canvas pixels wide, cropped to the drawing (the line ends sit
    half a stroke inside the mask's ends). The centre lines are found at between 1 and 2
    times the canvas's resolution: finer than that only costs time, coarser is jagged."""

    def scale_of(mask: np.ndarray) -> float:
        return canvas_scale(*mask.shape, config.height, config.width, config.margin)

    scale = scale_of(crop_mask)
    h, w = crop_mask.shape
    if scale > 1:  # a small crop: find the centre line at the canvas's resolution
        size = (max(1, round(w * scale)), max(1, round(h * scale)))
        crop_mask = cv2.resize(crop_mask.astype(np.float32), size) >= 0.5
    elif scale < 0.5:  # a large one: twice the canvas's resolution is detail enough
        size = (max(1, round(w * scale * 2)), max(1, round(h * scale * 2)))
        area = cv2.resize(crop_mask.astype(np.float32), size, interpolation=cv2.INTER_AREA)
        crop_mask = area > 0.2  # thin strokes stay joined
    ink = redraw_strokes(crop_mask, config.stroke_width / scale_of(crop_mask))
    return ink[ink_box(ink)]


def fit_on_canvas(
    ink: np.ndarray, mask: np.ndarray, height: int, width: int, margin: float
) -> np.ndarray:
    """Scale the cropped signature ``ink (h, w)`` uint8 (ink bright, background 0) to fit a
    ``(height, width)`` canvas keeping its aspect ratio, and place it so that the centre of
    mass of ``mask (h, w)`` bool sits at the canvas centre, shifted only as far as needed
    to keep all of it on the canvas. Returns uint8 ``(height, width)``."""
    h, w = ink.shape
    scale = canvas_scale(h, w, height, width, margin)
    new_h = min(height, max(1, round(h * scale)))
    new_w = min(width, max(1, round(w * scale)))
    interpolation = cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR
    resized = cv2.resize(ink, (new_w, new_h), interpolation=interpolation)

    rows, cols = np.nonzero(mask)
    weights = ink[rows, cols].astype(np.float64) + 1.0
    centre_r = (np.average(rows, weights=weights) + 0.5) * new_h / h
    centre_c = (np.average(cols, weights=weights) + 0.5) * new_w / w
    top = int(round(height / 2 - centre_r))
    left = int(round(width / 2 - centre_c))
    top = min(max(top, 0), height - new_h)
    left = min(max(left, 0), width - new_w)

    canvas = np.zeros((height, width), dtype=np.uint8)
    canvas[top : top + new_h, left : left + new_w] = resized
    return canvas
