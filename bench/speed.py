"""Speed on this machine, as JSON: verifying one query against 5 references end to end
(read the file, preprocess, embed, compare), embedding throughput, memory, model size,
import and load times, and the same verification with a SigNet-sized network (Hafemann
et al. 2017 architecture, random weights, 150 x 220 input) on the same pipeline, so the
ratio holds across machines. Both networks get the same inference treatment (batch norms
folded into the layers before them, channels-last input: ``fused_for_inference``).

    python bench/speed.py [--model MODEL_DIR] [--runs 60] [--threads N]

Without --model, a randomly initialised default ``cnn`` at 150 x 220 is timed (speed does not
depend on the weights). Run it on a quiet machine: another torch process on the same cores
slows both many times over.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import torch
from PIL import Image
from torch import nn

from sigverify.core.embedding import embed_images, fused_for_inference
from sigverify.core.imageio import load_image
from sigverify.core.model_card import ModelCard
from sigverify.core.modelio import load_model, save_model
from sigverify.core.models import count_parameters, create_encoder
from sigverify.core.preprocessing import PreprocessConfig, preprocess_signature
from sigverify.core.scoring import pairwise_distances, score_queries
from sigverify.core.synthetic import genuine_signature, writer_style


class SigNetReference(nn.Module):
    """SigNet's layers (Hafemann, Sabourin, Oliveira 2017): 15.8M parameters at 150 x 220."""

    def __init__(self):
        super().__init__()

        def conv(c_in, c_out, kernel, stride=1, padding=0):
            return [
                nn.Conv2d(c_in, c_out, kernel, stride, padding, bias=False),
                nn.BatchNorm2d(c_out),
                nn.ReLU(),
            ]

        self.features = nn.Sequential(
            *conv(1, 96, 11, stride=4),
            nn.MaxPool2d(3, 2),
            *conv(96, 256, 5, padding=2),
            nn.MaxPool2d(3, 2),
            *conv(256, 384, 3, padding=1),
            *conv(384, 384, 3, padding=1),
            *conv(384, 256, 3, padding=1),
            nn.MaxPool2d(3, 2),
        )
        self.head = nn.Sequential(
            nn.Flatten(),
            nn.Linear(256 * 3 * 5, 2048, bias=False),
            nn.BatchNorm1d(2048),
            nn.ReLU(),
            nn.Linear(2048, 2048, bias=False),
            nn.BatchNorm1d(2048),
            nn.ReLU(),
        )
        self.embedding_dim = 2048

    def forward(self, x):
        return nn.functional.normalize(self.head(self.features(x)), dim=-1)


def percentile_ms(values: list[float], q: float) -> float:
    return round(float(np.percentile(np.asarray(values) * 1000, q)), 2)


def time_verification(
    encoder, config: PreprocessConfig, query: Path, references: list[Path], runs: int
) -> dict:
    """Per run: read + preprocess the 5 references and embed them as one batch (as enrolment
    does), then read + preprocess + embed the query and score it (as verification does)."""
    times, reference_times = [], []
    ref_images = [preprocess_signature(load_image(p).pixels, config) for p in references]
    ref_embeddings = embed_images(encoder, np.stack(ref_images))
    for i in range(runs + 3):
        start = time.perf_counter()
        refs = np.stack([preprocess_signature(load_image(p).pixels, config) for p in references])
        embed_images(encoder, refs)
        middle = time.perf_counter()
        pixels = preprocess_signature(load_image(query).pixels, config)
        q = embed_images(encoder, pixels[None])
        among = pairwise_distances(ref_embeddings, ref_embeddings, "euclidean")
        score_queries(pairwise_distances(q, ref_embeddings, "euclidean"), among, 0.1)
        end = time.perf_counter()
        if i >= 3:  # warm-up runs are dropped
            reference_times.append(middle - start)
            times.append(end - middle)
    return {
        "p50": percentile_ms(times, 50),
        "p95": percentile_ms(times, 95),
        "enrol_5_refs_p50": percentile_ms(reference_times, 50),
    }


def throughput(encoder, config: PreprocessConfig, batch: int = 64, rounds: int = 5) -> float:
    images = np.random.default_rng(0).integers(
        0, 255, (batch, config.height, config.width), dtype=np.uint8
    )
    embed_images(encoder, images)
    start = time.perf_counter()
    for _ in range(rounds):
        embed_images(encoder, images)
    return round(batch * rounds / (time.perf_counter() - start), 1)


def import_seconds(module: str) -> float:
    """Seconds to import ``module`` in a fresh interpreter."""
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    return round(
        float(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            ).stdout
        ),
        2,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None)
    parser.add_argument("--runs", type=int, default=60)
    parser.add_argument("--threads", type=int, default=None)
    args = parser.parse_args()
    if args.threads:
        torch.set_num_threads(args.threads)

    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        model_dir = Path(args.model) if args.model else None
        if model_dir is None:
            torch.manual_seed(0)
            model_dir = save_model(
                create_encoder("cnn"),
                ModelCard(
                    name="random-cnn",
                    encoder="cnn",
                    encoder_config={},
                    preprocess=PreprocessConfig().to_dict(),
                ),
                scratch / "random-cnn",
            )
        start = time.perf_counter()
        model = load_model(model_dir)
        load_s = time.perf_counter() - start

        style = writer_style(3)
        files = []
        for i in range(6):  # scan-sized synthetic signatures written as PNG files
            path = scratch / f"s{i}.png"
            Image.fromarray(genuine_signature(style, i, height=300).image).save(path)
            files.append(path)
        query, references = files[0], files[1:]

        ours = time_verification(
            model.inference_encoder, model.preprocess, query, references, args.runs
        )
        signet_net = SigNetReference().eval()
        signet = fused_for_inference(signet_net)  # the same inference treatment as ours
        signet_config = PreprocessConfig(height=150, width=220)
        theirs = time_verification(signet, signet_config, query, references, args.runs)

        result = {
            "model": model.card.name,
            "input": [model.preprocess.height, model.preprocess.width],
            "threads": torch.get_num_threads(),
            "verify_p50_ms": ours["p50"],
            "verify_p95_ms": ours["p95"],
            "enrol_5_refs_p50_ms": ours["enrol_5_refs_p50"],
            "signet_ref_verify_p50_ms": theirs["p50"],
            "signet_ref_verify_p95_ms": theirs["p95"],
            "ratio_vs_signet": round(ours["p50"] / theirs["p50"], 3),
            "embed_images_per_s": throughput(model.inference_encoder, model.preprocess),
            "signet_ref_embed_images_per_s": throughput(signet, signet_config),
            "params": count_parameters(model.encoder),
            "signet_ref_params": count_parameters(signet_net),
            "model_mb": round((model_dir / "model.safetensors").stat().st_size / 1e6, 2),
            "model_load_s": round(load_s, 3),
            # the service (what the window waits for; no torch) and the model code (torch,
            # imported by the worker before the model loads)
            "import_s": import_seconds("sigverify.core.verification"),
            "import_model_code_s": import_seconds("sigverify.core.modelio"),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "runs": args.runs,
        }
    json.dump(result, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
