"""Who may do what to a store. A file on this computer is its desk's own: everything is
allowed. On a server the role comes from the database account the desk connected as
(granted by ``sigverify store init-postgres``): a *clerk* enrols and verifies, a
*supervisor* may also change thresholds, delete, switch models and import (each risky
change then waits for a second supervisor), and the database's *administrator* (the
account that set it up) may do everything at once. The grants enforce the same rules, so
raw SQL does not get round them."""

from __future__ import annotations

from enum import Enum

from sigverify.core.errors import StoreError
from sigverify.core.i18n import translate

CLERK_ROLE = "sigverify_clerk"
SUPERVISOR_ROLE = "sigverify_supervisor"


class Role(Enum):
    LOCAL = "local"
    ADMINISTRATOR = "administrator"
    SUPERVISOR = "supervisor"
    CLERK = "clerk"


def _supervised() -> dict[str, str]:
    """What only a supervisor may do, as the end of a sentence (translated when asked)."""
    return {
        "thresholds": translate("errors", "changing thresholds"),
        "delete": translate("errors", "deleting people or references"),
        "models": translate("errors", "switching the model"),
        "import": translate("errors", "importing a person card"),
        "settings": translate("errors", "changing the store's settings"),
        "approve": translate("errors", "approving changes"),
    }


SUPERVISED = tuple(_supervised())


def read_role(db) -> Role:
    """The role of the account connected to a server store (refused when it has none)."""
    row = db.execute(
        "SELECT r.rolsuper OR t.tableowner = session_user, "
        "pg_has_role(session_user, ?, 'MEMBER'), pg_has_role(session_user, ?, 'MEMBER') "
        "FROM pg_roles r, pg_tables t WHERE r.rolname = session_user "
        "AND t.tablename = 'people' AND t.schemaname = current_schema()",
        (SUPERVISOR_ROLE, CLERK_ROLE),
    ).fetchone()
    administrator, supervisor, clerk = row if row else (False, False, False)
    if administrator:
        return Role.ADMINISTRATOR
    if supervisor:
        return Role.SUPERVISOR
    if clerk:
        return Role.CLERK
    raise StoreError(
        translate(
            "errors",
            "The database account “{account}” has no sigverify role. Ask the administrator "
            "to grant it {clerk} or {supervisor}.",
        ).format(account=db.session_user, clerk=CLERK_ROLE, supervisor=SUPERVISOR_ROLE)
    )


def refusal(role: Role, action: str, account: str | None) -> str | None:
    """Why ``role`` may not do ``action`` (one of :data:`SUPERVISED`), or None if it may."""
    if action not in SUPERVISED:
        raise ValueError(f"unknown action {action!r}")
    if role is Role.SUPERVISOR or (role is not Role.CLERK and action != "approve"):
        return None
    if action == "approve" and role is not Role.CLERK:
        return translate(
            "errors", "Only a supervisor's account approves changes; “{account}” is not one."
        ).format(account=account)
    return translate(
        "errors",
        "Your database account “{account}” is a clerk's: {what} is for a supervisor.",
    ).format(account=account, what=_supervised()[action])
