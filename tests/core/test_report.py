"""The PDF records: one verification on one A4 page, a batch's summary."""

from __future__ import annotations

import csv
import dataclasses
import time

import pytest

from sigverify.core.batch import run_batch
from sigverify.core.batch_items import read_items
from sigverify.core.report import A4, report_file_name, verification_page, verification_record
from sigverify.core.report_batch import ClerkWord, batch_pages, summary_file_name
from sigverify.core.report_files import save_pdf
from sigverify.core.verification_results import SignatureInput
from tests.conftest import enrolled_service, signature_file


def on_paper(at: str) -> str:
    """A stored UTC time as the report prints it, worked out here: local time and offset."""
    from datetime import datetime

    when = datetime.fromisoformat(at).astimezone()
    offset = when.strftime("%z")
    return f"{when:%Y-%m-%d %H:%M:%S} (UTC{offset[:3]}:{offset[3:]})"


@pytest.fixture
def service(tmp_path, tiny_model_dir):
    with enrolled_service(tmp_path, tiny_model_dir, "desk 4", {"C-1042": (1, "Ana Li")}) as service:
        yield service


def page_texts(figure) -> str:
    texts = [t.get_text() for t in figure.texts]
    texts += [axes.get_title(loc="left") for axes in figure.axes]
    return "\n".join(texts)


def test_a_verification_page_shows_what_the_decision_rests_on(service, tmp_path):
    query = SignatureInput.from_path(signature_file(tmp_path, 1, 1, forged=True))
    result = service.verify("C-1042", query, record=False)
    audit = service.record_verification(result, "counter 3")
    record = verification_record(service, result, query.data, audit, "2026-12-01T10:00:00")
    assert record.person_name == "Ana Li" and len(record.references) == 4
    assert [name for name, _ in record.references] == [r.filename for r in result.per_reference]
    figure = verification_page(record)
    text = page_texts(figure)
    assert tuple(figure.get_size_inches()) == pytest.approx(A4)
    label = {"accept": "ACCEPT", "review": "NEEDS REVIEW", "reject": "REJECT"}[result.decision]
    assert f"{label}   score {100 * result.similarity:.0f} %" in text
    for expected in (
        "C-1042  Ana Li",
        query.name,
        f"{result.score:.4f}",
        f"accept at or below {result.thresholds.accept:.4f}",
        f"reject above {result.thresholds.reject:.4f}",
        service.model.card.weights_sha256,
        service.model.card.name,
        "desk 4",
        f"Recorded at\n{on_paper(service.store.audit_entries('C-1042')[-1].at)}",  # the log's
        f"Checked at\n{on_paper(result.checked_at)}",  # when the check ran, not when recorded
        f"#{audit[0]}  {audit[1]}",
        result.nearest.filename,
        "Clerk's comment\n“counter 3”",  # recorded with it (the page lacked it: seen)
    ):
        assert expected in text, expected
    assert result.checked_at <= service.store.audit_entries("C-1042")[-1].at
    assert result.reason.split()[0] in text
    for ref in result.per_reference:  # each reference with its distance on the score scale
        assert f"distance {result.on_score_scale(ref):.4f}" in text
    assert "Over the nearest reference" in text  # the overlay is drawn
    # and where the checked signature departs from that reference
    assert record.explanation is not None
    assert record.explanation.reference_name == result.nearest.filename
    assert "Where it differs" in text
    assert f"{100 * record.explanation.hot_share():.0f} % of the ink lies where they differ" in text

    pdf = save_pdf([figure], tmp_path / "report.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")
    assert pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page ") == 1  # one page


