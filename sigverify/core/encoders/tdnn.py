"""A time-delay neural network (TDNN) encoder, after Bromley et al. 1993.

The signature is read as a sequence along time:

- ``input_kind="image"``: the image ``(B, 1, H, W)`` is read left to right as a sequence
  of columns. A small 2-D stem turns each group of columns into a feature vector
  (height folded into channels), giving ``(B, C, W')``.
- ``input_kind="trajectory"``: a pen recording as ``(B, T, F)`` per-sample features
  (:func:`sigverify.core.data.pen_bank.pen_sequence`: position, velocity, direction,
  curvature, pressure, pen-up, progress; resampled to a common length), via a 1-D stem that
  halves the time resolution, ``(B, C, T/2)``.

The same body follows: stacked time-delay (dilated 1-D) convolutions with residual
connections, then statistics pooling over time (mean and standard deviation), then the
embedding head.
"""

from __future__ import annotations

import torch
from torch import nn

from sigverify.core.encoders.base import Encoder, register_encoder
from sigverify.core.encoders.cnn import conv_bn_relu

#: Features per pen sample (:data:`sigverify.core.data.pen_bank.SEQUENCE_FEATURES`).
TRAJECTORY_CHANNELS = 11


class TimeDelayBlock(nn.Module):
    def __init__(self, channels: int, dilation: int, kernel: int = 3):
        super().__init__()
        self.conv = nn.Conv1d(
            channels,
            channels,
            kernel,
            dilation=dilation,
            padding=dilation * (kernel // 2),
            bias=False,
        )
        self.norm = nn.BatchNorm1d(channels)
        self.act = nn.ReLU(inplace=True)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x + self.act(self.norm(self.conv(x)))


@register_encoder("tdnn")
class SignatureTDNN(Encoder):
    def __init__(
        self,
        embedding_dim: int = 128,
        channels: int = 128,
        width: int = 24,
        dilations: tuple[int, ...] = (1, 2, 4, 8),
        input_kind: str = "image",
        image_height: int = 150,
        dropout: float = 0.1,
        trajectory_channels: int = TRAJECTORY_CHANNELS,
    ):
        if input_kind not in ("image", "trajectory"):
            raise ValueError("input_kind must be 'image' or 'trajectory'")
        super().__init__(
            embedding_dim,
            channels=channels,
            width=width,
            dilations=list(dilations),
            input_kind=input_kind,
            image_height=image_height,
            dropout=dropout,
            **({"trajectory_channels": trajectory_channels} if input_kind == "trajectory" else {}),
        )
        self.input_kind = input_kind
        if input_kind == "image":
            # Height shrinks by 8 (three stride-2 steps), columns by 4: 150 x 220 -> 19 x 55.
            self.stem2d = nn.Sequential(
                conv_bn_relu(1, width, kernel=5, stride=2),
                conv_bn_relu(width, width, stride=(2, 1)),
                conv_bn_relu(width, 2 * width, stride=2),
                nn.MaxPool2d((2, 1)),
            )
            folded = 2 * width * self._folded_height(image_height)
            self.stem = nn.Sequential(
                nn.Conv1d(folded, channels, 1, bias=False),
                nn.BatchNorm1d(channels),
                nn.ReLU(inplace=True),
            )
        else:
            self.stem2d = None
            self.stem = nn.Sequential(
                nn.Conv1d(trajectory_channels, channels, 5, stride=2, padding=2, bias=False),
                nn.BatchNorm1d(channels),
                nn.ReLU(inplace=True),
            )
        self.body = nn.Sequential(*(TimeDelayBlock(channels, d) for d in dilations))
        self.head = nn.Sequential(
            nn.Dropout(dropout),
            nn.Linear(2 * channels, 2 * embedding_dim),
            nn.BatchNorm1d(2 * embedding_dim),
            nn.ReLU(inplace=True),
            nn.Linear(2 * embedding_dim, embedding_dim),
        )

    @staticmethod
    def _folded_height(height: int) -> int:
        h = (height + 2 * 2 - 5) // 2 + 1  # 5x5 stride 2, padding 2
        h = (h + 2 - 3) // 2 + 1  # 3x3 stride 2
        h = (h + 2 - 3) // 2 + 1
        return h // 2

    def sequence(self, x: torch.Tensor) -> torch.Tensor:
        """The input as a feature sequence ``(B, channels, T)``."""
        if self.input_kind == "image":
            maps = self.stem2d(x)  # (B, C, H', W')
            batch, c, h, w = maps.shape
            return self.stem(maps.reshape(batch, c * h, w))
        return self.stem(x.transpose(1, 2))  # (B, T, F) -> (B, C, T / 2)

    def forward_features(self, x: torch.Tensor) -> torch.Tensor:
        frames = self.body(self.sequence(x))
        return torch.cat([frames.mean(dim=2), frames.std(dim=2)], dim=1)

    def forward_head(self, features: torch.Tensor) -> torch.Tensor:
        return self.head(features)
