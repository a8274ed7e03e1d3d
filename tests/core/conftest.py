"""Fixtures shared by the core tests."""

from __future__ import annotations

import pytest

from sigverify.core.model.io import load_model
from sigverify.core.pen_verification import PenScorer
from sigverify.core.store import Store
from sigverify.core.verification import VerificationService


@pytest.fixture
def pen_service(tmp_path, tiny_model_dir, tiny_pen_model_dir):
    """A verification service on a new store with the tiny image and pen models."""
    store = Store(tmp_path / "store.sqlite3")
    pen = PenScorer(load_model(tiny_pen_model_dir))
    yield VerificationService(store, load_model(tiny_model_dir), operator="clerk", pen=pen)
    store.close()
