"""A shared store's second approval, row by row: a supervisor's risky change filed in
``pending_changes`` and read back with what it does, taken from the payload the server's
``sigverify_decide`` applies (:mod:`sigverify.core.store.postgres`): functions over an open
connection, and :class:`SecondApproval`, the store's methods that call them inside its
transactions."""

from __future__ import annotations

import json

from sigverify.core.errors import NotAllowedError, NotFoundError, SigverifyError
from sigverify.core.i18n import translate
from sigverify.core.store.people import own_before
from sigverify.core.store.records import PendingChange, now


def file_change(db, kind: str, person_id: str | None, payload: dict, account: str, at: str) -> int:
    """Add a pending change; its number."""
    return db.execute(
        "INSERT INTO pending_changes (kind, person_id, payload, requested_by, requested_at) "
        "VALUES (?, ?, ?, ?, ?) RETURNING id",
        (kind, person_id, json.dumps(payload, sort_keys=True), account, at),
    ).fetchone()[0]


def deleted_person_details(db, person_id: str) -> dict:
    """What the audit row of a person's deletion keeps: how many references went, and
    their name (the log holds only ids otherwise, so a deleted person's entries lost their
    name: seen in a real window)."""
    count = db.execute(
        "SELECT count(*) FROM signature_references WHERE person_id = ?", (person_id,)
    ).fetchone()[0]
    row = db.execute("SELECT name FROM people WHERE id = ?", (person_id,)).fetchone()
    return {"references": count} | ({"name": row[0]} if row and row[0] else {})


def change_details(
    db, kind: str, person_id: str | None, payload: dict, pending: bool = True
) -> dict:
    """What a pending change does, read from the payload the server applies (not from
    anything the one who asked may have written beside it), for the Approvals list and the
    audit row of the decision; a person's thresholds with their own as they are now, while
    the change is ``pending`` (the approval's row lacked them, a review found)."""
    if kind == "thresholds":
        details = {"accept": payload.get("accept"), "reject": payload.get("reject")}
        details |= {"model": payload["model"]} if "model" in payload else {}
        details |= {"preset": payload["preset"]} if "preset" in payload else {}
        if not pending:  # (a decided change: what was before is in its audit row)
            return details
        row = db.execute(
            "SELECT accept_threshold, reject_threshold, thresholds_model FROM people WHERE id = ?",
            (person_id,),
        ).fetchone()
        return details if row is None else details | {"before": own_before(*row)}
    if kind == "delete_person":
        return deleted_person_details(db, person_id)
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
            pending = row["status"] == "pending"
            details = change_details(db, row["kind"], row["person_id"], payload, pending)
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


class SecondApproval:
    """What :class:`~sigverify.core.store.Store` does about a supervisor's risky change:
    refuse it, file it for a second supervisor (on a server), list and decide the changes
    filed. Uses the store's ``refusal``, ``needs_approval``, ``shared``, ``account``,
    ``transaction``, ``_append`` and ``_db``."""

    def _supervised(
        self,
        what: str,
        kind: str,
        person_id: str | None,
        payload: dict,
        details: dict,
        operator: str,
        action: str | None = None,
    ) -> PendingChange | None:
        """Refuse a risky change this account may not make; on a server, file a
        supervisor's change as pending (returned); else None: the caller applies it."""
        reason = self.refusal(what)
        if reason:
            raise NotAllowedError(reason)
        if not self.needs_approval:
            return None
        action = action or kind
        payload = payload | {"action": action}
        at = now()
        with self.transaction() as db:
            change_id = file_change(db, kind, person_id, payload, self.account, at)
            self._append(
                db,
                operator,
                "request_change",
                person_id,
                {"change": change_id, "action": action} | details,
            )
        shown = change_details(self._db, kind, person_id, payload)
        return PendingChange(change_id, kind, person_id, action, shown, self.account, at)

    def pending_changes(self, include_decided: bool = False) -> list[PendingChange]:
        """Changes waiting for a second supervisor (on a server; a local file has none),
        oldest first; with ``include_decided``, the approved and rejected ones too."""
        return read_changes(self._db, include_decided) if self.shared else []

    def decide(self, change_id: int, approve: bool, operator: str = "") -> PendingChange:
        """Approve (apply) or reject a pending change, as a supervisor other than the one
        who asked for it (withdrawing one's own request is a rejection). The audit log
        records it under this account with the one who asked."""
        reason = self.refusal("approve")
        if reason:
            raise NotAllowedError(reason)
        if not self.shared:
            decidable([], change_id, approve, self.account)  # (a local file has none)
        with self.transaction() as db:
            # what the audit row says (the person's thresholds before, their references)
            # is read as this decision changes it, not as it was a moment before another
            # desk's change
            row = db.execute(
                "SELECT person_id FROM pending_changes WHERE id = ?", (change_id,)
            ).fetchone()
            if row is not None and row[0] is not None:
                db.lock_person(row[0])
            change = decidable(read_changes(db, True, change_id), change_id, approve, self.account)
            db.execute("SELECT sigverify_decide(?, ?)", (change_id, approve))
            asked = {"change": change_id, "requested_by": change.requested_by}
            if approve:
                self._append(db, operator, change.action, change.person_id, change.details | asked)
            else:
                asked |= {"action": change.action}
                self._append(db, operator, "reject_change", change.person_id, asked)
        return read_changes(self._db, True, change_id)[0]
