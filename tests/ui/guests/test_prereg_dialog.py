"""Pra-registrasi by phone at the desk (R18): a code made by keystrokes that the arrival then accepts."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from desktop.core import clock
from desktop.services.guests import prereg
from desktop.ui.context import UiContext
from desktop.ui.guests.prereg_dialog import PreregDialog
from tests.ui.screens import SCREEN_IDS, fits_dialog, problems, shoot

WITA = ZoneInfo("Asia/Makassar")


def _dialog(qtbot, ui: UiContext) -> PreregDialog:  # type: ignore[no-untyped-def]
    dialog = PreregDialog(ui)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_a_registration_by_keystrokes_gives_a_code_that_the_arrival_accepts(
    qtbot, desk: UiContext, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, desk)
    # Monday 2 March 2026: the next working day is Tuesday 3 March.
    assert dialog.tanggal.date() == date(2026, 3, 3)
    dialog.nama.setFocus()
    qtbot.keyClicks(dialog.nama, "Siti Rahmawati")
    qtbot.keyClicks(dialog.keperluan.lineEdit(), "Audiensi")
    qtbot.keyClicks(dialog.tujuan.lineEdit(), "umum")  # every typed word: the one unit that holds it
    qtbot.keyClicks(dialog.no_hp, "0812 5555 1234")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    view = dialog.last
    assert view is not None and view.kode_registrasi
    code = view.kode_registrasi
    assert dialog.code_label.text().replace(" ", "") == code
    assert dialog.code_label.isVisible() and dialog.slip_button.isVisible()
    assert dialog.nama.text() == ""  # ready for the next caller
    # The list of the day shows the registration with its code.
    assert [(v.kode_registrasi, v.nama) for v in dialog.expected_model.rows] == [(code, "Siti Rahmawati")]
    # The slip carries the code as text (and as a QR of the same code).
    pdf = dialog.slip_pdf()
    assert pdf is not None
    path = tmp_path / "slip.pdf"
    path.write_bytes(pdf)
    text = PdfReader(path).pages[0].extract_text()
    assert f"{code[:4]} {code[4:]}" in text and "Siti Rahmawati" in text
    # The next day the guest arrives and the desk types the code: a check-in with a ticket.
    with clock.fixed(datetime(2026, 3, 3, 8, 30, tzinfo=WITA)), desk.app.db.transaction() as s:
        arrived = prereg.arrive(s, desk.actor, code.lower())
    assert arrived.status == "menunggu" and arrived.tiket == "A001" and arrived.nama == "Siti Rahmawati"


def test_a_missing_tujuan_and_a_past_date_are_said_next_to_their_fields(qtbot, desk: UiContext) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, desk)
    qtbot.keyClicks(dialog.nama, "Andi")
    qtbot.keyClicks(dialog.keperluan.lineEdit(), "Audiensi")
    qtbot.keyClicks(dialog.tujuan.lineEdit(), "gudang")
    dialog.tanggal.setText("01-03-2026")
    assert dialog.save() is None
    assert "Pilih tujuan dari daftar" in dialog.rows.error_text("tujuan")
    assert "sebelum" in dialog.rows.error_text("tanggal")
    assert dialog.nama.text() == "Andi"  # nothing typed is lost
    with desk.app.db.read() as s:
        assert prereg.list_for(s, desk.actor, date(2026, 3, 3)) == []


@pytest.mark.parametrize("screen", SCREEN_IDS)
def test_the_prereg_dialog_fits_small_screens(qtbot, desk: UiContext, screen: str) -> None:  # type: ignore[no-untyped-def]
    dialog = PreregDialog(desk)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.nama, "Siti Rahmawati")
    qtbot.keyClicks(dialog.keperluan.lineEdit(), "Audiensi")
    qtbot.keyClicks(dialog.tujuan.lineEdit(), "Sekretariat")
    dialog.save()
    fits_dialog(dialog, screen)
    assert problems(dialog) == []
    shoot(dialog, f"buku_tamu_prereg_{screen}")
