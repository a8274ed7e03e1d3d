"""The store's settings (key and value, each row with its MAC), read and written over an
open connection and the store's seal (:mod:`sigverify.core.store.seal`).
:class:`StoredSettings` holds the store's methods over them, the writes inside its
transactions."""

from __future__ import annotations

from sigverify.core.i18n import translate
from sigverify.core.store.records import PendingChange
from sigverify.core.store.seal import Seal, changed_outside, setting_parts


def read_setting(db, seal: Seal, key: str, default: str | None = None) -> str | None:
    """The value of ``key`` (``default`` when unset), checked against its MAC."""
    row = db.execute("SELECT value, mac FROM settings WHERE key = ?", (key,)).fetchone()
    if row is None:
        return default
    if not seal.matches(row["mac"], *setting_parts(key, row["value"])):
        raise changed_outside(translate("errors", "The setting “{key}”").format(key=key))
    return row["value"]


def write_settings(db, seal: Seal, values: dict[str, str]) -> None:
    """Set every key of ``values``, each with its MAC."""
    db.executemany(
        "INSERT INTO settings (key, value, mac) VALUES (?, ?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value, mac = excluded.mac",
        [(key, value, seal.mac(*setting_parts(key, value))) for key, value in values.items()],
    )


def supervised_as(action: str, values: dict[str, str]) -> str:
    """Which risky kind of change (see :data:`~sigverify.core.store.roles.SUPERVISED`) a
    settings change is: thresholds, a model switch, or other settings."""
    if any(key.startswith("thresholds/") for key in values):
        return "thresholds"
    return "models" if action == "activate_model" else "settings"


class StoredSettings:
    """What :class:`~sigverify.core.store.Store` does with its settings: read one, change
    one or several with their audit row (on a server, a supervisor's change waits for
    another supervisor). Uses the store's ``_db``, ``seal``, ``transaction``,
    ``_supervised`` and ``_append``."""

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        return read_setting(self._db, self.seal, key, default)

    def set_setting(self, key: str, value: str, operator: str) -> PendingChange | None:
        """Change one setting (audited, with its value before)."""

        def details(db) -> dict:  # its value before, as read where the change is made
            old = db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
            return {"key": key, "old": old["value"] if old else None, "new": value}

        return self.set_settings_audited({key: value}, operator, "setting", details)

    def set_settings_audited(
        self, values: dict[str, str], operator: str, action: str, details
    ) -> PendingChange | None:
        """Several settings and one audit row ``action`` in one transaction (a model
        switch: the active model, the list of models used, and its record). On a server,
        a supervisor's change waits for another supervisor (the :class:`PendingChange`).
        ``details``: the row's, or a function reading them from a connection, called inside
        the transaction (what was before, as this change replaces it: read before it, a
        change another desk committed in between went unrecorded, as thresholds' did)."""
        described = details if isinstance(details, dict) else details(self._db)
        what = supervised_as(action, values)
        payload = {"settings": dict(values)} | (
            {"model": described["model"]} if "model" in described else {}
        )
        pending = self._supervised(what, "settings", None, payload, described, operator, action)
        if pending is not None:
            return pending
        with self.transaction() as db:
            if not isinstance(details, dict):
                described = details(db)
            write_settings(db, self.seal, values)
            self._append(db, operator, action, None, described)
        return None
