"""The letter forms' mistakes as the clerk meets them: all at once, no spurious one after a double click, and
Enter walking every field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import select

from desktop.models.admin import User
from desktop.services.common import auth
from desktop.services.system import AppContext
from desktop.ui.context import UiContext
from desktop.ui.letters import SuratTab
from desktop.ui.letters.outgoing_panel import OutgoingPanel


def _ui(app_ctx: AppContext) -> UiContext:
    with app_ctx.db.transaction() as s:
        actor = auth.actor_for(s.scalar(select(User).where(User.username == "surat")))
    return UiContext(app_ctx, actor)


def _show(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    qtbot.addWidget(widget)
    widget.resize(1366, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget, timeout=2000)


def test_three_empty_required_fields_show_at_once_and_the_cursor_goes_to_the_first(  # type: ignore[no-untyped-def]
    qtbot, filled: AppContext
) -> None:
    tab = SuratTab(_ui(filled))
    _show(qtbot, tab)
    form = tab.form
    form.focus_first()
    qtbot.keyClicks(form.lampiran, "1 berkas")  # something typed, but not Asal, Nomor or Perihal
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    assert form.error_text("asal_surat") == "Asal surat wajib diisi."
    assert form.error_text("nomor_surat").startswith("Nomor surat wajib diisi")
    assert form.error_text("perihal") == "Perihal wajib diisi."
    summary = form.status_label.text()
    assert form.status_label.isVisible() and "Periksa 3 isian" in summary
    assert summary.index("Asal surat") < summary.index("Nomor surat") < summary.index("Perihal")
    for name in ("asal_surat", "nomor_surat", "perihal"):
        assert form.rows.labels[name].property("invalid") is True  # each bad row's label is marked
    assert not form.rows.labels["lampiran"].property("invalid")
    assert form.asal.hasFocus()  # the first bad field in the form's order
    assert tab.list.model.rowCount() == 0
    # Fixing one field clears its own mark; the others stay until fixed.
    qtbot.keyClicks(form.asal, "Bank Indonesia")
    assert form.error_text("asal_surat") == "" and not form.rows.labels["asal_surat"].property("invalid")
    assert form.error_text("perihal") == "Perihal wajib diisi."


def test_double_click_on_simpan_keeps_the_success_message_and_saves_one_letter(  # type: ignore[no-untyped-def]
    qtbot, filled: AppContext
) -> None:
    tab = SuratTab(_ui(filled))
    _show(qtbot, tab)
    form = tab.form
    form.focus_first()
    qtbot.keyClicks(form.asal, "Bank Indonesia Perwakilan Kalimantan Timur")
    qtbot.keyClicks(form.nomor, "B/12/KPw-Kaltim/2026")
    qtbot.keyClicks(form.perihal, "Undangan rapat")
    qtbot.mouseDClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)  # press, release, press, release

    assert "Tersimpan" in form.status_label.text()
    assert "wajib" not in form.status_label.text()
    assert form.error_text("asal_surat") == ""
    assert tab.list.model.rowCount() == 1
    # Once the clerk types the next letter, Simpan checks it again.
    qtbot.keyClicks(form.asal, "Dinas Kesehatan")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.error_text("perihal") == "Perihal wajib diisi."


def test_double_click_on_ambil_nomor_keeps_the_number_panel(qtbot, filled: AppContext) -> None:  # type: ignore[no-untyped-def]
    panel = OutgoingPanel(_ui(filled))
    _show(qtbot, panel)
    form = panel.form
    form.focus_first()
    qtbot.keyClicks(form.tujuan, "Kepala Biro Umum Setda Provinsi")
    qtbot.keyClicks(form.perihal, "Laporan")
    qtbot.keyClicks(form.kode, "000.1.5")
    form.code_completer.popup().hide()
    qtbot.mouseClick(form.issue_button, Qt.MouseButton.LeftButton)
    number = form.number_label.text()
    assert number
    qtbot.mouseClick(form.issue_button, Qt.MouseButton.LeftButton)
    assert form.number_label.text() == number and form.result_box.isVisible()
    assert form.error_text("tujuan") == "" and "wajib" not in form.status_label.text()
    assert panel.list.model.rowCount() == 1


def test_enter_walks_every_field_urgensi_included(qtbot, filled: AppContext) -> None:  # type: ignore[no-untyped-def]
    tab = SuratTab(_ui(filled))
    _show(qtbot, tab)
    form = tab.form
    form.keamanan.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(form.keamanan, Qt.Key.Key_Down)  # the clerk picks a keamanan with the keys first
    qtbot.keyClick(form.keamanan, Qt.Key.Key_Return)
    assert form.urgensi.hasFocus()
    qtbot.keyClick(form.urgensi, Qt.Key.Key_Return)
    assert form.lampiran.hasFocus()
    # From the first field on, every visible field of the chain is reached in order, Urgensi among them.
    form.terima.setFocus(Qt.FocusReason.TabFocusReason)
    seen = [QApplication.focusWidget()]
    for _ in range(len(form.enter_chain)):
        if seen[-1] is form.save_button:
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        seen.append(QApplication.focusWidget())
    expected = [w for w in form.enter_chain if w.isVisibleTo(form)]
    assert [w.objectName() for w in seen] == [w.objectName() for w in expected]


def test_enter_reaches_urgensi_in_the_outgoing_form(qtbot, filled: AppContext) -> None:  # type: ignore[no-untyped-def]
    panel = OutgoingPanel(_ui(filled))
    _show(qtbot, panel)
    form = panel.form
    form.keamanan.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(form.keamanan, Qt.Key.Key_Return)
    assert form.urgensi.hasFocus()
