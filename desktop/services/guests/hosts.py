"""Whom a guest can come to see (R1 tujuan): the office's active units and active pegawai, for the desk's picker."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.admin import OrgUnit
from desktop.models.staff import Pegawai
from desktop.services.common.permissions import Actor, Perm


@dataclass(frozen=True)
class Host:
    """One entry of the tujuan picker: a unit (``pegawai_id`` None) or a pegawai with the unit they work in."""

    label: (
        str  # what the clerk reads and types: "Sub Bagian Umum" or "Rina Kartika, S.Sos. — Sub Bagian Umum"
    )
    unit_id: int | None
    pegawai_id: int | None = None

    @property
    def is_unit(self) -> bool:
        return self.pegawai_id is None


def _person(nama: str, gelar_depan: str, gelar_belakang: str) -> str:
    name = " ".join(x for x in (gelar_depan, nama) if x)
    return f"{name}, {gelar_belakang}" if gelar_belakang else name


def list_hosts(session: Session, actor: Actor, text: str = "") -> list[Host]:
    """Units first (in the office's order), then pegawai by name; ``text`` keeps those whose label holds every
    typed word, in any case. Two narrow queries: the desk opens this on every start, the pegawai rows are
    wide (photos) and only four columns are needed."""
    actor.require(Perm.VIEW)
    units = session.execute(
        select(OrgUnit.id, OrgUnit.nama).where(OrgUnit.aktif.is_(True)).order_by(OrgUnit.urutan, OrgUnit.id)
    ).all()
    unit_names = {uid: nama for uid, nama in units}
    hosts = [Host(nama, uid) for uid, nama in units]
    people = session.execute(
        select(Pegawai.id, Pegawai.nama, Pegawai.gelar_depan, Pegawai.gelar_belakang, Pegawai.unit_id)
        .where(Pegawai.aktif.is_(True))
        .order_by(Pegawai.nama, Pegawai.id)
    ).all()
    for pid, nama, depan, belakang, unit_id in people:
        person = _person(nama, depan, belakang)
        unit = unit_names.get(unit_id) if unit_id is not None else None
        hosts.append(Host(f"{person} — {unit}" if unit else person, unit_id if unit else None, pid))
    words = text.casefold().split()
    if words:
        hosts = [h for h in hosts if all(w in h.label.casefold() for w in words)]
    return hosts
