"""Thinning: a binary ink mask -> its centre lines, one pixel wide (numpy and OpenCV).

Zhang and Suen, "A fast parallel algorithm for thinning digital patterns" (Communications
of the ACM 27(3), 1984). Each iteration has two sub-iterations; in each, every ink pixel
whose 8 neighbours allow it is removed, all at once (the decision reads the mask as it was
before the sub-iteration). A pixel may go when, with its neighbours P2..P9 clockwise from
north:

- it has 2 to 6 ink neighbours (not an end point, not inside the stroke),
- walking round P2, P3, ..., P9, P2 crosses from paper to ink exactly once (removing it
  does not split the stroke),
- first sub-iteration: P2*P4*P6 = 0 and P4*P6*P8 = 0 (a south or east boundary point, or a
  north-west corner); second: P2*P4*P8 = 0 and P2*P6*P8 = 0.

Thinning stops when an iteration removes nothing. Each sub-iteration is one correlation
(the 8 neighbours as an 8-bit code) and one table look-up over the whole mask.
"""

from __future__ import annotations

import cv2
import numpy as np

#: Weight of each neighbour in the 8-bit neighbourhood code (north-west = bit 0,
#: clockwise). The code of a pixel is the correlation of the mask with this kernel.
NEIGHBOUR_BITS = np.array([[1, 2, 4], [128, 0, 8], [64, 32, 16]], np.float32)


def _removal_tables() -> tuple[np.ndarray, np.ndarray]:
    """For each of the 256 neighbourhood codes: 1 where the first (second) sub-iteration
    removes the pixel, as two uint8 look-up tables."""
    first = np.zeros(256, np.uint8)
    second = np.zeros(256, np.uint8)
    for code in range(256):
        nw, n, ne, e, se, s, sw, w = ((code >> bit) & 1 for bit in range(8))
        ring = (n, ne, e, se, s, sw, w, nw)  # P2 .. P9
        neighbours = sum(ring)
        crossings = sum(ring[i] == 0 and ring[(i + 1) % 8] == 1 for i in range(8))
        if 2 <= neighbours <= 6 and crossings == 1:
            first[code] = n * e * s == 0 and e * s * w == 0
            second[code] = n * e * w == 0 and n * s * w == 0
    return first, second


FIRST_PASS, SECOND_PASS = _removal_tables()


def thin(mask: np.ndarray) -> np.ndarray:
    """The centre lines of ``mask (H, W)`` bool: bool ``(H, W)``, a subset of ``mask``,
    one pixel wide, with as many connected pieces as ``mask`` has (for pieces wider than
    one pixel; Zhang-Suen erases a piece that is 2 x 2 pixels)."""
    image = cv2.copyMakeBorder(mask.astype(np.uint8), 1, 1, 1, 1, cv2.BORDER_CONSTANT, value=0)
    code = np.empty_like(image)
    removed = np.empty_like(image)
    tables = (FIRST_PASS, SECOND_PASS)
    idle, step = 0, 0
    while idle < 2:  # two sub-iterations in a row that removed nothing: done
        cv2.filter2D(image, -1, NEIGHBOUR_BITS, dst=code, borderType=cv2.BORDER_CONSTANT)
        cv2.LUT(code, tables[step % 2], dst=removed)
        cv2.bitwise_and(removed, image, dst=removed)
        step += 1
        if cv2.countNonZero(removed):
            cv2.bitwise_xor(image, removed, dst=image)
            idle = 0
        else:
            idle += 1
    return image[1:-1, 1:-1] > 0
