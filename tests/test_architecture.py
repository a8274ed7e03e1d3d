"""Layering rules: sigverify.core never imports Qt (nor the GUI or CLI above it)."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

import sigverify

CORE = Path(sigverify.__file__).parent / "core"
FORBIDDEN = ("PySide6", "PyQt5", "PyQt6", "shiboken6", "sigverify.gui", "sigverify.cli")


def forbidden_imports(source: str) -> list[str]:
    """Module names imported by ``source`` that core must not use."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        else:
            continue
        found += [n for n in names if any(n == f or n.startswith(f + ".") for f in FORBIDDEN)]
    return found


def test_the_checker_catches_qt_imports():
    assert forbidden_imports("import PySide6.QtCore") == ["PySide6.QtCore"]
    assert forbidden_imports("def f():\n    from PySide6 import QtWidgets") == ["PySide6"]
    assert forbidden_imports("from sigverify.gui.app import main") == ["sigverify.gui.app"]
    assert forbidden_imports("import numpy\nfrom sigverify.core import errors") == []


def test_core_source_imports_no_qt():
    files = sorted(CORE.rglob("*.py"))
    assert len(files) >= 5
    offenders = {
        str(f.relative_to(CORE)): forbidden_imports(f.read_text(encoding="utf-8")) for f in files
    }
    assert {k: v for k, v in offenders.items() if v} == {}


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
