"""Reading signature images from files or bytes into one greyscale form.

Every image, whatever it was on disk (PNG, JPEG, TIFF, BMP; 1-, 8- or 16-bit; grey,
palette, RGB, RGBA; EXIF-rotated; multi-page), comes out as a ``uint8`` array of shape
``(H, W)`` with paper bright and ink dark. Transparent pixels count as white paper.
Anything that cannot be read raises an :class:`~sigverify.core.errors.ImageReadError`
(or a sibling) whose message a clerk can act on.
"""

from __future__ import annotations

import io
import os
import stat
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from sigverify.core.errors import (
    ImageReadError,
    ImageTooLargeError,
    ImageTooSmallError,
    SigverifyError,
)
from sigverify.core.i18n import translate

#: Refuse images above this many pixels (after a JPEG's reduced decoding): decoding them
#: could exhaust memory. An A4 page at 600 dpi is 35 megapixels.
MAX_PIXELS = 40_000_000
#: Refuse files larger than this before reading them (an uncompressed 16-bit 40-megapixel
#: TIFF is 80 MB).
MAX_FILE_BYTES = 150_000_000
#: The only decoders Pillow may use: the documented formats. Pillow knows some forty more
#: (PostScript through Ghostscript, PPM, TGA, ICO...), none of them a scanner's or phone's.
#: (A phone's JPEG that carries a second, preview image opens as JPEG, then says "MPO".)
FORMATS = ("PNG", "JPEG", "TIFF", "BMP")
#: A JPEG larger than this on its long side is decoded at a reduced scale (1/2, 1/4, 1/8),
#: which takes a fraction of the memory and time; preprocessing works at 1600 px anyway.
JPEG_DRAFT_SIDE = 3200
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
    return decode_image(read_image_file(path), source=str(path))


def read_image_file(path: str | Path) -> bytes:
    """The bytes of an image file: a regular file (not a folder, pipe or device) of at most
    :data:`MAX_FILE_BYTES`, checked before reading; every failure a clear message."""
    path = Path(path)
    name = path.name or str(path)
    try:
        info = path.stat()
    except FileNotFoundError as error:
        raise ImageReadError(
            translate("errors", "The file “{name}” does not exist.").format(name=name)
        ) from error
    except OSError as error:  # a name too long, a folder that cannot be searched...
        raise _cannot_open(name, error) from error
    if stat.S_ISDIR(info.st_mode):
        raise ImageReadError(
            translate("errors", "“{name}” is a folder, not an image file.").format(name=name)
        )
    if not stat.S_ISREG(info.st_mode):
        raise ImageReadError(
            translate(
                "errors", "“{name}” is not an ordinary file (a device or a pipe), not an image."
            ).format(name=name)
        )
    if info.st_size > MAX_FILE_BYTES:
        raise ImageTooLargeError(
            translate(
                "errors",
                "“{name}” is too large to open safely ({size} MB; the limit is {limit} MB). "
                "Scan at 300 dpi or less, or cut the signature out with an image editor "
                "first.",
            ).format(name=name, size=info.st_size // 1_000_000, limit=MAX_FILE_BYTES // 1_000_000)
        )
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)  # the file may grow after the check
    except OSError as error:
        raise _cannot_open(name, error) from error
    if len(data) > MAX_FILE_BYTES:
        raise _too_large(name, None)
    return data


def _cannot_open(name: str, error: OSError) -> ImageReadError:
    return ImageReadError(
        translate("errors", "The file “{name}” cannot be opened: {strerror}.").format(
            name=name, strerror=error.strerror or error
        )
    )


@contextmanager
def _native_stderr_silenced() -> Iterator[None]:
    """libtiff writes its warnings ("TIFFFetchNormalTag: ...") straight to the process's
    standard error, below Python: while an image is decoded, that goes to the null device
    (a clerk would read it above the real message). The stream is restored afterwards."""
    try:
        saved = os.dup(2)
    except OSError:  # no standard error at all (a windowed app): nothing to silence
        yield
        return
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def load_page(path: str | Path) -> LoadedImage:
    """Read a whole page (a cheque, a form) to find a signature on: as :func:`load_image`,
    but a colour page is made grey by its brightest channel, in which a red, blue or
    violet stamp is pale and a pen's ink stays dark."""
    return decode_image(read_image_file(path), source=str(path), stamps_faded=True)


