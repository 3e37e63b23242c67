"""The changes of one item, each a small dialog writing one mutation: the shared dialog and pindah ruang, kondisi,
pemeliharaan (koreksi and penghapusan have files of their own)."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.services.assets import items, rooms
from desktop.services.assets.items import KONDISI_TEXT, AssetInfo
from desktop.services.assets.ledger import NO_DOC, DocRef
from desktop.services.common.errors import ServiceError, ValidationError
from desktop.ui.assets.fields import EnterNext, RupiahEdit, line
from desktop.ui.context import UiContext
from desktop.ui.widgets.dates import DateField
from desktop.ui.widgets.drafts import DraftKeeper, mark_clean
from desktop.ui.widgets.forms import FormRows, form_layout, hbox
from desktop.ui.widgets.keys import key_of, sequence
from desktop.ui.widgets.messages import muted, set_message
from desktop.ui.widgets.palette import ERROR_COLOR
from desktop.ui.widgets.screen_fit import fit_to_screen, scroll_form

SAVE_KEY = sequence("Ctrl+S")


class ActionDialog(QDialog):
    """One change of ``asset``: the subclass adds its rows in ``build`` and writes in ``apply``; Ctrl+S or the
    button saves, the service's error goes under its field, Esc asks before dropping typed input."""

    TITLE = ""
    KEY = ""
    OK = "&Simpan"
    WIDTH = 560

    def __init__(self, ctx: UiContext, asset: AssetInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.asset = asset
        self.today = ctx.office_today()
        self.setObjectName(f"{self.KEY}Dialog")
        self.setWindowTitle(self.tr(self.TITLE))
        self.enter = EnterNext(self)
        content = QWidget(self)
        self.form = form_layout()
        self.rows = FormRows(content, self.form)
        intro = QLabel(
            f"<b>{asset.nama}</b><br>{asset.kode_barang} · register {asset.register_text}", content
        )
        intro.setObjectName("intro")
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.build(content)
        self.message = QLabel(content)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.hide()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 8, 0)
        column.addLayout(self.form)
        column.addWidget(self.message)
        column.addStretch(1)
        self.ok_button = QPushButton(self.tr(self.OK), self)
        self.ok_button.setObjectName("okButton")
        self.ok_button.clicked.connect(self.save)
        close = QPushButton(self.tr("Batal"), self)
        close.clicked.connect(self.reject)
        for button in (self.ok_button, close):
            button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(muted(QLabel(self.tr("Ctrl+S simpan"), self), True))
        buttons.addStretch(1)
        buttons.addWidget(self.ok_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll_form(content, self), 1)
        layout.addLayout(buttons)
        self.rows.clear_on_edit()
        fit_to_screen(self, self.WIDTH, self.sizeHint().height())
        self.drafts = DraftKeeper(self, ctx, f"aset/{asset.id}/{self.KEY}", self.tr(self.TITLE.lower()))

    # ------------------------------------------------------------------ for the subclass
    def build(self, content: QWidget) -> None:
        raise NotImplementedError

    def apply(self, session: Session) -> None:
        raise NotImplementedError

    # ------------------------------------------------------------------ shared rows
    def date_row(self, content: QWidget, label: str, name: str = "tanggal") -> DateField:
        field = DateField(content, self.today, today=self.today, required=True, maximum=self.today)
        field.setObjectName(name)
        self.rows.add(label, name, field.boxed(), focus=field)
        self.rows.fields[name] = field
        return field

    def doc_row(self, content: QWidget, label: str = "&Dokumen", *, jenis: str = "") -> None:
        self.doc_jenis = QComboBox(content)
        self.doc_jenis.setObjectName("dokumen_jenis")
        self.doc_jenis.setEditable(True)
        for text in ("", "BA", "SK", "Nota Dinas", "Kontrak", "Kuitansi"):
            self.doc_jenis.addItem(text)
        self.doc_jenis.setEditText(jenis)
        self.doc_nomor = line(content, "dokumen_nomor", self.tr("nomor"), limit=200)
        self.doc_tanggal = DateField(content, None, today=self.today, placeholder=self.tr("tanggal"))
        self.doc_tanggal.setObjectName("dokumen_tanggal")
        self.rows.add(
            label,
            "dokumen",
            hbox((self.doc_jenis, 1), (self.doc_nomor, 2), (self.doc_tanggal, 1)),
            extra=[self.doc_tanggal.caption],
            also=("dokumen_nomor", "dokumen_tanggal"),
            focus=self.doc_nomor,
        )

    def doc(self) -> DocRef:
        nomor = self.doc_nomor.text().strip()
        try:
            tanggal = self.doc_tanggal.value()
        except ValueError as exc:
            raise ValidationError(str(exc), "dokumen_tanggal") from None
        jenis = self.doc_jenis.currentText().strip()
        if not (nomor or jenis or tanggal):
            return NO_DOC
        return DocRef(jenis=jenis, nomor=nomor, tanggal=tanggal)

    def note_row(self, content: QWidget, label: str, name: str, placeholder: str = "") -> QPlainTextEdit:
        edit = QPlainTextEdit(content)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 3 + 12)
        self.rows.add(label, name, edit)
        return edit

    @staticmethod
    def day(field: DateField, name: str) -> date:
        try:
            value = field.value()
        except ValueError as exc:
            raise ValidationError(str(exc), name) from None
        if value is None:
            raise ValidationError("Tanggal wajib diisi.", name)
        return value

    # ------------------------------------------------------------------ saving
    def confirmed(self) -> bool:
        """A last question before writing (the penghapusan asks one)."""
        return True

    def save(self) -> bool:
        self.rows.clear_errors()
        set_message(self.message, "", ERROR_COLOR)
        try:
            if not self.confirmed():
                return False
            with self.ctx.transaction() as session:
                self.apply(session)
        except ValidationError as exc:
            if not self.rows.show_error(exc.field, str(exc)):
                set_message(self.message, str(exc), ERROR_COLOR)
            return False
        except ServiceError as exc:
            set_message(self.message, str(exc), ERROR_COLOR)
            return False
        mark_clean(self)
        self.accept()
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if key_of(event) == SAVE_KEY:
            self.save()
            return
        if self.enter.handle(event):
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        if self.drafts.confirm_discard(self):
            super().reject()


