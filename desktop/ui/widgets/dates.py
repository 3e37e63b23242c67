"""Dates between Qt and Python, and timestamps shown in the office's time zone."""

from __future__ import annotations

from datetime import date, datetime, tzinfo

from PySide6.QtCore import QDate

from desktop.core.dates import format_date_numeric, office_tz


def qdate(value: date) -> QDate:
    """The QDate of a Python date, for date edits."""
    return QDate(value.year, value.month, value.day)


def pydate(value: QDate) -> date:
    """The Python date a date edit holds."""
    return date(value.year(), value.month(), value.day())


def zone_info(zone: str) -> tzinfo:
    """The office zone; a profile that is not filled in yet counts as WIB rather than failing."""
    try:
        return office_tz(zone)
    except ValueError:
        return office_tz("WIB")


def office_time(value: datetime, zone: str) -> datetime:
    """An aware timestamp in office time (a naive one is taken to be office time already)."""
    return value.astimezone(zone_info(zone)) if value.tzinfo is not None else value


def short_datetime(value: datetime, zone: str) -> str:
    """``22-11-2026 14.05`` in office time, for dense tables."""
    local = office_time(value, zone)
    return f"{format_date_numeric(local.date())} {local.hour:02d}.{local.minute:02d}"
