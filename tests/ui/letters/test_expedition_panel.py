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
from desktop.ui.context import UiContext
from desktop.ui.letters.expedition_panel import ExpeditionPanel


def test_tick_letters_and_hand_them_to_the_caraka(qtbot, app_ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
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
    panel = ExpeditionPanel(UiContext(app_ctx, clerk))
    qtbot.addWidget(panel)
    assert panel.candidates.rowCount() == 2
    panel.candidates.item(1, 0).setCheckState(Qt.CheckState.Checked)
    qtbot.keyClicks(panel.caraka, "Pak Rahmat")
    panel.send_date.setDate(panel.send_date.date().fromString("20/11/2026", "dd/MM/yyyy"))
    panel.create_button.click()
    assert panel.preview is not None and panel.preview.isVisible()
    panel.preview.close()
    assert panel.candidates.rowCount() == 1  # the other letter still waits
    assert panel.items.rowCount() == 1 and panel.items.item(0, 2).text() == "000.1.5/58/SEK.UM/2026"
    with app_ctx.db.transaction() as s:
        pages = expedition.list_pages(s, clerk, 2026)
    assert pages[0].caraka == "Pak Rahmat" and pages[0].tanggal == date(2026, 11, 20)
