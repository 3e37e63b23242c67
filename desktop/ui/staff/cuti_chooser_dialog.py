"""Choosing which cuti entry of one pegawai to print the formulir cuti for."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.dates import format_date
from desktop.core.staff.cuti import CutiJenis
from desktop.services.common.errors import ServiceError
from desktop.services.staff import printouts, records
from desktop.services.staff.records import RiwayatKind
from desktop.ui.context import UiContext
from desktop.ui.print_preview import PrintPreviewDialog
from desktop.ui.staff.fields import open_preview
from desktop.ui.widgets.messages import set_message
from desktop.ui.widgets.palette import ERROR_COLOR
from desktop.ui.widgets.screen_fit import fit_to_screen

KEY_ROLE = Qt.ItemDataRole.UserRole


class CutiChooserDialog(QDialog):
    """The cuti entries of one pegawai, newest first: pick one and preview its formulir cuti."""

    def __init__(self, ctx: UiContext, pegawai_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.preview: PrintPreviewDialog | None = None
        self.setObjectName("cutiChooserDialog")
        detail = ctx.query(records.get_pegawai, pegawai_id)
        self.setWindowTitle(self.tr("Formulir cuti — {0}").format(detail.pegawai.nama_lengkap))
        self.list = QListWidget(self)
        self.list.setObjectName("cutiList")
        for info in detail.berlaku(RiwayatKind.CUTI):
            data = info.data
            assert isinstance(data, records.CutiEntry)
            text = self.tr("{0} s.d. {1} — {2}, {3} hari kerja ({4})").format(
                format_date(data.tmt),
                format_date(data.selesai),
                CutiJenis(str(data.jenis)).label,
                data.hari_kerja,
                records.KEPUTUSAN_CUTI.get(data.keputusan, data.keputusan),
            )
            item = QListWidgetItem(text)
            item.setData(KEY_ROLE, info.id)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _i: self.show_pdf())
        empty = QLabel(self.tr("Belum ada riwayat cuti. Catat cutinya di Riwayat › Cuti."), self)
        empty.setVisible(self.list.count() == 0)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.hide()
        self.preview_button = QPushButton(self.tr("&Pratinjau formulir"), self)
        self.preview_button.setEnabled(self.list.count() > 0)
        self.preview_button.clicked.connect(self.show_pdf)
        close = QPushButton(self.tr("Tutup"), self)
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(empty)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        fit_to_screen(self, 560, 360)

    def show_pdf(self) -> PrintPreviewDialog | None:
        item = self.list.currentItem()
        if item is None:
            return None
        try:
            printout = self.ctx.query(printouts.cuti_form_pdf, int(item.data(KEY_ROLE)))
        except ServiceError as exc:
            set_message(self.message, str(exc), ERROR_COLOR)
            return None
        self.preview = open_preview(self, printout)
        return self.preview
