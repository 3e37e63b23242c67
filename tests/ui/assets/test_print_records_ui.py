"""Opening a preview is not printing, on every Barang screen that prints: the preview closed records nothing,
the PDF saved (Simpan PDF) or a job a printer took records exactly one "cetak" audit row."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from desktop.models.assets import AmbangKapitalisasi
from desktop.services.assets import bast, inventory, items, rooms
from desktop.services.assets.bast import BastInput
from desktop.services.assets.items import AssetInfo, AssetInput
from desktop.services.common import audit
from desktop.services.common.permissions import SYSTEM
from desktop.services.common.printed import Delivery
from desktop.ui import dialogs
from desktop.ui.assets.asset_detail_dialog import AssetDetailDialog
from desktop.ui.assets.bast_editor import BastEditor
from desktop.ui.assets.depreciation_panel import DepreciationPanel
from desktop.ui.assets.inventory_panel import InventoryPanel
from desktop.ui.assets.kib_print_dialog import KibPrintDialog
from desktop.ui.assets.reports_panel import AssetReportsPanel
from desktop.ui.context import UiContext
from desktop.ui.print_preview import PrintPreviewDialog

LAPTOP = "1.3.2.10.01.02.002"
TODAY = date(2026, 3, 2)


@pytest.fixture(autouse=True)
def discard_without_asking(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dialogs, "confirm", lambda *_a, **_k: True)


@pytest.fixture
def laptop(pengurus: UiContext) -> AssetInfo:
    """A laptop of 2024 in the Ruang Subbag Umum, every item intrakomptabel."""
    umum = next(r.id for r in pengurus.query(rooms.list_rooms) if r.kode == "R.01")
    with pengurus.transaction() as s:
        s.query(AmbangKapitalisasi).delete()
        return items.create_assets(
            s, pengurus.actor,
            AssetInput(LAPTOP, "Laptop", 2024, 15_000_000, tanggal_perolehan=date(2024, 3, 10), ruang_id=umum),
            today=TODAY,
        ).assets[0]  # fmt: skip


def _printed(ui: UiContext, entity: str) -> list[str]:
    """The summaries of the "cetak" audit rows of ``entity``, oldest first."""
    with ui.transaction() as s:
        rows, _total = audit.list_entries(s, SYSTEM, entity=entity)
    return [r.summary for r in sorted(rows, key=lambda r: r.id) if r.action == "cetak"]


def _save_as(monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "Dokumen PDF (*.pdf)"))


def _look_save_print(  # type: ignore[no-untyped-def]
    qtbot, ui: UiContext, entity: str, open_preview: Callable[[], PrintPreviewDialog], target: Path
) -> list[str]:
    """Open the preview and close it (Esc), open it and save it (Simpan PDF), open it and let a printer take it:
    returns the audit summaries written after each step."""
    preview = open_preview()
    assert preview.isVisible()
    qtbot.keyClick(preview.view, Qt.Key.Key_Escape)
    assert not preview.isVisible() and _printed(ui, entity) == []  # looking is not printing

    preview = open_preview()
    qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    assert target.read_bytes().startswith(b"%PDF")
    saved = _printed(ui, entity)
    assert len(saved) == 1 and target.name in saved[0]

    preview = open_preview()
    # A printer queue took the job (what print_on reports on success); the real queue is stood in for.
    preview.delivered.emit(Delivery(printer="Sekretariat_PDF", pages=1))
    preview.reject()
    summaries = _printed(ui, entity)
    assert len(summaries) == 2 and "Sekretariat_PDF" in summaries[1]
    return summaries


def test_the_kib_is_recorded_only_when_saved_or_printed(  # type: ignore[no-untyped-def]
    qtbot, pengurus: UiContext, laptop: AssetInfo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "kib-b.pdf"
    _save_as(monkeypatch, target)
    dialog = KibPrintDialog(pengurus, "B")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_jenis("intra")

    def open_preview() -> PrintPreviewDialog:
        dialog.preview = None
        qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.preview is not None and dialog.task is None, timeout=20_000)
        assert dialog.preview is not None
        return dialog.preview

    summaries = _look_save_print(qtbot, pengurus, "kib", open_preview, target)
    assert all(s.startswith("KIB B intrakomptabel") for s in summaries)
    assert "Sekretariat_PDF" in dialog.message.text()


def test_the_kartu_barang_is_recorded_only_when_saved_or_printed(  # type: ignore[no-untyped-def]
    qtbot, pimpinan: UiContext, laptop: AssetInfo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "kartu.pdf"
    _save_as(monkeypatch, target)
    detail = AssetDetailDialog(pimpinan, laptop.id)
    qtbot.addWidget(detail)
    detail.show()

    def open_preview() -> PrintPreviewDialog:
        qtbot.mouseClick(detail.kartu_button, Qt.MouseButton.LeftButton)
        assert detail.preview is not None
        return detail.preview

    summaries = _look_save_print(qtbot, pimpinan, "aset", open_preview, target)
    assert all(s.startswith(f"Kartu Barang {laptop.kode_register}") for s in summaries)


def test_a_laporan_is_recorded_only_when_saved_or_printed(  # type: ignore[no-untyped-def]
    qtbot, pengurus: UiContext, laptop: AssetInfo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "laporan.pdf"
    _save_as(monkeypatch, target)
    panel = AssetReportsPanel(pengurus)
    qtbot.addWidget(panel)
    panel.show()

    def open_preview() -> PrintPreviewDialog:
        shown: list[PrintPreviewDialog] = []
        panel.make_pdf(shown.append)
        qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
        return shown[0]

    summaries = _look_save_print(qtbot, pengurus, "laporan_barang", open_preview, target)
    assert all(s.startswith("Laporan Barang Pengguna Periode 1 Juli 2025") for s in summaries)


def test_the_penyusutan_is_recorded_only_when_saved_or_printed(  # type: ignore[no-untyped-def]
    qtbot, pengurus: UiContext, laptop: AssetInfo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "penyusutan.pdf"
    _save_as(monkeypatch, target)
    panel = DepreciationPanel(pengurus)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.mouseClick(panel.compute_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.report is not None, timeout=10_000)

    def open_preview() -> PrintPreviewDialog:
        shown: list[PrintPreviewDialog] = []
        panel.print_pdf("golongan", shown.append)
        qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
        return shown[0]

    summaries = _look_save_print(qtbot, pengurus, "laporan_barang", open_preview, target)
    assert all(s.startswith("Penyusutan per Golongan per 31 Desember 2025") for s in summaries)


def test_the_census_worksheet_is_recorded_only_when_saved_or_printed(  # type: ignore[no-untyped-def]
    qtbot, pengurus: UiContext, laptop: AssetInfo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "lki.pdf"
    _save_as(monkeypatch, target)
    umum = next(r.id for r in pengurus.query(rooms.list_rooms) if r.kode == "R.01")
    pengurus.call(inventory.start, "Sensus Ruang Umum 2026", "ruang", ruang_id=umum)
    panel = InventoryPanel(pengurus)
    qtbot.addWidget(panel)
    panel.show()
    panel.open_selected()
    view = panel.checking

    def open_preview() -> PrintPreviewDialog:
        view.preview_dialog = None
        qtbot.mouseClick(view.lki, Qt.MouseButton.LeftButton)
        assert view.preview_dialog is not None
        return view.preview_dialog

    summaries = _look_save_print(qtbot, pengurus, "inventarisasi", open_preview, target)
    assert all(s.startswith("LKI Sensus Ruang Umum 2026") for s in summaries)


def test_a_saved_bast_preview_is_recorded_and_takes_no_number(  # type: ignore[no-untyped-def]
    qtbot, pengurus: UiContext, laptop: AssetInfo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "bast.pdf"
    _save_as(monkeypatch, target)
    draft = pengurus.call(
        bast.save_draft,
        BastInput(jenis="penyerahan", tanggal=TODAY, pihak1_nama="Yohanes Lado", pihak2_nama="Rina Kartika",
                  aset_ids=(laptop.id,)),
        None, today=TODAY,
    )  # fmt: skip
    editor = BastEditor(pengurus, draft.id)
    qtbot.addWidget(editor)
    editor.show()
    editor.preview()
    preview = editor.preview_dialog
    assert preview is not None
    qtbot.keyClick(preview.view, Qt.Key.Key_Escape)
    assert _printed(pengurus, "bast") == []
    editor.preview()
    assert editor.preview_dialog is not preview
    qtbot.mouseClick(editor.preview_dialog.save_button, Qt.MouseButton.LeftButton)
    summaries = _printed(pengurus, "bast")
    assert len(summaries) == 1 and target.name in summaries[0]
    info = pengurus.query(bast.get_bast, draft.id)
    assert info.status == "draft" and not info.nomor and info.cetak_count == 0
