"""The Queue's table: a long person or file name is cut in its middle, its end kept."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyleOptionViewItem

from sigverify.core.queue import QueueRow
from sigverify.gui.list_rows import ELIDED_IN_THE_MIDDLE
from sigverify.gui.queue_table import fill_queue_table
from sigverify.gui.widgets import choice_table


def test_a_long_name_keeps_its_id_and_a_file_its_number(qtbot):
    """Seen in a real window: "Maria-José Fernández d…" at 1024 px, no ID."""
    table = choice_table(["Person", "File", "Machine", "Score", "Clerk", "Comment"])
    qtbot.addWidget(table)
    row = QueueRow("P-002", "/in/P-002/cheque-2026-12-07-0001.png", decision="accept")
    fill_queue_table(table, [row], {"P-002": "Maria-José Fernández de la Cruz"})
    delegate = table.itemDelegate()
    modes = []
    for column in range(6):
        option = QStyleOptionViewItem()
        option.textElideMode = table.textElideMode()  # (as the view hands it over)
        delegate.initStyleOption(option, table.model().index(0, column))
        modes.append(option.textElideMode)
    middle, right = Qt.TextElideMode.ElideMiddle, Qt.TextElideMode.ElideRight
    assert modes == [middle, middle, right, right, right, right]
    assert table.item(0, 0).text() == "Maria-José Fernández de la Cruz — P-002"
    assert table.item(0, 0).data(ELIDED_IN_THE_MIDDLE) and not table.item(0, 2).data(
        ELIDED_IN_THE_MIDDLE
    )
