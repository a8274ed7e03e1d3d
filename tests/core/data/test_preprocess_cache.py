"""The on-disk cache of preprocessed images: same file and configuration, same image,
without preprocessing again; anything changed, made again."""

from __future__ import annotations

import os

import numpy as np
import pytest

import sigverify.core.data.datasets as datasets_module
from sigverify.core.data.bank import SignatureBank
from sigverify.core.data.datasets import Writer
from sigverify.core.data.preprocess_cache import PreprocessCache, config_key
from sigverify.core.errors import NoInkError, SigverifyError
from sigverify.core.imaging.preprocessing import PreprocessConfig
from tests.conftest import draw_signature, write_png

CONFIG = PreprocessConfig(height=30, width=44)


class Counting:
    def __init__(self, image=None, error=None):
        self.calls, self.image, self.error = 0, image, error

    def __call__(self, path):
        self.calls += 1
        if self.error:
            raise self.error
        return self.image


def test_second_read_comes_from_disk(tmp_path, isolated_home):
    path = write_png(tmp_path / "a.png", draw_signature())
    image = np.arange(30 * 44, dtype=np.uint32).reshape(30, 44).astype(np.uint8)
    prepare = Counting(image)
    first = PreprocessCache(CONFIG).cached(path, prepare)
    again = PreprocessCache(CONFIG).cached(path, prepare)  # a new run, the same cache folder
    assert prepare.calls == 1 and np.array_equal(first, image) and np.array_equal(again, image)
    # It lives in the user cache folder (SIGVERIFY_HOME/cache in tests).
    assert list((isolated_home / "cache" / "preprocessed").rglob("*.png"))


def test_an_image_put_for_a_file_is_read_back_without_preparing(tmp_path):
    """What scripts/pack_cache.py unpack does on a machine without the scans."""
    path = write_png(tmp_path / "a.png", draw_signature())
    image = np.arange(30 * 44, dtype=np.uint32).reshape(30, 44).astype(np.uint8)
    PreprocessCache(CONFIG).put(path, image)
    prepare = Counting(np.zeros((30, 44), np.uint8))
    assert np.array_equal(PreprocessCache(CONFIG).cached(path, prepare), image)
    assert prepare.calls == 0


def test_a_changed_file_or_config_is_prepared_again(tmp_path):
    path = write_png(tmp_path / "a.png", draw_signature())
    prepare = Counting(np.zeros((30, 44), np.uint8))
    PreprocessCache(CONFIG).cached(path, prepare)
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))  # new modification time
    PreprocessCache(CONFIG).cached(path, prepare)
    assert prepare.calls == 2
    other = PreprocessConfig(height=30, width=44, stroke_width=0.0)
    assert config_key(other) != config_key(CONFIG)
    PreprocessCache(other).cached(path, Counting(np.zeros((30, 44), np.uint8)))
    PreprocessCache(CONFIG).cached(path, prepare)
    assert prepare.calls == 2  # the first configuration's entry is still there


def test_a_refused_image_is_remembered_with_its_message(tmp_path):
    path = write_png(tmp_path / "blank.png", np.full((60, 60), 250, np.uint8))
    prepare = Counting(error=NoInkError("No signature was found on this image."))
    for _ in range(2):
        with pytest.raises(SigverifyError, match="No signature was found"):
            PreprocessCache(CONFIG).cached(path, prepare)
    assert prepare.calls == 1


def test_a_damaged_entry_is_made_again(tmp_path):
    path = write_png(tmp_path / "a.png", draw_signature())
    cache = PreprocessCache(CONFIG)
    prepare = Counting(np.full((30, 44), 7, np.uint8))
    cache.cached(path, prepare)
    (entry,) = cache.folder.rglob("*.png")
    entry.write_bytes(b"not a png")
    assert np.array_equal(cache.cached(path, prepare), np.full((30, 44), 7, np.uint8))
    assert prepare.calls == 2


def test_bank_reads_each_image_once_across_runs(tmp_path, monkeypatch):
    paths = [write_png(tmp_path / f"{i}.png", draw_signature(ink=20 + i)) for i in range(3)]
    blank = write_png(tmp_path / "blank.png", np.full((100, 200), 245, np.uint8))
    writers = [Writer("w", paths[:2], [paths[2], blank])]
    first = SignatureBank.from_writers(writers, CONFIG)
    calls = []
    real = datasets_module.preprocess_signature
    counting = lambda *a: calls.append(1) or real(*a)  # noqa: E731
    monkeypatch.setattr(datasets_module, "preprocess_signature", counting)
    second = SignatureBank.from_writers(writers, CONFIG)
    assert calls == []  # every image, and the refusal, came from the cache
    assert np.array_equal(first.images, second.images) and len(second) == 3
    assert [p.path for p in second.problems] == [blank]
    assert second.problems[0].message == first.problems[0].message


def test_pen_recordings_are_read_as_drawn_ink_and_cached(tmp_path, monkeypatch):
    """A pen folder given to an image model: each recording is its trajectory drawn as
    ink (training read scans only and skipped every pen file, said only at the end)."""
    from sigverify.core.data.datasets import read_dataset
    from sigverify.core.data.pen_files import read_pen_file, render_trajectory
    from sigverify.core.imaging.preprocessing import preprocess_signature
    from tests.conftest import write_pen_dataset

    root = write_pen_dataset(tmp_path / "pen", [1, 2], genuine=3, forged=2)
    writers = read_dataset(root).writers
    bank = SignatureBank.from_writers(writers, CONFIG)
    assert bank.problems == [] and len(bank) == 10
    assert bank.genuine.tolist() == [True] * 6 + [False] * 4
    first = writers[0].genuine[0]
    drawn = preprocess_signature(render_trajectory(read_pen_file(first)), CONFIG)
    assert np.array_equal(bank.images[0], drawn) and bank.images[0].min() < bank.images[0].max()
    calls = []
    real = datasets_module.preprocess_signature
    counting = lambda *a: calls.append(1) or real(*a)  # noqa: E731
    monkeypatch.setattr(datasets_module, "preprocess_signature", counting)
    again = SignatureBank.from_writers(writers, CONFIG)
    assert calls == [] and np.array_equal(again.images, bank.images)


