"""Cutting the signature out of a page, as the crop dialog does: a photographed sheet is
squared up (:func:`level_sheet`) and the places
:func:`~sigverify.core.imaging.locate.locate_signatures` found on the photo are moved onto
it (:func:`proposals`); a place the clerk keeps is cut out with a little paper around it
(:func:`padded_box`) and without the ink there that the locator does not see as the
signature's (:func:`signature_only`); from a photographed sheet, with the light across it
made even (:func:`without_shadows`): :func:`cut` is what the dialog gives.
:func:`crop_candidate` cuts one place out of the page as given, level (``sigverify locate
--out``).
"""

from __future__ import annotations

import cv2
import numpy as np

from sigverify.core.imaging.imageio import MIN_SIDE
from sigverify.core.imaging.lines import remove_ruled_lines
from sigverify.core.imaging.locate import Candidate, find_page, locate_signatures, sheet_warp

#: A crop keeps a signature's ink this far (pixels) from where the network saw it.
REACH_PX = 8
#: The network's map lying on less than this share of the ink as dark as the signature's in
#: the place found is too sparse to judge pieces of ink by half of them
#: (:func:`signature_only`): on the cheques and forms of ``bench/locate.py --verify`` it
#: lies on 60 % at the least (median 98 %), on a real-window pass's faint photographed
#: consent forms on 27 % and 48 % ...
SPARSE_MAP = 0.5
#: ... and a piece of ink this much of which the map touches is the signature's.
TOUCHED_SHARE = 0.05


def level_sheet(grey: np.ndarray) -> tuple[np.ndarray, np.ndarray | None]:
    """A photographed sheet alone, squared up at its own resolution (text lines and the
    signature line run level, so preprocessing takes the line out), and the 3 x 3 map from
    the photo's pixels to it (:func:`moved`); a scan as it is, and None."""
    corners = find_page(grey)
    if corners is None:
        return grey, None
    matrix, size = sheet_warp(corners, float(max(grey.shape)))
    level = cv2.warpPerspective(
        grey, matrix, size, flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE
    )
    return level, matrix


def moved(candidate: Candidate, matrix: np.ndarray, shape: tuple[int, int]) -> Candidate:
    """``candidate``, found on a photo, on the squared-up sheet ``matrix`` maps the photo
    to (:func:`level_sheet`; ``shape``: the sheet's): its corners, upright box and ink."""
    corners = cv2.perspectiveTransform(
        candidate.corners.reshape(-1, 1, 2).astype(np.float64), matrix
    ).reshape(4, 2)
    x0, y0 = np.maximum(np.floor(corners.min(0)).astype(int), 0)
    x1, y1 = np.minimum(np.ceil(corners.max(0)).astype(int), (shape[1], shape[0]))
    box = (int(x0), int(y0), int(max(1, x1 - x0)), int(max(1, y1 - y0)))
    ink = None
    if candidate.ink is not None:  # from the old box's pixels to the new box's
        old = np.array([[1, 0, candidate.box[0]], [0, 1, candidate.box[1]], [0, 0, 1]], float)
        new = np.array([[1, 0, -box[0]], [0, 1, -box[1]], [0, 0, 1]], float)
        ink = cv2.warpPerspective(
            candidate.ink.astype(np.uint8), new @ matrix @ old, (box[2], box[3]),
            flags=cv2.INTER_NEAREST,
        ) > 0  # fmt: skip
    return Candidate(box, candidate.score, corners.astype(np.float32), ink)


def proposals(grey: np.ndarray) -> tuple[np.ndarray, list[Candidate], bool]:
    """What the crop dialog shows for the page ``grey``: the page (a photographed sheet
    squared up), the places found on it, best first (searched on the page as given, as
    ``bench/locate.py`` measures the search), and whether it was squared up."""
    sheet, to_sheet = level_sheet(grey)
    found = locate_signatures(grey)
    if to_sheet is None:
        return sheet, found, False
    # a speck on the photo is one on the sheet too (a 17 x 15 place became 16 x 13 and was
    # offered, and refused only by Verify: a real-window pass)
    found = [moved(c, to_sheet, sheet.shape) for c in found]
    return sheet, [c for c in found if min(c.box[2:]) >= MIN_SIDE], True


