"""The desk build (no torch inside): it verifies, and says where training is instead of
failing. Probed in fresh interpreters where importing torch or torchvision fails, as in
the PyInstaller desk bundle. And the full build (torch, no torchvision): it trains."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sigverify.core import build_variant
from sigverify.core.build_variant import TrainingUnavailableError, require_training
from sigverify.core.data.synthetic import write_synthetic_dataset

ROOT = Path(__file__).resolve().parents[1]

#: Runs a module as ``python -m`` would (``sys.argv[1]``), with the top-level packages
#: named in ``sys.argv[2]`` (comma-separated) impossible to import.
WITHOUT = """
import importlib.abc, runpy, sys

blocked = set(sys.argv[2].split(","))

class Blocked(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in blocked:
            raise ImportError(f"No module named {name!r}")
        return None

sys.meta_path.insert(0, Blocked())
module, sys.argv = sys.argv[1], [sys.argv[1]] + sys.argv[3:]
runpy.run_module(module, run_name="__main__", alter_sys=True)
"""


def without_torch(
    module: str, *arguments: str, home: Path, blocked: str = "torch,torchvision"
) -> subprocess.CompletedProcess:
    env = dict(os.environ, SIGVERIFY_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-c", WITHOUT, module, blocked, *arguments],
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
    require_training()  # this test environment has torch
    monkeypatch.setattr(
        build_variant.importlib.util,
        "find_spec",
        lambda name: None if name == "torch" else object(),
    )
    assert not build_variant.can_train()
    with pytest.raises(TrainingUnavailableError, match="desk build verifies only"):
        require_training()


def test_training_needs_no_torchvision(tmp_path):
    """The full build holds torch but no torchvision (a CPU-only torch has no torchvision
    to match on PyPI's Linux index): training, export and evaluation run without it."""
    data = write_synthetic_dataset(tmp_path / "data", writers=8, genuine=5, forged=3)
    done = without_torch(
        "sigverify",
        *("train", "--data", str(data), "--out", str(tmp_path / "model"), "--size", "60x90"),
        *("--width", "8", "--epochs", "1", "--steps-per-epoch", "2", "--augment", "1.0"),
        *("--threads", "1", "--json"),
        home=tmp_path / "home",
        blocked="torchvision",
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert (tmp_path / "model" / "model.onnx").is_file()
    assert len(json.loads(done.stdout)["history"]) == 1


@pytest.mark.parametrize("passphrase", [None, "seven blue kites"])
def test_the_desk_build_backs_up_and_restores_without_torch(tmp_path, monkeypatch, passphrase):
    store = tmp_path / "desk" / "store.sqlite3"
    if passphrase:  # encrypted: cryptography, not torch
        from sigverify.core.backup_encryption import set_backup_passphrase
        from sigverify.core.store import Store

        with Store(store) as opened:
            set_backup_passphrase(opened, passphrase, "ann", None)
        monkeypatch.setenv("SIGVERIFY_BACKUP_PASSPHRASE", passphrase)
    done = without_torch(
        "sigverify",
        "backup",
        "--out",
        str(tmp_path / "b.zip"),
        "--store",
        str(store),
        home=tmp_path,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert ("It is encrypted with the backup key" in done.stdout) is bool(passphrase)
    done = without_torch(
        "sigverify",
        "restore",
        str(tmp_path / "b.zip"),
        "--yes",
        "--store",
        str(store),
        home=tmp_path,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Restored" in done.stdout and "replaced-stores" in done.stdout
