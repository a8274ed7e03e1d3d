"""Training-time augmentation suited to signatures: small rotation, scale, shear and
shift, optionally a smooth elastic warp of the strokes (a writer never signs twice with the
same shape, and a network that memorises exact shapes overfits), thicker or thinner
strokes, and uneven ink. The background stays exactly 0, as preprocessing makes it at
inference time. Also the flips that make turned writers (``--turned-writers``). Torch
alone: the full build carries no torchvision."""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch
import torch.nn.functional as F


@dataclass(frozen=True)
class AffineRanges:
    """The random affine's ranges: rotation and x-shear within ``±degrees`` / ``±shear``
    degrees, a shift within ``±translate`` of each side (whole pixels), a scale in
    ``1 ± scale``."""

    degrees: float
    translate: float
    scale: float
    shear: float

    def draw(self, height: int, width: int) -> tuple[float, tuple[int, int], float, float]:
        """``(angle, (tx, ty), scale, shear)`` from torch's global random stream, drawn in
        torchvision's order and arithmetic (``v2.RandomAffine``), so a seed gives the
        augmentations, and the models, that training gave when it used torchvision."""

        def uniform(low: float, high: float) -> float:
            return torch.empty(1).uniform_(low, high).item()

        angle = uniform(-self.degrees, self.degrees)
        max_dx, max_dy = float(self.translate * width), float(self.translate * height)
        shift = (int(round(uniform(-max_dx, max_dx))), int(round(uniform(-max_dy, max_dy))))
        scale = uniform(1 - self.scale, 1 + self.scale)
        shear = uniform(-self.shear, self.shear)
        return angle, shift, scale, shear


def affine(
    image: torch.Tensor, angle: float, shift: tuple[int, int], scale: float, shear: float
) -> torch.Tensor:
    """``image (C, H, W)`` float turned clockwise (on screen) by ``angle`` degrees, scaled,
    x-sheared by ``shear`` degrees about its centre and shifted by ``shift`` (x, y) pixels;
    nearest-neighbour sampling, 0 outside. (torchvision's ``affine`` on a tensor, the same
    arithmetic.)"""
    return affine_batch(image[None], [(angle, shift, scale, shear)])[0]


def affine_batch(
    images: torch.Tensor, params: list[tuple[float, tuple[int, int], float, float]]
) -> torch.Tensor:
    """:func:`affine` of each image of ``images (B, C, H, W)`` with its own
    ``(angle, shift, scale, shear)``, in one sampling pass (one GPU launch, not B)."""
    height, width = images.shape[-2:]
    like = {"dtype": images.dtype, "device": images.device}
    inverses = []
    for angle, shift, scale, shear in params:
        rot, sx = math.radians(angle), math.radians(shear)
        # The rotate-scale-shear matrix [[a, b], [c, d]] / scale, and its inverse (the grid
        # maps each output pixel back to where it is read from).
        a, c = math.cos(rot), math.sin(rot)
        b = -(a * math.tan(sx) + math.sin(rot))
        d = math.cos(rot) - c * math.tan(sx)
        tx, ty = float(shift[0]), float(shift[1])
        inverse = [d / scale, -b / scale, 0.0, -c / scale, a / scale, 0.0]
        inverse[2] += 0.0 - inverse[0] * tx - inverse[1] * ty
        inverse[5] += 0.0 - inverse[3] * tx - inverse[4] * ty
        inverses.append(inverse)
    theta = torch.tensor(inverses, **like).reshape(-1, 2, 3)
    # Pixel centres measured from the image centre, mapped, then scaled to -1..1.
    base = torch.empty(1, height, width, 3, **like)
    base[..., 0].copy_(torch.linspace((1.0 - width) * 0.5, (width - 1.0) * 0.5, width, **like))
    base[..., 1].copy_(
        torch.linspace((1.0 - height) * 0.5, (height - 1.0) * 0.5, height, **like).unsqueeze_(-1)
    )
    base[..., 2].fill_(1)
    halves = torch.tensor([0.5 * width, 0.5 * height], **like)
    count = len(inverses)
    grid = (
        base.view(1, height * width, 3)
        .expand(count, -1, -1)
        .bmm(theta.transpose(1, 2).div_(halves))
    )
    return F.grid_sample(
        images,
        grid.view(count, height, width, 2),
        mode="nearest",
        padding_mode="zeros",
        align_corners=False,
    )


