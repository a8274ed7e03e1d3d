"""How long the long lists take to show, as JSON: what a clerk waits for, the window
frozen. The Queue page shown again after "Check" has finished (every row's cells set
again), and the Audit log page reading the log (as each time it is opened).

    QT_QPA_PLATFORM=offscreen python bench/long_lists.py [--rows 100 500 1000] [--repeat 5]

A fresh store (a temporary SIGVERIFY_HOME) per size: a queue of ``--rows`` items (files
that need not exist: nothing is checked) and an audit log of 3 x ``--rows`` verifications;
each page is shown at 1300 x 700 and filled ``--repeat`` times. Reports p50 / p95 in ms
and peak memory.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from functools import partial
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
    from sigverify.gui.audit_page import AuditPage
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
        details = {"decision": "reject", "distance": 0.9, "score": 0.1, "model": "m@1",
                   "thresholds": [0.7, 0.8], "comment": ""}  # fmt: skip
        store.record_many(
            [("clerk", "verify", f"C-{n % 50:04d}", {**details, "file": f"cheque-{n}.png"})
             for n in range(3 * count)]
        )  # fmt: skip
        entries = store.audit_entries()
        engine = Engine(store.path, threads=1)
        queue, audit = QueuePage(engine, store), AuditPage(engine, store)
        names = {p.id: p.name for p in store.list_people() if p.name}
        read = partial(audit._loaded, (entries, names))
        timed = {"queue_reload": queue.reload, "audit_read": read}
        figures = {"rows": count, "audit_entries": len(entries)}
        for name, fill in timed.items():
            page = queue if name.startswith("queue") else audit
            page.resize(1300, 700)
            page.show()
            while engine.pending:  # (the audit page reads the log when shown)
                app.processEvents()
            times = []
            for _ in range(args.repeat):
                start = time.perf_counter()
                fill()
                app.processEvents()
                times.append(1000 * (time.perf_counter() - start))
            times.sort()
            figures[f"{name}_ms_p50"] = round(statistics.median(times), 1)
            figures[f"{name}_ms_p95"] = round(times[min(len(times) - 1, int(0.95 * len(times)))], 1)
            page.close()
        results.append(figures)
        engine.shutdown()
        store.close()
    print(json.dumps({"long_lists": results, "peak_rss_mb": round(peak_rss_mb(), 1)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
