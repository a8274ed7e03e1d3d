"""A queue item shown on the Verify page: the glue between the Queue page and the Verify
page (the main window calls it when the clerk opens an item)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication

from sigverify.core.errors import SigverifyError
from sigverify.core.i18n import join_sentences
from sigverify.core.queue import CheckedAgain, clerks_word, settled_word, settlement_word
from sigverify.core.verification_results import decision_label
from sigverify.gui import dialogs


def show_queued(verify_page, person_id: str, image: str, audit_id, waiting: bool = False) -> None:
    """Show a queue item on ``verify_page``: the person, the signature and its result,
    marked as recorded under the batch's audit row (so that it is not recorded again, and
    a report names that row). ``waiting``: the item waits for a clerk, and an answer
    recorded for it on Verify settles it (an item the machine accepted, or one settled
    already, is not: the line said it would be, a review found)."""
    from sigverify.core.verification_results import SignatureInput

    try:
        signature = SignatureInput.from_path(image)
    except SigverifyError as error:
        dialogs.show_error(verify_page, error)
        return
    verify_page.set_query([signature])  # asks first about a result not recorded yet
    if verify_page.query is not signature:
        return  # the clerk went back to it
    verify_page.queue_item = (person_id, image) if waiting else None
    verify_page.refresh()
    verify_page.choose_person(person_id)
    # opened for the item's person (it kept the person chosen before, whom Verify then
    # named: "opened or checked for C-13. Check it against C-12?", seen in a real window)
    verify_page.query_person = person_id

    def work(context, job):
        service = context.require_service()
        # checked as the queue checked it: a photo of the paper is not decided unseen
        # (it came back a plain ACCEPT beside the queue's review: seen in a real window)
        result = service.verify(person_id, signature, record=False, look_for_sheet=True)
        entry = context.store.audit_entry(audit_id) if audit_id is not None else None
        if entry is None or entry.person_id != person_id:
            return result, None, None
        return result, entry, clerks_word(context.store, person_id, entry.id)

    def done(answer):
        result, entry, settled = answer
        recorded = entry is not None and same_result(result, entry.details)
        if recorded:
            # the answer the queue recorded: its report is checked when that was, not now
            # (it read "Checked at 03:09:26, Recorded at 03:09:00", seen in a real window)
            result = replace(result, checked_at=entry.at)
        verify_page.show_result(result, signature)
        if settled is not None and verify_page.query is signature:  # (not the next item's)
            verify_page.queue_item = None  # the clerk's word stands: a later answer leaves it
        if entry is None:
            return  # not recorded (a trial run): the clerk may record it now
        if recorded:
            verify_page.recorded = True
            verify_page.audit_row = (entry.id, entry.hash)
            # the hint as for a recorded result: it said "Ctrl+S records it" (seen in a
            # real window); then the line naming the queue's audit row
            verify_page._changed()
            verify_page.record_button.setEnabled(False)
            said = QCoreApplication.translate(
                "QueuePage", "From the queue: recorded as audit entry #{id}."
            ).format(id=entry.id)
            if settled is not None:  # the clerk's word stands (REJECT alone was shown: seen)
                verify_page.summary.badge.set_clerks_decision(str(settled.details["decision"]))
                said = join_sentences(
                    said,
                    QCoreApplication.translate(
                        "QueuePage",
                        "Clerk's decision: {decision} by {operator} (audit entry #{id}).",
                    ).format(
                        decision=settled_word(settled.details),
                        operator=settled.operator,
                        id=settled.id,
                    ),
                    f"“{settled.details['comment']}”" if settled.details.get("comment") else "",
                )
            verify_page.queue_note = said
            verify_page.record_status.say(said)
        else:  # the model, the thresholds or the file changed since: this is a new answer
            verify_page.record_status.say(
                QCoreApplication.translate(
                    "QueuePage",
                    "The queue recorded “{then}” for this signature (audit entry #{id}); "
                    "checked again now it gives “{now}”. Record this one if it is the answer "
                    "you stand by.",
                ).format(  # the words shown elsewhere, not the stored "accept" (seen)
                    then=_word(entry.details.get("decision")),
                    id=entry.id,
                    now=_word(result.decision),
                )
            )

    verify_page.engine.submit(  # during a check too, between its chunks: an item opened
        work, done, lambda error: dialogs.show_error(verify_page, error), urgent=True
    )  # (else shown at the check's end, over what the clerk did meanwhile)


def settle_checked_again(queue_page, verify_page, again: CheckedAgain) -> None:
    """A queue item's signature checked again on ``verify_page`` and its answer recorded
    (``again``): the item settled with it on ``queue_page`` when it waits for a clerk and
    the answer is an acceptance or a rejection (:meth:`DeskQueue.settle_checked_again`),
    and said under the result while it is shown."""
    queue = queue_page.queue

    def done(audit_id):
        if audit_id is None:
            return
        # a comment typed for the item on the Queue goes with the word (it came back)
        queue_page.drop_draft((again.person_id, again.image))
        queue_page.read_again()
        if verify_page.audit_row is None or verify_page.audit_row[0] != again.verification:
            return  # another result is shown by now
        verify_page.queue_settled = QCoreApplication.translate(
            "QueuePage", "Its queue item is settled with it: {decision} (audit entry #{id})."
        ).format(decision=settlement_word(again.decision), id=audit_id)
        verify_page._mark_staleness()

    verify_page.engine.submit(
        lambda context, job: queue.settle_checked_again(context.require_service(), again),
        done,
        lambda error: dialogs.show_error(verify_page, error),
        urgent=True,
    )


def _word(decision) -> str:
    """A decision as the Verify page shows it ("ACCEPT", "需复核"), anything else as it is."""
    return decision_label(decision) if decision in ("accept", "review", "reject") else str(decision)


def same_result(result, details: dict) -> bool:
    """Whether a result is the one an audit row recorded: the same decision, distance
    (as recorded, to 6 decimals), model and thresholds, and for a pad-drawn query the
    same pen model and fused score."""
    pen = details.get("pen") or {}
    same_pen = (
        not pen
        if result.pen is None
        else pen.get("pen_model") == result.pen.pen_model
        and abs(float(pen.get("fused", -1)) - result.pen.fused) < 5e-6
    )
    return (
        details.get("decision") == result.decision
        and details.get("model") == result.model_id
        and abs(float(details.get("distance", -1)) - result.score) < 5e-6
        and list(details.get("thresholds") or [])
        == [result.thresholds.accept, result.thresholds.reject]
        and same_pen
    )
