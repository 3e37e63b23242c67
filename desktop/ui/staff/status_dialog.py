"""The Jadwal board's status change of one item, with the catatan kept with it."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.core.dates import format_date
from desktop.services.staff.board import BoardEntry
from desktop.services.staff.schedule import StatusJadwal

STATUS_TITLES = {
    StatusJadwal.DIPROSES: "Tandai sedang diproses",
    StatusJadwal.SELESAI: "Tandai selesai",
    StatusJadwal.TIDAK_PERLU: "Tandai tidak perlu",
    StatusJadwal.PERLU_DIPROSES: "Kembalikan ke perlu diproses",
}
STATUS_HINTS = {
    StatusJadwal.DIPROSES: "mis. surat pemberitahuan KGB sudah dikirim ke BKD",
    StatusJadwal.SELESAI: "mis. nomor dan tanggal SK",
    StatusJadwal.TIDAK_PERLU: "alasannya, mis. pegawai pindah atau sudah diusulkan lewat jalur lain",
    StatusJadwal.PERLU_DIPROSES: "mengapa status sebelumnya keliru",
}


class StatusDialog(QDialog):
    """The status of one item, with a catatan that is kept with it (Enter saves, Esc cancels)."""

    def __init__(self, entry: BoardEntry, status: StatusJadwal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry = entry
        self.status = status
        self.setObjectName("statusDialog")
        self.setWindowTitle(self.tr(STATUS_TITLES[status]))
        self.setMinimumWidth(520)
        what = QLabel(
            f"<b>{escape(entry.jenis.label)}</b> {escape(format_date(entry.tanggal))}<br>"
            f"{escape(entry.nama)} &middot; NIP {escape(entry.nip_format)}"
        )
        what.setTextFormat(Qt.TextFormat.RichText)
        label = QLabel(self.tr("&Catatan (boleh kosong):"))
        self.catatan = QLineEdit(entry.catatan if status is not StatusJadwal.PERLU_DIPROSES else "")
        self.catatan.setObjectName("statusCatatan")
        self.catatan.setMaxLength(2000)
        self.catatan.setPlaceholderText(self.tr(STATUS_HINTS[status]))
        label.setBuddy(self.catatan)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        save = buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("Simpan: {0}").format(self.tr(status.label)))
        save.setDefault(True)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(what)
        layout.addWidget(label)
        layout.addWidget(self.catatan)
        layout.addWidget(buttons)
        self.catatan.setFocus()
        self.catatan.selectAll()

    def text(self) -> str:
        return self.catatan.text().strip()
