"""At the app's start, before the store opens: the backup chosen with the store menu's
Restore from a backup… (:mod:`sigverify.gui.store_backups`) put in place of the store, with
a note on the screen meanwhile, and what to tell the clerk afterwards."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QProgressDialog, QWidget

from sigverify.core.audit_view import action_name, actions_in_order
from sigverify.core.errors import SigverifyError
from sigverify.core.files import disk_reason
from sigverify.core.i18n import join_list, join_sentences
from sigverify.core.restore_at_next_start import (
    cancel_scheduled_restore,
    failed_restore_path,
    note_restore_choice,
    recorded_since_chosen,
    restore_scheduled,
    scheduled_restore,
)
from sigverify.core.store.records import local_time
from sigverify.core.store_backup import store_file
from sigverify.gui import dialogs
from sigverify.gui.daily_backup import DailyBackup

log = logging.getLogger(__name__)


def held_words(info) -> str:
    """What a backup holds, in words."""
    return QCoreApplication.translate(
        "StoreBackups", "{people}, {references} and the audit log up to entry #{entry}"
    ).format(
        people=QCoreApplication.translate("StoreBackups", "%n person(s)", None, info.people),
        references=QCoreApplication.translate(
            "StoreBackups", "%n reference(s)", None, info.references
        ),
        entry=info.last_audit_id,
    )


def kinds_text(counts: Counter) -> str:
    """What kinds of audit entry, how many of each ("3 × Verification, 1 × Enrolment"), the
    most frequent first (a list of enrolments and verifications, said whatever left: seen)."""
    order = actions_in_order(counts)
    ordered = sorted(counts.items(), key=lambda item: (-item[1], order.index(item[0])))
    words = [f"{count} × {action_name(action)}" for action, count in ordered[:4]]
    return join_list([*words, "…"] if len(ordered) > 4 else words)


def restore_waiting(location) -> Callable[[QWidget], None] | None:
    """At start, before the store opens: restore the backup waiting for the store at
    ``location`` (None: this computer's), if one does, with a word on the screen meanwhile.
    What to tell the clerk, as a function of the window to say it over, or None when
    nothing waited."""
    try:
        waiting = scheduled_restore(store_file(location))
    except SigverifyError:  # a shared store: restored on its server
        return None
    if waiting is None:
        return None
    title = QCoreApplication.translate("StoreBackups", "Restore from a backup")
    since = recorded_since_chosen(location)
    if since:
        choice = work_since_chosen_question(waiting.name, since, title)
        if choice is None:  # (Cancel: started on the store as it is, asked again next time)
            return None
        if choice == 1:
            cancel_scheduled_restore(location)
            called_off(location, waiting.name)
            return lambda window: dialogs.show_info(
                window,
                title,
                QCoreApplication.translate(
                    "StoreBackups", "The store stays as it is: no backup will be restored."
                ),
            )
    note = QProgressDialog(
        QCoreApplication.translate("StoreBackups", "Restoring the store from “{file}”…").format(
            file=waiting.name
        ),
        None,
        0,
        0,
    )
    note.setWindowTitle(title)
    note.show()
    QCoreApplication.processEvents()
    try:
        result = restore_scheduled(location)
    except (SigverifyError, OSError) as error:
        reason = str(error) if isinstance(error, SigverifyError) else disk_refused(error)
        said = QCoreApplication.translate(
            "StoreBackups",
            "The backup waiting was not restored: {error}\n\nThe store is as it was; the "
            "backup is kept as {file}.",
        ).format(error=reason, file=failed_restore_path(location))
        return lambda window: dialogs.show_error(window, SigverifyError(said), title)
    finally:
        note.close()
    if result is None:
        return None
    text = QCoreApplication.translate(
        "StoreBackups", "The store is restored from “{file}”, made {made}: {held}."
    ).format(
        file=result.backup.path.name,
        made=local_time(result.backup.created, seconds=False),
        held=held_words(result.backup),
    )
    if result.kept_in is not None and not result.replaced_empty:
        text = join_sentences(
            text,
            QCoreApplication.translate(
                "StoreBackups", "The store it replaced is kept in {folder}."
            ).format(folder=result.kept_in),
        )
    if not DailyBackup.folder():  # (a new computer: its daily backup was the old one's)
        text = join_sentences(
            text,
            QCoreApplication.translate(
                "StoreBackups",
                "This computer backs it up every day only once a folder is chosen for it "
                "(the store button's menu > Back up every day to a folder…).",
            ),
        )
    if result.key_kept:
        text = join_sentences(
            text,
            QCoreApplication.translate(
                "StoreBackups",
                "Backups stay encrypted with the passphrase in force before the restore "
                "(backup key ID {key}), not the backup's own.",
            ).format(key=result.backup_key),
        )
    elif result.backup_key:
        text = join_sentences(
            text,
            QCoreApplication.translate(
                "StoreBackups",
                "Backups are encrypted with the passphrase set when the backup was made "
                "(backup key ID {key}).",
            ).format(key=result.backup_key),
        )
    return lambda window: dialogs.show_info(window, title, text)


def called_off(location, file: str) -> None:
    """ "Keep the store" at start, in the store's audit log (a store that cannot be opened
    now says so when the app opens it)."""
    from sigverify.core.operators import operator_name
    from sigverify.core.store import Store

    try:
        with Store(store_file(location)) as store:
            note_restore_choice(store, operator_name(store), file)
    except SigverifyError:
        log.warning("the restore called off was not written to the audit log", exc_info=True)


def work_since_chosen_question(file: str, since: list, title: str) -> int | None:
    """Asked at start when work was recorded (``since``: its audit entries) after the
    backup ``file`` was chosen to replace the store: 0 restore all the same, 1 keep the
    store, None (Cancel) decide at the next start."""
    first, last = since[0].id, since[-1].id
    kinds = kinds_text(Counter(entry.action for entry in since))
    entries = (
        QCoreApplication.translate("StoreBackups", "entry #{first} ({kinds})")
        if len(since) == 1
        else QCoreApplication.translate("StoreBackups", "entries #{first} to #{last} ({kinds})")
    ).format(first=first, last=last, kinds=kinds)
    text = QCoreApplication.translate(
        "StoreBackups",
        "“{file}” waits to replace the store, but work was recorded after it was chosen: "
        "{entries}. The backup does not hold it: restored, the store would no longer have "
        "it (it would stay only in the store replaced, kept in the folder “replaced-stores”)."
        "\n\nCancel starts sigverify on the store as it is and asks again at the next start "
        "(while a restore waits, no daily backup is made).",
    ).format(file=file, entries=entries)
    return dialogs.choose(
        None,
        title,
        text,
        [
            QCoreApplication.translate("StoreBackups", "&Restore all the same"),
            QCoreApplication.translate("StoreBackups", "&Keep the store, do not restore"),
        ],
    )


def disk_refused(error: OSError) -> str:
    """A file operation's failure in words (not "[Errno 28] …")."""
    return QCoreApplication.translate("StoreBackups", "the disk refused it: {reason}").format(
        reason=disk_reason(error)
    )
