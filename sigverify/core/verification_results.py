"""What goes into the verification service and what comes out of it: a signature to read
(:class:`SignatureInput`), an enrolment's and a verification's results (with, for a query
drawn on a pad, :class:`PenEvidence`), and the advice when a person has too few
references (references that do not belong: :mod:`sigverify.core.odd_references`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from sigverify.core.data.pen_files import is_pen_file, read_pen_file, render_trajectory
from sigverify.core.i18n import join_sentences, percent_text, translate
from sigverify.core.imaging.imageio import decode_image, encode_png, read_image_file
from sigverify.core.odd_references import OddReference
from sigverify.core.scoring import nearest_count
from sigverify.core.thresholds import Thresholds

#: The measures a query drawn on a pad is judged on: how it was written (the pen model,
#: dynamic time warping) and its picture (the image model).
PEN, DTW, IMAGE = "pen", "dtw", "image"
WRITING = (PEN, DTW)  # the measures of how it was written

#: With fewer than 5 references the models measured many more genuine signatures sent to
#: review or rejected (the card's test figures per reference count say how many).
RECOMMENDED_REFERENCES = (5, 10)


def too_few_references_advice(person_id: str, total: int, card) -> str | None:
    """What the model card measured for a person's number of references when it is below
    :data:`RECOMMENDED_REFERENCES`, or None when there are enough."""
    low, high = RECOMMENDED_REFERENCES
    if total >= low:
        return None
    text = translate(
        "advice", "{person} has %n reference(s); {low} to {high} are recommended.", None, total
    ).format(person=person_id, low=low, high=high)
    measured = card.metrics.get("test", {}).get("per_refs", {}) if card is not None else {}
    counts = sorted(int(n) for n in measured)
    fewer = [n for n in counts if n <= total]
    enough = [n for n in counts if n >= low]
    if fewer and enough and measured[str(fewer[-1])].get("frr") is not None:
        now, then = measured[str(fewer[-1])], measured[str(enough[0])]
        text = join_sentences(
            text,
            translate(
                "advice",
                "Measured on the model's test writers at its threshold: with %n reference(s) "
                "{now} of genuine signatures were refused, with {enough} references "
                "{then}.",
                None,
                fewer[-1],
            ).format(
                now=percent_text(now["frr"]), enough=enough[0], then=percent_text(then["frr"])
            ),
        )
    return text


@dataclass(frozen=True)
class PenEvidence:
    """How a pad-drawn query fared: each measure's score and scale, their fusion."""

    scores: dict[str, float]  # PEN, IMAGE and, when used, DTW
    scales: dict[str, float]  # the same keys
    weights: dict[str, float]  # the same keys, summing to 1
    fused: float
    references: int  # pad references the writing was compared with
    decided_by: str  # PEN (how it was written) or IMAGE (the picture)
    pen_model: str = ""  # the pen model's id (name@checksum)
    #: why an acceptance on the fused score went to review: "unfitted" (the pen model was
    #: not fitted with this image model) or "person" (their own thresholds reject the
    #: picture); "" when it did not (the audit log did not say: a real-window pass)
    held_back: str = ""
    #: the checksum of the pen card's fusion it was fused with (a band set for another
    #: fitting does not apply: :func:`~sigverify.core.pen_verification.fusion_checksum`)
    fusion: str = ""

    def ratio(self, member: str) -> float:
        return self.scores[member] / self.scales[member]

    @property
    def writing_weight(self) -> float:
        return sum(self.weights[m] for m in WRITING if m in self.weights)

    @property
    def writing_ratio(self) -> float:
        """How it was written, over its thresholds: its measures' ratios, weighted."""
        members = [m for m in WRITING if m in self.scores]
        if self.writing_weight <= 0:
            return float(np.mean([self.ratio(m) for m in members]))
        return sum(self.weights[m] * self.ratio(m) for m in members) / self.writing_weight

    @property
    def image_ratio(self) -> float:
        return self.ratio(IMAGE)

    def to_dict(self) -> dict:
        return {
            "scores": {m: round(v, 6) for m, v in self.scores.items()},
            "scales": {m: round(v, 6) for m, v in self.scales.items()},
            "weights": {m: round(v, 6) for m, v in self.weights.items()},
            "fused": round(self.fused, 6),
            "pen_references": self.references,
            "decided_by": self.decided_by,
            "pen_model": self.pen_model,
            **({"held_back": self.held_back} if self.held_back else {}),
            **({"fusion": self.fusion} if self.fusion else {}),
        }


#: Ends the name of a signature cut out of a page: "<the page's file name>-crop.png".
CROP_SUFFIX = "-crop.png"


