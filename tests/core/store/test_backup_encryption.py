"""Backups protected by a passphrase (core/backup_encryption.py, with store_backup and
store_restore)."""

from __future__ import annotations

import json
import re
import sqlite3
import zipfile

import numpy as np
import pytest

from sigverify.core import backup_encryption
from sigverify.core.audit_view import summary
from sigverify.core.backup_encryption import (
    ENVELOPE,
    PAYLOAD,
    PassphraseNeededError,
    WrongPassphraseError,
    backup_key,
    is_encrypted,
    new_backup_key,
    refusal_recorded,
    set_backup_passphrase,
    unlock,
)
from sigverify.core.errors import SigverifyError, StoreIntegrityError
from sigverify.core.passphrase_rules import passphrase_problem
from sigverify.core.restore_at_next_start import restore_scheduled, schedule_restore
from sigverify.core.store import Store
from sigverify.core.store.records import NewReference
from sigverify.core.store_backup import back_up, read_backup
from sigverify.core.store_restore import check_backup, restore_backup

OLD, NEW = "river stone lantern", "seven blue kites"


@pytest.fixture(autouse=True)
def quick_scrypt(monkeypatch):
    """The app stretches a passphrase for half a second; the tests need not."""
    monkeypatch.setattr(backup_encryption, "_SCRYPT", {"n": 1 << 10, "r": 8, "p": 1})


def ref(name: str) -> NewReference:
    return NewReference(name, b"SCAN-" + name.encode() * 50, b"png-" + name.encode(), np.ones(4))


@pytest.fixture
def store_path(tmp_path):
    path = tmp_path / "desk" / "store.sqlite3"
    with Store(path) as store:
        store.add_references("C-1", "Ana Lima", "", "m1", [ref("a.png"), ref("b.png")], "ann")
        store.add_references("C-2", "Bo Chen", "", "m1", [ref("c.png")], "ann")
        set_backup_passphrase(store, OLD, "ann", current=None)
    return path


def backup_of(store_path, out):
    with Store(store_path) as store:
        return back_up(store, out, "ann")


def test_a_key_opens_with_its_passphrase_only():
    key = new_backup_key(OLD)
    assert len(key.public) == 32 and len(key.fingerprint) == 8
    assert unlock(key, OLD) is not None
    accented = new_backup_key("café au lait, s'il vous plaît")  # é as one character
    assert unlock(accented, "cafe\u0301 au lait, s'il vous plai\u0302t") is not None  # as two
    with pytest.raises(WrongPassphraseError, match="not the backup passphrase"):
        unlock(key, "river stone lanterns")
    assert new_backup_key(OLD).fingerprint != key.fingerprint  # a new pair each time


def test_what_a_passphrase_must_be():
    assert "not the same" in passphrase_problem(OLD, OLD + " ")
    assert "at least 10 characters" in passphrase_problem("short one", "short one")
    assert "at least" in passphrase_problem("   abc    ", "   abc    ")
    assert passphrase_problem(OLD, OLD) is None
    # long enough, guessed at once: refused, saying why
    for easy in ("aaaaaaaaaaaa", "1212121212", "1234567890", "0987654321", "qwertyuiop",
                 "QWERTY asdfgh", "abc123def456", "abcdefghijk", "1q2w3e4r5t6y",
                 "asdfghjkl1", "qazwsxedcr",  # (a row and a figure, a column: real window)
                 "passwordpassword", "abcabcabcabc", "zyxwvutsrq!"):  # fmt: skip
        assert passphrase_problem(easy, easy).startswith(
            "That passphrase is easy to guess: a few characters repeated or a run of keys."
        ), easy
    for easy in ("Password12", "backup 2026", "Welcome!2026", "P@ssw0rd12", "Summer2024!"):
        assert passphrase_problem(easy, easy).startswith(
            "That passphrase is easy to guess: a word tried first (such as “password”) with "
            "a few characters beside it."
        ), easy
    # runs one after another, however long, and a long text that is not only runs
    assert passphrase_problem("abcdefghij" * 50 + "xyz", "abcdefghij" * 50 + "xyz")
    long_text = "the brown fox jumps over my dog " * 30 + "again"
    assert passphrase_problem(long_text, long_text) is None
    # words a person chose, with or without figures: taken
    for chosen in ("seven blue kites", "my dog rex 2019", "hello world", "Maria Souza 1970",
                   "password of the blue kite", "qwerty plum tree"):  # fmt: skip
        assert passphrase_problem(chosen, chosen) is None, chosen


