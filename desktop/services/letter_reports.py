"""Surat reports (letters.md R29, features 6 and 9): buku agenda masuk and keluar for a period, the monthly
recap by classification and the disposition follow-up per unit; PDF (F4 landscape, kop, signatures) and xlsx."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.dates import format_date, format_date_numeric, month_name, office_tz
from desktop.core.letters import Keamanan, Urgensi, code_sort_key
from desktop.models.admin import OrgUnit, Signatory
from desktop.models.letters import (
    ClassificationCode,
    Disposition,
    DispositionRecipient,
    IncomingLetter,
    OutgoingLetter,
)
from desktop.printing.data import OfficeHeader, Signer
from desktop.printing.register_report import Column, RegisterReport, SignatureSpot, build_register_report
from desktop.printing.section_report import Section, SectionReport, build_section_report
from desktop.services import audit, dispositions, office
from desktop.services.errors import ValidationError
from desktop.services.letters import SECRET_MASK, STATUS_LABELS
from desktop.services.permissions import Actor, Perm

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

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


@dataclass(frozen=True)
class _Frame:
    """What every printed report shares: the kop, the place and date, the signatures, the print time."""

    header: OfficeHeader
    place_date: str
    signatures: tuple[SignatureSpot, ...]
    printed_at: str


def _frame(session: Session, actor: Actor) -> _Frame:
    """Signed by the Kasubbag Umum ("Mengetahui") and the clerk who prints it, as its keeper."""
    actor.require(Perm.PRINT)
    profile = office.get_profile(session)
    if not profile.is_complete:
        raise ValidationError("Lengkapi profil kantor (kop surat) di Pengaturan sebelum mencetak.")
    now = datetime.now(office_tz(profile.zona_waktu))
    kasubbag = office.signer_for(session, "kib_kir") or office.signer_for(session, "cetak_uji")
    # The system account leaves the clerk's line blank, to be signed by hand.
    clerk = Signer(jabatan="Pengelola Surat", nama=actor.full_name) if actor.user_id is not None else None
    return _Frame(
        header=profile.header(),
        place_date=f"{profile.kota}, {format_date(now.date())}" if profile.kota else format_date(now.date()),
        signatures=(
            SignatureSpot("Mengetahui,", kasubbag, "Kepala Sub Bagian Umum"),
            SignatureSpot("", clerk, "Pengelola Surat"),
        ),
        printed_at=f"dicetak {format_date_numeric(now.date())} {now:%H.%M}",
    )


def _fill_sheet(
    sheet: Worksheet,
    title: str,
    columns: Sequence[Column],
    rows: Sequence[Sequence[object]],
    *,
    bold_last: bool = False,
) -> None:
    """A register as a sheet: bold header row frozen, widths from the printed columns, cells wrapped."""
    from openpyxl.styles import Alignment, Font

    sheet.title = title
    sheet.append([c.title for c in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(list(row))
    if bold_last and rows:
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)
    for index, column in enumerate(columns, start=1):
        letter = sheet.cell(row=1, column=index).column_letter
        sheet.column_dimensions[letter].width = max(10, column.width * 1.6)
        for cell in sheet[letter][1:]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if isinstance(cell.value, date):
                cell.number_format = "DD-MM-YYYY"
    sheet.freeze_panes = "A2"


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
    frame = _frame(session, actor)
    rows = incoming_rows(session, actor, start, end)
    report = RegisterReport(
        header=frame.header,
        title="BUKU AGENDA SURAT MASUK",
        subtitle=_period(start, end),
        columns=INCOMING_COLUMNS,
        rows=rows,
        place_date=frame.place_date,
        signatures=frame.signatures,
        printed_at=frame.printed_at,
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

    rows = incoming_rows(session, actor, start, end)
    book = Workbook()
    _fill_sheet(book.active, "Agenda Masuk", INCOMING_COLUMNS, rows)
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
    """The printed Buku Agenda Surat Keluar, signed as the incoming one."""
    frame = _frame(session, actor)
    rows = outgoing_rows(session, actor, start, end)
    report = RegisterReport(
        header=frame.header,
        title="BUKU AGENDA SURAT KELUAR",
        subtitle=_period(start, end),
        columns=OUTGOING_COLUMNS,
        rows=rows,
        place_date=frame.place_date,
        signatures=frame.signatures,
        printed_at=frame.printed_at,
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


def outgoing_register_xlsx(session: Session, actor: Actor, start: date, end: date, path: Path) -> int:
    """The Buku Agenda Surat Keluar as a workbook; returns the number of rows."""
    from openpyxl import Workbook

    rows = outgoing_rows(session, actor, start, end)
    book = Workbook()
    _fill_sheet(book.active, "Agenda Keluar", OUTGOING_COLUMNS, rows)
    book.save(path)
    audit.record(
        session,
        actor,
        "ekspor",
        "buku_agenda_keluar",
        f"{start}..{end}",
        summary=f"{len(rows)} baris ke {path.name}",
    )
    return len(rows)


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


RECAP_COLUMNS = (
    Column("No", 4, "center"),
    Column("Kode", 8, "center"),
    Column("Klasifikasi", 52),
    Column("Surat Masuk", 10, "center"),
    Column("Surat Keluar", 10, "center"),
    Column("Jumlah", 10, "center"),
)
RECAP_NOTE = (
    "Kode klasifikasi dikelompokkan sampai tingkat kedua (Permendagri 83/2022). Surat masuk dihitung menurut "
    "tanggal terima, surat keluar menurut tanggal surat; surat dan nomor yang dibatalkan tidak dihitung."
)


def _recap_table(
    session: Session, actor: Actor, year: int, month: int
) -> tuple[list[tuple[str, ...]], tuple[str, ...]]:
    recap = monthly_recap(session, actor, year, month)
    rows: list[tuple[str, ...]] = [
        (str(n), r.kode, r.uraian, str(r.masuk), str(r.keluar), str(r.masuk + r.keluar))
        for n, r in enumerate(recap, start=1)
    ]
    masuk, keluar = sum(r.masuk for r in recap), sum(r.keluar for r in recap)
    return rows, ("", "", "Jumlah", str(masuk), str(keluar), str(masuk + keluar))


def monthly_recap_pdf(
    session: Session,
    actor: Actor,
    year: int,
    month: int,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> bytes:
    """The month's letters in and out per classification heading, with a totals row, signed as the books."""
    frame = _frame(session, actor)
    rows, totals = _recap_table(session, actor, year, month)
    subtitle = f"Bulan {month_name(month)} {year}"
    report = SectionReport(
        header=frame.header,
        title="REKAPITULASI SURAT MASUK DAN SURAT KELUAR",
        subtitle=subtitle,
        sections=(
            Section(
                "Menurut kode klasifikasi arsip",
                RECAP_COLUMNS,
                rows,
                totals=totals,
                empty="Tidak ada surat pada bulan ini.",
                note=RECAP_NOTE,
            ),
        ),
        place_date=frame.place_date,
        signatures=frame.signatures,
        printed_at=frame.printed_at,
    )
    pdf = build_section_report(report, progress, cancelled)
    audit.record(
        session, actor, "cetak", "rekap_surat", f"{year}-{month:02d}", summary=f"Rekap surat {subtitle}"
    )
    return pdf


