"""The desk's queue of items to check (the app's Queue page): lists and folders of cheques
added to it, checked as a batch (:mod:`sigverify.core.batch`), and each item the machine
sent to review or rejected settled by a clerk, who confirms or overrides it with a comment
(an audit row of its own).

It lives in a folder beside the store (``store.sqlite3.queue/``), so that it survives a
restart and belongs to that store: ``items.csv`` (every item added, with its image's full
path), ``results.csv`` (the batch's results log) and ``reviews.csv`` (the clerks'
settlements, a log too: an item's last row counts). Each file is only ever appended to,
and each row is on the disk before the next is written. ``drafts.json`` keeps the comments
typed for items and not yet sent with a decision, from one session to the next.
"""

from __future__ import annotations

import csv
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from sigverify.core.batch import run_batch
from sigverify.core.batch_items import BatchItem
from sigverify.core.errors import SigverifyError
from sigverify.core.files import write_atomically
from sigverify.core.i18n import join_sentences, translate
from sigverify.core.spreadsheet import append_rows, from_cell
from sigverify.core.store.records import now
from sigverify.core.verification import VerificationService

ITEM_COLUMNS = ("person", "image")
REVIEW_COLUMNS = ("person", "image", "stamp", "decision", "comment", "operator", "audit_id", "at")
# What a clerk may settle an item with: the machine's answer confirmed, or overridden.
SETTLEMENTS = ("confirm", "accept", "reject")


@dataclass(frozen=True)
class QueueRow:
    """One item as the Queue page lists it."""

    person_id: str
    image: str  # full path
    decision: str = ""  # the machine's: accept / review / reject; "" not checked or error
    score: float | None = None
    similarity: float | None = None
    audit_id: int | None = None
    error: str = ""
    settled: str = ""  # the clerk's: confirm / accept / reject; "" not yet
    comment: str = ""
    stamp: str = ""  # the checked file's size and time (a cheque scanned again is new)
    notes: str = ""  # what the check said beside its answer (" | " between notes)
    settled_audit_id: int | None = None  # the audit row of the clerk's word
    settled_by: str = ""  # the operator who gave it

    @property
    def key(self) -> tuple[str, str]:
        return self.person_id, self.image

    @property
    def unchecked(self) -> bool:
        """Not checked yet: no answer and no reason it could not be checked."""
        return not self.decision and not self.error

    @property
    def rechecked(self) -> bool:
        """Could not be checked and not settled by a clerk: Check tries it again."""
        return bool(self.error) and not self.settled

    @property
    def for_a_clerk(self) -> bool:
        """Sent to review, rejected, or not checkable (an unknown person, a bad file): the
        items a clerk settles."""
        return self.decision in {"review", "reject"} or bool(self.error)

    @property
    def needs_clerk(self) -> bool:
        """For a clerk and not settled yet: a person must look at it."""
        return self.for_a_clerk and not self.settled

    @property
    def final(self) -> str:
        """The decision that stands: the clerk's override, else the machine's."""
        return self.settled if self.settled in {"accept", "reject"} else self.decision


@dataclass(frozen=True)
class CheckedAgain:
    """A queue item's signature checked again on the Verify page and the answer recorded
    there: the item's ``person_id`` and ``image``, the answer's ``decision`` and audit entry
    (``verification``), whether the signature was ``cut`` from the item's photo of the
    paper, and the clerk's ``comment`` with it."""

    person_id: str
    image: str
    decision: str
    verification: int
    cut: bool = False
    comment: str = ""


def machine_word(decision: str) -> str:
    """The machine's answer on an item, as the Queue lists it and its summary prints it
    (the summary said REJECT and error where the list said Rejected and could not check)."""
    return {
        "accept": translate("report", "Accepted"),
        "review": translate("report", "Needs review"),
        "reject": translate("report", "Rejected"),
    }.get(decision, translate("report", "could not check"))


def settlement_word(settlement: str) -> str:
    """What a clerk made of an item, in a word ("" when not settled)."""
    return {
        "confirm": translate("report", "confirmed"),
        "accept": translate("report", "accepted"),
        "reject": translate("report", "rejected"),
    }.get(settlement, "")


def settled_word(details: dict) -> str:
    """A recorded settlement (its audit row's details) in a word: "confirmed" when the
    clerk's decision is the machine's."""
    decision = str(details.get("decision"))
    return settlement_word("confirm" if decision == details.get("machine") else decision)


def clerks_word(store, person_id: str, verification_id: int):
    """The audit entry of a clerk's word on the recorded verification ``verification_id``
    of ``person_id`` (the newest: a clerk may decide again), or None: a report or the
    Verify page showing the machine's answer alone said REJECT of a cheque the clerk had
    accepted (seen in a real window)."""
    for entry in reversed(store.audit_entries(person_id, action="settle")):
        if entry.details.get("verification") == verification_id:
            return entry
    return None


