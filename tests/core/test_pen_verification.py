"""Queries drawn on a pad: judged on the way they were written (pen model) and on their
picture (image model), the two scores joined into one decision that says which decided."""

from __future__ import annotations

import json

import numpy as np
import pytest

from sigverify.core.active_model import (
    activate_model,
    active_pen_model_dir,
    load_pen_scorer,
)
from sigverify.core.data.pen_bank import pen_sequence
from sigverify.core.data.synthetic import forged_signature, genuine_signature, writer_style
from sigverify.core.errors import ModelFileError
from sigverify.core.model.card import read_card, write_card
from sigverify.core.model.io import load_model
from sigverify.core.model_settings import ACTIVE_PEN_MODEL_SETTING
from sigverify.core.pen_matching import dtw_distance, dtw_features
from sigverify.core.pen_verification import (
    FUSION_SETTING,
    PenScorer,
    card_fusion_thresholds,
    deciding_evidence,
    fusion_thresholds,
)
from sigverify.core.scoring import pairwise_distances, score_queries
from sigverify.core.store import Store
from sigverify.core.thresholds import ACCEPT, REJECT, REVIEW, card_similarity, card_thresholds
from sigverify.core.verification import VerificationService
from sigverify.core.verification_results import DTW, IMAGE, PEN, SignatureInput
from tests.conftest import signature_file, write_svc2004


def pad_signature(folder, writer: int, index: int, forged: bool = False) -> SignatureInput:
    """A synthetic signature as a pad recording (SVC2004 file), read as the app reads it."""
    make = forged_signature if forged else genuine_signature
    path = folder / f"w{writer}_{'f' if forged else 'g'}{index}.TXT"
    write_svc2004(path, make(writer_style(writer), index).trajectory)
    return SignatureInput.from_path(path)


def test_a_pad_query_is_judged_on_both_kinds_of_evidence(pen_service, tmp_path):
    refs = [pad_signature(tmp_path, 40, i) for i in range(4)]
    pen_service.enroll("p-1", refs, accept_outliers=True)
    query = pad_signature(tmp_path, 40, 7)
    result = pen_service.verify("p-1", query)
    evidence = result.pen
    assert evidence is not None and evidence.references == 4

    # the pen score, worked out from the pen model's own embeddings
    model = pen_service.pen.model
    length = model.card.preprocess["pen_length"]
    vectors = model.embed(np.stack([pen_sequence(s.trajectory, length) for s in [query, *refs]]))
    d = pairwise_distances(vectors[:1], vectors[1:], model.card.distance)
    among = pairwise_distances(vectors[1:], vectors[1:], model.card.distance)
    expected = float(score_queries(d, among, model.card.reference_spread)[0])
    assert evidence.scores[PEN] == pytest.approx(expected, rel=1e-5)
    assert DTW not in evidence.scores  # this card has no fusion: no DTW scale known

    # the picture's score is the scan path's, unchanged; fused = mean of the two ratios
    picture = pen_service.verify("p-1", SignatureInput(query.name, query.data), record=False)
    assert picture.pen is None and result.score == pytest.approx(picture.score)
    assert evidence.scores[IMAGE] == result.score
    image_t, pen_t = pen_service.model.card.threshold, model.card.threshold  # no fusion entry
    assert evidence.scales == {PEN: pen_t, IMAGE: image_t}
    fused = (result.score / image_t + evidence.scores[PEN] / pen_t) / 2
    assert evidence.fused == pytest.approx(fused)
    band = card_fusion_thresholds(model.card)
    assert result.fused_thresholds == band
    on_band = ACCEPT if fused <= band.accept else REJECT if fused > band.reject else REVIEW
    # this card's fusion was never fitted with this image model: an acceptance is reviewed
    assert result.decision == (REVIEW if on_band == ACCEPT else on_band)
    assert ("not fitted with the active image model" in result.reason) == (on_band == ACCEPT)
    assert result.reason.startswith("Drawn on a pad: the way it was written is")
    assert f"pen model {evidence.scores[PEN]:.3f}" in result.reason and "decided." in result.reason

    # and the audit log keeps both pieces of evidence
    payload = pen_service.store.audit_entries()[-1].details
    assert payload["decision"] == result.decision
    assert payload["pen"]["fused"] == pytest.approx(fused, abs=1e-6)
    assert payload["pen"]["decided_by"] in (PEN, IMAGE)
    assert payload["pen"]["scores"]["image"] == pytest.approx(result.score, abs=1e-6)


