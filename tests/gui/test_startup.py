"""The window must appear before torch is imported: torch (2-3 s here) loads with the
model in the worker thread, while the user already sees the app."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

CHECK = (
    "import sys, {module}; "
    "loaded = sorted(m for m in ('torch', 'torchvision', 'safetensors.torch') if m in sys.modules); "
    "print(','.join(loaded))"
)


@pytest.mark.parametrize(
    "module",
    ["sigverify.gui.main_window", "sigverify.core.verification", "sigverify.core.model_catalog"],
)
def test_importing_the_window_and_the_service_does_not_load_torch(module):
    result = subprocess.run(
        [sys.executable, "-c", CHECK.format(module=module)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_the_check_sees_torch_when_it_is_imported():
    # the probe itself works: a module that does need torch is reported
    result = subprocess.run(
        [sys.executable, "-c", CHECK.format(module="sigverify.core.modelio")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "torch" in result.stdout.strip().split(",")
