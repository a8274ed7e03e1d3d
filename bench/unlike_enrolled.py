"""How often is a new reference called unlike a person's enrolled ones? As JSON, on a
model's *validation* writers: for each writer with 10 or more genuine signatures, 5 of
them enrolled (seeded), the share of their next 5 genuine signatures, and of 5 genuine
signatures of another validation writer (seeded), whose median distance to the enrolled
ones lies beyond ``factor`` times the model's reject threshold, for several factors (the
enrolment check uses :data:`sigverify.core.scoring.UNLIKE_ENROLLED`).

    python bench/unlike_enrolled.py --model MODEL_DIR --data-root ../shared/data
                                    [--factors 1.0,1.2,1.3,1.4] [--seed 0]

The data folders are found by the names the model card records under ``--data-root``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from writer_dependent import split_writers  # noqa: E402

from sigverify.core.data.bank import SignatureBank  # noqa: E402
from sigverify.core.model.io import load_model  # noqa: E402
from sigverify.core.scoring import UNLIKE_ENROLLED, pairwise_distances  # noqa: E402

ENROLLED = NEW = 5


def new_reference_medians(bank, embeddings, distance: str, seed: int):
    """The median distances to each writer's 5 enrolled signatures of 5 new ones: their
    own ``(own, other)`` arrays, ``other`` from one other writer each."""
    rng = np.random.default_rng(seed)
    writers = range(len(bank.writer_ids))
    full = [w for w in writers if len(bank.genuine_of(w)) >= ENROLLED + NEW]
    own, other = [], []
    if len(full) < 2:  # nobody else to draw a stranger from
        return np.array(own), np.array(other)
    for w in full:
        genuine = rng.permutation(bank.genuine_of(w))
        enrolled = embeddings[genuine[:ENROLLED]]
        stranger = rng.permutation(bank.genuine_of(rng.choice([o for o in full if o != w])))
        for chosen, into in ((genuine[ENROLLED : ENROLLED + NEW], own), (stranger[:NEW], other)):
            d = pairwise_distances(embeddings[chosen], enrolled, distance)
            into.extend(np.median(d, axis=1))
    return np.array(own), np.array(other)


def shares(own: np.ndarray, other: np.ndarray, reject: float, factors) -> dict:
    return {
        f"{factor:g}": {
            "own_flagged": round(float(np.mean(own > factor * reject)), 4),
            "other_writer_flagged": round(float(np.mean(other > factor * reject)), 4),
        }
        for factor in factors
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", required=True)
    parser.add_argument("--data-root", required=True)
    parser.add_argument("--factors", default="1.0,1.2,1.3,1.4")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    model = load_model(args.model)
    card = model.card
    validation = SignatureBank.from_writers(
        split_writers(card, args.data_root, ("validation",))["validation"], model.preprocess
    )
    own, other = new_reference_medians(
        validation, model.embed(validation.images), card.distance, args.seed
    )
    factors = [float(v) for v in args.factors.split(",")]
    result = {
        "model": card.name,
        "reject_threshold": round(card.reject_threshold, 4),
        "in_use": UNLIKE_ENROLLED,
        "writers": len(own) // NEW,
        "new_references": {"own": len(own), "other_writer": len(other)},
        "by_factor": shares(own, other, card.reject_threshold, factors),
    }
    json.dump(result, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
