"""A phone photo of a slip of paper with only a signature on it, as the page search
(:mod:`sigverify.core.imaging.locate`) reads it: the sheet's edge (the desk, the edge's
shadow) is not ink, and the places the network found, which it splits into words or marks
only in part on a sheet the signature fills, are joined into the whole signature, without
a printed label beside it."""

from __future__ import annotations

from collections.abc import Callable

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
#: On a slip, a word scoring below :data:`PRINTED` as handwriting (``locate.page_words``),
#: at most :data:`PRINT_HEIGHT` of the tallest word's height and at least
#: :data:`PRINT_LENGTH` times as wide as high, is print: a label ("Signature:") beside the
#: signature, not part of it (a dot or a short stroke of the signature is not that long).
PRINTED, PRINT_HEIGHT, PRINT_LENGTH = 0.5, 0.4, 3.0


def edge_band(shape: tuple[int, int]) -> np.ndarray:
    """bool ``shape``: the band along a page view's edges, :data:`EDGE_SHARE` of its short
    side wide (on a photographed sheet: where the desk or the edge's shadow may show)."""
    h, w = shape
    edge = max(2, int(EDGE_SHARE * min(h, w)))
    band = np.ones(shape, bool)
    band[edge:-edge, edge:-edge] = False
    return band


def printed_ink(words: list, ink: np.ndarray) -> np.ndarray:
    """bool like ``ink``: the ``ink`` of the words (each with ``box`` and ``handwriting``)
    that are print on a slip (see :data:`PRINTED`)."""
    printed = np.zeros_like(ink)
    tallest = max((word.box[3] for word in words), default=0)
    for word in words:
        x, y, w, h = word.box
        if word.handwriting < PRINTED and h <= PRINT_HEIGHT * tallest and w >= PRINT_LENGTH * h:
            printed[y : y + h, x : x + w] = ink[y : y + h, x : x + w]
    return printed


def mostly_in(box, ink: np.ndarray, area: np.ndarray) -> bool:
    """At least half of the ``ink`` in ``box`` lies in ``area`` (both bool, page-sized)."""
    x, y, w, h = box
    there = ink[y : y + h, x : x + w]
    return np.count_nonzero(there & area[y : y + h, x : x + w]) >= 0.5 * np.count_nonzero(there)


def whole_slip(
    places: list,
    ink: np.ndarray,
    printed: Callable[[], np.ndarray] | None = None,
    lines: np.ndarray | None = None,
) -> tuple[int, int, int, int] | None:
    """The box of the ``places`` (``(box, score)`` on a photographed sheet whose ``ink``
    this is, its edge left out) together with the pieces of ink reaching into them, when
    that holds nearly all the sheet's ink (:data:`SLIP_INK_SHARE`): a slip of paper with
    only a signature on it, which the network, made for cheques and forms, splits into its
    words or marks only in part. Places with less than :data:`SPECK_SHARE` of the ink in
    places (a speck of dirt the network took for a dot) are not joined. ``printed()`` (bool,
    like ``ink``: :func:`printed_ink`; asked for only on a slip) is left out of the box, not
    out of the count: a label beside the signature neither makes a form of a slip nor is cut
    out with it. ``lines`` (bool, like ``ink``): the long straight runs taken out of ``ink``
    as rules; those that touch the signature's ink are its own strokes (a long level tail,
    an underline, a tall upright stroke) and are in the box: a tail cut off by the box was
    the most common miss left on slip photos."""
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
    label = printed() if printed is not None else np.zeros_like(ink)
    signature = ink & region & ~label
    if not signature.any():
        signature = ink & region
    if lines is not None and lines.any():
        _, pieces = cv2.connectedComponents(lines.astype(np.uint8), connectivity=8)
        # across the gaps pieces of ink are joined across (each widened by reach // 2)
        widened = np.ones((2 * reach + 1,) * 2, np.uint8)
        near = cv2.dilate(signature.astype(np.uint8), widened) > 0
        touching = set(np.unique(pieces[near & lines])) - {0}
        # not a printed line a label stands on ("Signature: ____"): it took the label along
        if label.any():
            touching -= set(np.unique(pieces[(cv2.dilate(label.astype(np.uint8), widened) > 0)]))
        signature = signature | np.isin(pieces, list(touching))
    return pixel_box(signature)
