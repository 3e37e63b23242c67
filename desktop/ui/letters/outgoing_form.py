"""Agenda surat keluar: take an outgoing number for a signed letter, copy it, and keep the buku agenda keluar
(letters.md A2 step 6, B7, B9)."""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QStringListModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QKeyEvent,
    QShowEvent,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core import clock
from desktop.core.dates import format_date, format_date_numeric
from desktop.core.letters.rules import Keamanan, NumberTemplate, Skema, Urgensi, validate_code
from desktop.services.common import office
from desktop.services.common.errors import ServiceError, ValidationError
from desktop.services.common.permissions import Perm
from desktop.services.letters import incoming, outgoing
from desktop.ui import dialogs
from desktop.ui.context import UiContext
from desktop.ui.letters.agenda_filters import FILTER_KEY, FilterBar, FilterToggle
from desktop.ui.letters.common import (
    ERROR_COLOR,
    SUCCESS_COLOR,
    WARNING_COLOR,
    is_enter,
    key_of,
    muted,
    sequence,
    set_message,
)

PAGE_SIZE = 200
SEARCH_DELAY_MS = 250
ISSUE_KEY = sequence("Ctrl+S")
COPY_KEY = sequence("Ctrl+Shift+C")
CLEAR_KEY = sequence("Esc")
RELOAD_KEY = sequence("F5")
FIND_KEY = sequence("Ctrl+F")
TABLE_COPY_KEY = sequence("Ctrl+C")
INFO_ROLE = Qt.ItemDataRole.UserRole
_CODE_ROLE = Qt.ItemDataRole.UserRole
_AGENDA_TEXT = re.compile(r"^\s*(\d{1,7})\s*(?:/\s*(\d{4}))?\s*$")
_STATUS_COLORS = {"dipesan": WARNING_COLOR, "dikirim": SUCCESS_COLOR}


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _looks_like_code(text: str) -> bool:
    """Kode klasifikasi are numbers with dots (``800.1.11.1``); words typed in the picker are a search."""
    return any(ch.isdigit() for ch in text)


def _form_layout() -> QFormLayout:
    form = QFormLayout()
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setVerticalSpacing(5)
    form.setHorizontalSpacing(10)
    return form


def _hbox(*items: QWidget | int | tuple[QWidget, int]) -> QWidget:
    """Widgets side by side; a positive int is a stretch, 0 a fixed gap, (widget, n) a widget stretching n."""
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(8)
    for item in items:
        if isinstance(item, int):
            if item:
                row.addStretch(item)
            else:
                row.addSpacing(16)
        elif isinstance(item, tuple):
            row.addWidget(item[0], item[1])
        else:
            row.addWidget(item)
    box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    first = next(i for i in items if not isinstance(i, int))
    box.setFocusProxy(first[0] if isinstance(first, tuple) else first)
    return box


def signer_short(penandatangan: str) -> str:
    """The jabatan part of the snapshot "Kepala Dinas — Dr. …", for the narrow list column."""
    return penandatangan.split(" — ", 1)[0]


# ====================================================================================================== form


