"""Train the network that finds signatures on pages (:mod:`sigverify.core.imaging.locate_net`)
and write it to ``resources/locator/`` (``locator.onnx`` and ``card.json``).

Pages are synthetic cheques and forms
(:func:`sigverify.core.data.synthetic_pages.pages_of_writers`) with real signatures of the
given data folders' writers; each page is prepared as the app prepares it
(:func:`sigverify.core.imaging.locate.page_view`), read at
:data:`~sigverify.core.imaging.locate_net.LONG_SIDE` pixels, and the targets are each
signature's box, the box's kernel and the signature's ink
(:data:`~sigverify.core.imaging.locate_net.CHANNELS`). Train on some data sets and measure
on others (``bench/locate.py``):

    python scripts/train_locator.py --data ../shared/data/cedar \\
        --data ../shared/data/bhsig260_bengali [--pages 1000] [--steps 1200] [--seed 20]

About 20 minutes on 2 cores (a third making pages, the rest training). Needs torch.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import cv2
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sigverify.core.data.synthetic_pages import pages_of_writers  # noqa: E402
from sigverify.core.imaging import locate  # noqa: E402
from sigverify.core.imaging.locate_net import CHANNELS, KERNEL_SHARE, LONG_SIDE  # noqa: E402

CROP = 192  # training crops (pixels of the page read at LONG_SIDE)
BATCH = 8


def prepared_pages(folders: list[str], count: int, seed: int) -> list:
    """``(page read at LONG_SIDE, uint8 targets (3, h, w))`` of ``count`` pages: the
    signatures' boxes, their kernels (the boxes shrunk about their centres, which keep two
    signatures side by side apart) and their ink."""
    out = []
    for _, page in pages_of_writers(folders, count, seed):
        view = locate.page_view(page.image)
        h, w = view.grey.shape
        factor = LONG_SIDE / max(h, w)
        size = (max(1, round(w * factor)), max(1, round(h * factor)))
        small = cv2.resize(view.grey, size, interpolation=cv2.INTER_AREA)
        to_view = np.linalg.inv(view.to_input)
        targets = np.zeros((len(CHANNELS), *small.shape), np.uint8)
        for box, ink in zip(page.boxes, page.masks, strict=True):
            mapped = locate.mapped_corners(box, to_view) * factor
            centre = mapped.mean(0)
            kernel = centre + (mapped - centre) * np.array(KERNEL_SHARE)
            cv2.fillPoly(targets[0], [np.round(mapped).astype(np.int32)], 1)
            cv2.fillPoly(targets[1], [np.round(kernel).astype(np.int32)], 1)
            ink_view = cv2.warpPerspective(ink * 255, to_view, (w, h), flags=cv2.INTER_LINEAR)
            ink_small = cv2.resize(ink_view, size, interpolation=cv2.INTER_AREA) >= 40
            targets[2] |= cv2.dilate(ink_small.astype(np.uint8), np.ones((3, 3), np.uint8))
        out.append((small, targets))
    return out


def network():
    import torch
    from torch import nn
    from torch.nn import functional as F

    def block(i: int, o: int, dilation: int = 1):
        return nn.Sequential(
            nn.Conv2d(i, o, 3, padding=dilation, dilation=dilation, bias=False),
            nn.BatchNorm2d(o),
            nn.ReLU(inplace=True),
            nn.Conv2d(o, o, 3, padding=dilation, dilation=dilation, bias=False),
            nn.BatchNorm2d(o),
            nn.ReLU(inplace=True),
        )

    class Locator(nn.Module):
        """A small U-Net: three scales down, dilated context at the bottom, three up."""

        def __init__(self):
            super().__init__()
            self.e1, self.e2, self.e3 = block(1, 12), block(12, 24), block(24, 32)
            self.mid = nn.Sequential(block(32, 48, 2), block(48, 48, 4))
            self.d3, self.d2, self.d1 = block(80, 32), block(56, 24), block(36, 12)
            self.head = nn.Conv2d(12, len(CHANNELS), 1)

        def forward(self, x):
            def up(y, like):
                return F.interpolate(y, size=like.shape[2:], mode="bilinear", align_corners=False)

            a = self.e1(x)
            b = self.e2(F.max_pool2d(a, 2))
            c = self.e3(F.max_pool2d(b, 2))
            m = self.mid(F.max_pool2d(c, 2))
            c = self.d3(torch.cat([up(m, c), c], 1))
            b = self.d2(torch.cat([up(c, b), b], 1))
            return self.head(self.d1(torch.cat([up(b, a), a], 1)))

    return Locator()


def crop(small: np.ndarray, targets: np.ndarray, rng: np.random.Generator):
    """A CROP x CROP piece (half of them near a signature), ink bright, brightness jittered."""
    h, w = small.shape
    if h < CROP or w < CROP:
        pad = ((0, max(0, CROP - h)), (0, max(0, CROP - w)))
        small, targets = np.pad(small, pad, constant_values=255), np.pad(targets, ((0, 0), *pad))
        h, w = small.shape
    if rng.random() < 0.5 and targets[0].any():
        ys, xs = np.nonzero(targets[0])
        k = rng.integers(len(ys))
        y0 = int(np.clip(ys[k] - rng.integers(0, CROP), 0, h - CROP))
        x0 = int(np.clip(xs[k] - rng.integers(0, CROP), 0, w - CROP))
    else:
        y0, x0 = int(rng.integers(0, h - CROP + 1)), int(rng.integers(0, w - CROP + 1))
    piece = small[y0 : y0 + CROP, x0 : x0 + CROP].astype(np.float32)
    if rng.random() < 0.3:
        piece = np.clip((piece - 128) * rng.uniform(0.7, 1.2) + 128 + rng.uniform(-20, 20), 0, 255)
    return (255 - piece) / 255, targets[:, y0 : y0 + CROP, x0 : x0 + CROP].astype(np.float32)


def train(items, steps: int, seed: int):
    import torch
    from torch.nn import functional as F

    torch.manual_seed(seed)
    torch.set_num_threads(2)
    rng = np.random.default_rng(seed)
    net = network()
    optimiser = torch.optim.AdamW(net.parameters(), 2e-3, weight_decay=1e-4)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimiser, 3e-3, total_steps=steps)
    started = time.time()
    for step in range(steps):
        batch = [crop(*items[int(rng.integers(len(items)))], rng) for _ in range(BATCH)]
        x = torch.from_numpy(np.stack([b[0] for b in batch]))[:, None]
        y = torch.from_numpy(np.stack([b[1] for b in batch]))
        logit = net(x)
        # boxes, kernels and ink are a small share of a page: per channel, weighted
        # cross-entropy plus a dice term
        loss = F.binary_cross_entropy_with_logits(logit, y, pos_weight=torch.tensor(3.0))
        p = torch.sigmoid(logit)
        overlap = (p * y).sum((0, 2, 3))
        loss = loss + (1 - (2 * overlap + 1) / (p.sum((0, 2, 3)) + y.sum((0, 2, 3)) + 1)).sum()
        optimiser.zero_grad()
        loss.backward()
        optimiser.step()
        schedule.step()
        if step % 100 == 0:
            print(f"step {step}/{steps}: loss {loss.item():.4f}, {time.time() - started:.0f} s")
    return net.eval()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", action="append", required=True)
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--steps", type=int, default=1200)
    parser.add_argument("--seed", type=int, default=20)
    parser.add_argument("--out", default="resources/locator")
    args = parser.parse_args()
    import torch

    started = time.time()
    half = args.pages // 2
    with ProcessPoolExecutor(2) as pool:  # two page sets (seed, seed + 1) made side by side
        parts = pool.map(prepared_pages, [args.data] * 2, [half, args.pages - half],
                         [args.seed, args.seed + 1])  # fmt: skip
        items = [item for part in parts for item in part]
    print(f"{len(items)} pages made in {time.time() - started:.0f} s")
    net = train(items, args.steps, args.seed)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    onnx_path = out / "locator.onnx"
    torch.onnx.export(
        net, torch.zeros(1, 1, 320, LONG_SIDE), str(onnx_path), input_names=["page"],
        output_names=["logit"], dynamic_axes={"page": {2: "h", 3: "w"}, "logit": {2: "h", 3: "w"}},
        opset_version=17, dynamo=False,
    )  # fmt: skip
    card = {
        "what": "signature boxes on a page (sigverify.core.imaging.locate_net)",
        "input": f"the page view, long side {LONG_SIDE} px, ink bright (255 - grey) / 255",
        "output": "logits per pixel: " + ", ".join(CHANNELS),
        "parameters": sum(p.numel() for p in net.parameters()),
        "trained_on": [Path(d).name for d in args.data],
        "pages": len(items),
        "steps": args.steps,
        "seed": args.seed,
        "command": "python scripts/train_locator.py "
        + " ".join(f"--data {d}" for d in args.data)
        + f" --pages {args.pages} --steps {args.steps} --seed {args.seed}",
        "onnx_sha256": hashlib.sha256(onnx_path.read_bytes()).hexdigest(),
        "seconds": round(time.time() - started),
    }
    (out / "card.json").write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(card, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