def test_an_unrecorded_check_says_so_and_a_huge_photo_is_shrunk(service, tmp_path):
    import cv2
    import numpy as np

    big = cv2.resize(
        cv2.imread(str(signature_file(tmp_path, 1, 2)), cv2.IMREAD_GRAYSCALE), (4000, 2000)
    )
    path = tmp_path / "photo.png"
    cv2.imwrite(str(path), big)
    query = SignatureInput.from_path(path)
    result = service.verify("C-1042", query, record=False)
    record = verification_record(service, result, query.data, None, "now")
    assert max(record.query_image.shape) == 1200 and record.query_image.dtype == np.uint8
    text = page_texts(verification_page(record))
    assert "not recorded" in text and "Clerk's comment" not in text
    # a long comment: three lines at most, then "…" (the references below must fit)
    long = dataclasses.replace(record, comment="checked with the branch " * 40)
    lines = page_texts(verification_page(long)).split("Clerk's comment\n")[1].split("\n")
    assert lines[2].endswith("…") and lines[3] == "Why"


def test_a_report_names_the_model_that_decided_after_a_switch(service, tmp_path):
    """Seen in a real window: a result recorded, then another model activated, then "Save
    report" named the active model and its weights, not the one the audit row names. The
    page names the deciding model, and leaves out the heat map the active one would draw."""
    import dataclasses

    from sigverify.core.errors import SigverifyError

    query = SignatureInput.from_path(signature_file(tmp_path, 1, 1))
    made = service.verify("C-1042", query, record=False)
    earlier = dataclasses.replace(made, model_id="branch-7@0123456789ab")
    record = verification_record(service, earlier, query.data, None, "now")
    assert (record.model_name, record.weights_sha256) == ("branch-7", "0123456789ab…")
    assert record.explanation is None
    text = page_texts(verification_page(record))
    assert "branch-7" in text and "0123456789ab…" in text
    assert service.model.card.weights_sha256 not in text and "Where it differs" not in text
    with pytest.raises(
        SigverifyError, match="made with branch-7, which is no longer the active model. Check"
    ):
        service.explain(earlier)
    # made with the active model: named and explained as before
    record = verification_record(service, made, query.data, None, "now")
    assert record.model_name == service.model.card.name and record.explanation is not None


def test_a_batch_summary_counts_each_item_once_by_its_last_row(service, tmp_path):
    folder = tmp_path / "inbox" / "C-1042"
    signature_file(folder, 1, 7)
    signature_file(folder, 1, 3, forged=True)
    (tmp_path / "inbox" / "C-9").mkdir()
    signature_file(tmp_path / "inbox" / "C-9", 2, 1)
    out = tmp_path / "results.csv"
    run_batch(service, read_items(tmp_path / "inbox"), out)
    run_batch(service, read_items(tmp_path / "inbox"), out)  # C-9 fails twice: two rows
    with out.open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 4
    decisions = [r["decision"] for r in rows[:3] if r["decision"]]
    pages = batch_pages(out, rows_per_page=2)
    assert len(pages) == 2  # 3 items, 2 a page
    text = "\n".join(page_texts(p) for p in pages)
    counts = {d: decisions.count(d) for d in ("accept", "review", "reject")}
    assert (
        f"3 items: {counts['accept']} accepted, {counts['review']} to review, "
        f"{counts['reject']} rejected, 1 could not be checked." in text
    )
    assert text.count("There is no person with id “C-9”") == 1
    # the machine's answers in the Queue's words (REJECT and error beside Rejected: seen)
    words = {"accept": "Accepted", "review": "Needs review", "reject": "Rejected"}
    for decision in decisions:
        assert words[decision] in text
    assert "could not check" in text and "REJECT" not in text and "error" not in text
    pdf = save_pdf(pages, tmp_path / "summary.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-")


def test_lines_wrap_at_spaces_and_between_chinese_characters():
    from sigverify.core.text_wrap import wrap

    assert wrap("one two three four", 9) == ["one two", "three", "four"]
    assert wrap("签名核验报告", 4) == ["签名", "核验", "报告"]  # two columns a character
    assert wrap("距离 0.470（已校正）", 10) == ["距离 0.470", "（已校正）"]
    assert all(len(line) <= 100 for line in wrap("x " * 300, 100))
    # a closing mark stays on the line it ends, a column over (a line began with "。")
    assert wrap("签名核验。接受", 8) == ["签名核验。", "接受"]
    assert wrap("签名核验，接受", 8) == ["签名核验，", "接受"]


