"""Deleting the person shown on the People page: Delete on the list or the button, the
question (with their name, and the signatures waiting that go too), and what the page
shows afterwards."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from sigverify.core.i18n import join_sentences
from sigverify.core.operators import operator_name
from sigverify.core.store.records import person_named
from sigverify.gui import dialogs
from sigverify.gui.language import PagePart


class PersonDeletion(PagePart):
    """Mixed into :class:`~sigverify.gui.people_page.PeoplePage`, which provides the
    widgets (``delete_button``, ``details``, ``adding``, ``status``), ``person_id``,
    ``store``, ``engine``, :meth:`new_person`, :meth:`refresh` and the ``people_changed``
    signal."""

    def _delete_pressed(self) -> None:
        if self.delete_button.isEnabled() and self.person_id is not None:
            self.delete_person()  # (it asks first)
        else:
            QApplication.beep()

    def delete_person(self) -> None:
        if self.person_id is None:
            return
        question = (
            self.tr(
                "Ask for {id} and all their reference signatures to be deleted? Nothing is "
                "deleted until another supervisor approves it."
            )
            if self.store.needs_approval
            else self.tr(
                "Delete {id} and all their reference signatures? This cannot be undone "
                "(the audit log keeps a record)."
            )
        )
        # with the name: an id alone was easy to misread in a question that deletes (seen)
        name = self.details.saved[0]
        question = question.format(id=person_named(self.person_id, name))
        waiting = len(self.adding.signatures)
        if waiting:
            question = join_sentences(
                question,
                self.tr(
                    "The %n signature(s) added and not enrolled will be dropped too.", "", waiting
                ),
            )
        if not dialogs.ask(self, self.tr("Delete person"), question, self.tr("&Delete")):
            return
        person_id, named = self.person_id, person_named(self.person_id, name)

        def work(context, job):
            return context.store.delete_person(person_id, operator_name(context.store))

        def deleted(pending) -> None:
            finish(pending)
            if pending is None:  # (the line said "Add 5 to 10 signatures…": seen)
                self.status.setText(
                    self.tr(
                        "{person} and their reference signatures are deleted; the audit log "
                        "keeps a record."
                    ).format(person=named)
                )

        def finish(pending=None) -> None:
            if pending is not None:  # a shared store: waits for another supervisor
                dialogs.show_pending(self, pending)
                return
            if person_id == self.person_id and self.store.enrolled_id(person_id) is None:
                # what was typed or added for them goes with them: no "save the
                # changes?" about a person who is gone (seen in a real window)
                self.details.saved = self.details.typed()
                self.adding.clear()
                self.new_person()
            self.refresh()
            self.people_changed.emit()

        def failed(error) -> None:
            dialogs.show_error(self, error)
            finish()

        self.engine.submit(work, deleted, failed)
