"""``sigverify preprocess`` and ``sigverify dataset check | split | synth``: looking at
images and data folders.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sigverify.cli.common import (
    EXIT_OK,
    ProgressBar,
    UsageError,
    _emit,
    _parse_size,
    add_command,
    add_group,
)


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
    from sigverify.core.data.datasets import read_dataset
    from sigverify.core.data.splits import split_writers

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


def register(commands) -> None:
    """Add this group's commands and their arguments to ``commands`` (the parser's
    sub-parsers)."""
    from sigverify.core.data.datasets import LAYOUTS
    from sigverify.core.data.splits import DEFAULT_TEST, DEFAULT_VALIDATION

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

    dataset_commands = add_group(
        commands, "dataset", "Inspect, split or generate signature data folders."
    )

    def add_data_arguments(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("data", help="data folder")
        sub.add_argument(
            "--layout",
            default="auto",
            choices=["auto", *LAYOUTS],
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
    split.add_argument(
        "--validation",
        type=float,
        default=DEFAULT_VALIDATION,
        help=f"fraction of writers ({DEFAULT_VALIDATION})",
    )
    split.add_argument(
        "--test", type=float, default=DEFAULT_TEST, help=f"fraction of writers ({DEFAULT_TEST})"
    )
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
