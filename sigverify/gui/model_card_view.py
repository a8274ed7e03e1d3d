"""A model card as the Models page shows it (HTML): what the model reads, its thresholds, how a
pen model joins the image model, and what was measured on test writers."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication

from sigverify.core.i18n import QT_TRANSLATE_NOOP, join_list, join_sentences
from sigverify.core.model.card import ModelCard
from sigverify.core.pen_verification import card_fusion_thresholds, fitted_with
from sigverify.core.store.records import local_time
from sigverify.core.stroke_match import stroke_check
from sigverify.core.thresholds import Thresholds, card_thresholds
from sigverify.gui.widgets import accuracy_text, percent

translate = QCoreApplication.translate


#: The bundled models' descriptions, so that they are shown in the user's language (a
#: description written by whoever trained a model is shown as written). A test checks that
#: these are the bundled cards' own texts.
BUNDLED_DESCRIPTIONS = (
    QT_TRANSLATE_NOOP(
        "ModelDescriptions",
        "An ensemble of 2 models of one recipe and writer split. "
        "Trained on 229 writers of CEDAR, SigComp2011, BHSig260 Bengali and Hindi and "
        "SigComp2009 NFI (data sets drawn equally), validated on 53, tested on 71 never "
        "seen; 800 px working size, sigverify's own thinning, scan-edge lines removed; 75 "
        "epochs on a GPU.",
    ),
    QT_TRANSLATE_NOOP(
        "ModelDescriptions",
        "Pen model for signatures drawn on a pad: a time-delay network on the pen "
        "trajectory, trained writer-disjoint on SVC2004, SUSIG and SigComp2009 NFI pen "
        "data (NFI writers on the same side as their scans in the default image model). "
        "Joined with time warping and the image model by its fusion entry.",
    ),
)


def stroke_rows(card: ModelCard) -> list[tuple[str, str]]:
    """The stroke check's row, for an image model that has one."""
    check = stroke_check(card)
    if check is None:
        return []
    return [
        (
            translate("ModelsPage", "Stroke check"),
            translate(
                "ModelsPage",
                "{per_px:.4f} added to the score for each pixel by which the strokes lie "
                "further from the references' than theirs from each other (typical {px:.1f} px)",
            ).format(per_px=check.per_px, px=check.typical_px),
        )
    ]


def encoder_name(encoder: str) -> str:
    """An encoder's name as said to a person: "CNN", "TDNN" (the CLI's "cnn" was shown)."""
    return encoder.upper() if encoder in ("cnn", "tdnn") else encoder


def loss_name(loss: str) -> str:
    """A training loss's name as said in a sentence ("… ({loss} loss)")."""
    names = {
        "contrastive": translate("ModelsPage", "contrastive"),
        "triplet": translate("ModelsPage", "triplet"),
    }
    return names.get(loss, loss)


def encoder_text(card: ModelCard) -> str:
    """The encoder's name; for an ensemble, how many of which."""
    if card.encoder != "ensemble":
        return encoder_name(card.encoder)
    members = [encoder_name(str(m.get("encoder"))) for m in card.members]
    return translate("ModelsPage", "an ensemble of {count} ({members})").format(
        count=len(members), members=join_list(members)
    )


