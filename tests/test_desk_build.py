"""The desk build (no torch inside): it verifies, and says where training is instead of
failing. Probed in fresh interpreters where importing torch or torchvision fails, as in
the PyInstaller desk bundle."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sigverify.core import build_variant
from sigverify.core.build_variant import TrainingUnavailableError, require_training

ROOT = Path(__file__).resolve().parents[1]

#: Runs a module as ``python -m`` would, with torch and torchvision impossible to import.
WITHOUT_TORCH = """
import importlib.abc, runpy, sys

class NoTraining(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("torch", "torchvision"):
            raise ImportError(f"No module named {name!r}")
        return None

sys.meta_path.insert(0, NoTraining())
module, sys.argv = sys.argv[1], [sys.argv[1]] + sys.argv[2:]
runpy.run_module(module, run_name="__main__", alter_sys=True)
"""


def without_torch(module: str, *arguments: str, home: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, SIGVERIFY_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-c", WITHOUT_TORCH, module, *arguments],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
    )


def test_the_app_verifies_without_torch_and_reports_the_desk_build(tmp_path):
    done = without_torch("sigverify.gui", "--selftest", home=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    (line,) = [x for x in done.stdout.splitlines() if "selftest" in x]
    assert "selftest passed" in line
    assert line.endswith("desk build (no training), torch not loaded")


@pytest.mark.parametrize(
    "command",
    [
        ("train", "--data", "nowhere", "--out", "model"),
        ("models", "export-onnx", "models/default"),
    ],
)
def test_the_cli_says_training_is_in_the_full_build(tmp_path, command):
    done = without_torch("sigverify", *command, home=tmp_path)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "Error: Training and model export need the full build" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "model").exists()


def test_require_training_passes_where_torch_is_installed_and_refuses_without(monkeypatch):
    require_training()  # this test environment has torch and torchvision
    monkeypatch.setattr(
        build_variant.importlib.util,
        "find_spec",
        lambda name: None if name == "torchvision" else object(),
    )
    assert not build_variant.can_train()
    with pytest.raises(TrainingUnavailableError, match="desk build verifies only"):
        require_training()
