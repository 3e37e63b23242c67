"""The Buku Tamu front desk at 1024×600 and 1366×768: nothing a clerk needs is off screen, cut or covered."""

from __future__ import annotations

from dataclasses import replace

import pytest

from desktop.services.guests import settings as guest_settings
from desktop.ui.context import UiContext
from desktop.ui.guests.closing_dialog import ClosingDialog
from desktop.ui.guests.guests_tab import GuestsTab
from desktop.ui.guests.on_site_model import COL_KARTU, COL_LAMA, COL_NAMA, COL_STATUS, COL_TIKET
from tests.integration.guests.desk import walk_in
from tests.ui.office import demo_actor
from tests.ui.screens import SCREEN_IDS, fits_dialog, key_columns_hidden, problems, shoot, show_at

KEY_COLUMNS = [COL_TIKET, COL_NAMA, COL_KARTU, COL_STATUS, COL_LAMA]


def _guests(ui: UiContext) -> None:
    for nama, instansi in (
        ("Siti Rahmawati", "Bank Pembangunan Daerah Kalimantan Timur dan Kalimantan Utara"),
        ("Andi Pratama Wijayakusuma", "CV Sumber Rejeki Abadi"),
        ("Yohana Lamba", ""),
    ):
        walk_in(ui.app, ui.actor, nama, instansi=instansi, identitas_jenis="ktp", identitas_dititip=True)


@pytest.mark.parametrize("screen", SCREEN_IDS)
def test_the_desk_fits_with_every_option_on(qtbot, desk: UiContext, screen: str) -> None:  # type: ignore[no-untyped-def]
    admin = demo_actor(desk.app, "admin")
    with desk.app.db.transaction() as s:
        guest_settings.save_settings(
            s,
            admin,
            replace(guest_settings.GuestSettings(), titip_identitas=True, persetujuan_tuan_rumah=True),
        )
    _guests(desk)
    tab = GuestsTab(desk)
    qtbot.addWidget(tab)
    show_at(tab, screen)
    panel = tab.desk
    assert panel.form is not None and panel.ticket_box is not None
    panel.ticket_box.show_visit(panel.model.rows[0])
    panel.ticket_box.set_print_status(False, "Slip A001 belum tercetak: komputer ini belum punya printer.")
    panel.form.nik.setText("6471053503900001")  # the longest NIK warning under its field
    show_at(tab, screen)
    assert panel.form.titip.isVisibleTo(panel.form)
    assert panel.ticket_box.yes_button.isVisibleTo(panel.ticket_box)
    assert problems(tab) == []
    assert key_columns_hidden(panel.table, KEY_COLUMNS) == []
    shoot(tab, f"buku_tamu_meja_depan_{screen}")


@pytest.mark.parametrize("screen", SCREEN_IDS)
def test_the_read_only_desk_and_the_closing_warning_fit(qtbot, desk: UiContext, screen: str) -> None:  # type: ignore[no-untyped-def]
    _guests(desk)
    tab = GuestsTab(UiContext(desk.app, demo_actor(desk.app, "kadis")))
    qtbot.addWidget(tab)
    show_at(tab, screen)
    assert problems(tab) == []
    assert key_columns_hidden(tab.desk.table, KEY_COLUMNS) == []
    shoot(tab, f"buku_tamu_pimpinan_{screen}")

    dialog = ClosingDialog(desk)
    qtbot.addWidget(dialog)
    fits_dialog(dialog, screen)
    assert problems(dialog) == []
    shoot(dialog, f"buku_tamu_jam_tutup_{screen}")
