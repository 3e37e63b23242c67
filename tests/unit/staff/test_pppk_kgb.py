"""PPPK gaji pokok (Perpres 11/2024, golongan I-XVII) and the PPPK KGB from its MKG columns (issue 12 item 8)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop.core.staff.kgb import gaji_pokok, kgb_berikut, kgb_berikut_value, kgb_conditions, next_kgb
from desktop.core.staff.months import MasaKerja
from desktop.core.staff.reference import (
    PayTable,
    PayTables,
    load_pppk_pay_tables,
    normalize_golongan_pppk,
    seed_reference,
)
from desktop.core.staff.skp import SkpPredikat

PPPK = seed_reference().gaji_pppk


def test_the_shipped_table_has_golongan_i_to_xvii_with_their_columns() -> None:
    table = PPPK.for_date(date(2026, 1, 1))
    assert (table.versi, table.berlaku_mulai, table.pppk) == ("Perpres 11/2024", date(2024, 1, 1), True)
    assert set(table.cells) == {
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII"
    }  # fmt: skip
    assert sum(len(row) for row in table.cells.values()) == 272
    assert table.columns("IX") == tuple(range(0, 33, 2))
    assert table.columns("V") == (0, 1, *range(3, 34, 2))
    # The lowest and highest cell of each golongan were checked against a second source (seed README).
    assert (table.amount("I", 0), table.amount("I", 26)) == (1_938_500, 2_900_900)
    assert (table.amount("IX", 0), table.amount("IX", 32)) == (3_203_600, 5_261_500)
    assert (table.amount("XVII", 0), table.amount("XVII", 32)) == (4_462_500, 7_329_000)


def test_worked_example_pppk_golongan_ix_next_kgb_date_and_amount() -> None:
    """A PPPK IX appointed on 1 March 2021 with MKG 0 whose KGB of 1 March 2025 (MKG 4 tahun) is on record: the
    next column of IX after 4 years is 6, 24 months later -> 1 March 2027, Rp3.515.900 (IX, MKG 6)."""
    found = kgb_berikut(date(2025, 3, 1), "IX", MasaKerja(4, 0), as_of=date(2026, 1, 5), tables=PPPK)
    step = found.value
    assert step is not None
    assert (step.tmt, step.golongan_ruang, step.mkg, step.gaji_pokok) == (
        date(2027, 3, 1),
        "IX",
        MasaKerja(6),
        3_515_900,
    )
    assert "tabel gaji pokok PPPK Perpres 11/2024" in found.explanation
    assert any("72 − 48 = 24 bulan setelah 1 Maret 2025" in s for s in found.steps)
    assert (
        kgb_berikut_value(date(2025, 3, 1), "ix", MasaKerja(4, 0), as_of=date(2026, 1, 5), tables=PPPK)
        == step
    )


def test_pppk_kgb_follows_the_two_year_rhythm_from_the_appointment() -> None:
    # No KGB on record since the appointment: 2023-03-01 (MKG 2) and 2025-03-01 (MKG 4) are past, named as missing.
    found = kgb_berikut(date(2021, 3, 1), "IX", MasaKerja(0, 0), as_of=date(2026, 1, 5), tables=PPPK)
    assert found.value is not None and found.value.tmt == date(2027, 3, 1)
    assert any("1 Maret 2023, 1 Maret 2025" in w for w in found.warnings)
    first = next_kgb(date(2024, 4, 1), "IX", MasaKerja(0, 0), PPPK).value
    assert first is not None and (first.tmt, first.gaji_pokok) == (date(2026, 4, 1), 3_304_400)


def test_pppk_golongan_v_gets_its_first_kgb_after_one_year() -> None:
    found = next_kgb(date(2024, 3, 1), "V", MasaKerja(0, 0), PPPK)
    assert found.value is not None
    assert (found.value.tmt, found.value.gaji_pokok) == (date(2025, 3, 1), 2_551_100)
    assert any("golongan V: KGB pertama setelah masa kerja 1 tahun" in s for s in found.steps)


def test_pppk_gaji_pokok_has_no_cpns_cut() -> None:
    assert gaji_pokok(PPPK, "IX", MasaKerja(5, 11), on=date(2026, 1, 1)).value == 3_408_500  # column 4


def test_pppk_kgb_needs_two_years_of_skp() -> None:
    skp = {2026: SkpPredikat.BAIK}
    assert kgb_conditions(date(2027, 3, 1), skp, pppk=True).value.unmet == ("SKP tahun 2025 belum dicatat.",)


@pytest.mark.parametrize("text", ["IX", "ix", " IX ", "Gol. IX", "golongan ix", "9"])
def test_pppk_golongan_is_read_as_offices_write_it(text: str) -> None:
    assert normalize_golongan_pppk(text) == "IX"


def test_a_pns_golongan_is_not_in_the_pppk_table_and_the_other_way_round() -> None:
    with pytest.raises(ValueError, match="Golongan PPPK tidak dikenal: 'III/d'"):
        PPPK.key("III/d")
    with pytest.raises(ValueError, match="Golongan ruang tidak dikenal"):
        seed_reference().gaji.key("IX")
    pns = PayTable("PP 5/2024", date(2024, 1, 1), {"II/a": ((0, 1),)})
    ppk = PayTable("Perpres 11/2024", date(2024, 1, 1), {"V": ((0, 1),)}, pppk=True)
    with pytest.raises(ValueError, match="tidak boleh tercampur"):
        PayTables([pns, ppk])


def test_an_edited_copy_with_a_later_version_is_used_from_its_date(tmp_path: Path) -> None:
    edited = tmp_path / "gaji_pppk.csv"
    edited.write_text(
        "golongan,mkg_tahun,gaji_pokok_rp,versi,berlaku_mulai\n"
        "IX,0,3203600,Perpres 11/2024,2024-01-01\n"
        "IX,2,3304400,Perpres 11/2024,2024-01-01\n"
        "IX,0,3400000,Perpres contoh,2027-01-01\n"
        "IX,2,3500000,Perpres contoh,2027-01-01\n",
        encoding="utf-8",
    )
    tables = load_pppk_pay_tables(edited)
    assert next_kgb(date(2024, 3, 1), "IX", MasaKerja(0), tables).value.gaji_pokok == 3_304_400  # type: ignore[union-attr]
    assert next_kgb(date(2025, 3, 1), "IX", MasaKerja(0), tables).value.gaji_pokok == 3_500_000  # type: ignore[union-attr]


def test_a_bad_golongan_in_an_edited_copy_is_refused_with_its_line(tmp_path: Path) -> None:
    edited = tmp_path / "gaji_pppk.csv"
    edited.write_text(
        "golongan,mkg_tahun,gaji_pokok_rp,versi,berlaku_mulai\nXVIII,0,1,Perpres 11/2024,2024-01-01\n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match=r"gaji_pppk\.csv baris 2: Golongan PPPK tidak dikenal: 'XVIII'"):
        load_pppk_pay_tables(edited)
