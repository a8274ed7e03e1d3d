"""A signature drawn on a pad is judged on two kinds of evidence: its picture (the image
model, as for a scan) and how it was written (shape, speed, rhythm and pressure along its
trajectory). This module measures the second and joins the two.

- How it was written, two measures against the person's pad references:
  - ``pen``: the pen model's embeddings (:class:`PenScorer`), scored as images are
    (:func:`sigverify.core.scoring.score_queries`: the mean distance to the nearest half
    of the references, scaled by their spread);
  - ``dtw``: dynamic time warping of the trajectories (:mod:`sigverify.core.pen_matching`),
    scored the same way; used when the pen card's fusion gives its typical spread.
- Fusion: each score divided by its scale (the EER threshold chosen on validation writers,
  so 1 = on the threshold; :func:`fusion_scales`), then the weighted mean over the members
  (:func:`fusion_weights`; :mod:`sigverify.core.evaluation.fusion` chooses scales, weights
  and band on validation writers).
  A fused score is decided by the pen card's ``fusion`` band unless a global band was set.
- The evidence that *decided* is the one that pushed the fused score furthest in the
  direction of the decision: its weight times how far it is from its threshold.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import numpy as np

from sigverify.core.data.pen_bank import SEQUENCE_FEATURES, pen_sequence
from sigverify.core.errors import ModelFileError
from sigverify.core.i18n import translate
from sigverify.core.model.card import ModelCard
from sigverify.core.pen_matching import dtw_distances, dtw_features
from sigverify.core.scoring import pairwise_distances, score_queries
from sigverify.core.thresholds import Thresholds

PEN, DTW, IMAGE = "pen", "dtw", "image"
WRITING = (PEN, DTW)  # the measures of how it was written
#: The store setting for a global band on fused scores (set on the Thresholds page).
FUSION_SETTING = "thresholds/fusion/{model_id}"


@dataclass(frozen=True)
class PenEvidence:
    """How a pad-drawn query fared: each measure's score and scale, their fusion."""

    scores: dict[str, float]  # PEN, IMAGE and, when used, DTW
    scales: dict[str, float]  # the same keys
    weights: dict[str, float]  # the same keys, summing to 1
    fused: float
    references: int  # pad references the writing was compared with
    decided_by: str  # PEN (how it was written) or IMAGE (the picture)
    pen_model: str = ""  # the pen model's id (name@checksum)

    def ratio(self, member: str) -> float:
        return self.scores[member] / self.scales[member]

    @property
    def writing_weight(self) -> float:
        return sum(self.weights[m] for m in WRITING if m in self.weights)

    @property
    def writing_ratio(self) -> float:
        """How it was written, over its thresholds: its measures' ratios, weighted."""
        members = [m for m in WRITING if m in self.scores]
        if self.writing_weight <= 0:
            return float(np.mean([self.ratio(m) for m in members]))
        return sum(self.weights[m] * self.ratio(m) for m in members) / self.writing_weight

    @property
    def image_ratio(self) -> float:
        return self.ratio(IMAGE)

    def to_dict(self) -> dict:
        return {
            "scores": {m: round(v, 6) for m, v in self.scores.items()},
            "scales": {m: round(v, 6) for m, v in self.scales.items()},
            "weights": {m: round(v, 6) for m, v in self.weights.items()},
            "fused": round(self.fused, 6),
            "pen_references": self.references,
            "decided_by": self.decided_by,
            "pen_model": self.pen_model,
        }


class PenScorer:
    """Measures how a trajectory was written against reference trajectories, with a pen
    model (torch or ONNX Runtime: anything with ``card`` and ``embed``) and, when its
    card's fusion gives DTW's typical spread, dynamic time warping."""

    def __init__(self, model):
        if model.card.input != "pen":
            raise ModelFileError(
                translate("errors", "“{name}” is not a pen model.").format(name=model.card.name)
            )
        if model.card.preprocess.get("features") != list(SEQUENCE_FEATURES):
            raise ModelFileError(
                translate(
                    "errors",
                    "The pen model “{name}” reads other features than this version of "
                    "sigverify computes; use a pen model made for it.",
                ).format(name=model.card.name)
            )
        self.model = model
        self.card: ModelCard = model.card

    @property
    def model_id(self) -> str:
        return self.card.model_id

    @property
    def dtw_spread(self) -> float | None:
        return (self.card.fusion or {}).get("dtw_spread")

    def embed(self, trajectories: list[np.ndarray]) -> np.ndarray:
        length = self.card.preprocess["pen_length"]
        return self.model.embed(np.stack([pen_sequence(t, length) for t in trajectories]))

    def scores(
        self,
        query: np.ndarray,
        references: list[np.ndarray],
        dtw: bool = True,
        reference_embeddings: np.ndarray | None = None,
    ) -> dict[str, float]:
        """``{PEN: score[, DTW: score]}`` of the query against the references (at least 1);
        DTW when ``dtw`` and the card gives its typical spread. ``reference_embeddings``:
        the references' embeddings by this model when known (stored at enrolment), else
        they are worked out here."""
        if reference_embeddings is None:
            reference_embeddings = self.embed(references)
        query_embedding = self.embed([query])
        distance = self.card.distance
        to_references = pairwise_distances(query_embedding, reference_embeddings, distance)
        among = pairwise_distances(reference_embeddings, reference_embeddings, distance)
        out = {PEN: float(score_queries(to_references, among, self.card.reference_spread)[0])}
        if dtw and self.dtw_spread:
            query_features, *features = [dtw_features(t) for t in (query, *references)]
            count = len(features)
            upper = list(zip(*np.triu_indices(count, 1), strict=True))
            pairs = [(query_features, f) for f in features]
            pairs += [(features[i], features[j]) for i, j in upper]
            distances = dtw_distances(pairs)
            among = np.zeros((count, count))
            for (i, j), d in zip(upper, distances[count:], strict=True):
                among[i, j] = among[j, i] = d
            to_references = distances[None, :count]
            out[DTW] = float(score_queries(to_references, among, self.dtw_spread)[0])
        return out


