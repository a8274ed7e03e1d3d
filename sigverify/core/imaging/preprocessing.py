"""Signature preprocessing: from a greyscale scan or photo to what the model sees.

SigNet lineage (Hafemann et al.), made robust to real paper: the paper is flattened
away first, so grey paper, white paper and uneven light all become the same exact 0
in the output, and a model cannot learn the scanner instead of the ink.

Pipeline (:func:`preprocess_signature`)::

    grey (H, W) uint8, paper bright
      -> limit_working_size     at most ``max_working_side`` px on the long side
      -> cut_to_paper           a photo of a sheet on a desk: the sheet alone, squared up
                                (a scan: unchanged)
      -> flatten_paper          divide by the estimated paper (uneven light, grey paper)
      -> find_ink               denoise, Otsu, drop ruled lines and specks -> bool mask
      -> crop to the ink's bounding box, invert (ink bright, background exactly 0),
         stretch the ink so its strong strokes reach 255 (pencil ~ marker);
         or, with ``stroke_width``, redraw the ink's centre line at one width
         (a fine pen, a felt tip, a blurred photo and a low resolution look alike)
      -> fit_on_canvas          scale to fit, centre by centre of mass -> (h, w) uint8

All functions are pure: arrays in, new arrays out.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import cv2
import numpy as np

from sigverify.core.errors import NoInkError, NotASignatureError
from sigverify.core.i18n import translate


@dataclass(frozen=True)
class PreprocessConfig:
    """Preprocessing parameters. A model card records them so that enrolment and
    verification prepare images exactly as training did."""

    height: int = 150
    width: int = 220
    #: Fraction of the canvas left empty on each side of the ink.
    margin: float = 0.04
    #: Images are shrunk to at most this many pixels on the long side before processing.
    max_working_side: int = 1600
    #: Remove straight horizontal lines longer than this fraction of the image width
    #: (ruled lines, form boxes); 0 disables it. Hand-drawn strokes are never this straight.
    ruled_line_fraction: float = 0.6
    #: Ink components smaller than this fraction of all ink are specks (dust, noise).
    speck_fraction: float = 0.002
    #: Components under this fraction of all ink are kept only near the main writing.
    stray_fraction: float = 0.02
    #: The ink must be at least this much darker than the paper (0-255 grey levels).
    min_contrast: int = 40
    #: Stretch ink intensities so that faint and dark pens look alike.
    normalize_ink: bool = True
    #: The longest stroke must span at least this fraction of the image's longer side;
    #: below it the page holds only dust, fibres or dots (real scans: 16 % or more).
    min_signature_extent: float = 0.06
    #: Above 0: the ink's centre line (skeleton) redrawn at this width in canvas pixels, so
    #: that the pen, focus and resolution do not change what the model sees. 0: the ink as
    #: scanned, with its own width and shading (all models made before this option existed).
    stroke_width: float = 2.5

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, values: dict) -> PreprocessConfig:
        known = {name: values[name] for name in cls.__dataclass_fields__ if name in values}
        known.setdefault("stroke_width", 0.0)  # older cards: trained on the ink as scanned
        return cls(**known)


def limit_working_size(grey: np.ndarray, max_side: int) -> np.ndarray:
    """Shrink ``grey (H, W)`` so that ``max(H, W) <= max_side`` (area averaging)."""
    height, width = grey.shape
    longest = max(height, width)
    if longest <= max_side:
        return grey
    scale = max_side / longest
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    return cv2.resize(grey, size, interpolation=cv2.INTER_AREA)


#: How much the paper estimate is smoothed (times the closing's width) on a photographed
#: sheet: less than on a scan (0.25), so that a shadow's edge across the sheet is followed
#: instead of being read as a stroke. Scans keep 0.25, as every model was trained with.
PHOTO_SMOOTHING = 0.06
#: The smoothing on scans (and every image before sheets were looked for).
SCAN_SMOOTHING = 0.25
#: The sheet of paper is looked for on a copy this many pixels on its long side.
PAPER_SEARCH_SIDE = 256


def find_paper(grey: np.ndarray) -> np.ndarray | None:
    """Where the sheet of paper is when ``grey (H, W)`` uint8 is a photo of a slip or page
    lying on a darker desk: its corners ``(4, 2)`` float32 (x, y), clockwise from top-left,
    or None when no desk shows (a scan; a photo filled with paper).

    The desk is what is much darker than the paper, touches the photo's border and is wider
    than any pen stroke; the paper is the largest bright region it leaves, taken as the
    four-sided outline around it (a tilted, perspective-distorted sheet).
    """
    height, width = grey.shape
    # The desk touches the photo's border: a border without dark pixels (every scan) is
    # answered at once.
    paper = percentile_uint8(grey[::4, ::4], 90)
    border = np.concatenate([grey[0], grey[-1], grey[:, 0], grey[:, -1]])
    if np.count_nonzero(border < min(0.8 * paper, paper - 30)) < 0.05 * border.size:
        return None
    factor = max(1.0, max(height, width) / PAPER_SEARCH_SIDE)
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
    if stats[largest, cv2.CC_STAT_AREA] < 0.15 * desk.size:
        return None
    sheet = (labels == largest).astype(np.uint8)
    if not _sharp_outline(small, sheet, paper_level - dark_level):
        return None  # light falling off across a page, not a sheet's edge
    contours, _ = cv2.findContours(sheet, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    hull = cv2.convexHull(max(contours, key=cv2.contourArea))
    quad = cv2.approxPolyDP(hull, 0.04 * cv2.arcLength(hull, True), True)
    if len(quad) != 4:
        box = cv2.minAreaRect(hull)  # a sheet cut by the photo's border: its best rectangle
        quad = cv2.boxPoints(box)
    corners = _clockwise(quad.reshape(-1, 2).astype(np.float32))
    corners = (corners + 0.5) * np.float32(factor) - 0.5
    return np.clip(corners, 0, [width - 1, height - 1]).astype(np.float32)


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
    """Four (x, y) points ordered top-left, top-right, bottom-right, bottom-left."""
    centre = points.mean(axis=0)
    angles = np.arctan2(points[:, 1] - centre[1], points[:, 0] - centre[0])
    ordered = points[np.argsort(angles)]  # clockwise on screen, starting at the left
    start = int(np.argmin(ordered.sum(axis=1)))  # the top-left has the smallest x + y
    return np.roll(ordered, -start, axis=0)


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


def remove_ruled_lines(mask: np.ndarray, fraction: float) -> np.ndarray:
    """Drop horizontal runs of ink longer than ``fraction`` of the width from ``mask (H, W)``
    bool. Ruled lines are machine-straight; hand strokes never stay on one pixel row
    that long. Returns a new bool mask."""
    height, width = mask.shape
    length = int(round(fraction * width))
    if fraction <= 0 or length < 20:
        return mask.copy()
    # The kernel is one row high, so rows are independent: only rows holding at least
    # ``length`` ink pixels can hold such a run (usually none, and this costs nothing).
    candidates = np.flatnonzero(np.count_nonzero(mask, axis=1) >= length)
    if len(candidates) == 0:
        return mask.copy()
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (length, 1))
    lines = np.zeros(mask.shape, np.uint8)
    lines[candidates] = cv2.morphologyEx(mask[candidates].astype(np.uint8), cv2.MORPH_OPEN, kernel)
    # Take the line's anti-aliased edge rows too.
    lines = cv2.dilate(lines, np.ones((3, 1), np.uint8))
    return mask & ~lines.astype(bool)


def remove_specks(
    mask: np.ndarray, speck_fraction: float, stray_fraction: float = 0.0, reach: float = 0.15
) -> np.ndarray:
    """Drop dust and noise from ``mask (H, W)`` bool; returns a new bool mask.
    (See :func:`_remove_specks_measured`, which also gives the longest kept stroke.)"""
    return _remove_specks_measured(mask, speck_fraction, stray_fraction, reach)[0]


def _remove_specks_measured(
    mask: np.ndarray, speck_fraction: float, stray_fraction: float = 0.0, reach: float = 0.15
) -> tuple[np.ndarray, int]:
    """``(cleaned mask, longest kept stroke)``: the mask without dust and noise, and the
    largest width or height, in pixels, of any component it keeps (0 if none).

    Connected ink components (8-connected) are dropped when they are specks: 2 pixels or
    fewer, or smaller than ``speck_fraction`` of all ink. Small components (under
    ``stray_fraction`` of all ink) are also dropped when they lie away from the main
    writing: outside its bounding box grown on each side by ``reach`` of the box's longer side. An
    i-dot sits beside its letters; dust in a corner does not. When the writing itself is
    all fragments (no large components hold half the ink), only specks are dropped.
    """
    count, labels, stats, centroids = cv2.connectedComponentsWithStats(
        mask.astype(np.uint8), connectivity=8
    )
    if count <= 1:
        return mask.copy(), 0
    areas = stats[1:, cv2.CC_STAT_AREA].astype(np.float64)
    total = areas.sum()
    keep = areas >= max(3.0, speck_fraction * total)
    large = keep & (areas >= stray_fraction * total)
    if stray_fraction > 0 and areas[large].sum() >= 0.5 * total:
        left = stats[1:, cv2.CC_STAT_LEFT][large].min()
        top = stats[1:, cv2.CC_STAT_TOP][large].min()
        right = (stats[1:, cv2.CC_STAT_LEFT] + stats[1:, cv2.CC_STAT_WIDTH])[large].max()
        bottom = (stats[1:, cv2.CC_STAT_TOP] + stats[1:, cv2.CC_STAT_HEIGHT])[large].max()
        grow_x = grow_y = reach * max(right - left, bottom - top)
        cx, cy = centroids[1:, 0], centroids[1:, 1]
        near = (
            (cx >= left - grow_x)
            & (cx <= right + grow_x)
            & (cy >= top - grow_y)
            & (cy <= bottom + grow_y)
        )
        keep &= large | near
    # Dropping components never joins others: the kept ones keep their extents.
    extents = np.maximum(stats[1:, cv2.CC_STAT_WIDTH], stats[1:, cv2.CC_STAT_HEIGHT])[keep]
    return _without_components(mask, labels, stats, ~keep), int(extents.max(initial=0))


def _without_components(
    mask: np.ndarray, labels: np.ndarray, stats: np.ndarray, drop: np.ndarray
) -> np.ndarray:
    """``mask`` without the components ``drop`` (bool, one per component, background
    excluded) of its labelling ``labels`` / ``stats``. A few small ones (the usual specks)
    are cleared inside their boxes; many, with one look-up over the whole image."""
    dropped = np.flatnonzero(drop) + 1
    if len(dropped) > 64:
        return np.concatenate([[False], ~drop])[labels]
    cleaned = mask.copy()
    for label in dropped:
        x, y, w, h = stats[label, :4]
        box = np.s_[y : y + h, x : x + w]
        cleaned[box] &= labels[box] != label
    return cleaned


def find_ink(flat: np.ndarray, config: PreprocessConfig, clear_border: bool = False) -> np.ndarray:
    """Ink mask of a paper-flattened image ``flat (H, W)`` uint8 (paper ~255).
    ``clear_border``: drop ink that touches the image's border (what is left of a sheet's
    edge or the desk after :func:`cut_to_paper`; a signature sits inside its slip).

    Raises :class:`NoInkError` when nothing is clearly darker than the paper.
    Returns bool ``(H, W)``.
    """
    sigma = max(0.8, min(flat.shape) / 400.0)
    smooth = cv2.GaussianBlur(flat, (0, 0), sigma)
    threshold = otsu_threshold(smooth)
    # One histogram gives both classes' levels: dark (ink) is <= threshold, paper above.
    counts = np.bincount(smooth.ravel(), minlength=256)
    dark, paper = counts[: threshold + 1], counts[threshold + 1 :]
    paper_level = threshold + 1 + histogram_percentile(paper, 50) if paper.any() else 255.0
    # The darkest tenth of the dark class: thin or faint strokes are mostly anti-aliased
    # edge, so their mean sits close to the paper even when the pen line itself is clear.
    ink_level = histogram_percentile(dark, 10) if dark.any() else paper_level
    if paper_level - ink_level < config.min_contrast:
        raise _no_ink()
    # Otsu can split a page of pure noise; a real ink pixel is clearly darker than paper.
    mask = smooth <= min(threshold, paper_level - config.min_contrast / 2)
    mask = remove_ruled_lines(mask, config.ruled_line_fraction)
    if clear_border:
        mask = without_border_components(mask)
    mask, longest = _remove_specks_measured(mask, config.speck_fraction, config.stray_fraction)
    needed = config.min_signature_extent * max(mask.shape)
    if mask.sum() < 10 or (longest < needed and joined_extent(mask) < needed):
        raise _no_ink()
    return mask


def joined_extent(mask: np.ndarray, gap: float = 0.01) -> int:
    """The largest width or height of any stroke of ``mask (H, W)`` bool once breaks of up to
    ``gap`` of the longer side are bridged: a binarised scan breaks a pen line into pieces,
    while dust and dots stay apart. (Only asked when no single piece is long enough.)"""
    side = max(3, int(round(gap * max(mask.shape))) | 1)
    joined = cv2.dilate(mask.astype(np.uint8), np.ones((side, side), np.uint8))
    _, _, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    extents = np.maximum(stats[1:, cv2.CC_STAT_WIDTH], stats[1:, cv2.CC_STAT_HEIGHT])
    return int(extents.max(initial=side)) - side + 1


#: Writing covers little of its own bounding box: at most 29 % on all 14,739 scans of the
#: five data sets (median 10 %, 99th percentile 18-23 % per set). A filled block, a
#: gradient or a checkerboard covers 37 % or more even after the paper is flattened (a large
#: block is partly taken for paper); such an image is refused, not enrolled as a signature.
#: Pure noise (30 %) is not caught by this.
MAX_INK_FILL = 0.35


def _not_writing() -> NotASignatureError:
    return NotASignatureError(
        translate(
            "errors",
            "This image does not look like a signature: the dark part is a filled area or a "
            "pattern, not pen strokes. Check that the right image was chosen, or crop the "
            "signature.",
        )
    )


def _no_ink() -> NoInkError:
    return NoInkError(
        translate(
            "errors",
            "No signature was found on this image: it looks blank, too faint, or the signature "
            "is too small on the page. Check that the right page was scanned with enough "
            "contrast, or crop the signature.",
        )
    )


def touching_border(labels: np.ndarray, count: int) -> np.ndarray:
    """bool ``(count,)``: which of the ``count`` labels of ``labels (H, W)`` (0: background,
    never) reach the image's border."""
    touching = np.zeros(count, bool)
    touching[np.concatenate([labels[0], labels[-1], labels[:, 0], labels[:, -1]])] = True
    touching[0] = False
    return touching


