from __future__ import annotations

import numpy as np

from sigverify.core.data.datasets import read_dataset
from sigverify.core.data.synthetic import (
    forged_signature,
    genuine_signature,
    write_synthetic_dataset,
    writer_style,
)
from sigverify.core.imaging.preprocessing import PreprocessConfig, preprocess_signature

SMALL = PreprocessConfig(height=60, width=90)


def _view(image: np.ndarray) -> np.ndarray:
    return preprocess_signature(image, SMALL).astype(np.float64) / 255.0


def test_same_seed_same_pixels_and_trajectory():
    a = genuine_signature(writer_style(7), 3)
    b = genuine_signature(writer_style(7), 3)
    np.testing.assert_array_equal(a.image, b.image)
    np.testing.assert_array_equal(a.trajectory, b.trajectory)
    np.testing.assert_array_equal(
        forged_signature(writer_style(7), 1).image, forged_signature(writer_style(7), 1).image
    )


def test_samples_and_writers_differ():
    style = writer_style(1)
    first, second = genuine_signature(style, 0).image, genuine_signature(style, 1).image
    assert first.shape != second.shape or not np.array_equal(first, second)
    assert writer_style(1).strokes[0].tolist() != writer_style(2).strokes[0].tolist()


def test_image_looks_like_a_scan():
    sample = genuine_signature(writer_style(3), 0)
    image = sample.image
    assert image.dtype == np.uint8 and image.ndim == 2
    assert sample.genuine and not forged_signature(writer_style(3), 0).genuine
    paper = np.median(image)
    assert 215 <= paper <= 255
    assert image.min() < paper - 100  # real ink contrast
    assert 0.01 < (image < paper - 60).mean() < 0.3


def test_trajectory_is_a_pen_recording():
    sample = genuine_signature(writer_style(5), 2)
    x, y, pressure, t = sample.trajectory.T
    assert sample.trajectory.dtype == np.float32 and sample.trajectory.shape[1] == 4
    assert (np.diff(t) >= 0).all() and t[0] == 0
    assert ((pressure >= 0) & (pressure <= 1)).all()
    height, width = sample.image.shape
    assert x.min() >= 0 and x.max() <= width and y.min() >= 0 and y.max() <= height
    # a genuine sample keeps the writer's strokes: one pressure-0 point between two strokes
    assert int((pressure == 0).sum()) == len(writer_style(5).strokes) - 1


def test_forgeries_are_close_but_further_than_genuine_samples():
    """Genuine samples vary less than skilled forgeries of the same writer, and forgeries
    look more like the writer than another writer does (on average)."""
    writers = range(8)
    genuine = {
        w: [_view(genuine_signature(writer_style(w), i).image) for i in range(5)] for w in writers
    }
    forged = {
        w: [_view(forged_signature(writer_style(w), i).image) for i in range(5)] for w in writers
    }

    def distance(a, b):
        return float(np.linalg.norm(a - b))

    forged_to_genuine, other_to_genuine = [], []
    for w in writers:
        gg = np.mean(
            [distance(genuine[w][i], genuine[w][j]) for i in range(5) for j in range(i + 1, 5)]
        )
        fg = np.mean([distance(f, g) for f in forged[w] for g in genuine[w]])
        og = np.mean([distance(o, g) for o in genuine[(w + 1) % 8] for g in genuine[w]])
        assert gg < fg, f"writer {w}: genuine samples vary more than forgeries differ"
        forged_to_genuine.append(fg)
        other_to_genuine.append(og)
    assert np.mean(forged_to_genuine) < np.mean(other_to_genuine)


def test_paper_tone_does_not_give_the_label_away():
    genuine = [
        np.median(genuine_signature(writer_style(w), i).image) for w in range(10) for i in range(4)
    ]
    forged = [
        np.median(forged_signature(writer_style(w), i).image) for w in range(10) for i in range(4)
    ]
    assert abs(np.mean(genuine) - np.mean(forged)) < 5


def test_write_dataset_in_project_layout(tmp_path):
    root = write_synthetic_dataset(tmp_path / "synth", writers=3, genuine=4, forged=2, seed=10)
    dataset = read_dataset(root)
    assert dataset.layout == "folders"
    assert [w.id for w in dataset.writers] == ["writer010", "writer011", "writer012"]
    assert dataset.genuine_count == 12 and dataset.forged_count == 6
    assert dataset.problems == []
