"""Agenda Keluar as the pengelola surat uses it: type a signed letter, Ctrl+S for its number, copy it, cancel."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.core import clock
from desktop.services.letters import incoming as letters
from desktop.services.system import AppContext
from desktop.ui import dialogs
from desktop.ui.context import UiContext
from desktop.ui.letters.outgoing_form import OutgoingForm
from desktop.ui.letters.outgoing_list import SentDialog
from desktop.ui.letters.outgoing_panel import OutgoingPanel
from tests.ui.office import demo_actor

TUJUAN = "Kepala Dinas Perdagangan Kota Samarinda"
PERIHAL = "Undangan Rapat Koordinasi Stabilisasi Harga"


def _panel(qtbot, app_ctx: AppContext, username: str = "surat") -> OutgoingPanel:  # type: ignore[no-untyped-def]
    panel = OutgoingPanel(UiContext(app_ctx, demo_actor(app_ctx, username)))
    qtbot.addWidget(panel)
    panel.resize(1366, 700)
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel, timeout=2000)
    return panel


def _year() -> int:
    return clock.today("WITA").year


def _fill(form: OutgoingForm, tujuan: str = TUJUAN, perihal: str = PERIHAL, kode: str = "000.1.5") -> None:
    form.tujuan.setText(tujuan)
    form.perihal.setPlainText(perihal)
    form.kode.setText(kode)


def test_keyboard_entry_takes_a_number_and_copies_it(qtbot, filled: AppContext) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(qtbot, filled)
    form, book = panel.form, panel.list
    year = _year()
    assert f"belum ada surat keluar tahun {year}" in form.last_label.text()
    assert form.penandatangan.currentText().startswith("Kepala Dinas — ")  # the signer set for surat keluar

    form.focus_first()
    assert form.tujuan.hasFocus()
    qtbot.keyClicks(form.tujuan, TUJUAN)
    qtbot.keyClick(form.tujuan, Qt.Key.Key_Return)
    assert form.alamat.hasFocus()
    qtbot.keyClick(form.alamat, Qt.Key.Key_Return)
    assert form.perihal.hasFocus()
    qtbot.keyClicks(form.perihal, PERIHAL)
    qtbot.keyClick(form.perihal, Qt.Key.Key_Return)
    assert form.kode.hasFocus() and form.perihal.toPlainText() == PERIHAL
    qtbot.keyClicks(form.kode, "000.1.5")
    form.code_completer.popup().hide()
    assert "Rapat" in form.code_info.text()
    assert form.preview_label.text() == f"Nomor berikutnya: 000.1.5/1/DP2KUKM/{year}"
    with qtbot.waitSignal(form.issued) as issued:
        qtbot.keyClick(form.kode, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    number = f"000.1.5/1/DP2KUKM/{year}"
    info = issued.args[0]
    assert info.nomor_surat == number and info.status == "ditandatangani"
    assert form.result_box.isVisible() and form.number_label.text() == number
    assert "Nomor terakhir: <b>1</b>" in form.last_label.text()
    # Ready for the next letter, with focus on Tujuan; the number stays on screen to be copied.
    assert form.tujuan.text() == "" and form.perihal.toPlainText() == "" and form.tujuan.hasFocus()

    QApplication.clipboard().clear()
    qtbot.mouseClick(form.copy_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == number
    QApplication.clipboard().clear()
    qtbot.keyClick(
        form.tujuan, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert QApplication.clipboard().text() == number

    assert book.model.rowCount() == 1
    row = [book.model.index(0, c).data() for c in range(book.model.columnCount())]
    assert row[0] == number and row[2] == TUJUAN and row[3] == PERIHAL and row[4] == "000.1.5"
    assert row[5] == "Kepala Dinas" and row[6] == "Ditandatangani"
    assert book.selected_id() == info.id


def test_a_missing_code_is_shown_under_the_field_and_nothing_is_lost(qtbot, filled: AppContext) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(qtbot, filled)
    form = panel.form
    _fill(form, kode="")
    assert form.issue() is None
    assert "Kode klasifikasi wajib diisi" in form.error_text("kode_klasifikasi")
    assert form.kode.hasFocus()
    assert form.tujuan.text() == TUJUAN and form.perihal.toPlainText() == PERIHAL
    assert not form.result_box.isVisible() and panel.list.model.rowCount() == 0


def test_cancel_from_the_list_marks_the_number_batal(qtbot, filled: AppContext, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(qtbot, filled)
    form, book = panel.form, panel.list
    _fill(form)
    first = form.issue()
    assert first is not None
    monkeypatch.setattr(book, "ask_reason", lambda info: "Surat tidak jadi dikirim")
    questions: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text, **kw: questions.append(text) or True)
    assert book.cancel_selected()
    assert "Surat tidak jadi dikirim" in questions[0]
    assert book.model.index(0, 6).data() == "Batal"
    assert "Alasan batal: Surat tidak jadi dikirim" in book.model.index(0, 0).data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert not book.cancel_button.isEnabled() and book.copy_button.isEnabled()

    _fill(form, tujuan="Bank Indonesia Perwakilan Kalimantan Timur")
    second = form.issue()
    assert second is not None and second.urut == 2  # the cancelled number is never handed out again
    assert [book.model.index(r, 6).data() for r in range(2)] == ["Ditandatangani", "Batal"]


def test_reserve_confirm_and_mark_sent(qtbot, filled: AppContext, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(qtbot, filled)
    form, book = panel.form, panel.list
    _fill(form)
    qtbot.keyClick(form.pesan, Qt.Key.Key_Space)
    assert form.issue_button.text() == "Pesan nomor"
    reserved = form.issue()
    assert reserved is not None and reserved.status == "dipesan"
    assert "DIPESAN" in form.number_detail.text()
    assert book.model.index(0, 6).data() == "Dipesan (konsep)"
    assert book.confirm_button.isEnabled() and not book.sent_button.isEnabled()

    monkeypatch.setattr(book, "ask_signed_date", lambda info: info.tanggal_surat)
    assert book.confirm_selected()
    assert book.model.index(0, 6).data() == "Ditandatangani"
    assert not book.confirm_button.isEnabled() and book.sent_button.isEnabled()

    monkeypatch.setattr(book, "ask_sent", lambda info: (info.tanggal_surat, "caraka"))
    assert book.mark_sent_selected()
    assert book.model.index(0, 6).data().startswith("Dikirim ")


def test_back_dated_letter_gets_a_hint_and_an_inserted_number(qtbot, filled: AppContext) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(qtbot, filled)
    form = panel.form
    today = form.tanggal.date()
    assert today is not None
    early = today - timedelta(days=10) if today.timetuple().tm_yday > 10 else today  # three dates in one year
    form.tanggal.setDate(early)
    _fill(form)
    assert form.issue() is not None
    form.tanggal.setDate(early + timedelta(days=10))
    _fill(form)
    assert form.issue() is not None
    assert not form.backdate_label.isVisible()

    form.tanggal.setDate(early + timedelta(days=5))
    assert form.backdate_label.isVisible() and "Sudah ada nomor 2" in form.backdate_label.text()
    form.sisipkan.setChecked(True)
    assert not form.backdate_label.isVisible() and form.issue_button.text() == "Ambil nomor sisipan"
    _fill(form)
    info = form.issue()
    assert info is not None and info.nomor_surat.startswith("000.1.5/1.01/")
    assert not form.sisipkan.isChecked()  # back to regular numbers for the next letter
    assert [panel.list.model.index(r, 0).data().split("/")[1] for r in range(3)] == ["2", "1.01", "1"]


def test_balasan_atas_resolves_an_incoming_agenda_number(qtbot, filled: AppContext) -> None:  # type: ignore[no-untyped-def]
    clerk = demo_actor(filled, "surat")
    received = clock.now("WITA") - timedelta(hours=1)
    with filled.db.transaction() as s:
        incoming = letters.register_incoming(
            s,
            clerk,
            letters.IncomingInput(
                tanggal_diterima=received,
                asal_surat="Bank Indonesia Perwakilan Kalimantan Timur",
                nomor_surat="B/12/KPw/2026",
                tanggal_surat=received.date(),
                perihal="Permohonan data harga",
            ),
        )
    panel = _panel(qtbot, filled)
    form = panel.form
    _fill(form)
    form.balasan.setText("99")
    assert form.issue() is None
    assert "tidak ditemukan" in form.error_text("balasan_atas")
    form.balasan.setText(incoming.agenda)
    assert form.resolve_balasan()
    assert "Bank Indonesia" in form.balasan_info.text()
    info = form.issue()
    assert info is not None and info.balasan_atas == incoming.agenda


def test_pimpinan_sees_a_disabled_form_and_the_list(qtbot, filled: AppContext) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(qtbot, filled, "kadis")
    assert not panel.form.isEnabled()
    assert panel.read_only_note is not None and "pengelola surat" in panel.read_only_note.text()
    assert panel.list.isEnabled()
    assert not panel.list.cancel_button.isVisible() and not panel.list.confirm_button.isVisible()
    _fill(panel.form)
    assert panel.form.issue() is None
    assert panel.list.model.rowCount() == 0


def test_the_sent_date_is_typed_and_an_impossible_one_keeps_the_dialog_open(
    qtbot, filled: AppContext
) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(qtbot, filled)
    _fill(panel.form)
    info = panel.form.issue()
    assert info is not None
    dialog = SentDialog(info, date(2026, 12, 7))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tanggal.selectAll()
    qtbot.keyClicks(dialog.tanggal, "31/04/2026")
    dialog.accept()
    assert dialog.isVisible() and dialog.result() != dialog.DialogCode.Accepted
    assert "April 2026 hanya 30 hari" in dialog.tanggal.caption.text()
    dialog.tanggal.selectAll()
    qtbot.keyClicks(dialog.tanggal, "8-12-26")
    assert dialog.tanggal.caption.text() == "Selasa, 8 Desember 2026"
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.values()[0] == date(2026, 12, 8)
