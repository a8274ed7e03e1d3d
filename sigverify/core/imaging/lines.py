"""Straight lines that are not writing, dropped from an ink mask: ruled lines and form
boxes across the page (:func:`remove_ruled_lines`), and the edge of a scan or a cut slip
down its left or right side (:func:`remove_edge_lines`). A hand stroke never stays this
straight for this long."""

from __future__ import annotations

import cv2
import numpy as np


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


#: Where a scan's edge line may lie: this fraction of the width from either side.
EDGE_BAND = 0.05
#: An edge line is at most this many pixels wide (at the working size); a pen stroke that
#: stays as long in one pixel column is wider (6 px or more in the data sets).
EDGE_LINE_WIDTH = 4
#: Wider up to this, it is still a line when its middle stays within
#: :data:`EDGE_LINE_WOBBLE` pixels of one column along most (90 %) of the run: a phone photo
#: of a scan's edge or a slip's ruled border, blurred to 5 px, stayed as ink beside the
#: signature, and a genuine signature was rejected at 0 % (seen in a real window). No image
#: of the five data sets has such a line (5,553 checked: `find_ink` unchanged on each).
EDGE_LINE_WIDTH_STRAIGHT = 7
EDGE_LINE_WOBBLE = 1.0
#: ... and its width stays within this many pixels (90th against 10th percentile) along it
#: (a photographed edge 2-5 px wide; a pen's upright stroke thins more towards its ends)
EDGE_LINE_EVEN = 3


def remove_edge_lines(mask: np.ndarray, fraction: float) -> np.ndarray:
    """Drop thin vertical lines from ``mask (H, W)`` bool: an unbroken run of ink at least
    ``fraction`` of the height long in one pixel column within :data:`EDGE_BAND` of the left
    or right side, whose ink is at most :data:`EDGE_LINE_WIDTH` pixels wide along most (90 %)
    of the run, or up to :data:`EDGE_LINE_WIDTH_STRAIGHT` wide and machine-straight. Only
    the line's own columns go; a stroke crossing it keeps the rest of itself. Returns a new
    bool mask."""
    height, width = mask.shape
    length = int(round(fraction * height))
    band = max(1, round(EDGE_BAND * width))
    out = mask.copy()
    if fraction <= 0 or length < 20:
        return out
    sides = np.r_[0:band, width - band : width]
    for column in sides[np.count_nonzero(mask[:, sides], axis=0) >= length]:
        rows, lefts, rights = _run_at(mask, column)
        if rows.stop - rows.start < length:
            continue
        thick = np.percentile(rights - lefts, 90)
        if thick <= EDGE_LINE_WIDTH:
            straight = False
        else:  # measured down its middle column: off the middle, a pen's stroke thick
            # in its middle looked as even as a line along the rows it is thick on
            middle = int(np.median((lefts + rights - 1) / 2))
            along, left_at, right_at = _run_at(mask, middle)
            widths = right_at - left_at
            middles = (left_at + right_at) / 2
            wobble = np.percentile(np.abs(middles - np.median(middles)), 90)
            # and as wide all along, as a printed or cut edge is (a pen's upright stroke
            # thins towards its ends: a review's worry for a tight crop starting with "I")
            wide, narrow = np.percentile(widths, [90, 10])
            straight = (
                # (a photographed edge leans a little: its middle column's run is shorter)
                along.stop - along.start >= 0.8 * (rows.stop - rows.start)
                and wide <= EDGE_LINE_WIDTH_STRAIGHT
                and wobble <= EDGE_LINE_WOBBLE
                and wide - narrow <= EDGE_LINE_EVEN
            )
        if thick <= EDGE_LINE_WIDTH or straight:
            # the line's own width (a pixel either side for its soft edge), not the
            # strokes that cross it
            left = max(0, int(np.median(lefts)) - 1)
            right = min(width, int(np.median(rights)) + 1)
            out[rows, left:right] = False
    return out


def _run_at(mask: np.ndarray, column: int) -> tuple[slice, np.ndarray, np.ndarray]:
    """The rows of the longest unbroken run of ink down ``column``, and for each of them
    where the ink through ``column`` starts and ends (end exclusive)."""
    runs = np.diff(np.r_[0, mask[:, column].astype(np.int8), 0])
    starts, ends = np.flatnonzero(runs == 1), np.flatnonzero(runs == -1)
    if len(starts) == 0:
        return slice(0, 0), np.zeros(0, int), np.zeros(0, int)
    longest = int(np.argmax(ends - starts))
    rows = slice(starts[longest], ends[longest])
    return (rows, *_ink_run_around(mask[rows], column))


def _ink_run_around(rows: np.ndarray, column: int) -> tuple[np.ndarray, np.ndarray]:
    """For each row of ``rows (N, W)`` bool, inked at ``column``: where the unbroken run of
    ink through ``column`` starts and ends (end exclusive)."""
    # A gap column beyond either side, so that every row's run ends somewhere: padded
    # index i is column i - 1.
    gaps = np.pad(~rows, ((0, 0), (1, 1)), constant_values=True)
    left_gap = gaps[:, : column + 1][:, ::-1]  # columns column-1, column-2, ..., -1
    right_gap = gaps[:, column + 2 :]  # columns column+1, ..., width
    return column - np.argmax(left_gap, axis=1), column + 1 + np.argmax(right_gap, axis=1)
