"""Finding the signature on a whole page: a cheque, a form, a contract, scanned or
photographed. Steps 1 and 2 below prepare the page; then a small network
(:mod:`sigverify.core.imaging.locate_net`) marks where signatures are and the ink there
gives each box. Without the network's file, classical cues (step 3) do it instead:

1. *The page.* In a photo, the sheet is found as preprocessing finds it; it is warped to
   a rectangle (:func:`find_page`), so that text lines run level.
2. *Ink.* Uneven light is divided out (the paper's own brightness, estimated by closing
   the image), the channel in which coloured stamps are lightest is used (stamps are
   bright red, blue or violet, pens dark), ruled lines and box edges are removed.
3. *Handwriting, not print.* Ink is grouped into words. Printed words are rows of
   same-height letters, many per word, whose edges run mostly upright and level; a
   signature's pieces are few, tall, long and slanted. Each word gets a score from these
   cues (:func:`word_features`, weights in :data:`WEIGHTS`), and neighbouring handwritten
   words are joined into candidates, ranked by score and size.

Boxes are ``(x, y, width, height)`` in the pixels of the image given (for a photo: the
smallest upright box around the candidate's corners mapped back from the flattened page).
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from sigverify.core.imaging import locate_net
from sigverify.core.imaging.array_helpers import pixel_box, shifted
from sigverify.core.imaging.imageio import MIN_SIDE
from sigverify.core.imaging.paper import find_paper
from sigverify.core.imaging.slip import edge_band, mostly_in, printed_ink, whole_slip

#: Pages are worked on with their long side at most this (pixels).
WORKING_SIDE = 1400
#: The sheet is looked for on a copy this many pixels on its long side (preprocessing's
#: 256 put the corners 0.70 % of the long side off, median, on 100 photographed pages;
#: this 0.48 %).
PAGE_SEARCH_SIDE = 400
#: Ink: darker than this share of the local paper brightness.
INK_SHARE = 0.72
#: Faint ink (a phone photo's soft, thin strokes: its darkest pixels, the 0.5th percentile,
#: lighter than :data:`FAINT_DARKEST`) is deepened until they are :data:`INK_DARKEST`, by
#: at most :data:`MAX_DEEPENING` times.
FAINT_DARKEST = 120
INK_DARKEST = 60
MAX_DEEPENING = 4.0


@dataclass(frozen=True)
class Candidate:
    """A place on the page that looks like a signature. ``score`` 0..1, higher when surer:
    the network's mean chance over the place (the classical cues: more like handwriting,
    and larger)."""

    box: tuple[int, int, int, int]
    score: float
    #: the candidate's four corners in the input image (clockwise from top left)
    corners: np.ndarray
    #: bool ``(height, width)`` of ``box``: where the network sees a signature's ink there
    #: (None from the classical cues); see :func:`.page_crop.signature_only`
    ink: np.ndarray | None = None


@dataclass(frozen=True)
class PageView:
    """The page as worked on: ``grey`` flattened and level, ``to_input`` the 3 x 3 map from
    its pixels back to the input image's, ``photographed`` when a sheet was found."""

    grey: np.ndarray
    to_input: np.ndarray
    photographed: bool


def mapped_corners(box, matrix: np.ndarray) -> np.ndarray:
    """float32 ``(4, 2)``: the corners of ``box`` (x, y, width, height; clockwise from top
    left) mapped by the 3 x 3 ``matrix`` (``PageView.to_input``, or its inverse for the
    other way)."""
    x, y, w, h = box
    corners = np.float32([[x, y], [x + w, y], [x + w, y + h], [x, y + h]]).reshape(-1, 1, 2)
    return cv2.perspectiveTransform(corners, np.asarray(matrix, np.float64)).reshape(4, 2)


def _grey(image: np.ndarray) -> np.ndarray:
    # as load_page reads a colour page: the brightest channel, where stamps are pale
    return image if image.ndim == 2 else image[..., :3].max(axis=2)


