"""Tamper evidence: the audit log, references, embeddings and thresholds edited with a
database tool (sqlite3), as an attacker with the file would, are found or refused; the
seal beside the store (sigverify.core.store.seal) is what makes that possible."""

from __future__ import annotations

import hashlib
import json
import math
import sqlite3

import numpy as np
import pytest

from sigverify.core.errors import SigverifyError, StoreIntegrityError
from sigverify.core.store import Store
from sigverify.core.store.records import GENESIS_HASH, NewReference, entry_hash, vector_bytes


def reference(name: str, value: float) -> NewReference:
    vector = np.full(4, value, np.float32)
    return NewReference(name, f"image of {name}".encode(), b"png of " + name.encode(), vector)


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "store.sqlite3") as opened:
        opened.add_references("c-1", "Ana", "", "m1", [reference("a.png", 0.1)], "clerk")
        for i in range(3):
            opened.record("clerk", "verify", "c-1", {"decision": "accept", "n": i})
        yield opened


def raw(store: Store) -> sqlite3.Connection:
    db = sqlite3.connect(store.path, isolation_level=None)
    db.row_factory = sqlite3.Row
    return db


def recompute_chain(db: sqlite3.Connection) -> None:
    """What an attacker does after editing a row: every hash from the start again."""
    previous = GENESIS_HASH
    for row in db.execute("SELECT * FROM audit_log ORDER BY id").fetchall():
        digest = entry_hash(
            previous, row["at"], row["operator"], row["action"], row["person_id"], row["details"]
        )
        db.execute(
            "UPDATE audit_log SET previous_hash = ?, hash = ? WHERE id = ?",
            (previous, digest, row["id"]),
        )
        previous = digest


def test_an_untouched_store_is_intact_and_sealed(store):
    assert store.verify_audit_chain() == (True, None)
    seal = json.loads(store.seal.path.read_text())
    last = raw(store).execute("SELECT id, hash FROM audit_log ORDER BY id DESC").fetchone()
    assert seal["head"] == [last["id"], last["hash"]] == [4, last["hash"]]


def test_the_last_row_alone_deleted_is_found_and_no_row_is_added_over_it(store):
    raw(store).execute("DELETE FROM audit_log WHERE id = 4")
    assert store.verify_audit_chain() == (False, 4)
    with pytest.raises(StoreIntegrityError, match="The audit log was changed outside"):
        store.record("clerk", "verify", "c-1", {})  # would hide the gap under a new row 4
    assert store.verify_audit_chain() == (False, 4)


def test_the_last_rows_or_all_rows_deleted_are_found(store):
    db = raw(store)
    db.execute("DELETE FROM audit_log WHERE id >= 3")
    assert store.verify_audit_chain() == (False, 3)  # rows 3 and 4 are missing
    db.execute("DELETE FROM audit_log")
    assert store.verify_audit_chain() == (False, 1)


def test_an_edited_row_with_the_chain_recomputed_is_found(store):
    db = raw(store)
    db.execute("""UPDATE audit_log SET details = '{"decision": "reject", "n": 1}' WHERE id = 3""")
    recompute_chain(db)
    assert store.verify_audit_chain() == (False, 3)


def test_a_forged_row_appended_is_found(store):
    db = raw(store)
    last = db.execute("SELECT hash FROM audit_log ORDER BY id DESC").fetchone()["hash"]
    digest = entry_hash(last, "2026-01-01T00:00:00", "clerk", "verify", "c-1", "{}")
    db.execute(
        "INSERT INTO audit_log (at, operator, action, person_id, details, previous_hash, hash) "
        "VALUES ('2026-01-01T00:00:00', 'clerk', 'verify', 'c-1', '{}', ?, ?)",
        (last, digest),
    )
    assert store.verify_audit_chain() == (False, 5)


def test_renumbered_rows_are_found(store):
    db = raw(store)
    db.execute("UPDATE audit_log SET id = id + 10")
    assert store.verify_audit_chain() == (False, 1)  # row 1 is missing


def test_a_kill_between_the_commit_and_the_seal_is_not_tampering(store):
    # the seal is moved after each commit: a kill in between leaves the log ahead of the
    # seal, and rows past its head are accepted (their MACs only sigverify can make) ...
    row = raw(store).execute("SELECT id, hash FROM audit_log WHERE id = 2").fetchone()
    content = json.loads(store.seal.path.read_text())
    content["head"] = [row["id"], row["hash"]]
    store.seal.path.write_text(json.dumps(content))
    assert store.verify_audit_chain() == (True, None)
    with Store(store.path) as reopened:  # ... and opening the store catches the seal up
        assert reopened.seal.head()[0] == 4
    # a seal naming a row the log does not have: rows were cut
    content["head"] = [6, "e" * 64]
    store.seal.path.write_text(json.dumps(content))
    assert store.verify_audit_chain() == (False, 5)


def test_a_reference_moved_to_another_person_is_refused(store):
    store.add_references("c-2", "Bo", "", "m1", [reference("b.png", 0.5)], "clerk")
    raw(store).execute("UPDATE signature_references SET person_id = 'c-2' WHERE person_id = 'c-1'")
    with pytest.raises(StoreIntegrityError, match="embedding of c-2's reference “a.png”"):
        store.embeddings("c-2", "m1")