def monthly_recap_xlsx(session: Session, actor: Actor, year: int, month: int, path: Path) -> int:
    """The monthly recap as a workbook (numbers as numbers, totals row in bold); returns the number of codes."""
    from openpyxl import Workbook

    recap = monthly_recap(session, actor, year, month)
    rows: list[tuple[object, ...]] = [
        (n, r.kode, r.uraian, r.masuk, r.keluar, r.masuk + r.keluar) for n, r in enumerate(recap, start=1)
    ]
    masuk, keluar = sum(r.masuk for r in recap), sum(r.keluar for r in recap)
    rows.append(("", "", "Jumlah", masuk, keluar, masuk + keluar))
    book = Workbook()
    _fill_sheet(book.active, f"Rekap {month:02d}-{year}", RECAP_COLUMNS, rows, bold_last=True)
    book.save(path)
    audit.record(
        session,
        actor,
        "ekspor",
        "rekap_surat",
        f"{year}-{month:02d}",
        summary=f"Rekap surat {month_name(month)} {year} ke {path.name}",
    )
    return len(recap)


# --- Laporan Tindak Lanjut Disposisi ------------------------------------------------------------------------


@dataclass(frozen=True)
class FollowUpUnit:
    """One line of the summary: a unit kerja, or an official without a unit (the Kepala Dinas).

    ``diterima`` = ``selesai`` + ``diteruskan`` + ``belum_selesai``; ``terlambat`` is part of ``belum_selesai``.
    """

    unit: str
    diterima: int = 0
    selesai: int = 0
    diteruskan: int = 0  # disposed further: the letter now waits on the people below
    belum_selesai: int = 0
    terlambat: int = 0


