"""A person's card: one zip file with their reference images (the original files) and a
``person.json`` (id, name, note, thresholds, who enrolled each reference and when), to move
a person between stores, encrypted with a passphrase when one is given
(:mod:`sigverify.core.card_encryption`). No pickles; images are checked against their
SHA-256 on import."""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

from sigverify.core.backup_encryption import refusal_recorded
from sigverify.core.card_encryption import PAYLOAD, decrypt_card, encrypt_card, is_encrypted_card
from sigverify.core.errors import NotAllowedError, SigverifyError
from sigverify.core.files import file_stem, write_atomically
from sigverify.core.i18n import translate
from sigverify.core.reference_checks import enrolled_elsewhere
from sigverify.core.store import Store
from sigverify.core.store.records import sha256_hex
from sigverify.core.verification import VerificationService
from sigverify.core.verification_results import SignatureInput

CARD_FORMAT = 1
MAX_MEMBER_BYTES = 64 * 1024 * 1024


def export_person(
    store: Store, person_id: str, out: str | Path, operator: str, passphrase: str | None = None
) -> Path:
    """Write ``person_id``'s card to ``out``, recorded in the audit log under ``operator``
    (a person's signatures leaving the store: a real-window pass found exports unlogged
    beside logged imports); encrypted with ``passphrase`` when given
    (:mod:`sigverify.core.card_encryption`). Whole or not at all: the card takes its place
    only once its export is recorded, and a failure before leaves a card of the same name
    as it was."""
    person = store.get_person(person_id)
    out = Path(out)
    card = io.BytesIO()  # (a person's references: a few MB)
    entries = []
    with zipfile.ZipFile(card, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for number, ref in enumerate(store.references(person_id), start=1):
            original, _ = store.reference_images(ref.id)
            member = f"references/{number:03d}_{Path(ref.filename).name}"
            archive.writestr(member, original)
            entries.append(
                {
                    "file": member,
                    "filename": ref.filename,
                    "sha256": ref.image_sha256,
                    "enrolled_by": ref.enrolled_by,
                    "enrolled_at": ref.enrolled_at,
                }
            )
        meta = {
            "format": CARD_FORMAT,
            "id": person.id,
            "name": person.name,
            "note": person.note,
            "accept_threshold": person.accept_threshold,
            "reject_threshold": person.reject_threshold,
            "thresholds_model": person.thresholds_model,
            "references": entries,
        }
        archive.writestr("person.json", json.dumps(meta, indent=2, ensure_ascii=False))
    details = {"file": out.name, "references": len(entries), "protected": bool(passphrase)}
    data = encrypt_card(card.getvalue(), passphrase) if passphrase else card.getvalue()
    write_atomically(out, data, lambda: store.record(operator, "export_person", person.id, details))
    return out


def card_file_name(person_id: str) -> str:
    """The name a card of ``person_id`` is offered under ("C-1042-card.zip")."""
    return f"{file_stem(person_id, 'person')}-card.zip"


#: Bounds on a card (a person has 5-10 references; a phone photo is a few MB).
MAX_META_BYTES = 1_000_000
MAX_REFERENCES = 50
MAX_TOTAL_BYTES = 200 * 1024 * 1024
MAX_TEXT = 1000


def _bad_card(path: Path, why: str) -> SigverifyError:
    return SigverifyError(
        translate(
            "errors", "“{name}” is not a sigverify person card, or it is damaged ({why})."
        ).format(name=path.name, why=why)
    )


def _checked_meta(meta, path: Path) -> dict:
    """``person.json`` with every field checked: types, finite thresholds in range with
    accept <= reject, bounded texts and counts. Nothing is written before this passes."""
    from sigverify.core.model.card_checks import MAX_THRESHOLD, is_finite_number

    if not isinstance(meta, dict):
        raise _bad_card(path, "person.json is not an object")
    if not isinstance(meta.get("format", 0), int) or meta.get("format", 0) > CARD_FORMAT:
        raise SigverifyError(
            translate(
                "errors", "“{name}” is a person card from a newer sigverify; update to import it."
            ).format(name=path.name)
        )
    person_id = meta.get("id")
    if not isinstance(person_id, str) or not person_id.strip() or len(person_id) > 200:
        raise _bad_card(path, "no usable id")
    for key in ("name", "note"):
        if not isinstance(meta.get(key, ""), str) or len(meta.get(key, "")) > MAX_TEXT:
            raise _bad_card(path, f"{key} is not a short text")
    band = [meta.get("accept_threshold"), meta.get("reject_threshold")]
    if any(t is not None and not is_finite_number(t, 0.0, MAX_THRESHOLD) for t in band):
        raise _bad_card(path, "thresholds must be numbers from 0 to 10")
    if None not in band and band[0] > band[1]:
        raise _bad_card(path, "the accept threshold is above the reject threshold")
    entries = meta.get("references")
    if not isinstance(entries, list) or not 1 <= len(entries) <= MAX_REFERENCES:
        raise _bad_card(path, f"it must hold 1 to {MAX_REFERENCES} references")
    for entry in entries:
        if not isinstance(entry, dict) or not all(
            isinstance(entry.get(key), str) and entry.get(key)
            for key in ("file", "filename", "sha256")
        ):
            raise _bad_card(path, "a reference entry lacks its file, name or checksum")
    return meta


@dataclass(frozen=True)
class PersonCard:
    """A card file read and checked whole: its person, their references (the original
    files, checksums matched) and their own thresholds, if any."""

    id: str
    name: str
    note: str
    accept_threshold: float | None
    reject_threshold: float | None
    thresholds_model: str | None
    signatures: list[SignatureInput]
    protected: bool = False  # read from a card encrypted with a passphrase


def read_card(path: str | Path, passphrase: str | None = None) -> PersonCard:
    """The card at ``path``, checked whole (fields, sizes, checksums); a clear error for a
    file that is not a card, is damaged, or is from a newer sigverify. An encrypted card
    opens with ``passphrase`` (:class:`PassphraseNeededError` without one,
    :class:`WrongPassphraseError` with another)."""
    path = Path(path)
    try:
        archive, protected = _plain_card(path, passphrase)
        with archive:
            info = archive.getinfo("person.json")
            if info.file_size > MAX_META_BYTES:
                raise _bad_card(path, "person.json is too large")
            meta = _checked_meta(json.loads(archive.read(info).decode("utf-8")), path)
            members = [archive.getinfo(entry["file"]) for entry in meta["references"]]
            if any(m.file_size > MAX_MEMBER_BYTES for m in members) or (
                sum(m.file_size for m in members) > MAX_TOTAL_BYTES
            ):
                raise SigverifyError(
                    translate("errors", "“{name}” holds an image too large to import.").format(
                        name=path.name
                    )
                )
            signatures = []
            for entry, member in zip(meta["references"], members, strict=True):
                data = archive.read(member)
                if sha256_hex(data) != entry["sha256"]:
                    raise SigverifyError(
                        translate(
                            "errors", "“{name}” is damaged: {filename} does not match its checksum."
                        ).format(name=path.name, filename=entry["filename"])
                    )
                signatures.append(SignatureInput(entry["filename"], data))
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError, RecursionError,
            OverflowError) as error:  # fmt: skip
        raise SigverifyError(
            translate(
                "errors", "“{name}” is not a sigverify person card, or it is damaged."
            ).format(name=path.name)
        ) from error
    return PersonCard(
        meta["id"].strip(),
        meta.get("name", ""),
        meta.get("note", ""),
        meta.get("accept_threshold"),
        meta.get("reject_threshold"),
        meta.get("thresholds_model"),  # (None: a card from before it was kept)
        signatures,
        protected,
    )


