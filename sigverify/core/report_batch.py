"""A batch's summary as PDF pages: the counts per decision and every item's outcome
(from the results CSV of :mod:`sigverify.core.batch`), with a clerk's word where the Queue
page has one. The page itself and the PDF writer are :mod:`sigverify.core.report`'s."""

from __future__ import annotations

import csv
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sigverify import __version__
from sigverify.core.batch import DECISIONS
from sigverify.core.i18n import join_sentences, percent_text, translate
from sigverify.core.queue import QueueRow, machine_word, settlement_word
from sigverify.core.report import COLOURS, Page
from sigverify.core.spreadsheet import from_cell
from sigverify.core.store.records import person_label
from sigverify.core.text_wrap import columns, shortened, wrap

if TYPE_CHECKING:
    from matplotlib.figure import Figure


@dataclass(frozen=True)
class ClerkWord:
    """What a clerk made of a queue item: a :data:`~sigverify.core.queue.SETTLEMENTS`
    word, their comment and the audit row that records it."""

    settlement: str
    comment: str = ""
    audit_id: int | None = None
    #: who gave it (the summary named only who saved it, and a reader credited every
    #: clerk's word to them: a real-window pass)
    operator: str = ""


def summary_file_name(prefix: str = "queue-summary") -> str:
    """A summary's file name with today's local date: tomorrow's no longer replaces it."""
    return f"{prefix}-{time.strftime('%Y-%m-%d')}.pdf"


def _made_with(rows: list[dict]) -> str:
    """The models and thresholds the items were checked with, in a line."""
    models = sorted({r["model"] for r in rows if r.get("model")})
    bands = sorted(
        {(float(r["accept_threshold"]), float(r["reject_threshold"]))
         for r in rows if r.get("accept_threshold") and r.get("reject_threshold")}
    )  # fmt: skip
    parts = []
    if models:
        parts.append(translate("report", "model {models}").format(models=", ".join(models)))
    if len(bands) == 1:
        parts.append(  # (distances beside a table of scores read as scores: seen)
            translate(
                "report", "accept at a distance of {accept:.4f} or less, reject above {reject:.4f}"
            ).format(accept=bands[0][0], reject=bands[0][1])
        )
    elif bands:  # a person's own thresholds, or a change between checks
        parts.append(
            translate("report", "%n sets of thresholds (see the audit log)", None, len(bands))
        )
    return " · ".join(parts)


def _key(row: dict) -> tuple[str, str]:
    return from_cell(row["person"]), from_cell(row["image"])


def _notes_under(row: dict, word: ClerkWord | None) -> list[str]:
    """The lines under an item: why it could not be checked, what the check said beside
    its answer (a photo of a whole sheet, a copy of a reference), and the clerk's words."""
    notes = [] if row["decision"] else [from_cell(row["error"])]
    notes += [n for n in from_cell(row.get("notes") or "").split(" | ") if n]
    if word and word.operator:
        notes.append(_clerk_by(word))
    elif word and word.comment and word.audit_id is not None:
        notes.append(
            translate("report", "Clerk: “{comment}” (audit entry #{id})").format(
                comment=word.comment, id=word.audit_id
            )
        )
    elif word and word.comment:
        notes.append(translate("report", "Clerk: “{comment}”").format(comment=word.comment))
    elif word and word.audit_id is not None:
        notes.append(translate("report", "Clerk's audit entry #{id}").format(id=word.audit_id))
    # wrapped to the page (they ran off its right edge, seen in a real window)
    return [line for note in notes for line in wrap(note, NOTE_WIDTH)]


