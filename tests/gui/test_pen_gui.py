"""Signatures drawn on a pad, in the app: the pen model listed and activated on the Models
page, and a pad query judged on the way it was written and on its picture."""

from __future__ import annotations

import html
import json
import re
import time

import pytest
from PySide6.QtCore import Qt

from sigverify.core.data.synthetic import genuine_signature, writer_style
from sigverify.gui.audit_entry_text import entry_text
from tests.conftest import write_svc2004
from tests.gui.conftest import wait_idle
from tests.gui.test_app import enrol


def pad_files(folder, writer: int, indices) -> list:
    paths = []
    for i in indices:
        path = folder / f"U{writer}S{i}.TXT"
        write_svc2004(path, genuine_signature(writer_style(writer), i).trajectory)
        paths.append(path)
    return paths


def verify_pad(qtbot, window, person_id, path):
    verify = window.verify_page
    verify.choose_person(person_id)
    verify.drop_area.add_paths([path])
    qtbot.mouseClick(verify.verify_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window.engine)
    return verify.result


def test_a_pen_model_is_activated_beside_the_image_model_and_judges_pad_queries(
    qtbot, window, tmp_path, tiny_pen_model_dir
):
    enrol(qtbot, window, "pad-1", pad_files(tmp_path, 50, range(4)))
    query = pad_files(tmp_path / "q", 50, [8])[0]
    before = verify_pad(qtbot, window, "pad-1", query)  # with the pen model shipped
    assert before.pen.pen_model.startswith("sigverify-pen-default@")

    page = window.models_page
    page.import_folder(str(tiny_pen_model_dir))
    assert page.current().card.input == "pen"
    assert page.list.currentItem().text() == "pen-tiny (pen)"
    assert "drawn on a pad" in page.list.currentItem().toolTip()
    html = page.details.toHtml()
    assert "signatures drawn on a pad: 64 samples" in html
    assert "each over its own threshold, averaged (time warping left out)" in html
    page.activate()
    wait_idle(qtbot, window.engine)
    assert window.engine.model.card.name == "tiny"  # the image model stays
    # its fusion was not fitted with the image model: a switch says what that means (the
    # default image model was changed twice without fitting the pen model again, unsaid)
    assert page.status.text() == (
        "pen-tiny is now active. The pen model pen-tiny was not fitted with the image model "
        "tiny: a signature drawn on a pad that it would accept goes to review until it is "
        "(the pen model's card on the Models page says how)."
    )
    # the tags stay together: a narrow list wraps before the bracket, not inside it; the
    # pen model says what it is active for (two "active" models read as a mistake)
    active = "pen-tiny (active\u00a0for\u00a0pad\u00a0signatures)"  # (the list is redrawn
    qtbot.waitUntil(lambda: page.list.currentItem().text() == active)  # once it is active)
    assert not page.activate_button.isEnabled()

    result = verify_pad(qtbot, window, "pad-1", query)
    assert result.pen.pen_model.startswith("pen-tiny@") and result.pen.references == 4
    assert result.reason.startswith("Drawn on a pad:")
    assert result.score == before.score  # the picture's own score is unchanged
    verify = window.verify_page
    assert "pen and picture together" in verify.summary.score_label.text()
    band = result.fused_thresholds
    gauge = verify.summary.gauge
    assert (gauge.accept, gauge.reject, gauge.score) == (band.accept, band.reject, result.pen.fused)
    qtbot.mouseClick(verify.record_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window.engine)
    entry = window.store.audit_entries("pad-1")[-1]
    recorded = entry.details
    assert recorded["pen"]["fused"] == round(result.pen.fused, 6)
    # the audit page, the report and the queue's check of a recorded result see it too
    from sigverify.core.audit_view import summary
    from sigverify.core.report import pen_facts
    from sigverify.gui.queued_result import same_result

    text = entry_text(entry, window.audit_page.names)
    assert f"Drawn on a pad: pen and picture together {result.pen.fused:.4f}" in text
    assert f"Pen model: {result.pen.pen_model}" in text
    # the picture's thresholds named as the picture's, and both models as deciding (the
    # picture's read as the ones that decided, the image model alone as the one: seen)
    assert "The picture's thresholds: accept at or below" in text
    assert f"Entry hash: {entry.hash}" in text  # ("Hash" alone read as the file's: seen)
    # the file named with its folder (two customers' "cheque.png" looked alike: seen)
    assert f"File: {entry.details['file']}, in {entry.details['folder']}\n" in text
    assert "thresholds decided." not in text
    assert summary(entry).endswith(", image model tiny, pen model pen-tiny")
    assert verify.summary.subject_text(result).endswith(
        ", by the image model tiny and the pen model pen-\u2060tiny"
    )
    facts = dict(pen_facts(result))
    assert facts["Pen model"] == result.pen.pen_model
    assert facts["Drawn on a pad"].startswith(f"pen and picture together {result.pen.fused:.3f}")
    assert same_result(result, recorded)
    other = {**recorded, "pen": {**recorded["pen"], "fused": recorded["pen"]["fused"] + 0.1}}
    assert not same_result(result, other)


