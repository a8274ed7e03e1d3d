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
import re
import sys
from dataclasses import MISSING, asdict, dataclass, field, fields
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

from sigverify import __version__
from sigverify.core.errors import ModelFileError
from sigverify.core.files import write_atomically
from sigverify.core.i18n import translate
from sigverify.core.imaging.preprocessing import PreprocessConfig
from sigverify.core.model.card_checks import is_finite_number, problem_of
from sigverify.core.scoring import ScoreSet

#: The encoders this version can train, and all it can build (the registry in
#: :mod:`sigverify.core.encoders`, named here so that reading a card needs no torch; a test
#: keeps the two equal). An ensemble is joined from trained models, not trained.
TRAINABLE_ENCODERS = ("cnn", "tdnn")
ENCODER_NAMES = (*TRAINABLE_ENCODERS, "ensemble")

#: A card larger than this is not one sigverify wrote (the default model's is 40 KB).
MAX_CARD_BYTES = 5_000_000

CARD_FILE = "card.json"
WEIGHTS_FILE = "model.safetensors"
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
        """The encoder whitens its embeddings (see ``Encoder.set_whitening``); an ensemble,
        when it does as a whole (fine-tuned) or every member does."""
        if self.encoder_config.get("whitened"):
            return True
        members = self.members
        return bool(members) and all(bool((m.get("config") or {}).get("whitened")) for m in members)

    @property
    def encoder_family(self) -> str:
        """The kind of network the model is made of: an ensemble's when all its members are
        of one kind (fine-tuning trains them together as that kind)."""
        kinds = {m.get("encoder") for m in self.members}
        return kinds.pop() if len(kinds) == 1 else self.encoder

    @property
    def trained_loss(self) -> str | None:
        """The loss the model was trained with (an ensemble: its first network's, from the
        command recorded for it), None when the card does not say."""
        loss = (self.training.get("config") or {}).get("loss")
        if loss:
            return str(loss)
        for member in self.training.get("ensemble_of") or []:
            found = re.search(r"--loss\s+(\w+)", str(member.get("command") or ""))
            if found:
                return found.group(1)
        return None

    @property
    def networks(self) -> int:
        """How many networks embed a signature: an ensemble's members, else one."""
        return len(self.members) or 1

    @property
    def members(self) -> list[dict]:
        """An ensemble's networks (``{"encoder": ..., "config": ...}`` each); else empty."""
        members = self.encoder_config.get("members")
        return members if isinstance(members, list) else []

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, values: dict) -> ModelCard:
        """The card of ``values`` (a card.json's); ValueError, in words, without a field
        it needs (Python's "__init__() missing 3 required positional arguments" was
        shown to a person importing a folder: seen in a real window)."""
        known = {f.name for f in fields(cls)}
        needed = [
            f.name for f in fields(cls) if f.default is MISSING and f.default_factory is MISSING
        ]
        lacking = [name for name in needed if name not in values]
        if lacking:
            raise ValueError(
                translate("errors", "it lacks {fields}").format(fields=", ".join(lacking))
            )
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


def write_card(card: ModelCard, folder: str | Path) -> None:
    """Rewrite only ``folder/card.json`` (e.g. to add test metrics after training)."""
    text = json.dumps(card.to_dict(), indent=2, ensure_ascii=False, default=_json_default)
    write_atomically(Path(folder) / CARD_FILE, text.encode("utf-8"))


def missing_weights(folder: Path) -> ModelFileError:
    """The model folder ``folder`` has no weights file."""
    return ModelFileError(
        translate("errors", "The model “{name}” has no weights file ({WEIGHTS_FILE}).").format(
            name=folder.name, WEIGHTS_FILE=WEIGHTS_FILE
        )
    )


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
            raise ValueError(
                translate("errors", "larger than {size} MB").format(
                    size=MAX_CARD_BYTES // 1_000_000
                )
            )
        try:
            values = json.loads(card_path.read_text(encoding="utf-8"))
        except ValueError:  # (not UTF-8, or not JSON: Python's words were shown, seen)
            raise ValueError(translate("errors", "it is not a card's JSON text")) from None
        if not isinstance(values, dict):
            raise ValueError(translate("errors", "it is not a card's JSON text"))
        card = ModelCard.from_dict(values)
        card_problem = problem_of(card)
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
    write_atomically(Path(folder) / name, json.dumps(values).encode("utf-8"))


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
