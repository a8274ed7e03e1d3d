"""An exponential moving average of the encoder's weights during training (``--ema``):
the average, not the last step's weights, is what is validated, kept and shipped. It
smooths the epoch-to-epoch noise of the weights that a small batch and a high learning
rate leave (Polyak averaging; the "model EMA" of image classification recipes)."""

from __future__ import annotations

import copy

import torch


class WeightAverage:
    """``model``: a copy of the encoder whose weights (and batch-norm statistics) follow
    the trained one's: after each step ``average += (1 - decay) * (weights - average)``.
    The decay starts low and rises to ``decay`` over the first steps, so the random
    starting weights are soon forgotten."""

    def __init__(self, encoder: torch.nn.Module, decay: float):
        self.decay = decay
        self.updates = 0
        self.model = copy.deepcopy(encoder).eval()
        for parameter in self.model.parameters():
            parameter.requires_grad_(False)

    def current_decay(self) -> float:
        return min(self.decay, (1 + self.updates) / (10 + self.updates))

    @torch.no_grad()
    def update(self, encoder: torch.nn.Module) -> None:
        self.updates += 1
        decay = self.current_decay()
        trained = encoder.state_dict()
        for name, value in self.model.state_dict().items():
            if value.dtype.is_floating_point:
                value.lerp_(trained[name].to(value.dtype), 1 - decay)
            else:  # counters (batch norm's num_batches_tracked)
                value.copy_(trained[name])
