"""The People search on a shared store, as JSON: ``list_people`` latency p50/p95 (and the
first search, which spells the names met) for texts a clerk types, on a PostgreSQL server
(a throwaway one on this machine, or ``--server``'s) and on a store file, each holding the
same ``--people`` people named as ``bench/store_scale.py --names`` names them.

    python bench/server_search.py [--people 100000] [--names chinese] [--runs 10]
                                  [--server postgresql://ADMIN@HOST/EMPTY_DB]

The people are written straight into the ``people`` table (no references; on the server
with its triggers off, as its administrator): the search reads that table only. On this
machine the server is local: a branch server adds the network's time to move the rows
each search reads.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

TYPED = ("wang", "wxm", "li", "zhang", "customer", "C0000042")
CREATED = "2026-01-01T00:00:00+00:00"


def fill_file(store, rows) -> None:
    with store.transaction() as db:
        for row in rows:
            db.execute("INSERT INTO people (id, name, note, created_at) VALUES (?, ?, '', ?)", row)


def fill_server(url: str, rows) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as db:
        db.execute("SET session_replication_role = replica")  # (no audit row per person)
        with (
            db.cursor() as cursor,
            cursor.copy("COPY people (id, name, created_at) FROM STDIN") as copy,
        ):
            for row in rows:
                copy.write_row(row)


def timed_searches(store, runs: int) -> dict:
    from sigverify.core.pinyin import spellings

    spellings.cache_clear()  # (the other store's searches spelled the names: a first search)
    result = {}
    for typed in TYPED:
        times = []
        for _ in range(runs + 1):
            started = time.perf_counter()
            found = store.list_people(typed)
            times.append(time.perf_counter() - started)
        later = sorted(times[1:])
        result[typed] = {
            "found": len(found),
            "first_ms": round(times[0] * 1000, 1),
            "p50_ms": round(statistics.median(later) * 1000, 1),
            "p95_ms": round(later[min(len(later) - 1, int(0.95 * len(later)))] * 1000, 1),
        }
    return result


def main() -> int:
    from store_scale import name_of

    from sigverify.core.store import Store
    from sigverify.core.store.postgres import init_postgres

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--names", choices=("chinese", "customer"), default="chinese")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--server", help="admin URL of an empty database (default: throwaway)")
    args = parser.parse_args()
    rows = [(f"C{n:07d}", name_of(n, args.names), CREATED) for n in range(args.people)]
    server, url = None, args.server
    if url is None:
        sys.path.insert(0, str(ROOT / "tests"))
        from postgres_server import PostgresServer, _bindir

        server = PostgresServer(_bindir())
        url = server.url(server.new_database())
    folder = Path(tempfile.mkdtemp(prefix="server-search-bench-"))
    result = {"people": args.people, "names": args.names, "runs": args.runs}
    try:
        init_postgres(url)
        fill_server(url, rows)
        with Store(folder / "store.sqlite3") as store:
            fill_file(store, rows)
            result["file"] = timed_searches(store, args.runs)
        with Store(url) as store:
            result["server"] = timed_searches(store, args.runs)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        if server is not None:
            server.stop()
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
