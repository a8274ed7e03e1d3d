"""How long the Queue page takes to show a long queue again, as JSON: what a clerk waits
for, the window frozen, after "Check" has finished (every row's cells are set again).

    QT_QPA_PLATFORM=offscreen python bench/queue_page.py [--rows 100 500 1000] [--repeat 5]

A fresh store (a temporary SIGVERIFY_HOME) with a queue of ``--rows`` items (files that
need not exist: nothing is checked); the page is shown at 1300 x 700 and reloaded
``--repeat`` times. Reports the reload's p50 / p95 in ms and peak memory.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[100, 500, 1000])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["SIGVERIFY_HOME"] = tempfile.mkdtemp(prefix="sigverify-bench-queue-")
    from PySide6.QtWidgets import QApplication

    from sigverify.core.batch_items import BatchItem
    from sigverify.core.memory import peak_rss_mb
    from sigverify.core.paths import user_data_dir
    from sigverify.core.queue import DeskQueue
    from sigverify.core.store import Store
    from sigverify.gui.queue_page import QueuePage
    from sigverify.gui.workers import Engine

    app = QApplication.instance() or QApplication(sys.argv[:1])
    results = []
    for count in args.rows:
        store = Store(user_data_dir() / f"queue-{count}.sqlite3")
        files = [Path(f"/scans/cheque-{n}.png") for n in range(count)]
        DeskQueue(store.path).add(
            [BatchItem(n + 1, f"C-{n % 50:04d}", str(f), f) for n, f in enumerate(files)]
        )
        engine = Engine(store.path, threads=1)
        page = QueuePage(engine, store)
        page.resize(1300, 700)
        page.show()
        app.processEvents()
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            page.reload()
            app.processEvents()
            times.append(1000 * (time.perf_counter() - start))
        times.sort()
        results.append(
            {
                "rows": count,
                "reload_ms_p50": round(statistics.median(times), 1),
                "reload_ms_p95": round(times[min(len(times) - 1, int(0.95 * len(times)))], 1),
            }
        )
        page.close()
        engine.shutdown()
        store.close()
    print(json.dumps({"queue_page": results, "peak_rss_mb": round(peak_rss_mb(), 1)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
