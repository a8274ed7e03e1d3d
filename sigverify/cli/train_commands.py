"""``sigverify train``: training a model on data folders."""

from __future__ import annotations

import argparse
import shlex
import sys
import time
from pathlib import Path

from sigverify.cli.common import (
    EXIT_OK,
    ProgressBar,
    UsageError,
    _emit,
    _format_duration,
    _parse_size,
    _read_datasets,
    add_command,
)
from sigverify.cli.evaluate_commands import metrics_table
from sigverify.core.build_variant import require_training


class TrainingBar:
    """Renders :class:`~sigverify.core.training.engine.TrainingProgress` on stderr: a live bar on
    a terminal, one line per epoch otherwise."""

    def __init__(self, stream=None):
        self.stream = stream or sys.stderr
        self.live = self.stream.isatty()

    def __call__(self, progress) -> None:
        best = (
            f"best {progress.best_eer:.1%} (epoch {progress.best_epoch})"
            if progress.best_eer is not None
            else ""
        )
        if progress.phase == "train" and self.live:
            filled = int(30 * progress.fraction)
            loss = f"loss {progress.loss:.4f}" if progress.loss is not None else ""
            self.stream.write(
                f"\repoch {progress.epoch}/{progress.epochs} [{'#' * filled}{'-' * (30 - filled)}] "
                f"{loss} {best} left {_format_duration(progress.eta_s)}   "
            )
        elif progress.phase == "validate" and progress.validation_eer is not None:
            self.stream.write(
                f"{chr(10) if self.live else ''}epoch {progress.epoch}/{progress.epochs}: loss "
                f"{progress.loss:.4f}, validation EER {progress.validation_eer:.1%}; {best}; "
                f"{_format_duration(progress.elapsed_s)} so far, "
                f"about {_format_duration(progress.eta_s)} left\n"
            )
        elif progress.phase == "done":
            self.stream.write(("\n" if self.live else "") + f"Training {progress.message}.\n")
        self.stream.flush()


def _say_skipped(problems: list) -> None:
    """Before training starts: the files it goes without (a folder of files it cannot
    read was told only once training had finished)."""
    for problem in problems:
        print(f"Skipped {problem.path}: {problem.message}", file=sys.stderr)
    count = len(problems)
    print(f"Skipped {count} file(s): training goes on without them.", file=sys.stderr)


def _kept_when_interrupted(out: Path, started: float) -> str:
    """What an interrupted training started at ``started`` (a time) left in ``out`` and how
    to go on ("Interrupted." alone was said, over a folder holding a model without its test
    figures: seen); files older than the run (a model trained over with --overwrite) are
    not its own."""

    def written(path: Path) -> bool:
        return path.exists() and path.stat().st_mtime >= started

    said = []
    if written(out / "card.json"):
        said.append(
            f"The best model so far is in {out}, without its test figures or its ONNX file."
        )
    if written(out / "checkpoint" / "state.json"):
        said.append("Run the same command with --resume to go on from its last finished epoch.")
    return " ".join(said) or "No epoch had finished: nothing of this run was kept."


