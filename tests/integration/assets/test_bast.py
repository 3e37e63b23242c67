"""BAST through the services (assets.md B7, R16-R18, R28-R29): draft → printed (numbered) → final, on both
engines: the items move in the finalising transaction, and a final BAST is never edited or cancelled."""

from __future__ import annotations

import io
import os
import sys
import time
from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from desktop.models.assets import Aset, AsetMutasi
from desktop.models.letters import OutgoingLetter
from desktop.models.staff import Pegawai
from desktop.printing import spool
from desktop.printing.assets.bast import DRAFT_MARK, REPRINT_MARK
from desktop.services.assets import bast, items, rooms
from desktop.services.assets.bast import BastFilter, BastInput, NewGoodsLine
from desktop.services.assets.items import AssetInput
from desktop.services.assets.ledger import DocRef
from desktop.services.assets.settings import get_settings, save_settings
from desktop.services.common.errors import PermissionDenied, ValidationError
from desktop.services.common.permissions import Actor
from desktop.services.system import AppContext
from tests.support.cups import TEST_QUEUE, unavailable_reason, wait_for_pdf

TODAY = date(2026, 3, 2)  # a Monday: the date line of the worked example (R16)
DATE_LINE = "Pada hari ini Senin tanggal dua bulan Maret tahun dua ribu dua puluh enam"
LAPTOP = "1.3.2.10.01.02.002"
KURSI = "1.3.2.05.02.01.004"
FIRST_NUMBER = "000.2.3.2/1/DP2KUKM/2026"  # KKA of the settings, the office's unit code (R28)


def _pegawai(ctx: AppContext, nama: str, nip: str, jabatan: str, **kw: str) -> int:
    with ctx.db.transaction() as s:
        row = Pegawai(
            nip=nip, nama=nama, jabatan=jabatan, tanggal_lahir=date(1982, 8, 17), jenis_kelamin="P",
            status="pns", **kw,
        )  # fmt: skip
        s.add(row)
        s.flush()
        return row.id


class Office:
    """The demo office with three pegawai, two rooms and two laptops in the first room."""

    def __init__(self, ctx: AppContext, pengurus: Actor) -> None:
        self.ctx, self.actor = ctx, pengurus
        self.pengurus = _pegawai(
            ctx, "Yohanes Lado", "198001012006041001", "Pengurus Barang", gelar_belakang="S.E."
        )
        self.rina = _pegawai(
            ctx, "Rina Kartika", "198208172009022004", "Kepala Sub Bagian Umum", gelar_depan="Dra.",
            gelar_belakang="M.Si.",
        )  # fmt: skip
        self.andi = _pegawai(ctx, "Andi Pratama", "199003152015031002", "Analis Perencanaan")
        with ctx.db.transaction() as s:
            self.gudang = rooms.save_room(s, pengurus, rooms.RoomData(kode="GDG", nama="Gudang")).id
            self.umum = rooms.save_room(s, pengurus, rooms.RoomData(kode="R.01", nama="R. Subbag Umum")).id
            made = items.create_assets(
                s, pengurus,
                AssetInput(kode_barang=LAPTOP, nama="Laptop", tahun=2024, harga=15_000_000,
                           merk_tipe="Lenovo ThinkPad E14", ruang_id=self.gudang),
                2, today=TODAY,
            ).assets  # fmt: skip
        self.laptops = [a.id for a in made]

    def draft(self, jenis: str = "penyerahan", **kw: object) -> bast.BastInfo:
        values: dict[str, object] = {
            "jenis": jenis, "tanggal": TODAY, "pihak1_pegawai_id": self.pengurus, "pihak2_pegawai_id": self.rina,
            "tujuan_ruang_id": self.umum, "tujuan_unit": "Sub Bagian Umum", "aset_ids": tuple(self.laptops),
        }  # fmt: skip
        values.update(kw)
        bast_id = values.pop("bast_id", None)
        with self.ctx.db.transaction() as s:
            return bast.save_draft(s, self.actor, BastInput(**values), bast_id, today=TODAY)  # type: ignore[arg-type]

    def print(self, bast_id: int, actor: Actor | None = None) -> bytes:
        with self.ctx.db.transaction() as s:
            return bast.render_pdf(s, actor or self.actor, bast_id, mark_printed=True)

    def preview(self, bast_id: int) -> bytes:
        with self.ctx.db.transaction() as s:
            return bast.render_pdf(s, self.actor, bast_id, mark_printed=False)

    def finalise(self, bast_id: int) -> bast.BastInfo:
        with self.ctx.db.transaction() as s:
            return bast.finalise(s, self.actor, bast_id, today=TODAY)

    def get(self, bast_id: int) -> bast.BastInfo:
        with self.ctx.db.transaction() as s:
            return bast.get_bast(s, self.actor, bast_id)

    def asset(self, aset_id: int) -> items.AssetInfo:
        with self.ctx.db.transaction() as s:
            return items.get_asset(s, self.actor, aset_id)

    def mutations(self, jenis: str) -> list[AsetMutasi]:
        with self.ctx.db.transaction() as s:
            rows = s.scalars(
                select(AsetMutasi).where(AsetMutasi.jenis == jenis).order_by(AsetMutasi.id)
            ).all()
            s.expunge_all()
            return list(rows)


