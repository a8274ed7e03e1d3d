"""What a shared store costs a desk, as JSON: the same clerk's work on a store file and on
a PostgreSQL server (a throwaway one on this machine, or ``--server``'s):

- one verification recorded in the audit log (a real signature against 5 references, the
  real model) latency p50/p95, and the part of it spent in the store;
- ``--writers`` processes recording verifications at once: rows per second in all, and
  whether every row arrived and the audit chain stayed whole.

    python bench/shared_store.py [--model models/default] [--runs 30] [--writers 4]
                                 [--rows 50] [--server postgresql://ADMIN@HOST/EMPTY_DB]

On this machine the server is local (no network): a branch server adds the network's
round trips, about five per verification (person, embeddings, thresholds, the append).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from store_scale import percentiles, timed  # noqa: E402

from sigverify.core.data.synthetic import genuine_signature, writer_style  # noqa: E402
from sigverify.core.imaging.imageio import encode_png  # noqa: E402
from sigverify.core.model.inference import load_for_inference  # noqa: E402
from sigverify.core.store import Store  # noqa: E402
from sigverify.core.verification import VerificationService  # noqa: E402
from sigverify.core.verification_results import SignatureInput  # noqa: E402

WRITER = """
import sys, time
from sigverify.core.store import Store
with Store(sys.argv[1]) as store:
    start = float(sys.argv[3])
    while time.time() < start:
        time.sleep(0.001)
    for i in range(int(sys.argv[2])):
        store.record("bench", "verify", "p-1", {"decision": "accept", "n": i})
"""


def concurrent_appends(location: str, writers: int, rows: int) -> dict:
    """``writers`` processes appending ``rows`` audit rows each, all starting together."""
    with Store(location) as store:
        before = len(store.audit_entries())
    start = time.time() + 3  # every process has opened its store by then
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", textwrap.dedent(WRITER), location, str(rows), str(start)],
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(writers)
    ]
    errors = [p.communicate()[1] for p in processes]
    seconds = time.time() - start
    if any(p.returncode for p in processes):
        raise RuntimeError(errors)
    with Store(location) as store:
        arrived = len(store.audit_entries()) - before
        intact, _ = store.verify_audit_chain()
    return {
        "writers": writers,
        "rows": writers * rows,
        "rows_arrived": arrived,
        "rows_per_s": round(arrived / seconds, 1),
        "chain_intact": intact,
    }


def measure(location, model, signatures, runs: int) -> dict:
    with Store(location) as store:
        service = VerificationService(store, model, operator="bench")
        service.enroll("p-1", signatures[:5], accept_outliers=True)
        query = signatures[5]
        service.verify("p-1", query)  # warm
        verify, store_part = [], []
        for _ in range(runs):
            verify.append(timed(lambda: service.verify("p-1", query)))
            store_part.append(
                timed(
                    lambda: (
                        service.store.get_person("p-1"),
                        service.store.embeddings("p-1", service.model_id),
                        service.thresholds_for("p-1"),
                        service.store.record("bench", "verify", "p-1", {"n": 0}),
                    )
                )
            )
    return {"verify_recorded_ms": percentiles(verify), "store_ms": percentiles(store_part)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=str(ROOT / "models" / "default"))
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--rows", type=int, default=50)
    parser.add_argument(
        "--server", help="admin URL of an empty database (default: a throwaway server)"
    )
    args = parser.parse_args()
    model = load_for_inference(args.model, threads=2)
    images = [genuine_signature(writer_style(5), i).image for i in range(6)]
    signatures = [SignatureInput(f"g{i}.png", encode_png(im)) for i, im in enumerate(images)]

    server = None
    url = args.server
    if url is None:
        sys.path.insert(0, str(ROOT / "tests"))
        from postgres_server import PostgresServer, _bindir

        server = PostgresServer(_bindir())
        url = server.url(server.new_database())
    try:
        from sigverify.core.store.postgres import init_postgres

        init_postgres(url)
        folder = Path(tempfile.mkdtemp(prefix="shared-store-bench-"))
        result = {"runs": args.runs}
        for label, location in (("file", str(folder / "store.sqlite3")), ("server", url)):
            result[label] = measure(location, model, signatures, args.runs)
            result[label]["concurrent"] = concurrent_appends(location, args.writers, args.rows)
        result["verify_p50_ratio_server_to_file"] = round(
            result["server"]["verify_recorded_ms"]["p50"]
            / result["file"]["verify_recorded_ms"]["p50"],
            3,
        )
    finally:
        if server is not None:
            server.stop()
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
