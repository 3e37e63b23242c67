"""Disposisi terlambat: recipients past their batas waktu, most late first; double-click opens the chain."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core import clock
from desktop.core.dates import format_date_numeric
from desktop.services.common import office
from desktop.services.common.errors import ServiceError
from desktop.services.letters import dispositions as dispo
from desktop.ui.context import UiContext
from desktop.ui.letters.disposition_dialog import DispositionDialog
from desktop.ui.widgets.keys import is_enter
from desktop.ui.widgets.messages import muted
from desktop.ui.widgets.palette import ERROR_COLOR

COLUMNS = ("Agenda", "Asal", "Perihal", "Penerima", "Batas waktu", "Terlambat (hari)")


class OverduePanel(QWidget):
    """A table of :func:`desktop.services.letters.dispositions.overdue`; ``changed`` fires after a dialog saved."""

    changed = Signal(int)  # letter id

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.items: list[dispo.OverdueItem] = []
        self.today: date = ctx.office_today()

        self.count_label = QLabel()
        self.count_label.setObjectName("overdueCount")
        refresh = QPushButton(self.tr("&Muat ulang"))
        refresh.clicked.connect(self.refresh)
        hint = muted(QLabel(self.tr("Enter atau klik ganda: buka disposisi")), smaller=True)
        top = QHBoxLayout()
        top.addWidget(self.count_label)
        top.addStretch(1)
        top.addWidget(hint)
        top.addWidget(refresh)

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("overdueTable")
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        head.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for col in (0, 4, 5):
            head.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setColumnWidth(1, 240)
        self.table.setColumnWidth(3, 260)
        self.table.cellDoubleClicked.connect(lambda row, _col: self.open_row(row))
        self.table.installEventFilter(self)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.refresh()

    def eventFilter(self, watched, event):  # type: ignore[no-untyped-def]
        if (
            watched is self.table
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
            and is_enter(event)
            and self.table.currentRow() >= 0
        ):
            self.open_row(self.table.currentRow())
            return True
        return super().eventFilter(watched, event)

    def refresh(self) -> None:
        try:
            with self.ctx.read() as s:
                self.today = clock.today(office.get_profile(s).zona_waktu)
                self.items = dispo.overdue(s, self.ctx.actor, self.today)
        except ServiceError as exc:
            self.items = []
            self.count_label.setText(str(exc))
            self.table.setRowCount(0)
            return
        letters_late = len({i.letter_id for i in self.items})
        self.count_label.setText(
            self.tr("<b>{0}</b> penerima terlambat menindaklanjuti, dari {1} surat").format(
                len(self.items), letters_late
            )
            if self.items
            else self.tr("Tidak ada disposisi yang melewati batas waktu.")
        )
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(self.items))
        late = QBrush(QColor(ERROR_COLOR))
        for row, item in enumerate(self.items):
            cells = [
                item.agenda,
                item.asal_surat,
                item.perihal,
                item.penerima,
                format_date_numeric(item.batas_waktu),
                str(item.days_late),
            ]
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, item.letter_id)
                cell.setToolTip(text if col != 3 else f"{text}\ndisposisi dari {item.dari}")
                if col == 5:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    cell.setForeground(late)
                self.table.setItem(row, col, cell)
        if self.items and self.table.currentRow() < 0:
            self.table.selectRow(0)

    def open_row(self, row: int) -> DispositionDialog | None:
        if not 0 <= row < len(self.items):
            return None
        item = self.items[row]
        dialog = DispositionDialog(self.ctx, item.letter_id, self)
        dialog.select_recipient(item.recipient_id)
        dialog.changed.connect(self.changed)
        dialog.exec()
        if dialog.saved_any:
            self.refresh()
        return dialog
