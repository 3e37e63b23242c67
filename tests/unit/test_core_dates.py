"""Indonesian date formats, Roman numerals, date parsing and office zones."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core import clock
from desktop.core.dates import (
    BULAN,
    HARI,
    OFFICE_ZONES,
    day_name,
    format_date,
    format_date_long,
    format_date_numeric,
    format_datetime,
    month_name,
    office_tz,
    parse_date,
    roman_month,
    to_roman,
)

SUNDAY = date(2026, 11, 22)


def test_names_follow_python_weekday_and_month_numbers() -> None:
    assert HARI[date(2026, 11, 16).weekday()] == "Senin"
    assert day_name(SUNDAY) == "Minggu"
    assert len(HARI) == 7
    assert len(BULAN) == 12
    assert month_name(1) == "Januari"
    assert month_name(8) == "Agustus"
    assert month_name(12) == "Desember"


@pytest.mark.parametrize("month", [0, 13, -1])
def test_month_name_rejects_out_of_range(month: int) -> None:
    with pytest.raises(ValueError, match="Bulan"):
        month_name(month)


def test_formats_of_the_worked_example() -> None:
    assert format_date(SUNDAY) == "22 November 2026"
    assert format_date_long(SUNDAY) == "Minggu, 22 November 2026"
    assert format_date_numeric(SUNDAY) == "22-11-2026"


def test_single_digit_day_has_no_leading_zero_in_words_but_has_one_in_numbers() -> None:
    d = date(2026, 3, 5)
    assert format_date(d) == "5 Maret 2026"
    assert format_date_numeric(d) == "05-03-2026"


def test_format_datetime_uses_a_dot_between_hours_and_minutes() -> None:
    assert format_datetime(datetime(2026, 11, 22, 14, 5)) == "22 November 2026 14.05"
    assert format_datetime(datetime(2026, 11, 22, 9, 0), "wita") == "22 November 2026 09.00 WITA"


@pytest.mark.parametrize(
    ("zone", "expected"), [("WIB", "14.05 WIB"), ("WITA", "15.05 WITA"), ("WIT", "16.05 WIT")]
)
def test_format_datetime_converts_aware_values_to_the_named_zone(zone: str, expected: str) -> None:
    utc = datetime(2026, 11, 22, 7, 5, tzinfo=UTC)
    assert format_datetime(utc, zone) == f"22 November 2026 {expected}"


def test_format_datetime_conversion_can_cross_midnight() -> None:
    utc = datetime(2026, 11, 21, 20, 30, tzinfo=UTC)
    assert format_datetime(utc, "WIT") == "22 November 2026 05.30 WIT"


def test_format_datetime_rejects_unknown_zone() -> None:
    with pytest.raises(ValueError, match="Zona waktu"):
        format_datetime(datetime(2026, 1, 1), "UTC")


@pytest.mark.parametrize(("code", "hours"), [("WIB", 7), ("WITA", 8), ("WIT", 9)])
def test_office_zones_have_the_right_offsets(code: str, hours: int) -> None:
    tz = office_tz(code)
    assert str(tz) == OFFICE_ZONES[code]
    assert datetime(2026, 6, 1, tzinfo=tz).utcoffset() == timedelta(hours=hours)
    now = clock.now(code)
    assert now.utcoffset() == timedelta(hours=hours)
    assert abs(now - clock.utc_now()) < timedelta(minutes=1)


@pytest.mark.parametrize(
    ("n", "roman"),
    [(1, "I"), (4, "IV"), (9, "IX"), (14, "XIV"), (40, "XL"), (90, "XC"), (400, "CD"), (1994, "MCMXCIV"),
     (2026, "MMXXVI"), (3999, "MMMCMXCIX")],
)  # fmt: skip
def test_to_roman(n: int, roman: str) -> None:
    assert to_roman(n) == roman


@pytest.mark.parametrize("n", [0, -1, 4000])
def test_to_roman_rejects_out_of_range(n: int) -> None:
    with pytest.raises(ValueError, match="Romawi"):
        to_roman(n)


def test_roman_month() -> None:
    assert [roman_month(m) for m in range(1, 13)] == [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
    ]  # fmt: skip
    with pytest.raises(ValueError):
        roman_month(13)


_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def _from_roman(text: str) -> int:
    total = 0
    for i, ch in enumerate(text):
        value = _ROMAN_VALUES[ch]
        if i + 1 < len(text) and _ROMAN_VALUES[text[i + 1]] > value:
            total -= value
        else:
            total += value
    return total


@given(st.integers(min_value=1, max_value=3999))
def test_to_roman_round_trips_and_never_repeats_a_symbol_four_times(n: int) -> None:
    roman = to_roman(n)
    assert _from_roman(roman) == n
    for symbol in "IXCM":
        assert symbol * 4 not in roman


@pytest.mark.parametrize(
    "text",
    [
        "22-11-2026",
        "22/11/2026",
        "22.11.2026",
        "2026-11-22",
        "22 November 2026",
        "22 november 2026",
        "22 NOVEMBER 2026",
        "22 Nov 2026",
        "22 Nov. 2026",
        "22 Nopember 2026",
        "  22   November  2026 ",
        "Minggu, 22 November 2026",
        "minggu 22 nov 2026",
    ],
)
def test_parse_date_accepts_common_indonesian_forms(text: str) -> None:
    assert parse_date(text) == SUNDAY


@pytest.mark.parametrize(
    "text", ["22 Agustus 2026", "22 Agt 2026", "22 Ags 2026", "22 agu 2026", "22 Aug 2026"]
)
def test_parse_date_accepts_august_abbreviations(text: str) -> None:
    assert parse_date(text) == date(2026, 8, 22)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1-2-2026", date(2026, 2, 1)),
        ("05/03/2026", date(2026, 3, 5)),
        ("1 Pebruari 2026", date(2026, 2, 1)),
        ("17 Mei 2026", date(2026, 5, 17)),
        ("1 Okt 2026", date(2026, 10, 1)),
        ("25 Des 2026", date(2026, 12, 25)),
        ("Jum'at, 27 Maret 2026", date(2026, 3, 27)),
        ("29 Februari 2028", date(2028, 2, 29)),
    ],
)
def test_parse_date_is_day_first(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "besok",
        "22-11-26",  # two-digit year is ambiguous
        "22-11/2026",  # mixed separators
        "11/22/2026",  # month-first (US) does not exist as month 22
        "31-02-2026",
        "29 Februari 2026",
        "22 Novembre 2026",
        "2026/11/22",
        "Senin, 22 November 2026",  # wrong weekday
        "Sabtuu, 22 November 2026",
    ],
)
def test_parse_date_rejects_with_indonesian_message(text: str) -> None:
    with pytest.raises(ValueError, match="Tanggal tidak dikenali"):
        parse_date(text)


_dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31))


@given(_dates)
def test_every_formatted_date_parses_back(d: date) -> None:
    assert parse_date(format_date(d)) == d
    assert parse_date(format_date_long(d)) == d
    assert parse_date(format_date_numeric(d)) == d
    assert parse_date(d.isoformat()) == d