def test_names_with_dollar_signs_and_clerks_words_reach_the_summary(service, tmp_path):
    folder = tmp_path / "inbox" / "C-1042"
    signature_file(folder, 1, 7).rename(folder / "$5 cheque $.png")
    out = tmp_path / "results.csv"
    run_batch(service, read_items(tmp_path / "inbox"), out)
    image = "C-1042/$5 cheque $.png"
    word = ClerkWord("confirm", "called the customer", 17)
    pages = batch_pages(
        out, settled={("C-1042", image): word}, operator="Ana López", people={"C-1042": "Li Na"}
    )
    text = page_texts(pages[0])
    assert image in text and "confirmed" in text and " %" in text
    # when, by whom, with what, and the clerk's own words with their audit row (a summary
    # for the file had none of these: seen in a real window)
    assert f"Made {time.strftime('%Y-%m-%d')} " in text and "by Ana López" in text
    assert f"model {service.model_id}" in text and "accept at a distance of " in text
    assert "Clerk: “called the customer” (audit entry #17)" in text
    assert "Li Na — C-1042" in text  # as the Queue shows the person (the id alone: seen)
    # the clerks' words counted beside the machine's (the machine's alone: seen)
    said = " ".join(text.split())
    assert "Clerks settled 1: 0 accepted, 0 rejected, 1 confirmed." in said
    # where the day stands first, with the clerks' words (the machine's answers alone were
    # the headline: a reader took them for the outcome)
    assert said.index("Where they stand: 0 accepted, 1 rejected, 0 waiting for a clerk.") < (
        said.index("The machine's answers for 1 item: 0 accepted, 1 to review, 0 rejected")
    )
    assert "Where they stand" not in page_texts(batch_pages(out)[0])  # a batch: no clerks
    # not settled yet, it reads "waiting" in the clerk's column, as on the Queue (empty)
    waiting = page_texts(batch_pages(out, settled={})[0]).split()
    assert waiting.count("waiting") == 2  # "… 1 waiting for a clerk." and the column
    assert "waiting" not in page_texts(batch_pages(out)[0]).split()
    assert "Clerks settled" not in page_texts(batch_pages(out)[0])  # none: not said
    assert summary_file_name() == f"queue-summary-{time.strftime('%Y-%m-%d')}.pdf"
    plain = page_texts(
        batch_pages(out, settled={("C-1042", image): ClerkWord("confirm", "", 18)})[0]
    )
    assert "Clerk's audit entry #18" in plain and "“”" not in plain  # no empty quotes
    # the clerk who gave each word, named (only who saved it was: a reader credited every
    # word to them, seen in a real window)
    for word, said in (
        (ClerkWord("confirm", "called her", 19, "Li Ming"),
         "Clerk Li Ming: “called her” (audit entry #19)"),
        (ClerkWord("accept", "", 20, "root"), "Clerk root, audit entry #20"),
    ):  # fmt: skip
        assert said in page_texts(batch_pages(out, settled={("C-1042", image): word})[0])
    save_pdf(pages, tmp_path / "summary.pdf")  # maths parsing would choke on the $ signs


def test_ten_references_all_fit_on_the_page_with_the_heat_map(service, tmp_path):
    """Seen in a real window: with the heat map added, a sixth reference fell off the page."""
    more = [SignatureInput.from_path(signature_file(tmp_path, 1, i)) for i in range(4, 10)]
    service.enroll("C-1042", more, accept_outliers=True)
    query = SignatureInput.from_path(signature_file(tmp_path, 1, 12))
    result = service.verify("C-1042", query, record=False)
    assert len(result.per_reference) == 10
    figure = verification_page(verification_record(service, result, query.data, None, "now"))
    titles = [axes.get_title(loc="left") for axes in figure.axes]
    assert sum("distance" in t for t in titles) == 10 and "Where it differs" in titles
    for axes in figure.axes:  # every picture on the page, none under the footnote
        x0, y0, x1, y1 = axes.get_position().extents
        assert 0 <= x0 < x1 <= 1 and 0.055 <= y0 < y1 <= 1