@dataclass(frozen=True)
class SignatureInput:
    """A signature to enrol or verify: its file name and the file's bytes."""

    name: str
    data: bytes
    trajectory: np.ndarray | None = field(default=None, compare=False, repr=False)
    #: cut out of a page (the crop dialog): not a whole page any more, whatever it shows
    cut_from_page: bool = field(default=False, compare=False)
    #: the folder the file was read from ("" for a picture pasted or drawn): the audit log
    #: keeps it, as two customers' "cheque.png" could not be told apart there (seen)
    folder: str = field(default="", compare=False)

    @classmethod
    def from_path(cls, path: str | Path) -> SignatureInput:
        """An image file, or a pen recording (SVC2004 .TXT, SUSIG .sig, SigComp2009 .hwr):
        then its trajectory is kept and the image is the trajectory drawn as ink."""
        path = Path(path)
        if is_pen_file(path):
            trajectory = read_pen_file(path)
            return cls(
                path.name, encode_png(render_trajectory(trajectory)), trajectory,
                folder=str(path.absolute().parent),
            )  # fmt: skip
        data = read_image_file(path)  # clear errors for missing, odd and oversized files
        decode_image(data, source=path.name)  # ... and for files that are not images
        return cls(path.name, data, folder=str(path.absolute().parent))


@dataclass(frozen=True)
class EnrollmentResult:
    person_id: str
    reference_ids: list[int]
    total_references: int
    warnings: list[str] = field(default_factory=list)  # each odd reference's message too
    odd: list[OddReference] = field(default_factory=list)  # enrolled though they stand out


@dataclass(frozen=True)
class ReferenceDistance:
    """A query's distance to one reference (the model's, unscaled) and, when the model has
    a stroke check, how far their strokes lie apart (px, :mod:`sigverify.core.stroke_match`)."""

    reference_id: int
    filename: str
    distance: float
    strokes_px: float = 0.0


@dataclass(frozen=True)
class PersonReferences:
    """What one person's queries are scored against, under one model: the references'
    ids, file names, embeddings ``(R, D)``, their distances to each other ``(R, R)``, and
    the thresholds that apply to the person."""

    person_id: str
    ids: list[int]
    filenames: list[str]
    embeddings: np.ndarray = field(repr=False)
    among: np.ndarray = field(repr=False)
    thresholds: Thresholds
    #: The references as the model sees them, ink and distance maps, when the model has a
    #: stroke check (:class:`sigverify.core.stroke_match.InkMap`); else None.
    ink_maps: list | None = field(default=None, repr=False)
    #: Their strokes' mismatches with each other ``(R, R)``, px, with the stroke check.
    stroke_among: np.ndarray | None = field(default=None, repr=False)


@dataclass(frozen=True)
class VerificationResult:
    person_id: str
    decision: str
    score: float
    similarity: float
    thresholds: Thresholds
    per_reference: list[ReferenceDistance]
    nearest: ReferenceDistance
    reason: str
    model_id: str
    filename: str = ""
    warnings: list[str] = field(default_factory=list)
    query_pixels: np.ndarray | None = field(default=None, repr=False, compare=False)
    #: The person's spread factor: ``score`` is the nearest references' mean distance times
    #: this, so ``distance * scale`` puts one reference on the thresholds' scale.
    scale: float = 1.0
    #: A query drawn on a pad and scored by the pen model too: both scores and their fusion,
    #: which then made ``decision`` (``score`` and ``thresholds`` stay the picture's), on
    #: the band ``fused_thresholds``.
    pen: PenEvidence | None = None
    fused_thresholds: Thresholds | None = None
    #: With a stroke check: the query's stroke score (px: the mean over the nearest half of
    #: the references of how far its strokes lie from theirs), the references' own spread
    #: (px, how far theirs lie from each other) and what a pixel of the difference adds to
    #: ``score``: the scaled distance plus ``per_px * (strokes_px - own_strokes_px)``.
    strokes_px: float | None = None
    own_strokes_px: float = 0.0
    per_px: float = 0.0
    #: The file name of the person's reference this query is the same image as (see
    #: :func:`copy_of_reference`), else None.
    same_image_as: str | None = None
    #: When the check ran (UTC, as the store writes times); "" for a result made without it.
    checked_at: str = ""
    #: The folder the checked file was read from, or a cut's page was ("" when pasted or
    #: drawn).
    folder: str = ""
    #: Cut out of a page (its file is not on disk: the log names the page); or a picture of
    #: the whole paper checked as it is (the log said neither: real-window passes).
    cut_from_page: bool = False
    whole_paper: bool = False

    @property
    def strokes_added(self) -> float:
        """What the stroke check added to ``score`` (0 without one; negative: taken off)."""
        return 0.0 if self.strokes_px is None else self.per_px * self.stroke_excess

    @property
    def stroke_excess(self) -> float:
        return (self.strokes_px or 0.0) - self.own_strokes_px

    def on_score_scale(self, reference: ReferenceDistance) -> float:
        """A reference's distance on the same scale as ``score`` and the thresholds (with
        a stroke check, plus what their strokes' mismatch adds)."""
        if self.strokes_px is None:
            return reference.distance * self.scale
        added = self.per_px * (reference.strokes_px - self.own_strokes_px)
        return reference.distance * self.scale + added

    def to_dict(self) -> dict:
        return {
            "person": self.person_id,
            "decision": self.decision,
            "score": round(self.similarity, 4),
            "distance": round(self.score, 6),
            "thresholds": {
                "accept": self.thresholds.accept,
                "reject": self.thresholds.reject,
                "source": self.thresholds.source,
            },
            "per_reference": [
                {
                    "reference": r.reference_id,
                    "file": r.filename,
                    "distance": round(r.distance, 6),  # raw, as the model measures it
                    # on the scale of "distance" above and of the thresholds
                    "scaled_distance": round(self.on_score_scale(r), 6),
                    **({} if self.strokes_px is None else {"strokes_px": round(r.strokes_px, 4)}),
                }
                for r in self.per_reference
            ],
            "nearest_reference": {
                "reference": self.nearest.reference_id,
                "file": self.nearest.filename,
            },
            "reason": self.reason,
            "model": self.model_id,
            **self.strokes_dict(),
            "warnings": self.warnings,
            **({} if self.pen is None else {"pen": self.pen_dict()}),
        }

    def audit_details(self, comment: str = "") -> dict:
        """What the audit log keeps of this verification, with the operator's comment."""
        return {
            "decision": self.decision,
            "distance": round(self.score, 6),
            "score": round(self.similarity, 4),
            "file": self.filename,
            "model": self.model_id,
            "thresholds": [self.thresholds.accept, self.thresholds.reject],
            # whose they were: "person" (their own), "global" (set for everyone) or "model"
            "thresholds_source": self.thresholds.source,
            "comment": comment,
            **self.strokes_dict(),
            **({} if self.pen is None else {"pen": self.pen_dict()}),
            **({} if self.same_image_as is None else {"same_image_as": self.same_image_as}),
            **({"folder": self.folder} if self.folder else {}),
            **({"whole_paper": True} if self.whole_paper else {}),
            **({"cut_from_page": True} if self.cut_from_page else {}),
        }

    def strokes_dict(self) -> dict:
        """The stroke check's figures, for reports and the audit log ({} without one)."""
        if self.strokes_px is None:
            return {}
        return {
            "strokes": {
                "px": round(self.strokes_px, 4),
                "own_px": round(self.own_strokes_px, 4),
                "added": round(self.strokes_added, 6),
            }
        }

    def pen_dict(self) -> dict:
        """The pen evidence and the band the fused score was decided on."""
        band = self.fused_thresholds
        return {
            **self.pen.to_dict(),
            "fused_thresholds": {"accept": band.accept, "reject": band.reject,
                                 "source": band.source},
        }  # fmt: skip


