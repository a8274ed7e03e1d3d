"""Finding signatures on whole pages, as JSON: box IoU and time per page on synthetic
cheques and forms made from real signatures (``sigverify.core.data.synthetic_pages``), by
the locator network (or, with ``--classical``, the classical cues).

    python bench/locate.py --data ../shared/data/sigcomp2011 --data ... [--pages 200]
                           [--seed 1] [--examples DIR] [--classical]
    python bench/locate.py --fit --data ../shared/data/cedar ...   # print fitted weights
    python bench/locate.py --verify models/default --data ...        # the crops, verified
    python bench/locate.py --slips --data ...   # phone photos of a slip with one signature

Each page takes one signature (and on a quarter of them a co-signer's) of a writer of the
given folders: half cheques, half forms, half of each photographed, half stamped. A page
counts as found when the best candidate covers a true signature with IoU >= 0.8;
``all_found`` asks that every signature on the page be matched by one of the top 3.
``--fit`` instead collects each word's cues with its label (inside a true box or not) and
prints logistic weights for ``locate.WEIGHTS`` (fit on some data sets, measure on others).
``--verify MODEL`` instead checks what a clerk would verify, as the crop dialog cuts it:
each page's main signature, a genuine one, against 5 other genuine signatures of its
writer (the place offered that holds most of it, of the first 3: a co-signer's, offered
first, is passed over, :func:`clerk_choice`), as the scan itself, as the whole page
uncut, as the proposed rectangle of the squared-up sheet, as that rectangle without the
ink the locator does not see as the signature's (:func:`page_crop.signature_only`), and
as the dialog gives it, the light of a photographed sheet made even too (``as_cut``,
:func:`page_crop.cut`); it prints each one's median distance score and how many are
accepted and rejected at the model's thresholds.
``--slips``: the pages (for the measures and for ``--verify``) are instead phone photos of a
slip of paper with only the signature on it (``synthetic_pages.slips_of_writers``: turned,
in perspective, on a desk, often a shadow across, its long side 1600 pixels). A turned
slip's upright box is larger than its ink's, so they also get ``top_holds_signature``
(:func:`holds`): the best candidate holds the signature and not much more.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

from sigverify.core.data.synthetic_pages import pages_of_writers, slips_of_writers
from sigverify.core.imaging import locate, locate_net, page_crop


def iou(a, b) -> float:
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    w = max(0, min(ax + aw, bx + bw) - max(ax, bx))
    h = max(0, min(ay + ah, by + bh) - max(ay, by))
    inter = w * h
    return inter / float(aw * ah + bw * bh - inter) if inter else 0.0


def holds(candidate, mask: np.ndarray) -> bool:
    """The candidate's four corners enclose at least 95 % of the signature's ink ``mask``
    and at most 1.5 times the area of the ink's upright box or of its smallest turned
    rectangle, whichever is larger: a crop a clerk keeps, even of a turned slip (whose
    upright box is larger than the ink's) or of a signature written on a slant."""
    import cv2

    ys, xs = np.nonzero(mask)
    inside = np.zeros(mask.shape, np.uint8)
    cv2.fillConvexPoly(inside, np.round(candidate.corners).astype(np.int32), 1)
    held = np.count_nonzero(inside[ys, xs]) >= 0.95 * len(ys)
    (_, _), (w, h), _ = cv2.minAreaRect(np.column_stack([xs, ys]).astype(np.float32))
    upright = (np.ptp(xs) + 1) * (np.ptp(ys) + 1)
    return held and cv2.contourArea(candidate.corners.astype(np.float32)) <= 1.5 * max(
        w * h, upright
    )


def fit(folders, count, seed, pages) -> dict:
    rows, labels = [], []
    for _, page in pages(folders, count, seed):
        view = locate.page_view(page.image)
        words, _ = locate.page_words(view)
        to_view = np.linalg.inv(view.to_input)
        truth = []
        for box in page.boxes:
            mapped = locate.mapped_corners(box, to_view)
            (x0, y0), (x1, y1) = mapped.min(0), mapped.max(0)
            truth.append((x0, y0, x1, y1))
        for word in words:
            inside = any(
                locate.share_inside(word.box, (x0, y0, x1 - x0, y1 - y0)) >= 0.6
                for x0, y0, x1, y1 in truth
            )
            rows.append(word.features)
            labels.append(1.0 if inside else 0.0)
    x = np.vstack(rows).astype(np.float64)
    y = np.asarray(labels)
    weight = np.where(y == 1, 0.5 / y.sum(), 0.5 / (1 - y).sum())
    design = np.hstack([x, np.ones((len(x), 1))])
    beta = np.zeros(design.shape[1])
    # Newton's method, L2 0.01 on every weight, the bias too: what fitted locate.WEIGHTS
    # (writer_dependent.fit_logistic leaves the bias free and gives other weights)
    for _ in range(50):
        p = 1 / (1 + np.exp(-design @ beta))
        gradient = design.T @ (weight * (p - y)) + 0.01 * beta
        hessian = design.T @ (design * (weight * p * (1 - p))[:, None]) + 0.01 * np.eye(len(beta))
        beta -= np.linalg.solve(hessian, gradient)
    p = 1 / (1 + np.exp(-design @ beta))
    accuracy = float(np.sum(weight * ((p >= 0.5) == (y == 1))))
    return {
        "words": len(y),
        "handwritten_words": int(y.sum()),
        "weights": [round(float(b), 3) for b in beta[:-1]],
        "bias": round(float(beta[-1]), 3),
        "features": list(locate.FEATURES),
        "balanced_accuracy": round(accuracy, 4),
    }


def clerk_choice(page, found: list) -> int:
    """Which of the first 3 places offered (``found``, on the sheet as the dialog shows it)
    a clerk keeps to check the page's main signature: the one holding most of its ink (a
    co-signer's signature, offered first, is passed over as the dialog lets the clerk);
    the first when none holds any."""
    import cv2

    from sigverify.core.imaging.page_crop import level_sheet

    ink = page.masks[0].astype(np.uint8)
    sheet, matrix = level_sheet(page.image.max(axis=2))
    if matrix is not None:  # the ink as it lies on the squared-up sheet
        ink = cv2.warpPerspective(ink, matrix, sheet.shape[::-1], flags=cv2.INTER_NEAREST)
    held = [
        np.count_nonzero(ink[y : y + h, x : x + w]) for x, y, w, h in (c.box for c in found[:3])
    ]
    return int(np.argmax(held)) if max(held) > 0 else 0


def verify_crops(folders, count, seed, model_dir, pages) -> dict:
    from sigverify.core.data.datasets import read_dataset
    from sigverify.core.errors import SigverifyError
    from sigverify.core.imaging.imageio import load_image
    from sigverify.core.imaging.preprocessing import preprocess_signature
    from sigverify.core.model.onnx import load_onnx_model
    from sigverify.core.scoring import pairwise_distances, score_queries
    from sigverify.core.stroke_match import InkMap, mismatches, mismatches_among, stroke_check

    model = load_onnx_model(model_dir, threads=1)
    card, config = model.card, model.preprocess
    check = stroke_check(card)

    def embedded(grey):
        pixels = preprocess_signature(grey, config)
        return model.embed(pixels[None]), InkMap.of(pixels)

    genuine_of = {}
    for folder in folders:
        for writer in read_dataset(folder).writers:
            for path in writer.genuine:
                genuine_of[Path(path)] = writer.genuine
    scores = {"scan": [], "whole_page": [], "rectangle": [], "signature_only": [], "as_cut": []}
    photographed = []
    for _, page in pages(folders, count, seed):
        others = [p for p in genuine_of[Path(page.sources[0])] if Path(p) != page.sources[0]]
        references, maps = zip(*[embedded(load_image(p).pixels) for p in others[-5:]], strict=True)
        references = np.vstack(references)
        among = pairwise_distances(references, references, card.distance)
        # as the crop dialog does, on the page as load_page reads it (brightest channel)
        sheet, found, squared = page_crop.proposals(page.image.max(axis=2))
        if not found:
            continue
        kept = found[clerk_choice(page, found)]
        x, y, w, h = box = page_crop.padded_box(kept.box, sheet.shape)
        crops = {
            "scan": load_image(page.sources[0]).pixels,
            "whole_page": page.image.max(axis=2),
            "rectangle": sheet[y : y + h, x : x + w],
            "signature_only": page_crop.signature_only(sheet, box, kept),
            "as_cut": page_crop.cut(sheet, box, kept, squared),
        }
        photographed.append(page.photo)
        for name, grey in crops.items():
            try:
                query, ink = embedded(grey)
            except SigverifyError:  # nothing left that reads as a signature: a rejection
                scores[name].append(np.inf)
                continue
            distance = pairwise_distances(query, references, card.distance)
            score = score_queries(distance, among, card.reference_spread)
            if check is not None:  # as verification scores it
                score = score + check.term(mismatches([ink], maps), mismatches_among(maps))
            scores[name].append(float(score[0]))
    result = {"model": card.name, "pages": len(scores["scan"])}
    photographed = np.asarray(photographed)
    for name, values in scores.items():
        values = np.asarray(values)
        result[name] = {"median_score": round(float(np.median(values)), 4)}
        for kind, chosen in (("", ...), ("photo_", photographed), ("scanned_", ~photographed)):
            if not np.any(np.ones(len(values), bool)[chosen]):
                continue  # slips are all photos
            result[name][kind + "accepted"] = round(
                float(np.mean(values[chosen] <= card.accept_threshold)), 4
            )
            result[name][kind + "rejected"] = round(
                float(np.mean(values[chosen] > card.reject_threshold)), 4
            )
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", action="append", required=True)
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--fit", action="store_true")
    parser.add_argument("--verify", metavar="MODEL", default=None)
    parser.add_argument("--examples", default=None, help="save missed pages here")
    parser.add_argument(
        "--classical", action="store_true", help="the classical cues, not the locator network"
    )
    parser.add_argument(
        "--slips", action="store_true", help="phone photos of a slip with only the signature"
    )
    args = parser.parse_args()
    pages = slips_of_writers if args.slips else pages_of_writers
    if args.fit or args.verify:
        if args.fit:
            result = fit(args.data, args.pages, args.seed, pages)
        else:
            result = verify_crops(args.data, args.pages, args.seed, args.verify, pages)
        json.dump(result, sys.stdout, indent=2)
        print()
        return 0
    times, best, all_found, kinds, held = [], [], [], {}, []
    for number, (dataset, page) in enumerate(pages(args.data, args.pages, args.seed)):
        started = time.perf_counter()
        candidates = locate.locate_signatures(page.image, classical=args.classical)
        times.append(time.perf_counter() - started)
        top = (
            max((iou(candidates[0].box, t) for t in page.boxes), default=0.0) if candidates else 0.0
        )
        best.append(top)
        if args.slips:
            held.append(bool(candidates) and holds(candidates[0], page.masks[0]))
        found = all(any(iou(c.box, t) >= 0.8 for c in candidates[:3]) for t in page.boxes)
        all_found.append(found)
        key = f"{page.kind}{'-photo' if page.photo else ''}"
        kinds.setdefault(key, []).append(top)
        kinds.setdefault(dataset, []).append(top)
        if args.examples and top < 0.8:
            import cv2

            Path(args.examples).mkdir(parents=True, exist_ok=True)
            shown = cv2.cvtColor(page.image, cv2.COLOR_RGB2BGR)
            for x, y, w, h in page.boxes:
                cv2.rectangle(shown, (x, y), (x + w, y + h), (0, 180, 0), 3)
            for rank, c in enumerate(candidates[:3]):
                x, y, w, h = c.box
                cv2.rectangle(shown, (x, y), (x + w, y + h), (0, 0, 230 - 70 * rank), 2)
            cv2.imwrite(str(Path(args.examples) / f"missed-{number:04d}.jpg"), shown)
    ms = np.asarray(times) * 1000
    best_arr = np.asarray(best)
    result = {
        "pages": len(best),
        "method": "classical" if args.classical or not locate_net.available() else "network",
        "page_kind": "slip photos" if args.slips else "cheques and forms",
        "data": args.data,
        "top_iou_at_least_0.8": round(float(np.mean(best_arr >= 0.8)), 4),
        "top_iou_median": round(float(np.median(best_arr)), 4),
        "all_signatures_in_top3": round(float(np.mean(all_found)), 4),
        **({"top_holds_signature": round(float(np.mean(held)), 4)} if held else {}),
        "ms_per_page": {
            "p50": round(float(np.percentile(ms, 50)), 1),
            "p95": round(float(np.percentile(ms, 95)), 1),
        },
        "by_kind": {
            k: round(float(np.mean(np.asarray(v) >= 0.8)), 4) for k, v in sorted(kinds.items())
        },
    }
    json.dump(result, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