class SignatureAugmenter:
    """``strength`` 0 (off) .. 1 (default amounts). Works on float batches
    ``(B, 1, H, W)`` in [0, 1], on the CPU or the GPU (random draws always on the CPU, so a
    seed gives the same augmentations on either); each sample gets its own random draw.
    ``elastic`` 0 (off) .. 1: the largest displacement of the elastic warp, as a fraction
    of the image height (1 -> 3 %, about a stroke's height wobble at 150 px)."""

    def __init__(self, strength: float = 1.0, elastic: float = 0.0):
        self.strength = float(strength)
        self.elastic = float(elastic)
        s = self.strength
        self.affine = AffineRanges(degrees=4 * s, translate=0.04 * s, scale=0.1 * s, shear=6 * s)

    def __call__(
        self, batch: torch.Tensor, generator: torch.Generator | None = None
    ) -> torch.Tensor:
        out = batch
        if self.strength > 0:
            height, width = out.shape[-2:]
            draws = [self.affine.draw(height, width) for _ in range(len(out))]
            out = affine_batch(out, draws)
        if self.elastic > 0:
            out = elastic_warp(out, 0.03 * self.elastic, generator)
        if self.strength <= 0:
            return out
        # Stroke width: a 3x3 max filter thickens, a min filter thins, for some samples.
        choice = torch.rand(len(out), generator=generator).to(out.device)
        thicker = F.max_pool2d(out, 3, stride=1, padding=1)
        thinner = -F.max_pool2d(-out, 3, stride=1, padding=1)
        p = 0.25 * self.strength
        pick = choice[:, None, None, None]
        out = torch.where(pick < p, thicker, torch.where(pick > 1 - p, thinner, out))
        # Uneven ink: multiply ink by smooth noise around 1 (background stays 0).
        noise = torch.rand(len(out), 1, 8, 8, generator=generator).to(out.device)
        noise = noise * 0.4 * self.strength
        noise = F.interpolate(noise, size=out.shape[-2:], mode="bilinear", align_corners=False)
        return (out * (1 - noise)).clamp(0, 1)


def elastic_warp(
    batch: torch.Tensor, amplitude: float, generator: torch.Generator | None = None
) -> torch.Tensor:
    """Warp each image of ``(B, 1, H, W)`` by its own smooth random displacement field:
    a 4 x 6 grid of uniform offsets within ``amplitude`` (a fraction of the image height in
    both directions) upsampled bicubically, so strokes bend and stretch locally but stay
    connected. Zero background stays zero (sampling outside the image reads zeros)."""
    b, _, h, w = batch.shape
    offsets = torch.rand(b, 2, 4, 6, generator=generator).to(batch.device)
    offsets = (offsets * 2 - 1) * amplitude
    # grid_sample's coordinates run -1..1 across each side: a displacement of
    # ``amplitude * h`` pixels is ``2 * amplitude`` vertically, ``2 * amplitude * h / w``
    # horizontally.
    offsets[:, 0] *= 2 * h / w
    offsets[:, 1] *= 2
    field = F.interpolate(offsets, size=(h, w), mode="bicubic", align_corners=True)
    ys = torch.linspace(-1, 1, h, device=batch.device).view(1, h, 1).expand(b, h, w)
    xs = torch.linspace(-1, 1, w, device=batch.device).view(1, 1, w).expand(b, h, w)
    grid = torch.stack([xs + field[:, 0], ys + field[:, 1]], dim=-1)
    warped = F.grid_sample(batch, grid, mode="bilinear", padding_mode="zeros", align_corners=True)
    return warped.clamp(0, 1)


def turned_over(images: torch.Tensor, turn: torch.Tensor) -> torch.Tensor:
    """``images (B, C, H, W)``, each turned over as ``turn (B,)`` says (indices into
    :data:`~sigverify.core.training.sampling.TURNS`: bit 1 mirrors left to right, bit 2
    turns upside down)."""
    mirrored = (turn & 1).bool()[:, None, None, None]
    images = torch.where(mirrored, images.flip(-1), images)
    upside_down = (turn & 2).bool()[:, None, None, None]
    return torch.where(upside_down, images.flip(-2), images)
