"""Turning preprocessed signatures into embeddings with an encoder."""

from __future__ import annotations

import numpy as np
import torch

from sigverify.core.models import Encoder


def images_to_tensor(images: np.ndarray) -> torch.Tensor:
    """uint8 ``(N, H, W)`` (ink bright) -> float ``(N, 1, H, W)`` in [0, 1]."""
    return torch.from_numpy(np.ascontiguousarray(images)).float().div_(255.0).unsqueeze(1)


@torch.no_grad()
def embed_images(
    encoder: Encoder, images: np.ndarray, device: torch.device | str = "cpu", batch_size: int = 64
) -> np.ndarray:
    """Embeddings ``(N, D)`` float32 of preprocessed images ``(N, H, W)`` uint8 (eval mode;
    the encoder's previous train/eval mode is restored afterwards)."""
    was_training = encoder.training
    encoder.eval()
    try:
        chunks = []
        for start in range(0, len(images), batch_size):
            batch = images_to_tensor(images[start : start + batch_size]).to(device)
            chunks.append(encoder(batch).float().cpu().numpy())
        if not chunks:
            return np.zeros((0, encoder.embedding_dim), np.float32)
        return np.concatenate(chunks).astype(np.float32)
    finally:
        encoder.train(was_training)