def fitted_with(pen_card: ModelCard, image_model_id: str) -> bool:
    """The pen card's fusion was fitted with this image model (its scales and band apply)."""
    fusion = pen_card.fusion or {}
    return fusion.get("image_model") == image_model_id and bool(fusion.get("scales"))


def fusion_scales(
    pen_card: ModelCard, image_card: ModelCard, image_model_id: str
) -> dict[str, float]:
    """What each score is divided by before they are averaged. The pen card's ``fusion``
    entry holds the scales chosen on validation writers with the image model it names;
    with another image model (or none chosen), each card's own threshold and no DTW."""
    if fitted_with(pen_card, image_model_id):
        return {m: float(v) for m, v in pen_card.fusion["scales"].items()}
    return {PEN: float(pen_card.threshold), IMAGE: max(float(image_card.threshold), 1e-6)}


def fusion_weights(
    pen_card: ModelCard, image_model_id: str, scales: dict[str, float]
) -> dict[str, float]:
    """How much each member of ``scales`` (:func:`fusion_scales`) counts, summing to 1: the
    pen card's fusion weights when they apply (fitted with this image model), else alike."""
    if fitted_with(pen_card, image_model_id) and pen_card.fusion.get("weights"):
        return {m: float(pen_card.fusion["weights"][m]) for m in scales}
    return {m: 1 / len(scales) for m in scales}


def fuse(scores: dict, scales: dict[str, float], weights: dict[str, float] | None = None):
    """The weighted mean over the scales' members of each score over its scale (all alike
    without ``weights``): one number per member gives a number, arrays of the same queries
    give an array."""
    weights = weights or {m: 1.0 for m in scales}
    total = sum(weights[m] for m in scales)
    return sum(weights[m] * np.asarray(scores[m], dtype=np.float64) / scales[m]
               for m in scales) / total  # fmt: skip


def card_fusion_thresholds(card: ModelCard) -> Thresholds:
    """The band for fused scores the pen card chose on validation writers (without one:
    accept and reject at 1, both scores on average at their thresholds)."""
    band = card.fusion or {}
    return Thresholds(float(band.get("accept", 1.0)), float(band.get("reject", 1.0)), "model")


def fusion_thresholds(store, pen_card: ModelCard) -> Thresholds:
    """The global band set for fused scores of this pen model, else its card's."""
    saved = store.get_setting(FUSION_SETTING.format(model_id=pen_card.model_id))
    if saved:
        try:
            values = json.loads(saved)
            accept, reject = float(values["accept"]), float(values["reject"])
        except (ValueError, KeyError, TypeError):
            accept = reject = float("nan")  # unreadable: the card's band, below
        if 0 <= accept <= reject:
            return Thresholds(accept, reject, "global")
    return card_fusion_thresholds(pen_card)


def deciding_evidence(
    writing_ratio: float,
    image_ratio: float,
    decision: str,
    writing_weight: float = 0.5,
    image_weight: float = 0.5,
) -> str:
    """Which evidence pushed the fused score hardest towards ``decision``: each one's
    weight times how far its score is from its threshold (score over threshold, minus 1);
    for an acceptance the push towards genuine, otherwise towards forged. PEN stands for
    how it was written."""
    writing = writing_weight * (writing_ratio - 1)
    image = image_weight * (image_ratio - 1)
    if decision == "accept":
        return PEN if writing <= image else IMAGE
    return PEN if writing >= image else IMAGE


def fused_reason(decision: str, evidence: PenEvidence, thresholds: Thresholds) -> str:
    """The reason of a decision on both kinds of evidence, in words."""
    measures = translate("reason", "pen model {pen:.3f}").format(pen=evidence.scores[PEN])
    if DTW in evidence.scores:
        measures += translate("reason", ", time warping {dtw:.2f}").format(dtw=evidence.scores[DTW])
    basis = translate(
        "reason",
        "Drawn on a pad: the way it was written is {writing:.2f} times its thresholds "
        "against {refs} pad reference(s) ({measures}), the picture {image:.2f} times its "
        "threshold (distance {distance:.3f}); together {fused:.2f}",
    ).format(
        writing=evidence.writing_ratio,
        refs=evidence.references,
        measures=measures,
        image=evidence.image_ratio,
        distance=evidence.scores[IMAGE],
        fused=evidence.fused,
    )
    if decision == "accept":
        verdict = translate("reason", "within the accept limit {limit:.2f}").format(
            limit=thresholds.accept
        )
    elif decision == "reject":
        verdict = translate("reason", "above the reject limit {limit:.2f}").format(
            limit=thresholds.reject
        )
    else:
        verdict = translate(
            "reason", "between the accept and reject limits {a:.2f}-{r:.2f}"
        ).format(a=thresholds.accept, r=thresholds.reject)
    decided = {
        PEN: translate("reason", "The way it was written decided."),
        IMAGE: translate("reason", "The picture decided."),
    }[evidence.decided_by]
    return translate("reason", "{basis}, {verdict}. {decided}").format(
        basis=basis, verdict=verdict, decided=decided
    )
