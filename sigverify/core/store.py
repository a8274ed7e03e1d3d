"""The reference store: an embedded SQLite database of people, their reference
signatures and an audit log.

- One file (``store.sqlite3`` in the user data folder unless told otherwise), WAL journal,
  foreign keys on, ``application_id`` set so that a file that is not ours is refused, and
  a schema version with ordered migrations (a file from a newer version is refused).
- Reference signatures keep the original file bytes (so they can be re-embedded when the
  model changes), the preprocessed image (PNG) and one embedding per model id.
- Every write is one transaction: a crash or kill leaves either all of it or none of it.
- The audit log is append-only and hash-chained: each row's hash covers its content and
  the previous row's hash, so an edited or deleted row breaks the chain
  (:meth:`Store.verify_audit_chain`).
"""

from __future__ import annotations

import logging
import math
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from sigverify.core.errors import (
    NotFoundError,
    SigverifyError,
    StoreError,
    StoreIntegrityError,
)
from sigverify.core.i18n import translate
from sigverify.core.paths import default_store_path
from sigverify.core.store_audit import append_entry, check_chain, read_entries
from sigverify.core.store_records import (
    AuditEntry,
    NewReference,
    Person,
    StoredReference,
    now,
)
from sigverify.core.store_references import (
    insert_references,
    no_reference,
    read_embeddings,
    read_reference_images,
    write_embeddings,
)
from sigverify.core.store_schema import friendly_error, prepare
from sigverify.core.store_seal import Seal, changed_outside, person_parts, setting_parts

log = logging.getLogger(__name__)


def _no_person(person_id: str) -> NotFoundError:
    return NotFoundError(
        translate("errors", "There is no person with id “{person_id}” in the store.").format(
            person_id=person_id
        )
    )