def cmd_train(args: argparse.Namespace) -> int:
    require_training()
    from sigverify.core.imaging.preprocessing import PreprocessConfig
    from sigverify.core.training.config import TrainConfig
    from sigverify.core.training.run import TrainingPlan, run_training, split_plan

    height, width = _parse_size(args.size)
    if args.stroke_width < 0:
        raise UsageError("--stroke-width must be 0 (ink as scanned) or more.")
    if args.faint_ink < 0:
        raise UsageError("--faint-ink must be 0 (one threshold) or more.")
    if args.working_side < max(height, width):
        raise UsageError(
            f"--working-side must be at least the input's long side ({max(height, width)})."
        )
    preprocess = PreprocessConfig(
        height=height,
        width=width,
        stroke_width=args.stroke_width,
        max_working_side=args.working_side,
        faint_ink=args.faint_ink,
        enlarge_small_ink=bool(args.enlarge_small_ink),
    )
    encoder_config = {"embedding_dim": args.embedding_dim}
    if args.width:
        encoder_config["width"] = args.width
    if args.dropout is not None:
        if not 0 <= args.dropout < 1:
            raise UsageError("--dropout must be at least 0 and below 1.")
        encoder_config["dropout"] = args.dropout
    if args.elastic is not None and not 0 <= args.elastic <= 3:
        raise UsageError("--elastic must be between 0 (off) and 3.")
    if args.ema is not None and not 0 <= args.ema < 1:
        raise UsageError("--ema must be at least 0 (off) and below 1.")
    if args.weight_decay is not None and args.weight_decay < 0:
        raise UsageError("--weight-decay must be 0 or more.")
    chosen = {
        "epochs": args.epochs,
        "steps_per_epoch": args.steps_per_epoch,
        "batch_size": args.batch_size,
        "learning_rate": args.lr,
        "augment": args.augment,
        "elastic": args.elastic,
        "classify": args.classify,
        "reference_set": args.reference_set,
        "ema": args.ema,
        "turned_writers": args.turned_writers,
        "weight_decay": args.weight_decay,
        "patience": args.patience,
        "margin": args.margin,
        "threads": args.threads,
        "init_from": args.init_from,
    }
    if args.input == "pen" and args.encoder != "tdnn":
        raise UsageError("Pen recordings are read by the tdnn encoder: add --encoder tdnn.")
    if not 16 <= args.pen_length <= 4096:
        raise UsageError("--pen-length must be 16 to 4096 samples.")
    config = TrainConfig(
        input=args.input,
        pen_length=args.pen_length,
        encoder=args.encoder,
        encoder_config=encoder_config,
        loss=args.loss,
        mining=args.mining.replace("-", "_"),
        distance=args.distance,
        balance_datasets=args.balance_datasets,
        seed=args.seed,
        init_seed=args.init_seed,
        device=args.device,
        preprocess=preprocess.to_dict(),
        **{name: value for name, value in chosen.items() if value is not None},
    )
    out = Path(args.out)
    if (out / "card.json").is_file() and not (args.resume or args.overwrite):
        # (it trained over a model silently, and a store using that folder then verified
        # with the new weights, activated by nobody: seen)
        raise UsageError(
            f"{out} holds a model already: choose another --out, add --resume to go on "
            "with its training, or --overwrite to replace it."
        )
    plan = TrainingPlan(
        datasets=_read_datasets(args.data, args.layout),
        config=config,
        out_dir=Path(args.out),
        name=args.name or Path(args.out).name,
        description=args.description or "",
        validation=args.validation,
        test=args.test,
        command="sigverify " + shlex.join(args.argv),
        resume=args.resume,
    )
    split, _ = split_plan(plan)
    print(
        (f"Fine-tuning {args.init_from}" if args.init_from else f"Training a {args.encoder} model")
        + f" ({args.loss} loss) on {len(split.train)} writers, "
        "validating on "
        f"{len(split.validation)}, testing on {len(split.test)}; output: {args.out}",
        file=sys.stderr,
    )
    started = time.time()
    try:
        run = run_training(
            plan,
            reading_progress=lambda part: ProgressBar(f"Reading {part} signatures"),
            on_progress=TrainingBar(),  # stderr: stdout stays one JSON object
            on_skipped=_say_skipped,
        )
    except KeyboardInterrupt:
        print(f"\n{_kept_when_interrupted(out, started)}", file=sys.stderr)
        raise
    result, test_report = run.result, run.test_report
    if result.model_dir is None:
        raise UsageError("Training stopped before the first epoch ended: no model was saved.")
    payload = {
        "model": str(result.model_dir),
        "stopped": result.stopped,
        "best_epoch": result.best_epoch,
        "epochs_run": result.epochs_run,
        "best_validation_eer": result.best_validation_eer,
        "whitened": result.whitened,
        "threshold": result.threshold,
        "history": result.history,
        "test": test_report.to_dict() if test_report else None,
    }
    text = [
        f"Model saved to {result.model_dir} (best epoch {result.best_epoch}, validation EER "
        f"{result.best_validation_eer:.1%}"
        + (", embeddings whitened" if result.whitened else "")
        + f", threshold {result.threshold:.4f})."
    ]
    if test_report:
        text += ["Test writers:", metrics_table(test_report)]
    _emit(args, payload, "\n".join(text))
    return EXIT_OK


