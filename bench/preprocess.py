"""Preprocessing speed: read + preprocess every image of a data folder (or synthetic
signatures), print JSON with latency percentiles, throughput and peak memory.

    python bench/preprocess.py [--data DIR] [--layout auto] [--limit N] [--size 150x220]
                               [--faint-ink 4]   # 0: one ink threshold, as older models
                               [--enlarge-small-ink 1]  # 0: small ink as scanned, as older
                               [--form-lines 0.4]  # 0: a form's lines not painted out
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

import numpy as np

from sigverify.core.data.datasets import read_dataset
from sigverify.core.data.synthetic import genuine_signature, writer_style
from sigverify.core.imaging.imageio import load_image
from sigverify.core.imaging.preprocessing import PreprocessConfig, preprocess_signature


def percentiles(values_s: list[float]) -> dict:
    ms = np.asarray(values_s) * 1000.0
    return {
        "p50": round(float(np.percentile(ms, 50)), 2),
        "p95": round(float(np.percentile(ms, 95)), 2),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="data folder (default: 200 synthetic signatures)")
    parser.add_argument("--layout", default="auto")
    parser.add_argument("--limit", type=int, default=400, help="at most this many images")
    parser.add_argument("--size", default="150x220")
    parser.add_argument("--faint-ink", type=float, default=PreprocessConfig.faint_ink)
    parser.add_argument("--enlarge-small-ink", type=int, choices=(0, 1), default=1)
    parser.add_argument("--form-lines", type=float, default=PreprocessConfig.form_line_fraction)
    args = parser.parse_args()
    height, width = (int(v) for v in args.size.split("x"))
    config = PreprocessConfig(
        height=height,
        width=width,
        faint_ink=args.faint_ink,
        enlarge_small_ink=bool(args.enlarge_small_ink),
        form_line_fraction=args.form_lines,
    )

    load_s, prep_s, sides = [], [], []
    if args.data:
        dataset = read_dataset(args.data, args.layout)
        paths = [p for w in dataset.writers for p in (*w.genuine, *w.forged)]
        step = max(1, len(paths) // args.limit)
        for path in paths[::step][: args.limit]:
            start = time.perf_counter()
            pixels = load_image(Path(path)).pixels
            load_s.append(time.perf_counter() - start)
            sides.append(max(pixels.shape))
            start = time.perf_counter()
            preprocess_signature(pixels, config)
            prep_s.append(time.perf_counter() - start)
        source = f"{dataset.layout}:{args.data}"
    else:
        images = [genuine_signature(writer_style(w), i).image for w in range(40) for i in range(5)]
        for pixels in images[: args.limit]:
            sides.append(max(pixels.shape))
            start = time.perf_counter()
            preprocess_signature(pixels, config)
            prep_s.append(time.perf_counter() - start)
        source = "synthetic"

    total = sum(load_s) + sum(prep_s)
    result = {
        "source": source,
        "images": len(prep_s),
        "output_size": [height, width],
        "faint_ink": args.faint_ink,
        "enlarge_small_ink": config.enlarge_small_ink,
        "form_line_fraction": config.form_line_fraction,
        "input_long_side_px_median": int(np.median(sides)),
        "load_ms": percentiles(load_s) if load_s else None,
        "preprocess_ms": percentiles(prep_s),
        "images_per_s": round(len(prep_s) / total, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    json.dump(result, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
