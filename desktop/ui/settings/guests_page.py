"""Pengaturan › Buku Tamu: the desk's rules, the queue services with their prefixes, and the keperluan list."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core import clock
from desktop.services.common.errors import ServiceError, ValidationError
from desktop.services.common.permissions import Perm
from desktop.services.guests import reference, visits
from desktop.services.guests import settings as gs
from desktop.services.guests.reference import KeperluanData, ServiceData
from desktop.services.guests.settings import GuestSettings
from desktop.ui.context import UiContext
from desktop.ui.settings import common
from desktop.ui.settings.common import DASH, wrapped
from desktop.ui.settings.error_form import ErrorForm
from desktop.ui.settings.guest_service_dialog import GuestServiceDialog
from desktop.ui.settings.keperluan_dialog import KeperluanDialog
from desktop.ui.widgets.flow import FlowRow
from desktop.ui.widgets.forms import edit_signal
from desktop.ui.widgets.messages import muted

PAPERS = {"80mm": "Rol 80 mm", "58mm": "Rol 58 mm", "A6": "A6"}


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def _spin(low: int, high: int, suffix: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setSuffix(suffix)
    box.setMaximumWidth(140)  # a number, not a line of text: a wide box only spreads the page
    return box


class GuestsPage(common.SettingsPage):
    """The desk settings (admin only, saved with Simpan / Ctrl+S through ``settings.save_settings``), and the two
    master lists the petugas tamu keeps too: layanan antrian (prefix, name, order, active) and keperluan (with
    the queue it joins). Nothing in the lists is deleted: what is no longer offered is made inactive."""

    SERVICE_COLUMNS = ("Awalan", "Nama layanan", "Urutan", "Status")
    KEPERLUAN_COLUMNS = ("Keperluan", "Antrian", "Status")

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guestsPage")
        self.ctx = ctx
        self.exec_dialog = common.exec_dialog
        self.can_edit = ctx.actor.can(Perm.MANAGE_SETTINGS)
        self.can_edit_lists = self.can_edit or ctx.actor.can(Perm.WRITE_GUESTS)
        self.dirty = False
        self._loading = False
        self.stored = GuestSettings()
        self.services: list[ServiceData] = []
        self.keperluan: list[KeperluanData] = []

        # --- the desk's rules, in two columns so the page stays short on a 600 px screen
        self.jam_tutup = QLineEdit()
        self.jam_tutup.setMaxLength(5)
        self.jam_tutup.setPlaceholderText("16:00")
        self.jam_tutup.setMaximumWidth(90)
        self.titip_identitas = QCheckBox(self.tr("Titip kartu identitas"))
        self.titip_identitas.setToolTip(
            self.tr("Tamu menitipkan kartu identitas di meja depan sampai pulang")
        )
        self.persetujuan = QCheckBox(self.tr("Persetujuan tuan rumah"))
        self.persetujuan.setToolTip(
            self.tr("Tamu menunggu persetujuan pejabat yang dituju (lembar kunjungan)")
        )
        self.kertas_slip = QComboBox()
        for key, label in PAPERS.items():
            self.kertas_slip.addItem(self.tr(label), key)
        self.kertas_slip.setMaximumWidth(180)
        self.cetak_otomatis = QCheckBox(self.tr("Cetak slip otomatis"))
        self.cetak_otomatis.setToolTip(self.tr("Slip antrian dicetak begitu tamu dicatat"))
        self.survei_ponsel = QCheckBox(self.tr("Survei lewat ponsel"))
        self.survei_ponsel.setToolTip(
            self.tr("Tamu mengisi SKM di ponselnya lewat QR pada slip (jaringan kantor)")
        )
        self.survei_port = _spin(1024, 65535, "")
        self.survei_port.setGroupSeparatorShown(False)
        self.standar_tunggu = _spin(1, 600, self.tr(" menit"))
        self.standar_layanan = _spin(1, 600, self.tr(" menit"))
        self.retensi_aktif = _spin(0, 30, self.tr(" tahun"))
        self.retensi_inaktif = _spin(0, 30, self.tr(" tahun"))

        desk = ErrorForm()
        desk.add_field(
            "jam_tutup",
            self.tr("&Jam tutup:"),
            self.jam_tutup,
            self.tr("JJ:MM; saat itu meja depan diingatkan."),
        )
        desk.add_field("titip_identitas", "", self.titip_identitas)
        desk.add_field("persetujuan_tuan_rumah", "", self.persetujuan)
        desk.add_field("kertas_slip", self.tr("&Kertas slip:"), self.kertas_slip)
        desk.add_field("cetak_slip_otomatis", "", self.cetak_otomatis)
        desk.add_field("survei_ponsel", "", self.survei_ponsel)
        desk.add_field("survei_port", self.tr("&Port survei:"), self.survei_port)
        rules = ErrorForm()
        rules.add_field("standar_tunggu_menit", self.tr("Standar &menunggu:"), self.standar_tunggu)
        rules.add_field("standar_layanan_menit", self.tr("Standar &layanan:"), self.standar_layanan)
        rules.add_field("retensi_aktif_tahun", self.tr("Retensi a&ktif:"), self.retensi_aktif)
        rules.add_field(
            "retensi_inaktif_tahun",
            self.tr("Retensi &inaktif:"),
            self.retensi_inaktif,
            self.tr("Data pribadi tamu dihapus sesudah masa aktif + inaktif (JRA 400.14.1.2: 1 + 1 tahun)."),
        )
        rules.alias("retensi", "retensi_aktif_tahun")
        self.forms = (desk, rules)
        columns = QHBoxLayout()
        columns.addLayout(desk, 1)
        columns.addSpacing(16)
        columns.addLayout(rules, 1)

        self.save_button = QPushButton(self.tr("&Simpan"))
        self.save_button.setObjectName("saveGuestSettings")
        self.save_button.setToolTip(self.tr("Simpan pengaturan meja depan (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("&Batalkan perubahan"))
        self.revert_button.clicked.connect(self.revert)
        self.status = QLabel()
        self.status.setObjectName("guestSettingsStatus")
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_button)
        save_row.addWidget(self.revert_button)
        save_row.addWidget(self.status, 1)

        # --- layanan antrian
        self.service_table = common.make_table([self.tr(c) for c in self.SERVICE_COLUMNS], stretch=1)
        self.service_table.setObjectName("guestServiceTable")
        self.service_table.itemSelectionChanged.connect(self._update_buttons)
        self.add_service_button = QPushButton(self.tr("Tambah &layanan…"))
        self.add_service_button.clicked.connect(self.add_service)
        self.edit_service_button = QPushButton(self.tr("&Ubah layanan…"))
        self.edit_service_button.clicked.connect(self.edit_service)
        services_box = self._list_box(
            self.tr("Layanan antrian"),
            self.service_table,
            (self.add_service_button, self.edit_service_button),
        )

        # --- keperluan
        self.keperluan_table = common.make_table([self.tr(c) for c in self.KEPERLUAN_COLUMNS], stretch=0)
        self.keperluan_table.setObjectName("keperluanTable")
        self.keperluan_table.itemSelectionChanged.connect(self._update_buttons)
        self.add_keperluan_button = QPushButton(self.tr("Tambah ke&perluan…"))
        self.add_keperluan_button.clicked.connect(self.add_keperluan)
        self.edit_keperluan_button = QPushButton(self.tr("Ubah kep&erluan…"))
        self.edit_keperluan_button.clicked.connect(self.edit_keperluan)
        keperluan_box = self._list_box(
            self.tr("Keperluan"),
            self.keperluan_table,
            (self.add_keperluan_button, self.edit_keperluan_button),
        )
        lists = QHBoxLayout()
        lists.addWidget(services_box, 1)
        lists.addWidget(keperluan_box, 1)

        # Two sub-tabs keep the page within a 1024×600 window without scrolling: the desk rules, the lists.
        desk_page = QWidget()
        desk_layout = QVBoxLayout(desk_page)
        if self.can_edit_lists and not self.can_edit:
            desk_layout.addWidget(
                muted(wrapped(QLabel(self.tr("Hanya admin yang dapat mengubah aturan meja depan."))))
            )
        desk_layout.addLayout(columns)
        desk_layout.addStretch(1)
        desk_layout.addLayout(save_row)
        lists_page = QWidget()
        lists_page.setLayout(lists)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("guestsSettingsTabs")
        self.tabs.addTab(desk_page, self.tr("Meja &depan"))
        self.tabs.addTab(lists_page, self.tr("Layanan dan &keperluan"))

        layout = QVBoxLayout(self)
        layout.addWidget(
            common.page_header(
                self.tr("Buku Tamu"),
                self.tr(
                    "Aturan meja depan, layanan antrian dengan awalan tiketnya, dan daftar keperluan tamu."
                ),
            )
        )
        if not self.can_edit_lists:
            layout.addWidget(common.read_only_note())
        layout.addWidget(self.tabs, 1)

        for form in self.forms:
            for widget in form.fields.values():
                signal = edit_signal(widget)
                if signal is not None:
                    signal.connect(lambda *_a: self._on_edited())
        if self.can_edit:
            # The port matters only while the phone survey is on.
            self.survei_ponsel.toggled.connect(self.survei_port.setEnabled)
            shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.save)
        else:
            for form in self.forms:
                form.set_read_only(True)
            self.save_button.hide()
            self.revert_button.hide()
        if self.can_edit_lists:
            for table, slot in (
                (self.service_table, self.edit_service),
                (self.keperluan_table, self.edit_keperluan),
            ):
                table.doubleClicked.connect(lambda _index, s=slot: s())
                for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    enter = QShortcut(QKeySequence(key), table)
                    enter.setContext(Qt.ShortcutContext.WidgetShortcut)
                    enter.activated.connect(slot)
        else:
            for button in (
                self.add_service_button,
                self.edit_service_button,
                self.add_keperluan_button,
                self.edit_keperluan_button,
            ):
                button.hide()
        self._set_dirty(False)
        self._update_buttons()

    def _list_box(self, title: str, table: QTableWidget, buttons: tuple[QPushButton, ...]) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 8, 0, 0)
        column.addWidget(_heading(title))
        table.setMinimumHeight(120)
        column.addWidget(table, 1)
        row = FlowRow()
        for button in buttons:
            row.add(button)
        column.addLayout(row)
        return box

    # ------------------------------------------------------------------ load / save / check
    def refresh(self) -> None:
        self.loaded = True
        with self.ctx.read() as session:
            stored = gs.get_settings(session)
            self.services = reference.list_services(session, include_inactive=True)
            self.keperluan = reference.list_keperluan(session, include_inactive=True)
        if not self.dirty:  # never throw away what the admin typed just because the page was shown again
            self.load(stored)
        self._fill_services()
        self._fill_keperluan()
        self._update_buttons()

    def load(self, data: GuestSettings) -> None:
        self._loading = True
        try:
            self.stored = data
            self.jam_tutup.setText(data.jam_tutup)
            self.titip_identitas.setChecked(data.titip_identitas)
            self.persetujuan.setChecked(data.persetujuan_tuan_rumah)
            common.select_data(self.kertas_slip, data.kertas_slip)
            self.cetak_otomatis.setChecked(data.cetak_slip_otomatis)
            self.survei_ponsel.setChecked(data.survei_ponsel)
            if self.can_edit:
                self.survei_port.setEnabled(data.survei_ponsel)
            self.survei_port.setValue(int(data.survei_port))
            self.standar_tunggu.setValue(int(data.standar_tunggu_menit))
            self.standar_layanan.setValue(int(data.standar_layanan_menit))
            self.retensi_aktif.setValue(int(data.retensi_aktif_tahun))
            self.retensi_inaktif.setValue(int(data.retensi_inaktif_tahun))
        finally:
            self._loading = False
        self._set_dirty(False)

    def data(self) -> GuestSettings:
        return replace(
            self.stored,
            jam_tutup=self.jam_tutup.text().strip(),
            titip_identitas=self.titip_identitas.isChecked(),
            persetujuan_tuan_rumah=self.persetujuan.isChecked(),
            kertas_slip=str(self.kertas_slip.currentData()),
            cetak_slip_otomatis=self.cetak_otomatis.isChecked(),
            survei_ponsel=self.survei_ponsel.isChecked(),
            survei_port=self.survei_port.value(),
            standar_tunggu_menit=self.standar_tunggu.value(),
            standar_layanan_menit=self.standar_layanan.value(),
            retensi_aktif_tahun=self.retensi_aktif.value(),
            retensi_inaktif_tahun=self.retensi_inaktif.value(),
        )

    def check(self) -> bool:
        """The one rule the fields do not hold by themselves: the closing time written as JJ:MM."""
        text = self.jam_tutup.text().strip()
        parts = text.split(":")
        ok = len(parts) == 2 and all(len(p) == 2 and p.isdigit() for p in parts)
        ok = ok and int(parts[0]) < 24 and int(parts[1]) < 60
        if not ok:
            self._show_error(
                ValidationError(self.tr("Jam tutup ditulis JJ:MM, misalnya 16:00."), "jam_tutup")
            )
        return ok

    def save(self) -> bool:
        if not self.can_edit:
            return False
        for form in self.forms:
            form.clear_errors()
        if not self.check():
            self.status.setText(self.tr("Belum tersimpan: periksa isian yang ditandai."))
            return False
        try:
            stored: GuestSettings = self.ctx.call(gs.save_settings, self.data())
        except ValidationError as exc:
            self._show_error(exc)
            self.status.setText(self.tr("Belum tersimpan: periksa isian yang ditandai."))
            return False
        except ServiceError as exc:
            common.warn(self, self.tr("Buku Tamu"), common.error_text(exc))
            return False
        self.load(stored)
        with self.ctx.read() as session:
            zone = visits.zone(session)
        now = clock.now(zone)
        self.status.setText(self.tr("Tersimpan pukul %1.").replace("%1", f"{now.hour:02d}.{now.minute:02d}"))
        return True

    def revert(self) -> None:
        for form in self.forms:
            form.clear_errors()
        self._set_dirty(False)
        self.refresh()
        self.status.clear()

    def _show_error(self, exc: ValidationError) -> None:
        field = exc.field
        for form in self.forms:
            if field is not None and (field in form.fields or field in form._aliases):
                form.show_error(exc)
                return
        self.forms[0].show_error(exc)

    def _on_edited(self) -> None:
        if self._loading:
            return
        self._set_dirty(True)
        self.status.setText(self.tr("Ada perubahan yang belum disimpan."))

    def _set_dirty(self, dirty: bool) -> None:
        self.dirty = dirty
        self.revert_button.setEnabled(dirty)

    # ------------------------------------------------------------------ lists
    def _fill_services(self, select_id: int | None = None) -> None:
        table = self.service_table
        selected = select_id if select_id is not None else common.selected_data(table)
        table.setRowCount(len(self.services))
        for row, item in enumerate(self.services):
            common.fill_row(
                table,
                row,
                [
                    item.prefix,
                    item.nama,
                    str(item.urutan),
                    self.tr("Aktif") if item.aktif else self.tr("Nonaktif"),
                ],
                item.id,
            )
            if not item.aktif:
                common.dim_row(table, row)
        common.fit_columns(table)
        self._reselect(table, selected)

    def _fill_keperluan(self, select_id: int | None = None) -> None:
        table = self.keperluan_table
        selected = select_id if select_id is not None else common.selected_data(table)
        names = {s.id: f"{s.prefix} · {s.nama}" for s in self.services}
        table.setRowCount(len(self.keperluan))
        for row, item in enumerate(self.keperluan):
            queue_name = names.get(item.layanan_id, DASH) if item.layanan_id is not None else DASH
            common.fill_row(
                table,
                row,
                [item.nama, queue_name, self.tr("Aktif") if item.aktif else self.tr("Nonaktif")],
                item.id,
            )
            if not item.aktif:
                common.dim_row(table, row)
        common.fit_columns(table)
        self._reselect(table, selected)

    @staticmethod
    def _reselect(table: QTableWidget, selected: object) -> None:
        if selected is not None and common.select_row_where(table, lambda d: d == selected):
            return
        if table.rowCount():
            table.selectRow(0)

    def selected_service(self) -> ServiceData | None:
        wanted = common.selected_data(self.service_table)
        return next((s for s in self.services if s.id == wanted), None)

    def selected_keperluan(self) -> KeperluanData | None:
        wanted = common.selected_data(self.keperluan_table)
        return next((k for k in self.keperluan if k.id == wanted), None)

    def _update_buttons(self) -> None:
        self.edit_service_button.setEnabled(self.selected_service() is not None)
        self.edit_keperluan_button.setEnabled(self.selected_keperluan() is not None)

    def _reload_lists(self) -> None:
        with self.ctx.read() as session:
            self.services = reference.list_services(session, include_inactive=True)
            self.keperluan = reference.list_keperluan(session, include_inactive=True)

    def add_service(self) -> None:
        if self.can_edit_lists:
            self._open_service(None)

    def edit_service(self) -> None:
        item = self.selected_service()
        if self.can_edit_lists and item is not None:
            self._open_service(item)

    def _open_service(self, item: ServiceData | None) -> None:
        next_order = max((s.urutan for s in self.services), default=-1) + 1
        dialog = GuestServiceDialog(self.ctx, item, next_order, self)
        if self.exec_dialog(dialog) and dialog.saved is not None:
            self._reload_lists()
            self._fill_services(dialog.saved.id)
            self._fill_keperluan()  # a renamed service shows in the keperluan's queue column too
            self._update_buttons()
            self.service_table.setFocus()

    def add_keperluan(self) -> None:
        if self.can_edit_lists:
            self._open_keperluan(None)

    def edit_keperluan(self) -> None:
        item = self.selected_keperluan()
        if self.can_edit_lists and item is not None:
            self._open_keperluan(item)

    def _open_keperluan(self, item: KeperluanData | None) -> None:
        next_order = max((k.urutan for k in self.keperluan), default=-1) + 1
        dialog = KeperluanDialog(self.ctx, item, self.services, next_order, self)
        if self.exec_dialog(dialog) and dialog.saved is not None:
            self._reload_lists()
            self._fill_keperluan(dialog.saved.id)
            self._update_buttons()
            self.keperluan_table.setFocus()