@dataclass(frozen=True)
class FollowUpItem:
    """A recipient still owing a follow-up (an open leaf, letters.md R16)."""

    agenda: str
    tanggal_diterima: date
    asal_surat: str
    perihal: str
    tujuan: str
    unit: str
    tanggal_disposisi: date
    batas_waktu: date | None
    status: str
    days_late: int  # 0 unless overdue


@dataclass(frozen=True)
class FollowUpReport:
    start: date
    end: date
    today: date  # the state of the follow-ups is the state on this day
    units: tuple[FollowUpUnit, ...]
    items: tuple[FollowUpItem, ...]

    @property
    def totals(self) -> FollowUpUnit:
        return FollowUpUnit(
            "Jumlah",
            sum(u.diterima for u in self.units),
            sum(u.selesai for u in self.units),
            sum(u.diteruskan for u in self.units),
            sum(u.belum_selesai for u in self.units),
            sum(u.terlambat for u in self.units),
        )


def follow_up(
    session: Session, actor: Actor, start: date, end: date, today: date | None = None
) -> FollowUpReport:
    """Disposition follow-up of the letters received from ``start`` to ``end``, per unit, as it stands today.

    Every recipient of an active hop counts once for the unit it belongs to: the unit picked for them in the
    disposition dialog; else, for someone typed in by hand (staff), the unit of whoever passed the letter to
    them; an official without a unit (the Kepala Dinas, matched to the signatories) gets a line of their own.
    Follow-up status is not kept with its history, so the report shows the state on ``today`` (default: the
    office's today), not at the end of the period. Overdue means :func:`dispositions.overdue`; the deadline
    shown is the effective one it uses. Batal and arsip letters are left out.
    """
    actor.require(Perm.VIEW)
    if end < start:
        raise ValidationError("Tanggal akhir periode sebelum tanggal awal.", "end")
    if today is None:
        today = datetime.now(office_tz(office.get_profile(session).zona_waktu)).date()
    entries = dispositions.follow_ups(session, actor, start, end)
    late = {i.recipient_id: i for i in dispositions.overdue(session, actor, today)}

    units = session.scalars(select(OrgUnit).order_by(OrgUnit.urutan, OrgUnit.id)).all()
    leaders = session.scalars(select(Signatory).where(Signatory.aktif.is_(True)).order_by(Signatory.id)).all()

    def leader_rank(e: dispositions.FollowUpEntry) -> int | None:
        for rank, s in enumerate(leaders):
            if (e.nip and e.nip == s.nip) or (e.jabatan and e.jabatan.casefold() == s.jabatan.casefold()):
                return rank
        return None

    # A line is ("unit", unit id) or ("orang", jabatan); parents come before children in `entries`.
    unit_ids = {u.id for u in units}
    line_of: dict[int, tuple[str, int | str]] = {}
    person_rank: dict[str, int | None] = {}
    for e in entries:
        line: tuple[str, int | str]
        if e.unit_id in unit_ids:
            assert e.unit_id is not None
            line = ("unit", e.unit_id)
        else:
            rank = leader_rank(e)
            parent = line_of.get(e.induk_penerima_id) if e.induk_penerima_id is not None else None
            if rank is None and parent is not None and parent[0] == "unit":
                line = parent
            else:
                label = e.jabatan or e.nama
                line = ("orang", label)
                person_rank.setdefault(label, rank)
        line_of[e.recipient_id] = line

    unit_order = {u.id: (u.urutan, u.id) for u in units}
    unit_name = {u.id: u.nama for u in units}

    def order(line: tuple[str, int | str]) -> tuple[int, int, int, str]:
        kind, key = line
        if kind == "unit":
            assert isinstance(key, int)
            return (1, *unit_order[key], "")
        rank = person_rank.get(str(key))
        return (0, rank, 0, "") if rank is not None else (2, 0, 0, str(key).casefold())

    def name(line: tuple[str, int | str]) -> str:
        kind, key = line
        return unit_name[key] if kind == "unit" and isinstance(key, int) else str(key)

    # Every active unit has a line, even with nothing to count; lines without a unit only when they have one.
    counts: dict[tuple[str, int | str], list[int]] = {("unit", u.id): [0] * 5 for u in units if u.aktif}
    open_items: list[tuple[tuple[str, int | str], int, FollowUpItem]] = []
    for index, e in enumerate(entries):
        line = line_of[e.recipient_id]
        tally = counts.setdefault(line, [0] * 5)
        tally[0] += 1
        if e.status is dispositions.RecipientStatus.SELESAI:
            tally[1] += 1
        elif not e.is_leaf:
            tally[2] += 1
        else:
            tally[3] += 1
            overdue = late.get(e.recipient_id)
            if overdue is not None:
                tally[4] += 1
            item = FollowUpItem(
                agenda=e.agenda,
                tanggal_diterima=e.tanggal_diterima,
                asal_surat=e.asal_surat,
                perihal=e.perihal,
                tujuan=e.label,
                unit=name(line),
                tanggal_disposisi=e.hop_tanggal,
                batas_waktu=e.batas_waktu,
                status=e.status.label,
                days_late=overdue.days_late if overdue is not None else 0,
            )
            open_items.append((line, index, item))

    lines = sorted(counts, key=order)
    position = {line: i for i, line in enumerate(lines)}
    # Per line: the most late first, then the nearest deadline, then agenda order.
    open_items.sort(key=lambda o: (position[o[0]], -o[2].days_late, o[2].batas_waktu or date.max, o[1]))
    return FollowUpReport(
        start=start,
        end=end,
        today=today,
        units=tuple(FollowUpUnit(name(line), *counts[line]) for line in lines),
        items=tuple(item for _line, _index, item in open_items),
    )


