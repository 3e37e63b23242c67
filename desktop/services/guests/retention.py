"""Retention of guest personal data (guests.md R32): identifiable fields of old visits cleared, counts kept.

The visits of year Y keep their identifiable fields until 31 December of Y + aktif + inaktif (the JRA of
``400.14.1.2`` Buku Tamu Keprotokolan, 1 + 1 years by default): from 1 January of Y + aktif + inaktif + 1 they
are cleared. What the reports count stays: the date, keperluan, tujuan, instansi, jenis kelamin, jumlah orang,
the ticket and the times. ``bertemu`` is the staff member met, not the guest, and stays too.

Clearing a column does not take the old text out of the database file by itself: SQLite leaves it in the
page's free space and in the write-ahead log, PostgreSQL in the dead row version. ``compact`` rewrites the
file (or the two tables) after the clearing has committed, so the names are gone from the bytes on disk.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import Engine, exists, func, or_, select, update
from sqlalchemy.orm import Session

from desktop.core import clock
from desktop.core.dates import office_tz
from desktop.models.admin import Setting
from desktop.models.guests import Guest, Visit
from desktop.services.common import audit
from desktop.services.common.permissions import Actor, Perm
from desktop.services.guests import settings
from desktop.services.guests.visits import office_today, zone

LAST_RUN_KEY = "tamu.retensi_terakhir"
"""``app_setting`` key of the office date retention last ran on (ISO), so start-up runs it once a day."""

VISIT_CLEARED = {
    "nama": "",
    "nik": "",
    "no_hp": "",
    "alamat": "",
    "identitas_nomor": "",
    # Free text the desk typed may name or describe the guest.
    "keterangan": "",
    "alasan_batal": "",
}
GUEST_CLEARED = {"nama": "", "nama_kunci": "", "nik": "", "no_hp": "", "hp_kunci": "", "alamat": ""}


@dataclass(frozen=True)
class RetentionResult:
    as_of: date
    cleared_before: date  # visits dated before this day were due
    visits_cleared: int
    guests_cleared: int

    @property
    def changed(self) -> bool:
        return bool(self.visits_cleared or self.guests_cleared)


def cutoff(as_of: date, aktif: int, inaktif: int) -> date:
    """The first day whose visits keep their identity on ``as_of``: 1 January of ``as_of.year - aktif -
    inaktif``. On 2026-01-01 with 1 + 1 years that is 2024-01-01, so the visits of 2023 are cleared."""
    return date(as_of.year - aktif - inaktif, 1, 1)


def _require(actor: Actor) -> None:
    if not actor.can(Perm.MANAGE_SETTINGS):
        actor.require(Perm.WRITE_GUESTS)


def apply_retention(session: Session, actor: Actor, as_of: date) -> RetentionResult:
    """Clear the identifiable fields of every visit due on ``as_of``, and of every guest whose visits are all
    cleared, in the caller's transaction; audited with the counts only. Running it again clears nothing more.

    After the commit, run ``compact`` so that the cleared text does not stay in the database file."""
    _require(actor)
    s = settings.get_settings(session)
    before = cutoff(as_of, s.retensi_aktif_tahun, s.retensi_inaktif_tahun)
    if session.get_bind().dialect.name == "sqlite":
        # Freed space in the pages this transaction writes is zeroed instead of left holding the old text.
        session.connection().exec_driver_sql("PRAGMA secure_delete = ON")
    now = clock.utc_now()
    visits = session.execute(
        update(Visit)
        .where(Visit.tanggal < before, Visit.anonim_at.is_(None))
        .values(**VISIT_CLEARED, anonim_at=now)
        .execution_options(synchronize_session=False)
    ).rowcount  # type: ignore[attr-defined]
    kept = exists().where(Visit.tamu_id == Guest.id, Visit.anonim_at.is_(None))
    visited = exists().where(Visit.tamu_id == Guest.id)
    guests = session.execute(
        update(Guest)
        # A guest whose visits are all cleared is due whenever the record was made (an import of an old book
        # makes it today); one who never got a visit is due once its own record is as old.
        .where(
            Guest.anonim_at.is_(None),
            ~kept,
            or_(visited, Guest.created_at < _start_of(session, before)),
        )
        .values(**GUEST_CLEARED, anonim_at=now)
        .execution_options(synchronize_session=False)
    ).rowcount  # type: ignore[attr-defined]
    session.expire_all()
    result = RetentionResult(as_of, before, int(visits or 0), int(guests or 0))
    if result.changed:
        audit.record(
            session, actor, "retensi", "kunjungan", before.isoformat(),
            summary=(
                f"Data pribadi {result.visits_cleared} kunjungan sebelum {before.isoformat()} dan "
                f"{result.guests_cleared} tamu dihapus (retensi JRA {s.retensi_aktif_tahun}+"
                f"{s.retensi_inaktif_tahun} tahun)"
            ),
            after={"kunjungan": result.visits_cleared, "tamu": result.guests_cleared, "per": as_of.isoformat()},
        )  # fmt: skip
    return result


def _start_of(session: Session, day: date) -> datetime:
    return datetime.combine(day, time.min, office_tz(zone(session)))


def run_daily(session: Session, actor: Actor) -> RetentionResult | None:
    """At start-up: ``apply_retention`` as of the office's today, once per office date (the date is kept in
    ``app_setting``, so every workstation of a shared server counts as one). None when it already ran today.
    The caller commits, then runs ``compact`` when the result ``changed``."""
    today = office_today(session)
    row = session.get(Setting, LAST_RUN_KEY, with_for_update=True)
    if row is not None and row.value == today.isoformat():
        return None
    result = apply_retention(session, actor, today)
    if row is None:
        session.add(Setting(key=LAST_RUN_KEY, value=today.isoformat()))
    else:
        row.value = today.isoformat()
    session.flush()
    return result


def compact(engine: Engine) -> bool:
    """Take cleared text out of the database's bytes on disk, after the clearing committed (no transaction of
    this engine may be open in the calling thread). SQLite: VACUUM rebuilds the file from the live rows only,
    then a TRUNCATE checkpoint empties the write-ahead log that still holds the old pages. PostgreSQL: VACUUM
    FULL rewrites the two tables into new files, dropping the dead row versions (it locks them for the few
    seconds it takes). Returns False when a reader of another connection kept the log from being emptied (run
    again later; the cleared values are already invisible to every query)."""
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            raw = conn.connection.driver_connection
            assert raw is not None
            # Outside SQLAlchemy's transaction handling: VACUUM cannot run inside a transaction.
            raw.execute("VACUUM")
            busy, _log, _done = raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            return not busy
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql(f"VACUUM FULL {Guest.__tablename__}, {Visit.__tablename__}")
        return True
    return True


def visits_due(session: Session, as_of: date) -> int:
    """How many visits ``apply_retention`` would clear on ``as_of`` (for the settings page)."""
    s = settings.get_settings(session)
    before = cutoff(as_of, s.retensi_aktif_tahun, s.retensi_inaktif_tahun)
    return int(
        session.scalar(
            select(func.count()).select_from(Visit).where(Visit.tanggal < before, Visit.anonim_at.is_(None))
        )
        or 0
    )
