"""``sigverify locate``: find the signature on a whole page (a cheque, a form)."""

from __future__ import annotations

import argparse
from pathlib import Path

from sigverify.cli.common import EXIT_OK, _emit, add_command
from sigverify.core.errors import SigverifyError
from sigverify.core.i18n import translate


def cmd_locate(args: argparse.Namespace) -> int:
    from sigverify.core.imaging.imageio import encode_png, load_page
    from sigverify.core.imaging.locate import locate_signatures
    from sigverify.core.imaging.page_crop import crop_candidate
    from sigverify.core.report_files import check_writable

    if args.out:
        check_writable(args.out)
    page = load_page(args.page)
    candidates = locate_signatures(page.pixels, limit=args.candidates)
    if not candidates:
        raise SigverifyError(
            translate(
                "errors",
                "No signature was found on “{name}”. Crop it by hand, or scan the page "
                "again with the signature clearly visible.",
            ).format(name=Path(args.page).name)
        )
    if args.out:
        Path(args.out).write_bytes(encode_png(crop_candidate(page.pixels, candidates[0])))
    payload = {
        "candidates": [{"box": list(c.box), "score": c.score} for c in candidates],
        "crop": args.out,
    }
    lines = [
        f"{rank}. x {c.box[0]}, y {c.box[1]}, {c.box[2]} x {c.box[3]} px  (score {c.score:.2f})"
        for rank, c in enumerate(candidates, start=1)
    ]
    if args.out:
        lines.append(f"The best one was saved to {args.out}.")
    _emit(args, payload, "\n".join(lines))
    return EXIT_OK


def register(commands) -> None:
    locate = add_command(
        commands,
        "locate",
        cmd_locate,
        "Find the signature on a scanned or photographed page; print the candidates' boxes "
        "(x, y, width, height in page pixels), best first.",
    )
    locate.add_argument("page", help="the page: a scan or a photo (PNG, JPEG, TIFF, BMP)")
    locate.add_argument("--out", metavar="CROP.png", help="save the best candidate's crop")
    locate.add_argument("--candidates", type=int, default=5, help="at most this many (default 5)")
