"""Several trained encoders read the same input; the embedding is theirs joined.

Each member's unit-length embedding is divided by its own decision threshold (its
validation writers' EER distance) before joining, so a member whose distances run larger
does not outvote the others: with the euclidean distance the joined distance is then
``sqrt(sum (d_i / t_i)^2)``, each member counting alike at its own threshold. The joined
vector has the same length for every input, so normalising it (as every encoder does)
only rescales all distances alike. Built from trained models by
:func:`sigverify.core.training.combine.combine_models`, never trained as a whole.
"""

from __future__ import annotations

import torch
from torch import nn

from sigverify.core.encoders.base import Encoder, register_encoder


@register_encoder("ensemble")
class EnsembleEncoder(Encoder):
    def __init__(self, members: list[dict], weights: list[float], embedding_dim: int = 0):
        if len(members) < 2 or len(weights) != len(members):
            raise ValueError("an ensemble needs two or more members, one weight each")
        from sigverify.core.encoders import create_encoder

        if any(member["encoder"] == self.name for member in members):
            raise ValueError("an ensemble cannot hold another ensemble")
        built = [create_encoder(m["encoder"], **dict(m["config"])) for m in members]
        kinds = {encoder.input_kind for encoder in built}
        if len(kinds) != 1:
            raise ValueError("ensemble members must read the same kind of input")
        dim = sum(encoder.embedding_dim for encoder in built)
        if embedding_dim not in (0, dim):
            raise ValueError(f"an ensemble of these members embeds into {dim} dimensions")
        super().__init__(
            dim,
            members=[{"encoder": e.name, "config": dict(e.config)} for e in built],
            weights=[float(w) for w in weights],
        )
        self.input_kind = kinds.pop()
        self.members = nn.ModuleList(built)
        self.weights = [float(w) for w in weights]

    def forward_features(self, x: torch.Tensor) -> torch.Tensor:
        return torch.cat([m(x) * self.weights[i] for i, m in enumerate(self.members)], dim=1)

    def forward_head(self, features: torch.Tensor) -> torch.Tensor:
        return features

    def set_whitening(self, matrix) -> None:
        """As for one encoder; stopping (None) also stops each member's own whitening, so
        that fine-tuning the ensemble starts from its networks."""
        super().set_whitening(matrix)
        if matrix is None:
            for member, entry in zip(self.members, self.config["members"], strict=True):
                member.set_whitening(None)
                entry["config"] = dict(member.config)
