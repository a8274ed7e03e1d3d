"""Superimposing two preprocessed signatures for a side-by-side check."""

from __future__ import annotations

import numpy as np


def overlay_images(query: np.ndarray, reference: np.ndarray) -> np.ndarray:
    """Two preprocessed signatures (``H x W`` uint8, ink high, paper 0, same size) ->
    ``H x W x 3`` RGB on white: the query's ink in red, the reference's in blue, and where
    both have ink, dark (black where both are full strength)."""
    if query.shape != reference.shape:
        raise ValueError(f"sizes differ: {query.shape} and {reference.shape}")
    q = query.astype(np.int32)
    r = reference.astype(np.int32)
    rgb = np.stack([255 - r, 255 - np.maximum(q, r), 255 - q], axis=-1)
    return rgb.astype(np.uint8)
