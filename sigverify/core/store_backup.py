"""Backups of a store on this computer, and putting one back.

A backup is one zip file: the store as committed when it was made (SQLite's online backup,
so sigverify may go on working meanwhile), its seal (the key its rows are sealed with and
the audit log's last row: the store is unusable without it), the desk's queue (its lists
and their results name audit entries of this store) and the models the store was used
with that did not come with the app (its embeddings and people's own thresholds are made
with them), with a ``backup.json`` holding what it holds and each file's SHA-256. It
is recorded in the audit log, as a person's card is: every signature leaves with it.

Restoring checks the backup whole (each file against its digest, the store as ours, the
audit log against its seal) before anything is touched, refuses while the store is open,
records itself in the restored store's audit log, and moves the store it replaces into
``replaced-stores/`` beside it: nothing is deleted. The app restores at its next start
(:func:`schedule_restore`), when nothing has the store open.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
import sqlite3
import tempfile
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from sigverify import __version__
from sigverify.core.active_model import models_kept_here
from sigverify.core.errors import CancelledError, SigverifyError, StoreError
from sigverify.core.files import readable_by_all
from sigverify.core.i18n import translate
from sigverify.core.model.catalog import installed_models_dir
from sigverify.core.operators import operator_name
from sigverify.core.paths import default_store_location
from sigverify.core.queue import queue_folder
from sigverify.core.store import Store, not_on_a_server
from sigverify.core.store.backend import is_server_url
from sigverify.core.store.seal import SEAL_SUFFIX

BACKUP_FORMAT = 1
KIND = "sigverify-store-backup"
MANIFEST = "backup.json"
STORE_MEMBER = "store.sqlite3"
SEAL_MEMBER = STORE_MEMBER + SEAL_SUFFIX
MODELS = "models"
QUEUE = "queue"
REPLACED_FOLDER = "replaced-stores"
PENDING_SUFFIX = ".restore-pending"
_CHUNK = 1 << 20
_SAFE_NAME = re.compile(r"^[\w][\w.-]*$")

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


@dataclass(frozen=True)
class RestoreResult:
    backup: BackupInfo
    kept_in: Path | None  # where the store it replaced now lies (None: there was none)
    models_added: tuple[str, ...]
    models_already_here: tuple[str, ...]  # a folder of that name was here: left as it was


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


# ------------------------------------------------------------------ making one


def back_up(store: Store, out: str | Path, operator: str, progress: Progress = None) -> BackupInfo:
    """Write a backup of ``store`` (a file on this computer) to ``out``, whole or not at
    all, recorded in its audit log under ``operator``. ``progress(done, total)`` is called
    as it goes; a :class:`CancelledError` it raises stops it and leaves nothing behind."""
    out = Path(out)
    store.seal.head()  # a missing or damaged seal is said now, in its own words
    # the queue and the seal first: the store copied after them may only be ahead of them
    queue = {f.name: f.read_bytes() for f in _queue_files(store.path)}
    seal = store.seal.path.read_bytes()
    snapshot = partial = None
    try:
        snapshot = _temporary(out, ".db")
        store.copy_to(snapshot, lambda done, total: _say(progress, done, 2 * total))
        people, references, entries, last_id = _counts(snapshot)
        models = models_kept_here(store)
        partial = _temporary(out, ".partial")
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
            size = snapshot.stat().st_size
            store_digest = _add(
                archive, snapshot, STORE_MEMBER, lambda n: _say(progress, size + n, 2 * size)
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
        with open(partial, "rb+") as handle:
            os.fsync(handle.fileno())
        details = {"file": out.name, "people": people, "references": references, "up_to": last_id}
        store.record(operator, "backup", None, details)
        os.replace(partial, out)
        partial = None
        return _info(out, manifest)
    except OSError as error:
        raise StoreError(
            translate("errors", "The backup cannot be written to “{path}” ({error}).").format(
                path=out, error=error.strerror or error
            )
        ) from error
    finally:
        for path in (snapshot, partial):
            if path is not None:
                path.unlink(missing_ok=True)


def _queue_files(store_path: Path) -> list[Path]:
    folder = queue_folder(store_path)
    return sorted(f for f in folder.iterdir() if f.is_file()) if folder.is_dir() else []


def _temporary(beside: Path, suffix: str) -> Path:
    handle, name = tempfile.mkstemp(dir=beside.parent, prefix=f".{beside.name}.", suffix=suffix)
    os.close(handle)  # (owner-only, as mkstemp makes it: a backup holds every signature)
    return Path(name)


def _say(progress: Progress, done: int, total: int) -> None:
    if progress is not None and progress(done, max(total, 1)) is False:
        raise CancelledError(translate("errors", "The backup was cancelled."))


def _add(archive: zipfile.ZipFile, file: Path, member: str, copied=None) -> str:
    """``file`` into ``archive`` as ``member`` in pieces (a store may be gigabytes);
    its SHA-256."""
    digest, done = hashlib.sha256(), 0
    with open(file, "rb") as source, archive.open(member, "w", force_zip64=True) as target:
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


def last_backup(store: Store):
    """The audit entry of the store's newest backup (None when it was never backed up)."""
    return store.last_audit_entry("backup")