def decode_image(data: bytes, source: str = "image", stamps_faded: bool = False) -> LoadedImage:
    """Decode image bytes (a file's content, a clipboard image) into a :class:`LoadedImage`
    (``stamps_faded``: see :func:`load_page`)."""
    name = Path(source).name or source
    if not data:
        raise ImageReadError(
            translate("errors", "The file “{name}” is empty (0 bytes).").format(name=name)
        )
    if len(data) > MAX_FILE_BYTES:
        raise _too_large(name, None)
    with warnings.catch_warnings(), _native_stderr_silenced():
        # Our own, lower, pixel limit below says it more clearly; decoder warnings (libtiff,
        # EXIF) are not the clerk's to read.
        warnings.simplefilter("ignore")
        try:
            image = Image.open(io.BytesIO(data), formats=FORMATS)
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
        except MemoryError:
            raise
        except Exception as error:  # noqa: BLE001 - any decoder failure (ValueError for a
            # text-chunk bomb, struct errors, TypeError...) is a file we cannot read
            raise _damaged(name) from error
        return _decoded(image, name, source, _brightest_channel if stamps_faded else _to_grey)


def _decoded(image: Image.Image, name: str, source: str, to_grey) -> LoadedImage:
    """Check the opened (header-only) image's size, then decode it to grey."""
    try:
        if image.format in ("JPEG", "MPO") and max(image.size) > JPEG_DRAFT_SIDE:
            scale = max(image.size) / JPEG_DRAFT_SIDE
            image.draft("L", (int(image.size[0] / scale), int(image.size[1] / scale)))
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
        frames = getattr(image, "n_frames", 1)  # a truncated TIFF fails here: inside the try
        if frames > 1:
            notes.append(
                translate(
                    "errors", "“{name}” has {frames} pages; only the first page was used."
                ).format(name=name, frames=frames)
            )
        fmt = image.format or "unknown"
        image.load()
        ImageOps.exif_transpose(image, in_place=True)  # no copy of a large scan
        pixels = to_grey(image)
    except (ImageTooLargeError, ImageTooSmallError, MemoryError):
        raise
    except Exception as error:  # noqa: BLE001 - see decode_image
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
            "Scan at 300 dpi or less, or cut the signature out with an image editor "
            "first.",
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
        values = np.asarray(image, dtype=np.float32)
        # 16-bit grey (Pillow may widen it to 32-bit "I"); 8-bit data stored as "I" stays put.
        return _scaled_to_uint8(values, 65535.0 if values.max(initial=0) > 255 else 255.0)
    if mode == "LAB":  # a colour scan in CIELAB: its lightness is the grey image
        return np.asarray(image.getchannel("L"), dtype=np.uint8).copy()
    if mode == "F":
        values = np.array(image, dtype=np.float32)
        top = values.max(initial=0)
        return _scaled_to_uint8(values, 1.0 if top <= 1.0 else (255.0 if top <= 255 else 65535.0))
    if mode == "1":
        return np.asarray(image.convert("L"), dtype=np.uint8).copy()
    has_alpha = mode in ("RGBA", "LA", "PA", "La", "RGBa") or (
        mode == "P" and "transparency" in image.info
    )
    if has_alpha:  # grey and alpha only (a quarter of RGBA's memory), over white paper
        grey, alpha = image.convert("LA").split()
        image = Image.composite(grey, Image.new("L", image.size, 255), alpha)
    return np.asarray(image.convert("L"), dtype=np.uint8).copy()


def _brightest_channel(image: Image.Image) -> np.ndarray:
    """A colour image's brightest channel at each pixel (over white where transparent): a
    red, blue or violet stamp is bright in one of them, a pen is dark in all of them; any
    other mode as :func:`_to_grey`."""
    if image.mode not in ("RGB", "RGBA", "P", "CMYK", "YCbCr", "RGBX"):
        return _to_grey(image)
    rgba = image.convert("RGBA")
    white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
    return np.asarray(Image.alpha_composite(white, rgba).convert("RGB"), dtype=np.uint8).max(2)


def _scaled_to_uint8(values: np.ndarray, scale: float) -> np.ndarray:
    """float32 ``values`` in ``[0, scale]`` -> uint8 ``[0, 255]``, rounded; computed in
    place (a 40-megapixel scan needs no second float copy)."""
    if not values.flags.writeable:
        values = values.copy()
    values *= np.float32(255.0 / scale)
    np.rint(values, out=values)
    np.clip(values, 0, 255, out=values)
    return values.astype(np.uint8)


def encode_png(pixels: np.ndarray) -> bytes:
    """``uint8`` pixels -> PNG bytes (what the store keeps of a preprocessed image)."""
    ok, data = cv2.imencode(".png", pixels)
    if not ok:  # pragma: no cover - uint8 greyscale always encodes
        raise SigverifyError(translate("errors", "Could not encode the preprocessed image."))
    return data.tobytes()


def decode_png(data: bytes) -> np.ndarray:
    """PNG bytes that :func:`encode_png` wrote -> the ``uint8`` greyscale pixels."""
    return cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_GRAYSCALE)
