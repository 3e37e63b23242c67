"""The Kepegawaian documents asked from the Pegawai list: the daftar nominatif with a column chooser (PDF or
xlsx), the surat pemberitahuan KGB of one pegawai, and the formulir cuti of one cuti entry."""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.dates import format_date
from desktop.core.money import format_rupiah
from desktop.core.staff.cuti import CutiJenis
from desktop.services.common.errors import ServiceError, ValidationError
from desktop.services.staff import printouts, records
from desktop.services.staff.printouts import KgbDraft, KgbLetter, StaffFilter
from desktop.services.staff.records import RiwayatKind
from desktop.ui.context import UiContext
from desktop.ui.letters.common import ERROR_COLOR, SUCCESS_COLOR, WARNING_COLOR, muted, set_message
from desktop.ui.print_preview import PrintPreviewDialog
from desktop.ui.staff.fields import DateField, FieldRows, form_layout, open_preview
from desktop.ui.state import UiState
from desktop.ui.widgets.files import remember_dir, start_dir

COLUMNS_KEY = "pegawai/nominatif_columns"
KEY_ROLE = Qt.ItemDataRole.UserRole


class NominatifDialog(QDialog):
    """Daftar nominatif of the pegawai the list shows: tick the columns (their order is the printed order; move
    them with the buttons or Alt+↑/↓), choose the date, then preview the PDF or save an xlsx."""

    def __init__(
        self, ctx: UiContext, filters: StaffFilter, today: date, parent: QWidget | None = None, note: str = ""
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.filters = filters
        self.preview: PrintPreviewDialog | None = None
        self.setObjectName("nominatifDialog")
        self.setWindowTitle(self.tr("Daftar nominatif pegawai"))
        state = ctx.state if isinstance(ctx.state, UiState) else None
        chosen = list(printouts.DEFAULT_NOMINATIF_COLUMNS)
        if state is not None:
            remembered = state.value(COLUMNS_KEY, [])
            remembered = [k for k in remembered if k in printouts.NOMINATIF_COLUMNS]
            if remembered:
                chosen = remembered
        self.columns = QListWidget(self)
        self.columns.setObjectName("columnList")
        self.columns.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.columns.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        order = chosen + [k for k in printouts.NOMINATIF_COLUMNS if k not in chosen]
        for key in order:
            item = QListWidgetItem(self.tr(printouts.NOMINATIF_COLUMNS[key]))
            item.setData(KEY_ROLE, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if key in chosen else Qt.CheckState.Unchecked)
            self.columns.addItem(item)
        self.columns.setCurrentRow(0)
        columns_label = QLabel(self.tr("&Kolom (dicentang dicetak, urut dari atas):"), self)
        columns_label.setBuddy(self.columns)
        up = QPushButton(self.tr("Naik (Alt+↑)"), self)
        up.clicked.connect(lambda: self.move(-1))
        down = QPushButton(self.tr("Turun (Alt+↓)"), self)
        down.clicked.connect(lambda: self.move(1))
        reset = QPushButton(self.tr("Kolom bawaan"), self)
        reset.clicked.connect(self.reset_columns)
        side = QVBoxLayout()
        side.addWidget(up)
        side.addWidget(down)
        side.addSpacing(12)
        side.addWidget(reset)
        side.addStretch(1)

        self.per_tanggal = DateField(self)
        self.per_tanggal.setObjectName("per_tanggal")
        self.per_tanggal.set_value(today)
        form = form_layout()
        self.rows = FieldRows(self, form)
        self.rows.add(self.tr("Keadaan &per tanggal"), "per_tanggal", self.per_tanggal)
        scope = muted(
            QLabel(note or self.tr("Pegawai: sesuai pencarian dan saringan di daftar."), self), True
        )
        scope.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setObjectName("nominatifMessage")
        self.message.setWordWrap(True)
        self.message.hide()

        self.pdf_button = QPushButton(self.tr("&Pratinjau PDF"), self)
        self.pdf_button.setObjectName("pdfButton")
        self.pdf_button.clicked.connect(self.show_pdf)
        self.xlsx_button = QPushButton(self.tr("Simpan &xlsx…"), self)
        self.xlsx_button.setObjectName("xlsxButton")
        self.xlsx_button.clicked.connect(self.save_xlsx)
        close = QPushButton(self.tr("Tutup"), self)
        close.clicked.connect(self.reject)
        for button in (up, down, reset, self.xlsx_button, close):
            button.setAutoDefault(False)
        self.pdf_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.xlsx_button)
        buttons.addWidget(close)
        middle = QHBoxLayout()
        middle.addWidget(self.columns, 1)
        middle.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addWidget(columns_label)
        layout.addLayout(middle, 1)
        layout.addLayout(form)
        layout.addWidget(scope)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(560, 600)
        self.columns.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        moving = (
            watched is self.columns
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
            and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down)
        )
        if moving:
            assert isinstance(event, QKeyEvent)
            self.move(-1 if event.key() == Qt.Key.Key_Up else 1)
            return True
        return super().eventFilter(watched, event)

    def move(self, step: int) -> None:
        row = self.columns.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.columns.count():
            return
        item = self.columns.takeItem(row)
        self.columns.insertItem(target, item)
        self.columns.setCurrentRow(target)

    def reset_columns(self) -> None:
        self.columns.clear()
        defaults = list(printouts.DEFAULT_NOMINATIF_COLUMNS)
        for key in defaults + [k for k in printouts.NOMINATIF_COLUMNS if k not in defaults]:
            item = QListWidgetItem(self.tr(printouts.NOMINATIF_COLUMNS[key]))
            item.setData(KEY_ROLE, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if key in defaults else Qt.CheckState.Unchecked)
            self.columns.addItem(item)

    def chosen(self) -> list[str]:
        """The ticked columns, in list order."""
        return [
            self.columns.item(i).data(KEY_ROLE)
            for i in range(self.columns.count())
            if self.columns.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_chosen(self, keys: list[str]) -> None:
        """Tick exactly ``keys`` and put them first, in that order."""
        self.columns.clear()
        for key in keys + [k for k in printouts.NOMINATIF_COLUMNS if k not in keys]:
            item = QListWidgetItem(self.tr(printouts.NOMINATIF_COLUMNS[key]))
            item.setData(KEY_ROLE, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if key in keys else Qt.CheckState.Unchecked)
            self.columns.addItem(item)

    def _inputs(self) -> tuple[list[str], date] | None:
        self.rows.clear_errors()
        set_message(self.message, "", ERROR_COLOR)
        columns = self.chosen()
        if not columns:
            set_message(self.message, self.tr("Pilih sedikitnya satu kolom."), ERROR_COLOR)
            return None
        try:
            when = self.per_tanggal.value()
        except ValueError as exc:
            self.rows.show_error("per_tanggal", str(exc))
            return None
        if when is None:
            self.rows.show_error("per_tanggal", self.tr("Isi tanggal keadaan daftar."))
            return None
        if isinstance(self.ctx.state, UiState):
            self.ctx.state.set_value(COLUMNS_KEY, columns)
        return columns, when

    def show_pdf(self) -> PrintPreviewDialog | None:
        found = self._inputs()
        if found is None:
            return None
        columns, when = found
        try:
            printout = self.ctx.query(
                printouts.nominatif_pdf, columns=columns, filters=self.filters, per_tanggal=when
            )
        except ServiceError as exc:
            set_message(self.message, str(exc), ERROR_COLOR)
            return None
        self.preview = open_preview(self, printout)
        return self.preview

    def save_xlsx(self) -> Path | None:
        found = self._inputs()
        if found is None:
            return None
        columns, when = found
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Simpan daftar nominatif"),
            start_dir(f"nominatif-pegawai-{when.isoformat()}.xlsx"),
            self.tr("Excel (*.xlsx)"),
        )
        if not path:
            return None
        target = Path(path)
        if target.suffix.lower() != ".xlsx":
            target = target.with_name(target.name + ".xlsx")
        try:
            count = self.ctx.call(
                printouts.write_nominatif_xlsx,
                target,
                columns=columns,
                filters=self.filters,
                per_tanggal=when,
            )
        except (ServiceError, OSError) as exc:
            set_message(self.message, str(exc), ERROR_COLOR)
            return None
        remember_dir(target)
        set_message(
            self.message, self.tr("✔ {0} pegawai disimpan ke {1}").format(count, target), SUCCESS_COLOR
        )
        return target


