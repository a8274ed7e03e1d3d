"""Pen recordings as the pen network reads them: fixed-length feature sequences, the
training variations, and a bank of them."""

from __future__ import annotations

import numpy as np

from sigverify.core.data.datasets import read_dataset
from sigverify.core.data.pen_bank import (
    SEQUENCE_FEATURES,
    PenBank,
    augment_trajectory,
    pen_sequence,
)
from sigverify.core.data.synthetic import genuine_signature, writer_style
from tests.conftest import write_pen_dataset


def column(name: str) -> int:
    return SEQUENCE_FEATURES.index(name)


def trajectory(writer: int = 3, index: int = 0) -> np.ndarray:
    return genuine_signature(writer_style(writer), index).trajectory.astype(np.float64)


def test_a_sequence_ignores_where_and_how_large_the_signature_was_written():
    points = trajectory()
    sequence = pen_sequence(points, length=64)
    assert sequence.shape == (64, len(SEQUENCE_FEATURES)) and sequence.dtype == np.float32
    assert np.allclose(sequence[:, column("progress")], np.linspace(0, 1, 64))
    moved = points.copy()
    moved[:, :2] = moved[:, :2] * 2.5 + [400, -90]  # larger and elsewhere on the pad
    assert np.allclose(pen_sequence(moved, length=64), sequence, atol=1e-4)


def test_a_slower_copy_is_told_by_its_speed_alone():
    points = trajectory()
    slower = points.copy()
    slower[:, 3] *= 3  # the same shape, drawn three times as slowly
    fast, slow = pen_sequence(points, 64), pen_sequence(slower, 64)
    speed = column("log_speed")
    others = [i for i in range(len(SEQUENCE_FEATURES)) if i != speed]
    assert np.allclose(fast[:, others], slow[:, others], atol=1e-4)
    moving = fast[:, speed] > 0.5
    assert moving.sum() > 10
    # log(1 + v) against log(1 + v / 3): lower wherever the pen moved
    assert np.all(slow[moving, speed] < fast[moving, speed] - 0.1)


def test_a_long_recording_is_resampled_not_cut():
    points = np.column_stack(
        [np.linspace(0, 100, 5000), np.sin(np.linspace(0, 20, 5000)) * 10,
         np.full(5000, 0.5), np.linspace(0, 25, 5000)]
    )  # fmt: skip
    sequence = pen_sequence(points, length=128)
    x = sequence[:, column("x")]
    assert x[0] < -0.9 * abs(x[-1]) and np.all(np.diff(x) > 0)  # from one end to the other


def test_augmentation_varies_a_recording_but_keeps_it_a_recording():
    points = trajectory()
    rng = np.random.default_rng(0)
    assert np.array_equal(augment_trajectory(points, rng, 0.0), points.astype(np.float32))
    varied = augment_trajectory(points, rng, 1.0)
    assert varied.shape == points.shape
    assert not np.allclose(varied[:, :2], points[:, :2], atol=1.0)
    assert np.all(np.diff(varied[:, 3]) >= -1e-6)  # time never goes back
    pressure = varied[:, 2]
    assert np.all((pressure == 0) | (pressure >= 0.05))  # lifted or pressing, never between
    assert abs(int((pressure == 0).sum()) - int((points[:, 2] == 0).sum())) <= 2


def test_a_bank_reads_a_folder_of_recordings_and_lists_what_it_skipped(tmp_path):
    write_pen_dataset(tmp_path, range(3), genuine=4, forged=2)
    (tmp_path / "01" / "genuine" / "U1S9.TXT").write_text("3\n1 2\n")  # damaged
    dataset = read_dataset(tmp_path)
    bank = PenBank.from_writers(dataset.writers, length=32)
    assert len(bank) == 3 * 6 and bank.inputs.shape == (18, 32, len(SEQUENCE_FEATURES))
    assert [p.path.name for p in bank.problems] == ["U1S9.TXT"]
    assert bank.writer_ids == ["00", "01", "02"]
    assert len(bank.genuine_of(1)) == 4 and len(bank.forged_of(1)) == 2
    assert np.all(bank.writer[bank.forged_of(2)] == 2) and not bank.genuine[bank.forged_of(2)].any()
    indices = np.array([0, 5, 7])
    assert np.array_equal(bank.batch(indices), bank.sequences[indices])
    varied = bank.batch(indices, np.random.default_rng(1), augment=1.0)
    assert varied.shape == (3, 32, len(SEQUENCE_FEATURES))
    assert not np.allclose(varied, bank.sequences[indices])