def test_setting_changing_and_removing_the_passphrase_is_audited(store_path):
    with Store(store_path) as store:
        first = backup_key(store)
        entry = store.audit_entries()[-1]
        assert entry.action == "backup_passphrase" and entry.details["key"] == first.fingerprint
        assert entry.details["before"] is None
        assert (
            summary(entry)
            == f"set: backups are encrypted with the backup key ID {first.fingerprint}"
        )
        with pytest.raises(WrongPassphraseError):
            set_backup_passphrase(store, NEW, "bo", current="not it at all")
        with pytest.raises(WrongPassphraseError):
            set_backup_passphrase(store, NEW, "bo", current=None)
        assert backup_key(store) == first  # refused: unchanged
        # each wrong try is in the log (guessing left no trace), the passphrase is not
        refused = store.audit_entries()[-2:]
        assert [(e.operator, e.action, e.details) for e in refused] == 2 * [
            ("bo", "passphrase_refused", {"tried": "backup_passphrase", "key": first.fingerprint})
        ]
        assert summary(refused[0]) == (
            "typed as the current backup passphrase, to change it "
            f"(backup key ID {first.fingerprint})"
        )
        assert "not it at all" not in json.dumps([e.details for e in store.audit_entries()])
        second = set_backup_passphrase(store, NEW, "bo", current=OLD)
        assert backup_key(store) == second != first
        entry = store.audit_entries()[-1]
        assert (entry.operator, entry.details) == (
            "bo",
            {"key": second.fingerprint, "before": first.fingerprint},
        )
        assert (
            summary(entry)
            == f"changed: backup key ID {second.fingerprint} (before: {first.fingerprint})"
        )
        assert set_backup_passphrase(store, None, "bo", current=NEW) is None
        assert backup_key(store) is None
        assert (
            summary(store.audit_entries()[-1]) == "stopped: backups are no longer encrypted "
            f"(the backup key ID was {second.fingerprint})"
        )


def test_an_encrypted_backup_holds_no_signature_in_the_clear(store_path, tmp_path):
    info = backup_of(store_path, tmp_path / "b.zip")
    with Store(store_path) as store:
        fingerprint = backup_key(store).fingerprint
        entry = store.audit_entries()[-1]
    assert info.key == fingerprint and entry.details["key"] == fingerprint
    assert summary(entry) == (
        f"to “b.zip”: 2 people, 3 references, entries up to #3; encrypted with the backup key ID "
        f"{fingerprint}"
    )
    assert is_encrypted(tmp_path / "b.zip")
    with zipfile.ZipFile(tmp_path / "b.zip") as archive:
        assert sorted(archive.namelist()) == sorted([ENVELOPE, PAYLOAD])
        envelope = json.loads(archive.read(ENVELOPE))
    assert envelope["key"] == fingerprint and "Ana" not in json.dumps(envelope)
    data = (tmp_path / "b.zip").read_bytes()
    for clear in (b"SCAN-a.png", b"png-c.png", b"Ana Lima", b"SQLite format 3"):
        assert clear not in data
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.zip", "desk"]
    left = {p.name for p in (tmp_path / "desk").iterdir()}  # the plain zip made on the way: gone
    assert left <= {"store.sqlite3", "store.sqlite3.seal", "store.sqlite3.seal.lock"}