def check_settlement(row: QueueRow, settlement: str, comment: str) -> str:
    """The word ``settlement`` (SETTLEMENTS) as it will be recorded for ``row``, or the
    reason it may not be (a :class:`SigverifyError` a clerk reads): asked by the Queue page
    before anything else, so a missing comment is said at once, and by :meth:`DeskQueue.settle`."""
    if settlement not in SETTLEMENTS:
        raise ValueError(f"settlement must be one of {SETTLEMENTS}, not {settlement!r}")
    if settlement == "reject" and row.decision == "reject":
        settlement = "confirm"  # rejecting what the machine rejected is agreeing with it
    overruled = row.decision == "accept" and settlement == "reject"
    # a clerk's own rejection of an accepted item taken back (there was no way back: seen)
    taken_back = row.decision == "accept" and settlement == "accept" and row.settled == "reject"
    if (
        not row.for_a_clerk and not overruled and not taken_back
    ):  # (an acceptance a clerk doubts is rejected:
        raise SigverifyError(  # skilled forgeries went through with no way back, seen)
            translate(
                "errors",
                "Only items sent to review, rejected or not checkable are settled by a clerk; "
                "an accepted item can be rejected, with a comment.",
            )
        )
    if settlement == "confirm" and row.error:
        raise SigverifyError(
            translate(
                "errors",
                "This item could not be checked: accept or reject it yourself, or check it "
                "again once its person is enrolled or its file is readable.",
            )
        )
    if settlement == "confirm" and row.decision == "review":
        raise SigverifyError(
            translate(
                "errors",
                "An item sent to review needs a decision: accept it or reject it.",
            )
        )
    if settlement != "confirm" and not comment.strip():
        if row.error:
            raise SigverifyError(
                translate("errors", "Say why in the comment: the machine could not check it.")
            )
        if row.decision == "review":  # the machine decided nothing to go against (seen)
            raise SigverifyError(
                translate("errors", "Say in the comment what you checked before deciding.")
            )
        raise SigverifyError(
            translate("errors", "Say why in the comment when you decide otherwise.")
        )
    return settlement


def queue_folder(store_path: str | Path) -> Path:
    return Path(f"{store_path}.queue")


def _read(path: Path) -> list[dict]:
    if not path.exists() or path.stat().st_size == 0:
        return []
    with path.open(newline="", encoding="utf-8", errors="replace") as handle:
        reader = csv.DictReader(handle)
        # a row torn by a power cut has too many or too few fields: left out, not a crash
        return [
            {k: from_cell(v) for k, v in row.items()}
            for row in reader
            if None not in row and None not in row.values()
        ]


