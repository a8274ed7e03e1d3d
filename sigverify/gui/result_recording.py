"""The Verify page's part that keeps a result from being lost or filed wrongly: whether the
result on screen still matches the person and signature shown (and the thresholds it was
decided on), the question before an unrecorded result is dropped, and its record in the
audit log (:class:`ResultRecording`)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QApplication

from sigverify.core.errors import NotFoundError
from sigverify.core.queue import CheckedAgain
from sigverify.core.store.records import model_name_in, person_named
from sigverify.core.thresholds_since import thresholds_changed
from sigverify.gui import dialogs
from sigverify.gui.language import PagePart
from sigverify.gui.widgets import decision_word


class ResultRecording(PagePart):
    """Mixed into :class:`~sigverify.gui.verify_page.VerifyPage`, which provides the result
    on screen (``result``, ``result_query``, ``recorded``, ``audit_row``), the signature
    and person shown (``query``, ``person``, ``person_id()``), ``comment``, the record,
    report and print buttons, ``record_status``, ``summary``, ``store``, ``engine``,
    ``_changed()``, the queue item shown (``queue_item``, ``queue_note``,
    ``queue_settled``) and the signal
    ``queue_item_recorded``; it keeps ``_recording``, ``_after_recording`` and
    ``_thresholds_said_for``."""

    def result_is_current(self) -> bool:
        """The result on screen belongs to the person chosen and the signature shown."""
        return (
            self.result is not None
            and self.result.person_id == self.person_id()
            and self.result_query is self.query
        )

    def has_unrecorded_result(self) -> bool:
        """A result on screen that is neither recorded, nor being recorded, nor dropped."""
        return self.result is not None and not self.recorded and self._recording is not self.result

    def settle_unrecorded(self, before: str, then=None, keep: bool = False) -> bool:
        """Before ``before`` (e.g. "quitting") drops an unrecorded result: ask to
        record it, drop it, or cancel. True when the caller may go on now; with "record",
        the result is recorded first and ``then()`` (if given) runs once it is written.
        ``keep``: "do not record" leaves the result as it is (quitting, where a later
        question may still be cancelled, or a dialog opened for the next signature: the
        result must not be lost then)."""
        if not self.has_unrecorded_result():
            return True
        result = self.result
        choice = dialogs.choose(
            self,
            self.tr("Result not recorded"),
            self.tr(
                "The result for {person} ({decision}) has not been recorded in the audit "
                "log. Record it before {before}?"
            ).format(
                person=result.person_id, decision=decision_word(result.decision), before=before
            ),
            [self.tr("&Record it"), self.tr("&Do not record")],
        )
        if choice is None:
            return False
        if choice == 0:
            self.record(then=then, confirmed=True)
            return then is None
        if not keep:
            self.drop_unrecorded()
        return True

    def drop_unrecorded(self) -> None:
        """The result on screen is not to be recorded (the clerk chose so); it may stay on
        screen a while."""
        self.recorded = True
        self.record_button.setEnabled(False)
        self.comment.setEnabled(False)
        self._mark_staleness()

    def _mark_staleness(self) -> None:
        """A result that no longer matches the person or the signature on screen stays
        visible, marked, and cannot be recorded (it would be filed under the wrong person)."""
        if self.result is None:
            return
        current = self.result_is_current()
        self.summary.badge.set_stale(not current)
        if self.recorded:  # recorded (or dropped): its report only while it is on screen
            self._mark_recorded_staleness(current)
            return
        for widget in (self.comment, self.record_button, self.report_button, self.print_button):
            widget.setEnabled(current)
        if not current:
            self._say_out_of_date()
        elif moved := self._thresholds_moved_for():
            self.record_status.say_thresholds_changed(moved)
            self._thresholds_said_for = self.result
        else:
            self.record_status.say()

    def _say_out_of_date(self) -> None:
        self.record_status.say_out_of_date(
            self.result.person_id,
            same_signature=self.result_query is self.query,
            entry=None if self.audit_row is None else self.audit_row[0],
            dropped=self.recorded,  # recorded and not in the log: dropped when asked
        )

    def _made_with(self) -> str | None:
        """The name of the model that made the result on screen, when another is active."""
        model = self.engine.model
        if self.result is None or model is None or self.result.model_id == model.model_id:
            return None
        return model_name_in(self.result.model_id)

    def _thresholds_moved_for(self) -> str | None:
        """The person of the result on screen, as lists name them, when the thresholds it
        was decided on were changed since (on the Thresholds or People page, or at another
        desk): its answer would differ; None when they were not."""
        model = self.engine.model
        if self.result is None or model is None or self.result.model_id != model.model_id:
            return None  # (another model's result says so, and its switch asked first)
        if not thresholds_changed(self.store, self.result, model.card):
            return None
        person_id = self.result.person_id  # (named: the id alone read as a code, seen)
        try:  # (as the store has it now: a name changed at another desk leaves the list)
            return person_named(person_id, self.store.get_person(person_id).name)
        except NotFoundError:  # deleted at another desk just now
            return None

    def _mark_recorded_staleness(self, current: bool) -> None:
        for widget in (self.report_button, self.print_button):
            widget.setEnabled(current and self.audit_row is not None)
        if current:
            entry = None if self.audit_row is None else self.audit_row[0]
            self.record_status.say_recorded(
                entry,
                self._made_with(),
                thresholds_changed_for=self._thresholds_moved_for(),
                instead=self.queue_note,
                after=self.queue_settled,
            )
        else:
            self._say_out_of_date()

    # ------------------------------------------------------------ recording

    def _queue_item_of(self, result) -> CheckedAgain | None:
        """The queue item ``result`` settles, when its signature on screen came from the
        Queue (or was cut from the item's photo here), was checked for the item's person
        (another person's answer settles nothing) and is an acceptance or a rejection."""
        if self.queue_item is None or result is not self.result:
            return None
        if result.decision not in ("accept", "reject"):
            return None  # (a review decides nothing: no job for the Queue)
        person_id, image = self.queue_item
        if result.person_id != person_id or self.result_query is not self.query:
            return None
        if self.query_is_sheet_photo and not self.query.cut_from_page:
            return None  # the photo checked as it is says little (a review found it settled)
        return CheckedAgain(
            person_id,
            image,
            result.decision,
            verification=0,  # (its audit entry, once recorded)
            cut=self.result_query.cut_from_page,
            comment=self.comment.text().strip(),
        )

    def record(self, then=None, confirmed: bool = False) -> None:
        """Write the result on screen to the audit log; ``then()`` after it is written.
        A result that no longer matches the screen is recorded only when ``confirmed`` (the
        clerk was asked by name)."""
        if self.result is None or self.recorded:
            return
        if not confirmed and not self.result_is_current():
            self._mark_staleness()
            QApplication.beep()  # Ctrl+S did nothing: the red note says why
            return
        if (
            not confirmed
            and self._thresholds_said_for is not self.result
            and self._thresholds_moved_for()
        ):  # changed at another desk while this page was shown (a review found it said
            # only after the record): said first; the next Record records it as made
            self._mark_staleness()
            QApplication.beep()
            return
        result, comment = self.result, self.comment.text().strip()
        if self._recording is result:  # already being written: one audit row, not two
            if then is not None:
                self._after_recording.append(then)
            return
        self._recording, self._after_recording = result, [then] if then is not None else []
        item = self._queue_item_of(result)  # (now: a "record it" may open the next signature)

        def done(row):
            self._recording = None
            if self.result is result:
                self.recorded = True
                self.audit_row = row
                # the next customer: typing goes to the person field, replacing the id
                self.person.setFocus()
                self.person.lineEdit().selectAll()
                self.record_button.setEnabled(False)
                self.comment.setEnabled(False)  # what is recorded: editing it would mislead
                self.record_status.say_recorded(row[0])
                self._changed()  # (the hint no longer says Ctrl+S records it)
            for after in self._after_recording:  # once the worker's jobs are done
                self.engine.when_idle(after)
            if item is not None:
                self.queue_item_recorded.emit(replace(item, verification=row[0]))

        def failed(error):
            self._recording = None
            dialogs.show_error(self, error)

        self.engine.submit(
            lambda context, job: context.require_service().record_verification(result, comment),
            done,
            failed,
            urgent=True,
        )
