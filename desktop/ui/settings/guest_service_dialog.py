"""Adding or changing one queue service of Buku Tamu: its ticket prefix, name, order and whether it is offered."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QSpinBox, QWidget

from desktop.core.guests.queue import MAX_PREFIX_LENGTH, check_prefix
from desktop.services.common.errors import ValidationError
from desktop.services.guests import reference
from desktop.services.guests.reference import ServiceData
from desktop.ui.context import UiContext
from desktop.ui.settings import common
from desktop.ui.settings.common import line_edit
from desktop.ui.settings.service_dialog import ServiceDialog


class GuestServiceDialog(ServiceDialog):
    """Saves through ``reference.save_service``; a prefix that cannot be one (or is taken) is shown at its field
    and the dialog stays open with what was typed."""

    def __init__(
        self, ctx: UiContext, service: ServiceData | None, next_order: int = 0, parent: QWidget | None = None
    ) -> None:
        title = common.tr("Tambah layanan antrian") if service is None else common.tr("Ubah layanan antrian")
        super().__init__(title, common.tr("&Simpan"), parent)
        self.ctx = ctx
        self.service = service
        self.saved: ServiceData | None = None
        self.prefix = line_edit(MAX_PREFIX_LENGTH + 2, self.tr("mis. D"))
        self.nama = line_edit(reference.MAX_NAME, self.tr("mis. Layanan Perizinan"))
        self.urutan = QSpinBox()
        self.urutan.setRange(0, 999)
        self.urutan.setToolTip(self.tr("Urutan tampil di meja depan dan di layar antrian (kecil lebih dulu)"))
        self.aktif = QCheckBox(self.tr("Layanan masih &ditawarkan"))
        self.aktif.setChecked(True)
        hint = self.tr("1–3 huruf A–Z; tiket berbentuk awalan + nomor urut harian, mis. D001.")
        if service is not None:
            hint += " " + self.tr("Tiket yang sudah diberikan tetap memakai awalan lama.")
        self.form.add_field("prefix", self.tr("&Awalan tiket:"), self.prefix, hint)
        self.form.add_field("nama", self.tr("&Nama layanan:"), self.nama)
        self.form.add_field("urutan", self.tr("&Urutan:"), self.urutan)
        self.form.add_field("aktif", "", self.aktif)
        if service is not None:
            self.prefix.setText(service.prefix)
            self.nama.setText(service.nama)
            self.urutan.setValue(service.urutan)
            self.aktif.setChecked(service.aktif)
        else:
            self.urutan.setValue(next_order)
        self.prefix.setFocus()
        self.prefix.selectAll()
        self.keep_drafts(
            ctx,
            f"tamu_layanan/{service.id if service is not None else 'baru'}",
            self.tr("layanan antrian baru")
            if service is None
            else self.tr("layanan antrian %1").replace("%1", service.nama),
        )

    def data(self) -> ServiceData:
        return ServiceData(
            id=self.service.id if self.service is not None else None,
            prefix=self.prefix.text().strip().upper(),
            nama=self.nama.text(),
            urutan=self.urutan.value(),
            aktif=self.aktif.isChecked(),
        )

    def commit(self) -> None:
        # The same check the service makes, first, so a wrong prefix is named before any database work.
        problem = check_prefix(self.prefix.text())
        if problem:
            raise ValidationError(problem, "prefix")
        self.saved = self.ctx.call(reference.save_service, self.data())
