"""Numbers that people write on paper: one counter row per series and period, bumped in the caller's
transaction. Never MAX()+1 and never reused: a cancelled record keeps its number, marked batal."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from desktop.models.admin import Counter
from desktop.services.common.errors import ValidationError
from desktop.storage.database import AFTER_ROLLBACK


def _ensure_row(session: Session, series: str, period: str) -> None:
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    stmt = insert(Counter).values(series=series, period=period, last_value=0)
    session.execute(stmt.on_conflict_do_nothing(index_elements=["series", "period"]))


def next_number(session: Session, series: str, period: str | int, *, keep_on_rollback: bool = False) -> int:
    """Take the next number of ``series`` in ``period`` (a year, or a day for queue tickets).

    The UPDATE takes the row lock (PostgreSQL) or runs under the transaction's write lock (SQLite, which
    starts every transaction with BEGIN IMMEDIATE), so concurrent workstations never get the same number.
    The number belongs to the caller's transaction: if that rolls back, so does the number — unless
    ``keep_on_rollback``: then a failed save leaves a gap and the number is never handed out again (queue
    tickets, guests.md R13), recorded by a transaction of its own after the rollback.
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
    if keep_on_rollback:
        session.info.setdefault(AFTER_ROLLBACK, []).append(_keeper(series, period, int(value)))
    return int(value)


def _keeper(series: str, period: str, value: int) -> Callable[[Session], None]:
    def keep(session: Session) -> None:
        _ensure_row(session, series, period)
        session.execute(
            update(Counter)
            .where(Counter.series == series, Counter.period == period, Counter.last_value < value)
            .values(last_value=value)
        )

    return keep


def take_block(session: Session, series: str, period: str | int, count: int) -> int:
    """Take ``count`` consecutive numbers of ``series`` at once (a batch of identical items); returns the first.
    One UPDATE instead of ``count``: an imported KIB of 10,000 rows takes its numbers in 10,000 statements
    fewer."""
    if count < 1:
        raise ValueError("count must be positive")
    period = str(period)
    stmt = (
        update(Counter)
        .where(Counter.series == series, Counter.period == period)
        .values(last_value=Counter.last_value + count)
        .returning(Counter.last_value)
    )
    value = session.execute(stmt).scalar_one_or_none()
    if value is None:
        _ensure_row(session, series, period)
        value = session.execute(stmt).scalar_one()
    return int(value) - count + 1


def raise_to(session: Session, series: str, period: str | int, value: int) -> None:
    """Make sure the next number of ``series`` is above ``value``: numbers written on paper elsewhere and brought
    in (registers of an imported KIB) are taken, so the counter never hands them out again."""
    period = str(period)
    _ensure_row(session, series, period)
    session.execute(
        update(Counter)
        .where(Counter.series == series, Counter.period == period, Counter.last_value < value)
        .values(last_value=value)
    )


def last_number(session: Session, series: str, period: str | int) -> int:
    """The last number handed out ("nomor terakhir"), 0 when none yet."""
    value = session.scalar(
        select(Counter.last_value).where(Counter.series == series, Counter.period == str(period))
    )
    return int(value or 0)
