"""Checking the queue's items, for the Queue page: in the worker, with progress and
Cancel, the rows filling in with their answers as they come, and afterwards the first item
waiting for a clerk chosen (unless the clerk went to another row meanwhile)."""

from __future__ import annotations

import time

from PySide6.QtWidgets import QApplication

from sigverify.gui import dialogs
from sigverify.gui.keyboard import move_focus
from sigverify.gui.language import PagePart


class Checking(PagePart):
    """For :class:`~sigverify.gui.queue_page.QueuePage`: its ``engine``, ``queue``,
    ``rows``, ``shown``, ``table``, ``progress``, ``cancel_button``, ``hint``, the buttons
    that add items, ``_job``, ``_rows_read``, ``reload()``, ``show_rows()``,
    ``_show_hint()``, ``selected_row()``, ``_selected()`` and ``_next_waiting()``."""

    # during a check, the list is read again at most this often (seconds), and then only
    # while doing so takes at most this share of the time: a long list takes longer to show
    # (2,000 items checked 16 % slower shown each second, `bench/queue_check.py`)
    ROWS_EVERY_S = 1.0
    ROWS_SHARE = 0.03
    _rows_wait = None  # seconds until the list is shown again (None: ROWS_EVERY_S)
    _refilling = False  # the rows being shown again during a check (not the clerk's move)
    _clerk_moved = False
    _chosen = None  # the key of the row chosen last

    def check(self, again: bool = False) -> None:
        """Check the items not yet checked, in the worker; ``again``: from the Check
        button, when what adding a folder said is old ("1210 new items added." stayed
        through a Cancel and the next check: seen in a real window)."""
        if self._job is not None or self.engine.model is None:
            return
        if again:
            self._source_note = ""
        self.progress.setRange(0, 0)
        # in Check's place: shown beside it first, the row asked for more room than a
        # 1024 px window had, and the window grew past the screen (seen in a real window)
        from_check = self.check_button.hasFocus()
        self.check_button.hide()
        self.progress.show()
        self.cancel_button.show()
        if from_check and self.shown:  # on to the list: Qt gave Cancel the keys, and the
            move_focus(self.table)  # next Space stopped the check (seen in a real window)
        queue = self.queue
        self._clerk_moved = False  # (set when the clerk goes to another row meanwhile)
        self._rows_wait = None  # (each check measures its own list)

        def progress(done, total):
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            # the last chunk's rows with the full bar: the bar said 100 % over rows "not
            # checked yet" until the check's end was seen (a second later: a real-window
            # pass; a folder of one chunk showed no row before), when showing them is quick
            # (the end shows them again: a long list would freeze the window twice, a review)
            quick = self._rows_wait is None or self._rows_wait <= self.ROWS_EVERY_S
            self._show_checked_so_far(at_once=done >= total and quick)

        def finished(summary=None):
            # Cancel pressed (in the last chunk too, which the summary does not call
            # cancelled): the chosen row is kept
            stopped = self._job is not None and self._job.cancelled
            self._job = None
            # Cancel pressed: hidden, it handed the keys to the Show filter (seen)
            from_cancel = self.cancel_button.hasFocus()
            self.progress.hide()
            self.cancel_button.hide()
            self.reload()
            chosen = self.selected_row()
            # the first one to look at (a settled row stayed chosen after a folder was
            # added, seen in a real window), unless the clerk went to another row while the
            # rows filled in: their place is kept (it went back to row 1, seen)
            moved, self._clerk_moved = self._clerk_moved, False
            # nor after Cancel: the clerk stopped to look at what is chosen (it went to row
            # 1, seen in a real window)
            moved = moved or (stopped and chosen is not None)
            if self.shown and not moved and (chosen is None or not chosen.needs_clerk):
                self.table.selectRow(self._next_waiting(0))
            # from the button that added the items, on to the list (it took 6 Tabs, seen)
            top = (self.add_folder_button, self.add_list_button, self.check_button)
            if self.shown and (from_cancel or QApplication.focusWidget() in top):
                move_focus(self.table)
            if summary is not None and summary.cancelled:
                self.hint.setText(
                    self.tr(
                        "Stopped: %n item(s) checked; “Check” goes on with the rest.",
                        "",
                        summary.checked,
                    )
                )

        def failed(error):
            finished()
            dialogs.show_error(self, error)

        self._job = self.engine.submit(  # (a clerk's word is written between its chunks)
            lambda context, job: queue.check(context.require_service(), job.progress),
            finished,
            failed,
            progress,
            yields=True,
            name=self.tr("the Queue's check"),
        )
        self._show_hint()  # ("… not checked yet: press Check" stayed until the first rows)
        self._selected()

    def _show_checked_so_far(self, at_once: bool = False) -> None:
        """During a check, the decisions written so far, at most every ``ROWS_EVERY_S``
        seconds and at most ``ROWS_SHARE`` of the time (the list stayed as it was until the
        end: a clerk watched a bar for minutes with nothing to look at), or ``at_once``.
        The people are not read again: the worker is busy with the store."""
        wait = self.ROWS_EVERY_S if self._rows_wait is None else self._rows_wait
        if not at_once and time.monotonic() - self._rows_read < wait:
            return
        started = time.monotonic()
        try:
            self.rows = self.queue.rows()
        except (OSError, ValueError, KeyError):
            return  # (read again when the check ends, and then said)
        self._refilling = True
        try:
            self.show_rows()
        finally:
            self._refilling = False
        self._rows_read = time.monotonic()
        took = self._rows_read - started
        self._rows_wait = max(self.ROWS_EVERY_S, took / self.ROWS_SHARE)

    def _note_clerk_move(self) -> None:
        """A clerk's move to another row during a check; not Qt's own choice of a first
        row when the list took the focus with none chosen (a disabled button handed it
        over, and the accepted first row stayed chosen: seen in a real window)."""
        row = self.selected_row()
        key = row.key if row is not None else None
        if self._job is not None and not self._refilling and None not in (self._chosen, key):
            self._clerk_moved = self._clerk_moved or key != self._chosen
        self._chosen = key