FOLLOW_UP_UNIT_COLUMNS = (
    Column("No", 4, "center"),
    Column("Unit Kerja / Penerima Disposisi", 44),
    Column("Disposisi Diterima", 11, "center"),
    Column("Selesai", 11, "center"),
    Column("Diteruskan", 11, "center"),
    Column("Belum Selesai", 11, "center"),
    Column("Terlambat", 11, "center"),
)
FOLLOW_UP_ITEM_COLUMNS = (
    Column("No", 4, "center"),
    Column("No. Agenda", 7, "center"),
    Column("Tgl Terima", 8, "center"),
    Column("Asal Surat", 15),
    Column("Perihal", 26),
    Column("Tujuan Disposisi", 22),
    Column("Unit Kerja", 15),
    Column("Tgl Disposisi", 8, "center"),
    Column("Batas Waktu", 8, "center"),
    Column("Status", 10, "center"),
    Column("Terlambat (hari)", 8, "center"),
)
FOLLOW_UP_NOTE = (
    "Disposisi diterima = selesai + diteruskan + belum selesai. Diteruskan: penerima telah mendisposisikan "
    "lagi kepada bawahannya, sehingga yang ditunggu adalah penerima berikutnya. Terlambat: belum selesai dan "
    "batas waktu (miliknya atau warisan dari disposisi di atasnya) sudah lewat. Staf yang ditulis tanpa unit "
    "dihitung pada unit pemberi disposisinya."
)


def _follow_up_subtitle(report: FollowUpReport) -> str:
    return f"Surat diterima {_period(report.start, report.end)} · keadaan per {format_date(report.today)}"