def _clerk_by(word: ClerkWord) -> str:
    """The line naming the clerk who gave ``word``, with their comment and audit row. (The
    lines without a name, in :func:`_notes_under`, stay for words whose clerk is not known:
    a sentence per case, as a translation needs the whole of it.)"""
    if word.comment and word.audit_id is not None:
        return translate("report", "Clerk {operator}: “{comment}” (audit entry #{id})").format(
            operator=word.operator, comment=word.comment, id=word.audit_id
        )
    if word.comment:
        return translate("report", "Clerk {operator}: “{comment}”").format(
            operator=word.operator, comment=word.comment
        )
    if word.audit_id is not None:
        return translate("report", "Clerk {operator}, audit entry #{id}").format(
            operator=word.operator, id=word.audit_id
        )
    return translate("report", "Clerk {operator}").format(operator=word.operator)


#: Characters a line under an item holds, from its indent to the page's right margin.
NOTE_WIDTH = 120


def _as_queue_row(row: dict, word: ClerkWord | None) -> QueueRow:
    """A results row with the clerk's word as the Queue holds it (a row without a decision
    could not be checked), so the summary counts with the Queue's own rules."""
    error = row.get("error") or ("" if row["decision"] else translate("report", "could not check"))
    settled = word.settlement if word is not None else ""
    return QueueRow(row["person"], row["image"], row["decision"], error=error, settled=settled)


def _standing(rows: list[dict], settled: dict[tuple[str, str], ClerkWord]) -> dict[str, int]:
    """Where the items stand with the clerks' words: waiting for a clerk (sent to review,
    rejected and not confirmed, or not checkable), else accepted (by the machine and not
    rejected by a clerk, or by a clerk), else rejected, as the Queue counts them."""
    standing = {"accepted": 0, "rejected": 0, "waiting": 0}
    for row in rows:
        item = _as_queue_row(row, settled.get(_key(row)))
        if item.needs_clerk:
            standing["waiting"] += 1
        else:
            standing["accepted" if item.final == "accept" else "rejected"] += 1
    return standing


def _waiting(row: dict, settled) -> str:
    """The clerk's column of a queue item no clerk has settled: "waiting" where one must
    (sent to review, rejected, not checkable), as the Queue shows it (it was empty beside
    "Where they stand: 2 waiting": a review found); a batch's has no clerks."""
    if settled is None or not _as_queue_row(row, None).needs_clerk:
        return ""
    return translate("report", "waiting")


def _first_page_head(
    page: Page, title: str, made: str, rows, counts, errors, not_checked: int, words, settled
) -> None:
    page.text(title or translate("report", "Batch verification summary"), 15, weight="bold")
    page.text(f"sigverify {__version__} · {made}", 8, color="#555555", step=0.022)
    with_what = _made_with(rows)
    if with_what:
        page.text(with_what[:150], 8, color="#555555", step=0.022)
    page.y -= 0.01
    summary = translate(
        "report",
        "%n item(s): {accept} accepted, {review} to review, {reject} rejected, "
        "{errors} could not be checked.",
        None,
        len(rows),
    ).format(errors=errors, **counts)
    if settled is not None:  # where the day stands first: the headline counted the
        summary = " ".join((  # machine's answers alone (the clerks' on a line after)
            translate(
                "report",
                "Where they stand: {accepted} accepted, {rejected} rejected, {waiting} "
                "waiting for a clerk.",
            ).format(**_standing(rows, settled)),
            translate(
                "report",
                "The machine's answers for %n item(s): {accept} accepted, {review} to review, "
                "{reject} rejected, {errors} could not be checked.", None, len(rows),
            ).format(errors=errors, **counts),
        ))  # fmt: skip
    if not_checked:  # a day's summary must not look whole when it is not (seen)
        summary = join_sentences(summary, translate(
            "report", "%n more item(s) in the queue not checked yet, not listed here.", None,
            not_checked,
        ))  # fmt: skip
    words = [w.settlement for w in words]
    if words:  # what the clerks made of them too, not the machine's answers alone (seen)
        summary = join_sentences(summary, translate(
            "report", "Clerks settled %n: {accepted} accepted, {rejected} rejected, "
            "{confirmed} confirmed.", None, len(words),
        ).format(accepted=words.count("accept"), rejected=words.count("reject"),
                 confirmed=words.count("confirm")))  # fmt: skip
    page.paragraph(summary, 10.5)
    page.y -= 0.015


