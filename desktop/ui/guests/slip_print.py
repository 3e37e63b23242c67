"""The queue slip straight to this workstation's slip printer (R16): built, printed through the spooler, recorded."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from desktop.core import clock
from desktop.printing.guests.slip import TicketSlip, build_slip
from desktop.services.common import office, printed
from desktop.services.guests.settings import get_settings
from desktop.services.guests.survey_link import survey_url
from desktop.services.guests.visits import VisitView
from desktop.ui.context import UiContext
from desktop.ui.print_preview import PrintError, delivery_for, print_pdf

STATE_KEY = "tamu/printer_slip"  # per workstation: the desk PC's thermal printer, not the office's


@dataclass(frozen=True)
class SlipResult:
    ok: bool
    message: str  # what the status line says, in the clerk's words


def printer_names() -> list[str]:
    return [p.printerName() for p in QPrinterInfo.availablePrinters()]


def chosen_printer_name(ctx: UiContext) -> str:
    """The printer picked for slips on this workstation, else the system's default printer ("" when none)."""
    state = ctx.state
    name = str(state.value(STATE_KEY, "")) if state is not None and hasattr(state, "value") else ""
    names = printer_names()
    if name and name in names:
        return name
    default = QPrinterInfo.defaultPrinter()
    return "" if default.isNull() else default.printerName()


def remember_printer(ctx: UiContext, name: str) -> None:
    state = ctx.state
    if state is not None and hasattr(state, "set_value"):
        state.set_value(STATE_KEY, name)


def slip_printer(ctx: UiContext) -> QPrinter | None:
    """The QPrinter of the chosen slip printer, None when this computer has no printer at all."""
    name = chosen_printer_name(ctx)
    if not name:
        return None
    return QPrinter(QPrinterInfo.printerInfo(name), QPrinter.PrinterMode.HighResolution)


def slip_pdf(ctx: UiContext, visit: VisitView) -> bytes:
    """The slip of ``visit`` on the paper of the desk's settings, with the survey QR when the phone survey is on."""
    with ctx.read() as s:
        profile = office.get_profile(s)
        settings = get_settings(s)
        url = survey_url(s, visit.survei_token)
    slip = TicketSlip(
        nama_instansi=profile.nama_dinas,
        nama_pemda=profile.nama_pemda,
        logo_png=profile.logo_png,
        ticket=visit.tiket,
        layanan=visit.layanan,
        issued_at=visit.datang_at or clock.utc_now(),
        zona=profile.zona_waktu or "WIB",
        waiting=visit.waiting,
        kartu=visit.kartu,
        survey_url=url,
    )
    return build_slip(slip, settings.kertas_slip)


def print_slip(ctx: UiContext, visit: VisitView, printer: QPrinter | None) -> SlipResult:
    """Print the slip; a missing or failing printer is said plainly and the visit stays recorded."""
    if printer is None:
        return SlipResult(
            False,
            f"Slip {visit.tiket} belum tercetak: komputer ini belum punya printer. "
            "Kunjungan tetap tercatat; sebutkan nomor antrian kepada tamu.",
        )
    printer.setDocName(f"Slip antrian {visit.tiket}")
    try:
        pages = print_pdf(slip_pdf(ctx, visit), printer)
    except PrintError as exc:
        return SlipResult(False, f"Slip {visit.tiket} belum tercetak: {exc} Kunjungan tetap tercatat.")
    delivery = delivery_for(printer, pages)
    ctx.call(printed.record, "kunjungan", visit.id, f"Slip antrian {visit.tiket}", delivery)
    return SlipResult(True, f"Slip {visit.tiket} {delivery.describe()}.")
