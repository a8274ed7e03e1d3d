"""The stroke check: worked examples of the mismatch, the person's own spread and the term
it adds, its place in the evaluation protocol, in verification and on the model card."""

from __future__ import annotations

import json

import numpy as np
import pytest

from sigverify.core.data.synthetic import synthetic_bank
from sigverify.core.errors import ModelFileError
from sigverify.core.evaluation.measure import evaluate_model
from sigverify.core.evaluation.protocol import score_writers
from sigverify.core.imaging.preprocessing import PreprocessConfig
from sigverify.core.model.card import read_card, write_card
from sigverify.core.model.onnx import load_onnx_model
from sigverify.core.scoring import pairwise_distances
from sigverify.core.store import Store
from sigverify.core.stroke_match import (
    CAP_PX,
    InkMap,
    StrokeCheck,
    bank_stroke_term,
    mismatch,
    mismatches,
    mismatches_among,
    own_spread,
    typical_mismatch,
)
from sigverify.core.verification import VerificationService
from sigverify.core.verification_results import SignatureInput
from tests.conftest import signature_file


def column(x: int, shape=(40, 60), rows=(5, 35)) -> np.ndarray:
    """A 1-pixel vertical stroke at column ``x`` (ink bright, as preprocessed)."""
    image = np.zeros(shape, np.uint8)
    image[rows[0] : rows[1], x] = 255
    return image


def test_mismatch_worked_examples():
    a, b = InkMap.of(column(10)), InkMap.of(column(13))
    assert mismatch(a, a) == 0.0
    assert mismatch(a, b) == pytest.approx(3.0)  # every ink pixel 3 px from the other's
    assert mismatch(a, InkMap.of(column(50))) == CAP_PX  # 40 px apart: capped at 20
    assert mismatch(a, InkMap.of(np.zeros((40, 60), np.uint8))) == CAP_PX  # no ink
    # both ways: a 10-pixel stroke inside a 30-pixel one lies on it; the rest of the long
    # one (20 pixels, 1 to 10 px from the short one's ends, both ends alike) does not
    short = InkMap.of(column(10, rows=(15, 25)))
    one_way = np.mean([*range(1, 11), *range(1, 11)] + [0] * 10)
    assert mismatch(a, short) == pytest.approx((0 + one_way) / 2, abs=0.05)
    with pytest.raises(ValueError, match="same size"):
        mismatch(a, InkMap.of(np.zeros((10, 10), np.uint8)))


def test_the_persons_own_spread_is_shrunk_towards_the_typical_one():
    among = np.array([[0, 2, 4], [2, 0, 6], [4, 6, 0]], float)
    assert own_spread(among, 1.0) == pytest.approx((2 + 4 + 6 + 3 * 1.0) / (3 + 3))
    assert own_spread(np.zeros((1, 1)), 2.5) == 2.5  # one reference: the typical one


def test_the_term_is_per_px_times_the_excess_over_the_own_spread():
    check = StrokeCheck(per_px=0.1, typical_px=2.0)
    query = np.array([[1.0, 5.0, 3.0, 9.0], [4.0, 4.0, 8.0, 8.0]])  # 4 references: 2 nearest
    among = np.full((4, 4), 2.0)  # own spread (6 pairs of 2 + 3 x 2) / 9 = 2
    assert check.excess(query, among) == pytest.approx([2.0 - 2.0, 4.0 - 2.0])
    assert check.term(query, among) == pytest.approx([0.0, 0.2])
    assert StrokeCheck.from_card(check.to_dict()) == check
    assert StrokeCheck.from_card(None) is None
    # one reference: no spread of the person's own to measure against, nothing added
    assert check.term(np.array([[7.0], [1.0]]), np.zeros((1, 1))) == pytest.approx([0, 0])


def test_typical_mismatch_is_the_median_writer():
    maps = [InkMap.of(column(x)) for x in (10, 12, 10, 16, 10, 11)]
    writers = np.array([0, 0, 1, 1, 2, 2])  # 2, 6 and 1 px apart
    assert typical_mismatch(maps, writers) == pytest.approx(2.0)


