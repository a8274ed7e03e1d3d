"""The People page's person cards: a person exported to one file and imported, as at
another desk, under another ID when theirs is taken; a damaged file said, nothing lost."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QInputDialog

from sigverify.core.person_card import read_card
from tests.conftest import signature_file
from tests.gui.conftest import wait_idle
from tests.gui.test_app import enrol


@pytest.fixture
def ana(qtbot, window, tmp_path):
    enrol(qtbot, window, "c-1", [signature_file(tmp_path, 1, i) for i in range(4)], name="Ana")
    window.store.set_person_thresholds("c-1", 0.2, 0.4, "test")
    page = window.people_page
    page.refresh()
    return page


@pytest.fixture
def branch_card(qtbot, window, ana, tmp_path):
    """A card from another branch's store: the ID c-1 again, of an Ana Lima there, with
    another signer's scans (writer 3); nothing of it is in this store."""
    from sigverify.core.person_card import export_person
    from tests.core.test_verification import edited_card

    files = [signature_file(tmp_path / "branch", 3, i) for i in range(4)]
    enrol(qtbot, window, "c-5", files, name="Ana Lima")
    window.store.set_person_thresholds("c-5", 0.2, 0.4, "test")
    card = export_person(window.store, "c-5", tmp_path / "c-5.zip", "test")
    card = edited_card(card, tmp_path, id="c-1").rename(tmp_path / "branch-card.zip")
    window.store.delete_person("c-5", "test")
    ana.refresh()
    return str(card)


def choose(page, person_id: str) -> None:
    rows = {
        page.people.item(i).data(Qt.ItemDataRole.UserRole): i for i in range(page.people.count())
    }
    page.people.setCurrentRow(rows[person_id])


