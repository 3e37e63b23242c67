"""Retention of guest personal data (guests.md R32, issue 14 item 8): the 2023 visits cleared from 2026-01-01,
nothing of them left in the database file, the counts kept."""

from __future__ import annotations

import argparse
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from desktop.cli import guests as guests_cli
from desktop.core import clock
from desktop.demo import sample_office
from desktop.models.admin import AuditEntry, OrgUnit, User
from desktop.models.guests import Guest, Visit
from desktop.services.common import auth
from desktop.services.common.permissions import Actor
from desktop.services.guests import register_io, retention, settings, visits
from desktop.services.system import AppContext

WITA = ZoneInfo("Asia/Makassar")
# Names no other test data holds, so a byte search of the file finds only what these visits wrote.
OLD = {
    "nama": "Zulkarnain Qowiyyul",
    "no_hp": "0819-7373-4646",
    "nik": "6471054503900001",
    "alamat": "Gang Kenari Ujung 77",
}
OLD_IMPORTED = "Wiraswastawan Yuliandra"
BOTH_YEARS = "Hendrawijaya Oktaviano"
KEPT = "Purnamasari Kusumawicitra"


@pytest.fixture
def desk(ctx: AppContext) -> Actor:
    sample_office.fill(ctx, letter_count=0)
    with ctx.db.transaction() as s:
        user = s.scalar(select(User).where(User.username == "tamu"))
        assert user is not None
        return auth.actor_for(user)


def _cli(ctx: AppContext, *argv: str) -> int:
    """Through the module's own add_parser/run (desktop/modules.py does not list ``guests`` yet)."""
    parser = argparse.ArgumentParser(prog="sekretariat")
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument("--db-url", default=None)
    guests_cli.add_parser(parser.add_subparsers(dest="command"))
    url = None if ctx.db.sqlite_path is not None else ctx.db.engine.url.render_as_string(hide_password=False)
    prefix = ["--data-dir", str(ctx.data_dir)] + (["--db-url", url] if url else [])
    return guests_cli.run(parser.parse_args([*prefix, "guests", *argv]))


def _visit(ctx: AppContext, actor: Actor, when: datetime, nama: str, keperluan: str, **kw: object) -> None:
    with ctx.db.read() as s:
        unit = s.scalars(select(OrgUnit.id).order_by(OrgUnit.id)).first()
    with clock.fixed(when), ctx.db.transaction() as s:
        v = visits.check_in(
            s,
            actor,
            visits.WalkIn(nama=nama, keperluan=keperluan, tujuan_unit_id=unit, **kw),  # type: ignore[arg-type]
        )
        visits.check_out(s, actor, v.id, bertemu="Pak Rudi")


def _fill(ctx: AppContext, desk: Actor, tmp_path: Path) -> None:
    _visit(
        ctx, desk, datetime(2023, 5, 8, 9, 0, tzinfo=WITA), OLD["nama"], "Audiensi",
        no_hp=OLD["no_hp"], nik=OLD["nik"], alamat=OLD["alamat"], instansi="Bappeda", keterangan="titip map",
    )  # fmt: skip
    _visit(
        ctx, desk, datetime(2023, 12, 31, 15, 0, tzinfo=WITA), BOTH_YEARS, "Koordinasi/rapat", no_hp="0813"
    )
    _visit(ctx, desk, datetime(2024, 1, 1, 8, 0, tzinfo=WITA), KEPT, "Audiensi", jumlah_orang=3)
    _visit(ctx, desk, datetime(2025, 2, 3, 8, 0, tzinfo=WITA), BOTH_YEARS, "Audiensi", no_hp="0813")
    book = tmp_path / "lama.csv"
    book.write_text(
        "Tanggal,Jam Datang,Nama,No HP,Alamat,Keperluan,Tujuan\n"
        f"12/06/2023,10.00,{OLD_IMPORTED},0852-1111-9090,Loa Janan,Pengaduan,SEK\n",
        encoding="utf-8",
    )
    with clock.fixed(datetime(2025, 3, 1, 9, 0, tzinfo=WITA)), ctx.db.transaction() as s:
        plan = register_io.validate_visits(s, desk, register_io.read_table(book))
        register_io.import_visits(s, desk, plan)


