"""The editable rencana tindak lanjut of an SKM period (R23): prioritas unsur, program, waktu, penanggung jawab."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.guests.ikm import UNSUR
from desktop.services.guests.skm import RtlRow

COLUMNS = ("Prioritas unsur", "Program/kegiatan", "Waktu", "Penanggung jawab")
COL_UNSUR, COL_PROGRAM, COL_WAKTU, COL_PJ = range(4)
_TEXT_COLUMNS = (COL_PROGRAM, COL_WAKTU, COL_PJ)


class RtlTable(QWidget):
    """The RTL rows with "Tambah baris" and "Hapus baris". ``changed`` fires on every edit the clerk makes
    (not on ``set_rows``); ``dirty`` says whether the rows differ from the ones last set. Read-only for a
    viewer: no buttons, nothing editable."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rtlTable")
        self.editable = True
        self._shown: list[RtlRow] = []
        self._filling = False
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("rtlGrid")
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 14)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(COL_UNSUR, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(COL_PROGRAM, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_WAKTU, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_PJ, QHeaderView.ResizeMode.Interactive)
        fm = self.table.fontMetrics()
        self.table.setColumnWidth(COL_UNSUR, fm.horizontalAdvance("U6 Kompetensi") + 48)
        self.table.setColumnWidth(COL_WAKTU, fm.horizontalAdvance("Triwulan III 2026") + 16)
        self.table.setColumnWidth(COL_PJ, fm.horizontalAdvance("Sub Bagian Umum") + 16)
        self.table.itemChanged.connect(lambda _item: self._edited())

        self.add_button = QPushButton(self.tr("&Tambah baris"), self)
        self.add_button.setObjectName("rtlAdd")
        self.add_button.clicked.connect(self.add_row)
        self.remove_button = QPushButton(self.tr("&Hapus baris"), self)
        self.remove_button.setObjectName("rtlRemove")
        self.remove_button.clicked.connect(self.remove_row)
        self.buttons = QWidget(self)
        row = QHBoxLayout(self.buttons)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)

    # ------------------------------------------------------------------ content
    def set_rows(self, rows: Sequence[RtlRow], *, editable: bool) -> None:
        """Show ``rows`` as the saved state (not dirty)."""
        self.editable = editable
        self._filling = True
        self.table.setRowCount(0)
        for row in rows:
            self._append(row)
        self._filling = False
        self._shown = self.rows()
        self.buttons.setVisible(editable)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers
            if editable
            else QAbstractItemView.EditTrigger.NoEditTriggers
        )

    def rows(self) -> list[RtlRow]:
        """The rows as they stand, text trimmed."""
        found = []
        for r in range(self.table.rowCount()):
            combo = self.table.cellWidget(r, COL_UNSUR)
            unsur = str(combo.currentData() or "") if isinstance(combo, QComboBox) else ""
            texts = [self._text(r, c) for c in _TEXT_COLUMNS]
            found.append(RtlRow(unsur, *texts))
        return found

    @property
    def dirty(self) -> bool:
        return self.rows() != self._shown

    def mark_saved(self, rows: Sequence[RtlRow] | None = None) -> None:
        """The rows now stored are ``rows`` (shown again) or, without, the rows as they stand."""
        if rows is None:
            self._shown = self.rows()
        else:
            self.set_rows(rows, editable=self.editable)

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return " ".join(item.text().split()) if item is not None else ""

    def _append(self, row: RtlRow) -> int:
        index = self.table.rowCount()
        self.table.insertRow(index)
        combo = QComboBox(self.table)
        combo.setObjectName(f"rtlUnsur{index}")
        combo.setAccessibleName(self.tr("Prioritas unsur baris {0}").format(index + 1))
        for unsur in UNSUR:
            combo.addItem(f"{unsur.kode} {unsur.nama}", unsur.kode)  # short names: the column stays narrow
            combo.setItemData(combo.count() - 1, unsur.nama_lengkap, Qt.ItemDataRole.ToolTipRole)
        found = combo.findData(row.unsur)
        combo.setCurrentIndex(max(found, 0))
        combo.setEnabled(self.editable)
        combo.currentIndexChanged.connect(lambda _i: self._edited())
        self.table.setCellWidget(index, COL_UNSUR, combo)
        for column, text in zip(_TEXT_COLUMNS, (row.program, row.waktu, row.penanggung_jawab), strict=True):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            self.table.setItem(index, column, item)
        return index

    # ------------------------------------------------------------------ the clerk's actions
    def add_row(self) -> None:
        """A new row (the unsur after the last row's), the cursor in its programme cell."""
        if not self.editable:
            return
        last = self.rows()[-1].unsur if self.table.rowCount() else ""
        codes = [u.kode for u in UNSUR]
        following = codes[(codes.index(last) + 1) % len(codes)] if last in codes else codes[0]
        self._filling = True
        index = self._append(RtlRow(following))
        self._filling = False
        self.table.setCurrentCell(index, COL_PROGRAM)
        self.table.setFocus()
        self._edited()

    def remove_row(self) -> None:
        if not self.editable:
            return
        index = self.table.currentRow()
        if index < 0:
            return
        self.table.removeRow(index)
        self._edited()

    def _edited(self) -> None:
        if not self._filling:
            self.changed.emit()
