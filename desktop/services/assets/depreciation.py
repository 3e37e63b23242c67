"""Penyusutan (R25, R26) of every asset at a date: per item, per golongan and per kode, to CSV and xlsx."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.assets import depreciation as rules
from desktop.core.assets.register import format_register
from desktop.models.assets import Aset, AsetMutasi, MasaManfaat, PitaPemeliharaan
from desktop.services import tabular
from desktop.services.assets.settings import get_settings
from desktop.services.common import audit
from desktop.services.common.errors import NotFound
from desktop.services.common.permissions import Actor, Perm
from desktop.services.tabular import AuditIn

__all__ = [
    "CSV_COLUMNS",
    "DepreciationReport",
    "DepreciationRow",
    "Rekap",
    "Skipped",
    "depreciation_csv",
    "depreciation_rows",
    "export_csv",
    "export_xlsx",
    "value_at",
]

CSV_COLUMNS: Final[tuple[str, ...]] = (
    "kode_barang",
    "register",
    "harga",
    "masa_manfaat_tahun",
    "semester_berjalan",
    "akumulasi",
    "nilai_buku",
)
"""The columns of ``sekretariat assets depreciation`` (issue 15 item 11), exactly."""

KIND: Final = "penyusutan"


@dataclass(frozen=True)
class DepreciationRow:
    """One depreciated item at the date. ``harga`` is the nilai perolehan then (acquisition value plus the
    capitalised repairs dated on or before it), so ``nilai_buku = harga - akumulasi`` always holds."""

    aset_id: int
    golongan: str
    kode_barang: str
    register: int
    register_text: str
    nama: str
    tahun: int
    acquired: date  # the date the schedule starts from
    tanggal_diasumsikan: bool  # no tanggal perolehan: 1 January of the tahun was taken
    harga: int
    masa_manfaat_tahun: int
    semester_berjalan: int
    akumulasi: int
    nilai_buku: int
    kapitalisasi: int = 0  # the capitalised repairs included in harga


@dataclass(frozen=True)
class Skipped:
    """An item that would be depreciated but cannot be (no masa manfaat for its kode), and why."""

    aset_id: int
    kode_barang: str
    register_text: str
    nama: str
    alasan: str


@dataclass(frozen=True)
class Rekap:
    """The totals of a golongan or a kode."""

    key: str
    jumlah: int
    harga: int
    akumulasi: int
    nilai_buku: int


@dataclass(frozen=True)
class DepreciationReport:
    as_of: date
    rows: list[DepreciationRow]
    skipped: list[Skipped] = field(default_factory=list)

    def rekap(self, by: str = "golongan") -> list[Rekap]:
        """Totals per ``golongan`` or per ``kode`` (kode barang), in KIB order."""
        sums: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
        for row in self.rows:
            key = row.golongan if by == "golongan" else row.kode_barang
            total = sums[key]
            total[0] += 1
            total[1] += row.harga
            total[2] += row.akumulasi
            total[3] += row.nilai_buku
        return [Rekap(k, *v) for k, v in sorted(sums.items())]


# --- the rule tables ----------------------------------------------------------------------------------------


def _covers(prefix: str, kode: str) -> bool:
    return kode == prefix or kode.startswith(prefix + ".")


class _Tables:
    """The masa manfaat and band tables, looked up by the longest matching prefix, once per kode."""

    def __init__(self, session: Session) -> None:
        self.masa = sorted(
            ((p, int(t)) for p, t in session.execute(select(MasaManfaat.kode_prefix, MasaManfaat.tahun))),
            key=lambda item: -len(item[0]),
        )
        bands: dict[str, list[rules.Band]] = defaultdict(list)
        for prefix, bawah, atas, tambah in session.execute(
            select(
                PitaPemeliharaan.kode_prefix,
                PitaPemeliharaan.batas_bawah,
                PitaPemeliharaan.batas_atas,
                PitaPemeliharaan.tambah_tahun,
            )
        ):
            bands[prefix].append(rules.Band(int(bawah), None if atas is None else int(atas), int(tambah)))
        self.bands = sorted(bands.items(), key=lambda item: -len(item[0]))
        self._masa_cache: dict[str, int | None] = {}
        self._band_cache: dict[str, list[rules.Band]] = {}

    def masa_of(self, kode: str) -> int | None:
        if kode not in self._masa_cache:
            self._masa_cache[kode] = next((t for p, t in self.masa if _covers(p, kode)), None)
        return self._masa_cache[kode]

    def bands_of(self, kode: str) -> list[rules.Band]:
        if kode not in self._band_cache:
            self._band_cache[kode] = next((b for p, b in self.bands if _covers(p, kode)), [])
        return self._band_cache[kode]


# --- computing ----------------------------------------------------------------------------------------------

_COLUMNS = (
    Aset.id,
    Aset.golongan,
    Aset.kode_barang,
    Aset.register,
    Aset.nama,
    Aset.tahun,
    Aset.tanggal_perolehan,
    Aset.harga,
)


def _events(
    session: Session, ids: Sequence[int] | None
) -> tuple[dict[int, list[rules.Kapitalisasi]], dict[int, date]]:
    """The kapitalisasi mutations (date, nilai) and the date of the write-off of each item, in one query."""
    query = select(AsetMutasi.aset_id, AsetMutasi.jenis, AsetMutasi.tanggal, AsetMutasi.nilai).where(
        AsetMutasi.jenis.in_(("kapitalisasi", "hapus"))
    )
    if ids is not None:
        query = query.where(AsetMutasi.aset_id.in_(ids))
    repairs: dict[int, list[rules.Kapitalisasi]] = defaultdict(list)
    removed: dict[int, date] = {}
    for aset_id, jenis, tanggal, nilai in session.execute(query.order_by(AsetMutasi.id)):
        if jenis == "kapitalisasi":
            repairs[aset_id].append(rules.Kapitalisasi(tanggal, int(nilai)))
        else:
            removed[aset_id] = tanggal
    return repairs, removed


def _compute(
    session: Session, as_of: date, golongan: str | None, ids: Sequence[int] | None
) -> DepreciationReport:
    digits = get_settings(session).register_digit
    tables = _Tables(session)
    repairs, removed = _events(session, ids)
    query = (
        select(*_COLUMNS)
        .where(Aset.golongan.in_(("B", "C", "D", "E")), Aset.intra.is_(True), Aset.tahun <= as_of.year)
        .order_by(Aset.kode_barang, Aset.register, Aset.id)
    )
    if golongan:
        query = query.where(Aset.golongan == golongan)
    if ids is not None:
        query = query.where(Aset.id.in_(ids))
    rows: list[DepreciationRow] = []
    skipped: list[Skipped] = []
    for aset_id, gol, kode, register, nama, tahun, tanggal, harga in session.execute(query):
        gone = removed.get(aset_id)
        if gone is not None and gone <= as_of:
            continue  # written off by then: no longer on the books
        acquired = tanggal or date(tahun, 1, 1)
        if acquired > as_of:
            continue  # not yet acquired at the date
        register_text = format_register(register, digits)
        masa = tables.masa_of(kode)
        if masa is None:
            skipped.append(
                Skipped(aset_id, kode, register_text, nama, f"masa manfaat untuk kode {kode} belum diatur")
            )
            continue
        item_repairs = repairs.get(aset_id, [])
        # Aset.harga holds every capitalised repair; the schedule starts from the value before them (a koreksi of
        # value is part of that start value).
        base = int(harga) - sum(r.nilai for r in item_repairs)
        if item_repairs:
            nilai = rules.value_at(base, acquired, masa, as_of, item_repairs, tables.bands_of(kode))
            semesters, perolehan, akum = nilai.semester_berjalan, nilai.nilai_perolehan, nilai.akumulasi
        else:
            # The closed form of the common case: 50 000 items at a date in well under a second.
            semesters = rules.semester_berjalan(acquired, as_of, masa)
            perolehan, akum = base, rules.akumulasi(base, semesters, masa)
        rows.append(
            DepreciationRow(
                aset_id=aset_id,
                golongan=gol,
                kode_barang=kode,
                register=register,
                register_text=register_text,
                nama=nama,
                tahun=tahun,
                acquired=acquired,
                tanggal_diasumsikan=tanggal is None,
                harga=perolehan,
                masa_manfaat_tahun=masa,
                semester_berjalan=semesters,
                akumulasi=akum,
                nilai_buku=perolehan - akum,
                kapitalisasi=perolehan - base,
            )
        )
    return DepreciationReport(as_of, rows, skipped)


def depreciation_rows(
    session: Session, actor: Actor, as_of: date, golongan: str | None = None
) -> DepreciationReport:
    """Every depreciable item at ``as_of`` (KIB B-E, intrakomptabel, acquired by then and not yet written off)
    with its figures, in KIB order; items whose kode has no masa manfaat are listed in ``skipped``.

    Tanah (A), KDP (F) and ekstrakomptabel items are left out (R25, R27). An item without a tanggal perolehan is
    taken as acquired on 1 January of its tahun (the acquisition semester is then S1 of that year)."""
    actor.require(Perm.VIEW)
    return _compute(session, as_of, golongan or None, None)


def value_at(session: Session, actor: Actor, aset_id: int, as_of: date) -> DepreciationRow | Skipped | None:
    """One item's figures at ``as_of``: a row, a ``Skipped`` (no masa manfaat), or None when the item is not
    depreciated (Tanah, KDP, ekstrakomptabel, not yet acquired or written off by then)."""
    actor.require(Perm.VIEW)
    if session.get(Aset, aset_id) is None:
        raise NotFound("Barang tidak ditemukan.")
    report = _compute(session, as_of, None, [aset_id])
    if report.rows:
        return report.rows[0]
    return report.skipped[0] if report.skipped else None


# --- files --------------------------------------------------------------------------------------------------


def depreciation_csv(rows: Iterable[DepreciationRow]) -> Iterable[tuple[object, ...]]:
    """The CSV rows of the CLI contract (``CSV_COLUMNS``), one per depreciated item."""
    for row in rows:
        yield (
            row.kode_barang,
            row.register_text,
            row.harga,
            row.masa_manfaat_tahun,
            row.semester_berjalan,
            row.akumulasi,
            row.nilai_buku,
        )


def _recorder(actor: Actor, report: DepreciationReport, out: Path) -> Callable[[Session, int], None]:
    def record(writing: Session, count: int) -> None:
        audit.record(
            writing, actor, "ekspor", KIND, report.as_of.isoformat(),
            summary=f"Penyusutan {count} barang per {report.as_of.isoformat()} ke {out.name}",
        )  # fmt: skip

    return record


def export_csv(
    session: Session,
    actor: Actor,
    out_path: Path | str,
    report: DepreciationReport,
    *,
    audit_in: AuditIn | None = None,
) -> int:
    """``report`` as CSV with exactly ``CSV_COLUMNS``; returns the number of rows."""
    actor.require(Perm.VIEW)
    out = Path(out_path)
    return tabular.export_csv(
        session, out, CSV_COLUMNS, depreciation_csv(report.rows), _recorder(actor, report, out), audit_in
    )


_ITEM_HEADINGS: Final = (
    "Kode Barang",
    "Register",
    "Nama Barang",
    "Tahun",
    "Tanggal Perolehan",
    "Nilai Perolehan",
    "Masa Manfaat (Tahun)",
    "Semester Berjalan",
    "Akumulasi Penyusutan",
    "Nilai Buku",
    "Keterangan",
)
_ITEM_WIDTHS: Final = (22, 10, 36, 8, 14, 18, 12, 12, 20, 18, 40)
_MONEY: Final = "#,##0"


def _money(sheet: Any, columns: Iterable[int]) -> None:
    for column in columns:
        for (cell,) in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
            cell.number_format = _MONEY


def _note(row: DepreciationRow) -> str:
    notes = []
    if row.tanggal_diasumsikan:
        notes.append(f"tanggal perolehan tidak tercatat; dihitung dari 1 Januari {row.tahun}")
    if row.kapitalisasi:
        notes.append(f"termasuk kapitalisasi Rp {row.kapitalisasi:,}".replace(",", "."))
    return "; ".join(notes)


def export_xlsx(
    session: Session,
    actor: Actor,
    out_path: Path | str,
    report: DepreciationReport,
    *,
    audit_in: AuditIn | None = None,
) -> int:
    """``report`` as a workbook: "Per Barang" (one row per item, the date a date cell, an assumed date said in
    Keterangan), "Rekap Golongan" and "Rekap Kode" (each with a total row) and, when any, "Tidak Disusutkan"
    with the reason; money as whole-Rupiah numbers."""
    actor.require(Perm.VIEW)
    out = Path(out_path)

    def write(tmp: Path) -> None:
        book = tabular.new_workbook()
        sheet = book.active
        sheet.title = "Per Barang"
        sheet.append(list(_ITEM_HEADINGS))
        for r in report.rows:
            sheet.append(
                [r.kode_barang, r.register_text, r.nama, r.tahun, r.acquired, r.harga, r.masa_manfaat_tahun,
                 r.semester_berjalan, r.akumulasi, r.nilai_buku, _note(r)]
            )  # fmt: skip
            sheet.cell(row=sheet.max_row, column=5).number_format = tabular.DATE_FORMAT
        tabular.style_header(sheet, _ITEM_WIDTHS)
        _money(sheet, (6, 9, 10))
        for by, title, label in (
            ("golongan", "Rekap Golongan", "Golongan"),
            ("kode", "Rekap Kode", "Kode Barang"),
        ):
            rekap = report.rekap(by)
            page = book.create_sheet(title)
            page.append([label, "Jumlah Barang", "Nilai Perolehan", "Akumulasi Penyusutan", "Nilai Buku"])
            for item in rekap:
                page.append([f"KIB {item.key}" if by == "golongan" else item.key, item.jumlah, item.harga,
                             item.akumulasi, item.nilai_buku])  # fmt: skip
            page.append(
                ["Jumlah", sum(i.jumlah for i in rekap), sum(i.harga for i in rekap),
                 sum(i.akumulasi for i in rekap), sum(i.nilai_buku for i in rekap)]
            )  # fmt: skip
            tabular.style_header(page, (22, 14, 20, 22, 20))
            _money(page, (3, 4, 5))
        if report.skipped:
            page = book.create_sheet("Tidak Disusutkan")
            page.append(["Kode Barang", "Register", "Nama Barang", "Alasan"])
            for s in report.skipped:
                page.append([s.kode_barang, s.register_text, s.nama, s.alasan])
            tabular.style_header(page, (22, 10, 36, 50))
        book.save(tmp)

    tabular.write_audited(
        session, out, write, lambda s: _recorder(actor, report, out)(s, len(report.rows)), audit_in
    )
    return len(report.rows)