def test_restoring_an_encrypted_backup_needs_its_passphrase(store_path, tmp_path):
    backup_of(store_path, tmp_path / "b.zip")
    new_computer = tmp_path / "new" / "store.sqlite3"
    with Store(store_path) as store:
        fingerprint = backup_key(store).fingerprint
    said = f"“b.zip” is protected by a passphrase (backup key ID {fingerprint}): it is needed"
    with pytest.raises(PassphraseNeededError, match=re.escape(said)) as needed:
        read_backup(tmp_path / "b.zip")
    assert needed.value.key == fingerprint
    with pytest.raises(PassphraseNeededError, match=re.escape(said)) as needed:
        check_backup(tmp_path / "b.zip", new_computer)
    assert needed.value.key == fingerprint
    with pytest.raises(WrongPassphraseError, match="not the passphrase of “b.zip”"):
        restore_backup(tmp_path / "b.zip", new_computer, passphrase=NEW)
    assert not new_computer.exists()
    info = check_backup(tmp_path / "b.zip", new_computer, passphrase=OLD)
    assert (info.people, info.references, info.path) == (2, 3, tmp_path / "b.zip")
    result = restore_backup(tmp_path / "b.zip", new_computer, "cy", passphrase=OLD)
    assert result.backup.path == tmp_path / "b.zip"
    with Store(new_computer) as store:
        assert [p.id for p in store.list_people()] == ["C-1", "C-2"]
        assert backup_key(store) is not None  # its backups stay protected
        assert store.audit_entries()[-1].action == "restore"
    leftovers = [p.name for p in new_computer.parent.iterdir() if p.name.startswith(".")]
    assert leftovers == []


def test_a_wrong_passphrase_for_a_backup_is_written_to_the_log_it_was_typed_at(
    store_path, tmp_path
):
    backup_of(store_path, tmp_path / "b.zip")
    with Store(store_path) as store:
        fingerprint = backup_key(store).fingerprint
        before = len(store.audit_entries())
        with (
            pytest.raises(WrongPassphraseError, match="not the passphrase of “b.zip”"),
            refusal_recorded(store, "cy", "backup", tmp_path / "b.zip"),
        ):
            check_backup(tmp_path / "b.zip", tmp_path / "elsewhere" / "s.sqlite3", NEW)
        entry = store.audit_entries()[-1]
        assert (entry.operator, entry.action, entry.person_id, entry.details) == (
            "cy",
            "passphrase_refused",
            None,
            {"tried": "backup", "key": fingerprint, "file": "b.zip"},
        )  # (the key from the backup's envelope: the store's own may be another by then)
        assert summary(entry) == f"typed to restore “b.zip” (backup key ID {fingerprint})"
        # the right one, and errors of other kinds, write nothing
        with refusal_recorded(store, "cy", "backup", tmp_path / "b.zip"):
            check_backup(tmp_path / "b.zip", tmp_path / "elsewhere" / "s.sqlite3", OLD)
        with pytest.raises(SigverifyError), refusal_recorded(store, "cy", "backup", "x.zip"):
            raise SigverifyError("a damaged backup")
        assert len(store.audit_entries()) == before + 1
        # a log that cannot be written leaves the refusal what the person reads
        store.record = lambda *a: (_ for _ in ()).throw(sqlite3.OperationalError("read-only"))
        with pytest.raises(WrongPassphraseError), refusal_recorded(store, "cy", "backup", "b.zip"):
            check_backup(tmp_path / "b.zip", tmp_path / "elsewhere" / "s.sqlite3", NEW)


def test_a_backup_keeps_the_passphrase_it_was_made_under(store_path, tmp_path):
    backup_of(store_path, tmp_path / "old.zip")
    with Store(store_path) as store:
        set_backup_passphrase(store, NEW, "ann", current=OLD)
    backup_of(store_path, tmp_path / "new.zip")
    elsewhere = tmp_path / "elsewhere" / "store.sqlite3"
    assert check_backup(tmp_path / "old.zip", elsewhere, passphrase=OLD).people == 2
    assert check_backup(tmp_path / "new.zip", elsewhere, passphrase=NEW).people == 2
    with pytest.raises(WrongPassphraseError):
        check_backup(tmp_path / "new.zip", elsewhere, passphrase=OLD)
    with Store(store_path) as store:
        set_backup_passphrase(store, None, "ann", current=NEW)
    backup_of(store_path, tmp_path / "plain.zip")
    assert not is_encrypted(tmp_path / "plain.zip")
    assert read_backup(tmp_path / "plain.zip").people == 2


