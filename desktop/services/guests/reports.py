"""Buku Tamu reports (issue 14 item 7): the printed buku tamu for a period, the recap per day or month by
keperluan, tujuan and instansi (PDF and xlsx), and the desk's figures on the Beranda."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Final, Literal

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from desktop.core import clock
from desktop.core.dates import format_date, format_date_numeric, month_name, office_tz
from desktop.models.admin import OrgUnit
from desktop.models.guests import Visit
from desktop.printing.data import Signer
from desktop.printing.guests.register import (
    GUEST_BOOK_COLUMNS,
    RECAP_GROUP_COLUMNS,
    RECAP_PERIOD_COLUMNS,
    PrintFrame,
    RecapPrint,
    build_guest_book,
    build_guest_recap,
)
from desktop.printing.register_report import SignatureSpot
from desktop.services import tabular
from desktop.services.common import audit, office
from desktop.services.common.errors import ValidationError
from desktop.services.common.permissions import Actor, Perm
from desktop.services.guests.figures import HAPPENED
from desktop.services.guests.register_io import hhmm
from desktop.services.guests.visits import Status, zone

Progress = Callable[[int, int], None]
Per = Literal["hari", "bulan"]

COUNTED: Final = frozenset(HAPPENED)
"""The statuses of a visit that happened: a guest who came (refused by the host too). A visit entered by
mistake (batal), a pre-registration and a no-show are no visit."""
ANONYMOUS: Final = "(data pribadi dihapus, retensi)"
NO_INSTANSI: Final = "(tanpa instansi)"
NO_TUJUAN: Final = "(tanpa tujuan)"


def _check_period(start: date, end: date) -> None:
    if end < start:
        raise ValidationError("Tanggal akhir periode sebelum tanggal awal.", "end")


def period_label(start: date, end: date) -> str:
    if start == date(start.year, 1, 1) and end == date(start.year, 12, 31):
        return f"Tahun {start.year}"
    if start == end:
        return f"Tanggal {format_date(start)}"
    return f"Periode {format_date(start)} s.d. {format_date(end)}"


# --- the buku tamu ------------------------------------------------------------------------------------------


def guest_book_rows(session: Session, actor: Actor, start: date, end: date) -> list[tuple[str, ...]]:
    """The printed book's rows (``GUEST_BOOK_COLUMNS``), every visit of the period in date and arrival order;
    the phone as written, a cleared visit marked as such, a cancelled one with its status."""
    actor.require(Perm.VIEW)
    _check_period(start, end)
    tz = office_tz(zone(session))
    rows = session.execute(
        select(Visit)
        .where(Visit.tanggal >= start, Visit.tanggal <= end)
        .order_by(Visit.tanggal, Visit.datang_at.is_(None), Visit.datang_at, Visit.id)
    ).scalars()
    out: list[tuple[str, ...]] = []
    for n, v in enumerate(rows, start=1):
        nama = v.nama if v.anonim_at is None else ANONYMOUS
        if v.jumlah_orang > 1:
            nama += f" ({v.jumlah_orang} orang)"
        if v.status not in COUNTED:
            nama += f"\n[{Status(v.status).label}]"
        ticket = "\n".join(x for x in (v.tiket, f"kartu {v.kartu_nomor}" if v.kartu_nomor else "") if x)
        out.append(
            (
                str(n),
                format_date_numeric(v.tanggal),
                hhmm(v.datang_at, tz),
                hhmm(v.pulang_at, tz) if v.pulang_at != v.datang_at else "",
                nama,
                v.instansi,
                v.no_hp,
                v.keperluan,
                v.tujuan,
                v.bertemu,
                ticket,
            )
        )
    return out


def _frame(session: Session, actor: Actor) -> PrintFrame:
    """Signed by the Kasubbag Umum ("Mengetahui") and the desk officer who prints it."""
    actor.require(Perm.PRINT)
    profile = office.get_profile(session)
    if not profile.is_complete:
        raise ValidationError("Lengkapi profil kantor (kop surat) di Pengaturan sebelum mencetak.")
    now = clock.now(profile.zona_waktu)
    kasubbag = office.signer_for(session, "kib_kir") or office.signer_for(session, "cetak_uji")
    officer = (
        Signer(jabatan="Petugas Penerima Tamu", nama=actor.full_name) if actor.user_id is not None else None
    )
    return PrintFrame(
        header=profile.header(),
        place_date=f"{profile.kota}, {format_date(now.date())}" if profile.kota else format_date(now.date()),
        signatures=(
            SignatureSpot("Mengetahui,", kasubbag, "Kepala Sub Bagian Umum"),
            SignatureSpot("", officer, "Petugas Penerima Tamu"),
        ),
        printed_at=f"dicetak {format_date_numeric(now.date())} {now:%H.%M}",
    )


def _audit_view(session: Session, actor: Actor, what: str, start: date, end: date, count: int) -> None:
    # R31: printing or exporting the book shows guests' personal data; the row names the period, not a guest.
    audit.record(
        session, actor, what, "buku_tamu", f"{start}..{end}",
        summary=f"Buku tamu {period_label(start, end)}: {count} kunjungan",
    )  # fmt: skip


def guest_book_pdf(
    session: Session,
    actor: Actor,
    start: date,
    end: date,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> bytes:
    """The printed BUKU TAMU of ``start``..``end`` (F4 landscape, kop, "Bertemu" column, signatures); audited
    in the caller's transaction."""
    frame = _frame(session, actor)
    rows = guest_book_rows(session, actor, start, end)
    pdf = build_guest_book(frame, period_label(start, end), rows, progress, cancelled)
    _audit_view(session, actor, "cetak", start, end, len(rows))
    return pdf


