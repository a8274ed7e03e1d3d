"""Would a writer-dependent decision stage help? As JSON, on a model's *validation* writers:
the EER of the product's distance score against that of a per-person classifier on the
embeddings (the writer-dependent classifiers of Hafemann et al. 2017), and of the two fused.

    python bench/writer_dependent.py --model MODEL_DIR --data-root ../shared/data
                                     [--refs 5] [--l2 0.01,1]

Per validation writer: positives are ``--refs`` of their genuine signatures (the same seeded
choice as the evaluation protocol), negatives a fixed cohort of two genuine signatures of
every training writer; an L2-regularised logistic regression, classes weighted equally
(Newton's method, a few ms). Queries: the writer's other genuine signatures, their skilled
forgeries, one genuine signature of up to 20 other validation writers. Fused: the sum of
both scores, each standardised by its genuine queries. The data folders are found by the
names the model card records under ``--data-root``.
"""

from __future__ import annotations

import argparse
import json
import sys

import numpy as np

from sigverify.core.data.bank import SignatureBank
from sigverify.core.data.datasets import Writer, read_dataset
from sigverify.core.evaluation.metrics import compute_eer
from sigverify.core.evaluation.protocol import _writer_rng
from sigverify.core.model.io import load_model
from sigverify.core.scoring import pairwise_distances, score_queries


def fit_logistic(positives: np.ndarray, negatives: np.ndarray, l2: float) -> np.ndarray:
    """Weights ``(D + 1,)`` (last: bias) of a class-balanced L2 logistic regression."""
    x = np.vstack([positives, negatives])
    x = np.hstack([x, np.ones((len(x), 1))])
    y = np.r_[np.ones(len(positives)), np.zeros(len(negatives))]
    weight = np.r_[
        np.full(len(positives), 0.5 / len(positives)), np.full(len(negatives), 0.5 / len(negatives))
    ]
    w = np.zeros(x.shape[1])
    penalty = l2 * np.eye(x.shape[1])
    penalty[-1, -1] = 1e-6
    for _ in range(15):
        p = 1 / (1 + np.exp(-x @ w))
        gradient = x.T @ (weight * (p - y)) + penalty @ w
        hessian = (x * (weight * p * (1 - p))[:, None]).T @ x + penalty
        w -= np.linalg.solve(hessian, gradient)
    return w


def split_writers(card, root: str, names=("train", "validation")) -> dict[str, list[Writer]]:
    """The writers of the parts ``names`` of the split a model ``card`` records, read from
    the data folders under ``root``; ids as the training merged them ("cedar/12")."""
    parts = {name: [] for name in names}
    entries = card.training["datasets"]
    for entry in entries:
        dataset = read_dataset(f"{root}/{entry['name']}")
        by_id = {w.id: w for w in dataset.writers}
        prefix = f"{entry['name']}/" if len(entries) > 1 else ""
        for part in parts:
            parts[part] += [
                Writer(prefix + i, by_id[i].genuine, by_id[i].forged) for i in entry[part]
            ]
    return parts


def validation_and_cohort(model, root: str):
    """The model's validation writers (a bank), their embeddings, and the embeddings of a
    fixed cohort: two genuine signatures of every training writer."""
    parts = split_writers(model.card, root)
    validation = SignatureBank.from_writers(parts["validation"], model.preprocess)
    cohort = SignatureBank.from_writers(
        [Writer(w.id, w.genuine[:2], []) for w in parts["train"]], model.preprocess
    )
    return validation, model.embed(validation.images), model.embed(cohort.images)


def writer_trials(validation, refs: int):
    """For each validation writer with more than ``refs`` genuine signatures, the seeded
    choice of the evaluation protocol: ``(writer_id, reference indices, [(query indices,
    kind)])``, kinds "g" (their other genuine), "s" (their skilled forgeries) and "r" (one
    genuine of up to 20 other writers), empty ones left out."""
    for w, writer_id in enumerate(validation.writer_ids):
        rng = _writer_rng(0, writer_id)
        genuine = rng.permutation(validation.genuine_of(w))
        if len(genuine) <= refs:
            continue
        others = [o for o in range(len(validation.writer_ids)) if o != w]
        others = [o for o in others if len(validation.genuine_of(o))]
        picked = rng.choice(others, size=min(20, len(others)), replace=False)
        random = np.array([validation.genuine_of(o)[-1] for o in picked])
        queries = [(genuine[refs:], "g"), (validation.forged_of(w), "s"), (random, "r")]
        yield writer_id, genuine[:refs], [(i, kind) for i, kind in queries if len(i)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", required=True)
    parser.add_argument("--data-root", required=True)
    parser.add_argument("--refs", type=int, default=5)
    parser.add_argument("--l2", default="0.01,1")
    args = parser.parse_args()

    model = load_model(args.model)
    card = model.card
    validation, embeddings, cohort_embeddings = validation_and_cohort(model, args.data_root)
    refs = args.refs
    result = {"model": card.name, "refs": refs, "cohort": len(cohort_embeddings), "by_l2": {}}
    for l2 in (float(v) for v in args.l2.split(",")):
        scores = {"distance": ([], []), "classifier": ([], [])}
        skilled = []
        for _, chosen, queries in writer_trials(validation, refs):
            references = embeddings[chosen]
            among = pairwise_distances(references, references, card.distance)
            weights = fit_logistic(references, cohort_embeddings, l2)
            for indices, kind in queries:
                distance = score_queries(
                    pairwise_distances(embeddings[indices], references, card.distance),
                    among,
                    card.reference_spread,
                )
                features = np.hstack([embeddings[indices], np.ones((len(indices), 1))])
                classifier = -(features @ weights)  # smaller = more genuine, as distances
                side = 0 if kind == "g" else 1
                scores["distance"][side].append(distance)
                scores["classifier"][side].append(classifier)
                if kind != "g":
                    skilled.append(np.full(len(indices), kind == "s"))
        is_skilled = np.concatenate(skilled)
        joined = {k: [np.concatenate(v[0]), np.concatenate(v[1])] for k, v in scores.items()}

        def standardised(values, genuine):
            return (values - genuine.mean()) / genuine.std()

        (dg, df), (cg, cf) = joined["distance"], joined["classifier"]
        joined["fused"] = [
            standardised(dg, dg) + standardised(cg, cg),
            standardised(df, dg) + standardised(cf, cg),
        ]
        result["by_l2"][str(l2)] = {
            name: {
                "eer_skilled": round(compute_eer(g, f[is_skilled])[0], 4),
                "eer_random": round(compute_eer(g, f[~is_skilled])[0], 4),
            }
            for name, (g, f) in joined.items()
        }
    json.dump(result, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
