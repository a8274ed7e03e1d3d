"""The store's reference signatures and their embeddings, row by row: functions over an
open connection and the store's seal (:mod:`sigverify.core.store.seal`), each row written
with its MAC and checked against it when read. :class:`~sigverify.core.store.Store`
calls them inside its transactions."""

from __future__ import annotations

import numpy as np

from sigverify.core.errors import NotFoundError, SigverifyError
from sigverify.core.i18n import translate
from sigverify.core.store.records import (
    NewReference,
    StoredReference,
    now,
    sha256_hex,
    trajectory_bytes,
    vector_bytes,
    vector_from_bytes,
)
from sigverify.core.store.seal import Seal, changed_outside, embedding_parts, reference_parts


def no_reference(reference_id: int) -> NotFoundError:
    return NotFoundError(
        translate("errors", "There is no reference number {reference_id}.").format(
            reference_id=reference_id
        )
    )


def insert_references(
    db,
    seal: Seal,
    person_id: str,
    model_id: str,
    references: list[NewReference],
    operator: str,
) -> list[int]:
    """Add ``references`` to ``person_id`` (who exists) with their embeddings for
    ``model_id``; their new ids. A file already enrolled for this person raises
    :class:`SigverifyError` (the caller's transaction then adds nothing)."""
    ids = []
    for ref in references:
        digest = sha256_hex(ref.image)
        clash = db.execute(
            "SELECT filename FROM signature_references WHERE person_id = ? AND image_sha256 = ?",
            (person_id, digest),
        ).fetchone()
        if clash is not None:
            raise SigverifyError(
                translate(
                    "errors",
                    "“{filename}” is the same image as “{filename2}”, already enrolled "
                    "for {person_id}; nothing was added.",
                ).format(filename=ref.filename, filename2=clash["filename"], person_id=person_id)
            )
        cursor = db.execute(
            "INSERT INTO signature_references (person_id, filename, image_sha256, image, "
            "preprocessed_png, enrolled_by, enrolled_at, trajectory) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (
                person_id,
                ref.filename,
                digest,
                ref.image,
                ref.preprocessed_png,
                operator,
                now(),
                None if ref.trajectory is None else trajectory_bytes(ref.trajectory),
            ),
        )
        reference_id = cursor.fetchone()[0]
        ids.append(reference_id)
        mac = seal.mac(*reference_parts(reference_id, person_id, digest, ref.preprocessed_png))
        if mac:  # a server store has no seal (seal.DatabaseSeal)
            db.execute("UPDATE signature_references SET mac = ? WHERE id = ?", (mac, reference_id))
        write_embeddings(db, seal, model_id, {reference_id: ref.embedding})
    return ids


def read_references(db, where: str, params: list) -> list[StoredReference]:
    """The references ``where`` (SQL with ``?`` for ``params``) holds, oldest first."""
    rows = db.execute(
        "SELECT id, person_id, filename, image_sha256, enrolled_by, enrolled_at "
        f"FROM signature_references WHERE {where} ORDER BY id",
        list(params),
    ).fetchall()
    return [StoredReference(**dict(r)) for r in rows]


def read_reference_images(db, seal: Seal, reference_id: int):
    """``(original bytes, preprocessed PNG)`` of a reference, after checking both against
    its stored hash and MAC (:class:`StoreIntegrityError` when they differ)."""
    row = db.execute(
        "SELECT person_id, filename, image_sha256, image, preprocessed_png, mac "
        "FROM signature_references WHERE id = ?",
        (reference_id,),
    ).fetchone()
    if row is None:
        raise no_reference(reference_id)
    image, preprocessed = bytes(row["image"]), bytes(row["preprocessed_png"])
    parts = reference_parts(reference_id, row["person_id"], row["image_sha256"], preprocessed)
    if sha256_hex(image) != row["image_sha256"] or not seal.matches(row["mac"], *parts):
        raise changed_outside(
            translate("errors", "The reference “{file}” of {person_id}").format(
                file=row["filename"], person_id=row["person_id"]
            )
        )
    return image, preprocessed


