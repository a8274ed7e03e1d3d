"""The People page's signatures waiting to be enrolled: the Enrol button and the line
under them, enrolling (with the question about a reference unlike the others), and what
becomes of signatures still waiting when the clerk moves on or quits."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from sigverify.core.errors import NotFoundError
from sigverify.core.i18n import join_sentences
from sigverify.core.odd_references import InconsistentReferencesError
from sigverify.core.verification_results import RECOMMENDED_REFERENCES
from sigverify.gui import dialogs
from sigverify.gui.keyboard import move_focus
from sigverify.gui.language import PagePart


class EnrolmentFlow(PagePart):
    """Mixed into :class:`~sigverify.gui.people_page.PeoplePage`, which provides the
    widgets (``adding``, ``details``, ``enroll_button``, ``status``, ``people``, ``search``,
    ``first_field``), the worker and store, ``person_id``, ``refresh``, ``show_person`` and
    the ``people_changed`` signal."""

    _enrolling: list  # signatures waiting that the worker is enrolling now (set by the page)
    _after_enrolled = None  # quitting: closes the window once they are enrolled

    def settle_pending(self, then=None, go_on=None) -> bool:
        """Before another person (or a new one) is shown: signatures added and not enrolled
        would stay in the list and be enrolled for that person (seen in a real window: five
        signatures gathered for a new person went to an existing one). Drop them, or Cancel
        and stay; with an ID to enrol them for, "Enrol them" too, which enrols them and then
        runs ``go_on()`` (only Drop or Cancel lost the work to a clerk called to another
        person: seen). True when the caller may go on now. ``then`` (quitting):
        "Enrol them" too, which enrols them (with the name and note typed) and runs
        ``then()`` once they are all enrolled (False meanwhile); "Drop" leaves them (and a
        new person's typed details) to go with the window, which closes without asking
        about those details again."""
        if self._enrolling and then is None:
            # not while an enrolment runs (a second or two): the signatures it enrols
            # stayed in the list under the person chosen meanwhile, and one it asks about
            # could be enrolled for them; and its end showed the person enrolled again
            QApplication.beep()
            self.status.setText(self.tr("Enrolling… Choose again once it is done."))
            return False
        waiting = self._waiting()
        if not waiting:
            return True
        who = self.person_id or self.details.id_edit.text().strip()
        if then is not None:
            return self._settle_pending_on_quit(waiting, who, then)
        if who and len(waiting) == 1:  # ("Enrol them" read oddly for one signature)
            text = self.tr(
                "Not enrolled yet: 1 signature added for {id}. Enrol it for {id} first, or drop it?"
            ).format(id=who)
            options = [self.tr("&Enrol it for {id}").format(id=who), self.tr("&Drop")]
        elif who:
            text = self.tr(
                "Not enrolled yet: %n signature(s) added for {id}. Enrol them for {id} first, "
                "or drop them?",
                "",
                len(waiting),
            ).format(id=who)
            options = [self.tr("&Enrol them for {id}").format(id=who), self.tr("&Drop")]
        else:
            text = self.tr(
                "Not enrolled yet: %n signature(s) added for the new person. "
                "Drop the signature(s)?",
                "",
                len(waiting),
            )
            options = [self.tr("&Drop")]
        choice = dialogs.choose(self, self.tr("Signatures not enrolled"), text, options)
        if choice is None:
            return False
        if self._enrolling or self._waiting() != waiting:
            # they changed while the question was open: an Enrol pressed just before the
            # key that chose another person (Qt clicks a button's key 0.1 s later) enrolled
            # them, and "Enrol them" then failed with nothing to enrol (seen in a real
            # window); asked again as things are now
            return self.settle_pending(then, go_on)
        if len(options) == 2 and choice == 0:
            self.enroll(then=go_on)  # (a question on the way may stop it: then nothing)
            return False
        self.adding.clear()
        return True

    def _waiting(self) -> list:
        """The signatures waiting and not being enrolled now."""
        return [s for s in self.adding.signatures if s not in self._enrolling]

    def _settle_pending_on_quit(self, waiting: list, who: str, then) -> bool:
        one = len(waiting) == 1  # "Enrol them" read oddly for one signature
        if who and one:
            text = self.tr(
                "Not enrolled yet: 1 signature added for {id}. Enrol it before quitting, or "
                "drop it?"
            ).format(id=who)
        elif who:
            text = self.tr(
                "Not enrolled yet: %n signature(s) added for {id}. Enrol them before quitting, "
                "or drop them?",
                "",
                len(waiting),
            ).format(id=who)
        elif one:
            text = self.tr(
                "Not enrolled yet: 1 signature added for the new person. Type their ID and "
                "enrol it, or drop it?"
            )
        else:
            text = self.tr(
                "Not enrolled yet: %n signature(s) added for the new person. Type their ID and "
                "enrol them, or drop them?",
                "",
                len(waiting),
            )
        choice = dialogs.choose(
            self,
            self.tr("Signature not enrolled") if one else self.tr("Signatures not enrolled"),
            text,
            [self.tr("&Enrol it") if one else self.tr("&Enrol them"), self.tr("&Drop")],
        )
        if choice is None:
            return False
        if choice == 0:
            self.enroll(then=then)
            return False
        # "Drop" takes effect when the window closes: a Cancel to a later question (an
        # unrecorded result, work still running) keeps them, as "Do not record" does
        return True

    def _update_buttons(self) -> None:
        count = len(self.adding.signatures)
        self.enroll_button.setText(
            self.tr("Enrol %n reference(s)", "", count) if count else self.tr("Enrol")
        )
        # setText() resets a button's shortcut (to the text's mnemonic): set it again.
        self.enroll_button.setShortcut("Ctrl+Return")
        self.enroll_button.setToolTip(self.tr("Enrol the signatures below (Ctrl+Enter)"))
        self.enroll_button.setEnabled(count > 0)
        self.details.save_button.setEnabled(self.details.edited_now())
        low, high = RECOMMENDED_REFERENCES
        # a store read: once (this runs at every key typed)
        typed, enrolled = self._enrolled_references()
        # (on a new person's form: for the person shown only, not an ID typed)
        self.details.verify_button.setEnabled(self.person_id is not None and enrolled > 0)
        if count and typed:  # a new person's form naming someone here: theirs they become
            self.status.setText(
                self.tr(
                    "%n signature(s) waiting for {id}, who is enrolled already: Enrol "
                    "(Ctrl+Enter) adds to their references.",
                    "",
                    count,
                ).format(id=typed)
            )
        elif count and enrolled + count < low:  # said before, not only after enrolling (seen)
            self.status.setText(
                self.tr(
                    "%n signature(s) waiting: press Enrol (Ctrl+Enter) to enrol. With fewer "
                    "than {low} references many more genuine signatures are refused: add more "
                    "if you can.",
                    "",
                    count,
                ).format(low=low)
            )
        elif count:  # not a line about an enrolment done before these were added
            self.status.setText(
                self.tr("%n signature(s) waiting: press Enrol (Ctrl+Enter) to enrol.", "", count)
            )
        elif typed:  # ("5 references enrolled" on a new person's form: whose? a pass)
            self.status.setText(
                self.tr(
                    "{id} is enrolled already, with %n reference(s): signatures enrolled here "
                    "are added to theirs. For a new person, type another ID.",
                    "",
                    enrolled,
                ).format(id=typed)
            )
        elif 0 < enrolled < low:  # ("Add 5 to 10" to someone with 4 read as none: a pass)
            self.status.setText(
                self.tr(
                    "%n reference(s) enrolled; add {more} to {most} more ({low} to {high} in "
                    "all): drop files, open, paste, draw or crop them from a page.",
                    "",
                    enrolled,
                ).format(more=low - enrolled, most=high - enrolled, low=low, high=high)
            )
        else:
            self.status.setText(
                self.tr(
                    "Add {low} to {high} signatures of this person: drop files, open, paste, "
                    "draw or crop them from a page."
                ).format(low=low, high=high)
                if enrolled < low  # (someone enrolled with 5 was told "Add 5 to 10", seen)
                else self.tr(
                    "%n reference(s) enrolled. To add more: drop files, open, paste, draw or "
                    "crop them from a page.",
                    "",
                    enrolled,
                )
            )

    def _enrolled_references(self) -> tuple[str | None, int]:
        """``(the enrolled ID typed on a new person's form or None, how many references the
        person shown or typed has)``: 0 for a new one, or one gone. "With fewer than 5
        references…" was said for someone with 10 (seen in a real window)."""
        typed_text = self.details.id_edit.text().strip()
        typed = None if self.person_id or not typed_text else self.store.enrolled_id(typed_text)
        person_id = self.person_id or typed
        if not person_id:
            return None, 0
        try:
            return typed, self.store.get_person(person_id).reference_count
        except NotFoundError:
            return None, 0

    def enroll(self, accept_outliers: bool = False, only: list | None = None, then=None) -> None:
        """Enrol the signatures waiting (``only``: these of them) for the person shown or
        typed; ``then()`` once none is left waiting."""
        if then is not None:
            self._after_enrolled = then
        person_id = self.details.id_edit.text().strip()
        if not person_id:
            dialogs.show_info(
                self,
                self.tr("Enrol"),
                self.tr("Type the person's ID first (for example a customer or patient number)."),
            )
            self.details.id_edit.setFocus()
            self._after_enrolled = None
            return
        # a field left empty keeps what is stored: references added to C-7 from a new
        # person's form with no name typed wiped "Tomas Berg" (seen in a real window)
        name, note = (text or None for text in self.details.typed())
        if self.person_id is None:  # a new person's id typed: maybe someone enrolled
            enrolled = self.store.enrolled_id(person_id)  # "c-7" is "C-7"
            if enrolled is not None:
                answer = self._add_to_enrolled(enrolled, name)
                if answer is None:
                    self._after_enrolled = None
                    return
                person_id = enrolled
                if answer == "theirs":  # a name typed for someone else renamed them (seen)
                    name = note = None
                elif name and name.casefold() == self.store.get_person(enrolled).name.casefold():
                    name = None  # theirs, in other capitals: kept as stored
        signatures = list(self.adding.signatures if only is None else only)
        self._enrolling = signatures  # being enrolled: not "waiting" any more
        if self.enroll_button.hasFocus():  # else Qt hands it on to the status bar's buttons
            move_focus(self.first_field)
        self.enroll_button.setEnabled(False)
        self.status.setText(self.tr("Enrolling…"))

        def work(context, job):
            return context.require_service().enroll(
                person_id, signatures, name=name, note=note, accept_outliers=accept_outliers
            )

        self.engine.submit(
            work, lambda result: self._enrolled(result, signatures), self._enroll_failed
        )

    def _add_to_enrolled(self, person_id: str, typed_name: str | None) -> str | None:
        """Asked when a new person's form names an id already enrolled: add the references
        to them? None: no. When the name typed is not theirs, the question says so first (a
        clerk who typed an existing id with another person's name added that person's
        signatures to them, and renamed them: seen in a real window), and "theirs": they
        keep their own name and note; else "typed": the name and note typed are theirs
        (a name for someone enrolled without one, a note)."""
        stored = self.store.get_person(person_id).name
        if typed_name and stored and typed_name.casefold() != stored.casefold():
            question = self.tr(
                "{id} is already enrolled, as {stored}, not as {typed}. Check the ID: these "
                "references are meant for the person who signed them.\n\nAdd them to {stored} "
                "({id}) anyway? {stored} keeps their name."
            ).format(id=person_id, stored=stored, typed=typed_name)
            button = self.tr("&Add them to {name}").format(name=stored)
            asked = dialogs.ask(self, self.tr("Another person's ID?"), question, button)
            return "theirs" if asked else None
        asked = dialogs.ask(
            self,
            self.tr("Already enrolled"),
            self.tr("{id} is already enrolled. Add these references to {id}?").format(id=person_id),
            self.tr("&Add them"),
        )
        return "typed" if asked else None

    def _enrolled(self, result, signatures) -> None:
        self._enrolling = []
        self.adding.take_out(signatures)  # those added meanwhile or left out stay, marked
        remaining = self.adding.signatures
        self.person_id = result.person_id
        self.refresh()
        if self.people.currentItem() is None and self.search.text():
            self.search.clear()  # the search hid the person just enrolled: show them
        self.show_person(result.person_id)
        text = self.tr("Enrolled %n reference(s).", "", len(result.reference_ids))
        odd_messages = {o.message for o in result.odd}
        others = [w for w in result.warnings if w not in odd_messages]
        # those unlike the others are marked on their thumbnail, with the reason beside
        # it; a sheet photo, another writer's or another person's image enrolled anyway
        # is not (the stored check cannot tell them), so the line did not promise a mark
        # for them (review)
        marked = [o for o in result.odd if o.stands_out]
        if marked:
            text = join_sentences(
                text,
                self.tr("Unlike the others: %n of them (see the ⚠ mark).", "", len(marked)),
            )
        if len(marked) < len(result.odd):
            text = join_sentences(
                text,
                self.tr(
                    "Enrolled though asked about: %n of them.", "", len(result.odd) - len(marked)
                ),
            )
        if remaining:  # left out as unlike the others (marked ⚠), or added meanwhile
            others.append(self.tr("%n signature(s) still waiting below.", "", len(remaining)))
        self.status.setText(join_sentences(text, *others))
        self.people_changed.emit()
        then, self._after_enrolled = self._after_enrolled, None
        if then is not None and not remaining:  # (those left stay to be seen)
            self.engine.when_idle(then)

    def _odd_question(self, error, several: bool, rest: bool) -> tuple[str, str, list]:
        """The title, question and answers about the references ``error`` names: photos
        of a whole sheet asked about as such, several as several (seen in a real window:
        "A reference looks different" for a slip photo, and for five at once), and no
        "leave them out and enrol the rest" with nothing else to enrol."""
        if all(o.enrolled_for for o in error.outliers):
            title = (
                self.tr("References of someone else")
                if several
                else self.tr("A reference of someone else")
            )
        elif all(o.sheet_photo for o in error.outliers):
            title = (
                self.tr("Pictures of the whole paper")
                if several
                else self.tr("A picture of the whole paper")
            )
        else:
            title = (
                self.tr("References look different")
                if several
                else self.tr("A reference looks different")
            )
        if not rest:
            question = self.tr(
                "{message}\n\nEnrol anyway? Cancel enrols nothing: what is named stays "
                "below, marked ⚠, to be checked."
            ).format(message=str(error))
            return title, question, [self.tr("&Enrol anyway")]
        question = self.tr(
            "{message}\n\nEnrol anyway, or leave out what is named here and enrol the "
            "rest? What is left out stays below, marked ⚠, to be checked. "
            "Cancel enrols nothing."
        ).format(message=str(error))
        leave = self.tr("&Leave them out") if several else self.tr("&Leave it out")
        return title, question, [self.tr("&Enrol anyway"), leave]

    def _enroll_failed(self, error) -> None:
        self._enrolling = []
        self._update_buttons()
        then, self._after_enrolled = self._after_enrolled, None
        if isinstance(error, InconsistentReferencesError):
            odd = {o.filename: o.message for o in error.outliers}
            rest = [s for s in self.adding.signatures if s.name not in odd]
            choice = dialogs.choose(self, *self._odd_question(error, len(odd) > 1, bool(rest)))
            if choice == 0:
                self.enroll(accept_outliers=True, then=then)
                return
            self.adding.mark(odd)  # (Cancel said nothing, the clerk reads why on the mark)
            if choice == 1 and rest:
                self.enroll(only=rest, then=then)
                return
            self.status.setText(
                join_sentences(
                    self.tr("Nothing was enrolled."),
                    # (a sheet photo is not "unlike the others")
                    self.tr("Marked ⚠ to be checked: %n of them.", "", len(odd)),
                )
            )
            return
        self.status.setText(self.tr("Nothing was enrolled."))
        dialogs.show_error(self, error)
