"""Training-time augmentation suited to signatures: small rotation, scale, shear and
shift (torchvision), thicker or thinner strokes, and uneven ink. The background stays
exactly 0, as preprocessing makes it at inference time."""

from __future__ import annotations

import torch
import torch.nn.functional as F
from torchvision.transforms import v2


class SignatureAugmenter:
    """``strength`` 0 (off) .. 1 (default amounts). Works on float batches
    ``(B, 1, H, W)`` in [0, 1]; each sample gets its own random draw."""

    def __init__(self, strength: float = 1.0):
        self.strength = float(strength)
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
        if self.strength <= 0:
            return batch
        out = torch.stack([self.affine(image) for image in batch])
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
