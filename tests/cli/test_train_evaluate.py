"""sigverify train / evaluate end to end on a synthetic data folder with a tiny model."""

from __future__ import annotations

import json

import pytest

from sigverify import cli
from sigverify.core.data.synthetic import write_synthetic_dataset
from sigverify.core.model.card import read_card

TINY = [
    "--size",
    "40x60",
    "--width",
    "4",
    "--embedding-dim",
    "16",
    "--epochs",
    "2",
    "--steps-per-epoch",
    "3",
    "--batch-size",
    "16",
    "--threads",
    "2",
]
METRIC_KEYS = {
    "eer",
    "eer_threshold",
    "auc",
    "far_skilled",
    "far_random",
    "frr",
    "far_at_frr_1",
    "far_at_frr_5",
    "writers",
    "genuine_queries",
    "skilled_queries",
    "random_queries",
}


def run_json(capsys, *argv):
    code = cli.main([*argv, "--json"])
    out, err = capsys.readouterr()
    return code, json.loads(out), err


@pytest.fixture(scope="module")
def trained(data, tmp_path_factory):
    out = tmp_path_factory.mktemp("models") / "tiny"
    code = cli.main(["train", "--data", str(data), "--out", str(out), *TINY, "--json"])
    assert code == 0
    return out


def test_train_writes_a_model_with_test_metrics(trained):
    card = read_card(trained)
    summary = card.training["datasets"][0]
    assert summary["name"] == "synth" and summary["layout"] == "folders"
    parts = [set(summary[p]) for p in ("train", "validation", "test")]
    assert sum(map(len, parts)) == 14 and len(set.union(*parts)) == 14  # writer-disjoint
    assert card.threshold_info["writers"] == "validation"
    assert card.training["command"].startswith("sigverify train --data ")
    assert card.preprocess["stroke_width"] == 2.5  # strokes redrawn unless asked otherwise
    assert card.preprocess["max_working_side"] == 800
    assert card.preprocess["faint_ink"] == 4.0  # a pen running dry is kept
    assert card.preprocess["enlarge_small_ink"] is True  # small ink looked for enlarged
    test = card.metrics["test"]
    assert test["writers"] == len(summary["test"]) and "writer-disjoint" in test["protocol"]
    assert set(test["per_refs"]["1"]) >= METRIC_KEYS


def test_train_json_output(data, tmp_path, capsys):
    code, payload, _ = run_json(
        capsys,
        "train",
        "--data",
        str(data),
        "--out",
        str(tmp_path / "m"),
        *TINY,
        "--loss",
        "triplet",
        "--encoder",
        "tdnn",
        "--stroke-width",
        "0",
        "--working-side",
        "400",
        "--faint-ink",
        "0",
        "--enlarge-small-ink",
        "0",
    )
    assert code == 0
    assert payload["stopped"] == "completed" and payload["epochs_run"] == 2
    assert set(payload["test"]["per_refs"]) >= {"1", "3"}
    card = read_card(tmp_path / "m")
    assert card.encoder == "tdnn" and card.preprocess["stroke_width"] == 0
    assert card.preprocess["max_working_side"] == 400
    assert card.preprocess["faint_ink"] == 0
    assert card.preprocess["enlarge_small_ink"] is False


def test_a_folder_holding_a_model_is_not_trained_over_unasked(
    trained, data, tmp_path, capsys, monkeypatch
):
    """Seen: ``train --out`` a model's folder replaced its weights without a word, and a
    store using that folder verified with them, activated by nobody."""
    import os
    import shutil
    import time

    from sigverify.core.training import run as training_run

    out = tmp_path / "m"
    shutil.copytree(trained, out)
    for path in out.rglob("*"):  # a model made yesterday
        os.utime(path, (time.time() - 86400,) * 2)
    before = (out / "model.safetensors").read_bytes()
    code = cli.main(["train", "--data", str(data), "--out", str(out), *TINY])
    err = capsys.readouterr().err
    assert code == 2 and f"{out} holds a model already" in err and "--overwrite" in err
    assert (out / "model.safetensors").read_bytes() == before

    # Ctrl+C says what is kept and how to go on ("Interrupted." alone was said); the model
    # trained over is not this run's (a review found it described as "the best so far")
    def at_once(plan, **kwargs):  # before the first epoch ended
        raise KeyboardInterrupt

    monkeypatch.setattr(training_run, "run_training", at_once)
    code = cli.main(["train", "--data", str(data), "--out", str(out), *TINY, "--overwrite"])
    assert code == 130
    assert capsys.readouterr().err.endswith(
        "No epoch had finished: nothing of this run was kept.\nInterrupted.\n"
    )

    def after_an_epoch(plan, **kwargs):
        (plan.out_dir / "card.json").write_text((trained / "card.json").read_text())
        (plan.out_dir / "checkpoint").mkdir(exist_ok=True)
        (plan.out_dir / "checkpoint" / "state.json").write_text("{}")
        raise KeyboardInterrupt

    monkeypatch.setattr(training_run, "run_training", after_an_epoch)
    code = cli.main(["train", "--data", str(data), "--out", str(out), *TINY, "--overwrite"])
    assert code == 130
    assert capsys.readouterr().err.endswith(
        f"The best model so far is in {out}, without its test figures or its ONNX file. "
        "Run the same command with --resume to go on from its last finished epoch.\n"
        "Interrupted.\n"
    )


