"""Helpers for print tests through the real cups-pdf queue that .ci/setup-services.sh creates."""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import time
from pathlib import Path

TEST_QUEUE = "Sekretariat_PDF"
# setup-services.sh sets cups-pdf's "Out /var/spool/cups-pdf/${USER}" and "AnonDirName …/ANONYMOUS".
CUPS_PDF_BASE = Path("/var/spool/cups-pdf")
ANONYMOUS_DIR = CUPS_PDF_BASE / "ANONYMOUS"
_LOGS = (Path("/var/log/cups/cups-pdf_log"), Path("/var/log/cups/error_log"))


def _lpstat(*args: str) -> subprocess.CompletedProcess[str] | None:
    lpstat = shutil.which("lpstat")
    if lpstat is None:
        return None
    env = dict(os.environ, LC_ALL="C", LANG="C")
    try:
        return subprocess.run(
            [lpstat, *args], capture_output=True, text=True, timeout=10, env=env, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None


def unavailable_reason() -> str | None:
    """Why the test queue cannot take jobs, or None when it can."""
    if shutil.which("lp") is None or shutil.which("lpstat") is None:
        return "CUPS client tools (lp, lpstat) not installed; run: sudo bash .ci/setup-services.sh"
    running = _lpstat("-r")
    if running is None or "is running" not in running.stdout:
        return "CUPS scheduler not running; run: sudo bash .ci/setup-services.sh"
    accepting = _lpstat("-a", TEST_QUEUE)
    if accepting is None or accepting.returncode != 0 or "not accepting" in accepting.stdout:
        return f"CUPS queue {TEST_QUEUE} missing or not accepting jobs; run: sudo bash .ci/setup-services.sh"
    return None


def cups_available() -> bool:
    """The scheduler answers and the test queue exists and accepts jobs."""
    return unavailable_reason() is None


def output_dir() -> Path:
    """Where cups-pdf writes this user's jobs (override with SEKRETARIAT_CUPS_OUT)."""
    if env := os.environ.get("SEKRETARIAT_CUPS_OUT"):
        return Path(env)
    try:
        # CUPS sends the job under the login name of the uid; cups-pdf falls back to the anonymous
        # directory for names it cannot find in the password database.
        user = pwd.getpwuid(os.getuid()).pw_name
    except KeyError:
        return ANONYMOUS_DIR
    return CUPS_PDF_BASE / user


def _finished(path: Path) -> bool:
    # Ghostscript writes straight into the output file: wait for the trailer.
    with path.open("rb") as fh:
        fh.seek(max(0, path.stat().st_size - 1024))
        return b"%%EOF" in fh.read()


def wait_for_pdf(since: float, timeout: float = 60, *, name_contains: str | None = None) -> Path:
    """The first complete PDF written to ``output_dir()`` at or after ``since`` (a ``time.time()`` value)."""
    directory = output_dir()
    deadline = time.monotonic() + timeout
    last_sizes: dict[Path, int] = {}
    while True:
        try:
            candidates = sorted(
                (p for p in directory.glob("*.pdf") if name_contains is None or name_contains in p.name),
                key=lambda p: p.stat().st_mtime,
            )
            for path in candidates:
                info = path.stat()
                # Small slack: file timestamps come from the kernel's coarse clock.
                if info.st_mtime < since - 0.05 or info.st_size == 0:
                    continue
                if last_sizes.get(path) == info.st_size and _finished(path):
                    return path
                last_sizes[path] = info.st_size
        except FileNotFoundError:
            pass  # cups-pdf creates the directory with the first job
        except PermissionError as exc:
            raise PermissionError(f"cannot read cups-pdf output in {directory}: {exc}") from exc
        if time.monotonic() > deadline:
            raise TimeoutError(f"no PDF in {directory} after {timeout:.0f} s{_diagnostics()}")
        time.sleep(0.2)


def _diagnostics() -> str:
    parts = []
    for args in (("-o", TEST_QUEUE), ("-W", "completed", "-o", TEST_QUEUE), ("-p", TEST_QUEUE)):
        result = _lpstat(*args)
        if result is not None:
            parts.append(f"$ lpstat {' '.join(args)}\n{result.stdout}{result.stderr}")
    for log in _LOGS:
        try:
            tail = log.read_text(errors="replace").splitlines()[-15:]
        except OSError:
            continue
        parts.append(f"--- {log} (tail)\n" + "\n".join(tail))
    return "\n" + "\n".join(parts)
