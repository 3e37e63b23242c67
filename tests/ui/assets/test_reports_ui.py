"""Penyusutan and Laporan pages of Barang: the figures worked out in the background at a date, searched,
saved and printed; a report of a semester previewed and saved as Excel."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import Qt

from desktop.models.assets import AmbangKapitalisasi
from desktop.services.assets import items
from desktop.services.assets.items import AssetInput
from desktop.ui.assets.depreciation_panel import DepreciationPanel
from desktop.ui.assets.reports_panel import AssetReportsPanel

LAPTOP = "1.3.2.10.01.02.002"
MEJA = "1.3.2.05.01.04.001"


def _record(ui) -> None:  # type: ignore[no-untyped-def]
    with ui.transaction() as s:
        s.query(
            AmbangKapitalisasi
        ).delete()  # every item intrakomptabel: the thresholds are not the point here
        for kode, nama, harga, tanggal in (
            (LAPTOP, "Laptop", 15_000_000, date(2024, 3, 10)),
            (MEJA, "Meja Rapat", 2_000_000, date(2025, 1, 20)),
        ):
            items.create_assets(s, ui.actor, AssetInput(kode, nama, tanggal.year, harga, tanggal_perolehan=tanggal),
                                today=date(2026, 3, 2))  # fmt: skip


def test_the_penyusutan_page_shows_the_laptops_nilai_buku(qtbot, pengurus, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _record(pengurus)
    panel = DepreciationPanel(pengurus)
    qtbot.addWidget(panel)
    panel.show()
    # On 2 March 2026 the last semester ended on 31 December 2025: the worked example's date.
    assert panel.as_of.date() == date(2025, 12, 31)
    assert not panel.xlsx_button.isEnabled()
    qtbot.mouseClick(panel.compute_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.report is not None, timeout=10_000)
    assert panel.shown_rows() == 2
    qtbot.keyClicks(panel.search, "laptop")
    assert panel.shown_rows() == 1
    assert [panel.cell(0, c) for c in (0, 2, 4, 7, 8)] == [
        LAPTOP, "Laptop", "15.000.000", "7.500.000", "7.500.000",
    ]  # fmt: skip
    rekap = panel.rekap
    assert rekap.item(0, 0).text() == "KIB B" and rekap.item(0, 2).text() == "2"
    assert "2 barang" in panel.summary.text()

    panel.save("xlsx", str(tmp_path / "penyusutan.xlsx"))
    qtbot.waitUntil(lambda: (tmp_path / "penyusutan.xlsx").exists(), timeout=10_000)
    sheet = load_workbook(tmp_path / "penyusutan.xlsx")["Per Barang"]
    assert [c.value for c in sheet[2]][:2] == [MEJA, "000001"]
    panel.save("csv", str(tmp_path / "penyusutan.csv"))
    qtbot.waitUntil(lambda: (tmp_path / "penyusutan.csv").exists(), timeout=10_000)
    assert (tmp_path / "penyusutan.csv").read_text(encoding="utf-8").splitlines()[2] == (
        f"{LAPTOP},000001,15000000,4,4,7500000,7500000"
    )

    shown = []
    panel.print_pdf("barang", shown.append)
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert shown[0].page_count() == 1
    shown[0].reject()


def test_a_new_date_typed_is_worked_out_again(qtbot, pengurus) -> None:  # type: ignore[no-untyped-def]
    _record(pengurus)
    panel = DepreciationPanel(pengurus)
    qtbot.addWidget(panel)
    panel.show()
    panel.as_of.selectAll()
    qtbot.keyClicks(panel.as_of, "30-06-2024")
    qtbot.keyClick(panel.as_of, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.report is not None, timeout=10_000)
    assert panel.report is not None and panel.report.as_of == date(2024, 6, 30)
    assert panel.shown_rows() == 1 and panel.cell(0, 7) == "1.875.000"


def test_the_laporan_page_previews_and_saves_a_semester(qtbot, pengurus, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _record(pengurus)
    panel = AssetReportsPanel(pengurus)
    qtbot.addWidget(panel)
    panel.show()
    assert (panel.year.value(), panel.semester()) == (2025, 2)
    assert panel.key() == "laporan"
    shown = []
    panel.make_pdf(shown.append)
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert shown[0].page_count() >= 1
    shown[0].reject()
    panel.choose("mutasi", 2025, None)
    out = tmp_path / "mutasi.xlsx"
    panel.make_xlsx(str(out))
    qtbot.waitUntil(lambda: out.exists(), timeout=10_000)
    sheet = load_workbook(out).active
    assert sheet.cell(row=2, column=1).value == "KIB B"
    assert sheet.cell(row=2, column=5).value == 1  # bertambah: the table bought in 2025
    qtbot.waitUntil(lambda: "disimpan" in panel.message.text(), timeout=5_000)