def card_html(
    card: ModelCard, set_here: Thresholds | None = None, image_model_id: str | None = None
) -> str:
    """The card as a short, readable page; ``set_here``: the thresholds set for everyone
    with this model in this store, when they are not the card's (the card's alone were
    shown: seen in a real window); ``image_model_id``: the active image model, that a pen
    model's fusion was fitted with or not."""
    e = html.escape
    thresholds = card_thresholds(card)
    rows = [
        (
            translate("ModelsPage", "Encoder"),
            translate("ModelsPage", "{encoder}, {count:,} parameters").format(
                encoder=encoder_text(card), count=card.parameters or 0
            ),
        ),
        *input_rows(card),
        (
            translate("ModelsPage", "Distance"),
            {
                "euclidean": translate("ModelsPage", "euclidean"),
                "cosine": translate("ModelsPage", "cosine"),
            }.get(card.distance, card.distance),
        ),
        (
            translate("ModelsPage", "Embeddings"),
            translate("ModelsPage", "whitened by the training writers' own variation")
            if card.whitened
            else translate("ModelsPage", "as the network gives them"),
        ),
        (
            translate("ModelsPage", "Thresholds"),
            translate(
                "ModelsPage", "accept ≤ {a:.4f}, reject > {r:.4f} (chosen on validation writers)"
            ).format(a=thresholds.accept, r=thresholds.reject),
        ),
        *(
            [
                (
                    translate("ModelsPage", "Set in this store"),
                    translate(
                        "ModelsPage",
                        "accept ≤ {a:.4f}, reject > {r:.4f} for everyone with this model "
                        "(Thresholds page); the figures measured here are at the card's own",
                    ).format(a=set_here.accept, r=set_here.reject),
                )
            ]
            if set_here is not None
            else []
        ),
        (
            translate("ModelsPage", "Score scaling"),
            translate(
                "ModelsPage", "by the person's own reference spread (typical {s:.4f})"
            ).format(s=card.reference_spread)
            if card.reference_spread
            else translate("ModelsPage", "none (plain distance)"),
        ),
        *stroke_rows(card),
        *fusion_rows(card, image_model_id),
        (translate("ModelsPage", "Created"), local_time(card.created, seconds=False)),
        (translate("ModelsPage", "sigverify version"), card.sigverify_version or "–"),
    ]
    out = [f"<h2>{e(card.name)}</h2>"]
    if card.description:
        description = translate("ModelDescriptions", card.description)  # bundled ones
        out.append(f"<p>{e(description)}</p>")
    summary = accuracy_text(card) if card.input == "image" else ""  # pen: see pad_table
    if summary:
        keep = translate(
            "ModelsPage", "Keep a person in the loop: treat “accept” as “looks consistent”."
        )
        out.append(
            f"<p style='background:#fff3e0; padding:6px'>{e(join_sentences(summary, keep))}</p>"
        )
    out.append("<table cellspacing=4>")
    # a number and its "%" on one line: "time warping 60" and "%" were wrapped apart
    out += [
        f"<tr><td><b>{e(k)}</b></td><td>{e(str(v)).replace(' %', '&nbsp;%')}</td></tr>"
        for k, v in rows
    ]
    out.append("</table>")
    test = (card.metrics or {}).get("test") or {}
    per_refs = test.get("per_refs") or {}
    if per_refs:
        out.append(
            "<h3>"
            + e(translate("ModelsPage", "Measured on test writers (never seen in training)"))
            + "</h3>"
        )
        out.append(
            "<table cellspacing=6><tr>"
            + "".join(
                f"<th>{e(h)}</th>"
                for h in (
                    translate("ModelsPage", "references"),
                    translate("ModelsPage", "EER"),
                    translate("ModelsPage", "AUC"),
                    translate("ModelsPage", "FAR skilled"),
                    translate("ModelsPage", "FAR random"),
                    translate("ModelsPage", "FRR"),
                    translate("ModelsPage", "writers"),
                )
            )
            + "</tr>"
        )
        for refs, m in sorted(per_refs.items(), key=lambda kv: int(kv[0])):
            cells = (
                refs,
                percent(m.get("eer")),
                f"{m.get('auc', 0):.3f}",
                percent(m.get("far_skilled")),
                percent(m.get("far_random")),
                percent(m.get("frr")),
                m.get("writers", "–"),
            )
            out.append(
                "<tr>" + "".join(f"<td align=right>{e(str(c))}</td>" for c in cells) + "</tr>"
            )
        out.append("</table>")
        protocol = test.get("protocol")
        if protocol:
            # the card keeps the English text; the one this version writes is translated
            out.append("<p><small>" + e(translate("protocol", str(protocol))) + "</small></p>")
    out += over_splits_table(card)
    out += pad_table(card)
    datasets = (card.training or {}).get("datasets") or []
    if datasets:
        names = join_list(
            f"{d.get('name')} ({len(d.get('train', []))} / {len(d.get('validation', []))} / "
            f"{len(d.get('test', []))})"
            for d in datasets
        )
        out.append(
            "<p><b>"
            + e(translate("ModelsPage", "Trained on"))
            + f"</b> {e(names)} <small>"
            + e(translate("ModelsPage", "(train / validation / test writers)"))
            + "</small></p>"
        )
    return "".join(out)


def input_rows(card: ModelCard) -> list[tuple[str, str]]:
    """What the model reads, as rows of the card page."""
    if card.input == "pen":
        return [
            (
                translate("ModelsPage", "Reads"),
                translate(
                    "ModelsPage",
                    "signatures drawn on a pad: {n} samples of position, speed, direction, "
                    "curvature and pressure each",
                ).format(n=card.preprocess.get("pen_length")),
            )
        ]
    stroke = card.preprocess_config().stroke_width
    return [
        (
            translate("ModelsPage", "Input size"),
            f"{card.preprocess.get('height')} × {card.preprocess.get('width')}",
        ),
        (
            translate("ModelsPage", "Strokes"),
            translate("ModelsPage", "redrawn {w:g} px wide, whatever the pen or focus").format(
                w=stroke
            )
            if stroke
            else translate("ModelsPage", "as scanned (the pen's own width and shading)"),
        ),
    ]


def measure_names() -> dict[str, str]:
    """The measures of a pad-drawn signature, and all of them together, in words."""
    return {
        "pen": translate("ModelsPage", "pen model"),
        "dtw": translate("ModelsPage", "time warping"),
        "image": translate("ModelsPage", "picture"),
        "pen+dtw+image": translate("ModelsPage", "all together"),
    }


