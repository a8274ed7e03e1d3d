"""Within-writer whitening: the matrix worked out by hand, and what it does to distances."""

from __future__ import annotations

import numpy as np
import pytest

from sigverify.core.scoring import pairwise_distances
from sigverify.core.training.whitening import within_writer_whitening


def test_matrix_by_hand():
    # Writer 1 varies along x by +-2, writer 2 along y by +-1 (each around its own mean).
    # Centred rows (2,0) (-2,0) (0,1) (0,-1), 4 rows - 2 means: covariance diag(8, 2) / 2 =
    # diag(4, 1), mean variance 2.5; shrinkage 0.3 adds 0.75: diag(4.75, 1.75) ** -1/2.
    embeddings = np.array([[12.0, 5], [8, 5], [-3, 2], [-3, 0]])
    writers = np.array([1, 1, 2, 2])
    matrix = within_writer_whitening(embeddings, writers, shrinkage=0.3)
    assert matrix.dtype == np.float32
    assert matrix == pytest.approx(np.diag([4.75**-0.5, 1.75**-0.5]), abs=1e-4)
    # Without shrinkage: diag(4, 1) ** -1/2.
    bare = within_writer_whitening(embeddings, writers, shrinkage=0.0)
    assert bare == pytest.approx(np.diag([0.5, 1.0]), abs=1e-6)


def test_a_rotated_covariance_is_undone():
    """Whitened, the writers' own variation has the same spread in every direction
    (shrinkage 0), wherever it pointed before."""
    rng = np.random.default_rng(0)
    angle = 0.6
    rotation = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
    own = rng.normal(size=(400, 2)) * [3.0, 0.5] @ rotation.T
    writers = np.repeat(np.arange(40), 10)
    embeddings = own + np.repeat(rng.normal(size=(40, 2)) * 10, 10, axis=0)
    matrix = within_writer_whitening(embeddings, writers, shrinkage=0.0)
    assert np.allclose(matrix, matrix.T)
    centred = np.concatenate([own[writers == w] - own[writers == w].mean(0) for w in range(40)])
    whitened = centred @ matrix
    assert whitened.T @ whitened / (400 - 40) == pytest.approx(np.eye(2), abs=1e-5)


def test_a_writers_usual_variation_counts_less():
    """Two queries equally far from a reference: the one that differs the way this
    person's signatures usually differ ends up nearer than the one that differs along a
    direction they keep stable."""
    rng = np.random.default_rng(1)
    writers = np.repeat(np.arange(30), 6)
    embeddings = np.repeat(rng.normal(size=(30, 3)), 6, axis=0)
    embeddings += rng.normal(size=(180, 3)) * [1.0, 0.1, 0.1]  # people vary along x
    matrix = within_writer_whitening(embeddings, writers, 0.3)
    reference = np.zeros((1, 3))
    usual, unusual = np.array([[0.5, 0, 0]]), np.array([[0, 0.5, 0]])
    before = [pairwise_distances(q, reference, "euclidean")[0, 0] for q in (usual, unusual)]
    after = [
        pairwise_distances(q @ matrix, reference @ matrix, "euclidean")[0, 0]
        for q in (usual, unusual)
    ]
    assert before[0] == pytest.approx(before[1])
    assert after[0] < 0.5 * after[1]


def test_nothing_to_measure_gives_none():
    embeddings = np.arange(12, dtype=float).reshape(4, 3)
    assert within_writer_whitening(embeddings, np.array([1, 2, 3, 4]), 0.3) is None  # one each
    assert within_writer_whitening(embeddings, np.array([1, 1, 1, 2]), 0.3) is None  # one writer
    assert within_writer_whitening(embeddings, np.array([1, 1, 2, 2]), 0.3).shape == (3, 3)