def test_an_entry_of_an_earlier_pipeline_version_is_not_served(tmp_path, monkeypatch):
    """Version 3 read pen recordings as scans and cached each as refused: version 4 draws
    them, and must not serve those refusals."""
    import sigverify.core.data.preprocess_cache as cache_module
    from tests.conftest import write_pen_dataset

    root = write_pen_dataset(tmp_path / "pen", [1], genuine=2, forged=0)
    path = next(root.rglob("*.TXT"))
    current = cache_module.PIPELINE_VERSION
    monkeypatch.setattr(cache_module, "PIPELINE_VERSION", current - 1)
    with pytest.raises(SigverifyError, match="old refusal"):
        PreprocessCache(CONFIG).cached(path, Counting(error=SigverifyError("old refusal")))
    monkeypatch.setattr(cache_module, "PIPELINE_VERSION", current)
    image = np.full((30, 44), 9, np.uint8)
    assert np.array_equal(PreprocessCache(CONFIG).cached(path, Counting(image)), image)


def _pack_script():
    """scripts/pack_cache.py, which is no module of the package."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("pack_cache", "scripts/pack_cache.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    return script


def test_a_pen_folder_packed_and_unpacked_trains_from_placeholders(tmp_path, monkeypatch):
    """scripts/pack_cache.py carries drawn pen recordings to a machine without them: the
    SVC2004 placeholders keep their first line, so they are still read as recordings."""
    import shutil
    from argparse import Namespace

    from sigverify.core.data.datasets import read_dataset
    from tests.conftest import write_pen_dataset

    script = _pack_script()
    root = write_pen_dataset(tmp_path / "pen", [1, 2], genuine=3, forged=1)
    (root / "README.txt").write_text("Recorded on a tablet.\n")  # not a recording
    config = PreprocessConfig(height=150, width=220, stroke_width=2.5)
    monkeypatch.setenv("SIGVERIFY_HOME", str(tmp_path / "here"))
    here = SignatureBank.from_writers(read_dataset(root).writers, config)
    packed = tmp_path / "pack.xz"
    packing = dict(
        data=[str(root)], size="150x220", stroke_width=2.5, faint_ink=4.0, enlarge_small_ink=1
    )
    script.pack(Namespace(out=str(packed), base=None, **packing))
    sizes = {p: p.stat().st_size for p in root.rglob("*.TXT")}
    shutil.rmtree(root)  # the other machine has no recordings
    monkeypatch.setenv("SIGVERIFY_HOME", str(tmp_path / "there"))
    script.unpack(Namespace(pack=str(packed)))
    assert {p: p.stat().st_size for p in root.rglob("*.TXT")} == sizes
    there = SignatureBank.from_writers(read_dataset(root).writers, config)
    assert there.problems == [] and np.array_equal(there.images, here.images)
    assert len(there) == 8 and there.writer_ids == ["01", "02"]


def test_a_second_configuration_packed_as_a_difference_unpacks_to_its_own_images(
    tmp_path, monkeypatch
):
    """``pack --base``: the same files prepared another way are stored as their difference
    from the first pack, and come out on the other machine as they were prepared here."""
    import lzma
    import shutil
    from argparse import Namespace

    from sigverify.core.data.datasets import read_dataset
    from tests.conftest import write_pen_dataset

    script = _pack_script()
    root = write_pen_dataset(tmp_path / "pen", [1, 2], genuine=3, forged=1)
    thin, thick = (PreprocessConfig(height=150, width=220, stroke_width=w) for w in (2.5, 4.0))
    monkeypatch.setenv("SIGVERIFY_HOME", str(tmp_path / "here"))
    here = SignatureBank.from_writers(read_dataset(root).writers, thick)
    thin_here = SignatureBank.from_writers(read_dataset(root).writers, thin)
    base, second = tmp_path / "thin.xz", tmp_path / "thick.xz"
    common = dict(data=[str(root)], size="150x220", faint_ink=thin.faint_ink, enlarge_small_ink=1)
    script.pack(Namespace(out=str(base), base=None, stroke_width=2.5, **common))
    script.pack(Namespace(out=str(second), base=str(base), stroke_width=4.0, **common))
    with lzma.open(second) as packed:  # stored: the difference, not the images
        size = int.from_bytes(packed.read(8), "little")
        stored = np.frombuffer(packed.read()[size:], np.uint8).reshape(here.images.shape)
    in_pack_order = np.lexsort((~here.genuine, here.writer))  # each writer's files in turn
    assert np.array_equal(stored, (here.images ^ thin_here.images)[in_pack_order])
    shutil.rmtree(root)
    monkeypatch.setenv("SIGVERIFY_HOME", str(tmp_path / "there"))
    script.unpack(Namespace(pack=str(base)))
    script.unpack(Namespace(pack=str(second)))
    there = SignatureBank.from_writers(read_dataset(root).writers, thick)
    assert there.problems == [] and np.array_equal(there.images, here.images)
    thin_there = SignatureBank.from_writers(read_dataset(root).writers, thin)
    assert np.array_equal(thin_there.images, thin_here.images)
    assert not np.array_equal(thin_there.images, here.images)
