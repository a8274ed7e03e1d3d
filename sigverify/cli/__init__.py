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
import sys
import traceback
from pathlib import Path

from sigverify import __version__
from sigverify.cli.common import EXIT_BUG, EXIT_OK, EXIT_USER_ERROR, printable
from sigverify.core.errors import SigverifyError


def build_parser() -> argparse.ArgumentParser:
    from sigverify.cli import (
        backup_commands,
        batch_commands,
        data_commands,
        evaluate_commands,
        model_commands,
        page_commands,
        server_commands,
        store_commands,
        train_commands,
    )

    parser = argparse.ArgumentParser(
        prog="sigverify",
        description="Offline handwritten-signature verification.",
    )
    parser.add_argument("--version", action="version", version=f"sigverify {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    data_commands.register(commands)
    train_commands.register(commands)
    evaluate_commands.register(commands)
    store_commands.register(commands)
    backup_commands.register(commands)
    model_commands.register(commands)
    batch_commands.register(commands)
    page_commands.register(commands)
    server_commands.register(commands)
    return parser


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
