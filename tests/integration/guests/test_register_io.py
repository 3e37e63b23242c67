"""An old buku tamu imported as past visits, and a period exported (issue 14 items 1 and 9)."""

from __future__ import annotations

import argparse
import csv
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from desktop.cli import guests as guests_cli
from desktop.core import clock
from desktop.demo import sample_office
from desktop.models.admin import AuditEntry, OrgUnit, User
from desktop.models.guests import Guest, Visit
from desktop.services.common import auth, import_log
from desktop.services.common.errors import ValidationError
from desktop.services.common.permissions import Actor
from desktop.services.guests import register_io, visits
from desktop.services.system import AppContext

WITA = ZoneInfo("Asia/Makassar")
NOW = datetime(2026, 3, 2, 10, 0, tzinfo=WITA)
BOOK_HEADER = "No,Tanggal,Jam Datang,Jam Pulang,Nama,Instansi,Alamat,No HP,Keperluan,Tujuan,Bertemu,Jenis Kelamin,Jumlah"


@pytest.fixture
def desk(ctx: AppContext) -> Actor:
    sample_office.fill(ctx, letter_count=0)  # office in WITA, units, one account per role
    with ctx.db.transaction() as s:
        user = s.scalar(select(User).where(User.username == "tamu"))
        assert user is not None
        return auth.actor_for(user)


def _csv(path: Path, *rows: str, header: str = BOOK_HEADER) -> Path:
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def _plan(ctx: AppContext, actor: Actor, path: Path, **kw: object) -> register_io.ImportPlan:
    table = register_io.read_table(path)
    with ctx.db.read() as s:
        return register_io.validate_visits(s, actor, table, **kw)  # type: ignore[arg-type]


def _import(ctx: AppContext, actor: Actor, path: Path, **kw: bool) -> register_io.ImportResult:
    table = register_io.read_table(path)
    with ctx.db.transaction() as s:
        plan = register_io.validate_visits(s, actor, table)
        return register_io.import_visits(s, actor, plan, **kw)


def _visits(ctx: AppContext) -> list[Visit]:
    with ctx.db.read() as s:
        rows = s.scalars(select(Visit).order_by(Visit.tanggal, Visit.datang_at, Visit.id)).all()
        s.expunge_all()
        return list(rows)


def _unit_id(ctx: AppContext, singkatan: str) -> int:
    with ctx.db.read() as s:
        found = s.scalar(select(OrgUnit.id).where(OrgUnit.singkatan == singkatan))
        assert found is not None
        return found


def _cli(ctx: AppContext, *argv: str) -> int:
    """Through the module's own add_parser/run (desktop/modules.py does not list ``guests`` yet)."""
    parser = argparse.ArgumentParser(prog="sekretariat")
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument("--db-url", default=None)
    guests_cli.add_parser(parser.add_subparsers(dest="command"))
    url = None if ctx.db.sqlite_path is not None else ctx.db.engine.url.render_as_string(hide_password=False)
    prefix = ["--data-dir", str(ctx.data_dir)] + (["--db-url", url] if url else [])
    return guests_cli.run(parser.parse_args([*prefix, "guests", *argv]))


def test_rows_become_closed_past_visits_in_office_time_with_the_guest_index_filled(
    ctx: AppContext, desk: Actor, tmp_path: Path
) -> None:
    path = _csv(
        tmp_path / "buku_tamu_2025.csv",
        "1,14/01/2025,08.15,09.40,Siti Rahmawati,Bappeda Kaltim,Jl. Juanda 5,0812-5555-1234,"
        "Koordinasi/rapat,IND,Pak Rudi,P,2",
        "2,2025-01-15,13:05,,Andi Wijaya,CV Maju,,+62 813 1111 2222,Minta tanda tangan kontrak,"
        "Ruang Kepala Dinas,,laki-laki,",
        # The case of a master-list entry does not make a new keperluan; the unit matched by its full name.
        "3,16/1/2025,,,Budi Santoso,,,,audiensi,Sub Bagian Umum,,,",
    )
    with clock.fixed(NOW):
        result = _import(ctx, desk, path)
    assert (result.imported, result.skipped, result.guests_new) == (3, 0, 3)
    siti, andi, budi = _visits(ctx)
    assert siti.status == "selesai" and siti.antrian is None and siti.tiket == "" and siti.kartu_id is None
    assert siti.survei_token is None
    # 08.15 WITA is 00.15 UTC: the instant is office time, whatever zone the database stores.
    assert siti.datang_at == datetime(2025, 1, 14, 8, 15, tzinfo=WITA)
    assert siti.pulang_at == datetime(2025, 1, 14, 9, 40, tzinfo=WITA)
    assert (siti.jenis_kelamin, siti.jumlah_orang, siti.bertemu) == ("P", 2, "Pak Rudi")
    assert (siti.tujuan, siti.tujuan_unit_id) == ("IND", _unit_id(ctx, "IND"))
    # A keperluan not in the master list is a past record: kept as written; a tujuan no unit has, too.
    assert (andi.keperluan, andi.tujuan, andi.tujuan_unit_id) == (
        "Minta tanda tangan kontrak",
        "Ruang Kepala Dinas",
        None,
    )
    assert andi.jenis_kelamin == "L"
    assert (budi.keperluan, budi.tujuan_unit_id) == ("Audiensi", _unit_id(ctx, "UM"))
    assert budi.datang_at is None and budi.pulang_at is None
    with clock.fixed(NOW), ctx.db.read() as s:
        # Nobody imported is "still in the building", also the guest with no jam pulang.
        assert visits.on_site(s, desk) == []
        found = visits.find_guests(s, desk, "0812 5555")
        assert [g.nama for g in found] == ["Siti Rahmawati"]
        assert found[0].terakhir_datang == date(2025, 1, 14)
        assert [g.nama for g in visits.find_guests(s, desk, "andi wij")] == ["Andi Wijaya"]


