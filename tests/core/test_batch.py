"""Batch verification: reading lists and folders, the results CSV as a resumable log, the
same decisions as one-at-a-time verification, errors per row, audit rows."""

from __future__ import annotations

import csv

import pytest

from sigverify.core.batch import RESULT_COLUMNS, decided_keys, run_batch
from sigverify.core.batch_items import file_stamp, read_items
from sigverify.core.errors import SigverifyError
from sigverify.core.verification_results import SignatureInput
from tests.conftest import enrolled_service, signature_file


@pytest.fixture
def service(tmp_path, tiny_model_dir):
    with enrolled_service(
        tmp_path, tiny_model_dir, "clerk", {"P1": (1, ""), "P2": (2, "")}
    ) as service:
        yield service


def write_list(path, rows, delimiter=","):
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, delimiter=delimiter).writerows(rows)
    return path


def keys(folder, rows):
    """What a re-run matches ``(person, image relative to folder)`` rows by."""
    return {(p, str((folder / i).resolve()), file_stamp(folder / i)) for p, i in rows}


def read_results(path):
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def queries(tmp_path):
    """Four queries: P1 genuine and forged, P2 genuine and forged (relative paths)."""
    folder = tmp_path / "cheques"
    files = [
        signature_file(folder, 1, 7),
        signature_file(folder, 1, 1, forged=True),
        signature_file(folder, 2, 7),
        signature_file(folder, 2, 1, forged=True),
    ]
    return [("P1", f"cheques/{files[0].name}"), ("P1", f"cheques/{files[1].name}"),
            ("P2", f"cheques/{files[2].name}"), ("P2", f"cheques/{files[3].name}")]  # fmt: skip


def test_a_list_gives_the_same_decisions_as_verifying_one_at_a_time(service, tmp_path):
    rows = queries(tmp_path)
    items = read_items(write_list(tmp_path / "items.csv", [["person", "image"], *rows]))
    assert [(i.person_id, i.image) for i in items] == rows
    assert items[0].path == tmp_path / rows[0][1]  # relative to the list's folder

    summary = run_batch(service, items, tmp_path / "out.csv", chunk=3)  # two chunks
    results = read_results(tmp_path / "out.csv")
    assert [(r["person"], r["image"]) for r in results] == rows
    for (person, image), row in zip(rows, results, strict=True):
        alone = service.verify(person, SignatureInput.from_path(tmp_path / image), record=False)
        assert row["decision"] == alone.decision
        assert float(row["score"]) == pytest.approx(alone.score, abs=1e-5)
        assert float(row["accept_threshold"]) == pytest.approx(alone.thresholds.accept, abs=1e-6)
        assert row["nearest_reference"] == alone.nearest.filename and row["references"] == "4"
        assert row["error"] == ""
    assert summary.checked == 4 and summary.skipped == 0 and not summary.errors
    assert sum(summary.decisions.values()) == 4


def test_each_decision_is_in_the_audit_log_with_its_row_id(service, tmp_path):
    items = read_items(
        write_list(tmp_path / "items.csv", [["person", "image"], *queries(tmp_path)])
    )  # noqa: E501
    before = len(service.store.audit_entries())
    run_batch(service, items, tmp_path / "out.csv", comment="morning cheques")
    entries = {e.id: e for e in service.store.audit_entries()}
    results = read_results(tmp_path / "out.csv")
    assert len(entries) == before + 4
    for row in results:
        entry = entries[int(row["audit_id"])]
        assert entry.action == "verify" and entry.person_id == row["person"]
        assert entry.details["decision"] == row["decision"]
        assert entry.details["comment"] == "morning cheques" and entry.operator == "clerk"
    assert service.store.verify_audit_chain() == (True, None)

    run_batch(service, items, tmp_path / "unrecorded.csv", record=False)
    assert len(service.store.audit_entries()) == before + 4
    assert {r["audit_id"] for r in read_results(tmp_path / "unrecorded.csv")} == {""}


