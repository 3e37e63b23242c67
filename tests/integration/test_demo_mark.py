"""`sekretariat demo` only fills a new folder and marks it; demo accounts outside a marked folder must change
their password (issue 10, item 3)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from desktop.core.calendar import Holiday, HolidayKind
from desktop.demo import sample_office
from desktop.models import Base
from desktop.models.admin import Setting
from desktop.services import system
from desktop.services.common import auth, calendar, demo_mark, office
from desktop.services.common.permissions import SYSTEM, Role
from desktop.services.letters import incoming, outgoing
from desktop.services.staff import records
from desktop.services.system import AppContext
from desktop.storage.config import SQLITE_FILE

ROOT = Path(__file__).resolve().parents[2]
WITA = ZoneInfo("Asia/Makassar")
DAY = date(2026, 3, 2)


def _user(s: Session) -> None:
    auth.create_first_admin(s, "rina", "Rina Kartika", "sandi-rina-1")


def _incoming(s: Session) -> None:
    incoming.register_incoming(
        s,
        SYSTEM,
        incoming.IncomingInput(
            tanggal_diterima=datetime(2026, 3, 2, 9, 0, tzinfo=WITA),
            asal_surat="Badan Kepegawaian Daerah Provinsi Kalimantan Timur",
            nomor_surat="800.1.11.13/55/BKD/2026",
            tanggal_surat=date(2026, 2, 27),
            perihal="Usul Kenaikan Gaji Berkala Pegawai",
        ),
        today=DAY,
    )


def _outgoing(s: Session) -> None:
    outgoing.issue_number(
        s,
        SYSTEM,
        outgoing.OutgoingInput(
            tanggal_surat=DAY,
            tujuan="Kepala Badan Kepegawaian Daerah Provinsi Kalimantan Timur",
            perihal="Penyampaian Berkas Usul Kenaikan Gaji Berkala Pegawai",
            kode_klasifikasi="800.1.11.13",
            unit="SEK.UM",
        ),
        today=DAY,
    )


def _pegawai(s: Session) -> None:
    records.create_pegawai(s, SYSTEM, records.PegawaiInput(nip="198507202009031003", nama="Budi Santoso"))


def _profile(s: Session) -> None:
    office.save_profile(
        s,
        SYSTEM,
        office.OfficeProfileData(
            nama_pemda="Pemerintah Provinsi Kalimantan Timur", nama_dinas="Dinas Pariwisata", alamat="Jl. A"
        ),
    )


def _unit(s: Session) -> None:
    office.save_unit(s, SYSTEM, office.UnitData(nama="Bidang Pemasaran", jenis="bidang"))


def _holiday(s: Session) -> None:
    # Holidays are seeded at every start; the office's own day is told apart by its entry in the audit log.
    calendar.save_holiday(s, SYSTEM, Holiday(date(2026, 7, 1), HolidayKind.CUTI_BERSAMA, "Hari jadi kantor"))


KINDS: dict[str, Callable[[Session], None]] = {
    "pengguna": _user,
    "surat_masuk": _incoming,
    "surat_keluar": _outgoing,
    "pegawai": _pegawai,
    "profil_kantor": _profile,
    "unit_organisasi": _unit,
    "hari_libur_kantor": _holiday,
}


def _snapshot(ctx: AppContext) -> dict[str, object]:
    """Row count of every table, and the rows of the settings and counters (where a demo would write first)."""
    with ctx.db.transaction() as s:
        counts: dict[str, object] = {
            t.name: s.scalar(select(func.count()).select_from(t)) for t in Base.metadata.sorted_tables
        }
        counts["app_setting rows"] = sorted(s.execute(select(Setting.key, Setting.value)).all())
        counts["counter rows"] = sorted(
            tuple(r) for r in s.execute(select(*Base.metadata.tables["counter"].c))
        )
    return counts


def test_a_new_folder_holds_no_data_and_is_not_a_demo(ctx: AppContext) -> None:
    """What every start seeds (holidays, kode klasifikasi, instructions, the default series) is not data."""
    with ctx.db.transaction() as s:
        assert demo_mark.tables_with_data(s) == []
        assert not demo_mark.is_demo(s)


@pytest.mark.parametrize("kind", list(KINDS))
def test_demo_refuses_a_folder_with_data_and_leaves_it_untouched(ctx: AppContext, kind: str) -> None:
    with ctx.db.transaction() as s:
        KINDS[kind](s)
        assert demo_mark.tables_with_data(s)
    before = _snapshot(ctx)
    for attempt in (
        lambda: sample_office.fill(ctx),
        lambda: sample_office.fill(ctx, letter_count=0),
        lambda: sample_office.fill_letters(ctx, count=5, outgoing_count=2),
        lambda: sample_office.fill_staff(ctx, count=3),
    ):
        with pytest.raises(demo_mark.FolderHoldsData, match="sudah berisi data") as refused:
            attempt()
        assert "folder baru" in str(refused.value)
    assert _snapshot(ctx) == before
    with ctx.db.transaction() as s:
        assert not demo_mark.is_demo(s)
        assert s.scalar(select(func.count()).select_from(Base.metadata.tables["app_user"])) == (
            1 if kind == "pengguna" else 0
        )


def test_a_demo_folder_is_marked_and_its_accounts_sign_in_without_a_forced_change(ctx: AppContext) -> None:
    sample_office.fill(ctx, letter_count=0)
    with ctx.db.transaction() as s:
        assert demo_mark.is_demo(s)
        assert demo_mark.demo_accounts(s) == {u for u, _, _ in sample_office.USERS}
    for username, _, _ in sample_office.USERS:
        with ctx.db.transaction() as s:
            result = auth.authenticate(s, username, "demo12345")
        assert result.ok and not result.must_change_password, username
    with ctx.db.transaction() as s:  # the users page says so too
        assert not any(u.must_change_password for u in auth.list_users(s, SYSTEM))
    # A demo folder may be topped up (an interrupted demo); the accounts stay as they were.
    again = sample_office.fill(ctx, letter_count=0)
    assert "Akun" not in again


def test_an_account_the_admin_adds_in_a_demo_folder_still_changes_its_password(ctx: AppContext) -> None:
    sample_office.fill(ctx, letter_count=0)
    with ctx.db.transaction() as s:
        auth.create_user(s, SYSTEM, "magang", "Peserta Magang", Role.PETUGAS_TAMU, "sementara-1")
    with ctx.db.transaction() as s:
        assert auth.authenticate(s, "magang", "sementara-1").must_change_password
        assert [u.username for u in auth.list_users(s, SYSTEM) if u.must_change_password] == ["magang"]


def test_demo_accounts_in_a_folder_without_the_mark_must_change_their_password(ctx: AppContext) -> None:
    sample_office.fill(ctx, letter_count=0, password="sandi-pelatihan")
    with ctx.db.transaction() as s:
        s.execute(delete(Setting))  # the mark lost: the accounts are no longer known as demo accounts
    for username, _, _ in sample_office.USERS:
        with ctx.db.transaction() as s:
            result = auth.authenticate(s, username, "sandi-pelatihan")
        assert result.ok and result.must_change_password, username


def test_the_demo_password_in_a_real_folder_must_be_changed(ctx: AppContext) -> None:
    """An older `sekretariat demo` run on an office's folder left kadis/demo12345 with no change forced."""
    with ctx.db.transaction() as s:
        auth.create_first_admin(s, "admin", "Administrator Sistem", "demo12345")
    with ctx.db.transaction() as s:
        result = auth.authenticate(s, "admin", "demo12345")
    assert result.ok and result.must_change_password
    assert result.actor is not None
    with ctx.db.transaction() as s:
        auth.change_own_password(s, result.actor, "demo12345", "sandi-kantor-1")
    with ctx.db.transaction() as s:
        assert not auth.authenticate(s, "admin", "sandi-kantor-1").must_change_password


