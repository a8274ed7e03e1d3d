"""The store's people, row by row: functions over an open connection and the store's seal
(:mod:`sigverify.core.store.seal`); a person's thresholds are written with their MAC and
checked against it when read. :class:`~sigverify.core.store.Store` calls them, the writes
inside its transactions."""

from __future__ import annotations

import json
import math
import re

from sigverify.core.errors import NotFoundError, SigverifyError
from sigverify.core.i18n import join_sentences, translate
from sigverify.core.pinyin import HAN_RANGES, key_spells, read_from, typed_key
from sigverify.core.store.records import Person, folded, folded_all, now
from sigverify.core.store.seal import Seal, changed_outside, person_parts

#: a person's row with the number of their references (``n``)
_WITH_COUNT = (
    "SELECT p.*, (SELECT count(*) FROM signature_references r WHERE r.person_id = p.id) AS n "
    "FROM people p "
)


def no_person(person_id: str) -> NotFoundError:
    return NotFoundError(
        translate("errors", "There is no person with id “{person_id}” in the store.").format(
            person_id=person_id
        )
    )


def person_exists(db, person_id: str) -> bool:
    return db.execute("SELECT 1 FROM people WHERE id = ?", (person_id,)).fetchone() is not None


def enrolled_id(db, person_id: str) -> str | None:
    """The id under which ``person_id`` is enrolled, capitals aside (a clerk typing "c-7"
    means "C-7"): the exact id if it is one, else one that differs only in capitals, else
    None."""
    rows = db.execute(
        "SELECT id FROM people WHERE lower(id) = lower(?) ORDER BY id", (person_id,)
    ).fetchall()
    ids = [row["id"] for row in rows]
    return person_id if person_id in ids else (ids[0] if ids else None)


def _nobody_as(db, person_id: str) -> NotFoundError:
    """Why nobody has the id ``person_id``: an id one capital apart said, not guessed (a
    list's "w3" for W3, seen in a real window), or a name given for the id (a Queue folder
    named by the customer, seen in a real window: one person of that name, capitals aside
    as the database's lower() knows them). One pass over the people (each unknown id of a
    Queue check reads them: two passes took twice as long)."""
    typed = person_id.strip()
    rows = db.execute(
        "SELECT id, lower(id) = lower(?) AS same_id FROM people "
        "WHERE lower(id) = lower(?) OR (? <> '' AND lower(name) = lower(?)) ORDER BY id",
        (person_id, person_id, typed, typed),
    ).fetchall()
    ids = [row["id"] for row in rows if row["same_id"]]
    if ids:
        hint = translate("errors", "Did you mean “{person_id}”? IDs differ by capitals.")
        hint = hint.format(person_id=ids[0])
    elif len(rows) == 1:
        hint = translate("errors", "“{typed}” is the name of {person_id}: use the ID.")
        hint = hint.format(typed=typed, person_id=rows[0]["id"])
    else:
        return no_person(person_id)
    # (as the language joins sentences: a blank after a Chinese full stop, a real-window pass)
    return NotFoundError(join_sentences(str(no_person(person_id)), hint))


def read_person(db, seal: Seal, person_id: str) -> Person:
    """One person; their thresholds are checked against their MAC."""
    row = db.execute(_WITH_COUNT + "WHERE p.id = ?", (person_id,)).fetchone()
    if row is None:
        raise _nobody_as(db, person_id)
    parts = person_parts(
        row["id"], row["accept_threshold"], row["reject_threshold"], row["thresholds_model"]
    )
    if not seal.matches(row["mac"], *parts):
        raise changed_outside(
            translate("errors", "The thresholds of {person_id}").format(person_id=person_id)
        )
    return _person(row)


#: Letters that :func:`folded` changes beyond ASCII's case: Latin with accents (and
#: full-width), Greek, Cyrillic. An id or name holding one is compared here (SQLite's lower()
#: knows ASCII alone, and "nunez" found nobody for Núñez); Chinese or Devanagari names are
#: left to the database (all names beyond ASCII folded here, 100,000 Chinese names took a
#: search to 400 ms, a review measured).
_FOLDABLE = "À-ɏͰ-ӿḀ-ỿＡ-ｚ"
_FOLDABLE_IN = {
    # (the length test first: the pattern is matched only beyond ASCII)
    "sqlite": "(length(p.{c}) <> length(CAST(p.{c} AS BLOB)) "
    + f"AND p.{{c}} GLOB '*[{_FOLDABLE}]*')",
    "postgresql": f"p.{{c}} ~ '[{_FOLDABLE}]'",
}


