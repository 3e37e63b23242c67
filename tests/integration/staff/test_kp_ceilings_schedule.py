"""The schedule, the board and ``staff schedule`` at the top pangkat of a jenjang or eselon (no KP date, the need
for a higher post instead) and the PPPK KGB from the PPPK pay table (issue 12 items 7 and 8)."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop import cli
from desktop.cli import staff as staff_cli
from desktop.demo import sample_office
from desktop.models.admin import User
from desktop.services.common import auth
from desktop.services.common.permissions import Actor
from desktop.services.staff import board, records, schedule
from desktop.services.staff.records import PegawaiInput
from desktop.services.staff.schedule import JenisJadwal, StatusJadwal
from desktop.services.system import AppContext

AS_OF = date(2026, 1, 5)


def _pegawai(nip: str, nama: str, golongan: str, tmt: date, **kw: object) -> PegawaiInput:
    values: dict[str, object] = {
        "nip": nip,
        "nama": nama,
        "golongan_ruang": golongan,
        "tmt_golongan": tmt,
        "mkg_tahun": 10,
        "mkg_bulan": 0,
        "jenis_jabatan": "fungsional",
        "jabatan": "Analis",
        "tmt_jabatan": tmt,
        "pendidikan_terakhir": "S-1",
    }
    values.update(kw)
    return PegawaiInput(**values)  # type: ignore[arg-type]


# nip -> (input, the KP the schedule must give as of AS_OF: a date, or what the board shows instead).
STAFF = {
    # JF at the top of their jenjang: KP fungsional after 2 years would have fallen on TMT + 2 years.
    "198501012010012001": (
        _pegawai(
            "198501012010012001", "Dewi Ahli Pertama", "III/b", date(2022, 4, 1), jenjang="ahli_pertama"
        ),
        "perlu kenaikan jenjang",
    ),
    "198502022010011002": (
        _pegawai("198502022010011002", "Eko Ahli Muda", "III/d", date(2023, 10, 1), jenjang="ahli_muda"),
        "perlu kenaikan jenjang",
    ),
    "197003032000031003": (
        _pegawai("197003032000031003", "Fajar Ahli Madya", "IV/c", date(2024, 4, 1), jenjang="ahli_madya"),
        "perlu kenaikan jenjang",
    ),
    # Ahli Muda one step below the top: still a KP date (2024-04-01 + 2 years).
    "198804042012012004": (
        _pegawai("198804042012012004", "Gita Ahli Muda", "III/c", date(2024, 4, 1), jenjang="ahli_muda"),
        date(2026, 4, 1),
    ),
    # Pengawas in eselon IV.a: III/d is the top of IV.a; at III/c a KP struktural falls after 4 years.
    "197505052000031005": (
        _pegawai(
            "197505052000031005",
            "Hadi Eselon IV",
            "III/d",
            date(2021, 4, 1),
            jenis_jabatan="pengawas",
            eselon="IV.a",
            jabatan="Kepala Seksi",
        ),
        "perlu promosi eselon",
    ),
    "197606062001121006": (
        _pegawai(
            "197606062001121006",
            "Indra Eselon IV",
            "III/c",
            date(2022, 4, 1),
            jenis_jabatan="pengawas",
            eselon="IV/a",
            jabatan="Kepala Seksi",
        ),
        date(2026, 4, 1),
    ),
}
SARI = "198505162021212004"  # PPPK IX since 2021-03-01 with MKG 0; the contract ends 2026-02-28


@pytest.fixture
def clerk(ctx: AppContext) -> Actor:
    sample_office.fill(ctx, letter_count=0)
    with ctx.db.transaction() as s:
        return auth.actor_for(s.scalar(select(User).where(User.username == "pegawai")))


@pytest.fixture
def ids(ctx: AppContext, clerk: Actor) -> dict[str, int]:
    found: dict[str, int] = {}
    with ctx.db.transaction() as s:
        for nip, (data, _) in STAFF.items():
            found[nip] = records.create_pegawai(s, clerk, data).value.id
        sari = _pegawai(
            SARI,
            "Sari Utami",
            "IX",
            date(2021, 3, 1),
            mkg_tahun=0,
            jenjang="ahli_pertama",
            akhir_kontrak=date(2026, 2, 28),
        )
        found[SARI] = records.create_pegawai(s, clerk, sari).value.id
    return found


def test_staff_schedule_leaves_kp_berikut_empty_at_the_top_of_a_jenjang_or_eselon(
    ctx: AppContext, ids: dict[str, int], tmp_path: Path
) -> None:
    out = tmp_path / "jadwal.csv"
    url = None if ctx.db.sqlite_path is not None else ctx.db.engine.url.render_as_string(hide_password=False)
    prefix = ["--data-dir", str(ctx.data_dir)] + (["--db-url", url] if url else [])
    args = cli.build_parser().parse_args(
        [*prefix, "staff", "schedule", "--as-of", AS_OF.isoformat(), "--out", str(out)]
    )
    assert staff_cli.run(args) == 0
    with out.open(encoding="utf-8", newline="") as fh:
        rows = {r["nip"]: r for r in csv.DictReader(fh)}
    for nip, (_, expected) in STAFF.items():
        want = expected.isoformat() if isinstance(expected, date) else ""
        assert rows[nip]["kp_berikut"] == want, rows[nip]
    # PPPK IX: KGB from Perpres 11/2024 every 2 years from the appointment (2023, 2025 past) -> 2027-03-01.
    assert (rows[SARI]["kgb_berikut"], rows[SARI]["kp_berikut"]) == ("2027-03-01", "")


def test_the_schedule_says_what_is_needed_instead_of_a_kp_date_and_why(
    ctx: AppContext, clerk: Actor, ids: dict[str, int]
) -> None:
    with ctx.db.transaction() as s:
        items = schedule.schedule(s, clerk, AS_OF, None).items
    kp = {i.nip: i for i in items if i.jenis is JenisJadwal.KP}
    for nip, (_, expected) in STAFF.items():
        item = kp[nip]
        if isinstance(expected, date):
            assert (item.tanggal, item.pengganti_tanggal) == (expected, ""), item
        else:
            assert item.pengganti_tanggal == expected, item
            assert expected in item.judul
            assert item.batas_tindakan is None
    dewi = kp["198501012010012001"]
    assert dewi.tanggal == date(2024, 4, 1)  # the period a KP fungsional would have had: listed as overdue
    assert dewi.judul == "Tidak ada KP: Ahli Pertama paling tinggi III/b, perlu kenaikan jenjang"
    why = dewi.derivation.explanation
    assert "Golongan III/b adalah pangkat tertinggi jenjang Ahli Pertama menurut PermenPANRB 1/2023" in why
    assert "kenaikan jenjang jabatan fungsional" in why
    assert "Jadwal tidak memuat tanggal kenaikan pangkat" in why
    fajar = kp["197003032000031003"].derivation.explanation
    assert "Golongan IV/c adalah pangkat tertinggi jenjang Ahli Madya" in fajar
    hadi = kp["197505052000031005"]
    assert hadi.judul == "Tidak ada KP: Eselon IV.a paling tinggi III/d, perlu promosi eselon"
    assert "pangkat tertinggi Eselon IV.a menurut PP 100/2000 jo. PP 13/2002" in hadi.derivation.explanation
    assert hadi.pengingat and "perlu promosi eselon" in hadi.pengingat[0].keterangan

    # On the board (90 days), and gone once the clerk marks it handled.
    with ctx.db.transaction() as s:
        shown = board.board(s, clerk, AS_OF, 90)
    on_board = {e.nip: e for e in shown.open if e.jenis is JenisJadwal.KP}
    entry = on_board["198502022010011002"]
    assert entry.item is not None and entry.item.pengganti_tanggal == "perlu kenaikan jenjang"
    with ctx.db.transaction() as s:
        schedule.set_status(
            s, clerk, ids["198502022010011002"], JenisJadwal.KP, entry.tanggal, StatusJadwal.TIDAK_PERLU
        )
        again = schedule.schedule(s, clerk, AS_OF, 90).items
    assert all(not (i.nip == "198502022010011002" and i.jenis is JenisJadwal.KP) for i in again)


def test_a_pppk_gets_a_kgb_from_the_pppk_table_with_its_conditions(
    ctx: AppContext, clerk: Actor, ids: dict[str, int]
) -> None:
    with ctx.db.transaction() as s:
        items = schedule.schedule(s, clerk, AS_OF, None, pegawai_id=ids[SARI]).items
    kgb = next(i for i in items if i.jenis is JenisJadwal.KGB)
    assert kgb.tanggal == date(2027, 3, 1)
    assert kgb.judul == "KGB IX, MKG 6 tahun: Rp3.515.900"
    assert kgb.batas_tindakan == date(2027, 1, 1)
    found = kgb.derivation
    assert "tabel gaji pokok PPPK Perpres 11/2024" in found.explanation
    assert any("PermenPANRB 7/2023" in s and "2 tahun terakhir" in s for s in found.steps)
    assert any("setelah perjanjian kerja berakhir (28 Februari 2026)" in w for w in found.warnings)
    assert all(i.jenis is not JenisJadwal.KP for i in items)  # no KP for PPPK


def test_a_pppk_without_golongan_is_named_not_skipped(ctx: AppContext, clerk: Actor) -> None:
    with ctx.db.transaction() as s:
        pid = records.create_pegawai(
            s,
            clerk,
            PegawaiInput(
                nip="199002022022211003",
                nama="Tono Tanpa Golongan",
                akhir_kontrak=date(2027, 12, 31),
            ),
        ).value.id
        found = schedule.schedule(s, clerk, AS_OF, None, pegawai_id=pid)
    assert (
        pid,
        "Golongan PPPK atau TMT golongan belum diisi: KGB PPPK tidak dihitung.",
    ) in found.catatan_data
