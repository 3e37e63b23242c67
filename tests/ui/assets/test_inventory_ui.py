"""The Inventarisasi page as the team uses it: a census started from the dialog, three labels scanned into the
checking screen (the scanner is a keyboard: text then Enter), an item of another room added, the rest marked
hilang, the census finished and a follow-up applied."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.services.assets import inventory, items, rooms
from desktop.services.assets.items import AssetInfo, AssetInput
from desktop.ui import dialogs
from desktop.ui.assets.assets_tab import AssetsTab
from desktop.ui.assets.inventory_panel import InventoryPanel
from desktop.ui.assets.inventory_start_dialog import StartDialog
from desktop.ui.context import UiContext
from tests.ui.screens import SCREEN_IDS, shoot, show_at

KURSI = "1.3.2.05.02.01.004"
LAPTOP = "1.3.2.10.01.02.002"


def _room_id(ui: UiContext, nama: str) -> int:
    return next(r.id for r in ui.query(rooms.list_rooms) if r.nama == nama)


def _record(ui: UiContext, data: AssetInput, jumlah: int = 1) -> list[AssetInfo]:
    return ui.call(items.create_assets, data, jumlah).assets


@pytest.fixture
def goods(pengurus: UiContext) -> dict[str, list[AssetInfo]]:
    umum = _room_id(pengurus, "Ruang Subbag Umum")
    kadis = _room_id(pengurus, "Ruang Kepala Dinas")
    return {
        "laptop": _record(pengurus, AssetInput(LAPTOP, "Laptop", 2024, 15_000_000, ruang_id=umum)),
        "chairs": _record(pengurus, AssetInput(KURSI, "Kursi Kayu", 2025, 750_000, ruang_id=umum), 3),
        "far": _record(pengurus, AssetInput(KURSI, "Kursi Kayu", 2025, 750_000, ruang_id=kadis)),
    }


def _panel(qtbot, ui: UiContext) -> InventoryPanel:  # type: ignore[no-untyped-def]
    panel = InventoryPanel(ui)
    qtbot.addWidget(panel)
    panel.resize(1366, 698)
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow, timeout=2000)
    return panel


def _scan(qtbot, panel: InventoryPanel, text: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(panel.checking.scan, text)
    qtbot.keyClick(panel.checking.scan, Qt.Key.Key_Return)


def _column(panel: InventoryPanel, column: int) -> list[str]:
    table = panel.checking.table
    return [table.item(row, column).text() for row in range(table.rowCount())]


def test_the_start_dialog_starts_a_census_of_one_room(qtbot, pengurus: UiContext, goods: dict) -> None:  # type: ignore[no-untyped-def]
    dialog = StartDialog(pengurus)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.nama, "Sensus Ruang Umum 2026")
    dialog.ruang.setCurrentIndex(
        next(i for i in range(dialog.ruang.count()) if "R.01" in dialog.ruang.itemText(i))
    )
    qtbot.keyClicks(dialog.sk, "000.2.3.2/15/SEKR/2026")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.census is not None and dialog.census.total == 4
    assert dialog.census.sk_nomor == "000.2.3.2/15/SEKR/2026"
    # A census without a name is refused beside its field, nothing written.
    again = StartDialog(pengurus)
    qtbot.addWidget(again)
    again.show()
    qtbot.mouseClick(again.ok, Qt.MouseButton.LeftButton)
    assert again.census is None and "wajib" in again.rows.error_text("nama")
    assert len(pengurus.query(inventory.list_censuses)) == 1


def test_three_labels_scanned_tick_their_lines(qtbot, pengurus: UiContext, goods: dict, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    umum = _room_id(pengurus, "Ruang Subbag Umum")
    census = pengurus.call(
        inventory.start, "Sensus Ruang Umum 2026", "ruang", ruang_id=umum, sk_nomor="SK/15"
    )
    panel = _panel(qtbot, pengurus)
    assert panel.censuses.rowCount() == 1 and panel.censuses.item(0, 5).text() == "0/4 (0%)"
    panel.open_selected()
    view = panel.checking
    qtbot.waitUntil(view.scan.hasFocus, timeout=2000)
    laptop, chair = goods["laptop"][0], goods["chairs"][0]
    _scan(qtbot, panel, laptop.full_id)
    assert view.scan.text() == "" and view.scan.hasFocus()  # ready for the next label at once
    assert "#d9f2df" in view.scan.styleSheet()  # the silent green flash
    _scan(qtbot, panel, chair.nibar)
    _scan(qtbot, panel, "BUKAN-LABEL")
    assert view.recent.count() == 3
    assert view.recent.item(0).text().startswith("Label “BUKAN-LABEL” tidak dikenal")
    assert view.recent.item(1).text() == f"Kursi Kayu ({chair.kode_register}) ada."
    assert _column(panel, 5).count("Ada") == 2 and _column(panel, 5).count("Belum dicek") == 2
    assert "2/4 dicek" in view.title.text()
    labels = [w.text() for w in view.progress_box.findChildren(type(view.title))]
    assert "Ruang Subbag Umum: 2/4" in labels
    # The flash fades by itself.
    qtbot.waitUntil(lambda: view.scan.styleSheet() == "", timeout=2000)

    # A chair of the Kepala Dinas's room found here: offered, added, ticked, flagged against its room.
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda _p, _t, text, **_k: asked.append(text) or True)
    _scan(qtbot, panel, goods["far"][0].full_id)
    assert asked and "tidak termasuk cakupan" in asked[0]
    assert any("tercatat: Ruang Kepala Dinas" in text for text in _column(panel, 4))

    # The filter shows what is left; the rest is marked hilang from the selection.
    view.filter.setCurrentIndex(1)  # Belum dicek
    assert view.table.rowCount() == 2
    view.table.selectAll()
    qtbot.mouseClick(view.hilang, Qt.MouseButton.LeftButton)
    assert view.message.text() == "2 barang ditandai hilang."
    assert view.table.rowCount() == 0

    qtbot.mouseClick(view.finish, Qt.MouseButton.LeftButton)
    assert pengurus.query(inventory.get_census, census.id).selesai
    assert view.follow_box.isVisible() and not view.check_buttons.isVisible()
    keys = [view.follow.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(view.follow.rowCount())]
    view.follow.selectRow(keys.index("ruang"))
    qtbot.mouseClick(view.apply, Qt.MouseButton.LeftButton)
    assert view.message.text() == "1 barang ditindaklanjuti."
    assert pengurus.query(items.get_asset, goods["far"][0].id).ruang_id == umum


@pytest.mark.parametrize("screen", SCREEN_IDS)
def test_checking_screen_fits_the_screen(qtbot, pengurus: UiContext, goods: dict, screen: str) -> None:  # type: ignore[no-untyped-def]
    pengurus.call(inventory.start, "Sensus KIB B 2026", "golongan", golongan="B", sk_nomor="SK/15")
    tab = AssetsTab(pengurus)
    qtbot.addWidget(tab)
    tab.tabs.setCurrentWidget(tab.inventory)
    show_at(tab, screen)
    shoot(tab, f"inventory_list_{screen}")
    tab.inventory.open_selected()
    view = tab.inventory.checking
    _scan(qtbot, tab.inventory, goods["laptop"][0].full_id)
    _scan(qtbot, tab.inventory, goods["chairs"][1].full_id)
    shoot(tab, f"inventory_checking_{screen}")
    assert view.scan.isVisible() and view.table.isVisible() and view.finish.isVisible()
    assert view.finish.geometry().right() <= tab.width()
