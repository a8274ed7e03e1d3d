"""Encoder registry (timm / torchvision style).

    @register_encoder("cnn")
    class SignatureCNN(Encoder): ...

    model = create_encoder("cnn", embedding_dim=128)
    list_encoders()  # ["cnn", "ensemble", "tdnn"]

Every encoder maps its input to an L2-normalised embedding ``(B, embedding_dim)`` and
splits ``forward`` into ``forward_features`` and ``forward_head``. ``config`` holds the
keyword arguments that rebuild it (written to the model card). A trained encoder may also
whiten its embeddings (:meth:`Encoder.set_whitening`, :mod:`sigverify.core.training.whitening`);
its config then says ``"whitened": true`` and its weights hold the matrix.
"""

from __future__ import annotations

import torch
from torch import nn

from sigverify.core.encoders.base import _REGISTRY, Encoder, register_encoder


def create_encoder(name: str, **config) -> Encoder:
    if name not in _REGISTRY:
        raise ValueError(f"unknown encoder {name!r}; available: {list_encoders()}")
    whitened = config.pop("whitened", False)
    encoder = _REGISTRY[name](**config)
    if whitened:  # a placeholder: the matrix comes with the weights
        encoder.set_whitening(torch.eye(encoder.embedding_dim))
    return encoder


def list_encoders() -> list[str]:
    return sorted(_REGISTRY)


def count_parameters(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters())


# Importing the modules registers their encoders.
from sigverify.core.encoders import cnn, ensemble, tdnn  # noqa: E402, F401

__all__ = ["Encoder", "count_parameters", "create_encoder", "list_encoders", "register_encoder"]
