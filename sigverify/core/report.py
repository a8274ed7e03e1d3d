"""Printable records: one verification on one A4 page, and a batch's summary, as PDF.

Drawn with matplotlib's own PDF backend (no Qt, no new dependency), so the command line
and the app write the same page. Text is in the user's language; Chinese text is drawn
with a CJK font when the system has one (matplotlib falls back glyph by glyph through a
list of families).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

import numpy as np

from sigverify import __version__
from sigverify.core.explain import Explanation, heat_overlay
from sigverify.core.files import file_stem
from sigverify.core.i18n import percent_text, translate
from sigverify.core.imaging.imageio import decode_image
from sigverify.core.imaging.overlay import overlay_images
from sigverify.core.plot_fonts import font_families
from sigverify.core.queue import clerks_word, settled_word
from sigverify.core.store.records import AuditEntry, local_time_zoned, model_name_in
from sigverify.core.text_wrap import shortened, wrap
from sigverify.core.verification_results import VerificationResult, decision_label

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from sigverify.core.verification import VerificationService

A4 = (8.27, 11.69)  # inches
COLOURS = {"accept": "#2e7d32", "review": "#b26a00", "reject": "#c62828"}


@dataclass(frozen=True)
class VerificationRecord:
    """Everything one verification's page shows."""

    result: VerificationResult
    person_name: str
    query_image: np.ndarray  # the checked image as received (grey)
    references: list[tuple[str, np.ndarray]]  # (file name, as the model saw it), as scored
    operator: str
    model_name: str
    weights_sha256: str
    checked_at: str  # when the check ran
    audit: tuple[int, str] | None  # the audit row (id, hash); None when not recorded
    recorded_at: str | None  # when that row was written
    #: where the checked signature departs from its nearest reference (None: no image)
    explanation: Explanation | None = None
    #: the clerk's comment recorded with it (the audit row had it, the page did not: seen)
    comment: str = ""
    #: a clerk's word on it afterwards (the Queue's accept or reject), its audit entry
    settlement: AuditEntry | None = None


def verification_record(
    service: VerificationService,
    result: VerificationResult,
    query_data: bytes,
    audit: tuple[int, str] | None,
    checked_at: str,
) -> VerificationRecord:
    """Gather a page's contents from the store: the person's name and their references'
    images, in the order of ``result.per_reference``, and the heat map of where the checked
    signature departs from the nearest one (:meth:`VerificationService.explain`); with
    ``audit``, the time and the operator of that audit row. ``checked_at``: when the check
    ran, for a result that does not say (seen in a real window: the report's "Checked at"
    was the time it was recorded, 22 s later). The model named is the one that decided (a
    clerk may have switched models since), and the heat map is left out when that is no
    longer the active one."""
    store = service.store
    references = []
    for reference in result.per_reference:
        _, prepared = store.reference_images(reference.reference_id)
        references.append((reference.filename, decode_image(prepared).pixels))
    card = service.model.card
    same_model = result.model_id == service.model_id
    if same_model:
        model_name, weights = card.name, card.weights_sha256
    else:  # decided by a model switched away from since: named as its audit row names it
        model_name = model_name_in(result.model_id)
        checksum = result.model_id.partition("@")[2].partition("+")[0]
        weights = f"{checksum}…"  # the first 12 digits the id keeps
    operator = service.operator
    entry = store.audit_entry(audit[0]) if audit is not None else None
    recorded_at, comment = None, ""
    if entry is not None:  # when and by whom it was recorded, as the log says, and why
        recorded_at, operator = entry.at, entry.operator
        comment = str(entry.details.get("comment") or "")
    return VerificationRecord(
        result,
        store.get_person(result.person_id).name,
        _shrunk(decode_image(query_data, source=result.filename).pixels),
        references,
        operator,
        model_name,
        weights,
        result.checked_at or checked_at,
        audit,
        recorded_at,
        # worked out with the model that decided, or not at all
        service.explain(result) if result.query_pixels is not None and same_model else None,
        comment,
        clerks_word(store, result.person_id, audit[0]) if entry is not None else None,
    )


def report_file_name(result: VerificationResult) -> str:
    """A file name for ``result``'s report: the person and when it was checked, local time
    ("C-401-2026-12-04-221850.pdf"), so that two reports of one person and day do not
    overwrite each other (seen in a real window: every report offered the same name)."""
    when = datetime.fromisoformat(result.checked_at) if result.checked_at else datetime.now()
    person = file_stem(result.person_id, "report")
    return f"{person}-{when.astimezone().strftime('%Y-%m-%d-%H%M%S')}.pdf"


def _shrunk(pixels: np.ndarray, longest: int = 1200) -> np.ndarray:
    """A page needs no more than this: a 40-megapixel photo would make a 40 MB PDF."""
    import cv2

    factor = max(pixels.shape) / longest
    if factor <= 1:
        return pixels
    size = (max(1, round(pixels.shape[1] / factor)), max(1, round(pixels.shape[0] / factor)))
    return cv2.resize(pixels, size, interpolation=cv2.INTER_AREA)


