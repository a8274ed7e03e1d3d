"""``sigverify evaluate``: measuring a model on data folders."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sigverify.cli.common import (
    EXIT_OK,
    ProgressBar,
    UsageError,
    _emit,
    _parse_refs,
    _read_datasets,
    add_command,
)


def metrics_table(report) -> str:
    """The per-references table of an evaluation report, as `train` and `evaluate` print it."""
    header = (
        f"{'refs':>4} {'EER':>7} {'AUC':>6} {'FAR skilled':>11} {'FAR random':>10} {'FRR':>6}"
        "  writers queries"
    )
    rows = [header]
    for n, m in report.per_refs.items():

        def pct(value):
            return "   n/a" if value is None or value != value else f"{value:6.1%}"

        interval = m.intervals.get("eer_95")
        eer = f"{m.eer:6.1%}" + (f" [{interval[0]:.1%}-{interval[1]:.1%}]" if interval else "")
        rows.append(
            f"{n:>4} {eer:>7} {m.auc:6.3f} {pct(m.far_skilled):>11} {pct(m.far_random):>10} "
            f"{pct(m.frr)}  "
            f"{m.writers:>7} {m.genuine_queries + m.skilled_queries + m.random_queries:>7}"
        )
    return "\n".join(rows)


def cmd_evaluate(args: argparse.Namespace) -> int:
    from sigverify.core.data.bank import read_bank
    from sigverify.core.evaluation.measure import PROTOCOL, evaluate_model, evaluation_writers
    from sigverify.core.evaluation.plots import det_figure, distance_histogram_figure, roc_figure
    from sigverify.core.model.inference import load_for_inference

    refs = _parse_refs(args.refs)
    model = load_for_inference(args.model, gpu=args.device != "cpu")
    chosen = evaluation_writers(_read_datasets(args.data, args.layout), model.card, args.writers)
    for note in chosen.notes:
        print(f"Note: {note}", file=sys.stderr)
    bank = read_bank(
        chosen.writers, model.card.input, model.card.preprocess, ProgressBar("Reading signatures")
    )
    used = chosen.datasets
    if len(bank.writer_ids) < 2:
        raise UsageError("At least 2 writers are needed to evaluate.")
    report = evaluate_model(model, bank, refs, bootstrap=args.bootstrap, draws=args.draws)
    if not report.per_refs:
        raise UsageError("The writers have too few genuine signatures for these --refs values.")
    if args.plots:
        out = Path(args.plots)
        out.mkdir(parents=True, exist_ok=True)
        for n, scores in report.scores.items():
            distance_histogram_figure(scores, model.card.threshold).savefig(
                out / f"distances_{n}refs.png", dpi=120
            )
        roc_figure(list(report.scores.values())).savefig(out / "roc.png", dpi=120)
        det_figure(list(report.scores.values())).savefig(out / "det.png", dpi=120)
    payload = {
        "model": str(args.model),
        "threshold": model.card.threshold,
        "distance": model.card.distance,
        "data": used,
        "protocol": PROTOCOL,
        "draws": args.draws,
        **report.to_dict(),
    }
    text = (
        f"{model.card.name}: threshold {model.card.threshold:.4f} ({model.card.distance}) on "
        f"{len(bank.writer_ids)} writers\n" + metrics_table(report)
    )
    _emit(args, payload, text)
    return EXIT_OK


def register(commands) -> None:
    """Add ``evaluate`` and its arguments to ``commands`` (the parser's sub-parsers)."""
    from sigverify.core.data.datasets import LAYOUTS
    from sigverify.core.evaluation.measure import WRITER_MODES
    from sigverify.core.evaluation.protocol import DEFAULT_REFS

    layouts = ["auto", *LAYOUTS]
    evaluate = add_command(
        commands,
        "evaluate",
        cmd_evaluate,
        "Measure a model on a data folder: EER, AUC, FAR/FRR per number of references.",
    )
    evaluate.add_argument("--model", required=True, help="model folder")
    evaluate.add_argument(
        "--data", action="append", required=True, help="data folder; repeat to merge"
    )
    evaluate.add_argument("--layout", default="auto", choices=layouts)
    evaluate.add_argument(
        "--refs",
        default=",".join(map(str, DEFAULT_REFS)),
        help=f"numbers of references per writer ({','.join(map(str, DEFAULT_REFS))})",
    )
    evaluate.add_argument(
        "--writers",
        default="auto",
        choices=list(WRITER_MODES),
        help="auto: the model's test writers if it was trained on this folder, else all",
    )
    evaluate.add_argument(
        "--plots", default=None, help="folder for distance histograms, ROC and DET PNGs"
    )
    evaluate.add_argument(
        "--bootstrap",
        type=int,
        default=0,
        help="bootstrap rounds for 95%% intervals over writers (e.g. 200)",
    )
    evaluate.add_argument(
        "--draws",
        type=int,
        default=1,
        help="draws of each writer's references, their scores pooled: with few writers the "
        "figures move by points with the draw (bench/accuracy.py uses 10)",
    )
    evaluate.add_argument("--device", default="auto")
