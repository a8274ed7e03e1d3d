"""Whether a result's thresholds still apply: set since for the person, for everyone with
its model, or (a query drawn on a pad) for the fused scores of its pen model."""

from __future__ import annotations

import json
from dataclasses import replace

from sigverify.core.thresholds_since import thresholds_changed
from tests.core.test_pen_verification import pad_signature
from tests.core.test_verification import genuine


def test_a_scanned_querys_thresholds_set_since_for_the_person_or_everyone(pen_service, tmp_path):
    service, card = pen_service, pen_service.model.card
    service.enroll("c-1", genuine(tmp_path, 1, 0, 1, 2, 3))
    service.enroll("c-2", genuine(tmp_path, 2, 0, 1, 2, 3))
    query = genuine(tmp_path, 1, 7)[0]
    result = service.verify("c-1", query, record=False)
    assert result.thresholds.source == "model"
    assert not thresholds_changed(service.store, result, card)
    # another person's own thresholds: not this result's
    service.store.set_person_thresholds("c-2", 0.1, 0.2, "manager", model=service.model_id)
    assert not thresholds_changed(service.store, result, card)
    # everyone's, set to the card's own values: the same band, unchanged
    t = result.thresholds
    service.set_global_thresholds(t.accept, t.reject)
    assert not thresholds_changed(service.store, result, card)
    service.set_global_thresholds(t.accept / 2, t.reject)
    assert thresholds_changed(service.store, result, card)
    # a result made on everyone's new ones, then the person's own set (for another model:
    # they do not apply; for this one: they do)
    result = service.verify("c-1", query, record=False)
    assert result.thresholds.source == "global"
    assert not thresholds_changed(service.store, result, card)
    service.store.set_person_thresholds("c-1", 0.1, 0.2, "manager", model="other@0000")
    assert not thresholds_changed(service.store, result, card)
    service.store.set_person_thresholds("c-1", 0.1, 0.2, "manager", model=service.model_id)
    assert thresholds_changed(service.store, result, card)
    # the person removed since: nothing applies, nothing said
    service.store.delete_person("c-1", "manager")
    assert not thresholds_changed(service.store, result, card)


def test_a_pad_querys_fused_band_set_or_cleared_since(pen_service, tmp_path):
    service, card = pen_service, pen_service.model.card
    service.enroll("p-1", [pad_signature(tmp_path, 40, i) for i in range(4)], accept_outliers=True)
    query = pad_signature(tmp_path, 40, 7)
    result = service.verify("p-1", query, record=False)
    band = result.fused_thresholds
    assert result.pen is not None and band.source == "model"
    assert not thresholds_changed(service.store, result, card)
    service.set_fusion_thresholds(band.accept, band.reject)  # the same values: unchanged
    assert not thresholds_changed(service.store, result, card)
    service.set_fusion_thresholds(band.accept * 0.9, band.reject)
    assert thresholds_changed(service.store, result, card)
    result = service.verify("p-1", query, record=False)
    assert result.fused_thresholds.source == "global"
    assert not thresholds_changed(service.store, result, card)
    # the band names the fitting it was set for, as the result names the one it was fused by
    saved = json.loads(service.store.get_setting(f"thresholds/fusion/{service.pen.model_id}"))
    assert saved["fusion"] == result.pen.fusion == result.audit_details("")["pen"]["fusion"]
    stale = replace(result, pen=replace(result.pen, fusion="another-fit"))
    assert thresholds_changed(service.store, stale, card)  # (its fitting's band: the card's)
    # the pen model fitted again between the check and the record: another band and scales
    pen_card = service.pen.card
    assert not thresholds_changed(service.store, result, card, pen_card)
    refitted = replace(pen_card, fusion={**(pen_card.fusion or {}), "accept": 0.5})
    assert thresholds_changed(service.store, result, card, refitted)
    service.set_fusion_thresholds(None, None)  # back to the pen card's band
    assert thresholds_changed(service.store, result, card)


def test_a_result_recorded_after_its_thresholds_changed_says_so_in_the_audit_log(
    pen_service, tmp_path
):
    from sigverify.core.audit_view import summary

    service = pen_service
    service.enroll("c-1", genuine(tmp_path, 1, 0, 1, 2, 3))
    query = genuine(tmp_path, 1, 7)[0]
    result = service.verify("c-1", query, record=False)
    service.record_verification(result)  # as decided, nothing changed: nothing said
    first = service.store.audit_entries("c-1")[-1]
    assert "thresholds_changed_since_check" not in first.details
    service.store.set_person_thresholds("c-1", 0.1, 0.2, "manager", model=service.model_id)
    service.record_verification(result, "as shown")
    last = service.store.audit_entries("c-1")[-1]
    assert last.action == "verify" and last.details["thresholds_changed_since_check"] is True
    assert last.details["thresholds_source"] == "model"  # those it was decided on
    assert summary(last).endswith("; recorded after its thresholds changed, as decided — as shown")
