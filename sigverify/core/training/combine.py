"""Joining trained models of one recipe into an ensemble (``sigverify models combine``):
one model folder whose encoder runs them all on the same input and joins their embeddings
(:mod:`sigverify.core.encoders.ensemble`). Training does the rest as for one model: the
threshold, review band and calibration are chosen on the validation writers, the test
figures measured on the test writers, and the ONNX file written.

A member may itself be an ensemble: its networks join as they are, weighted so that the
new ensemble reads it exactly as before. The members must have been trained on the same
writer split (``--seed``; a different ``--init-seed`` gives another member) and read the
same input: otherwise the validation writers of one would be training writers of the
other, and the figures would flatter.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sigverify.core.data.bank import read_bank
from sigverify.core.data.datasets import Dataset
from sigverify.core.encoders.ensemble import EnsembleEncoder
from sigverify.core.errors import SigverifyError
from sigverify.core.evaluation.measure import evaluate_model, part_writers, test_figures
from sigverify.core.evaluation.protocol import DEFAULT_REFS, EvaluationReport
from sigverify.core.i18n import translate
from sigverify.core.model.card import ModelCard, write_card, write_scores
from sigverify.core.model.io import LoadedModel, load_model, save_model
from sigverify.core.training.validation import (
    best_whitened,
    measure,
    record_on_card,
    validation_refs,
)

# What members must share: the input they read and how their distances are taken.
SHARED = ("input", "preprocess", "distance")


@dataclass
class Combined:
    folder: Path
    card: ModelCard
    members: list[LoadedModel]
    validation_eer: float
    test: EvaluationReport | None


def combine_models(
    folders: list[str | Path],
    datasets: list[Dataset],
    out_dir: str | Path,
    name: str,
    command: str | None = None,
    on_progress: Callable[[int, int], bool | None] | None = None,
) -> Combined:
    """The models in ``folders`` joined into one in ``out_dir``, measured on the validation
    and test writers they were trained with among ``datasets``."""
    members = [load_model(folder) for folder in folders]
    if sum(m.card.networks for m in members) < 2:  # (one ensemble: whitened again)
        raise SigverifyError(translate("errors", "An ensemble needs two or more models."))
    first = members[0].card
    for member in members:
        if member.card.input != "image" or member.card.strokes is not None:
            raise SigverifyError(
                translate(
                    "errors",
                    "“{name}” cannot be joined: only image models that score by distance alone "
                    "can (fit a stroke check on the ensemble instead).",
                ).format(name=member.path.name)
            )
    for member in members[1:]:
        if any(_shared(member.card, field) != _shared(first, field) for field in SHARED):
            raise SigverifyError(
                translate(
                    "errors",
                    "“{a}” and “{b}” read their input or measure distances differently; only "
                    "models trained with the same settings can be joined.",
                ).format(a=members[0].path.name, b=member.path.name)
            )
        if _split_of(member.card) != _split_of(first):
            raise SigverifyError(
                translate(
                    "errors",
                    "“{a}” and “{b}” were trained on different writer splits; train each "
                    "member with the same --seed (and another --init-seed).",
                ).format(a=members[0].path.name, b=member.path.name)
            )
    parts = [part for member in members for part in _networks(member)]
    encoder = EnsembleEncoder(
        [{"encoder": net.name, "config": dict(net.config)} for net, _ in parts],
        [weight for _, weight in parts],
    )
    for (net, _), module in zip(parts, encoder.members, strict=True):
        module.load_state_dict(net.state_dict())
    encoder.eval()

    validation = read_bank(
        part_writers(datasets, first, "validation"), first.input, first.preprocess, on_progress
    )
    refs, device = validation_refs(validation), members[0].device
    measured = measure(encoder, validation, refs, first.distance, device)
    train = read_bank(part_writers(datasets, first, "train"), first.input, first.preprocess)
    encoder, measured, whitening = _whiten_whole(
        encoder, train, validation, refs, first.distance, device, measured
    )
    card = ModelCard(
        name=name,
        encoder=encoder.name,
        encoder_config={},
        preprocess=dict(first.preprocess),
        input=first.input,
        distance=first.distance,
        # the members share their data and split, so the first one's account holds for all
        description=(
            first.description
            if first.encoder == "ensemble"  # its own words say so already
            else f"An ensemble of {len(parts)} models of one recipe and writer split. "
            + first.description
        ).strip(),
        training={
            "datasets": first.training["datasets"],
            "split_seed": first.training.get("split_seed"),
            # the networks' own records: an ensemble member's are its networks'
            "ensemble_of": [record for m in members for record in _records(m)],
            "whitening": whitening,
            **({"command": command} if command else {}),
        },
    )
    record_on_card(card, measured, len(validation.writer_ids))
    out_dir = Path(out_dir)
    save_model(encoder, card, out_dir)
    write_scores(measured.scores, out_dir)

    report = None
    test_writers = part_writers(datasets, first, "test")
    model = load_model(out_dir)
    test = read_bank(test_writers, first.input, first.preprocess, on_progress)
    if len(test):
        report = evaluate_model(model, test, DEFAULT_REFS)
        model.card.metrics["test"] = test_figures(report, len(test_writers))
        write_card(model.card, out_dir)
    from sigverify.core.model.export import export_onnx  # what desks verify with

    export_onnx(out_dir)
    return Combined(out_dir, model.card, members, float(measured.metrics.eer), report)


def _whiten_whole(encoder, train, validation, refs: int, distance: str, device, measured):
    """The ensemble whitened as a whole: its networks' own whitening dropped and its joined
    embedding whitened by the training writers' within-writer covariance (as training does
    for one network, :func:`~sigverify.core.training.validation.whiten_if_better`). Kept
    when it lowers the validation EER of the ensemble as joined; ``(encoder, its
    validation measure, what the card records)``. On the shipped recipe's three splits it
    lowered the test EER at 3, 5 and 10 references on each."""
    whitened, record, _ = best_whitened(encoder, train, validation, refs, distance, device)
    info = {"whole": False, **record, "validation_eer_joined": measured.metrics.eer}
    if whitened is None:
        return encoder, measured, info
    info["validation_eer_whitened"] = whitened.metrics.eer
    if whitened.metrics.eer < measured.metrics.eer - 1e-9:
        return whitened.encoder, whitened, {**info, "whole": True}
    return encoder, measured, info


def _records(member: LoadedModel) -> list[dict]:
    """What the card keeps of a member's networks: how each was made and measured."""
    if member.card.training.get("ensemble_of"):
        return list(member.card.training["ensemble_of"])
    return [
        {
            "folder": str(member.path),
            "name": member.card.name,
            "weights_sha256": member.card.weights_sha256,
            "threshold": member.card.threshold,
            "command": member.card.training.get("command"),
            "validation_eer": _validation_eer(member.card),
        }
    ]


