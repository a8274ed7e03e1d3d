"""Enrolment and verification over a :class:`~sigverify.core.store.Store` and a model.

Scoring (one definition, shared with evaluation): a query's *score* is the mean of its
distances to the ceil(n/2) nearest of the person's n references, scaled by how much the
person's references vary compared with the model's typical signer
(:func:`sigverify.core.scoring.score_queries`). The decision has three bands:

- score at most the *accept* threshold: **accept**;
- score above the *reject* threshold: **reject**;
- in between: **review** (a person should look).

Thresholds come from the model card (chosen on validation writers) unless the person
has their own. The *similarity* shown to users is the card's calibration of the score:
an estimate, in 0..1, that a signature with this score is genuine (for a person with
their own thresholds, of the score moved onto everyone's band, so that it agrees with the
answer).

When the model's card has a stroke check (:mod:`sigverify.core.stroke_match`), the score
also counts how far the query's strokes lie from the nearest references', and the card's
thresholds and calibration are those of that score.

Embeddings are stored per model id; verification only ever compares embeddings of the
same model. Activating another model re-embeds the stored original images.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np

from sigverify.core.errors import NoInkError, NotFoundError, SigverifyError
from sigverify.core.explain import Explanation, explain
from sigverify.core.i18n import join_sentences, translate
from sigverify.core.imaging.imageio import decode_image, encode_png
from sigverify.core.imaging.preprocessing import preprocess_signature
from sigverify.core.odd_references import (
    InconsistentReferencesError,
    OddReference,
    odd_references_message,
)
from sigverify.core.operators import operator_name
from sigverify.core.pen_verification import (
    PenScorer,
    judge_pad_query,
    pad_references,
)
from sigverify.core.prepared_references import KEPT as PREPARED_KEPT
from sigverify.core.prepared_references import PreparedReferences
from sigverify.core.reference_checks import ReferenceChecks, enrolled_elsewhere
from sigverify.core.scoring import (
    is_scaled,
    pairwise_distances,
    score_queries,
    spread_factor,
)
from sigverify.core.sent_to_review import copy_of_reference, sheet_photo_note, sheet_photo_to_review
from sigverify.core.service_thresholds import ServiceThresholds
from sigverify.core.store import Store
from sigverify.core.store.records import (
    NewReference,
    model_name_in,
    now,
    person_named,
)
from sigverify.core.stroke_match import InkMap, applies, stroke_check
from sigverify.core.thresholds import own_thresholds_note
from sigverify.core.thresholds_since import thresholds_changed
from sigverify.core.verification_results import (
    EnrollmentResult,
    PersonReferences,
    ReferenceDistance,
    SignatureInput,
    VerificationResult,
    decision_reason,
    too_few_references_advice,
)

if TYPE_CHECKING:  # the model brings torch; importing this module must not (app start-up)
    from sigverify.core.model.io import LoadedModel


def model_id_of(model: LoadedModel) -> str:
    return model.card.model_id


class VerificationService(ReferenceChecks, ServiceThresholds):
    """``pen``: a :class:`~sigverify.core.pen_verification.PenScorer` (the pen model) for
    queries drawn on a pad; without one they are judged on their picture alone."""

    def __init__(
        self,
        store: Store,
        model: LoadedModel,
        operator: str | None = None,
        pen: PenScorer | None = None,
    ):
        self.store = store
        self.model = model
        self.model_id = model_id_of(model)
        self.pen = pen
        self._explicit_operator = operator
        self.strokes = stroke_check(model.card)
        #: Stored references as this model sees them (kept for the stroke check).
        self.prepared = PreparedReferences(
            store, self.prepare, 0 if self.strokes is None else PREPARED_KEPT
        )

    # ------------------------------------------------------------ helpers

    @property
    def operator(self) -> str:
        """Who is recorded now: the explicit operator, else the store's setting (which the
        app can change while this service lives), else the OS user."""
        return operator_name(self.store, self._explicit_operator)

    def prepare(
        self, signature: SignatureInput, look_for_sheet: bool = False
    ) -> tuple[np.ndarray, list[str]]:
        """A signature's image as the model sees it, and the reader's warnings.
        ``look_for_sheet``: warn when the image is a photo of a whole sheet (checked from a
        list, with nobody asked to pick the signature out first, as the Verify page asks)."""
        loaded = decode_image(signature.data, source=signature.name)
        try:
            pixels = preprocess_signature(loaded.pixels, self.model.preprocess)
        except NoInkError as error:  # say which file, when several are enrolled at once
            raise NoInkError(
                translate("errors", "“{name}”: {error}").format(name=signature.name, error=error)
            ) from error
        warnings = list(loaded.warnings)
        if look_for_sheet and not signature.cut_from_page and signature.trajectory is None:
            from sigverify.core.imaging.whole_page import looks_like_page

            if looks_like_page(loaded.pixels):  # (photographed, or a scanned form)
                warnings.append(sheet_photo_note())
        return pixels, warnings

    def embed(self, images: list[np.ndarray]) -> np.ndarray:
        """Embeddings ``(N, D)`` of prepared images, in one batch."""
        return self.model.embed(np.stack(images))

    # ------------------------------------------------------------ enrolment

    def enroll(
        self,
        person_id: str,
        signatures: Sequence[SignatureInput],
        name: str | None = None,
        note: str | None = None,
        accept_outliers: bool = False,
    ) -> EnrollmentResult:
        """Add references to a person (created if new), after a consistency check: a new
        reference far from the others raises :class:`InconsistentReferencesError` (nothing
        saved) unless ``accept_outliers``."""
        person_id = person_id.strip()
        if not person_id:
            raise SigverifyError(
                translate(
                    "errors", "A person needs an id (for example a customer or patient number)."
                )
            )
        if not signatures:
            raise SigverifyError(
                translate("errors", "Choose at least one reference signature to enrol.")
            )
        enrolled = self.store.enrolled_id(person_id)
        if enrolled is not None and enrolled != person_id:  # not a second person by case
            raise SigverifyError(
                translate(
                    "errors",
                    "“{typed}” is already enrolled as “{enrolled}” (the same id in other "
                    "capitals): use “{enrolled}”.",
                ).format(typed=person_id, enrolled=enrolled)
            )
        images, warnings, sheets = [], [], []
        for index, signature in enumerate(signatures):
            # a photo of a whole sheet is named like a reference that stands out (enrolled
            # as it is, without a word: seen in a real window)
            pixels, notes = self.prepare(signature, look_for_sheet=True)
            if sheet_photo_note() in notes:
                notes.remove(sheet_photo_note())
                sheets.append(OddReference(signature.name, math.nan, math.nan, index, "", True))
            images.append(pixels)
            warnings += notes
        embeddings = self.embed(images)
        try:
            existing_ids, existing = self.store.embeddings(person_id, self.model_id)
            known = {r.id: r.filename for r in self.store.references(person_id)}
        except NotFoundError:
            existing_ids, existing, known = [], None, {}
        all_embeddings = embeddings if existing is None else np.vstack([existing, embeddings])
        names = [known[i] for i in existing_ids] + [s.name for s in signatures]
        pixels = None
        if self.strokes is not None:
            pixels = [self.prepared.get(i) for i in existing_ids] + images
        person = person_id if existing is None else self._named(person_id)
        found = enrolled_elsewhere(self.store, signatures, person_id) + sheets
        odd = self.odd_new_references(
            person, all_embeddings, names, pixels, len(existing_ids), found
        )
        if odd and not accept_outliers:
            raise InconsistentReferencesError(odd_references_message(odd), odd)
        warnings += [o.message for o in odd]
        new = [
            NewReference(s.name, s.data, encode_png(p), e, s.trajectory)
            for s, p, e in zip(signatures, images, embeddings, strict=True)
        ]
        flagged = [o.to_record() for o in odd]  # (odd only when enrolled anyway)
        ids = self.store.add_references(
            person_id, name, note, self.model_id, new, self.operator, flagged
        )
        for reference_id, pixels in zip(ids, images, strict=True):
            self.prepared.keep(reference_id, pixels)
        if self.pen is not None and any(s.trajectory is not None for s in signatures):
            pad_references(self.store, self.pen, person_id)  # the pen model's, stored now
        total = len(self.store.references(person_id))
        advice = too_few_references_advice(person_id, total, self.model.card)
        if advice:
            warnings.append(advice)
        return EnrollmentResult(person_id, ids, total, warnings, odd)

    def _named(self, person_id: str) -> str:
        """An enrolled person as sentences name them: "Ana López (C-1)"."""
        return person_named(person_id, self.store.get_person(person_id).name)

    # ------------------------------------------------------------ verification

    def references_for_scoring(self, person_id: str) -> PersonReferences:
        """What a query of ``person_id`` is scored against (refused when they have no
        references yet)."""
        person = self.store.get_person(person_id)
        if person.reference_count == 0:
            raise SigverifyError(
                translate(
                    "errors", "{person_id} has no reference signatures yet: enrol some first."
                ).format(person_id=person_id)
            )
        self.embed_missing(person_id=person_id)  # e.g. references added under another model
        ids, embeddings = self.store.embeddings(person_id, self.model_id)
        filenames = {r.id: r.filename for r in self.store.references(person_id)}
        return PersonReferences(
            person_id,
            ids,
            [filenames[i] for i in ids],
            embeddings,
            pairwise_distances(embeddings, embeddings, self.model.card.distance),
            self.thresholds_for(person),
            *((None, None) if self.strokes is None else self.prepared.ink(ids)),
        )

    def verify(
        self,
        person_id: str,
        signature: SignatureInput,
        record: bool = True,
        comment: str = "",
        look_for_sheet: bool = False,
    ) -> VerificationResult:
        """``look_for_sheet``: a photo of the paper is said so and not decided unseen, as
        a list checks it (:meth:`prepare`); the Verify page asks about it first instead."""
        references = self.references_for_scoring(person_id)
        pixels, warnings = self.prepare(signature, look_for_sheet)
        query = self.embed([pixels])[0]
        result = self.decide(references, query, signature.name, warnings, pixels)
        result = replace(result, folder=signature.folder, cut_from_page=signature.cut_from_page)
        if signature.trajectory is not None:
            result = judge_pad_query(
                result, signature.trajectory, self.store, self.pen, self.model.card,
                self.model_id,
            )  # fmt: skip
            result = copy_of_reference(result)  # the pen's decision may have accepted it
        if record:  # (recorded as it is decided: its thresholds are those in force)
            self.record_verifications([result], comment)
        return result

    def decide(
        self,
        references: PersonReferences,
        query: np.ndarray,
        filename: str,
        warnings: list[str],
        pixels: np.ndarray | None = None,
    ) -> VerificationResult:
        """The decision on one query's embedding ``query (D,)`` against ``references``."""
        card = self.model.card
        distances = pairwise_distances(query[None, :], references.embeddings, card.distance)[0]
        among = references.among
        score = float(score_queries(distances[None, :], among, card.reference_spread)[0])
        count = len(references.ids)
        apart, strokes_px, own_px, per_px = np.zeros(count), None, 0.0, 0.0
        if self.strokes is not None and applies(count):
            if pixels is None or references.ink_maps is None:
                raise ValueError("a model with a stroke check needs the query's pixels")
            apart, strokes_px, own_px = self.strokes.judge(
                InkMap.of(pixels), references.ink_maps, references.stroke_among
            )
            per_px = self.strokes.per_px
            score += per_px * (strokes_px - own_px)
        per_reference = [
            ReferenceDistance(i, name, float(d), float(a))
            for i, name, d, a in zip(
                references.ids, references.filenames, distances, apart, strict=True
            )
        ]
        scale = spread_factor(among, card.reference_spread)
        # the nearest on the score's scale (own_px shifts every reference alike)
        nearest = min(per_reference, key=lambda r: r.distance * scale + per_px * r.strokes_px)
        thresholds = references.thresholds
        decision = thresholds.decision(score)
        scaled = is_scaled(count, card.reference_spread)
        strokes = None
        if strokes_px is not None:
            strokes = (strokes_px, own_px, per_px * (strokes_px - own_px))
        reason = decision_reason(decision, score, thresholds, count, nearest, scaled, strokes)
        if thresholds.source == "person":
            everyone = self.model_thresholds().decision(score)
            reason = join_sentences(reason, own_thresholds_note(decision, everyone))
        result = VerificationResult(
            references.person_id,
            decision,
            score,
            self.similarity(score, thresholds),
            thresholds,
            per_reference,
            nearest,
            reason,
            self.model_id,
            filename,
            warnings,
            query_pixels=pixels,
            scale=scale,
            strokes_px=strokes_px,
            own_strokes_px=own_px,
            per_px=per_px,
            checked_at=now(),
        )
        return copy_of_reference(sheet_photo_to_review(result))

    def explain(self, result: VerificationResult, reference_id: int | None = None) -> Explanation:
        """Where ``result``'s signature departs from one of its references (the nearest
        unless ``reference_id`` says which): the heat map of :mod:`sigverify.core.explain`
        (about 0.1-0.3 s: the query is embedded again with each part blanked)."""
        if result.query_pixels is None:
            raise SigverifyError(
                translate("errors", "This result has no signature image to explain.")
            )
        if result.model_id != self.model_id:  # its embeddings were another model's
            raise SigverifyError(
                translate(
                    "errors",
                    "this result was made with {model}, which is no longer the active model. "
                    "Check the signature again to see where it differs.",
                ).format(model=model_name_in(result.model_id))
            )
        chosen = next(
            (r for r in result.per_reference if r.reference_id == reference_id), result.nearest
        )
        references = self.references_for_scoring(result.person_id)
        return explain(
            self.model.embed,
            result.query_pixels,
            # as this model sees it: the copy stored at enrolment may be another model's, of
            # another size (seen in a real window: "sizes differ" after a model switch)
            self.reference_pixels(chosen.reference_id),
            references.embeddings,
            self.model.card.distance,
            chosen.filename,
        )

    def reference_pixels(self, reference_id: int) -> np.ndarray:
        """Stored reference ``reference_id`` as this model sees it, prepared from its
        original image."""
        return self.prepared.get(reference_id)

    def record_verification(self, result: VerificationResult, comment: str = "") -> tuple[int, str]:
        """Write a verification shown to a clerk, and their comment, to the audit log; the
        row's ``(id, hash)``. One decided on thresholds changed since (the clerk was told,
        and recorded it as made) says so."""
        details = result.audit_details(comment)
        pen_card = self.pen.card if self.pen is not None else None
        if result.model_id == self.model_id and thresholds_changed(
            self.store, result, self.model.card, pen_card
        ):
            details["thresholds_changed_since_check"] = True
        return self.store.record_many([(self.operator, "verify", result.person_id, details)])[0]

    def record_verifications(
        self, results: Sequence[VerificationResult], comment: str = ""
    ) -> list[tuple[int, str]]:
        """Write several verifications to the audit log in one transaction, as they are
        decided (a list's: no thresholds looked up again for each, a Queue check's hot
        path)."""
        operator = self.operator
        return self.store.record_many(
            [(operator, "verify", r.person_id, r.audit_details(comment)) for r in results]
        )

    # ------------------------------------------------------------ model switch

    def embed_missing(
        self,
        on_progress: Callable[[int, int], bool | None] | None = None,
        batch: int = 32,
        person_id: str | None = None,
    ) -> int:
        """Embed, with this service's model, every stored reference (of ``person_id``, or
        all) that has no embedding for it yet, from the stored original image. Returns how
        many were embedded. ``on_progress`` returning False stops early; what was done is kept."""
        missing = self.store.references_missing_embedding(self.model_id, person_id)
        done = 0
        for start in range(0, len(missing), batch):
            chunk = missing[start : start + batch]
            images = [self.prepared.get(reference_id) for reference_id in chunk]
            vectors = self.embed(images)
            self.store.save_embeddings(self.model_id, dict(zip(chunk, vectors, strict=True)))
            done += len(chunk)
            if on_progress is not None and on_progress(done, len(missing)) is False:
                break
        return done
