"""Seed reference tables of the staff rules: pangkat, gaji pokok, ijazah, KP periods, BUP (staff.md R5-R7, R12-R16)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop.core.staff.months import MasaKerja
from desktop.core.staff.reference import (
    BUP_SEED,
    GAJI_SEED,
    IJAZAH_SEED,
    KP_PERIODE_SEED,
    PANGKAT_SEED,
    load_bup_table,
    load_kp_periods,
    load_pangkat,
    load_pay_tables,
    normalize_golongan_ruang,
    seed_file,
    seed_reference,
)

REF = seed_reference()


@pytest.mark.parametrize("name", [PANGKAT_SEED, GAJI_SEED, IJAZAH_SEED, KP_PERIODE_SEED, BUP_SEED])
def test_seed_files_ship_as_package_data(name: str) -> None:
    assert seed_file(name).is_file()


def test_pangkat_ladder_has_17_steps_from_juru_muda_to_pembina_utama() -> None:
    ladder = list(REF.pangkat)
    assert len(ladder) == 17
    assert ladder[0].label == "Juru Muda (I/a)"
    assert ladder[-1].label == "Pembina Utama (IV/e)"
    assert REF.pangkat.get("iii-d").nama == "Penata Tingkat I"
    assert REF.pangkat.next_above("III/d") == REF.pangkat.get("IV/a")
    assert REF.pangkat.next_above("IV/e") is None
    assert REF.pangkat.get("III/d").golongan_pppk_setara == "XII"


@pytest.mark.parametrize("text", ["III/d", "iii/d", "III-d", "III d", "IIId", " III / D "])
def test_golongan_ruang_spellings_normalise(text: str) -> None:
    assert normalize_golongan_ruang(text) == "III/d"


@pytest.mark.parametrize("text", ["V/a", "III/f", "3/d", ""])
def test_unknown_golongan_ruang_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="Golongan ruang tidak dikenal"):
        normalize_golongan_ruang(text)


def test_pay_table_is_pp_5_2024_with_the_r7_columns() -> None:
    table = REF.gaji.for_date(date(2027, 3, 1))
    assert (table.versi, table.berlaku_mulai) == ("PP 5/2024", date(2024, 1, 1))
    assert sum(len(table.columns(p.golongan_ruang)) for p in REF.pangkat) == 272
    assert table.columns("I/a") == tuple(range(0, 27, 2))
    for code in ("I/b", "I/c", "I/d"):
        assert table.columns(code) == tuple(range(3, 28, 2))
    assert table.columns("II/a") == (0, 1, *range(3, 34, 2))
    for code in ("II/b", "II/c", "II/d"):
        assert table.columns(code) == tuple(range(3, 34, 2))
    for p in list(REF.pangkat)[8:]:
        assert table.columns(p.golongan_ruang) == tuple(range(0, 33, 2))
    assert table.amount("I/a", 0) == 1_685_700
    assert table.amount("IV/e", 32) == 6_373_200
    assert table.amount("II/a", 33) == 3_643_400  # misprinted by one source, correct here
    assert table.amount("II/d", 3) == 2_591_100


def test_gaji_pokok_uses_the_largest_column_not_above_the_mkg() -> None:
    table = REF.gaji.for_date(date(2026, 1, 1))
    assert table.gaji_pokok("II/b", MasaKerja(4, 1)) == 2_385_000  # column 3
    assert table.gaji_pokok("III/a", MasaKerja(3, 1)) == 2_873_500  # column 2
    assert table.gaji_pokok("I/c", MasaKerja(0)) == 1_918_700  # below the first column: first column


def test_a_later_pay_table_version_is_chosen_by_date(tmp_path: Path) -> None:
    text = seed_file(GAJI_SEED).read_text(encoding="utf-8")
    later = "\n".join(
        line.replace("PP 5/2024,2024-01-01", "PP X/2027,2027-01-01").replace(",2184000,", ",2500000,")
        for line in text.splitlines()[1:]
    )
    path = tmp_path / "gaji.csv"
    path.write_text(text + later + "\n", encoding="utf-8")
    tables = load_pay_tables(path)
    assert [t.versi for t in tables] == ["PP 5/2024", "PP X/2027"]
    assert tables.for_date(date(2026, 12, 31)).amount("II/a", 0) == 2_184_000
    assert tables.for_date(date(2027, 1, 1)).amount("II/a", 0) == 2_500_000
    assert tables.for_date(date(2010, 1, 1)).versi == "PP 5/2024"  # earlier tables are not loaded


@pytest.mark.parametrize(
    ("ijazah", "awal", "maks"),
    [
        ("SD", "I/a", "II/a"),
        ("SLTP", "I/c", "II/c"),
        ("SLTP Kejuruan", "I/c", "II/d"),
        ("SLTA", "II/a", "III/b"),
        ("D-I", "II/a", "III/b"),
        ("D-II", "II/b", "III/b"),
        ("SGPLB", "II/b", "III/c"),
        ("D-III", "II/c", "III/c"),
        ("S-1", "III/a", "III/d"),
        ("D4", "III/a", "III/d"),
        ("S2", "III/b", "IV/a"),
        ("Dokter", "III/b", "IV/a"),
        ("S-3", "III/c", "IV/b"),
    ],
)
def test_r14_entry_golongan_and_ceiling_by_ijazah(ijazah: str, awal: str, maks: str) -> None:
    rule = REF.ijazah.get(ijazah)
    assert (rule.golongan_awal_cpns, rule.golongan_maks_kp_reguler) == (awal, maks)


def test_unknown_ijazah_is_refused() -> None:
    with pytest.raises(ValueError, match="tidak ada dalam tabel ijazah"):
        REF.ijazah.get("SMA Paket Z")


def test_kp_periods_are_monthly_from_october_2025() -> None:
    regimes = list(REF.kp_periods)
    assert len(regimes) == 1
    assert regimes[0].berlaku_mulai == date(2025, 10, 1)
    assert sorted(regimes[0].periods) == list(range(1, 13))
    assert "Peraturan BKN 4/2025" in regimes[0].dasar


def test_r16_bup_defaults() -> None:
    bup = {rule.kode: rule.bup_tahun for rule in REF.bup}
    assert bup == {
        "jpt": 60,
        "administrator": 58,
        "pengawas": 58,
        "pelaksana": 58,
        "jf_keterampilan": 58,
        "jf_ahli_pertama": 58,
        "jf_ahli_muda": 58,
        "jf_ahli_madya": 60,
        "jf_ahli_utama": 65,
        "guru": 60,
        "dosen": 65,
        "profesor": 70,
    }
    with pytest.raises(ValueError, match="tidak ada dalam tabel BUP"):
        REF.bup.get("menteri")


def test_edited_bup_table_is_read_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "bup.csv"
    path.write_text("kode,jabatan,bup_tahun,dasar\npelaksana,Jabatan Pelaksana,60,RPP\n", encoding="utf-8")
    assert load_bup_table(path).get("pelaksana").bup_tahun == 60


def test_loaders_name_the_file_and_line_of_a_bad_value(tmp_path: Path) -> None:
    path = tmp_path / "pangkat.csv"
    path.write_text("urut,golongan_ruang,pangkat\nx,I/a,Juru Muda\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"pangkat\.csv baris 2: urut 'x'"):
        load_pangkat(path)
    periods = tmp_path / "kp.csv"
    periods.write_text("berlaku_mulai,bulan_tmt\n2025-10-01,1\n", encoding="utf-8")
    with pytest.raises(ValueError, match="kolom tidak ada"):
        load_kp_periods(periods)