def test_files_training_cannot_use_are_told_before_it_starts(data, tmp_path, capsys):
    """A file it cannot read was told only once training had finished (an hour later on a
    real data set): now before the first epoch, and training goes on without it."""
    import shutil

    import numpy as np

    from tests.conftest import write_png

    folder = tmp_path / "data"
    shutil.copytree(data, folder)
    writer = sorted(p for p in folder.iterdir() if p.is_dir())[0]
    write_png(writer / "genuine" / "blank.png", np.full((60, 90), 245, np.uint8))
    code, payload, err = run_json(
        capsys, "train", "--data", str(folder), "--out", str(tmp_path / "m"), *TINY
    )
    assert code == 0 and payload["epochs_run"] == 2
    told = err.index("Skipped 1 file(s): training goes on without them.")
    assert "blank.png" in err[:told] and told < err.index("epoch 1/2")
    assert err.count("blank.png") == 1  # not again at the end


def test_train_regularisation_options_reach_the_model_and_its_card(data, tmp_path, capsys):
    out = tmp_path / "reg"
    code, payload, _ = run_json(
        capsys,
        "train",
        "--data",
        str(data),
        "--out",
        str(out),
        *TINY,
        "--dropout",
        "0.3",
        "--weight-decay",
        "0.02",
        "--elastic",
        "1.5",
        "--ema",
        "0.9",
    )
    assert code == 0 and payload["stopped"] == "completed"
    card = read_card(out)
    assert card.encoder_config["dropout"] == 0.3
    config = card.training["config"]
    assert config["weight_decay"] == 0.02 and config["elastic"] == 1.5
    assert config["ema"] == 0.9
    assert "--elastic 1.5" in card.training["command"] and "--ema 0.9" in card.training["command"]


def test_evaluate_uses_the_test_writers_of_a_known_dataset(trained, data, capsys):
    code, payload, err = run_json(
        capsys, "evaluate", "--model", str(trained), "--data", str(data), "--refs", "1,3"
    )
    assert code == 0 and "test writers only" in err
    test_writers = len(read_card(trained).training["datasets"][0]["test"])
    assert set(payload["per_refs"]) == {"1", "3"}
    assert payload["per_refs"]["1"]["writers"] == test_writers
    assert set(payload["per_refs"]["1"]) >= METRIC_KEYS
    assert payload["threshold"] == pytest.approx(read_card(trained).threshold)
    # the same numbers as recorded at the end of training
    assert payload["per_refs"]["1"]["eer"] == pytest.approx(
        read_card(trained).metrics["test"]["per_refs"]["1"]["eer"]
    )


def test_evaluate_pools_several_draws_of_the_references(trained, data, capsys):
    """--draws 3: three draws of each writer's references, their queries all scored."""
    args = ["evaluate", "--model", str(trained), "--data", str(data), "--refs", "1"]
    code, one, _ = run_json(capsys, *args)
    assert code == 0 and one["draws"] == 1
    code, three, _ = run_json(capsys, *args, "--draws", "3")
    assert code == 0 and three["draws"] == 3
    for key in ("genuine_queries", "skilled_queries"):
        assert three["per_refs"]["1"][key] == 3 * one["per_refs"]["1"][key]
    assert three["per_refs"]["1"]["writers"] == one["per_refs"]["1"]["writers"]


def test_evaluate_all_writers_with_plots_and_intervals(trained, data, tmp_path, capsys):
    code, payload, _ = run_json(
        capsys,
        "evaluate",
        "--model",
        str(trained),
        "--data",
        str(data),
        "--refs",
        "3",
        "--writers",
        "all",
        "--plots",
        str(tmp_path / "plots"),
        "--bootstrap",
        "20",
    )
    assert code == 0 and payload["per_refs"]["3"]["writers"] == 14
    low, high = payload["per_refs"]["3"]["intervals"]["eer_95"]
    assert low <= payload["per_refs"]["3"]["eer"] <= high
    assert sorted(p.name for p in (tmp_path / "plots").iterdir()) == [
        "det.png",
        "distances_3refs.png",
        "roc.png",
    ]


