"""People: find a person, enrol a new one, add or remove reference signatures."""

from __future__ import annotations

import contextlib
import time

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sigverify.core.errors import NotFoundError
from sigverify.core.i18n import join_sentences
from sigverify.core.operators import operator_name
from sigverify.core.pinyin import has_han
from sigverify.core.store import Store
from sigverify.core.store.records import person_label
from sigverify.core.verification_results import (
    too_few_references_advice,
)
from sigverify.gui import dialogs
from sigverify.gui.enrolment_flow import EnrolmentFlow
from sigverify.gui.keyboard import (
    clear_on_escape,
    down_into,
    frame_when_focused,
    mark_primary,
    move_focus,
    widget_shortcut,
)
from sigverify.gui.panes import reveal, two_panes
from sigverify.gui.pending_signatures import PendingSignatures
from sigverify.gui.people_list import PeopleList
from sigverify.gui.person_cards import PersonCards
from sigverify.gui.person_deletion import PersonDeletion
from sigverify.gui.person_details import PersonDetails
from sigverify.gui.references_panel import ReferencesPanel
from sigverify.gui.signature_input import standard_shortcuts
from sigverify.gui.widgets import RoleButton
from sigverify.gui.workers import Engine

PERSON_ROLE = Qt.ItemDataRole.UserRole
LISTED_MOST = 500  # people listed at most; a search finds the others
#: Two searches in a row that took this long (seconds) make the next keys wait for
#: typing to pause :data:`TYPING_PAUSE_MS` before searching: at 100,000 Chinese names each
#: key froze the window 0.4-0.9 s (`bench/server_search.py`). A smaller store is searched
#: at each key (a first search, which reads the pinyin table, may take long once).
SLOW_SEARCH_S = 0.15
TYPING_PAUSE_MS = 250