def follow_up_pdf(
    session: Session,
    actor: Actor,
    start: date,
    end: date,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    today: date | None = None,
) -> bytes:
    """Laporan Tindak Lanjut Disposisi: the summary per unit, then every open follow-up, most late first."""
    frame = _frame(session, actor)
    data = follow_up(session, actor, start, end, today)
    t = data.totals
    summary = [
        (
            str(n),
            u.unit,
            str(u.diterima),
            str(u.selesai),
            str(u.diteruskan),
            str(u.belum_selesai),
            str(u.terlambat),
        )
        for n, u in enumerate(data.units, start=1)
    ]
    totals = (
        "",
        t.unit,
        str(t.diterima),
        str(t.selesai),
        str(t.diteruskan),
        str(t.belum_selesai),
        str(t.terlambat),
    )
    items = [
        (
            str(n),
            i.agenda,
            format_date_numeric(i.tanggal_diterima),
            i.asal_surat,
            i.perihal,
            i.tujuan,
            i.unit,
            format_date_numeric(i.tanggal_disposisi),
            format_date_numeric(i.batas_waktu) if i.batas_waktu else "tanpa batas",
            i.status,
            str(i.days_late) if i.days_late else "-",
        )
        for n, i in enumerate(data.items, start=1)
    ]
    report = SectionReport(
        header=frame.header,
        title="LAPORAN TINDAK LANJUT DISPOSISI",
        subtitle=_follow_up_subtitle(data),
        sections=(
            Section(
                "A. Rekapitulasi per unit kerja",
                FOLLOW_UP_UNIT_COLUMNS,
                summary,
                totals=totals,
                empty="Tidak ada unit kerja.",
                note=FOLLOW_UP_NOTE,
            ),
            Section(
                "B. Disposisi yang belum selesai",
                FOLLOW_UP_ITEM_COLUMNS,
                items,
                empty="Semua disposisi surat pada periode ini sudah selesai.",
            ),
        ),
        place_date=frame.place_date,
        signatures=frame.signatures,
        printed_at=frame.printed_at,
    )
    pdf = build_section_report(report, progress, cancelled)
    audit.record(
        session,
        actor,
        "cetak",
        "tindak_lanjut_disposisi",
        f"{start}..{end}",
        summary=f"Laporan tindak lanjut disposisi {report.subtitle}",
    )
    return pdf


def follow_up_xlsx(
    session: Session, actor: Actor, start: date, end: date, path: Path, today: date | None = None
) -> int:
    """The follow-up report as a workbook: sheet "Rekap per Unit" and sheet "Belum Selesai" (dates as dates,
    numbers as numbers); returns the number of open follow-ups."""
    from openpyxl import Workbook

    data = follow_up(session, actor, start, end, today)
    t = data.totals
    summary: list[tuple[object, ...]] = [
        (n, u.unit, u.diterima, u.selesai, u.diteruskan, u.belum_selesai, u.terlambat)
        for n, u in enumerate(data.units, start=1)
    ]
    summary.append(("", t.unit, t.diterima, t.selesai, t.diteruskan, t.belum_selesai, t.terlambat))
    items: list[tuple[object, ...]] = [
        (
            n,
            i.agenda,
            i.tanggal_diterima,
            i.asal_surat,
            i.perihal,
            i.tujuan,
            i.unit,
            i.tanggal_disposisi,
            i.batas_waktu,
            i.status,
            i.days_late,
        )
        for n, i in enumerate(data.items, start=1)
    ]
    book = Workbook()
    _fill_sheet(book.active, "Rekap per Unit", FOLLOW_UP_UNIT_COLUMNS, summary, bold_last=True)
    _fill_sheet(book.create_sheet(), "Belum Selesai", FOLLOW_UP_ITEM_COLUMNS, items)
    book.save(path)
    audit.record(
        session,
        actor,
        "ekspor",
        "tindak_lanjut_disposisi",
        f"{start}..{end}",
        summary=f"Tindak lanjut disposisi {_follow_up_subtitle(data)} ke {path.name}",
    )
    return len(items)