def test_the_protocol_adds_the_term_of_each_writers_references():
    size = PreprocessConfig(height=40, width=60)
    bank = synthetic_bank(range(4), 5, 2, size)
    embeddings = np.random.default_rng(0).normal(size=(len(bank), 8))
    check = StrokeCheck(0.05, 1.5)
    plain = score_writers(embeddings, bank, 3, random_writers=2)
    added = score_writers(
        embeddings, bank, 3, random_writers=2, added=bank_stroke_term(check, bank.images)
    )
    # by hand for the first writer's genuine queries: same references as the protocol's
    from sigverify.core.evaluation.protocol import _writer_rng

    order = _writer_rng(0, bank.writer_ids[0]).permutation(bank.genuine_of(0))
    refs, queries = order[:3], order[3:]
    maps = [InkMap.of(i) for i in bank.images]
    by_hand = check.term(
        mismatches([maps[i] for i in queries], [maps[j] for j in refs]),
        mismatches([maps[j] for j in refs], [maps[j] for j in refs]),
    )
    first = added.genuine_writer == 0
    assert added.genuine[first] - plain.genuine[first] == pytest.approx(by_hand)
    assert not np.allclose(added.skilled, plain.skilled)
    assert bank_stroke_term(None, bank.images) is None


def with_strokes(model_dir, tmp_path, per_px=0.02, typical_px=1.5):
    """A copy of a model folder whose card has a stroke check."""
    import shutil

    copy = tmp_path / "with-strokes"
    shutil.copytree(model_dir, copy)
    card = read_card(copy)
    card.strokes = StrokeCheck(per_px, typical_px, "by hand").to_dict()
    write_card(card, copy)
    return copy


def test_a_card_with_a_stroke_check_is_another_model(tiny_model_dir, tmp_path):
    plain = read_card(tiny_model_dir)
    card = read_card(with_strokes(tiny_model_dir, tmp_path))
    assert card.model_id.startswith(plain.model_id + "+strokes")
    other = read_card(with_strokes(tiny_model_dir, tmp_path / "b", per_px=0.03))
    assert other.model_id != card.model_id  # thresholds set for one do not carry over


@pytest.mark.parametrize(
    "strokes",
    [{"per_px": 0.9, "typical_px": 1.0}, {"per_px": 0.1}, {"per_px": "x", "typical_px": 1.0}],
)
def test_an_impossible_stroke_check_is_refused(tiny_model_dir, tmp_path, strokes):
    folder = with_strokes(tiny_model_dir, tmp_path)
    values = json.loads((folder / "card.json").read_text())
    values["strokes"] = strokes
    (folder / "card.json").write_text(json.dumps(values))
    with pytest.raises(ModelFileError, match="strokes"):
        read_card(folder)


def test_verification_adds_the_stroke_term_and_says_so(tiny_model_dir, stroke_model_dir, tmp_path):
    model = load_onnx_model(stroke_model_dir)
    store = Store(tmp_path / "store.sqlite3")
    service = VerificationService(store, model, operator="clerk")
    refs = [SignatureInput.from_path(signature_file(tmp_path, 1, i)) for i in range(4)]
    service.enroll("c-1", refs, accept_outliers=True)
    query = SignatureInput.from_path(signature_file(tmp_path, 1, 7, forged=True))
    result = service.verify("c-1", query)

    pixels = [service.prepare(s)[0] for s in refs]
    maps = [InkMap.of(p) for p in pixels]
    query_pixels = service.prepare(query)[0]
    apart = mismatches([InkMap.of(query_pixels)], maps)
    own = own_spread(mismatches_among(maps), 1.5)
    expected_px = np.sort(apart[0])[:2].mean()
    assert result.strokes_px == pytest.approx(expected_px)
    assert result.own_strokes_px == pytest.approx(own)
    e = model.embed(np.stack(pixels))
    q = model.embed(query_pixels[None])
    plain = VerificationService(store, load_onnx_model(tiny_model_dir)).verify(
        "c-1", query, record=False
    )
    assert plain.strokes_px is None and "strokes" not in plain.reason
    distance = plain.score  # the same distance part: the same weights
    assert pairwise_distances(q, e, "euclidean")[0] == pytest.approx(
        [r.distance for r in result.per_reference], abs=1e-5
    )
    assert result.score == pytest.approx(distance + 0.02 * (expected_px - own))
    assert f"its strokes lie {expected_px:.1f} px from theirs" in result.reason
    assert f"score {result.score:.4f}" in result.reason  # as the reason writes it
    nearest = min(result.per_reference, key=result.on_score_scale)
    assert result.nearest == nearest
    service.enroll("c-2", refs[:1], accept_outliers=True)  # c-1's image: asked, enrolled
    alone = service.verify("c-2", query, record=False)
    assert alone.strokes_px is None and "strokes" not in alone.reason
    assert alone.score == pytest.approx(pairwise_distances(q, e[:1], "euclidean")[0, 0], abs=1e-5)
    entry = store.audit_entries("c-1")[-1]
    assert entry.details["strokes"]["px"] == pytest.approx(expected_px, abs=1e-4)
    assert result.to_dict()["strokes"]["added"] == pytest.approx(result.strokes_added, abs=1e-6)
    store.close()


