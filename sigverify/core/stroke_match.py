"""A second, classical measure of a query against a person's references, added to the
model's distance: how far the query's ink lies from each reference's, and theirs from its.

The *mismatch* of two preprocessed signatures (:func:`mismatch`) is the mean distance in
pixels, capped at :data:`CAP_PX`, from each ink pixel of one to the nearest ink pixel of
the other, both ways, averaged. A query's *stroke score* is the mean mismatch to the
nearest half of the references (:func:`sigverify.core.scoring.aggregate_distances`, the
rule the distance uses). What counts is how far that exceeds the person's own spread, the
mean mismatch between their references, shrunk towards the model's typical one as the
distance's spread is (:func:`own_spread`): some signatures, and some scanners, give
strokes that lie further apart than others (CEDAR's genuine signatures 3.5 px from their
references, BHSig's 1.4 px), and one threshold must suit them all. The model's card says
how many score units a pixel of that excess is worth (:class:`StrokeCheck`, its
``strokes`` entry, fitted on validation writers by
:func:`sigverify.core.evaluation.stroke_fit.fit_strokes`); the score is the distance score
plus that many times the excess.

The network compares the overall look; this compares where the strokes are, which a
skilled forger, copying the look, may get wrong by a few pixels. Measured on three writer
splits of the five data sets (README, "The default model"), fitted on each split's
validation writers: test EER at 5 references 8.6 -> 8.4 % (all writers together), better
within four data sets of five, worse at 3 references (10.1 -> 10.4 %); no gain beyond what
splits move, so the default model does not use it. The images are compared as preprocessed
(centred and scaled alike), not registered onto each other: registering them (affine ECC,
about 4 ms a reference) gave about the same validation EER.

Each image's ink and distance map (:class:`InkMap`) is computed once; a pair then costs a
few microseconds.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import cv2
import numpy as np

from sigverify.core.scoring import PRIOR_PAIRS, aggregate_distances

#: A pixel at least this bright is ink (as the explain heat map reads it).
INK_LEVEL = 64
#: How far, in pixels, an ink pixel can count as lying from the other image's ink.
CAP_PX = 20.0


@dataclass(frozen=True)
class InkMap:
    """A preprocessed signature's ink: its pixels' flat indices (``ink``), and every
    pixel's distance to its nearest ink pixel, capped at :data:`CAP_PX` (float32, flat),
    with the image's ``shape``."""

    ink: np.ndarray
    distance: np.ndarray
    shape: tuple[int, int]

    @classmethod
    def of(cls, pixels: np.ndarray) -> InkMap:
        mask = np.asarray(pixels) >= INK_LEVEL
        shape = mask.shape
        if not mask.any():
            return cls(np.zeros(0, np.int64), np.full(mask.size, CAP_PX, np.float32), shape)
        distance = cv2.distanceTransform((~mask).astype(np.uint8), cv2.DIST_L2, 5)
        return cls(np.flatnonzero(mask), np.minimum(distance, CAP_PX).ravel(), shape)


def mismatch(a: InkMap, b: InkMap) -> float:
    """How far apart the two signatures' strokes lie, in pixels (0 = the same ink)."""
    if a.shape != b.shape:
        raise ValueError("both signatures must be preprocessed to the same size")
    if not len(a.ink) or not len(b.ink):
        return CAP_PX
    return float((b.distance.take(a.ink).mean() + a.distance.take(b.ink).mean()) / 2)


def mismatches(queries: Sequence[InkMap], references: Sequence[InkMap]) -> np.ndarray:
    """The ``(Q, R)`` mismatches of each query with each reference."""
    return np.array([[mismatch(q, r) for r in references] for q in queries], dtype=np.float64)


def mismatches_among(references: Sequence[InkMap]) -> np.ndarray:
    """The ``(R, R)`` mismatches of the references with each other (each pair once)."""
    count = len(references)
    out = np.zeros((count, count))
    for i, j in zip(*np.triu_indices(count, 1), strict=True):
        out[i, j] = out[j, i] = mismatch(references[i], references[j])
    return out


def own_spread(among: np.ndarray, typical_px: float) -> float:
    """How far a person's references' strokes lie from each other: the mean mismatch over
    the pairs of ``among (R, R)``, shrunk towards ``typical_px`` as the distance's spread is
    (:data:`sigverify.core.scoring.PRIOR_PAIRS`); ``typical_px`` for one reference."""
    count = len(among)
    pairs = np.asarray(among, dtype=np.float64)[np.triu_indices(count, 1)]
    return float((pairs.sum() + PRIOR_PAIRS * typical_px) / (len(pairs) + PRIOR_PAIRS))


