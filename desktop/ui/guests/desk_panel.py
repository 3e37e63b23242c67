"""Meja Depan: the walk-in form beside the ticket just given, the check-out line and who is in the building now."""

from __future__ import annotations

import contextlib
import html
from datetime import date

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QResizeEvent, QShowEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core import clock
from desktop.printing.guests.slip import DEFAULT_PRIVACY_NOTICE
from desktop.printing.guests.visit_sheet import VisitSheet, build_visit_sheet
from desktop.services.common import office, printed
from desktop.services.common.errors import PermissionDenied, ServiceError
from desktop.services.common.permissions import Perm
from desktop.services.guests import prereg, visits
from desktop.services.guests.settings import GuestSettings, get_settings
from desktop.ui.context import UiContext
from desktop.ui.guests import slip_print
from desktop.ui.guests.checkout_box import CheckoutBox
from desktop.ui.guests.closing_dialog import ClosingDialog
from desktop.ui.guests.on_site_model import (
    COL_DATANG,
    COL_IDENTITAS,
    COL_INSTANSI,
    COL_KARTU,
    COL_LAMA,
    COL_NAMA,
    COL_STATUS,
    COL_TIKET,
    COL_TUJUAN,
    OnSiteModel,
)
from desktop.ui.guests.ticket_box import TicketBox
from desktop.ui.guests.walk_in_form import WalkInForm
from desktop.ui.print_preview import PrintPreviewDialog
from desktop.ui.widgets.messages import muted
from desktop.ui.widgets.screen_fit import scroll_form
from desktop.ui.widgets.tables import heading, keep_columns_on_screen, style_list

REFRESH_MS = 60_000  # the "lama" column and the closing check move with the clock
CLOSING_STATE_KEY = "tamu/peringatan_tutup"  # the office date the closing warning was last shown here


