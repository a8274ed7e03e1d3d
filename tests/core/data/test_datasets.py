from __future__ import annotations

import numpy as np
import pytest

from sigverify.core.data.datasets import ERROR, WARNING, check_images, detect_layout, read_dataset
from sigverify.core.data.splits import split_writers
from sigverify.core.errors import DatasetError
from tests.conftest import draw_signature, write_png

SIGNATURE = draw_signature(size=(60, 120))


def _touch_images(root, names):
    for name in names:
        write_png(root / name, SIGNATURE)
    return root


@pytest.fixture
def folders_layout(tmp_path):
    root = tmp_path / "mine"
    _touch_images(
        root,
        [
            "alice/genuine/1.png",
            "alice/genuine/2.png",
            "alice/genuine/10.png",
            "alice/forged/1.png",
            "bob/genuine/a.png",
            "bob/genuine/b.png",
        ],
    )
    return root


def test_folders_layout(folders_layout):
    dataset = read_dataset(folders_layout)
    assert dataset.layout == "folders"
    assert [w.id for w in dataset.writers] == ["alice", "bob"]
    alice = dataset.writers[0]
    assert [p.name for p in alice.genuine] == ["1.png", "2.png", "10.png"]  # natural order
    assert [p.name for p in alice.forged] == ["1.png"]
    assert (dataset.genuine_count, dataset.forged_count) == (5, 1)
    assert dataset.problems == []


def test_what_lies_beside_genuine_and_forged_is_said_not_read(folders_layout):
    """A signature put beside genuine/ and forged/, a "forgeries" folder or a notes.txt
    was left out without a word (a review)."""
    _touch_images(folders_layout, ["alice/7.png", "alice/forgeries/1.png"])
    (folders_layout / "alice" / "notes.txt").write_text("scanned on 2 May")
    (folders_layout / "bob" / ".DS_Store").write_bytes(b"x")  # hidden: not worth a word
    (folders_layout / "bob" / "Thumbs.db").write_bytes(b"x")  # Windows' own: neither
    dataset = read_dataset(folders_layout)
    assert [(w.id, len(w.genuine), len(w.forged)) for w in dataset.writers] == [
        ("alice", 3, 1),
        ("bob", 2, 0),
    ]
    assert [(p.severity, p.message, p.path.name) for p in dataset.problems] == [
        (
            WARNING,
            "3 files or folders beside genuine/ and forged/ were not read (7.png, "
            "forgeries/, notes.txt): only those two folders are.",
            "alice",
        )
    ]


def test_cedar_layout(tmp_path):
    root = _touch_images(
        tmp_path / "cedar",
        [
            "full_org/original_1_1.png",
            "full_org/original_1_2.png",
            "full_org/original_2_1.png",
            "full_org/original_2_2.png",
            "full_forg/forgeries_1_1.png",
            "full_forg/forgeries_2_1.png",
            "full_forg/forgeries_2_2.png",
            "full_org/scan_notes.png",
        ],
    )
    (root / "full_org" / "Thumbs.db").write_bytes(b"x")
    dataset = read_dataset(root)
    assert dataset.layout == "cedar"
    assert [(w.id, len(w.genuine), len(w.forged)) for w in dataset.writers] == [
        ("1", 2, 1),
        ("2", 2, 2),
    ]
    messages = [p.message for p in dataset.problems]
    assert any("scan_notes.png" in m and "CEDAR" in m for m in messages)
    assert any("not images" in m and "Thumbs.db" in m for m in messages)
    assert all(p.severity == WARNING for p in dataset.problems)


def test_sigcomp_layout(tmp_path):
    root = _touch_images(
        tmp_path / "sign_data",
        [
            "001/001_01.png",
            "001/001_02.png",
            "001_forg/0119001_01.png",
            "002/002_01.png",
            "002/002_02.png",
            "003_forg/0201003_01.png",
        ],
    )
    dataset = read_dataset(root)
    assert dataset.layout == "sigcomp"
    assert [(w.id, len(w.genuine), len(w.forged)) for w in dataset.writers] == [
        ("001", 2, 1),
        ("002", 2, 0),
        ("003", 0, 1),
    ]
    errors = [p for p in dataset.problems if p.severity == ERROR]
    assert len(errors) == 1 and "003" in errors[0].message and "no genuine" in errors[0].message
    assert [w.id for w in dataset.usable_writers()] == ["001", "002"]


@pytest.mark.parametrize("top", ["BHSig260", "BHSig260/Bengali"])
def test_bhsig260_layout(tmp_path, top):
    root = tmp_path / "BHSig260"
    _touch_images(
        root,
        [
            "Bengali/1/B-S-1-G-01.tif",
            "Bengali/1/B-S-1-G-02.tif",
            "Bengali/1/B-S-1-F-01.tif",
            "Hindi/7/H-S-7-G-01.tif",
            "Hindi/7/H-S-7-G-02.tif",
        ],
    )
    dataset = read_dataset(tmp_path / top)
    assert dataset.layout == "bhsig260"
    expected = [("B1", 2, 1), ("H7", 2, 0)] if top == "BHSig260" else [("B1", 2, 1)]
    assert [(w.id, len(w.genuine), len(w.forged)) for w in dataset.writers] == expected


