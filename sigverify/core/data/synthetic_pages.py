"""Synthetic documents with a signature on them, to test and measure finding signatures on
whole pages (:mod:`sigverify.core.imaging.locate`).

A page is a cheque or a form: printed text in several fonts and sizes (headings, body
lines, field labels, amounts), ruled lines and boxes, a logo, a signature line, and the
signature (any greyscale scan: a real one from a data set, or the synthetic generator's)
inked in black or blue over it; sometimes a coloured stamp overlapping the ink, sometimes
a second signature (a co-signer); optionally photographed (the page turned in perspective
on a desk, uneven light, blur, noise, JPEG). The true box of every signature is known:
the bounding box of its ink, in the pixels of the returned image.

Everything is a function of an integer seed. Fonts come from matplotlib's own folder
(DejaVu, STIX, Computer Modern), so no system font is needed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import cv2
import numpy as np

from sigverify.core.imaging.array_helpers import pixel_box as ink_box

_SENTENCE = (
    "account payment amount date bank branch order pay bearer only sum of euros dollars "
    "customer name address number reference consent patient clinic form agree terms "
    "signature holder contract between parties hereby declare the undersigned that all "
    "information given above is correct and complete treatment procedure risks explained "
    "valid for ninety days not negotiable cheque authorised memo total balance"
)
WORDS = _SENTENCE.split()


@dataclass
class SyntheticPage:
    """``image``: uint8 ``(H, W, 3)`` RGB. ``boxes``: each signature's ink box
    ``(x, y, width, height)`` in ``image`` pixels, the main one first."""

    image: np.ndarray
    boxes: list[tuple[int, int, int, int]]
    kind: str
    photo: bool
    notes: list[str] = field(default_factory=list)
    #: a photographed page's four corners in ``image`` (clockwise from top left)
    corners: np.ndarray | None = None
    #: each signature's ink, uint8 ``(H, W)`` 0/1, in ``boxes``' order (what the locator
    #: network learns to pick out from stamps and print)
    masks: list[np.ndarray] = field(default_factory=list)
    #: the scans the signatures came from, in ``boxes``' order (:func:`pages_of_writers`)
    sources: list[Path] = field(default_factory=list)


def _fonts() -> list[Path]:
    import matplotlib

    folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    names = (
        "DejaVuSans.ttf",
        "DejaVuSans-Bold.ttf",
        "DejaVuSerif.ttf",
        "DejaVuSansMono.ttf",
        "STIXGeneral.ttf",
        "cmr10.ttf",
        "DejaVuSerif-Bold.ttf",
    )
    found = [folder / n for n in names if (folder / n).is_file()]
    return found or [folder / "DejaVuSans.ttf"]


def _text(draw, xy, text, size, rng, fonts, fill=(25, 25, 25)):
    from PIL import ImageFont

    font = ImageFont.truetype(str(fonts[int(rng.integers(len(fonts)))]), int(size))
    draw.text(xy, text, font=font, fill=fill)


def _words(rng, count: int) -> str:
    return " ".join(WORDS[int(i)] for i in rng.integers(0, len(WORDS), count))


def signature_ink(scan: np.ndarray) -> np.ndarray:
    """A greyscale scan (paper bright) -> ink opacity 0..1, cropped to the ink, the paper's
    own tone and noise gone (so that pasting it shows no rectangle of paper)."""
    grey = scan.astype(np.float32)
    paper = float(np.percentile(grey, 90))
    darkest = float(np.percentile(grey, 0.5))
    opacity = np.clip((paper - 12 - grey) / max(paper - 12 - darkest, 1.0), 0, 1)
    opacity[opacity < 0.15] = 0
    # dust and specks of the scan are not part of the signature (nor of its true box)
    count, labels, stats, _ = cv2.connectedComponentsWithStats((opacity > 0).astype(np.uint8), 8)
    areas = stats[1:, cv2.CC_STAT_AREA]
    if len(areas):
        small = np.flatnonzero(areas < max(8, 0.004 * areas.sum())) + 1
        opacity[np.isin(labels, small)] = 0
    ys, xs = np.nonzero(opacity)
    if len(ys) == 0:
        raise ValueError("no ink in the signature scan")
    return opacity[ys.min() : ys.max() + 1, xs.min() : xs.max() + 1]


def _paste_ink(page: np.ndarray, opacity: np.ndarray, x: int, y: int, colour) -> None:
    h, w = opacity.shape
    region = page[y : y + h, x : x + w].astype(np.float32)
    a = opacity[..., None]
    page[y : y + h, x : x + w] = (region * (1 - a) + np.array(colour, np.float32) * a).astype(
        np.uint8
    )


def _stamp(rng, radius: int) -> tuple[np.ndarray, tuple[int, int, int]]:
    """A round stamp (two rings, letters around, a word across): opacity ``(2r, 2r)`` and
    its colour."""
    size = 2 * radius
    mask = np.zeros((size, size), np.uint8)
    centre = (radius, radius)
    cv2.circle(mask, centre, radius - 3, 255, max(2, radius // 18))
    cv2.circle(mask, centre, int(radius * 0.72), 255, max(1, radius // 30))
    for k in range(14):
        angle = 2 * np.pi * k / 14
        at = (
            int(radius + 0.86 * radius * np.cos(angle)) - 5,
            int(radius + 0.86 * radius * np.sin(angle)) + 5,
        )
        cv2.putText(
            mask,
            chr(65 + int(rng.integers(26))),
            at,
            cv2.FONT_HERSHEY_SIMPLEX,
            radius / 120,
            255,
            2,
        )
    cv2.putText(
        mask,
        "PAID" if rng.random() < 0.5 else "RECEIVED",
        (int(radius * 0.35), radius + 8),
        cv2.FONT_HERSHEY_DUPLEX,
        radius / 110,
        255,
        2,
    )
    colour = [(200, 40, 50), (60, 70, 190), (120, 50, 160)][int(rng.integers(3))]
    opacity = mask.astype(np.float32) / 255 * rng.uniform(0.55, 0.85)
    return opacity, colour


def _logo(draw, rng, x, y, fonts):
    colour = tuple(int(c) for c in rng.integers(0, 160, 3))
    size = int(rng.integers(40, 70))
    if rng.random() < 0.5:
        draw.ellipse((x, y, x + size, y + size), fill=colour)
    else:
        draw.polygon([(x, y + size), (x + size // 2, y), (x + size, y + size)], fill=colour)
    name = _words(rng, 2).upper()
    _text(draw, (x + size + 12, y + size // 4), name, size * 0.5, rng, fonts, fill=colour)


def compose_page(
    signatures: list[np.ndarray], seed: int, kind: str = "cheque", photo: bool = False
) -> SyntheticPage:
    """A page with ``signatures`` (greyscale scans; the first is the main one, a second
    one, if given, signs elsewhere on the page) on a ``kind`` ("cheque" or "form") page."""
    from PIL import Image, ImageDraw

    rng = np.random.default_rng([seed, 7])
    fonts = _fonts()
    if kind == "cheque":
        width, height = int(rng.integers(1500, 1800)), int(rng.integers(650, 800))
    else:
        width, height = 1240, 1754  # A4 at 150 dpi
    paper = tuple(int(v) for v in rng.integers(232, 256, 3))
    canvas = Image.new("RGB", (width, height), paper)
    draw = ImageDraw.Draw(canvas)
    notes = []

    _logo(draw, rng, int(width * 0.05), int(height * 0.04), fonts)
    body = int(rng.integers(20, 30)) if kind == "form" else int(rng.integers(22, 32))
    if kind == "cheque":
        _text(
            draw,
            (int(width * 0.62), int(height * 0.07)),
            "Date  " + f"{rng.integers(1, 28):02d}.{rng.integers(1, 12):02d}.2026",
            body,
            rng,
            fonts,
        )
        y = int(height * 0.3)
        _text(draw, (int(width * 0.05), y), "Pay to the order of", body, rng, fonts)
        draw.line(
            (int(width * 0.3), y + body + 6, int(width * 0.72), y + body + 6),
            fill=(60, 60, 60),
            width=2,
        )
        draw.rectangle(
            (int(width * 0.76), y - 10, int(width * 0.95), y + body + 16),
            outline=(40, 40, 40),
            width=2,
        )
        _text(
            draw,
            (int(width * 0.78), y),
            f"{rng.integers(10, 9999)},{rng.integers(0, 99):02d}",
            body,
            rng,
            fonts,
        )
        y += int(body * 2.6)
        _text(draw, (int(width * 0.05), y), _words(rng, 6), body, rng, fonts)
        draw.line(
            (int(width * 0.05), y + body + 8, int(width * 0.72), y + body + 8),
            fill=(60, 60, 60),
            width=2,
        )
        _text(
            draw,
            (int(width * 0.05), int(height * 0.8)),
            "Memo " + _words(rng, 2),
            body * 0.8,
            rng,
            fonts,
        )
        micr = ":" + "".join(str(d) for d in rng.integers(0, 10, 20)) + ":"
        _text(draw, (int(width * 0.08), int(height * 0.9)), micr, body, rng, fonts)
        area = (int(width * 0.55), int(height * 0.52), int(width * 0.95), int(height * 0.86))
    else:
        y = int(height * 0.12)
        _text(draw, (int(width * 0.08), y), _words(rng, 4).title(), body * 1.8, rng, fonts)
        y += int(body * 3.5)
        for _ in range(int(rng.integers(8, 16))):
            _text(
                draw,
                (int(width * 0.08), y),
                _words(rng, int(rng.integers(6, 11))),
                body,
                rng,
                fonts,
            )
            y += int(body * 1.6)
        y += body
        for label in ("Name", "Address", "Date"):
            _text(draw, (int(width * 0.08), y), label + ":", body, rng, fonts)
            draw.rectangle(
                (int(width * 0.25), y - 8, int(width * 0.9), y + body + 10),
                outline=(70, 70, 70),
                width=2,
            )
            y += int(body * 2.4)
        area = (
            int(width * 0.4),
            y + body,
            int(width * 0.92),
            min(height - 60, y + int(height * 0.2)),
        )
    page = np.array(canvas)

    masks = []  # each signature's ink on the page
    colours = [(20, 20, 25), (25, 35, 120), (30, 30, 60)]
    for number, scan in enumerate(signatures[:2]):
        opacity = signature_ink(scan)
        if number == 0:
            x0, y0, x1, y1 = area
        else:  # a co-signer on the left
            x0, y0, x1, y1 = int(width * 0.05), area[1], int(width * 0.45), area[3]
        target_w = rng.uniform(0.55, 0.9) * (x1 - x0)
        scale = min(target_w / opacity.shape[1], 0.95 * (y1 - y0) / opacity.shape[0])
        opacity = cv2.resize(opacity, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
        h, w = opacity.shape
        x = int(rng.integers(x0, max(x0 + 1, x1 - w)))
        y = int(rng.integers(y0, max(y0 + 1, y1 - h)))
        line_y = min(height - 5, y + int(h * rng.uniform(0.7, 1.0)))
        cv2.line(page, (x - 20, line_y), (x + w + 20, line_y), (70, 70, 70), 2)
        label = "Signature" if kind == "form" else "Authorised signature"
        cv2.putText(
            page,
            label,
            (x, min(height - 8, line_y + 28)),
            cv2.FONT_HERSHEY_SIMPLEX,
            0.7,
            (40, 40, 40),
            1,
        )
        _paste_ink(page, opacity, x, y, colours[int(rng.integers(len(colours)))])
        mask = np.zeros((height, width), np.uint8)
        mask[y : y + h, x : x + w] = opacity >= 0.15
        masks.append(mask)
    if rng.random() < 0.5:  # a stamp over part of the main signature
        bx, by, bw, bh = ink_box(masks[0])
        radius = int(rng.integers(60, 110))
        stamp, colour = _stamp(rng, radius)
        sx = int(np.clip(bx + rng.uniform(-0.3, 0.8) * bw - radius, 0, width - 2 * radius))
        sy = int(np.clip(by + rng.uniform(-0.2, 0.6) * bh - radius, 0, height - 2 * radius))
        _paste_ink(page, stamp, sx, sy, colour)
        notes.append("stamp")
    corners = None
    if photo:
        page, masks, corners = _photograph(page, masks, rng)
        notes.append("photo")
    return SyntheticPage(page, [ink_box(m) for m in masks], kind, photo, notes, corners, masks)


def _photograph(page: np.ndarray, masks, rng):
    """The page lying on a desk, seen from a little off-axis: perspective, uneven light,
    blur, noise and JPEG; the signatures' ink masks carried through the same mapping."""
    h, w = page.shape[:2]
    margin = int(0.12 * max(h, w))
    out_w, out_h = w + 2 * margin, h + 2 * margin
    jitter = lambda: rng.uniform(-0.06, 0.06) * min(h, w)  # noqa: E731
    corners = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    target = np.float32(
        [
            [margin + jitter(), margin + jitter()],
            [margin + w + jitter(), margin + jitter()],
            [margin + w + jitter(), margin + h + jitter()],
            [margin + jitter(), margin + h + jitter()],
        ]
    )
    matrix = cv2.getPerspectiveTransform(corners, target)
    desk = np.array([rng.integers(60, 140), rng.integers(50, 120), rng.integers(30, 100)], np.uint8)
    photo = cv2.warpPerspective(
        page, matrix, (out_w, out_h), borderMode=cv2.BORDER_CONSTANT, borderValue=desk.tolist()
    )
    # light falling off from one side, a soft shadow band
    yy, xx = np.mgrid[0:out_h, 0:out_w].astype(np.float32)
    angle = rng.uniform(0, 2 * np.pi)
    ramp = np.cos(angle) * xx / out_w + np.sin(angle) * yy / out_h
    light = 1.0 - rng.uniform(0.15, 0.35) * (ramp - ramp.min()) / (np.ptp(ramp) + 1e-6)
    photo = np.clip(photo.astype(np.float32) * light[..., None], 0, 255)
    photo = cv2.GaussianBlur(photo, (0, 0), rng.uniform(0.6, 1.4))
    photo = np.clip(photo + rng.normal(0, rng.uniform(2, 5), photo.shape), 0, 255).astype(np.uint8)
    ok, data = cv2.imencode(".jpg", photo, [cv2.IMWRITE_JPEG_QUALITY, int(rng.integers(60, 90))])
    photo = cv2.imdecode(data, cv2.IMREAD_UNCHANGED)
    size = (out_w, out_h)
    moved = [cv2.warpPerspective(m, matrix, size, flags=cv2.INTER_NEAREST) for m in masks]
    return photo, moved, target


