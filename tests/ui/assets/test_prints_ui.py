"""The prints of the Barang screens: Cetak KIB (built off the GUI thread, then previewed), its Excel export, the
Kartu Barang from the detail, and the list's selection handed to the Label and BAST pages."""

from __future__ import annotations

import io
import threading
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import QItemSelectionModel, Qt, QTimer

from desktop.printing.assets.kib import Cancelled
from desktop.services.assets import documents, items, rooms
from desktop.services.assets.items import AssetInfo, AssetInput
from desktop.ui import dialogs
from desktop.ui.assets.asset_detail_dialog import AssetDetailDialog
from desktop.ui.assets.assets_tab import AssetsTab
from desktop.ui.assets.kib_print_dialog import KibPrintDialog
from desktop.ui.context import UiContext
from tests.ui.screens import SCREEN_IDS, fits_dialog, shoot, show_at

LAPTOP = "1.3.2.10.01.02.002"
KURSI = "1.3.2.05.02.01.004"


@pytest.fixture(autouse=True)
def discard_without_asking(monkeypatch: pytest.MonkeyPatch) -> None:
    """Closing an editor with lines asks first; the tests' teardown closes such windows."""
    monkeypatch.setattr(dialogs, "confirm", lambda *_a, **_k: True)


def _room_id(ui: UiContext, kode: str) -> int:
    return next(r.id for r in ui.query(rooms.list_rooms) if r.kode == kode)


def _record(ui: UiContext, data: AssetInput, jumlah: int = 1) -> list[AssetInfo]:
    return ui.call(items.create_assets, data, jumlah).assets


def _office_goods(ui: UiContext) -> tuple[AssetInfo, list[AssetInfo]]:
    """A laptop of Rp 15,000,000 (intra) and three chairs of Rp 750,500 (ekstra at the threshold)."""
    laptop = _record(ui, AssetInput(kode_barang=LAPTOP, nama="Laptop", tahun=2024, harga=15_000_000,
                                    merk_tipe="Lenovo ThinkPad E14", ruang_id=_room_id(ui, "R.01")))[0]  # fmt: skip
    chairs = _record(ui, AssetInput(kode_barang=KURSI, nama="Kursi Kayu", tahun=2025, harga=750_500), 3)
    return laptop, chairs


def _text(pdf: bytes) -> str:
    """The words of every page on one line: a cell's text wraps in the narrow KIB columns."""
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages)


def _tab(qtbot, ui: UiContext) -> AssetsTab:  # type: ignore[no-untyped-def]
    tab = AssetsTab(ui)
    qtbot.addWidget(tab)
    tab.resize(1366, 698)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


def _built(qtbot, dialog: KibPrintDialog) -> str:  # type: ignore[no-untyped-def]
    """Press "Pratinjau", wait for the worker, and read the text of the PDF the preview got."""
    dialog.preview = None
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.preview is not None and dialog.task is None, timeout=20_000)
    assert dialog.preview is not None and dialog.preview.isVisible()
    text = _text(dialog.preview._pdf)
    dialog.preview.reject()
    return text


