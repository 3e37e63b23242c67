"""The buku agenda surat masuk on screen: search as you type, filter and sort in SQL, print the lembar disposisi,
cancel with a reason."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QKeyCombination, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QFont, QFontMetrics
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QMenu, QPushButton, QWidget

from desktop.core import clock
from desktop.printing.pages import paper_by_key
from desktop.services.common.errors import ServiceError
from desktop.services.common.permissions import Perm
from desktop.services.common.printed import Delivery
from desktop.services.letters import dispositions, incoming
from desktop.ui import dialogs
from desktop.ui.context import UiContext
from desktop.ui.letters.agenda_filters import FilterBar
from desktop.ui.letters.agenda_list import RELOAD_KEY, AgendaList
from desktop.ui.letters.disposition_dialog import DispositionDialog
from desktop.ui.letters.import_dialog import ImportDialog, export_incoming
from desktop.ui.letters.incoming_model import IncomingTableModel
from desktop.ui.letters.scans_dialog import ScansDialog
from desktop.ui.print_preview import PrintPreviewDialog
from desktop.ui.widgets.keys import sequence
from desktop.ui.widgets.tables import ask_reason, keep_columns_on_screen, screen_layout

PAGE_SIZE = incoming.LIST_PAGE
PRINT_KEY = sequence("Ctrl+P")
DISPOSITION_KEY = sequence("Ctrl+D")


class IncomingList(AgendaList[incoming.IncomingInfo]):
    """Buku agenda masuk of one year (or a date range); Ctrl+P prints the selected letter's lembar disposisi,
    F5 reloads, Ctrl+F searches, Ctrl+Shift+F shows the filters; a click on a header sorts."""

    disposition_changed = Signal(int)  # letter id, after the disposition dialog saved something

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("incomingList")
        self.disposition_dialog: DispositionDialog | None = None
        self.preview: PrintPreviewDialog | None = None
        can_write = ctx.actor.can(Perm.WRITE_LETTERS)

        self.build_header(
            self.tr("Buku agenda surat masuk"),
            self.tr("Tahun agenda"),
            self.tr("Cari asal surat, nomor atau perihal… (Ctrl+F)"),
        )
        try:
            officials = ctx.query(dispositions.officials)
        except ServiceError:
            officials = []
        self.targets = [
            incoming.DispositionTarget(unit_id=o.unit_id, jabatan=o.jabatan, nama=o.nama) for o in officials
        ]
        self.build_filters(
            FilterBar(
                date_label=self.tr("Tgl terima"),
                name_placeholder=self.tr("Asal surat"),
                statuses=incoming.STATUS_LABELS,
                today=clock.today(self.zone),
                targets=[o.label for o in officials],
                parent=self,
            ),
            self.tr("Rentang tanggal terima dipakai sebagai ganti tahun"),
        )
        self.build_table(
            IncomingTableModel(self._fetch, self.zone), "incomingTable", IncomingTableModel.PERIHAL
        )
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
        # On a 1024 px screen asal surat and nomor surat narrow first, so Sifat and Status stay in view.
        keep_columns_on_screen(self.table, (IncomingTableModel.ASAL, IncomingTableModel.NOMOR))
        self.connect_table(self.print_selected)

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

        top = self.top_row()
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
        screen_layout(
            self, top, self.filter_bar, self.year_search_hint, self.table, actions, stretch=self.table
        )

        self.watch_keys(self.paper)
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
        return self.fetch_page(offset, incoming.list_incoming, PAGE_SIZE, self.tr("Agenda surat masuk"))

    def paper_key(self) -> str:
        return str(self.paper.currentData())

    def update_count(self) -> None:
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

    def update_actions(self) -> None:
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
        """Build the lembar disposisi and open the preview; the letter becomes "Disposisi dicetak" only when the
        preview really prints it or saves it as PDF (``_record_printed``), never for looking at it."""
        paper_key = paper_key or self.paper_key()
        try:
            pdf = self.ctx.call(incoming.disposisi_pdf, letter_id, paper_key)
        except ServiceError as exc:
            dialogs.error(self, self.tr("Lembar disposisi"), str(exc))
            return None
        self.reload(select_id=letter_id)
        info = self.model.info(self.model.row_of(letter_id))
        agenda = info.agenda if info is not None else str(letter_id)
        dialog = PrintPreviewDialog(
            pdf,
            self.tr("Lembar disposisi agenda {0}").format(agenda),
            self,
            suggested_filename=f"lembar-disposisi-{agenda.replace('/', '-')}.pdf",
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.delivered.connect(lambda delivery: self._record_printed(letter_id, delivery))
        dialog.finished.connect(self._preview_closed)
        self.preview = dialog
        dialog.open()  # window-modal without blocking: the clerk prints, closes and goes on
        return dialog

    def _record_printed(self, letter_id: int, delivery: Delivery) -> None:
        try:
            self.ctx.call(incoming.record_disposisi_printed, letter_id, delivery)
        except ServiceError as exc:
            dialogs.error(
                self,
                self.tr("Lembar disposisi"),
                self.tr("Lembar disposisi sudah {0}, tetapi tidak dapat dicatat: {1}").format(
                    delivery.describe(), exc
                ),
            )
            return
        self.reload(select_id=letter_id)  # status is now "Disposisi dicetak"

    def _preview_closed(self, _result: int) -> None:
        self.preview = None
        self.table.setFocus()

    def ask_reason(self, info: incoming.IncomingInfo) -> str | None:
        """The reason for cancelling ``info``; None when the clerk backs out."""
        return ask_reason(
            self,
            self.tr("Batalkan agenda {0}").format(info.agenda),
            self.tr("Alasan pembatalan agenda {0} ({1}):").format(info.agenda, info.asal_surat),
            ok=self.tr("Batalkan agenda ini…"),
            cancel=self.tr("Kembali"),
            width=460,
        )

    def cancel_selected(self) -> bool:
        asked = self.ask_cancel(
            self.tr("Batalkan agenda"),
            lambda info, reason: self.tr(
                "Agenda {0} dari {1} akan ditandai BATAL dengan alasan:\n“{2}”\n\n"
                "Nomornya tetap tercatat dan tidak dipakai lagi. Lanjutkan?"
            ).format(info.agenda, info.asal_surat, reason),
            self.tr("Batalkan agenda ini"),
        )
        if asked is None:
            return False
        info, reason = asked
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

    def context_menu(self, pos: QPoint) -> None:
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
    def keys(self, watched: QObject) -> dict[QKeyCombination, Callable[[], object]]:
        """Ctrl+P prints, Ctrl+D opens the disposition, besides the keys of every agenda."""
        return {
            **super().keys(watched),
            PRINT_KEY: self.print_selected,
            DISPOSITION_KEY: self.open_disposition,
        }
