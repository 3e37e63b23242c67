"""Kedudukan hukum (issue 12 item 6): what each effect leaves on the board and in ``staff schedule``, what the
import and the form store, and migration 0011 keeping the pegawai already registered."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy import select, text

from desktop import cli
from desktop.cli import staff as staff_cli
from desktop.demo import sample_office
from desktop.models.admin import User
from desktop.services import system
from desktop.services.common import auth
from desktop.services.common.errors import ValidationError
from desktop.services.common.permissions import Actor
from desktop.services.staff import board, records, records_io, schedule
from desktop.services.staff.records import PegawaiInput
from desktop.services.staff.schedule import JenisJadwal
from desktop.services.system import AppContext
from desktop.storage import migrate

AS_OF = date(2026, 1, 5)
# Born 10 March 1968, pelaksana (BUP 58): TMT pensiun 1 April 2026, inside the default 90-day horizon. III/c, S-1
# since 2022: a KGB and a KP reguler fall due too, while the kedudukan allows them.
NIP = "196803101994031001"
TMT_PENSIUN = date(2026, 4, 1)
WIDE = 3650  # days: every next item of the pegawai is on the board


@pytest.fixture
def clerk(ctx: AppContext) -> Actor:
    sample_office.fill(ctx, letter_count=0)
    with ctx.db.transaction() as s:
        return auth.actor_for(s.scalar(select(User).where(User.username == "pegawai")))


def _input(kedudukan: str, nip: str = NIP, **kw: object) -> PegawaiInput:
    values: dict[str, object] = {
        "nip": nip,
        "nama": "Bambang Sutrisno",
        "golongan_ruang": "III/c",
        "tmt_golongan": date(2022, 4, 1),
        "mkg_tahun": 26,
        "mkg_bulan": 1,
        "jenis_jabatan": "pelaksana",
        "jabatan": "Pengadministrasi Umum",
        "pendidikan_terakhir": "S-1",
        "kedudukan_hukum": kedudukan,
    }
    values.update(kw)
    return PegawaiInput(**values)  # type: ignore[arg-type]


def _add(ctx: AppContext, clerk: Actor, kedudukan: str, **kw: object) -> records.PegawaiInfo:
    with ctx.db.transaction() as s:
        return records.create_pegawai(s, clerk, _input(kedudukan, **kw)).value


def _kinds(ctx: AppContext, clerk: Actor, pid: int, horizon: int = WIDE) -> set[JenisJadwal]:
    with ctx.db.transaction() as s:
        found = board.board(s, clerk, AS_OF, horizon)
    return {e.jenis for e in found.open if e.pegawai_id == pid}


def _run_cli(ctx: AppContext, *argv: str) -> int:
    url = None if ctx.db.sqlite_path is not None else ctx.db.engine.url.render_as_string(hide_password=False)
    prefix = ["--data-dir", str(ctx.data_dir)] + (["--db-url", url] if url else [])
    args = cli.build_parser().parse_args([*prefix, "staff", *argv])
    return staff_cli.run(args)


def _cli_rows(ctx: AppContext, tmp_path: Path) -> dict[str, dict[str, str]]:
    out = tmp_path / "jadwal.csv"
    assert _run_cli(ctx, "schedule", "--as-of", AS_OF.isoformat(), "--out", str(out)) == 0
    with out.open(encoding="utf-8", newline="") as fh:
        return {r["nip"]: r for r in csv.DictReader(fh)}


def test_an_employee_in_mpp_keeps_the_pension_date_on_the_board_and_in_staff_schedule(
    ctx: AppContext, clerk: Actor, tmp_path: Path
) -> None:
    """Masa Persiapan Pensiun: the pension TMT is exactly what the clerk must prepare; nothing else is due."""
    info = _add(ctx, clerk, "Masa Persiapan Pensiun")
    assert (info.kedudukan.kode, info.aktif, info.alasan_nonaktif) == ("20", True, "")
    with ctx.db.transaction() as s:
        found = board.board(s, clerk, AS_OF)  # the default horizon
    mine = [e for e in found.open if e.pegawai_id == info.id]
    assert [(e.jenis, e.tanggal) for e in mine] == [(JenisJadwal.PENSIUN, TMT_PENSIUN)]
    assert mine[0].item is not None
    steps = " ".join(mine[0].item.derivation.steps)
    assert "20 - Masa Persiapan Pensiun" in steps and "hanya TMT pensiun" in steps
    assert _kinds(ctx, clerk, info.id) == {JenisJadwal.PENSIUN}
    row = _cli_rows(ctx, tmp_path)[NIP]
    assert (row["kgb_berikut"], row["kp_berikut"], row["tmt_pensiun"]) == ("", "", TMT_PENSIUN.isoformat())


def test_aktif_schedules_everything(ctx: AppContext, clerk: Actor, tmp_path: Path) -> None:
    info = _add(ctx, clerk, "Aktif")
    assert {JenisJadwal.KGB, JenisJadwal.KP, JenisJadwal.PENSIUN} <= _kinds(ctx, clerk, info.id)
    row = _cli_rows(ctx, tmp_path)[NIP]
    assert row["kgb_berikut"] and row["kp_berikut"] and row["tmt_pensiun"] == TMT_PENSIUN.isoformat()


def test_mencapai_bup_shows_only_the_pension(ctx: AppContext, clerk: Actor) -> None:
    info = _add(ctx, clerk, "98")
    assert info.aktif and info.kedudukan.nama == "Mencapai BUP"
    assert _kinds(ctx, clerk, info.id) == {JenisJadwal.PENSIUN}


def test_pemberhentian_sementara_stays_with_the_pension_but_no_kgb_or_kp_and_says_why(
    ctx: AppContext, clerk: Actor, tmp_path: Path
) -> None:
    info = _add(ctx, clerk, "04 - Pemberhentian Sementara")
    assert info.aktif and info.kedudukan.kode == "04"
    with ctx.db.transaction() as s:
        found = board.board(s, clerk, AS_OF, WIDE)
    mine = {e.jenis: e for e in found.open if e.pegawai_id == info.id}
    assert JenisJadwal.PENSIUN in mine
    assert JenisJadwal.KGB not in mine and JenisJadwal.KP not in mine
    item = mine[JenisJadwal.PENSIUN].item
    assert item is not None
    assert any("KGB dan kenaikan pangkat tidak dijadwalkan" in step for step in item.derivation.steps)
    assert any(n.pegawai_id == info.id and "04 - Pemberhentian Sementara" in n.catatan for n in found.notes)
    row = _cli_rows(ctx, tmp_path)[NIP]
    assert (row["kgb_berikut"], row["kp_berikut"], row["tmt_pensiun"]) == ("", "", TMT_PENSIUN.isoformat())


@pytest.mark.parametrize(
    ("written", "nama"), [("TMS Dari Pengadaan", "TMS Dari Pengadaan"), ("70", "Pembatalan NIP")]
)
def test_keluar_makes_the_pegawai_inactive_and_leaves_the_board(
    ctx: AppContext, clerk: Actor, tmp_path: Path, written: str, nama: str
) -> None:
    info = _add(ctx, clerk, written)
    assert (info.aktif, info.alasan_nonaktif, info.kedudukan.nama) == (False, nama, nama)
    assert _kinds(ctx, clerk, info.id) == set()
    assert NIP not in _cli_rows(ctx, tmp_path)
    with ctx.db.transaction() as s:  # active again: the kedudukan that said otherwise no longer holds
        back = records.set_active(s, clerk, info.id, True)
    assert (back.aktif, back.kedudukan.kode) == (True, "01")


def test_a_kode_the_edited_table_calls_keluar_leaves_the_board_even_if_the_row_is_active(
    ctx: AppContext, clerk: Actor
) -> None:
    """The effect is data: a row stored active (imported before the kode meant leaving) follows the table."""
    info = _add(ctx, clerk, "01")
    with ctx.db.transaction() as s:
        s.execute(text("UPDATE pegawai SET kedudukan_hukum = '99' WHERE id = :id"), {"id": info.id})
    assert _kinds(ctx, clerk, info.id) == set()
    with ctx.db.transaction() as s:
        assert all(n.pegawai_id != info.id for n in board.board(s, clerk, AS_OF, WIDE).notes)
        assert info.id not in {r.pegawai_id for r in schedule.next_dates(s, clerk, AS_OF)}


def test_an_unknown_kedudukan_is_refused_quoting_it(ctx: AppContext, clerk: Actor) -> None:
    with ctx.db.transaction() as s, pytest.raises(ValidationError, match="'Cuti Panjang'") as err:
        records.create_pegawai(s, clerk, _input("Cuti Panjang"))
    assert err.value.field == "kedudukan_hukum"


# --- import -------------------------------------------------------------------------------------------------------

HEADER = (
    "NIP BARU,NAMA,TANGGAL LAHIR,JENIS KELAMIN,JENIS PEGAWAI NAMA,KEDUDUKAN HUKUM NAMA,TMT CPNS,GOL AKHIR NAMA,"
    "TMT GOLONGAN,MK TAHUN,MK BULAN,JENIS JABATAN NAMA,JABATAN NAMA,ESELON NAMA,TINGKAT PENDIDIKAN NAMA"
)
# What offices and SIASN write in the kedudukan column -> the kode stored, and whether the pegawai stays active.
WRITTEN = [
    ("20", "20", True),
    ("Masa Persiapan Pensiun", "20", True),
    ("MPP", "20", True),
    ("Aktif", "01", True),
    ("99 - Pensiun", "99", False),
    ("4", "04", True),  # a SIASN KEDUDUKAN_HUKUM_ID that lost its leading zero in Excel
    ("Sedang dlm Proses Banding BAPEK", "09", True),
    ("Mencapai BUP", "98", True),
    ("TMS Dari Pengadaan", "69", False),
    ("Pembatalan NIP", "70", False),
]


def _row(n: int, kedudukan: str, eselon: str = "") -> str:
    nip = f"1973031419980320{n:02d}"
    jenis = "Jabatan Struktural" if eselon else "Jabatan Pelaksana"
    return (
        f"{nip},PEGAWAI {n},14-03-1973,P,PNS Daerah,{kedudukan},01-03-1998,III/c,01-04-2022,20,1,{jenis},"
        f"Pengadministrasi Umum,{eselon},S-1"
    )


def test_the_import_reads_each_way_offices_write_the_kedudukan(
    ctx: AppContext, clerk: Actor, tmp_path: Path
) -> None:
    path = tmp_path / "siasn.csv"
    rows = [_row(n, written) for n, (written, _, _) in enumerate(WRITTEN, start=1)]
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    with ctx.db.transaction() as s:
        plan = records_io.validate_siasn(s, clerk, records_io.read_siasn(path))
        assert plan.ok, plan.errors
        records_io.import_staff(s, clerk, plan)
    with ctx.db.transaction() as s:
        for n, (written, kode, aktif) in enumerate(WRITTEN, start=1):
            info = records.find_by_nip(s, clerk, f"1973031419980320{n:02d}")
            assert info is not None
            assert (written, info.kedudukan.kode, info.aktif) == (written, kode, aktif)
            assert info.alasan_nonaktif == ("" if aktif else info.kedudukan.nama)


def test_the_import_refuses_an_unknown_kedudukan_with_its_text_and_line(
    ctx: AppContext, clerk: Actor, tmp_path: Path
) -> None:
    path = tmp_path / "siasn.csv"
    path.write_text("\n".join([HEADER, _row(1, "Aktif"), _row(2, "Cuti Panjang")]) + "\n", encoding="utf-8")
    with ctx.db.transaction() as s:
        plan = records_io.validate_siasn(s, clerk, records_io.read_siasn(path))
    assert not plan.ok
    assert any(e.line == 3 and "'Cuti Panjang'" in e.reason for e in plan.errors), plan.errors


@pytest.mark.parametrize("written", ["II.a", "IIa", "II/a", "II.A", "Eselon II.a", "21"])
def test_the_import_reads_the_eselon_as_written(
    ctx: AppContext, clerk: Actor, tmp_path: Path, written: str
) -> None:
    path = tmp_path / "siasn.csv"
    path.write_text("\n".join([HEADER, _row(1, "Aktif", written)]) + "\n", encoding="utf-8")
    with ctx.db.transaction() as s:
        plan = records_io.validate_siasn(s, clerk, records_io.read_siasn(path))
        assert plan.ok, plan.errors
        records_io.import_staff(s, clerk, plan)
        info = records.find_by_nip(s, clerk, "197303141998032001")
    assert info is not None and info.eselon == "II.a"


# --- migration 0011 -------------------------------------------------------------------------------------------------


def _insert_pegawai(conn: sa.Connection, n: int, aktif: bool, alasan: str) -> None:
    conn.execute(
        text(
            "INSERT INTO pegawai (id, nip, nip_lama, pns_id, nama, gelar_depan, gelar_belakang, tempat_lahir, "
            "tanggal_lahir, jenis_kelamin, nik, status, golongan_ruang, mkg_tahun, mkg_bulan, kgb_golongan_ruang, "
            "kgb_mkg_tahun, kgb_mkg_bulan, jenis_jabatan, jenjang, jabatan, unor, pendidikan_terakhir, bup_kode, "
            "aktif, alasan_nonaktif, created_at, updated_at) VALUES (:id, :nip, '', '', :nama, '', '', '', "
            "'1968-03-10', 'L', '', 'pns', '', 0, 0, '', 0, 0, '', '', '', '', '', '', :aktif, :alasan, "
            "'2025-01-01 08:00:00', '2025-01-01 08:00:00')"
        ),
        {"id": n, "nip": f"1968031019940310{n:02d}", "nama": f"P{n}", "aktif": aktif, "alasan": alasan},
    )


def test_migration_0011_keeps_every_pegawai_and_reads_the_kode_from_the_reason(raw_ctx: AppContext) -> None:
    """Active rows become 01; an inactive row gets the kode its reason names, and a row made inactive only by the
    old reading of MPP or pemberhentian sementara is active again; a reason naming no kedudukan gets 52."""
    migrate.upgrade(raw_ctx.db.engine, "0010_imported_file_audit_text")
    rows = [
        (1, True, "", "01", True, ""),
        (2, False, "Masa Persiapan Pensiun", "20", True, ""),
        (3, False, "Pensiun 2018", "99", False, "Pensiun 2018"),
        (4, False, "pindah ke BKD Provinsi", "52", False, "pindah ke BKD Provinsi"),
        (5, False, "Pemberhentian Sementara", "04", True, ""),
        (6, False, "99 - Pensiun", "99", False, "99 - Pensiun"),
        (7, False, "Diberhentikan", "66", False, "Diberhentikan"),
        (8, False, "Meninggal dunia", "52", False, "Meninggal dunia"),
    ]
    with raw_ctx.db.engine.begin() as conn:
        for n, aktif, alasan, *_ in rows:
            _insert_pegawai(conn, n, aktif, alasan)
    system.prepare(raw_ctx)
    with raw_ctx.db.engine.connect() as conn:
        found = conn.execute(
            text("SELECT id, kedudukan_hukum, aktif, alasan_nonaktif, eselon, nama FROM pegawai ORDER BY id")
        ).all()
    assert [(r[0], r[1], bool(r[2]), r[3]) for r in found] == [(n, k, a, r) for n, _, _, k, a, r in rows]
    assert {r[4] for r in found} == {""}
    assert [r[5] for r in found] == [f"P{n}" for n, *_ in rows]
