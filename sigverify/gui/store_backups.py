"""The store button's menu: back the store up to one file, restore one at the next start,
or open another store (:mod:`sigverify.core.store_backup`; the command line's ``backup``
and ``restore``). A shared store is backed up on its server: both are off there."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QMenu, QProgressDialog, QWidget

from sigverify.core.audit_view import local_minute
from sigverify.core.errors import CancelledError, SigverifyError
from sigverify.core.operators import operator_name
from sigverify.core.paths import default_store_location
from sigverify.core.store.backend import is_server_url
from sigverify.core.store_backup import (
    back_up,
    backup_file_name,
    cancel_scheduled_restore,
    read_backup,
    restore_scheduled,
    schedule_restore,
    scheduled_restore,
)
from sigverify.gui import dialogs
from sigverify.gui.folders import ask_open, ask_save
from sigverify.gui.widgets import file_filter


def _held(info) -> str:
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


class StoreBackups(QObject):
    """The menu (``menu``) and what its entries do, for ``window`` (the main window)."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.menu = QMenu(window)
        self.menu.setToolTipsVisible(True)
        self.back_up_action = self.menu.addAction(self.tr("&Back up the store…"))
        self.back_up_action.triggered.connect(lambda: self.back_up())
        self.restore_action = self.menu.addAction(self.tr("&Restore from a backup…"))
        self.restore_action.triggered.connect(lambda: self.restore())
        self.keep_action = self.menu.addAction("")  # (named when a restore waits)
        self.keep_action.triggered.connect(lambda: self.cancel_restore())
        self.menu.addSeparator()
        self.other_action = self.menu.addAction(self.tr("&Open another store at the next start…"))
        self.other_action.triggered.connect(lambda: window.change_store())
        if window.store.shared:
            for action in (self.back_up_action, self.restore_action):
                action.setEnabled(False)
                action.setToolTip(
                    self.tr("A shared store is backed up on its server, by its administrator")
                )
        self.menu.aboutToShow.connect(self._name_waiting)
        self._name_waiting()

    def _name_waiting(self) -> None:
        waiting = None if self.window.store.shared else scheduled_restore(self.window.store.path)
        self.keep_action.setVisible(waiting is not None)
        if waiting is not None:
            self.keep_action.setText(
                self.tr("&Do not restore “{file}” at the next start").format(file=waiting.name)
            )

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
            models = ""
            if info.models:
                models = " " + self.tr("With it, the models it uses: {models}.").format(
                    models=", ".join(info.models)
                )
            dialogs.show_info(
                window,
                title,
                self.tr(
                    "The store is backed up to {file}: {held}.{models}\n\nKeep the file away "
                    "from this computer (a USB stick, a network folder): a backup on the same "
                    "disk is lost with it. Store button > Restore from a backup… puts it back."
                ).format(file=path, held=_held(info), models=models),
            )

        def failed(error) -> None:
            dialog.close()
            if not isinstance(error, CancelledError):
                dialogs.show_error(window, error, title)

        job = window.engine.submit(
            lambda context, job: back_up(context.store, path, operator, job.progress),
            saved,
            failed,
            progress,
        )
        dialog.canceled.connect(job.cancel)
        self._job = job

    def restore(self, path: str | None = None) -> None:
        """Check a backup file (asked for when ``path`` is None) and, once the clerk
        agrees, keep it to replace the store at the next start."""
        window = self.window
        title = self.tr("Restore from a backup")
        path = path or ask_open(window, title, "backups", self._filter())
        if not path:
            return
        dialog = self._progress(self.tr("Checking {file}…").format(file=Path(path).name))
        dialog.setCancelButton(None)

        def checked(info) -> None:
            dialog.close()
            question = self.tr(
                "“{file}” holds the store as it was on {made}: {held}.\n\nsigverify replaces "
                "the store on this computer with it the next time it starts. Everything done "
                "since the backup was made is not in it; the store as it is now is kept in "
                "the folder “replaced-stores” beside it, nothing is deleted."
            ).format(file=Path(path).name, made=local_minute(info.created), held=_held(info))
            if (
                dialogs.choose(window, title, question, [self.tr("&Restore at the next start")])
                != 0
            ):
                return
            window.engine.submit(
                lambda context, job: schedule_restore(path, window.store.path), kept, failed
            )

        def kept(_) -> None:
            self._name_waiting()
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
            dialogs.show_error(window, error, title)

        window.engine.submit(lambda context, job: read_backup(path), checked, failed)

    def cancel_restore(self) -> None:
        if cancel_scheduled_restore(self.window.store.path):
            self._name_waiting()
            dialogs.show_info(
                self.window,
                self.tr("Restore from a backup"),
                self.tr("The store stays as it is: no backup will be restored."),
            )


def restore_waiting(location) -> Callable[[QWidget], None] | None:
    """At start, before the store opens: restore the backup waiting for the store at
    ``location`` (None: this computer's), if one does. What to tell the clerk, as a
    function of the window to say it over, or None when nothing waited."""
    if is_server_url(str(location or default_store_location())):
        return None  # (a shared store is restored on its server)
    try:
        result = restore_scheduled(location)
    except (SigverifyError, OSError) as error:
        failed = error
        return lambda window: dialogs.show_error(
            window,
            SigverifyError(
                QCoreApplication.translate(
                    "StoreBackups",
                    "The backup waiting was not restored: {error}\n\nThe store is as it was; "
                    "the backup is kept beside it as “…restore-failed.zip”.",
                ).format(error=failed)
            ),
            QCoreApplication.translate("StoreBackups", "Restore from a backup"),
        )
    if result is None:
        return None
    kept = ""
    if result.kept_in is not None:
        kept = " " + QCoreApplication.translate(
            "StoreBackups", "The store it replaced is kept in {folder}."
        ).format(folder=result.kept_in)
    text = QCoreApplication.translate(
        "StoreBackups", "The store is restored from “{file}”, made {made}: {held}."
    ).format(
        file=result.backup.path.name,
        made=local_minute(result.backup.created),
        held=_held(result.backup),
    )
    return lambda window: dialogs.show_info(
        window, QCoreApplication.translate("StoreBackups", "Restore from a backup"), text + kept
    )
