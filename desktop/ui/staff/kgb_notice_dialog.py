"""The surat pemberitahuan KGB of one pegawai: its fields, checked before printing."""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.dates import format_date
from desktop.core.money import format_rupiah
from desktop.services.common import office
from desktop.services.common.errors import ServiceError, ValidationError
from desktop.services.staff import printouts
from desktop.services.staff.printouts import KgbDraft, KgbLetter
from desktop.ui.context import UiContext
from desktop.ui.print_preview import PrintPreviewDialog
from desktop.ui.staff.fields import DateField, open_preview
from desktop.ui.widgets.drafts import DraftKeeper
from desktop.ui.widgets.forms import FormRows, form_layout
from desktop.ui.widgets.messages import set_message
from desktop.ui.widgets.palette import ERROR_COLOR, WARNING_COLOR
from desktop.ui.widgets.screen_fit import fit_to_screen


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
        with ctx.read() as s:
            # The example is this office's own number shape, never another office's unit code.
            self.kode_unit = " ".join(office.get_profile(s).kode_unit.split())
        self.nomor.setPlaceholderText(self.example_number(today))
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
        form = form_layout(4, 8)
        self.rows = FormRows(self, form, selectable_errors=True)
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
        fit_to_screen(self, 640, 520)
        self.refresh()
        name = self.draft.nama if self.draft is not None else ""
        self.drafts = DraftKeeper(
            self,
            ctx,
            f"kgb_surat/{pegawai_id}",
            self.tr("surat pemberitahuan KGB {0}").format(name).strip(),
        )

    def reject(self) -> None:
        """Esc, ✕ and Tutup: typed input is thrown away only when the clerk says so."""
        if self.drafts.confirm_discard(self):
            super().reject()

    def example_number(self, when: date) -> str:
        """The placeholder of Nomor surat: a KGB number (kode 800.1.11.13) with the office's unit code from
        the profile, in the letter's year; without a unit code the example leaves that part out."""
        unit = f"/{self.kode_unit}" if self.kode_unit else ""
        return self.tr("mis. 800.1.11.13/0123{0}/{1} (kosong: diisi tangan)").format(unit, when.year)

    def refresh(self) -> None:
        """Compute the KGB for the letter date and fill the SK terakhir from the riwayat."""
        try:
            when = self.tanggal.value() or self.today
        except ValueError:
            return
        self.nomor.setPlaceholderText(self.example_number(when))
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
        # The letter is made from what was typed: closing now loses nothing the clerk still needs.
        self.drafts.mark_clean()
        return self.preview