def find_page(grey: np.ndarray) -> np.ndarray | None:
    """The four corners of a sheet of paper lying on a darker background, clockwise from
    top left, or None when the image is the page itself (a scan) or no clear sheet is
    seen: found as preprocessing finds a slip (:func:`.paper.find_paper`: a shadow's soft
    edge across the sheet does not cut it), searched on a finer copy
    (:data:`PAGE_SEARCH_SIDE`), since the boxes found on the level page are mapped back.
    Measured on 600 slip photos of the data sets' scans (``bench/locate.py --slips``,
    seeds 2 and 5): the best place held the signature on 98.2 % against 95.0 % with the
    largest bright four-sided shape (a shadow's edge cut it short: the sheet missed part
    of the signature on 26 of 400 against 6); on the generator's thick strokes the two tie
    (16 and 17 of 300), and on cheques and forms nothing changed (96.5 %, ``--seed 3``)."""
    return find_paper(grey, PAGE_SEARCH_SIDE)


def sheet_warp(corners: np.ndarray, longest: float) -> tuple[np.ndarray, tuple[int, int]]:
    """The 3 x 3 map from the photo to the sheet laid level, and the level sheet's size,
    its long side at most ``longest``."""
    top = np.linalg.norm(corners[1] - corners[0])
    side = np.linalg.norm(corners[3] - corners[0])
    bottom = np.linalg.norm(corners[2] - corners[3])
    right = np.linalg.norm(corners[2] - corners[1])
    width, height = max(top, bottom), max(side, right)
    factor = min(1.0, longest / max(width, height))
    size = (int(width * factor), int(height * factor))
    target = np.float32([[0, 0], [size[0], 0], [size[0], size[1]], [0, size[1]]])
    return cv2.getPerspectiveTransform(corners.astype(np.float32), target), size


def page_view(image: np.ndarray) -> PageView:
    """The page flattened (light divided out), level and at most :data:`WORKING_SIDE`."""
    grey = _grey(image)
    h, w = grey.shape
    corners = find_page(grey)
    if corners is not None:
        to_page, size = sheet_warp(corners, WORKING_SIDE)
        level = cv2.warpPerspective(grey, to_page, size, flags=cv2.INTER_AREA)
        to_input = np.linalg.inv(to_page)
    else:
        factor = min(1.0, WORKING_SIDE / max(h, w))
        level = cv2.resize(grey, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)
        to_input = np.diag([1 / factor, 1 / factor, 1.0])
    # the paper's brightness: closing removes strokes thinner than the kernel
    small = cv2.resize(level, None, fx=0.25, fy=0.25, interpolation=cv2.INTER_AREA)
    paper = cv2.morphologyEx(small, cv2.MORPH_CLOSE, np.ones((7, 7), np.uint8))
    paper = cv2.GaussianBlur(paper, (0, 0), 3)
    paper = cv2.resize(paper, (level.shape[1], level.shape[0]), interpolation=cv2.INTER_LINEAR)
    flat = np.clip(level.astype(np.float32) / np.maximum(paper, 1) * 255, 0, 255)
    return PageView(deepened(flat).astype(np.uint8), to_input, corners is not None)


def deepened(flat: np.ndarray) -> np.ndarray:
    """``flat`` (float32, paper 255) with faint ink made as dark as a pen's on a scan: the
    darkness below the paper scaled so that the darkest pixels away from the edges reach
    :data:`INK_DARKEST` (a phone photo's soft strokes were lighter than :data:`INK_SHARE`
    of the paper, so neither the network nor the cues saw them). Ink darker than
    :data:`FAINT_DARKEST` is left as it is: deepened, its soft edges would widen the boxes."""
    h, w = flat.shape
    margin = max(1, int(0.03 * min(h, w)))
    darkest = float(np.percentile(flat[margin:-margin, margin:-margin], 0.5))
    if darkest < FAINT_DARKEST:
        return flat
    gain = min(MAX_DEEPENING, (255 - INK_DARKEST) / max(255 - darkest, 1.0))
    return np.clip(255 - (255 - flat) * gain, 0, 255)


