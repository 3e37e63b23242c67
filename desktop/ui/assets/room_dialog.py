"""A room of the KIR (R12): kode, nama, lokasi and the penanggung jawab, chosen from staff or typed."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.services.assets import rooms
from desktop.services.assets.parties import Party
from desktop.services.assets.rooms import RoomData, RoomInfo
from desktop.services.common.errors import ServiceError, ValidationError
from desktop.ui.assets.staff_picker import StaffPicker
from desktop.ui.context import UiContext
from desktop.ui.widgets.forms import FormRows, form_layout
from desktop.ui.widgets.messages import set_message
from desktop.ui.widgets.palette import ERROR_COLOR


class RoomDialog(QDialog):
    """Add or change a room: kode, nama, lokasi, penanggung jawab (a pegawai, or a name and NIP typed)."""

    def __init__(self, ctx: UiContext, room: RoomInfo | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.room = room
        self.saved: RoomInfo | None = None
        self.setObjectName("roomDialog")
        self.setWindowTitle(self.tr("Ubah ruangan") if room else self.tr("Ruangan baru"))
        self.kode = QLineEdit(self)
        self.kode.setObjectName("kode")
        self.kode.setMaxLength(30)
        self.nama = QLineEdit(self)
        self.nama.setObjectName("nama")
        self.nama.setMaxLength(200)
        self.lokasi = QLineEdit(self)
        self.lokasi.setObjectName("lokasi")
        self.lokasi.setMaxLength(200)
        self.lokasi.setPlaceholderText(self.tr("gedung / lantai"))
        self.pj = StaffPicker(ctx, "pj", outside=True, parent=self)
        self.aktif = QCheckBox(self.tr("Ruangan aktif"), self)
        self.aktif.setChecked(True)
        form = form_layout()
        self.rows = FormRows(self, form)
        self.rows.add(self.tr("&Kode:"), "kode", self.kode)
        self.rows.add(self.tr("&Nama:"), "nama", self.nama)
        self.rows.add(self.tr("&Lokasi:"), "lokasi", self.lokasi)
        self.rows.add(self.tr("&Penanggung jawab:"), "pj", self.pj)
        self.rows.add("", "aktif", self.aktif)
        self.rows.clear_on_edit(["kode", "nama", "lokasi"])
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(self.tr("&Simpan"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        if room is not None:
            self.kode.setText(room.kode)
            self.nama.setText(room.nama)
            self.lokasi.setText(room.lokasi)
            self.aktif.setChecked(room.aktif)
            if room.pj_nama:
                self.pj.set_party(Party(room.pj_nama, room.pj_nip, "", room.pj_pegawai_id))
        self.resize(520, self.sizeHint().height())

    def data(self) -> RoomData:
        pegawai_id, nama, nip, _jabatan = self.pj.values()
        return RoomData(kode=self.kode.text(), nama=self.nama.text(), lokasi=self.lokasi.text(),
                        pj_pegawai_id=pegawai_id, pj_nama=nama, pj_nip=nip, aktif=self.aktif.isChecked(),
                        id=self.room.id if self.room else None)  # fmt: skip

    def accept(self) -> None:
        try:
            self.saved = self.ctx.call(rooms.save_room, self.data())
        except ValidationError as exc:
            if not self.rows.show_error(exc.field, str(exc)):
                set_message(self.message, str(exc), ERROR_COLOR)
            return
        except ServiceError as exc:
            set_message(self.message, str(exc), ERROR_COLOR)
            return
        super().accept()