@pytest.mark.parametrize("accept", [0, -0.0])
def test_thresholds_that_sqlite_gives_back_otherwise_stay_valid(store, accept):
    store.set_person_thresholds("c-1", accept, 1, "supervisor")  # stored as 0.0 and 1.0
    assert store.get_person("c-1").accept_threshold == 0.0


@pytest.mark.parametrize("bad", [math.nan, math.inf, -0.1])
def test_thresholds_must_be_finite_and_not_negative(store, bad):
    with pytest.raises(SigverifyError, match="must be a number of 0 or more"):
        store.set_person_thresholds("c-1", bad, None, "supervisor")


def test_a_setting_changed_with_sql_is_refused(store):
    store.set_setting("shared_thresholds", '{"accept": 0.3, "reject": 0.5}', "supervisor")
    assert store.get_setting("shared_thresholds") == '{"accept": 0.3, "reject": 0.5}'
    raw(store).execute("""UPDATE settings SET value = '{"accept": 99, "reject": 99}'""")
    with pytest.raises(StoreIntegrityError, match="setting “shared_thresholds”"):
        store.get_setting("shared_thresholds")


def test_a_replaced_embedding_is_refused(store):
    ids, vectors = store.embeddings("c-1", "m1")
    assert np.allclose(vectors, 0.1)
    forged = vector_bytes(np.full(4, 0.9, np.float32))  # a forgery's embedding
    raw(store).execute("UPDATE embeddings SET vector = ? WHERE reference_id = ?", (forged, ids[0]))
    with pytest.raises(StoreIntegrityError, match="embedding of c-1's reference “a.png”"):
        store.embeddings("c-1", "m1")
    raw(store).execute("UPDATE embeddings SET vector = substr(vector, 1, 8)")  # truncated
    with pytest.raises(StoreIntegrityError):
        store.embeddings("c-1", "m1")


@pytest.mark.parametrize("value", ["100", "'abc'"])
def test_thresholds_changed_with_sql_are_refused(store, value):
    assert store.get_person("c-1").accept_threshold is None
    raw(store).execute(f"UPDATE people SET accept_threshold = {value} WHERE id = 'c-1'")
    with pytest.raises(StoreIntegrityError, match="thresholds of c-1"):
        store.get_person("c-1")


def test_thresholds_set_by_sigverify_stay_valid(store):
    store.set_person_thresholds("c-1", 0.2, 0.4, "supervisor")
    person = store.get_person("c-1")
    assert (person.accept_threshold, person.reject_threshold) == (0.2, 0.4)


@pytest.mark.parametrize("value", ["NULL", "'another@0123'"])
def test_the_model_of_a_persons_thresholds_changed_with_sql_is_refused(store, value):
    """Their model decides whether they apply: moved to another, or made to apply to any
    (NULL, as thresholds set before it was recorded), the row no longer matches its MAC."""
    store.set_person_thresholds("c-1", 0.2, 0.4, "supervisor", model="m1@abcd")
    assert store.get_person("c-1").thresholds_model == "m1@abcd"
    raw(store).execute(f"UPDATE people SET thresholds_model = {value} WHERE id = 'c-1'")
    with pytest.raises(StoreIntegrityError, match="thresholds of c-1"):
        store.get_person("c-1")


def test_a_replaced_reference_image_is_refused(store):
    (stored,) = store.references("c-1")
    assert store.reference_images(stored.id)[0] == b"image of a.png"
    other = b"someone else's signature"
    raw(store).execute(
        "UPDATE signature_references SET image = ?, image_sha256 = ? WHERE id = ?",
        (other, hashlib.sha256(other).hexdigest(), stored.id),
    )
    with pytest.raises(StoreIntegrityError, match="reference “a.png” of c-1"):
        store.reference_images(stored.id)


def test_without_its_seal_a_store_refuses_to_decide(store):
    store.seal.path.unlink()
    with Store(store.path) as reopened:  # opens (the people can still be listed) ...
        assert [p.id for p in reopened.list_people()] == ["c-1"]
        # ... but nothing that decides is used, and nothing is written
        with pytest.raises(StoreIntegrityError, match="seal file “store.sqlite3.seal”"):
            reopened.get_person("c-1")
        with pytest.raises(StoreIntegrityError, match="is missing"):
            reopened.record("clerk", "verify", "c-1", {})
    store.seal.path.write_text("not a seal")
    with Store(store.path) as reopened, pytest.raises(StoreIntegrityError, match="is damaged"):
        reopened.verify_audit_chain()
    assert len(store.audit_entries()) == 4


def test_a_model_switch_is_one_transaction(store, monkeypatch):
    import sigverify.core.store as store_module

    def dies(*args, **kwargs):
        raise KeyboardInterrupt  # a kill while the audit row is written

    monkeypatch.setattr(store_module, "append_entry", dies)
    with pytest.raises(KeyboardInterrupt):
        store.set_settings_audited({"active_model": "/models/new"}, "admin", "activate_model", {})
    monkeypatch.undo()
    assert store.get_setting("active_model") is None  # the setting went with the audit row
    assert store.verify_audit_chain() == (True, None)
