"""Files that hold data are owner-only on POSIX; a killed backup or restore leaves nothing once the app starts
again, and a restore never puts a copy of the data in the system temp folder."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.services import system
from desktop.services.system import AppContext
from desktop.storage import backup as backups
from desktop.storage.config import ConnectionSettings, save_settings

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


@pytest.fixture
def open_umask() -> Iterator[None]:
    """The usual desktop umask (files 0644), as when the app's code runs embedded in another program."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def _modes(folder: Path) -> dict[str, int]:
    found = {".": stat.S_IMODE(folder.stat().st_mode)}
    for path in folder.rglob("*"):
        found[str(path.relative_to(folder))] = stat.S_IMODE(path.stat().st_mode)
    return found


def _assert_owner_only(folder: Path) -> None:
    modes = _modes(folder)
    wrong = {
        name: oct(mode)
        for name, mode in modes.items()
        if mode != (0o700 if (folder / name).is_dir() else 0o600)
    }
    assert wrong == {}


def test_data_backups_and_settings_are_owner_only_even_with_an_open_umask(
    tmp_path: Path, open_umask: None
) -> None:
    data = tmp_path / "data"
    ctx = system.open_context(data)
    try:
        system.prepare(ctx)
        system.backup_now(ctx, system.SYSTEM)
        system.backup_now(ctx, system.SYSTEM, data / "salinan" / "cadangan.db")
        save_settings(data, ConnectionSettings())
        assert (data / "sekretariat.db-wal").exists()  # the -wal and -shm of the open database count too
        _assert_owner_only(data)
        expected = {"sekretariat.db", "sekretariat.db-wal", "sekretariat.db-shm", "koneksi.json"}
        assert expected <= set(_modes(data))
    finally:
        ctx.db.dispose()


def test_the_command_creates_data_and_logs_owner_only(tmp_path: Path) -> None:
    data = tmp_path / "kantor"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for argv in (["init"], ["backup"]):
        done = subprocess.run(
            [sys.executable, "-m", "desktop", "--data-dir", str(data), *argv],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            preexec_fn=lambda: os.umask(0o022),
        )
        assert done.returncode == 0, done.stderr
    assert (data / "log" / "sekretariat.log").exists()
    assert list((data / "cadangan").glob("*.sha256"))
    _assert_owner_only(data)


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_next_start_removes_temp_files_of_dead_processes_only(ctx: AppContext) -> None:
    system.daily_backup(ctx)
    folder = ctx.backup_dir
    dead = _dead_pid()
    left_over = [
        folder / f".20260101-080000-manual.sekretariat-cadangan.db.{dead}.tmp",
        folder / f".20260101-080000-manual.sekretariat-cadangan.db.sha256.{dead}.tmp",
        ctx.data_dir / f".pulihkan.db.{dead}.tmp",
        ctx.data_dir / f".pulihkan.db.{dead}.tmp-wal",
        ctx.data_dir / f".koneksi.json.{dead}.tmp",
    ]
    with subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"]) as other:
        busy = folder / f".20260101-090000-manual.sekretariat-cadangan.db.{other.pid}.tmp"
        for path in [*left_over, busy]:
            path.write_bytes(b"sebagian")
        keep = [p for p in folder.iterdir() if not p.name.endswith(".tmp")]
        try:
            reopened = system.open_context(ctx.data_dir, db_url=None if ctx.db.sqlite_path else _url(ctx))
            reopened.db.dispose()
            assert [p for p in left_over if p.exists()] == []
            # Another process is still writing that backup into the same folder: not ours to remove.
            assert busy.exists()
            assert all(p.exists() for p in keep)
        finally:
            other.kill()


def _url(ctx: AppContext) -> str:
    return ctx.db.engine.url.render_as_string(hide_password=False)


def test_restore_keeps_its_working_copy_beside_the_data_not_in_the_temp_folder(
    ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    private_tmp = tmp_path / "tmp"
    private_tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(private_tmp))
    source = system.backup_now(ctx, system.SYSTEM, tmp_path / "sumber.db")
    seen: list[str] = []

    def progress(_done: int, _total: int) -> None:
        seen.extend(p.name for p in (*ctx.data_dir.iterdir(), *ctx.backup_dir.iterdir()) if ".tmp" in p.name)

    system.restore(ctx, system.SYSTEM, source, progress)
    assert list(private_tmp.iterdir()) == []
    assert seen and all(".pulihkan.db." in name for name in seen)
    leftovers = [p for p in (*ctx.data_dir.iterdir(), *ctx.backup_dir.iterdir()) if ".tmp" in p.name]
    assert leftovers == []
    assert backups.list_backups(ctx.backup_dir)[0].reason == "sebelum-pulihkan"
