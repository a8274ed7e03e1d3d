"""The audit log's words for thresholds and settings: a band of thresholds as it was set
(for everyone, a person, pad drawings; a preset, a folder it was measured on), a changed
setting, and a recorded figure as the pages show it (:mod:`sigverify.core.audit_view`
uses them for each entry's details)."""

from __future__ import annotations

import json

from sigverify.core.i18n import join_sentences, percent_text, translate
from sigverify.core.operators import OPERATOR_SETTING


def figure(value) -> str:
    """A recorded distance to 4 decimals, as Verify, the report and the thresholds show
    them: the log stores them as computed, and rows read 0.3734 beside 1.545479 (seen in a
    real window)."""
    return f"{value:.4f}" if isinstance(value, int | float) else str(value)


def band_text(band: dict) -> str:
    # a side not set follows everyone's ("reject None" was printed, a review found)
    accept, reject = (
        translate("audit", "everyone's") if band.get(side) is None else figure(band.get(side))
        for side in ("accept", "reject")
    )
    text = translate("audit", "accept {accept}, reject {reject}").format(
        accept=accept, reject=reject
    )  # (to 4 decimals as the page shows them: "accept 0.7" beside 0.7000, seen)
    if isinstance(band.get("preset"), int | float):
        # named as the Thresholds page names it ("5 % of forgeries" there read otherwise)
        preset = translate("audit", "(preset: at most {target} of skilled forgeries let through)")
        text = join_sentences(text, preset.format(target=percent_text(band["preset"], "g")))
    measured = band.get("measured_on")
    if isinstance(measured, dict):  # (a folder of 4 people went to everyone unsaid: seen)
        text = join_sentences(text, translate(
            "audit", "(measured on the folder “{folder}”, %n person(s))", None,
            int(measured.get("people") or 0),
        ).format(folder=measured.get("folder", "")))  # fmt: skip
    return text


def setting_text(key: str, new, old=False) -> str:
    """A changed setting in words: what it is and its new value (the thresholds for
    everyone, the operator's name); a setting this does not know: ``key: value``. The
    thresholds' ``old`` value, when given (None: the model's), is said after them."""
    # here, not at the top: they bring OpenCV, which listing the log does not need
    from sigverify.core.model_settings import ACTIVE_MODEL_SETTING, ACTIVE_PEN_MODEL_SETTING
    from sigverify.core.pen_verification import FUSION_SETTING
    from sigverify.core.thresholds import global_thresholds_key

    fusion, everyone = FUSION_SETTING.format(model_id=""), global_thresholds_key("")
    if key.startswith(everyone):
        pad = key.startswith(fusion)
        text = (
            translate("audit", "Thresholds for pad drawings, pen model {model}: {value}")
            if pad
            else translate("audit", "Thresholds for everyone, model {model}: {value}")
        ).format(model=key.removeprefix(fusion if pad else everyone), value=_thresholds_in(new))
        if old is not False:  # what they were (the log said the new alone: seen)
            before = _thresholds_in(old) if old else translate("audit", "the model's values")
            if pad and _fitting(new) and _fitting(old) not in ("", _fitting(new)):
                # (read as in use, after `models fuse` had fitted the pen model again: seen)
                before = join_sentences(before, translate(
                    "audit", "(set for another fitting of the pen model)"
                ))  # fmt: skip
            text += translate("audit", "; before: {band}").format(band=before)
        return text
    if key == OPERATOR_SETTING:
        return translate("audit", "Operator: {name}").format(name=new)
    if key == ACTIVE_MODEL_SETTING:
        return translate("audit", "Model in use: {model}").format(model=new)
    if key == ACTIVE_PEN_MODEL_SETTING:
        return translate("audit", "Pen model in use: {model}").format(model=new)
    return f"{key}: {new}"


def _band_in(value) -> dict | None:
    """A thresholds setting's value as the band it stores; None when empty (the model's
    own) or unreadable."""
    try:
        band = json.loads(value) if value else None
    except (TypeError, ValueError):
        band = None
    return band if isinstance(band, dict) else None


def _fitting(value) -> str:
    """The pen model's fitting a band for pad drawings was set for (its fusion checksum),
    "" when the value does not say (the model's values, an older desk's band)."""
    band = _band_in(value)
    return str(band.get("fusion") or "") if band is not None else ""


def _thresholds_in(value) -> str:
    """A thresholds setting's value in words; empty: the model's own."""
    if not value:  # an empty value: the thresholds on the model's card again
        return translate("audit", "back to the model's values")
    band = _band_in(value)
    return band_text(band) if band is not None else str(value)
