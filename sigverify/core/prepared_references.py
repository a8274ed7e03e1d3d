"""Stored references as one model sees them: each prepared from its original image (the
preprocessed copy stored at enrolment may be another model's), the last few kept in memory
when a model needs them again at every verification (its stroke check,
:mod:`sigverify.core.stroke_match`)."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable

import numpy as np

from sigverify.core.store import Store
from sigverify.core.stroke_match import InkMap, mismatches_among
from sigverify.core.verification_results import SignatureInput

#: How many prepared references a model with a stroke check keeps (33 KB each at
#: 150 x 220): preparing one again from its original costs about 5 ms.
KEPT = 512


class PreparedReferences:
    """``prepare(signature)`` gives ``(pixels, warnings)`` as the model sees a signature;
    the last ``kept`` references prepared or handed over (:meth:`keep`) are kept."""

    def __init__(
        self,
        store: Store,
        prepare: Callable[[SignatureInput], tuple[np.ndarray, list[str]]],
        kept: int = 0,
    ):
        self.store = store
        self.prepare = prepare
        self.kept = kept
        self._pixels: OrderedDict[int, np.ndarray] = OrderedDict()

    def get(self, reference_id: int) -> np.ndarray:
        """The stored reference ``reference_id`` as the model sees it."""
        pixels = self._pixels.pop(reference_id, None)
        if pixels is None:
            original, _ = self.store.reference_images(reference_id)
            pixels = self.prepare(SignatureInput(str(reference_id), original))[0]
        self.keep(reference_id, pixels)
        return pixels

    def keep(self, reference_id: int, pixels: np.ndarray) -> None:
        """Keep ``pixels`` (prepared elsewhere, e.g. at enrolment) as that reference's."""
        if self.kept <= 0:
            return
        self._pixels[reference_id] = pixels
        while len(self._pixels) > self.kept:
            self._pixels.popitem(last=False)

    def ink(self, ids: list[int]) -> tuple[list[InkMap], np.ndarray]:
        """The references' ink maps and their mismatches with each other (stroke check)."""
        maps = [InkMap.of(self.get(i)) for i in ids]
        return maps, mismatches_among(maps)
