"""Surat master data: the outgoing number series and the "Dengan hormat harap" list."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.services.common.errors import ServiceError
from desktop.services.letters import settings as ls
from desktop.services.letters.outgoing import SeriesData
from desktop.ui import dialogs
from desktop.ui.context import UiContext
from desktop.ui.settings import common
from desktop.ui.settings.common import DASH, line_edit, wrapped
from desktop.ui.settings.series_dialog import SeriesDialog
from desktop.ui.settings.service_dialog import ServiceDialog
from desktop.ui.widgets.messages import muted
from desktop.ui.widgets.tables import keep_columns_on_screen


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def _fit_status(table: QTableWidget, column: int) -> None:
    """Room for "Nonaktif" even when the columns were fitted while every row was "Aktif"."""
    wanted = table.fontMetrics().horizontalAdvance(common.tr("Nonaktif")) + 24
    if table.columnWidth(column) < wanted:
        table.setColumnWidth(column, wanted)


def _table_shortcut(table: QTableWidget, keys: QKeySequence | Qt.Key | str, slot) -> None:  # type: ignore[no-untyped-def]
    shortcut = QShortcut(QKeySequence(keys), table)
    shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
    shortcut.activated.connect(slot)


class InstructionDialog(ServiceDialog):
    """Add an instruction or change its text."""

    def __init__(
        self, ctx: UiContext, instruction: ls.InstructionInfo | None, parent: QWidget | None = None
    ) -> None:
        title = (
            common.tr("Tambah instruksi disposisi")
            if instruction is None
            else common.tr("Ganti teks instruksi disposisi")
        )
        super().__init__(title, common.tr("&Simpan"), parent)
        self.ctx = ctx
        self.instruction = instruction
        self.saved: ls.InstructionInfo | None = None
        self.teks = line_edit(ls.MAX_INSTRUCTION, self.tr("mis. Untuk ditindaklanjuti"))
        hint = self.tr("Akhiri dengan “……” bila lembar disposisi perlu garis isian, mis. “Lainnya: ……”.")
        if instruction is not None and instruction.dipakai:
            hint += " " + self.tr("Disposisi yang sudah tercatat (%1) tetap memuat teks lama.").replace(
                "%1", str(instruction.dipakai)
            )
        self.form.add_field("teks", self.tr("&Teks instruksi:"), self.teks, hint)
        if instruction is not None:
            self.teks.setText(instruction.teks)
            self.teks.selectAll()
        self.teks.setFocus()
        self.keep_drafts(
            ctx,
            f"instruksi/{instruction.id if instruction is not None else 'baru'}",
            self.tr("instruksi disposisi baru")
            if instruction is None
            else self.tr("instruksi disposisi “%1”").replace("%1", instruction.teks),
        )

    def commit(self) -> None:
        if self.instruction is None:
            self.saved = self.ctx.call(ls.add_instruction, self.teks.text())
        else:
            self.saved = self.ctx.call(ls.rename_instruction, self.instruction.id, self.teks.text())


class LettersPage(common.SettingsPage):
    """Seri nomor surat keluar (Tambah / Ubah) and instruksi disposisi (Tambah / Ganti / Naik / Turun /
    Nonaktifkan). Series are admin-only; the letter clerk also keeps the instruction list."""

    SERIES_COLUMNS = (
        "Nama seri",
        "Pola nomor",
        "Kode unit",
        "Nomor terakhir %1",
        "Nomor berikutnya",
        "Status",
    )
    INSTRUCTION_COLUMNS = ("No. cetak", "Instruksi", "Dipakai", "Status")

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lettersPage")
        self.ctx = ctx
        self.exec_dialog = common.exec_dialog
        self.can_edit_series = ls.can_manage_series(ctx.actor)
        self.can_edit_instructions = ls.can_manage_instructions(ctx.actor)
        self.series: list[ls.SeriesOverview] = []
        self.instructions: list[ls.InstructionInfo] = []

        # --- number series
        # The name takes the spare width; on a narrow screen the pattern and the unit code give way first, so
        # the next number (what the clerk checks here) and the status stay whole at 1024 px.
        self.series_table = common.make_table([self.tr(c) for c in self.SERIES_COLUMNS], stretch=0)
        self.series_table.setObjectName("seriesTable")
        self.series_fitter = keep_columns_on_screen(self.series_table, [1, 2])
        self.series_table.itemSelectionChanged.connect(self._update_buttons)
        self.add_series_button = QPushButton(self.tr("&Tambah seri…"))
        self.add_series_button.clicked.connect(self.add_series)
        self.edit_series_button = QPushButton(self.tr("&Ubah seri…"))
        self.edit_series_button.clicked.connect(self.edit_series)
        series_buttons = QHBoxLayout()
        series_buttons.addWidget(self.add_series_button)
        series_buttons.addWidget(self.edit_series_button)
        series_buttons.addStretch(1)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(_heading(self.tr("Seri nomor surat keluar")))
        top_layout.addWidget(
            muted(
                wrapped(
                    QLabel(
                        self.tr(
                            "Pola nomor yang diberikan saat surat keluar diambil nomornya. Nomor urut mulai "
                            "dari 1 setiap tahun per seri."
                        )
                    )
                )
            )
        )
        if self.can_edit_instructions and not self.can_edit_series:
            top_layout.addWidget(muted(QLabel(self.tr("Hanya admin yang dapat mengubah seri nomor."))))
        top_layout.addWidget(self.series_table, 1)
        top_layout.addLayout(series_buttons)

        # --- instructions
        self.instruction_table = common.make_table([self.tr(c) for c in self.INSTRUCTION_COLUMNS], stretch=1)
        self.instruction_table.setObjectName("instructionTable")
        self.instruction_table.itemSelectionChanged.connect(self._update_buttons)
        self.add_instruction_button = QPushButton(self.tr("T&ambah instruksi…"))
        self.add_instruction_button.clicked.connect(self.add_instruction)
        self.rename_button = QPushButton(self.tr("&Ganti teks…"))
        self.rename_button.clicked.connect(self.rename_instruction)
        self.up_button = QPushButton(self.tr("&Naik"))
        self.up_button.setToolTip(self.tr("Pindahkan ke atas (Alt+↑)"))
        self.up_button.clicked.connect(lambda: self.move_instruction(-1))
        self.down_button = QPushButton(self.tr("Tu&run"))
        self.down_button.setToolTip(self.tr("Pindahkan ke bawah (Alt+↓)"))
        self.down_button.clicked.connect(lambda: self.move_instruction(1))
        self.toggle_button = QPushButton(self.tr("Nona&ktifkan"))
        self.toggle_button.clicked.connect(self.toggle_instruction)
        side = QVBoxLayout()
        for button in (
            self.add_instruction_button,
            self.rename_button,
            self.up_button,
            self.down_button,
            self.toggle_button,
        ):
            side.addWidget(button)
        side.addStretch(1)
        lower = QHBoxLayout()
        lower.addWidget(self.instruction_table, 1)
        lower.addLayout(side)

        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 8, 0, 0)
        bottom_layout.addWidget(_heading(self.tr("Instruksi disposisi (“Dengan hormat harap”)")))
        explanation = muted(
            QLabel(
                self.tr(
                    "Pilihan yang dicetak di lembar disposisi dan ditawarkan saat mencatat disposisi, "
                    "dalam urutan ini. Instruksi tidak dihapus: yang tidak dipakai lagi dinonaktifkan, "
                    "dan disposisi yang sudah tercatat tetap memuat teksnya."
                )
            )
        )
        explanation.setWordWrap(True)
        bottom_layout.addWidget(explanation)
        bottom_layout.addLayout(lower, 1)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([180, 460])

        layout = QVBoxLayout(self)
        layout.addWidget(
            common.page_header(
                self.tr("Surat"),
                self.tr("Penomoran surat keluar dan daftar instruksi pada lembar disposisi."),
            )
        )
        if not (self.can_edit_series or self.can_edit_instructions):
            layout.addWidget(common.read_only_note())
        layout.addWidget(splitter, 1)

        if self.can_edit_series:
            self.series_table.doubleClicked.connect(lambda _index: self.edit_series())
            for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                _table_shortcut(self.series_table, key, self.edit_series)
        else:
            self.add_series_button.hide()
            self.edit_series_button.hide()
        if self.can_edit_instructions:
            table = self.instruction_table
            table.doubleClicked.connect(lambda _index: self.rename_instruction())
            for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                _table_shortcut(table, key, self.rename_instruction)
            _table_shortcut(table, "Alt+Up", lambda: self.move_instruction(-1))
            _table_shortcut(table, "Alt+Down", lambda: self.move_instruction(1))
            _table_shortcut(table, QKeySequence.StandardKey.Delete, self.deactivate_instruction)
        else:
            for button in (
                self.add_instruction_button,
                self.rename_button,
                self.up_button,
                self.down_button,
                self.toggle_button,
            ):
                button.hide()
        self._update_buttons()

    # ------------------------------------------------------------------ data
    def refresh(self) -> None:
        self.loaded = True
        with self.ctx.transaction() as session:
            self.series = ls.list_series_overview(session, self.ctx.actor)
            self.instructions = ls.list_all_instructions(session, self.ctx.actor)
        self._fill_series()
        self._fill_instructions()
        self._update_buttons()

    def _fill_series(self) -> None:
        table = self.series_table
        selected = common.selected_data(table)
        year = str(self.series[0].tahun) if self.series else ""
        table.horizontalHeaderItem(3).setText(self.tr(self.SERIES_COLUMNS[3]).replace("%1", year).strip())
        table.setRowCount(len(self.series))
        for row, item in enumerate(self.series):
            series = item.series
            unit = series.kode_unit or (
                self.tr("%1 (Profil kantor)").replace("%1", item.context.profile_unit)
                if item.context.profile_unit
                else DASH
            )
            common.fill_row(
                table,
                row,
                [
                    series.nama,
                    series.template,
                    unit,
                    str(item.terakhir) if item.terakhir else self.tr("belum ada"),
                    item.contoh or DASH,
                    self.tr("Aktif") if series.aktif else self.tr("Nonaktif"),
                ],
                series.id,
            )
            if not series.aktif:
                common.dim_row(table, row)
        common.fit_columns(table, max_width=360)
        _fit_status(table, 5)
        self.series_fitter.fit()
        if selected is not None:
            common.select_row_where(table, lambda d: d == selected)
        elif table.rowCount():
            table.selectRow(0)

    def _fill_instructions(self, select_id: int | None = None) -> None:
        table = self.instruction_table
        selected = select_id if select_id is not None else common.selected_data(table)
        table.setRowCount(len(self.instructions))
        position = 0
        for row, item in enumerate(self.instructions):
            if item.aktif:
                position += 1
            common.fill_row(
                table,
                row,
                [
                    str(position) if item.aktif else DASH,
                    item.teks,
                    self.tr("%1 disposisi").replace("%1", str(item.dipakai)) if item.dipakai else DASH,
                    self.tr("Aktif") if item.aktif else self.tr("Nonaktif"),
                ],
                item.id,
            )
            table.item(row, 0).setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            if not item.aktif:
                common.dim_row(table, row)
        common.fit_columns(table)
        _fit_status(table, 3)
        if selected is not None:
            common.select_row_where(table, lambda d: d == selected)
        elif table.rowCount():
            table.selectRow(0)

    def selected_series(self) -> ls.SeriesOverview | None:
        series_id = common.selected_data(self.series_table)
        return next((s for s in self.series if s.series.id == series_id), None)

    def selected_instruction(self) -> ls.InstructionInfo | None:
        instruction_id = common.selected_data(self.instruction_table)
        return next((i for i in self.instructions if i.id == instruction_id), None)

    def _update_buttons(self) -> None:
        self.edit_series_button.setEnabled(self.selected_series() is not None)
        item = self.selected_instruction()
        index = self.instructions.index(item) if item is not None else -1
        self.rename_button.setEnabled(item is not None)
        self.toggle_button.setEnabled(item is not None)
        self.up_button.setEnabled(index > 0)
        self.down_button.setEnabled(0 <= index < len(self.instructions) - 1)
        if item is not None and not item.aktif:
            self.toggle_button.setText(self.tr("Akti&fkan kembali"))
        else:
            self.toggle_button.setText(self.tr("Nona&ktifkan"))

    # ------------------------------------------------------------------ series actions
    def add_series(self) -> None:
        if not self.can_edit_series:
            return
        try:
            context = self.ctx.query(ls.numbering_context, None)
        except ServiceError as exc:
            common.warn(self, self.tr("Seri nomor"), common.error_text(exc))
            return
        self._open_series(None, context)

    def edit_series(self) -> None:
        item = self.selected_series()
        if self.can_edit_series and item is not None:
            self._open_series(item.series, item.context)

    def _open_series(self, series: SeriesData | None, context: ls.NumberingContext) -> None:
        dialog = SeriesDialog(self.ctx, series, context, self)
        if self.exec_dialog(dialog) and dialog.saved is not None:
            saved_id = dialog.saved.id
            self.refresh()
            common.select_row_where(self.series_table, lambda d: d == saved_id)
            self.series_table.setFocus()

    # ------------------------------------------------------------------ instruction actions
    def add_instruction(self) -> None:
        if self.can_edit_instructions:
            self._open_instruction(None)

    def rename_instruction(self) -> None:
        item = self.selected_instruction()
        if self.can_edit_instructions and item is not None:
            self._open_instruction(item)

    def _open_instruction(self, item: ls.InstructionInfo | None) -> None:
        dialog = InstructionDialog(self.ctx, item, self)
        if self.exec_dialog(dialog) and dialog.saved is not None:
            self._reload_instructions(dialog.saved.id)

    def _reload_instructions(self, select_id: int) -> None:
        with self.ctx.read() as session:
            self.instructions = ls.list_all_instructions(session, self.ctx.actor)
        self._fill_instructions(select_id)
        self._update_buttons()
        self.instruction_table.setFocus()

    def _run(self, fn, *args: object) -> ls.InstructionInfo | None:  # type: ignore[no-untyped-def]
        try:
            result: ls.InstructionInfo = self.ctx.call(fn, *args)
        except ServiceError as exc:
            common.warn(self, self.tr("Instruksi disposisi"), common.error_text(exc))
            return None
        return result

    def move_instruction(self, step: int) -> None:
        item = self.selected_instruction()
        if not self.can_edit_instructions or item is None:
            return
        index = self.instructions.index(item)
        if not 0 <= index + step < len(self.instructions):
            return
        if self._run(ls.move_instruction, item.id, step) is not None:
            self._reload_instructions(item.id)

    def deactivate_instruction(self) -> None:
        """The Delete key: deactivate after confirming (never reactivates, never deletes)."""
        item = self.selected_instruction()
        if item is not None and item.aktif:
            self.toggle_instruction()

    def toggle_instruction(self) -> None:
        item = self.selected_instruction()
        if not self.can_edit_instructions or item is None:
            return
        if item.aktif:
            informative = self.tr(
                "Instruksi ini tidak lagi dicetak di lembar disposisi dan tidak ditawarkan saat mencatat "
                "disposisi. Instruksi dapat diaktifkan kembali kapan saja."
            )
            if item.dipakai:
                informative += " " + self.tr(
                    "Sudah dipakai pada %1 disposisi; teksnya pada disposisi itu tidak berubah."
                ).replace("%1", str(item.dipakai))
            if not dialogs.confirm(
                self,
                self.tr("Nonaktifkan instruksi"),
                self.tr("Nonaktifkan instruksi “%1”?").replace("%1", item.teks),
                yes=self.tr("&Nonaktifkan"),
                informative=informative,
                danger=True,
            ):
                return
        if self._run(ls.set_instruction_active, item.id, not item.aktif) is not None:
            self._reload_instructions(item.id)