def dark_ink(flat: np.ndarray) -> np.ndarray:
    """Ink (bool) of the evened page ``flat``: darker than :data:`INK_SHARE` of white."""
    return flat < INK_SHARE * 255


def ink_without_lines(flat: np.ndarray) -> np.ndarray:
    """Ink (bool) with long horizontal and vertical lines (rules, boxes, edges) taken out."""
    ink = dark_ink(flat).astype(np.uint8)
    h, w = ink.shape
    long_x = max(60, w // 6)  # a hand-drawn head line (Devanagari) is shorter than a rule
    long_y = max(40, h // 12)
    lines = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((1, long_x), np.uint8))
    lines |= cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((long_y, 1), np.uint8))
    lines = cv2.dilate(lines, np.ones((3, 3), np.uint8))
    return (ink > 0) & (lines == 0)


#: Logistic weights of :func:`word_features` (handwriting vs print), fitted on synthetic
#: pages (``bench/locate.py --fit``: signatures of CEDAR and BHSig260 Bengali writers,
#: checked on the other data sets' writers).
WEIGHTS = np.array([0.313, -1.284, -1.38, 2.356, 1.749, -1.853, -0.031, -0.337])
BIAS = 0.398
FEATURES = (
    "height / text height (log)",
    "pieces per text height of width",
    "upright and level edges (share)",
    "longest piece / word width",
    "piece height spread (cv)",
    "ink fill of the box",
    "stroke width spread (cv)",
    "ink tone spread (quartiles)",
)


def word_features(
    grey: np.ndarray, ink: np.ndarray, box, heights: np.ndarray, widths: np.ndarray, text_h: float
) -> np.ndarray:
    """The cues of one word (see :data:`FEATURES`); ``heights`` and ``widths`` of its
    pieces (connected ink)."""
    x, y, w, h = box
    region = ink[y : y + h, x : x + w]
    patch = grey[y : y + h, x : x + w].astype(np.float32)
    gx = cv2.Sobel(patch, cv2.CV_32F, 1, 0, ksize=3)
    gy = cv2.Sobel(patch, cv2.CV_32F, 0, 1, ksize=3)
    magnitude = np.hypot(gx, gy)
    strong = magnitude > np.percentile(magnitude, 80)
    angle = np.degrees(np.arctan2(np.abs(gy[strong]), np.abs(gx[strong])))  # 0..90
    axis = float(np.mean((angle < 12) | (angle > 78))) if strong.any() else 0.5
    # pen strokes vary in width and tone; printed glyphs are drawn evenly
    padded = cv2.copyMakeBorder(region.astype(np.uint8), 1, 1, 1, 1, cv2.BORDER_CONSTANT, value=0)
    thickness = cv2.distanceTransform(padded, cv2.DIST_L2, 3)
    ridge = thickness[(thickness > 0) & (thickness >= cv2.dilate(thickness, np.ones((3, 3))))]
    width_cv = float(ridge.std() / max(ridge.mean(), 1e-6)) if len(ridge) > 4 else 0.0
    tones = patch[region > 0]
    tone_spread = (
        float(np.percentile(tones, 75) - np.percentile(tones, 25)) / 255 if len(tones) else 0.0
    )
    heights = np.asarray(heights, np.float32)
    widths = np.asarray(widths, np.float32)
    return np.array(
        [
            np.log(h / text_h),
            len(heights) / max(w / text_h, 1.0),
            axis,
            float(widths.max() / w) if len(widths) else 0.0,
            float(heights.std() / max(heights.mean(), 1)) if len(heights) > 1 else 0.0,
            float(region.mean()),
            width_cv,
            tone_spread,
        ],
        np.float32,
    )


@dataclass
class Word:
    box: tuple[int, int, int, int]
    features: np.ndarray
    handwriting: float


