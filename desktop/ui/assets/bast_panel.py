"""The BAST page: every Berita Acara Serah Terima with its status, filters, and the editor to make or open one."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.core.dates import format_date
from desktop.core.money import format_number
from desktop.services.assets import bast
from desktop.services.assets.bast import BastFilter, BastRow
from desktop.services.common.errors import ServiceError
from desktop.services.common.permissions import Perm
from desktop.ui.assets.bast_editor import BastEditor
from desktop.ui.context import UiContext
from desktop.ui.widgets.messages import muted
from desktop.ui.widgets.paged_model import PagedTableModel
from desktop.ui.widgets.palette import DIMMED_COLOR
from desktop.ui.widgets.tables import (
    heading,
    keep_columns_on_screen,
    list_table,
    screen_layout,
    search_box,
    select_key,
    selected_row,
    set_widths,
)

COLUMNS = ("Nomor", "Tanggal", "Jenis", "Pihak Kedua", "Status", "Barang", "Nilai (Rp)")
COL_NOMOR, COL_TANGGAL, COL_JENIS, COL_PIHAK2, COL_STATUS, COL_BARANG, COL_NILAI = range(len(COLUMNS))
PAGE = 200
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class BastModel(PagedTableModel[BastRow]):
    def text(self, row: BastRow, column: int) -> str:
        if column == COL_NOMOR:
            return row.nomor or "(draf)"
        if column == COL_TANGGAL:
            return format_date(row.tanggal)
        if column == COL_JENIS:
            return row.jenis_label
        if column == COL_PIHAK2:
            return row.pihak2_nama
        if column == COL_STATUS:
            return row.status_label + (f" ({row.cetak_count}×)" if row.cetak_count > 1 else "")
        if column == COL_BARANG:
            return str(row.jumlah_barang)
        if column == COL_NILAI:
            return format_number(row.total_nilai)
        return ""

    def alignment(self, row: BastRow, column: int) -> Qt.AlignmentFlag | None:
        return _RIGHT if column in (COL_BARANG, COL_NILAI) else None

    def foreground(self, row: BastRow, column: int) -> QColor | None:
        return QColor(DIMMED_COLOR) if row.status == "batal" else None


class BastPanel(QWidget):
    """The list newest first, filtered by status, jenis and words; Enter or a double click opens one."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("bastPanel")
        self.can_write = ctx.actor.can(Perm.WRITE_ASSETS)
        self.editor: BastEditor | None = None
        title = heading(self.tr("Berita Acara Serah Terima"), self)
        self.search, self.search_timer = search_box(self, self.tr("cari nomor, pihak, unit…"), self.reload)
        self.status = QComboBox(self)
        self.status.setObjectName("statusFilter")
        self.status.addItem(self.tr("Semua status"), "")
        for key, label in bast.STATUS_LABELS.items():
            self.status.addItem(self.tr(label), key)
        self.jenis = QComboBox(self)
        self.jenis.setObjectName("jenisFilter")
        self.jenis.addItem(self.tr("Semua jenis"), "")
        for key, label in bast.JENIS.items():
            self.jenis.addItem(self.tr(label), key)
        self.status.currentIndexChanged.connect(lambda _i: self.reload())
        self.jenis.currentIndexChanged.connect(lambda _i: self.reload())
        self.new_button = QPushButton(self.tr("&BAST baru…"), self)
        self.new_button.setObjectName("newBast")
        self.new_button.clicked.connect(lambda: self.new_bast())
        self.open_button = QPushButton(self.tr("&Buka"), self)
        self.open_button.clicked.connect(self.open_selected)
        self.new_button.setVisible(self.can_write)
        self.count = muted(QLabel(self))
        self.count.setObjectName("bastCount")
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.new_button)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.status)
        filters.addWidget(self.jenis)
        filters.addWidget(self.open_button)
        self.model = BastModel(self._fetch, [self.tr(c) for c in COLUMNS])
        self.table = list_table(self, "bastTable", self.model, COL_PIHAK2)
        set_widths(self.table, {COL_NOMOR: 230, COL_TANGGAL: 130, COL_JENIS: 170, COL_STATUS: 100,
                                COL_BARANG: 60, COL_NILAI: 120})  # fmt: skip
        keep_columns_on_screen(self.table, [COL_NOMOR, COL_JENIS])
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            enter = QShortcut(QKeySequence(key), self.table)
            enter.setContext(Qt.ShortcutContext.WidgetShortcut)
            enter.activated.connect(self.open_selected)
        screen_layout(self, top, filters, self.table, self.count, stretch=self.table)
        self.reload()

    def current_filter(self) -> BastFilter:
        return BastFilter(status=self.status.currentData() or "", jenis=self.jenis.currentData() or "",
                          text=self.search.text())  # fmt: skip

    def _fetch(self, offset: int) -> tuple[list[BastRow], int]:
        try:
            return self.ctx.query(bast.list_bast, self.current_filter(), limit=PAGE, offset=offset)
        except ServiceError:
            return [], 0

    def reload(self, select_id: int | None = None) -> None:
        self.search_timer.stop()
        self.model.reload()
        self.count.setText(self.tr("{0} BAST").format(self.model.total))
        if select_id is not None:
            select_key(self.table, self.model, select_id, fetch=True)

    def selected(self) -> BastRow | None:
        return selected_row(self.table, self.model)

    def _open_editor(self, editor: BastEditor) -> BastEditor:
        self.editor = editor
        editor.changed.connect(lambda bast_id: self.reload(select_id=bast_id))
        editor.setModal(True)
        editor.open()
        return editor

    def new_bast(self, aset_ids: Sequence[int] = ()) -> BastEditor:
        """A new BAST; ``aset_ids`` (the Daftar Barang's selection) already on it."""
        editor = BastEditor(self.ctx, None, self)
        if aset_ids:
            editor.add_assets(aset_ids)
        return self._open_editor(editor)

    def open_bast(self, bast_id: int) -> BastEditor:
        return self._open_editor(BastEditor(self.ctx, bast_id, self))

    def open_selected(self) -> BastEditor | None:
        row = self.selected()
        return self.open_bast(row.id) if row is not None else None