@pytest.fixture
def o(office: AppContext, pengurus: Actor) -> Office:
    return Office(office, pengurus)


def _text(pdf: bytes) -> str:
    """The PDF's text with whitespace squashed (cells and lines wrap anywhere)."""
    return " ".join(" ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages).split())


def _flat(text: str) -> str:
    return "".join(text.split())


def test_drafted_printed_and_finalised_the_items_change_holder_and_room(o: Office) -> None:
    draft = o.draft()
    assert (draft.status, draft.nomor) == ("draft", "")
    assert draft.pihak2.nama == "Dra. Rina Kartika, M.Si."  # snapshotted with gelar (R16)
    assert (draft.pihak2.nip, draft.pihak2.jabatan) == ("198208172009022004", "Kepala Sub Bagian Umum")
    assert draft.mengetahui is not None and draft.mengetahui.nama  # the office's signatory for BAST
    assert [line.register_text for line in draft.lines] == ["000001", "000002"]
    assert draft.total_nilai == 30_000_000

    preview = _text(o.preview(draft.id))
    assert DRAFT_MARK in preview and FIRST_NUMBER not in preview
    with o.ctx.db.transaction() as s:
        assert s.scalar(select(OutgoingLetter.id)) is None  # a preview takes no number

    printed = o.print(draft.id)
    info = o.get(draft.id)
    assert (info.status, info.nomor, info.cetak_count) == ("dicetak", FIRST_NUMBER, 1)
    text = _text(printed)
    assert _flat(DATE_LINE) in _flat(text)
    for expected in (
        "Dra. Rina Kartika, M.Si.",
        "Yohanes Lado, S.E.",
        "Laptop",
        "000001",
        "000002",
        FIRST_NUMBER,
    ):
        assert _flat(expected) in _flat(text), expected
    assert REPRINT_MARK not in text and DRAFT_MARK not in text
    with o.ctx.db.transaction() as s:
        agenda = s.get(OutgoingLetter, info.surat_keluar_id)
        assert agenda is not None
        assert (agenda.nomor_surat, agenda.tujuan, agenda.status) == (
            FIRST_NUMBER,
            info.pihak2.nama,
            "ditandatangani",
        )
        assert agenda.kode_klasifikasi == "000.2.3.2" and "Berita Acara Serah Terima" in agenda.perihal

    # Not moved until final: printing only numbers the paper.
    assert o.asset(o.laptops[0]).pemegang_pegawai_id is None
    final = o.finalise(draft.id)
    assert final.status == "final" and final.final_at is not None
    for aset_id in o.laptops:
        item = o.asset(aset_id)
        assert (item.pemegang_pegawai_id, item.pemegang_nama) == (o.rina, "Dra. Rina Kartika, M.Si.")
        assert (item.ruang_id, item.unit) == (o.umum, "Sub Bagian Umum")
    serah = o.mutations("serah")
    assert [m.aset_id for m in serah] == o.laptops
    assert {(m.dokumen_id, m.dokumen_jenis, m.dokumen_nomor) for m in serah} == {
        (draft.id, "BAST", FIRST_NUMBER)
    }

    again = _text(o.print(draft.id))  # a reprint keeps the number and says so
    assert REPRINT_MARK in again and FIRST_NUMBER in again
    assert o.get(draft.id).cetak_count == 2
    with o.ctx.db.transaction() as s:
        assert len(s.scalars(select(OutgoingLetter.id)).all()) == 1  # one number, however often printed

    # R29: a final BAST is never edited nor cancelled.
    with pytest.raises(ValidationError, match="BAST baru"):
        o.draft(bast_id=draft.id, tujuan_unit="Bidang Lain")
    with pytest.raises(ValidationError, match="final"), o.ctx.db.transaction() as s:
        bast.cancel(s, o.actor, draft.id, "salah ketik")
    with pytest.raises(ValidationError, match="final"):
        o.finalise(draft.id)
    assert o.get(draft.id).tujuan_unit == "Sub Bagian Umum"


def test_an_item_written_off_before_finalising_leaves_every_item_as_it_was(o: Office) -> None:
    draft = o.draft()
    o.print(draft.id)
    with o.ctx.db.transaction() as s:
        items.write_off(s, o.actor, o.laptops[1], tanggal=TODAY, alasan="Hilang",
                        doc=DocRef(jenis="SK", nomor="SK-01/2026"))  # fmt: skip
    with pytest.raises(ValidationError, match="sudah dihapus"):
        o.finalise(draft.id)
    first = o.asset(o.laptops[0])
    assert (first.pemegang_pegawai_id, first.pemegang_nama, first.ruang_id) == (None, "", o.gudang)
    assert o.mutations("serah") == []
    assert o.get(draft.id).status == "dicetak"
    with pytest.raises(ValidationError, match="sudah dihapus"):
        o.draft(aset_ids=(o.laptops[1],))  # never on a new BAST either


def test_a_held_item_is_returned_before_it_is_handed_over_again(o: Office) -> None:
    first = o.draft(aset_ids=(o.laptops[0],))
    o.print(first.id)
    o.finalise(first.id)
    with pytest.raises(ValidationError) as err:
        o.draft(pihak2_pegawai_id=o.andi, aset_ids=(o.laptops[0],))
    assert (
        "Rina Kartika" in str(err.value)
        and FIRST_NUMBER in str(err.value)
        and "pengembalian" in str(err.value)
    )
    with pytest.raises(ValidationError, match="tidak sedang dipegang"):
        o.draft("pengembalian", pihak2_pegawai_id=o.andi, aset_ids=(o.laptops[1],))

    # R17: the pengembalian runs the other way; with it open, the next handover may be drafted, not printed.
    back = o.draft("pengembalian", aset_ids=(o.laptops[0],), tujuan_ruang_id=o.gudang, tujuan_unit="")
    handover = o.draft(pihak2_pegawai_id=o.andi, aset_ids=(o.laptops[0],))
    with pytest.raises(ValidationError, match="masih dipegang"):
        o.print(handover.id)
    assert o.get(handover.id).status == "draft"
    o.print(back.id)
    o.finalise(back.id)
    item = o.asset(o.laptops[0])
    assert (item.pemegang_pegawai_id, item.pemegang_nama, item.unit, item.ruang_id) == (
        None,
        "",
        "",
        o.gudang,
    )
    assert [m.dokumen_id for m in o.mutations("kembali")] == [back.id]
    o.print(handover.id)
    o.finalise(handover.id)
    assert o.asset(o.laptops[0]).pemegang_pegawai_id == o.andi


def test_a_pengamanan_keeps_the_room_and_prints_the_kelengkapan(o: Office) -> None:
    kelengkapan = (("Nomor Polisi", "KT 1234 AB"), ("Kunci", "2 buah"), ("STNK", "ada"))
    draft = o.draft("pengamanan", aset_ids=(o.laptops[0],), tujuan_ruang_id=None, tujuan_unit="",
                    kelengkapan=kelengkapan)  # fmt: skip
    assert draft.kelengkapan == kelengkapan
    text = _text(o.print(draft.id))
    assert "KT 1234 AB" in text and "PENGAMANAN" in text
    o.finalise(draft.id)
    item = o.asset(o.laptops[0])
    assert (item.pemegang_pegawai_id, item.ruang_id) == (o.rina, o.gudang)
    assert [m.jenis for m in o.mutations("pengamanan")] == ["pengamanan"]


def test_penerimaan_records_the_new_goods_with_consecutive_registers(o: Office) -> None:
    lines = (
        NewGoodsLine(kode_barang=KURSI, nama="Kursi Kayu", tahun=2026, jumlah=10, harga_satuan=750_000,
                     merk_tipe="Olympic", spesifikasi="Kayu jati, sandaran"),
        NewGoodsLine(kode_barang=LAPTOP, nama="Laptop", tahun=2026, jumlah=1, harga_satuan=15_000_000,
                     merk_tipe="Asus"),
    )  # fmt: skip
    draft = o.draft(
        "penerimaan", pihak1_pegawai_id=None, pihak1_nama="Budi Hartono", pihak1_jabatan="Direktur CV Maju Jaya",
        pihak2_pegawai_id=o.pengurus, aset_ids=(), barang_baru=lines, tujuan_ruang_id=o.gudang, tujuan_unit="",
        dasar_jenis="BA Pemeriksaan", dasar_nomor="027/BAP/2026", dasar_tanggal=date(2026, 2, 27),
        penyedia="CV Maju Jaya",
    )  # fmt: skip
    assert (draft.pihak1.nama, draft.pihak1.nip, draft.pihak1.pegawai_id) == ("Budi Hartono", "", None)
    assert draft.lines[0].spesifikasi == "Kayu jati, sandaran" and draft.lines[0].harga_satuan == 750_000
    assert draft.total_nilai == 22_500_000
    text = _text(o.print(draft.id))
    assert "027/BAP/2026" in text and "Budi Hartono" in text
    nomor = o.get(draft.id).nomor
    final = o.finalise(draft.id)
    with o.ctx.db.transaction() as s:
        chairs = s.scalars(select(Aset).where(Aset.kode_barang == KURSI).order_by(Aset.register)).all()
        assert [a.register for a in chairs] == list(range(1, 11))
        assert {(a.dasar_jenis, a.dasar_nomor, a.ruang_id, a.spesifikasi) for a in chairs} == {
            ("BAST", nomor, o.gudang, "Kayu jati, sandaran")
        }
        laptop = s.scalars(select(Aset).where(Aset.kode_barang == LAPTOP, Aset.merk_tipe == "Asus")).one()
        assert laptop.register == 3  # after the two laptops already recorded
        perolehan = s.scalars(
            select(AsetMutasi).where(AsetMutasi.jenis == "perolehan", AsetMutasi.dokumen_id == draft.id)
        ).all()
        assert len(perolehan) == 11 and {m.dokumen_nomor for m in perolehan} == {nomor}
    assert [line.register_text for line in final.lines] == ["000001 s/d 000010", "000003"]
    assert [line.aset_id for line in final.lines] == [None, laptop.id]  # a single unit is linked to its line


def test_cancel_keeps_the_number_in_the_book_and_it_is_never_given_again(o: Office) -> None:
    wrong = o.draft(aset_ids=(o.laptops[0],))
    o.print(wrong.id)
    with o.ctx.db.transaction() as s:
        cancelled = bast.cancel(s, o.actor, wrong.id, "Pihak kedua salah")
    assert (cancelled.status, cancelled.nomor) == ("batal", FIRST_NUMBER)
    with o.ctx.db.transaction() as s:
        agenda = s.get(OutgoingLetter, wrong.surat_keluar_id or cancelled.surat_keluar_id)
        assert agenda is not None and agenda.status == "batal" and "Pihak kedua salah" in agenda.batal_alasan
    with pytest.raises(ValidationError, match="batal"):
        o.print(wrong.id)
    right = o.draft(pihak2_pegawai_id=o.andi, aset_ids=(o.laptops[0],))
    o.print(right.id)
    assert o.get(right.id).nomor == "000.2.3.2/2/DP2KUKM/2026"
    unnumbered = o.draft(aset_ids=(o.laptops[1],))
    with o.ctx.db.transaction() as s:
        assert bast.cancel(s, o.actor, unnumbered.id, "Tidak jadi").nomor == ""
        with pytest.raises(ValidationError, match="Alasan"):
            bast.cancel(s, o.actor, right.id, "  ")


def test_a_printed_bast_can_still_be_corrected_before_it_is_final(o: Office) -> None:
    draft = o.draft()
    o.print(draft.id)
    fixed = o.draft(bast_id=draft.id, aset_ids=(o.laptops[0],), tujuan_unit="Bidang UMKM")
    assert (fixed.nomor, fixed.status, len(fixed.lines)) == (FIRST_NUMBER, "dicetak", 1)
    assert REPRINT_MARK in _text(o.print(draft.id))  # the corrected paper is told apart from the first
    with pytest.raises(ValidationError, match="jenis"):
        o.draft("pengamanan", bast_id=draft.id)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"aset_ids": ()}, "barang"),
        ({"pihak2_pegawai_id": None}, "pihak2"),
        ({"pihak1_pegawai_id": None, "pihak1_nama": "Orang Luar", "pihak1_nip": "1234"}, "pihak1"),
        ({"pihak2_pegawai_id": "pengurus"}, "pihak2"),
        ({"jenis": "hibah"}, "jenis"),
        ({"kertas": "A5"}, "kertas"),
        ({"rangkap": 0}, "rangkap"),
        ({"kelengkapan": (("", "KT 1"),)}, "kelengkapan"),
        ({"barang_baru": (NewGoodsLine(kode_barang=KURSI, nama="Kursi", tahun=2026),)}, "barang_baru"),
        ({"tanggal": date(2026, 6, 1)}, "tanggal"),
    ],
)
def test_what_a_bast_cannot_be_is_refused_with_its_field(
    o: Office, changes: dict[str, object], field: str
) -> None:
    if changes.get("pihak2_pegawai_id") == "pengurus":
        changes = {"pihak2_pegawai_id": o.pengurus}
    with pytest.raises(ValidationError) as err:
        o.draft(**changes)
    assert err.value.field == field
    with o.ctx.db.transaction() as s:
        assert bast.list_bast(s, o.actor)[1] == 0


