"""Another process holding SQLite's write lock: ``python -m tests.support.lock_holder DB RELEASE SECONDS``.

Prints "locked" once it holds the lock, then keeps it until the file RELEASE exists or SECONDS have passed.
``LockHolder`` starts it from a test; ``run_cli`` starts the ``sekretariat`` command beside it.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Words of the advice to restore a backup: never for a database that is merely busy.
RESTORE_ADVICE = ("Pulihkan", "pulihkan", "cadangan terakhir", "restore")


def hold(db_path: str, release: str, seconds: float) -> None:
    con = sqlite3.connect(db_path, isolation_level=None)
    con.execute("BEGIN IMMEDIATE")
    con.execute("UPDATE app_setting SET value = value WHERE 0")
    print("locked", flush=True)
    until = time.monotonic() + seconds
    while time.monotonic() < until and not Path(release).exists():
        time.sleep(0.05)
    con.execute("ROLLBACK")
    con.close()


class LockHolder:
    """A separate process that holds SQLite's write lock (BEGIN IMMEDIATE) until released."""

    def __init__(self, db_file: Path, release: Path, seconds: float) -> None:
        self.release_file = release
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.support.lock_holder", str(db_file), str(release), str(seconds)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        assert self.process.stdout.readline().strip() == "locked"

    def release(self) -> None:
        self.release_file.touch()
        assert self.process.wait(timeout=60) == 0


def run_cli(data_dir: Path, *args: str) -> subprocess.Popen[str]:
    """``sekretariat --data-dir DATA_DIR ARGS…`` in a process of its own, its output captured as text."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen(
        [sys.executable, "-m", "desktop", "--data-dir", str(data_dir), *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


if __name__ == "__main__":
    hold(sys.argv[1], sys.argv[2], float(sys.argv[3]))
