"""The Buku Tamu page as the desk uses it: the day's visits, search, a visit opened (audited), cancel, export,
an old buku tamu imported, and the page on small screens."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import select

from desktop.models.admin import AuditEntry
from desktop.models.guests import Visit
from desktop.services.guests import prereg, register_io
from desktop.ui import dialogs
from desktop.ui.context import UiContext
from desktop.ui.guests import register_panel as panel_module
from desktop.ui.guests.guests_import_dialog import GuestsImportDialog
from desktop.ui.guests.register_panel import RegisterPanel
from desktop.ui.guests.visit_model import COL_NAMA, COL_STATUS, COL_TANGGAL, COL_TIKET, COLUMNS
from tests.integration.guests.desk import walk_in
from tests.ui.office import demo_actor
from tests.ui.screens import SCREEN_IDS, fits_dialog, key_columns_hidden, problems, shoot, show_at

NIK = "6471054503900001"


def _guests(ui: UiContext) -> None:
    walk_in(ui.app, ui.actor, "Siti Rahmawati", instansi="Bappeda Kaltim", nik=NIK)
    walk_in(ui.app, ui.actor, "Andi Pratama", instansi="CV Sumber Rejeki", keperluan="Audiensi")
    walk_in(ui.app, ui.actor, "Yohana Lamba", prefix="B")


def _panel(qtbot, ui: UiContext) -> RegisterPanel:  # type: ignore[no-untyped-def]
    panel = RegisterPanel(ui)
    qtbot.addWidget(panel)
    panel.resize(1366, 698)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def _cells(panel: RegisterPanel) -> list[list[str]]:
    model = panel.model
    return [[model.text(row, c) for c in range(len(COLUMNS))] for row in model.rows]


def _audits(ui: UiContext, action: str) -> list[AuditEntry]:
    with ui.app.db.read() as s:
        rows = list(s.scalars(select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id)))
        s.expunge_all()
        return rows


def test_the_register_lists_the_days_visits_without_nik_and_search_narrows(qtbot, desk: UiContext) -> None:  # type: ignore[no-untyped-def]
    _guests(desk)
    panel = _panel(qtbot, desk)
    cells = _cells(panel)
    assert [r[COL_NAMA] for r in cells] == ["Siti Rahmawati", "Andi Pratama", "Yohana Lamba"]
    assert [r[COL_TIKET] for r in cells] == ["A001", "A002", "B001"]
    assert {r[COL_TANGGAL] for r in cells} == {"02-03-2026"}
    assert panel.count_label.text() == "3 kunjungan"
    # R9: the NIK is no column and appears in no cell, not even masked.
    assert all("0001" not in cell and "6471" not in cell for row in cells for cell in row)
    assert not any("NIK" in c for c in COLUMNS)

    panel.search.setFocus()
    qtbot.keyClicks(panel.search, "sumber")  # the instansi
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    assert [r[COL_NAMA] for r in _cells(panel)] == ["Andi Pratama"]
    panel.search.clear()
    qtbot.keyClicks(panel.search, "b001")  # a ticket, any case
    qtbot.waitUntil(lambda: [r[COL_NAMA] for r in _cells(panel)] == ["Yohana Lamba"], timeout=5000)
    panel.search.clear()
    panel.reload()
    panel.status.setCurrentIndex(panel.status.findData("selesai"))
    assert _cells(panel) == [] and panel.count_label.text() == "0 kunjungan"


def test_showing_a_list_is_one_audited_view_without_the_search_text(qtbot, desk: UiContext) -> None:  # type: ignore[no-untyped-def]
    _guests(desk)
    panel = _panel(qtbot, desk)
    lists = [e for e in _audits(desk, "view") if e.summary.startswith("daftar kunjungan")]
    assert [e.summary for e in lists] == ["daftar kunjungan 2026-03-02..2026-03-02"]
    panel.reload()  # the same list again: no new row
    qtbot.keyClicks(panel.search, "Siti")
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    lists = [e for e in _audits(desk, "view") if e.summary.startswith("daftar kunjungan")]
    assert [e.summary for e in lists][1:] == ["daftar kunjungan 2026-03-02..2026-03-02, dengan pencarian"]
    assert not any("Siti" in e.summary for e in _audits(desk, "view"))


def test_opening_a_visit_is_audited_and_the_nik_shows_only_on_request(qtbot, desk: UiContext) -> None:  # type: ignore[no-untyped-def]
    _guests(desk)
    panel = _panel(qtbot, desk)
    before = len(_audits(desk, "view"))
    panel.table.setFocus()
    panel.table.selectRow(0)
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    dialog = panel.detail
    assert dialog is not None
    qtbot.waitExposed(dialog)
    views = _audits(desk, "view")[before:]
    assert [(e.entity, e.entity_id) for e in views] == [("kunjungan", str(dialog.detail.visit.id))]
    assert "Siti" not in views[0].summary  # the log outlives retention: no name in it
    assert dialog.nik_value.text() == "6471********0001"
    assert dialog.labels["nama"].text() == "Siti Rahmawati"
    assert dialog.labels["datang"].text() == "02-03-2026 09.15"
    assert dialog.nik_button.isVisible()
    qtbot.mouseClick(dialog.nik_button, Qt.MouseButton.LeftButton)
    assert dialog.nik_value.text() == NIK
    assert len(_audits(desk, "view")) == before + 2
    dialog.close()
    # A read-only user sees the masked NIK and no button to reveal it.
    reader = _panel(qtbot, UiContext(desk.app, demo_actor(desk.app, "kadis")))
    reader.table.selectRow(0)
    reader.open_selected()
    assert reader.detail is not None and not reader.detail.nik_button.isVisibleTo(reader.detail)
    assert not reader.cancel_button.isVisibleTo(reader)


def test_cancel_with_a_reason_keeps_the_ticket_and_marks_the_visit_batal(
    qtbot, desk: UiContext, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    _guests(desk)
    panel = _panel(qtbot, desk)
    asked: list[str] = []
    monkeypatch.setattr(panel_module, "ask_reason", lambda *a, **k: "tercatat dua kali")
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text, **kw: asked.append(text) or True)
    panel.table.selectRow(1)
    assert panel.cancel_button.isEnabled()
    qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    assert "A002 Andi Pratama" in asked[0]
    with desk.app.db.read() as s:
        andi = s.scalar(select(Visit).where(Visit.nama == "Andi Pratama"))
        assert andi is not None
        assert (andi.status, andi.alasan_batal, andi.tiket) == ("batal", "tercatat dua kali", "A002")
    assert _cells(panel)[1][COL_STATUS] == "Batal"
    panel.table.selectRow(1)
    assert not panel.cancel_button.isEnabled()  # nothing left to cancel


def test_export_writes_the_csv_with_the_contract_header(
    qtbot, desk: UiContext, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    _guests(desk)
    panel = _panel(qtbot, desk)
    target = tmp_path / "buku-tamu.csv"
    told: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "CSV (*.csv)"))
    monkeypatch.setattr(dialogs, "info", lambda parent, title, text: told.append(text))
    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(told), timeout=30_000)
    assert "3 kunjungan diekspor" in told[0]
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert tuple(rows[0]) == register_io.EXPORT_COLUMNS
    assert [r[3] for r in rows[1:]] == ["Siti Rahmawati", "Andi Pratama", "Yohana Lamba"]
    assert rows[1][:2] == ["2026-03-02", "09:15"]
    assert any(e.entity == "buku_tamu" for e in _audits(desk, "ekspor"))  # R31


def test_the_import_dialog_imports_a_small_old_buku_tamu_with_a_column_mapped_by_hand(
    qtbot, desk: UiContext, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "buku tamu 2025.csv"
    source.write_text(
        "Tgl,Nama Tamu,Dari Mana,Keperluan,Bertemu\n"
        "14/01/2025,Siti Lama,Bappeda,Audiensi,Sub Bagian Umum\n"
        "15/01/2025,Budi Lama,CV Maju,Koordinasi/rapat,IND\n",
        encoding="utf-8",
    )
    panel = _panel(qtbot, desk)
    qtbot.mouseClick(panel.import_button, Qt.MouseButton.LeftButton)
    dialog = panel.import_dialog
    assert dialog is not None and dialog.kind == GuestsImportDialog.BUKU_TAMU
    qtbot.waitExposed(dialog)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=30_000)
    assert dialog.pages.currentIndex() == GuestsImportDialog.PAGE_MAPPING
    assert dialog.mapping()["Dari Mana"] is None
    assert dialog.unmapped_headers() == ["Dari Mana"]  # named before anything is checked
    combo = dialog.combos["Dari Mana"]
    combo.setFocus()
    qtbot.keyClicks(combo, "Instansi")
    assert combo.currentData() == "instansi" and dialog.unmapped_headers() == []
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=30_000)
    assert dialog.pages.currentIndex() == GuestsImportDialog.PAGE_CHECK
    assert "Semua 2 baris valid" in dialog.summary.text()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == GuestsImportDialog.PAGE_DONE, timeout=30_000)
    assert "2</b> kunjungan diimpor" in dialog.done_label.text()
    with desk.app.db.read() as s:
        rows = [(v.nama, v.instansi, v.status) for v in s.scalars(select(Visit).order_by(Visit.tanggal))]
    assert rows == [("Siti Lama", "Bappeda", "selesai"), ("Budi Lama", "CV Maju", "selesai")]


@pytest.mark.parametrize("screen", SCREEN_IDS)
def test_the_register_fits_small_screens(qtbot, desk: UiContext, screen: str) -> None:  # type: ignore[no-untyped-def]
    _guests(desk)
    panel = RegisterPanel(desk)
    qtbot.addWidget(panel)
    panel.period.setCurrentIndex(2)  # the range fields shown: the widest filter row
    show_at(panel, screen)
    panel.table.selectRow(0)
    assert problems(panel) == []
    assert key_columns_hidden(panel.table, [COL_TANGGAL, COL_TIKET, COL_NAMA, COL_STATUS]) == []
    shoot(panel, f"buku_tamu_register_{screen}")
    panel.open_selected()
    assert panel.detail is not None
    fits_dialog(panel.detail, screen)
    assert problems(panel.detail) == []
    shoot(panel.detail, f"buku_tamu_detail_{screen}")


def test_print_and_recap_of_the_period(qtbot, desk: UiContext, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _guests(desk)
    panel = _panel(qtbot, desk)
    qtbot.mouseClick(panel.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.preview is not None, timeout=30_000)
    assert panel.preview is not None and panel.preview.document.pageCount() >= 1
    panel.preview.close()
    qtbot.mouseClick(panel.recap_button, Qt.MouseButton.LeftButton)
    recap = panel.recap_dialog
    assert recap is not None
    keperluan = recap.tables["keperluan"]
    assert [keperluan.item(r, 0).text() for r in range(keperluan.rowCount())] == [
        "Koordinasi/rapat",
        "Audiensi",
    ]
    assert recap.total_label.text() == "Jumlah: 3 kunjungan, 3 orang"
    target = tmp_path / "rekap.xlsx"
    told: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "Excel (*.xlsx)"))
    monkeypatch.setattr(dialogs, "info", lambda parent, title, text: told.append(text))
    qtbot.mouseClick(recap.xlsx_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(told), timeout=30_000)
    assert target.exists() and "3 kunjungan" in told[0]


def test_the_prereg_import_in_the_same_wizard(qtbot, desk: UiContext, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "etamu.csv"
    source.write_text(
        "Timestamp,Nama,No HP,Keperluan,Tujuan,Tanggal kunjungan,Kode\n"
        "01/03/2026 20:00:00,Siti Daring,0812,Audiensi,UM,03/03/2026,ABCD-2345\n",
        encoding="utf-8",
    )
    panel = _panel(qtbot, desk)
    qtbot.mouseClick(panel.prereg_import_button, Qt.MouseButton.LeftButton)
    dialog = panel.import_dialog
    assert dialog is not None and dialog.kind == GuestsImportDialog.PRA_REGISTRASI
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=30_000)
    assert dialog.pages.currentIndex() == GuestsImportDialog.PAGE_MAPPING
    assert dialog.unmapped_headers() == []  # Timestamp is a known, unused column
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=30_000)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == GuestsImportDialog.PAGE_DONE, timeout=30_000)
    assert "baris 2: ABCD2345" in dialog.done_note.text()
    with desk.app.db.read() as s:
        assert prereg.find(s, desk.actor, "abcd2345").nama == "Siti Daring"
