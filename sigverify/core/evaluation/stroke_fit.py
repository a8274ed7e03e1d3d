"""Fitting an image model's stroke check (:mod:`sigverify.core.stroke_match`) on its
validation writers, for its card (``sigverify models fit-strokes``).

On the validation writers' queries (the protocol, 5 references) each query has a distance
score and a stroke excess (its stroke score less the person's own spread, in px). The
fused score is ``distance + per_px * excess`` with
``per_px = weight * spread(distance) / spread(excess)``, the spreads those of the genuine
queries' scores, so ``weight`` says how much the strokes count against the distance, alike
for every model. The weight (0 to 2 in tenths) is the one whose fused score has the lowest
mean of two validation EERs (skilled forgeries): over all the writers together, as one
threshold for everyone meets them, and the mean over the data folders of each folder's
own, as a site that sets its thresholds on its own signatures meets them (the issue's
per-data-set targets); of equals, the smallest. Then the card's threshold, review band
and calibration are chosen again on the fused scores, and its test figures measured again
on its test writers.

Why both: the weight best within each folder spreads the folders' genuine scores apart
under one threshold, and the weight best for all writers together leaves most of the gain
within each folder unused (measured with the raw mismatch, before the person's own spread
was subtracted: 0.8 within the folders, 0.2-0.3 together). On the three writer splits of
the README the mean of the two chose 0.4, 0.5 and 0.6.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from sigverify.core.data.bank import read_bank
from sigverify.core.data.datasets import Dataset, Writer
from sigverify.core.data.splits import dataset_of
from sigverify.core.errors import SigverifyError
from sigverify.core.evaluation.calibration import record_on_card
from sigverify.core.evaluation.fusion import folder_eer
from sigverify.core.evaluation.measure import evaluate_model, part_writers, test_figures
from sigverify.core.evaluation.metrics import compute_eer, compute_metrics
from sigverify.core.evaluation.protocol import (
    DEFAULT_REFS,
    refs_to_use,
    score_writers,
    score_writers_by,
)
from sigverify.core.i18n import translate
from sigverify.core.scoring import ScoreSet
from sigverify.core.stroke_match import InkMap, StrokeCheck, maps_stroke_term, typical_mismatch

WEIGHTS = tuple(round(0.1 * step, 1) for step in range(21))
REFS = 5


@dataclass
class StrokeFit:
    """The chosen ``weight`` and the card entry it gives (None when the strokes do not
    help: weight 0); the validation EER over all writers together and the mean over the
    data folders of each one's, of the distance alone and fused; the fused validation
    scores and how many writers they are of."""

    weight: float
    check: StrokeCheck | None
    distance_eer: float
    fused_eer: float
    distance_folder_eer: float
    fused_folder_eer: float
    scores: ScoreSet
    writers: int


def plus(a: ScoreSet, b: ScoreSet, factor: float) -> ScoreSet:
    """``a``'s scores plus ``factor`` times ``b``'s (the same queries, in order)."""
    return ScoreSet(
        refs=a.refs,
        genuine=a.genuine + factor * b.genuine,
        skilled=a.skilled + factor * b.skilled,
        random=a.random + factor * b.random,
        genuine_writer=a.genuine_writer,
        skilled_writer=a.skilled_writer,
        random_writer=a.random_writer,
    )


def fit_strokes(
    model,
    writers: list[Writer],
    refs: int = REFS,
    on_progress: Callable[[int, int], bool | None] | None = None,
) -> StrokeFit:
    """Choose the stroke check of an image ``model`` (ONNX Runtime or torch: anything with
    ``card`` and ``embed``) on its validation ``writers`` (see the module notes), with
    ``refs`` references per writer (fewer when they have too few signatures)."""
    card = model.card
    bank = read_bank(writers, "image", card.preprocess, on_progress)
    refs = refs_to_use(bank, refs)
    if refs is None:
        raise SigverifyError(
            translate(
                "errors",
                "The validation writers have too few genuine signatures to fit anything: each "
                "needs at least 2.",
            )
        )
    distance = score_writers(
        model.embed(bank.inputs), bank, refs, card.distance,
        reference_spread=card.reference_spread,
    )  # fmt: skip
    maps = [InkMap.of(image) for image in bank.inputs]
    genuine = np.flatnonzero(bank.genuine)
    typical = typical_mismatch([maps[i] for i in genuine], bank.writer[genuine])
    # the excess alone: a check worth one score unit a pixel, on no distance
    strokes = score_writers_by(
        lambda rows, columns: np.zeros((len(rows), len(columns))),
        lambda references: np.zeros((len(references), len(references))),
        bank,
        refs,
        added=maps_stroke_term(StrokeCheck(1.0, typical), maps, maps),
    )
    unit = float(np.std(distance.genuine) / max(np.std(strokes.genuine), 1e-9))
    groups = np.array([dataset_of(w) for w in bank.writer_ids])
    eers = {}
    for w in WEIGHTS:
        fused = plus(distance, strokes, w * unit)
        eers[w] = (pooled_eer(fused), folder_eer(fused, groups))
    weight = min(WEIGHTS, key=lambda w: (sum(eers[w]) / 2, w))
    check = None
    if weight > 0:
        check = StrokeCheck(
            weight * unit,
            typical,
            f"validation writers ({len(bank.writer_ids)}), {refs} references; weight {weight} "
            f"(of 0-2) with the lowest mean of their EER together and the mean EER over their "
            f"{len(np.unique(groups))} data folders",
        )
    return StrokeFit(
        weight, check, eers[0.0][0], eers[weight][0], eers[0.0][1], eers[weight][1],
        plus(distance, strokes, weight * unit), len(bank.writer_ids),
    )  # fmt: skip


def pooled_eer(scores: ScoreSet) -> float:
    """The EER of all the queries together (skilled forgeries when there are any)."""
    return float(compute_eer(scores.genuine, scores.negatives()[0])[0])


def fit_card_strokes(
    model,
    datasets: list[Dataset],
    on_progress: Callable[[int, int], bool | None] | None = None,
) -> StrokeFit:
    """Fit the stroke check of ``model`` on its validation writers in ``datasets`` (the
    folders it was trained on) and write it into ``model.card``, with the threshold,
    review band and calibration of the fused score, and the test figures measured again
    on its test writers there. The caller writes the card and the fused scores."""
    card = model.card
    fit = fit_strokes(model, part_writers(datasets, card, "validation"), REFS, on_progress)
    card.strokes = None if fit.check is None else fit.check.to_dict()
    record_on_card(card, compute_metrics(fit.scores), fit.scores, fit.writers)
    test = part_writers(datasets, card, "test")
    bank = read_bank(test, "image", card.preprocess, on_progress)
    card.metrics["test"] = test_figures(evaluate_model(model, bank, DEFAULT_REFS), len(test))
    return fit
