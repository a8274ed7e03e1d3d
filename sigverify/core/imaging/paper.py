"""The paper under a signature: finding a photographed sheet and squaring it up
(:func:`cut_to_paper`), and estimating the paper's brightness to divide it away
(:func:`flatten_paper`), so that grey paper, white paper and uneven light look alike."""

from __future__ import annotations

import cv2
import numpy as np

from sigverify.core.imaging.array_helpers import (
    histogram_percentile,
    otsu_threshold,
    percentile_uint8,
    touching_border,
)

#: How much the paper estimate is smoothed (times the closing's width) on a photographed
#: sheet: less than on a scan (0.25), so that a shadow's edge across the sheet is followed
#: instead of being read as a stroke. Scans keep 0.25, as every model was trained with.
PHOTO_SMOOTHING = 0.06

#: The smoothing on scans (and every image before sheets were looked for).
SCAN_SMOOTHING = 0.25

#: The sheet of paper is looked for on a copy this many pixels on its long side.
PAPER_SEARCH_SIDE = 256

#: The smallest sheet looked for, as a share of the photo: a slip photographed from
#: further away in a wide photo (a real-window pass: a slip of 13-14 % of the frame was
#: taken for a scan, so Crop from page asked for its file and the desk was read as ink).
SMALLEST_SHEET = 0.04
#: Sheets smaller than this share (looked for since 2026-12-07) must also have no strokes
#: around them (:func:`strokes_around`): on a scan of a tinted cheque or form, a white
#: panel or label is as bright against the tint as a slip against a desk.
SMALL_SHEET = 0.15


def find_paper(grey: np.ndarray, search_side: int = PAPER_SEARCH_SIDE) -> np.ndarray | None:
    """Where the sheet of paper is when ``grey (H, W)`` uint8 is a photo of a slip or page
    lying on a darker desk: its corners ``(4, 2)`` float32 (x, y), clockwise from top-left,
    or None when no desk shows (a scan; a photo filled with paper).

    The desk is what is much darker than the paper, touches the photo's border and is wider
    than any pen stroke; the paper is the largest bright region it leaves, taken as the
    four-sided outline around it (a tilted, perspective-distorted sheet). It is looked for
    on a copy ``search_side`` pixels on its long side.
    """
    height, width = grey.shape
    # The desk touches the photo's border: a border without dark pixels (every scan) is
    # answered at once.
    # (the brightest percent is the paper: on a small slip most of the photo is desk)
    paper = percentile_uint8(grey[::4, ::4], 99)
    border = np.concatenate([grey[0], grey[-1], grey[:, 0], grey[:, -1]])
    if np.count_nonzero(border < min(0.8 * paper, paper - 30)) < 0.05 * border.size:
        return None
    factor = max(1.0, max(height, width) / search_side)
    small_size = (max(1, round(width / factor)), max(1, round(height / factor)))
    small = cv2.resize(grey, small_size, interpolation=cv2.INTER_AREA)
    small = cv2.GaussianBlur(small, (0, 0), 1.0)
    threshold = otsu_threshold(small)
    counts = np.bincount(small.ravel(), minlength=256)
    if not counts[: threshold + 1].any() or not counts[threshold + 1 :].any():
        return None
    dark_level = histogram_percentile(counts[: threshold + 1], 50)
    paper_level = threshold + 1 + histogram_percentile(counts[threshold + 1 :], 50)
    if dark_level > 0.8 * paper_level or paper_level - dark_level < 30:
        return None  # no desk much darker than the paper
    side = max(5, round(0.04 * max(small.shape))) | 1  # wider than strokes at this size
    dark = cv2.morphologyEx(
        (small <= threshold).astype(np.uint8), cv2.MORPH_OPEN, np.ones((side, side), np.uint8)
    )
    count, labels = cv2.connectedComponents(dark, connectivity=4)
    desk = touching_border(labels, count)[labels]
    if desk.sum() < 0.03 * desk.size:
        return None
    count, labels, stats, _ = cv2.connectedComponentsWithStats(
        (~desk).astype(np.uint8), connectivity=4
    )
    if count < 2:
        return None
    largest = 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))
    if stats[largest, cv2.CC_STAT_AREA] < SMALLEST_SHEET * desk.size:
        return None
    sheet = (labels == largest).astype(np.uint8)
    if not _sharp_outline(small, sheet, paper_level - dark_level):
        return None  # light falling off across a page, not a sheet's edge
    sheet = sheet_within_outline(small, sheet, desk, paper_level - dark_level)
    contours, _ = cv2.findContours(sheet, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    hull = cv2.convexHull(max(contours, key=cv2.contourArea))
    quad = cv2.approxPolyDP(hull, 0.04 * cv2.arcLength(hull, True), True)
    if len(quad) != 4:
        box = cv2.minAreaRect(hull)  # a sheet cut by the photo's border: its best rectangle
        quad = cv2.boxPoints(box)
    corners = _clockwise(quad.reshape(-1, 2).astype(np.float32))
    corners = (corners + 0.5) * np.float32(factor) - 0.5
    corners = np.clip(corners, 0, [width - 1, height - 1]).astype(np.float32)
    small_sheet = stats[largest, cv2.CC_STAT_AREA] < SMALL_SHEET * desk.size
    return None if small_sheet and strokes_around(grey, corners) else corners


def strokes_around(grey: np.ndarray, corners: np.ndarray) -> bool:
    """Whether thin dark strokes (print, handwriting) lie anywhere around the sheet
    ``corners``: a page's, not a desk's. A small white patch of a tinted form or cheque (a
    label, a signature panel) is as bright against the tint as a slip against a desk,
    and was taken for one, the signature beside it cut away (a review found). A slip
    with strokes around it (a pen on the desk, dark wood grain) is read as a scan, as
    before small sheets were looked for."""
    factor = min(1.0, 800 / max(grey.shape))  # strokes still dark at 800 px
    view = cv2.resize(grey, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)
    view = cv2.GaussianBlur(view, (0, 0), 1.0)  # (a phone's noise is not strokes)
    side = max(view.shape)
    inside = np.zeros(view.shape, np.uint8)
    cv2.fillConvexPoly(inside, ((corners + 0.5) * factor - 0.5).astype(np.int32), 1)
    gap = max(2, round(0.01 * side))  # (the sheet found lies a few pixels inside its edge)
    around = cv2.dilate(inside, np.ones((2 * gap + 1,) * 2, np.uint8)) == 0
    around &= cv2.erode(np.ones(view.shape, np.uint8), np.ones((7, 7), np.uint8)) > 0
    if not around.any():
        return False
    width = max(9, round(0.02 * side)) | 1  # wider than strokes at this size
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (width, width))
    darker = cv2.morphologyEx(view, cv2.MORPH_BLACKHAT, kernel)  # below what surrounds it
    level = float(np.median(view[around]))
    noise = 1.4826 * float(np.median(np.abs(view[around].astype(np.float32) - level)))
    strokes = (darker > max(30.0, 0.2 * level, 6 * noise)) & around
    return int(strokes.sum()) > max(30, 0.0001 * around.sum())


