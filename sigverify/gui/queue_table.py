"""The Queue page's list: one row a queue item (person, file, the machine's answer and
score, the clerk's word, what was said), its columns sized once the rows are in."""

from __future__ import annotations

import os
from collections import Counter

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem

from sigverify.core.queue import QueueRow, machine_word, settlement_word
from sigverify.core.report import COLOURS
from sigverify.core.store.records import person_label
from sigverify.gui.list_rows import ELIDED_IN_THE_MIDDLE
from sigverify.gui.queue_settling import score_text

#: Filter choices: which rows each shows.
FILTERS = {
    "all": lambda row: True,
    "clerk": lambda row: row.needs_clerk,
    "review": lambda row: row.decision == "review",
    "reject": lambda row: row.decision == "reject",
    "accept": lambda row: row.decision == "accept",
    "error": lambda row: bool(row.error),
    "settled": lambda row: bool(row.settled),
}


def shown_name(image: str, names: Counter) -> str:
    """An item's file name, with its folder when another item in the queue has the same
    name (two "original_3_10.png" rows, one accepted and one rejected, could not be told
    apart: seen in a real window)."""
    name = os.path.basename(image)  # (not Path: a third of the list's time at 3,000 items)
    return name if names[name] < 2 else f"{os.path.basename(os.path.dirname(image))}/{name}"


def said_text(row: QueueRow) -> str:
    """What was said about an item: the clerk's comment first (after a machine's note it
    was cut off in the Comment column: seen in a real window), why it could not be
    checked, the check's notes (the Comment column, and in full under the list)."""
    return " — ".join(t for t in (row.comment, row.error, row.notes) if t)


def said_line(row: QueueRow) -> str:
    """The line under the list for the chosen item: what was said about it, after its file
    name unless that names it already ("blank.png: “blank.png”: No signature…" read twice,
    seen in a real window); "" when nothing was said."""
    said, name = said_text(row), os.path.basename(row.image)
    if not said or f"“{name}”" in said:
        return said
    return QCoreApplication.translate("QueuePage", "{name}: {said}").format(name=name, said=said)


def _cells(row: QueueRow, names: Counter, people: dict[str, str]) -> tuple[str, ...]:
    # (each string in full in its call: the translation tools read them there)
    machine = machine_word(row.decision)
    if row.unchecked:
        machine = QCoreApplication.translate("QueuePage", "not checked yet")
    settled = (
        QCoreApplication.translate("QueuePage", "waiting")
        if row.needs_clerk
        else settlement_word(row.settled)
    )
    said = said_text(row)
    person = person_label(row.person_id, people.get(row.person_id))  # as People lists them
    return (person, shown_name(row.image, names), machine, score_text(row), settled,
            said)  # fmt: skip


def fill_queue_table(
    table: QTableWidget,
    rows: list[QueueRow],
    people: dict[str, str] | None = None,
    queue: list[QueueRow] | None = None,
) -> None:
    """``rows`` (those shown of ``queue``, all by default) in ``table``, ``people``' names
    (by id) beside the ids, then the columns sized once. Sized to their contents by Qt at
    every cell set, 200 items took 50 s and 900 about 15 min, the window frozen; sized by
    the rows in view, later rows' scores and words were cut ("100…", "rejec…", seen in a
    real window). Now by every row's text, measured: every row of the queue, so that the
    columns stay where they were as the Show filter changes (they moved at each: seen in a
    real window)."""
    queue = rows if queue is None else queue
    names = Counter(os.path.basename(row.image) for row in queue)
    every = {row.key: _cells(row, names, people or {}) for row in queue}
    cells = [every[row.key] for row in rows]
    # one line a row: a name wrapped onto a second line, cut by the row's height (seen);
    # rows of two lines' height showed 15 items at 1366 x 768 (a real-window pass)
    table.setWordWrap(False)
    table.setRowCount(len(rows))
    for r, (row, texts) in enumerate(zip(rows, cells, strict=True)):
        for c, text in enumerate(texts):
            item = QTableWidgetItem(text)
            item.setToolTip(row.image if c == 1 else text)
            item.setData(ELIDED_IN_THE_MIDDLE, c < 2)  # a person's ID, a file's number
            if c == 2 and row.decision:
                item.setForeground(QColor(COLOURS[row.decision]))
            table.setItem(r, c, item)
    size_queue_columns(table, list(every.values()))


def size_queue_columns(table: QTableWidget, cells: list[tuple[str, ...]] = ()) -> None:
    """Each column as wide as its widest text (``cells``, the rows' texts) and its heading,
    the comments taking what is left; a person at most a quarter of the list and a file
    name a third (shortened, wider by dragging an edge: one long name squeezed the reasons
    to "…", seen in a real window). A column the clerk sized by dragging its edge keeps
    that width (each word on an item sized it back)."""
    header = table.horizontalHeader()
    if not hasattr(table, "sized_by_hand"):
        table.sized_by_hand, table.sizing = set(), False
        header.sectionResized.connect(
            lambda c, old, new: table.sizing or table.sized_by_hand.add(c)
        )
    table.sizing = True
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
    text_width = table.fontMetrics().horizontalAdvance
    heading_width = header.fontMetrics().horizontalAdvance
    room = max(640, table.viewport().width())
    caps = (room // 4, room // 3, room, room, room)
    padding = 2 * table.style().pixelMetric(table.style().PixelMetric.PM_FocusFrameHMargin) + 16
    try:
        for c, cap in enumerate(caps):
            if c in table.sized_by_hand:
                continue
            heading = table.horizontalHeaderItem(c).text() if table.horizontalHeaderItem(c) else ""
            widest = max([heading_width(heading)] + [text_width(texts[c]) for texts in cells])
            header.resizeSection(c, min(widest + padding, cap))
    finally:
        table.sizing = False