def test_evaluate_on_another_dataset_uses_all_its_writers(trained, tmp_path, capsys):
    other = write_synthetic_dataset(tmp_path / "other", writers=4, genuine=4, forged=1, seed=300)
    code, payload, err = run_json(
        capsys, "evaluate", "--model", str(trained), "--data", str(other), "--refs", "1"
    )
    assert code == 0 and payload["per_refs"]["1"]["writers"] == 4 and "test writers" not in err
    code, payload, _ = run_json(
        capsys, "evaluate", "--model", str(trained), "--data", str(other), "--writers", "test"
    )
    assert code == 2 and "not trained on" in payload["error"]


def test_evaluate_text_table(trained, data, capsys):
    code = cli.main(["evaluate", "--model", str(trained), "--data", str(data), "--refs", "1"])
    out = capsys.readouterr().out
    assert code == 0 and "EER" in out and "FAR skilled" in out and "threshold" in out


@pytest.mark.parametrize(
    "argv,message",
    [
        (["evaluate", "--model", "MISSING", "--data", "DATA"], "does not exist"),
        (["evaluate", "--model", "MODEL", "--data", "DATA", "--refs", "x"], "--refs"),
        (["train", "--data", "MISSING", "--out", "OUT"], "does not exist"),
        (["train", "--data", "DATA", "--out", "OUT", "--device", "tpu"], "Unknown device"),
        (["train", "--data", "DATA", "--out", "OUT", "--stroke-width", "-1"], "--stroke-width"),
        (["train", "--data", "DATA", "--out", "OUT", "--working-side", "200"], "--working-side"),
        (["train", "--data", "DATA", "--out", "OUT", "--faint-ink", "-1"], "--faint-ink"),
        (["train", "--data", "DATA", "--out", "OUT", "--dropout", "1"], "--dropout"),
        (["train", "--data", "DATA", "--out", "OUT", "--elastic", "-0.5"], "--elastic"),
        (["train", "--data", "DATA", "--out", "OUT", "--weight-decay", "-1"], "--weight-decay"),
        (["train", "--data", "DATA", "--out", "OUT", "--ema", "1"], "--ema"),
    ],
)
def test_user_errors_exit_2(trained, data, tmp_path, capsys, argv, message):
    paths = {
        "MISSING": str(tmp_path / "missing"),
        "DATA": str(data),
        "MODEL": str(trained),
        "OUT": str(tmp_path / "o"),
    }
    code = cli.main([paths.get(a, a) for a in argv])
    assert code == 2 and message in capsys.readouterr().err


def test_fit_strokes_writes_the_check_the_band_and_the_scores_that_go_with_it(
    trained, data, tmp_path, capsys
):
    import shutil

    from sigverify.core.evaluation.stroke_fit import WEIGHTS, pooled_eer
    from sigverify.core.model.card import read_scores

    model = tmp_path / "model"
    shutil.copytree(trained, model)
    before = read_card(model)
    code, payload, _ = run_json(capsys, "models", "fit-strokes", str(model), "--data", str(data))
    assert code == 0 and payload["weight"] in WEIGHTS
    card = read_card(model)
    assert card.strokes == payload["strokes"]
    assert (card.strokes is None) == (payload["weight"] == 0)
    assert payload["id"] == card.model_id
    assert payload["test_before"] == before.metrics["test"]["per_refs"]
    assert card.model_id.startswith(before.model_id)
    assert card.onnx_sha256 == before.onnx_sha256  # the network is the same
    scores = read_scores(model)  # what the Thresholds page draws: the fused scores
    assert pooled_eer(scores) == pytest.approx(payload["validation_eer"]["fused"])
    validation = card.metrics["validation"][str(scores.refs)]
    assert card.threshold == pytest.approx(validation["eer_threshold"], abs=1e-6)
    assert set(card.metrics["test"]["per_refs"]) == {"1", "3"}  # 5 genuine a writer
    assert cli.main(["models", "show", "--model", str(model)]) == 0
    shown = capsys.readouterr().out
    assert ("stroke check: " in shown) == (card.strokes is not None)


def test_fit_strokes_needs_the_folders_the_model_was_trained_on(trained, tmp_path, capsys):
    other = write_synthetic_dataset(tmp_path / "other", writers=4, genuine=4, forged=1)
    code = cli.main(["models", "fit-strokes", str(trained), "--data", str(other)])
    assert code == 2
    err = capsys.readouterr().err
    assert "None of these data folders holds the model's validation writers" in err
