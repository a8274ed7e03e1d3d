"""Where a checked signature departs from its nearest reference, as a heat map a clerk can
read over the two signatures.

Two measures on the preprocessed images (``H x W`` uint8, ink bright, paper 0):

1. *Stroke difference* (:func:`stroke_difference`): the reference is aligned onto the
   query by an affine registration (:func:`align_reference`, OpenCV's ECC), then each
   stroke of either signature that has no stroke of the other within a few pixels counts
   as different. The map is the local *share* of ink that differs (0..1), so two matching
   signatures stay cool: it is not stretched to its own maximum.
2. *Model sensitivity* (:func:`occlusion_sensitivity`): patches of the query are blanked in
   turn and the query re-embedded; where blanking a patch brings the score closer to the
   references, that patch is what made the model find the query unlike them (0..1,
   relative to the strongest patch).

The heat is the difference weighted by the sensitivity (:func:`combine`): the strokes that
differ, brightest where the model also looked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import cv2
import numpy as np

from sigverify.core.i18n import translate
from sigverify.core.scoring import aggregate_distances, pairwise_distances

if TYPE_CHECKING:
    from matplotlib.figure import Figure

#: Ink: a preprocessed pixel at least this bright.
INK_LEVEL = 64
#: Strokes closer than this (pixels at 150 x 220) count as the same stroke.
TOLERANCE_PX = 4.0
#: How much of the heat a stroke difference keeps where the model did not look.
SENSITIVITY_FLOOR = 0.3
#: Heat from which :func:`heat_overlay` draws orange to red (below: pale to yellow).
HOT_LEVEL = 0.35
#: Registrations beyond these are taken for a failure (two unlike signatures can pull the
#: ECC into a fold or a large slide), and the references are compared unaligned.
MAX_SCALE_CHANGE = 0.35
MAX_SHIFT_FRACTION = 0.2


@dataclass(frozen=True)
class Explanation:
    """The maps of one query against its nearest reference, all ``H x W``."""

    query: np.ndarray  # uint8, as the model sees it
    reference: np.ndarray  # uint8, the nearest reference aligned onto the query
    reference_name: str
    difference: np.ndarray  # float32 0..1, share of local ink without a counterpart
    sensitivity: np.ndarray  # float32 0..1, where blanking the query helps its score most
    heat: np.ndarray  # float32 0..1, difference weighted by sensitivity
    matrix: np.ndarray  # 2 x 3 affine taking query coordinates to the reference's
    aligned: bool  # False when the registration failed and the reference is as stored

    def hot_share(self, level: float = HOT_LEVEL) -> float:
        """The share of the query's and reference's ink pixels whose heat is at least
        ``level`` (by default: drawn orange or red)."""
        ink = (self.query >= INK_LEVEL) | (self.reference >= INK_LEVEL)
        return float((self.heat[ink] >= level).mean()) if ink.any() else 0.0


def _smooth(image: np.ndarray, sigma: float) -> np.ndarray:
    return cv2.GaussianBlur(image.astype(np.float32), (0, 0), sigma)


def align_reference(
    query: np.ndarray, reference: np.ndarray
) -> tuple[np.ndarray, np.ndarray, bool]:
    """``reference`` warped onto ``query`` by an affine map (ECC on smoothed images), the
    2 x 3 matrix, and whether the registration was kept (else: identity, reference as is)."""
    identity = np.eye(2, 3, dtype=np.float32)
    # registered at half size (4x quicker; a pixel there is well within the tolerance)
    q = cv2.resize(_smooth(query, 2.0) / 255.0, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)
    r = cv2.resize(
        _smooth(reference, 2.0) / 255.0, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA
    )
    criteria = (cv2.TERM_CRITERIA_EPS | cv2.TERM_CRITERIA_COUNT, 60, 1e-4)
    try:
        _, matrix = cv2.findTransformECC(
            q, r, identity.copy(), cv2.MOTION_AFFINE, criteria, None, 3
        )
    except cv2.error:  # did not converge: nothing in common to register on
        return reference.copy(), identity, False
    matrix[:, 2] *= 2  # back to full size
    linear = matrix[:, :2].astype(np.float64)
    singular = np.linalg.svd(linear, compute_uv=False)
    h, w = query.shape
    shift = np.abs(matrix[:, 2]) / np.array([w, h])
    if (
        not np.all(np.isfinite(matrix))
        or np.any(np.abs(singular - 1) > MAX_SCALE_CHANGE)
        or np.linalg.det(linear) <= 0
        or np.any(shift > MAX_SHIFT_FRACTION)
    ):
        return reference.copy(), identity, False
    warped = cv2.warpAffine(
        reference,
        matrix,
        (w, h),
        flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP,
        borderMode=cv2.BORDER_CONSTANT,
        borderValue=0,
    )
    return warped, matrix.astype(np.float32), True


def stroke_difference(
    query: np.ndarray, reference: np.ndarray, tolerance: float = TOLERANCE_PX
) -> np.ndarray:
    """``H x W`` float32 in 0..1: around each point, the share of the two signatures' ink
    that has no ink of the other signature within about ``tolerance`` pixels (0 where
    there is no ink near)."""
    q = query >= INK_LEVEL
    r = reference >= INK_LEVEL
    # distance of every pixel to the nearest ink of each signature
    to_r = cv2.distanceTransform((~r).astype(np.uint8), cv2.DIST_L2, 3)
    to_q = cv2.distanceTransform((~q).astype(np.uint8), cv2.DIST_L2, 3)
    # 0 within the tolerance, rising to 1 at twice it: a stroke slightly off is half-different
    q_far = q * np.clip(to_r / tolerance - 1, 0, 1)
    r_far = r * np.clip(to_q / tolerance - 1, 0, 1)
    sigma = tolerance
    differing = _smooth(q_far + r_far, sigma)
    ink = _smooth(q.astype(np.float32) + r, sigma)
    share = np.where(ink > 0.02, differing / np.maximum(ink, 1e-6), 0.0)
    return np.clip(share, 0, 1).astype(np.float32)


def occlusion_sensitivity(
    embed: Callable[[np.ndarray], np.ndarray],
    query: np.ndarray,
    references: np.ndarray,
    distance: str,
    patch: int | None = None,
) -> np.ndarray:
    """``H x W`` float32 in 0..1. ``embed``: ``(N, H, W)`` uint8 -> ``(N, D)``;
    ``references (R, D)`` the person's reference embeddings. Each ``patch``-square (a third
    of the height unless given; half-overlapping) of the query that holds ink is blanked,
    all in one batch of embeddings (40 at most at 150 x 220); a patch's weight is how much
    the query's distance to the references (as scored: the nearest half) falls without
    it, spread over the patch and divided by the largest such fall."""
    h, w = query.shape
    patch = patch or max(4, round(h / 3))
    stride = max(1, patch // 2)
    ink = query >= INK_LEVEL
    boxes = []
    for top in range(0, max(1, h - patch + stride), stride):
        for left in range(0, max(1, w - patch + stride), stride):
            box = (slice(top, min(h, top + patch)), slice(left, min(w, left + patch)))
            if ink[box].any():
                boxes.append(box)
    sensitivity = np.zeros((h, w), np.float32)
    if not boxes:
        return sensitivity
    blanked = np.repeat(query[None], len(boxes) + 1, axis=0)
    for i, box in enumerate(boxes, start=1):
        blanked[i][box] = 0
    embeddings = embed(blanked)
    scores = aggregate_distances(pairwise_distances(embeddings, references, distance))
    gains = np.clip(scores[0] - scores[1:], 0, None)
    counts = np.zeros((h, w), np.float32)
    for gain, box in zip(gains, boxes, strict=True):
        sensitivity[box] += gain
        counts[box] += 1
    sensitivity = np.where(counts > 0, sensitivity / np.maximum(counts, 1), 0)
    # smoothed, so that the patches' square edges do not show as tiles and seams
    sensitivity = cv2.GaussianBlur(sensitivity.astype(np.float32), (0, 0), patch / 4)
    top = float(sensitivity.max())
    return (sensitivity / top).astype(np.float32) if top > 0 else sensitivity


def combine(difference: np.ndarray, sensitivity: np.ndarray) -> np.ndarray:
    """The heat: stroke difference, kept in full where the model looked and at
    :data:`SENSITIVITY_FLOOR` where it did not."""
    weight = SENSITIVITY_FLOOR + (1 - SENSITIVITY_FLOOR) * sensitivity
    return np.clip(difference * weight, 0, 1).astype(np.float32)


def explain(
    embed: Callable[[np.ndarray], np.ndarray],
    query: np.ndarray,
    reference: np.ndarray,
    reference_embeddings: np.ndarray,
    distance: str,
    reference_name: str = "",
) -> Explanation:
    """The :class:`Explanation` of ``query`` against its nearest ``reference`` (both
    preprocessed, same size) and the person's reference embeddings ``(R, D)``."""
    if query.shape != reference.shape:
        raise ValueError(f"sizes differ: {query.shape} and {reference.shape}")
    aligned, matrix, ok = align_reference(query, reference)
    difference = stroke_difference(query, aligned)
    sensitivity = occlusion_sensitivity(embed, query, reference_embeddings, distance)
    return Explanation(
        query=query,
        reference=aligned,
        reference_name=reference_name,
        difference=difference,
        sensitivity=sensitivity,
        heat=combine(difference, sensitivity),
        matrix=matrix,
        aligned=ok,
    )