def members(path):
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def rewrite(path, changed):
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in changed.items():
            archive.writestr(name, data)


@pytest.mark.parametrize("how", ["flipped", "cut short", "pieces swapped", "envelope edited"])
def test_an_encrypted_backup_changed_or_cut_short_is_damaged(
    store_path, tmp_path, monkeypatch, how
):
    monkeypatch.setattr(backup_encryption, "_PIECE", 1024)  # several pieces
    backup_of(store_path, tmp_path / "b.zip")
    parts = members(tmp_path / "b.zip")
    payload, size = parts[PAYLOAD], 1024 + 16
    assert len(payload) > 3 * size
    if how == "flipped":
        parts[PAYLOAD] = payload[:100] + bytes([payload[100] ^ 1]) + payload[101:]
    elif how == "cut short":  # whole pieces gone from the end
        parts[PAYLOAD] = payload[: 2 * size]
    elif how == "pieces swapped":
        parts[PAYLOAD] = payload[size : 2 * size] + payload[:size] + payload[2 * size :]
    else:  # (the piece size, not the key, changed: what the pieces are bound to)
        envelope = json.loads(parts[ENVELOPE])
        parts[ENVELOPE] = json.dumps(envelope | {"cipher": "other"}).encode()
    rewrite(tmp_path / "b.zip", parts)
    with pytest.raises(SigverifyError, match="is damaged"):
        check_backup(tmp_path / "b.zip", tmp_path / "x" / "store.sqlite3", passphrase=OLD)


def test_a_scheduled_restore_is_kept_decrypted_beside_the_store(store_path, tmp_path):
    backup_of(store_path, tmp_path / "b.zip")
    with Store(store_path) as store:
        store.add_references("C-3", "Cy", "", "m1", [ref("d.png")], "ann")
    with pytest.raises(PassphraseNeededError):
        schedule_restore(tmp_path / "b.zip", store_path, "ann")
    info = schedule_restore(tmp_path / "b.zip", store_path, "ann", passphrase=OLD)
    assert info.path == tmp_path / "b.zip" and info.people == 2
    (tmp_path / "b.zip").unlink()  # (the stick is taken away)
    result = restore_scheduled(store_path)  # at the next start: no passphrase asked
    assert result.backup.people == 2
    with Store(store_path) as store:
        assert [p.id for p in store.list_people()] == ["C-1", "C-2"]


def test_a_backup_key_changed_in_the_database_is_refused(store_path, tmp_path):
    """Someone swapping in their own public key would read every later backup."""
    other = new_backup_key("someone else's words")
    connection = sqlite3.connect(store_path)
    connection.execute(
        "UPDATE settings SET value = ? WHERE key = ?",
        (backup_encryption._b64(other.public), backup_encryption.PUBLIC_KEY_SETTING),
    )
    connection.commit()
    connection.close()
    with pytest.raises(StoreIntegrityError):
        backup_of(store_path, tmp_path / "b.zip")
    assert not (tmp_path / "b.zip").exists()


def test_a_decrypted_copy_left_by_a_stopped_check_goes_at_the_next_restore(store_path, tmp_path):
    import os

    backup_of(store_path, tmp_path / "b.zip")
    left = store_path.parent / ".store.sqlite3.decrypting-abc"  # the app killed mid-check
    left.mkdir()
    (left / "b.zip").write_bytes(b"every signature")
    os.utime(left, (1, 1))
    fresh = store_path.parent / ".store.sqlite3.decrypting-now"  # another window's, now
    fresh.mkdir()
    restore_backup(tmp_path / "b.zip", store_path, passphrase=OLD)
    assert not left.exists() and fresh.exists()


