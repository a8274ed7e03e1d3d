"""Joining the scores of several ways of judging the same queries (pen model, DTW, image
model): each score is divided by its own scale (the EER threshold chosen on validation
writers, so 1 = on the threshold), then a weighted mean is taken. :func:`fit_card_fusion`
chooses the scales, the weights and the band of the fused score on a pen model's
validation writers, for its card (:mod:`sigverify.core.pen_verification` applies it).

The weights (:func:`choose_weights`) are those, in steps of 0.1, whose fused score has the
lowest mean EER over the validation writers' data folders, each folder counting alike
(SUSIG's 24 validation writers would otherwise outvote SVC2004's 4, whose tablet favours
time warping), every member keeping at least 0.2: a folder of 4 writers must not switch a
member off. Over four writer splits (``bench/pen_accuracy.py``) this took the test EER of
SVC2004 from 4.8 % (all alike) to 2.4 %, of NFI from 2.6 % to 1.9 %, SUSIG staying at 2.4 %
(the rule was chosen on three of them; on the fourth it did as well as equal weights)."""

from __future__ import annotations

import itertools
from collections.abc import Callable

import numpy as np

from sigverify.core.data.datasets import Dataset, Writer
from sigverify.core.data.pen_bank import PenBank
from sigverify.core.data.pen_files import render_trajectory
from sigverify.core.data.splits import dataset_of
from sigverify.core.errors import NoInkError, SigverifyError
from sigverify.core.evaluation.calibration import fit_calibration, review_band
from sigverify.core.evaluation.metrics import compute_eer
from sigverify.core.evaluation.protocol import score_writers, score_writers_by
from sigverify.core.i18n import translate
from sigverify.core.imaging.preprocessing import preprocess_signature
from sigverify.core.model.card import ModelCard
from sigverify.core.pen_matching import dtw_distances, dtw_features
from sigverify.core.pen_verification import fuse
from sigverify.core.scoring import ScoreSet
from sigverify.core.stroke_match import bank_stroke_term, stroke_check

RANDOM_WRITERS = 5  # random forgeries per writer: the skilled ones decide the band
WEIGHT_STEP = 0.1
LEAST_WEIGHT = 0.2  # of each member (see above)


def eer_scale(scores: ScoreSet) -> float:
    """The EER threshold of ``scores`` (skilled forgeries when there are any)."""
    negatives, _, _ = scores.negatives()
    return float(compute_eer(scores.genuine, negatives)[1])


def fused_scores(
    scores: dict[str, ScoreSet], scales: dict[str, float], weights: dict[str, float] | None = None
) -> ScoreSet:
    """The weighted mean (:func:`~sigverify.core.pen_verification.fuse`) over ``scales``'
    members of each one's scores over its scale; the score sets must hold the same queries
    in the same order (the same bank and protocol)."""

    def mean(name: str) -> np.ndarray:
        return fuse({m: getattr(scores[m], name) for m in scales}, scales, weights)

    first = scores[next(iter(scales))]
    return ScoreSet(
        refs=first.refs,
        genuine=mean("genuine"),
        skilled=mean("skilled"),
        random=mean("random"),
        genuine_writer=first.genuine_writer,
        skilled_writer=first.skilled_writer,
        random_writer=first.random_writer,
    )


def folder_eer(scores: ScoreSet, groups: np.ndarray) -> float:
    """The mean over the data folders in ``groups`` (one name per writer index) of the EER
    of their writers' scores (skilled forgeries when there are any)."""
    eers = []
    for group in np.unique(groups):
        writers = np.flatnonzero(groups == group)
        genuine = scores.genuine[np.isin(scores.genuine_writer, writers)]
        skilled = scores.skilled[np.isin(scores.skilled_writer, writers)]
        negatives = skilled if len(skilled) else scores.random[
            np.isin(scores.random_writer, writers)]  # fmt: skip
        if len(genuine) and len(negatives):
            eers.append(compute_eer(genuine, negatives)[0])
    return float(np.mean(eers)) if eers else float("nan")


