"""Backups of a store on this computer and restoring them (core/store_backup.py)."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import zipfile
from pathlib import Path

import numpy as np
import pytest

from sigverify.core.audit_view import summary
from sigverify.core.errors import CancelledError, SigverifyError, StoreError
from sigverify.core.model_settings import ACTIVE_MODEL_SETTING
from sigverify.core.restore_at_next_start import (
    cancel_scheduled_restore,
    restore_scheduled,
    schedule_restore,
    scheduled_restore,
)
from sigverify.core.store import Store
from sigverify.core.store.records import NewReference
from sigverify.core.store_backup import back_up, backup_file_name, read_backup, store_file
from sigverify.core.store_restore import check_backup, restore_backup


def ref(name: str) -> NewReference:
    return NewReference(name, name.encode() * 10, b"png-" + name.encode(), np.ones(4, np.float32))


@pytest.fixture
def store_path(tmp_path):
    path = tmp_path / "desk" / "store.sqlite3"
    with Store(path) as store:
        store.add_references("C-1", "Ana Lima", "", "m1", [ref("a.png"), ref("b.png")], "ann")
        store.add_references("C-2", "Bo Chen", "", "m1", [ref("c.png")], "ann")
        store.set_person_thresholds("C-1", 0.5, 0.9, "ann", model="m1")
    return path


def backup_of(store_path, out, **kwargs):
    with Store(store_path) as store:
        return back_up(store, out, "ann", **kwargs)


def rewritten(backup, out, change):
    """``backup`` with its store member changed by ``change(sqlite connection)`` and its
    digest made to match (what someone editing a backup with tools could do)."""
    with zipfile.ZipFile(backup) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    db = out.with_suffix(".db")
    db.write_bytes(members["store.sqlite3"])
    connection = sqlite3.connect(db)
    change(connection)
    connection.commit()
    connection.close()
    members["store.sqlite3"] = db.read_bytes()
    manifest = json.loads(members["backup.json"])
    manifest["store_sha256"] = hashlib.sha256(members["store.sqlite3"]).hexdigest()
    members["backup.json"] = json.dumps(manifest).encode()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out


def test_a_backup_holds_the_store_and_is_recorded(store_path, tmp_path):
    info = backup_of(store_path, tmp_path / "b.zip")
    assert (info.people, info.references, info.audit_entries) == (2, 3, 3)
    assert info.last_audit_id == 3 and info.models == ()
    assert read_backup(tmp_path / "b.zip") == info
    with Store(store_path) as store:
        entry = store.audit_entries()[-1]
        assert (entry.action, entry.operator, entry.id) == ("backup", "ann", 4)
        assert summary(entry) == ("to “b.zip”: 2 people, 3 references, entries up to #3")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.zip", "desk"]  # nothing left over


def test_restoring_puts_the_store_back_and_keeps_the_one_it_replaces(store_path, tmp_path):
    queue = store_path.parent / "store.sqlite3.queue"  # the desk's queue goes with its store
    queue.mkdir()
    (queue / "items.csv").write_text("image,person\ncheque-1.png,C-1\n")
    backup_of(store_path, tmp_path / "b.zip")
    with Store(store_path) as store:  # work after the backup, lost with the disk
        store.add_references("C-3", "Cy Diaz", "", "m1", [ref("d.png")], "ann")
    with (queue / "items.csv").open("a") as items:
        items.write("cheque-2.png,C-3\n")
    result = restore_backup(tmp_path / "b.zip", store_path, "bob")
    assert (queue / "items.csv").read_text() == "image,person\ncheque-1.png,C-1\n"
    kept_queue = result.kept_in / "store.sqlite3.queue" / "items.csv"
    assert kept_queue.read_text().endswith("cheque-2.png,C-3\n")
    with Store(store_path) as store:
        assert [p.id for p in store.list_people()] == ["C-1", "C-2"]
        assert store.get_person("C-1").accept_threshold == 0.5
        assert store.references("C-1")[1].filename == "b.png"
        assert store.verify_audit_chain() == (True, None)
        entries = store.audit_entries()
        assert [e.action for e in entries] == ["enroll", "enroll", "set_thresholds", "restore"]
        restore = entries[-1]
        assert restore.operator == "bob" and restore.details["up_to"] == 3
        assert restore.details["replaced"] == str(result.kept_in)
        assert summary(restore).startswith("from “b.zip”, made ")
        assert summary(restore).endswith(f"; the store it replaced is kept in “{result.kept_in}”")
    assert result.kept_in.parent == store_path.parent / "replaced-stores"
    with Store(result.kept_in / "store.sqlite3") as replaced:  # nothing lost: C-3 is there
        assert [p.id for p in replaced.list_people()] == ["C-1", "C-2", "C-3"]
        assert replaced.verify_audit_chain() == (True, None)
    assert not list(store_path.parent.glob(".restoring-*"))


def test_a_backup_to_a_new_computer(store_path, tmp_path):
    backup_of(store_path, tmp_path / "b.zip")
    new = tmp_path / "new" / "store.sqlite3"
    result = restore_backup(tmp_path / "b.zip", new, "bob")
    assert result.kept_in is None
    with Store(new) as store:
        assert store.get_person("C-2").reference_count == 1


def test_the_copy_is_consistent_while_another_desk_process_writes(store_path, tmp_path):
    other = Store(store_path)
    big = NewReference("scan.tif", os.urandom(6 << 20), b"png", np.ones(4, np.float32))
    other.add_references("C-2", None, None, "m1", [big], "ann")  # copied in two steps
    written = []

    def progress(done, total):
        if not written:  # a commit by another connection in the middle of the copy
            assert done < total
            written.append(other.record("cy", "verify", "C-1", {"file": "q.png"}))

    try:
        info = backup_of(store_path, tmp_path / "b.zip", progress=progress)
    finally:
        other.close()
    assert written and info.last_audit_id == 5  # the copy started again with it
    result = restore_backup(tmp_path / "b.zip", tmp_path / "again" / "store.sqlite3")
    assert result.backup.audit_entries == 5 and result.backup.references == 4


def test_a_cancelled_backup_leaves_nothing(store_path, tmp_path):
    def cancel(done, total):
        raise CancelledError("stop")

    with pytest.raises(CancelledError):
        backup_of(store_path, tmp_path / "b.zip", progress=cancel)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["desk"]
    with Store(store_path) as store:
        assert store.audit_entries()[-1].action == "set_thresholds"


def test_restoring_is_refused_while_the_store_is_open(store_path, tmp_path):
    backup_of(store_path, tmp_path / "b.zip")
    before = store_path.read_bytes()
    with Store(store_path), pytest.raises(StoreError, match="is open in sigverify"):
        restore_backup(tmp_path / "b.zip", store_path)
    assert store_path.read_bytes() == before
    assert not (store_path.parent / "replaced-stores").exists()


def test_damaged_or_foreign_files_are_refused(store_path, tmp_path):
    backup_of(store_path, tmp_path / "b.zip")
    data = bytearray((tmp_path / "b.zip").read_bytes())
    with zipfile.ZipFile(tmp_path / "b.zip") as archive:
        start = archive.getinfo("store.sqlite3").header_offset + 100
    data[start + 200] ^= 0xFF
    (tmp_path / "flipped.zip").write_bytes(bytes(data))
    (tmp_path / "text.zip").write_text("not a zip")
    with zipfile.ZipFile(tmp_path / "card.zip", "w") as archive:
        archive.writestr("person.json", "{}")
    (tmp_path / "cut.zip").write_bytes(bytes(data[: len(data) // 2]))
    said = {
        "flipped.zip": "The backup “flipped.zip” is damaged: what it holds no longer matches "
        "what was backed up. Use another copy of it.",
        "cut.zip": "The backup “cut.zip” is damaged: what it holds no longer matches what "
        "was backed up. Use another copy of it.",
        "text.zip": "“text.zip” is not a sigverify backup (made with Back up the store…).",
        "card.zip": "“card.zip” is a person card, not a backup of the store: import it on the "
        "People page (Import card…).",
    }
    for name, message in said.items():
        with pytest.raises(SigverifyError) as refused:
            restore_backup(tmp_path / name, store_path)
        assert str(refused.value) == message
    with pytest.raises(SigverifyError, match="There is no file"):
        read_backup(tmp_path / "missing.zip")
    newer = rewritten(tmp_path / "b.zip", tmp_path / "newer.zip", lambda db: None)
    with zipfile.ZipFile(newer) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    manifest = json.loads(members["backup.json"])
    manifest["format"] = 99
    with zipfile.ZipFile(newer, "w") as archive:
        for name, value in members.items():
            archive.writestr(name, json.dumps(manifest) if name == "backup.json" else value)
    with pytest.raises(SigverifyError, match="newer version of sigverify"):
        read_backup(newer)
    with Store(store_path) as store:  # untouched
        assert len(store.list_people()) == 2


@pytest.mark.parametrize(
    "edit",
    [
        "UPDATE audit_log SET operator = 'mallory' WHERE id = 1",
        "UPDATE people SET accept_threshold = 9.0 WHERE id = 'C-1'",
        "UPDATE signature_references SET image = x'00' WHERE filename = 'c.png'",
        "UPDATE settings SET value = value || 'x'",
    ],
)
def test_a_backup_edited_with_database_tools_is_refused_before_anything_changes(
    store_path, tmp_path, edit
):
    with Store(store_path) as store:
        store.set_setting("operator", "ann", "ann")
    backup_of(store_path, tmp_path / "b.zip")
    edited = rewritten(tmp_path / "b.zip", tmp_path / "edited.zip", lambda db: db.execute(edit))
    read_backup(edited)  # its files match their digests: only the seal tells
    for check in (check_backup, lambda path: schedule_restore(path, store_path)):
        with pytest.raises(StoreError, match="“edited.zip” cannot be restored: it was changed"):
            check(edited)
    assert scheduled_restore(store_path) is None
    with pytest.raises(StoreError, match="it was changed after it was made"):
        restore_backup(edited, store_path)
    with Store(store_path) as store:
        assert store.audit_entries()[-1].action == "backup"
    assert not (store_path.parent / "replaced-stores").exists()


def test_a_backup_cannot_write_outside_its_model_folder(store_path, tmp_path, isolated_home):
    """A member the manifest does not list (a name climbing out of the models folder) is
    never extracted; a listed name that is not a plain file name is refused."""
    backup_of(store_path, tmp_path / "b.zip")
    with zipfile.ZipFile(tmp_path / "b.zip") as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    manifest = json.loads(members["backup.json"])
    evil = b"not a model"
    manifest["models"] = {"m": {"card.json": hashlib.sha256(evil).hexdigest()}}
    members["models/m/card.json"] = evil
    members["models/m/../../../../escaped.txt"] = evil
    members["backup.json"] = json.dumps(manifest).encode()
    with zipfile.ZipFile(tmp_path / "evil.zip", "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    result = restore_backup(tmp_path / "evil.zip", store_path)
    assert result.models_added == ("m",)
    models = isolated_home / "data" / "models"
    assert sorted(p.name for p in (models / "m").iterdir()) == ["card.json"]
    assert not list(tmp_path.rglob("escaped.txt")) and not list(isolated_home.rglob("escaped.txt"))
    manifest["models"] = {"m2": {"../up.json": hashlib.sha256(evil).hexdigest()}}
    members["backup.json"] = json.dumps(manifest).encode()
    members["models/m2/../up.json"] = evil
    with zipfile.ZipFile(tmp_path / "evil2.zip", "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    with pytest.raises(SigverifyError, match="is damaged"):
        read_backup(tmp_path / "evil2.zip")
    for name in ("m\n", "../m"):
        manifest["models"] = {name: {"card.json": hashlib.sha256(evil).hexdigest()}}
        members["backup.json"] = json.dumps(manifest).encode()
        with zipfile.ZipFile(tmp_path / "evil3.zip", "w") as archive:
            for member, data in members.items():
                archive.writestr(member, data)
        with pytest.raises(SigverifyError, match="is damaged"):
            read_backup(tmp_path / "evil3.zip")


def test_a_trained_model_in_use_goes_with_the_backup(store_path, tmp_path, isolated_home):
    model = isolated_home / "data" / "models" / "site-model"
    (model / "checkpoint").mkdir(parents=True)
    (model / "card.json").write_text('{"name": "site"}')
    (model / "weights.safetensors").write_bytes(b"w" * 100)
    (model / "checkpoint" / "last.pt").write_bytes(b"training's")
    with Store(store_path) as store:
        store.set_setting(ACTIVE_MODEL_SETTING, str(model), "ann")
    info = backup_of(store_path, tmp_path / "b.zip")
    assert info.models == ("site-model",)
    with zipfile.ZipFile(tmp_path / "b.zip") as archive:
        assert sorted(n for n in archive.namelist() if n.startswith("models/")) == [
            "models/site-model/card.json",
            "models/site-model/weights.safetensors",
        ]
    result = restore_backup(tmp_path / "b.zip", store_path)
    assert result.models_added == () and result.models_already_here == ("site-model",)
    (model / "card.json").unlink()
    (model / "weights.safetensors").unlink()
    (model / "checkpoint" / "last.pt").unlink()
    (model / "checkpoint").rmdir()
    model.rmdir()
    result = restore_backup(tmp_path / "b.zip", store_path)
    assert result.models_added == ("site-model",)
    assert (model / "weights.safetensors").read_bytes() == b"w" * 100


def test_a_restore_waits_for_the_next_start(store_path, tmp_path):
    backup_of(store_path, tmp_path / "b.zip")
    assert restore_scheduled(store_path) is None and scheduled_restore(store_path) is None
    info = schedule_restore(tmp_path / "b.zip", store_path)
    (tmp_path / "b.zip").unlink()  # the stick taken away: a copy waits beside the store
    assert info.people == 2 and scheduled_restore(store_path).name == "b.zip"
    assert cancel_scheduled_restore(store_path) and scheduled_restore(store_path) is None
    assert restore_scheduled(store_path) is None


def test_work_recorded_after_a_restore_was_chosen_is_counted_for_the_next_start(
    store_path, tmp_path
):
    from sigverify.core.restore_at_next_start import (
        prepare_restore,
        recorded_since_chosen,
        schedule_prepared,
    )

    backup_of(store_path, tmp_path / "b.zip")
    with Store(store_path) as store:
        told = store.last_audit_entry().id
    schedule_prepared(prepare_restore(tmp_path / "b.zip", store_path), store_path, "bo", told)
    assert recorded_since_chosen(store_path) == []  # nothing since: nothing to ask
    backup_of(store_path, tmp_path / "again.zip")  # a backup by hand is no work to lose
    assert recorded_since_chosen(store_path) == []
    with Store(store_path) as store:  # the clerk went on working
        store.record("bo", "verify", "C-1", {"decision": "accept"})
        store.record("bo", "verify", "C-2", {"decision": "reject"})
        store.add_references("C-3", "Cy", "", "m1", [ref("d.png")], "bo")
        work = [(e.id, e.action) for e in store.audit_entries(after=told + 1)]
    assert [(e.id, e.action) for e in recorded_since_chosen(store_path)] == work
    assert [a for _, a in work] == ["verify", "verify", "enroll"] and work[0][0] == told + 2
    restoring = scheduled_restore(store_path).parent / ".restoring"
    restoring.touch()  # another start restoring it now: nothing asked here
    assert recorded_since_chosen(store_path) == []
    restoring.unlink()
    # a restore chosen by an earlier sigverify (no such number kept): nothing known
    schedule_prepared(prepare_restore(tmp_path / "b.zip", store_path), store_path, "bo")
    assert recorded_since_chosen(store_path) == []
    cancel_scheduled_restore(store_path)
    assert recorded_since_chosen(store_path) == []  # nothing waits
    # no store yet (a new computer): none made by asking
    elsewhere = tmp_path / "new" / "store.sqlite3"
    schedule_prepared(prepare_restore(tmp_path / "b.zip", elsewhere), elsewhere, "bo", 3)
    assert recorded_since_chosen(elsewhere) == [] and not elsewhere.exists()


def test_a_scheduled_restore_runs_once(store_path, tmp_path):
    backup_of(store_path, tmp_path / "b.zip")
    schedule_restore(tmp_path / "b.zip", store_path, "bob")
    result = restore_scheduled(store_path)
    assert result.backup.people == 2 and scheduled_restore(store_path) is None
    with Store(store_path) as store:
        assert store.audit_entries()[-1].details["file"] == "b.zip"
        assert store.audit_entries()[-1].operator == "bob"
    schedule_restore(tmp_path / "b.zip", store_path)
    with Store(store_path), pytest.raises(StoreError, match="is open"):
        restore_scheduled(store_path)  # (another window kept it open)
    assert scheduled_restore(store_path) is None  # not tried at every start
    assert (store_path.parent / "store.sqlite3.restore-failed.zip").is_file()


def test_a_shared_store_is_backed_up_on_its_server(server_store_url, tmp_path):
    with pytest.raises(StoreError, match="kept on its database server"):
        store_file("postgresql://clerk@db.example/sigverify")
    with Store(server_store_url) as shared, pytest.raises(StoreError, match="pg_dump"):
        back_up(shared, tmp_path / "b.zip", "ann")
    assert not list(tmp_path.iterdir())


def test_the_file_name_offered():
    from datetime import datetime

    assert backup_file_name(datetime(2026, 12, 6, 18, 5)) == "sigverify-backup-2026-12-06-1805.zip"


def test_a_restore_that_fails_on_the_way_puts_the_store_back(store_path, tmp_path, monkeypatch):
    """A failure while the store, its seal and its queue are swapped (a seal another
    program holds, a full disk) leaves the store as it was, whole, with its seal and queue;
    and the store file is never missing on the way (the app would start on a new one)."""
    import sigverify.core.store_restore as module

    queue = store_path.parent / "store.sqlite3.queue"
    queue.mkdir()
    (queue / "items.csv").write_text("image,person\n")
    backup_of(store_path, tmp_path / "b.zip")
    with Store(store_path) as store:
        store.add_references("C-3", "Cy Diaz", "", "m1", [ref("d.png")], "ann")
    (queue / "items.csv").write_text("image,person\ncheque-9.png,C-3\n")
    real_replace = os.replace
    seen = []

    def power_cut(source, target):
        seen.append(store_path.is_file())
        if Path(target) == store_path.with_name("store.sqlite3.seal"):
            raise OSError(28, "No space left on device")
        real_replace(source, target)

    monkeypatch.setattr(module.os, "replace", power_cut)
    with pytest.raises(OSError):
        restore_backup(tmp_path / "b.zip", store_path)
    monkeypatch.setattr(module.os, "replace", real_replace)
    assert all(seen)
    with Store(store_path) as store:
        assert [p.id for p in store.list_people()] == ["C-1", "C-2", "C-3"]
        store.check_every_row()
    assert (queue / "items.csv").read_text().endswith("cheque-9.png,C-3\n")
    assert not (store_path.parent / "replaced-stores").exists() or not any(
        (store_path.parent / "replaced-stores").iterdir()
    )


def test_the_restore_is_recorded_under_who_restores(store_path, tmp_path):
    with Store(store_path) as store:
        store.set_setting("operator", "ann", "ann")  # the operator when the backup was made
    backup_of(store_path, tmp_path / "b.zip")
    with Store(store_path) as store:
        store.set_setting("operator", "bob", "bob")  # now
    restore_backup(tmp_path / "b.zip", store_path)
    with Store(store_path) as store:
        assert store.audit_entries()[-1].operator == "bob"
    schedule_restore(tmp_path / "b.zip", store_path, "cy")
    restore_scheduled(store_path)
    with Store(store_path) as store:
        assert store.audit_entries()[-1].operator == "cy"


def test_a_backup_leaves_no_copy_beside_the_file_and_old_work_files_go(
    store_path, tmp_path, monkeypatch
):
    import sigverify.core.store_backup as module

    (tmp_path / "stick").mkdir()
    snapshots = []
    real_copy = Store.copy_to

    def copy_to(store, target, progress=None):
        snapshots.append(Path(target))
        real_copy(store, target, progress)
        raise CancelledError("killed")

    monkeypatch.setattr(Store, "copy_to", copy_to)
    with pytest.raises(CancelledError):
        backup_of(store_path, tmp_path / "stick" / "b.zip")
    assert snapshots[0].parent == store_path.parent  # on the store's disk, not the stick
    assert list((tmp_path / "stick").iterdir()) == []
    monkeypatch.setattr(Store, "copy_to", real_copy)
    left = store_path.parent / ".store.sqlite3.abc.backup.db"  # a backup killed long ago
    prepared = store_path.parent / ".store.sqlite3.prepared-x1"  # a restore question's
    recent = store_path.parent / ".store.sqlite3.def.partial"  # another backup, going on
    for work in (left, prepared / "b.zip", recent):
        work.parent.mkdir(exist_ok=True)
        work.write_bytes(b"every signature")
    for work in (left, prepared):
        os.utime(work, (1, 1))
    backup_of(store_path, tmp_path / "b.zip")  # (each day's backup clears them)
    assert not left.exists() and recent.exists()
    assert prepared.exists()  # the question may still be open (a review found it removed)
    left.write_bytes(b"every signature")
    os.utime(left, (1, 1))
    restore_backup(tmp_path / "b.zip", store_path)  # a restore too, and its old questions'
    assert not left.exists() and not prepared.exists() and recent.exists()
    (prepared / "b.zip").parent.mkdir()
    (prepared / "b.zip").write_bytes(b"every signature")
    os.utime(prepared, (1, 1))
    from sigverify.core.restore_at_next_start import (
        discard_prepared,
        prepare_restore,
        schedule_prepared,
        scheduled_restore,
    )

    discard_prepared(prepare_restore(tmp_path / "b.zip", store_path))  # the next question
    assert not prepared.exists() and recent.exists()
    # a question's copy removed meanwhile (at another desk): said, and nothing is lost
    schedule_prepared(prepare_restore(tmp_path / "b.zip", store_path), store_path)
    waiting = scheduled_restore(store_path)
    gone = prepare_restore(tmp_path / "b.zip", store_path)
    discard_prepared(gone)
    with pytest.raises(SigverifyError, match="The copy of “b.zip” made for this restore is gone"):
        schedule_prepared(gone, store_path)
    assert scheduled_restore(store_path) == waiting  # the one chosen before still waits
    # another store's work files, whose name a pattern of this one's would match, stay
    other = store_path.parent / ".store1.sqlite3.abc.backup.db"
    other.write_bytes(b"theirs")
    os.utime(other, (1, 1))
    from sigverify.core.files import remove_leftovers

    remove_leftovers(store_path.parent / "store[1].sqlite3")
    assert other.exists()
    assert module.last_backup is not None


def test_a_restored_store_counts_as_backed_up_when_its_backup_was_made(store_path, tmp_path):
    from sigverify.core.store_backup import last_backup, work_since_backup

    with Store(store_path) as store:
        assert last_backup(store) is None
        assert work_since_backup(store, None) == {}
    info = backup_of(store_path, tmp_path / "b.zip")
    with Store(store_path) as store:
        made = last_backup(store)
        assert made.file == "b.zip" and made.at == store.audit_entries()[-1].at
        assert made.up_to == info.last_audit_id == store.audit_entries()[-2].id
        assert work_since_backup(store, made) == {}  # its own row is not work left out
        store.record("ana", "verify", "c-1", {"decision": "accept"})
        store.record("ana", "verify", "c-1", {"decision": "reject"})
        store.record("ana", "enroll", "c-9", {})
        assert work_since_backup(store, made) == {"verify": 2, "enroll": 1}
    restore_backup(tmp_path / "b.zip", store_path)
    with Store(store_path) as store:
        assert last_backup(store) == type(made)(info.created, "b.zip", info.last_audit_id)
        # the restore's own rows are not work left out; the work above left with the store
        assert work_since_backup(store, last_backup(store)) == {}


def test_daily_backups_are_named_by_desk_and_each_desk_keeps_its_newest_ten(tmp_path):
    from datetime import datetime

    from sigverify.core.store_backup import DAILY_PREFIX, daily_backup_name, prune_daily_backups

    when = datetime(2026, 12, 6, 9, 5, 7)
    assert daily_backup_name("desk-2", when) == f"{DAILY_PREFIX}desk-2-2026-12-06-090507.zip"
    mine = [daily_backup_name("desk-2", datetime(2026, 11, day, 8)) for day in range(1, 13)]
    others = [
        daily_backup_name(desk, datetime(2026, 11, day, 8))
        for day in range(1, 13)
        for desk in ("desk-3", "desk-2-b")
    ]  # fmt: skip  ("desk-2-b" starts as "desk-2")
    by_hand = ["sigverify-backup-2026-10-01-0800.zip", "notes.txt"]
    for name in mine + others + by_hand:
        (tmp_path / name).write_text("x")
    removed = prune_daily_backups(tmp_path, "desk-2")
    assert [p.name for p in removed] == mine[:2]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(mine[2:] + others + by_hand)


def test_a_desk_is_its_computer_and_its_store():
    import socket

    from sigverify.core.store_backup import desk_name

    one, two = desk_name("/data/a/store.sqlite3"), desk_name("/data/b/store.sqlite3")
    assert one.startswith(socket.gethostname().split(".")[0][:3]) and one != two
    assert desk_name("/data/a/store.sqlite3") == one


def test_why_a_file_could_not_be_written_in_words():
    import errno
    import sqlite3

    from sigverify.core.files import disk_reason

    assert disk_reason(FileNotFoundError(errno.ENOENT, "No such file")) == (
        "the folder does not exist"
    )
    assert disk_reason(PermissionError(errno.EACCES, "Permission denied")) == (
        "no permission to write there"
    )
    assert disk_reason(sqlite3.OperationalError("database or disk is full")) == "the disk is full"
    assert disk_reason(OSError(errno.EIO, "Input/output error")) == "Input/output error"


@pytest.mark.skipif(not Path("/proc/version").exists(), reason="Linux's /proc")
def test_a_backup_beside_the_store_is_on_the_same_disk_and_proc_is_not(tmp_path):
    from sigverify.core.files import same_disk

    store = tmp_path / "store.sqlite3"
    store.write_bytes(b"")
    assert same_disk(tmp_path / "b.zip", store)  # not made yet: its folder is looked at
    assert same_disk(tmp_path / "new" / "deeper" / "b.zip", store)
    assert not same_disk("/proc/b.zip", store)  # another file system
    assert same_disk("/proc/self", "/proc/version")
