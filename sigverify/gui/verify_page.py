"""Verify: choose a person, bring the signature in, see the answer and compare it with
the references."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sigverify.core.store import Store
from sigverify.gui import dialogs
from sigverify.gui.comparison_panel import ComparisonPanel
from sigverify.gui.keyboard import mark_primary, move_focus
from sigverify.gui.panes import ScrollingPane, reveal, two_panes
from sigverify.gui.person_box import PersonBox
from sigverify.gui.qimages import bytes_to_pixmap, is_sheet_photo
from sigverify.gui.record_status import RecordStatus
from sigverify.gui.report_actions import ReportActions
from sigverify.gui.result_recording import ResultRecording
from sigverify.gui.result_summary import ResultSummary
from sigverify.gui.signature_input import SignatureDropArea, standard_shortcuts
from sigverify.gui.widgets import ImageView
from sigverify.gui.workers import Engine


class VerifyPage(ResultRecording, ReportActions, QWidget):
    #: a :class:`~sigverify.core.queue.CheckedAgain`: a queue item's signature checked again
    #: here and its answer recorded, for the Queue to settle the item with
    queue_item_recorded = Signal(object)

    def __init__(self, engine: Engine, store: Store, parent=None):
        super().__init__(parent)
        self.engine, self.store = engine, store
        self.query = None  # SignatureInput
        self.query_is_sheet_photo = False  # a photographed sheet, not a cut-out signature
        # whose the signature is taken to be: the person chosen when it was opened, then the
        # one it was checked against (None: opened with nobody chosen)
        self.query_person: str | None = None
        self.result = None  # VerificationResult
        self.result_query = None  # the SignatureInput that result was computed for
        self.recorded = False
        self.audit_row = None  # (id, hash) of the recorded result
        self.queue_note = ""  # what the queue says of the result shown (a clerk's decision)
        # (person id, image path) of the queue item whose signature is shown, opened from the
        # Queue (or cut from its photo of the paper here); None for any other signature
        self.queue_item: tuple[str, str] | None = None
        self.queue_settled = ""  # said of that item once the result shown settled it
        self._recording = None  # the result being written to the audit log
        self._after_recording = []  # what waits for it
        self._thresholds_said_for = None  # the result last said decided on changed thresholds
        self._from_person_field = False  # the check asked for from the person field

        # -- input
        self.person = PersonBox()
        self.first_field = self.person
        self.search_field = self.person.lineEdit()  # Ctrl+F
        self.person.currentIndexChanged.connect(lambda _: self._changed())
        self.person.editTextChanged.connect(lambda _: self._changed())
        self.drop_area = SignatureDropArea(multiple=False, compact=False)
        self.drop_area.signatures_added.connect(self.set_query)
        # asked before the file, page or pad dialog opens, not after the clerk cropped
        self.drop_area.before_choosing = self._before_choosing
        self._drop_when_chosen = None  # the result "Do not record" drops once one comes
        self.drop_area.after_choosing = lambda: setattr(self, "_drop_when_chosen", None)
        self.drop_area.page_on_screen = lambda: self.query if self.query_is_sheet_photo else None
        standard_shortcuts(self.drop_area, self.person.lineEdit())
        self.query_view = ImageView(self.tr("No signature yet"))
        self.drop_area.take_drops_on(self.query_view)  # (the larger target: a drop there
        # was refused, seen in a real window)
        self.verify_button = QPushButton(self.tr("Verify"))
        mark_primary(self.verify_button)
        self.verify_button.setShortcut("Ctrl+Return")
        self.verify_button.setToolTip(self.tr("Check the signature (Ctrl+Enter)"))
        self.verify_button.setMinimumHeight(36)
        self.verify_button.clicked.connect(self.verify)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        input_box = QGroupBox(self.tr("Signature to check"))
        form = QFormLayout()
        form.addRow(self.tr("&Person"), self.person)  # Alt+P, as on the Thresholds page
        self.person.reached_by(form.labelForField(self.person))
        input_layout = QVBoxLayout(input_box)
        input_layout.addLayout(form)
        input_layout.addWidget(self.drop_area)
        input_layout.addWidget(self.query_view, 1)
        input_layout.addWidget(self.hint)
        input_layout.addWidget(self.verify_button)

        # -- result
        self.summary = ResultSummary(store)
        self.comparison = ComparisonPanel(store, engine)

        self.comment = QLineEdit()
        self.comment.setPlaceholderText(self.tr("Comment for the record (optional)"))
        self.record_button = QPushButton(self.tr("Record result"))
        self.record_button.setShortcut("Ctrl+S")
        self.record_button.setToolTip(
            self.tr("Write the result and comment to the audit log (Ctrl+S)")
        )
        self.record_button.clicked.connect(lambda: self.record())
        self.record_status = RecordStatus()
        self.report_button = QPushButton(self.tr("Save report…"))
        self.report_button.setShortcut("Ctrl+Shift+S")  # "save as", beside Record's Ctrl+S
        self.report_button.setToolTip(
            self.tr(
                "Record the result (if it is not yet) and save it on one A4 page as PDF "
                "(Ctrl+Shift+S)"
            )
        )
        self.report_button.clicked.connect(lambda: self.save_report())
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setShortcut("Ctrl+P")
        self.print_button.setToolTip(
            self.tr("Record the result (if it is not yet) and print its report (Ctrl+P)")
        )
        self.print_button.clicked.connect(lambda: self.print_report())
        # the comment on a row of its own: beside the buttons, at 1024 px wide it showed
        # a dozen characters
        record_row = QHBoxLayout()
        record_row.addStretch(1)
        record_row.addWidget(self.record_button)
        record_row.addWidget(self.report_button)
        record_row.addWidget(self.print_button)

        result_box = QGroupBox(self.tr("Result"))
        # the answer and the comparison scroll; the comment, the status and the buttons stay
        # in sight below them (a reason of three lines put Record, Save report and Print
        # below a 1366 x 768 laptop's window at 125 %, their top edges showing: a pass)
        shown = QWidget()
        shown_layout = QVBoxLayout(shown)
        shown_layout.setContentsMargins(0, 0, 0, 0)
        shown_layout.addWidget(self.summary)
        shown_layout.addWidget(self.comparison, 1)
        result_layout = QVBoxLayout(result_box)
        result_layout.addWidget(ScrollingPane(shown), 1)
        # Alt+M reaches the comment (eleven Tabs from the person box: seen in a real window)
        comment_row = QHBoxLayout()
        comment_label = QLabel(self.tr("Co&mment"))
        comment_label.setBuddy(self.comment)
        comment_row.addWidget(comment_label)
        comment_row.addWidget(self.comment, 1)
        result_layout.addLayout(comment_row)
        # the status above the buttons: below them, each line it took moved them up (by
        # 14 px at a time, seen in a real window), under the clerk's pointer
        result_layout.addWidget(self.record_status)
        result_layout.addLayout(record_row)

        two_panes(self, input_box, result_box, (380, 700))
        self.engine.model_changed.connect(lambda _: self._changed())
        self.refresh()
        self.show_result(None)

    # ------------------------------------------------------------ inputs

    def refresh(self) -> None:
        """Reload the people (after enrolments elsewhere)."""
        self._people_read = self.store.people_mark()
        self.person.fill(self.store.list_people())
        self._changed()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        """Back from another page: the people as the store has them now (one enrolled at
        the command line or another desk was "not enrolled yet" until a restart: seen in a
        real window), when someone was enrolled or deleted since (listing them took 1.3 s
        at 100,000 people)."""
        super().showEvent(event)
        if self.store.people_mark() != self._people_read:  # (read at start by refresh)
            self.refresh()
        else:  # thresholds set since on the Thresholds or People page: said under the result
            self._mark_staleness()

    def person_id(self) -> str | None:
        return self.person.person_id()

    def choose_person(self, person_id: str) -> None:
        if self.person.findData(person_id) < 0:  # enrolled since the list was read (from
            self.refresh()  # People, someone enrolled at another desk was chosen: nobody)
        self.person.choose(person_id)

    def _before_choosing(self) -> bool:
        """Before a file, page or pad dialog opens: settle an unrecorded result. "Do not
        record" drops it once a signature comes from the dialog; cancelled, the result
        stays to be recorded (Record stayed greyed out after a crop was cancelled: a
        real-window pass)."""
        result = self.result if self.has_unrecorded_result() else None
        if not self.settle_unrecorded(self.tr("opening the next signature"), keep=True):
            return False
        if result is not None and self.has_unrecorded_result():  # "Do not record"
            self._drop_when_chosen = result
        return True

    def set_query(self, signatures) -> None:
        if self._drop_when_chosen is not None and self._drop_when_chosen is self.result:
            self.drop_unrecorded()  # (asked before the dialog opened)
        if not self.settle_unrecorded(self.tr("opening the next signature")):
            return
        if not (signatures[0].cut_from_page and self.query_is_sheet_photo):
            self.queue_item = None  # (a cut from the queue item's photo on screen is still it)
        self.query = signatures[0]
        self.query_person = self.person_id()
        pixmap = bytes_to_pixmap(self.query.data)
        self.query_view.set_pixmap(pixmap)
        # a photo of a whole sheet is read as it is; the clerk may rather pick the signature
        self.query_is_sheet_photo = is_sheet_photo(self.query, pixmap)
        self.show_result(None)
        self._changed()

    def _changed(self) -> None:
        self._mark_staleness()
        ready = self.engine.model is not None
        has_person = self.person_id() is not None
        self.verify_button.setEnabled(ready and has_person and self.query is not None)
        if not ready:
            self.hint.setText(self.tr("The model is loading…"))
        elif self.person.count() == 0:
            self.hint.setText(self.tr("Nobody is enrolled yet: enrol people on the People page."))
        elif not has_person:
            why = self.person.why_nobody(self.store)
            if why is None:  # enrolled elsewhere since the list was read: read it again
                self.refresh()
                return
            self.hint.setText(why)
        elif self.query is None:
            self.hint.setText(  # (crop was left out: People says it, a real-window pass)
                self.tr("Drop, open, paste or draw the signature to check, or crop it from a page.")
            )
        elif self.result_is_current() and not self.recorded and self._settles_queue_item():
            # (it was said only once recorded: a real-window pass)
            self.hint.setText(
                self.tr(
                    "Checked: the answer is on the right. Ctrl+S records it and settles its "
                    "queue item with it."
                )
            )
        elif self.result_is_current() and not self.recorded:
            # the key was only in a tooltip (a clerk looked for it: seen in a real window)
            self.hint.setText(self.tr("Checked: the answer is on the right. Ctrl+S records it."))
        elif self.result_is_current():
            self.hint.setText(self.tr("Checked: the answer is on the right."))
        elif self.result is not None and self.result_query is self.query:
            # the person changed after a check: the signature on screen is still the last
            # one (seen in a real window: "Ready" invited checking it against the next person)
            self.hint.setText(
                self.tr(
                    "This signature was checked against {before}. To check {person}, drop, "
                    "open or paste their signature; Verify (Ctrl+Enter) asks before checking "
                    "this one against {person}."
                ).format(before=self.result.person_id, person=self.person_id())
            )
        elif self.query_person not in (None, self.person_id()):
            # opened for someone else, and the clerk went on to the next person (seen in a
            # real window: People, Alt+V, and the last customer's signature was "Ready")
            self.hint.setText(
                self.tr(
                    "This signature was opened while {before} was chosen. To check {person}, "
                    "drop, open or paste their signature; Verify (Ctrl+Enter) asks before "
                    "checking this one against {person}."
                ).format(before=self.query_person, person=self.person_id())
            )
        elif self.query_is_sheet_photo:
            self.hint.setText(
                self.tr(
                    "This picture shows the whole paper the signature is on: pick the "
                    "signature out of it with Crop from page… (Ctrl+Shift+O), or press Verify "
                    "(Ctrl+Enter), which asks first."
                )
            )
        else:
            self.hint.setText(self.tr("Ready: press Verify (Ctrl+Enter)."))

    def _settles_queue_item(self) -> bool:
        """Recording the result on screen settles the queue item its signature came from
        (:meth:`_queue_item_of`; an item settled already when opened is not offered)."""
        return self._queue_item_of(self.result) is not None

    # ------------------------------------------------------------ verifying

    def verify(self) -> None:
        # asked from the person field (read before any question below: the focus comes
        # back from a dialog later, a review found)
        from_person_field = self.person.lineEdit().hasFocus()
        person_id, query = self.person_id(), self.query
        if person_id is None or query is None or self.engine.model is None:
            self._changed()
            return
        if self.query_person not in (None, person_id):  # (asked first: a "record it" reruns this)
            if not dialogs.ask(
                self,
                self.tr("Another person's signature?"),
                self.tr(
                    "This signature was opened or checked for {before}. Check it against {person}?"
                ).format(  # named (ids alone: seen in a real window)
                    before=self.person.named(self.query_person),
                    person=self.person.named(person_id),
                ),
                self.tr("&Check against {person}").format(person=person_id),
            ):
                return
            self.query_person = person_id
        # another person's (or signature's) unrecorded result is not replaced unasked
        if self.has_unrecorded_result() and not self.result_is_current():
            before = self.tr("checking {person}").format(person=person_id)
            if not self.settle_unrecorded(before, then=self.verify):
                return
        if self.query_is_sheet_photo:  # (seen in a real window: REJECT, 0 %, recorded)
            # asked after the unrecorded result: a "record it first" comes back here
            # a slip or a whole page: the quick look cannot tell them (a slip holding the
            # signature alone does as well uncut, bench/locate.py --slips --verify)
            choice = dialogs.choose(
                self,
                self.tr("A picture of the whole paper"),
                self.tr(
                    "This picture shows the whole paper the signature is on. Print, lines or other "
                    "writing on it would be compared with the references too, and the answer "
                    "would say little about the signature. Pick the signature out of it "
                    "first? (A slip holding the signature alone can be checked as it is.)"
                ),
                [self.tr("&Crop from page…"), self.tr("Check it as it &is")],
            )
            if choice is None:
                return
            if choice == 0:
                sheet = self.query
                self.drop_area.crop()
                if self.query is not sheet and self.query.cut_from_page:
                    self.verify()  # what Ctrl+Enter asked for (it stopped at "ready", seen)
                return
        self.query_person = person_id
        self.verify_button.setEnabled(False)
        # checked from the person field: the next person typed replaces this one (it was
        # added to "曾国藩 — B-2004": a real-window pass); selected now, not when the answer
        # comes, which would select what was typed meanwhile (a review). The answer then
        # takes the keys to the comment (show_result).
        self._from_person_field = from_person_field
        if from_person_field:
            self.person.lineEdit().selectAll()
        held = self.engine.held_by()  # ("Checking…" for minutes behind a change: seen)
        self.hint.setText(
            self.tr(
                "Checking… after a change asked for before it, which waits for {what} to "
                "end. Pausing or stopping it lets both run now."
            ).format(what=held)
            if held
            else self.tr("Checking…")
        )

        # past the question above with "Check it as it is": the log says so (it did not)
        whole_paper = self.query_is_sheet_photo

        def work(context, job):
            result = context.require_service().verify(person_id, query, record=False)
            return dataclasses.replace(result, whole_paper=True) if whole_paper else result

        def failed(error):
            self._changed()
            dialogs.show_error(self, error)

        # urgent: between a Queue check's chunks (a clerk at the desk waited for the whole
        # queue; the queue's own clerks already settle items that way)
        self.engine.submit(
            work, lambda result: self.show_result(result, query), failed, urgent=True
        )

    def show_result(self, result, query=None) -> None:
        """``query``: the signature the result was computed for (the one shown, if None)."""
        self.result = result
        self.result_query = query if query is not None else self.query
        self.recorded = False
        self.audit_row, self.queue_note, self.queue_settled = None, "", ""
        has = result is not None
        for widget in (self.comment, self.record_button, self.report_button, self.print_button):
            widget.setEnabled(has)
        self.record_status.say()
        self.comment.clear()
        self.summary.show_result(result)
        reveal(self.summary.badge)  # the answer (or its empty place), in a low window
        if has:
            self._changed()
        # checked from the person field and still there, untouched: what is typed next is
        # the comment (Ctrl+S records both); "ok" typed there replaced the person, and the
        # result could not be recorded until chosen again (a real-window pass). After Record
        # the keys go back to the person field for the next customer.
        field = self.person.lineEdit()
        if has and self._from_person_field and field.hasFocus() and self.result_is_current():
            move_focus(self.comment, keyboard=True)  # (a key asked for it: the frame shows)
        self._from_person_field = False
        # last: the answer above is the one Record writes, whatever drawing the references
        # does (it failed once, and the last answer stayed above a new one: seen)
        self.comparison.show_result(result)