class PeoplePage(EnrolmentFlow, PersonDeletion, QWidget):
    people_changed = Signal()
    # a signature to check against this person (id): the Verify page takes them.
    verify_requested = Signal(str)

    def __init__(self, engine: Engine, store: Store, parent=None):
        super().__init__(parent)
        self.engine, self.store = engine, store
        self.person_id: str | None = None  # None: a new person is being entered
        self._enrolling = []

        # -- left: the people
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by id or name…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._typed)
        self._slow_searches = 0  # searches in a row that took long
        self._typing = QTimer(self)  # a search waiting for typing to pause
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(self.refresh)
        self.first_field = self.search
        self.search_field = self.search  # Ctrl+F
        clear_on_escape(self.search)
        self.search.returnPressed.connect(self.open_search)
        self.people = PeopleList()
        down_into(self.search, self.people, before=self._search_now)
        self.people.setSpacing(3)  # one person's two lines apart from the next one's
        frame_when_focused(self.people)  # empty, it showed nothing when Tab reached it (seen)
        self.people.currentItemChanged.connect(self._person_chosen)
        self.new_button = QPushButton(self.tr("New person"))
        # Ctrl+N is the main window's: it comes here from any page (it did nothing on Verify)
        self.new_button.setToolTip(self.tr("Enrol someone new (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_person)
        self.delete_button = RoleButton(self.tr("&Delete person…"), store, "delete")
        self.delete_button.clicked.connect(self.delete_person)
        # Delete on the list, as on the references (it did nothing: seen in a real window)
        widget_shortcut(self.people, QKeySequence.StandardKey.Delete, self._delete_pressed)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.people, 1)
        self.more = QLabel()  # how many more a search would find
        self.more.setWordWrap(True)
        self.more.hide()
        left_layout.addWidget(self.more)
        self.cards = PersonCards(self)  # a person to or from one file
        for buttons in ((self.new_button, self.delete_button), self.cards.buttons()):
            row = QHBoxLayout()
            for button in buttons:
                row.addWidget(button)
            left_layout.addLayout(row)

        # -- right: the chosen person
        self.details = PersonDetails()
        self.details.edited.connect(self._update_buttons)
        self.details.save_requested.connect(lambda: self.save_details())
        self.details.verify_requested.connect(lambda: self.verify_requested.emit(self.person_id))

        self.reference_panel = ReferencesPanel(engine, store)
        # the status line is said again: it quoted the model before's figures (seen)
        engine.model_changed.connect(lambda _: self._update_buttons())
        self.reference_panel.references_changed.connect(self._references_changed)
        self.reference_panel.removed.connect(self._reference_removed)

        self.adding = PendingSignatures()
        self.adding.changed.connect(self._update_buttons)
        self.adding.added.connect(lambda: reveal(self.enroll_button))  # (below a low window)
        self.drop_area = self.adding.drop_area
        # the lists of references take drops too (a drop on them was refused: a pass)
        self.drop_area.take_drops_on(self.reference_panel.references, self.adding.thumbnails)
        standard_shortcuts(
            self.drop_area,
            self.search,
            self.details.id_edit,
            self.details.name_edit,
            self.details.note_edit,
        )
        self.enroll_button = QPushButton()
        mark_primary(self.enroll_button)
        self.enroll_button.setShortcut("Ctrl+Return")
        self.enroll_button.clicked.connect(self.enroll)
        self.status = QLabel()
        self.status.setWordWrap(True)
        # two lines kept: a message wrapping onto a second one moved the buttons above it
        # (seen in a real window: a second click on "Remove reference…" missed it)
        self.status.setMinimumHeight(2 * self.status.fontMetrics().lineSpacing())
        self.adding.add_footer(self.status, self.enroll_button)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.details)
        right_layout.addWidget(self.reference_panel, 1)
        right_layout.addWidget(self.adding, 0)

        two_panes(self, left, right, (260, 800))
        self._choosing = self._refresh_after_choice = False
        self.refresh()
        self.new_person()

    # ------------------------------------------------------------ people list

    def _typed(self) -> None:
        """A key typed in the search: the people found at once, or once typing pauses
        where the last two searches took long (:data:`SLOW_SEARCH_S`); a search emptied by
        the app (to show who was just enrolled) at once."""
        if self._slow_searches >= 2 and self.search.hasFocus():
            self._typing.start()
        else:
            self.refresh()

    def _search_now(self) -> None:
        """The search waiting for typing to pause, now (Enter or Down acts on its list)."""
        if self._typing.isActive():
            self.refresh()

    def refresh(self) -> None:
        if self._choosing:  # the list is inside its own signal: rebuild it after that
            self._refresh_after_choice = True
            return
        self._typing.stop()
        keep = self.person_id
        self.people.blockSignals(True)
        self.people.clear()
        # the first ones only (a list of 50,000 took seconds at each key typed: seen in a
        # real window); one further tells whether there are more
        started = time.perf_counter()
        listed = self.store.list_people(self.search.text(), LISTED_MOST + 1)
        slow = time.perf_counter() - started >= SLOW_SEARCH_S
        self._slow_searches = self._slow_searches + 1 if slow else 0
        self.more.setVisible(len(listed) > LISTED_MOST)
        self.more.setText(
            self.tr(
                "Only the first {shown} are listed: type a part of an ID or name to find the "
                "others."
            ).format(shown=QLocale().toString(LISTED_MOST))
        )
        for person in listed[:LISTED_MOST]:
            # (a long name wraps before "— ID", kept together, not between them)
            label = person_label(person.id, person.name).replace(" — ", "\u00a0—\u00a0")
            item = QListWidgetItem(
                self.tr("{label}\n%n reference(s)", "", person.reference_count).format(label=label)
            )
            item.setData(PERSON_ROLE, person.id)
            self.people.addItem(item)
            if person.id == keep:
                self.people.setCurrentItem(item)
        self.people.blockSignals(False)
        self._enable_delete()
        typed = self.search.text().strip()
        if not typed:
            empty = self.tr("Nobody is enrolled yet.\nPress Ctrl+N to enrol the first person.")
        elif _is_a_name(typed):
            empty = self.tr(
                "Nobody found for “{text}”.\nPress Enter to enrol a new person named “{text}”."
            ).format(text=typed)
        else:
            empty = self.tr(
                "Nobody found for “{text}”.\nPress Enter to enrol “{text}” as a new person."
            ).format(text=typed)
        self.people.empty_text = empty
        self.people.viewport().update()

    def open_search(self) -> None:
        """Enter in the search: the people found (the first one chosen), or, when nobody
        is, a new person with what was typed as the ID (Enter did nothing: a clerk who
        typed the id of someone not yet enrolled had to press Ctrl+N and type it again,
        seen in a real window), or as the name when it reads as one (:func:`_is_a_name`:
        "zhang san" became an ID, a real-window pass), the ID then to be typed."""
        self._search_now()
        typed = self.search.text().strip()
        if self.people.count():  # as Down does
            move_focus(self.people, keyboard=True)
            if self.people.currentItem() is None:
                self.people.setCurrentRow(0)
        # (only for a new person begun: after Cancel, the search text went into the person
        # kept, a name beside another's ID: a review)
        elif typed and self.new_person() and not self.details.id_edit.isReadOnly():
            if _is_a_name(typed):
                self.details.name_edit.setText(typed)
            else:
                self.details.id_edit.setText(typed)
            move_focus(self.details.id_edit, keyboard=True)

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt API
        """A search waiting for typing to pause is not made on another page (the window
        froze there for it; shown again, the page searches anyway)."""
        self._typing.stop()
        super().hideEvent(event)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        """Back from another page: the people as the store has them now (enrolled at the
        command line or another desk meanwhile: the list stayed as it was, seen in a real
        window), and the person's own thresholds as they are now (the name and note typed
        are left as they are)."""
        super().showEvent(event)
        self.refresh()
        if self.person_id is not None:
            # (deleted elsewhere: said when the clerk acts on them)
            with contextlib.suppress(NotFoundError):
                self.details.show_thresholds(
                    self.store.get_person(self.person_id), self._model_id()
                )

    def _person_chosen(self, item, previous=None) -> None:
        if item is None:
            return
        chosen = item.data(PERSON_ROLE)
        stay = None if previous is None else previous.data(PERSON_ROLE)
        # a save chosen in the first question finishes while the second is open: its
        # refresh must not rebuild the list under the list's own signal (seen in a real
        # window: an internal error for a deleted row, the list lit on someone not shown)
        self._choosing = True

        def go_on() -> None:  # once they are enrolled for the person before
            self._select_quietly(chosen)
            self.show_person(chosen)

        try:
            settled = self.settle_details() and self.settle_pending(go_on=go_on)
        finally:
            self._choosing = False
        if self._refresh_after_choice:
            self._refresh_after_choice = False
            QTimer.singleShot(0, self, self.refresh)
        if not settled:
            self._select_quietly(stay)
            # again once the key press or click that chose ``item`` has finished selecting
            # it (seen in a real window: Down, Cancel, and the other person stayed lit)
            QTimer.singleShot(0, self, lambda: self._select_quietly(stay))
            return
        self._select_quietly(chosen)
        self.show_person(chosen)

    def _select_quietly(self, person_id: str | None) -> None:
        """Make ``person_id``'s row (None, or not listed: nobody) the list's current and
        only selected row, without showing anyone."""
        rows = [self.people.item(i) for i in range(self.people.count())]
        item = next((r for r in rows if r.data(PERSON_ROLE) == person_id), None)
        self.people.blockSignals(True)
        self.people.clearSelection()
        if item is None:
            self.people.setCurrentRow(-1)
        else:
            self.people.setCurrentItem(item)
            item.setSelected(True)
        self.people.blockSignals(False)

    def settle_details(self, then=None) -> bool:
        """Before leaving a person whose name or note was edited: save, discard or cancel.
        True when the caller may go on now; with "save" and ``then``, False, and ``then()``
        runs once the changes are written. A new person's typed ID, name or note (kept only
        by enrolling) are dropped, or Cancel: they went silently (seen in a real window).
        An enrolled person's ID typed alone loses nothing: not asked (it was)."""
        if self.details.new_typed() and not self.adding.signatures and not self._enrolled_typed():
            return dialogs.ask(
                self,
                self.tr("New person not enrolled"),
                self.tr(
                    "The new person's ID, name and note are kept only when their signatures "
                    "are enrolled. Drop what was typed?"
                ),
                self.tr("&Drop"),
            )
        if not self.details.edited_now():
            return True
        choice = dialogs.choose(
            self,
            self.tr("Unsaved changes"),
            self.tr("The name or note of {id} was changed. Save the changes?").format(
                id=self.person_id
            ),
            [self.tr("&Save"), self.tr("&Discard")],
        )
        if choice is None:
            return False
        if choice == 0:
            self.save_details(then)
            return then is None
        if then is None:  # the fields show what is stored again
            self.details.revert()
        # quitting: "Discard" takes effect when the window closes, so a Cancel to a later
        # question keeps the edit (it had been marked saved and then went unasked)
        return True

    def _enrolled_typed(self) -> bool:
        """Only an enrolled person's ID was typed on the new person's form."""
        return self.details.typed() == ("", "") and self._enrolled_references()[0] is not None

    def new_person(self) -> bool:
        """A new person to enter; False when the clerk kept what was typed or waiting (a
        question answered Cancel, or signatures to settle first)."""
        if not self.settle_details() or not self.settle_pending(go_on=self.new_person):
            return False
        self.person_id = None
        self.people.blockSignals(True)  # nobody current: a click on the last one shown counts
        self.people.setCurrentRow(-1)
        self.people.clearSelection()
        self.people.blockSignals(False)
        self.details.show_new(self.tr("New person"))
        self.details.id_edit.setFocus()
        reveal(self.details.title)  # (a low window's pane may be scrolled to Enrol)
        self.reference_panel.show_person(None)
        self._enable_delete()
        self._update_buttons()
        return True

    def show_person(self, person_id: str) -> None:
        try:
            person = self.store.get_person(person_id)
        except NotFoundError as error:
            dialogs.show_error(self, error)
            self.refresh()
            return
        another = person.id != self.person_id  # (the same one again keeps its place)
        self.person_id = person.id
        self.details.show_person(person, self._model_id())
        if another:
            reveal(self.details.title)
        self._enable_delete()
        self.reference_panel.show_person(person.id)
        self._update_buttons()

    def _enable_delete(self) -> None:
        """Delete and Export, under the list, are for the person chosen in it: the one
        shown and listed (a search that found nobody left Delete enabled for the last
        person shown, whose details stay, seen in a real window)."""
        item, shown = self.people.currentItem(), self.person_id
        chosen = shown is not None and item is not None and item.data(PERSON_ROLE) == shown
        self.delete_button.setEnabled(chosen)
        self.cards.export_button.setEnabled(chosen)

    def _model_id(self) -> str | None:
        return self.engine.model.model_id if self.engine.model is not None else None

    # ------------------------------------------------------------ name and note

    def save_details(self, then=None) -> None:
        if not self.details.edited_now():
            return
        person_id = self.person_id
        name, note = self.details.typed()

        def work(context, job):
            context.store.update_person(person_id, name, note, operator_name(context.store))

        def done(_):
            if person_id == self.person_id:
                self.details.mark_saved(name, note)
                self._update_buttons()
                # after: _update_buttons() writes the "Add 5 to 10" line (it hid this one)
                self.status.setText(self.tr("Name and note saved."))
            self.refresh()
            self.people_changed.emit()
            if then is not None:  # after the worker's jobs, this one's and any it queued
                self.engine.when_idle(then)

        self.engine.submit(work, done, lambda error: dialogs.show_error(self, error))

    # ------------------------------------------------------------ removing

    def _references_changed(self, person_id: str) -> None:
        self.refresh()
        if person_id == self.person_id:  # the clerk may have moved on meanwhile
            self.show_person(person_id)
        self.people_changed.emit()

    def _reference_removed(self, person_id: str, label: str, waiting: bool) -> None:
        if waiting:
            self.status.setText(
                self.tr(
                    "Removing “{file}” from {id}'s references waits for another supervisor's "
                    "approval."
                ).format(file=label, id=person_id)
            )
            return
        text = self.tr("Removed “{file}” from {id}'s references.").format(file=label, id=person_id)
        model = self.engine.model
        advice = too_few_references_advice(
            person_id, len(self.store.references(person_id)), model.card if model else None
        )
        self.status.setText(join_sentences(text, advice or ""))


def _is_a_name(typed: str) -> bool:
    """``typed`` reads as a person's name rather than an ID: Chinese characters, or words
    with a blank between them and no digit ("zhang san", "Ana Silva"; "C-1042", "B 2001"
    are IDs)."""
    return has_han(typed) or (" " in typed and not any(c.isdigit() for c in typed))
