"""The "Catat barang" form: one kind of item, N identical units, the golongan fields of its kode only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core.money import format_rupiah
from desktop.services.assets import items, rooms
from desktop.services.assets.items import ASAL_USUL, KONDISI_TEXT, AssetFilter, AssetInput, CreateResult
from desktop.services.common.errors import ServiceError, ValidationError
from desktop.ui.assets.fields import EnterNext, RupiahEdit, line
from desktop.ui.assets.kode_picker import KodePicker, golongan_text
from desktop.ui.context import UiContext
from desktop.ui.widgets.dates import DateField
from desktop.ui.widgets.drafts import DraftKeeper, mark_clean
from desktop.ui.widgets.forms import FormRows, form_layout, hbox
from desktop.ui.widgets.keys import key_of, sequence
from desktop.ui.widgets.messages import muted, set_message
from desktop.ui.widgets.palette import ERROR_COLOR
from desktop.ui.widgets.screen_fit import fit_to_screen, scroll_form

SAVE_KEY = sequence("Ctrl+S")
DASAR_JENIS = ("Kontrak", "BAST", "SP2D", "Kuitansi", "SK Hibah", "BA Inventarisasi")


@dataclass(frozen=True)
class Special:
    """A golongan field: its name (AssetInput's or AsetRincian's), its label per golongan."""

    name: str
    labels: dict[str, str]
    kind: str = "text"  # text / date / money / tanah / bangunan / konstruksi
    rincian: bool = True


def _same(label: str, golongan: str) -> dict[str, str]:
    return dict.fromkeys(golongan, label)


SPECIALS: tuple[Special, ...] = (
    # KIB B: the item's own numbers (they make a unit print alone on the KIB, R6)
    Special("no_pabrik", _same("No. &pabrik", "B"), rincian=False),
    Special("no_rangka", _same("No. ran&gka", "B"), rincian=False),
    Special("no_mesin", _same("No. &mesin", "B"), rincian=False),
    Special("no_polisi", _same("No. p&olisi", "B"), rincian=False),
    Special("no_bpkb", _same("No. BP&KB", "B"), rincian=False),
    # KIB E
    Special("judul_pencipta", _same("Buku: judul/pencipta", "E")),
    Special("buku_spesifikasi", _same("Buku: spesifikasi", "E")),
    Special("seni_asal_daerah", _same("Kesenian: asal daerah", "E")),
    Special("seni_pencipta", _same("Kesenian: pencipta", "E")),
    Special("seni_bahan", _same("Kesenian: bahan", "E")),
    Special("hewan_jenis", _same("Hewan/tumbuhan: jenis", "E")),
    Special("hewan_ukuran", _same("Hewan/tumbuhan: ukuran", "E")),
    # KIB F / C / D
    Special("bangunan", _same("Bangunan", "F"), kind="bangunan"),
    Special("konstruksi", _same("Konstruksi", "D")),
    Special("bertingkat", _same("Konstruksi", "CF"), kind="konstruksi"),
    Special("luas_lantai", _same("Luas lantai (M²)", "C")),
    Special("panjang_km", _same("Panjang (Km)", "D")),
    Special("lebar_m", _same("Lebar (M)", "D")),
    Special("luas", {"A": "Luas (M²)", "C": "Luas tanah (M²)", "D": "Luas (M²)", "F": "Luas (M²)"}),
    Special("letak", {"A": "Letak/alamat", "C": "Letak/lokasi", "D": "Letak/lokasi", "F": "Letak/lokasi"}),
    Special("hak", _same("Hak tanah", "A")),
    Special("sertifikat_tanggal", _same("Sertifikat: tgl / no.", "A"), kind="date"),
    Special("penggunaan", _same("Penggunaan", "A")),
    Special(
        "dokumen_tanggal",
        {"C": "Dokumen gedung: tgl / no.", "D": "Dokumen: tgl / no.", "F": "Dokumen: tgl / no."},
        kind="date",
    ),
    Special("tanggal_mulai", _same("Tanggal mulai", "F"), kind="date"),
    Special("status_tanah", _same("Status tanah", "CDF")),
    Special("tanah_id", _same("Nomor kode tanah", "CDF"), kind="tanah", rincian=False),
    Special("nilai_kontrak", _same("Nilai kontrak (Rp)", "F"), kind="money"),
)
# Fields that share a row with another: (row's name, its partner's name).
PAIRED = {"sertifikat_tanggal": "sertifikat_nomor", "dokumen_tanggal": "dokumen_nomor", "bertingkat": "beton"}


def register_text(result: CreateResult) -> str:
    """``10 barang dicatat: register 000001 s/d 000010``."""
    regs = [a.register_text for a in result.assets]
    if not regs:
        return ""
    span = regs[0] if len(regs) == 1 else f"{regs[0]} s/d {regs[-1]}"
    return f"{len(regs)} barang dicatat: register {span}"


class AssetForm(QDialog):
    """Catat barang (Ctrl+N). Enter walks the fields, Ctrl+S saves; the service's error goes under its field and
    nothing typed is lost. After a save ``result`` holds what was recorded and the dialog closes."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("assetForm")
        self.setWindowTitle(self.tr("Catat barang"))
        self.result: CreateResult | None = None
        self.today = ctx.office_today()
        with ctx.read() as s:
            self.thresholds = items.thresholds(s)
        self.enter = EnterNext(self)

        content = QWidget(self)
        content.setObjectName("assetFormContent")
        main = form_layout()
        self.rows = FormRows(content, main)

        self.kode = KodePicker(ctx, content)
        self.kode.chosen.connect(self._kode_chosen)
        self.rows.add(self.tr("&Kode barang"), "kode_barang", self.kode, focus=self.kode.edit)
        self.nama = line(content, "nama", self.tr("terisi dari kode; boleh diubah"), limit=300)
        self.rows.add(self.tr("&Nama barang"), "nama", self.nama)
        self.merk = line(content, "merk_tipe", self.tr("mis. Lenovo ThinkPad E14"), limit=200)
        self.rows.add(self.tr("&Merk/tipe"), "merk_tipe", self.merk)
        self.ukuran = line(content, "ukuran", self.tr("mis. 14 inci, 1.500 CC"), limit=60)
        self.bahan = line(content, "bahan", self.tr("mis. Kayu, Besi, Campuran"), limit=100)
        self.rows.add(
            self.tr("&Ukuran / bahan"), "ukuran", hbox((self.ukuran, 1), (self.bahan, 1)), also=("bahan",)
        )
        self.rows.fields["bahan"] = self.bahan
        self.spesifikasi = line(content, "spesifikasi", limit=500)
        self.rows.add(self.tr("S&pesifikasi"), "spesifikasi", self.spesifikasi)

        self.tahun = QSpinBox(content)
        self.tahun.setObjectName("tahun")
        self.tahun.setRange(1900, self.today.year + 1)
        self.tahun.setValue(self.today.year)
        self.tahun.setGroupSeparatorShown(False)
        self.tanggal = DateField(content, None, today=self.today, maximum=self.today)
        self.tanggal.setObjectName("tanggal_perolehan")
        self.tanggal.dateChanged.connect(self._date_typed)
        tanggal_label = QLabel(self.tr("tanggal &perolehan"), content)
        tanggal_label.setBuddy(self.tanggal)
        self.rows.add(
            self.tr("&Tahun"),
            "tahun",
            hbox(self.tahun, 0, tanggal_label, (self.tanggal.boxed(), 1)),
            also=("tanggal_perolehan",),
            focus=self.tahun,
        )
        self.rows.fields["tanggal_perolehan"] = self.tanggal

        self.harga = RupiahEdit(content)
        self.harga.setObjectName("harga")
        self.jumlah = QSpinBox(content)
        self.jumlah.setObjectName("jumlah")
        self.jumlah.setRange(1, items.MAX_BATCH)
        self.jumlah.setSuffix(self.tr(" unit"))
        jumlah_label = QLabel(self.tr("&jumlah"), content)
        jumlah_label.setBuddy(self.jumlah)
        self.total = muted(QLabel(content), smaller=True)
        self.total.setObjectName("totalLine")
        self.rows.add(
            self.tr("&Harga satuan (Rp)"),
            "harga",
            hbox((self.harga, 2), 0, jumlah_label, (self.jumlah, 1)),
            extra=[self.total],
            also=("jumlah",),
            focus=self.harga,
        )
        self.rows.fields["jumlah"] = self.jumlah

        self.kondisi = QComboBox(content)
        self.kondisi.setObjectName("kondisi")
        for code, text in KONDISI_TEXT.items():
            self.kondisi.addItem(text, code)
        self.asal = QComboBox(content)
        self.asal.setObjectName("asal_usul")
        self.asal.addItems(list(ASAL_USUL))
        asal_label = QLabel(self.tr("&asal usul"), content)
        asal_label.setBuddy(self.asal)
        self.rows.add(
            self.tr("K&ondisi"),
            "kondisi",
            hbox((self.kondisi, 1), 0, asal_label, (self.asal, 1)),
            also=("asal_usul",),
            focus=self.kondisi,
        )
        self.rows.fields["asal_usul"] = self.asal

        self.dasar_jenis = QComboBox(content)
        self.dasar_jenis.setObjectName("dasar_jenis")
        self.dasar_jenis.setEditable(True)
        self.dasar_jenis.addItem("")
        self.dasar_jenis.addItems(list(DASAR_JENIS))
        self.dasar_nomor = line(content, "dasar_nomor", self.tr("nomor dokumen"), limit=200)
        self.dasar_tanggal = DateField(content, None, today=self.today, placeholder=self.tr("tanggal"))
        self.dasar_tanggal.setObjectName("dasar_tanggal")
        self.rows.add(
            self.tr("&Dasar dokumen"),
            "dasar_jenis",
            hbox((self.dasar_jenis, 1), (self.dasar_nomor, 2), (self.dasar_tanggal, 1)),
            extra=[self.dasar_tanggal.caption],
            also=("dasar_nomor", "dasar_tanggal", "dokumen"),
            focus=self.dasar_jenis,
        )
        self.rows.fields["dasar_nomor"] = self.dasar_nomor
        self.rows.fields["dasar_tanggal"] = self.dasar_tanggal

        self.ruang = QComboBox(content)
        self.ruang.setObjectName("ruang_id")
        self.ruang.addItem(self.tr("— belum di ruangan —"), None)
        for room in ctx.query(rooms.list_rooms):
            self.ruang.addItem(room.label, room.id)
        self.rows.add(self.tr("&Ruangan"), "ruang_id", self.ruang)
        self.keterangan = line(content, "keterangan", limit=500)
        self.rows.add(self.tr("Ketera&ngan"), "keterangan", self.keterangan)

        self.intra_auto = QLabel(content)
        self.intra_auto.setObjectName("intraAuto")
        self.intra_override = QCheckBox(self.tr("ubah &manual"), content)
        self.intra_override.setObjectName("intra_override")
        self.intra_choice = QComboBox(content)
        self.intra_choice.setObjectName("intra_choice")
        self.intra_choice.addItem(self.tr("Intrakomptabel"), True)
        self.intra_choice.addItem(self.tr("Ekstrakomptabel"), False)
        self.intra_note = line(content, "intra_catatan", self.tr("alasan mengubah (wajib)"), limit=300)
        self.rows.add(
            self.tr("Intra/ekstra"),
            "intra",
            hbox((self.intra_auto, 1), self.intra_override),
            below=[hbox((self.intra_choice, 1), (self.intra_note, 2))],
            also=("intra_catatan",),
            focus=self.intra_override,
        )
        self.rows.fields["intra_catatan"] = self.intra_note
        self.intra_override.toggled.connect(self._intra_changed)

        # The golongan's own fields, shown for the golongan of the chosen kode only.
        self.special_box = QGroupBox(content)
        self.special_box.setObjectName("specialBox")
        self.special_form = form_layout()
        self.special_box.setLayout(self.special_form)
        self.special: dict[str, QWidget] = {}
        self.special_rows: dict[str, QWidget] = {}
        self._build_specials()

        self.message = QLabel(content)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.hide()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 8, 0)
        column.addLayout(main)
        column.addWidget(self.special_box)
        column.addWidget(self.message)
        column.addStretch(1)

        self.save_button = QPushButton(self.tr("&Simpan"), self)
        self.save_button.setObjectName("saveButton")
        self.save_button.clicked.connect(self.save)
        close = QPushButton(self.tr("Batal"), self)
        close.setObjectName("closeButton")
        close.clicked.connect(self.reject)
        for button in (self.save_button, close):
            button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(muted(QLabel(self.tr("Enter: isian berikutnya · Ctrl+S simpan"), self), True))
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll_form(content, self), 1)
        layout.addLayout(buttons)

        self.harga.textChanged.connect(self._update_totals)
        self.jumlah.valueChanged.connect(self._update_totals)
        self.tahun.valueChanged.connect(self._update_totals)
        self.intra_choice.currentIndexChanged.connect(self._update_totals)
        self.rows.clear_on_edit()
        self._show_golongan("")
        self._intra_changed(False)
        self._update_totals()
        fit_to_screen(self, 760, 720)
        self.kode.edit.setFocus()
        self.drafts = DraftKeeper(self, ctx, "aset/baru", self.tr("barang baru"))

    # ------------------------------------------------------------------ building
    def _build_specials(self) -> None:
        box = self.special_box
        for spec in SPECIALS:
            widget: QWidget
            focus: QWidget
            also: tuple[str, ...] = ()
            if spec.kind == "date" and spec.name in PAIRED:
                field = DateField(box, None, today=self.today)
                field.setObjectName(spec.name)
                partner = line(box, PAIRED[spec.name], self.tr("nomor"), limit=100)
                widget, focus, also = hbox((field, 1), (partner, 2)), field, (PAIRED[spec.name],)
                self.special[PAIRED[spec.name]] = partner
                self.special[spec.name] = field
                self.rows.add(
                    spec.labels[next(iter(spec.labels))],
                    spec.name,
                    widget,
                    extra=[field.caption],
                    also=also,
                    focus=focus,
                    form=self.special_form,
                )
                self.rows.fields[PAIRED[spec.name]] = partner
            else:
                if spec.kind == "date":
                    field = DateField(box, None, today=self.today)
                elif spec.kind == "money":
                    field = RupiahEdit(box)
                elif spec.kind == "tanah":
                    field = QComboBox(box)
                    field.addItem(self.tr("— tidak ada —"), None)
                elif spec.kind == "bangunan":
                    field = QComboBox(box)
                    for code, text in (
                        ("", ""),
                        ("P", "P (permanen)"),
                        ("SP", "SP (semi permanen)"),
                        ("D", "D (darurat)"),
                    ):
                        field.addItem(text, code)
                elif spec.kind == "konstruksi":
                    field = QCheckBox(self.tr("bertingkat"), box)
                    partner_box = QCheckBox(self.tr("beton"), box)
                    partner_box.setObjectName("beton")
                    self.special["beton"] = partner_box
                else:
                    field = line(box, spec.name, limit=400)
                field.setObjectName(spec.name)
                widget = hbox(field, self.special["beton"], 1) if spec.kind == "konstruksi" else field
                self.rows.add(
                    spec.labels[next(iter(spec.labels))],
                    spec.name,
                    widget,
                    focus=field,
                    form=self.special_form,
                )
                self.special[spec.name] = field
            self.special_rows[spec.name] = self.rows.errors[spec.name].parentWidget()
        self.special_hint = muted(
            QLabel(self.tr("Pilih kode barang: isian khusus golongannya muncul di sini."), box)
        )
        self.special_hint.setWordWrap(True)
        self.special_form.addRow(self.special_hint)

    def _load_parcels(self) -> None:
        combo = self.special["tanah_id"]
        assert isinstance(combo, QComboBox)
        if combo.count() > 1:
            return
        parcels, _total = self.ctx.query(items.list_assets, AssetFilter(golongan="A"), limit=500)
        for p in parcels:
            letak = p.rincian.get("letak", "") if p.rincian else ""
            combo.addItem(f"{p.kode_register} · {p.nama}" + (f" · {letak}" if letak else ""), p.id)

    # ------------------------------------------------------------------ reacting
    def _kode_chosen(self, kode: str, uraian: str, golongan: str) -> None:
        if uraian and (not self.nama.text().strip() or not self.nama.isModified()):
            self.nama.setText(uraian)
            self.nama.setModified(False)
        self.rows.clear_error("kode_barang")
        self._show_golongan(golongan)
        self._update_totals()
        self.nama.setFocus(Qt.FocusReason.TabFocusReason)

    def _show_golongan(self, golongan: str) -> None:
        self.golongan = golongan
        self.special_box.setTitle(
            self.tr("Isian {0}").format(golongan_text(golongan))
            if golongan
            else self.tr("Isian khusus golongan")
        )
        for spec in SPECIALS:
            shown = golongan in spec.labels
            self.special_form.setRowVisible(self.special_rows[spec.name], shown)
            if shown:
                self.rows.labels[spec.name].setText(self.tr(spec.labels[golongan]))
        self.special_hint.setVisible(not golongan)
        if golongan in ("C", "D", "F"):
            self._load_parcels()

    def _date_typed(self, value: date | None) -> None:
        if value is not None and value.year != self.tahun.value():
            self.tahun.setValue(value.year)

    def _intra_changed(self, manual: bool) -> None:
        self.intra_choice.setEnabled(manual)
        self.intra_note.setEnabled(manual)
        self.intra_choice.parentWidget().setVisible(manual)
        self._update_totals()

    def auto_intra(self) -> bool | None:
        """R27 as the service will decide it, for the line beside the field (None until kode and harga)."""
        kode = self.kode.kode()
        try:
            harga = self.harga.amount()
        except ValidationError:
            return None
        if harga is None or not self.kode.golongan():
            return None
        return items.is_intra(kode, harga, self.tahun.value(), self.thresholds)

    def _update_totals(self, *_args: object) -> None:
        n = self.jumlah.value()
        try:
            harga = self.harga.amount()
        except ValidationError:
            harga = None
        parts = []
        if n > 1:
            parts.append(self.tr("Register otomatis: {0} unit").format(n))
            if harga is not None:
                parts.append(self.tr("jumlah {0}").format(format_rupiah(harga * n)))
        elif harga is not None:
            parts.append(self.tr("Register otomatis"))
        self.total.setText(" · ".join(parts))
        auto = self.auto_intra()
        if self.intra_override.isChecked():
            chosen = self.intra_choice.currentData()
            self.intra_auto.setText(self.tr("{0} (diubah manual)").format(self._intra_word(bool(chosen))))
        elif auto is None:
            self.intra_auto.setText(self.tr("otomatis dari ambang kapitalisasi"))
        else:
            self.intra_auto.setText(self.tr("{0} (otomatis)").format(self._intra_word(auto)))

    def _intra_word(self, intra: bool) -> str:
        return self.tr("Intrakomptabel") if intra else self.tr("Ekstrakomptabel")

    # ------------------------------------------------------------------ reading
    def _text(self, widget: QWidget) -> str:
        return widget.text() if isinstance(widget, QLineEdit) else ""

    def _rincian(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for spec in SPECIALS:
            if self.golongan not in spec.labels or not spec.rincian:
                continue
            widget = self.special[spec.name]
            if spec.kind == "date":
                assert isinstance(widget, DateField)
                try:
                    values[spec.name] = widget.value()
                except ValueError as exc:
                    raise ValidationError(str(exc), spec.name) from None
                if spec.name in PAIRED:
                    values[PAIRED[spec.name]] = self._text(self.special[PAIRED[spec.name]])
            elif spec.kind == "money":
                assert isinstance(widget, RupiahEdit)
                values[spec.name] = widget.amount(spec.name)
            elif spec.kind == "bangunan":
                assert isinstance(widget, QComboBox)
                values[spec.name] = widget.currentData() or ""
            elif spec.kind == "konstruksi":
                assert isinstance(widget, QCheckBox)
                values["bertingkat"] = widget.isChecked()
                values["beton"] = self.special["beton"].isChecked()  # type: ignore[attr-defined]
            else:
                values[spec.name] = self._text(widget)
        return values

    def asset_input(self) -> tuple[AssetInput, int]:
        """The form as the service's input; ValidationError (with its field) for what cannot even be built."""
        harga = self.harga.amount()
        if harga is None:
            raise ValidationError(self.tr("Harga satuan wajib diisi (0 untuk barang tanpa nilai)."), "harga")
        try:
            tanggal = self.tanggal.value()
        except ValueError as exc:
            raise ValidationError(str(exc), "tanggal_perolehan") from None
        try:
            dasar_tanggal = self.dasar_tanggal.value()
        except ValueError as exc:
            raise ValidationError(str(exc), "dasar_tanggal") from None
        own = {
            spec.name: self._text(self.special[spec.name])
            for spec in SPECIALS
            if not spec.rincian and spec.kind == "text" and self.golongan in spec.labels
        }
        tanah = self.special["tanah_id"]
        assert isinstance(tanah, QComboBox)
        manual = self.intra_override.isChecked()
        data = AssetInput(
            kode_barang=self.kode.kode(),
            nama=self.nama.text(),
            tahun=self.tahun.value(),
            harga=harga,
            spesifikasi=self.spesifikasi.text(),
            merk_tipe=self.merk.text(),
            ukuran=self.ukuran.text(),
            bahan=self.bahan.text(),
            tanggal_perolehan=tanggal,
            asal_usul=self.asal.currentText(),
            dasar_jenis=self.dasar_jenis.currentText(),
            dasar_nomor=self.dasar_nomor.text(),
            dasar_tanggal=dasar_tanggal,
            kondisi=int(self.kondisi.currentData()),
            ruang_id=self.ruang.currentData(),
            keterangan=self.keterangan.text(),
            tanah_id=tanah.currentData() if self.golongan in ("C", "D", "F") else None,
            intra=bool(self.intra_choice.currentData()) if manual else None,
            intra_catatan=self.intra_note.text() if manual else "",
            rincian=self._rincian(),
            **own,
        )
        return data, self.jumlah.value()

    # ------------------------------------------------------------------ saving
    def save(self) -> CreateResult | None:
        self.rows.clear_errors()
        set_message(self.message, "", ERROR_COLOR)
        try:
            data, jumlah = self.asset_input()
            result = self.ctx.call(items.create_assets, data, jumlah)
        except ValidationError as exc:
            if not self.rows.show_error(exc.field, str(exc)):
                set_message(self.message, str(exc), ERROR_COLOR)
            return None
        except ServiceError as exc:
            set_message(self.message, str(exc), ERROR_COLOR)
            return None
        self.result = result
        mark_clean(self)
        self.accept()
        return result

    def summary(self) -> str:
        """What the list shows after the save: the registers, and the service's warnings."""
        if self.result is None:
            return ""
        return " · ".join([register_text(self.result), *self.result.warnings])

    # ------------------------------------------------------------------ keys and closing
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if key_of(event) == SAVE_KEY:
            self.save()
            return
        if self.enter.handle(event):
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        """Esc, ✕ and Batal: typed input is thrown away only when the clerk says so."""
        if self.drafts.confirm_discard(self):
            super().reject()
