"""The front desk as the petugas uses it: a walk-in by keystrokes, check-out by card, returning guests, NIK."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import select

from desktop.models.admin import AuditEntry
from desktop.models.guests import GuestCard, Visit
from desktop.services.guests import prereg, visits
from desktop.services.system import AppContext
from desktop.ui.context import UiContext
from desktop.ui.guests.desk_panel import DeskPanel
from desktop.ui.guests.guests_tab import GuestsTab
from tests.integration.guests.desk import first_unit, walk_in
from tests.ui.office import demo_actor


def _answer_next_box(qtbot, key: Qt.Key = Qt.Key.Key_Return) -> None:  # type: ignore[no-untyped-def]
    """Press ``key`` in the message box that is about to open, as the clerk would."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(10, press)
            return
        qtbot.keyClick(box, key)

    QTimer.singleShot(0, press)


def _panel(qtbot, ui: UiContext, tmp_path: Path | None = None) -> DeskPanel:  # type: ignore[no-untyped-def]
    panel = DeskPanel(ui)
    qtbot.addWidget(panel)
    if tmp_path is not None:
        # A real print job through Qt's PDF printer: the slip goes through print_pdf like to a spooler.
        def pdf_printer() -> QPrinter:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(tmp_path / "slip.pdf"))
            return printer

        panel.slip_printer = pdf_printer  # type: ignore[method-assign]
    panel.resize(1366, 698)
    with qtbot.waitActive(panel):
        panel.show()
        panel.activateWindow()
    assert panel.form is not None
    panel.form.focus_first()
    return panel


