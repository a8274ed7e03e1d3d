"""The store button's menu: back the store up to one file, restore one at the next start,
back it up every day by itself (:mod:`sigverify.gui.daily_backup`), or open another store
(:mod:`sigverify.core.store_backup`, :mod:`sigverify.core.store_restore`; the command
line's ``backup`` and ``restore``), protect backups with a passphrase
(:mod:`sigverify.gui.backup_passphrase`). The restore itself runs at the next start
(:mod:`sigverify.gui.restore_at_start`). A shared store is backed up on its server: these are
off there."""

from __future__ import annotations

import logging
from collections import Counter
from contextlib import suppress
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QMenu, QProgressDialog

from sigverify.core.backup_encryption import (
    PassphraseNeededError,
    WrongPassphraseError,
    backup_key,
    refusal_recorded,
)
from sigverify.core.errors import CancelledError, SigverifyError
from sigverify.core.files import same_disk
from sigverify.core.i18n import join_list, join_sentences
from sigverify.core.operators import operator_name
from sigverify.core.restore_at_next_start import (
    cancel_scheduled_restore,
    discard_prepared,
    note_restore_choice,
    prepare_restore,
    schedule_prepared,
    scheduled_restore,
)
from sigverify.core.store.records import local_time
from sigverify.core.store_backup import (
    back_up,
    backup_file_name,
    desk_name,
    last_backup,
    note_daily_backup,
    work_since_backup,
)
from sigverify.gui import dialogs
from sigverify.gui.backup_passphrase import BackupPassphraseDialog, ask_backup_passphrase
from sigverify.gui.daily_backup import DailyBackup, newest_made, note_newest
from sigverify.gui.folders import ask_open, ask_save
from sigverify.gui.restore_at_start import held_words
from sigverify.gui.restore_question import kinds_text, restore_question
from sigverify.gui.shared_store import store_caption
from sigverify.gui.widgets import file_filter

log = logging.getLogger(__name__)

#: Days after which the store button says how old the last backup is (a desk backs up
#: daily: work done since a backup is in none; a week's grace hid a day's enrolments).
STALE_DAYS = 1