class MoveDialog(ActionDialog):
    TITLE = "Pindah ruang"
    KEY = "pindah"
    OK = "&Pindahkan"

    def build(self, content: QWidget) -> None:
        self.ruang = QComboBox(content)
        self.ruang.setObjectName("ruang_id")
        self.ruang.addItem(self.tr("— keluar dari ruangan (tanpa ruang) —"), None)
        for room in self.ctx.query(rooms.list_rooms):
            if room.id != self.asset.ruang_id:
                self.ruang.addItem(room.label, room.id)
        if self.ruang.count() > 1:
            self.ruang.setCurrentIndex(1)
        now = self.asset.ruang_nama or self.tr("belum di ruangan")
        self.rows.add(
            self.tr("Ke &ruangan"),
            "ruang_id",
            self.ruang,
            extra=[muted(QLabel(self.tr("Sekarang: {0}").format(now), content), True)],
        )
        self.tanggal = self.date_row(content, self.tr("&Tanggal pindah"))
        self.doc_row(content)
        self.keterangan = line(content, "keterangan", limit=500)
        self.rows.add(self.tr("&Keterangan"), "keterangan", self.keterangan)

    def apply(self, session: Session) -> None:
        moved = items.move_to_room(
            session,
            self.ctx.actor,
            [self.asset.id],
            self.ruang.currentData(),
            tanggal=self.day(self.tanggal, "tanggal"),
            doc=self.doc(),
            keterangan=self.keterangan.text(),
        )
        if not moved:
            raise ValidationError(self.tr("Barang sudah berada di ruangan itu."), "ruang_id")


class ConditionDialog(ActionDialog):
    TITLE = "Ubah kondisi"
    KEY = "kondisi"

    def build(self, content: QWidget) -> None:
        self.kondisi = QComboBox(content)
        self.kondisi.setObjectName("kondisi")
        for code, text in KONDISI_TEXT.items():
            self.kondisi.addItem(text, code)
        self.kondisi.setCurrentIndex(self.kondisi.findData(self.asset.kondisi))
        self.rows.add(
            self.tr("&Kondisi baru"),
            "kondisi",
            self.kondisi,
            extra=[muted(QLabel(self.tr("Sekarang: {0}").format(self.asset.kondisi_text), content), True)],
        )
        self.tanggal = self.date_row(content, self.tr("&Tanggal"))
        self.doc_row(content)
        self.keterangan = line(
            content, "keterangan", self.tr("mis. layar retak, hasil pemeriksaan"), limit=500
        )
        self.rows.add(self.tr("K&eterangan"), "keterangan", self.keterangan)

    def apply(self, session: Session) -> None:
        kondisi = int(self.kondisi.currentData())
        if kondisi == self.asset.kondisi:
            raise ValidationError(self.tr("Pilih kondisi yang berbeda dari sekarang."), "kondisi")
        items.set_condition(
            session,
            self.ctx.actor,
            self.asset.id,
            kondisi,
            tanggal=self.day(self.tanggal, "tanggal"),
            doc=self.doc(),
            keterangan=self.keterangan.text(),
        )


class MaintenanceDialog(ActionDialog):
    TITLE = "Pemeliharaan"
    KEY = "pemeliharaan"

    def build(self, content: QWidget) -> None:
        self.tanggal = self.date_row(content, self.tr("&Tanggal"))
        self.nilai = RupiahEdit(content)
        self.nilai.setObjectName("nilai")
        self.rows.add(self.tr("&Nilai (Rp)"), "nilai", self.nilai)
        self.uraian = self.note_row(content, self.tr("&Uraian"), "uraian", self.tr("mis. ganti baterai"))
        self.kapitalisasi = QCheckBox(
            self.tr("di&kapitalisasi (menambah nilai barang dan masa manfaatnya)"), content
        )
        self.kapitalisasi.setObjectName("kapitalisasi")
        self.rows.add("", "kapitalisasi", self.kapitalisasi)
        self.doc_row(content)

    def apply(self, session: Session) -> None:
        nilai = self.nilai.amount("nilai")
        if nilai is None:
            raise ValidationError(self.tr("Nilai pemeliharaan wajib diisi."), "nilai")
        items.record_maintenance(
            session,
            self.ctx.actor,
            self.asset.id,
            tanggal=self.day(self.tanggal, "tanggal"),
            nilai=nilai,
            uraian=self.uraian.toPlainText(),
            kapitalisasi=self.kapitalisasi.isChecked(),
            doc=self.doc(),
        )


# The fields a koreksi may change here (items.EDITABLE less the links chosen elsewhere), with their labels.
