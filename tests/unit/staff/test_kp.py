"""Kenaikan pangkat: monthly periods and usul windows, next KP, ceilings and conditions (staff.md B5)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop.core.staff.kp import (
    KpJenis,
    UsulWindow,
    first_kp_period_on_or_after,
    is_kp_period,
    kp_berikut,
    kp_conditions,
    usul_window,
)
from desktop.core.staff.reference import load_kp_periods, seed_reference
from desktop.core.staff.skp import SkpPredikat

REF = seed_reference()
PERIODS = REF.kp_periods
LADDER = REF.pangkat
GOOD_SKP = {2024: SkpPredikat.BAIK, 2025: SkpPredikat.SANGAT_BAIK}


def test_worked_example_slta_at_ii_c_since_october_2022() -> None:
    result = kp_berikut(
        tmt_pangkat=date(2022, 10, 1),
        golongan_ruang="II/c",
        as_of=date(2026, 1, 5),
        periods=PERIODS,
        ladder=LADDER,
        ijazah=REF.ijazah.get("SLTA"),
    )
    due = result.value
    assert due is not None
    assert due.tmt == date(2026, 10, 1)
    assert due.tmt_syarat == date(2026, 10, 1)
    assert due.golongan_ruang_baru == "II/d"
    assert due.usul == UsulWindow(date(2026, 8, 16), date(2026, 9, 15))
    assert "Usul ke BKN: 16 Agustus 2026 sampai 15 September 2026." in result.steps
    assert "III/b" in result.explanation  # the ceiling is shown


def test_worked_example_iii_d_with_s1_has_no_kp_reguler() -> None:
    result = kp_berikut(
        tmt_pangkat=date(2018, 4, 1),
        golongan_ruang="III/d",
        as_of=date(2026, 1, 5),
        periods=PERIODS,
        ladder=LADDER,
        ijazah=REF.ijazah.get("S-1 / D-IV"),
    )
    assert result.value is None
    assert "tidak ada KP reguler" in result.explanation
    assert "KP pilihan" in result.explanation


def test_jf_ahli_madya_route_from_iii_d_after_two_years() -> None:
    result = kp_berikut(
        tmt_pangkat=date(2018, 4, 1),
        golongan_ruang="III/d",
        as_of=date(2026, 1, 5),
        periods=PERIODS,
        ladder=LADDER,
        jenis=KpJenis.FUNGSIONAL,
        ijazah=REF.ijazah.get("S-1"),
    )
    assert result.value is not None
    assert result.value.tmt == date(2026, 2, 1)  # the minimum was met in 2020: first period after as-of
    assert result.value.golongan_ruang_baru == "IV/a"
    assert "angka kredit" in result.explanation


def test_kp_fungsional_needs_two_years() -> None:
    due = kp_berikut(
        tmt_pangkat=date(2025, 4, 1),
        golongan_ruang="III/c",
        as_of=date(2025, 6, 1),
        periods=PERIODS,
        ladder=LADDER,
        jenis=KpJenis.FUNGSIONAL,
    ).value
    assert due is not None and due.tmt == date(2027, 4, 1)


def test_kp_berikut_is_on_or_after_the_as_of_date() -> None:
    due = kp_berikut(
        tmt_pangkat=date(2020, 10, 1),
        golongan_ruang="II/c",
        as_of=date(2026, 3, 15),
        periods=PERIODS,
        ladder=LADDER,
        ijazah=REF.ijazah.get("SLTA"),
    ).value
    assert due is not None
    assert due.tmt_syarat == date(2024, 10, 1)
    assert due.tmt == date(2026, 4, 1)
    assert due.usul == UsulWindow(date(2026, 2, 16), date(2026, 3, 15))


def test_top_of_the_ladder_has_no_kp() -> None:
    for jenis in KpJenis:
        result = kp_berikut(
            tmt_pangkat=date(2015, 4, 1),
            golongan_ruang="IV/e",
            as_of=date(2026, 1, 1),
            periods=PERIODS,
            ladder=LADDER,
            jenis=jenis,
        )
        assert result.value is None


def test_kp_penyesuaian_ijazah_targets_the_entry_golongan_of_the_new_ijazah() -> None:
    due = kp_berikut(
        tmt_pangkat=date(2025, 4, 1),
        golongan_ruang="II/b",
        as_of=date(2025, 6, 1),
        periods=PERIODS,
        ladder=LADDER,
        jenis=KpJenis.PENYESUAIAN_IJAZAH,
        ijazah=REF.ijazah.get("S-1"),
    ).value
    assert due is not None
    assert (due.tmt, due.golongan_ruang_baru) == (date(2026, 4, 1), "III/a")


def test_reguler_without_ijazah_still_computes_but_says_so() -> None:
    result = kp_berikut(
        tmt_pangkat=date(2022, 10, 1),
        golongan_ruang="II/c",
        as_of=date(2026, 1, 1),
        periods=PERIODS,
        ladder=LADDER,
    )
    assert result.value is not None
    assert "Ijazah belum dicatat" in result.explanation


@pytest.mark.parametrize(
    ("tmt", "mulai", "akhir"),
    [
        (date(2026, 1, 1), date(2025, 11, 16), date(2025, 12, 15)),
        (date(2026, 2, 1), date(2025, 12, 16), date(2026, 1, 15)),
        (date(2026, 3, 1), date(2026, 1, 16), date(2026, 2, 15)),
        (date(2026, 4, 1), date(2026, 2, 16), date(2026, 3, 15)),
        (date(2026, 5, 1), date(2026, 3, 16), date(2026, 4, 15)),
        (date(2026, 6, 1), date(2026, 4, 16), date(2026, 5, 15)),
        (date(2026, 7, 1), date(2026, 5, 16), date(2026, 6, 15)),
        (date(2026, 8, 1), date(2026, 6, 16), date(2026, 7, 15)),
        (date(2026, 9, 1), date(2026, 7, 16), date(2026, 8, 15)),
        (date(2026, 10, 1), date(2026, 8, 16), date(2026, 9, 15)),
        (date(2026, 11, 1), date(2026, 9, 16), date(2026, 10, 15)),
        (date(2026, 12, 1), date(2026, 10, 16), date(2026, 11, 15)),
    ],
)
def test_r12_twelve_monthly_periods_and_windows(tmt: date, mulai: date, akhir: date) -> None:
    assert is_kp_period(PERIODS, tmt)
    assert usul_window(PERIODS, tmt) == UsulWindow(mulai, akhir)


def test_r15_window_closing_soon_starts_13_days_before_the_end() -> None:
    window = usul_window(PERIODS, date(2026, 10, 1))
    assert window.closing_soon_from == date(2026, 9, 2)
    assert window.contains(date(2026, 8, 16)) and window.contains(date(2026, 9, 15))
    assert not window.contains(date(2026, 9, 16))


def test_only_firsts_of_months_are_periods() -> None:
    assert not is_kp_period(PERIODS, date(2026, 10, 2))
    assert first_kp_period_on_or_after(PERIODS, date(2026, 10, 2)) == date(2026, 11, 1)
    assert first_kp_period_on_or_after(PERIODS, date(2026, 10, 1)) == date(2026, 10, 1)
    with pytest.raises(ValueError, match="bukan periode kenaikan pangkat"):
        usul_window(PERIODS, date(2026, 10, 2))


def test_periods_are_data_an_added_regime_changes_the_months(tmp_path: Path) -> None:
    text = "berlaku_mulai,bulan_tmt,mulai_offset_bulan,mulai_hari,akhir_offset_bulan,akhir_hari,dasar\n"
    text += "".join(f"2025-10-01,{m},-2,16,-1,15,Perban 4/2025\n" for m in range(1, 13))
    text += "".join(f"2028-01-01,{m},-3,1,-1,28,Perban baru\n" for m in (4, 10))
    path = tmp_path / "kp.csv"
    path.write_text(text, encoding="utf-8")
    periods = load_kp_periods(path)
    assert first_kp_period_on_or_after(periods, date(2027, 11, 5)) == date(2027, 12, 1)
    assert first_kp_period_on_or_after(periods, date(2028, 1, 2)) == date(2028, 4, 1)
    assert usul_window(periods, date(2028, 4, 1)) == UsulWindow(date(2028, 1, 1), date(2028, 3, 28))


def test_kp_reguler_conditions_met() -> None:
    result = kp_conditions(
        KpJenis.REGULER,
        tmt_pangkat=date(2022, 10, 1),
        golongan_ruang="II/c",
        tmt_kp=date(2026, 10, 1),
        periods=PERIODS,
        ladder=LADDER,
        skp=GOOD_SKP,
        ijazah=REF.ijazah.get("SLTA"),
    )
    assert result.value.eligible
    assert "Semua syarat terpenuhi." in result.steps


def test_kp_reguler_conditions_list_every_unmet_one() -> None:
    result = kp_conditions(
        KpJenis.REGULER,
        tmt_pangkat=date(2023, 10, 1),
        golongan_ruang="III/d",
        tmt_kp=date(2026, 10, 1),
        periods=PERIODS,
        ladder=LADDER,
        skp={2025: SkpPredikat.KURANG},
        ijazah=REF.ijazah.get("S-1"),
    )
    unmet = result.value.unmet
    assert not result.value.eligible
    assert any("baru 3 tahun 0 bulan, kurang dari 4 tahun" in u for u in unmet)
    assert any("sudah mencapai batas untuk ijazah" in u for u in unmet)
    assert "SKP tahun 2024 belum dicatat." in unmet
    assert "Predikat SKP tahun 2025 Kurang, di bawah Baik." in unmet


def _fungsional(tmt_pangkat: date, angka_kredit: bool | None) -> tuple[str, ...]:
    return kp_conditions(
        KpJenis.FUNGSIONAL,
        tmt_pangkat=tmt_pangkat,
        golongan_ruang="III/c",
        tmt_kp=date(2026, 10, 1),
        periods=PERIODS,
        ladder=LADDER,
        skp=GOOD_SKP,
        angka_kredit_terpenuhi=angka_kredit,
    ).value.unmet


def test_kp_fungsional_conditions_two_years_and_angka_kredit() -> None:
    assert _fungsional(date(2024, 10, 1), True) == ()
    assert _fungsional(date(2024, 10, 1), None) == ("Angka kredit belum dicatat.",)
    assert _fungsional(date(2024, 10, 1), False) == ("Angka kredit untuk kenaikan pangkat belum terpenuhi.",)
    short = _fungsional(date(2025, 4, 1), True)
    assert len(short) == 1 and "kurang dari 2 tahun" in short[0]
