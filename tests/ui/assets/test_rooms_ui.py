"""Ruangan & KIR: a room added with its penanggung jawab, its items listed, several moved at once (both KIRs
marked changed), the KIR previewed; printing it clears the mark."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QItemSelectionModel, Qt

from desktop.services.assets import items, rooms
from desktop.services.assets.items import AssetFilter, AssetInput
from desktop.services.common.printed import Delivery
from desktop.ui.assets.room_dialog import RoomDialog
from desktop.ui.assets.rooms_panel import RoomsPanel

LAPTOP = "1.3.2.10.01.02.002"


def _laptops(ui, ruang_kode: str, n: int) -> list[int]:  # type: ignore[no-untyped-def]
    ruang = {r.kode: r.id for r in ui.query(rooms.list_rooms)}[ruang_kode]
    with ui.transaction() as s:
        made = items.create_assets(s, ui.actor, AssetInput(kode_barang=LAPTOP, nama="Laptop", tahun=2024,
                                   harga=15_000_000, ruang_id=ruang), n, today=date(2026, 3, 2)).assets  # fmt: skip
    return [a.id for a in made]


def test_a_room_is_added_with_a_penanggung_jawab_typed_and_a_mistake_named(qtbot, pengurus) -> None:  # type: ignore[no-untyped-def]
    dialog = RoomDialog(pengurus)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.kode, "R.01")
    qtbot.keyClicks(dialog.nama, "Ruang Rapat")
    dialog.accept()
    assert "sudah dipakai" in dialog.rows.error_text("kode") and dialog.saved is None
    dialog.kode.clear()
    qtbot.keyClicks(dialog.kode, "R.09")
    qtbot.keyClicks(dialog.pj.combo.lineEdit(), "Siti Aminah")
    qtbot.keyClicks(dialog.pj.nip, "198501012010012001")
    dialog.accept()
    assert dialog.saved is not None and (dialog.saved.pj_nama, dialog.saved.pj_nip) == (
        "Siti Aminah", "198501012010012001")  # fmt: skip


def test_items_selected_are_moved_together_and_both_kirs_are_marked(qtbot, pengurus) -> None:  # type: ignore[no-untyped-def]
    ids = _laptops(pengurus, "R.03", 3)
    panel = RoomsPanel(pengurus)
    qtbot.addWidget(panel)
    panel.show()
    gudang = {r.kode: r for r in panel.room_list}["R.03"]
    panel.select_room(gudang.id)
    assert panel.model.total == 3 and not panel.move_button.isEnabled()
    selection = panel.items_table.selectionModel()
    for row in (0, 2):
        selection.select(panel.model.index(row, 0),
                         QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)  # fmt: skip
    assert panel.move_button.isEnabled()
    umum = {r.kode: r.id for r in panel.room_list}["R.01"]
    assert panel.move_selected(umum) == 2
    moved = pengurus.query(items.list_assets, AssetFilter(ruang_id=umum))[0]
    assert sorted(a.id for a in moved) == [ids[0], ids[2]]
    assert panel.model.total == 1  # the Gudang still selected, one laptop left
    marks = {r.kode: r.kir_needs_print for r in panel.room_list}
    assert marks["R.01"] and marks["R.03"]
    assert "2 barang dipindah ke Ruang Subbag Umum (R.01)" in panel.message.text()


def test_the_kir_is_previewed_and_a_print_clears_the_changed_mark(qtbot, pengurus) -> None:  # type: ignore[no-untyped-def]
    _laptops(pengurus, "R.01", 2)
    panel = RoomsPanel(pengurus)
    qtbot.addWidget(panel)
    panel.show()
    umum = {r.kode: r for r in panel.room_list}["R.01"]
    panel.select_room(umum.id)
    assert umum.kir_needs_print and panel.rooms_table.item(0, 4).text() == "berubah"
    for posted in (False, True):
        preview = panel.print_kir(posted=posted)
        assert preview is not None and preview.page_count() >= 1
        preview.reject()
    assert pengurus.query(rooms.get_room, umum.id).kir_needs_print  # looking is not printing
    preview = panel.print_kir(posted=False)
    preview.delivered.emit(Delivery(printer="Sekretariat_PDF", pages=1))
    assert not pengurus.query(rooms.get_room, umum.id).kir_needs_print
    assert panel.rooms_table.item(0, 4).text() == ""
    assert "Sekretariat_PDF" in panel.message.text()
    preview.reject()
    qtbot.keyClick(panel.rooms_table, Qt.Key.Key_Down)
    assert panel.room_id() != umum.id
