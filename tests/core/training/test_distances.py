"""The two implementations of each distance agree: numpy (scoring, what verification and
evaluation use) and torch (training's losses and validation)."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from sigverify.core.scoring import pairwise_distances
from sigverify.core.training.distances import DISTANCES, get_distance


@pytest.mark.parametrize("name", sorted(DISTANCES))
def test_numpy_and_torch_distances_agree(name):
    rng = np.random.default_rng(7)
    queries, references = rng.normal(size=(6, 16)), rng.normal(size=(9, 16))
    expected = pairwise_distances(queries, references, name)
    distance = get_distance(name)
    q, r = torch.from_numpy(queries), torch.from_numpy(references)
    np.testing.assert_allclose(distance.matrix(q, r).numpy(), expected, atol=1e-6)
    rows = distance.pairwise(q, r[:6]).numpy()
    np.testing.assert_allclose(rows, np.diag(expected[:, :6]), atol=1e-6)


def test_the_distances_have_their_worked_out_values():
    a = np.array([[3.0, 4.0], [1.0, 0.0]])
    b = np.array([[0.0, 0.0], [-1.0, 0.0]])
    np.testing.assert_allclose(pairwise_distances(a, b[1:], "euclidean"), [[np.sqrt(32)], [2.0]])
    # cosine: 1 - cos; opposite directions give 2, the zero vector counts as no direction
    np.testing.assert_allclose(pairwise_distances(a, b, "cosine"), [[1.0, 1.6], [1.0, 2.0]])
    with pytest.raises(ValueError, match="unknown distance"):
        pairwise_distances(a, b, "manhattan")
