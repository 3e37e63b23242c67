"""Recording assets and changing them through the ledger (R4-R6, R10, R12, R27, R29, R30) on both engines."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from desktop.models.assets import AmbangKapitalisasi, Aset, AsetMutasi
from desktop.services.assets import items, ledger, rooms
from desktop.services.assets.items import AssetFilter, AssetInput
from desktop.services.common.errors import PermissionDenied, ValidationError
from desktop.services.common.permissions import Actor
from desktop.services.system import AppContext

KURSI = "1.3.2.05.02.01.004"  # Kursi Kayu (the domain's worked example)
LAPTOP = "1.3.2.10.01.02.002"
TODAY = date(2026, 3, 2)


def _chairs(**overrides: object) -> AssetInput:
    values: dict[str, object] = dict(
        kode_barang=KURSI, nama="Kursi Kayu", tahun=2025, harga=750_000, tanggal_perolehan=date(2025, 5, 12)
    )
    values.update(overrides)
    return AssetInput(**values)  # type: ignore[arg-type]


def _threshold(ctx: AppContext) -> None:
    """The P&M capitalisation threshold of the worked example, whatever the seed holds."""
    with ctx.db.transaction() as s:
        s.query(AmbangKapitalisasi).delete()
        s.add(AmbangKapitalisasi(kode_prefix="1.3.2", mulai_tahun=2000, nilai=1_000_000, catatan=""))


def _room(ctx: AppContext, actor: Actor, kode: str, nama: str) -> int:
    with ctx.db.transaction() as s:
        return rooms.save_room(s, actor, rooms.RoomData(kode=kode, nama=nama)).id


def test_ten_chairs_get_consecutive_registers_and_are_ekstrakomptabel(
    office: AppContext, pengurus: Actor
) -> None:
    _threshold(office)
    with office.db.transaction() as s:
        result = items.create_assets(s, pengurus, _chairs(), 10, today=TODAY)
    regs = [a.register_text for a in result.assets]
    assert regs == [f"{n:06d}" for n in range(1, 11)]
    assert all(not a.intra for a in result.assets)  # 750.000 < 1.000.000 (R27)
    assert len({a.nibar for a in result.assets}) == 10
    with office.db.transaction() as s:
        count = s.scalar(select(func.count()).select_from(AsetMutasi).where(AsetMutasi.jenis == "perolehan"))
        total = s.scalar(select(func.sum(Aset.harga)).where(Aset.kode_barang == KURSI))
    assert count == 10
    assert total == 7_500_000
    # The next batch of the same kode continues the registers; a laptop starts its own at 000001.
    with office.db.transaction() as s:
        more = items.create_assets(s, pengurus, _chairs(), 2, today=TODAY).assets
        laptop = items.create_assets(
            s, pengurus, AssetInput(kode_barang=LAPTOP, nama="Laptop", tahun=2024, harga=15_000_000), 1,
            today=TODAY,
        ).assets[0]  # fmt: skip
    assert [a.register for a in more] == [11, 12]
    assert laptop.register == 1 and laptop.intra


def test_registers_are_never_reused_after_a_rollback_of_another_record(
    office: AppContext, pengurus: Actor
) -> None:
    with office.db.transaction() as s:
        items.create_assets(s, pengurus, _chairs(), 3, today=TODAY)
    with pytest.raises(RuntimeError), office.db.transaction() as s:
        items.create_assets(s, pengurus, _chairs(), 2, today=TODAY)
        raise RuntimeError("the clerk's action failed later")
    with office.db.transaction() as s:
        again = items.create_assets(s, pengurus, _chairs(), 1, today=TODAY).assets[0]
    # The rolled-back numbers were never written on paper: the counter rolled back with them (agenda rule).
    assert again.register == 4


def test_given_registers_are_kept_and_a_taken_one_is_refused(office: AppContext, pengurus: Actor) -> None:
    with office.db.transaction() as s:
        items.create_assets(s, pengurus, _chairs(register=5), 3, today=TODAY)
    with office.db.transaction() as s, pytest.raises(ValidationError, match="000007"):
        items.create_assets(s, pengurus, _chairs(register=7), 1, today=TODAY)
    with office.db.transaction() as s:
        nxt = items.create_assets(s, pengurus, _chairs(), 1, today=TODAY).assets[0]
    assert nxt.register == 8  # the counter was raised past the imported ones


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"kode_barang": "1.3.2.10.01"}, "kode_barang"),  # not level 7 (R3)
        ({"kode_barang": "1.1.7.01.03.02.001"}, "kode_barang"),  # persediaan is not on a KIB
        ({"kode_barang": "1.3.2.1O.01.02.002"}, "kode_barang"),  # a letter O
        ({"harga": -1}, "harga"),
        ({"nama": "   "}, "nama"),
        ({"tahun": 1850}, "tahun"),
        ({"kondisi": 4}, "kondisi"),
        ({"tanggal_perolehan": date(2026, 3, 3)}, "tanggal_perolehan"),
    ],
)
def test_bad_input_names_its_field_and_writes_nothing(
    office: AppContext, pengurus: Actor, overrides: dict[str, object], field: str
) -> None:
    with office.db.transaction() as s, pytest.raises(ValidationError) as caught:
        items.create_assets(s, pengurus, _chairs(**overrides), 2, today=TODAY)
    assert caught.value.field == field
    with office.db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(Aset)) == 0


def test_items_with_own_numbers_are_recorded_one_by_one(office: AppContext, pengurus: Actor) -> None:
    with office.db.transaction() as s, pytest.raises(ValidationError) as caught:
        items.create_assets(s, pengurus, _chairs(no_pabrik="PF3ABC12"), 2, today=TODAY)
    assert caught.value.field == "jumlah"


def test_a_missing_level7_code_is_kept_as_a_user_code_with_a_warning(
    office: AppContext, pengurus: Actor
) -> None:
    with office.db.transaction() as s:
        result = items.create_assets(
            s, pengurus, AssetInput(kode_barang="1.3.2.10.01.02.950", nama="Tablet Dinas", tahun=2026, harga=1),
            today=TODAY,
        )  # fmt: skip
    assert result.warnings and "1.3.2.10.01.02.950" in result.warnings[0]
    assert result.assets[0].golongan == "B"


def test_pimpinan_reads_but_does_not_write(office: AppContext, pengurus: Actor, pimpinan: Actor) -> None:
    with office.db.transaction() as s:
        items.create_assets(s, pengurus, _chairs(), 1, today=TODAY)
    with office.db.transaction() as s:
        rows, total = items.list_assets(s, pimpinan, AssetFilter(golongan="B"))
        assert total == 1 and rows[0].nama == "Kursi Kayu"
        with pytest.raises(PermissionDenied):
            items.create_assets(s, pimpinan, _chairs(), 1, today=TODAY)


def test_search_by_words_code_prefix_register_and_scan(office: AppContext, pengurus: Actor) -> None:
    with office.db.transaction() as s:
        items.create_assets(s, pengurus, _chairs(merk_tipe="Olympic"), 3, today=TODAY)
        laptop = items.create_assets(
            s, pengurus,
            AssetInput(kode_barang=LAPTOP, nama="Laptop", tahun=2024, harga=15_000_000, merk_tipe="Lenovo ThinkPad E14",
                       no_pabrik="PF3ABC12"),
            today=TODAY,
        ).assets[0]  # fmt: skip
    with office.db.transaction() as s:

        def names(text: str) -> list[str]:
            return [a.nama for a in items.list_assets(s, pengurus, AssetFilter(text=text))[0]]

        assert names("thinkpad lenovo") == ["Laptop"]
        assert names("kursi olymp") == ["Kursi Kayu"] * 3
        assert names("KURSI  Kay") == ["Kursi Kayu"] * 3  # any case, any spacing, each word's start
        assert names("1.3.2.10") == ["Laptop"]
        assert names("1.3.2.10.") == ["Laptop"]
        assert names("1.3.2.05 kursi") == ["Kursi Kayu"] * 3
        assert names("1.3.2.1") == ["Laptop"]  # the list follows the typing, character by character
        assert names("PF3ABC12") == ["Laptop"]
        assert names("pf3a") == ["Laptop"]  # the start of a factory number
        assert names("2") == ["Kursi Kayu"]  # a register
        assert names(laptop.nibar) == ["Laptop"]
        assert names("zzz") == []
        assert names("top") == []  # words are found by their start, like the agenda's search
        assert names("l_ptop") == names("l%ptop") == []  # no wildcard reaches SQL
        assert len(names("%")) == len(names(" - ")) == 4  # punctuation alone is no search
        assert items.find_by_scan(s, pengurus, laptop.full_id + "\r\n") == laptop
        assert items.find_by_scan(s, pengurus, laptop.nibar) == laptop
        assert items.find_by_scan(s, pengurus, "1.3.2.10.01.02.002.000009") is None


def test_a_search_counts_up_to_the_cap_and_pages_through_every_hit(
    office: AppContext, pengurus: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past SEARCH_COUNT_CAP hits the count says "more" (cap + 1) and the pages still come in KIB order; a
    corrected name is found by its new words and no longer by the old."""
    monkeypatch.setattr(items, "SEARCH_COUNT_CAP", 5)
    with office.db.transaction() as s:
        laptops = items.create_assets(
            s,
            pengurus,
            AssetInput(kode_barang=LAPTOP, nama="Laptop", tahun=2024, harga=15_000_000),
            4,
            today=TODAY,
        ).assets
        chairs = items.create_assets(s, pengurus, _chairs(nama="Kursi Lipat"), 4, today=TODAY).assets
    in_kib_order = [a.id for a in chairs + laptops]  # 1.3.2.05… before 1.3.2.10…
    with office.db.transaction() as s:
        pages = [
            items.list_assets(s, pengurus, AssetFilter(text="1.3.2"), limit=3, offset=offset)
            for offset in (0, 3, 6)
        ]
        assert {total for _, total in pages} == {6}
        assert [a.id for rows, _ in pages for a in rows] == in_kib_order
        rows, total = items.list_assets(s, pengurus, AssetFilter(text="l"), limit=3, offset=3)
        assert total == 6 and [a.id for a in rows] == in_kib_order[3:6]
        rows, total = items.list_assets(s, pengurus, AssetFilter(text="lap"), limit=3, offset=3)
        assert (total, [a.id for a in rows]) == (4, [laptops[3].id])
    with office.db.transaction() as s:
        items.correct(s, pengurus, chairs[0].id, {"nama": "Bangku Taman"}, alasan="salah nama", today=TODAY)
    with office.db.transaction() as s:
        assert [a.id for a in items.list_assets(s, pengurus, AssetFilter(text="bangku"))[0]] == [chairs[0].id]
        assert items.list_assets(s, pengurus, AssetFilter(text="kursi"))[1] == 3


