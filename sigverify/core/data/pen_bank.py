"""Pen recordings as a network reads them, and a :class:`PenBank` of them for training
and evaluation (the pen counterpart of :class:`~sigverify.core.data.bank.SignatureBank`,
with the same writer index, so the same samplers and evaluation protocol apply).

- :func:`pen_sequence`: a trajectory ``(N, 4)`` -> float32 ``(L, F)``: the per-sample
  features of :func:`sigverify.core.pen_matching.pen_features`, the writing speed (log of
  signature heights per second: a forger copying slowly is told by it) and the progress
  through the signature (0 -> 1), resampled to a common length :data:`SEQUENCE_LENGTH`
  along the samples (so along time at the pad's fixed rate).
- :func:`augment_trajectory`: the variations a writer's own signatures show: a slightly
  different size, slant, rotation, speed and pressure, and uneven timing within the
  signature. Used in training only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from sigverify.core.data.bank import read_signatures
from sigverify.core.data.datasets import DatasetProblem, Writer
from sigverify.core.data.pen_files import read_pen_file
from sigverify.core.pen_matching import FEATURES, pen_features

SEQUENCE_LENGTH = 256
SEQUENCE_FEATURES = (*FEATURES, "log_speed", "progress")
#: Samples kept before the features are taken (finer than the sequence, coarser than a
#: 200 Hz pad's longest signatures).
WORKING_SAMPLES = 1024


def pen_sequence(trajectory: np.ndarray, length: int = SEQUENCE_LENGTH) -> np.ndarray:
    """float32 ``(length, len(SEQUENCE_FEATURES))`` of a trajectory ``(N, 4)``."""
    points = np.asarray(trajectory, dtype=np.float64)
    features = pen_features(points, max_samples=WORKING_SAMPLES).astype(np.float64)
    if len(points) > WORKING_SAMPLES:
        keep = np.linspace(0, len(points) - 1, WORKING_SAMPLES).round().astype(int)
        points = points[keep]
    height = max(float(np.ptp(points[:, 1])), 1e-6)
    step = np.hypot(*np.gradient(points[:, :2], axis=0).T) / height
    dt = np.gradient(points[:, 3])
    positive = dt[dt > 0]
    dt = np.where(dt > 0, dt, np.median(positive) if len(positive) else 0.01)
    log_speed = np.log1p(np.clip(step / dt, 0, 1e3))
    progress = np.linspace(0.0, 1.0, len(points))
    columns = np.column_stack([features, log_speed, progress])
    at = np.linspace(0, len(points) - 1, length)
    index = np.arange(len(points))
    resampled = np.column_stack([np.interp(at, index, c) for c in columns.T])
    return resampled.astype(np.float32)


def augment_trajectory(
    trajectory: np.ndarray, rng: np.random.Generator, amount: float = 1.0
) -> np.ndarray:
    """A copy of ``trajectory`` varied as the same writer might vary it (``amount`` 0: an
    exact copy; 1: up to 10 % size, 8 % aspect, 0.1 rad rotation, 0.15 shear, 15 % speed,
    20 % pressure, and a smooth uneven timing)."""
    points = np.asarray(trajectory, dtype=np.float64).copy()
    if amount <= 0 or len(points) < 3:
        return points.astype(np.float32)
    a = amount
    scale = 1 + rng.uniform(-0.1, 0.1) * a
    aspect = 1 + rng.uniform(-0.08, 0.08) * a
    angle = rng.uniform(-0.1, 0.1) * a
    shear = rng.uniform(-0.15, 0.15) * a
    cos, sin = np.cos(angle), np.sin(angle)
    matrix = scale * np.array([[cos, -sin], [sin, cos]]) @ np.array([[aspect, shear], [0, 1]])
    points[:, :2] = points[:, :2] @ matrix.T
    points[:, 3] *= 1 + rng.uniform(-0.15, 0.15) * a
    down = points[:, 2] > 0
    points[down, 2] = np.clip(points[down, 2] * (1 + rng.uniform(-0.2, 0.2) * a), 0.05, 1.0)
    # uneven timing: sample positions advance by smoothly varying steps
    knots = 1 + rng.uniform(-0.3, 0.3, size=6) * a
    steps = np.interp(np.linspace(0, 5, len(points) - 1), np.arange(6), knots)
    positions = np.concatenate([[0.0], np.cumsum(steps)])
    positions *= (len(points) - 1) / positions[-1]
    index = np.arange(len(points))
    warped = np.column_stack([np.interp(positions, index, c) for c in points.T])
    # a pen-up sample stays one: never a blend of lifted and pressed
    warped[:, 2] = np.where(points[np.rint(positions).astype(int), 2] > 0, warped[:, 2], 0.0)
    warped[:, 2] = np.where(warped[:, 2] > 0, np.maximum(warped[:, 2], 0.05), 0.0)
    return warped.astype(np.float32)


@dataclass
class PenBank:
    """``trajectories``: the recordings as read; ``sequences``: float32 ``(N, L, F)``
    (:func:`pen_sequence`). ``writer``: int ``(N,)`` index into ``writer_ids``.
    ``genuine``: bool ``(N,)``."""

    trajectories: list[np.ndarray]
    sequences: np.ndarray
    writer: np.ndarray
    genuine: np.ndarray
    writer_ids: list[str]
    length: int = SEQUENCE_LENGTH
    problems: list[DatasetProblem] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.sequences)

    @property
    def inputs(self) -> np.ndarray:
        """What a pen encoder embeds (:func:`~sigverify.core.encoders.embedding.embed_inputs`)."""
        return self.sequences

    def genuine_of(self, writer: int) -> np.ndarray:
        return np.flatnonzero((self.writer == writer) & self.genuine)

    def forged_of(self, writer: int) -> np.ndarray:
        return np.flatnonzero((self.writer == writer) & ~self.genuine)

    def batch(
        self, indices: np.ndarray, rng: np.random.Generator | None = None, augment: float = 0.0
    ) -> np.ndarray:
        """float32 ``(B, L, F)`` of the recordings ``indices``, varied by
        :func:`augment_trajectory` when ``rng`` is given and ``augment`` > 0."""
        if rng is None or augment <= 0:
            return self.sequences[indices]
        return np.stack(
            [
                pen_sequence(augment_trajectory(self.trajectories[i], rng, augment), self.length)
                for i in indices
            ]
        )

    @classmethod
    def from_writers(
        cls,
        writers: Sequence[Writer],
        length: int = SEQUENCE_LENGTH,
        on_progress: Callable[[int, int], bool | None] | None = None,
    ) -> PenBank:
        """Read every pen recording of ``writers``; files that cannot be read are skipped
        and listed in ``problems``. ``on_progress(done, total)`` returning False cancels."""
        trajectories, writer_index, genuine, problems = read_signatures(
            writers, read_pen_file, on_progress
        )
        sequences = [pen_sequence(t, length) for t in trajectories]
        shape = (0, length, len(SEQUENCE_FEATURES))
        return cls(
            trajectories=trajectories,
            sequences=np.stack(sequences) if sequences else np.zeros(shape, np.float32),
            writer=np.asarray(writer_index, dtype=np.int64),
            genuine=np.asarray(genuine, dtype=bool),
            writer_ids=[w.id for w in writers],
            length=length,
            problems=problems,
        )
