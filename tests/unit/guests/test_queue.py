"""Queue ticket numbers: format, widening past 999, parsing what the clerk types, prefixes (R11-R15)."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.core.guests.queue import (
    check_prefix,
    counter_period,
    counter_series,
    format_ticket,
    normalize_prefix,
    parse_ticket,
)


def test_worked_example_tickets() -> None:
    assert [format_ticket("A", n) for n in (1, 2, 3)] == ["A001", "A002", "A003"]
    assert format_ticket("B", 1) == "B001"
    assert format_ticket("A", 999) == "A999"


def test_past_999_the_number_widens_instead_of_refusing() -> None:
    assert format_ticket("A", 1000) == "A1000"
    assert format_ticket("A", 12345) == "A12345"


def test_digits_and_prefix_case() -> None:
    assert format_ticket("pp", 7, digits=4) == "PP0007"
    assert format_ticket("A", 7, digits=1) == "A7"


@pytest.mark.parametrize(("seq", "digits"), [(0, 3), (-1, 3), (1, 0)])
def test_format_refuses_numbers_that_cannot_be_tickets(seq: int, digits: int) -> None:
    with pytest.raises(ValueError):
        format_ticket("A", seq, digits)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A001", ("A", 1)),
        ("a7", ("A", 7)),
        ("A0007", ("A", 7)),
        (" b 12 ", ("B", 12)),
        ("A-015", ("A", 15)),
        ("ppd1000", ("PPD", 1000)),
    ],
)
def test_parse_what_the_clerk_types_or_scans(text: str, expected: tuple[str, int]) -> None:
    assert parse_ticket(text) == expected


@pytest.mark.parametrize("text", ["", "A", "007", "A000", "ABCD1", "Budi", "A1x", "É1", "A 1 2"])
def test_parse_returns_none_for_what_is_not_a_ticket(text: str) -> None:
    assert parse_ticket(text) is None


def test_parse_reverses_format() -> None:
    for seq in (1, 42, 999, 1000):
        assert parse_ticket(format_ticket("C", seq)) == ("C", seq)


@pytest.mark.parametrize("prefix", ["A", "b", " PP ", "ABC"])
def test_valid_prefixes(prefix: str) -> None:
    assert check_prefix(prefix) is None


@pytest.mark.parametrize(
    ("prefix", "fragment"),
    [
        ("", "wajib"),
        ("  ", "wajib"),
        ("ABCD", "paling banyak 3"),
        ("A1", "huruf A-Z"),
        ("É", "huruf A-Z"),
        ("A B", "huruf"),
    ],
)
def test_invalid_prefixes_get_an_indonesian_message(prefix: str, fragment: str) -> None:
    message = check_prefix(prefix)
    assert message is not None
    assert fragment in message


def test_normalize_prefix() -> None:
    assert normalize_prefix(" ab ") == "AB"


def test_counter_series_and_period_key_tickets_per_service_and_date() -> None:
    assert counter_series(3) == "antrian:3"
    assert counter_series(3) != counter_series(4)
    assert counter_period(date(2026, 3, 2)) == "2026-03-02"
    assert counter_period(date(2026, 3, 3)) != counter_period(date(2026, 3, 2))
