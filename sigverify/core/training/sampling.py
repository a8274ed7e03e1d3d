"""Writer-aware sampling of training pairs and triplets from a bank of signatures
(:class:`~sigverify.core.data.bank.WriterBank`: images or pen recordings).

Positives are two genuine signatures of one writer. Negatives pair a writer's genuine
signature with a skilled forgery of that writer (when there is one) or with another
writer's genuine signature (a "random forgery"). Classes are balanced: half the pairs
are positive. With writers from several data folders and ``balance_datasets``, each folder
is drawn equally often whatever its number of writers (a large set of one script and one
scanner would otherwise teach the model mostly about itself). All functions return index
arrays into the bank.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from sigverify.core.data.bank import WriterBank
from sigverify.core.data.splits import dataset_of
from sigverify.core.errors import DatasetError
from sigverify.core.i18n import translate


@dataclass(frozen=True)
class PairBatch:
    first: np.ndarray
    second: np.ndarray
    same: np.ndarray  # 1 = genuine pair, 0 = forged pair


@dataclass(frozen=True)
class TripletBatch:
    anchor: np.ndarray
    positive: np.ndarray
    negative: np.ndarray


@dataclass(frozen=True)
class LabelledBatch:
    """For batch-hard mining: ``labels`` equal = positives; a writer's forgeries get a
    label of their own (``-1 - writer``) and are never anchors. ``turn``: how each image is
    to be turned over (:data:`TURNS`; all 0 unless the sampler adds turned writers)."""

    indices: np.ndarray
    labels: np.ndarray
    anchor: np.ndarray
    turn: np.ndarray


#: Ways a writer's images may be turned over to make a new writer of them: as they are,
#: mirrored left to right, upside down, and both (turned half round).
TURNS = ("none", "mirrored", "upside_down", "half_round")


class WriterSampler:
    def __init__(
        self,
        bank: WriterBank,
        skilled_fraction: float = 0.5,
        balance_datasets: bool = True,
        turned_writers: int = 0,
    ):
        """``turned_writers`` (0, 1 or 3; batch-hard batches only): each writer's signatures
        and forgeries also turned over (:data:`TURNS`, in that order) count as that many more
        writers: a forger's slow hand and shape errors stay what they were, the shapes
        are new."""
        self.bank = bank
        self.skilled_fraction = skilled_fraction
        self.genuine = [bank.genuine_of(w) for w in range(len(bank.writer_ids))]
        self.forged = [bank.forged_of(w) for w in range(len(bank.writer_ids))]
        self.writers = np.array([w for w, g in enumerate(self.genuine) if len(g) >= 2])
        if len(self.writers) < 2:  # (a ValueError was the app's "did not expect" box)
            raise DatasetError(
                translate(
                    "errors",
                    "Training needs at least 2 people with 2 or more usable genuine "
                    "signatures each; the people kept for training have {n}.",
                ).format(n=len(self.writers))
            )
        self.weights = dataset_weights([bank.writer_ids[w] for w in self.writers])
        if not balance_datasets:
            self.weights = None
        if turned_writers not in (0, 1, 3):
            raise ValueError("turned_writers is 0, 1 or 3")
        # Batch-hard batches draw from ``classes``: writer w turned t times is t * n + w.
        count = len(bank.writer_ids)
        turns = np.arange(turned_writers + 1)
        self.classes = (turns[:, None] * count + self.writers[None, :]).ravel()
        self.class_weights = (
            None if self.weights is None else np.tile(self.weights, len(turns)) / len(turns)
        )
        self.class_count = count * len(turns)

    def _writer(self, rng: np.random.Generator) -> int:
        return int(rng.choice(self.writers, p=self.weights))

    def _negative_for(self, writer: int, rng: np.random.Generator) -> int:
        forged = self.forged[writer]
        if len(forged) and rng.random() < self.skilled_fraction:
            return int(rng.choice(forged))
        other = writer
        while other == writer:
            other = self._writer(rng)
        return int(rng.choice(self.genuine[other]))

    def pairs(self, count: int, rng: np.random.Generator) -> PairBatch:
        first, second, same = [], [], []
        for i in range(count):
            writer = self._writer(rng)
            if i % 2 == 0:
                a, b = rng.choice(self.genuine[writer], size=2, replace=False)
                first.append(int(a))
                second.append(int(b))
                same.append(1)
            else:
                first.append(int(rng.choice(self.genuine[writer])))
                second.append(self._negative_for(writer, rng))
                same.append(0)
        return PairBatch(np.array(first), np.array(second), np.array(same))

    def triplets(self, count: int, rng: np.random.Generator) -> TripletBatch:
        anchor, positive, negative = [], [], []
        for _ in range(count):
            writer = self._writer(rng)
            a, p = rng.choice(self.genuine[writer], size=2, replace=False)
            anchor.append(int(a))
            positive.append(int(p))
            negative.append(self._negative_for(writer, rng))
        return TripletBatch(np.array(anchor), np.array(positive), np.array(negative))

    def writer_batch(
        self, size: int, rng: np.random.Generator, per_writer: int = 4
    ) -> LabelledBatch:
        """``size // per_writer`` writers; for each, ``per_writer`` genuine signatures and
        up to ``per_writer // 2`` of their skilled forgeries (fewer genuine when needed to fit)."""
        forged_each = per_writer // 2
        n_writers = max(2, min(len(self.classes), size // (per_writer + forged_each)))
        chosen = rng.choice(self.classes, size=n_writers, replace=False, p=self.class_weights)
        indices, labels, anchor, turn = [], [], [], []
        for label in chosen:
            turned, writer = divmod(int(label), len(self.genuine))
            genuine = self.genuine[writer]
            picked = rng.choice(genuine, size=min(per_writer, len(genuine)), replace=False)
            indices += picked.tolist()
            labels += [int(label)] * len(picked)
            anchor += [True] * len(picked)
            turn += [turned] * len(picked)
            forged = self.forged[writer]
            if len(forged):
                picked = rng.choice(forged, size=min(forged_each, len(forged)), replace=False)
                indices += picked.tolist()
                labels += [-1 - int(label)] * len(picked)
                anchor += [False] * len(picked)
                turn += [turned] * len(picked)
        return LabelledBatch(
            np.array(indices), np.array(labels), np.array(anchor), np.array(turn, dtype=np.int64)
        )


def dataset_weights(writer_ids: list[str]) -> np.ndarray | None:
    """Drawing probabilities that give each data folder the same share, writers within a
    folder alike; None (uniform over writers) when all come from one folder."""
    folders = [dataset_of(writer_id) for writer_id in writer_ids]
    names, index, counts = np.unique(folders, return_inverse=True, return_counts=True)
    if len(names) < 2:
        return None
    weights = 1.0 / (len(names) * counts[index])
    return weights / weights.sum()
