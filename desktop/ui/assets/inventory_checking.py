"""The checking screen of a census: the scan box that keeps the focus, the lines with their filters and the
progress per room, and the goods found but not recorded (A.7)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core.assets.kondisi import KONDISI, kondisi_nama
from desktop.services.assets import inventory, rooms
from desktop.services.assets.inventory import CensusInfo, LineFilter, LineInfo, ScanResult
from desktop.services.common.errors import ServiceError, ValidationError
from desktop.services.common.permissions import Perm
from desktop.services.common.printed import Delivery
from desktop.ui import dialogs
from desktop.ui.assets.inventory_start_dialog import plain_table, table_item
from desktop.ui.context import UiContext
from desktop.ui.print_preview import PrintPreviewDialog, status_text
from desktop.ui.widgets.forms import FormRows, form_layout
from desktop.ui.widgets.messages import set_message
from desktop.ui.widgets.palette import ERROR_COLOR, SUCCESS_COLOR, WARNING_BACKGROUND, WARNING_COLOR

RECENT = 5
FLASH_MS = 600
_FLASH = {
    "ok": "background: #d9f2df;",
    "warn": f"background: {WARNING_BACKGROUND};",
    "bad": "background: #f9dedc;",
}
FILTERS: tuple[tuple[str, str | None], ...] = (
    ("Semua", None),
    ("Belum dicek", ""),
    ("Ada", "ada"),
    ("Hilang", "hilang"),
    ("Tidak ditemukan", "tidak_ditemukan"),
)


class FoundDialog(QDialog):
    """Barang ditemukan tidak tercatat (Format A.7): what the team saw, to be recorded later."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Barang ditemukan tidak tercatat"))
        self.nama = QLineEdit(self)
        self.nama.setObjectName("foundNama")
        self.kode = QLineEdit(self)
        self.kode.setPlaceholderText(self.tr("bila diketahui"))
        self.merk = QLineEdit(self)
        self.jumlah = QSpinBox(self)
        self.jumlah.setRange(1, 100_000)
        self.catatan = QLineEdit(self)
        self.form = form_layout()
        rows = FormRows(self, self.form)
        rows.add(self.tr("&Nama barang"), "nama", self.nama)
        rows.add(self.tr("&Kode barang"), "kode", self.kode)
        rows.add(self.tr("&Merk/tipe"), "merk", self.merk)
        rows.add(self.tr("&Jumlah"), "jumlah", self.jumlah)
        rows.add(self.tr("Ca&tatan"), "catatan", self.catatan)
        self.rows = rows
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.tr("&Simpan"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(buttons)


class CheckingView(QWidget):
    """The checking screen of one census. The scan box keeps the focus: a USB scanner types the label's ID and
    Enter; the line ticks, the box flashes (green, amber for another room, red for unknown) and the last five
    scans stay listed. After "Selesai" the follow-up list replaces the table's buttons."""

    def __init__(self, ui: UiContext, on_back: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.census: CensusInfo | None = None
        self.on_back = on_back
        self.title = QLabel(self)
        self.title.setObjectName("inventoryTitle")
        self.title.setStyleSheet("font-weight: bold; font-size: 12pt;")
        back = QPushButton(self.tr("‹ Daftar inventarisasi"), self)
        back.clicked.connect(on_back)
        self.scan = QLineEdit(self)
        self.scan.setObjectName("inventoryScan")
        self.scan.setPlaceholderText(self.tr("Pindai label barang (atau ketik ID lalu Enter)"))
        self.scan.setMinimumWidth(200)
        self.scan.returnPressed.connect(self._scanned)
        self.room = QComboBox(self)
        self.room.setObjectName("inventoryScanRoom")
        self.room.setToolTip(self.tr("Ruangan yang sedang diperiksa"))
        self.kondisi = QComboBox(self)
        self.kondisi.addItem(self.tr("Kondisi tercatat"), None)
        for k in KONDISI:
            self.kondisi.addItem(kondisi_nama(k, "47/2021"), k)
        self.flash = QLabel(self)
        self.flash.setObjectName("inventoryFlash")
        self.flash.setWordWrap(True)
        self.flash.setMinimumHeight(24)
        self.recent = QListWidget(self)
        self.recent.setObjectName("inventoryRecent")
        self.recent.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.recent.setMaximumHeight(RECENT * 34 + 6)
        self.recent.setWordWrap(True)
        self.recent.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._flash_timer = QTimer(self)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.timeout.connect(lambda: self.scan.setStyleSheet(""))

        self.filter = QComboBox(self)
        self.filter.setObjectName("inventoryFilter")
        for label, value in FILTERS:
            self.filter.addItem(label, value)
        self.filter.currentIndexChanged.connect(self.reload_lines)
        self.table = plain_table(
            ["Kode Barang", "Register", "Nama", "Merk/Tipe", "Ruang", "Keberadaan", "Kondisi", "Catatan"]
        )
        self.table.setObjectName("inventoryLines")
        # Fixed widths: measuring 10,000 rows after every scan would make the scanner wait.
        for column, width in enumerate((130, 60, 0, 120, 160, 105, 90, 130)):
            if width:
                self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setStretchLastSection(False)
        self._rows: dict[int, int] = {}  # line id -> table row, to update one row after a scan
        self.progress_box = QWidget(self)
        self.progress_layout = QVBoxLayout(self.progress_box)
        self.progress_layout.setContentsMargins(0, 0, 0, 0)
        self.progress_layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        progress_scroll = QScrollArea(self)
        progress_scroll.setWidgetResizable(True)
        progress_scroll.setWidget(self.progress_box)
        progress_scroll.setFixedWidth(240)
        self.recent.setFixedWidth(240)

        self.hilang = QPushButton(self.tr("Tandai &hilang"), self)
        self.hilang.clicked.connect(lambda: self._mark("hilang"))
        self.tidak = QPushButton(self.tr("Tandai &tidak ditemukan"), self)
        self.tidak.clicked.connect(lambda: self._mark("tidak_ditemukan"))
        self.ada = QPushButton(self.tr("Tandai &ada"), self)
        self.ada.clicked.connect(lambda: self._mark("ada"))
        self.found = QPushButton(self.tr("Barang ditemukan tidak &tercatat…"), self)
        self.found.setObjectName("inventoryFound")
        self.found.clicked.connect(self._add_found)
        self.lki = QPushButton(self.tr("Cetak &LKI"), self)
        self.lki.clicked.connect(self._print_lki)
        self.finish = QPushButton(self.tr("&Selesai…"), self)
        self.finish.setObjectName("inventoryFinish")
        self.finish.clicked.connect(self._finish)
        self.message = QLabel(self)
        self.message.setWordWrap(True)

        # The follow-up list, shown once the census is finished.
        self.follow = plain_table(["Daftar (LHI)", "Format", "Tindak lanjut", "Barang", "Belum"])
        self.follow.setObjectName("inventoryFollowUp")
        self.follow.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.apply = QPushButton(self.tr("&Terapkan kelompok terpilih"), self)
        self.apply.setObjectName("inventoryApply")
        self.apply.clicked.connect(self._apply)
        self.lhi = QPushButton(self.tr("Cetak L&HI"), self)
        self.lhi.clicked.connect(self._print_lhi)
        self.ba = QPushButton(self.tr("Cetak &BA"), self)
        self.ba.clicked.connect(self._print_ba)

        top = QHBoxLayout()
        top.addWidget(back)
        top.addWidget(self.title, 1)
        scan_row = QHBoxLayout()
        scan_row.addWidget(QLabel(self.tr("Label:"), self))
        scan_row.addWidget(self.scan, 2)
        scan_row.addWidget(QLabel(self.tr("di"), self))
        scan_row.addWidget(self.room, 1)
        scan_row.addWidget(self.kondisi)
        left = QVBoxLayout()
        left.addLayout(scan_row)
        left.addWidget(self.flash)
        filter_row = QHBoxLayout()
        filter_row.addWidget(QLabel(self.tr("Tampilkan:"), self))
        filter_row.addWidget(self.filter)
        filter_row.addStretch(1)
        left.addLayout(filter_row)
        left.addWidget(self.table, 1)
        self.check_buttons = QWidget(self)
        buttons = QHBoxLayout(self.check_buttons)
        buttons.setContentsMargins(0, 0, 0, 0)
        for b in (self.ada, self.hilang, self.tidak, self.found):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.lki)
        buttons.addWidget(self.finish)
        left.addWidget(self.check_buttons)
        left.addWidget(self.message)
        self.follow_box = QWidget(self)
        follow_layout = QVBoxLayout(self.follow_box)
        follow_layout.setContentsMargins(0, 0, 0, 0)
        follow_layout.addWidget(
            QLabel(self.tr("<b>Tindak lanjut</b> — KIB tidak berubah sampai kelompok diterapkan"), self)
        )
        follow_layout.addWidget(self.follow)
        follow_buttons = QHBoxLayout()
        follow_buttons.addWidget(self.apply)
        follow_buttons.addStretch(1)
        self.lki_after = QPushButton(self.tr("Cetak LKI"), self)
        follow_buttons.addWidget(self.lki_after)
        self.lki_after.clicked.connect(self._print_lki)
        follow_buttons.addWidget(self.lhi)
        follow_buttons.addWidget(self.ba)
        follow_layout.addLayout(follow_buttons)
        self.follow.setMaximumHeight(230)
        left.addWidget(self.follow_box)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("<b>Terakhir dipindai</b>"), self))
        right.addWidget(self.recent)
        right.addWidget(QLabel(self.tr("<b>Kemajuan per ruangan</b>"), self))
        right.addWidget(progress_scroll, 1)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(right)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        self.setFocusProxy(self.scan)

    # --- loading --------------------------------------------------------------------------------------------

    def open_census(self, inv_id: int) -> None:
        self.census = self.ui.query(inventory.get_census, inv_id)
        self.recent.clear()
        self.flash.clear()
        self.message.clear()
        self.room.clear()
        census = self.census
        if census.cakupan == "ruang":
            self.room.addItem(census.ruang_nama, census.ruang_id)
            self.room.setEnabled(False)
        else:
            self.room.setEnabled(True)
            self.room.addItem(self.tr("(ruangan tidak dicatat)"), None)
            for room in self.ui.query(rooms.list_rooms):
                self.room.addItem(room.nama, room.id)
        self.refresh()
        self.scan.setFocus()

    def refresh(self) -> None:
        assert self.census is not None
        self._update_title()
        c = self.census
        writable = self.ui.actor.can(Perm.WRITE_ASSETS)
        running = not c.selesai and writable
        for w in (self.scan, self.kondisi, self.ada, self.hilang, self.tidak, self.found, self.finish):
            w.setEnabled(running)
        self.check_buttons.setVisible(not c.selesai)
        self.follow_box.setVisible(c.selesai)
        self.apply.setEnabled(writable)
        self.reload_lines()
        self._reload_progress()
        if c.selesai:
            self._reload_follow_up()

    def _update_title(self) -> None:
        assert self.census is not None
        self.census = self.ui.query(inventory.get_census, self.census.id)
        c = self.census
        state = self.tr("selesai") if c.selesai else self.tr("berjalan")
        self.title.setText(f"{c.nama} — {c.scope_text} · {c.dicek}/{c.total} dicek · {state}")

    def reload_lines(self) -> None:
        if self.census is None:
            return
        found = self.ui.query(
            inventory.lines, self.census.id, LineFilter(keberadaan=self.filter.currentData())
        )
        self.table.setRowCount(len(found))
        self._rows = {line.id: row for row, line in enumerate(found)}
        for row, line in enumerate(found):
            self._fill(row, line)

    def _fill(self, row: int, line: LineInfo) -> None:
        kondisi = kondisi_nama(line.kondisi, "47/2021") if line.kondisi and line.dicek else ""
        ruang = line.ruang_nama
        if line.ruang_berbeda:
            ruang = f"{line.ruang_nama} (tercatat: {line.aset_ruang_nama or '-'})"
        values = [
            line.kode_barang,
            line.register_text,
            line.nama + (" [A.7]" if line.temuan else ""),
            line.merk_tipe,
            ruang,
            inventory.KEBERADAAN[line.keberadaan],
            kondisi,
            line.catatan,
        ]
        for column, text in enumerate(values):
            item = table_item(text, line.id if column == 0 else None)
            if line.keberadaan in ("hilang", "tidak_ditemukan"):
                item.setForeground(Qt.GlobalColor.darkRed)
            elif line.ruang_berbeda and column == 4:
                item.setForeground(Qt.GlobalColor.darkYellow)
            self.table.setItem(row, column, item)

    def _reload_progress(self) -> None:
        assert self.census is not None
        while self.progress_layout.count():
            taken = self.progress_layout.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.hide()  # deleteLater waits for the event loop: hide it now, or old bars show through
                widget.deleteLater()
        for p in self.ui.query(inventory.progress, self.census.id):
            label = QLabel(f"{p.ruang_nama}: {p.dicek}/{p.total}", self.progress_box)
            bar = QProgressBar(self.progress_box)
            bar.setRange(0, max(1, p.total))
            bar.setValue(p.dicek)
            bar.setTextVisible(False)
            bar.setMaximumHeight(10)
            self.progress_layout.addWidget(label)
            self.progress_layout.addWidget(bar)
            label.show()  # a layout shows new children only when the event loop runs again
            bar.show()
        self.progress_layout.addStretch(1)

    def _reload_follow_up(self) -> None:
        assert self.census is not None
        groups = self.ui.query(inventory.follow_up, self.census.id)
        self.follow.setRowCount(len(groups))
        for row, g in enumerate(groups):
            values = [
                g.judul,
                g.format_kode,
                g.tindakan + ("" if g.applicable else " (dokumen tersendiri)"),
                str(len(g.lines)),
                str(g.pending),
            ]
            for column, text in enumerate(values):
                self.follow.setItem(row, column, table_item(text, g.key if column == 0 else None))
        self.follow.resizeColumnsToContents()

    # --- scanning -------------------------------------------------------------------------------------------

    def _scanned(self) -> None:
        text = self.scan.text().strip()
        self.scan.clear()
        if not text or self.census is None:
            return
        try:
            result = self.ui.call(
                inventory.check_scan,
                self.census.id,
                text,
                kondisi=self.kondisi.currentData(),
                di_ruang=self.room.currentData(),
            )
        except ValidationError as exc:
            self._show(str(exc), "bad")
            return
        if result.status == inventory.OUT_OF_SCOPE and result.aset is not None:
            self._show(result.pesan, "warn")
            if dialogs.confirm(self, self.tr("Di luar cakupan"), result.pesan, yes=self.tr("Tambahkan")):
                try:
                    self.ui.call(
                        inventory.add_to_scope,
                        self.census.id,
                        result.aset.id,
                        ruang_id=self.room.currentData(),
                        kondisi=self.kondisi.currentData(),
                    )
                except ValidationError as exc:
                    self._show(str(exc), "bad")
                    return
                self._show(self.tr("{0} ditambahkan dan dicentang ada.").format(result.aset.nama), "ok")
            self.refresh()
        else:
            self._show(result.pesan, self._tone(result))
            self._after_scan(result)
        self.scan.setFocus()

    def _after_scan(self, result: ScanResult) -> None:
        """Only what a scan changes: the title, the progress and the one line (not 10,000 rows)."""
        if result.line is None or result.line.id not in self._rows:
            if result.ticked:
                self.refresh()
            return
        self._fill(self._rows[result.line.id], result.line)
        self.table.scrollToItem(self.table.item(self._rows[result.line.id], 0))
        self._update_title()
        self._reload_progress()

    @staticmethod
    def _tone(result: ScanResult) -> str:
        if result.status == inventory.FOUND:
            return "ok"
        return "warn" if result.status == inventory.OTHER_ROOM else "bad"

    def _show(self, text: str, tone: str) -> None:
        color = {"ok": SUCCESS_COLOR, "warn": WARNING_COLOR, "bad": ERROR_COLOR}[tone]
        set_message(self.flash, text, color)
        # A silent flash of the box: the clerk looks at the goods, not the screen, and an office is quiet.
        self.scan.setStyleSheet(_FLASH[tone])
        self._flash_timer.start(FLASH_MS)
        self.recent.insertItem(0, text)
        while self.recent.count() > RECENT:
            self.recent.takeItem(self.recent.count() - 1)

    # --- actions --------------------------------------------------------------------------------------------

    def _selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        ids = []
        for row in rows:
            item = self.table.item(row, 0)
            if item is not None:
                ids.append(int(item.data(Qt.ItemDataRole.UserRole)))
        return ids

    def _mark(self, keberadaan: str) -> None:
        ids = self._selected_ids()
        if not ids:
            set_message(self.message, self.tr("Pilih baris yang akan ditandai."), ERROR_COLOR)
            return
        try:
            count = self.ui.call(inventory.mark_lines, ids, keberadaan)
        except ValidationError as exc:
            set_message(self.message, str(exc), ERROR_COLOR)
            return
        set_message(
            self.message,
            self.tr("{0} barang ditandai {1}.").format(count, inventory.KEBERADAAN[keberadaan].lower()),
            SUCCESS_COLOR,
        )
        self.refresh()
        self.scan.setFocus()

    def _add_found(self) -> None:
        assert self.census is not None
        dialog = FoundDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            self.ui.call(
                inventory.add_found,
                self.census.id,
                self.room.currentData(),
                dialog.kode.text(),
                dialog.nama.text(),
                dialog.merk.text(),
                dialog.jumlah.value(),
                dialog.catatan.text(),
            )
        except ValidationError as exc:
            set_message(self.message, str(exc), ERROR_COLOR)
            return
        self.refresh()

    def _finish(self) -> None:
        assert self.census is not None
        if not dialogs.confirm(
            self,
            self.tr("Selesaikan inventarisasi"),
            self.tr("Hasil tidak dapat diubah lagi sesudah inventarisasi selesai. Lanjutkan?"),
        ):
            return
        try:
            self.ui.call(inventory.finish, self.census.id)
        except ValidationError as exc:
            set_message(self.message, str(exc), ERROR_COLOR)
            return
        self.refresh()

    def _apply(self) -> None:
        assert self.census is not None
        row = self.follow.currentRow()
        item = self.follow.item(row, 0) if row >= 0 else None
        if item is None:
            return
        key = str(item.data(Qt.ItemDataRole.UserRole))
        group = next(g for g in self.ui.query(inventory.follow_up, self.census.id) if g.key == key)
        what = (
            self.tr("KIB akan diubah untuk {0} barang ({1}).")
            if group.applicable
            else self.tr("{0} barang ditandai sudah ditindaklanjuti ({1}); KIB tidak berubah.")
        )
        if not dialogs.confirm(
            self, self.tr("Terapkan tindak lanjut"), what.format(group.pending, group.tindakan)
        ):
            return
        try:
            done = self.ui.call(inventory.apply_follow_up, self.census.id, key)
        except ValidationError as exc:
            dialogs.error(self, self.tr("Terapkan tindak lanjut"), str(exc))
            return
        set_message(self.message, self.tr("{0} barang ditindaklanjuti.").format(done), SUCCESS_COLOR)
        self.refresh()

    def _preview(
        self, make: Callable[[], bytes], title: str, filename: str, dokumen: str, ruang: int | None = None
    ) -> None:
        """Build the census print (nothing recorded) and preview it; a print or saved PDF from the preview is
        recorded as ``dokumen`` of ``inventory.CENSUS_PRINTS``."""
        assert self.census is not None
        inv_id = self.census.id
        try:
            pdf = make()
        except ValidationError as exc:
            dialogs.error(self, title, str(exc))
            return
        self.preview_dialog = PrintPreviewDialog(pdf, title, self, suggested_filename=filename)
        self.preview_dialog.delivered.connect(
            lambda delivery: self._printed(inv_id, dokumen, ruang, title, delivery)
        )
        self.preview_dialog.open()

    def _printed(self, inv_id: int, dokumen: str, ruang: int | None, title: str, delivery: Delivery) -> None:
        try:
            self.ui.call(inventory.record_census_printed, inv_id, dokumen, delivery, ruang_id=ruang)
        except ServiceError as exc:
            set_message(self.message, str(exc), ERROR_COLOR)
            return
        set_message(self.message, status_text(delivery, title), SUCCESS_COLOR)

    def _print_lki(self) -> None:
        assert self.census is not None
        census = self.census
        ruang = self.room.currentData() if census.cakupan != "ruang" else None
        self._preview(
            lambda: self.ui.query(inventory.lki_pdf, census.id, ruang_id=ruang),
            self.tr("Lembar Kerja Inventarisasi"),
            f"lki-{census.id}.pdf",
            "lki",
            ruang,
        )

    def _print_lhi(self) -> None:
        assert self.census is not None
        census = self.census
        self._preview(
            lambda: self.ui.query(inventory.lhi_pdf, census.id),
            self.tr("Laporan Hasil Inventarisasi"),
            f"lhi-{census.id}.pdf",
            "lhi",
        )

    def _print_ba(self) -> None:
        assert self.census is not None
        census = self.census
        self._preview(
            lambda: self.ui.query(inventory.ba_pdf, census.id),
            self.tr("BA Hasil Inventarisasi"),
            f"ba-inventarisasi-{census.id}.pdf",
            "ba",
        )
