"""UI fixtures: a prepared database with an admin, and the Indonesian Qt translator installed."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.services import auth, system
from desktop.services.permissions import Actor
from desktop.services.system import AppContext


@pytest.fixture
def app_ctx(tmp_path: Path):  # type: ignore[no-untyped-def]
    ctx = system.open_context(tmp_path / "data")
    system.prepare(ctx)
    yield ctx
    ctx.db.dispose()


@pytest.fixture
def admin(app_ctx: AppContext) -> Actor:
    with app_ctx.db.transaction() as s:
        return auth.actor_for(auth.create_first_admin(s, "admin", "Admin Kantor", "rahasia-123"))


@pytest.fixture(scope="session", autouse=True)
def indonesian_qt(qapp):  # type: ignore[no-untyped-def]
    from desktop.ui import i18n

    i18n.install(qapp)