def _counts(ctx: AppContext) -> dict[tuple[int, str], tuple[int, int]]:
    with ctx.db.read() as s:
        rows = s.execute(
            select(
                func.extract("year", Visit.tanggal),
                Visit.keperluan,
                func.count(),
                func.sum(Visit.jumlah_orang),
            ).group_by(func.extract("year", Visit.tanggal), Visit.keperluan)
        )
        return {(int(y), k): (int(n), int(p)) for y, k, n, p in rows}


def test_cutoff_follows_the_jra_years() -> None:
    assert retention.cutoff(date(2026, 1, 1), 1, 1) == date(2024, 1, 1)
    assert retention.cutoff(date(2025, 12, 31), 1, 1) == date(2023, 1, 1)
    assert retention.cutoff(date(2027, 1, 1), 1, 1) == date(2025, 1, 1)
    assert retention.cutoff(date(2027, 6, 1), 2, 3) == date(2022, 1, 1)


def test_as_of_2026_only_the_2023_visits_lose_their_identity_and_the_counts_stay(
    ctx: AppContext, desk: Actor, tmp_path: Path
) -> None:
    _fill(ctx, desk, tmp_path)
    counts = _counts(ctx)
    with clock.fixed(datetime(2025, 12, 31, 23, 0, tzinfo=WITA)), ctx.db.transaction() as s:
        assert retention.apply_retention(s, desk, date(2025, 12, 31)).visits_cleared == 0
    with clock.fixed(datetime(2026, 1, 1, 7, 0, tzinfo=WITA)), ctx.db.transaction() as s:
        result = retention.apply_retention(s, desk, date(2026, 1, 1))
    assert (result.cleared_before, result.visits_cleared, result.guests_cleared) == (date(2024, 1, 1), 3, 3)
    with ctx.db.read() as s:
        rows = {v.tanggal: v for v in s.scalars(select(Visit))}
        old = rows[date(2023, 5, 8)]
        assert (old.nama, old.nik, old.no_hp, old.alamat, old.keterangan) == ("", "", "", "", "")
        assert old.anonim_at is not None
        # What the reports count and the staff member met stay.
        assert (old.keperluan, old.instansi, old.bertemu, old.tiket) == (
            "Audiensi",
            "Bappeda",
            "Pak Rudi",
            "A001",
        )
        assert old.tujuan and old.datang_at is not None
        assert rows[date(2024, 1, 1)].nama == KEPT and rows[date(2024, 1, 1)].anonim_at is None
        assert rows[date(2025, 2, 3)].nama == BOTH_YEARS
        guests = {g.id: g for g in s.scalars(select(Guest))}
        cleared = [g for g in guests.values() if g.anonim_at is not None]
        assert len(cleared) == 3 and all(
            (g.nama, g.nama_kunci, g.nik, g.no_hp, g.hp_kunci, g.alamat) == ("",) * 6 for g in cleared
        )
        # A name alone is no identity: the 2025 visit of the same name made a guest of its own, which keeps it.
        assert any(g.nama == BOTH_YEARS and g.anonim_at is None for g in guests.values())
        assert visits.find_guests(s, desk, "Zulkarnain") == []
        assert visits.find_guests(s, desk, "0819 7373") == []
        entry = s.scalar(select(AuditEntry).where(AuditEntry.action == "retensi"))
        assert entry is not None and "3 kunjungan" in entry.summary
    assert _counts(ctx) == counts
    with clock.fixed(datetime(2026, 6, 1, 7, 0, tzinfo=WITA)), ctx.db.transaction() as s:
        assert not retention.apply_retention(s, desk, date(2026, 6, 1)).changed  # nothing more until 2027
    with clock.fixed(datetime(2027, 1, 1, 7, 0, tzinfo=WITA)), ctx.db.transaction() as s:
        assert retention.apply_retention(s, desk, date(2027, 1, 1)).visits_cleared == 1  # the 2024 visit


