"""A store shared by several desks on a PostgreSQL server: setting it up, the database's
own roles (enforced by its grants, raw SQL included), the operator taken from the account
connected, a second supervisor's approval for risky changes, and the audit chain under
several writers at once. The tests every store passes are in test_store.py."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import numpy as np
import psycopg
import pytest

from sigverify.core.errors import NotAllowedError, SigverifyError, StoreError
from sigverify.core.store import Store
from sigverify.core.store.postgres import init_postgres
from sigverify.core.store.records import NewReference
from sigverify.core.store.roles import Role
from sigverify.core.store.schema import SCHEMA_VERSION


def ref(name: str) -> NewReference:
    return NewReference(name, name.encode() * 10, b"png-" + name.encode(), np.ones(4, np.float32))


@pytest.fixture
def desks(postgres_server, server_store_url):
    """URLs of one shared store for an administrator, a clerk and two supervisors."""
    database = server_store_url.rsplit("/", 1)[1]
    postgres_server.login("clerk_ann", "sigverify_clerk")
    postgres_server.login("super_bo", "sigverify_supervisor")
    postgres_server.login("super_cy", "sigverify_supervisor")
    urls = {
        name: postgres_server.url(database, name) for name in ("clerk_ann", "super_bo", "super_cy")
    }
    urls["admin"] = server_store_url
    with Store(server_store_url) as admin:
        admin.add_references("c-1", "Ana", "", "m1", [ref("a.png"), ref("b.png")], "admin")
    return urls


def raw(url: str):
    return psycopg.connect(url, autocommit=True)


def test_setting_up_twice_upgrades_nothing_and_a_bare_database_is_refused(postgres_server):
    url = postgres_server.url(postgres_server.new_database())
    with pytest.raises(StoreError, match="not set up as a sigverify store.*init-postgres"):
        Store(url)
    first = init_postgres(url)
    again = init_postgres(url)
    assert (first.version_before, first.version) == (0, SCHEMA_VERSION)
    assert (again.version_before, again.version) == (SCHEMA_VERSION, SCHEMA_VERSION)
    with Store(url) as store:
        assert store.shared and store.role is Role.ADMINISTRATOR
        assert store.list_people() == [] and store.verify_audit_chain() == (True, None)
    with raw(url) as db:
        # the indexes, which carry no version: a server set up before gets them when
        # init-postgres runs again, and still opens without them meanwhile
        index = "SELECT 1 FROM pg_indexes WHERE indexname = 'references_by_image'"
        assert db.execute(index).fetchone() is not None
        db.execute("DROP INDEX references_by_image")
    with Store(url) as store:
        assert store.references_with_images(["x"]) == []  # (a scan, without the index)
    init_postgres(url)
    with raw(url) as db:
        assert db.execute(index).fetchone() is not None
        db.execute("UPDATE sigverify_schema SET version = %s", (SCHEMA_VERSION + 1,))
    with pytest.raises(StoreError, match="newer sigverify"):
        Store(url)


def test_an_account_without_a_role_and_a_server_that_is_not_there(postgres_server, desks):
    with postgres_server.admin() as db:
        if not db.execute("SELECT 1 FROM pg_roles WHERE rolname = 'visitor'").fetchone():
            db.execute("CREATE ROLE visitor LOGIN")
    database = desks["admin"].rsplit("/", 1)[1]
    with pytest.raises(StoreError, match="“visitor” has no sigverify role"):
        Store(postgres_server.url(database, "visitor"))
    closed = f"postgresql://x@127.0.0.1:{postgres_server.port + 1}/{database}"
    with pytest.raises(StoreError, match="cannot be reached"):
        Store(closed, timeout=1)


def test_the_audit_log_names_the_account_connected_not_the_name_typed(desks):
    with Store(desks["clerk_ann"]) as store:
        assert store.role is Role.CLERK and store.account == "clerk_ann"
        store.add_references("c-2", "Bo", "", "m1", [ref("c.png")], "typed-name")
        store.record("mallory", "verify", "c-2", {"decision": "accept"})
        assert [e.operator for e in store.audit_entries("c-2")] == ["clerk_ann", "clerk_ann"]
        assert store.references("c-2")[0].enrolled_by == "clerk_ann"
    with raw(desks["clerk_ann"]) as db, pytest.raises(psycopg.errors.InsufficientPrivilege):
        db.execute(  # raw SQL may not write another name either
            "INSERT INTO audit_log (id, at, operator, action, details, previous_hash, hash) "
            "VALUES (99, 'now', 'super_bo', 'verify', '{}', '', '')"
        )


def test_a_clerk_enrols_and_verifies_but_may_not_change_what_decides(desks):
    with Store(desks["clerk_ann"]) as store:
        assert store.refusal("thresholds") and "clerk" in store.refusal("thresholds")
        assert all(store.refusal(a) for a in ("delete", "models", "import", "approve"))
        with pytest.raises(NotAllowedError, match="changing thresholds is for a supervisor"):
            store.set_person_thresholds("c-1", 0.1, 0.2, "clerk_ann")
        with pytest.raises(NotAllowedError, match="deleting"):
            store.delete_person("c-1", "clerk_ann")
        with pytest.raises(NotAllowedError):
            store.remove_reference(store.references("c-1")[0].id, "clerk_ann")
        with pytest.raises(NotAllowedError, match="thresholds"):
            store.set_setting("thresholds/m1", '{"accept": 9, "reject": 9}', "clerk_ann")
        assert store.get_person("c-1").accept_threshold is None
    refused = [
        "UPDATE people SET accept_threshold = 9 WHERE id = 'c-1'",
        "DELETE FROM people WHERE id = 'c-1'",
        "DELETE FROM signature_references",
        "UPDATE audit_log SET details = '{}' WHERE id = 1",
        "DELETE FROM audit_log",
        "INSERT INTO settings (key, value) VALUES ('thresholds/m1', '{}')",
        "UPDATE embeddings SET vector = '\\x00'",
        "INSERT INTO people (id, created_at, accept_threshold) VALUES ('x', 'now', 9)",
        "UPDATE signature_references SET person_id = 'c-2'",
        "SELECT sigverify_decide(1, true)",
    ]
    with raw(desks["clerk_ann"]) as db:
        for statement in refused:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                db.execute(statement)
    with Store(desks["admin"]) as store:
        assert store.get_person("c-1").reference_count == 2
        assert store.verify_audit_chain() == (True, None)


def test_a_supervisors_threshold_change_waits_for_another_supervisor(desks):
    with Store(desks["super_bo"]) as bo:
        assert bo.role is Role.SUPERVISOR and bo.needs_approval
        pending = bo.set_person_thresholds(
            "c-1", 0.25, 0.5, "super_bo", preset=0.05, model="m1@abcd"
        )
        assert pending.requested_by == "super_bo" and pending.action == "set_thresholds"
        assert bo.get_person("c-1").accept_threshold is None  # not yet
        with pytest.raises(NotAllowedError, match="another supervisor"):
            bo.decide(pending.id, approve=True)
        with raw(desks["super_bo"]) as db, pytest.raises(psycopg.errors.InsufficientPrivilege):
            db.execute("UPDATE people SET accept_threshold = 0.25 WHERE id = 'c-1'")
        with raw(desks["super_bo"]) as db, pytest.raises(psycopg.errors.InsufficientPrivilege):
            db.execute("UPDATE people SET thresholds_model = NULL WHERE id = 'c-1'")
    with Store(desks["super_cy"]) as cy:
        assert [c.id for c in cy.pending_changes()] == [pending.id]
        decided = cy.decide(pending.id, approve=True)
        assert (decided.status, decided.decided_by) == ("approved", "super_cy")
        person = cy.get_person("c-1")  # sealed as asked for: it reads back
        assert (person.accept_threshold, person.reject_threshold) == (0.25, 0.5)
        assert person.thresholds_model == "m1@abcd"  # for the model they were asked for
        assert cy.pending_changes() == []
        with pytest.raises(SigverifyError, match="already approved by super_cy"):
            cy.decide(pending.id, approve=False)
        last = cy.audit_entries()[-2:]
        assert [(e.operator, e.action) for e in last] == [
            ("super_bo", "request_change"),
            ("super_cy", "set_thresholds"),
        ]
        assert last[1].details == {
            "accept": 0.25,
            "reject": 0.5,
            "model": "m1@abcd",
            "preset": 0.05,
            "before": None,  # (none of their own: everyone's applied)
            "change": pending.id,
            "requested_by": "super_bo",
        }
        assert cy.verify_audit_chain() == (True, None)
    # a second change: its approval's row says their own before it, as they were then (it
    # said the new values alone, a review found); a decided change lists none
    with Store(desks["super_bo"]) as bo:
        again = bo.set_person_thresholds("c-1", 0.3, 0.6, "super_bo", model="m1@abcd")
        before = {"accept": 0.25, "reject": 0.5, "model": "m1@abcd"}
        assert bo.pending_changes()[0].details["before"] == before
    with Store(desks["super_cy"]) as cy:
        decided = cy.decide(again.id, approve=True)
        assert cy.audit_entries()[-1].details["before"] == before
        assert "before" not in decided.details


def test_an_approval_says_what_it_replaced_when_another_desk_changed_it_meanwhile(desks):
    """A review found the approval's "before" read outside its transaction: a change
    committed by another desk between that read and the approval went unrecorded (the row
    named the thresholds before it). Here the administrator's change is open when the
    approval starts, and is what the approval's row says it replaced."""
    import threading
    import time

    from sigverify.core.store.people import write_thresholds

    with Store(desks["super_bo"]) as bo:
        pending = bo.set_person_thresholds("c-1", 0.3, 0.6, "super_bo", model="m1@abcd")
    done = []

    def approve():
        with Store(desks["super_cy"]) as cy:
            done.append(cy.decide(pending.id, approve=True))

    approval = threading.Thread(target=approve)
    with Store(desks["admin"]) as admin, admin.transaction() as db:
        write_thresholds(db, admin.seal, "c-1", 0.11, 0.22, "m1@abcd")
        admin._append(db, "admin", "set_thresholds", "c-1", {"accept": 0.11, "reject": 0.22})
        approval.start()
        with raw(desks["admin"]) as watch:  # until the approval waits for this change
            for _ in range(200):
                waiting = watch.execute(
                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                ).fetchone()[0]
                if waiting:
                    break
                time.sleep(0.05)
        assert waiting and not done
    approval.join(30)
    assert done and done[0].status == "approved"
    with Store(desks["admin"]) as admin:
        row = admin.audit_entries()[-1]
        assert (row.operator, row.action) == ("super_cy", "set_thresholds")
        assert row.details["before"] == {"accept": 0.11, "reject": 0.22, "model": "m1@abcd"}
        person = admin.get_person("c-1")
        assert (person.accept_threshold, person.reject_threshold) == (0.3, 0.6)
        assert admin.verify_audit_chain() == (True, None)


