"""The Jadwal board's dialogs: "Mengapa tanggal ini?" (the derivation of a date), the catatan asked with a
status, and the list of records that stop a deadline being computed."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.core.dates import format_date
from desktop.core.nip import format_nip
from desktop.services.staff.board import BoardEntry, DataNote
from desktop.services.staff.schedule import StatusJadwal
from desktop.ui.staff.schedule_model import URGENCY, hari_text

WARNING_BG = "#fff4ce"
WARNING_INK = "#5c3b00"


def _when(hari_lagi: int) -> str:
    if hari_lagi < 0:
        return f"{-hari_lagi:,} hari yang lalu".replace(",", ".")
    return hari_text(hari_lagi) if hari_lagi == 0 else f"{hari_text(hari_lagi)} lagi"


class ExplainDialog(QDialog):
    """How the date of one item follows from the record and the rules: numbered steps, then the warnings and
    the reminders. "Buka data pegawai" shows the record the steps start from."""

    open_pegawai = Signal(int)

    def __init__(self, entry: BoardEntry, as_of: date, zone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry = entry
        self.setWindowTitle(self.tr("Mengapa tanggal ini?"))
        self.setObjectName("explainDialog")
        self.resize(760, 560)
        derivation = entry.explain(zone)
        self.steps = list(derivation.steps)
        self.warnings = list(derivation.warnings)
        self.plain = "\n".join(
            [
                f"{entry.jenis.label} \u2014 {format_date(entry.tanggal)}",
                f"{entry.nama} (NIP {entry.nip_format})",
                "",
                derivation.explanation,
            ]
        )

        self.browser = QTextBrowser()
        self.browser.setObjectName("explainText")
        self.browser.setOpenLinks(False)
        self.browser.setHtml(self._html(entry, as_of, zone))

        buttons = QDialogButtonBox()
        self.copy_button = QPushButton(self.tr("&Salin"))
        self.copy_button.setToolTip(self.tr("Salin penjelasan ini sebagai teks"))
        self.copy_button.clicked.connect(self.copy)
        self.pegawai_button = QPushButton(self.tr("Buka data &pegawai"))
        self.pegawai_button.setObjectName("explainOpenPegawai")
        self.pegawai_button.clicked.connect(self._open_pegawai)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Tutup"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.pegawai_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        close.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        close.setDefault(True)
        self.browser.setFocus()

    def _html(self, e: BoardEntry, as_of: date, zone: str) -> str:
        parts = [
            f"<h3 style='margin-bottom:2px'>{escape(e.jenis.label)} \u2014 {escape(format_date(e.tanggal))}</h3>",
            f"<p style='margin-top:0'><b>{escape(e.nama)}</b> &middot; NIP {escape(e.nip_format)}"
            + (f" &middot; {escape(e.golongan_ruang)}" if e.golongan_ruang else "")
            + (f" &middot; {escape(e.unit)}" if e.unit else "")
            + "</p>",
        ]
        marker = URGENCY[e.urgensi]
        facts = [
            f"<span style='background:{marker.cell or 'transparent'}; color:#1b1b1b'>&nbsp;"
            f"{escape(self.tr(marker.marker))}&nbsp;</span> {escape(_when(e.hari_lagi))}",
            escape(self.tr("Status: {0}").format(self.tr(e.status.label))),
        ]
        if e.batas_tindakan is not None:
            late = self.tr(" (sudah lewat)") if e.batas_tindakan < as_of else ""
            facts.append(
                escape(self.tr("Batas tindakan: {0}{1}").format(format_date(e.batas_tindakan), late))
            )
        parts.append("<p>" + " &middot; ".join(facts) + "</p>")
        if e.catatan:
            parts.append(f"<p>{escape(self.tr('Catatan status'))}: {escape(e.catatan)}</p>")
        parts.append(f"<h4>{escape(self.tr('Mengapa tanggal ini?'))}</h4>")
        parts.append("<ol>" + "".join(f"<li>{escape(step)}</li>" for step in self.steps) + "</ol>")
        for warning in self.warnings:
            parts.append(
                f"<p style='background:{WARNING_BG}; color:{WARNING_INK}'>&nbsp;\u26a0 "
                f"<b>{escape(self.tr('Perhatian'))}:</b> {escape(warning)}&nbsp;</p>"
            )
        if e.item is not None:
            reminders = e.item.pengingat
            if reminders:
                parts.append(f"<h4>{escape(self.tr('Pengingat'))}</h4><ul>")
                for r in reminders:
                    done = "\u2713 " if r.tanggal <= as_of else ""
                    parts.append(f"<li>{done}{escape(format_date(r.tanggal))}: {escape(r.keterangan)}</li>")
                parts.append("</ul>")
        return "".join(parts)

    def copy(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(self.plain)

    def _open_pegawai(self) -> None:
        self.open_pegawai.emit(self.entry.pegawai_id)
        self.accept()


STATUS_TITLES = {
    StatusJadwal.DIPROSES: "Tandai sedang diproses",
    StatusJadwal.SELESAI: "Tandai selesai",
    StatusJadwal.TIDAK_PERLU: "Tandai tidak perlu",
    StatusJadwal.PERLU_DIPROSES: "Kembalikan ke perlu diproses",
}
STATUS_HINTS = {
    StatusJadwal.DIPROSES: "mis. surat pemberitahuan KGB sudah dikirim ke BKD",
    StatusJadwal.SELESAI: "mis. nomor dan tanggal SK",
    StatusJadwal.TIDAK_PERLU: "alasannya, mis. pegawai pindah atau sudah diusulkan lewat jalur lain",
    StatusJadwal.PERLU_DIPROSES: "mengapa status sebelumnya keliru",
}


class StatusDialog(QDialog):
    """The status of one item, with a catatan that is kept with it (Enter saves, Esc cancels)."""

    def __init__(self, entry: BoardEntry, status: StatusJadwal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry = entry
        self.status = status
        self.setObjectName("statusDialog")
        self.setWindowTitle(self.tr(STATUS_TITLES[status]))
        self.setMinimumWidth(520)
        what = QLabel(
            f"<b>{escape(entry.jenis.label)}</b> {escape(format_date(entry.tanggal))}<br>"
            f"{escape(entry.nama)} &middot; NIP {escape(entry.nip_format)}"
        )
        what.setTextFormat(Qt.TextFormat.RichText)
        label = QLabel(self.tr("&Catatan (boleh kosong):"))
        self.catatan = QLineEdit(entry.catatan if status is not StatusJadwal.PERLU_DIPROSES else "")
        self.catatan.setObjectName("statusCatatan")
        self.catatan.setMaxLength(2000)
        self.catatan.setPlaceholderText(self.tr(STATUS_HINTS[status]))
        label.setBuddy(self.catatan)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        save = buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("Simpan: {0}").format(self.tr(status.label)))
        save.setDefault(True)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(what)
        layout.addWidget(label)
        layout.addWidget(self.catatan)
        layout.addWidget(buttons)
        self.catatan.setFocus()
        self.catatan.selectAll()

    def text(self) -> str:
        return self.catatan.text().strip()


class DataNotesDialog(QDialog):
    """Records the rules cannot use: each one is a deadline that would otherwise be missed without a word."""

    open_pegawai = Signal(int)

    def __init__(self, notes: list[DataNote], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.notes = notes
        self.setObjectName("dataNotesDialog")
        self.setWindowTitle(self.tr("Data pegawai yang perlu dilengkapi"))
        self.resize(900, 480)
        intro = QLabel(
            self.tr(
                "Tenggat pegawai berikut tidak bisa dihitung dari datanya. Lengkapi datanya agar tidak ada KGB, "
                "kenaikan pangkat atau pensiun yang terlewat."
            )
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(notes), 3)
        self.table.setObjectName("dataNotesTable")
        self.table.setHorizontalHeaderLabels([self.tr("Nama"), self.tr("NIP"), self.tr("Catatan")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 220)
        self.table.setColumnWidth(1, 170)
        for row, note in enumerate(notes):
            for col, text in enumerate((note.nama, format_nip(note.nip), note.catatan)):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                self.table.setItem(row, col, cell)
        if notes:
            self.table.selectRow(0)
        self.table.cellDoubleClicked.connect(lambda row, _col: self._open(row))
        buttons = QDialogButtonBox()
        open_button = QPushButton(self.tr("Buka data &pegawai"))
        open_button.clicked.connect(lambda: self._open(self.table.currentRow()))
        buttons.addButton(open_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Tutup"))
        close.clicked.connect(self.reject)
        buttons.rejected.connect(self.reject)
        enter = QShortcut(QKeySequence(Qt.Key.Key_Return), self.table)
        enter.setContext(Qt.ShortcutContext.WidgetShortcut)
        enter.activated.connect(lambda: self._open(self.table.currentRow()))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def _open(self, row: int) -> None:
        if 0 <= row < len(self.notes):
            self.open_pegawai.emit(self.notes[row].pegawai_id)
            self.accept()
