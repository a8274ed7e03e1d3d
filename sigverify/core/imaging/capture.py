"""What a camera makes of a scanned signature: for measuring (bench/accuracy.py) and
testing how preprocessing copes with phone photos. Pure functions, seeded by the caller.

- :func:`photographed`: the same page photographed flat (scale, a small turn, tinted paper
  under uneven light, fainter ink, soft focus, sensor noise, JPEG).
- :func:`photographed_slip`: the page as a slip of paper lying on a darker desk, taken at
  an angle: the slip's edges, the desk around it, a tilt and perspective, often a shadow
  across it, then the same camera effects.
"""

from __future__ import annotations

import cv2
import numpy as np


def _camera(image: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """float32 ``(H, W)`` scene -> uint8 photo: soft focus, sensor noise, JPEG."""
    image = cv2.GaussianBlur(image.astype(np.float32), (0, 0), rng.uniform(0.5, 1.3))
    image += rng.normal(0, 3.0, image.shape).astype(np.float32)
    image = np.clip(np.rint(image), 0, 255).astype(np.uint8)
    quality = int(rng.integers(50, 81))
    _, jpeg = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, quality])
    return cv2.imdecode(jpeg, cv2.IMREAD_GRAYSCALE)


def _light_ramp(height: int, width: int, rng: np.random.Generator, strength) -> np.ndarray:
    angle = rng.uniform(0, 2 * np.pi)
    ys, xs = np.mgrid[0:height, 0:width].astype(np.float32)
    ramp = (np.cos(angle) * xs / width + np.sin(angle) * ys / height) - 0.5
    return 1.0 + np.float32(rng.uniform(*strength)) * ramp


def photographed(grey: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """``grey (H, W)`` uint8 scan -> a phone photo of the same page, uint8."""
    scale = rng.uniform(0.7, 1.3)
    height, width = grey.shape
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    image = cv2.resize(grey, size, interpolation=cv2.INTER_AREA if scale < 1 else cv2.INTER_CUBIC)
    height, width = image.shape
    turn = cv2.getRotationMatrix2D((width / 2, height / 2), rng.uniform(-4, 4), 1.0)
    image = cv2.warpAffine(image, turn, (width, height), borderMode=cv2.BORDER_REPLICATE)
    darkness = 1.0 - image.astype(np.float32) / 255.0  # 0 on white paper, 1 on black ink
    paper, ink_strength = rng.uniform(160, 235), rng.uniform(0.55, 0.95)
    light = _light_ramp(height, width, rng, (0.1, 0.35))
    return _camera(paper * light * (1.0 - ink_strength * darkness), rng)


def photographed_slip(grey: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """``grey (H, W)`` uint8 scan -> a phone photo of it as a slip of paper on a desk, uint8:
    the slip (the scan with some more paper around it) turned by up to 12 degrees, its
    corners moved by up to 5 % (perspective), on a desk 60-150 grey levels darker than
    the paper that fills a border of 12-30 % around it; a shadow across part of the photo
    one time in two; uneven light, fainter ink, then the camera."""
    height, width = grey.shape
    pad = int(round(rng.uniform(0.03, 0.12) * max(height, width)))
    paper_grey = int(np.percentile(grey, 90))  # more of the same paper around the scan
    slip = cv2.copyMakeBorder(grey, pad, pad, pad, pad, cv2.BORDER_CONSTANT, value=paper_grey)
    slip_darkness = 1.0 - slip.astype(np.float32) / 255.0
    sh, sw = slip.shape
    border = rng.uniform(0.12, 0.30)
    out_w, out_h = int(round(sw * (1 + 2 * border))), int(round(sh * (1 + 2 * border)))

    corners = np.float32([[0, 0], [sw, 0], [sw, sh], [0, sh]])
    angle = np.deg2rad(rng.uniform(-12, 12))
    rotation = np.float32([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
    placed = (corners - [sw / 2, sh / 2]) @ rotation.T + [out_w / 2, out_h / 2]
    placed += rng.uniform(-0.05, 0.05, placed.shape) * [sw, sh]
    warp = cv2.getPerspectiveTransform(corners, placed.astype(np.float32))
    darkness = cv2.warpPerspective(slip_darkness, warp, (out_w, out_h))
    on_slip = cv2.warpPerspective(np.ones((sh, sw), np.float32), warp, (out_w, out_h))

    paper, ink_strength = rng.uniform(170, 240), rng.uniform(0.55, 0.95)
    desk_level = paper - rng.uniform(60, 150)
    texture = cv2.resize(rng.normal(0, 1, (8, 8)).astype(np.float32), (out_w, out_h))
    desk = desk_level * (1 + 0.08 * texture)
    scene = on_slip * paper * (1.0 - ink_strength * darkness) + (1 - on_slip) * desk
    scene *= _light_ramp(out_h, out_w, rng, (0.1, 0.3))
    if rng.random() < 0.5:  # a hand's or a phone's shadow with a soft edge
        ys, xs = np.mgrid[0:out_h, 0:out_w].astype(np.float32)
        theta = rng.uniform(0, 2 * np.pi)
        offset = rng.uniform(0.15, 0.4) * max(out_w, out_h)
        side = np.cos(theta) * (xs - out_w / 2) + np.sin(theta) * (ys - out_h / 2) - offset
        edge = np.clip(0.5 + side / (0.04 * max(out_w, out_h)), 0, 1)
        scene *= 1.0 - np.float32(rng.uniform(0.2, 0.45)) * edge
    return _camera(scene, rng)
