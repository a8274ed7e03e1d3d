"""The store's audit log: append-only and hash-chained. Each row's hash covers its content
and the previous row's hash, so an edited or deleted row breaks the chain
(:func:`check_chain`); each row's MAC and the head kept in the seal
(:mod:`sigverify.core.store_seal`) catch a chain recomputed, rows added, renumbered or cut
from the end. Functions over an open connection; :class:`~sigverify.core.store.Store`
calls them inside its transactions."""

from __future__ import annotations

import json
import sqlite3

from sigverify.core.store_records import GENESIS_HASH, AuditEntry, entry_hash, now
from sigverify.core.store_seal import NO_HEAD, Seal, audit_parts


def append_entry(
    db: sqlite3.Connection,
    seal: Seal,
    operator: str,
    action: str,
    person_id: str | None,
    details: dict,
) -> None:
    """Add one row after the last one, with its MAC under ``seal``, inside the caller's
    transaction (which moves the seal's head when it commits)."""
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
    row_id = db.execute("SELECT last_insert_rowid()").fetchone()[0]
    mac = seal.mac(*audit_parts(row_id, digest))
    db.execute("UPDATE audit_log SET mac = ? WHERE id = ?", (mac, row_id))


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


def check_chain(db: sqlite3.Connection, seal: Seal) -> tuple[bool, int | None]:
    """``(True, None)`` if every row's hash is right and links to the one before, every
    row's MAC matches under ``seal``, and the log still reaches the head the seal
    remembers; else ``(False, id of the first bad or missing row)``."""
    previous = GENESIS_HASH
    last = NO_HEAD
    for row in db.execute("SELECT * FROM audit_log ORDER BY id"):
        expected = entry_hash(
            previous, row["at"], row["operator"], row["action"], row["person_id"], row["details"]
        )
        if (
            row["previous_hash"] != previous
            or row["hash"] != expected
            or not seal.matches(row["mac"], *audit_parts(row["id"], row["hash"]))
        ):
            return False, row["id"]
        previous = row["hash"]
        last = (row["id"], row["hash"])
    head, before = seal.heads()
    if last in (head, before):  # the previous head: a crash just before a commit
        return True, None
    if last[0] < head[0]:  # rows cut from the end (or all of them)
        return False, last[0] + 1
    return False, head[0] + 1 if last[0] > head[0] else last[0]  # added after, or replaced