class Page:
    """An A4 figure with a text cursor running down from the top (in figure fractions)."""

    def __init__(self):
        from matplotlib.figure import Figure

        self.figure = Figure(figsize=A4)
        self.families = list(font_families())
        self.y = 0.955

    def text(
        self, text: str, size: float = 9, x: float = 0.07, step: float | None = None, **style
    ) -> None:
        self.figure.text(
            x, self.y, text, fontsize=size, family=self.families, va="top", parse_math=False,
            **style,
        )  # fmt: skip
        self.y -= step if step is not None else size / 72 / A4[1] * 1.45

    def paragraph(self, text: str, size: float = 9, width: int = 100) -> None:
        for line in wrap(text, width) or [""]:
            self.text(line, size)

    def image(
        self,
        pixels: np.ndarray,
        box: tuple[float, float, float, float],
        title: str,
        cmap: str | None = "gray",
        colour: str = "#cccccc",
    ) -> None:
        axes = self.figure.add_axes(box)
        axes.imshow(pixels, cmap=cmap, vmin=0, vmax=255, interpolation="antialiased")
        axes.set_xticks([])
        axes.set_yticks([])
        for spine in axes.spines.values():
            spine.set_color(colour)
        axes.set_anchor("NW")  # titles in line whatever the image's shape
        axes.set_title(title, fontsize=7.5, family=self.families, loc="left", parse_math=False)