# ------------------------------------------------------------------ reading one


def read_backup(path: str | Path) -> BackupInfo:
    """What the backup file ``path`` holds, after checking every file in it against the
    digest it was made with; a clear :class:`SigverifyError` when it is not a backup, is
    damaged or comes from a newer sigverify."""
    path = Path(path)
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if MANIFEST not in names:
                raise _not_a_backup(path, card="person.json" in names)
            manifest = json.loads(archive.read(MANIFEST).decode("utf-8"))
            if not isinstance(manifest, dict) or manifest.get("kind") != KIND:
                raise _not_a_backup(path)
            if int(manifest["format"]) > BACKUP_FORMAT:
                raise SigverifyError(
                    translate(
                        "errors",
                        "“{file}” was made by a newer version of sigverify: update sigverify "
                        "to restore it.",
                    ).format(file=path.name)
                )
            _check(archive, STORE_MEMBER, manifest["store_sha256"])
            _check(archive, SEAL_MEMBER, manifest["seal_sha256"])
            for name, digest in manifest.get("queue", {}).items():
                if not _SAFE_NAME.match(name):
                    raise ValueError(f"a queue file named {name!r}")
                _check(archive, f"{QUEUE}/{name}", digest)
            for name, files in manifest["models"].items():
                if not _SAFE_NAME.match(name) or not files:
                    raise ValueError(f"a model named {name!r}")
                for relative, digest in files.items():
                    if not all(_SAFE_NAME.match(part) for part in relative.split("/")):
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
        raise SigverifyError(
            translate(
                "errors",
                "The backup “{file}” is damaged: what it holds no longer matches what was "
                "backed up. Use another copy of it.",
            ).format(file=path.name)
        ) from error


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


def _info(path: Path, manifest: dict) -> BackupInfo:
    return BackupInfo(
        path=path,
        created=str(manifest["created"]),
        app_version=str(manifest["app_version"]),
        people=int(manifest["people"]),
        references=int(manifest["references"]),
        audit_entries=int(manifest["audit_entries"]),
        last_audit_id=int(manifest["last_audit_id"]),
        models=tuple(manifest["models"]),
    )


# ------------------------------------------------------------------ putting one back


def restore_backup(
    path: str | Path, store_path: str | Path | None = None, operator: str | None = None
) -> RestoreResult:
    """Make the backup ``path`` the store at ``store_path`` (default: this computer's),
    the store there kept in ``replaced-stores/<time>/`` beside it, and add the backup's
    models missing here. Refused, with nothing changed, while the store is open or when
    the backup does not check out."""
    path = Path(path)
    store_path = store_file(store_path)
    info = read_backup(path)
    store_path.parent.mkdir(parents=True, exist_ok=True)
    _refuse_if_open(store_path)
    work = Path(tempfile.mkdtemp(dir=store_path.parent, prefix=".restoring-"))
    try:
        restored = work / store_path.name
        with zipfile.ZipFile(path) as archive:
            _extract(archive, STORE_MEMBER, restored)
            _extract(archive, SEAL_MEMBER, _seal_of(restored))
            queue = json.loads(archive.read(MANIFEST)).get("queue", {})
            if queue:
                queue_folder(restored).mkdir()
            for name in queue:
                _extract(archive, f"{QUEUE}/{name}", queue_folder(restored) / name)
        kept_in = _new_folder(store_path.parent / REPLACED_FOLDER) if store_path.exists() else None
        with Store(restored) as store:  # refuses a file not ours; brings an older one up to date
            intact, bad = store.verify_audit_chain()
            if not intact:
                raise StoreError(
                    translate(
                        "errors",
                        "The backup “{file}” cannot be restored: its audit log was changed "
                        "(entry #{entry} does not check out).",
                    ).format(file=path.name, entry=bad)
                )
            details = {
                "file": path.name,
                "made": info.created,
                "up_to": info.last_audit_id,
                "replaced": str(kept_in) if kept_in else None,
            }
            store.record(operator or operator_name(store), "restore", None, details)
        _refuse_if_open(store_path)  # (sigverify may have started meanwhile)
        if kept_in is not None:
            _keep(store_path, kept_in)
        # The store file is replaced in one step, never left missing (the app would start
        # on a new empty store, hiding the one kept); its seal right after it.
        os.replace(restored, store_path)
        os.replace(_seal_of(restored), _seal_of(store_path))
        if queue_folder(restored).is_dir():
            os.replace(queue_folder(restored), queue_folder(store_path))
        added, present = _put_models(path, info)
        return RestoreResult(info, kept_in, added, present)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _new_folder(parent: Path) -> Path:
    """A folder in ``parent`` named by the time, not there yet (two restores in a second)."""
    name = datetime.now().strftime("%Y-%m-%d-%H%M%S")
    folder, number = parent / name, 2
    while folder.exists():
        folder, number = parent / f"{name}-{number}", number + 1
    return folder


def _seal_of(store_path: Path) -> Path:
    return store_path.with_name(store_path.name + SEAL_SUFFIX)


