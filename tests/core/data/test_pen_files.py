"""Pen recordings in the three public formats, read into the app's trajectory."""

from __future__ import annotations

import numpy as np
import pytest

from sigverify.core.data.datasets import check_images, read_dataset
from sigverify.core.data.pen_files import (
    PenFileError,
    is_pen_file,
    read_pen_file,
    render_trajectory,
)
from sigverify.core.verification_results import SignatureInput


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


SVC = """5
100 200 1000 0 0 0 500
110 190 1010 1 0 0 1000
120 180 1020 1 0 0 800
300 200 1200 0 0 0 400
310 210 1210 1 0 0 200
"""

SUSIG = """X, Y, TStamp, Pres., EndPts
DataSize: 4
10 20 0 100 0
20 30 10 200 1
50 20 100 50 0
60 10 110 25 1
"""

HWR = "ABCDE-012_345_678 5\n" + "".join(
    f"\t {x} {y} {p} 1470 430\n" for x, y, p in ((10, 10, 300), (12, 11, 600), (0, 0, -4),
                                                 (14, 12, 600), (100, 12, 150))
)  # fmt: skip


def test_svc2004_strokes_start_where_the_button_is_0_and_y_grows_down(tmp_path):
    trajectory = read_pen_file(write(tmp_path / "U1S1.TXT", SVC))
    assert trajectory.dtype == np.float32 and trajectory.shape == (6, 4)
    # x, y from the top-left, pressure / the recording's maximum, seconds from the start
    assert trajectory[0].tolist() == pytest.approx([0, 10, 0.5, 0.0])  # y 200 of 180-210
    assert trajectory[2].tolist() == pytest.approx([20, 30, 0.8, 0.02])
    pen_up = trajectory[3]  # the lift before the second stroke, where the first ended
    assert pen_up[2] == 0 and pen_up[:2].tolist() == pytest.approx([20, 30])
    assert trajectory[4].tolist() == pytest.approx([200, 10, 0.4, 0.2])


def test_susig_strokes_end_where_the_flag_is_1(tmp_path):
    trajectory = read_pen_file(write(tmp_path / "001_g_1.sig", SUSIG))
    assert trajectory[:, 2].tolist() == pytest.approx([0.5, 1.0, 0.0, 0.25, 0.125])
    assert trajectory[-1, 3] == pytest.approx(0.11)


def test_hwr_drops_glitches_assumes_its_rate_and_lifts_the_pen_on_a_jump(tmp_path):
    trajectory = read_pen_file(write(tmp_path / "NFI-00101001.hwr", HWR))
    assert len(trajectory) == 5  # 4 samples (the glitch dropped) and the lift before the jump
    assert trajectory[3, 2] == 0 and trajectory[4, 0] == pytest.approx(90)
    assert trajectory[1, 3] == pytest.approx(1 / 200)


def test_what_is_not_a_pen_recording_is_refused_in_words(tmp_path):
    readme = write(tmp_path / "README.txt", "Signatures of the branch\n")
    assert not is_pen_file(readme) and is_pen_file(tmp_path / "U1S1.TXT") is False
    short = write(tmp_path / "U2S1.TXT", "9\n1 2 3 1 0 0 5\n")
    assert is_pen_file(short)
    with pytest.raises(PenFileError, match="not a pen recording.*header announces 9"):
        read_pen_file(short)
    with pytest.raises(PenFileError, match="SUSIG"):
        read_pen_file(write(tmp_path / "x.sig", "hello\n"))


def test_a_recording_becomes_a_signature_with_its_ink_and_trajectory(tmp_path):
    signature = SignatureInput.from_path(write(tmp_path / "U1S1.TXT", SVC))
    assert signature.name == "U1S1.TXT" and signature.trajectory.shape == (6, 4)
    assert signature.data.startswith(b"\x89PNG")
    ink = render_trajectory(signature.trajectory, height=100)
    assert ink.dtype == np.uint8 and ink.shape[0] == 101
    assert ink.min() < 60 and ink.max() == 255  # dark strokes on white paper
    # the pen-up travel between the strokes is not drawn: the middle column stays paper
    middle = ink[:, ink.shape[1] // 2]
    assert middle.min() == 255


def test_a_folder_of_recordings_is_checked_like_one_of_images(tmp_path):
    for writer in ("01", "02"):
        for n in (1, 2):
            write(tmp_path / writer / "genuine" / f"U{writer}S{n}.TXT", SVC)
        write(tmp_path / writer / "forged" / f"U{writer}S9.TXT", SVC)
    write(tmp_path / "02" / "genuine" / "U02S3.TXT", "3\n1 2\n")  # damaged
    dataset = read_dataset(tmp_path)
    assert (len(dataset.writers), dataset.genuine_count, dataset.forged_count) == (2, 5, 2)
    problems = check_images(dataset)
    assert [p.path.name for p in problems] == ["U02S3.TXT"]