class OutgoingForm(QWidget):
    """One outgoing letter: Enter moves on, Ctrl+S takes the number, Ctrl+Shift+C copies it, Esc clears."""

    issued = Signal(object)  # OutgoingInfo of the number just taken

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
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
        title = QLabel(self.tr("Surat keluar baru"), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        title.setFont(font)
        keys_hint = QLabel(
            self.tr("Enter: isian berikutnya · Ctrl+S ambil nomor · Ctrl+Shift+C salin nomor"), self
        )
        muted(keys_hint, smaller=True)
        self.last_label = QLabel(self)
        self.last_label.setObjectName("lastNumber")
        self.last_label.setTextFormat(Qt.TextFormat.RichText)
        self.last_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        header = QHBoxLayout()
        header.addWidget(title)
        header.addSpacing(12)
        header.addWidget(keys_hint, 0, Qt.AlignmentFlag.AlignBottom)
        header.addStretch(1)
        header.addWidget(self.last_label)

        # --- what the letter is (left column)
        self.tanggal = QDateEdit(self)
        self.tanggal.setObjectName("tanggal_surat")
        self.tanggal.setDisplayFormat("dd/MM/yyyy")
        self.tanggal.setCalendarPopup(True)
        self.tanggal.setDate(_qdate(clock.today(self.zone)))
        date_hint = muted(
            QLabel(self.tr("tanggal tanda tangan; ketik tanpa garis miring"), self), smaller=True
        )
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

        self.perihal = QPlainTextEdit(self)
        self.perihal.setObjectName("perihal")
        self.perihal.setTabChangesFocus(True)
        self.perihal.setPlaceholderText(self.tr("hal surat (Shift+Enter untuk baris baru)"))
        lines = self.perihal.fontMetrics().lineSpacing()
        self.perihal.setFixedHeight(int(lines * 2.6) + 12)

        self.kode = QLineEdit(self)
        self.kode.setObjectName("kode_klasifikasi")
        self.kode.setPlaceholderText(self.tr("ketik kode atau kata, mis. 800.1.11 atau rapat"))
        self._code_model = QStandardItemModel(self)
        self.code_completer = QCompleter(self._code_model, self)
        self.code_completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.code_completer.setCompletionRole(_CODE_ROLE)
        self.code_completer.setMaxVisibleItems(12)
        self.kode.setCompleter(self.code_completer)
        self.kode.textEdited.connect(self._search_codes)
        self.kode.textChanged.connect(self._show_code_info)
        self.skema = QComboBox(self)
        self.skema.setObjectName("skema")
        self.skema.addItem(self.tr("83/2022"), Skema.PERMENDAGRI_83_2022.value)
        self.skema.addItem(self.tr("78/2012 (lama)"), Skema.PERMENDAGRI_78_2012.value)
        self.skema.currentIndexChanged.connect(lambda _i: self._show_code_info())
        self.code_info = QLabel(self)
        self.code_info.setObjectName("codeInfo")
        self.code_info.setWordWrap(True)
        muted(self.code_info, smaller=True)

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

        self.keamanan = QComboBox(self)
        self.keamanan.setObjectName("keamanan")
        for value in Keamanan:
            self.keamanan.addItem(f"{value.label} ({value.value})", value)
        self.urgensi = QComboBox(self)
        self.urgensi.setObjectName("urgensi")
        for value in Urgensi:
            self.urgensi.addItem(value.label, value)
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
        self.errors: dict[str, QLabel] = {}
        self.fields: dict[str, QWidget] = {
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
        left, right = _form_layout(), _form_layout()
        self._add_row(
            left,
            self.tr("Tan&ggal surat"),
            "tanggal_surat",
            _hbox(self.tanggal, date_hint, 1),
            extra=[self.backdate_label],
        )
        self._add_row(left, self.tr("&Tujuan"), "tujuan", self.tujuan)
        self._add_row(left, self.tr("Alama&t"), "alamat_tujuan", self.alamat)
        self._add_row(left, self.tr("Peri&hal"), "perihal", self.perihal)
        self._add_row(
            left,
            self.tr("Ko&de klasifikasi"),
            "kode_klasifikasi",
            _hbox(self.kode, self.skema),
            extra=[self.code_info],
        )
        self._add_row(left, self.tr("&Balasan atas"), "balasan_atas", self.balasan, extra=[self.balasan_info])
        urgensi_label = QLabel(self.tr("U&rgensi"), self)
        urgensi_label.setBuddy(self.urgensi)
        self._add_row(
            right,
            self.tr("Kea&manan"),
            "keamanan",
            _hbox(self.keamanan, 0, urgensi_label, self.urgensi, 1),
            also=["urgensi"],
        )
        self._add_row(right, self.tr("&Lampiran"), "lampiran", self.lampiran)
        self._add_row(right, self.tr("&Penanda tangan"), "signatory_id", self.penandatangan)
        self._add_row(right, self.tr("Pen&golah"), "pengolah", self.pengolah)
        self._add_row(right, self.tr("T&embusan"), "tembusan", self.tembusan)
        self._add_row(right, self.tr("&Seri nomor"), "seri_id", self.seri, also=["unit"])
        # One series is the usual case: the combo would only take room.
        right.setRowVisible(right.rowCount() - 1, self.seri.count() > 1)
        right.addRow("", self.sisipkan)
        right.addRow("", self.pesan)
        right.addRow(self.result_box)  # the number just taken, beside the form rather than under it

        columns = QHBoxLayout()
        columns.setSpacing(24)
        columns.addLayout(left, 11)
        columns.addLayout(right, 10)

        buttons = QHBoxLayout()
        buttons.addWidget(self.issue_button)
        buttons.addWidget(self.clear_button)
        buttons.addSpacing(12)
        buttons.addWidget(self.preview_label, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(6)
        layout.addLayout(header)
        layout.addLayout(columns)
        layout.addLayout(buttons)
        layout.addWidget(self.status_label)
        layout.addStretch(1)

        # --- keyboard
        self._enter_chain: list[QWidget] = [
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
        for first, second in itertools.pairwise(tab_order):
            QWidget.setTabOrder(first, second)
        for widget in tab_order:
            widget.installEventFilter(self)
        for edit in self._enter_chain:
            if isinstance(edit, QLineEdit):
                edit.returnPressed.connect(lambda e=edit: self._focus_next(e))

        self._connect_error_clearing()
        self.tanggal.dateChanged.connect(self._on_date_changed)
        self.sisipkan.toggled.connect(lambda _c: self._update_mode())
        self.pesan.toggled.connect(lambda _c: self._update_mode())
        self.keamanan.currentIndexChanged.connect(lambda _i: self._update_preview())
        self._show_code_info()
        self._update_mode()
        self.refresh_last_number()

    # ------------------------------------------------------------------ building helpers
    def _add_row(
        self,
        form: QFormLayout,
        label_text: str,
        name: str,
        field: QWidget,
        *,
        extra: list[QWidget] | None = None,
        also: list[str] | None = None,
    ) -> None:
        """A labelled row with a hidden error line under it; ``also`` names other fields sharing the row."""
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(field)
        for widget in extra or []:
            column.addWidget(widget)
        error = QLabel(box)
        error.setObjectName(f"error_{name}")
        error.setWordWrap(True)
        error.hide()
        column.addWidget(error)
        label = QLabel(label_text, self)
        label.setBuddy(self.fields[name])
        form.addRow(label, box)
        for key in [name, *(also or [])]:
            self.errors[key] = error

    def _connect_error_clearing(self) -> None:
        for name, widget in self.fields.items():
            if isinstance(widget, QLineEdit):
                widget.textEdited.connect(lambda _t, n=name: self.clear_error(n))
            elif isinstance(widget, QPlainTextEdit):
                widget.textChanged.connect(lambda n=name: self.clear_error(n))
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(lambda _i, n=name: self.clear_error(n))
            elif isinstance(widget, QDateEdit):
                widget.dateChanged.connect(lambda _d, n=name: self.clear_error(n))

    def _select_default_signer(self) -> None:
        index = self.penandatangan.findData(self._default_signer) if self._default_signer else -1
        self.penandatangan.setCurrentIndex(max(0, index))

    # ------------------------------------------------------------------ values
    def letter_date(self) -> date:
        return _pydate(self.tanggal.date())

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
        year = self.tanggal.date().year()
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

    def _on_date_changed(self, _value: QDate) -> None:
        if self.tanggal.date().year() != self._shown_year:
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

    def _search_codes(self, text: str) -> None:
        self._code_model.clear()
        if not text.strip():
            self.code_completer.popup().hide()
            return
        try:
            found = self.ctx.query(incoming.search_codes, text, skema=str(self.skema.currentData()), limit=30)
        except ServiceError:
            return
        for code in found:
            item = QStandardItem(f"{code.kode} — {code.uraian}")
            item.setData(code.kode, _CODE_ROLE)
            item.setToolTip(code.retensi or code.uraian)
            item.setEditable(False)
            self._code_model.appendRow(item)
        if found:
            self.code_completer.setCompletionPrefix(text)
            self.code_completer.complete()
        else:
            self.code_completer.popup().hide()

    def _show_code_info(self) -> None:
        kode = self.kode.text().strip()
        skema = str(self.skema.currentData())
        self._update_preview()
        if not kode:
            set_message(self.code_info, self.tr("Wajib: kode klasifikasi menjadi bagian nomor surat."), "")
            return
        if not _looks_like_code(kode):
            set_message(self.code_info, self.tr("Pilih kode dari daftar: ↓ lalu Enter."), "")
            return
        with self.ctx.read() as s:
            found = incoming.get_code(s, kode, skema)
            warning = "" if found else incoming.code_warning(s, kode, skema)
        if found is not None:
            retensi = found.retensi or self.tr("retensi belum tercatat")
            set_message(self.code_info, f"{found.uraian} · {self.tr('JRA')}: {retensi}", "")
        else:
            set_message(self.code_info, "⚠ " + warning, WARNING_COLOR)

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
            set_message(self.status_label, html.escape(message), ERROR_COLOR)
            return
        set_message(label, message, ERROR_COLOR)
        widget = self.fields.get(field or "")
        if widget is not None and widget.isVisible():
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            if isinstance(widget, QLineEdit):
                widget.selectAll()

    def clear_error(self, name: str) -> None:
        label = self.errors.get(name)
        if label is not None and label.text():
            set_message(label, "", ERROR_COLOR)

    def error_text(self, name: str) -> str:
        label = self.errors[name]
        return label.text() if not label.isHidden() else ""

    def clear_errors(self) -> None:
        for label in set(self.errors.values()):
            set_message(label, "", ERROR_COLOR)

    # ------------------------------------------------------------------ actions
    def issue(self) -> outgoing.OutgoingInfo | None:
        """Take the number. On a mistake the message sits under the field and nothing typed is lost."""
        if not self.isEnabled():
            return None
        self.clear_errors()
        set_message(self.status_label, "", SUCCESS_COLOR)
        kode = self.kode.text().strip()
        if kode and not _looks_like_code(kode):
            self.show_error(
                "kode_klasifikasi",
                self.tr("Pilih kode dari daftar (↓ lalu Enter); kata hanya untuk mencari."),
            )
            return None
        if not self.resolve_balasan():
            self.show_error("balasan_atas", self.balasan_info.text())
            return None
        data = self.input_data()
        service = outgoing.insert_number if self.sisipkan.isChecked() else outgoing.issue_number
        try:
            info = self.ctx.call(service, data)
        except ValidationError as exc:
            self.show_error(exc.field, str(exc))
            return None
        except ServiceError as exc:
            self.show_error(None, str(exc))
            return None
        self.show_issued(info)
        self.clear_for_next()
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
        self.number_detail.setText(" · ".join(parts))
        self.number_detail.setToolTip(info.tujuan)
        self.result_box.show()

    def copy_number(self) -> str:
        """Put the number just taken on the clipboard, to paste into the letter."""
        if self.last_info is None:
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
        self._code_model.clear()
        self._forget_balasan()
        self.clear_errors()
        self.focus_first()

    def clear_with_confirmation(self) -> None:
        if self.is_dirty() and not dialogs.confirm(
            self,
            self.tr("Kosongkan formulir"),
            self.tr("Isian surat yang sedang diketik akan dihapus. Kosongkan formulir?"),
            yes=self.tr("Kosongkan"),
            no=self.tr("Batal"),
            danger=True,
        ):
            return
        self.clear_for_next()
        self.tanggal.setDate(_qdate(clock.today(self.zone)))
        self._select_default_signer()
        set_message(self.status_label, "", SUCCESS_COLOR)

    def focus_first(self) -> None:
        """Focus Tujuan: tanggal surat is usually today's and stays for a batch."""
        self.tujuan.setFocus(Qt.FocusReason.TabFocusReason)

    def _focus_next(self, current: QWidget) -> None:
        try:
            start = self._enter_chain.index(current)
        except ValueError:
            return
        for widget in self._enter_chain[start + 1 :]:
            if widget.isVisibleTo(self) and widget.isEnabled():
                widget.setFocus(Qt.FocusReason.TabFocusReason)
                return

    # ------------------------------------------------------------------ keyboard
    def _own_key(self, event: QKeyEvent) -> bool:
        return key_of(event) in (ISSUE_KEY, COPY_KEY, CLEAR_KEY)

    def _run_key(self, event: QKeyEvent) -> None:
        key = key_of(event)
        if key == ISSUE_KEY:
            self.issue()
        elif key == COPY_KEY:
            self.copy_number()
        elif key == CLEAR_KEY:
            self.clear_with_confirmation()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent) and isinstance(watched, QWidget):
            if event.type() == QEvent.Type.ShortcutOverride and self._own_key(event):
                event.accept()
                return True
            if event.type() == QEvent.Type.KeyPress:
                if self._own_key(event):
                    self._run_key(event)
                    return True
                if is_enter(event) and self._enter_moves_on(watched, event):
                    if isinstance(watched, QPushButton):
                        watched.click()
                    else:
                        self._focus_next(watched)
                    return True
        return super().eventFilter(watched, event)

    def _enter_moves_on(self, watched: QWidget, event: QKeyEvent) -> bool:
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers != Qt.KeyboardModifier.NoModifier:
            return False  # Shift+Enter in Perihal is a new line
        return not isinstance(watched, QLineEdit)

    def event(self, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent) and self._own_key(event):
            if event.type() == QEvent.Type.ShortcutOverride:
                event.accept()
                return True
            if event.type() == QEvent.Type.KeyPress:
                self._run_key(event)
                return True
        return super().event(event)


# ====================================================================================================== list


class OutgoingTableModel(QAbstractTableModel):
    """Rows of ``OutgoingInfo``, newest number first, fetched a page at a time as the view scrolls; a header
    click sorts in SQL and fetches again from the first page."""

    COLUMNS = ("Nomor surat", "Tgl surat", "Tujuan", "Perihal", "Kode", "Penanda tangan", "Status")
    NOMOR, TANGGAL, TUJUAN, PERIHAL, KODE, PENANDATANGAN, STATUS = range(7)
    SORT_KEYS = outgoing.OUTGOING_SORT_KEYS  # one per column, in the order of COLUMNS
    NEWEST_FIRST = (NOMOR, TANGGAL)

    sorted = Signal()  # after a sort() that changed the order and reloaded

    def __init__(self, fetch: Callable[[int], tuple[list[outgoing.OutgoingInfo], int]]) -> None:
        super().__init__()
        self._fetch = fetch
        self.rows: list[outgoing.OutgoingInfo] = []
        self.total = 0
        self.sort_spec: tuple[str, bool] | None = None  # None: the book's own order, newest number first

    def reload(self) -> None:
        rows, total = self._fetch(0)
        self.beginResetModel()
        self.rows, self.total = list(rows), total
        self.endResetModel()

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        more, total = self._fetch(len(self.rows))
        known = {r.id for r in self.rows}
        more = [r for r in more if r.id not in known]
        self.total = total
        if not more:
            self.total = len(self.rows)
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
        self.rows.extend(more)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        descending = order == Qt.SortOrder.DescendingOrder
        spec: tuple[str, bool] | None = None
        if 0 < column < len(self.SORT_KEYS) or (column == self.NOMOR and not descending):
            spec = (self.SORT_KEYS[column], descending)
        if spec == self.sort_spec:  # the nomor column newest first is the book's own order
            return
        self.sort_spec = spec
        self.reload()
        self.sorted.emit()

    def info(self, row: int) -> outgoing.OutgoingInfo | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, letter_id: int) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == letter_id), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.COLUMNS[section])
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.InitialSortOrderRole:
            newest = section in self.NEWEST_FIRST
            return Qt.SortOrder.DescendingOrder if newest else Qt.SortOrder.AscendingOrder
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Klik untuk mengurutkan menurut kolom ini; klik lagi untuk membalik urutan")
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        info = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(info, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(info)
        if role == INFO_ROLE:
            return info
        if role == Qt.ItemDataRole.ForegroundRole:
            if info.status == "batal" or (info.masked and column == self.PERIHAL):
                return QBrush(QColor("#7a7a7a"))
            if column == self.STATUS and info.status in _STATUS_COLORS:
                return QBrush(QColor(_STATUS_COLORS[info.status]))
            return None
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            if info.status == "batal":
                font.setStrikeOut(column != self.STATUS)
                return font
            if column == self.NOMOR:
                font.setBold(True)
                font.setItalic(info.status == "dipesan")
                return font
            if info.masked and column == self.PERIHAL:
                font.setItalic(True)
                return font
            return None
        return None

    def _text(self, info: outgoing.OutgoingInfo, column: int) -> str:
        if column == self.NOMOR:
            return info.nomor_surat
        if column == self.TANGGAL:
            return format_date_numeric(info.tanggal_surat)
        if column == self.TUJUAN:
            return info.tujuan
        if column == self.PERIHAL:
            return " ".join(info.perihal.split())
        if column == self.KODE:
            return info.kode_klasifikasi
        if column == self.PENANDATANGAN:
            return signer_short(info.penandatangan)
        if column == self.STATUS:
            if info.status == "dikirim" and info.tanggal_kirim is not None:
                return self.tr("Dikirim {0}").format(
                    f"{info.tanggal_kirim.day:02d}-{info.tanggal_kirim.month:02d}"
                )
            return info.status_label
        return ""

    def _tooltip(self, info: outgoing.OutgoingInfo) -> str:
        lines = [
            self.tr("Nomor {0}{1}").format(
                info.nomor_surat, self.tr(" (sisipan)") if info.is_inserted else ""
            ),
            self.tr("Tanggal surat: {0}").format(format_date(info.tanggal_surat)),
            self.tr("Kepada: {0}").format(
                info.tujuan + (f", {info.alamat_tujuan}" if info.alamat_tujuan else "")
            ),
            self.tr("Perihal: {0}").format(info.perihal),
            self.tr("Keamanan {0}, urgensi {1}").format(info.keamanan.label, info.urgensi.label),
        ]
        if info.lampiran:
            lines.append(self.tr("Lampiran: {0}").format(info.lampiran))
        if info.penandatangan:
            lines.append(self.tr("Penanda tangan: {0}").format(info.penandatangan))
        if info.pengolah:
            lines.append(self.tr("Pengolah: {0}").format(info.pengolah))
        if info.tembusan:
            lines.append(self.tr("Tembusan: {0}").format(info.tembusan))
        if info.balasan_atas:
            lines.append(self.tr("Balasan atas agenda masuk {0}").format(info.balasan_atas))
        if info.tanggal_kirim:
            lines.append(
                self.tr("Dikirim {0} lewat {1}").format(format_date(info.tanggal_kirim), info.media_label)
            )
        lines.append(self.tr("Status: {0}").format(info.status_label))
        if info.batal_alasan:
            lines.append(self.tr("Alasan batal: {0}").format(info.batal_alasan))
        return "\n".join(lines)


class SentDialog(QDialog):
    """Tanggal kirim and media of a signed letter."""

    def __init__(self, info: outgoing.OutgoingInfo, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tandai terkirim: {0}").format(info.nomor_surat))
        self.tanggal = QDateEdit(self)
        self.tanggal.setDisplayFormat("dd/MM/yyyy")
        self.tanggal.setCalendarPopup(True)
        self.tanggal.setDate(_qdate(info.tanggal_kirim or max(today, info.tanggal_surat)))
        self.media = QComboBox(self)
        for key, label in outgoing.MEDIA_LABELS.items():
            self.media.addItem(label, key)
        self.media.setCurrentIndex(max(0, self.media.findData(info.media)))
        form = QFormLayout()
        form.addRow(QLabel(self.tr("Surat {0} untuk {1}").format(info.nomor_surat, info.tujuan), self))
        form.addRow(self.tr("Tanggal &kirim"), self.tanggal)
        form.addRow(self.tr("&Media"), self.media)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.tr("Simpan"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def values(self) -> tuple[date, str]:
        return _pydate(self.tanggal.date()), str(self.media.currentData())


class OutgoingList(QWidget):
    """Buku agenda keluar of one year (or a date range): copy a number, confirm a reservation, mark sent, cancel
    with a reason; Ctrl+F searches, Ctrl+Shift+F shows the filters, a click on a header sorts."""

    changed = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("outgoingList")
        with ctx.read() as s:
            self.zone = office.get_profile(s).zona_waktu or "WIB"
        can_write = ctx.actor.can(Perm.WRITE_LETTERS)

        title = QLabel(self.tr("Buku agenda surat keluar"), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        title.setFont(font)

        self.year = QSpinBox(self)
        self.year.setObjectName("year")
        self.year.setRange(2000, 2100)
        self.year.setValue(clock.today(self.zone).year)
        self.year.setAccessibleName(self.tr("Tahun agenda keluar"))
        self.year.valueChanged.connect(lambda _v: self.reload())
        year_label = QLabel(self.tr("Tahun"), self)
        year_label.setBuddy(self.year)

        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Cari nomor, tujuan, perihal atau kode… (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.count_label = muted(QLabel(self))
        self.count_label.setObjectName("countLabel")

        self.filter_bar = FilterBar(
            date_label=self.tr("Tgl surat"),
            name_placeholder=self.tr("Tujuan"),
            statuses=outgoing.STATUS_LABELS,
            today=clock.today(self.zone),
            parent=self,
        )
        self.filter_bar.hide()  # the list shares the screen with the form: filters only when asked for
        self.filter_bar.changed.connect(self._filters_changed)
        self.filter_toggle = FilterToggle(self)
        self.filter_toggle.toggled.connect(self.filter_bar.setVisible)

        self.model = OutgoingTableModel(self._fetch)
        self.table = QTableView(self)
        self.table.setObjectName("outgoingTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(OutgoingTableModel.PERIHAL, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        header.setSortIndicatorShown(True)
        header.setSortIndicatorClearable(True)  # a third click goes back to the book's own order
        header.setSortIndicator(OutgoingTableModel.NOMOR, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)  # the model sorts in SQL (OutgoingTableModel.sort)
        self.model.sorted.connect(self._after_sort)
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self._kept_selection: int | None = None
        metrics = self.table.fontMetrics()
        bold = QFont(self.table.font())
        bold.setBold(True)
        widths = {
            OutgoingTableModel.NOMOR: QFontMetrics(bold).horizontalAdvance("800.1.11.13/157.01/SEK.UM/2026")
            + 16,
            OutgoingTableModel.TANGGAL: metrics.horizontalAdvance("22-11-2026") + 16,
            OutgoingTableModel.TUJUAN: 240,
            OutgoingTableModel.KODE: metrics.horizontalAdvance("800.1.11.13") + 16,
            OutgoingTableModel.PENANDATANGAN: metrics.horizontalAdvance("Kepala Sub Bagian Umum") + 16,
            OutgoingTableModel.STATUS: metrics.horizontalAdvance("Dipesan (konsep)") + 16,
        }
        for column, width in widths.items():
            self.table.setColumnWidth(column, width)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.doubleClicked.connect(lambda _i: self.copy_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_actions())
        self.model.modelReset.connect(self._update_count)
        self.model.rowsInserted.connect(lambda *_a: self._update_count())

        self.copy_button = QPushButton(self.tr("Salin nomor"), self)
        self.copy_button.setToolTip(self.tr("Salin nomor surat terpilih ke papan klip (Ctrl+C)"))
        self.copy_button.clicked.connect(self.copy_selected)
        self.confirm_button = QPushButton(self.tr("Konfirmasi…"), self)
        self.confirm_button.setToolTip(self.tr("Nomor yang dipesan: surat sudah ditandatangani"))
        self.confirm_button.clicked.connect(self.confirm_selected)
        self.sent_button = QPushButton(self.tr("Tandai terkirim…"), self)
        self.sent_button.setToolTip(self.tr("Catat tanggal kirim dan media pengiriman"))
        self.sent_button.clicked.connect(self.mark_sent_selected)
        self.cancel_button = QPushButton(self.tr("Batalkan…"), self)
        self.cancel_button.setToolTip(self.tr("Tandai nomor terpilih batal; nomornya tetap tercatat"))
        self.cancel_button.clicked.connect(self.cancel_selected)
        self.reload_button = QPushButton(self.tr("Muat ulang"), self)
        self.reload_button.setToolTip(self.tr("Muat ulang daftar (F5)"))
        self.reload_button.clicked.connect(lambda: self.reload())
        for button in (self.confirm_button, self.sent_button, self.cancel_button):
            button.setVisible(can_write)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)

        self.copy_action = QAction(self.tr("Salin nomor"), self)
        self.copy_action.triggered.connect(self.copy_selected)
        self.confirm_action = QAction(self.tr("Konfirmasi sudah ditandatangani…"), self)
        self.confirm_action.triggered.connect(self.confirm_selected)
        self.sent_action = QAction(self.tr("Tandai terkirim…"), self)
        self.sent_action.triggered.connect(self.mark_sent_selected)
        self.cancel_action = QAction(self.tr("Batalkan nomor…"), self)
        self.cancel_action.triggered.connect(self.cancel_selected)
        self.reload_action = QAction(self.tr("Muat ulang"), self)
        self.reload_action.triggered.connect(lambda: self.reload())

        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(12)
        top.addWidget(self.search, 1)
        top.addWidget(self.filter_toggle)
        top.addWidget(self.count_label)
        top.addSpacing(12)
        top.addWidget(year_label)
        top.addWidget(self.year)
        actions = QHBoxLayout()
        actions.addWidget(self.copy_button)
        actions.addWidget(self.confirm_button)
        actions.addWidget(self.sent_button)
        actions.addStretch(1)
        actions.addWidget(self.cancel_button)
        actions.addWidget(self.reload_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 8)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)

        for widget in (
            self.year,
            self.search,
            self.table,
            self.filter_toggle,
            *self.findChildren(QPushButton),
            *self.filter_bar.findChildren(QWidget),
        ):
            widget.installEventFilter(self)
        self.reload()

    # ------------------------------------------------------------------ data
    def current_filter(self) -> outgoing.OutgoingFilter:
        """What the filter bar says, as the service's filter (also while the bar is hidden)."""
        bar = self.filter_bar
        dari, sampai = bar.date_range()
        return outgoing.OutgoingFilter(
            dari=dari,
            sampai=sampai,
            tujuan=bar.name_text(),
            kode_klasifikasi=bar.kode_text(),
            keamanan=bar.keamanan_value(),
            urgensi=bar.urgensi_value(),
            status=bar.status_value(),
        )

    def _fetch(self, offset: int) -> tuple[list[outgoing.OutgoingInfo], int]:
        filters = self.current_filter()
        try:
            return self.ctx.query(
                outgoing.list_outgoing,
                # A date range replaces the year: a range across the new year is not cut at 1 January.
                tahun=None if filters.dari is not None else self.year.value(),
                text=self.search.text(),
                filters=filters,
                sort=self.model.sort_spec,
                limit=PAGE_SIZE,
                offset=offset,
            )
        except ServiceError as exc:
            dialogs.error(self, self.tr("Agenda surat keluar"), str(exc))
            return [], 0

    def reload(self, select_id: int | None = None) -> None:
        self._search_timer.stop()
        keep = select_id if select_id is not None else self.selected_id()
        self.model.reload()
        if (keep is None or not self.select(keep)) and self.model.rows:
            self.table.selectRow(0)
        self._update_actions()

    def show_letter(self, info: outgoing.OutgoingInfo) -> None:
        """Show a letter just numbered: its year, no stale search or filter, selected."""
        if self.year.value() != info.tahun:
            self.year.blockSignals(True)
            self.year.setValue(info.tahun)
            self.year.blockSignals(False)
        if self.search.text():
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
        if self.current_filter().active_count:
            self.filter_bar.blockSignals(True)
            self.filter_bar.clear()
            self.filter_bar.blockSignals(False)
            self._filters_changed()
        self.reload(select_id=info.id)
        if self.selected_id() != info.id and self.model.sort_spec is not None:
            # Sorted by another column the new number may sit pages down: back to the book's own order.
            self.table.horizontalHeader().setSortIndicator(
                OutgoingTableModel.NOMOR, Qt.SortOrder.DescendingOrder
            )
            self.select(info.id)

    def _filters_changed(self) -> None:
        """Count the filters on the toggle and reload after the same pause as typing in the search box."""
        self.filter_toggle.set_count(self.current_filter().active_count)
        ranged = self.filter_bar.date_range()[0] is not None
        self.year.setEnabled(not ranged)
        self.year.setToolTip(self.tr("Rentang tanggal surat dipakai sebagai ganti tahun") if ranged else "")
        self._search_timer.start()

    def toggle_filters(self) -> None:
        """Ctrl+Shift+F: show the filter row and put the cursor in it, or hide it and go back to the table."""
        if self.filter_bar.isVisible() and not self.filter_bar.isAncestorOf(self.focusWidget()):
            self.filter_bar.focus_first()
            return
        self.filter_toggle.setChecked(not self.filter_toggle.isChecked())
        if self.filter_bar.isVisible():
            self.filter_bar.focus_first()
        else:
            self.table.setFocus()

    def _remember_selection(self) -> None:
        self._kept_selection = self.selected_id()

    def _after_sort(self) -> None:
        """A header click fetched the first page in the new order: keep the letter selected, else the first."""
        self._update_count()
        if (self._kept_selection is None or not self.select(self._kept_selection)) and self.model.rows:
            self.table.selectRow(0)
            self.table.scrollToTop()
        self._update_actions()

    def select(self, letter_id: int) -> bool:
        row = self.model.row_of(letter_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def selected_info(self) -> outgoing.OutgoingInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.info(rows[0].row()) if rows else None

    def selected_id(self) -> int | None:
        info = self.selected_info()
        return info.id if info is not None else None

    def _update_count(self) -> None:
        shown, total = len(self.model.rows), self.model.total
        if self.search.text().strip() or self.filter_toggle.count:
            text = self.tr("menampilkan {0} dari {1} yang cocok").format(shown, total)
        else:
            text = self.tr("menampilkan {0} dari {1} nomor").format(shown, total)
        self.count_label.setText(text)

    def _update_actions(self) -> None:
        info = self.selected_info()
        write = self.ctx.actor.can(Perm.WRITE_LETTERS)
        status = info.status if info is not None else ""
        self.copy_button.setEnabled(info is not None)
        self.copy_action.setEnabled(info is not None)
        for widget in (self.confirm_button, self.confirm_action):
            widget.setEnabled(write and status == "dipesan")
        for widget in (self.sent_button, self.sent_action):
            widget.setEnabled(write and status in ("ditandatangani", "dikirim"))
        for widget in (self.cancel_button, self.cancel_action):
            widget.setEnabled(write and status not in ("", "batal"))
        self.sent_button.setText(
            self.tr("Ubah pengiriman…") if status == "dikirim" else self.tr("Tandai terkirim…")
        )

    # ------------------------------------------------------------------ actions
    def copy_selected(self) -> str:
        info = self.selected_info()
        if info is None:
            return ""
        QGuiApplication.clipboard().setText(info.nomor_surat)
        return info.nomor_surat

    def _run(self, title: str, fn: Callable[..., outgoing.OutgoingInfo], *args: object) -> bool:
        try:
            info = self.ctx.call(fn, *args)
        except ServiceError as exc:
            dialogs.error(self, title, str(exc))
            return False
        self.reload(select_id=info.id)
        self.changed.emit()
        return True

    def ask_signed_date(self, info: outgoing.OutgoingInfo) -> date | None:
        """Tanggal surat as signed (prefilled with the reserved date); None when the clerk backs out."""
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Konfirmasi nomor {0}").format(info.nomor_surat))
        edit = QDateEdit(dialog)
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.setCalendarPopup(True)
        edit.setDate(_qdate(info.tanggal_surat))
        form = QFormLayout()
        note = QLabel(
            self.tr("Surat untuk {0} sudah ditandatangani. Periksa tanggal surat:").format(info.tujuan),
            dialog,
        )
        note.setWordWrap(True)
        form.addRow(note)
        form.addRow(self.tr("Tanggal &surat"), edit)
        buttons = QDialogButtonBox(dialog)
        buttons.addButton(self.tr("Konfirmasi"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addLayout(form)
        layout.addWidget(buttons)
        if not dialog.exec():
            return None
        return _pydate(edit.date())

    def confirm_selected(self) -> bool:
        info = self.selected_info()
        if info is None or info.status != "dipesan" or not self.ctx.actor.can(Perm.WRITE_LETTERS):
            return False
        signed = self.ask_signed_date(info)
        if signed is None:
            return False
        return self._run(self.tr("Konfirmasi nomor"), outgoing.confirm_reserved, info.id, signed)

    def ask_sent(self, info: outgoing.OutgoingInfo) -> tuple[date, str] | None:
        dialog = SentDialog(info, clock.today(self.zone), self)
        if not dialog.exec():
            return None
        return dialog.values()

    def mark_sent_selected(self) -> bool:
        info = self.selected_info()
        if info is None or info.status not in ("ditandatangani", "dikirim"):
            return False
        if not self.ctx.actor.can(Perm.WRITE_LETTERS):
            return False
        answer = self.ask_sent(info)
        if answer is None:
            return False
        return self._run(self.tr("Tandai terkirim"), outgoing.mark_sent, info.id, *answer)

    def ask_reason(self, info: outgoing.OutgoingInfo) -> str | None:
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Batalkan nomor {0}").format(info.nomor_surat))
        dialog.setLabelText(
            self.tr("Alasan pembatalan nomor {0} ({1}):").format(info.nomor_surat, info.tujuan)
        )
        dialog.setOkButtonText(self.tr("Lanjut"))
        dialog.setCancelButtonText(self.tr("Batal"))
        dialog.resize(480, dialog.sizeHint().height())
        if not dialog.exec():
            return None
        return dialog.textValue().strip() or None

    def cancel_selected(self) -> bool:
        info = self.selected_info()
        if info is None or info.status == "batal" or not self.ctx.actor.can(Perm.WRITE_LETTERS):
            return False
        reason = self.ask_reason(info)
        if reason is None:
            return False
        sent = (
            self.tr("\n\nSurat ini sudah tercatat DIKIRIM; batalkan hanya bila surat ditarik kembali.")
            if info.status == "dikirim"
            else ""
        )
        if not dialogs.confirm(
            self,
            self.tr("Batalkan nomor"),
            self.tr(
                "Nomor {0} untuk {1} akan ditandai BATAL dengan alasan:\n“{2}”\n\n"
                "Nomornya tetap tercatat dan tidak akan dipakai lagi. Lanjutkan?{3}"
            ).format(info.nomor_surat, info.tujuan, reason, sent),
            yes=self.tr("Batalkan nomor"),
            no=self.tr("Kembali"),
            danger=True,
        ):
            return False
        return self._run(self.tr("Batalkan nomor"), outgoing.cancel, info.id, reason)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if index.isValid():
            self.table.selectRow(index.row())
        menu = QMenu(self)
        menu.addAction(self.copy_action)
        if self.ctx.actor.can(Perm.WRITE_LETTERS):
            menu.addAction(self.confirm_action)
            menu.addAction(self.sent_action)
            menu.addSeparator()
            menu.addAction(self.cancel_action)
        menu.addSeparator()
        menu.addAction(self.reload_action)
        menu.exec(self.table.viewport().mapToGlobal(pos))

    # ------------------------------------------------------------------ keyboard
    def _handle_key(self, watched: QObject, event: QKeyEvent, run: bool) -> bool:
        key = key_of(event)
        if key == RELOAD_KEY:
            if run:
                self.reload()
            return True
        if key == FIND_KEY:
            if run:
                self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
                self.search.selectAll()
            return True
        if key == COPY_KEY or (key == TABLE_COPY_KEY and watched is self.table):
            if run:
                self.copy_selected()
            return True
        if key == FILTER_KEY:
            if run:
                self.toggle_filters()
            return True
        return False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent):
            if event.type() == QEvent.Type.ShortcutOverride and self._handle_key(watched, event, run=False):
                event.accept()
                return True
            if event.type() == QEvent.Type.KeyPress:
                if self._handle_key(watched, event, run=True):
                    return True
                if watched is self.search and (is_enter(event) or event.key() == Qt.Key.Key_Down):
                    if is_enter(event):
                        self.reload()
                    self.table.setFocus()
                    if self.model.rows and not self.selected_info():
                        self.table.selectRow(0)
                    return True
                if (
                    isinstance(watched, QLineEdit)
                    and self.filter_bar.isAncestorOf(watched)
                    and is_enter(event)
                ):
                    self.reload()  # no need to wait for the pause
                    return True
        return super().eventFilter(watched, event)


# ====================================================================================================== panel


class OutgoingPanel(QWidget):
    """Agenda Keluar: the numbering form above the buku agenda keluar."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("outgoingPanel")
        self.can_write = ctx.actor.can(Perm.WRITE_LETTERS)
        self._focused_once = False

        self.form = OutgoingForm(ctx)
        self.list = OutgoingList(ctx)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.setSpacing(0)
        self.read_only_note: QLabel | None = None
        if not self.can_write:
            note = QLabel(
                self.tr(
                    "Anda masuk sebagai {0}: buku agenda keluar dapat dilihat dan nomornya disalin; "
                    "nomor surat keluar diberikan oleh pengelola surat."
                ).format(ctx.actor.role.label)
            )
            note.setObjectName("readOnlyNote")
            note.setWordWrap(True)
            note.setStyleSheet(
                "QLabel { background: palette(alternate-base); border: 1px solid palette(mid); "
                "border-radius: 4px; padding: 6px; margin: 8px 12px 0 12px; }"
            )
            top_layout.addWidget(note)
            self.read_only_note = note
            self.form.setEnabled(False)
            # Greyed fields with examples in them read as filled in: a read-only form shows no examples.
            for edit in self.form.findChildren(QLineEdit) + self.form.findChildren(QPlainTextEdit):
                edit.setPlaceholderText("")
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.form)
        top_layout.addWidget(scroll, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("agendaKeluarSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.list)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([self._form_height(), 10_000])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self.form.installEventFilter(self)
        self.form.issued.connect(self.list.show_letter)
        self.list.changed.connect(self.form.refresh_last_number)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.form and event.type() == QEvent.Type.LayoutRequest:
            QTimer.singleShot(0, self, self._fit_form)  # a message or the issued number appeared
        return super().eventFilter(watched, event)

    def _form_height(self) -> int:
        note = 0
        if self.read_only_note is not None:
            # A wrapped label's size hint assumes a narrow width; ask for its height at the real width.
            width = max(self.width() - 24, 400)
            note = self.read_only_note.heightForWidth(width) + 16
        return self.form.sizeHint().height() + note + 2

    def _fit_form(self) -> None:
        needed = self._form_height()
        top, bottom = self.splitter.sizes()
        if top < needed and top + bottom > needed + 200:
            self.splitter.setSizes([needed, top + bottom - needed])

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._focused_once:
            self._focused_once = True
            QTimer.singleShot(0, self, self._first_show)

    def _first_show(self) -> None:
        """Size the form pane to what it needs at the real width, and put the cursor in it."""
        top, bottom = self.splitter.sizes()
        needed = self._form_height()
        if top + bottom > needed + 200:
            self.splitter.setSizes([needed, top + bottom - needed])
        if self.can_write:
            self.form.focus_first()