def test_the_fused_validation_scores_are_what_evaluation_measures(tiny_model_dir, tmp_path):
    """fit_strokes chooses on scores it adds up itself; evaluating the model with the card
    it writes must give the same scores (one definition of the score)."""
    from sigverify.core.data.bank import SignatureBank
    from sigverify.core.data.datasets import Writer
    from sigverify.core.evaluation.stroke_fit import WEIGHTS, fit_strokes, pooled_eer

    model = load_onnx_model(tiny_model_dir)
    writers = []
    for w in range(8):
        genuine = [signature_file(tmp_path, 800 + w, i) for i in range(7)]
        forged = [signature_file(tmp_path, 800 + w, i, forged=True) for i in range(2)]
        writers.append(Writer(f"synth/{w}", genuine, forged))
    fit = fit_strokes(model, writers, refs=5)
    assert fit.weight in WEIGHTS and fit.writers == 8
    assert (fit.distance_eer + fit.distance_folder_eer) >= (fit.fused_eer + fit.fused_folder_eer)
    assert pooled_eer(fit.scores) == pytest.approx(fit.fused_eer)
    check = fit.check or StrokeCheck(0.0, 1.0)  # weight 0: the distance alone
    model.card.strokes = check.to_dict()
    bank = SignatureBank.from_writers(writers, model.preprocess)
    report = evaluate_model(model, bank, [5])
    assert report.scores[5].genuine == pytest.approx(fit.scores.genuine, abs=1e-6)
    assert report.scores[5].skilled == pytest.approx(fit.scores.skilled, abs=1e-6)


def test_the_reason_says_what_the_strokes_add_or_take_off():
    from sigverify.core.thresholds import Thresholds
    from sigverify.core.verification_results import ReferenceDistance, decision_reason

    nearest = ReferenceDistance(1, "a.png", 0.5, 1.0)
    band = Thresholds(0.6, 0.8, "model")
    closer = decision_reason("accept", 0.55, band, 5, nearest, False, (1.2, 1.6, -0.02))
    assert "Its distance to the 3 closest of 5 references is 0.5700" in closer
    assert "lie 1.2 px from theirs on average (theirs 1.6 px from each other)" in closer
    assert "which takes 0.0200 off: score 0.5500" in closer
    further = decision_reason("review", 0.7, band, 5, nearest, False, (3.0, 1.5, 0.045))
    assert "which adds 0.0450: score 0.7000" in further and "Its distance" in further
    assert "0.6550" in further  # the distance part: 0.700 - 0.045


def test_prepared_references_come_from_the_originals_and_the_last_few_are_kept(
    tiny_model_dir, tmp_path
):
    from sigverify.core.prepared_references import PreparedReferences

    store = Store(tmp_path / "store.sqlite3")
    service = VerificationService(store, load_onnx_model(tiny_model_dir), operator="clerk")
    refs = [SignatureInput.from_path(signature_file(tmp_path, 2, i)) for i in range(3)]
    ids = service.enroll("c-1", refs, accept_outliers=True).reference_ids
    calls = []

    def counting(signature):
        calls.append(signature.name)
        return service.prepare(signature)

    prepared = PreparedReferences(store, counting, kept=2)
    assert np.array_equal(prepared.get(ids[0]), service.prepare(refs[0])[0])
    prepared.get(ids[0])  # kept: not prepared again
    prepared.get(ids[1])
    prepared.get(ids[2])  # the third pushes the least recently used out
    prepared.get(ids[0])
    assert calls == [str(ids[0]), str(ids[1]), str(ids[2]), str(ids[0])]
    plain = PreparedReferences(store, counting)  # keeps nothing (no stroke check)
    plain.get(ids[1])
    plain.get(ids[1])
    assert calls[-2:] == [str(ids[1]), str(ids[1])]
    maps, among = prepared.ink(ids[:2])
    assert len(maps) == 2 and among.shape == (2, 2) and among[0, 1] == among[1, 0]
    store.close()
