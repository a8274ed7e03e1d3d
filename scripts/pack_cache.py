"""Carry the preprocessed training images to a machine that has no copy of the data sets
(the lent GPU machine, which takes 64 MiB and no more), and unpack them there so that
``sigverify train`` runs unchanged.

    python scripts/pack_cache.py pack OUT.xz --data ../shared/data/cedar --data ...
    python scripts/pack_cache.py unpack OUT.xz      # on the other machine
    python scripts/pack_cache.py pack OUT2.xz --faint-ink 0 --base OUT.xz --data ...

``--base`` packs a second configuration of the same files as its difference from another
pack (most images come out the same, and a difference of zeros takes next to no room); it
is unpacked with that pack beside it.

``pack`` reads every image of the folders through the preprocessing cache of the default
recipe's configuration (``--size``, ``--stroke-width``, ``--faint-ink``,
``--enlarge-small-ink`` as ``sigverify train`` takes them; one pack per configuration),
and writes them, xz-compressed, with each file's absolute path, size and modification
time. ``unpack`` puts an empty file of the same size and time at the same absolute path
(sparse: no disk used; an SVC2004 ``.TXT`` recording's keeps its first line, by which it is
told from a README) and its preprocessed image into that machine's cache, which is
keyed by exactly those three: training there reads every image from the cache and never
the placeholder. The raw scans never leave this machine.
"""

from __future__ import annotations

import argparse
import json
import lzma
import os
import sys
from pathlib import Path

import numpy as np

from sigverify.core.data.datasets import prepared_signature, read_dataset
from sigverify.core.data.preprocess_cache import PreprocessCache
from sigverify.core.errors import SigverifyError
from sigverify.core.imaging.preprocessing import PreprocessConfig


def _config(args) -> PreprocessConfig:
    height, width = (int(v) for v in args.size.split("x"))
    return PreprocessConfig(
        height=height,
        width=width,
        stroke_width=args.stroke_width,
        faint_ink=args.faint_ink,
        enlarge_small_ink=bool(args.enlarge_small_ink),
    )


def pack(args) -> None:
    config = _config(args)
    cache = PreprocessCache(config)
    files, images, refused = [], [], 0
    for folder in args.data:
        dataset = read_dataset(folder)
        for writer in dataset.writers:
            for path in [*writer.genuine, *writer.forged]:
                path = Path(path).resolve()
                stat = path.stat()
                try:
                    image = cache.cached(path, lambda p: prepared_signature(p, config))
                except SigverifyError:
                    refused += 1  # skipped in training too: left out of the pack
                    continue
                files.append([str(path), stat.st_size, stat.st_mtime_ns, _first_line(path)])
                images.append(image)
        print(f"{folder}: {len(files)} images so far, {refused} refused", file=sys.stderr)
    stack = np.stack(images)
    head = {"config": config.to_dict(), "shape": stack.shape, "files": files}
    if args.base:
        stack = stack ^ _base_images(Path(args.base), files)
        head["base"] = Path(args.base).name
    header = json.dumps(head)
    with lzma.open(args.out, "wb", preset=6) as out:
        data = header.encode()
        out.write(len(data).to_bytes(8, "little") + data)
        out.write(stack.tobytes())
    print(f"{args.out}: {len(files)} images, {Path(args.out).stat().st_size / 1e6:.1f} MB")


def _first_line(path: Path) -> str:
    """An SVC2004 recording's first line (its number of points), by which a ``.TXT`` file
    is told from a README: the placeholder keeps it. Empty for other files."""
    if path.suffix.lower() != ".txt":
        return ""
    with path.open("rb") as handle:
        return handle.readline(64).decode("latin-1")


def _read(pack: Path) -> tuple[dict, np.ndarray]:
    with lzma.open(pack, "rb") as source:
        size = int.from_bytes(source.read(8), "little")
        header = json.loads(source.read(size))
        stack = np.frombuffer(source.read(), np.uint8).reshape(header["shape"])
    return header, stack


def _base_images(base: Path, files: list) -> np.ndarray:
    """The base pack's image of each file, in the order of ``files`` (zeros for a file it
    does not hold: the difference is then the image itself)."""
    header, stack = _read(base)
    index = {name: i for i, (name, *_) in enumerate(header["files"])}
    images = np.zeros((len(files), *stack.shape[1:]), np.uint8)
    for i, (name, *_) in enumerate(files):
        if name in index:
            images[i] = stack[index[name]]
    return images


def unpack(args) -> None:
    header, stack = _read(Path(args.pack))
    if "base" in header:
        stack = stack ^ _base_images(Path(args.pack).with_name(header["base"]), header["files"])
    cache = PreprocessCache(PreprocessConfig.from_dict(header["config"]))
    for (name, length, mtime_ns, *first), image in zip(header["files"], stack, strict=True):
        path = Path(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists():
            with open(path, "wb") as placeholder:
                placeholder.write((first[0] if first else "").encode("latin-1"))
                placeholder.truncate(length)
            os.utime(path, ns=(mtime_ns, mtime_ns))
        cache.put(path, image)
    print(f"{len(stack)} images into {cache.folder}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="verb", required=True)
    p = sub.add_parser("pack")
    p.add_argument("out")
    p.add_argument("--data", action="append", required=True)
    p.add_argument("--size", default="150x220")
    p.add_argument("--stroke-width", type=float, default=2.5)
    p.add_argument("--faint-ink", type=float, default=PreprocessConfig.faint_ink)
    p.add_argument("--enlarge-small-ink", type=int, choices=(0, 1), default=1)
    p.add_argument("--base", help="a pack of the same files to store the difference from")
    u = sub.add_parser("unpack")
    u.add_argument("pack")
    args = parser.parse_args()
    pack(args) if args.verb == "pack" else unpack(args)


if __name__ == "__main__":
    main()
