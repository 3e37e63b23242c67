"""Signatories (penanda tangan) and who signs which kind of document."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.nip import format_nip
from desktop.services.common import office
from desktop.services.common.errors import ServiceError
from desktop.services.common.office import DOC_TYPES, SignatoryData
from desktop.services.common.permissions import Perm
from desktop.ui import dialogs
from desktop.ui.context import UiContext
from desktop.ui.settings import common
from desktop.ui.settings.common import DASH
from desktop.ui.settings.signatory_dialog import SignatoryDialog
from desktop.ui.widgets.messages import muted


class SignatoriesPage(common.SettingsPage):
    """Signatories table (Tambah / Ubah / Nonaktifkan) and the per-document signer table."""

    changed = Signal()

    COLUMNS = ("Nama", "NIP", "Pangkat/golongan", "Jabatan", "Status")
    ASSIGN_COLUMNS = ("Dokumen", "Penanda tangan", "a.n. (atas nama)")

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signatoriesPage")
        self.ctx = ctx
        self.exec_dialog = common.exec_dialog
        self.can_edit = ctx.actor.can(Perm.MANAGE_SETTINGS)
        self.signatories: list[SignatoryData] = []
        self._assigned: dict[str, tuple[int, str]] = {}

        # --- signatories
        self.table = common.make_table([self.tr(c) for c in self.COLUMNS], stretch=3)
        self.table.setObjectName("signatoriesTable")
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.show_inactive = QCheckBox(self.tr("Tampilkan yang &nonaktif"))
        self.show_inactive.toggled.connect(lambda _checked: self.refresh())
        self.add_button = QPushButton(self.tr("&Tambah penanda tangan…"))
        self.add_button.clicked.connect(self.add_signatory)
        self.edit_button = QPushButton(self.tr("&Ubah…"))
        self.edit_button.clicked.connect(self.edit_signatory)
        self.deactivate_button = QPushButton(self.tr("Nona&ktifkan"))
        self.deactivate_button.clicked.connect(self.toggle_active)
        top_buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.deactivate_button):
            top_buttons.addWidget(button)
        top_buttons.addStretch(1)
        top_buttons.addWidget(self.show_inactive)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.table, 1)
        top_layout.addLayout(top_buttons)

        # --- per-document signers
        self.assign_table = common.make_table([self.tr(c) for c in self.ASSIGN_COLUMNS], stretch=2)
        self.assign_table.setObjectName("assignTable")
        self.assign_table.setSelectionMode(self.assign_table.SelectionMode.NoSelection)
        self.assign_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.assign_table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 16)
        self.assign_table.setTabKeyNavigation(False)
        self.signer_combos: dict[str, QComboBox] = {}
        self.atas_nama_edits: dict[str, QLineEdit] = {}
        self.assign_table.setRowCount(len(DOC_TYPES))
        for row, (doc_type, label) in enumerate(DOC_TYPES.items()):
            item = QTableWidgetItem(self.tr(label))
            item.setData(Qt.ItemDataRole.UserRole, doc_type)
            self.assign_table.setItem(row, 0, item)
            signer = QComboBox()
            signer.setObjectName(f"signer_{doc_type}")
            signer.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            signer.currentIndexChanged.connect(self._on_assignment_edited)
            an = QLineEdit()
            an.setObjectName(f"an_{doc_type}")
            an.setPlaceholderText(self.tr("mis. Kepala Dinas"))
            an.setToolTip(
                self.tr(
                    "Isi bila penanda tangan menandatangani atas nama pejabat lain; "
                    "di dokumen tercetak “a.n. …”. Kosongkan bila tidak perlu."
                )
            )
            an.textEdited.connect(self._on_assignment_edited)
            self.assign_table.setCellWidget(row, 1, signer)
            self.assign_table.setCellWidget(row, 2, an)
            self.signer_combos[doc_type] = signer
            self.atas_nama_edits[doc_type] = an
        self.assign_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.save_assign_button = QPushButton(self.tr("Simpan &penugasan"))
        self.save_assign_button.setToolTip(self.tr("Simpan penanda tangan per dokumen (Ctrl+S)"))
        self.save_assign_button.clicked.connect(self.save_assignments)
        self.assign_status = muted(QLabel())
        assign_buttons = QHBoxLayout()
        assign_buttons.addWidget(self.save_assign_button)
        assign_buttons.addWidget(self.assign_status, 1)

        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 8, 0, 0)
        heading = QLabel(self.tr("Penanda tangan per dokumen"))
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        bottom_layout.addWidget(heading)
        bottom_layout.addWidget(
            muted(
                common.wrapped(
                    QLabel(
                        self.tr(
                            "Siapa yang menandatangani tiap jenis dokumen yang dicetak aplikasi. "
                            "Hanya penanda tangan aktif yang dapat dipilih."
                        )
                    )
                )
            )
        )
        bottom_layout.addWidget(self.assign_table, 1)
        bottom_layout.addLayout(assign_buttons)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setSizes([300, 340])

        layout = QVBoxLayout(self)
        layout.addWidget(
            common.page_header(
                self.tr("Penanda tangan"),
                self.tr("Pejabat yang namanya, NIP-nya dan jabatannya dicetak di bawah dokumen."),
            )
        )
        if not self.can_edit:
            layout.addWidget(common.read_only_note())
        layout.addWidget(splitter, 1)

        if self.can_edit:
            self.table.doubleClicked.connect(lambda _index: self.edit_signatory())
            for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                shortcut = QShortcut(QKeySequence(key), self.table)
                shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
                shortcut.activated.connect(self.edit_signatory)
            save = QShortcut(QKeySequence.StandardKey.Save, bottom)
            save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            save.activated.connect(self.save_assignments)
        else:
            for button in (
                self.add_button,
                self.edit_button,
                self.deactivate_button,
                self.save_assign_button,
            ):
                button.hide()
            for widget in (*self.signer_combos.values(), *self.atas_nama_edits.values()):
                common.set_widget_read_only(widget, True)
                if isinstance(widget, QLineEdit):
                    widget.setPlaceholderText("")
        self._update_buttons()

    # ------------------------------------------------------------------ data
    def refresh(self) -> None:
        # Choices not yet saved in the lower table survive a refresh (e.g. after adding a signatory).
        pending = self._changes() if self.loaded else {}
        self.loaded = True
        with self.ctx.read() as session:
            self.signatories = office.list_signatories(session, include_inactive=True)
            self._assigned = office.signer_assignments(session)
        selected = common.selected_data(self.table)
        shown = [s for s in self.signatories if s.aktif or self.show_inactive.isChecked()]
        self.table.setRowCount(len(shown))
        for row, sig in enumerate(shown):
            common.fill_row(
                self.table,
                row,
                [
                    sig.nama,
                    format_nip(sig.nip) or DASH,
                    sig.pangkat_golongan or DASH,
                    sig.jabatan,
                    self.tr("Aktif") if sig.aktif else self.tr("Nonaktif"),
                ],
                sig.id,
            )
            if not sig.aktif:
                common.dim_row(self.table, row)
        common.fit_columns(self.table)
        if selected is not None:
            common.select_row_where(self.table, lambda d: d == selected)
        self._load_assignments(pending)
        self._update_buttons()

    def _load_assignments(self, pending: dict[str, tuple[int | None, str]] | None = None) -> None:
        pending = pending or {}
        by_id = {s.id: s for s in self.signatories}
        for doc_type, box in self.signer_combos.items():
            box.blockSignals(True)
            box.clear()
            box.addItem(self.tr("— belum ditentukan —"), None)
            for sig in self.signatories:
                if sig.aktif:
                    box.addItem(f"{sig.nama} — {sig.jabatan}", sig.id)
            assigned_id, atas_nama = self._assigned.get(doc_type, (None, ""))
            if doc_type in pending and (
                pending[doc_type][0] is None or box.findData(pending[doc_type][0]) >= 0
            ):
                assigned_id, atas_nama = pending[doc_type]
            if assigned_id is not None and box.findData(assigned_id) < 0:
                # Still assigned to someone who was deactivated: show it, so nobody is surprised at print time.
                old = by_id.get(assigned_id)
                name = (
                    old.nama
                    if old is not None
                    else self.tr("penanda tangan #%1").replace("%1", str(assigned_id))
                )
                box.addItem(self.tr("%1 (nonaktif — tidak akan dicetak)").replace("%1", name), assigned_id)
            box.setCurrentIndex(max(0, box.findData(assigned_id)))
            box.blockSignals(False)
            self.atas_nama_edits[doc_type].setText(atas_nama)
        self.assign_table.resizeColumnToContents(0)
        self.assign_table.setColumnWidth(0, self.assign_table.columnWidth(0) + 12)
        widest = max((box.sizeHint().width() for box in self.signer_combos.values()), default=300)
        self.assign_table.setColumnWidth(1, max(widest + 8, 300))
        if pending:
            self._on_assignment_edited()
        else:
            self.assign_status.clear()

    def _on_assignment_edited(self, *_args: object) -> None:
        self.assign_status.setText(self.tr("Ada perubahan yang belum disimpan."))

    def selected_signatory(self) -> SignatoryData | None:
        sig_id = common.selected_data(self.table)
        return next((s for s in self.signatories if s.id == sig_id), None)

    def _update_buttons(self) -> None:
        sig = self.selected_signatory()
        self.edit_button.setEnabled(sig is not None)
        self.deactivate_button.setEnabled(sig is not None)
        if sig is not None and not sig.aktif:
            self.deactivate_button.setText(self.tr("Akti&fkan kembali"))
        else:
            self.deactivate_button.setText(self.tr("Nona&ktifkan"))

    # ------------------------------------------------------------------ actions
    def add_signatory(self) -> None:
        if self.can_edit:
            self._open(None)

    def edit_signatory(self) -> None:
        sig = self.selected_signatory()
        if self.can_edit and sig is not None:
            self._open(sig)

    def _open(self, sig: SignatoryData | None) -> None:
        dialog = SignatoryDialog(self.ctx, sig, self)
        if self.exec_dialog(dialog) and dialog.saved is not None:
            saved_id = dialog.saved.id
            self.refresh()
            common.select_row_where(self.table, lambda d: d == saved_id)
            self.changed.emit()

    def toggle_active(self) -> None:
        sig = self.selected_signatory()
        if not self.can_edit or sig is None:
            return
        if sig.aktif:
            uses = [
                DOC_TYPES[d] for d, (sid, _an) in self._assigned.items() if sid == sig.id and d in DOC_TYPES
            ]
            informative = self.tr("Penanda tangan nonaktif tidak dicetak di dokumen baru.")
            if uses:
                informative += " " + self.tr(
                    "Ia masih ditugaskan untuk: %1. Pilih penggantinya di tabel bawah."
                ).replace("%1", ", ".join(uses))
            if not dialogs.confirm(
                self,
                self.tr("Nonaktifkan penanda tangan"),
                self.tr("Nonaktifkan “%1”?").replace("%1", sig.nama),
                yes=self.tr("&Nonaktifkan"),
                informative=informative,
                danger=True,
            ):
                return
        try:
            self.ctx.call(office.save_signatory, replace(sig, aktif=not sig.aktif))
        except ServiceError as exc:
            common.warn(self, self.tr("Penanda tangan"), common.error_text(exc))
            return
        self.refresh()
        self.changed.emit()

    def _wanted(self) -> dict[str, tuple[int | None, str]]:
        return {
            doc_type: (box.currentData(), self.atas_nama_edits[doc_type].text().strip())
            for doc_type, box in self.signer_combos.items()
        }

    def _changes(self) -> dict[str, tuple[int | None, str]]:
        """Rows of the per-document table that differ from what is saved."""
        return {
            doc_type: wanted
            for doc_type, wanted in self._wanted().items()
            if (wanted[0] is None and doc_type in self._assigned)
            or (wanted[0] is not None and self._assigned.get(doc_type) != wanted)
        }

    def has_unsaved_changes(self) -> bool:
        return bool(self._changes())

    def save_assignments(self) -> bool:
        """Save the changed rows of the per-document table, all in one transaction."""
        if not self.can_edit:
            return False
        changes = self._changes()
        if not changes:
            self.assign_status.setText(self.tr("Tidak ada perubahan."))
            return True
        try:
            with self.ctx.transaction() as session:
                for doc_type, (sig_id, an) in changes.items():
                    office.assign_signer(session, self.ctx.actor, doc_type, sig_id, an if sig_id else "")
        except ServiceError as exc:
            common.warn(self, self.tr("Penanda tangan per dokumen"), common.error_text(exc))
            return False
        with self.ctx.read() as session:
            self._assigned = office.signer_assignments(session)
        self.assign_status.setText(self.tr("Penugasan tersimpan."))
        return True
