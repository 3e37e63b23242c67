"""Fixtures of the Buku Tamu screens: the demo office at a fixed office time, its front desk and its cards."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from desktop.core import clock
from desktop.services.guests import cards
from desktop.services.system import AppContext
from desktop.ui.context import UiContext
from tests.ui.office import demo_actor

# Monday 2 March 2026, 09.15 WITA: the demo office is in Samarinda.
MORNING = datetime(2026, 3, 2, 9, 15, tzinfo=ZoneInfo("Asia/Makassar"))


@pytest.fixture
def morning() -> Iterator[datetime]:
    with clock.fixed(MORNING):
        yield MORNING


@pytest.fixture
def desk(filled: AppContext, morning: datetime) -> UiContext:
    """The petugas tamu (demo account ``tamu``) with kartu tamu 1-10 in stock."""
    actor = demo_actor(filled, "tamu")
    with filled.db.transaction() as s:
        cards.add_cards(s, actor, "1-10")
    return UiContext(filled, actor)