def test_moves_conditions_and_corrections_are_ledger_rows(office: AppContext, pengurus: Actor) -> None:
    umum = _room(office, pengurus, "R.01", "Ruang Subbag Umum")
    rapat = _room(office, pengurus, "R.02", "Ruang Rapat")
    with office.db.transaction() as s:
        chair = items.create_assets(s, pengurus, _chairs(ruang_id=umum), 1, today=TODAY).assets[0]
    with office.db.transaction() as s:
        assert items.move_to_room(s, pengurus, [chair.id], rapat, tanggal=TODAY) == 1
        assert items.move_to_room(s, pengurus, [chair.id], rapat, tanggal=TODAY) == 0  # already there
        items.set_condition(s, pengurus, chair.id, 2, tanggal=TODAY)
        items.correct(s, pengurus, chair.id, {"merk_tipe": "Informa"}, alasan="salah ketik merk", today=TODAY)
        items.correct(
            s, pengurus, chair.id, {"merk_tipe": "Informa"}, alasan="sama", today=TODAY
        )  # no change
    with office.db.transaction() as s:
        steps = items.history(s, pengurus, chair.id)
        now = items.get_asset(s, pengurus, chair.id)
        umum_room = rooms.get_room(s, pengurus, umum)
    assert [m.jenis for m in steps] == ["perolehan", "pindah_ruang", "kondisi", "koreksi"]
    assert steps[1].sebelum == {"ruang_id": umum} and steps[1].sesudah == {"ruang_id": rapat}
    assert steps[3].sebelum == {"merk_tipe": ""} and steps[3].sesudah == {"merk_tipe": "Informa"}
    assert steps[3].keterangan == "salah ketik merk"
    assert now.ruang_nama == "Ruang Rapat" and now.kondisi == 2 and now.merk_tipe == "Informa"
    assert umum_room.jumlah_barang == 0 and umum_room.kir_needs_print


