"""Every row of a store checked against the seal at once: the audit chain, each person's
details, each reference's images, each embedding and each setting. What a backup must pass
before it replaces a store (a row edited with database tools in the copy is refused then,
not found later by the clerk who meets it)."""

from __future__ import annotations

from sigverify.core.errors import StoreIntegrityError
from sigverify.core.i18n import translate
from sigverify.core.store.people import read_person
from sigverify.core.store.references import read_embeddings, read_reference_images
from sigverify.core.store.seal import Seal
from sigverify.core.store.settings import read_setting


def check_every_row(db, seal: Seal, chain: tuple[bool, int | None]) -> None:
    """Raise :class:`StoreIntegrityError` for the first row that no longer matches its
    seal; ``chain``: the audit chain's check (``Store.verify_audit_chain``)."""
    intact, bad = chain
    if not intact:
        raise StoreIntegrityError(
            translate(
                "errors", "The audit log was changed outside sigverify (entry #{entry})."
            ).format(entry=bad)
        )
    for (person_id,) in db.execute("SELECT id FROM people ORDER BY id").fetchall():
        read_person(db, seal, person_id)
    for (reference_id,) in db.execute("SELECT id FROM signature_references").fetchall():
        read_reference_images(db, seal, reference_id)
    pairs = db.execute(
        "SELECT DISTINCT r.person_id, e.model_id FROM embeddings e "
        "JOIN signature_references r ON r.id = e.reference_id"
    ).fetchall()
    for person_id, model_id in pairs:
        read_embeddings(db, seal, person_id, model_id)
    for (key,) in db.execute("SELECT key FROM settings").fetchall():
        read_setting(db, seal, key)
