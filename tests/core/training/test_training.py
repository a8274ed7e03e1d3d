"""The training engine on synthetic writers with tiny models."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch
from safetensors.torch import load_file

from sigverify.core.data.synthetic import synthetic_bank
from sigverify.core.encoders import create_encoder
from sigverify.core.encoders.embedding import embed_inputs
from sigverify.core.errors import SigverifyError
from sigverify.core.evaluation.protocol import evaluate_embeddings
from sigverify.core.imaging.preprocessing import PreprocessConfig
from sigverify.core.model.card import read_card
from sigverify.core.model.io import load_model
from sigverify.core.training.config import TrainConfig
from sigverify.core.training.engine import build_encoder, learning_rate_at, train_model
from sigverify.core.training.validation import validation_refs
from sigverify.core.training.whitening import SHRINKAGES, within_writer_whitening

SMALL = PreprocessConfig(height=40, width=60)


@pytest.fixture(scope="module")
def small_banks():
    return synthetic_bank(range(12), 4, 2, SMALL), synthetic_bank(range(500, 504), 4, 2, SMALL)


def small_config(**changes) -> TrainConfig:
    values = dict(
        encoder="cnn",
        encoder_config={"width": 4, "embedding_dim": 16},
        epochs=3,
        steps_per_epoch=4,
        batch_size=16,
        augment=0.5,
        validation_refs=3,
        preprocess=SMALL.to_dict(),
        threads=2,
        seed=3,
    )
    return TrainConfig(**{**values, **changes})


def stop_after_epoch_two(progress):
    """Cancels a training once its second epoch is validated."""
    return not (progress.epoch == 2 and progress.validation_eer is not None)


def test_learning_rate_schedule_by_hand():
    # 100 steps, 10 % warm-up: 0.1, 0.2 ... 1.0 x base, then cosine from 1 to 0
    assert learning_rate_at(0, 100, 1.0, 0.1) == pytest.approx(0.1)
    assert learning_rate_at(9, 100, 1.0, 0.1) == pytest.approx(1.0)
    assert learning_rate_at(10, 100, 1.0, 0.1) == pytest.approx(1.0)
    assert learning_rate_at(55, 100, 1.0, 0.1) == pytest.approx(0.5)
    assert learning_rate_at(100, 100, 1.0, 0.1) == pytest.approx(0.0, abs=1e-12)


def test_time_spent_paused_is_not_counted_as_training(small_banks, tmp_path):
    """A pause (the app's wizard waits inside its progress callback) grew the time left
    said after it; the time inside the callback is not the training's."""
    import time

    train, validation = small_banks
    seen = []

    def paused_once(progress):
        if not seen:
            time.sleep(1.5)
        seen.append(progress)

    started = time.perf_counter()
    train_model(train, validation, small_config(epochs=1), tmp_path / "m", on_progress=paused_once)
    wall = time.perf_counter() - started
    assert seen[-1].elapsed_s < wall - 1.4  # the 1.5 s pause left out


def test_progress_card_and_best_model(small_banks, tmp_path):
    train, validation = small_banks
    seen = []
    result = train_model(train, validation, small_config(), tmp_path / "m", on_progress=seen.append)
    assert result.stopped == "completed" and result.epochs_run == 3 and len(result.history) == 3
    phases = [p.phase for p in seen]
    assert phases.count("train") == 12 and phases[-1] == "done"
    fractions = [p.fraction for p in seen if p.phase == "train"]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert all(p.eta_s is None or p.eta_s >= 0 for p in seen)
    # measuring is reported batch by batch too (the app's desk runs its verifications at
    # each report; validating and whitening had none): loss-less "validate" reports
    assert sum(p.phase == "validate" and p.loss is None for p in seen) >= 3
    assert phases.count("whiten") >= 2
    best = min(result.history, key=lambda h: h["validation_eer"])
    assert result.best_epoch == best["epoch"]
    card = read_card(result.model_dir)
    assert card.threshold == pytest.approx(result.threshold)
    assert card.threshold_info["writers"] == "validation" and card.threshold_info["refs"] == 3
    # The best epoch, then whitened if that measured better (see the test below).
    whitening = card.training["whitening"]
    assert whitening["validation_eer_plain"] == pytest.approx(best["validation_eer"])
    chosen = min(whitening["validation_eer_plain"], whitening["validation_eer_whitened"])
    assert card.metrics["validation"]["3"]["eer"] == pytest.approx(chosen)
    assert result.best_validation_eer == pytest.approx(chosen)
    assert whitening["training_writers"] == 12
    assert card.training["config"]["encoder"] == "cnn" and card.preprocess["height"] == 40
    model = load_model(result.model_dir)
    assert model.encoder.config["width"] == 4


def test_cancel_keeps_the_best_model_so_far(small_banks, tmp_path):
    train, validation = small_banks

    def cancel_in_epoch_two(progress):
        return not (progress.epoch == 2 and progress.step == 2)

    result = train_model(
        train, validation, small_config(), tmp_path / "m", on_progress=cancel_in_epoch_two
    )
    assert result.stopped == "cancelled" and result.epochs_run == 1 and result.best_epoch == 1
    assert load_model(result.model_dir).card.training["best_epoch"] == 1


def test_cancel_before_the_first_epoch_ends_saves_nothing(small_banks, tmp_path):
    train, validation = small_banks
    result = train_model(
        train, validation, small_config(), tmp_path / "m", on_progress=lambda p: False
    )
    assert result.stopped == "cancelled" and result.model_dir is None
    assert not (tmp_path / "m" / "model.safetensors").exists()


def test_resume_continues_exactly_where_it_stopped(small_banks, tmp_path):
    train, validation = small_banks
    config = small_config()
    straight = train_model(train, validation, config, tmp_path / "straight")

    first = train_model(
        train, validation, config, tmp_path / "resumed", on_progress=stop_after_epoch_two
    )
    assert first.stopped == "cancelled" and first.epochs_run == 2
    resumed = train_model(train, validation, config, tmp_path / "resumed", resume=True)
    assert resumed.epochs_run == 3
    assert [h["loss"] for h in resumed.history] == pytest.approx(
        [h["loss"] for h in straight.history], rel=1e-5
    )
    with pytest.raises(SigverifyError, match="other settings"):
        train_model(
            train, validation, small_config(learning_rate=0.5), tmp_path / "resumed", resume=True
        )


@pytest.mark.parametrize("whitening_helps", [True, False])
def test_whitening_is_kept_only_when_it_lowers_the_validation_eer(
    small_banks, tmp_path, monkeypatch, whitening_helps
):
    """The validation EER is pinned: 0.30 for the plain network at every epoch, and 0.20
    (helps) or 0.40 (hurts) once whitened. The saved model, its card and the result follow
    the better one."""
    import sigverify.core.training.validation as training

    real = training.measure_embeddings

    def pinned(encoder, *args):
        measured = real(encoder, *args)
        whitened = encoder.whitening is not None
        measured.metrics.eer = (0.2 if whitening_helps else 0.4) if whitened else 0.3
        measured.metrics.eer_threshold = 0.11 if whitened else 0.22
        return measured

    monkeypatch.setattr(training, "measure_embeddings", pinned)
    train, validation = small_banks
    seen = []
    result = train_model(
        train, validation, small_config(epochs=2), tmp_path / "m", on_progress=seen.append
    )
    assert [h["validation_eer"] for h in result.history] == [0.3, 0.3]  # epochs: plain
    assert seen[-2].phase == "whiten" and seen[-1].phase == "done"
    model = load_model(result.model_dir)
    record = model.card.training["whitening"]
    assert record["kept"] is whitening_helps
    assert record["validation_eer_plain"] == 0.3
    assert record["validation_eer_whitened"] == (0.2 if whitening_helps else 0.4)
    assert (model.encoder.whitening is not None) is whitening_helps
    assert result.whitened is whitening_helps
    assert model.card.encoder_config.get("whitened", False) is whitening_helps
    expected_eer, expected_threshold = (0.2, 0.11) if whitening_helps else (0.3, 0.22)
    assert result.best_validation_eer == expected_eer and result.best_epoch == 1
    assert result.threshold == model.card.threshold == expected_threshold
    assert model.card.metrics["validation"]["3"]["eer"] == expected_eer
    assert model.card.training["best_epoch"] == 1
    if whitening_helps:  # the matrix the model carries is the training writers' one
        genuine = train.genuine
        plain = load_model(result.model_dir).encoder
        plain.set_whitening(None)
        matrix = within_writer_whitening(
            embed_inputs(plain, train.images[genuine]), train.writer[genuine], record["shrinkage"]
        )
        assert np.allclose(model.encoder.whitening.numpy(), matrix, atol=1e-5)
        # every shrinkage measured the same here: the lightest is kept
        assert record["shrinkage"] == SHRINKAGES[0]
        assert record["validation_eer_by_shrinkage"] == {str(s): 0.2 for s in SHRINKAGES}
        # Fine-tuning from it starts from the network, not the whitened embeddings.
        encoder = build_encoder(small_config(init_from=str(result.model_dir)))
        assert encoder.whitening is None and "whitened" not in encoder.config


def test_the_validation_writers_choose_how_far_the_whitening_is_shrunk(small_banks, monkeypatch):
    """Each shrinkage of SHRINKAGES is measured on the validation writers (EERs pinned
    here, told apart by the matrix each copy carries); the lowest EER wins, the lighter of
    equals, and its matrix is the one the whitened copy carries."""
    import sigverify.core.training.validation as training

    train, validation = small_banks
    encoder = build_encoder(small_config())
    genuine = train.genuine
    plain = embed_inputs(encoder, train.images[genuine])
    expected = {s: within_writer_whitening(plain, train.writer[genuine], s) for s in SHRINKAGES}
    pinned = dict(zip(SHRINKAGES, (0.3, 0.25, 0.2, 0.2, 0.35), strict=True))
    real = training.measure_embeddings

    def by_matrix(copy, *args):
        measured = real(copy, *args)
        if copy.whitening is None:  # the copy measured without whitening
            measured.metrics.eer = 0.5
            return measured
        (shrinkage,) = [
            s for s, m in expected.items() if np.allclose(copy.whitening.numpy(), m, atol=1e-5)
        ]
        measured.metrics.eer = pinned[shrinkage]
        return measured

    monkeypatch.setattr(training, "measure_embeddings", by_matrix)
    best, record, plain = training.best_whitened(encoder, train, validation, 3, "euclidean", "cpu")
    assert plain.metrics.eer == 0.5 and plain.encoder.whitening is None
    assert record["shrinkage"] == SHRINKAGES[2]  # 0.2 twice: the lighter one
    assert record["validation_eer_by_shrinkage"] == {str(s): e for s, e in pinned.items()}
    assert record["training_writers"] == 12
    assert best.metrics.eer == 0.2
    assert np.allclose(best.encoder.whitening.numpy(), expected[SHRINKAGES[2]], atol=1e-5)
    assert encoder.whitening is None  # the encoder given is left as it was


def test_the_validation_writers_are_whitened_as_the_encoder_would(small_banks):
    """best_whitened embeds the validation writers once and whitens those embeddings for
    each shrinkage: the same as the whitened encoder's own embeddings, and the same
    measure as embedding them with it."""
    from sigverify.core.training.validation import best_whitened, measure, whiten

    train, validation = small_banks
    encoder = build_encoder(small_config())
    genuine = train.genuine
    matrix = within_writer_whitening(
        embed_inputs(encoder, train.images[genuine]), train.writer[genuine], 0.1
    )
    whitened = build_encoder(small_config())
    whitened.load_state_dict(encoder.state_dict())
    whitened.set_whitening(matrix)
    plain = embed_inputs(encoder, validation.images)
    direct = embed_inputs(whitened, validation.images)
    assert np.abs(whiten(plain, matrix) - direct).max() < 1e-5
    assert not np.allclose(plain, direct, atol=1e-3)  # the whitening does move them
    best, record, unwhitened = best_whitened(encoder, train, validation, 3, "euclidean", "cpu")
    again = measure(best.encoder, validation, 3, "euclidean", "cpu")
    assert (
        best.metrics.eer
        == again.metrics.eer
        == record["validation_eer_by_shrinkage"][str(record["shrinkage"])]
    )
    assert np.allclose(best.scores.genuine, again.scores.genuine, atol=1e-5)
    assert unwhitened.metrics.eer == measure(encoder, validation, 3, "euclidean", "cpu").metrics.eer


def test_early_stopping_when_nothing_improves(small_banks, tmp_path, monkeypatch):
    """The validation EER is pinned at 0.3 every epoch (BatchNorm statistics would move
    even with a zero learning rate): the first epoch is the best, and with patience 1
    training stops after the second."""
    import sigverify.core.training.validation as training

    real = training.evaluate_embeddings

    def flat_evaluation(*args, **kwargs):
        report = real(*args, **kwargs)
        for metrics in report.per_refs.values():
            metrics.eer = 0.3
        return report

    monkeypatch.setattr(training, "evaluate_embeddings", flat_evaluation)
    train, validation = small_banks
    result = train_model(train, validation, small_config(patience=1, epochs=5), tmp_path / "m")
    assert result.stopped == "early_stopping" and result.epochs_run == 2 and result.best_epoch == 1
    assert [h["validation_eer"] for h in result.history] == [0.3, 0.3]


@pytest.mark.parametrize(
    "loss,mining", [("triplet", "batch_hard"), ("triplet", "random"), ("contrastive", "")]
)
def test_every_loss_trains(small_banks, tmp_path, loss, mining):
    train, validation = small_banks
    config = small_config(loss=loss, mining=mining or "batch_hard", epochs=1, steps_per_epoch=3)
    result = train_model(train, validation, config, tmp_path / "m")
    assert result.model_dir is not None and math.isfinite(result.history[0]["loss"])


@pytest.mark.parametrize("setting, weight", [("classify", 0.5), ("reference_set", 1.0)])
def test_an_added_loss_trains_resumes_and_leaves_nothing_in_the_model(
    small_banks, tmp_path, setting, weight
):
    """Writer classification and the reference-set loss, added to batch-hard triplets."""
    train, validation = small_banks
    config = small_config(loss="triplet", mining="batch_hard", **{setting: weight})
    straight = train_model(train, validation, config, tmp_path / "straight")
    plain = train_model(train, validation, small_config(loss="triplet"), tmp_path / "plain")
    # same batches and start: the added term (never negative) makes the first loss larger
    assert straight.history[0]["loss"] > plain.history[0]["loss"]

    train_model(train, validation, config, tmp_path / "resumed", on_progress=stop_after_epoch_two)
    resumed = train_model(train, validation, config, tmp_path / "resumed", resume=True)
    assert [h["loss"] for h in resumed.history] == pytest.approx(
        [h["loss"] for h in straight.history], rel=1e-5
    )
    # the saved model is the encoder alone: the classifier's class weights are left behind
    saved = load_model(straight.model_dir).encoder.state_dict()
    assert set(saved) == set(load_model(plain.model_dir).encoder.state_dict())
    assert read_card(straight.model_dir).training["config"][setting] == weight


def test_turned_writers_train_with_their_own_classes(small_banks, tmp_path):
    """Four times the writers: the classifier has a class for each turned writer (a batch
    label past the 24 classes of the 12 writers would fail), and the card says so."""
    train, validation = small_banks
    config = small_config(loss="triplet", turned_writers=3, classify=0.5, epochs=1)
    result = train_model(train, validation, config, tmp_path / "m")
    assert math.isfinite(result.history[0]["loss"])
    assert read_card(result.model_dir).training["config"]["turned_writers"] == 3
    plain = train_model(train, validation, small_config(loss="triplet", epochs=1), tmp_path / "p")
    assert result.history[0]["loss"] != plain.history[0]["loss"]


def test_tdnn_trains(small_banks, tmp_path):
    train, validation = small_banks
    config = small_config(
        encoder="tdnn",
        encoder_config={"width": 4, "channels": 16, "embedding_dim": 16},
        epochs=1,
        steps_per_epoch=3,
    )
    result = train_model(train, validation, config, tmp_path / "m")
    assert load_model(result.model_dir).encoder.config["image_height"] == 40


def test_fine_tuning_starts_from_the_given_model(small_banks, tmp_path):
    train, validation = small_banks
    first = train_model(train, validation, small_config(epochs=1), tmp_path / "base")
    encoder = build_encoder(small_config(init_from=str(first.model_dir)))
    saved = load_model(first.model_dir).encoder.state_dict()
    assert all(torch.equal(saved[k], v) for k, v in encoder.state_dict().items())
    with pytest.raises(SigverifyError, match="different encoder or image size"):
        build_encoder(
            small_config(init_from=str(first.model_dir), preprocess={"height": 48, "width": 72})
        )


def test_fine_tuning_an_ensemble_trains_its_networks_together(small_banks, tmp_path):
    """The shipped default is an ensemble of two CNNs: "Fine-tune the active model" with the
    CNN trains both on their joined embedding (it was refused as another encoder). A
    member's own whitening is dropped first, as a single network's is."""
    from sigverify.core.encoders.ensemble import EnsembleEncoder
    from sigverify.core.model.io import save_model

    train, validation = small_banks
    nets = [
        load_model(
            train_model(
                train, validation, small_config(epochs=1, init_seed=i), tmp_path / f"n{i}"
            ).model_dir
        )
        for i in (0, 1)
    ]
    nets[0].encoder.set_whitening(None)  # kept or not by training: one whitens here
    nets[1].encoder.set_whitening(torch.eye(16) * 2)
    ensemble = EnsembleEncoder(
        [{"encoder": n.card.encoder, "config": dict(n.encoder.config)} for n in nets], [1.0, 0.5]
    )
    for member, net in zip(ensemble.members, nets, strict=True):
        member.load_state_dict(net.encoder.state_dict())
    folder = save_model(ensemble, nets[0].card, tmp_path / "ensemble")
    card = load_model(folder).card
    assert card.encoder_config["members"][1]["config"]["whitened"] is True
    assert card.encoder_family == "cnn" and not card.whitened  # one member whitens, not both

    encoder = build_encoder(small_config(init_from=str(folder)))
    assert encoder.name == "ensemble" and encoder.weights == [1.0, 0.5]
    assert all(m.whitening is None for m in encoder.members)
    assert all("whitened" not in m["config"] for m in encoder.config["members"])
    start = {k: v.clone() for k, v in encoder.state_dict().items()}
    assert all(
        torch.equal(
            start[f"members.{i}.head.5.weight"], nets[i].encoder.state_dict()["head.5.weight"]
        )
        for i in (0, 1)
    )

    result = train_model(
        train, validation, small_config(epochs=1, init_from=str(folder)), tmp_path / "tuned"
    )
    tuned = load_model(result.model_dir)
    assert tuned.card.encoder == "ensemble" and tuned.encoder.embedding_dim == 32
    assert tuned.card.whitened is (tuned.encoder.whitening is not None) is result.whitened
    for i in (0, 1):  # both networks moved
        key = f"members.{i}.head.5.weight"
        assert not torch.equal(tuned.encoder.state_dict()[key], start[key])
    with pytest.raises(SigverifyError, match="different encoder"):
        build_encoder(small_config(init_from=str(folder), encoder="tdnn"))
    # the desk verifies through ONNX: the tuned ensemble exports and embeds alike
    from sigverify.core.model.export import export_onnx
    from sigverify.core.model.inference import load_for_inference

    export_onnx(result.model_dir)
    images = validation.images[:6]
    expected = embed_inputs(tuned.encoder, images)
    assert np.abs(load_for_inference(result.model_dir).embed(images) - expected).max() < 1e-4


def test_bad_settings_are_refused(small_banks, tmp_path):
    train, validation = small_banks
    with pytest.raises(SigverifyError, match="Unknown loss"):
        train_model(train, validation, small_config(loss="arcface"), tmp_path / "m")
    with pytest.raises(SigverifyError, match="at least"):
        train_model(train, validation, small_config(epochs=0), tmp_path / "m")
    with pytest.raises(SigverifyError, match="batch-hard"):
        train_model(train, validation, small_config(loss="contrastive", classify=1), tmp_path / "m")
    with pytest.raises(SigverifyError, match="reference-set loss"):
        train_model(
            train, validation, small_config(loss="triplet", reference_set=-1), tmp_path / "m"
        )
    for turned in ({"turned_writers": 2}, {"turned_writers": 1, "loss": "contrastive"}):
        with pytest.raises(SigverifyError, match="Turned writers are 0, 1 or 3"):
            train_model(train, validation, small_config(**turned), tmp_path / "m")


def test_validation_references_fall_back_and_too_few_are_refused(small_banks, tmp_path):
    # 4 genuine signatures per writer: 5 references would leave no query, 3 leave one.
    train, validation = small_banks
    assert validation_refs(validation, 5) == 3
    assert validation_refs(validation, 1) == 1
    lone = synthetic_bank(range(500, 504), 1, 2, SMALL)  # a reference but no query
    with pytest.raises(SigverifyError, match="too few genuine signatures"):
        validation_refs(lone)
    with pytest.raises(SigverifyError, match="too few genuine signatures"):
        train_model(train, lone, small_config(), tmp_path / "m")
    assert not (tmp_path / "m").exists()


def test_training_learns_to_tell_held_out_writers_apart(tmp_path):
    """Writer-independent learning: on 30 synthetic writers never seen in training, the
    trained network separates skilled and random forgeries from genuine signatures far
    better than chance, and better than the same network before training."""
    # The ink as scanned: an untrained network on redrawn strokes already reaches AUC 0.75
    # on these synthetic writers, which leaves too little room to show the learning.
    size = PreprocessConfig(height=48, width=72, stroke_width=0)
    train = synthetic_bank(range(120), 4, 2, size)
    # 40 validation writers: with 16, the epoch chosen on them was often a poor one.
    validation = synthetic_bank(range(1000, 1040), 5, 2, size)
    test = synthetic_bank(range(2000, 2030), 6, 3, size)
    config = TrainConfig(
        encoder="cnn",
        encoder_config={"width": 8, "embedding_dim": 32},
        epochs=8,
        steps_per_epoch=50,
        batch_size=32,
        augment=0.0,
        validation_refs=3,
        patience=10,
        preprocess=size.to_dict(),
        threads=2,
        seed=0,
    )
    result = train_model(train, validation, config, tmp_path / "m")
    assert result.history[-1]["loss"] < 0.5 * result.history[0]["loss"]

    trained = load_model(result.model_dir)
    assert trained.card.reference_spread > 0
    metrics = evaluate_embeddings(
        embed_inputs(trained.encoder, test.images),
        test,
        [3],
        reference_spread=trained.card.reference_spread,  # scored as verification scores
    ).per_refs[3]
    torch.manual_seed(0)
    untrained = create_encoder("cnn", width=8, embedding_dim=32)
    before = evaluate_embeddings(embed_inputs(untrained, test.images), test, [3]).per_refs[3]

    assert metrics.writers == 30 and metrics.skilled_queries == 90
    assert metrics.eer_random <= 0.15  # chance: 0.5
    assert metrics.auc >= 0.72 and metrics.eer <= 0.35  # skilled forgeries; chance: 0.5
    assert metrics.auc >= before.auc + 0.04
    assert np.isfinite(metrics.eer_per_writer_mean)


def test_init_seed_changes_the_start_not_the_recipe(small_banks, tmp_path):
    train, validation = small_banks
    plain = train_model(train, validation, small_config(epochs=1), tmp_path / "plain")
    same = train_model(train, validation, small_config(epochs=1, init_seed=3), tmp_path / "same")
    other = train_model(train, validation, small_config(epochs=1, init_seed=4), tmp_path / "other")
    assert same.history[0]["loss"] == pytest.approx(plain.history[0]["loss"], rel=1e-6)
    assert other.history[0]["loss"] != pytest.approx(plain.history[0]["loss"], rel=1e-3)
    assert read_card(other.model_dir).training["config"]["init_seed"] == 4


def ema_config(**changes) -> TrainConfig:
    return small_config(**{"loss": "triplet", "ema": 0.9, "patience": 100, **changes})


def test_the_average_is_what_is_validated_and_kept(small_banks, tmp_path):
    train, validation = small_banks
    averaged = train_model(train, validation, ema_config(epochs=1), tmp_path / "ema")
    plain = train_model(train, validation, ema_config(epochs=1, ema=0.0), tmp_path / "plain")
    # the same steps (the average does not touch the training)...
    assert averaged.history[0]["loss"] == pytest.approx(plain.history[0]["loss"], rel=1e-6)
    state = load_file(str(tmp_path / "ema" / "checkpoint" / "state.safetensors"))
    kept = load_model(averaged.model_dir).encoder.state_dict()
    weight = "features.0.weight" if "features.0.weight" in kept else next(iter(kept))
    # ...but the model kept is the average, not the last step's weights
    assert torch.equal(kept[weight], state[f"average.{weight}"])
    assert not torch.allclose(kept[weight], state[f"model.{weight}"])
    assert read_card(averaged.model_dir).training["config"]["ema"] == 0.9


def test_resume_continues_the_average_exactly(small_banks, tmp_path):
    train, validation = small_banks
    straight = train_model(train, validation, ema_config(), tmp_path / "straight")

    train_model(
        train, validation, ema_config(), tmp_path / "resumed", on_progress=stop_after_epoch_two
    )
    resumed = train_model(train, validation, ema_config(), tmp_path / "resumed", resume=True)
    assert [h["validation_eer"] for h in resumed.history] == pytest.approx(
        [h["validation_eer"] for h in straight.history]
    )
    one = load_file(str(tmp_path / "straight" / "checkpoint" / "state.safetensors"))
    two = load_file(str(tmp_path / "resumed" / "checkpoint" / "state.safetensors"))
    averages = [k for k in one if k.startswith("average.")]
    assert averages and all(torch.allclose(one[k], two[k], atol=1e-6) for k in averages)


@pytest.mark.parametrize("decay", [-0.1, 1.0])
def test_a_decay_outside_0_to_1_is_refused(small_banks, tmp_path, decay):
    train, validation = small_banks
    with pytest.raises(SigverifyError, match="weight average"):
        train_model(train, validation, ema_config(ema=decay), tmp_path / "m")
