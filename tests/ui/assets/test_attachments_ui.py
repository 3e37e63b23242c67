"""The Foto & dokumen tab of an item and the files of a BAST as the clerk uses them: a photo added through the
file dialog shows as the thumbnail and opens verified; a final BAST's signed scan has no Hapus."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from desktop.models.assets import AsetDokumen
from desktop.services.assets import attachments, items
from desktop.services.assets.items import AssetInfo, AssetInput
from desktop.ui import dialogs
from desktop.ui.assets import bast_editor
from desktop.ui.assets.asset_detail_dialog import AssetDetailDialog
from desktop.ui.assets.attachments_box import AttachmentsBox
from desktop.ui.context import UiContext

LAPTOP = "1.3.2.10.01.02.002"


@pytest.fixture(autouse=True)
def answer_yes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dialogs, "confirm", lambda *_a, **_k: True)


def _laptop(ui: UiContext) -> AssetInfo:
    data = AssetInput(kode_barang=LAPTOP, nama="Laptop", tahun=2024, harga=15_000_000)
    return ui.call(items.create_assets, data, 1).assets[0]


def _png(path: Path) -> Path:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), "orange").save(out, format="PNG")
    path.write_bytes(out.getvalue())
    return path


def test_a_photo_added_in_the_detail_dialog_is_the_thumbnail_and_opens_verified(
    qtbot, pengurus: UiContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    laptop = _laptop(pengurus)
    photo = _png(tmp_path / "IMG_2031.PNG")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *_a, **_k: ([str(photo)], "")))
    errors: list[str] = []
    monkeypatch.setattr(dialogs, "error", lambda _p, _t, text: errors.append(text))
    detail = AssetDetailDialog(pengurus, laptop.id)
    qtbot.addWidget(detail)
    detail.show()
    qtbot.waitExposed(detail)
    detail.activateWindow()
    qtbot.waitUntil(detail.isActiveWindow, timeout=2000)
    qtbot.keyClick(detail, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)  # Alt+F: the Foto & dokumen tab
    box = detail.files_box
    assert detail.tabs.currentWidget() is box
    assert box.thumbnail.text() == "Belum ada foto" and box.names() == []

    qtbot.mouseClick(box.buttons["tambah"], Qt.MouseButton.LeftButton)
    assert errors == []
    assert box.names() == [f"aset/{laptop.nibar}_1.png"]
    assert box.files.item(0).text().startswith(f"Foto · aset/{laptop.nibar}_1.png\nIMG_2031.PNG")
    assert not box.thumbnail.pixmap().isNull()  # the first photo shows beside the list
    assert detail.tabs.tabText(detail.tabs.indexOf(box)) == "&Foto && dokumen (1)"

    opened: list[Path] = []
    box.opener = lambda path: opened.append(path) or True
    qtbot.mouseClick(box.buttons["buka"], Qt.MouseButton.LeftButton)
    assert [p.read_bytes() for p in opened] == [
        photo.read_bytes()
    ]  # the stored bytes, checked, to a temp file

    qtbot.mouseClick(box.buttons["hapus"], Qt.MouseButton.LeftButton)
    assert box.names() == [] and box.thumbnail.text() == "Belum ada foto"


def test_the_pimpinan_only_looks_and_a_final_bast_keeps_its_scan(
    qtbot, pengurus: UiContext, pimpinan: UiContext, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    laptop = _laptop(pengurus)
    pengurus.call(
        attachments.add, aset_id=laptop.id, data=_png(tmp_path / "a.png").read_bytes(), nama_asli="a"
    )
    looking = AttachmentsBox(pimpinan, aset_id=laptop.id)
    qtbot.addWidget(looking)
    assert looking.names() == [f"aset/{laptop.nibar}_1.png"]
    assert [k for k, b in looking.buttons.items() if not b.isHidden()] == ["buka"]

    with pengurus.transaction() as s:
        doc = AsetDokumen(jenis="penerimaan", status="final", tanggal=date(2026, 3, 2))
        s.add(doc)
        s.flush()
        doc_id = doc.id
    pengurus.call(
        attachments.add, dokumen_id=doc_id, data=_png(tmp_path / "b.png").read_bytes(), nama_asli="ttd"
    )
    editor = bast_editor.BastEditor(pengurus, doc_id)
    qtbot.addWidget(editor)
    assert editor.files_box is not None and editor.files_box.names() == [f"bast/{doc_id}_1.png"]
    assert not editor.files_box.buttons["tambah"].isHidden()  # the signed scan can still come
    assert not editor.files_box.buttons["hapus"].isEnabled()