def weight_grid(members: list[str]) -> list[dict[str, float]]:
    """Every way of sharing 1 among ``members`` in steps of :data:`WEIGHT_STEP`, each at
    least :data:`LEAST_WEIGHT`, nearest to all alike first."""
    steps = round(1 / WEIGHT_STEP)
    least = round(LEAST_WEIGHT / WEIGHT_STEP)
    shares = [c for c in itertools.product(range(least, steps + 1), repeat=len(members))
              if sum(c) == steps]  # fmt: skip
    shares.sort(key=lambda c: sum((x / steps - 1 / len(members)) ** 2 for x in c))
    return [{m: x / steps for m, x in zip(members, c, strict=True)} for c in shares]


def choose_weights(
    scores: dict[str, ScoreSet], scales: dict[str, float], groups: np.ndarray
) -> dict[str, float]:
    """The :func:`weight_grid` weights whose fused score has the lowest :func:`folder_eer`
    on these (validation) scores; of equals, the nearest to all alike."""
    grid = weight_grid(list(scales))
    return min(grid, key=lambda w: folder_eer(fused_scores(scores, scales, w), groups))


def fit_fusion(
    scores: dict[str, ScoreSet],
    image_model_id: str,
    writers: int,
    dtw_spread: float | None,
    groups: np.ndarray,
) -> dict:
    """The ``fusion`` entry of a pen model's card, from the scores of the same validation
    queries by each member ("pen", "image" and, with ``dtw_spread``, "dtw"), their writers'
    data folders ``groups`` (one per writer index): each member's scale and weight, and the
    band (accept, reject), EER threshold and calibration (the similarity shown for a fused
    score) of their fused score."""
    scales = {m: eer_scale(s) for m, s in scores.items()}
    weights = choose_weights(scores, scales, groups)
    fused = fused_scores(scores, scales, weights)
    negatives, _, kind = fused.negatives()
    eer, threshold = compute_eer(fused.genuine, negatives)
    accept, reject = review_band(fused.genuine, negatives)
    refs = next(iter(scores.values())).refs
    return {
        "image_model": image_model_id,
        "scales": scales,
        "weights": weights,
        **({"dtw_spread": dtw_spread} if dtw_spread else {}),
        "threshold": float(threshold),
        "accept": float(accept),
        "reject": float(reject),
        "calibration": list(fit_calibration(fused.genuine, negatives)),
        "chosen_on": f"validation writers ({writers}), {refs} references, {kind} forgeries; "
        f"weights: the lowest mean EER over their {len(np.unique(groups))} data folders",
        "validation_eer": {
            **{m: float(compute_eer(s.genuine, s.negatives()[0])[0]) for m, s in scores.items()},
            "fused": float(eer),
        },
    }


