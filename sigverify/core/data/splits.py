"""Writer-disjoint splits: each data folder's writers drawn into train / validation / test
by a seed (no writer on two sides), merged across folders, and the test writers a model
card recorded."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from sigverify.core.data.datasets import Dataset, Writer, number_key
from sigverify.core.errors import DatasetError
from sigverify.core.i18n import translate

#: The writer split's default fractions for validation and test (the rest trains).
DEFAULT_VALIDATION, DEFAULT_TEST = 0.15, 0.15


@dataclass(frozen=True)
class WriterSplit:
    """A writer-disjoint split: no writer is in two parts."""

    train: list[Writer]
    validation: list[Writer]
    test: list[Writer]
    seed: int


#: The fewest writers a split takes: two to train on, one to validate, one to test.
MIN_WRITERS = 4


def split_writers(
    writers: list[Writer],
    validation: float = DEFAULT_VALIDATION,
    test: float = DEFAULT_TEST,
    seed: int = 0,
) -> WriterSplit:
    """Writer-disjoint train / validation / test split, the same for the same seed.

    ``validation`` and ``test`` are fractions of the writers; each part gets at least one
    writer, and training at least two (pairs of writers are what it learns from: with
    one, training failed, seen in a real window). Raises :class:`DatasetError` with fewer
    than :data:`MIN_WRITERS` writers.
    """
    if not 0 < validation < 1 or not 0 < test < 1 or validation + test >= 1:
        raise DatasetError(
            translate(
                "errors",
                "Validation and test fractions must be between 0 and 1, with room left for "
                "training.",
            )
        )
    if len(writers) < MIN_WRITERS:
        raise DatasetError(
            translate(
                "errors",
                "At least 4 writers are needed: 2 to train on, and 1 each for validation and "
                "test, kept apart; this data has {writers}.",
            ).format(writers=len(writers))
        )
    ordered = sorted(writers, key=lambda w: number_key(w.id))
    order = np.random.default_rng(seed).permutation(len(ordered))
    shuffled = [ordered[i] for i in order]
    n = len(shuffled)
    n_val = max(1, round(validation * n))
    n_test = min(max(1, round(test * n)), n - 3)  # (room for one to validate, two to train)
    n_val = min(n_val, n - n_test - 2)
    return WriterSplit(
        train=shuffled[n_val + n_test :],
        validation=shuffled[:n_val],
        test=shuffled[n_val : n_val + n_test],
        seed=seed,
    )


def split_datasets(
    datasets: list[Dataset],
    validation: float = DEFAULT_VALIDATION,
    test: float = DEFAULT_TEST,
    seed: int = 0,
) -> tuple[WriterSplit, list[dict]]:
    """Split each dataset's usable writers (so each contributes to every part), then merge.

    With several datasets, writer ids are prefixed with the dataset folder's name
    (``cedar/12``) so they stay unique. Returns the merged split and a summary per dataset
    (name, layout, counts and the writer ids of each part) to record in a model card.
    """
    parts: dict[str, list[Writer]] = {"train": [], "validation": [], "test": []}
    summary = []
    for dataset in datasets:
        split = split_writers(dataset.usable_writers(), validation, test, seed)
        prefix = f"{dataset.root.name}/" if len(datasets) > 1 else ""
        entry = {
            "name": dataset.root.name,
            "layout": dataset.layout,
            "writers": len(dataset.writers),
            "genuine": dataset.genuine_count,
            "forged": dataset.forged_count,
        }
        for part in parts:
            writers = getattr(split, part)
            parts[part] += [Writer(prefix + w.id, w.genuine, w.forged) for w in writers]
            entry[part] = [w.id for w in writers]
        summary.append(entry)
    merged = WriterSplit(
        train=parts["train"], validation=parts["validation"], test=parts["test"], seed=seed
    )
    return merged, summary


def dataset_of(writer_id: str) -> str:
    """The data folder a merged split's writer id comes from (``"cedar/12"`` -> ``"cedar"``);
    ``""`` for the ids of a single dataset, which carry no prefix."""
    return writer_id.split("/", 1)[0] if "/" in writer_id else ""


def recorded_writers(dataset: Dataset, training: dict, part: str = "test") -> list[Writer] | None:
    """The writers of ``dataset`` that a model card's training summary kept for ``part``
    ("test" or "validation"), or None when the model was not trained on this dataset
    (matched by folder name and layout)."""
    for entry in training.get("datasets", []):
        if entry.get("name") == dataset.root.name and entry.get("layout") == dataset.layout:
            wanted = set(entry.get(part, []))
            return [w for w in dataset.writers if w.id in wanted]
    return None
