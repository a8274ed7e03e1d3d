"""A backup restored at the app's next start, when nothing has the store open: chosen
and checked now (:func:`prepare_restore`: brought beside the store, read once from the
stick, decrypted if it is encrypted), kept waiting in ``store.sqlite3.restore-pending/``
(:func:`schedule_prepared`), restored by :func:`restore_scheduled` at start, before the
store opens (:func:`sigverify.core.store_restore.restore_backup`)."""

from __future__ import annotations

import json
import os
import shutil
import time
from dataclasses import dataclass, replace
from pathlib import Path

from sigverify.core.backup_encryption import decrypt_backup, encrypt_backup, is_encrypted
from sigverify.core.errors import SigverifyError
from sigverify.core.files import (
    LEFTOVER_SECONDS,
    folder_beside,
    remove_leftovers,
    temporary_beside,
)
from sigverify.core.i18n import translate
from sigverify.core.store import Store
from sigverify.core.store.records import AuditEntry
from sigverify.core.store_backup import NOT_WORK, BackupInfo, read_backup, store_file
from sigverify.core.store_restore import (
    RestoreResult,
    checked_people,
    replaced_store,
    restore_backup,
)

PENDING_SUFFIX = ".restore-pending"
_OPERATOR_FILE = "operator.json"
_RESTORING = ".restoring"  # a start restoring the backup waiting (one at a time)


def _pending_folder(store_path: str | Path | None) -> Path:
    store_path = store_file(store_path)
    return store_path.with_name(store_path.name + PENDING_SUFFIX)


def scheduled_restore(store_path: str | Path | None = None) -> Path | None:
    """The copy of the backup waiting to be restored at the app's next start, if any."""
    folder = _pending_folder(store_path)
    waiting = sorted(folder.glob("*.zip")) if folder.is_dir() else []
    return waiting[0] if waiting else None


@dataclass(frozen=True)
class PreparedRestore:
    """A backup brought beside the store and checked whole (:func:`prepare_restore`),
    waiting for the clerk's word: :func:`schedule_prepared` or :func:`discard_prepared`."""

    info: BackupInfo
    copy: Path  # the plain backup, in a hidden folder of its own beside the store
    people: dict  # who the backup holds: each person's id and number of references


def prepare_restore(
    path: str | Path, store_path: str | Path | None = None, passphrase: str | None = None
) -> PreparedRestore:
    """Bring the backup ``path`` beside the store at ``store_path``, read once from where
    it lies (a stick may be slow; an encrypted one decrypted with ``passphrase``, and kept
    so, as the store itself is), and check it whole there: every file, every row against
    its seal, as the restore will. Nothing is left when it does not check out."""
    path = Path(path)
    store_path = store_file(store_path)
    remove_leftovers(store_path)  # (a question left open when the app closed: its copy)
    folder = folder_beside(store_path, "prepared")
    try:
        copy = folder / path.name
        if is_encrypted(path):
            decrypt_backup(path, copy, passphrase)
        elif path.is_file():
            shutil.copyfile(path, copy)
        else:
            read_backup(path)  # (says there is no such file, in its words)
        info, people = checked_people(copy, store_path)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return PreparedRestore(replace(info, path=path), copy, people)


def schedule_prepared(
    prepared: PreparedRestore,
    store_path: str | Path | None = None,
    operator: str | None = None,
    told_up_to: int | None = None,
) -> None:
    """Keep the prepared backup to be restored at the next start by ``operator``; one
    chosen before is forgotten, unless the prepared copy is gone (removed as an old work
    file by a restore at another desk or process): said, and the one before kept.
    ``told_up_to``: the store's last audit entry when the clerk was told what the restore
    leaves out (:func:`recorded_since_chosen`)."""
    if not prepared.copy.is_file():
        raise SigverifyError(
            translate(
                "errors",
                "The copy of “{file}” made for this restore is gone (a restore question left "
                "open over an hour may lose it): choose Restore from a backup… again.",
            ).format(file=prepared.info.path.name)
        )
    cancel_scheduled_restore(store_path)
    folder = _pending_folder(store_path)
    folder.mkdir(parents=True, exist_ok=True)
    os.replace(prepared.copy, folder / prepared.copy.name)
    shutil.rmtree(prepared.copy.parent, ignore_errors=True)
    chosen = {"operator": operator, "told_up_to": told_up_to}
    (folder / _OPERATOR_FILE).write_text(json.dumps(chosen), "utf-8")


