"""Jadwal: the deadline board of the pengelola kepegawaian (staff.md R29).

KGB, kenaikan pangkat, pensiun, end of PPPK contract and Satyalancana of the coming days, most urgent first,
colour-coded and marked in words; each item keeps a status, and a handled one (selesai, tidak perlu) leaves the
list. "Mengapa tanggal ini?" (Enter, Ctrl+E) shows how the date follows from the record and the rules.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import replace
from html import escape as _esc
from pathlib import Path

import shiboken6
from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core import clock
from desktop.core.dates import format_date, format_datetime
from desktop.services.common import office
from desktop.services.common.errors import ServiceError
from desktop.services.common.permissions import Perm
from desktop.services.staff import board, schedule
from desktop.services.staff.board import Board, BoardEntry, DataNote
from desktop.services.staff.schedule import JenisJadwal, StatusJadwal, Urgensi
from desktop.ui import dialogs
from desktop.ui.context import UiContext
from desktop.ui.staff.data_notes_dialog import DataNotesDialog
from desktop.ui.staff.explain_dialog import ExplainDialog
from desktop.ui.staff.pegawai_delegate import PegawaiDelegate
from desktop.ui.staff.schedule_filter import ScheduleFilter
from desktop.ui.staff.schedule_model import (
    COL_GOL,
    COL_HARI,
    COL_JENIS,
    COL_JUDUL,
    COL_PEGAWAI,
    COL_STATUS,
    COL_TANGGAL,
    COL_UNIT,
    COL_URGENSI,
    URGENCY,
    ScheduleModel,
    entry_key,
)
from desktop.ui.staff.status_dialog import StatusDialog
from desktop.ui.tasks import Progress, TaskHandle, run_task
from desktop.ui.widgets.flow import FlowRow
from desktop.ui.widgets.keys import is_enter
from desktop.ui.widgets.messages import muted
from desktop.ui.widgets.palette import ERROR_COLOR, WARNING_COLOR
from desktop.ui.widgets.tables import keep_columns_on_screen

log = logging.getLogger("sekretariat.staff")

HORIZONS = (30, 60, 90, 180, 365)
DEFAULT_HORIZON = schedule.HORIZON_DAYS
STATE_HORIZON = "jadwal/rentang"


class ScheduleBoard(QWidget):
    open_pegawai = Signal(int)  # pegawai id: show the record behind an item
    loaded = Signal()  # the list was (re)read from the database

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("scheduleBoard")
        self.stale = True
        self.board: Board | None = None
        self.zone = "WIB"
        self.as_of = clock.today(self.zone)
        self.task: TaskHandle[tuple[str, Board]] | None = None
        self._again = False
        self._focus_table = False
        self._keep: tuple[int, str, object] | None = None
        self._keep_row = 0
        self.explain_dialog: ExplainDialog | None = None
        self.status_dialog: StatusDialog | None = None
        self.notes_dialog: DataNotesDialog | None = None
        self.can_write = ctx.actor.can(Perm.WRITE_STAFF)

        # --- toolbar: horizon, kind, handled ones, search
        self.horizon = QComboBox()
        self.horizon.setObjectName("jadwalRentang")
        self.horizon.setToolTip(self.tr("Tenggat yang pengingatnya mulai dalam rentang ini"))
        for days in HORIZONS:
            self.horizon.addItem(self.tr("{0} hari ke depan").format(days), days)
        self.horizon.setCurrentIndex(HORIZONS.index(self._remembered_horizon()))
        self.horizon.currentIndexChanged.connect(self._horizon_changed)
        self.jenis = QComboBox()
        self.jenis.setObjectName("jadwalJenis")
        self.jenis.addItem(self.tr("Semua jenis"), None)
        for kind in JenisJadwal:
            self.jenis.addItem(self.tr(kind.label), kind.value)
        self.jenis.currentIndexChanged.connect(self._filter_changed)
        self.show_handled = QCheckBox(self.tr("Tampilkan yang sudah ditangani (s&elesai/tidak perlu)"))
        self.show_handled.setObjectName("jadwalTampilkanDitangani")
        self.show_handled.toggled.connect(self._filter_changed)
        self.search = QLineEdit()
        self.search.setObjectName("jadwalCari")
        self.search.setPlaceholderText(self.tr("Cari nama atau NIP (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(220)
        self.search.textChanged.connect(self._filter_changed)
        self.search.installEventFilter(self)
        self.refresh_button = QPushButton(self.tr("&Muat ulang"))
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button = QPushButton(self.tr("Simpan E&xcel\u2026"))
        self.export_button.setObjectName("jadwalExcel")
        self.export_button.setToolTip(self.tr("Simpan daftar yang tampil ke berkas .xlsx"))
        self.export_button.clicked.connect(self.export_xlsx)

        # One line on a wide screen; on a 1024 px one the row wraps rather than widening the whole window.
        top = FlowRow()
        for text, widget in ((self.tr("Rentang:"), self.horizon), (self.tr("Jenis:"), self.jenis)):
            label = QLabel(text)
            label.setBuddy(widget)
            top.add_labelled(label, widget)
        top.add(self.search, grow=True)
        top.add(self.show_handled)
        top.add(self.refresh_button)
        top.add(self.export_button)

        # --- counts, legend and the data that stops a deadline being computed
        self.count_label = QLabel()
        self.count_label.setObjectName("jadwalJumlah")
        self.count_label.setTextFormat(Qt.TextFormat.RichText)
        self.count_label.setWordWrap(True)  # several counts at once run longer than a 1024 px line
        legend = QLabel(
            "".join(
                f"<span style='background:{URGENCY[u].cell}; color:#1b1b1b'>&nbsp;{self.tr(URGENCY[u].marker)}"
                "&nbsp;</span>&nbsp; "
                for u in (Urgensi.LEWAT, Urgensi.SEGERA, Urgensi.DEKAT)
            )
        )
        legend.setObjectName("jadwalLegenda")
        legend.setToolTip(self.tr("Warna dan tanda urgensi: hari sampai tanggal tenggat"))
        counts = QHBoxLayout()
        counts.addWidget(self.count_label, 1)
        counts.addWidget(legend, 0, Qt.AlignmentFlag.AlignTop)
        self.notes_label = QLabel()
        self.notes_label.setObjectName("jadwalCatatanData")
        self.notes_label.setTextFormat(Qt.TextFormat.RichText)
        self.notes_label.setWordWrap(True)
        self.notes_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.notes_label.linkActivated.connect(lambda _link: self.show_notes())
        self.notes_label.hide()

        # --- the table
        self.model = ScheduleModel(self)
        self.proxy = ScheduleFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("jadwalTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_TANGGAL, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.setItemDelegateForColumn(COL_PEGAWAI, PegawaiDelegate(self.table))
        line = self.table.fontMetrics().lineSpacing()
        self.table.verticalHeader().setDefaultSectionSize(2 * line + 8)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        head.setSectionResizeMode(COL_JUDUL, QHeaderView.ResizeMode.Stretch)
        head.setHighlightSections(False)
        for col, width in (
            (COL_URGENSI, 92),
            (COL_TANGGAL, 104),  # "perlu kenaikan" over "jenjang" fits as a date does
            (COL_HARI, 110),
            (COL_JENIS, 118),
            (COL_PEGAWAI, 220),
            (COL_GOL, 48),
            (COL_UNIT, 170),
            (COL_STATUS, 112),
        ):
            self.table.setColumnWidth(col, width)
        # On a 1024 px screen the unit kerja narrows first (keterangan stretches already), so the urgency,
        # date, kind, pegawai and status stay in view without scrolling sideways.
        keep_columns_on_screen(self.table, (COL_UNIT,))
        self.table.doubleClicked.connect(lambda _index: self.explain())
        self.table.installEventFilter(self)
        self.table.viewport().installEventFilter(self)  # the context menu, by mouse or by the Menu key
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._current_changed())
        self.empty_label = QLabel()
        self.empty_label.setObjectName("jadwalKosong")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        muted(self.empty_label)
        self.empty_label.hide()

        # --- the current item: what to do by when, and the actions
        self.info = QLabel()
        self.info.setObjectName("jadwalInfo")
        self.info.setTextFormat(Qt.TextFormat.RichText)
        self.info.setWordWrap(True)
        self.explain_button = QPushButton(self.tr("Mengapa tanggal ini? (Ctrl+E)"))
        self.explain_button.setObjectName("jadwalMengapa")
        self.explain_button.clicked.connect(self.explain)
        self.pegawai_button = QPushButton(self.tr("Buka data pe&gawai"))
        self.pegawai_button.setObjectName("jadwalBukaPegawai")
        self.pegawai_button.clicked.connect(self._open_current_pegawai)
        self.status_buttons: dict[StatusJadwal, QPushButton] = {}
        for status, text in (
            (StatusJadwal.DIPROSES, self.tr("D&iproses\u2026")),
            (StatusJadwal.SELESAI, self.tr("Se&lesai\u2026")),
            (StatusJadwal.TIDAK_PERLU, self.tr("Tidak pe&rlu\u2026")),
            (StatusJadwal.PERLU_DIPROSES, self.tr("Perlu &diproses\u2026")),
        ):
            button = QPushButton(text)
            button.setObjectName(f"jadwalStatus_{status.value}")
            button.clicked.connect(lambda _=False, st=status: self.ask_status(st))
            if not self.can_write:
                button.setToolTip(self.tr("Hanya pengelola kepegawaian yang dapat mengubah status."))
            self.status_buttons[status] = button
        # The status buttons keep to the right on a wide screen and go under the others on a narrow one.
        marks = QWidget()
        marks_row = QHBoxLayout(marks)
        marks_row.setContentsMargins(0, 0, 0, 0)
        marks_row.addStretch(1)
        marks_row.addWidget(QLabel(self.tr("Tandai:")))
        for button in self.status_buttons.values():
            marks_row.addWidget(button)
        actions = FlowRow()
        actions.add(self.explain_button)
        actions.add(self.pegawai_button)
        actions.add(marks, grow=True)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(counts)
        layout.addWidget(self.notes_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label, 1)
        layout.addWidget(self.info)
        layout.addLayout(actions)

        for keys, slot in (("Ctrl+E", self.explain), ("Ctrl+F", self._focus_search)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self._show_counts()
        self._current_changed()

    # --- loading ------------------------------------------------------------------------------------

    def _remembered_horizon(self) -> int:
        getter = getattr(self.ctx.state, "value", None)
        try:
            days = int(getter(STATE_HORIZON, DEFAULT_HORIZON)) if getter else DEFAULT_HORIZON
        except (TypeError, ValueError):
            days = DEFAULT_HORIZON
        return days if days in HORIZONS else DEFAULT_HORIZON

    def horizon_days(self) -> int:
        return int(self.horizon.currentData() or DEFAULT_HORIZON)

    def mark_stale(self) -> None:
        self.stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.board is not None and clock.today(self.zone) != self.as_of:
            self.stale = True  # left open overnight: the days left have changed
        if self.stale:
            self._focus_table = True  # opening the board: arrows and Enter work at once
            self.refresh()

    def refresh(self) -> None:
        """Read the board again (off the GUI thread: one schedule computation over every active pegawai)."""
        if self.task is not None and self.task.running:
            self._again = True
            return
        self.stale = False
        current = self.current_entry()
        if current is not None:
            self._keep = entry_key(current)
            self._keep_row = max(self.table.currentIndex().row(), 0)
        ctx, horizon = self.ctx, self.horizon_days()

        def work(_progress: Progress) -> tuple[str, Board]:
            with ctx.read() as s:
                zone = office.get_profile(s).zona_waktu or "WIB"
                return zone, board.board(s, ctx.actor, clock.today(zone), horizon)

        self.refresh_button.setEnabled(False)
        self.task = run_task(
            self,
            self.tr("Menghitung jadwal\u2026"),
            work,
            on_done=self._loaded,
            on_error=self._failed,
            cancellable=False,
        )

    def _loaded(self, result: tuple[str, Board]) -> None:
        if self._again:  # something changed while this was read: read again rather than show old rows
            self._again = False
            self.task = None
            self.refresh()
            return
        self.zone, self.board = result
        self.as_of = self.board.as_of
        self.refresh_button.setEnabled(True)
        self.model.set_entries(list(self.board.entries))
        self._show_notes(list(self.board.notes))
        self._after_change()
        focus = QApplication.focusWidget()
        if self._focus_table and self.table.isVisible() and (focus is None or not self.isAncestorOf(focus)):
            self.table.setFocus()
        self._focus_table = False
        self.loaded.emit()

    def _failed(self, exc: BaseException) -> None:
        self.refresh_button.setEnabled(True)
        if not isinstance(exc, ServiceError):
            sys.excepthook(type(exc), exc, exc.__traceback__)
            return
        self.count_label.setText(f"<span style='color:{ERROR_COLOR}'>{exc}</span>")

    def _horizon_changed(self) -> None:
        setter = getattr(self.ctx.state, "set_value", None)
        if setter is not None:
            setter(STATE_HORIZON, self.horizon_days())
        self.refresh()

    def _filter_changed(self) -> None:
        kind = self.jenis.currentData()
        self.proxy.set_filter(
            jenis=JenisJadwal(kind) if kind else None,
            text=self.search.text(),
            show_handled=self.show_handled.isChecked(),
        )
        self._after_change()

    # --- what is shown --------------------------------------------------------------------------------

    def visible_entries(self) -> list[BoardEntry]:
        """The rows as the clerk sees them: filtered and in the table's order (the model holds them sorted, the
        proxy only filters), read from the Python list rather than cell by cell through the proxy."""
        return [e for e in self.model.entries if self.proxy.accepts(e)]

    def current_entry(self) -> BoardEntry | None:
        index = self.table.currentIndex()
        return self.proxy.entry(index.row()) if index.isValid() else None

    def _after_change(self) -> None:
        """Keep a sensible current row after the rows changed, and say how many there are."""
        rows = self.proxy.rowCount()
        row = -1
        if self._keep is not None:
            source = self.model.row_of(self._keep)
            if source >= 0:
                row = self.proxy.mapFromSource(self.model.index(source, 0)).row()
            if row < 0:
                row = min(self._keep_row, rows - 1)
            self._keep = None
        elif not self.table.currentIndex().isValid() and rows:
            row = 0
        if row >= 0:
            self.table.selectRow(row)
            self.table.setCurrentIndex(self.proxy.index(row, 0))
        self._show_counts()
        self._current_changed()

    def _show_counts(self) -> None:
        shown = self.visible_entries()
        open_ = [e for e in shown if not e.handled]
        hidden = sum(1 for e in self.model.entries if e.handled) if not self.show_handled.isChecked() else 0
        if self.board is None:
            self.count_label.setText(self.tr("Memuat jadwal\u2026"))
        else:
            lewat = sum(1 for e in open_ if e.urgensi is Urgensi.LEWAT)
            segera = sum(1 for e in open_ if e.urgensi is Urgensi.SEGERA)
            perlu = sum(1 for e in open_ if e.status is StatusJadwal.PERLU_DIPROSES)
            diproses = sum(1 for e in open_ if e.status is StatusJadwal.DIPROSES)
            handled = len(shown) - len(open_)
            parts = [
                self.tr("<b>{0}</b> tenggat per {1}, {2} hari ke depan").format(
                    len(open_), format_date(self.as_of), self.board.horizon_days
                ),
                self.tr("<b style='color:{0}'>{1}</b> lewat").format(ERROR_COLOR, lewat) if lewat else "",
                self.tr("<b>{0}</b> \u2264 30 hari").format(segera) if segera else "",
                self.tr("<b>{0}</b> perlu diproses").format(perlu),
                self.tr("{0} sedang diproses").format(diproses) if diproses else "",
                self.tr("{0} sudah ditangani (disembunyikan)").format(hidden) if hidden else "",
                self.tr("{0} sudah ditangani (ditampilkan abu-abu)").format(handled) if handled else "",
            ]
            self.count_label.setText(" &middot; ".join(p for p in parts if p))
        empty = self.board is not None and not shown
        self.table.setVisible(not empty)
        self.empty_label.setVisible(empty)
        if empty:
            filtered = bool(self.search.text().strip()) or self.jenis.currentData() is not None
            self.empty_label.setText(
                self.tr("Tidak ada yang cocok dengan pencarian atau jenis yang dipilih.")
                if filtered and self.model.entries
                else self.tr(
                    "Tidak ada KGB, kenaikan pangkat, pensiun, akhir kontrak PPPK atau Satyalancana yang perlu "
                    "diproses dalam {0} hari ke depan."
                ).format(self.horizon_days())
            )

    def _show_notes(self, notes: list[DataNote]) -> None:
        self._notes = notes
        if not notes:
            self.notes_label.hide()
            return
        people = len({n.pegawai_id for n in notes})
        self.notes_label.setText(
            self.tr(
                "<span style='color:{0}'>\u26a0 Tenggat <b>{1}</b> pegawai tidak bisa dihitung karena datanya "
                "belum lengkap.</span> <a href='#catatan'>Lihat daftarnya</a>"
            ).format(WARNING_COLOR, people)
        )
        self.notes_label.show()

    def _current_changed(self) -> None:
        e = self.current_entry()
        has = e is not None
        self.explain_button.setEnabled(has)
        self.pegawai_button.setEnabled(has)
        for status, button in self.status_buttons.items():
            button.setEnabled(has and self.can_write and e is not None and e.status is not status)
        self.status_buttons[StatusJadwal.PERLU_DIPROSES].setVisible(
            e is not None and e.status is not StatusJadwal.PERLU_DIPROSES
        )
        self.info.setText(self._info_text(e) if e is not None else "")
        self.info.setVisible(has)

    def _info_text(self, e: BoardEntry) -> str:
        parts = [f"<b>{_esc(e.jenis.label)}</b>: {_esc(e.judul)}"]
        if e.batas_tindakan is not None:
            late = e.batas_tindakan < self.as_of and not e.handled
            when = format_date(e.batas_tindakan)
            parts.append(
                self.tr("batas tindakan <b style='color:{0}'>{1} (sudah lewat)</b>").format(ERROR_COLOR, when)
                if late
                else self.tr("batas tindakan <b>{0}</b>").format(when)
            )
        if e.item is not None and not e.handled:
            reminder = e.item.pengingat_terakhir(self.as_of)
            if reminder is not None:
                parts.append(
                    self.tr("pengingat {0}: {1}").format(
                        format_date(reminder.tanggal), _esc(reminder.keterangan)
                    )
                )
        if e.status is not StatusJadwal.PERLU_DIPROSES or e.status_oleh:
            who = self.tr(" oleh {0}").format(_esc(e.status_oleh)) if e.status_oleh else ""
            when = f", {format_datetime(e.status_pada, self.zone)}" if e.status_pada is not None else ""
            note = f": <i>{_esc(e.catatan)}</i>" if e.catatan else ""
            parts.append(
                self.tr("status {0}{1}{2}{3}").format(_esc(self.tr(e.status.label)), who, when, note)
            )
        return " &middot; ".join(parts)

    # --- actions ------------------------------------------------------------------------------------------

    def explain(self) -> ExplainDialog | None:
        """Show "Mengapa tanggal ini?" for the current item (Esc goes back to the list)."""
        e = self.current_entry()
        if e is None:
            return None
        if self.explain_dialog is not None and shiboken6.isValid(self.explain_dialog):
            self.explain_dialog.close()
        dialog = ExplainDialog(e, self.as_of, self.zone, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open_pegawai.connect(self.open_pegawai)
        dialog.destroyed.connect(lambda *_: self._forget_explain(dialog))
        self.explain_dialog = dialog
        dialog.open()
        return dialog

    def _forget_explain(self, dialog: ExplainDialog) -> None:
        if self.explain_dialog is dialog:
            self.explain_dialog = None

    def _open_current_pegawai(self) -> None:
        e = self.current_entry()
        if e is not None:
            self.open_pegawai.emit(e.pegawai_id)

    def show_notes(self) -> DataNotesDialog:
        dialog = DataNotesDialog(list(getattr(self, "_notes", [])), self)
        dialog.open_pegawai.connect(self.open_pegawai)
        self.notes_dialog = dialog
        dialog.open()
        return dialog

    def ask_status(self, status: StatusJadwal) -> StatusDialog | None:
        """Ask the catatan for ``status`` of the current item; saved when the dialog is accepted."""
        e = self.current_entry()
        if e is None or not self.can_write:
            return None
        dialog = StatusDialog(e, status, self)
        self.status_dialog = dialog
        dialog.accepted.connect(lambda: self.set_status(e, status, dialog.text()))
        dialog.open()
        return dialog

    def set_status(self, e: BoardEntry, status: StatusJadwal, catatan: str = "") -> bool:
        try:
            with self.ctx.transaction() as s:
                kept = schedule.set_status(
                    s, self.ctx.actor, e.pegawai_id, e.jenis, e.tanggal, status, catatan
                )
        except ServiceError as exc:
            dialogs.error(self, self.tr("Status tidak tersimpan"), str(exc))
            return False
        row = self.model.row_of(entry_key(e))
        if row >= 0:
            current = self.table.currentIndex().row()
            updated = replace(
                self.model.entries[row],
                status=kept.status,
                catatan=kept.catatan,
                status_oleh=kept.oleh,
                status_pada=kept.pada,
            )
            self.model.replace(row, updated)
            self._keep = entry_key(updated)
            self._keep_row = max(current, 0)
            # A handled item leaves the list at once (unless handled ones are shown): the next one is current.
            self.proxy.set_filter(
                jenis=self.proxy.jenis, text=self.search.text(), show_handled=self.show_handled.isChecked()
            )
            self._after_change()
        log.info("jadwal %s %s of pegawai %s: %s", e.jenis.value, e.tanggal, e.pegawai_id, status.value)
        # Read again: a handled KGB or Satyalancana brings its next step, a reopened item its derivation.
        self.refresh()
        return True

    def export_xlsx(self) -> None:
        name = f"jadwal-kepegawaian-{self.as_of.isoformat()}.xlsx"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Simpan jadwal ke Excel"), name, self.tr("Excel (*.xlsx)")
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> int | None:
        if self.board is None:
            return None
        rows = self.visible_entries()
        try:
            with self.ctx.transaction() as s:
                count = board.export_xlsx(
                    s, self.ctx.actor, rows, path, as_of=self.as_of, horizon_days=self.board.horizon_days
                )
        except (ServiceError, OSError) as exc:
            dialogs.error(self, self.tr("Excel tidak tersimpan"), str(exc))
            return None
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(
                self.tr("{0} baris jadwal disimpan ke {1}").format(count, path), 8000
            )
        return count

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _context_menu(self, pos: QPoint) -> None:
        """The actions of the row at ``pos`` (viewport coordinates)."""
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        self.table.setCurrentIndex(index)
        e = self.current_entry()
        if e is None:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Mengapa tanggal ini?"), self.explain)
        menu.addAction(self.tr("Buka data pegawai"), self._open_current_pegawai)
        menu.addSeparator()
        for status, button in self.status_buttons.items():
            if button.isVisible() or status is not StatusJadwal.PERLU_DIPROSES:
                action = menu.addAction(
                    self.tr(status.label) + "\u2026", lambda st=status: self.ask_status(st)
                )
                action.setEnabled(button.isEnabled())
        menu.exec(self.table.viewport().mapToGlobal(pos))

    def eventFilter(self, watched, event):  # type: ignore[no-untyped-def]
        if watched is self.table.viewport() and isinstance(event, QContextMenuEvent):
            pos = event.pos()
            if event.reason() == QContextMenuEvent.Reason.Keyboard and self.table.currentIndex().isValid():
                pos = self.table.visualRect(self.table.currentIndex()).center()  # the Menu key: current row
            self._context_menu(pos)
            return True
        if isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            if watched is self.table and is_enter(event) and self.table.currentIndex().isValid():
                self.explain()
                return True
            if watched is self.search and event.key() in (
                Qt.Key.Key_Down,
                Qt.Key.Key_Return,
                Qt.Key.Key_Enter,
            ):
                self.table.setFocus()
                if not self.table.currentIndex().isValid() and self.proxy.rowCount():
                    self.table.setCurrentIndex(self.proxy.index(0, 0))
                return True
            if watched is self.search and event.key() == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                return True
        return super().eventFilter(watched, event)
