"""The Jadwal board's list of records that stop a deadline being computed."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.nip import format_nip
from desktop.services.staff.board import DataNote
from desktop.ui.widgets.screen_fit import fit_to_screen


class DataNotesDialog(QDialog):
    """Records the rules cannot use: each one is a deadline that would otherwise be missed without a word."""

    open_pegawai = Signal(int)

    def __init__(self, notes: list[DataNote], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.notes = notes
        self.setObjectName("dataNotesDialog")
        self.setWindowTitle(self.tr("Data pegawai yang perlu dilengkapi"))
        fit_to_screen(self, 900, 480)
        intro = QLabel(
            self.tr(
                "Tenggat pegawai berikut tidak bisa dihitung dari datanya. Lengkapi datanya agar tidak ada KGB, "
                "kenaikan pangkat atau pensiun yang terlewat."
            )
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(notes), 3)
        self.table.setObjectName("dataNotesTable")
        self.table.setHorizontalHeaderLabels([self.tr("Nama"), self.tr("NIP"), self.tr("Catatan")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 220)
        self.table.setColumnWidth(1, 170)
        for row, note in enumerate(notes):
            for col, text in enumerate((note.nama, format_nip(note.nip), note.catatan)):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                self.table.setItem(row, col, cell)
        if notes:
            self.table.selectRow(0)
        self.table.cellDoubleClicked.connect(lambda row, _col: self._open(row))
        buttons = QDialogButtonBox()
        open_button = QPushButton(self.tr("Buka data &pegawai"))
        open_button.clicked.connect(lambda: self._open(self.table.currentRow()))
        buttons.addButton(open_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Tutup"))
        close.clicked.connect(self.reject)
        buttons.rejected.connect(self.reject)
        enter = QShortcut(QKeySequence(Qt.Key.Key_Return), self.table)
        enter.setContext(Qt.ShortcutContext.WidgetShortcut)
        enter.activated.connect(lambda: self._open(self.table.currentRow()))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def _open(self, row: int) -> None:
        if 0 <= row < len(self.notes):
            self.open_pegawai.emit(self.notes[row].pegawai_id)
            self.accept()
