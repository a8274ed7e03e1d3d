"""Does the store scale? As JSON: a store of ``--people`` people with ``--refs`` references
each (random unit embeddings, small stand-in images), against one of 10 people:

- people search (``list_people`` with a typed fragment) latency p50/p95,
- one verification (a real signature against its 5 references, the real model)
  latency p50/p95 in each store, and their ratio,
- the file size per person, and how much of it is the stand-in images (real scans are larger:
  add their size times the references).

    python bench/store_scale.py [--people 100000] [--refs 5] [--model models/default]
                                [--image-bytes 2000] [--folder DIR]

Filling uses the store's own row functions in transactions of 1,000 people (one enrolment
at a time would mostly measure fsync).
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

from sigverify.core.data.synthetic import genuine_signature, writer_style  # noqa: E402
from sigverify.core.imaging.imageio import encode_png  # noqa: E402
from sigverify.core.model.inference import load_for_inference  # noqa: E402
from sigverify.core.store import Store  # noqa: E402
from sigverify.core.store_records import NewReference, now  # noqa: E402
from sigverify.core.store_references import insert_references  # noqa: E402
from sigverify.core.store_seal import person_parts  # noqa: E402
from sigverify.core.verification import VerificationService  # noqa: E402
from sigverify.core.verification_results import SignatureInput  # noqa: E402

MEASURED = "measured-person"


def percentiles(seconds: list[float]) -> dict:
    ms = np.asarray(seconds) * 1000
    return {
        "p50": round(float(np.percentile(ms, 50)), 2),
        "p95": round(float(np.percentile(ms, 95)), 2),
    }


def fill(store: Store, people: int, refs: int, dim: int, image_bytes: int, model_id: str) -> None:
    rng = np.random.default_rng(0)
    stand_in = rng.integers(0, 256, image_bytes, dtype=np.uint8).tobytes()
    for start in range(0, people, 1000):
        with store.transaction() as db:
            for number in range(start, min(people, start + 1000)):
                person_id = f"C{number:07d}"
                db.execute(
                    "INSERT INTO people (id, name, note, created_at) VALUES (?, ?, '', ?)",
                    (person_id, f"Customer {number}", now()),
                )
                mac = store.seal.mac(*person_parts(person_id, None, None))
                db.execute("UPDATE people SET mac = ? WHERE id = ?", (mac, person_id))
                vectors = rng.normal(size=(refs, dim)).astype(np.float32)
                vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
                new = [
                    NewReference(f"ref{i}.png", stand_in + bytes([i]), stand_in[:500], vectors[i])
                    for i in range(refs)
                ]
                insert_references(db, store.seal, person_id, model_id, new, "bench")


def measure(store: Store, model, signatures: list[SignatureInput], query, runs: int) -> dict:
    service = VerificationService(store, model, operator="bench")
    service.enroll(MEASURED, signatures, accept_outliers=True)
    service.verify(MEASURED, query, record=False)  # warm
    verify_s, search_s = [], []
    for _ in range(runs):
        started = time.perf_counter()
        service.verify(MEASURED, query, record=False)
        verify_s.append(time.perf_counter() - started)
        started = time.perf_counter()
        store.list_people("Customer 4242")
        search_s.append(time.perf_counter() - started)
    return {"verify_ms": percentiles(verify_s), "search_ms": percentiles(search_s)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--refs", type=int, default=5)
    parser.add_argument("--model", default="models/default")
    parser.add_argument("--image-bytes", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--folder", help="where the stores go (default: a temporary folder)")
    args = parser.parse_args()
    model = load_for_inference(args.model, threads=2)
    images = [genuine_signature(writer_style(5), i).image for i in range(6)]
    signatures = [SignatureInput(f"g{i}.png", encode_png(im)) for i, im in enumerate(images)]
    query, references = signatures[5], signatures[:5]
    folder = Path(args.folder or tempfile.mkdtemp(prefix="store-scale-"))
    result = {"people": args.people, "refs": args.refs, "image_bytes": args.image_bytes}
    for label, people in (("small", 10), ("large", args.people)):
        path = folder / f"{label}.sqlite3"
        with Store(path) as store:
            started = time.perf_counter()
            fill(store, people, args.refs, model.card.embedding_dim, args.image_bytes,
                 VerificationService(store, model).model_id)  # fmt: skip
            filled_s = time.perf_counter() - started
            result[label] = {"people": people, "fill_s": round(filled_s, 1)}
            result[label].update(measure(store, model, references, query, args.runs))
        size = path.stat().st_size + sum(
            p.stat().st_size for p in folder.glob(f"{label}.sqlite3-*")
        )
        result[label]["bytes_per_person"] = round(size / people)
    result["stand_in_image_bytes_per_person"] = args.refs * (args.image_bytes + 501)
    result["verify_p50_ratio_large_to_small"] = round(
        result["large"]["verify_ms"]["p50"] / result["small"]["verify_ms"]["p50"], 3
    )
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
