"""The model card (``DIR/card.json``) and the validation scores kept beside it.

The card is the single source of truth for how a model is used: encoder and its
configuration, preprocessing (input size...), distance, decision threshold and how it
was chosen, what it was trained on, and the metrics with their protocol. Reading a card
needs no torch, so listing models and starting the app stay quick; the weights are loaded
by :mod:`sigverify.core.model.io`. No pickle anywhere: everything here is JSON.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import sys
import tempfile
from dataclasses import asdict, dataclass, field, fields
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

from sigverify import __version__
from sigverify.core.errors import ModelFileError
from sigverify.core.i18n import translate
from sigverify.core.imaging.preprocessing import PreprocessConfig
from sigverify.core.scoring import ScoreSet

#: The encoders this version can build (the registry in :mod:`sigverify.core.encoders`,
#: named here so that reading a card needs no torch; a test keeps the two equal).
ENCODER_NAMES = ("cnn", "tdnn")

#: The distances this version can compute (:mod:`sigverify.core.training.distances`, named here so
#: that reading a card needs no torch; a test keeps the two equal).
DISTANCE_NAMES = ("euclidean", "cosine")
#: A card larger than this is not one sigverify wrote (the default model's is 40 KB).
MAX_CARD_BYTES = 5_000_000
#: Bounds on what a card may ask for: input sizes (memory), thresholds (distances between
#: unit vectors are at most 2; a scaled score a few times that), embedding sizes.
INPUT_SIDES = (16, 1024)
PEN_LENGTHS = (16, 4096)  # samples a pen model's sequences are resampled to
MAX_THRESHOLD = 10.0
MAX_EMBEDDING_DIM = 4096

CARD_FILE = "card.json"
CARD_FORMAT = 1


def file_sha256(path: str | Path) -> str:
    """Hex SHA-256 of a file (weights and ONNX files are checked against their card)."""
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


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
    #: SHA-256 of ``model.onnx``, the same encoder for ONNX Runtime ("" until exported).
    onnx_sha256: str = ""
    #: "image": reads preprocessed images (``preprocess``); "pen": reads pen recordings as
    #: sequences (``preprocess`` holds ``pen_length`` and ``features``).
    input: str = "image"
    #: A pen model: the band on fused pen + image scores (each over its model's
    #: threshold, averaged), ``{"accept": A, "reject": R, ...}`` with how it was chosen
    #: (:mod:`sigverify.core.pen_verification`). None: 1 for both.
    fusion: dict | None = None
    #: An image model: how much the stroke check adds to a score (``{"per_px": k, ...}``,
    #: :mod:`sigverify.core.stroke_match`), fitted on validation writers; the thresholds
    #: and calibration are then on that score. None: the distance alone.
    strokes: dict | None = None

    def preprocess_config(self) -> PreprocessConfig:
        return PreprocessConfig.from_dict(self.preprocess)

    @property
    def model_id(self) -> str:
        """What stored embeddings, settings and audit rows name the model by:
        name@checksum (another model of the same name has other weights, another id), and
        ``+strokes`` with a checksum of the stroke check when the card has one: its scores
        are another measure, so thresholds set for the plain one must not carry over."""
        plain = f"{self.name}@{self.weights_sha256[:12]}"
        if not self.strokes:
            return plain
        entry = json.dumps(self.strokes, sort_keys=True).encode("utf-8")
        return f"{plain}+strokes{hashlib.sha256(entry).hexdigest()[:6]}"

    @property
    def whitened(self) -> bool:
        """The encoder whitens its embeddings (see ``Encoder.set_whitening``)."""
        return bool(self.encoder_config.get("whitened"))

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, values: dict) -> ModelCard:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in values.items() if k in known})


@dataclass(frozen=True)
class AccuracySummary:
    """What a card's test figures say in plain terms, at one number of references."""

    refs: int
    writers: int  # test writers, never trained on (of each split, where splits > 1)
    eer: float
    genuine_refused: float  # FRR at the card's threshold
    forgeries_accepted: float  # FAR on skilled forgeries at the card's threshold
    #: Above 1: the mean over this many trainings of the recipe on other writer splits
    #: (``metrics["test_over_splits"]``), a fairer figure than the one split shipped.
    splits: int = 1


def _mean(value) -> float | None:
    """A figure as the card stores it: a number, or ``{"mean": ...}`` over splits."""
    if isinstance(value, dict):
        value = value.get("mean")
    return value if is_finite_number(value) else None


def accuracy_summary(card: ModelCard, refs: int = 5) -> AccuracySummary | None:
    """The card's test figures at ``refs`` references (or the nearest count measured
    below it, else the smallest above): the mean over writer splits where the card has
    it, else its own test split; None when the card holds no test figures."""
    test = card.metrics.get("test") or {}
    over_splits = card.metrics.get("test_over_splits") or {}
    splits = len(over_splits.get("seeds") or [])
    source = over_splits if splits > 1 and over_splits.get("per_refs") else test
    measured = {int(n): m for n, m in (source.get("per_refs") or {}).items()}
    if not measured:
        return None
    below = [n for n in measured if n <= refs]
    chosen = max(below) if below else min(measured)
    m = measured[chosen]
    eer, frr, far = (_mean(m.get(key)) for key in ("eer", "frr", "far_skilled"))
    if eer is None or frr is None or far is None:
        return None
    writers = int(test.get("writers") or m.get("writers") or 0)
    return AccuracySummary(chosen, writers, eer, frr, far, splits if source is over_splits else 1)


