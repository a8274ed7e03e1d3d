"""Reading signature images from files or bytes into one greyscale form.

Every image, whatever it was on disk (PNG, JPEG, TIFF, BMP; 1-, 8- or 16-bit; grey,
palette, RGB, RGBA; EXIF-rotated; multi-page), comes out as a ``uint8`` array of shape
``(H, W)`` with paper bright and ink dark. Transparent pixels count as white paper.
Anything that cannot be read raises an :class:`~sigverify.core.errors.ImageReadError`
(or a sibling) whose message a clerk can act on.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from sigverify.core.errors import ImageReadError, ImageTooLargeError, ImageTooSmallError
from sigverify.core.i18n import translate

#: Refuse images above this many pixels: decoding them could exhaust memory.
MAX_PIXELS = 100_000_000
#: Refuse images whose shorter side is below this: no signature is readable at that size.
MIN_SIDE = 16
#: File suffixes the dataset readers and file dialogs look for.
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp")


@dataclass(frozen=True)
class LoadedImage:
    """A decoded image.

    ``pixels``: ``uint8`` array ``(H, W)``, paper bright, ink dark, already turned
    upright by the EXIF orientation. ``warnings``: things the user should know but that
    did not stop the load (e.g. only the first page of a multi-page TIFF was used).
    """

    pixels: np.ndarray
    source: str
    format: str
    warnings: tuple[str, ...] = field(default_factory=tuple)


def load_image(path: str | Path) -> LoadedImage:
    """Read an image file (any path, including non-ASCII ones)."""
    path = Path(path)
    name = path.name or str(path)
    if not path.exists():
        raise ImageReadError(
            translate("errors", "The file “{name}” does not exist.").format(name=name)
        )
    if path.is_dir():
        raise ImageReadError(
            translate("errors", "“{name}” is a folder, not an image file.").format(name=name)
        )
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ImageReadError(
            translate("errors", "The file “{name}” cannot be opened: {strerror}.").format(
                name=name, strerror=error.strerror
            )
        ) from error
    return decode_image(data, source=str(path))


def decode_image(data: bytes, source: str = "image") -> LoadedImage:
    """Decode image bytes (a file's content, a clipboard image) into a :class:`LoadedImage`."""
    name = Path(source).name or source
    if not data:
        raise ImageReadError(
            translate("errors", "The file “{name}” is empty (0 bytes).").format(name=name)
        )
    with warnings.catch_warnings():
        # We apply our own, lower, pixel limit below with a clearer message.
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data))
        except Image.DecompressionBombError as error:
            raise _too_large(name, None) from error
        except UnidentifiedImageError as error:
            raise ImageReadError(
                translate(
                    "errors",
                    "“{name}” is not an image sigverify can read. Use a PNG, JPEG, TIFF or BMP "
                    "scan or photo of the signature.",
                ).format(name=name)
            ) from error
        except OSError as error:
            raise _damaged(name) from error

        width, height = image.size
        if width * height > MAX_PIXELS:
            raise _too_large(name, (width, height))
        if min(width, height) < MIN_SIDE:
            raise ImageTooSmallError(
                translate(
                    "errors",
                    "“{name}” is only {width} × {height} pixels: too small to hold a readable "
                    "signature (at least {MIN_SIDE} pixels on each side are needed).",
                ).format(name=name, width=width, height=height, MIN_SIDE=MIN_SIDE)
            )
        notes: list[str] = []
        frames = getattr(image, "n_frames", 1)
        if frames > 1:
            notes.append(
                translate(
                    "errors", "“{name}” has {frames} pages; only the first page was used."
                ).format(name=name, frames=frames)
            )
        fmt = image.format or "unknown"
        try:
            image.load()
            image = ImageOps.exif_transpose(image)
            pixels = _to_grey(image)
        except (OSError, ValueError, SyntaxError) as error:
            raise _damaged(name) from error
    return LoadedImage(pixels=pixels, source=source, format=fmt, warnings=tuple(notes))


def _too_large(name: str, size: tuple[int, int] | None) -> ImageTooLargeError:
    what = (
        translate("errors", "{width} × {height} pixels").format(width=size[0], height=size[1])
        if size
        else translate("errors", "too many pixels")
    )
    return ImageTooLargeError(
        translate(
            "errors",
            "“{name}” is too large to open safely ({what}; the limit is {limit} megapixels). "
            "Scan at 300 dpi or less, or crop the signature.",
        ).format(name=name, what=what, limit=MAX_PIXELS // 1_000_000)
    )


def _damaged(name: str) -> ImageReadError:
    return ImageReadError(
        translate(
            "errors", "“{name}” is damaged or incomplete and cannot be read. Scan or copy it again."
        ).format(name=name)
    )


def _to_grey(image: Image.Image) -> np.ndarray:
    """Any Pillow mode -> ``uint8 (H, W)``; transparency composited onto white paper."""
    mode = image.mode
    if mode in ("I;16", "I;16L", "I;16B", "I;16N", "I"):
        values = np.asarray(image, dtype=np.float64)
        # 16-bit grey (Pillow may widen it to 32-bit "I"); 8-bit data stored as "I" stays put.
        scale = 65535.0 if values.max(initial=0) > 255 else 255.0
        return np.clip(np.rint(values / scale * 255.0), 0, 255).astype(np.uint8)
    if mode == "F":
        values = np.asarray(image, dtype=np.float64)
        top = values.max(initial=0)
        scale = 1.0 if top <= 1.0 else (255.0 if top <= 255 else 65535.0)
        return np.clip(np.rint(values / scale * 255.0), 0, 255).astype(np.uint8)
    if mode == "1":
        return np.asarray(image.convert("L"), dtype=np.uint8).copy()
    has_alpha = mode in ("RGBA", "LA", "PA", "La", "RGBa") or (
        mode == "P" and "transparency" in image.info
    )
    if has_alpha:
        rgba = image.convert("RGBA")
        paper = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        image = Image.alpha_composite(paper, rgba)
    return np.asarray(image.convert("L"), dtype=np.uint8).copy()