def _keep(store_path: Path, kept_in: Path) -> None:
    """The store at ``store_path`` into the folder ``kept_in``, with what SQLite, the seal
    and the queue keep beside it: the store file and its seal linked there (copied where
    the disk cannot link), to be replaced in place afterwards; SQLite's journal files and
    the queue moved (a journal left beside the restored store would be read into it)."""
    kept_in.mkdir(parents=True, exist_ok=True)
    for suffix in ("", SEAL_SUFFIX):
        file = store_path.with_name(store_path.name + suffix)
        if file.exists():
            try:
                os.link(file, kept_in / file.name)
            except OSError:
                shutil.copy2(file, kept_in / file.name)
    for suffix in ("-wal", "-shm", ".queue"):
        file = store_path.with_name(store_path.name + suffix)
        if file.exists():
            os.replace(file, kept_in / file.name)


def _extract(archive: zipfile.ZipFile, member: str, target: Path) -> None:
    with archive.open(member) as source, open(target, "wb") as sink:
        shutil.copyfileobj(source, sink, _CHUNK)


def _refuse_if_open(store_path: Path) -> None:
    """Refuse when something has the store file open (sigverify on this computer, or a
    desk using it over a network share): the restored file would be written under it."""
    if not store_path.exists():
        return
    try:
        connection = sqlite3.connect(store_path, timeout=0.5, isolation_level=None)
        try:
            connection.execute("PRAGMA locking_mode=EXCLUSIVE")
            connection.execute("BEGIN EXCLUSIVE")  # refused while another connection is open
            connection.execute("COMMIT")
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        if not any(word in str(error).lower() for word in ("locked", "busy")):
            return  # not a store (a damaged file): it is kept aside all the same
        raise StoreError(
            translate(
                "errors",
                "The store “{path}” is open in sigverify: close sigverify (every window, and "
                "any desk using this file), then restore the backup.",
            ).format(path=store_path)
        ) from error


def _put_models(path: Path, info: BackupInfo) -> tuple[tuple[str, ...], tuple[str, ...]]:
    added, present = [], []
    root = installed_models_dir()
    with zipfile.ZipFile(path) as archive:
        for name in info.models:
            target = root / name
            if target.exists():
                present.append(name)
                continue
            work = Path(tempfile.mkdtemp(dir=root, prefix=f".{name}."))
            try:
                prefix = f"{MODELS}/{name}/"
                for member in archive.namelist():
                    if member.startswith(prefix):
                        file = work / member[len(prefix) :]
                        file.parent.mkdir(parents=True, exist_ok=True)
                        _extract(archive, member, file)
                        readable_by_all(file)
                work.chmod(0o755)
                os.replace(work, target)
                added.append(name)
            finally:
                shutil.rmtree(work, ignore_errors=True)
    return tuple(added), tuple(present)


# ------------------------------------------------------------------ at the next start


def _pending_folder(store_path: str | Path | None) -> Path:
    store_path = store_file(store_path)
    return store_path.with_name(store_path.name + PENDING_SUFFIX)


def scheduled_restore(store_path: str | Path | None = None) -> Path | None:
    """The copy of the backup waiting to be restored at the app's next start, if any."""
    folder = _pending_folder(store_path)
    waiting = sorted(folder.glob("*.zip")) if folder.is_dir() else []
    return waiting[0] if waiting else None


def schedule_restore(path: str | Path, store_path: str | Path | None = None) -> BackupInfo:
    """Check the backup ``path`` and keep a copy of it beside the store, under its own
    name, to be restored at the next start (the file itself may be on a stick taken away
    meanwhile); one chosen before is forgotten."""
    path = Path(path)
    info = read_backup(path)
    cancel_scheduled_restore(store_path)
    folder = _pending_folder(store_path)
    folder.mkdir(parents=True, exist_ok=True)
    partial = _temporary(folder / path.name, ".partial")
    try:
        shutil.copyfile(path, partial)
        os.replace(partial, folder / path.name)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return info


def cancel_scheduled_restore(store_path: str | Path | None = None) -> bool:
    """Forget a backup waiting to be restored; True if there was one."""
    folder = _pending_folder(store_path)
    existed = scheduled_restore(store_path) is not None
    shutil.rmtree(folder, ignore_errors=True)
    return existed


def restore_scheduled(
    store_path: str | Path | None = None, operator: str | None = None
) -> RestoreResult | None:
    """At start, before the store is opened: restore the backup waiting (None when there
    is none). It is tried once: on a failure it is kept beside the store as
    ``<name>.restore-failed.zip`` and the store stays as it was."""
    pending = scheduled_restore(store_path)
    if pending is None:
        return None
    try:
        result = restore_backup(pending, store_path, operator)
    except BaseException:
        os.replace(pending, failed_restore_path(store_path))
        shutil.rmtree(pending.parent, ignore_errors=True)
        raise
    shutil.rmtree(pending.parent, ignore_errors=True)
    return result


def failed_restore_path(store_path: str | Path | None = None) -> Path:
    """Where a backup that could not be restored at start is kept."""
    store_path = store_file(store_path)
    return store_path.with_name(store_path.name + ".restore-failed.zip")
