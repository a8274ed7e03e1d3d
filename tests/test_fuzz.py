"""Seeded fuzzing of what sigverify reads from outside: image files, model cards and model
folders, 1,000 cases. Each must end in a clean result or a clean refusal (a
:class:`SigverifyError`, whose message a clerk reads); any other exception is a defect.
The cases that fail are listed by number, so one can be replayed."""

from __future__ import annotations

import io
import json
import math
import shutil

import numpy as np
import pytest
from PIL import Image

from sigverify.core.errors import SigverifyError
from sigverify.core.imaging.imageio import decode_image
from sigverify.core.imaging.preprocessing import PreprocessConfig, preprocess_signature
from sigverify.core.model.card import read_card
from sigverify.core.model.inference import load_for_inference
from tests.conftest import draw_signature

IMAGE_CASES, CARD_CASES, FOLDER_CASES = 600, 300, 100

#: Starts of files of other kinds: PostScript (Ghostscript), GIF, PGM, ICO, QOI, a ZIP, HTML.
FOREIGN_MAGIC = [b"%!PS-Adobe-3.0 EPSF", b"GIF89a", b"P5\n10 10\n255\n", b"\0\0\1\0", b"qoif",
                 b"PK\3\4", b"<html>"]  # fmt: skip


def encoded_samples() -> list[bytes]:
    """A signature as each format the app reads, in the variants scanners write."""
    grey = Image.fromarray(draw_signature(size=(120, 240)))
    samples = []
    for save in (
        {"format": "PNG"},
        {"format": "JPEG", "quality": 80},
        {"format": "BMP"},
        {"format": "TIFF"},
        {"format": "TIFF", "compression": "tiff_lzw"},
    ):
        buffer = io.BytesIO()
        grey.save(buffer, **save)
        samples.append(buffer.getvalue())
    buffer = io.BytesIO()
    grey.convert("1").save(buffer, format="TIFF", compression="group4")
    samples.append(buffer.getvalue())
    buffer = io.BytesIO()
    Image.fromarray(np.asarray(grey).astype(np.uint16) * 257).save(buffer, format="PNG")
    samples.append(buffer.getvalue())
    return samples


def mutated(data: bytes, rng: np.random.Generator) -> bytes:
    kind = rng.integers(6)
    raw = bytearray(data)
    if kind == 0:  # cut short
        return bytes(raw[: int(rng.integers(0, len(raw)))])
    if kind == 1:  # a few bytes flipped, anywhere (headers included)
        for position in rng.integers(0, len(raw), int(rng.integers(1, 16))):
            raw[position] ^= int(rng.integers(1, 256))
        return bytes(raw)
    if kind == 2:  # another kind of file's start
        magic = FOREIGN_MAGIC[int(rng.integers(len(FOREIGN_MAGIC)))]
        return magic + bytes(raw[len(magic) :])
    if kind == 3:  # noise
        return rng.integers(0, 256, int(rng.integers(0, 5000)), dtype=np.uint8).tobytes()
    if kind == 4:  # the header kept, the body of another file
        return bytes(raw[:64]) + rng.integers(0, 256, 4000, dtype=np.uint8).tobytes()
    # a header field (width, height, offsets) set to an extreme value
    position = int(rng.integers(0, min(64, len(raw) - 4)))
    raw[position : position + 4] = bytes(rng.choice([b"\xff\xff\xff\x7f", b"\0\0\0\0", b"\xff\xff"
                                                     b"\xff\xff"]))  # fmt: skip
    return bytes(raw)


def outcome(action) -> str | None:
    """None for a clean result or refusal, else what escaped."""
    try:
        action()
    except SigverifyError as error:
        assert str(error).strip(), "a refusal without a message"
    except Exception as error:  # noqa: BLE001 - what the fuzzer is looking for
        return f"{type(error).__name__}: {error}"[:200]
    return None


def test_images_are_read_or_refused_cleanly():
    rng = np.random.default_rng(2026)
    samples = encoded_samples()
    config = PreprocessConfig()
    failures, read = {}, 0
    for case in range(IMAGE_CASES):
        data = mutated(samples[case % len(samples)], rng)

        def read_and_prepare(data=data, name=f"case{case}.img"):
            nonlocal read
            pixels = decode_image(data, name).pixels
            assert pixels.dtype == np.uint8 and pixels.ndim == 2
            read += 1
            out = preprocess_signature(pixels, config)
            assert out.shape == (config.height, config.width) and out.dtype == np.uint8

        problem = outcome(read_and_prepare)
        if problem:
            failures[case] = problem
    assert not failures, failures
    assert 50 < read < IMAGE_CASES  # both paths were taken


def card_mutations(card: dict, rng: np.random.Generator) -> dict:
    """``card`` with one field (top level or one level down) replaced, removed or added."""
    card = json.loads(json.dumps(card))
    nasty = [None, "abc", "", -1, 0, 1e308, -1e308, math.nan, math.inf, [], {}, [[[[[[1]]]]]],
             "x" * 100_000, True, 3.5, {"a": {"b": {"c": 1}}}, 2**70]  # fmt: skip
    holder = card
    keys = list(holder)
    if rng.random() < 0.3:
        nested = [k for k in keys if isinstance(holder[k], dict) and holder[k]]
        if nested:
            holder = holder[nested[int(rng.integers(len(nested)))]]
            keys = list(holder)
    key = keys[int(rng.integers(len(keys)))]
    action = rng.integers(4)
    if action == 0:
        del holder[key]
    elif action == 1:
        holder[f"extra_{int(rng.integers(100))}"] = nasty[int(rng.integers(len(nasty)))]
    else:
        holder[key] = nasty[int(rng.integers(len(nasty)))]
    return card


def test_model_cards_are_read_or_refused_cleanly(tiny_model_dir, tmp_path):
    folder = tmp_path / "model"
    shutil.copytree(tiny_model_dir, folder, ignore=shutil.ignore_patterns("checkpoint"))
    original = json.loads((folder / "card.json").read_text())
    rng = np.random.default_rng(7)
    failures, loaded = {}, 0
    for case in range(CARD_CASES):
        text = json.dumps(card_mutations(original, rng), allow_nan=True)
        (folder / "card.json").write_text(text)

        def read_and_load():
            nonlocal loaded
            read_card(folder)
            load_for_inference(folder, threads=1)
            loaded += 1

        problem = outcome(read_and_load)
        if problem:
            failures[case] = problem
    assert not failures, failures
    assert 0 < loaded < CARD_CASES  # harmless changes load, harmful ones are refused


@pytest.mark.parametrize("target", ["model.safetensors", "model.onnx", "card.json"])
def test_damaged_model_folders_are_refused_cleanly(tiny_model_dir, tmp_path, target):
    rng = np.random.default_rng(11)
    failures = {}
    source = (tiny_model_dir / target).read_bytes()
    for case in range(math.ceil(FOLDER_CASES / 3)):
        folder = tmp_path / f"m{case}"
        shutil.copytree(tiny_model_dir, folder, ignore=shutil.ignore_patterns("checkpoint"))
        # a missing ONNX file is exported again from the weights (seconds each, tested in
        # tests/core/model): here it is only damaged
        kind = case % (3 if target == "model.onnx" else 4)
        if kind == 3:
            (folder / target).unlink()
        else:
            (folder / target).write_bytes(mutated(source, rng) if kind else b"")
        problem = outcome(lambda folder=folder: load_for_inference(folder, threads=1))
        if problem:
            failures[case] = problem
        shutil.rmtree(folder)
    assert not failures, failures
