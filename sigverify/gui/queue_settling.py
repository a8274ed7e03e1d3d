"""A clerk's word on a queue item (Accept or Reject, with a comment), for the Queue page:
what is asked first, where the focus goes after, and each item's own comment.

Seen in a real window: a comment typed for one item, left while the clerk looked at
another page, was recorded on the next item they settled, under another person; an item
already settled was recorded again by a second key press. So each item keeps the comment
typed for it, a settled item is decided again only when the clerk says so, and after a
word the next item waiting for a clerk is chosen."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QPushButton

from sigverify.core.errors import SigverifyError
from sigverify.core.i18n import percent_text
from sigverify.core.queue import QueueRow, check_settlement, settlement_word
from sigverify.core.store.records import person_named
from sigverify.gui import dialogs
from sigverify.gui.keyboard import keyboard_in_use, move_focus
from sigverify.gui.language import PagePart

log = logging.getLogger(__name__)


def score_text(row: QueueRow) -> str:
    """The machine's score as the queue shows it ("" before a check), kept on one line: a
    question split "0 %" over two (seen in a real window)."""
    return "" if row.similarity is None else percent_text(row.similarity).replace(" ", "\u00a0")


class SettleButton(QPushButton):
    """Accept or Reject: its Alt key acts at once. Qt clicks a button for its Alt key a
    tenth of a second later, and a clerk typing the reason straight after Alt+R had its
    first letters taken into the comment meanwhile ("to" was recorded for "too shaky, call
    her", the rest went to the next item's comment: seen in a real window). At once, an
    empty comment is said in the field and every key typed after goes into it."""

    def event(self, event) -> bool:  # (Qt's name)
        if event.type() == QEvent.Type.Shortcut and not event.isAmbiguous():
            if self.isEnabled():
                self.click()
            return True
        return super().event(event)


class Settling(PagePart):
    """For :class:`~sigverify.gui.queue_page.QueuePage`: its ``table``, ``comment``,
    ``shown`` rows, ``queue``, ``engine``, ``selected_row()``, ``reload()`` and
    ``_selected()``; ``_source_note``; ``_drafts`` (item key -> comment), ``_draft_key``,
    ``_settling`` and ``_names`` (person id -> name)."""

    def show_comment_prompt(self, row: QueueRow | None) -> None:
        """The comment field's prompt for ``row``; in red, with what is missing, after a
        word given without the comment it needs (:meth:`settle`), until another item is
        chosen or a word is recorded."""
        if self._missing is not None and (row is None or row.key != self._missing[0]):
            self._missing = None
        missing = self._missing is not None
        self.comment.setPlaceholderText(self._missing[1] if missing else self._comment_prompt(row))
        self.comment.setStyleSheet("QLineEdit { border: 2px solid #c62828; }" if missing else "")

    def _comment_prompt(self, row: QueueRow | None) -> str:
        """What the comment field asks for this item, and the keys that send it: "needed
        when you decide otherwise" read oddly for an item sent to review (seen in a real
        window), and Enter in the field did nothing without a word."""
        if row is not None and row.rechecked and self._job is not None:  # (buttons greyed)
            return self.tr("Being checked again: settle it once the check is done")
        if row is not None and row.decision == "accept" and row.settled == "reject":
            return self.tr("To accept it after all, say why here, then Alt+A")
        if row is not None and row.decision == "accept":
            return self.tr("To reject it anyway, say why here, then Alt+R")
        if row is None or not row.for_a_clerk:
            return self.tr("Comment")
        if row.settled:  # (it still asked for the word given: seen in a real window)
            return self.tr("Settled ({decision}): to decide again, say why here").format(
                decision=settlement_word(row.settled)
            )
        if row.error:
            return self.tr("Why you accept or reject it (needed), then Alt+A or Alt+R")
        if row.decision == "review":
            return self.tr("What you checked (needed), then Alt+A or Alt+R")
        return self.tr("Alt+R confirms the rejection; to accept, say why here, then Alt+A")

    def keep_draft(self, row: QueueRow | None) -> None:
        """The comment field shows what was typed for ``row`` (the chosen item), keeping
        what was typed for the item chosen before."""
        key = None if row is None else row.key
        if key == self._draft_key:
            return  # the same item: leave the text and the cursor as they are
        if self._draft_key is not None:
            text = self.comment.text()
            before = self._drafts.get(self._draft_key, "")
            if text.strip():
                self._drafts[self._draft_key] = text
            else:
                self._drafts.pop(self._draft_key, None)
            if text.strip() != before.strip():  # (not a file written at every arrow key)
                self.save_drafts()
        self._draft_key = key
        self.comment.setText(self._drafts.get(key, ""))

    def save_drafts(self) -> None:
        """The comments typed and not sent, the chosen item's as it stands, kept in the
        queue's folder for the next session: quitting dropped them (seen in a real window)."""
        drafts = dict(self._drafts)
        if self._draft_key is not None:
            drafts[self._draft_key] = self.comment.text()
        try:
            self.queue.write_drafts(drafts)
        except OSError as error:  # a comment is not worth an error box; the log says it
            log.warning("queue drafts not kept in %s: %s", self.queue.folder, error)

    def drop_draft(self, key: tuple[str, str]) -> None:
        """The comment typed for the item ``key`` went with its word: no longer a draft,
        nor in the field if that item is chosen."""
        self._drafts.pop(key, None)
        if self._draft_key == key:
            self.comment.clear()
        self.save_drafts()

    def settle(self, settlement: str) -> None:
        row = self.selected_row()
        if row is None:
            return
        comment, queue = self.comment.text(), self.queue
        keyboard = keyboard_in_use(self)
        try:  # a missing comment is said at once, before any question
            recorded = check_settlement(row, settlement, comment)
        except SigverifyError as error:
            # in the field itself, not in a box: the box took the first keys typed after
            # the word, and Space closed it ("not our patient" was recorded as "our
            # patient": seen in a real window); the keys typed now go into the comment
            self._missing = (row.key, str(error))
            if not comment.strip():  # (blanks alone hid the words: a placeholder needs it empty)
                self.comment.clear()
            self.show_comment_prompt(row)
            move_focus(self.comment, keyboard)
            return
        if row.settled and not self._again_asked(row, recorded):
            return
        if settlement == "accept" and row.decision == "reject" and not self._accept_asked(row):
            return
        if settlement == "accept" and row.error and not self._unchecked_asked(row):
            return
        # The buttons wait while the word is written, so Qt hands the focus on, as far as
        # the status bar's Operator button: the next comment typed renamed the operator
        # (seen in a real window). Afterwards it goes back where the clerk works next.
        self._settling = True  # one word per click: the buttons wait for it
        self._selected()

        def failed(error):
            self._settling = False
            self._selected()
            dialogs.show_error(self, error)
            move_focus(self.comment, keyboard)

        def done(_):
            self._settling = False
            self._missing = None
            self.drop_draft(row.key)
            # what adding the folder said is read by now ("6 new items added." stayed
            # above the counts as items were settled: seen in a real window)
            self._source_note = ""
            at = next((i for i, r in enumerate(self.shown) if r.key == row.key), 0)
            self.read_again()
            if self.shown:
                self.table.selectRow(self._next_waiting(at))
            move_focus(self.table, keyboard)  # on to the next item

        self.engine.submit(  # during a check, between its chunks (it waited for the end)
            lambda context, job: queue.settle(context.require_service(), row, settlement, comment),
            done,
            failed,
            urgent=True,
        )

    def _next_waiting(self, at: int) -> int:
        """The first item from ``at`` on (then from the top) still waiting for a clerk; else
        the row at ``at``, or the last."""
        order = [*range(at, len(self.shown)), *range(at)]
        return next((i for i in order if self.shown[i].needs_clerk), min(at, len(self.shown) - 1))

    def _again_asked(self, row: QueueRow, recorded: str) -> bool:
        """Whether to record ``recorded`` (a settlement's word) for an item settled already,
        asked naming both (the question did not say which word would be recorded: seen)."""
        text = self.tr(
            "{file} ({person}) is settled already: {word}. Record “{new}” now? The audit log "
            "keeps both."
        ).format(
            file=Path(row.image).name,
            person=self._who(row),
            word=settlement_word(row.settled),
            new=settlement_word(recorded),
        )
        return dialogs.ask(self, self.tr("Decide again"), text, self.tr("&Record it"))

    def _who(self, row: QueueRow) -> str:
        """The item's person as questions name them: "Writer Three (W3)" (the id alone was
        easy to misread, seen in a real window)."""
        return person_named(row.person_id, self._names.get(row.person_id))

    def _unchecked_asked(self, row: QueueRow) -> bool:
        """Accepting an item nothing was checked against (an unknown person, a file that
        could not be read) is asked first, saying why: it went through on a comment alone
        (seen in a real window). Cancel is the default answer."""
        text = self.tr(
            "Nothing was checked for {file} ({person}): {why} Accept it on your own "
            "judgement? The audit log keeps your comment."
        ).format(file=Path(row.image).name, person=self._who(row), why=row.error)
        return dialogs.ask(self, self.tr("Accept without a check?"), text, self.tr("&Accept"))

    def _accept_asked(self, row: QueueRow) -> bool:
        """Accepting what the machine rejected is asked first, naming the item: a clerk
        whose focus had moved acted on the row above the one meant (seen in a real window).
        Cancel is the default answer."""
        text = self.tr(
            "The machine rejected {file} as {person}'s signature (score {score}). Accept it?"
        ).format(
            file=Path(row.image).name,
            person=self._who(row),
            score=score_text(row),
        )
        return dialogs.ask(self, self.tr("Accept a rejected signature"), text, self.tr("&Accept"))
