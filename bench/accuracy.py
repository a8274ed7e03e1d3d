"""Accuracy of a model on data folders, writer-disjoint, as JSON: per number of references
(1, 3, 5, 10 where available) EER, AUC, FAR on skilled and random forgeries and FRR at the
model's threshold, FAR at FRR 1 % and 5 %, each with bootstrap 95 % intervals over writers;
and the blanked-signature control.

    python bench/accuracy.py --model MODEL_DIR --data DIR [--data DIR2] [--layout auto]
                             [--writers auto|test|all] [--bootstrap 200] [--json]

Control: every image has its ink painted over with the paper around it (paper only), and
goes through the same pipeline and model. Preprocessing refuses most such pages as blank; a
refused page is what the model sees of blank paper (an all-zero image). A model that reads
ink, not the scanner or the paper, scores the control near chance (AUC about 0.5).

Uses the same code as ``sigverify evaluate`` (sigverify.core.model_evaluation).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import cv2
import numpy as np

from sigverify.core.bank import SignatureBank
from sigverify.core.datasets import read_dataset
from sigverify.core.errors import NoInkError
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
    json.dump(result, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
