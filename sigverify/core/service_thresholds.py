"""What :class:`~sigverify.core.verification.VerificationService` does with thresholds:
the model's for everyone (set, audited, on a shared store a supervisor's change waiting
for another supervisor), the band on pad-drawn queries' fused scores, a person's own, and
the similarity shown beside a score."""

from __future__ import annotations

from sigverify.core.errors import SigverifyError
from sigverify.core.i18n import translate
from sigverify.core.pen_verification import FUSION_SETTING, fusion_checksum
from sigverify.core.store.records import PendingChange, Person
from sigverify.core.thresholds import (
    Thresholds,
    card_similarity,
    global_thresholds_key,
    on_band,
    person_thresholds,
    save_band,
    shared_thresholds,
)


class ServiceThresholds:
    """For :class:`~sigverify.core.verification.VerificationService`: uses its ``store``,
    ``model``, ``model_id``, ``pen`` and ``operator``."""

    def model_thresholds(self) -> Thresholds:
        """The thresholds for everyone without their own (see :func:`shared_thresholds`)."""
        return shared_thresholds(self.store, self.model_id, self.model.card)

    def set_global_thresholds(
        self,
        accept: float | None,
        reject: float | None,
        preset: float | None = None,
        measured_on: dict | None = None,
    ) -> PendingChange | None:
        """Set this model's thresholds for everyone without their own (audited); None for
        both goes back to the card's. ``preset``: the operating point they come from (a
        target share of forgeries), recorded with them. On a shared store a supervisor's
        change waits for a second one (the :class:`PendingChange` is returned)."""
        return save_band(
            self.store,
            global_thresholds_key(self.model_id),
            (accept, reject, preset),
            self.operator,
            measured_on,
        )

    def set_fusion_thresholds(
        self, accept: float | None, reject: float | None
    ) -> PendingChange | None:
        """Set the band on fused scores (pad-drawn queries, the active pen model) for
        everyone (audited); None for both goes back to the pen card's."""
        if self.pen is None:
            raise SigverifyError(translate("errors", "No pen model is installed."))
        key = FUSION_SETTING.format(model_id=self.pen.model_id)
        fusion = fusion_checksum(self.pen.card)  # (a later fitting's scores: not theirs)
        return save_band(self.store, key, (accept, reject, None), self.operator, fusion=fusion)

    def thresholds_for(self, person: str | Person) -> Thresholds:
        """The person's own thresholds where set, else the model's (an id or a :class:`Person`)."""
        if isinstance(person, str):
            person = self.store.get_person(person)
        return person_thresholds(person, self.model_thresholds(), self.model_id)

    def similarity(self, score: float, thresholds: Thresholds | None = None) -> float:
        """The card's calibration of ``score``; for a person's own ``thresholds`` the
        score is moved onto everyone's band first (:func:`on_band`), so that the score
        agrees with the answer: "REJECT, score 100 %" was shown for someone with far
        stricter thresholds of their own (a real-window pass; the reason still says what
        everyone's thresholds would have answered)."""
        everyone = self.model_thresholds()
        if thresholds is not None and thresholds.source == "person":
            score = on_band(score, thresholds, everyone)
        return card_similarity(self.model.card, score, everyone)
