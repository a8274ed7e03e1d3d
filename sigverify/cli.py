"""The ``sigverify`` command line: a thin layer over :mod:`sigverify.core`.

Conventions for every command: ``--json`` prints exactly one JSON object on stdout
(human text otherwise); exit code 0 = done, 2 = a problem the user can fix (the message
says what), 1 = a bug (details go to the log file).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import shlex
import sys
import traceback
from collections.abc import Callable
from pathlib import Path

from sigverify import __version__
from sigverify.core.build_variant import require_training
from sigverify.core.errors import SigverifyError

EXIT_OK, EXIT_BUG, EXIT_USER_ERROR = 0, 1, 2


class UsageError(SigverifyError):
    """A command-line argument is wrong."""


class ProgressBar:
    """A one-line progress bar on stderr, drawn only when stderr is a terminal.
    Use as the ``on_progress(done, total)`` callback of core functions."""

    def __init__(self, label: str, stream=None):
        self.label = label
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty()

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or total <= 0:
            return
        width = 30
        filled = int(width * done / total)
        bar = "#" * filled + "-" * (width - filled)
        end = "\n" if done >= total else ""
        self.stream.write(f"\r{self.label} [{bar}] {done}/{total}{end}")
        self.stream.flush()


def _emit(args: argparse.Namespace, payload: dict, text: str) -> None:
    print(json.dumps(payload, indent=2, ensure_ascii=False) if args.json else printable(text))


#: Control characters other than newline and tab: an id or a name holding a terminal
#: escape code must not recolour, move or clear the clerk's terminal.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """``text`` with terminal control characters shown as U+FFFD."""
    return _CONTROL.sub("\ufffd", text)


def _parse_size(text: str) -> tuple[int, int]:
    try:
        height, width = (int(v) for v in text.lower().split("x"))
    except ValueError as error:
        raise UsageError(
            f"--size must look like 150x220 (height x width), not “{text}”."
        ) from error
    if not (16 <= height <= 2000 and 16 <= width <= 2000):
        raise UsageError("--size must be between 16 and 2000 pixels on each side.")
    return height, width


# ---------------------------------------------------------------- commands


def cmd_preprocess(args: argparse.Namespace) -> int:
    import cv2

    from sigverify.core.imaging.imageio import load_image
    from sigverify.core.imaging.preprocessing import PreprocessConfig, preprocess_signature

    height, width = _parse_size(args.size)
    out = Path(args.out)
    if out.suffix.lower() != ".png":
        raise UsageError("--out must be a .png file name.")
    config = PreprocessConfig(height=height, width=width)
    loaded = load_image(args.image)
    for note in loaded.warnings:
        print(f"Note: {note}", file=sys.stderr)
    result = preprocess_signature(loaded.pixels, config)
    _, encoded = cv2.imencode(".png", result)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(encoded.tobytes())
    except OSError as error:
        raise UsageError(f"Cannot write “{out}”: {error.strerror}.") from error
    _emit(
        args,
        {
            "input": str(args.image),
            "output": str(out),
            "height": height,
            "width": width,
            "ink_pixels": int((result > 0).sum()),
            "warnings": list(loaded.warnings),
        },
        f"Wrote {out} ({width} x {height}): what the model sees of {Path(args.image).name}.",
    )
    return EXIT_OK


def cmd_dataset_check(args: argparse.Namespace) -> int:
    from sigverify.core.data.datasets import check_images, read_dataset

    dataset = read_dataset(args.data, args.layout)
    if not args.no_images:
        check_images(dataset, on_progress=ProgressBar("Checking images"))
    problems = [
        {"severity": p.severity, "message": p.message, "path": str(p.path) if p.path else None}
        for p in dataset.problems
    ]
    payload = {
        "root": str(dataset.root),
        "layout": dataset.layout,
        "writers": len(dataset.writers),
        "usable_writers": len(dataset.usable_writers()),
        "genuine": dataset.genuine_count,
        "forged": dataset.forged_count,
        "images_checked": not args.no_images,
        "problems": problems,
    }
    lines = [
        f"{dataset.root}: {dataset.layout} layout",
        f"  writers: {len(dataset.writers)} ({len(dataset.usable_writers())} usable)",
        f"  genuine: {dataset.genuine_count}   forged: {dataset.forged_count}",
    ]
    if problems:
        lines.append(f"  problems ({len(problems)}):")
        lines += [
            f"   - {p['severity']}: {p['message']}" + (f" [{p['path']}]" if p["path"] else "")
            for p in problems
        ]
    else:
        lines.append("  no problems found")
    _emit(args, payload, "\n".join(lines))
    return EXIT_OK


def cmd_dataset_split(args: argparse.Namespace) -> int:
    from sigverify.core.data.datasets import read_dataset, split_writers

    dataset = read_dataset(args.data, args.layout)
    split = split_writers(dataset.usable_writers(), args.validation, args.test, args.seed)
    parts = {"train": split.train, "validation": split.validation, "test": split.test}
    payload = {
        "layout": dataset.layout,
        "seed": split.seed,
        **{name: [w.id for w in writers] for name, writers in parts.items()},
    }
    text = "\n".join(
        f"{name:<10} {len(writers):>3} writers: {' '.join(w.id for w in writers)}"
        for name, writers in parts.items()
    )
    _emit(args, payload, text)
    return EXIT_OK


def cmd_dataset_synth(args: argparse.Namespace) -> int:
    from sigverify.core.data.synthetic import write_synthetic_dataset

    if min(args.writers, args.genuine) < 1 or args.forged < 0:
        raise UsageError("--writers and --genuine must be at least 1, --forged at least 0.")
    root = write_synthetic_dataset(args.out, args.writers, args.genuine, args.forged, args.seed)
    _emit(
        args,
        {
            "root": str(root),
            "writers": args.writers,
            "genuine": args.writers * args.genuine,
            "forged": args.writers * args.forged,
            "seed": args.seed,
        },
        f"Wrote {args.writers} synthetic writers ({args.genuine} genuine, {args.forged} forged "
        f"each) to {root}",
    )
    return EXIT_OK


def _parse_refs(text: str) -> list[int]:
    try:
        refs = sorted({int(v) for v in text.split(",") if v.strip()})
    except ValueError as error:
        raise UsageError(
            f"--refs must be numbers separated by commas, like 1,5 (not “{text}”)."
        ) from error
    if not refs or refs[0] < 1:
        raise UsageError("--refs must list at least one number of references, each 1 or more.")
    return refs


def _read_datasets(roots: list[str], layout: str):
    from sigverify.core.data.datasets import read_dataset

    return [read_dataset(root, layout) for root in roots]


def _format_duration(seconds: float | None) -> str:
    if seconds is None:
        return "?"
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m" if hours else f"{minutes}m{secs:02d}s"


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


def cmd_train(args: argparse.Namespace) -> int:
    require_training()
    from sigverify.core.imaging.preprocessing import PreprocessConfig
    from sigverify.core.training.config import TrainConfig
    from sigverify.core.training.run import TrainingPlan, run_training, split_plan

    height, width = _parse_size(args.size)
    if args.stroke_width < 0:
        raise UsageError("--stroke-width must be 0 (ink as scanned) or more.")
    preprocess = PreprocessConfig(height=height, width=width, stroke_width=args.stroke_width)
    encoder_config = {"embedding_dim": args.embedding_dim}
    if args.width:
        encoder_config["width"] = args.width
    chosen = {
        "epochs": args.epochs,
        "steps_per_epoch": args.steps_per_epoch,
        "batch_size": args.batch_size,
        "learning_rate": args.lr,
        "augment": args.augment,
        "patience": args.patience,
        "margin": args.margin,
        "threads": args.threads,
        "init_from": args.init_from,
    }
    config = TrainConfig(
        encoder=args.encoder,
        encoder_config=encoder_config,
        loss=args.loss,
        mining=args.mining.replace("-", "_"),
        distance=args.distance,
        balance_datasets=args.balance_datasets,
        seed=args.seed,
        device=args.device,
        preprocess=preprocess.to_dict(),
        **{name: value for name, value in chosen.items() if value is not None},
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
        f"Training a {args.encoder} model ({args.loss} loss) on {len(split.train)} writers, "
        "validating on "
        f"{len(split.validation)}, testing on {len(split.test)}; output: {args.out}",
        file=sys.stderr,
    )
    run = run_training(
        plan,
        reading_progress=lambda part: ProgressBar(f"Reading {part} signatures"),
        on_progress=TrainingBar(),  # stderr: stdout stays one JSON object
    )
    for problem in run.skipped:
        print(f"Skipped {problem.path}: {problem.message}", file=sys.stderr)
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
        text += ["Test writers:", _metrics_table(test_report)]
    _emit(args, payload, "\n".join(text))
    return EXIT_OK


def _metrics_table(report) -> str:
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
    from sigverify.core.data.bank import SignatureBank
    from sigverify.core.evaluation.measure import PROTOCOL, evaluate_model, evaluation_writers
    from sigverify.core.evaluation.plots import det_figure, distance_histogram_figure, roc_figure
    from sigverify.core.model.inference import load_for_inference

    refs = _parse_refs(args.refs)
    model = load_for_inference(args.model, gpu=args.device != "cpu")
    chosen = evaluation_writers(_read_datasets(args.data, args.layout), model.card, args.writers)
    for note in chosen.notes:
        print(f"Note: {note}", file=sys.stderr)
    bank = SignatureBank.from_writers(
        chosen.writers, model.preprocess, ProgressBar("Reading signatures")
    )
    used = chosen.datasets
    if len(bank.writer_ids) < 2:
        raise UsageError("At least 2 writers are needed to evaluate.")
    report = evaluate_model(model, bank, refs, bootstrap=args.bootstrap)
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
        **report.to_dict(),
    }
    text = (
        f"{model.card.name}: threshold {model.card.threshold:.4f} ({model.card.distance}) on "
        f"{len(bank.writer_ids)} writers\n" + _metrics_table(report)
    )
    _emit(args, payload, text)
    return EXIT_OK


# -------------------------------------------------------- store: people, enrol, verify, audit


def _open_store(args):
    from sigverify.core.store import Store

    return Store(args.store)


def _service(args, store):
    from sigverify.core.active_model import active_model_dir
    from sigverify.core.model.inference import load_for_inference
    from sigverify.core.verification import VerificationService

    model = load_for_inference(active_model_dir(store, getattr(args, "model", None)))
    return VerificationService(store, model, getattr(args, "operator", None))


def cmd_enroll(args: argparse.Namespace) -> int:
    from sigverify.core.verification_results import InconsistentReferencesError, SignatureInput

    signatures = [SignatureInput.from_path(p) for p in args.images]
    with _open_store(args) as store:
        service = _service(args, store)
        try:
            result = service.enroll(
                args.person, signatures, args.name, args.note, accept_outliers=args.force
            )
        except InconsistentReferencesError as error:
            raise UsageError(
                f"{error} Nothing was saved. Check the image, or add --force to enrol anyway."
            ) from error
    payload = {
        "person": result.person_id,
        "added": result.reference_ids,
        "references": result.total_references,
        "model": service.model_id,
        "warnings": result.warnings,
    }
    text = [
        f"Enrolled {len(result.reference_ids)} reference(s) for {result.person_id} "
        f"({result.total_references} in all)."
    ] + [f"Note: {w}" for w in result.warnings]
    _emit(args, payload, "\n".join(text))
    return EXIT_OK


def cmd_verify(args: argparse.Namespace) -> int:
    from sigverify.core.verification_results import SignatureInput

    signature = SignatureInput.from_path(args.image)
    with _open_store(args) as store:
        result = _service(args, store).verify(
            args.person, signature, record=not args.no_record, comment=args.comment
        )
    label = {"accept": "ACCEPT", "review": "NEEDS REVIEW", "reject": "REJECT"}[result.decision]
    t = result.thresholds
    lines = [
        f"{label}  (similarity {result.similarity:.0%}, score {result.score:.4f}; "
        f"accept <= {t.accept:.4f}, reject > {t.reject:.4f})",
        result.reason,
    ]
    # each reference on the thresholds' scale (the raw distance times the person's spread
    # factor), so that the numbers compare with the score and the thresholds above
    lines += [
        f"  reference {r.reference_id:>4} {r.filename:<30} score {result.on_score_scale(r):.4f}"
        for r in sorted(result.per_reference, key=lambda r: r.distance)
    ]
    lines += [f"Note: {w}" for w in result.warnings]
    _emit(args, result.to_dict(), "\n".join(lines))
    return EXIT_OK


def cmd_people(args: argparse.Namespace) -> int:
    with _open_store(args) as store:
        people = store.list_people(args.search)
    payload = {
        "people": [
            {
                "id": p.id,
                "name": p.name,
                "note": p.note,
                "references": p.reference_count,
                "accept_threshold": p.accept_threshold,
                "reject_threshold": p.reject_threshold,
                "created_at": p.created_at,
            }
            for p in people
        ]
    }
    text = "\n".join(f"{p.id:<16} {p.name:<28} {p.reference_count:>3} reference(s)" for p in people)
    _emit(args, payload, text or "No people enrolled yet.")
    return EXIT_OK


def cmd_remove(args: argparse.Namespace) -> int:
    from sigverify.core.operators import operator_name

    with _open_store(args) as store:
        operator = operator_name(store, args.operator)
        if args.reference is not None:
            store.remove_reference(args.reference, operator)
            message, payload = (
                f"Removed reference {args.reference}.",
                {"removed_reference": args.reference},
            )
        else:
            person = store.get_person(args.person)
            if not args.yes:
                raise UsageError(
                    f"This deletes {person.id} and their {person.reference_count} reference(s) "
                    "for good. Add --yes to confirm."
                )
            store.delete_person(args.person, operator)
            message, payload = f"Deleted {person.id}.", {"deleted_person": person.id}
    _emit(args, payload, message)
    return EXIT_OK


def cmd_thresholds(args: argparse.Namespace) -> int:
    from sigverify.core.operators import operator_name

    with _open_store(args) as store:
        operator = operator_name(store, args.operator)
        if args.clear:
            args.accept = args.reject = None
        elif args.accept is None and args.reject is None:
            raise UsageError(
                "Give --accept and/or --reject, or --clear to use the model's thresholds again."
            )
        store.set_person_thresholds(args.person, args.accept, args.reject, operator)
        person = store.get_person(args.person)
    payload = {
        "person": person.id,
        "accept_threshold": person.accept_threshold,
        "reject_threshold": person.reject_threshold,
    }
    _emit(
        args,
        payload,
        f"Thresholds for {person.id}: accept {person.accept_threshold}, "
        f"reject {person.reject_threshold} (None = the model's).",
    )
    return EXIT_OK


def cmd_audit(args: argparse.Namespace) -> int:
    import csv

    with _open_store(args) as store:
        intact, bad = store.verify_audit_chain()
        entries = store.audit_entries(args.person)
    if args.csv:
        with open(args.csv, "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(
                ["id", "at", "operator", "action", "person", "details", "previous_hash", "hash"]
            )
            for e in entries:
                writer.writerow(
                    [
                        e.id,
                        e.at,
                        e.operator,
                        e.action,
                        e.person_id or "",
                        json.dumps(e.details, ensure_ascii=False),
                        e.previous_hash,
                        e.hash,
                    ]
                )
    payload = {"intact": intact, "first_bad_entry": bad, "entries": len(entries)}
    if args.action == "show":
        payload["log"] = [
            {
                "id": e.id,
                "at": e.at,
                "operator": e.operator,
                "action": e.action,
                "person": e.person_id,
                "details": e.details,
            }
            for e in entries
        ]
    status = "The audit log is intact." if intact else f"The audit log was altered at entry {bad}."
    lines = (
        []
        if args.action == "verify"
        else [
            f"{e.id:>5} {e.at[:19]} {e.operator:<12} {e.action:<16} {e.person_id or '':<12} "
            f"{json.dumps(e.details, ensure_ascii=False)}"
            for e in entries
        ]
    )
    _emit(args, payload, "\n".join([*lines, f"{status} ({len(entries)} entries)"]))
    return EXIT_OK if intact else EXIT_USER_ERROR


def cmd_export(args: argparse.Namespace) -> int:
    from sigverify.core.person_card import export_person

    with _open_store(args) as store:
        out = export_person(store, args.person, args.out)
    _emit(args, {"person": args.person, "file": str(out)}, f"Wrote {args.person}'s card to {out}.")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from sigverify.core.person_card import import_person

    with _open_store(args) as store:
        person_id = import_person(
            _service(args, store), args.card, args.as_id, accept_outliers=args.force
        )
        count = store.get_person(person_id).reference_count
    _emit(
        args,
        {"person": person_id, "references": count},
        f"Imported {person_id} with {count} reference(s).",
    )
    return EXIT_OK


def cmd_settings(args: argparse.Namespace) -> int:
    from sigverify.core.active_model import ACTIVE_MODEL_SETTING
    from sigverify.core.operators import OPERATOR_SETTING, current_operator, operator_name

    with _open_store(args) as store:
        if args.set_operator is not None:
            name = args.set_operator.strip()
            if not name:
                raise UsageError("The operator name cannot be empty.")
            store.set_setting(OPERATOR_SETTING, name, operator_name(store, args.operator))
        operator = store.get_setting(OPERATOR_SETTING)
        payload = {
            "store": str(store.path),
            "operator": operator or current_operator(),
            "operator_source": "setting" if operator else "os user",
            "active_model": store.get_setting(ACTIVE_MODEL_SETTING),
        }
    text = (
        f"store: {payload['store']}\n"
        f"operator: {payload['operator']} (from the {payload['operator_source']})\n"
        f"active model: {payload['active_model'] or 'none (see sigverify models activate)'}"
    )
    _emit(args, payload, text)
    return EXIT_OK


def cmd_models_activate(args: argparse.Namespace) -> int:
    from sigverify.core.active_model import activate_model
    from sigverify.core.model.inference import load_for_inference
    from sigverify.core.verification import model_id_of

    model = load_for_inference(args.model_dir)
    with _open_store(args) as store:
        switched = activate_model(
            store, model, args.operator, ProgressBar("Re-embedding references")
        )
    if not switched:
        raise UsageError("The model switch was interrupted; the previous model stays active.")
    _emit(
        args,
        {"active_model": str(model.path), "model": model_id_of(model)},
        f"Active model: {model.card.name} ({model.path}).",
    )
    return EXIT_OK


def cmd_models_export_onnx(args: argparse.Namespace) -> int:
    require_training()
    from sigverify.core.model.export import export_onnx

    path = export_onnx(args.model_dir)
    _emit(args, {"onnx": str(path)}, f"Wrote {path}; the card records its checksum.")
    return EXIT_OK


def cmd_models_show(args: argparse.Namespace) -> int:
    from sigverify.core.active_model import active_model_dir
    from sigverify.core.model.card import read_card

    with _open_store(args) as store:
        folder = active_model_dir(store, args.model)
    card = read_card(folder)
    stroke = card.preprocess_config().stroke_width
    test = card.metrics.get("test", {}).get("per_refs", {})
    lines = [
        f"{card.name} ({folder})",
        f"  encoder {card.encoder}, input {card.preprocess.get('height')}x"
        f"{card.preprocess.get('width')}, {card.parameters:,} parameters, distance {card.distance}",
        f"  strokes redrawn {stroke:g} px wide" if stroke else "  strokes as scanned",
        "  embeddings whitened by the training writers' own variation"
        if card.whitened
        else "  embeddings as the network gives them",
        f"  threshold {card.threshold:.4f} ({card.threshold_info.get('method', '?')} on "
        f"{card.threshold_info.get('writers', '?')} writers)",
        f"  scores scaled by each person's reference spread (typical {card.reference_spread:.4f})"
        if card.reference_spread
        else "  scores: plain distance (not scaled)",
    ]
    lines += [
        f"  test, {n} ref(s): EER {m['eer']:.1%}, AUC {m['auc']:.3f}" for n, m in test.items()
    ]
    _emit(args, {"path": str(folder), **card.to_dict()}, "\n".join(lines))
    return EXIT_OK


# ---------------------------------------------------------------- parser


def build_parser() -> argparse.ArgumentParser:
    from sigverify.core.imaging.preprocessing import PreprocessConfig
    from sigverify.core.training.config import TrainConfig

    parser = argparse.ArgumentParser(
        prog="sigverify",
        description="Offline handwritten-signature verification.",
    )
    parser.add_argument("--version", action="version", version=f"sigverify {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add_command(group, name: str, handler: Callable, help_text: str) -> argparse.ArgumentParser:
        sub = group.add_parser(name, help=help_text, description=help_text)
        sub.add_argument("--json", action="store_true", help="print one JSON object on stdout")
        sub.set_defaults(handler=handler)
        return sub

    pre = add_command(
        commands,
        "preprocess",
        cmd_preprocess,
        "Write the image the model sees for a signature scan or photo.",
    )
    pre.add_argument("image", help="signature image (PNG, JPEG, TIFF, BMP)")
    pre.add_argument("--out", required=True, help="output PNG file")
    pre.add_argument(
        "--size", default="150x220", help="HEIGHTxWIDTH of the output (default 150x220)"
    )

    def add_group(name: str, help_text: str):
        """A command with sub-commands (``sigverify NAME COMMAND``); alone it prints its help."""
        group = commands.add_parser(name, help=help_text, description=help_text)
        group.set_defaults(handler=lambda _args: _missing_subcommand(group))
        return group.add_subparsers(dest=f"{name}_command", metavar="COMMAND")

    dataset_commands = add_group("dataset", "Inspect, split or generate signature data folders.")

    def add_data_arguments(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("data", help="data folder")
        sub.add_argument(
            "--layout",
            default="auto",
            choices=["auto", "folders", "cedar", "sigcomp", "bhsig260"],
            help="folder layout (default: detect)",
        )

    check = add_command(
        dataset_commands,
        "check",
        cmd_dataset_check,
        "Count writers and images in a data folder and list every problem found.",
    )
    add_data_arguments(check)
    check.add_argument(
        "--no-images", action="store_true", help="only list files; do not open every image (faster)"
    )

    split = add_command(
        dataset_commands,
        "split",
        cmd_dataset_split,
        "Show the writer-disjoint train / validation / test split for a seed.",
    )
    add_data_arguments(split)
    split.add_argument("--validation", type=float, default=0.15, help="fraction of writers (0.15)")
    split.add_argument("--test", type=float, default=0.15, help="fraction of writers (0.15)")
    split.add_argument("--seed", type=int, default=0)

    synth = add_command(
        dataset_commands,
        "synth",
        cmd_dataset_synth,
        "Write a synthetic signature data folder (for trying sigverify out).",
    )
    synth.add_argument("out", help="folder to create")
    synth.add_argument("--writers", type=int, default=12)
    synth.add_argument("--genuine", type=int, default=8, help="genuine signatures per writer")
    synth.add_argument("--forged", type=int, default=8, help="forgeries per writer")
    synth.add_argument("--seed", type=int, default=0, help="first writer's number")

    train = add_command(
        commands,
        "train",
        cmd_train,
        "Train a model on signature data folders (writer-disjoint train/validation/test).",
    )
    train.add_argument(
        "--data", action="append", required=True, help="data folder; repeat to train on several"
    )
    train.add_argument(
        "--layout", default="auto", choices=["auto", "folders", "cedar", "sigcomp", "bhsig260"]
    )
    train.add_argument("--out", required=True, help="model folder to write")
    train.add_argument("--encoder", default="cnn", choices=["cnn", "tdnn"])
    train.add_argument("--loss", default="contrastive", choices=["contrastive", "triplet"])
    train.add_argument(
        "--mining",
        default="batch-hard",
        choices=["batch-hard", "random"],
        help="triplet loss: how triplets are chosen (default batch-hard)",
    )
    engine = TrainConfig()  # the defaults live in the engine; shown here, not repeated
    train.add_argument(
        "--margin", type=float, help="loss margin (default 1.0 contrastive, 0.2 triplet)"
    )
    train.add_argument("--distance", default="euclidean", choices=["euclidean", "cosine"])
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
    train.add_argument("--size", default="150x220", help="input HEIGHTxWIDTH")
    train.add_argument(
        "--stroke-width",
        type=float,
        default=PreprocessConfig.stroke_width,
        help="redraw every stroke this wide on the input, whatever the pen or focus "
        f"(default {PreprocessConfig.stroke_width}; 0: the ink as scanned)",
    )
    train.add_argument("--width", type=int, default=None, help="encoder width (channels)")
    train.add_argument("--embedding-dim", type=int, default=128)
    train.add_argument("--validation", type=float, default=0.15, help="fraction of writers")
    train.add_argument("--test", type=float, default=0.15, help="fraction of writers")
    train.add_argument("--seed", type=int, default=0)
    train.add_argument("--device", default="auto", help="auto, cpu or cuda")
    train.add_argument("--threads", type=int, default=None, help="CPU threads for torch")
    train.add_argument(
        "--resume", action="store_true", help="continue from the checkpoint in --out"
    )
    train.add_argument("--init-from", default=None, help="model folder to fine-tune from")
    train.add_argument("--name", default=None, help="model name (default: the folder name)")
    train.add_argument("--description", default="", help="free text for the model card")

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
    evaluate.add_argument(
        "--layout", default="auto", choices=["auto", "folders", "cedar", "sigcomp", "bhsig260"]
    )
    evaluate.add_argument(
        "--refs", default="1,3,5,10", help="numbers of references per writer (1,3,5,10)"
    )
    evaluate.add_argument(
        "--writers",
        default="auto",
        choices=["auto", "test", "all"],
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
    evaluate.add_argument("--device", default="auto")

    def add_store_arguments(sub, model: bool = True):
        sub.add_argument(
            "--store", default=None, help="store file (default: in the user data folder)"
        )
        sub.add_argument(
            "--operator", default=None, help="operator name for the audit log (default: OS user)"
        )
        if model:
            sub.add_argument(
                "--model", default=None, help="model folder (default: the active model)"
            )

    enroll = add_command(commands, "enroll", cmd_enroll, "Add reference signatures for a person.")
    enroll.add_argument("--person", required=True, help="the person's id (e.g. customer number)")
    enroll.add_argument("--name", default=None)
    enroll.add_argument("--note", default=None)
    enroll.add_argument(
        "images", nargs="+", help="reference signature images (3 to 10 recommended)"
    )
    enroll.add_argument(
        "--force", action="store_true", help="enrol even if a reference looks unlike the others"
    )
    add_store_arguments(enroll)

    verify = add_command(
        commands, "verify", cmd_verify, "Check a signature against a person's references."
    )
    verify.add_argument("--person", required=True)
    verify.add_argument("image")
    verify.add_argument("--comment", default="", help="operator comment for the audit log")
    verify.add_argument(
        "--no-record", action="store_true", help="do not write this check to the audit log"
    )
    add_store_arguments(verify)

    people = add_command(commands, "people", cmd_people, "List enrolled people.")
    people.add_argument("--search", default="", help="part of an id or name")
    add_store_arguments(people, model=False)

    remove = add_command(commands, "remove", cmd_remove, "Delete a person, or one reference.")
    target = remove.add_mutually_exclusive_group(required=True)
    target.add_argument("--person", help="delete this person and all their references")
    target.add_argument("--reference", type=int, help="remove this reference (number from verify)")
    remove.add_argument("--yes", action="store_true", help="confirm deleting a person")
    add_store_arguments(remove, model=False)

    thresholds = add_command(
        commands,
        "thresholds",
        cmd_thresholds,
        "Set or clear a person's own accept/reject thresholds.",
    )
    thresholds.add_argument("--person", required=True)
    thresholds.add_argument(
        "--accept", type=float, default=None, help="accept at this distance or less"
    )
    thresholds.add_argument("--reject", type=float, default=None, help="reject above this distance")
    thresholds.add_argument("--clear", action="store_true", help="use the model's thresholds again")
    add_store_arguments(thresholds, model=False)

    audit = add_command(commands, "audit", cmd_audit, "Show, check or export the audit log.")
    audit.add_argument("--person", default=None, help="only this person's entries")
    audit.add_argument(
        "action",
        nargs="?",
        default="show",
        choices=["show", "verify"],
        help="show the entries (default), or verify: only check the hash chain (exit 2 if altered)",
    )
    audit.add_argument(
        "--verify",
        dest="action",
        action="store_const",
        const="verify",
        help="same as: audit verify",
    )
    audit.add_argument("--csv", default=None, help="also write the entries to this CSV file")
    add_store_arguments(audit, model=False)

    export = add_command(
        commands, "export", cmd_export, "Write a person's card (a zip of images and details)."
    )
    export.add_argument("--person", required=True)
    export.add_argument("--out", required=True, help="the .zip file to write")
    add_store_arguments(export, model=False)

    import_ = add_command(
        commands, "import", cmd_import, "Enrol a person from a card written by export."
    )
    import_.add_argument("card", help="the .zip card file")
    import_.add_argument("--as", dest="as_id", default=None, help="enrol under this id instead")
    import_.add_argument(
        "--force", action="store_true", help="import even if a reference looks unlike the others"
    )
    add_store_arguments(import_)

    settings = add_command(
        commands,
        "settings",
        cmd_settings,
        "Show the store's settings, or set the operator name used in the audit log.",
    )
    settings.add_argument(
        "--set-operator",
        default=None,
        metavar="NAME",
        help="record NAME as the operator for this store (default: the OS user)",
    )
    add_store_arguments(settings, model=False)

    models_commands = add_group("models", "Show or switch the model used for verification.")
    activate = add_command(
        models_commands,
        "activate",
        cmd_models_activate,
        "Use another model: re-embeds every stored reference with it first.",
    )
    activate.add_argument("model_dir")
    add_store_arguments(activate, model=False)
    show = add_command(models_commands, "show", cmd_models_show, "Show the active model's card.")
    export = add_command(
        models_commands,
        "export-onnx",
        cmd_models_export_onnx,
        "Write MODEL_DIR/model.onnx, the encoder for ONNX Runtime (done by train and on "
        "first use; needs torch).",
    )
    export.add_argument("model_dir")
    add_store_arguments(show)
    return parser


def _missing_subcommand(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return EXIT_USER_ERROR


def _log_bug() -> Path | None:
    """Append the current exception's traceback to the user log; return the log path."""
    try:
        from sigverify.core.paths import user_log_dir

        path = user_log_dir() / "sigverify-cli.log"
        logging.basicConfig(filename=path, level=logging.ERROR, force=True)
        logging.getLogger("sigverify").error("Unexpected error\n%s", traceback.format_exc())
        return path
    except Exception:  # the log itself failed: the message on stderr still goes out
        return None


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    args.argv = list(sys.argv[1:] if argv is None else argv)
    if not hasattr(args, "handler"):
        parser.print_help(sys.stderr)
        return EXIT_USER_ERROR
    try:
        return args.handler(args)
    except SigverifyError as error:
        if getattr(args, "json", False):
            print(json.dumps({"error": str(error)}, ensure_ascii=False))
        print(printable(f"Error: {error}"), file=sys.stderr)
        return EXIT_USER_ERROR
    except BrokenPipeError:  # `sigverify ... | head -1`: the reader had enough
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # no second error when Python flushes stdout
        return EXIT_OK
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return 130
    except Exception as error:  # a bug: say so plainly, keep the details in the log
        log = _log_bug()
        where = f" Details were written to {log}." if log else ""
        print(
            f"Internal error ({type(error).__name__}: {error}). Please report it.{where}",
            file=sys.stderr,
        )
        return EXIT_BUG


if __name__ == "__main__":
    sys.exit(main())
