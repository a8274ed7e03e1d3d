"""A "model soup": the weights of two networks of one writer split and one random start
(the same ``--init-seed``, trained for different numbers of epochs) averaged into one
network, its BatchNorm statistics measured again on training images. Writes the soup and
the first network alone as model folders, to be measured side by side with
``bench/embedding_transforms.py`` (validation and test EER, the whitening chosen there).

    python bench/model_soup.py --model A --model B --data DIR [--data ...] --out DIR
                               [--member 0] [--images 3000]

``--model`` may name an ensemble: ``--member`` says which of its networks to take. Measured
on split 0 (2026-12-04): the shipped pair's networks with their 89-epoch twins
(``runs/gpu_ens_s0`` member 0 with ``runs/gpu_long_s0``, member 1 with
``runs/gpu_long_s0_init1``): validation EER (whitened, 5 references) 9.1 / 9.8 -> soup
10.4 %, and 9.1 / 10.1 -> 11.6 %; test 6.6 / 7.6 -> 7.3 % and 6.1 / 7.1 -> 7.3 % at 5
references. Worse than the better network each time: the runs do not stay in one basin.
"""

from __future__ import annotations

import argparse
import copy
import sys
from pathlib import Path

import numpy as np
import torch

from sigverify.core.data.bank import read_bank
from sigverify.core.data.datasets import read_dataset
from sigverify.core.encoders.embedding import encoder_input
from sigverify.core.encoders.ensemble import EnsembleEncoder
from sigverify.core.evaluation.measure import part_writers
from sigverify.core.model.io import load_model, save_model


def network(folder: str, member: int):
    """The plain network of a model folder (an ensemble's ``member``), unwhitened."""
    loaded = load_model(folder)
    encoder = loaded.encoder
    if isinstance(encoder, EnsembleEncoder):
        encoder = encoder.members[member]
    encoder = copy.deepcopy(encoder)
    encoder.set_whitening(None)
    return encoder, loaded.card


def soup_of(a, b, images: np.ndarray):
    """``a`` and ``b`` averaged (floating-point tensors), BatchNorm statistics measured
    again on ``images`` (preprocessed, uint8)."""
    soup = copy.deepcopy(b)
    other = a.state_dict()
    soup.load_state_dict(
        {
            key: (value + other[key]) / 2 if value.dtype.is_floating_point else value
            for key, value in b.state_dict().items()
        }
    )
    for module in soup.modules():
        if isinstance(module, torch.nn.modules.batchnorm._BatchNorm):
            module.reset_running_stats()
            module.momentum = None  # a plain mean over all batches
    soup.train()
    with torch.no_grad():
        for start in range(0, len(images), 64):
            soup(encoder_input(soup, images[start : start + 64]))
    return soup.eval()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", action="append", required=True)
    parser.add_argument("--data", action="append", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--member", type=int, default=0)
    parser.add_argument("--images", type=int, default=3000)
    args = parser.parse_args(argv)
    if len(args.model) != 2:
        parser.error("give two --model")
    torch.set_num_threads(2)
    (a, card), (b, _) = (network(m, args.member) for m in args.model)
    datasets = [read_dataset(d) for d in args.data]
    train = read_bank(part_writers(datasets, card, "train"), card.input, card.preprocess)
    rng = np.random.default_rng(0)
    chosen = np.sort(rng.choice(len(train), size=min(args.images, len(train)), replace=False))
    out = Path(args.out)
    for name, net in (("first", a), ("soup", soup_of(a, b, train.inputs[chosen]))):
        named = copy.deepcopy(card)
        named.name = f"{name}-{Path(args.model[0]).name}"
        save_model(net, named, out / name)
    print(f"Wrote {out / 'first'} and {out / 'soup'}.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
