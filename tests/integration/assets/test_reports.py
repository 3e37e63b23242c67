"""Laporan Barang (R31): mutasi replayed from the ledger, rekap against the KIB, Laporan Barang Pengguna, files."""

from __future__ import annotations

from datetime import UTC, date, datetime
from io import BytesIO
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import update

from desktop.core import clock
from desktop.models.assets import Aset
from desktop.services.assets import documents, items, reference, reports
from desktop.services.assets.items import AssetInput
from desktop.services.assets.ledger import DocRef
from desktop.services.assets.reference import AmbangData
from desktop.services.assets.reports import Saldo
from desktop.services.common.errors import ValidationError
from desktop.services.common.permissions import Actor
from desktop.services.system import AppContext

LAPTOP = "1.3.2.10.01.02.002"
PRINTER = "1.3.2.10.02.03.003"
MEJA = "1.3.2.05.01.04.001"
KURSI = "1.3.2.05.02.01.004"
GEDUNG = "1.3.3.01.01.01.001"
BUKU = "1.3.5.01.01.01.001"
TODAY = date(2026, 12, 31)
S2_2025 = (date(2025, 7, 1), date(2025, 12, 31))


@pytest.fixture
def tables(office: AppContext, pengurus: Actor) -> AppContext:
    """The shipped rule tables, with the worked example's P&M threshold of Rp 1.000.000."""
    with office.db.transaction() as s:
        reference.restore_defaults(s, pengurus)
        reference.save_thresholds(s, pengurus, [AmbangData("1.3.2", 2000, 1_000_000)])
    return office


def _create(ctx: AppContext, actor: Actor, data: AssetInput, jumlah: int = 1) -> list[int]:
    with ctx.db.transaction() as s:
        return [a.id for a in items.create_assets(s, actor, data, jumlah, today=TODAY).assets]


def _laptop(ctx: AppContext, actor: Actor) -> int:
    data = AssetInput(LAPTOP, "Laptop", 2024, 15_000_000, tanggal_perolehan=date(2024, 3, 10))
    return _create(ctx, actor, data)[0]


@pytest.fixture
def year(tables: AppContext, pengurus: Actor) -> dict[str, int]:
    """A small year of the books, 2025-S2: a write-off, a capitalisation, a purchase then a reklas to KIB E, an
    ekstrakomptabel chair, and an old building imported without its date (on the books since 1 Jan 2020)."""
    ids = {"laptop": _laptop(tables, pengurus)}
    ids["printer"] = _create(
        tables, pengurus, AssetInput(PRINTER, "Printer", 2025, 3_000_000, tanggal_perolehan=date(2025, 2, 1))
    )[0]
    ids["gedung"] = _create(tables, pengurus, AssetInput(GEDUNG, "Gedung Kantor", 2020, 500_000_000))[0]
    ids["meja"] = _create(
        tables, pengurus, AssetInput(MEJA, "Meja Rapat", 2025, 2_000_000, tanggal_perolehan=date(2025, 11, 5))
    )[0]
    ids["kursi"] = _create(
        tables, pengurus, AssetInput(KURSI, "Kursi", 2025, 750_000, tanggal_perolehan=date(2025, 8, 1))
    )[0]
    with clock.fixed(datetime(2026, 12, 31, 3, tzinfo=UTC)), tables.db.transaction() as s:
        items.write_off(
            s, pengurus, ids["printer"], tanggal=date(2025, 9, 15), alasan="rusak berat",
            doc=DocRef("SK", "032/BMD/2025"),
        )  # fmt: skip
        items.record_maintenance(
            s, pengurus, ids["gedung"], tanggal=date(2025, 10, 1), nilai=100_000_000, uraian="Tambah lantai",
            kapitalisasi=True, doc=DocRef("Kontrak", "602/7/2025"),
        )  # fmt: skip
        items.reclassify(s, pengurus, ids["meja"], BUKU, alasan="salah kode", today=date(2025, 12, 1))
    return ids


def _row(report: reports.MutasiReport, key: str) -> reports.MutasiRow:
    return next(r for r in report.rows if r.key == key)