def test_pad_references_keep_their_pen_embeddings_from_enrolment(
    pen_service, tmp_path, tiny_model_dir
):
    # enrolled without a pen model: only the picture's embeddings are stored
    store = pen_service.store
    picture_only = VerificationService(store, pen_service.model, operator="clerk")
    early = [pad_signature(tmp_path, 41, i) for i in range(3)]
    picture_only.enroll("p-2", early, accept_outliers=True)
    pen_id = pen_service.pen.model_id
    assert store.embeddings("p-2", pen_id) == ([], None)

    # an enrolment with the pen model embeds the person's pad references, the earlier
    # ones too (a scan has no trajectory and is not)
    scan = SignatureInput.from_path(signature_file(tmp_path, 41, 9))
    pen_service.enroll("p-2", [pad_signature(tmp_path, 41, 3), scan], accept_outliers=True)
    ids, trajectories = store.pad_trajectories("p-2")
    assert len(ids) == 4 and store.embeddings("p-2", pen_id)[0] == ids
    # each as the pen model embeds the trajectory
    model = pen_service.pen.model
    length = model.card.preprocess["pen_length"]
    expected = model.embed(np.stack([pen_sequence(t, length) for t in trajectories]))
    assert np.allclose(store.embeddings("p-2", pen_id)[1], expected, atol=1e-5)

    # a verification scores against the stored ones: a stored vector changed changes it
    query = pad_signature(tmp_path, 41, 8)
    before = pen_service.verify("p-2", query, record=False).pen.scores[PEN]
    assert before == pytest.approx(
        pen_service.pen.scores(query.trajectory, trajectories, False, expected)[PEN], rel=1e-5
    )
    store.save_embeddings(pen_id, {ids[0]: expected[0] + 1.0})
    assert pen_service.verify("p-2", query, record=False).pen.scores[PEN] != pytest.approx(before)


def test_with_a_fitted_fusion_time_warping_joins_in(pen_service, tmp_path):
    refs = [pad_signature(tmp_path, 43, i) for i in range(3)]
    pen_service.enroll("p-3", refs, accept_outliers=True)
    card = pen_service.pen.card
    card.fusion = {
        "image_model": pen_service.model_id, "scales": {PEN: 0.5, DTW: 2.0, IMAGE: 0.25},
        "dtw_spread": 1.5, "accept": 0.9, "reject": 1.2,
    }  # fmt: skip
    query = pad_signature(tmp_path, 43, 6)
    result = pen_service.verify("p-3", query, record=False)
    evidence = result.pen
    # DTW scored as the embeddings are: nearest half of the references, scaled by spread
    features = [dtw_features(s.trajectory) for s in [query, *refs]]
    d = np.array([[dtw_distance(features[0], f) for f in features[1:]]])
    among = np.array([[dtw_distance(a, b) for b in features[1:]] for a in features[1:]])
    assert evidence.scores[DTW] == pytest.approx(float(score_queries(d, among, 1.5)[0]))
    ratios = [evidence.scores[PEN] / 0.5, evidence.scores[DTW] / 2.0, result.score / 0.25]
    assert evidence.fused == pytest.approx(np.mean(ratios))  # no weights given: alike
    assert evidence.writing_ratio == pytest.approx(np.mean(ratios[:2]))
    assert "time warping" in result.reason
    # with the card's weights: the weighted mean, and how it was written weighted within
    card.fusion = {**card.fusion, "weights": {PEN: 0.2, DTW: 0.6, IMAGE: 0.2}}
    weighted = pen_service.verify("p-3", query, record=False)
    evidence = weighted.pen
    assert "counting the way it was written 80 % and the picture 20 %" in weighted.reason
    assert evidence.weights == {PEN: 0.2, DTW: 0.6, IMAGE: 0.2}
    assert evidence.fused == pytest.approx(0.2 * ratios[0] + 0.6 * ratios[1] + 0.2 * ratios[2])
    assert evidence.writing_ratio == pytest.approx((0.2 * ratios[0] + 0.6 * ratios[1]) / 0.8)
    assert evidence.to_dict()["weights"] == {PEN: 0.2, DTW: 0.6, IMAGE: 0.2}
    # the similarity shown: the mean of the picture's and the pen model's own, until the
    # fusion has a calibration of the fused score (Platt: 1 / (1 + exp(a * fused + b)))
    picture = pen_service.verify("p-3", SignatureInput(query.name, query.data), record=False)
    pen_alone = card_similarity(card, evidence.scores[PEN], card_thresholds(card))
    assert weighted.similarity == pytest.approx((picture.similarity + pen_alone) / 2)
    card.fusion = {**card.fusion, "calibration": [4.0, -4.4]}
    calibrated = pen_service.verify("p-3", query, record=False)
    fused = calibrated.pen.fused
    assert calibrated.similarity == pytest.approx(1 / (1 + np.exp(4.0 * fused - 4.4)))
    assert (result.fused_thresholds.accept, result.fused_thresholds.reject) == (0.9, 1.2)
    # fitted with another image model: its scales do not apply, nor does DTW
    card.fusion = {**card.fusion, "image_model": "another@0123456789ab"}
    evidence = pen_service.verify("p-3", query, record=False).pen
    assert set(evidence.scales) == {PEN, IMAGE} and DTW not in evidence.scores


