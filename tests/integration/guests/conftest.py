"""Fixtures of the Buku Tamu integration tests: the demo office and its front-desk account."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desktop.demo import sample_office
from desktop.models.admin import User
from desktop.services.common import auth
from desktop.services.common.permissions import Actor
from desktop.services.system import AppContext


@pytest.fixture
def desk(ctx: AppContext) -> Actor:
    """The petugas tamu of an office in WITA with units, staff accounts and the seeded services."""
    sample_office.fill(ctx, letter_count=0)
    with ctx.db.transaction() as s:
        user = s.scalar(select(User).where(User.username == "tamu"))
        assert user is not None
        return auth.actor_for(user)
