"""The pegawai form (a dialog): every field of ``staff.PegawaiInput``, keyboard first (Enter moves on, Ctrl+S
saves), the NIP decoded as it is typed, the service's warnings shown but never blocking, and an optional photo."""

from __future__ import annotations

import contextlib
import dataclasses
import html
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QPixmap, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core.dates import format_date
from desktop.core.nip import JenisKelamin, NipError, NipInfo, NipKind, bare_nip, parse_nip
from desktop.core.staff.kedudukan import AKTIF, Efek, Kedudukan
from desktop.services.common import office
from desktop.services.common.errors import ServiceError, ValidationError
from desktop.services.common.permissions import Perm
from desktop.services.staff import records
from desktop.services.staff.records import (
    JENJANG_FUNGSIONAL,
    JenisJabatan,
    PegawaiInfo,
    PegawaiInput,
    StatusPegawai,
)
from desktop.ui.context import UiContext
from desktop.ui.staff.fields import DateField, EnterWalker
from desktop.ui.widgets.drafts import DraftKeeper, ask_discard
from desktop.ui.widgets.forms import FormRows, form_layout
from desktop.ui.widgets.keys import sequence
from desktop.ui.widgets.messages import muted, set_message
from desktop.ui.widgets.palette import ERROR_COLOR, WARNING_COLOR
from desktop.ui.widgets.screen_fit import fit_to_screen, scroll_form

