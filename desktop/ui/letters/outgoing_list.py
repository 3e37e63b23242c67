"""The buku agenda keluar: search, filter and sort it; confirm, mark sent or cancel a number (B9)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QFontMetrics, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core import clock
from desktop.services.common import office
from desktop.services.common.errors import ServiceError
from desktop.services.common.permissions import Perm
from desktop.services.letters import outgoing
from desktop.ui import dialogs
from desktop.ui.context import UiContext
from desktop.ui.letters.agenda_filters import FILTER_KEY, FilterBar, FilterToggle
from desktop.ui.letters.outgoing_form import COPY_KEY
from desktop.ui.letters.outgoing_model import OutgoingTableModel
from desktop.ui.widgets.dates import pydate, qdate
from desktop.ui.widgets.keys import is_enter, key_of, sequence
from desktop.ui.widgets.messages import muted

PAGE_SIZE = 200
SEARCH_DELAY_MS = 250
RELOAD_KEY = sequence("F5")
FIND_KEY = sequence("Ctrl+F")
TABLE_COPY_KEY = sequence("Ctrl+C")


class SentDialog(QDialog):
    """Tanggal kirim and media of a signed letter."""

    def __init__(self, info: outgoing.OutgoingInfo, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tandai terkirim: {0}").format(info.nomor_surat))
        self.tanggal = QDateEdit(self)
        self.tanggal.setDisplayFormat("dd/MM/yyyy")
        self.tanggal.setCalendarPopup(True)
        self.tanggal.setDate(qdate(info.tanggal_kirim or max(today, info.tanggal_surat)))
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
        return pydate(self.tanggal.date()), str(self.media.currentData())


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
        edit.setDate(qdate(info.tanggal_surat))
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
        return pydate(edit.date())

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
