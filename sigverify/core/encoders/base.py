"""The encoder base class and the registry its subclasses join (``@register_encoder``)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

_REGISTRY: dict[str, Callable[..., Encoder]] = {}


class Encoder(nn.Module):
    """Base class. Subclasses set ``input_kind`` ("image": ``(B, 1, H, W)`` floats in
    [0, 1], ink bright; "trajectory": ``(B, T, 4)`` pen samples) and implement
    ``forward_features`` and ``forward_head``."""

    name: str = ""
    input_kind: str = "image"

    def __init__(self, embedding_dim: int, **config):
        super().__init__()
        self.embedding_dim = embedding_dim
        self.config = {"embedding_dim": embedding_dim, **config}
        # (D, D), applied after normalisation; None (and not in the weights) until set.
        self.register_buffer("whitening", None)

    def forward_features(self, x: torch.Tensor) -> torch.Tensor:
        raise NotImplementedError

    def forward_head(self, features: torch.Tensor) -> torch.Tensor:
        raise NotImplementedError

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        embedding = F.normalize(self.forward_head(self.forward_features(x)), dim=-1)
        if self.whitening is None:
            return embedding
        return F.normalize(embedding @ self.whitening, dim=-1)

    def set_whitening(self, matrix: np.ndarray | torch.Tensor | None) -> None:
        """Whiten the embeddings by ``matrix (D, D)`` from now on (None: stop)."""
        if matrix is None:
            self.whitening = None
            self.config.pop("whitened", None)
            return
        matrix = torch.as_tensor(matrix, dtype=torch.float32)
        if matrix.shape != (self.embedding_dim, self.embedding_dim):
            raise ValueError(f"whitening must be {self.embedding_dim} x {self.embedding_dim}")
        device = next(self.parameters()).device
        self.whitening = matrix.to(device)
        self.config["whitened"] = True


def register_encoder(name: str) -> Callable[[type[Encoder]], type[Encoder]]:
    def decorator(cls: type[Encoder]) -> type[Encoder]:
        if name in _REGISTRY:
            raise ValueError(f"encoder {name!r} is already registered")
        cls.name = name
        _REGISTRY[name] = cls
        return cls

    return decorator
