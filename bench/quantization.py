"""Dynamic int8 quantisation of a model's ONNX file, against the float model, as JSON:
embedding time per image (one thread), file size, and how far the embeddings move.

    python bench/quantization.py [--model models/default] [--runs 30]

ONNX Runtime's dynamic quantisation, two ways: every op it can (the default: Conv becomes
ConvInteger) and Conv/MatMul/Gemm with unsigned 8-bit weights. The app keeps the float
model unless this shows both faster and with embeddings that do not move (decisions on the
test writers then need ``bench/accuracy.py`` with the quantised file).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import onnxruntime
from onnxruntime.quantization import QuantType, quantize_dynamic
from onnxruntime.quantization.shape_inference import quant_pre_process

from sigverify.core.model.card import read_card
from sigverify.core.model.onnx import ONNX_FILE


def session(path: Path):
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    options.log_severity_level = 3
    return onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


def ms_per_image(run, one: np.ndarray, runs: int) -> float:
    run(one)
    start = time.perf_counter()
    for _ in range(runs):
        run(one)
    return round((time.perf_counter() - start) / runs * 1000, 2)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="models/default")
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    folder = Path(args.model)
    card = read_card(folder)
    height, width = card.preprocess["height"], card.preprocess["width"]
    # sparse bright strokes on black, like a preprocessed signature
    images = (np.random.default_rng(0).random((16, 1, height, width)) > 0.92).astype(np.float32)
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        prepared = scratch / "prepared.onnx"
        quant_pre_process(str(folder / ONNX_FILE), str(prepared), skip_symbolic_shape=True)
        variants = {"float": folder / ONNX_FILE}
        variants["int8_all_ops"] = scratch / "all.onnx"
        quantize_dynamic(str(prepared), str(variants["int8_all_ops"]), weight_type=QuantType.QInt8)
        variants["uint8_conv_matmul"] = scratch / "conv.onnx"
        quantize_dynamic(
            str(prepared),
            str(variants["uint8_conv_matmul"]),
            weight_type=QuantType.QUInt8,
            op_types_to_quantize=["Conv", "MatMul", "Gemm"],
        )
        result, reference = {}, None
        for name, path in variants.items():
            model = session(path)
            feed = model.get_inputs()[0].name

            def run(batch, model=model, feed=feed):
                return model.run(None, {feed: batch})[0]

            embeddings = run(images)
            reference = embeddings if reference is None else reference
            result[name] = {
                "ms_per_image": ms_per_image(run, images[:1], args.runs),
                "file_kb": path.stat().st_size // 1000,
                "max_abs_difference": round(float(np.abs(embeddings - reference).max()), 5),
                "min_cosine_to_float": round(float((embeddings * reference).sum(1).min()), 5),
            }
    json.dump({"model": card.name, "threads": 1, **result}, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
