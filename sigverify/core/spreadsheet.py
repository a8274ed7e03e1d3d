"""Text cells of the CSV files sigverify writes, made safe to open in a spreadsheet: a
cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read by
Excel or LibreOffice as a formula (a person id or file name such as
``=HYPERLINK(...)`` would run). Such a cell is written with a leading apostrophe, which
spreadsheets show as plain text; a cell that begins with an apostrophe gets a second one,
so that :func:`from_cell` gives back exactly what was written."""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")


def to_cell(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def from_cell(cell: str) -> str:
    return cell[1:] if cell.startswith("'") else cell
