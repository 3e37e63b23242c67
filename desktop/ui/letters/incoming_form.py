"""The agenda surat masuk entry form: one letter registered in under a minute, keyboard only (letters.md A1, B3)."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import (
    QKeyCombination,
    QStringListModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from desktop.core import clock
from desktop.core.dates import format_date
from desktop.core.letters.rules import CaraTerima, Keamanan, Urgensi
from desktop.services.common import office
from desktop.services.common.errors import ServiceError
from desktop.services.letters import incoming
from desktop.ui import dialogs
from desktop.ui.context import UiContext
from desktop.ui.letters.letter_form import LetterForm, looks_like_code
from desktop.ui.widgets.dates import DateField, office_time, zone_info
from desktop.ui.widgets.datetime_field import DateTimeField
from desktop.ui.widgets.drafts import DraftKeeper
from desktop.ui.widgets.forms import FormRows, form_layout, hbox
from desktop.ui.widgets.keys import sequence
from desktop.ui.widgets.messages import muted, set_message
from desktop.ui.widgets.palette import ERROR_COLOR, SUCCESS_COLOR, WARNING_COLOR

DEFAULT_RECIPIENT = "Kepala Dinas"

SAVE_KEY = sequence("Ctrl+S")
SAVE_PRINT_KEY = sequence("Ctrl+P")
CLEAR_KEY = sequence("Esc")
FIND_KEY = sequence("Ctrl+F")


class IncomingForm(LetterForm):
    """Fields in the order of SOP #15 step 1. Enter moves on, Ctrl+S saves, Ctrl+P saves and prints the slip."""

    saved = Signal(object)  # IncomingInfo of the letter just registered
    print_requested = Signal(int)  # letter id whose lembar disposisi should be printed
    find_requested = Signal()  # Ctrl+F: the clerk wants the agenda search beside the form

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("incomingForm")
        with ctx.read() as s:
            self.zone = office.get_profile(s).zona_waktu or "WIB"
            recipients = [DEFAULT_RECIPIENT, *incoming.disposition_recipients(s)]
        self._shown_year = 0
        self._duplicates: list[incoming.IncomingInfo] = []

        # --- header
        header = self.build_header(
            self.tr("Surat masuk baru"),
            self.tr("Enter: isian berikutnya · Ctrl+S simpan · Ctrl+P simpan dan cetak"),
            "lastAgenda",
        )

        # --- fields, in SOP order
        self.terima = DateTimeField(self, required=True)
        self.terima.setObjectName("tanggal_diterima")
        # True while tanggal terima is the clock's value, not one the clerk chose or kept for a batch: the
        # first keystroke of a letter then moves it to the current minute (a form opened at 08.00 and used
        # at 14.00 must not stamp 08.00).
        self._terima_auto = True
        self._setting_terima = False
        self.set_received_now()
        zone_label = muted(QLabel(self.zone, self))

        self.asal = QLineEdit(self)
        self.asal.setObjectName("asal_surat")
        self.asal.setPlaceholderText(self.tr("instansi pengirim, mis. Bank Indonesia Perwakilan Kaltim"))
        self._sender_model = QStringListModel(self)
        sender_completer = QCompleter(self._sender_model, self)
        sender_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        sender_completer.setFilterMode(Qt.MatchFlag.MatchContains)
        sender_completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        sender_completer.setMaxVisibleItems(10)
        self.asal.setCompleter(sender_completer)
        self.asal.textEdited.connect(self._suggest_senders)
        self.asal.textEdited.connect(self._stamp_received)

        self.nomor = QLineEdit(self)
        self.nomor.setObjectName("nomor_surat")
        self.nomor.setMaxLength(255)
        self.nomor.setPlaceholderText(self.tr("seperti tertulis di surat; “tanpa nomor” bila tidak ada"))
        self.nomor.editingFinished.connect(self.check_duplicates)
        self.duplicate_label = QLabel(self)
        self.duplicate_label.setObjectName("duplicateWarning")
        self.duplicate_label.setWordWrap(True)
        self.duplicate_label.setTextFormat(Qt.TextFormat.PlainText)
        self.duplicate_label.hide()

        self.tanggal_surat = DateField(self, self.received_at().date(), required=True)
        self.tanggal_surat.setObjectName("tanggal_surat")
        self.tanggal_surat.editingFinished.connect(self.check_duplicates)

        self.build_perihal(self.tr("isi ringkas surat (Shift+Enter untuk baris baru)"))

        self.ditujukan = QLineEdit(DEFAULT_RECIPIENT, self)
        self.ditujukan.setObjectName("ditujukan_kepada")
        recipient_completer = QCompleter(recipients, self)
        recipient_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        recipient_completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.ditujukan.setCompleter(recipient_completer)

        self.build_code_fields(self.tr("ketik kode atau kata, mis. 800.1.11 atau cuti"))
        self.skema.setToolTip(
            self.tr("Daftar kode: Permendagri 83/2022 untuk surat baru, 78/2012 untuk surat lama")
        )
        self.build_sifat()
        self.keamanan.setToolTip(self.tr("Klasifikasi keamanan surat"))

        self.lampiran = QLineEdit(self)
        self.lampiran.setObjectName("lampiran")
        self.lampiran.setPlaceholderText(self.tr("mis. 1 berkas, 2 lembar"))

        self.cara = QComboBox(self)
        self.cara.setObjectName("cara_terima")
        for value in CaraTerima:
            self.cara.addItem(value.label, value)
        self.srikandi = QLineEdit(self)
        self.srikandi.setObjectName("srikandi_id")
        self.srikandi.setPlaceholderText(self.tr("nomor/ID naskah di SRIKANDI"))
        self.srikandi_label = QLabel(self.tr("Re&f. SRIKANDI"), self)
        self.srikandi_label.setBuddy(self.srikandi)
        self.cara.currentIndexChanged.connect(self._on_cara_changed)
        for box in (self.skema, self.keamanan, self.urgensi, self.cara):
            box.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)

        self.keterangan = QLineEdit(self)
        self.keterangan.setObjectName("keterangan")
        self.tanpa_disposisi = QCheckBox(self.tr("Tanpa disposisi (langsung arsip)"), self)
        self.tanpa_disposisi.setObjectName("tanpa_disposisi")
        self.tanpa_disposisi.setToolTip(
            self.tr("Surat yang tidak perlu didisposisi (tembusan, pemberitahuan): dicatat lalu diarsipkan")
        )

        # --- actions and messages
        self.save_button = QPushButton(self.tr("Simpan"), self)
        self.save_button.setToolTip(self.tr("Catat di buku agenda (Ctrl+S)"))
        self.save_button.clicked.connect(lambda: self.save())
        self.print_button = QPushButton(self.tr("Simpan && cetak disposisi"), self)
        self.print_button.setToolTip(self.tr("Catat lalu tampilkan lembar disposisi untuk dicetak (Ctrl+P)"))
        self.print_button.clicked.connect(lambda: self.save(print_after=True))
        self.clear_button = QPushButton(self.tr("Kosongkan"), self)
        self.clear_button.setToolTip(self.tr("Kosongkan formulir (Esc)"))
        self.clear_button.clicked.connect(self.clear_with_confirmation)
        for button in (self.save_button, self.print_button, self.clear_button):
            button.setAutoDefault(False)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("saveStatus")
        self.status_label.setTextFormat(Qt.TextFormat.RichText)
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label.hide()

        # --- layout
        self.rows = FormRows(self)
        self.rows.fields.update(
            {
                "tanggal_diterima": self.terima,
                "asal_surat": self.asal,
                "nomor_surat": self.nomor,
                "tanggal_surat": self.tanggal_surat,
                "perihal": self.perihal,
                "ditujukan_kepada": self.ditujukan,
                "kode_klasifikasi": self.kode,
                "keamanan": self.keamanan,
                "urgensi": self.urgensi,
                "lampiran": self.lampiran,
                "cara_terima": self.cara,
                "srikandi_id": self.srikandi,
                "keterangan": self.keterangan,
            }
        )
        self.fields, self.errors = self.rows.fields, self.rows.errors
        left, right = form_layout(), form_layout()
        # The zone sits between the field and its caption, so the caption keeps the rest of the row: a reason
        # such as "Tanggal 31 Februari 2026 tidak ada: …" wraps onto lines the row grows for, uncut.
        terima_box = self.terima.boxed()
        terima_row = terima_box.layout()
        assert isinstance(terima_row, QHBoxLayout)
        terima_row.insertWidget(1, zone_label)
        self.rows.add(self.tr("Tanggal ter&ima"), "tanggal_diterima", terima_box, form=left)
        self.rows.add(self.tr("Asal s&urat"), "asal_surat", self.asal, form=left)
        self.rows.add(
            self.tr("N&omor surat"), "nomor_surat", self.nomor, extra=[self.duplicate_label], form=left
        )
        self.rows.add(self.tr("Tan&ggal surat"), "tanggal_surat", self.tanggal_surat.boxed(), form=left)
        self.rows.add(self.tr("Peri&hal"), "perihal", self.perihal, form=left)
        self.rows.add(self.tr("Ditu&jukan kepada"), "ditujukan_kepada", self.ditujukan, form=left)
        self.rows.add(
            self.tr("Ko&de klasifikasi"),
            "kode_klasifikasi",
            hbox(self.kode, self.skema),
            extra=[self.code_info],
            form=right,
        )
        urgensi_label = QLabel(self.tr("U&rgensi"), self)
        urgensi_label.setBuddy(self.urgensi)
        sifat = hbox(self.keamanan, 0, urgensi_label, self.urgensi, 1)
        self.rows.add(self.tr("Kea&manan"), "keamanan", sifat, also=["urgensi"], form=right)
        self.rows.add(self.tr("&Lampiran"), "lampiran", self.lampiran, form=right)
        self.rows.add(
            self.tr("&Cara terima"),
            "cara_terima",
            hbox(self.cara, 0, self.srikandi_label, (self.srikandi, 3), 1),
            also=["srikandi_id"],
            form=right,
        )
        self.rows.add(self.tr("K&eterangan"), "keterangan", self.keterangan, form=right)
        right.addRow("", self.tanpa_disposisi)

        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.clear_button)
        buttons.addSpacing(12)
        buttons.addWidget(self.status_label, 1)
        buttons.addStretch(0)
        self.stack(header, left, right, buttons)

        # --- keyboard: Enter walks this chain; Tab follows the same visual order (plus the skema combo)
        enter_chain: list[QWidget] = [
            self.terima,
            self.asal,
            self.nomor,
            self.tanggal_surat,
            self.perihal,
            self.ditujukan,
            self.kode,
            self.keamanan,
            self.urgensi,
            self.lampiran,
            self.cara,
            self.srikandi,
            self.keterangan,
            self.tanpa_disposisi,
            self.save_button,
        ]
        tab_order = [
            self.terima,
            self.asal,
            self.nomor,
            self.tanggal_surat,
            self.perihal,
            self.ditujukan,
            self.kode,
            self.skema,
            self.keamanan,
            self.urgensi,
            self.lampiran,
            self.cara,
            self.srikandi,
            self.keterangan,
            self.tanpa_disposisi,
            self.save_button,
            self.print_button,
            self.clear_button,
        ]
        self.chain_keys(enter_chain, tab_order)

        # Checked together before the service is asked, so the clerk sees every empty field at once; the
        # messages are the service's own (services/letters/incoming.py), which still checks them.
        self.rows.require("asal_surat", self.tr("Asal surat wajib diisi."))
        self.rows.require(
            "nomor_surat", self.tr("Nomor surat wajib diisi (tulis “tanpa nomor” bila tidak ada).")
        )
        self.rows.require("perihal", self.tr("Perihal wajib diisi."))
        self.rows.clear_on_edit()
        self.terima.dateTimeChanged.connect(self._on_terima_changed)
        self._on_cara_changed()
        self.show_code_info()
        self.refresh_last_number()
        self.drafts = DraftKeeper(self, ctx, "surat_masuk/baru", self.tr("surat masuk"))

    # ------------------------------------------------------------------ values
    def _now(self) -> datetime:
        """The current minute in office time, naive like the field."""
        return clock.now(self.zone).replace(second=0, microsecond=0, tzinfo=None)

    def received_at(self) -> datetime:
        """Tanggal & jam terima as typed, as an aware datetime in the office zone. While the field holds
        no date (being retyped, or wrong: the save refuses it) the letter counts as received now."""
        value = self.terima.dateTime() or self._now()
        return value.replace(tzinfo=zone_info(self.zone))

    def letter_date(self) -> date:
        # A date that is not one counts as the day received only for the duplicate check: save refuses it.
        return self.tanggal_surat.date() or self.received_at().date()

    def input_data(self) -> incoming.IncomingInput:
        cara = CaraTerima(self.cara.currentData())
        return incoming.IncomingInput(
            tanggal_diterima=self.received_at(),
            asal_surat=self.asal.text(),
            nomor_surat=self.nomor.text(),
            tanggal_surat=self.letter_date(),
            perihal=self.perihal.toPlainText(),
            ditujukan_kepada=self.ditujukan.text(),
            kode_klasifikasi=self.kode.text().strip(),
            skema=str(self.skema.currentData()),
            keamanan=Keamanan(self.keamanan.currentData()),
            urgensi=Urgensi(self.urgensi.currentData()),
            lampiran=self.lampiran.text(),
            cara_terima=cara,
            srikandi_id=self.srikandi.text() if cara is CaraTerima.SRIKANDI else "",
            keterangan=self.keterangan.text(),
            tanpa_disposisi=self.tanpa_disposisi.isChecked(),
        )

    def is_dirty(self) -> bool:
        """Something was typed that Esc would throw away."""
        texts = (self.asal, self.nomor, self.kode, self.lampiran, self.srikandi, self.keterangan)
        return (
            any(edit.text().strip() for edit in texts)
            or bool(self.perihal.toPlainText().strip())
            or self.ditujukan.text().strip() != DEFAULT_RECIPIENT
        )

    # ------------------------------------------------------------------ header, suggestions, code picker
    def refresh_last_number(self) -> None:
        year = self.received_at().year
        self._shown_year = year
        try:
            last = self.ctx.query(incoming.last_agenda_number, year)
        except ServiceError:
            self.last_label.clear()
            return
        if last:
            self.last_label.setText(self.tr("Nomor agenda terakhir: <b>{0}/{1}</b>").format(last, year))
        else:
            self.last_label.setText(
                self.tr("Nomor agenda terakhir: — (belum ada surat tahun {0})").format(year)
            )

    def set_received_now(self) -> None:
        self._setting_terima = True
        try:
            self.terima.setDateTime(self._now())
        finally:
            self._setting_terima = False
        self._terima_auto = True

    def _stamp_received(self, text: str) -> None:
        if (
            self._terima_auto
            and len(text) == 1
            and not self.nomor.text()
            and self.terima.dateTime() != self._now()
        ):
            self.set_received_now()

    def _on_terima_changed(self, value: datetime | None) -> None:
        if not self._setting_terima:
            self._terima_auto = False  # the clerk set it: keep it
        if value is not None and value.year != self._shown_year:
            self.refresh_last_number()

    def _suggest_senders(self, text: str) -> None:
        if len(text.strip()) < 2:
            return
        try:
            names = self.ctx.query(incoming.sender_suggestions, text)
        except ServiceError:
            return
        if names != self._sender_model.stringList():
            self._sender_model.setStringList(names)

    def show_code_info(self) -> None:
        self.show_code_facts(self.tr("Boleh dikosongkan; wajib diisi sebelum pemberkasan."))

    def _on_cara_changed(self, _index: int = 0) -> None:
        srikandi = self.cara.currentData() == CaraTerima.SRIKANDI
        self.srikandi.setVisible(srikandi)
        self.srikandi_label.setVisible(srikandi)

    # ------------------------------------------------------------------ duplicates, errors
    def check_duplicates(self) -> list[incoming.IncomingInfo]:
        """Warn (R7) about earlier letters with the same sender, number and date; never blocks."""
        asal, nomor = self.asal.text().strip(), self.nomor.text().strip()
        found: list[incoming.IncomingInfo] = []
        if asal and nomor:
            try:
                found = self.ctx.query(incoming.probable_duplicates, asal, nomor, self.letter_date())
            except ServiceError:
                found = []
        self._duplicates = found
        if found:
            parts = [
                self.tr("agenda {0} dari {1}, diterima {2}").format(
                    d.agenda, d.asal_surat, format_date(office_time(d.tanggal_diterima, self.zone).date())
                )
                for d in found[:3]
            ]
            text = self.tr("Mungkin duplikat: {0}.").format("; ".join(parts))
            set_message(self.duplicate_label, "⚠ " + text, WARNING_COLOR)
        else:
            set_message(self.duplicate_label, "", WARNING_COLOR)
        return found

    def show_error(self, field: str | None, message: str) -> None:
        if not self.rows.show_error(field, message):
            set_message(self.status_label, html.escape(message), ERROR_COLOR)

    # ------------------------------------------------------------------ actions
    def save(self, *, print_after: bool = False) -> incoming.IncomingInfo | None:
        """Register the letter. On a mistake the message sits under the field and nothing typed is lost."""
        if not self.isEnabled() or self.rows.saved_untouched:
            return None  # a double click on Simpan: the letter is saved, its message stays
        self.clear_errors()
        set_message(self.status_label, "", SUCCESS_COLOR)
        data = self.input_data()
        problems = self.rows.missing()
        if problem := self.terima.error():
            problems.append(("tanggal_diterima", problem))
        if problem := self.tanggal_surat.error():
            problems.append(("tanggal_surat", problem))  # 31/02 is refused, never saved as 28/02
        if data.kode_klasifikasi and not looks_like_code(data.kode_klasifikasi):
            # Words in the picker are a search, not a code: saving "cuti" as a kode would be a silent mistake.
            problems.append(
                (
                    "kode_klasifikasi",
                    self.tr(
                        "Pilih kode dari daftar (↓ lalu Enter) atau kosongkan; kata hanya untuk mencari."
                    ),
                )
            )
        if problems:
            self.rows.show_errors(problems, self.status_label)  # all at once, not one per attempt
            return None
        duplicates = self.check_duplicates()
        if duplicates and not dialogs.confirm(
            self,
            self.tr("Mungkin surat ganda"),
            self.tr(
                "Surat dari {0} bernomor {1} dengan tanggal yang sama sudah tercatat sebagai agenda {2}.\n\n"
                "Tetap simpan sebagai agenda baru?"
            ).format(
                data.asal_surat.strip(), data.nomor_surat.strip(), ", ".join(d.agenda for d in duplicates)
            ),
            yes=self.tr("Tetap simpan"),
            no=self.tr("Jangan simpan"),
            danger=True,
        ):
            self.nomor.setFocus(Qt.FocusReason.OtherFocusReason)
            return None
        info = self.call_service(incoming.register_incoming, data)
        if info is None:
            return None
        when = office_time(info.tanggal_diterima, self.zone)
        note = self.tr(" · langsung arsip") if info.status == "arsip" else ""
        susulan = self.tr(" · susulan") if info.susulan else ""
        set_message(
            self.status_label,
            self.tr("✔ Tersimpan: agenda <b>{0}</b> — {1}, diterima {2} pukul {3:%H.%M}{4}{5}").format(
                html.escape(info.agenda),
                html.escape(info.asal_surat),
                format_date(when.date()),
                when,
                note,
                susulan,
            ),
            SUCCESS_COLOR,
        )
        self._terima_auto = False  # the next letters of this batch were received at the same time
        self.clear_for_next()
        self.rows.mark_saved()
        self.refresh_last_number()
        self.saved.emit(info)
        if print_after:
            self.print_requested.emit(info.id)
        return info

    def clear_for_next(self) -> None:
        """Empty the form for the next letter; tanggal terima and cara terima stay (letters come in batches)."""
        for edit in (self.asal, self.nomor, self.kode, self.lampiran, self.srikandi, self.keterangan):
            edit.clear()
        self.perihal.clear()
        self.ditujukan.setText(DEFAULT_RECIPIENT)
        self.skema.setCurrentIndex(0)
        self.keamanan.setCurrentIndex(0)
        self.urgensi.setCurrentIndex(0)
        self.tanpa_disposisi.setChecked(False)
        self.tanggal_surat.setDate(self.received_at().date())
        self._duplicates = []
        set_message(self.duplicate_label, "", WARNING_COLOR)
        self.finish_clear()

    def clear_with_confirmation(self) -> None:
        if not self.confirm_clear():
            return
        self.clear_for_next()
        self.cara.setCurrentIndex(0)
        self.set_received_now()  # Esc starts afresh: a new batch, received now
        self.tanggal_surat.setDate(self.received_at().date())
        set_message(self.status_label, "", SUCCESS_COLOR)

    def focus_first(self) -> None:
        """Focus Asal surat: the first thing to type for the next letter (tanggal terima is usually right)."""
        self.asal.setFocus(Qt.FocusReason.TabFocusReason)

    # ------------------------------------------------------------------ keyboard
    def form_keys(self) -> dict[QKeyCombination, Callable[[], object]]:
        return {
            SAVE_KEY: self.save,
            SAVE_PRINT_KEY: lambda: self.save(print_after=True),
            CLEAR_KEY: self.clear_with_confirmation,
            FIND_KEY: self.find_requested.emit,
        }
