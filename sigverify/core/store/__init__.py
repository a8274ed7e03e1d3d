"""The reference store: people, their reference signatures and an audit log, in an
embedded SQLite file (one desk, the default) or on a PostgreSQL server (several desks:
:mod:`sigverify.core.store.postgres`, with the database's own roles and a second
supervisor's approval for risky changes).

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
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from sigverify.core.errors import (
    SigverifyError,
    StoreError,
    StoreIntegrityError,
)
from sigverify.core.i18n import translate
from sigverify.core.paths import default_store_location
from sigverify.core.store.approvals import SecondApproval, deleted_person_details
from sigverify.core.store.audit import StoredAudit, append_entry
from sigverify.core.store.backend import (
    PostgresDatabase,
    SqliteDatabase,
    is_server_url,
    not_on_a_server,
    without_password,
)
from sigverify.core.store.integrity import check_every_row
from sigverify.core.store.people import (
    check_thresholds,
    enrolled_id,
    no_person,
    people_mark,
    person_exists,
    read_people,
    read_person,
    thresholds_change,
    write_person,
    write_thresholds,
)
from sigverify.core.store.records import (
    NewReference,
    PendingChange,
    Person,
    StoredReference,
)
from sigverify.core.store.references import (
    insert_references,
    missing_embeddings,
    no_reference,
    read_embeddings,
    read_pad_trajectories,
    read_reference_images,
    read_references,
    read_trajectory,
    write_embeddings,
)
from sigverify.core.store.roles import Role, read_role, refusal
from sigverify.core.store.schema import (
    check_server_schema,
    friendly_error,
    prepare,
    server_is_set_up,
)
from sigverify.core.store.seal import DatabaseSeal, Seal
from sigverify.core.store.settings import StoredSettings

log = logging.getLogger(__name__)


class Store(SecondApproval, StoredSettings, StoredAudit):
    """Open the store at ``location``: a file path (created or migrated as needed), a
    ``postgresql://`` URL of a server set up with ``sigverify store init-postgres``, or
    None for ``SIGVERIFY_STORE`` or the file in the user data folder."""

    def __init__(self, location: str | Path | None = None, timeout: float = 5.0):
        location = location or default_store_location()
        server = is_server_url(str(location))
        try:
            if server:
                self._db = PostgresDatabase(str(location), timeout)
            else:
                self._db = SqliteDatabase(Path(location), timeout)
        except (OSError, sqlite3.Error) as error:
            raise StoreError(
                translate(
                    "errors", "The signature store “{path}” cannot be opened ({error})."
                ).format(path=without_password(str(location)), error=error)
            ) from error
        except Exception as error:  # psycopg's, imported only for a server
            if not server:
                raise
            raise friendly_error(error, without_password(str(location))) from error
        self.source = location  # as given: what a second connection (the worker) opens
        self.path = self._db.path  # on a server: where this desk keeps its local things
        self.location = self._db.location
        self.seal = DatabaseSeal() if server else Seal(self.path)
        try:
            if server:
                # an account without a role may not read the schema: say that first
                self.role = read_role(self._db) if server_is_set_up(self._db) else None
                check_server_schema(self._db)
            else:
                self._prepare(deadline=time.monotonic() + 3 * timeout)
                self.role = Role.LOCAL
            self._move_seal_head()  # catches up after a kill between a commit and the seal
        except self._db.errors as error:
            self._db.close()
            raise friendly_error(error, self.location) from error
        except SigverifyError:
            self._db.close()
            raise

    @property
    def shared(self) -> bool:
        """True on a server (several desks), False for a file on this computer."""
        return self._db.kind == "postgresql"

    @property
    def account(self) -> str | None:
        """The database account this desk is connected as (None for a local file): the
        operator every audit row names, which cannot be typed in."""
        return self._db.session_user

    def refusal(self, action: str) -> str | None:
        """Why this desk's account may not do ``action`` (see
        :data:`~sigverify.core.store.roles.SUPERVISED`), or None when it may."""
        return refusal(self.role, action, self.account)

    @property
    def needs_approval(self) -> bool:
        """True when a risky change by this account waits for a second supervisor."""
        return self.role is Role.SUPERVISOR

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

    def copy_to(self, target: Path, progress=None) -> None:
        """A consistent copy of a store file as committed now (see
        :meth:`SqliteDatabase.copy_to`); a shared store is backed up on its server."""
        if self.shared:
            raise not_on_a_server()
        self._db.copy_to(Path(target), progress)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator:
        """One atomic write: everything inside commits together or not at all; after the
        commit the seal learns the audit log's new last row."""
        try:
            self._db.begin_write()
        except self._db.errors as error:
            raise friendly_error(error, self.location) from error
        try:
            yield self._db
            self._db.execute("COMMIT")
        except BaseException as error:
            # SQLite may already have rolled back by itself (e.g. on a full disk).
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            if isinstance(error, self._db.errors):
                raise friendly_error(error, self.location) from error
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
            log.warning("the seal of %s was not updated: %s", self.location, error)

    def _append(self, db, operator: str, action: str, person_id, details: dict):
        """An audit row in the caller's transaction; on a server its operator is always the
        account connected (the database refuses any other name)."""
        return append_entry(db, self.seal, self.account or operator, action, person_id, details)

    # -------------------------------------------------------------- audit

    def check_every_row(self) -> None:
        """Every row against the seal (:mod:`~sigverify.core.store.integrity`): a
        :class:`StoreIntegrityError` for the first one changed outside sigverify."""
        check_every_row(self._db, self.seal, self.verify_audit_chain())

    # -------------------------------------------------------------- people

    def get_person(self, person_id: str) -> Person:
        return read_person(self._db, self.seal, person_id)

    def enrolled_id(self, person_id: str) -> str | None:
        """The id ``person_id`` is enrolled under, capitals aside; None if nobody."""
        return enrolled_id(self._db, person_id)

    def list_people(self, search: str = "", limit: int | None = None) -> list[Person]:
        return read_people(self._db, search, limit)

    def people_mark(self) -> tuple[int, int]:
        return people_mark(self._db)

    def delete_person(self, person_id: str, operator: str) -> PendingChange | None:
        """Delete a person with their references (audited). On a server, a supervisor's
        deletion waits for another supervisor: the :class:`PendingChange` is returned."""
        count = self.get_person(person_id).reference_count
        details = {"references": count}
        pending = self._supervised("delete", "delete_person", person_id, {}, details, operator)
        if pending is not None:
            return pending
        with self.transaction() as db:
            if not person_exists(db, person_id):
                raise no_person(person_id)
            gone = deleted_person_details(db, person_id)
            db.execute("DELETE FROM people WHERE id = ?", (person_id,))
            self._append(db, operator, "delete_person", person_id, gone)
        return None

    def update_person(self, person_id: str, name: str, note: str, operator: str) -> None:
        """Change a person's name and note (audited, with the values before and after)."""
        with self.transaction() as db:
            row = db.execute("SELECT name, note FROM people WHERE id = ?", (person_id,)).fetchone()
            if row is None:
                raise no_person(person_id)
            if (row["name"], row["note"]) == (name, note):
                return
            db.execute("UPDATE people SET name = ?, note = ? WHERE id = ?", (name, note, person_id))
            self._append(
                db,
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
        model: str | None = None,
    ) -> PendingChange | None:
        """Per-person thresholds (None = use the model's) for the model whose id is
        ``model`` (they apply with that model only: a distance means nothing to another);
        ``preset``: the operating point they come from (a target share of forgeries), for
        the audit log. On a server, a supervisor's change waits for another supervisor (the
        :class:`PendingChange`)."""
        check_thresholds(accept, reject)
        person = self.get_person(person_id)  # (nobody: said)
        if accept is None and reject is None:
            model = None
        payload, details = thresholds_change(person, accept, reject, model, preset)
        pending = self._supervised(
            "thresholds", "thresholds", person_id, payload, details, operator, "set_thresholds"
        )
        if pending is not None:
            return pending
        with self.transaction() as db:
            db.lock_person(person_id)  # their own before as this change replaces them
            _, details = thresholds_change(
                read_person(db, self.seal, person_id), accept, reject, model, preset
            )
            write_thresholds(db, self.seal, person_id, accept, reject, model)
            self._append(db, operator, "set_thresholds", person_id, details)
        return None

    # -------------------------------------------------------------- references

    def add_references(
        self,
        person_id: str,
        name: str | None,
        note: str | None,
        model_id: str,
        references: list[NewReference],
        operator: str,
        flagged: list[dict] | None = None,
    ) -> list[int]:
        """Create the person if needed and add references with their embeddings for
        ``model_id``, all in one transaction. A file already enrolled for this person is
        refused (:class:`SigverifyError`), and then nothing is added. A name or note that
        changes an enrolled person's is in the audit row, before and after (a rename
        there went unrecorded: seen in a real window), and so are the references flagged
        and enrolled anyway (``flagged``: their ``OddReference.to_record()``)."""
        with self.transaction() as db:
            changed = write_person(db, self.seal, person_id, name, note)
            enrolled_by = self.account or operator
            ids = insert_references(db, self.seal, person_id, model_id, references, enrolled_by)
            self._append(
                db,
                operator,
                "enroll",
                person_id,
                {
                    "added": len(ids),
                    "files": [r.filename for r in references],
                    "model": model_id,
                    "new_person": changed is None,
                    **(changed or {}),
                    **({"enrolled_anyway": flagged} if flagged else {}),
                },
            )
        return ids

    def references(self, person_id: str) -> list[StoredReference]:
        return read_references(self._db, "person_id = ?", [person_id])

    def references_with_images(self, digests: list[str]) -> list[StoredReference]:
        """The references, anyone's, whose image has one of the SHA-256 ``digests`` (by
        the index on the image's digest)."""
        marks = ", ".join("?" * len(digests))
        return read_references(self._db, f"image_sha256 IN ({marks})", digests) if digests else []

    def reference_images(self, reference_id: int) -> tuple[bytes, bytes]:
        """``(original bytes, preprocessed PNG)`` of a reference."""
        return read_reference_images(self._db, self.seal, reference_id)

    def reference_trajectory(self, reference_id: int) -> np.ndarray | None:
        """The pen trajectory ``(N, 4)`` of a reference drawn on a pad, else None."""
        return read_trajectory(self._db, reference_id)

    def pad_trajectories(self, person_id: str) -> tuple[list[int], list[np.ndarray]]:
        """The ids and pen trajectories of the person's references drawn on a pad, oldest
        first (one query: a pad verification reads them all)."""
        return read_pad_trajectories(self._db, person_id)

    def remove_reference(self, reference_id: int, operator: str) -> PendingChange | None:
        """Remove one reference (audited). On a server, a supervisor's removal waits for
        another supervisor (the :class:`PendingChange`)."""
        row = self._db.execute(
            "SELECT person_id, filename FROM signature_references WHERE id = ?", (reference_id,)
        ).fetchone()
        if row is None:
            raise no_reference(reference_id)
        details = {"reference": reference_id, "file": row["filename"]}
        pending = self._supervised(
            "delete", "remove_reference", row["person_id"], {"reference": reference_id},
            details, operator,
        )  # fmt: skip
        if pending is not None:
            return pending
        with self.transaction() as db:
            if not db.execute(
                "DELETE FROM signature_references WHERE id = ?", (reference_id,)
            ).rowcount:
                raise no_reference(reference_id)
            self._append(db, operator, "remove_reference", row["person_id"], details)
        return None

    def embeddings(self, person_id: str, model_id: str) -> tuple[list[int], np.ndarray | None]:
        """Reference ids and their embeddings ``(R, D)`` for one model; references not yet
        embedded with this model are left out."""
        return read_embeddings(self._db, self.seal, person_id, model_id)

    def references_missing_embedding(
        self, model_id: str, person_id: str | None = None
    ) -> list[int]:
        """References (of one person, or all) that have no embedding for ``model_id``."""
        return missing_embeddings(self._db, model_id, person_id)

    def save_embeddings(self, model_id: str, vectors: dict[int, np.ndarray]) -> None:
        """Store embeddings for references (one transaction); earlier ones for the same model
        are replaced (on a server, where no embedding is ever replaced, kept). A server
        records them in the audit log: it takes none unrecorded."""
        with self.transaction() as db:
            write_embeddings(db, self.seal, model_id, vectors)
            if self.shared and vectors:
                self._append(db, "", "embed", None, {"model": model_id,
                                                     "references": sorted(vectors)})  # fmt: skip
