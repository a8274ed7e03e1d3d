"""How long the Verify page's person field and the People page's list take at many people,
as JSON: filling the field (after an enrolment, when the page is shown again) and each key
typed in it (the list shown while typing found again); the People list shown for a search
(each key typed in its search box), the window frozen meanwhile.

    QT_QPA_PLATFORM=offscreen python bench/person_box.py [--people 1000 10000 100000]

The people are made up here ("Núñez 123 — C-000123", every one with references), not read
from a store: reading them is the store's part (``bench/store_scale.py``). The field is
shown at 400 px, filled ``--repeat`` times; then ``--typed`` is typed key by key and the id
of the last person typed whole, ``--repeat`` times, each key timed with the events it
posts. The People page reads a store of that many people (``bench/store_scale.py``'s
fill, one small stand-in reference each) for the searches "", "m", "c00" and "customer 4999",
``--repeat`` times each. Reports p50 / p95 in ms and peak memory.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))


def _figures(name: str, times: list[float]) -> dict[str, float]:
    times = sorted(times)
    return {
        f"{name}_ms_p50": round(statistics.median(times), 2),
        f"{name}_ms_p95": round(times[min(len(times) - 1, int(0.95 * len(times)))], 2),
    }


def people_page_figures(app, count: int, repeat: int) -> dict[str, float]:
    """The People list shown for each search, in a store of ``count`` stand-in people."""
    import tempfile

    from store_scale import fill

    from sigverify.core.store import Store
    from sigverify.gui.people_page import PeoplePage
    from sigverify.gui.workers import Engine

    store = Store(Path(tempfile.mkdtemp(prefix="sigverify-bench-people-")) / "s.sqlite3")
    fill(store, count, 1, 16, 100, "bench@1")
    engine = Engine(store.path, threads=1)
    page = PeoplePage(engine, store)
    page.resize(1300, 700)
    page.show()
    figures = {}
    for typed in ("", "m", "c00", "customer 4999"):
        times = []
        for _ in range(repeat):
            page.search.setText("x")  # (a change each time: the search itself lists them)
            start = time.perf_counter()
            page.search.setText(typed)
            app.processEvents()
            times.append(1000 * (time.perf_counter() - start))
        figures |= _figures(f"people_search_{typed.replace(' ', '_') or 'none'}", times)
    page.close()
    engine.shutdown()
    store.close()
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--typed", default="nunez 4")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from sigverify.core.memory import peak_rss_mb
    from sigverify.core.store.records import Person
    from sigverify.gui.person_box import PersonBox

    app = QApplication.instance() or QApplication(sys.argv[:1])
    results = []
    for count in args.people:
        people = [Person(f"C-{n:06d}", f"Núñez {n}", "", None, None, "", 5) for n in range(count)]
        box = PersonBox()
        box.resize(400, 30)
        box.show()
        field = box.lineEdit()
        fills, keys, whole = [], [], []
        for _ in range(args.repeat):
            start = time.perf_counter()
            box.fill(people)
            app.processEvents()
            fills.append(1000 * (time.perf_counter() - start))
        for _ in range(args.repeat):
            box.setCurrentIndex(-1)
            field.clear()
            field.setFocus()
            for key in args.typed:
                start = time.perf_counter()
                QTest.keyClick(field, key)
                box.person_id()  # as the page asks at each key, for its hint
                app.processEvents()
                keys.append(1000 * (time.perf_counter() - start))
            box.completer().popup().hide()
            field.clear()
            wanted = people[-1].id
            QTest.keyClicks(field, wanted)
            start = time.perf_counter()
            QTest.keyClick(field, Qt.Key.Key_Return)
            chosen = box.person_id()
            app.processEvents()
            whole.append(1000 * (time.perf_counter() - start))
            if chosen != wanted:
                raise SystemExit(f"typed {wanted} and Return chose {chosen}")
        box.close()
        figures = {"people": count, "typed": args.typed}
        figures |= _figures("fill", fills) | _figures("key", keys) | _figures("id_return", whole)
        figures |= people_page_figures(app, count, args.repeat)
        results.append(figures)
    print(json.dumps({"person_box": results, "peak_rss_mb": round(peak_rss_mb(), 1)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
