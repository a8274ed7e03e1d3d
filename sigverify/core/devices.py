"""Choosing where torch runs: ``auto`` = the CUDA GPU when there is one, else the CPU."""

from __future__ import annotations

import torch

from sigverify.core.errors import DeviceError


def resolve_device(name: str = "auto") -> torch.device:
    """``"auto"``, ``"cpu"``, ``"cuda"`` or ``"cuda:N"`` -> a usable :class:`torch.device`."""
    name = (name or "auto").strip().lower()
    if name == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    if name == "cpu":
        return torch.device("cpu")
    if name.startswith("cuda") or name == "gpu":
        if not torch.cuda.is_available():
            raise DeviceError(
                "No CUDA GPU is available on this computer; use --device cpu or auto."
            )
        device = torch.device("cuda" if name == "gpu" else name)
        if device.index is not None and device.index >= torch.cuda.device_count():
            raise DeviceError(f"There is no GPU number {device.index} on this computer.")
        return device
    raise DeviceError(f"Unknown device “{name}”: use auto, cpu or cuda.")
