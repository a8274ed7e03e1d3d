"""Overlay colours, decision-band rates and the model catalogue."""

from __future__ import annotations

import shutil

import numpy as np
import pytest

from sigverify.core.errors import ModelFileError, SigverifyError
from sigverify.core.evaluation.calibration import band_rates, per_hundred
from sigverify.core.imaging.overlay import overlay_images
from sigverify.core.model.card import read_card
from sigverify.core.model.catalog import (
    delete_model,
    import_model,
    installed_models_dir,
    list_models,
    model_named,
    unused_name,
)
from sigverify.core.scoring import ScoreSet


def test_overlay_colours_each_signature():
    query = np.array([[255, 0, 255, 0]], np.uint8)
    reference = np.array([[0, 255, 255, 0]], np.uint8)
    rgb = overlay_images(query, reference)
    assert rgb[0, 0].tolist() == [255, 0, 0]  # query only: red
    assert rgb[0, 1].tolist() == [0, 0, 255]  # reference only: blue
    assert rgb[0, 2].tolist() == [0, 0, 0]  # both: black
    assert rgb[0, 3].tolist() == [255, 255, 255]  # paper: white
    with pytest.raises(ValueError, match="sizes differ"):
        overlay_images(query, reference[:, :2])


def test_band_rates_by_hand():
    scores = ScoreSet(
        refs=3,
        genuine=np.array([0.1, 0.2, 0.3, 0.9]),
        skilled=np.array([0.25, 0.5, 0.8, 0.9, 1.0]),
        random=np.array([]),
        genuine_writer=np.zeros(4, int),
        skilled_writer=np.zeros(5, int),
        random_writer=np.zeros(0, int),
    )
    rates = band_rates(scores, accept=0.2, reject=0.6)
    assert rates.genuine == pytest.approx((0.5, 0.25, 0.25))
    assert rates.skilled == pytest.approx((0.0, 0.4, 0.6))
    assert np.isnan(rates.random[0])
    assert rates.frr == 0.25 and rates.far == 0.0
    assert band_rates(scores, 0.3, 0.3).skilled == pytest.approx((0.2, 0.0, 0.8))


def test_shares_per_hundred_add_up_to_a_hundred():
    # each rounded alone: 79 + 6 + 16 = 101 (seen on the Thresholds page)
    assert per_hundred((0.788, 0.058, 0.154)) == (79, 6, 15)
    assert per_hundred((0.455, 0.39, 0.155)) == (46, 39, 15)  # 46 + 39 + 16 before
    assert per_hundred((1 / 3, 1 / 3, 1 / 3)) == (34, 33, 33)  # the first of equal ones
    assert per_hundred((0.5, 0.25, 0.25)) == (50, 25, 25)
    assert per_hundred((0.006, 0.004, 0.99)) == (1, 0, 99)
    nan = per_hundred((float("nan"),) * 3)
    assert len(nan) == 3 and all(np.isnan(v) for v in nan)


def retrained_copy(model_dir, out):
    """A copy of the model with other weights (one nudged) and the same name."""
    import torch

    from sigverify.core.model.io import load_model, save_model

    model = load_model(model_dir)
    with torch.no_grad():
        next(model.encoder.parameters()).add_(0.01)
    save_model(model.encoder, model.card, out)
    return out


def test_models_are_listed_imported_and_deleted(tiny_model_dir, tmp_path):
    before = list_models()
    assert all(m.bundled for m in before)  # only what ships with the app
    model = import_model(tiny_model_dir)
    assert model.path.parent == installed_models_dir().resolve()
    assert not (model.path / "checkpoint").exists()
    # the same model again: refused (it was listed twice under one name, seen)
    with pytest.raises(SigverifyError, match="already in the list as “tiny”"):
        import_model(tiny_model_dir)
    again = import_model(retrained_copy(tiny_model_dir, tmp_path / "tiny-site"))
    # another model of the same name: its copy is named apart (results name a model by it)
    assert again.path.name == model.path.name + "-2" and again.name == "tiny (2)"
    assert read_card(again.path).name == "tiny (2)"
    assert read_card(tmp_path / "tiny-site").name == "tiny"  # the folder imported: as it was
    assert model_named(" TINY ").path == model.path and model_named("tiny (3)") is None
    assert unused_name("Tiny") == "Tiny (3)" and unused_name("branch") == "branch"
    listed = list_models()
    assert [m.path for m in listed[len(before) :]] == [model.path, again.path]
    with pytest.raises(SigverifyError, match="active model"):
        delete_model(model, active=model.path)
    delete_model(model, active=again.path)
    assert not model.path.exists()
    if before:
        with pytest.raises(SigverifyError, match="ships with sigverify"):
            delete_model(before[0], active=None)


def test_a_folder_that_is_not_a_model_is_refused(tmp_path):
    (tmp_path / "notes").mkdir()
    with pytest.raises(ModelFileError, match="not a sigverify model folder"):
        import_model(tmp_path / "notes")
    assert list(installed_models_dir().iterdir()) == []


def test_a_card_without_its_weights_is_refused_by_the_folder_it_came_in(tiny_model_dir, tmp_path):
    """Seen in a real window: a folder holding a listed model's card alone was refused as
    "The model “cedar10-2ep-2” has no weights file", the name of a copy the user never saw."""
    import_model(tiny_model_dir)
    card_only = tmp_path / "cardonly"
    card_only.mkdir()
    shutil.copy(tiny_model_dir / "card.json", card_only / "card.json")
    with pytest.raises(ModelFileError) as refused:
        import_model(card_only)
    assert str(refused.value) == "The model “cardonly” has no weights file (model.safetensors)."
    assert len(list(installed_models_dir().iterdir())) == 1  # nothing copied
