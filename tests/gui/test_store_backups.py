"""The store button's menu: the store backed up to one file, and a backup restored at the
next start (nothing lost: the store it replaces is kept)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QFileDialog

from sigverify.core.audit_view import action_name, summary
from sigverify.core.restore_at_next_start import scheduled_restore
from sigverify.core.store import Store
from sigverify.core.store_backup import read_backup
from sigverify.gui.restore_at_start import restore_waiting
from sigverify.gui.restore_question import who_changes
from tests.conftest import signature_file
from tests.gui.conftest import wait_idle
from tests.gui.test_app import enrol


def passphrase_dialogs(window) -> list:
    """The backup passphrase dialogs open (one closed is deleted, with what was typed)."""
    from shiboken6 import isValid

    from sigverify.gui.backup_passphrase import BackupPassphraseDialog

    found = window.findChildren(BackupPassphraseDialog)
    return [d for d in found if isValid(d) and d.isVisible()]


def shown_entries(menu) -> list[str]:
    return [a.text() for a in menu.actions() if a.isVisible() and not a.isSeparator()]


def test_the_store_backed_up_then_restored_at_the_next_start(
    qtbot, window, dialogs, monkeypatch, tmp_path, tiny_model_dir
):
    assert window.store_button.text() == "Store on this computer"  # nobody to lose yet
    enrol(qtbot, window, "c-1", [signature_file(tmp_path, 1, i) for i in range(4)], name="Ana")
    wait_idle(qtbot, window.engine)
    assert window.store_button.text() == "Store on this computer · not backed up yet"
    menu = window.store_button.menu()
    assert shown_entries(menu) == [
        "&Back up the store…",
        "&Restore from a backup…",
        "Protect backups with a &passphrase…",
        "Back up &every day to a folder…",
        "&Open another store at the next start…",
    ]
    offered = []

    def save_as(parent, title, start, filters):  # (the app's own folder kinds are used)
        offered.append((Path(start), filters))
        return str(tmp_path / Path(start).name), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    window.backups.back_up_action.trigger()
    wait_idle(qtbot, window.engine)
    qtbot.waitUntil(lambda: bool(dialogs.infos))
    start, filters = offered[0]
    assert filters == "sigverify backups (*.zip)"
    assert start.name.startswith("sigverify-backup-") and start.suffix == ".zip"
    name = start.name
    backup = tmp_path / name
    wait_idle(qtbot, window.engine)
    assert window.store_button.text() == "Store on this computer"
    assert f"Last backed up {date.today():%Y-%m-%d} " in window.store_button.toolTip()
    assert f"to “{name}”." in window.store_button.toolTip()
    assert "No daily backup on this computer." in window.store_button.toolTip()
    assert "Not in it yet" not in window.store_button.toolTip()  # (its own row aside)
    # work recorded since, read again as the tip shows (a verification went unsaid: seen)
    window.store.record("clerk", "verify", "c-1", {"decision": "accept"})
    window.store.record("clerk", "daily_backup", None, {"folder": "", "before": "x"})
    hover = QHelpEvent(QEvent.Type.ToolTip, QPoint(5, 5), QPoint(5, 5))
    QApplication.sendEvent(window.store_button, hover)
    assert "Not in it yet: 1 × Verification." in window.store_button.toolTip()  # (a setting
    # of this computer is not work at risk)
    assert window.store_button.toolTip().endswith("restore a backup, or open another store.")
    info = read_backup(backup)
    assert (info.people, info.references, info.models) == (1, 4, (tiny_model_dir.name,))
    assert dialogs.infos[-1].startswith(
        f"The store is backed up to {backup}: 1 person, 4 references and the audit log up to "
        f"entry #{info.last_audit_id}. With it, the models it uses: {tiny_model_dir.name}."
    )
    assert dialogs.infos[-1].endswith(  # (beside the store: said, not a general advice)
        f"{tiny_model_dir.name}.\n\nIt is on the same disk as the store: if that disk fails, "
        "both are lost. Copy it to a USB stick or a network folder. “Store on this computer” "
        "in the status bar > Restore from a backup… puts it back."
    )
    # work after the backup, then the backup chosen to come back
    enrol(qtbot, window, "c-2", [signature_file(tmp_path, 2, i) for i in range(4)], name="Bo")
    wait_idle(qtbot, window.engine)  # the day's work not in the backup, on the button's tip
    assert f"to “{name}”. Not in it yet: 1 × Verification, 1 × Enrolment. No daily" in (
        window.store_button.toolTip()
    )
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda parent, title, start, filters: (str(backup), "")
    )
    dialogs.choice = None  # Cancel: nothing waits
    window.backups.restore_action.trigger()
    wait_idle(qtbot, window.engine)
    qtbot.waitUntil(lambda: len(dialogs.questions) == 1)
    wait_idle(qtbot, window.engine)
    assert not [p for p in window.store.path.parent.iterdir() if ".prepared-" in p.name]
    assert "1 person, 4 references" in dialogs.questions[0]
    assert "is not in it; the store as it is now is kept" in dialogs.questions[0]
    now = window.store.last_audit_entry().id
    assert dialogs.questions[0].endswith(
        f"This store now holds 2 people and its audit log reaches entry #{now}: entries "
        f"#{info.last_audit_id + 1} to #{now} (1 × Verification, 1 × Enrolment, 1 × Store "
        "backed up, 1 × Daily backup) will no longer be in it.\n\nNot in the backup, so no "
        "longer enrolled: Bo (c-2) with 4 references."
    )
    assert dialogs.options[-1] == ["&Restore at the next start"]
    assert scheduled_restore(window.store.path) is None
    dialogs.choice = 0
    window.backups.restore()  # (asked for the file again)
    wait_idle(qtbot, window.engine)
    qtbot.waitUntil(lambda: scheduled_restore(window.store.path) is not None)
    wait_idle(qtbot, window.engine)
    assert dialogs.infos[-1] == (
        f"sigverify will restore “{name}” the next time it starts: close it and start it "
        "again when you are ready."
    )
    assert window.store_button.text() == "Store on this computer · restore waiting"
    menu.aboutToShow.emit()
    assert f"&Do not restore “{name}” at the next start" in shown_entries(menu)
    window.backups.keep_action.trigger()
    assert scheduled_restore(window.store.path) is None
    assert dialogs.infos[-1] == "The store stays as it is: no backup will be restored."
    wait_idle(qtbot, window.engine)  # chosen, then called off: both in the log
    chosen, called_off = window.store.audit_entries()[-2:]
    assert [(e.action, e.details["file"]) for e in (chosen, called_off)] == [
        ("restore_chosen", name),
        ("restore_called_off", name),
    ]
    assert action_name("restore_chosen") == "Restore chosen for the next start"
    menu.aboutToShow.emit()
    assert not window.backups.keep_action.isVisible()
    # another window of sigverify starting while this one has the store open: refused,
    # said, and not tried again at every start
    window.backups.restore()
    wait_idle(qtbot, window.engine)
    qtbot.waitUntil(lambda: scheduled_restore(window.store.path) is not None)
    restore_waiting(window.store.path)(window)
    assert "The backup waiting was not restored: The store " in str(dialogs.errors[-1])
    assert "is open in sigverify" in str(dialogs.errors[-1])
    failed = window.store.path.with_name("store.sqlite3.restore-failed.zip")
    assert str(dialogs.errors[-1]).endswith(f"the backup is kept as {failed}.")
    assert scheduled_restore(window.store.path) is None
    assert window.store.list_people()[1].id == "c-2"  # untouched
    store_path = window.store.path
    window.backups.restore()
    wait_idle(qtbot, window.engine)
    qtbot.waitUntil(lambda: scheduled_restore(store_path) is not None)
    wait_idle(qtbot, window.engine)
    # work recorded after the restore was chosen (it went, unsaid, at the next start: seen)
    told = window.store.last_audit_entry().id
    window.store.record("ann", "verify", "c-1", {"decision": "accept"})

    from sigverify.gui.main_window import close_main_window

    close_main_window(window)
    dialogs.choice = None  # Cancel: started on the store as it is, asked again next time
    assert restore_waiting(store_path) is None
    assert dialogs.questions[-1] == (
        f"“{name}” waits to replace the store, but work was recorded after it was chosen: "
        f"entry #{told + 1} (1 × Verification). The backup does not hold it: restored, the "
        "store would no longer have it (it would stay only in the store replaced, kept in the "
        "folder “replaced-stores”).\n\nCancel starts sigverify on the store as it is and asks "
        "again at the next start (while a restore waits, no daily backup is made)."
    )
    assert dialogs.options[-1] == ["&Restore all the same", "&Keep the store, do not restore"]
    assert scheduled_restore(store_path) is not None
    dialogs.choice = 0
    said = restore_waiting(store_path)  # the next start, before the store opens
    shown = []
    monkeypatch.setattr(
        "sigverify.gui.dialogs.show_info", lambda parent, title, text: shown.append(text)
    )
    said(None)
    assert not dialogs.errors[1:], dialogs.errors
    assert shown[0].startswith(f"The store is restored from “{name}”, made ")
    assert ": 1 person, 4 references and the audit log" in shown[0]
    assert "The store it replaced is kept in " in shown[0]
    assert shown[0].endswith(  # (a new computer: the old one's daily backup is not its own)
        "This computer backs it up every day only once a folder is chosen for it (the store "
        "button's menu > Back up every day to a folder…)."
    )
    with Store(store_path) as store:
        assert [p.id for p in store.list_people()] == ["c-1"]
        assert store.audit_entries()[-1].action == "restore"
    assert restore_waiting(store_path) is None  # once


def test_work_since_a_restore_was_chosen_keeps_the_store_when_the_clerk_says_so(
    window, dialogs, monkeypatch, tmp_path
):
    from sigverify.core.restore_at_next_start import prepare_restore, schedule_prepared
    from sigverify.core.store_backup import back_up
    from sigverify.gui.main_window import close_main_window

    store_path = window.store.path
    window.store.record("ann", "verify", "c-1", {"decision": "accept"})
    back_up(window.store, tmp_path / "b.zip", "ann")
    told = window.store.last_audit_entry().id
    schedule_prepared(prepare_restore(tmp_path / "b.zip", store_path), store_path, "ann", told)
    for person in ("c-1", "c-2"):
        window.store.record("ann", "verify", person, {"decision": "reject"})
    close_main_window(window)
    dialogs.choice = 1
    said = restore_waiting(store_path)
    assert f"entries #{told + 1} to #{told + 2} (2 × Verification)" in dialogs.questions[-1]
    assert scheduled_restore(store_path) is None  # forgotten: the store stays
    shown = []
    monkeypatch.setattr(
        "sigverify.gui.dialogs.show_info", lambda parent, title, text: shown.append(text)
    )
    said(None)
    assert shown == ["The store stays as it is: no backup will be restored."]
    with Store(store_path) as store:  # the work is there, and the choice is in the log
        last = store.last_audit_entry()
        assert (last.id, last.action, last.details) == (
            told + 3,
            "restore_called_off",
            {"file": "b.zip"},
        )
        assert summary(last) == "“b.zip” is not restored"
    assert restore_waiting(store_path) is None  # and nothing asked again


def test_the_button_says_how_old_the_last_backup_is(qtbot, window, monkeypatch):
    from datetime import datetime, timedelta, timezone

    from sigverify.core.store import audit

    nine_days_ago = datetime.now(timezone.utc) - timedelta(days=9, minutes=1)
    monkeypatch.setattr(audit, "now", lambda: nine_days_ago.isoformat())
    window.store.record("ann", "backup", None, {"file": "old.zip", "people": 0})
    window.backups.show_state()
    wait_idle(qtbot, window.engine)
    assert window.store_button.text() == "Store on this computer · last backup 9 days ago"


def test_every_kind_of_file_dialog_in_the_app_has_its_folder():
    """A kind the folders do not know is a crash on opening the dialog (the backup's was,
    seen in a real window: its tests had put the dialog aside). Each call's kind, its
    third argument, where written out."""
    import ast

    import sigverify.gui
    from sigverify.gui.folders import KINDS

    used = set()
    for source in Path(sigverify.gui.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text())):
            called = getattr(node, "func", None)
            name = getattr(called, "id", getattr(called, "attr", None))
            if name in {"ask_open", "ask_save", "ask_folder"} and len(node.args) > 2:
                kind = node.args[2]
                if isinstance(kind, ast.Constant):
                    used.add(kind.value)
    assert {"backups", "cards", "reports", "data", "models", "queue"} <= used
    assert used <= set(KINDS)


def test_a_cancelled_backup_says_so(qtbot, window, dialogs, monkeypatch, tmp_path):
    from sigverify.core.errors import CancelledError

    def cancelled(store, out, operator, progress):
        raise CancelledError("stopped")

    monkeypatch.setattr("sigverify.gui.store_backups.back_up", cancelled)
    window.backups.back_up(str(tmp_path / "b.zip"))
    wait_idle(qtbot, window.engine)
    qtbot.waitUntil(lambda: bool(dialogs.infos))
    assert dialogs.infos == ["The backup was cancelled: nothing was written."]
    assert not dialogs.errors


def test_a_daily_backup_to_a_chosen_folder(qtbot, window, dialogs, tmp_path):
    from sigverify.core.store_backup import DAILY_PREFIX, desk_name

    daily, desk = window.backups.daily, desk_name(window.store.path)
    mine = f"{DAILY_PREFIX}{desk}-"
    folder = tmp_path / "network-share"
    folder.mkdir()
    for day in range(1, 12):  # this desk's older daily backups, another desk's, one by hand
        (folder / f"{mine}2026-11-{day:02d}-090000.zip").write_bytes(b"old")
    (folder / f"{DAILY_PREFIX}other-desk-2026-11-01-090000.zip").write_bytes(b"theirs")
    (folder / "sigverify-backup-2026-11-01-0900.zip").write_bytes(b"by hand")
    daily.choose(str(folder))
    assert dialogs.infos[-1].startswith(f"sigverify will back the store up to {folder} the first")
    assert dialogs.infos[-1].endswith(  # (beside the store, in the test's temporary folder)
        "plugged in.\n\nThis folder is on the same disk as the store: if that disk fails, the "
        "backups are lost with it."
    )
    assert daily.action.text() == f"Back up &every day to “{folder}”…"
    wait_idle(qtbot, window.engine)
    assert f"Backed up every day to {folder}." in window.store_button.toolTip()
    assert not list(folder.glob(f"{mine}2026-12*"))  # nobody enrolled: nothing to keep
    enrol(qtbot, window, "c-1", [signature_file(tmp_path, 1, i) for i in range(4)], name="Ana")
    qtbot.waitUntil(lambda: not daily.running and len(list(folder.glob(f"{mine}*"))) == 10)
    wait_idle(qtbot, window.engine)
    made = sorted(folder.glob(f"{mine}*"))
    assert made[0].name == f"{mine}2026-11-03-090000.zip"  # this desk's newest 10 kept
    assert read_backup(made[-1]).people == 1
    assert (folder / "sigverify-backup-2026-11-01-0900.zip").exists()
    assert (folder / f"{DAILY_PREFIX}other-desk-2026-11-01-090000.zip").exists()
    assert window.statusBar().currentMessage() == f"Daily backup made: {made[-1].name}"
    assert window.store_button.text() == "Store on this computer"
    window.backups.show_state()  # once a day: not again today
    wait_idle(qtbot, window.engine)
    assert len(list(folder.glob(f"{mine}*"))) == 10

    # a restore's dialog opens at the newest backup this desk made, chosen (daily or not)
    from sigverify.gui.folders import start_folder

    started = []

    def open_file(parent, title, start, filters):
        started.append(start)
        return "", filters  # (cancelled)

    original_open = QFileDialog.getOpenFileName
    QFileDialog.getOpenFileName = staticmethod(open_file)
    try:
        window.backups.restore()
        assert started == [str(made[-1])]
        window.backups.back_up(str(tmp_path / "by-hand.zip"))
        wait_idle(qtbot, window.engine)
        qtbot.waitUntil(lambda: "by-hand.zip" in dialogs.infos[-1])
        window.backups.restore()
        assert started[-1] == str(tmp_path / "by-hand.zip")
        (tmp_path / "by-hand.zip").unlink()  # gone: where backups' dialogs open
        window.backups.restore()
        assert started[-1] == start_folder("backups")
    finally:
        QFileDialog.getOpenFileName = original_open

    elsewhere = tmp_path / "new-stick"  # a folder chosen anew: today's goes there at once
    elsewhere.mkdir()
    dialogs.choice = 0  # Another folder…
    original = QFileDialog.getExistingDirectory
    QFileDialog.getExistingDirectory = staticmethod(lambda *args: str(elsewhere))
    try:
        daily.choose()
    finally:
        QFileDialog.getExistingDirectory = original
    assert "(the first one now)" in dialogs.infos[-1]
    qtbot.waitUntil(lambda: len(list(elsewhere.glob(f"{mine}*"))) == 1)
    wait_idle(qtbot, window.engine)

    dialogs.choice = 1  # Stop the daily backup
    daily.choose()
    assert daily.folder() == "" and daily.action.text() == "Back up &every day to a folder…"
    wait_idle(qtbot, window.engine)
    # each start, move and stop is in the store's audit log, naming the desk
    rows = window.store.audit_entries(action="daily_backup")
    assert [summary(e) for e in rows] == [
        f"every day to “{folder}” from {desk}",
        f"every day to “{elsewhere}” from {desk} (before: “{folder}”)",
        f"stopped on {desk} (it went to “{elsewhere}”)",
    ]
    assert action_name("daily_backup") == "Daily backup"
    assert all(e.details["changed_at"] <= e.at for e in rows)  # each change's own time
    assert len({e.details["changed_at"] for e in rows}) == 3
    assert {e.operator for e in rows} == {window.store.last_audit_entry().operator}
    daily.choose(str(elsewhere))  # started again the same day: today's is there, none now
    assert "each day (today's backup is there already), keeping" in dialogs.infos[-1]
    daily.choose(str(elsewhere))  # chosen again as it is: no row for a change that is none
    wait_idle(qtbot, window.engine)
    assert len(window.store.audit_entries(action="daily_backup")) == 4
    assert len(list(elsewhere.glob(f"{mine}*"))) == 1


def test_a_daily_backup_that_cannot_be_written_says_so_until_one_is(
    qtbot, window, dialogs, tmp_path, monkeypatch
):
    import errno
    import shutil

    from sigverify.core.errors import StoreError
    from sigverify.gui import daily_backup

    enrol(qtbot, window, "c-1", [signature_file(tmp_path, 1, i) for i in range(4)], name="Ana")
    stick = tmp_path / "stick"
    stick.mkdir()
    window.backups.daily.choose(str(stick))
    qtbot.waitUntil(lambda: len(list(stick.iterdir())) == 1)
    wait_idle(qtbot, window.engine)
    shutil.rmtree(stick)  # the stick taken away after today's backup
    window.backups.show_state()  # (the hourly look; an enrolment does it too)
    wait_idle(qtbot, window.engine)
    # said all the same (unsaid all day: seen in a real window)
    assert window.store_button.text() == "Store on this computer · daily backup failed"
    assert f"The daily backup folder {stick} cannot be reached." in window.store_button.toolTip()
    stick.mkdir()
    window.backups.show_state()
    wait_idle(qtbot, window.engine)
    assert window.store_button.text() == "Store on this computer"

    def full(store, out, operator):
        raise StoreError("The backup cannot be written") from OSError(errno.ENOSPC, "full")

    real = daily_backup.back_up
    monkeypatch.setattr(daily_backup, "back_up", full)
    daily_backup.gui_settings().setValue(daily_backup.DONE, "")  # (the next day)
    window.backups.show_state()
    qtbot.waitUntil(lambda: "not made" in window.statusBar().currentMessage())
    wait_idle(qtbot, window.engine)  # (not tried again in a loop: the worker comes to rest)
    assert window.statusBar().currentMessage() == (
        "Daily backup not made (the disk is full): see the store button"
    )
    assert not window.backups.daily.running
    assert window.store_button.text() == "Store on this computer · daily backup failed"
    assert "The backup cannot be written" in window.store_button.toolTip()
    monkeypatch.setattr(daily_backup, "back_up", real)
    window.backups.show_state()  # (tried again within the hour)
    qtbot.waitUntil(lambda: len(list(stick.iterdir())) == 1)  # (emptied when taken away)
    wait_idle(qtbot, window.engine)
    assert window.store_button.text() == "Store on this computer"


def test_backups_protected_by_a_passphrase(qtbot, window, dialogs, monkeypatch, tmp_path):
    """Set in its dialog (refused, with what was typed kept, until it is right); a backup
    then encrypted; restoring it asks for the passphrase until the right one is typed,
    naming the backup's key; the restore at the next start needs it no more, and keeps the
    passphrase changed since."""
    from PySide6.QtWidgets import QDialog, QInputDialog, QLabel

    from sigverify.core import backup_encryption
    from sigverify.core.backup_encryption import backup_key, is_encrypted
    from sigverify.gui.backup_passphrase import BackupPassphraseDialog
    from sigverify.gui.main_window import close_main_window

    monkeypatch.setattr(backup_encryption, "_SCRYPT", {"n": 1 << 10, "r": 8, "p": 1})
    enrol(qtbot, window, "c-1", [signature_file(tmp_path, 1, i) for i in range(4)], name="Ana")
    wait_idle(qtbot, window.engine)
    window.backups.passphrase_action.trigger()
    dialog = window.findChild(BackupPassphraseDialog)
    assert dialog.window() is dialog  # (an attribute named window hid it: every key failed)
    assert dialog.stop_button is None and not dialog.current.isVisibleTo(dialog)
    dialog.set_button.click()  # Enter with nothing typed
    assert dialog.problem.text() == "Type a new passphrase." and not dialog.problem.styleSheet()
    dialog.new.setText("seven blue kites")
    dialog.set_button.click()  # Enter in the first field: on to the second, no reproach
    assert dialog.problem.text() == "Type the new passphrase a second time."
    assert not dialog.problem.styleSheet()  # a hint, not in red
    assert dialog.again.hasFocus() or not dialog.isActiveWindow()
    dialog.again.setText("seven blue kite")
    dialog.set_button.click()
    assert dialog.problem.text() == "The two passphrases are not the same: type it again."
    assert "#b3261e" in dialog.problem.styleSheet()  # refused: in red
    dialog.new.setText("short")
    dialog.again.setText("short")
    dialog.set_button.click()
    assert "at least 10 characters" in dialog.problem.text()
    assert dialog.new.selectedText() == "short"  # the field to type again, chosen
    assert dialog.problem.minimumHeight() >= 2 * dialog.problem.fontMetrics().lineSpacing()
    dialog.new.setText("1234567890")
    dialog.again.setText("1234567890")
    dialog.set_button.click()
    assert dialog.problem.text().startswith("That passphrase is easy to guess")
    assert dialog.isVisible() and backup_key(window.store) is None
    dialog.new.setText("seven blue kites")
    dialog.again.setText("seven blue kites")
    dialog.set_button.click()
    wait_idle(qtbot, window.engine)
    qtbot.waitUntil(lambda: bool(dialogs.infos))
    qtbot.waitUntil(lambda: not passphrase_dialogs(window))
    key = backup_key(window.store)
    assert dialogs.infos[-1].startswith(
        f"Every backup made from now on is encrypted with the backup key ID {key.fingerprint}, "
        "which this passphrase opens; "
    )
    assert dialogs.infos[-1].endswith("Back up now, so that a backup with it exists.")  # none yet
    wait_idle(qtbot, window.engine)
    window.store_button.menu().aboutToShow.emit()
    assert "Change the backup &passphrase…" in shown_entries(window.store_button.menu())
    assert "Backups are encrypted with a passphrase." in window.store_button.toolTip()

    window.nav.setCurrentRow(window.pages.indexOf(window.audit_page))  # open while it is made
    wait_idle(qtbot, window.engine)
    backup = tmp_path / "b.zip"
    window.backups.back_up(str(backup))
    wait_idle(qtbot, window.engine)
    qtbot.waitUntil(lambda: "It is encrypted: restoring it asks" in dialogs.infos[-1])
    assert "\n\nIt is on the same disk as the store" in dialogs.infos[-1]
    assert is_encrypted(backup)
    wait_idle(qtbot, window.engine)
    assert window.audit_page.entries[-1].action == "backup"  # the page shows it at once

    asked, typed = [], ["seven red kites", "seven blue kites"]

    def exec_(dialog):
        label = dialog.findChild(QLabel)
        asked.append((dialog.labelText(), label.wordWrap()))
        dialog.setTextValue(typed.pop(0))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QInputDialog, "exec", exec_)
    dialogs.choice = 0
    window.backups.restore(str(backup))
    wait_idle(qtbot, window.engine)
    qtbot.waitUntil(lambda: scheduled_restore(window.store.path) is not None, timeout=10000)
    assert asked == [
        (
            f"“b.zip” is encrypted (backup key ID {key.fingerprint}): type the passphrase it was "
            "made under.",
            True,
        ),
        (
            "That is not the passphrase of “b.zip”. A backup opens with the passphrase set "
            f"when it was made (its backup key ID: {key.fingerprint}).\n\nTried 1 time. Its "
            "passphrase:",
            True,
        ),
    ]
    assert "1 person, 4 references" in dialogs.questions[-1] and not dialogs.errors
    wait_idle(qtbot, window.engine)
    *_, refused, chosen = window.store.audit_entries()  # the wrong try, then the choice
    assert (chosen.action, chosen.details["file"]) == ("restore_chosen", "b.zip")
    assert summary(chosen).startswith("“b.zip”, made ")
    assert (refused.action, refused.details) == (
        "passphrase_refused",
        {"tried": "backup", "key": key.fingerprint, "file": "b.zip"},
    )
    now = refused.id  # the backup's own row and the wrong try leave
    assert dialogs.questions[-1].endswith(
        f"its audit log reaches entry #{now}: entries #{now - 1} to #{now} (1 × Store backed "
        "up, 1 × Wrong passphrase) will no longer be in it.\n\nBackups stay encrypted with the "
        f"passphrase in force on this computer (backup key ID {key.fingerprint})."
    )
    wait_idle(qtbot, window.engine)
    # the copy checked was moved, not read again: nothing left beside the store
    assert not [p for p in window.store.path.parent.iterdir() if ".prepared-" in p.name]

    # changing it: the current one first; a wrong one keeps the dialog and what was typed
    window.backups.passphrase_action.trigger()
    (dialog,) = passphrase_dialogs(window)
    assert (
        dialog.stop_button is not None
        and "each backup made before" in dialog.findChild(QLabel).text()
    )
    dialog.new.setText("eight green kites")
    dialog.again.setText("eight green kites")
    dialog.set_button.click()
    assert dialog.problem.text() == "Type the current passphrase first."
    dialog.current.setText("not it at all")
    dialog.set_button.click()
    wait_idle(qtbot, window.engine)
    qtbot.waitUntil(lambda: "not the current passphrase" in dialog.problem.text())
    assert dialog.isVisible() and dialog.new.text() == "eight green kites"
    assert backup_key(window.store) == key
    assert window.store.last_audit_entry().details == {
        "tried": "backup_passphrase",
        "key": key.fingerprint,
    }
    dialog.current.setText("seven blue kites")
    dialog.set_button.click()
    wait_idle(qtbot, window.engine)
    qtbot.waitUntil(lambda: not passphrase_dialogs(window))
    changed = backup_key(window.store)
    assert changed not in (None, key)
    assert dialogs.infos[-1].endswith(
        "Backups made before still open with the passphrase they were made under: keep it as "
        "long as you keep them."
    )

    # a backup elsewhere: the advice alone
    monkeypatch.setattr("sigverify.gui.store_backups.same_disk", lambda *paths: False)
    window.backups.back_up(str(tmp_path / "on-a-stick.zip"))
    wait_idle(qtbot, window.engine)
    qtbot.waitUntil(lambda: "on-a-stick.zip" in dialogs.infos[-1])
    assert (
        "\n\nKeep it away from this computer (a USB stick, a network folder): a backup on "
        "the same disk is lost with it. “"
    ) in dialogs.infos[-1]
    store_path = window.store.path
    close_main_window(window)
    backup.unlink()  # (the stick taken away)
    monkeypatch.setattr(
        "sigverify.gui.dialogs.show_info", lambda parent, title, text: dialogs.infos.append(text)
    )
    restore_waiting(store_path)(None)
    assert dialogs.infos[-1].startswith("The store is restored from “b.zip”")
    assert dialogs.infos[-1].endswith(  # (the change was undone unsaid: seen)
        "Backups stay encrypted with the passphrase in force before the restore (backup key ID "
        f"{changed.fingerprint}), not the backup's own."
    )
    with Store(store_path) as store:
        assert backup_key(store) == changed


def test_stopping_the_protection_asks_and_needs_the_passphrase(
    qtbot, window, dialogs, monkeypatch, tmp_path
):
    from sigverify.core import backup_encryption
    from sigverify.core.backup_encryption import backup_key, set_backup_passphrase
    from sigverify.core.store_backup import back_up
    from sigverify.gui.backup_passphrase import BackupPassphraseDialog

    monkeypatch.setattr(backup_encryption, "_SCRYPT", {"n": 1 << 10, "r": 8, "p": 1})
    back_up(window.store, tmp_path / "plain.zip", "ann")  # made before it was protected
    set_backup_passphrase(window.store, "seven blue kites", "ann", None)
    back_up(window.store, tmp_path / "encrypted.zip", "ann")
    window.backups.show_state()
    wait_idle(qtbot, window.engine)
    window.backups.passphrase_action.trigger()
    dialog = window.findChild(BackupPassphraseDialog)
    dialog.current.setText("seven blue kites")
    dialogs.answer = False
    dialog.stop_button.click()
    assert "will not be encrypted" in dialogs.questions[-1] and dialog.isVisible()
    assert backup_key(window.store) is not None
    dialogs.answer = True
    dialog.stop_button.click()
    wait_idle(qtbot, window.engine)
    qtbot.waitUntil(lambda: not passphrase_dialogs(window))
    assert backup_key(window.store) is None
    assert dialogs.infos[-1].startswith("Backups made from now on are not encrypted.")
    # protected again: the one backup made without a passphrase is said, the other not
    window.backups.show_state()
    wait_idle(qtbot, window.engine)
    window.backups.passphrase_action.trigger()
    (dialog,) = passphrase_dialogs(window)
    assert dialog.stop_button is None
    # the rule said before anything is typed (only after a refusal before: a pass)
    assert dialog.new.placeholderText() == "at least 10 characters: a few words"
    assert dialog.again.placeholderText() == ""
    dialog.new.setText("eight green kites")
    dialog.again.setText("eight green kites")
    dialog.set_button.click()
    wait_idle(qtbot, window.engine)
    qtbot.waitUntil(lambda: not passphrase_dialogs(window))
    assert dialogs.infos[-1].endswith(  # one: "it" ("(1)… delete them": a pass)
        "The backup made without a passphrase stays unencrypted: delete it once the new one "
        "is made."
    )


def test_restoring_onto_a_new_computers_empty_store_says_nothing_is_lost(
    qtbot, window, dialogs, tmp_path, monkeypatch
):
    from sigverify.core.store_backup import back_up
    from tests.core.store.test_backup import ref

    other = tmp_path / "old-computer" / "store.sqlite3"
    with Store(other) as store:
        store.add_references("C-1", "Ana Lima", "", "m1", [ref("a.png"), ref("b.png")], "ann")
        back_up(store, tmp_path / "b.zip", "ann")
    dialogs.choice = None
    window.backups.restore(str(tmp_path / "b.zip"))
    wait_idle(qtbot, window.engine)
    qtbot.waitUntil(lambda: bool(dialogs.questions))
    assert dialogs.questions[-1].endswith(
        "sigverify puts it in place of this computer's empty store the next time it starts."
    )
    assert "will no longer be in it" not in dialogs.questions[-1]
    dialogs.choice = 0
    window.backups.restore(str(tmp_path / "b.zip"))
    wait_idle(qtbot, window.engine)
    qtbot.waitUntil(lambda: scheduled_restore(window.store.path) is not None)
    wait_idle(qtbot, window.engine)
    from sigverify.gui.main_window import close_main_window

    store_path = window.store.path
    close_main_window(window)
    shown = []
    monkeypatch.setattr(
        "sigverify.gui.dialogs.show_info", lambda parent, title, text: shown.append(text)
    )
    restore_waiting(store_path)(None)
    assert shown[0].startswith("The store is restored from “b.zip”")
    assert "replaced is kept" not in shown[0]  # (an empty store: said, it confused: seen)


def test_the_restore_question_names_who_would_leave_and_who_would_have_fewer(window):
    enrolled = {f"c-{i}": (f"P{i}", 3) for i in range(1, 9)} | {"x-1": ("", 6), "x-2": ("Ann", 2)}
    backed_up = {"x-1": 5, "x-2": 4, "c-1": 3}  # (x-2: more then than now: not said)
    said = who_changes(enrolled, backed_up)
    assert said == (
        "Not in the backup, so no longer enrolled: P2 (c-2) with 3 references, P3 (c-3) with "
        "3 references, P4 (c-4) with 3 references, P5 (c-5) with 3 references, P6 (c-6) with "
        "3 references and 2 more. Fewer references: x-1: 6 → 5."
    )
    assert who_changes({"c-1": ("Ana", 1)}, {"c-1": 1}) == ""
    one = who_changes({"c-1": ("Ana", 1)}, {})
    assert one == "Not in the backup, so no longer enrolled: Ana (c-1) with 1 reference."


def test_a_store_opened_on_a_desk_that_backs_up_daily_says_so_in_its_log(qtbot, window, tmp_path):
    """The daily backup is this computer's setting: a store opened where one was chosen
    before (or whose entry could not be written then) gets its entry at the next look."""
    from sigverify.core.audit_view import summary
    from sigverify.core.store.records import local_time
    from sigverify.core.store_backup import desk_name
    from sigverify.gui.daily_backup import CHANGED, SETTING
    from sigverify.gui.language import gui_settings

    folder = tmp_path / "share"
    folder.mkdir()
    window.store.record("ann", "daily_backup", None, {"folder": "/x", "desk": "elsewhere"})
    gui_settings().setValue(SETTING, str(folder))  # chosen while another store was open
    gui_settings().setValue(CHANGED, "2026-11-30T08:15:00.000+00:00")  # (days ago)
    window.backups.show_state()
    wait_idle(qtbot, window.engine)
    wait_idle(qtbot, window.engine)
    desk = desk_name(window.store.path)
    rows = [e for e in window.store.audit_entries(action="daily_backup")]
    assert [(e.details["desk"], e.details["folder"], e.details["before"]) for e in rows[1:]] == [
        (desk, str(folder), "")  # another desk's entry is not this one's
    ]
    assert summary(rows[-1]) == (  # written now, done then: when it was done is said
        f"every day to “{folder}” from {desk}; changed on that desk at "
        f"{local_time('2026-11-30T08:15:00.000+00:00', seconds=False)}"
    )
    window.backups.show_state()  # said already: not again
    wait_idle(qtbot, window.engine)
    wait_idle(qtbot, window.engine)
    assert len(window.store.audit_entries(action="daily_backup")) == 2
    gui_settings().setValue(SETTING, "")
    gui_settings().setValue(CHANGED, "")
