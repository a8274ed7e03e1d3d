"""The store's SQLite schema: the file's application id, the schema version and the ordered
migrations that build it (a file from a newer version is refused), and :func:`prepare`,
which checks, creates or migrates a file as it is opened; :func:`friendly_error`, what an
SQLite error means to the person using the store."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

from sigverify.core.errors import StoreError
from sigverify.core.i18n import translate
from sigverify.core.store.backend import is_server_url
from sigverify.core.store.seal import Seal, seal_rows

#: "SIGV" as a 32-bit integer, stored in the SQLite header to recognise our files.
APPLICATION_ID = 0x53494756

SCHEMA_VERSION = 4

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
    # HMACs under the seal's key (sigverify.core.store.seal): what decides a verification
    3: """
    ALTER TABLE audit_log ADD COLUMN mac TEXT;
    ALTER TABLE signature_references ADD COLUMN mac TEXT;
    ALTER TABLE embeddings ADD COLUMN mac TEXT;
    ALTER TABLE people ADD COLUMN mac TEXT;
    ALTER TABLE settings ADD COLUMN mac TEXT;
    """,
    # the model a person's own thresholds were set for: a distance means nothing to another
    # model (seen in a real window: thresholds set under one model accepted a forgery under
    # another, whose distances are ten times smaller)
    4: "ALTER TABLE people ADD COLUMN thresholds_model TEXT",
}

#: Indexes, which change no row and nothing a reader does: made as a store file is opened
#: and by ``init-postgres``, without a schema version, so that desks of the version before
#: still open the store (a version would have made every desk of a shared store wait for the
#: administrator's upgrade, and refused the version before). Each: (name, statement).
INDEXES = (
    # references found by their image, anyone's: an enrolment asks about a scan enrolled
    # for another person already (a scan enrolled by hand for two people went unsaid)
    (
        "references_by_image",
        "CREATE INDEX IF NOT EXISTS references_by_image ON signature_references (image_sha256)",
    ),
)


def friendly_error(error: Exception, location: str | Path) -> StoreError:
    """What a database error (SQLite's or a PostgreSQL server's) means to the person using
    the store, in their language."""
    text = str(error).lower()
    code = getattr(error, "sqlstate", None) or ""
    server = is_server_url(str(location))
    name = str(location) if server else Path(location).name
    if code == "42501":  # insufficient privilege: the grants refused it
        message = translate(
            "errors",
            "Your database account may not do this: the shared store allows it to "
            "supervisors only ({error}).",
        )
    elif server and ("password" in text or "authentication" in text):
        message = translate(
            "errors",
            "The server of the shared store “{name}” refused the user name or password.",
        )
    elif server and (code.startswith("08") or "connect" in text or "timeout" in text):
        message = translate(
            "errors",
            "The server of the shared store “{name}” cannot be reached. Check the network "
            "and the address, or ask the administrator whether it is running.",
        )
    elif "locked" in text or "busy" in text or code in ("40001", "40P01", "55P03"):
        message = translate(
            "errors",
            "The signature store “{name}” is busy: another sigverify window or program is "
            "writing to it. Try again in a moment.",
        )
    elif "full" in text or code == "53100":
        message = translate(
            "errors", "The disk is full: nothing was saved. Free some space and try again."
        )
    elif "not a database" in text or "malformed" in text or "file is encrypted" in text:
        message = translate("errors", "“{name}” is not a sigverify store, or it is damaged.")
    elif "readonly" in text or "unable to open" in text:
        message = translate("errors", "The signature store “{path}” cannot be opened for writing.")
    else:
        message = translate("errors", "The signature store could not be used ({error}).")
    return StoreError(message.format(name=name, path=location, error=error))


def server_is_set_up(db) -> bool:
    return db.execute("SELECT to_regclass('sigverify_schema') IS NOT NULL").fetchone()[0]


def check_server_schema(db) -> None:
    """A server store must have been set up (or upgraded) by ``sigverify store
    init-postgres``, which an administrator runs: a desk never changes the schema."""
    version = None
    if server_is_set_up(db):
        version = db.execute("SELECT version FROM sigverify_schema").fetchone()
    if version is None:
        raise StoreError(
            translate(
                "errors",
                "The database “{name}” is not set up as a sigverify store. An administrator "
                "sets it up with: sigverify store init-postgres URL",
            ).format(name=db.location)
        )
    if version[0] > SCHEMA_VERSION:
        raise StoreError(
            translate(
                "errors",
                "The signature store “{name}” was written by a newer sigverify (schema "
                "{version}); update sigverify to open it.",
            ).format(name=db.location, version=version[0])
        )
    if version[0] < SCHEMA_VERSION:
        raise StoreError(
            translate(
                "errors",
                "The shared store “{name}” needs an upgrade, which an administrator makes "
                "with: sigverify store init-postgres URL",
            ).format(name=db.location)
        )


def prepare(
    db,
    name: str,
    transaction: Callable[[], AbstractContextManager],
    seal: Seal,
) -> None:
    """Check that the open file ``name`` is ours and not from a newer version, create or
    migrate it to :data:`SCHEMA_VERSION` inside ``transaction()``, make the
    :data:`INDEXES` it lacks, and set the journal.
    A store reaching version 3 (new, or older) gets its ``seal`` then, in the same
    transaction."""
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("BEGIN")  # one consistent look (another desk may be creating the file)
    try:
        version = checked_version(db, name)
    finally:
        db.execute("COMMIT")
    if version < SCHEMA_VERSION:
        # One process at a time creates or migrates, looking again once it holds the
        # write lock: two desks opening a new store together must not both create it.
        with transaction():
            version = checked_version(db, name)
            for target in range(version + 1, SCHEMA_VERSION + 1):
                for statement in MIGRATIONS[target].split(";"):
                    if statement.strip():
                        db.execute(statement)
                if target == 3:
                    seal.create()
                    seal_rows(db, seal)
                db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                db.execute(f"PRAGMA user_version = {target}")
    missing = [
        statement
        for name, statement in INDEXES
        if db.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone() is None
    ]
    if missing:  # (looked for first: opening takes no write lock once they are there)
        with transaction():
            for statement in missing:
                db.execute(statement)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = FULL")


def checked_version(db, name: str) -> int:
    """The schema version of the open file ``name``, after checking it is ours and not
    from the future."""
    application_id = db.execute("PRAGMA application_id").fetchone()[0]
    version = db.execute("PRAGMA user_version").fetchone()[0]
    has_tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
    if has_tables and application_id != APPLICATION_ID:
        raise StoreError(
            translate("errors", "“{name}” is not a sigverify store; choose another file.").format(
                name=name
            )
        )
    if version > SCHEMA_VERSION:
        raise StoreError(
            translate(
                "errors",
                "The signature store “{name}” was written by a newer sigverify (schema "
                "{version}); update sigverify to open it.",
            ).format(name=name, version=version)
        )
    return version
