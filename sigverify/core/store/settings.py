"""The store's settings (key and value, each row with its MAC), read and written over an
open connection and the store's seal (:mod:`sigverify.core.store.seal`).
:class:`~sigverify.core.store.Store` calls them, the writes inside its transactions."""

from __future__ import annotations

from sigverify.core.i18n import translate
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
