"""The audit log as people read it: entries filtered by person, operator, action and date,
each summed up in a line of words (the app's Audit page, ``sigverify audit``; written to
CSV by :mod:`sigverify.core.audit_csv`)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from sigverify.core.audit_settings import band_text, figure, setting_text
from sigverify.core.i18n import join_sentences, percent_text, translate
from sigverify.core.odd_references import OddReference, odd_references_message
from sigverify.core.pinyin import spells
from sigverify.core.store.records import (
    AuditEntry,
    folded,
    local_time,
    model_name_in,
    person_label,
)

#: minutes between a desk's change of its daily backup and the entry saying it, from
#: which the entry says when the change was made (written when the store was next opened)
DAILY_CHANGE_SAID_AFTER = 5


@dataclass(frozen=True)
class AuditFilter:
    """Empty text and None dates match everything. ``person`` matches a part of the id or
    of the person's name (``names``: id -> name, of those enrolled now; a search by name
    found nothing: seen in a real window), ``operator`` a part of the operator, case
    aside; ``action`` exactly; dates are inclusive, in local time; ``text`` a part of what
    the entry records (a file name, a comment, a model), case aside: a supervisor looking
    for one cheque had only ids and dates (seen in a real window)."""

    person: str = ""
    operator: str = ""
    action: str = ""
    since: date | None = None
    until: date | None = None
    text: str = ""
    names: Mapping[str, str] = field(default_factory=dict, compare=False)

    def matches(self, entry: AuditEntry) -> bool:
        if self.person and not self._person_matches(entry.person_id or ""):
            return False
        if self.text and self.text.casefold() not in _recorded_text(entry):
            return False
        if self.operator and self.operator.casefold() not in entry.operator.casefold():
            return False
        if self.action and entry.action != self.action:
            return False
        if self.since is None and self.until is None:
            return True
        day = entry_day(entry)
        return (self.since is None or day >= self.since) and (
            self.until is None or day <= self.until
        )

    def _person_matches(self, person_id: str) -> bool:
        wanted = folded(self.person)  # (accents aside: "nunez" finds Núñez)
        name = self.names.get(person_id, "")
        # (and a Chinese name by its pinyin: "wang" finds 王小明)
        return wanted in folded(person_id) or wanted in folded(name) or spells(wanted, name)


def names_in_log(entries: list[AuditEntry], enrolled: Mapping[str, str]) -> dict[str, str]:
    """Each person's name for the log: ``enrolled`` (id -> name of those enrolled now),
    and for someone deleted the name their deletion recorded (a deleted person's entries
    lost their name, and a search by it found nothing: seen in a real window)."""
    names = {
        e.person_id: str(e.details["name"])
        for e in entries
        if e.action == "delete_person" and e.person_id and e.details.get("name")
    }
    return names | dict(enrolled)


def person_text(person_id: str | None, names: Mapping[str, str]) -> str:
    """An entry's person as the People page lists them ("Ana López — C-1"), the id alone
    for someone without a name or no longer enrolled."""
    if not person_id:
        return ""
    return person_label(person_id, names.get(person_id, ""))


def _recorded_text(entry: AuditEntry) -> str:
    return json.dumps(entry.details, ensure_ascii=False).casefold()


def entry_day(entry: AuditEntry) -> date:
    """The local calendar day of an entry (stored in UTC)."""
    return datetime.fromisoformat(entry.at).astimezone().date()


def filter_entries(entries: list[AuditEntry], wanted: AuditFilter) -> list[AuditEntry]:
    return [e for e in entries if wanted.matches(e)]


#: The actions the log records, in the order lists offer them: a desk's daily work first,
#: then changes to people, approvals, and the store's own (sorted by their names, the list
#: read in no order in Chinese: seen in a real window).
ACTIONS = (
    "verify",
    "settle",
    "enroll",
    "import_person",
    "export_person",
    "update_person",
    "set_thresholds",
    "remove_reference",
    "delete_person",
    "request_change",
    "reject_change",
    "setting",
    "activate_model",
    "train_model",
    "import_model",
    "delete_model",
    "embed",
    "backup",
    "daily_backup",
    "restore",
    "restore_chosen",
    "restore_called_off",
    "backup_passphrase",
    "passphrase_refused",
)


def actions_in_order(actions) -> list[str]:
    """``actions`` as lists offer them (:data:`ACTIONS`; any other last, by name)."""
    known = [a for a in ACTIONS if a in actions]
    return known + sorted(set(actions) - set(ACTIONS))


def action_name(action: str) -> str:
    names = {
        "verify": translate("audit", "Verification"),
        "enroll": translate("audit", "Enrolment"),
        "remove_reference": translate("audit", "Reference removed"),
        "delete_person": translate("audit", "Person deleted"),
        "update_person": translate("audit", "Person's details changed"),
        "set_thresholds": translate("audit", "Person's thresholds"),
        "setting": translate("audit", "Setting"),
        "activate_model": translate("audit", "Model activated"),
        "train_model": translate("audit", "Model trained"),
        "import_model": translate("audit", "Model imported"),
        "delete_model": translate("audit", "Model deleted"),
        "import_person": translate("audit", "Person imported"),
        "export_person": translate("audit", "Person card exported"),
        "settle": translate("audit", "Clerk's decision"),
        "embed": translate("audit", "References measured with a model"),
        "request_change": translate("audit", "Change asked for (awaits approval)"),
        "reject_change": translate("audit", "Change rejected"),
        "backup": translate("audit", "Store backed up"),
        "daily_backup": translate("audit", "Daily backup"),
        "restore": translate("audit", "Store restored from a backup"),
        "restore_chosen": translate("audit", "Restore chosen for the next start"),
        "restore_called_off": translate("audit", "Restore called off"),
        "backup_passphrase": translate("audit", "Backup passphrase"),
        "passphrase_refused": translate("audit", "Wrong passphrase"),
    }
    return names.get(action, action)


def summary(entry: AuditEntry) -> str:
    """The entry's details in a line of words; a change approved on a shared store says
    who asked for it."""
    text = _details_text(entry)
    asked = entry.details.get("requested_by")
    if asked and entry.action == "reject_change":
        text = join_sentences(text, translate("audit", "(asked for by {who})").format(who=asked))
    elif asked:
        text = join_sentences(
            text,
            translate("audit", "(change {change}, asked for by {who})").format(
                change=entry.details.get("change"), who=asked
            ),
        )
    return text


def _refused_text(d: dict) -> str:
    """What a wrong passphrase was typed for."""
    key, file = d.get("key") or "?", d.get("file", "")
    if d.get("tried") == "backup_passphrase":
        return translate(
            "audit", "typed as the current backup passphrase, to change it (backup key ID {key})"
        ).format(key=key)
    if d.get("tried") == "card":
        return translate("audit", "typed to open the person card “{file}”").format(file=file)
    return translate("audit", "typed to restore “{file}” (backup key ID {key})").format(
        file=file, key=key
    )


def _daily_backup_text(entry: AuditEntry) -> str:
    d = entry.details
    if not d.get("folder"):
        text = translate("audit", "stopped on {desk} (it went to “{before}”)").format(
            desk=d.get("desk", ""), before=d.get("before", "")
        )
    elif d.get("before"):
        text = translate(
            "audit", "every day to “{folder}” from {desk} (before: “{before}”)"
        ).format(folder=d["folder"], desk=d.get("desk", ""), before=d["before"])
    else:
        text = translate("audit", "every day to “{folder}” from {desk}").format(
            folder=d["folder"], desk=d.get("desk", "")
        )
    changed = d.get("changed_at")
    if changed and _minutes_apart(changed, entry.at) >= DAILY_CHANGE_SAID_AFTER:
        # (written when the store was next opened: when the desk did it, said)
        text += translate("audit", "; changed on that desk at {time}").format(
            time=local_time(changed, seconds=False)
        )
    return text


def _minutes_apart(first: str, second: str) -> float:
    try:
        apart = datetime.fromisoformat(second) - datetime.fromisoformat(first)
    except (TypeError, ValueError):
        return 0.0
    return abs(apart.total_seconds()) / 60


def _decision_word(decision) -> str:
    """A recorded decision (the machine's or a clerk's) in words."""
    words = {
        "accept": translate("audit", "accepted"),
        "review": translate("audit", "sent to review"),
        "reject": translate("audit", "rejected"),
        "error": translate("audit", "could not check"),
    }
    return words.get(decision, str(decision))


def _details_text(entry: AuditEntry) -> str:
    d = entry.details
    if entry.action == "verify":
        decision = _decision_word(d.get("decision"))
        file = Path(str(d.get("file", ""))).name  # a batch records the whole path
        score = percent_text(d["score"]) if isinstance(d.get("score"), int | float) else "?"
        pen = d.get("pen") if isinstance(d.get("pen"), dict) else None
        if pen:  # drawn on a pad: decided on the fused score, not the picture's distance
            decided = {
                "pen": translate("audit", "the way it was written decided"),
                "image": translate("audit", "the picture decided"),
            }.get(pen.get("decided_by"), "")
            text = translate(
                "audit",
                "{decision}: “{file}”, drawn on a pad: pen and picture together {fused} "
                "({decided}), score {score}",
            ).format(
                decision=decision, file=file, fused=pen.get("fused"), decided=decided, score=score
            )
            held_back = {
                "unfitted": translate(
                    "audit", "; not accepted: the pen model was not fitted with this image model"
                ),
                "person": translate(
                    "audit", "; not accepted: the person's own thresholds reject the picture"
                ),
            }
            text += held_back.get(pen.get("held_back"), "")
        else:
            text = translate(
                "audit", "{decision}: “{file}”, distance {distance}, score {score}"
            ).format(decision=decision, file=file, distance=figure(d.get("distance")), score=score)
        if d.get("model") and pen and pen.get("pen_model"):  # both decided ("model
            # sigverify-default" alone, for the fused score: a real-window pass)
            text += translate("audit", ", image model {model}, pen model {pen}").format(
                model=model_name_in(str(d["model"])), pen=model_name_in(str(pen["pen_model"]))
            )
        elif d.get("model"):  # which model decided (recorded as name@checksum)
            name = model_name_in(str(d["model"]))
            text += translate("audit", ", model {model}").format(model=name)
        if d.get("same_image_as"):
            same = translate("audit", "(the same image as the reference “{name}”)")
            text = join_sentences(text, same.format(name=d["same_image_as"]))
        if d.get("thresholds_changed_since_check"):
            text += translate("audit", "; recorded after its thresholds changed, as decided")
        if d.get("comment"):
            text += " — " + d["comment"]
        return text
    if entry.action == "enroll":
        files = ", ".join(map(str, d.get("files", [])))
        added = int(d.get("added") or 0)
        text = translate("audit", "%n reference(s): {files}", None, added).format(files=files)
        changed = _changed_fields_text(d)  # a name or note changed as they were added
        if changed:
            text += translate("audit", "; ") + changed
        if isinstance(d.get("enrolled_anyway"), list):  # flagged, enrolled all the same
            said = odd_references_message(
                [OddReference.from_record(r) for r in d["enrolled_anyway"] if isinstance(r, dict)]
            )
            text += translate("audit", "; ") + translate(
                "audit", "enrolled though flagged: {said}"
            ).format(said=said)
        return text
    if entry.action == "set_thresholds":
        removed = d.get("accept") is None and d.get("reject") is None
        if removed:  # ("accept None, reject None")
            text = translate("audit", "own thresholds removed: the thresholds for everyone apply")
        else:
            text = band_text(d)
        if d.get("model"):  # they apply with that model only (the entry did not say: seen)
            text += translate("audit", ", model {model}").format(model=model_name_in(d["model"]))
        if isinstance(d.get("before"), dict):  # their own before (the new alone: seen)
            text += translate("audit", "; before: {band}").format(band=band_text(d["before"]))
        elif "before" in d and not removed:  # none of their own: everyone's applied (it
            # said nothing, as rows from before "before" was kept: seen in a real window)
            text += translate("audit", "; before: the thresholds for everyone")
        return text
    if entry.action == "settle":
        machine = _decision_word(d.get("machine"))
        if d.get("reason"):
            machine += f" ({d['reason']})"
        text = translate("audit", "{machine} → {decision}: “{file}”").format(
            machine=machine, decision=_decision_word(d.get("decision")), file=d.get("file", "")
        )
        return text + (" — " + d["comment"] if d.get("comment") else "")
    if entry.action == "remove_reference":
        return str(d.get("file", ""))
    if entry.action == "embed":
        return translate(
            "audit", "%n reference(s), model {model}", None, len(d.get("references", []))
        ).format(model=d.get("model"))
    if entry.action == "delete_person":
        return translate("audit", "with %n reference(s)", None, int(d.get("references") or 0))
    if entry.action == "setting":
        return setting_text(str(d.get("key")), d.get("new"), d.get("old", False))
    if entry.action in {"request_change", "reject_change"}:
        return translate("audit", "change {change}: {action}").format(
            change=d.get("change"), action=action_name(str(d.get("action")))
        )
    if entry.action == "import_person":  # (raw JSON in the CLI's log: seen)
        text = translate("audit", "from the card “{file}”").format(file=d.get("file", ""))
        if d.get("from_id") and d.get("from_id") != entry.person_id:
            text += translate("audit", ", where the id was {id}").format(id=d["from_id"])
        if d.get("protected"):
            text += translate("audit", ", protected by a passphrase")
        return text
    if entry.action == "export_person":
        text = translate(
            "audit", "to the card “{file}”, %n reference(s)", None, int(d.get("references") or 0)
        ).format(file=d.get("file", ""))
        if d.get("protected"):  # (cards of earlier versions: no word, as they were plain)
            text += translate("audit", ", protected by a passphrase")
        elif "protected" in d:
            text += translate("audit", ", without a passphrase")
        return text
    if entry.action == "backup":
        people = translate("audit", "%n person(s)", None, int(d.get("people") or 0))
        text = translate(
            "audit", "to “{file}”: {people}, %n reference(s), entries up to #{up_to}", None,
            int(d.get("references") or 0),
        ).format(file=d.get("file", ""), people=people, up_to=d.get("up_to"))  # fmt: skip
        if d.get("key"):
            text += translate("audit", "; encrypted with the backup key ID {key}").format(
                key=d["key"]
            )
        return text
    if entry.action == "daily_backup":  # a desk's (from its gui.ini), named by the desk
        return _daily_backup_text(entry)
    if entry.action == "backup_passphrase":
        if not d.get("key") and d.get("before"):
            return translate(
                "audit", "stopped: backups are no longer encrypted (the backup key ID was {before})"
            ).format(before=d["before"])
        if not d.get("key"):
            return translate("audit", "backups are no longer protected by a passphrase")
        if d.get("restored") and d.get("before"):
            return translate(
                "audit", "kept through the restore: backup key ID {key} (the backup's: {before})"
            ).format(key=d["key"], before=d["before"])
        if d.get("restored"):
            return translate(
                "audit", "kept through the restore: backup key ID {key} (the backup had none)"
            ).format(key=d["key"])
        if d.get("before"):
            return translate("audit", "changed: backup key ID {key} (before: {before})").format(
                key=d["key"], before=d["before"]
            )
        return translate("audit", "set: backups are encrypted with the backup key ID {key}").format(
            key=d["key"]
        )
    if entry.action == "passphrase_refused":
        return _refused_text(d)
    if entry.action == "restore_chosen":
        return translate("audit", "“{file}”, made {made}").format(
            file=d.get("file", ""), made=local_time(str(d.get("made", "?")), seconds=False)
        )
    if entry.action == "restore_called_off":
        return translate("audit", "“{file}” is not restored").format(file=d.get("file", ""))
    if entry.action == "restore":  # the first entry after the backup's last
        text = translate("audit", "from “{file}”, made {made}, entries up to #{up_to}").format(
            file=d.get("file", ""),
            made=local_time(str(d.get("made", "?")), seconds=False),
            up_to=d.get("up_to"),
        )
        if d.get("replaced"):
            text += translate("audit", "; the store it replaced is kept in “{folder}”").format(
                folder=d["replaced"]
            )
        return text
    if entry.action == "import_model":
        return translate("audit", "{model}, from “{folder}”").format(
            model=d.get("model", ""), folder=d.get("from", "")
        )
    if entry.action in {"activate_model", "train_model", "delete_model"}:
        return str(d.get("model", ""))
    if entry.action == "update_person":
        return _changed_fields_text(d) or json.dumps(d, ensure_ascii=False, sort_keys=True)
    return json.dumps(d, ensure_ascii=False, sort_keys=True)


def _changed_fields_text(details: dict) -> str:
    """A person's name or note changed, in words: each field that changed, before → after
    (the row records both fields, changed or not)."""
    labels = {"name": translate("audit", "name"), "note": translate("audit", "note")}
    parts = []
    for key, label in labels.items():
        values = details.get(key)
        if isinstance(values, list) and len(values) == 2 and values[0] != values[1]:
            before, after = ("" if v is None else str(v) for v in values)
            parts.append(f"{label} “{before}” → “{after}”")
    return translate("audit", "; ").join(parts)