def test_bad_rows_are_reported_and_the_run_goes_on(service, tmp_path):
    good = queries(tmp_path)[0]
    rows = [["id", "file"], ["P9", good[1]], ["P1", "missing.png"], ["", good[1]],
            ["P1", ""], list(good)]  # fmt: skip
    (tmp_path / "cheques" / "notes.png").write_bytes(b"not an image at all")
    rows.append(["P1", "cheques/notes.png"])
    items = read_items(write_list(tmp_path / "items.csv", rows, delimiter=";"))
    summary = run_batch(service, items, tmp_path / "out.csv")
    assert summary.checked == 1
    reasons = {o.item.row: o.error for o in summary.errors}
    assert set(reasons) == {1, 2, 3, 4, 6}
    assert "P9" in reasons[1] and "missing.png" in reasons[2]
    assert "person id" in reasons[3] and "image file" in reasons[4]
    assert "notes.png" in reasons[6]
    results = read_results(tmp_path / "out.csv")
    assert [r["decision"] for r in results] == ["", "", "", "", results[4]["decision"], ""]
    assert results[4]["decision"] in {"accept", "review", "reject"}
    assert results[1]["error"] == reasons[2]


def test_a_rerun_skips_what_was_decided_and_retries_what_failed(service, tmp_path):
    rows = queries(tmp_path)
    missing = ("P2", "cheques/later.png")
    items_csv = write_list(tmp_path / "items.csv", [["person", "image"], *rows, missing])
    out = tmp_path / "out.csv"

    seen = []
    first = run_batch(
        service, read_items(items_csv), out, chunk=2,
        on_progress=lambda done, total: seen.append((done, total)) or done < 2,
    )  # fmt: skip
    assert first.cancelled and first.checked == 2 and seen == [(2, 5)]
    assert decided_keys(out) == keys(tmp_path, rows[:2])

    second = run_batch(service, read_items(items_csv), out, chunk=2)
    assert second.skipped == 2 and second.checked == 2 and len(second.errors) == 1
    assert not second.cancelled

    signature_file(tmp_path / "cheques", 2, 8).rename(tmp_path / missing[1])  # put it there
    third = run_batch(service, read_items(items_csv), out)
    assert third.skipped == 4 and third.checked == 1 and not third.errors
    results = read_results(out)
    assert len(results) == 6  # 2 + 3 + 1 rows: a log of every attempt
    assert [r["error"] != "" for r in results if (r["person"], r["image"]) == missing] == [
        True,
        False,
    ]
    assert decided_keys(out) == keys(tmp_path, [*rows, missing])


def test_a_folder_of_person_folders_is_a_list(service, tmp_path):
    root = tmp_path / "inbox"
    signature_file(root / "P1", 1, 7)
    signature_file(root / "P2", 2, 7)
    signature_file(root, 1, 8)  # not in a person's folder
    (root / "P1" / "readme.txt").write_text("not an image")
    items = read_items(root)
    assert [(i.person_id, i.image) for i in items] == [
        ("P1", "P1/w1_g7.png"),
        ("P2", "P2/w2_g7.png"),
        ("", "w1_g8.png"),
    ]
    summary = run_batch(service, items, tmp_path / "out.csv")
    assert summary.checked == 2
    assert [o.item.image for o in summary.errors] == ["w1_g8.png"]


def test_lists_that_cannot_be_read_are_refused_plainly(tmp_path):
    with pytest.raises(SigverifyError, match="“person” column"):
        read_items(write_list(tmp_path / "a.csv", [["customer", "scan"], ["P1", "x.png"]]))
    with pytest.raises(SigverifyError, match="no rows"):
        read_items(write_list(tmp_path / "b.csv", [["person", "image"]]))
    with pytest.raises(SigverifyError, match="neither"):
        read_items(tmp_path / "nothing-here.csv")
    (tmp_path / "empty").mkdir()
    with pytest.raises(SigverifyError, match="holds no images"):
        read_items(tmp_path / "empty")
    # Excel's byte-order mark and semicolons
    (tmp_path / "excel.csv").write_bytes("\ufeffPerson;Image\r\nP1;x.png\r\n".encode())
    assert [(i.person_id, i.image) for i in read_items(tmp_path / "excel.csv")] == [("P1", "x.png")]


