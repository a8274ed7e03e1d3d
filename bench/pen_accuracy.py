"""How well pen recordings are told apart, as JSON, per data folder: the DTW baseline
(:mod:`sigverify.core.pen_matching`) with ``--refs`` references per writer (their first
genuine recordings), the other genuine recordings and the skilled forgeries as queries.

Writer-disjoint, as for images: for each of ``--splits`` random halvings of the writers,
the threshold is chosen on one half (validation writers, its EER point) and applied to the
other (test writers): FAR and FRR there, and the test half's own EER and AUC. Mean and
standard deviation over the splits. DTW learns nothing, so no writer is trained on.

    python bench/pen_accuracy.py --data ../shared/data/online/svc2004 [--data ...]
                                 [--refs 5] [--splits 5] [--writers N]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sigverify.core.data.datasets import read_dataset  # noqa: E402
from sigverify.core.data.pen_files import read_pen_file  # noqa: E402
from sigverify.core.evaluation.metrics import compute_auc, compute_eer, error_rates  # noqa: E402
from sigverify.core.pen_matching import (  # noqa: E402
    dtw_features,
    reference_score,
    reference_spread,
)


def writer_scores(writer, refs: int) -> tuple[list[float], list[float]] | None:
    """``(genuine query scores, forgery scores)`` of one writer, or None with too few."""
    if len(writer.genuine) <= refs:
        return None
    genuine = [dtw_features(read_pen_file(p)) for p in writer.genuine]
    references, queries = genuine[:refs], genuine[refs:]
    spread = reference_spread(references)
    forged = [dtw_features(read_pen_file(p)) for p in writer.forged]
    return (
        [reference_score(q, references, spread) for q in queries],
        [reference_score(f, references, spread) for f in forged],
    )


def summary(values: list[float]) -> dict:
    return {"mean": round(float(np.mean(values)), 4), "sd": round(float(np.std(values)), 4)}


def evaluate(folder: str, refs: int, splits: int, writers: int | None) -> dict:
    started = time.perf_counter()
    dataset = read_dataset(folder)
    scored = {}
    for writer in dataset.writers[:writers]:
        result = writer_scores(writer, refs)
        if result is not None and result[1]:
            scored[writer.id] = result
    ids = sorted(scored)
    rounds = {"test_eer": [], "test_auc": [], "far_at_validation_threshold": [],
              "frr_at_validation_threshold": []}  # fmt: skip
    for seed in range(splits):
        order = np.random.default_rng(seed).permutation(ids)
        validation, test = order[: len(order) // 2], order[len(order) // 2 :]

        def pooled(names):
            genuine = [s for n in names for s in scored[n][0]]
            forged = [s for n in names for s in scored[n][1]]
            return np.array(genuine), np.array(forged)

        _, threshold = compute_eer(*pooled(validation))
        genuine, forged = pooled(test)
        far, frr = error_rates(genuine, forged, threshold)
        rounds["test_eer"].append(compute_eer(genuine, forged)[0])
        rounds["test_auc"].append(compute_auc(genuine, forged))
        rounds["far_at_validation_threshold"].append(far)
        rounds["frr_at_validation_threshold"].append(frr)
    return {
        "data": folder,
        "method": "dtw",
        "refs": refs,
        "writers": len(ids),
        "genuine_queries": sum(len(s[0]) for s in scored.values()),
        "forgeries": sum(len(s[1]) for s in scored.values()),
        "splits": splits,
        **{name: summary(values) for name, values in rounds.items()},
        "seconds": round(time.perf_counter() - started, 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", action="append", required=True)
    parser.add_argument("--refs", type=int, default=5)
    parser.add_argument("--splits", type=int, default=5)
    parser.add_argument("--writers", type=int, default=None, help="only the first N writers")
    args = parser.parse_args()
    results = [evaluate(folder, args.refs, args.splits, args.writers) for folder in args.data]
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