#: A pixel is on a sharp edge (a sheet's outline, a stroke) when the brightness changes
#: there by at least this share of the paper-to-desk contrast per pixel of the search copy;
#: a shadow's soft edge changes it by a few levels per pixel.
SHARP_EDGE = 0.15

#: When more than this share of the bright region lies beyond the sheet's sharp outline,
#: it took in lit desk, which is left out ...
LIT_DESK = 0.02
#: ... when it is darker than the paper inside by this share of the paper-to-desk
#: contrast: paper as bright round a printed box on a scan with a dark edge is the same
#: sheet (the box was taken for the sheet, and the crop dialog showed only its inside)
LIT_DESK_DARKER = 0.05


def sheet_within_outline(
    small: np.ndarray, sheet: np.ndarray, desk: np.ndarray, contrast: float
) -> np.ndarray:
    """The sheet bounded by its sharp outline, from ``sheet`` (the part of the photo
    bright enough to be paper, uint8 0/1): what is reached from it without crossing a
    sharp edge. A shadow's edge is soft, a sheet's outline is sharp, so the part of the
    sheet a shadow darkened as much as the desk is taken in; desk lit nearly as brightly
    as the paper beside the sheet lies beyond the outline and is left out. Measured on
    slip photos: a shadow had the darkened part of the slip cut away with the signature's
    strokes on it, and lit desk became a wedge of ink in the cut. Kept as it was when the
    growth takes in most of the desk (an outline too faint to stop it)."""
    gx = cv2.Sobel(small, cv2.CV_32F, 1, 0, ksize=3) / 8
    gy = cv2.Sobel(small, cv2.CV_32F, 0, 1, ksize=3) / 8
    sharp = (np.hypot(gx, gy) >= SHARP_EDGE * contrast).astype(np.uint8)
    open_ground = 1 - cv2.dilate(sharp, np.ones((3, 3), np.uint8))
    count, labels = cv2.connectedComponents(open_ground, connectivity=4)
    inside = labels[(sheet > 0) & (open_ground > 0)]
    if count < 2 or not len(inside):
        return sheet
    reached = labels == np.bincount(inside, minlength=count)[1:].argmax() + 1
    taken = reached & desk
    if taken.sum() > 0.5 * desk.sum() or reached.sum() > 0.9 * reached.size:
        return sheet
    # Lit desk taken for paper (desk as bright as the sheet beside it) lies beyond the
    # sharp outline, outside what is reached: then the sheet is what is reached, out to
    # the outline (the edge band it stopped short of); else the lit part and what a
    # shadow darkened, together.
    to_outline = _filled(cv2.dilate(reached.astype(np.uint8), np.ones((5, 5), np.uint8)))
    beyond = (sheet > 0) & (to_outline == 0)
    if (
        beyond.sum() > LIT_DESK * sheet.sum()
        and np.median(small[beyond]) < np.median(small[to_outline > 0]) - LIT_DESK_DARKER * contrast
    ):  # (as bright: the same paper, round a printed box)
        return to_outline
    return _filled((reached | (sheet > 0)).astype(np.uint8))