def test_a_scanned_query_keeps_the_image_model_alone(pen_service, tmp_path):
    pen_service.enroll("p-1", [pad_signature(tmp_path, 41, i) for i in range(3)],
                       accept_outliers=True)  # fmt: skip
    scan = SignatureInput.from_path(signature_file(tmp_path, 41, 5))
    result = pen_service.verify("p-1", scan)
    assert result.pen is None and result.fused_thresholds is None
    assert "pad" not in result.reason


def test_without_pad_references_or_pen_model_the_picture_decides_and_says_so(
    pen_service, tmp_path, tiny_model_dir
):
    scans = [SignatureInput.from_path(signature_file(tmp_path, 42, i)) for i in range(3)]
    pen_service.enroll("scanned", scans, accept_outliers=True)
    result = pen_service.verify("scanned", pad_signature(tmp_path, 42, 6))
    assert result.pen is None
    assert result.reason.endswith(
        "This person has no references drawn on a pad: the picture alone decided."
    )
    without = VerificationService(pen_service.store, load_model(tiny_model_dir), "clerk")
    result = without.verify("scanned", pad_signature(tmp_path, 42, 6))
    assert result.pen is None
    assert result.reason.endswith("No pen model is installed: the picture alone decided.")


def test_the_sentence_after_the_pictures_reason_runs_on_in_chinese(pen_service, tmp_path, qapp):
    """A real-window pass: "…original_30_4.png。 此人没有手写板上签的参考签名…" (a blank
    after the Chinese full stop)."""
    from sigverify.gui.language import install_translator, remove_translators

    scans = [SignatureInput.from_path(signature_file(tmp_path, 42, i)) for i in range(3)]
    pen_service.enroll("scanned", scans, accept_outliers=True)
    assert install_translator(qapp, "zh_CN") == "zh_CN"
    try:
        result = pen_service.verify("scanned", pad_signature(tmp_path, 42, 6))
    finally:
        remove_translators(qapp)
    assert result.pen is None and "。此人没有" in result.reason and "。 " not in result.reason


def test_an_acceptance_held_back_says_why_in_the_audit_log(pen_service, tmp_path):
    """A real-window pass: an audit entry read "pen and picture together 0.7183" (inside
    the accept limit) for a check sent to review, without the reason Verify gave."""
    from sigverify.core.audit_view import summary

    refs = [pad_signature(tmp_path, 40, i) for i in range(4)]
    pen_service.enroll("p-1", refs, accept_outliers=True)
    key = FUSION_SETTING.format(model_id=pen_service.pen.model_id)
    everything = json.dumps({"accept": 100.0, "reject": 100.0})  # the band accepts anything
    pen_service.store.set_setting(key, everything, "admin")
    result = pen_service.verify("p-1", pad_signature(tmp_path, 40, 7))
    assert result.decision == REVIEW and result.pen.held_back == "unfitted"
    entry = pen_service.store.audit_entries()[-1]
    assert entry.details["pen"]["held_back"] == "unfitted"
    assert summary(entry).startswith("sent to review: “") and (
        "; not accepted: the pen model was not fitted with this image model" in summary(entry)
    )
    # a decision not held back records nothing of the kind
    nothing = json.dumps({"accept": 0.0, "reject": 0.0})  # the band rejects anything
    pen_service.store.set_setting(key, nothing, "admin")
    result = pen_service.verify("p-1", pad_signature(tmp_path, 40, 7))
    assert result.decision == REJECT and result.pen.held_back == ""
    entry = pen_service.store.audit_entries()[-1]
    assert "held_back" not in entry.details["pen"] and "not accepted" not in summary(entry)


