"""Measuring a model on data folders: which writers to use and the report. One code path
for ``sigverify evaluate``, the end of ``sigverify train`` and ``bench/accuracy.py``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from sigverify.core.data.bank import WriterBank, read_bank
from sigverify.core.data.datasets import Dataset, Writer
from sigverify.core.data.splits import recorded_writers
from sigverify.core.errors import CancelledError, SigverifyError
from sigverify.core.evaluation.protocol import (
    DEFAULT_REFS,
    EvaluationReport,
    evaluate_embeddings,
    refs_to_use,
)
from sigverify.core.i18n import QT_TRANSLATE_NOOP, translate
from sigverify.core.model.card import ModelCard
from sigverify.core.scoring import ScoreSet
from sigverify.core.stroke_match import bank_stroke_term, stroke_check

if TYPE_CHECKING:
    from sigverify.core.model.io import LoadedModel

WRITER_MODES = ("auto", "test", "all")
PROTOCOL = QT_TRANSLATE_NOOP(
    "protocol",
    "writer-disjoint; per writer N genuine references (seeded random choice), queries = remaining "
    "genuine + all skilled forgeries + one genuine of up to 20 other writers (random forgeries); "
    "score = mean distance to the ceil(N/2) nearest references, scaled by the typical / this "
    "writer's reference spread (N >= 2); "
    "threshold chosen on validation writers",
)


@dataclass
class EvaluationWriters:
    writers: list[Writer]
    datasets: list[dict]
    notes: list[str] = field(default_factory=list)


def evaluation_writers(
    datasets: list[Dataset], card: ModelCard, mode: str = "auto"
) -> EvaluationWriters:
    """The writers to measure on. ``auto``: for a data folder the model was trained on, only
    its test writers (as recorded in the card); for any other folder, all usable writers.
    ``test``: insist on recorded test writers. ``all``: every usable writer. With several
    folders, writer ids are prefixed with the folder name, as in training."""
    if mode not in WRITER_MODES:
        raise SigverifyError(
            f"Unknown writer selection “{mode}”: choose {', '.join(WRITER_MODES)}."
        )
    chosen, used, notes = [], [], []
    for dataset in datasets:
        writers = dataset.usable_writers()
        recorded = recorded_writers(dataset, card.training)
        if mode == "test" and recorded is None:
            raise SigverifyError(
                translate(
                    "errors",
                    "The model was not trained on “{name}”, so it has no test writers there; "
                    "evaluate on all its writers instead (--writers all).",
                ).format(name=dataset.root.name)
            )
        if mode in ("auto", "test") and recorded is not None:
            writers = [w for w in recorded if w in writers]
            notes.append(
                f"The model was trained on part of “{dataset.root.name}”; evaluating on its "
                f"{len(writers)} test writers only."
            )
        prefix = f"{dataset.root.name}/" if len(datasets) > 1 else ""
        chosen += [Writer(prefix + w.id, w.genuine, w.forged) for w in writers]
        used.append({"name": dataset.root.name, "layout": dataset.layout, "writers": len(writers)})
    return EvaluationWriters(chosen, used, notes)


def part_writers(datasets: list[Dataset], card, part: str) -> list[Writer]:
    """The writers of ``part`` ("validation" or "test") that the card records for the
    folders it was trained on among ``datasets``, their ids prefixed by the folder
    ("cedar/12", as training merged them); refused when there are none."""
    writers = []
    for dataset in datasets:
        recorded = recorded_writers(dataset, card.training, part) or []
        writers += [Writer(f"{dataset.root.name}/{w.id}", w.genuine, w.forged) for w in recorded]
    if not writers:
        raise SigverifyError(
            translate(
                "errors",
                "None of these data folders holds the model's validation writers: give the "
                "folders it was trained on.",
            )
            if part == "validation"
            else translate(
                "errors",
                "None of these data folders holds the model's test writers: give the folders "
                "it was trained on.",
            )
        )
    return writers


# Signatures embedded between two progress points: Cancel waited for a whole folder's
# embedding (0.9 s of 192 synthetic signatures; a data set of 5,000 took half a minute).
EMBED_CHUNK = 64


def embedded(
    model: LoadedModel,
    inputs: np.ndarray,
    on_progress: Callable[[int, int], bool | None] | None = None,
) -> np.ndarray:
    """``model.embed(inputs)``, in chunks with ``on_progress(done, total)`` after each;
    returning False cancels (raises :class:`~sigverify.core.errors.CancelledError`)."""
    if on_progress is None:
        return model.embed(inputs)
    chunks = []
    for start in range(0, len(inputs), EMBED_CHUNK):
        chunks.append(model.embed(inputs[start : start + EMBED_CHUNK]))
        if on_progress(start + len(chunks[-1]), len(inputs)) is False:
            raise CancelledError(translate("errors", "Cancelled while measuring the signatures."))
    return np.concatenate(chunks) if chunks else model.embed(inputs)


def evaluate_model(
    model: LoadedModel,
    bank: WriterBank,
    refs=DEFAULT_REFS,
    bootstrap: int = 0,
    seed: int = 0,
    query_bank: WriterBank | None = None,
    draws: int = 1,
    on_progress: Callable[[int, int], bool | None] | None = None,
) -> EvaluationReport:
    """Embed the bank with the model and run the protocol at the card's distance and
    threshold, with the card's stroke check when it has one. ``query_bank``: the same
    signatures (same order) captured otherwise; the references then come from ``bank``
    and the queries from ``query_bank``. ``draws``: draws of the references pooled
    (:func:`~sigverify.core.evaluation.protocol.evaluate_embeddings`).
    ``on_progress(done, total)`` follows the embedding; returning False cancels it
    (raises :class:`~sigverify.core.errors.CancelledError`)."""
    embeddings = embedded(model, bank.inputs, on_progress)
    query_embeddings = None
    added = bank_stroke_term(
        stroke_check(model.card), bank.inputs, None if query_bank is None else query_bank.inputs
    )
    if query_bank is not None:
        if not np.array_equal(query_bank.writer, bank.writer) or not np.array_equal(
            query_bank.genuine, bank.genuine
        ):
            raise ValueError("query_bank must hold the same signatures as bank, in order")
        query_embeddings = model.embed(query_bank.inputs)
    return evaluate_embeddings(
        embeddings,
        bank,
        refs,
        model.card.distance,
        model.card.threshold,
        bootstrap,
        seed,
        reference_spread=model.card.reference_spread,
        query_embeddings=query_embeddings,
        added=added,
        draws=draws,
    )


def test_figures(report: EvaluationReport, writers: int) -> dict:
    """A card's ``metrics["test"]`` entry: the protocol, how many test writers, the report."""
    return {"protocol": PROTOCOL, "writers": writers, **report.to_dict()}