def test_deletions_and_a_model_switch_wait_too_and_a_rejection_changes_nothing(desks):
    with Store(desks["super_bo"]) as bo:
        reference = bo.references("c-1")[0].id
        removal = bo.remove_reference(reference, "super_bo")
        deletion = bo.delete_person("c-1", "super_bo")
        switch = bo.set_settings_audited(
            {"active_model": "/models/new", "models_used": '["/models/new"]'},
            "super_bo",
            "activate_model",
            {"model": "new"},
        )
        assert [c.kind for c in bo.pending_changes()] == [
            "remove_reference",
            "delete_person",
            "settings",
        ]
        assert bo.get_setting("active_model") is None
    with Store(desks["super_cy"]) as cy:
        cy.decide(removal.id, approve=True)
        assert [r.id for r in cy.references("c-1")] == [reference + 1]
        cy.decide(deletion.id, approve=False)
        assert cy.get_person("c-1").reference_count == 1  # rejected: still there
        cy.decide(switch.id, approve=True)
        assert cy.get_setting("active_model") == "/models/new"
        actions = [(e.operator, e.action) for e in cy.audit_entries()[-3:]]
        assert actions == [
            ("super_cy", "remove_reference"),
            ("super_cy", "reject_change"),
            ("super_cy", "activate_model"),
        ]
    with Store(desks["super_bo"]) as bo:  # withdrawing one's own request is a rejection
        again = bo.delete_person("c-1", "super_bo")
        assert bo.decide(again.id, approve=False).status == "rejected"


