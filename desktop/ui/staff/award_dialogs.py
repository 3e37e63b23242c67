"""The dialogs of ASN Berprestasi: the criteria and their weights, the approval of a month's ranking, and its
cancellation with a reason. Each saves through the service itself and closes only when the save went through."""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.dates import month_name
from desktop.core.staff.award import BOBOT_TOTAL
from desktop.services.common.errors import ServiceError
from desktop.services.staff import awards
from desktop.services.staff.awards import KriteriaInfo, KriteriaInput, Ranking
from desktop.ui.context import UiContext
from desktop.ui.letters.common import ERROR_COLOR, SUCCESS_COLOR, muted, set_message
from desktop.ui.staff.fields import DateField

ID_ROLE = Qt.ItemDataRole.UserRole


def bulan_text(periode: date) -> str:
    return f"{month_name(periode.month)} {periode.year}"


def _buttons(ok_text: str, dialog: QDialog) -> tuple[QDialogButtonBox, QPushButton]:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    ok.setDefault(True)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(dialog.tr("Batal"))
    buttons.rejected.connect(dialog.reject)
    return buttons, ok


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
        self.resize(760, 380)
        self.table = QTableWidget(0, len(self.COLUMNS), self)
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
        buttons, self.save_button = _buttons(self.tr("&Simpan"), self)
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
        values = [self.items()[i] for i in range(self.table.rowCount())]
        values[row], values[target] = values[target], values[row]
        self.table.setRowCount(0)
        for v in values:
            self._append(v.nama, v.bobot, v.keterangan, v.id)
        self.table.setCurrentCell(target, 0)
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


class ApproveDialog(QDialog):
    """The Kepala Dinas's decision on a month's ranking: how many awardees and the SK. The awardees are listed
    as they will be recorded; "Tetapkan" is the confirmation."""

    def __init__(self, ctx: UiContext, found: Ranking, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.found = found
        self.setObjectName("awardApproveDialog")
        self.setWindowTitle(self.tr("Tetapkan ASN Berprestasi {0}").format(bulan_text(found.periode)))
        self.setMinimumWidth(560)
        intro = QLabel(
            self.tr(
                "Peringkat {0} akan ditetapkan seperti tertera. Setelah ditetapkan, nilai bulan ini terkunci "
                "sampai penetapannya dibatalkan."
            ).format(bulan_text(found.periode))
        )
        intro.setWordWrap(True)
        self.jumlah = QSpinBox(self)
        self.jumlah.setObjectName("jumlahPenerima")
        self.jumlah.setRange(1, max(1, len(found.rows)))
        self.jumlah.setValue(1)
        self.jumlah.valueChanged.connect(self._update_list)
        self.nomor_sk = QLineEdit(self)
        self.nomor_sk.setObjectName("nomorSk")
        self.nomor_sk.setMaxLength(100)
        self.nomor_sk.setPlaceholderText(self.tr("boleh diisi kemudian"))
        self.tanggal_sk = DateField(self)
        self.tanggal_sk.setObjectName("tanggalSk")
        self.winners = QLabel(self)
        self.winners.setObjectName("winnersLabel")
        self.winners.setTextFormat(Qt.TextFormat.RichText)
        self.winners.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        buttons, self.ok_button = _buttons(self.tr("&Tetapkan"), self)
        buttons.accepted.connect(self.save)
        form = QVBoxLayout()
        for label_text, widget in (
            (self.tr("&Jumlah pegawai berprestasi:"), self.jumlah),
            (self.tr("&Nomor SK:"), self.nomor_sk),
            (self.tr("Tan&ggal SK:"), self.tanggal_sk),
        ):
            label = QLabel(label_text)
            label.setBuddy(widget)
            line = QHBoxLayout()
            label.setMinimumWidth(200)
            line.addWidget(label)
            line.addWidget(widget, 1)
            form.addLayout(line)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.winners)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._update_list()
        self.jumlah.setFocus()

    def _update_list(self) -> None:
        n = self.jumlah.value()
        lines = [
            f"{r.peringkat}. {html.escape(r.nama)} &middot; {html.escape(r.skor_text)}"
            for r in self.found.rows[:n]
        ]
        self.winners.setText("<b>" + self.tr("Pegawai berprestasi:") + "</b><br>" + "<br>".join(lines))

    def save(self) -> None:
        try:
            tanggal = self.tanggal_sk.value()
        except ValueError as exc:
            set_message(self.message, html.escape(str(exc)), ERROR_COLOR)
            self.tanggal_sk.setFocus()
            return
        try:
            self.ctx.call(
                awards.approve,
                self.found.periode,
                jumlah_penerima=self.jumlah.value(),
                nomor_sk=self.nomor_sk.text(),
                tanggal_sk=tanggal,
            )
        except ServiceError as exc:
            set_message(self.message, html.escape(str(exc)), ERROR_COLOR)
            return
        self.accept()


class CancelApprovalDialog(QDialog):
    """Cancel a month's approval: the reason is required and stays on record."""

    def __init__(self, ctx: UiContext, periode: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.periode = periode
        self.setObjectName("awardCancelDialog")
        self.setWindowTitle(self.tr("Batalkan penetapan {0}").format(bulan_text(periode)))
        self.setMinimumWidth(520)
        label = QLabel(self.tr("&Alasan pembatalan (wajib):"))
        self.alasan = QLineEdit(self)
        self.alasan.setObjectName("alasanBatal")
        self.alasan.setMaxLength(300)
        label.setBuddy(self.alasan)
        note = muted(
            QLabel(self.tr("Penetapan yang dibatalkan tetap tercatat; nilai bulan ini dapat diubah lagi."))
        )
        note.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        buttons, self.ok_button = _buttons(self.tr("Batalkan &penetapan"), self)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Tutup"))
        buttons.accepted.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.alasan)
        layout.addWidget(note)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.alasan.setFocus()

    def save(self) -> None:
        try:
            self.ctx.call(awards.cancel_approval, self.periode, self.alasan.text())
        except ServiceError as exc:
            set_message(self.message, html.escape(str(exc)), ERROR_COLOR)
            self.alasan.setFocus()
            return
        self.accept()