def test_a_restore_keeps_the_passphrase_in_force(store_path, tmp_path):
    """A passphrase changed after the backup was made is not undone by restoring it, nor
    is protection dropped by restoring a backup made before it was set; on a new computer
    the backup's own key stays."""
    backup_of(store_path, tmp_path / "old-key.zip")
    with Store(store_path) as store:
        first = backup_key(store)
        second = set_backup_passphrase(store, NEW, "ann", current=OLD)
    result = restore_backup(tmp_path / "old-key.zip", store_path, passphrase=OLD)
    assert (result.backup_key, result.key_kept) == (second.fingerprint, True)
    with Store(store_path) as store:
        assert backup_key(store) == second
        entry = store.audit_entries()[-1]
        assert entry.action == "backup_passphrase" and store.audit_entries()[-2].action == (
            "restore"
        )
        assert summary(entry) == (
            f"kept through the restore: backup key ID {second.fingerprint} (the backup's: "
            f"{first.fingerprint})"
        )
        set_backup_passphrase(store, None, "ann", current=NEW)
    backup_of(store_path, tmp_path / "plain.zip")  # made unprotected
    with Store(store_path) as store:
        third = set_backup_passphrase(store, OLD, "ann", current=None)
    result = restore_backup(tmp_path / "plain.zip", store_path)
    assert (result.backup_key, result.key_kept) == (third.fingerprint, True)
    with Store(store_path) as store:
        assert backup_key(store) == third
        assert summary(store.audit_entries()[-1]) == (
            f"kept through the restore: backup key ID {third.fingerprint} (the backup had none)"
        )
    assert not result.replaced_empty
    elsewhere = tmp_path / "new" / "store.sqlite3"  # a new computer: the backup's own key
    with Store(elsewhere):
        pass  # (the app made an empty store at its first start)
    result = restore_backup(tmp_path / "old-key.zip", elsewhere, passphrase=OLD)
    assert (result.backup_key, result.key_kept) == (first.fingerprint, False)
    assert result.replaced_empty and result.kept_in is not None  # kept all the same
    with Store(elsewhere) as store:
        assert backup_key(store) == first and store.audit_entries()[-1].action == "restore"


def test_a_backup_made_by_whoever_held_the_stick_is_refused(store_path, tmp_path):
    """The public key and the locked private key are in every backup: with them alone,
    someone could encrypt a store of their own (their signatures as a customer's
    references) that the passphrase opens. Without the store's maker key it is refused."""
    import os

    from sigverify.core.backup_encryption import BackupKey, encrypt_backup

    backup_of(store_path, tmp_path / "real.zip")
    envelope = json.loads(members(tmp_path / "real.zip")[ENVELOPE])
    theirs = tmp_path / "theirs" / "store.sqlite3"
    with Store(theirs) as store:
        store.add_references("C-1", "Ana Lima", "", "m1", [ref("forger.png")], "mallory")
    backup_of(theirs, tmp_path / "theirs.zip")  # (a plain backup of their store)
    public = backup_encryption._unb64(envelope["public"])
    encrypt_backup(
        tmp_path / "theirs.zip",
        tmp_path / "forged.zip",
        BackupKey(public, envelope["locked"], os.urandom(32)),
    )
    elsewhere = tmp_path / "new" / "store.sqlite3"
    with pytest.raises(SigverifyError, match="is damaged"):
        restore_backup(tmp_path / "forged.zip", elsewhere, passphrase=OLD)
    assert not elsewhere.exists()
    assert check_backup(tmp_path / "real.zip", elsewhere, passphrase=OLD).people == 2


@pytest.mark.parametrize(
    "change",
    [
        {"locked": {"n": 1 << 26}},  # 64 GiB to stretch the passphrase
        {"locked": {"p": 4096}},  # hours
        {"piece": 1 << 34},  # the whole file read before one check
        "a list, not an object",
    ],
)
def test_an_envelope_asking_too_much_is_refused_untried(store_path, tmp_path, change):
    import time

    backup_of(store_path, tmp_path / "b.zip")
    parts = members(tmp_path / "b.zip")
    envelope = json.loads(parts[ENVELOPE])
    if isinstance(change, str):
        envelope = [change]
    elif "locked" in change:
        envelope["locked"] |= change["locked"]
    else:
        envelope |= change
    parts[ENVELOPE] = json.dumps(envelope).encode()
    rewrite(tmp_path / "b.zip", parts)
    started = time.perf_counter()
    with pytest.raises(SigverifyError, match="is damaged"):
        check_backup(tmp_path / "b.zip", tmp_path / "x" / "store.sqlite3", passphrase=OLD)
    assert time.perf_counter() - started < 5


