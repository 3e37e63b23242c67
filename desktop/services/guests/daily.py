"""Buku Tamu's start-of-day chores: pre-registrations of past days become *tidak hadir* (R18) and guest data
past its retention is cleared (R32) — each in its own transaction, run off the GUI thread after start-up."""

from __future__ import annotations

from desktop.services.common.permissions import SYSTEM
from desktop.services.guests import prereg, retention
from desktop.storage.database import Database


def run(db: Database) -> str | None:
    """What changed, in a line for the status bar, or None when nothing did."""
    done: list[str] = []
    with db.transaction() as s:
        expired = prereg.expire(s, SYSTEM)
    if expired:
        done.append(f"{expired} pra-registrasi tamu tidak hadir")
    with db.transaction() as s:
        result = retention.run_daily(s, SYSTEM)
    if result is not None and result.changed:
        retention.compact(db.engine)
        done.append(f"data pribadi {result.visits_cleared} kunjungan tamu lewat masa retensi dihapus")
    return "; ".join(done) or None
