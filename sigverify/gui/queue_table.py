"""The Queue page's list: one row a queue item (person, file, the machine's answer and
score, the clerk's word, what was said), its columns sized once the rows are in."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem

from sigverify.core.queue import QueueRow, settlement_word
from sigverify.core.report import COLOURS
from sigverify.gui.queue_settling import score_text
from sigverify.gui.widgets import SIZED_BY_ROWS


def _tr(text: str) -> str:
    return QCoreApplication.translate("QueuePage", text)


def shown_name(image: str, names: Counter) -> str:
    """An item's file name, with its folder when another item shown has the same name (two
    "original_3_10.png" rows, one accepted and one rejected, could not be told apart: seen
    in a real window)."""
    path = Path(image)
    return path.name if names[path.name] < 2 else f"{path.parent.name}/{path.name}"


def _cells(row: QueueRow, names: Counter, people: dict[str, str]) -> tuple[str, ...]:
    machine = {
        "accept": _tr("Accepted"),
        "review": _tr("Needs review"),
        "reject": _tr("Rejected"),
    }.get(row.decision, _tr("could not check"))
    if not row.decision and not row.error:
        machine = _tr("not checked yet")
    settled = _tr("waiting") if row.needs_clerk else settlement_word(row.settled)
    said = " — ".join(t for t in (row.error, row.notes, row.comment) if t)
    name = people.get(row.person_id)
    person = f"{name} — {row.person_id}" if name else row.person_id  # as People lists them
    return (person, shown_name(row.image, names), machine, score_text(row), settled,
            said)  # fmt: skip


def fill_queue_table(
    table: QTableWidget, rows: list[QueueRow], people: dict[str, str] | None = None
) -> None:
    """``rows`` in ``table`` (``people``: names by id, shown beside the ids), then the
    columns sized once: sized to their contents at every cell set, 200 items took 50 s and
    900 about 15 min, the window frozen (seen in a real window)."""
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.setRowCount(len(rows))
    names = Counter(Path(row.image).name for row in rows)
    for r, row in enumerate(rows):
        for c, text in enumerate(_cells(row, names, people or {})):
            item = QTableWidgetItem(text)
            item.setToolTip(row.image if c == 1 else text)
            if c == 2 and row.decision:
                item.setForeground(QColor(COLOURS[row.decision]))
            table.setItem(r, c, item)
    size_queue_columns(table)


def size_queue_columns(table: QTableWidget) -> None:
    """Each column as wide as its contents (by the rows in view and a hundred more), the
    comments taking what is left; the file names at most a third of the list (shortened,
    wider by dragging its edge: one long name squeezed the reasons to "…", seen in a real
    window)."""
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
    header.setResizeContentsPrecision(SIZED_BY_ROWS)
    table.resizeColumnToContents(1)
    widest = max(160, table.viewport().width() // 3)
    header.resizeSection(1, min(header.sectionSize(1), widest))
