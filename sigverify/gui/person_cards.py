"""The People page's person cards: a person saved to one file (their reference signatures
as enrolled, name, note and own thresholds) and enrolled from it at another desk or store
(:mod:`sigverify.core.person_card`; the command line's ``export`` and ``import``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QInputDialog, QPushButton

from sigverify.core.backup_encryption import PassphraseNeededError, WrongPassphraseError
from sigverify.core.errors import NotFoundError
from sigverify.core.odd_references import InconsistentReferencesError
from sigverify.core.operators import operator_name
from sigverify.core.person_card import (
    card_file_name,
    check_not_enrolled,
    export_person,
    import_person,
    open_card,
)
from sigverify.core.store.records import person_named
from sigverify.gui import dialogs
from sigverify.gui.card_passphrase import ask_card_passphrase, ask_new_card_passphrase
from sigverify.gui.folders import ask_open, ask_save
from sigverify.gui.keyboard import move_focus
from sigverify.gui.widgets import RoleButton, file_filter


class PersonCards(QObject):
    """Its two buttons, for the page to place: Import card… (for those who may import),
    and Export card… (the page enables it for the person chosen)."""

    def __init__(self, page):
        super().__init__(page)
        self.page = page
        self.import_button = RoleButton(self.tr("&Import card…"), page.store, "import")
        self.import_button.setToolTip(
            self.tr("Enrol a person from a card saved at another desk (Export card…)")
        )
        self.import_button.clicked.connect(lambda: self.import_card())
        self.export_button = QPushButton(self.tr("E&xport card…"))
        self.export_button.setToolTip(
            self.tr("Save this person's references, name, note and thresholds in one file")
        )
        self.export_button.clicked.connect(self.export_card)
        self.export_button.setEnabled(False)

    def buttons(self) -> tuple[QPushButton, QPushButton]:
        return self.import_button, self.export_button

    def _filter(self) -> str:
        return file_filter(self.tr("Person cards"), "*.zip")

    def export_card(self) -> None:
        """Save the person chosen to a card file, in the worker (the store's reads and the
        audit row wait behind its writes: the window froze meanwhile), a changed name or
        note settled first (else the card held the stored ones, unsaid)."""
        page = self.page
        person_id = page.person_id
        if person_id is None or not page.settle_details():
            return
        title = self.tr("Export person card")
        path = ask_save(page, title, "cards", card_file_name(person_id), self._filter())
        if not path:  # (the last export's line stayed, as if this one was saved: stop 71)
            page.status.setText(self.tr("Nothing was saved."))
            return
        # a card holds the person's signatures, on a stick or in an e-mail (stop 69)
        # (the name as the card will hold it: one just saved is written after this)
        named = person_named(person_id, page.details.name_edit.text().strip())
        passphrase = ask_new_card_passphrase(page, named, Path(path).name)
        if passphrase is None:
            page.status.setText(self.tr("Nothing was saved."))
            return
        operator = operator_name(page.store)
        page.status.setText(self.tr("Saving {person}'s card…").format(person=person_id))

        def saved(_) -> None:
            text = (
                self.tr(
                    "{person}'s card is saved as {file}, protected by the passphrase: "
                    "importing it asks for it."
                )
                if passphrase
                else self.tr(
                    "{person}'s card is saved as {file}, without a passphrase: anyone "
                    "holding the file can see the signatures."
                )
            )
            page.status.setText(text.format(person=person_id, file=Path(path).name))

        def failed(error) -> None:
            page.status.clear()
            dialogs.show_error(page, error, title)

        page.engine.submit(
            lambda context, job: export_person(
                context.store, person_id, path, operator, passphrase or None
            ),
            saved,
            failed,
        )

    def import_card(self, path: str | None = None) -> None:
        """Enrol the person of a card file (asked for when ``path`` is None), under
        another ID when theirs is taken here; the person is then shown."""
        page = self.page
        if not page.settle_details() or not page.settle_pending(
            go_on=lambda: self.import_card(path)
        ):
            return
        title = self.tr("Import person card")
        path = path or ask_open(page, title, "cards", self._filter())
        if not path:
            return
        self._open(path)

    def _open(self, path: str, passphrase=None, refused=None, tries: int = 0) -> None:
        """Read and check the card in the worker (an encrypted one stretches its passphrase
        for half a second: the window froze meanwhile), asking for its passphrase when it
        needs one (again, saying so, when the one typed is wrong); then an ID for it."""
        page = self.page
        if self.import_button.hasFocus():  # (disabled, it handed the focus to the ID field)
            move_focus(page.people)
        self.import_button.setEnabled(False)  # (one card at a time)
        page.status.setText(self.tr("Opening {file}…").format(file=Path(path).name))

        operator = operator_name(page.store)

        def work(context, job):
            card = open_card(context.store, operator, path, passphrase)
            check_not_enrolled(context.store, card)  # (before an ID is asked for)
            return card

        def done(card) -> None:
            page.status.clear()
            self.import_button.setEnabled(True)
            person_id = self._free_id(card)
            if person_id is not None:
                self._import(path, person_id, card, accept_outliers=False)

        def failed(error) -> None:
            page.status.clear()
            self.import_button.setEnabled(True)
            if not isinstance(error, (PassphraseNeededError, WrongPassphraseError)):
                dialogs.show_error(page, error, self.tr("Import person card"))
                return
            said, tried = refused, tries
            if isinstance(error, WrongPassphraseError):
                said, tried = str(error), tries + 1
            typed = ask_card_passphrase(page, path, said, tried)
            if typed is not None:
                self._open(path, typed, said, tried)

        page.engine.submit(work, done, failed, urgent=True)

    def _free_id(self, card) -> str | None:
        """The card's ID, or, when someone here has it (capitals aside), another one typed
        (None: Cancel): the same ID would be another person's references added to them."""
        store, person_id, asked = self.page.store, card.id, False
        named = person_named(card.id, card.name)
        while True:
            enrolled = store.enrolled_id(person_id) if person_id else None
            if person_id and enrolled is None:
                return person_id
            title = self.tr("ID already enrolled")
            if not person_id:  # (OK on an empty field gave up unsaid: seen)
                title = self.tr("Import person card")
                question = self.tr("Type an ID for {card} in this store:").format(card=named)
            else:
                try:
                    someone = store.get_person(enrolled)
                except NotFoundError:  # deleted at another desk meanwhile: free now
                    continue
                here = person_named(someone.id, someone.name)
                if not asked and someone.name == card.name:  # (named twice read heavily)
                    question = self.tr(
                        "{here} is already enrolled here. Type another ID in this store for "
                        "the card's person:"
                    )
                elif not asked:
                    question = self.tr(
                        "{here} is already enrolled here. Type another ID in this store for "
                        "the card's person, {card}:"
                    )
                elif person_id == enrolled:  # (asked again without a word why: seen)
                    question = self.tr(
                        "“{typed}” is taken too: {here} has it. Another ID for {card}:"
                    )
                else:
                    question = self.tr(
                        "“{typed}” is taken too: {here} has it (IDs differing only in "
                        "capitals are the same ID). Another ID for {card}:"
                    )
                question = question.format(here=here, card=named, typed=person_id)
            typed, ok = QInputDialog.getText(self.page, title, question, text=person_id)
            if not ok:
                return None
            person_id, asked = typed.strip(), True

    def _import(self, path: str, person_id: str, card, accept_outliers: bool) -> None:
        page = self.page
        if self.import_button.hasFocus():  # (disabled, it handed the focus to the ID field)
            move_focus(page.people)
        self.import_button.setEnabled(False)
        page.status.setText(self.tr("Importing {id}…").format(id=person_id))
        shown = page.person_id  # what the page shows while the references are measured

        def work(context, job):  # (the card as read: an encrypted one is not opened twice)
            service = context.require_service()
            return import_person(service, path, person_id, accept_outliers, card=card)

        page.engine.submit(
            work,
            lambda imported: self._imported(imported, card, path, shown),
            lambda error: self._failed(error, path, person_id, card),
        )

    def _imported(self, person_id: str, card, path: str, shown: str | None) -> None:
        """The person imported is shown, unless the clerk went on meanwhile (another person
        chosen, a name or note edited, signatures added: the import took them away, a
        review found); then the list has them."""
        page = self.page
        self.import_button.setEnabled(True)
        text = self.tr(
            "Imported {person} with %n reference(s) from {file}.", "", len(card.signatures)
        )
        text = text.format(person=person_named(person_id, card.name), file=Path(path).name)
        own = card.accept_threshold is not None or card.reject_threshold is not None
        if own and page.store.needs_approval:
            text += " " + self.tr("Their own thresholds wait for another supervisor's approval.")
        details = page.details
        if (
            page.person_id != shown
            or details.edited_now()
            or details.new_typed()
            or (page.adding.signatures)
        ):
            page.refresh()
            page.status.setText(text)
        else:  # as after an enrolment: chosen in the list, a search hiding them cleared
            page.person_id = person_id
            page.refresh()
            if page.people.currentItem() is None and page.search.text():
                page.search.clear()
            page.show_person(person_id)
            page.status.setText(text)
        page.people_changed.emit()

    def _failed(self, error, path: str, person_id: str, card) -> None:
        page = self.page
        self.import_button.setEnabled(True)
        page.status.clear()
        if isinstance(error, InconsistentReferencesError):
            asked = dialogs.ask(
                page,
                self.tr("A reference looks different"),
                self.tr("{message}\n\nImport anyway? Cancel imports nothing.").format(
                    message=str(error)
                ),
                self.tr("&Import anyway"),
            )
            if asked:
                self._import(path, person_id, card, accept_outliers=True)
            return
        QApplication.beep()
        dialogs.show_error(page, error, self.tr("Import person card"))
