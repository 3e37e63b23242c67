"""Inventarisasi (R23, R24) on both engines: the scope snapshotted, labels scanned, the wrong room flagged, the
census refused while lines are unchecked, the follow-up groups, and a follow-up applied as ledger mutations."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from desktop.models.assets import Aset, AsetMutasi, InventarisasiBaris
from desktop.services.assets import inventory, items, rooms
from desktop.services.assets.items import AssetInput
from desktop.services.common.errors import PermissionDenied, ValidationError
from desktop.services.common.permissions import Actor
from desktop.services.system import AppContext

KURSI = "1.3.2.05.02.01.004"
LAPTOP = "1.3.2.10.01.02.002"
TANAH = "1.3.1.01.01.01.001"
TODAY = date(2026, 3, 2)


def _room(ctx: AppContext, actor: Actor, kode: str, nama: str) -> int:
    with ctx.db.transaction() as s:
        return rooms.save_room(s, actor, rooms.RoomData(kode=kode, nama=nama)).id


def _record(ctx: AppContext, actor: Actor, data: AssetInput, jumlah: int = 1) -> list[items.AssetInfo]:
    with ctx.db.transaction() as s:
        return items.create_assets(s, actor, data, jumlah, today=TODAY).assets


@pytest.fixture
def setup(office: AppContext, pengurus: Actor) -> dict[str, object]:
    """Two rooms: Subbag Umum with 3 chairs and a laptop, Kepala Dinas with 2 chairs; a laptop with no room."""
    umum = _room(office, pengurus, "R.01", "Ruang Subbag Umum")
    kadis = _room(office, pengurus, "R.02", "Ruang Kepala Dinas")
    chairs = _record(office, pengurus, AssetInput(KURSI, "Kursi Kayu", 2025, 750_000, ruang_id=umum), 3)
    laptop = _record(office, pengurus, AssetInput(LAPTOP, "Laptop", 2024, 15_000_000, ruang_id=umum))[0]
    far = _record(office, pengurus, AssetInput(KURSI, "Kursi Kayu", 2025, 750_000, ruang_id=kadis), 2)
    loose = _record(office, pengurus, AssetInput(LAPTOP, "Laptop Cadangan", 2024, 12_000_000))[0]
    return {"umum": umum, "kadis": kadis, "chairs": chairs, "laptop": laptop, "far": far, "loose": loose}


def _start_room(ctx: AppContext, actor: Actor, ruang_id: int) -> inventory.CensusInfo:
    with ctx.db.transaction() as s:
        return inventory.start(
            s,
            actor,
            "Sensus Ruang Umum 2026",
            "ruang",
            ruang_id=ruang_id,
            sk_nomor="000.2.3.2/15/SEKR/2026",
            tanggal=TODAY,
        )


def test_start_snapshots_the_scope_as_unchecked_lines(
    office: AppContext, pengurus: Actor, setup: dict
) -> None:
    census = _start_room(office, pengurus, setup["umum"])
    assert (census.total, census.dicek, census.status) == (4, 0, "berjalan")
    with office.db.transaction() as s:
        golongan_b = inventory.start(s, pengurus, "Sensus KIB B", "golongan", golongan="b", tanggal=TODAY)
        semua = inventory.start(s, pengurus, "Sensus semua", "semua", tanggal=TODAY)
        found = inventory.lines(s, pengurus, census.id)
    assert golongan_b.total == 7 and golongan_b.golongan == "B"
    assert semua.total == 7
    assert {line.aset_id for line in found} == {a.id for a in [*setup["chairs"], setup["laptop"]]}
    assert all(line.keberadaan == "" and line.ruang_id == setup["umum"] for line in found)
    assert all(line.kondisi == 1 for line in found)  # the recorded kondisi comes along


def test_a_scan_ticks_a_line_and_reports_the_other_cases(
    office: AppContext, pengurus: Actor, setup: dict
) -> None:
    census = _start_room(office, pengurus, setup["umum"])
    laptop, far = setup["laptop"], setup["far"][0]
    with office.db.transaction() as s:
        ok = inventory.check_scan(s, pengurus, census.id, laptop.full_id + "\r\n", kondisi=2)
        again = inventory.check_scan(s, pengurus, census.id, laptop.nibar)
        outside = inventory.check_scan(s, pengurus, census.id, far.full_id)
        unknown = inventory.check_scan(s, pengurus, census.id, "HELLO-WORLD")
        missing = inventory.check_scan(s, pengurus, census.id, "1.3.2.10.01.02.002.000099")
    assert ok.status == "ada" and ok.ticked and ok.line is not None
    assert ok.line.keberadaan == "ada" and ok.line.kondisi == 2
    # A second scan does not undo what the team saw, and says it was seen already.
    assert again.ulang and again.line is not None and again.line.kondisi == 2
    assert outside.status == "luar_cakupan" and not outside.ticked and "Ruang Kepala Dinas" in outside.pesan
    assert unknown.status == missing.status == "tidak_dikenal"
    with office.db.transaction() as s:
        assert inventory.get_census(s, pengurus, census.id).dicek == 1
        # Adding the item found here: ticked in this room, flagged against its recorded room.
        added = inventory.add_to_scope(s, pengurus, census.id, far.id)
        with pytest.raises(ValidationError):
            inventory.add_to_scope(s, pengurus, census.id, far.id)
    assert added.ruang_id == setup["umum"] and added.aset_ruang_id == setup["kadis"] and added.ruang_berbeda


def test_an_item_recorded_in_another_room_is_ticked_and_flagged(
    office: AppContext, pengurus: Actor, setup: dict
) -> None:
    with office.db.transaction() as s:
        census = inventory.start(s, pengurus, "Sensus KIB B", "golongan", golongan="B", tanggal=TODAY)
        moved = inventory.check_scan(s, pengurus, census.id, setup["far"][0].full_id, di_ruang=setup["umum"])
        here = inventory.check_scan(
            s, pengurus, census.id, setup["chairs"][0].full_id, di_ruang=setup["umum"]
        )
        progress = inventory.progress(s, pengurus, census.id)
    assert moved.status == "ruang_berbeda" and moved.ticked and "perubahan data" in moved.pesan
    assert here.status == "ada"
    by_room = {p.ruang_nama: (p.dicek, p.total) for p in progress}
    # The chair found in Subbag Umum counts there now; the laptop without a room has its own row.
    assert by_room == {"Ruang Kepala Dinas": (0, 1), "Ruang Subbag Umum": (2, 5), "Tanpa ruangan": (0, 1)}
    with office.db.transaction() as s:
        kib_room = s.scalar(select(Aset.ruang_id).where(Aset.id == setup["far"][0].id))
    assert kib_room == setup["kadis"]  # nothing in the KIB changed by itself


def test_finish_refuses_while_lines_are_unchecked(office: AppContext, pengurus: Actor, setup: dict) -> None:
    census = _start_room(office, pengurus, setup["umum"])
    with office.db.transaction() as s:
        inventory.check_scan(s, pengurus, census.id, setup["laptop"].full_id)
    with (
        pytest.raises(ValidationError, match="Masih ada 3 barang yang belum dicek"),
        office.db.transaction() as s,
    ):
        inventory.finish(s, pengurus, census.id, tanggal=TODAY)
    with office.db.transaction() as s:
        assert inventory.get_census(s, pengurus, census.id).status == "berjalan"


def test_follow_up_groups_and_applying_kondisi_writes_mutations(
    office: AppContext, pengurus: Actor, setup: dict
) -> None:
    census = _start_room(office, pengurus, setup["umum"])
    c1, c2, c3 = setup["chairs"]
    with office.db.transaction() as s:
        inventory.check_scan(s, pengurus, census.id, setup["laptop"].full_id, kondisi=3)
        inventory.check_scan(s, pengurus, census.id, c1.full_id)
        by_aset = {line.aset_id: line.id for line in inventory.lines(s, pengurus, census.id)}
        assert inventory.mark_lines(s, pengurus, [by_aset[c2.id]], "hilang") == 1
        inventory.set_result(
            s,
            pengurus,
            by_aset[c3.id],
            "ada",
            kondisi=1,
            tercatat_ganda=True,
            catatan="Satu label, dua catatan",
        )
        inventory.add_to_scope(s, pengurus, census.id, setup["far"][0].id, kondisi=2)
        inventory.add_found(s, pengurus, census.id, None, "", "Meja rapat lipat", "Chitose", 2, "Tanpa label")
        # Applying before the census is finished is refused.
        with pytest.raises(ValidationError):
            inventory.apply_follow_up(s, pengurus, census.id, "kondisi")
    with office.db.transaction() as s:
        inventory.finish(s, pengurus, census.id, tanggal=TODAY)
        groups = {g.key: g for g in inventory.follow_up(s, pengurus, census.id)}
        counts = inventory.counts(s, pengurus, census.id)
    assert [line.aset_id for line in groups["hilang"].lines] == [c2.id]
    assert {line.aset_id for line in groups["kondisi"].lines} == {setup["laptop"].id, setup["far"][0].id}
    assert [line.aset_id for line in groups["ruang"].lines] == [setup["far"][0].id]
    assert [line.aset_id for line in groups["ganda"].lines] == [c3.id]
    assert [line.nama for line in groups["belum_tercatat"].lines] == ["Meja rapat lipat"]
    assert groups["tidak_ditemukan"].lines == [] and groups["kondisi"].applicable
    assert (counts.diinventarisasi, counts.ada, counts.hilang, counts.rusak_berat, counts.belum_tercatat) == (
        5,
        4,
        1,
        1,
        2,
    )
    with office.db.transaction() as s:
        before = s.scalar(select(func.count()).select_from(AsetMutasi))
        assert inventory.apply_follow_up(s, pengurus, census.id, "kondisi", tanggal=TODAY) == 2
        assert inventory.apply_follow_up(s, pengurus, census.id, "kondisi", tanggal=TODAY) == 0  # once only
        assert inventory.apply_follow_up(s, pengurus, census.id, "ruang", tanggal=TODAY) == 1
        assert inventory.apply_follow_up(s, pengurus, census.id, "hilang") == 1  # marked, KIB untouched
        mutations = s.scalars(select(AsetMutasi).where(AsetMutasi.id > before).order_by(AsetMutasi.id)).all()
        laptop = s.get(Aset, setup["laptop"].id)
        far = s.get(Aset, setup["far"][0].id)
        lost = s.get(Aset, c2.id)
        assert laptop is not None and far is not None and lost is not None
        assert (laptop.kondisi, far.kondisi, far.ruang_id) == (3, 2, setup["umum"])
        assert lost.status == "aktif"
    assert [m.jenis for m in mutations] == ["kondisi", "kondisi", "pindah_ruang"]
    assert all(
        m.dokumen_jenis == "Inventarisasi" and m.dokumen_nomor == "000.2.3.2/15/SEKR/2026" for m in mutations
    )
    # Once finished, the results stay as they are.
    with pytest.raises(ValidationError), office.db.transaction() as s:
        inventory.check_scan(s, pengurus, census.id, c1.full_id)


def test_start_copies_every_item_in_scope(office: AppContext, pengurus: Actor) -> None:
    _record(office, pengurus, AssetInput(KURSI, "Kursi Lipat", 2025, 300_000), 600)
    with office.db.transaction() as s:
        census = inventory.start(s, pengurus, "Sensus semua", "semua", tanggal=TODAY)
        rows = s.scalar(select(func.count()).select_from(InventarisasiBaris))
    assert census.total == rows == 600


def test_pimpinan_reads_but_does_not_check(
    office: AppContext, pengurus: Actor, pimpinan: Actor, setup: dict
) -> None:
    census = _start_room(office, pengurus, setup["umum"])
    with office.db.transaction() as s:
        assert [c.id for c in inventory.list_censuses(s, pimpinan)] == [census.id]
        with pytest.raises(PermissionDenied):
            inventory.check_scan(s, pimpinan, census.id, setup["laptop"].full_id)
        with pytest.raises(PermissionDenied):
            inventory.start(s, pimpinan, "x", "semua")


def test_pdfs_of_a_census(office: AppContext, pengurus: Actor, setup: dict) -> None:
    census = _start_room(office, pengurus, setup["umum"])
    with office.db.transaction() as s:
        lki = inventory.lki_pdf(s, pengurus, census.id)
        for line in inventory.lines(s, pengurus, census.id):
            inventory.set_result(s, pengurus, line.id, "ada", kondisi=1)
        inventory.finish(s, pengurus, census.id, tanggal=TODAY)
        lhi = inventory.lhi_pdf(s, pengurus, census.id)
        ba = inventory.ba_pdf(s, pengurus, census.id)
    assert all(pdf.startswith(b"%PDF") for pdf in (lki, lhi, ba))