def test_a_person_exported_and_imported_under_another_id(
    qtbot, window, ana, branch_card, dialogs, monkeypatch, tmp_path
):
    page, cards = ana, ana.cards
    page.new_person()
    assert not cards.export_button.isEnabled()  # nobody chosen
    choose(page, "c-1")
    assert cards.export_button.isEnabled()
    offered = []

    def save_as(parent, title, kind, name, filters):
        offered.append((kind, name, filters))
        return str(tmp_path / name)

    monkeypatch.setattr("sigverify.gui.person_cards.ask_save", save_as)
    protecting = []  # (the dialog itself: test_a_card_protected_by_a_passphrase…)

    def no_passphrase(parent, person, file):
        protecting.append((person, file))
        return ""  # Save without a passphrase

    monkeypatch.setattr("sigverify.gui.person_cards.ask_new_card_passphrase", no_passphrase)
    # a name changed and not saved yet is asked about first, and the card holds it (it
    # held the stored one while the screen showed the new: a review found)
    page.details.name_edit.setText("Ana Lima")
    dialogs.choice = 0  # Save
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window, Qt.Key.Key_X, Qt.KeyboardModifier.AltModifier)  # Export card…
    qtbot.waitUntil(lambda: bool(offered))  # (a mnemonic clicks a moment later)
    assert dialogs.questions[-1] == "The name or note of c-1 was changed. Save the changes?"
    wait_idle(qtbot, window.engine)
    assert offered == [("cards", "c-1-card.zip", "Person cards (*.zip)")]
    assert protecting == [("Ana Lima (c-1)", "c-1-card.zip")]  # (the name just saved)
    card = read_card(tmp_path / "c-1-card.zip")
    assert (card.id, card.name, card.accept_threshold, len(card.signatures)) == (
        "c-1",
        "Ana Lima",
        0.2,
        4,
    )
    assert page.status.text() == (
        "c-1's card is saved as c-1-card.zip, without a passphrase: anyone holding the file "
        "can see the signatures."
    )

    # a card of the person here is refused before anything is asked: they are here (a
    # copy imported under a new ID made one person two, unsaid: seen in a real window)
    page.cards.import_card(str(tmp_path / "c-1-card.zip"))
    assert not page.cards.import_button.isEnabled()  # opened in the worker, once at a time
    wait_idle(qtbot, window.engine)
    (error,) = dialogs.errors
    assert str(error).startswith("The card's “w1_g0.png” is enrolled here already, for Ana Lima")
    dialogs.errors.clear()
    # another branch's c-1: the ID is taken here, so another one is asked for
    monkeypatch.setattr("sigverify.gui.person_cards.ask_open", lambda *a: branch_card)
    asked = []

    answers = iter(["c-1", "C-1", "", "c-2"])  # the same again; c-1 in capitals; nothing

    def another_id(parent, title, label, **kw):
        asked.append((label, kw.get("text")))
        return next(answers), True

    monkeypatch.setattr(QInputDialog, "getText", another_id)
    cards.import_button.setFocus()  # (reached by Tab: then its being disabled moved it)
    qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)  # Import card…
    qtbot.waitUntil(lambda: len(asked) == 4)
    wait_idle(qtbot, window.engine)
    assert asked == [
        (
            "Ana Lima (c-1) is already enrolled here. Type another ID in this store for the "
            "card's person:",
            "c-1",
        ),
        (  # (the same ID again was asked about in the same words: seen)
            "“c-1” is taken too: Ana Lima (c-1) has it. Another ID for Ana Lima (c-1):",
            "c-1",
        ),
        (
            "“C-1” is taken too: Ana Lima (c-1) has it (IDs differing only in capitals are the "
            "same ID). Another ID for Ana Lima (c-1):",
            "C-1",
        ),
        ("Type an ID for Ana Lima (c-1) in this store:", ""),  # (OK on nothing gave up unsaid)
    ]
    person = window.store.get_person("c-2")
    assert (person.name, person.reference_count, person.accept_threshold) == ("Ana Lima", 4, 0.2)
    assert (
        page.person_id == "c-2"
        and page.people.currentItem().data(Qt.ItemDataRole.UserRole) == "c-2"
    )
    assert page.status.text() == "Imported Ana Lima (c-2) with 4 references from branch-card.zip."
    assert [e.action for e in window.store.audit_entries("c-2")][-2:] == [
        "import_person",
        "set_thresholds",
    ]
    assert window.store.get_person("c-1").reference_count == 4  # untouched
    # the keys stay on the list, on them (they went to the read-only ID field: seen)
    assert page.people.hasFocus()
    exported = [e for e in window.store.audit_entries("c-1") if e.action == "export_person"]
    assert [e.details for e in exported] == [
        {"file": "c-1-card.zip", "references": 4, "protected": False}
    ]
    assert not dialogs.errors


def test_cancel_imports_nothing_and_a_damaged_card_is_said(
    qtbot, window, ana, branch_card, dialogs, monkeypatch, tmp_path
):
    from pathlib import Path

    page = ana
    card = Path(branch_card)
    monkeypatch.setattr("sigverify.gui.person_cards.ask_open", lambda *a: str(card))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **kw: ("", False))
    page.cards.import_card()
    wait_idle(qtbot, window.engine)
    assert [p.id for p in window.store.list_people()] == ["c-1"] and not dialogs.errors

    damaged = tmp_path / "damaged.zip"
    damaged.write_bytes(card.read_bytes()[:-200])
    page.cards.import_card(str(damaged))
    wait_idle(qtbot, window.engine)
    (error,) = dialogs.errors
    assert "“damaged.zip” is not a sigverify person card, or it is damaged." in str(error)
    assert [p.id for p in window.store.list_people()] == ["c-1"]
    assert page.cards.import_button.isEnabled()


