"""UI fixtures: a prepared database with an admin, and the Indonesian Qt translator installed."""

from __future__ import annotations

import gc
from collections.abc import Iterator
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


@pytest.fixture(autouse=True)
def collect_on_the_gui_thread() -> Iterator[None]:
    """Garbage of a test's widgets and tasks is collected here, on the GUI thread. Left to the collector it may
    be freed later from a task's worker thread, and a QObject destroyed there while the GUI thread still holds
    queued events for it crashes the process (seen once as a segfault in test_import_dialog after the
    integration tests)."""
    yield
    gc.collect()
