"""Shared fixtures. Every test gets its own SIGVERIFY_HOME (data, logs), and Qt runs
offscreen so that no test needs a display."""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

import cv2
import numpy as np
import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory, monkeypatch):
    home = tmp_path_factory.mktemp("sigverify-home")
    monkeypatch.setenv("SIGVERIFY_HOME", str(home))
    return home


def draw_signature(paper: float = 245.0, ink: float = 30.0, size=(200, 400)) -> np.ndarray:
    """A hand-made signature-like image: a few thick curves, uint8 (H, W), paper bright."""
    height, width = size
    canvas = np.zeros(size, dtype=np.uint8)
    xs = np.linspace(0.1 * width, 0.85 * width, 60)
    ys = height * (0.5 + 0.2 * np.sin(xs / width * 12))
    points = np.stack([xs, ys], axis=1).astype(np.int32)
    cv2.polylines(canvas, [points], False, 255, 5, cv2.LINE_AA)
    cv2.line(
        canvas,
        (int(0.15 * width), int(0.2 * height)),
        (int(0.2 * width), int(0.8 * height)),
        255,
        5,
    )
    cv2.ellipse(canvas, (int(0.6 * width), int(0.35 * height)), (25, 15), 20, 0, 360, 255, 4)
    alpha = canvas.astype(np.float64) / 255.0
    image = paper * (1 - alpha) + ink * alpha
    return np.clip(np.rint(image), 0, 255).astype(np.uint8)


def write_png(path, pixels: np.ndarray):
    path.parent.mkdir(parents=True, exist_ok=True)
    ok, data = cv2.imencode(".png", pixels)
    assert ok
    path.write_bytes(data.tobytes())
    return path


@pytest.fixture(scope="session")
def tiny_model_dir(tmp_path_factory):
    """A tiny CNN trained for a few steps on synthetic writers (48 x 72 input)."""
    from sigverify.core.data.synthetic import synthetic_bank
    from sigverify.core.imaging.preprocessing import PreprocessConfig
    from sigverify.core.training.config import TrainConfig
    from sigverify.core.training.engine import train_model

    size = PreprocessConfig(height=48, width=72)
    config = TrainConfig(
        encoder="cnn",
        encoder_config={"width": 8, "embedding_dim": 16},
        epochs=4,
        steps_per_epoch=15,
        batch_size=32,
        augment=0.0,
        validation_refs=3,
        preprocess=size.to_dict(),
        threads=2,
        seed=0,
    )
    out = tmp_path_factory.mktemp("models") / "tiny"
    train_model(
        synthetic_bank(range(20), 4, 2, size),
        synthetic_bank(range(900, 906), 4, 2, size),
        config,
        out,
    )
    from sigverify.core.model.export import export_onnx

    export_onnx(out)  # as training does: the app verifies through this file
    return out


@pytest.fixture(scope="session")
def smaller_model_dir(tiny_model_dir, tmp_path_factory):
    """The tiny model's network reading 40 x 60 images (it pools to a fixed grid), named
    "smaller": another model whose prepared images are not the tiny model's size."""
    import shutil

    from sigverify.core.model.card import read_card, write_card
    from sigverify.core.model.export import export_onnx

    copy = tmp_path_factory.mktemp("models") / "smaller"
    shutil.copytree(tiny_model_dir, copy)
    card = read_card(copy)
    card.name = "smaller"
    card.preprocess = {**card.preprocess, "height": 40, "width": 60}
    write_card(card, copy)
    export_onnx(copy)
    return copy


@pytest.fixture(scope="session")
def stroke_model_dir(tiny_model_dir, tmp_path_factory):
    """The tiny model with a stroke check on its card (chosen by hand, not fitted)."""
    import shutil

    from sigverify.core.model.card import read_card, write_card
    from sigverify.core.stroke_match import StrokeCheck

    copy = tmp_path_factory.mktemp("models") / "tiny-strokes"
    shutil.copytree(tiny_model_dir, copy)
    card = read_card(copy)
    card.strokes = StrokeCheck(0.02, 1.5, "by hand").to_dict()
    write_card(card, copy)
    return copy


