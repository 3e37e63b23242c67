"""Fixtures of the Barang screens: the demo office with the kode list, the thresholds and three rooms, at a
fixed office time; the pengurus barang (``barang``) and the pimpinan (``kadis``)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from desktop.core import clock
from desktop.demo import sample_office
from desktop.services import system
from desktop.services.assets import kode, reference, rooms
from desktop.services.assets.rooms import RoomData
from desktop.services.system import AppContext
from desktop.ui.context import UiContext
from tests.ui.office import demo_actor

# Monday 2 March 2026, 09.15 WITA: the demo office is in Samarinda.
MORNING = datetime(2026, 3, 2, 9, 15, tzinfo=ZoneInfo("Asia/Makassar"))
ROOMS = (("R.01", "Ruang Subbag Umum"), ("R.02", "Ruang Kepala Dinas"), ("R.03", "Gudang"))


@pytest.fixture(scope="session")
def barang_prepared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("barang") / "data"
    ctx = system.open_context(data)
    system.prepare(ctx)
    sample_office.fill(ctx, letter_count=0)
    actor = demo_actor(ctx, "barang")
    with ctx.db.transaction() as s:
        kode.seed_reference(s)
        reference.seed_reference(s)
        for k, nama in ROOMS:
            rooms.save_room(s, actor, RoomData(kode=k, nama=nama))
    ctx.db.dispose()
    return data


@pytest.fixture
def office(barang_prepared: Path, tmp_path: Path) -> Iterator[AppContext]:
    data = tmp_path / "data"
    shutil.copytree(barang_prepared, data)
    ctx = system.open_context(data)
    with clock.fixed(MORNING):
        yield ctx
    ctx.db.dispose()


@pytest.fixture
def pengurus(office: AppContext) -> UiContext:
    return UiContext(office, demo_actor(office, "barang"))


@pytest.fixture
def pimpinan(office: AppContext) -> UiContext:
    return UiContext(office, demo_actor(office, "kadis"))
