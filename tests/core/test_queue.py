"""The desk's queue: items added once, checked as a batch, settled by a clerk with an
audit row, and all of it read back from its files (a restart)."""

from __future__ import annotations

import pytest

from sigverify.core.batch_items import BatchItem, read_items
from sigverify.core.errors import SigverifyError
from sigverify.core.queue import DeskQueue, check_settlement, queue_folder
from sigverify.core.verification_results import SignatureInput
from tests.conftest import enrolled_service, signature_file


@pytest.fixture
def service(tmp_path, tiny_model_dir):
    with enrolled_service(
        tmp_path, tiny_model_dir, "clerk 2", {"P1": (1, ""), "P2": (2, "")}
    ) as service:
        yield service


def inbox(tmp_path):
    root = tmp_path / "inbox"
    signature_file(root / "P1", 1, 7)
    signature_file(root / "P1", 1, 1, forged=True)
    signature_file(root / "P2", 2, 7)
    signature_file(root / "P2", 2, 2, forged=True)
    signature_file(root / "P9", 1, 8)  # nobody enrolled as P9
    return root


def test_items_are_added_once_checked_and_read_back_after_a_restart(service, tmp_path):
    queue = DeskQueue(service.store.path)
    assert queue.folder == queue_folder(service.store.path) and queue.rows() == []
    assert queue.add(read_items(inbox(tmp_path))) == (5, 0)
    # the same folder again: nothing new, all five there before
    assert queue.add(read_items(inbox(tmp_path))) == (0, 5)
    # a list naming a new file twice: one new, none there before (it said "1 already in
    # the queue": a review)
    twice = signature_file(tmp_path / "more" / "P1", 1, 9)
    items = [BatchItem(n + 1, "P1", twice.name, twice) for n in range(2)]
    assert queue.add(items) == (1, 0) and len(queue.items()) == 6
    queue.clear()
    assert queue.add(read_items(inbox(tmp_path))) == (5, 0)
    assert [r.decision for r in queue.rows()] == [""] * 5  # not checked yet
    summary = queue.check(service)
    assert summary.checked == 4 and len(summary.errors) == 1
    rows = DeskQueue(service.store.path).rows()  # a new object: as after a restart
    assert [r.person_id for r in rows] == ["P1", "P1", "P2", "P2", "P9"]
    assert all(r.image.startswith(str(tmp_path)) for r in rows)  # full paths
    assert all(r.decision in {"accept", "review", "reject"} for r in rows[:4])
    assert rows[4].decision == "" and "P9" in rows[4].error
    assert all(r.audit_id for r in rows[:4]) and all(r.similarity is not None for r in rows[:4])
    assert queue.check(service).checked == 0  # a second check redoes nothing