class StoreBackups(QObject):
    """The store button's menu and what its entries do, for ``window`` (the main window);
    the button also says when a local store was never backed up, or not since yesterday
    or before, and when a restore waits for the next start."""

    def __init__(self, window, button):
        super().__init__(window)
        self.window, self.button = window, button
        self.menu = QMenu(window)
        button.setMenu(self.menu)
        self.menu.setToolTipsVisible(True)
        self.back_up_action = self.menu.addAction(self.tr("&Back up the store…"))
        self.back_up_action.triggered.connect(lambda: self.back_up())
        self.restore_action = self.menu.addAction(self.tr("&Restore from a backup…"))
        self.restore_action.triggered.connect(lambda: self.restore())
        self.keep_action = self.menu.addAction("")  # (named when a restore waits)
        self.keep_action.triggered.connect(lambda: self.cancel_restore())
        self.passphrase_action = self.menu.addAction("")  # (named as backups are protected)
        self.passphrase_action.triggered.connect(lambda: self.set_passphrase())
        self.daily = DailyBackup(self, self.menu.addAction(""))
        self.menu.addSeparator()
        self.other_action = self.menu.addAction(self.tr("&Open another store at the next start…"))
        self.other_action.triggered.connect(lambda: window.change_store())
        if window.store.shared:
            actions = (self.back_up_action, self.restore_action, self.passphrase_action)
            for action in (*actions, self.daily.action):
                action.setEnabled(False)
                action.setToolTip(
                    self.tr("A shared store is backed up on its server, by its administrator")
                )
        self.menu.aboutToShow.connect(self.say_state)
        # the last backup, who is enrolled, whether backups are encrypted: as read
        self._last, self._people, self._protected = None, 0, False
        self._since = Counter()  # the audit entries since the last backup, by action
        button.installEventFilter(self)  # (the work since the backup: read as the tip shows)
        self.say_state()
        self.show_state()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        """The tooltip about to show: the work not in the last backup read again, here (a
        count by action, a millisecond); verifications recorded since the last reading went
        unsaid (seen in a real window)."""
        if watched is self.button and event.type() == QEvent.Type.ToolTip:
            store = self.window.store
            if not store.shared and self._last is not None:
                with suppress(SigverifyError):  # (said where the store is used; tip as read)
                    self._since = work_since_backup(store, self._last)
                self.say_state()
        return super().eventFilter(watched, event)

    def show_state(self) -> None:
        """Read, in the worker, when the store was last backed up, then say it on the
        button (after a backup, an enrolment, at start)."""
        if self.window.store.shared:
            return

        # the log brought to say where this desk backs up every day (the computer's
        # setting): in this look, not a job of its own (one waiting made quitting ask)
        folder, desk = self.daily.folder(), desk_name(self.window.store.path)
        changed_at, operator = self.daily.changed_at(), operator_name(self.window.store)

        def read(context, job):
            try:
                note_daily_backup(context.store, folder, desk, operator, changed_at)
            except SigverifyError as error:  # (a locked store: written at the next look)
                log.warning("the daily backup's audit entry was not written: %s", error)
            store, last = context.store, last_backup(context.store)
            people, protected = store.people_mark()[0], backup_key(store) is not None
            return last, people, protected, work_since_backup(store, last)

        def got(state) -> None:
            self._last, self._people, self._protected, self._since = state
            audit = getattr(self.window, "audit_page", None)
            if audit is not None and audit.isVisible():  # (a backup's row: seen missing)
                audit.refresh()
            self.say_state()
            self.daily.run_if_due(self._people)

        # urgent: the hourly look ran as an ordinary job, and during a training every
        # verification after it waited for the training's end (review)
        self.window.engine.submit(read, got, urgent=True)

    def say_state(self) -> None:
        """The button's caption and tooltip, and the menu's entry for a restore waiting,
        from what was read last (:meth:`show_state` reads it again)."""
        store, caption = self.window.store, store_caption(self.window.store)
        waiting = None if store.shared else scheduled_restore(store.path)
        self.keep_action.setVisible(waiting is not None)
        if waiting is not None:
            self.keep_action.setText(
                self.tr("&Do not restore “{file}” at the next start").format(file=waiting.name)
            )
        tip = self.tr("Its menu opens another store at the next start.")
        self.passphrase_action.setText(
            self.tr("Change the backup &passphrase…")
            if self._protected
            else self.tr("Protect backups with a &passphrase…")
        )
        if not store.shared:
            tip = self.tr("Back it up, restore a backup, or open another store.")
            daily = self.tr("No daily backup on this computer.")
            if self.daily.folder():
                daily = self.tr("Backed up every day to {folder}.").format(
                    folder=self.daily.folder()
                )
            tip = join_sentences(daily, tip)
            if self._protected:
                tip = join_sentences(self.tr("Backups are encrypted with a passphrase."), tip)
            last, when = self._last, None
            if last is not None:
                when = datetime.fromisoformat(last.at).astimezone()
                since = ""
                if self._since:  # (work of the day a dead disk would lose: not said, seen)
                    since = self.tr("Not in it yet: {kinds}.").format(kinds=kinds_text(self._since))
                tip = join_sentences(
                    self.tr("Last backed up {time} to “{file}”.").format(
                        time=local_time(last.at, seconds=False), file=last.file
                    ),
                    since,
                    tip,
                )
            days = (datetime.now().astimezone() - when).days if when else None
            if waiting is not None:
                caption += self.tr(" · restore waiting")
                tip = self.tr("“{file}” replaces this store at the next start.").format(
                    file=waiting.name
                )
            elif self.daily.failure is not None:  # (the status bar's word goes: seen)
                caption += self.tr(" · daily backup failed")
                tip = join_sentences(self.daily.failure, tip)
            elif when is None and self._people:
                caption += self.tr(" · not backed up yet")
            elif days is not None and days >= STALE_DAYS:
                caption += self.tr(" · last backup %n day(s) ago", "", days)
        self.button.setText(caption)
        self.button.setToolTip(f"{store.location}\n{tip}")

    def _filter(self) -> str:
        return file_filter(self.tr("sigverify backups"), "*.zip")

    def _progress(self, label: str) -> QProgressDialog:
        dialog = QProgressDialog(label, self.tr("Cancel"), 0, 0, self.window)
        dialog.setWindowTitle(self.tr("Store"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        return dialog

    def back_up(self, path: str | None = None) -> None:
        """Write the store to one file (asked for when ``path`` is None), in the worker,
        with a progress bar and Cancel."""
        window = self.window
        title = self.tr("Back up the store")
        path = path or ask_save(window, title, "backups", backup_file_name(), self._filter())
        if not path:
            return
        operator = operator_name(window.store)
        dialog = self._progress(
            self.tr("Backing up the store to {file}…").format(file=Path(path).name)
        )

        def progress(done: int, total: int) -> None:
            dialog.setRange(0, 1000)
            dialog.setValue(int(1000 * done / max(total, 1)))

        def saved(info) -> None:
            dialog.close()
            note_newest(window.store.path, path)
            self.show_state()
            held = join_sentences(
                self.tr("The store is backed up to {file}: {held}.").format(
                    file=path, held=held_words(info)
                ),
                self.tr("It is encrypted: restoring it asks for the passphrase.")
                if info.key
                else "",
                self.tr("With it, the models it uses: {models}.").format(
                    models=join_list(info.models)
                )
                if info.models
                else "",
            )
            if same_disk(path, window.store.path):  # (said alike wherever it went: seen)
                away = self.tr(
                    "It is on the same disk as the store: if that disk fails, both are lost. "
                    "Copy it to a USB stick or a network folder."
                )
            else:
                away = self.tr(
                    "Keep it away from this computer (a USB stick, a network folder): a "
                    "backup on the same disk is lost with it."
                )
            back = self.tr(
                "“{button}” in the status bar > Restore from a backup… puts it back."
            ).format(button=store_caption(window.store))
            dialogs.show_info(window, title, f"{held}\n\n{join_sentences(away, back)}")

        def failed(error) -> None:
            dialog.close()
            if isinstance(error, CancelledError):  # (the dialog closed unsaid: seen)
                dialogs.show_info(
                    window, title, self.tr("The backup was cancelled: nothing was written.")
                )
            else:
                dialogs.show_error(window, error, title)

        job = window.engine.submit(
            lambda context, job: back_up(context.store, path, operator, job.progress),
            saved,
            failed,
            progress,
        )
        dialog.canceled.connect(job.cancel)

    def restore(
        self,
        path: str | None = None,
        passphrase: str | None = None,
        tries: int = 0,
        key: str = "?",
    ) -> None:
        """Check a backup file (asked for when ``path`` is None; an encrypted one's
        passphrase asked for when it is needed) and, once the clerk agrees, keep it to
        replace the store at the next start."""
        window = self.window
        title = self.tr("Restore from a backup")
        path = path or ask_open(
            window, title, "backups", self._filter(), offered=newest_made(window.store.path)
        )
        if not path:
            return
        dialog = self._progress(self.tr("Checking {file}…").format(file=Path(path).name))
        dialog.setCancelButton(None)
        operator = operator_name(window.store)

        def checked(found) -> None:
            dialog.close()
            prepared, last, leaving, key_now, enrolled = found
            question = restore_question(Path(path).name, prepared, last, leaving, key_now, enrolled)
            if (
                dialogs.choose(window, title, question, [self.tr("&Restore at the next start")])
                != 0
            ):
                discard_prepared(prepared)
                return

            def keep(context, job):  # (the copy checked, moved: not read from the stick again)
                schedule_prepared(prepared, window.store.path, operator, told_up_to=last)
                info = prepared.info
                note_restore_choice(context.store, operator, info.path.name, info.created)

            window.engine.submit(keep, kept, failed)

        def kept(_) -> None:
            self.say_state()
            dialogs.show_info(
                window,
                title,
                self.tr(
                    "sigverify will restore “{file}” the next time it starts: close it and "
                    "start it again when you are ready."
                ).format(file=Path(path).name),
            )

        def failed(error) -> None:
            dialog.close()
            if isinstance(error, PassphraseNeededError | WrongPassphraseError):
                refused = str(error) if isinstance(error, WrongPassphraseError) else None
                named = getattr(error, "key", key)  # (named first, before a wrong try: seen)
                typed = ask_backup_passphrase(window, path, named, refused, tries)
                if typed is not None:
                    self.restore(path, typed, tries + 1, named)
                return
            dialogs.show_error(window, error, title)

        # brought beside the store (read once from the stick; decrypted) and every row
        # checked now, as the restore will: not refused at the next start
        def check(context, job):
            now = context.store.last_audit_entry()
            with refusal_recorded(context.store, operator, "backup", path):
                prepared = prepare_restore(path, window.store.path, passphrase)
            leaving = context.store.audit_counts(after=prepared.info.last_audit_id)
            enrolled = {p.id: (p.name, p.reference_count) for p in context.store.list_people()}
            key_now = backup_key(context.store)
            return prepared, now.id if now else 0, leaving, key_now, enrolled

        window.engine.submit(check, checked, failed)

    def set_passphrase(self) -> None:
        """Protect backups with a passphrase, change it, or stop (its own dialog)."""
        title, was_protected = self.tr("Backup passphrase"), self._protected

        def done(key, unencrypted: int) -> None:
            self.show_state()
            if key is None:
                text = self.tr(
                    "Backups made from now on are not encrypted. Backups made before still "
                    "need their passphrase."
                )
            else:
                text = self.tr(
                    "Every backup made from now on is encrypted with the backup key ID {key}, "
                    "which this passphrase opens; restoring one asks for it. A backup that "
                    "asks for its passphrase names its key's ID: that tells which passphrase it "
                    "needs. Back up now, so that a backup with it exists."
                ).format(key=key.fingerprint)
                if was_protected:
                    text = join_sentences(
                        text,
                        self.tr(
                            "Backups made before still open with the passphrase they were made "
                            "under: keep it as long as you keep them."
                        ),
                    )
                elif unencrypted:  # (said with none made, or all encrypted: seen)
                    text = join_sentences(
                        text,
                        self.tr(
                            "Backups made without a passphrase (%n) stay unencrypted: delete "
                            "them once the new one is made.",
                            "",
                            unencrypted,
                        )
                        if unencrypted > 1
                        else self.tr(  # ("(1)… delete them": a real-window pass)
                            "The backup made without a passphrase stays unencrypted: delete "
                            "it once the new one is made."
                        ),
                    )
            dialogs.show_info(self.window, title, text)

        BackupPassphraseDialog(self.window, self._protected, done).open()

    def cancel_restore(self) -> None:
        waiting = scheduled_restore(self.window.store.path)
        if cancel_scheduled_restore(self.window.store.path):
            operator = operator_name(self.window.store)
            self.window.engine.submit(
                lambda context, job: note_restore_choice(context.store, operator, waiting.name)
            )
            self.say_state()
            dialogs.show_info(
                self.window,
                self.tr("Restore from a backup"),
                self.tr("The store stays as it is: no backup will be restored."),
            )
