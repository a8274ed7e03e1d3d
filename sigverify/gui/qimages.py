"""Converting between numpy images, PNG bytes and Qt images and pixmaps."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    Qt,
)
from PySide6.QtGui import QImage, QImageReader, QPixmap


def array_to_qimage(pixels: np.ndarray) -> QImage:
    """uint8 ``H x W`` (grey) or ``H x W x 3`` (RGB) -> a QImage that owns its pixels."""
    pixels = np.ascontiguousarray(pixels, dtype=np.uint8)
    height, width = pixels.shape[:2]
    if pixels.ndim == 2:
        image = QImage(
            pixels.data, width, height, pixels.strides[0], QImage.Format.Format_Grayscale8
        )
    else:
        image = QImage(pixels.data, width, height, pixels.strides[0], QImage.Format.Format_RGB888)
    return image.copy()


def small_grey(pixmap: QPixmap, side: int = 400) -> np.ndarray:
    """uint8 ``H x W``: the pixmap in grey, its long side at most ``side`` pixels (a quick
    look at a large photo without decoding it again)."""
    image = pixmap.toImage()
    if max(image.width(), image.height()) > side:
        image = image.scaled(
            side, side, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.FastTransformation
        )
    image = image.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    rows = np.frombuffer(image.constBits(), np.uint8, count=stride * height).reshape(height, stride)
    return rows[:, :width].copy()


def preprocessed_pixmap(pixels: np.ndarray) -> QPixmap:
    """A preprocessed signature (ink high, paper 0) shown as dark ink on white."""
    return QPixmap.fromImage(array_to_qimage(255 - pixels))


def bytes_to_pixmap(data: bytes) -> QPixmap:
    """An image file's bytes as a pixmap, turned as the camera's orientation tag says (as
    sigverify's reader turns it: an upright phone photo was shown on its side, and taken
    for another picture than the one checked, a review); files Qt cannot draw (16-bit
    TIFF...) go through sigverify's own reader."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    image = reader.read()
    if not image.isNull():
        return QPixmap.fromImage(image)
    from sigverify.core.imaging.imageio import decode_image

    return QPixmap.fromImage(array_to_qimage(decode_image(data).pixels))


def png_to_array(data: bytes) -> np.ndarray:
    from sigverify.core.imaging.imageio import decode_png

    return decode_png(data)


def qimage_to_png(image: QImage) -> bytes:
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(array.data())


#: The long side of the copy a picture is looked at in (whole_page.looks_like_page).
QUICK_LOOK_SIDE = 800


def is_sheet_photo(signature, pixmap: QPixmap | None = None) -> bool:
    """A :class:`~sigverify.core.verification_results.SignatureInput` that is a picture
    of a whole page, photographed or scanned (a quick look at ``pixmap``, its picture,
    when already decoded); a pad drawing or a signature already cut out of a page never
    is."""
    if signature.cut_from_page or signature.trajectory is not None:
        return False
    from sigverify.core.imaging.whole_page import looks_like_page  # OpenCV: not at start

    picture = pixmap if pixmap is not None else bytes_to_pixmap(signature.data)
    size = (picture.height(), picture.width())
    return looks_like_page(small_grey(picture, QUICK_LOOK_SIDE), size)