def register(commands) -> None:
    """Add this group's commands and their arguments to ``commands`` (the parser's
    sub-parsers)."""
    from sigverify.core.data.datasets import LAYOUTS
    from sigverify.core.data.splits import DEFAULT_TEST, DEFAULT_VALIDATION
    from sigverify.core.imaging.preprocessing import PreprocessConfig
    from sigverify.core.model.card import TRAINABLE_ENCODERS
    from sigverify.core.model.card_checks import DISTANCE_NAMES
    from sigverify.core.training.config import INPUTS, LOSSES, MINING, TrainConfig

    engine = TrainConfig()  # the defaults live in core; shown here, not repeated
    layouts = ["auto", *LAYOUTS]

    def option(name: str) -> str:  # "batch_hard" -> "batch-hard", as options are written
        return name.replace("_", "-")

    train = add_command(
        commands,
        "train",
        cmd_train,
        "Train a model on signature data folders (writer-disjoint train/validation/test).",
    )
    train.add_argument(
        "--data", action="append", required=True, help="data folder; repeat to train on several"
    )
    train.add_argument("--layout", default="auto", choices=layouts)
    train.add_argument("--out", required=True, help="model folder to write")
    train.add_argument(
        "--input",
        default=engine.input,
        choices=list(INPUTS),
        help="image: scans and photos; pen: pad recordings (SVC2004 .TXT, SUSIG .sig, .hwr), "
        "read by the tdnn encoder",
    )
    train.add_argument(
        "--pen-length",
        type=int,
        default=engine.pen_length,
        help=f"pen input: samples per recording (default {engine.pen_length})",
    )
    train.add_argument("--encoder", default=engine.encoder, choices=list(TRAINABLE_ENCODERS))
    train.add_argument("--loss", default=engine.loss, choices=list(LOSSES))
    train.add_argument(
        "--mining",
        default=option(engine.mining),
        choices=[option(m) for m in MINING],
        help=f"triplet loss: how triplets are chosen (default {option(engine.mining)})",
    )
    train.add_argument(
        "--margin", type=float, help="loss margin (default 1.0 contrastive, 0.2 triplet)"
    )
    train.add_argument("--distance", default=engine.distance, choices=list(DISTANCE_NAMES))
    train.add_argument("--epochs", type=int, help=f"default {engine.epochs}")
    train.add_argument("--steps-per-epoch", type=int, help=f"default {engine.steps_per_epoch}")
    train.add_argument(
        "--batch-size", type=int, help=f"images per step (default {engine.batch_size})"
    )
    train.add_argument(
        "--lr", type=float, help=f"peak learning rate (default {engine.learning_rate})"
    )
    train.add_argument(
        "--augment", type=float, help=f"augmentation strength 0..1 (default {engine.augment})"
    )
    train.add_argument(
        "--elastic",
        type=float,
        help="elastic stroke warp 0..1 (1: up to 3 %% of the height; default 0, off)",
    )
    train.add_argument(
        "--classify",
        type=float,
        help="weight of an auxiliary writer-classification loss (triplet loss with "
        "batch-hard mining; default 0, off)",
    )
    train.add_argument(
        "--reference-set",
        type=float,
        help="weight of an added loss on a signature's mean distance to the other genuine "
        "signatures of a writer in the batch, as verification scores a query against several "
        "references (triplet loss with batch-hard mining; default 0, off)",
    )
    train.add_argument(
        "--ema",
        type=float,
        help="keep a running average of the weights with this decay per step (e.g. 0.998) "
        "and validate and keep the average (default 0, off)",
    )
    train.add_argument(
        "--turned-writers",
        type=int,
        choices=(0, 1, 3),
        help="also train on each writer's signatures turned over, as new writers: 1 mirrored "
        "left to right, 3 also upside down and half round (default 0, off)",
    )
    train.add_argument(
        "--weight-decay",
        type=float,
        help=f"AdamW weight decay (default {engine.weight_decay})",
    )
    train.add_argument(
        "--patience",
        type=int,
        help=f"epochs without improvement before stopping (default {engine.patience})",
    )
    train.add_argument(
        "--balance-datasets",
        action=argparse.BooleanOptionalAction,
        default=engine.balance_datasets,
        help="with several --data folders, draw each folder's writers equally often",
    )
    size = f"{PreprocessConfig.height}x{PreprocessConfig.width}"
    train.add_argument("--size", default=size, help="input HEIGHTxWIDTH")
    train.add_argument(
        "--stroke-width",
        type=float,
        default=PreprocessConfig.stroke_width,
        help="redraw every stroke this wide on the input, whatever the pen or focus "
        f"(default {PreprocessConfig.stroke_width}; 0: the ink as scanned)",
    )
    train.add_argument(
        "--faint-ink",
        type=float,
        default=PreprocessConfig.faint_ink,
        help="keep faint ink that carries on a clear stroke, down to this many times the "
        f"paper's own variation (default {PreprocessConfig.faint_ink}; 0: one threshold, "
        "as models before it)",
    )
    train.add_argument(
        "--enlarge-small-ink",
        type=int,
        choices=(0, 1),
        default=int(PreprocessConfig.enlarge_small_ink),
        help="1: ink smaller than the input is looked for again on the scan enlarged (the "
        "default); 0: read off the scan's own pixels, as models before it",
    )
    train.add_argument(
        "--working-side",
        type=int,
        default=PreprocessConfig.max_working_side,
        help="shrink scans by a whole factor to at most this many pixels on the long side "
        f"before preparing them (default {PreprocessConfig.max_working_side})",
    )
    train.add_argument("--width", type=int, default=None, help="encoder width (channels)")
    train.add_argument("--embedding-dim", type=int, default=128)
    train.add_argument(
        "--dropout", type=float, default=None, help="dropout before the embedding head"
    )
    train.add_argument(
        "--validation", type=float, default=DEFAULT_VALIDATION, help="fraction of writers"
    )
    train.add_argument("--test", type=float, default=DEFAULT_TEST, help="fraction of writers")
    train.add_argument(
        "--seed", type=int, default=engine.seed, help="chooses the writer split and the start"
    )
    train.add_argument(
        "--init-seed",
        type=int,
        default=None,
        help="another start (weights, batches) on the --seed writer split",
    )
    train.add_argument("--device", default=engine.device, help="auto, cpu or cuda")
    train.add_argument("--threads", type=int, default=None, help="CPU threads for torch")
    train.add_argument(
        "--resume", action="store_true", help="continue from the checkpoint in --out"
    )
    train.add_argument(
        "--overwrite", action="store_true", help="train over a model already in --out"
    )
    train.add_argument("--init-from", default=None, help="model folder to fine-tune from")
    train.add_argument("--name", default=None, help="model name (default: the folder name)")
    train.add_argument("--description", default="", help="free text for the model card")
