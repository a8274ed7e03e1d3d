"""The pen model: the same training engine on pen recordings (synthetic writers written as
SVC2004 files), through to its card, its ONNX file and its test figures."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest

from sigverify import cli
from sigverify.core.data.datasets import read_dataset
from sigverify.core.data.pen_bank import SEQUENCE_FEATURES, PenBank
from sigverify.core.errors import ModelFileError, SigverifyError
from sigverify.core.evaluation.fusion import (
    choose_weights,
    folder_eer,
    fused_scores,
    weight_grid,
)
from sigverify.core.model.card import read_card
from sigverify.core.model.io import load_model
from sigverify.core.model.onnx import load_onnx_model
from sigverify.core.scoring import ScoreSet
from sigverify.core.training.engine import train_model
from sigverify.core.training.run import TrainingPlan, run_training
from sigverify.core.verification import model_id_of
from tests.conftest import tiny_pen_config, write_pen_dataset

LENGTH = 64


def pen_config(**changes):
    return tiny_pen_config(**changes)


@pytest.fixture(scope="module")
def pen_run(tmp_path_factory):
    root = write_pen_dataset(tmp_path_factory.mktemp("pen"), range(20), genuine=5, forged=2)
    out = tmp_path_factory.mktemp("models") / "pen"
    plan = TrainingPlan(
        datasets=[read_dataset(root, "auto")],
        config=pen_config(),
        out_dir=out,
        name="pen-tiny",
        validation=0.2,
        test=0.2,
    )
    seen = []
    run = run_training(plan, on_progress=seen.append)
    run.data_root = root  # where its recordings are, for fitting the fusion
    run.seen = seen
    return run


def test_the_run_reports_its_test_measure_after_the_training(pen_run):
    """The test people measured after the training: reported (the app's desk runs its
    verifications at each report; this had none), step by step up to all of them."""
    phases = [p.phase for p in pen_run.seen]
    done = phases.index("done")
    tests = [p for p in pen_run.seen[done + 1 :]]
    assert tests and {p.phase for p in tests} == {"test"}
    assert tests[-1].step == tests[-1].steps == 4 * 7


def test_a_pen_model_is_trained_and_carried_like_an_image_model(pen_run):
    assert pen_run.result.model_dir is not None and isinstance(pen_run.test_bank, PenBank)
    card = read_card(pen_run.result.model_dir)
    assert card.input == "pen" and card.encoder == "tdnn"
    assert card.preprocess == {"pen_length": LENGTH, "features": list(SEQUENCE_FEATURES)}
    assert card.encoder_config["input_kind"] == "trajectory"
    assert card.encoder_config["trajectory_channels"] == len(SEQUENCE_FEATURES)
    assert card.training["images"] == {"train": 12 * 7, "validation": 4 * 7, "test": 4 * 7}
    assert card.metrics["test"]["writers"] == 4 and "3" in card.metrics["test"]["per_refs"]
    assert card.threshold > 0 and card.reference_spread > 0
    history = pen_run.result.history
    assert history[-1]["loss"] < history[0]["loss"]
    assert pen_run.test_report.per_refs[3].auc >= 0.9  # synthetic writers: easily told apart


def test_the_pen_model_runs_the_same_in_onnx_runtime(pen_run):
    folder = pen_run.result.model_dir
    sequences = pen_run.test_bank.inputs
    torch_model = load_model(folder)
    onnx_model = load_onnx_model(folder, threads=1, gpu=False)
    assert onnx_model.card.onnx_sha256 == read_card(folder).onnx_sha256 != ""
    assert np.abs(onnx_model.embed(sequences) - torch_model.embed(sequences)).max() < 1e-4


def test_pen_settings_that_cannot_work_are_refused(tmp_path):
    bank = PenBank.from_writers(
        read_dataset(write_pen_dataset(tmp_path / "d", range(4), 4, 1)).writers, LENGTH
    )
    with pytest.raises(SigverifyError, match="tdnn"):
        train_model(bank, bank, pen_config(encoder="cnn"), tmp_path / "m")
    with pytest.raises(SigverifyError, match="Unknown input"):
        train_model(bank, bank, pen_config(input="sound"), tmp_path / "m")


def test_a_pen_card_with_an_impossible_length_is_refused(pen_run, tmp_path):
    folder = pen_run.result.model_dir
    card = json.loads((folder / "card.json").read_text())
    card["preprocess"]["pen_length"] = 10**7
    (tmp_path / "card.json").write_text(json.dumps(card))
    with pytest.raises(ModelFileError, match="pen_length"):
        read_card(tmp_path)
    card["input"] = "smell"
    (tmp_path / "card.json").write_text(json.dumps(card))
    with pytest.raises(ModelFileError, match="unknown input"):
        read_card(tmp_path)


def test_fused_scores_are_the_mean_of_each_score_over_its_scale():
    def scores(genuine, skilled):
        return ScoreSet(refs=3, genuine=np.array(genuine), skilled=np.array(skilled),
                        random=np.zeros(0), genuine_writer=np.array([0, 1]),
                        skilled_writer=np.array([0]), random_writer=np.zeros(0, int))  # fmt: skip

    pen, image = scores([1.0, 2.0], [6.0]), scores([4.0, 8.0], [4.0])
    fused = fused_scores({"pen": pen, "image": image}, {"pen": 2.0, "image": 4.0})
    assert fused.genuine.tolist() == [0.75, 1.5]  # (1/2 + 4/4) / 2, (2/2 + 8/4) / 2
    assert fused.skilled.tolist() == [2.0]  # (6/2 + 4/4) / 2
    assert fused.genuine_writer.tolist() == [0, 1]
    weighted = fused_scores({"pen": pen, "image": image}, {"pen": 2.0, "image": 4.0},
                            {"pen": 0.8, "image": 0.2})  # fmt: skip
    assert weighted.genuine.tolist() == pytest.approx([0.6, 1.2])  # 0.8 * 1/2 + 0.2 * 4/4, ...
    assert weighted.skilled.tolist() == pytest.approx([2.6])  # 0.8 * 6/2 + 0.2 * 4/4


def test_the_weights_share_one_in_tenths_each_member_keeping_a_fifth():
    assert weight_grid(["pen", "image"])[0] == {"pen": 0.5, "image": 0.5}  # alike first
    assert sorted(w["pen"] for w in weight_grid(["pen", "image"])) == pytest.approx(
        [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]
    )
    three = weight_grid(["pen", "dtw", "image"])
    assert len(three) == 15  # 4 tenths beyond the least 0.2 each, shared among 3: C(6, 2)
    assert all(min(w.values()) >= 0.2 - 1e-9 and sum(w.values()) == pytest.approx(1) for w in three)


def test_the_weights_favour_what_separates_each_data_folder_alike():
    def scores(genuine, skilled, writers):
        return ScoreSet(refs=3, genuine=np.array(genuine), skilled=np.array(skilled),
                        random=np.zeros(0), genuine_writer=np.array(writers),
                        skilled_writer=np.array(writers),
                        random_writer=np.zeros(0, int))  # fmt: skip

    # writers 0-3 in folder "big", writer 4 alone in "small"; per writer one genuine and
    # one forged query. The pen tells them apart in "big" only, DTW in "small" only.
    writers = [0, 1, 2, 3, 4]
    pen = scores([1, 1, 1, 1, 3], [3, 3, 3, 3, 1], writers)
    dtw = scores([2, 2, 2, 2, 1], [2, 2, 2, 2, 3], writers)
    groups = np.array(["big"] * 4 + ["small"])
    members = {"pen": pen, "dtw": dtw}
    assert folder_eer(pen, groups) == pytest.approx(0.5)  # "big" 0, "small" 1
    weights = choose_weights(members, {"pen": 1.0, "dtw": 1.0}, groups)
    # pen 0.5: "big" fused 1.5 vs 2.5 (apart), "small" 2 vs 2 (EER 0.5) -> mean 0.25;
    # pen 0.4: "big" 1.6 vs 2.4, "small" 1.8 vs 2.2 -> both apart, mean 0; so does any
    # pen weight 0.2-0.4 (nearest alike first: 0.4); more for the pen mixes up "small"
    assert weights == pytest.approx({"pen": 0.4, "dtw": 0.6})
    assert folder_eer(fused_scores(members, {"pen": 1.0, "dtw": 1.0}, weights), groups) == 0


def test_the_fusion_is_fitted_on_the_pen_models_validation_writers(
    pen_run, tiny_model_dir, tmp_path, capsys
):
    folder = tmp_path / "pen"
    shutil.copytree(pen_run.result.model_dir, folder)
    argv = ["models", "fuse", str(folder), "--image-model", str(tiny_model_dir),
            "--data", str(pen_run.data_root), "--refs", "3", "--json"]  # fmt: skip
    assert cli.main(argv) == 0
    out = json.loads(capsys.readouterr().out)
    fusion = read_card(folder).fusion
    assert out["fusion"] == fusion
    assert fusion["image_model"] == model_id_of(load_model(tiny_model_dir))
    assert 0 < fusion["accept"] <= fusion["threshold"] <= fusion["reject"]
    assert set(fusion["scales"]) == {"pen", "image", "dtw"}
    assert all(v > 0 for v in fusion["scales"].values()) and fusion["dtw_spread"] > 0
    assert fusion["weights"] in weight_grid(list(fusion["scales"]))
    a, _ = fusion["calibration"]
    assert a > 0  # a higher fused score (less alike) is shown as less likely genuine
    assert fusion["chosen_on"].startswith("validation writers (4), 3 references")
    assert set(fusion["validation_eer"]) == {"pen", "image", "dtw", "fused"}
    load_onnx_model(folder, gpu=False)  # the card's checksums still hold

    # an image model where the pen model belongs is refused in words
    assert cli.main(["models", "fuse", str(tiny_model_dir), "--image-model",
                     str(tiny_model_dir), "--data", str(pen_run.data_root)]) != 0  # fmt: skip
    assert "is not a pen model" in capsys.readouterr().err
