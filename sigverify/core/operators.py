"""Who is at the desk: the operator name recorded with every audit-log entry (the store's
setting, else the login name)."""

from __future__ import annotations

import getpass

from sigverify.core.store import Store


def current_operator() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in some service or container set-ups
        return "unknown"


OPERATOR_SETTING = "operator"


def operator_name(store: Store, explicit: str | None = None) -> str:
    """Who is recorded in the audit log: on a shared store the database account connected
    (nothing typed counts there); else ``explicit`` if given, else the store's operator
    setting, else the OS user name."""
    if store.account:
        return store.account
    return explicit or store.get_setting(OPERATOR_SETTING) or current_operator()
