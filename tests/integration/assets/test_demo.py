"""`sekretariat demo`: the Dinas's goods — rooms with KIR, KIB A-F, BASTs final and draft, labels, a census."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from desktop.demo import sample_assets, sample_office
from desktop.models.admin import AuditEntry
from desktop.models.assets import Aset, AsetDokumen, AsetMutasi, Inventarisasi, Ruang
from desktop.services.assets import bast, documents, inventory, items, rooms, settings
from desktop.services.assets.items import AssetFilter
from desktop.services.common.permissions import SYSTEM
from desktop.services.system import AppContext

TODAY = date(2026, 7, 15)


def _totals(ctx: AppContext) -> tuple[int, ...]:
    with ctx.db.read() as s:
        return tuple(
            int(s.scalar(select(func.count()).select_from(t)) or 0)
            for t in (Aset, AsetMutasi, AsetDokumen, Ruang, Inventarisasi, AuditEntry)
        )


def test_the_quick_fill_of_the_tests_adds_no_goods(ctx: AppContext) -> None:
    sample_office.fill(ctx, letter_count=0)
    assert _totals(ctx)[:5] == (0, 0, 0, 0, 0)


def test_a_small_demo_has_every_golongan_rooms_with_kir_basts_labels_and_a_census(ctx: AppContext) -> None:
    sample_office.fill(ctx, letter_count=0)
    tally = sample_assets.fill_assets(ctx, count=60, today=TODAY)

    assert 55 <= tally.aset <= 70 and tally.ruang == 25
    with ctx.db.read() as s:
        per_golongan = {
            g: items.list_assets(s, SYSTEM, AssetFilter(golongan=g), limit=1)[1] for g in "ABCDEF"
        }
        assert all(per_golongan.values()), per_golongan
        assert sum(per_golongan.values()) == tally.aset
        # Every kode given is one of the shipped list (none kept as a user code).
        assert tally.kode_pengguna == 0
        # Kode lokasi of the R7 shape (province 64: Kalimantan Timur, as the demo office) and the signers.
        conf = settings.get_settings(s)
        assert conf.kode_lokasi == "11.01.64.00.01.01.001.001.2026" and conf.provinsi == "Kalimantan Timur"
        # Buildings, roads and the KDP stand on a KIB A parcel (R10).
        for g in "CDF":
            for a in items.list_assets(s, SYSTEM, AssetFilter(golongan=g))[0]:
                assert a.tanah_id is not None and a.tanah_text.startswith("1.3.1."), a.nama
        # Vehicles: one per row with their numbers (R6).
        vehicles = [a for a in items.list_assets(s, SYSTEM, AssetFilter(text="1.3.2.02"))[0]]
        assert len(vehicles) >= 3
        assert all(
            a.no_polisi.startswith("KT ") and a.no_rangka and a.no_mesin and a.no_bpkb for a in vehicles
        )
        # Cheap chairs are ekstrakomptabel under the Rp 1.000.000 threshold (R27), dear goods intra.
        kib_b = items.list_assets(s, SYSTEM, AssetFilter(golongan="B"), limit=1000)[0]
        assert all(a.intra == (a.harga >= 1_000_000) for a in kib_b)
        assert any(not a.intra for a in kib_b)
        # Rooms with their penanggung jawab and a KIR; three KIRs printed.
        listed = rooms.list_rooms(s, SYSTEM)
        assert len(listed) == 25 and all(r.pj_nama for r in listed)
        full = [r for r in listed if r.jumlah_barang]
        assert len(full) >= 5
        assert documents.kir_lines(s, SYSTEM, full[0].id, merged=True)
        assert sum(1 for r in listed if r.kir_dicetak_at is not None) == 3
        # BASTs: a penerimaan, penyerahan and pengamanan final; two drafts waiting.
        finals, _ = bast.list_bast(s, SYSTEM, bast.BastFilter(status="final"))
        assert {b.jenis for b in finals} == {"penerimaan", "penyerahan", "pengamanan"}
        assert all(b.nomor.startswith("000.2.3.2/") for b in finals)
        drafts, _ = bast.list_bast(s, SYSTEM, bast.BastFilter(status="draft"))
        assert len(drafts) == 2 == tally.bast_draft and not any(b.nomor for b in drafts)
        # The final handovers moved their items to the holder (R18).
        for row in finals:
            if row.jenis in ("penyerahan", "pengamanan"):
                info = bast.get_bast(s, SYSTEM, row.id)
                held = items.get_asset(s, SYSTEM, info.lines[0].aset_id or 0)
                assert held.pemegang_nama == info.pihak2.nama
        # The new goods' labels were printed, each recorded in its history (R15).
        labels = s.scalar(select(func.count()).select_from(AsetMutasi).where(AsetMutasi.jenis == "label"))
        assert labels == tally.label == 15
        kinds = set(s.scalars(select(AsetMutasi.jenis).distinct()))
        assert {
            "perolehan",
            "pindah_ruang",
            "kondisi",
            "kapitalisasi",
            "serah",
            "pengamanan",
            "label",
        } <= kinds
        # An inventarisasi under way: part of the goods checked.
        (census,) = inventory.list_censuses(s, SYSTEM)
        assert census.status == "berjalan" and 0 < census.dicek < census.total

    before = _totals(ctx)
    again = sample_assets.fill_assets(ctx, count=60, today=TODAY)
    assert again.aset == 0 and again.ruang == 0 and again.bast_final == 0
    assert _totals(ctx) == before
