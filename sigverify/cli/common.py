"""What every command shares: exit codes, the user-error type, progress bars, JSON or
text output, argument parsers for sizes and reference counts, and the helpers that add
a command or a command group to the parser.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable

from sigverify.core.errors import SigverifyError

EXIT_OK, EXIT_BUG, EXIT_USER_ERROR = 0, 1, 2


class UsageError(SigverifyError):
    """A command-line argument is wrong."""


class ProgressBar:
    """A one-line progress bar on stderr, drawn only when stderr is a terminal.
    Use as the ``on_progress(done, total)`` callback of core functions. ``time_left``:
    also the time left, from the pace so far."""

    def __init__(self, label: str, stream=None, time_left: bool = False):
        self.label = label
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty()
        self.time_left = time_left
        self.started = time.perf_counter()

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or total <= 0:
            return
        width = 30
        filled = int(width * done / total)
        bar = "#" * filled + "-" * (width - filled)
        end = "\n" if done >= total else ""
        left = ""
        if self.time_left and 0 < done < total:
            elapsed = time.perf_counter() - self.started
            left = f", {_format_duration(elapsed / done * (total - done))} left"
        self.stream.write(f"\r{self.label} [{bar}] {done}/{total}{left}{end}")
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


def _missing_subcommand(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return EXIT_USER_ERROR


def add_command(group, name: str, handler: Callable, help_text: str) -> argparse.ArgumentParser:
    sub = group.add_parser(name, help=help_text, description=help_text)
    sub.add_argument("--json", action="store_true", help="print one JSON object on stdout")
    sub.set_defaults(handler=handler)
    return sub


def add_group(commands, name: str, help_text: str):
    """A command with sub-commands (``sigverify NAME COMMAND``); alone it prints its help."""
    group = commands.add_parser(name, help=help_text, description=help_text)
    group.set_defaults(handler=lambda _args: _missing_subcommand(group))
    return group.add_subparsers(dest=f"{name}_command", metavar="COMMAND")
