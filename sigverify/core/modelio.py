"""Model folders: ``DIR/model.safetensors`` (weights) + ``DIR/card.json`` (the card).

The card is the single source of truth for how a model is used: encoder and its
configuration, preprocessing (input size...), distance, decision threshold and how it
was chosen, what it was trained on, and the metrics with their protocol. Loading checks
the card, the weights' checksum and that the weights fit the encoder, and raises
:class:`~sigverify.core.errors.ModelFileError` with a plain message otherwise. No pickle
anywhere: weights are safetensors, everything else JSON.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import asdict, dataclass, field, fields
from datetime import datetime, timezone
from functools import cached_property
from pathlib import Path

import numpy as np
import torch
from safetensors import SafetensorError
from safetensors.torch import load_file, save_file

from sigverify import __version__
from sigverify.core.embedding import fused_for_inference
from sigverify.core.errors import ModelFileError
from sigverify.core.evaluation import ScoreSet
from sigverify.core.models import Encoder, count_parameters, create_encoder, list_encoders
from sigverify.core.preprocessing import PreprocessConfig

CARD_FILE = "card.json"
WEIGHTS_FILE = "model.safetensors"
CARD_FORMAT = 1


@dataclass
class ModelCard:
    name: str
    encoder: str
    encoder_config: dict
    preprocess: dict
    distance: str = "euclidean"
    #: Accept when the aggregated distance to the references is at most this.
    threshold: float = 1.0
    #: How the threshold was chosen, e.g. {"method": "EER", "writers": "validation", "refs": 5}.
    threshold_info: dict = field(default_factory=dict)
    #: The review band around ``threshold`` (at most ``accept``: accept; above ``reject``:
    #: reject; between: needs review). None: no band, both equal ``threshold``.
    accept_threshold: float | None = None
    reject_threshold: float | None = None
    #: Typical distance between two genuine signatures of one person (median over the
    #: validation writers). Scores with 2+ references are scaled by it against the person's
    #: own references (:mod:`sigverify.core.scoring`); None: no scaling.
    reference_spread: float | None = None
    #: Platt scaling ``[a, b]``: P(genuine | score) = 1 / (1 + exp(a * score + b)).
    calibration: list | None = None
    #: Data summary, split, hyper-parameters, seed, epochs, the command that trained it.
    training: dict = field(default_factory=dict)
    #: Measured figures with their protocol: {"protocol": ..., "validation": ..., "test": ...}.
    metrics: dict = field(default_factory=dict)
    description: str = ""
    created: str = field(
        default_factory=lambda: datetime.now(timezone.utc).isoformat(timespec="seconds")
    )
    sigverify_version: str = __version__
    format: int = CARD_FORMAT
    embedding_dim: int = 0
    parameters: int = 0
    weights_sha256: str = ""

    def preprocess_config(self) -> PreprocessConfig:
        return PreprocessConfig.from_dict(self.preprocess)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, values: dict) -> ModelCard:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in values.items() if k in known})


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

    @property
    def preprocess(self) -> PreprocessConfig:
        return self.card.preprocess_config()


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _json_default(value):
    if isinstance(value, (np.integer, np.floating)):
        return value.item()
    if isinstance(value, (Path, torch.device)):
        return str(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def _readable_by_all(path: str | Path) -> None:
    """mkstemp makes owner-only files; model files are meant to be shared (umask applies)."""
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(path, 0o644 & ~umask)


def _write_atomically(path: Path, data: bytes) -> None:
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    _readable_by_all(temp)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


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
        _readable_by_all(temp)
        card.encoder = encoder.name
        card.encoder_config = dict(encoder.config)
        card.embedding_dim = encoder.embedding_dim
        card.parameters = count_parameters(encoder)
        card.weights_sha256 = _sha256(Path(temp))
        os.replace(temp, folder / WEIGHTS_FILE)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    write_card(card, folder)
    return folder


def write_card(card: ModelCard, folder: str | Path) -> None:
    """Rewrite only ``folder/card.json`` (e.g. to add test metrics after training)."""
    text = json.dumps(card.to_dict(), indent=2, ensure_ascii=False, default=_json_default)
    _write_atomically(Path(folder) / CARD_FILE, text.encode("utf-8"))


def read_card(folder: str | Path) -> ModelCard:
    """Read and check ``folder/card.json`` only (no weights)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ModelFileError(f"The model folder “{folder}” does not exist.")
    card_path = folder / CARD_FILE
    if not card_path.is_file():
        raise ModelFileError(
            f"“{folder.name}” is not a sigverify model folder: it has no {CARD_FILE}."
        )
    try:
        values = json.loads(card_path.read_text(encoding="utf-8"))
        if not isinstance(values, dict):
            raise ValueError("not a JSON object")
        card = ModelCard.from_dict(values)
    except (ValueError, TypeError) as error:
        raise ModelFileError(f"The model card of “{folder.name}” is damaged ({error}).") from error
    if not isinstance(card.format, int) or card.format > CARD_FORMAT:
        raise ModelFileError(
            f"The model “{folder.name}” was made by a newer sigverify (card format {card.format}); "
            f"update sigverify to use it."
        )
    if card.encoder not in list_encoders():
        raise ModelFileError(
            f"The model “{folder.name}” uses an encoder this version does not know "
            f"(“{card.encoder}”)."
        )
    return card


