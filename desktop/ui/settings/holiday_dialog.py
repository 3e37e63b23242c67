"""Adding or editing one entry of the working-day calendar."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QHBoxLayout, QWidget

from desktop.core.calendar import Holiday, HolidayKind
from desktop.services.common import calendar
from desktop.services.common.errors import ValidationError
from desktop.ui.context import UiContext
from desktop.ui.settings import common
from desktop.ui.settings.common import combo, line_edit, select_data
from desktop.ui.settings.service_dialog import ServiceDialog
from desktop.ui.widgets.dates import DateField

MIN_YEAR, MAX_YEAR = 2000, 2100


class HolidayDialog(ServiceDialog):
    """Add or edit one calendar entry. The date is the entry's key; moving it replaces the old date."""

    def __init__(self, ctx: UiContext, holiday: Holiday | None, default_day: date, parent=None) -> None:
        title = common.tr("Tambah hari libur") if holiday is None else common.tr("Ubah hari libur")
        super().__init__(title, common.tr("&Simpan"), parent)
        self.ctx = ctx
        self.holiday = holiday
        self.saved: Holiday | None = None

        self.tanggal = DateField(
            None,
            holiday.tanggal if holiday else default_day,
            required=True,
            minimum=date(MIN_YEAR, 1, 1),
            maximum=date(MAX_YEAR, 12, 31),
        )
        self.day_label = self.tanggal.caption  # the field reads the weekday back as it is typed
        self.jenis = combo([(self.tr(kind.label), kind) for kind in HolidayKind])
        self.nama = line_edit(200, self.tr("mis. Hari Raya Idulfitri 1448 H"))
        self.dasar = line_edit(200, self.tr("mis. SKB 3 Menteri No. 1497/2025, 2/2025, 5/2025"))

        date_row = QWidget()
        row = QHBoxLayout(date_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.tanggal)
        row.addWidget(self.day_label, 1)
        date_row.setFocusProxy(self.tanggal)
        f = self.form
        f.add_field("tanggal", self.tr("&Tanggal:"), self.tanggal, display=date_row)
        f.add_field("jenis", self.tr("&Jenis:"), self.jenis)
        f.add_field("nama", self.tr("&Nama:"), self.nama)
        f.add_field(
            "dasar", self.tr("&Dasar:"), self.dasar, self.tr("Nomor Keppres atau SKB, bila sudah ada.")
        )
        self.setMinimumWidth(560)

        if holiday is not None:
            select_data(self.jenis, holiday.jenis)
            self.nama.setText(holiday.nama)
            self.dasar.setText(holiday.dasar)
        self.tanggal.setFocus()
        self.keep_drafts(
            ctx,
            f"hari_libur/{holiday.tanggal.isoformat() if holiday is not None else 'baru'}",
            self.tr("hari libur baru")
            if holiday is None
            else self.tr("hari libur %1").replace("%1", holiday.nama),
        )

    def data(self) -> Holiday:
        tanggal = self.tanggal.date()
        if tanggal is None:
            raise ValidationError(self.tanggal.error(), "tanggal")
        return Holiday(
            tanggal=tanggal,
            jenis=self.jenis.currentData(),
            nama=self.nama.text(),
            dasar=self.dasar.text(),
        )

    def commit(self) -> None:
        new = self.data()
        moved = self.holiday is not None and self.holiday.tanggal != new.tanggal
        with self.ctx.transaction() as session:
            if self.holiday is None or moved:
                # One entry per date: refuse to overwrite another entry without the user noticing.
                existing = next(
                    (
                        h
                        for h in calendar.list_holidays(session, new.tanggal.year)
                        if h.tanggal == new.tanggal
                    ),
                    None,
                )
                if existing is not None:
                    raise ValidationError(
                        self.tr("Tanggal ini sudah ada di kalender: “%1”. Ubah entri itu saja.").replace(
                            "%1", existing.nama
                        ),
                        "tanggal",
                    )
            if not new.nama.strip():
                raise ValidationError(self.tr("Nama hari libur wajib diisi."), "nama")
            if moved:
                calendar.delete_holiday(session, self.ctx.actor, self.holiday.tanggal)
            calendar.save_holiday(session, self.ctx.actor, new)
        self.saved = new