class KgbNoticeDialog(QDialog):
    """Surat pemberitahuan KGB for one pegawai: the computed KGB for checking, the letter's nomor, date and
    addressee, and the SK terakhir (filled from the riwayat when recorded)."""

    def __init__(self, ctx: UiContext, pegawai_id: int, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.pegawai_id = pegawai_id
        self.preview: PrintPreviewDialog | None = None
        self.draft: KgbDraft | None = None
        self.setObjectName("kgbNoticeDialog")
        self.setWindowTitle(self.tr("Surat pemberitahuan KGB"))
        self.summary = QLabel(self)
        self.summary.setObjectName("kgbSummary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        self.notes = QLabel(self)
        self.notes.setObjectName("kgbNotes")
        self.notes.setWordWrap(True)
        self.notes.hide()
        self.tanggal = DateField(self)
        self.tanggal.setObjectName("tanggal")
        self.today = today
        self.tanggal.set_value(today)
        self.tanggal.editingFinished.connect(self.refresh)
        self.nomor = QLineEdit(self)
        self.nomor.setObjectName("nomor")
        self.nomor.setPlaceholderText(self.tr("mis. 800.1.11.13/0123/SEK.UM/2026 (kosong: diisi tangan)"))
        self.kepada = QPlainTextEdit(self)
        self.kepada.setObjectName("kepada")
        self.kepada.setTabChangesFocus(True)
        self.kepada.setFixedHeight(self.kepada.fontMetrics().lineSpacing() * 3 + 12)
        self.sk_pejabat = QLineEdit(self)
        self.sk_pejabat.setObjectName("sk_pejabat")
        self.sk_nomor = QLineEdit(self)
        self.sk_nomor.setObjectName("sk_nomor")
        self.sk_tanggal = DateField(self)
        self.sk_tanggal.setObjectName("sk_tanggal")
        form = form_layout()
        self.rows = FieldRows(self, form)
        self.rows.add(self.tr("&Tanggal surat"), "tanggal", self.tanggal)
        self.rows.add(self.tr("&Nomor surat"), "nomor", self.nomor)
        self.rows.add(self.tr("&Kepada Yth."), "kepada", self.kepada)
        self.rows.add(self.tr("SK terakhir: &pejabat"), "sk_pejabat", self.sk_pejabat)
        self.rows.add(self.tr("SK terakhir: n&omor"), "sk_nomor", self.sk_nomor)
        self.rows.add(self.tr("SK terakhir: t&anggal"), "sk_tanggal", self.sk_tanggal)
        self.message = QLabel(self)
        self.message.setObjectName("kgbMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        self.preview_button = QPushButton(self.tr("&Pratinjau"), self)
        self.preview_button.setObjectName("previewButton")
        self.preview_button.clicked.connect(self.show_pdf)
        close = QPushButton(self.tr("Tutup"), self)
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.notes)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.resize(640, 520)
        self.refresh()

    def refresh(self) -> None:
        """Compute the KGB for the letter date and fill the SK terakhir from the riwayat."""
        try:
            when = self.tanggal.value() or self.today
        except ValueError:
            return
        try:
            draft = self.ctx.query(printouts.kgb_draft, self.pegawai_id, when)
        except ServiceError as exc:
            self.draft = None
            self.summary.setText(f"<span style='color:{ERROR_COLOR}'>{html.escape(str(exc))}</span>")
            self.preview_button.setEnabled(False)
            return
        first = self.draft is None
        self.draft = draft
        self.preview_button.setEnabled(True)
        self.summary.setText(
            self.tr(
                "<b>{0}</b> ({1})<br>Dasar: {2} TMT {3}, {4}, MKG {5}, gaji pokok {6}<br>"
                "<b>KGB TMT {7}</b>: {8}, MKG {9}, gaji pokok baru <b>{10}</b>"
            ).format(
                html.escape(draft.nama),
                draft.nip_format,
                draft.sk_sumber,
                format_date(draft.sk_tmt),
                draft.sk_golongan_ruang,
                draft.sk_mkg,
                format_rupiah(draft.gaji_lama),
                format_date(draft.tmt),
                draft.golongan_ruang,
                draft.mkg_baru,
                format_rupiah(draft.gaji_baru),
            )
            + (
                self.tr("<br>KGB berikutnya: {0}").format(format_date(draft.kgb_berikutnya))
                if draft.kgb_berikutnya
                else ""
            )
        )
        set_message(self.notes, "\n".join("⚠ " + n for n in draft.notes), WARNING_COLOR)
        if first:
            self.kepada.setPlainText("\n".join(draft.kepada))
            self.sk_pejabat.setText(draft.sk_pejabat)
            self.sk_pejabat.setCursorPosition(0)  # the start of a long name is what tells it apart
            self.sk_nomor.setText(draft.sk_nomor)
            self.sk_tanggal.set_value(draft.sk_tanggal)

    def show_pdf(self) -> PrintPreviewDialog | None:
        self.rows.clear_errors()
        set_message(self.message, "", ERROR_COLOR)
        try:
            when = self.tanggal.value()
            if when is None:
                raise ValidationError(self.tr("Isi tanggal surat."), "tanggal")
            try:
                sk_tanggal = self.sk_tanggal.value()
            except ValueError as exc:
                raise ValidationError(str(exc), "sk_tanggal") from None
            letter = KgbLetter(
                tanggal=when,
                nomor=self.nomor.text(),
                kepada=tuple(line.strip() for line in self.kepada.toPlainText().splitlines() if line.strip()),
                sk_pejabat=self.sk_pejabat.text(),
                sk_nomor=self.sk_nomor.text(),
                sk_tanggal=sk_tanggal,
            )
            printout = self.ctx.query(printouts.kgb_notice_pdf, self.pegawai_id, letter)
        except ValueError as exc:
            self.rows.show_error("tanggal", str(exc))
            return None
        except ValidationError as exc:
            if not self.rows.show_error(exc.field, str(exc)):
                set_message(self.message, str(exc), ERROR_COLOR)
            return None
        except ServiceError as exc:
            set_message(self.message, str(exc), ERROR_COLOR)
            return None
        self.preview = open_preview(self, printout)
        return self.preview


class CutiChooserDialog(QDialog):
    """The cuti entries of one pegawai, newest first: pick one and preview its formulir cuti."""

    def __init__(self, ctx: UiContext, pegawai_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.preview: PrintPreviewDialog | None = None
        self.setObjectName("cutiChooserDialog")
        detail = ctx.query(records.get_pegawai, pegawai_id)
        self.setWindowTitle(self.tr("Formulir cuti — {0}").format(detail.pegawai.nama_lengkap))
        self.list = QListWidget(self)
        self.list.setObjectName("cutiList")
        for info in detail.berlaku(RiwayatKind.CUTI):
            data = info.data
            assert isinstance(data, records.CutiEntry)
            text = self.tr("{0} s.d. {1} — {2}, {3} hari kerja ({4})").format(
                format_date(data.tmt),
                format_date(data.selesai),
                CutiJenis(str(data.jenis)).label,
                data.hari_kerja,
                records.KEPUTUSAN_CUTI.get(data.keputusan, data.keputusan),
            )
            item = QListWidgetItem(text)
            item.setData(KEY_ROLE, info.id)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _i: self.show_pdf())
        empty = QLabel(self.tr("Belum ada riwayat cuti. Catat cutinya di Riwayat › Cuti."), self)
        empty.setVisible(self.list.count() == 0)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.hide()
        self.preview_button = QPushButton(self.tr("&Pratinjau formulir"), self)
        self.preview_button.setEnabled(self.list.count() > 0)
        self.preview_button.clicked.connect(self.show_pdf)
        close = QPushButton(self.tr("Tutup"), self)
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(empty)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(560, 360)

    def show_pdf(self) -> PrintPreviewDialog | None:
        item = self.list.currentItem()
        if item is None:
            return None
        try:
            printout = self.ctx.query(printouts.cuti_form_pdf, int(item.data(KEY_ROLE)))
        except ServiceError as exc:
            set_message(self.message, str(exc), ERROR_COLOR)
            return None
        self.preview = open_preview(self, printout)
        return self.preview


__all__ = ["CutiChooserDialog", "KgbNoticeDialog", "NominatifDialog"]
