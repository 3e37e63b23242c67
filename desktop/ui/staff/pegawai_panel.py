"""Pegawai: the staff register on screen (search as you type, filters, paged), the pegawai form, the riwayat,
the SIASN import and the Kepegawaian documents (daftar nominatif, DUK, KGB notice, formulir and rekap cuti)."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import (
    QEvent,
    QKeyCombination,
    QObject,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QPushButton,
    QWidget,
)

from desktop.core import clock
from desktop.services.common import office
from desktop.services.common.errors import ServiceError
from desktop.services.common.permissions import Perm
from desktop.services.staff import printouts, records, records_io
from desktop.services.staff.printouts import Printout, StaffFilter
from desktop.services.staff.records import PegawaiRow, StatusPegawai
from desktop.ui import dialogs
from desktop.ui.context import UiContext
from desktop.ui.print_preview import PrintPreviewDialog
from desktop.ui.staff.cuti_chooser_dialog import CutiChooserDialog
from desktop.ui.staff.fields import open_preview
from desktop.ui.staff.kgb_notice_dialog import KgbNoticeDialog
from desktop.ui.staff.nominatif_dialog import NominatifDialog
from desktop.ui.staff.pegawai_form import PegawaiDialog
from desktop.ui.staff.pegawai_model import PegawaiTableModel
from desktop.ui.staff.riwayat_dialog import RiwayatDialog
from desktop.ui.staff.staff_import_dialog import StaffImportDialog
from desktop.ui.tasks import Progress, run_task
from desktop.ui.widgets.files import remember_dir, start_dir
from desktop.ui.widgets.keys import is_enter, sequence
from desktop.ui.widgets.messages import muted, set_message
from desktop.ui.widgets.palette import ERROR_COLOR, SUCCESS_COLOR, WARNING_COLOR
from desktop.ui.widgets.tables import (
    focus_search,
    heading,
    list_table,
    screen_layout,
    search_box,
    select_key,
    selected_row,
    set_widths,
    take_key,
)

PAGE_SIZE = 200
NEW_KEY = sequence("Ctrl+N")
RIWAYAT_KEY = sequence("Ctrl+R")
FIND_KEY = sequence("Ctrl+F")
RELOAD_KEY = sequence("F5")

# The aktif filter: value for list_pegawai's ``aktif``.
AKTIF_CHOICES: tuple[tuple[str, bool | None], ...] = (("Aktif", True), ("Nonaktif", False), ("Semua", None))


class PegawaiPanel(QWidget):
    """The pegawai list with its actions. Ctrl+N new, Enter opens the record, Ctrl+R the riwayat, Ctrl+F
    searches, F5 reloads; read-only roles see the records and print, nothing else."""

    changed = Signal(int)  # pegawai id, after a record or its riwayat was saved (0 after an import)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("pegawaiPanel")
        self.can_write = ctx.actor.can(Perm.WRITE_STAFF)
        self.can_print = ctx.actor.can(Perm.PRINT)
        with ctx.read() as s:
            self.zone = office.get_profile(s).zona_waktu or "WIB"
            units = office.list_units(s)
        self.form: PegawaiDialog | None = None
        self.riwayat: RiwayatDialog | None = None
        self.import_dialog: StaffImportDialog | None = None
        self.document_dialog: QWidget | None = None
        self.preview: PrintPreviewDialog | None = None

        title = heading(self.tr("Data pegawai"), self)
        self.search, self._search_timer = search_box(
            self, self.tr("Cari nama, NIP, jabatan atau unit… (Ctrl+F)"), self.reload
        )

        self.unit = QComboBox(self)
        self.unit.setObjectName("unitFilter")
        self.unit.setAccessibleName(self.tr("Saring unit kerja"))
        self.unit.addItem(self.tr("Semua unit"), None)
        for unit in units:
            self.unit.addItem(unit.nama, unit.id)
        self.unit.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.unit.setMinimumContentsLength(18)
        self.status = QComboBox(self)
        self.status.setObjectName("statusFilter")
        self.status.setAccessibleName(self.tr("Saring status pegawai"))
        self.status.addItem(self.tr("Semua status"), None)
        for st in StatusPegawai:
            self.status.addItem(st.label, st.value)
        self.aktif = QComboBox(self)
        self.aktif.setObjectName("aktifFilter")
        self.aktif.setAccessibleName(self.tr("Saring keaktifan"))
        for label, value in AKTIF_CHOICES:
            self.aktif.addItem(self.tr(label), value)
        for combo in (self.unit, self.status, self.aktif):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.count_label = muted(QLabel(self))
        self.count_label.setObjectName("countLabel")

        self.model = PegawaiTableModel(self._fetch)
        self.table = list_table(self, "pegawaiTable", self.model, PegawaiTableModel.JABATAN)
        metrics = self.table.fontMetrics()
        mono = QFont()
        mono.setFamilies(["DejaVu Sans Mono", "Consolas", "monospace"])
        set_widths(
            self.table,
            {
                0: QFontMetrics(mono).horizontalAdvance("88888888 888888 8 888") + 24,
                1: metrics.horizontalAdvance("M") * 22,
                2: metrics.horizontalAdvance("Gol. IV/e") + 16,
                4: metrics.horizontalAdvance("Sub Bagian Perencanaan dan Keuangan") + 16,
                5: metrics.horizontalAdvance("CPNS · nonaktif") + 12,
            },
        )
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)

        self.message = QLabel(self)
        self.message.setObjectName("panelMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.RichText)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()

        self.add_button = QPushButton(self.tr("&Tambah (Ctrl+N)"), self)
        self.add_button.setObjectName("addButton")
        self.add_button.clicked.connect(self.new_pegawai)
        self.edit_button = QPushButton(self.tr("&Ubah…") if self.can_write else self.tr("&Lihat…"), self)
        self.edit_button.setObjectName("editButton")
        self.edit_button.setToolTip(self.tr("Buka data pegawai terpilih (Enter)"))
        self.edit_button.clicked.connect(self.open_selected)
        self.riwayat_button = QPushButton(self.tr("&Riwayat (Ctrl+R)"), self)
        self.riwayat_button.setObjectName("riwayatButton")
        self.riwayat_button.clicked.connect(self.open_riwayat)
        self.import_button = QPushButton(self.tr("&Impor SIASN…"), self)
        self.import_button.setObjectName("importButton")
        self.import_button.clicked.connect(self.open_import)
        self.documents_button = QPushButton(self.tr("&Dokumen"), self)
        self.documents_button.setObjectName("documentsButton")
        self.documents_menu = QMenu(self)
        self.nominatif_action = self.documents_menu.addAction(
            self.tr("Daftar &nominatif (PDF/xlsx)…"), self.open_nominatif
        )
        self.duk_action = self.documents_menu.addAction(
            self.tr("Daftar urut &kepangkatan (DUK)"), self.print_duk
        )
        self.documents_menu.addSeparator()
        self.kgb_action = self.documents_menu.addAction(
            self.tr("Surat pemberitahuan &KGB pegawai terpilih…"), self.open_kgb_notice
        )
        self.cuti_action = self.documents_menu.addAction(
            self.tr("&Formulir cuti pegawai terpilih…"), self.open_cuti_form
        )
        self.rekap_action = self.documents_menu.addAction(
            self.tr("&Rekap cuti setahun…"), self.print_rekap_cuti
        )
        self.documents_menu.addSeparator()
        self.export_action = self.documents_menu.addAction(
            self.tr("&Ekspor data pegawai (xlsx)…"), self.export_register
        )
        self.documents_button.setMenu(self.documents_menu)
        self.reload_button = QPushButton(self.tr("Muat ulang (F5)"), self)
        self.reload_button.clicked.connect(lambda: self.reload())
        for button in (self.add_button, self.import_button):
            button.setVisible(self.can_write)
        self.documents_button.setVisible(self.can_print)

        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(12)
        top.addWidget(self.search, 2)
        top.addWidget(self.unit, 1)
        top.addWidget(self.status)
        top.addWidget(self.aktif)
        top.addWidget(self.count_label)
        actions = QHBoxLayout()
        actions.addWidget(self.add_button)
        actions.addWidget(self.edit_button)
        actions.addWidget(self.riwayat_button)
        actions.addSpacing(12)
        actions.addWidget(self.documents_button)
        actions.addStretch(1)
        actions.addWidget(self.import_button)
        actions.addWidget(self.reload_button)
        screen_layout(self, top, self.table, self.message, actions, stretch=self.table)

        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_actions())
        for widget in (
            self.search,
            self.table,
            self.unit,
            self.status,
            self.aktif,
            *self.findChildren(QPushButton),
        ):
            widget.installEventFilter(self)
        self.reload()

    # ------------------------------------------------------------------ data
    def filters(self) -> StaffFilter:
        status = self.status.currentData()
        return StaffFilter(
            text=self.search.text(),
            unit_id=self.unit.currentData(),
            status=StatusPegawai(status) if status else None,
            aktif=self.aktif.currentData(),
        )

    def _fetch(self, offset: int) -> tuple[list[PegawaiRow], int]:
        f = self.filters()
        try:
            return self.ctx.query(
                records.list_pegawai,
                text=f.text,
                unit_id=f.unit_id,
                status=f.status,
                aktif=f.aktif,
                limit=PAGE_SIZE,
                offset=offset,
            )
        except ServiceError as exc:
            set_message(self.message, html.escape(str(exc)), ERROR_COLOR)
            return [], 0

    def reload(self, select_id: int | None = None) -> None:
        """Fetch again with the current search and filters; keep (or move to) the selected pegawai."""
        self._search_timer.stop()
        keep = select_id if select_id is not None else self.selected_id()
        self.model.reload()
        if (keep is None or not self.select(keep)) and self.model.rows:
            self.table.selectRow(0)
        self._update_count()
        self._update_actions()

    def _update_count(self) -> None:
        shown, total = len(self.model.rows), self.model.total
        filtered = (
            bool(self.search.text().strip()) or self.unit.currentIndex() > 0 or self.status.currentIndex() > 0
        )
        if filtered:
            text = self.tr("{0} dari {1} yang cocok").format(shown, total)
        else:
            text = self.tr("{0} dari {1} pegawai").format(shown, total)
        self.count_label.setText(text)

    def select(self, pegawai_id: int) -> bool:
        return select_key(self.table, self.model, pegawai_id, fetch=True)

    def selected_info(self) -> PegawaiRow | None:
        return selected_row(self.table, self.model)

    def selected_id(self) -> int | None:
        info = self.selected_info()
        return info.id if info is not None else None

    def _update_actions(self) -> None:
        picked = self.selected_info() is not None
        self.edit_button.setEnabled(picked)
        self.riwayat_button.setEnabled(picked)
        self.kgb_action.setEnabled(picked)
        self.cuti_action.setEnabled(picked)
        self._update_count()

    def open_pegawai(self, pegawai_id: int) -> None:
        """Select and show the record of ``pegawai_id``: the filters are widened when it is not in the list."""
        if self.select(pegawai_id):
            self.table.setFocus()
            return
        for combo in (self.unit, self.status):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.aktif.blockSignals(True)
        self.aktif.setCurrentIndex(len(AKTIF_CHOICES) - 1)  # Semua: the record may be inactive
        self.aktif.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.reload(select_id=pegawai_id)
        self.table.setFocus()

    def show_message(self, text: str, color: str = SUCCESS_COLOR) -> None:
        set_message(self.message, text, color)

    def message_text(self) -> str:
        return self.message.text() if not self.message.isHidden() else ""

    # ------------------------------------------------------------------ record and riwayat
    def new_pegawai(self) -> PegawaiDialog | None:
        if not self.can_write:
            return None
        return self._open_form(None)

    def open_selected(self) -> PegawaiDialog | None:
        info = self.selected_info()
        return self._open_form(info.id) if info is not None else None

    def _open_form(self, pegawai_id: int | None) -> PegawaiDialog | None:
        try:
            dialog = PegawaiDialog(self.ctx, pegawai_id, self)
        except ServiceError as exc:
            self.show_message(html.escape(str(exc)), ERROR_COLOR)
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r, d=dialog: self._form_closed(d))
        self.form = dialog
        dialog.open()
        return dialog

    def _form_closed(self, dialog: PegawaiDialog) -> None:
        self.form = None
        saved = dialog.saved
        if saved is not None:
            info = saved.value
            self.reload(select_id=info.id)  # the row shows the saved values (pangkat may follow the riwayat)
            text = self.tr("✔ Tersimpan: <b>{0}</b> ({1}).").format(
                html.escape(info.nama_lengkap), info.nip_format
            )
            if saved.warnings:
                text += "<br>" + "<br>".join("⚠ " + html.escape(w) for w in saved.warnings)
            self.show_message(text, WARNING_COLOR if saved.warnings else SUCCESS_COLOR)
            self.changed.emit(info.id)
        self.table.setFocus()

    def open_riwayat(self) -> RiwayatDialog | None:
        info = self.selected_info()
        if info is None:
            return None
        try:
            dialog = RiwayatDialog(self.ctx, info.id, self)
        except ServiceError as exc:
            self.show_message(html.escape(str(exc)), ERROR_COLOR)
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(self._riwayat_changed)
        dialog.finished.connect(lambda _r: self._riwayat_closed())
        self.riwayat = dialog
        dialog.open()
        return dialog

    def _riwayat_changed(self, pegawai_id: int) -> None:
        self.reload(select_id=pegawai_id)  # the current pangkat and jabatan follow the riwayat
        self.changed.emit(pegawai_id)

    def _riwayat_closed(self) -> None:
        self.riwayat = None
        self.table.setFocus()

    # ------------------------------------------------------------------ import
    def open_import(self) -> StaffImportDialog | None:
        if not self.can_write:
            return None
        dialog = StaffImportDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.imported.connect(self._imported)
        dialog.finished.connect(lambda _r: self._import_closed())
        self.import_dialog = dialog
        dialog.open()
        return dialog

    def _imported(self, result: records_io.StaffImportResult) -> None:
        self.reload()
        self.show_message(
            self.tr("✔ Impor selesai: {0} baru, {1} diperbarui, {2} tetap.").format(
                result.created, result.updated, result.unchanged
            )
        )
        self.changed.emit(0)

    def _import_closed(self) -> None:
        self.import_dialog = None
        self.table.setFocus()

    # ------------------------------------------------------------------ documents
    def _preview(self, printout: Printout) -> PrintPreviewDialog:
        if printout.notes:
            self.show_message("<br>".join("⚠ " + html.escape(n) for n in printout.notes), WARNING_COLOR)
        self.preview = open_preview(self, printout)
        return self.preview

    def _run_printout(
        self, title: str, fn: Callable[..., Printout], *args: object
    ) -> PrintPreviewDialog | None:
        try:
            printout = self.ctx.query(fn, *args)
        except ServiceError as exc:
            dialogs.error(self, title, str(exc))
            return None
        return self._preview(printout)

    def open_nominatif(self) -> NominatifDialog:
        dialog = NominatifDialog(
            self.ctx, self.filters(), clock.today(self.zone), self, note=self._scope_note()
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.document_dialog = dialog
        dialog.open()
        return dialog

    def _scope_note(self) -> str:
        parts = [self.tr("Pegawai: {0}").format(self.aktif.currentText().lower())]
        if self.unit.currentIndex() > 0:
            parts.append(self.unit.currentText())
        if self.status.currentIndex() > 0:
            parts.append(self.status.currentText())
        if self.search.text().strip():
            parts.append(self.tr("pencarian “{0}”").format(self.search.text().strip()))
        return ", ".join(parts) + self.tr(" — sesuai daftar ({0} pegawai).").format(self.model.total)

    def print_duk(self) -> PrintPreviewDialog | None:
        today = clock.today(self.zone)
        # The DUK is kept as of 1 January and 1 July: the latest of those on or before today.
        per = date(today.year, 7, 1) if today >= date(today.year, 7, 1) else date(today.year, 1, 1)
        return self._run_printout(self.tr("DUK"), printouts.duk_pdf, per, self.filters())

    def open_kgb_notice(self) -> KgbNoticeDialog | None:
        info = self.selected_info()
        if info is None:
            return None
        dialog = KgbNoticeDialog(self.ctx, info.id, clock.today(self.zone), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.document_dialog = dialog
        dialog.open()
        return dialog

    def open_cuti_form(self) -> CutiChooserDialog | None:
        info = self.selected_info()
        if info is None:
            return None
        dialog = CutiChooserDialog(self.ctx, info.id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.document_dialog = dialog
        dialog.open()
        return dialog

    def ask_year(self) -> int | None:
        year, ok = QInputDialog.getInt(
            self, self.tr("Rekap cuti"), self.tr("Tahun rekap cuti:"), clock.today(self.zone).year, 2000, 2100
        )
        return year if ok else None

    def print_rekap_cuti(self) -> PrintPreviewDialog | None:
        year = self.ask_year()
        if year is None:
            return None
        return self._run_printout(self.tr("Rekap cuti"), printouts.rekap_cuti_pdf, year, self.filters())

    def export_register(self) -> None:
        title = self.tr("Ekspor data pegawai")
        path, _ = QFileDialog.getSaveFileName(
            self,
            title,
            start_dir(f"data-pegawai-{clock.today(self.zone).isoformat()}.xlsx"),
            self.tr("Excel (*.xlsx)"),
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != ".xlsx":
            target = target.with_name(target.name + ".xlsx")
        ctx = self.ctx

        def work(progress: Progress) -> int:
            progress.set(0, 0, title)
            with ctx.transaction() as session:
                return records_io.export_staff_xlsx(session, ctx.actor, target)

        def done(count: int) -> None:
            remember_dir(target)
            self.show_message(
                self.tr("✔ {0} pegawai aktif diekspor ke {1}").format(count, html.escape(str(target)))
            )

        def failed(exc: BaseException) -> None:
            dialogs.error(self, title, str(exc))

        run_task(self, title, work, on_done=done, on_error=failed, cancellable=False)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if index.isValid():
            self.table.selectRow(index.row())
        menu = QMenu(self)
        menu.addAction(self.edit_button.text().replace("&", ""), self.open_selected)
        menu.addAction(self.tr("Riwayat"), self.open_riwayat)
        if self.can_print:
            menu.addSeparator()
            menu.addAction(self.kgb_action)
            menu.addAction(self.cuti_action)
        menu.exec(self.table.viewport().mapToGlobal(pos))

    # ------------------------------------------------------------------ keyboard
    def keys(self) -> dict[QKeyCombination, Callable[[], object]]:
        """The keys the panel keeps while focus is in it."""
        keys: dict[QKeyCombination, Callable[[], object]] = {
            RIWAYAT_KEY: self.open_riwayat,
            RELOAD_KEY: self.reload,
            FIND_KEY: lambda: focus_search(self.search),
        }
        if self.can_write:
            keys[NEW_KEY] = self.new_pegawai
        return keys

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent):
            if take_key(event, self.keys()):
                return True
            if event.type() == QEvent.Type.KeyPress:
                if watched is self.table and is_enter(event):
                    self.open_selected()
                    return True
                if watched is self.search and (is_enter(event) or event.key() == Qt.Key.Key_Down):
                    self.reload()
                    self.table.setFocus()
                    return True
        return super().eventFilter(watched, event)
