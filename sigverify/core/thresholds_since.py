"""Whether the thresholds a result was decided on still apply: a supervisor may set a
person's or everyone's thresholds (at this desk or another) between a check and its
record, and the answer on screen would then be another."""

from __future__ import annotations

import math

from sigverify.core.errors import NotFoundError
from sigverify.core.model.card import ModelCard
from sigverify.core.pen_verification import fusion_checksum, saved_fusion_thresholds
from sigverify.core.store import Store
from sigverify.core.thresholds import Thresholds, person_thresholds, shared_thresholds
from sigverify.core.verification_results import VerificationResult


def thresholds_changed(
    store: Store, result: VerificationResult, card: ModelCard, pen_card: ModelCard | None = None
) -> bool:
    """True when ``result`` would now be decided on other thresholds: the person's own or
    those for everyone with its model (``card``: that model's card), or for a query drawn
    on a pad, the band on fused scores (``pen_card``, when given: the pen model's card now,
    fitted again since the result was fused: another band and other scales). A person
    removed since: False (nothing applies)."""
    try:
        person = store.get_person(result.person_id)
    except NotFoundError:
        return False
    base = shared_thresholds(store, result.model_id, card)
    if not _same(person_thresholds(person, base, result.model_id), result.thresholds):
        return True
    band = result.fused_thresholds
    if result.pen is None or band is None:
        return False
    if pen_card is not None and result.pen.fusion not in ("", fusion_checksum(pen_card)):
        return True  # (fused before a refit, recorded after: unsaid, a review found)
    saved = saved_fusion_thresholds(store, result.pen.pen_model, result.pen.fusion)
    if saved is None:  # the pen card's band applies now: changed when a set one decided
        return band.source != "model"
    return not _same(saved, band)


def _same(a: Thresholds, b: Thresholds) -> bool:
    return math.isclose(a.accept, b.accept, rel_tol=1e-9, abs_tol=1e-12) and math.isclose(
        a.reject, b.reject, rel_tol=1e-9, abs_tol=1e-12
    )
