"""Render the app's windows offscreen to docs/screenshots/*.png (shown in README.md),
plus a picture of what preprocessing does to synthetic signatures.

    python scripts/render_screenshots.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sigverify.core.preprocessing import preprocess_signature  # noqa: E402
from sigverify.core.synthetic import forged_signature, genuine_signature, writer_style  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"


def preprocessing_figure(path: Path) -> None:
    """Synthetic writers: genuine and forged scans, and what the model sees of each."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    writers = (2, 5, 11)
    figure = Figure(figsize=(10, 2.0 * len(writers) + 0.4), dpi=100, layout="constrained")
    axes = figure.subplots(len(writers), 4)
    titles = (
        "genuine: scan",
        "genuine: model sees",
        "skilled forgery: scan",
        "forgery: model sees",
    )
    for row, writer in enumerate(writers):
        style = writer_style(writer)
        images = []
        for sample in (genuine_signature(style, 0), forged_signature(style, 0)):
            images += [sample.image, preprocess_signature(sample.image)]
        for col, image in enumerate(images):
            ax = axes[row, col]
            ax.imshow(image, cmap="gray", vmin=0, vmax=255)
            ax.set_xticks([])
            ax.set_yticks([])
            if row == 0:
                ax.set_title(titles[col], fontsize=10)
        axes[row, 0].set_ylabel(f"writer {writer}", fontsize=10)
    figure.savefig(path)


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from sigverify.gui.app import create_main_window

    OUT.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv)
    window = create_main_window()
    window.show()
    app.processEvents()
    window.grab().save(str(OUT / "main_window.png"))
    window.close()
    preprocessing_figure(OUT / "preprocessing.png")
    print(f"wrote {sorted(p.name for p in OUT.glob('*.png'))} to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
