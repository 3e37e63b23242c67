"""UiState: window and column layout survive a restart through a real INI file; bad files don't crash."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QMainWindow, QTableView, QToolBar

from desktop.ui.state import UiState


def make_table(qtbot, columns: int = 4) -> QTableView:
    model = QStandardItemModel(3, columns)
    model.setHorizontalHeaderLabels([f"Kolom {i}" for i in range(columns)])
    view = QTableView()
    view.setModel(model)
    model.setParent(view)
    qtbot.addWidget(view)
    return view


def make_window(qtbot) -> QMainWindow:
    window = QMainWindow()
    toolbar = QToolBar("Alat", window)
    toolbar.setObjectName("mainToolbar")
    window.addToolBar(toolbar)
    qtbot.addWidget(window)
    return window


def test_window_geometry_round_trips_through_ini_file(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "profil" / "ui.ini"
    window = make_window(qtbot)
    window.setGeometry(120, 80, 700, 500)
    window.findChild(QToolBar, "mainToolbar").setVisible(False)
    UiState(path).save_window("utama", window)
    assert path.is_file()

    restored = make_window(qtbot)
    assert UiState(path).restore_window("utama", restored)
    assert restored.size().width() == 700
    assert restored.size().height() == 500
    assert restored.findChild(QToolBar, "mainToolbar").isHidden()


def test_header_round_trips_through_ini_file(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "ui.ini"
    table = make_table(qtbot)
    header = table.horizontalHeader()
    header.resizeSection(0, 210)
    header.moveSection(3, 1)
    header.setSectionHidden(2, True)
    header.setSortIndicator(1, Qt.SortOrder.DescendingOrder)
    UiState(path).save_header("surat_masuk", header)

    fresh_table = make_table(qtbot)
    fresh = fresh_table.horizontalHeader()
    assert UiState(path).restore_header("surat_masuk", fresh)
    assert fresh.sectionSize(0) == 210
    assert fresh.visualIndex(3) == 1
    assert fresh.isSectionHidden(2)
    assert fresh.sortIndicatorSection() == 1
    assert fresh.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder


def test_header_with_different_column_count_is_not_restored(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "ui.ini"
    table = make_table(qtbot, columns=4)
    header = table.horizontalHeader()
    header.setSectionHidden(3, True)
    UiState(path).save_header("tamu", header)

    wider_table = make_table(qtbot, columns=6)
    wider = wider_table.horizontalHeader()
    assert not UiState(path).restore_header("tamu", wider)
    assert not any(wider.isSectionHidden(i) for i in range(6))


def test_small_values_keep_their_type(tmp_path: Path) -> None:
    path = tmp_path / "ui.ini"
    state = UiState(path)
    state.set_value("utama/tab", 3)
    state.set_value("utama/ringkas", True)
    state.set_value("cetak/printer", "Epson L3110")

    again = UiState(path)
    assert again.value("utama/tab", 0) == 3
    assert again.value("utama/ringkas", False) is True
    assert again.value("cetak/printer", "") == "Epson L3110"
    assert again.value("tidak/ada", 7) == 7
    again.set_value("utama/tab", "bukan angka")
    assert again.value("utama/tab", 0) == 0


def test_missing_file_means_defaults(qtbot, tmp_path: Path) -> None:
    state = UiState(tmp_path / "belum-ada" / "ui.ini")
    window = make_window(qtbot)
    assert not state.restore_window("utama", window)
    table = make_table(qtbot)
    assert not state.restore_header("surat", table.horizontalHeader())
    assert state.value("utama/tab", 0) == 0


@pytest.mark.parametrize(
    "content",
    [
        b"\x00\xff\xfe\x00[[[\n=\n\xc3\x28",
        b"[utama]\ngeometry=@ByteArray(\\x1\\x2 rusak\nstate=@ByteArray(zzz)\n[surat]\nheader=@ByteArray(\\0\\0\\0\\xff)\ncolumns=4\n",
        b"[utama]\ngeometry=bukan byte\ntab=abc\n",
    ],
    ids=["binary-garbage", "truncated-bytearrays", "wrong-types"],
)
def test_corrupt_file_does_not_crash(qtbot, tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "ui.ini"
    path.write_bytes(content)
    state = UiState(path)
    window = make_window(qtbot)
    table = make_table(qtbot)
    header = table.horizontalHeader()

    assert not state.restore_window("utama", window)
    assert not state.restore_header("surat", header)
    assert state.value("utama/tab", 0) == 0

    # And the file is usable again afterwards.
    window.resize(640, 480)
    state.save_window("utama", window)
    restored = make_window(qtbot)
    assert UiState(path).restore_window("utama", restored)
    assert restored.size().width() == 640


def test_unwritable_location_is_not_fatal(qtbot, tmp_path: Path) -> None:
    blocker = tmp_path / "berkas"
    blocker.write_text("bukan folder")
    state = UiState(blocker / "ui.ini")  # parent is a file: can never be written
    state.save_window("utama", make_window(qtbot))
    assert not state.sync()


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_state_file_is_owner_only(tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        state = UiState(tmp_path / "tampilan.ini")
        state.set_value("tab/terakhir", "surat")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "tampilan.ini").stat().st_mode) == 0o600
