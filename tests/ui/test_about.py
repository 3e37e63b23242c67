"""Bantuan › Tentang Sekretariat: opened from the menu, shows the version and the data folder, and the text of
each bundled component's licence; fits a 1024×600 screen (``SEKRETARIAT_SHOTS`` keeps the pictures)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QPlainTextEdit

from desktop import __version__
from desktop.services import about
from desktop.services.common.permissions import Actor
from desktop.services.system import AppContext
from desktop.ui import about_dialog
from desktop.ui.about_dialog import AboutDialog
from desktop.ui.context import UiContext
from desktop.ui.main_window import MainWindow
from desktop.ui.state import UiState

from .screens import DIALOG_ROOM, SCREEN_IDS, problems, pump, shoot

README = """| Komponen | Versi | Lisensi | Berkas |
|---|---|---|---|
| PySide6 / Qt | >=6.6 | LGPL-3.0-only | PySide6.txt |
| reportlab | >=4.0 | BSD-3-Clause | reportlab.txt |
"""


@pytest.fixture
def resources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A resources folder with two licences, used by the dialog instead of the checkout's own."""
    folder = tmp_path / "resources"
    licences = folder / "licenses"
    licences.mkdir(parents=True)
    (licences / "README.md").write_text(README, encoding="utf-8")
    (licences / "PySide6.txt").write_text("GNU LESSER GENERAL PUBLIC LICENSE\nVersion 3\n", encoding="utf-8")
    (licences / "reportlab.txt").write_text(
        "Copyright ReportLab Europe Ltd.\nBSD licence\n", encoding="utf-8"
    )
    monkeypatch.setattr(about, "resources_dir", lambda: folder)
    monkeypatch.setattr(about_dialog, "resources_dir", lambda: folder)
    return folder


def _window(qtbot, app_ctx: AppContext, admin: Actor, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(UiContext(app_ctx, admin), UiState(tmp_path / "tampilan.ini"))
    qtbot.addWidget(window)
    return window


def test_the_help_menu_opens_it_with_the_version_and_the_data_folder(  # type: ignore[no-untyped-def]
    qtbot, app_ctx: AppContext, admin: Actor, tmp_path: Path, resources: Path
) -> None:
    window = _window(qtbot, app_ctx, admin, tmp_path)
    menus = {a.text().replace("&", ""): a.menu() for a in window.menuBar().actions()}
    entry = next(a for a in menus["Bantuan"].actions() if a.text().replace("&", "") == "Tentang Sekretariat")
    entry.trigger()
    dialog = window.findChild(AboutDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.findChild(QLabel, "about_version").text() == __version__
    assert dialog.findChild(QLabel, "about_data_dir").text() == str(app_ctx.data_dir)
    assert str(app_ctx.data_dir / "sekretariat.db") in dialog.findChild(QLabel, "about_database").text()
    assert "dari kode sumber" in dialog.info.as_text()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_choosing_a_licence_shows_its_text_read_only(  # type: ignore[no-untyped-def]
    qtbot, app_ctx: AppContext, admin: Actor, resources: Path
) -> None:
    dialog = AboutDialog(UiContext(app_ctx, admin))
    qtbot.addWidget(dialog)
    assert [dialog.licence_list.item(i).text() for i in range(dialog.licence_list.count())] == [
        "PySide6 / Qt — LGPL-3.0-only",
        "reportlab — BSD-3-Clause",
    ]
    assert dialog.licence_heading.text() == "<b>PySide6 / Qt · versi &gt;=6.6 · LGPL-3.0-only</b>"
    text = dialog.findChild(QPlainTextEdit, "about_licence_text")
    assert text.isReadOnly()
    assert text.toPlainText().startswith("GNU LESSER GENERAL PUBLIC LICENSE")
    dialog.licence_list.setCurrentRow(1)
    assert text.toPlainText().startswith("Copyright ReportLab Europe Ltd.")
    dialog.tabs.setCurrentIndex(1)
    dialog.resize(QSize(940, 600).boundedTo(DIALOG_ROOM["1024x600"]))
    dialog.show()
    pump()
    assert problems(dialog) == []
    shoot(dialog, "tentang-lisensi-contoh-1024x600")


def test_salin_info_copies_the_technical_lines(
    qtbot, app_ctx: AppContext, admin: Actor, resources: Path
) -> None:  # type: ignore[no-untyped-def]
    dialog = AboutDialog(UiContext(app_ctx, admin))
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith(f"Sekretariat {__version__}\n")
    for line in (
        f"Folder data: {app_ctx.data_dir}",
        "Basis data: SQLite 3.",
        "Qt: ",
        "PySide6: ",
        "Python: ",
    ):
        assert line in copied


def test_without_licence_files_it_says_where_it_looked(  # type: ignore[no-untyped-def]
    qtbot, app_ctx: AppContext, admin: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(about, "resources_dir", lambda: tmp_path / "kosong")
    dialog = AboutDialog(UiContext(app_ctx, admin))
    qtbot.addWidget(dialog)
    assert dialog.licence_list.count() == 0
    said = [label.text() for label in dialog.findChildren(QLabel)]
    assert any(str(tmp_path / "kosong" / "licenses") in text for text in said)


@pytest.mark.parametrize("screen", SCREEN_IDS)
@pytest.mark.parametrize("page", [0, 1])
def test_it_fits_the_small_screens(  # type: ignore[no-untyped-def]
    qtbot, app_ctx: AppContext, admin: Actor, screen: str, page: int
) -> None:
    # The checkout's own resources: the picture shows the real icon and licence list once they exist.
    dialog = AboutDialog(UiContext(app_ctx, admin))
    qtbot.addWidget(dialog)
    dialog.tabs.setCurrentIndex(page)
    room = DIALOG_ROOM[screen]
    dialog.resize(QSize(940, 600).boundedTo(room))
    dialog.show()
    pump()
    assert dialog.width() <= room.width() and dialog.height() <= room.height()
    assert problems(dialog) == []
    shoot(dialog, f"tentang-{'informasi' if page == 0 else 'lisensi'}-{screen}")
