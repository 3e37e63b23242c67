"""The Daftar Barang as the pengurus barang uses it: ten chairs recorded by keyboard, search as typed, a label
scanned, an error kept beside its field, a move with its history row, and the pimpinan reading only."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from desktop.services.assets import items, kode
from desktop.services.assets.items import AssetInfo, AssetInput
from desktop.ui import dialogs
from desktop.ui.assets.action_dialogs import MoveDialog
from desktop.ui.assets.asset_detail_dialog import AssetDetailDialog
from desktop.ui.assets.asset_form import AssetForm
from desktop.ui.assets.asset_list_panel import EMPTY_TEXT, AssetListPanel
from desktop.ui.assets.asset_model import COL_INTRA, COL_KODE, COL_NAMA, COL_REGISTER
from desktop.ui.assets.assets_tab import AssetsTab
from desktop.ui.context import UiContext
from tests.ui.screens import SCREEN_IDS, fits_dialog, shoot, show_at

KURSI = "1.3.2.05.02.01.004"
LAPTOP = "1.3.2.10.01.02.002"


@pytest.fixture(autouse=True)
def discard_without_asking(monkeypatch: pytest.MonkeyPatch) -> None:
    """Closing a form with typed input asks first (drafts.py); the tests' teardown closes such forms."""
    monkeypatch.setattr(dialogs, "confirm", lambda *_a, **_k: True)


def _room_id(ui: UiContext, nama: str) -> int:
    from desktop.services.assets import rooms

    return next(r.id for r in ui.query(rooms.list_rooms) if r.nama == nama)


def _record(ui: UiContext, data: AssetInput, jumlah: int = 1) -> list[AssetInfo]:
    return ui.call(items.create_assets, data, jumlah).assets


def _laptop(ui: UiContext) -> AssetInfo:
    return _record(
        ui,
        AssetInput(
            kode_barang=LAPTOP, nama="Laptop", tahun=2024, harga=15_000_000, merk_tipe="Lenovo ThinkPad E14",
            no_pabrik="PF3ABC12", ruang_id=_room_id(ui, "Ruang Subbag Umum"),
        ),
    )[0]  # fmt: skip


def _panel(qtbot, ui: UiContext) -> AssetListPanel:  # type: ignore[no-untyped-def]
    panel = AssetListPanel(ui)
    qtbot.addWidget(panel)
    panel.resize(1366, 698)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def _column(panel: AssetListPanel, column: int) -> list[str]:
    return [panel.model.text(row, column) for row in panel.model.rows]


def _when_modal(qtbot, find: Callable[[], QWidget | None], act: Callable[[QWidget], None]) -> list[str]:  # type: ignore[no-untyped-def]
    """Run ``act`` on the modal dialog ``find`` gives once it is open (exec() blocks the test meanwhile);
    what goes wrong inside is returned, since an exception in a timer would be lost."""
    failures: list[str] = []

    tries = [0]

    def attempt() -> None:
        dialog = find()
        if dialog is None or not dialog.isVisible():
            tries[0] += 1
            if tries[0] < 200:  # never a timer left running into the next test
                QTimer.singleShot(20, attempt)
            else:
                failures.append("the dialog never opened")
            return
        try:
            act(dialog)
        except Exception as exc:  # reported by the test: an exception in a timer is lost
            failures.append(repr(exc))
            dialog.close()

    QTimer.singleShot(0, attempt)
    return failures


def test_empty_list_says_how_to_start(qtbot, pengurus: UiContext) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(qtbot, pengurus)
    assert panel.model.total == 0
    assert panel.empty.isVisible() and panel.empty.text() == EMPTY_TEXT


