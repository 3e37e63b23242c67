"""The buku agenda surat masuk on screen: search as you type, filter and sort in SQL, print the lembar disposisi,
cancel with a reason."""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QObject,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QFont, QFontMetrics, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
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
from desktop.printing.pages import paper_by_key
from desktop.services.common import office
from desktop.services.common.errors import ServiceError
from desktop.services.common.permissions import Perm
from desktop.services.letters import dispositions, incoming
from desktop.ui import dialogs
from desktop.ui.context import UiContext
from desktop.ui.letters.agenda_filters import FILTER_KEY, FilterBar, FilterToggle
from desktop.ui.letters.disposition_dialog import DispositionDialog
from desktop.ui.letters.import_dialog import ImportDialog, export_incoming
from desktop.ui.letters.incoming_model import IncomingTableModel
from desktop.ui.letters.scans_dialog import ScansDialog
from desktop.ui.print_preview import PrintPreviewDialog
from desktop.ui.widgets.keys import is_enter, key_of, sequence
from desktop.ui.widgets.messages import muted

PAGE_SIZE = incoming.LIST_PAGE
SEARCH_DELAY_MS = 250
PRINT_KEY = sequence("Ctrl+P")
RELOAD_KEY = sequence("F5")
FIND_KEY = sequence("Ctrl+F")
DISPOSITION_KEY = sequence("Ctrl+D")