def test_an_item_listed_twice_is_refused(o: Office) -> None:
    with pytest.raises(ValidationError, match="dua kali"):
        o.draft(aset_ids=(o.laptops[0], o.laptops[0]))


def test_permissions_write_print_and_view(o: Office, pimpinan: Actor) -> None:
    draft = o.draft()
    with pytest.raises(PermissionDenied), o.ctx.db.transaction() as s:
        bast.save_draft(s, pimpinan, BastInput(jenis="penyerahan", tanggal=TODAY), today=TODAY)
    with pytest.raises(PermissionDenied):
        o.print(draft.id, pimpinan)  # numbering a draft is the pengurus barang's
    with o.ctx.db.transaction() as s:
        assert DRAFT_MARK in _text(bast.render_pdf(s, pimpinan, draft.id, mark_printed=False))
        assert bast.get_bast(s, pimpinan, draft.id).id == draft.id
    o.print(draft.id)
    assert REPRINT_MARK in _text(o.print(draft.id, pimpinan))  # anyone who may print reprints
    with pytest.raises(PermissionDenied), o.ctx.db.transaction() as s:
        bast.finalise(s, pimpinan, draft.id, today=TODAY)


def test_the_list_filters_by_status_jenis_and_words(o: Office) -> None:
    first = o.draft(aset_ids=(o.laptops[0],))
    o.print(first.id)
    o.draft("pengamanan", pihak2_pegawai_id=o.andi, aset_ids=(o.laptops[1],), keterangan="Dinas luar")
    with o.ctx.db.transaction() as s:
        rows, total = bast.list_bast(s, o.actor)
        assert total == 2 and {r.status for r in rows} == {"draft", "dicetak"}
        assert [r.id for r in bast.list_bast(s, o.actor, BastFilter(status="dicetak"))[0]] == [first.id]
        assert [r.pihak2_nama for r in bast.list_bast(s, o.actor, BastFilter(jenis="pengamanan"))[0]] == [
            "Andi Pratama"
        ]
        assert bast.list_bast(s, o.actor, BastFilter(text="rina kartika"))[1] == 1
        assert bast.list_bast(s, o.actor, BastFilter(text="DP2KUKM"))[1] == 1
        found = bast.list_bast(s, o.actor, BastFilter(text="dinas luar"))[0]
        assert [(r.jumlah_barang, r.total_nilai) for r in found] == [(1, 15_000_000)]


