"""A model folder's encoder run by ONNX Runtime: enrolment, verification, re-embedding and
evaluation without torch (about 0.2 s and 60 MB to get ready, against 5 s and 650 MB for
importing torch).

The ``model.onnx`` beside the weights is the inference encoder (batch norms folded,
whitening included) exported by :mod:`sigverify.core.model.export`; the card records its
SHA-256 (``onnx_sha256``), checked on loading like the weights.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from sigverify.core.errors import ModelFileError
from sigverify.core.i18n import translate
from sigverify.core.imaging.preprocessing import PreprocessConfig
from sigverify.core.model.card import ModelCard, file_sha256, read_card

ONNX_FILE = "model.onnx"
#: Images per ONNX Runtime call (as many as the torch path embeds at once).
BATCH = 64


def onnx_input(card: ModelCard, inputs: np.ndarray) -> np.ndarray:
    """What the card's encoder reads, as the torch encoder gets it: preprocessed images
    ``(N, H, W)`` uint8 (ink bright) -> float32 ``(N, 1, H, W)`` in [0, 1]; a pen model's
    sequences ``(N, L, F)`` as float32."""
    if card.input == "pen":
        return np.ascontiguousarray(inputs, dtype=np.float32)
    return np.asarray(inputs)[:, None].astype(np.float32) / np.float32(255.0)


def example_inputs(card: ModelCard, count: int, seed: int = 0) -> np.ndarray:
    """``count`` random inputs of the card's kind (uint8 images or float32 pen sequences),
    for checking an exported encoder against torch."""
    rng = np.random.default_rng(seed)
    if card.input == "pen":
        shape = (count, card.preprocess["pen_length"], len(card.preprocess["features"]))
        return rng.normal(size=shape).astype(np.float32)
    config = card.preprocess_config()
    return rng.integers(0, 256, (count, config.height, config.width), np.uint8)


def has_onnx(folder: str | Path, card: ModelCard | None = None) -> bool:
    """The folder holds the ONNX file its card names (its checksum is checked on loading)."""
    folder = Path(folder)
    card = card or read_card(folder)
    return bool(card.onnx_sha256) and (folder / ONNX_FILE).is_file()


@dataclass
class OnnxModel:
    """Same use as :class:`sigverify.core.model.io.LoadedModel` for inference: ``card``,
    ``path``, ``device``, ``preprocess`` and ``embed``."""

    card: ModelCard
    path: Path
    session: object  # onnxruntime.InferenceSession
    device: str  # "cpu" or "cuda"
    runtime: str = "onnxruntime"

    @property
    def preprocess(self) -> PreprocessConfig:
        return self.card.preprocess_config()

    def embed(self, inputs: np.ndarray) -> np.ndarray:
        """Embeddings ``(N, dim)`` float32 of preprocessed images ``(N, H, W)`` uint8 (ink
        bright), or of a pen model's sequences, given as the torch encoder gets them
        (:func:`onnx_input`)."""
        inputs = np.asarray(inputs)
        if len(inputs) == 0:
            return np.zeros((0, self.card.embedding_dim), np.float32)
        name = self.session.get_inputs()[0].name
        chunks = []
        for start in range(0, len(inputs), BATCH):
            batch = onnx_input(self.card, inputs[start : start + BATCH])
            chunks.append(self.session.run(None, {name: batch})[0])
        embeddings = np.concatenate(chunks).astype(np.float32, copy=False)
        if not np.isfinite(embeddings).all():  # damaged weights: never a score of "nan %"
            raise ModelFileError(
                translate(
                    "errors", "The model “{name}” gives invalid numbers (NaN or infinite)."
                ).format(name=self.path.name)
            )
        return embeddings


def load_onnx_model(folder: str | Path, threads: int | None = None, gpu: bool = True) -> OnnxModel:
    """Load ``folder``'s ONNX encoder (checksum checked) on the CUDA execution provider when
    ``gpu`` and onnxruntime has one, else on the CPU with ``threads`` threads."""
    import onnxruntime

    folder = Path(folder)
    card = read_card(folder)
    path = folder / ONNX_FILE
    if not has_onnx(folder, card):
        raise ModelFileError(
            translate("errors", "The model “{name}” has no ONNX file ({file}).").format(
                name=folder.name, file=ONNX_FILE
            )
        )
    if file_sha256(path) != card.onnx_sha256:
        raise ModelFileError(
            translate(
                "errors",
                "The ONNX file of model “{name}” does not match its card: the file is damaged "
                "or was replaced. Install the model again.",
            ).format(name=folder.name)
        )
    options = onnxruntime.SessionOptions()
    if threads:
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
    if card.input == "pen":
        # The pen model's idle threads sleep instead of spinning: its one-query runs sit
        # between the picture's and numpy work, and spinning threads took the cores from
        # them (bench/pen_speed.py on SUSIG, 2 cores: p95 33-50 ms spinning, 27-34 not). The
        # image model keeps spinning: without it, batch embedding fell from 717 to 429
        # images/s (bench/speed.py) at the same single-query time.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.log_severity_level = 3  # warnings about unused initialisers are not the user's
    providers = ["CPUExecutionProvider"]
    if gpu and "CUDAExecutionProvider" in onnxruntime.get_available_providers():
        providers.insert(0, "CUDAExecutionProvider")
    try:
        session = onnxruntime.InferenceSession(str(path), options, providers=providers)
    except Exception as error:  # onnxruntime raises its own types for a bad file
        raise ModelFileError(
            translate(
                "errors", "The ONNX file of model “{name}” cannot be loaded ({error})."
            ).format(name=folder.name, error=error)
        ) from error
    device = "cuda" if session.get_providers()[0] == "CUDAExecutionProvider" else "cpu"
    return OnnxModel(card=card, path=folder, session=session, device=device)
