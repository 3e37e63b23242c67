"""What the agenda masuk and agenda keluar imports share: the classification codes known, and counters raised."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from desktop.core.letters.rules import Skema
from desktop.models.admin import Counter
from desktop.models.letters import ClassificationCode
from desktop.services.common.sql import insert_ignoring_conflicts


def known_codes(session: Session) -> dict[str, set[str]]:
    """The active kode klasifikasi per scheme (every scheme present, perhaps empty)."""
    codes: dict[str, set[str]] = {s.value: set() for s in Skema}
    for skema, kode in session.execute(
        select(ClassificationCode.skema, ClassificationCode.kode).where(ClassificationCode.aktif.is_(True))
    ):
        codes.setdefault(skema, set()).add(kode)
    return codes


def _ensure_counter(session: Session, series: str, period: str) -> None:
    insert_ignoring_conflicts(
        session, Counter, [{"series": series, "period": period, "last_value": 0}], ["series", "period"]
    )


def raise_counter(session: Session, series: str, period: int | str, value: int) -> None:
    """Set the counter to at least ``value``; never lowers it. Same transaction as the caller."""
    _ensure_counter(session, series, str(period))
    session.execute(
        update(Counter)
        .where(Counter.series == series, Counter.period == str(period), Counter.last_value < value)
        .values(last_value=value)
    )


def take_block(session: Session, series: str, period: int | str, count: int) -> int:
    """Take ``count`` consecutive numbers in one atomic step (row lock, as ``counters.next_number``); the first."""
    _ensure_counter(session, series, str(period))
    last = session.execute(
        update(Counter)
        .where(Counter.series == series, Counter.period == str(period))
        .values(last_value=Counter.last_value + count)
        .returning(Counter.last_value)
    ).scalar_one()
    return int(last) - count + 1