def typical_mismatch(maps: Sequence[InkMap], writers: np.ndarray, per_writer: int = 6) -> float:
    """As :func:`sigverify.core.scoring.typical_spread`: the median over writers of the
    median mismatch between two of their genuine signatures (``maps``, ``writers`` their
    writer; up to ``per_writer`` each)."""
    values = []
    for writer in np.unique(writers):
        own = [maps[i] for i in np.flatnonzero(writers == writer)[:per_writer]]
        if len(own) >= 2:
            values.append(float(np.median(mismatches_among(own)[np.triu_indices(len(own), 1)])))
    return float(np.median(values)) if values else CAP_PX / 2


@dataclass(frozen=True)
class StrokeCheck:
    """A model card's ``strokes`` entry: ``per_px`` score units for each pixel by which a
    query's stroke score exceeds the person's own spread (:func:`own_spread`), the
    ``typical_px`` that spread is shrunk towards, and how the weight was chosen."""

    per_px: float
    typical_px: float
    chosen_on: str = ""

    @classmethod
    def from_card(cls, entry: dict | None) -> StrokeCheck | None:
        if not entry:
            return None
        return cls(
            float(entry["per_px"]), float(entry["typical_px"]), str(entry.get("chosen_on", ""))
        )

    def to_dict(self) -> dict:
        return {
            "per_px": self.per_px,
            "typical_px": self.typical_px,
            "cap_px": CAP_PX,
            "chosen_on": self.chosen_on,
        }

    def excess(self, query_mismatches: np.ndarray, among: np.ndarray) -> np.ndarray:
        """By how many pixels each query's stroke score exceeds the references' own spread
        (negative: its strokes lie closer to theirs than theirs to each other), ``(Q,)``."""
        return stroke_scores(query_mismatches) - own_spread(among, self.typical_px)

    def judge(
        self, query: InkMap, references: Sequence[InkMap], among: np.ndarray
    ) -> tuple[np.ndarray, float, float]:
        """A query against references whose mismatches with each other are ``among``:
        its mismatch with each ``(R,)``, its stroke score and the references' own spread
        (px); the score gains ``per_px`` times the difference of the last two."""
        apart = mismatches([query], references)[0]
        return apart, float(stroke_scores(apart[None, :])[0]), own_spread(among, self.typical_px)

    def among_term(self, among: np.ndarray) -> np.ndarray:
        """What the check adds to the references' distances to each other ``(R, R)``,
        their mismatches being ``among`` (the enrolment's consistency check)."""
        return self.per_px * (among - own_spread(among, self.typical_px))

    def term(self, query_mismatches: np.ndarray, among: np.ndarray) -> np.ndarray:
        """What ``(Q, R)`` mismatches add to the queries' scores, ``(Q,)``, the references
        among themselves being ``among (R, R)``; nothing with one reference
        (:func:`applies`)."""
        if not applies(len(among)):
            return np.zeros(len(query_mismatches))
        return self.per_px * self.excess(query_mismatches, among)


def applies(references: int) -> bool:
    """Whether the stroke check counts against ``references`` references: 2 or more. With
    one there is no spread of the person's own to measure the query's against (and on the
    shipped model's two writer splits one reference scored worse with it: test EER 17.0 ->
    17.6 % and 17.2 -> 18.6 %)."""
    return references >= 2


def stroke_check(card) -> StrokeCheck | None:
    """The stroke check a model card asks for (its ``strokes`` entry), or None."""
    return StrokeCheck.from_card(getattr(card, "strokes", None))


def bank_stroke_term(
    check: StrokeCheck | None, images: np.ndarray, query_images: np.ndarray | None = None
) -> Callable[[np.ndarray, np.ndarray], np.ndarray] | None:
    """The evaluation protocol's ``added`` term for a bank of preprocessed ``images``
    (:func:`sigverify.core.evaluation.protocol.score_writers_by`): the stroke term of
    queries against references, by bank index; ``query_images``: the queries as captured
    otherwise (same order). None without a check."""
    if check is None:
        return None
    references = [InkMap.of(image) for image in images]
    queries = references if query_images is None else [InkMap.of(i) for i in query_images]
    return maps_stroke_term(check, references, queries)


def maps_stroke_term(
    check: StrokeCheck, references: list[InkMap], queries: list[InkMap]
) -> Callable[[np.ndarray, np.ndarray], np.ndarray]:
    """:func:`bank_stroke_term` of ink maps already made, one per bank image (``queries``:
    the same images as the queries see them). The protocol asks for each writer's genuine,
    forged and other writers' queries against the same references in turn: their mismatch
    among themselves is worked out once."""
    last: dict[tuple, tuple[list[InkMap], np.ndarray]] = {}

    def term(rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
        key = tuple(int(j) for j in columns)
        if key not in last:
            chosen = [references[j] for j in key]
            last.clear()
            last[key] = (chosen, mismatches_among(chosen))
        chosen, among = last[key]
        return check.term(mismatches([queries[i] for i in rows], chosen), among)

    return term


def stroke_scores(query_mismatches: np.ndarray) -> np.ndarray:
    """Each query's mean mismatch to the nearest half of the references, ``(Q,)``."""
    return aggregate_distances(query_mismatches)
