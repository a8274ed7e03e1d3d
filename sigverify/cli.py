"""The ``sigverify`` command line: a thin layer over :mod:`sigverify.core`.

Conventions for every command: ``--json`` prints exactly one JSON object on stdout
(human text otherwise); exit code 0 = done, 2 = a problem the user can fix (the message
says what), 1 = a bug (details go to the log file).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path

from sigverify import __version__
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
    print(json.dumps(payload, indent=2, ensure_ascii=False) if args.json else text)


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

    from sigverify.core.imageio import load_image
    from sigverify.core.preprocessing import PreprocessConfig, preprocess_signature

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
    from sigverify.core.datasets import check_images, read_dataset

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
    from sigverify.core.datasets import read_dataset, split_writers

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
    from sigverify.core.synthetic import write_synthetic_dataset

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


# ---------------------------------------------------------------- parser


def build_parser() -> argparse.ArgumentParser:
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

    dataset = commands.add_parser(
        "dataset",
        help="Inspect, split or generate signature data folders.",
        description="Inspect, split or generate signature data folders.",
    )
    dataset_commands = dataset.add_subparsers(dest="dataset_command", metavar="COMMAND")
    dataset.set_defaults(handler=lambda _args: _missing_subcommand(dataset))

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
    if not hasattr(args, "handler"):
        parser.print_help(sys.stderr)
        return EXIT_USER_ERROR
    try:
        return args.handler(args)
    except SigverifyError as error:
        if getattr(args, "json", False):
            print(json.dumps({"error": str(error)}, ensure_ascii=False))
        print(f"Error: {error}", file=sys.stderr)
        return EXIT_USER_ERROR
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
