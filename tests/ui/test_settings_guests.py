"""Pengaturan › Buku Tamu as the admin, the petugas tamu and the pimpinan use it: the desk rules kept after the
tab is opened again, a service's prefix changed, and every kind of bad prefix named at its field."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from desktop.core import clock
from desktop.services.guests import reference
from desktop.services.guests import settings as gs
from desktop.services.system import AppContext
from desktop.ui.context import UiContext
from desktop.ui.settings import common
from desktop.ui.settings.guest_service_dialog import GuestServiceDialog
from desktop.ui.settings.guests_page import GuestsPage
from desktop.ui.settings.keperluan_dialog import KeperluanDialog
from desktop.ui.settings.settings_tab import SettingsTab
from tests.ui.office import demo_actor
from tests.ui.screens import SCREEN_IDS, fits_dialog, problems, shoot, show_at

WITA = ZoneInfo("Asia/Makassar")


@pytest.fixture(autouse=True)
def fixed_clock() -> Iterator[None]:
    with clock.fixed(datetime(2026, 3, 2, 9, 0, tzinfo=WITA)):
        yield


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(common, "warn", lambda _p, _t, text, _i="": shown.append(text))
    return shown


@pytest.fixture
def tabs() -> list[SettingsTab]:
    """Holds the tabs a test opens: the page alone does not keep its tab alive."""
    return []


def _page(qtbot, tabs: list[SettingsTab], ctx: AppContext, username: str = "admin") -> GuestsPage:  # type: ignore[no-untyped-def]
    tab = SettingsTab(UiContext(ctx, demo_actor(ctx, username)))
    qtbot.addWidget(tab)
    tabs.append(tab)
    tab.resize(1366, 700)
    tab.show()
    qtbot.waitExposed(tab)
    tab.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is tab, timeout=2000)
    page = tab.show_page("guests")
    assert isinstance(page, GuestsPage)
    return page


def _drive(
    qtbot, fill: Callable[[QDialog], None], seen: list[QDialog] | None = None
) -> Callable[[QDialog], int]:  # type: ignore[no-untyped-def]
    """An ``exec_dialog`` replacement: show the dialog, let ``fill`` type into it, then press OK."""

    def run(dialog: QDialog) -> int:
        qtbot.addWidget(dialog)
        dialog.show()
        fill(dialog)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
        if seen is not None:
            seen.append(dialog)
        return dialog.result()

    return run


def _retype(qtbot, edit, text: str) -> None:  # type: ignore[no-untyped-def]
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(edit, text)


def _services(page: GuestsPage) -> list[tuple[str, str]]:
    table = page.service_table
    return [(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())]


def test_admin_changes_closing_time_and_a_prefix_and_both_are_kept_after_reopening(  # type: ignore[no-untyped-def]
    qtbot, filled: AppContext, tabs: list[SettingsTab], warnings: list[str]
) -> None:
    page = _page(qtbot, tabs, filled)
    assert page.jam_tutup.text() == "16:00"
    _retype(qtbot, page.jam_tutup, "15:30")
    qtbot.keyClick(page.titip_identitas, Qt.Key.Key_Space)
    assert page.dirty and "belum disimpan" in page.status.text()
    page.jam_tutup.setFocus()
    qtbot.waitUntil(page.jam_tutup.hasFocus, timeout=2000)
    qtbot.keyClick(page.jam_tutup, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Ctrl+S
    assert not page.dirty, page.status.text()
    assert page.status.text().startswith("Tersimpan pukul")

    page.tabs.setCurrentIndex(1)
    assert ("A", "Layanan Umum") in _services(page)
    common.select_row_where(page.service_table, lambda d: d == page.services[0].id)

    def rename(dialog: QDialog) -> None:
        assert isinstance(dialog, GuestServiceDialog)
        _retype(qtbot, dialog.prefix, "u")  # typed in lower case: stored upper case

    page.exec_dialog = _drive(qtbot, rename)
    qtbot.mouseClick(page.edit_service_button, Qt.MouseButton.LeftButton)
    assert ("U", "Layanan Umum") in _services(page)
    # The keperluan that join that queue show its new prefix at once.
    keperluan = page.keperluan_table
    assert keperluan.item(0, 1).text() == "U · Layanan Umum"

    again = _page(qtbot, tabs, filled)  # the tab opened again: everything read from the database
    assert again.jam_tutup.text() == "15:30"
    assert again.titip_identitas.isChecked()
    assert ("U", "Layanan Umum") in _services(again)
    with filled.db.read() as s:
        assert gs.get_settings(s).jam_tutup == "15:30"
        assert [x.prefix for x in reference.list_services(s)] == ["U", "B", "C"]
    assert warnings == []


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "wajib diisi"),
        ("A1", "hanya boleh berisi huruf"),
        ("A B", "hanya boleh berisi huruf"),
        ("ABCD", "paling banyak 3 huruf"),
        ("É", "hanya boleh berisi huruf"),
        ("b", "sudah dipakai layanan PPID"),  # another service's prefix, in any case
    ],
)
def test_a_bad_prefix_is_named_at_its_field_and_the_dialog_keeps_what_was_typed(  # type: ignore[no-untyped-def]
    qtbot, filled: AppContext, tabs: list[SettingsTab], typed: str, message: str
) -> None:
    page = _page(qtbot, tabs, filled)
    page.tabs.setCurrentIndex(1)
    dialogs: list[QDialog] = []

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, GuestServiceDialog)
        _retype(qtbot, dialog.prefix, typed)
        _retype(qtbot, dialog.nama, "Layanan Perizinan")

    page.exec_dialog = _drive(qtbot, fill, dialogs)
    qtbot.mouseClick(page.add_service_button, Qt.MouseButton.LeftButton)
    dialog = dialogs[0]
    assert isinstance(dialog, GuestServiceDialog)
    assert dialog.result() == 0 and dialog.isVisible()  # still open
    assert message in dialog.form.error_message("prefix")
    assert dialog.form.error_message() == ""  # at the field, not at the top of the form
    assert dialog.nama.text() == "Layanan Perizinan"
    assert len(_services(page)) == 3
    dialog.drafts = None  # no "throw away what you typed?" question when the test closes it
    dialog.reject()


def test_a_closing_time_that_is_not_hh_mm_is_refused_at_its_field(  # type: ignore[no-untyped-def]
    qtbot, filled: AppContext, tabs: list[SettingsTab]
) -> None:
    page = _page(qtbot, tabs, filled)
    for typed in ("25:00", "16.00", "9:00", "1600", "16:60"):
        _retype(qtbot, page.jam_tutup, typed)
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
        assert "JJ:MM" in page.forms[0].error_message("jam_tutup"), typed
        assert page.dirty
    with filled.db.read() as s:
        assert gs.get_settings(s).jam_tutup == "16:00"


def test_keperluan_added_with_its_queue(  # type: ignore[no-untyped-def]
    qtbot, filled: AppContext, tabs: list[SettingsTab]
) -> None:
    page = _page(qtbot, tabs, filled, "tamu")  # the petugas tamu keeps the lists too
    page.tabs.setCurrentIndex(1)

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, KeperluanDialog)
        qtbot.keyClicks(dialog.nama, "Konsultasi perizinan")
        dialog.layanan.setCurrentIndex(dialog.layanan.findText("C · Pengaduan"))

    page.exec_dialog = _drive(qtbot, fill)
    qtbot.mouseClick(page.add_keperluan_button, Qt.MouseButton.LeftButton)
    table = page.keperluan_table
    rows = [(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())]
    assert ("Konsultasi perizinan", "C · Pengaduan") in rows


def test_desk_rules_are_admin_only_and_the_pimpinan_only_looks(  # type: ignore[no-untyped-def]
    qtbot, filled: AppContext, tabs: list[SettingsTab]
) -> None:
    desk = _page(qtbot, tabs, filled, "tamu")
    assert desk.save_button.isHidden() and desk.jam_tutup.isReadOnly()
    assert not desk.add_service_button.isHidden()
    assert not desk.save()
    boss = _page(qtbot, tabs, filled, "kadis")
    assert boss.save_button.isHidden() and boss.add_service_button.isHidden()
    assert boss.add_keperluan_button.isHidden() and not boss.titip_identitas.isEnabled()


@pytest.mark.parametrize("screen", SCREEN_IDS)
@pytest.mark.parametrize("sub_tab", [0, 1])
def test_the_page_fits_small_screens(  # type: ignore[no-untyped-def]
    qtbot, filled: AppContext, tabs: list[SettingsTab], screen: str, sub_tab: int
) -> None:
    page = _page(qtbot, tabs, filled)
    tab = tabs[-1]
    page.tabs.setCurrentIndex(sub_tab)
    show_at(tab, screen)
    assert problems(tab) == []
    holder = tab.holders["guests"]
    assert page.width() <= holder.viewport().width()
    shoot(tab, f"pengaturan-buku-tamu-{sub_tab}-{screen}")


@pytest.mark.parametrize("screen", SCREEN_IDS)
def test_the_service_and_keperluan_dialogs_fit_small_screens(  # type: ignore[no-untyped-def]
    qtbot, filled: AppContext, tabs: list[SettingsTab], screen: str
) -> None:
    page = _page(qtbot, tabs, filled)
    page.tabs.setCurrentIndex(1)
    opened: list[QDialog] = []

    def keep(dialog: QDialog) -> int:
        qtbot.addWidget(dialog)
        opened.append(dialog)
        return 0

    page.exec_dialog = keep
    for action in (page.add_service, page.edit_service, page.add_keperluan, page.edit_keperluan):
        action()
    assert [type(d) for d in opened] == [
        GuestServiceDialog,
        GuestServiceDialog,
        KeperluanDialog,
        KeperluanDialog,
    ]
    for number, dialog in enumerate(opened):
        fits_dialog(dialog, screen)
        assert problems(dialog) == [], type(dialog).__name__
        shoot(dialog, f"pengaturan-buku-tamu-dialog-{number}-{screen}")
        dialog.drafts = None  # type: ignore[attr-defined]
        dialog.reject()
