"""Pengaturan › Barang: kode lokasi and the KIB header lines, print layouts, BAST numbering and the signers."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core import clock
from desktop.services.assets import settings as aset_settings
from desktop.services.assets.settings import AssetSettings
from desktop.services.common import numbering, office
from desktop.services.common.errors import ServiceError, ValidationError
from desktop.services.common.permissions import Perm
from desktop.ui.assets.staff_picker import StaffPicker
from desktop.ui.context import UiContext
from desktop.ui.settings import common
from desktop.ui.settings.error_form import ErrorForm
from desktop.ui.widgets.forms import edit_signal

DEFAULT_SERIES = "(seri bawaan surat keluar)"


def _combo(items: dict[str, str]) -> QComboBox:
    return common.combo([(label, key) for key, label in items.items()])


class AssetsPage(common.SettingsPage):
    """The pengurus barang's print rules (WRITE_ASSETS or the admin may change them; others read them)."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("assetsSettingsPage")
        self.ctx = ctx
        self.can_edit = ctx.actor.can(Perm.WRITE_ASSETS)
        self.dirty = False
        self._loading = False
        self.stored = AssetSettings()

        self.kode_lokasi = common.line_edit(60, "11.01.34.00.01.001.001")
        self.provinsi = common.line_edit(200)
        self.kabupaten_kota = common.line_edit(200)
        self.bidang = common.line_edit(200)
        self.unit_organisasi = common.line_edit(200)
        self.sub_unit = common.line_edit(200)
        self.upb = common.line_edit(200)
        lokasi = ErrorForm()
        lokasi.add_field("kode_lokasi", self.tr("&Kode lokasi:"), self.kode_lokasi,
                         self.tr("Dari BPKAD (SIMDA/SIPD); dicetak pada KIB, KIR dan label."))  # fmt: skip
        lokasi.add_field("provinsi", self.tr("&Provinsi:"), self.provinsi)
        lokasi.add_field("kabupaten_kota", self.tr("Kabupaten/&Kota:"), self.kabupaten_kota)
        lokasi.add_field("bidang", self.tr("&Bidang:"), self.bidang)
        lokasi.add_field("unit_organisasi", self.tr("&Unit organisasi:"), self.unit_organisasi)
        lokasi.add_field("sub_unit", self.tr("Su&b unit:"), self.sub_unit)
        lokasi.add_field("upb", self.tr("UP&B:"), self.upb)
        self.pengurus = StaffPicker(ctx, "pengurus_pegawai_id")
        self.kepala = StaffPicker(ctx, "kepala_pegawai_id")
        lokasi.add_field("pengurus_pegawai_id", self.tr("Pengurus &barang:"), self.pengurus.combo,
                         display=self.pengurus)  # fmt: skip
        lokasi.add_field("kepala_pegawai_id", self.tr("Kepala / &Pengguna Barang:"), self.kepala.combo,
                         display=self.kepala)  # fmt: skip

        self.kir_layout = _combo(aset_settings.KIR_LAYOUTS)
        self.kondisi_label = _combo(aset_settings.KONDISI_LABELS)
        self.harga_ribuan = QCheckBox(self.tr("Harga dicetak dalam ribuan Rupiah"))
        self.register_digit = common.combo([(self.tr("6 digit (000001)"), 6), (self.tr("4 digit (0001)"), 4)])
        self.bast_seri = QComboBox()
        self.bast_seri.setEditable(True)
        self.bast_seri.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.bast_seri.lineEdit().setPlaceholderText(DEFAULT_SERIES)
        self.bast_kka = common.line_edit(30, "000.2.3.2")
        self.bast_kka_persediaan = common.line_edit(30, "000.2.3.1")
        self.bast_rangkap = QSpinBox()
        self.bast_rangkap.setRange(1, 10)
        self.bast_rangkap.setSuffix(self.tr(" rangkap"))
        self.bast_rangkap.setMaximumWidth(140)
        self.bast_kertas = common.combo([(p, p) for p in aset_settings.BAST_PAPERS])
        self.label_layout = _combo(aset_settings.LABEL_LAYOUTS)
        self.label_kode = _combo(aset_settings.LABEL_CODES)
        cetak = ErrorForm()
        cetak.add_field("kir_layout", self.tr("Format &KIR:"), self.kir_layout)
        cetak.add_field("kondisi_label", self.tr("Label kon&disi:"), self.kondisi_label)
        cetak.add_field("harga_ribuan", "", self.harga_ribuan)
        cetak.add_field("register_digit", self.tr("&Register:"), self.register_digit)
        cetak.add_field("bast_seri", self.tr("&Seri nomor BAST:"), self.bast_seri,
                        self.tr("Nama seri nomor surat keluar (Pengaturan › Surat); kosong: seri bawaan."))  # fmt: skip
        cetak.add_field("bast_kka", self.tr("KKA B&AST:"), self.bast_kka)
        cetak.add_field("bast_kka_persediaan", self.tr("KKA BAST p&ersediaan:"), self.bast_kka_persediaan)
        cetak.add_field("bast_rangkap", self.tr("Ran&gkap BAST:"), self.bast_rangkap)
        cetak.add_field("bast_kertas", self.tr("Ker&tas BAST:"), self.bast_kertas)
        cetak.add_field("label_layout", self.tr("Tata letak &label:"), self.label_layout)
        cetak.add_field("label_kode", self.tr("Kode pada la&bel:"), self.label_kode)
        self.forms = (lokasi, cetak)

        self.save_button = QPushButton(self.tr("&Simpan"))
        self.save_button.setObjectName("saveAssetSettings")
        self.save_button.setToolTip(self.tr("Simpan pengaturan barang (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("Batalkan &perubahan"))
        self.revert_button.clicked.connect(self.revert)
        self.status = QLabel()
        self.status.setObjectName("assetSettingsStatus")
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_button)
        save_row.addWidget(self.revert_button)
        save_row.addWidget(self.status, 1)

        columns = QHBoxLayout()
        columns.addLayout(lokasi, 1)
        columns.addSpacing(16)
        columns.addLayout(cetak, 1)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addLayout(columns)
        body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)

        layout = QVBoxLayout(self)
        layout.addWidget(
            common.page_header(
                self.tr("Barang (BMD)"),
                self.tr(
                    "Kode lokasi dan kop KIB, format cetak KIR/label, penomoran BAST, dan penanda tangan."
                ),
            )
        )
        if not self.can_edit:
            layout.addWidget(common.read_only_note())
        layout.addWidget(scroll, 1)
        layout.addLayout(save_row)

        for form in self.forms:
            for widget in form.fields.values():
                signal = edit_signal(widget)
                if signal is not None:
                    signal.connect(lambda *_a: self._on_edited())
        for picker in (self.pengurus, self.kepala):
            picker.combo.editTextChanged.connect(lambda *_a: self._on_edited())
        if self.can_edit:
            shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.save)
        else:
            for form in self.forms:
                form.set_read_only(True)
            self.pengurus.set_read_only(True)
            self.kepala.set_read_only(True)
            self.save_button.hide()
            self.revert_button.hide()
        self._set_dirty(False)

    # ------------------------------------------------------------------ load / save / check
    def refresh(self) -> None:
        self.loaded = True
        with self.ctx.read() as session:
            stored = aset_settings.get_settings(session)
            self.series = numbering.series_names(session)
        if not self.dirty:  # what was typed stays when the page is shown again
            self.load(stored)

    def load(self, data: AssetSettings) -> None:
        self._loading = True
        try:
            self.stored = data
            for name in ("kode_lokasi", "provinsi", "kabupaten_kota", "bidang", "unit_organisasi", "sub_unit",
                         "upb", "bast_kka", "bast_kka_persediaan"):  # fmt: skip
                edit: QLineEdit = getattr(self, name)
                edit.setText(str(getattr(data, name)))
            common.select_data(self.kir_layout, data.kir_layout)
            common.select_data(self.kondisi_label, data.kondisi_label)
            self.harga_ribuan.setChecked(data.harga_ribuan)
            common.select_data(self.register_digit, data.register_digit)
            self.bast_seri.clear()
            names = list(getattr(self, "series", []))
            if data.bast_seri and data.bast_seri not in names:
                names.insert(0, data.bast_seri)
            self.bast_seri.addItems(names)
            self.bast_seri.setEditText(data.bast_seri)
            self.bast_rangkap.setValue(int(data.bast_rangkap))
            common.select_data(self.bast_kertas, data.bast_kertas)
            common.select_data(self.label_layout, data.label_layout)
            common.select_data(self.label_kode, data.label_kode)
            self.pengurus.set_pegawai(data.pengurus_pegawai_id)
            self.kepala.set_pegawai(data.kepala_pegawai_id)
        finally:
            self._loading = False
        self._set_dirty(False)

    def data(self) -> AssetSettings:
        return replace(
            self.stored,
            kode_lokasi=self.kode_lokasi.text().strip(),
            provinsi=self.provinsi.text().strip(),
            kabupaten_kota=self.kabupaten_kota.text().strip(),
            bidang=self.bidang.text().strip(),
            unit_organisasi=self.unit_organisasi.text().strip(),
            sub_unit=self.sub_unit.text().strip(),
            upb=self.upb.text().strip(),
            kir_layout=str(self.kir_layout.currentData()),
            kondisi_label=str(self.kondisi_label.currentData()),
            harga_ribuan=self.harga_ribuan.isChecked(),
            register_digit=int(self.register_digit.currentData()),
            bast_seri=self.bast_seri.currentText().strip(),
            bast_kka=self.bast_kka.text().strip(),
            bast_kka_persediaan=self.bast_kka_persediaan.text().strip(),
            bast_rangkap=self.bast_rangkap.value(),
            bast_kertas=str(self.bast_kertas.currentData()),
            label_layout=str(self.label_layout.currentData()),
            label_kode=str(self.label_kode.currentData()),
            pengurus_pegawai_id=self.pengurus.pegawai_id(),
            kepala_pegawai_id=self.kepala.pegawai_id(),
        )

    def check(self) -> bool:
        """What the service cannot see: a signer's name typed that is no pegawai on the list."""
        for name, picker in (("pengurus_pegawai_id", self.pengurus), ("kepala_pegawai_id", self.kepala)):
            if picker.typed_name() and picker.party() is None:
                self._show_error(
                    ValidationError(self.tr("Pilih pegawai dari daftar (ketik nama atau NIP)."), name)
                )
                return False
        return True

    def save(self) -> bool:
        if not self.can_edit:
            return False
        for form in self.forms:
            form.clear_errors()
        if not self.check():
            self.status.setText(self.tr("Belum tersimpan: periksa isian yang ditandai."))
            return False
        try:
            stored: AssetSettings = self.ctx.call(aset_settings.save_settings, self.data())
        except ValidationError as exc:
            self._show_error(exc)
            self.status.setText(self.tr("Belum tersimpan: periksa isian yang ditandai."))
            return False
        except ServiceError as exc:
            common.warn(self, self.tr("Barang"), common.error_text(exc))
            return False
        self.load(stored)
        with self.ctx.read() as session:
            now = clock.now(office.get_profile(session).zona_waktu or "WIB")
        self.status.setText(self.tr("Tersimpan pukul %1.").replace("%1", f"{now.hour:02d}.{now.minute:02d}"))
        return True

    def revert(self) -> None:
        for form in self.forms:
            form.clear_errors()
        self._set_dirty(False)
        self.refresh()
        self.status.clear()

    def _show_error(self, exc: ValidationError) -> None:
        field = exc.field
        for form in self.forms:
            if field is not None and field in form.fields:
                form.show_error(exc)
                return
        self.forms[0].show_error(exc)

    def _on_edited(self) -> None:
        if self._loading:
            return
        self._set_dirty(True)
        self.status.setText(self.tr("Ada perubahan yang belum disimpan."))

    def _set_dirty(self, dirty: bool) -> None:
        self.dirty = dirty
        self.revert_button.setEnabled(dirty)
