"""Ekspedisi: give signed outgoing letters to a caraka, print the page, and record receipts later."""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.dates import format_date, format_date_numeric
from desktop.services.common.errors import ServiceError
from desktop.services.common.permissions import Perm
from desktop.services.common.printed import Delivery
from desktop.services.letters import expedition
from desktop.ui import dialogs
from desktop.ui.context import UiContext
from desktop.ui.print_preview import PrintPreviewDialog
from desktop.ui.widgets.dates import DateField


class ReceiptDialog(QDialog):
    def __init__(self, item: expedition.ItemInfo, sent: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Catat penerimaan"))
        self.name = QLineEdit(item.nama_penerima)
        self.when = DateField(self, sent, required=True)
        self.when.setObjectName("tanggalTerima")
        self.note = QLineEdit(item.keterangan)
        form = QFormLayout(self)
        head = QLabel(f"<b>{html.escape(item.nomor_surat)}</b><br>{html.escape(item.tujuan)}")
        head.setWordWrap(True)  # a long tujuan wraps instead of widening the dialog past the screen
        form.addRow(head)
        form.addRow(self.tr("&Nama penerima"), self.name)
        form.addRow(self.tr("&Tanggal terima"), self.when.boxed())
        form.addRow(self.tr("&Keterangan"), self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        if self.when.error():  # the field is red with the reason beside it; the dialog stays open
            self.when.setFocus()
            return
        super().accept()


class ExpeditionPanel(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.can_write = ctx.actor.can(Perm.WRITE_LETTERS)
        self.preview: PrintPreviewDialog | None = None
        self.pages: list[expedition.ExpeditionInfo] = []
        today = ctx.office_today()

        # New page: the signed letters waiting for a caraka.
        self.candidates = QTableWidget(0, 4)
        self.candidates.setObjectName("candidates")
        self.candidates.setHorizontalHeaderLabels(
            [self.tr("Nomor surat"), self.tr("Tanggal"), self.tr("Tujuan"), self.tr("Perihal")]
        )
        self.candidates.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.candidates.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.caraka = QLineEdit()
        self.caraka.setObjectName("caraka")
        self.caraka.setPlaceholderText(self.tr("nama caraka"))
        self.send_date = DateField(self, today, required=True)
        self.send_date.setObjectName("sendDate")
        self.create_button = QPushButton(self.tr("Serahkan && &cetak ekspedisi"))
        self.create_button.setObjectName("createExpedition")
        self.create_button.clicked.connect(self.create_page)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Caraka")))
        row.addWidget(self.caraka, 1)
        row.addWidget(QLabel(self.tr("Tanggal kirim")))
        row.addWidget(self.send_date)
        row.addWidget(self.send_date.caption)
        row.addWidget(self.create_button)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.addWidget(
            QLabel(
                self.tr(
                    "<b>Surat keluar siap dikirim</b> (sudah ditandatangani) — centang yang dibawa caraka"
                )
            )
        )
        top_layout.addWidget(self.candidates, 1)
        top_layout.addLayout(row)
        top.setEnabled(self.can_write)

        # Pages of the year with their receipts.
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year)
        self.year.valueChanged.connect(lambda _v: self.reload())
        self.items = QTableWidget(0, 7)
        self.items.setObjectName("pages")
        self.items.setHorizontalHeaderLabels(
            [
                self.tr("Tgl kirim"),
                self.tr("Caraka"),
                self.tr("Nomor surat"),
                self.tr("Tujuan"),
                self.tr("Diterima oleh"),
                self.tr("Tgl terima"),
                self.tr("Keterangan"),
            ]
        )
        self.items.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.items.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.items.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.items.doubleClicked.connect(lambda _i: self.record_receipt())
        self.receipt_button = QPushButton(self.tr("Catat &penerimaan…"))
        self.receipt_button.clicked.connect(self.record_receipt)
        self.receipt_button.setVisible(self.can_write)
        self.reprint_button = QPushButton(self.tr("Cetak ulang halaman"))
        self.reprint_button.clicked.connect(self.reprint)
        bottom_row = QHBoxLayout()
        bottom_row.addWidget(QLabel(self.tr("<b>Buku ekspedisi</b> tahun")))
        bottom_row.addWidget(self.year)
        bottom_row.addStretch(1)
        bottom_row.addWidget(self.receipt_button)
        bottom_row.addWidget(self.reprint_button)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.addLayout(bottom_row)
        bottom_layout.addWidget(self.items, 1)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.reload()

    def reload(self) -> None:
        try:
            with self.ctx.read() as s:
                ready = expedition.candidates(s, self.ctx.actor)
                self.pages = expedition.list_pages(s, self.ctx.actor, self.year.value())
        except ServiceError as exc:
            dialogs.error(self, self.tr("Ekspedisi"), str(exc))
            return
        self.candidates.setRowCount(len(ready))
        for r, c in enumerate(ready):
            first = QTableWidgetItem(c.nomor_surat)
            first.setData(Qt.ItemDataRole.UserRole, c.id)
            first.setFlags(first.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            first.setCheckState(Qt.CheckState.Unchecked)
            self.candidates.setItem(r, 0, first)
            for col, value in enumerate((format_date_numeric(c.tanggal_surat), c.tujuan, c.perihal), start=1):
                self.candidates.setItem(r, col, QTableWidgetItem(value))
        self.candidates.resizeColumnsToContents()
        rows = [(p, i) for p in self.pages for i in p.items]
        self.items.setRowCount(len(rows))
        for r, (p, i) in enumerate(rows):
            values = (
                format_date_numeric(p.tanggal),
                p.caraka,
                i.nomor_surat,
                i.tujuan,
                i.nama_penerima,
                format_date_numeric(i.tanggal_terima) if i.tanggal_terima else "",
                i.keterangan,
            )
            for col, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setData(Qt.ItemDataRole.UserRole, (p.id, i.id))
                self.items.setItem(r, col, cell)

    def checked_ids(self) -> list[int]:
        out = []
        for r in range(self.candidates.rowCount()):
            item = self.candidates.item(r, 0)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                out.append(int(item.data(Qt.ItemDataRole.UserRole)))
        return out

    def create_page(self) -> None:
        sent = self.send_date.date()  # required: None only with a reason to show
        if sent is None:
            dialogs.error(
                self, self.tr("Ekspedisi"), self.tr("Tanggal kirim: {0}").format(self.send_date.error())
            )
            self.send_date.setFocus()
            return
        try:
            with self.ctx.transaction() as s:
                page = expedition.create(
                    s,
                    self.ctx.actor,
                    sent,
                    self.caraka.text(),
                    self.checked_ids(),
                )
            with self.ctx.transaction() as s:
                pdf = expedition.sheet_pdf(s, self.ctx.actor, page.id)
        except ServiceError as exc:
            dialogs.error(self, self.tr("Ekspedisi"), str(exc))
            return
        self.reload()
        self._preview(pdf, page)

    def _selected(self) -> tuple[int, int] | None:
        row = self.items.currentRow()
        cell = self.items.item(row, 0) if row >= 0 else None
        return tuple(cell.data(Qt.ItemDataRole.UserRole)) if cell is not None else None  # type: ignore[return-value]

    def record_receipt(self) -> None:
        chosen = self._selected()
        if chosen is None or not self.can_write:
            return
        page = next(p for p in self.pages if p.id == chosen[0])
        item = next(i for i in page.items if i.id == chosen[1])
        dialog = ReceiptDialog(item, page.tanggal, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            with self.ctx.transaction() as s:
                expedition.record_receipt(
                    s,
                    self.ctx.actor,
                    item.id,
                    dialog.name.text(),
                    dialog.when.date() or page.tanggal,  # accept() let only a date through
                    dialog.note.text(),
                )
        except ServiceError as exc:
            dialogs.error(self, self.tr("Catat penerimaan"), str(exc))
            return
        self.reload()

    def reprint(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        try:
            with self.ctx.transaction() as s:
                pdf = expedition.sheet_pdf(s, self.ctx.actor, chosen[0])
                page = expedition.get(s, self.ctx.actor, chosen[0])
        except ServiceError as exc:
            dialogs.error(self, self.tr("Ekspedisi"), str(exc))
            return
        self._preview(pdf, page)

    def _preview(self, pdf: bytes, page: expedition.ExpeditionInfo) -> None:
        self.preview = PrintPreviewDialog(
            pdf,
            self.tr("Buku ekspedisi {0}").format(format_date(page.tanggal)),
            self,
            suggested_filename=f"ekspedisi-{page.tanggal}-{page.id}.pdf",
        )
        self.preview.delivered.connect(lambda delivery: self._record_printed(page.id, delivery))
        self.preview.open()

    def _record_printed(self, page_id: int, delivery: Delivery) -> None:
        try:
            self.ctx.call(expedition.record_sheet_printed, page_id, delivery)
        except ServiceError as exc:
            dialogs.error(self, self.tr("Ekspedisi"), str(exc))
