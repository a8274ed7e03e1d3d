"""A whole page (photographed, or a scanned form or cheque) told from a signature cut out
of one: a scanned consent form was checked as it was, unasked, and a genuine signature
came back "reject, score 0 %" (seen in a real window)."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from sigverify.core.data.synthetic import genuine_signature, writer_style
from sigverify.core.data.synthetic_pages import compose_page
from sigverify.core.imaging import locate_net
from sigverify.core.imaging.whole_page import (
    LOOKED_AT_SIDE,
    UPRIGHT_SIDE,
    looks_like_page,
    signature_ink_share,
)

needs_locator = pytest.mark.skipif(not locate_net.available(), reason="no locator network")


def signature(seed: int) -> np.ndarray:
    return genuine_signature(writer_style(seed), 0).image


@needs_locator
@pytest.mark.parametrize("kind", ["cheque", "form"])
def test_a_scanned_cheque_or_form_is_a_page(kind):
    scan = compose_page([signature(3)], seed=11, kind=kind).image  # scanned: no desk
    assert signature_ink_share(cv2.cvtColor(scan, cv2.COLOR_RGB2GRAY)) <= 0.6
    assert looks_like_page(scan)


@needs_locator
def test_a_signature_scanned_alone_is_not_a_page():
    for seed in (3, 8):
        ink = signature(seed)
        # as large as a 600 dpi scan: looked at by the network, which sees a signature
        large = cv2.resize(ink, None, fx=2.5, fy=2.5, interpolation=cv2.INTER_CUBIC)
        assert max(large.shape) >= LOOKED_AT_SIDE
        assert signature_ink_share(large) > 0.6
        assert not looks_like_page(large) and not looks_like_page(ink)


def test_an_upright_page_with_print_above_its_signature_is_a_page():
    """The consent form of the real-window pass: its print in a hand-like font, which the
    network took for a signature; an upright picture a page tall, its ink running down
    the page, is a page all the same."""
    ink = signature(3)
    h, w = ink.shape
    page = np.full((UPRIGHT_SIDE + 100, max(w + 100, 850)), 235, np.uint8)
    cv2.putText(page, "Patient consent form", (60, 420), cv2.FONT_HERSHEY_SCRIPT_SIMPLEX,
                1.4, 40, 2)  # fmt: skip
    cv2.rectangle(page, (520, 180), (640, 300), 60, 2)
    page[-h - 60 : -60, 50 : 50 + w] = ink
    assert looks_like_page(page)
    # a small copy of a large picture: its own size counts
    small = cv2.resize(page, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)
    assert looks_like_page(small, size=page.shape) and not looks_like_page(small)


def test_an_upright_photo_of_a_slip_holding_the_signature_alone_is_not_a_page():
    """A phone held upright over a slip: tall, but its ink is the signature's alone, in
    the middle (every such photo went to review: a review)."""
    ink = signature(3)
    h, w = ink.shape
    photo = np.full((1600, 1200), 228, np.uint8)
    top, left = (1600 - h) // 2, (1200 - w) // 2
    photo[top : top + h, left : left + w] = np.minimum(ink, 228)
    assert not looks_like_page(photo)
