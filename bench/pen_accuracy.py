"""How well pen recordings are told apart, as JSON, per data folder.

Without ``--model``: the DTW baseline (:mod:`sigverify.core.pen_matching`) alone, with
``--refs`` references per writer, on ``--splits`` random halvings of each folder's writers
(threshold chosen on one half, applied to the other). DTW learns nothing, so every writer
may be used.

With ``--model PEN_MODEL`` (repeatable: one model per writer split, e.g. trained with
``--seed 0``, ``1``, ``2``): on the writers each model's card kept for validation and test
(never trained on), the same references and queries are scored by

- ``dtw``: dynamic time warping of the recordings,
- ``pen``: the pen model's embeddings,
- ``image``: with ``--image-model``, the image model on the recordings drawn as ink (NFI
  writers the image model trained on are left out of every method),

and by their fusions (``pen+dtw``, ``pen+image``, ``pen+dtw+image``, the last as shipped):
each member's score divided by its own validation EER threshold, weighted as
:func:`sigverify.core.evaluation.fusion.choose_weights` chooses on the validation writers
(and ``pen+dtw+image alike``, all weights equal, for comparison). Every threshold (also the
fused one) is chosen on the validation writers of all folders together and applied to the
test writers of each folder: FAR on skilled forgeries and FRR there, and the test writers'
own EER and AUC. Mean and standard deviation over the models (splits).

    python bench/pen_accuracy.py --data ../shared/data/online/svc2004 [--data ...]
        [--model runs/pen_s0 --model runs/pen_s1 ...] [--image-model models/default]
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
from sigverify.core.data.pen_bank import PenBank  # noqa: E402
from sigverify.core.data.pen_files import read_pen_file  # noqa: E402
from sigverify.core.data.splits import dataset_of  # noqa: E402
from sigverify.core.evaluation.fusion import (  # noqa: E402
    DtwDistances,
    choose_weights,
    drawn_pictures,
    eer_scale,
    embedding_scores,
    fused_scores,
    recorded_pen_writers,
)
from sigverify.core.evaluation.metrics import compute_auc, compute_eer, error_rates  # noqa: E402
from sigverify.core.pen_matching import (  # noqa: E402
    dtw_features,
    reference_score,
    reference_spread,
)
from sigverify.core.scoring import ScoreSet  # noqa: E402


def summary(values: list[float]) -> dict:
    return {"mean": round(float(np.mean(values)), 4), "sd": round(float(np.std(values)), 4)}


# ------------------------------------------------------------- DTW alone, all writers


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


def evaluate_dtw_halves(folder: str, refs: int, splits: int, writers: int | None) -> dict:
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


# ------------------------------------------- learned pen model, DTW, image, fusions


def method_scores(bank: PenBank, refs: int, pen_model, image_model, pictures, dtw, spreads):
    """ScoreSets of each single method on ``bank``, aligned query for query."""
    out = {"dtw": dtw.scores(refs, spreads["dtw"]),
           "pen": embedding_scores(pen_model, bank.inputs, bank, refs)}  # fmt: skip
    if image_model is not None:
        out["image"] = embedding_scores(image_model, pictures, bank, refs)
    return out


def subset(scores: ScoreSet, writers: np.ndarray) -> ScoreSet:
    g, s, r = (np.isin(w, writers) for w in (scores.genuine_writer, scores.skilled_writer,
                                             scores.random_writer))  # fmt: skip
    return ScoreSet(
        refs=scores.refs, genuine=scores.genuine[g], skilled=scores.skilled[s],
        random=scores.random[r], genuine_writer=scores.genuine_writer[g],
        skilled_writer=scores.skilled_writer[s], random_writer=scores.random_writer[r],
    )  # fmt: skip


def evaluate_model_split(model_dir: str, folders: dict, image_dir: str | None, refs: int):
    from sigverify.core.model.inference import load_for_inference

    pen_model = load_for_inference(model_dir, threads=2, gpu=False)
    image_model = load_for_inference(image_dir, threads=2, gpu=False) if image_dir else None
    image_card = image_model.card if image_model else None
    banks, pictures, unreadable = {}, {}, 0
    for part in ("validation", "test"):
        writers = recorded_pen_writers(list(folders.values()), pen_model.card, part, image_card)
        bank = PenBank.from_writers(writers, pen_model.card.preprocess["pen_length"])
        if image_model is not None:
            bank, pictures[part], left_out = drawn_pictures(bank, image_model)
            unreadable += left_out
        banks[part] = bank
    dtws = {part: DtwDistances(bank) for part, bank in banks.items()}
    spreads = {"dtw": dtws["validation"].typical_spread()}
    scores = {
        part: method_scores(bank, refs, pen_model, image_model, pictures[part], dtws[part],
                            spreads)
        for part, bank in banks.items()
    }  # fmt: skip
    thresholds = {m: eer_scale(s) for m, s in scores["validation"].items()}
    groups = np.array([dataset_of(w) for w in banks["validation"].writer_ids])
    combos = [["pen", "dtw"]] + ([["pen", "image"], ["pen", "dtw", "image"]] if image_model else [])
    weights = {}
    for members in combos + ([["pen", "dtw", "image"]] if image_model else []):
        name = "+".join(members) + (" alike" if "+".join(members) in weights else "")
        scales = {m: thresholds[m] for m in members}
        chosen = (
            {m: 1 / len(members) for m in members}
            if name.endswith("alike")
            else choose_weights(scores["validation"], scales, groups)
        )
        weights[name] = chosen
        for part in banks:
            scores[part][name] = fused_scores(scores[part], scales, chosen)
        thresholds[name] = eer_scale(scores["validation"][name])
    results = {}
    test = banks["test"]
    by_folder = {}
    for w, writer_id in enumerate(test.writer_ids):
        by_folder.setdefault(dataset_of(writer_id), []).append(w)
    for method, score_set in scores["test"].items():
        for folder, writers in by_folder.items():
            part = subset(score_set, np.array(writers))
            if not len(part.skilled) or not len(part.genuine):
                continue
            far, frr = error_rates(part.genuine, part.skilled, thresholds[method])
            results.setdefault(folder, {})[method] = {
                "test_eer": compute_eer(part.genuine, part.skilled)[0],
                "test_auc": compute_auc(part.genuine, part.skilled),
                "far_skilled_at_validation_threshold": far,
                "frr_at_validation_threshold": frr,
                "far_random_at_validation_threshold": float(
                    np.mean(part.random <= thresholds[method]) if len(part.random) else np.nan
                ),
                "writers": len(writers),
            }
    results["unreadable_pictures_left_out"] = unreadable
    results["weights"] = weights
    return results


def evaluate_models(models, data, image_dir, refs) -> list[dict]:
    started = time.perf_counter()
    folders = {Path(folder).name: read_dataset(folder) for folder in data}
    per_split = [evaluate_model_split(m, folders, image_dir, refs) for m in models]
    left_out = [split.pop("unreadable_pictures_left_out") for split in per_split]
    weights = [split.pop("weights") for split in per_split]
    out = []
    for folder in folders:
        methods = {}
        for split in per_split:
            for method, figures in split.get(folder, {}).items():
                for key, value in figures.items():
                    methods.setdefault(method, {}).setdefault(key, []).append(value)
        out.append(
            {
                "data": folder,
                "refs": refs,
                "splits": len(models),
                "models": list(models),
                "image_model": image_dir,
                "methods": {
                    method: {
                        key: (sum(values) if key == "writers" else summary(values))
                        for key, values in figures.items()
                    }
                    for method, figures in methods.items()
                },
            }
        )
    out.append(
        {
            "recordings_left_out_unreadable_as_pictures": left_out,
            "weights_chosen_per_split": weights,
            "seconds": round(time.perf_counter() - started, 1),
        }
    )
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", action="append", required=True)
    parser.add_argument("--model", action="append", default=[], help="pen model folder")
    parser.add_argument("--image-model", default=None, help="image model folder")
    parser.add_argument("--refs", type=int, default=5)
    parser.add_argument("--splits", type=int, default=5)
    parser.add_argument("--writers", type=int, default=None, help="only the first N writers")
    args = parser.parse_args()
    if args.model:
        results = evaluate_models(args.model, args.data, args.image_model, args.refs)
    else:
        results = [
            evaluate_dtw_halves(folder, args.refs, args.splits, args.writers)
            for folder in args.data
        ]
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
