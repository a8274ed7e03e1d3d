"""Batch verification throughput, as JSON: ``sigverify batch verify``'s core on a list of
queries, each against its person's 5 references, in a fresh store.

    python bench/batch.py [--data DIR] [--people 20] [--model models/default]
                          [--threads 2] [--chunk 32]

With ``--data`` (a data folder: CEDAR, BHSig, ...) the first 5 genuine signatures of each of
``--people`` writers are enrolled and all their other signatures, genuine and forged, are
the queries; without it, synthetic signatures (scan-sized PNG files). The list is checked
twice, in new results files: recording each decision in the audit log (what a desk does)
and without (``--no-record``). Reports queries per second, the time per query, and peak
memory. Enrolment is not timed.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sigverify.core.batch import run_batch  # noqa: E402
from sigverify.core.batch_items import read_items  # noqa: E402
from sigverify.core.data.datasets import read_dataset  # noqa: E402
from sigverify.core.data.synthetic import (  # noqa: E402
    forged_signature,
    genuine_signature,
    writer_style,
)
from sigverify.core.memory import peak_rss_mb  # noqa: E402
from sigverify.core.model.inference import load_for_inference  # noqa: E402
from sigverify.core.store import Store  # noqa: E402
from sigverify.core.verification import VerificationService  # noqa: E402
from sigverify.core.verification_results import SignatureInput  # noqa: E402


def synthetic_people(folder: Path, people: int) -> list[tuple[str, list[Path], list[Path]]]:
    """``(person id, 5 reference files, query files)`` of synthetic writers."""
    out = []
    for w in range(people):
        style = writer_style(w)
        files = []
        for i in range(10):
            sample = genuine_signature if i < 8 else forged_signature
            image = sample(style, i, height=300).image
            path = folder / f"w{w}_{i}.png"
            Image.fromarray(image).save(path)
            files.append(path)
        out.append((f"W{w}", files[:5], files[5:]))
    return out


def dataset_people(root: str, people: int) -> list[tuple[str, list[Path], list[Path]]]:
    dataset = read_dataset(root, "auto")
    out = []
    for writer in dataset.writers[:people]:
        genuine = [Path(p) for p in writer.genuine]
        out.append((f"W{writer.id}", genuine[:5], genuine[5:] + list(writer.forged)))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=None)
    parser.add_argument("--people", type=int, default=20)
    parser.add_argument("--model", default="models/default")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--chunk", type=int, default=32)
    args = parser.parse_args()
    model = load_for_inference(args.model, threads=args.threads)
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        people = (
            dataset_people(args.data, args.people)
            if args.data
            else synthetic_people(scratch, args.people)
        )
        items = scratch / "items.csv"
        with items.open("w", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["person", "image"])
            for person, _, queries in people:
                writer.writerows([person, str(q.resolve())] for q in queries)
        result = {
            "source": args.data or "synthetic",
            "people": len(people),
            "threads": args.threads,
            "chunk": args.chunk,
        }
        with Store(scratch / "store.sqlite3") as store:
            service = VerificationService(store, model, operator="bench")
            for person, references, _ in people:
                signatures = [SignatureInput.from_path(p) for p in references]
                service.enroll(person, signatures, accept_outliers=True)
            listed = read_items(items)
            result["queries"] = len(listed)
            for label, record in (("recorded", True), ("not_recorded", False)):
                started = time.perf_counter()
                summary = run_batch(
                    service,
                    listed,
                    scratch / f"results-{label}.csv",
                    record=record,
                    chunk=args.chunk,
                    threads=args.threads,
                )
                seconds = time.perf_counter() - started
                result[label] = {
                    "checked": summary.checked,
                    "errors": len(summary.errors),
                    "queries_per_s": round(summary.checked / seconds, 1),
                    "ms_per_query": round(seconds / max(1, summary.checked) * 1000, 2),
                    "decisions": summary.decisions,
                }
    result["peak_rss_mb"] = round(peak_rss_mb(), 1)
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
