"""UI fixtures: a prepared database with an admin, the demo office copied per test, and the Indonesian Qt
translator installed."""

from __future__ import annotations

import gc
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.demo import sample_office
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


@pytest.fixture(scope="session")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated data dir with the demo office (WITA, kode unit DP2KUKM), its units, signatories and one
    account per role, no letters; each test gets a copy through ``filled`` (preparing it and hashing the
    passwords takes seconds). A module that needs other data defines its own ``prepared``."""
    data = tmp_path_factory.mktemp("kantor") / "data"
    ctx = system.open_context(data)
    system.prepare(ctx)
    sample_office.fill(ctx, letter_count=0)
    ctx.db.dispose()
    return data


@pytest.fixture
def filled(prepared: Path, tmp_path: Path) -> Iterator[AppContext]:
    """A copy of ``prepared`` for one test."""
    data = tmp_path / "data"
    shutil.copytree(prepared, data)
    ctx = system.open_context(data)
    yield ctx
    ctx.db.dispose()