def test_an_xlsx_book_with_date_and_time_cells_and_a_title_above(
    ctx: AppContext, desk: Actor, tmp_path: Path
) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["BUKU TAMU DINAS PERINDAGKOP UKM"])
    sheet.append([])
    sheet.append(["Tanggal", "Jam Masuk", "Jam Keluar", "Nama Tamu", "Asal Instansi", "Keperluan", "Bertemu"])
    sheet.append([datetime(2025, 6, 2), time(9, 5), time(10, 30), "Rina", "BPS", "Undangan", "Sekretariat"])
    sheet.append([date(2025, 6, 3), "14.20", "15.00", "Joko", "", "Lainnya", "Pak Dedi"])
    path = tmp_path / "tamu.xlsx"
    book.save(path)
    with clock.fixed(NOW):
        result = _import(ctx, desk, path)
    assert result.imported == 2
    rina, joko = _visits(ctx)
    assert rina.datang_at == datetime(2025, 6, 2, 9, 5, tzinfo=WITA)
    assert joko.pulang_at == datetime(2025, 6, 3, 15, 0, tzinfo=WITA)
    # Only "Bertemu" in the book: the person met is both what was aimed at and who was met.
    assert (rina.tujuan, rina.bertemu, rina.tujuan_unit_id) == (
        "Sekretariat",
        "Sekretariat",
        _unit_id(ctx, "SEK"),
    )
    assert (joko.tujuan, joko.tujuan_unit_id) == ("Pak Dedi", None)


def test_bad_rows_are_named_by_line_and_nothing_is_imported_unless_skip_invalid(
    ctx: AppContext, desk: Actor, tmp_path: Path
) -> None:
    path = _csv(
        tmp_path / "buku.csv",
        "1,14/01/2025,08.15,09.40,Siti,Bappeda,,,Audiensi,SEK,,,",
        "2,31/02/2025,08.00,,Andi,,,,Audiensi,SEK,,,",  # no such date
        "3,15/01/2025,25.10,,Budi,,,,Audiensi,SEK,,,",  # no such hour
        "4,15/01/2025,10.00,09.00,Citra,,,,Audiensi,SEK,,,",  # left before arriving
        "5,15/01/2025,,,,,,,Audiensi,SEK,,X,0",  # no name, unknown gender, no people
        "6,02/04/2026,,,Dewi,,,,Audiensi,SEK,,,",  # after today
    )
    with clock.fixed(NOW):
        plan = _plan(ctx, desk, path)
        assert [e.line for e in plan.errors] == [3, 4, 5, 6, 7]
        reasons = {e.line: e.reason for e in plan.errors}
        assert "tanggal tidak dikenali" in reasons[3].lower()
        assert "jam datang" in reasons[4]
        assert "jam pulang 09:00 sebelum jam datang 10:00" in reasons[5]
        assert "nama kosong" in reasons[6] and "jenis kelamin" in reasons[6] and "jumlah" in reasons[6]
        assert "masa depan" in reasons[7]
        with pytest.raises(ValidationError), ctx.db.transaction() as s:
            register_io.import_visits(s, desk, plan)
        assert _visits(ctx) == []
        result = _import(ctx, desk, path, skip_invalid=True)
    assert (result.imported, result.skipped) == (1, 5)
    assert [v.nama for v in _visits(ctx)] == ["Siti"]


def test_the_same_file_twice_is_refused_and_a_known_guest_is_matched_not_doubled(
    ctx: AppContext, desk: Actor, tmp_path: Path
) -> None:
    unit = _unit_id(ctx, "SEK")
    with clock.fixed(datetime(2025, 1, 10, 9, 0, tzinfo=WITA)), ctx.db.transaction() as s:
        walk_in = visits.check_in(
            s,
            desk,
            visits.WalkIn(
                nama="Siti Rahmawati", keperluan="Audiensi", tujuan_unit_id=unit, no_hp="081255551234"
            ),
        )
        visits.check_out(s, desk, walk_in.id)
    path = _csv(
        tmp_path / "buku.csv",
        # The same name and phone (written differently) is the same guest; the same name alone is not.
        "1,14/01/2025,08.15,09.40,siti  rahmawati,Bappeda,,0812-5555-1234,Audiensi,SEK,,,",
        "2,15/01/2025,08.15,09.40,Siti Rahmawati,,,,Audiensi,SEK,,,",
    )
    with clock.fixed(NOW):
        result = _import(ctx, desk, path)
        assert (result.guests_new, result.guests_matched) == (1, 1)
        with pytest.raises(import_log.AlreadyImported, match="sudah pernah diimpor ke buku tamu"):
            _import(ctx, desk, path)
    with ctx.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Visit)) == 3
        guests = s.scalars(select(Guest).order_by(Guest.id)).all()
        assert len(guests) == 2
        assert guests[0].instansi == "Bappeda"  # the known guest refreshed from the later book row