def test_retention_years_come_from_the_desk_settings(ctx: AppContext, desk: Actor, tmp_path: Path) -> None:
    _fill(ctx, desk, tmp_path)
    with ctx.db.transaction() as s:
        admin_user = s.scalar(select(User).where(User.username == "admin"))
        assert admin_user is not None
        admin = auth.actor_for(admin_user)
        settings.save_settings(
            s, admin, settings.GuestSettings(retensi_aktif_tahun=2, retensi_inaktif_tahun=1)
        )
    with clock.fixed(datetime(2026, 1, 1, 7, 0, tzinfo=WITA)), ctx.db.transaction() as s:
        assert retention.apply_retention(s, desk, date(2026, 1, 1)).visits_cleared == 0
    with clock.fixed(datetime(2027, 1, 1, 7, 0, tzinfo=WITA)), ctx.db.transaction() as s:
        assert retention.apply_retention(s, desk, date(2027, 1, 1)).visits_cleared == 3


def test_run_daily_runs_once_per_office_date(ctx: AppContext, desk: Actor, tmp_path: Path) -> None:
    _fill(ctx, desk, tmp_path)
    with clock.fixed(datetime(2026, 1, 2, 7, 0, tzinfo=WITA)):
        with ctx.db.transaction() as s:
            first = retention.run_daily(s, desk)
        assert first is not None and first.visits_cleared == 3
        with ctx.db.transaction() as s:
            assert retention.run_daily(s, desk) is None
    # 16:30 UTC is 00:30 the next day in WITA: a new office date, so it runs again (and finds nothing new).
    with clock.fixed(datetime(2026, 1, 2, 16, 30, tzinfo=ZoneInfo("UTC"))), ctx.db.transaction() as s:
        again = retention.run_daily(s, desk)
        assert again is not None and not again.changed


def test_audit_rows_of_the_desk_hold_no_guest_names(ctx: AppContext, desk: Actor, tmp_path: Path) -> None:
    """Retention never rewrites the audit log, so what check-in, check-out and the import write there must not
    name the guest (check_in's summary is the ticket, keperluan and tujuan)."""
    _fill(ctx, desk, tmp_path)
    with ctx.db.read() as s:
        texts = [
            f"{e.summary} {e.before_json or ''} {e.after_json or ''}"
            for e in s.scalars(select(AuditEntry).where(AuditEntry.entity.in_(("kunjungan", "buku_tamu"))))
        ]
    assert len(texts) >= 9
    for secret in (*OLD.values(), OLD_IMPORTED, BOTH_YEARS, KEPT, "0813"):
        assert not [t for t in texts if secret in t], secret


def test_cli_retention_leaves_no_cleared_name_in_the_sqlite_file(
    ctx: AppContext, desk: Actor, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _fill(ctx, desk, tmp_path)
    with clock.fixed(datetime(2026, 1, 5, 8, 0, tzinfo=WITA)):
        assert _cli(ctx, "retention", "--as-of", "2026-01-01") == 0
    assert "3 kunjungan sebelum 2024-01-01 dibersihkan" in capsys.readouterr().out
    with ctx.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Visit).where(Visit.anonim_at.is_not(None))) == 3
    if ctx.db.sqlite_path is None:
        return  # PostgreSQL: VACUUM FULL rewrote the tables; the server's files are not ours to read
    files = [ctx.db.sqlite_path, *ctx.db.sqlite_path.parent.glob(ctx.db.sqlite_path.name + "-*")]
    data = b"".join(p.read_bytes() for p in files if p.exists())
    for secret in (OLD["nama"], OLD["nama"].casefold(), OLD["nik"], OLD["no_hp"], "081973734646", OLD["alamat"],
                   OLD_IMPORTED, OLD_IMPORTED.casefold(), "0852-1111-9090", "Loa Janan", "titip map"):  # fmt: skip
        assert secret.encode() not in data, secret
    # The search does see what is kept: the 2024 and 2025 guests are still there.
    assert KEPT.encode() in data and BOTH_YEARS.encode() in data