def test_settings_choose_the_mengetahui_the_copies_and_the_paper(o: Office) -> None:
    with o.ctx.db.transaction() as s:
        current = get_settings(s)
        save_settings(
            s, o.actor, replace(current, kepala_pegawai_id=o.andi, bast_rangkap=3, bast_kertas="F4")
        )
    draft = o.draft()
    assert draft.mengetahui is not None and draft.mengetahui.nama == "Andi Pratama"
    assert (draft.rangkap, draft.kertas) == (3, "F4")
    with o.ctx.db.transaction() as s:
        job = bast.send_to_printer(s, o.actor, draft.id, "Printer_Uji")
    assert (job.copies, job.media, job.printer) == (3, "Custom.215x330mm", "Printer_Uji")
    assert job.pdf.startswith(b"%PDF") and FIRST_NUMBER in job.title
    page = PdfReader(io.BytesIO(job.pdf)).pages[0]
    assert round(float(page.mediabox.height) / 72 * 25.4) == 330  # F4
    assert "rangkap 3 (tiga)" in _text(job.pdf)


def test_a_failure_in_the_middle_of_finalising_rolls_back_every_item(
    o: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft = o.draft()
    o.print(draft.id)
    real = items.set_holder
    calls: list[int] = []

    def second_fails(*args: Any, **kw: Any) -> None:
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("the disk filled up after the first item")
        real(*args, **kw)

    monkeypatch.setattr(items, "set_holder", second_fails)
    with pytest.raises(RuntimeError):
        o.finalise(draft.id)
    assert len(calls) == 2  # the first item had been changed in the transaction
    first = o.asset(o.laptops[0])
    assert (first.pemegang_pegawai_id, first.ruang_id, first.unit) == (None, o.gudang, "")
    assert o.mutations("serah") == [] and o.get(draft.id).status == "dicetak"


@pytest.mark.skipif(sys.platform == "win32", reason="straight printing goes through CUPS")
def test_a_job_the_printer_refuses_leaves_the_bast_unnumbered(o: Office) -> None:
    draft = o.draft()
    with pytest.raises(spool.PrinterError), o.ctx.db.transaction() as s:
        job = bast.send_to_printer(s, o.actor, draft.id, "Printer_Yang_Tidak_Ada")
        spool.send_pdf(job.pdf, job.printer, title=job.title, copies=job.copies, media=job.media)
    info = o.get(draft.id)
    assert (info.status, info.nomor, info.cetak_count) == ("draft", "", 0)
    assert o.draft(bast_id=draft.id).status == "draft"  # still a draft, still editable
    o.print(draft.id)
    assert o.get(draft.id).nomor == FIRST_NUMBER  # the refused job's number was never taken


@pytest.fixture
def cups_queue() -> str:
    reason = unavailable_reason()
    if reason is not None:
        if os.environ.get("SEKRETARIAT_REQUIRE_CUPS") == "1":
            pytest.fail(f"{reason} (SEKRETARIAT_REQUIRE_CUPS=1)")
        pytest.skip(reason)
    return TEST_QUEUE


@pytest.mark.cups
def test_printed_straight_to_the_cups_queue_on_its_paper(o: Office, cups_queue: str) -> None:
    draft = o.draft(rangkap=2)
    since = time.time()
    with o.ctx.db.transaction() as s:
        job = bast.send_to_printer(s, o.actor, draft.id, cups_queue)
        assert spool.send_pdf(job.pdf, job.printer, title=job.title, copies=job.copies, media=job.media)
    sent = _text(job.pdf)  # what went to the spooler carries the date line, both parties and the items
    for expected in (DATE_LINE, FIRST_NUMBER, "Dra. Rina Kartika, M.Si.", "Yohanes Lado, S.E.", "Laptop"):
        assert _flat(expected) in _flat(sent), expected
    out = wait_for_pdf(since, timeout=90, name_contains="BAST")
    try:
        reader = PdfReader(out)
        assert len(reader.pages) == len(PdfReader(io.BytesIO(job.pdf)).pages)
        for page in reader.pages:  # A4 portrait kept
            assert abs(float(page.mediabox.width) - 595) <= 3 and abs(float(page.mediabox.height) - 842) <= 3
        # The CUPS chain (ps2write) may turn a page with the kop's transparent logo into an image; the
        # pages it keeps as text carry the number in their footer.
        texts = [page.extract_text() or "" for page in reader.pages]
        assert any(texts) and all(_flat(FIRST_NUMBER) in _flat(t) for t in texts if t.strip())
    finally:
        out.unlink(missing_ok=True)
    assert o.get(draft.id).status == "dicetak"
