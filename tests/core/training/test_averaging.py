"""The running average of the weights (``--ema``)."""

from __future__ import annotations

import math

import pytest
import torch
from safetensors.torch import load_file

from sigverify.core.data.synthetic import synthetic_bank
from sigverify.core.errors import SigverifyError
from sigverify.core.imaging.preprocessing import PreprocessConfig
from sigverify.core.model.card import read_card
from sigverify.core.model.io import load_model
from sigverify.core.training.averaging import WeightAverage
from sigverify.core.training.config import TrainConfig
from sigverify.core.training.engine import train_model

SMALL = PreprocessConfig(height=40, width=60)


def test_the_average_follows_the_weights_by_hand():
    net = torch.nn.Sequential(torch.nn.Linear(1, 1, bias=False), torch.nn.BatchNorm1d(1))
    with torch.no_grad():
        net[0].weight.fill_(1.0)
    average = WeightAverage(net, decay=0.5)
    with torch.no_grad():
        net[0].weight.fill_(12.0)
        net[1].num_batches_tracked.fill_(7)
    average.update(net)  # decay min(0.5, 2/11): 1 + (1 - 2/11) * (12 - 1) = 10
    assert average.model[0].weight.item() == pytest.approx(10.0)
    assert average.model[1].num_batches_tracked.item() == 7  # counters are copied
    with torch.no_grad():
        net[0].weight.fill_(0.0)
    average.update(net)  # decay min(0.5, 3/12) = 0.25: 10 + 0.75 * (0 - 10) = 2.5
    assert average.model[0].weight.item() == pytest.approx(2.5)
    for _ in range(20):  # the decay rises 4/13, 5/14, ... to 0.5 at the 8th step, then stays
        average.update(net)
    assert average.current_decay() == 0.5
    decays = [4 / 13, 5 / 14, 6 / 15, 7 / 16, 8 / 17] + [0.5] * 15
    assert average.model[0].weight.item() == pytest.approx(2.5 * math.prod(decays))
    assert not any(p.requires_grad for p in average.model.parameters())
    assert net[0].weight.item() == 0.0  # the trained network is left alone


@pytest.fixture(scope="module")
def small_banks():
    return synthetic_bank(range(12), 4, 2, SMALL), synthetic_bank(range(500, 504), 4, 2, SMALL)


def config(**changes) -> TrainConfig:
    values = dict(
        encoder="cnn",
        encoder_config={"width": 4, "embedding_dim": 16},
        loss="triplet",
        epochs=3,
        steps_per_epoch=4,
        batch_size=16,
        validation_refs=3,
        preprocess=SMALL.to_dict(),
        threads=2,
        seed=3,
        ema=0.9,
        patience=100,
    )
    return TrainConfig(**{**values, **changes})


def test_the_average_is_what_is_validated_and_kept(small_banks, tmp_path):
    train, validation = small_banks
    averaged = train_model(train, validation, config(epochs=1), tmp_path / "ema")
    plain = train_model(train, validation, config(epochs=1, ema=0.0), tmp_path / "plain")
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
    straight = train_model(train, validation, config(), tmp_path / "straight")

    def stop_after_epoch_two(progress):
        return not (progress.epoch == 2 and progress.validation_eer is not None)

    train_model(train, validation, config(), tmp_path / "resumed", on_progress=stop_after_epoch_two)
    resumed = train_model(train, validation, config(), tmp_path / "resumed", resume=True)
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
        train_model(train, validation, config(ema=decay), tmp_path / "m")
