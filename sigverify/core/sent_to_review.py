"""Queries sent to review whatever their score: a picture of the whole paper checked as it
is (:func:`sheet_photo_to_review`) and a copy of one of the person's references
(:func:`copy_of_reference`), with the notes that say why."""

from __future__ import annotations

from dataclasses import replace

from sigverify.core.i18n import join_sentences, translate
from sigverify.core.thresholds import ACCEPT, REVIEW
from sigverify.core.verification_results import VerificationResult

# A query whose embedding lies this close to a reference's is that reference's own image
# (the same file, or its pixels saved again): two scans of a signature, even of the same
# sheet, lie thousands of times further apart.
SAME_IMAGE = 1e-4


def sheet_photo_note() -> str:
    """Said of a photo of a whole sheet checked as it is."""
    return translate(
        "warnings",
        "A picture of the whole paper, checked as it is: print, lines or other writing on it were "
        "compared too, so the answer may say little about the signature. Pick the "
        "signature out with Crop from page (on the Verify page).",
    )


def same_image_note(name: str) -> str:
    """Why a query that is the reference ``name``'s own image is sent to review."""
    return translate(
        "reason",
        "This is the same image as the reference {name}: a reference cannot vouch for "
        "itself, and a copy of a stored signature is not a new one. Check that the right "
        "file was opened.",
    ).format(name=name)


def sheet_photo_to_review(result: VerificationResult) -> VerificationResult:
    """``result`` for a photo of a whole sheet checked as it is (a list's item, with its
    :func:`sheet_photo_note`): sent to review, accepted or rejected, since the answer says
    little about the signature: an accepted item has no clerk look at it in the Queue, and
    a genuine customer's photo came back "Rejected 0 %", Alt+R confirming it (seen in a real
    window; cropped, the same signature needed review at 75 %). Others unchanged."""
    if result.decision == REVIEW or sheet_photo_note() not in result.warnings:
        return result
    note = translate(
        "reason", "A picture of the whole paper is neither accepted nor rejected unseen."
    )
    return replace(result, decision=REVIEW, reason=join_sentences(note, result.reason))


def copy_of_reference(result: VerificationResult) -> VerificationResult:
    """``result`` for a query that is one of the person's references: sent to review, the
    reason saying so (a reference cannot vouch for itself; a copy of a stored signature is
    not a new one). Others unchanged; applying it twice changes nothing more."""
    same = [r for r in result.per_reference if r.distance <= SAME_IMAGE]
    if not same:
        return result
    note = same_image_note(same[0].filename)
    reason = result.reason
    if not reason.startswith(note):  # (a blank after a Chinese full stop: a real-window pass)
        reason = join_sentences(note, reason)
    decision = REVIEW if result.decision == ACCEPT else result.decision
    return replace(result, decision=decision, reason=reason, same_image_as=same[0].filename)
