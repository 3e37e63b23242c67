"""Penyusutan of every asset at a date (R25, R26): the worked example, what is left out, the reports."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.core import clock
from desktop.services.assets import depreciation, items, reference
from desktop.services.assets.depreciation import DepreciationRow, Skipped
from desktop.services.assets.items import AssetInput
from desktop.services.assets.ledger import DocRef
from desktop.services.assets.reference import AmbangData
from desktop.services.common.permissions import Actor
from desktop.services.system import AppContext

LAPTOP = "1.3.2.10.01.02.002"
KURSI = "1.3.2.05.02.01.004"
TANAH = "1.3.1.01.01.01.001"
KDP = "1.3.6.01.01.01.001"
TODAY = date(2026, 12, 31)


@pytest.fixture
def tables(office: AppContext, pengurus: Actor) -> AppContext:
    """The shipped defaults of the three tables, with the worked example's P&M threshold of Rp 1.000.000."""
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


def test_the_laptop_of_the_worked_example(tables: AppContext, pengurus: Actor) -> None:
    laptop = _laptop(tables, pengurus)
    with tables.db.read() as s:
        at_end = depreciation.value_at(s, pengurus, laptop, date(2025, 12, 31))
        day_before = depreciation.value_at(s, pengurus, laptop, date(2025, 12, 30))
        first = depreciation.value_at(s, pengurus, laptop, date(2024, 6, 30))
        end_of_life = depreciation.value_at(s, pengurus, laptop, date(2031, 1, 1))
    assert isinstance(at_end, DepreciationRow)
    assert (at_end.masa_manfaat_tahun, at_end.semester_berjalan, at_end.akumulasi, at_end.nilai_buku) == (
        4, 4, 7_500_000, 7_500_000,
    )  # fmt: skip
    assert isinstance(day_before, DepreciationRow) and day_before.semester_berjalan == 3
    assert isinstance(first, DepreciationRow) and first.akumulasi == 1_875_000  # one of 8 × 1.875.000
    assert isinstance(end_of_life, DepreciationRow)
    assert (end_of_life.semester_berjalan, end_of_life.nilai_buku) == (8, 0)


def test_a_capitalised_repair_of_33_percent_adds_a_year(tables: AppContext, pengurus: Actor) -> None:
    laptop = _laptop(tables, pengurus)
    with clock.fixed(datetime(2026, 12, 31, 3, tzinfo=UTC)), tables.db.transaction() as s:
        items.record_maintenance(
            s, pengurus, laptop, tanggal=date(2026, 2, 10), nilai=5_000_000, uraian="Ganti mainboard",
            kapitalisasi=True, doc=DocRef("Kontrak", "027/1/2026"),
        )  # fmt: skip
    with tables.db.read() as s:
        before = depreciation.value_at(s, pengurus, laptop, date(2025, 12, 31))
        after = depreciation.value_at(s, pengurus, laptop, date(2026, 6, 30))
        rows = depreciation.depreciation_rows(s, pengurus, date(2030, 12, 31)).rows
    assert isinstance(before, DepreciationRow) and (before.harga, before.akumulasi) == (15_000_000, 7_500_000)
    assert isinstance(after, DepreciationRow)
    # Book value 7.5 M + 5 M over the 4 semesters left + 2 (the band > 25-50 % gives +1 year): 6 semesters.
    assert after.harga == 20_000_000 and after.kapitalisasi == 5_000_000
    assert after.akumulasi == 7_500_000 + 2_083_333  # 12.500.000 ÷ 6, rounded
    assert after.nilai_buku == after.harga - after.akumulasi
    # Without the extension the life would end in 2027-S2; with it the last semester is 2028-S2.
    assert [r.nilai_buku for r in rows] == [0]
    with tables.db.read() as s:
        late = depreciation.value_at(s, pengurus, laptop, date(2028, 6, 30))
    assert isinstance(late, DepreciationRow) and late.nilai_buku > 0


