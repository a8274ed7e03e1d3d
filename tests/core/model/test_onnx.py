"""Verification through ONNX Runtime: the same embeddings and decisions as torch, checksums
checked, old models exported on first use, and no torch imported to verify."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import numpy as np
import pytest

from sigverify.core.data.synthetic import genuine_signature, writer_style
from sigverify.core.errors import ModelFileError
from sigverify.core.imaging.preprocessing import preprocess_signature
from sigverify.core.model.export import TOLERANCE
from sigverify.core.model.inference import load_for_inference
from sigverify.core.model.io import load_model
from sigverify.core.model.onnx import ONNX_FILE, OnnxModel, load_onnx_model
from sigverify.core.store import Store
from sigverify.core.verification import VerificationService
from sigverify.core.verification_results import SignatureInput
from tests.conftest import signature_file


def preprocessed(model, writers=range(3), per_writer=4) -> np.ndarray:
    images = [
        preprocess_signature(genuine_signature(writer_style(w), i).image, model.preprocess)
        for w in writers
        for i in range(per_writer)
    ]
    return np.stack(images)


def test_onnx_and_torch_embeddings_agree(tiny_model_dir):
    torch_model = load_model(tiny_model_dir)
    onnx_model = load_onnx_model(tiny_model_dir, threads=1)
    assert isinstance(onnx_model, OnnxModel) and onnx_model.device == "cpu"
    images = preprocessed(torch_model, per_writer=30)  # 90 images: two ONNX batches
    ours, theirs = onnx_model.embed(images), torch_model.embed(images)
    assert ours.shape == theirs.shape == (90, torch_model.card.embedding_dim)
    assert ours.dtype == np.float32
    assert np.abs(ours - theirs).max() <= TOLERANCE
    assert onnx_model.embed(images[:0]).shape == (0, torch_model.card.embedding_dim)


def test_onnx_and_torch_give_the_same_decisions(tiny_model_dir, tmp_path):
    decisions = {}
    for runtime, model in (
        ("torch", load_model(tiny_model_dir)),
        ("onnx", load_onnx_model(tiny_model_dir, threads=1)),
    ):
        with Store(tmp_path / f"{runtime}.sqlite3") as store:
            service = VerificationService(store, model, operator="test")
            results = []
            for writer in (1, 2, 3):
                refs = [signature_file(tmp_path, writer, i) for i in range(5)]
                # the tiny model's thresholds are rough: what is compared here is the
                # two runtimes' decisions, not its consistency check
                inputs = [SignatureInput.from_path(p) for p in refs]
                service.enroll(f"p{writer}", inputs, accept_outliers=True)
                queries = [signature_file(tmp_path, writer, 7)]
                queries.append(signature_file(tmp_path, writer, 1, forged=True))
                queries.append(signature_file(tmp_path, writer % 3 + 1, 8))  # someone else
                for query in queries:
                    result = service.verify(f"p{writer}", SignatureInput.from_path(query))
                    results.append((result.decision, result.score))
            decisions[runtime] = results
    assert [d for d, _ in decisions["onnx"]] == [d for d, _ in decisions["torch"]]
    scores = np.array([[s for _, s in decisions[r]] for r in ("onnx", "torch")])
    assert np.abs(scores[0] - scores[1]).max() <= 1e-4


def copy_model(source, target):
    shutil.copytree(source, target)
    return target


def test_a_replaced_onnx_file_is_refused(tiny_model_dir, tmp_path):
    folder = copy_model(tiny_model_dir, tmp_path / "model")
    data = bytearray((folder / ONNX_FILE).read_bytes())
    data[-10] ^= 0xFF
    (folder / ONNX_FILE).write_bytes(bytes(data))
    with pytest.raises(ModelFileError, match="does not match its card"):
        load_for_inference(folder)


def test_a_model_from_before_onnx_is_exported_on_first_use(tiny_model_dir, tmp_path):
    folder = copy_model(tiny_model_dir, tmp_path / "old")
    (folder / ONNX_FILE).unlink()
    card = json.loads((folder / "card.json").read_text())
    card.pop("onnx_sha256")
    (folder / "card.json").write_text(json.dumps(card))
    model = load_for_inference(folder)
    assert isinstance(model, OnnxModel)
    assert (folder / ONNX_FILE).is_file()
    assert len(json.loads((folder / "card.json").read_text())["onnx_sha256"]) == 64


def test_without_torch_a_model_without_onnx_is_explained(tiny_model_dir, tmp_path, monkeypatch):
    folder = copy_model(tiny_model_dir, tmp_path / "old")
    (folder / ONNX_FILE).unlink()
    monkeypatch.setitem(sys.modules, "sigverify.core.model.export", None)  # a desk build
    with pytest.raises(ModelFileError, match="no ONNX file.*export-onnx"):
        load_for_inference(folder)


PROBE = """
import sys
from pathlib import Path
from sigverify.core.model.inference import load_for_inference
from sigverify.core.store import Store
from sigverify.core.verification import SignatureInput, VerificationService

model_dir, images = Path(sys.argv[1]), sorted(Path(sys.argv[2]).glob("*.png"))
with Store(Path(sys.argv[2]) / "store.sqlite3") as store:
    service = VerificationService(store, load_for_inference(model_dir, threads=1), "probe")
    service.enroll("p", [SignatureInput.from_path(p) for p in images[:5]])
    result = service.verify("p", SignatureInput.from_path(images[5]))
print(result.decision, "torch" in sys.modules, "onnxruntime" in sys.modules)
"""


def test_enrolling_and_verifying_import_no_torch(tiny_model_dir, tmp_path):
    for i in range(6):
        signature_file(tmp_path, 4, i)
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(tiny_model_dir), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    decision, torch_loaded, onnx_loaded = done.stdout.split()
    assert decision in ("accept", "review", "reject")
    assert (torch_loaded, onnx_loaded) == ("False", "True")


def test_only_the_pen_models_idle_threads_sleep_instead_of_spinning(
    tiny_model_dir, tiny_pen_model_dir
):
    def spinning(folder) -> str:
        options = load_onnx_model(folder, threads=2).session.get_session_options()
        try:
            return options.get_session_config_entry("session.intra_op.allow_spinning")
        except RuntimeError:  # not set: onnxruntime's default, spinning
            return "default"

    assert spinning(tiny_pen_model_dir) == "0"  # its one-query runs sit between other work
    assert spinning(tiny_model_dir) == "default"  # batch embedding keeps its speed
