"""The outgoing-number form: take a number for a signed letter and copy it (letters.md A2 step 6, B7)."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QKeyCombination, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.core import clock
from desktop.core.dates import format_date, format_date_numeric
from desktop.core.letters.rules import Keamanan, NumberTemplate, Urgensi, validate_code
from desktop.services.common import office
from desktop.services.common.errors import ServiceError
from desktop.services.letters import incoming, outgoing
from desktop.ui.context import UiContext
from desktop.ui.letters.letter_form import LetterForm, looks_like_code
from desktop.ui.widgets.dates import DateField
from desktop.ui.widgets.drafts import DraftKeeper
from desktop.ui.widgets.forms import FormRows, form_layout, hbox
from desktop.ui.widgets.keys import sequence
from desktop.ui.widgets.messages import muted, set_message
from desktop.ui.widgets.palette import ERROR_COLOR, SUCCESS_COLOR, WARNING_COLOR

ISSUE_KEY = sequence("Ctrl+S")
COPY_KEY = sequence("Ctrl+Shift+C")
CLEAR_KEY = sequence("Esc")
_AGENDA_TEXT = re.compile(r"^\s*(\d{1,7})\s*(?:/\s*(\d{4}))?\s*$")


class OutgoingForm(LetterForm):
    """One outgoing letter: Enter moves on, Ctrl+S takes the number, Ctrl+Shift+C copies it, Esc clears."""

    issued = Signal(object)  # OutgoingInfo of the number just taken

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("outgoingForm")
        with ctx.transaction() as s:
            default_series = outgoing.ensure_default_series(s)
            profile = office.get_profile(s)
            self.series = outgoing.list_series(s)
            signatories = office.list_signatories(s)
            assigned = office.signer_assignments(s).get("surat_keluar")
            units = [u.nama for u in office.list_units(s)]
        self.zone = profile.zona_waktu or "WIB"
        self.profile_unit = profile.kode_unit
        self._default_signer = assigned[0] if assigned else None
        self._shown_year = 0
        self._last_urut = 0
        self._balasan: incoming.IncomingInfo | None = None
        self.last_info: outgoing.OutgoingInfo | None = None

        # --- header
        header = self.build_header(
            self.tr("Surat keluar baru"),
            self.tr("Enter: isian berikutnya · Ctrl+S ambil nomor · Ctrl+Shift+C salin nomor"),
            "lastNumber",
        )

        # --- what the letter is (left column)
        self.tanggal = DateField(self, clock.today(self.zone), required=True)
        self.tanggal.setObjectName("tanggal_surat")
        self.tanggal.setToolTip(self.tr("Tanggal tanda tangan"))
        self.backdate_label = QLabel(self)
        self.backdate_label.setObjectName("backdateHint")
        self.backdate_label.setWordWrap(True)
        self.backdate_label.hide()

        self.tujuan = QLineEdit(self)
        self.tujuan.setObjectName("tujuan")
        self.tujuan.setMaxLength(300)
        self.tujuan.setPlaceholderText(self.tr("Yth. …, mis. Kepala Dinas Perdagangan Kota Samarinda"))
        self._recipient_model = QStringListModel(self)
        recipient_completer = QCompleter(self._recipient_model, self)
        recipient_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        recipient_completer.setFilterMode(Qt.MatchFlag.MatchContains)
        recipient_completer.setMaxVisibleItems(10)
        self.tujuan.setCompleter(recipient_completer)
        self.tujuan.textEdited.connect(self._suggest_recipients)
        self.tujuan.editingFinished.connect(self._fill_address)

        self.alamat = QLineEdit(self)
        self.alamat.setObjectName("alamat_tujuan")
        self.alamat.setMaxLength(400)
        self.alamat.setPlaceholderText(self.tr("alamat atau “di Tempat” (boleh kosong)"))

        self.build_perihal(self.tr("hal surat (Shift+Enter untuk baris baru)"))

        self.build_code_fields(self.tr("ketik kode atau kata, mis. 800.1.11 atau rapat"))

        self.balasan = QLineEdit(self)
        self.balasan.setObjectName("balasan_atas")
        self.balasan.setPlaceholderText(
            self.tr("nomor agenda surat masuk yang dibalas, mis. 15/2026 (boleh kosong)")
        )
        self.balasan.editingFinished.connect(self.resolve_balasan)
        self.balasan.textEdited.connect(lambda _t: self._forget_balasan())
        self.balasan_info = QLabel(self)
        self.balasan_info.setObjectName("balasanInfo")
        self.balasan_info.setWordWrap(True)
        self.balasan_info.setTextFormat(Qt.TextFormat.PlainText)
        muted(self.balasan_info, smaller=True)
        self.balasan_info.hide()

        # --- how it is numbered and handled (right column)
        self.seri = QComboBox(self)
        self.seri.setObjectName("seri")
        for item in self.series:
            self.seri.addItem(item.nama, item.id)
        self.seri.setCurrentIndex(max(0, self.seri.findData(default_series)))
        self.seri.currentIndexChanged.connect(lambda _i: self.refresh_last_number())

        self.build_sifat()
        self.lampiran = QLineEdit(self)
        self.lampiran.setObjectName("lampiran")
        self.lampiran.setMaxLength(100)
        self.lampiran.setPlaceholderText(self.tr("mis. 1 berkas, 2 lembar"))

        self.penandatangan = QComboBox(self)
        self.penandatangan.setObjectName("penandatangan")
        self.penandatangan.addItem(self.tr("— pilih penanda tangan —"), None)
        for sig in signatories:
            self.penandatangan.addItem(f"{sig.jabatan} — {sig.nama}", sig.id)
        self.penandatangan.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.penandatangan.setMinimumContentsLength(24)
        self._select_default_signer()

        self.pengolah = QLineEdit(self)
        self.pengolah.setObjectName("pengolah")
        self.pengolah.setMaxLength(300)
        self.pengolah.setPlaceholderText(self.tr("unit / pegawai konseptor, mis. Sub Bagian Umum"))
        unit_completer = QCompleter(units, self)
        unit_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        unit_completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.pengolah.setCompleter(unit_completer)

        self.tembusan = QLineEdit(self)
        self.tembusan.setObjectName("tembusan")
        self.tembusan.setPlaceholderText(self.tr("pisahkan dengan titik koma, mis. Sekretaris Daerah; Arsip"))

        self.sisipkan = QCheckBox(self.tr("Sisipkan nomor (surat mundur tanggal)"), self)
        self.sisipkan.setObjectName("sisipkan")
        self.sisipkan.setToolTip(
            self.tr("Beri nomor sisipan, mis. 57.01, sesudah nomor terakhir pada tanggal surat ini")
        )
        self.pesan = QCheckBox(self.tr("Pesan nomor dulu (konsep)"), self)
        self.pesan.setObjectName("pesan")
        self.pesan.setToolTip(
            self.tr("Nomor dipesan sebelum surat ditandatangani; konfirmasi di daftar setelah ditandatangani")
        )
        for box in (self.skema, self.keamanan, self.urgensi, self.seri):
            box.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)

        # --- actions and the number just taken
        self.issue_button = QPushButton(self.tr("Ambil nomor"), self)
        self.issue_button.setObjectName("issueButton")
        self.issue_button.setToolTip(self.tr("Beri nomor surat keluar dan catat di buku agenda (Ctrl+S)"))
        self.issue_button.clicked.connect(lambda: self.issue())
        bold = self.issue_button.font()
        bold.setBold(True)
        self.issue_button.setFont(bold)
        self.issue_button.setMinimumWidth(
            self.issue_button.fontMetrics().horizontalAdvance("Pesan nomor sisipan") + 24
        )
        self.clear_button = QPushButton(self.tr("Kosongkan"), self)
        self.clear_button.setToolTip(self.tr("Kosongkan formulir (Esc)"))
        self.clear_button.clicked.connect(self.clear_with_confirmation)
        self.preview_label = muted(QLabel(self), smaller=True)
        self.preview_label.setObjectName("numberPreview")
        self.status_label = QLabel(self)
        self.status_label.setObjectName("issueStatus")
        self.status_label.setTextFormat(Qt.TextFormat.RichText)
        self.status_label.setWordWrap(True)
        self.status_label.hide()

        self.number_label = QLabel(self)
        self.number_label.setObjectName("issuedNumber")
        self.number_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        big = self.number_label.font()
        big.setPointSizeF(big.pointSizeF() * 1.7)
        big.setBold(True)
        self.number_label.setFont(big)
        self.number_detail = QLabel(self)
        self.number_detail.setObjectName("issuedDetail")
        self.number_detail.setWordWrap(True)
        self.copy_button = QPushButton(self.tr("Salin nomor"), self)
        self.copy_button.setObjectName("copyButton")
        self.copy_button.setToolTip(self.tr("Salin nomor surat ke papan klip (Ctrl+Shift+C)"))
        self.copy_button.clicked.connect(self.copy_number)
        self.result_box = QFrame(self)
        self.result_box.setObjectName("issuedBox")
        self.result_box.setStyleSheet(
            "QFrame#issuedBox { background: #eef7f0; border: 1px solid #9cc9a8; border-radius: 4px; }"
            "QFrame#issuedBox QLabel { background: transparent; border: none; }"
        )
        result = QHBoxLayout(self.result_box)
        result.setContentsMargins(10, 4, 10, 4)
        number_column = QVBoxLayout()
        number_column.setSpacing(0)
        number_column.addWidget(self.number_label)
        number_column.addWidget(self.number_detail)
        result.addLayout(number_column, 1)
        result.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.result_box.hide()
        for button in (self.issue_button, self.clear_button, self.copy_button):
            button.setAutoDefault(False)

        # --- layout
        self.rows = FormRows(self)
        self.rows.fields.update(
            {
                "tanggal_surat": self.tanggal,
                "tujuan": self.tujuan,
                "alamat_tujuan": self.alamat,
                "perihal": self.perihal,
                "kode_klasifikasi": self.kode,
                "balasan_atas": self.balasan,
                "seri_id": self.seri,
                "keamanan": self.keamanan,
                "lampiran": self.lampiran,
                "signatory_id": self.penandatangan,
                "pengolah": self.pengolah,
                "tembusan": self.tembusan,
            }
        )
        self.fields, self.errors = self.rows.fields, self.rows.errors
        left, right = form_layout(), form_layout()
        self.rows.add(
            self.tr("Tan&ggal surat"),
            "tanggal_surat",
            self.tanggal.boxed(),
            extra=[self.backdate_label],
            form=left,
        )
        self.rows.add(self.tr("&Tujuan"), "tujuan", self.tujuan, form=left)
        self.rows.add(self.tr("Alama&t"), "alamat_tujuan", self.alamat, form=left)
        self.rows.add(self.tr("Peri&hal"), "perihal", self.perihal, form=left)
        self.rows.add(
            self.tr("Ko&de klasifikasi"),
            "kode_klasifikasi",
            hbox(self.kode, self.skema),
            extra=[self.code_info],
            form=left,
        )
        self.rows.add(
            self.tr("&Balasan atas"), "balasan_atas", self.balasan, extra=[self.balasan_info], form=left
        )
        urgensi_label = QLabel(self.tr("U&rgensi"), self)
        urgensi_label.setBuddy(self.urgensi)
        self.rows.add(
            self.tr("Kea&manan"),
            "keamanan",
            hbox(self.keamanan, 0, urgensi_label, self.urgensi, 1),
            also=["urgensi"],
            form=right,
        )
        self.rows.add(self.tr("&Lampiran"), "lampiran", self.lampiran, form=right)
        self.rows.add(self.tr("&Penanda tangan"), "signatory_id", self.penandatangan, form=right)
        self.rows.add(self.tr("Pen&golah"), "pengolah", self.pengolah, form=right)
        self.rows.add(self.tr("T&embusan"), "tembusan", self.tembusan, form=right)
        self.rows.add(self.tr("&Seri nomor"), "seri_id", self.seri, also=["unit"], form=right)
        # One series is the usual case: the combo would only take room.
        right.setRowVisible(right.rowCount() - 1, self.seri.count() > 1)
        right.addRow("", self.sisipkan)
        right.addRow("", self.pesan)
        right.addRow(self.result_box)  # the number just taken, beside the form rather than under it

        buttons = QHBoxLayout()
        buttons.addWidget(self.issue_button)
        buttons.addWidget(self.clear_button)
        buttons.addSpacing(12)
        buttons.addWidget(self.preview_label, 1)
        self.stack(header, left, right, buttons, self.status_label)

        # --- keyboard
        enter_chain: list[QWidget] = [
            self.tanggal,
            self.tujuan,
            self.alamat,
            self.perihal,
            self.kode,
            self.balasan,
            self.keamanan,
            self.urgensi,
            self.lampiran,
            self.penandatangan,
            self.pengolah,
            self.tembusan,
            self.seri,
            self.sisipkan,
            self.pesan,
            self.issue_button,
        ]
        tab_order = [
            self.tanggal,
            self.tujuan,
            self.alamat,
            self.perihal,
            self.kode,
            self.skema,
            self.balasan,
            self.keamanan,
            self.urgensi,
            self.lampiran,
            self.penandatangan,
            self.pengolah,
            self.tembusan,
            self.seri,
            self.sisipkan,
            self.pesan,
            self.issue_button,
            self.clear_button,
            self.copy_button,
        ]
        self.chain_keys(enter_chain, tab_order)

        # Checked together before the service is asked, so the clerk sees every empty field at once; the
        # messages are the service's own (services/letters/outgoing.py), which still checks them.
        self.rows.require("tujuan", self.tr("Tujuan surat wajib diisi."))
        self.rows.require("perihal", self.tr("Perihal wajib diisi."))
        self.rows.clear_on_edit()
        self.tanggal.dateChanged.connect(self._on_date_changed)
        self.sisipkan.toggled.connect(lambda _c: self._update_mode())
        self.pesan.toggled.connect(lambda _c: self._update_mode())
        self.keamanan.currentIndexChanged.connect(lambda _i: self._update_preview())
        self.show_code_info()
        self._update_mode()
        self.refresh_last_number()
        self.drafts = DraftKeeper(self, ctx, "surat_keluar/baru", self.tr("surat keluar"))

    def _select_default_signer(self) -> None:
        index = self.penandatangan.findData(self._default_signer) if self._default_signer else -1
        self.penandatangan.setCurrentIndex(max(0, index))

    # ------------------------------------------------------------------ values
    def letter_date(self) -> date:
        # While the clerk is still typing, the hints count from today; issue() refuses a date that is not one.
        return self.tanggal.date() or clock.today(self.zone)

    def series_id(self) -> int | None:
        value = self.seri.currentData()
        return int(value) if value is not None else None

    def current_series(self) -> outgoing.SeriesData | None:
        sid = self.series_id()
        return next((s for s in self.series if s.id == sid), None)

    def input_data(self) -> outgoing.OutgoingInput:
        signer = self.penandatangan.currentData()
        return outgoing.OutgoingInput(
            tanggal_surat=self.letter_date(),
            tujuan=self.tujuan.text(),
            alamat_tujuan=self.alamat.text(),
            perihal=self.perihal.toPlainText(),
            kode_klasifikasi=self.kode.text().strip(),
            skema=str(self.skema.currentData()),
            keamanan=Keamanan(self.keamanan.currentData()),
            urgensi=Urgensi(self.urgensi.currentData()),
            lampiran=self.lampiran.text(),
            signatory_id=int(signer) if signer is not None else None,
            pengolah=self.pengolah.text(),
            tembusan=self.tembusan.text(),
            balasan_atas_id=self._balasan.id if self._balasan is not None else None,
            seri_id=self.series_id(),
            reserve=self.pesan.isChecked(),
        )

    def is_dirty(self) -> bool:
        texts = (
            self.tujuan,
            self.alamat,
            self.kode,
            self.balasan,
            self.lampiran,
            self.pengolah,
            self.tembusan,
        )
        return any(edit.text().strip() for edit in texts) or bool(self.perihal.toPlainText().strip())

    # ------------------------------------------------------------------ header, hints, pickers
    def refresh_last_number(self) -> None:
        year = self.letter_date().year
        self._shown_year = year
        try:
            with self.ctx.transaction() as s:
                last = outgoing.last_number_text(s, self.ctx.actor, self.series_id(), year)
                info = outgoing.last_issued(s, self.ctx.actor, self.series_id(), year)
        except ServiceError:
            self.last_label.clear()
            return
        if last == "—":
            self.last_label.setText(
                self.tr("Nomor terakhir: — (belum ada surat keluar tahun {0})").format(year)
            )
            self.last_label.setToolTip("")
        else:
            when = (
                self.tr(" · {0}").format(format_date_numeric(info.tanggal_surat))
                if info is not None and info.urut == int(last)
                else ""
            )
            self.last_label.setText(self.tr("Nomor terakhir: <b>{0}</b>{1}").format(last, when))
            self.last_label.setToolTip(info.nomor_surat if info is not None else "")
        self._last_urut = 0 if last == "—" else int(last)
        self._check_backdate()
        self._update_preview()

    def _on_date_changed(self, value: date | None) -> None:
        if value is None:
            return  # half typed: the hints wait for a date
        if value.year != self._shown_year:
            self.refresh_last_number()
        else:
            self._check_backdate()
            self._update_preview()

    def _check_backdate(self) -> None:
        """Hint (never enforce) an inserted number when numbers dated after this letter already exist (R21)."""
        try:
            later = self.ctx.call(outgoing.later_number, self.series_id(), self.letter_date())
        except ServiceError:
            later = None
        if later is None or self.sisipkan.isChecked():
            set_message(self.backdate_label, "", WARNING_COLOR)
            return
        set_message(
            self.backdate_label,
            "⚠ "
            + self.tr(
                "Sudah ada nomor {0} bertanggal {1}. Surat bertanggal mundur sebaiknya diberi nomor sisipan: "
                "centang “Sisipkan nomor”."
            ).format(later.urut_text, format_date_numeric(later.tanggal_surat)),
            WARNING_COLOR,
        )

    def _update_mode(self) -> None:
        insert, reserve = self.sisipkan.isChecked(), self.pesan.isChecked()
        if insert and reserve:
            text = self.tr("Pesan nomor sisipan")
        elif insert:
            text = self.tr("Ambil nomor sisipan")
        elif reserve:
            text = self.tr("Pesan nomor")
        else:
            text = self.tr("Ambil nomor")
        self.issue_button.setText(text)
        self._check_backdate()
        self._update_preview()

    def _update_preview(self) -> None:
        """What the number will look like, so a wrong code or unit shows before a number is used."""
        series = self.current_series()
        if series is None:
            self.preview_label.clear()
            return
        kode = self.kode.text().strip()
        if self.sisipkan.isChecked():
            self.preview_label.setText(self.tr("Nomor sisipan ditentukan saat diambil (mis. 57.01)."))
            return
        try:
            template = NumberTemplate(series.template)
            if "kka" in template.tokens:
                kode = validate_code(kode, str(self.skema.currentData()))
            unit = series.kode_unit or self.profile_unit
            number = template.render(
                kode,
                self._last_urut + 1,
                unit,
                self.letter_date(),
                Keamanan(self.keamanan.currentData()),
            )
        except ValueError:
            self.preview_label.setText(
                self.tr("Pola nomor: {0}").format(series.template)
                + ("" if kode else self.tr(" · isi kode klasifikasi"))
            )
            return
        self.preview_label.setText(self.tr("Nomor berikutnya: {0}").format(number))

    def _suggest_recipients(self, text: str) -> None:
        if len(text.strip()) < 2:
            return
        try:
            names = self.ctx.query(outgoing.recipient_suggestions, text)
        except ServiceError:
            return
        if names != self._recipient_model.stringList():
            self._recipient_model.setStringList(names)

    def _fill_address(self) -> None:
        if self.alamat.text().strip() or not self.tujuan.text().strip():
            return
        try:
            address = self.ctx.query(outgoing.address_for, self.tujuan.text())
        except ServiceError:
            return
        if address:
            self.alamat.setText(address)

    def show_code_info(self) -> None:
        self._update_preview()
        self.show_code_facts(self.tr("Wajib: kode klasifikasi menjadi bagian nomor surat."))

    def _forget_balasan(self) -> None:
        self._balasan = None
        set_message(self.balasan_info, "", "")

    def resolve_balasan(self) -> bool:
        """Find the incoming letter typed as "15/2026" (or "15": this year). False when it is not found."""
        text = self.balasan.text().strip()
        self._balasan = None
        if not text:
            set_message(self.balasan_info, "", "")
            return True
        match = _AGENDA_TEXT.match(text)
        if match is None:
            set_message(
                self.balasan_info, self.tr("Tulis nomor agenda surat masuk, mis. 15/2026."), WARNING_COLOR
            )
            return False
        number = int(match[1])
        year = int(match[2]) if match[2] else self.letter_date().year
        try:
            found, _total = self.ctx.query(
                incoming.list_incoming, tahun=year, text=f"{number}/{year}", limit=20
            )
        except ServiceError:
            found = []
        hit = next((i for i in found if i.nomor_agenda == number and i.tahun == year), None)
        if hit is None:
            set_message(
                self.balasan_info,
                self.tr("Agenda surat masuk {0}/{1} tidak ditemukan.").format(number, year),
                WARNING_COLOR,
            )
            return False
        self._balasan = hit
        set_message(
            self.balasan_info,
            self.tr("↳ {0} dari {1}: {2}").format(hit.agenda, hit.asal_surat, " ".join(hit.perihal.split())),
            "",
        )
        return True

    # ------------------------------------------------------------------ errors
    def show_error(self, field: str | None, message: str) -> None:
        label = self.errors.get(field or "")
        if label is None or not label.parentWidget().isVisibleTo(self):
            # The series row is hidden while there is only one series: its message goes to the status line.
            set_message(self.status_label, html.escape(message), ERROR_COLOR)
            return
        widget = self.fields.get(field or "")
        self.rows.show_error(field, message, focus=widget is not None and widget.isVisible())

    # ------------------------------------------------------------------ actions
    def issue(self) -> outgoing.OutgoingInfo | None:
        """Take the number. On a mistake the message sits under the field and nothing typed is lost."""
        if not self.isEnabled() or self.rows.saved_untouched:
            return None  # a double click on Ambil nomor: the number is taken, the panel stays
        self.clear_errors()
        set_message(self.status_label, "", SUCCESS_COLOR)
        problems = self.rows.missing()
        if problem := self.tanggal.error():
            problems.append(("tanggal_surat", problem))
        kode = self.kode.text().strip()
        if kode and not looks_like_code(kode):
            problems.append(
                (
                    "kode_klasifikasi",
                    self.tr("Pilih kode dari daftar (↓ lalu Enter); kata hanya untuk mencari."),
                )
            )
        if not self.resolve_balasan():
            problems.append(("balasan_atas", self.balasan_info.text()))
        if problems:
            self.rows.show_errors(problems, self.status_label)  # all at once, not one per attempt
            return None
        data = self.input_data()
        service = outgoing.insert_number if self.sisipkan.isChecked() else outgoing.issue_number
        info = self.call_service(service, data)
        if info is None:
            return None
        self.show_issued(info)
        self.clear_for_next()
        self.rows.mark_saved()
        self.refresh_last_number()
        self.issued.emit(info)
        return info

    def show_issued(self, info: outgoing.OutgoingInfo) -> None:
        self.last_info = info
        self.number_label.setText(info.nomor_surat)
        tujuan = info.tujuan if len(info.tujuan) <= 48 else info.tujuan[:46].rstrip() + "…"
        parts = [format_date(info.tanggal_surat), tujuan]
        if info.is_inserted:
            parts.insert(0, self.tr("sisipan"))
        if info.status == "dipesan":
            parts.insert(0, self.tr("DIPESAN, konfirmasi setelah ditandatangani"))
        batal = info.status == "batal"
        if batal:
            # A cancelled number must not look like one to paste into a letter: struck, marked, no copy button.
            parts = [self.tr("<b>BATAL</b>")] + [html.escape(p) for p in parts]
            parts.append(self.tr("alasan: {0}").format(html.escape(info.batal_alasan or "—")))
        self.number_detail.setTextFormat(Qt.TextFormat.RichText if batal else Qt.TextFormat.PlainText)
        self.number_detail.setText(" · ".join(parts))
        self.number_detail.setToolTip(info.tujuan)
        font = self.number_label.font()
        font.setStrikeOut(batal)
        self.number_label.setFont(font)
        self.number_label.setAccessibleName(self.tr("Nomor batal") if batal else self.tr("Nomor baru"))
        self.result_box.setProperty("batal", batal)
        self.result_box.setStyleSheet(
            "QFrame#issuedBox { background: %s; border: 1px solid %s; border-radius: 4px; }"
            "QFrame#issuedBox QLabel { background: transparent; border: none; color: %s; }"
            % (("#fbeaea", "#d9a3a0", ERROR_COLOR) if batal else ("#eef7f0", "#9cc9a8", "palette(text)"))
        )
        self.copy_button.setVisible(not batal)
        self.result_box.show()

    def copy_number(self) -> str:
        """Put the number just taken on the clipboard, to paste into the letter (never a cancelled one)."""
        if self.last_info is None or self.last_info.status == "batal":
            return ""
        QGuiApplication.clipboard().setText(self.last_info.nomor_surat)
        self.copy_button.setText(self.tr("Tersalin ✔"))
        QTimer.singleShot(2000, self, lambda: self.copy_button.setText(self.tr("Salin nomor")))
        return self.last_info.nomor_surat

    def clear_for_next(self) -> None:
        """Empty the form for the next letter; tanggal, seri and penanda tangan stay (letters come in batches)."""
        for edit in (
            self.tujuan,
            self.alamat,
            self.kode,
            self.balasan,
            self.lampiran,
            self.pengolah,
            self.tembusan,
        ):
            edit.clear()
        self.perihal.clear()
        self.skema.setCurrentIndex(0)
        self.keamanan.setCurrentIndex(0)
        self.urgensi.setCurrentIndex(0)
        self.sisipkan.setChecked(False)
        self.pesan.setChecked(False)
        self._forget_balasan()
        self.finish_clear()

    def clear_with_confirmation(self) -> None:
        if not self.confirm_clear():
            return
        self.clear_for_next()
        self.tanggal.setDate(clock.today(self.zone))
        self._select_default_signer()
        set_message(self.status_label, "", SUCCESS_COLOR)

    def focus_first(self) -> None:
        """Focus Tujuan: tanggal surat is usually today's and stays for a batch."""
        self.tujuan.setFocus(Qt.FocusReason.TabFocusReason)

    # ------------------------------------------------------------------ keyboard
    def form_keys(self) -> dict[QKeyCombination, Callable[[], object]]:
        return {ISSUE_KEY: self.issue, COPY_KEY: self.copy_number, CLEAR_KEY: self.clear_with_confirmation}
