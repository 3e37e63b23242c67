"""Label page: items by room or by the list's selection, layout and code, the start cell of a part-used sheet;
a preview records nothing, a print records a "label" line in each item's history."""

from __future__ import annotations

from datetime import date

from pypdf import PdfReader

from desktop.services.assets import items, rooms
from desktop.services.assets.items import AssetInput
from desktop.services.common.printed import Delivery
from desktop.ui.assets.labels_panel import LabelsPanel

LAPTOP = "1.3.2.10.01.02.002"


def _laptops(ui, ruang_kode: str, n: int) -> list[int]:  # type: ignore[no-untyped-def]
    ruang = {r.kode: r.id for r in ui.query(rooms.list_rooms)}[ruang_kode]
    with ui.transaction() as s:
        made = items.create_assets(s, ui.actor, AssetInput(kode_barang=LAPTOP, nama="Laptop", tahun=2024,
                                   harga=15_000_000, ruang_id=ruang), n, today=date(2026, 3, 2)).assets  # fmt: skip
    return [a.id for a in made]


def _labels(ui, aset_id: int) -> int:  # type: ignore[no-untyped-def]
    return sum(1 for m in ui.query(items.history, aset_id) if m.jenis == "label")


def test_labels_of_a_room_previewed_then_printed_are_recorded_once(qtbot, pengurus) -> None:  # type: ignore[no-untyped-def]
    ids = _laptops(pengurus, "R.01", 3)
    panel = LabelsPanel(pengurus)
    qtbot.addWidget(panel)
    panel.show()
    panel.room.setCurrentIndex(panel.room.findData(ids and {r.kode: r.id for r in
                                                            pengurus.query(rooms.list_rooms)}["R.01"]))  # fmt: skip
    assert panel.count_label.text() == "3 label" and panel.preview_button.isEnabled()
    panel.set_start_position(23)  # two cells left on the sheet: the third label goes to a second page
    preview = panel.show_preview()
    assert preview is not None and preview.page_count() == 2
    assert _labels(pengurus, ids[0]) == 0  # looking is not printing
    preview.delivered.emit(Delivery(printer="Sekretariat_PDF", pages=2))
    assert [_labels(pengurus, i) for i in ids] == [1, 1, 1]
    preview.reject()


def test_the_lists_selection_is_printed_on_a_thermal_label_without_a_start_cell(qtbot, pengurus) -> None:  # type: ignore[no-untyped-def]
    ids = _laptops(pengurus, "R.03", 4)
    panel = LabelsPanel(pengurus)
    qtbot.addWidget(panel)
    panel.show()
    panel.print_labels([ids[1], ids[3], ids[1]])
    assert panel.by_selection.isChecked() and panel.count_label.text() == "2 label"
    panel.layout_box.setCurrentIndex(panel.layout_box.findData("thermal_50x25"))
    assert not panel.start_box.isEnabled()
    preview = panel.show_preview()
    assert preview is not None
    reader = PdfReader(__import__("io").BytesIO(bytes(preview._pdf)))
    assert len(reader.pages) == 2  # one 50 × 25 mm label per page
    preview.reject()
