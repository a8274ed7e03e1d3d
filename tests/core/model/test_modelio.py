"""Model folders: written with a card, refused with a clear message when anything is off."""

from __future__ import annotations

import json

import numpy as np
import pytest
import torch

from sigverify.core.encoders import create_encoder, list_encoders
from sigverify.core.encoders.embedding import embed_inputs
from sigverify.core.errors import ModelFileError
from sigverify.core.model.card import (
    CARD_FORMAT,
    ENCODER_NAMES,
    SCORES_FILE,
    ModelCard,
    read_card,
    read_scores,
    write_card,
    write_scores,
)
from sigverify.core.model.io import load_model, save_model
from sigverify.core.scoring import ScoreSet


@pytest.fixture
def model_dir(tmp_path):
    torch.manual_seed(0)
    encoder = create_encoder("cnn", width=4, embedding_dim=8)
    card = ModelCard(
        name="demo",
        encoder="cnn",
        encoder_config={},
        preprocess={"height": 48, "width": 72},
        threshold=0.42,
        threshold_info={"method": "EER threshold"},
    )
    return save_model(encoder, card, tmp_path / "demo")


def test_card_records_encoder_size_and_checksum(model_dir):
    card = json.loads((model_dir / "card.json").read_text())
    assert card["encoder"] == "cnn" and card["encoder_config"]["width"] == 4
    assert card["embedding_dim"] == 8 and card["parameters"] > 0
    assert len(card["weights_sha256"]) == 64 and card["format"] == CARD_FORMAT
    assert card["preprocess"] == {"height": 48, "width": 72}
    assert sorted(p.name for p in model_dir.iterdir()) == ["card.json", "model.safetensors"]
    loaded = load_model(model_dir)
    assert loaded.preprocess.height == 48 and not loaded.encoder.training


def _edit_card(model_dir, **changes):
    card = json.loads((model_dir / "card.json").read_text())
    card.update(changes)
    (model_dir / "card.json").write_text(json.dumps(card))


def test_missing_folder_and_not_a_model(tmp_path):
    with pytest.raises(ModelFileError, match="does not exist"):
        load_model(tmp_path / "none")
    (tmp_path / "photos").mkdir()
    with pytest.raises(ModelFileError, match="not a sigverify model folder"):
        load_model(tmp_path / "photos")


def test_damaged_card(model_dir):
    """Said in words, not Python's (seen in a real window: "ModelCard.__init__() missing 3
    required positional arguments…", "'utf-8' codec can't decode byte 0xff…")."""
    name = model_dir.name
    for text, said in [
        (b"{ not json", "it is not a card's JSON text"),
        (b'{"name": "\xff\xfe"}', "it is not a card's JSON text"),  # not UTF-8
        (b"[1, 2]", "it is not a card's JSON text"),
        (b'{"name": "hello"}', "it lacks encoder, encoder_config, preprocess"),
    ]:
        (model_dir / "card.json").write_bytes(text)
        with pytest.raises(ModelFileError) as refused:
            read_card(model_dir)
        assert str(refused.value) == f"The model card of “{name}” is damaged ({said}).", text


def test_card_from_a_newer_version(model_dir):
    _edit_card(model_dir, format=CARD_FORMAT + 1)
    with pytest.raises(ModelFileError, match="newer sigverify"):
        load_model(model_dir)


def test_unknown_encoder(model_dir):
    _edit_card(model_dir, encoder="vit")
    with pytest.raises(ModelFileError, match="does not know"):
        load_model(model_dir)


def test_replaced_or_damaged_weights(model_dir):
    data = bytearray((model_dir / "model.safetensors").read_bytes())
    data[-5] ^= 0xFF
    (model_dir / "model.safetensors").write_bytes(bytes(data))
    with pytest.raises(ModelFileError, match="do not match its card"):
        load_model(model_dir)


def test_a_card_without_weights_checksum_is_refused(model_dir):
    """Without the checksum any weights file would be trusted (other weights then decide)."""
    _edit_card(model_dir, weights_sha256="")
    with pytest.raises(ModelFileError, match="no weights checksum"):
        load_model(model_dir)


