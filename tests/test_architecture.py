"""Layering rules: sigverify.core never imports Qt (nor the GUI or CLI above it)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import sigverify

CORE = Path(sigverify.__file__).parent / "core"
ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(config: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(config)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )


def test_the_import_contracts_hold():
    """``.importlinter``: gui and cli over core and not on each other, a Qt-free core, the
    torch-free groups, a card readable without evaluation code, and core's inner layers."""
    done = lint_imports(ROOT / ".importlinter")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Contracts: 5 kept, 0 broken." in done.stdout


def test_the_contract_checker_notices_a_broken_contract(tmp_path):
    config = tmp_path / "contracts.ini"
    config.write_text(
        "[importlinter]\nroot_package = sigverify\ninclude_external_packages = True\n\n"
        "[importlinter:contract:no-numpy]\nname = core without numpy (false)\n"
        "type = forbidden\nsource_modules = sigverify.core.scoring\n"
        "forbidden_modules = numpy\n"
    )
    done = lint_imports(config)
    assert done.returncode == 1 and "BROKEN" in done.stdout
    assert "sigverify.core.scoring -> numpy" in done.stdout


def test_importing_all_of_core_loads_no_qt():
    modules = sorted(
        "sigverify.core."
        + ".".join(f.relative_to(CORE).with_suffix("").parts).removesuffix(".__init__")
        for f in CORE.rglob("*.py")
    )
    modules = [m.removesuffix(".__init__") for m in modules if m != "sigverify.core.__init__"]
    assert "sigverify.core.encoders.tdnn" in modules and "sigverify.core.training.engine" in modules
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "qt = ('PySide6', 'PyQt5', 'PyQt6', 'shiboken6')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in qt))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


HEAVY = ("safetensors.torch", "torch", "torchvision", "matplotlib")


def heavy_after(code: str) -> list[str]:
    """The slow-to-import modules (torch, matplotlib) a fresh interpreter holds after
    running ``code``."""
    probe = f"{code}\nimport sys\nprint(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    return [m for m in result.stdout.strip().split(",") if m]


def test_the_probe_sees_torch_and_matplotlib():
    assert heavy_after("import sigverify.core.model.io") == ["safetensors.torch", "torch"]
    assert heavy_after("import matplotlib.figure") == ["matplotlib"]


def test_the_command_line_starts_without_torch():
    """`sigverify --help` and argument errors must be instant: torch loads only for commands
    that compute."""
    assert heavy_after("import sigverify.cli as c; c.build_parser()") == []


@pytest.mark.parametrize(
    "module",
    [
        "sigverify.gui.main_window",
        "sigverify.core.verification",
        "sigverify.core.model.catalog",
        "sigverify.core.model.inference",
        "sigverify.core.model.onnx",
    ],
)
def test_the_window_appears_before_torch_and_matplotlib_load(module):
    """torch (2-3 s here) loads with the model in the worker thread, matplotlib (0.8 s) with
    the first plot; the window and the services it imports need neither, or the user waits
    for an empty screen."""
    assert heavy_after(f"import {module}") == []