def test_mutasi_balances_and_follows_every_kind_of_change(
    year: dict[str, int], tables: AppContext, pengurus: Actor
) -> None:
    with tables.db.read() as s:
        report = reports.mutasi(s, pengurus, *S2_2025)
    b, c, e = _row(report, "B"), _row(report, "C"), _row(report, "E")
    # KIB B: the laptop and the printer at the start; the chair and the table came, the printer was written off
    # and the table went to KIB E.
    assert (b.awal, b.tambah, b.kurang, b.akhir) == (
        Saldo(2, 18_000_000), Saldo(2, 2_750_000), Saldo(2, 5_000_000), Saldo(2, 15_750_000),
    )  # fmt: skip
    assert b.kurang_rincian == {"hapus": 3_000_000, "reklas": 2_000_000}
    assert b.tambah_rincian == {"perolehan": 2_750_000}
    # The building imported today without a date was there all along; its capitalisation is value, not count.
    assert (c.awal, c.tambah, c.kurang, c.akhir) == (
        Saldo(1, 500_000_000), Saldo(0, 100_000_000), Saldo(), Saldo(1, 600_000_000),
    )  # fmt: skip
    assert c.tambah_rincian == {"kapitalisasi": 100_000_000}
    assert (e.awal, e.tambah, e.akhir) == (Saldo(), Saldo(1, 2_000_000), Saldo(1, 2_000_000))
    assert all(r.seimbang for r in report.rows) and report.total().seimbang
    assert report.selisih == []


def test_mutasi_per_kode_and_one_komptabel(year: dict[str, int], tables: AppContext, pengurus: Actor) -> None:
    with tables.db.read() as s:
        per_kode = reports.mutasi(s, pengurus, *S2_2025, level="kode")
        ekstra = reports.mutasi(s, pengurus, *S2_2025, intra=False)
    meja = _row(per_kode, MEJA)
    assert (meja.tambah, meja.kurang, meja.akhir) == (Saldo(1, 2_000_000), Saldo(1, 2_000_000), Saldo())
    assert all(r.seimbang for r in per_kode.rows)
    assert [(r.key, r.tambah, r.akhir) for r in ekstra.rows] == [("B", Saldo(1, 750_000), Saldo(1, 750_000))]


def test_a_ledger_that_does_not_end_in_the_current_state_is_reported(
    year: dict[str, int], tables: AppContext, pengurus: Actor
) -> None:
    with tables.db.transaction() as s:  # a change behind the ledger's back
        s.execute(update(Aset).where(Aset.id == year["laptop"]).values(harga=14_000_000))
    with tables.db.read() as s:
        report = reports.mutasi(s, pengurus, *S2_2025)
    assert len(report.selisih) == 1 and "Laptop" in report.selisih[0]


def test_rekap_equals_the_sum_of_the_kib(year: dict[str, int], tables: AppContext, pengurus: Actor) -> None:
    with tables.db.read() as s:
        rekap = reports.rekap(s, pengurus, TODAY)
        per_kode = reports.rekap(s, pengurus, TODAY, level="kode")
        kib = {g: documents.kib_rows(s, pengurus, g) for g in "ABCDEF"}
        intra_b = documents.kib_rows(s, pengurus, "B", jenis="intra")
    for row in rekap.rows:
        lines = kib[row.key]
        assert row.total == Saldo(sum(r.jumlah for r in lines), sum(r.harga for r in lines))
    assert {r.key for r in rekap.rows} == {g for g, lines in kib.items() if lines}
    b = next(r for r in rekap.rows if r.key == "B")
    assert b.intra == Saldo(len(intra_b), sum(r.harga for r in intra_b))
    assert b.ekstra == Saldo(1, 750_000)
    assert rekap.total().total == Saldo(sum(r.total.jumlah for r in per_kode.rows),
                                        sum(r.total.nilai for r in per_kode.rows))  # fmt: skip
    assert next(r for r in per_kode.rows if r.key == LAPTOP).uraian != ""