def test_an_approval_the_audit_log_does_not_record_is_refused_by_the_server(desks):
    with Store(desks["super_bo"]) as bo:
        pending = bo.delete_person("c-1", "super_bo")
    with raw(desks["super_cy"]) as db, pytest.raises(psycopg.errors.InsufficientPrivilege):
        db.execute("SELECT sigverify_decide(%s, true)", (pending.id,))
    with raw(desks["super_bo"]) as db, pytest.raises(psycopg.errors.InsufficientPrivilege):
        db.execute(  # nor a request made without its audit row
            "INSERT INTO pending_changes (kind, person_id, payload, requested_at) "
            "VALUES ('delete_person', 'c-1', '{}', 'now')"
        )
    with Store(desks["admin"]) as admin:
        assert admin.get_person("c-1").reference_count == 2
        assert [c.id for c in admin.pending_changes()] == [pending.id]


def test_an_edited_audit_row_is_found(desks):
    with raw(desks["admin"]) as db:  # only the administrator's account can
        db.execute("UPDATE audit_log SET details = '{\"added\": 5}' WHERE id = 1")
    with Store(desks["admin"]) as admin:
        assert admin.verify_audit_chain() == (False, 1)


WRITER = """
import sys
from sigverify.core.store import Store
with Store(sys.argv[1]) as store:
    for i in range(int(sys.argv[2])):
        store.record("x", "verify", "c-1", {"n": i})
print("ok")
"""


