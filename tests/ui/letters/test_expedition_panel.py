"""The Ekspedisi sub-tab: tick letters, name the caraka, print the page."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from sqlalchemy import select

from desktop.demo import sample_office
from desktop.models.admin import User
from desktop.models.letters import OutgoingLetter
from desktop.services.common import auth
from desktop.services.letters import expedition, outgoing
from desktop.services.system import AppContext
from desktop.ui import dialogs
from desktop.ui.context import UiContext
from desktop.ui.letters.expedition_panel import ExpeditionPanel, ReceiptDialog


def _signed_letters(app_ctx: AppContext):  # type: ignore[no-untyped-def]
    sample_office.fill(app_ctx, letter_count=0)
    with app_ctx.db.transaction() as s:
        clerk = auth.actor_for(s.scalar(select(User).where(User.username == "surat")))
        series_id = outgoing.ensure_default_series(s)  # created at first start
        for urut in (57, 58):
            s.add(
                OutgoingLetter(
                    seri_id=series_id,
                    tahun=2026,
                    urut=urut,
                    sisipan=0,
                    nomor_surat=f"000.1.5/{urut}/SEK.UM/2026",
                    tanggal_surat=date(2026, 11, 18),
                    tujuan="Setda Provinsi",
                    perihal="Undangan",
                    status="ditandatangani",
                )
            )
    return clerk


def test_tick_letters_and_hand_them_to_the_caraka(qtbot, app_ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    clerk = _signed_letters(app_ctx)
    panel = ExpeditionPanel(UiContext(app_ctx, clerk))
    qtbot.addWidget(panel)
    assert panel.candidates.rowCount() == 2
    panel.candidates.item(1, 0).setCheckState(Qt.CheckState.Checked)
    qtbot.keyClicks(panel.caraka, "Pak Rahmat")
    panel.send_date.selectAll()
    qtbot.keyClicks(panel.send_date, "20112026")
    assert panel.send_date.caption.text() == "Jumat, 20 November 2026"
    panel.create_button.click()
    assert panel.preview is not None and panel.preview.isVisible()
    panel.preview.close()
    assert panel.candidates.rowCount() == 1  # the other letter still waits
    assert panel.items.rowCount() == 1 and panel.items.item(0, 2).text() == "000.1.5/58/SEK.UM/2026"
    with app_ctx.db.transaction() as s:
        pages = expedition.list_pages(s, clerk, 2026)
    assert pages[0].caraka == "Pak Rahmat" and pages[0].tanggal == date(2026, 11, 20)


def test_a_send_date_that_does_not_exist_hands_nothing_over(qtbot, app_ctx: AppContext, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    clerk = _signed_letters(app_ctx)
    panel = ExpeditionPanel(UiContext(app_ctx, clerk))
    qtbot.addWidget(panel)
    said: list[str] = []
    monkeypatch.setattr(dialogs, "error", lambda _parent, _title, text: said.append(text))
    panel.candidates.item(0, 0).setCheckState(Qt.CheckState.Checked)
    qtbot.keyClicks(panel.caraka, "Pak Rahmat")
    panel.send_date.selectAll()
    qtbot.keyClicks(panel.send_date, "31022026")
    assert panel.send_date.is_invalid()
    panel.create_button.click()
    assert said == ["Tanggal kirim: Tanggal 31 Februari 2026 tidak ada: Februari 2026 hanya 28 hari."]
    assert panel.preview is None and panel.candidates.rowCount() == 2  # nothing handed over


def test_the_receipt_date_is_typed_and_an_impossible_one_keeps_the_dialog_open(
    qtbot, app_ctx: AppContext
) -> None:  # type: ignore[no-untyped-def]
    item = expedition.ItemInfo(
        id=1,
        surat_keluar_id=1,
        nomor_surat="000.1.5/57/SEK.UM/2026",
        tanggal_surat=date(2026, 11, 18),
        tujuan="Setda Provinsi",
        perihal="Undangan",
        diterima=False,
        nama_penerima="",
        tanggal_terima=None,
        keterangan="",
    )
    dialog = ReceiptDialog(item, date(2026, 11, 20))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.when.date() == date(2026, 11, 20)  # the day the caraka went out
    dialog.when.selectAll()
    qtbot.keyClicks(dialog.when, "31/11/2026")
    dialog.accept()
    assert dialog.isVisible() and dialog.result() != dialog.DialogCode.Accepted
    assert "November 2026 hanya 30 hari" in dialog.when.caption.text()
    dialog.when.selectAll()
    qtbot.keyClicks(dialog.when, "23-11-26")
    assert dialog.when.caption.text() == "Senin, 23 November 2026"
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.when.date() == date(2026, 11, 23)
