"""A :class:`SignatureBank`: the preprocessed images of a set of writers, in memory,
for training and evaluation; :class:`WriterBank`: what samplers and the evaluation protocol
need of a bank, which pen recordings (:class:`~sigverify.core.data.pen_bank.PenBank`) give too."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import numpy as np

from sigverify.core.data.datasets import ERROR, DatasetProblem, Writer, prepared_signature
from sigverify.core.data.preprocess_cache import PreprocessCache
from sigverify.core.errors import CancelledError, SigverifyError
from sigverify.core.i18n import translate
from sigverify.core.imaging.preprocessing import PreprocessConfig


class WriterBank(Protocol):
    """Signatures of several writers: ``writer`` (N,) indexes ``writer_ids``, ``genuine``
    (N,) says which are genuine, ``inputs`` is what an encoder embeds, one per signature."""

    writer: np.ndarray
    genuine: np.ndarray
    writer_ids: list[str]

    def __len__(self) -> int: ...

    @property
    def inputs(self) -> np.ndarray: ...

    def genuine_of(self, writer: int) -> np.ndarray: ...

    def forged_of(self, writer: int) -> np.ndarray: ...


@dataclass
class SignatureBank:
    """``images``: uint8 ``(N, H, W)``, preprocessed (ink bright, background 0).
    ``writer``: int ``(N,)`` index into ``writer_ids``. ``genuine``: bool ``(N,)``."""

    images: np.ndarray
    writer: np.ndarray
    genuine: np.ndarray
    writer_ids: list[str]
    problems: list[DatasetProblem] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.images)

    @property
    def inputs(self) -> np.ndarray:
        """What an encoder embeds (:func:`~sigverify.core.encoders.embedding.embed_inputs`)."""
        return self.images

    def genuine_of(self, writer: int) -> np.ndarray:
        return np.flatnonzero((self.writer == writer) & self.genuine)

    def forged_of(self, writer: int) -> np.ndarray:
        return np.flatnonzero((self.writer == writer) & ~self.genuine)

    @classmethod
    def from_writers(
        cls,
        writers: Sequence[Writer],
        config: PreprocessConfig,
        on_progress: Callable[[int, int], bool | None] | None = None,
        prepare: Callable[[Path], np.ndarray] | None = None,
    ) -> SignatureBank:
        """Load and preprocess every image of ``writers``. Images that cannot be used are
        skipped and listed in ``problems``. ``on_progress(done, total)`` returning False
        cancels (raises :class:`~sigverify.core.errors.SigverifyError`). ``prepare(path)``
        replaces reading + preprocessing (benchmark controls alter images this way);
        without it, images preprocessed before come from the on-disk cache."""
        if prepare is None:
            cache = PreprocessCache(config)

            def prepare(path: Path) -> np.ndarray:
                return cache.cached(path, lambda p: prepared_signature(p, config))

        images, writer_index, genuine, problems = read_signatures(writers, prepare, on_progress)
        shape = (0, config.height, config.width)
        return cls(
            images=np.stack(images) if images else np.zeros(shape, np.uint8),
            writer=np.asarray(writer_index, dtype=np.int64),
            genuine=np.asarray(genuine, dtype=bool),
            writer_ids=[w.id for w in writers],
            problems=problems,
        )


def read_signatures(
    writers: Sequence[Writer],
    read: Callable[[Path], object],
    on_progress: Callable[[int, int], bool | None] | None = None,
) -> tuple[list, list[int], list[bool], list[DatasetProblem]]:
    """``read(path)`` of every genuine, then every forged, signature of ``writers``: the
    results, each one's writer index and whether it is genuine, and the files that could
    not be used (listed, not raised). ``on_progress(done, total)`` returning False cancels
    (raises :class:`~sigverify.core.errors.SigverifyError`)."""
    jobs = [(i, path, True) for i, w in enumerate(writers) for path in w.genuine]
    jobs += [(i, path, False) for i, w in enumerate(writers) for path in w.forged]
    items, writer_index, genuine, problems = [], [], [], []
    for done, (index, path, is_genuine) in enumerate(jobs, start=1):
        try:
            items.append(read(path))
            writer_index.append(index)
            genuine.append(is_genuine)
        except SigverifyError as error:
            problems.append(DatasetProblem(ERROR, str(error), path))
        if on_progress is not None and on_progress(done, len(jobs)) is False:
            raise CancelledError(translate("errors", "Cancelled while reading the signatures."))
    return items, writer_index, genuine, problems


def read_bank(
    writers: Sequence[Writer],
    input_kind: str,
    preprocess: dict,
    on_progress: Callable[[int, int], bool | None] | None = None,
) -> WriterBank:
    """The writers' signatures as a model reads them: for ``input_kind`` "image",
    preprocessed images (``preprocess``: a :class:`PreprocessConfig` as a dict); for "pen",
    their pen recordings as sequences (``preprocess["pen_length"]`` samples each), as a
    model card records them."""
    if input_kind == "pen":
        from sigverify.core.data.pen_bank import PenBank

        return PenBank.from_writers(writers, preprocess["pen_length"], on_progress)
    return SignatureBank.from_writers(writers, PreprocessConfig.from_dict(preprocess), on_progress)
