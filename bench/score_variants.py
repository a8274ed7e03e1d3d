"""Other ways to turn a query's distances into a score, as JSON, on a model's *validation*
writers: the shipped score (the mean distance to the nearest half of the references, times
the person's spread factor) against cohort normalisation and other ways of joining the
distances. Skilled-forgery and random-forgery EER per variant, all writers pooled, and the
skilled EER per data set.

    python bench/score_variants.py --model MODEL_DIR --data-root ../shared/data [--refs 5]
                                   [--augmented 4 --strength 0.5]

Variants (``d``: the shipped score; the cohort: two genuine signatures of every training
writer, a fixed set):

- ``z_norm``: ``(d - m) / s``, ``m`` and ``s`` the mean and spread of the cohort's scores
  against the person's references (a per-person threshold, in effect);
- ``z_ratio``: ``d / m``;
- ``t_norm``: ``(d - m) / s``, ``m`` and ``s`` over the query's distances to the cohort (how
  far the query lies from everyone);
- ``t_ratio``: ``d / m``; ``t_norm_nearest``: T-norm over the query's 50 nearest in the cohort;
- ``nearest``, ``mean_all``, ``median``: the nearest reference, all of them, the median,
  each times the spread factor; ``centroid``: the distance to the references' mean,
  ``centroid_scaled`` times the spread factor.

With ``--augmented K``: each image's embedding is also averaged with those of K copies
distorted by the training augmentation at ``--strength`` (seeded), and the shipped score is
measured with averaged references (``references_augmented``: more done at enrolment) and
with averaged references and queries (``both_augmented``: K + 1 embeddings a verification).

The same writers, queries and reference choice as ``bench/writer_dependent.py``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))

from writer_dependent import validation_and_cohort, writer_trials  # noqa: E402

from sigverify.core.scoring import pairwise_distances, score_queries, spread_factor  # noqa: E402

NEAREST_COHORT = 50


def variant_scores(
    queries: np.ndarray,
    references: np.ndarray,
    cohort: np.ndarray,
    distance: str,
    typical_spread: float | None,
) -> dict[str, np.ndarray]:
    """Each variant's scores ``(Q,)`` (smaller = more genuine) of ``queries (Q, D)``
    against ``references (R, D)``, with ``cohort (C, D)`` for the normalisations."""
    among = pairwise_distances(references, references, distance)
    to_references = pairwise_distances(queries, references, distance)
    shipped = score_queries(to_references, among, typical_spread)
    factor = spread_factor(among, typical_spread)
    cohort_scores = score_queries(
        pairwise_distances(cohort, references, distance), among, typical_spread
    )
    z_mean, z_spread = cohort_scores.mean(), cohort_scores.std()
    to_cohort = pairwise_distances(queries, cohort, distance)
    t_mean, t_spread = to_cohort.mean(axis=1), to_cohort.std(axis=1)
    near = np.sort(to_cohort, axis=1)[:, :NEAREST_COHORT]
    centroid = pairwise_distances(queries, references.mean(axis=0, keepdims=True), distance)[:, 0]
    return {
        "shipped": shipped,
        "z_norm": (shipped - z_mean) / z_spread,
        "z_ratio": shipped / z_mean,
        "t_norm": (shipped - t_mean) / t_spread,
        "t_ratio": shipped / t_mean,
        "t_norm_nearest": (shipped - near.mean(axis=1)) / near.std(axis=1),
        "nearest": to_references.min(axis=1) * factor,
        "mean_all": to_references.mean(axis=1) * factor,
        "median": np.median(to_references, axis=1) * factor,
        "centroid": centroid,
        "centroid_scaled": centroid * factor,
    }


def averaged_embeddings(model, images: np.ndarray, copies: int, strength: float) -> np.ndarray:
    """Each embedding of ``images (N, H, W)`` averaged with those of ``copies`` copies
    distorted by the training augmentation at ``strength`` (seed 0)."""
    import torch

    from sigverify.core.encoders.embedding import images_to_tensor
    from sigverify.core.training.augment import SignatureAugmenter

    torch.manual_seed(0)
    augmenter = SignatureAugmenter(strength)
    total = model.embed(images).astype(np.float64)
    for _ in range(copies):
        distorted = augmenter(images_to_tensor(images))[:, 0].mul(255).round().byte().numpy()
        total += model.embed(distorted)
    return total / (copies + 1)


def main() -> int:
    from sigverify.core.evaluation.metrics import compute_eer
    from sigverify.core.model.io import load_model

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", required=True)
    parser.add_argument("--data-root", required=True)
    parser.add_argument("--refs", type=int, default=5)
    parser.add_argument("--augmented", type=int, default=0, help="distorted copies (K)")
    parser.add_argument("--strength", type=float, default=0.5, help="their augmentation")
    args = parser.parse_args()

    model = load_model(args.model)
    card = model.card
    validation, embeddings, cohort = validation_and_cohort(model, args.data_root)
    averaged = None
    if args.augmented:
        averaged = averaged_embeddings(model, validation.images, args.augmented, args.strength)
    genuine_scores, forged_scores, skilled, genuine_set, forged_set = {}, {}, [], [], []
    for writer_id, chosen, queries in writer_trials(validation, args.refs):
        references = embeddings[chosen]
        data_set = writer_id.split("/")[0]
        for indices, kind in queries:
            scores = variant_scores(
                embeddings[indices], references, cohort, card.distance, card.reference_spread
            )
            if averaged is not None:
                spread = card.reference_spread
                prototypes = averaged[chosen]
                among = pairwise_distances(prototypes, prototypes, card.distance)
                for name, query in (("references", embeddings), ("both", averaged)):
                    to_prototypes = pairwise_distances(query[indices], prototypes, card.distance)
                    scores[f"{name}_augmented"] = score_queries(to_prototypes, among, spread)
            target = genuine_scores if kind == "g" else forged_scores
            for name, values in scores.items():
                target.setdefault(name, []).append(values)
            if kind == "g":
                genuine_set.append(np.full(len(indices), data_set))
            else:
                skilled.append(np.full(len(indices), kind == "s"))
                forged_set.append(np.full(len(indices), data_set))
    is_skilled = np.concatenate(skilled)
    genuine_set, forged_set = np.concatenate(genuine_set), np.concatenate(forged_set)
    result = {"model": card.name, "refs": args.refs, "cohort": len(cohort), "variants": {}}
    if args.augmented:
        result |= {"augmented_copies": args.augmented, "strength": args.strength}
    for name in genuine_scores:
        g, f = np.concatenate(genuine_scores[name]), np.concatenate(forged_scores[name])
        per_set = {}
        for data_set in np.unique(genuine_set):
            mask = (forged_set == data_set) & is_skilled
            if mask.any():
                eer = compute_eer(g[genuine_set == data_set], f[mask])[0]
                per_set[str(data_set)] = round(eer, 4)
        result["variants"][name] = {
            "eer_skilled": round(compute_eer(g, f[is_skilled])[0], 4),
            "eer_random": round(compute_eer(g, f[~is_skilled])[0], 4),
            "eer_skilled_per_data_set": per_set,
        }
    json.dump(result, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
