"""A batch's summary as PDF pages: the counts per decision and every item's outcome
(from the results CSV of :mod:`sigverify.core.batch`), with a clerk's word where the Queue
page has one. The page itself and the PDF writer are :mod:`sigverify.core.report`'s."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TYPE_CHECKING

from sigverify import __version__
from sigverify.core.batch import DECISIONS
from sigverify.core.i18n import translate
from sigverify.core.queue import settlement_word
from sigverify.core.report import COLOURS, Page
from sigverify.core.spreadsheet import from_cell
from sigverify.core.verification_results import decision_label

if TYPE_CHECKING:
    from matplotlib.figure import Figure


def _tail(text: str, length: int) -> str:
    """The end of a long path, which names the file."""
    return text if len(text) <= length else "…" + text[-(length - 1) :]


def batch_pages(
    results: str | Path,
    title: str = "",
    rows_per_page: int = 48,
    settled: dict[tuple[str, str], str] | None = None,
) -> list[Figure]:
    """A batch's summary from its results CSV (:mod:`sigverify.core.batch`): the counts per
    decision and every item's outcome (its last row), as many pages as needed. ``settled``:
    what a clerk made of items (the Queue page's), by ``(person, image)``, in a column."""
    with Path(results).open(newline="", encoding="utf-8") as handle:
        last: dict[tuple[str, str], dict] = {}
        for row in csv.DictReader(handle):
            last[(from_cell(row["person"]), from_cell(row["image"]))] = row
    rows = list(last.values())
    counts = {d: sum(r["decision"] == d for r in rows) for d in DECISIONS}
    errors = sum(not r["decision"] for r in rows)
    pages = []
    for start in range(0, max(1, len(rows)), rows_per_page):
        page = Page()
        if not pages:
            page.text(title or translate("report", "Batch verification summary"), 15, weight="bold")
            page.text(
                f"sigverify {__version__} · {Path(results).name}", 8, color="#555555", step=0.03
            )
            summary = translate(
                "report",
                "%n item(s): {accept} accepted, {review} to review, {reject} rejected, "
                "{errors} could not be checked.",
                None,
                len(rows),
            ).format(errors=errors, **counts)
            page.paragraph(summary, 10.5)
            page.y -= 0.015
        header = (
            translate("report", "Person"),
            translate("report", "Image"),
            translate("report", "Decision"),
            translate("report", "Score"),
            translate("report", "Clerk") if settled is not None else "",
            translate("report", "Audit row"),
        )
        xs = (0.07, 0.23, 0.55, 0.68, 0.76, 0.87)
        for x, name in zip(xs, header, strict=True):
            page.text(name, 8, x=x, weight="bold", step=0)
        page.y -= 0.018
        for row in rows[start : start + rows_per_page]:
            decision = row["decision"]
            key = (from_cell(row["person"]), from_cell(row["image"]))
            cells = (
                key[0][:22],
                _tail(key[1], 40),
                decision_label(decision) if decision else translate("report", "error"),
                f"{100 * float(row['similarity']):.0f} %" if row["similarity"] else "",
                settlement_word((settled or {}).get(key, "")),
                row["audit_id"],
            )
            for x, cell in zip(xs, cells, strict=True):
                colour = COLOURS.get(decision, "#555555") if x == xs[2] else "black"
                page.text(cell, 7.5, x=x, step=0, color=colour)
            page.y -= 0.017
            if not decision:
                page.text(from_cell(row["error"])[:150], 6.5, x=0.25, color="#555555", step=0.015)
        pages.append(page.figure)
    return pages
