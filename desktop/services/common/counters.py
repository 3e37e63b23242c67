"""Numbers that people write on paper: one counter row per series and period, bumped in the caller's
transaction. Never MAX()+1 and never reused: a cancelled record keeps its number, marked batal."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from desktop.models.admin import Counter
from desktop.services.common.errors import ValidationError


def _ensure_row(session: Session, series: str, period: str) -> None:
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    stmt = insert(Counter).values(series=series, period=period, last_value=0)
    session.execute(stmt.on_conflict_do_nothing(index_elements=["series", "period"]))


def next_number(session: Session, series: str, period: str | int) -> int:
    """Take the next number of ``series`` in ``period`` (a year, or a day for queue tickets).

    The UPDATE takes the row lock (PostgreSQL) or runs under the transaction's write lock (SQLite, which
    starts every transaction with BEGIN IMMEDIATE), so concurrent workstations never get the same number.
    The number belongs to the caller's transaction: if that rolls back, so does the number.
    """
    if not series:
        raise ValidationError("Seri penomoran kosong.")
    period = str(period)
    stmt = (
        update(Counter)
        .where(Counter.series == series, Counter.period == period)
        .values(last_value=Counter.last_value + 1)
        .returning(Counter.last_value)
    )
    value = session.execute(stmt).scalar_one_or_none()
    if value is None:
        _ensure_row(session, series, period)
        value = session.execute(stmt).scalar_one()
    return int(value)


def last_number(session: Session, series: str, period: str | int) -> int:
    """The last number handed out ("nomor terakhir"), 0 when none yet."""
    value = session.scalar(
        select(Counter.last_value).where(Counter.series == series, Counter.period == str(period))
    )
    return int(value or 0)
