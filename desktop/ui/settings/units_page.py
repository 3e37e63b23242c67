"""Organisation units (sekretariat, sub bagian, bidang, UPTD): the table; one unit is edited in UnitDialog."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.nip import format_nip
from desktop.services.common import office
from desktop.services.common.errors import ServiceError
from desktop.services.common.office import UNIT_KINDS, UnitData
from desktop.services.common.permissions import Perm
from desktop.ui import dialogs
from desktop.ui.context import UiContext
from desktop.ui.settings import common
from desktop.ui.settings.common import DASH
from desktop.ui.settings.unit_dialog import UnitDialog


class UnitsPage(common.SettingsPage):
    """The units table with Tambah / Ubah / Nonaktifkan. Also the wizard's ``UnitsEditor``."""

    changed = Signal()

    COLUMNS = ("Nama unit", "Jenis", "Singkatan", "Induk", "Kepala", "Status")

    def __init__(self, ctx: UiContext, parent: QWidget | None = None, *, show_header: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("unitsPage")
        self.ctx = ctx
        self.exec_dialog = common.exec_dialog
        self.can_edit = ctx.actor.can(Perm.MANAGE_SETTINGS)
        self.units: list[UnitData] = []

        self.table = common.make_table([self.tr(c) for c in self.COLUMNS], stretch=4)
        self.table.setObjectName("unitsTable")
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.show_inactive = QCheckBox(self.tr("Tampilkan unit &nonaktif"))
        self.show_inactive.toggled.connect(lambda _checked: self.refresh())

        self.add_button = QPushButton(self.tr("&Tambah unit…"))
        self.add_button.clicked.connect(self.add_unit)
        self.edit_button = QPushButton(self.tr("&Ubah…"))
        self.edit_button.clicked.connect(self.edit_unit)
        self.deactivate_button = QPushButton(self.tr("Nona&ktifkan"))
        self.deactivate_button.clicked.connect(self.toggle_active)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.deactivate_button)
        buttons.addStretch(1)
        buttons.addWidget(self.show_inactive)

        layout = QVBoxLayout(self)
        if show_header:
            layout.addWidget(
                common.page_header(
                    self.tr("Unit organisasi"),
                    self.tr(
                        "Sekretariat, sub bagian, bidang dan UPTD. Dipakai untuk tujuan disposisi, "
                        "KIR per ruangan dan data pegawai. Unit tidak dihapus; unit yang sudah tidak ada "
                        "dinonaktifkan agar catatan lama tetap utuh."
                    ),
                )
            )
        if not self.can_edit:
            layout.addWidget(common.read_only_note())
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        if self.can_edit:
            self.table.doubleClicked.connect(lambda _index: self.edit_unit())
            for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                shortcut = QShortcut(QKeySequence(key), self.table)
                shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
                shortcut.activated.connect(self.edit_unit)
        else:
            for button in (self.add_button, self.edit_button, self.deactivate_button):
                button.hide()
        self._update_buttons()

    # ------------------------------------------------------------------ data
    def refresh(self) -> None:
        self.loaded = True
        with self.ctx.read() as session:
            self.units = office.list_units(session, include_inactive=True)
        selected = common.selected_data(self.table)
        names = {u.id: u.nama for u in self.units}
        shown = [u for u in self.units if u.aktif or self.show_inactive.isChecked()]
        self.table.setRowCount(len(shown))
        for row, unit in enumerate(shown):
            kepala = unit.kepala_nama or DASH
            if unit.kepala_jabatan and unit.kepala_nama:
                kepala = f"{unit.kepala_nama} ({unit.kepala_jabatan})"
            common.fill_row(
                self.table,
                row,
                [
                    unit.nama,
                    UNIT_KINDS.get(unit.jenis, unit.jenis),
                    unit.singkatan or DASH,
                    names.get(unit.parent_id, DASH) if unit.parent_id else DASH,
                    kepala,
                    self.tr("Aktif") if unit.aktif else self.tr("Nonaktif"),
                ],
                unit.id,
            )
            if unit.kepala_nip:
                self.table.item(row, 4).setToolTip(
                    self.tr("NIP %1").replace("%1", format_nip(unit.kepala_nip))
                )
            if not unit.aktif:
                common.dim_row(self.table, row)
        common.fit_columns(self.table)
        if selected is not None:
            common.select_row_where(self.table, lambda d: d == selected)
        self._update_buttons()

    def selected_unit(self) -> UnitData | None:
        unit_id = common.selected_data(self.table)
        return next((u for u in self.units if u.id == unit_id), None)

    def _update_buttons(self) -> None:
        unit = self.selected_unit()
        self.edit_button.setEnabled(unit is not None)
        self.deactivate_button.setEnabled(unit is not None)
        if unit is not None and not unit.aktif:
            self.deactivate_button.setText(self.tr("Akti&fkan kembali"))
        else:
            self.deactivate_button.setText(self.tr("Nona&ktifkan"))

    # ------------------------------------------------------------------ actions
    def add_unit(self) -> None:
        if self.can_edit:
            self._open(None)

    def edit_unit(self) -> None:
        unit = self.selected_unit()
        if self.can_edit and unit is not None:
            self._open(unit)

    def _open(self, unit: UnitData | None) -> None:
        dialog = UnitDialog(self.ctx, unit, self.units, self)
        if self.exec_dialog(dialog) and dialog.saved is not None:
            saved_id = dialog.saved.id
            self.refresh()
            common.select_row_where(self.table, lambda d: d == saved_id)
            self.changed.emit()

    def toggle_active(self) -> None:
        unit = self.selected_unit()
        if not self.can_edit or unit is None:
            return
        if unit.aktif and not dialogs.confirm(
            self,
            self.tr("Nonaktifkan unit"),
            self.tr("Nonaktifkan unit “%1”?").replace("%1", unit.nama),
            yes=self.tr("&Nonaktifkan"),
            informative=self.tr(
                "Unit tidak lagi muncul sebagai pilihan baru, tetapi surat, barang dan data pegawai "
                "yang sudah tercatat tetap menyebut unit ini. Unit dapat diaktifkan kembali kapan saja."
            ),
            danger=True,
        ):
            return
        try:
            self.ctx.call(office.save_unit, replace(unit, aktif=not unit.aktif))
        except ServiceError as exc:
            common.warn(self, self.tr("Unit organisasi"), common.error_text(exc))
            return
        self.refresh()
        self.changed.emit()


UnitsEditor = UnitsPage
