"""The Thresholds page's part for everyone: the thresholds shown applied to everyone
without their own, or the model's own put back (audited; on a shared store a change waits
for a second supervisor)."""

from __future__ import annotations

from sigverify.core.errors import SigverifyError
from sigverify.core.i18n import join_sentences
from sigverify.core.pen_verification import band_of_another_fitting, fusion_checksum
from sigverify.gui import dialogs
from sigverify.gui.language import PagePart
from sigverify.gui.widgets import threshold_text


class EveryoneThresholds(PagePart):
    """For :class:`~sigverify.gui.thresholds_page.ThresholdsPage`: its ``engine``, ``mode``,
    ``pen_card``, ``accept`` and ``reject`` controls, ``in_use`` and ``in_use_by``,
    ``before_apply``, ``applied``, ``preset``, ``sources``, ``person``, ``_current_thresholds()``,
    ``_card_thresholds()``, ``_own_thresholds()``, ``_mark_unapplied()``,
    ``_not_in_use_text()`` and ``_show_person_own()``."""

    def apply_globally(self) -> None:
        accept, reject = self.accept.value(), self.reject.value()
        model = self.pen_card if self.mode == "pad" else self.engine.model.card
        question = self.tr(  # (which model's they become was unsaid: seen in a real window)
            "Use accept {accept:.4f} and reject {reject:.4f} with the model “{model}” for "
            "everyone without their own thresholds? The change is written to the audit log."
        ).format(accept=accept, reject=reject, model=model.name)
        if self.in_use_by is not None:  # a person's own, shown: said (it was not, seen)
            everyone = self._current_thresholds()
            question = join_sentences(
                self.tr(
                    "These started from the own thresholds of {person}; everyone's are "
                    "{accept} / {reject} now."
                ).format(
                    person=self.person.label_of(self.in_use_by),
                    accept=threshold_text(everyone[0]),
                    reject=threshold_text(everyone[1]),
                ),
                question,
            )
        measured = self.sources.measured_on
        if measured is not None:  # (4 people's thresholds went to everyone unsaid: seen)
            question = join_sentences(
                question,
                self.tr(
                    "They were set on the signatures of the folder “{folder}”, %n person(s), "
                    "not on the model's validation people.",
                    "",
                    measured["people"],
                ).format(folder=measured["folder"]),
                self.preset.warning.text() if not self.preset.warning.isHidden() else "",
            )
        if not dialogs.ask(self, self.tr("Apply to everyone"), question, self.tr("&Apply")):
            return
        self._submit_global(
            accept, reject, self.tr("Applied to everyone."), self.preset.target(), measured
        )

    def reset(self) -> None:
        accept, reject = self._card_thresholds()
        # a band set for another fitting of the pen model is not used, but is still set:
        # it can be cleared (it was "nothing was changed", and stayed: a review found)
        stale = self.mode == "pad" and band_of_another_fitting(self.store, self.pen_card)
        if self._current_thresholds() == (accept, reject) and not stale:
            # the handles as they are: a move is not thrown away unasked, nor a person's
            # own hidden (both seen in a real window)
            said = self.tr(
                "Everyone without their own already has the model's thresholds ({accept} / "
                "{reject}): nothing was changed."
            ).format(accept=threshold_text(accept), reject=threshold_text(reject))
            moved = (self.accept.value(), self.reject.value()) != self.in_use
            self.applied.setText(join_sentences(said, self._not_in_use_text()) if moved else said)
            return
        question = self.tr(
            "Use the model's own thresholds again (accept {accept:.4f}, reject {reject:.4f}) "
            "for everyone without their own? The change is written to the audit log."
        ).format(accept=accept, reject=reject)
        if self._own_thresholds() is not None:  # (said for Apply to everyone, not here)
            chosen = self.person.label_of(self.person.person_id())
            question = join_sentences(
                question, self.tr("{person} keeps their own.").format(person=chosen)
            )
        if not dialogs.ask(
            self, self.tr("Back to the model's values"), question, self.tr("&Go back")
        ):
            return
        self.accept.setValue(accept)
        self.reject.setValue(reject)
        self._submit_global(None, None, self.tr("Back to the model's thresholds."))

    def _submit_global(
        self, accept, reject, message: str, preset: float | None = None, measured=None
    ) -> None:
        # which thresholds these are is decided now, at the click: the page may show another
        # source, or the models may change, before the worker gets to the job
        if self.mode == "pad":
            pen_id, fitting = self.pen_card.model_id, fusion_checksum(self.pen_card)
            changed = self.tr("The pen model changed meanwhile: nothing was applied.")
            refitted = self.tr(
                "The pen model was fitted again since sigverify started: nothing was "
                "applied. Start sigverify again so that it uses the new fitting, then set "
                "the band."
            )  # (the active model's Activate button is disabled: a restart reloads it)

            def work(context, job):
                service = context.require_service()
                if service.pen is None or service.pen.model_id != pen_id:
                    raise SigverifyError(changed)
                # the band is chosen on the scores shown, of the card on disk: the desk's
                # own must be that fitting (a refit by the CLI while it ran tagged the band
                # with the fitting before, and it was dropped: a review found)
                if fusion_checksum(service.pen.card) != fitting:
                    raise SigverifyError(refitted)
                return service.set_fusion_thresholds(accept, reject)
        else:
            image_id = self.engine.model.model_id
            changed = self.tr("The model changed meanwhile: nothing was applied.")

            def work(context, job):
                service = context.require_service()
                if service.model_id != image_id:
                    raise SigverifyError(changed)
                return service.set_global_thresholds(accept, reject, preset, measured)

        shown = (self.accept.value(), self.reject.value())
        before = (self._current_thresholds(), None)

        def done(pending) -> None:
            if pending is None:
                self.before_apply = before
            self._applied(message, pending, shown)
            self.sources.say_pad()  # (a band for an earlier fitting: said no more once set)

        self.engine.submit(
            work,
            done,
            lambda error: dialogs.show_error(self, error),
        )

    def _applied(self, message: str, pending=None, in_use=None) -> None:
        """Say what was done, or that it waits for a second supervisor (a shared store).
        ``in_use``: the thresholds everyone now gets, as the controls show them."""
        if pending is None:
            if in_use is not None:  # everyone's now: the handles follow to the person
                self.in_use, self.in_use_by = in_use, None  # chosen's own, if she has them
                self._mark_unapplied()  # (everyone's stayed, as if hers: seen)
                self._show_person_own()
                message = join_sentences(
                    message,
                    self.tr("Everyone without their own: {accept} / {reject}.").format(
                        accept=threshold_text(in_use[0]), reject=threshold_text(in_use[1])
                    ),
                )
            self.applied.setText(message)
            return
        self.applied.setText(
            self.tr("Change {change} waits for another supervisor's approval.").format(
                change=pending.id
            )
        )
        dialogs.show_pending(self, pending)
