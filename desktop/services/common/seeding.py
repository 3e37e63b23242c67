"""Shipped rows of a table the users own: offered once per database, the offer recorded in ``app_setting``."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import literal, select
from sqlalchemy.orm import Session

from desktop.core import clock
from desktop.models.admin import Setting
from desktop.services.common.sql import insert_ignoring_conflicts

__all__ = ["marker_key", "missing_markers", "offer_once"]

# A table's marker is a row of app_setting: no migration needed, and it travels with the data in every backup.
_PREFIX = "bawaan."


def marker_key(model: Any) -> str:
    """The ``app_setting`` key saying the shipped rows of ``model``'s table were offered in this database."""
    return f"{_PREFIX}{model.__tablename__}"


def missing_markers(session: Session, models: Iterable[Any]) -> list[Any]:
    """The models whose shipped rows this database has not been offered yet (one query)."""
    wanted = {marker_key(m): m for m in models}
    if not wanted:
        return []
    found = set(session.scalars(select(Setting.key).where(Setting.key.in_(wanted))))
    return [m for key, m in wanted.items() if key not in found]


def offer_once(session: Session, model: Any, rows: Sequence[dict[str, Any]], keys: list[str]) -> int:
    """Insert the shipped ``rows`` the first time this database is seeded, then never again; returns rows offered.

    After the offer the table is the users' own: one they emptied on purpose stays empty at every later start.
    A table that holds rows but has no marker was seeded by an earlier version (which refilled an empty table
    at each start): it counts as offered and is left as it is. Conflicts are ignored on the rows and on the
    marker, so two workstations starting together on a new shared database both succeed.
    """
    if not missing_markers(session, [model]):
        return 0
    offered = 0
    if session.scalar(select(literal(1)).select_from(model).limit(1)) is None:
        insert_ignoring_conflicts(session, model, rows, keys)
        offered = len(rows)
    marker = {"key": marker_key(model), "value": clock.utc_now().isoformat(timespec="seconds")}
    insert_ignoring_conflicts(session, Setting, [marker], ["key"])
    return offered