def _spelled_by(kind: str, key: str) -> tuple[str, tuple]:
    """The condition (and its parameters) of the names with Chinese characters that pinyin
    typed (its :func:`~sigverify.core.pinyin.typed_key` ``key``; "": not pinyin) may
    spell: in SQLite those it spells (:func:`~sigverify.core.pinyin.key_spells`, only they
    read out: every Chinese name read out and spelled here took a search of 100,000 to
    330 ms); on a server, those holding the characters such a name must hold
    (:func:`~sigverify.core.pinyin.read_from`): every Chinese name read out and spelled
    here took a search of 100,000 to 0.9 s on a server on the same computer."""
    if not key:
        return "", ()
    if kind == "sqlite":
        beyond_ascii = "length(p.name) <> length(CAST(p.name AS BLOB))"
        return f" OR ({beyond_ascii} AND key_spells(?, p.name))", (key,)
    # its first two letters in one reading, or each beginning one (a reading of one
    # letter, initials); a name that also holds a Latin word may be spelled from it on
    held = [[key[:2]], [key[0], key[1]]] if len(key) > 1 else [[key]]
    held = [[read_from(prefix) for prefix in each] for each in held]
    held = [each for each in held if all(each)]  # (no reading begins so: none holds it)
    holds = " OR ".join("(" + " AND ".join(["p.name ~ ?"] * len(each)) + ")" for each in held)
    spelled = f" OR (p.name ~ '[{HAN_RANGES}]' AND ({holds or 'FALSE'} OR p.name ~ '[A-Za-z]'))"
    return spelled, tuple(f"[{characters}]" for each in held for characters in each)


#: The order of a list: :func:`~sigverify.core.store.records.sort_key` in SQLite (accents
#: aside, numbers in their order, Chinese by pinyin); on a server, its own lower() and
#: collation.
_SORT_KEY = {"sqlite": "sort_key", "postgresql": "lower"}


def read_people(db, search: str = "", limit: int | None = None) -> list[Person]:
    """Everyone whose id or name holds ``search``, case and accents aside (:func:`folded`),
    or whose Chinese name it spells in pinyin ("wang" or "wxm" for 王小明), in the order
    a list shows them: by name, or by id for someone without a name (case and accents
    aside, numbers in their order, Chinese by pinyin: :data:`_SORT_KEY`), then by id; the
    first ``limit`` of them only, when given (the rest are not counted: a list of 100,000
    took a second). The database finds what its lower() can; ids and names with the
    letters :data:`_FOLDABLE` are folded here, names with Chinese characters spelled
    (:func:`_spelled_by`, for pinyin typed), and then only the people found are counted
    (all of them folded and counted, a search in 100,000 people took 672 ms instead of
    55: `bench/store_scale.py`)."""
    order = f" ORDER BY {_SORT_KEY[db.kind]}(coalesce(nullif(p.name, ''), p.id)), p.id"
    if limit is not None:
        order += f" LIMIT {int(limit)}"
    wanted = folded(search.strip())
    if not wanted:
        return [_person(r) for r in db.execute(_WITH_COUNT + order).fetchall()]
    foldable = _FOLDABLE_IN[db.kind]
    # a typed \, % or _ is itself (Postgres took \ as LIKE's escape, and "c\d" found
    # nobody, a review found)
    pattern = "%" + re.sub(r"([\\%_])", r"\\\1", wanted) + "%"
    key = typed_key(wanted)
    spelled, typed = _spelled_by(db.kind, key)
    candidates = db.execute(
        "SELECT p.id, p.name FROM people p WHERE lower(p.id) LIKE ? ESCAPE '\\' "
        "OR lower(p.name) LIKE ? ESCAPE '\\' "
        f"OR {foldable.format(c='id')} OR {foldable.format(c='name')}{spelled}",
        (pattern, pattern, *typed),
    ).fetchall()
    # folded all at once (one by one: 0.9 s of 100,000 found by a search for "m")
    folded_ids = folded_all([r["id"] for r in candidates])
    folded_names = folded_all([r["name"] or "" for r in candidates])
    ids = [
        r["id"]
        for r, folded_id, folded_name in zip(candidates, folded_ids, folded_names, strict=True)
        if wanted in folded_id
        or wanted in folded_name
        or (spelled and key_spells(key, r["name"] or ""))
    ]
    if not ids:
        return []
    if db.kind == "sqlite":
        among, value = "p.id IN (SELECT value FROM json_each(?))", json.dumps(ids)
    else:
        among, value = "p.id = ANY(?)", ids
    rows = db.execute(_WITH_COUNT + f"WHERE {among}" + order, (value,)).fetchall()
    return [_person(r) for r in rows]


