"""Whether a picture is a whole page (a photographed sheet, or a scanned form or cheque)
rather than a signature cut out of one: checked as it is, its print, boxes and other
writing are compared with the references too, and a genuine signature is rejected (a
scanned consent form, seen in a real window: "reject, score 0 %", unasked).

A page is (1) a photographed sheet (:func:`.locate.find_page`); (2) an upright picture at
least :data:`UPRIGHT_SIDE` pixels tall (none of the 14,739 scans of the five data sets is)
whose ink runs down :data:`UPRIGHT_SPREAD` of it; or (3) a picture at least
:data:`LOOKED_AT_SIDE` pixels long in which the locator network sees at most
:data:`PRINT_SHARE` of the ink as a signature's. Measured (``python bench/whole_page.py
--data`` the five data sets ``--scans 100 --pages 80``): of 500 scans of signatures alone
2 are taken for pages (SigComp2011 scans whose strokes the network does not see as a
signature's); of 80 synthetic cheques and forms, scanned and photographed, all 80 are
pages. A look takes 40-120 ms (p50) at 600 pixels or more, 1-3 ms below."""

from __future__ import annotations

import numpy as np

from sigverify.core.imaging import locate, locate_net

#: An upright picture this many pixels tall or more is a page (a letter page at 100 dpi
#: is 1100) when its ink spreads down at least :data:`UPRIGHT_SPREAD` of its height (a
#: phone's upright photo of a slip holding the signature alone is not one: a review).
UPRIGHT_SIDE = 1000
#: Upright: taller than wide by this factor.
UPRIGHT = 1.15
#: The share of an upright page's height its ink spans, from its first to its last row.
UPRIGHT_SPREAD = 0.4
#: Smaller pictures are not looked at by the network (a signature cut out of a page).
LOOKED_AT_SIDE = 600
#: At most this share of the ink seen as a signature's: print and boxes, a page.
PRINT_SHARE = 0.6


def _signature_share(view: locate.PageView, ink: np.ndarray) -> float:
    chance = locate_net.signature_chance(view.grey)[locate_net.CHANNELS.index("ink")]
    total = int(np.count_nonzero(ink))
    if total == 0:
        return 1.0
    return np.count_nonzero(ink & (chance >= locate_net.THRESHOLD)) / total


def signature_ink_share(grey: np.ndarray) -> float:
    """The share of the page's ink (rules aside) that the locator network sees as a
    signature's, on ``grey`` (uint8, paper bright) laid level and flattened."""
    view = locate.page_view(grey)
    return _signature_share(view, locate.ink_without_lines(view.grey))


def _spread(ink: np.ndarray) -> float:
    """The share of ``ink``'s height between its first and its last inked row."""
    rows = np.flatnonzero(ink.any(axis=1))
    return 0.0 if rows.size == 0 else (rows[-1] - rows[0] + 1) / ink.shape[0]


def looks_like_page(grey: np.ndarray, size: tuple[int, int] | None = None) -> bool:
    """``grey`` (uint8 ``H x W``, or RGB) is a whole page (see the module's text).
    ``size``: the picture's own ``(height, width)`` when ``grey`` is a smaller copy."""
    view = locate.page_view(grey)  # (finds a photographed sheet: once)
    if view.photographed:
        return True
    height, width = size or grey.shape[:2]
    upright = height >= UPRIGHT_SIDE and height > UPRIGHT * width
    network = max(height, width) >= LOOKED_AT_SIDE and locate_net.available()
    if not (upright or network):
        return False
    ink = locate.ink_without_lines(view.grey)
    if upright and _spread(ink) >= UPRIGHT_SPREAD:
        return True
    return network and _signature_share(view, ink) <= PRINT_SHARE