def fusion_rows(card: ModelCard, image_model_id: str | None = None) -> list[tuple[str, str]]:
    """How a pen model's score joins the image model's: the active one (``image_model_id``)
    unless the fusion was fitted with another (every pad-drawn signature the machine
    would accept then goes to review, which the page did not say: a real-window pass)."""
    if card.input != "pen":
        return []
    fitted = (card.fusion or {}).get("image_model")
    if image_model_id and not fitted_with(card, image_model_id):
        text = translate(
            "ModelsPage",
            "not fitted with the active image model {active}{fitted}: the pen model's "
            "score and the picture's, each over its own threshold, averaged (time warping "
            "left out), and every acceptance of a signature drawn on a pad sent to review. "
            "Fit it with “sigverify models fuse” (README, Signatures drawn on a pad).",
        ).format(
            active=image_model_id,
            fitted=translate("ModelsPage", " (fitted with {model})").format(model=fitted)
            if fitted
            else "",
        )
        return [(translate("ModelsPage", "With the image model"), text)]
    band = card_fusion_thresholds(card)
    weights = (card.fusion or {}).get("weights")
    if not weights:
        how = translate("ModelsPage", "each score over its own threshold, averaged")
    else:
        names = measure_names()
        shares = translate("ModelsPage", ", ").join(
            translate("ModelsPage", "{what} {share:.0f} %").format(
                what=names[m], share=100 * weights[m]
            )
            for m in PAD_METHODS  # how it was written first, as on Verify
            if m in weights
        )
        how = translate(
            "ModelsPage", "each score over its own threshold, weighted ({shares})"
        ).format(shares=shares)
    return [
        (
            translate("ModelsPage", "With the image model"),
            translate("ModelsPage", "{how}: accept ≤ {a:.3f}, reject > {r:.3f}").format(
                how=how, a=band.accept, r=band.reject
            ),
        )
    ]


def over_splits_table(card) -> list[str]:
    """HTML rows for ``metrics["test_over_splits"]``: the recipe's mean over several writer
    splits (each trained and tested on its own writers), with the 95 % interval of the EER."""
    over = (card.metrics or {}).get("test_over_splits") or {}
    per_refs, splits = over.get("per_refs") or {}, len(over.get("seeds") or [])
    if splits < 2 or not per_refs:
        return []
    e = html.escape
    heading = translate(
        "ModelsPage", "Mean over {splits} trainings, each tested on its own unseen writers"
    ).format(splits=splits)
    headers = (
        translate("ModelsPage", "references"),
        translate("ModelsPage", "EER (95 % interval)"),
        translate("ModelsPage", "AUC"),
        translate("ModelsPage", "FAR skilled"),
        translate("ModelsPage", "FRR"),
    )
    out = [f"<h3>{e(heading)}</h3>", "<table cellspacing=6><tr>"]
    out += [f"<th>{e(h)}</th>" for h in headers] + ["</tr>"]
    for refs, m in sorted(per_refs.items(), key=lambda kv: int(kv[0])):
        eer = m.get("eer") or {}
        low, high = (eer.get("ci95") or [None, None])[:2]
        interval = f" ({percent(low)}–{percent(high)})" if low is not None else ""
        cells = (
            refs,
            percent(eer.get("mean")) + interval,
            f"{(m.get('auc') or {}).get('mean', 0):.3f}",
            percent((m.get("far_skilled") or {}).get("mean")),
            percent((m.get("frr") or {}).get("mean")),
        )
        out.append("<tr>" + "".join(f"<td align=right>{e(str(c))}</td>" for c in cells) + "</tr>")
    out.append("</table>")
    return out


PAD_METHODS = ("pen", "dtw", "image", "pen+dtw+image")


def pad_table(card) -> list[str]:
    """HTML for a pen card's ``metrics["pad_test"]``: test EER per data set of each measure
    of a pad-drawn signature and of all together (what the app decides on), with the error
    rates of the fused decision at its validation threshold, as ``bench/pen_accuracy.py``
    measured them over several writer splits."""
    pad = (card.metrics or {}).get("pad_test") or {}
    datasets = pad.get("datasets") or {}
    if not datasets:
        return []
    e = html.escape
    names = measure_names()
    heading = translate(
        "ModelsPage",
        "Signatures drawn on a pad: test writers of {splits} trainings, {refs} references",
    ).format(splits=pad.get("splits", 1), refs=pad.get("refs", "?"))
    headers = [translate("ModelsPage", "data set")]
    headers += [translate("ModelsPage", "EER {what}").format(what=names[m]) for m in PAD_METHODS]
    headers += [translate("ModelsPage", "FAR skilled"), translate("ModelsPage", "FRR")]
    out = [f"<h3>{e(heading)}</h3>", "<table cellspacing=6><tr>"]
    out += [f"<th>{e(h)}</th>" for h in headers] + ["</tr>"]
    for name, methods in datasets.items():
        fused = methods.get("pen+dtw+image") or {}
        cells = [name]
        cells += [percent(((methods.get(m) or {}).get("test_eer") or {}).get("mean"))
                  for m in PAD_METHODS]  # fmt: skip
        cells += [
            percent((fused.get("far_skilled_at_validation_threshold") or {}).get("mean")),
            percent((fused.get("frr_at_validation_threshold") or {}).get("mean")),
        ]
        # the data set's name on one line ("sigcomp2009_n" over "fi" at 1366 px: seen)
        out.append(
            f"<tr><td align=right nowrap>{e(name)}</td>"
            + "".join(f"<td align=right>{e(str(c))}</td>" for c in cells[1:])
            + "</tr>"
        )
    out.append("</table>")
    return out