def test_reclassification_keeps_the_nibar(office: AppContext, pengurus: Actor) -> None:
    with office.db.transaction() as s:
        chair = items.create_assets(s, pengurus, _chairs(), 1, today=TODAY).assets[0]
        moved = items.reclassify(s, pengurus, chair.id, LAPTOP, alasan="salah kode", today=TODAY)
    assert moved.nibar == chair.nibar
    assert moved.kode_barang == LAPTOP and moved.register == 1


def test_capitalised_repair_adds_to_the_value_and_a_write_off_keeps_the_row(
    office: AppContext, pengurus: Actor
) -> None:
    with office.db.transaction() as s:
        laptop = items.create_assets(
            s,
            pengurus,
            AssetInput(kode_barang=LAPTOP, nama="Laptop", tahun=2024, harga=15_000_000),
            today=TODAY,
        ).assets[0]
        after = items.record_maintenance(
            s,
            pengurus,
            laptop.id,
            tanggal=TODAY,
            nilai=5_000_000,
            uraian="Ganti mainboard",
            kapitalisasi=True,
        )
        assert after.harga == 20_000_000 and after.harga_perolehan == 15_000_000
        with pytest.raises(ValidationError):
            items.write_off(s, pengurus, laptop.id, tanggal=TODAY, alasan="hilang", doc=ledger.NO_DOC)
        gone = items.write_off(
            s, pengurus, laptop.id, tanggal=TODAY, alasan="hilang dicuri",
            doc=ledger.DocRef(jenis="SK", nomor="030/12/BPKAD", tanggal=TODAY),
        )  # fmt: skip
        assert gone.status == "dihapus"
        assert items.list_assets(s, pengurus, AssetFilter())[1] == 0
        with pytest.raises(ValidationError):
            items.set_condition(s, pengurus, laptop.id, 3)
    with office.db.transaction() as s:
        assert [m.jenis for m in items.history(s, pengurus, laptop.id)] == [
            "perolehan",
            "kapitalisasi",
            "hapus",
        ]