def _first_scans(folders: list[str]) -> list[tuple[str, Path]]:
    """``(folder name, path)`` of the first 3 genuine scans of every writer of ``folders``."""
    from sigverify.core.data.datasets import read_dataset

    scans = []
    for folder in folders:
        for writer in read_dataset(folder).writers:
            scans += [(Path(folder).name, p) for p in writer.genuine[:3]]
    return scans


def pages_of_writers(folders: list[str], count: int, seed: int):
    """``count`` pages ``(folder name, SyntheticPage)`` with signatures of the writers of
    the data ``folders`` (their first 3 genuine scans): half cheques, half forms, half of
    each photographed, a co-signer on a quarter; the same pages for the same ``seed``."""
    from sigverify.core.imaging.imageio import load_image

    rng = np.random.default_rng(seed)
    scans = _first_scans(folders)
    for number in range(count):
        chosen = [scans[int(i)] for i in rng.choice(len(scans), 2, replace=False)]
        images = [load_image(p).pixels for _, p in chosen]
        two = rng.random() < 0.25
        page = compose_page(
            images if two else images[:1],
            seed=seed * 100000 + number,
            kind="cheque" if number % 2 == 0 else "form",
            photo=(number // 2) % 2 == 1,
        )
        page.sources = [p for _, p in (chosen if two else chosen[:1])]
        yield chosen[0][0], page


#: Slip photos are scaled to this long side (pixels), as a phone takes them.
SLIP_PHOTO_SIDE = 1600


def slip_page(grey: np.ndarray, seed: int) -> SyntheticPage:
    """A phone photo of a slip of paper with only the signature scan ``grey`` on it
    (:func:`~sigverify.core.imaging.capture.photographed_slip`: turned, in perspective, on
    a darker desk, often a shadow), its long side :data:`SLIP_PHOTO_SIDE` pixels, as an RGB
    page whose box (and mask) is the signature's ink in the photo. The ink is where the
    photo differs from the same photo (same seed, so the same placing, light and noise) of
    the scan with its ink painted over by the paper."""
    from sigverify.core.imaging.capture import photographed_slip

    _, ink = cv2.threshold(grey, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    blank = grey.copy()
    blank[ink > 0] = int(np.percentile(grey, 90))
    photo = photographed_slip(grey, np.random.default_rng(seed))
    paper_only = photographed_slip(blank, np.random.default_rng(seed))
    differs = cv2.absdiff(photo, paper_only) > 12
    differs = cv2.morphologyEx(differs.astype(np.uint8), cv2.MORPH_OPEN, np.ones((2, 2), np.uint8))
    scale = SLIP_PHOTO_SIDE / max(photo.shape)
    photo = cv2.resize(photo, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)
    mask = cv2.resize(differs, (photo.shape[1], photo.shape[0]), interpolation=cv2.INTER_NEAREST)
    rgb = np.repeat(photo[:, :, None], 3, axis=2)
    return SyntheticPage(rgb, [ink_box(mask)], "slip", True, masks=[mask])


def slips_of_writers(folders: list[str], count: int, seed: int):
    """``count`` slip photos ``(folder name, SyntheticPage)`` (:func:`slip_page`) of the
    writers' first 3 genuine scans, chosen as :func:`pages_of_writers` chooses them."""
    from sigverify.core.imaging.imageio import load_image

    rng = np.random.default_rng(seed)
    scans = _first_scans(folders)
    for number in range(count):
        name, path = scans[int(rng.integers(len(scans)))]
        page = slip_page(load_image(path).pixels, seed * 100000 + number)
        page.sources = [path]
        yield name, page