def guest_book_xlsx(session: Session, actor: Actor, start: date, end: date, path: Path | str) -> int:
    """The same book as a workbook (header frozen, widths of the printed columns), written atomically and
    audited; returns the number of visits."""
    rows = guest_book_rows(session, actor, start, end)
    _write_book(Path(path), [("Buku Tamu", [c.title for c in GUEST_BOOK_COLUMNS], rows, False)])
    _audit_view(session, actor, "ekspor", start, end, len(rows))
    return len(rows)


# --- the recap ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RecapLine:
    label: str
    kunjungan: int
    orang: int


@dataclass(frozen=True)
class Recap:
    start: date
    end: date
    per: Per
    periods: tuple[RecapLine, ...]  # each day (or month) of the period that had visits, in order
    keperluan: tuple[RecapLine, ...]  # most visits first
    tujuan: tuple[RecapLine, ...]
    instansi: tuple[RecapLine, ...]
    total: RecapLine


def _lines(visits: Counter[str], people: Counter[str]) -> tuple[RecapLine, ...]:
    return tuple(
        RecapLine(k, visits[k], people[k]) for k in sorted(visits, key=lambda k: (-visits[k], k.casefold()))
    )


def recap(session: Session, actor: Actor, start: date, end: date, per: Per = "hari") -> Recap:
    """The visits of the period (``COUNTED`` only) counted per day or month, and by keperluan, tujuan (the
    unit when the visit names one, else the tujuan as written) and instansi; visits and people (jumlah orang)."""
    actor.require(Perm.VIEW)
    _check_period(start, end)
    if per not in ("hari", "bulan"):
        raise ValidationError("Rekap per hari atau per bulan.", "per")
    units: dict[int, str] = {
        unit_id: nama for unit_id, nama in session.execute(select(OrgUnit.id, OrgUnit.nama))
    }
    rows = session.execute(
        select(
            Visit.tanggal, Visit.keperluan, Visit.tujuan_unit_id, Visit.tujuan, Visit.instansi,
            func.count(), func.sum(Visit.jumlah_orang),
        )
        .where(
            and_(Visit.tanggal >= start, Visit.tanggal <= end, Visit.status.in_([s.value for s in COUNTED]))
        )
        .group_by(Visit.tanggal, Visit.keperluan, Visit.tujuan_unit_id, Visit.tujuan, Visit.instansi)
    )  # fmt: skip
    counts: dict[str, tuple[Counter[str], Counter[str]]] = {
        k: (Counter(), Counter()) for k in ("periode", "keperluan", "tujuan", "instansi")
    }
    period_keys: dict[str, date] = {}
    for tanggal, keperluan, unit_id, tujuan, instansi, n, group_people in rows:
        key_day = tanggal if per == "hari" else tanggal.replace(day=1)
        label = format_date(key_day) if per == "hari" else f"{month_name(key_day.month)} {key_day.year}"
        period_keys[label] = key_day
        groups = {
            "periode": label,
            "keperluan": keperluan or "(tanpa keperluan)",
            "tujuan": units.get(unit_id) if unit_id is not None else (tujuan or NO_TUJUAN),
            "instansi": instansi or NO_INSTANSI,
        }
        for name, value in groups.items():
            counts[name][0][value or NO_TUJUAN] += int(n)
            counts[name][1][value or NO_TUJUAN] += int(group_people or 0)
    visits, people = counts["periode"]
    periods = tuple(RecapLine(k, visits[k], people[k]) for k in sorted(visits, key=period_keys.__getitem__))
    return Recap(
        start,
        end,
        per,
        periods,
        _lines(*counts["keperluan"]),
        _lines(*counts["tujuan"]),
        _lines(*counts["instansi"]),
        RecapLine("Jumlah", sum(visits.values()), sum(people.values())),
    )


