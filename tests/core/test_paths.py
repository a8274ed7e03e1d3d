"""Where files go, and what may be deleted there."""

from __future__ import annotations

from sigverify.core.paths import remove_training_run, training_runs_dir, user_data_dir


def test_a_training_run_folder_is_removed_and_nothing_outside_the_runs_is(tmp_path):
    runs = training_runs_dir()
    assert runs == user_data_dir() / "training"  # (every test has its own SIGVERIFY_HOME)
    run = runs / "20261206-101500"
    (run / "checkpoint").mkdir(parents=True)
    (run / "checkpoint" / "state.json").write_text("{}")
    (run / "model.safetensors").write_bytes(b"weights")
    assert remove_training_run(run) and not run.exists() and runs.is_dir()
    assert not remove_training_run(run)  # gone already: nothing to do

    # only a folder directly inside the runs' folder: never the data folder, the runs'
    # folder itself, something deeper, or a path that climbs out of it
    outside = tmp_path / "mine"
    outside.mkdir()
    (outside / "keep.txt").write_text("kept")
    deeper = runs / "20261206-101501" / "checkpoint"
    deeper.mkdir(parents=True)
    for folder in (outside, user_data_dir(), runs, deeper, runs / ".." / "training"):
        assert not remove_training_run(folder)
    assert (outside / "keep.txt").read_text() == "kept" and deeper.is_dir()
    assert not remove_training_run(runs / ".." / ".." / outside.name)
