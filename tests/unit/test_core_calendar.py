"""Working-day calendar: seed holidays, HK arithmetic and the worked examples of staff.md and guests.md."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.calendar import (
    SEED_HOLIDAYS_PATH,
    Holiday,
    HolidayKind,
    WorkingCalendar,
    holidays_from_package,
    load_holidays_csv,
)

LN = HolidayKind.LIBUR_NASIONAL
CB = HolidayKind.CUTI_BERSAMA
LL = HolidayKind.LIBUR_LOKAL
MK = HolidayKind.MASUK_KHUSUS

SEED = load_holidays_csv(SEED_HOLIDAYS_PATH)
CAL = WorkingCalendar(SEED)
CAL_CB_WORKING = WorkingCalendar(SEED, count_cuti_bersama_as_working=True)

RECEIVED = date(2026, 3, 16)  # a Monday


# --- seed file -------------------------------------------------------------------------------------------------


def test_seed_file_ships_with_the_package() -> None:
    assert SEED_HOLIDAYS_PATH.is_file()
    assert SEED_HOLIDAYS_PATH.parent.name == "seed"


def test_seed_has_the_documented_row_counts() -> None:
    counts = Counter((h.tanggal.year, h.jenis) for h in SEED)
    assert len(SEED) == 108
    assert counts == {
        (2024, LN): 19, (2024, CB): 10,
        (2025, LN): 17, (2025, CB): 11,
        (2026, LN): 17, (2026, CB): 8,
        (2027, LN): 18, (2027, CB): 8,
    }  # fmt: skip


def test_seed_estimates_are_the_three_2027_hijri_dates() -> None:
    estimates = [h.tanggal for h in SEED if h.is_estimate]
    assert estimates == [date(2027, 3, 10), date(2027, 3, 11), date(2027, 5, 17)]


def test_kind_labels_are_indonesian() -> None:
    assert [k.label for k in HolidayKind] == ["Libur Nasional", "Cuti Bersama", "Libur Lokal", "Masuk Khusus"]
    assert HolidayKind("cuti_bersama") is CB
    assert f"{CB}" == "cuti_bersama"


# --- worked examples -------------------------------------------------------------------------------------------


def test_cuti_example_of_staff_md_is_five_hk() -> None:
    # 16-27 Mar 2026: 10 weekdays minus 18 (CB Nyepi), 19 (Nyepi), 20, 23, 24 (CB Idul Fitri).
    assert CAL.working_days_between(date(2026, 3, 16), date(2026, 3, 27)) == 5


@pytest.mark.parametrize(
    ("hk", "due"),
    [(10, date(2026, 4, 7)), (17, date(2026, 4, 16)), (30, date(2026, 5, 6))],
)
def test_ppid_deadlines_of_guests_md(hk: int, due: date) -> None:
    assert CAL.add_working_days(RECEIVED, hk) == due


def test_ppid_deadline_when_cuti_bersama_is_worked() -> None:
    assert CAL_CB_WORKING.add_working_days(RECEIVED, 10) == date(2026, 3, 31)
    # Libur nasional stay days off even then: Nyepi (19 Mar) is the only weekday of 16-27 Mar not counted.
    assert CAL_CB_WORKING.working_days_between(date(2026, 3, 16), date(2026, 3, 27)) == 9


# --- single days -----------------------------------------------------------------------------------------------


def test_is_working_day_on_the_seed() -> None:
    assert CAL.is_working_day(date(2026, 3, 16))  # ordinary Monday
    assert not CAL.is_working_day(date(2026, 3, 14))  # Saturday
    assert not CAL.is_working_day(date(2026, 3, 19))  # Nyepi
    assert not CAL.is_working_day(date(2026, 3, 18))  # cuti bersama
    assert CAL_CB_WORKING.is_working_day(date(2026, 3, 18))
    assert not CAL_CB_WORKING.is_working_day(date(2026, 3, 19))


def test_local_holiday_and_special_working_day() -> None:
    cal = WorkingCalendar(
        [
            Holiday(date(2026, 7, 9), LL, "HUT Provinsi"),
            Holiday(date(2026, 7, 11), MK, "Apel besar (Sabtu)"),
            Holiday(date(2026, 8, 17), LN, "Hari Kemerdekaan"),
            Holiday(date(2026, 8, 17), MK, "Upacara dihitung hari kerja"),
        ]
    )
    assert not cal.is_working_day(date(2026, 7, 9))
    assert cal.is_working_day(date(2026, 7, 11))  # a Saturday made working
    assert cal.is_working_day(date(2026, 8, 17))  # masuk_khusus overrides the national holiday
    assert cal.working_days_between(date(2026, 7, 6), date(2026, 7, 12)) == 5  # Mon-Fri minus 9, plus Sat 11
    assert cal.add_working_days(date(2026, 7, 8), 2) == date(2026, 7, 11)


def test_holiday_on_reports_the_deciding_entry() -> None:
    cb = Holiday(date(2026, 12, 24), CB, "Cuti Bersama Natal")
    ln = Holiday(date(2026, 12, 24), LN, "Contoh libur")
    mk = Holiday(date(2026, 12, 24), MK, "Masuk")
    assert WorkingCalendar([cb, ln]).holiday_on(date(2026, 12, 24)) == ln
    assert WorkingCalendar([cb, ln, mk]).holidays_on(date(2026, 12, 24)) == (mk, ln, cb)
    assert CAL.holiday_on(date(2026, 3, 16)) is None
    nyepi = CAL.holiday_on(date(2026, 3, 19))
    assert nyepi is not None
    assert nyepi.nama == "Hari Suci Nyepi"
    assert nyepi.jenis is LN


def test_holidays_property_is_sorted_and_complete() -> None:
    listed = CAL.holidays
    assert len(listed) == len(SEED)
    assert [h.tanggal for h in listed] == sorted(h.tanggal for h in SEED)


def test_next_and_previous_working_day() -> None:
    assert CAL.next_working_day(date(2026, 3, 16)) == date(2026, 3, 16)  # already working: unchanged
    assert CAL.next_working_day(date(2026, 3, 18)) == date(2026, 3, 25)
    assert CAL.previous_working_day(date(2026, 3, 24)) == date(2026, 3, 17)
    assert CAL.previous_working_day(date(2026, 3, 17)) == date(2026, 3, 17)


def test_add_working_days_zero_and_negative() -> None:
    assert CAL.add_working_days(RECEIVED, 0) == RECEIVED
    assert CAL.add_working_days(date(2026, 3, 21), 0) == date(2026, 3, 21)  # not moved even on a holiday
    assert CAL.add_working_days(date(2026, 4, 7), -10) == RECEIVED
    assert CAL.add_working_days(date(2026, 3, 25), -1) == date(2026, 3, 17)


def test_add_working_days_from_a_holiday_counts_the_first_working_day_after_it() -> None:
    # Received on Saturday 21 Mar (Idul Fitri): day 1 is Wed 25 Mar.
    assert CAL.add_working_days(date(2026, 3, 21), 1) == date(2026, 3, 25)


def test_working_days_between_edges() -> None:
    assert CAL.working_days_between(date(2026, 3, 27), date(2026, 3, 16)) == 0
    assert CAL.working_days_between(date(2026, 3, 16), date(2026, 3, 16)) == 1
    assert CAL.working_days_between(date(2026, 3, 19), date(2026, 3, 19)) == 0
    # Whole of 2026: 261 weekdays minus the weekday holidays and cuti bersama of the seed.
    weekday_offs = {h.tanggal for h in SEED if h.tanggal.year == 2026 and h.tanggal.weekday() < 5}
    assert CAL.working_days_between(date(2026, 1, 1), date(2026, 12, 31)) == 261 - len(weekday_offs)


def test_six_day_week() -> None:
    cal = WorkingCalendar([], weekend=frozenset({6}))
    assert cal.is_working_day(date(2026, 3, 14))  # Saturday
    assert cal.working_days_between(date(2026, 3, 16), date(2026, 3, 29)) == 12


@pytest.mark.parametrize("weekend", [frozenset({7}), frozenset({-1}), frozenset(range(7))])
def test_invalid_weekend_is_refused(weekend: frozenset[int]) -> None:
    with pytest.raises(ValueError):
        WorkingCalendar([], weekend=weekend)


# --- CSV loading -----------------------------------------------------------------------------------------------


def _write(tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "libur.csv"
    path.write_text(text, encoding=encoding)
    return path


def test_load_csv_with_dasar_bom_and_indonesian_weekday(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "tanggal,hari,jenis,nama,dasar\n"
        "2026-07-09,Kamis,libur_lokal,HUT Provinsi,Pergub 1/2026\n"
        "2026-07-11,,masuk_khusus, Apel ,\n",
        encoding="utf-8-sig",
    )
    assert load_holidays_csv(path) == [
        Holiday(date(2026, 7, 9), LL, "HUT Provinsi", "Pergub 1/2026"),
        Holiday(date(2026, 7, 11), MK, "Apel", ""),
    ]
    assert load_holidays_csv(str(path))[0].dasar == "Pergub 1/2026"


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("09-07-2026,Thu,libur_lokal,X", "YYYY-MM-DD"),
        ("2026-07-09,Thu,libur,X", "jenis"),
        ("2026-07-09,Fri,libur_lokal,X", "tidak cocok"),
        ("2026-07-09,Jumat,libur_lokal,X", "tidak cocok"),
    ],
)
def test_load_csv_reports_the_bad_line(tmp_path: Path, row: str, message: str) -> None:
    path = _write(tmp_path, "tanggal,hari,jenis,nama\n2026-07-08,Wed,libur_lokal,OK\n" + row + "\n")
    with pytest.raises(ValueError, match=message) as info:
        load_holidays_csv(path)
    assert "baris 3" in str(info.value)


def test_load_csv_requires_columns(tmp_path: Path) -> None:
    path = _write(tmp_path, "tanggal,nama\n2026-07-09,X\n")
    with pytest.raises(ValueError, match="kolom tidak ada: jenis"):
        load_holidays_csv(path)


# --- holidays package ------------------------------------------------------------------------------------------


def test_package_reproduces_the_seed_for_2026() -> None:
    # 2026 is fixed by the SKB of 2025, so the package and the shipped seed must agree entry for entry.
    assert holidays_from_package(2026) == [h for h in SEED if h.tanggal.year == 2026]


def test_package_without_cuti_bersama_is_refused_unless_allowed(monkeypatch: pytest.MonkeyPatch) -> None:
    from holidays.countries.indonesia import Indonesia

    monkeypatch.setattr(Indonesia, "supported_categories", ("public",))
    with pytest.raises(RuntimeError, match="cuti bersama"):
        holidays_from_package(2026)
    public_only = holidays_from_package(2026, require_cuti_bersama=False)
    assert {h.jenis for h in public_only} == {LN}
    assert len(public_only) == 17


# --- properties ------------------------------------------------------------------------------------------------

_window = st.dates(min_value=date(2025, 12, 1), max_value=date(2026, 3, 31))
_holidays = st.lists(
    st.builds(Holiday, tanggal=_window, jenis=st.sampled_from(HolidayKind), nama=st.just("x")), max_size=40
)
_calendars = st.builds(
    WorkingCalendar,
    _holidays,
    weekend=st.frozensets(st.integers(min_value=0, max_value=6), max_size=6),
    count_cuti_bersama_as_working=st.booleans(),
)
_seed_dates = st.dates(min_value=date(2024, 1, 1), max_value=date(2027, 12, 31))


@given(st.one_of(st.just(CAL), st.just(CAL_CB_WORKING), _calendars), _seed_dates, st.integers(1, 80))
def test_add_working_days_lands_on_the_nth_working_day(cal: WorkingCalendar, start: date, n: int) -> None:
    due = cal.add_working_days(start, n)
    assert due > start
    assert cal.is_working_day(due)
    assert cal.working_days_between(cal.next_working_day(start + timedelta(days=1)), due) == n
    back = cal.add_working_days(start, -n)
    assert back < start
    assert cal.is_working_day(back)
    assert cal.working_days_between(back, cal.previous_working_day(start - timedelta(days=1))) == n


@given(st.one_of(st.just(CAL), _calendars), _seed_dates, st.integers(0, 400))
def test_working_days_between_matches_day_by_day_count(cal: WorkingCalendar, start: date, span: int) -> None:
    end = start + timedelta(days=span)
    expected = sum(cal.is_working_day(start + timedelta(days=i)) for i in range(span + 1))
    assert cal.working_days_between(start, end) == expected