def crop_candidate(image: np.ndarray, candidate: Candidate, margin: float = 0.06) -> np.ndarray:
    """The candidate cut out of ``image`` (level, for a photographed page), with a margin
    of paper around the ink."""
    corners = candidate.corners.astype(np.float32)
    width = float(np.linalg.norm(corners[1] - corners[0]))
    height = float(np.linalg.norm(corners[3] - corners[0]))
    pad = margin * max(width, height)
    out_w, out_h = int(round(width + 2 * pad)), int(round(height + 2 * pad))
    target = np.float32(
        [[pad, pad], [pad + width, pad], [pad + width, pad + height], [pad, pad + height]]
    )
    matrix = cv2.getPerspectiveTransform(corners, target)
    return cv2.warpPerspective(
        image, matrix, (max(1, out_w), max(1, out_h)), flags=cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_REPLICATE,
    )  # fmt: skip


def padded_box(box, shape: tuple[int, int], margin: float = 0.04) -> tuple[int, int, int, int]:
    """``box`` with a little paper around it (``margin`` of its longer side on each side),
    kept on an image of ``shape``: what the crop dialog proposes for a candidate."""
    x, y, w, h = box
    pad = int(margin * max(w, h))
    x0, y0 = max(0, x - pad), max(0, y - pad)
    return x0, y0, min(shape[1], x + w + pad) - x0, min(shape[0], y + h + pad) - y0


