"""Person cards protected by a passphrase: written encrypted, read and imported with it
alone; a wrong or missing passphrase and a changed file each said as what they are."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from sigverify.core import backup_encryption
from sigverify.core.audit_view import summary
from sigverify.core.backup_encryption import PassphraseNeededError, WrongPassphraseError
from sigverify.core.card_encryption import ENVELOPE, PAYLOAD
from sigverify.core.errors import SigverifyError
from sigverify.core.model.io import load_model
from sigverify.core.person_card import export_person, import_person, read_card
from sigverify.core.store import Store
from sigverify.core.verification import VerificationService
from tests.core.test_verification import genuine

PASSPHRASE = "grey heron at dawn 7"


@pytest.fixture(autouse=True)
def quick_scrypt(monkeypatch):
    """The app stretches a passphrase for half a second; the tests need not."""
    monkeypatch.setattr(backup_encryption, "_SCRYPT", {"n": 1 << 10, "r": 8, "p": 1})


@pytest.fixture
def service(tmp_path, tiny_model_dir):
    with Store(tmp_path / "s.sqlite3") as store:
        yield VerificationService(store, load_model(tiny_model_dir), operator="clerk")


def rewritten(card, out, change):
    """``card`` written to ``out`` with ``change(name, data) -> data`` applied to each member."""
    with zipfile.ZipFile(card) as source, zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            target.writestr(name, change(name, source.read(name)))
    return out


def test_an_encrypted_card_holds_no_name_nor_signature_and_imports_with_its_passphrase(
    service, tmp_path, tiny_model_dir
):
    service.enroll("c-1", genuine(tmp_path, 1, 0, 1, 2), name="Ana Núñez", note="branch 4")
    card = export_person(service.store, "c-1", tmp_path / "c-1.zip", "clerk", PASSPHRASE)
    assert service.store.audit_entries("c-1")[-1].details == {
        "file": "c-1.zip", "references": 3, "protected": True
    }  # fmt: skip
    raw = card.read_bytes()
    with zipfile.ZipFile(card) as archive:
        assert sorted(archive.namelist()) == sorted([ENVELOPE, PAYLOAD])
        envelope = json.loads(archive.read(ENVELOPE))
        sealed = archive.read(PAYLOAD)
    assert envelope["kind"] == "sigverify-encrypted-card" and "salt" in envelope["stretch"]
    for clear in ("Ana Núñez".encode(), b"branch 4", b"person.json"):
        assert clear not in raw  # nothing of the person readable
    # short words are looked for outside the sealed part only: 3 random bytes in its
    # 60 kB are "c-1" once in about 280 cards (the test failed so in a CI run)
    outside = raw.replace(sealed, b"")
    assert len(outside) < len(raw) - 1000
    for clear in (b"Ana", b"w1_g0", b"c-1"):
        assert clear not in outside
    with pytest.raises(PassphraseNeededError, match="“c-1.zip” is protected by a passphrase"):
        read_card(card)
    with pytest.raises(WrongPassphraseError, match="“c-1.zip” does not open with that passph"):
        read_card(card, "grey heron at dusk 7")
    read = read_card(card, PASSPHRASE)
    assert (read.id, read.name, read.note, len(read.signatures)) == (
        "c-1",
        "Ana Núñez",
        "branch 4",
        3,
    )
    originals = [service.store.reference_images(r.id)[0] for r in service.store.references("c-1")]
    assert [s.data for s in read.signatures] == originals
    with Store(tmp_path / "other.sqlite3") as other_store:
        other = VerificationService(other_store, load_model(tiny_model_dir), "clerk2")
        with pytest.raises(PassphraseNeededError):
            import_person(other, card)
        assert other_store.audit_entries() == []  # (none typed: nothing refused)
        with pytest.raises(WrongPassphraseError):
            import_person(other, card, passphrase="grey heron at dusk 7")
        assert other_store.list_people() == []
        refused = other_store.audit_entries()  # guessing at a card leaves a trace
        assert [(e.operator, e.action, e.person_id, e.details) for e in refused] == [
            ("clerk2", "passphrase_refused", None, {"tried": "card", "key": "", "file": "c-1.zip"})
        ]
        assert summary(refused[0]) == "typed to open the person card “c-1.zip”"
        assert "dusk" not in json.dumps(refused[0].details)
        assert import_person(other, card, passphrase=PASSPHRASE) == "c-1"
        assert other_store.get_person("c-1").name == "Ana Núñez"
        imported = next(e for e in other_store.audit_entries("c-1") if e.action == "import_person")
        assert imported.details == {"file": "c-1.zip", "from_id": "c-1", "protected": True}


def test_a_card_read_already_is_imported_without_stretching_its_passphrase_again(
    service, tmp_path, tiny_model_dir, monkeypatch
):
    service.enroll("c-1", genuine(tmp_path, 1, 0, 1, 2), name="Ana")
    card = export_person(service.store, "c-1", tmp_path / "c-1.zip", "clerk", PASSPHRASE)
    read = read_card(card, PASSPHRASE)
    assert read.protected
    stretched = []
    monkeypatch.setattr(backup_encryption, "_stretched", lambda *a: stretched.append(a))
    with Store(tmp_path / "other.sqlite3") as other_store:
        other = VerificationService(other_store, load_model(tiny_model_dir), "clerk2")
        assert import_person(other, card, card=read) == "c-1"
    assert stretched == []


def test_a_changed_encrypted_card_is_damaged_not_a_wrong_passphrase(service, tmp_path):
    service.enroll("c-1", genuine(tmp_path, 1, 0, 1, 2))
    card = export_person(service.store, "c-1", tmp_path / "c-1.zip", "clerk", PASSPHRASE)

    def flip_a_byte(name, data):
        if name != PAYLOAD:
            return data
        return data[:100] + bytes([data[100] ^ 1]) + data[101:]

    def another_nonce(name, data):  # the envelope is bound to the card
        if name != ENVELOPE:
            return data
        header = json.loads(data)
        header["nonce"] = "AAAAAAAAAAAAAAAA"
        return json.dumps(header).encode()

    def another_cipher_named(name, data):  # any word of the envelope, formatting kept
        if name != ENVELOPE:
            return data
        assert b'"cipher": "scrypt AES-256-GCM"' in data
        return data.replace(b"AES-256-GCM", b"AES-256-GCX")

    for change in (flip_a_byte, another_nonce, another_cipher_named):
        changed = rewritten(card, tmp_path / f"{change.__name__}.zip", change)
        with pytest.raises(
            SigverifyError, match="is not a sigverify person card, or it is damaged"
        ):
            read_card(changed, PASSPHRASE)


def test_an_encrypted_card_asking_too_much_or_from_a_newer_version_is_refused_untried(
    service, tmp_path, monkeypatch
):
    service.enroll("c-1", genuine(tmp_path, 1, 0, 1, 2))
    card = export_person(service.store, "c-1", tmp_path / "c-1.zip", "clerk", PASSPHRASE)
    stretched = []
    monkeypatch.setattr(backup_encryption, "_stretched", lambda *a: stretched.append(a))

    def header_with(**changes):
        def change(name, data):
            if name != ENVELOPE:
                return data
            header = json.loads(data)
            for key, value in changes.items():
                if key == "n":
                    header["stretch"]["n"] = value
                else:
                    header[key] = value
            return json.dumps(header).encode()

        return change

    greedy = rewritten(card, tmp_path / "greedy.zip", header_with(n=1 << 26))  # 64 GiB
    with pytest.raises(SigverifyError, match="is not a sigverify person card, or it is damaged"):
        read_card(greedy, PASSPHRASE)
    newer = rewritten(card, tmp_path / "newer.zip", header_with(format=2))
    with pytest.raises(SigverifyError, match="was made by a newer version of sigverify"):
        read_card(newer, PASSPHRASE)
    endless = rewritten(card, tmp_path / "endless.zip", header_with(format=float("inf")))
    with pytest.raises(SigverifyError, match="is not a sigverify person card, or it is damaged"):
        read_card(endless, PASSPHRASE)  # (an OverflowError went to the crash handler)
    # an envelope of a few MB of blanks, deflated to kilobytes: refused unread
    blank = tmp_path / "blank.zip"
    with zipfile.ZipFile(card) as source, zipfile.ZipFile(blank, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr(ENVELOPE, b" " * 20_000_000 + source.read(ENVELOPE))
        out.writestr(PAYLOAD, source.read(PAYLOAD))
    assert blank.stat().st_size < 100_000
    with pytest.raises(SigverifyError, match="is not a sigverify person card, or it is damaged"):
        read_card(blank, PASSPHRASE)
    assert stretched == []  # none stretched a passphrase


def test_a_plain_card_still_reads_without_a_passphrase(service, tmp_path):
    service.enroll("c-1", genuine(tmp_path, 1, 0, 1, 2), name="Ana")
    card = export_person(service.store, "c-1", tmp_path / "c-1.zip", "clerk")
    assert b"person.json" in card.read_bytes()  # (not encrypted: as before)
    assert read_card(card).name == read_card(card, "a passphrase not needed").name == "Ana"
    with zipfile.ZipFile(io.BytesIO(card.read_bytes())) as archive:
        assert "person.json" in archive.namelist()