SAVE_KEY = sequence("Ctrl+S")
PENDIDIKAN = ("SD", "SLTP", "SLTP Kejuruan", "SLTA", "D-I", "D-II", "D-III", "D-IV", "S-1", "S-2", "S-3")
PHOTO_FILTER = "Foto (*.png *.jpg *.jpeg);;Semua berkas (*)"
PHOTO_SIZE = (90, 120)
_FIELD_OF = {  # service field names whose widget differs from the row name
    "alasan": "alasan_nonaktif",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("PegawaiDialog", text)


def describe_nip(info: NipInfo) -> str:
    """What a NIP says, in one line: ``Lahir 14 Maret 1973 · TMT CPNS 1 Maret 1998 · Perempuan · urut 009``."""
    parts = [_tr("Lahir {0}").format(format_date(info.tanggal_lahir))]
    if info.jenis is NipKind.PNS and info.tmt_cpns is not None:
        parts.append(_tr("TMT CPNS {0}").format(format_date(info.tmt_cpns)))
    else:
        parts.append(_tr("PPPK sejak {0}, kontrak ke-{1}").format(info.tahun_pppk, info.kontrak_ke))
    parts.append(info.jenis_kelamin.label)
    parts.append(info.jenis.label)
    parts.append(_tr("urut {0:03d}").format(info.nomor_urut))
    return " · ".join(parts)


class PegawaiDialog(QDialog):
    """New pegawai (``pegawai_id`` None) or the record of one; read-only without Perm.WRITE_STAFF.

    After a save ``saved`` holds the Saved result (its warnings are for the list to show)."""

    def __init__(self, ctx: UiContext, pegawai_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.pegawai_id = pegawai_id
        self.setObjectName("pegawaiDialog")
        self.can_write = ctx.actor.can(Perm.WRITE_STAFF)
        self.saved: records.Saved[PegawaiInfo] | None = None
        self.ref = records.reference()
        self.info: PegawaiInfo | None = None
        self.photo: bytes | None = None
        self.photo_changed = False
        with ctx.read() as s:
            units = office.list_units(s)
            if pegawai_id is not None:
                self.info = records.get_pegawai(s, ctx.actor, pegawai_id).pegawai
                if self.info.ada_foto:
                    try:
                        self.photo = records.get_photo(s, ctx.actor, pegawai_id)
                    except ServiceError:
                        self.photo = None
        self.setWindowTitle(
            self.tr("Pegawai baru")
            if self.info is None
            else self.tr("Data pegawai — {0}").format(self.info.nama_lengkap)
        )

        # --- identitas
        self.nip = QLineEdit(self)
        self.nip.setObjectName("nip")
        self.nip.setMaxLength(30)
        self.nip.setPlaceholderText(self.tr("18 angka, boleh dengan spasi: 19730314 199803 2 009"))
        self.nip_info = muted(QLabel(self), smaller=True)
        self.nip_info.setObjectName("nipInfo")
        self.nip_info.setWordWrap(True)
        self.nama = QLineEdit(self)
        self.nama.setObjectName("nama")
        self.nama.setMaxLength(200)
        self.nama.setPlaceholderText(self.tr("tanpa gelar"))
        self.gelar_depan = QLineEdit(self)
        self.gelar_depan.setObjectName("gelar_depan")
        self.gelar_depan.setPlaceholderText(self.tr("mis. Dr., Ir."))
        self.gelar_belakang = QLineEdit(self)
        self.gelar_belakang.setObjectName("gelar_belakang")
        self.gelar_belakang.setPlaceholderText(self.tr("mis. S.E., M.Si."))
        self.tempat_lahir = QLineEdit(self)
        self.tempat_lahir.setObjectName("tempat_lahir")
        self.tanggal_lahir = DateField(self)
        self.tanggal_lahir.setObjectName("tanggal_lahir")
        self.jenis_kelamin = QComboBox(self)
        self.jenis_kelamin.setObjectName("jenis_kelamin")
        self.jenis_kelamin.addItem(self.tr("(dari NIP)"), None)
        for jk in JenisKelamin:
            self.jenis_kelamin.addItem(jk.label, jk.value)
        self.status = QComboBox(self)
        self.status.setObjectName("status")
        self.status.addItem(self.tr("(dari NIP)"), None)
        for st in StatusPegawai:
            self.status.addItem(st.label, st.value)
        self.nik = QLineEdit(self)
        self.nik.setObjectName("nik")
        self.nik.setMaxLength(20)
        self.nik.setPlaceholderText(self.tr("16 angka"))
        self.nip_lama = QLineEdit(self)
        self.nip_lama.setObjectName("nip_lama")
        self.nip_lama.setMaxLength(12)
        self.nip_lama.setPlaceholderText(self.tr("9 angka, bila ada"))
        self.pns_id = QLineEdit(self)
        self.pns_id.setObjectName("pns_id")
        self.pns_id.setPlaceholderText(self.tr("ID SIASN, bila ada"))

        # --- kepegawaian
        self.tmt_cpns = DateField(self)
        self.tmt_cpns.setObjectName("tmt_cpns")
        self.tmt_pns = DateField(self)
        self.tmt_pns.setObjectName("tmt_pns")
        self.akhir_kontrak = DateField(self)
        self.akhir_kontrak.setObjectName("akhir_kontrak")
        self.golongan = QComboBox(self)
        self.golongan.setObjectName("golongan_ruang")
        self.tmt_golongan = DateField(self)
        self.tmt_golongan.setObjectName("tmt_golongan")
        self.mkg_tahun = QSpinBox(self)
        self.mkg_tahun.setObjectName("mkg_tahun")
        self.mkg_tahun.setRange(0, 50)
        self.mkg_tahun.setSuffix(self.tr(" thn"))
        self.mkg_bulan = QSpinBox(self)
        self.mkg_bulan.setObjectName("mkg_bulan")
        self.mkg_bulan.setRange(0, 11)
        self.mkg_bulan.setSuffix(self.tr(" bln"))
        self.jenis_jabatan = QComboBox(self)
        self.jenis_jabatan.setObjectName("jenis_jabatan")
        self.jenis_jabatan.addItem(self.tr("(belum diisi)"), "")
        for jj in JenisJabatan:
            self.jenis_jabatan.addItem(jj.label, jj.value)
        self.jenjang = QComboBox(self)
        self.jenjang.setObjectName("jenjang")
        self.jenjang.addItem(self.tr("(tidak ada)"), "")
        for key, label in JENJANG_FUNGSIONAL.items():
            self.jenjang.addItem(label, key)
        self.jabatan = QLineEdit(self)
        self.jabatan.setObjectName("jabatan")
        self.jabatan.setPlaceholderText(self.tr("nama jabatan, mis. Analis Perdagangan Ahli Muda"))
        self.tmt_jabatan = DateField(self)
        self.tmt_jabatan.setObjectName("tmt_jabatan")
        self.unit = QComboBox(self)
        self.unit.setObjectName("unit_id")
        self.unit.addItem(self.tr("(belum dipilih)"), None)
        for unit in units:
            self.unit.addItem(unit.nama, unit.id)
        self.unor = QLineEdit(self)
        self.unor.setObjectName("unor")
        self.unor.setPlaceholderText(self.tr("nama unit di SIASN, bila berbeda"))
        self.pendidikan = QComboBox(self)
        self.pendidikan.setObjectName("pendidikan_terakhir")
        self.pendidikan.setEditable(True)
        self.pendidikan.addItem("")
        self.pendidikan.addItems(list(PENDIDIKAN))
        self.pendidikan.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.bup = QComboBox(self)
        self.bup.setObjectName("bup_kode")
        self.bup.addItem(self.tr("(menurut jabatan)"), "")
        for rule in self.ref.bup:
            self.bup.addItem(self.tr("{0} — {1} tahun").format(rule.jabatan, rule.bup_tahun), rule.kode)
        self.eselon = QComboBox(self)
        self.eselon.setObjectName("eselon")
        self.eselon.addItem(self.tr("(non eselon)"), "")
        for kode in records.ESELON:
            self.eselon.addItem(self.tr("Eselon {0}").format(kode), kode)
        self.kedudukan = QComboBox(self)
        self.kedudukan.setObjectName("kedudukan_hukum")
        for row in self.ref.kedudukan:
            self.kedudukan.addItem(row.label, row.kode)
            self.kedudukan.setItemData(
                self.kedudukan.count() - 1,
                self.tr("{0}. {1}").format(row.efek.label.capitalize(), row.sumber),
                Qt.ItemDataRole.ToolTipRole,
            )
        self.aktif = QCheckBox(self.tr("Aktif"), self)
        self.aktif.setObjectName("aktif")
        self.aktif.setChecked(True)
        self.alasan_nonaktif = QLineEdit(self)
        self.alasan_nonaktif.setObjectName("alasan_nonaktif")
        self.alasan_nonaktif.setPlaceholderText(self.tr("alasan nonaktif: pensiun, pindah, meninggal…"))

        for combo in (
            self.jenis_kelamin,
            self.status,
            self.jenis_jabatan,
            self.jenjang,
            self.bup,
            self.golongan,
            self.eselon,
            self.kedudukan,
        ):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)

        # --- photo
        self.photo_label = QLabel(self)
        self.photo_label.setObjectName("photo")
        self.photo_label.setFixedSize(*PHOTO_SIZE)
        self.photo_label.setFrameShape(QFrame.Shape.StyledPanel)
        self.photo_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo_button = QPushButton(self.tr("&Foto…"), self)
        self.photo_button.setObjectName("photoButton")
        self.photo_button.setToolTip(self.tr("Pilih foto PNG atau JPEG (paling besar 2 MB)"))
        self.photo_button.clicked.connect(self.choose_photo)
        self.photo_clear = QPushButton(self.tr("Hapus foto"), self)
        self.photo_clear.clicked.connect(self.clear_photo)

        # --- layout: two columns of labelled rows
        left_form = form_layout(4, 8)
        self.rows = FormRows(self, left_form, selectable_errors=True)
        self.rows.add(self.tr("&NIP *"), "nip", self.nip, extra=[self.nip_info])
        self.rows.add(self.tr("N&ama *"), "nama", self.nama)
        gelar = _hbox(self.gelar_depan, self.gelar_belakang)
        self.rows.add(self.tr("&Gelar depan/belakang"), "gelar_depan", gelar, also=("gelar_belakang",))
        self.rows.fields["gelar_depan"] = self.gelar_depan
        self.rows.fields["gelar_belakang"] = self.gelar_belakang
        self.rows.add(self.tr("&Tempat lahir"), "tempat_lahir", self.tempat_lahir)
        self.rows.add(self.tr("Tanggal &lahir"), "tanggal_lahir", self.tanggal_lahir)
        self.rows.add(self.tr("&Jenis kelamin"), "jenis_kelamin", self.jenis_kelamin)
        self.rows.add(self.tr("&Status"), "status", self.status)
        self.rows.add(self.tr("NI&K"), "nik", self.nik)
        self.rows.add(self.tr("NIP la&ma"), "nip_lama", self.nip_lama)
        self.rows.add(self.tr("PNS I&D"), "pns_id", self.pns_id)
        photo_buttons = QVBoxLayout()
        photo_buttons.addWidget(self.photo_button)
        photo_buttons.addWidget(self.photo_clear)
        photo_buttons.addStretch(1)
        photo_box = QWidget(self)
        photo_row = QHBoxLayout(photo_box)
        photo_row.setContentsMargins(0, 0, 0, 0)
        photo_row.addWidget(self.photo_label, 0, Qt.AlignmentFlag.AlignTop)
        photo_row.addLayout(photo_buttons)
        photo_row.addStretch(1)
        self.rows.add(self.tr("Foto"), "foto", photo_box, focus=self.photo_button)

        right_form = form_layout(4, 8)
        right = FormRows(self, right_form, selectable_errors=True)
        right.add(self.tr("TMT &CPNS"), "tmt_cpns", self.tmt_cpns)
        right.add(self.tr("TMT &PNS"), "tmt_pns", self.tmt_pns)
        self.kontrak_label = right.add(self.tr("Akhir &kontrak (PPPK)"), "akhir_kontrak", self.akhir_kontrak)
        right.add(self.tr("Gol&ongan ruang"), "golongan_ruang", self.golongan)
        right.add(self.tr("TMT gol&ongan"), "tmt_golongan", self.tmt_golongan)
        mkg = _hbox(self.mkg_tahun, self.mkg_bulan, 1)
        right.add(
            self.tr("Masa kerja gol. (&SK)"), "mkg_tahun", mkg, also=("mkg_bulan",), focus=self.mkg_tahun
        )
        right.fields["mkg_bulan"] = self.mkg_bulan
        right.add(self.tr("Jenis ja&batan"), "jenis_jabatan", self.jenis_jabatan)
        right.add(self.tr("Jenjan&g (JF)"), "jenjang", self.jenjang)
        right.add(self.tr("Nama &jabatan"), "jabatan", self.jabatan)
        right.add(self.tr("TMT jabatan"), "tmt_jabatan", self.tmt_jabatan)
        right.add(self.tr("&Eselon"), "eselon", self.eselon)
        right.add(self.tr("&Unit kerja"), "unit_id", self.unit)
        right.add(self.tr("Unit di SIASN"), "unor", self.unor)
        right.add(self.tr("Pend&idikan terakhir"), "pendidikan_terakhir", self.pendidikan)
        right.add(self.tr("BUP (pensiun)"), "bup_kode", self.bup)
        right.add(self.tr("Kedudukan &hukum"), "kedudukan_hukum", self.kedudukan)
        aktif = _hbox(self.aktif, (self.alasan_nonaktif, 1))
        right.add(self.tr("Keaktifan"), "aktif", aktif, also=("alasan_nonaktif",), focus=self.aktif)
        right.fields["alasan_nonaktif"] = self.alasan_nonaktif
        # One lookup for both columns: the service names the field, the row shows the message.
        self.rows.fields.update(right.fields)
        self.rows.errors.update(right.errors)
        self.rows.labels.update(right.labels)

        left_box = QGroupBox(self.tr("Identitas"), self)
        left_box.setLayout(left_form)
        right_box = QGroupBox(self.tr("Kepegawaian"), self)
        right_box.setLayout(right_form)
        body = QWidget(self)
        columns = QHBoxLayout(body)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.addWidget(left_box, 1)
        columns.addWidget(right_box, 1)

        # --- warnings and buttons
        self.warning_label = QLabel(self)
        self.warning_label.setObjectName("warnings")
        self.warning_label.setWordWrap(True)
        self.warning_label.setTextFormat(Qt.TextFormat.RichText)
        self.warning_label.hide()
        self.status_label = QLabel(self)
        self.status_label.setObjectName("status_message")
        self.status_label.setWordWrap(True)
        self.status_label.hide()
        keys_hint = muted(QLabel(self.tr("Enter: isian berikutnya · Ctrl+S simpan · Esc tutup"), self), True)
        self.save_button = QPushButton(self.tr("&Simpan (Ctrl+S)"), self)
        self.save_button.setObjectName("saveButton")
        self.save_button.clicked.connect(self.save)
        self.close_button = QPushButton(self.tr("Tutup") if not self.can_write else self.tr("Batal"), self)
        self.close_button.clicked.connect(self.reject)
        for button in (self.save_button, self.close_button, self.photo_button, self.photo_clear):
            button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(keys_hint)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.setSpacing(6)
        # The two columns are taller than a 600 px screen: they scroll, the warnings and buttons stay in view.
        layout.addWidget(scroll_form(body, self), 1)
        layout.addWidget(self.warning_label)
        layout.addWidget(self.status_label)
        layout.addLayout(buttons)

        self.chain: list[QWidget] = [
            self.nip,
            self.nama,
            self.gelar_depan,
            self.gelar_belakang,
            self.tempat_lahir,
            self.tanggal_lahir,
            self.jenis_kelamin,
            self.status,
            self.nik,
            self.nip_lama,
            self.pns_id,
            self.tmt_cpns,
            self.tmt_pns,
            self.akhir_kontrak,
            self.golongan,
            self.tmt_golongan,
            self.mkg_tahun,
            self.mkg_bulan,
            self.jenis_jabatan,
            self.jenjang,
            self.jabatan,
            self.tmt_jabatan,
            self.eselon,
            self.unit,
            self.unor,
            self.pendidikan,
            self.bup,
            self.kedudukan,
            self.aktif,
            self.alasan_nonaktif,
            self.save_button,
        ]
        for first, second in zip(self.chain, self.chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self.walker = EnterWalker(self, self.chain, {SAVE_KEY: self.save})
        self.walker.watch(self.photo_button)

        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(150)
        self._check_timer.timeout.connect(self.check)
        self.nip.textChanged.connect(self._nip_changed)
        self.nip.editingFinished.connect(self._nip_finished)
        self.status.currentIndexChanged.connect(self._status_changed)
        self.jenis_jabatan.currentIndexChanged.connect(self._jabatan_changed)
        self.aktif.toggled.connect(self._aktif_changed)
        self.kedudukan.currentIndexChanged.connect(self._kedudukan_changed)
        self._connect_changes()

        self._fill_golongan("")
        if self.info is not None:
            self.load(self.info)
        self._status_changed()
        self._jabatan_changed()
        self._aktif_changed()
        self._show_photo()
        if not self.can_write:
            self._read_only()
        self._initial = self._snapshot()
        self.drafts = DraftKeeper(self, ctx, f"pegawai/{pegawai_id or 'baru'}", self._draft_title())
        self._nip_changed()
        fit_to_screen(self, 1120, 640)
        self.nip.setFocus() if self.info is None else self.nama.setFocus()

    def _draft_title(self) -> str:
        if self.info is None:
            return self.tr("pegawai baru")
        return self.tr("data pegawai {0}").format(self.info.nama_lengkap)

    # ------------------------------------------------------------------ filling
    def _fill_golongan(self, keep: str) -> None:
        pppk = self.current_status() is StatusPegawai.PPPK
        self.golongan.blockSignals(True)
        self.golongan.clear()
        self.golongan.addItem(self.tr("(belum diisi)"), "")
        if pppk:
            for code in records.pppk_golongan(self.ref):
                self.golongan.addItem(self.tr("Golongan {0}").format(code), code)
        else:
            for p in self.ref.pangkat:
                self.golongan.addItem(f"{p.golongan_ruang} — {p.nama}", p.golongan_ruang)
        index = self.golongan.findData(keep) if keep else 0
        if index < 0:
            self.golongan.addItem(keep, keep)  # a stored value the list does not know: kept, not lost
            index = self.golongan.count() - 1
        self.golongan.setCurrentIndex(index)
        self.golongan.blockSignals(False)

    def load(self, info: PegawaiInfo) -> None:
        self.nip.setText(info.nip_format)
        self.nama.setText(info.nama)
        self.gelar_depan.setText(info.gelar_depan)
        self.gelar_belakang.setText(info.gelar_belakang)
        self.tempat_lahir.setText(info.tempat_lahir)
        self.tanggal_lahir.set_value(info.tanggal_lahir)
        self.jenis_kelamin.setCurrentIndex(max(0, self.jenis_kelamin.findData(info.jenis_kelamin.value)))
        self.status.setCurrentIndex(max(0, self.status.findData(info.status.value)))
        self.nik.setText(info.nik)
        self.nip_lama.setText(info.nip_lama)
        self.pns_id.setText(info.pns_id)
        self.tmt_cpns.set_value(info.tmt_cpns)
        self.tmt_pns.set_value(info.tmt_pns)
        self.akhir_kontrak.set_value(info.akhir_kontrak)
        self._fill_golongan(info.golongan_ruang)
        self.tmt_golongan.set_value(info.tmt_golongan)
        self.mkg_tahun.setValue(info.mkg.tahun)
        self.mkg_bulan.setValue(info.mkg.bulan)
        self.jenis_jabatan.setCurrentIndex(
            max(0, self.jenis_jabatan.findData(info.jenis_jabatan.value if info.jenis_jabatan else ""))
        )
        self.jenjang.setCurrentIndex(max(0, self.jenjang.findData(info.jenjang)))
        self.jabatan.setText(info.jabatan)
        self.tmt_jabatan.set_value(info.tmt_jabatan)
        self.unit.setCurrentIndex(max(0, self.unit.findData(info.unit_id)) if info.unit_id is not None else 0)
        self.unor.setText(info.unor)
        self.pendidikan.setCurrentText(info.pendidikan_terakhir)
        self.bup.setCurrentIndex(max(0, self.bup.findData(info.bup_kode)))
        self.eselon.setCurrentIndex(max(0, self.eselon.findData(info.eselon)))
        self.kedudukan.blockSignals(True)  # the stored aktif and reason stand as they are
        index = self.kedudukan.findData(info.kedudukan.kode)
        if index < 0:
            self.kedudukan.addItem(info.kedudukan.label, info.kedudukan.kode)  # kept, not lost
            index = self.kedudukan.count() - 1
        self.kedudukan.setCurrentIndex(index)
        self.kedudukan.blockSignals(False)
        self.aktif.setChecked(info.aktif)
        self.alasan_nonaktif.setText(info.alasan_nonaktif)

    def _read_only(self) -> None:
        for widget in self.chain:
            if isinstance(widget, QLineEdit):
                widget.setReadOnly(True)
            elif widget is not self.save_button:
                widget.setEnabled(False)
        self.save_button.hide()
        self.photo_button.hide()
        self.photo_clear.hide()

    def _connect_changes(self) -> None:
        for widget in self.chain:
            if isinstance(widget, QLineEdit):
                widget.textChanged.connect(self._changed)
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self._changed)
                if widget.isEditable():
                    widget.editTextChanged.connect(self._changed)
            elif isinstance(widget, QSpinBox):
                widget.valueChanged.connect(self._changed)
            elif isinstance(widget, QCheckBox):
                widget.toggled.connect(self._changed)

    def _changed(self, *_args: object) -> None:
        self._check_timer.start()

    # ------------------------------------------------------------------ values
    def current_status(self) -> StatusPegawai | None:
        value = self.status.currentData()
        if value:
            return StatusPegawai(value)
        try:
            info = parse_nip(self.nip.text())
        except NipError:
            return None
        return StatusPegawai.PPPK if info.jenis is NipKind.PPPK else StatusPegawai.PNS

    def _date(self, field: DateField, name: str) -> date | None:
        try:
            return field.value()
        except ValueError as exc:
            raise ValidationError(str(exc), name) from None

    def input_data(self) -> PegawaiInput:
        """The form as the service's input; ValidationError (with the field) for a date that is not a date."""
        return PegawaiInput(
            nip=self.nip.text(),
            nama=self.nama.text(),
            tanggal_lahir=self._date(self.tanggal_lahir, "tanggal_lahir"),
            jenis_kelamin=self.jenis_kelamin.currentData(),
            status=self.status.currentData(),
            gelar_depan=self.gelar_depan.text(),
            gelar_belakang=self.gelar_belakang.text(),
            tempat_lahir=self.tempat_lahir.text(),
            nik=self.nik.text(),
            nip_lama=self.nip_lama.text(),
            pns_id=self.pns_id.text(),
            akhir_kontrak=self._date(self.akhir_kontrak, "akhir_kontrak")
            if self.current_status() is StatusPegawai.PPPK
            else None,
            tmt_cpns=self._date(self.tmt_cpns, "tmt_cpns"),
            tmt_pns=self._date(self.tmt_pns, "tmt_pns"),
            golongan_ruang=self.golongan.currentData() or "",
            tmt_golongan=self._date(self.tmt_golongan, "tmt_golongan"),
            mkg_tahun=self.mkg_tahun.value(),
            mkg_bulan=self.mkg_bulan.value(),
            jenis_jabatan=self.jenis_jabatan.currentData() or "",
            jenjang=self.jenjang.currentData() or "",
            jabatan=self.jabatan.text(),
            tmt_jabatan=self._date(self.tmt_jabatan, "tmt_jabatan"),
            unit_id=self.unit.currentData(),
            unor=self.unor.text(),
            pendidikan_terakhir=self.pendidikan.currentText(),
            bup_kode=self.bup.currentData() or "",
            eselon=self.eselon.currentData() or "",
            kedudukan_hukum=self.kedudukan.currentData() or "",
            aktif=self.aktif.isChecked(),
            alasan_nonaktif=self.alasan_nonaktif.text(),
        )

    def _snapshot(self) -> tuple[object, ...]:
        values: list[object] = [self.photo_changed]
        for widget in self.chain:
            if isinstance(widget, QLineEdit):
                values.append(widget.text())
            elif isinstance(widget, QComboBox):
                values.append(widget.currentText())
            elif isinstance(widget, QSpinBox):
                values.append(widget.value())
            elif isinstance(widget, QCheckBox):
                values.append(widget.isChecked())
        return tuple(values)

    def is_dirty(self) -> bool:
        return self._snapshot() != self._initial

    # ------------------------------------------------------------------ live checks
    def _nip_changed(self, *_args: object) -> None:
        """Decode the NIP while it is typed: birth date, TMT CPNS, gender; the count until it is complete."""
        text = self.nip.text()
        digits = bare_nip(text)
        self.rows.errors["nip"].hide()
        placeholders = ("", "", "", "")
        if not digits:
            self.nip_info.setText(self.tr("NIP menentukan tanggal lahir, TMT CPNS dan jenis kelamin."))
        elif len(digits) < 18:
            self.nip_info.setText(self.tr("{0} dari 18 angka").format(len(digits)))
        else:
            try:
                info = parse_nip(text)
            except NipError as exc:
                self.nip_info.setText(str(exc))
            else:
                self.nip_info.setText(describe_nip(info))
                placeholders = (
                    self.tr("dari NIP: {0}").format(info.tanggal_lahir.strftime("%d-%m-%Y")),
                    info.tmt_cpns.strftime("dari NIP: %d-%m-%Y") if info.tmt_cpns else "",
                    info.jenis_kelamin.label,
                    "PPPK" if info.jenis is NipKind.PPPK else "PNS",
                )
                if self.status.currentData() is None:
                    self._status_changed()
        self.tanggal_lahir.setPlaceholderText(placeholders[0] or self.tr("hh-bb-tttt (kosong: dari NIP)"))
        self.tmt_cpns.setPlaceholderText(placeholders[1] or self.tr("hh-bb-tttt (kosong: dari NIP)"))
        self.jenis_kelamin.setItemText(
            0,
            self.tr("(dari NIP: {0})").format(placeholders[2]) if placeholders[2] else self.tr("(dari NIP)"),
        )
        self.status.setItemText(
            0,
            self.tr("(dari NIP: {0})").format(placeholders[3]) if placeholders[3] else self.tr("(dari NIP)"),
        )
        self._check_timer.start()

    def _nip_finished(self) -> None:
        digits = bare_nip(self.nip.text())
        if not digits:
            return
        try:
            info = parse_nip(self.nip.text())
        except NipError as exc:
            set_message(self.rows.errors["nip"], str(exc), ERROR_COLOR)
            return
        if self.nip.text() != info.formatted:
            self.nip.setText(info.formatted)

    def check(self) -> tuple[str, ...]:
        """The warnings the service would return for the form as it stands (nothing is saved)."""
        try:
            data = self.input_data()
            # An empty name is an error of its own (shown on save); the warnings are about the rest.
            data = dataclasses.replace(data, nama=data.nama.strip() or "-")
            _clean, warnings = records.clean_pegawai(data, self.ref)
        except (ValidationError, ValueError):
            warnings = ()
            with contextlib.suppress(NipError):
                warnings = parse_nip(self.nip.text()).warnings
        self.show_warnings(warnings)
        return warnings

    def show_warnings(self, warnings: tuple[str, ...] | list[str]) -> None:
        if not warnings:
            set_message(self.warning_label, "", WARNING_COLOR)
            return
        items = "".join(f"<li>{html.escape(w)}</li>" for w in warnings)
        set_message(
            self.warning_label,
            self.tr(
                "<b>⚠ Peringatan</b> (tidak menghalangi penyimpanan):<ul style='margin:0'>{0}</ul>"
            ).format(items),
            WARNING_COLOR,
        )

    def warnings_text(self) -> str:
        """The warnings as shown (plain text; empty when none): what a test or screen reader reads."""
        if self.warning_label.isHidden():
            return ""
        text = QTextDocument()
        text.setHtml(self.warning_label.text())
        return text.toPlainText()

    def _status_changed(self, *_args: object) -> None:
        status = self.current_status()
        keep = self.golongan.currentData() or ""
        pppk_now = self.golongan.findData("IX") >= 0 and self.golongan.findData("III/d") < 0
        if (status is StatusPegawai.PPPK) != pppk_now:
            self._fill_golongan("")
        elif keep:
            self._fill_golongan(keep)
        is_pppk = status is StatusPegawai.PPPK
        self.akhir_kontrak.setEnabled(is_pppk and self.can_write)
        self.tmt_cpns.setEnabled(not is_pppk and self.can_write)
        self.tmt_pns.setEnabled(not is_pppk and self.can_write)

    def _jabatan_changed(self, *_args: object) -> None:
        fungsional = self.jenis_jabatan.currentData() == JenisJabatan.FUNGSIONAL.value
        self.jenjang.setEnabled(fungsional and self.can_write)
        if not fungsional:
            self.jenjang.setCurrentIndex(0)
        jenis = self.jenis_jabatan.currentData()
        struktural = bool(jenis) and JenisJabatan(jenis).is_struktural
        self.eselon.setEnabled(struktural and self.can_write)
        if not struktural:
            self.eselon.setCurrentIndex(0)

    def _kedudukan_row(self) -> Kedudukan | None:
        try:
            return self.ref.kedudukan.get(self.kedudukan.currentData() or "")
        except ValueError:
            return None

    def _kedudukan_changed(self, *_args: object) -> None:
        """A kedudukan that means out of service (pensiun, diberhentikan …) makes the pegawai inactive with its
        name as the reason; choosing one that does not makes them active again (the service does the same)."""
        row = self._kedudukan_row()
        if row is None:
            return
        keluar = row.efek is Efek.KELUAR
        names = {k.nama for k in self.ref.kedudukan}
        if keluar:
            if not self.alasan_nonaktif.text().strip() or self.alasan_nonaktif.text() in names:
                self.alasan_nonaktif.setText(row.nama)
            self.aktif.setChecked(False)
        elif not self.aktif.isChecked() and self.alasan_nonaktif.text() in names:
            self.alasan_nonaktif.setText("")
            self.aktif.setChecked(True)

    def _aktif_changed(self, *_args: object) -> None:
        self.alasan_nonaktif.setEnabled(not self.aktif.isChecked() and self.can_write)
        row = self._kedudukan_row()
        if self.aktif.isChecked() and row is not None and row.efek is Efek.KELUAR:
            # Back in service: the kedudukan that said otherwise no longer holds.
            self.kedudukan.setCurrentIndex(max(0, self.kedudukan.findData(AKTIF)))

    # ------------------------------------------------------------------ photo
    def choose_photo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Pilih foto pegawai"), str(Path.home()), self.tr(PHOTO_FILTER)
        )
        if not path:
            return
        try:
            content = Path(path).read_bytes()
        except OSError as exc:
            self.rows.show_error("foto", self.tr("Foto tidak bisa dibaca: {0}").format(exc.strerror or exc))
            return
        if len(content) > records.PHOTO_MAX_BYTES:
            self.rows.show_error("foto", self.tr("Foto terlalu besar (maksimal 2 MB)."))
            return
        pixmap = QPixmap()
        if not content.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")) or not pixmap.loadFromData(
            content
        ):
            self.rows.show_error("foto", self.tr("Foto harus berkas PNG atau JPEG."))
            return
        self.rows.errors["foto"].hide()
        self.photo = content
        self.photo_changed = True
        self._show_photo()

    def clear_photo(self) -> None:
        if self.photo is not None:
            self.photo = None
            self.photo_changed = True
            self._show_photo()

    def _show_photo(self) -> None:
        pixmap = QPixmap()
        if self.photo is not None and pixmap.loadFromData(self.photo):
            self.photo_label.setPixmap(
                pixmap.scaled(
                    *PHOTO_SIZE,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.photo_label.setPixmap(QPixmap())
            self.photo_label.setText(self.tr("tanpa\nfoto"))
        self.photo_clear.setEnabled(self.photo is not None and self.can_write)

    # ------------------------------------------------------------------ saving
    def save(self) -> records.Saved[PegawaiInfo] | None:
        """Save through the service; a mistake shows under its field and nothing typed is lost. The photo is
        stored in the same transaction."""
        if not self.can_write:
            return None
        self.rows.clear_errors()
        set_message(self.status_label, "", ERROR_COLOR)
        try:
            data = self.input_data()
            with self.ctx.transaction() as s:
                if self.pegawai_id is None:
                    saved = records.create_pegawai(s, self.ctx.actor, data)
                else:
                    saved = records.update_pegawai(s, self.ctx.actor, self.pegawai_id, data)
                if self.photo_changed:
                    records.set_photo(s, self.ctx.actor, saved.value.id, self.photo)
        except ValidationError as exc:
            name = _FIELD_OF.get(exc.field or "", exc.field)
            if not self.rows.show_error(name, str(exc)):
                set_message(self.status_label, str(exc), ERROR_COLOR)
            return None
        except ServiceError as exc:
            set_message(self.status_label, str(exc), ERROR_COLOR)
            return None
        self.saved = saved
        self.pegawai_id = saved.value.id
        self.accept()
        return saved

    def reject(self) -> None:
        if (
            self.can_write
            and self.saved is None
            and self.is_dirty()
            and not ask_discard(self, [self.drafts.title])
        ):
            return
        super().reject()


def _hbox(*items: QWidget | int | tuple[QWidget, int]) -> QWidget:
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(6)
    for item in items:
        if isinstance(item, int):
            row.addStretch(item)
        elif isinstance(item, tuple):
            row.addWidget(item[0], item[1])
        else:
            row.addWidget(item)
    box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    return box