def test_rekap_at_a_past_date_reads_the_books_then(
    year: dict[str, int], tables: AppContext, pengurus: Actor
) -> None:
    with tables.db.read() as s:
        rekap = reports.rekap(s, pengurus, date(2025, 6, 30))
    assert [(r.key, r.total) for r in rekap.rows] == [
        ("B", Saldo(2, 18_000_000)), ("C", Saldo(1, 500_000_000)),
    ]  # fmt: skip


def test_laporan_semester_of_the_worked_example(tables: AppContext, pengurus: Actor) -> None:
    _laptop(tables, pengurus)
    with tables.db.read() as s:
        report = reports.laporan_barang_pengguna(s, pengurus, 2025, 2)
    assert (report.start, report.end, report.periode) == (*S2_2025, "Semester II Tahun 2025")
    (b,) = report.rows
    assert (b.golongan, b.awal, b.tambah, b.kurang, b.akhir) == (
        "B", Saldo(1, 15_000_000), Saldo(), Saldo(), Saldo(1, 15_000_000),
    )  # fmt: skip
    assert (b.akumulasi, b.nilai_buku) == (7_500_000, 7_500_000)
    assert report.ekstra.akhir == Saldo()


def test_laporan_tahunan_and_the_periods(year: dict[str, int], tables: AppContext, pengurus: Actor) -> None:
    with tables.db.read() as s:
        report = reports.laporan_barang_pengguna(s, pengurus, 2025)
    assert (report.start, report.end, report.periode) == (date(2025, 1, 1), date(2025, 12, 31), "Tahun 2025")
    b = next(r for r in report.rows if r.golongan == "B")
    # The printer came and went within the year; the chair is ekstrakomptabel, so not in these rows.
    assert (b.awal, b.tambah, b.kurang, b.akhir) == (
        Saldo(1, 15_000_000), Saldo(2, 5_000_000), Saldo(2, 5_000_000), Saldo(1, 15_000_000),
    )  # fmt: skip
    assert report.ekstra.akhir == Saldo(1, 750_000)
    assert reports.last_semester_end(date(2026, 3, 2)) == date(2025, 12, 31)
    assert reports.last_semester_end(date(2026, 6, 30)) == date(2026, 6, 30)
    assert reports.last_semester_end(date(2026, 12, 31)) == date(2026, 12, 31)
    with pytest.raises(ValidationError):
        reports.semester_period(2025, 3)


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(BytesIO(pdf)).pages)


def test_every_report_prints_and_saves(
    year: dict[str, int], tables: AppContext, pengurus: Actor, tmp_path: Path
) -> None:
    for key in reports.LAPORAN_REPORTS:
        with tables.db.transaction() as s:
            pdf = reports.report_pdf(s, pengurus, key, 2025, 2)
            count = reports.report_xlsx(s, pengurus, key, 2025, 2, tmp_path / f"{key}.xlsx")
        assert pdf.startswith(b"%PDF") and count > 0
        sheet = load_workbook(tmp_path / f"{key}.xlsx").active
        assert sheet.cell(row=count + 2, column=1).value == "Jumlah"
    with tables.db.transaction() as s:
        text = _text(reports.report_pdf(s, pengurus, "laporan", 2025, 2))
    assert "LAPORAN BARANG PENGGUNA" in text and "Semester II Tahun 2025" in text
    # Intrakomptabel saldo akhir: B 15.000.000 + C 600.000.000 + E 2.000.000; the laptop's akumulasi.
    assert "600.000.000" in text and "617.000.000" in text and "7.500.000" in text
    assert "Pengurus Barang" in text and "Mengetahui" in text
    book = load_workbook(tmp_path / "laporan.xlsx").active
    assert [c.value for c in book[1]][:4] == ["Golongan", "Uraian", "Saldo Awal Jumlah Barang",
                                               "Saldo Awal Nilai (Rp)"]  # fmt: skip


def test_a_reader_sees_the_reports_and_a_reversed_period_is_refused(
    year: dict[str, int], tables: AppContext, pimpinan: Actor
) -> None:
    with tables.db.read() as s:
        assert reports.rekap(s, pimpinan, TODAY).rows
    with pytest.raises(ValidationError), tables.db.read() as s:
        reports.mutasi(s, pimpinan, date(2025, 12, 31), date(2025, 1, 1))
