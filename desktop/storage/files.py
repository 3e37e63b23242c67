"""Owner-only files and folders, and temporary files kept beside their target and cleaned at the next start."""

from __future__ import annotations

import logging
import os
import re
import sys
import time
from collections.abc import Iterable
from pathlib import Path

log = logging.getLogger("sekretariat.files")

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700
# A temporary file is ".<target name>.<pid>.tmp" (SQLite may add -wal, -shm or -journal beside it).
_TEMP_RE = re.compile(r"^\..+\.(?P<pid>\d+)\.tmp(?:-wal|-shm|-journal)?$")
# No backup or restore runs this long: an older temp file is a left-over even if its pid was reused since.
STALE_AFTER_SECONDS = 24 * 3600
POSIX = os.name == "posix"
# Roughly when this process started: a temp file carrying our own pid but older than that is a dead
# process's (pids are reused).
_STARTED = time.time()


def make_private_dir(path: Path) -> Path:
    """Create ``path`` (and missing parents) readable by its owner only; tighten it if it already exists."""
    path.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    if POSIX:
        os.chmod(path, PRIVATE_DIR)
    return path


def make_private(path: Path) -> None:
    """Owner-only access to a file that holds data (a no-op on Windows, where the profile folder is private)."""
    if not POSIX:
        return
    try:
        os.chmod(path, PRIVATE_FILE)
    except FileNotFoundError:
        pass
    except PermissionError:  # another user's file: not ours to change, and reading it still works
        log.warning("cannot make %s owner-only: it belongs to another user", path)


def create_private_file(path: Path) -> None:
    """Create an empty owner-only file if it is missing (a library that then opens it keeps that mode);
    an existing file is made owner-only."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    except FileExistsError:
        pass
    else:
        os.close(fd)
    make_private(path)


def temp_path(target: Path) -> Path:
    """The temporary file for ``target``: beside it, named after it and this process."""
    return target.with_name(f".{target.name}.{os.getpid()}.tmp")


def remove_temp(tmp: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        tmp.with_name(tmp.name + suffix).unlink(missing_ok=True)


def pid_alive(pid: int) -> bool:
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import ctypes

        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        try:
            kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        finally:
            kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, owned by someone else
        return True
    return True


def remove_stale_temp_files(folders: Iterable[Path], now: float | None = None) -> list[Path]:
    """Delete the temporary files that a killed backup or restore left behind; returns what was removed.

    A file is left alone while the process named in it is alive and the file is younger than a day: it may
    belong to a backup another window or a CLI command is writing into the same folder right now.
    """
    now = time.time() if now is None else now
    removed: list[Path] = []
    for folder in dict.fromkeys(folders):
        try:
            entries = list(folder.iterdir())
        except OSError:
            continue
        for path in entries:
            m = _TEMP_RE.match(path.name)
            if not m or not path.is_file():
                continue
            try:
                mtime = path.stat().st_mtime
                pid = int(m["pid"])
                if pid == os.getpid():
                    dead = mtime < _STARTED
                else:
                    dead = now - mtime > STALE_AFTER_SECONDS or not pid_alive(pid)
                if dead:
                    path.unlink()
                    removed.append(path)
            except OSError as exc:
                log.warning("could not remove left-over temporary file %s: %s", path, exc)
    if removed:
        log.info("removed left-over temporary files: %s", ", ".join(p.name for p in removed))
    return removed
