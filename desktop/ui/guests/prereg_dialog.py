"""Pra-registrasi by phone (R18): the desk registers a guest for a coming day and reads out the code; the
registrations expected on a chosen date beside it."""

from __future__ import annotations

import html
from datetime import date, timedelta

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.dates import format_date_long
from desktop.printing.guests.prereg_slip import PreregSlip, build_prereg_slip
from desktop.services.common import calendar as work_calendar
from desktop.services.common import office
from desktop.services.common.errors import ServiceError, ValidationError
from desktop.services.guests import hosts, prereg, reference
from desktop.services.guests.visits import VisitView, WalkIn
from desktop.ui import dialogs
from desktop.ui.context import UiContext
from desktop.ui.guests.walk_in_form import find_host
from desktop.ui.print_preview import PrintPreviewDialog
from desktop.ui.widgets.dates import DateField
from desktop.ui.widgets.forms import FormRows, form_layout
from desktop.ui.widgets.messages import muted, set_message
from desktop.ui.widgets.palette import ERROR_COLOR, SUCCESS_COLOR
from desktop.ui.widgets.screen_fit import fit_to_screen, scroll_form
from desktop.ui.widgets.tables import heading

EXPECTED_COLUMNS = ("Kode", "Nama", "Instansi", "Keperluan", "Tujuan")