def load_model(folder: str | Path, device: torch.device | str = "cpu") -> LoadedModel:
    """Load a model folder for inference (eval mode) on ``device``."""
    folder = Path(folder)
    card = read_card(folder)
    weights = folder / WEIGHTS_FILE
    if not weights.is_file():
        raise ModelFileError(f"The model “{folder.name}” has no weights file ({WEIGHTS_FILE}).")
    if card.weights_sha256 and _sha256(weights) != card.weights_sha256:
        raise ModelFileError(
            f"The weights of model “{folder.name}” do not match its card: the file is damaged or "
            "was replaced. Install the model again."
        )
    try:
        state = load_file(str(weights))
    except (SafetensorError, OSError, ValueError) as error:
        raise ModelFileError(
            f"The weights of model “{folder.name}” are damaged ({error})."
        ) from error
    try:
        encoder = create_encoder(card.encoder, **card.encoder_config)
        encoder.load_state_dict(state, strict=True)
    except (RuntimeError, TypeError, ValueError) as error:
        raise ModelFileError(
            f"The weights of model “{folder.name}” do not fit the encoder described in its card."
        ) from error
    device = torch.device(device)
    encoder.to(device).eval()
    return LoadedModel(encoder=encoder, card=card, path=folder, device=device)


SCORES_FILE = "validation_scores.json"


def write_scores(scores: ScoreSet, folder: str | Path) -> None:
    """Keep the validation writers' distances beside the model (``validation_scores.json``):
    the Thresholds page draws its histograms and moves thresholds on them."""
    values = {
        "refs": scores.refs,
        **{
            key: np.asarray(getattr(scores, key)).tolist()
            for key in (
                "genuine",
                "skilled",
                "random",
                "genuine_writer",
                "skilled_writer",
                "random_writer",
            )
        },
    }
    _write_atomically(Path(folder) / SCORES_FILE, json.dumps(values).encode("utf-8"))


def read_scores(folder: str | Path) -> ScoreSet | None:
    """The distances saved by :func:`write_scores`, or None when the model has none."""
    path = Path(folder) / SCORES_FILE
    if not path.is_file():
        return None
    try:
        values = json.loads(path.read_text(encoding="utf-8"))
        return ScoreSet(
            refs=int(values["refs"]),
            genuine=np.asarray(values["genuine"], dtype=np.float64),
            skilled=np.asarray(values["skilled"], dtype=np.float64),
            random=np.asarray(values["random"], dtype=np.float64),
            genuine_writer=np.asarray(values["genuine_writer"], dtype=np.int64),
            skilled_writer=np.asarray(values["skilled_writer"], dtype=np.int64),
            random_writer=np.asarray(values["random_writer"], dtype=np.int64),
        )
    except (ValueError, KeyError, TypeError) as error:
        raise ModelFileError(
            f"The saved validation scores of “{Path(folder).name}” are damaged ({error})."
        ) from error