def test_restoring_its_own_backup_keeps_its_key_unsaid(store_path, tmp_path):
    backup_of(store_path, tmp_path / "b.zip")
    result = restore_backup(tmp_path / "b.zip", store_path, passphrase=OLD)
    with Store(store_path) as store:
        assert result.backup_key == backup_key(store).fingerprint
        assert store.audit_entries()[-1].action == "restore"  # no key row: nothing changed
    assert not result.key_kept  # (it said "not the backup's own" of the same key: seen)


def test_a_backup_that_could_not_be_restored_is_kept_encrypted_again(store_path, tmp_path):
    from sigverify.core.errors import StoreError
    from sigverify.core.restore_at_next_start import failed_restore_path

    backup_of(store_path, tmp_path / "b.zip")
    schedule_restore(tmp_path / "b.zip", store_path, "ann", passphrase=OLD)
    with Store(store_path), pytest.raises(StoreError, match="is open"):
        restore_scheduled(store_path)  # (another window kept it open)
    failed = failed_restore_path(store_path)
    assert is_encrypted(failed)  # (the copy waiting was decrypted: left so, on a stick next)
    assert b"SQLite format 3" not in failed.read_bytes()
    assert check_backup(failed, store_path, passphrase=OLD).people == 2
    left = [p.name for p in store_path.parent.iterdir() if "partial" in p.name]
    assert left == []


def test_the_progress_of_an_encrypted_backup_ends_at_its_total(store_path, tmp_path):
    said = []
    with Store(store_path) as store:
        back_up(store, tmp_path / "b.zip", "ann", lambda done, total: said.append((done, total)))
    shares = [done / total for done, total in said]  # (the copy counts pages, then bytes)
    assert shares == sorted(shares) and max(shares) <= 1  # (it ran past: a line per piece)
    assert shares[-1] == 1


def test_a_full_disk_beside_the_store_is_named_not_the_stick(store_path, tmp_path, monkeypatch):
    import errno

    from sigverify.core import store_backup
    from sigverify.core.errors import StoreError

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store_backup, "encrypt_backup", lambda *a, **k: None)
    monkeypatch.setattr(Store, "copy_to", full)
    with pytest.raises(StoreError) as refused:
        backup_of(store_path, tmp_path / "stick" / "b.zip")
    assert f"the disk of the store ({store_path.parent}) refused its working copy" in str(
        refused.value
    )
    assert "(the disk is full)" in str(refused.value)


def test_a_backup_is_read_from_the_stick_once_then_kept_or_dropped(store_path, tmp_path):
    """Checked and decrypted beside the store before the clerk is asked; kept for the next
    start without the stick (it was decrypted and read again: a slow stick twice)."""
    from sigverify.core.restore_at_next_start import (
        discard_prepared,
        prepare_restore,
        schedule_prepared,
        scheduled_restore,
    )

    backup_of(store_path, tmp_path / "b.zip")
    with pytest.raises(SigverifyError, match="There is no file"):
        prepare_restore(tmp_path / "nowhere.zip", store_path)
    prepared = prepare_restore(tmp_path / "b.zip", store_path, OLD)
    assert prepared.info.path == tmp_path / "b.zip" and prepared.info.people == 2
    assert prepared.copy.parent.parent == store_path.parent and not is_encrypted(prepared.copy)
    discard_prepared(prepared)  # the clerk said no
    assert not prepared.copy.parent.exists()
    prepared = prepare_restore(tmp_path / "b.zip", store_path, OLD)
    (tmp_path / "b.zip").unlink()  # (the stick taken away before the clerk answers)
    schedule_prepared(prepared, store_path, "ann")
    assert scheduled_restore(store_path).name == "b.zip" and not prepared.copy.parent.exists()
    assert restore_scheduled(store_path).backup.people == 2
    assert not [p for p in store_path.parent.iterdir() if ".prepared-" in p.name]