def _networks(member: LoadedModel) -> list[tuple]:
    """``(network, weight)`` of what ``member`` adds to an ensemble: itself, weighted by one
    over its threshold; an ensemble adds its own networks, each weighted so that together
    they give exactly its own embedding over its threshold (its joined vector has the
    length ``sqrt(sum w^2)`` for every input, which its output is divided by). An ensemble
    whitened as a whole joins without that whitening: the new one is whitened again as a
    whole at the end (:func:`_whiten_whole`) when its validation writers say so."""
    if not isinstance(member.encoder, EnsembleEncoder):
        return [(member.encoder, 1.0 / member.card.threshold)]
    length = sum(w * w for w in member.encoder.weights) ** 0.5
    scale = 1.0 / (length * member.card.threshold)
    return [
        (net, w * scale)
        for net, w in zip(member.encoder.members, member.encoder.weights, strict=True)
    ]


def _shared(card: ModelCard, field: str):
    """A setting members must share; preprocessing as it applies (a card written before a
    setting existed takes its default)."""
    return card.preprocess_config() if field == "preprocess" else getattr(card, field)


def _split_of(card: ModelCard) -> list:
    return [
        (d.get("name"), sorted(d.get("validation", [])), sorted(d.get("test", [])))
        for d in card.training.get("datasets", [])
    ]


def _validation_eer(card: ModelCard) -> float | None:
    figures = card.metrics.get("validation") or {}
    return next((m.get("eer") for m in figures.values()), None)
