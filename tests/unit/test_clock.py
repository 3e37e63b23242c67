"""The office clock: one instant seen from WIB, WITA and WIT, fixed in tests and released again."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from desktop.core import clock

NEW_YEAR_EAST = datetime(2026, 12, 31, 16, 0, tzinfo=UTC)  # 00.00 WITA on 1 January 2027, 23.00 WIB


def test_one_fixed_instant_is_new_year_in_wita_and_wit_but_still_old_year_in_wib() -> None:
    with clock.fixed(NEW_YEAR_EAST):
        assert clock.today("WITA") == date(2027, 1, 1)
        assert clock.today("WIT") == date(2027, 1, 1)
        assert clock.today("WIB") == date(2026, 12, 31)
        assert clock.now("WIB").hour == 23
        assert clock.utc_now() == NEW_YEAR_EAST


@pytest.mark.parametrize(("zone", "hours"), [("WIB", 7), ("WITA", 8), ("WIT", 9)])
def test_now_is_aware_and_in_the_zone_asked_for(zone: str, hours: int) -> None:
    with clock.fixed(NEW_YEAR_EAST):
        now = clock.now(zone)
        assert now.utcoffset() == timedelta(hours=hours)
        assert now == NEW_YEAR_EAST
    assert clock.now(zone).utcoffset() == timedelta(hours=hours)


def test_an_office_without_a_zone_yet_counts_as_wib() -> None:
    with clock.fixed(NEW_YEAR_EAST):
        assert clock.today("") == date(2026, 12, 31)
        assert clock.now("XYZ").utcoffset() == timedelta(hours=7)


def test_releasing_the_clock_returns_to_the_real_time() -> None:
    before = clock.fixed_instant()
    try:
        clock.fix(NEW_YEAR_EAST)
        assert clock.fixed_instant() == NEW_YEAR_EAST
        clock.fix(None)
        assert clock.fixed_instant() is None
        assert abs(clock.utc_now() - datetime.now(UTC)) < timedelta(minutes=1)
        assert clock.utc_now().tzinfo is not None
    finally:
        clock.fix(before)


def test_fixed_gives_back_the_clock_it_found() -> None:
    outer = NEW_YEAR_EAST - timedelta(days=1)
    with clock.fixed(outer):
        with clock.fixed(NEW_YEAR_EAST):
            assert clock.utc_now() == NEW_YEAR_EAST
        assert clock.utc_now() == outer


def test_the_clock_refuses_a_naive_instant() -> None:
    with pytest.raises(ValueError):
        clock.fix(datetime(2026, 12, 31, 23, 59, 59))


def test_fix_from_env_reads_an_iso_datetime_with_offset() -> None:
    before = clock.fixed_instant()
    try:
        clock.fix_from_env("2026-12-31T23:59:59+08:00")
        assert clock.today("WITA") == date(2026, 12, 31)
        assert clock.utc_now() == datetime(2026, 12, 31, 15, 59, 59, tzinfo=UTC)
        assert (clock.today("WIT"), clock.now("WIT").hour) == (date(2027, 1, 1), 0)
        clock.fix_from_env("")
        assert clock.fixed_instant() is None
    finally:
        clock.fix(before)


def test_local_now_stays_on_the_machine_clock_so_backup_names_keep_their_order() -> None:
    with clock.fixed(NEW_YEAR_EAST):
        assert abs(clock.local_now() - datetime.now()) < timedelta(minutes=1)
