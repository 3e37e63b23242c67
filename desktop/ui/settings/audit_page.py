"""The audit log viewer (admin): search, filter by entity, 500 rows a page, before/after side by side."""

from __future__ import annotations

import html
import json

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.services.common import audit, office
from desktop.services.common.audit import AuditRow
from desktop.services.common.errors import ServiceError
from desktop.services.common.permissions import Perm
from desktop.ui.context import UiContext
from desktop.ui.settings import common

PAGE_SIZE = 500
# Entities the services write today; unknown ones still show, under their own name.
ENTITY_LABELS = {
    "profil_kantor": "Profil kantor",
    "unit": "Unit organisasi",
    "penanda_tangan": "Penanda tangan",
    "penanda_tangan_dokumen": "Penanda tangan per dokumen",
    "pengguna": "Pengguna",
    "hari_libur": "Kalender kerja",
    "basis_data": "Basis data",
}


def _thousands(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def pretty_json(raw: str | None) -> str:
    if not raw:
        return common.tr("(tidak ada)")
    try:
        return json.dumps(json.loads(raw), indent=2, ensure_ascii=False, sort_keys=True)
    except ValueError:
        return raw


class AuditPage(common.SettingsPage):
    """Needs ``Perm.VIEW_AUDIT``. Newest entries first."""

    COLUMNS = ("Waktu", "Pengguna", "Aksi", "Entitas", "ID", "Ringkasan")

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditPage")
        self.ctx = ctx
        self.rows: list[AuditRow] = []
        self.total = 0
        self.offset = 0
        self.zone = "WIB"

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("cari di ringkasan, nama pengguna atau aksi"))
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self.search_now)
        # Search while typing, once the user pauses.
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(400)
        self._debounce.timeout.connect(self.search_now)
        self.search.textEdited.connect(lambda _text: self._debounce.start())
        search_label = QLabel(self.tr("&Cari:"))
        search_label.setBuddy(self.search)
        self.entity = QComboBox()
        self.entity.addItem(self.tr("Semua"), "")
        for key, label in ENTITY_LABELS.items():
            self.entity.addItem(self.tr(label), key)
        self.entity.currentIndexChanged.connect(lambda _i: self.search_now())
        entity_label = QLabel(self.tr("&Entitas:"))
        entity_label.setBuddy(self.entity)

        self.prev_button = QPushButton(self.tr("‹ Se&belumnya"))
        self.prev_button.clicked.connect(self.previous_page)
        self.next_button = QPushButton(self.tr("Beri&kutnya ›"))
        self.next_button.clicked.connect(self.next_page)
        self.page_label = QLabel()
        self.page_label.setObjectName("auditPageLabel")
        self.refresh_button = QPushButton(self.tr("&Muat ulang"))
        self.refresh_button.clicked.connect(self.refresh)

        filters = QHBoxLayout()
        filters.addWidget(search_label)
        filters.addWidget(self.search, 2)
        filters.addSpacing(12)
        filters.addWidget(entity_label)
        filters.addWidget(self.entity)
        filters.addStretch(1)
        filters.addWidget(self.refresh_button)

        self.table = common.make_table([self.tr(c) for c in self.COLUMNS], stretch=5)
        self.table.setObjectName("auditTable")
        self.table.itemSelectionChanged.connect(self._show_detail)

        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.before = QPlainTextEdit()
        self.after = QPlainTextEdit()
        for edit in (self.before, self.after):
            edit.setReadOnly(True)
            edit.setFont(mono)
            edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.before.setObjectName("auditBefore")
        self.after.setObjectName("auditAfter")
        self.detail_title = QLabel()
        self.detail_title.setWordWrap(True)
        self.detail_title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        detail = QWidget()
        grid = QGridLayout(detail)
        grid.setContentsMargins(0, 6, 0, 0)
        grid.addWidget(self.detail_title, 0, 0, 1, 2)
        grid.addWidget(QLabel(self.tr("Sebelum:")), 1, 0)
        grid.addWidget(QLabel(self.tr("Sesudah:")), 1, 1)
        grid.addWidget(self.before, 2, 0)
        grid.addWidget(self.after, 2, 1)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.table)
        splitter.addWidget(detail)
        splitter.setSizes([380, 220])

        paging = QHBoxLayout()
        paging.addWidget(self.prev_button)
        paging.addWidget(self.next_button)
        paging.addWidget(self.page_label, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(
            common.page_header(
                self.tr("Log audit"),
                self.tr(
                    "Catatan siapa mengubah apa dan kapan. Log ini hanya bertambah; isinya tidak dapat "
                    "diubah atau dihapus dari aplikasi."
                ),
            )
        )
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addLayout(paging)
        self._update_paging()

    # ------------------------------------------------------------------ data
    def search_now(self) -> None:
        self._debounce.stop()
        self.offset = 0
        self.refresh()

    def refresh(self) -> None:
        self.loaded = True
        if not self.ctx.actor.can(Perm.VIEW_AUDIT):
            return
        try:
            with self.ctx.read() as session:
                self.zone = office.get_profile(session).zona_waktu
                self.rows, self.total = audit.list_entries(
                    session,
                    self.ctx.actor,
                    text=self.search.text().strip(),
                    entity=str(self.entity.currentData() or ""),
                    limit=PAGE_SIZE,
                    offset=self.offset,
                )
        except ServiceError as exc:
            common.warn(self, self.tr("Log audit"), common.error_text(exc))
            return
        self.table.setRowCount(len(self.rows))
        for row, entry in enumerate(self.rows):
            common.fill_row(
                self.table,
                row,
                [
                    common.local_time(entry.at, self.zone),
                    entry.username,
                    entry.action.replace("_", " "),
                    self.tr(ENTITY_LABELS.get(entry.entity, entry.entity)),
                    entry.entity_id,
                    entry.summary,
                ],
                entry.id,
            )
            self.table.item(row, 5).setToolTip(entry.summary)
        common.fit_columns(self.table, max_width=240)
        self._update_paging()
        if self.rows:
            self.table.selectRow(0)
        else:
            self._show_detail()

    def _update_paging(self) -> None:
        if self.total:
            first, last = self.offset + 1, self.offset + len(self.rows)
            self.page_label.setText(
                self.tr("%1–%2 dari %3 catatan")
                .replace("%1", _thousands(first))
                .replace("%2", _thousands(last))
                .replace("%3", _thousands(self.total))
            )
        else:
            self.page_label.setText(self.tr("Tidak ada catatan yang cocok."))
        self.prev_button.setEnabled(self.offset > 0)
        self.next_button.setEnabled(self.offset + len(self.rows) < self.total)

    def next_page(self) -> None:
        if self.offset + len(self.rows) < self.total:
            self.offset += PAGE_SIZE
            self.refresh()

    def previous_page(self) -> None:
        if self.offset > 0:
            self.offset = max(0, self.offset - PAGE_SIZE)
            self.refresh()

    def selected_entry(self) -> AuditRow | None:
        entry_id = common.selected_data(self.table)
        return next((r for r in self.rows if r.id == entry_id), None)

    def _show_detail(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            self.detail_title.clear()
            self.before.clear()
            self.after.clear()
            return
        text = f"<b>{html.escape(common.local_time(entry.at, self.zone))}</b> — {html.escape(entry.username)}"
        if entry.summary:
            text += f": {html.escape(entry.summary)}"
        self.detail_title.setText(text)
        self.before.setPlainText(pretty_json(entry.before_json))
        self.after.setPlainText(pretty_json(entry.after_json))
