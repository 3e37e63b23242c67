"""Adding or changing one keperluan of the Buku Tamu master list, with the queue its guests join."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QSpinBox, QWidget

from desktop.services.guests import reference
from desktop.services.guests.reference import KeperluanData, ServiceData
from desktop.ui.context import UiContext
from desktop.ui.settings import common
from desktop.ui.settings.common import combo, line_edit, select_data
from desktop.ui.settings.service_dialog import ServiceDialog


class KeperluanDialog(ServiceDialog):
    """Saves through ``reference.save_keperluan``; stays open with the message at its field on an error."""

    def __init__(
        self,
        ctx: UiContext,
        keperluan: KeperluanData | None,
        services: list[ServiceData],
        next_order: int = 0,
        parent: QWidget | None = None,
    ) -> None:
        title = common.tr("Tambah keperluan") if keperluan is None else common.tr("Ubah keperluan")
        super().__init__(title, common.tr("&Simpan"), parent)
        self.ctx = ctx
        self.keperluan = keperluan
        self.saved: KeperluanData | None = None
        self.nama = line_edit(reference.MAX_NAME, self.tr("mis. Konsultasi perizinan"))
        self.layanan = combo([(self.tr("— antrian pertama —"), None)])
        for service in services:
            label = f"{service.prefix} · {service.nama}"
            if not service.aktif:
                label = self.tr("%1 (nonaktif)").replace("%1", label)
            self.layanan.addItem(label, service.id)
        self.urutan = QSpinBox()
        self.urutan.setRange(0, 999)
        self.aktif = QCheckBox(self.tr("Keperluan masih &ditawarkan"))
        self.aktif.setChecked(True)
        self.form.add_field("nama", self.tr("&Keperluan:"), self.nama)
        self.form.add_field(
            "layanan",
            self.tr("&Antrian:"),
            self.layanan,
            self.tr("Antrian yang dipilihkan saat tamu datang."),
        )
        self.form.add_field("urutan", self.tr("&Urutan:"), self.urutan)
        self.form.add_field("aktif", "", self.aktif)
        if keperluan is not None:
            self.nama.setText(keperluan.nama)
            select_data(self.layanan, keperluan.layanan_id)
            self.urutan.setValue(keperluan.urutan)
            self.aktif.setChecked(keperluan.aktif)
        else:
            self.urutan.setValue(next_order)
        self.nama.setFocus()
        self.keep_drafts(
            ctx,
            f"tamu_keperluan/{keperluan.id if keperluan is not None else 'baru'}",
            self.tr("keperluan baru")
            if keperluan is None
            else self.tr("keperluan %1").replace("%1", keperluan.nama),
        )

    def data(self) -> KeperluanData:
        return KeperluanData(
            id=self.keperluan.id if self.keperluan is not None else None,
            nama=self.nama.text(),
            layanan_id=self.layanan.currentData(),
            urutan=self.urutan.value(),
            aktif=self.aktif.isChecked(),
        )

    def commit(self) -> None:
        self.saved = self.ctx.call(reference.save_keperluan, self.data())