def test_another_file_is_never_appended_to(service, tmp_path):
    items = read_items(
        write_list(tmp_path / "items.csv", [["person", "image"], *queries(tmp_path)])
    )  # noqa: E501
    other = tmp_path / "accounts.csv"
    other.write_text("account,balance\n1,100\n")
    with pytest.raises(SigverifyError, match="not a results file"):
        run_batch(service, items, other)
    assert other.read_text() == "account,balance\n1,100\n"
    run_batch(service, items, tmp_path / "new.csv")
    with (tmp_path / "new.csv").open(newline="") as handle:
        assert tuple(next(csv.reader(handle))) == RESULT_COLUMNS


def test_cells_that_a_spreadsheet_would_run_are_written_as_text(service, tmp_path):
    from sigverify.core.spreadsheet import from_cell, to_cell

    for text in ('=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)", "'quoted", "\tx", "plain"):
        assert from_cell(to_cell(text)) == text
    assert to_cell("=1+1") == "'=1+1" and to_cell("plain") == "plain"

    refs = [SignatureInput.from_path(signature_file(tmp_path / "r", 3, i)) for i in range(3)]
    service.enroll("=1+1", refs, accept_outliers=True)
    query = signature_file(tmp_path, 3, 7)
    items_csv = write_list(tmp_path / "items.csv", [["person", "image"], ["=1+1", query.name]])
    out = tmp_path / "out.csv"
    assert run_batch(service, read_items(items_csv), out).checked == 1
    row = read_results(out)[0]
    assert row["person"] == "'=1+1" and row["decision"]
    assert decided_keys(out) == keys(tmp_path, [("=1+1", query.name)])
    assert run_batch(service, read_items(items_csv), out).skipped == 1


def test_a_folder_lists_numbered_files_as_a_person_reads_them(tmp_path):
    root = tmp_path / "inbox"
    for number in (10, 9, 1, 100):
        signature_file(root / "P1", 1, 7).rename(root / "P1" / f"cheque-{number}.png")
    assert [i.image for i in read_items(root)] == [
        "P1/cheque-1.png",
        "P1/cheque-9.png",
        "P1/cheque-10.png",
        "P1/cheque-100.png",
    ]


def test_the_same_names_in_another_folder_or_scanned_again_are_new_items(service, tmp_path):
    out = tmp_path / "out.csv"
    for day in ("monday", "tuesday"):
        signature_file(tmp_path / day / "P1", 1, 7)
    assert run_batch(service, read_items(tmp_path / "monday"), out).checked == 1
    tuesday = run_batch(service, read_items(tmp_path / "tuesday"), out)  # same "P1/w1_g7.png"
    assert tuesday.checked == 1 and tuesday.skipped == 0
    assert run_batch(service, read_items(tmp_path / "tuesday"), out).skipped == 1
    again = tmp_path / "tuesday" / "P1" / "w1_g7.png"
    signature_file(tmp_path, 1, 8).replace(again)  # another cheque scanned under that name
    assert run_batch(service, read_items(tmp_path / "tuesday"), out).checked == 1


def test_a_trial_without_the_audit_log_does_not_count_for_a_real_run(service, tmp_path):
    signature_file(tmp_path / "inbox" / "P1", 1, 7)
    out = tmp_path / "out.csv"
    items = read_items(tmp_path / "inbox")
    assert run_batch(service, items, out, record=False).checked == 1
    assert run_batch(service, items, out, record=False).skipped == 1
    real = run_batch(service, items, out)
    assert real.checked == 1 and real.skipped == 0
    assert [e.action for e in service.store.audit_entries("P1")][-1] == "verify"


def test_a_photo_of_a_sheet_and_a_copy_of_a_reference_say_so_in_the_results(service, tmp_path):
    """Seen in a real window: a phone photo of a slip came back "Rejected 22 %" in the
    Queue with nothing said, where Verify asks to pick the signature out first; and a copy
    of a reference showed "Needs review" without why."""
    import cv2
    import numpy as np

    from sigverify.core.imaging.capture import photographed_slip
    from tests.conftest import write_png

    scan = signature_file(tmp_path / "scans", 1, 8)
    grey = cv2.imread(str(scan), cv2.IMREAD_GRAYSCALE)
    write_png(tmp_path / "cheques" / "slip.png", photographed_slip(grey, np.random.default_rng(3)))
    copy = tmp_path / "cheques" / "copy.png"  # the file enrolled as P1's first reference
    copy.write_bytes(signature_file(tmp_path / "again", 1, 0).read_bytes())
    rows = [("P1", "scans/" + scan.name), ("P1", "cheques/slip.png"), ("P1", "cheques/copy.png")]
    items = read_items(write_list(tmp_path / "items.csv", [["person", "image"], *rows]))
    run_batch(service, items, tmp_path / "out.csv")
    plain, slip, same = read_results(tmp_path / "out.csv")
    assert plain["notes"] == "" and plain["decision"]
    assert slip["notes"].startswith("A picture of the whole paper, checked as it is")
    assert "Pick the signature out with Crop from page" in slip["notes"] and slip["decision"]
    assert same["decision"] == "review"
    assert same["notes"].startswith("This is the same image as the reference ")


def _scan_and_its_photo(service, tmp_path, accept: float, reject: float):
    """A scan of P1's and a phone photo of the same signature on its slip, checked as a
    list with the thresholds ``accept`` / ``reject`` for everyone: their results' rows."""
    import cv2
    import numpy as np

    from sigverify.core.imaging.capture import photographed_slip
    from tests.conftest import write_png

    service.set_global_thresholds(accept, reject)
    scan = signature_file(tmp_path / "scans", 1, 8)
    grey = cv2.imread(str(scan), cv2.IMREAD_GRAYSCALE)
    write_png(tmp_path / "cheques" / "slip.png", photographed_slip(grey, np.random.default_rng(3)))
    rows = [("P1", "scans/" + scan.name), ("P1", "cheques/slip.png")]
    items = read_items(write_list(tmp_path / "items.csv", [["person", "image"], *rows]))
    run_batch(service, items, tmp_path / "out.csv")
    return read_results(tmp_path / "out.csv")


def test_a_photo_of_a_sheet_is_not_accepted_unseen(service, tmp_path):
    """An accepted item has no clerk look at it in the Queue, and a whole sheet checked as
    it is says little about the signature: with thresholds that accept everything, the
    scan is accepted and the sheet photo of the same signature goes to review."""
    plain, slip = _scan_and_its_photo(service, tmp_path, 1e6, 1e6)  # everything accepted
    assert plain["decision"] == "accept"
    assert slip["decision"] == "review" and slip["notes"].startswith("A picture of the whole paper")
    entry = service.store.audit_entries("P1")[-1]
    assert entry.details["decision"] == "review"  # recorded as sent to review


def test_a_photo_of_a_sheet_is_not_rejected_unseen_either(service, tmp_path):
    """Seen in a real window: a genuine customer's phone photo came back "Rejected 0 %" in
    the Queue, Alt+R confirming it; cropped on Verify, it needed review at 75 %. With
    thresholds that reject everything, the scan is rejected and the sheet photo of the same
    signature goes to review, its reason saying why."""
    plain, slip = _scan_and_its_photo(service, tmp_path, 0.0, 0.0)  # everything rejected
    assert plain["decision"] == "reject"
    assert slip["decision"] == "review" and slip["notes"].startswith("A picture of the whole paper")
    assert service.store.audit_entries("P1")[-1].details["decision"] == "review"
    from sigverify.core.verification_results import SignatureInput

    photo = SignatureInput.from_path(tmp_path / "cheques" / "slip.png")
    result = service.verify("P1", photo, record=False, look_for_sheet=True)
    assert result.decision == "review" and result.reason.startswith(
        "A picture of the whole paper is neither accepted nor rejected unseen. "
    )  # (the note says to crop it: said twice on Verify, a real-window pass)
    assert "crop" not in result.reason.lower() and "Crop from page" in result.warnings[0]
