"""Peak memory of reading and preparing the largest images sigverify accepts: each of the
heaviest kinds of file at 6,300 x 6,300 pixels (just under the 40-megapixel limit), read and
preprocessed in a fresh process. As JSON: the peak RSS in MB per kind (target: under 500).

    python bench/decode_memory.py [--side 6300]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]

PROBE = """
import sys
from sigverify.core.errors import SigverifyError
from sigverify.core.imaging.imageio import load_image
from sigverify.core.imaging.preprocessing import preprocess_signature
from sigverify.core.memory import peak_rss_mb
try:
    preprocess_signature(load_image(sys.argv[1]).pixels)
    outcome = "prepared"
except SigverifyError as error:
    outcome = type(error).__name__
print(outcome, peak_rss_mb())
"""


def write(kind: str, side: int, folder: Path) -> Path:
    """A plain page of ``kind`` (its content does not matter for memory)."""
    array = {
        "png_16bit": lambda: np.full((side, side), 40000, np.uint16),
        "tiff_16bit": lambda: np.full((side, side), 40000, np.uint16),
        "png_rgba": lambda: np.full((side, side, 4), 200, np.uint8),
        "png_grey_alpha": lambda: np.full((side, side, 2), 200, np.uint8),
        "tiff_cmyk_lzw": lambda: np.full((side, side, 4), 20, np.uint8),
        "jpeg_rgb": lambda: np.full((side, side, 3), 200, np.uint8),
    }[kind]()
    mode = {"png_grey_alpha": "LA", "tiff_cmyk_lzw": "CMYK"}.get(kind)
    image = Image.fromarray(array, mode) if mode else Image.fromarray(array)
    path = folder / (kind + {"png": ".png", "tif": ".tif", "jpe": ".jpg"}[kind[:3]])
    image.save(path, **({"compression": "tiff_lzw"} if kind == "tiff_cmyk_lzw" else {}))
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--side", type=int, default=6300)
    args = parser.parse_args()
    result = {"side_px": args.side, "peak_rss_mb": {}, "outcome": {}}
    with tempfile.TemporaryDirectory() as folder:
        for kind in ("png_16bit", "tiff_16bit", "png_rgba", "png_grey_alpha", "tiff_cmyk_lzw",
                     "jpeg_rgb"):  # fmt: skip
            path = write(kind, args.side, Path(folder))
            run = subprocess.run(
                [sys.executable, "-c", PROBE, str(path)],
                capture_output=True, text=True, cwd=ROOT, check=True,
            )  # fmt: skip
            outcome, peak = run.stdout.split()
            result["peak_rss_mb"][kind] = round(float(peak), 1)
            result["outcome"][kind] = outcome
            path.unlink()
    result["max_peak_rss_mb"] = max(result["peak_rss_mb"].values())
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
