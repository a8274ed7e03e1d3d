"""Files written whole: a new file beside the old one takes its place in one step, so a
reader (or a crash) meets the old file or the new one, never half of one."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path


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


def file_stem(text: str, fallback: str) -> str:
    """``text`` (a person's id) as the start of a file name: letters, digits, dots and
    hyphens kept, anything else (a slash, a space) one underscore; ``fallback`` if nothing
    is left."""
    return re.sub(r"[^\w.-]+", "_", text).strip("._") or fallback
