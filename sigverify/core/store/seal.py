"""The store's seal: tamper evidence that does not rest on the database alone.

A small file beside the store (``store.sqlite3.seal``, written only by sigverify) holds

- a random key: every row that decides a verification carries an HMAC-SHA256 of its
  content under that key (audit rows, references, embeddings with the person they belong
  to, a person's thresholds, the settings), so a row edited, added, moved to another person
  or renumbered with SQL, even with the audit chain recomputed, no longer matches its MAC;
- the audit log's head (last row id and hash), moved forward after every commit that
  appended to the log: a log cut short (its last row, its last rows, or all of them) no
  longer reaches the head the seal remembers. The database may be ahead of the seal (a
  kill between the commit and the seal's update, or a seal that could not be written):
  rows past the head are accepted when their MACs are right, which only sigverify can make.

Whoever can rewrite both the database and this file can still forge, and a row put back
from an older copy of the store (with its MAC) is not told from the current one; the seal
makes an edit with a database tool visible, it does not replace file permissions.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sigverify.core.errors import StoreIntegrityError
from sigverify.core.i18n import translate
from sigverify.core.store.records import sha256_hex

SEAL_SUFFIX = ".seal"
SEAL_FORMAT = 1
NO_HEAD = (0, "")


@contextmanager
def _exclusive(lock_path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``lock_path`` (POSIX ``flock``; on Windows, where only
    one desk process writes a local store, nothing)."""
    with open(lock_path, "a+b") as handle:
        try:
            import fcntl
        except ImportError:
            yield
            return
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


class Seal:
    """The seal of the store at ``store_path`` (its file may not exist yet)."""

    def __init__(self, store_path: Path):
        self.path = store_path.with_name(store_path.name + SEAL_SUFFIX)
        self._key: bytes | None = None

    # ------------------------------------------------------------ the file

    def exists(self) -> bool:
        return self.path.is_file()

    def create(self) -> None:
        """Write a new seal with a fresh key and no head: for a new store, or one sealed for
        the first time (called while holding the store's write lock). A seal left beside
        it by an earlier store of the same name is replaced."""
        self._key = None
        self._write({"format": SEAL_FORMAT, "key": secrets.token_hex(32), "head": list(NO_HEAD)})

    def _write(self, content: dict) -> None:
        """Atomically and durably: a new file, flushed, replaces the old one, and the
        folder's entry is flushed too (the rename survives a power cut)."""
        partial = self.path.with_name(self.path.name + ".new")
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            json.dump(content, handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, self.path)
        if hasattr(os, "O_DIRECTORY"):  # POSIX; Windows has no folder handles to flush
            folder = os.open(self.path.parent, os.O_RDONLY | os.O_DIRECTORY)
            try:
                os.fsync(folder)
            finally:
                os.close(folder)

    def _read(self) -> dict:
        try:
            content = json.loads(self.path.read_text(encoding="utf-8"))
            bytes.fromhex(content["key"])
            head = content["head"]
            if not (isinstance(head, list) and len(head) == 2 and isinstance(head[0], int)):
                raise ValueError
            return content
        except FileNotFoundError:
            raise StoreIntegrityError(
                translate(
                    "errors",
                    "The seal file “{name}” beside the signature store is missing, so sigverify "
                    "cannot tell whether the store was changed. Restore it together with the "
                    "store from the same backup.",
                ).format(name=self.path.name)
            ) from None
        except (OSError, ValueError, KeyError, TypeError, UnicodeDecodeError):
            raise StoreIntegrityError(
                translate(
                    "errors",
                    "The seal file “{name}” beside the signature store is damaged. Restore it "
                    "together with the store from the same backup.",
                ).format(name=self.path.name)
            ) from None

    def _load_key(self) -> bytes:
        return bytes.fromhex(self._read()["key"])

    def head(self) -> tuple[int, str]:
        """The audit log's last row ``(id, hash)`` as the seal last saw it, read afresh
        (another process may have written since)."""
        return tuple(self._read()["head"])

    def move_head(self, head: tuple[int, str]) -> None:
        """After a commit: remember ``head`` as the audit log's last row, unless the seal
        already holds a later one (another process committed after this one). Two
        processes update it one at a time (a lock file beside it)."""
        with _exclusive(self.path.with_name(self.path.name + ".lock")):
            content = self._read()
            if head[0] > content["head"][0]:
                content["head"] = list(head)
                self._write(content)

    # ------------------------------------------------------------ MACs

    def mac(self, *parts) -> str:
        """HMAC-SHA256 (hex) of ``parts`` (str, int, float or None) under the seal's key."""
        if self._key is None:
            self._key = self._load_key()
        message = json.dumps(parts, separators=(",", ":")).encode("utf-8")
        return hmac.new(self._key, message, hashlib.sha256).hexdigest()

    def matches(self, mac: str | None, *parts) -> bool:
        return mac is not None and hmac.compare_digest(mac, self.mac(*parts))


