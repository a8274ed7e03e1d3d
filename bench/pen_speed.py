"""How long verifying a signature drawn on a pad takes, end to end, as JSON: the
verification service with the app's models through ONNX Runtime (image model + pen model,
DTW when the pen card's fusion uses it), a person enrolled with ``--refs`` pad recordings,
``--queries`` other recordings verified one at a time (not recorded). Also the parts: the
picture (drawing the trajectory, preprocessing, image embedding) and how it was written
(the query's pen embedding against the references' stored ones, DTW). Run it on a quiet machine.

    python bench/pen_speed.py --data ../shared/data/online/susig [--refs 5] [--queries 40]
        [--model models/default] [--pen-model models/pen-default] [--threads 2]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sigverify.core.data.datasets import read_dataset  # noqa: E402
from sigverify.core.model.inference import load_for_inference  # noqa: E402
from sigverify.core.pen_verification import (  # noqa: E402
    PenScorer,
    fusion_scales,
    pad_references,
)
from sigverify.core.store import Store  # noqa: E402
from sigverify.core.verification import VerificationService  # noqa: E402
from sigverify.core.verification_results import DTW, SignatureInput  # noqa: E402


def percentiles(values: list[float]) -> dict:
    ms = np.array(values) * 1000
    return {
        "p50": round(float(np.percentile(ms, 50)), 2),
        "p95": round(float(np.percentile(ms, 95)), 2),
    }


def timed(fn, *args) -> tuple[float, object]:
    started = time.perf_counter()
    out = fn(*args)
    return time.perf_counter() - started, out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, help="a pen data folder")
    parser.add_argument("--refs", type=int, default=5)
    parser.add_argument("--queries", type=int, default=40)
    parser.add_argument("--model", default="models/default")
    parser.add_argument("--pen-model", default="models/pen-default")
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()

    writers = [w for w in read_dataset(args.data).writers if len(w.genuine) > args.refs]
    image = load_for_inference(args.model, threads=args.threads, gpu=False)
    pen = PenScorer(load_for_inference(args.pen_model, threads=args.threads, gpu=False))
    totals, pictures, writing, dtw_used = [], [], [], False
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "store.sqlite3")
        service = VerificationService(store, image, operator="bench", pen=pen)
        queries = []
        for writer in writers:
            signatures = [SignatureInput.from_path(p) for p in writer.genuine]
            service.enroll(writer.id, signatures[: args.refs], accept_outliers=True)
            queries += [(writer.id, s) for s in signatures[args.refs :]]
            if len(queries) >= args.queries:
                break
        queries = queries[: args.queries]
        scales = fusion_scales(pen.card, image.card, service.model_id)
        service.verify(*queries[0], record=False)  # warm-up
        for person_id, signature in queries:
            seconds, result = timed(service.verify, person_id, signature, False)
            totals.append(seconds)
            dtw_used = DTW in result.pen.scores
            seconds, _ = timed(service.verify, person_id,
                               SignatureInput(signature.name, signature.data), False)  # fmt: skip
            pictures.append(seconds)
            references, embeddings = pad_references(store, pen, person_id)
            seconds, _ = timed(pen.scores, signature.trajectory, references, DTW in scales,
                               embeddings)  # fmt: skip
            writing.append(seconds)
        store.close()
    print(
        json.dumps(
            {
                "data": args.data,
                "refs": args.refs,
                "queries": len(totals),
                "threads": args.threads,
                "dtw": dtw_used,
                "verify_pad_query_ms": percentiles(totals),
                "picture_alone_ms": percentiles(pictures),
                "how_it_was_written_ms": percentiles(writing),
            },
            indent=2,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
