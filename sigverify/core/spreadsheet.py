"""Text cells of the CSV files sigverify writes, made safe to open in a spreadsheet: a
cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read by
Excel or LibreOffice as a formula (a person id or file name such as
``=HYPERLINK(...)`` would run). Such a cell is written with a leading apostrophe, which
spreadsheets show as plain text; a cell that begins with an apostrophe gets a second one,
so that :func:`from_cell` gives back exactly what was written."""

from __future__ import annotations

import csv
import os
from pathlib import Path

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")


def to_cell(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def from_cell(cell: str) -> str:
    return cell[1:] if cell.startswith("'") else cell


def append_rows(path: Path, columns: tuple[str, ...], rows: list[list]) -> None:
    """Append ``rows`` to the CSV at ``path`` (with the ``columns`` header first when the
    file is new or empty), every cell written with :func:`to_cell`, and on the disk
    (fsync) before it returns: sigverify's CSV logs are only ever appended to."""
    new = not path.exists() or path.stat().st_size == 0
    with path.open("a", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        if new:
            writer.writerow(columns)
        writer.writerows([[to_cell(str(v)) for v in row] for row in rows])
        handle.flush()
        os.fsync(handle.fileno())
