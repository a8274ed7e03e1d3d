"""A compact CNN of the SigNet lineage (Hafemann et al. 2017).

SigNet: 5 conv layers (96-256-384-384-256 channels) and two 2048-unit dense layers,
15.8M parameters, ~0.6 GMACs at 150 x 220. This keeps its shape (conv/BN/ReLU/pool,
growing channels, spatial layout kept to the end) at a fraction of the size: the
feature map is pooled to a small grid, not flattened whole, so the head stays small.
At the default width (32): ~0.5M parameters and ~0.13 GMACs at 150 x 220.
"""

from __future__ import annotations

import torch
from torch import nn

from sigverify.core.encoders.base import Encoder, register_encoder


def conv_bn_relu(c_in: int, c_out: int, kernel: int = 3, stride: int = 1) -> nn.Sequential:
    return nn.Sequential(
        nn.Conv2d(c_in, c_out, kernel, stride=stride, padding=kernel // 2, bias=False),
        nn.BatchNorm2d(c_out),
        nn.ReLU(inplace=True),
    )


@register_encoder("cnn")
class SignatureCNN(Encoder):
    input_kind = "image"

    def __init__(
        self,
        embedding_dim: int = 128,
        width: int = 32,
        grid: tuple[int, int] = (2, 4),
        dropout: float = 0.1,
    ):
        grid = tuple(grid)
        super().__init__(embedding_dim, width=width, grid=list(grid), dropout=dropout)
        w = width
        self.features = nn.Sequential(
            conv_bn_relu(1, w, kernel=5, stride=2),
            nn.MaxPool2d(2),
            conv_bn_relu(w, 2 * w),
            nn.MaxPool2d(2),
            conv_bn_relu(2 * w, 3 * w),
            conv_bn_relu(3 * w, 3 * w),
            nn.MaxPool2d(2),
            conv_bn_relu(3 * w, 4 * w),
            nn.AdaptiveAvgPool2d(grid),
        )
        self.head = nn.Sequential(
            nn.Flatten(),
            nn.Dropout(dropout),
            nn.Linear(4 * w * grid[0] * grid[1], 2 * embedding_dim),
            nn.BatchNorm1d(2 * embedding_dim),
            nn.ReLU(inplace=True),
            nn.Linear(2 * embedding_dim, embedding_dim),
        )

    def forward_features(self, x: torch.Tensor) -> torch.Tensor:
        return self.features(x)

    def forward_head(self, features: torch.Tensor) -> torch.Tensor:
        return self.head(features)
