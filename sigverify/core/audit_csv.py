"""The audit log written to CSV for a spreadsheet or a program (the app's Audit page and
``sigverify audit --csv``): each entry as stored, then in a reader's terms."""

from __future__ import annotations

import csv
import json
from collections.abc import Mapping
from pathlib import Path

from sigverify.core.audit_view import action_name, summary
from sigverify.core.spreadsheet import to_cell
from sigverify.core.store.records import AuditEntry, local_time

#: ``at`` as stored (UTC) and ``details`` as JSON, for checking and for programs; then the
#: same in a reader's terms: the time on this computer and the details in words (a
#: supervisor opening the file in a spreadsheet had raw JSON and UTC only: seen).
CSV_COLUMNS = ("id", "at", "operator", "action", "person", "details", "previous_hash", "hash",
               "local_time", "in_words", "person_name")  # fmt: skip


def write_audit_csv(
    entries: list[AuditEntry], path: str | Path, names: Mapping[str, str] | None = None
) -> Path:
    """The entries as CSV (:data:`CSV_COLUMNS`; text cells safe for spreadsheets; UTF-8
    with a byte-order mark), with each person's name now (``names``: id -> name) last."""
    names = names or {}
    path = Path(path)
    # with a byte-order mark: Excel on a Chinese Windows read the names as garbage without
    # one (seen in a real window)
    with path.open("w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_COLUMNS)
        for e in entries:
            writer.writerow(
                [
                    e.id,
                    e.at,
                    to_cell(e.operator),
                    e.action,
                    to_cell(e.person_id or ""),
                    to_cell(json.dumps(e.details, ensure_ascii=False)),
                    e.previous_hash,
                    e.hash,
                    local_time(e.at),
                    to_cell(f"{action_name(e.action)}: {summary(e)}"),
                    to_cell(names.get(e.person_id or "", "")),
                ]
            )
    return path
