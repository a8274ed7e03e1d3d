"""Where a checked signature departs from a reference: registration, stroke difference,
occlusion sensitivity, and the service, report and command line that show them."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from sigverify import cli
from sigverify.core.errors import SigverifyError
from sigverify.core.explain import (
    align_reference,
    combine,
    explain,
    heat_overlay,
    occlusion_sensitivity,
    stroke_difference,
)
from sigverify.core.verification_results import SignatureInput
from tests.conftest import enrolled_service, signature_file

H, W = 150, 220


def strokes(extra: bool = False) -> np.ndarray:
    """A preprocessed-looking signature (ink 255 on 0): a loop, a wave and a bar; with
    ``extra``, a stroke at the top right that the plain one lacks."""
    image = np.zeros((H, W), np.uint8)
    cv2.ellipse(image, (60, 80), (30, 40), 0, 0, 360, 255, 3)
    xs = np.arange(95, 200)
    ys = (80 + 20 * np.sin((xs - 95) / 12)).astype(np.int32)
    cv2.polylines(image, [np.stack([xs, ys], 1).reshape(-1, 1, 2)], False, 255, 3)
    cv2.line(image, (30, 130), (190, 125), 255, 3)
    if extra:
        cv2.line(image, (150, 15), (205, 40), 255, 3)
    return image


def shifted(image: np.ndarray, dx: float, dy: float, scale: float = 1.0) -> np.ndarray:
    matrix = cv2.getRotationMatrix2D((W / 2, H / 2), 0, scale)
    matrix[:, 2] += (dx, dy)
    return cv2.warpAffine(image, matrix, (W, H))


def ink_overlap(a: np.ndarray, b: np.ndarray) -> float:
    a, b = a >= 64, b >= 64
    return float((a & b).sum() / (a | b).sum())


def test_registration_undoes_a_shift_and_a_scale():
    query = strokes()
    reference = shifted(query, 6, -4, 1.06)
    assert ink_overlap(query, reference) < 0.4  # unaligned, most strokes miss each other
    aligned, matrix, ok = align_reference(query, reference)
    assert ok and matrix.shape == (2, 3)
    assert ink_overlap(query, aligned) > 0.6
    # query coordinates to the reference's: the centre moves by the shift, scale ~1.06
    assert matrix[0, 0] == pytest.approx(1.06, abs=0.03)
    centre = matrix @ np.array([W / 2, H / 2, 1.0])
    assert centre == pytest.approx([W / 2 + 6, H / 2 - 4], abs=1.5)


def test_a_registration_that_cannot_work_leaves_the_reference_as_it_is():
    query = strokes()
    blank = np.zeros_like(query)
    aligned, matrix, ok = align_reference(query, blank)
    assert not ok and np.array_equal(aligned, blank) and np.allclose(matrix, np.eye(2, 3))


def test_identical_signatures_differ_nowhere():
    image = strokes()
    assert float(stroke_difference(image, image).max()) == 0.0


def test_an_added_stroke_is_where_they_differ_and_only_there():
    plain, extra = strokes(), strokes(extra=True)
    difference = stroke_difference(extra, plain)
    assert float(difference.min()) >= 0.0 and float(difference.max()) <= 1.0
    assert difference[22:34, 165:190].mean() > 0.8  # along the added stroke
    common = (plain >= 64) & (np.arange(W)[None, :] < 130)
    assert float(difference[common].max()) < 0.05  # the shared strokes stay cool
    # it is symmetric in which of the two has the extra stroke
    assert np.allclose(stroke_difference(plain, extra), difference, atol=1e-5)


def test_occlusion_finds_the_part_the_distance_rests_on():
    """A stand-in embedding that counts ink in the top-right corner: blanking a patch there
    brings the query closer to a reference without that ink, elsewhere changes nothing."""

    def embed(images: np.ndarray) -> np.ndarray:
        corner = images[:, :50, 140:].reshape(len(images), -1).astype(np.float64)
        return np.stack([corner.sum(1) / 255, np.zeros(len(images))], 1)

    query = strokes(extra=True)
    sensitivity = occlusion_sensitivity(embed, query, np.zeros((3, 2)), "euclidean")
    assert sensitivity.shape == (H, W) and float(sensitivity.max()) == pytest.approx(1.0)
    assert sensitivity[20:40, 160:200].mean() > 0.5
    assert float(sensitivity[100:, :100].max()) < 0.01  # blanking the bar does not help
    # nothing to blank: nothing sensitive
    blank = np.zeros((H, W), np.uint8)
    assert float(occlusion_sensitivity(embed, blank, np.zeros((1, 2)), "euclidean").max()) == 0


def test_the_heat_is_the_difference_weighted_by_where_the_model_looked():
    difference = np.array([[0.0, 0.5, 1.0, 1.0]], np.float32)
    sensitivity = np.array([[1.0, 1.0, 0.0, 1.0]], np.float32)
    np.testing.assert_allclose(combine(difference, sensitivity), [[0.0, 0.5, 0.3, 1.0]], atol=1e-6)


def test_explain_and_its_picture():
    def embed(images):
        return images.reshape(len(images), -1)[:, ::97].astype(np.float64) / 255

    query, reference = strokes(extra=True), shifted(strokes(), 3, 2)
    explanation = explain(embed, query, reference, embed(reference[None]), "euclidean", "r1.png")
    assert explanation.aligned and explanation.reference_name == "r1.png"
    assert explanation.heat[22:34, 165:190].mean() > 0.3
    assert 0 < explanation.hot_share() < 0.3  # the added stroke, not the whole signature
    picture = heat_overlay(explanation)
    assert picture.shape == (H, W, 3) and picture.dtype == np.uint8
    assert (picture[0, 0] == 255).all()  # paper stays white
    paper = (explanation.query < 64) & (explanation.reference < 64)
    y, x = np.unravel_index(np.argmax(np.where(paper, explanation.heat, 0)), paper.shape)
    assert y <= 50 and x >= 135  # the hottest paper is beside the added stroke
    red, green, blue = picture[y, x].astype(int)
    assert red > 200 and green < 150 and blue < 100  # drawn in red-orange
    with pytest.raises(ValueError, match="sizes differ"):
        explain(embed, query, query[:, :100], embed(reference[None]), "euclidean")


@pytest.fixture
def service(tmp_path, tiny_model_dir):
    with enrolled_service(tmp_path, tiny_model_dir, "desk 1", {"P1": (1, "Ana Li")}) as service:
        yield service


def test_the_service_explains_against_the_nearest_or_a_chosen_reference(service, tmp_path):
    query = SignatureInput.from_path(signature_file(tmp_path, 1, 1, forged=True))
    result = service.verify("P1", query, record=False)
    nearest = service.explain(result)
    assert nearest.reference_name == result.nearest.filename
    assert nearest.query.shape == result.query_pixels.shape == nearest.heat.shape
    other = next(r for r in result.per_reference if r != result.nearest)
    chosen = service.explain(result, other.reference_id)
    assert chosen.reference_name == other.filename
    assert not np.array_equal(chosen.reference, nearest.reference)
    bare = type(result)(**{**result.__dict__, "query_pixels": None})
    with pytest.raises(SigverifyError, match="no signature image"):
        service.explain(bare)


def test_a_reference_enrolled_under_a_model_of_another_size_is_explained(
    service, smaller_model_dir, tmp_path
):
    """Seen in a real window: references enrolled under a 100 x 150 model, then the default
    (150 x 220) active: explaining a check failed with "sizes differ". The reference is
    prepared from its original as the active model sees it."""
    from sigverify.core.model.io import load_model
    from sigverify.core.verification import VerificationService

    smaller = VerificationService(service.store, load_model(smaller_model_dir))
    query = SignatureInput.from_path(signature_file(tmp_path, 1, 1, forged=True))
    result = smaller.verify("P1", query, record=False)
    assert result.query_pixels.shape == (40, 60)
    _, stored = service.store.reference_images(result.nearest.reference_id)
    assert cv2.imdecode(np.frombuffer(stored, np.uint8), 0).shape == (48, 72)  # enrolment's
    explained = smaller.explain(result)
    assert explained.reference.shape == explained.heat.shape == (40, 60)
    assert smaller.reference_pixels(result.nearest.reference_id).shape == (40, 60)


def test_verify_explain_writes_a_picture_and_refuses_a_bad_path_before_recording(
    tmp_path, tiny_model_dir, capsys
):
    store = tmp_path / "store.sqlite3"
    common = ["--store", str(store), "--model", str(tiny_model_dir)]
    refs = [str(signature_file(tmp_path, 2, i)) for i in range(4)]
    assert cli.main(["enroll", "--person", "P2", *refs, *common]) == 0
    query = str(signature_file(tmp_path, 2, 1, forged=True))
    out = tmp_path / "why.png"
    assert cli.main(["verify", "--person", "P2", query, "--explain", str(out), *common]) == 0
    picture = cv2.imread(str(out))
    assert picture is not None and picture.shape[1] > picture.shape[0] * 2  # three panels
    capsys.readouterr()
    audit_rows = cli.main(["audit", "--person", "P2", "--json", *common[:2]])
    before = capsys.readouterr().out.count('"verify"')
    bad = tmp_path / "missing-folder" / "why.png"
    code = cli.main(["verify", "--person", "P2", query, "--explain", str(bad), *common])
    assert code == 2 and "cannot be written" in capsys.readouterr().err
    cli.main(["audit", "--person", "P2", "--json", *common[:2]])
    assert capsys.readouterr().out.count('"verify"') == before and audit_rows == 0
