"""Telling a whole page from a signature cut out of one, as JSON: how many scans of the
data folders (signatures alone) are taken for a page, and how many synthetic cheques and
forms made from them (scanned and photographed) are, with the time per picture
(``sigverify.core.imaging.whole_page``).

    python bench/whole_page.py --data ../shared/data/cedar --data ... [--scans 50]
                               [--pages 80] [--seed 7]

``scans``: that many files of each folder, at random; ``pages``: synthetic pages from
their writers' first scans (``synthetic_pages.pages_of_writers``: half cheques, half forms,
half of each photographed). ``share`` quantiles are the locator's share of signature ink
(a page at most ``whole_page.PRINT_SHARE``), over the pictures long enough for the
network to look at (``long_enough_for_the_network``: some of them are decided before it
looks, as a photographed sheet or an upright page).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

import cv2
import numpy as np

from sigverify.core.data.datasets import read_dataset
from sigverify.core.data.synthetic_pages import pages_of_writers
from sigverify.core.imaging import whole_page
from sigverify.core.imaging.imageio import load_image


def look(pixels: np.ndarray) -> tuple[bool, float | None, float]:
    """(a page?, the network's signature share or None when not looked at, ms)."""
    start = time.perf_counter()
    page = whole_page.looks_like_page(pixels)
    ms = 1000 * (time.perf_counter() - start)
    grey = cv2.cvtColor(pixels, cv2.COLOR_RGB2GRAY) if pixels.ndim == 3 else pixels
    share = (
        whole_page.signature_ink_share(grey)
        if max(grey.shape) >= whole_page.LOOKED_AT_SIDE
        else None
    )
    return page, share, ms


def summary(found: list[tuple[bool, float | None, float]]) -> dict:
    shares = [s for _, s, _ in found if s is not None]
    times = [t for _, _, t in found]
    return {
        "pictures": len(found),
        "taken_for_pages": int(sum(p for p, _, _ in found)),
        "share_of_pages": round(float(np.mean([p for p, _, _ in found])), 4) if found else None,
        "long_enough_for_the_network": len(shares),
        "share_quantiles_p5_p50_p95": (
            [round(float(q), 3) for q in np.percentile(shares, [5, 50, 95])] if shares else None
        ),
        "ms_p50": round(float(np.percentile(times, 50)), 1) if times else None,
        "ms_p95": round(float(np.percentile(times, 95)), 1) if times else None,
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", action="append", required=True)
    parser.add_argument("--scans", type=int, default=50)
    parser.add_argument("--pages", type=int, default=80)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    scans = {}
    for folder in args.data:
        dataset = read_dataset(folder)
        files = [p for w in dataset.writers for p in w.genuine + w.forged]
        chosen = rng.sample(files, min(args.scans, len(files)))
        scans[Path(folder).name] = summary([look(load_image(p).pixels) for p in chosen])
    pages: dict[str, list] = {}
    for _, page in pages_of_writers(args.data, args.pages, args.seed):
        kind = page.kind + ("-photo" if page.photo else "")
        pages.setdefault(kind, []).append(look(page.image))
    json.dump(
        {
            "scans_alone": scans,
            "pages": {kind: summary(found) for kind, found in pages.items()},
            "print_share": whole_page.PRINT_SHARE,
            "upright_side": whole_page.UPRIGHT_SIDE,
            "looked_at_side": whole_page.LOOKED_AT_SIDE,
        },
        sys.stdout,
        indent=2,
    )
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