class _ExpectedModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[VisitView] = []

    def set_rows(self, rows: list[VisitView]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(EXPECTED_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return EXPECTED_COLUMNS[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        v = self.rows[index.row()]
        return (v.kode_registrasi or "", v.nama, v.instansi, v.keperluan, v.tujuan)[index.column()]


class PreregDialog(QDialog):
    """Nama, keperluan, tujuan (the walk-in form's pickers), instansi, no. HP and the date (the next working
    day by default) → the code in large letters, its slip (with the QR) through the print preview, and the
    list of registrations expected on a date."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("preregDialog")
        self.setWindowTitle(self.tr("Pra-registrasi tamu"))
        self.last: VisitView | None = None
        self.preview: PrintPreviewDialog | None = None
        with ctx.read() as s:
            self.today = office.today(s)
            self.default_day = work_calendar.working_calendar(s).next_working_day(
                self.today + timedelta(days=1)
            )
            self.office_name = office.get_profile(s).nama_dinas
            keperluan = [k.nama for k in reference.list_keperluan(s)]
            self.host_list = hosts.list_hosts(s, ctx.actor)

        self.nama = QLineEdit(self)
        self.nama.setObjectName("nama")
        self.nama.setMaxLength(200)
        self.keperluan = self._combo("keperluan", keperluan, self.tr("ketik atau pilih"))
        self.tujuan = self._combo(
            "tujuan", [h.label for h in self.host_list], self.tr("unit kerja atau pegawai yang dituju")
        )
        completer = QCompleter(self.tujuan.model(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.tujuan.setCompleter(completer)
        self.instansi = QLineEdit(self)
        self.instansi.setObjectName("instansi")
        self.instansi.setMaxLength(200)
        self.no_hp = QLineEdit(self)
        self.no_hp.setObjectName("no_hp")
        self.no_hp.setMaxLength(30)
        self.tanggal = DateField(self, self.default_day, required=True, minimum=self.today, today=self.today)
        self.tanggal.setObjectName("tanggal")

        content = QWidget(self)
        form = form_layout()
        self.rows = FormRows(content, form)
        self.rows.add(self.tr("&Nama"), "nama", self.nama)
        self.rows.add(self.tr("&Keperluan"), "keperluan", self.keperluan)
        self.rows.add(self.tr("&Tujuan"), "tujuan", self.tujuan)
        self.rows.add(self.tr("&Instansi/asal"), "instansi", self.instansi)
        self.rows.add(self.tr("No. &HP"), "no_hp", self.no_hp)
        self.rows.add(self.tr("Tangga&l datang"), "tanggal", self.tanggal.boxed())
        self.rows.fields["tanggal"] = self.tanggal
        self.rows.require("nama", self.tr("Nama tamu wajib diisi."))
        self.rows.clear_on_edit()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addLayout(form)

        self.save_button = QPushButton(self.tr("&Daftarkan"), self)
        self.save_button.setObjectName("saveButton")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(lambda: self.save())
        self.status = QLabel(self)
        self.status.setObjectName("preregStatus")
        self.status.setWordWrap(True)
        self.status.hide()

        # --- the code just given
        self.code_label = QLabel(self)
        self.code_label.setObjectName("codeLabel")
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.code_label.font()
        font.setPointSizeF(font.pointSizeF() * 2.6)
        font.setBold(True)
        font.setFamilies(["DejaVu Sans Mono", "Consolas", "monospace"])
        self.code_label.setFont(font)
        self.code_note = muted(QLabel(self))
        self.code_note.setWordWrap(True)
        self.code_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.slip_button = QPushButton(self.tr("&Cetak slip (QR)…"), self)
        self.slip_button.setObjectName("slipButton")
        self.slip_button.setAutoDefault(False)
        self.slip_button.clicked.connect(self.print_slip)
        for widget in (self.code_label, self.code_note, self.slip_button):
            widget.hide()

        # --- expected on a date
        self.expected_day = DateField(self, self.default_day, today=self.today)
        self.expected_day.setObjectName("expectedDay")
        self.expected_day.dateChanged.connect(lambda _d: self.refresh_expected())
        day_label = QLabel(self.tr("Terdaftar untuk tangga&l"), self)
        day_label.setBuddy(self.expected_day)
        self.expected_model = _ExpectedModel()
        self.expected = QTableView(self)
        self.expected.setObjectName("expectedTable")
        self.expected.setModel(self.expected_model)
        self.expected.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.expected.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.expected.setAlternatingRowColors(True)
        self.expected.setTabKeyNavigation(False)
        self.expected.verticalHeader().hide()
        header = self.expected.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.expected.setColumnWidth(0, 100)
        self.expected.setColumnWidth(1, 160)
        self.expected_count = muted(QLabel(self))
        close = QPushButton(self.tr("&Tutup"), self)
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)

        left = QVBoxLayout()
        left.addWidget(heading(self.tr("Daftarkan tamu"), self))
        left.addWidget(scroll_form(content, self), 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        left.addLayout(buttons)
        left.addWidget(self.status)
        left.addWidget(self.code_label)
        left.addWidget(self.code_note)
        left.addWidget(self.slip_button, 0, Qt.AlignmentFlag.AlignHCenter)
        right = QVBoxLayout()
        top = QHBoxLayout()
        top.addWidget(day_label)
        top.addWidget(self.expected_day)
        top.addStretch(1)
        right.addLayout(top)
        right.addWidget(self.expected, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.expected_count, 1)
        bottom.addWidget(close)
        right.addLayout(bottom)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 2)
        layout.addLayout(right, 3)
        fit_to_screen(self, 1000, 520)
        self.refresh_expected()
        self.nama.setFocus()

    def _combo(self, name: str, items: list[str], placeholder: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.addItems(items)
        combo.setCurrentIndex(-1)
        combo.lineEdit().setPlaceholderText(placeholder)
        return combo

    # ------------------------------------------------------------------ saving
    def problems(self) -> list[tuple[str | None, str]]:
        found = self.rows.missing()
        if not self.keperluan.currentText().strip():
            found.append(("keperluan", self.tr("Keperluan wajib diisi.")))
        tujuan = self.tujuan.currentText().strip()
        if not tujuan:
            found.append(("tujuan", self.tr("Tujuan wajib dipilih: unit kerja atau pegawai yang dituju.")))
        elif find_host(self.host_list, tujuan) is None:
            found.append(("tujuan", self.tr("Pilih tujuan dari daftar (ketik sebagian nama, ↓ lalu Enter).")))
        error = self.tanggal.error()
        if error:
            found.append(("tanggal", error))
        return found

    def save(self) -> VisitView | None:
        self.rows.clear_errors()
        set_message(self.status, "", SUCCESS_COLOR)
        problems = self.problems()
        day = self.tanggal.date()
        if problems or day is None:
            self.rows.show_errors(problems or [("tanggal", self.tr("Tanggal wajib diisi."))], self.status)
            return None
        host = find_host(self.host_list, self.tujuan.currentText())
        data = WalkIn(
            nama=self.nama.text(),
            keperluan=self.keperluan.currentText(),
            tujuan_unit_id=host.unit_id if host is not None else None,
            tujuan_pegawai_id=host.pegawai_id if host is not None else None,
            instansi=self.instansi.text(),
            no_hp=self.no_hp.text(),
        )
        try:
            view = self.ctx.call(prereg.preregister, data, day)
        except ValidationError as exc:
            if not self.rows.show_error(exc.field, str(exc)):
                set_message(self.status, html.escape(str(exc)), ERROR_COLOR)
            return None
        except ServiceError as exc:
            set_message(self.status, html.escape(str(exc)), ERROR_COLOR)
            return None
        self.last = view
        code = view.kode_registrasi or ""
        self.code_label.setText(" ".join(code[i : i + 4] for i in range(0, len(code), 4)))
        self.code_note.setText(
            self.tr("Kode registrasi {0} untuk {1}, {2}. Bacakan kodenya kepada tamu.").format(
                code, view.nama, format_date_long(view.tanggal)
            )
        )
        for widget in (self.code_label, self.code_note, self.slip_button):
            widget.show()
        for edit in (self.nama, self.instansi, self.no_hp):
            edit.clear()
        for combo in (self.keperluan, self.tujuan):
            combo.setCurrentIndex(-1)
            combo.setEditText("")
        self.rows.clear_errors()
        self.rows.mark_saved()
        self.expected_day.setDate(view.tanggal)
        self.refresh_expected()
        self.nama.setFocus()
        return view

    # ------------------------------------------------------------------ the slip and the list
    def slip_pdf(self) -> bytes | None:
        v = self.last
        if v is None or not v.kode_registrasi:
            return None
        return build_prereg_slip(
            PreregSlip(
                instansi=self.office_name,
                kode=v.kode_registrasi,
                nama=v.nama,
                tanggal=format_date_long(v.tanggal),
                keperluan=v.keperluan,
                tujuan=v.tujuan,
            )
        )

    def print_slip(self) -> None:
        pdf = self.slip_pdf()
        if pdf is None or self.last is None:
            return
        self.preview = PrintPreviewDialog(
            pdf,
            self.tr("Slip pra-registrasi"),
            self,
            suggested_filename=f"pra-registrasi-{self.last.kode_registrasi}.pdf",
        )
        self.preview.open()

    def refresh_expected(self) -> None:
        day: date | None = self.expected_day.date()
        if day is None:
            self.expected_model.set_rows([])
            self.expected_count.setText("")
            return
        try:
            rows = self.ctx.query(prereg.list_for, day)
        except ServiceError as exc:
            dialogs.error(self, self.windowTitle(), str(exc))
            return
        self.expected_model.set_rows(rows)
        self.expected_count.setText(
            self.tr("{0} tamu terdaftar untuk {1}").format(len(rows), format_date_long(day))
        )
