"""Build the one-folder executable from build.spec and run its self-test.

    python scripts/build_app.py [--skip-build]

Installs PyInstaller if needed, runs ``pyinstaller build.spec --noconfirm`` and then the
built ``dist/sigverify/sigverify-gui --selftest`` (twice: the first run is the cold start).
Prints JSON: bundle size, file count, the self-test line and its exit code, and the
start-to-exit times. Exit code 0 only if the build and the self-test passed.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist" / "sigverify"


def folder_size(path: Path) -> tuple[int, int]:
    files = [p for p in path.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files), len(files)


def biggest(path: Path, count: int = 8) -> list[dict]:
    sizes = {}
    for child in (path / "_internal").iterdir() if (path / "_internal").is_dir() else []:
        if child.is_symlink():  # PyInstaller links shared libraries to one copy
            continue
        size = folder_size(child)[0] if child.is_dir() else child.stat().st_size
        sizes[child.name] = size
    top = sorted(sizes.items(), key=lambda kv: -kv[1])[:count]
    return [{"name": name, "mb": round(size / 2**20, 1)} for name, size in top]


def run_selftest(executable: Path) -> dict:
    started = time.perf_counter()
    done = subprocess.run(
        [str(executable), "--selftest"], capture_output=True, text=True, timeout=600
    )
    lines = [line for line in done.stdout.splitlines() if "selftest" in line]
    return {
        "exit_code": done.returncode,
        "seconds": round(time.perf_counter() - started, 2),
        "line": lines[-1] if lines else (done.stdout + done.stderr)[-2000:],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-build", action="store_true", help="only run the self-test")
    args = parser.parse_args()
    report = {}
    if not args.skip_build:
        try:
            import PyInstaller  # noqa: F401
        except ImportError:
            subprocess.run([sys.executable, "-m", "pip", "install", "pyinstaller"], check=True)
        started = time.perf_counter()
        build = subprocess.run(
            [sys.executable, "-m", "PyInstaller", "build.spec", "--noconfirm", "--clean"],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        report["build_seconds"] = round(time.perf_counter() - started, 1)
        report["build_exit_code"] = build.returncode
        if build.returncode != 0:
            report["build_log_tail"] = build.stderr[-3000:]
            print(json.dumps(report, indent=2))
            return 1
    name = "sigverify-gui.exe" if os.name == "nt" else "sigverify-gui"
    executable = DIST / name
    size, files = folder_size(DIST)
    report.update(
        {
            "bundle": str(DIST),
            "bundle_mb": round(size / 2**20, 1),
            "files": files,
            "largest": biggest(DIST),
            "selftest_cold": run_selftest(executable),
            "selftest_warm": run_selftest(executable),
        }
    )
    print(json.dumps(report, indent=2))
    return 0 if report["selftest_cold"]["exit_code"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
