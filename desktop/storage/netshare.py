"""Detect a database file on a network share, where SQLite's WAL mode can corrupt data."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from pathlib import Path

# File system types (the third field of /proc/mounts) that reach another machine, or a cloud store, or a
# cluster file system shared between machines: SQLite's locking is not reliable on any of them.
_NETWORK_FS = frozenset(
    {
        # NFS and SMB/CIFS in the kernel
        "nfs",
        "nfs4",
        "cifs",
        "smb",
        "smb2",
        "smb3",
        "smbfs",
        "ncpfs",
        "afpfs",
        "coda",
        "afs",
        "openafs",
        "9p",
        "virtiofs",  # a host folder shared into a virtual machine
        "vboxsf",  # VirtualBox shared folder
        "vmhgfs",
        "fuse.vmhgfs-fuse",  # VMware shared folder
        # cluster and distributed file systems
        "ceph",
        "fuse.ceph",
        "glusterfs",
        "fuse.glusterfs",
        "lustre",
        "ocfs2",
        "gfs2",
        "gpfs",
        "beegfs",
        "orangefs",
        "pvfs2",
        "fuse.moosefs",
        "fuse.lizardfs",
        "fuse.juicefs",
        "fuse.seaweedfs",
        # FUSE clients of remote or cloud storage
        "sshfs",
        "fuse.sshfs",
        "fuse.gvfsd-fuse",  # GNOME Files: smb://, sftp://, dav:// opened in the file manager
        "fuse.kio-fuse",  # the same for KDE
        "fuse.smbnetfs",
        "smbnetfs",
        "fuse.smb",
        "fuse.afpfs",
        "fuse.afpfs-ng",
        "fuse.rclone",
        "fuse.s3fs",
        "fuse.goofys",
        "fuse.gcsfuse",
        "fuse.curlftpfs",
        "fuse.onedriver",
        "fuse.google-drive-ocamlfuse",
        "davfs",
        "fuse.davfs",
        "fuse.davfs2",
    }
)
DRIVE_REMOTE = 4  # GetDriveTypeW: a mapped network drive
_OCTAL_ESCAPE = re.compile(rb"\\([0-7]{3})")


def _unescape(field: str) -> str:
    """A /proc/mounts field with its octal escapes (``\\040`` space, ``\\011`` tab, ``\\012`` newline,
    ``\\134`` backslash, …) decoded, as the path the kernel meant."""
    raw = os.fsencode(field)
    return os.fsdecode(_OCTAL_ESCAPE.sub(lambda m: bytes([int(m[1], 8) & 0xFF]), raw))


def _fs_type(source: str, fs_type: str) -> str:
    # Older FUSE mounts say only "fuse" and name the program in the source: "sshfs#user@host:/srv".
    if fs_type == "fuse" and "#" in source:
        return "fuse." + source.split("#", 1)[0]
    return fs_type


def linux_fs_type(path: Path, mounts_text: str) -> str | None:
    """The file system type of the mount that holds ``path`` (an absolute, resolved path)."""
    best: tuple[int, str] | None = None
    target = str(path)
    for line in mounts_text.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point = _unescape(parts[1])
        prefix = mount_point.rstrip("/") + "/"
        if (target == mount_point or target.startswith(prefix) or mount_point == "/") and (
            best is None or len(mount_point) >= best[0]
        ):
            # ">=": a later line on the same mount point is mounted over the earlier one.
            best = (len(mount_point), _fs_type(_unescape(parts[0]), parts[2]))
    return best[1] if best else None


def linux_is_network(path: Path, mounts_text: str) -> bool:
    return linux_fs_type(path, mounts_text) in _NETWORK_FS


def windows_is_network(path_text: str, drive_type_of: Callable[[str], int]) -> bool:
    """True for a UNC path (``\\\\server\\share``, ``\\\\?\\UNC\\server\\share``) or a path on a mapped
    network drive; ``drive_type_of("X:\\\\")`` is GetDriveTypeW (passed in so the rule is testable anywhere)."""
    text = path_text.replace("/", "\\")
    if text.startswith(("\\\\?\\", "\\\\.\\")):
        rest = text[4:]
        if rest[:4].upper() == "UNC\\":
            return True
        text = rest  # "\\?\C:\data": a local path written the long way
    elif text.startswith("\\\\"):
        return True
    if len(text) >= 2 and text[1] == ":" and text[0].isalpha():
        return drive_type_of(text[0].upper() + ":\\") == DRIVE_REMOTE
    return False


def _windows_drive_type(root: str) -> int:  # pragma: no cover - exercised on Windows only
    if sys.platform != "win32":
        raise OSError("GetDriveTypeW exists on Windows only")
    import ctypes

    return int(ctypes.windll.kernel32.GetDriveTypeW(root))


def is_network_path(path: Path, *, mounts_text: str | None = None) -> bool:
    """True when ``path`` (or the folder that will hold it) lies on a network file system.

    Symbolic links are followed first: a ``sekretariat.db`` that links into a network share is on it.
    """
    real = Path(os.path.realpath(path))
    if sys.platform == "win32":  # pragma: no cover - the decision itself is tested in windows_is_network
        return windows_is_network(str(real), _windows_drive_type) or windows_is_network(
            os.path.abspath(path), _windows_drive_type
        )
    if mounts_text is None:
        try:
            mounts_text = Path("/proc/mounts").read_text(encoding="utf-8", errors="surrogateescape")
        except OSError:
            return False
    return linux_is_network(real, mounts_text)
