"""Adding or editing one unit kerja."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QSpinBox

from desktop.core.nip import format_nip
from desktop.services.common import office
from desktop.services.common.office import UNIT_KINDS, UnitData
from desktop.ui.context import UiContext
from desktop.ui.settings import common
from desktop.ui.settings.common import combo, line_edit, select_data
from desktop.ui.settings.service_dialog import ServiceDialog


class UnitDialog(ServiceDialog):
    """Add or edit one unit; saves through ``office.save_unit`` and stays open on a validation error."""

    def __init__(self, ctx: UiContext, unit: UnitData | None, units: list[UnitData], parent=None) -> None:
        title = common.tr("Tambah unit organisasi") if unit is None else common.tr("Ubah unit organisasi")
        super().__init__(title, common.tr("&Simpan"), parent)
        self.ctx = ctx
        self.unit = unit
        self.saved: UnitData | None = None

        self.nama = line_edit(200, self.tr("mis. Sub Bagian Umum dan Kepegawaian"))
        self.jenis = combo([(self.tr(label), key) for key, label in UNIT_KINDS.items()])
        self.singkatan = line_edit(40, self.tr("mis. SUBBAG UMPEG"))
        self.induk = combo([(self.tr("— tidak ada (langsung di bawah Kepala Dinas) —"), None)])
        for other in units:
            if unit is None or other.id != unit.id:
                label = other.nama if other.aktif else self.tr("%1 (nonaktif)").replace("%1", other.nama)
                self.induk.addItem(label, other.id)
        self.kepala_jabatan = line_edit(200, self.tr("mis. Kepala Sub Bagian Umum dan Kepegawaian"))
        self.kepala_nama = line_edit(200)
        self.kepala_nip = line_edit(30, self.tr("18 angka"))
        self.kepala_nip.editingFinished.connect(
            lambda: self.kepala_nip.setText(format_nip(self.kepala_nip.text()))
        )
        self.urutan = QSpinBox()
        self.urutan.setRange(0, 999)
        self.urutan.setToolTip(self.tr("Urutan tampil di daftar dan pilihan unit (kecil lebih dulu)"))
        self.aktif = QCheckBox(self.tr("Unit masih a&ktif"))
        self.aktif.setChecked(True)

        f = self.form
        f.add_field("nama", self.tr("&Nama unit:"), self.nama)
        f.add_field("jenis", self.tr("&Jenis:"), self.jenis)
        f.add_field("singkatan", self.tr("Sing&katan:"), self.singkatan)
        f.add_field("parent_id", self.tr("&Induk:"), self.induk)
        f.add_field("kepala_jabatan", self.tr("Jabatan ke&pala:"), self.kepala_jabatan)
        f.add_field("kepala_nama", self.tr("Nama kepal&a:"), self.kepala_nama)
        f.add_field("kepala_nip", self.tr("NI&P kepala:"), self.kepala_nip)
        f.add_field("urutan", self.tr("&Urutan:"), self.urutan)
        f.add_field("aktif", "", self.aktif)
        self.setMinimumWidth(560)

        if unit is not None:
            self.nama.setText(unit.nama)
            select_data(self.jenis, unit.jenis)
            self.singkatan.setText(unit.singkatan)
            select_data(self.induk, unit.parent_id)
            self.kepala_jabatan.setText(unit.kepala_jabatan)
            self.kepala_nama.setText(unit.kepala_nama)
            self.kepala_nip.setText(format_nip(unit.kepala_nip))
            self.urutan.setValue(unit.urutan)
            self.aktif.setChecked(unit.aktif)
        else:
            self.urutan.setValue((max((u.urutan for u in units), default=0) + 1) if units else 1)
        self.nama.setFocus()
        self.keep_drafts(
            ctx,
            f"unit/{unit.id if unit is not None else 'baru'}",
            self.tr("unit organisasi baru")
            if unit is None
            else self.tr("unit organisasi %1").replace("%1", unit.nama),
        )

    def data(self) -> UnitData:
        return UnitData(
            id=self.unit.id if self.unit is not None else None,
            nama=self.nama.text(),
            jenis=str(self.jenis.currentData()),
            singkatan=self.singkatan.text().strip(),
            parent_id=self.induk.currentData(),
            kepala_jabatan=self.kepala_jabatan.text().strip(),
            kepala_nama=self.kepala_nama.text(),
            kepala_nip=self.kepala_nip.text(),
            urutan=self.urutan.value(),
            aktif=self.aktif.isChecked(),
        )

    def commit(self) -> None:
        self.saved = self.ctx.call(office.save_unit, self.data())