def test_a_clerk_settles_review_and_reject_items_with_an_audit_row(service, tmp_path):
    from dataclasses import replace

    queue = DeskQueue(service.store.path)
    queue.add(read_items(inbox(tmp_path)))
    queue.check(service)
    row = queue.rows()[0]
    review, rejected = replace(row, decision="review"), replace(row, decision="reject")
    with pytest.raises(SigverifyError, match="needs a decision"):
        queue.settle(service, review, "confirm", "")
    with pytest.raises(SigverifyError, match="Say why in the comment when you decide other"):
        queue.settle(service, rejected, "accept", "   ")
    # sent to review: the machine decided nothing to go against (it said "otherwise")
    with pytest.raises(SigverifyError, match="Say in the comment what you checked before"):
        queue.settle(service, review, "reject", "")
    accepted = replace(row, decision="accept")
    with pytest.raises(SigverifyError, match="Only items"):
        queue.settle(service, accepted, "accept", "fine")  # nothing to decide
    with pytest.raises(SigverifyError, match="Only items"):
        queue.settle(service, replace(row, decision=""), "reject", "odd")  # not checked yet
    # an acceptance a clerk doubts is rejected, with a comment (seen in a real window:
    # skilled forgeries accepted at 85 and 88 %, and no way to overrule them)
    with pytest.raises(SigverifyError, match="Say why in the comment when you decide other"):
        queue.settle(service, accepted, "reject", "")
    assert check_settlement(accepted, "reject", "signature traced") == "reject"
    # a clerk's own rejection of it taken back, with a comment (no way back before: seen)
    rejected_by_clerk = replace(accepted, settled="reject")
    assert check_settlement(rejected_by_clerk, "accept", "my mistake, genuine") == "accept"
    with pytest.raises(SigverifyError, match="Say why in the comment when you decide other"):
        check_settlement(rejected_by_clerk, "accept", "")
    audit_id = queue.settle(service, rejected, "accept", "called the customer")
    entry = service.store.audit_entries("P1")[-1]
    assert entry.id == audit_id and entry.action == "settle" and entry.operator == "clerk 2"
    assert entry.details == {
        "file": "w1_f1.png",  # the first item: the folder's files in order
        "machine": "reject",
        "decision": "accept",
        "comment": "called the customer",
        "verification": row.audit_id,
    }
    again = DeskQueue(service.store.path).rows()[0]
    assert again.settled == "accept" and again.comment == "called the customer"
    assert again.final == "accept"
    assert not replace(again, decision="reject").needs_clerk  # settled: no longer waiting
    queue.settle(service, rejected, "confirm", "")  # a second word: the last one counts
    assert DeskQueue(service.store.path).rows()[0].settled == "confirm"
    # rejecting what the machine rejected is confirming it: no comment, recorded as such
    queue.settle(service, rejected, "reject", "")
    assert DeskQueue(service.store.path).rows()[0].settled == "confirm"
    assert service.store.audit_entries("P1")[-1].details["decision"] == "reject"

    unknown = queue.rows()[4]  # P9: nobody enrolled, so it could not be checked
    assert unknown.error and unknown.needs_clerk
    with pytest.raises(SigverifyError, match="could not be checked"):
        queue.settle(service, unknown, "confirm", "")
    with pytest.raises(SigverifyError, match="Say why in the comment: the machine could not"):
        check_settlement(unknown, "reject", " ")  # what the Queue page asks before anything
    assert check_settlement(rejected, "reject", "") == "confirm"
    queue.settle(service, unknown, "reject", "not our customer")
    assert not DeskQueue(service.store.path).rows()[4].needs_clerk
    # the log says why the machine could not check it, in words (it read "error → reject")
    from sigverify.core.audit_view import summary

    entry = service.store.audit_entries("P9")[-1]
    assert entry.details["reason"] == unknown.error and "P9" in unknown.error
    assert summary(entry) == (
        f"could not check ({unknown.error}) → rejected: “w1_g8.png” — not our customer"
    )
    assert summary(service.store.audit_entry(audit_id)) == (
        "rejected → accepted: “w1_f1.png” — called the customer"
    )
    refs = [SignatureInput.from_path(signature_file(tmp_path / "r9", 1, i)) for i in range(3)]
    service.enroll("P9", refs, accept_outliers=True)
    assert queue.check(service).checked == 0  # settled by a clerk: not checked again


def test_checking_an_empty_queue_checks_nothing(service):
    """Seen in a real window: a folder whose images were all skipped left no queue folder,
    and checking then failed on its missing results file."""
    queue = DeskQueue(service.store.path)
    assert queue.check(service).checked == 0 and queue.rows() == []


def test_a_new_queue_starts_empty_and_the_audit_log_keeps_everything(service, tmp_path):
    queue = DeskQueue(service.store.path)
    queue.add(read_items(inbox(tmp_path)))
    queue.check(service)
    checks = [e for e in service.store.audit_entries() if e.action == "verify"]
    queue.clear()
    assert queue.rows() == [] and not queue.folder.exists()
    assert [e for e in service.store.audit_entries() if e.action == "verify"] == checks


