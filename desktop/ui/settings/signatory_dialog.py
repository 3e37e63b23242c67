"""Adding or editing one penandatangan."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox

from desktop.core.nip import format_nip
from desktop.services.common import office
from desktop.services.common.office import SignatoryData
from desktop.ui.context import UiContext
from desktop.ui.settings import common
from desktop.ui.settings.common import line_edit
from desktop.ui.settings.service_dialog import ServiceDialog


class SignatoryDialog(ServiceDialog):
    """Add or edit a signatory; saves through ``office.save_signatory``."""

    def __init__(self, ctx: UiContext, signatory: SignatoryData | None, parent=None) -> None:
        title = common.tr("Tambah penanda tangan") if signatory is None else common.tr("Ubah penanda tangan")
        super().__init__(title, common.tr("&Simpan"), parent)
        self.ctx = ctx
        self.signatory = signatory
        self.saved: SignatoryData | None = None

        self.nama = line_edit(200, self.tr("mis. Dr. Ir. Budi Santoso, M.Si."))
        self.nip = line_edit(30, self.tr("18 angka, mis. 19730314 199803 1 009"))
        self.nip.editingFinished.connect(lambda: self.nip.setText(format_nip(self.nip.text())))
        self.pangkat_golongan = line_edit(100, self.tr("mis. Pembina Utama Muda (IV/c)"))
        self.jabatan = line_edit(200, self.tr("mis. Kepala Dinas"))
        self.aktif = QCheckBox(self.tr("Masih a&ktif menandatangani"))
        self.aktif.setChecked(True)

        f = self.form
        f.add_field("nama", self.tr("&Nama lengkap dan gelar:"), self.nama)
        f.add_field("nip", self.tr("NI&P:"), self.nip, self.tr("Kosongkan bila penanda tangan bukan ASN."))
        f.add_field("pangkat_golongan", self.tr("Pangkat/&golongan:"), self.pangkat_golongan)
        f.add_field("jabatan", self.tr("&Jabatan:"), self.jabatan)
        f.add_field("aktif", "", self.aktif)
        self.setMinimumWidth(560)

        if signatory is not None:
            self.nama.setText(signatory.nama)
            self.nip.setText(format_nip(signatory.nip))
            self.pangkat_golongan.setText(signatory.pangkat_golongan)
            self.jabatan.setText(signatory.jabatan)
            self.aktif.setChecked(signatory.aktif)
        self.nama.setFocus()
        self.keep_drafts(
            ctx,
            f"penanda_tangan/{signatory.id if signatory is not None else 'baru'}",
            self.tr("penanda tangan baru")
            if signatory is None
            else self.tr("penanda tangan %1").replace("%1", signatory.nama),
        )

    def data(self) -> SignatoryData:
        return SignatoryData(
            id=self.signatory.id if self.signatory is not None else None,
            nama=self.nama.text(),
            jabatan=self.jabatan.text(),
            nip=self.nip.text(),
            pangkat_golongan=self.pangkat_golongan.text().strip(),
            aktif=self.aktif.isChecked(),
        )

    def commit(self) -> None:
        self.saved = self.ctx.call(office.save_signatory, self.data())