def _type(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    """Keystrokes into whatever has the focus, then nothing else."""
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClicks(widget, text)


def _enter(qtbot) -> None:  # type: ignore[no-untyped-def]
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def _focused_field(panel: DeskPanel) -> QWidget | None:
    widget = QApplication.focusWidget()
    # An editable combo's own line edit stands for the combo.
    return widget.parentWidget() if widget is not None and widget.objectName() == "" else widget


def test_walk_in_by_keystrokes_then_check_out_by_card_number(qtbot, desk: UiContext, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """THE acceptance test: nama, keperluan, tujuan, Enter → ticket and card; the card number + Enter → out."""
    panel = _panel(qtbot, desk, tmp_path)
    form = panel.form
    assert form is not None and panel.ticket_box is not None and panel.checkout is not None

    _type(qtbot, "Rahmat Hidayat")
    _enter(qtbot)
    assert form.keperluan.hasFocus() or form.keperluan.lineEdit().hasFocus()
    _type(qtbot, "Koord")  # type-ahead completes the master list's "Koordinasi/rapat"
    _enter(qtbot)
    assert form.tujuan.hasFocus() or form.tujuan.lineEdit().hasFocus()
    _type(qtbot, "umum")  # part of "Sub Bagian Umum"
    _enter(qtbot)
    qtbot.waitUntil(lambda: panel.ticket_box is not None and panel.ticket_box.visit is not None)

    with desk.app.db.read() as s:
        visit = s.scalars(select(Visit)).one()
        card = s.scalars(select(GuestCard).where(GuestCard.nomor == "1")).one()
        assert (visit.nama, visit.keperluan, visit.tiket, visit.kartu_nomor) == (
            "Rahmat Hidayat",
            "Koordinasi/rapat",
            "A001",
            "1",
        )
        assert visit.tujuan == "Sub Bagian Umum"
        assert card.status == "dipakai"
        slip_audits = s.scalars(select(AuditEntry).where(AuditEntry.action == "cetak")).all()
    assert panel.ticket_box.ticket.text() == "A001"
    assert "kartu tamu <b>1</b>" in panel.ticket_box.details.text()
    assert (tmp_path / "slip.pdf").read_bytes().startswith(b"%PDF")  # the slip went to the printer
    assert len(slip_audits) == 1 and "A001" in slip_audits[0].summary
    # Ready for the next guest: empty form, cursor on Nama; the guest is in the on-site list.
    assert form.nama.text() == "" and form.nama.hasFocus()
    assert [v.tiket for v in panel.model.rows] == ["A001"]

    panel.checkout.edit.setFocus()
    _type(qtbot, "1")
    _answer_next_box(qtbot)  # "Kartu 1 dikembalikan?" — Ya is the default button
    _enter(qtbot)

    with desk.app.db.read() as s:
        visit = s.scalars(select(Visit)).one()
        card = s.scalars(select(GuestCard).where(GuestCard.nomor == "1")).one()
        assert visit.pulang_at is not None and visit.kartu_kembali_at is not None
        assert visit.status == visits.Status.SELESAI.value
        assert card.status == "tersedia"
    assert panel.model.rows == []
    assert "kartu 1 kembali" in panel.checkout.status.text()


def test_returning_guest_picked_with_down_and_enter_is_prefilled(qtbot, desk: UiContext) -> None:  # type: ignore[no-untyped-def]
    earlier = walk_in(
        desk.app, desk.actor, "Siti Rahmawati", instansi="Bank Kaltimtara", no_hp="0812-5555-0101"
    )
    with desk.app.db.transaction() as s:
        visits.check_out(s, desk.actor, earlier.id)
    panel = _panel(qtbot, desk)
    form = panel.form
    assert form is not None

    _type(qtbot, "siti")
    popup = form.lookup.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    assert "Bank Kaltimtara" in popup.model().index(0, 0).data()
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)

    assert form.nama.text() == "Siti Rahmawati"
    assert (form.instansi.text(), form.no_hp.text()) == ("Bank Kaltimtara", "0812-5555-0101")
    with desk.app.db.read() as s:
        tamu_id = s.scalar(select(Visit.tamu_id).where(Visit.id == earlier.id))
    assert form.tamu_id == tamu_id
    assert "Tamu lama" in form.returning.text()

    # Saved as the same guest: no second guest record.
    form.keperluan.setEditText("Audiensi")
    form.tujuan.setEditText("Sekretariat")
    view = form.save()
    assert view is not None
    with desk.app.db.read() as s:
        assert s.scalar(select(Visit.tamu_id).where(Visit.id == view.id)) == tamu_id


def test_a_plain_enter_on_a_name_that_matches_a_returning_guest_keeps_a_new_guest(
    qtbot, desk: UiContext
) -> None:  # type: ignore[no-untyped-def]
    walk_in(desk.app, desk.actor, "Budi Santoso")
    panel = _panel(qtbot, desk)
    form = panel.form
    assert form is not None
    _type(qtbot, "Budi")
    qtbot.waitUntil(form.lookup.completer.popup().isVisible)
    _enter(qtbot)  # no ↓: this is another Budi, typed in full later
    assert form.nama.text() == "Budi" and form.tamu_id is None


def test_a_guest_still_on_site_is_named_in_the_lookup(qtbot, desk: UiContext) -> None:  # type: ignore[no-untyped-def]
    walk_in(desk.app, desk.actor, "Yohana Lamba")
    panel = _panel(qtbot, desk)
    form = panel.form
    assert form is not None
    _type(qtbot, "Yohana")
    popup = form.lookup.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    assert "masih di kantor: A001 sejak 09:15" in popup.model().index(0, 0).data()


def test_nik_warning_shows_under_the_field_and_does_not_block(qtbot, desk: UiContext) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(qtbot, desk)
    form = panel.form
    assert form is not None
    form.nama.setText("Maria Ulfa")
    form.keperluan.setEditText("Audiensi")
    form.tujuan.setEditText("Sekretariat")
    form.nik.setFocus()
    _type(qtbot, "6471053503900001")  # day 35: neither a man's nor a woman's day (R8)
    assert form.nik_info.isVisibleTo(form) and "tanggal tidak valid" in form.nik_info.text()
    assert form.jenis_kelamin.currentData() == ""  # no gender to guess from a bad day
    view = form.save()
    assert view is not None  # warned, saved
    assert any("tanggal tidak valid" in w for w in view.warnings)
    assert "tanggal tidak valid" in panel.ticket_box.warnings.text()  # type: ignore[union-attr]


def test_a_valid_nik_prefills_the_gender(qtbot, desk: UiContext) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(qtbot, desk)
    form = panel.form
    assert form is not None
    form.nik.setFocus()
    _type(qtbot, "6471054503900001")  # the worked example: a woman born 1990-03-05
    assert form.jenis_kelamin.currentData() == "P"
    assert "5 Maret 1990" in form.nik_info.text()


def test_missing_tujuan_is_shown_next_to_tujuan_and_nothing_is_saved(qtbot, desk: UiContext) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(qtbot, desk)
    form = panel.form
    assert form is not None
    _type(qtbot, "Rahmat Hidayat")
    _enter(qtbot)
    _type(qtbot, "Audiensi")
    qtbot.keyClick(form.keperluan, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "Tujuan wajib dipilih" in form.rows.error_text("tujuan")
    assert form.rows.error_text("nama") == ""
    assert form.nama.text() == "Rahmat Hidayat"  # nothing typed is lost
    with desk.app.db.read() as s:
        assert s.scalars(select(Visit)).all() == []
    # A word that fits no unit or pegawai is a search, not a tujuan.
    form.tujuan.setEditText("gudang belakang")
    assert form.save() is None
    assert "Pilih tujuan dari daftar" in form.rows.error_text("tujuan")


def test_a_card_already_out_is_refused_next_to_kartu(qtbot, desk: UiContext) -> None:  # type: ignore[no-untyped-def]
    walk_in(desk.app, desk.actor, "Yohana Lamba")  # takes card 1
    panel = _panel(qtbot, desk)
    form = panel.form
    assert form is not None
    form.nama.setText("Andi Pratama")
    form.keperluan.setEditText("Audiensi")
    form.tujuan.setEditText("Sekretariat")
    form.kartu.setText("1")
    assert form.save() is None
    assert "sedang dipakai" in form.rows.error_text("kartu")
    assert form.nama.text() == "Andi Pratama"


def test_esc_asks_before_clearing_what_was_typed(
    qtbot, desk: UiContext, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from desktop.ui import dialogs

    panel = _panel(qtbot, desk)
    form = panel.form
    assert form is not None
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text, **kw: asked.append(text) or False)
    _type(qtbot, "Rahmat")
    qtbot.keyClick(form.nama, Qt.Key.Key_Escape)
    assert asked and form.nama.text() == "Rahmat"
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)
    qtbot.keyClick(form.nama, Qt.Key.Key_Escape)
    assert form.nama.text() == ""


def test_several_name_matches_are_selected_and_enter_on_a_row_checks_it_out(qtbot, desk: UiContext) -> None:  # type: ignore[no-untyped-def]
    walk_in(desk.app, desk.actor, "Andi Pratama", beri_kartu=False)
    walk_in(desk.app, desk.actor, "Andi Wijaya", beri_kartu=False)
    walk_in(desk.app, desk.actor, "Siti Rahmawati", beri_kartu=False)
    panel = _panel(qtbot, desk)
    assert panel.checkout is not None
    panel.checkout.edit.setFocus()
    _type(qtbot, "andi")
    _enter(qtbot)
    assert [v.nama for v in panel.selected_visits()] == ["Andi Pratama", "Andi Wijaya"]
    assert panel.table.hasFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)  # the first (current) row: no card, asked nothing
    assert [v.nama for v in panel.model.rows] == ["Andi Wijaya", "Siti Rahmawati"]


