"""Speed on this machine, as JSON: verifying one query against 5 references end to end
(read the file, preprocess, embed, compare) through ONNX Runtime (what the app uses) and
through torch, embedding throughput, memory, model size, import and model-ready times and
memory in a fresh process, and the same verification with a SigNet-sized network (Hafemann
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
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import torch
from PIL import Image
from torch import nn

from sigverify.core.data.synthetic import genuine_signature, writer_style
from sigverify.core.encoders import count_parameters, create_encoder
from sigverify.core.encoders.embedding import embed_inputs, fused_for_inference
from sigverify.core.imaging.imageio import load_image
from sigverify.core.imaging.preprocessing import PreprocessConfig, preprocess_signature
from sigverify.core.memory import peak_rss_mb
from sigverify.core.model.card import ModelCard
from sigverify.core.model.io import load_model, save_model
from sigverify.core.scoring import pairwise_distances, score_queries
from sigverify.core.stroke_match import (
    InkMap,
    StrokeCheck,
    mismatches,
    mismatches_among,
    stroke_check,
)


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
    embed,
    config: PreprocessConfig,
    query: Path,
    references: list[Path],
    runs: int,
    check: StrokeCheck | None = None,
) -> dict:
    """Per run: read + preprocess the 5 references and embed them as one batch (as enrolment
    does), then read + preprocess + embed the query and score it (as verification does,
    with the card's stroke check ``check`` when it has one: the references' ink maps from
    their prepared images, which verification keeps, and the query's).
    ``embed``: preprocessed images ``(N, H, W)`` -> embeddings (torch or ONNX Runtime)."""
    times, reference_times = [], []
    stages = {name: [] for name in STAGES}
    ref_images = [preprocess_signature(load_image(p).pixels, config) for p in references]
    ref_embeddings = embed(np.stack(ref_images))
    for i in range(runs + 3):
        start = time.perf_counter()
        refs = np.stack([preprocess_signature(load_image(p).pixels, config) for p in references])
        embed(refs)
        middle = time.perf_counter()
        grey = load_image(query).pixels
        read = time.perf_counter()
        pixels = preprocess_signature(grey, config)
        prepared = time.perf_counter()
        q = embed(pixels[None])
        embedded = time.perf_counter()
        among = pairwise_distances(ref_embeddings, ref_embeddings, "euclidean")
        score_queries(pairwise_distances(q, ref_embeddings, "euclidean"), among, 0.1)
        if check is not None:
            maps = [InkMap.of(image) for image in ref_images]
            check.term(mismatches([InkMap.of(pixels)], maps), mismatches_among(maps))
        end = time.perf_counter()
        if i >= 3:  # warm-up runs are dropped
            reference_times.append(middle - start)
            times.append(end - middle)
            for name, seconds in zip(
                STAGES,
                (read - middle, prepared - read, embedded - prepared, end - embedded),
                strict=True,
            ):
                stages[name].append(seconds)
    return {
        "p50": percentile_ms(times, 50),
        "p95": percentile_ms(times, 95),
        "enrol_5_refs_p50": percentile_ms(reference_times, 50),
        "stages_p50": {name: percentile_ms(values, 50) for name, values in stages.items()},
    }


#: The parts of a verification timed apart (medians): reading the query file, preparing
#: it, embedding it, and scoring it against the references.
STAGES = ("read", "preprocess", "embed", "score")


def ratio_without_preprocessing(ours: dict, theirs: dict) -> float:
    """The ratio to the SigNet-sized pipeline if preparing an image cost nothing (both
    pipelines prepare the same image alike): the lowest any preprocessing could bring it."""
    rest = [
        sum(t["stages_p50"][name] for name in STAGES if name != "preprocess")
        for t in (ours, theirs)
    ]
    return round(rest[0] / rest[1], 3)


def throughput(embed, config: PreprocessConfig, batch: int = 64, rounds: int = 5) -> float:
    images = np.random.default_rng(0).integers(
        0, 255, (batch, config.height, config.width), dtype=np.uint8
    )
    embed(images)
    start = time.perf_counter()
    for _ in range(rounds):
        embed(images)
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


READY = """
import sys, time
start = time.perf_counter()
{code}
import numpy
size = (1, model.preprocess.height, model.preprocess.width)
model.embed(numpy.zeros(size, "uint8"))
elapsed = time.perf_counter() - start
from sigverify.core.memory import peak_rss_mb
print(elapsed, peak_rss_mb())
"""


def ready(code: str) -> dict:
    """A fresh interpreter: imports, loads the model and embeds one image (what the app's
    worker does before the first verification); seconds and peak RSS."""
    out = subprocess.run(
        [sys.executable, "-c", READY.format(code=code)], capture_output=True, text=True, check=True
    ).stdout.split()
    return {"s": round(float(out[0]), 2), "rss_mb": round(float(out[1]), 1)}


def onnx_embed(module, height: int, width: int, path: Path, threads: int):
    """``module`` exported to ONNX and run by ONNX Runtime, as an ``embed`` function."""
    import onnxruntime

    from sigverify.core.model.export import export_module

    export_module(module, torch.rand(2, 1, height, width), path)
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads
    session = onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    name = session.get_inputs()[0].name

    def embed(images: np.ndarray) -> np.ndarray:
        return session.run(None, {name: images[:, None].astype(np.float32) / np.float32(255)})[0]

    return embed


ROOT = Path(__file__).resolve().parents[1]


def bundle_sizes() -> dict:
    """MB on disk of each built one-folder app in dist/ (scripts/build_app.py)."""
    sizes = {}
    for folder in sorted((ROOT / "dist").glob("sigverify-*")):
        files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
        sizes[folder.name] = round(sum(p.stat().st_size for p in files) / 2**20, 1)
    return sizes


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

        threads = torch.get_num_threads()
        signet_net = SigNetReference().eval()
        signet = fused_for_inference(signet_net)  # the same inference treatment as ours
        signet_config = PreprocessConfig(height=150, width=220)
        config = model.preprocess
        runtimes = {
            "torch": (
                lambda x: embed_inputs(model.inference_encoder, x),
                lambda x: embed_inputs(signet, x),
            ),
            "onnx": (
                onnx_embed(
                    model.inference_encoder,
                    config.height,
                    config.width,
                    scratch / "o.onnx",
                    threads,
                ),
                onnx_embed(signet, 150, 220, scratch / "signet.onnx", threads),
            ),
        }
        timed = {}
        for runtime, (embed, signet_embed) in runtimes.items():
            ours = time_verification(
                embed, config, query, references, args.runs, stroke_check(model.card)
            )
            theirs = time_verification(signet_embed, signet_config, query, references, args.runs)
            timed[runtime] = {
                "verify_p50_ms": ours["p50"],
                "verify_p95_ms": ours["p95"],
                "enrol_5_refs_p50_ms": ours["enrol_5_refs_p50"],
                "signet_ref_verify_p50_ms": theirs["p50"],
                "signet_ref_verify_p95_ms": theirs["p95"],
                "ratio_vs_signet": round(ours["p50"] / theirs["p50"], 3),
                "stages_p50_ms": ours["stages_p50"],
                "signet_ref_stages_p50_ms": theirs["stages_p50"],
                "ratio_vs_signet_without_preprocessing": ratio_without_preprocessing(ours, theirs),
                "embed_images_per_s": throughput(embed, config),
                "signet_ref_embed_images_per_s": throughput(signet_embed, signet_config),
            }
        # the app's way: ONNX Runtime (the model card's ONNX file, exported when missing)
        onnx_ready = ready(
            "from sigverify.core.model.inference import load_for_inference\n"
            f"model = load_for_inference({str(model_dir)!r}, threads={threads})"
        )
        torch_ready = ready(
            "import torch\nfrom sigverify.core.model.io import load_model\n"
            f"torch.set_num_threads({threads})\nmodel = load_model({str(model_dir)!r})"
        )

        result = {
            "model": model.card.name,
            "input": [model.preprocess.height, model.preprocess.width],
            "threads": threads,
            **timed["onnx"],  # what the app uses
            "torch": timed["torch"],
            "model_ready_s": onnx_ready["s"],
            "model_ready_rss_mb": onnx_ready["rss_mb"],
            "torch_model_ready_s": torch_ready["s"],
            "torch_model_ready_rss_mb": torch_ready["rss_mb"],
            "params": count_parameters(model.encoder),
            "signet_ref_params": count_parameters(signet_net),
            "model_mb": round((model_dir / "model.safetensors").stat().st_size / 1e6, 2),
            "model_load_s": round(load_s, 3),
            # the service (what the window waits for; no torch), the ONNX loader the worker
            # imports, and torch's model code (training only)
            "import_s": import_seconds("sigverify.core.verification"),
            "import_onnx_runtime_s": import_seconds("sigverify.core.model.inference"),
            "import_torch_model_code_s": import_seconds("sigverify.core.model.io"),
            "peak_rss_mb": peak_rss_mb(),
            "runs": args.runs,
            "bundle_mb": bundle_sizes(),  # empty when nothing was built
        }
    json.dump(result, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
