"""Code that runs in separate processes for the outgoing-number concurrency test."""

from __future__ import annotations

from datetime import date
from typing import Any

from tests.support.clock_env import fix_clock_from_env


def issue_numbers(url: str, username: str, count: int, ready: Any, tag: str) -> list[int]:
    """A workstation taking ``count`` outgoing numbers, one transaction each; returns the urut it got."""
    from sqlalchemy import select

    from desktop.models.admin import User
    from desktop.services.common import auth
    from desktop.services.letters import outgoing
    from desktop.storage.database import open_url

    fix_clock_from_env()  # a spawned process: the parent's fixed clock does not come along
    db = open_url(url)
    with db.transaction() as s:
        actor = auth.actor_for(s.scalar(select(User).where(User.username == username)))
    ready.wait(timeout=120)  # the other process is ready too: start together, however loaded the machine
    numbers = []
    for i in range(count):
        with db.transaction() as s:
            info = outgoing.issue_number(
                s,
                actor,
                outgoing.OutgoingInput(
                    tanggal_surat=date(2026, 3, 10),
                    tujuan=f"Instansi {tag}",
                    perihal=f"Surat uji {tag} {i}",
                    kode_klasifikasi="000.1.5",
                ),
                today=date(2026, 3, 10),
            )
            numbers.append(info.urut)
    db.dispose()
    return numbers
