"""Buka on an item's files: every copy handed to the viewer goes into the app's one per-run folder, stays
readable while the app runs, and goes when the app quits; nothing else is left in the temp folder."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt

from desktop.services.assets import attachments, items
from desktop.services.assets.items import AssetInput
from desktop.ui.assets.attachments_box import AttachmentsBox
from desktop.ui.context import UiContext
from desktop.ui.widgets import viewer_files
from desktop.ui.widgets.viewer_files import ViewerFiles


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (32, 24), "teal").save(out, format="PNG")
    return out.getvalue()


def test_opened_files_share_the_run_folder_that_goes_at_quit(
    qtbot, pengurus: UiContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(
        "tempfile.tempdir", str(temp)
    )  # where the system temp folder is, for old and new code
    files = ViewerFiles(temp)
    files.installed = True  # the test's app never quits; cleanup is called below as aboutToQuit would
    monkeypatch.setattr(viewer_files, "FILES", files)
    data = AssetInput(kode_barang="1.3.2.10.01.02.002", nama="Laptop", tahun=2024, harga=15_000_000)
    laptop = pengurus.call(items.create_assets, data, 1).assets[0]
    photo = _png()
    pengurus.call(attachments.add, aset_id=laptop.id, data=photo, nama_asli="IMG_1.PNG")
    pengurus.call(attachments.add, aset_id=laptop.id, data=b"%PDF-1.4\n%%EOF\n", nama_asli="bast.pdf")

    box = AttachmentsBox(pengurus, aset_id=laptop.id)
    qtbot.addWidget(box)
    opened: list[Path] = []
    box.opener = lambda path: opened.append(path) or True
    for row in (0, 1, 0):  # the clerk opens the photo, the document, and the photo again
        box.files.setCurrentRow(row)
        qtbot.mouseClick(box.buttons["buka"], Qt.MouseButton.LeftButton)

    assert len(opened) == 3 and opened[0] == opened[2]
    assert {p.parent for p in opened} == {files.folder}
    assert list(temp.iterdir()) == [files.folder]  # one folder for the run, not one per Buka
    assert opened[0].read_bytes() == photo  # still there for the viewer after Buka returned

    files.cleanup()
    assert list(temp.iterdir()) == []
