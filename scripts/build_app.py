"""Build one variant of the one-folder executable from build.spec and self-test it.

    python scripts/build_app.py [--variant desk|full] [--skip-build]

Installs PyInstaller if needed, runs ``pyinstaller build.spec --noconfirm --clean --
--variant VARIANT`` and then the built ``dist/sigverify-VARIANT/sigverify-gui --selftest``
(twice: the first run is the cold start) and ``sigverify --version``. The desk variant
must hold no torch and say it cannot train; the full one must train a tiny model on a
synthetic data folder and export it to ONNX.
Prints JSON: bundle size, file count, the largest parts, the self-test lines and exit
codes, and the start-to-exit times. Exit code 0 only if the build and every check passed.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VARIANTS = ("desk", "full")


def dist_folder(variant: str) -> Path:
    return ROOT / "dist" / f"sigverify-{variant}"


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


def variant_problems(variant: str, folder: Path, selftest_line: str) -> list[str]:
    """What is wrong with a built ``variant`` (empty: nothing)."""
    problems = []
    has_torch = (folder / "_internal" / "torch").exists()
    if variant == "desk":
        if has_torch:
            problems.append("the desk bundle contains torch")
        if "desk build (no training)" not in selftest_line:
            problems.append("the desk app does not report itself as the desk build")
    else:
        if not has_torch:
            problems.append("the full bundle has no torch")
        if "training available" not in selftest_line:
            problems.append("the full app cannot train")
    if "torch not loaded" not in selftest_line:
        problems.append("verifying loaded torch")
    return problems


def timed(command: list[str], timeout: int) -> tuple[subprocess.CompletedProcess, float]:
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    return done, round(time.perf_counter() - started, 2)


def run_selftest(executable: Path) -> dict:
    done, seconds = timed([str(executable), "--selftest"], timeout=600)
    lines = [line for line in done.stdout.splitlines() if "selftest" in line]
    return {
        "exit_code": done.returncode,
        "seconds": seconds,
        "line": lines[-1] if lines else (done.stdout + done.stderr)[-2000:],
    }


def run_cli(executable: Path, *arguments: str) -> dict:
    done, seconds = timed([str(executable), *arguments], timeout=120)
    return {
        "exit_code": done.returncode,
        "seconds": seconds,
        "output": (done.stdout + done.stderr).strip()[-500:],
    }


def run_tiny_training(cli: Path) -> dict:
    """The full build's training path end to end: a tiny model on a synthetic data folder,
    which must come out with its ONNX file (what desks verify with)."""
    with tempfile.TemporaryDirectory(prefix="sigverify-build-") as temp:
        temp = Path(temp)
        env = dict(os.environ, SIGVERIFY_HOME=str(temp / "home"))
        commands = [
            [str(cli), "dataset", "synth", str(temp / "data"), "--writers", "12"],
            [
                *(str(cli), "train", "--data", str(temp / "data"), "--out", str(temp / "model")),
                *("--size", "48x72", "--epochs", "1", "--steps-per-epoch", "3", "--width", "8"),
                *("--embedding-dim", "16", "--threads", "1"),
            ],
        ]
        started = time.perf_counter()
        for command in commands:
            done = subprocess.run(command, capture_output=True, text=True, timeout=900, env=env)
            if done.returncode != 0:
                return {"exit_code": done.returncode, "output": (done.stdout + done.stderr)[-1500:]}
        return {
            "exit_code": 0,
            "seconds": round(time.perf_counter() - started, 1),
            "onnx_written": (temp / "model" / "model.onnx").is_file(),
        }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variant", choices=VARIANTS, default="desk")
    parser.add_argument("--skip-build", action="store_true", help="only run the self-test")
    args = parser.parse_args()
    dist = dist_folder(args.variant)
    report = {"variant": args.variant}
    if not args.skip_build:
        try:
            import PyInstaller  # noqa: F401
        except ImportError:
            subprocess.run([sys.executable, "-m", "pip", "install", "pyinstaller"], check=True)
        started = time.perf_counter()
        build = subprocess.run(
            [
                *(sys.executable, "-m", "PyInstaller", "build.spec", "--noconfirm", "--clean"),
                *("--workpath", str(ROOT / "build" / args.variant)),
                *("--", "--variant", args.variant),
            ],
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
    suffix = ".exe" if os.name == "nt" else ""
    size, files = folder_size(dist)
    report.update(
        {
            "bundle": str(dist),
            "bundle_mb": round(size / 2**20, 1),
            "files": files,
            "largest": biggest(dist),
            "selftest_cold": run_selftest(dist / f"sigverify-gui{suffix}"),
            "selftest_warm": run_selftest(dist / f"sigverify-gui{suffix}"),
            "cli_version": run_cli(dist / f"sigverify{suffix}", "--version"),
        }
    )
    report["problems"] = variant_problems(args.variant, dist, report["selftest_cold"]["line"])
    if args.variant == "full":
        report["tiny_training"] = run_tiny_training(dist / f"sigverify{suffix}")
        if not report["tiny_training"].get("onnx_written"):
            report["problems"].append("training or the ONNX export failed in the full build")
    print(json.dumps(report, indent=2))
    passed = report["selftest_cold"]["exit_code"] == 0 and report["cli_version"]["exit_code"] == 0
    return 0 if passed and not report["problems"] else 1


if __name__ == "__main__":
    sys.exit(main())