def test_ten_chairs_recorded_by_keyboard_get_registers_1_to_10(qtbot, pengurus: UiContext) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(qtbot, pengurus)
    seen: dict[str, str] = {}

    def fill(form: QWidget) -> None:
        assert isinstance(form, AssetForm)
        qtbot.keyClicks(form.kode.edit, "kursi kayu")
        qtbot.waitUntil(lambda: KURSI in form.kode.popup_kodes(), timeout=3000)
        qtbot.keyClick(form.kode.edit, Qt.Key.Key_Return)  # the first code of the list
        seen["kode"] = form.kode.kode()
        seen["nama"] = form.nama.text()
        seen["caption"] = form.kode.caption.text()
        form.harga.setFocus()
        qtbot.keyClicks(form.harga, "750000")
        seen["harga"] = form.harga.text()
        form.jumlah.setFocus()
        form.jumlah.lineEdit().selectAll()
        qtbot.keyClicks(form.jumlah.lineEdit(), "10")
        seen["total"] = form.total.text()
        seen["intra"] = form.intra_auto.text()
        qtbot.keyClick(form.harga, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    failures = _when_modal(qtbot, lambda: panel.form, fill)
    qtbot.keyClick(panel.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert failures == []
    assert seen["kode"] == KURSI and seen["nama"] == "Kursi Kayu"
    assert seen["caption"].startswith("KIB B · Peralatan dan Mesin")
    assert seen["harga"] == "750.000"  # grouped as typed
    assert seen["total"].startswith("Register otomatis: 10 unit")
    assert seen["intra"] == "Ekstrakomptabel (otomatis)"  # R27: below Rp 1.000.000 per unit
    assert panel.message.text() == "10 barang dicatat: register 000001 s/d 000010"
    assert _column(panel, COL_REGISTER) == [f"{n:06d}" for n in range(1, 11)]
    assert set(_column(panel, COL_KODE)) == {KURSI}
    assert set(_column(panel, COL_INTRA)) == {"Ekstra"}
    assert panel.count_label.text() == "10 barang"
    assert not panel.empty.isVisible()


def test_search_as_typed_finds_by_words_and_by_code_prefix(qtbot, pengurus: UiContext) -> None:  # type: ignore[no-untyped-def]
    _record(pengurus, AssetInput(kode_barang=KURSI, nama="Kursi Kayu", tahun=2025, harga=750_000), 3)
    _laptop(pengurus)
    panel = _panel(qtbot, pengurus)
    assert panel.model.total == 4
    qtbot.keyClicks(panel.search, "thinkpad lenovo")  # words of the merk, any order
    qtbot.waitUntil(lambda: _column(panel, COL_NAMA) == ["Laptop"], timeout=3000)
    panel.search.clear()
    qtbot.keyClicks(panel.search, "1.3.2.05")  # a code prefix
    qtbot.waitUntil(lambda: _column(panel, COL_NAMA) == ["Kursi Kayu"] * 3, timeout=3000)
    assert panel.count_label.text() == "3 barang"
    panel.search.clear()
    qtbot.waitUntil(lambda: panel.model.total == 4, timeout=3000)
    qtbot.keyClick(panel, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # KIB A: nothing yet
    qtbot.mouseClick(panel.golongan_group.buttons()[1], Qt.MouseButton.LeftButton)
    assert panel.current_filter().golongan == "A" and panel.model.total == 0
    assert "Tidak ada barang" in panel.empty.text()
    qtbot.mouseClick(panel.golongan_group.buttons()[2], Qt.MouseButton.LeftButton)
    assert panel.model.total == 4


def test_a_search_with_too_many_hits_says_so(  # type: ignore[no-untyped-def]
    qtbot, pengurus: UiContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The count of a search stops past SEARCH_COUNT_CAP: the label asks for more words instead of a number."""
    monkeypatch.setattr(items, "SEARCH_COUNT_CAP", 2)
    _record(pengurus, AssetInput(kode_barang=KURSI, nama="Kursi Kayu", tahun=2025, harga=750_000), 3)
    panel = _panel(qtbot, pengurus)
    assert panel.count_label.text() == "3 barang"  # the plain list is counted in full
    qtbot.keyClicks(panel.search, "kursi")
    qtbot.waitUntil(lambda: "persempit" in panel.count_label.text(), timeout=3000)
    assert panel.count_label.text() == "lebih dari 2 barang cocok — persempit pencarian"
    assert _column(panel, COL_NAMA) == ["Kursi Kayu"] * 3  # every hit is still listed


def test_a_scanned_label_opens_its_item(qtbot, pengurus: UiContext) -> None:  # type: ignore[no-untyped-def]
    _record(pengurus, AssetInput(kode_barang=KURSI, nama="Kursi Kayu", tahun=2025, harga=750_000), 2)
    laptop = _laptop(pengurus)
    panel = _panel(qtbot, pengurus)
    opened: list[int] = []

    def look(dialog: QWidget) -> None:
        assert isinstance(dialog, AssetDetailDialog)
        opened.append(dialog.info.id)
        dialog.accept()

    failures = _when_modal(qtbot, lambda: panel.detail, look)
    focus = QApplication.focusWidget()
    qtbot.keyClick(panel.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert panel.search.hasFocus() or focus is None
    qtbot.keyClicks(panel.search, laptop.full_id)  # what the scanner types, then Enter
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    assert failures == [] and opened == [laptop.id]
    assert panel.search.selectedText() == laptop.full_id  # the next scan replaces it

    panel.search.clear()
    qtbot.keyClicks(panel.search, "kursi")  # a word is a search, not a scan: nothing opens
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    assert opened == [laptop.id] and _column(panel, COL_NAMA) == ["Kursi Kayu"] * 2


@pytest.mark.parametrize(
    ("kode", "harga", "field", "message"),
    [
        ("1.3.2.10", "1.000", "kode_barang", "tingkat 7"),
        (KURSI, "-5000", "harga", "tidak boleh negatif"),
        (KURSI, "12,50", "harga", "Rupiah penuh"),
    ],
)
def test_a_mistake_shows_beside_its_field_and_keeps_the_input(  # type: ignore[no-untyped-def]
    qtbot, pengurus: UiContext, kode: str, harga: str, field: str, message: str
) -> None:
    form = AssetForm(pengurus)
    qtbot.addWidget(form)
    form.show()
    qtbot.keyClicks(form.kode.edit, kode)
    form.nama.setText("Barang uji")
    qtbot.keyClicks(form.merk, "Merk X")
    form.harga.setText(harga)
    qtbot.keyClick(form.merk, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert form.result is None and form.isVisible()
    assert message in form.rows.error_text(field)
    assert len({form.rows.errors[n] for n in form.rows.errors if form.rows.error_text(n)}) == 1
    assert (form.kode.edit.text(), form.nama.text(), form.merk.text(), form.harga.text()) == (
        kode,
        "Barang uji",
        "Merk X",
        harga,
    )
    assert pengurus.query(items.list_assets, items.AssetFilter())[1] == 0


def test_a_level_7_code_missing_from_the_list_is_kept_with_a_warning(qtbot, pengurus: UiContext) -> None:  # type: ignore[no-untyped-def]
    missing = "1.3.2.05.02.09.901"
    with pengurus.read() as s:
        assert kode.get_kode(s, missing) is None
    form = AssetForm(pengurus)
    qtbot.addWidget(form)
    form.show()
    qtbot.keyClicks(form.kode.edit, missing)
    qtbot.keyClick(form.kode.edit, Qt.Key.Key_Return)
    assert form.kode.caption.text().startswith("KIB B")
    form.nama.setText("Kursi Rotan")
    form.harga.setText("500000")
    assert form.save() is not None
    assert form.summary().startswith("1 barang dicatat: register 000001 · ")
    assert len(form.summary().split(" · ")) == 2  # the service's warning follows


def test_pindah_ruang_from_the_detail_adds_a_history_row(qtbot, pengurus: UiContext) -> None:  # type: ignore[no-untyped-def]
    laptop = _laptop(pengurus)
    detail = AssetDetailDialog(pengurus, laptop.id)
    qtbot.addWidget(detail)
    detail.show()
    assert len(detail.history_rows()) == 1
    target = _room_id(pengurus, "Ruang Kepala Dinas")

    def move(dialog: QWidget) -> None:
        assert isinstance(dialog, MoveDialog)
        dialog.ruang.setCurrentIndex(dialog.ruang.findData(target))
        qtbot.keyClicks(dialog.keterangan, "dipakai Kadis")
        qtbot.keyClick(dialog.keterangan, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    failures = _when_modal(qtbot, lambda: detail.action, move)
    assert detail.run_action(MoveDialog)
    assert failures == []
    rows = detail.history_rows()
    assert len(rows) == 2
    moved = next(r for r in rows if r[1] == "Pindah ruang")
    assert moved[0] == "02-03-2026"
    assert "ruang: Ruang Subbag Umum → Ruang Kepala Dinas" in moved[3]
    assert moved[6] == "dipakai Kadis" and moved[5] == "barang"
    assert pengurus.query(items.get_asset, laptop.id).ruang_id == target


def test_the_pimpinan_reads_only(qtbot, pimpinan: UiContext, pengurus: UiContext) -> None:  # type: ignore[no-untyped-def]
    laptop = _laptop(pengurus)
    panel = _panel(qtbot, pimpinan)
    assert panel.model.total == 1
    assert not panel.new_button.isVisible()
    qtbot.keyClick(panel.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert panel.form is None
    detail = AssetDetailDialog(pimpinan, laptop.id)
    qtbot.addWidget(detail)
    detail.show()
    assert detail.buttons and not any(b.isEnabled() for b in detail.buttons.values())
    assert detail.read_only_note.isVisible()
    assert len(detail.history_rows()) == 1


@pytest.mark.parametrize("screen", SCREEN_IDS)
def test_tab_form_and_detail_on_screen(qtbot, pengurus: UiContext, screen: str) -> None:  # type: ignore[no-untyped-def]
    _record(pengurus, AssetInput(kode_barang=KURSI, nama="Kursi Kayu", tahun=2025, harga=750_000), 10)
    laptop = _laptop(pengurus)
    tab = AssetsTab(pengurus)
    qtbot.addWidget(tab)
    show_at(tab, screen)
    shoot(tab, f"barang-daftar-{screen}")
    form = AssetForm(pengurus)
    qtbot.addWidget(form)
    size = fits_dialog(form, screen)
    assert form.save_button.isVisible() and form.save_button.geometry().bottom() < size.height()
    shoot(form, f"barang-form-{screen}")
    detail = AssetDetailDialog(pengurus, laptop.id)
    qtbot.addWidget(detail)
    size = fits_dialog(detail, screen)
    assert detail.buttons["hapus"].geometry().bottom() < size.height()
    shoot(detail, f"barang-detail-{screen}")
