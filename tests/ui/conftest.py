"""UI fixtures: a prepared database with an admin, and the Indonesian Qt translator installed."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.services import system
from desktop.services.common import auth
from desktop.services.common.permissions import Actor
from desktop.services.system import AppContext
from desktop.ui.collector import GuiCollector
from desktop.ui.collector import install as install_collector


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


@pytest.fixture(scope="session", autouse=True)
def gui_collector(qapp) -> Iterator[GuiCollector]:  # type: ignore[no-untyped-def]
    """As in the application: cyclic garbage is collected on the GUI thread only (see desktop.ui.collector)."""
    collector = install_collector(qapp)
    yield collector
    collector.stop()


@pytest.fixture(autouse=True)
def collect_on_the_gui_thread() -> Iterator[None]:
    """And after each test, so that one test's widgets are gone before the next one starts."""
    yield
    gc.collect()
