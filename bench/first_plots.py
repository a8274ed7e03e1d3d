"""The Thresholds page's first visit, as JSON: what a user waits for, the window frozen.
Milliseconds from the switch to the page until the switch returns (the page list and the
page can then be painted), until the plots are made, and until the one shown is painted;
the second visit's switch. Each run is a fresh process (the first visit imports
matplotlib) with a fresh store and the bundled default model; medians over the runs.

    QT_QPA_PLATFORM=offscreen python bench/first_plots.py [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def one_visit() -> dict:
    """In this process: the main window with its model, then Thresholds twice."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from sigverify.gui.main_window import create_main_window

    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = create_main_window()
    window.resize(1280, 800)
    window.show()
    engine = window.engine

    def wait_for(ready) -> None:
        deadline = time.monotonic() + 60
        while not ready():
            if time.monotonic() > deadline:
                raise SystemExit("timed out")
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)

    wait_for(lambda: engine.model is not None and not engine.pending)
    page = window.thresholds_page
    wait_for(lambda: page.scores is not None)
    time.sleep(0.5)  # the window settled, as a user's would be
    app.processEvents()
    started = time.perf_counter()
    elapsed = lambda: round((time.perf_counter() - started) * 1000, 1)  # noqa: E731
    window.go_to_page(window.pages.indexOf(page))
    times = {"switch_ms": elapsed()}
    wait_for(lambda: page.tabs.count() == 3)
    times["plots_made_ms"] = elapsed()
    wait_for(lambda: hasattr(page.histogram_canvas, "renderer"))
    app.processEvents()
    times["plots_painted_ms"] = elapsed()
    window.go_to_page(0)
    app.processEvents()
    started = time.perf_counter()
    window.go_to_page(window.pages.indexOf(page))
    app.processEvents()
    times["second_visit_ms"] = elapsed()
    engine.shutdown()
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:  # a run, in its own process
        sys.path.insert(0, str(ROOT))
        print(json.dumps(one_visit()), flush=True)
        os._exit(0)  # (the worker thread's teardown is not measured)
    runs = []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory(prefix="sigverify-first-plots-") as home:
            env = dict(os.environ, SIGVERIFY_HOME=home)
            env.setdefault("QT_QPA_PLATFORM", "offscreen")
            done = subprocess.run(
                [sys.executable, __file__, "--one"], capture_output=True, text=True,
                timeout=300, env=env,
            )  # fmt: skip
            line = next((x for x in done.stdout.splitlines() if x.startswith("{")), None)
            if done.returncode != 0 or line is None:
                raise SystemExit(f"a run failed: {done.stdout}{done.stderr}")
            runs.append(json.loads(line))
    result = {"runs": args.runs}
    for key in runs[0]:
        result[f"{key}_p50"] = statistics.median(run[key] for run in runs)
        result[f"{key}_max"] = max(run[key] for run in runs)
    json.dump(result, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
