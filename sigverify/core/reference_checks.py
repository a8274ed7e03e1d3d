"""Which references do not belong with a person's others, for
:class:`~sigverify.core.verification.VerificationService`: one that stands out from the
rest, new ones far from those enrolled (another writer's, added as many as the person's
own), and a photo of a whole sheet. Asked at enrolment before anything is saved, and of
the stored references for the People page's marks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from sigverify.core.odd_references import OddReference
from sigverify.core.scoring import outlying_references, pairwise_distances, unlike_enrolled
from sigverify.core.stroke_match import InkMap, mismatches_among


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
        sheets: list[OddReference],
    ) -> list[OddReference]:
        """The new references to ask about before enrolling them for ``person`` (as
        sentences name them, "Ana (C-1)"). ``embeddings``,
        ``names`` and ``pixels``: the person's first ``enrolled`` references, then the new
        ones; ``sheets``: the new ones that are photos of a whole sheet. Those first, then
        the new ones far from the enrolled (another writer's, as many as theirs), then any
        other new one that stands out from the rest."""
        # (counted as the others are: after the enrolled ones)
        sheets = [replace(s, index=enrolled + s.index) for s in sheets]
        named = {s.index for s in sheets}  # (by place: two files may share a name)
        odd = sheets + [
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
