"""The BAST page as the pengurus barang uses it: draft in the editor, print straight to a CUPS queue (the number
is taken then), finalise (the items move), cancel with a reason; a final BAST opens read-only."""

from __future__ import annotations

import io
import os
import time
from dataclasses import replace
from datetime import date

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from desktop.models.staff import Pegawai
from desktop.printing.sample_logo import sample_logo_png
from desktop.services.assets import bast, items, rooms
from desktop.services.assets.items import AssetInput
from desktop.services.common import office
from desktop.services.system import AppContext
from desktop.ui import dialogs
from desktop.ui.assets import bast_editor
from desktop.ui.assets.bast_editor import BastEditor, PrinterDialog
from desktop.ui.assets.bast_panel import BastPanel
from desktop.ui.context import UiContext
from tests.support.cups import TEST_QUEUE, unavailable_reason, wait_for_pdf
from tests.ui.office import demo_actor

TODAY = date(2026, 3, 2)
DATE_LINE = "Pada hari ini Senin tanggal dua bulan Maret tahun dua ribu dua puluh enam"
LAPTOP = "1.3.2.10.01.02.002"


def _pegawai(ctx: AppContext, nama: str, nip: str, jabatan: str, **kw: str) -> int:
    with ctx.db.transaction() as s:
        row = Pegawai(nip=nip, nama=nama, jabatan=jabatan, tanggal_lahir=date(1982, 8, 17), jenis_kelamin="P",
                      status="pns", **kw)  # fmt: skip
        s.add(row)
        s.flush()
        return row.id


@pytest.fixture(autouse=True)
def answer_yes(monkeypatch):  # type: ignore[no-untyped-def]
    """Every question is answered "yes" unless a test listens to it (closing a changed editor asks)."""
    monkeypatch.setattr(dialogs, "confirm", lambda *_a, **_k: True)


class Goods:
    """Two pegawai and two laptops in the Gudang (room R.03 of the fixture)."""

    def __init__(self, ui: UiContext) -> None:
        ctx = ui.app
        self.pengurus = _pegawai(ctx, "Yohanes Lado", "198001012006041001", "Pengurus Barang",
                                 gelar_belakang="S.E.")  # fmt: skip
        self.rina = _pegawai(ctx, "Rina Kartika", "198208172009022004", "Kepala Sub Bagian Umum",
                             gelar_depan="Dra.", gelar_belakang="M.Si.")  # fmt: skip
        by_kode = {r.kode: r.id for r in ui.query(rooms.list_rooms)}
        self.gudang, self.umum = by_kode["R.03"], by_kode["R.01"]
        with ctx.db.transaction() as s:
            made = items.create_assets(
                s, ui.actor,
                AssetInput(kode_barang=LAPTOP, nama="Laptop", tahun=2024, harga=15_000_000,
                           merk_tipe="Lenovo ThinkPad E14", ruang_id=self.gudang),
                2, today=TODAY,
            ).assets  # fmt: skip
        self.laptops = made


def _fill(qtbot, editor: BastEditor, goods: Goods) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(editor.pihak1.combo.lineEdit(), "Yohanes")
    qtbot.keyClicks(editor.pihak2.combo.lineEdit(), "Rina Kartika")
    editor.tujuan_ruang.setCurrentIndex(editor.tujuan_ruang.findData(goods.umum))
    qtbot.keyClicks(editor.tujuan_unit, "Sub Bagian Umum")
    for laptop in goods.laptops:
        qtbot.keyClicks(editor.scan, laptop.kode_register)
        qtbot.keyClick(editor.scan, Qt.Key.Key_Return)


def _answer_printer(queue: str) -> None:
    """Pick ``queue`` in the printer dialog as soon as it opens, and press Cetak."""

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PrinterDialog):
            QTimer.singleShot(20, poll)
            return
        dialog.printer.setCurrentText(queue)
        dialog.ok_button.click()

    QTimer.singleShot(0, poll)