def heat_overlay(explanation: Explanation) -> np.ndarray:
    """``H x W x 3`` uint8 RGB on white: the checked signature's ink dark grey, the aligned
    reference's light blue, and the heat over them from yellow (some) to red (most)."""
    q = explanation.query.astype(np.float32) / 255
    r = explanation.reference.astype(np.float32) / 255
    heat = explanation.heat[..., None]
    # the heat on the paper, from yellow (some) to red (most); the strokes drawn over it
    colour = np.concatenate([1 - 0.15 * heat, 0.85 * (1 - heat), np.zeros_like(heat)], axis=-1)
    alpha = np.clip((heat - 0.1) * 1.6, 0, 0.7)  # faint differences left uncoloured
    out = (1 - alpha) + colour * alpha
    out = out * (1 - 0.45 * r[..., None] * np.array([0.75, 0.35, 0.0], np.float32))  # light blue
    out = out * (1 - 0.8 * q[..., None])  # dark grey
    return (np.clip(out, 0, 1) * 255).astype(np.uint8)


def explanation_figure(explanation: Explanation) -> Figure:
    """The checked signature, its nearest reference aligned onto it, and the heat map over
    both, side by side with a line on how to read them (what ``verify --explain`` saves)."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(11, 3.0), dpi=120)
    panels = [
        (255 - explanation.query, "gray", translate("explain", "Checked signature")),
        (
            255 - explanation.reference,
            "gray",
            translate("explain", "Nearest reference ({name}), aligned").format(
                name=explanation.reference_name
            )
            if explanation.aligned
            else translate("explain", "Nearest reference ({name}), not aligned").format(
                name=explanation.reference_name
            ),
        ),
        (heat_overlay(explanation), None, translate("explain", "Where they differ")),
    ]
    for i, (pixels, cmap, title) in enumerate(panels):
        axes = figure.add_axes((0.01 + i * 0.33, 0.1, 0.31, 0.78))
        axes.imshow(pixels, cmap=cmap, vmin=0, vmax=255)
        axes.set_xticks([])
        axes.set_yticks([])
        axes.set_title(title, fontsize=9, loc="left", parse_math=False)
    figure.text(
        0.01,
        0.03,
        translate(
            "explain",
            "Yellow to red: strokes of either signature without a counterpart in the other, "
            "brightest where the model's distance depends most on them.",
        ),
        fontsize=8,
        color="#444444",
        parse_math=False,
    )
    return figure
