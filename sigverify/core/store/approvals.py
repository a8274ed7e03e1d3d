"""A shared store's second approval, row by row: a supervisor's risky change filed in
``pending_changes`` and read back with what it does, taken from the payload the server's
``sigverify_decide`` applies (:mod:`sigverify.core.store.postgres`). Functions over an
open connection; :class:`~sigverify.core.store.Store` calls them inside its transactions."""

from __future__ import annotations

import json

from sigverify.core.errors import NotAllowedError, NotFoundError, SigverifyError
from sigverify.core.i18n import translate
from sigverify.core.store.records import PendingChange


def file_change(db, kind: str, person_id: str | None, payload: dict, account: str, at: str) -> int:
    """Add a pending change; its number."""
    return db.execute(
        "INSERT INTO pending_changes (kind, person_id, payload, requested_by, requested_at) "
        "VALUES (?, ?, ?, ?, ?) RETURNING id",
        (kind, person_id, json.dumps(payload, sort_keys=True), account, at),
    ).fetchone()[0]


def change_details(db, kind: str, person_id: str | None, payload: dict) -> dict:
    """What a pending change does, read from the payload the server applies (not from
    anything the one who asked may have written beside it), for the Approvals list and the
    audit row of the decision."""
    if kind == "thresholds":
        details = {"accept": payload.get("accept"), "reject": payload.get("reject")}
        return details | ({"preset": payload["preset"]} if "preset" in payload else {})
    if kind == "delete_person":
        count = db.execute(
            "SELECT count(*) FROM signature_references WHERE person_id = ?", (person_id,)
        ).fetchone()[0]
        return {"references": count}
    if kind == "remove_reference":
        row = db.execute(
            "SELECT filename FROM signature_references WHERE id = ? AND person_id = ?",
            (payload.get("reference"), person_id),
        ).fetchone()
        return {"reference": payload.get("reference"), "file": row[0] if row else None}
    settings = payload.get("settings", {})
    if payload.get("action") == "activate_model":
        path = settings.get("active_model") or settings.get("active_pen_model")
        return {"model": payload.get("model"), "path": path}
    if len(settings) == 1:
        ((key, value),) = settings.items()
        return {"key": key, "new": value}
    return {"settings": settings}


def read_changes(
    db, include_decided: bool = False, change_id: int | None = None
) -> list[PendingChange]:
    """The pending changes, oldest first (with ``include_decided``, the approved and
    rejected ones too), or the one numbered ``change_id``."""
    wanted = [] if include_decided else ["status = 'pending'"]
    params = []
    if change_id is not None:
        wanted.append("id = ?")
        params.append(change_id)
    where = f" WHERE {' AND '.join(wanted)}" if wanted else ""
    rows = db.execute(f"SELECT * FROM pending_changes{where} ORDER BY id", params).fetchall()
    changes = []
    for row in rows:
        try:
            payload = json.loads(row["payload"])
            action = str(payload.get("action") or row["kind"])
            details = change_details(db, row["kind"], row["person_id"], payload)
        except (ValueError, TypeError, AttributeError):  # written by hand, not by sigverify
            action, details = row["kind"], {"payload": str(row["payload"])[:200]}
        changes.append(
            PendingChange(
                row["id"],
                row["kind"],
                row["person_id"],
                action,
                details,
                row["requested_by"],
                row["requested_at"],
                row["status"],
                row["decided_by"],
            )
        )
    return changes


def decidable(
    found: list[PendingChange], change_id: int, approve: bool, account: str | None
) -> PendingChange:
    """The change numbered ``change_id`` (``found``: what :func:`read_changes` gave for it),
    if ``account`` may decide it now: it exists, is still pending, and is not approved by
    the one who asked for it (withdrawing one's own request is allowed)."""
    if not found:
        raise NotFoundError(
            translate("errors", "There is no change number {change}.").format(change=change_id)
        )
    (change,) = found
    if change.status != "pending":
        raise SigverifyError(
            translate("errors", "Change {change} was already {status} by {who}.").format(
                change=change_id, status=change.status, who=change.decided_by
            )
        )
    if approve and change.requested_by == account:
        raise NotAllowedError(
            translate(
                "errors",
                "A change must be approved by another supervisor than the one who asked for it.",
            )
        )
    return change
