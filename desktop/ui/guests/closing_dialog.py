"""The closing-time warning (R3): who is still in, which kartu tamu and identity cards are still out."""

from __future__ import annotations

import html

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from desktop.services.common.errors import ServiceError
from desktop.services.common.permissions import Perm
from desktop.services.guests import visits
from desktop.ui import dialogs
from desktop.ui.context import UiContext
from desktop.ui.widgets.dates import office_time
from desktop.ui.widgets.messages import set_message
from desktop.ui.widgets.palette import ERROR_COLOR, SUCCESS_COLOR
from desktop.ui.widgets.screen_fit import fit_to_screen


def report_html(report: visits.ClosingReport, zone: str) -> str:
    """The three lists of the closing check as a short HTML page."""

    def line(v: visits.VisitView) -> str:
        since = f"{office_time(v.datang_at, zone):%d/%m %H.%M}" if v.datang_at else ""
        parts = [f"<b>{html.escape(v.tiket or '—')}</b>", html.escape(v.nama), html.escape(v.tujuan), since]
        return "<li>" + " · ".join(p for p in parts if p) + "</li>"

    sections = (
        ("Tamu belum dicatat pulang", report.open_visits),
        ("Kartu tamu belum kembali", report.cards_out),
        ("Kartu identitas masih dititipkan", report.identities_held),
    )
    body = []
    for title, rows in sections:
        if rows:
            body.append(f"<h4>{title} ({len(rows)})</h4><ul>{''.join(line(v) for v in rows)}</ul>")
    return "".join(body) or "<p>Semua tamu sudah pulang; kartu dan identitas sudah kembali.</p>"


class ClosingDialog(QDialog):
    """Non-modal: the desk keeps working while it is open. "Catat pulang semua" closes the open visits after
    a confirmation; cards not handed back are then recorded as lost, identity cards stay listed as held."""

    changed = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("closingDialog")
        self.setWindowTitle(self.tr("Jam tutup: periksa tamu, kartu dan identitas"))
        self.setModal(False)
        with ctx.read() as s:
            self.zone = visits.zone(s)
        self.report: visits.ClosingReport | None = None
        intro = QLabel(
            self.tr("Jam tutup kantor sudah lewat. Sebelum meja ditutup, pastikan tidak ada tamu yang pulang "
                    "membawa kartu tamu atau meninggalkan kartu identitasnya."),
            self,
        )  # fmt: skip
        intro.setWordWrap(True)
        self.text = QTextBrowser(self)
        self.text.setObjectName("closingReport")
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.hide()
        self.all_button = QPushButton(self.tr("Catat pulang semua"), self)
        self.all_button.setObjectName("checkOutAll")
        self.all_button.clicked.connect(self.check_out_all)
        self.all_button.setVisible(ctx.actor.can(Perm.WRITE_GUESTS))
        close = QPushButton(self.tr("Tutup"), self)
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.all_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, False)
        fit_to_screen(self, 620, 420)
        self.reload()

    def sizeHint(self) -> QSize:
        # Wide enough for "A001 · name · tujuan · time" on one line each; fit_to_screen caps it on a laptop.
        return QSize(620, 420)

    def reload(self) -> visits.ClosingReport:
        self.report = self.ctx.query(visits.closing_check)
        self.text.setHtml(report_html(self.report, self.zone))
        self.all_button.setEnabled(bool(self.report.open_visits))
        return self.report

    def check_out_all(self) -> int:
        report = self.report or self.reload()
        rows = report.open_visits
        if not rows:
            return 0
        cards = sum(1 for v in rows if v.kartu and not v.kartu_kembali)
        note = self.tr(" {0} kartu tamu yang belum kembali dicatat hilang.").format(cards) if cards else ""
        if not dialogs.confirm(
            self,
            self.tr("Catat pulang semua"),
            self.tr("Catat pulang {0} tamu yang masih tercatat di kantor?{1}").format(len(rows), note),
            yes=self.tr("Catat pulang"),
            no=self.tr("Batal"),
            danger=True,
        ):
            return 0
        done = 0
        try:
            with self.ctx.transaction() as s:
                for v in rows:
                    # A card still listed at closing is not at the desk: lost until it turns up (Kartu tamu).
                    visits.check_out(s, self.ctx.actor, v.id, kartu_kembali=False, identitas_kembali=False)
                    done += 1
        except ServiceError as exc:
            set_message(self.status, html.escape(str(exc)), ERROR_COLOR)
            return 0
        set_message(self.status, self.tr("✔ {0} tamu dicatat pulang.").format(done), SUCCESS_COLOR)
        self.reload()
        self.changed.emit()
        return done
