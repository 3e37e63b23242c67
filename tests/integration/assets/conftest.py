"""Fixtures of the Barang (BMD) integration tests: the demo office and its pengurus barang's account."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desktop.demo import sample_office
from desktop.models.admin import User
from desktop.services.common import auth
from desktop.services.common.permissions import Actor
from desktop.services.system import AppContext


def _actor(ctx: AppContext, username: str) -> Actor:
    with ctx.db.transaction() as s:
        user = s.scalar(select(User).where(User.username == username))
        assert user is not None
        return auth.actor_for(user)


@pytest.fixture
def office(ctx: AppContext) -> AppContext:
    """An office in WITA with units, staff and the module accounts (no letters)."""
    sample_office.fill(ctx, letter_count=0)
    return ctx


@pytest.fixture
def pengurus(office: AppContext) -> Actor:
    """The pengurus barang of the demo office."""
    return _actor(office, "barang")


@pytest.fixture
def pimpinan(office: AppContext) -> Actor:
    """A read-only account (the Kepala Dinas)."""
    return _actor(office, "kadis")
