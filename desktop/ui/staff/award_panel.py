"""ASN Berprestasi: the month's score sheets as one grid (a row per active pegawai, a column per criterion), the
ranking with its tie-breaks and the pegawai left out, the approval that locks the month, the history of
awardees, and the printed list for the SK."""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QIntValidator, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.dates import format_date, month_name
from desktop.core.nip import format_nip
from desktop.core.staff.award import NILAI_MAKS, format_skor
from desktop.services.common.errors import ServiceError
from desktop.services.common.permissions import Perm
from desktop.services.staff import awards, records
from desktop.services.staff.awards import KriteriaInfo, LembarInfo, LembarInput, Ranking
from desktop.ui import dialogs
from desktop.ui.context import UiContext
from desktop.ui.print_preview import PrintPreviewDialog
from desktop.ui.staff.award_approve_dialog import ApproveDialog
from desktop.ui.staff.award_cancel_dialog import CancelApprovalDialog
from desktop.ui.staff.award_common import bulan_text
from desktop.ui.staff.award_criteria_dialog import CriteriaDialog
from desktop.ui.widgets.messages import set_message
from desktop.ui.widgets.palette import ERROR_COLOR, SUCCESS_COLOR, WARNING_COLOR

ID_ROLE = Qt.ItemDataRole.UserRole
FIRST_SCORE_COLUMN = 2  # NIP, Nama, then one column per criterion, then the total
READ_ONLY_BG = QColor("#f1f1f1")
WINNER_BG = QColor("#e6f4ea")


