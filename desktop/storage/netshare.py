"""Detect a database file on a network share, where SQLite's WAL mode can corrupt data."""

from __future__ import annotations

import os
import sys
from pathlib import Path

_NETWORK_FS = {
    "nfs",
    "nfs4",
    "cifs",
    "smb",
    "smb3",
    "smbfs",
    "fuse.sshfs",
    "sshfs",
    "9p",
    "afs",
    "ceph",
    "glusterfs",
    "fuse.glusterfs",
    "davfs",
    "fuse.davfs2",
    "ncpfs",
}


def _linux_fs_type(path: Path, mounts_text: str) -> str | None:
    best: tuple[int, str] | None = None
    target = str(path)
    for line in mounts_text.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point = parts[1].replace("\\040", " ")
        prefix = mount_point.rstrip("/") + "/"
        if (target == mount_point or target.startswith(prefix) or mount_point == "/") and (
            best is None or len(mount_point) > best[0]
        ):
            best = (len(mount_point), parts[2])
    return best[1] if best else None


def is_network_path(path: Path, *, mounts_text: str | None = None) -> bool:
    """True when ``path`` (or the folder that will hold it) lies on a network file system."""
    path = Path(os.path.abspath(path))
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        text = str(path)
        if text.startswith("\\\\"):
            return True
        import ctypes

        drive = os.path.splitdrive(text)[0] + "\\"
        return bool(ctypes.windll.kernel32.GetDriveTypeW(drive) == 4)  # DRIVE_REMOTE
    if mounts_text is None:
        try:
            mounts_text = Path("/proc/mounts").read_text(encoding="utf-8")
        except OSError:
            return False
    fs = _linux_fs_type(path, mounts_text)
    return fs is not None and fs in _NETWORK_FS
