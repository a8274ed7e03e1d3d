"""Training-time augmentation suited to signatures: small rotation, scale, shear and
shift (torchvision), optionally a smooth elastic warp of the strokes (a writer never signs
twice with the same shape, and a network that memorises exact shapes overfits), thicker or
thinner strokes, and uneven ink. The background stays exactly 0, as preprocessing makes it
at inference time."""

from __future__ import annotations

import torch
import torch.nn.functional as F
from torchvision.transforms import v2


class SignatureAugmenter:
    """``strength`` 0 (off) .. 1 (default amounts). Works on float batches
    ``(B, 1, H, W)`` in [0, 1]; each sample gets its own random draw. ``elastic`` 0 (off)
    .. 1: the largest displacement of the elastic warp, as a fraction of the image height
    (1 -> 3 %, about a stroke's height wobble at 150 px)."""

    def __init__(self, strength: float = 1.0, elastic: float = 0.0):
        self.strength = float(strength)
        self.elastic = float(elastic)
        s = self.strength
        self.affine = v2.RandomAffine(
            degrees=4 * s,
            translate=(0.04 * s, 0.04 * s),
            scale=(1 - 0.1 * s, 1 + 0.1 * s),
            shear=6 * s,
        )

    def __call__(
        self, batch: torch.Tensor, generator: torch.Generator | None = None
    ) -> torch.Tensor:
        out = batch
        if self.strength > 0:
            out = torch.stack([self.affine(image) for image in out])
        if self.elastic > 0:
            out = elastic_warp(out, 0.03 * self.elastic, generator)
        if self.strength <= 0:
            return out
        # Stroke width: a 3x3 max filter thickens, a min filter thins, for some samples.
        choice = torch.rand(len(out), generator=generator)
        thicker = F.max_pool2d(out, 3, stride=1, padding=1)
        thinner = -F.max_pool2d(-out, 3, stride=1, padding=1)
        p = 0.25 * self.strength
        pick = choice[:, None, None, None]
        out = torch.where(pick < p, thicker, torch.where(pick > 1 - p, thinner, out))
        # Uneven ink: multiply ink by smooth noise around 1 (background stays 0).
        noise = torch.rand(len(out), 1, 8, 8, generator=generator) * 0.4 * self.strength
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
    offsets = (torch.rand(b, 2, 4, 6, generator=generator) * 2 - 1) * amplitude
    # grid_sample's coordinates run -1..1 across each side: a displacement of
    # ``amplitude * h`` pixels is ``2 * amplitude`` vertically, ``2 * amplitude * h / w``
    # horizontally.
    offsets[:, 0] *= 2 * h / w
    offsets[:, 1] *= 2
    field = F.interpolate(offsets, size=(h, w), mode="bicubic", align_corners=True)
    ys = torch.linspace(-1, 1, h).view(1, h, 1).expand(b, h, w)
    xs = torch.linspace(-1, 1, w).view(1, 1, w).expand(b, h, w)
    grid = torch.stack([xs + field[:, 0], ys + field[:, 1]], dim=-1)
    warped = F.grid_sample(batch, grid, mode="bilinear", padding_mode="zeros", align_corners=True)
    return warped.clamp(0, 1)
