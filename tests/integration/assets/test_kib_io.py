"""An existing KIB imported from SIMDA/e-BMD sheets and a KIB exported (R4-R6, R9, R27, issue 15 item 11)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from desktop.models.assets import AmbangKapitalisasi, Aset, AsetMutasi
from desktop.services.assets import items, kib_io, rooms
from desktop.services.assets.kib_io import KibPlan
from desktop.services.common.errors import ValidationError
from desktop.services.common.permissions import SYSTEM, Actor
from desktop.services.system import AppContext

KURSI = "1.3.2.05.02.01.004"
LAPTOP = "1.3.2.10.01.02.002"
TODAY = date(2026, 3, 2)
SIMDA = "Kode Barang,Nama Barang,No. Register,Merk/Type,Tahun Pembelian,No. Pabrik,Harga,Kondisi,Ruang,Jumlah"


@pytest.fixture
def threshold(office: AppContext) -> AppContext:
    with office.db.transaction() as s:
        s.query(AmbangKapitalisasi).delete()
        s.add(AmbangKapitalisasi(kode_prefix="1.3.2", mulai_tahun=2000, nilai=1_000_000, catatan=""))
    return office


def _csv(path: Path, header: str, *rows: str) -> Path:
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def _plan(ctx: AppContext, actor: Actor, path: Path, **options: bool) -> KibPlan:
    with ctx.db.read() as s:
        return kib_io.validate_kib(s, actor, kib_io.read_table(path), today=TODAY, **options)


def _import(ctx: AppContext, actor: Actor, path: Path, **options: bool) -> kib_io.KibImportResult:
    with ctx.db.transaction() as s:
        plan = kib_io.validate_kib(s, actor, kib_io.read_table(path), today=TODAY, **options)
        return kib_io.import_kib(s, actor, plan)


def _units(ctx: AppContext) -> list[tuple[str, int, int, bool, int]]:
    with ctx.db.read() as s:
        rows = s.execute(
            select(Aset.kode_barang, Aset.register, Aset.harga, Aset.intra, Aset.kondisi).order_by(Aset.id)
        )
        return [tuple(r) for r in rows]  # type: ignore[misc]


def test_ten_chairs_with_jumlah_become_ten_ekstrakomptabel_units(
    threshold: AppContext, pengurus: Actor, tmp_path: Path
) -> None:
    path = _csv(tmp_path / "kib.csv", SIMDA, f'{KURSI},Kursi Kayu,,,2025,,"Rp 7.500.000,00",Baik,,10')
    result = _import(threshold, pengurus, path)
    assert (result.imported, result.lines) == (10, 1)
    # Harga on a KIB line with Jumlah 10 is the line's total: 750.000 each, below the 1.000.000 threshold.
    assert _units(threshold) == [(KURSI, n, 750_000, False, 1) for n in range(1, 11)]
    with threshold.db.read() as s:
        assert (
            s.scalar(select(func.count()).select_from(AsetMutasi).where(AsetMutasi.jenis == "perolehan"))
            == 10
        )


def test_a_register_range_gives_the_registers_and_must_match_jumlah(
    office: AppContext, pengurus: Actor, tmp_path: Path
) -> None:
    path = _csv(
        tmp_path / "kib.csv", SIMDA,
        f"{KURSI},Kursi Kayu,000005 s/d 000007,,2025,,2.250.000,B,,",
        f"{KURSI},Kursi Kayu,000008 s/d 000009,,2025,,1.500.000,B,,3",
    )  # fmt: skip
    plan = _plan(office, pengurus, path)
    assert [str(e) for e in plan.errors] == [
        "baris 3: jumlah 3 tidak sama dengan banyaknya register 000008 s/d 000009 (2)"
    ]
    assert [(line.data.register, line.jumlah, line.data.harga) for line in plan.valid] == [(5, 3, 750_000)]


@pytest.mark.parametrize(
    "harga",
    ["15.000.000", "15000000", "Rp 15.000.000,00", "Rp15.000.000", "Rp. 15.000.000,-", "15.000.000,00"],
)
def test_harga_in_the_ways_offices_write_it(
    office: AppContext, pengurus: Actor, tmp_path: Path, harga: str
) -> None:
    path = _csv(tmp_path / "kib.csv", SIMDA, f'{LAPTOP},Laptop,000001,Lenovo,2024,PF3ABC12,"{harga}",B,,1')
    plan = _plan(office, pengurus, path)
    assert plan.errors == []
    assert plan.valid[0].data.harga == 15_000_000


@pytest.mark.parametrize(
    ("kondisi", "code"),
    [("B", 1), ("Baik", 1), ("KB", 2), ("Kurang Baik", 2), ("RR", 2), ("rusak ringan", 2), ("RB", 3),
     ("Rusak Berat", 3), ("3", 3)],
)  # fmt: skip
def test_kondisi_as_codes_or_words(
    office: AppContext, pengurus: Actor, tmp_path: Path, kondisi: str, code: int
) -> None:
    path = _csv(tmp_path / "kib.csv", SIMDA, f"{LAPTOP},Laptop,000001,,2024,,15000000,{kondisi},,")
    assert _plan(office, pengurus, path).valid[0].data.kondisi == code


def test_every_bad_row_is_named_with_its_line_and_nothing_is_written(
    office: AppContext, pengurus: Actor, tmp_path: Path
) -> None:
    path = _csv(
        tmp_path / "kib.csv", SIMDA,
        f"{LAPTOP},Laptop,000001,,2024,,15000000,B,,",
        f"{LAPTOP},Laptop,000002,,2024,,15.000.000,50",
        "1.3.2.10.01.02,Laptop,000003,,2024,,15000000,B,,",
        f"{LAPTOP},,000004,,20x4,,15.000.000.5,Baik,Gudang,",
        f"{KURSI},Kursi,000001,,2025,,1.000.001,B,,2",
    )  # fmt: skip
    plan = _plan(office, pengurus, path)
    errors = {e.line: e.reason for e in plan.errors}
    assert sorted(errors) == [3, 4, 5, 6]
    assert "Kondisi tidak dikenali" in errors[3]
    assert "bukan kode rincian tingkat 7" in errors[4]
    assert "nama kosong" in errors[5] and "tahun \u201c20x4\u201d" in errors[5] and "harga" in errors[5]
    assert "ruang \u201cGudang\u201d tidak ditemukan" in errors[5]
    assert "tidak habis dibagi jumlah 2" in errors[6]
    with pytest.raises(ValidationError), office.db.transaction() as s:
        kib_io.import_kib(s, pengurus, plan)
    assert _units(office) == []
    with office.db.transaction() as s:
        assert kib_io.import_kib(s, pengurus, plan, skip_invalid=True).imported == 1


def test_a_register_taken_is_refused_with_its_line(
    office: AppContext, pengurus: Actor, tmp_path: Path
) -> None:
    with office.db.transaction() as s:
        items.create_assets(s, pengurus, items.AssetInput(LAPTOP, "Laptop", 2024, 15_000_000), 2, today=TODAY)
    path = _csv(
        tmp_path / "kib.csv", SIMDA,
        f"{LAPTOP},Laptop,000003,,2024,,15000000,B,,",
        f"{LAPTOP},Laptop,000002,,2024,,15000000,B,,",
        f"{LAPTOP},Laptop,000003,,2024,,15000000,B,,",
    )  # fmt: skip
    plan = _plan(office, pengurus, path)
    assert [str(e) for e in plan.errors] == [
        f"baris 3: register 000002 untuk kode {LAPTOP} sudah dipakai",
        f"baris 4: register 000003 untuk kode {LAPTOP} sudah dipakai baris 2",
    ]


def test_lines_without_registers_that_look_recorded_are_likely_duplicates(
    office: AppContext, pengurus: Actor, tmp_path: Path
) -> None:
    with office.db.transaction() as s:
        items.create_assets(
            s, pengurus, items.AssetInput(LAPTOP, "Laptop", 2024, 15_000_000, no_pabrik="PF1"), today=TODAY
        )
    path = _csv(
        tmp_path / "kib.csv", SIMDA,
        f"{LAPTOP},LAPTOP,,,2024,PF1,15000000,B,,",  # the one recorded, written in capitals
        f"{LAPTOP},Laptop,,,2024,PF2,15000000,B,,",  # another serial number: another laptop
        f"{LAPTOP},Laptop,,,2024,PF2,15000000,B,,",  # the line above again
    )  # fmt: skip
    plan = _plan(office, pengurus, path)
    assert [e.line for e in plan.errors] == [2, 4]
    assert "kemungkinan ganda" in plan.errors[0].reason and "--allow-duplicates" in plan.errors[0].reason
    assert "dengan baris 3" in plan.errors[1].reason
    assert _plan(office, pengurus, path, allow_duplicates=True).errors == []


def test_rooms_by_kode_or_nama(office: AppContext, pengurus: Actor, tmp_path: Path) -> None:
    with office.db.transaction() as s:
        umum = rooms.save_room(s, pengurus, rooms.RoomData(kode="R-01", nama="R. Subbag Umum")).id
    path = _csv(
        tmp_path / "kib.csv", SIMDA,
        f"{LAPTOP},Laptop,000001,,2024,,15000000,B,r-01,",
        f"{LAPTOP},Laptop,000002,,2024,,15000000,B,R Subbag Umum,",
    )  # fmt: skip
    plan = _plan(office, pengurus, path)
    assert [line.data.ruang_id for line in plan.valid] == [umum, umum]


def test_lines_with_registers_are_written_before_those_without(
    office: AppContext, pengurus: Actor, tmp_path: Path
) -> None:
    path = _csv(
        tmp_path / "kib.csv", SIMDA,
        f"{KURSI},Kursi Kayu,,,2025,,1.500.000,B,,2",
        f"{KURSI},Kursi Kayu Jati,000001 s/d 000002,,2025,,1.600.000,B,,",
    )  # fmt: skip
    _import(office, pengurus, path)
    with office.db.read() as s:
        got = s.execute(select(Aset.nama, Aset.register).order_by(Aset.register)).all()
    assert [tuple(r) for r in got] == [
        ("Kursi Kayu Jati", 1),
        ("Kursi Kayu Jati", 2),
        ("Kursi Kayu", 3),
        ("Kursi Kayu", 4),
    ]


def test_an_xlsx_with_a_title_and_simda_headers(office: AppContext, pengurus: Actor, tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["KARTU INVENTARIS BARANG (KIB) B. PERALATAN DAN MESIN"])
    sheet.append([])
    sheet.append(["No", "Kode Barang", "Nama Barang/Jenis Barang", "Nomor Register", "Merk/Type", "Ukuran/CC",
                  "Bahan", "Tahun Pembelian", "Nomor Pabrik", "Asal Usul/Cara Perolehan", "Harga", "Keterangan"])  # fmt: skip
    sheet.append([1, "1.3.2.10.001.002.002", "Laptop", "000001", "Lenovo ThinkPad E14", "14 inci", "Campuran", 2024,
                  "PF3ABC12", "Pembelian", 15000000, "R. Subbag Umum"])  # fmt: skip
    book.save(tmp_path / "kib.xlsx")
    result = _import(office, pengurus, tmp_path / "kib.xlsx")
    assert result.imported == 1
    with office.db.read() as s:
        row = s.scalars(select(Aset)).one()
        assert (row.kode_barang, row.register, row.merk_tipe, row.no_pabrik, row.harga) == (
            LAPTOP, 1, "Lenovo ThinkPad E14", "PF3ABC12", 15_000_000,
        )  # fmt: skip


def test_export_csv_then_import_into_an_empty_folder_gives_the_same_file(
    threshold: AppContext, fresh: AppContext, pengurus: Actor, tmp_path: Path
) -> None:
    with threshold.db.transaction() as s:
        items.create_assets(s, pengurus, items.AssetInput(KURSI, "Kursi Kayu", 2025, 750_000,
                            tanggal_perolehan=date(2025, 5, 12)), 3, today=TODAY)  # fmt: skip
        items.create_assets(s, pengurus, items.AssetInput(LAPTOP, "Laptop", 2024, 15_000_000, merk_tipe="Lenovo",
                            no_pabrik="PF1", kondisi=2), today=TODAY)  # fmt: skip
        # An override of the threshold's flag is kept through the file.
        items.create_assets(s, pengurus, items.AssetInput(LAPTOP, "Laptop bekas", 2020, 900_000, intra=True,
                            intra_catatan="Perkada lama"), today=TODAY)  # fmt: skip
        first = tmp_path / "kib_b.csv"
        assert kib_io.export_csv(s, pengurus, "B", first) == 5
    lines = first.read_text(encoding="utf-8").splitlines()
    assert lines[0] == ",".join(kib_io.EXPORT_COLUMNS)
    assert lines[1].startswith(f"{KURSI},000001,") and lines[1].endswith(
        ",Kursi Kayu,,2025,2025-05-12,750000,B,,ekstra"
    )
    assert lines[4].endswith(",Laptop,Lenovo,2024,,15000000,RR,,intra")
    # The second folder, as after a fresh install; whatever its threshold table holds, the flags come from the
    # file (an override where they differ).
    with fresh.db.transaction() as s:
        plan = kib_io.validate_kib(s, SYSTEM, kib_io.read_table(first), today=TODAY)
        assert plan.errors == []
        result = kib_io.import_kib(s, SYSTEM, plan)
    assert (result.imported, result.nibar_kept) == (5, 5)
    with fresh.db.transaction() as s:
        kib_io.export_csv(s, SYSTEM, "B", tmp_path / "again.csv")
    assert (tmp_path / "again.csv").read_bytes() == first.read_bytes()


def test_export_xlsx_has_the_columns_and_the_simda_card(
    threshold: AppContext, pengurus: Actor, tmp_path: Path
) -> None:
    with threshold.db.transaction() as s:
        items.create_assets(
            s, pengurus, items.AssetInput(KURSI, "Kursi Kayu", 2025, 750_000), 10, today=TODAY
        )
        items.create_assets(s, pengurus, items.AssetInput(LAPTOP, "Laptop", 2024, 15_000_000, no_pabrik="PF1",
                            tanggal_perolehan=date(2024, 3, 10)), today=TODAY)  # fmt: skip
        assert kib_io.export_xlsx(s, pengurus, "b", tmp_path / "kib.xlsx") == 11
    book = load_workbook(tmp_path / "kib.xlsx")
    assert book.sheetnames == ["KIB B", "SIMDA KIB B"]
    flat = book["KIB B"]
    assert [c.value for c in flat[1]] == list(kib_io.EXPORT_COLUMNS)
    assert [c.value for c in flat[12]][:8] == [LAPTOP, "000001", flat["C12"].value, "Laptop", None, 2024,
                                                datetime(2024, 3, 10), 15_000_000]  # fmt: skip
    card = book["SIMDA KIB B"]
    assert card["A1"].value == "KARTU INVENTARIS BARANG (KIB) B. PERALATAN DAN MESIN"
    assert [c.value for c in card[2]][:4] == [
        "No",
        "Kode Barang",
        "Nama Barang/Jenis Barang",
        "Nomor Register",
    ]
    chairs = [c.value for c in card[3]]
    assert chairs[:4] == [1, KURSI, "Kursi Kayu", "000001 s/d 000010"] and chairs[14] == 7_500_000
    assert [c.value for c in card[4]][8] == "PF1"
    assert [c.value for c in card[5]][14] == 22_500_000  # the total row


def test_export_refuses_an_unknown_kib(office: AppContext, pengurus: Actor, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="KIB G"), office.db.transaction() as s:
        kib_io.export_csv(s, pengurus, "G", tmp_path / "x.csv")
