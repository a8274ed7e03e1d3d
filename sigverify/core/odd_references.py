"""References that do not belong with a person's others, as said to a clerk: one that
stands out from the rest, new ones far from those enrolled, a photo of a whole sheet, an
image enrolled for another person already (:class:`OddReference`), several of a kind in one
sentence, and the error that stops an enrolment to ask about them (found by
:mod:`sigverify.core.reference_checks`)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from sigverify.core.errors import SigverifyError
from sigverify.core.i18n import join_sentences, translate


@dataclass(frozen=True)
class OddReference:
    filename: str
    median_distance: float
    reject_threshold: float
    index: int = -1  # position in the list that was checked
    person: str = ""  # unlike this person's enrolled references, when set ("Ana (C-1)")
    sheet_photo: bool = False  # a photo of a whole sheet (no distance then)
    enrolled_for: str = ""  # the same image is this other person's reference ("Ana (C-1)")
    enrolled_as: str = ""  # ... under this file name there

    def to_record(self) -> dict:
        """What the audit log keeps of it, to say it again in the reader's language
        (:meth:`from_record`): the fields its kind uses, no place in a list."""
        record = {"filename": self.filename}
        if not math.isnan(self.median_distance):
            record |= {"median_distance": self.median_distance, "reject": self.reject_threshold}
        for key in ("person", "sheet_photo", "enrolled_for", "enrolled_as"):
            if getattr(self, key):
                record[key] = getattr(self, key)
        return record

    @classmethod
    def from_record(cls, record: dict) -> OddReference:
        return cls(
            str(record.get("filename", "")),
            float(record.get("median_distance", math.nan)),
            float(record.get("reject", math.nan)),
            person=str(record.get("person", "")),
            sheet_photo=bool(record.get("sheet_photo", False)),
            enrolled_for=str(record.get("enrolled_for", "")),
            enrolled_as=str(record.get("enrolled_as", "")),
        )

    @property
    def stands_out(self) -> bool:
        """Unlike the person's other references, as the People page's marks tell from the
        stored references (the other kinds are known at enrolment only)."""
        return not (self.person or self.sheet_photo or self.enrolled_for)

    @property
    def message(self) -> str:
        if self.enrolled_for:
            return translate(
                "errors",
                "“{name}” is the same image as “{stored}”, a reference of {person}: one "
                "signature cannot be two people's. Check that this is the right person.",
            ).format(name=self.filename, stored=self.enrolled_as, person=self.enrolled_for)
        if self.sheet_photo:
            return translate(
                "errors",
                "“{name}” is a picture of the whole paper the signature is on: enrolled as it is, "
                "print, lines or other writing on it would be part of the reference. Pick the "
                "signature out of it first (Crop from page… on the People page); a slip "
                "holding the signature alone can be enrolled anyway.",
            ).format(name=self.filename)
        if self.person:
            return translate(
                "errors",
                "“{name}” does not look like {person}'s enrolled references (distance "
                "{distance:.4f}, far more than the reject threshold {reject:.4f}): it may be "
                "another person's signature.",
            ).format(
                name=self.filename,
                person=self.person,
                distance=self.median_distance,
                reject=self.reject_threshold,
            )
        return translate(
            "errors",
            "“{name}” does not look like the other references (distance {distance:.4f}, more "
            "than the reject threshold {reject:.4f}): it may be another person's signature or "
            "a bad scan.",
        ).format(name=self.filename, distance=self.median_distance, reject=self.reject_threshold)


def odd_references_message(odd: list[OddReference]) -> str:
    """What is said of the references ``odd`` before enrolling them: each one's message,
    but several of one kind (images of other people's references, photos of a whole sheet,
    or unlike the enrolled ones) in one sentence (five of another writer's read the same
    sentence five times: seen)."""
    twins = [o for o in odd if o.enrolled_for]
    sheets = [o for o in odd if o.sheet_photo]
    unlike = [o for o in odd if o.person and not o.sheet_photo]
    parts = []
    if len(twins) > 1:
        people = translate("errors", ", ").join(dict.fromkeys(o.enrolled_for for o in twins))
        parts.append(
            translate(
                "errors",
                "{names} are the same images as references of {people}: one signature "
                "cannot be two people's. Check that this is the right person.",
            ).format(names=_file_list(twins), people=people)
        )
    else:
        parts += [o.message for o in twins]
    if len(sheets) > 1:
        parts.append(
            translate(
                "errors",
                "{names} are pictures of the whole paper the signatures are on: enrolled as "
                "they are, print, lines or other writing on them would be part of the "
                "references. Pick the signatures out of them first (Crop from page… on the "
                "People page); slips holding the signature alone can be enrolled anyway.",
            ).format(names=_file_list(sheets))
        )
    else:
        parts += [o.message for o in sheets]
    if len(unlike) > 1:
        parts.append(
            translate(
                "errors",
                "{names} do not look like {person}'s enrolled references (distances "
                "{low:.4f} to {high:.4f}, far more than the reject threshold {reject:.4f}): "
                "they may be another person's signatures.",
            ).format(
                names=_file_list(unlike),
                person=unlike[0].person,
                low=min(o.median_distance for o in unlike),
                high=max(o.median_distance for o in unlike),
                reject=unlike[0].reject_threshold,
            )
        )
    else:
        parts += [o.message for o in unlike]
    parts += [o.message for o in odd if o.stands_out]
    return join_sentences(*parts)  # (no blank after a Chinese full stop)


def _file_list(odd: list[OddReference]) -> str:
    return translate("errors", ", ").join(f"“{o.filename}”" for o in odd)


class InconsistentReferencesError(SigverifyError):
    """A new reference is far from the person's other references (probably a wrong image)."""

    def __init__(self, message: str, outliers: list[OddReference]):
        super().__init__(message)
        self.outliers = outliers
