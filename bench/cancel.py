"""How long Cancel takes to stop the app's long jobs, as JSON. The app's worker stops a job
at its next progress point (``job.progress`` / ``job.report`` return False once Cancel is
pressed), so each job is run here the same way, in a thread, with a progress callback:

- once to the end, recording when each progress point came: ``longest_wait_s`` is the
  longest time without one (between two, or from the last to the end), the worst Cancel
  can take; ``whole_s`` is the job's duration;
- ``--cancels`` times more (after a first run, so that the preprocessed images are cached
  as a second run in the app finds them), cancelled at a random moment of that duration:
  ``cancel_ms`` p50 / p95 / max from the cancel to the job's end;
- ``next_point_ms`` p50 / p95: from a moment drawn at random in the whole run to the next
  progress point, where a job that yields (the Queue's check, a training) runs the desk's
  urgent jobs (a verification, its record): how long one waits before it starts.

The jobs, with made-up data (no data set needed):

- ``backup``: Back up the store…, ``--people`` people with 5 references each (random 20 kB
  stand-in scans);
- ``queue_check``: the Queue's Check, ``--items`` synthetic signatures against 10 people;
- ``thresholds_folder``: the Thresholds page measuring a data folder (``--writers`` synthetic
  writers, 8 genuine and 8 forged each): reading, then embedding;
- ``training``: the training wizard's run with its default options (CNN, 150 x 220), on
  the same folder, 2 epochs of ``--steps`` steps (the first reading the signatures).

    python bench/cancel.py [--jobs backup queue_check thresholds_folder training]
                           [--cancels 5] [--model models/default]

Run it on a quiet machine: a second process on the cores slows every figure.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

JOBS = ("backup", "queue_check", "thresholds_folder", "training")


class Cancelled(Exception):
    pass


def timed_run(job, cancel_after: float | None) -> tuple[float, list[float], float | None]:
    """Run ``job(progress)`` in a thread; cancel it ``cancel_after`` seconds in (None: not
    at all). Its duration, the times of its progress points, and the time from the cancel
    to its end (None when it ended before the cancel came)."""
    cancelled = threading.Event()
    points: list[float] = []
    ended: dict = {}

    def progress(*_args) -> bool:
        points.append(time.perf_counter())
        return not cancelled.is_set()

    def run() -> None:
        try:
            job(progress)
        except Exception as error:  # noqa: BLE001 (a cancel is raised by some jobs)
            ended["error"] = error
        ended["at"] = time.perf_counter()

    start = time.perf_counter()
    thread = threading.Thread(target=run)
    thread.start()
    cancel_at = None
    if cancel_after is not None:
        thread.join(cancel_after)
        if thread.is_alive():
            cancel_at = time.perf_counter()
            cancelled.set()
    thread.join()
    if "error" in ended and cancel_at is None:
        raise ended["error"]
    latency = None if cancel_at is None else ended["at"] - cancel_at
    return ended["at"] - start, [p - start for p in points], latency


def measure(name: str, job, cancels: int, rng: random.Random) -> dict:
    timed_run(job, None)  # once before: the preprocessed images cached, as in the app
    whole, points, _ = timed_run(job, None)
    waits = np.diff([0.0, *points, whole]) if points else np.array([whole])
    figures = {
        "job": name,
        "whole_s": round(whole, 2),
        "progress_points": len(points),
        "longest_wait_s": round(float(waits.max()), 2),
    }
    if points:  # an urgent job (the desk's verification) runs at the next progress point
        arrivals = np.asarray([rng.uniform(0, whole) for _ in range(2000)])
        ends = np.asarray([*points, whole])
        to_next = 1000 * (ends[np.searchsorted(ends, arrivals)] - arrivals)
        figures |= {
            "next_point_ms_p50": round(float(np.percentile(to_next, 50)), 1),
            "next_point_ms_p95": round(float(np.percentile(to_next, 95)), 1),
        }
    latencies = []
    for _ in range(cancels):
        _, _, latency = timed_run(job, rng.uniform(0.05, 0.95) * whole)
        if latency is not None:
            latencies.append(1000 * latency)
    if latencies:
        ms = np.asarray(latencies)
        figures |= {
            "cancels": len(ms),
            "cancel_ms_p50": round(float(np.percentile(ms, 50)), 1),
            "cancel_ms_p95": round(float(np.percentile(ms, 95)), 1),
            "cancel_ms_max": round(float(ms.max()), 1),
        }
    return figures


def backup_job(folder: Path, people: int):
    from store_scale import fill

    from sigverify.core.store import Store
    from sigverify.core.store_backup import back_up

    path = folder / "backup-store.sqlite3"
    with Store(path) as store:
        fill(store, people, 5, 64, 20_000, "bench@1", distinct=True)
    count = iter(range(10**6))

    def job(progress):  # (opened in the job's thread, as the worker has its own)
        with Store(path) as store:
            back_up(store, folder / f"b{next(count)}.zip", "bench", progress)

    return job


def queue_job(folder: Path, items: int, model):
    from sigverify.core.batch_items import BatchItem
    from sigverify.core.data.synthetic import genuine_signature, writer_style
    from sigverify.core.imaging.imageio import encode_png
    from sigverify.core.queue import DeskQueue
    from sigverify.core.store import Store
    from sigverify.core.verification import VerificationService
    from sigverify.core.verification_results import SignatureInput

    path = folder / "queue-store.sqlite3"
    with Store(path) as store:
        service = VerificationService(store, model, operator="bench")
        for person in range(10):
            style = writer_style(person)
            references = [
                SignatureInput(f"r{i}.png", encode_png(genuine_signature(style, i).image))
                for i in range(5)
            ]
            service.enroll(f"P-{person}", references, accept_outliers=True)
    scans = folder / "scans"
    scans.mkdir()
    batch = []
    for n in range(items):
        scan = scans / f"cheque-{n}.png"
        scan.write_bytes(encode_png(genuine_signature(writer_style(n % 10), 5 + n // 10).image))
        batch.append(BatchItem(n + 1, f"P-{n % 10}", scan.name, scan))
    count = iter(range(10**6))

    def job(progress):
        queue = DeskQueue(folder / f"q{next(count)}" / "store.sqlite3")  # a fresh queue
        queue.add(batch)
        with Store(path) as store:
            queue.check(VerificationService(store, model, operator="bench"), progress)

    return job


def thresholds_job(data: Path, model):
    from sigverify.core.evaluation.measure import folder_scores

    def job(progress):
        folder_scores(model, data, 5, progress)

    return job


def training_job(data: Path, folder: Path, steps: int):
    from sigverify.core.data.datasets import read_dataset
    from sigverify.core.imaging.preprocessing import PreprocessConfig
    from sigverify.core.training.config import TrainConfig
    from sigverify.core.training.run import TrainingPlan, run_training

    config = TrainConfig(  # the wizard's defaults, fewer steps
        epochs=2,
        steps_per_epoch=steps,
        preprocess=PreprocessConfig().to_dict(),
        threads=2,
    )
    count = iter(range(10**6))

    def job(progress):
        plan = TrainingPlan([read_dataset(data, "auto")], config, folder / f"t{next(count)}", "b")
        run_training(plan, lambda part: progress, on_progress=progress)

    return job


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", nargs="+", choices=JOBS, default=list(JOBS))
    parser.add_argument("--cancels", type=int, default=5)
    parser.add_argument("--people", type=int, default=1000)
    parser.add_argument("--items", type=int, default=200)
    parser.add_argument("--writers", type=int, default=40)
    parser.add_argument("--steps", type=int, default=10)
    parser.add_argument("--model", default="models/default")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="sigverify-bench-cancel-"))
    os.environ["SIGVERIFY_HOME"] = str(folder / "home")  # its own cache, not the user's
    from sigverify.core.data.synthetic import write_synthetic_dataset
    from sigverify.core.memory import peak_rss_mb
    from sigverify.core.model.inference import load_for_inference

    rng = random.Random(args.seed)
    model = load_for_inference(args.model, threads=2)
    data = None
    if {"thresholds_folder", "training"} & set(args.jobs):
        data = write_synthetic_dataset(folder / "data", writers=args.writers)
    makers = {
        "backup": lambda: backup_job(folder, args.people),
        "queue_check": lambda: queue_job(folder, args.items, model),
        "thresholds_folder": lambda: thresholds_job(data, model),
        "training": lambda: training_job(data, folder, args.steps),
    }
    results = [measure(name, makers[name](), args.cancels, rng) for name in args.jobs]
    print(json.dumps({"cancel": results, "peak_rss_mb": round(peak_rss_mb(), 1)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
