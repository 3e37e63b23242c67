"""The Jadwal board's "Mengapa tanggal ini?": how the date of one deadline was derived."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from desktop.core.dates import format_date
from desktop.services.staff.board import BoardEntry
from desktop.ui.staff.schedule_model import URGENCY, hari_text
from desktop.ui.widgets.palette import WARNING_BACKGROUND, WARNING_INK
from desktop.ui.widgets.screen_fit import fit_to_screen


def _when(hari_lagi: int) -> str:
    if hari_lagi < 0:
        return f"{-hari_lagi:,} hari yang lalu".replace(",", ".")
    return hari_text(hari_lagi) if hari_lagi == 0 else f"{hari_text(hari_lagi)} lagi"


def _when_text(entry: BoardEntry) -> str:
    """The date of the item, or what stands instead of it (a KP at the top of a jenjang: "perlu kenaikan
    jenjang", the steps say why)."""
    if entry.item is not None and entry.item.pengganti_tanggal:
        return entry.item.pengganti_tanggal
    return format_date(entry.tanggal)


class ExplainDialog(QDialog):
    """How the date of one item follows from the record and the rules: numbered steps, then the warnings and
    the reminders. "Buka data pegawai" shows the record the steps start from."""

    open_pegawai = Signal(int)

    def __init__(self, entry: BoardEntry, as_of: date, zone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry = entry
        self.setWindowTitle(self.tr("Mengapa tanggal ini?"))
        self.setObjectName("explainDialog")
        fit_to_screen(self, 760, 560)
        derivation = entry.explain(zone)
        self.steps = list(derivation.steps)
        self.warnings = list(derivation.warnings)
        self.plain = "\n".join(
            [
                f"{entry.jenis.label} \u2014 {_when_text(entry)}",
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
            f"<h3 style='margin-bottom:2px'>{escape(e.jenis.label)} \u2014 {escape(_when_text(e))}</h3>",
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
        no_date = e.item is not None and bool(e.item.pengganti_tanggal)
        heading = self.tr("Mengapa tidak ada tanggal?") if no_date else self.tr("Mengapa tanggal ini?")
        parts.append(f"<h4>{escape(heading)}</h4>")
        parts.append("<ol>" + "".join(f"<li>{escape(step)}</li>" for step in self.steps) + "</ol>")
        for warning in self.warnings:
            parts.append(
                f"<p style='background:{WARNING_BACKGROUND}; color:{WARNING_INK}'>&nbsp;\u26a0 "
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