def test_the_evidence_that_decided_is_the_one_furthest_towards_the_decision():
    assert deciding_evidence(0.5, 0.9, ACCEPT) == PEN  # the pen looks more genuine
    assert deciding_evidence(0.9, 0.5, ACCEPT) == IMAGE
    assert deciding_evidence(1.8, 1.1, REJECT) == PEN  # the pen looks more forged
    assert deciding_evidence(0.7, 1.4, REJECT) == IMAGE
    assert deciding_evidence(1.2, 0.9, REVIEW) == PEN
    # weighted: a picture far over its threshold that counts little pushes less than a
    # way of writing a little over its thresholds that counts much (0.2 * 1.0 < 0.8 * 0.3)
    assert deciding_evidence(1.3, 2.0, REJECT, 0.8, 0.2) == PEN
    assert deciding_evidence(1.3, 2.0, REJECT, 0.5, 0.5) == IMAGE


def test_the_fusion_band_comes_from_the_card_or_a_global_setting(tmp_path, tiny_pen_model_dir):
    scorer = PenScorer(load_model(tiny_pen_model_dir))
    with Store(tmp_path / "s.sqlite3") as store:
        assert scorer.card.fusion is None  # trained, never fused: both scores at 1
        band = fusion_thresholds(store, scorer.card)
        assert (band.accept, band.reject, band.source) == (1.0, 1.0, "model")
        key = FUSION_SETTING.format(model_id=scorer.model_id)
        store.set_setting(key, json.dumps({"accept": 0.8, "reject": 1.3}), "admin")
        band = fusion_thresholds(store, scorer.card)
        assert (band.accept, band.reject, band.source) == (0.8, 1.3, "global")


def test_a_band_set_before_the_pen_model_was_fitted_again_does_not_apply(
    tmp_path, tiny_pen_model_dir
):
    """A supervisor's band on fused scores was kept under the pen model's id alone, so one
    set before `sigverify models fuse` fitted it again decided the new fitting's scores."""
    from dataclasses import replace

    from sigverify.core.pen_verification import band_of_another_fitting, fusion_checksum
    from sigverify.core.thresholds import save_band

    card = replace(read_card(tiny_pen_model_dir), fusion={"accept": 0.9, "reject": 1.2})
    refitted = replace(card, fusion={"accept": 0.95, "reject": 1.1})
    assert fusion_checksum(card) != fusion_checksum(refitted) == fusion_checksum(refitted)
    key = FUSION_SETTING.format(model_id=card.model_id)
    with Store(tmp_path / "s.sqlite3") as store:
        save_band(store, key, (0.8, 1.3, None), "admin", fusion=fusion_checksum(card))
        band = fusion_thresholds(store, card)
        assert (band.accept, band.reject, band.source) == (0.8, 1.3, "global")
        assert not band_of_another_fitting(store, card)
        band = fusion_thresholds(store, refitted)  # its own card's band, until set again
        assert (band.accept, band.reject, band.source) == (0.95, 1.1, "model")
        assert band_of_another_fitting(store, refitted)
        # a band written without its fitting (an older desk) applies to any, as before
        store.set_setting(key, json.dumps({"accept": 0.7, "reject": 1.4}), "admin")
        for fitting in (card, refitted):
            assert fusion_thresholds(store, fitting).accept == 0.7
            assert not band_of_another_fitting(store, fitting)


def test_a_card_with_an_impossible_fusion_band_is_refused(tiny_pen_model_dir, tmp_path):
    card = read_card(tiny_pen_model_dir)
    card.fusion = {"accept": 1.4, "reject": 0.9}
    write_card(card, tmp_path)
    with pytest.raises(ModelFileError, match="fusion"):
        read_card(tmp_path)
    card.fusion = {"accept": 0.9, "reject": 1.2, "scales": {"pen": 0.0}}
    write_card(card, tmp_path)
    with pytest.raises(ModelFileError, match="scales"):
        read_card(tmp_path)
    scales = {"pen": 0.5, "image": 0.4}
    card.fusion = {"accept": 0.9, "reject": 1.2, "scales": scales, "calibration": [1.0]}
    write_card(card, tmp_path)
    with pytest.raises(ModelFileError, match="calibration"):
        read_card(tmp_path)
    for weights in ({"pen": 0.7, "image": 0.2}, {"pen": 1.2, "image": -0.2}, {"pen": 1.0}):
        card.fusion = {"accept": 0.9, "reject": 1.2, "scales": scales, "weights": weights}
        write_card(card, tmp_path)
        with pytest.raises(ModelFileError, match="weights"):
            read_card(tmp_path)
    card.fusion = {"accept": 0.9, "reject": 1.2, "chosen_on": "validation writers"}
    write_card(card, tmp_path)
    assert card_fusion_thresholds(read_card(tmp_path)).accept == 0.9