def test_the_band_for_pad_signatures_is_set_on_the_thresholds_page(qtbot, window, dialogs):
    """With the shipped pen model: its fused validation scores are drawn, the controls start
    at its card's band, and applying sets the band for everyone (audited)."""
    from sigverify.core.active_model import active_pen_model_dir
    from sigverify.core.model.card import FUSION_SCORES_FILE, read_card, read_scores
    from sigverify.core.pen_verification import FUSION_SETTING

    folder = active_pen_model_dir(window.store)
    card = read_card(folder)
    page = window.thresholds_page
    window.nav.setCurrentRow(window.pages.indexOf(page))
    page.sources.source.setCurrentIndex(page.sources.source.findData("pad"))
    page.sources._source_chosen(page.sources.source.currentIndex())
    assert page.mode == "pad" and "pad references" in page.sources.source_note.text()
    note = page.sources.source_note.text()  # (the shipped pen model, beside the tiny model)
    assert "weighted as the pen model's card says" in note and "averaged" not in note
    assert note.endswith(
        "⚠ These were measured with the image model the pen model was fitted with, not with "
        "tiny: with it, every signature drawn on a pad that would be accepted goes to review "
        "until the pen model is fitted again (“sigverify models fuse”)."
    )
    scores = read_scores(folder, FUSION_SCORES_FILE)
    assert len(page.scores.genuine) == len(scores.genuine) and page.tabs.count() == 3
    assert page.accept.value() == pytest.approx(card.fusion["accept"], abs=1e-3)
    assert page.reject.value() == pytest.approx(card.fusion["reject"], abs=1e-3)
    assert not page.apply_person.isEnabled()  # a person's own thresholds are the picture's
    page.reject.setValue(1.3)
    page.accept.setValue(0.85)
    assert page.applied.text() == "Not in use yet: apply them to everyone."  # (not to one)
    page.apply_globally()
    wait_idle(qtbot, window.engine)
    saved = window.store.get_setting(FUSION_SETTING.format(model_id=card.model_id))
    assert saved and '"accept": 0.85' in saved
    assert window.store.audit_entries()[-1].details["key"].startswith("thresholds/fusion/")
    assert "set before the pen model was fitted again" not in page.sources.source_note.text()
    # a band set for an earlier fitting of the pen model: said, and the card's shown
    key = FUSION_SETTING.format(model_id=card.model_id)
    stale = {"accept": 0.85, "reject": 1.3, "fusion": "0f-another-fit"}
    window.store.set_setting(key, json.dumps(stale), "admin")
    page.sources._source_chosen(page.sources.source.currentIndex())
    assert "The band set for pad drawings was set before the pen model was fitted again" in (
        page.sources.source_note.text()
    )
    assert page.accept.value() == pytest.approx(card.fusion["accept"], abs=1e-3)
    dialogs.answer = True  # back to the model's values clears it ("nothing was changed")
    page.reset()
    wait_idle(qtbot, window.engine)
    assert not window.store.get_setting(key)
    assert "set before the pen model was fitted again" not in page.sources.source_note.text()
    window.store.set_setting(key, json.dumps(stale), "admin")
    page.sources._source_chosen(page.sources.source.currentIndex())
    page.accept.setValue(0.9)  # a band for this fitting: the note goes (it stayed: seen)
    page.apply_globally()
    wait_idle(qtbot, window.engine)
    assert "set before the pen model was fitted again" not in page.sources.source_note.text()
    assert "pad references" in page.sources.source_note.text()
    # the card on disk fitted again (the CLI) while the desk runs on the fitting it loaded:
    # a band chosen on the new scores is refused, not tagged with the old fitting (a review)
    from dataclasses import replace

    saved = window.store.get_setting(key)
    page.pen_card = replace(card, fusion={**card.fusion, "accept": 0.95})
    page.accept.setValue(0.91)
    page.apply_globally()
    wait_idle(qtbot, window.engine)
    assert "fitted again since sigverify started: nothing was applied. Start sigverify " in (
        str(dialogs.errors[-1])
    )
    assert window.store.get_setting(key) == saved
    page.pen_card = card
    # back to the model's values: the image model's thresholds are left alone
    page.sources.source.setCurrentIndex(0)
    page.sources._source_chosen(0)
    assert page.mode == "model"


