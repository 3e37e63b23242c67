"""The one place that reads the time: now and today in an office zone, UTC now, and a fixed instant for tests."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from desktop.core.dates import office_tz

__all__ = ["fix", "fix_from_env", "fixed", "fixed_instant", "local_now", "now", "today", "utc_now"]

# Set only by tests; production code never fixes the clock.
_fixed_at: datetime | None = None


def _zone(code: str) -> ZoneInfo:
    # A profile that is not filled in yet counts as WIB rather than failing.
    try:
        return office_tz(code)
    except ValueError:
        return office_tz("WIB")


def utc_now() -> datetime:
    """The current instant, aware, in UTC."""
    if _fixed_at is not None:
        return _fixed_at.astimezone(UTC)
    return datetime.now(UTC)


def now(zone: str) -> datetime:
    """The current time, aware, in the office zone (WIB, WITA, WIT; an unknown code counts as WIB)."""
    return utc_now().astimezone(_zone(zone))


def today(zone: str) -> date:
    """Today's date in the office zone."""
    return now(zone).date()


def local_now() -> datetime:
    """This machine's wall-clock time, naive, for file names and crash reports.

    Never fixed: backups made one after another in a test must still get distinct, ordered names.
    """
    return datetime.now()


def fix(at: datetime | None) -> None:
    """Stop the clock at ``at`` (aware), or let it run again with ``None``."""
    global _fixed_at
    if at is not None and at.tzinfo is None:
        raise ValueError("the clock needs an aware datetime")
    _fixed_at = at


def fixed_instant() -> datetime | None:
    """The instant the clock is stopped at, or None while it runs."""
    return _fixed_at


@contextmanager
def fixed(at: datetime) -> Iterator[None]:
    """The clock stopped at ``at`` inside the block; whatever was set before comes back afterwards."""
    previous = _fixed_at
    fix(at)
    try:
        yield
    finally:
        fix(previous)


def fix_from_env(value: str | None) -> None:
    """Fix the clock from an ISO datetime with offset (``2026-12-31T23:59:59+08:00``); empty or None lets it run."""
    fix(datetime.fromisoformat(value) if value else None)
