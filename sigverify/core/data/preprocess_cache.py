"""Preprocessed training and evaluation images kept on disk, so that a second epoch, a
second run or an evaluation does not preprocess the same scans again.

One folder per preprocessing configuration (and :data:`PIPELINE_VERSION`, raised whenever
the code changes what an image becomes) under the user cache folder; one small PNG per
source file, named by the file's resolved path, size and modification time. An image that
could not be used is remembered with its message. Deleting the folder only costs time.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path

import cv2
import numpy as np

from sigverify.core.errors import SigverifyError
from sigverify.core.imaging.preprocessing import PreprocessConfig
from sigverify.core.paths import user_cache_dir

#: Raise when preprocessing code changes its output for the same configuration (2: own
#: thinning, chamfer stroke edges, whole-factor working size; 3: a signature small on a whole
#: page looked at again at its own resolution, one image of the five data sets; 4: pen
#: recordings drawn as ink, each of them cached as refused before).
PIPELINE_VERSION = 4


def config_key(config: PreprocessConfig) -> str:
    text = json.dumps({"config": config.to_dict(), "version": PIPELINE_VERSION}, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


class PreprocessCache:
    """``cached(path, prepare)``: ``prepare(path)``'s image, from disk when it was made
    before for the same file and configuration."""

    def __init__(self, config: PreprocessConfig, root: Path | None = None):
        self.folder = (root or user_cache_dir() / "preprocessed") / config_key(config)
        self.shape = (config.height, config.width)

    def _entry(self, path: Path) -> Path:
        resolved = path.resolve()
        stat = resolved.stat()
        text = f"{resolved}\0{stat.st_size}\0{stat.st_mtime_ns}"
        digest = hashlib.sha1(text.encode("utf-8", "surrogateescape")).hexdigest()
        return self.folder / digest[:2] / digest

    def cached(self, path: Path, prepare: Callable[[Path], np.ndarray]) -> np.ndarray:
        """Raises the :class:`SigverifyError` that ``prepare`` raised (then or before)."""
        try:
            entry = self._entry(Path(path))
        except OSError:
            return prepare(path)  # unreadable: let prepare raise its own clear error
        image = _read(entry.with_suffix(".png"), self.shape)
        if image is not None:
            return image
        failure = entry.with_suffix(".txt")
        if failure.is_file():
            raise SigverifyError(failure.read_text(encoding="utf-8"))
        try:
            image = prepare(path)
        except SigverifyError as error:
            _write(failure, str(error).encode("utf-8"))
            raise
        _write_image(entry, image)
        return image

    def put(self, path: Path, image: np.ndarray) -> None:
        """Keep ``image`` as the preprocessed ``path`` (a file that exists), as
        :meth:`cached` would have made it."""
        _write_image(self._entry(Path(path)), image)


def _write_image(entry: Path, image: np.ndarray) -> None:
    ok, data = cv2.imencode(".png", image, [cv2.IMWRITE_PNG_COMPRESSION, 1])
    if ok:
        _write(entry.with_suffix(".png"), data.tobytes())


def _read(file: Path, shape: tuple[int, int]) -> np.ndarray | None:
    try:
        data = file.read_bytes()
    except OSError:
        return None
    image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_UNCHANGED)
    if image is None or image.shape != shape or image.dtype != np.uint8:
        return None  # damaged or foreign: made again
    return image


def _write(file: Path, data: bytes) -> None:
    """Written under a temporary name and renamed: a crash never leaves half a file."""
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        temporary = file.with_name(f"{file.name}.{os.getpid()}.tmp")
        temporary.write_bytes(data)
        temporary.replace(file)
    except OSError:
        pass  # a full or read-only cache only costs time
