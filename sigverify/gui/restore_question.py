"""The question the store menu asks before a backup is kept to replace the store at the next
start: what the backup holds, what would leave the store (its audit entries by kind, who
would no longer be enrolled or have fewer references) and which passphrase backups keep.
Its words are the store menu's (the translation context "StoreBackups")."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QCoreApplication

from sigverify.core.i18n import join_list, join_sentences
from sigverify.core.store.records import local_time, person_named
from sigverify.gui.restore_at_start import held_words, kinds_text


def restore_question(
    file: str, prepared, last: int, leaving: Counter, key_now, enrolled: dict
) -> str:
    """The question for the backup ``file`` as ``prepared``
    (:class:`~sigverify.core.restore_at_next_start.PreparedRestore`), the store's audit
    log reaching entry ``last``, ``leaving`` its entries after the backup's by action,
    ``key_now`` the backup key in force (or None) and ``enrolled`` (id -> (name, number of
    references)) who is enrolled now."""
    people = len(enrolled)
    info = prepared.info
    question = QCoreApplication.translate(
        "StoreBackups",
        "“{file}” holds the store as it was on {made}: {held}.\n\nsigverify replaces "
        "the store on this computer with it the next time it starts. Everything done "
        "since the backup was made is not in it; the store as it is now is kept in "
        "the folder “replaced-stores” beside it, nothing is deleted.",
    )
    if not people and last <= 1:  # (a new computer's empty store: nothing to lose)
        question = QCoreApplication.translate(
            "StoreBackups",
            "“{file}” holds the store as it was on {made}: {held}.\n\nsigverify puts "
            "it in place of this computer's empty store the next time it starts.",
        )
    question = question.format(
        file=file, made=local_time(info.created, seconds=False), held=held_words(info)
    )
    if leaving and (people or last > 1):  # what leaves the store, in numbers (seen unsaid)
        gone = QCoreApplication.translate(
            "StoreBackups",
            "This store now holds {people} and its audit log reaches entry #{now}: "
            "entries #{first} to #{now} ({kinds}) will no longer be in it.",
        )
        if last == info.last_audit_id + 1:  # ("entries #4 to #4": seen)
            gone = QCoreApplication.translate(
                "StoreBackups",
                "This store now holds {people} and its audit log reaches entry #{now}: "
                "that entry ({kinds}) will no longer be in it.",
            )
        question += "\n\n" + gone.format(
            people=QCoreApplication.translate("StoreBackups", "%n person(s)", None, people),
            now=last,
            first=info.last_audit_id + 1,
            kinds=kinds_text(leaving),
        )
    who = who_changes(enrolled, prepared.people)
    if who:
        question += "\n\n" + who
    if key_now is not None:  # (a passphrase row leaving read as protection lost: seen)
        question += "\n\n" + QCoreApplication.translate(
            "StoreBackups",
            "Backups stay encrypted with the passphrase in force on this computer "
            "(backup key ID {key}).",
        ).format(key=key_now.fingerprint)
    return question


def who_changes(enrolled: dict, backed_up: dict) -> str:
    """Who would leave the store with the restore, and who would have fewer references,
    by name (the audit entries' kinds and the counts alone left it to be worked out:
    seen in a real window); "" when nobody would."""

    def listed(items: list[str]) -> str:
        more = len(items) - 5
        text = join_list(items[:5])
        if more > 0:
            text += " " + QCoreApplication.translate("StoreBackups", "and %n more", "", more)
        return text

    gone = [
        QCoreApplication.translate("StoreBackups", "{person} with {references}").format(
            person=person_named(pid, name),
            references=QCoreApplication.translate("StoreBackups", "%n reference(s)", "", count),
        )
        for pid, (name, count) in enrolled.items()
        if pid not in backed_up
    ]
    fewer = [
        QCoreApplication.translate("StoreBackups", "{person}: {now} → {then}").format(
            person=person_named(pid, name), now=count, then=backed_up[pid]
        )
        for pid, (name, count) in enrolled.items()
        if pid in backed_up and backed_up[pid] < count
    ]
    parts = []
    if gone:
        parts.append(
            QCoreApplication.translate(
                "StoreBackups", "Not in the backup, so no longer enrolled: {people}."
            ).format(people=listed(gone))
        )
    if fewer:
        parts.append(
            QCoreApplication.translate("StoreBackups", "Fewer references: {people}.").format(
                people=listed(fewer)
            )
        )
    return join_sentences(*parts)
