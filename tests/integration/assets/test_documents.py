"""KIB, KIR, Kartu Barang and labels printed from the data (assets.md R6, R8-R15, R30, R31) on both engines."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from sqlalchemy import select

from desktop.models.admin import AuditEntry
from desktop.models.assets import AsetDokumen, AsetMutasi
from desktop.printing.assets.kib import Cancelled
from desktop.services.assets import documents, items, rooms
from desktop.services.assets.items import AssetInput
from desktop.services.assets.ledger import DocRef
from desktop.services.assets.settings import get_settings, save_settings
from desktop.services.common.errors import PermissionDenied
from desktop.services.common.permissions import Actor
from desktop.services.common.printed import Delivery
from desktop.services.system import AppContext
from tests.support import zbar

KURSI = "1.3.2.05.02.01.004"
LAPTOP = "1.3.2.10.01.02.002"
TANAH = "1.3.1.01.01.01.001"
GEDUNG = "1.3.3.01.01.01.001"
TODAY = date(2026, 3, 2)
KODE_LOKASI = "11.01.34.00.01.001.001.2024"


def _text(pdf: bytes) -> str:
    reader = PdfReader(BytesIO(pdf))
    return " ".join(" ".join((page.extract_text() or "").split()).replace("/ ", "/") for page in reader.pages)


def _pages(pdf: bytes) -> int:
    return len(PdfReader(BytesIO(pdf)).pages)


def _settings(ctx: AppContext, actor: Actor, **values: object) -> None:
    with ctx.db.transaction() as s:
        current = get_settings(s)
        save_settings(s, actor, replace(current, kode_lokasi=KODE_LOKASI, **values))  # type: ignore[arg-type]


def _room(ctx: AppContext, actor: Actor, kode: str, nama: str, pj: str = "") -> int:
    with ctx.db.transaction() as s:
        return rooms.save_room(s, actor, rooms.RoomData(kode=kode, nama=nama, pj_nama=pj)).id


def _create(ctx: AppContext, actor: Actor, jumlah: int = 1, **values: object) -> list[int]:
    with ctx.db.transaction() as s:
        result = items.create_assets(s, actor, AssetInput(**values), jumlah, today=TODAY)  # type: ignore[arg-type]
    return [a.id for a in result.assets]


def _chairs(ctx: AppContext, actor: Actor, jumlah: int = 10, **more: object) -> list[int]:
    values: dict[str, object] = dict(
        kode_barang=KURSI, nama="Kursi Kayu", tahun=2025, harga=750_000, merk_tipe="Olympic", bahan="Kayu"
    )
    values.update(more)
    return _create(ctx, actor, jumlah, **values)


def _laptop(ctx: AppContext, actor: Actor, pabrik: str, **more: object) -> int:
    values: dict[str, object] = dict(
        kode_barang=LAPTOP,
        nama="Laptop",
        tahun=2024,
        harga=15_000_000,
        merk_tipe="Lenovo ThinkPad E14",
        no_pabrik=pabrik,
    )
    values.update(more)
    return _create(ctx, actor, 1, **values)[0]


# --- KIB -----------------------------------------------------------------------------------------------------


def test_kib_b_prints_ten_chairs_on_one_register_range_and_the_grand_total(
    office: AppContext, pengurus: Actor
) -> None:
    _settings(office, pengurus)
    _chairs(office, pengurus)
    _laptop(office, pengurus, "PF3ABC12")
    _laptop(office, pengurus, "PF3ABC13")
    with office.db.transaction() as s:
        rows = documents.kib_rows(s, pengurus, "B")
        pdf = documents.kib_pdf(s, pengurus, "B", tanggal=TODAY)
    # R6: ten identical units on consecutive registers are one line; a laptop with its own number never merges.
    assert [(r.cells[0], r.cells[2], r.jumlah, r.harga) for r in rows] == [
        (KURSI, "000001 s/d 000010", 10, 7_500_000),
        (LAPTOP, "000001", 1, 15_000_000),
        (LAPTOP, "000002", 1, 15_000_000),
    ]
    text = _text(pdf)
    assert "000001 s/d 000010" in text
    assert "PF3ABC12" in text and "PF3ABC13" in text
    assert "37.500.000" in text  # 7.500.000 + 2 × 15.000.000: the grand total
    assert KODE_LOKASI in text


def test_kib_b_keeps_units_apart_when_what_the_line_shows_differs(
    office: AppContext, pengurus: Actor
) -> None:
    _chairs(office, pengurus, 3)
    _chairs(office, pengurus, 2, merk_tipe="Informa")  # registers 4-5, another merk: a line of its own
    _chairs(office, pengurus, 2, harga=800_000)  # registers 6-7, another price
    with office.db.transaction() as s:
        rows = documents.kib_rows(s, pengurus, "B")
        intra = documents.kib_rows(s, pengurus, "B", jenis="intra")
        ekstra = documents.kib_rows(s, pengurus, "B", jenis="ekstra")
    assert [r.cells[2] for r in rows] == ["000001 s/d 000003", "000004 s/d 000005", "000006 s/d 000007"]
    assert sum(r.jumlah for r in intra) + sum(r.jumlah for r in ekstra) == 7


def test_kib_in_ribuan_prints_every_value_divided_by_a_thousand(office: AppContext, pengurus: Actor) -> None:
    _chairs(office, pengurus)
    with office.db.transaction() as s:
        full = _text(documents.kib_pdf(s, pengurus, "B", tanggal=TODAY, ribuan=False))
        ribuan = _text(documents.kib_pdf(s, pengurus, "B", tanggal=TODAY, ribuan=True))
    assert "7.500.000" in full
    assert "7.500.000" not in ribuan and "7.500" in ribuan
    assert "Ribuan" in ribuan
    # The setting is the default when the caller does not say.
    _settings(office, pengurus, harga_ribuan=True)
    with office.db.transaction() as s:
        assert "7.500.000" not in _text(documents.kib_pdf(s, pengurus, "B", tanggal=TODAY))


def test_kib_a_and_c_print_their_golongan_cells_and_the_parcel_of_the_building(
    office: AppContext, pengurus: Actor
) -> None:
    _settings(office, pengurus)
    tanah = _create(
        office, pengurus, 1, kode_barang=TANAH, nama="Tanah Kantor", tahun=2010, harga=2_500_000_000,
        rincian={"luas": "1.250", "letak": "Jl. Kesuma Bangsa No. 1", "hak": "Hak Pakai",
                 "sertifikat_nomor": "SHP-0042", "sertifikat_tanggal": date(2011, 4, 5),
                 "penggunaan": "Kantor Dinas"},
    )[0]  # fmt: skip
    _create(
        office, pengurus, 1, kode_barang=GEDUNG, nama="Gedung Kantor", tahun=2012, harga=4_000_000_000,
        tanah_id=tanah, kondisi=2,
        rincian={"bertingkat": True, "beton": True, "luas_lantai": "800", "letak": "Jl. Kesuma Bangsa No. 1",
                 "dokumen_nomor": "IMB-77", "status_tanah": "Tanah milik pemda"},
    )  # fmt: skip
    with office.db.transaction() as s:
        a_rows = documents.kib_rows(s, pengurus, "A")
        c_rows = documents.kib_rows(s, pengurus, "C")
        a_text = _text(documents.kib_pdf(s, pengurus, "A", tanggal=TODAY))
        c_text = _text(documents.kib_pdf(s, pengurus, "C", tanggal=TODAY))
    assert a_rows[0].cells[3:10] == (
        "1.250", "2010", "Jl. Kesuma Bangsa No. 1", "Hak Pakai", "05-04-2011", "SHP-0042", "Kantor Dinas",
    )  # fmt: skip
    c = c_rows[0].cells
    assert c[3:7] == ("KB", "Bertingkat", "Beton", "800")  # KIB C keeps the 17/2007 letters (R23)
    assert c[12] == f"{TANAH}.000001"  # Nomor Kode Tanah: the KIB A parcel (R10)
    assert "SHP-0042" in a_text and "Hak Pakai" in a_text and "2.500.000.000" in a_text
    assert f"{TANAH}.000001" in c_text and "IMB-77" in c_text


def test_kib_is_signed_by_the_kepala_and_pengurus_of_the_settings_and_not_audited_when_built(
    office: AppContext, pengurus: Actor
) -> None:
    from desktop.models.staff import Pegawai

    names = ("Ahmad Fauzi", "Siti Rahmawati")
    with office.db.transaction() as s:
        people = [
            Pegawai(nip=nip, nama=nama, tanggal_lahir=date(1975, 1, 1), jenis_kelamin="L", status="pns",
                    jabatan=jabatan)
            for nip, nama, jabatan in (("197501012000031001", names[0], "Kepala Dinas"),
                                       ("198803152010012004", names[1], "Pengadministrasi Umum"))
        ]  # fmt: skip
        s.add_all(people)
        s.flush()
        ids = (people[0].id, people[1].id)
    _settings(office, pengurus, kepala_pegawai_id=ids[0], pengurus_pegawai_id=ids[1])
    _chairs(office, pengurus, 2)
    with office.db.transaction() as s:
        text = _text(documents.kib_pdf(s, pengurus, "B", tanggal=TODAY))
        audited = s.scalars(select(AuditEntry.summary).where(AuditEntry.entity == "kib")).all()
    assert names[0] in text and "Kepala Dinas" in text
    assert names[1] in text and "198803152010012004" in text.replace(" ", "")
    assert audited == []  # building is the preview: the print is recorded by record_kib_printed


def test_kib_reports_progress_and_a_read_only_account_may_print_it(office: AppContext, pengurus: Actor,
                                                                   pimpinan: Actor) -> None:  # fmt: skip
    _chairs(office, pengurus, 3)
    seen: list[tuple[int, int]] = []
    with office.db.transaction() as s:
        documents.kib_pdf(s, pimpinan, "B", tanggal=TODAY, progress=lambda d, t: seen.append((d, t)))
    assert seen and seen[-1][0] == seen[-1][1]
    with office.db.transaction() as s, pytest.raises(Cancelled):
        documents.kib_pdf(s, pimpinan, "B", tanggal=TODAY, cancelled=lambda: True)


# --- KIR -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("layout", ["17/2007", "47/2021"])
def test_kir_lists_the_rooms_items_counts_them_by_kondisi_and_marks_the_room_printed(
    office: AppContext, pengurus: Actor, layout: str
) -> None:
    _settings(office, pengurus)
    umum = _room(office, pengurus, "R-01", "R. Subbag Umum", pj="Rina Kartika")
    gudang = _room(office, pengurus, "R-02", "Gudang")
    chairs = _chairs(office, pengurus, 3, ruang_id=umum)
    _laptop(office, pengurus, "PF3ABC12", ruang_id=umum)
    _chairs(office, pengurus, 1, ruang_id=gudang, nama="Kursi Lipat")
    with office.db.transaction() as s:
        items.set_condition(s, pengurus, chairs[2], 2, tanggal=TODAY)
    with office.db.transaction() as s:
        assert rooms.get_room(s, pengurus, umum).kir_needs_print
        preview = documents.kir_pdf(s, pengurus, umum, layout=layout, tanggal=TODAY)
        assert rooms.get_room(s, pengurus, umum).kir_needs_print  # a preview is not a print
        printed = documents.kir_pdf(s, pengurus, umum, layout=layout, tanggal=TODAY)
        assert rooms.get_room(s, pengurus, umum).kir_needs_print  # built twice, still not printed
        documents.record_kir_printed(s, pengurus, umum, Delivery(printer="Printer Umum"), layout=layout)
    with office.db.transaction() as s:
        assert not rooms.get_room(s, pengurus, umum).kir_needs_print
        assert rooms.get_room(s, pengurus, gudang).kir_needs_print
        infos = items.get_assets(s, pengurus, chairs)
    text = _text(printed)
    assert "Kursi Kayu" in _text(preview)
    assert "Kursi Kayu" in text and "Laptop" in text and "Kursi Lipat" not in text
    assert "Rina Kartika" in text
    if layout == "17/2007":
        assert "000001 s/d 000003" in text
        assert "Baik (B) 3, Kurang Baik (KB) 1, Rusak Berat (RB) 0" in text
    else:
        assert all(info.nibar in text for info in infos)  # 47/2021: one row per item with its NIBAR
        assert "Baik (B) 3, Rusak Ringan (RR) 1, Rusak Berat (RB) 0" in text


def test_kir_lines_merge_only_for_the_17_2007_layout(office: AppContext, pengurus: Actor) -> None:
    umum = _room(office, pengurus, "R-01", "R. Subbag Umum")
    chairs = _chairs(office, pengurus, 4, ruang_id=umum)
    with office.db.transaction() as s:
        items.set_condition(s, pengurus, chairs[0], 3, tanggal=TODAY)
    with office.db.transaction() as s:
        merged = documents.kir_lines(s, pengurus, umum, merged=True)
        single = documents.kir_lines(s, pengurus, umum, merged=False)
        posted = _text(documents.kir_pdf(s, pengurus, umum, posted=True, tanggal=TODAY))
    assert [(ln.register, ln.jumlah, ln.baik, ln.rusak_berat) for ln in merged] == [
        ("000001 s/d 000004", 4, 3, 1)
    ]
    assert [ln.register for ln in single] == ["000001", "000002", "000003", "000004"]
    assert "DAFTAR BARANG RUANGAN" in posted and "000001 s/d 000004" in posted


# --- Kartu Barang --------------------------------------------------------------------------------------------


def test_kartu_barang_lists_the_mutations_in_order_in_words(office: AppContext, pengurus: Actor) -> None:
    umum = _room(office, pengurus, "R-01", "R. Subbag Umum")
    kadis = _room(office, pengurus, "R-02", "R. Kepala Dinas")
    laptop = _laptop(office, pengurus, "PF3ABC12", ruang_id=umum)
    with office.db.transaction() as s:
        items.move_to_room(s, pengurus, [laptop], kadis, tanggal=date(2026, 3, 3))
    with office.db.transaction() as s:
        items.set_condition(s, pengurus, laptop, 2, tanggal=date(2026, 3, 4), keterangan="Engsel retak")
    with office.db.transaction() as s:
        items.record_maintenance(s, pengurus, laptop, tanggal=date(2026, 3, 2), nilai=5_000_000,
                                 uraian="Ganti layar", kapitalisasi=True)  # fmt: skip
    with office.db.transaction() as s:
        text = _text(documents.kartu_barang_pdf(s, pengurus, laptop, tanggal=TODAY))
    order = [text.index(w) for w in ("Perolehan", "Pindah ruang", "Perubahan kondisi", "Kapitalisasi")]
    assert order == sorted(order)
    assert "R. Subbag Umum → R. Kepala Dinas" in text
    assert "Baik → Rusak Ringan" in text and "Engsel retak" in text
    assert "Rp 15.000.000 → Rp 20.000.000" in text
    assert "ruang_id" not in text and "kondisi:" not in text


# --- labels --------------------------------------------------------------------------------------------------


def test_labels_record_a_mutation_per_item_and_mark_a_batch_of_reprints(
    office: AppContext, pengurus: Actor
) -> None:
    _settings(office, pengurus)
    chairs = _chairs(office, pengurus, 3)
    with office.db.transaction() as s:
        first = documents.label_batch(s, pengurus, chairs[:2])
    with office.db.transaction() as s:
        mixed = documents.label_batch(s, pengurus, chairs)  # two reprints, one new
    with office.db.transaction() as s:
        again = documents.label_batch(s, pengurus, chairs[:1], layout="thermal_50x25")
        history = items.history(s, pengurus, chairs[0])
        labels = s.scalars(select(AsetMutasi).where(AsetMutasi.jenis == "label")).all()
    assert (first.count, first.reprints, mixed.reprints, again.reprints) == (2, 0, 2, 1)
    assert _pages(first.pdf) == 1 and _pages(again.pdf) == 1
    assert len(labels) == 2 + 3 + 1
    assert [m.keterangan for m in history if m.jenis == "label"] == [
        "Label dicetak", "Label dicetak ulang (cetakan ke-2)", "Label dicetak ulang (cetakan ke-3)",
    ]  # fmt: skip
    # The mark is per sheet: only a batch of reprints carries it, a new item never goes out marked.
    assert "cetak ulang" not in _text(first.pdf)
    assert "cetak ulang" not in _text(mixed.pdf)
    assert "cetak ulang" in _text(again.pdf)


def test_a_preview_records_nothing_and_a_read_only_account_cannot_record(
    office: AppContext, pengurus: Actor, pimpinan: Actor
) -> None:
    chairs = _chairs(office, pengurus, 2)
    with office.db.transaction() as s:
        pdf = documents.labels_pdf(s, pimpinan, chairs, record=False)
        with pytest.raises(PermissionDenied):
            documents.labels_pdf(s, pimpinan, chairs)
        assert not s.scalars(select(AsetMutasi).where(AsetMutasi.jenis == "label")).all()
    assert _pages(pdf) == 1


@pytest.mark.skipif(zbar.TOOLS_MISSING, reason=zbar.SKIP_REASON)
def test_the_qr_of_a_printed_label_decodes_to_the_items_full_id(
    office: AppContext, pengurus: Actor, tmp_path: Path
) -> None:
    _settings(office, pengurus)
    laptop = _laptop(office, pengurus, "PF3ABC12")
    with office.db.transaction() as s:
        pdf = documents.labels_pdf(s, pengurus, [laptop], start_position=5)
        info = items.get_asset(s, pengurus, laptop)
    (page,) = zbar.render_pages(pdf, tmp_path)
    px = 300 / 25.4  # cell 5 of a 3 × 8 sheet of 70 × 37 mm: row 2, column 2
    crop = tmp_path / "cell.png"
    Image.open(page).crop((round(70 * px), round(37.5 * px), round(140 * px), round(74.5 * px))).save(crop)
    assert info.full_id == f"{KODE_LOKASI}.{LAPTOP}.000001"
    assert zbar.decode(crop) == [info.full_id]


def test_label_batches_per_room_and_per_bast(office: AppContext, pengurus: Actor) -> None:
    umum = _room(office, pengurus, "R-01", "R. Subbag Umum")
    in_room = _chairs(office, pengurus, 2, ruang_id=umum)
    with office.db.transaction() as s:
        bast = AsetDokumen(jenis="penerimaan", status="final", nomor="000.2.3.2/1/2026", tanggal=TODAY)
        s.add(bast)
        s.flush()
        bast_id = bast.id
        doc = DocRef(jenis="BAST", nomor=bast.nomor, tanggal=TODAY, dokumen_id=bast_id)
        received = [
            a.id
            for a in items.create_assets(
                s, pengurus, AssetInput(kode_barang=LAPTOP, nama="Laptop", tahun=2026, harga=15_000_000), 2,
                doc=doc, today=TODAY,
            ).assets
        ]  # fmt: skip
    with office.db.transaction() as s:
        assert documents.label_ids_for_room(s, pengurus, umum) == in_room
        assert documents.label_ids_for_bast(s, pengurus, bast_id) == received
