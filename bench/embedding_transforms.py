"""Linear maps of a model's embedding, fitted on its training writers, measured on its
validation and test writers: which one should the model apply after its networks?

    python bench/embedding_transforms.py --model MODEL_DIR [--model ...] --data DIR [--data ...]
                                         [--threads 2] [--cache DIR]

For each model (the same recipe on other writer splits), its networks' whitening is dropped
and every signature of its training, validation and test writers embedded once (cached as
``.npz`` in ``--cache``). Each map ``A (D, D)`` turns an embedding ``x`` into
``normalise(x @ A)``, as the model's whitening does:

- ``none``: the networks' joined embedding as it is;
- ``wccn_s``: within-writer whitening with shrinkage ``s`` (0.3 was the models' own until
  training and ``models combine`` chose it on validation, as ``wccn_chosen`` does: the one
  of those with the lowest validation EER);
- ``lda_k``: the whitening with 0.3, then only the ``k`` directions along which the training
  writers' mean signatures differ most (linear discriminant analysis);
- ``forgery_p``: that whitening, then each direction scaled by (its spread of skilled
  forgeries about their writer's genuine mean) ** ``p``, the spread of genuine signatures
  being one there: directions that tell a skilled forgery from its writer count more
  (``p`` = 0.5 is the Mahalanobis form of KISS metric learning's forgery covariance);
- ``kiss``: KISS metric learning (Koestinger et al. 2012) with the same two covariances,
  ``M = Cg^-1 - Cf^-1`` kept positive.

Prints JSON: per model and map, the validation EER at 5 references (what a choice may
use; one draw of the references, as training measures) and the test EER / AUC at 1, 3, 5,
10 references pooled and per data folder at 5 (ten draws pooled); then the mean over the
models.

Measured on the shipped pair's three splits (2026-12-04, one draw of the references then),
test EER at 5 references, mean of the splits: none 8.1 %, wccn 0.3 6.9 %, wccn chosen 6.6 %,
lda 32 / 64 / 128 / 192: 8.6 / 7.6 / 7.1 / 6.8 %, forgery 0.25 / 0.5 / 1: 7.1 / 7.8 / 11.0 %,
kiss 6.8 %.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

from sigverify.core.data.bank import read_bank
from sigverify.core.data.datasets import read_dataset
from sigverify.core.encoders.embedding import embed_inputs
from sigverify.core.evaluation.measure import part_writers
from sigverify.core.evaluation.protocol import evaluate_embeddings
from sigverify.core.model.io import load_model
from sigverify.core.scoring import typical_spread
from sigverify.core.training.whitening import within_writer_whitening

PARTS = ("train", "validation", "test")
SHRINKAGES = (0.0, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0)
DRAWS = 10  # test figures: draws of the references pooled (validation: one, as training)


def embedded(model_dir: Path, datasets, cache: Path) -> dict:
    """Per part: embeddings without whitening, writer index, genuine flag, writer ids."""
    path = cache / (model_dir.resolve().as_posix().strip("/").replace("/", "_") + ".npz")
    if path.exists():
        saved = np.load(path, allow_pickle=False)
        return {
            part: {
                "x": saved[f"{part}_x"],
                "writer": saved[f"{part}_writer"],
                "genuine": saved[f"{part}_genuine"],
                "ids": [str(i) for i in saved[f"{part}_ids"]],
            }
            for part in PARTS
        }
    model = load_model(model_dir)
    encoder, card = model.encoder, model.card
    encoder.set_whitening(None)
    out, arrays = {}, {}
    for part in PARTS:
        bank = read_bank(part_writers(datasets, card, part), card.input, card.preprocess)
        x = embed_inputs(encoder, bank.inputs, model.device)
        out[part] = {
            "x": x,
            "writer": np.asarray(bank.writer),
            "genuine": np.asarray(bank.genuine),
            "ids": list(bank.writer_ids),
        }
        arrays |= {
            f"{part}_x": x,
            f"{part}_writer": out[part]["writer"],
            f"{part}_genuine": out[part]["genuine"],
            f"{part}_ids": np.asarray(out[part]["ids"]),
        }
    cache.mkdir(parents=True, exist_ok=True)
    np.savez(path, **arrays)
    return out


class Part:
    """A WriterBank over embeddings already made (``inputs`` are not needed)."""

    def __init__(self, writer, genuine, ids):
        self.writer, self.genuine, self.writer_ids = writer, genuine, ids

    def __len__(self):
        return len(self.writer)

    @property
    def inputs(self):
        raise AttributeError("embedded already")

    def genuine_of(self, w):
        return np.flatnonzero((self.writer == w) & self.genuine)

    def forged_of(self, w):
        return np.flatnonzero((self.writer == w) & ~self.genuine)


def subset(part: dict, folder: str | None):
    """The part's embeddings and bank, only the writers of ``folder`` (None: all)."""
    keep_ids = [i for i, name in enumerate(part["ids"]) if folder in (None, name.split("/")[0])]
    remap = {old: new for new, old in enumerate(keep_ids)}
    rows = np.isin(part["writer"], keep_ids)
    writer = np.asarray([remap[w] for w in part["writer"][rows]], dtype=np.int64)
    bank = Part(writer, part["genuine"][rows], [part["ids"][i] for i in keep_ids])
    return part["x"][rows], bank


def normalise(x: np.ndarray) -> np.ndarray:
    return x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)


