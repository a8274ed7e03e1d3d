"""The store menu's daily backup: once a folder is chosen (a network folder, a stick that
stays plugged in), the first time sigverify runs on a day it backs the store up there by
itself, in the worker, keeping the newest :data:`DAILY_KEPT` of its own backups (one made
by hand is never removed). A clerk forgets; a dead disk then loses a day at most. The
folder is this desk's (``gui.ini``): another computer's folders mean nothing here."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from sigverify.core.files import disk_reason, same_disk
from sigverify.core.i18n import join_sentences
from sigverify.core.operators import operator_name
from sigverify.core.restore_at_next_start import scheduled_restore
from sigverify.core.store.records import now
from sigverify.core.store_backup import (
    DAILY_KEPT,
    back_up,
    daily_backup_name,
    desk_name,
    prune_daily_backups,
)
from sigverify.gui import dialogs
from sigverify.gui.folders import ask_folder
from sigverify.gui.language import gui_settings

SETTING = "backup/daily_folder"
DONE = "backup/daily_done"  # the day, folder and store of the last daily backup made
CHANGED = "backup/daily_changed"  # when the folder was last chosen or the backup stopped
NEWEST = "backup/newest"  # the store and file of the newest backup this desk made of it
STATUS_MS = 20_000  # how long the status bar says what the daily backup did
UNREACHABLE = object()  # the worker's word for a folder not there


def note_newest(store: Path, file: str | Path) -> None:
    """``file`` is the newest backup this desk made of ``store`` (by hand or daily): where
    a restore's dialog opens, with it chosen (it opened in the folder of the last backup
    made by hand, the daily ones elsewhere)."""
    gui_settings().setValue(NEWEST, json.dumps({"store": str(store), "file": str(file)}))


def newest_made(store: Path) -> str | None:
    """The newest backup this desk made of ``store``, as :func:`note_newest` kept it."""
    try:
        kept = json.loads(str(gui_settings().value(NEWEST, "") or "{}"))
    except ValueError:
        return None
    if not isinstance(kept, dict) or kept.get("store") != str(store):
        return None
    return str(kept.get("file") or "") or None


class DailyBackup(QObject):
    """Its menu entry (``action``, for the store menu to place) and the backup itself:
    :meth:`run_if_due` after each reading of the store's last backup; an hourly look for a
    desk left running overnight."""

    def __init__(self, backups, action):
        super().__init__(backups)
        self.backups, self.window, self.action = backups, backups.window, action
        self.running = False
        self.failure: str | None = None  # why the last try failed (shown until one works)
        action.triggered.connect(lambda: self.choose())
        self.name_action()
        self.timer = QTimer(self)
        self.timer.timeout.connect(backups.show_state)  # (which calls run_if_due)
        self.timer.start(3_600_000)

    @staticmethod
    def folder() -> str:
        return str(gui_settings().value(SETTING, "") or "")

    @staticmethod
    def changed_at() -> str | None:
        """When this desk last chose its folder or stopped (a stored time), for a store's
        audit log written later (another store was open then); None when never said."""
        return str(gui_settings().value(CHANGED, "") or "") or None

    @staticmethod
    def _set_folder(folder: str) -> None:
        settings = gui_settings()
        if str(settings.value(SETTING, "") or "") != folder:
            settings.setValue(CHANGED, now())
        settings.setValue(SETTING, folder)

    def name_action(self) -> None:
        folder = self.folder()
        if folder:
            self.action.setText(self.tr("Back up &every day to “{folder}”…").format(folder=folder))
        else:
            self.action.setText(self.tr("Back up &every day to a folder…"))

    def choose(self, folder: str | None = None) -> None:
        """Choose the folder (asked for when ``folder`` is None), or stop the daily backup
        when one is chosen already and the clerk says so."""
        window, title = self.window, self.tr("Daily backup")
        if folder is None:
            if self.folder():
                said = self.tr(
                    "sigverify backs the store up to {folder} the first time it runs each "
                    "day, and keeps the newest {kept} of these backups there."
                ).format(folder=self.folder(), kept=DAILY_KEPT)
                if self.failure is not None:  # (a stick taken away: not said)
                    said = join_sentences(said, self.failure)
                picked = dialogs.choose(
                    window,
                    title,
                    said,
                    [self.tr("&Another folder…"), self.tr("&Stop the daily backup")],
                )
                if picked is None:
                    return
                if picked == 1:
                    self._set_folder("")
                    self.failure = None
                    self.name_action()
                    self.backups.show_state()
                    dialogs.show_info(
                        window,
                        title,
                        self.tr("No daily backup now: back the store up by hand from its menu."),
                    )
                    return
            folder = ask_folder(window, title, "backups")
            if not folder:
                return
        self._set_folder(folder)
        self.name_action()
        if gui_settings().value(DONE, "") == self._today(folder):  # (chosen again: none now)
            said = self.tr(
                "sigverify will back the store up to {folder} the first time it runs each "
                "day (today's backup is there already), keeping the newest {kept} there. "
                "Choose a folder away from this computer's disk: a network folder, or a "
                "stick left plugged in."
            )
        else:
            said = self.tr(
                "sigverify will back the store up to {folder} the first time it runs each day "
                "(the first one now), keeping the newest {kept} there. Choose "
                "a folder away from this computer's disk: a network folder, or a stick left "
                "plugged in."
            )
        said = said.format(folder=folder, kept=DAILY_KEPT)
        if same_disk(folder, self.window.store.path):  # (the advice alone did not tell)
            said += "\n\n" + self.tr(
                "This folder is on the same disk as the store: if that disk fails, the "
                "backups are lost with it."
            )
        dialogs.show_info(window, title, said)
        self.backups.show_state()

    def _today(self, folder: str) -> str:
        """What :data:`DONE` holds once today's backup to ``folder`` is made."""
        return json.dumps(
            {
                "day": date.today().isoformat(),
                "folder": folder,
                "store": str(self.window.store.path),
            }
        )

    def run_if_due(self, people: int) -> None:
        """Back up now when a folder is chosen, someone is enrolled, no daily backup went
        to that folder today (a backup by hand elsewhere does not count; a folder chosen
        anew gets one at once) and no restore waits (the store is about to be replaced).
        Whether the folder is there is looked at in the worker each time (a network folder
        gone can take half a minute to say so), and said on the button when it is not."""
        folder, store = self.folder(), self.window.store
        if not folder or not people or self.running or store.shared:
            return
        if self.window.engine.yielding_now():  # (a training: the hourly look tries again)
            return
        made_today = gui_settings().value(DONE, "") == self._today(folder)
        if not made_today and scheduled_restore(store.path) is not None:
            return
        desk = desk_name(store.path)
        out = Path(folder) / daily_backup_name(desk)
        operator = operator_name(store)
        status = self.window.statusBar()
        self.running = True

        def work(context, job):
            if not Path(folder).is_dir():
                return UNREACHABLE
            if made_today:
                return None
            info = back_up(context.store, out, operator)
            prune_daily_backups(folder, desk)
            return info

        def done(result) -> None:
            self.running = False
            if result is UNREACHABLE:  # (gone after the day's backup: unsaid all day, seen)
                self.failure = self.tr(
                    "The daily backup folder {folder} cannot be reached."
                ).format(folder=folder)
                self.backups.say_state()
                return
            self.failure = None
            if result is None:  # made today already (the folder may be back)
                self.backups.say_state()
                return
            gui_settings().setValue(DONE, self._today(folder))
            note_newest(self.window.store.path, out)
            status.showMessage(  # (short: the whole path was cut off at 1366 px, seen)
                self.tr("Daily backup made: {file}").format(file=out.name), STATUS_MS
            )
            self.backups.show_state()

        def failed(error) -> None:  # (tried again within the hour; the button says so)
            self.running, self.failure = False, str(error)
            cause = error.__cause__ if isinstance(error.__cause__, Exception) else error
            status.showMessage(  # (the reason first: the path cut it off, seen)
                self.tr("Daily backup not made ({reason}): see the store button").format(
                    reason=disk_reason(cause)
                ),
                STATUS_MS,
            )
            self.backups.say_state()  # (not read again: that would try again at once)

        self.window.engine.submit(work, done, failed)
