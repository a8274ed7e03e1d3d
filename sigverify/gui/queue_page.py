"""Queue: the day's cheques. Drop (or open) a folder of per-person folders or a CSV list;
the items are checked in the worker with progress and cancel; the list shows each item's
person, the machine's decision and score, and what a clerk settled; a clerk confirms or
overrides each item sent to review or rejected, with a comment that goes to the audit log.
The queue is kept beside the store (:mod:`sigverify.core.queue`) and is there after a
restart."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from sigverify.core.errors import SigverifyError
from sigverify.core.i18n import join_sentences
from sigverify.core.queue import DeskQueue, QueueRow, settlement_word
from sigverify.core.store import Store
from sigverify.gui import dialogs
from sigverify.gui.keyboard import TypingGoesTo, move_focus, widget_shortcut
from sigverify.gui.queue_adding import QueueAdding
from sigverify.gui.queue_checking import Checking
from sigverify.gui.queue_settling import SettleButton, Settling
from sigverify.gui.queue_summary import SummarySaving
from sigverify.gui.queue_table import FILTERS, fill_queue_table, said_line, size_queue_columns
from sigverify.gui.widgets import choice_table, rows_of_lines
from sigverify.gui.workers import Engine


class QueuePage(QueueAdding, Checking, Settling, SummarySaving, QWidget):
    #: (person id, image path, audit row id of the check, whether it waits for a clerk):
    #: show it on the Verify page
    open_requested = Signal(str, str, object, bool)

    def __init__(self, engine: Engine, store: Store, parent=None):
        super().__init__(parent)
        self.engine, self.store = engine, store
        self.queue = DeskQueue(store.path)
        self.rows: list[QueueRow] = []
        self.shown: list[QueueRow] = []
        self._job = None
        self._settling = False
        self._missing: tuple[tuple[str, str], str] | None = None  # (item, what its comment lacks)
        self._names: dict[str, str] = {}  # person id -> name
        self._source_note = ""  # what adding the last folder or list left out
        # each item's comment, typed and not sent: kept from one session to the next
        self._drafts: dict[tuple[str, str], str] = self.queue.read_drafts()
        self._draft_key: tuple[str, str] | None = None
        self.setAcceptDrops(True)

        self.add_folder_button = QPushButton(self.tr("Add a folder…"))
        self.add_folder_button.setToolTip(
            self.tr(
                "A folder holding one folder per person id, with their signatures inside (Ctrl+O)"
            )
        )
        self.add_folder_button.clicked.connect(lambda: self.add_source())
        self.add_folder_button.setShortcut(QKeySequence.StandardKey.Open)  # Ctrl+O
        # Alt+L (Ctrl+O adds a folder; the list had no key: seen in a real window)
        self.add_list_button = QPushButton(self.tr("Add a &list…"))
        self.add_list_button.setToolTip(
            self.tr("A CSV file with a “person” and an “image” column (Alt+L)")
        )
        self.add_list_button.clicked.connect(lambda: self.add_source(kind="list"))
        self.progress = QProgressBar()
        # it takes the room left in the row, not room of its own: shown beside the row's
        # buttons at a check's start, it widened a 1024 px window to 1110, past the screen
        # (seen in a real window)
        self.progress.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.progress.setMinimumWidth(60)
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(lambda: self._job and self._job.cancel())
        self.check_button = QPushButton()  # its text counts the items (_selected)
        self.check_button.setToolTip(
            self.tr("Check the items not checked yet, and again those that could not be checked")
        )
        self.check_button.clicked.connect(lambda: self.check(again=True))
        self.filter = QComboBox()
        for key, label in (
            ("all", self.tr("All items")),
            ("clerk", self.tr("Waiting for a clerk")),
            ("review", self.tr("Sent to review")),
            ("reject", self.tr("Rejected")),
            ("accept", self.tr("Accepted")),
            ("error", self.tr("Could not be checked")),
            ("settled", self.tr("Settled by a clerk")),
        ):
            self.filter.addItem(label, key)
        self.filter.currentIndexChanged.connect(lambda _: self.show_rows())
        self.summary_button = QPushButton(self.tr("Save summary…"))
        self.summary_button.setShortcut("Ctrl+Shift+S")  # as Verify's "Save report…" (seen)
        self.summary_button.setToolTip(
            self.tr("Every item's outcome on A4 pages, as PDF (Ctrl+Shift+S)")
        )
        self.summary_button.clicked.connect(lambda: self.save_summary())
        self.new_button = QPushButton(self.tr("New queue…"))
        self.new_button.clicked.connect(lambda: self.new_queue())
        top = QHBoxLayout()
        top.addWidget(self.add_folder_button)
        top.addWidget(self.add_list_button)
        top.addWidget(self.check_button)
        top.addWidget(self.progress, 1)
        top.addWidget(self.cancel_button)
        top.addStretch(0)
        show = QLabel(self.tr("&Show"))  # Alt+S to the filter (it had no key: seen)
        show.setBuddy(self.filter)
        top.addWidget(show)
        top.addWidget(self.filter)
        top.addWidget(self.summary_button)
        top.addWidget(self.new_button)

        self.table = choice_table(
            [
                self.tr("Person"),
                self.tr("File"),
                self.tr("Machine"),
                self.tr("Score"),
                self.tr("Clerk"),
                self.tr("Comment"),
            ]  # fmt: skip
        )
        size_queue_columns(self.table)
        rows_of_lines(self.table, 1, spare=6)  # (its cells do not wrap: fill_queue_table)
        self.table.itemSelectionChanged.connect(self._selected)
        self.table.itemSelectionChanged.connect(self._note_clerk_move)
        self.table.activated.connect(lambda index: self.open_item(index.row()))  # Enter too
        # the chosen item's notes in full: cut to "…" in a narrow window, they were in a
        # tooltip only, out of a keyboard user's reach (seen in a real window)
        self.said = QLabel()
        self.said.setWordWrap(True)
        self.said.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.said.hide()
        self.hint = QLabel()
        self.hint.setWordWrap(True)

        self.comment = QLineEdit()
        TypingGoesTo(self.table, self.comment)  # a comment can be started on the list
        # and Escape goes back to the list, the comment kept (it did nothing: seen)
        widget_shortcut(self.comment, Qt.Key.Key_Escape, lambda: move_focus(self.table, True))
        # One order for every item (a Confirm button for rejected ones moved these along the
        # Tab chain: a clerk pressed the wrong one). Reject on a rejected item confirms it.
        self.accept_button = SettleButton(self.tr("&Accept"))
        self.reject_button = SettleButton(self.tr("&Reject"))
        self.open_button = QPushButton(self.tr("Open on the Verify page"))
        self.open_button.setToolTip(self.tr("See the signature beside the references (Enter)"))
        self.accept_button.clicked.connect(lambda: self.settle("accept"))
        self.reject_button.clicked.connect(lambda: self.settle("reject"))
        self.open_button.clicked.connect(lambda: self.open_item(self.table.currentRow()))
        settle_row = QHBoxLayout()
        settle_row.addWidget(self.comment, 1)
        settle_row.addWidget(self.accept_button)
        settle_row.addWidget(self.reject_button)
        settle_row.addWidget(self.open_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.said)
        layout.addWidget(self.hint)
        layout.addLayout(settle_row)
        self.reload()
        if self.shown:  # after a restart: the first item waiting for a clerk, not row 1
            self.table.selectRow(self._next_waiting(0))

    # ------------------------------------------------------------ the list

    def reload(self) -> None:
        """Read the queue from its files (at start-up: what was there before a restart)."""
        try:
            self.rows = self.queue.rows()
        except (OSError, ValueError, KeyError) as error:
            dialogs.show_error(self, SigverifyError(str(error)))
            self.rows = []
        self._rows_read = time.monotonic()
        try:  # the people's names beside their ids (only ids were shown: seen)
            self._names = {person.id: person.name for person in self.store.list_people()}
        except SigverifyError:  # (a shared store out of reach: the ids alone)
            self._names = {}
        self.show_rows()

    def checking(self) -> bool:
        """Whether a check runs (for the question on quitting)."""
        return self._job is not None

    def read_again(self) -> None:
        """The list read again after a clerk's word; during a check only the items (the
        worker is busy with the store), as :meth:`_show_checked_so_far` does."""
        if self._job is None:
            self.reload()
            return
        try:
            self.rows = self.queue.rows()
        except (OSError, ValueError, KeyError):
            return  # (read again when the check ends, and then said)
        self._rows_read = time.monotonic()
        self.show_rows()

    def show_rows(self) -> None:
        chosen = self.selected_row()  # kept chosen when still shown (not the row number)
        keep = FILTERS[self.filter.currentData()]
        self.shown = [row for row in self.rows if keep(row)]
        fill_queue_table(self.table, self.shown, self._names, self.rows)
        keys = [row.key for row in self.shown]
        if chosen is not None and self.shown:
            self.table.selectRow(keys.index(chosen.key) if chosen.key in keys else 0)
        self._show_hint()
        self._selected()

    def _show_hint(self) -> None:
        if not self.rows:  # how to make a folder (in a tooltip only: a keyboard never saw it)
            hint = self.tr(
                "The queue is empty. Add a folder (Ctrl+O) holding one folder per person, "
                "named by their ID, with the signatures to check inside (for example "
                "C-1042/cheque.png), or a CSV list with a “person” and an “image” column "
                "(Alt+L); or drop either here."
            )
        else:
            hint = self.tr(
                "%n item(s) in the queue; {waiting} waiting for a clerk. Drop a folder or "
                "a CSV list here to add more.",
                "",
                len(self.rows),
            ).format(waiting=sum(row.needs_clerk for row in self.rows))
        unchecked = sum(row.unchecked for row in self.rows)
        if unchecked and self._job is None:  # (after a restart: a check cut short, seen)
            # and those Check tries again, which its count holds ("Check 874 items" beside
            # "850 items not checked yet": seen in a real window)
            again = sum(row.rechecked for row in self.rows)
            said = (
                self.tr(
                    "%n item(s) not checked yet, and {again} that could not be checked: "
                    "press Check.",
                    "",
                    unchecked,
                ).format(again=again)
                if again
                else self.tr("%n item(s) not checked yet: press Check.", "", unchecked)
            )
            hint = join_sentences(said, hint)
        if self.rows and not self.shown:  # an empty list said nothing (seen in a real window)
            shows = self.tr("Nothing under “{filter}”: choose another in Show (Alt+S).")
            hint = join_sentences(shows.format(filter=self.filter.currentText()), hint)
        self.hint.setText(join_sentences(self._source_note, hint) if self._source_note else hint)

    @property
    def first_field(self) -> QWidget:
        """Where the keys go when the page is shown: the list, when it has items (back from
        another page, the focus was on Add a folder, seen in a real window), else Add."""
        return self.table if self.shown else self.add_folder_button

    def selected_row(self) -> QueueRow | None:
        index = self.table.currentRow()
        return self.shown[index] if 0 <= index < len(self.shown) else None

    def _selected(self) -> None:
        row = self.selected_row()
        self.keep_draft(row)
        self.said.setText(said_line(row) if row is not None else "")
        self.said.setVisible(bool(self.said.text()))
        # during a check too (clerks waited for its end), but not an item it checks again
        free = not self._settling and not (self._job and row is not None and row.rechecked)
        clerk = free and row is not None and row.for_a_clerk
        # an item the machine accepted can still be rejected by a clerk who doubts it
        doubted = free and row is not None and row.decision == "accept"
        # and a clerk's own rejection of an accepted item can be taken back (seen)
        self.accept_button.setEnabled(clerk or (doubted and row.settled == "reject"))
        self.reject_button.setEnabled(clerk or doubted)
        self.reject_button.setToolTip(
            self.tr("The machine's rejection stands")
            if row is not None and row.decision == "reject"
            else self.tr("Reject it; say why in the comment")
        )
        self.comment.setEnabled(clerk or doubted)
        self.show_comment_prompt(row)
        self.open_button.setEnabled(row is not None and bool(row.decision))
        self.summary_button.setEnabled(self.queue.results_path.exists())
        self.new_button.setEnabled(self._job is None)  # not under a check writing to it
        # not checked yet, or not checkable then (the person may be enrolled since)
        left = [r for r in self.rows if not r.decision and not r.settled]
        failed = sum(bool(r.error) for r in left)
        self.check_button.setText(
            self.tr("Check %n item(s) again", "", failed)
            if failed == len(left)
            else self.tr("Check %n item(s)", "", len(left))
        )
        # hidden while a check runs, its progress bar and Cancel in its place (beside them
        # it widened a 1024 px window past the screen: seen in a real window)
        self.check_button.setVisible(bool(left) and self._job is None)
        self.check_button.setEnabled(bool(left) and self._job is None)

    # ------------------------------------------------------------ adding and checking

    def open_item(self, index: int) -> None:
        """Enter or "Open on the Verify page": a checked item beside its references; one
        that could not be checked says why (Enter did nothing: seen in a real window)."""
        if not 0 <= index < len(self.shown):
            return
        row = self.shown[index]
        if row.decision:
            self.open_requested.emit(row.person_id, row.image, row.audit_id, row.needs_clerk)
        elif row.error:
            dialogs.show_info(
                self,
                self.tr("Could not be checked"),
                join_sentences(
                    row.error,
                    self.tr("Settled: {decision} (audit entry #{id}).").format(
                        decision=settlement_word(row.settled), id=row.settled_audit_id
                    )  # (it asked for a word already given: seen)
                    if row.settled
                    else self.tr("Accept or reject it yourself with a comment, or check it again."),
                ),
            )

    def new_queue(self) -> None:
        if self._job is not None:
            return
        waiting = sum(row.needs_clerk for row in self.rows)
        text = self.tr("Empty the queue and start a new one? The audit log keeps every decision.")
        if waiting:
            text = self.tr(
                "Still waiting for a clerk: %n item(s). Empty the queue anyway? The "
                "audit log keeps every decision.",
                "",
                waiting,
            )
        if dialogs.ask(self, self.tr("New queue"), text, self.tr("Empty the queue")):
            try:
                self.queue.clear()
            except OSError as error:
                dialogs.show_error(self, self._cannot_write(error))
            self._drafts.clear()  # the comments typed go with the items
            self._source_note = ""
            self._draft_key = None
            self.comment.clear()
            self.reload()

    def _cannot_write(self, error: OSError) -> SigverifyError:
        return SigverifyError(
            self.tr("The queue's folder “{folder}” cannot be written ({error}).").format(
                folder=self.queue.folder, error=error.strerror or error
            )
        )
