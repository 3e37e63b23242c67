"""Surat reports (letters.md R29, features 6 and 9): buku agenda masuk and keluar for a period, the monthly
recap by classification and by unit, the disposition follow-up per unit; PDF (F4 landscape, kop, signatures)
and xlsx."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core import clock
from desktop.core.dates import format_date, format_date_numeric, month_name, office_tz
from desktop.core.letters.rules import Keamanan, Urgensi, code_sort_key
from desktop.models.admin import OrgUnit, Signatory
from desktop.models.letters import (
    ClassificationCode,
    Disposition,
    DispositionRecipient,
    IncomingLetter,
    NumberSeries,
    OutgoingLetter,
)
from desktop.printing.data import OfficeHeader, Signer
from desktop.printing.register_report import Column, RegisterReport, SignatureSpot, build_register_report
from desktop.printing.section_report import Section, SectionReport, build_section_report
from desktop.services import tabular
from desktop.services.common import audit, office, printed
from desktop.services.common.errors import ValidationError
from desktop.services.common.permissions import Actor, Perm
from desktop.services.letters import dispositions
from desktop.services.letters.incoming import SECRET_MASK, STATUS_LABELS

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
    now = clock.now(profile.zona_waktu)
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
    return build_register_report(report, progress, cancelled)


def incoming_register_xlsx(session: Session, actor: Actor, start: date, end: date, path: Path) -> int:
    """The same register as a workbook (header row frozen, widths set); returns the number of rows."""
    rows = incoming_rows(session, actor, start, end)
    book = tabular.new_workbook()
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
    return build_register_report(report, progress, cancelled)


def outgoing_register_xlsx(session: Session, actor: Actor, start: date, end: date, path: Path) -> int:
    """The Buku Agenda Surat Keluar as a workbook; returns the number of rows."""
    rows = outgoing_rows(session, actor, start, end)
    book = tabular.new_workbook()
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


def _month(year: int, month: int) -> tuple[date, date]:
    """The first day of the month and the first day of the next one."""
    return date(year, month, 1), date(year + (month == 12), month % 12 + 1, 1)


def monthly_recap(session: Session, actor: Actor, year: int, month: int) -> list[RecapRow]:
    """Letters of a month grouped by classification heading (the first two levels of the code)."""
    actor.require(Perm.VIEW)
    zone = office_tz(office.get_profile(session).zona_waktu)
    first, after = _month(year, month)
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


@dataclass(frozen=True)
class UnitRecapRow:
    """One line of the recap per unit kerja: a unit, "Tanpa unit" or the totals ("Jumlah")."""

    unit: str
    masuk: int  # incoming letters of the month forwarded to the unit, each letter once
    selesai: int  # of those, the ones whose follow-up in the unit is finished
    keluar: int  # outgoing letters of the month the unit produced

    @property
    def belum_selesai(self) -> int:
        return self.masuk - self.selesai


@dataclass(frozen=True)
class UnitRecap:
    units: tuple[UnitRecapRow, ...]  # the units in their order, then "Tanpa unit"
    totals: UnitRecapRow  # every letter once, so not the sum of the lines when a letter went to two units


TANPA_UNIT = "Tanpa unit"


def _segments(text: str) -> list[str]:
    """ "Sek.Um/SOP" → ["sek", "um", "sop"]: the words of a unit name or code, compared without case."""
    return [s for s in re.split(r"[\W_]+", text.casefold()) if s]


def _unit_matcher(units: Sequence[OrgUnit]) -> Callable[[str], int | None]:
    """The unit named in a text (a konseptor "Sub Bagian Umum", a number's unit code "SEK.UM"): a unit whose
    name or singkatan appears in it as whole words; of several, the deepest in the organisation (Sub Bagian
    Umum under Sekretariat for "SEK.UM"), then the longest name, then the one written last."""
    parent = {u.id: u.parent_id for u in units}

    def depth(unit_id: int) -> int:
        seen: set[int] = set()
        up = parent.get(unit_id)
        while up is not None and up not in seen and up in parent:
            seen.add(up)
            up = parent[up]
        return len(seen)

    keys = [
        (u.id, depth(u.id), words)
        for u in units
        for words in (_segments(u.nama), _segments(u.singkatan))
        if words
    ]

    def match(text: str) -> int | None:
        words = _segments(text)
        best: tuple[int, int, int] | None = None
        found: int | None = None
        for unit_id, level, key in keys:
            for end in range(len(words), len(key) - 1, -1):
                if words[end - len(key) : end] == key:
                    score = (level, len(key), end)
                    if best is None or score > best:
                        best, found = score, unit_id
                    break
        return found

    return match


def monthly_recap_by_unit(session: Session, actor: Actor, year: int, month: int) -> UnitRecap:
    """The month's letters per unit kerja (org_unit): incoming letters forwarded to it, of those finished and
    still open, and outgoing letters it produced; then "Tanpa unit" for the rest, and the totals.

    An incoming letter (by date received, batal left out) counts for a unit when the unit is the *first* unit
    its active disposition chain reaches on a branch: the topmost recipient of the branch with a unit, usually
    a Kabid or the Sekretaris in the Kepala Dinas's hop ("Diteruskan ke unit"), whether the clerk entered the
    chain from the Sekretaris's or the Kepala Dinas's hop. Any level was not chosen: it would count a letter
    again for every unit it passes on its way down (Sekretariat, then Sub Bagian Umum), which is what the
    follow-up report shows per recipient. A letter forwarded to two units counts once for each. The unit's
    part is *selesai* when every leaf recipient below that unit recipient is selesai: R16 applied to the
    unit's branch of :func:`dispositions.follow_ups`; the state is today's, not the month's end. Recipients
    are matched to units by the unit picked for them in the disposition dialog, as in the follow-up report.

    An outgoing letter (by date of letter, batal left out) counts for the unit named as its pengolah
    (konseptor, R27), else the unit whose singkatan is the unit code of its number, else the series' unit
    code: the konseptor comes first because the number's code is often one code for the whole office
    (``SEK.UM``, ``DP2KUKM``) whichever unit drafted the letter.

    "Tanpa unit" holds the incoming letters not forwarded to any unit (not yet disposed, disposed only to the
    Kepala Dinas, or filed without disposition, which counts as selesai) and the outgoing letters whose unit is
    not known. The totals count each letter once, selesai by the letter's own status (R16).
    """
    actor.require(Perm.VIEW)
    first, after = _month(year, month)
    zone = office_tz(office.get_profile(session).zona_waktu)
    units = session.scalars(select(OrgUnit).order_by(OrgUnit.urutan, OrgUnit.id)).all()
    unit_ids = {u.id for u in units}

    # Incoming: the unit of each branch is the topmost recipient with a unit; a unit's part is done when every
    # leaf of its branch is. Parents are looked up by id, so the order of the entries does not matter.
    entries = dispositions.follow_ups(session, actor, first, after - timedelta(days=1))
    by_id = {e.recipient_id: e for e in entries}
    done: dict[tuple[int, int], bool] = {}  # (letter, unit) → every leaf below the unit is selesai
    for e in entries:
        unit: int | None = None
        node: dispositions.FollowUpEntry | None = e
        while node is not None:
            if node.unit_id in unit_ids:
                unit = node.unit_id
            node = by_id.get(node.induk_penerima_id) if node.induk_penerima_id is not None else None
        if unit is None:
            continue
        key = (e.letter_id, unit)
        finished = not e.is_leaf or e.status is dispositions.RecipientStatus.SELESAI
        done[key] = done.get(key, True) and finished

    counts: dict[int | None, list[int]] = {}  # unit id (None: tanpa unit) → masuk, selesai, keluar
    for (_letter, unit), finished in done.items():
        tally = counts.setdefault(unit, [0, 0, 0])
        tally[0] += 1
        tally[1] += int(finished)
    forwarded = {letter for letter, _unit in done}
    total = [0, 0, 0]
    for letter_id, status in session.execute(
        select(IncomingLetter.id, IncomingLetter.status).where(
            IncomingLetter.tanggal_diterima >= datetime.combine(first, time.min, zone),
            IncomingLetter.tanggal_diterima < datetime.combine(after, time.min, zone),
            IncomingLetter.status != "batal",
        )
    ):
        finished = status in ("selesai", "arsip")
        total[0] += 1
        total[1] += int(finished)
        if letter_id not in forwarded:
            tally = counts.setdefault(None, [0, 0, 0])
            tally[0] += 1
            tally[1] += int(finished)

    # Outgoing: the konseptor's unit, else the unit code of the number, else the series' unit code.
    match = _unit_matcher(units)
    for pengolah, code, series_code in session.execute(
        select(OutgoingLetter.pengolah, OutgoingLetter.unit, NumberSeries.kode_unit)
        .join(NumberSeries, NumberSeries.id == OutgoingLetter.seri_id)
        .where(
            OutgoingLetter.tanggal_surat >= first,
            OutgoingLetter.tanggal_surat < after,
            OutgoingLetter.status != "batal",
        )
    ):
        unit = match(pengolah) or match(code) or match(series_code)
        counts.setdefault(unit, [0, 0, 0])[2] += 1
        total[2] += 1

    # Every active unit has a line, even with nothing to count; an inactive one only when it has letters.
    lines = [UnitRecapRow(u.nama, *counts.get(u.id, [0, 0, 0])) for u in units if u.aktif or u.id in counts]
    lines.append(UnitRecapRow(TANPA_UNIT, *counts.get(None, [0, 0, 0])))
    return UnitRecap(units=tuple(lines), totals=UnitRecapRow("Jumlah", *total))


UNIT_RECAP_COLUMNS = (
    Column("No", 4, "center"),
    Column("Unit Kerja", 52),
    Column("Surat Masuk Diteruskan ke Unit", 12, "center"),
    Column("Selesai", 10, "center"),
    Column("Belum Selesai", 10, "center"),
    Column("Surat Keluar", 10, "center"),
)
UNIT_RECAP_NOTE = (
    "Surat masuk dihitung pada unit kerja pertama yang menerimanya dalam alur disposisi (biasanya disposisi "
    "Kepala Dinas kepada Sekretaris atau Kepala Bidang); surat yang diteruskan ke dua unit dihitung pada "
    "keduanya, sedangkan baris Jumlah menghitung setiap surat satu kali. Selesai: semua penerima terakhir "
    "disposisi di unit itu telah selesai, menurut keadaan pada tanggal cetak. Surat keluar dihitung pada unit "
    "pengolahnya, atau bila tidak tercatat, pada kode unit dalam nomor surat. Tanpa unit: surat masuk yang "
    "belum atau tidak didisposisikan ke unit kerja (yang diarsipkan tanpa disposisi dihitung selesai) dan surat "
    "keluar yang unitnya tidak dikenali."
)


def _unit_recap_table(
    session: Session, actor: Actor, year: int, month: int
) -> tuple[list[tuple[object, ...]], tuple[object, ...]]:
    """Rows and totals with numbers as numbers; "Tanpa unit" goes unnumbered below the units."""
    recap = monthly_recap_by_unit(session, actor, year, month)
    *units, rest = recap.units
    rows: list[tuple[object, ...]] = [
        (n, r.unit, r.masuk, r.selesai, r.belum_selesai, r.keluar) for n, r in enumerate(units, start=1)
    ]
    rows.append(("", rest.unit, rest.masuk, rest.selesai, rest.belum_selesai, rest.keluar))
    t = recap.totals
    return rows, ("", t.unit, t.masuk, t.selesai, t.belum_selesai, t.keluar)


def monthly_recap_pdf(
    session: Session,
    actor: Actor,
    year: int,
    month: int,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> bytes:
    """The month's letters in and out per classification heading, then per unit kerja, each with a totals row;
    signed as the books."""
    frame = _frame(session, actor)
    rows, totals = _recap_table(session, actor, year, month)
    unit_rows, unit_totals = _unit_recap_table(session, actor, year, month)
    subtitle = f"Bulan {month_name(month)} {year}"
    report = SectionReport(
        header=frame.header,
        title="REKAPITULASI SURAT MASUK DAN SURAT KELUAR",
        subtitle=subtitle,
        sections=(
            Section(
                "A. Menurut kode klasifikasi arsip",
                RECAP_COLUMNS,
                rows,
                totals=totals,
                empty="Tidak ada surat pada bulan ini.",
                note=RECAP_NOTE,
            ),
            Section(
                "B. Menurut unit kerja",
                UNIT_RECAP_COLUMNS,
                [tuple(str(cell) for cell in row) for row in unit_rows],
                totals=tuple(str(cell) for cell in unit_totals),
                note=UNIT_RECAP_NOTE,
            ),
        ),
        place_date=frame.place_date,
        signatures=frame.signatures,
        printed_at=frame.printed_at,
    )
    return build_section_report(report, progress, cancelled)


def monthly_recap_xlsx(session: Session, actor: Actor, year: int, month: int, path: Path) -> int:
    """The monthly recap as a workbook: the classification headings on the first sheet, the units on sheet
    "Per Unit" (numbers as numbers, totals rows in bold); returns the number of codes."""
    recap = monthly_recap(session, actor, year, month)
    rows: list[tuple[object, ...]] = [
        (n, r.kode, r.uraian, r.masuk, r.keluar, r.masuk + r.keluar) for n, r in enumerate(recap, start=1)
    ]
    masuk, keluar = sum(r.masuk for r in recap), sum(r.keluar for r in recap)
    rows.append(("", "", "Jumlah", masuk, keluar, masuk + keluar))
    book = tabular.new_workbook()
    _fill_sheet(book.active, f"Rekap {month:02d}-{year}", RECAP_COLUMNS, rows, bold_last=True)
    unit_rows, unit_totals = _unit_recap_table(session, actor, year, month)
    _fill_sheet(
        book.create_sheet(), "Per Unit", UNIT_RECAP_COLUMNS, [*unit_rows, unit_totals], bold_last=True
    )
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
        today = office.today(session)
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
    return build_section_report(report, progress, cancelled)


def follow_up_xlsx(
    session: Session, actor: Actor, start: date, end: date, path: Path, today: date | None = None
) -> int:
    """The follow-up report as a workbook: sheet "Rekap per Unit" and sheet "Belum Selesai" (dates as dates,
    numbers as numbers); returns the number of open follow-ups."""
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
    book = tabular.new_workbook()
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


# --- what was really printed -----------------------------------------------------------------------------------

# The reports whose printing is audited, by the entity name the audit log has always used.
PRINTED_REPORTS = {
    "buku_agenda_masuk": "Buku agenda masuk",
    "buku_agenda_keluar": "Buku agenda keluar",
    "rekap_surat": "Rekap surat",
    "tindak_lanjut_disposisi": "Laporan tindak lanjut disposisi",
}


def record_printed(
    session: Session, actor: Actor, report: str, start: date, end: date, delivery: printed.Delivery
) -> None:
    """A report for ``start``..``end`` really went to a printer or a PDF file (building it for the preview
    records nothing). ``report`` is a key of PRINTED_REPORTS; the recap is per month of ``start``."""
    label = PRINTED_REPORTS.get(report)
    if label is None:
        raise ValidationError(f"Laporan tidak dikenal: {report}")
    if report == "rekap_surat":
        entity_id, period = f"{start.year}-{start.month:02d}", f"Bulan {month_name(start.month)} {start.year}"
    else:
        entity_id, period = f"{start}..{end}", _period(start, end)
    printed.record(session, actor, report, entity_id, f"{label} {period}", delivery)
