"""Would a second, classical measure help the picture model? As JSON, per data set, on a
model's validation and test writers: the skilled-forgery EER of the model's distance score,
of a stroke mismatch after registering each reference onto the query, and of the two fused.

    python bench/stroke_fusion.py --model MODEL_DIR --data-root ../shared/data [--refs 5]
                                  [--no-align]

Stroke mismatch of a query and one reference: the reference is registered onto the query
by the explain heat map's affine ECC (:func:`sigverify.core.explain.align_reference`; with
``--no-align`` it is compared as preprocessed), then the mean distance (capped at 20 px)
from each one's ink to the other's, both ways; the query's mismatch is the mean over its
3 best-matching references. Fused: the distance score plus ``weight`` times the mismatch,
each standardised by the validation writers' genuine queries; the weight (0 to 2 in
tenths) is the one with the lowest mean validation EER over the data sets, then measured on
the test writers. Queries as ``bench/writer_dependent.py``: the writer's other genuine
signatures and their skilled forgeries, the references the protocol's seeded choice. A
writer bootstrap (300 draws) gives the interval of the test difference.
"""

from __future__ import annotations

import argparse
import json
import sys
import time

import cv2
import numpy as np
from writer_dependent import split_writers  # the split's writers, as the card records it

from sigverify.core.data.bank import SignatureBank
from sigverify.core.data.datasets import Writer
from sigverify.core.data.splits import dataset_of
from sigverify.core.evaluation.metrics import compute_eer
from sigverify.core.evaluation.protocol import _writer_rng
from sigverify.core.explain import INK_LEVEL, align_reference
from sigverify.core.model.onnx import load_onnx_model
from sigverify.core.scoring import pairwise_distances, score_queries

CAP_PX = 20.0


def mismatch(query: np.ndarray, reference: np.ndarray, align: bool) -> float:
    """Mean distance (px, capped) from each one's ink to the other's, both ways."""
    if align:
        reference = align_reference(query, reference)[0]
    q, r = query >= INK_LEVEL, reference >= INK_LEVEL
    if not q.any() or not r.any():
        return CAP_PX
    to_r = cv2.distanceTransform((~r).astype(np.uint8), cv2.DIST_L2, 3)
    to_q = cv2.distanceTransform((~q).astype(np.uint8), cv2.DIST_L2, 3)
    return float((np.minimum(to_r[q], CAP_PX).mean() + np.minimum(to_q[r], CAP_PX).mean()) / 2)


def scored(model, writers: list[Writer], refs: int, align: bool) -> dict[str, np.ndarray]:
    """Per query: data set, writer, genuine or not, distance score and stroke mismatch."""
    card = model.card
    bank = SignatureBank.from_writers(writers, model.preprocess)
    embeddings = model.embed(bank.images)
    rows = []
    for w, writer_id in enumerate(bank.writer_ids):
        genuine = _writer_rng(0, writer_id).permutation(bank.genuine_of(w))
        forged = bank.forged_of(w)
        if len(genuine) <= refs or not len(forged):
            continue
        references = genuine[:refs]
        among = pairwise_distances(embeddings[references], embeddings[references], card.distance)
        for indices, is_genuine in ((genuine[refs:], True), (forged, False)):
            distances = score_queries(
                pairwise_distances(embeddings[indices], embeddings[references], card.distance),
                among,
                card.reference_spread,
            )
            dataset = dataset_of(writer_id)
            for index, distance in zip(indices, distances, strict=True):
                query = bank.images[index]
                strokes = sorted(mismatch(query, bank.images[r], align) for r in references)
                rows.append((dataset, w, is_genuine, distance, np.mean(strokes[:3])))
    names = ("dataset", "writer", "genuine", "distance", "strokes")
    return {name: np.array([row[i] for row in rows]) for i, name in enumerate(names)}


def eer_by_dataset(part: dict, score: np.ndarray, chosen=None) -> dict[str, float]:
    chosen = np.ones(len(score), bool) if chosen is None else chosen
    out = {}
    for dataset in np.unique(part["dataset"]):
        mine = chosen & (part["dataset"] == dataset)
        genuine, forged = score[mine & part["genuine"]], score[mine & ~part["genuine"]]
        if len(genuine) and len(forged):
            out[str(dataset)] = compute_eer(genuine, forged)[0]
    return out


def mean_eer(part: dict, score: np.ndarray, chosen=None) -> float:
    return float(np.mean(list(eer_by_dataset(part, score, chosen).values())))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", required=True)
    parser.add_argument("--data-root", required=True)
    parser.add_argument("--refs", type=int, default=5)
    parser.add_argument("--no-align", action="store_true")
    args = parser.parse_args()
    cv2.setNumThreads(1)
    started = time.perf_counter()
    model = load_onnx_model(args.model, threads=1)
    parts = {
        name: scored(model, writers, args.refs, not args.no_align)
        for name, writers in split_writers(
            model.card, args.data_root, ("validation", "test")
        ).items()
    }
    validation, test = parts["validation"], parts["test"]
    genuine = validation["genuine"]
    centre = {k: validation[k][genuine].mean() for k in ("distance", "strokes")}
    spread = {k: validation[k][genuine].std() for k in ("distance", "strokes")}

    def fused(part: dict, weight: float) -> np.ndarray:
        z = {k: (part[k] - centre[k]) / spread[k] for k in ("distance", "strokes")}
        return z["distance"] + weight * z["strokes"]

    weights = np.round(np.arange(0, 2.01, 0.1), 1)
    weight = float(min(weights, key=lambda v: mean_eer(validation, fused(validation, v))))
    rng = np.random.default_rng(0)
    writers = np.unique(test["writer"])
    differences = []
    for _ in range(300):
        picked = rng.choice(writers, len(writers))
        chosen = np.concatenate([np.nonzero(test["writer"] == w)[0] for w in picked])
        sample = {k: v[chosen] for k, v in test.items()}
        differences.append(
            mean_eer(sample, fused(sample, weight)) - mean_eer(sample, sample["distance"])
        )
    result = {"model": model.card.name, "refs": args.refs, "aligned": not args.no_align}
    result["weight"] = weight
    for name, part in parts.items():
        scores = {
            "distance": part["distance"],
            "strokes": part["strokes"],
            "fused": fused(part, weight),
        }
        result[name] = {
            "writers": int(len(np.unique(part["writer"]))),
            **{
                kind: {
                    "mean_eer": round(mean_eer(part, score), 4),
                    "by_dataset": {k: round(v, 4) for k, v in eer_by_dataset(part, score).items()},
                }
                for kind, score in scores.items()
            },
        }
    result["test_fused_minus_distance"] = {
        "mean": round(float(np.mean(differences)), 4),
        "interval_95": [round(float(v), 4) for v in np.percentile(differences, [2.5, 97.5])],
    }
    result["seconds"] = round(time.perf_counter() - started)
    json.dump(result, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
