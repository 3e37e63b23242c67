"""The dialog that records one riwayat entry: a new one, a correction of an earlier one, or a cancellation."""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Mapping
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core.money import format_rupiah, parse_rupiah
from desktop.core.staff.cuti import CutiJenis
from desktop.core.staff.kgb import gaji_pokok
from desktop.core.staff.months import MasaKerja
from desktop.services.common import office
from desktop.services.common.errors import ServiceError, ValidationError
from desktop.services.staff import records
from desktop.services.staff.records import (
    JENIS_PANGKAT,
    JENJANG_FUNGSIONAL,
    KEPUTUSAN_CUTI,
    TINGKAT_HUKDIS,
    CutiEntry,
    HukdisEntry,
    JabatanEntry,
    JenisJabatan,
    KgbEntry,
    PangkatEntry,
    PegawaiInfo,
    PendidikanEntry,
    PenundaanKgbEntry,
    RiwayatEntry,
    RiwayatInfo,
    RiwayatKind,
    StatusPegawai,
)
from desktop.ui.staff.fields import DateField, EnterWalker
from desktop.ui.staff.pegawai_form import PENDIDIKAN
from desktop.ui.widgets.drafts import DraftKeeper
from desktop.ui.widgets.forms import FormRows, form_layout
from desktop.ui.widgets.keys import sequence
from desktop.ui.widgets.messages import muted, set_message
from desktop.ui.widgets.palette import ERROR_COLOR
from desktop.ui.widgets.screen_fit import fit_to_screen

SAVE_KEY = sequence("Ctrl+S")
ENTRY_CLASSES: Mapping[RiwayatKind, Any] = {
    RiwayatKind.PANGKAT: PangkatEntry,
    RiwayatKind.KGB: KgbEntry,
    RiwayatKind.JABATAN: JabatanEntry,
    RiwayatKind.PENDIDIKAN: PendidikanEntry,
    RiwayatKind.HUKDIS: HukdisEntry,
    RiwayatKind.PENUNDAAN_KGB: PenundaanKgbEntry,
    RiwayatKind.CUTI: CutiEntry,
}


