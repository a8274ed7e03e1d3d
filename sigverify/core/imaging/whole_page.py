"""Whether a picture is a whole page (a photographed sheet, or a scanned form or cheque)
rather than a signature cut out of one: checked as it is, its print, boxes and other
writing are compared with the references too, and a genuine signature is rejected (a
scanned consent form, seen in a real window: "reject, score 0 %", unasked).

A page is (1) a photographed sheet (:func:`.locate.find_page`); (2) an upright picture at
least :data:`UPRIGHT_SIDE` pixels tall (none of the 14,739 scans of the five data sets is);
or (3) a picture at least :data:`LOOKED_AT_SIDE` pixels long in which the locator network
sees at most :data:`PRINT_SHARE` of the ink as a signature's. Measured (``python
bench/whole_page.py --data`` the five data sets ``--scans 100 --pages 80``): of 500 scans
of signatures alone 2 are taken for pages (SigComp2011 scans whose strokes the network
does not see as a signature's); of 80 synthetic cheques and forms, scanned and
photographed, all 80 are pages. The network's look takes 40-70 ms (p50) a picture."""

from __future__ import annotations

import cv2
import numpy as np

from sigverify.core.imaging import locate, locate_net

#: An upright picture this many pixels tall or more is a page (a letter page at 100 dpi
#: is 1100).
UPRIGHT_SIDE = 1000
#: Upright: taller than wide by this factor.
UPRIGHT = 1.15
#: Smaller pictures are not looked at by the network (a signature cut out of a page).
LOOKED_AT_SIDE = 600
#: At most this share of the ink seen as a signature's: print and boxes, a page.
PRINT_SHARE = 0.6


def signature_ink_share(grey: np.ndarray) -> float:
    """The share of the page's ink (rules aside) that the locator network sees as a
    signature's, on ``grey`` (uint8, paper bright) laid level and flattened."""
    view = locate.page_view(grey)
    ink = locate.ink_without_lines(view.grey)
    chance = locate_net.signature_chance(view.grey)[locate_net.CHANNELS.index("ink")]
    total = int(np.count_nonzero(ink))
    if total == 0:
        return 1.0
    return np.count_nonzero(ink & (chance >= locate_net.THRESHOLD)) / total


def looks_like_page(grey: np.ndarray, size: tuple[int, int] | None = None) -> bool:
    """``grey`` (uint8 ``H x W``, or RGB) is a whole page (see the module's text).
    ``size``: the picture's own ``(height, width)`` when ``grey`` is a smaller copy."""
    if grey.ndim == 3:
        grey = cv2.cvtColor(grey, cv2.COLOR_RGB2GRAY)
    if locate.find_page(grey) is not None:
        return True
    height, width = size or grey.shape
    if height >= UPRIGHT_SIDE and height > UPRIGHT * width:
        return True
    if max(height, width) < LOOKED_AT_SIDE or not locate_net.available():
        return False
    return signature_ink_share(grey) <= PRINT_SHARE
