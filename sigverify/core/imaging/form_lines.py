"""The lines of a form that a cut goes through: the box printed around a signature, or the
rule it stands on, cut off at the sides of the part cut from the page, often a few degrees
off level (a photographed sheet squared up imperfectly). Such a line was kept as ink, and
being darker than a faint pen, it set the ink's threshold: the signature's own strokes fell
below it (a genuine signature cut from a phone photo of a consent form came out as specks
beside the box's lines, and was rejected: a real-window pass).

:func:`form_lines` finds them on the clear ink, :func:`painted_out` paints them with the
paper, and the ink is looked for again. A line must be straight (within a pixel and a half
of its middle) over
:data:`~sigverify.core.imaging.preprocessing.PreprocessConfig.form_line_fraction` of the
image, reach one of its sides (the cut went through it) and be much darker than the rest
of the ink (:data:`DARKER`): a pen's long stroke may be straight and reach the side of a
tight crop, but is about as dark as its other strokes. Of the 14,739 scans of the five data
sets, none is prepared otherwise than before (``PreprocessConfig.form_line_fraction``).
Pure functions: arrays in, new arrays out.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import cv2
import numpy as np

#: The most a line leans from level (or upright), in degrees, and the step it is looked
#: for at: a sheet squared up from a phone photo leaned 3 degrees (a real-window pass).
MAX_TILT = 6.0
TILT_STEP = 0.5
#: Where a line that the cut went through ends: within this share of the side.
SIDE_BAND = 0.02
#: Gaps a printed line may have (a blur, a stroke of the signature crossing it), in pixels.
GAP = 6
#: A line's share of its length it has ink on, along its middle: a printed line all of it;
#: strokes crossing the same straight band of a dense signature (SigComp2011's long,
#: flat Dutch signatures, cropped tight) left more out.
COVERED = 0.95


@dataclass(frozen=True)
class Line:
    """A straight line of ink from ``start`` to ``end`` ((x, y) pixels), ``width`` thick,
    its pixels ``level`` grey (their median)."""

    start: tuple[float, float]
    end: tuple[float, float]
    width: float
    level: float = 0.0


def form_lines(grey: np.ndarray, mask: np.ndarray, fraction: float) -> list[Line]:
    """The straight lines of ``mask (H, W)`` bool (the clear ink of ``grey``) at most
    :data:`MAX_TILT` degrees from level or upright, at least ``fraction`` of the width (or
    height) long, that reach a side of the image and are :data:`DARKER` than the rest of
    the ink, below the paper: a form's print beside a faint pen. A pen's own long straight
    stroke is as dark as the rest of its ink (SigComp2011's writers who strike their name
    through, cropped tight: the stroke reaches the side), and an edge down a side is
    :func:`~sigverify.core.imaging.lines.remove_edge_lines`'s. Followed only from where
    ink crosses a side (a scan of a signature alone has none there)."""
    if fraction <= 0:
        return []
    found = _level_lines(grey, mask, fraction)
    band = max(2, round(SIDE_BAND * mask.shape[1]))
    for line in _level_lines(grey.T, mask.T, fraction):
        line = _transposed(line)
        if min(line.start[0], line.end[0]) >= band and max(line.start[0], line.end[0]) < (
            mask.shape[1] - band
        ):
            found.append(line)
    if not found:
        return []
    if mask.all():
        return []
    paper = float(np.median(grey[~mask]))
    # the rest of the ink: away from the lines by their band (what is left of a line
    # beside its painted width counted as the rest, and vetoed it: a review)
    banded = [Line(line.start, line.end, 2 * BAND + 1, line.level) for line in found]
    rest = mask & (painted_out(np.zeros(mask.shape, np.uint8), banded, 1, 0.0) == 0)
    rest_darkness = float(paper - np.median(grey[rest])) if rest.sum() >= MIN_REST else 0.0
    return [line for line in found if paper - line.level >= DARKER * rest_darkness]


def painted_out(grey: np.ndarray, lines: list[Line], paper: float, blur: float) -> np.ndarray:
    """``grey`` with each of ``lines`` painted over with ``paper``, as wide as it is and its
    soft edge (``blur``: the blur's sigma) either side."""
    painted = grey.copy()
    for line in lines:
        width = int(math.ceil(line.width + 2 * blur + 2))
        start = tuple(int(round(v)) for v in line.start)
        end = tuple(int(round(v)) for v in line.end)
        cv2.line(painted, start, end, int(round(paper)), thickness=width)
    return painted


#: The most lines one image gives (a box's two sides and a rule or two), each way.
MOST_LINES = 6
#: Rows either side of a line's middle that are its own (a line up to 8 pixels wide).
BAND = 4
#: A form's line is this many times darker than the rest of the clear ink (its median,
#: below the paper), or there is less of that than :data:`MIN_REST` pixels: on the consent
#: form's photo its print was 1.9 and 2.0 times as dark as the pen's clearest specks; of
#: the 14,739 scans of the five data sets, at 1.5 a pen's long stroke pressed harder
#: (SigComp2011, 1.53) and a scan's edge 8 pixels from the side (CEDAR, 1.56) were taken.
DARKER = 1.75
MIN_REST = 20


def _level_lines(grey: np.ndarray, mask: np.ndarray, fraction: float) -> list[Line]:
    """The lines of :func:`form_lines` that run from the left or right side (near level):
    from each place where ink crosses the band along that side no higher than a line is
    wide, the straight way across, at the tilt that stays on ink the longest (gaps of
    :data:`GAP` aside). Followed from the side, not looked for among all the ink: that took
    SigComp2011's tight crops, whose strokes touch the side, 10.8 ms a scan instead of 4.8
    (`bench/preprocess.py`)."""
    height, width = mask.shape
    length = fraction * width
    band = max(2, round(SIDE_BAND * width))
    if length < 20:
        return []
    slopes = np.tan(np.radians(np.arange(-MAX_TILT, MAX_TILT + TILT_STEP / 2, TILT_STEP)))
    columns = np.arange(width)
    lines: list[Line] = []
    for x_side, side in ((0, slice(0, band)), (width - 1, slice(width - band, width))):
        for y0 in _crossings(mask[:, side]):
            if any(abs(_y_at(line, x_side) - y0) <= BAND for line in lines):
                continue  # (the other end of a line found from the other side)
            rows = np.rint(y0 + (columns - x_side)[None, :] * slopes[:, None]).astype(int)
            on = np.zeros(rows.shape, bool)
            for shift in (-1, 0, 1):
                at = rows + shift
                on |= (at >= 0) & (at < height) & mask[np.clip(at, 0, height - 1), columns]
            order = columns if x_side == 0 else columns[::-1]
            reach = _reach(on[:, order], GAP)
            tilt = int(np.argmax(reach))
            span = order[: reach[tilt]]
            if len(span) < length or on[tilt, span].mean() < COVERED:
                continue
            line = _measured(grey, mask, rows[tilt], span)
            if line is not None and len(lines) < MOST_LINES:
                lines.append(line)
    return lines


def _crossings(band: np.ndarray) -> list[float]:
    """The middle rows of the places where ink crosses ``band (H, w)`` bool (the columns
    along a side), each at most as high as a line is wide (2 :data:`BAND` + 1 rows)."""
    inked = np.r_[False, band.any(axis=1), False].astype(np.int8)
    edges = np.diff(inked)
    starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
    return [(a + b - 1) / 2 for a, b in zip(starts, ends, strict=True) if b - a <= 2 * BAND + 1]


def _reach(on: np.ndarray, gap: int) -> np.ndarray:
    """For each row of ``on (T, W)`` bool (each tilt's way from the side), how many of its
    columns come before its first gap wider than ``gap`` (all of them: none)."""
    width = on.shape[1]
    off = np.concatenate([np.zeros((len(on), 1), int), np.cumsum(~on, axis=1)], axis=1)
    window = gap + 1
    if width < window:
        return np.full(len(on), width)
    wide = off[:, window:] - off[:, :-window] == window  # (T, W - gap): all off from here
    return np.where(wide.any(axis=1), np.argmax(wide, axis=1), width)


def _measured(
    grey: np.ndarray, mask: np.ndarray, rows: np.ndarray, span: np.ndarray
) -> Line | None:
    """The line along ``rows`` (its row at each column) over the columns ``span``: the
    straight line fitted to its ink within :data:`BAND` rows (least squares: the tilt
    looked for is half a degree apart, and a line between two such tilts was painted off
    its ink, 5 px lines at 0.1 degrees kept: a review), its width and grey level."""
    height = mask.shape[0]
    shifts = np.arange(-BAND, BAND + 1)[:, None]
    at = rows[span][None, :] + shifts
    inside = (at >= 0) & (at < height)
    at = np.clip(at, 0, height - 1)
    ink = inside & mask[at, span[None, :]]
    if np.count_nonzero(ink) < 2:
        return None
    xs, ys = np.broadcast_to(span, ink.shape)[ink], at[ink]
    first, last = int(span.min()), int(span.max())
    slope, offset = np.polyfit(xs, ys, 1) if last > first else (0.0, float(np.mean(ys)))
    return Line(
        (float(first), float(offset + slope * first)),
        (float(last), float(offset + slope * last)),
        float(np.count_nonzero(ink) / len(span)),
        float(np.median(grey[ys, xs])),
    )


def _y_at(line: Line, x: float) -> float:
    (x0, y0), (x1, y1) = line.start, line.end
    return y0 + (y1 - y0) * (x - x0) / max(1e-9, x1 - x0)


def _transposed(line: Line) -> Line:
    """A line found on the transposed mask, in the image's (x, y)."""
    return Line(line.start[::-1], line.end[::-1], line.width, line.level)