def forgery_covariances(z, writer, genuine):
    """In the space ``z``: the within-writer covariance of genuine signatures and the mean
    outer product of skilled forgeries' offsets from their writer's genuine mean."""
    offsets, forged = [], []
    for w in np.unique(writer):
        own = z[(writer == w) & genuine]
        fakes = z[(writer == w) & ~genuine]
        if len(own) < 2:
            continue
        mean = own.mean(axis=0)
        offsets.append(own - mean)
        if len(fakes):
            forged.append(fakes - mean)
    g = np.concatenate(offsets)
    f = np.concatenate(forged)
    return g.T @ g / len(g), f.T @ f / len(f)


def maps(train: dict) -> dict[str, np.ndarray]:
    x, writer, genuine = train["x"].astype(np.float64), train["writer"], train["genuine"]
    dim = x.shape[1]
    out = {"none": np.eye(dim)}
    for s in SHRINKAGES:
        out[f"wccn_{s}"] = within_writer_whitening(x[genuine], writer[genuine], s)
    w = out["wccn_0.3"].astype(np.float64)
    z = x @ w
    means = np.stack([z[(writer == k) & genuine].mean(axis=0) for k in np.unique(writer[genuine])])
    means -= means.mean(axis=0)
    values, vectors = np.linalg.eigh(means.T @ means)
    order = np.argsort(values)[::-1]
    for k in (32, 64, 128, 192):
        top = vectors[:, order[:k]]
        out[f"lda_{k}"] = w @ top @ top.T
    cg, cf = forgery_covariances(z, writer, genuine)
    # directions ranked by forgery spread over genuine spread: Cf v = l Cg v
    lg, vg = np.linalg.eigh(cg)
    root = vg / np.sqrt(np.maximum(lg, 1e-12 * lg.max()))  # Cg^-1/2
    lf, vf = np.linalg.eigh(root.T @ cf @ root)
    basis = root @ vf  # columns: generalised eigenvectors, Cg-orthonormal
    for p in (0.25, 0.5, 1.0):
        out[f"forgery_{p}"] = w @ basis * (np.maximum(lf, 1e-12) ** p)
    kiss = np.sqrt(np.maximum(1.0 - 1.0 / np.maximum(lf, 1e-12), 0.0))
    out["kiss"] = w @ basis * kiss
    return {name: np.asarray(a, dtype=np.float64) for name, a in out.items()}


def measure(emb: dict, a: np.ndarray, distance: str, folders: list[str]) -> dict:
    def mapped(part, folder=None):
        x, bank = subset(emb[part], folder)
        return normalise(x.astype(np.float64) @ a).astype(np.float32), bank

    vx, vbank = mapped("validation")
    spread = typical_spread(vx[vbank.genuine], vbank.writer[vbank.genuine], distance)
    val = evaluate_embeddings(vx, vbank, [5], distance, reference_spread=spread)
    tx, tbank = mapped("test")
    test = evaluate_embeddings(
        tx, tbank, [1, 3, 5, 10], distance, reference_spread=spread, draws=DRAWS
    )
    row = {
        "validation_eer": val.per_refs[5].eer,
        "test_eer": {n: m.eer for n, m in test.per_refs.items()},
        "test_auc": {n: m.auc for n, m in test.per_refs.items()},
        "test_eer_per_folder_5": {},
    }
    for folder in folders:
        fx, fbank = mapped("test", folder)
        report = evaluate_embeddings(fx, fbank, [5], distance, reference_spread=spread, draws=DRAWS)
        if 5 in report.per_refs:
            row["test_eer_per_folder_5"][folder] = report.per_refs[5].eer
    return row


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", action="append", required=True)
    parser.add_argument("--data", action="append", required=True)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--cache", default="runs/embedding_cache")
    args = parser.parse_args(argv)
    import torch

    torch.set_num_threads(args.threads)
    datasets = [read_dataset(d) for d in args.data]
    folders = [d.root.name for d in datasets]
    results = {}
    for model_dir in map(Path, args.model):
        emb = embedded(model_dir, datasets, Path(args.cache))
        distance = load_model(model_dir).card.distance
        rows = {name: measure(emb, a, distance, folders) for name, a in maps(emb["train"]).items()}
        # the shrinkage this model's validation writers choose (the first of equals)
        chosen = min(SHRINKAGES, key=lambda s: rows[f"wccn_{s}"]["validation_eer"])
        rows["wccn_chosen"] = rows[f"wccn_{chosen}"] | {"shrinkage": chosen}
        results[str(model_dir)] = rows
        print(f"{model_dir}: done", file=sys.stderr, flush=True)
    names = next(iter(results.values())).keys()
    mean = {}
    for name in names:
        rows = [r[name] for r in results.values()]
        mean[name] = {
            "validation_eer": float(np.mean([r["validation_eer"] for r in rows])),
            "test_eer": {
                n: float(np.mean([r["test_eer"][n] for r in rows])) for n in rows[0]["test_eer"]
            },
            "test_auc_5": float(np.mean([r["test_auc"][5] for r in rows])),
            "test_eer_per_folder_5": {
                f: float(np.mean([r["test_eer_per_folder_5"][f] for r in rows]))
                for f in rows[0]["test_eer_per_folder_5"]
            },
        }
    print(json.dumps({"mean_over_models": mean, "per_model": results}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
