"""Model folders: ``DIR/model.safetensors`` (weights) + ``DIR/card.json`` (the card,
:mod:`sigverify.core.model.card`).

Loading checks the card, the weights' checksum and that the weights fit the encoder, and
raises :class:`~sigverify.core.errors.ModelFileError` with a plain message otherwise.
Weights are safetensors: no pickle anywhere.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np
import torch
from safetensors import SafetensorError
from safetensors.torch import load_file, save_file

from sigverify.core.encoders import Encoder, count_parameters, create_encoder
from sigverify.core.encoders.embedding import embed_inputs, fused_for_inference
from sigverify.core.errors import ModelFileError
from sigverify.core.files import readable_by_all
from sigverify.core.i18n import translate
from sigverify.core.imaging.preprocessing import PreprocessConfig
from sigverify.core.model.card import (
    WEIGHTS_FILE,
    ModelCard,
    file_sha256,
    missing_weights,
    read_card,
    write_card,
)


@dataclass
class LoadedModel:
    """``encoder``: the trainable network; ``inference_encoder``: the same network with its
    batch norms folded in, which enrolment, verification and evaluation use (faster)."""

    encoder: Encoder
    card: ModelCard
    path: Path
    device: torch.device

    @cached_property
    def inference_encoder(self) -> torch.nn.Module:
        return fused_for_inference(self.encoder)

    def embed(self, images: np.ndarray) -> np.ndarray:
        """Embeddings ``(N, dim)`` of preprocessed images ``(N, H, W)`` uint8."""
        return embed_inputs(self.inference_encoder, images, self.device)

    @property
    def preprocess(self) -> PreprocessConfig:
        return self.card.preprocess_config()


def save_model(encoder: Encoder, card: ModelCard, folder: str | Path) -> Path:
    """Write weights and card into ``folder`` (created if needed). The card's encoder
    fields, size and checksum are filled from the encoder. Returns the folder."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    state = {k: v.detach().cpu().contiguous() for k, v in encoder.state_dict().items()}
    handle, temp = tempfile.mkstemp(dir=folder, prefix=".weights.")
    os.close(handle)
    try:
        save_file(state, temp, metadata={"format": "sigverify", "encoder": encoder.name})
        readable_by_all(temp)
        card.encoder = encoder.name
        card.encoder_config = dict(encoder.config)
        card.embedding_dim = encoder.embedding_dim
        card.parameters = count_parameters(encoder)
        card.weights_sha256 = file_sha256(Path(temp))
        os.replace(temp, folder / WEIGHTS_FILE)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    write_card(card, folder)
    return folder


def load_model(folder: str | Path, device: torch.device | str = "cpu") -> LoadedModel:
    """Load a model folder for inference (eval mode) on ``device``."""
    folder = Path(folder)
    card = read_card(folder)
    weights = folder / WEIGHTS_FILE
    if not weights.is_file():
        raise missing_weights(folder)
    if not card.weights_sha256:  # without it any weights file would be taken on trust
        raise ModelFileError(
            translate(
                "errors",
                "The model card of “{name}” has no weights checksum, so its weights cannot be "
                "trusted. Install the model again.",
            ).format(name=folder.name)
        )
    if file_sha256(weights) != card.weights_sha256:
        raise ModelFileError(
            translate(
                "errors",
                "The weights of model “{name}” do not match its card: the file is damaged or was "
                "replaced. Install the model again.",
            ).format(name=folder.name)
        )
    try:
        state = load_file(str(weights))
    except (SafetensorError, OSError, ValueError) as error:
        raise ModelFileError(
            translate("errors", "The weights of model “{name}” are damaged ({error}).").format(
                name=folder.name, error=error
            )
        ) from error
    if not all(torch.isfinite(tensor).all() for tensor in state.values()):
        raise ModelFileError(
            translate(
                "errors", "The weights of model “{name}” hold invalid numbers (NaN or infinite)."
            ).format(name=folder.name)
        )
    try:
        encoder = create_encoder(card.encoder, **card.encoder_config)
        encoder.load_state_dict(state, strict=True)
    except (RuntimeError, TypeError, ValueError) as error:
        raise ModelFileError(
            translate(
                "errors",
                "The weights of model “{name}” do not fit the encoder described in its card.",
            ).format(name=folder.name)
        ) from error
    device = torch.device(device)
    encoder.to(device).eval()
    return LoadedModel(encoder=encoder, card=card, path=folder, device=device)