def signature_only(grey: np.ndarray, box, candidate: Candidate) -> np.ndarray:
    """The part ``box`` (x, y, width, height) of the page ``grey`` around ``candidate``,
    with the ink there that is not the signature's painted over with the paper: the printed
    label under the signature line, a stamp's ring, a neighbour's stroke. A piece of ink
    (apart from the signature line, which would join print on it to the strokes crossing it)
    goes when less than half of it lies on what the network saw as the signature's ink
    (``candidate.ink``, widened by 2 pixels), but for what lies on that (where that map is
    sparse, :data:`SPARSE_MAP`, a piece it touches and as dark as the signature's ink
    stays); of a piece that stays, what reaches farther than :data:`REACH_PX` from that ink
    and is lighter than it goes too (a stamp's ring touching a letter). Ink is what is
    darker than the paper around it (a shadow across a photographed part is paper). Long
    level lines stay whole: the signature line is taken out by preprocessing, which needs
    it unbroken. Without ``candidate.ink`` (the classical cues) the part is returned as it
    is."""
    x, y, w, h = box
    crop = grey[y : y + h, x : x + w].copy()
    if candidate.ink is None or crop.size == 0:
        return crop
    mine = np.zeros(crop.shape, np.uint8)
    cx, cy = candidate.box[0] - x, candidate.box[1] - y
    ch, cw = candidate.ink.shape
    top, left = max(0, cy), max(0, cx)
    bottom, right = min(crop.shape[0], cy + ch), min(crop.shape[1], cx + cw)
    if bottom > top and right > left:
        mine[top:bottom, left:right] = candidate.ink[top - cy : bottom - cy, left - cx : right - cx]
    near = cv2.dilate(mine, np.ones((2 * REACH_PX + 1,) * 2, np.uint8)) > 0
    mine = cv2.dilate(mine, np.ones((5, 5), np.uint8)) > 0
    # the paper as lit here: a phone photo's shadow darkens one side of the part, and one
    # brightness for all of it took that side, strokes and all, for a stain to paint over
    # (seen in a real window: a light-ink genuine lost its first and last letters, REJECT)
    paper = paper_as_lit(crop)
    below = cv2.subtract(paper, crop)  # how much darker than its own paper
    level, _ = cv2.threshold(below, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    # faint ink too (a faded stamp): anything clearly darker than the paper around it
    dark = below > max(4.0, 0.3 * level)
    # long level runs (the signature line), with their ends' last pixel
    lines = (remove_ruled_lines(dark, 0.5) != dark).astype(np.uint8)
    lines = (cv2.dilate(lines, np.ones((3, 3), np.uint8)) > 0) & dark
    # pieces are judged apart from the line: print sitting on the signature line
    # ("Authorised signatory") is not joined through it to the strokes crossing it
    count, labels = cv2.connectedComponents((dark & ~lines).astype(np.uint8), connectivity=8)
    on_signature = np.bincount(labels[mine], minlength=count)
    size = np.bincount(labels.ravel(), minlength=count)
    other = on_signature < 0.5 * size
    other[0] = False
    # ink beyond the reach goes only when lighter than the signature's own (a stamp's
    # ring, read as grey from its colour): the network's map misses bits of a light-ink
    # stroke on a photo, and those stay (seen in a real window: the top of a J painted)
    own = below[mine & dark]
    strength = float(np.median(own)) if own.size else 255.0
    faint = below < 0.6 * strength if own.size else np.ones(dark.shape, bool)
    # the network's map of a faint, blurred signature can be sparse (a sixth to a quarter
    # of a stroke), and its strokes went as print (a real-window pass: a photographed
    # consent form's signature cut to specks). Where the map lies on less than half of the
    # ink as dark as the signature's in the place found, a piece it touches stays when it
    # is on average at least 0.6 times as dark as the signature's ink (a stamp is lighter).
    found_here = np.zeros(dark.shape, bool)
    found_here[top:bottom, left:right] = True
    # (a level stroke of the signature's own is a line here, and left out it left the map
    # on little of the rest: print touching a descender stayed, a review)
    strong = dark & ~faint & (~lines | mine) & found_here
    if np.count_nonzero(mine & strong) < SPARSE_MAP * np.count_nonzero(strong):
        touched = on_signature >= TOUCHED_SHARE * size
        darkness = np.bincount(labels.ravel(), weights=below.ravel(), minlength=count)
        other &= ~(touched & (darkness >= 0.6 * strength * size))
    # (of a piece that goes, what lies on the signature's ink stays: print touching the
    # strokes below the line took them along)
    painted = ((other[labels] & ~mine) | (dark & ~near & faint)) & ~lines
    if painted.any():
        painted = cv2.dilate(painted.astype(np.uint8), np.ones((3, 3), np.uint8)) > 0
        painted &= ~lines
        crop[painted] = paper[painted]
    return crop


#: A shadow darkens the paper to no less than this share of the lit paper's brightness
#: (a phone's or a hand's shadow: 55-80 % in ``capture.photographed_slip``); ink is darker.
SHADOW_DEPTH = 0.5


def paper_as_lit(crop: np.ndarray) -> np.ndarray:
    """The paper's brightness at each pixel of ``crop`` (uint8), as lit there: a closing
    wider than strokes (a sixth of the short side, at least 15 pixels) takes the ink out
    and follows a shadow's edge."""
    side = max(15, min(crop.shape) // 6) | 1
    return cv2.morphologyEx(crop, cv2.MORPH_CLOSE, np.ones((side, side), np.uint8))


def without_shadows(crop: np.ndarray) -> np.ndarray:
    """``crop`` (uint8, cut from a photographed sheet) with the light across it made even:
    divided by its paper as lit (:func:`paper_as_lit`), at the brightness of its lit
    paper. Preprocessing smooths the paper's brightness as it does on a scan, so a
    shadow's edge across the crop was read as a stroke (a genuine signature rejected at
    1.64; 0.74 with the light made even). Where the estimate is darker than
    :data:`SHADOW_DEPTH` of the lit paper it is ink the closing could not take out (a
    stroke wider than it, or along the crop's edge, where it sees half as far), not a
    shadow: those pixels stay as they are."""
    paper = paper_as_lit(crop).astype(np.float32)
    lit = float(np.percentile(paper, 90))
    paper[paper < SHADOW_DEPTH * lit] = lit
    return np.clip(np.rint(crop / np.maximum(paper, 1.0) * lit), 0, 255).astype(np.uint8)


def cut(grey: np.ndarray, box, candidate: Candidate | None, photographed: bool) -> np.ndarray:
    """What the crop dialog gives for ``box`` (x, y, width, height) of the page ``grey`` as
    :func:`proposals` returned it: for a place found there that the clerk kept
    (``candidate``), without the ink that is not the signature's (:func:`signature_only`),
    else the part as it is; from a ``photographed`` sheet, with the light made even
    (:func:`without_shadows`)."""
    x, y, w, h = box
    part = (
        signature_only(grey, box, candidate)
        if candidate is not None
        else grey[y : y + h, x : x + w].copy()
    )
    return without_shadows(part) if photographed and part.size else part
