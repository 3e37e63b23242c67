"""The Barang figures of the Beranda (issue 15 item 10): by kondisi, BAST waiting, KIR to reprint, no room."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from desktop.models.admin import User
from desktop.models.assets import AsetDokumen
from desktop.services import dashboard
from desktop.services.assets import documents, figures, items, rooms
from desktop.services.assets.items import AssetInput
from desktop.services.assets.ledger import DocRef
from desktop.services.common import auth
from desktop.services.common.permissions import Actor
from desktop.services.common.printed import Delivery
from desktop.services.system import AppContext

TODAY = date(2026, 3, 2)


def _create(ctx: AppContext, actor: Actor, kode: str, jumlah: int, harga: int, **more: object) -> list[int]:
    data = AssetInput(kode_barang=kode, nama="Barang", tahun=2025, harga=harga, **more)  # type: ignore[arg-type]
    with ctx.db.transaction() as s:
        return [a.id for a in items.create_assets(s, actor, data, jumlah, today=TODAY).assets]


def _room(ctx: AppContext, actor: Actor, kode: str) -> int:
    with ctx.db.transaction() as s:
        return rooms.save_room(s, actor, rooms.RoomData(kode=kode, nama=f"Ruang {kode}")).id


def test_figures_count_assets_by_kondisi_open_bast_rooms_to_reprint_and_items_without_a_room(
    office: AppContext, pengurus: Actor
) -> None:
    with office.db.transaction() as s:
        empty = figures.asset_figures(s, pengurus)
    assert empty == figures.AssetFigures(0, 0, 0, 0, 0, 0, 0, 0, 0)

    printed, changed, untouched = (
        _room(office, pengurus, "R-1"),
        _room(office, pengurus, "R-2"),
        _room(office, pengurus, "R-3"),
    )
    chairs = _create(office, pengurus, "1.3.2.05.02.01.004", 4, 750_000, ruang_id=printed)
    _create(office, pengurus, "1.3.2.05.02.01.004", 1, 750_000, ruang_id=changed)
    _create(office, pengurus, "1.3.2.10.01.02.002", 2, 15_000_000)  # KIB B without a room: counted
    _create(office, pengurus, "1.3.1.01.01.01.001", 1, 900_000_000)  # land has no room: not counted
    gone = _create(office, pengurus, "1.3.2.10.01.02.002", 1, 15_000_000)[0]
    with office.db.transaction() as s:
        items.set_condition(s, pengurus, chairs[0], 2, tanggal=TODAY)
        items.set_condition(s, pengurus, chairs[1], 3, tanggal=TODAY)
        items.write_off(s, pengurus, gone, tanggal=TODAY, alasan="Hilang",
                        doc=DocRef(jenis="SK", nomor="SK-1"))  # fmt: skip
        documents.record_kir_printed(s, pengurus, printed, Delivery(printer="Printer Umum"))
        for status in ("draft", "dicetak", "final", "batal", "draft"):
            s.add(AsetDokumen(jenis="penyerahan", status=status, tanggal=TODAY))
    with office.db.transaction() as s:
        found = figures.asset_figures(s, pengurus)
    assert (found.baik, found.rusak_ringan, found.rusak_berat) == (6, 1, 1)  # the written-off laptop is gone
    assert (found.nilai_baik, found.nilai_rusak_ringan, found.nilai_rusak_berat) == (
        3 * 750_000 + 2 * 15_000_000 + 900_000_000, 750_000, 750_000,
    )  # fmt: skip
    assert found.total == 8 and found.nilai == 933_750_000
    assert found.bast_menunggu == 3  # draft, dicetak, draft
    assert found.kir_berubah == 1  # R-2 changed and never printed; R-1 printed after its changes; R-3 empty
    assert untouched and found.tanpa_ruang == 2


def test_the_beranda_shows_the_figures_to_the_pengurus_and_the_head_only(
    office: AppContext, pengurus: Actor, pimpinan: Actor
) -> None:
    room = _room(office, pengurus, "R-1")
    _create(office, pengurus, "1.3.2.05.02.01.004", 2, 750_000, ruang_id=room)
    with office.db.transaction() as s:
        s.add(AsetDokumen(jenis="penyerahan", status="draft", tanggal=TODAY))
        desk = auth.actor_for(s.scalars(select(User).where(User.username == "tamu")).one())
    with office.db.transaction() as s:
        mine = dashboard.beranda(s, pengurus, TODAY)
        head = dashboard.beranda(s, pimpinan, TODAY)
        other = dashboard.beranda(s, desk, TODAY)
    assert mine.assets is not None and mine.assets.baik == 2
    assert head.assets == mine.assets
    assert other.assets is None
    texts = [(a.text, a.target) for a in mine.attention]
    assert ("KIR berubah sejak terakhir dicetak: 1 ruangan.", dashboard.Target.ASSETS) in texts
    assert ("BAST belum final: 1.", dashboard.Target.ASSETS) in texts
    assert not any(a.target is dashboard.Target.ASSETS for a in other.attention)
