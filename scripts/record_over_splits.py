"""Write a recipe's mean test figures over several writer splits into a model card.

    python scripts/record_over_splits.py MODEL_DIR ACCURACY_JSON --recipe TEXT --command TEXT

ACCURACY_JSON is what ``bench/accuracy.py --model MODEL_DIR --model OTHER_SPLIT ...``
printed (MODEL_DIR first); its pooled figures per number of references and its per-data-set
EER and AUC at 5 references become the card's ``metrics["test_over_splits"]``, which the
Models page, About and ``models show`` prefer to the one split shipped. ``--recipe`` says in
words how the other splits' models were made, ``--command`` the bench command that measured
them.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sigverify.core.model.card import read_card, write_card  # noqa: E402

KEYS = ("eer", "auc", "far_skilled", "frr", "far_at_frr_5")


def over_splits(report: dict, recipe: str, command: str) -> dict:
    """The card's ``test_over_splits`` from a bench/accuracy.py report."""
    models = report["models"]
    return {
        "seeds": [read_card(model).training.get("split_seed") for model in models],
        "models": models,
        "writers": "each split's own test writers",
        # draws of each writer's references pooled (bench/accuracy.py --draws)
        "draws": report.get("draws", 1),
        "recipe": recipe,
        "command": command,
        "per_refs": {
            refs: {key: figures[key] for key in KEYS if key in figures}
            for refs, figures in report["pooled"].items()
        },
        "per_dataset_5_refs": {
            name: {
                "eer_mean": data["per_refs"]["5"]["eer"]["mean"],
                "auc_mean": data["per_refs"]["5"]["auc"]["mean"],
            }
            for name, data in report["per_dataset"].items()
            if "5" in data["per_refs"]
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model", type=Path)
    parser.add_argument("report", type=Path)
    parser.add_argument("--recipe", required=True)
    parser.add_argument("--command", required=True)
    args = parser.parse_args()
    report = json.loads(args.report.read_text(encoding="utf-8"))
    if len(report.get("models") or []) < 2:
        sys.exit("The report measures one model: a mean over splits needs two or more.")
    if Path(report["models"][0]).resolve() != args.model.resolve():
        sys.exit(f"The report's first model is {report['models'][0]}, not {args.model}.")
    card = read_card(args.model)
    card.metrics["test_over_splits"] = over_splits(report, args.recipe, args.command)
    write_card(card, args.model)
    print(f"Wrote the mean over {len(report['models'])} splits into {args.model / 'card.json'}.")


if __name__ == "__main__":
    main()