def test_weights_that_do_not_fit_the_card(model_dir):
    card = json.loads((model_dir / "card.json").read_text())
    card["encoder_config"]["width"] = 8  # the weights were made with width 4
    (model_dir / "card.json").write_text(json.dumps(card))
    with pytest.raises(ModelFileError, match="do not fit the encoder"):
        load_model(model_dir)


def test_missing_weights(model_dir):
    (model_dir / "model.safetensors").unlink()
    with pytest.raises(ModelFileError, match="no weights file"):
        load_model(model_dir)


def test_cards_know_exactly_the_registered_encoders():
    # read_card checks encoder names without importing torch; the list must not drift
    assert sorted(ENCODER_NAMES) == list_encoders()


def test_card_with_torch_values_is_written_as_text(model_dir):
    card = read_card(model_dir)
    card.training = {"device": torch.device("cpu"), "folder": model_dir, "seed": np.int64(3)}
    write_card(card, model_dir)
    assert json.loads((model_dir / "card.json").read_text())["training"] == {
        "device": "cpu",
        "folder": str(model_dir),
        "seed": 3,
    }


def test_loaded_model_embeds_with_its_folded_encoder(model_dir):
    model = load_model(model_dir)
    images = np.random.default_rng(0).integers(0, 256, (3, 48, 72), dtype=np.uint8)
    embeddings = model.embed(images)
    assert embeddings.shape == (3, 8)
    assert np.allclose(embeddings, embed_inputs(model.encoder, images), atol=1e-5)
    assert np.allclose(np.linalg.norm(embeddings, axis=1), 1.0, atol=1e-5)


def test_no_pickle_is_written(model_dir):
    for path in model_dir.iterdir():
        assert not path.read_bytes().startswith(b"\x80")  # pickle protocol header


def test_validation_scores_round_trip(tmp_path):
    scores = ScoreSet(
        refs=5,
        genuine=np.array([0.1, 0.2]),
        skilled=np.array([0.5]),
        random=np.array([0.9, 1.1, 1.3]),
        genuine_writer=np.array([0, 1]),
        skilled_writer=np.array([1]),
        random_writer=np.array([0, 0, 1]),
    )
    assert read_scores(tmp_path) is None
    write_scores(scores, tmp_path)
    again = read_scores(tmp_path)
    assert again.refs == 5
    assert again.random.tolist() == [0.9, 1.1, 1.3] and again.skilled_writer.tolist() == [1]
    (tmp_path / SCORES_FILE).write_text('{"refs": 5}')
    with pytest.raises(ModelFileError, match="damaged"):
        read_scores(tmp_path)


def test_training_keeps_the_validation_scores(tiny_model_dir):
    scores = read_scores(tiny_model_dir)
    card = read_card(tiny_model_dir)
    assert scores.refs == card.threshold_info["refs"]
    assert len(scores.genuine) > 0 and len(scores.skilled) > 0


def test_model_files_are_readable_by_others(model_dir):
    for name in ("card.json", "model.safetensors"):
        assert (model_dir / name).stat().st_mode & 0o004, name


# ------------------------------------------------------------------ cards edited by hand


@pytest.mark.parametrize(
    "changes,why",
    [
        ({"distance": "manhattan"}, "unknown distance"),
        ({"calibration": [1.0]}, "calibration must be two numbers"),
        ({"preprocess": {"height": 0, "width": 220}}, "height must be 16-1024"),
        ({"preprocess": {"height": 150, "width": 2500}}, "width must be 16-1024"),
        ({"accept_threshold": 0.5, "reject_threshold": 0.4}, "accept threshold is above"),
        ({"threshold": 1e308}, "threshold must be a number from 0 to 10"),
        ({"reject_threshold": float("nan")}, "accept and reject thresholds"),
        ({"reference_spread": -1}, "reference_spread"),
        ({"name": 7}, "name must be a str"),
        ({"metrics": []}, "metrics must be a dict"),
        ({"embedding_dim": "16"}, "embedding_dim must be a whole number"),
        ({"weights_sha256": "abc"}, "weights_sha256 is not a SHA-256"),
    ],
)
def test_an_unsound_card_is_refused_when_read(model_dir, changes, why):
    """Before, such cards were activated and then every verify exited 1, or (1e308, an
    accept threshold above the reject one) accepted forgeries."""
    _edit_card(model_dir, **changes)
    with pytest.raises(ModelFileError, match=why):
        read_card(model_dir)


