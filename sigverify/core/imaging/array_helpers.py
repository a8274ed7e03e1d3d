"""Small array helpers shared by the preprocessing steps: Otsu's threshold, percentiles of
uint8 values and of histograms, and which connected components touch the border."""

from __future__ import annotations

import cv2
import numpy as np


def otsu_threshold(values: np.ndarray) -> int:
    """Otsu's threshold of a uint8 array: values ``<=`` it are the dark class (ink)."""
    threshold, _ = cv2.threshold(values.reshape(1, -1), 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return int(threshold)


def percentile_uint8(values: np.ndarray, q: float) -> float:
    """``np.percentile(values, q)`` (linear interpolation) of uint8 ``values``, from their
    histogram: the same number, several times faster than sorting a scan's pixels."""
    return histogram_percentile(np.bincount(values.ravel(), minlength=256), q)


def histogram_percentile(counts: np.ndarray, q: float) -> float:
    """``np.percentile`` (linear interpolation) of the values whose histogram is
    ``counts (256,)``: ``counts[v]`` values equal ``v``."""
    counts = np.cumsum(counts)
    n = int(counts[-1])
    if n == 0:
        raise ValueError("no values")
    position = q / 100.0 * (n - 1)
    low = int(np.floor(position))
    high = min(low + 1, n - 1)
    v_low, v_high = np.searchsorted(counts, [low, high], side="right")
    return float(v_low + (position - low) * (int(v_high) - int(v_low)))


def touching_border(labels: np.ndarray, count: int) -> np.ndarray:
    """bool ``(count,)``: which of the ``count`` labels of ``labels (H, W)`` (0: background,
    never) reach the image's border."""
    touching = np.zeros(count, bool)
    touching[np.concatenate([labels[0], labels[-1], labels[:, 0], labels[:, -1]])] = True
    touching[0] = False
    return touching


def pixel_box(mask: np.ndarray) -> tuple[int, int, int, int]:
    """``(x, y, width, height)`` of the smallest box holding every true pixel of ``mask``
    (which has at least one)."""
    ys, xs = np.nonzero(mask)
    return int(xs.min()), int(ys.min()), int(np.ptp(xs)) + 1, int(np.ptp(ys)) + 1


def shifted(box: tuple[int, int, int, int], dx: int, dy: int) -> tuple[int, int, int, int]:
    """``box`` ``(x, y, width, height)`` moved by ``(dx, dy)``: a box found in a window of a
    picture, in the whole picture's pixels."""
    x, y, width, height = box
    return int(x + dx), int(y + dy), width, height