def test_several_desks_writing_at_once_lose_nothing_and_keep_the_chain(desks):
    urls = [desks["clerk_ann"], desks["super_bo"], desks["super_cy"], desks["clerk_ann"]]
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", textwrap.dedent(WRITER), url, "25"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for url in urls
    ]
    outcomes = [p.communicate(timeout=120) for p in processes]
    assert all(p.returncode == 0 for p in processes), [err for _, err in outcomes]
    with Store(desks["admin"]) as admin:
        entries = admin.audit_entries()
        verifications = [e for e in entries if e.action == "verify"]
        assert len(verifications) == 100
        assert [e.id for e in entries] == list(range(1, len(entries) + 1))
        assert sorted({e.operator for e in verifications}) == ["clerk_ann", "super_bo", "super_cy"]
        assert admin.verify_audit_chain() == (True, None)


def test_a_refused_password_is_never_shown(postgres_server, desks):
    database = desks["admin"].rsplit("/", 1)[1]
    closed = f"postgresql://ann:hunter2@127.0.0.1:{postgres_server.port + 1}/{database}"
    with pytest.raises(StoreError) as refused:
        Store(closed, timeout=1)
    assert "hunter2" not in str(refused.value) and "ann:***@" in str(refused.value)


def test_everyones_thresholds_and_a_model_switch_wait_for_a_second_supervisor(
    desks, tiny_model_dir, tmp_path
):
    from sigverify.core.active_model import activate_model, active_model_dir
    from sigverify.core.model.inference import load_for_inference
    from sigverify.core.store.records import PendingChange
    from sigverify.core.verification import VerificationService, model_id_of
    from sigverify.core.verification_results import SignatureInput
    from tests.conftest import signature_file

    model = load_for_inference(tiny_model_dir)
    with Store(desks["admin"]) as admin:  # c-1's stand-in bytes are no pictures to re-embed
        admin.delete_person("c-1", "admin")
    with Store(desks["super_bo"]) as bo:
        service = VerificationService(bo, model)
        pictures = [SignatureInput.from_path(signature_file(tmp_path, 1, i)) for i in range(3)]
        service.enroll("c-2", pictures, accept_outliers=True)
        before = service.model_thresholds()
        asked = service.set_global_thresholds(0.3, 0.6, preset=0.05)
        assert isinstance(asked, PendingChange) and asked.action == "setting"
        assert service.model_thresholds() == before  # not yet
        switch = activate_model(bo, model)
        assert isinstance(switch, PendingChange) and switch.action == "activate_model"
        # the references are embedded with the new model already, so approving is instant
        assert bo.references_missing_embedding(model_id_of(model)) == []
        assert bo.get_setting("active_model") is None
    with Store(desks["super_cy"]) as cy:
        cy.decide(asked.id, approve=True)
        cy.decide(switch.id, approve=True)
        service = VerificationService(cy, model)
        thresholds = service.model_thresholds()
        assert (thresholds.accept, thresholds.reject, thresholds.source) == (0.3, 0.6, "global")
        assert active_model_dir(cy) == model.path.resolve()
        assert cy.verify_audit_chain() == (True, None)


