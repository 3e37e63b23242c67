"""The SKM page as the humas staff use it: the IKM of a period, the weight, the RTL, files, the import by hand."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QTabWidget
from sqlalchemy import func, select

from desktop.models.admin import AuditEntry
from desktop.models.guests import SurveyFollowUp, SurveyResponse
from desktop.services.common.printed import Delivery
from desktop.services.guests import skm
from desktop.services.system import AppContext
from desktop.ui import dialogs
from desktop.ui.context import UiContext
from desktop.ui.guests import kiosk_window
from desktop.ui.guests.skm_import_dialog import UNSETTLED, SkmImportDialog
from desktop.ui.guests.skm_panel import SkmPanel
from desktop.ui.widgets.palette import WARNING_COLOR
from tests.integration.guests.desk import walk_in
from tests.ui.office import demo_actor
from tests.ui.screens import SCREEN_IDS, fits_dialog, problems, pump, shoot, show_at

# The published worked example (guests.md R21): 29 respondents and these sums per unsur, written out here.
SUMS = (105, 101, 100, 116, 102, 105, 106, 105, 115)
RESPONDENTS = 29


def _answers() -> list[tuple[int, ...]]:
    """29 rows of answers 3 or 4 whose columns add up to ``SUMS``."""
    columns = [[4] * (total - 3 * RESPONDENTS) + [3] * (4 * RESPONDENTS - total) for total in SUMS]
    return [tuple(column[r] for column in columns) for r in range(RESPONDENTS)]


def _worked_example(ctx: AppContext) -> None:
    """The 29 respondents answered at the kiosk this morning (the clock is fixed on 2 March 2026)."""
    with ctx.db.transaction() as s:
        for row in _answers():
            skm.submit(s, skm.SurveyAnswer(answers=row, jenis_kelamin="P", pendidikan="S1"), sumber="kiosk")


def _panel(qtbot, ui: UiContext) -> SkmPanel:  # type: ignore[no-untyped-def]
    panel = SkmPanel(ui)
    qtbot.addWidget(panel)
    panel.resize(1366, 698)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def _cell(panel: SkmPanel, kode: str, column: int) -> str:
    for r in range(panel.table.rowCount()):
        if panel.table.item(r, 0).text() == kode or (
            kode == "IKM" and panel.table.item(r, 1).text() == "IKM"
        ):
            return panel.table.item(r, column).text()
    raise AssertionError(kode)


def _idle(qtbot, dialog: SkmImportDialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: dialog.task is None, timeout=30_000)


def test_worked_example_shows_91_48_a_with_u3_marked_and_the_legacy_weight(
    qtbot, desk: UiContext, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    _worked_example(desk.app)
    panel = _panel(qtbot, desk)
    # The current semester by default: 2 March 2026 is in Semester I.
    assert panel.kind.currentText() == "Semester"
    assert panel.part.currentText() == "Semester I" and panel.year.value() == 2026
    assert panel.score.text() == "91,48"  # Indonesian decimal comma on screen
    assert panel.grade.text() == "A"
    assert "Sangat baik" in panel.meaning.text()
    assert _cell(panel, "U3", 5) == "86,21" and _cell(panel, "U4", 5) == "100,00"
    assert _cell(panel, "IKM", 4) == "3,6590"
    assert panel.lowest_rows() == ["U3"]  # only the lowest unsur is marked
    assert "U3 Waktu penyelesaian (86,21)" in panel.lowest.text()
    assert "29 responden" in panel.respondents.text()

    # The clerk picks the legacy weight from the keyboard: the old sheets' 90,56.
    panel.bobot.setFocus()
    qtbot.keyClick(panel.bobot, Qt.Key.Key_Down)
    assert panel.bobot.currentData() == "0.11"
    assert panel.score.text() == "90,56"
    assert "bobot 0,11" in panel.ikm_line.text()

    # The CSV keeps the contract's dot decimals.
    out = tmp_path / "skm.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "skm"), ""))
    panel.bobot.setCurrentIndex(0)
    panel.save_file("csv")
    qtbot.waitUntil(lambda: out.exists() and "disimpan" in panel.status.text(), timeout=30_000)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "unsur,responden,jumlah,nrr,nilai,mutu"
    assert lines[3] == "U3,29,100,3.4483,86.21,B"
    assert lines[-1] == "IKM,29,,3.6590,91.48,A"


def test_respondents_below_the_sample_are_warned_in_the_warning_colour(qtbot, desk: UiContext) -> None:  # type: ignore[no-untyped-def]
    _worked_example(desk.app)
    walk_in(desk.app, desk.actor, "Rombongan Kecamatan", jumlah_orang=60)  # N = 60 people → S = 52
    panel = _panel(qtbot, desk)
    assert panel.warning.isVisible()
    assert "29 kurang dari sampel minimal 52" in panel.warning.text()
    assert WARNING_COLOR in panel.warning.styleSheet()
    assert panel.score.text() == "91,48"  # a warning, never a block


def test_rtl_is_suggested_edited_saved_and_read_back(qtbot, desk: UiContext, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _worked_example(desk.app)
    panel = _panel(qtbot, desk)
    # Nothing stored yet: the lowest unsur first, as a suggestion that is not "unsaved".
    assert [r.unsur for r in panel.rtl.rows()] == ["U3", "U2", "U5"]  # the three lowest NRR
    assert not panel.rtl.dirty
    grid = panel.rtl.table
    grid.setCurrentCell(0, 1)
    grid.editItem(grid.item(0, 1))
    editor = grid.focusWidget()
    qtbot.keyClicks(editor, "Tambah petugas loket pada jam sibuk")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    qtbot.keyClicks(grid.focusWidget(), "Triwulan III 2026")
    qtbot.keyClick(grid.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClicks(grid.focusWidget(), "Sub Bagian Umum")
    qtbot.keyClick(grid.focusWidget(), Qt.Key.Key_Return)
    assert panel.rtl.dirty and "belum disimpan" in panel.rtl_hint.text()
    qtbot.mouseClick(panel.rtl.add_button, Qt.MouseButton.LeftButton)
    assert grid.rowCount() == 4
    qtbot.mouseClick(panel.rtl_save, Qt.MouseButton.LeftButton)
    assert "disimpan (1 baris)" in panel.rtl_message.text()  # rows without any text are left out

    again = _panel(qtbot, desk)
    rows = again.rtl.rows()
    assert rows == [
        skm.RtlRow("U3", "Tambah petugas loket pada jam sibuk", "Triwulan III 2026", "Sub Bagian Umum")
    ]
    assert not again.rtl.dirty

    # An edit left unsaved is asked about before the period changes; "Simpan" stores it.
    questions: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text, **kw: questions.append(text) or True)
    again.rtl.table.item(0, 2).setText("Juli 2026")
    again.part.setCurrentIndex(1)  # Semester II
    assert len(questions) == 1 and "Semester I 2026" in questions[0]
    assert again.report is not None and again.report.periode == "2026-S2"
    with desk.app.db.read() as s:
        assert (
            s.scalar(select(SurveyFollowUp.waktu).where(SurveyFollowUp.periode == "2026-S1")) == "Juli 2026"
        )


def test_viewers_read_the_rtl_but_do_not_edit_import_or_open_the_kiosk(
    qtbot, desk: UiContext, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    _worked_example(desk.app)
    opened: list[UiContext] = []
    monkeypatch.setattr(kiosk_window, "open_kiosk", lambda ctx: opened.append(ctx))
    clerk = _panel(qtbot, desk)
    qtbot.mouseClick(clerk.kiosk_button, Qt.MouseButton.LeftButton)
    assert opened == [desk]

    viewer = _panel(qtbot, UiContext(desk.app, demo_actor(desk.app, "kadis")))
    assert viewer.score.text() == "91,48"
    assert not viewer.import_button.isVisible() and not viewer.kiosk_button.isVisible()
    assert viewer.pdf_button.isVisible() and viewer.xlsx_button.isVisible()
    assert not viewer.rtl.buttons.isVisible()
    # No RTL stored yet: the viewer is told so, not shown the clerk's suggestion as if it were the plan.
    assert viewer.rtl.table.rowCount() == 0 and "belum diisi" in viewer.rtl_hint.text()
    with desk.app.db.transaction() as s:
        skm.save_rtl(s, desk.actor, "2026-S1", [skm.RtlRow("U3", "Tambah petugas loket")])
    viewer.refresh()
    assert viewer.rtl.rows() == [skm.RtlRow("U3", "Tambah petugas loket")]
    assert not viewer.rtl.table.cellWidget(0, 0).isEnabled()
    assert not viewer.rtl.table.editTriggers()
    assert viewer.open_import() is None and viewer.open_kiosk() is None


def test_the_printed_report_is_previewed_and_a_real_print_is_recorded(
    qtbot, desk: UiContext, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    _worked_example(desk.app)
    panel = _panel(qtbot, desk)
    qtbot.mouseClick(panel.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.preview is not None, timeout=30_000)
    preview = panel.preview
    assert preview is not None and preview.page_count() >= 1
    with desk.app.db.read() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "cetak")) == 0
    preview.delivered.emit(Delivery(path=str(tmp_path / "laporan-skm-2026-S1.pdf"), pages=2))
    with desk.app.db.read() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "cetak")).one()
    assert (entry.entity, entry.entity_id) == ("skm", "2026-S1")
    assert entry.summary.startswith("Laporan SKM Semester I 2026: disimpan sebagai PDF")
    preview.close()


def _form_export(path: Path) -> Path:
    """A form export whose U5 column has a header the app cannot place."""
    headers = [
        "Timestamp",
        "U1",
        "U2",
        "U3",
        "U4",
        "Kesesuaian hasil layanan",
        "U6",
        "U7",
        "U8",
        "U9",
        "Saran",
    ]
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(headers)
        for row in _answers():
            writer.writerow(["02/03/2026 09:15:30", *[str(v) for v in row], ""])
    return path


def test_an_unknown_header_mapped_to_u5_by_hand_imports(
    qtbot, desk: UiContext, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    source = _form_export(tmp_path / "jawaban formulir.csv")
    panel = _panel(qtbot, desk)
    assert panel.score.text() == "–"
    dialog = panel.open_import()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
    _idle(qtbot, dialog)

    assert dialog.pages.currentIndex() == SkmImportDialog.PAGE_MAPPING
    assert "29 responden, 11 kolom" in dialog.file_info.text()
    combo = dialog.combos["Kesesuaian hasil layanan"]
    assert combo.currentData() == UNSETTLED  # not guessed, not silently dropped
    assert dialog.mapping()["U1"] == "U1" and dialog.mapping()["Timestamp"] == "waktu"
    assert not dialog.check_button.isEnabled()
    assert "“Kesesuaian hasil layanan”" in dialog.mapping_message.text()
    assert "U: U1 U2 U3 U4 U6 U7 U8 U9" in dialog.required_label.text()

    combo.setFocus()
    qtbot.keyClicks(combo, "U5")
    assert combo.currentData() == "U5"
    assert dialog.check_button.isEnabled()
    assert "U1–U9" in dialog.required_label.text()
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    _idle(qtbot, dialog)
    assert dialog.pages.currentIndex() == SkmImportDialog.PAGE_CHECK
    assert "Semua 29 responden valid" in dialog.summary.text()
    with qtbot.waitSignal(dialog.imported):
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
    _idle(qtbot, dialog)
    assert "29</b> responden SKM diimpor" in dialog.done_label.text()
    assert panel.score.text() == "91,48"  # the page shows the imported answers at once
    with desk.app.db.read() as s:
        assert s.scalar(select(func.sum(SurveyResponse.u5))) == SUMS[4]
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)

    # The same file again is noticed; "Batal" imports nothing.
    questions: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text, **kw: questions.append(text) or False)
    second = SkmImportDialog(desk)
    qtbot.addWidget(second)
    second.load_file(source)
    _idle(qtbot, second)
    second.combos["Kesesuaian hasil layanan"].setCurrentIndex(
        second.combos["Kesesuaian hasil layanan"].findData("U5")
    )
    second.validate()
    _idle(qtbot, second)
    second.import_all()
    _idle(qtbot, second)
    assert len(questions) == 1 and "sudah pernah diimpor" in questions[0]
    assert "tidak ada yang diimpor" in second.check_message.text()
    with desk.app.db.read() as s:
        assert s.scalar(select(func.count()).select_from(SurveyResponse)) == RESPONDENTS


@pytest.mark.parametrize("screen", SCREEN_IDS)
def test_the_skm_page_and_the_import_fit_small_screens(
    qtbot, desk: UiContext, tmp_path: Path, screen: str
) -> None:  # type: ignore[no-untyped-def]
    _worked_example(desk.app)
    walk_in(desk.app, desk.actor, "Rombongan Kecamatan", jumlah_orang=60)
    tabs = QTabWidget()  # as the lead adds it: the "SKM" sub-tab of Buku Tamu
    tabs.setDocumentMode(True)
    panel = SkmPanel(desk)
    tabs.addTab(panel, "SKM")
    qtbot.addWidget(tabs)
    show_at(tabs, screen)
    assert problems(tabs) == []
    assert panel.table.verticalScrollBar().maximum() == 0  # all ten rows of the table at once
    shoot(tabs, f"skm_{screen}")
    panel.scroll.verticalScrollBar().setValue(panel.scroll.verticalScrollBar().maximum())
    pump()
    shoot(tabs, f"skm_bawah_{screen}")

    dialog = SkmImportDialog(desk)
    qtbot.addWidget(dialog)
    dialog.load_file(_form_export(tmp_path / "jawaban.csv"))
    _idle(qtbot, dialog)
    fits_dialog(dialog, screen)
    assert problems(dialog) == []
    shoot(dialog, f"skm_impor_pemetaan_{screen}")
