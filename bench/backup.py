"""How long do a backup, its check and a restore take for a store of ``--people`` people
with ``--refs`` references each (stand-in images of ``--image-bytes``, as
``bench/store_scale.py`` fills them)? As JSON: the store's size, the backup's size, and
for each step its seconds (median of ``--runs``) and the peak resident memory of the
process after it.

    python bench/backup.py [--people 2000] [--refs 5] [--image-bytes 60000] [--runs 3]
                           [--passphrase "some words"]

- ``back_up_s``: ``store_backup.back_up`` (the copy beside the store, then the zip);
- ``check_s``: ``store_restore.check_backup`` (every file against its digest, every row
  against the seal: what the app does before it asks);
- ``prepare_s``: ``store_restore.prepare_restore`` (the app's Restore from a backup…
  before it asks: the file copied, or decrypted, beside the store and checked there; then
  dropped);
- ``restore_s``: ``store_restore.restore_backup`` over the store (checked again, models,
  the swap; the store it replaces kept in replaced-stores/).

``--passphrase``: backups encrypted (:mod:`sigverify.core.backup_encryption`): the
backup adds the encryption, the check and the restore the decryption (and stretching the
passphrase, about half a second each).

Real scans are 20-200 kB (CEDAR's PNGs about 60 kB): the default stand-in size; each
person's images are their own random bytes, which do not compress (as scans barely do).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from store_scale import fill  # noqa: E402

from sigverify.core.backup_encryption import set_backup_passphrase  # noqa: E402
from sigverify.core.restore_at_next_start import discard_prepared, prepare_restore  # noqa: E402
from sigverify.core.store import Store  # noqa: E402
from sigverify.core.store_backup import back_up  # noqa: E402
from sigverify.core.store_restore import check_backup, restore_backup  # noqa: E402


def peak_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=2000)
    parser.add_argument("--refs", type=int, default=5)
    parser.add_argument("--image-bytes", type=int, default=60000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--passphrase", default=None, help="encrypt the backups with it")
    parser.add_argument("--folder", default=None, help="work here (default: a temp folder)")
    args = parser.parse_args()
    work = Path(args.folder or tempfile.mkdtemp(prefix="sigverify-backup-bench-"))
    os.environ["SIGVERIFY_HOME"] = str(work / "home")  # (models, if any, installed there)
    store_path = work / "desk" / "store.sqlite3"
    with Store(store_path) as store:
        fill(store, args.people, args.refs, 256, args.image_bytes, "bench-model", distinct=True)
        if args.passphrase:
            set_backup_passphrase(store, args.passphrase, "bench", None)
    times: dict[str, list[float]] = {
        "back_up_s": [],
        "check_s": [],
        "prepare_s": [],
        "restore_s": [],
    }
    memory = {}
    backup = work / "stick" / "backup.zip"
    backup.parent.mkdir(parents=True, exist_ok=True)
    for _ in range(args.runs):
        with Store(store_path) as store:
            started = time.perf_counter()
            back_up(store, backup, "bench")
            times["back_up_s"].append(time.perf_counter() - started)
        memory["back_up"] = peak_mb()
        started = time.perf_counter()
        check_backup(backup, passphrase=args.passphrase)
        times["check_s"].append(time.perf_counter() - started)
        memory["check"] = peak_mb()
        started = time.perf_counter()
        discard_prepared(prepare_restore(backup, store_path, args.passphrase))
        times["prepare_s"].append(time.perf_counter() - started)
        memory["prepare"] = peak_mb()
        started = time.perf_counter()
        restore_backup(backup, store_path, "bench", args.passphrase)
        times["restore_s"].append(time.perf_counter() - started)
        memory["restore"] = peak_mb()
        shutil.rmtree(store_path.parent / "replaced-stores")
    result = {
        "people": args.people,
        "references": args.people * args.refs,
        "image_bytes": args.image_bytes,
        "encrypted": bool(args.passphrase),
        "store_mb": round(store_path.stat().st_size / 1e6, 1),
        "backup_mb": round(backup.stat().st_size / 1e6, 1),
        **{name: round(statistics.median(values), 2) for name, values in times.items()},
        "runs": args.runs,
        "peak_rss_mb_after": memory,
    }
    print(json.dumps(result, indent=2))
    if not args.folder:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
