"""The items of a batch (:mod:`sigverify.core.batch`): a CSV list with a header naming a
``person`` column and an ``image`` column (also accepted: ``person_id``/``id``,
``file``/``path``; commas, semicolons or tabs; image paths relative to the CSV's folder), or
a folder holding one folder per person, named by the person's id, with that person's images
inside (``<person id>/<file>``)."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from sigverify.core.errors import SigverifyError
from sigverify.core.i18n import translate
from sigverify.core.imaging.imageio import IMAGE_SUFFIXES

PERSON_COLUMNS = ("person", "person_id", "id")
IMAGE_COLUMNS = ("image", "file", "path")


def file_stamp(path: Path) -> str:
    """``"size-mtime"`` of a file ("" when it cannot be read): a cheque scanned again under
    the same name is a new item."""
    try:
        info = path.stat()
    except OSError:
        return ""
    return f"{info.st_size}-{info.st_mtime_ns}"


@dataclass(frozen=True)
class BatchItem:
    """One thing to check: ``image`` as written in the list and ``path``, where that file
    is. ``problem``: why the list's row cannot be checked (a missing person id or image),
    else empty. A re-run matches items by :attr:`key`: the person, the file's full path
    and its :func:`file_stamp`, so yesterday's ``C-7/cheque-1.png`` in another folder, or
    scanned again, is not taken for today's."""

    row: int  # the row's number in the list (1 = the first item)
    person_id: str
    image: str
    path: Path
    problem: str = ""

    @property
    def file(self) -> str:
        return str(self.path.resolve())

    @property
    def key(self) -> tuple[str, str, str]:
        return self.person_id, self.file, file_stamp(self.path)


def read_items(source: str | Path, owner: str = "") -> list[BatchItem]:
    """The items of a CSV list or of a folder of per-person folders (module notes).
    ``owner``: the person whose are the images lying in the folder itself (a person's own
    folder chosen, named by their ID); without one, those are refused as in no person's
    folder."""
    source = Path(source)
    if source.is_dir():
        return _folder_items(source, owner)
    if not source.is_file():
        raise SigverifyError(
            translate("errors", "“{name}” is neither a CSV list nor a folder.").format(
                name=source.name or str(source)
            )
        )
    return _csv_items(source)


def natural_key(text: str) -> list:
    """Sorts "cheque-9" before "cheque-10", as a person reads numbers."""
    return [(0, int(part), "") if part.isdigit() else (1, 0, part.casefold())
            for part in re.split(r"(\d+)", text)]  # fmt: skip


#: Files a computer puts in folders by itself: never a clerk's, never said.
SYSTEM_FILES = {"thumbs.db", "desktop.ini", ".ds_store"}


def left_out_files(source: str | Path) -> list[Path]:
    """The files of a queue folder that are not pictures and so are not added (a notes.txt
    went without a word: seen in a real window); none for a CSV list."""
    folder = Path(source)
    if not folder.is_dir():
        return []
    return sorted(
        (p for p in folder.rglob("*")
         if p.is_file() and p.suffix.lower() not in IMAGE_SUFFIXES
         and p.name.lower() not in SYSTEM_FILES and not p.name.startswith(".")),
        key=lambda p: natural_key(p.relative_to(folder).as_posix()),
    )  # fmt: skip


def _folder_items(folder: Path, owner: str = "") -> list[BatchItem]:
    items = []
    images = [p for p in folder.rglob("*") if p.suffix.lower() in IMAGE_SUFFIXES]
    for path in sorted(images, key=lambda p: natural_key(p.relative_to(folder).as_posix())):
        relative = path.relative_to(folder)
        person = relative.parts[0] if len(relative.parts) > 1 else owner
        problem = (
            ""
            if person
            else translate(
                "errors",
                "It is not in a person's folder: put each person's signatures in a folder "
                "named by their ID (for example C-1042/cheque.png).",
            )
        )
        items.append(BatchItem(len(items) + 1, person, relative.as_posix(), path, problem))
    if not items:
        raise SigverifyError(
            translate(
                "errors",
                "The folder “{name}” holds no images: put each person's signatures in a "
                "folder named by the person's id.",
            ).format(name=folder.name)
        )
    return items


def _column(header: list[str], names: tuple[str, ...]) -> int | None:
    lowered = [h.strip().lower() for h in header]
    return next((lowered.index(n) for n in names if n in lowered), None)


def _csv_items(path: Path) -> list[BatchItem]:
    try:
        text = path.read_text(encoding="utf-8-sig")  # Excel writes a byte-order mark
    except (OSError, UnicodeDecodeError) as error:
        raise SigverifyError(
            translate("errors", "The list “{name}” could not be read: {error}").format(
                name=path.name, error=getattr(error, "strerror", None) or error
            )
        ) from error
    lines = text.splitlines()
    try:
        dialect = csv.Sniffer().sniff(lines[0] if lines else "", delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = list(csv.reader(lines, dialect))
    header = rows[0] if rows else []
    person_at, image_at = _column(header, PERSON_COLUMNS), _column(header, IMAGE_COLUMNS)
    if person_at is None or image_at is None:
        raise SigverifyError(
            translate(
                "errors",
                "The list “{name}” needs a first line naming its columns, with a “person” "
                "column (the person's id) and an “image” column (the signature's file).",
            ).format(name=path.name)
        )
    items = []
    for number, row in enumerate(rows[1:], start=1):
        if not any(cell.strip() for cell in row):
            continue  # blank lines
        person = row[person_at].strip() if person_at < len(row) else ""
        image = row[image_at].strip() if image_at < len(row) else ""
        problem = ""
        if not person:
            problem = translate("errors", "The row gives no person id.")
        elif not image:
            problem = translate("errors", "The row gives no image file.")
        items.append(BatchItem(number, person, image, path.parent / image, problem))
    if not items:
        raise SigverifyError(
            translate("errors", "The list “{name}” has no rows to check.").format(name=path.name)
        )
    return items