def test_single_genuine_and_no_forgeries_are_reported(tmp_path):
    root = _touch_images(tmp_path / "d", ["a/genuine/1.png", "b/genuine/1.png", "b/genuine/2.png"])
    (root / "notes").mkdir()
    dataset = read_dataset(root)
    messages = [(p.severity, p.message) for p in dataset.problems]
    assert any(s == WARNING and "Writer a has only one genuine" in m for s, m in messages)
    assert any(s == WARNING and "No forgeries" in m and "random" in m for s, m in messages)
    assert any(s == WARNING and "notes" in m for s, m in messages)
    assert [w.id for w in dataset.usable_writers()] == ["b"]


def test_images_found_unusable_do_not_count_towards_a_usable_writer(tmp_path):
    """Seen in a real window: a folder whose .png files were text said "3 people (3
    usable)", and training then failed."""
    root = tmp_path / "d"
    for i in range(2):
        write_png(root / "a" / "genuine" / f"{i}.png", draw_signature())
        (root / "b" / "genuine").mkdir(parents=True, exist_ok=True)
        (root / "b" / "genuine" / f"{i}.png").write_text("not a picture")
    write_png(root / "c" / "genuine" / "0.png", draw_signature())
    (root / "c" / "genuine" / "1.png").write_text("not a picture")
    dataset = read_dataset(root)
    assert [w.id for w in dataset.usable_writers()] == ["a", "b", "c"]  # not read yet
    check_images(dataset)
    assert [w.id for w in dataset.usable_writers()] == ["a"]


def test_explicit_layout_overrides_detection(folders_layout):
    with pytest.raises(DatasetError, match="No signatures were found"):
        read_dataset(folders_layout, layout="cedar")


def test_unknown_layout_name(folders_layout):
    with pytest.raises(DatasetError, match="Unknown layout"):
        read_dataset(folders_layout, layout="kaggle")


def test_folder_matching_no_layout(tmp_path):
    _touch_images(tmp_path / "holiday", ["beach/photo.png"])
    with pytest.raises(DatasetError, match="does not look like a signature data folder"):
        detect_layout(tmp_path / "holiday")


def test_missing_folder_and_file_instead_of_folder(tmp_path):
    with pytest.raises(DatasetError, match="does not exist"):
        read_dataset(tmp_path / "nowhere")
    file = write_png(tmp_path / "one.png", SIGNATURE)
    with pytest.raises(DatasetError, match="is a file"):
        read_dataset(file)


def test_check_images_reports_unreadable_and_blank(folders_layout):
    (folders_layout / "alice" / "genuine" / "2.png").write_bytes(b"not really a png")
    write_png(folders_layout / "bob" / "genuine" / "b.png", np.full((60, 120), 240, np.uint8))
    dataset = read_dataset(folders_layout)
    calls = []
    found = check_images(dataset, on_progress=lambda done, total: calls.append((done, total)))
    assert calls[-1] == (6, 6) and len(calls) == 6
    by_name = {(p.path.parent.parent.name, p.path.name): p for p in found}
    assert set(by_name) == {("alice", "2.png"), ("bob", "b.png")}
    assert "not an image" in by_name["alice", "2.png"].message
    assert "No signature" in by_name["bob", "b.png"].message
    assert all(p.severity == ERROR for p in found)
    assert all(p in dataset.problems for p in found)


def test_check_images_can_be_cancelled(folders_layout):
    dataset = read_dataset(folders_layout)
    calls = []

    def stop_after_two(done, total):
        calls.append(done)
        return done < 2

    check_images(dataset, on_progress=stop_after_two)
    assert calls == [1, 2]


def _writers(n):
    from sigverify.core.data.datasets import Writer

    return [Writer(str(i)) for i in range(n)]


def test_split_is_writer_disjoint_complete_and_seeded():
    writers = _writers(40)
    split = split_writers(writers, validation=0.15, test=0.15, seed=3)
    ids = [[w.id for w in part] for part in (split.train, split.validation, split.test)]
    assert [len(part) for part in ids] == [28, 6, 6]
    assert sorted(sum(ids, []), key=int) == [str(i) for i in range(40)]
    assert (
        not set(ids[0]) & set(ids[1])
        and not set(ids[0]) & set(ids[2])
        and not set(ids[1]) & set(ids[2])
    )
    again = split_writers(
        list(reversed(writers)), 0.15, 0.15, seed=3
    )  # input order does not matter
    assert [w.id for w in again.test] == ids[2]
    other = split_writers(writers, 0.15, 0.15, seed=4)
    assert [w.id for w in other.test] != ids[2]


def test_split_small_sets_keep_two_to_train_and_one_per_other_part():
    split = split_writers(_writers(4), 0.1, 0.1, seed=0)
    assert (len(split.train), len(split.validation), len(split.test)) == (2, 1, 1)
    # large fractions of a few writers still leave two to train and one to validate (with
    # 3 writers training had one, and failed: seen in a real window)
    split = split_writers(_writers(5), 0.4, 0.5, seed=0)
    assert (len(split.train), len(split.validation), len(split.test)) == (2, 1, 2)
    with pytest.raises(DatasetError, match="At least 4 writers are needed: 2 to train on"):
        split_writers(_writers(3))
    with pytest.raises(DatasetError, match="fractions"):
        split_writers(_writers(10), validation=0.6, test=0.5)