def test_ctrl_p_prints_the_kib_of_the_golongan_shown(qtbot, pengurus: UiContext) -> None:  # type: ignore[no-untyped-def]
    _office_goods(pengurus)
    tab = _tab(qtbot, pengurus)
    panel = tab.list
    qtbot.mouseClick(panel.golongan_group.buttons()[2], Qt.MouseButton.LeftButton)  # B
    qtbot.keyClick(panel.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    dialog = panel.kib_dialog
    assert isinstance(dialog, KibPrintDialog) and dialog.isVisible()
    assert dialog.golongan_code() == "B" and dialog.jenis_key() == "gabungan"
    assert not dialog.ribuan.isChecked()  # the setting's default
    assert dialog.tanggal.date() is not None and dialog.tanggal.date().isoformat() == "2026-03-02"

    text = _built(qtbot, dialog)
    assert "KARTU INVENTARIS BARANG (KIB) B. PERALATAN DAN MESIN" in text
    assert "Laptop" in text and "Kursi Kayu" in text and "000001 s/d 000003" in text
    assert "15.000.000" in text

    dialog.set_jenis("intra")  # the chairs are under the capitalisation threshold: ekstrakomptabel
    dialog.ribuan.setChecked(True)
    text = _built(qtbot, dialog)
    assert "Laptop" in text and "Kursi Kayu" not in text
    assert "15.000.000" not in text and "15.000" in text and "nilai dalam ribuan Rupiah" in text

    dialog.set_jenis("ekstra")
    text = _built(qtbot, dialog)
    assert "Kursi Kayu" in text and "Laptop" not in text
    dialog.reject()
    qtbot.waitUntil(lambda: panel.kib_dialog is None, timeout=2000)


def test_all_golongan_defaults_to_kib_b_and_a_wrong_date_builds_nothing(qtbot, pengurus: UiContext) -> None:  # type: ignore[no-untyped-def]
    tab = _tab(qtbot, pengurus)
    qtbot.mouseClick(tab.list.kib_button, Qt.MouseButton.LeftButton)
    dialog = tab.list.kib_dialog
    assert dialog is not None and dialog.golongan_code() == "B"  # "Semua" has no card of its own
    dialog.tanggal.setText("31-02-2026")
    assert dialog.build() is None and dialog.task is None and dialog.preview is None
    assert dialog.message.isVisible() and dialog.message.text().startswith("Tanggal:")
    dialog.reject()


def test_batal_stops_the_kib_and_opens_no_preview(qtbot, pengurus: UiContext, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    started = threading.Event()

    def slow_kib(session, actor, golongan, **kw):  # type: ignore[no-untyped-def]
        # A KIB of tens of thousands of rows, stood in for: it runs until the clerk presses Batal.
        started.set()
        for _ in range(500):
            if kw["cancelled"]():
                raise Cancelled()
            threading.Event().wait(0.01)
        raise AssertionError("never cancelled")

    monkeypatch.setattr(documents, "kib_pdf", slow_kib)
    dialog = KibPrintDialog(pengurus, "C")
    qtbot.addWidget(dialog)
    dialog.show()
    handle = dialog.build()
    assert handle is not None and not dialog.preview_button.isEnabled()
    assert started.wait(5)
    handle.cancel()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=10_000)
    assert dialog.preview is None and dialog.preview_button.isEnabled()


def test_the_kib_is_exported_to_excel(qtbot, pengurus: UiContext, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _office_goods(pengurus)
    dialog = KibPrintDialog(pengurus, "B")
    qtbot.addWidget(dialog)
    dialog.show()
    target = tmp_path / "kib-b.xlsx"
    assert dialog.export_xlsx(target) is not None
    qtbot.waitUntil(lambda: dialog.task is None, timeout=20_000)
    assert "4 barang KIB B disimpan" in dialog.message.text()
    sheet = load_workbook(target)["KIB B"]
    names = sorted(str(row[3]) for row in sheet.iter_rows(min_row=2, values_only=True))
    assert names == ["Kursi Kayu"] * 3 + ["Laptop"]


def test_the_kartu_barang_from_the_detail(qtbot, pengurus: UiContext, pimpinan: UiContext) -> None:  # type: ignore[no-untyped-def]
    laptop, _chairs = _office_goods(pengurus)
    detail = AssetDetailDialog(pengurus, laptop.id)
    qtbot.addWidget(detail)
    detail.show()
    qtbot.mouseClick(detail.kartu_button, Qt.MouseButton.LeftButton)
    assert detail.preview is not None and detail.preview.isVisible()
    text = _text(detail.preview._pdf)
    assert "KARTU BARANG" in text and "Laptop" in text and "Lenovo ThinkPad E14" in text
    assert "Perolehan" in text  # its history
    detail.preview.reject()

    read_only = AssetDetailDialog(pimpinan, laptop.id)  # the pimpinan prints the card, labels are not his
    qtbot.addWidget(read_only)
    read_only.show()
    assert read_only.kartu_button.isVisible() and not read_only.label_button.isVisible()
    assert read_only.print_kartu() is not None


def test_the_lists_selection_goes_to_the_label_page(qtbot, pengurus: UiContext) -> None:  # type: ignore[no-untyped-def]
    laptop, chairs = _office_goods(pengurus)
    tab = _tab(qtbot, pengurus)
    panel = tab.list
    rows = {info.id: r for r, info in enumerate(panel.model.rows)}
    table = panel.table
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(panel.model.index(rows[chairs[2].id], 1)).center())  # fmt: skip
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier,
                     pos=table.visualRect(panel.model.index(rows[laptop.id], 1)).center())  # fmt: skip
    chosen = sorted([chairs[2].id, laptop.id], key=lambda i: rows[i])
    assert panel.selected_ids() == chosen and panel.label_button.isEnabled()
    qtbot.mouseClick(panel.label_button, Qt.MouseButton.LeftButton)
    assert tab.tabs.currentWidget() is tab.labels
    assert tab.labels.by_selection.isChecked() and tab.labels.ids() == chosen
    assert tab.labels.count_label.text() == "2 label"