def test_tanah_kdp_ekstrakomptabel_and_items_without_a_masa_manfaat(
    tables: AppContext, pengurus: Actor
) -> None:
    chairs = _create(tables, pengurus, AssetInput(KURSI, "Kursi Kayu", 2025, 750_000), 2)  # ekstrakomptabel
    tanah = _create(tables, pengurus, AssetInput(TANAH, "Tanah Kantor", 2010, 900_000_000))
    kdp = _create(tables, pengurus, AssetInput(KDP, "Gedung dalam pengerjaan", 2026, 500_000_000))
    odd = _create(tables, pengurus, AssetInput("1.3.2.19.01.01.001", "Alat lain", 2020, 5_000_000))
    laptop = _laptop(tables, pengurus)
    with tables.db.read() as s:
        report = depreciation.depreciation_rows(s, pengurus, date(2026, 12, 31))
        assert depreciation.value_at(s, pengurus, tanah[0], date(2026, 12, 31)) is None
        assert depreciation.value_at(s, pengurus, kdp[0], date(2026, 12, 31)) is None
        assert depreciation.value_at(s, pengurus, chairs[0], date(2026, 12, 31)) is None
        skipped = depreciation.value_at(s, pengurus, odd[0], date(2026, 12, 31))
    assert [r.aset_id for r in report.rows] == [laptop]
    assert isinstance(skipped, Skipped) and "masa manfaat" in skipped.alasan
    assert [x.aset_id for x in report.skipped] == odd


def test_an_item_counts_until_its_write_off_and_from_its_acquisition(
    tables: AppContext, pengurus: Actor
) -> None:
    laptop = _laptop(tables, pengurus)
    with tables.db.transaction() as s:
        items.write_off(
            s, pengurus, laptop, tanggal=date(2026, 5, 4), alasan="Rusak berat", doc=DocRef("SK", "1/2026")
        )
    with tables.db.read() as s:
        assert [r.aset_id for r in depreciation.depreciation_rows(s, pengurus, date(2025, 12, 31)).rows] == [
            laptop
        ]
        assert depreciation.depreciation_rows(s, pengurus, date(2026, 6, 30)).rows == []
        assert depreciation.depreciation_rows(s, pengurus, date(2024, 3, 9)).rows == []


def test_an_item_without_a_date_starts_in_the_first_semester_of_its_year(
    tables: AppContext, pengurus: Actor
) -> None:
    ids = _create(tables, pengurus, AssetInput(LAPTOP, "Laptop", 2024, 15_000_000))
    with tables.db.read() as s:
        row = depreciation.value_at(s, pengurus, ids[0], date(2025, 12, 31))
    assert isinstance(row, DepreciationRow) and row.tanggal_diasumsikan
    assert (row.acquired, row.semester_berjalan) == (date(2024, 1, 1), 4)


def test_csv_and_xlsx_of_the_report(tables: AppContext, pengurus: Actor, tmp_path: Path) -> None:
    _laptop(tables, pengurus)
    with tables.db.transaction() as s:
        report = depreciation.depreciation_rows(s, pengurus, date(2025, 12, 31))
        assert depreciation.export_csv(s, pengurus, tmp_path / "p.csv", report) == 1
        assert depreciation.export_xlsx(s, pengurus, tmp_path / "p.xlsx", report) == 1
    assert (tmp_path / "p.csv").read_text(encoding="utf-8").splitlines() == [
        "kode_barang,register,harga,masa_manfaat_tahun,semester_berjalan,akumulasi,nilai_buku",
        f"{LAPTOP},000001,15000000,4,4,7500000,7500000",
    ]
    book = load_workbook(tmp_path / "p.xlsx")
    assert book.sheetnames == ["Per Barang", "Rekap Golongan", "Rekap Kode"]
    assert [c.value for c in book["Per Barang"][2]][:10] == [
        LAPTOP, "000001", "Laptop", 2024, datetime(2024, 3, 10), 15_000_000, 4, 4, 7_500_000, 7_500_000,
    ]  # fmt: skip
    assert [c.value for c in book["Rekap Golongan"][2]] == ["KIB B", 1, 15_000_000, 7_500_000, 7_500_000]