class RiwayatEntryDialog(QDialog):
    """A new riwayat entry (``base`` None) or the correction of ``base`` (prefilled, with a required reason)."""

    def __init__(
        self,
        ctx: Any,
        pegawai: PegawaiInfo,
        kind: RiwayatKind,
        base: RiwayatInfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.pegawai = pegawai
        self.kind = kind
        self.base = base
        self.ref = records.reference()
        self.result_saved: records.Saved[RiwayatInfo] | None = None
        self.setObjectName("riwayatEntryDialog")
        self.setWindowTitle(
            self.tr("Koreksi {0} #{1} — {2}").format(kind.label.lower(), base.id, pegawai.nama_lengkap)
            if base is not None
            else self.tr("Tambah {0} — {1}").format(kind.label.lower(), pegawai.nama_lengkap)
        )
        self.widgets: dict[str, QWidget] = {}
        form = form_layout(4, 8)
        self.rows = FormRows(self, form, selectable_errors=True)
        self.gaji_info = muted(QLabel(self), smaller=True)
        self.gaji_info.setObjectName("gajiInfo")
        self._build(kind)
        self.alasan = QLineEdit(self)
        self.alasan.setObjectName("alasan")
        self.alasan.setPlaceholderText(self.tr("mengapa entri lama salah, mis. salah ketik TMT"))
        if base is not None:
            self.rows.add(self.tr("&Alasan koreksi *"), "alasan", self.alasan)
            self._load(base.data)
        else:
            self.alasan.hide()  # only a correction asks why; left shown it would sit over the first row
            self._defaults(ENTRY_CLASSES[kind])

        intro = QLabel(self)
        intro.setWordWrap(True)
        if base is not None:
            intro.setText(
                self.tr(
                    "Entri #{0} tidak diubah: yang dicatat adalah entri baru yang menggantikannya, dengan alasan "
                    "koreksi. Entri lama tetap terlihat sebagai “dikoreksi”."
                ).format(base.id)
            )
        else:
            intro.setText(
                self.tr("{0} untuk {1} ({2}).").format(kind.label, pegawai.nama_lengkap, pegawai.nip_format)
            )
        muted(intro, smaller=True)
        self.message = QLabel(self)
        self.message.setObjectName("entryMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        self.save_button = QPushButton(self.tr("&Simpan (Ctrl+S)"), self)
        self.save_button.setObjectName("saveEntryButton")
        self.save_button.clicked.connect(self.save)
        close = QPushButton(self.tr("Batal"), self)
        close.clicked.connect(self.reject)
        for button in (self.save_button, close):
            button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(muted(QLabel(self.tr("Enter: isian berikutnya · Ctrl+S simpan"), self), True))
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addLayout(buttons)

        chain = [w for w in self.widgets.values()]
        if base is not None:
            chain.append(self.alasan)
        chain.append(self.save_button)
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.walker = EnterWalker(self, chain, {SAVE_KEY: self.save})
        self._update_gaji()
        fit_to_screen(self, 620, self.sizeHint().height())
        chain[0].setFocus()
        self.drafts = DraftKeeper(
            self,
            ctx,
            f"riwayat/{pegawai.id}/{kind.value}/{base.id if base is not None else 'baru'}",
            self._draft_title(),
        )

    def _draft_title(self) -> str:
        """What the questions call this entry, e.g. "riwayat pangkat Budi Hartono"."""
        label = self.kind.label[:1].lower() + self.kind.label[1:]  # "riwayat KGB", not "riwayat kgb"
        if self.base is None:
            return self.tr("{0} {1}").format(label, self.pegawai.nama_lengkap)
        return self.tr("koreksi {0} #{1} {2}").format(label, self.base.id, self.pegawai.nama_lengkap)

    def reject(self) -> None:
        """Esc, ✕ and Batal: typed input is thrown away only when the clerk says so."""
        if self.drafts.confirm_discard(self):
            super().reject()

    # ------------------------------------------------------------------ building
    def _text(self, name: str, label: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        self._add(name, label, edit)
        return edit

    def _date(self, name: str, label: str, placeholder: str = "") -> DateField:
        field = DateField(self, placeholder)
        field.setObjectName(name)
        self._add(name, label, field)
        return field

    def _choice(self, name: str, label: str, items: Mapping[str, str], *, blank: str = "") -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        if blank:
            combo.addItem(blank, "")
        for key, text in items.items():
            combo.addItem(text, key)
        self._add(name, label, combo)
        return combo

    def _spin(self, name: str, label: str, low: int, high: int, suffix: str = "") -> QSpinBox:
        spin = QSpinBox(self)
        spin.setObjectName(name)
        spin.setRange(low, high)
        spin.setSuffix(suffix)
        self._add(name, label, spin)
        return spin

    def _add(self, name: str, label: str, widget: QWidget, extra: list[QWidget] | None = None) -> None:
        self.widgets[name] = widget
        self.rows.add(label, name, widget, extra=extra)

    def _golongan_items(self) -> dict[str, str]:
        if self.pegawai.status is StatusPegawai.PPPK:
            return {g: self.tr("Golongan {0}").format(g) for g in records.pppk_golongan(self.ref)}
        return {p.golongan_ruang: f"{p.golongan_ruang} — {p.nama}" for p in self.ref.pangkat}

    def _sk(self, nomor_label: str = "Nomor SK", tanggal_label: str = "Tanggal SK") -> None:
        self._text("nomor_sk", self.tr(nomor_label))
        self._date("tanggal_sk", self.tr(tanggal_label))
        self._text("keterangan", self.tr("Keterangan"))

    def _build(self, kind: RiwayatKind) -> None:
        p = self.pegawai
        if kind in (RiwayatKind.PANGKAT, RiwayatKind.KGB):
            self._date("tmt", self.tr("&TMT *"))
            gol = self._choice(
                "golongan_ruang", self.tr("&Golongan ruang *"), self._golongan_items(), blank=""
            )
            gol.setCurrentIndex(max(0, gol.findData(p.golongan_ruang)))
            self._spin("mkg_tahun", self.tr("MKG &tahun"), 0, 50, self.tr(" thn"))
            self._spin("mkg_bulan", self.tr("MKG &bulan"), 0, 11, self.tr(" bln"))
            if kind is RiwayatKind.PANGKAT:
                self._choice("jenis", self.tr("&Jenis"), JENIS_PANGKAT)
            else:
                edit = QLineEdit(self)
                edit.setObjectName("gaji_pokok")
                edit.setPlaceholderText(self.tr("kosong: dari tabel gaji"))
                self.widgets["gaji_pokok"] = edit
                self.rows.add(self.tr("Gaji &pokok"), "gaji_pokok", edit, extra=[self.gaji_info])
                for name in ("tmt", "mkg_tahun", "mkg_bulan", "golongan_ruang"):
                    widget = self.widgets[name]
                    if isinstance(widget, QLineEdit):
                        widget.textChanged.connect(self._update_gaji)
                    elif isinstance(widget, QSpinBox):
                        widget.valueChanged.connect(self._update_gaji)
                    elif isinstance(widget, QComboBox):
                        widget.currentIndexChanged.connect(self._update_gaji)
            self._sk()
        elif kind is RiwayatKind.JABATAN:
            self._date("tmt", self.tr("&TMT *"))
            self._choice(
                "jenis_jabatan", self.tr("&Jenis jabatan *"), {j.value: j.label for j in JenisJabatan}
            )
            self._choice(
                "jenjang", self.tr("Jen&jang (JF)"), dict(JENJANG_FUNGSIONAL), blank=self.tr("(tidak ada)")
            )
            self._text("jabatan", self.tr("&Nama jabatan *"))
            with self.ctx.read() as s:
                units = {str(u.id): u.nama for u in office.list_units(s)}
            self._choice("unit_id", self.tr("&Unit kerja"), units, blank=self.tr("(belum dipilih)"))
            self._text("unor", self.tr("Unit di SIASN"))
            self._sk()
        elif kind is RiwayatKind.PENDIDIKAN:
            combo = QComboBox(self)
            combo.setObjectName("tingkat")
            combo.setEditable(True)
            combo.addItems(["", *PENDIDIKAN])
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            self._add("tingkat", self.tr("&Tingkat *"), combo)
            self._text("jurusan", self.tr("&Jurusan"))
            self._text("nama_sekolah", self.tr("Nama &sekolah"))
            self._date("tmt", self.tr("Tanggal &lulus"))
            spin = self._spin("tahun_lulus", self.tr("Tahun l&ulus"), 0, 2200)
            spin.setSpecialValueText(self.tr("—"))
            self._sk(self.tr("Nomor ijazah"), self.tr("Tanggal ijazah"))
        elif kind is RiwayatKind.HUKDIS:
            self._date("tmt", self.tr("&TMT *"))
            self._choice("tingkat", self.tr("T&ingkat *"), TINGKAT_HUKDIS)
            self._text("jenis", self.tr("&Jenis hukuman *"), self.tr("mis. teguran lisan"))
            self._date("selesai", self.tr("&Selesai"))
            self._sk()
        elif kind is RiwayatKind.PENUNDAAN_KGB:
            self._date("tmt", self.tr("&TMT KGB yang ditunda *"), self.tr("tanggal 1, mis. 01-03-2027"))
            self._spin("bulan", self.tr("&Lama penundaan"), 1, 12, self.tr(" bulan"))
            self._sk()
        elif kind is RiwayatKind.CUTI:
            self._date("tmt", self.tr("&Mulai *"))
            self._date("selesai", self.tr("&Selesai *"))
            jenis = {j.value: j.label for j in CutiJenis}
            self._choice("jenis", self.tr("&Jenis cuti *"), jenis)
            self._choice("keputusan", self.tr("&Keputusan"), KEPUTUSAN_CUTI)
            hk = self._text(
                "hari_kerja", self.tr("&Hari kerja"), self.tr("kosong: dihitung dari kalender kerja")
            )
            hk.setMaxLength(4)
            self._text("referensi", self.tr("&Referensi"), self.tr("mis. nomor si-Pecut"))
            self._text("nomor_sk", self.tr("Nomor surat izin"))
            self._date("tanggal_sk", self.tr("Tanggal surat izin"))
            self._text("keterangan", self.tr("Alasan / keterangan"))

    def _defaults(self, cls: Any) -> None:
        """The entry's own defaults for its choices (a new pangkat entry is a KP reguler)."""
        for f in dataclasses.fields(cls):
            widget = self.widgets.get(f.name)
            if isinstance(widget, QComboBox) and isinstance(f.default, str) and f.default:
                index = widget.findData(f.default)
                if index >= 0:
                    widget.setCurrentIndex(index)

    def _load(self, data: RiwayatEntry) -> None:
        for f in dataclasses.fields(data):
            widget = self.widgets.get(f.name)
            value = getattr(data, f.name)
            if widget is None:
                continue
            if isinstance(widget, DateField):
                widget.set_value(value)
            elif isinstance(widget, QSpinBox):
                widget.setValue(int(value or 0))
            elif isinstance(widget, QComboBox):
                key = "" if value is None else str(value.value if hasattr(value, "value") else value)
                index = widget.findData(key)
                if index >= 0:
                    widget.setCurrentIndex(index)
                elif widget.isEditable():
                    widget.setCurrentText(key)
            elif isinstance(widget, QLineEdit):
                if f.name == "gaji_pokok":
                    widget.setText(format_rupiah(value) if value is not None else "")
                else:
                    widget.setText("" if value is None else str(value))

    # ------------------------------------------------------------------ values
    def _value(self, name: str) -> Any:
        widget = self.widgets[name]
        if isinstance(widget, DateField):
            try:
                return widget.value()
            except ValueError as exc:
                raise ValidationError(str(exc), name) from None
        if isinstance(widget, QSpinBox):
            return widget.value()
        if isinstance(widget, QComboBox):
            return widget.currentText() if widget.isEditable() else widget.currentData()
        assert isinstance(widget, QLineEdit)
        return widget.text()

    def entry(self) -> RiwayatEntry:
        """The form as the service's entry; ValidationError (with the field) for what cannot even be built."""
        cls = ENTRY_CLASSES[self.kind]
        values: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            if f.name not in self.widgets:
                continue
            values[f.name] = self._value(f.name)
        if "tmt" in values and values["tmt"] is None and self.kind is not RiwayatKind.PENDIDIKAN:
            raise ValidationError(
                self.tr("TMT wajib diisi.")
                if self.kind is not RiwayatKind.CUTI
                else self.tr("Tanggal mulai cuti wajib diisi."),
                "tmt",
            )
        if self.kind is RiwayatKind.CUTI:
            if values["selesai"] is None:
                raise ValidationError(self.tr("Tanggal selesai cuti wajib diisi."), "selesai")
            text = values["hari_kerja"].strip()
            if text and not text.isdigit():
                raise ValidationError(self.tr("Hari kerja harus angka (kosong: dihitung)."), "hari_kerja")
            values["hari_kerja"] = int(text) if text else None
        if self.kind is RiwayatKind.KGB:
            text = values["gaji_pokok"].strip()
            try:
                values["gaji_pokok"] = parse_rupiah(text) if text else None
            except ValueError as exc:
                raise ValidationError(str(exc), "gaji_pokok") from None
        if self.kind is RiwayatKind.PENDIDIKAN:
            values["tahun_lulus"] = values["tahun_lulus"] or None
        if self.kind is RiwayatKind.JABATAN:
            values["unit_id"] = int(values["unit_id"]) if values["unit_id"] else None
        entry: RiwayatEntry = cls(**values)
        return entry

    def _update_gaji(self, *_args: object) -> None:
        if self.kind is not RiwayatKind.KGB:
            self.gaji_info.hide()
            return
        self.gaji_info.show()
        try:
            tmt = self.widgets["tmt"].value()  # type: ignore[attr-defined]
        except ValueError:
            tmt = None
        gol = self.widgets["golongan_ruang"].currentData()  # type: ignore[attr-defined]
        if tmt is None or not gol or self.pegawai.status is StatusPegawai.PPPK:
            self.gaji_info.setText(
                self.tr("Gaji pokok PPPK diisi sendiri (tabel gaji PNS tidak berlaku).")
                if self.pegawai.status is StatusPegawai.PPPK
                else self.tr("Isi TMT dan golongan: gaji pokok diambil dari tabel gaji.")
            )
            return
        mkg = MasaKerja(self.widgets["mkg_tahun"].value(), self.widgets["mkg_bulan"].value())  # type: ignore[attr-defined]
        try:
            found = gaji_pokok(self.ref.gaji, gol, mkg, on=tmt)
            table = self.ref.gaji.for_date(tmt).label
        except ValueError as exc:
            self.gaji_info.setText(str(exc))
            return
        self.gaji_info.setText(
            self.tr("Dari tabel gaji ({0}): {1}").format(table, format_rupiah(found.value))
        )

    def gaji_text(self) -> str:
        return self.gaji_info.text()

    # ------------------------------------------------------------------ saving
    def save(self) -> records.Saved[RiwayatInfo] | None:
        self.rows.clear_errors()
        set_message(self.message, "", ERROR_COLOR)
        try:
            entry = self.entry()
            with self.ctx.transaction() as s:
                if self.base is None:
                    saved = records.add_riwayat(s, self.ctx.actor, self.pegawai.id, entry)
                else:
                    saved = records.correct_riwayat(
                        s, self.ctx.actor, self.kind, self.base.id, entry, self.alasan.text()
                    )
        except ValidationError as exc:
            if not self.rows.show_error(exc.field, str(exc)):
                set_message(self.message, str(exc), ERROR_COLOR)
            return None
        except ServiceError as exc:
            set_message(self.message, str(exc), ERROR_COLOR)
            return None
        self.result_saved = saved
        self.accept()
        return saved
