"""Buku Agenda Surat Masuk for a period: PDF (F4 landscape, kop, signatures) and xlsx (letters.md R29)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.dates import format_date, format_date_numeric, office_tz
from desktop.core.letters import Keamanan, Urgensi, code_sort_key
from desktop.models.letters import (
    ClassificationCode,
    Disposition,
    DispositionRecipient,
    IncomingLetter,
    OutgoingLetter,
)
from desktop.printing.data import Signer
from desktop.printing.register_report import Column, RegisterReport, SignatureSpot, build_register_report
from desktop.services import audit, office
from desktop.services.errors import ValidationError
from desktop.services.letters import SECRET_MASK, STATUS_LABELS
from desktop.services.permissions import Actor, Perm

Progress = Callable[[int, int], None]

INCOMING_COLUMNS = (
    Column("No. Agenda", 7, "center"),
    Column("Tgl Terima", 8, "center"),
    Column("Asal Surat", 20),
    Column("No. & Tgl Surat", 19),
    Column("Perihal", 33),
    Column("Kode", 8, "center"),
    Column("Sifat", 9, "center"),
    Column("Diteruskan Kepada", 18),
    Column("Status / Ket.", 12),
)


def _period(start: date, end: date) -> str:
    if start == date(start.year, 1, 1) and end == date(start.year, 12, 31):
        return f"Tahun {start.year}"
    return f"Periode {format_date(start)} s.d. {format_date(end)}"


def incoming_rows(session: Session, actor: Actor, start: date, end: date) -> list[tuple[str, ...]]:
    """The report's rows in agenda order; R/SR perihal masked for roles without VIEW_SECRET."""
    actor.require(Perm.VIEW)
    if end < start:
        raise ValidationError("Tanggal akhir periode sebelum tanggal awal.", "end")
    zone = office_tz(office.get_profile(session).zona_waktu)
    lo = datetime.combine(start, time.min, zone)
    hi = datetime.combine(end, time.max, zone)
    letters = session.scalars(
        select(IncomingLetter)
        .where(IncomingLetter.tanggal_diterima >= lo, IncomingLetter.tanggal_diterima <= hi)
        .order_by(IncomingLetter.tahun, IncomingLetter.nomor_agenda)
    ).all()
    ids = [m.id for m in letters]
    recipients: dict[int, list[str]] = {}
    for chunk in range(0, len(ids), 900):
        rows = session.execute(
            select(Disposition.surat_masuk_id, DispositionRecipient.jabatan)
            .join(DispositionRecipient, DispositionRecipient.disposisi_id == Disposition.id)
            .where(
                Disposition.surat_masuk_id.in_(ids[chunk : chunk + 900]),
                Disposition.induk_penerima_id.is_(None),
                Disposition.status == "aktif",
            )
            .order_by(DispositionRecipient.id)
        )
        for letter_id, jabatan in rows:
            recipients.setdefault(letter_id, []).append(jabatan)
    may_see_secret = actor.can(Perm.VIEW_SECRET)
    out: list[tuple[str, ...]] = []
    for m in letters:
        keamanan = Keamanan(m.keamanan)
        sifat = keamanan.label if keamanan is not Keamanan.B else ""
        if Urgensi(m.urgensi) is not Urgensi.BIASA:
            sifat = f"{sifat}, {Urgensi(m.urgensi).label}" if sifat else Urgensi(m.urgensi).label
        status = STATUS_LABELS.get(m.status, m.status)
        if m.status == "batal" and m.batal_alasan:
            status = f"Batal: {m.batal_alasan}"
        if m.susulan:
            status += " (susulan)"
        out.append(
            (
                f"{m.nomor_agenda}/{m.tahun}",
                format_date_numeric(m.tanggal_diterima.astimezone(zone).date()),
                m.asal_surat,
                f"{m.nomor_surat}\n{format_date_numeric(m.tanggal_surat)}",
                SECRET_MASK if keamanan.is_secret and not may_see_secret else m.perihal,
                m.kode_klasifikasi,
                sifat or "Biasa",
                ", ".join(recipients.get(m.id, [])),
                status,
            )
        )
    return out


