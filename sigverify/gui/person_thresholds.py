"""The Thresholds page's part for one person: whether the person chosen has thresholds of
their own, the controls on them, and giving or taking them away (audited)."""

from __future__ import annotations

import contextlib

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel

from sigverify.core.errors import NotFoundError
from sigverify.core.i18n import join_sentences
from sigverify.core.operators import operator_name
from sigverify.core.thresholds import has_own_thresholds
from sigverify.gui import dialogs
from sigverify.gui.keyboard import let_shortcut_through, move_focus
from sigverify.gui.language import PagePart
from sigverify.gui.person_box import PersonBox
from sigverify.gui.widgets import RoleButton, threshold_text


class PersonThresholds(PagePart):
    """For :class:`~sigverify.gui.thresholds_page.ThresholdsPage`: its ``engine``,
    ``scores``, ``mode``, ``accept`` and ``reject`` controls, ``in_use`` and ``in_use_by``,
    ``applied``, ``preset``, ``_set_both()``, ``_update()``, ``_mark_unapplied()``,
    ``_follow_preset()``, ``_current_thresholds()`` and ``_applied()``."""

    def _build_person_part(self, engine, store) -> None:
        # an id or a name typed chooses the person, as on the Verify page (typing "101" did
        # nothing here: seen in a real window)
        self.person = PersonBox()
        let_shortcut_through(self.person, QKeySequence.StandardKey.Undo)  # the page's Undo
        # whether the person chosen has thresholds of their own (nothing said so, and Apply
        # replaced them unasked: seen in a real window)
        self.person_own = QLabel()
        self.person_own.setWordWrap(True)
        self.person.currentIndexChanged.connect(lambda _: self._person_chosen())
        # an id typed that matches nobody: nobody's (hers stayed said, seen in a real window)
        # (the handles follow too: they kept the one before's with another's id typed, seen)
        self.person.editTextChanged.connect(lambda _: self._show_person_own())
        # said again once the model is loaded or switched (at start it said "Uses the
        # thresholds for everyone" of a person with their own: seen in a real window)
        engine.model_changed.connect(lambda _: self._show_person_own())
        self.apply_person = RoleButton(self.tr("Apply to t&his person"), store, "thresholds")
        self.apply_person.clicked.connect(self.apply_to_person)
        # a person's own thresholds could be set here but not taken away (seen)
        self.remove_person = RoleButton(self.tr("Use everyone's for &them"), store, "thresholds")
        self.remove_person.setToolTip(
            self.tr("The chosen person's own thresholds are removed: they use everyone's again")
        )
        self.remove_person.clicked.connect(self.remove_from_person)
        self.remove_person.hide()

    def _own_thresholds(self) -> tuple[float | None, float | None] | None:
        """The chosen person's own thresholds that apply with the active model, or None."""
        person_id, model = self.person.person_id(), self.engine.model
        with contextlib.suppress(NotFoundError):  # (None: deleted elsewhere meanwhile)
            person = self.store.get_person(person_id) if person_id and model else None
            if person is not None and has_own_thresholds(person, model.model_id):
                return person.accept_threshold, person.reject_threshold
        return None

    def _person_chosen(self) -> None:
        if self.applied.text() != self._not_in_use_text():
            self.applied.clear()  # ("Applied to everyone." stayed beside another person: seen)
        self._show_person_own()

    def _show_person_own(self) -> None:
        """The chosen person's own thresholds: said, and shown in the controls."""
        self._follow_person()
        self._say_person_own()

    def _say_person_own(self, read: bool = True) -> None:
        """Whether the person chosen has their own thresholds, and whether the handles show
        them; ``read=False``: as last read from the store (at every move of a handle)."""
        if read or not hasattr(self, "_own_read"):
            self._own_read = self._own_thresholds()
        own = self._own_read
        shown = self.in_use == (self.accept.value(), self.reject.value())
        if own is not None and shown and self.in_use_by == self.person.person_id():
            text = self.tr("Has their own: {accept} / {reject}, shown above.")
        else:
            text = self.tr("Has their own: {accept} / {reject}.")
        self.person_own.setText(
            ""  # (before the model is loaded: whose thresholds apply is not known yet)
            if self.person.person_id() is None or self.engine.model is None
            else self.tr("Uses the thresholds for everyone.")
            if own is None
            else text.format(accept=threshold_text(own[0]), reject=threshold_text(own[1]))
        )
        self.remove_person.setVisible(own is not None)
        self.remove_person.setEnabled(own is not None and self.mode != "pad")

    def _in_use_for_chosen(self) -> tuple[tuple[float, float], str | None]:
        """The thresholds that apply to the person chosen, and whose they are: their own (a
        side they lack from everyone's) and their id, else everyone's and None."""
        everyone, own = self._current_thresholds(), self._own_thresholds()
        if own is None:
            return everyone, None
        merged = tuple(e if o is None else o for o, e in zip(own, everyone, strict=True))
        return merged, self.person.person_id()

    def _follow_person(self) -> None:
        """The controls, histogram and rates on the chosen person's own thresholds, or on
        everyone's for a person without (they showed everyone's with hers chosen: seen in a
        real window); only while nothing moved waits to be applied, which stays, to be
        applied to whoever is chosen."""
        if self.scores is None or self.in_use is None or self.mode == "pad":
            return
        if self.engine.model is None:
            return
        if (self.accept.value(), self.reject.value()) == self.in_use:
            self._show_in_use(*self._in_use_for_chosen())
        else:  # moved: kept, and marked against what is in use for the person chosen now
            # (their own, removed meanwhile, stayed "in use" with nothing marked: seen)
            thresholds, self.in_use_by = self._in_use_for_chosen()
            self.in_use = tuple(round(value, 4) for value in thresholds)  # (as the boxes)
            self._mark_unapplied()

    def _show_in_use(self, thresholds: tuple[float, float], whose: str | None) -> None:
        """``thresholds``, whose (a person's id, None: everyone's), in the controls as those
        in use: nothing marked "not in use yet", nothing to undo."""
        self.in_use, self.in_use_by = thresholds, whose  # (first: not marked on the way)
        self._set_both(*thresholds)
        self.in_use = (self.accept.value(), self.reject.value())
        self._follow_preset()  # (the preset they came from, if one did)
        self._update()

    def _say_choose_first(self) -> None:
        """Nobody chosen, or an id typed that matches nobody: said where results are."""
        self.applied.setText(
            self.tr("Choose the person first: type their id or name, or pick them.")
        )

    def apply_to_person(self) -> None:
        person_id = self.person.person_id()
        if person_id is None:
            self._say_choose_first()
            return
        accept, reject, preset = self.accept.value(), self.reject.value(), self.preset.target()
        own = self._own_thresholds()
        question = self.tr(
            "Give {person} their own thresholds, accept {accept:.4f} and reject {reject:.4f}, "
            "used with the model “{model}” only? The change is written to the audit log."
        ).format(
            person=self.person.label_of(person_id),
            accept=accept,
            reject=reject,
            model=self.engine.model.card.name if self.engine.model is not None else "",
        )
        if own is not None:
            question = join_sentences(
                question,
                self.tr("It replaces their {accept} / {reject}.").format(
                    accept=threshold_text(own[0]), reject=threshold_text(own[1])
                ),
            )
        if not dialogs.ask(self, self.tr("Apply to this person"), question, self.tr("&Apply")):
            return
        # theirs before, for Undo (with none, "Use everyone's for them" goes back)
        before = None if own is None else (self._in_use_for_chosen()[0], person_id)

        def work(context, job):  # in the worker, like every store write
            store = context.store
            model = context.require_service().model_id  # they apply with this model only
            return store.set_person_thresholds(
                person_id, accept, reject, operator_name(store), preset, model=model
            )

        def done(pending) -> None:
            if pending is not None:
                self._applied("", pending)
                return
            self.before_apply = before
            if self.person.person_id() == person_id:  # now in use, for them
                self.in_use, self.in_use_by = (accept, reject), person_id
                self._mark_unapplied()
            model = self.engine.model.card.name if self.engine.model is not None else ""
            self.applied.setText(
                self.tr(
                    "{id} now has their own thresholds ({accept:.4f} / {reject:.4f}), used with "
                    "the model “{model}” only."
                ).format(id=person_id, accept=accept, reject=reject, model=model)
            )
            self._show_person_own()  # "shown above", and the button that takes them away

        self.engine.submit(work, done, lambda error: dialogs.show_error(self, error))

    def remove_from_person(self) -> None:
        """The chosen person's own thresholds taken away (audited): everyone's apply."""
        person_id, own = self.person.person_id(), self._own_thresholds()
        if person_id is None or own is None:
            self._say_choose_first()
            return
        question = self.tr(
            "{person}: remove their own thresholds ({accept} / {reject}), so that the "
            "thresholds for everyone apply to them? The change is written to the audit log."
        ).format(
            person=self.person.label_of(person_id),
            accept=threshold_text(own[0]),
            reject=threshold_text(own[1]),
        )
        if not dialogs.ask(self, self.tr("Use everyone's for them"), question, self.tr("&Remove")):
            return

        def work(context, job):
            store = context.store
            return store.set_person_thresholds(person_id, None, None, operator_name(store))

        def done(pending) -> None:
            if pending is not None:
                self._applied("", pending)
                return
            self.before_apply = None  # (what Undo offered was before this)
            self._show_person_own()  # theirs were shown, unmoved: everyone's now
            done_text = self.tr("{id} uses the thresholds for everyone again.").format(id=person_id)
            moved = self.applied.text() == self._not_in_use_text()
            self.applied.setText(
                join_sentences(done_text, self._not_in_use_text()) if moved else done_text
            )
            move_focus(self.person)  # (from the button hidden: it went to the status bar, seen)

        self.engine.submit(work, done, lambda error: dialogs.show_error(self, error))
