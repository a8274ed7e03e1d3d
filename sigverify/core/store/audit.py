"""The store's audit log: append-only and hash-chained. Each row's hash covers its content
and the previous row's hash, so an edited or deleted row breaks the chain
(:func:`check_chain`); each row's MAC and the head kept in the seal
(:mod:`sigverify.core.store.seal`) catch a chain recomputed, rows added, renumbered or cut
from the end. Functions over an open connection; :class:`StoredAudit` holds the store's
methods over them, the writes inside its transactions."""

from __future__ import annotations

import json
from collections import Counter

from sigverify.core.i18n import translate
from sigverify.core.store.records import GENESIS_HASH, AuditEntry, entry_hash, now
from sigverify.core.store.seal import Seal, audit_parts, changed_outside


def append_entry(
    db,
    seal: Seal,
    operator: str,
    action: str,
    person_id: str | None,
    details: dict,
) -> tuple[int, str]:
    """Add one row after the last one, with its MAC under ``seal``, inside the caller's
    transaction (which moves the seal's head when it commits); its ``(id, hash)``.
    Refused when the log no longer reaches the seal's head: a new row must not hide rows
    cut from the end."""
    db.lock_audit()  # on a server: one desk at a time from here until its commit
    row = db.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    if (row["id"] if row else 0) < seal.head()[0]:
        raise changed_outside(translate("errors", "The audit log"))
    previous = row["hash"] if row else GENESIS_HASH
    at = now()
    text = json.dumps(details, sort_keys=True, ensure_ascii=False)
    digest = entry_hash(previous, at, operator, action, person_id, text)
    # numbered here, not by the database: a server's sequence skips numbers on a rollback,
    # and the chain's rows are numbered without a gap
    row_id = (row["id"] if row else 0) + 1
    db.execute(
        "INSERT INTO audit_log (id, at, operator, action, person_id, details, previous_hash, "
        "hash, mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (row_id, at, operator, action, person_id, text, previous, digest,
         seal.mac(*audit_parts(row_id, digest))),
    )  # fmt: skip
    return row_id, digest


def read_entries(
    db,
    person_id: str | None = None,
    entry_id: int | None = None,
    action: str | None = None,
    last: bool = False,
    after: int | None = None,
) -> list[AuditEntry]:
    """All rows in order, or those about one person, or of one ``action``, or the one row
    ``entry_id``, or those after the row ``after``; ``last``: only the newest of them."""
    wanted = [(column, value) for column, value in (("person_id =", person_id or None),
              ("id =", entry_id), ("action =", action), ("id >", after))
              if value is not None]  # fmt: skip
    where = " AND ".join(f"{column} ?" for column, _ in wanted)
    query = "SELECT * FROM audit_log" + (f" WHERE {where}" if where else "")
    query += " ORDER BY id DESC LIMIT 1" if last else " ORDER BY id"
    rows = db.execute(query, [value for _, value in wanted]).fetchall()
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


def count_entries(db, after: int) -> Counter:
    """How many rows of each action come after the row ``after``."""
    rows = db.execute(
        "SELECT action, COUNT(*) AS n FROM audit_log WHERE id > ? GROUP BY action", (after,)
    ).fetchall()
    return Counter({r["action"]: r["n"] for r in rows})


def check_chain(db, seal: Seal) -> tuple[bool, int | None]:
    """``(True, None)`` if the rows are numbered 1, 2, 3... without a gap, every row's hash
    is right and links to the one before, every row's MAC matches under ``seal``, and the
    log reaches the head the seal remembers (it may go further: a kill after a commit);
    else ``(False, id of the first bad or missing row)``."""
    head = seal.head()  # before the rows: whatever it names was committed before they are read
    db.execute("BEGIN")  # one consistent look at the rows while other desks write
    try:
        rows = db.execute("SELECT * FROM audit_log ORDER BY id").fetchall()
    finally:
        db.execute("COMMIT")
    previous, expected_id = GENESIS_HASH, 1
    for row in rows:
        digest = entry_hash(
            previous, row["at"], row["operator"], row["action"], row["person_id"], row["details"]
        )
        if (
            row["id"] != expected_id
            or row["previous_hash"] != previous
            or row["hash"] != digest
            or not seal.matches(row["mac"], *audit_parts(row["id"], row["hash"]))
        ):
            return False, min(row["id"], expected_id)
        if row["id"] == head[0] and row["hash"] != head[1]:
            return False, row["id"]  # the row the seal names was replaced
        previous, expected_id = row["hash"], expected_id + 1
    if expected_id - 1 < head[0]:  # rows cut from the end (or all of them)
        return False, expected_id
    return True, None


class StoredAudit:
    """What :class:`~sigverify.core.store.Store` does with its audit log: append entries in
    its transactions, read them, count them by action, check the chain. Uses the store's
    ``_db``, ``seal``, ``transaction`` and ``_append``."""

    def record(
        self, operator: str, action: str, person_id: str | None, details: dict
    ) -> tuple[int, str]:
        """Append an audit entry on its own (e.g. a verification); its ``(id, hash)``."""
        return self.record_many([(operator, action, person_id, details)])[0]

    def record_many(
        self, entries: list[tuple[str, str, str | None, dict]]
    ) -> list[tuple[int, str]]:
        """Append ``(operator, action, person_id, details)`` entries in one transaction
        (a batch's verifications: one commit instead of one each); their ``(id, hash)``."""
        with self.transaction() as db:
            return [self._append(db, *entry) for entry in entries]

    def audit_entries(
        self, person_id: str | None = None, action: str | None = None, after: int | None = None
    ) -> list[AuditEntry]:
        return read_entries(self._db, person_id, action=action, after=after)

    def audit_counts(self, after: int) -> Counter:
        """How many audit entries of each action come after the entry ``after``."""
        return count_entries(self._db, after)

    def audit_entry(self, entry_id: int) -> AuditEntry | None:
        """One audit row by its number (None when there is none)."""
        rows = read_entries(self._db, entry_id=entry_id)
        return rows[0] if rows else None

    def last_audit_entry(self, action: str | None = None) -> AuditEntry | None:
        """The newest row (of ``action``; None when there is none)."""
        rows = read_entries(self._db, action=action, last=True)
        return rows[0] if rows else None

    def verify_audit_chain(self) -> tuple[bool, int | None]:
        """``(True, None)`` if every row's hash is right and links to the one before;
        else ``(False, id of the first bad row)``."""
        return check_chain(self._db, self.seal)
