"""The accept / reject thresholds a decision uses: the model card's (chosen on validation
writers), a global pair set for one model on the Thresholds page, or a person's own."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sigverify.core.model.card import ModelCard
from sigverify.core.store import Store


@dataclass(frozen=True)
class Thresholds:
    accept: float
    reject: float
    source: str  # "model" (the card), "global" (set for this model) or "person"


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
        return Thresholds(float(values["accept"]), float(values["reject"]), "global")
    return card_thresholds(card)
