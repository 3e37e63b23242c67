"""The daftar nominatif asked from the Pegawai list, with a column chooser (PDF or xlsx)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.common.errors import ServiceError
from desktop.services.staff import printouts
from desktop.services.staff.printouts import StaffFilter
from desktop.ui.context import UiContext
from desktop.ui.print_preview import PrintPreviewDialog
from desktop.ui.staff.fields import DateField, open_preview
from desktop.ui.state import UiState
from desktop.ui.widgets.files import remember_dir, start_dir
from desktop.ui.widgets.forms import FormRows, form_layout
from desktop.ui.widgets.messages import muted, set_message
from desktop.ui.widgets.palette import ERROR_COLOR, SUCCESS_COLOR
from desktop.ui.widgets.screen_fit import fit_to_screen

COLUMNS_KEY = "pegawai/nominatif_columns"
KEY_ROLE = Qt.ItemDataRole.UserRole


class NominatifDialog(QDialog):
    """Daftar nominatif of the pegawai the list shows: tick the columns (their order is the printed order; move
    them with the buttons or Alt+↑/↓), choose the date, then preview the PDF or save an xlsx."""

    def __init__(
        self, ctx: UiContext, filters: StaffFilter, today: date, parent: QWidget | None = None, note: str = ""
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.filters = filters
        self.preview: PrintPreviewDialog | None = None
        self.setObjectName("nominatifDialog")
        self.setWindowTitle(self.tr("Daftar nominatif pegawai"))
        state = ctx.state if isinstance(ctx.state, UiState) else None
        chosen = list(printouts.DEFAULT_NOMINATIF_COLUMNS)
        if state is not None:
            remembered = state.value(COLUMNS_KEY, [])
            remembered = [k for k in remembered if k in printouts.NOMINATIF_COLUMNS]
            if remembered:
                chosen = remembered
        self.columns = QListWidget(self)
        self.columns.setObjectName("columnList")
        self.columns.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.columns.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        order = chosen + [k for k in printouts.NOMINATIF_COLUMNS if k not in chosen]
        for key in order:
            item = QListWidgetItem(self.tr(printouts.NOMINATIF_COLUMNS[key]))
            item.setData(KEY_ROLE, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if key in chosen else Qt.CheckState.Unchecked)
            self.columns.addItem(item)
        self.columns.setCurrentRow(0)
        columns_label = QLabel(self.tr("&Kolom (dicentang dicetak, urut dari atas):"), self)
        columns_label.setBuddy(self.columns)
        up = QPushButton(self.tr("Naik (Alt+↑)"), self)
        up.clicked.connect(lambda: self.move(-1))
        down = QPushButton(self.tr("Turun (Alt+↓)"), self)
        down.clicked.connect(lambda: self.move(1))
        reset = QPushButton(self.tr("Kolom bawaan"), self)
        reset.clicked.connect(self.reset_columns)
        side = QVBoxLayout()
        side.addWidget(up)
        side.addWidget(down)
        side.addSpacing(12)
        side.addWidget(reset)
        side.addStretch(1)

        self.per_tanggal = DateField(self)
        self.per_tanggal.setObjectName("per_tanggal")
        self.per_tanggal.set_value(today)
        form = form_layout(4, 8)
        self.rows = FormRows(self, form, selectable_errors=True)
        self.rows.add(self.tr("Keadaan &per tanggal"), "per_tanggal", self.per_tanggal)
        scope = muted(
            QLabel(note or self.tr("Pegawai: sesuai pencarian dan saringan di daftar."), self), True
        )
        scope.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setObjectName("nominatifMessage")
        self.message.setWordWrap(True)
        self.message.hide()

        self.pdf_button = QPushButton(self.tr("&Pratinjau PDF"), self)
        self.pdf_button.setObjectName("pdfButton")
        self.pdf_button.clicked.connect(self.show_pdf)
        self.xlsx_button = QPushButton(self.tr("Simpan &xlsx…"), self)
        self.xlsx_button.setObjectName("xlsxButton")
        self.xlsx_button.clicked.connect(self.save_xlsx)
        close = QPushButton(self.tr("Tutup"), self)
        close.clicked.connect(self.reject)
        for button in (up, down, reset, self.xlsx_button, close):
            button.setAutoDefault(False)
        self.pdf_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.xlsx_button)
        buttons.addWidget(close)
        middle = QHBoxLayout()
        middle.addWidget(self.columns, 1)
        middle.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addWidget(columns_label)
        layout.addLayout(middle, 1)
        layout.addLayout(form)
        layout.addWidget(scope)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        fit_to_screen(self, 560, 600)
        self.columns.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        moving = (
            watched is self.columns
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
            and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down)
        )
        if moving:
            assert isinstance(event, QKeyEvent)
            self.move(-1 if event.key() == Qt.Key.Key_Up else 1)
            return True
        return super().eventFilter(watched, event)

    def move(self, step: int) -> None:
        row = self.columns.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.columns.count():
            return
        item = self.columns.takeItem(row)
        self.columns.insertItem(target, item)
        self.columns.setCurrentRow(target)

    def reset_columns(self) -> None:
        self.columns.clear()
        defaults = list(printouts.DEFAULT_NOMINATIF_COLUMNS)
        for key in defaults + [k for k in printouts.NOMINATIF_COLUMNS if k not in defaults]:
            item = QListWidgetItem(self.tr(printouts.NOMINATIF_COLUMNS[key]))
            item.setData(KEY_ROLE, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if key in defaults else Qt.CheckState.Unchecked)
            self.columns.addItem(item)

    def chosen(self) -> list[str]:
        """The ticked columns, in list order."""
        return [
            self.columns.item(i).data(KEY_ROLE)
            for i in range(self.columns.count())
            if self.columns.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_chosen(self, keys: list[str]) -> None:
        """Tick exactly ``keys`` and put them first, in that order."""
        self.columns.clear()
        for key in keys + [k for k in printouts.NOMINATIF_COLUMNS if k not in keys]:
            item = QListWidgetItem(self.tr(printouts.NOMINATIF_COLUMNS[key]))
            item.setData(KEY_ROLE, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if key in keys else Qt.CheckState.Unchecked)
            self.columns.addItem(item)

    def _inputs(self) -> tuple[list[str], date] | None:
        self.rows.clear_errors()
        set_message(self.message, "", ERROR_COLOR)
        columns = self.chosen()
        if not columns:
            set_message(self.message, self.tr("Pilih sedikitnya satu kolom."), ERROR_COLOR)
            return None
        try:
            when = self.per_tanggal.value()
        except ValueError as exc:
            self.rows.show_error("per_tanggal", str(exc))
            return None
        if when is None:
            self.rows.show_error("per_tanggal", self.tr("Isi tanggal keadaan daftar."))
            return None
        if isinstance(self.ctx.state, UiState):
            self.ctx.state.set_value(COLUMNS_KEY, columns)
        return columns, when

    def show_pdf(self) -> PrintPreviewDialog | None:
        found = self._inputs()
        if found is None:
            return None
        columns, when = found
        try:
            printout = self.ctx.query(
                printouts.nominatif_pdf, columns=columns, filters=self.filters, per_tanggal=when
            )
        except ServiceError as exc:
            set_message(self.message, str(exc), ERROR_COLOR)
            return None
        self.preview = open_preview(self, printout)
        return self.preview

    def save_xlsx(self) -> Path | None:
        found = self._inputs()
        if found is None:
            return None
        columns, when = found
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Simpan daftar nominatif"),
            start_dir(f"nominatif-pegawai-{when.isoformat()}.xlsx"),
            self.tr("Excel (*.xlsx)"),
        )
        if not path:
            return None
        target = Path(path)
        if target.suffix.lower() != ".xlsx":
            target = target.with_name(target.name + ".xlsx")
        try:
            count = self.ctx.call(
                printouts.write_nominatif_xlsx,
                target,
                columns=columns,
                filters=self.filters,
                per_tanggal=when,
            )
        except (ServiceError, OSError) as exc:
            set_message(self.message, str(exc), ERROR_COLOR)
            return None
        remember_dir(target)
        set_message(
            self.message, self.tr("✔ {0} pegawai disimpan ke {1}").format(count, target), SUCCESS_COLOR
        )
        return target


__all__ = ["NominatifDialog"]
