"""Integer Rupiah formatting and parsing."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.money import format_number, format_rupiah, parse_rupiah


@pytest.mark.parametrize(
    ("n", "number", "rupiah"),
    [
        (0, "0", "Rp0"),
        (5, "5", "Rp5"),
        (999, "999", "Rp999"),
        (1000, "1.000", "Rp1.000"),
        (1_234_567, "1.234.567", "Rp1.234.567"),
        (100_000_000_000, "100.000.000.000", "Rp100.000.000.000"),
        (-1_234_567, "-1.234.567", "-Rp1.234.567"),
        (-500, "-500", "-Rp500"),
    ],
)
def test_format(n: int, number: str, rupiah: str) -> None:
    assert format_number(n) == number
    assert format_rupiah(n) == rupiah


@pytest.mark.parametrize("bad", [1.5, Decimal("1000"), True, "1000"])
def test_format_refuses_non_integer_money(bad: object) -> None:
    with pytest.raises(TypeError, match="bilangan bulat"):
        format_rupiah(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        format_number(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "Rp 1.234.567",
        "Rp1.234.567",
        "rp1.234.567",
        "Rp. 1.234.567",
        "1.234.567,00",
        "Rp 1.234.567,00",
        "Rp 1.234.567,-",
        "1234567",
        " 1.234.567 ",
        "Rp\u00a01.234.567",  # non-breaking space, as pasted from spreadsheets
    ],
)
def test_parse_rupiah_accepts_common_forms(text: str) -> None:
    assert parse_rupiah(text) == 1_234_567


@pytest.mark.parametrize(
    ("text", "value"), [("0", 0), ("Rp0", 0), ("1.000", 1000), ("-Rp500", -500), ("Rp -500", -500)]
)
def test_parse_rupiah_small_and_negative(text: str, value: int) -> None:
    assert parse_rupiah(text) == value


@pytest.mark.parametrize("text", ["1.234.567,50", "1,5", "Rp 10,0", "1.000,000"])
def test_parse_rupiah_refuses_sen(text: str) -> None:
    with pytest.raises(ValueError, match="sen"):
        parse_rupiah(text)


@pytest.mark.parametrize(
    "text",
    [
        "abc",
        "Rp",
        "1.23.456",
        "12.34",
        "1234.567",
        "1 234 567",
        "1,234,567",
        "--5",
        "-Rp-5",
        "Rp 1.000 rupiah",
        "1e6",
    ],
)
def test_parse_rupiah_refuses_garbage(text: str) -> None:
    with pytest.raises(ValueError, match="tidak dikenali"):
        parse_rupiah(text)


@pytest.mark.parametrize("text", ["", "   "])
def test_parse_rupiah_refuses_empty(text: str) -> None:
    with pytest.raises(ValueError, match="kosong"):
        parse_rupiah(text)


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_formatted_amounts_parse_back(n: int) -> None:
    assert parse_rupiah(format_rupiah(n)) == n
    assert parse_rupiah(format_number(n)) == n
    assert parse_rupiah(format_number(n) + ",00") == n
    assert " " not in format_rupiah(n)