def _text_rows(lines: Iterable[RecapLine]) -> list[tuple[str, ...]]:
    return [(str(n), x.label, str(x.kunjungan), str(x.orang)) for n, x in enumerate(lines, start=1)]


def recap_pdf(
    session: Session,
    actor: Actor,
    start: date,
    end: date,
    per: Per = "hari",
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> bytes:
    """REKAPITULASI KUNJUNGAN TAMU of the period: per day or month, by keperluan, tujuan and instansi."""
    frame = _frame(session, actor)
    r = recap(session, actor, start, end, per)
    data = RecapPrint(
        subtitle=period_label(start, end),
        per_label="Per hari" if per == "hari" else "Per bulan",
        periods=_text_rows(r.periods),
        keperluan=_text_rows(r.keperluan),
        tujuan=_text_rows(r.tujuan),
        instansi=_text_rows(r.instansi),
        totals=(str(r.total.kunjungan), str(r.total.orang)),
    )
    return build_guest_recap(frame, data, progress, cancelled)


def recap_xlsx(
    session: Session, actor: Actor, start: date, end: date, path: Path | str, per: Per = "hari"
) -> int:
    """The recap as a workbook, one sheet per table with a bold totals row (numbers as numbers); written
    atomically and audited. Returns the number of visits counted."""
    actor.require(Perm.VIEW)
    r = recap(session, actor, start, end, per)

    def numbered(lines: Sequence[RecapLine]) -> list[tuple[object, ...]]:
        rows: list[tuple[object, ...]] = [
            (n, x.label, x.kunjungan, x.orang) for n, x in enumerate(lines, start=1)
        ]
        return [*rows, ("", "Jumlah", r.total.kunjungan, r.total.orang)]

    first = [c.title for c in RECAP_PERIOD_COLUMNS]
    group = [c.title for c in RECAP_GROUP_COLUMNS]
    _write_book(
        Path(path),
        [
            ("Per Hari" if per == "hari" else "Per Bulan", first, numbered(r.periods), True),
            ("Keperluan", group, numbered(r.keperluan), True),
            ("Tujuan", group, numbered(r.tujuan), True),
            ("Instansi", group, numbered(r.instansi), True),
        ],
    )
    audit.record(
        session, actor, "ekspor", "rekap_tamu", f"{start}..{end}",
        summary=f"Rekap kunjungan tamu {period_label(start, end)} ke {Path(path).name}",
    )  # fmt: skip
    return r.total.kunjungan


def _write_book(
    path: Path, sheets: Sequence[tuple[str, Sequence[str], Sequence[Sequence[object]], bool]]
) -> None:
    from openpyxl.styles import Alignment, Font

    def write(tmp: Path) -> None:
        book = tabular.new_workbook()
        for index, (title, headings, rows, bold_last) in enumerate(sheets):
            sheet = book.active if index == 0 else book.create_sheet()
            sheet.title = title
            sheet.append(list(headings))
            for row in rows:
                sheet.append(list(row))
            widths = [
                max(8.0, min(50.0, max(len(str(x)) for x in [h, *(r[i] for r in rows)]) + 2))
                for i, h in enumerate(headings)
            ]
            tabular.style_header(sheet, widths)
            for line in sheet.iter_rows(min_row=2):
                for cell in line:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
            if bold_last and rows:
                for cell in sheet[sheet.max_row]:
                    cell.font = Font(bold=True)
        book.save(tmp)

    tabular.replace_atomically(path, write)


# --- the Beranda --------------------------------------------------------------------------------------------
