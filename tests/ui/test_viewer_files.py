"""The copies handed to the system viewer: one owner-only folder per run, removed at quit, and the folders of
runs that died swept at the next start while a running app's folder stays."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.ui.widgets import viewer_files
from desktop.ui.widgets.viewer_files import PREFIX, STALE_AFTER_SECONDS, ViewerFiles, safe_name

NOW = 1_800_000_000.0  # a fixed "now" for the sweep; folder ages are set relative to it


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def _folder(base: Path, name: str, age: float) -> Path:
    folder = base / name
    folder.mkdir()
    (folder / "surat_rahasia.pdf").write_bytes(b"%PDF-1.4 rahasia")
    os.utime(folder, (NOW - age, NOW - age))
    return folder


def test_copies_land_in_one_private_folder_of_this_run(tmp_path: Path) -> None:
    files = ViewerFiles(tmp_path)
    first = files.copy("aset/1.3.2.10.01.02.002.000001_1.png", b"foto")
    second = files.copy("bast/12_1.pdf", b"%PDF-1.4 ba")
    again = files.copy("aset/1.3.2.10.01.02.002.000001_1.png", b"foto")
    other = files.copy("aset/1.3.2.10.01.02.002.000001_1.png", b"foto lain")

    folder = first.parent
    assert folder == files.folder and folder.parent == tmp_path
    assert folder.name.startswith(f"{PREFIX}{os.getpid()}-")
    assert [p.name for p in tmp_path.iterdir()] == [folder.name]  # one folder, however many files are opened
    assert first.name == "aset_1.3.2.10.01.02.002.000001_1.png" and first.read_bytes() == b"foto"
    assert second.parent == folder and second.read_bytes() == b"%PDF-1.4 ba"
    assert again == first  # the same file opened twice: the same copy
    # other bytes under a name in use: a new name, the first copy untouched (a viewer may hold it open)
    assert other.name == "aset_1.3.2.10.01.02.002.000001_1 (2).png" and first.read_bytes() == b"foto"
    if os.name == "posix":
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        assert stat.S_IMODE(first.stat().st_mode) == 0o600


@pytest.mark.parametrize(
    ("stored", "file_name"),
    [
        ("aset/01_1.png", "aset_01_1.png"),
        ('a\\b:c*?"<>|.pdf', "a_b_c_.pdf"),
        ("../..", "_"),
        ("..", "berkas"),
        ("", "berkas"),
    ],
)
def test_a_stored_name_becomes_one_harmless_file_name(stored: str, file_name: str) -> None:
    assert safe_name(stored) == file_name


def test_cleanup_removes_the_folder_and_the_next_copy_makes_a_new_one(tmp_path: Path) -> None:
    files = ViewerFiles(tmp_path)
    copy = files.copy("surat/1.pdf", b"%PDF")
    files.cleanup()
    assert not copy.parent.exists() and list(tmp_path.iterdir()) == []
    # after a sign-out the event loop ends (and the folder with it); the next clerk's copy gets a fresh one
    again = files.copy("surat/1.pdf", b"%PDF")
    assert again.read_bytes() == b"%PDF" and again.parent.parent == tmp_path
    files.cleanup()


def test_a_removed_folder_is_made_again(tmp_path: Path) -> None:
    files = ViewerFiles(tmp_path)
    first = files.copy("a.png", b"1")
    first.unlink()
    first.parent.rmdir()  # another run's sweep or a disk cleaner took it while the app ran
    assert files.copy("a.png", b"1").read_bytes() == b"1"


def test_the_folder_goes_when_the_application_quits(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    files = ViewerFiles(tmp_path)
    files.install(qapp)
    files.install(qapp)  # once only
    copy = files.copy("aset/01_1.png", b"foto")
    assert copy.exists()  # while the app runs the viewer can still read it
    try:
        qapp.aboutToQuit.emit()
        assert not copy.parent.exists()
    finally:
        qapp.aboutToQuit.disconnect(files.cleanup)


def test_the_sweep_removes_dead_runs_folders_and_keeps_a_running_apps(tmp_path: Path) -> None:
    dead, alive = _dead_pid(), os.getppid()
    crashed = _folder(tmp_path, f"{PREFIX}{dead}-k2j4", age=60)
    running = _folder(tmp_path, f"{PREFIX}{alive}-x81q", age=60)
    forgotten = _folder(tmp_path, f"{PREFIX}{alive}-m3pz", age=STALE_AFTER_SECONDS + 60)
    legacy_old = _folder(tmp_path, f"{PREFIX}abc_12xy", age=STALE_AFTER_SECONDS + 60)  # before this helper
    legacy_new = _folder(tmp_path, f"{PREFIX}q9w8e7r6", age=60)
    unrelated = _folder(tmp_path, "sekretariat-lain-1", age=STALE_AFTER_SECONDS + 60)
    a_file = tmp_path / f"{PREFIX}{dead}-file"
    a_file.write_bytes(b"x")
    os.utime(a_file, (NOW - STALE_AFTER_SECONDS * 2, NOW - STALE_AFTER_SECONDS * 2))

    files = ViewerFiles(tmp_path)
    mine = files.copy("a.png", b"1").parent
    os.utime(mine, (NOW - STALE_AFTER_SECONDS * 2, NOW - STALE_AFTER_SECONDS * 2))

    removed = files.sweep(now=NOW)
    assert sorted(removed) == sorted([crashed, forgotten, legacy_old])
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        p.name for p in (running, legacy_new, unrelated, a_file, mine)
    )
    assert (running / "surat_rahasia.pdf").exists()  # a running app's file stays readable for its viewer


def test_install_sweeps_at_start(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp) -> None:  # type: ignore[no-untyped-def]
    crashed = tmp_path / f"{PREFIX}{_dead_pid()}-k2j4"
    crashed.mkdir()
    files = ViewerFiles(tmp_path)
    monkeypatch.setattr(viewer_files, "FILES", files)
    try:
        viewer_files.install(qapp)
        assert not crashed.exists()
        assert viewer_files.copy_for_viewer("b.pdf", b"%PDF").parent == files.folder
    finally:
        qapp.aboutToQuit.disconnect(files.cleanup)
        files.cleanup()