def _json_default(value):
    if isinstance(value, (np.integer, np.floating)):
        return value.item()
    torch = sys.modules.get("torch")  # a torch.device can only exist once torch is imported
    if isinstance(value, Path) or (torch is not None and isinstance(value, torch.device)):
        return str(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def readable_by_all(path: str | Path) -> None:
    """mkstemp makes owner-only files; model files are meant to be shared (umask applies)."""
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(path, 0o644 & ~umask)


def _write_atomically(path: Path, data: bytes) -> None:
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    readable_by_all(temp)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def write_card(card: ModelCard, folder: str | Path) -> None:
    """Rewrite only ``folder/card.json`` (e.g. to add test metrics after training)."""
    text = json.dumps(card.to_dict(), indent=2, ensure_ascii=False, default=_json_default)
    _write_atomically(Path(folder) / CARD_FILE, text.encode("utf-8"))


def read_card(folder: str | Path) -> ModelCard:
    """Read and check ``folder/card.json`` only (no weights)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ModelFileError(
            translate("errors", "The model folder “{folder}” does not exist.").format(folder=folder)
        )
    card_path = folder / CARD_FILE
    if not card_path.is_file():
        raise ModelFileError(
            translate(
                "errors", "“{name}” is not a sigverify model folder: it has no {CARD_FILE}."
            ).format(name=folder.name, CARD_FILE=CARD_FILE)
        )
    try:
        if card_path.stat().st_size > MAX_CARD_BYTES:
            raise ValueError(f"larger than {MAX_CARD_BYTES // 1_000_000} MB")
        values = json.loads(card_path.read_text(encoding="utf-8"))
        if not isinstance(values, dict):
            raise ValueError("not a JSON object")
        card = ModelCard.from_dict(values)
        card_problem = _card_problem(card)
        if card_problem:
            raise ValueError(card_problem)
    except (ValueError, TypeError, RecursionError) as error:
        raise ModelFileError(
            translate("errors", "The model card of “{name}” is damaged ({error}).").format(
                name=folder.name, error=error
            )
        ) from error
    if not isinstance(card.format, int) or card.format > CARD_FORMAT:
        raise ModelFileError(
            translate(
                "errors",
                "The model “{name}” was made by a newer sigverify (card format {format}); update "
                "sigverify to use it.",
            ).format(name=folder.name, format=card.format)
        )
    if card.encoder not in ENCODER_NAMES:
        raise ModelFileError(
            translate(
                "errors",
                "The model “{name}” uses an encoder this version does not know (“{encoder}”).",
            ).format(name=folder.name, encoder=card.encoder)
        )
    return card


def is_finite_number(value, low: float = float("-inf"), high: float = float("inf")) -> bool:
    return (
        isinstance(value, (int, float))
        and not isinstance(value, bool)
        and math.isfinite(value)
        and low <= value <= high
    )


def _whole(value, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def _input_problem(card: ModelCard) -> str | None:
    """What is wrong with the card's description of the model's input, if anything."""
    if card.input == "pen":
        if not is_finite_number(card.threshold, 1e-6, MAX_THRESHOLD):
            return "a pen model's threshold must be above 0 (scores are divided by it)"
        length = card.preprocess.get("pen_length")
        if not _whole(length, *PEN_LENGTHS):
            return f"preprocess pen_length must be {PEN_LENGTHS[0]}-{PEN_LENGTHS[1]} samples"
        features = card.preprocess.get("features")
        if not isinstance(features, list) or not all(isinstance(f, str) for f in features):
            return "preprocess features must be a list of names"
        return None
    if card.input != "image":
        return f"unknown input {card.input!r}"
    low, high = INPUT_SIDES
    for side in ("height", "width"):
        if not _whole(card.preprocess.get(side), low, high):
            return f"preprocess {side} must be {low}-{high} pixels"
    try:
        config = card.preprocess_config()
    except TypeError as error:
        return f"preprocess: {error}"
    if not is_finite_number(config.stroke_width, 0.0, 20.0) or not is_finite_number(
        config.margin, 0.0, 0.4
    ):
        return "preprocess stroke_width or margin out of range"
    return None


def _card_problem(card: ModelCard) -> str | None:
    """What makes a card unusable or unsafe, in a few words (None: it is sound). Every value
    that decides a verification must have its type and a sensible range: a card edited to
    accept above 1e308, or a 2500-pixel input, must never load."""
    kinds = {
        "name": str,
        "encoder": str,
        "encoder_config": dict,
        "preprocess": dict,
        "distance": str,
        "threshold_info": dict,
        "training": dict,
        "metrics": dict,
        "description": str,
        "created": str,
        "sigverify_version": str,
        "weights_sha256": str,
        "onnx_sha256": str,
        "input": str,
    }
    for name, kind in kinds.items():
        if not isinstance(getattr(card, name), kind):
            return f"{name} must be a {kind.__name__}"
    for name in ("format", "embedding_dim", "parameters"):
        value = getattr(card, name)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            return f"{name} must be a whole number"
    if card.distance not in DISTANCE_NAMES:
        return f"unknown distance {card.distance!r}"
    if not 0 < card.embedding_dim <= MAX_EMBEDDING_DIM:
        return "embedding_dim out of range"
    problem = _input_problem(card)
    if problem:
        return problem
    if not is_finite_number(card.threshold, 0.0, MAX_THRESHOLD):
        return "threshold must be a number from 0 to 10"
    band = [card.accept_threshold, card.reject_threshold]
    if any(t is not None and not is_finite_number(t, 0.0, MAX_THRESHOLD) for t in band):
        return "accept and reject thresholds must be numbers from 0 to 10"
    if None not in band and band[0] > band[1]:
        return "the accept threshold is above the reject threshold"
    if card.reference_spread is not None and not is_finite_number(
        card.reference_spread, 1e-6, 10.0
    ):
        return "reference_spread out of range"
    calibration = card.calibration
    if calibration is not None and (
        not isinstance(calibration, list)
        or len(calibration) != 2
        or not all(is_finite_number(v, -1e6, 1e6) for v in calibration)
    ):
        return "calibration must be two numbers"
    if card.fusion is not None:
        fusion = card.fusion if isinstance(card.fusion, dict) else {}
        band = [fusion.get("accept"), fusion.get("reject")]
        if not all(is_finite_number(v, 0.0, MAX_THRESHOLD) for v in band) or band[0] > band[1]:
            return "fusion must hold accept and reject limits from 0 to 10, accept first"
        scales = fusion.get("scales", {})
        if not isinstance(scales, dict) or not all(
            is_finite_number(v, 1e-6, MAX_THRESHOLD) for v in scales.values()
        ):
            return "fusion scales must be numbers above 0, at most 10"
        if scales and not {"pen", "image"} <= set(scales) <= {"pen", "dtw", "image"}:
            return "fusion scales must be given for pen and image (and dtw, if any)"
        if ("dtw" in scales) != ("dtw_spread" in fusion):
            return "fusion must give dtw_spread exactly when it has a dtw scale"
        if "dtw_spread" in fusion and not is_finite_number(fusion["dtw_spread"], 1e-6, 1e3):
            return "fusion dtw_spread must be a number above 0"
        calibration = fusion.get("calibration")
        if calibration is not None and (
            not isinstance(calibration, list)
            or len(calibration) != 2
            or not all(is_finite_number(v, -1e6, 1e6) for v in calibration)
        ):
            return "fusion calibration must be two numbers"
        weights = fusion.get("weights")
        if weights is not None and (
            not isinstance(weights, dict)
            or set(weights) != set(scales)
            or not all(is_finite_number(v, 0.0, 1.0) for v in weights.values())
            or abs(sum(weights.values()) - 1) > 1e-6
        ):
            return "fusion weights must be given for each scale, from 0 to 1, summing to 1"
    if card.strokes is not None:
        strokes = card.strokes if isinstance(card.strokes, dict) else {}
        if (
            card.input != "image"
            or not is_finite_number(strokes.get("per_px"), 0.0, 0.5)
            or not is_finite_number(strokes.get("typical_px"), 0.0, 20.0)
        ):
            return (
                "strokes must be an image model's, with per_px a number from 0 to 0.5 and "
                "typical_px one from 0 to 20"
            )
    for name in ("weights_sha256", "onnx_sha256"):
        value = getattr(card, name)
        if value and not re.fullmatch(r"[0-9a-f]{64}", value):
            return f"{name} is not a SHA-256"
    return None


SCORES_FILE = "validation_scores.json"
#: A pen model's fused pen + DTW + image scores of its validation writers.
FUSION_SCORES_FILE = "fusion_scores.json"


def write_scores(scores: ScoreSet, folder: str | Path, name: str = SCORES_FILE) -> None:
    """Keep the validation writers' distances beside the model (``validation_scores.json``;
    a pen model's fused scores: :data:`FUSION_SCORES_FILE`): the Thresholds page draws its
    histograms and moves thresholds on them."""
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
    _write_atomically(Path(folder) / name, json.dumps(values).encode("utf-8"))


def read_scores(folder: str | Path, name: str = SCORES_FILE) -> ScoreSet | None:
    """The distances saved by :func:`write_scores`, or None when the model has none."""
    path = Path(folder) / name
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
            translate(
                "errors", "The saved validation scores of “{name}” are damaged ({error})."
            ).format(name=Path(folder).name, error=error)
        ) from error