def _column_heads(page: Page, xs, with_clerk: bool) -> None:
    header = (
        translate("report", "Person"),
        translate("report", "Image"),
        translate("report", "Decision"),
        translate("report", "Score"),
        translate("report", "Clerk") if with_clerk else "",
        translate("report", "Audit row"),
    )
    for x, name in zip(xs, header, strict=True):
        page.text(name, 8, x=x, weight="bold", step=0)
    page.y -= 0.018


def _person_cell(person: str, name: str | None) -> str:
    """A summary's person, in its column (24 characters ran into the next: seen in a real
    window): the name shortened before the id, whole; an id too long for both, alone."""
    if columns(person) + 2 > 16:
        return shortened(person, 20, 12)
    return shortened(person_label(person, name), 20, columns(person) + 2)


def batch_pages(
    results: str | Path,
    title: str = "",
    rows_per_page: int = 48,
    settled: dict[tuple[str, str], ClerkWord] | None = None,
    operator: str = "",
    not_checked: int = 0,
    people: dict[str, str] | None = None,
) -> list[Figure]:
    """A batch's summary from its results CSV (:mod:`sigverify.core.batch`): when, by whom,
    with which models and thresholds, the counts per decision and every item's outcome (its
    last row), as many pages as needed. ``settled``: what a clerk made of items (the Queue
    page's), by ``(person, image)``: the word in a column, the comment and its audit row
    under the item (a summary for the file needs the clerk's words: seen in a real window);
    ``not_checked``: how many queue items are not in the results yet (said, not listed);
    ``people``: names by id, printed beside the ids as the Queue shows them."""
    with Path(results).open(newline="", encoding="utf-8") as handle:
        last: dict[tuple[str, str], dict] = {}
        for row in csv.DictReader(handle):
            last[_key(row)] = row
    rows = list(last.values())
    counts = {d: sum(r["decision"] == d for r in rows) for d in DECISIONS}
    errors = sum(not r["decision"] for r in rows)
    made = translate("report", "Made {time}").format(time=time.strftime("%Y-%m-%d %H:%M"))
    if operator:
        made += " " + translate("report", "by {operator}").format(operator=operator)
    people = people or {}
    xs = (0.07, 0.23, 0.55, 0.68, 0.76, 0.87)
    pages: list[Figure] = []
    page, on_page = None, 0
    for row in rows or [None]:
        word = None if row is None else (settled or {}).get(_key(row))
        notes = [] if row is None else _notes_under(row, word)
        # a new page when this one is full: by rows, or by room (the lines under items)
        if page is None or on_page == rows_per_page or page.y - 0.017 * (1 + len(notes)) < 0.05:
            if page is not None:
                pages.append(page.figure)
            page, on_page = Page(), 0
            if not pages:
                words = [w for key, w in (settled or {}).items() if key in last]
                _first_page_head(
                    page, title, made, rows, counts, errors, not_checked, words, settled
                )
            _column_heads(page, xs, settled is not None)
        if row is None:
            break
        decision = row["decision"]
        person, image = _key(row)
        cells = (
            _person_cell(person, people.get(person)),
            shortened(image, 40, 36),  # the end of a long path names the file
            machine_word(decision),
            percent_text(row["similarity"]) if row["similarity"] else "",
            settlement_word(word.settlement) if word else _waiting(row, settled),
            row["audit_id"],
        )
        for x, cell in zip(xs, cells, strict=True):
            colour = COLOURS.get(decision, "#555555") if x == xs[2] else "black"
            page.text(cell, 7.5, x=x, step=0, color=colour)
        page.y -= 0.017
        for note in notes:
            page.text(note, 6.5, x=0.25, color="#555555", step=0.015)
        on_page += 1
    pages.append(page.figure)
    return pages