class DeskQueue:
    def __init__(self, store_path: str | Path):
        self.folder = queue_folder(store_path)
        self.items_path = self.folder / "items.csv"
        self.results_path = self.folder / "results.csv"
        self.reviews_path = self.folder / "reviews.csv"
        self.drafts_path = self.folder / "drafts.json"

    def items(self) -> list[BatchItem]:
        """Every item added, once each, in the order added."""
        seen, items = set(), []
        for row in _read(self.items_path):
            key = (row["person"], row["image"])
            if key not in seen:
                seen.add(key)
                items.append(BatchItem(len(items) + 1, *key, Path(row["image"])))
        return items

    def add(self, items: list[BatchItem]) -> tuple[int, int]:
        """Add items (from :func:`sigverify.core.batch.read_items`) not in the queue yet,
        their images by full path: how many were new, and how many of the rest were in the
        queue before (a list naming a file twice is not one of them: a review)."""
        known = {(i.person_id, i.file) for i in self.items()}
        new, rows, before = set(), [], set()
        for item in items:
            key = (item.person_id, item.file)
            if item.problem or key in new:
                continue
            if key in known:
                before.add(key)
                continue
            new.add(key)
            rows.append(list(key))
        if rows:
            self.folder.mkdir(parents=True, exist_ok=True)
            append_rows(self.items_path, ITEM_COLUMNS, rows)
        return len(rows), len(before)

    def check(self, service: VerificationService, on_progress=None):
        """Check the items not yet decided and not settled by a clerk (a
        :class:`~sigverify.core.batch.BatchSummary`): those not checked yet, and again those
        that could not be checked (their person may be enrolled since)."""
        settled = {(r["person"], r["image"], r["stamp"]) for r in _read(self.reviews_path)}
        todo = [i for i in self.items() if i.key not in settled]
        # nothing added yet: no folder to keep the results in (seen: "results.csv cannot be
        # used" after a folder whose images were all skipped)
        self.folder.mkdir(parents=True, exist_ok=True)
        return run_batch(service, todo, self.results_path, on_progress=on_progress)

    def rows(self) -> list[QueueRow]:
        results = {(r["person"], r["image"]): r for r in _read(self.results_path)}
        reviews = {(r["person"], r["image"], r["stamp"]): r for r in _read(self.reviews_path)}
        rows = []
        for item in self.items():
            result = results.get((item.person_id, item.image), {})
            review = reviews.get((item.person_id, item.image, result.get("stamp", "")), {})
            rows.append(
                QueueRow(
                    item.person_id,
                    item.image,
                    result.get("decision", ""),
                    float(result["score"]) if result.get("score") else None,
                    float(result["similarity"]) if result.get("similarity") else None,
                    int(result["audit_id"]) if result.get("audit_id") else None,
                    result.get("error", ""),
                    review.get("decision", ""),
                    review.get("comment", ""),
                    result.get("stamp", ""),
                    result.get("notes", ""),
                    int(review["audit_id"]) if review.get("audit_id") else None,
                    review.get("operator", ""),
                )
            )
        return rows

    def settle(
        self,
        service: VerificationService,
        row: QueueRow,
        settlement: str,
        comment: str,
        checked_again: int | None = None,
    ) -> int:
        """A clerk's word on an item the machine sent to review, rejected or could not
        check: ``confirm`` a rejection (``reject`` says the same there), or decide ``accept`` or
        ``reject``; recorded in the audit log (the id returned) with the comment, then in the
        queue. ``checked_again``: the audit entry of the answer the word is (see
        :meth:`settle_checked_again`)."""
        settlement = check_settlement(row, settlement, comment)
        audit_id, _ = service.store.record(
            service.operator,
            "settle",
            row.person_id,
            {
                "file": Path(row.image).name,
                "machine": row.decision or "error",
                "decision": row.decision if settlement == "confirm" else settlement,
                "comment": comment.strip(),
                "verification": row.audit_id,
                **({"reason": row.error} if row.error else {}),  # why it could not be checked
                **({"checked_again": checked_again} if checked_again is not None else {}),
            },
        )
        append_rows(
            self.reviews_path,
            REVIEW_COLUMNS,
            [
                [
                    row.person_id,
                    row.image,
                    row.stamp,
                    settlement,
                    comment.strip(),
                    service.operator,
                    audit_id,
                    now(),
                ]
            ],  # fmt: skip
        )
        return audit_id

    def settle_checked_again(self, service: VerificationService, again: CheckedAgain) -> int | None:
        """The item ``again`` names, waiting for a clerk, settled with the answer the clerk
        recorded for it on the Verify page, an acceptance or a rejection, the comment naming
        that answer's audit entry (a photo of the paper, cut there and accepted, still
        waited on the Queue: seen in a real window); the audit id of the word, or None when
        nothing was settled (the item is not in the queue or not waiting, or the answer
        is a review)."""
        row = next((r for r in self.rows() if r.key == (again.person_id, again.image)), None)
        if row is None or not row.needs_clerk or again.decision not in ("accept", "reject"):
            return None
        if again.cut:
            said = translate(
                "report",
                "Cut from the photo on the Verify page and checked again: {decision} (audit "
                "entry #{id}).",
            )
        else:
            said = translate(
                "report", "Checked again on the Verify page: {decision} (audit entry #{id})."
            )
        # (in a word as sentences write it: "checked again: Accepted" read as a heading)
        said = said.format(decision=settlement_word(again.decision), id=again.verification)
        return self.settle(
            service,
            row,
            again.decision,
            join_sentences(said, again.comment.strip()),
            checked_again=again.verification,
        )

    def read_drafts(self) -> dict[tuple[str, str], str]:
        """The comments kept by :meth:`write_drafts` (item key -> text); none when the file
        is missing or unreadable (a draft is never worth refusing to open the queue)."""
        try:
            kept = json.loads(self.drafts_path.read_text(encoding="utf-8"))
            return {(d["person"], d["image"]): str(d["comment"]) for d in kept}
        except (OSError, ValueError, KeyError, TypeError):
            return {}

    def write_drafts(self, drafts: dict[tuple[str, str], str]) -> None:
        """Keep the comments typed and not sent (only those with text), replacing the file
        whole (a crash leaves the old one or the new one, never half of one)."""
        kept = [
            {"person": p, "image": i, "comment": c} for (p, i), c in drafts.items() if c.strip()
        ]
        if not kept:
            self.drafts_path.unlink(missing_ok=True)
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        write_atomically(self.drafts_path, json.dumps(kept, ensure_ascii=False, indent=1).encode())

    def clear(self) -> None:
        """Start a new queue (the audit log keeps everything that was decided)."""
        if self.folder.exists():
            shutil.rmtree(self.folder)
