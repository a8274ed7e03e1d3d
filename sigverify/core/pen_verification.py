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

import hashlib
import json
from dataclasses import replace

import numpy as np

from sigverify.core.data.pen_bank import SEQUENCE_FEATURES, pen_sequence
from sigverify.core.errors import ModelFileError
from sigverify.core.i18n import join_sentences, translate
from sigverify.core.model.card import ModelCard
from sigverify.core.pen_matching import dtw_distances, dtw_features
from sigverify.core.scoring import calibrated_similarity, pairwise_distances, score_queries
from sigverify.core.store import Store
from sigverify.core.thresholds import (
    ACCEPT,
    REJECT,
    REVIEW,
    Thresholds,
    card_similarity,
    card_thresholds,
    saved_preset,
)
from sigverify.core.verification_results import (
    DTW,
    IMAGE,
    PEN,
    PenEvidence,
    VerificationResult,
)

#: The store setting for a global band on fused scores (set on the Thresholds page).
FUSION_SETTING = "thresholds/fusion/{model_id}"


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


def fusion_checksum(pen_card: ModelCard) -> str:
    """A short checksum of the pen card's fusion (its scales, weights and band): a fused
    score of one fitting is another measure than one of the next."""
    entry = json.dumps(pen_card.fusion or {}, sort_keys=True).encode("utf-8")
    return hashlib.sha256(entry).hexdigest()[:12]


def fusion_thresholds(store, pen_card: ModelCard) -> Thresholds:
    """The global band set for fused scores of this pen model as fitted, else its card's."""
    saved = saved_fusion_thresholds(store, pen_card.model_id, fusion_checksum(pen_card))
    return saved or card_fusion_thresholds(pen_card)


def saved_fusion_thresholds(store, pen_model_id: str, fusion: str) -> Thresholds | None:
    """The global band set for fused scores of the pen model ``pen_model_id`` with the
    fusion ``fusion`` (:func:`fusion_checksum`); None when none is set, it is unreadable,
    or it was set before the pen model was fitted again (a band chosen on the scores of
    the fitting before would decide the new ones): its card's applies. A band written
    without its fusion (before 2026-12-07, or by an older desk) applies as it did."""
    values = _saved_band(store, pen_model_id)
    if values is None or values.get("fusion", fusion) != fusion:
        return None
    return Thresholds(values["accept"], values["reject"], "global", saved_preset(values))


def band_of_another_fitting(store, pen_card: ModelCard) -> bool:
    """A band is set for this pen model's fused scores but for an earlier fitting of it,
    so its card's band applies (:func:`saved_fusion_thresholds`)."""
    values = _saved_band(store, pen_card.model_id)
    return values is not None and values.get("fusion", "") not in ("", fusion_checksum(pen_card))


def _saved_band(store, pen_model_id: str) -> dict | None:
    """The band set for the pen model's fused scores, as stored, with ``accept`` and
    ``reject`` read as numbers; None when none is set or it is unreadable."""
    saved = store.get_setting(FUSION_SETTING.format(model_id=pen_model_id))
    if not saved:
        return None
    try:
        values = json.loads(saved)
        accept, reject = float(values["accept"]), float(values["reject"])
    except (ValueError, KeyError, TypeError):
        return None
    return values | {"accept": accept, "reject": reject} if 0 <= accept <= reject else None


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
    if decision == ACCEPT:
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
        "against %n pad reference(s) ({measures}), the picture {image:.2f} times its "
        "threshold (distance {distance:.4f}); together, counting the way it was written "
        "{writing_share:.0f} % and the picture {image_share:.0f} %: {fused:.3f}",
        None,
        evidence.references,
    ).format(
        writing=evidence.writing_ratio,
        measures=measures,
        image=evidence.image_ratio,
        distance=evidence.scores[IMAGE],
        writing_share=100 * evidence.writing_weight,
        image_share=100 * evidence.weights[IMAGE],
        fused=evidence.fused,
    )
    if decision == "accept":
        verdict = translate("reason", "within the accept limit {limit:.3f}").format(
            limit=thresholds.accept
        )
    elif decision == "reject":
        verdict = translate("reason", "above the reject limit {limit:.3f}").format(
            limit=thresholds.reject
        )
    else:
        verdict = translate(
            "reason", "between the accept and reject limits {a:.3f}-{r:.3f}"
        ).format(a=thresholds.accept, r=thresholds.reject)
    decided = {
        PEN: translate("reason", "The way it was written decided."),
        IMAGE: translate("reason", "The picture decided."),
    }[evidence.decided_by]
    return translate("reason", "{basis}, {verdict}. {decided}").format(
        basis=basis, verdict=verdict, decided=decided
    )


