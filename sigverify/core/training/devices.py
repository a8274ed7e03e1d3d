"""Choosing where torch runs: ``auto`` = the CUDA GPU when there is one, else the CPU."""

from __future__ import annotations

import torch

from sigverify.core.errors import DeviceError
from sigverify.core.i18n import translate


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
                translate(
                    "errors", "No CUDA GPU is available on this computer; use --device cpu or auto."
                )
            )
        device = torch.device("cuda" if name == "gpu" else name)
        if device.index is not None and device.index >= torch.cuda.device_count():
            raise DeviceError(
                translate("errors", "There is no GPU number {index} on this computer.").format(
                    index=device.index
                )
            )
        return device
    raise DeviceError(
        translate("errors", "Unknown device “{name}”: use auto, cpu or cuda.").format(name=name)
    )