def page_words(view: PageView, ink: np.ndarray | None = None) -> tuple[list[Word], float]:
    """The page's words with their handwriting score, and the printed text height
    (``ink``: :func:`ink_without_lines` of the view, when already made)."""
    ink = ink_without_lines(view.grey) if ink is None else ink
    count, labels, stats, _ = cv2.connectedComponentsWithStats(ink.astype(np.uint8), 8)
    keep = stats[1:, cv2.CC_STAT_AREA] >= 6
    heights = stats[1:, cv2.CC_STAT_HEIGHT][keep & (stats[1:, cv2.CC_STAT_HEIGHT] >= 4)]
    text_h = float(np.median(heights)) if len(heights) else 12.0
    clean = np.isin(labels, np.flatnonzero(keep) + 1)
    # words: ink joined across gaps narrower than a letter (and a little up and down)
    gap_x = max(3, int(round(0.9 * text_h)))
    gap_y = max(1, int(round(0.25 * text_h)))
    grouped = cv2.dilate(clean.astype(np.uint8), np.ones((2 * gap_y + 1, 2 * gap_x + 1), np.uint8))
    n, word_labels, word_stats, _ = cv2.connectedComponentsWithStats(grouped, 8)
    words = []
    for index in range(1, n):
        x, y, w, h, _ = word_stats[index]
        # the dilation's margin off again: the word's own ink box
        inside = clean[y : y + h, x : x + w] & (word_labels[y : y + h, x : x + w] == index)
        if np.count_nonzero(inside) < 12:
            continue
        box = shifted(pixel_box(inside), x, y)
        pieces = np.unique(labels[y : y + h, x : x + w][inside])
        # a piece lies whole inside its word: its own box is the one labelling measured
        heights = stats[pieces, cv2.CC_STAT_HEIGHT]
        widths = stats[pieces, cv2.CC_STAT_WIDTH]
        features = word_features(view.grey, clean, box, heights, widths, text_h)
        logit = float(features @ WEIGHTS + BIAS)
        words.append(Word(box, features, 1 / (1 + np.exp(-logit))))
    return words, text_h


#: Words at least this handwritten start a candidate; words at least :data:`GROW` join one
#: they are close to and level with (the second word of a name, a Devanagari word whose
#: head line looks like print), clearly printed words never.
SEED, GROW = 0.5, 0.15
#: ... and words at least this handwritten join a group whose box they mostly lie in.
INSIDE = 0.05


def share_inside(box, group) -> float:
    """The share of ``box``'s area inside ``group``."""
    w = max(0, min(box[0] + box[2], group[0] + group[2]) - max(box[0], group[0]))
    h = max(0, min(box[1] + box[3], group[1] + group[3]) - max(box[1], group[1]))
    return w * h / max(1, box[2] * box[3])


def _joined(words: list[Word], text_h: float) -> list[list[Word]]:
    """Handwritten words grouped with their neighbours on the same level."""
    groups: list[list[Word]] = [[w] for w in words if w.handwriting >= SEED]
    # a doubtful word joins a neighbour only if it is taller than printed text (not a label
    # or a line of print); any but clearly printed ones join a group they lie within (dots,
    # accents, a loop's upper half)
    spare = [w for w in words if w.handwriting < SEED]

    def near(a, b) -> bool:
        reach = max(min(a[3], b[3]), 2 * text_h)
        gap_x = max(b[0] - (a[0] + a[2]), a[0] - (b[0] + b[2]), 0)
        overlap_y = min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1])
        return gap_x <= reach and overlap_y >= 0.5 * min(a[3], b[3])

    changed = True
    while changed:
        changed = False
        for i, group in enumerate(groups):
            box = _union(group)
            for j in range(len(groups) - 1, i, -1):
                if near(box, _union(groups[j])):
                    group += groups.pop(j)
                    changed = True
            for word in list(spare):
                tall = word.handwriting >= GROW and word.box[3] >= 2 * text_h
                if (tall and near(box, word.box)) or (
                    word.handwriting >= INSIDE and share_inside(word.box, box) >= 0.5
                ):
                    group.append(word)
                    spare.remove(word)
                    changed = True
            if changed:
                break
    return groups


