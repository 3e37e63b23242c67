"""The tujuan picker's list: active units, then active pegawai with their unit, filtered by every typed word."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from desktop.models.admin import OrgUnit
from desktop.models.staff import Pegawai
from desktop.services.common.permissions import Actor
from desktop.services.guests.hosts import list_hosts
from desktop.services.system import AppContext


def _pegawai(ctx: AppContext, nama: str, nip: str, unit: str | None, *, aktif: bool = True) -> int:
    with ctx.db.transaction() as s:
        unit_id = s.scalar(select(OrgUnit.id).where(OrgUnit.nama == unit)) if unit else None
        row = Pegawai(
            nip=nip, nama=nama, gelar_belakang="S.Sos.", tanggal_lahir=date(1982, 8, 17), jenis_kelamin="P",
            status="pns", unit_id=unit_id, aktif=aktif,
        )  # fmt: skip
        s.add(row)
        s.flush()
        return row.id


def test_units_first_then_active_pegawai_with_their_unit(ctx: AppContext, desk: Actor) -> None:
    rina = _pegawai(ctx, "Rina Kartika", "198208172009022004", "Sub Bagian Umum")
    _pegawai(ctx, "Pensiunan Lama", "195801011980031001", "Sub Bagian Umum", aktif=False)
    loose = _pegawai(ctx, "Tanpa Unit", "199001012015031001", None)
    with ctx.db.read() as s:
        hosts = list_hosts(s, desk)
        units = [h for h in hosts if h.is_unit]
        people = [h for h in hosts if not h.is_unit]
        assert units and hosts[: len(units)] == units  # units come first
        assert units[0].label == "Sekretariat"
        assert [h.label for h in people] == ["Rina Kartika, S.Sos. — Sub Bagian Umum", "Tanpa Unit, S.Sos."]
        assert people[0].pegawai_id == rina and people[0].unit_id is not None
        assert people[1].pegawai_id == loose and people[1].unit_id is None
        # Every word, any case, anywhere in the label: the unit and the person working in it.
        found = list_hosts(s, desk, "UMUM sub")
        assert [h.label for h in found] == ["Sub Bagian Umum", "Rina Kartika, S.Sos. — Sub Bagian Umum"]
        assert list_hosts(s, desk, "gudang") == []