def test_a_lost_card_is_recorded_when_the_clerk_says_so(qtbot, desk: UiContext) -> None:  # type: ignore[no-untyped-def]
    walk_in(desk.app, desk.actor, "Yohana Lamba")  # card 1
    panel = _panel(qtbot, desk)
    assert panel.checkout is not None
    panel.checkout.edit.setFocus()
    _type(qtbot, "A001")

    def lost() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(10, lost)
            return
        button = next(
            b for b in box.findChildren(QWidget) if getattr(b, "text", lambda: "")() == "Kartu hilang"
        )
        button.click()  # type: ignore[attr-defined]

    QTimer.singleShot(0, lost)
    _enter(qtbot)
    with desk.app.db.read() as s:
        assert s.scalars(select(GuestCard.status).where(GuestCard.nomor == "1")).one() == "hilang"
        assert s.scalars(select(Visit.pulang_at)).one() is not None


def test_a_registration_code_not_on_site_checks_the_guest_in(qtbot, desk: UiContext) -> None:  # type: ignore[no-untyped-def]
    with desk.app.db.transaction() as s:
        reg = prereg.preregister(
            s,
            desk.actor,
            visits.WalkIn(nama="Dewi Anggraini", keperluan="Audiensi", tujuan_unit_id=first_unit(desk.app)),
            visits.office_today(s),
        )
    assert reg.kode_registrasi
    panel = _panel(qtbot, desk)
    panel.settings = panel.settings.__class__(cetak_slip_otomatis=False)
    assert panel.checkout is not None
    panel.checkout.edit.setFocus()
    _type(qtbot, reg.kode_registrasi.lower())
    _enter(qtbot)
    assert [v.nama for v in panel.model.rows] == ["Dewi Anggraini"]
    assert panel.ticket_box is not None and panel.ticket_box.ticket.text() == "A001"


