"""A training run's checkpoint, written after every epoch so that ``--resume`` continues
where it stopped: the weights (and their running average, with ``--ema``), the
optimiser's state and both random generators
(``state.safetensors``; no pickles), and where the run stands (``state.json``)."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import torch
from safetensors.torch import load_file, save_file

from sigverify.core.errors import SigverifyError
from sigverify.core.i18n import translate
from sigverify.core.training.averaging import WeightAverage
from sigverify.core.training.config import TrainConfig

#: Settings that may differ between a run and its resumption.
RESUMABLE_CHANGES = {"epochs": 0, "device": "", "threads": 0}


@dataclass
class TrainingState:
    """Where a training run stands after an epoch."""

    history: list[dict] = field(default_factory=list)
    best_eer: float = math.inf
    best_epoch: int = 0
    best_threshold: float | None = None
    since_best: int = 0
    epoch: int = 0  # the last finished epoch


def save_checkpoint(
    folder: Path,
    encoder,
    optimizer,
    config: TrainConfig,
    state: TrainingState,
    rng: np.random.Generator,
    head: torch.nn.Module | None = None,
    average: WeightAverage | None = None,
) -> None:
    """``head``: trainable weights of the loss (a classifier's), saved beside the model's;
    ``average``: the running average of the weights."""
    folder.mkdir(parents=True, exist_ok=True)
    tensors = {f"model.{k}": v.detach().cpu().contiguous() for k, v in encoder.state_dict().items()}
    if head is not None:
        tensors.update(
            {f"head.{k}": v.detach().cpu().contiguous() for k, v in head.state_dict().items()}
        )
    if average is not None:
        tensors.update(
            {
                f"average.{k}": v.detach().cpu().contiguous()
                for k, v in average.model.state_dict().items()
            }
        )
    optim = optimizer.state_dict()
    for pid, values in optim["state"].items():
        for name, value in values.items():
            tensors[f"optim.{pid}.{name}"] = torch.as_tensor(value).detach().cpu().contiguous()
    tensors["rng.torch"] = torch.get_rng_state()
    save_file(tensors, str(folder / "state.safetensors.tmp"))
    (folder / "state.safetensors.tmp").replace(folder / "state.safetensors")
    values = {
        "config": config.to_dict(),
        "epoch": state.epoch,
        "history": state.history,
        "best_eer": state.best_eer,
        "best_epoch": state.best_epoch,
        "best_threshold": state.best_threshold,
        "since_best": state.since_best,
        "average_updates": None if average is None else average.updates,
        "numpy_rng": rng.bit_generator.state,
        "param_groups": optim["param_groups"],
    }
    (folder / "state.json.tmp").write_text(json.dumps(values, indent=1), encoding="utf-8")
    (folder / "state.json.tmp").replace(folder / "state.json")


def load_checkpoint(
    folder: Path,
    config: TrainConfig,
    encoder,
    optimizer,
    rng: np.random.Generator,
    head: torch.nn.Module | None = None,
    average: WeightAverage | None = None,
) -> TrainingState | None:
    """Restore ``encoder``, ``optimizer`` and the generators from ``folder``'s checkpoint
    and say where the run stood; None when there is none. A checkpoint made with other
    settings (beyond :data:`RESUMABLE_CHANGES`) is refused."""
    if not (folder / "state.json").is_file():
        return None
    values = json.loads((folder / "state.json").read_text(encoding="utf-8"))
    saved = TrainConfig.from_dict(values["config"])
    if {**saved.to_dict(), **RESUMABLE_CHANGES} != {**config.to_dict(), **RESUMABLE_CHANGES}:
        raise SigverifyError(
            translate(
                "errors",
                "The checkpoint in this folder was made with other settings; "
                "use the same settings to resume, or a new folder.",
            )
        )
    tensors = load_file(str(folder / "state.safetensors"))
    encoder.load_state_dict({k[6:]: v for k, v in tensors.items() if k.startswith("model.")})
    if head is not None:
        head.load_state_dict({k[5:]: v for k, v in tensors.items() if k.startswith("head.")})
    if average is not None:
        average.model.load_state_dict(
            {k[8:]: v for k, v in tensors.items() if k.startswith("average.")}
        )
        average.updates = values["average_updates"]
    optim_state: dict[int, dict] = {}
    for key, value in tensors.items():
        if key.startswith("optim."):
            _, pid, name = key.split(".", 2)
            optim_state.setdefault(int(pid), {})[name] = value
    optimizer.load_state_dict({"state": optim_state, "param_groups": values["param_groups"]})
    torch.set_rng_state(tensors["rng.torch"])
    rng.bit_generator.state = values["numpy_rng"]
    return TrainingState(
        history=values["history"],
        best_eer=values["best_eer"],
        best_epoch=values["best_epoch"],
        best_threshold=values["best_threshold"],
        since_best=values["since_best"],
        epoch=values["epoch"],
    )