def folder_scores(
    model: LoadedModel,
    folder,
    refs: int = 5,
    on_progress: Callable[[int, int], bool | None] | None = None,
) -> tuple[ScoreSet, list[str]]:
    """The protocol's distances for a data folder (any supported layout): genuine, skilled
    and random-forgery scores with ``refs`` references per writer (fewer when the writers
    have too few signatures). Writers the model was trained on are left out. Returns the
    scores and notes for the user."""
    from sigverify.core.data.datasets import read_dataset

    chosen = evaluation_writers([read_dataset(folder)], model.card, "auto")
    # one bar for both: reading, then embedding (the bar went back to the start: a review)
    reading = embedding = on_progress
    if on_progress is not None:
        reading = lambda done, total: on_progress(done, 2 * total)  # noqa: E731
        embedding = lambda done, total: on_progress(total + done, 2 * total)  # noqa: E731
    bank = read_bank(chosen.writers, model.card.input, model.card.preprocess, reading)
    chosen_refs = refs_to_use(bank, refs)
    if chosen_refs is None:
        raise SigverifyError(
            translate(
                "errors",
                "The writers in this folder have too few genuine signatures to measure anything: "
                "each needs at least 2.",
            )
        )
    report = evaluate_model(model, bank, [chosen_refs], on_progress=embedding)
    return report.scores[chosen_refs], chosen.notes
