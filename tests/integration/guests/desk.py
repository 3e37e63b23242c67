"""Small steps the Buku Tamu tests share: the first unit, a service by prefix, a walk-in in its own transaction."""

from __future__ import annotations

from sqlalchemy import select

from desktop.models.admin import OrgUnit
from desktop.services.common.permissions import Actor
from desktop.services.guests import reference, visits
from desktop.services.system import AppContext


def first_unit(ctx: AppContext) -> int:
    with ctx.db.read() as s:
        unit = s.scalars(select(OrgUnit.id).order_by(OrgUnit.id)).first()
    assert unit is not None
    return unit


def service_id(ctx: AppContext, prefix: str) -> int:
    with ctx.db.read() as s:
        return next(x.id for x in reference.list_services(s) if x.prefix == prefix and x.id is not None)


def walk_in(ctx: AppContext, actor: Actor, nama: str, prefix: str = "A", **kw: object) -> visits.VisitView:
    """Check a guest in now (the caller fixes the clock) for the first unit, in the queue of ``prefix``."""
    data = visits.WalkIn(
        nama=nama,
        keperluan=str(kw.pop("keperluan", "Koordinasi/rapat")),
        tujuan_unit_id=first_unit(ctx),
        layanan_id=service_id(ctx, prefix),
        **kw,  # type: ignore[arg-type]
    )
    with ctx.db.transaction() as s:
        return visits.check_in(s, actor, data)