class IncomingList(QWidget):
    """Buku agenda masuk of one year (or a date range); Ctrl+P prints the selected letter's lembar disposisi,
    F5 reloads, Ctrl+F searches, Ctrl+Shift+F shows the filters; a click on a header sorts."""

    disposition_changed = Signal(int)  # letter id, after the disposition dialog saved something

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("incomingList")
        self.disposition_dialog: DispositionDialog | None = None
        with ctx.read() as s:
            self.zone = office.get_profile(s).zona_waktu or "WIB"
        self.preview: PrintPreviewDialog | None = None
        can_write = ctx.actor.can(Perm.WRITE_LETTERS)

        title = QLabel(self.tr("Buku agenda surat masuk"), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        title.setFont(font)

        self.year = QSpinBox(self)
        self.year.setObjectName("year")
        self.year.setRange(2000, 2100)
        self.year.setValue(clock.today(self.zone).year)
        self.year.setAccessibleName(self.tr("Tahun agenda"))
        self.year.valueChanged.connect(lambda _v: self.reload())
        year_label = QLabel(self.tr("Tahun"), self)
        year_label.setBuddy(self.year)

        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Cari asal surat, nomor atau perihal… (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())

        self.count_label = muted(QLabel(self))
        self.count_label.setObjectName("countLabel")

        try:
            officials = ctx.query(dispositions.officials)
        except ServiceError:
            officials = []
        self.targets = [
            incoming.DispositionTarget(unit_id=o.unit_id, jabatan=o.jabatan, nama=o.nama) for o in officials
        ]
        self.filter_bar = FilterBar(
            date_label=self.tr("Tgl terima"),
            name_placeholder=self.tr("Asal surat"),
            statuses=incoming.STATUS_LABELS,
            today=clock.today(self.zone),
            targets=[o.label for o in officials],
            parent=self,
        )
        self.filter_bar.hide()  # the table keeps its rows at 1366 × 768 until the clerk asks for filters
        self.filter_bar.changed.connect(self._filters_changed)
        self.filter_toggle = FilterToggle(self)
        self.filter_toggle.toggled.connect(self.filter_bar.setVisible)

        self.model = IncomingTableModel(self._fetch, self.zone)
        self.table = QTableView(self)
        self.table.setObjectName("incomingTable")
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
        header.setSectionResizeMode(IncomingTableModel.PERIHAL, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        header.setSortIndicatorShown(True)
        header.setSortIndicatorClearable(True)  # a third click goes back to the agenda's own order
        header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)  # the model sorts in SQL (IncomingTableModel.sort)
        self.model.sorted.connect(self._after_sort)
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self._kept_selection: int | None = None
        metrics = self.table.fontMetrics()
        bold = QFont(self.table.font())
        bold.setBold(True)
        samples = (
            ("8888/8888", 14),
            ("22-11-2026 88.88", 16),
            ("", 230),
            ("", 165),
            ("22-11-2026", 16),
            ("", 0),
            ("800.1.11.13", 16),
            ("B · Amat Segera", 16),
            ("Disposisi dicetak", 16),
        )
        for column, (sample, extra) in enumerate(samples):
            if column == IncomingTableModel.PERIHAL:
                continue
            width = metrics.horizontalAdvance(sample) + extra if sample else extra
            if column == 0:
                width = QFontMetrics(bold).horizontalAdvance(sample) + extra
            self.table.setColumnWidth(column, width)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.doubleClicked.connect(lambda _i: self.print_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_actions())
        self.model.modelReset.connect(self._update_count)
        self.model.rowsInserted.connect(lambda *_a: self._update_count())

        self.print_button = QPushButton(self.tr("Cetak lembar disposisi"), self)
        self.print_button.setToolTip(self.tr("Pratinjau dan cetak lembar disposisi surat terpilih (Ctrl+P)"))
        self.print_button.clicked.connect(self.print_selected)
        self.paper = QComboBox(self)
        self.paper.setObjectName("paper")
        for key in incoming.DISPOSISI_PAPERS:
            self.paper.addItem(paper_by_key(key).label, key)
        self.paper.setToolTip(self.tr("Ukuran kertas lembar disposisi"))
        paper_label = QLabel(self.tr("Kertas"), self)
        paper_label.setBuddy(self.paper)
        self.cancel_button = QPushButton(self.tr("Batalkan…"), self)
        self.cancel_button.setToolTip(self.tr("Tandai agenda terpilih batal; nomornya tetap tercatat"))
        self.cancel_button.clicked.connect(self.cancel_selected)
        self.cancel_button.setVisible(can_write)
        self.dispo_button = QPushButton(self.tr("Disposisi…"), self)
        self.dispo_button.setObjectName("dispositionButton")
        self.dispo_button.setToolTip(
            self.tr("Catat disposisi dari lembar yang kembali dan tindak lanjutnya (Ctrl+D)")
        )
        self.dispo_button.clicked.connect(self.open_disposition)
        self.scans_button = QPushButton(self.tr("Pindaian…"), self)
        self.scans_button.setObjectName("scansButton")
        self.scans_button.setToolTip(self.tr("Lihat atau lampirkan pindaian surat terpilih"))
        self.scans_button.clicked.connect(self.open_scans)
        self.reload_button = QPushButton(self.tr("Muat ulang"), self)
        self.reload_button.setToolTip(self.tr("Muat ulang daftar (F5)"))
        self.reload_button.clicked.connect(lambda: self.reload())
        for button in (
            self.print_button,
            self.dispo_button,
            self.scans_button,
            self.cancel_button,
            self.reload_button,
        ):
            button.setAutoDefault(False)

        self.print_action = QAction(self.tr("Cetak lembar disposisi"), self)
        self.print_action.setShortcut(PRINT_KEY)
        self.print_action.triggered.connect(self.print_selected)
        self.dispo_action = QAction(self.tr("Disposisi dan tindak lanjut…"), self)
        self.dispo_action.setShortcut(DISPOSITION_KEY)
        self.dispo_action.triggered.connect(self.open_disposition)
        self.cancel_action = QAction(self.tr("Batalkan agenda…"), self)
        self.cancel_action.triggered.connect(self.cancel_selected)
        self.reload_action = QAction(self.tr("Muat ulang"), self)
        self.reload_action.setShortcut(RELOAD_KEY)
        self.reload_action.triggered.connect(lambda: self.reload())
        self.import_action = QAction(self.tr("Impor…"), self)
        self.import_action.setToolTip(self.tr("Impor buku agenda surat masuk dari berkas .xlsx atau .csv"))
        self.import_action.triggered.connect(self.open_import)
        self.import_action.setVisible(can_write)
        self.export_action = QAction(self.tr("Ekspor…"), self)
        self.export_action.setToolTip(self.tr("Simpan agenda surat masuk tahun terpilih ke .xlsx atau .csv"))
        self.export_action.triggered.connect(self.export_agenda)
        self.export_action.setVisible(ctx.actor.can(Perm.VIEW))
        self.io_button = QPushButton(self.tr("Impor/Ekspor"), self)
        self.io_button.setObjectName("importExportButton")
        self.io_button.setToolTip(self.tr("Impor agenda dari Excel/CSV, atau ekspor agenda tahun terpilih"))
        self.io_button.setAutoDefault(False)
        io_menu = QMenu(self.io_button)
        io_menu.addActions([self.import_action, self.export_action])
        self.io_button.setMenu(io_menu)
        self.io_button.setVisible(self.import_action.isVisible() or self.export_action.isVisible())
        self.import_dialog: ImportDialog | None = None

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
        actions.addWidget(self.print_button)
        actions.addWidget(paper_label)
        actions.addWidget(self.paper)
        actions.addSpacing(12)
        actions.addWidget(self.dispo_button)
        actions.addWidget(self.scans_button)
        actions.addStretch(1)
        actions.addWidget(self.cancel_button)
        actions.addWidget(self.io_button)
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
            self.paper,
            self.filter_toggle,
            *self.findChildren(QPushButton),
            *self.filter_bar.findChildren(QWidget),
        ):
            widget.installEventFilter(self)
        self.reload()

    # ------------------------------------------------------------------ data
    def current_filter(self) -> incoming.IncomingFilter:
        """What the filter bar says, as the service's filter (also while the bar is hidden)."""
        bar = self.filter_bar
        dari, sampai = bar.date_range()
        index = bar.target_index()
        return incoming.IncomingFilter(
            dari=dari,
            sampai=sampai,
            asal=bar.name_text(),
            kode_klasifikasi=bar.kode_text(),
            keamanan=bar.keamanan_value(),
            urgensi=bar.urgensi_value(),
            status=bar.status_value(),
            disposisi_kepada=self.targets[index] if index is not None else None,
        )

    def _fetch(self, offset: int) -> tuple[list[incoming.IncomingInfo], int]:
        filters = self.current_filter()
        try:
            return self.ctx.query(
                incoming.list_incoming,
                # A date range replaces the year: a range across the new year is not cut at 1 January.
                tahun=None if filters.dari is not None else self.year.value(),
                text=self.search.text(),
                filters=filters,
                sort=self.model.sort_spec,
                limit=PAGE_SIZE,
                offset=offset,
            )
        except ServiceError as exc:
            dialogs.error(self, self.tr("Agenda surat masuk"), str(exc))
            return [], 0

    def reload(self, select_id: int | None = None) -> None:
        """Fetch again with the current year and search; keep (or move to) the selected letter."""
        self._search_timer.stop()
        keep = select_id if select_id is not None else self.selected_id()
        self.model.reload()
        if (keep is None or not self.select(keep)) and self.model.rows:
            self.table.selectRow(0)  # the newest letter: Ctrl+P and the buttons act on something sensible
        self._update_actions()

    def _filters_changed(self) -> None:
        """Count the filters on the toggle and reload after the same pause as typing in the search box."""
        count = self.current_filter().active_count
        self.filter_toggle.set_count(count)
        ranged = self.filter_bar.date_range()[0] is not None
        self.year.setEnabled(not ranged)
        self.year.setToolTip(self.tr("Rentang tanggal terima dipakai sebagai ganti tahun") if ranged else "")
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

    def selected_info(self) -> incoming.IncomingInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.info(rows[0].row()) if rows else None

    def selected_id(self) -> int | None:
        info = self.selected_info()
        return info.id if info is not None else None

    def paper_key(self) -> str:
        return str(self.paper.currentData())

    def _update_count(self) -> None:
        shown, total = len(self.model.rows), self.model.total
        if self.search.text().strip():
            if total > incoming.SEARCH_COUNT_CAP:
                text = self.tr("menampilkan {0} dari lebih dari {1} yang cocok — persempit pencarian").format(
                    shown, f"{incoming.SEARCH_COUNT_CAP:,}".replace(",", ".")
                )
            else:
                text = self.tr("menampilkan {0} dari {1} yang cocok").format(shown, total)
        elif self.filter_toggle.count:
            text = self.tr("menampilkan {0} dari {1} yang cocok").format(shown, total)
        else:
            text = self.tr("menampilkan {0} dari {1} surat").format(shown, total)
        self.count_label.setText(text)

    def _update_actions(self) -> None:
        info = self.selected_info()
        active = info is not None and info.status != "batal"
        self.print_button.setEnabled(active)
        self.scans_button.setEnabled(info is not None)
        self.print_action.setEnabled(active)
        self.dispo_button.setEnabled(active)
        self.dispo_action.setEnabled(active)
        can_cancel = active and self.ctx.actor.can(Perm.WRITE_LETTERS)
        self.cancel_button.setEnabled(can_cancel)
        self.cancel_action.setEnabled(can_cancel)

    # ------------------------------------------------------------------ actions
    def print_selected(self) -> None:
        info = self.selected_info()
        if info is not None:
            self.print_letter(info.id)

    def print_letter(self, letter_id: int, paper_key: str | None = None) -> PrintPreviewDialog | None:
        """Build the lembar disposisi (recorded as printed by the service) and open the preview."""
        paper_key = paper_key or self.paper_key()
        try:
            pdf = self.ctx.call(incoming.disposisi_pdf, letter_id, paper_key)
        except ServiceError as exc:
            dialogs.error(self, self.tr("Lembar disposisi"), str(exc))
            return None
        self.reload(select_id=letter_id)  # status is now "Disposisi dicetak"
        info = self.model.info(self.model.row_of(letter_id))
        agenda = info.agenda if info is not None else str(letter_id)
        dialog = PrintPreviewDialog(
            pdf,
            self.tr("Lembar disposisi agenda {0}").format(agenda),
            self,
            suggested_filename=f"lembar-disposisi-{agenda.replace('/', '-')}.pdf",
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._preview_closed)
        self.preview = dialog
        dialog.open()  # window-modal without blocking: the clerk prints, closes and goes on
        return dialog

    def _preview_closed(self, _result: int) -> None:
        self.preview = None
        self.table.setFocus()

    def ask_reason(self, info: incoming.IncomingInfo) -> str | None:
        """The reason for cancelling ``info``; None when the clerk backs out."""
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Batalkan agenda {0}").format(info.agenda))
        dialog.setLabelText(
            self.tr("Alasan pembatalan agenda {0} ({1}):").format(info.agenda, info.asal_surat)
        )
        dialog.setOkButtonText(self.tr("Lanjut"))
        dialog.setCancelButtonText(self.tr("Batal"))
        dialog.resize(460, dialog.sizeHint().height())
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
        if not dialogs.confirm(
            self,
            self.tr("Batalkan agenda"),
            self.tr(
                "Agenda {0} dari {1} akan ditandai BATAL dengan alasan:\n“{2}”\n\n"
                "Nomornya tetap tercatat dan tidak dipakai lagi. Lanjutkan?"
            ).format(info.agenda, info.asal_surat, reason),
            yes=self.tr("Batalkan agenda"),
            no=self.tr("Kembali"),
            danger=True,
        ):
            return False
        try:
            self.ctx.call(incoming.cancel_incoming, info.id, reason)
        except ServiceError as exc:
            dialogs.error(self, self.tr("Batalkan agenda"), str(exc))
            return False
        self.reload(select_id=info.id)
        return True

    def open_disposition(self) -> DispositionDialog | None:
        """The disposition chain of the selected letter, window-modal; the list reloads after a save."""
        info = self.selected_info()
        if info is None or info.status == "batal":
            return None
        try:
            dialog = DispositionDialog(self.ctx, info.id, self)
        except ServiceError as exc:
            dialogs.error(self, self.tr("Disposisi"), str(exc))
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r, d=dialog, i=info.id: self._disposition_closed(d, i))
        self.disposition_dialog = dialog
        dialog.open()
        return dialog

    def _disposition_closed(self, dialog: DispositionDialog, letter_id: int) -> None:
        self.disposition_dialog = None
        if dialog.saved_any:
            self.reload(select_id=letter_id)
            self.disposition_changed.emit(letter_id)
        self.table.setFocus()

    def open_scans(self) -> ScansDialog | None:
        info = self.selected_info()
        if info is None:
            return None
        dialog = ScansDialog(self.ctx, "M", info.id, self.tr("agenda {0}").format(info.agenda), self)
        dialog.open()
        self.scans_dialog = dialog
        return dialog

    def _context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if index.isValid():
            self.table.selectRow(index.row())
        menu = QMenu(self)
        menu.addAction(self.print_action)
        menu.addAction(self.dispo_action)
        menu.addAction(self.tr("Pindaian…"), self.open_scans)
        if self.ctx.actor.can(Perm.WRITE_LETTERS):
            menu.addAction(self.cancel_action)
        menu.addSeparator()
        menu.addAction(self.reload_action)
        if self.import_action.isVisible() or self.export_action.isVisible():
            menu.addSeparator()
            menu.addActions([self.import_action, self.export_action])
        menu.exec(self.table.viewport().mapToGlobal(pos))

    def open_import(self) -> ImportDialog | None:
        """The import wizard, window-modal; the list shows the imported letters as soon as they are in."""
        if not self.ctx.actor.can(Perm.WRITE_LETTERS):
            return None
        dialog = ImportDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.imported.connect(self._imported)
        dialog.finished.connect(self._import_closed)
        self.import_dialog = dialog
        dialog.open()
        return dialog

    def _import_closed(self, _result: int) -> None:
        self.import_dialog = None
        self.table.setFocus()

    def _imported(self, years: list[int]) -> None:
        if years and self.year.value() not in years:
            self.year.setValue(max(years))  # reloads
        else:
            self.reload()

    def export_agenda(self) -> None:
        export_incoming(self, self.ctx, self.year.value())

    # ------------------------------------------------------------------ keyboard
    def _handle_key(self, event: QKeyEvent, run: bool) -> bool:
        key = key_of(event)
        if key == PRINT_KEY:
            if run:
                self.print_selected()
            return True
        if key == RELOAD_KEY:
            if run:
                self.reload()
            return True
        if key == DISPOSITION_KEY:
            if run:
                self.open_disposition()
            return True
        if key == FIND_KEY:
            if run:
                self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
                self.search.selectAll()
            return True
        if key == FILTER_KEY:
            if run:
                self.toggle_filters()
            return True
        return False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent):
            if event.type() == QEvent.Type.ShortcutOverride and self._handle_key(event, run=False):
                event.accept()  # ours while focus is in the list, whatever the window binds to the key
                return True
            if event.type() == QEvent.Type.KeyPress:
                if self._handle_key(event, run=True):
                    return True
                if watched is self.search and is_enter(event):
                    self.reload()
                    self.table.setFocus()
                    if self.model.rows and not self.selected_info():
                        self.table.selectRow(0)
                    return True
                if watched is self.search and event.key() == Qt.Key.Key_Down:
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
