"""Beranda: the dashboard a clerk or the pimpinan sees first."""

from __future__ import annotations

from html import escape as _esc

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.core import clock
from desktop.core.dates import format_date, format_date_long
from desktop.core.money import format_number
from desktop.services import dashboard, system
from desktop.services.assets.figures import AssetFigures
from desktop.services.common import office
from desktop.services.common.permissions import Perm
from desktop.services.staff.schedule import JenisJadwal
from desktop.ui.context import UiContext
from desktop.ui.month_chart import MonthChart
from desktop.ui.widgets.palette import ERROR_COLOR

_CARD_STYLE = "QFrame#card { background: palette(base); border: 1px solid palette(mid); border-radius: 6px; }"


def _card(title: str) -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    frame.setObjectName("card")
    frame.setStyleSheet(_CARD_STYLE)
    layout = QVBoxLayout(frame)
    heading = QLabel(f"<b>{title}</b>")
    layout.addWidget(heading)
    return frame, layout


def _greeting(hour: int) -> str:
    if hour < 4:
        return "Selamat malam"
    if hour < 11:
        return "Selamat pagi"
    if hour < 15:
        return "Selamat siang"
    if hour < 18:
        return "Selamat sore"
    return "Selamat malam"


class HomeTab(QWidget):
    open_settings = Signal()
    open_overdue = Signal()
    open_schedule = Signal()  # the Kepegawaian Jadwal
    open_guests = Signal()  # the Buku Tamu front desk
    open_assets = Signal()  # the Barang (BMD) tab

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.staff_summary: dashboard.StaffSummary | None = None
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.body = QWidget()
        scroll.setWidget(self.body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.refresh()

    def refresh(self) -> None:
        old = self.body.layout()
        if old is not None:
            QWidget().setLayout(old)  # detach the old layout and its widgets
        with self.ctx.read() as s:
            zone = office.get_profile(s).zona_waktu
            now = clock.now(zone)
            page = dashboard.beranda(s, self.ctx.actor, now.date(), zone)
        data, mail = page.day, page.mail
        self.staff_summary = page.staff

        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(16)
        name = self.ctx.actor.full_name or self.ctx.actor.username
        title = QLabel(f"<span style='font-size:16pt'>{_greeting(now.hour)}, {name}</span>")
        layout.addWidget(title)
        subtitle = QLabel(f"{format_date_long(now.date())} · {zone} · {data.office_name or 'Sekretariat'}")
        subtitle.setObjectName("today")
        layout.addWidget(subtitle)

        grid = QGridLayout()
        grid.setSpacing(16)

        card, box = _card(self.tr("Hari kerja"))
        if data.is_working_day:
            box.addWidget(QLabel(self.tr("Hari ini hari kerja.")))
        else:
            reason = data.holiday_today.nama if data.holiday_today else self.tr("akhir pekan")
            box.addWidget(QLabel(self.tr("Hari ini libur: {0}.").format(reason)))
        box.addWidget(
            QLabel(self.tr("Hari kerja berikutnya: {0}").format(format_date_long(data.next_working_day)))
        )
        box.addStretch(1)
        grid.addWidget(card, 0, 0)

        card, box = _card(self.tr("Libur dan cuti bersama 60 hari ke depan"))
        if not data.upcoming_holidays:
            box.addWidget(QLabel(self.tr("Tidak ada.")))
        for h in data.upcoming_holidays[:8]:
            mark = " <i>(perkiraan)</i>" if h.is_estimate else ""
            label = QLabel(
                f"{format_date(h.tanggal)} — {h.nama}{mark} <span style='color:#666'>[{h.jenis.label}]</span>"
            )
            label.setTextFormat(Qt.TextFormat.RichText)
            box.addWidget(label)
        box.addStretch(1)
        grid.addWidget(card, 0, 1)

        # Each module's card (and its lines under "Perlu perhatian") only for a user who works in the module:
        # the service leaves the summary None otherwise (Actor.works_in).
        if mail is not None:
            grid.addWidget(self._letters_card(mail), 3, 0, 1, 2)

        if self.staff_summary is not None:
            grid.addWidget(self._staff_card(self.staff_summary), 2, 0, 1, 2)
        if page.guests is not None:
            # The front desk's own figures come right under "Perlu perhatian"; after the deadlines otherwise.
            grid.addWidget(
                self._guests_card(page.guests), 4 if self.staff_summary is not None else 2, 0, 1, 2
            )

        if page.assets is not None:
            # The pengurus barang's own figures come right under "Perlu perhatian"; after the others otherwise.
            alone = self.staff_summary is None and page.guests is None
            grid.addWidget(self._assets_card(page.assets), 2 if alone else 5, 0, 1, 2)

        grid.addWidget(self._attention_card(page.attention), 1, 0)

        card, box = _card(self.tr("Data dan cadangan"))
        location = QLabel(self.tr("Lokasi data: {0}").format(self.ctx.app.location))
        location.setWordWrap(True)
        box.addWidget(location)
        if self.ctx.actor.can(Perm.MANAGE_BACKUPS):
            backups = system.list_backups(self.ctx.app, self.ctx.actor)
            if backups:
                last = backups[0]
                text = self.tr("Cadangan terakhir: {0} pukul {1} ({2})").format(
                    format_date(last.created.date()), last.created.strftime("%H.%M"), last.reason
                )
            else:
                text = self.tr("Belum ada cadangan.")
            box.addWidget(QLabel(text))
        box.addStretch(1)
        grid.addWidget(card, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        layout.addStretch(1)
        # Every text breaks into lines: at 1024 px or with a large font the page scrolls down, never sideways,
        # and no card's text is cut at its edge.
        for label in self.body.findChildren(QLabel):
            label.setWordWrap(True)

    def _attention_card(self, items: tuple[dashboard.AttentionItem, ...]) -> QFrame:
        """The list of ``dashboard.attention``, shown as it is: the Beranda decides nothing about it."""
        card, box = _card(self.tr("Perlu perhatian"))
        if not items:
            empty = QLabel(self.tr("Tidak ada yang perlu ditindaklanjuti."))
            empty.setObjectName("attention_empty")
            box.addWidget(empty)
        buttons = {
            dashboard.Target.OVERDUE: (self.tr("Lihat"), self.open_overdue),
            dashboard.Target.SCHEDULE: (self.tr("Buka jadwal"), self.open_schedule),
            dashboard.Target.SETTINGS: (self.tr("Buka Pengaturan"), self.open_settings),
            dashboard.Target.GUESTS: (self.tr("Buka meja depan"), self.open_guests),
            dashboard.Target.ASSETS: (self.tr("Buka Barang"), self.open_assets),
        }
        for index, item in enumerate(items):
            row = QHBoxLayout()
            text = _esc(item.text)
            if item.level is dashboard.Level.LATE:
                text = f"<span style='color:{ERROR_COLOR}'><b>{text}</b></span>"
            label = QLabel(f"• {text}")
            label.setObjectName(f"attention_{index}")
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)
            row.addWidget(label, 1)
            if item.target is not None:
                caption, signal = buttons[item.target]
                button = QPushButton(caption)
                button.setObjectName(f"attention_{index}_{item.target.value}")
                button.clicked.connect(signal.emit)
                row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            box.addLayout(row)
        box.addStretch(1)
        return card

    def _letters_card(self, mail: dashboard.LettersSummary) -> QFrame:
        card, box = _card(self.tr("Surat"))
        figures = QLabel(
            self.tr(
                "Masuk bulan ini: <b>{0}</b> &nbsp;·&nbsp; Keluar bulan ini: <b>{1}</b> &nbsp;·&nbsp; "
                "Belum didisposisi: <b>{2}</b>"
            ).format(mail.masuk_bulan_ini, mail.keluar_bulan_ini, mail.belum_didisposisi)
        )
        figures.setObjectName("letters_figures")
        box.addWidget(figures)
        if mail.disposisi_terlambat:
            late_text = self.tr(
                "<span style='color:{2}'>Disposisi melewati batas waktu: <b>{0}</b></span>"
                " &nbsp;·&nbsp; Disposisi masih diproses: <b>{1}</b>"
            ).format(mail.disposisi_terlambat, mail.disposisi_terbuka, ERROR_COLOR)
        else:
            late_text = self.tr(
                "Tidak ada disposisi yang melewati batas waktu &nbsp;·&nbsp; Disposisi masih diproses: <b>{0}</b>"
            ).format(mail.disposisi_terbuka)
        late_row = QHBoxLayout()
        late = QLabel(late_text)
        late.setObjectName("dispositions_figures")
        late_row.addWidget(late, 1)
        if mail.disposisi_terlambat:
            show = QPushButton(self.tr("Lihat disposisi terlambat"))
            show.setObjectName("show_overdue")
            show.clicked.connect(self.open_overdue.emit)
            late_row.addWidget(show, 0, Qt.AlignmentFlag.AlignTop)
        box.addLayout(late_row)
        chart = MonthChart()
        chart.setObjectName("letters_chart")
        chart.set_months(mail.per_bulan)
        box.addWidget(chart)
        return card

    def _guests_card(self, data: dashboard.GuestsSummary) -> QFrame:
        card, box = _card(self.tr("Buku Tamu"))
        desk = data.desk
        figures = QLabel(
            self.tr(
                "Sedang di kantor: <b>{0}</b> ({1} orang) &nbsp;·&nbsp; Tamu hari ini: <b>{2}</b> ({3} orang)"
                " &nbsp;·&nbsp; Antrian menunggu: <b>{4}</b>"
            ).format(desk.on_site, desk.on_site_people, desk.today_visits, desk.today_people, desk.waiting)
        )
        figures.setObjectName("guests_figures")
        box.addWidget(figures)
        row = QHBoxLayout()
        if data.skm:
            ikm_text = self.tr("IKM {0}: <b>{1}</b> (mutu {2}) dari {3} responden").format(
                data.periode, data.skm.replace(".", ","), data.mutu, data.responden
            )
        else:
            ikm_text = self.tr("IKM {0}: belum ada jawaban survei.").format(data.periode)
        ikm = QLabel(ikm_text)
        ikm.setObjectName("guests_ikm")
        row.addWidget(ikm, 1)
        show = QPushButton(self.tr("Buka meja depan"))
        show.setObjectName("show_guests")
        show.clicked.connect(self.open_guests.emit)
        row.addWidget(show, 0, Qt.AlignmentFlag.AlignTop)
        box.addLayout(row)
        return card

    def _assets_card(self, data: AssetFigures) -> QFrame:
        card, box = _card(self.tr("Barang (BMD)"))
        figures = QLabel(
            self.tr(
                "Barang aktif: <b>{0}</b> (Rp {1}) &nbsp;·&nbsp; Baik: <b>{2}</b> &nbsp;·&nbsp; "
                "Rusak ringan: <b>{3}</b> &nbsp;·&nbsp; Rusak berat: <b>{4}</b>"
            ).format(
                format_number(data.total), format_number(data.nilai), format_number(data.baik),
                format_number(data.rusak_ringan), format_number(data.rusak_berat),
            )
        )  # fmt: skip
        figures.setObjectName("assets_figures")
        box.addWidget(figures)
        row = QHBoxLayout()
        status = QLabel(
            self.tr(
                "BAST belum final: <b>{0}</b> &nbsp;·&nbsp; KIR perlu dicetak ulang: <b>{1}</b> ruangan"
                " &nbsp;·&nbsp; Barang KIB B/E tanpa ruangan: <b>{2}</b>"
            ).format(data.bast_menunggu, data.kir_berubah, format_number(data.tanpa_ruang))
        )
        status.setObjectName("assets_status")
        row.addWidget(status, 1)
        show = QPushButton(self.tr("Buka Barang"))
        show.setObjectName("show_assets")
        show.clicked.connect(self.open_assets.emit)
        row.addWidget(show, 0, Qt.AlignmentFlag.AlignTop)
        box.addLayout(row)
        return card

    def _staff_card(self, data: dashboard.StaffSummary) -> QFrame:
        card, box = _card(self.tr("Kepegawaian: tenggat {0} hari ke depan").format(data.horizon_days))
        kinds = " &nbsp;·&nbsp; ".join(
            f"{self.tr(label)}: <b>{data.per_jenis.get(kind, 0)}</b>"
            for kind, label in (
                (JenisJadwal.KGB, "KGB"),
                (JenisJadwal.KP, "Kenaikan pangkat"),
                (JenisJadwal.PENSIUN, "Pensiun"),
                (JenisJadwal.PPPK, "Akhir kontrak PPPK"),
                (JenisJadwal.SATYALANCANA, "Satyalancana"),
            )
        )
        figures = QLabel(kinds)
        figures.setObjectName("staff_figures")
        box.addWidget(figures)
        row = QHBoxLayout()
        if data.total:
            late = (
                self.tr("<span style='color:{1}'>Lewat: <b>{0}</b></span>").format(data.lewat, ERROR_COLOR)
                if data.lewat
                else self.tr("Lewat: <b>0</b>")
            )
            text = self.tr(
                "{0} &nbsp;·&nbsp; ≤ 30 hari: <b>{1}</b> &nbsp;·&nbsp; Perlu diproses: <b>{2}</b>"
                " &nbsp;·&nbsp; Sedang diproses: <b>{3}</b>"
            ).format(late, data.segera, data.perlu_diproses, data.diproses)
        elif data.pegawai_aktif:
            text = self.tr("Tidak ada KGB, kenaikan pangkat atau pensiun yang perlu diproses.")
        else:
            text = self.tr("Belum ada data pegawai: impor dari SIASN atau isi di tab Kepegawaian.")
        status = QLabel(text)
        status.setObjectName("staff_status")
        row.addWidget(status, 1)
        show = QPushButton(self.tr("Buka jadwal"))
        show.setObjectName("show_schedule")
        show.clicked.connect(self.open_schedule.emit)
        row.addWidget(show, 0, Qt.AlignmentFlag.AlignTop)
        box.addLayout(row)
        return card
