"""Deterministic synthetic signatures, so that tests and demos need no real data set.

A *writer* is a seeded style: the path of their strokes (cursive humps and loops,
pen lifts, maybe an underline), slant, proportions, pen width and how fluently they
write. A *genuine* sample redraws that path with small natural variation. A *skilled
forgery* copies the same shape from the outside: larger shape errors, the forger's own
slant and proportions, a slow hand (tremor, even pen pressure, extra pen lifts).

Everything is a function of integer seeds: the same arguments give the same pixels.
Paper tone and scanner noise are drawn from the same distribution for genuine and
forged samples, so the paper says nothing about the label.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

_GENUINE, _FORGED, _RENDER = 1, 2, 3


@dataclass(frozen=True)
class WriterStyle:
    """One synthetic writer. ``strokes``: control points (K, 2) of each pen-down stroke,
    in units where letters span y in [-1, 1]."""

    seed: int
    strokes: tuple[np.ndarray, ...]
    slant: float
    aspect: float
    pen_width: float
    fluency: float


@dataclass(frozen=True)
class SyntheticSignature:
    """``image``: uint8 ``(H, W)``, paper bright, ink dark, as a scan would be.
    ``trajectory``: float32 ``(N, 4)``: x, y (pixels in ``image``), pressure in [0, 1]
    (0 = pen up between strokes), t (seconds since the first point)."""

    image: np.ndarray
    trajectory: np.ndarray
    genuine: bool


def writer_style(seed: int) -> WriterStyle:
    """The style of writer number ``seed``."""
    rng = np.random.default_rng([seed, 0])
    n_letters = int(rng.integers(5, 10))
    xs, ys = [], []
    x = 0.0
    for i in range(n_letters):
        x += rng.uniform(0.5, 1.3)
        up = i % 2 == 0
        y = rng.uniform(0.4, 1.0) * (1 if up else -1)
        if rng.random() < 0.25:  # a loop: go back a little and cross the stroke
            xs += [x, x - rng.uniform(0.3, 0.6)]
            ys += [y, y * rng.uniform(0.2, 0.6)]
        else:
            xs.append(x)
            ys.append(y)
    points = np.stack([xs, ys], axis=1)
    # Capital letter: a tall first stroke, often lifted from the rest.
    capital = np.array([[0.0, -1.0], [0.2, 1.8], [0.5, 0.2], [0.1, -0.2]]) + rng.normal(
        0, 0.1, (4, 2)
    )
    strokes = [capital, points] if rng.random() < 0.6 else [np.vstack([capital, points])]
    # Pen lifts inside the name.
    if len(points) > 6 and rng.random() < 0.5:
        cut = int(rng.integers(3, len(points) - 3))
        strokes = strokes[:-1] + [strokes[-1][:cut], strokes[-1][cut:]]
    if rng.random() < 0.4:  # underline flourish
        end = points[-1, 0]
        strokes.append(
            np.array([[0.2, -1.6], [end * 0.5, -1.8 + rng.normal(0, 0.1)], [end + 0.4, -1.4]])
        )
    return WriterStyle(
        seed=seed,
        strokes=tuple(strokes),
        slant=float(rng.uniform(-0.15, 0.45)),
        aspect=float(rng.uniform(0.8, 1.25)),
        pen_width=float(rng.uniform(1.6, 3.6)),
        fluency=float(rng.uniform(0.5, 1.0)),
    )


def genuine_signature(style: WriterStyle, index: int, height: int = 180) -> SyntheticSignature:
    """Genuine sample ``index`` of the writer: their path with small natural variation."""
    rng = np.random.default_rng([style.seed, _GENUINE, index])
    strokes = [s + rng.normal(0, 0.035, s.shape) for s in style.strokes]
    return _draw(
        strokes,
        rng,
        slant=style.slant + rng.normal(0, 0.03),
        aspect=style.aspect * rng.normal(1, 0.03),
        pen_width=style.pen_width * rng.normal(1, 0.06),
        fluency=style.fluency,
        tremor=0.0,
        speed=1.0,
        height=height,
        render_seed=[style.seed, _GENUINE, index, _RENDER],
        genuine=True,
    )


def forged_signature(style: WriterStyle, index: int, height: int = 180) -> SyntheticSignature:
    """Skilled forgery ``index`` of the writer: same shape, a forger's slow hand."""
    rng = np.random.default_rng([style.seed, _FORGED, index])
    forger = np.random.default_rng([style.seed, _FORGED, index // 4, 99])  # 4 tries per forger
    drift = forger.normal(0, 0.08, (1, 2))
    strokes = [s + drift + rng.normal(0, 0.09, s.shape) for s in style.strokes]
    if rng.random() < 0.5:  # the forger lifts the pen to check the model
        longest = max(range(len(strokes)), key=lambda i: len(strokes[i]))
        if len(strokes[longest]) > 4:
            cut = len(strokes[longest]) // 2
            s = strokes.pop(longest)
            strokes[longest:longest] = [s[: cut + 1], s[cut:]]
    return _draw(
        strokes,
        rng,
        slant=style.slant + forger.choice([-1, 1]) * forger.uniform(0.06, 0.18),
        aspect=style.aspect * forger.uniform(0.85, 1.15),
        pen_width=style.pen_width * forger.uniform(0.75, 1.35),
        fluency=0.15,
        tremor=forger.uniform(0.012, 0.03),
        speed=forger.uniform(0.35, 0.6),
        height=height,
        render_seed=[style.seed, _FORGED, index, _RENDER],
        genuine=False,
    )


def _catmull_rom(points: np.ndarray, samples_per_segment: int = 16) -> np.ndarray:
    """Smooth curve through ``points (K, 2)``; returns ``(M, 2)``."""
    if len(points) < 2:
        return points.copy()
    padded = np.vstack([2 * points[0] - points[1], points, 2 * points[-1] - points[-2]])
    t = np.linspace(0, 1, samples_per_segment, endpoint=False)[:, None]
    out = []
    for i in range(1, len(padded) - 2):
        p0, p1, p2, p3 = padded[i - 1], padded[i], padded[i + 1], padded[i + 2]
        out.append(
            0.5
            * (
                2 * p1
                + (-p0 + p2) * t
                + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t**2
                + (-p0 + 3 * p1 - 3 * p2 + p3) * t**3
            )
        )
    out.append(points[-1:])
    return np.vstack(out)


def _draw(
    strokes,
    rng,
    *,
    slant,
    aspect,
    pen_width,
    fluency,
    tremor,
    speed,
    height,
    render_seed,
    genuine,
) -> SyntheticSignature:
    angle = rng.normal(0, 0.03)
    transform = np.array([[aspect, slant], [0.0, 1.0]]) @ np.array(
        [[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]]
    )
    curves = []
    for control in strokes:
        curve = _catmull_rom(np.asarray(control, dtype=np.float64))
        if tremor > 0:
            wobble = rng.normal(0, tremor, curve.shape)
            curve = curve + cv2.GaussianBlur(wobble, (1, 5), 0)
        curves.append(curve @ transform.T)

    unit = height / 5.0  # letters span about 2 units of the 5-unit-high page
    all_points = np.vstack(curves)
    low = all_points.min(axis=0)
    high = all_points.max(axis=0)
    margin = unit * rng.uniform(0.4, 0.9)
    width = int((high[0] - low[0]) * unit + 2 * margin)
    page_h = int((high[1] - low[1]) * unit + 2 * margin)

    render = np.random.default_rng(render_seed)
    scale = 2  # draw at double size, then shrink: anti-aliased, fractional pen widths
    canvas = np.zeros((page_h * scale, width * scale), dtype=np.float32)
    rows = []
    clock = 0.0
    for curve in curves:
        pixels = (curve - low) * unit + margin
        pixels[:, 1] = page_h - pixels[:, 1]  # y up -> image rows down
        steps = np.linalg.norm(np.diff(pixels, axis=0), axis=1)
        # Fluent writers speed up on long straight runs; the pen thins when fast.
        speed_px = speed * 400.0 * (1 + fluency * np.tanh(steps / 4.0))
        pressure = np.clip(1.0 - 0.5 * fluency * np.tanh(steps / 6.0), 0.3, 1.0)
        pressure = np.concatenate([[pressure[0] if len(pressure) else 1.0], pressure])
        dts = np.concatenate([[0.0], steps / np.maximum(speed_px, 1e-6)])
        points = np.rint(pixels * scale).astype(np.int64).tolist()
        thickness = (
            np.maximum(1, np.rint(pen_width * scale * (0.6 + 0.4 * pressure))).astype(int).tolist()
        )
        for i in range(1, len(points)):
            cv2.line(canvas, points[i - 1], points[i], 1.0, thickness[i], cv2.LINE_AA)
        times = clock + np.cumsum(dts)
        rows.append(np.column_stack([pixels, pressure, times]))
        clock = times[-1] + render.uniform(0.1, 0.3)  # pen in the air
        rows.append(np.array([[pixels[-1, 0], pixels[-1, 1], 0.0, clock - 0.05]]))
    trajectory = np.vstack(rows[:-1]).astype(np.float32)

    ink = cv2.resize(canvas, (width, page_h), interpolation=cv2.INTER_AREA)
    paper = render.uniform(225, 252)
    ink_tone = render.uniform(20, 90)
    light = np.linspace(0, render.uniform(-12, 12), width)[None, :]  # uneven scanner light
    image = paper + light - np.clip(ink, 0, 1) * (paper - ink_tone)
    image += render.normal(0, 2.5, image.shape)
    return SyntheticSignature(
        image=np.clip(np.rint(image), 0, 255).astype(np.uint8),
        trajectory=trajectory,
        genuine=genuine,
    )


def write_synthetic_dataset(
    root: str | Path,
    writers: int = 12,
    genuine: int = 8,
    forged: int = 8,
    seed: int = 0,
) -> Path:
    """Write a data folder in the project's own layout, ``ROOT/<writer>/genuine/*.png`` and
    ``ROOT/<writer>/forged/*.png``, with writers ``seed .. seed + writers - 1``."""
    root = Path(root)
    for number in range(seed, seed + writers):
        style = writer_style(number)
        folder = root / f"writer{number:03d}"
        (folder / "genuine").mkdir(parents=True, exist_ok=True)
        (folder / "forged").mkdir(parents=True, exist_ok=True)
        for i in range(genuine):
            _write_png(folder / "genuine" / f"g{i + 1:02d}.png", genuine_signature(style, i).image)
        for i in range(forged):
            _write_png(folder / "forged" / f"f{i + 1:02d}.png", forged_signature(style, i).image)
    return root


def synthetic_bank(
    writers: range | list[int],
    genuine: int = 5,
    forged: int = 3,
    config=None,
    height: int = 180,
):
    """A :class:`~sigverify.core.data.bank.SignatureBank` of synthetic writers, preprocessed
    with ``config``, built in memory (no files): for tests, demos and benchmarks."""
    from sigverify.core.data.bank import SignatureBank
    from sigverify.core.imaging.preprocessing import PreprocessConfig, preprocess_signature

    config = config or PreprocessConfig()
    images, writer_index, is_genuine = [], [], []
    for index, number in enumerate(writers):
        style = writer_style(number)
        samples = [genuine_signature(style, i, height) for i in range(genuine)]
        samples += [forged_signature(style, i, height) for i in range(forged)]
        for sample in samples:
            images.append(preprocess_signature(sample.image, config))
            writer_index.append(index)
            is_genuine.append(sample.genuine)
    return SignatureBank(
        images=np.stack(images),
        writer=np.asarray(writer_index, dtype=np.int64),
        genuine=np.asarray(is_genuine, dtype=bool),
        writer_ids=[f"writer{number:03d}" for number in writers],
    )


def _write_png(path: Path, pixels: np.ndarray) -> None:
    ok, encoded = cv2.imencode(".png", pixels)
    if not ok:  # pragma: no cover - OpenCV always encodes uint8 greyscale PNG
        raise OSError(f"could not encode {path.name}")
    path.write_bytes(encoded.tobytes())