def note_restore_choice(store, operator: str, file: str, made: str | None = None) -> None:
    """In ``store``'s audit log: the backup ``file`` (made ``made``) chosen to replace the
    store at the next start, or, without ``made``, that choice called off (neither was
    recorded, only a restore done: a real-window pass)."""
    if made is None:
        store.record(operator, "restore_called_off", None, {"file": file})
    else:
        store.record(operator, "restore_chosen", None, {"file": file, "made": made})


def discard_prepared(prepared: PreparedRestore) -> None:
    """The clerk said no: the copy goes."""
    shutil.rmtree(prepared.copy.parent, ignore_errors=True)


def schedule_restore(
    path: str | Path,
    store_path: str | Path | None = None,
    operator: str | None = None,
    passphrase: str | None = None,
) -> BackupInfo:
    """Check the backup ``path`` whole and keep it beside the store, under its own name,
    to be restored at the next start by ``operator`` (the file itself may be on a stick
    taken away meanwhile): :func:`prepare_restore` then :func:`schedule_prepared`."""
    prepared = prepare_restore(path, store_path, passphrase)
    schedule_prepared(prepared, store_path, operator)
    return prepared.info


def cancel_scheduled_restore(store_path: str | Path | None = None) -> bool:
    """Forget a backup waiting to be restored; True if there was one."""
    folder = _pending_folder(store_path)
    existed = scheduled_restore(store_path) is not None
    shutil.rmtree(folder, ignore_errors=True)
    return existed


def recorded_since_chosen(store_path: str | Path | None = None) -> list[AuditEntry]:
    """The work the store's audit log gained after the clerk chose the backup waiting and
    was told what the restore leaves out (backups, wrong passphrases and the like aside:
    :data:`~sigverify.core.store_backup.NOT_WORK`). A clerk who went on working after
    choosing the restore lost that work from the store at the next start, unsaid (seen in
    a real window: a verification recorded as entry #41, gone). Nothing waiting, a restore
    chosen by an earlier sigverify, no store yet or one that cannot be read: none."""
    pending = scheduled_restore(store_path)
    if pending is None or (pending.parent / _RESTORING).exists():
        return []  # (another start restores it now: nothing to ask, a review)
    try:
        told = json.loads((pending.parent / _OPERATOR_FILE).read_text("utf-8"))["told_up_to"]
        told = int(told)
    except (OSError, ValueError, KeyError, TypeError):
        return []
    store_path = store_file(store_path)
    if not store_path.exists():  # (opening it would make one)
        return []
    try:
        with Store(store_path) as store:
            return [e for e in store.audit_entries(after=told) if e.action not in NOT_WORK]
    except SigverifyError:  # (a damaged store: that is what the backup is for)
        return []


def restore_scheduled(store_path: str | Path | None = None) -> RestoreResult | None:
    """At start, before the store is opened: restore the backup waiting (None when there
    is none, or while another start of the app is restoring it). It is tried once: on a
    failure it is kept beside the store as ``<name>.restore-failed.zip`` and the store
    stays as it was."""
    pending = scheduled_restore(store_path)
    if pending is None:
        return None
    folder = pending.parent
    lock = folder / _RESTORING
    try:  # one start at a time (a clerk who thought the app had not started)
        os.close(os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    except FileExistsError:
        if time.time() - lock.stat().st_mtime < LEFTOVER_SECONDS:
            return None
    try:
        who = json.loads((folder / _OPERATOR_FILE).read_text("utf-8"))["operator"]
    except (OSError, ValueError, KeyError, TypeError):
        who = None
    try:
        result = restore_backup(pending, store_path, who)
    except BaseException:
        _keep_failed(pending, store_path)
        shutil.rmtree(folder, ignore_errors=True)
        raise
    shutil.rmtree(folder, ignore_errors=True)
    return result


def _keep_failed(pending: Path, store_path: str | Path | None) -> None:
    """The backup that could not be restored, kept as :func:`failed_restore_path`:
    encrypted again for the store's backup key when it has one (the copy waiting was kept
    decrypted, and the clerk is told where it lies), else as it is."""
    failed = failed_restore_path(store_path)
    key = replaced_store(store_file(store_path))[1]
    if key is not None:
        partial = temporary_beside(failed, ".partial")
        try:
            encrypt_backup(pending, partial, key)
            os.replace(partial, failed)
            pending.unlink()
            return
        except OSError:
            partial.unlink(missing_ok=True)  # (kept as it is, rather than lost)
    os.replace(pending, failed)


def failed_restore_path(store_path: str | Path | None = None) -> Path:
    """Where a backup that could not be restored at start is kept."""
    store_path = store_file(store_path)
    return store_path.with_name(store_path.name + ".restore-failed.zip")