def test_the_detail_sends_its_item_to_the_label_page(qtbot, pengurus: UiContext) -> None:  # type: ignore[no-untyped-def]
    laptop, _chairs = _office_goods(pengurus)
    tab = _tab(qtbot, pengurus)
    pressed: list[bool] = []

    def press() -> None:
        detail = tab.list.detail
        if detail is None:
            QTimer.singleShot(20, press)
            return
        pressed.append(True)
        detail.label_button.click()

    QTimer.singleShot(0, press)
    tab.list.open_asset(laptop.id)  # exec(): returns when the detail closed itself
    assert pressed and tab.list.detail is None
    assert tab.tabs.currentWidget() is tab.labels and tab.labels.ids() == [laptop.id]


def test_serahkan_opens_a_new_bast_with_the_selection(qtbot, pengurus: UiContext) -> None:  # type: ignore[no-untyped-def]
    _laptop, chairs = _office_goods(pengurus)
    tab = _tab(qtbot, pengurus)
    panel = tab.list
    selection = panel.table.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    ids = {c.id for c in chairs}
    for r, info in enumerate(panel.model.rows):
        if info.id in ids:
            selection.select(panel.model.index(r, 0), flags)
    qtbot.mouseClick(panel.bast_button, Qt.MouseButton.LeftButton)
    assert tab.tabs.currentWidget() is tab.bast
    editor = tab.bast.editor
    assert editor is not None and editor.isVisible()
    assert sorted(a.id for a in editor.assets) == sorted(ids)
    editor.reject()


def test_the_pimpinan_prints_a_kib_but_hands_nothing_over(
    qtbot, pimpinan: UiContext, pengurus: UiContext
) -> None:  # type: ignore[no-untyped-def]
    _office_goods(pengurus)
    tab = _tab(qtbot, pimpinan)
    panel = tab.list
    panel.table.selectRow(0)
    assert panel.kib_button.isVisible()
    assert not panel.label_button.isVisible() and not panel.bast_button.isVisible()
    panel.request_labels()
    panel.request_bast()
    assert tab.tabs.currentWidget() is panel and tab.labels.selection == []


@pytest.mark.parametrize("screen", SCREEN_IDS)
def test_kib_dialog_list_and_detail_on_screen(qtbot, pengurus: UiContext, screen: str) -> None:  # type: ignore[no-untyped-def]
    laptop, _chairs = _office_goods(pengurus)
    tab = AssetsTab(pengurus)
    qtbot.addWidget(tab)
    show_at(tab, screen)
    assert tab.list.bast_button.geometry().right() <= tab.list.width()
    shoot(tab, f"barang-cetak-daftar-{screen}")
    dialog = KibPrintDialog(pengurus, "B")
    qtbot.addWidget(dialog)
    size = fits_dialog(dialog, screen)
    assert dialog.preview_button.geometry().bottom() < size.height()
    shoot(dialog, f"barang-cetak-kib-{screen}")
    detail = AssetDetailDialog(pengurus, laptop.id)
    qtbot.addWidget(detail)
    size = fits_dialog(detail, screen)
    assert detail.label_button.geometry().right() < size.width()
    shoot(detail, f"barang-cetak-detail-{screen}")