def _filled(region: np.ndarray) -> np.ndarray:
    """The largest part of ``region`` (uint8 0/1) with its holes filled: the sharp edges
    inside a sheet (strokes) belong to it."""
    contours, _ = cv2.findContours(region, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    filled = np.zeros_like(region)
    cv2.drawContours(filled, [max(contours, key=cv2.contourArea)], -1, 1, cv2.FILLED)
    return filled


def _sharp_outline(small: np.ndarray, sheet: np.ndarray, contrast: float) -> bool:
    """Whether the outline of ``sheet (h, w)`` uint8 0/1 inside the photo is a sharp edge
    in ``small``: the brightness changes there by at least a tenth of the paper-to-desk
    ``contrast`` per pixel (a sheet's edge), not over the whole photo (uneven light)."""
    outline = sheet.astype(bool) & ~cv2.erode(sheet, np.ones((3, 3), np.uint8)).astype(bool)
    outline[[0, -1], :] = False
    outline[:, [0, -1]] = False
    if not outline.any():
        return False
    gx = cv2.Sobel(small, cv2.CV_32F, 1, 0, ksize=3) / 8
    gy = cv2.Sobel(small, cv2.CV_32F, 0, 1, ksize=3) / 8
    steepness = np.hypot(gx, gy)[outline]
    return float(np.median(steepness)) >= 0.1 * contrast


def _clockwise(points: np.ndarray) -> np.ndarray:
    """Four (x, y) points ordered top-left, top-right, bottom-right, bottom-left: the
    top-left is where the side that runs most nearly level to the right begins (a photo
    is taken roughly upright; the smallest x + y picked the left corner of a slip cut by
    the photo's top edge, and the sheet came out turned by a quarter)."""
    centre = points.mean(axis=0)
    angles = np.arctan2(points[:, 1] - centre[1], points[:, 0] - centre[0])
    ordered = points[np.argsort(angles)]  # clockwise on screen, starting at the left
    sides = np.roll(ordered, -1, axis=0) - ordered
    level = sides[:, 0] / np.maximum(np.hypot(sides[:, 0], sides[:, 1]), 1e-6)
    return np.roll(ordered, -int(np.argmax(level)), axis=0)


def cut_to_paper(grey: np.ndarray, inset: float = 0.03) -> np.ndarray:
    """``grey (H, W)`` uint8 -> the sheet of paper alone, squared up (tilt and perspective
    undone) and without its edges (``inset`` of each side cut away), when a desk shows
    around it (:func:`find_paper`); otherwise ``grey`` itself."""
    corners = find_paper(grey)
    if corners is None:
        return grey
    top, right, bottom, left = (np.linalg.norm(corners[(i + 1) % 4] - corners[i]) for i in range(4))
    out_w = max(16, int(round((top + bottom) / 2)))
    out_h = max(16, int(round((left + right) / 2)))
    target = np.float32([[0, 0], [out_w - 1, 0], [out_w - 1, out_h - 1], [0, out_h - 1]])
    warp = cv2.getPerspectiveTransform(corners, target)
    sheet = cv2.warpPerspective(
        grey, warp, (out_w, out_h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE
    )
    dy, dx = int(round(inset * out_h)), int(round(inset * out_w))
    return sheet[dy : out_h - dy, dx : out_w - dx]


def estimate_paper(grey: np.ndarray, smoothing: float = SCAN_SMOOTHING) -> np.ndarray:
    """Estimate the paper's brightness under each pixel of ``grey (H, W)`` uint8.

    A grey closing (max then min filter) wider than any pen stroke erases the ink and
    keeps the slowly varying paper: grey paper, shadows, a phone's uneven light.
    Returns float32 ``(H, W)``, each value >= 1.
    """
    height, width = grey.shape
    # Work on a small copy: the paper varies slowly, and large kernels are slow.
    factor = max(1.0, min(height, width) / 128.0)
    small = cv2.resize(
        grey,
        (max(1, round(width / factor)), max(1, round(height / factor))),
        interpolation=cv2.INTER_AREA,
    )
    kernel_side = max(5, min(small.shape) // 6) | 1
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (kernel_side, kernel_side))
    paper = cv2.morphologyEx(small, cv2.MORPH_CLOSE, kernel)
    paper = cv2.GaussianBlur(paper.astype(np.float32), (0, 0), kernel_side * smoothing)
    paper = cv2.resize(paper, (width, height), interpolation=cv2.INTER_LINEAR)
    return np.maximum(paper, 1.0)


def flatten_paper(grey: np.ndarray, smoothing: float = SCAN_SMOOTHING) -> np.ndarray:
    """Divide ``grey (H, W)`` uint8 by its estimated paper: paper -> 255, ink keeps its
    darkness relative to the paper around it. Returns uint8 ``(H, W)``."""
    paper = estimate_paper(grey, smoothing)
    # OpenCV's divide and saturating cast round to nearest even, as np.rint would.
    return cv2.convertScaleAbs(cv2.divide(grey.astype(np.float32), paper, scale=255.0))
