"""A throwaway PostgreSQL server for the tests of shared stores: a new cluster in a
temporary folder, trust authentication on 127.0.0.1 and a socket in that folder, started
once per test session and stopped at its end. PostgreSQL refuses to run as root, so as
root the server runs as the ``postgres`` (or ``nobody``) user.

Without PostgreSQL's programs the tests that need it are skipped, except under CI
(``CI=true``), where that is a failure: CI must test both backends."""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

ADMIN = "sigverify_admin"


def _bindir() -> Path | None:
    found = shutil.which("pg_config")
    if found:
        out = subprocess.run([found, "--bindir"], capture_output=True, text=True).stdout.strip()
        if out and (Path(out) / "pg_ctl").exists():
            return Path(out)
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]))
    return Path(versions[-1]) if versions else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PostgresServer:
    """A running cluster: :meth:`new_database` gives each test its own database."""

    def __init__(self, bindir: Path):
        self.bindir = bindir
        self.folder = Path(tempfile.mkdtemp(prefix="sigverify-pg-"))
        self.folder.chmod(0o755)
        self.data = self.folder / "data"
        self.data.mkdir()
        self.user = None
        if os.geteuid() == 0:
            self.user = next(
                name for name in ("postgres", "nobody") if _has_user(name)
            )  # the server refuses to run as root
            record = pwd.getpwnam(self.user)
            os.chown(self.data, record.pw_uid, record.pw_gid)
        self.port = _free_port()
        self._names = itertools.count(1)
        self._run("initdb", "-D", str(self.data), "-U", ADMIN, "--auth=trust", "-E", "UTF8",
                  "--no-sync", "--locale=C")  # fmt: skip
        options = (
            f"-F -p {self.port} -k {self.data} -c listen_addresses=127.0.0.1 "
            "-c max_connections=60 -c shared_buffers=16MB"
        )
        log = self.data / "server.log"
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(log), "-w", "start")

    def _run(self, program: str, *args: str) -> None:
        command = [str(self.bindir / program), *args]
        if self.user:
            command = ["runuser", "-u", self.user, "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, cwd=self.folder)
        if done.returncode:
            raise RuntimeError(f"{program} failed: {done.stderr or done.stdout}")

    def url(self, database: str = "postgres", user: str = ADMIN) -> str:
        return f"postgresql://{user}@127.0.0.1:{self.port}/{database}"

    def admin(self, database: str = "postgres"):
        import psycopg

        return psycopg.connect(self.url(database), autocommit=True)

    def new_database(self) -> str:
        """A new empty database's name."""
        name = f"store_{next(self._names)}"
        with self.admin() as db:
            db.execute(f"CREATE DATABASE {name}")
        return name

    def login(self, name: str, role: str) -> None:
        """An account ``name`` that logs in with ``role`` (once per cluster)."""
        with self.admin() as db:
            if db.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone():
                return
            db.execute(f"CREATE ROLE {name} LOGIN IN ROLE {role}")

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


def _has_user(name: str) -> bool:
    try:
        pwd.getpwnam(name)
        return True
    except KeyError:
        return False


@pytest.fixture(scope="session")
def postgres_server():
    bindir = _bindir()
    if bindir is None:
        message = "PostgreSQL's programs (initdb, pg_ctl) are not installed"
        if os.environ.get("CI"):
            pytest.fail(message + ": CI tests the shared store on a real server")
        pytest.skip(message)
    server = PostgresServer(bindir)
    yield server
    server.stop()


@pytest.fixture
def server_store_url(postgres_server):
    """The administrator's URL of a new database set up as a shared store."""
    from sigverify.core.store.postgres import init_postgres

    url = postgres_server.url(postgres_server.new_database())
    init_postgres(url)
    return url
