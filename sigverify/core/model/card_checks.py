"""Whether a model card can be trusted: every value that decides a verification has its
type and a sensible range (:func:`problem_of`, asked by
:func:`sigverify.core.model.card.read_card`). Reading a card needs no torch."""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sigverify.core.model.card import ModelCard

#: The distances this version can compute (:mod:`sigverify.core.training.distances`, named here so
#: that reading a card needs no torch; a test keeps the two equal).
DISTANCE_NAMES = ("euclidean", "cosine")
#: Bounds on what a card may ask for: input sizes (memory), thresholds (distances between
#: unit vectors are at most 2; a scaled score a few times that), embedding sizes.
INPUT_SIDES = (16, 1024)
PEN_LENGTHS = (16, 4096)  # samples a pen model's sequences are resampled to
MAX_THRESHOLD = 10.0
MAX_EMBEDDING_DIM = 4096


def is_finite_number(value, low: float = float("-inf"), high: float = float("inf")) -> bool:
    return (
        isinstance(value, (int, float))
        and not isinstance(value, bool)
        and math.isfinite(value)
        and low <= value <= high
    )


def whole_number(value, low: float, high: float) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def is_calibration(value) -> bool:
    """A calibration's two numbers (Platt's slope and offset), within ±1e6."""
    return (
        isinstance(value, list)
        and len(value) == 2
        and all(is_finite_number(v, -1e6, 1e6) for v in value)
    )


def input_problem(card: ModelCard) -> str | None:
    """What is wrong with the card's description of the model's input, if anything."""
    if card.input == "pen":
        if not is_finite_number(card.threshold, 1e-6, MAX_THRESHOLD):
            return "a pen model's threshold must be above 0 (scores are divided by it)"
        length = card.preprocess.get("pen_length")
        if not whole_number(length, *PEN_LENGTHS):
            return f"preprocess pen_length must be {PEN_LENGTHS[0]}-{PEN_LENGTHS[1]} samples"
        features = card.preprocess.get("features")
        if not isinstance(features, list) or not all(isinstance(f, str) for f in features):
            return "preprocess features must be a list of names"
        return None
    if card.input != "image":
        return f"unknown input {card.input!r}"
    low, high = INPUT_SIDES
    for side in ("height", "width"):
        if not whole_number(card.preprocess.get(side), low, high):
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


def problem_of(card: ModelCard) -> str | None:
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
        if not whole_number(getattr(card, name), 0, math.inf):
            return f"{name} must be a whole number"
    if card.distance not in DISTANCE_NAMES:
        return f"unknown distance {card.distance!r}"
    if not 0 < card.embedding_dim <= MAX_EMBEDDING_DIM:
        return "embedding_dim out of range"
    problem = input_problem(card)
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
    if card.calibration is not None and not is_calibration(card.calibration):
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
        if calibration is not None and not is_calibration(calibration):
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
