"""The disposition dialog as the pengelola surat uses it: transcribe a returned slip, record follow-up, overdue."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.core import clock
from desktop.core.dates import format_date_long, office_tz
from desktop.services.common.permissions import Actor
from desktop.services.letters import dispositions as dispo
from desktop.services.letters import incoming
from desktop.services.letters.dispositions import HopInput, RecipientInput
from desktop.services.system import AppContext
from desktop.ui import dialogs
from desktop.ui.context import UiContext
from desktop.ui.letters.disposition_dialog import DispositionDialog
from desktop.ui.letters.overdue import OverduePanel
from tests.ui.office import demo_actor

KADIS = "Kepala Dinas (Dr. Ir. Hj. Fulanah Rahmawati, M.Si.)"
SEKRETARIS = "Sekretaris (Ahmad Fauzi, S.E., M.M.)"
KABID = "Kepala Bidang Perdagangan Dalam Negeri"


def _today() -> date:
    return clock.today("WITA")


def _letter(ctx: AppContext, actor: Actor, days_ago: int = 6) -> int:
    received = datetime.combine(_today() - timedelta(days=days_ago), datetime.min.time()).replace(
        hour=9, tzinfo=office_tz("WITA")
    )
    with ctx.db.transaction() as s:
        info = incoming.register_incoming(
            s,
            actor,
            incoming.IncomingInput(
                tanggal_diterima=received,
                asal_surat="Bank Indonesia Perwakilan Kalimantan Timur",
                nomor_surat=f"B/{days_ago}/KPw-Kaltim/2026",
                tanggal_surat=received.date(),
                perihal="Undangan Rapat Koordinasi Pengendalian Inflasi Daerah",
            ),
            today=received.date(),
        )
        incoming.record_printed_elsewhere(s, actor, info.id)
    return info.id


def _open(qtbot, ctx: AppContext, letter_id: int, username: str = "surat") -> DispositionDialog:  # type: ignore[no-untyped-def]
    dialog = DispositionDialog(UiContext(ctx, demo_actor(ctx, username)), letter_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()  # offscreen windows are not always activated on show; shortcuts need it
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
    return dialog


def _check(dialog: DispositionDialog, label: str) -> None:
    items = dialog.kepada.findItems(label, Qt.MatchFlag.MatchExactly)
    assert items, label
    items[0].setCheckState(Qt.CheckState.Checked)


def test_two_queued_hops_are_saved_as_one_chain(qtbot, filled: AppContext) -> None:  # type: ignore[no-untyped-def]
    clerk = demo_actor(filled)
    letter_id = _letter(filled, clerk)
    dialog = _open(qtbot, filled, letter_id)
    saved: list[int] = []
    dialog.changed.connect(saved.append)
    hop_date = _today() - timedelta(days=5)

    # Hop 1 as written on the slip: the Sekretaris to the Kepala Dinas, "Tanggapan dan saran".
    dialog.dari.setCurrentText(SEKRETARIS)
    dialog.tanggal.setDate(hop_date)
    _check(dialog, KADIS)
    dialog.instruksi[0].setChecked(True)
    qtbot.mouseClick(dialog.queue_button, Qt.MouseButton.LeftButton)
    assert len(dialog.pending) == 1
    # The form moves on to the next hop: it continues from the Kepala Dinas, who becomes Dari.
    assert dialog.induk.currentData() == "idx:0:0"
    assert dialog.dari.currentText() == KADIS
    assert "belum disimpan" in dialog.tree.topLevelItem(0).text(3)

    # Hop 2: the Kepala Dinas to the Kabid, 2 working days.
    _check(dialog, KABID)
    qtbot.keyClicks(dialog.catatan, "Hadiri dan laporkan hasilnya.")
    dialog.batas_hk.setValue(2)
    assert dialog.batas_hk_mode.isChecked() and dialog.batas_preview.text().startswith("→")
    qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Enter queues
    assert len(dialog.pending) == 2

    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.pending == [] and saved == [letter_id]
    assert "disimpan" in dialog.message.text()

    with filled.db.transaction() as s:
        chain = dispo.chain(s, clerk, letter_id)
    assert chain.status == "didisposisi"
    (first,) = chain.hops
    assert (first.dari_jabatan, first.tanggal, first.instruksi) == (
        "Sekretaris",
        hop_date,
        ("Tanggapan dan saran",),
    )
    (kadis,) = first.recipients
    (second,) = kadis.hops
    assert second.dari_label == KADIS and second.catatan == "Hadiri dan laporkan hasilnya."
    assert second.batas_hari_kerja and second.batas_waktu is not None and second.batas_waktu > hop_date
    assert [r.jabatan for r in second.recipients] == [KABID]
    # The tree shows the saved chain, nothing pending.
    assert dialog.tree.topLevelItem(0).text(0).endswith("Sekretaris → Kadis")


def test_follow_up_marks_recipient_selesai_and_the_letter_with_it(qtbot, filled: AppContext) -> None:  # type: ignore[no-untyped-def]
    clerk = demo_actor(filled)
    letter_id = _letter(filled, clerk)
    with filled.db.transaction() as s:
        made = dispo.record_chain(
            s,
            clerk,
            letter_id,
            [
                HopInput(
                    dari_nama="",
                    dari_jabatan="Kepala Dinas",
                    tanggal=_today() - timedelta(days=4),
                    recipients=(RecipientInput("", KABID),),
                )
            ],
        )
    kabid = made.hops[0].recipients[0]
    dialog = _open(qtbot, filled, letter_id)
    assert not dialog.follow_button.isEnabled()
    dialog.select_recipient(kabid.id)
    assert dialog.follow_button.isEnabled() and dialog.cancel_hop_button.isEnabled()
    dialog.follow_status.setCurrentIndex(dialog.follow_status.findData("selesai"))
    assert dialog.follow_date.isEnabled()
    dialog.follow_date.selectAll()
    qtbot.keyClicks(dialog.follow_date, (_today() - timedelta(days=1)).strftime("%d%m%Y"))
    dialog.follow_hasil.setText("Sudah hadir, notula diserahkan")
    qtbot.keyClick(dialog.follow_hasil, Qt.Key.Key_Return)

    with filled.db.transaction() as s:
        info = incoming.get_incoming(s, clerk, letter_id)
        node = dispo.chain(s, clerk, letter_id).recipient(kabid.id)
    assert info.status == "selesai"
    assert node is not None and (node.status.value, node.hasil) == (
        "selesai",
        "Sudah hadir, notula diserahkan",
    )
    assert node.tanggal_selesai == _today() - timedelta(days=1)
    assert "Selesai" in dialog.header.text()
    assert not dialog.cancel_hop_button.isEnabled()  # read and done: no longer cancellable


def test_tidak_perlu_disposisi_and_read_only_roles(qtbot, filled: AppContext, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    clerk = demo_actor(filled)
    letter_id = _letter(filled, clerk)
    dialog = _open(qtbot, filled, letter_id)
    assert dialog.no_dispo_button.isEnabled()
    assert dialog.mark_no_disposition("tembusan")
    assert dialog.chain.status == "arsip" and not dialog.add_box.isEnabled()

    other = _letter(filled, clerk, days_ago=3)
    viewer = _open(qtbot, filled, other, "kadis")
    assert viewer.add_box.isHidden() and viewer.save_button.isHidden() and viewer.follow.isHidden()
    assert not viewer.save_all()

    # Closing with hops still in the list asks first; "Kembali" keeps them.
    writer = _open(qtbot, filled, other)
    writer.dari.setCurrentText(SEKRETARIS)
    _check(writer, KADIS)
    assert writer.queue_hop() is not None
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: False)
    writer.reject()
    assert writer.isVisible() and len(writer.pending) == 1


def test_overdue_panel_lists_a_late_recipient_and_opens_the_chain(
    qtbot, filled: AppContext, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    clerk = demo_actor(filled)
    letter_id = _letter(filled, clerk, days_ago=10)
    with filled.db.transaction() as s:
        made = dispo.record_chain(
            s,
            clerk,
            letter_id,
            [
                HopInput(
                    dari_nama="",
                    dari_jabatan="Kepala Dinas",
                    tanggal=_today() - timedelta(days=9),
                    recipients=(RecipientInput("Andi Pratama, S.E.", "Analis Perdagangan"),),
                    batas_waktu=_today() - timedelta(days=4),
                )
            ],
        )
    recipient = made.hops[0].recipients[0]
    panel = OverduePanel(UiContext(filled, clerk))
    qtbot.addWidget(panel)
    panel.resize(1200, 500)
    panel.show()
    qtbot.waitExposed(panel)
    assert panel.table.rowCount() == 1
    assert [panel.table.item(0, c).text() for c in (3, 5)] == ["Analis Perdagangan (Andi Pratama, S.E.)", "4"]
    assert panel.table.item(0, 2).text() == "Undangan Rapat Koordinasi Pengendalian Inflasi Daerah"
    assert "<b>1</b>" in panel.count_label.text()

    opened: list[DispositionDialog] = []

    def fake_exec(self: DispositionDialog) -> int:
        opened.append(self)
        return 0

    monkeypatch.setattr(DispositionDialog, "exec", fake_exec)
    rect = panel.table.visualItemRect(panel.table.item(0, 0))
    # An item view needs the press of a click before it reports a double-click.
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert len(opened) == 1 and opened[0].letter_id == letter_id
    assert opened[0].view.selected_recipient() is not None
    assert opened[0].view.selected_recipient().id == recipient.id  # type: ignore[union-attr]
    # The recipient was late but "terlambat" shows in the tree too.
    assert "terlambat 4 hari" in opened[0].view.items[f"rec:{recipient.id}"].text(3)


# --------------------------------------------------------------------------- issue 13: the form by keys


def _working_days_after(dialog: DispositionDialog, start: date, n: int) -> date:
    return dialog.state.calendar.add_working_days(start, n)


def test_a_typed_deadline_survives_tab_and_the_caption_follows_it(
    qtbot, filled: AppContext, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)  # the queued hop is left unsaved on close
    letter_id = _letter(filled, demo_actor(filled))
    dialog = _open(qtbot, filled, letter_id)
    hop_date = _today() - timedelta(days=5)
    dialog.tanggal.setDate(hop_date)
    batas = dialog.hop_form.batas
    deadline = _working_days_after(dialog, hop_date, 4)  # a working day, four of them after the hop

    # As the clerk does: Tab into the date field, type the date as written on the slip, Tab on.
    batas.date.setFocus()
    qtbot.keyClicks(batas.date, deadline.strftime("%d%m%Y"))
    # The caption reads the typed date while typing, with its weekday and working days.
    assert format_date_long(deadline) in dialog.batas_preview.text()
    assert "4 hari kerja" in dialog.batas_preview.text()
    qtbot.keyClick(batas.date, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is batas.hk  # one Tab leaves the date field
    qtbot.keyClick(batas.hk, Qt.Key.Key_Tab)  # and passing the working-days field edits nothing
    assert batas.date_mode.isChecked() and not dialog.batas_hk_mode.isChecked()
    assert batas.value() == (deadline, None)
    assert batas.hk.value() == 4  # the other field shows the same deadline counted in working days
    assert format_date_long(deadline) in dialog.batas_preview.text()

    # Typing in the working days field is a choice: the date follows it, and it is what the hop stores.
    batas.hk.setFocus()
    batas.hk.selectAll()
    qtbot.keyClicks(batas.hk, "6")
    six = _working_days_after(dialog, hop_date, 6)
    assert dialog.batas_hk_mode.isChecked() and batas.value() == (None, 6)
    assert batas.date.date() == six and format_date_long(six) in dialog.batas_preview.text()

    # Enter in the batas waktu line goes on to the next hop, as Ctrl+Enter does.
    dialog.dari.setCurrentText(SEKRETARIS)
    _check(dialog, KADIS)
    batas.date.setFocus()
    qtbot.keyClicks(batas.date, deadline.strftime("%d/%m/%Y"))
    qtbot.keyClick(batas.date, Qt.Key.Key_Return)
    assert len(dialog.pending) == 1
    assert (dialog.pending[0].batas_waktu, dialog.pending[0].batas_hari_kerja_count) == (deadline, None)


def test_an_impossible_deadline_is_refused_not_dropped(qtbot, filled: AppContext) -> None:  # type: ignore[no-untyped-def]
    dialog = _open(qtbot, filled, _letter(filled, demo_actor(filled)))
    dialog.dari.setCurrentText(SEKRETARIS)
    _check(dialog, KADIS)
    batas = dialog.hop_form.batas
    batas.date.setFocus()
    qtbot.keyClicks(batas.date, f"3102{_today().year}")
    qtbot.keyClick(batas.date, Qt.Key.Key_Tab)
    assert batas.date_mode.isChecked()
    assert dialog.queue_hop() is None and dialog.pending == []
    assert "Batas waktu" in dialog.hop_form.message.text()
    assert dialog.focusWidget() is batas.date


def test_instructions_are_one_field_typed_to_and_ticked_by_keys(
    qtbot, filled: AppContext, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)  # the queued hop is left unsaved on close
    dialog = _open(qtbot, filled, _letter(filled, demo_actor(filled)))
    texts = [c.text() for c in dialog.instruksi]
    assert "Koordinasikan/konfirmasikan" in texts and "Untuk ditindaklanjuti" in texts
    dialog.kepada.setFocus()
    qtbot.keyClick(dialog.kepada, Qt.Key.Key_Return)  # Enter in Kepada goes on to the instructions
    assert dialog.focusWidget() is dialog.instruksi[0]

    qtbot.keyClicks(dialog.focusWidget(), "Koo")
    koordinasi = dialog.instruksi[texts.index("Koordinasikan/konfirmasikan")]
    assert dialog.focusWidget() is koordinasi
    qtbot.keyClick(koordinasi, Qt.Key.Key_Space)
    assert koordinasi.isChecked()
    # A word inside an item counts too ("dit" for "Untuk ditindaklanjuti"), after the typing pause.
    qtbot.wait(QApplication.keyboardInputInterval() + 50)
    qtbot.keyClicks(dialog.focusWidget(), "ditin")
    tindak = dialog.instruksi[texts.index("Untuk ditindaklanjuti")]
    assert dialog.focusWidget() is tindak
    qtbot.keyClick(tindak, Qt.Key.Key_Space)

    qtbot.keyClick(tindak, Qt.Key.Key_Tab)  # one Tab leaves the whole group
    assert dialog.focusWidget() is dialog.catatan
    qtbot.keyClick(dialog.catatan, Qt.Key.Key_Backtab)  # and Shift+Tab comes back where the clerk was
    assert dialog.focusWidget() is tindak
    qtbot.keyClick(tindak, Qt.Key.Key_Return)  # Enter: the next field
    assert dialog.focusWidget() is dialog.catatan

    dialog.dari.setCurrentText(SEKRETARIS)
    _check(dialog, KADIS)
    hop = dialog.queue_hop()
    assert hop is not None and hop.instruksi == ("Koordinasikan/konfirmasikan", "Untuk ditindaklanjuti")
    assert not any(c.isChecked() for c in dialog.instruksi)  # the next hop starts clean


def test_after_a_save_the_instruksi_column_stays_readable(qtbot, filled: AppContext) -> None:  # type: ignore[no-untyped-def]
    dialog = _open(qtbot, filled, _letter(filled, demo_actor(filled)))
    hop_date = _today() - timedelta(days=5)
    head = dialog.tree.header()
    for dari, kepada in ((SEKRETARIS, KADIS), (None, KABID)):
        if dari:
            dialog.dari.setCurrentText(dari)
        dialog.tanggal.setDate(hop_date)
        _check(dialog, kepada)
        dialog.instruksi[2].setChecked(True)
        dialog.instruksi[4].setChecked(True)
        assert dialog.queue_hop() is not None
    for width, height in ((1346, 728), (1004, 560)):  # 1366x768 and 1024x600 less the window frame
        dialog.resize(width, height)
        assert dialog.save_all() or not dialog.pending
        qtbot.wait(20)
        title = head.fontMetrics().horizontalAdvance(dialog.tree.headerItem().text(1))
        assert dialog.tree.columnWidth(1) > title
        assert dialog.tree.columnWidth(1) >= dialog.tree.fontMetrics().horizontalAdvance("Koordinasikan")
        for column in (2, 3):  # Batas and Status show what they hold
            assert dialog.tree.columnWidth(column) >= head.sectionSizeHint(column)


def test_the_hop_date_is_typed_and_an_impossible_one_is_refused(
    qtbot, filled: AppContext, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)  # the queued hop is left unsaved on close
    clerk = demo_actor(filled)
    letter_id = _letter(filled, clerk)
    dialog = _open(qtbot, filled, letter_id)
    dialog.dari.setCurrentText(SEKRETARIS)
    _check(dialog, KADIS)
    dialog.tanggal.setFocus()
    dialog.tanggal.selectAll()
    qtbot.keyClicks(dialog.tanggal, "31/02/2026")
    assert dialog.tanggal.is_invalid() and "Februari 2026 hanya 28 hari" in dialog.tanggal.caption.text()
    qtbot.mouseClick(dialog.queue_button, Qt.MouseButton.LeftButton)
    assert dialog.pending == []  # refused, never moved to 28 February
    assert "tidak ada" in dialog.hop_form.message.text() and dialog.tanggal.hasFocus()

    hop_date = _today() - timedelta(days=5)
    dialog.tanggal.selectAll()
    qtbot.keyClicks(dialog.tanggal, hop_date.strftime("%d-%m-%Y"))
    assert dialog.tanggal.caption.text() == format_date_long(hop_date)  # the weekday, live
    qtbot.mouseClick(dialog.queue_button, Qt.MouseButton.LeftButton)
    assert len(dialog.pending) == 1 and dialog.pending[0].tanggal == hop_date
