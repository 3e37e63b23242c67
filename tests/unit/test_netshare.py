"""Network shares are recognised from /proc/mounts (every kind an office meets) and from Windows paths."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.storage.netshare import DRIVE_REMOTE, is_network_path, windows_is_network

LOCAL = """\
rootfs / rootfs rw 0 0
/dev/nvme0n1p2 / ext4 rw,relatime 0 0
tmpfs /tmp tmpfs rw,nosuid,nodev 0 0
/dev/nvme0n1p3 /home ext4 rw,relatime 0 0
/dev/sdb1 /media/usb vfat rw,relatime 0 0
/dev/sdc1 /media/ntfs fuseblk rw,relatime 0 0
nfsd /proc/fs/nfsd nfsd rw,relatime 0 0
"""

# One mount of each kind, under /mnt/<name>; the lines are as the kernel writes them.
NETWORK_MOUNTS = {
    "cifs": "//fileserver/umum /mnt/cifs cifs rw,vers=3.0 0 0",
    "smb3": "//fileserver/umum /mnt/smb3 smb3 rw 0 0",
    "nfs": "srv:/export /mnt/nfs nfs rw 0 0",
    "nfs4": "srv:/export /mnt/nfs4 nfs4 rw 0 0",
    "gvfs": "gvfsd-fuse /mnt/gvfs fuse.gvfsd-fuse rw,nosuid,nodev,user_id=1000 0 0",
    "rclone": "gdrive: /mnt/rclone fuse.rclone rw,nosuid,nodev 0 0",
    "s3fs": "s3fs /mnt/s3fs fuse.s3fs rw,nosuid,nodev 0 0",
    "smbnetfs": "smbnetfs /mnt/smbnetfs fuse.smbnetfs rw,nosuid,nodev 0 0",
    "sshfs": "pegawai@srv:/data /mnt/sshfs fuse.sshfs rw 0 0",
    "sshfs-lama": "sshfs#pegawai@srv:/data /mnt/sshfs-lama fuse rw 0 0",
    "virtiofs": "hostshare /mnt/virtiofs virtiofs rw 0 0",
    "vboxsf": "Dokumen /mnt/vboxsf vboxsf rw 0 0",
    "lustre": "10.0.0.1@tcp:/lustre /mnt/lustre lustre rw 0 0",
    "9p": "hostshare /mnt/9p 9p rw,trans=virtio 0 0",
    "ceph": "10.0.0.2:/ /mnt/ceph ceph rw 0 0",
    "glusterfs": "srv:/vol /mnt/glusterfs fuse.glusterfs rw 0 0",
    "davfs": "https://dav.example/ /mnt/davfs fuse.davfs2 rw 0 0",
    "afpfs": "afpfs /mnt/afpfs fuse.afpfs rw 0 0",
    "ocfs2": "/dev/sdd1 /mnt/ocfs2 ocfs2 rw 0 0",
    "gfs2": "/dev/sde1 /mnt/gfs2 gfs2 rw 0 0",
    "coda": "coda /mnt/coda coda rw 0 0",
}


@pytest.mark.parametrize("name", sorted(NETWORK_MOUNTS))
def test_every_kind_of_network_share_is_recognised(name: str) -> None:
    mounts = LOCAL + NETWORK_MOUNTS[name] + "\n"
    assert is_network_path(Path(f"/mnt/{name}/Sekretariat/sekretariat.db"), mounts_text=mounts)
    assert is_network_path(Path(f"/mnt/{name}"), mounts_text=mounts)
    # A sibling whose name merely starts the same is another folder, on the local disk.
    assert not is_network_path(Path(f"/mnt/{name}-lokal/sekretariat.db"), mounts_text=mounts)


@pytest.mark.parametrize(
    "path",
    ["/home/ani/.local/share/Sekretariat/sekretariat.db", "/media/usb/a.db", "/media/ntfs/a.db", "/tmp/x"],
)
def test_local_disks_are_not_network_shares(path: str) -> None:
    mounts = LOCAL + "\n".join(NETWORK_MOUNTS.values()) + "\n"
    assert not is_network_path(Path(path), mounts_text=mounts)


@pytest.mark.parametrize(
    ("escaped", "real"),
    [
        (r"/mnt/Data\040Kantor", "/mnt/Data Kantor"),
        (r"/mnt/Data\011Kantor", "/mnt/Data\tKantor"),
        (r"/mnt/Data\012Kantor", "/mnt/Data\nKantor"),
        (r"/mnt/Data\134Kantor", "/mnt/Data\\Kantor"),
        (r"/mnt/Umum\040\050Sekretariat\051", "/mnt/Umum (Sekretariat)"),
    ],
)
def test_mount_points_with_escaped_characters(escaped: str, real: str) -> None:
    mounts = LOCAL + f"//srv/data {escaped} cifs rw 0 0\n"
    assert is_network_path(Path(real) / "sekretariat.db", mounts_text=mounts)
    assert not is_network_path(Path(escaped) / "sekretariat.db", mounts_text=mounts)


def test_a_mount_over_a_network_share_decides_by_the_last_line() -> None:
    mounts = LOCAL + "//srv/a /mnt/x cifs rw 0 0\n/dev/sdf1 /mnt/x ext4 rw 0 0\n"
    assert not is_network_path(Path("/mnt/x/a.db"), mounts_text=mounts)


def test_a_database_file_that_links_into_a_network_share(tmp_path: Path) -> None:
    share = tmp_path / "share"
    share.mkdir()
    (share / "sekretariat.db").write_bytes(b"")
    data = tmp_path / "data"
    data.mkdir()
    (data / "sekretariat.db").symlink_to(share / "sekretariat.db")
    linked_folder = tmp_path / "data-link"
    linked_folder.symlink_to(share)
    mounts = LOCAL + f"//srv/umum {share} cifs rw 0 0\n"
    assert is_network_path(data / "sekretariat.db", mounts_text=mounts)
    assert is_network_path(linked_folder / "sekretariat.db", mounts_text=mounts)
    assert not is_network_path(data, mounts_text=mounts)


def _drives(remote: set[str]) -> Callable[[str], int]:
    def drive_type_of(root: str) -> int:
        assert len(root) == 3 and root.endswith(":\\")  # GetDriveTypeW wants "X:\"
        return DRIVE_REMOTE if root[0] in remote else 3  # DRIVE_FIXED

    return drive_type_of


@pytest.mark.parametrize(
    ("path", "network"),
    [
        (r"\\fileserver\umum\Sekretariat\sekretariat.db", True),
        (r"//fileserver/umum/sekretariat.db", True),
        (r"\\?\UNC\fileserver\umum\sekretariat.db", True),
        (r"\\?\unc\fileserver\umum\sekretariat.db", True),
        (r"Z:\Sekretariat\sekretariat.db", True),  # a mapped network drive
        (r"z:\Sekretariat\sekretariat.db", True),
        (r"\\?\Z:\Sekretariat\sekretariat.db", True),
        (r"C:\Users\ani\AppData\Local\Sekretariat\sekretariat.db", False),
        (r"\\?\C:\Users\ani\sekretariat.db", False),
        (r"\\.\C:\Users\ani\sekretariat.db", False),
        (r"D:\data.db", False),
    ],
)
def test_windows_unc_paths_and_mapped_drives(path: str, network: bool) -> None:
    assert windows_is_network(path, _drives({"Z"})) is network