def test_import_anyway_and_an_import_ending_after_the_clerk_went_on(
    qtbot, window, ana, branch_card, dialogs, monkeypatch, tmp_path
):
    import sigverify.gui.person_cards as module
    from sigverify.core.odd_references import InconsistentReferencesError, OddReference

    page, card = ana, branch_card
    new_ids = iter(["c-7", "c-8"])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **kw: (next(new_ids), True))
    real, calls = module.import_person, []

    def unlike_first(service, path, person_id, accept_outliers, card):
        calls.append(accept_outliers)
        if not calls[1:]:  # the first time, as a card holding another's signature would be
            odd = OddReference("001_a.png", 2.0, 1.0)
            raise InconsistentReferencesError("“001_a.png” looks unlike the others.", [odd])
        return real(service, path, person_id, accept_outliers, card=card)

    monkeypatch.setattr(module, "import_person", unlike_first)
    dialogs.answer = True  # Import anyway
    page.cards.import_card(card)
    qtbot.waitUntil(lambda: window.store.enrolled_id("c-7") is not None)
    wait_idle(qtbot, window.engine)
    assert calls == [False, True]
    assert dialogs.questions == [
        "“001_a.png” looks unlike the others.\n\nImport anyway? Cancel imports nothing."
    ]
    assert page.person_id == "c-7"

    # A review found the import's end showing the person imported whatever the clerk did
    # meanwhile: a name typed for a new person went, signatures added stayed under them
    window.store.delete_person("c-7", "test")  # (their images are free again)
    page.refresh()
    page.cards.import_card(card)
    page.new_person()  # (before the import's end can reach the page)
    page.details.id_edit.setText("c-9")
    page.details.name_edit.setText("Bo")
    wait_idle(qtbot, window.engine)
    assert window.store.get_person("c-8").reference_count == 4
    assert page.person_id is None and page.details.name_edit.text() == "Bo"
    assert page.status.text() == "Imported Ana Lima (c-8) with 4 references from branch-card.zip."
    listed = [
        page.people.item(i).data(Qt.ItemDataRole.UserRole) for i in range(page.people.count())
    ]
    assert "c-8" in listed and not dialogs.errors


def test_alt_n_and_alt_o_reach_the_name_and_note(qtbot, window, ana):
    """A real-window pass: the name field was 7 Tabs from the list."""
    page = ana
    choose(page, "c-1")
    window.activateWindow()
    qtbot.waitActive(window)
    page.search.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert page.details.name_edit.hasFocus()
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    assert page.details.note_edit.hasFocus()


@pytest.fixture
def quick_scrypt(monkeypatch):
    """The app stretches a passphrase for half a second; the tests need not."""
    from sigverify.core import backup_encryption

    monkeypatch.setattr(backup_encryption, "_SCRYPT", {"n": 1 << 10, "r": 8, "p": 1})


def test_the_card_passphrase_dialog_refuses_a_weak_one_or_saves_without(qtbot):
    from sigverify.gui.card_passphrase import CardPassphraseDialog

    dialog = CardPassphraseDialog(None, "Ana (c-1)", "c-1-card.zip")
    qtbot.addWidget(dialog)
    dialog.show()
    assert (
        dialog.findChildren(type(dialog.problem))[0]
        .text()
        .startswith("The card “c-1-card.zip” holds the signatures of Ana (c-1). With a passphrase")
    )
    dialog.passphrase.setText("qwertyuiop")
    dialog.again.setText("qwertyuiop")
    dialog.protect()  # a run of keys: refused, said in red, the dialog stays
    assert dialog.chosen is None and dialog.isVisible()
    assert dialog.problem.text().startswith("That passphrase is easy to guess")
    dialog.passphrase.setText("otters by the weir")
    dialog.again.setText("otters by the wier")
    dialog.protect()
    assert dialog.problem.text() == "The two passphrases are not the same: type it again."
    assert dialog.focusWidget() is dialog.again and dialog.chosen is None
    dialog.again.setText("otters by the weir")
    qtbot.keyClick(dialog.again, Qt.Key.Key_Return)  # Enter protects (it did nothing: seen)
    assert dialog.chosen == "otters by the weir" and not dialog.isVisible()
    assert dialog.passphrase.text() == dialog.again.text() == ""  # gone with the dialog

    # Tab: the fields, then the buttons in the order shown, Cancel last; each its own Alt key
    buttons = dialog.findChild(QDialogButtonBox).buttons()
    order, widget = [], dialog.passphrase
    for _ in range(5):
        order.append(widget)
        widget = widget.nextInFocusChain()
        while widget.focusPolicy() == Qt.FocusPolicy.NoFocus or widget not in (
            dialog.passphrase,
            dialog.again,
            *buttons,
        ):
            widget = widget.nextInFocusChain()
    assert [w.text() if w in buttons else w for w in order] == [
        dialog.passphrase, dialog.again, "Protect and &save", "Save &without a passphrase",
        "Cancel",
    ]  # fmt: skip

    plain = CardPassphraseDialog(None, "Ana (c-1)", "c-1-card.zip")
    qtbot.addWidget(plain)
    plain.show()
    plain.plain_button.click()
    assert plain.chosen == "" and not plain.isVisible()