def _union(words: list[Word]) -> tuple[int, int, int, int]:
    x0 = min(w.box[0] for w in words)
    y0 = min(w.box[1] for w in words)
    x1 = max(w.box[0] + w.box[2] for w in words)
    y1 = max(w.box[1] + w.box[3] for w in words)
    return x0, y0, x1 - x0, y1 - y0


def classical_places(view: PageView) -> list[tuple[tuple[int, int, int, int], float]]:
    """``(box, score)`` of each group of handwritten words on the page view, by the cues."""
    words, text_h = page_words(view)
    page_area = view.grey.shape[0] * view.grey.shape[1]
    places = []
    for group in _joined(words, text_h):
        x, y, w, h = _union(group)
        weights = np.array([g.box[2] * g.box[3] for g in group], np.float64)
        hand = float(np.average([g.handwriting for g in group], weights=weights))
        size = min(1.0, np.sqrt(w * h / page_area) / 0.2)  # a signature is not a speck
        places.append(((x, y, w, h), hand * (0.5 + 0.5 * size)))
    return places


def locate_signatures(
    image: np.ndarray, limit: int = 5, classical: bool = False
) -> list[Candidate]:
    """Up to ``limit`` places on the page ``image`` (grey ``(H, W)`` or RGB ``(H, W, 3)``
    uint8) that look like signatures, best first: found by the locator network
    (:mod:`sigverify.core.imaging.locate_net`) when it is installed, else (or with
    ``classical``) by the cues of :func:`classical_places`."""
    view = page_view(image)
    page_ink = ink_without_lines(view.grey)
    signature_ink = None
    if classical or not locate_net.available():
        places = classical_places(view)
    else:
        chance = locate_net.signature_chance(view.grey)
        places = locate_net.regions(chance, page_ink)
        signature_ink = chance[locate_net.CHANNELS.index("ink")]
    whole = None
    if view.photographed:  # the desk or a shadow on the sheet's edge is not a signature
        band = edge_band(page_ink.shape)
        places = [place for place in places if not mostly_in(place[0], page_ink, band)]

        def printed() -> np.ndarray:  # the words (a label's print) read only on a slip
            return printed_ink(page_words(view, page_ink)[0], page_ink)

        lines = dark_ink(view.grey) & ~page_ink & ~band  # the rules taken out of page_ink
        whole = whole_slip(places, page_ink & ~band, printed, lines)
    if whole is not None:  # first, with all its ink kept (the network saw only part of it)
        places = whole_first(places, whole)
    to_view = np.linalg.inv(view.to_input)
    candidates = []
    for index, (box, score) in enumerate(places):
        mapped = mapped_corners(box, view.to_input)
        x0, y0 = np.floor(mapped.min(0)).astype(int)
        x1, y1 = np.ceil(mapped.max(0)).astype(int)
        box = (int(max(0, x0)), int(max(0, y0)), int(x1 - max(0, x0)), int(y1 - max(0, y0)))
        ink = None
        if signature_ink is not None and (whole is None or index > 0):
            # the net's ink chance over the box, in input pixels
            from_box = to_view @ np.array([[1, 0, box[0]], [0, 1, box[1]], [0, 0, 1]], float)
            ink = cv2.warpPerspective(
                signature_ink, from_box, (box[2], box[3]),
                flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP,
            ) >= locate_net.THRESHOLD  # fmt: skip
        if min(box[2:]) >= MIN_SIDE:  # a speck, too small for a signature: not offered
            candidates.append(Candidate(box, round(score, 4), mapped, ink))
    candidates.sort(key=lambda c: c.score, reverse=True)  # stable: a whole slip stays first
    return candidates[:limit]


def whole_first(places: list, whole: tuple[int, int, int, int]) -> list:
    """``places`` (``(box, score)``) after the ``whole`` slip's box, scored as the best of
    them; the places mostly inside it (90 %) are its parts and are not offered: a part of a
    genuine signature, verified alone, is rejected."""
    best = max(score for _, score in places)
    return [(whole, best)] + [
        (box, score) for box, score in places if share_inside(box, whole) < 0.9
    ]
