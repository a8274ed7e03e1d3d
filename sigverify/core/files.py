"""Files written whole: a new file beside the old one takes its place in one step, so a
reader (or a crash) meets the old file or the new one, never half of one."""

from __future__ import annotations

import errno
import glob
import os
import re
import shutil
import tempfile
import time
from pathlib import Path

from sigverify.core.i18n import translate


def readable_by_all(path: str | Path) -> None:
    """mkstemp makes owner-only files; model files are meant to be shared (umask applies)."""
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(path, 0o644 & ~umask)


def write_atomically(path: Path, data: bytes, before_replacing=None) -> None:
    """``data`` as the file ``path``, replacing it whole; nothing is left behind on failure.
    ``before_replacing()``, when given, runs once the data is written and before it takes
    the old file's place: if it fails, the old file stays as it was."""
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    readable_by_all(temp)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        if before_replacing is not None:
            before_replacing()
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def temporary_beside(path: Path, suffix: str) -> Path:
    """A new empty file in ``path``'s folder, hidden and named after it, owner-only (as
    ``mkstemp`` makes it: a backup's work files hold every signature)."""
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=suffix)
    os.close(handle)
    return Path(name)


#: The kinds of :func:`folder_beside` a store's work leaves when stopped on the way (a
#: copy of every signature each): removed once old (:func:`remove_leftovers`).
WORK_FOLDER_KINDS = ("restoring", "decrypting", "prepared")

#: A work file older than this was left by a process stopped on the way: nothing is still
#: writing it (a backup of a 631 MB store takes 3-4 s).
LEFTOVER_SECONDS = 3600


def remove_leftovers(store_path: Path, kinds: tuple[str, ...] = WORK_FOLDER_KINDS) -> None:
    """The work files of a backup or restore of the store at ``store_path`` stopped on the
    way (a copy of every signature each: a restore question left open when the app was
    closed left a plain copy), once old enough that no process is still writing them;
    of the work folders, those of ``kinds`` only (a backup leaves a restore question's
    copy alone: the question may still be open)."""
    old = time.time() - LEFTOVER_SECONDS
    # (the name escaped: "store[1]" matched another store's files, a review found)
    for path in store_path.parent.glob(f".{glob.escape(store_path.name)}.*"):
        work = any(f".{kind}-" in path.name for kind in kinds)
        if path.name.endswith((".backup.db", ".partial")) or work:
            try:
                if path.stat().st_mtime < old:
                    shutil.rmtree(path) if path.is_dir() else path.unlink()
            except OSError:
                pass


def folder_beside(path: Path, kind: str) -> Path:
    """A new empty folder in ``path``'s folder (made if need be), hidden and named after
    it and ``kind`` (one of :data:`WORK_FOLDER_KINDS`), owner-only (as ``mkdtemp`` makes
    it)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(dir=path.parent, prefix=f".{path.name}.{kind}-"))


def file_stem(text: str, fallback: str) -> str:
    """``text`` (a person's id) as the start of a file name: letters, digits, dots and
    hyphens kept, anything else (a slash, a space) one underscore; ``fallback`` if nothing
    is left."""
    return re.sub(r"[^\w.-]+", "_", text).strip("._") or fallback


def unused_path(path: str | Path) -> Path:
    """``path``, or when a file is there, the first of ``stem (2).suffix``,
    ``stem (3).suffix``… that is free: a name offered that does not replace a file."""
    path = Path(path)
    candidate, number = path, 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem} ({number}){path.suffix}")
        number += 1
    return candidate


def disk_reason(error: BaseException) -> str:
    """Why a file could not be written, in the reader's language where it is a common
    case (the system's own words are English: "No such file or directory" stood in a
    Chinese message, seen), else as the system or SQLite says it."""
    words = {
        errno.ENOENT: translate("errors", "the folder does not exist"),
        errno.EACCES: translate("errors", "no permission to write there"),
        errno.EPERM: translate("errors", "no permission to write there"),
        errno.ENOSPC: translate("errors", "the disk is full"),
        errno.EROFS: translate("errors", "the disk can only be read"),
    }
    if getattr(error, "errno", None) in words:
        return words[error.errno]
    if "full" in str(error).lower():  # (SQLite's "database or disk is full")
        return words[errno.ENOSPC]
    return getattr(error, "strerror", None) or str(error)


def same_disk(path: str | Path, other: str | Path) -> bool:
    """Whether ``path`` (a file or folder, which may not exist yet: its nearest existing
    folder) lies on the same file system as ``other``: a backup there is lost with the
    store when the disk dies. False when either cannot be looked at."""

    def device(place: Path) -> int | None:
        for folder in (place, *place.parents):
            try:
                return os.stat(folder).st_dev
            except OSError:
                continue
        return None

    here, there = device(Path(path).absolute()), device(Path(other).absolute())
    return here is not None and here == there
