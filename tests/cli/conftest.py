"""Fixtures of the CLI tests."""

from __future__ import annotations

import pytest

from sigverify.core.data.synthetic import write_synthetic_dataset


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    """A synthetic data folder: 14 writers, 5 genuine and 2 forged signatures each."""
    return write_synthetic_dataset(
        tmp_path_factory.mktemp("data") / "synth", writers=14, genuine=5, forged=2
    )
