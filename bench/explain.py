"""The heat map of where a checked signature departs from its nearest reference
(``VerificationService.explain``), as JSON: its latency (p50/p95, each part apart) and how
hot genuine signatures and skilled forgeries come out, on real writers of a data folder.

    python bench/explain.py --data ../shared/data/cedar [--model models/default]
                            [--writers 10] [--refs 5] [--figure out.png]

Per writer: the first ``--refs`` genuine signatures are the references, two later genuine
signatures and two skilled forgeries are checked. ``hot_share`` is the share of ink pixels
whose heat is at least 0.5; ``difference`` the mean stroke difference over the ink. With
``--figure``, the checked signature, the aligned reference and the heat map of every check
are drawn in rows (to look at, not to cite as a measure). Run it on a quiet machine.
"""

from __future__ import annotations

import argparse
import json
import sys
import time

import numpy as np
from preprocess import percentiles  # p50 / p95 in ms, as the other benches give them

from sigverify.core import explain as ex
from sigverify.core.data.datasets import read_dataset
from sigverify.core.imaging.imageio import load_image
from sigverify.core.imaging.preprocessing import preprocess_signature
from sigverify.core.model.inference import load_for_inference
from sigverify.core.scoring import pairwise_distances


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True)
    parser.add_argument("--model", default="models/default")
    parser.add_argument("--writers", type=int, default=10)
    parser.add_argument("--refs", type=int, default=5)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--figure", default=None)
    args = parser.parse_args()
    model = load_for_inference(args.model, threads=args.threads)
    distance = model.card.distance
    dataset = read_dataset(args.data)
    writers = [w for w in dataset.writers if len(w.genuine) >= args.refs + 2 and w.forged]
    step = max(1, len(writers) // args.writers)

    def prepared(path):
        return preprocess_signature(load_image(path).pixels, model.preprocess)

    timing = {"align": [], "difference": [], "occlusion": [], "total": []}
    measures: dict[str, dict[str, list[float]]] = {
        kind: {"hot_share": [], "difference": []} for kind in ("genuine", "skilled")
    }
    rows = []
    for writer in writers[::step][: args.writers]:
        references = [prepared(p) for p in writer.genuine[: args.refs]]
        embeddings = model.embed(np.stack(references))
        checks = [("genuine", p) for p in writer.genuine[args.refs :][-2:]]
        checks += [("skilled", p) for p in writer.forged[:2]]
        for kind, path in checks:
            query = prepared(path)
            nearest = int(
                np.argmin(pairwise_distances(model.embed(query[None]), embeddings, distance))
            )
            started = time.perf_counter()
            aligned, _, _ = ex.align_reference(query, references[nearest])
            aligned_at = time.perf_counter()
            ex.stroke_difference(query, aligned)
            difference_at = time.perf_counter()
            ex.occlusion_sensitivity(model.embed, query, embeddings, distance)
            ended = time.perf_counter()
            timing["align"].append(aligned_at - started)
            timing["difference"].append(difference_at - aligned_at)
            timing["occlusion"].append(ended - difference_at)
            started = time.perf_counter()
            explanation = ex.explain(model.embed, query, references[nearest], embeddings, distance)
            timing["total"].append(time.perf_counter() - started)
            ink = (query >= ex.INK_LEVEL) | (explanation.reference >= ex.INK_LEVEL)
            measures[kind]["hot_share"].append(explanation.hot_share())
            measures[kind]["difference"].append(float(explanation.difference[ink].mean()))
            rows.append(
                np.hstack(
                    [
                        np.repeat((255 - query)[..., None], 3, 2),
                        np.repeat((255 - explanation.reference)[..., None], 3, 2),
                        ex.heat_overlay(explanation),
                    ]
                )
            )
    result = {
        "data": args.data,
        "model": args.model,
        "writers": len(rows) // 4 if rows else 0,
        "checks": len(rows),
        "latency_ms": {part: percentiles(values) for part, values in timing.items()},
        "by_kind": {
            kind: {name: round(float(np.mean(v)), 4) for name, v in values.items()}
            for kind, values in measures.items()
        },
    }
    if args.figure and rows:
        import cv2

        cv2.imwrite(args.figure, cv2.cvtColor(np.vstack(rows), cv2.COLOR_RGB2BGR))
        result["figure"] = args.figure
    json.dump(result, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
