"""The accept / reject thresholds a decision uses: the model card's (chosen on validation
writers), a global pair set for one model on the Thresholds page, or a person's own; the
three decisions they give, and the card's similarity for a score."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sigverify.core.errors import SigverifyError
from sigverify.core.i18n import translate
from sigverify.core.model.card import ModelCard
from sigverify.core.scoring import calibrated_similarity
from sigverify.core.store import Store
from sigverify.core.store.records import PendingChange, Person

ACCEPT, REVIEW, REJECT = "accept", "review", "reject"


@dataclass(frozen=True)
class Thresholds:
    accept: float
    reject: float
    source: str  # "model" (the card), "global" (set for this model) or "person"
    #: the operating point a global pair was set from (a target share of forgeries)
    preset: float | None = None

    def decision(self, score: float) -> str:
        """Accept at most ``accept``, reject above ``reject``, review in between."""
        if score <= self.accept:
            return ACCEPT
        return REJECT if score > self.reject else REVIEW


def global_thresholds_key(model_id: str) -> str:
    return f"thresholds/{model_id}"


def card_thresholds(card: ModelCard) -> Thresholds:
    """The accept/reject thresholds chosen on validation writers, from the model card."""
    accept = card.accept_threshold if card.accept_threshold is not None else card.threshold
    reject = card.reject_threshold if card.reject_threshold is not None else card.threshold
    return Thresholds(float(accept), float(reject), "model")


def shared_thresholds(store: Store, model_id: str, card: ModelCard) -> Thresholds:
    """The thresholds for everyone without their own: the global ones set for this model
    (on the Thresholds page), else the card's."""
    saved = store.get_setting(global_thresholds_key(model_id))
    if saved:
        values = json.loads(saved)
        accept, reject = float(values["accept"]), float(values["reject"])
        return Thresholds(accept, reject, "global", saved_preset(values))
    return card_thresholds(card)


def saved_preset(values: dict) -> float | None:
    """The preset share a saved band records, if it records one."""
    preset = values.get("preset")
    return float(preset) if isinstance(preset, int | float) else None


def has_own_thresholds(person: Person, model_id: str) -> bool:
    """Whether ``person`` has thresholds of their own that apply with the model
    ``model_id`` (set for it, or set before the model was recorded)."""
    own = person.accept_threshold is not None or person.reject_threshold is not None
    return own and person.thresholds_model in (None, model_id)


def person_thresholds(person: Person, base: Thresholds, model_id: str) -> Thresholds:
    """The person's own thresholds where set for the model ``model_id`` (a missing reject
    threshold stays at least the accept one), else ``base``: a distance means nothing to
    another model."""
    if not has_own_thresholds(person, model_id):
        return base
    accept = person.accept_threshold if person.accept_threshold is not None else base.accept
    reject = (
        person.reject_threshold if person.reject_threshold is not None else max(base.reject, accept)
    )
    return Thresholds(float(accept), float(reject), "person")


def save_band(
    store: Store,
    key: str,
    band: tuple[float | None, float | None, float | None],
    operator: str,
    measured_on: dict | None = None,
    fusion: str | None = None,
) -> PendingChange | None:
    """Store a shared accept / reject band under ``key`` (audited), with the operating point
    ``preset`` it came from when there is one, the data folder they were measured on
    (``measured_on``: its ``folder`` name and ``people``), and for fused scores the pen
    card's ``fusion`` checksum they were set for; ``(None, None, _)`` goes back to
    the card's and writes nothing when it already is. On a shared store a supervisor's change waits
    for a second one (the :class:`PendingChange` is returned)."""
    accept, reject, preset = band
    if accept is None and reject is None:
        if not store.get_setting(key):  # already the card's: nothing to write
            return None
        return store.set_setting(key, "", operator)
    if accept is None or reject is None or not 0 <= accept <= reject:
        raise SigverifyError(
            translate(
                "errors",
                "Give both thresholds, with the reject threshold at or above the accept threshold.",
            )
        )
    values = {"accept": float(accept), "reject": float(reject)}
    if preset is not None:
        values["preset"] = preset
    if measured_on:  # a data folder's signatures, not the model's validation people
        values["measured_on"] = measured_on
    if fusion:
        values["fusion"] = fusion
    value = json.dumps(values)
    return store.set_setting(key, value, operator)


def own_thresholds_note(decision: str, everyone: str) -> str:
    """What a person's own thresholds changed, when a decision on them (``decision``) is
    not the one everyone's would give (``everyone``): a 99 % similarity under NEEDS REVIEW
    was left unexplained (a real-window pass). "" when both agree."""
    order = (ACCEPT, REVIEW, REJECT)
    if decision == everyone:
        return ""
    stricter = order.index(decision) > order.index(everyone)
    if everyone == ACCEPT:
        return translate(
            "reason", "Everyone's thresholds would accept it: this person's own are stricter."
        )
    if everyone == REJECT:
        return translate(
            "reason", "Everyone's thresholds would reject it: this person's own are more lenient."
        )
    return (
        translate(
            "reason",
            "Everyone's thresholds would send it to review: this person's own are stricter.",
        )
        if stricter
        else translate(
            "reason",
            "Everyone's thresholds would send it to review: this person's own are more lenient.",
        )
    )


def on_band(score: float, own: Thresholds, everyone: Thresholds) -> float:
    """``score`` moved from the band of a person's ``own`` thresholds to ``everyone``'s,
    piece by piece: own accept to everyone's accept, own reject to everyone's reject, in
    a straight line between and beyond, so that everyone's band gives the answer the
    person's gives."""
    low, high, to_low, to_high = own.accept, own.reject, everyone.accept, everyone.reject
    if score <= low:
        return score * to_low / low if low > 0 else to_low
    if score <= high:
        return to_low + (score - low) * (to_high - to_low) / (high - low)
    return to_high + (score - high) * (to_high / high if high > 0 else 1.0)


def card_similarity(card: ModelCard, score: float, thresholds: Thresholds) -> float:
    """The card's calibration of a score: an estimate, in 0..1, that a signature with this
    score is genuine (without calibration in the card: 0.5 at its threshold, as steep as
    the ``thresholds`` band suggests)."""
    if card.calibration:
        a, b = card.calibration
    else:
        t = thresholds
        spread = max((t.reject - t.accept) / 4, 0.15 * max(card.threshold, 1e-6))
        a, b = 1 / spread, -card.threshold / spread
    return calibrated_similarity(score, a, b)
