"""The batch commands: ``sigverify batch verify ITEMS --out RESULTS.csv``."""

from __future__ import annotations

import argparse
import signal
import sys

from sigverify.cli.common import (
    EXIT_OK,
    EXIT_USER_ERROR,
    ProgressBar,
    _emit,
    _format_duration,
    add_command,
    add_group,
)
from sigverify.cli.store_commands import _open_store, _service, add_store_arguments
from sigverify.core.i18n import english_plurals

EXIT_INTERRUPTED = 130


class _StopOnInterrupt:
    """The first Ctrl-C asks the run to stop after the items in hand (they are written);
    a second one stops at once."""

    def __init__(self):
        self.requested = False
        self.previous = None

    def __enter__(self):
        self.previous = signal.signal(signal.SIGINT, self._handle)
        return self

    def __exit__(self, *exc):
        signal.signal(signal.SIGINT, self.previous)

    def _handle(self, *_):
        if self.requested:
            raise KeyboardInterrupt
        self.requested = True
        print(
            "\nStopping after the items being checked (Ctrl-C again to stop at once)...",
            file=sys.stderr,
        )


def cmd_batch_verify(args: argparse.Namespace) -> int:
    from sigverify.core.batch import run_batch
    from sigverify.core.batch_items import read_items

    items = read_items(args.items)
    if args.report:
        from sigverify.core.report_files import check_writable

        check_writable(args.report)  # before anything is checked
    bar = ProgressBar("Verifying", time_left=True)
    with _open_store(args) as store, _StopOnInterrupt() as interrupt:
        service = _service(args, store)

        def progress(done: int, total: int) -> bool:
            bar(done, total)
            return not interrupt.requested

        summary = run_batch(
            service,
            items,
            args.out,
            record=not args.no_record,
            comment=args.comment,
            on_progress=progress,
        )
    if args.report:
        from sigverify.core.report_batch import batch_pages
        from sigverify.core.report_files import save_pdf

        save_pdf(batch_pages(args.out), args.report)
    counts = summary.decisions
    lines = [
        english_plurals(f"Checked {summary.checked} of {summary.items} item(s) in ", summary.items)
        + f"{_format_duration(summary.seconds)} ({summary.queries_per_s:.0f} a second): "
        f"{counts['accept']} accepted, {counts['review']} to review, "
        f"{counts['reject']} rejected; results in {args.out}."
    ]
    if summary.skipped:
        lines.append(
            english_plurals(
                f"Skipped {summary.skipped} item(s) that already had a decision there.",
                summary.skipped,
            )
        )
    if summary.errors:
        count = len(summary.errors)
        lines.append(english_plurals(f"{count} item(s) could not be checked:", count))
        lines += [
            f"  row {o.item.row}: {o.item.person_id or '?'} {o.item.image or '?'}: {o.error}"
            for o in summary.errors
        ]
    if summary.cancelled:
        lines.append("Stopped before the end: run the same command again to continue.")
    _emit(args, {"results": str(args.out), **summary.to_dict()}, "\n".join(lines))
    if summary.cancelled:
        return EXIT_INTERRUPTED
    return EXIT_USER_ERROR if summary.errors else EXIT_OK


def register(commands) -> None:
    group = add_group(commands, "batch", "Check many signatures at once (a list or a folder).")
    verify = add_command(
        group,
        "verify",
        cmd_batch_verify,
        "Check each signature of a list against its person's references; results to a CSV "
        "(a re-run continues where one stopped). Exit 2 when some items could not be checked.",
    )
    verify.add_argument(
        "items",
        help="a CSV with “person” and “image” columns, or a folder with one folder per "
        "person id holding their images",
    )
    verify.add_argument("--out", required=True, help="the results CSV (appended to)")
    verify.add_argument("--comment", default="", help="operator comment for the audit log")
    verify.add_argument(
        "--report",
        default=None,
        metavar="PDF",
        help="also write a summary of every item in the results file",
    )
    verify.add_argument(
        "--no-record", action="store_true", help="do not write the checks to the audit log"
    )
    add_store_arguments(verify)