class Store:
    """Open (creating or migrating as needed) the store at ``path``."""

    def __init__(self, path: str | Path | None = None, timeout: float = 5.0):
        self.path = Path(path) if path else default_store_path()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
        except (OSError, sqlite3.Error) as error:
            raise StoreError(
                translate(
                    "errors", "The signature store “{path}” cannot be opened ({error})."
                ).format(path=self.path, error=error)
            ) from error
        self._db.row_factory = sqlite3.Row
        self.seal = Seal(self.path)
        try:
            self._prepare(deadline=time.monotonic() + 3 * timeout)
            self._move_seal_head()  # catches up after a kill between a commit and the seal
        except sqlite3.Error as error:
            self._db.close()
            raise friendly_error(error, self.path) from error
        except SigverifyError:
            self._db.close()
            raise

    def _prepare(self, deadline: float) -> None:
        """Check, create or migrate the file. Desks opening a new store together can find
        it locked past the busy timeout (one creates it while another switches the journal
        to WAL, which SQLite may refuse at once): opening is tried again until
        ``deadline``, as it changes nothing until it succeeds."""
        while True:
            try:
                prepare(self._db, self.path.name, self.transaction, self.seal)
                return
            except (sqlite3.OperationalError, StoreError) as error:
                cause = error if isinstance(error, sqlite3.Error) else error.__cause__
                busy = isinstance(cause, sqlite3.OperationalError) and any(
                    word in str(cause).lower() for word in ("locked", "busy")
                )
                if not busy or time.monotonic() >= deadline:
                    raise
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                time.sleep(0.05)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic write: everything inside commits together or not at all; after the
        commit the seal learns the audit log's new last row."""
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise friendly_error(error, self.path) from error
        try:
            yield self._db
            self._db.execute("COMMIT")
        except BaseException as error:
            # SQLite may already have rolled back by itself (e.g. on a full disk).
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            if isinstance(error, sqlite3.Error):
                raise friendly_error(error, self.path) from error
            raise
        self._move_seal_head()

    def _move_seal_head(self) -> None:
        """The seal remembers the audit log's last committed row. Should that fail (a full
        disk), the log is one step ahead of the seal, which verification accepts."""
        row = self._db.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
        if row is None:
            return
        try:
            self.seal.move_head(tuple(row))
        except (OSError, StoreIntegrityError) as error:
            log.warning("the seal of %s was not updated: %s", self.path, error)

    # -------------------------------------------------------------- audit

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
            return [append_entry(db, self.seal, *entry) for entry in entries]

    def audit_entries(self, person_id: str | None = None) -> list[AuditEntry]:
        return read_entries(self._db, person_id)

    def audit_entry(self, entry_id: int) -> AuditEntry | None:
        """One audit row by its number (None when there is none)."""
        rows = read_entries(self._db, entry_id=entry_id)
        return rows[0] if rows else None

    def verify_audit_chain(self) -> tuple[bool, int | None]:
        """``(True, None)`` if every row's hash is right and links to the one before;
        else ``(False, id of the first bad row)``."""
        return check_chain(self._db, self.seal)

    # -------------------------------------------------------------- people

    def get_person(self, person_id: str) -> Person:
        row = self._db.execute(
            "SELECT p.*, (SELECT count(*) FROM signature_references r "
            "WHERE r.person_id = p.id) AS n "
            "FROM people p WHERE p.id = ?",
            (person_id,),
        ).fetchone()
        if row is None:
            raise _no_person(person_id)
        parts = person_parts(row["id"], row["accept_threshold"], row["reject_threshold"])
        if not self.seal.matches(row["mac"], *parts):
            raise changed_outside(
                translate("errors", "The thresholds of {person_id}").format(person_id=person_id)
            )
        return self._person(row)

    @staticmethod
    def _person(row) -> Person:
        return Person(
            row["id"],
            row["name"],
            row["note"],
            row["accept_threshold"],
            row["reject_threshold"],
            row["created_at"],
            row["n"],
        )

    def list_people(self, search: str = "") -> list[Person]:
        pattern = f"%{search.strip()}%"
        rows = self._db.execute(
            "SELECT p.*, (SELECT count(*) FROM signature_references r "
            "WHERE r.person_id = p.id) AS n "
            "FROM people p WHERE p.id LIKE ? OR p.name LIKE ? ORDER BY p.name COLLATE NOCASE, p.id",
            (pattern, pattern),
        ).fetchall()
        return [self._person(r) for r in rows]

    def delete_person(self, person_id: str, operator: str) -> None:
        with self.transaction() as db:
            person = db.execute("SELECT id FROM people WHERE id = ?", (person_id,)).fetchone()
            if person is None:
                raise _no_person(person_id)
            count = db.execute(
                "SELECT count(*) FROM signature_references WHERE person_id = ?", (person_id,)
            ).fetchone()[0]
            db.execute("DELETE FROM people WHERE id = ?", (person_id,))
            append_entry(db, self.seal, operator, "delete_person", person_id, {"references": count})

    def update_person(self, person_id: str, name: str, note: str, operator: str) -> None:
        """Change a person's name and note (audited, with the values before and after)."""
        with self.transaction() as db:
            row = db.execute("SELECT name, note FROM people WHERE id = ?", (person_id,)).fetchone()
            if row is None:
                raise _no_person(person_id)
            if (row["name"], row["note"]) == (name, note):
                return
            db.execute("UPDATE people SET name = ?, note = ? WHERE id = ?", (name, note, person_id))
            append_entry(
                db,
                self.seal,
                operator,
                "update_person",
                person_id,
                {"name": [row["name"], name], "note": [row["note"], note]},
            )

    def set_person_thresholds(
        self,
        person_id: str,
        accept: float | None,
        reject: float | None,
        operator: str,
        preset: float | None = None,
    ) -> None:
        """Per-person thresholds (None = use the model's); ``preset``: the operating point
        they come from (a target share of forgeries), for the audit log."""
        if any(v is not None and not (math.isfinite(v) and v >= 0) for v in (accept, reject)):
            raise SigverifyError(
                translate("errors", "A threshold must be a number of 0 or more, or left empty.")
            )
        if accept is not None and reject is not None and reject < accept:
            raise SigverifyError(
                translate("errors", "The reject threshold must not be below the accept threshold.")
            )
        with self.transaction() as db:
            changed = db.execute(
                "UPDATE people SET accept_threshold = ?, reject_threshold = ? WHERE id = ?",
                (accept, reject, person_id),
            ).rowcount
            if not changed:
                raise _no_person(person_id)
            self._seal_person(db, person_id, accept, reject)
            append_entry(
                db,
                self.seal,
                operator,
                "set_thresholds",
                person_id,
                {"accept": accept, "reject": reject}
                | ({} if preset is None else {"preset": preset}),
            )

    # -------------------------------------------------------------- references

    def add_references(
        self,
        person_id: str,
        name: str | None,
        note: str | None,
        model_id: str,
        references: list[NewReference],
        operator: str,
    ) -> list[int]:
        """Create the person if needed and add references with their embeddings for
        ``model_id``, all in one transaction. A file already enrolled for this person is
        refused (:class:`SigverifyError`), and then nothing is added."""
        with self.transaction() as db:
            exists = db.execute("SELECT id FROM people WHERE id = ?", (person_id,)).fetchone()
            if exists is None:
                db.execute(
                    "INSERT INTO people (id, name, note, created_at) VALUES (?, ?, ?, ?)",
                    (person_id, name or "", note or "", now()),
                )
                self._seal_person(db, person_id, None, None)
            elif name is not None or note is not None:
                db.execute(
                    "UPDATE people SET name = coalesce(?, name), note = coalesce(?, note) "
                    "WHERE id = ?",
                    (name, note, person_id),
                )
            ids = insert_references(db, self.seal, person_id, model_id, references, operator)
            append_entry(
                db,
                self.seal,
                operator,
                "enroll",
                person_id,
                {
                    "added": len(ids),
                    "files": [r.filename for r in references],
                    "model": model_id,
                    "new_person": exists is None,
                },
            )
        return ids

    def references(self, person_id: str) -> list[StoredReference]:
        rows = self._db.execute(
            "SELECT id, person_id, filename, image_sha256, enrolled_by, enrolled_at "
            "FROM signature_references "
            "WHERE person_id = ? ORDER BY id",
            (person_id,),
        ).fetchall()
        return [StoredReference(**dict(r)) for r in rows]

    def reference_images(self, reference_id: int) -> tuple[bytes, bytes]:
        """``(original bytes, preprocessed PNG)`` of a reference."""
        return read_reference_images(self._db, self.seal, reference_id)

    def reference_trajectory(self, reference_id: int) -> np.ndarray | None:
        """The pen trajectory ``(N, 4)`` of a reference drawn on a pad, else None."""
        row = self._db.execute(
            "SELECT trajectory FROM signature_references WHERE id = ?", (reference_id,)
        ).fetchone()
        if row is None:
            raise no_reference(reference_id)
        if row["trajectory"] is None:
            return None
        return np.frombuffer(row["trajectory"], dtype="<f4").reshape(-1, 4).copy()

    def remove_reference(self, reference_id: int, operator: str) -> None:
        with self.transaction() as db:
            row = db.execute(
                "SELECT person_id, filename FROM signature_references WHERE id = ?", (reference_id,)
            ).fetchone()
            if row is None:
                raise no_reference(reference_id)
            db.execute("DELETE FROM signature_references WHERE id = ?", (reference_id,))
            append_entry(
                db,
                self.seal,
                operator,
                "remove_reference",
                row["person_id"],
                {"reference": reference_id, "file": row["filename"]},
            )

    def embeddings(self, person_id: str, model_id: str) -> tuple[list[int], np.ndarray | None]:
        """Reference ids and their embeddings ``(R, D)`` for one model; references not yet
        embedded with this model are left out."""
        return read_embeddings(self._db, self.seal, person_id, model_id)

    def references_missing_embedding(
        self, model_id: str, person_id: str | None = None
    ) -> list[int]:
        """References (of one person, or all) that have no embedding for ``model_id``."""
        missing = (
            "SELECT id FROM signature_references r WHERE NOT EXISTS (SELECT 1 FROM embeddings e "
            "WHERE e.reference_id = r.id AND e.model_id = ?)"
        )
        if person_id is None:
            rows = self._db.execute(missing + " ORDER BY id", (model_id,)).fetchall()
        else:  # one person's, through the person index (not a scan of every reference)
            query = missing + " AND r.person_id = ? ORDER BY id"
            rows = self._db.execute(query, (model_id, person_id)).fetchall()
        return [r["id"] for r in rows]

    def save_embeddings(self, model_id: str, vectors: dict[int, np.ndarray]) -> None:
        """Store embeddings for references (one transaction); earlier ones for the same model
        are replaced."""
        with self.transaction() as db:
            write_embeddings(db, self.seal, model_id, vectors)

    def _seal_person(self, db, person_id: str, accept: float | None, reject: float | None) -> None:
        mac = self.seal.mac(*person_parts(person_id, accept, reject))
        db.execute("UPDATE people SET mac = ? WHERE id = ?", (mac, person_id))

    # -------------------------------------------------------------- settings

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        row = self._db.execute("SELECT value, mac FROM settings WHERE key = ?", (key,)).fetchone()
        if row is None:
            return default
        if not self.seal.matches(row["mac"], *setting_parts(key, row["value"])):
            raise changed_outside(translate("errors", "The setting “{key}”").format(key=key))
        return row["value"]

    def _put_settings(self, db, values: dict[str, str]) -> None:
        db.executemany(
            "INSERT OR REPLACE INTO settings (key, value, mac) VALUES (?, ?, ?)",
            [(k, v, self.seal.mac(*setting_parts(k, v))) for k, v in values.items()],
        )

    def set_setting(self, key: str, value: str, operator: str, audit: bool = True) -> None:
        with self.transaction() as db:
            old = db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
            self._put_settings(db, {key: value})
            if audit:
                append_entry(
                    db,
                    self.seal,
                    operator,
                    "setting",
                    None,
                    {"key": key, "old": old["value"] if old else None, "new": value},
                )

    def set_settings_audited(
        self, values: dict[str, str], operator: str, action: str, details: dict
    ) -> None:
        """Several settings and one audit row ``action`` in one transaction (a model
        switch: the active model, the list of models used, and its record)."""
        with self.transaction() as db:
            self._put_settings(db, values)
            append_entry(db, self.seal, operator, action, None, details)
