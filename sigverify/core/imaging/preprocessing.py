"""Signature preprocessing: from a greyscale scan or photo to what the model sees.

SigNet lineage (Hafemann et al.), made robust to real paper: the paper is flattened
away first, so grey paper, white paper and uneven light all become the same exact 0
in the output, and a model cannot learn the scanner instead of the ink.

Pipeline (:func:`preprocess_signature`)::

    grey (H, W) uint8, paper bright
      -> limit_working_size     at most ``max_working_side`` px on the long side (a whole factor)
      -> cut_to_paper           a photo of a sheet on a desk: the sheet alone, squared up
                                (a scan: unchanged)
      -> flatten_paper          divide by the estimated paper (uneven light, grey paper)
      -> find_ink               denoise, Otsu (and faint ink joined to it), drop ruled
                                lines, scan edges and specks
                                -> bool mask
      -> closer_look            a scan whose ink is small on it (a signature on a whole
                                page): again from the ink's part of the scan, at its own
                                resolution
      -> crop to the ink's bounding box, invert (ink bright, background exactly 0),
         stretch the ink so its strong strokes reach 255 (pencil ~ marker);
         or, with ``stroke_width``, redraw the ink's centre line at one width
         (a fine pen, a felt tip, a blurred photo and a low resolution look alike)
      -> fit_on_canvas          scale to fit, centre by centre of mass -> (h, w) uint8

All functions are pure: arrays in, new arrays out.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, replace

import cv2
import numpy as np

from sigverify.core.errors import NoInkError, NotASignatureError
from sigverify.core.i18n import translate
from sigverify.core.imaging.array_helpers import (
    histogram_percentile,
    otsu_threshold,
    percentile_uint8,
    touching_border,
)
from sigverify.core.imaging.canvas import canvas_scale, fit_on_canvas, ink_box, redrawn_ink
from sigverify.core.imaging.faint_ink import faint_ink_level, join_faint_ink
from sigverify.core.imaging.form_lines import form_lines, painted_out
from sigverify.core.imaging.lines import remove_edge_lines, remove_ruled_lines
from sigverify.core.imaging.paper import (
    PHOTO_SMOOTHING,
    SCAN_SMOOTHING,
    cut_to_paper,
    flatten_paper,
)


@dataclass(frozen=True)
class PreprocessConfig:
    """Preprocessing parameters. A model card records them so that enrolment and
    verification prepare images exactly as training did."""

    height: int = 150
    width: int = 220
    #: Fraction of the canvas left empty on each side of the ink.
    margin: float = 0.04
    #: Images are shrunk by a whole factor to at most this many pixels on the long side
    #: before processing (a 600 dpi scan by 2, a 300 dpi one by 1 or 2): about three times
    #: the canvas is detail enough, and every later step costs per pixel.
    max_working_side: int = 800
    #: Remove straight horizontal lines longer than this fraction of the image width
    #: (ruled lines, form boxes); 0 disables it. Hand-drawn strokes are never this straight.
    ruled_line_fraction: float = 0.6
    #: Paint out the straight lines of a form that a cut goes through (a box or a rule at
    #: most 6 degrees off level or upright, reaching a side of the image, longer than this
    #: fraction of its width or height, much darker than the rest of the ink:
    #: :mod:`form_lines`) before the ink is looked for: darker than a faint pen, they set
    #: its threshold; 0 disables it. None of the 14,739 scans of the five data sets is
    #: prepared otherwise with it (each prepared with and without).
    form_line_fraction: float = 0.4
    #: Remove thin, straight vertical lines longer than this fraction of the image height
    #: near its left and right sides (the edge of a scan or of a cut slip); 0 disables it.
    #: In the five data sets it finds 36, all such edges (CEDAR 31 of 1,920 images, BHSig260
    #: Hindi 5 of 6,991), and none of the near-vertical first strokes that lie as close to
    #: the side (SigComp2011: runs of 0.62-0.76 of the height, 6 px wide).
    edge_line_fraction: float = 0.75
    #: Ink components smaller than this fraction of all ink are specks (dust, noise).
    speck_fraction: float = 0.002
    #: Components under this fraction of all ink are kept only near the main writing.
    stray_fraction: float = 0.02
    #: The ink must be at least this much darker than the paper (0-255 grey levels). At 40,
    #: 15 % of CEDAR's queries photographed flat (mostly forgeries, whose scanned ink is
    #: pale) were refused as blank; at 24 fewer than 1 %, with every scan of the five data
    #: sets prepared exactly as before and blank photographed paper refused as often.
    #: A 15-level smudge is still not ink.
    min_contrast: int = 24
    #: Stretch ink intensities so that faint and dark pens look alike.
    normalize_ink: bool = True
    #: The longest stroke must span at least this fraction of the image's longer side;
    #: below it the page holds only dust, fibres or dots (real scans: 16 % or more).
    min_signature_extent: float = 0.06
    #: Above 0: the ink's centre line (skeleton) redrawn at this width in canvas pixels, so
    #: that the pen, focus and resolution do not change what the model sees. 0: the ink as
    #: scanned, with its own width and shading (all models made before this option existed).
    stroke_width: float = 2.5
    #: Above 0: faint ink that carries on a clear stroke is kept (hysteresis, see
    #: :mod:`faint_ink`) down to this many times the paper's own variation darker than the
    #: paper; a pen running dry is not cut short. 0: one threshold (models made before
    #: this option existed).
    faint_ink: float = 4.0
    #: Ink smaller than the canvas is looked for again on the scan enlarged (cubic) by the
    #: smallest whole factor that brings it to the canvas's resolution (at most to the
    #: working size): a low-resolution scan's thin strokes are found between its pixels,
    #: not read off them (CEDAR's genuine queries shrunk to 0.6 were refused 33 % of the
    #: time, 15 % this way: ``bench/scan_resolution.py``). False: models made before this
    #: option existed.
    enlarge_small_ink: bool = True

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, values: dict) -> PreprocessConfig:
        known = {name: values[name] for name in cls.__dataclass_fields__ if name in values}
        known.setdefault("stroke_width", 0.0)  # older cards: trained on the ink as scanned
        known.setdefault("max_working_side", 1600)  # and at a larger working size
        known.setdefault("faint_ink", 0.0)  # and with one threshold
        known.setdefault("enlarge_small_ink", False)  # and small ink read as scanned
        return cls(**known)


def limit_working_size(grey: np.ndarray, max_side: int) -> np.ndarray:
    """Shrink ``grey (H, W)`` by the smallest whole factor that brings its long side to at
    most ``max_side`` (area averaging: each output pixel is the mean of a block, so a thin
    dark line stays a grey line). A whole factor is OpenCV's fast path, 50 times quicker
    than an arbitrary one on a 600 dpi scan; the size then lands between ``max_side / 2``
    and ``max_side``."""
    height, width = grey.shape
    factor = math.ceil(max(height, width) / max_side)
    if factor <= 1:
        return grey
    size = (max(1, width // factor), max(1, height // factor))
    return cv2.resize(
        grey[: size[1] * factor, : size[0] * factor], size, interpolation=cv2.INTER_AREA
    )


def remove_specks(
    mask: np.ndarray, speck_fraction: float, stray_fraction: float = 0.0, reach: float = 0.15
) -> np.ndarray:
    """Drop dust and noise from ``mask (H, W)`` bool; returns a new bool mask.
    (See :func:`_remove_specks_measured`, which also gives the longest kept stroke.)"""
    return _remove_specks_measured(mask, speck_fraction, stray_fraction, reach)[0]


def _remove_specks_measured(
    mask: np.ndarray, speck_fraction: float, stray_fraction: float = 0.0, reach: float = 0.15
) -> tuple[np.ndarray, int, int]:
    """``(cleaned mask, longest kept stroke, pieces)``: the mask without dust and noise, the
    largest width or height, in pixels, of any component it keeps (0 if none), and how
    many components it keeps.

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
        return mask.copy(), 0, 0
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
    cleaned = _without_components(mask, labels, stats, ~keep)
    return cleaned, int(extents.max(initial=0)), int(keep.sum())


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
    if lines := form_lines(smooth, smooth <= threshold, config.form_line_fraction):
        paper_now = float(np.median(smooth[smooth > threshold]))
        smooth = painted_out(smooth, lines, paper_now, sigma)
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
    strong_cut = min(threshold, paper_level - config.min_contrast / 2)
    mask = smooth <= strong_cut
    if config.faint_ink > 0 and paper.any():
        spread = paper_level - (threshold + 1 + histogram_percentile(paper, 5))
        level = faint_ink_level(
            paper_level, spread, strong_cut, config.faint_ink, config.min_contrast
        )
        mask = join_faint_ink(smooth, mask, level, rim=2 * sigma + 1)
    mask = remove_ruled_lines(mask, config.ruled_line_fraction)
    mask = remove_edge_lines(mask, config.edge_line_fraction)
    if clear_border:
        mask = without_border_components(mask)
    mask, longest, pieces = _remove_specks_measured(
        mask, config.speck_fraction, config.stray_fraction
    )
    needed = config.min_signature_extent * max(mask.shape)
    if mask.sum() < 10 or (longest < needed and joined_extent(mask) < needed):
        raise _no_ink()
    if pieces > MAX_INK_PIECES:
        raise _not_writing()
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
#: Pure noise is caught by :data:`MAX_INK_PIECES` instead.
MAX_INK_FILL = 0.35