def _opaque_logo(ctx: AppContext) -> None:
    """The demo logo flattened onto white. CUPS's PostScript step turns a page with a see-through image into
    one picture, which prints the same but leaves no text to read back; an opaque logo keeps the text."""
    from PIL import Image

    with Image.open(io.BytesIO(sample_logo_png())) as image:
        flat = Image.new("RGB", image.size, "white")
        flat.paste(image, mask=image.getchannel("A"))
        out = io.BytesIO()
        flat.save(out, "PNG")
    admin = demo_actor(ctx, "admin")
    with ctx.db.transaction() as s:
        profile = office.get_profile(s)
        office.save_profile(s, admin, replace(profile, logo_png=out.getvalue()))


def test_a_bast_drafted_printed_to_cups_and_finalised_moves_the_items(qtbot, pengurus, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    reason = unavailable_reason()
    if reason is not None:
        if os.environ.get("SEKRETARIAT_REQUIRE_CUPS") == "1":
            pytest.fail(f"{reason} (SEKRETARIAT_REQUIRE_CUPS=1)")
        pytest.skip(reason)
    goods = Goods(pengurus)
    _opaque_logo(pengurus.app)
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda _p, _t, text, **_k: asked.append(text) or True)
    panel = BastPanel(pengurus)
    qtbot.addWidget(panel)
    editor = panel.new_bast()
    _fill(qtbot, editor, goods)
    assert editor.table.rowCount() == 2
    assert "30.000.000" in editor.total_label.text()

    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Simpan draf
    assert editor.info is not None and editor.info.status == "draft", editor.summary.text()
    assert panel.model.total == 1 and panel.model.rows[0].nomor == ""

    _answer_printer(TEST_QUEUE)
    since = time.time()
    qtbot.mouseClick(editor.print_button, Qt.MouseButton.LeftButton)
    assert editor.info.status == "dicetak", editor.summary.text()
    assert editor.info.nomor.startswith("000.2.3.2/")
    out = wait_for_pdf(since, timeout=90)
    # Lines and cells wrap anywhere: compare without spaces.
    text = "".join("".join((page.extract_text() or "").split()) for page in PdfReader(out).pages)
    out.unlink(missing_ok=True)
    for wanted in (DATE_LINE, "Yohanes Lado, S.E.", "Dra. Rina Kartika, M.Si.", "Lenovo ThinkPad E14",
                   editor.info.nomor, *(a.register_text for a in goods.laptops)):  # fmt: skip
        assert "".join(wanted.split()) in text, wanted
    assert text.count("Laptop") >= 2

    qtbot.mouseClick(editor.final_button, Qt.MouseButton.LeftButton)
    assert "Barang akan berpindah ke Dra. Rina Kartika, M.Si. / Ruang Subbag Umum" in asked[-1]
    assert editor.info.status == "final"
    moved = pengurus.query(items.get_assets, [a.id for a in goods.laptops])
    assert {(a.ruang_id, a.pemegang_pegawai_id) for a in moved} == {(goods.umum, goods.rina)}
    # A final BAST is read-only and offers a reprint, not a save.
    assert editor.print_button.text() == "&Cetak ulang…"
    assert editor.save_button.isHidden() and not editor.scan_box.isEnabled()
    assert panel.model.rows[0].status == "final"


