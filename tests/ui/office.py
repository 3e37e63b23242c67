"""Helpers for UI tests on the demo office of ``conftest.prepared``: the signed-in actor of a demo account."""

from __future__ import annotations

from sqlalchemy import select

from desktop.models.admin import User
from desktop.services.common import auth
from desktop.services.common.permissions import Actor
from desktop.services.system import AppContext


def demo_actor(ctx: AppContext, username: str = "surat") -> Actor:
    """The actor of the demo account ``username`` (surat, pegawai, admin, kadis, tamu…)."""
    with ctx.db.transaction() as s:
        return auth.actor_for(s.scalar(select(User).where(User.username == username)))
