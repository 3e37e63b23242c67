"""The buku agenda keluar: search, filter and sort it; confirm, mark sent or cancel a number (B9)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QKeyCombination, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QFont, QFontMetrics, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core import clock
from desktop.services.common.errors import ServiceError
from desktop.services.common.permissions import Perm
from desktop.services.letters import outgoing
from desktop.ui import dialogs
from desktop.ui.context import UiContext
from desktop.ui.letters.agenda_filters import FilterBar
from desktop.ui.letters.agenda_list import AgendaList
from desktop.ui.letters.outgoing_form import COPY_KEY
from desktop.ui.letters.outgoing_model import OutgoingTableModel
from desktop.ui.widgets.dates import DateField
from desktop.ui.widgets.keys import sequence
from desktop.ui.widgets.tables import ask_reason, keep_columns_on_screen, screen_layout, set_widths

PAGE_SIZE = 200
TABLE_COPY_KEY = sequence("Ctrl+C")


class SentDialog(QDialog):
    """Tanggal kirim and media of a signed letter."""

    def __init__(self, info: outgoing.OutgoingInfo, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tandai terkirim: {0}").format(info.nomor_surat))
        self.tanggal = DateField(
            self, info.tanggal_kirim or max(today, info.tanggal_surat), required=True, today=today
        )
        self.tanggal.setObjectName("tanggalKirim")
        self.media = QComboBox(self)
        for key, label in outgoing.MEDIA_LABELS.items():
            self.media.addItem(label, key)
        self.media.setCurrentIndex(max(0, self.media.findData(info.media)))
        form = QFormLayout()
        # A tujuan of several lines' length wraps instead of widening the dialog past the screen.
        head = QLabel(self.tr("Surat {0} untuk {1}").format(info.nomor_surat, info.tujuan), self)
        head.setWordWrap(True)
        form.addRow(head)
        form.addRow(self.tr("Tanggal &kirim"), self.tanggal.boxed())
        form.addRow(self.tr("&Media"), self.media)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.tr("Simpan"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def accept(self) -> None:
        if self.tanggal.error():  # the field is red with the reason beside it; the dialog stays open
            self.tanggal.setFocus()
            return
        super().accept()

    def values(self) -> tuple[date, str]:
        return self.tanggal.value() or date.min, str(self.media.currentData())  # required: never empty


class OutgoingList(AgendaList[outgoing.OutgoingInfo]):
    """Buku agenda keluar of one year (or a date range): copy a number, confirm a reservation, mark sent, cancel
    with a reason; Ctrl+F searches, Ctrl+Shift+F shows the filters, a click on a header sorts."""

    changed = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("outgoingList")
        can_write = ctx.actor.can(Perm.WRITE_LETTERS)

        self.build_header(
            self.tr("Buku agenda surat keluar"),
            self.tr("Tahun agenda keluar"),
            self.tr("Cari nomor, tujuan, perihal atau kode… (Ctrl+F)"),
        )
        # The list shares the screen with the form: filters only when asked for.
        self.build_filters(
            FilterBar(
                date_label=self.tr("Tgl surat"),
                name_placeholder=self.tr("Tujuan"),
                statuses=outgoing.STATUS_LABELS,
                today=clock.today(self.zone),
                parent=self,
            ),
            self.tr("Rentang tanggal surat dipakai sebagai ganti tahun"),
        )
        self.build_table(OutgoingTableModel(self._fetch), "outgoingTable", OutgoingTableModel.PERIHAL)
        metrics = self.table.fontMetrics()
        bold = QFont(self.table.font())
        bold.setBold(True)
        set_widths(
            self.table,
            {
                OutgoingTableModel.NOMOR: QFontMetrics(bold).horizontalAdvance(
                    "800.1.11.13/157.01/SEK.UM/2026"
                )
                + 16,
                OutgoingTableModel.TANGGAL: metrics.horizontalAdvance("22-11-2026") + 16,
                OutgoingTableModel.TUJUAN: 240,
                OutgoingTableModel.KODE: metrics.horizontalAdvance("800.1.11.13") + 16,
                OutgoingTableModel.PENANDATANGAN: metrics.horizontalAdvance("Kepala Sub Bagian Umum") + 16,
                OutgoingTableModel.STATUS: metrics.horizontalAdvance("Dipesan (konsep)") + 16,
            },
        )
        # On a 1024 px screen tujuan and penanda tangan narrow first, so the Status column stays in view.
        keep_columns_on_screen(self.table, (OutgoingTableModel.TUJUAN, OutgoingTableModel.PENANDATANGAN))
        self.connect_table(self.copy_selected)

        self.copy_button = QPushButton(self.tr("Salin nomor"), self)
        self.copy_button.setToolTip(self.tr("Salin nomor surat terpilih ke papan klip (Ctrl+C)"))
        self.copy_button.clicked.connect(self.copy_selected)
        self.confirm_button = QPushButton(self.tr("Konfirmasi…"), self)
        self.confirm_button.setToolTip(self.tr("Nomor yang dipesan: surat sudah ditandatangani"))
        self.confirm_button.clicked.connect(self.confirm_selected)
        self.sent_button = QPushButton(self.tr("Tandai terkirim…"), self)
        self.sent_button.setToolTip(self.tr("Catat tanggal kirim dan media pengiriman"))
        self.sent_button.clicked.connect(self.mark_sent_selected)
        self.cancel_button = QPushButton(self.tr("Batalkan…"), self)
        self.cancel_button.setToolTip(self.tr("Tandai nomor terpilih batal; nomornya tetap tercatat"))
        self.cancel_button.clicked.connect(self.cancel_selected)
        self.reload_button = QPushButton(self.tr("Muat ulang"), self)
        self.reload_button.setToolTip(self.tr("Muat ulang daftar (F5)"))
        self.reload_button.clicked.connect(lambda: self.reload())
        for button in (self.confirm_button, self.sent_button, self.cancel_button):
            button.setVisible(can_write)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)

        self.copy_action = QAction(self.tr("Salin nomor"), self)
        self.copy_action.triggered.connect(self.copy_selected)
        self.confirm_action = QAction(self.tr("Konfirmasi sudah ditandatangani…"), self)
        self.confirm_action.triggered.connect(self.confirm_selected)
        self.sent_action = QAction(self.tr("Tandai terkirim…"), self)
        self.sent_action.triggered.connect(self.mark_sent_selected)
        self.cancel_action = QAction(self.tr("Batalkan nomor…"), self)
        self.cancel_action.triggered.connect(self.cancel_selected)
        self.reload_action = QAction(self.tr("Muat ulang"), self)
        self.reload_action.triggered.connect(lambda: self.reload())

        top = self.top_row()
        actions = QHBoxLayout()
        actions.addWidget(self.copy_button)
        actions.addWidget(self.confirm_button)
        actions.addWidget(self.sent_button)
        actions.addStretch(1)
        actions.addWidget(self.cancel_button)
        actions.addWidget(self.reload_button)
        screen_layout(
            self, top, self.filter_bar, self.year_search_hint, self.table, actions, stretch=self.table
        )

        self.watch_keys()
        self.reload()

    # ------------------------------------------------------------------ data
    def current_filter(self) -> outgoing.OutgoingFilter:
        """What the filter bar says, as the service's filter (also while the bar is hidden)."""
        bar = self.filter_bar
        dari, sampai = bar.date_range()
        return outgoing.OutgoingFilter(
            dari=dari,
            sampai=sampai,
            tujuan=bar.name_text(),
            kode_klasifikasi=bar.kode_text(),
            keamanan=bar.keamanan_value(),
            urgensi=bar.urgensi_value(),
            status=bar.status_value(),
        )

    def _fetch(self, offset: int) -> tuple[list[outgoing.OutgoingInfo], int]:
        return self.fetch_page(offset, outgoing.list_outgoing, PAGE_SIZE, self.tr("Agenda surat keluar"))

    def show_letter(self, info: outgoing.OutgoingInfo) -> None:
        """Show a letter just numbered: its year, no stale search or filter, selected."""
        if self.year.value() != info.tahun:
            self.year.blockSignals(True)
            self.year.setValue(info.tahun)
            self.year.blockSignals(False)
        if self.search.text():
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
        if self.current_filter().active_count:
            self.filter_bar.blockSignals(True)
            self.filter_bar.clear()
            self.filter_bar.blockSignals(False)
            self.filters_changed()
        self.reload(select_id=info.id)
        if self.selected_id() != info.id and self.model.sort_spec is not None:
            # Sorted by another column the new number may sit pages down: back to the book's own order.
            self.table.horizontalHeader().setSortIndicator(
                OutgoingTableModel.NOMOR, Qt.SortOrder.DescendingOrder
            )
            self.select(info.id)

    def update_count(self) -> None:
        shown, total = len(self.model.rows), self.model.total
        if self.search.text().strip() or self.filter_toggle.count:
            text = self.tr("menampilkan {0} dari {1} yang cocok").format(shown, total)
        else:
            text = self.tr("menampilkan {0} dari {1} nomor").format(shown, total)
        self.count_label.setText(text)

    def update_actions(self) -> None:
        info = self.selected_info()
        write = self.ctx.actor.can(Perm.WRITE_LETTERS)
        status = info.status if info is not None else ""
        self.copy_button.setEnabled(info is not None)
        self.copy_action.setEnabled(info is not None)
        for widget in (self.confirm_button, self.confirm_action):
            widget.setEnabled(write and status == "dipesan")
        for widget in (self.sent_button, self.sent_action):
            widget.setEnabled(write and status in ("ditandatangani", "dikirim"))
        for widget in (self.cancel_button, self.cancel_action):
            widget.setEnabled(write and status not in ("", "batal"))
        self.sent_button.setText(
            self.tr("Ubah pengiriman…") if status == "dikirim" else self.tr("Tandai terkirim…")
        )

    # ------------------------------------------------------------------ actions
    def copy_selected(self) -> str:
        info = self.selected_info()
        if info is None:
            return ""
        QGuiApplication.clipboard().setText(info.nomor_surat)
        return info.nomor_surat

    def _run(self, title: str, fn: Callable[..., outgoing.OutgoingInfo], *args: object) -> bool:
        try:
            info = self.ctx.call(fn, *args)
        except ServiceError as exc:
            dialogs.error(self, title, str(exc))
            return False
        self.reload(select_id=info.id)
        self.changed.emit()
        return True

    def ask_signed_date(self, info: outgoing.OutgoingInfo) -> date | None:
        """Tanggal surat as signed (prefilled with the reserved date); None when the clerk backs out."""
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Konfirmasi nomor {0}").format(info.nomor_surat))
        edit = DateField(dialog, info.tanggal_surat, required=True)
        edit.setObjectName("tanggalSurat")
        form = QFormLayout()
        note = QLabel(
            self.tr("Surat untuk {0} sudah ditandatangani. Periksa tanggal surat:").format(info.tujuan),
            dialog,
        )
        note.setWordWrap(True)
        form.addRow(note)
        form.addRow(self.tr("Tanggal &surat"), edit.boxed())
        buttons = QDialogButtonBox(dialog)
        buttons.addButton(self.tr("Konfirmasi"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        # A date that is not one keeps the dialog open, the field red with the reason beside it.
        buttons.accepted.connect(lambda: edit.setFocus() if edit.error() else dialog.accept())
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addLayout(form)
        layout.addWidget(buttons)
        if not dialog.exec():
            return None
        return edit.date()

    def confirm_selected(self) -> bool:
        info = self.selected_info()
        if info is None or info.status != "dipesan" or not self.ctx.actor.can(Perm.WRITE_LETTERS):
            return False
        signed = self.ask_signed_date(info)
        if signed is None:
            return False
        return self._run(self.tr("Konfirmasi nomor"), outgoing.confirm_reserved, info.id, signed)

    def ask_sent(self, info: outgoing.OutgoingInfo) -> tuple[date, str] | None:
        dialog = SentDialog(info, clock.today(self.zone), self)
        if not dialog.exec():
            return None
        return dialog.values()

    def mark_sent_selected(self) -> bool:
        info = self.selected_info()
        if info is None or info.status not in ("ditandatangani", "dikirim"):
            return False
        if not self.ctx.actor.can(Perm.WRITE_LETTERS):
            return False
        answer = self.ask_sent(info)
        if answer is None:
            return False
        return self._run(self.tr("Tandai terkirim"), outgoing.mark_sent, info.id, *answer)

    def ask_reason(self, info: outgoing.OutgoingInfo) -> str | None:
        return ask_reason(
            self,
            self.tr("Batalkan nomor {0}").format(info.nomor_surat),
            self.tr("Alasan pembatalan nomor {0} ({1}):").format(info.nomor_surat, info.tujuan),
            ok=self.tr("Batalkan nomor ini…"),
            cancel=self.tr("Kembali"),
            width=480,
        )

    def cancel_selected(self) -> bool:
        def question(info: outgoing.OutgoingInfo, reason: str) -> str:
            sent = (
                self.tr("\n\nSurat ini sudah tercatat DIKIRIM; batalkan hanya bila surat ditarik kembali.")
                if info.status == "dikirim"
                else ""
            )
            return self.tr(
                "Nomor {0} untuk {1} akan ditandai BATAL dengan alasan:\n“{2}”\n\n"
                "Nomornya tetap tercatat dan tidak akan dipakai lagi. Lanjutkan?{3}"
            ).format(info.nomor_surat, info.tujuan, reason, sent)

        asked = self.ask_cancel(self.tr("Batalkan nomor"), question, self.tr("Batalkan nomor ini"))
        if asked is None:
            return False
        info, reason = asked
        return self._run(self.tr("Batalkan nomor"), outgoing.cancel, info.id, reason)

    def context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if index.isValid():
            self.table.selectRow(index.row())
        menu = QMenu(self)
        menu.addAction(self.copy_action)
        if self.ctx.actor.can(Perm.WRITE_LETTERS):
            menu.addAction(self.confirm_action)
            menu.addAction(self.sent_action)
            menu.addSeparator()
            menu.addAction(self.cancel_action)
        menu.addSeparator()
        menu.addAction(self.reload_action)
        menu.exec(self.table.viewport().mapToGlobal(pos))

    # ------------------------------------------------------------------ keyboard
    def keys(self, watched: QObject) -> dict[QKeyCombination, Callable[[], object]]:
        """Ctrl+Shift+C (and Ctrl+C in the table) copies the number, besides the keys of every agenda."""
        keys = {**super().keys(watched), COPY_KEY: self.copy_selected}
        if watched is self.table:
            keys[TABLE_COPY_KEY] = self.copy_selected
        return keys
