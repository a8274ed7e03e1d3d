"""What training measures on its validation writers: the references to use
(:func:`validation_refs`), the EER with them (:func:`measure`), the threshold, review band
and calibration that go on the model card (:func:`record_on_card`), and the last step,
whitening kept only when it lowers the validation EER (:func:`whiten_if_better`)."""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

from sigverify.core.data.bank import WriterBank
from sigverify.core.encoders import Encoder
from sigverify.core.encoders.embedding import embed_inputs
from sigverify.core.errors import SigverifyError
from sigverify.core.evaluation.calibration import record_on_card as record_band
from sigverify.core.evaluation.metrics import Metrics
from sigverify.core.evaluation.protocol import available_refs, evaluate_embeddings
from sigverify.core.i18n import translate
from sigverify.core.model.card import ModelCard, write_scores
from sigverify.core.model.io import load_model, save_model
from sigverify.core.scoring import ScoreSet, typical_spread
from sigverify.core.training.whitening import SHRINKAGES, within_writer_whitening


@dataclass
class Validation:
    encoder: Encoder
    spread: float | None
    metrics: Metrics
    scores: ScoreSet


def validation_refs(validation_bank: WriterBank, preferred: int = 5) -> int:
    """The references per writer to measure with: ``preferred``, else 3, else 1, whichever
    every validation writer has enough genuine signatures for first."""
    options = available_refs(validation_bank, (preferred, 3, 1))
    if not options:
        raise SigverifyError(
            translate(
                "errors",
                "The validation writers have too few genuine signatures to measure the model.",
            )
        )
    return options[0]


def measure(
    encoder: Encoder,
    validation_bank: WriterBank,
    refs: int,
    distance: str,
    device: torch.device,
    on_batch: Callable[[], object] | None = None,
) -> Validation:
    """``encoder`` measured on the validation writers with ``refs`` references
    (``on_batch``: :func:`~sigverify.core.encoders.embedding.embed_inputs`')."""
    embeddings = embed_inputs(encoder, validation_bank.inputs, device, on_batch=on_batch)
    return measure_embeddings(encoder, embeddings, validation_bank, refs, distance)


def measure_embeddings(
    encoder: Encoder, embeddings: np.ndarray, validation_bank: WriterBank, refs: int, distance: str
) -> Validation:
    """As :func:`measure`, with the validation writers' ``embeddings`` by ``encoder`` given."""
    own = validation_bank.genuine
    spread = typical_spread(embeddings[own], validation_bank.writer[own], distance)
    evaluation = evaluate_embeddings(
        embeddings, validation_bank, [refs], distance, reference_spread=spread
    )
    return Validation(encoder, spread, evaluation.per_refs[refs], evaluation.scores[refs])


def record_on_card(card: ModelCard, measured: Validation, validation_writers: int) -> None:
    """Write the typical spread, threshold, review band, calibration and validation
    metrics that ``measured`` gives into ``card``."""
    card.reference_spread = measured.spread
    record_band(card, measured.metrics, measured.scores, validation_writers)


def best_whitened(
    encoder: Encoder,
    train_bank: WriterBank,
    validation_bank: WriterBank,
    refs: int,
    distance: str,
    device,
    on_batch: Callable[[], object] | None = None,
) -> tuple[Validation | None, dict, Validation]:
    """A copy of ``encoder`` with its own whitening dropped (an ensemble's networks' too)
    and its embeddings whitened by the training writers' within-writer covariance
    (:mod:`sigverify.core.training.whitening`), at the shrinkage of :data:`SHRINKAGES`
    whose validation EER is lowest (the lighter of equals): its measure (None when the
    training writers cannot give a whitening), what the card records of the choice, and
    the measure of the copy without any whitening. The validation writers are embedded
    once; each whitening is then one product of those embeddings, as the encoder applies it
    (:meth:`~sigverify.core.encoders.Encoder.set_whitening`)."""
    plain = copy.deepcopy(encoder)
    plain.set_whitening(None)
    genuine = train_bank.genuine
    embeddings = embed_inputs(plain, train_bank.inputs[genuine], device, on_batch=on_batch)
    validation_plain = embed_inputs(plain, validation_bank.inputs, device, on_batch=on_batch)
    unwhitened = measure_embeddings(plain, validation_plain, validation_bank, refs, distance)
    best, eers = None, {}
    for shrinkage in SHRINKAGES:
        matrix = within_writer_whitening(embeddings, train_bank.writer[genuine], shrinkage)
        if matrix is None:
            return None, {}, unwhitened
        whitened = copy.deepcopy(plain)
        whitened.set_whitening(matrix)
        measured = measure_embeddings(
            whitened, whiten(validation_plain, matrix), validation_bank, refs, distance
        )
        eers[str(shrinkage)] = measured.metrics.eer
        if best is None or measured.metrics.eer < best[1].metrics.eer - 1e-9:
            best = shrinkage, measured
    record = {
        "shrinkage": best[0],
        "training_writers": len(np.unique(train_bank.writer[genuine])),
        "validation_eer_by_shrinkage": eers,
    }
    return best[1], record, unwhitened


def whiten(embeddings: np.ndarray, matrix: np.ndarray) -> np.ndarray:
    """``embeddings (N, D)`` (unit vectors) whitened by ``matrix`` and normalised again, as
    an encoder whitening by it gives them."""
    product = torch.from_numpy(np.ascontiguousarray(embeddings, np.float32)) @ torch.as_tensor(
        matrix, dtype=torch.float32
    )
    return F.normalize(product, dim=-1).numpy()


def whiten_if_better(
    out_dir: Path,
    train_bank: WriterBank,
    validation_bank: WriterBank,
    refs: int,
    distance: str,
    device: torch.device,
    on_batch: Callable[[], object] | None = None,
) -> Validation | None:
    """The last step of training: measure the best model in ``out_dir`` with its embeddings
    whitened by its training writers' within-writer covariance (:func:`best_whitened`) and
    keep that when it lowers the validation EER. The epoch was chosen without whitening,
    which helps an under-trained network most. Returns the whitened model's measurement
    when it was kept, else None."""
    best = load_model(out_dir, device)
    encoder = best.encoder
    encoder.set_whitening(None)  # a resumed run may have whitened it already
    whitened, record, plain = best_whitened(
        encoder, train_bank, validation_bank, refs, distance, device, on_batch
    )
    if whitened is None:
        return None
    kept = whitened.metrics.eer < plain.metrics.eer - 1e-9
    chosen = whitened if kept else plain
    card = best.card
    record_on_card(card, chosen, len(validation_bank.writer_ids))
    card.training = {
        **card.training,
        "whitening": {
            "kept": kept,
            **record,
            "validation_eer_plain": plain.metrics.eer,
            "validation_eer_whitened": whitened.metrics.eer,
        },
    }
    save_model(chosen.encoder, card, out_dir)
    write_scores(chosen.scores, out_dir)
    return whitened if kept else None