def test_a_report_prints_times_in_local_time_with_the_offset(monkeypatch):
    """Seen: the PDF printed "2026-12-06T02:50:40.406+00:00" where the app shows local
    time. In Berlin in December (UTC+1) that stored time reads 03:50:40."""
    import time as clock

    from sigverify.core.store.records import local_time_zoned

    monkeypatch.setenv("TZ", "CET-1")  # (POSIX: one hour east of UTC; no tz database needed)
    clock.tzset()
    try:
        stamp = "2026-12-06T02:50:40.406+00:00"
        assert local_time_zoned(stamp) == "2026-12-06 03:50:40 (UTC+01:00)"
        assert local_time_zoned("yesterday") == "yesterday"  # not sigverify's: as it is
    finally:
        monkeypatch.undo()
        clock.tzset()


def test_a_reports_file_name_says_whose_and_when_in_local_time(service, tmp_path):
    import dataclasses
    from datetime import datetime

    query = SignatureInput.from_path(signature_file(tmp_path, 1, 1))
    result = service.verify("C-1042", query, record=False)
    local = datetime.fromisoformat(result.checked_at).astimezone()
    assert report_file_name(result) == f"C-1042-{local:%Y-%m-%d-%H%M%S}.pdf"
    odd = dataclasses.replace(result, person_id="A/B 7", checked_at="2026-12-04T22:18:50.123+00:00")
    when = datetime.fromisoformat(odd.checked_at).astimezone()
    assert report_file_name(odd) == f"A_B_7-{when:%Y-%m-%d-%H%M%S}.pdf"  # no folder in the name


def test_a_summary_starts_a_new_page_before_lines_under_items_run_off_it(service, tmp_path):
    """Each item that could not be checked has a line under it: 48 such rows a page ran
    past the bottom of the sheet."""
    folder = tmp_path / "inbox" / "C-77"  # nobody enrolled as C-77: every item says so
    for n in range(40):
        signature_file(folder, 1, n % 12).rename(folder / f"cheque-{n:02d}.png")
    out = tmp_path / "results.csv"
    run_batch(service, read_items(tmp_path / "inbox"), out)
    pages = batch_pages(out)
    assert len(pages) == 2  # by room: 40 rows fit by count (48)
    lowest = min(t.get_position()[1] for page in pages for t in page.texts)
    assert lowest >= 0.04  # (the footnote's margin)
    text = "\n".join(page_texts(p) for p in pages)
    assert all(f"cheque-{n:02d}.png" in text for n in range(40))
    assert text.count("There is no person with id “C-77”") == 40
    assert "not checked yet" not in text
    cut_short = page_texts(batch_pages(out, not_checked=632)[0])  # a check cut short (seen)
    said = " ".join(cut_short.split())  # (the summary's lines wrap)
    assert "632 more items in the queue not checked yet, not listed here." in said
    # what a check said beside its answer is printed under it too
    with out.open(newline="", encoding="utf-8") as handle:
        first = next(csv.DictReader(handle))
    first["notes"] = "A picture of the whole paper, checked as it is | second note"
    with out.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(first))
        writer.writeheader()
        writer.writerow(first)
    noted = page_texts(batch_pages(out)[0])
    assert "A picture of the whole paper, checked as it is" in noted and "second note" in noted


