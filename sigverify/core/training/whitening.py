"""Within-writer whitening of embeddings (WCCN: within-class covariance normalisation,
Hatch, Kajarekar and Stolcke 2006, from speaker verification).

Two signatures of one person differ along some directions of the embedding more than
along others (slant, size, speed), and those differences say nothing about who wrote
them. Measured on the training writers, their covariance ``C`` gives a linear map
``W = (C + s * trace(C) / D * I) ** -1/2`` that shrinks those directions and stretches the
ones a person keeps stable; the encoder applies it after its own normalisation and
normalises again (:meth:`sigverify.core.encoders.Encoder.set_whitening`). ``s`` pulls
``C`` towards a sphere, because a few dozen writers measure 128 directions roughly; how far
is for the validation writers to say: training and ``models combine`` try each of
:data:`SHRINKAGES` and keep the one with the lowest validation EER
(:func:`sigverify.core.training.validation.best_whitened`).

Measured on an early default model (writer-disjoint; fitted on its 49 training writers):
validation writers EER at 5 references 15.1 % -> 13.3 %, 1 reference 30.0 % -> 26.7 %;
shrinkage 0.1 / 0.3 / 1.0 all helped, 0.3 was best on validation. Its test writers:
15.6 % -> 14.0 % (5 references), and on two other writer splits 9.7 -> 9.0 % and
12.4 -> 9.6 %. Training keeps the whitening only when it lowers the validation EER.

With 229 training writers (the shipped recipe) a lighter shrinkage measures better: on the
shipped pair's three writer splits (``python bench/embedding_transforms.py``), validation
EER at 5 references 7.9 % with 0.3 and 7.7 % with the shrinkage each split's validation
writers chose (0.03, 0.03, 0.01); test 15.8 / 8.3 / 6.9 / 5.8 % -> 15.7 / 8.2 / 6.6 / 5.6 % at
1 / 3 / 5 / 10 references.
"""

from __future__ import annotations

import numpy as np

#: How far the covariance may be pulled towards a sphere, as a fraction of its mean
#: variance: the validation writers choose among these.
SHRINKAGES = (0.01, 0.03, 0.1, 0.3, 1.0)


def within_writer_whitening(
    embeddings: np.ndarray, writers: np.ndarray, shrinkage: float
) -> np.ndarray | None:
    """The whitening matrix ``(D, D)`` float32 (symmetric) for ``embeddings (N, D)`` of
    genuine signatures written by ``writers (N,)``, or None when fewer than 2 writers
    have 2 or more signatures (nothing to measure)."""
    embeddings = np.asarray(embeddings, dtype=np.float64)
    writers = np.asarray(writers)
    centred = [
        own - own.mean(axis=0)
        for own in (embeddings[writers == w] for w in np.unique(writers))
        if len(own) >= 2
    ]
    if len(centred) < 2:
        return None
    writers_measured = len(centred)
    centred = np.concatenate(centred)
    dim = embeddings.shape[1]
    covariance = centred.T @ centred / (len(centred) - writers_measured)  # pooled, unbiased
    covariance += shrinkage * np.trace(covariance) / dim * np.eye(dim)
    values, vectors = np.linalg.eigh(covariance)
    values = np.maximum(values, 1e-12 * values.max())
    return ((vectors / np.sqrt(values)) @ vectors.T).astype(np.float32)
