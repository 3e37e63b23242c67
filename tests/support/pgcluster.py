"""A throw-away PostgreSQL cluster for the test run: initdb + pg_ctl on a free port of 127.0.0.1."""

from __future__ import annotations

import atexit
import contextlib
import os
import pwd
import re
import shlex
import shutil
import signal
import socket
import stat
import subprocess
import tempfile
import time
from pathlib import Path
from types import TracebackType

import psycopg
from psycopg import sql

SUPERUSER = "postgres"
HOST = "127.0.0.1"
# Durability is worthless for a cluster that is deleted after the run; these make it several times faster.
TEST_SETTINGS: dict[str, str] = {
    "listen_addresses": f"'{HOST}'",
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "wal_level": "minimal",
    "max_wal_senders": "0",
    "logging_collector": "off",
    "log_min_messages": "warning",
}
_DB_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")
# sun_path holds 108 bytes; PostgreSQL appends "/.s.PGSQL.<port>" (+ ".lock") to the socket directory.
_MAX_SOCKET_DIR = 80


class PgClusterError(RuntimeError):
    """The test cluster could not be created, started or used."""


def _version_key(bindir: Path) -> tuple[int, ...]:
    # /usr/lib/postgresql/<version>/bin; "9.6" sorts below "15".
    return tuple(int(part) for part in re.findall(r"\d+", bindir.parent.name)) or (0,)


def _is_server_bindir(path: Path) -> bool:
    return all(os.access(path / tool, os.X_OK) for tool in ("initdb", "pg_ctl", "postgres"))


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


