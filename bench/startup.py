"""Start-up of the desktop app, as JSON: seconds from launching the program until its
window is shown and until its model is ready to verify (it has embedded once), and the
process's peak memory then (median of several launches; the first, cold one apart).

    python bench/startup.py [--executable dist/sigverify-desk/sigverify-gui] [--runs 5]

Without --executable the app runs from source (``python -m sigverify.gui``). Each launch
uses a fresh SIGVERIFY_HOME (an empty store, the bundled default model). Needs a display,
or QT_QPA_PLATFORM=offscreen (the default here when DISPLAY is unset).
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


def launch(command: list[str], home: Path) -> dict:
    env = dict(os.environ, SIGVERIFY_HOME=str(home))
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["SIGVERIFY_LAUNCHED_AT"] = repr(time.time())  # last, just before the launch
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, env=env)
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    times = next((json.loads(line) for line in lines if line.startswith("{")), None)
    if done.returncode != 0 or times is None:
        raise SystemExit(f"the app did not report its start-up: {done.stdout}{done.stderr}")
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--executable", default=None, help="a built sigverify-gui")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if args.executable:
        command = [str(Path(args.executable).resolve()), "--startup-times"]
    else:
        command = [sys.executable, "-m", "sigverify.gui", "--startup-times"]
    launches = []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory(prefix="sigverify-startup-") as home:
            launches.append(launch(command, Path(home)))
    warm = launches[1:] or launches
    result = {
        "program": args.executable or "python -m sigverify.gui (source)",
        "runs": args.runs,
        "cold": launches[0],
        **{f"{key}_median": statistics.median(run[key] for run in warm) for key in launches[0]},
    }
    json.dump(result, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