#: Writing is a few strokes: at most 32 separate pieces of ink (after dust is dropped) on
#: all 14,739 scans of the five data sets (99.9th percentile 17-25 per set). Noise, speckle
#: and blotches break into 37 to 150 pieces or more; above this the image is refused.
MAX_INK_PIECES = 48


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


#: A scan shrunk to its working size by at least :data:`PAGE_SHRINK` whose ink spans at
#: most :data:`SMALL_ON_PAGE` of the long side is looked at again: the ink's part of the
#: scan, at its own resolution (:func:`closer_look`). A signature scan is shrunk by 2 at
#: most (a 600 dpi one): none of the five data sets' scans is looked at again (BHSig260's,
#: shrunk by 2, often hold their signature in half the width), a whole page is.
PAGE_SHRINK, SMALL_ON_PAGE = 3, 0.5
#: ... with this share of the ink's longer side as paper around it.
CLOSER_MARGIN = 0.1


def closer_look(
    grey: np.ndarray, working: tuple[int, int], box: tuple[slice, slice]
) -> np.ndarray | None:
    """The part of the scan ``grey`` around the ink found at ``box`` on its working-size
    copy (shape ``working``), when the scan is a page with the ink small on it (see
    :data:`PAGE_SHRINK`): a signature on a whole page opened as a file, shrunk with the
    page, lost its strokes' detail. Else None."""
    rows, cols = box
    long_side = max(rows.stop - rows.start, cols.stop - cols.start)
    factor = grey.shape[0] // working[0]  # the whole factor it was shrunk by
    if factor < PAGE_SHRINK or long_side > SMALL_ON_PAGE * max(working):
        return None
    pad = CLOSER_MARGIN * long_side
    top, left = (max(0, int((s.start - pad) * factor)) for s in (rows, cols))
    bottom = min(grey.shape[0], int(math.ceil((rows.stop + pad) * factor)))
    right = min(grey.shape[1], int(math.ceil((cols.stop + pad) * factor)))
    return grey[top:bottom, left:right]


def enlargement(shape: tuple[int, int], box: tuple[slice, slice], config: PreprocessConfig) -> int:
    """The whole factor to enlarge a scan of ``shape`` by before finding its ink at
    ``box`` again (``config.enlarge_small_ink``): the smallest that brings the ink to the
    canvas's resolution (ink at 1.01 of it is doubled), no larger than keeps the scan
    within the working size; 1 when the ink fills the canvas already."""
    if not config.enlarge_small_ink:
        return 1
    rows, cols = box
    scale = canvas_scale(
        rows.stop - rows.start, cols.stop - cols.start, config.height, config.width, config.margin
    )
    return max(1, min(math.ceil(scale), config.max_working_side // max(shape)))


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
    if not photo and work is not grey:
        closer = closer_look(grey, work.shape, box)
        if closer is not None:  # once: the part is at most half the page's long side
            return preprocess_signature(closer, config)
    factor = enlargement(grey.shape, box, config) if work is grey else 1
    if factor > 1:
        larger = cv2.resize(grey, None, fx=factor, fy=factor, interpolation=cv2.INTER_CUBIC)
        return preprocess_signature(larger, replace(config, enlarge_small_ink=False))
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