class DatabaseSeal(Seal):
    """A store on a PostgreSQL server has no seal: a key every desk must read would be a
    key every clerk can read, so MACs would prove nothing there. The server guards the
    rows instead (:mod:`sigverify.core.store.postgres`): the grants let no sigverify role
    change or delete what decides a verification, the audit log takes a row only as the
    next link of its chain under the account connected, and nothing that decides a
    verification is written without its audit row. MACs are left empty and not checked."""

    def __init__(self):
        self._key = None
        self.path = None

    def exists(self) -> bool:
        return True

    def create(self) -> None:
        """Nothing to create."""

    def mac(self, *parts) -> str:
        return ""

    def matches(self, mac: str | None, *parts) -> bool:
        return True

    def head(self) -> tuple[int, str]:
        return NO_HEAD

    def move_head(self, head: tuple[int, str]) -> None:
        """Nothing to remember (see the class)."""


def changed_outside(what: str) -> StoreIntegrityError:
    """The refusal for ``what`` (its name in a sentence) no longer matching the seal."""
    return StoreIntegrityError(
        translate(
            "errors",
            "{what} was changed outside sigverify: it no longer matches the store's seal, "
            "so it is not used. Check the audit log (sigverify audit verify) and restore "
            "the store from a backup.",
        ).format(what=what)
    )


# What each kind of row's MAC covers: everything of it that can decide a verification.


def audit_parts(row_id: int, digest: str) -> tuple:
    return ("audit", row_id, digest)


def reference_parts(row_id: int, person_id: str, image_sha256: str, preprocessed: bytes) -> tuple:
    return ("reference", row_id, person_id, image_sha256, sha256_hex(preprocessed))


def embedding_parts(reference_id: int, person_id: str, model_id: str, vector: bytes) -> tuple:
    return ("embedding", reference_id, person_id, model_id, sha256_hex(vector))


def person_parts(
    person_id: str, accept: float | None, reject: float | None, model: str | None = None
) -> tuple:
    """As SQLite's REAL column gives them back: 0 as 0.0, -0.0 as 0.0. ``model`` (the one
    the thresholds are for) is a part only when there is one, so that rows sealed before it
    was recorded still match."""
    values = (float(v) + 0.0 if isinstance(v, (int, float)) else v for v in (accept, reject))
    return ("person", person_id, *values, *(() if model is None else (model,)))


def setting_parts(key: str, value: str) -> tuple:
    return ("setting", key, value)


def seal_rows(db, seal: Seal) -> None:
    """Give every row a MAC and the seal the log's head: once, when a store is sealed for
    the first time (rows written before then are trusted as they are)."""
    for row in db.execute("SELECT id, hash FROM audit_log").fetchall():
        mac = seal.mac(*audit_parts(row[0], row[1]))
        db.execute("UPDATE audit_log SET mac = ? WHERE id = ?", (mac, row[0]))
    rows = db.execute(
        "SELECT id, person_id, image_sha256, preprocessed_png FROM signature_references"
    ).fetchall()
    for row in rows:
        mac = seal.mac(*reference_parts(row[0], row[1], row[2], bytes(row[3])))
        db.execute("UPDATE signature_references SET mac = ? WHERE id = ?", (mac, row[0]))
    rows = db.execute(
        "SELECT e.reference_id, r.person_id, e.model_id, e.vector FROM embeddings e "
        "JOIN signature_references r ON r.id = e.reference_id"
    ).fetchall()
    for row in rows:
        mac = seal.mac(*embedding_parts(row[0], row[1], row[2], bytes(row[3])))
        db.execute(
            "UPDATE embeddings SET mac = ? WHERE reference_id = ? AND model_id = ?",
            (mac, row[0], row[2]),
        )
    rows = db.execute("SELECT id, accept_threshold, reject_threshold FROM people").fetchall()
    for row in rows:
        mac = seal.mac(*person_parts(row[0], row[1], row[2]))
        db.execute("UPDATE people SET mac = ? WHERE id = ?", (mac, row[0]))
    for key, value in db.execute("SELECT key, value FROM settings").fetchall():
        mac = seal.mac(*setting_parts(key, value))
        db.execute("UPDATE settings SET mac = ? WHERE key = ?", (mac, key))
    head = db.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    if head:  # inside the migration's transaction: the seal may end up behind, never ahead
        seal.move_head(tuple(head))