def test_land_link_must_point_at_a_kib_a_parcel(office: AppContext, pengurus: Actor) -> None:
    with office.db.transaction() as s:
        chair = items.create_assets(s, pengurus, _chairs(), 1, today=TODAY).assets[0]
        with pytest.raises(ValidationError) as caught:
            items.create_assets(
                s, pengurus,
                AssetInput(kode_barang="1.3.3.01.01.01.001", nama="Gedung Kantor", tahun=2010, harga=1,
                           tanah_id=chair.id),
                today=TODAY,
            )  # fmt: skip
    assert caught.value.field == "tanah_id"


def test_room_codes_are_unique_and_a_full_room_stays_active(office: AppContext, pengurus: Actor) -> None:
    umum = _room(office, pengurus, "R.01", "Ruang Subbag Umum")
    with office.db.transaction() as s, pytest.raises(ValidationError):
        rooms.save_room(s, pengurus, rooms.RoomData(kode="r.01", nama="Lain"))
    with office.db.transaction() as s:
        items.create_assets(s, pengurus, _chairs(ruang_id=umum), 2, today=TODAY)
    with office.db.transaction() as s, pytest.raises(ValidationError, match="2 barang"):
        rooms.save_room(
            s, pengurus, rooms.RoomData(kode="R.01", nama="Ruang Subbag Umum", aktif=False, id=umum)
        )
