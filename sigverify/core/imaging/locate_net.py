"""Where on a page the signatures are, by a small network: a fully convolutional net (a
U-Net of about 157,000 weights, ``resources/locator/``) reads the flattened, level page
(:func:`sigverify.core.imaging.locate.page_view`) at :data:`LONG_SIDE` pixels and gives
each pixel three chances (:data:`CHANNELS`): that it lies in a signature's box, in the
box's kernel (the box shrunk about its centre by :data:`KERNEL_SHARE`), and on a
signature's ink. It was trained on synthetic cheques and forms
(``scripts/train_locator.py``) with real signatures of CEDAR and BHSig260 Bengali writers
pasted on, and measured on pages with other data sets' signatures (``bench/locate.py``).

A candidate is one connected region of box chance above :data:`THRESHOLD`; a region that
holds two kernels (two signatures side by side, boxes touching) is split between them,
each pixel going to the nearer kernel. A candidate's box is the signature ink (at the page
view's full resolution, ruled lines taken out) inside it, so the box is as tight as the
ink even though the net reads a smaller page, and a stamp or a printed label in the
region is left out. The score is the region's mean box chance. Runs through ONNX Runtime
(no torch), on one thread.
"""

from __future__ import annotations

import functools
from pathlib import Path

import cv2
import numpy as np

from sigverify.core.imaging.array_helpers import pixel_box, shifted
from sigverify.core.paths import resource_path

#: The page view is read with its long side this long (pixels).
LONG_SIDE = 448
#: A pixel belongs to a candidate when the net gives it at least this chance.
THRESHOLD = 0.5
#: What the net gives per pixel, in this order.
CHANNELS = ("box", "kernel", "ink")
#: A box's kernel keeps this share of its width and height, about the box's centre.
KERNEL_SHARE = (0.6, 0.5)
#: Regions smaller than this (pixels of the page view) are specks, not signatures.
MIN_AREA = 200
#: A region is split only between kernels at least this share of its largest kernel.
MIN_KERNEL_SHARE = 0.2
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
    """float32 ``(3, *grey.shape)``: each pixel's chance of lying in a signature's box, in
    its kernel and on its ink (:data:`CHANNELS`), for a flattened page view ``grey``
    (uint8, paper bright)."""
    h, w = grey.shape
    factor = LONG_SIDE / max(h, w)
    small = cv2.resize(
        grey, (max(1, round(w * factor)), max(1, round(h * factor))), interpolation=cv2.INTER_AREA
    )
    sh, sw = small.shape
    padded = np.pad(small, ((0, (-sh) % 8), (0, (-sw) % 8)), constant_values=255)
    page = ((255 - padded.astype(np.float32)) / 255)[None, None]
    logit = _session(str(locator_file())).run(None, {"page": page})[0][0, :, :sh, :sw]
    chance = (1 / (1 + np.exp(-logit))).astype(np.float32)
    return np.stack([cv2.resize(c, (w, h), interpolation=cv2.INTER_LINEAR) for c in chance])


def _split(region: np.ndarray, kernels: np.ndarray) -> list[np.ndarray]:
    """``region`` (bool) as one part per kernel it holds (``kernels``: int labels, 0 none),
    each pixel going to the nearest kernel; the whole region when it holds fewer than two
    (kernels smaller than :data:`MIN_KERNEL_SHARE` of the largest do not count)."""
    ids, areas = np.unique(kernels[region & (kernels > 0)], return_counts=True)
    ids = ids[areas >= MIN_KERNEL_SHARE * areas.max()] if len(ids) else ids
    if len(ids) < 2:
        return [region]
    seeds = region & np.isin(kernels, ids)
    _, nearest = cv2.distanceTransformWithLabels(
        (~seeds).astype(np.uint8), cv2.DIST_L2, 5, labelType=cv2.DIST_LABEL_CCOMP
    )
    return [region & (nearest == label) for label in np.unique(nearest[seeds])]


def regions(chance: np.ndarray, ink: np.ndarray) -> list[tuple[tuple[int, int, int, int], float]]:
    """``((x, y, width, height), score)`` of each region where the box ``chance`` (see
    :func:`signature_chance`) is at least :data:`THRESHOLD`, split between its kernels:
    the box of the signature ``ink`` inside it (all ``ink`` there when the net marks too
    little of it as a signature's) and the part's mean box chance, best first."""
    box_chance, kernel_chance, ink_chance = chance
    inside = (box_chance >= THRESHOLD).astype(np.uint8)
    inside = cv2.morphologyEx(inside, cv2.MORPH_CLOSE, np.ones((9, 9), np.uint8))
    count, labels, stats, _ = cv2.connectedComponentsWithStats(inside, 8)
    _, kernels = cv2.connectedComponents(
        ((kernel_chance >= THRESHOLD) & (inside > 0)).astype(np.uint8), connectivity=8
    )
    signature_ink = ink & (ink_chance >= THRESHOLD)
    found = []
    for k in range(1, count):
        x, y, w, h, area = stats[k]
        if area < MIN_AREA:
            continue
        window = np.s_[y : y + h, x : x + w]
        for part in _split(labels[window] == k, kernels[window]):
            held = part & signature_ink[window]
            if np.count_nonzero(held) < MIN_INK:
                held = part & ink[window]
            if np.count_nonzero(held) < MIN_INK:
                continue
            box = shifted(pixel_box(held), x, y)
            found.append((box, float(box_chance[window][part].mean())))
    found.sort(key=lambda item: item[1], reverse=True)
    return found
