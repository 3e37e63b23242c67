"""Code that runs in separate processes during the concurrency and crash tests."""

from __future__ import annotations

import sys
from typing import Any

from sqlalchemy import text

from desktop.services.common.counters import next_number
from desktop.storage.database import open_url
from tests.support.clock_env import fix_clock_from_env


def take_numbers(url: str, series: str, count: int, ready: Any) -> list[int]:
    """Take ``count`` numbers, one transaction each, starting when the other worker is ready too (``ready``: a
    barrier of the two; a start time fixed in advance fails on a loaded machine where one process starts late)."""
    db = open_url(url)
    ready.wait(timeout=120)
    taken = []
    for _ in range(count):
        with db.transaction() as s:
            taken.append(next_number(s, series, 2026))
    db.dispose()
    return taken


def write_forever(url: str) -> None:
    """Write records until killed; after each commit print its key, so the parent knows what committed."""
    db = open_url(url)
    i = 0
    while True:
        i += 1
        with db.transaction() as s:
            n = next_number(s, "stress", 2026)
            s.execute(
                text("INSERT INTO app_setting (key, value) VALUES (:k, :v)"),
                {"k": f"rec-{n}", "v": "x" * 500},
            )
        sys.stdout.write(f"{n}\n")
        sys.stdout.flush()


if __name__ == "__main__":
    write_forever(sys.argv[1])


def prepare_in_process(url: str, data_dir: str, ready: Any) -> str:
    """Start-up as a workstation does it (backup, migrate, seed); returns the schema revision reached."""
    from pathlib import Path

    from desktop.services import system

    fix_clock_from_env()  # a spawned process: the parent's fixed clock does not come along
    ready.wait(timeout=120)  # the other process is ready too: start together, however loaded the machine
    ctx = system.open_context(Path(data_dir), db_url=url)
    report = system.prepare(ctx)
    ctx.db.dispose()
    return report.schema.current or ""


def register_letters(url: str, username: str, count: int, ready: Any, tag: str) -> list[int]:
    """A workstation registering ``count`` incoming letters; returns the nomor agenda it got."""
    from datetime import timedelta

    from sqlalchemy import select

    from desktop.core import clock
    from desktop.models.admin import User
    from desktop.services.common import auth
    from desktop.services.letters import incoming

    fix_clock_from_env()  # a spawned process: the parent's fixed clock does not come along
    db = open_url(url)
    with db.transaction() as s:
        actor = auth.actor_for(s.scalar(select(User).where(User.username == username)))
    received = clock.now("WITA") - timedelta(days=1)
    ready.wait(timeout=120)  # the other process is ready too: start together, however loaded the machine
    numbers = []
    for i in range(count):
        with db.transaction() as s:
            info = incoming.register_incoming(
                s,
                actor,
                incoming.IncomingInput(
                    tanggal_diterima=received,
                    asal_surat=f"Instansi {tag}",
                    nomor_surat=f"{tag}/{i}",
                    tanggal_surat=received.date(),
                    perihal=f"Surat uji {tag} {i}",
                ),
            )
            numbers.append(info.nomor_agenda)
    db.dispose()
    return numbers


def check_in_guests(
    url: str, username: str, count: int, ready: Any, tag: str, unit_id: int, at: str
) -> list[str]:
    """A front desk checking in ``count`` walk-ins at the instant ``at`` (ISO, with offset); returns the tickets."""
    from sqlalchemy import select

    from desktop.core import clock
    from desktop.models.admin import User
    from desktop.services.common import auth
    from desktop.services.guests import visits

    clock.fix_from_env(at)  # the same office day in both processes, whatever the hour of the run
    db = open_url(url)
    with db.transaction() as s:
        actor = auth.actor_for(s.scalar(select(User).where(User.username == username)))
    ready.wait(timeout=120)
    tickets = []
    for i in range(count):
        with db.transaction() as s:
            v = visits.check_in(
                s, actor, visits.WalkIn(nama=f"Tamu {tag} {i}", keperluan="Audiensi", tujuan_unit_id=unit_id)
            )
            tickets.append(v.tiket)
    db.dispose()
    return tickets
