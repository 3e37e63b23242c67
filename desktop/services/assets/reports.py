"""Laporan Barang (R31): mutasi, rekap per golongan/kode and the Laporan Barang Pengguna, replayed from the ledger."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core import clock
from desktop.core.assets.kode import GOLONGAN, KodeError, golongan_of
from desktop.core.dates import format_date, format_date_numeric
from desktop.models.assets import Aset, AsetMutasi, KodeBarang
from desktop.printing.assets.kib import Cancelled, Lokasi
from desktop.printing.assets.reports import REPORT_KINDS, ReportData, build_report
from desktop.services import tabular
from desktop.services.assets import depreciation
from desktop.services.assets.documents import kib_signers
from desktop.services.assets.settings import get_settings
from desktop.services.common import audit, office, printed
from desktop.services.common.errors import ValidationError
from desktop.services.common.permissions import Actor, Perm
from desktop.services.tabular import AuditIn

__all__ = [
    "LAPORAN_REPORTS",
    "Cancelled",
    "LaporanReport",
    "LaporanRow",
    "MutasiReport",
    "MutasiRow",
    "RekapReport",
    "RekapRow",
    "Saldo",
    "laporan_barang_pengguna",
    "last_semester_end",
    "mutasi",
    "penyusutan_pdf",
    "record_penyusutan_printed",
    "record_report_printed",
    "rekap",
    "report_pdf",
    "report_xlsx",
    "semester_period",
]

Progress = Callable[[int, int], None]

# The mutations that move an item on or off the books, or change its value, kode or komptabel flag.
_BOOK_JENIS: Final = ("perolehan", "kapitalisasi", "koreksi", "reklas", "hapus")
LEVELS: Final = ("golongan", "kode")
LAPORAN_REPORTS: Final[dict[str, str]] = {
    "laporan": "Laporan Barang Pengguna",
    "mutasi": "Laporan Mutasi Barang",
    "rekap_golongan": "Rekapitulasi per Golongan",
    "rekap_kode": "Rekapitulasi per Kode Barang",
    "penyusutan_golongan": "Penyusutan per Golongan",
    "penyusutan_barang": "Penyusutan per Barang",
}
"""The reports of the Laporan page, by key, in the order offered."""


@dataclass(frozen=True)
class Saldo:
    jumlah: int = 0
    nilai: int = 0

    def __add__(self, other: Saldo) -> Saldo:
        return Saldo(self.jumlah + other.jumlah, self.nilai + other.nilai)


@dataclass(frozen=True)
class MutasiRow:
    """One golongan or kode over a period. ``tambah_rincian``/``kurang_rincian`` split the value by what
    caused it (perolehan, kapitalisasi, reklas, koreksi, hapus)."""

    key: str
    uraian: str
    awal: Saldo
    tambah: Saldo
    kurang: Saldo
    akhir: Saldo
    tambah_rincian: dict[str, int] = field(default_factory=dict)
    kurang_rincian: dict[str, int] = field(default_factory=dict)

    @property
    def seimbang(self) -> bool:
        """saldo awal + bertambah - berkurang = saldo akhir, in count and in value."""
        return self.awal + self.tambah + Saldo(-self.kurang.jumlah, -self.kurang.nilai) == self.akhir


@dataclass(frozen=True)
class MutasiReport:
    start: date
    end: date
    level: str
    rows: list[MutasiRow]
    selisih: list[str]  # where the ledger and the items' current state disagree (should stay empty)

    def total(self) -> MutasiRow:
        return _sum_rows("", "Jumlah", self.rows)


@dataclass(frozen=True)
class RekapRow:
    key: str
    uraian: str
    intra: Saldo
    ekstra: Saldo

    @property
    def total(self) -> Saldo:
        return self.intra + self.ekstra


@dataclass(frozen=True)
class RekapReport:
    as_of: date
    level: str
    rows: list[RekapRow]

    def total(self) -> RekapRow:
        return RekapRow(
            "",
            "Jumlah",
            sum((r.intra for r in self.rows), Saldo()),
            sum((r.ekstra for r in self.rows), Saldo()),
        )


@dataclass(frozen=True)
class LaporanRow:
    """One golongan of the intrakomptabel books: the mutasi of the period, then the penyusutan at its end."""

    golongan: str
    uraian: str
    awal: Saldo
    tambah: Saldo
    kurang: Saldo
    akhir: Saldo
    akumulasi: int
    nilai_buku: int


@dataclass(frozen=True)
class LaporanReport:
    tahun: int
    semester: int | None
    start: date
    end: date
    rows: list[LaporanRow]  # intrakomptabel, per golongan A-F
    ekstra: MutasiRow  # the ekstrakomptabel items, one total line
    selisih: list[str]

    @property
    def periode(self) -> str:
        if self.semester is None:
            return f"Tahun {self.tahun}"
        return f"Semester {'I' if self.semester == 1 else 'II'} Tahun {self.tahun}"


# --- periods ------------------------------------------------------------------------------------------------


def semester_period(tahun: int, semester: int | None) -> tuple[date, date]:
    """The first and last day of semester 1 (Jan-Jun), 2 (Jul-Dec) or, with None, of the whole year."""
    if semester not in (1, 2, None):
        raise ValidationError("Semester 1, 2 atau kosong (tahunan).", "semester")
    if not 1900 <= tahun <= 9999:
        raise ValidationError("Tahun laporan tidak sah.", "tahun")
    if semester == 1:
        return date(tahun, 1, 1), date(tahun, 6, 30)
    if semester == 2:
        return date(tahun, 7, 1), date(tahun, 12, 31)
    return date(tahun, 1, 1), date(tahun, 12, 31)


def last_semester_end(today: date) -> date:
    """The end of the last semester that has ended by ``today`` (30 June or 31 December)."""
    if today >= date(today.year, 12, 31):
        return today.replace(month=12, day=31)
    if today >= date(today.year, 6, 30):
        return date(today.year, 6, 30)
    return date(today.year - 1, 12, 31)


# --- replaying the ledger -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _State:
    """An item on the books: what decides where it is counted and for how much."""

    kode: str
    golongan: str
    harga: int
    intra: bool


@dataclass(frozen=True)
class _Step:
    tanggal: date
    jenis: str
    state: _State | None  # after the step; None: off the books (written off)


def _load(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text) if text else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _golongan(kode: str, fallback: str) -> str:
    try:
        return golongan_of(kode) or fallback
    except KodeError:
        return fallback


class _Books:
    """Every item's states over time, replayed from its perolehan, kapitalisasi, koreksi, reklas and hapus rows.

    An item enters the books on its perolehan, or on its acquisition date when that is earlier (an old KIB
    imported today was on the books since its tanggal perolehan, or 1 January of its tahun without one: the same
    start the penyusutan takes). Values move by the amounts of the rows, kode and flag by their "after" values,
    each step in date order (a repair entered late but dated earlier counts on its date)."""

    def __init__(self, session: Session) -> None:
        self.timelines: dict[int, list[_Step]] = {}
        self.selisih: list[str] = []
        current = {
            row.id: row
            for row in session.execute(
                select(
                    Aset.id,
                    Aset.nama,
                    Aset.kode_barang,
                    Aset.golongan,
                    Aset.harga,
                    Aset.intra,
                    Aset.status,
                    Aset.tahun,
                    Aset.tanggal_perolehan,
                )
            )
        }
        events: dict[int, list[tuple[int, str, date, int, str]]] = defaultdict(list)
        query = (
            select(
                AsetMutasi.aset_id,
                AsetMutasi.id,
                AsetMutasi.jenis,
                AsetMutasi.tanggal,
                AsetMutasi.nilai,
                AsetMutasi.sesudah,
            )
            .where(AsetMutasi.jenis.in_(_BOOK_JENIS))
            .order_by(AsetMutasi.aset_id, AsetMutasi.id)
        )
        for aset_id, mid, jenis, tanggal, nilai, sesudah in session.execute(query):
            events[aset_id].append((mid, jenis, tanggal, int(nilai), sesudah))
        for aset_id, row in current.items():
            found = events.get(aset_id, [])
            start = next((e for e in found if e[1] == "perolehan"), None)
            if start is None:
                self._differ(row.nama, "tidak ada mutasi perolehan di buku mutasi")
                continue
            self.timelines[aset_id] = steps = self._replay(row, start, found)
            last = steps[-1].state
            expected = (
                _State(row.kode_barang, row.golongan, int(row.harga), bool(row.intra))
                if row.status == "aktif"
                else None
            )
            if last != expected:
                self._differ(row.nama, f"buku mutasi {_describe(last)}, data barang {_describe(expected)}")

    def _differ(self, nama: str, why: str) -> None:
        self.selisih.append(f"{nama}: {why}")

    @staticmethod
    def _replay(row: Any, start: tuple[int, str, date, int, str], found: list[Any]) -> list[_Step]:
        after = _load(start[4])
        kode = str(after.get("kode_barang") or row.kode_barang)
        acquired = row.tanggal_perolehan or date(int(after.get("tahun") or row.tahun), 1, 1)
        entry = min(start[2], acquired)
        state: _State | None = _State(
            kode,
            _golongan(kode, row.golongan),
            int(after.get("harga", start[3])),
            bool(after.get("intra", True)),
        )
        steps = [_Step(entry, "perolehan", state)]
        # Date order, the order of entry among rows of one day; nothing counts before the item entered.
        later = sorted(
            ((max(e[2], entry), e[0], e) for e in found if e is not start), key=lambda k: (k[0], k[1])
        )
        for tanggal, _id, (_mid, jenis, _t, nilai, sesudah) in later:
            if state is None:
                break
            values = _load(sesudah)
            if jenis == "hapus":
                state = None
            elif jenis == "kapitalisasi":
                state = _State(state.kode, state.golongan, state.harga + nilai, state.intra)
            elif jenis == "koreksi":
                harga = state.harga + nilai if "harga" in values else state.harga
                intra = bool(values.get("intra", state.intra))
                state = _State(state.kode, state.golongan, harga, intra)
            elif jenis == "reklas":
                kode = str(values.get("kode_barang") or state.kode)
                gol = str(values.get("golongan") or _golongan(kode, state.golongan))
                state = _State(kode, gol, state.harga, state.intra)
            steps.append(_Step(tanggal, jenis, state))
        return steps

    def state_at(self, aset_id: int, day: date) -> _State | None:
        """The item at the end of ``day``; None when not (yet, or any longer) on the books."""
        state: _State | None = None
        for step in self.timelines[aset_id]:
            if step.tanggal > day:
                break
            state = step.state
        return state


def _describe(state: _State | None) -> str:
    if state is None:
        return "sudah dihapus"
    komptabel = "intra" if state.intra else "ekstra"
    return f"{state.kode} Rp {state.harga:,} {komptabel}".replace(",", ".")


def _key(state: _State, level: str) -> str:
    return state.golongan if level == "golongan" else state.kode


def _uraian(session: Session, level: str, keys: Sequence[str]) -> dict[str, str]:
    if level == "golongan":
        return {k: GOLONGAN.get(k, "") for k in keys}
    names: dict[str, str] = {}
    wanted = list(keys)
    for first in range(0, len(wanted), 900):
        chunk = wanted[first : first + 900]
        query = select(KodeBarang.kode, KodeBarang.uraian).where(KodeBarang.kode.in_(chunk))
        names.update((kode, uraian) for kode, uraian in session.execute(query))
    return {k: names.get(k, "") for k in keys}


def _check_level(level: str) -> str:
    if level not in LEVELS:
        raise ValidationError("Rekap per golongan atau per kode.", "level")
    return level


def _sum_rows(key: str, uraian: str, rows: Sequence[MutasiRow]) -> MutasiRow:
    tambah: dict[str, int] = defaultdict(int)
    kurang: dict[str, int] = defaultdict(int)
    for r in rows:
        for k, v in r.tambah_rincian.items():
            tambah[k] += v
        for k, v in r.kurang_rincian.items():
            kurang[k] += v
    return MutasiRow(
        key,
        uraian,
        sum((r.awal for r in rows), Saldo()),
        sum((r.tambah for r in rows), Saldo()),
        sum((r.kurang for r in rows), Saldo()),
        sum((r.akhir for r in rows), Saldo()),
        dict(tambah),
        dict(kurang),
    )


def _mutasi(
    session: Session, books: _Books, start: date, end: date, level: str, intra: bool | None
) -> list[MutasiRow]:
    """Per key: saldo at the end of the day before ``start``, then every step in the period moved as it
    happened (a value change stays in its key, a move out of a key counts out there and in at the other),
    and saldo akhir read again from the books at ``end``, not worked out from the moves."""

    def keyed(state: _State | None) -> str | None:
        if state is None or (intra is not None and state.intra != intra):
            return None
        return _key(state, level)

    awal: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    akhir: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    tambah: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    kurang: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    tambah_by: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    kurang_by: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    before = start - timedelta(days=1)

    def add(table: dict[str, list[int]], key: str, count: int, value: int) -> None:
        table[key][0] += count
        table[key][1] += value

    for aset_id, steps in books.timelines.items():
        previous = books.state_at(aset_id, before)
        k0 = keyed(previous)
        if k0 is not None and previous is not None:
            add(awal, k0, 1, previous.harga)
        for step in steps:
            if not start <= step.tanggal <= end:
                continue
            old, new = keyed(previous), keyed(step.state)
            if old is not None and old == new and previous is not None and step.state is not None:
                delta = step.state.harga - previous.harga
                if delta > 0:
                    add(tambah, new, 0, delta)
                    tambah_by[new][step.jenis] += delta
                elif delta < 0:
                    add(kurang, old, 0, -delta)
                    kurang_by[old][step.jenis] += -delta
            else:
                if old is not None and previous is not None:
                    add(kurang, old, 1, previous.harga)
                    kurang_by[old][step.jenis] += previous.harga
                if new is not None and step.state is not None:
                    add(tambah, new, 1, step.state.harga)
                    tambah_by[new][step.jenis] += step.state.harga
            previous = step.state
        last = books.state_at(aset_id, end)
        k1 = keyed(last)
        if k1 is not None and last is not None:
            add(akhir, k1, 1, last.harga)
    keys = sorted(set(awal) | set(akhir) | set(tambah) | set(kurang))
    names = _uraian(session, level, keys)
    return [
        MutasiRow(
            k,
            names[k],
            Saldo(*awal[k]),
            Saldo(*tambah[k]),
            Saldo(*kurang[k]),
            Saldo(*akhir[k]),
            dict(tambah_by[k]),
            dict(kurang_by[k]),
        )
        for k in keys
    ]


def mutasi(
    session: Session,
    actor: Actor,
    start: date,
    end: date,
    *,
    level: str = "golongan",
    intra: bool | None = None,
) -> MutasiReport:
    """Laporan mutasi of ``start``-``end`` per golongan or kode (``intra`` True/False: one komptabel only).

    Every row balances (saldo awal + bertambah - berkurang = saldo akhir, both worked out from the books
    independently); ``selisih`` lists the items whose ledger does not end in their current state (R30)."""
    actor.require(Perm.VIEW)
    _check_level(level)
    if start > end:
        raise ValidationError("Tanggal awal periode sesudah tanggal akhir.", "start")
    books = _Books(session)
    return MutasiReport(start, end, level, _mutasi(session, books, start, end, level, intra), books.selisih)


def rekap(session: Session, actor: Actor, as_of: date, level: str = "golongan") -> RekapReport:
    """Count and value of the items on the books at the end of ``as_of`` per golongan or kode, intra and ekstra
    apart."""
    actor.require(Perm.VIEW)
    _check_level(level)
    books = _Books(session)
    sums: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for aset_id in books.timelines:
        state = books.state_at(aset_id, as_of)
        if state is None:
            continue
        total = sums[_key(state, level)]
        at = 0 if state.intra else 2
        total[at] += 1
        total[at + 1] += state.harga
    keys = sorted(sums)
    names = _uraian(session, level, keys)
    rows = [RekapRow(k, names[k], Saldo(*sums[k][:2]), Saldo(*sums[k][2:])) for k in keys]
    return RekapReport(as_of, level, rows)


def laporan_barang_pengguna(
    session: Session, actor: Actor, tahun: int, semester: int | None = None
) -> LaporanReport:
    """The semester (1, 2) or annual (None) report: per golongan of the intrakomptabel books saldo awal,
    mutasi tambah and kurang, saldo akhir, with the akumulasi penyusutan and nilai buku at the last day; the
    ekstrakomptabel items as one line (not on the neraca, not depreciated)."""
    actor.require(Perm.VIEW)
    start, end = semester_period(tahun, semester)
    books = _Books(session)
    intra_rows = {r.key: r for r in _mutasi(session, books, start, end, "golongan", True)}
    ekstra = _sum_rows("", "Ekstrakomptabel", _mutasi(session, books, start, end, "golongan", False))
    report = depreciation.depreciation_rows(session, actor, end)
    akumulasi = {r.key: r.akumulasi for r in report.rekap("golongan")}
    rows: list[LaporanRow] = []
    for gol in sorted(set(intra_rows) | set(akumulasi)):
        found = intra_rows.get(gol) or MutasiRow(
            gol, GOLONGAN.get(gol, ""), Saldo(), Saldo(), Saldo(), Saldo()
        )
        akum = akumulasi.get(gol, 0)
        rows.append(
            LaporanRow(
                gol,
                found.uraian,
                found.awal,
                found.tambah,
                found.kurang,
                found.akhir,
                akum,
                found.akhir.nilai - akum,
            )
        )
    return LaporanReport(tahun, semester, start, end, rows, ekstra, books.selisih)


# --- printing and files -------------------------------------------------------------------------------------


def _saldo_cells(*saldos: Saldo) -> tuple[int, ...]:
    return tuple(v for s in saldos for v in (s.jumlah, s.nilai))


@dataclass(frozen=True)
class _Table:
    """A report as the printed and the Excel table share it."""

    kind: str
    subtitle: str
    tanggal: date
    rows: list[tuple[str | int, ...]]
    notes: tuple[str, ...]
    count: int


def _periode(start: date, end: date) -> str:
    return f"Periode {format_date(start)} s.d. {format_date(end)}"


def _table(session: Session, actor: Actor, key: str, tahun: int, semester: int | None) -> _Table:
    """The rows of report ``key`` (of ``LAPORAN_REPORTS``) for the semester or year."""
    start, end = semester_period(tahun, semester)
    if key == "laporan":
        lap = laporan_barang_pengguna(session, actor, tahun, semester)
        rows: list[tuple[str | int, ...]] = [
            (
                f"KIB {r.golongan}",
                r.uraian,
                *_saldo_cells(r.awal, r.tambah, r.kurang, r.akhir),
                r.akumulasi,
                r.nilai_buku,
            )
            for r in lap.rows
        ]
        e = lap.ekstra
        notes = (
            f"Ekstrakomptabel (tidak disajikan di neraca, tidak disusutkan): saldo awal {_saldo_text(e.awal)}; "
            f"bertambah {_saldo_text(e.tambah)}; berkurang {_saldo_text(e.kurang)}; "
            f"saldo akhir {_saldo_text(e.akhir)}.",
            f"Akumulasi penyusutan dan nilai buku per {format_date(end)}.",
            *_selisih_notes(lap.selisih),
        )
        return _Table("laporan", f"{lap.periode} ({_periode(start, end)})", end, rows, notes, len(rows))
    if key == "mutasi":
        mut = mutasi(session, actor, start, end)
        rows = [
            (f"KIB {r.key}", r.uraian, *_saldo_cells(r.awal, r.tambah, r.kurang, r.akhir)) for r in mut.rows
        ]
        return _Table(
            "mutasi", _periode(start, end), end, rows, tuple(_selisih_notes(mut.selisih)), len(rows)
        )
    if key in ("rekap_golongan", "rekap_kode"):
        level = key.removeprefix("rekap_")
        rek = rekap(session, actor, end, level)
        rows = [
            (
                f"KIB {r.key}" if level == "golongan" else r.key,
                r.uraian,
                *_saldo_cells(r.intra, r.ekstra, r.total),
            )
            for r in rek.rows
        ]
        return _Table(key, f"Keadaan per {format_date(end)}", end, rows, (), len(rows))
    if key in ("penyusutan_golongan", "penyusutan_barang"):
        return _penyusutan_table(key, depreciation.depreciation_rows(session, actor, end))
    raise ValidationError("Jenis laporan tidak dikenal.", "laporan")


def _penyusutan_table(key: str, dep: depreciation.DepreciationReport) -> _Table:
    """Penyusutan per golongan or per item of a report already worked out (the Penyusutan page holds one)."""
    notes = tuple(
        f"Tidak disusutkan: {s.kode_barang} {s.register_text} {s.nama} ({s.alasan})" for s in dep.skipped[:20]
    )
    subtitle = f"Per {format_date(dep.as_of)}"
    rows: list[tuple[str | int, ...]]
    if key == "penyusutan_golongan":
        rows = [
            (f"KIB {g.key}", GOLONGAN.get(g.key, ""), g.jumlah, g.harga, g.akumulasi, g.nilai_buku)
            for g in dep.rekap("golongan")
        ]
        return _Table(key, subtitle, dep.as_of, rows, notes, len(rows))
    rows = [
        (
            r.kode_barang,
            r.register_text,
            r.nama,
            str(r.tahun),
            format_date(r.acquired),
            r.harga,
            str(r.masa_manfaat_tahun),
            str(r.semester_berjalan),
            r.akumulasi,
            r.nilai_buku,
        )
        for r in dep.rows
    ]
    return _Table(key, subtitle, dep.as_of, rows, notes, len(rows))


def _saldo_text(s: Saldo) -> str:
    return f"{s.jumlah} barang Rp {s.nilai:,}".replace(",", ".")


def _selisih_notes(selisih: Sequence[str]) -> list[str]:
    if not selisih:
        return []
    shown = "; ".join(selisih[:5])
    more = f" dan {len(selisih) - 5} lainnya" if len(selisih) > 5 else ""
    return [
        f"Perhatian: buku mutasi tidak sama dengan data barang untuk {len(selisih)} barang: {shown}{more}."
    ]


def report_pdf(
    session: Session,
    actor: Actor,
    key: str,
    tahun: int,
    semester: int | None = None,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> bytes:
    """Report ``key`` (of ``LAPORAN_REPORTS``) for the semester or year as PDF: F4 landscape, the KIB's header
    lines and its two signers (Kepala SKPD, Pengurus Barang). Rekap and penyusutan are taken at the period's
    last day. Nothing is recorded here: :func:`record_report_printed` records the real print."""
    actor.require(Perm.PRINT)
    return _pdf(session, actor, key, _table(session, actor, key, tahun, semester), progress, cancelled)


def penyusutan_pdf(
    session: Session,
    actor: Actor,
    report: depreciation.DepreciationReport,
    by: str = "golongan",
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> bytes:
    """The penyusutan ``report`` (at any date) per golongan or per item (``by="barang"``) as PDF; the real print
    is recorded by :func:`record_penyusutan_printed`."""
    actor.require(Perm.PRINT)
    key = "penyusutan_barang" if by == "barang" else "penyusutan_golongan"
    return _pdf(session, actor, key, _penyusutan_table(key, report), progress, cancelled)


def _pdf(
    session: Session,
    actor: Actor,
    key: str,
    table: _Table,
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
) -> bytes:
    if cancelled is not None and cancelled():
        raise Cancelled()
    s = get_settings(session)
    profile = office.get_profile(session)
    kepala, pengurus = kib_signers(session, actor)
    now = clock.now(profile.zona_waktu)
    data = ReportData(
        kind=table.kind,
        header=profile.header(),
        rows=table.rows,
        subtitle=table.subtitle,
        kode_lokasi=s.kode_lokasi,
        lokasi=Lokasi(
            provinsi=s.provinsi,
            kabupaten_kota=s.kabupaten_kota,
            bidang=s.bidang,
            unit_organisasi=s.unit_organisasi,
            sub_unit=s.sub_unit,
            upb=s.upb,
        ),
        place=profile.kota,
        tanggal=table.tanggal,
        kepala=kepala,
        pengurus=pengurus,
        notes=table.notes,
        printed_at=f"dicetak {format_date_numeric(now.date())} {now:%H.%M}",
    )
    return build_report(data, progress, cancelled)


def record_report_printed(
    session: Session, actor: Actor, key: str, tahun: int, semester: int | None, delivery: printed.Delivery
) -> None:
    """Report ``key`` of :func:`report_pdf` really went out (a printer took the job or its PDF was saved): one
    audit row naming the period and where it went. Building it for the preview records nothing."""
    actor.require(Perm.PRINT)
    if key not in LAPORAN_REPORTS:
        raise ValidationError("Jenis laporan tidak dikenal.", "laporan")
    start, end = semester_period(tahun, semester)
    period = _periode(start, end) if key in ("laporan", "mutasi") else f"per {format_date(end)}"
    printed.record(session, actor, "laporan_barang", key, f"{LAPORAN_REPORTS[key]} {period}", delivery)


def record_penyusutan_printed(
    session: Session, actor: Actor, as_of: date, by: str, delivery: printed.Delivery
) -> None:
    """The penyusutan list of :func:`penyusutan_pdf` (at ``as_of``, per golongan or ``by="barang"``) really went
    out: one audit row. Building it for the preview records nothing."""
    actor.require(Perm.PRINT)
    key = "penyusutan_barang" if by == "barang" else "penyusutan_golongan"
    what = f"{LAPORAN_REPORTS[key]} per {format_date(as_of)}"
    printed.record(session, actor, "laporan_barang", key, what, delivery)


def report_xlsx(
    session: Session,
    actor: Actor,
    key: str,
    tahun: int,
    semester: int | None,
    out_path: Path | str,
    *,
    audit_in: AuditIn | None = None,
) -> int:
    """Report ``key`` as a one-sheet workbook: the printed columns, money as whole-Rupiah numbers, a total
    row under the rows and the notes under it; returns the number of rows."""
    actor.require(Perm.VIEW)
    out = Path(out_path)
    table = _table(session, actor, key, tahun, semester)
    spec = REPORT_KINDS[table.kind]
    headings = [c.flat_title for c in spec.columns[1:]]
    summed = [i for i, c in enumerate(spec.columns[1:]) if c.total]
    rows: list[list[object]] = [list(r) for r in table.rows]
    total: list[object] = ["Jumlah", *([""] * (len(headings) - 1))]
    for i in summed:
        total[i] = sum(int(r[i]) for r in table.rows)
    footer: list[list[object]] = [total] if table.rows else []
    footer.extend([note] for note in table.notes)

    def record(writing: Session, _written: int) -> None:
        audit.record(
            writing,
            actor,
            "ekspor",
            "laporan_barang",
            key,
            summary=f"{LAPORAN_REPORTS[key]} {table.subtitle} ({len(rows)} baris) ke {out.name}",
        )

    tabular.export_xlsx(
        session,
        out,
        headings,
        [*rows, *footer],
        record,
        audit_in,
        title=LAPORAN_REPORTS[key][:31],
        widths=[c.xlsx_width for c in spec.columns[1:]],
    )
    return len(rows)
