"""The shipped holiday list is offered to a database once: a calendar the admin emptied stays empty at every start,
and a database seeded by an earlier version keeps its calendar as it is."""

from __future__ import annotations

from sqlalchemy import delete, func, select

from desktop.models.admin import Holiday, Setting
from desktop.services import system
from desktop.services.common import calendar, seeding
from desktop.services.system import AppContext


def _count(ctx: AppContext) -> int:
    with ctx.db.read() as s:
        return int(s.scalar(select(func.count()).select_from(Holiday)) or 0)


def test_a_calendar_the_admin_emptied_stays_empty_across_starts(ctx: AppContext) -> None:
    assert _count(ctx) > 100  # offered at the first start
    with ctx.db.transaction() as s:
        for holiday in calendar.list_holidays(s):
            calendar.delete_holiday(s, system.SYSTEM, holiday.tanggal)
    for _ in range(2):
        system.prepare(ctx)
        assert _count(ctx) == 0


def test_a_calendar_seeded_by_an_earlier_version_counts_as_offered(ctx: AppContext) -> None:
    with ctx.db.transaction() as s:
        s.execute(
            delete(Setting).where(Setting.key == seeding.marker_key(Holiday))
        )  # the earlier version's state
        first = calendar.list_holidays(s)[0].tanggal
        calendar.delete_holiday(s, system.SYSTEM, first)
    before = _count(ctx)
    system.prepare(ctx)
    assert _count(ctx) == before  # nothing added back, not even the deleted date
    with ctx.db.read() as s:
        assert not seeding.missing_markers(s, [Holiday])