def without_border_components(mask: np.ndarray, band: float = 0.05) -> np.ndarray:
    """``mask (H, W)`` bool without the 8-connected components that touch its border and lie
    mostly (60 % of their pixels or more) within ``band`` of the side from it: what is left
    of a sheet's edge or of the desk. A stroke that only reaches the border stays."""
    count, labels = cv2.connectedComponents(mask.astype(np.uint8), connectivity=8)
    height, width = mask.shape
    touching = touching_border(labels, count)
    if not touching.any():
        return mask.copy()
    by, bx = max(1, round(band * height)), max(1, round(band * width))
    near_border = np.ones(mask.shape, bool)
    near_border[by : height - by, bx : width - bx] = False
    in_band = np.bincount(labels[near_border], minlength=count)
    size = np.bincount(labels.ravel(), minlength=count)
    drop = touching & (in_band >= 0.6 * size)
    return mask & ~drop[labels]


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
    from skimage.morphology import skeletonize  # ~0.3 s to import; only models that use it

    off_line = (~skeletonize(mask)).astype(np.uint8)
    distance = cv2.distanceTransform(off_line, cv2.DIST_L2, cv2.DIST_MASK_PRECISE)
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


def preprocess_signature(grey: np.ndarray, config: PreprocessConfig | None = None) -> np.ndarray:
    """What the model sees: ``grey (H, W)`` uint8 (paper bright, ink dark) ->
    uint8 ``(config.height, config.width)`` with ink bright on an exact-0 background,
    cropped to the ink and centred by its centre of mass.

    Raises :class:`NoInkError` when no ink is found.
    """
    config = config or PreprocessConfig()
    if grey.ndim != 2 or grey.dtype != np.uint8:
        raise ValueError(f"expected a uint8 (H, W) array, got {grey.dtype} {grey.shape}")
    work = limit_working_size(grey, config.max_working_side)
    sheet = cut_to_paper(work)
    photo = sheet is not work
    flat = flatten_paper(sheet, PHOTO_SMOOTHING if photo else SCAN_SMOOTHING)
    mask = find_ink(flat, config, clear_border=photo)
    box = ink_box(mask)
    crop_mask = mask[box]
    if crop_mask.mean() > MAX_INK_FILL:
        raise _not_writing()
    if config.stroke_width > 0:
        ink = redrawn_ink(crop_mask, config)
        return fit_on_canvas(ink, ink > 0, config.height, config.width, config.margin)
    # Ink keeps its darkness (255 - paper-relative grey); everything else becomes 0.
    darkness = 255 - flat[box]
    ink = np.where(crop_mask, darkness.astype(np.float32), np.float32(0))
    if config.normalize_ink:
        # A pencil and a marker should look alike: stretch so strong ink reaches 255.
        ink *= np.float32(255.0 / max(1.0, percentile_uint8(darkness[crop_mask], 90)))
    ink = np.clip(np.rint(ink), 0, 255).astype(np.uint8)
    return fit_on_canvas(ink, crop_mask, config.height, config.width, config.margin)