def test_a_torn_row_is_left_out_and_a_cheque_scanned_again_waits_anew(service, tmp_path):
    queue = DeskQueue(service.store.path)
    queue.add(read_items(inbox(tmp_path)))
    queue.check(service)
    with queue.items_path.open("a", encoding="utf-8") as handle:
        handle.write("P1\nP2,x,y,z,too,many\n")  # a power cut mid-write, then more
    assert len(DeskQueue(service.store.path).rows()) == 5  # and no crash at start-up

    rejected = next(r for r in queue.rows() if r.person_id == "P9")
    queue.settle(service, rejected, "reject", "not our customer")
    assert not queue.rows()[4].needs_clerk
    image = tmp_path / "inbox" / "P9" / "w1_g8.png"
    signature_file(tmp_path, 1, 9).replace(image)  # a new cheque under the same name
    queue.check(service)
    assert queue.rows()[4].needs_clerk and queue.rows()[4].settled == ""


def test_comments_typed_and_not_sent_are_kept_whole_and_only_with_text(tmp_path):
    """Seen in a real window: quitting dropped a half-typed comment. The queue keeps each
    item's draft in its folder for the next session."""
    queue = DeskQueue(tmp_path / "store.sqlite3")
    assert queue.read_drafts() == {}  # nothing kept yet, no folder
    drafts = {("P1", "/in/a.png"): "called the customer — 客户确认", ("P2", "/in/b.png"): "  "}
    queue.write_drafts(drafts)
    assert DeskQueue(tmp_path / "store.sqlite3").read_drafts() == {
        ("P1", "/in/a.png"): "called the customer — 客户确认"
    }  # (a blank one is not kept)
    assert [p.name for p in queue.folder.iterdir()] == ["drafts.json"]  # no part left over
    queue.write_drafts({("P2", "/in/b.png"): ""})  # all sent or emptied: the file goes
    assert not queue.drafts_path.exists() and queue.read_drafts() == {}
    queue.drafts_path.write_text('[{"person": "P1"', encoding="utf-8")  # torn
    assert queue.read_drafts() == {}


def test_an_answer_recorded_on_verify_settles_the_item_waiting_for_it(service, tmp_path):
    """Seen in a real window: a photo of the paper the queue sent to review, cut on the
    Verify page and its acceptance recorded there, still waited for a clerk on the Queue."""
    import json

    from sigverify.core.queue import CheckedAgain
    from sigverify.core.thresholds import global_thresholds_key

    everything_rejected = json.dumps({"accept": 0.0, "reject": 0.0})
    key = global_thresholds_key(service.model_id)
    service.store.set_setting(key, everything_rejected, "t")
    queue = DeskQueue(service.store.path)
    queue.add(read_items(inbox(tmp_path)))
    queue.check(service)
    first, second = queue.rows()[:2]
    assert first.decision == second.decision == "reject" and first.needs_clerk
    # a review settles nothing, nor an answer for another person's item of that file
    review = CheckedAgain(first.person_id, first.image, "review", 99, cut=True)
    assert queue.settle_checked_again(service, review) is None
    assert (
        queue.settle_checked_again(service, CheckedAgain("P2", first.image, "accept", 99)) is None
    )
    assert not queue.rows()[0].settled

    accepted = CheckedAgain(first.person_id, first.image, "accept", 99, True, " Called her ")
    audit_id = queue.settle_checked_again(service, accepted)
    row = queue.rows()[0]
    assert row.settled == "accept" and row.settled_audit_id == audit_id
    assert row.comment == (
        "Cut from the photo on the Verify page and checked again: accepted (audit entry #99). "
        "Called her"
    )
    entry = service.store.audit_entry(audit_id)
    assert entry.action == "settle" and entry.person_id == "P1"
    assert row.settled_by == entry.operator == service.operator  # who, for the summary
    assert entry.details["checked_again"] == 99 and entry.details["decision"] == "accept"
    assert entry.details["verification"] == first.audit_id  # the queue's own check
    # settled already: a later answer leaves the clerk's word (decided again on the Queue)
    again = CheckedAgain(first.person_id, first.image, "reject", 100)
    assert queue.settle_checked_again(service, again) is None
    assert queue.rows()[0].settled == "accept"
    # checked again as it is, the machine's rejection: confirmed, without a comment typed
    rejected = CheckedAgain(second.person_id, second.image, "reject", 101)
    queue.settle_checked_again(service, rejected)
    row = queue.rows()[1]
    assert row.settled == "confirm"
    assert row.comment == "Checked again on the Verify page: rejected (audit entry #101)."
