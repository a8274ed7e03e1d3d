"""build.spec (PyInstaller) stays valid and points at files that exist; the self-test
that the built executable runs works from source too."""

from __future__ import annotations

import ast
import contextlib
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "build.spec"


def spec_constants() -> dict:
    tree = ast.parse(SPEC.read_text(encoding="utf-8"), filename="build.spec")
    values = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            if isinstance(target, ast.Name) and target.id.isupper():
                with contextlib.suppress(ValueError):
                    values[target.id] = ast.literal_eval(node.value)
    return values


def test_build_spec_names_existing_entries_model_and_resources():
    constants = spec_constants()
    for key in ("GUI_ENTRY", "CLI_ENTRY"):
        entry = ROOT / constants[key]
        assert entry.is_file(), entry
        source = entry.read_text(encoding="utf-8")
        assert "freeze_support()" in source  # frozen-app hygiene, first thing
    for folder, files in (("MODEL_DIR", "MODEL_FILES"), ("PEN_MODEL_DIR", "MODEL_FILES")):
        model = ROOT / constants[folder]
        for name in constants[files]:
            assert (model / name).is_file(), f"{model}/{name}"
    # the pen model's fused scores: PEN_MODEL_FILES is built from MODEL_FILES in the spec
    assert (ROOT / constants["PEN_MODEL_DIR"] / "fusion_scores.json").is_file()
    assert (ROOT / constants["RESOURCES_DIR"] / "selftest").is_dir()
    assert {"tests", "pytest", "tkinter"} <= set(constants["EXCLUDES"])
    assert constants["VARIANTS"] == ("desk", "full")
    assert "torch" in constants["DESK_EXCLUDES"]  # the desk build
    assert "torchvision" in constants["EXCLUDES"]  # neither: the augmentations are our own
    # ... which runs the models through ONNX Runtime, so it leaves their torch weights out
    assert set(constants["DESK_MODEL_LEFT_OUT"]) == {"model.safetensors"}
    assert "model.onnx" in constants["MODEL_FILES"]


def test_the_desk_build_leaves_out_only_modules_that_verifying_does_not_import():
    """Every sigverify module the desk build leaves out must be one that the app can do
    without: importing the verification service, the ONNX loader and the main window
    imports none of them."""
    left_out = [m for m in spec_constants()["DESK_EXCLUDES"] if m.startswith("sigverify.")]
    assert "sigverify.core.training.engine" in left_out
    probe = (
        "import sys, sigverify.core.verification, sigverify.core.model.inference, "
        "sigverify.gui.main_window, sigverify.cli\nsigverify.cli.build_parser()\n"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith('sigverify.'))))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr
    imported = set(done.stdout.split())
    assert "sigverify.core.model.inference" in imported
    assert not imported & set(left_out)


def test_the_spec_checker_notices_a_missing_entry(tmp_path, monkeypatch):
    broken = tmp_path / "build.spec"
    broken.write_text(SPEC.read_text().replace("sigverify/gui/__main__.py", "nowhere.py"))
    monkeypatch.setattr(sys.modules[__name__], "SPEC", broken)
    with pytest.raises(AssertionError):
        test_build_spec_names_existing_entries_model_and_resources()


def test_selftest_passes_from_source():
    done = subprocess.run(
        [sys.executable, "-m", "sigverify.gui", "--selftest"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    (line,) = [x for x in done.stdout.splitlines() if "selftest" in x]
    assert "selftest passed" in line and "window ok" in line
    assert "shared-store driver" in line
    assert "pen model sigverify-pen-default (dtw + pen)" in line  # pad signatures too
    # from source torch is installed, and verifying still never loads it
    assert line.endswith("training available, torch not loaded")


def test_selftest_fails_without_its_sample(monkeypatch, tmp_path, qapp):
    from sigverify.core import paths
    from sigverify.gui.selftest import run_selftest

    monkeypatch.setattr(paths, "bundle_root", lambda: tmp_path)
    monkeypatch.setattr("sigverify.core.active_model.bundled_models_dir", lambda: ROOT / "models")
    passed, line = run_selftest()
    assert not passed and "FAILED" in line and "sample is missing" in line
