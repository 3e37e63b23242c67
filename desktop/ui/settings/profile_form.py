"""The office profile form (kop surat): used by the settings tab and by the first-run wizard."""

from __future__ import annotations

import itertools
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.printing.pages import PAPERS
from desktop.services.common import office
from desktop.services.common.errors import ValidationError
from desktop.services.common.office import OfficeProfileData
from desktop.ui.settings.common import combo, line_edit, select_data
from desktop.ui.settings.error_form import ErrorForm
from desktop.ui.widgets.messages import muted

LOGO_PREVIEW = 96
_ZONES = (
    ("WIB", "WIB — Waktu Indonesia Barat"),
    ("WITA", "WITA — Waktu Indonesia Tengah"),
    ("WIT", "WIT — Waktu Indonesia Timur"),
)


class OfficeProfileForm(QWidget):
    """Edits an ``OfficeProfileData``; has no save button (the page or wizard around it saves).

    ``edited`` fires on every change the user makes, for "unsaved changes" hints.
    """

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("officeProfileForm")
        self._logo: bytes | None = None
        self._loading = False
        self._read_only = False

        self.form = ErrorForm()
        self.nama_pemda = line_edit(200, self.tr("mis. Pemerintah Provinsi Jawa Tengah"))
        self.nama_dinas = line_edit(200, self.tr("mis. Dinas Komunikasi dan Informatika"))
        self.alamat = line_edit(300, self.tr("mis. Jalan Menteri Supeno I No. 2"))
        self.kota = line_edit(100, self.tr("mis. Semarang"))
        self.kode_pos = line_edit(10)
        self.kode_pos.setMaximumWidth(120)
        self.telepon = line_edit(60, self.tr("mis. (024) 8319140"))
        self.email = line_edit(120, self.tr("mis. diskominfo@jatengprov.go.id"))
        self.laman = line_edit(120, self.tr("mis. diskominfo.jatengprov.go.id"))
        self.kode_unit = line_edit(60, self.tr("mis. SEK.UM"))
        self.kode_unit.setMaximumWidth(240)
        self.zona_waktu = combo([(self.tr(label), code) for code, label in _ZONES])
        self.kertas_bawaan = combo([(PAPERS[key].description, key) for key in office.PAPER_CHOICES])
        for box in (self.zona_waktu, self.kertas_bawaan):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            box.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

        f = self.form
        f.add_field("nama_pemda", self.tr("Nama &pemerintah provinsi:"), self.nama_pemda)
        f.add_field("nama_dinas", self.tr("Nama &dinas:"), self.nama_dinas)
        f.add_field("alamat", self.tr("&Alamat:"), self.alamat)
        f.add_field("kota", self.tr("&Kota:"), self.kota, self.tr("Dipakai untuk tempat dan tanggal surat."))
        f.add_field("kode_pos", self.tr("Kode p&os:"), self.kode_pos)
        f.add_field("telepon", self.tr("&Telepon:"), self.telepon)
        f.add_field("email", self.tr("&Email:"), self.email)
        f.add_field("laman", self.tr("&Laman:"), self.laman)
        f.add_field(
            "kode_unit",
            self.tr("Kode &unit:"),
            self.kode_unit,
            self.tr("Dipakai dalam nomor surat keluar, mis. 800.1.11.1/57/SEK.UM/2026."),
        )
        f.add_field("zona_waktu", self.tr("&Zona waktu:"), self.zona_waktu)
        f.add_field("kertas_bawaan", self.tr("Kertas &bawaan:"), self.kertas_bawaan)

        # --- logo: thumbnail + choose / remove
        self.logo_preview = QLabel()
        self.logo_preview.setObjectName("logoPreview")
        self.logo_preview.setFixedSize(LOGO_PREVIEW + 8, LOGO_PREVIEW + 8)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.logo_preview.setWordWrap(True)
        self.choose_logo_button = QPushButton(self.tr("P&ilih logo…"))
        self.choose_logo_button.setToolTip(self.tr("Pilih berkas PNG atau JPEG, paling besar 2 MB"))
        self.choose_logo_button.clicked.connect(self.choose_logo)
        self.remove_logo_button = QPushButton(self.tr("&Hapus logo"))
        self.remove_logo_button.clicked.connect(self.remove_logo)
        logo_note = muted(QLabel(self.tr("Tampil di kiri kop surat. PNG atau JPEG, paling besar 2 MB.")))
        logo_note.setWordWrap(True)
        buttons = QVBoxLayout()
        buttons.addWidget(self.choose_logo_button, 0, Qt.AlignmentFlag.AlignLeft)
        buttons.addWidget(self.remove_logo_button, 0, Qt.AlignmentFlag.AlignLeft)
        buttons.addWidget(logo_note)
        buttons.addStretch(1)
        self.logo_box = QWidget()
        self.logo_box.setObjectName("logoBox")
        row = QHBoxLayout(self.logo_box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.logo_preview, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(buttons, 1)
        self.logo_box.setFocusProxy(self.choose_logo_button)
        f.add_field("logo", self.tr("Lo&go:"), self.logo_box)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.form)

        for edit in self._line_edits():
            edit.textEdited.connect(self._on_edited)
        for box in (self.zona_waktu, self.kertas_bawaan):
            box.currentIndexChanged.connect(self._on_edited)

        order = [*self._line_edits()[:9], self.zona_waktu, self.kertas_bawaan]
        order += [self.choose_logo_button, self.remove_logo_button]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)
        self._show_logo()

    def _line_edits(self) -> list[QLineEdit]:
        return [
            self.nama_pemda,
            self.nama_dinas,
            self.alamat,
            self.kota,
            self.kode_pos,
            self.telepon,
            self.email,
            self.laman,
            self.kode_unit,
        ]

    def _on_edited(self, *_args: object) -> None:
        if not self._loading:
            self.edited.emit()

    # ------------------------------------------------------------------ data in / out
    def load(self, data: OfficeProfileData) -> None:
        self._loading = True
        try:
            self.form.clear_errors()
            for name in (
                "nama_pemda",
                "nama_dinas",
                "alamat",
                "kota",
                "kode_pos",
                "telepon",
                "email",
                "laman",
            ):
                getattr(self, name).setText(getattr(data, name))
            self.kode_unit.setText(data.kode_unit)
            select_data(self.zona_waktu, data.zona_waktu)
            select_data(self.kertas_bawaan, data.kertas_bawaan)
            self._logo = data.logo_png
            self._show_logo()
        finally:
            self._loading = False

    def data(self) -> OfficeProfileData:
        """What the form holds now (the service trims and validates it)."""
        return OfficeProfileData(
            nama_pemda=self.nama_pemda.text(),
            nama_dinas=self.nama_dinas.text(),
            alamat=self.alamat.text(),
            kota=self.kota.text(),
            kode_pos=self.kode_pos.text(),
            telepon=self.telepon.text(),
            email=self.email.text(),
            laman=self.laman.text(),
            kode_unit=self.kode_unit.text(),
            zona_waktu=str(self.zona_waktu.currentData() or "WIB"),
            kertas_bawaan=str(self.kertas_bawaan.currentData() or "F4"),
            logo_png=self._logo,
        )

    def show_error(self, exc: ValidationError) -> None:
        self.form.show_error(exc)

    def clear_errors(self) -> None:
        self.form.clear_errors()

    def error_message(self, field: str | None = None) -> str:
        return self.form.error_message(field)

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for edit in self._line_edits():
            edit.setReadOnly(read_only)
        self.zona_waktu.setEnabled(not read_only)
        self.kertas_bawaan.setEnabled(not read_only)
        self.choose_logo_button.setVisible(not read_only)
        self.remove_logo_button.setVisible(not read_only)

    def is_read_only(self) -> bool:
        return self._read_only

    # ------------------------------------------------------------------ logo
    def choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Pilih logo"),
            str(Path.home()),
            self.tr("Gambar PNG atau JPEG (*.png *.jpg *.jpeg *.PNG *.JPG *.JPEG)"),
        )
        if path:
            self.load_logo_file(Path(path))

    def load_logo_file(self, path: Path) -> bool:
        """Read and check a logo file; a problem shows beside the logo and keeps the old one."""
        self.form.clear_error("logo")
        try:
            raw = Path(path).read_bytes()
        except OSError as exc:
            self.form.show_error(self.tr("Berkas tidak bisa dibaca: %1").replace("%1", str(exc)), "logo")
            return False
        return self.set_logo_bytes(raw)

    def set_logo_bytes(self, raw: bytes | None) -> bool:
        if raw is None:
            self.remove_logo()
            return True
        try:
            png = office.validate_logo(raw)
        except ValidationError as exc:
            self.form.show_error(exc, "logo")
            return False
        self._logo = png
        self._show_logo()
        self.form.clear_error("logo")
        self._on_edited()
        return True

    def remove_logo(self) -> None:
        if self._logo is None:
            return
        self._logo = None
        self._show_logo()
        self._on_edited()

    def logo(self) -> bytes | None:
        return self._logo

    def _show_logo(self) -> None:
        pixmap = QPixmap()
        if self._logo and pixmap.loadFromData(QByteArray(self._logo)):
            self.logo_preview.setPixmap(
                pixmap.scaled(
                    LOGO_PREVIEW,
                    LOGO_PREVIEW,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
            self.logo_preview.setToolTip(self.tr("Logo kop surat"))
        else:
            self.logo_preview.clear()
            self.logo_preview.setText(self.tr("Belum ada logo"))
            self.logo_preview.setToolTip("")
        self.remove_logo_button.setEnabled(self._logo is not None)