def test_a_card_protected_by_a_passphrase_is_exported_and_imported_with_it(
    qtbot, window, ana, dialogs, monkeypatch, tmp_path, quick_scrypt
):
    """A card holds a person's signatures, on a stick or in an e-mail: it was written in
    the clear (stop 69). Exported with a passphrase; importing asks for it, a wrong one
    said and asked again, Cancel imports nothing."""
    import sigverify.gui.person_cards as module

    page = ana
    choose(page, "c-1")
    path = tmp_path / "c-1-card.zip"
    monkeypatch.setattr(module, "ask_save", lambda *a: str(path))
    monkeypatch.setattr(module, "ask_new_card_passphrase", lambda *a: "otters by the weir")
    page.cards.export_card()
    wait_idle(qtbot, window.engine)
    assert page.status.text() == (
        "c-1's card is saved as c-1-card.zip, protected by the passphrase: importing it asks "
        "for it."
    )
    assert b"person.json" not in path.read_bytes()
    # a second export cancelled at its passphrase: the line no longer says a card is saved
    monkeypatch.setattr(module, "ask_new_card_passphrase", lambda *a: None)
    page.cards.export_card()
    assert page.status.text() == "Nothing was saved."
    window.store.delete_person("c-1", "test")  # (as at another desk: nobody of it here)
    page.refresh()

    typed, asked = iter([None]), []

    def passphrase(parent, card, refused, tries):
        asked.append((card, refused, tries))
        return next(typed)

    monkeypatch.setattr(module, "ask_card_passphrase", passphrase)
    page.cards.import_card(str(path))  # cancelled when asked: nothing imported, nothing said
    wait_idle(qtbot, window.engine)
    assert asked == [(str(path), None, 0)] and window.store.list_people() == []
    assert not dialogs.errors
    typed, asked[:] = iter(["otters by the wall", "otters by the weir"]), []
    page.cards.import_card(str(path))
    wait_idle(qtbot, window.engine)
    wrong = (
        "“c-1-card.zip” does not open with that passphrase: type the one chosen when the card "
        "was exported."
    )
    assert asked == [(str(path), None, 0), (str(path), wrong, 1)]
    refused = [e for e in window.store.audit_entries() if e.action == "passphrase_refused"]
    assert [(e.person_id, e.details) for e in refused] == [
        (None, {"tried": "card", "key": "", "file": "c-1-card.zip"})
    ]  # (the cancelled ask refused nothing)
    person = window.store.get_person("c-1")
    assert (person.name, person.reference_count) == ("Ana", 4)
    assert page.status.text() == "Imported Ana (c-1) with 4 references from c-1-card.zip."
    assert not dialogs.errors
    entries = window.store.audit_entries("c-1")
    assert next(e for e in entries if e.action == "import_person").details["protected"] is True
