"""The store's audit log: append-only and hash-chained. Each row's hash covers its content
and the previous row's hash, so an edited or deleted row breaks the chain
(:func:`check_chain`). Functions over an open connection; :class:`~sigverify.core.store.Store`
calls them inside its transactions."""

from __future__ import annotations

import json
import sqlite3

from sigverify.core.store_records import GENESIS_HASH, AuditEntry, entry_hash, now


def append_entry(
    db: sqlite3.Connection, operator: str, action: str, person_id: str | None, details: dict
) -> None:
    """Add one row after the last one, inside the caller's transaction."""
    row = db.execute("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    previous = row["hash"] if row else GENESIS_HASH
    at = now()
    text = json.dumps(details, sort_keys=True, ensure_ascii=False)
    digest = entry_hash(previous, at, operator, action, person_id, text)
    db.execute(
        "INSERT INTO audit_log (at, operator, action, person_id, details, previous_hash, hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (at, operator, action, person_id, text, previous, digest),
    )


def read_entries(db: sqlite3.Connection, person_id: str | None = None) -> list[AuditEntry]:
    """All rows in order, or those about one person."""
    query = (
        "SELECT * FROM audit_log" + (" WHERE person_id = ?" if person_id else "") + " ORDER BY id"
    )
    rows = db.execute(query, (person_id,) if person_id else ()).fetchall()
    return [
        AuditEntry(
            r["id"],
            r["at"],
            r["operator"],
            r["action"],
            r["person_id"],
            json.loads(r["details"]),
            r["previous_hash"],
            r["hash"],
        )
        for r in rows
    ]


def check_chain(db: sqlite3.Connection) -> tuple[bool, int | None]:
    """``(True, None)`` if every row's hash is right and links to the one before; else
    ``(False, id of the first bad row)``."""
    previous = GENESIS_HASH
    for row in db.execute("SELECT * FROM audit_log ORDER BY id"):
        expected = entry_hash(
            previous, row["at"], row["operator"], row["action"], row["person_id"], row["details"]
        )
        if row["previous_hash"] != previous or row["hash"] != expected:
            return False, row["id"]
        previous = row["hash"]
    return True, None