def read_embeddings(
    db, seal: Seal, person_id: str, model_id: str
) -> tuple[list[int], np.ndarray | None]:
    """Reference ids and embeddings ``(R, D)`` of a person for one model, each checked
    against its MAC; references not yet embedded with this model are left out."""
    rows = db.execute(
        "SELECT r.id, r.filename, e.vector, e.mac FROM signature_references r "
        "JOIN embeddings e ON e.reference_id = r.id "
        "WHERE r.person_id = ? AND e.model_id = ? ORDER BY r.id",
        (person_id, model_id),
    ).fetchall()
    if not rows:
        return [], None
    for r in rows:
        parts = embedding_parts(r["id"], person_id, model_id, r["vector"])
        if not seal.matches(r["mac"], *parts):
            raise changed_outside(
                translate(
                    "errors", "The stored embedding of {person_id}'s reference “{file}”"
                ).format(person_id=person_id, file=r["filename"])
            )
    return [r["id"] for r in rows], np.stack([vector_from_bytes(r["vector"]) for r in rows])


def write_embeddings(db, seal: Seal, model_id: str, vectors: dict[int, np.ndarray]) -> None:
    """Store embeddings with their MACs (which name the person each reference belongs to);
    earlier ones for the same model are replaced. A reference removed meanwhile (by
    another desk) is skipped."""
    if not vectors:
        return
    owners = dict(
        db.execute(
            "SELECT id, person_id FROM signature_references WHERE id IN "
            f"({','.join('?' * len(vectors))})",
            list(vectors),
        ).fetchall()
    )
    rows = []
    for reference_id, vector in vectors.items():
        if reference_id not in owners:
            continue
        data = vector_bytes(vector)
        mac = seal.mac(*embedding_parts(reference_id, owners[reference_id], model_id, data))
        rows.append((reference_id, model_id, data, mac))
    # a server never lets an embedding be replaced (it would change a decision unseen);
    # the same model id is the same weights, hence the same vector
    replace = (
        "NOTHING"
        if db.kind == "postgresql"
        else ("UPDATE SET vector = excluded.vector, mac = excluded.mac")
    )
    db.executemany(
        "INSERT INTO embeddings (reference_id, model_id, vector, mac) VALUES (?, ?, ?, ?) "
        f"ON CONFLICT (reference_id, model_id) DO {replace}",
        rows,
    )


def read_trajectory(db, reference_id: int) -> np.ndarray | None:
    """The pen trajectory ``(N, 4)`` of a reference drawn on a pad, else None."""
    row = db.execute(
        "SELECT trajectory FROM signature_references WHERE id = ?", (reference_id,)
    ).fetchone()
    if row is None:
        raise no_reference(reference_id)
    return None if row["trajectory"] is None else _trajectory(row["trajectory"])


def read_pad_trajectories(db, person_id: str) -> tuple[list[int], list[np.ndarray]]:
    """The ids and pen trajectories of the person's references drawn on a pad, oldest
    first, in one query."""
    rows = db.execute(
        "SELECT id, trajectory FROM signature_references "
        "WHERE person_id = ? AND trajectory IS NOT NULL ORDER BY id",
        (person_id,),
    ).fetchall()
    return [row["id"] for row in rows], [_trajectory(row["trajectory"]) for row in rows]


def _trajectory(blob: bytes) -> np.ndarray:
    """A stored trajectory (little-endian float32 rows of x, y, pressure, t)."""
    return np.frombuffer(blob, dtype="<f4").reshape(-1, 4).copy()


def missing_embeddings(db, model_id: str, person_id: str | None = None) -> list[int]:
    """References (of one person, or all) without an embedding for ``model_id``."""
    missing = (
        "SELECT id FROM signature_references r WHERE NOT EXISTS (SELECT 1 FROM embeddings e "
        "WHERE e.reference_id = r.id AND e.model_id = ?)"
    )
    if person_id is None:
        rows = db.execute(missing + " ORDER BY id", (model_id,)).fetchall()
    else:  # one person's, through the person index (not a scan of every reference)
        query = missing + " AND r.person_id = ? ORDER BY id"
        rows = db.execute(query, (model_id, person_id)).fetchall()
    return [r["id"] for r in rows]
