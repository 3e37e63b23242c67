"""Pengaturan › Surat as the admin and the letter clerk use it: number series and the instruction list."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from desktop.core import clock
from desktop.core.dates import roman_month
from desktop.core.letters.rules import DEFAULT_INSTRUCTIONS
from desktop.services.letters import incoming, outgoing
from desktop.services.system import AppContext
from desktop.ui import dialogs
from desktop.ui.context import UiContext
from desktop.ui.settings import common
from desktop.ui.settings.letters_page import InstructionDialog, LettersPage
from desktop.ui.settings.series_dialog import SeriesDialog
from desktop.ui.settings.settings_tab import SettingsTab
from tests.ui.office import demo_actor


@pytest.fixture
def confirmations(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Confirmations are answered "yes" and recorded; warnings are recorded instead of shown."""
    asked: list[str] = []

    def confirm(_parent, _title, text, **kw):  # type: ignore[no-untyped-def]
        asked.append(f"{text} {kw.get('informative', '')}")
        return True

    monkeypatch.setattr(dialogs, "confirm", confirm)
    monkeypatch.setattr(common, "warn", lambda _p, _t, text, _i="": asked.append(f"PERINGATAN {text}"))
    return asked


@pytest.fixture
def tabs() -> list[SettingsTab]:
    """Holds the tabs a test opens: the page alone does not keep its tab alive."""
    return []


def _page(qtbot, tabs: list[SettingsTab], ctx: AppContext, username: str = "admin") -> LettersPage:  # type: ignore[no-untyped-def]
    tab = SettingsTab(UiContext(ctx, demo_actor(ctx, username)))
    qtbot.addWidget(tab)
    tabs.append(tab)
    tab.resize(1366, 700)
    tab.show()
    qtbot.waitExposed(tab)
    tab.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is tab, timeout=2000)
    page = tab.show_page("letters")
    assert isinstance(page, LettersPage)
    return page


def _drive(qtbot, fill: Callable[[QDialog], None]) -> Callable[[QDialog], int]:  # type: ignore[no-untyped-def]
    """An ``exec_dialog`` replacement: show the dialog, let ``fill`` type into it, then press OK."""

    def run(dialog: QDialog) -> int:
        qtbot.addWidget(dialog)
        dialog.show()
        fill(dialog)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
        return dialog.result()

    return run


def _retype(qtbot, edit, text: str) -> None:  # type: ignore[no-untyped-def]
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(edit, text)


def _cell(page: LettersPage, table_name: str, row: int, column: int) -> str:
    table = getattr(page, table_name)
    return str(table.item(row, column).text())


def test_edit_series_pattern_with_live_preview(qtbot, tabs: list[SettingsTab], filled: AppContext) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, tabs, filled)
    assert page.series_table.rowCount() == 1
    assert _cell(page, "series_table", 0, 1) == "{kka}/{urut}/{unit}/{tahun}"
    today = clock.today("WITA")
    assert _cell(page, "series_table", 0, 4) == f"800.1.11.1/1/DP2KUKM/{today.year}"  # unit from the profile
    seen: dict[str, object] = {}

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, SeriesDialog)
        _retype(qtbot, dialog.template, "{keamanan}/{urut:03d}/{kka}/{unit}/{bulan_romawi}/{tahun")
        seen["bad"] = dialog.preview_text()
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # refused, the dialog stays open
        seen["still_open"] = dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
        seen["typed"] = dialog.template.text()
        qtbot.keyClicks(dialog.template, "}")
        _retype(qtbot, dialog.kode_unit, "SEK.UM")
        _retype(qtbot, dialog.nama, "Surat Keluar Sekretariat")
        seen["good"] = dialog.preview_text()

    page.exec_dialog = _drive(qtbot, fill)
    page.series_table.setFocus()
    qtbot.keyClick(page.series_table, Qt.Key.Key_Return)  # Enter opens the selected series

    assert "tidak ditutup" in str(seen["bad"]) and "Pola nomor surat tidak valid" in str(seen["bad"])
    assert seen["still_open"]
    assert (
        seen["typed"] == "{keamanan}/{urut:03d}/{kka}/{unit}/{bulan_romawi}/{tahun"
    )  # nothing typed is lost
    assert seen["good"] == f"B/001/800.1.11.1/SEK.UM/{roman_month(today.month)}/{today.year}"
    with filled.db.transaction() as s:
        (series,) = outgoing.list_series(s)
    assert (series.nama, series.template, series.kode_unit) == (
        "Surat Keluar Sekretariat",
        "{keamanan}/{urut:03d}/{kka}/{unit}/{bulan_romawi}/{tahun}",
        "SEK.UM",
    )
    assert _cell(page, "series_table", 0, 0) == "Surat Keluar Sekretariat"
    assert _cell(page, "series_table", 0, 4) == seen["good"]