def _item(text: str, data: object = None, editable: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if data is not None:
        item.setData(ID_ROLE, data)
    flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
    if editable:
        flags |= Qt.ItemFlag.ItemIsEditable
    item.setFlags(flags)
    return item


class ScoreDelegate(QStyledItemDelegate):
    """A score cell: digits only (0-100); Enter or Tab saves the cell and moves to the next one, Shift+Tab to
    the previous one; Esc leaves the cell as it was."""

    def __init__(self, panel: AwardPanel) -> None:
        super().__init__(panel)
        self.panel = panel

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        editor = QLineEdit(parent)
        editor.setObjectName("scoreEditor")
        editor.setValidator(QIntValidator(0, NILAI_MAKS, editor))
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QLineEdit)
        editor.setText(str(index.data() or ""))  # Qt selects it all: a typed digit replaces it

    def setModelData(
        self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        assert isinstance(editor, QLineEdit)
        self.panel.enter_score(index.row(), index.column(), editor.text())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(watched, QLineEdit) and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
                backwards = key == Qt.Key.Key_Backtab or (
                    key == Qt.Key.Key_Tab and bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                )
                self.commitData.emit(watched)
                self.closeEditor.emit(watched, QStyledItemDelegate.EndEditHint.NoHint)
                self.panel.move_on(backwards)
                return True
        return super().eventFilter(watched, event)


class AwardPanel(QWidget):
    """Pick the month, type the scores, read the ranking, approve it (then the month is read-only), print the
    list for the SK. Read-only roles see everything and print; only WRITE_STAFF changes anything."""

    changed = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("awardPanel")
        self.can_write = ctx.actor.can(Perm.WRITE_STAFF)
        self.can_print = ctx.actor.can(Perm.PRINT)
        self.criteria: list[KriteriaInfo] = []
        self.sheets: dict[int, LembarInfo] = {}
        self.found: Ranking | None = None
        self.editable = False
        self.dialog: CriteriaDialog | ApproveDialog | CancelApprovalDialog | None = None
        self.preview: PrintPreviewDialog | None = None
        self._loading = False

        title = QLabel(self.tr("ASN Berprestasi"), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        title.setFont(font)
        today = ctx.office_today()
        self.month = QComboBox(self)
        self.month.setObjectName("awardMonth")
        for m in range(1, 13):
            self.month.addItem(month_name(m), m)
        self.month.setCurrentIndex(today.month - 1)
        self.year = QSpinBox(self)
        self.year.setObjectName("awardYear")
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year)
        month_label = QLabel(self.tr("&Bulan:"), self)
        month_label.setBuddy(self.month)
        self.month.currentIndexChanged.connect(lambda _i: self.reload())
        self.year.valueChanged.connect(lambda _v: self.reload())

        self.criteria_button = QPushButton(self.tr("&Kriteria…"), self)
        self.criteria_button.clicked.connect(self.open_criteria)
        self.approve_button = QPushButton(self.tr("&Setujui…"), self)
        self.approve_button.setToolTip(self.tr("Tetapkan peringkat bulan ini; nilainya lalu terkunci"))
        self.approve_button.clicked.connect(self.open_approve)
        self.cancel_button = QPushButton(self.tr("Batalkan &persetujuan…"), self)
        self.cancel_button.clicked.connect(self.open_cancel)
        self.print_button = QPushButton(self.tr("&Cetak daftar"), self)
        self.print_button.setToolTip(
            self.tr("Daftar peringkat untuk lampiran SK (konsep bila belum ditetapkan)")
        )
        self.print_button.clicked.connect(self.print_list)
        self.print_button.setEnabled(self.can_print)
        self.criteria_button.setEnabled(self.can_write)

        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(16)
        top.addWidget(month_label)
        top.addWidget(self.month)
        top.addWidget(self.year)
        top.addStretch(1)
        for b in (self.criteria_button, self.approve_button, self.cancel_button, self.print_button):
            top.addWidget(b)

        self.status_label = QLabel(self)
        self.status_label.setObjectName("awardStatus")
        self.status_label.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setObjectName("awardMessage")
        self.message.setWordWrap(True)
        self.message.setVisible(False)

        # --- the score grid
        self.grid = QTableWidget(0, 0, self)
        self.grid.setObjectName("scoreGrid")
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.grid.setItemDelegate(ScoreDelegate(self))
        self.grid.verticalHeader().setVisible(False)
        self.grid.setAlternatingRowColors(True)

        # --- the ranking
        self.rank_table = QTableWidget(0, 7, self)
        self.rank_table.setObjectName("rankTable")
        self.rank_table.setHorizontalHeaderLabels(
            [
                self.tr(c)
                for c in ("Peringkat", "NIP", "Nama", "Pangkat/Gol.", "Jabatan", "Skor", "Keterangan")
            ]
        )
        self._read_only_table(self.rank_table)
        self.rank_table.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        excluded_label = QLabel(self.tr("Tidak diperingkat:"), self)
        self.excluded_list = QListWidget(self)
        self.excluded_list.setObjectName("excludedList")
        self.excluded_list.setMaximumHeight(120)
        rank_page = QWidget(self)
        rank_layout = QVBoxLayout(rank_page)
        rank_layout.addWidget(self.rank_table, 1)
        rank_layout.addWidget(excluded_label)
        rank_layout.addWidget(self.excluded_list)

        # --- the history
        self.history_table = QTableWidget(0, 6, self)
        self.history_table.setObjectName("historyTable")
        self.history_table.setHorizontalHeaderLabels(
            [self.tr(c) for c in ("Bulan", "Peringkat", "Nama", "NIP", "Skor", "SK")]
        )
        self._read_only_table(self.history_table)
        self.history_table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)

        self.views = QTabWidget(self)
        self.views.setObjectName("awardViews")
        self.views.setDocumentMode(True)
        self.views.addTab(self.grid, self.tr("Lembar nilai"))
        self.views.addTab(rank_page, self.tr("Peringkat"))
        self.views.addTab(self.history_table, self.tr("Riwayat"))

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status_label)
        layout.addWidget(self.message)
        layout.addWidget(self.views, 1)
        self.reload()

    @staticmethod
    def _read_only_table(table: QTableWidget) -> None:
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().setVisible(False)
        table.setWordWrap(False)

    # --- state ------------------------------------------------------------------------------------------------

    def periode(self) -> date:
        return date(self.year.value(), int(self.month.currentData()), 1)

    def set_periode(self, periode: date) -> None:
        self._loading = True
        self.year.setValue(periode.year)
        self.month.setCurrentIndex(periode.month - 1)
        self._loading = False
        self.reload()

    def show_message(self, text: str, color: str = SUCCESS_COLOR) -> None:
        set_message(self.message, html.escape(text), color)

    def reload(self) -> None:
        if self._loading:
            return
        periode = self.periode()
        try:
            with self.ctx.transaction() as s:
                self.criteria = awards.list_criteria(s, self.ctx.actor)
                self.sheets = {x.pegawai_id: x for x in awards.list_sheets(s, self.ctx.actor, periode)}
                people = []
                while True:
                    page, total = records.list_pegawai(s, self.ctx.actor, aktif=True, offset=len(people))
                    people.extend(page)
                    if not page or len(people) >= total:
                        break
                self.found = awards.ranking(s, self.ctx.actor, periode)
                winners = awards.history(s, self.ctx.actor)
        except ServiceError as exc:
            self.show_message(str(exc), ERROR_COLOR)
            return
        approved = self.found.penetapan is not None
        self.editable = self.can_write and not approved
        self._fill_grid(people)
        self._fill_ranking(self.found)
        self._fill_history(winners)
        self.approve_button.setEnabled(self.can_write and not approved and bool(self.found.rows))
        self.cancel_button.setEnabled(self.can_write and approved)
        self._update_status()

    def _update_status(self) -> None:
        assert self.found is not None
        p = self.found.penetapan
        bulan = bulan_text(self.periode())
        if p is not None:
            sk = self.tr(" · SK {0}").format(p.nomor_sk) if p.nomor_sk else ""
            if p.tanggal_sk is not None:
                sk += self.tr(" tanggal {0}").format(format_date(p.tanggal_sk))
            text = self.tr("{0}: ditetapkan ({1} pegawai berprestasi){2}. Nilai terkunci.").format(
                bulan, p.jumlah_penerima, sk
            )
            color = SUCCESS_COLOR
        else:
            lengkap = sum(1 for x in self.sheets.values() if x.lengkap)
            text = self.tr("{0}: belum ditetapkan · {1} lembar lengkap dari {2} pegawai aktif.").format(
                bulan, lengkap, self.grid.rowCount()
            )
            color = WARNING_COLOR
        if not self.can_write:
            text += self.tr(" Hanya baca.")
        self.status_label.setText(text)
        self.status_label.setStyleSheet(f"color: {color};")

    # --- the grid ---------------------------------------------------------------------------------------------

    def score_column(self, kriteria_id: int) -> int:
        return FIRST_SCORE_COLUMN + next(i for i, k in enumerate(self.criteria) if k.id == kriteria_id)

    @property
    def total_column(self) -> int:
        return FIRST_SCORE_COLUMN + len(self.criteria)

    def _fill_grid(self, people: list[records.PegawaiRow]) -> None:
        grid = self.grid
        grid.clear()
        headers = [self.tr("NIP"), self.tr("Nama")]
        headers += [f"{k.nama}\n({k.bobot} %)" for k in self.criteria]
        headers.append(self.tr("Total"))
        grid.setColumnCount(len(headers))
        grid.setHorizontalHeaderLabels(headers)
        for column, k in enumerate(self.criteria, start=FIRST_SCORE_COLUMN):
            header = grid.horizontalHeaderItem(column)
            if header is not None:
                header.setToolTip(k.keterangan)
        grid.setRowCount(len(people))
        mono = QFont()
        mono.setFamilies(["DejaVu Sans Mono", "Consolas", "monospace"])
        for row, p in enumerate(people):
            nip = _item(p.nip_format, p.id)
            nip.setFont(mono)
            grid.setItem(row, 0, nip)
            grid.setItem(row, 1, _item(p.nama_lengkap))
            for column, k in enumerate(self.criteria, start=FIRST_SCORE_COLUMN):
                item = _item("", k.id, editable=self.editable)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if not self.editable:
                    item.setBackground(QBrush(READ_ONLY_BG))
                grid.setItem(row, column, item)
            total = _item("")
            total.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            bold = total.font()
            bold.setBold(True)
            total.setFont(bold)
            grid.setItem(row, self.total_column, total)
            self._show_sheet(row, self.sheets.get(p.id))
        grid.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            if self.editable
            else QAbstractItemView.EditTrigger.NoEditTriggers
        )
        header = grid.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        if people and self.criteria:
            grid.setCurrentCell(0, FIRST_SCORE_COLUMN)

    def _show_sheet(self, row: int, sheet: LembarInfo | None) -> None:
        nilai = sheet.nilai if sheet is not None else {}
        for column, k in enumerate(self.criteria, start=FIRST_SCORE_COLUMN):
            item = self.grid.item(row, column)
            if item is not None:
                item.setText(str(nilai[k.id]) if k.id in nilai else "")
        total = self.grid.item(row, self.total_column)
        if total is not None:
            if sheet is not None and sheet.skor is not None:
                total.setText(format_skor(sheet.skor))
                total.setToolTip("")
            else:
                total.setText(self.tr("belum lengkap") if nilai else "")
                total.setToolTip(self.tr("Hanya lembar yang lengkap yang diperingkat."))

    def pegawai_of_row(self, row: int) -> int | None:
        item = self.grid.item(row, 0)
        return int(item.data(ID_ROLE)) if item is not None else None

    def row_of(self, pegawai_id: int) -> int:
        return next((r for r in range(self.grid.rowCount()) if self.pegawai_of_row(r) == pegawai_id), -1)

    def enter_score(self, row: int, column: int, text: str) -> bool:
        """Save one cell typed into the grid (the rest of the sheet stays); False with a message when not."""
        if not self.editable or not FIRST_SCORE_COLUMN <= column < self.total_column:
            return False
        pegawai_id = self.pegawai_of_row(row)
        if pegawai_id is None:
            return False
        kriteria = self.criteria[column - FIRST_SCORE_COLUMN]
        name_item = self.grid.item(row, 1)
        nama = name_item.text() if name_item is not None else ""
        sheet = self.sheets.get(pegawai_id)
        cleaned = text.strip()
        if not cleaned:
            if sheet is not None and kriteria.id in sheet.nilai:
                self.show_message(
                    self.tr("Nilai {0} untuk {1} tidak dapat dikosongkan; isi 0 sampai {2}.").format(
                        kriteria.nama, nama, NILAI_MAKS
                    ),
                    ERROR_COLOR,
                )
                return False
            return True
        if not cleaned.isdigit() or not 0 <= int(cleaned) <= NILAI_MAKS:
            self.show_message(
                self.tr(
                    "Nilai {0} untuk {1} harus bilangan bulat 0 sampai {2}; {3!r} tidak disimpan."
                ).format(kriteria.nama, nama, NILAI_MAKS, cleaned),
                ERROR_COLOR,
            )
            return False
        value = int(cleaned)
        if sheet is not None and sheet.nilai.get(kriteria.id) == value:
            return True
        data = LembarInput(
            pegawai_id=pegawai_id,
            periode=self.periode(),
            nilai={kriteria.id: value},
            penilai_nama=sheet.penilai_nama if sheet else "",
            penilai_nip=sheet.penilai_nip if sheet else "",
            catatan=sheet.catatan if sheet else "",
        )
        try:
            saved = self.ctx.call(awards.save_sheet, data)
        except ServiceError as exc:
            self.show_message(str(exc), ERROR_COLOR)
            return False
        self.sheets[pegawai_id] = saved
        self._show_sheet(row, saved)
        self.show_message(self.tr("Tersimpan: {0}, {1} = {2}.").format(nama, kriteria.nama, value))
        self._refresh_ranking()
        self.changed.emit()
        return True

    def move_on(self, backwards: bool = False) -> None:
        """To the next score cell (the next criterion, then the first one of the next pegawai), and edit it."""
        row, column = self.grid.currentRow(), self.grid.currentColumn()
        first, last = FIRST_SCORE_COLUMN, self.total_column - 1
        if row < 0 or last < first:
            return
        if backwards:
            row, column = (row, column - 1) if column > first else (row - 1, last)
        else:
            row, column = (row, column + 1) if column < last else (row + 1, first)
        if not 0 <= row < self.grid.rowCount():
            return
        self.grid.setCurrentCell(row, column)
        item = self.grid.item(row, column)
        if item is not None and self.editable:
            self.grid.editItem(item)

    # --- ranking and history ----------------------------------------------------------------------------------

    def _refresh_ranking(self) -> None:
        try:
            self.found = self.ctx.call(awards.ranking, self.periode())
        except ServiceError as exc:
            self.show_message(str(exc), ERROR_COLOR)
            return
        self._fill_ranking(self.found)
        self.approve_button.setEnabled(self.editable and bool(self.found.rows))
        self._update_status()

    def _fill_ranking(self, found: Ranking) -> None:
        table = self.rank_table
        table.setRowCount(len(found.rows))
        for row, r in enumerate(found.rows):
            notes = [self.tr("Pegawai berprestasi")] if r.penerima else []
            if r.penentu:
                notes.append(r.penentu)
            values = (
                str(r.peringkat),
                format_nip(r.nip),
                r.nama,
                r.pangkat_golongan,
                r.jabatan,
                r.skor_text,
                " · ".join(notes),
            )
            for column, text in enumerate(values):
                item = _item(text, r.pegawai_id)
                if column in (0, 5):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if r.penerima:
                    item.setBackground(QBrush(WINNER_BG))
                table.setItem(row, column, item)
        table.resizeColumnsToContents()
        table.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.excluded_list.clear()
        for e in found.excluded:
            self.excluded_list.addItem(f"{e.nama} ({format_nip(e.nip)}): {e.alasan}")
        if not found.excluded:
            self.excluded_list.addItem(self.tr("— tidak ada —"))

    def _fill_history(self, winners: list[awards.WinnerRow]) -> None:
        table = self.history_table
        table.setRowCount(len(winners))
        for row, w in enumerate(winners):
            sk = w.nomor_sk + (f" ({format_date(w.tanggal_sk)})" if w.tanggal_sk is not None else "")
            values = (
                bulan_text(w.periode),
                str(w.peringkat),
                w.nama,
                format_nip(w.nip),
                format_skor(w.skor),
                sk,
            )
            for column, text in enumerate(values):
                table.setItem(row, column, _item(text, w.periode))
        table.resizeColumnsToContents()
        table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)

    # --- actions ----------------------------------------------------------------------------------------------

    def _open(self, dialog: CriteriaDialog | ApproveDialog | CancelApprovalDialog, done: str) -> None:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def finished(result: int) -> None:
            self.dialog = None
            if result:
                self.reload()
                self.show_message(done)
                self.changed.emit()

        dialog.finished.connect(finished)
        dialog.open()

    def open_criteria(self) -> CriteriaDialog | None:
        if not self.can_write:
            return None
        dialog = CriteriaDialog(self.ctx, list(self.criteria), self)
        self._open(dialog, self.tr("Kriteria dan bobot disimpan."))
        return dialog

    def open_approve(self) -> ApproveDialog | None:
        if not self.can_write or self.found is None or self.found.penetapan is not None:
            return None
        if not self.found.rows:
            dialogs.info(
                self,
                self.tr("Setujui peringkat"),
                self.tr("Belum ada lembar penilaian yang lengkap untuk {0}.").format(
                    bulan_text(self.periode())
                ),
            )
            return None
        dialog = ApproveDialog(self.ctx, self.found, self)
        self._open(dialog, self.tr("Peringkat {0} ditetapkan.").format(bulan_text(self.periode())))
        return dialog

    def open_cancel(self) -> CancelApprovalDialog | None:
        if not self.can_write or self.found is None or self.found.penetapan is None:
            return None
        dialog = CancelApprovalDialog(self.ctx, self.periode(), self)
        self._open(dialog, self.tr("Penetapan {0} dibatalkan.").format(bulan_text(self.periode())))
        return dialog

    def print_list(self) -> PrintPreviewDialog | None:
        if not self.can_print:
            return None
        periode = self.periode()
        title = self.tr("Daftar ASN Berprestasi {0}").format(bulan_text(periode))
        try:
            pdf = self.ctx.call(awards.print_ranking, periode)
        except ServiceError as exc:
            dialogs.error(self, title, str(exc))
            return None
        filename = f"asn-berprestasi-{periode.year}-{periode.month:02d}.pdf"
        dialog = PrintPreviewDialog(pdf, title, self, suggested_filename=filename)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.preview = dialog
        return dialog
