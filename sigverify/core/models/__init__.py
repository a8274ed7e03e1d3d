"""Encoder registry (timm / torchvision style).

    @register_encoder("cnn")
    class SignatureCNN(Encoder): ...

    model = create_encoder("cnn", embedding_dim=128)
    list_encoders()  # ["cnn", "tdnn"]

Every encoder maps its input to an L2-normalised embedding ``(B, embedding_dim)`` and
splits ``forward`` into ``forward_features`` and ``forward_head``. ``config`` holds the
keyword arguments that rebuild it (written to the model card).
"""

from __future__ import annotations

from collections.abc import Callable

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

    def forward_features(self, x: torch.Tensor) -> torch.Tensor:
        raise NotImplementedError

    def forward_head(self, features: torch.Tensor) -> torch.Tensor:
        raise NotImplementedError

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return F.normalize(self.forward_head(self.forward_features(x)), dim=-1)


def register_encoder(name: str) -> Callable[[type[Encoder]], type[Encoder]]:
    def decorator(cls: type[Encoder]) -> type[Encoder]:
        if name in _REGISTRY:
            raise ValueError(f"encoder {name!r} is already registered")
        cls.name = name
        _REGISTRY[name] = cls
        return cls

    return decorator


def create_encoder(name: str, **config) -> Encoder:
    if name not in _REGISTRY:
        raise ValueError(f"unknown encoder {name!r}; available: {list_encoders()}")
    return _REGISTRY[name](**config)


def list_encoders() -> list[str]:
    return sorted(_REGISTRY)


def count_parameters(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters())


# Importing the modules registers their encoders.
from sigverify.core.models import cnn, tdnn  # noqa: E402, F401