def test_a_pen_model_switch_and_its_band_wait_for_a_second_supervisor(
    desks, tiny_model_dir, tiny_pen_model_dir
):
    from sigverify.core.active_model import activate_model, active_pen_model_dir
    from sigverify.core.model.inference import load_for_inference
    from sigverify.core.pen_verification import PenScorer, fusion_thresholds
    from sigverify.core.store.records import PendingChange
    from sigverify.core.verification import VerificationService

    pen = load_for_inference(tiny_pen_model_dir)
    with Store(desks["clerk_ann"]) as ann, pytest.raises(NotAllowedError):
        activate_model(ann, pen)  # a clerk may not switch models
    with Store(desks["super_bo"]) as bo:
        switch = activate_model(bo, pen)
        assert isinstance(switch, PendingChange) and switch.action == "activate_model"
        service = VerificationService(bo, load_for_inference(tiny_model_dir), pen=PenScorer(pen))
        band = service.set_fusion_thresholds(0.8, 1.25)
        assert isinstance(band, PendingChange)
        assert bo.get_setting("active_pen_model") is None  # not yet
    with Store(desks["super_cy"]) as cy:
        assert cy.pending_changes()[-2].details["path"] == str(pen.path.resolve())
        cy.decide(switch.id, approve=True)
        cy.decide(band.id, approve=True)
        assert active_pen_model_dir(cy) == pen.path.resolve()
        applied = fusion_thresholds(cy, pen.card)
        assert (applied.accept, applied.reject, applied.source) == (0.8, 1.25, "global")
        assert cy.verify_audit_chain() == (True, None)


def test_a_large_reference_image_goes_in_and_comes_back_whole(desks):
    import os

    picture = os.urandom(6_000_000)  # a 6 MB photo of a signature
    large = NewReference("photo.jpg", picture, b"png", np.ones(4, np.float32))
    with Store(desks["clerk_ann"]) as store:
        (reference,) = store.add_references("c-9", "Big", "", "m1", [large], "clerk_ann")
        assert store.reference_images(reference)[0] == picture


