"""Accuracy of a model on data folders, writer-disjoint, as JSON: per number of references
(1, 3, 5, 10 where available) EER, AUC, FAR on skilled and random forgeries and FRR at the
model's threshold, FAR at FRR 1 % and 5 %, each with bootstrap 95 % intervals over writers;
the blanked-signature control; and the same measures when the queries are photographed
instead of scanned.

    python bench/accuracy.py --model MODEL_DIR --data DIR [--data DIR2] [--layout auto]
                             [--writers auto|test|all] [--bootstrap 200] [--json]

Control: every image has its ink painted over with the paper around it (paper only), and
goes through the same pipeline and model. Preprocessing refuses most such pages as blank; a
refused page is what the model sees of blank paper (an all-zero image). A model that reads
ink, not the scanner or the paper, scores the control near chance (AUC about 0.5).

Capture shift: the references stay as scanned, every query is turned into what a phone
photo of the same page looks like (seeded per file): resized (0.7-1.3x), turned (up to
4 degrees), grey and tinted paper under uneven light, fainter ink, soft focus, sensor noise,
JPEG. The gap to the clean figures is what a change of scanner, paper or camera costs.

Uses the same code as ``sigverify evaluate`` (sigverify.core.model_evaluation).
"""

from __future__ import annotations

import argparse
import json
import sys
import zlib
from pathlib import Path

import cv2
import numpy as np

from sigverify.core.bank import SignatureBank
from sigverify.core.datasets import read_dataset
from sigverify.core.errors import NoInkError, SigverifyError
from sigverify.core.imageio import load_image
from sigverify.core.model_evaluation import evaluate_model, evaluation_writers
from sigverify.core.modelio import load_model
from sigverify.core.preprocessing import (
    PreprocessConfig,
    estimate_paper,
    find_ink,
    flatten_paper,
    limit_working_size,
    preprocess_signature,
)


def blank_signature(grey: np.ndarray, config: PreprocessConfig) -> np.ndarray:
    """``grey (H, W)`` uint8 with its ink (grown by 2 px) replaced by the estimated paper."""
    work = limit_working_size(grey, config.max_working_side)
    try:
        mask = find_ink(flatten_paper(work), config)
    except NoInkError:
        return work
    mask = cv2.dilate(mask.astype(np.uint8), np.ones((5, 5), np.uint8)).astype(bool)
    paper = np.clip(np.rint(estimate_paper(work)), 0, 255).astype(np.uint8)
    return np.where(mask, paper, work)


def control_preparer(config: PreprocessConfig, counts: dict):
    def prepare(path: Path) -> np.ndarray:
        counts["images"] += 1
        try:
            return preprocess_signature(blank_signature(load_image(path).pixels, config), config)
        except NoInkError:
            counts["refused_as_blank"] += 1
            return np.zeros((config.height, config.width), np.uint8)

    return prepare


def photographed(grey: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """``grey (H, W)`` uint8 scan -> a phone photo of the same page, uint8."""
    scale = rng.uniform(0.7, 1.3)
    height, width = grey.shape
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    image = cv2.resize(grey, size, interpolation=cv2.INTER_AREA if scale < 1 else cv2.INTER_CUBIC)
    height, width = image.shape
    turn = cv2.getRotationMatrix2D((width / 2, height / 2), rng.uniform(-4, 4), 1.0)
    image = cv2.warpAffine(image, turn, (width, height), borderMode=cv2.BORDER_REPLICATE)
    darkness = 1.0 - image.astype(np.float32) / 255.0  # 0 on white paper, 1 on black ink
    paper, ink_strength = rng.uniform(160, 235), rng.uniform(0.55, 0.95)
    light = np.ones((height, width), np.float32)
    angle = rng.uniform(0, 2 * np.pi)
    ys, xs = np.mgrid[0:height, 0:width].astype(np.float32)
    ramp = (np.cos(angle) * xs / width + np.sin(angle) * ys / height) - 0.5
    light += rng.uniform(0.1, 0.35) * ramp
    image = paper * light * (1.0 - ink_strength * darkness)
    image = cv2.GaussianBlur(image, (0, 0), rng.uniform(0.5, 1.3))
    image += rng.normal(0, 3.0, image.shape).astype(np.float32)
    image = np.clip(np.rint(image), 0, 255).astype(np.uint8)
    quality = int(rng.integers(50, 81))
    ok, jpeg = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, quality])
    return cv2.imdecode(jpeg, cv2.IMREAD_GRAYSCALE)


def photo_preparer(config: PreprocessConfig, clean: SignatureBank, counts: dict):
    """The images the clean bank skipped are skipped again (the banks keep the same
    order); a photo that preprocessing refuses is counted and seen as blank paper."""
    skipped = {problem.path for problem in clean.problems}

    def prepare(path: Path) -> np.ndarray:
        if path in skipped:
            raise SigverifyError("skipped in the clean bank")
        grey = load_image(path).pixels
        counts["images"] += 1
        rng = np.random.default_rng(zlib.crc32(str(path.name).encode("utf-8")))
        try:
            return preprocess_signature(photographed(grey, rng), config)
        except SigverifyError:
            counts["refused"] += 1
            return np.zeros((config.height, config.width), np.uint8)

    return prepare


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", required=True)
    parser.add_argument("--data", action="append", required=True)
    parser.add_argument("--layout", default="auto")
    parser.add_argument("--writers", default="auto", choices=["auto", "test", "all"])
    parser.add_argument("--bootstrap", type=int, default=200)
    parser.add_argument(
        "--json", action="store_true", help="(always JSON; kept for symmetry with the CLI)"
    )
    args = parser.parse_args()

    model = load_model(args.model)
    chosen = evaluation_writers(
        [read_dataset(d, args.layout) for d in args.data], model.card, args.writers
    )
    bank = SignatureBank.from_writers(chosen.writers, model.preprocess)
    report = evaluate_model(model, bank, bootstrap=args.bootstrap)

    counts = {"images": 0, "refused_as_blank": 0}
    control_bank = SignatureBank.from_writers(
        chosen.writers, model.preprocess, prepare=control_preparer(model.preprocess, counts)
    )
    control = evaluate_model(
        model, control_bank, refs=list(report.per_refs), bootstrap=args.bootstrap
    )

    photo_counts = {"images": 0, "refused": 0}
    photo_bank = SignatureBank.from_writers(
        chosen.writers,
        model.preprocess,
        prepare=photo_preparer(model.preprocess, bank, photo_counts),
    )
    shifted = evaluate_model(
        model, bank, refs=list(report.per_refs), bootstrap=args.bootstrap, query_bank=photo_bank
    )

    result = {
        "model": model.card.name,
        "data": chosen.datasets,
        "notes": chosen.notes,
        "threshold": model.card.threshold,
        "per_refs": {str(n): m.to_dict() for n, m in report.per_refs.items()},
        "blank_control": {
            **counts,
            "per_refs": {
                str(n): {"auc": m.auc, "eer": m.eer, "auc_95": m.intervals.get("auc_95")}
                for n, m in control.per_refs.items()
            },
        },
    }
    result["capture_shift"] = {
        **photo_counts,
        "per_refs": {
            str(n): {
                key: getattr(m, key) for key in ("eer", "auc", "far_skilled", "far_random", "frr")
            }
            | {"eer_95": m.intervals.get("eer_95"), "auc_95": m.intervals.get("auc_95")}
            for n, m in shifted.per_refs.items()
        },
    }
    json.dump(result, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