def test_without_a_printer_the_visit_stays_and_the_desk_is_told(qtbot, desk: UiContext) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(qtbot, desk)
    panel.slip_printer = lambda: None  # type: ignore[method-assign]
    form = panel.form
    assert form is not None
    form.nama.setText("Rahmat Hidayat")
    form.keperluan.setEditText("Audiensi")
    form.tujuan.setEditText("Sekretariat")
    assert form.save() is not None
    assert panel.ticket_box is not None
    assert "belum punya printer" in panel.ticket_box.print_status.text()
    with desk.app.db.read() as s:
        assert len(s.scalars(select(Visit)).all()) == 1


def test_read_only_roles_see_the_list_without_the_form(qtbot, filled: AppContext, morning) -> None:  # type: ignore[no-untyped-def]
    walk_in(filled, demo_actor(filled, "tamu"), "Yohana Lamba", beri_kartu=False)
    tab = GuestsTab(UiContext(filled, demo_actor(filled, "kadis")))
    qtbot.addWidget(tab)
    tab.show()
    desk_panel = tab.desk
    assert desk_panel.form is None and desk_panel.checkout is None
    assert tab.findChild(QWidget, "walkInForm") is None
    assert [v.nama for v in desk_panel.model.rows] == ["Yohana Lamba"]


def test_closing_time_warns_once_a_day_about_open_visits_and_cards(
    qtbot, desk: UiContext, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from datetime import timedelta

    from desktop.core import clock
    from desktop.ui import dialogs

    walk_in(desk.app, desk.actor, "Yohana Lamba")
    panel = _panel(qtbot, desk)
    assert panel.check_closing() is False  # 09.15: not closing time yet
    with clock.fixed(clock.utc_now() + timedelta(hours=7)):  # 16.15 WITA, after jam tutup 16:00
        assert panel.check_closing() is True
        dialog = panel.closing_dialog
        assert dialog is not None and dialog.isVisible() and not dialog.isModal()
        text = dialog.text.toPlainText()
        assert "Tamu belum dicatat pulang (1)" in text and "Kartu tamu belum kembali (1)" in text
        assert panel.check_closing() is False  # once a day
        monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)
        assert dialog.check_out_all() == 1
    assert panel.model.rows == []
    with desk.app.db.read() as s:
        assert s.scalars(select(GuestCard.status).where(GuestCard.nomor == "1")).one() == "hilang"


def test_tujuan_picked_from_its_popup_with_down_and_enter_saves(qtbot, desk: UiContext) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(qtbot, desk)
    form = panel.form
    assert form is not None
    form.nama.setText("Rahmat Hidayat")
    form.keperluan.setEditText("Audiensi")
    form.tujuan.setFocus()
    _type(qtbot, "dagang")  # only "Bidang Perdagangan Dalam Negeri" holds it
    popup = form.tujuan.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.ticket_box is not None and panel.ticket_box.visit is not None)
    assert panel.ticket_box is not None and panel.ticket_box.visit is not None
    assert panel.ticket_box.visit.tujuan == "Bidang Perdagangan Dalam Negeri"


def test_host_approval_buttons_record_the_decision(qtbot, desk: UiContext) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from desktop.services.guests import settings as guest_settings

    with desk.app.db.transaction() as s:
        guest_settings.save_settings(
            s,
            demo_actor(desk.app, "admin"),
            replace(guest_settings.GuestSettings(), persetujuan_tuan_rumah=True),
        )
    panel = _panel(qtbot, desk)
    panel.slip_printer = lambda: None  # type: ignore[method-assign]
    form = panel.form
    assert form is not None and panel.ticket_box is not None
    assert panel.ticket_box.no_button.isVisibleTo(panel.ticket_box)
    form.nama.setText("Rahmat Hidayat")
    form.keperluan.setEditText("Audiensi")
    form.tujuan.setEditText("Sekretariat")
    view = form.save()
    assert view is not None
    qtbot.mouseClick(panel.ticket_box.no_button, Qt.MouseButton.LeftButton)
    with desk.app.db.read() as s:
        row = s.get(Visit, view.id)
        assert row is not None and (row.persetujuan, row.status) == ("tidak", visits.Status.DITOLAK.value)
