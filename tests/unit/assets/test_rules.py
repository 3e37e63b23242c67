"""Prefix tables (assets.md R25-R27, domain (c)): masa manfaat, bands, thresholds, with the chairs example."""

from __future__ import annotations

import pytest

from desktop.core.assets.depreciation import Band
from desktop.core.assets.kode import parse_kode
from desktop.core.assets.rules import (
    DEFAULT_BANDS,
    DEFAULT_MASA_MANFAAT,
    DEFAULT_THRESHOLDS,
    Ambang,
    bands_for,
    is_intra,
    longest_prefix,
    masa_manfaat_for,
    threshold_for,
)

# Names of these prefixes in reference/kode_barang_108_subset.csv (the shipped seed list); the other default
# prefixes lie outside that subset.
SEED_NAMES = {
    "1.3.2.05.01": "ALAT KANTOR",
    "1.3.2.05.02": "ALAT RUMAH TANGGA",
    "1.3.2.05.03": "MEJA DAN KURSI KERJA/RAPAT PEJABAT",
    "1.3.2.06.01": "ALAT STUDIO",
    "1.3.2.06.02": "ALAT KOMUNIKASI",
    "1.3.2.10": "KOMPUTER",
}


def test_longest_prefix_respects_segment_boundaries() -> None:
    prefixes = ["1.3.2", "1.3.2.10", "1.3.2.1"]
    assert longest_prefix("1.3.2.10.01.02.002", prefixes) == "1.3.2.10"
    assert longest_prefix("1.3.2.1", prefixes) == "1.3.2.1"
    assert longest_prefix("1.3.2.05.01.04.001", prefixes) == "1.3.2"
    assert longest_prefix("1.3.3.01.01.01.001", prefixes) is None


@pytest.mark.parametrize(
    ("kode", "tahun"),
    [
        ("1.3.2.10.01.02.002", 4),  # laptop
        ("1.3.2.05.01.04.001", 5),
        ("1.3.2.05.02.01.004", 5),  # kursi kayu
        ("1.3.2.05.03.01.001", 5),
        ("1.3.2.06.01.01.001", 5),
        ("1.3.2.06.02.01.001", 5),
        ("1.3.2.02.01.01.001", 7),
        ("1.3.2.01.01.01.001", 10),
        ("1.3.3.01.01.01.001", 50),
        ("1.3.4.01.01.01.001", 10),
        ("1.3.4.01.02.01.001", 50),
        ("1.3.1.01.01.01.001", None),  # tanah
        ("1.3.2.07.01.01.001", None),  # not in the shipped table
    ],
)
def test_default_masa_manfaat(kode: str, tahun: int | None) -> None:
    assert masa_manfaat_for(kode, DEFAULT_MASA_MANFAAT) == tahun


def test_default_prefixes_are_well_formed_and_unique() -> None:
    prefixes = [row.prefix for row in DEFAULT_MASA_MANFAAT]
    assert len(prefixes) == len(set(prefixes))
    for prefix in prefixes + [row.prefix for row in DEFAULT_BANDS] + [t.prefix for t in DEFAULT_THRESHOLDS]:
        assert parse_kode(prefix).text == prefix


def test_default_prefixes_inside_the_seed_list_name_what_the_seed_names() -> None:
    uraian = {row.prefix: row.uraian.upper() for row in DEFAULT_MASA_MANFAAT}
    assert {prefix: uraian[prefix] for prefix in SEED_NAMES} == SEED_NAMES


def test_r26_bands_of_the_three_default_prefixes() -> None:
    assert bands_for("1.3.2.10.01.02.002", DEFAULT_BANDS) == (
        Band(0, 25, 1),
        Band(25, 50, 1),
        Band(50, 75, 2),
        Band(75, None, 2),
    )
    assert [b.tambah_tahun for b in bands_for("1.3.2.05.01.04.001", DEFAULT_BANDS)] == [0, 1, 2, 2]
    gedung = bands_for("1.3.3.01.01.01.001", DEFAULT_BANDS)
    assert [(b.batas_bawah, b.batas_atas, b.tambah_tahun) for b in gedung] == [
        (0, 30, 5),
        (30, 45, 10),
        (45, 65, 20),
        (65, None, 50),
    ]
    assert bands_for("1.3.2.05.02.01.004", DEFAULT_BANDS) == ()


def test_default_thresholds_are_placeholders_to_fill_from_the_perkada() -> None:
    assert {(t.prefix, t.mulai_tahun, t.nilai) for t in DEFAULT_THRESHOLDS} == {
        ("1.3.2", 2000, 1_000_000),
        ("1.3.3", 2000, 25_000_000),
    }
    assert all(t.catatan == "isi sesuai Perkada" for t in DEFAULT_THRESHOLDS)


def test_worked_example_chairs_below_the_pm_threshold_are_ekstrakomptabel() -> None:
    assert not is_intra("1.3.2.05.02.01.004", 750_000, 2025, DEFAULT_THRESHOLDS)


def test_threshold_is_inclusive_and_absent_threshold_means_intra() -> None:
    assert is_intra("1.3.2.05.02.01.004", 1_000_000, 2025, DEFAULT_THRESHOLDS)
    assert not is_intra("1.3.3.01.01.01.001", 24_999_999, 2025, DEFAULT_THRESHOLDS)
    assert is_intra("1.3.1.01.01.01.001", 1, 2025, DEFAULT_THRESHOLDS)
    assert is_intra("1.3.2.05.02.01.004", 1, 1999, DEFAULT_THRESHOLDS)  # before any threshold


def test_threshold_in_force_by_year_then_longest_prefix() -> None:
    table = [
        Ambang("1.3.2", 2000, 300_000),
        Ambang("1.3.2", 2015, 1_000_000),
        Ambang("1.3.2.10", 2020, 500_000),
    ]
    laptop = "1.3.2.10.01.02.002"
    assert threshold_for(laptop, 2010, table) == table[0]
    assert threshold_for(laptop, 2018, table) == table[1]
    assert threshold_for(laptop, 2021, table) == table[2]
    assert not is_intra(laptop, 800_000, 2018, table)
    assert is_intra(laptop, 800_000, 2021, table)
    assert is_intra("1.3.2.05.02.01.004", 800_000, 2010, table)