def decision_label(decision: str) -> str:
    """The decision as printed: on the command line and in reports."""
    return {
        "accept": translate("report", "ACCEPT"),
        "review": translate("report", "NEEDS REVIEW"),
        "reject": translate("report", "REJECT"),
    }[decision]


def decision_reason(
    decision: str,
    score: float,
    t: Thresholds,
    count: int,
    nearest: ReferenceDistance,
    scaled: bool = False,
    strokes: tuple[float, float, float] | None = None,
) -> str:
    """The reason a verification gives, in words: what the score is, and where it falls
    between the thresholds (whose they are). ``strokes``: with a stroke check, the query's
    stroke score and the references' own spread (px), and what that adds to the score."""
    k = nearest_count(count)
    if count == 1:
        basis = translate("reason", "Its distance to the reference is {score:.4f}")
    elif k == 1 and not scaled:
        basis = translate(
            "reason", "Its distance to the closest of {count} references is {score:.4f}"
        )
    elif k == 1:
        basis = translate(
            "reason",
            "Its distance to the closest of {count} references, allowing for how much they "
            "vary, is {score:.4f}",
        )
    elif not scaled:
        basis = translate(
            "reason", "Its distance to the {k} closest of {count} references is {score:.4f}"
        )
    else:
        basis = translate(
            "reason",
            "Its distance to the {k} closest of {count} references, allowing for how much "
            "they vary, is {score:.4f}",
        )
    distance = score if strokes is None else score - strokes[2]
    basis = basis.format(score=distance, count=count, k=k)
    if strokes is not None:
        px, own, added = strokes
        basis += (
            translate(
                "reason",
                "; its strokes lie {px:.1f} px from theirs on average (theirs {own:.1f} px "
                "from each other), which adds {added:.4f}: score {score:.4f}",
            )
            if added >= 0
            else translate(
                "reason",
                "; its strokes lie {px:.1f} px from theirs on average (theirs {own:.1f} px "
                "from each other), which takes {added:.4f} off: score {score:.4f}",
            )
        ).format(px=px, own=own, added=abs(added), score=score)

    whose = {
        "person": translate("reason", "this person's"),
        "global": translate("reason", "the global"),
    }.get(t.source) or translate("reason", "the model's")
    if decision == "accept":
        verdict = translate("reason", "within {whose} accept threshold {accept:.4f}")
    elif decision == "reject":
        verdict = translate(
            "reason",
            "beyond {whose} reject threshold {reject:.4f}: it does not match the references",
        )
    else:
        verdict = translate(
            "reason",
            "between {whose} accept ({accept:.4f}) and reject ({reject:.4f}) thresholds: "
            "compare it with the references",
        )
    verdict = verdict.format(whose=whose, accept=t.accept, reject=t.reject)
    return translate("reason", "{basis}, {verdict}. Closest reference: {name}.").format(
        basis=basis, verdict=verdict, name=nearest.filename
    )
