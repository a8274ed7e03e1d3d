"""Turning preprocessed signatures into embeddings with an encoder."""

from __future__ import annotations

import copy
from collections.abc import Callable

import numpy as np
import torch
from torch import nn
from torch.nn.utils.fusion import fuse_conv_bn_eval, fuse_linear_bn_eval

from sigverify.core.encoders import Encoder


def fused_for_inference(encoder: nn.Module) -> nn.Module:
    """An eval-mode copy of ``encoder`` in which every batch norm that directly follows a
    convolution or linear layer (inside an ``nn.Sequential``) is folded into that layer.
    Same outputs to float precision; with channels-last input (:func:`embed_inputs`) the
    default CNN embeds one image about twice as fast on a CPU (measured: 12.9 -> 6.5 ms).
    The original stays trainable; this copy is for inference only."""
    fused = copy.deepcopy(encoder).eval()
    for module in fused.modules():
        if not isinstance(module, nn.Sequential):
            continue
        for i in range(len(module) - 1):
            layer, norm = module[i], module[i + 1]
            if isinstance(layer, (nn.Conv1d, nn.Conv2d)) and isinstance(
                norm, (nn.BatchNorm1d, nn.BatchNorm2d)
            ):
                module[i], module[i + 1] = fuse_conv_bn_eval(layer, norm), nn.Identity()
            elif isinstance(layer, nn.Linear) and isinstance(norm, nn.BatchNorm1d):
                module[i], module[i + 1] = fuse_linear_bn_eval(layer, norm), nn.Identity()
    fused.requires_grad_(False)
    return fused.to(memory_format=torch.channels_last)


def images_to_tensor(images: np.ndarray) -> torch.Tensor:
    """uint8 ``(N, H, W)`` (ink bright) -> float ``(N, 1, H, W)`` in [0, 1]."""
    return torch.from_numpy(np.ascontiguousarray(images)).float().div_(255.0).unsqueeze(1)


def encoder_input(encoder: Encoder | nn.Module, inputs: np.ndarray) -> torch.Tensor:
    """What ``encoder`` reads: preprocessed images uint8 ``(N, H, W)`` -> float
    ``(N, 1, H, W)`` in [0, 1], channels last; for a pen encoder (``input_kind``
    "trajectory"), pen sequences float32 ``(N, L, F)`` as they are."""
    if getattr(encoder, "input_kind", "image") == "trajectory":
        return torch.from_numpy(np.ascontiguousarray(inputs, dtype=np.float32))
    return images_to_tensor(inputs).contiguous(memory_format=torch.channels_last)


@torch.no_grad()
def embed_inputs(
    encoder: Encoder | nn.Module,
    inputs: np.ndarray,
    device: torch.device | str = "cpu",
    batch_size: int = 64,
    on_batch: Callable[[], object] | None = None,
) -> np.ndarray:
    """Embeddings ``(N, D)`` float32 of preprocessed images ``(N, H, W)`` uint8, or of pen
    sequences for a pen encoder (:func:`encoder_input`), in eval mode (the encoder's
    previous train/eval mode is restored afterwards); ``on_batch()`` after each batch (a
    training's report: the app's desk runs its verifications there)."""
    was_training = encoder.training
    encoder.eval()
    try:
        chunks = []
        for start in range(0, len(inputs), batch_size):
            batch = encoder_input(encoder, inputs[start : start + batch_size]).to(device)
            chunks.append(encoder(batch).float().cpu().numpy())
            if on_batch is not None:
                on_batch()
        if not chunks:
            return np.zeros((0, encoder.embedding_dim), np.float32)
        return np.concatenate(chunks).astype(np.float32)
    finally:
        encoder.train(was_training)