def test_a_pen_card_page_shows_what_each_measure_and_all_together_scored(tiny_pen_model_dir):
    from sigverify.core.model.card import read_card
    from sigverify.gui.model_card_view import card_html

    card = read_card(tiny_pen_model_dir)
    assert "Signatures drawn on a pad" not in card_html(card)  # nothing measured yet
    figure = {"mean": 0.123, "sd": 0.01}
    card.metrics["pad_test"] = {
        "splits": 3, "refs": 5,
        "datasets": {"susig": {
            "pen": {"test_eer": {"mean": 0.05}}, "dtw": {"test_eer": {"mean": 0.04}},
            "image": {"test_eer": {"mean": 0.15}},
            "pen+dtw+image": {"test_eer": figure,
                              "far_skilled_at_validation_threshold": {"mean": 0.02},
                              "frr_at_validation_threshold": {"mean": 0.061}},
        }},
    }  # fmt: skip
    page = card_html(card)
    assert "test writers of 3 trainings, 5 references" in page
    row = page[page.index("<td align=right nowrap>susig</td>") :].split("</tr>")[0]
    assert [cell.split("<")[0] for cell in re.split("<td align=right[^>]*>", row)[1:]] == [
        "susig", "5.0 %", "4.0 %", "15.0 %", "12.3 %", "2.0 %", "6.1 %",
    ]  # fmt: skip
    assert "people it never saw" not in page  # the pen model alone is not the headline
    card.fusion = {
        "accept": 0.95, "reject": 1.1, "scales": {"pen": 0.5, "dtw": 0.4, "image": 0.6},
        "dtw_spread": 0.5, "weights": {"pen": 0.2, "image": 0.2, "dtw": 0.6},  # the card's order
    }  # fmt: skip
    shown = html.unescape(card_html(card)).replace("\xa0", " ")  # "60 %" kept on one line
    assert ("weighted (pen model 20 %, time warping 60 %, picture 20 %): accept ≤ 0.950, "
            "reject > 1.100") in shown  # fmt: skip
    # fitted with another image model than the active one: said, with what to do (every
    # pad acceptance went to review, unsaid on this page: a real-window pass)
    card.fusion["image_model"] = "sigverify-default@b4bafaaa923f"
    assert "weighted (pen model 20 %" in html.unescape(
        card_html(card, None, card.fusion["image_model"])
    ).replace("\xa0", " ")
    shown = html.unescape(card_html(card, None, "sigverify-default@d6f213ecb9ef"))
    assert (
        "not fitted with the active image model sigverify-default@d6f213ecb9ef (fitted with "
        "sigverify-default@b4bafaaa923f): the pen model's score and the picture's, each over "
        "its own threshold, averaged (time warping left out), and every acceptance of a "
        "signature drawn on a pad sent to review. Fit it with “sigverify models fuse”"
    ) in shown
    assert "weighted (" not in shown


def test_applying_on_the_thresholds_page_keeps_to_the_source_shown_at_the_click(
    qtbot, window, dialogs
):
    """Applied in pad mode, then the page switches back before the worker runs the job:
    the band still goes to the pen model, and the image model's thresholds stay."""
    from sigverify.core.thresholds import global_thresholds_key

    page = window.thresholds_page
    window.nav.setCurrentRow(window.pages.indexOf(page))
    page.sources.source.setCurrentIndex(page.sources.source.findData("pad"))
    page.sources._source_chosen(page.sources.source.currentIndex())
    window.engine.submit(lambda context, job: time.sleep(0.3))  # the worker is busy
    page.apply_globally()
    page.sources.source.setCurrentIndex(0)
    page.sources._source_chosen(0)  # the page now shows the image model
    wait_idle(qtbot, window.engine)
    image_key = global_thresholds_key(window.engine.model.model_id)
    assert not window.store.get_setting(image_key)
    keys = [e.details.get("key", "") for e in window.store.audit_entries()]
    assert keys[-1].startswith("thresholds/fusion/")


def test_thresholds_moved_for_one_pen_model_are_not_kept_for_another(qtbot, window):
    """Review: the fused scores of another pen model kept the handles moved for the one
    before (marked "not in use yet"), as a folder measured with the same model does."""
    import dataclasses

    from sigverify.gui.score_source import LoadedScores

    page = window.thresholds_page
    window.nav.setCurrentRow(window.pages.indexOf(page))
    page.sources.source.setCurrentIndex(page.sources.source.findData("pad"))
    page.sources._source_chosen(page.sources.source.currentIndex())
    wait_idle(qtbot, window.engine)
    scores, card = page.scores, page.pen_card
    in_use = page.in_use
    page.accept.setValue(round(in_use[0] * 0.5, 4))
    page._scores_loaded(LoadedScores(scores, "pad", card))  # the same pen model: kept
    assert page.has_unapplied() and page.accept.value() == round(in_use[0] * 0.5, 4)
    other = dataclasses.replace(card, weights_sha256="f" * 64)  # another pen model
    page._scores_loaded(LoadedScores(scores, "pad", other))
    assert not page.has_unapplied()