def incoming_register_pdf(
    session: Session,
    actor: Actor,
    start: date,
    end: date,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> bytes:
    """The printed Buku Agenda Surat Masuk: signed by the Kasubbag Umum ("Mengetahui") and the clerk."""
    actor.require(Perm.PRINT)
    profile = office.get_profile(session)
    if not profile.is_complete:
        raise ValidationError("Lengkapi profil kantor (kop surat) di Pengaturan sebelum mencetak.")
    rows = incoming_rows(session, actor, start, end)
    zone = office_tz(profile.zona_waktu)
    now = datetime.now(zone)
    kasubbag = office.signer_for(session, "kib_kir") or office.signer_for(session, "cetak_uji")
    # The clerk who prints the book signs it as its keeper; the system account leaves the line blank.
    clerk = Signer(jabatan="Pengelola Surat", nama=actor.full_name) if actor.user_id is not None else None
    report = RegisterReport(
        header=profile.header(),
        title="BUKU AGENDA SURAT MASUK",
        subtitle=_period(start, end),
        columns=INCOMING_COLUMNS,
        rows=rows,
        place_date=f"{profile.kota}, {format_date(now.date())}" if profile.kota else format_date(now.date()),
        signatures=(
            SignatureSpot("Mengetahui,", kasubbag, "Kepala Sub Bagian Umum"),
            SignatureSpot("", clerk, "Pengelola Surat"),
        ),
        printed_at=f"dicetak {format_date_numeric(now.date())} {now:%H.%M}",
    )
    pdf = build_register_report(report, progress, cancelled)
    audit.record(
        session,
        actor,
        "cetak",
        "buku_agenda_masuk",
        f"{start}..{end}",
        summary=f"Buku agenda masuk {report.subtitle}",
    )
    return pdf


def incoming_register_xlsx(session: Session, actor: Actor, start: date, end: date, path: Path) -> int:
    """The same register as a workbook (header row frozen, widths set); returns the number of rows."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    rows = incoming_rows(session, actor, start, end)
    book = Workbook()
    sheet = book.active
    sheet.title = "Agenda Masuk"
    sheet.append([c.title for c in INCOMING_COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(list(row))
    for index, column in enumerate(INCOMING_COLUMNS, start=1):
        letter = sheet.cell(row=1, column=index).column_letter
        sheet.column_dimensions[letter].width = max(10, column.width * 1.6)
        for cell in sheet[letter][1:]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    book.save(path)
    audit.record(
        session,
        actor,
        "ekspor",
        "buku_agenda_masuk",
        f"{start}..{end}",
        summary=f"{len(rows)} baris ke {path.name}",
    )
    return len(rows)


OUTGOING_COLUMNS = (
    Column("No", 5, "center"),
    Column("No. Surat", 20),
    Column("Tgl Surat", 8, "center"),
    Column("Tujuan", 22),
    Column("Perihal", 33),
    Column("Kode", 8, "center"),
    Column("Penandatangan", 18),
    Column("Tgl Kirim", 8, "center"),
    Column("Ket.", 12),
)
OUTGOING_STATUS = {
    "dipesan": "Nomor dipesan",
    "ditandatangani": "Ditandatangani",
    "dikirim": "Dikirim",
    "batal": "Batal",
}


def outgoing_rows(session: Session, actor: Actor, start: date, end: date) -> list[tuple[str, ...]]:
    """Agenda surat keluar rows by date of letter; cancelled numbers stay in the book with their reason."""
    actor.require(Perm.VIEW)
    if end < start:
        raise ValidationError("Tanggal akhir periode sebelum tanggal awal.", "end")
    rows = session.scalars(
        select(OutgoingLetter)
        .where(OutgoingLetter.tanggal_surat >= start, OutgoingLetter.tanggal_surat <= end)
        .order_by(OutgoingLetter.tahun, OutgoingLetter.urut, OutgoingLetter.sisipan)
    ).all()
    may_see_secret = actor.can(Perm.VIEW_SECRET)
    out: list[tuple[str, ...]] = []
    for n, k in enumerate(rows, start=1):
        secret = Keamanan(k.keamanan).is_secret and not may_see_secret
        note = OUTGOING_STATUS.get(k.status, k.status)
        if k.status == "batal" and k.batal_alasan:
            note = f"Batal: {k.batal_alasan}"
        out.append(
            (
                str(n),
                k.nomor_surat,
                format_date_numeric(k.tanggal_surat),
                k.tujuan,
                SECRET_MASK if secret else k.perihal,
                k.kode_klasifikasi or k.kka,
                k.penandatangan,
                format_date_numeric(k.tanggal_kirim) if k.tanggal_kirim else "",
                note,
            )
        )
    return out


def outgoing_register_pdf(
    session: Session,
    actor: Actor,
    start: date,
    end: date,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> bytes:
    actor.require(Perm.PRINT)
    profile = office.get_profile(session)
    if not profile.is_complete:
        raise ValidationError("Lengkapi profil kantor (kop surat) di Pengaturan sebelum mencetak.")
    rows = outgoing_rows(session, actor, start, end)
    now = datetime.now(office_tz(profile.zona_waktu))
    kasubbag = office.signer_for(session, "kib_kir") or office.signer_for(session, "cetak_uji")
    clerk = Signer(jabatan="Pengelola Surat", nama=actor.full_name) if actor.user_id is not None else None
    report = RegisterReport(
        header=profile.header(),
        title="BUKU AGENDA SURAT KELUAR",
        subtitle=_period(start, end),
        columns=OUTGOING_COLUMNS,
        rows=rows,
        place_date=f"{profile.kota}, {format_date(now.date())}" if profile.kota else format_date(now.date()),
        signatures=(
            SignatureSpot("Mengetahui,", kasubbag, "Kepala Sub Bagian Umum"),
            SignatureSpot("", clerk, "Pengelola Surat"),
        ),
        printed_at=f"dicetak {format_date_numeric(now.date())} {now:%H.%M}",
    )
    pdf = build_register_report(report, progress, cancelled)
    audit.record(
        session,
        actor,
        "cetak",
        "buku_agenda_keluar",
        f"{start}..{end}",
        summary=f"Buku agenda keluar {report.subtitle}",
    )
    return pdf


@dataclass(frozen=True)
class RecapRow:
    kode: str  # the second-level heading of the code, e.g. "000.1"
    uraian: str
    masuk: int
    keluar: int


def monthly_recap(session: Session, actor: Actor, year: int, month: int) -> list[RecapRow]:
    """Letters of a month grouped by classification heading (the first two levels of the code)."""
    actor.require(Perm.VIEW)
    zone = office_tz(office.get_profile(session).zona_waktu)
    first = date(year, month, 1)
    after = date(year + (month == 12), month % 12 + 1, 1)
    lo = datetime.combine(first, time.min, zone)
    hi = datetime.combine(after, time.min, zone)
    counts: dict[str, list[int]] = {}

    def heading(code: str) -> str:
        return ".".join(code.split(".")[:2]) if code else "-"

    for code in session.scalars(
        select(IncomingLetter.kode_klasifikasi).where(
            IncomingLetter.tanggal_diterima >= lo,
            IncomingLetter.tanggal_diterima < hi,
            IncomingLetter.status != "batal",
        )
    ):
        counts.setdefault(heading(code), [0, 0])[0] += 1
    for code in session.scalars(
        select(OutgoingLetter.kode_klasifikasi).where(
            OutgoingLetter.tanggal_surat >= first,
            OutgoingLetter.tanggal_surat < after,
            OutgoingLetter.status != "batal",
        )
    ):
        counts.setdefault(heading(code), [0, 0])[1] += 1
    names: dict[str, str] = {}
    query = select(ClassificationCode.kode, ClassificationCode.uraian).where(
        ClassificationCode.skema == "83/2022", ClassificationCode.kode.in_(list(counts))
    )
    for kode, uraian in session.execute(query):
        names[kode] = uraian
    return [
        RecapRow(kode, names.get(kode, "(tanpa kode)" if kode == "-" else ""), masuk, keluar)
        for kode, (masuk, keluar) in sorted(
            counts.items(), key=lambda kv: code_sort_key(kv[0]) if kv[0] != "-" else ((9999, 0, ""),)
        )
    ]
