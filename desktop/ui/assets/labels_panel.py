"""Label inventaris: the items (a room, a BAST, or the list's selection), layout, code, start cell; print."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.printing import spool
from desktop.services.assets import bast, documents, rooms
from desktop.services.assets.bast import BastFilter
from desktop.services.assets.settings import LABEL_CODES, LABEL_LAYOUTS, get_settings
from desktop.services.common.errors import ServiceError
from desktop.services.common.permissions import Perm
from desktop.services.common.printed import Delivery
from desktop.ui.assets.bast_editor import choose_printer
from desktop.ui.context import UiContext
from desktop.ui.print_preview import PrintPreviewDialog, status_text
from desktop.ui.widgets.forms import form_layout
from desktop.ui.widgets.messages import muted, set_message
from desktop.ui.widgets.palette import ERROR_COLOR, SUCCESS_COLOR
from desktop.ui.widgets.tables import heading

COLUMNS, ROWS = 3, 8
BAST_CHOICES = 200


class LabelsPanel(QWidget):
    """Choose the items, the layout and code, and on a part-used A4 sheet the first free cell (a 3 × 8 grid
    in the sheet's own order); preview, or print straight to a printer. Every real print is recorded in the
    items' history."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("labelsPanel")
        self.can_print = ctx.actor.can(Perm.WRITE_ASSETS)
        self.selection: list[int] = []
        self.preview: PrintPreviewDialog | None = None

        self.by_room = QRadioButton(self.tr("Per &ruangan"), self)
        self.by_bast = QRadioButton(self.tr("Per &BAST"), self)
        self.by_selection = QRadioButton(self.tr("Barang &terpilih di Daftar Barang"), self)
        self.source_group = QButtonGroup(self)
        for button in (self.by_room, self.by_bast, self.by_selection):
            self.source_group.addButton(button)
            button.toggled.connect(lambda _on: self._update())
        self.room = QComboBox(self)
        self.room.setObjectName("labelRoom")
        self.bast = QComboBox(self)
        self.bast.setObjectName("labelBast")
        self.room.currentIndexChanged.connect(lambda _i: self._update())
        self.bast.currentIndexChanged.connect(lambda _i: self._update())
        self.selection_label = muted(QLabel(self))
        sources = QGroupBox(self.tr("Barang"), self)
        source_grid = QGridLayout(sources)
        source_grid.addWidget(self.by_room, 0, 0)
        source_grid.addWidget(self.room, 0, 1)
        source_grid.addWidget(self.by_bast, 1, 0)
        source_grid.addWidget(self.bast, 1, 1)
        source_grid.addWidget(self.by_selection, 2, 0)
        source_grid.addWidget(self.selection_label, 2, 1)
        source_grid.setColumnStretch(1, 1)

        self.layout_box = QComboBox(self)
        self.layout_box.setObjectName("labelLayout")
        for key, label in LABEL_LAYOUTS.items():
            self.layout_box.addItem(label, key)
        self.code_box = QComboBox(self)
        self.code_box.setObjectName("labelCode")
        for key, label in LABEL_CODES.items():
            self.code_box.addItem(label, key)
        self.layout_box.currentIndexChanged.connect(lambda _i: self._update())
        options = QGroupBox(self.tr("Cetakan"), self)
        form = form_layout()
        form.addRow(self.tr("&Tata letak:"), self.layout_box)
        form.addRow(self.tr("&Kode:"), self.code_box)
        options.setLayout(form)

        # The start cell of a part-used sheet: click the first free label, in the sheet's reading order.
        self.start_box = QGroupBox(self.tr("Mulai dari label ke-"), self)
        grid = QGridLayout(self.start_box)
        grid.setSpacing(2)
        self.start_group = QButtonGroup(self)
        self.start_group.setExclusive(True)
        for n in range(1, COLUMNS * ROWS + 1):
            button = QToolButton(self.start_box)
            button.setText(str(n))
            button.setObjectName(f"start_{n}")
            button.setCheckable(True)
            button.setFixedSize(44, 22)
            self.start_group.addButton(button, n)
            grid.addWidget(button, (n - 1) // COLUMNS, (n - 1) % COLUMNS)
        self.start_group.button(1).setChecked(True)

        self.count_label = QLabel(self)
        self.count_label.setObjectName("labelCount")
        self.preview_button = QPushButton(self.tr("&Pratinjau"), self)
        self.preview_button.setObjectName("previewLabels")
        self.preview_button.clicked.connect(self.show_preview)
        self.print_button = QPushButton(self.tr("&Cetak…"), self)
        self.print_button.setObjectName("printLabels")
        self.print_button.clicked.connect(self.print_direct)
        self.print_button.setVisible(self.can_print)
        self.message = QLabel(self)
        self.message.setObjectName("labelsMessage")
        self.message.setWordWrap(True)

        left = QVBoxLayout()
        left.addWidget(sources)
        left.addWidget(options)
        left.addWidget(self.count_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        left.addLayout(buttons)
        left.addWidget(self.message)
        left.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addWidget(self.start_box, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 8)
        layout.addWidget(heading(self.tr("Label inventaris"), self))
        layout.addLayout(body, 1)

        with ctx.read() as s:
            settings = get_settings(s)
        self.layout_box.setCurrentIndex(max(0, self.layout_box.findData(settings.label_layout)))
        self.code_box.setCurrentIndex(max(0, self.code_box.findData(settings.label_kode)))
        self.reload()
        self.by_room.setChecked(True)

    # ------------------------------------------------------------------ choices
    def reload(self) -> None:
        room_id, bast_id = self.room.currentData(), self.bast.currentData()
        self.room.blockSignals(True)
        self.room.clear()
        for room in self.ctx.query(rooms.list_rooms):
            self.room.addItem(f"{room.label} · {room.jumlah_barang} barang", room.id)
        self.room.setCurrentIndex(max(0, self.room.findData(room_id)))
        self.room.blockSignals(False)
        self.bast.blockSignals(True)
        self.bast.clear()
        rows, _total = self.ctx.query(bast.list_bast, BastFilter(status="final"), limit=BAST_CHOICES)
        for row in rows:
            self.bast.addItem(f"{row.nomor} · {row.pihak2_nama} · {row.jumlah_barang} barang", row.id)
        self.bast.setCurrentIndex(max(0, self.bast.findData(bast_id)))
        self.bast.blockSignals(False)
        self._update()

    def print_labels(self, ids: Sequence[int]) -> None:
        """The items selected in the Daftar Barang, ready to print (the list's "Cetak label")."""
        self.selection = list(dict.fromkeys(ids))
        self.by_selection.setChecked(True)
        self._update()

    def start_position(self) -> int:
        return max(1, self.start_group.checkedId())

    def set_start_position(self, n: int) -> None:
        self.start_group.button(n).setChecked(True)

    def layout_key(self) -> str:
        return str(self.layout_box.currentData())

    def ids(self) -> list[int]:
        """The items of the chosen source, in print order."""
        try:
            if self.by_room.isChecked() and self.room.currentData() is not None:
                return self.ctx.query(documents.label_ids_for_room, self.room.currentData())
            if self.by_bast.isChecked() and self.bast.currentData() is not None:
                return self.ctx.query(documents.label_ids_for_bast, self.bast.currentData())
        except ServiceError as exc:
            set_message(self.message, str(exc), ERROR_COLOR)
            return []
        return list(self.selection) if self.by_selection.isChecked() else []

    def _update(self) -> None:
        self.room.setEnabled(self.by_room.isChecked())
        self.bast.setEnabled(self.by_bast.isChecked())
        self.selection_label.setText(self.tr("{0} barang dipilih").format(len(self.selection)))
        # A thermal printer feeds one label at a time: there is no sheet to start in the middle of.
        self.start_box.setEnabled(self.layout_key() == "a4_3x8")
        count = len(self.ids())
        self.count_label.setText(self.tr("{0} label").format(count))
        self.preview_button.setEnabled(count > 0)
        self.print_button.setEnabled(count > 0)

    # ------------------------------------------------------------------ printing
    def _options(self) -> dict[str, str | int]:
        start = self.start_position() if self.layout_key() == "a4_3x8" else 1
        return {
            "layout": self.layout_key(),
            "code": str(self.code_box.currentData()),
            "start_position": start,
        }

    def show_preview(self) -> PrintPreviewDialog | None:
        ids = self.ids()
        if not ids:
            return None
        try:
            pdf = self.ctx.query(documents.labels_pdf, ids, record=False, **self._options())
        except ServiceError as exc:
            set_message(self.message, str(exc), ERROR_COLOR)
            return None
        title = self.tr("Label {0} barang").format(len(ids))
        self.preview = PrintPreviewDialog(pdf, title, self, suggested_filename="label-barang.pdf")
        if not self.can_print:
            self.preview.print_button.hide()
            self.preview.print_default_button.hide()
        self.preview.delivered.connect(lambda delivery: self._recorded(ids, title, delivery))
        self.preview.open()
        return self.preview

    def _recorded(self, ids: list[int], title: str, delivery: Delivery) -> None:
        try:
            self.ctx.call(documents.label_batch, ids, record=True, **self._options())
        except ServiceError as exc:
            set_message(self.message, str(exc), ERROR_COLOR)
            return
        set_message(self.message, status_text(delivery, title), SUCCESS_COLOR)

    def print_direct(self) -> bool:
        """Straight to the printer chosen; the print is recorded only when the print service took the job."""
        ids = self.ids()
        if not ids:
            return False
        chosen = choose_printer(self, self.ctx, self.tr("Cetak label"), 1)
        if chosen is None:
            return False
        printer, copies = chosen
        media = "A4" if self.layout_key() == "a4_3x8" else spool.custom_media(50, 25)
        try:
            with self.ctx.transaction() as s:
                options = self._options()
                batch = documents.label_batch(
                    s,
                    self.ctx.actor,
                    ids,
                    record=True,
                    layout=str(options["layout"]),
                    code=str(options["code"]),
                    start_position=int(options["start_position"]),
                )
                spool.send_pdf(batch.pdf, printer, title=self.tr("Label barang"), copies=copies, media=media)
        except spool.PrinterError as exc:
            set_message(self.message, exc.message, ERROR_COLOR)
            return False
        except ServiceError as exc:
            set_message(self.message, str(exc), ERROR_COLOR)
            return False
        reprint = self.tr(", {0} cetak ulang").format(batch.reprints) if batch.reprints else ""
        set_message(self.message, self.tr("{0} label dikirim ke printer {1}{2}.").format(batch.count, printer,
                                                                                         reprint), SUCCESS_COLOR)  # fmt: skip
        return True
