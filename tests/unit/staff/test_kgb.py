"""KGB: gaji pokok, next KGB from the pay-table columns, MKG corrections, deferral and notice (staff.md B4)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.staff.kgb import (
    KgbDeferral,
    defer_kgb,
    gaji_pokok,
    kgb_berikut,
    kgb_conditions,
    kgb_notice_date,
    kgb_reminders,
    mkg_after_promotion,
    mkg_on,
    next_kgb,
)
from desktop.core.staff.months import MasaKerja
from desktop.core.staff.reference import seed_reference
from desktop.core.staff.skp import SkpPredikat

REF = seed_reference()
GAJI = REF.gaji


def mk(tahun: int, bulan: int = 0) -> MasaKerja:
    return MasaKerja(tahun, bulan)


def test_r6_cpns_receive_80_percent() -> None:
    result = gaji_pokok(GAJI, "II/a", mk(0), on=date(1998, 3, 1), cpns=True)
    assert result.value == 1_747_200
    assert "CPNS menerima 80 % gaji pokok: Rp1.747.200." in result.steps
    assert gaji_pokok(GAJI, "II/a", mk(0), on=date(1998, 3, 1)).value == 2_184_000


# The worked career of NIP 19730314 199803 2 009: each KGB follows from the SK before it (R9).
KGB_CHAIN = [
    # (basis TMT, ruang, MKG) -> (next TMT, MKG, gaji)
    ((date(1998, 3, 1), "II/a", mk(0)), (date(1999, 3, 1), mk(1), 2_218_400)),  # II/a: after 1 year
    ((date(1999, 3, 1), "II/a", mk(1)), (date(2001, 3, 1), mk(3), 2_288_200)),
    ((date(2002, 4, 1), "II/b", mk(4, 1)), (date(2003, 3, 1), mk(5), 2_460_100)),  # mk 49 -> col 5: +11
    ((date(2003, 3, 1), "II/b", mk(5)), (date(2005, 3, 1), mk(7), 2_537_600)),
    ((date(2006, 4, 1), "III/a", mk(3, 1)), (date(2007, 3, 1), mk(4), 2_964_000)),
    ((date(2025, 3, 1), "III/d", mk(22)), (date(2027, 3, 1), mk(24), 4_576_400)),
]


@pytest.mark.parametrize(("basis", "expected"), KGB_CHAIN)
def test_r9_worked_career_kgb_steps(
    basis: tuple[date, str, MasaKerja], expected: tuple[date, MasaKerja, int]
) -> None:
    tmt, ruang, mkg = basis
    next_tmt, next_mkg, gaji = expected
    step = next_kgb(tmt, ruang, mkg, GAJI).value
    assert step is not None
    assert (step.tmt, step.golongan_ruang, step.mkg, step.gaji_pokok) == (next_tmt, ruang, next_mkg, gaji)


def test_ii_a_first_kgb_after_one_year_is_explained() -> None:
    result = next_kgb(date(1998, 3, 1), "II/a", mk(0), GAJI)
    assert any("golongan II/a: KGB pertama setelah masa kerja 1 tahun" in s for s in result.steps)


@pytest.mark.parametrize(
    ("tmt", "ruang", "mkg", "gaji"),
    [
        (date(2002, 4, 1), "II/b", mk(4, 1), 2_385_000),
        (date(2006, 4, 1), "III/a", mk(3, 1), 2_873_500),
        (date(2010, 4, 1), "III/b", mk(7, 1), 3_186_600),
        (date(2014, 4, 1), "III/c", mk(11, 1), 3_533_900),
        (date(2018, 4, 1), "III/d", mk(15, 1), 3_919_100),
        (date(2025, 3, 1), "III/d", mk(22), 4_436_700),
    ],
)
def test_worked_career_gaji_on_each_kp(tmt: date, ruang: str, mkg: MasaKerja, gaji: int) -> None:
    assert gaji_pokok(GAJI, ruang, mkg, on=tmt).value == gaji


def test_worked_career_mkg_on_kp_penyesuaian_ijazah() -> None:
    # II/b KGB 2005-03-01 at 7y0m; on 2006-04-01 the MKG is 8y1m, minus 5 years into golongan III.
    on_kp = mkg_on(date(2005, 3, 1), mk(7), date(2006, 4, 1))
    assert on_kp == mk(8, 1)
    assert mkg_after_promotion(on_kp, "II/b", "III/a").value == mk(3, 1)


def test_acceptance_next_kgb_of_the_example_career_is_2027_03_01() -> None:
    result = kgb_berikut(date(2025, 3, 1), "III/d", mk(22), as_of=date(2026, 5, 4), tables=GAJI)
    step = result.value
    assert step is not None
    assert step.tmt == date(2027, 3, 1)
    assert step.mkg == mk(24)
    assert step.gaji_pokok == 4_576_400
    assert result.warnings == ()
    assert "yaitu 1 Maret 2027" in result.explanation
    assert "Rp4.576.400" in result.explanation


def test_kgb_on_the_as_of_date_counts_as_next() -> None:
    result = kgb_berikut(date(2025, 3, 1), "III/d", mk(22), as_of=date(2027, 3, 1), tables=GAJI)
    assert result.value is not None and result.value.tmt == date(2027, 3, 1)


def test_kgb_berikut_steps_over_past_kgbs_and_warns_they_are_missing() -> None:
    # Last SK in riwayat is the 2018 KP: the 2019-2025 KGBs are missing.
    result = kgb_berikut(date(2018, 4, 1), "III/d", mk(15, 1), as_of=date(2026, 5, 4), tables=GAJI)
    assert result.value is not None
    assert result.value.tmt == date(2027, 3, 1)
    assert result.value.gaji_pokok == 4_576_400
    assert len(result.warnings) == 1
    assert "1 Maret 2019" in result.warnings[0] and "1 Maret 2025" in result.warnings[0]
    assert (
        result.steps[0] == "SK terakhir di riwayat: TMT 1 April 2018, golongan III/d, MKG 15 tahun 1 bulan."
    )


def test_notice_due_two_months_before_tmt() -> None:
    result = kgb_notice_date(date(2027, 3, 1))
    assert result.value == date(2027, 1, 1)
    assert "PP 7/1977 Pasal 12" in result.explanation


def test_reminders_never_fall_after_the_notice_date_they_are_clamped_to_it() -> None:
    # TMT 1 January 2027: notice due 1 November 2026; H-60 would be 2 November, H-30 and H-14 later still.
    reminders = kgb_reminders(date(2027, 1, 1), (60, 30, 14))
    assert [r.tanggal for r in reminders] == [date(2026, 11, 1)]
    assert "Hari terakhir surat pemberitahuan KGB 1 Januari 2027" in reminders[0].keterangan
    # TMT 1 March 2027: H-60 is 31 December 2026, the day before the notice date, and stays as it was.
    reminders = kgb_reminders(date(2027, 3, 1), (60, 30, 14))
    assert [r.tanggal for r in reminders] == [date(2026, 12, 31), date(2027, 1, 1)]
    assert reminders[0].keterangan.startswith("H-60: KGB 1 Maret 2027")


@given(
    st.dates(min_value=date(2020, 1, 1), max_value=date(2040, 12, 1)).map(lambda d: d.replace(day=1)),
    st.lists(st.integers(min_value=1, max_value=200), min_size=1, max_size=4),
)
def test_no_kgb_reminder_after_the_notice_date_and_one_on_it_when_any_was_clamped(
    tmt: date, days: list[int]
) -> None:
    notice = kgb_notice_date(tmt).value
    reminders = kgb_reminders(tmt, tuple(days))
    assert all(r.tanggal <= notice for r in reminders)
    assert [r.tanggal for r in reminders] == sorted(
        {r.tanggal for r in reminders}
    )  # earliest first, no twins
    late = any(tmt.toordinal() - n >= notice.toordinal() for n in days)
    assert (reminders[-1].tanggal == notice) is late


def test_r11_deferral_keeps_the_rhythm() -> None:
    deferral = KgbDeferral(tmt_kgb=date(2027, 3, 1), bulan=12)
    result = kgb_berikut(
        date(2025, 3, 1), "III/d", mk(22), as_of=date(2026, 5, 4), tables=GAJI, deferrals=[deferral]
    )
    granted = result.value
    assert granted is not None
    assert granted.tmt == date(2028, 3, 1)
    assert granted.gaji_pokok == 4_576_400
    assert granted.tmt_semula == date(2027, 3, 1)
    assert granted.ditunda_bulan == 12
    # The following KGB is still 2029-03-01 at MKG 26.
    following = kgb_berikut(
        granted.tmt, granted.golongan_ruang, granted.mkg, as_of=date(2028, 3, 2), tables=GAJI
    ).value
    assert following is not None
    assert (following.tmt, following.mkg, following.gaji_pokok) == (date(2029, 3, 1), mk(26), 4_720_500)
    # And the same through the deferral list when the as-of date is after the granted KGB.
    again = kgb_berikut(
        date(2025, 3, 1), "III/d", mk(22), as_of=date(2028, 6, 1), tables=GAJI, deferrals=[deferral]
    ).value
    assert again is not None and again.tmt == date(2029, 3, 1)


def test_deferral_is_at_most_one_year_at_a_time_but_repeatable() -> None:
    step = next_kgb(date(2025, 3, 1), "III/d", mk(22), GAJI).value
    assert step is not None
    with pytest.raises(ValueError, match="Penundaan KGB harus 1 sampai 12 bulan"):
        defer_kgb(step, 13)
    twice = kgb_berikut(
        date(2025, 3, 1),
        "III/d",
        mk(22),
        as_of=date(2026, 1, 1),
        tables=GAJI,
        deferrals=[KgbDeferral(date(2027, 3, 1), 12), KgbDeferral(date(2028, 3, 1), 6)],
    ).value
    assert twice is not None
    assert (twice.tmt, twice.ditunda_bulan, twice.tmt_semula) == (date(2028, 9, 1), 18, date(2027, 3, 1))


@pytest.mark.parametrize(
    ("mkg", "dari", "ke", "expected"),
    [
        (mk(16, 1), "I/d", "II/a", mk(10, 1)),
        (mk(22, 7), "II/d", "III/a", mk(17, 7)),
        (mk(4, 1), "I/d", "II/a", mk(0)),  # floor at 0y0m
        (mk(20, 3), "III/d", "IV/a", mk(20, 3)),  # III -> IV no change
        (mk(7, 1), "III/a", "III/b", mk(7, 1)),  # within a golongan
        (mk(20), "I/d", "III/a", mk(9)),  # both boundaries
    ],
)
def test_r8_mkg_correction_on_promotion(mkg: MasaKerja, dari: str, ke: str, expected: MasaKerja) -> None:
    assert mkg_after_promotion(mkg, dari, ke).value == expected


def test_r8_iii_to_iv_correction_is_configurable() -> None:
    corrections = {("I", "II"): 72, ("II", "III"): 60, ("III", "IV"): 1}
    assert mkg_after_promotion(mk(20, 3), "III/d", "IV/a", corrections).value == mk(20, 2)


def test_no_kgb_after_the_last_column() -> None:
    result = kgb_berikut(date(2020, 1, 1), "IV/e", mk(32), as_of=date(2026, 1, 1), tables=GAJI)
    assert result.value is None
    assert "tidak ada KGB lagi" in result.explanation


def test_tmt_not_on_the_first_is_warned() -> None:
    assert next_kgb(date(2025, 3, 15), "III/d", mk(22), GAJI).warnings


def test_r10_skp_condition_last_year_pns_two_years_pppk() -> None:
    skp = {2026: SkpPredikat.BAIK}
    assert kgb_conditions(date(2027, 3, 1), skp).value.eligible
    pppk = kgb_conditions(date(2027, 3, 1), skp, pppk=True).value
    assert pppk.unmet == ("SKP tahun 2025 belum dicatat.",)
    poor = kgb_conditions(date(2027, 3, 1), {2026: SkpPredikat.BUTUH_PERBAIKAN}).value
    assert poor.unmet == ("Predikat SKP tahun 2026 Butuh Perbaikan, di bawah Baik.",)


@given(
    year=st.integers(min_value=1990, max_value=2040),
    month=st.integers(min_value=1, max_value=12),
    ruang=st.sampled_from([p.golongan_ruang for p in REF.pangkat]),
    months=st.integers(min_value=0, max_value=33 * 12),
)
def test_next_kgb_lands_on_a_first_at_the_next_column(year: int, month: int, ruang: str, months: int) -> None:
    tmt = date(year, month, 1)
    mkg = MasaKerja.from_months(months)
    step = next_kgb(tmt, ruang, mkg, GAJI).value
    columns = GAJI.for_date(tmt).columns(ruang)
    if step is None:
        assert months >= 12 * columns[-1]
        return
    assert step.tmt.day == 1
    assert step.tmt > tmt
    assert step.mkg.bulan == 0 and step.mkg.tahun in columns
    assert mkg_on(tmt, mkg, step.tmt) == step.mkg
    assert step.tmt <= date(year + 3, month, 1)  # never more than 3 years (the odd first columns)
