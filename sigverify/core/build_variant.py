"""Which build this is: the *desk* build verifies only (no torch inside: small, starts at
once); the *full* build, or a source install, can also train and export models."""

from __future__ import annotations

import importlib.util

from sigverify.core.errors import SigverifyError
from sigverify.core.i18n import translate

#: What training needs besides the desk's packages.
TRAINING_PACKAGES = ("torch",)


class TrainingUnavailableError(SigverifyError):
    """This build has no training tools (the desk build)."""


def can_train() -> bool:
    """True where torch can be imported (found, not imported: cheap)."""
    try:
        return all(importlib.util.find_spec(name) is not None for name in TRAINING_PACKAGES)
    except (ImportError, ValueError):  # a broken or blocked installation counts as absent
        return False


def training_unavailable_message() -> str:
    return translate(
        "errors",
        "Training and model export need the full build of sigverify (it includes PyTorch); "
        "this desk build verifies only. Train with the full build or a source install (see "
        "the README), then import the trained model folder on the Models page, or switch "
        "to it with “sigverify models activate MODEL_DIR”.",
    )


def require_training() -> None:
    """Raise :class:`TrainingUnavailableError` (a clerk-readable message) in a desk build."""
    if not can_train():
        raise TrainingUnavailableError(training_unavailable_message())