def test_a_printer_that_refuses_the_job_leaves_the_draft_without_a_number(
    qtbot, pengurus, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    reason = unavailable_reason()
    if reason is not None:
        pytest.skip(reason)
    goods = Goods(pengurus)
    # The queue list offers a printer that does not exist: lp refuses it and nothing is recorded.
    monkeypatch.setattr(bast_editor.spool, "list_printers", lambda: ["Tidak_Ada"])
    editor = BastEditor(pengurus)
    qtbot.addWidget(editor)
    editor.show()
    _fill(qtbot, editor, goods)
    _answer_printer("Tidak_Ada")
    assert not editor.print_bast()
    assert editor.info is not None and editor.info.status == "draft" and editor.info.nomor == ""
    assert "Tidak_Ada" in editor.summary.text()


def test_mistakes_are_shown_next_to_their_field_and_nothing_is_saved(qtbot, pengurus) -> None:  # type: ignore[no-untyped-def]
    Goods(pengurus)
    editor = BastEditor(pengurus)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.keyClicks(editor.pihak1.combo.lineEdit(), "Yohanes")
    assert not editor.save_draft()
    assert "Pihak kedua" in editor.rows.error_text("pihak2")
    qtbot.keyClicks(editor.pihak2.combo.lineEdit(), "Rina")
    assert not editor.save_draft()
    assert "belum berisi barang" in editor.rows.error_text("barang")
    assert pengurus.query(bast.list_bast)[1] == 0


def test_scanning_words_that_fit_several_items_lists_them_to_choose(qtbot, pengurus) -> None:  # type: ignore[no-untyped-def]
    goods = Goods(pengurus)
    editor = BastEditor(pengurus)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.keyClicks(editor.scan, "laptop")
    qtbot.keyClick(editor.scan, Qt.Key.Key_Return)
    assert editor.matches.isVisible() and editor.matches.count() == 2
    qtbot.keyClick(editor.scan, Qt.Key.Key_Down)
    qtbot.keyClick(editor.matches, Qt.Key.Key_Return)
    assert [a.id for a in editor.assets] == [goods.laptops[0].id]
    qtbot.keyClicks(editor.scan, goods.laptops[0].full_id)
    qtbot.keyClick(editor.scan, Qt.Key.Key_Return)
    assert "sudah tercantum" in editor.lines_error.text()
    assert len(editor.assets) == 1


def test_penerimaan_takes_new_goods_lines_and_pengamanan_shows_kelengkapan(qtbot, pengurus) -> None:  # type: ignore[no-untyped-def]
    Goods(pengurus)
    editor = BastEditor(pengurus)
    qtbot.addWidget(editor)
    editor.show()
    editor.jenis.setCurrentIndex(editor.jenis.findData("pengamanan"))
    assert editor.kelengkapan_box.isVisible() and not editor.new_box.isVisible()
    editor.jenis.setCurrentIndex(editor.jenis.findData("penerimaan"))
    assert editor.new_box.isVisible() and not editor.scan_box.isVisible() and editor.penyedia.isVisible()
    qtbot.keyClicks(editor.pihak1.combo.lineEdit(), "Budi Santoso (CV Maju)")
    assert editor.pihak1.extra.isVisible()  # an outside party: NIP and jabatan typed
    qtbot.keyClicks(editor.pihak2.combo.lineEdit(), "Yohanes")
    editor.new_kode.set_kode(LAPTOP, "Laptop")
    qtbot.keyClicks(editor.new_nama, "Laptop")
    editor.new_jumlah.setValue(3)
    qtbot.keyClicks(editor.new_harga, "12500000")
    assert editor.new_harga.text() == "12.500.000"
    assert editor.add_new_line()
    assert "3 barang" in editor.total_label.text() and "37.500.000" in editor.total_label.text()
    assert editor.save_draft(), editor.summary.text()
    assert editor.info is not None
    assert editor.info.pihak1.pegawai_id is None and editor.info.pihak1.nama == "Budi Santoso (CV Maju)"
    assert [(b.jumlah, b.nilai) for b in editor.info.lines] == [(3, 37_500_000)]


def test_a_draft_is_cancelled_with_a_reason(qtbot, pengurus, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    goods = Goods(pengurus)
    editor = BastEditor(pengurus)
    qtbot.addWidget(editor)
    editor.show()
    _fill(qtbot, editor, goods)
    assert editor.save_draft()
    monkeypatch.setattr(bast_editor, "ask_reason", lambda *_a, **_k: "Salah pihak kedua")
    assert editor.cancel_bast()
    assert editor.info is not None and editor.info.status == "batal"
    assert editor.print_button.isHidden() and editor.save_button.isHidden()
