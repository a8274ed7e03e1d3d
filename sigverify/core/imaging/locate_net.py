"""Where on a page the signatures are, by a small network: a fully convolutional net (a
U-Net of about 157,000 weights, ``resources/locator/``) reads the flattened, level page
(:func:`sigverify.core.imaging.locate.page_view`) at :data:`LONG_SIDE` pixels and gives
each pixel the chance that it lies in a signature's box. It was trained on synthetic
cheques and forms (``scripts/train_locator.py``) with real signatures of CEDAR and BHSig260
Bengali writers pasted on, and measured on pages with other data sets' signatures
(``bench/locate.py``).

A candidate is one connected region above :data:`THRESHOLD`; its box is the ink (at the
page view's full resolution, ruled lines taken out) inside that region, so the box is as
tight as the ink even though the net reads a smaller page. The score is the region's mean
chance. Runs through ONNX Runtime (no torch), on one thread.
"""

from __future__ import annotations

import functools
from pathlib import Path

import cv2
import numpy as np

from sigverify.core.paths import resource_path

#: The page view is read with its long side this long (pixels).
LONG_SIDE = 448
#: A pixel belongs to a candidate when the net gives it at least this chance.
THRESHOLD = 0.5
#: Regions smaller than this (pixels of the page view) are specks, not signatures.
MIN_AREA = 200
#: A candidate's box needs at least this many ink pixels.
MIN_INK = 20


def locator_file() -> Path:
    return resource_path("locator", "locator.onnx")


@functools.lru_cache(maxsize=1)
def _session(path: str):
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1  # beside the model worker's threads, briefly
    options.inter_op_num_threads = 1
    options.log_severity_level = 3
    return onnxruntime.InferenceSession(path, options, providers=["CPUExecutionProvider"])


def available() -> bool:
    """The locator's file is installed (else finding falls back to the classical cues)."""
    return locator_file().is_file()


def signature_chance(grey: np.ndarray) -> np.ndarray:
    """float32 ``grey.shape``: each pixel's chance of lying in a signature's box, for a
    flattened page view ``grey`` (uint8, paper bright)."""
    h, w = grey.shape
    factor = LONG_SIDE / max(h, w)
    small = cv2.resize(
        grey, (max(1, round(w * factor)), max(1, round(h * factor))), interpolation=cv2.INTER_AREA
    )
    sh, sw = small.shape
    padded = np.pad(small, ((0, (-sh) % 8), (0, (-sw) % 8)), constant_values=255)
    page = ((255 - padded.astype(np.float32)) / 255)[None, None]
    logit = _session(str(locator_file())).run(None, {"page": page})[0][0, 0, :sh, :sw]
    chance = 1 / (1 + np.exp(-logit))
    return cv2.resize(chance.astype(np.float32), (w, h), interpolation=cv2.INTER_LINEAR)


def regions(chance: np.ndarray, ink: np.ndarray) -> list[tuple[tuple[int, int, int, int], float]]:
    """``((x, y, width, height), score)`` of each region of ``chance`` at least
    :data:`THRESHOLD`: the box of the ``ink`` inside it and the region's mean chance,
    best first."""
    inside = (chance >= THRESHOLD).astype(np.uint8)
    inside = cv2.morphologyEx(inside, cv2.MORPH_CLOSE, np.ones((9, 9), np.uint8))
    count, labels, stats, _ = cv2.connectedComponentsWithStats(inside, 8)
    found = []
    for k in range(1, count):
        x, y, w, h, area = stats[k]
        if area < MIN_AREA:
            continue
        region = labels[y : y + h, x : x + w] == k
        ys, xs = np.nonzero(region & ink[y : y + h, x : x + w])
        if len(ys) < MIN_INK:
            continue
        box = (x + int(xs.min()), y + int(ys.min()), int(np.ptp(xs)) + 1, int(np.ptp(ys)) + 1)
        found.append((box, float(chance[y : y + h, x : x + w][region].mean())))
    found.sort(key=lambda item: item[1], reverse=True)
    return found