class DtwDistances:
    """DTW distances between the recordings of a bank, each pair computed once; called as
    the protocol's ``query_distances`` (:func:`score_writers_by`)."""

    def __init__(self, bank: PenBank):
        self.bank = bank
        self.features = [dtw_features(t) for t in bank.trajectories]
        self.cache: dict[tuple[int, int], float] = {}

    def __call__(self, rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
        keys = [[(min(i, j), max(i, j)) for j in columns] for i in rows]
        missing = sorted({k for row in keys for k in row if k not in self.cache})
        if missing:  # worked out together (dtw_distances), as a verification does
            pairs = [(self.features[i], self.features[j]) for i, j in missing]
            self.cache.update(zip(missing, dtw_distances(pairs), strict=True))
        return np.array([[self.cache[k] for k in row] for row in keys], dtype=np.float64)

    def typical_spread(self, per_writer: int = 6) -> float:
        """As :func:`sigverify.core.scoring.typical_spread`: the median over writers of the
        median DTW distance between two of their genuine recordings (up to ``per_writer``)."""
        values = []
        for w in range(len(self.bank.writer_ids)):
            own = self.bank.genuine_of(w)[:per_writer]
            if len(own) >= 2:
                d = self(own, own)
                values.append(float(np.median(d[np.triu_indices(len(own), 1)])))
        return float(np.median(values))

    def scores(self, refs: int, spread: float) -> ScoreSet:
        return score_writers_by(self, lambda r: self(r, r), self.bank, refs, RANDOM_WRITERS,
                                0, spread)  # fmt: skip


def recorded_pen_writers(
    datasets: list[Dataset], card: ModelCard, part: str, image_card: ModelCard | None = None
) -> list[Writer]:
    """The writers of ``datasets`` that the pen model's card kept for ``part``
    ("validation" or "test"), matched by folder name, less those the image model trained
    on (NFI's pen and scan files are the same signatures). Ids become ``folder/id``."""
    by_name = {d.root.name: d for d in datasets}
    writers = []
    for entry in card.training.get("datasets", []):
        dataset = by_name.get(entry.get("name"))
        if dataset is None:
            continue
        trained_on = set()
        for image_entry in image_card.training.get("datasets", []) if image_card else []:
            if image_entry.get("name") == entry.get("name"):
                trained_on = set(image_entry.get("train", []))
        wanted = set(entry.get(part, [])) - trained_on
        writers += [Writer(f"{dataset.root.name}/{w.id}", w.genuine, w.forged)
                    for w in dataset.writers if w.id in wanted]  # fmt: skip
    return writers


def drawn_pictures(bank: PenBank, image_model) -> tuple[PenBank, np.ndarray, int]:
    """The recordings drawn as ink and preprocessed for ``image_model``, and ``bank``
    without those whose picture has no ink to read (a recording of a few points, which the
    app refuses too), with how many were left out."""
    pictures = []
    for trajectory in bank.trajectories:
        try:
            pictures.append(
                preprocess_signature(render_trajectory(trajectory), image_model.preprocess)
            )
        except NoInkError:
            pictures.append(None)
    keep = np.array([p is not None for p in pictures], dtype=bool)
    kept = PenBank(
        trajectories=[t for t, k in zip(bank.trajectories, keep, strict=True) if k],
        sequences=bank.sequences[keep],
        writer=bank.writer[keep],
        genuine=bank.genuine[keep],
        writer_ids=bank.writer_ids,
        length=bank.length,
    )
    return kept, np.stack([p for p in pictures if p is not None]), int((~keep).sum())


def embedding_scores(model, inputs: np.ndarray, bank: PenBank, refs: int) -> ScoreSet:
    """The protocol's scores of ``bank``'s queries by ``model`` reading ``inputs`` (the
    pen sequences for a pen model, the recordings drawn as ink for an image model, with
    its stroke check when its card has one)."""
    return score_writers(
        model.embed(inputs), bank, refs, model.card.distance, RANDOM_WRITERS, 0,
        model.card.reference_spread, added=bank_stroke_term(stroke_check(model.card), inputs),
    )  # fmt: skip


def fit_card_fusion(
    pen_model,
    image_model,
    image_model_id: str,
    datasets: list[Dataset],
    refs: int = 5,
    on_progress: Callable[[int, int], bool | None] | None = None,
) -> tuple[dict, ScoreSet]:
    """:func:`fit_fusion` of the pen model, DTW and the image model on the pen card's
    validation writers found in ``datasets`` (the pen data folders it was trained on), and
    the fused scores of those writers (for the Thresholds page)."""
    writers = recorded_pen_writers(datasets, pen_model.card, "validation", image_model.card)
    if not writers:
        raise SigverifyError(
            translate(
                "errors",
                "None of these data folders holds the pen model's validation writers: give the "
                "folders it was trained on.",
            )
        )
    bank = PenBank.from_writers(writers, pen_model.card.preprocess["pen_length"], on_progress)
    bank, pictures, _ = drawn_pictures(bank, image_model)
    scores = {
        "pen": embedding_scores(pen_model, bank.inputs, bank, refs),
        "image": embedding_scores(image_model, pictures, bank, refs),
    }
    dtw = DtwDistances(bank)
    spread = dtw.typical_spread()
    scores["dtw"] = dtw.scores(refs, spread)
    groups = np.array([dataset_of(w) for w in bank.writer_ids])
    fusion = fit_fusion(scores, image_model_id, len(writers), spread, groups)
    return fusion, fused_scores(scores, fusion["scales"], fusion["weights"])
