"""The store's SQLite schema: the file's application id, the schema version and the ordered
migrations that build it (a file from a newer version is refused)."""

from __future__ import annotations

#: "SIGV" as a 32-bit integer, stored in the SQLite header to recognise our files.
APPLICATION_ID = 0x53494756

SCHEMA_VERSION = 2

MIGRATIONS: dict[int, str] = {
    1: """
    CREATE TABLE people (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        accept_threshold REAL,
        reject_threshold REAL,
        created_at TEXT NOT NULL
    );
    CREATE TABLE signature_references (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        filename TEXT NOT NULL,
        image_sha256 TEXT NOT NULL,
        image BLOB NOT NULL,
        preprocessed_png BLOB NOT NULL,
        enrolled_by TEXT NOT NULL,
        enrolled_at TEXT NOT NULL,
        UNIQUE (person_id, image_sha256)
    );
    CREATE TABLE embeddings (
        reference_id INTEGER NOT NULL REFERENCES signature_references(id) ON DELETE CASCADE,
        model_id TEXT NOT NULL,
        vector BLOB NOT NULL,
        PRIMARY KEY (reference_id, model_id)
    );
    CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        operator TEXT NOT NULL,
        action TEXT NOT NULL,
        person_id TEXT,
        details TEXT NOT NULL,
        previous_hash TEXT NOT NULL,
        hash TEXT NOT NULL
    );
    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    """,
    # pen trajectories of references drawn on a pad: float32 (N, 4) x, y, pressure, t
    2: "ALTER TABLE signature_references ADD COLUMN trajectory BLOB",
}