def _cli(data_dir: Path, *args: str, db_url: str | None = None) -> subprocess.CompletedProcess[str]:
    url = ["--db-url", db_url] if db_url else []
    return subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(data_dir), *url, *args],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        cwd=ROOT,
        timeout=300,
    )


def test_the_demo_command_refuses_a_folder_with_data(ctx: AppContext) -> None:
    with ctx.db.transaction() as s:
        _user(s)
        _incoming(s)
    before = _snapshot(ctx)
    url = None if ctx.db.sqlite_path is not None else ctx.db.engine.url.render_as_string(hide_password=False)
    done = _cli(ctx.data_dir, "demo", db_url=url)
    assert done.returncode != 0
    assert "sudah berisi data" in done.stderr and "Traceback" not in done.stderr
    assert "demo12345" not in done.stdout
    assert _snapshot(ctx) == before


@pytest.mark.slow
def test_make_demo_fills_a_new_folder_whose_accounts_are_ready_to_use(tmp_path: Path) -> None:
    """`make demo` and the README: `sekretariat --data-dir demo-data demo`, then sign in with demo12345."""
    folder = tmp_path / "demo-data"
    done = _cli(folder, "demo")
    assert done.returncode == 0, done.stderr
    assert "sandi: demo12345" in done.stdout
    assert (folder / SQLITE_FILE).exists()
    again = _cli(folder, "demo")  # a second run tops up a demo folder; it adds nothing
    assert again.returncode == 0, again.stderr
    ctx = system.open_context(folder)
    try:
        with ctx.db.transaction() as s:
            assert demo_mark.is_demo(s)
            result = auth.authenticate(s, "kadis", "demo12345")
        assert result.ok and not result.must_change_password
    finally:
        ctx.db.dispose()
