"""The criteria of ASN Berprestasi and their weights, saved through the service as one set."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.staff.award import BOBOT_TOTAL
from desktop.services.common.errors import ServiceError
from desktop.services.staff import awards
from desktop.services.staff.awards import KriteriaInfo, KriteriaInput
from desktop.ui.context import UiContext
from desktop.ui.staff.award_common import ok_cancel_buttons
from desktop.ui.widgets.drafts import DraftKeeper
from desktop.ui.widgets.messages import muted, set_message
from desktop.ui.widgets.palette import ERROR_COLOR, SUCCESS_COLOR
from desktop.ui.widgets.screen_fit import fit_to_screen

ID_ROLE = Qt.ItemDataRole.UserRole


class CriteriaTable(QTableWidget):
    """The criteria rows. Its cells are not fields of their own, so the table itself is one field of the
    dialog's draft: a list of ``[nama, bobot, keterangan, id]``."""

    def __init__(self, dialog: CriteriaDialog) -> None:
        super().__init__(0, len(CriteriaDialog.COLUMNS), dialog)
        self.dialog = dialog

    def draft_value(self) -> list[list[object]]:
        return [[k.nama, k.bobot, k.keterangan, k.id] for k in self.dialog.items()]

    def set_draft_value(self, value: object) -> None:
        if not isinstance(value, list):
            return
        rows = [row for row in value if isinstance(row, list) and len(row) == 4]
        self.dialog.set_rows(
            [
                KriteriaInput(
                    nama=str(nama),
                    bobot=int(bobot) if isinstance(bobot, int | float) else 1,
                    keterangan=str(keterangan),
                    id=kriteria_id if isinstance(kriteria_id, int) else None,
                )
                for nama, bobot, keterangan, kriteria_id in rows
            ]
        )


class CriteriaDialog(QDialog):
    """The criteria as one set: name, weight (1-100 %) and note per row, with the sum of the weights shown live;
    "Simpan" is enabled only when it is 100. A row removed here becomes inactive (old sheets keep it)."""

    COLUMNS = ("Kriteria", "Bobot (%)", "Keterangan")

    def __init__(self, ctx: UiContext, criteria: list[KriteriaInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.saved: list[KriteriaInfo] | None = None
        self.setObjectName("awardCriteriaDialog")
        self.setWindowTitle(self.tr("Kriteria ASN Berprestasi"))
        fit_to_screen(self, 760, 380)
        self.table = CriteriaTable(self)
        self.table.setObjectName("criteriaTable")
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in self.COLUMNS])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for k in criteria:
            self._append(k.nama, k.bobot, k.keterangan, k.id)
        self.add_button = QPushButton(self.tr("&Tambah"), self)
        self.add_button.clicked.connect(self.add_row)
        self.remove_button = QPushButton(self.tr("&Hapus"), self)
        self.remove_button.clicked.connect(self.remove_row)
        self.up_button = QPushButton(self.tr("&Naik"), self)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button = QPushButton(self.tr("T&urun"), self)
        self.down_button.clicked.connect(lambda: self._move(1))
        self.sum_label = QLabel(self)
        self.sum_label.setObjectName("sumLabel")
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        note = muted(
            QLabel(
                self.tr(
                    "Kriteria yang dihapus menjadi tidak aktif; lembar dan penetapan lama tetap memuatnya."
                )
            ),
            smaller=True,
        )
        note.setWordWrap(True)
        buttons, self.save_button = ok_cancel_buttons(self.tr("&Simpan"), self)
        buttons.accepted.connect(self.save)
        row = QHBoxLayout()
        for b in (self.add_button, self.remove_button, self.up_button, self.down_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(self.sum_label)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(note)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.update_sum()
        self.table.setFocus()
        self.drafts = DraftKeeper(self, ctx, "prestasi_kriteria", self.tr("kriteria ASN Berprestasi"))

    def reject(self) -> None:
        """Esc, ✕ and Batal: changed criteria are thrown away only when the clerk says so."""
        if self.drafts.confirm_discard(self):
            super().reject()

    def _append(self, nama: str, bobot: int, keterangan: str, kriteria_id: int | None) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        item = QTableWidgetItem(nama)
        item.setData(ID_ROLE, kriteria_id)
        self.table.setItem(row, 0, item)
        spin = QSpinBox(self.table)
        spin.setRange(1, BOBOT_TOTAL)
        spin.setSuffix(" %")
        spin.setValue(bobot)
        spin.valueChanged.connect(self.update_sum)
        self.table.setCellWidget(row, 1, spin)
        self.table.setItem(row, 2, QTableWidgetItem(keterangan))
        return row

    def spin(self, row: int) -> QSpinBox:
        widget = self.table.cellWidget(row, 1)
        assert isinstance(widget, QSpinBox)
        return widget

    def total(self) -> int:
        return sum(self.spin(r).value() for r in range(self.table.rowCount()))

    def update_sum(self) -> None:
        total = self.total()
        ok = total == BOBOT_TOTAL
        self.sum_label.setText(self.tr("Jumlah bobot: {0} % dari {1} %").format(total, BOBOT_TOTAL))
        self.sum_label.setStyleSheet(f"color: {SUCCESS_COLOR if ok else ERROR_COLOR}; font-weight: bold;")
        self.save_button.setEnabled(ok and self.table.rowCount() > 0)

    def add_row(self) -> None:
        row = self._append(
            "", max(1, BOBOT_TOTAL - self.total()) if self.total() < BOBOT_TOTAL else 1, "", None
        )
        self.update_sum()
        self.table.setCurrentCell(row, 0)
        self.table.editItem(self.table.item(row, 0))

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.update_sum()

    def _move(self, step: int) -> None:
        row = self.table.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        values = self.items()
        values[row], values[target] = values[target], values[row]
        self.set_rows(values)
        self.table.setCurrentCell(target, 0)

    def set_rows(self, values: list[KriteriaInput]) -> None:
        self.table.setRowCount(0)
        for v in values:
            self._append(v.nama, v.bobot, v.keterangan, v.id)
        self.update_sum()

    def items(self) -> list[KriteriaInput]:
        out = []
        for r in range(self.table.rowCount()):
            name_item, note_item = self.table.item(r, 0), self.table.item(r, 2)
            out.append(
                KriteriaInput(
                    nama=name_item.text() if name_item else "",
                    bobot=self.spin(r).value(),
                    keterangan=note_item.text() if note_item else "",
                    id=name_item.data(ID_ROLE) if name_item else None,
                )
            )
        return out

    def save(self) -> None:
        try:
            self.saved = self.ctx.call(awards.save_criteria, self.items())
        except ServiceError as exc:
            set_message(self.message, html.escape(str(exc)), ERROR_COLOR)
            return
        self.accept()