def check_not_enrolled(store: Store, card: PersonCard) -> None:
    """Refuse a card whose references are enrolled here already, for anyone: its person is
    here (a card imported again under a new ID made one person two, unsaid: seen in a real
    window), or it holds another person's signature."""
    held = enrolled_elsewhere(store, card.signatures)
    if held:
        raise SigverifyError(
            translate(
                "errors",
                "The card's “{filename}” is enrolled here already, for {person}: the card's "
                "person is here already, or the card holds another person's signature. "
                "Nothing was imported.",
            ).format(filename=held[0].filename, person=held[0].enrolled_for)
        )


def _plain_card(path: Path, passphrase: str | None) -> tuple[zipfile.ZipFile, bool]:
    """The card's zip file: ``path`` itself, or the card an encrypted one holds; and
    whether it was encrypted."""
    archive = zipfile.ZipFile(path)
    if not is_encrypted_card(archive):
        return archive, False
    with archive:
        if archive.getinfo(PAYLOAD).file_size > MAX_TOTAL_BYTES + MAX_META_BYTES:
            raise ValueError("an encrypted card too large to be one")
        plain = decrypt_card(archive, path.name, passphrase)
    return zipfile.ZipFile(io.BytesIO(plain)), True


def open_card(store, operator: str, path: str | Path, passphrase: str | None) -> PersonCard:
    """:func:`read_card`, a wrong passphrase written to ``store``'s audit log."""
    with refusal_recorded(store, operator, "card", path):
        return read_card(path, passphrase)


def import_person(
    service: VerificationService,
    path: str | Path,
    new_id: str | None = None,
    accept_outliers: bool = False,
    passphrase: str | None = None,
    card: PersonCard | None = None,
) -> str:
    """Enrol the person of a card file into ``service``'s store (embedding with its model).
    All or nothing: the card is read and checked whole first (:func:`read_card`),
    enrolment applies its consistency check, and a failure after the first write removes
    the person again. Refuses a person id that already exists. Returns the id used.
    ``passphrase``: an encrypted card's; ``card``: the card at ``path`` read already (an
    encrypted one's passphrase is not stretched twice)."""
    path = Path(path)
    reason = service.store.refusal("import")
    if reason:
        raise NotAllowedError(reason)
    if card is None:  # (read already: the app reads it first, to ask for an ID)
        card = open_card(service.store, service.operator, path, passphrase)
    check_not_enrolled(service.store, card)
    person_id = (new_id or card.id).strip()
    enrolled = service.store.enrolled_id(person_id)  # capitals aside: "c-7" is "C-7"
    if enrolled is not None:
        raise SigverifyError(
            translate(
                "errors",
                "{person_id} already exists in this store; import under another id or remove it "
                "first.",
            ).format(person_id=enrolled)
        )
    # the same consistency check as any enrolment: a card holding another person's
    # signature is refused, nothing written
    service.enroll(
        person_id,
        card.signatures,
        card.name,
        card.note,
        accept_outliers=accept_outliers,
    )
    try:
        service.store.record(
            service.operator,
            "import_person",
            person_id,
            {"file": path.name, "from_id": card.id, "protected": card.protected},
        )
        # last: on a shared store a supervisor's thresholds wait for a second supervisor
        # (store.pending_changes lists them), and nothing after them can fail
        if card.accept_threshold is not None or card.reject_threshold is not None:
            service.store.set_person_thresholds(
                person_id,
                card.accept_threshold,
                card.reject_threshold,
                service.operator,
                model=card.thresholds_model,
            )
    except BaseException:
        service.store.delete_person(person_id, service.operator)  # no half-imported person
        raise
    return person_id
