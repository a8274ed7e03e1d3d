"""The whole text of an audit entry, as the Audit page shows it when one is opened."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from sigverify.core.audit_view import action_name, person_text, summary
from sigverify.core.store.records import AuditEntry, local_time
from sigverify.core.verification_results import CROP_SUFFIX

translate = QCoreApplication.translate  # (in the Audit page's words: "AuditPage")


def _rounded(value):
    return f"{value:.4f}" if isinstance(value, int | float) else value


def entry_text(entry: AuditEntry, names: dict[str, str]) -> str:
    """An audit entry whole, as the Audit page shows it on Enter (``names``: person id ->
    name)."""
    lines = [
        translate("AuditPage", "Entry #{id}, {time}, by {operator}").format(
            id=entry.id, time=local_time(entry.at), operator=entry.operator
        ),
        translate("AuditPage", "{action}: {person}").format(
            action=action_name(entry.action), person=person_text(entry.person_id, names)
        )
        if entry.person_id
        else action_name(entry.action),
        summary(entry),
    ]
    d = entry.details
    if entry.action == "verify":
        accept, reject = (_rounded(v) for v in (d.get("thresholds") or [None, None])[:2])
        pen = d.get("pen") if isinstance(d.get("pen"), dict) else None
        lines.append(
            (
                translate(
                    "AuditPage", "Thresholds: accept at or below {accept}, reject above {reject}"
                )
                if pen is None  # (on a pad, the picture's: they read as deciding, seen)
                else translate(
                    "AuditPage",
                    "The picture's thresholds: accept at or below {accept}, reject above {reject}",
                )
            ).format(accept=accept, reject=reject)
        )
        whose = {  # (older rows do not say)
            "person": translate("AuditPage", "This person's own thresholds decided."),
            "global": translate("AuditPage", "The thresholds set for everyone decided."),
            "model": translate("AuditPage", "The model's own thresholds decided."),
        }.get(d.get("thresholds_source"))
        if whose and pen is None:
            lines.append(whose)
        if pen:  # drawn on a pad: decided on the fused score and its band
            band = pen.get("fused_thresholds") or {}
            lines.append(
                translate(
                    "AuditPage",
                    "Drawn on a pad: pen and picture together {fused}, decided on accept at "
                    "or below {accept}, reject above {reject}",
                ).format(
                    fused=_rounded(pen.get("fused")),
                    accept=_rounded(band.get("accept")),
                    reject=_rounded(band.get("reject")),
                )
            )
        lines.append(_file_line(d))
        if d.get("whole_paper"):
            lines.append(
                translate("AuditPage", "Checked as a picture of the whole paper, not cut out.")
            )
        lines.append(translate("AuditPage", "Model: {model}").format(model=d.get("model", "")))
        if pen:
            lines.append(
                translate("AuditPage", "Pen model: {model}").format(model=pen.get("pen_model", ""))
            )
    # (the entry's own, in the log's chain: "Hash" alone read as the file's, seen)
    lines.append(translate("AuditPage", "Entry hash: {hash}").format(hash=entry.hash))
    return "\n".join(lines)


def _file_line(d: dict) -> str:
    """Where the checked signature came from: its file and folder (two customers'
    "cheque.png" looked alike: seen), or the page it was cut from ("File: photo.jpg-
    crop.png" named a file that is nowhere: a real-window pass)."""
    file, folder = d.get("file", ""), d.get("folder", "")
    if d.get("cut_from_page") and file.endswith(CROP_SUFFIX):
        page = file.removesuffix(CROP_SUFFIX)
        return (
            translate("AuditPage", "Cut from the page {page}, in {folder}").format(
                page=page, folder=folder
            )
            if folder
            else translate("AuditPage", "Cut from the page {page}").format(page=page)
        )
    if folder:
        return translate("AuditPage", "File: {file}, in {folder}").format(file=file, folder=folder)
    return translate("AuditPage", "File: {file}").format(file=file)
