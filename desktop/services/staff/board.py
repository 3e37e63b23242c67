"""The Jadwal board: open and handled deadlines, the records that block one, and the list as xlsx."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import and_, or_, select, true
from sqlalchemy.orm import Session

from desktop.core.dates import format_date, format_date_numeric, format_datetime
from desktop.core.nip import format_nip
from desktop.core.staff.derivation import Derivation
from desktop.core.staff.months import add_months
from desktop.core.staff.pensiun import CONTRACT_REMINDER_MONTHS, PENSION_REMINDER_MONTHS
from desktop.core.staff.satyalancana import REMINDER_DAYS as SATYALANCANA_REMINDER_DAYS
from desktop.models.admin import OrgUnit
from desktop.models.staff import JadwalStatus, Pegawai
from desktop.services import tabular
from desktop.services.common import audit
from desktop.services.common.errors import ValidationError
from desktop.services.common.permissions import Actor, Perm
from desktop.services.staff.records import StatusPegawai, nama_lengkap
from desktop.services.staff.schedule import (
    HORIZON_DAYS,
    KP_REMINDER_DAYS,
    LOOKBACK_DAYS,
    JenisJadwal,
    ScheduleItem,
    StatusJadwal,
    Urgensi,
    kgb_monitoring_start,
    on_board,
    schedule,
    urgensi_for,
)

__all__ = [
    "EXPORT_COLUMNS",
    "Board",
    "BoardEntry",
    "DataNote",
    "board",
    "export_xlsx",
    "monitoring_start",
]

EXPORT_COLUMNS = (
    "Urgensi",
    "Tanggal",
    "Hari lagi",
    "Jenis",
    "Nama",
    "NIP",
    "Golongan",
    "Unit kerja",
    "Keterangan",
    "Batas tindakan",
    "Status",
    "Catatan status",
)
_MAX_EXPORT_ROWS = 100_000


@dataclass(frozen=True)
class BoardEntry:
    """One row of the board: an open item of the schedule (``item``), or a handled one (``item`` None)."""

    pegawai_id: int
    nip: str
    nama: str
    golongan_ruang: str
    unit: str
    jenis: JenisJadwal
    tanggal: date
    judul: str
    hari_lagi: int
    urgensi: Urgensi
    batas_tindakan: date | None
    status: StatusJadwal
    catatan: str
    status_oleh: str
    status_pada: datetime | None
    item: ScheduleItem | None = None

    @property
    def handled(self) -> bool:
        return self.status.closed

    @property
    def nip_format(self) -> str:
        return format_nip(self.nip)

    def explain(self, zone: str | None = None) -> Derivation[Any]:
        """How the date follows from the record (an open item), or what was kept about it (a handled one);
        ``zone`` (WIB/WITA/WIT) for the time a status was set."""
        if self.item is not None:
            return self.item.derivation
        when = (
            f" pada {format_datetime(self.status_pada, zone or None)}" if self.status_pada is not None else ""
        )
        who = f" oleh {self.status_oleh}" if self.status_oleh else ""
        steps = [
            f"{self.jenis.label} bertanggal {format_date(self.tanggal)} ditandai "
            f"\u201c{self.status.label}\u201d{who}{when}.",
        ]
        if self.catatan:
            steps.append(f"Catatan: {self.catatan}")
        steps.append(
            "Tenggat yang sudah ditangani tidak diingatkan lagi; untuk KGB dan Satyalancana jadwal menampilkan "
            "langkah berikutnya. Kembalikan ke \u201cPerlu diproses\u201d bila status ini keliru: "
            "perhitungannya tampil lagi."
        )
        return Derivation(self.tanggal, tuple(steps))

    @classmethod
    def of(cls, item: ScheduleItem) -> BoardEntry:
        return cls(
            pegawai_id=item.pegawai_id,
            nip=item.nip,
            nama=item.nama,
            golongan_ruang=item.golongan_ruang,
            unit=item.unit,
            jenis=item.jenis,
            tanggal=item.tanggal,
            judul=item.judul,
            hari_lagi=item.hari_lagi,
            urgensi=item.urgensi,
            batas_tindakan=item.batas_tindakan,
            status=item.status,
            catatan=item.catatan,
            status_oleh=item.status_oleh,
            status_pada=item.status_pada,
            item=item,
        )


@dataclass(frozen=True)
class DataNote:
    """A record that stops a deadline being computed, in one Indonesian sentence."""

    pegawai_id: int
    nip: str
    nama: str
    catatan: str


@dataclass(frozen=True)
class Board:
    as_of: date
    horizon_days: int
    entries: tuple[BoardEntry, ...]  # open items (schedule order), then handled ones (date order)
    notes: tuple[DataNote, ...] = ()

    @property
    def open(self) -> tuple[BoardEntry, ...]:
        return tuple(e for e in self.entries if not e.handled)


def monitoring_start(jenis: JenisJadwal, tanggal: date) -> date:
    """The first reminder of a deadline (R29 lead times), as ``schedule`` puts items in a horizon."""
    if jenis is JenisJadwal.KGB:
        return kgb_monitoring_start(tanggal)
    if jenis is JenisJadwal.KP:
        return tanggal - timedelta(days=max(KP_REMINDER_DAYS))
    if jenis is JenisJadwal.PENSIUN:
        return add_months(tanggal, -max(PENSION_REMINDER_MONTHS))
    if jenis is JenisJadwal.PPPK:
        return add_months(tanggal, -max(CONTRACT_REMINDER_MONTHS))
    return tanggal - timedelta(days=max(SATYALANCANA_REMINDER_DAYS))


def _judul(jenis: JenisJadwal, tanggal: date) -> str:
    if jenis is JenisJadwal.PENSIUN:
        return f"Pensiun: TMT {format_date(tanggal)}"
    if jenis is JenisJadwal.PPPK:
        return f"Perjanjian kerja berakhir {format_date(tanggal)}"
    return f"{jenis.label} {format_date(tanggal)}"


def _handled(
    session: Session, as_of: date, horizon_days: int, lookback_days: int, units: dict[int, str]
) -> list[BoardEntry]:
    until = as_of + timedelta(days=horizon_days)
    since = as_of - timedelta(days=lookback_days)
    closed = [s.value for s in StatusJadwal if s.closed]
    rows = session.execute(
        select(
            JadwalStatus.pegawai_id,
            JadwalStatus.jenis,
            JadwalStatus.tanggal,
            JadwalStatus.status,
            JadwalStatus.catatan,
            JadwalStatus.updated_by_name,
            JadwalStatus.updated_at,
            Pegawai.nip,
            Pegawai.nama,
            Pegawai.gelar_depan,
            Pegawai.gelar_belakang,
            Pegawai.golongan_ruang,
            Pegawai.unit_id,
            Pegawai.unor,
        )
        .join(Pegawai, Pegawai.id == JadwalStatus.pegawai_id)
        .where(JadwalStatus.status.in_(closed), on_board())
    ).all()
    found = []
    for r in rows:
        try:
            jenis = JenisJadwal(r.jenis)
        except ValueError:
            continue
        recent = r.tanggal >= since or (r.updated_at is not None and r.updated_at.date() >= since)
        if not recent or monitoring_start(jenis, r.tanggal) > until:
            continue
        hari = (r.tanggal - as_of).days
        found.append(
            BoardEntry(
                pegawai_id=r.pegawai_id,
                nip=r.nip,
                nama=nama_lengkap(r.nama, r.gelar_depan, r.gelar_belakang),
                golongan_ruang=r.golongan_ruang,
                unit=units.get(r.unit_id, "") if r.unit_id is not None else r.unor,
                jenis=jenis,
                tanggal=r.tanggal,
                judul=_judul(jenis, r.tanggal),
                hari_lagi=hari,
                urgensi=urgensi_for(hari),
                batas_tindakan=None,
                status=StatusJadwal(r.status),
                catatan=r.catatan or "",
                status_oleh=r.updated_by_name or "",
                status_pada=r.updated_at,
            )
        )
    found.sort(key=lambda e: (e.tanggal, e.nama, e.jenis.value))
    return found


def _missing(
    status: StatusPegawai, golongan: str, tmt_golongan: date | None, tmt_cpns: date | None, akhir: date | None
) -> list[str]:
    """Records the rules cannot use: a deadline that is not computed must say so, never just not show."""
    notes = []
    if status.is_pns:
        if not golongan or tmt_golongan is None:
            notes.append(
                "Golongan ruang atau TMT golongan belum diisi: KGB dan kenaikan pangkat tidak dihitung."
            )
        if tmt_cpns is None:
            notes.append("TMT CPNS belum diisi: Satyalancana Karya Satya tidak dihitung.")
    elif akhir is None:
        notes.append("Akhir perjanjian kerja PPPK belum diisi: tidak ada pengingat akhir kontrak.")
    return notes


def _notes(session: Session, computed: Sequence[tuple[int, str]]) -> list[DataNote]:
    pppk = StatusPegawai.PPPK.value
    incomplete = or_(
        and_(
            Pegawai.status != pppk,
            or_(Pegawai.golongan_ruang == "", Pegawai.tmt_golongan.is_(None), Pegawai.tmt_cpns.is_(None)),
        ),
        and_(Pegawai.status == pppk, Pegawai.akhir_kontrak.is_(None)),
    )
    ids = {pid for pid, _ in computed}
    # The names of the pegawai with a note from the rules come with the same query (all of them when many).
    wanted = incomplete if not ids else or_(incomplete, Pegawai.id.in_(ids)) if len(ids) <= 500 else true()
    statuses = {v.value: v for v in StatusPegawai}
    people: dict[int, tuple[str, str]] = {}
    found: list[DataNote] = []
    for r in session.execute(
        select(
            Pegawai.id,
            Pegawai.nip,
            Pegawai.nama,
            Pegawai.gelar_depan,
            Pegawai.gelar_belakang,
            Pegawai.status,
            Pegawai.golongan_ruang,
            Pegawai.tmt_golongan,
            Pegawai.tmt_cpns,
            Pegawai.akhir_kontrak,
        )
        .where(on_board(), wanted)
        .order_by(Pegawai.nama, Pegawai.nip)
    ):
        people[r.id] = (r.nip, nama_lengkap(r.nama, r.gelar_depan, r.gelar_belakang))
        status = statuses.get(r.status)
        if status is None:
            continue
        for text in _missing(status, r.golongan_ruang, r.tmt_golongan, r.tmt_cpns, r.akhir_kontrak):
            found.append(DataNote(r.id, r.nip, people[r.id][1], text))
    for pid, text in computed:
        nip, nama = people.get(pid, ("", ""))
        found.append(DataNote(pid, nip, nama, text))
    return found


def board(
    session: Session,
    actor: Actor,
    as_of: date,
    horizon_days: int = HORIZON_DAYS,
    *,
    lookback_days: int = LOOKBACK_DAYS,
) -> Board:
    """Everything the Jadwal board shows, from one schedule computation."""
    actor.require(Perm.VIEW)
    if horizon_days < 0:
        raise ValidationError("Rentang hari tidak boleh negatif.", "horizon_days")
    found = schedule(session, actor, as_of, horizon_days, lookback_days=lookback_days)
    units = {uid: nama for uid, nama in session.execute(select(OrgUnit.id, OrgUnit.nama))}
    entries = [BoardEntry.of(i) for i in found.items]
    entries.extend(_handled(session, as_of, horizon_days, lookback_days, units))
    return Board(as_of, horizon_days, tuple(entries), tuple(_notes(session, found.catatan_data)))


# --- xlsx ---------------------------------------------------------------------------------------------------------

_FILLS = {Urgensi.LEWAT: "F8D0CD", Urgensi.SEGERA: "FFD9A8", Urgensi.DEKAT: "FFF0A6"}


def _hari(hari_lagi: int) -> str:
    if hari_lagi < 0:
        return f"lewat {-hari_lagi} hari"
    return "hari ini" if hari_lagi == 0 else f"{hari_lagi} hari"


def export_xlsx(
    session: Session,
    actor: Actor,
    entries: Sequence[BoardEntry],
    path: Path | str,
    *,
    as_of: date,
    horizon_days: int,
) -> int:
    """The rows as shown (in the given order) in one sheet, with a title line; replaced atomically; audited.
    Returns the number of rows."""
    actor.require(Perm.VIEW)
    if len(entries) > _MAX_EXPORT_ROWS:
        raise ValidationError("Terlalu banyak baris untuk satu berkas.")
    from openpyxl.styles import Alignment, Font, PatternFill

    out = Path(path)
    book = tabular.new_workbook()
    sheet = book.active
    sheet.title = "Jadwal"
    sheet.append([f"Jadwal kepegawaian per {format_date(as_of)}, {horizon_days} hari ke depan"])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([])
    sheet.append(list(EXPORT_COLUMNS))
    for cell in sheet[3]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="1F4E78")
    for e in entries:
        sheet.append(
            [
                e.urgensi.label,
                e.tanggal,
                _hari(e.hari_lagi),
                e.jenis.label,
                e.nama,
                e.nip,
                e.golongan_ruang,
                e.unit,
                e.judul,
                e.batas_tindakan,
                e.status.label,
                e.catatan,
            ]
        )
        row = sheet.max_row
        fill = _FILLS.get(e.urgensi) if not e.handled else None
        if fill is not None:
            sheet.cell(row=row, column=1).fill = PatternFill("solid", fgColor=fill)
        for column in (2, 10):
            sheet.cell(row=row, column=column).number_format = "DD-MM-YYYY"
        sheet.cell(row=row, column=6).number_format = "@"
    for letter, width in zip("ABCDEFGHIJKL", (12, 12, 14, 26, 34, 21, 9, 30, 48, 14, 15, 40), strict=True):
        sheet.column_dimensions[letter].width = width
    for cells in sheet.iter_rows(min_row=4):
        for cell in cells:
            cell.alignment = Alignment(vertical="top")
    sheet.freeze_panes = "A4"
    sheet.auto_filter.ref = f"A3:L{max(sheet.max_row, 3)}"

    out.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=".jadwal-", suffix=".xlsx", dir=out.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        book.save(tmp)
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    audit.record(
        session,
        actor,
        "ekspor",
        "jadwal_pegawai",
        out.name[:60],
        summary=f"Jadwal kepegawaian per {format_date_numeric(as_of)}: {len(entries)} baris ke {out.name}",
        after={"jumlah": len(entries), "per": as_of, "rentang_hari": horizon_days, "berkas": str(out)},
    )
    return len(entries)