def test_a_deeply_nested_card_is_a_clear_error(model_dir):
    (model_dir / "card.json").write_text("[" * 100_000 + "]" * 100_000)
    with pytest.raises(ModelFileError, match="damaged"):
        read_card(model_dir)


def test_weights_with_invalid_numbers_are_refused(model_dir):
    from safetensors.torch import load_file, save_file

    from sigverify.core.model.card import file_sha256

    state = load_file(str(model_dir / "model.safetensors"))
    first = next(iter(state))
    state[first] = state[first] * float("nan")
    save_file(state, str(model_dir / "model.safetensors"))
    _edit_card(model_dir, weights_sha256=file_sha256(model_dir / "model.safetensors"))
    with pytest.raises(ModelFileError, match="invalid numbers"):
        load_model(model_dir)


def test_the_distance_names_match_the_distances_torch_computes():
    from sigverify.core.model.card_checks import DISTANCE_NAMES
    from sigverify.core.training.distances import DISTANCES

    assert set(DISTANCE_NAMES) == set(DISTANCES)


def test_accuracy_summary_prefers_the_mean_over_writer_splits(tiny_model_dir):
    from sigverify.core.model.card import accuracy_summary, read_card

    card = read_card(tiny_model_dir)
    card.metrics = {
        "test": {
            "writers": 71,
            "per_refs": {
                "3": {"eer": 0.098, "frr": 0.12, "far_skilled": 0.084},
                "5": {"eer": 0.086, "frr": 0.076, "far_skilled": 0.092},
            },
        }
    }
    own = accuracy_summary(card)
    assert (own.refs, own.writers, own.eer, own.splits) == (5, 71, 0.086, 1)
    assert accuracy_summary(card, refs=4).refs == 3  # the nearest count below
    card.metrics["test_over_splits"] = {
        "seeds": [0, 1, 2],
        "per_refs": {
            "5": {"eer": {"mean": 0.102}, "frr": {"mean": 0.105}, "far_skilled": {"mean": 0.103}}
        },
    }
    mean = accuracy_summary(card)
    assert (mean.refs, mean.writers, mean.splits) == (5, 71, 3)
    assert (mean.eer, mean.genuine_refused, mean.forgeries_accepted) == (0.102, 0.105, 0.103)
    card.metrics["test_over_splits"]["seeds"] = [0]  # one split is no mean: the card's own
    assert accuracy_summary(card).splits == 1


def test_what_a_card_says_of_its_networks_and_training():
    """What fine-tuning starts from: the networks' kind, how many, and the loss."""
    single = ModelCard(
        name="one", encoder="cnn", encoder_config={"width": 4}, preprocess={},
        training={"config": {"loss": "contrastive"}},
    )  # fmt: skip
    assert (single.encoder_family, single.members, single.trained_loss) == (
        "cnn",
        [],
        "contrastive",
    )
    ensemble = ModelCard(
        name="two",
        encoder="ensemble",
        encoder_config={"members": [{"encoder": "cnn", "config": {"whitened": True}}] * 2},
        preprocess={},
        training={"ensemble_of": [{"command": "sigverify train --data d --loss triplet --lr 1"}]},
    )
    assert ensemble.encoder_family == "cnn" and len(ensemble.members) == ensemble.networks == 2
    assert ensemble.trained_loss == "triplet" and ensemble.whitened
    mixed = ModelCard(
        name="mixed",
        encoder="ensemble",
        encoder_config={"members": [{"encoder": "cnn"}, {"encoder": "tdnn"}]},
        preprocess={},
        training={"ensemble_of": [{"command": None}]},
    )
    assert mixed.encoder_family == "ensemble" and mixed.trained_loss is None
    assert not mixed.whitened
