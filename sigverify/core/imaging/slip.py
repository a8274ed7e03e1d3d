"""A phone photo of a slip of paper with only a signature on it, as the page search
(:mod:`sigverify.core.imaging.locate`) reads it: the sheet's edge (the desk, the edge's
shadow) is not ink, and the places the network found, which it splits into words or marks
only in part on a sheet the signature fills, are joined into the whole signature."""

from __future__ import annotations

import cv2
import numpy as np

from sigverify.core.imaging.array_helpers import pixel_box

#: A photographed sheet whose found places (with the strokes reaching into them) hold at
#: least this share of its ink is a slip with only the signature on it: all of it together
#: is offered first (:func:`whole_slip`).
SLIP_INK_SHARE = 0.7
#: On a photographed sheet, places with most of their ink within this share of its short
#: side of its edge (the desk, the edge's shadow) are left out, and that ink not counted.
EDGE_SHARE = 0.03
#: A place with less than this share of the ink in places is a speck: not joined.
SPECK_SHARE = 0.03


def edge_band(shape: tuple[int, int]) -> np.ndarray:
    """bool ``shape``: the band along a page view's edges, :data:`EDGE_SHARE` of its short
    side wide (on a photographed sheet: where the desk or the edge's shadow may show)."""
    h, w = shape
    edge = max(2, int(EDGE_SHARE * min(h, w)))
    band = np.ones(shape, bool)
    band[edge:-edge, edge:-edge] = False
    return band


def mostly_in(box, ink: np.ndarray, area: np.ndarray) -> bool:
    """At least half of the ``ink`` in ``box`` lies in ``area`` (both bool, page-sized)."""
    x, y, w, h = box
    there = ink[y : y + h, x : x + w]
    return np.count_nonzero(there & area[y : y + h, x : x + w]) >= 0.5 * np.count_nonzero(there)


def whole_slip(places: list, ink: np.ndarray) -> tuple[int, int, int, int] | None:
    """The box of the ``places`` (``(box, score)`` on a photographed sheet whose ``ink``
    this is, its edge left out) together with the pieces of ink reaching into them, when
    that holds nearly all the sheet's ink (:data:`SLIP_INK_SHARE`): a slip of paper with
    only a signature on it, which the network, made for cheques and forms, splits into its
    words or marks only in part. Places with less than :data:`SPECK_SHARE` of the ink in
    places (a speck of dirt the network took for a dot) are not joined."""
    if not places or not ink.any():
        return None
    held = [np.count_nonzero(ink[y : y + h, x : x + w]) for (x, y, w, h), _ in places]
    inner = [p[0] for p, n in zip(places, held, strict=True) if n >= SPECK_SHARE * sum(held)]
    # the strokes go on beyond what the network marked: take whole pieces of ink (joined
    # across small gaps) that reach into a place
    reach = max(3, int(0.01 * min(ink.shape))) | 1
    joined = cv2.dilate(ink.astype(np.uint8), np.ones((reach, reach), np.uint8))
    _, labels = cv2.connectedComponents(joined, connectivity=8)
    region = np.zeros_like(ink)  # the places and the pieces reaching into them
    touched = set()
    for x, y, bw, bh in inner:
        region[y : y + bh, x : x + bw] = True
        touched |= set(np.unique(labels[y : y + bh, x : x + bw][ink[y : y + bh, x : x + bw]]))
    region |= np.isin(labels, [k for k in touched if k > 0])
    held = np.count_nonzero(ink & region)
    if held == 0 or held < SLIP_INK_SHARE * np.count_nonzero(ink):
        return None
    return pixel_box(ink & region)
