"""Putting a backup (:mod:`sigverify.core.store_backup`) back as the store on this computer.

The backup is checked whole before anything here is touched: each file against its
digest, the store as ours, and every row of it against its seal (a copy edited with
database tools is refused, not met later by a clerk). Restoring is refused while the store
is open. The models of the backup this computer lacks are installed first; then the
store file is replaced in one step, so that it is never missing (the app would start on a
new, empty one), and anything that fails while the store, its seal and its queue are
swapped puts the old ones back. The store replaced is kept in ``replaced-stores/<time>/``
beside it: nothing is deleted. The restored store's audit log records the restore.

The app restores at its next start, when nothing has the store open:
:mod:`sigverify.core.restore_at_next_start`.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import sqlite3
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from sigverify.core.backup_encryption import (
    BackupKey,
    backup_key,
    keep_backup_key,
    opened,
)
from sigverify.core.errors import SigverifyError, StoreError, StoreIntegrityError
from sigverify.core.files import folder_beside, readable_by_all, remove_leftovers
from sigverify.core.i18n import translate
from sigverify.core.model.catalog import installed_models_dir
from sigverify.core.operators import current_operator, operator_name
from sigverify.core.queue import queue_folder
from sigverify.core.store import Store
from sigverify.core.store.seal import Seal
from sigverify.core.store_backup import (
    MANIFEST,
    MODELS,
    QUEUE,
    SEAL_MEMBER,
    STORE_MEMBER,
    BackupInfo,
    read_backup,
    store_file,
    work_after,
)

REPLACED_FOLDER = "replaced-stores"

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RestoreResult:
    backup: BackupInfo
    kept_in: Path | None  # where the store it replaced now lies (None: there was none)
    models_added: tuple[str, ...]
    models_already_here: tuple[str, ...]  # a folder of that name was here: left as it was
    backup_key: str | None = None  # the key backups are encrypted with from now on
    key_kept: bool = False  # that key is the replaced store's, not the backup's own
    replaced_empty: bool = False  # the store replaced held nobody (kept all the same)


def restore_backup(
    path: str | Path,
    store_path: str | Path | None = None,
    operator: str | None = None,
    passphrase: str | None = None,
) -> RestoreResult:
    """Make the backup ``path`` the store at ``store_path`` (default: this computer's),
    recorded under ``operator`` (default: the operator of the store it replaces);
    ``passphrase`` opens an encrypted one. Refused, with the store unchanged, while it is
    open or when the backup does not check out."""
    path = Path(path)
    store_path = store_file(store_path)
    with opened(path, passphrase, store_path) as plain:
        info = replace(read_backup(plain), path=path)
        store_path.parent.mkdir(parents=True, exist_ok=True)
        who, key_now, empty = replaced_store(store_path)
        operator = operator or who
        _refuse_if_open(store_path)
        remove_leftovers(store_path)
        with _checked_copy(plain, store_path) as restored:
            kept_in = (
                _new_folder(store_path.parent / REPLACED_FOLDER) if store_path.exists() else None
            )
            with Store(restored) as store:
                details = {
                    "file": path.name,
                    "made": info.created,
                    "up_to": info.last_audit_id,
                    "replaced": str(kept_in) if kept_in else None,
                }
                store.record(operator, "restore", None, details)
                key, kept = keep_backup_key(store, key_now, operator)
            added, present = _put_models(plain)  # before the swap: a failure leaves the store
            _refuse_if_open(store_path)  # (sigverify may have started meanwhile)
            _swap(restored, store_path, kept_in)
            return RestoreResult(
                info,
                kept_in,
                added,
                present,
                backup_key=None if key is None else key.fingerprint,
                key_kept=kept,
                replaced_empty=empty,
            )


@contextmanager
def _checked_copy(path: Path, store_path: Path) -> Iterator[Path]:
    """The backup ``path`` unpacked beside the store at ``store_path`` (this computer's
    user data, not a shared temporary folder) as a store file of that name, every row of
    it checked against its seal; the folder is removed afterwards."""
    work = folder_beside(store_path, "restoring")
    try:
        restored = work / store_path.name
        _unpack(path, restored)
        with Store(restored) as store:  # refuses a file not ours; brings an older one up to date
            try:
                store.check_every_row()
            except StoreIntegrityError as error:
                raise StoreIntegrityError(
                    translate(
                        "errors",
                        "The backup “{file}” cannot be restored: it was changed after it was "
                        "made. {reason}",
                    ).format(file=path.name, reason=error)
                ) from error
        yield restored
    finally:
        shutil.rmtree(work, ignore_errors=True)


def replaced_store(store_path: Path) -> tuple[str, BackupKey | None, bool]:
    """Who restores, the key backups are encrypted with, and whether it is empty (a new
    computer's), as the store being replaced has them: its operator (the backup's own
    setting names whoever worked when it was made; with no store, or a damaged one, the
    computer's user), its backup key, and no one enrolled nor more than one entry."""
    if store_path.exists():
        try:
            with Store(store_path) as store:
                # (a restore chosen for it is no work: a new computer's store stays empty)
                done = sum(work_after(store, 0).values())
                empty = not store.people_mark()[0] and done <= 1
                return operator_name(store), backup_key(store), empty
        except SigverifyError:
            pass  # (a damaged store: that is what the backup is for)
    return current_operator(), None, True


def _unpack(path: Path, restored: Path) -> None:
    """The backup's store, seal and queue as ``restored`` and the files beside it."""
    with zipfile.ZipFile(path) as archive:
        _extract(archive, STORE_MEMBER, restored)
        _extract(archive, SEAL_MEMBER, Seal(restored).path)
        queue = json.loads(archive.read(MANIFEST)).get("queue", {})
        if queue:
            queue_folder(restored).mkdir()
        for name in queue:  # (names checked by read_backup)
            _extract(archive, f"{QUEUE}/{name}", queue_folder(restored) / name)


def _swap(restored: Path, store_path: Path, kept_in: Path | None) -> None:
    """``restored`` (with its seal and queue) in the place of the store at ``store_path``,
    that store kept in ``kept_in``. The store file is replaced in one step, its seal right
    after; a failure on the way puts everything back as it was."""
    try:
        if kept_in is not None:
            _keep(store_path, kept_in)
        os.replace(restored, store_path)
        os.replace(Seal(restored).path, Seal(store_path).path)
        if queue_folder(restored).is_dir():
            os.replace(queue_folder(restored), queue_folder(store_path))
    except BaseException:
        if kept_in is not None:
            try:
                _put_back(store_path, kept_in)
            except OSError:  # the store is then in replaced-stores/, said in the log
                log.exception("the store could not be put back from %s", kept_in)
        raise


def _kept_files(store_path: Path) -> tuple[list[Path], list[Path]]:
    """Beside the store: what is linked into the folder kept (the store file, its seal,
    replaced in place afterwards) and what is moved there (SQLite's journal files, which
    would be read into the restored store, and the queue)."""
    linked = [store_path, Seal(store_path).path]
    moved = [store_path.with_name(store_path.name + s) for s in ("-wal", "-shm", ".queue")]
    return linked, moved


def _keep(store_path: Path, kept_in: Path) -> None:
    kept_in.mkdir(parents=True, exist_ok=True)
    linked, moved = _kept_files(store_path)
    for file in linked:
        if file.exists():
            try:
                os.link(file, kept_in / file.name)
            except OSError:  # (a disk that cannot link)
                shutil.copy2(file, kept_in / file.name)
    for file in moved:
        if file.exists():
            os.replace(file, kept_in / file.name)


def _put_back(store_path: Path, kept_in: Path) -> None:
    """Undo :func:`_keep` after a failed swap: what was replaced gets its kept file back
    (a file still the kept one, linked, is left), what was moved is moved back."""
    linked, moved = _kept_files(store_path)
    for file in linked:
        kept = kept_in / file.name
        if kept.exists() and not (file.exists() and os.path.samefile(kept, file)):
            os.replace(kept, file)
    for file in moved:
        kept = kept_in / file.name
        if kept.exists():
            if file.is_dir():  # the backup's queue, placed already
                shutil.rmtree(file)
            os.replace(kept, file)
    shutil.rmtree(kept_in, ignore_errors=True)


def _new_folder(parent: Path) -> Path:
    """A folder in ``parent`` named by the time, not there yet (two restores in a second)."""
    name = datetime.now().strftime("%Y-%m-%d-%H%M%S")
    folder, number = parent / name, 2
    while folder.exists():
        folder, number = parent / f"{name}-{number}", number + 1
    return folder


def _extract(archive: zipfile.ZipFile, member: str, target: Path) -> None:
    with archive.open(member) as source, open(target, "wb") as sink:
        shutil.copyfileobj(source, sink, 1 << 20)


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


def _put_models(path: Path) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The backup's models this computer lacks, installed: only the files its manifest
    lists (names and digests checked by :func:`read_backup`), each inside its folder."""
    added, present = [], []
    root = installed_models_dir()
    with zipfile.ZipFile(path) as archive:
        models = json.loads(archive.read(MANIFEST))["models"]
        for name, files in models.items():
            target = root / name
            if target.exists():
                present.append(name)
                continue
            work = Path(tempfile.mkdtemp(dir=root, prefix=f".{name}."))
            try:
                for relative in files:
                    file = (work / relative).resolve()
                    if not file.is_relative_to(work.resolve()):
                        raise StoreError(f"a model file outside its folder: {relative!r}")
                    file.parent.mkdir(parents=True, exist_ok=True)
                    _extract(archive, f"{MODELS}/{name}/{relative}", file)
                    readable_by_all(file)
                work.chmod(0o755)
                os.replace(work, target)
                added.append(name)
            finally:
                shutil.rmtree(work, ignore_errors=True)
    return tuple(added), tuple(present)


def check_backup(
    path: str | Path, store_path: str | Path | None = None, passphrase: str | None = None
) -> BackupInfo:
    """What the backup ``path`` holds (``passphrase`` opens an encrypted one), once every
    file and every row of it checks out (:func:`read_backup` checks the files only),
    unpacked beside the store at ``store_path`` meanwhile; nothing is left behind."""
    path = Path(path)
    with opened(path, passphrase, store_file(store_path)) as plain:
        return replace(checked_people(plain, store_path)[0], path=path)


def checked_people(plain: Path, store_path: str | Path | None) -> tuple[BackupInfo, dict]:
    """What the plain backup ``plain`` holds once it checks out whole, and who: each
    person's id and their number of references."""
    info = read_backup(plain)
    with _checked_copy(plain, store_file(store_path)) as restored, Store(restored) as store:
        return info, {person.id: person.reference_count for person in store.list_people()}
