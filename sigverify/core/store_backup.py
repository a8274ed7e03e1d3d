"""Backups of a store on this computer: making one, reading one.

A backup is one zip file: the store as committed when it was made (SQLite's online backup,
so sigverify may go on working meanwhile), its seal (the key its rows are sealed with and
the audit log's last row: the store is unusable without it), the desk's queue (its lists
and their results name audit entries of this store) and the models the store was used
with that did not come with the app (its embeddings and people's own thresholds are made
with them), with a ``backup.json`` holding what it holds and each file's SHA-256. It
is recorded in the audit log, as a person's card is: every signature leaves with it.
A store with a backup passphrase has every backup encrypted
(:mod:`sigverify.core.backup_encryption`): the zip above is then made beside the store and
only its encrypted form is written out.

Restoring one: :mod:`sigverify.core.store_restore`.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import socket
import sqlite3
import time
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from sigverify import __version__
from sigverify.core.active_model import models_kept_here
from sigverify.core.backup_encryption import (
    ENVELOPE,
    backup_key,
    damaged_backup,
    encrypt_backup,
    envelope_key,
    newer_backup,
    passphrase_needed,
)
from sigverify.core.errors import CancelledError, SigverifyError, StoreError
from sigverify.core.files import disk_reason, file_stem, remove_leftovers, temporary_beside
from sigverify.core.i18n import translate
from sigverify.core.paths import default_store_location
from sigverify.core.queue import queue_folder
from sigverify.core.store import Store
from sigverify.core.store.backend import is_server_url, not_on_a_server
from sigverify.core.store.seal import SEAL_SUFFIX

BACKUP_FORMAT = 1
KIND = "sigverify-store-backup"
MANIFEST = "backup.json"
STORE_MEMBER = "store.sqlite3"
SEAL_MEMBER = STORE_MEMBER + SEAL_SUFFIX
MODELS = "models"
QUEUE = "queue"
_CHUNK = 1 << 20
_SAFE_NAME = re.compile(r"\w[\w.-]*")  # (matched whole: fullmatch)

log = logging.getLogger(__name__)

Progress = Callable[[int, int], object] | None


@dataclass(frozen=True)
class BackupInfo:
    """What a backup file holds, as its ``backup.json`` says (checked against the files)."""

    path: Path
    created: str  # local time, ISO 8601 to the second, with its offset from UTC
    app_version: str
    people: int
    references: int
    audit_entries: int
    last_audit_id: int
    models: tuple[str, ...]
    key: str | None = None  # the backup key it is encrypted with (None: not encrypted)


def store_file(location: str | Path | None = None) -> Path:
    """The store file at ``location`` (default: ``SIGVERIFY_STORE``, else this computer's);
    a shared store's address is refused: its server keeps it."""
    location = location or default_store_location()
    if is_server_url(str(location)):
        raise not_on_a_server()
    return Path(location)


def backup_file_name(now: datetime | None = None) -> str:
    """The name a backup is offered under: ``sigverify-backup-2026-12-06-1830.zip``."""
    return f"sigverify-backup-{(now or datetime.now()):%Y-%m-%d-%H%M}.zip"


#: The daily backups the app makes by itself: their names, and how many a folder keeps of
#: each desk's (several desks may share a network folder: each its own files, by name).
DAILY_PREFIX = "sigverify-backup-daily-"
DAILY_KEPT = 10


def desk_name(store_path: str | Path) -> str:
    """This computer's name and a short mark of the store's path, as a part of a file name
    (two stores of one computer backed up to one folder each keep their own ten)."""
    mark = hashlib.sha256(str(Path(store_path).resolve()).encode("utf-8")).hexdigest()[:4]
    return f"{file_stem(socket.gethostname(), 'desk')}-{mark}"


def daily_backup_name(desk: str, now: datetime | None = None) -> str:
    return f"{DAILY_PREFIX}{desk}-{(now or datetime.now()):%Y-%m-%d-%H%M%S}.zip"


def prune_daily_backups(folder: str | Path, desk: str, keep: int = DAILY_KEPT) -> list[Path]:
    """Remove ``desk``'s daily backups in ``folder`` beyond its newest ``keep`` (by the
    time in their names); another desk's (names matched whole: "teller" is not
    "teller-2"), and a backup made by hand, are never touched. The files removed."""
    own = re.compile(re.escape(f"{DAILY_PREFIX}{desk}-") + r"\d{4}-\d{2}-\d{2}-\d{6}\.zip")
    made = sorted(path for path in Path(folder).iterdir() if own.fullmatch(path.name))
    old = made[: max(len(made) - keep, 0)]
    for path in old:
        path.unlink(missing_ok=True)
    return old


# ------------------------------------------------------------------ making one


def back_up(store: Store, out: str | Path, operator: str, progress: Progress = None) -> BackupInfo:
    """Write a backup of ``store`` (a file on this computer) to ``out``, whole or not at
    all, recorded in its audit log under ``operator``; encrypted when the store has a backup
    passphrase (the key named in :attr:`BackupInfo.key`). ``progress(done, total)`` is called
    as it goes; a :class:`CancelledError` it raises stops it and leaves nothing behind."""
    out = Path(out)
    if store.shared:
        raise not_on_a_server()
    store.seal.head()  # a missing or damaged seal is said now, in its own words
    # each day's backup clears what a stopped one left; a restore question's copy stays
    # (one left open over an hour, the hourly daily backup removed it: a review found)
    remove_leftovers(store.path, ("restoring", "decrypting"))
    # the queue and the seal first: the store copied after them may only be ahead of them
    queue = {f.name: f.read_bytes() for f in _queue_files(store.path)}
    seal = store.seal.path.read_bytes()
    key = backup_key(store)  # (None: backups are not protected by a passphrase)
    steps = 2 if key is None else 3  # copied, zipped, encrypted
    snapshot = partial = plain = None
    writing = store.path.parent  # (which disk refused it, when one does)
    try:
        # beside the store, on this computer's disk: not a loose copy of every signature
        # on a stick, should the backup be stopped
        snapshot = temporary_beside(store.path, ".backup.db")
        store.copy_to(snapshot, lambda done, total: _say(progress, done, steps * total))
        people, references, entries, last_id = _counts(snapshot)
        models = models_kept_here(store)
        # encrypted, the plain zip too stays on this computer's disk
        writing = out if key is None else writing
        plain = temporary_beside(out if key is None else store.path, ".partial")
        with zipfile.ZipFile(plain, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
            size = snapshot.stat().st_size
            store_digest = _add(
                archive, snapshot, STORE_MEMBER, lambda n: _say(progress, size + n, steps * size)
            )
            archive.writestr(SEAL_MEMBER, seal)
            for name, data in queue.items():
                archive.writestr(f"{QUEUE}/{name}", data)
            model_files = {}
            for folder in models:
                files = {}
                for file in sorted(f for f in folder.rglob("*") if f.is_file()):
                    relative = file.relative_to(folder).as_posix()
                    if relative.startswith("checkpoint"):  # training's, not the model's
                        continue
                    files[relative] = _add(archive, file, f"{MODELS}/{folder.name}/{relative}")
                model_files[folder.name] = files
            manifest = {
                "kind": KIND,
                "format": BACKUP_FORMAT,
                "created": datetime.now(timezone.utc).astimezone().isoformat(timespec="seconds"),
                "app_version": __version__,
                "people": people,
                "references": references,
                "audit_entries": entries,
                "last_audit_id": last_id,
                "store_sha256": store_digest,
                "seal_sha256": hashlib.sha256(seal).hexdigest(),
                "queue": {name: hashlib.sha256(data).hexdigest() for name, data in queue.items()},
                "models": model_files,
            }
            archive.writestr(MANIFEST, json.dumps(manifest, indent=2, ensure_ascii=False))
        if key is None:
            partial, plain = plain, None
        else:
            writing, whole = out, max(plain.stat().st_size, 1)  # (models too: not 3 x size)
            partial = temporary_beside(out, ".partial")
            encrypt_backup(
                plain,
                partial,
                key,
                lambda n: _say(progress, 2 * size + n * size // whole, 3 * size),
            )
        with open(partial, "rb+") as handle:
            os.fsync(handle.fileno())
        details = {"file": out.name, "people": people, "references": references, "up_to": last_id}
        if key is not None:
            details["key"] = key.fingerprint
        store.record(operator, "backup", None, details)
        os.replace(partial, out)
        partial = None
        return _info(out, manifest, None if key is None else key.fingerprint)
    except (OSError, sqlite3.Error) as error:  # (a full stick: SQLite's own error)
        reason = disk_reason(error)
        if writing != out:  # the copies made first, beside the store
            raise StoreError(
                translate(
                    "errors",
                    "The backup cannot be made: the disk of the store ({folder}) refused its "
                    "working copy ({error}). It needs room there for a copy of the store (two when "
                    "backups are encrypted).",
                ).format(folder=writing, error=reason)
            ) from error
        raise StoreError(
            translate("errors", "The backup cannot be written to “{path}” ({error}).").format(
                path=out, error=reason
            )
        ) from error
    finally:
        for path in (snapshot, plain, partial):
            if path is not None:
                path.unlink(missing_ok=True)


def _queue_files(store_path: Path) -> list[Path]:
    folder = queue_folder(store_path)
    return sorted(f for f in folder.iterdir() if f.is_file()) if folder.is_dir() else []


def _say(progress: Progress, done: int, total: int) -> None:
    if progress is not None and progress(done, max(total, 1)) is False:
        raise CancelledError(translate("errors", "The backup was cancelled."))


def _add(archive: zipfile.ZipFile, file: Path, member: str, copied=None) -> str:
    """``file`` into ``archive`` as ``member`` in pieces (a store may be gigabytes),
    stored as it is (its scans and embeddings barely compress: deflating a 630 MB store
    took 15 s for 1.5 % less); its SHA-256."""
    digest, done = hashlib.sha256(), 0
    info = zipfile.ZipInfo(member, time.localtime()[:6])
    info.compress_type = zipfile.ZIP_STORED
    with open(file, "rb") as source, archive.open(info, "w", force_zip64=True) as target:
        while piece := source.read(_CHUNK):
            digest.update(piece)
            target.write(piece)
            done += len(piece)
            if copied is not None:
                copied(done)
    return digest.hexdigest()


def _counts(snapshot: Path) -> tuple[int, int, int, int]:
    """People, references, audit entries and the last entry's number in a store copy."""
    connection = sqlite3.connect(snapshot)
    try:
        (people,) = connection.execute("SELECT count(*) FROM people").fetchone()
        (references,) = connection.execute("SELECT count(*) FROM signature_references").fetchone()
        entries, last = connection.execute("SELECT count(*), max(id) FROM audit_log").fetchone()
    finally:
        connection.close()
    return people, references, entries, last or 0


@dataclass(frozen=True)
class LastBackup:
    at: str  # when the store was as the backup holds it (ISO 8601)
    file: str
    up_to: int  # the last audit entry the backup holds (0: not known)


def last_backup(store: Store) -> LastBackup | None:
    """When the store was last backed up, and to which file; a store restored from a
    backup counts as backed up when that backup was made (None: never backed up)."""
    made = store.last_audit_entry("backup")
    restored = store.last_audit_entry("restore")
    if restored is not None and (made is None or restored.id > made.id):
        last = restored
        at = str(restored.details.get("made"))
    elif made is not None:
        last, at = made, made.at
    else:
        return None
    return LastBackup(at, str(last.details.get("file")), int(last.details.get("up_to") or 0))


def note_daily_backup(
    store: Store, folder: str, desk: str, operator: str, changed_at: str | None = None
) -> bool:
    """Bring the audit log to say where ``desk`` backs the store up every day (``folder``;
    "" for nowhere) when its last *Daily backup* entry for that desk says otherwise; True
    when an entry was written. The folder is the computer's setting: a store opened on a
    desk that backs up daily gets its entry here, and one that could not be written is
    written at the next look; ``changed_at`` (a stored time) says when the desk changed it,
    which the entry keeps (it may be written days later)."""
    said = [e for e in store.audit_entries(action="daily_backup") if e.details.get("desk") == desk]
    before = str(said[-1].details.get("folder") or "") if said else ""
    if before == folder:
        return False
    details = {"folder": folder, "before": before, "desk": desk}
    if changed_at:
        details["changed_at"] = changed_at
    store.record(operator, "daily_backup", None, details)
    return True


#: Audit actions that are not work a restore or a dead disk would lose: the backups and
#: restores themselves (a restore chosen or called off too), the daily backup's and the
#: passphrase's entries (this computer's setting, a key a restore keeps) and wrong
#: passphrases typed.
NOT_WORK = (
    "backup",
    "restore",
    "restore_chosen",
    "restore_called_off",
    "daily_backup",
    "backup_passphrase",
    "passphrase_refused",
)


def work_after(store: Store, entry: int) -> Counter:
    """The audit log's entries after ``entry`` by action, :data:`NOT_WORK` aside."""
    counts = store.audit_counts(after=entry)
    for action in NOT_WORK:
        counts.pop(action, None)
    return counts


def work_since_backup(store: Store, last: LastBackup | None) -> Counter:
    """What the audit log holds that the backup ``last`` does not, by action: work a dead
    disk would lose now. The backups and restores themselves aside, and the daily backup's
    and the passphrase's entries: this computer's setting, a key a restore keeps, and
    wrong passphrases typed (no work)."""
    if last is None or not last.up_to:
        return Counter()
    return work_after(store, last.up_to)


# ------------------------------------------------------------------ reading one


def read_backup(path: str | Path) -> BackupInfo:
    """What the backup file ``path`` holds, after checking every file in it against the
    digest it was made with; a clear :class:`SigverifyError` when it is not a backup, is
    damaged or comes from a newer sigverify."""
    path = Path(path)
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if ENVELOPE in names:  # (what it holds: once decrypted, store_restore.opened)
                raise passphrase_needed(path, envelope_key(archive))
            if MANIFEST not in names:
                raise _not_a_backup(path, card="person.json" in names)
            manifest = json.loads(archive.read(MANIFEST).decode("utf-8"))
            if not isinstance(manifest, dict) or manifest.get("kind") != KIND:
                raise _not_a_backup(path)
            if int(manifest["format"]) > BACKUP_FORMAT:
                raise newer_backup(path)
            _check(archive, STORE_MEMBER, manifest["store_sha256"])
            _check(archive, SEAL_MEMBER, manifest["seal_sha256"])
            for name, digest in manifest.get("queue", {}).items():
                if not _SAFE_NAME.fullmatch(name):
                    raise ValueError(f"a queue file named {name!r}")
                _check(archive, f"{QUEUE}/{name}", digest)
            for name, files in manifest["models"].items():
                if not _SAFE_NAME.fullmatch(name) or not files:
                    raise ValueError(f"a model named {name!r}")
                for relative, digest in files.items():
                    if not all(_SAFE_NAME.fullmatch(part) for part in relative.split("/")):
                        raise ValueError(f"a model file named {relative!r}")
                    _check(archive, f"{MODELS}/{name}/{relative}", digest)
            return _info(path, manifest)
    except FileNotFoundError:
        raise SigverifyError(
            translate("errors", "There is no file “{file}”.").format(file=path)
        ) from None
    except SigverifyError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, ValueError, TypeError,
            AttributeError, OSError, EOFError, zlib.error) as error:  # fmt: skip
        log.warning("%s cannot be read as a backup: %s", path, error)
        if isinstance(error, zipfile.BadZipFile) and not _starts_as_a_zip(path):
            raise _not_a_backup(path) from error
        raise damaged_backup(path) from error


def _starts_as_a_zip(path: Path) -> bool:
    """A zip file cut short still starts as one (its index, at the end, is what is lost)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(4) == b"PK\x03\x04"
    except OSError:
        return False


def _not_a_backup(path: Path, card: bool = False) -> SigverifyError:
    if card:
        return SigverifyError(
            translate(
                "errors",
                "“{file}” is a person card, not a backup of the store: import it on the "
                "People page (Import card…).",
            ).format(file=path.name)
        )
    return SigverifyError(
        translate(
            "errors", "“{file}” is not a sigverify backup (made with Back up the store…)."
        ).format(file=path.name)
    )


def _check(archive: zipfile.ZipFile, member: str, expected: str) -> None:
    digest = hashlib.sha256()
    with archive.open(member) as source:
        while piece := source.read(_CHUNK):
            digest.update(piece)
    if digest.hexdigest() != expected:
        raise ValueError(f"{member} does not match its digest")


def _info(path: Path, manifest: dict, key: str | None = None) -> BackupInfo:
    return BackupInfo(
        path=path,
        created=str(manifest["created"]),
        app_version=str(manifest["app_version"]),
        people=int(manifest["people"]),
        references=int(manifest["references"]),
        audit_entries=int(manifest["audit_entries"]),
        last_audit_id=int(manifest["last_audit_id"]),
        models=tuple(manifest["models"]),
        key=key,
    )