def test_a_pdf_appears_only_complete(tmp_path, monkeypatch):
    """Seen in a real window: a long summary was an unreadable file for 15 s while it was
    written. It is written beside its name and takes the name once complete; a write that
    fails leaves neither a half file nor the part."""
    import matplotlib.pyplot as plt

    from sigverify.core import report_files
    from sigverify.core.errors import SigverifyError

    figure = plt.figure()
    target = save_pdf([figure], tmp_path / "day.pdf")
    assert target.read_bytes().startswith(b"%PDF-") and sorted(tmp_path.iterdir()) == [target]

    def half_then_full_disk(figures, path):
        path.write_bytes(b"%PDF-1.4 half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(report_files, "_write_pages", half_then_full_disk)
    with pytest.raises(SigverifyError, match="No space left on device"):
        save_pdf([figure], tmp_path / "next.pdf")
    assert sorted(tmp_path.iterdir()) == [target]  # the earlier file untouched, no part
    plt.close(figure)


def test_where_queue_items_stand_counts_the_clerks_words_over_the_machines():
    from sigverify.core.report_batch import _standing

    rows = [
        {"person": "a", "image": "1.png", "decision": "accept"},  # accepted
        {"person": "a", "image": "2.png", "decision": "accept"},  # a clerk rejected it
        {"person": "a", "image": "3.png", "decision": "reject"},  # waits: not confirmed
        {"person": "a", "image": "4.png", "decision": "reject"},  # confirmed: rejected
        {"person": "a", "image": "5.png", "decision": "review"},  # a clerk accepted it
        {"person": "a", "image": "6.png", "decision": "review"},  # waits
        {"person": "b", "image": "7.png", "decision": ""},  # not checkable: waits
        {"person": "b", "image": "8.png", "decision": ""},  # a clerk accepted it anyway
    ]
    words = {
        ("a", "2.png"): ClerkWord("reject", "forged"),
        ("a", "4.png"): ClerkWord("confirm"),
        ("a", "5.png"): ClerkWord("accept", "checked the ID"),
        ("b", "8.png"): ClerkWord("accept", "known customer"),
    }
    assert _standing(rows, words) == {"accepted": 3, "rejected": 2, "waiting": 3}
    assert _standing(rows, {}) == {"accepted": 2, "rejected": 0, "waiting": 6}


def test_a_report_shows_the_clerks_decision_that_stands(service, tmp_path):
    """A check rejected by the machine and accepted by a clerk in the Queue: its report
    names the clerk's decision, who and when, and their comment (it said REJECT alone for a
    cheque the bank had paid: seen in a real window); the newest word counts."""
    from sigverify.core.queue import DeskQueue, QueueRow

    path = signature_file(tmp_path, 1, 1, forged=True)
    query = SignatureInput.from_path(path)
    result = service.verify("C-1042", query, record=False)
    audit = service.record_verification(result, "")
    record = verification_record(service, result, query.data, audit, "2026-12-01T10:00:00")
    assert record.settlement is None and "Clerk's decision" not in page_texts(
        verification_page(record)
    )
    queue = DeskQueue(service.store.path)
    queue.folder.mkdir()
    row = QueueRow("C-1042", str(path), decision="reject", audit_id=audit[0])
    queue.settle(service, row, "accept", "checked the ID card")
    settled = queue.settle(service, row, "accept", "called the customer: hers")
    record = verification_record(service, result, query.data, audit, "2026-12-01T10:00:00")
    assert record.settlement.id == settled
    text = page_texts(verification_page(record))
    entry = service.store.audit_entry(settled)
    assert (
        f"Clerk's decision\naccepted by desk 4, {on_paper(entry.at)} (audit entry #{settled})\n"
        "“called the customer: hers”"
    ) in text
    assert "checked the ID card" not in text and "Clerk's comment" not in text


def test_long_names_stay_in_their_column_on_a_report_and_a_summary(service, tmp_path):
    """Seen in a real window: "pasted-20261207-052548.p" ran into the next reference's
    name on a report, and "… — C-1002" into the Image column of a queue summary."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from sigverify.core.text_wrap import shortened

    (tmp_path / "long").mkdir()
    long = []
    for i in range(5):  # the same scans under long names
        path = tmp_path / "long" / f"{i}0261207052548123456789.png"  # (digits: wide)
        signature_file(tmp_path / "src", 2, i).rename(path)
        long.append(SignatureInput.from_path(path))
    service.enroll("C-1002", long, "José Antonio Muñoz")
    query = SignatureInput.from_path(signature_file(tmp_path, 2, 9))
    result = service.verify("C-1002", query, record=False)
    figure = verification_page(verification_record(service, result, query.data, None, "now"))
    renderer = FigureCanvasAgg(figure).get_renderer()
    titles = [a for a in figure.axes if "distance" in a.get_title(loc="left")]
    assert len(titles) == 5
    spans = sorted(tuple(_left_title(a).get_window_extent(renderer).intervalx) for a in titles)
    pitch = spans[1][0] - spans[0][0]  # from one name's start to the next's
    for left, right in spans:  # each ends before the next begins, a tenth to spare for a
        assert right - left < 0.9 * pitch  # wider font (the Chinese one's Latin letters)

    folder = tmp_path / "inbox" / "C-1002"
    signature_file(folder, 2, 11)
    out = tmp_path / "results.csv"
    run_batch(service, read_items(tmp_path / "inbox"), out)
    (page,) = batch_pages(out, people={"C-1002": "José Antonio Muñoz Fernández"})
    person = next(t for t in page.texts if t.get_text().endswith("— C-1002"))
    assert person.get_text() == shortened("José Antonio Muñoz Fernández — C-1002", 20, 8)
    image = next(t for t in page.texts if t.get_text().endswith("w2_g11.png"))
    renderer = FigureCanvasAgg(page).get_renderer()
    assert person.get_window_extent(renderer).x1 < image.get_window_extent(renderer).x0


def test_a_name_shortened_keeps_its_start_and_end_in_its_columns():
    from sigverify.core.text_wrap import columns, shortened

    assert shortened("original_10_2.png", 20) == "original_10_2.png"  # fits: whole
    assert shortened("pasted-20261207-052548.png", 20) == "pasted-202612…48.png"
    assert shortened("José Antonio Muñoz Fernández — C-1002", 20, 8) == "José Antoni…— C-1002"
    cut = shortened("王丽华的签名第一张扫描件.png", 20)
    assert cut.endswith(".png") and "…" in cut and columns(cut) <= 20  # two columns each


def _left_title(axes):
    """The text drawn as ``axes``' left title."""
    from matplotlib.text import Text

    wanted = axes.get_title(loc="left")
    return next(c for c in axes.get_children() if isinstance(c, Text) and c.get_text() == wanted)


def test_a_summarys_person_keeps_a_long_id_recognisable_and_hangul_counts_two_columns():
    """A review found an id of 22 characters cut at both ends ("Ana…026-000000001234"),
    and Korean names counted one column a character (overflowing)."""
    from sigverify.core.report_batch import _person_cell
    from sigverify.core.text_wrap import columns

    assert _person_cell("C-1002", "Li Na") == "Li Na — C-1002"
    assert _person_cell("CUST-2026-000000001234", "Ana") == "CUST-20…000000001234"  # id alone
    assert columns("김민수") == 6 and columns(_person_cell("C-7", "김민수" * 5)) <= 20


def test_a_summarys_long_path_keeps_its_end_in_its_columns():
    """The Image column counted characters, so a Chinese file name took twice its room (a
    review found): a path is shortened by columns, its end (the file) kept."""
    from sigverify.core.text_wrap import columns, shortened

    path = "/home/clerk/inbox/2026-12-07/C-1001/王丽华的支票扫描件第一张.png"
    cell = shortened(path, 40, 36)
    assert columns(cell) <= 40 and cell.endswith("/C-1001/王丽华的支票扫描件第一张.png")
