"""Signatures drawn on a pad, in the app: the pen model listed and activated on the Models
page, and a pad query judged on the way it was written and on its picture."""

from __future__ import annotations

from PySide6.QtCore import Qt

from sigverify.core.data.synthetic import genuine_signature, writer_style
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
    assert "pad signatures" in page.list.currentItem().text()
    html = page.details.toHtml()
    assert "signatures drawn on a pad: 64 samples" in html
    assert "each score over its own threshold" in html
    page.activate()
    wait_idle(qtbot, window.engine)
    assert window.engine.model.card.name == "tiny"  # the image model stays
    assert "active" in page.list.currentItem().text()
    assert not page.activate_button.isEnabled()

    result = verify_pad(qtbot, window, "pad-1", query)
    assert result.pen.pen_model.startswith("pen-tiny@") and result.pen.references == 4
    assert result.reason.startswith("Drawn on a pad:")
    assert result.score == before.score  # the picture's own score is unchanged
    verify = window.verify_page
    assert "pen and picture together" in verify.score_label.text()
    band = result.fused_thresholds
    assert (verify.gauge.accept, verify.gauge.reject, verify.gauge.score) == (
        band.accept,
        band.reject,
        result.pen.fused,
    )
    qtbot.mouseClick(verify.record_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window.engine)
    recorded = window.store.audit_entries("pad-1")[-1].details
    assert recorded["pen"]["fused"] == round(result.pen.fused, 6)
