"""Raw scans of each data folder beside what the model sees of them, and the same scan
photographed as a slip of paper on a desk beside what the model sees of that: a check that
grey, binarised and photographed signatures reach the model alike.

    python scripts/render_dataset_figure.py --data ../shared/data/cedar [--data ...]
        [--out docs/preprocessing_datasets.png] [--per-folder 2] [--model models/default]

The images are prepared as ``--model``'s card says (the default model: what it sees).

The data sets are for research only: the figure shows a few samples of each at low
resolution, and the images themselves are never copied into the project.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

from sigverify.core.data.datasets import read_dataset
from sigverify.core.errors import NoInkError
from sigverify.core.imaging.capture import photographed_slip
from sigverify.core.imaging.imageio import load_image
from sigverify.core.imaging.preprocessing import preprocess_signature
from sigverify.core.model.card import read_card


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", action="append", required=True)
    parser.add_argument("--out", default="docs/preprocessing_datasets.png")
    parser.add_argument("--per-folder", type=int, default=2)
    parser.add_argument("--model", default="models/default", help="prepare images as it does")
    args = parser.parse_args()

    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    config = read_card(args.model).preprocess_config()
    rows = []
    for folder in args.data:
        dataset = read_dataset(folder)
        writers = [w for w in dataset.writers if w.genuine]
        rng = np.random.default_rng(0)
        picked = rng.choice(len(writers), size=min(args.per_folder, len(writers)), replace=False)
        for i in picked:
            writer = writers[int(i)]
            path = writer.forged[0] if writer.forged and i % 2 else writer.genuine[0]
            raw = load_image(path).pixels
            kind = "forgery" if path in writer.forged else "genuine"
            rows.append((f"{Path(folder).name} {writer.id} ({kind})", raw, path))

    figure = Figure(figsize=(12, 1.45 * len(rows)), dpi=80)
    for r, (label, raw, _) in enumerate(rows):
        photo = photographed_slip(raw, np.random.default_rng(r))
        try:
            photo_seen, photo_title = preprocess_signature(photo, config), "what the model sees"
        except NoInkError:
            photo_seen = np.zeros((config.height, config.width), np.uint8)
            photo_title = "refused: ink too faint in the photo"
        panels = (
            (raw, f"{label}: {raw.shape[1]}x{raw.shape[0]} px"),
            (preprocess_signature(raw, config), "what the model sees"),
            (photo, "photographed as a slip (simulated)"),
            (photo_seen, photo_title),
        )
        for c, (image, title) in enumerate(panels):
            axes = figure.add_subplot(len(rows), 4, 4 * r + c + 1)
            axes.imshow(image, cmap="gray", vmin=0, vmax=255)
            axes.set_title(title, fontsize=8)
            axes.set_xticks([])
            axes.set_yticks([])
    figure.tight_layout()
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(args.out)
    print(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