def _person(row) -> Person:
    return Person(
        row["id"],
        row["name"],
        row["note"],
        row["accept_threshold"],
        row["reject_threshold"],
        row["created_at"],
        row["n"],
        row["thresholds_model"],
    )


def check_thresholds(accept: float | None, reject: float | None) -> None:
    """A person's own thresholds: each a number of 0 or more (or None), reject not below
    accept; else a :class:`SigverifyError` a clerk can read."""
    if any(v is not None and not (math.isfinite(v) and v >= 0) for v in (accept, reject)):
        raise SigverifyError(
            translate("errors", "A threshold must be a number of 0 or more, or left empty.")
        )
    if accept is not None and reject is not None and reject < accept:
        raise SigverifyError(
            translate("errors", "The reject threshold must not be below the accept threshold.")
        )


def write_person(
    db, seal: Seal, person_id: str, name: str | None, note: str | None
) -> dict[str, list[str]] | None:
    """Create the person (no thresholds of their own) and return None, or, for one who
    exists, change the name and note given (None keeps it) and return what changed, as
    ``{"name": [before, after]}`` (the audit log's form; empty when nothing did)."""
    row = db.execute("SELECT name, note FROM people WHERE id = ?", (person_id,)).fetchone()
    if row is None:
        db.execute(
            "INSERT INTO people (id, name, note, created_at, mac) VALUES (?, ?, ?, ?, ?)",
            (
                person_id,
                name or "",
                note or "",
                now(),
                seal.mac(*person_parts(person_id, None, None)),
            ),
        )
        return None
    changed = {
        field: [row[field], value]
        for field, value in (("name", name), ("note", note))
        if value is not None and value != row[field]
    }
    if changed:
        db.execute(
            "UPDATE people SET name = coalesce(?, name), note = coalesce(?, note) WHERE id = ?",
            (name, note, person_id),
        )
    return changed


def write_thresholds(
    db,
    seal: Seal,
    person_id: str,
    accept: float | None,
    reject: float | None,
    model: str | None,
) -> None:
    """Set a person's own thresholds (None: the model's) for ``model`` (None when both
    are) with their MAC."""
    mac = seal.mac(*person_parts(person_id, accept, reject, model))
    changed = db.execute(
        "UPDATE people SET accept_threshold = ?, reject_threshold = ?, thresholds_model = ?, "
        "mac = ? WHERE id = ?",
        (accept, reject, model, mac, person_id),
    ).rowcount
    if not changed:
        raise no_person(person_id)


def thresholds_change(
    person: Person, accept: float | None, reject: float | None, model: str | None, preset
) -> tuple[dict, dict]:
    """What a change of ``person``'s thresholds files: the payload the server applies, and
    the audit row's details, which say their own before too (the log had the new values
    alone, and an apply could not be undone from it: seen in a real window)."""
    payload = {"accept": accept, "reject": reject}
    payload |= {} if model is None else {"model": model}
    payload |= {} if preset is None else {"preset": preset}
    before = own_before(person.accept_threshold, person.reject_threshold, person.thresholds_model)
    return payload, payload | {"before": before}  # (None: everyone's applied)


def own_before(accept: float | None, reject: float | None, model: str | None) -> dict | None:
    """A person's own thresholds as an audit row records them before a change, or None
    when they had none (the thresholds for everyone applied)."""
    if accept is None and reject is None:
        return None
    return {"accept": accept, "reject": reject, "model": model}


def people_mark(db) -> tuple[int, int]:
    """Changes when people are enrolled or deleted (how many, the last reference's id), in
    a fraction of listing them (22 ms against 1.3 s at 100,000 people)."""
    row = db.execute(
        "SELECT (SELECT count(*) FROM people), (SELECT max(id) FROM signature_references)"
    ).fetchone()
    return int(row[0]), int(row[1] or 0)
