"""Which references do not belong with a person's others, for
:class:`~sigverify.core.verification.VerificationService`: one that stands out from the
rest, new ones far from those enrolled (another writer's, added as many as the person's
own), a photo of a whole sheet, and an image enrolled for another person already. Asked at
enrolment before anything is saved, and of the stored references for the People page's
marks."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from sigverify.core.errors import NotFoundError
from sigverify.core.odd_references import OddReference
from sigverify.core.scoring import outlying_references, pairwise_distances, unlike_enrolled
from sigverify.core.store.records import person_named, sha256_hex
from sigverify.core.stroke_match import InkMap, mismatches_among


def enrolled_elsewhere(
    store, signatures: Sequence, person_id: str | None = None
) -> list[OddReference]:
    """The ``signatures`` whose image is already a reference of someone else than
    ``person_id`` (of anyone, when None), indexed among ``signatures`` and naming whose it
    is ("Ana (C-1)"; by the id if deleted meanwhile), by the store's index on the image's
    digest. The same image twice for one person the store refuses itself."""
    digests = [sha256_hex(s.data) for s in signatures]
    held = {}
    for reference in store.references_with_images(list(dict.fromkeys(digests))):
        if reference.person_id != person_id:
            held.setdefault(reference.image_sha256, reference)
    named = {}
    for reference in held.values():
        if reference.person_id not in named:
            try:
                name = store.get_person(reference.person_id).name
                named[reference.person_id] = person_named(reference.person_id, name)
            except NotFoundError:
                named[reference.person_id] = reference.person_id
    return [
        OddReference(
            signature.name,
            math.nan,
            math.nan,
            index,
            enrolled_for=named[held[digest].person_id],
            enrolled_as=held[digest].filename,
        )
        for index, (signature, digest) in enumerate(zip(signatures, digests, strict=True))
        if digest in held
    ]


class ReferenceChecks:
    """For :class:`~sigverify.core.verification.VerificationService`: uses its ``model``,
    ``model_id``, ``store``, ``strokes``, ``prepared``, ``model_thresholds()`` and
    ``embed_missing()``."""

    def find_outliers(
        self,
        embeddings: np.ndarray,
        names: Sequence[str],
        pixels: Sequence[np.ndarray] | None = None,
    ) -> list[OddReference]:
        """References that stand out from the others (:func:`outlying_references`, at the
        model's reject threshold; needs 3 or more). With a stroke check the distances
        include it, as scores do (``pixels``: the references as the model sees them,
        needed then)."""
        if len(embeddings) < 3:
            return []
        reject = self.model_thresholds().reject
        d = self._reference_distances(embeddings, pixels)
        return [OddReference(names[i], m, reject, i) for i, m in outlying_references(d, reject)]

    def _reference_distances(self, embeddings: np.ndarray, pixels) -> np.ndarray:
        """References' distances to each other ``(R, R)``, with the stroke check's term
        when the model has one."""
        d = pairwise_distances(embeddings, embeddings, self.model.card.distance)
        if self.strokes is not None:
            d = d + self.strokes.among_term(mismatches_among([InkMap.of(p) for p in pixels]))
        return d

    def _unlike_enrolled(
        self, person: str, embeddings: np.ndarray, names: Sequence[str], pixels, enrolled: int
    ) -> list[OddReference]:
        """The new references (those after the first ``enrolled``) far from the enrolled
        ones of ``person`` (as sentences name them, "Ana (C-1)"; :func:`unlike_enrolled`)."""
        if enrolled < 2 or len(embeddings) == enrolled:
            return []
        reject = self.model_thresholds().reject
        d = self._reference_distances(embeddings, pixels)[enrolled:, :enrolled]
        return [
            OddReference(names[enrolled + i], m, reject, enrolled + i, person)
            for i, m in unlike_enrolled(d, reject)
        ]

    def odd_references(self, person_id: str) -> dict[int, OddReference]:
        """The person's stored references that stand out from the others, by reference id."""
        self.embed_missing(person_id=person_id)
        ids, embeddings = self.store.embeddings(person_id, self.model_id)
        if embeddings is None:
            return {}
        names = {r.id: r.filename for r in self.store.references(person_id)}
        pixels = None if self.strokes is None else [self.prepared.get(i) for i in ids]
        odd = self.find_outliers(embeddings, [names[i] for i in ids], pixels)
        return {ids[o.index]: o for o in odd}

    def odd_new_references(
        self,
        person: str,
        embeddings: np.ndarray,
        names: Sequence[str],
        pixels,
        enrolled: int,
        found: list[OddReference],
    ) -> list[OddReference]:
        """The new references to ask about before enrolling them for ``person`` (as
        sentences name them, "Ana (C-1)"). ``embeddings``,
        ``names`` and ``pixels``: the person's first ``enrolled`` references, then the new
        ones; ``found``: new ones found before their distances (an image enrolled for
        another person, a photo of a whole sheet; indexed among the new ones). Those first
        (one each), then the new ones far from the enrolled (another writer's, as many as
        theirs), then any other new one that stands out from the rest."""
        odd, named = [], set()  # (named by place: two files may share a name)
        for known in found:
            index = enrolled + known.index  # (counted as the others are: after the enrolled)
            if index not in named:
                odd.append(replace(known, index=index))
                named.add(index)
        odd += [
            o
            for o in self._unlike_enrolled(person, embeddings, names, pixels, enrolled)
            if o.index not in named
        ]
        named |= {o.index for o in odd}
        return odd + [
            o
            for o in self.find_outliers(embeddings, names, pixels)
            if o.index >= enrolled and o.index not in named
        ]
