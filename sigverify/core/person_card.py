"""A person's card: one zip file with their reference images (the original files) and a
``person.json`` (id, name, note, thresholds, who enrolled each reference and when), to move
a person between stores. No pickles; images are checked against their SHA-256 on import."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from sigverify.core.errors import SigverifyError
from sigverify.core.i18n import translate
from sigverify.core.store import Store, sha256_hex
from sigverify.core.verification import SignatureInput, VerificationService

CARD_FORMAT = 1
MAX_MEMBER_BYTES = 64 * 1024 * 1024


def export_person(store: Store, person_id: str, out: str | Path) -> Path:
    person = store.get_person(person_id)
    out = Path(out)
    entries = []
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
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
            "references": entries,
        }
        archive.writestr("person.json", json.dumps(meta, indent=2, ensure_ascii=False))
    return out


def import_person(service: VerificationService, path: str | Path, new_id: str | None = None) -> str:
    """Enrol the person of a card file into ``service``'s store (embedding with its model).
    Refuses a person id that already exists. Returns the id used."""
    path = Path(path)
    try:
        with zipfile.ZipFile(path) as archive:
            meta = json.loads(archive.read("person.json").decode("utf-8"))
            if not isinstance(meta, dict) or meta.get("format", 0) > CARD_FORMAT:
                raise SigverifyError(
                    translate(
                        "errors",
                        "“{name}” is a person card from a newer sigverify; update to import it.",
                    ).format(name=path.name)
                )
            signatures = []
            for entry in meta["references"]:
                info = archive.getinfo(entry["file"])
                if info.file_size > MAX_MEMBER_BYTES:
                    raise SigverifyError(
                        translate("errors", "“{name}” holds an image too large to import.").format(
                            name=path.name
                        )
                    )
                data = archive.read(info)
                if sha256_hex(data) != entry["sha256"]:
                    raise SigverifyError(
                        translate(
                            "errors", "“{name}” is damaged: {filename} does not match its checksum."
                        ).format(name=path.name, filename=entry["filename"])
                    )
                signatures.append(SignatureInput(entry["filename"], data))
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError) as error:
        raise SigverifyError(
            translate(
                "errors", "“{name}” is not a sigverify person card, or it is damaged."
            ).format(name=path.name)
        ) from error
    person_id = new_id or meta["id"]
    if any(p.id == person_id for p in service.store.list_people(person_id)):
        raise SigverifyError(
            translate(
                "errors",
                "{person_id} already exists in this store; import under another id or remove it "
                "first.",
            ).format(person_id=person_id)
        )
    service.enroll(
        person_id, signatures, meta.get("name", ""), meta.get("note", ""), accept_outliers=True
    )
    if meta.get("accept_threshold") is not None or meta.get("reject_threshold") is not None:
        service.store.set_person_thresholds(
            person_id, meta.get("accept_threshold"), meta.get("reject_threshold"), service.operator
        )
    service.store.record(
        service.operator, "import_person", person_id, {"file": path.name, "from_id": meta["id"]}
    )
    return person_id