def test_edit_instructions_with_the_keyboard(
    qtbot, tabs: list[SettingsTab], filled: AppContext, confirmations: list[str]
) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, tabs, filled, "surat")  # the letter clerk keeps this list
    table = page.instruction_table
    assert [_cell(page, "instruction_table", r, 1) for r in range(table.rowCount())] == list(
        DEFAULT_INSTRUCTIONS
    )

    # Rename "Wakili/hadiri" (Enter), then move it up twice (Alt+Up).
    assert common.select_row_where(table, lambda d: d == page.instructions[5].id)
    page.exec_dialog = _drive(
        qtbot,
        lambda d: (
            _retype(qtbot, d.teks, "Wakili / hadiri rapat") if isinstance(d, InstructionDialog) else None
        ),
    )
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.keyClick(table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert page.selected_instruction() is not None
    assert page.selected_instruction().teks == "Wakili / hadiri rapat"  # the selection follows the row

    # Add one at the end with the button, then deactivate "Arsip/file" after confirming.
    page.exec_dialog = _drive(qtbot, lambda d: qtbot.keyClicks(d.teks, "Pelajari dan laporkan"))
    qtbot.mouseClick(page.add_instruction_button, Qt.MouseButton.LeftButton)
    assert common.select_row_where(table, lambda d: d == page.instructions[9].id)
    assert page.selected_instruction().teks == "Arsip/file"
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Delete)  # deactivates after confirming; nothing is deleted
    assert len(confirmations) == 1 and "Nonaktifkan instruksi “Arsip/file”?" in confirmations[0]
    assert "Sudah dipakai" not in confirmations[0]  # no hop used it yet
    assert _cell(page, "instruction_table", 9, 0) == common.DASH  # not printed any more
    assert _cell(page, "instruction_table", 9, 1) == "Arsip/file"  # still listed, at its place
    assert page.toggle_button.text().replace("&", "") == "Aktifkan kembali"
    qtbot.keyClick(table, Qt.Key.Key_Delete)  # Delete never reactivates
    assert len(confirmations) == 1 and _cell(page, "instruction_table", 9, 0) == common.DASH

    with filled.db.transaction() as s:
        active = incoming.list_instructions(s)
    assert active == [
        "Tanggapan dan saran",
        "Proses lebih lanjut",
        "Koordinasikan/konfirmasikan",
        "Wakili / hadiri rapat",
        "Untuk diketahui",
        "Untuk ditindaklanjuti",
        "Siapkan bahan/jawaban",
        "Jadwalkan/agendakan",
        "Bicarakan dengan saya",
        "Lainnya",
        "Pelajari dan laporkan",
    ]
    assert page.add_series_button.isHidden()  # number series stay with admin


def test_duplicate_instruction_message_beside_the_field(
    qtbot, tabs: list[SettingsTab], filled: AppContext, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, tabs, filled)
    seen: dict[str, object] = {}
    asked: list[str] = []  # closing with the typed text asks first; the clerk throws it away
    monkeypatch.setattr(dialogs, "confirm", lambda _parent, title, *_a, **_k: asked.append(title) or True)

    def fill(dialog: QDialog) -> None:
        qtbot.keyClicks(dialog.teks, "untuk diketahui")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        seen["error"] = dialog.form.error_message("teks")
        seen["open"] = dialog.isVisible()
        dialog.reject()

    page.exec_dialog = lambda dialog: (qtbot.addWidget(dialog), dialog.show(), fill(dialog), dialog.result())[
        -1
    ]
    qtbot.mouseClick(page.add_instruction_button, Qt.MouseButton.LeftButton)
    assert seen == {"error": "Instruksi “Untuk diketahui” sudah ada di daftar.", "open": True}
    assert len(asked) == 1
    with filled.db.transaction() as s:
        assert incoming.list_instructions(s) == list(DEFAULT_INSTRUCTIONS)


def test_pimpinan_sees_the_page_read_only(qtbot, tabs: list[SettingsTab], filled: AppContext) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, tabs, filled, "kadis")
    assert page.findChild(type(common.read_only_note()), "readOnlyNote") is not None
    for button in (
        page.add_series_button,
        page.edit_series_button,
        page.add_instruction_button,
        page.toggle_button,
    ):
        assert button.isHidden()
    assert page.instruction_table.rowCount() == len(DEFAULT_INSTRUCTIONS)
