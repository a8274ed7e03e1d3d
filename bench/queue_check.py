"""What showing the Queue's rows during a check costs, as JSON: the same queue checked with
the rows read again and shown during the check (as the app does: at most once a second,
and at most 3 % of the time) and with the list left alone until the end (as before), in
turn. Then how long a verification at the desk waits during a check (``desk_during_check``:
one submitted as the Verify page does, urgent, every ``--desk-every`` seconds, answered
between the check's chunks), and what these cost the check.

    QT_QPA_PLATFORM=offscreen python bench/queue_check.py [--items 600] [--repeat 3]
        [--model DIR] [--desk-every 0.5]

A fresh store (a temporary SIGVERIFY_HOME) with the bundled default model and 20 people of
5 synthetic references each; ``--items`` synthetic signature files, one folder per person.
Each run is a new queue of those items checked on the Queue page (worker thread, 2
threads), timed from Check to the list shown at the end. Reports the median seconds, items
a second, how often the list was shown during the check, and peak memory. Measure on a
quiet machine: two processes running torch or ONNX Runtime on these 2 cores slow each other
several times over.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=600)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--model", help="a model folder (default: the bundled default model)")
    parser.add_argument("--desk-every", type=float, default=0.5, help="seconds between two")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    home = Path(tempfile.mkdtemp(prefix="sigverify-bench-qcheck-"))
    os.environ["SIGVERIFY_HOME"] = str(home)
    import cv2
    from PySide6.QtWidgets import QApplication

    from sigverify.core.data.synthetic import genuine_signature, writer_style
    from sigverify.core.imaging.imageio import encode_png
    from sigverify.core.memory import peak_rss_mb
    from sigverify.core.paths import user_data_dir
    from sigverify.core.store import Store
    from sigverify.core.verification_results import SignatureInput
    from sigverify.gui.queue_page import QueuePage
    from sigverify.gui.workers import Engine

    app = QApplication.instance() or QApplication(sys.argv[:1])
    store = Store(user_data_dir() / "bench.sqlite3")
    if args.model:
        from sigverify.core.model_settings import ACTIVE_MODEL_SETTING

        store.set_setting(ACTIVE_MODEL_SETTING, str(Path(args.model).resolve()), "bench")
    engine = Engine(store.path, threads=2)
    engine.load_model()
    while engine.model is None:
        app.processEvents()
    people = [f"C-{n:03d}" for n in range(20)]

    def enrol(context, job):
        service = context.require_service()
        for w, person in enumerate(people):
            refs = [
                SignatureInput(f"r{i}.png", encode_png(genuine_signature(writer_style(w), i).image))
                for i in range(5)
            ]
            service.enroll(person, refs, accept_outliers=True)

    engine.submit(enrol)
    while engine.pending:
        app.processEvents()
    inbox = home / "inbox"
    for n in range(args.items):
        w = n % len(people)
        folder = inbox / people[w]
        folder.mkdir(parents=True, exist_ok=True)
        cv2.imwrite(
            str(folder / f"cheque-{n}.png"), genuine_signature(writer_style(w), 5 + n).image
        )

    page = QueuePage(engine, store)
    page.resize(1300, 700)
    page.show()
    shown = []
    original = page.show_rows

    def counting_show_rows():
        shown.append(page._job is not None)
        original()

    page.show_rows = counting_show_rows
    figures = {"items": args.items, "model": engine.model.card.name}
    # as the app does, and as before: the list left alone until the check's end (the
    # rows shown during it, the last chunk's too, left out)
    as_it_does = page._show_checked_so_far
    checks = (("rows_shown_during_check", as_it_does), ("rows_shown_at_end", lambda **_: None))
    for name, during_check in checks:
        times, during = [], []
        for _ in range(args.repeat):
            page.queue.clear()  # a new queue each run: every item checked again
            page._show_checked_so_far = during_check
            page._source_note = ""
            shown.clear()
            start = time.perf_counter()
            page.add_source(str(inbox))
            while engine.pending:
                app.processEvents()
                time.sleep(0.002)
            times.append(time.perf_counter() - start)
            during.append(sum(shown))
            assert all(row.decision for row in page.rows), "not every item was checked"
        seconds = statistics.median(times)
        figures[name] = {
            "seconds_p50": round(seconds, 2),
            "items_per_s": round(args.items / seconds, 1),
            "list_shown_during_check": statistics.median(during),
            "runs_s": [round(t, 2) for t in times],
        }
    figures["slower_pct"] = round(
        100 * (figures["rows_shown_during_check"]["seconds_p50"]
               / figures["rows_shown_at_end"]["seconds_p50"] - 1), 1
    )  # fmt: skip
    page._show_checked_so_far = as_it_does
    query = SignatureInput("desk.png", encode_png(genuine_signature(writer_style(3), 40).image))
    waits, times = [], []
    for _ in range(args.repeat):
        page.queue.clear()
        page._source_note = ""
        start = time.perf_counter()
        page.add_source(str(inbox))
        asked, next_at = [], start  # (the first at once: a short check still gets one)
        while engine.pending:
            now = time.perf_counter()
            if page._job is not None and now >= next_at and len(asked) == len(waits):
                asked.append(now)  # one at a time, as a clerk waits for each answer
                engine.submit(
                    lambda context, job: context.require_service().verify(
                        people[3], query, record=False
                    ),
                    lambda _, asked=asked: waits.append(time.perf_counter() - asked[-1]),
                    urgent=True,
                )
                next_at = now + args.desk_every
            app.processEvents()
            time.sleep(0.002)
        times.append(time.perf_counter() - start)
    waits.sort()
    check_s = statistics.median(times)
    figures["desk_during_check"] = {
        "verifications": len(waits),
        "wait_ms_p50": round(1000 * statistics.median(waits), 1) if waits else None,
        # (nearest rank: the p50 of two waits is their mean, past the shorter one)
        "wait_ms_p95": round(1000 * waits[math.ceil(0.95 * len(waits)) - 1], 1) if waits else None,
        "check_seconds_p50": round(check_s, 2),
        "check_slower_pct": round(
            100 * (check_s / figures["rows_shown_during_check"]["seconds_p50"] - 1), 1
        ),
    }
    figures["peak_rss_mb"] = round(peak_rss_mb(), 1)
    page.close()
    engine.shutdown()
    store.close()
    print(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
