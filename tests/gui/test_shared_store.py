"""The app on a store shared through a PostgreSQL server: what each role's window lets
them do and says, a supervisor's change sent for approval, and another supervisor
approving it in the Approvals dialog."""

from __future__ import annotations

import pytest

from sigverify.core.model_settings import ACTIVE_MODEL_SETTING
from sigverify.core.store import Store
from sigverify.gui.shared_store import needs_password, with_password
from tests.conftest import signature_file
from tests.gui.conftest import wait_idle


@pytest.fixture
def shared(postgres_server, server_store_url, tiny_model_dir, tmp_path):
    """A shared store with the tiny model active and c-1 enrolled; its desks' URLs."""
    from sigverify.core.model.inference import load_for_inference
    from sigverify.core.verification import VerificationService
    from sigverify.core.verification_results import SignatureInput

    database = server_store_url.rsplit("/", 1)[1]
    for name, role in (("gui_ann", "clerk"), ("gui_bo", "supervisor"), ("gui_cy", "supervisor")):
        postgres_server.login(name, f"sigverify_{role}")
    with Store(server_store_url) as store:
        store.set_setting(ACTIVE_MODEL_SETTING, str(tiny_model_dir), "admin")
        service = VerificationService(store, load_for_inference(tiny_model_dir))
        signatures = [SignatureInput.from_path(signature_file(tmp_path, 1, i)) for i in range(3)]
        service.enroll("c-1", signatures, "Ana", "", accept_outliers=True)
    return {n: postgres_server.url(database, n) for n in ("gui_ann", "gui_bo", "gui_cy")}


def open_window(qtbot, url):
    from sigverify.gui.main_window import create_main_window

    main = create_main_window(url, threads=1)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitUntil(lambda: main.engine.model is not None, timeout=30000)
    wait_idle(qtbot, main.engine)
    return main


def test_a_clerks_window_keeps_what_is_for_supervisors_disabled_and_says_why(
    qtbot, shared, dialogs
):
    from sigverify.gui.main_window import close_main_window

    main = open_window(qtbot, shared["gui_ann"])
    try:
        assert "gui_ann, clerk" in main.store_button.text()
        for action in (main.backups.back_up_action, main.backups.restore_action):
            assert not action.isEnabled() and "backed up on its server" in action.toolTip()
        assert not main.operator_button.isEnabled()
        assert "gui_ann" in main.operator_button.text()
        assert main.approvals_button.isVisible() and main.approvals_button.text() == "Approvals (0)"
        main.people_page.show_person("c-1")
        wait_idle(qtbot, main.engine)
        for button in (
            main.people_page.delete_button,
            main.people_page.reference_panel.remove_button,
            main.thresholds_page.apply_all,
            main.thresholds_page.apply_person,
            main.models_page.activate_button,
        ):
            button.setEnabled(True)  # what the page does when something is selected
            assert not button.isEnabled()
            assert "clerk" in button.toolTip() and "supervisor" in button.toolTip()
    finally:
        close_main_window(main)


def test_a_supervisors_change_waits_and_another_approves_it(qtbot, shared, dialogs):
    from sigverify.gui.main_window import close_main_window
    from sigverify.gui.shared_store import ApprovalsDialog

    bo = open_window(qtbot, shared["gui_bo"])
    try:
        page = bo.thresholds_page
        page.refresh()
        wait_idle(qtbot, bo.engine)
        index = page.person.findData("c-1")
        assert index >= 0
        page.person.setCurrentIndex(index)
        # within the controls' range (up to the highest score seen: the model's scale)
        page.accept.setValue(0.4 * page.accept.high)
        page.reject.setValue(0.6 * page.reject.high)
        asked = (page.accept.value(), page.reject.value())  # as the controls hold them
        assert asked[0] < asked[1]
        page.apply_to_person()
        wait_idle(qtbot, bo.engine)
        assert "waits for another supervisor" in dialogs.infos[-1]
        assert "waits for another supervisor" in page.applied.text()
        assert bo.store.get_person("c-1").accept_threshold is None
        own = ApprovalsDialog(bo.engine, bo.store)
        qtbot.addWidget(own)
        assert own.table.rowCount() == 1
        own.decide(True)  # one's own request: refused and explained
        wait_idle(qtbot, bo.engine)
        assert "another supervisor" in str(dialogs.errors[-1])
    finally:
        close_main_window(bo)
    cy = open_window(qtbot, shared["gui_cy"])
    try:
        cy.show_approvals_count()
        assert cy.approvals_button.text() == "Approvals (1)"
        dialog = ApprovalsDialog(cy.engine, cy.store)
        qtbot.addWidget(dialog)
        assert dialog.table.item(0, 1).text() == "gui_bo"
        assert dialog.table.item(0, 4).text() == "c-1"
        dialog.decide(True)
        wait_idle(qtbot, cy.engine)
        assert dialog.table.rowCount() == 0 and "approved" in dialog.message.text()
        person = cy.store.get_person("c-1")
        assert (person.accept_threshold, person.reject_threshold) == asked
        last = cy.store.audit_entries()[-1]
        assert (last.operator, last.details["requested_by"]) == ("gui_cy", "gui_bo")
    finally:
        close_main_window(cy)


def test_a_password_is_asked_only_when_the_address_lacks_one():
    url = "postgresql://ann@server:5432/sigverify"
    refused = Exception("fe_sendauth: no password supplied")
    assert needs_password(url, refused)
    assert not needs_password(url, Exception("connection refused"))
    assert not needs_password("postgresql://ann:pw@server/sigverify", refused)
    assert not needs_password("/tmp/store.sqlite3", refused)
    assert with_password(url, "p@ss/w") == "postgresql://ann:p%40ss%2Fw@server:5432/sigverify"
