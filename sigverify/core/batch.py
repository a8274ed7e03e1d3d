"""Batch verification: a list of items (a person id and an image of their signature, e.g.
the day's cheques) checked against each person's references, each result appended to a
results CSV as soon as it is decided (and recorded in the audit log), so that a run that
stops (Ctrl-C, a crash, a power cut) loses nothing already written, and running it again
carries on where it stopped.

The list is read by :func:`sigverify.core.batch_items.read_items`: a CSV file with a
``person`` and an ``image`` column, or a folder of per-person folders.

The results CSV is a log: one row per attempt, in the order they were made. A re-run skips
the items that already have a decision there (the same person, file and file stamp; when
recording, only decisions that were recorded) and tries again those that only failed (a
missing file since put back, a person enrolled since), appending their new rows: an
item's last row is its outcome.

Speed: images are read and prepared on several threads (OpenCV and the image decoders
let go of Python's lock) and embedded together, a chunk at a time, and a chunk's audit
rows are written in one transaction.
"""

from __future__ import annotations

import csv
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from sigverify.core.batch_items import BatchItem, file_stamp
from sigverify.core.errors import SigverifyError
from sigverify.core.i18n import translate
from sigverify.core.imaging.imageio import read_image_file
from sigverify.core.sent_to_review import same_image_note
from sigverify.core.spreadsheet import append_rows, from_cell
from sigverify.core.verification import VerificationService
from sigverify.core.verification_results import PersonReferences, SignatureInput, VerificationResult

# The results CSV's columns, in order.
RESULT_COLUMNS = (
    "person",
    "image",
    "file",  # the image's full path
    "stamp",  # its size and modification time when checked
    "decision",
    "score",
    "similarity",
    "accept_threshold",
    "reject_threshold",
    "nearest_reference",
    "references",
    "model",
    "audit_id",
    "checked_at",
    "notes",
    "error",
)

DECISIONS = ("accept", "review", "reject")


@dataclass(frozen=True)
class BatchOutcome:
    """What became of one item: a result, or the reason it could not be checked."""

    item: BatchItem
    result: VerificationResult | None = None
    audit_id: int | None = None
    error: str = ""


@dataclass
class BatchSummary:
    items: int
    skipped: int  # already decided in an earlier run
    checked: int = 0
    decisions: dict[str, int] = field(default_factory=lambda: dict.fromkeys(DECISIONS, 0))
    errors: list[BatchOutcome] = field(default_factory=list)
    seconds: float = 0.0
    cancelled: bool = False

    @property
    def queries_per_s(self) -> float:
        return self.checked / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict:
        return {
            "items": self.items,
            "skipped": self.skipped,
            "checked": self.checked,
            "decisions": dict(self.decisions),
            "errors": [
                {
                    "row": o.item.row,
                    "person": o.item.person_id,
                    "image": o.item.image,
                    "reason": o.error,
                }  # fmt: skip
                for o in self.errors
            ],
            "seconds": round(self.seconds, 2),
            "queries_per_s": round(self.queries_per_s, 1),
            "cancelled": self.cancelled,
        }


# ------------------------------------------------------------------ the results file


def decided_keys(results: str | Path, recorded: bool = False) -> set[tuple[str, str, str]]:
    """:attr:`BatchItem.key` of the items with a decision in an existing results CSV
    (empty when there is none); with ``recorded``, only those recorded in the audit log
    (a trial run with ``--no-record`` does not count for a real one). A file that is not a
    sigverify results CSV is refused, so that another file is never appended to."""
    results = Path(results)
    if results.is_dir():
        raise _unwritable(results, translate("errors", "it is a folder"))
    if not results.exists() or results.stat().st_size == 0:
        return set()
    try:
        return _decided(results, recorded)
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise _unwritable(results, getattr(error, "strerror", None) or str(error)) from error


def _unwritable(results: Path, why: str) -> SigverifyError:
    return SigverifyError(
        translate(
            "errors",
            "The results file “{name}” cannot be used ({why}). Close it if a spreadsheet has it "
            "open, or choose another file.",
        ).format(name=results.name, why=why)
    )


def _decided(results: Path, recorded: bool) -> set[tuple[str, str, str]]:
    with results.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != RESULT_COLUMNS:
            raise SigverifyError(
                translate(
                    "errors",
                    "“{name}” is not a results file written by sigverify: choose another file "
                    "for the results.",
                ).format(name=results.name)
            )
        return {
            (from_cell(r["person"]), from_cell(r["file"]), r["stamp"])
            for r in reader
            if r["decision"] in DECISIONS and (r["audit_id"] or not recorded)
        }