def test_raw_sql_can_neither_break_the_chain_nor_write_unrecorded(desks):
    with Store(desks["admin"]) as admin:
        last = admin.audit_entries()[-1]
        reference = admin.references("c-1")[0].id
    attempts = [
        # a row out of turn, a row with a made-up hash, a row under another name
        f"INSERT INTO audit_log (id, at, operator, action, details, previous_hash, hash) "
        f"VALUES ({last.id + 1000}, 'now', 'clerk_ann', 'verify', '{{}}', '{last.hash}', 'x')",
        f"INSERT INTO audit_log (id, at, operator, action, details, previous_hash, hash) "
        f"VALUES ({last.id + 1}, 'now', 'clerk_ann', 'verify', '{{}}', '{last.hash}', 'x')",
        # a reference or an embedding without its audit row (the commit refuses it)
        "INSERT INTO signature_references (person_id, filename, image_sha256, image, "
        "preprocessed_png, enrolled_by, enrolled_at) VALUES ('c-1', 'f.png', 'ab', '\\x00', "
        "'\\x00', 'clerk_ann', 'now')",
        f"INSERT INTO embeddings (reference_id, model_id, vector) VALUES ({reference}, 'm2', "
        "'\\x00')",
        # a reference under another account's name
        "INSERT INTO signature_references (person_id, filename, image_sha256, image, "
        "preprocessed_png, enrolled_by, enrolled_at) VALUES ('c-1', 'f.png', 'ab', '\\x00', "
        "'\\x00', 'super_bo', 'now')",
    ]
    with raw(desks["clerk_ann"]) as db:
        for statement in attempts:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                db.execute(statement)
    with Store(desks["admin"]) as admin:
        assert admin.audit_entries()[-1] == last and admin.verify_audit_chain() == (True, None)
        assert len(admin.references("c-1")) == 2


def test_a_change_is_shown_and_applied_from_the_same_payload(desks):
    with Store(desks["clerk_ann"]) as ann:
        other = ann.add_references("c-2", "Bo", "", "m1", [ref("z.png")], "clerk_ann")[0]
    with raw(desks["super_bo"]) as db:
        for payload in (
            f'{{"action": "remove_reference", "reference": {other}}}',  # not one of c-1's
            '{"action": "setting", "settings": {"operator": "x"}}',  # not a risky setting
        ):
            kind = "remove_reference" if "reference" in payload else "settings"
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                db.execute(
                    "INSERT INTO pending_changes (kind, person_id, payload, requested_at) "
                    "VALUES (%s, 'c-1', %s, 'now')",
                    (kind, payload),
                )
    with Store(desks["super_bo"]) as bo, bo.transaction() as db:  # its audit row says otherwise
        change = db.execute(
            "INSERT INTO pending_changes (kind, person_id, payload, requested_by, "
            "requested_at) VALUES ('thresholds', 'c-1', ?, 'super_bo', 'now') RETURNING id",
            ('{"action": "set_thresholds", "accept": 0.9, "reject": 0.95}',),
        ).fetchone()[0]
        claim = {"change": change, "action": "set_thresholds", "accept": 0.25, "reject": 0.5}
        bo._append(db, "", "request_change", "c-1", claim)
    with Store(desks["super_cy"]) as cy:
        (shown,) = cy.pending_changes()
        assert (shown.details["accept"], shown.details["reject"]) == (0.9, 0.95)
        cy.decide(change, approve=True)
        person = cy.get_person("c-1")
        assert (person.accept_threshold, person.reject_threshold) == (0.9, 0.95)
        assert cy.audit_entries()[-1].details["accept"] == 0.9  # recorded as applied


def test_a_temporary_table_cannot_stand_in_for_the_audit_log(desks):
    with Store(desks["super_bo"]) as bo:
        pending = bo.delete_person("c-1", "super_bo")
    with raw(desks["super_cy"]) as db:
        db.execute("CREATE TEMP TABLE audit_log (details TEXT, operator TEXT, action TEXT)")
        db.execute(
            "INSERT INTO audit_log VALUES (%s, 'super_cy', 'delete_person')",
            (f'{{"change": {pending.id}}}',),
        )
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            db.execute("SELECT sigverify_decide(%s, true)", (pending.id,))
    with Store(desks["admin"]) as admin:
        assert admin.get_person("c-1").reference_count == 2


def test_text_with_quotes_lines_and_chinese_is_hashed_alike_by_sigverify_and_the_server(desks):
    with Store(desks["clerk_ann"]) as store:
        store.record("x", "verify", "c-1", {"comment": 'He said "no"\n第二行 \\ \t end'})
        assert store.verify_audit_chain() == (True, None)