class PgCluster:
    """One PostgreSQL server in a temporary directory, trust auth, superuser ``postgres``.

    ``with PgCluster().start(tmp) as pg: url = pg.create_database("t1")``. When run as root (CI), every
    server command runs as the ``postgres`` OS user, since PostgreSQL refuses to run as root.
    """

    def __init__(self, bindir: Path | None = None, *, keep_files: bool = False) -> None:
        self.bindir = bindir
        self.keep_files = keep_files
        self.port: int | None = None
        self.base: Path | None = None
        self.data_dir: Path | None = None
        self.socket_dir: Path | None = None
        self.log_file: Path | None = None
        self.start_seconds: float | None = None
        self._own_socket_dir: Path | None = None
        self._owner: pwd.struct_passwd | None = None

    # -- discovery -------------------------------------------------------------------------------------

    @staticmethod
    def find_bindir() -> Path | None:
        """Directory holding initdb/pg_ctl/postgres, or None when the server is not installed."""
        candidates: list[Path] = []
        if env := os.environ.get("SEKRETARIAT_PG_BINDIR"):
            candidates.append(Path(env))
        if pg_config := shutil.which("pg_config"):
            with contextlib.suppress(OSError, subprocess.SubprocessError):
                out = subprocess.run(
                    [pg_config, "--bindir"], capture_output=True, text=True, timeout=10, check=True
                ).stdout.strip()
                if out:
                    candidates.append(Path(out))
        candidates.extend(sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=_version_key, reverse=True))
        if initdb := shutil.which("initdb"):
            candidates.append(Path(initdb).resolve().parent)
        return next((path for path in candidates if _is_server_bindir(path)), None)

    # -- life cycle ------------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.port is not None

    def start(self, base_dir: Path | str | None = None) -> PgCluster:
        """initdb in a new temporary directory under ``base_dir`` (default: the system temp dir) and start."""
        if self.base is not None:
            raise PgClusterError("cluster already started")
        began = time.monotonic()
        bindir = self.bindir or self.find_bindir()
        if bindir is None:
            raise PgClusterError(
                "PostgreSQL server binaries (initdb, pg_ctl) not found: install the 'postgresql' package "
                "(bash .ci/setup-services.sh) or set SEKRETARIAT_PG_BINDIR"
            )
        self.bindir = bindir
        self._owner = self._server_owner()
        parent = Path(base_dir) if base_dir is not None else Path(tempfile.gettempdir())
        parent.mkdir(parents=True, exist_ok=True)
        self.base = Path(tempfile.mkdtemp(prefix="pg-", dir=parent)).resolve()
        atexit.register(self.stop)
        try:
            self._prepare_dirs()
            self._initdb()
            self._launch()
        except BaseException:
            self.stop()
            raise
        self.start_seconds = time.monotonic() - began
        return self

    def stop(self) -> None:
        """Stop the server (fast mode) and delete its files; safe to call at any point, any number of times."""
        atexit.unregister(self.stop)
        try:
            if self.data_dir is not None and (self.data_dir / "postmaster.pid").exists():
                self._stop_server()
        finally:
            if not self.keep_files:
                for path in (self.base, self._own_socket_dir):
                    if path is not None:
                        shutil.rmtree(path, ignore_errors=True)
            self.port = None
            self.base = self.data_dir = self.socket_dir = self.log_file = self._own_socket_dir = None

    def __enter__(self) -> PgCluster:
        if self.base is None:
            self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # -- databases -------------------------------------------------------------------------------------

    def conninfo(self, name: str = "postgres") -> str:
        return psycopg.conninfo.make_conninfo(host=HOST, port=self._port(), user=SUPERUSER, dbname=name)

    def url(self, name: str = "postgres") -> str:
        """SQLAlchemy URL of database ``name``."""
        _check_name(name)
        return f"postgresql+psycopg://{SUPERUSER}@{HOST}:{self._port()}/{name}"

    def create_database(self, name: str, template: str | None = None) -> str:
        """Create database ``name`` (UTF8, from template1 or a copy of ``template``); return its SQLAlchemy URL."""
        _check_name(name)
        statement = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
        if template is not None:
            _check_name(template)
            statement = sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                sql.Identifier(name), sql.Identifier(template)
            )
        with psycopg.connect(self.conninfo(), autocommit=True, connect_timeout=10) as conn:
            conn.execute(statement)
        return self.url(name)

    def drop_database(self, name: str) -> None:
        """Drop database ``name`` if it exists, disconnecting any sessions still using it."""
        _check_name(name)
        with psycopg.connect(self.conninfo(), autocommit=True, connect_timeout=10) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))

    # -- internals -------------------------------------------------------------------------------------

    def _port(self) -> int:
        if self.port is None:
            raise PgClusterError("cluster is not running")
        return self.port

    @staticmethod
    def _server_owner() -> pwd.struct_passwd | None:
        if os.geteuid() != 0:
            return None
        try:
            return pwd.getpwnam(SUPERUSER)
        except KeyError:
            raise PgClusterError(
                "running as root, but there is no 'postgres' OS user to run the server as "
                "(PostgreSQL refuses to run as root); install the postgresql package or run as a normal user"
            ) from None

    def _prepare_dirs(self) -> None:
        assert self.base is not None
        self.data_dir = self.base / "data"
        self.log_file = self.base / "server.log"
        self.socket_dir = self.base / "sock"
        if len(str(self.socket_dir)) > _MAX_SOCKET_DIR:
            self.socket_dir = self._own_socket_dir = Path(tempfile.mkdtemp(prefix="pgs-"))
        self.socket_dir.mkdir(mode=0o700, exist_ok=True)
        if self._owner is None:
            return
        for path in (self.base, self.socket_dir):
            os.chown(path, self._owner.pw_uid, self._owner.pw_gid)
            path.chmod(0o700)
            # The postgres user must be able to walk down to its directories (pytest's are 0700 root's).
            for parent in path.parents:
                mode = parent.stat().st_mode
                if not mode & stat.S_IXOTH:
                    parent.chmod(stat.S_IMODE(mode) | stat.S_IXOTH)

    def _run(self, *args: str | Path, timeout: float) -> subprocess.CompletedProcess[str]:
        cmd = [str(arg) for arg in args]
        if self._owner is not None:
            if runuser := shutil.which("runuser"):
                cmd = [runuser, "-u", self._owner.pw_name, "--", *cmd]
            else:
                cmd = ["su", "-s", "/bin/sh", self._owner.pw_name, "-c", shlex.join(cmd)]
        # Plain C messages, and no PG* variables from the developer's shell steering the tools elsewhere.
        env = {key: value for key, value in os.environ.items() if not key.startswith("PG")}
        env.update(LC_ALL="C", LANG="C")
        try:
            return subprocess.run(
                cmd, capture_output=True, text=True, timeout=timeout, cwd=self.base, env=env, check=False
            )
        except subprocess.TimeoutExpired as exc:
            raise PgClusterError(
                f"{shlex.join(cmd)} did not finish in {timeout:.0f} s{self._log_tail()}"
            ) from exc

    def _tool(self, name: str) -> Path:
        assert self.bindir is not None
        return self.bindir / name

    def _initdb(self) -> None:
        assert self.data_dir is not None and self.socket_dir is not None
        result = self._run(
            self._tool("initdb"),
            *("-D", self.data_dir, "-U", SUPERUSER, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"),
            timeout=120,
        )
        if result.returncode != 0:
            raise PgClusterError(f"initdb failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
        settings = dict(TEST_SETTINGS, unix_socket_directories=_quote(str(self.socket_dir)))
        with (self.data_dir / "postgresql.conf").open("a", encoding="utf-8") as conf:
            conf.write("\n# tests/support/pgcluster.py\n")
            conf.writelines(f"{key} = {value}\n" for key, value in settings.items())

    def _launch(self) -> None:
        assert self.data_dir is not None and self.log_file is not None
        for _attempt in range(3):
            port = _free_port()
            result = self._run(
                self._tool("pg_ctl"),
                *("-D", self.data_dir, "-l", self.log_file, "-w", "-t", "60", "-s"),
                *("-o", f"-p {port}", "start"),
                timeout=90,
            )
            if result.returncode == 0:
                self.port = port
                self._wait_ready()
                return
            tail = self._log_tail()
            if "could not bind" in tail or "already in use" in tail:
                # Another process took the port between probing and binding: try a fresh one.
                if (self.data_dir / "postmaster.pid").exists():
                    self._stop_server()
                continue
            raise PgClusterError(f"pg_ctl start failed ({result.returncode}): {result.stderr.strip()}{tail}")
        raise PgClusterError(f"no free TCP port on {HOST} after 3 attempts{self._log_tail()}")

    def _wait_ready(self, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while True:
            try:
                with psycopg.connect(self.conninfo(), connect_timeout=5) as conn:
                    conn.execute("SELECT 1")
                return
            except psycopg.OperationalError as exc:
                if time.monotonic() > deadline:
                    raise PgClusterError(
                        f"server never accepted connections: {exc}{self._log_tail()}"
                    ) from exc
                time.sleep(0.05)

    def _stop_server(self) -> None:
        assert self.data_dir is not None
        try:
            result = self._run(
                self._tool("pg_ctl"),
                "-D",
                self.data_dir,
                "-m",
                "fast",
                "-w",
                "-t",
                "30",
                "-s",
                "stop",
                timeout=45,
            )
            if result.returncode == 0:
                return
        except (OSError, PgClusterError):
            pass
        self._kill_postmaster()

    def _kill_postmaster(self) -> None:
        # Last resort after pg_ctl failed: the pid of the postmaster this object started.
        assert self.data_dir is not None
        try:
            pid = int((self.data_dir / "postmaster.pid").read_text().splitlines()[0])
        except (OSError, ValueError, IndexError):
            return
        for sig in (signal.SIGQUIT, signal.SIGKILL):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, sig)
            for _ in range(50):
                try:
                    os.kill(pid, 0)
                except ProcessLookupError:
                    return
                time.sleep(0.1)

    def _log_tail(self, lines: int = 25) -> str:
        if self.log_file is None or not self.log_file.exists():
            return ""
        text = self.log_file.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:]
        return f"\n--- server log {self.log_file} (tail) ---\n" + "\n".join(text)


def _check_name(name: str) -> None:
    if not _DB_NAME.match(name):
        raise ValueError(f"database name must be a plain identifier, got {name!r}")


def _quote(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"