def result_row(outcome: BatchOutcome, at: str) -> list:
    """One outcome as a row of :data:`RESULT_COLUMNS`."""
    item, r = outcome.item, outcome.result
    head = [item.person_id, item.image, item.file, file_stamp(item.path)]
    if r is None:
        return head + [""] * (len(RESULT_COLUMNS) - len(head) - 3) + [at, "", outcome.error]
    return head + [
        r.decision,
        f"{r.score:.6f}",
        f"{r.similarity:.4f}",
        f"{r.thresholds.accept:.6f}",
        f"{r.thresholds.reject:.6f}",
        r.nearest.filename,
        len(r.per_reference),
        r.model_id,
        "" if outcome.audit_id is None else outcome.audit_id,
        at,
        # what a clerk reads beside the answer: the reader's warnings, and why a copy of a
        # reference went to review (the Queue showed "Needs review" and nothing more)
        " | ".join(r.warnings + ([same_image_note(r.same_image_as)] if r.same_image_as else [])),
        "",
    ]


def write_results(results: Path, outcomes: list[BatchOutcome]) -> None:
    """Append ``outcomes`` to the results CSV (its header first when new), on the disk
    before the next chunk is checked; an unwritable file is refused in words."""
    at = time.strftime("%Y-%m-%dT%H:%M:%S%z")
    try:
        append_rows(results, RESULT_COLUMNS, [result_row(o, at) for o in outcomes])
    except OSError as error:
        raise _unwritable(results, error.strerror or str(error)) from error


# ------------------------------------------------------------------ the run


def _chunks(items: list[BatchItem], size: int) -> Iterator[list[BatchItem]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _prepared(service: VerificationService, item: BatchItem):
    """``(pixels, warnings)`` of an item's image, or the reason it cannot be used."""
    if item.problem:
        return item.problem
    try:
        name = Path(item.image).name
        signature = SignatureInput(name, read_image_file(item.path))
        return service.prepare(signature, look_for_sheet=True)
    except SigverifyError as error:
        return str(error)


def check_chunk(
    service: VerificationService,
    items: list[BatchItem],
    pool: ThreadPoolExecutor,
    record: bool = True,
    comment: str = "",
) -> list[BatchOutcome]:
    """Check ``items``: their people's references once each, their images prepared on
    ``pool``'s threads and embedded together, the decisions recorded in one transaction."""
    people: dict[str, PersonReferences | str] = {}
    for person_id in {i.person_id for i in items if not i.problem}:
        try:
            people[person_id] = service.references_for_scoring(person_id)
        except SigverifyError as error:
            people[person_id] = str(error)
    todo = [i for i in items if not isinstance(people.get(i.person_id), str)]
    prepared = dict(zip(todo, pool.map(lambda i: _prepared(service, i), todo), strict=True))
    ready = [i for i in todo if not isinstance(prepared[i], str)]
    embeddings = service.embed([prepared[i][0] for i in ready]) if ready else np.empty((0, 0))
    results: dict[BatchItem, VerificationResult] = {}
    for item, query in zip(ready, embeddings, strict=True):
        pixels, warnings = prepared[item]
        results[item] = service.decide(people[item.person_id], query, item.image, warnings, pixels)
    audit = {}
    if record and results:
        rows = service.record_verifications(list(results.values()), comment)
        audit = dict(zip(results, rows, strict=True))
    outcomes = []
    for item in items:
        if item in results:
            audit_id = audit[item][0] if item in audit else None
            outcomes.append(BatchOutcome(item, results[item], audit_id))
        else:
            why = item.problem or people.get(item.person_id)
            outcomes.append(
                BatchOutcome(item, error=why if isinstance(why, str) else prepared[item])
            )
    return outcomes


def run_batch(
    service: VerificationService,
    items: list[BatchItem],
    results: str | Path,
    record: bool = True,
    comment: str = "",
    chunk: int = 32,
    threads: int = 2,
    on_progress: Callable[[int, int], bool | None] | None = None,
) -> BatchSummary:
    """Check the ``items`` not yet decided in ``results`` (module notes), appending each
    outcome there. ``on_progress(done, total)`` after each chunk; returning False stops
    the run there (what was checked is written)."""
    results = Path(results)
    decided = decided_keys(results, recorded=record)
    todo = [i for i in items if i.key not in decided]
    summary = BatchSummary(items=len(items), skipped=len(items) - len(todo))
    write_results(results, [])  # the header, and an unwritable file refused before checking
    started = time.perf_counter()
    try:
        with ThreadPoolExecutor(max_workers=max(1, threads)) as pool:
            done = 0
            for part in _chunks(todo, chunk):
                outcomes = check_chunk(service, part, pool, record, comment)
                write_results(results, outcomes)
                for outcome in outcomes:
                    if outcome.result is not None:
                        summary.checked += 1
                        summary.decisions[outcome.result.decision] += 1
                    else:
                        summary.errors.append(outcome)
                done += len(part)
                summary.seconds = time.perf_counter() - started
                if on_progress is not None and on_progress(done, len(todo)) is False:
                    summary.cancelled = done < len(todo)
                    break
    finally:
        summary.seconds = time.perf_counter() - started
    return summary