def verification_page(record: VerificationRecord) -> Figure:
    """The A4 page of one verification."""
    from matplotlib.patches import Rectangle

    r = record.result
    page = Page()
    page.text(translate("report", "Signature verification report"), 15, weight="bold")
    page.text(
        f"sigverify {__version__} · {local_time_zoned(record.checked_at)}",
        8,
        color="#555555",
        step=0.03,
    )
    colour = COLOURS[r.decision]
    page.figure.add_artist(
        Rectangle(
            (0.07, page.y - 0.04),
            0.86,
            0.045,
            transform=page.figure.transFigure,
            facecolor=colour,
            edgecolor="none",
            alpha=0.12,
        )
    )
    page.y -= 0.009
    page.text(
        translate("report", "{decision}   score {similarity}").format(
            decision=decision_label(r.decision), similarity=percent_text(r.similarity)
        ),
        17,
        x=0.09,
        weight="bold",
        color=colour,
        step=0.056,
    )
    t = r.thresholds
    source = {
        "person": translate("report", "this person's own"),
        "global": translate("report", "set for everyone"),
        "model": translate("report", "the model's"),
    }[t.source]
    facts = [
        (translate("report", "Person"), f"{r.person_id}  {record.person_name}".strip()),
        (translate("report", "Checked file"), r.filename),
        # on a pad, the picture's (they read as the ones that decided: a real-window pass)
        (
            translate("report", "Distance")
            if r.pen is None
            else translate("report", "Picture's distance"),
            f"{r.score:.4f}",
        ),
        (
            translate("report", "Thresholds")
            if r.pen is None
            else translate("report", "Picture's thresholds"),
            translate(
                "report", "accept at or below {accept:.4f}, reject above {reject:.4f} ({source})"
            ).format(accept=t.accept, reject=t.reject, source=source),
        ),
        *pen_facts(r),
        (translate("report", "Nearest reference"), r.nearest.filename),
        (translate("report", "Model"), record.model_name),
        (translate("report", "Weights SHA-256"), record.weights_sha256),
        (translate("report", "Operator"), record.operator),
        (translate("report", "Checked at"), local_time_zoned(record.checked_at)),
        *(
            [(translate("report", "Recorded at"), local_time_zoned(record.recorded_at))]
            if record.recorded_at
            else []
        ),
        (
            translate("report", "Audit entry"),
            f"#{record.audit[0]}  {record.audit[1]}"
            if record.audit
            else translate("report", "not recorded"),
        ),
    ]
    for label, value in facts:
        page.text(label, 8.5, color="#555555", step=0)
        page.text(value, 8.5 if len(value) < 70 else 7, x=0.27)
    page.y -= 0.01
    settled = record.settlement
    if settled is not None:  # the decision that stands, after the machine's
        page.text(translate("report", "Clerk's decision"), 9.5, weight="bold")
        page.text(
            translate("report", "{decision} by {operator}, {time} (audit entry #{id})").format(
                decision=settled_word(settled.details),
                operator=settled.operator,
                time=local_time_zoned(settled.at),
                id=settled.id,
            ),
            9,
            color=COLOURS.get(str(settled.details.get("decision")), "#333333"),
        )
    comment = str(settled.details.get("comment") or "") if settled else record.comment
    if comment:  # at most 3 lines: the references below must fit (a review found)
        if settled is None:
            page.text(translate("report", "Clerk's comment"), 9.5, weight="bold")
        lines = wrap(f"“{comment}”", 100)
        shown = 2 if settled is not None else 3
        for n, line in enumerate(lines[:shown]):
            page.text(line + ("…" if n == shown - 1 and len(lines) > shown else ""), 9)
    page.text(translate("report", "Why"), 9.5, weight="bold")
    page.paragraph(r.reason, 9)
    for warning in r.warnings:
        page.paragraph(f"⚠ {warning}", 8.5)

    # the checked signature, as the model saw it, and over its nearest reference
    # in one row: the checked signature as received, as the model saw it, over its nearest
    # reference, and where the two differ (the references below must fit: up to 10)
    top = page.y - 0.02
    width, step = 0.2, 0.22
    height = width * A4[0] / A4[1] * 150 / 220  # a prepared image fills its box
    page.image(
        record.query_image,
        (0.07, top - height, width, height),
        translate("report", "Checked signature, as received"),
    )
    seen = r.query_pixels
    nearest = next(
        (
            pixels
            for (name, pixels), ref in zip(record.references, r.per_reference, strict=True)
            if ref.reference_id == r.nearest.reference_id
        ),
        None,
    )
    if seen is not None:
        page.image(
            255 - seen,
            (0.07 + step, top - height, width, height),
            translate("report", "As the model sees it"),
        )
        if nearest is not None and nearest.shape == seen.shape:
            page.image(
                overlay_images(seen, nearest),
                (0.07 + 2 * step, top - height, width, height),
                translate("report", "Over the nearest reference"),
                cmap=None,
            )
            legend = translate("report", "red: checked · blue: reference · dark: both")
            page.figure.text(
                0.07 + 2 * step,
                top - height - 0.012,
                legend,
                fontsize=6.5,
                family=page.families,
                va="top",
                color="#555555",
            )
    page.y = top - height - 0.032
    if record.explanation is not None:
        page.image(
            heat_overlay(record.explanation),
            (0.07 + 3 * step, top - height, width, height),
            translate("report", "Where it differs"),
            cmap=None,
        )
        _explanation_notes(page, record.explanation)
    page.y -= 0.012
    # the references, with their distances on the thresholds' scale
    page.text(
        translate("report", "References ({count})").format(count=len(record.references)),
        9.5,
        weight="bold",
        step=0.02,
    )
    columns, width, gap = 5, 0.16, 0.015
    thumb = width * A4[0] / A4[1] * 150 / 220
    for i, ((name, pixels), ref) in enumerate(zip(record.references, r.per_reference, strict=True)):
        row, column = divmod(i, columns)
        x = 0.07 + column * (width + gap)
        y = page.y - (row + 1) * (thumb + 0.035)
        if y < 0.06:
            break  # more than fit on the page (10 are recommended at most)
        is_nearest = ref.reference_id == r.nearest.reference_id
        page.image(
            255 - pixels,
            (x, y, width, thumb),
            f"{shortened(name, 20)}\n"
            + translate("report", "distance {distance:.4f}").format(distance=r.on_score_scale(ref))
            + (" ◀" if is_nearest else ""),
            colour=colour if is_nearest else "#cccccc",
        )
    page.y = 0.045
    page.paragraph(
        translate(
            "report",
            "The decision supports a trained person's judgement; it does not replace it. The "
            "audit entry above can be checked with “sigverify audit verify”.",
        ),
        7,
        width=140,
    )
    return page.figure


def _explanation_notes(page: Page, explanation: Explanation) -> None:
    """How to read the heat map, under the row of pictures."""
    how = (
        translate("report", "shifted, turned and scaled onto it")
        if explanation.aligned
        else translate("report", "as stored (the two could not be aligned)")
    )
    note = translate(
        "report",
        "Where it differs: dark, the checked signature; light blue, its nearest reference, "
        "{how}; yellow to red, strokes of either without a counterpart in the other, "
        "brightest where the model's distance depends most on them. {share} of the ink lies "
        "where they differ most (orange or red).",
    ).format(how=how, share=percent_text(explanation.hot_share()))
    for line in wrap(note, 150):
        page.text(line, 7, color="#333333")


def pen_facts(result) -> list[tuple[str, str]]:
    """A pad-drawn query's fused score, the band it was decided on and the pen model (the
    distance and thresholds above are the picture's)."""
    if result.pen is None:
        return []
    band = result.fused_thresholds
    return [
        (
            translate("report", "Drawn on a pad"),
            translate(
                "report",
                "pen and picture together {fused:.3f}: accept at or below {accept:.3f}, "
                "reject above {reject:.3f}; decided by {who}",
            ).format(
                fused=result.pen.fused,
                accept=band.accept,
                reject=band.reject,
                who=translate("report", "the way it was written")
                if result.pen.decided_by == "pen"
                else translate("report", "the picture"),
            ),
        ),
        (translate("report", "Pen model"), result.pen.pen_model),
    ]
