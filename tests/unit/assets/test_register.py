"""Registers (assets.md R4, R6): 6-digit printing, typed ranges and KIB lines, with the 10-chairs example."""

from __future__ import annotations

import pytest

from desktop.core.assets.register import (
    RegisterRow,
    format_register,
    format_register_range,
    group_registers,
    parse_register_range,
)
from desktop.core.money import format_number

KURSI = ("1.3.2.05.02.01.004", "Kursi Kayu", 2025)


def test_format_register_is_six_digits_by_default_and_four_for_old_forms() -> None:
    assert format_register(1) == "000001"
    assert format_register(123456) == "123456"
    assert format_register(7, width=4) == "0007"


@pytest.mark.parametrize("n", [0, -1, 1_000_000])
def test_format_register_refuses_what_does_not_fit(n: int) -> None:
    with pytest.raises(ValueError, match="Register"):
        format_register(n)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("000001 s/d 000010", (1, 10)),
        ("000001 S/D 000010", (1, 10)),
        ("000001-000010", (1, 10)),
        ("000001 - 000010", (1, 10)),
        ("000001 \u2013 000010", (1, 10)),
        ("1 s.d. 10", (1, 10)),
        ("1 s.d 10", (1, 10)),
        ("1 sd 10", (1, 10)),
        ("1 sampai 10", (1, 10)),
        ("1 sampai dengan 10", (1, 10)),
        ("000007", (7, 7)),
        (" 7 \n", (7, 7)),
        ("000005 s/d 000005", (5, 5)),
    ],
)
def test_parse_register_range_reads_the_forms_found_in_kib_files(
    text: str, expected: tuple[int, int]
) -> None:
    assert parse_register_range(text) == expected


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "tidak dikenali"),
        ("abc", "tidak dikenali"),
        ("1 s/d", "tidak dikenali"),
        ("1,5", "tidak dikenali"),
        ("000010 s/d 000001", "terbalik"),
        ("000000", "dimulai dari 1"),
    ],
)
def test_parse_register_range_refuses_clearly(text: str, fragment: str) -> None:
    with pytest.raises(ValueError, match=fragment):
        parse_register_range(text)


def test_worked_example_ten_chairs_print_as_one_line() -> None:
    rows = [RegisterRow(key=KURSI, register=n, harga=750_000) for n in range(1, 11)]
    lines = group_registers(rows)
    assert len(lines) == 1
    line = lines[0]
    assert line.register_text() == "000001 s/d 000010"
    assert line.jumlah == 10
    assert line.harga_satuan == 750_000
    assert format_number(line.harga) == "7.500.000"
    assert line.start == 0


def test_a_single_unit_prints_its_register_alone() -> None:
    assert format_register_range(7, 7) == "000007"
    (line,) = group_registers([RegisterRow(key=KURSI, register=7, harga=1)])
    assert line.register_text() == "000007"
    assert line.register_text(width=4) == "0007"


def test_gaps_other_keys_and_other_prices_start_new_lines_in_print_order() -> None:
    meja = ("1.3.2.05.03.01.001", "Meja Kerja", 2025)
    rows = [
        RegisterRow(KURSI, 1, 750_000),
        RegisterRow(KURSI, 2, 750_000),
        RegisterRow(KURSI, 4, 750_000),  # 3 was removed: a range must not hide the gap
        RegisterRow(KURSI, 5, 800_000),  # same chair, other price
        RegisterRow(meja, 6, 800_000),  # next register but another kind
        RegisterRow(KURSI, 6, 800_000),
    ]
    lines = group_registers(rows)
    assert [(line.register_text(), line.jumlah, line.harga, line.start) for line in lines] == [
        ("000001 s/d 000002", 2, 1_500_000, 0),
        ("000004", 1, 750_000, 2),
        ("000005", 1, 800_000, 3),
        ("000006", 1, 800_000, 4),
        ("000006", 1, 800_000, 5),
    ]


def test_units_with_their_own_numbers_always_print_one_per_line() -> None:
    motor = ("1.3.2.02.01.04.001", "Sepeda Motor", 2024)
    rows = [RegisterRow(motor, n, 20_000_000, has_own_numbers=True) for n in (1, 2, 3)]
    rows.append(RegisterRow(motor, 4, 20_000_000))  # no numbers of its own, but the unit above had them
    rows.append(RegisterRow(motor, 5, 20_000_000))
    lines = group_registers(rows)
    assert [line.register_text() for line in lines] == ["000001", "000002", "000003", "000004 s/d 000005"]
    assert sum(line.harga for line in lines) == 100_000_000
