"""What the reference store holds, as the layers above see it (people, references, audit
entries, a reference to add), and how its rows are encoded: the audit chain's hash,
trajectories and embedding vectors as bytes."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timezone

import numpy as np

from sigverify.core.errors import SigverifyError
from sigverify.core.i18n import translate
from sigverify.core.pinyin import first_spelling

GENESIS_HASH = "0" * 64


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    note: str
    accept_threshold: float | None
    reject_threshold: float | None
    created_at: str
    reference_count: int = 0
    #: the model id the own thresholds were set for (they apply with that model only);
    #: None: none set, or set before sigverify recorded it (they apply with any model)
    thresholds_model: str | None = None


@dataclass(frozen=True)
class StoredReference:
    id: int
    person_id: str
    filename: str
    image_sha256: str
    enrolled_by: str
    enrolled_at: str


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: str
    operator: str
    action: str
    person_id: str | None
    details: dict
    previous_hash: str
    hash: str


@dataclass(frozen=True)
class PendingChange:
    """A risky change asked for by one supervisor of a shared store, waiting for another
    one to approve it: ``action`` and ``details`` are what the audit log records then."""

    id: int
    kind: str  # "thresholds", "delete_person", "remove_reference" or "settings"
    person_id: str | None
    action: str
    details: dict
    requested_by: str
    requested_at: str
    status: str = "pending"  # or "approved", "rejected"
    decided_by: str | None = None


@dataclass(frozen=True)
class NewReference:
    """A reference ready to store: the original bytes, the preprocessed PNG, its embedding."""

    filename: str
    image: bytes
    preprocessed_png: bytes
    embedding: np.ndarray
    trajectory: np.ndarray | None = None  # (N, 4) x, y, pressure, t when drawn on a pad


def folded(text: str) -> str:
    """``text`` as searches compare it, case and accents aside: "nunez" finds "Núñez",
    "müller" "MÜLLER" (clerks type without accents, and found nobody: seen in a real
    window). Letters of their own ("ł", "ø") stay as they are."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def sort_key(text: str | None) -> str:
    """``text`` as lists order it: :func:`folded` (so "Émile" comes beside "Emma", not
    after "Zoe") with its numbers in their order ("Customer 9" before "Customer 10"), and
    Chinese characters by their pinyin (王小明 as "wang xiao ming", among the W)."""
    if not text:
        return ""
    key = text if text.isascii() else first_spelling(text)
    key = key.lower() if key.isascii() else folded(key)  # (the same for ASCII, 8x faster)
    return _DIGITS.sub(_number_key, key) if _HAS_DIGIT.search(key) else key


_DIGITS = re.compile(r"[0-9]+")
_HAS_DIGIT = re.compile(r"[0-9]")


def _number_key(match: re.Match) -> str:
    """A number's digits after their count, so that text order is number order ("9" <
    "10"; leading zeros aside: "007" beside "7")."""
    digits = match[0].lstrip("0")
    return f"{len(digits):02d}{digits}"


def folded_all(texts: list[str]) -> list[str]:
    """:func:`folded` of each of ``texts``, at once: Python's own loop over each character
    of 100,000 names took 0.25 s (a long list filled twice as slowly)."""
    joined = unicodedata.normalize("NFKD", "\n".join(texts).casefold())
    for character in set(joined):  # (a handful of marks: each taken out in one pass)
        if unicodedata.combining(character):
            joined = joined.replace(character, "")
    parts = joined.split("\n")
    return parts if len(parts) == len(texts) else [folded(text) for text in texts]


def person_label(person_id: str, name: str | None) -> str:
    """A person as lists show them: "Li Na — 12", or the id alone without a name."""
    return f"{name} — {person_id}" if name else person_id


def person_named(person_id: str, name: str | None) -> str:
    """A person as sentences name them: "Li Na (12)", or the id alone without a name (an
    id alone was easy to misread in a question: seen in a real window); the brackets the
    language's ("李明（C-2）" in Chinese, where "李明 (C-2)" was seen)."""
    if not name:
        return person_id
    return translate("people", "{name} ({id})").format(name=name, id=person_id)


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def local_time(at: str, seconds: bool = True) -> str:
    """A stored time (ISO 8601, UTC: :func:`now`) as this computer's local time,
    "2026-12-04 08:34:12" (without the seconds: "2026-12-04 08:34"); a text sigverify did
    not write, as it is."""
    try:
        when = datetime.fromisoformat(at).astimezone()
    except (TypeError, ValueError):
        return at or ""
    return when.strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")


def local_time_zoned(at: str) -> str:
    """A stored time as a report prints it: this computer's local time and its offset from
    UTC, "2026-12-06 03:50:40 (UTC+01:00)" (the stored "2026-12-06T02:50:40.406+00:00" was
    printed as it is, beside the app's "2026-12-06 03:50:40": seen)."""
    try:
        offset = datetime.fromisoformat(at).astimezone().strftime("%z")
    except (TypeError, ValueError):
        return at or ""
    return f"{local_time(at)} (UTC{offset[:3]}:{offset[3:]})"


def model_name_in(model_id: str) -> str:
    """The model's name in a model id (``name@checksum``, as
    :attr:`~sigverify.core.model.card.ModelCard.model_id` writes it), the way audit rows,
    stored embeddings and results name a model."""
    return model_id.partition("@")[0]


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def entry_hash(
    previous_hash: str, at: str, operator: str, action: str, person_id, details: str
) -> str:
    payload = json.dumps(
        [previous_hash, at, operator, action, person_id, details], ensure_ascii=False
    )
    return sha256_hex(payload.encode("utf-8"))


def trajectory_bytes(trajectory: np.ndarray) -> bytes:
    trajectory = np.asarray(trajectory, dtype="<f4")
    if trajectory.ndim != 2 or trajectory.shape[1] != 4:
        raise SigverifyError(
            translate("errors", "A pen trajectory is a list of (x, y, pressure, time) samples.")
        )
    return trajectory.tobytes()


def vector_bytes(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype="<f4").tobytes()


def vector_from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<f4").copy()