def test_activating_a_pen_model_changes_the_pen_model_only(
    tmp_path, tiny_model_dir, tiny_pen_model_dir, monkeypatch
):
    import sigverify.core.active_model as active_model

    monkeypatch.setattr(active_model, "bundled_models_dir", lambda: tmp_path / "no-models")
    with Store(tmp_path / "s.sqlite3") as store:
        assert active_pen_model_dir(store) is None  # nothing bundled, nothing chosen
        assert load_pen_scorer(store) is None
        assert activate_model(store, load_model(tiny_pen_model_dir), operator="admin") is True
        assert store.get_setting(ACTIVE_PEN_MODEL_SETTING) == str(tiny_pen_model_dir.resolve())
        assert store.get_setting("active_model") is None  # the image model is untouched
        scorer = load_pen_scorer(store)
        assert scorer is not None and scorer.card.input == "pen"
        assert store.audit_entries()[-1].action == "activate_model"


def test_a_persons_own_thresholds_still_hold_back_a_picture_they_reject(pen_service, tmp_path):
    refs = [pad_signature(tmp_path, 44, i) for i in range(3)]
    pen_service.enroll("p-4", refs, accept_outliers=True)
    card = pen_service.pen.card
    # a fitted fusion whose band accepts everything: only the person's thresholds can hold
    card.fusion = {"image_model": pen_service.model_id, "scales": {PEN: 1.0, IMAGE: 1.0},
                   "accept": 10.0, "reject": 10.0}  # fmt: skip
    query = pad_signature(tmp_path, 44, 5)
    assert pen_service.verify("p-4", query, record=False).decision == ACCEPT
    pen_service.store.set_person_thresholds("p-4", 0.0, 0.0, "supervisor")  # reject all
    result = pen_service.verify("p-4", query, record=False)
    assert result.decision == REVIEW
    assert result.reason.endswith(
        "This person's own thresholds reject the picture: sent to review."
    )


def test_an_unreadable_global_band_falls_back_to_the_cards(tmp_path, tiny_pen_model_dir):
    card = read_card(tiny_pen_model_dir)
    with Store(tmp_path / "s.sqlite3") as store:
        key = FUSION_SETTING.format(model_id=f"{card.name}@{card.weights_sha256[:12]}")
        for value in ('{"accept": 0.8}', "not json", '{"accept": 1.5, "reject": 0.5}'):
            store.set_setting(key, value, "admin")
            assert fusion_thresholds(store, card).source == "model"


def test_fusion_scales_must_name_the_measures_the_decision_divides(tiny_pen_model_dir, tmp_path):
    card = read_card(tiny_pen_model_dir)
    for fusion, problem in (
        ({"scales": {"image": 1.0}}, "pen and image"),
        ({"scales": {"pen": 1.0, "image": 1.0, "ink": 1.0}}, "pen and image"),
        ({"scales": {"pen": 1.0, "image": 1.0, "dtw": 1.0}}, "dtw_spread"),
        ({"scales": {"pen": 1.0, "image": 1.0}, "dtw_spread": 0.5}, "dtw_spread"),
    ):
        card.fusion = {"accept": 0.9, "reject": 1.1, **fusion}
        write_card(card, tmp_path)
        with pytest.raises(ModelFileError, match=problem):
            read_card(tmp_path)
    card.fusion, card.threshold = None, 0.0
    write_card(card, tmp_path)
    with pytest.raises(ModelFileError, match="above 0"):
        read_card(tmp_path)


def test_an_image_model_is_not_taken_for_a_pen_model(tiny_model_dir, tiny_pen_model_dir):
    with pytest.raises(ModelFileError, match="is not a pen model"):
        PenScorer(load_model(tiny_model_dir))
    other = load_model(tiny_pen_model_dir)
    other.card.preprocess = {**other.card.preprocess, "features": ["x", "y"]}
    with pytest.raises(ModelFileError, match="other features"):
        PenScorer(other)


def test_the_shipped_pen_fusion_was_fitted_with_the_shipped_image_model():
    """Seen in a real window: models/default was changed twice (stop 58) after the pen
    model's fusion was fitted with it, and every pad-drawn signature the machine would
    accept went to review. When models/default changes, fit the fusion again:
    ``sigverify models fuse models/pen-default --image-model models/default --data ...``."""
    from pathlib import Path

    from sigverify.core.model.card import read_card
    from sigverify.core.pen_verification import fitted_with

    models = Path(__file__).resolve().parents[2] / "models"
    image, pen = read_card(models / "default"), read_card(models / "pen-default")
    assert pen.fusion["image_model"] == image.model_id
    assert fitted_with(pen, image.model_id)