def test_export_csv_has_exactly_the_contract_columns_and_is_audited(
    ctx: AppContext, desk: Actor, tmp_path: Path
) -> None:
    path = _csv(
        tmp_path / "buku.csv",
        "1,14/01/2025,08.15,09.40,Siti,Bappeda,,0812,Audiensi,SEK,,,",
        "2,15/01/2025,13.05,,Andi,,,,Lainnya,Ruang rapat,,,",
        "3,01/02/2025,08.00,08.30,Di luar periode,,,,Lainnya,SEK,,,",
    )
    with clock.fixed(NOW):
        _import(ctx, desk, path)
        out = tmp_path / "ekspor" / "tamu.csv"
        with ctx.db.read() as s:
            count = register_io.export_csv(
                s, desk, out, date(2025, 1, 1), date(2025, 1, 31), audit_in=ctx.db.transaction
            )
    assert count == 2
    text = out.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "tanggal,jam_datang,jam_pulang,nama,instansi,no_hp,keperluan,tujuan,status"
    rows = list(csv.reader(text.splitlines()[1:]))
    assert rows == [
        ["2025-01-14", "08:15", "09:40", "Siti", "Bappeda", "0812", "Audiensi", "SEK", "selesai"],
        ["2025-01-15", "13:05", "", "Andi", "", "", "Lainnya", "Ruang rapat", "selesai"],
    ]
    with ctx.db.read() as s:
        entry = s.scalar(
            select(AuditEntry).where(AuditEntry.action == "ekspor", AuditEntry.entity == "buku_tamu")
        )
        assert entry is not None and "2 kunjungan" in entry.summary and "tamu.csv" in entry.summary
        assert "Siti" not in entry.summary


def test_export_xlsx_has_indonesian_headings_date_cells_and_status_labels(
    ctx: AppContext, desk: Actor, tmp_path: Path
) -> None:
    path = _csv(tmp_path / "buku.csv", "1,14/01/2025,08.15,09.40,Siti,Bappeda,,0812,Audiensi,SEK,,,")
    with clock.fixed(NOW):
        _import(ctx, desk, path)
        out = tmp_path / "tamu.xlsx"
        with ctx.db.read() as s:
            register_io.export_xlsx(
                s, desk, out, date(2025, 1, 1), date(2025, 12, 31), audit_in=ctx.db.transaction
            )
    sheet = load_workbook(out).active
    assert [c.value for c in sheet[1]] == list(register_io.EXPORT_HEADINGS)
    assert sheet["A2"].value == datetime(2025, 1, 14) and sheet["I2"].value == "Selesai"


def test_cli_import_refuses_bad_rows_then_imports_and_exports(
    ctx: AppContext, desk: Actor, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = _csv(
        tmp_path / "buku.csv",
        "1,14/01/2025,08.15,09.40,Siti,Bappeda,,0812,Audiensi,SEK,,,",
        "2,14/01/2025,08.15,09.40,,Bappeda,,0812,Audiensi,SEK,,,",
    )
    with clock.fixed(NOW):
        assert _cli(ctx, "import", str(bad)) == 1
        captured = capsys.readouterr()
        assert "baris 3: nama kosong" in captured.err
        assert _visits(ctx) == []
        assert _cli(ctx, "import", str(bad), "--skip-invalid") == 0
        assert "1 kunjungan diimpor dari buku.csv" in capsys.readouterr().out
        assert _cli(ctx, "import", str(bad), "--skip-invalid") == 1
        assert "--again" in capsys.readouterr().err
        # A column with data nothing maps refuses the file until it is mapped or ignored.
        extra = _csv(
            tmp_path / "lain.csv", "14/01/2025,Rina,Audiensi,Biru", header="Tanggal,Nama,Keperluan,Warna Baju"
        )
        assert _cli(ctx, "import", str(extra)) == 1
        assert "Warna Baju" in capsys.readouterr().err
        assert _cli(ctx, "import", str(extra), "--ignore", "warna baju") == 0
        out = tmp_path / "ekspor.csv"
        assert _cli(ctx, "export", "--from", "2025-01-01", "--to", "2025-01-31", "--out", str(out)) == 0
        assert "2 kunjungan" in capsys.readouterr().out
        assert _cli(ctx, "export", "--from", "2025-13-01", "--to", "2025-01-31", "--out", str(out)) == 2
    assert len(out.read_text(encoding="utf-8").splitlines()) == 3