class DeskPanel(QWidget):
    """The petugas meja depan's screen. Roles without Perm.WRITE_GUESTS (pimpinan and others) see the list only."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("deskPanel")
        self.can_write = ctx.actor.can(Perm.WRITE_GUESTS)
        with ctx.read() as s:
            self.zone = visits.zone(s)
            self.settings: GuestSettings = get_settings(s)
        self._closing_shown: date | None = None
        self.closing_dialog: ClosingDialog | None = None
        # Yesterday's unused registrations are no-shows before the desk looks at today (R18); a read-only role
        # may not write them and sees them change when the desk opens.
        with contextlib.suppress(PermissionDenied):
            ctx.call(prereg.expire)

        # --- the on-site list, for every role
        self.model = OnSiteModel(self.zone, self)
        self.table = QTableView(self)
        self.table.setObjectName("onSiteTable")
        self.table.setModel(self.model)
        # Tujuan takes the spare width; on a 1024 px screen nama and instansi give up width in proportion (nama
        # keeps the larger share), so ticket, card, status and lama stay in view.
        style_list(self.table, COL_TUJUAN, several=True)
        digits = self.table.fontMetrics().horizontalAdvance("0")
        for column, chars in (
            (COL_TIKET, 5),
            (COL_NAMA, 24),
            (COL_INSTANSI, 12),
            (COL_KARTU, 4),
            (COL_IDENTITAS, 6),
            (COL_DATANG, 5),
            (COL_STATUS, 8),
            (COL_LAMA, 6),
        ):
            self.table.setColumnWidth(column, chars * digits + 14)
        keep_columns_on_screen(self.table, [COL_NAMA, COL_INSTANSI], minimum=60)
        self.table.installEventFilter(self)
        self.list_title = heading(self.tr("Sedang di kantor"), self)
        self.list_note = muted(QLabel(self), smaller=True)
        self.list_note.setObjectName("onSiteNote")

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 6, 8, 6)
        right_layout.setSpacing(6)

        self.form: WalkInForm | None = None
        self.ticket_box: TicketBox | None = None
        self.checkout: CheckoutBox | None = None
        self.printer_combo: QComboBox | None = None
        if self.can_write:
            self.form = WalkInForm(ctx, self.settings)
            self.form.saved.connect(self._after_save)
            self.ticket_box = TicketBox(self.settings.persetujuan_tuan_rumah, right)
            self.ticket_box.reprint.connect(lambda v: self.print_slip(v))
            self.ticket_box.print_sheet.connect(self.print_visit_sheet)
            self.ticket_box.decided.connect(self.decide)
            self.checkout = CheckoutBox(ctx, right)
            self.checkout.changed.connect(self.refresh)
            self.checkout.several.connect(self.select_visits)
            self.checkout.arrived.connect(self._after_arrival)
            self.printer_combo = QComboBox(right)
            self.printer_combo.setObjectName("slipPrinter")
            self.printer_combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            self.printer_combo.setMinimumContentsLength(14)
            self._fill_printers()
            self.printer_combo.activated.connect(self._printer_chosen)
            printer_row = QHBoxLayout()
            printer_label = QLabel(self.tr("Printer sli&p:"), right)
            printer_label.setBuddy(self.printer_combo)
            prereg_button = QPushButton(self.tr("Pra-re&gistrasi…"), right)
            prereg_button.setObjectName("openPrereg")
            prereg_button.setToolTip(
                self.tr("Daftarkan tamu yang menelepon lebih dulu: kode registrasi dan QR-nya")
            )
            prereg_button.clicked.connect(self.open_prereg)
            printer_row.addWidget(prereg_button)
            printer_row.addStretch(1)
            printer_row.addWidget(printer_label)
            printer_row.addWidget(self.printer_combo)
            right_layout.addLayout(printer_row)
            right_layout.addWidget(self.ticket_box)
            right_layout.addWidget(self.checkout)
        title_row = QHBoxLayout()
        title_row.addWidget(self.list_title)
        title_row.addSpacing(8)
        title_row.addWidget(self.list_note, 1, Qt.AlignmentFlag.AlignBottom)
        right_layout.addLayout(title_row)
        right_layout.addWidget(self.table, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if self.form is not None:
            left = QWidget(self)
            left_layout = QVBoxLayout(left)
            left_layout.setContentsMargins(0, 0, 0, 0)
            left_layout.setSpacing(0)
            left_layout.addWidget(scroll_form(self.form, left), 1)
            privacy = muted(QLabel(DEFAULT_PRIVACY_NOTICE, left), smaller=True)
            privacy.setObjectName("privacyNotice")
            privacy.setWordWrap(True)
            privacy.setContentsMargins(8, 2, 8, 4)
            left_layout.addWidget(privacy)
            self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
            self.splitter.setObjectName("deskSplitter")
            self.splitter.setChildrenCollapsible(False)
            self.splitter.addWidget(left)
            self.splitter.addWidget(right)
            self.splitter.setStretchFactor(0, 2)
            self.splitter.setStretchFactor(1, 3)
            self._split_done = False
            layout.addWidget(self.splitter)
        else:
            layout.addWidget(right)

        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.tick)
        self.timer.start()
        self.refresh()

    # ------------------------------------------------------------------ list
    def refresh(self) -> None:
        """Read the on-site list again (after every action and every minute), keeping the selection."""
        selected = {v.id for v in self.selected_visits()}
        try:
            rows = self.ctx.query(visits.on_site)
        except ServiceError:
            rows = []
        self.model.set_rows(rows, clock.utc_now())
        # The identity column only where the desk takes identity cards (R10, off by default) or one is held.
        self.table.setColumnHidden(
            COL_IDENTITAS, not (self.settings.titip_identitas or any(v.identitas for v in rows))
        )
        earlier = sum(1 for v in rows if self.model.earlier_day(v))
        people = sum(v.jumlah_orang for v in rows)
        note = self.tr("{0} kunjungan, {1} orang").format(len(rows), people)
        if earlier:
            note += self.tr(" · ⚠ {0} dari hari sebelumnya belum dicatat pulang").format(earlier)
        self.list_note.setText(note)
        if selected:
            self.select_visits(sorted(selected), focus=False)

    def selected_visits(self) -> list[visits.VisitView]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [v for r in rows if (v := self.model.info(r)) is not None]

    def select_visits(self, ids: list[int], focus: bool = True) -> None:
        """Select the visits of ``ids`` in the list (several matches of the check-out line): the clerk picks."""
        selection = self.table.selectionModel()
        selection.clearSelection()
        first = -1
        for visit_id in ids:
            row = self.model.row_of(visit_id)
            if row < 0:
                continue
            flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
            selection.select(self.model.index(row, 0), flags)
            first = row if first < 0 else first
        if first >= 0:
            selection.setCurrentIndex(self.model.index(first, 0), QItemSelectionModel.SelectionFlag.NoUpdate)
            self.table.scrollTo(self.model.index(first, 0))
            if focus:
                self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.table
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.checkout is not None
        ):
            current = self.model.info(self.table.currentIndex().row())
            if current is not None:
                # Enter checks out the row under the cursor, not the whole selection of several matches.
                self.checkout.check_out(current)
                if self.form is not None:
                    self.checkout.edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------ after a walk-in
    def _after_save(self, v: visits.VisitView) -> None:
        assert self.ticket_box is not None
        self.ticket_box.show_visit(v)
        self.refresh()
        if self.settings.cetak_slip_otomatis:
            self.print_slip(v)

    def _after_arrival(self, v: visits.VisitView) -> None:
        self._after_save(v)

    def slip_printer(self) -> QPrinter | None:
        """The printer for slips on this workstation (tests put a PDF-file printer here)."""
        return slip_print.slip_printer(self.ctx)

    def print_slip(self, v: visits.VisitView) -> slip_print.SlipResult:
        result = slip_print.print_slip(self.ctx, v, self.slip_printer())
        if self.ticket_box is not None:
            self.ticket_box.set_print_status(result.ok, result.message)
        return result

    def _fill_printers(self) -> None:
        assert self.printer_combo is not None
        self.printer_combo.clear()
        names = slip_print.printer_names()
        if not names:
            self.printer_combo.addItem(self.tr("(tidak ada printer)"), "")
            self.printer_combo.setEnabled(False)
            return
        for name in names:
            self.printer_combo.addItem(name, name)
        chosen = slip_print.chosen_printer_name(self.ctx)
        if (i := self.printer_combo.findData(chosen)) >= 0:
            self.printer_combo.setCurrentIndex(i)

    def open_prereg(self) -> None:
        from desktop.ui.guests.prereg_dialog import PreregDialog

        dialog = PreregDialog(self.ctx, self)
        dialog.exec()
        self.refresh()

    def _printer_chosen(self, _index: int) -> None:
        assert self.printer_combo is not None
        slip_print.remember_printer(self.ctx, str(self.printer_combo.currentData() or ""))

    def print_visit_sheet(self, v: visits.VisitView) -> None:
        """R5: the lembar kunjungan the duty officer carries to the host, shown before printing."""
        with self.ctx.read() as s:
            header = office.get_profile(s).header()
        sheet = VisitSheet(
            header=header,
            nama=v.nama,
            instansi=v.instansi,
            alamat=v.alamat,
            no_hp=v.no_hp,
            keperluan=v.keperluan,
            yang_dituju=v.tujuan,
            datang=v.datang_at or clock.utc_now(),
            zona=self.zone,
            ticket=v.tiket,
            kartu=v.kartu,
            jumlah_orang=v.jumlah_orang,
        )
        dialog = PrintPreviewDialog(
            build_visit_sheet(sheet), self.tr("Lembar kunjungan {0}").format(v.tiket), self,
            suggested_filename=f"lembar-kunjungan-{v.tiket}.pdf",
        )  # fmt: skip
        dialog.delivered.connect(
            lambda delivery: self.ctx.call(
                printed.record, "kunjungan", v.id, f"Lembar kunjungan {v.tiket}", delivery
            )
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def decide(self, v: visits.VisitView, accepted: bool) -> None:
        assert self.ticket_box is not None
        try:
            done = self.ctx.call(visits.decide, v.id, accepted)
        except ServiceError as exc:
            self.ticket_box.set_print_status(False, str(exc))
            return
        answer = (
            self.tr("diterima tuan rumah") if accepted else self.tr("ditolak: tamu diminta datang lain waktu")
        )
        self.ticket_box.set_print_status(True, f"{done.tiket} {html.escape(done.nama)} {answer}.")
        self.refresh()

    # ------------------------------------------------------------------ clock
    def tick(self) -> None:
        self.refresh()
        self.check_closing()

    def check_closing(self) -> bool:
        """Once a day, once the office clock passes jam tutup, show what must be settled (R3). True if shown."""
        with self.ctx.read() as s:
            due = visits.closing_due(s, self.settings.jam_tutup)
            today = visits.office_today(s)
        if not due or self._closing_shown == today:
            return False
        state = self.ctx.state
        if (
            state is not None
            and hasattr(state, "value")
            and state.value(CLOSING_STATE_KEY, "") == today.isoformat()
        ):
            self._closing_shown = today
            return False
        report = self.ctx.query(visits.closing_check)
        self._closing_shown = today
        if state is not None and hasattr(state, "set_value"):
            state.set_value(CLOSING_STATE_KEY, today.isoformat())
        if report.empty:
            return False
        if self.closing_dialog is None:
            self.closing_dialog = ClosingDialog(self.ctx, self)
            self.closing_dialog.changed.connect(self.refresh)
        else:
            self.closing_dialog.reload()
        self.closing_dialog.show()
        self.closing_dialog.raise_()
        return True

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.form is not None and not self._split_done and self.width() > 0:
            # The form's size hint (long line edits) would take most of the width: the list needs it more.
            left = self.splitter.widget(0)
            room = self.splitter.width() - self.splitter.handleWidth()
            first = max(left.minimumSizeHint().width(), int(room * 0.42))
            self.splitter.setSizes([first, max(0, room - first)])
            self._split_done = self.isVisible()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        with self.ctx.read() as s:
            settings = get_settings(s)
        if settings != self.settings:
            self.settings = settings
            if self.form is not None:
                self.form.with_settings(settings)
            if self.ticket_box is not None:
                self.ticket_box.set_approval(settings.persetujuan_tuan_rumah)
        if self.form is not None:
            self.form.reload_lists()
            if not self.isAncestorOf(QApplication.focusWidget()):
                # The desk's job starts at Nama; alt+N is taken by the Bantuan menu on a real desktop.
                QTimer.singleShot(0, self.form.nama, self.form.nama.setFocus)
        self.refresh()
        QTimer.singleShot(0, self, self.check_closing)
