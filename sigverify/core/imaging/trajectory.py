"""Pen trajectories (from a signature pad, or the synthetic generator) as model input."""

from __future__ import annotations

import numpy as np


def trajectory_features(trajectory: np.ndarray, length: int = 256) -> np.ndarray:
    """``trajectory (N, 4)``: x, y (pixels, y down), pressure in [0, 1] (0 = pen up),
    t (seconds) -> float32 ``(length, 4)``: x, y centred on the pen-down centroid and scaled
    by the signature's height, pressure, and the time step in seconds, resampled at
    ``length`` evenly spaced times so every signature is the same length."""
    trajectory = np.asarray(trajectory, dtype=np.float64)
    if trajectory.ndim != 2 or trajectory.shape[1] != 4 or len(trajectory) < 2:
        raise ValueError("a trajectory is an (N >= 2, 4) array of x, y, pressure, t")
    x, y, pressure, t = trajectory.T
    down = pressure > 0
    if not down.any():
        raise ValueError("the trajectory has no pen-down samples")
    scale = max(np.ptp(y[down]), 1e-6)
    x = (x - x[down].mean()) / scale
    y = (y - y[down].mean()) / scale
    t = t - t[0]
    times = np.linspace(0.0, t[-1], length) if t[-1] > 0 else np.linspace(0.0, 1.0, length)
    source_t = t if t[-1] > 0 else np.linspace(0.0, 1.0, len(t))
    resampled = [np.interp(times, source_t, values) for values in (x, y, pressure)]
    dt = np.full(length, times[1] - times[0] if length > 1 else 0.0)
    return np.stack([*resampled, dt], axis=1).astype(np.float32)
