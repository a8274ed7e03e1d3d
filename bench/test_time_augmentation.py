"""Would test-time augmentation help? As JSON, on each model's own test writers: the EER
per number of references with each signature embedded as it is, and as the mean of its
embedding and those of a few variants of the same input (shrunk and enlarged by 8 %,
moved 4 pixels left and right), normalised again.

    python bench/test_time_augmentation.py --model models/default --model runs/gpu_ens_s1
        --model runs/gpu_ens_s2 --data ../shared/data/cedar --data ... [--threads 2]

Several models (one recipe on other writer splits, as for bench/accuracy.py) give means
over the splits. The variants are of the preprocessed input the network reads, so they
cost one more embedding each and nothing in preprocessing; the distance, threshold and
reference spread are the card's, as in verification.
"""

from __future__ import annotations

import argparse
import json
import sys

import cv2
import numpy as np

from sigverify.core.data.bank import SignatureBank
from sigverify.core.data.datasets import read_dataset
from sigverify.core.evaluation.measure import evaluation_writers
from sigverify.core.evaluation.protocol import DEFAULT_REFS, evaluate_embeddings
from sigverify.core.model.inference import load_for_inference


def scaled(inputs: np.ndarray, factor: float) -> np.ndarray:
    """Each ``(H, W)`` input resized by ``factor`` about its centre, on empty paper."""
    out = np.zeros_like(inputs)
    height, width = inputs.shape[1:]
    for i, image in enumerate(inputs):
        resized = cv2.resize(image, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)
        h, w = resized.shape
        if factor < 1:
            top, left = (height - h) // 2, (width - w) // 2
            out[i, top : top + h, left : left + w] = resized
        else:
            top, left = (h - height) // 2, (w - width) // 2
            out[i] = resized[top : top + height, left : left + width]
    return out


def shifted(inputs: np.ndarray, dx: int) -> np.ndarray:
    """Each input moved ``dx`` pixels right (left when negative), empty paper coming in."""
    out = np.zeros_like(inputs)
    if dx >= 0:
        out[:, :, dx:] = inputs[:, :, : inputs.shape[2] - dx]
    else:
        out[:, :, :dx] = inputs[:, :, -dx:]
    return out


VARIANTS = {
    "scales": lambda x: [scaled(x, 0.92), scaled(x, 1.08)],
    "shifts": lambda x: [shifted(x, 4), shifted(x, -4)],
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", action="append", required=True)
    parser.add_argument("--data", action="append", required=True)
    parser.add_argument("--threads", type=int, default=None)
    args = parser.parse_args()
    datasets = [read_dataset(folder) for folder in args.data]
    eers: dict[str, list[dict]] = {}
    for folder in args.model:
        model = load_for_inference(folder, threads=args.threads)
        chosen = evaluation_writers(datasets, model.card, "auto")
        bank = SignatureBank.from_writers(chosen.writers, model.preprocess)
        plain = model.embed(bank.inputs)
        extra = {
            name: [model.embed(v) for v in make(bank.inputs)] for name, make in VARIANTS.items()
        }
        ways = {"plain": [plain], **{name: [plain, *parts] for name, parts in extra.items()}}
        ways["both"] = [plain, *extra["scales"], *extra["shifts"]]
        for name, parts in ways.items():
            joined = np.mean(parts, axis=0)
            joined /= np.linalg.norm(joined, axis=1, keepdims=True)
            report = evaluate_embeddings(
                joined,
                bank,
                DEFAULT_REFS,
                model.card.distance,
                model.card.threshold,
                reference_spread=model.card.reference_spread,
            )
            eers.setdefault(name, []).append({n: m.eer for n, m in report.per_refs.items()})
    result = {
        "models": args.model,
        "data": [d.root.name for d in datasets],
        "eer_per_split": {
            k: [{str(n): round(e, 4) for n, e in s.items()} for s in v] for k, v in eers.items()
        },
        "eer_mean": {
            name: {str(n): round(float(np.mean([s[n] for s in splits])), 4) for n in splits[0]}
            for name, splits in eers.items()
        },
    }
    json.dump(result, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