def fused_similarity(
    pen_card: ModelCard,
    image_model_id: str,
    fused: float,
    pen_score: float,
    picture: VerificationResult,
) -> float:
    """The similarity shown for a pad-drawn query: the fusion's calibration of the fused
    score when it applies (fitted with this image model), else the mean of the picture's
    and the pen model's own."""
    calibration = (pen_card.fusion or {}).get("calibration")
    if calibration and fitted_with(pen_card, image_model_id):
        return calibrated_similarity(fused, *calibration)
    pen = card_similarity(pen_card, pen_score, card_thresholds(pen_card))
    return (picture.similarity + pen) / 2


def pad_references(
    store: Store, pen: PenScorer, person_id: str
) -> tuple[list[np.ndarray], np.ndarray | None]:
    """The person's references drawn on a pad, as trajectories and as the pen model's
    embeddings (None without any). Those not yet embedded with this pen model (enrolled
    before it was activated) are embedded now and stored, as pictures are."""
    ids, trajectories = store.pad_trajectories(person_id)
    if not ids:
        return [], None
    stored_ids, stored = store.embeddings(person_id, pen.model_id)
    known = dict(zip(stored_ids, stored if stored is not None else [], strict=True))
    missing = [n for n, i in enumerate(ids) if i not in known]
    if missing:
        vectors = pen.embed([trajectories[n] for n in missing])
        new = {ids[n]: v for n, v in zip(missing, vectors, strict=True)}
        store.save_embeddings(pen.model_id, new)
        known.update(new)
    return trajectories, np.stack([known[i] for i in ids])


def judge_pad_query(
    result: VerificationResult,
    trajectory: np.ndarray,
    store: Store,
    pen: PenScorer | None,
    image_card: ModelCard,
    image_model_id: str,
) -> VerificationResult:
    """``result`` (the picture's decision on a pad-drawn query, by the image model
    ``image_model_id``) decided again on both kinds of evidence, when there is a pen model
    and the person has pad references; otherwise as it was, its reason saying why the
    picture alone decided."""
    references, embeddings = (
        pad_references(store, pen, result.person_id) if pen is not None else ([], None)
    )
    if not references:
        why = (
            translate("reason", "No pen model is installed: the picture alone decided.")
            if pen is None
            else translate(
                "reason",
                "This person has no references drawn on a pad: the picture alone decided.",
            )
        )
        return replace(result, reason=join_sentences(result.reason, why))
    scales = fusion_scales(pen.card, image_card, image_model_id)
    scores = {**pen.scores(trajectory, references, DTW in scales, embeddings), IMAGE: result.score}
    weights = fusion_weights(pen.card, image_model_id, scales)
    fused = float(fuse(scores, scales, weights))
    band = fusion_thresholds(store, pen.card)
    on_band = band.decision(fused)
    used = {m: scores[m] for m in scales}
    partial = PenEvidence(
        used, scales, weights, fused, len(references), "", pen.model_id,
        fusion=fusion_checksum(pen.card),
    )  # fmt: skip
    decided_by = deciding_evidence(
        partial.writing_ratio, partial.image_ratio, on_band, partial.writing_weight,
        weights[IMAGE],
    )  # fmt: skip
    evidence = replace(partial, decided_by=decided_by)
    reason = [fused_reason(on_band, evidence, band)]
    decision = on_band
    if decision == ACCEPT and not fitted_with(pen.card, image_model_id):
        decision = REVIEW  # scales and band were chosen with another image model
        evidence = replace(evidence, held_back="unfitted")
        reason.append(
            translate(
                "reason",
                "The pen model was not fitted with the active image model, so an "
                "acceptance goes to review (the Models page says how to fit it).",
            )
        )
    if decision == ACCEPT and result.thresholds.source == "person" and result.decision == REJECT:
        decision = REVIEW  # the person's own, stricter thresholds reject the picture
        evidence = replace(evidence, held_back="person")
        reason.append(
            translate("reason", "This person's own thresholds reject the picture: sent to review.")
        )
    return replace(
        result,
        decision=decision,
        similarity=fused_similarity(pen.card, image_model_id, fused, scores[PEN], result),
        reason=join_sentences(*reason),  # (no blank after a Chinese full stop)
        pen=evidence,
        fused_thresholds=band,
    )
