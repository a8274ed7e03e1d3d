"""Does a model read a signature alike whatever the scan's resolution? As JSON, per data
set: the model's test writers' queries (their genuine signatures after the first 5, and
their skilled forgeries) resized before preprocessing by each factor, scored against the
first 5 genuine signatures as scanned (a writer with fewer, without forgeries, or with a
reference refused as blank is left out); per factor the EER, the median genuine score (a
query refused as blank counts as refused), and the share of genuine refused and of
forgeries accepted at the card's threshold.

    python bench/scan_resolution.py --model models/default --data ../shared/data/cedar
        --data ... [--factors 0.4,0.6,0.8,1,1.25,1.6,2,3] [--queries 6] [--threads 2]

A factor of 2 is a 300 dpi scan of a 150 dpi set; 0.5 the other way (CEDAR's scans are
about 290 pixels wide: at 0.4 a signature is 115 pixels wide). Enlarged by cubic
interpolation, shrunk by area averaging, as a scanner's driver would.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import cv2
import numpy as np

from sigverify.core.data.datasets import read_dataset
from sigverify.core.errors import SigverifyError
from sigverify.core.evaluation.measure import evaluation_writers
from sigverify.core.evaluation.metrics import compute_eer
from sigverify.core.imaging.imageio import load_image
from sigverify.core.imaging.preprocessing import preprocess_signature
from sigverify.core.model.onnx import load_onnx_model
from sigverify.core.scoring import pairwise_distances, score_queries

REFS = 5


def resized(grey: np.ndarray, factor: float) -> np.ndarray:
    if factor == 1:
        return grey
    way = cv2.INTER_AREA if factor < 1 else cv2.INTER_CUBIC
    return cv2.resize(grey, None, fx=factor, fy=factor, interpolation=way)


def finite(value: float) -> float | None:
    return value if np.isfinite(value) else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="models/default")
    parser.add_argument("--data", action="append", required=True)
    parser.add_argument("--factors", default="0.4,0.6,0.8,1,1.25,1.6,2,3")
    parser.add_argument("--queries", type=int, default=6, help="of each kind per writer")
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    factors = [float(f) for f in args.factors.split(",")]
    model = load_onnx_model(args.model, threads=args.threads)
    card, config = model.card, model.preprocess

    def embedded(grey: np.ndarray) -> np.ndarray | None:
        try:
            return model.embed(preprocess_signature(grey, config)[None])
        except SigverifyError:  # nothing left that reads as a signature
            return None

    result = {"model": card.name, "threshold": round(card.threshold, 4), "sets": {}}
    for folder in args.data:
        dataset = read_dataset(folder)
        chosen = evaluation_writers([dataset], card, "auto")
        genuine = {f: [] for f in factors}
        forged = {f: [] for f in factors}
        used = 0
        for writer in chosen.writers:
            if len(writer.genuine) <= REFS or not writer.forged:
                continue
            references = [embedded(load_image(p).pixels) for p in writer.genuine[:REFS]]
            if any(r is None for r in references):  # a reference refused: not a writer here
                continue
            used += 1
            references = np.vstack(references)
            among = pairwise_distances(references, references, card.distance)
            kinds = (
                (genuine, writer.genuine[REFS : REFS + args.queries]),
                (forged, writer.forged[: args.queries]),
            )
            for scores, paths in kinds:
                for path in paths:
                    grey = load_image(path).pixels
                    for factor in factors:
                        query = embedded(resized(grey, factor))
                        if query is None:
                            scores[factor].append(np.inf)
                            continue
                        distance = pairwise_distances(query, references, card.distance)
                        score = score_queries(distance, among, card.reference_spread)
                        scores[factor].append(float(score[0]))
        per_factor = {}
        for factor in factors:
            g, f = np.asarray(genuine[factor]), np.asarray(forged[factor])
            per_factor[str(factor)] = {
                "eer": round(compute_eer(g, f)[0], 4),
                # (None: over half of them refused as blank)
                "median_genuine": finite(round(float(np.median(g)), 4)),
                "frr": round(float(np.mean(g > card.threshold)), 4),
                "far": round(float(np.mean(f <= card.threshold)), 4),
            }
        result["sets"][Path(folder).name] = {
            "writers": used,
            "genuine": len(genuine[factors[0]]),
            "forged": len(forged[factors[0]]),
            "factors": per_factor,
        }
        print(f"{Path(folder).name}: done", file=sys.stderr)
    json.dump(result, sys.stdout, indent=1)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