def tiny_pen_config(**changes):
    """Training settings of a tiny pen model: a tdnn on 64-sample sequences, a few steps."""
    from sigverify.core.training.config import TrainConfig

    values = dict(
        input="pen",
        pen_length=64,
        encoder="tdnn",
        encoder_config={"channels": 16, "embedding_dim": 16, "dilations": (1, 2)},
        loss="triplet",
        epochs=2,
        steps_per_epoch=6,
        batch_size=24,
        augment=1.0,
        validation_refs=3,
        threads=2,
        seed=0,
    )
    return TrainConfig(**{**values, **changes})


@pytest.fixture(scope="session")
def tiny_pen_model_dir(tmp_path_factory):
    """A tiny pen model (tdnn on 64-sample sequences) trained for a few steps on synthetic
    pen recordings, with its ONNX file."""
    from sigverify.core.data.datasets import read_dataset
    from sigverify.core.data.pen_bank import PenBank
    from sigverify.core.model.export import export_onnx
    from sigverify.core.training.engine import train_model

    root = write_pen_dataset(tmp_path_factory.mktemp("pen_data"), range(16), genuine=5, forged=2)
    writers = read_dataset(root).writers
    config = tiny_pen_config(augment=0.5)
    out = tmp_path_factory.mktemp("models") / "pen-tiny"
    train_model(PenBank.from_writers(writers[:12], 64), PenBank.from_writers(writers[12:], 64),
                config, out)  # fmt: skip
    export_onnx(out)
    return out


def signature_file(folder, writer: int, index: int, forged: bool = False):
    """Write synthetic signature ``index`` of ``writer`` (genuine or forged) as a PNG."""
    from sigverify.core.data.synthetic import forged_signature, genuine_signature, writer_style

    make = forged_signature if forged else genuine_signature
    kind = "f" if forged else "g"
    return write_png(
        folder / f"w{writer}_{kind}{index}.png", make(writer_style(writer), index).image
    )


@contextmanager
def enrolled_service(folder, model_dir, operator: str, people: dict[str, tuple[int, str]]):
    """A verification service on a new store in ``folder`` with the model ``model_dir``,
    each of ``people`` (id -> (synthetic writer, name)) enrolled with 4 genuine
    references; the store is closed afterwards."""
    from sigverify.core.model.io import load_model
    from sigverify.core.store import Store
    from sigverify.core.verification import VerificationService
    from sigverify.core.verification_results import SignatureInput

    store = Store(folder / "store.sqlite3")
    service = VerificationService(store, load_model(model_dir), operator=operator)
    for person_id, (writer, name) in people.items():
        refs = [
            SignatureInput.from_path(signature_file(folder / "refs", writer, i)) for i in range(4)
        ]
        service.enroll(person_id, refs, name=name or None, accept_outliers=True)
    try:
        yield service
    finally:
        store.close()


from postgres_server import postgres_server, server_store_url  # noqa: E402, F401


def write_svc2004(path: Path, trajectory: np.ndarray) -> None:
    """A synthetic trajectory as an SVC2004 recording: button 0 where a stroke starts."""
    rows, start = [], True
    for x, y, pressure, t in trajectory:
        if pressure <= 0:
            start = True
            continue
        rows.append(
            f"{x:.0f} {-y:.0f} {1000 * t:.0f} {0 if start else 1} 0 0 {1000 * pressure:.0f}"
        )
        start = False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{len(rows)}\n" + "\n".join(rows) + "\n")


def write_pen_dataset(root: Path, writers, genuine: int, forged: int) -> Path:
    """A folder of synthetic pen recordings in SVC2004's format: ``WW/genuine/UwSi.TXT``
    and ``WW/forged/UwFi.TXT`` for each writer number in ``writers``."""
    from sigverify.core.data.synthetic import forged_signature, genuine_signature, writer_style

    for w in writers:
        style = writer_style(w)
        for i in range(genuine):
            write_svc2004(root / f"{w:02d}" / "genuine" / f"U{w}S{i}.TXT",
                          genuine_signature(style, i).trajectory)  # fmt: skip
        for i in range(forged):
            write_svc2004(root / f"{w:02d}" / "forged" / f"U{w}F{i}.TXT",
                          forged_signature(style, i).trajectory)  # fmt: skip
    return root
