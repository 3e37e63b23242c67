"""An existing KIB imported from SIMDA/e-BMD sheets (CSV/xlsx), and a KIB A-F exported to CSV and xlsx."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.assets import rules
from desktop.core.assets.kondisi import kondisi_label, parse_kondisi
from desktop.core.assets.register import RegisterRow, format_register, group_registers, parse_register_range
from desktop.core.money import parse_rupiah
from desktop.models.assets import Aset, AsetRincian, Ruang
from desktop.services import tabular
from desktop.services.assets import items
from desktop.services.assets.ledger import DocRef
from desktop.services.assets.settings import get_settings
from desktop.services.common import audit, counters, office
from desktop.services.common.errors import ValidationError
from desktop.services.common.permissions import Actor, Perm
from desktop.services.tabular import AuditIn, RowError, Table, fold

__all__ = [
    "EXPORT_COLUMNS",
    "IMPORT_COLUMNS",
    "KibImportResult",
    "KibLine",
    "KibPlan",
    "export_csv",
    "export_xlsx",
    "import_kib",
    "read_table",
    "validate_kib",
]

KIND: Final = "kib"

EXPORT_COLUMNS: Final[tuple[str, ...]] = (
    "kode_barang",
    "register",
    "nibar",
    "nama",
    "merk_tipe",
    "tahun",
    "tanggal_perolehan",
    "harga",
    "kondisi",
    "ruang",
    "intra_ekstra",
)
"""The CSV export's columns, exactly (issue 15 item 11); the import reads them back."""

IMPORT_COLUMNS: Final[tuple[str, ...]] = (
    "kode_barang",
    "nama",
    "spesifikasi",
    "register",
    "nibar",
    "merk_tipe",
    "ukuran",
    "bahan",
    "satuan",
    "tahun",
    "tanggal_perolehan",
    "no_pabrik",
    "no_rangka",
    "no_mesin",
    "no_polisi",
    "no_bpkb",
    "asal_usul",
    "harga",
    "harga_satuan",
    "kondisi",
    "ruang",
    "keterangan",
    "jumlah",
    "intra_ekstra",
)
REQUIRED: Final[tuple[str, ...]] = ("kode_barang", "nama", "harga")
LABELS: Final[dict[str, str]] = {c: c.replace("_", " ") for c in IMPORT_COLUMNS} | {
    "kode_barang": "kode barang",
    "nibar": "NIBAR",
    "merk_tipe": "merk/type",
    "ukuran": "ukuran/CC",
    "tanggal_perolehan": "tanggal perolehan",
    "no_pabrik": "no. pabrik",
    "no_rangka": "no. rangka",
    "no_mesin": "no. mesin",
    "no_polisi": "no. polisi",
    "no_bpkb": "no. BPKB",
    "asal_usul": "asal usul",
    "harga_satuan": "harga satuan",
    "intra_ekstra": "intra/ekstra",
}
_TEXT: Final = (
    "nama", "spesifikasi", "merk_tipe", "ukuran", "bahan", "satuan", "no_pabrik", "no_rangka", "no_mesin",
    "no_polisi", "no_bpkb", "asal_usul", "keterangan",
)  # fmt: skip
# A longer cell is refused rather than cut: the widths of the asset's columns.
_LIMITS: Final[dict[str, int]] = {
    name: int(Aset.__table__.columns[name].type.length)  # type: ignore[attr-defined]
    for name in (*_TEXT, "nibar")
}
_OWN_NUMBERS: Final = ("no_pabrik", "no_rangka", "no_mesin", "no_polisi", "no_bpkb")
_INTRA: Final = {"intra": True, "intrakomptabel": True, "ekstra": False, "ekstrakomptabel": False}

HEADERS: Final = tabular.load_header_table(tabular.header_file("kib.csv"))
"""The headers SIMDA BMD and e-BMD print on a KIB (``desktop/resources/headers/kib.csv``)."""
_INDEX: Final = HEADERS.index(IMPORT_COLUMNS)


def read_table(path: Path | str) -> Table:
    """The first sheet of a KIB .xlsx or .csv; the header is the first of the first 20 rows in which at least
    three cells name a KIB column, among them the kode barang."""
    return tabular.read_table(
        path,
        _INDEX,
        required=("kode_barang",),
        no_header=(
            "Berkas {source}: baris judul kolom KIB tidak ditemukan (perlu sedikitnya Kode Barang, Nama Barang "
            "dan Harga di 20 baris pertama)."
        ),
    )


# --- checking -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class KibLine:
    """One valid line of the file: ``jumlah`` identical units, from ``register`` on when the file gives it."""

    line: int
    data: items.AssetInput
    jumlah: int
    nibar: str = ""  # kept when free (an export read back); only for a line of one unit


@dataclass(frozen=True)
class KibPlan(tabular.SheetPlan[KibLine]):
    """What an import would do; ``errors`` block unless the valid lines only are chosen."""

    today: date | None = None


@dataclass(frozen=True)
class KibImportResult:
    imported: int  # units (rows of the KIB)
    lines: int
    skipped: int
    nibar_kept: int = 0
    warnings: list[str] = field(default_factory=list)


def _harga(text: str) -> int:
    value = parse_rupiah(text)
    if value < 0:
        raise ValueError(f"Harga tidak boleh negatif: {text!r}")
    return value


class _Rooms:
    """Rooms by kode (any case) or by nama (folded); a nama two rooms share names neither."""

    def __init__(self, session: Session) -> None:
        self.by_kode: dict[str, int] = {}
        by_nama: dict[str, int | None] = {}
        for ruang_id, kode, nama in session.execute(
            select(Ruang.id, Ruang.kode, Ruang.nama).where(Ruang.aktif.is_(True))
        ):
            self.by_kode[kode.casefold()] = ruang_id
            key = fold(nama)
            by_nama[key] = ruang_id if by_nama.get(key, ruang_id) == ruang_id else None
        self.by_nama = by_nama

    def find(self, text: str) -> tuple[int | None, str]:
        if text.casefold() in self.by_kode:
            return self.by_kode[text.casefold()], ""
        key = fold(text)
        if key in self.by_nama:
            found = self.by_nama[key]
            if found is None:
                return None, f"nama ruang \u201c{text}\u201d dipakai lebih dari satu ruangan; tulis kodenya"
            return found, ""
        return None, f"ruang \u201c{text}\u201d tidak ditemukan (tulis kode atau nama ruangan yang sudah ada)"


def _dup_key(kode: str, nama: str, tahun: int, harga: int, pabrik: str, rangka: str) -> tuple[Any, ...]:
    return (kode, fold(nama), tahun, harga, pabrik.casefold(), rangka.casefold())


def validate_kib(
    session: Session,
    actor: Actor,
    table: Table,
    mapping: Mapping[str, str | None] | None = None,
    *,
    ignore: Iterable[str] = (),
    allow_duplicates: bool = False,
    today: date | None = None,
) -> KibPlan:
    """Check every line of ``table`` as KIB rows to record; nothing is written.

    Registers a line gives (one, or a range ``000001 s/d 000010``) must be free for the kode and not claimed by
    another line; a line without registers that looks like an asset already recorded, or like another line of
    the file (same kode, nama, tahun, harga and factory/chassis numbers), is refused as a likely duplicate
    unless ``allow_duplicates``. With Jumlah N the Harga is the line's total, as the KIB prints it (a
    ``Harga Satuan`` column gives the unit price instead)."""
    actor.require(Perm.WRITE_ASSETS)
    resolved = tabular.resolve_headers(table.headers, mapping, _INDEX, IMPORT_COLUMNS)
    unmapped, notes = tabular.column_report(table, resolved, HEADERS.known_unused, ignore, note_ignored=False)
    by_column = tabular.columns_read(resolved)
    missing = [
        c for c in REQUIRED if c not in by_column and not (c == "harga" and "harga_satuan" in by_column)
    ]
    if missing:
        refused = tabular.missing_columns(table, by_column, missing, LABELS, tabular.MAP_HINT)
        return KibPlan.for_table(table, [], refused, notes, mapping=resolved, unmapped=unmapped)
    today = today or office.today(session)
    rooms = _Rooms(session)
    table_rows = list(tabular.row_cells(table, by_column))

    # The kodes of the file, normalised once, then what the database holds for them: registers and dup keys.
    kodes: dict[str, tuple[str, str] | str] = {}
    for _, cells in table_rows:
        text = cells.get("kode_barang")
        if text and text not in kodes:
            try:
                kodes[text] = items.normalised_kode(text)
            except ValidationError as exc:
                kodes[text] = str(exc)
    wanted = sorted({k[0] for k in kodes.values() if isinstance(k, tuple)})
    taken: set[tuple[str, int]] = set()
    existing: set[tuple[Any, ...]] = set()
    used_nibar: set[str] = set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        for k, reg, nm, th, hg, pabrik, rangka in session.execute(
            select(
                Aset.kode_barang, Aset.register, Aset.nama, Aset.tahun, Aset.harga_perolehan, Aset.no_pabrik,
                Aset.no_rangka,
            ).where(Aset.upb == "", Aset.kode_barang.in_(chunk))
        ):  # fmt: skip
            taken.add((k, reg))
            existing.add(_dup_key(k, nm, th, hg, pabrik, rangka))
    nibars = {cells.get("nibar") for _, cells in table_rows if cells.get("nibar")}
    for start in range(0, len(nibars), 500):
        chunk_n = sorted(nibars)[start : start + 500]
        used_nibar.update(session.scalars(select(Aset.nibar).where(Aset.nibar.in_(chunk_n))))

    claimed: dict[tuple[str, int], int] = {}  # (kode, register) → line
    seen_keys: dict[tuple[Any, ...], int] = {}  # dup key → line (lines without registers)
    seen_nibar: dict[str, int] = {}
    valid: list[KibLine] = []
    errors: list[RowError] = []
    warnings: list[RowError] = []
    for line, cells in table_rows:
        get = cells.get
        problems = tabular.blank_or_long(cells, ("kode_barang", "nama"), _LIMITS, LABELS)
        kode = ""
        normal = kodes.get(get("kode_barang"))
        if isinstance(normal, tuple):
            kode = normal[0]
        elif isinstance(normal, str):
            problems.append(normal.rstrip("."))
        # Jumlah, and the registers: one, a range, or none (taken from the counter).
        jumlah: int | None = None
        if get("jumlah"):
            text = get("jumlah")
            if not text.isdigit() or not 1 <= int(text) <= items.MAX_BATCH:
                problems.append(f"jumlah \u201c{text}\u201d harus bilangan 1 sampai {items.MAX_BATCH}")
            else:
                jumlah = int(text)
        first: int | None = None
        if get("register"):
            try:
                first, last = parse_register_range(get("register"))
            except ValueError as exc:
                problems.append(str(exc))
            else:
                size = last - first + 1
                if jumlah is not None and jumlah != size:
                    problems.append(
                        f"jumlah {jumlah} tidak sama dengan banyaknya register {get('register')} ({size})"
                    )
                elif last > 999_999:
                    problems.append(f"register {get('register')} melebihi 999999")
                jumlah = size if jumlah is None else jumlah
        jumlah = jumlah or 1
        # Tahun and tanggal perolehan.
        tanggal: date | None = None
        when = tabular.parse_date_cell("tanggal perolehan", get("tanggal_perolehan"), problems)
        if when is not None:
            tanggal = when[0]
            if tanggal > today:
                problems.append(f"tanggal perolehan {tanggal.isoformat()} di masa depan")
        tahun: int | None = None
        if get("tahun"):
            text = get("tahun")
            if not (text.isdigit() and len(text) == 4 and 1900 <= int(text) <= today.year):
                problems.append(f"tahun \u201c{text}\u201d harus empat angka, 1900 sampai {today.year}")
            else:
                tahun = int(text)
        if tahun is None and tanggal is not None:
            tahun = tanggal.year
        if tahun is None and not get("tahun"):
            problems.append("tahun perolehan kosong (isi Tahun Pembelian/Perolehan atau Tanggal Perolehan)")
        if tahun is not None and tanggal is not None and tanggal.year != tahun:
            problems.append(f"tahun {tahun} tidak sama dengan tahun tanggal perolehan {tanggal.isoformat()}")
        # Harga: the line's total with Jumlah N (as the KIB prints it), or the unit price in Harga Satuan.
        harga: int | None = None
        try:
            if get("harga_satuan"):
                harga = _harga(get("harga_satuan"))
                if get("harga") and _harga(get("harga")) != harga * jumlah:
                    problems.append(
                        f"harga {get('harga')} bukan {jumlah} \u00d7 harga satuan {get('harga_satuan')}"
                    )
            elif get("harga"):
                total = _harga(get("harga"))
                if total % jumlah:
                    problems.append(
                        f"harga {get('harga')} tidak habis dibagi jumlah {jumlah} (harga di KIB adalah harga "
                        "seluruh baris; isi kolom Harga Satuan bila harga per unit)"
                    )
                harga = total // jumlah
            else:
                problems.append("harga kosong")
        except ValueError as exc:
            problems.append(f"harga: {exc}")
        kondisi = 1
        if get("kondisi"):
            try:
                kondisi = parse_kondisi(get("kondisi"))
            except ValueError as exc:
                problems.append(str(exc))
        ruang_id: int | None = None
        if get("ruang"):
            ruang_id, why = rooms.find(get("ruang"))
            if why:
                problems.append(why)
        intra: bool | None = None
        if get("intra_ekstra"):
            text = fold(get("intra_ekstra")).replace(" ", "")
            if text not in _INTRA:
                problems.append(f"intra/ekstra \u201c{get('intra_ekstra')}\u201d harus intra atau ekstra")
            else:
                intra = _INTRA[text]
        own = {n: get(n) for n in _OWN_NUMBERS}
        if jumlah > 1 and any(own.values()):
            problems.append(
                "barang dengan no. pabrik/rangka/mesin/polisi/BPKB sendiri ditulis satu baris per unit"
            )
        nibar = get("nibar")
        if nibar and jumlah > 1:
            problems.append("NIBAR hanya untuk baris satu unit")
        # Registers taken, in the database or by an earlier line.
        if kode and first is not None and jumlah <= items.MAX_BATCH:
            for register in range(first, first + jumlah):
                if (kode, register) in taken:
                    problems.append(f"register {format_register(register)} untuk kode {kode} sudah dipakai")
                    break
                if (kode, register) in claimed:
                    problems.append(
                        f"register {format_register(register)} untuk kode {kode} sudah dipakai baris "
                        f"{claimed[(kode, register)]}"
                    )
                    break
        duplicate = ""
        if kode and first is None and tahun is not None and harga is not None and not allow_duplicates:
            key = _dup_key(kode, get("nama"), tahun, harga, own["no_pabrik"], own["no_rangka"])
            if key in existing:
                duplicate = "kemungkinan ganda: barang dengan kode, nama, tahun, harga dan nomor yang sama sudah tercatat"
            elif key in seen_keys:
                duplicate = f"kemungkinan ganda dengan baris {seen_keys[key]} (kode, nama, tahun, harga dan nomor sama)"
            if duplicate:
                problems.append(duplicate + "; jalankan dengan --allow-duplicates bila memang barang lain")
        if problems or tahun is None or harga is None:
            errors.append(RowError(line, "; ".join(problems)))
            continue
        if first is not None:
            for register in range(first, first + jumlah):
                claimed[(kode, register)] = line
        else:
            seen_keys.setdefault(
                _dup_key(kode, get("nama"), tahun, harga, own["no_pabrik"], own["no_rangka"]), line
            )
        if nibar:
            if nibar in used_nibar or nibar in seen_nibar:
                warnings.append(RowError(line, f"NIBAR {nibar} sudah dipakai; barang ini diberi NIBAR baru"))
                nibar = ""
            else:
                seen_nibar[nibar] = line
        if not get("kondisi"):
            warnings.append(RowError(line, "kondisi kosong; dicatat Baik"))
        data = items.AssetInput(
            kode_barang=kode,
            nama=get("nama"),
            tahun=tahun,
            harga=harga,
            tanggal_perolehan=tanggal,
            kondisi=kondisi,
            ruang_id=ruang_id,
            register=first,
            intra=intra,
            intra_catatan="status intra/ekstrakomptabel dari berkas impor KIB" if intra is not None else "",
            asal_usul=get("asal_usul") or "Pembelian",
            satuan=get("satuan") or "Unit",
            keterangan=cells.raw("keterangan").strip(),
            spesifikasi=get("spesifikasi"),
            merk_tipe=get("merk_tipe"),
            ukuran=get("ukuran"),
            bahan=get("bahan"),
            no_pabrik=own["no_pabrik"],
            no_rangka=own["no_rangka"],
            no_mesin=own["no_mesin"],
            no_polisi=own["no_polisi"],
            no_bpkb=own["no_bpkb"],
        )
        valid.append(KibLine(line, data, jumlah, nibar))
    plan = KibPlan.for_table(table, valid, errors, notes + warnings, mapping=resolved, unmapped=unmapped)
    return KibPlan(**{**plan.__dict__, "today": today})


# --- import -------------------------------------------------------------------------------------------------


def import_kib(
    session: Session, actor: Actor, plan: KibPlan, *, skip_invalid: bool = False
) -> KibImportResult:
    """Record the plan's lines in the caller's transaction (all or nothing), each through
    ``items.create_assets`` (perolehan mutation, NIBAR, intra/ekstra by the threshold unless the file says).

    Lines with registers are written first, so that the counter, raised past them, never hands a line without
    registers a number the file gives later. A NIBAR in the file is kept when free: the NIBAR counter is raised
    past the file's numbers first, so the numbers given out meanwhile never clash with them."""
    actor.require(Perm.WRITE_ASSETS)
    skipped = plan.rows_skipped(skip_invalid)
    if not plan.valid:
        return KibImportResult(0, 0, skipped)
    today = plan.today or office.today(session)
    batch = items.Batch.start(session)
    digits = [int(line.nibar) for line in plan.valid if line.nibar.isdigit()]
    if digits:
        counters.raise_to(session, items.NIBAR_SERIES, "0", max(digits))
    doc = DocRef(jenis="Impor KIB", nomor=plan.source[:255])
    ordered = sorted(plan.valid, key=lambda line: (line.data.register is None, line.line))
    entries = []
    for kib_line in ordered:
        data = kib_line.data
        if data.intra is not None:
            auto = rules.is_intra(data.kode_barang, data.harga, data.tahun, batch.thresholds)
            if auto == data.intra:  # the file agrees with the threshold: no override to note
                data = replace(data, intra=None, intra_catatan="")
        if kib_line.nibar:
            data = replace(data, nibar=kib_line.nibar)
        entries.append((data, kib_line.jumlah))
    result = items.create_many(
        session, actor, entries, doc=doc, today=today, batch=batch, with_infos=False,
        labels=[f"baris {line.line}" for line in ordered],
    )  # fmt: skip
    units = len(result.ids)
    warnings = list(result.warnings)
    kept = sum(1 for line in ordered if line.nibar)
    session.flush()
    summary = f"{units} barang ({len(plan.valid)} baris) diimpor dari {plan.source or 'berkas'}"
    if skipped:
        summary += f", {skipped} baris tidak valid dilewati"
    audit.record(
        session, actor, "impor", KIND, plan.source, summary=summary,
        after={"barang": units, "baris": len(plan.valid), "dilewati": skipped, "nibar_dipertahankan": kept},
    )  # fmt: skip
    return KibImportResult(units, len(plan.valid), skipped, kept, warnings)


# --- export -------------------------------------------------------------------------------------------------

_ROW_COLUMNS = (
    Aset.id, Aset.kode_barang, Aset.register, Aset.nibar, Aset.nama, Aset.merk_tipe, Aset.tahun,
    Aset.tanggal_perolehan, Aset.harga, Aset.kondisi, Aset.ruang_id, Aset.intra,
)  # fmt: skip


def _check_golongan(golongan: str) -> str:
    gol = golongan.strip().upper()
    if gol not in ("A", "B", "C", "D", "E", "F"):
        raise ValidationError(f"KIB {golongan} tidak dikenal (pilih A, B, C, D, E atau F).", "kib")
    return gol


def _export_rows(session: Session, golongan: str) -> Iterator[tuple[Any, ...]]:
    """The active items of one KIB in KIB order as (kode, register, nibar, nama, merk, tahun, tanggal, harga,
    kondisi, ruang, intra/ekstra): register as printed, kondisi B/RR/RB, ruang by its kode."""
    digits = get_settings(session).register_digit
    room_kode: dict[int, str] = {i: k for i, k in session.execute(select(Ruang.id, Ruang.kode))}
    query = (
        select(*_ROW_COLUMNS)
        .where(Aset.golongan == golongan, Aset.status == "aktif")
        .order_by(Aset.kode_barang, Aset.register, Aset.id)
    )
    for row in session.execute(query.execution_options(yield_per=2000)):
        yield (
            row.kode_barang,
            format_register(row.register, digits),
            row.nibar,
            row.nama,
            row.merk_tipe,
            row.tahun,
            row.tanggal_perolehan,
            int(row.harga),
            kondisi_label(row.kondisi, "47/2021"),
            room_kode.get(row.ruang_id, "") if row.ruang_id is not None else "",
            "intra" if row.intra else "ekstra",
        )


def _recorder(actor: Actor, golongan: str, out: Path) -> Any:
    def record(writing: Session, count: int) -> None:
        audit.record(
            writing, actor, "ekspor", KIND, golongan, summary=f"KIB {golongan}: {count} barang ke {out.name}"
        )

    return record


def export_csv(
    session: Session, actor: Actor, golongan: str, out_path: Path | str, *, audit_in: AuditIn | None = None
) -> int:
    """The active items of KIB ``golongan`` as CSV with exactly ``EXPORT_COLUMNS``, one row per unit; returns the
    count. The import reads the file back (registers, NIBAR and intra/ekstra kept)."""
    actor.require(Perm.VIEW)
    gol = _check_golongan(golongan)
    out = Path(out_path)
    rows = ((*r[:6], r[6].isoformat() if r[6] else "", *r[7:]) for r in _export_rows(session, gol))
    return tabular.export_csv(session, out, EXPORT_COLUMNS, rows, _recorder(actor, gol, out), audit_in)


# The SIMDA/17-2007 card layouts of reference/kib_kir_columns.csv: heading → what fills it. KIB F gets Kode Barang
# and Register after the name, as SIMDA adds them.
_SIMDA: Final[dict[str, tuple[tuple[str, str], ...]]] = {
    "A": (
        ("No", "#no"), ("Jenis Barang/Nama Barang", "nama"), ("Kode Barang", "kode_barang"), ("Register", "#reg"),
        ("Luas (M2)", "luas"), ("Tahun Pengadaan", "tahun"), ("Letak/Alamat", "letak"), ("Hak", "hak"),
        ("Sertifikat Tanggal", "sertifikat_tanggal"), ("Sertifikat Nomor", "sertifikat_nomor"),
        ("Penggunaan", "penggunaan"), ("Asal Usul", "asal_usul"), ("Harga", "#harga"), ("Keterangan", "keterangan"),
    ),
    "B": (
        ("No", "#no"), ("Kode Barang", "kode_barang"), ("Nama Barang/Jenis Barang", "nama"),
        ("Nomor Register", "#reg"), ("Merk/Type", "merk_tipe"), ("Ukuran/CC", "ukuran"), ("Bahan", "bahan"),
        ("Tahun Pembelian", "tahun"), ("Nomor Pabrik", "no_pabrik"), ("Nomor Rangka", "no_rangka"),
        ("Nomor Mesin", "no_mesin"), ("Nomor Polisi", "no_polisi"), ("Nomor BPKB", "no_bpkb"),
        ("Asal Usul/Cara Perolehan", "asal_usul"), ("Harga", "#harga"), ("Keterangan", "keterangan"),
    ),
    "C": (
        ("No", "#no"), ("Jenis Barang/Nama Barang", "nama"), ("Kode Barang", "kode_barang"), ("Register", "#reg"),
        ("Kondisi Bangunan (B, KB, RB)", "#kondisi"), ("Bertingkat/Tidak", "bertingkat"), ("Beton/Tidak", "beton"),
        ("Luas Lantai (M2)", "luas_lantai"), ("Letak/Lokasi Alamat", "letak"), ("Dokumen Tanggal", "dokumen_tanggal"),
        ("Dokumen Nomor", "dokumen_nomor"), ("Luas (M2)", "luas"), ("Status Tanah", "status_tanah"),
        ("Nomor Kode Tanah", "#tanah"), ("Asal Usul", "asal_usul"), ("Harga", "#harga"), ("Keterangan", "keterangan"),
    ),
    "D": (
        ("No", "#no"), ("Jenis Barang/Nama Barang", "nama"), ("Kode Barang", "kode_barang"), ("Register", "#reg"),
        ("Konstruksi", "konstruksi"), ("Panjang (Km)", "panjang_km"), ("Lebar (M)", "lebar_m"), ("Luas (M2)", "luas"),
        ("Letak/Lokasi", "letak"), ("Dokumen Tanggal", "dokumen_tanggal"), ("Dokumen Nomor", "dokumen_nomor"),
        ("Status Tanah", "status_tanah"), ("Nomor Kode Tanah", "#tanah"), ("Asal Usul", "asal_usul"),
        ("Harga", "#harga"), ("Kondisi (B, KB, RB)", "#kondisi"), ("Keterangan", "keterangan"),
    ),
    "E": (
        ("No", "#no"), ("Nama Barang/Jenis Barang", "nama"), ("Kode Barang", "kode_barang"), ("Register", "#reg"),
        ("Buku Judul/Pencipta", "judul_pencipta"), ("Buku Spesifikasi", "buku_spesifikasi"),
        ("Kesenian Asal Daerah", "seni_asal_daerah"), ("Kesenian Pencipta", "seni_pencipta"),
        ("Kesenian Bahan", "seni_bahan"), ("Hewan/Tumbuhan Jenis", "hewan_jenis"),
        ("Hewan/Tumbuhan Ukuran", "hewan_ukuran"), ("Jumlah", "#jumlah"), ("Tahun Cetak/Pembelian", "tahun"),
        ("Asal Usul", "asal_usul"), ("Harga", "#harga"), ("Keterangan", "keterangan"),
    ),
    "F": (
        ("No", "#no"), ("Jenis Barang/Nama Barang", "nama"), ("Kode Barang", "kode_barang"), ("Register", "#reg"),
        ("Bangunan (P, SP, D)", "bangunan"), ("Bertingkat/Tidak", "bertingkat"), ("Beton/Tidak", "beton"),
        ("Luas (M2)", "luas"), ("Letak/Lokasi Alamat", "letak"), ("Dokumen Tanggal", "dokumen_tanggal"),
        ("Dokumen Nomor", "dokumen_nomor"), ("Tgl, Bln, Thn Mulai", "tanggal_mulai"), ("Status Tanah", "status_tanah"),
        ("Nomor Kode Tanah", "#tanah"), ("Asal-usul Pembiayaan", "asal_usul"), ("Nilai Kontrak", "nilai_kontrak"),
        ("Keterangan", "keterangan"),
    ),
}  # fmt: skip
_CARD_NAMES: Final = {
    "A": "A. TANAH", "B": "B. PERALATAN DAN MESIN", "C": "C. GEDUNG DAN BANGUNAN",
    "D": "D. JALAN, IRIGASI DAN JARINGAN", "E": "E. ASET TETAP LAINNYA", "F": "F. KONSTRUKSI DALAM PENGERJAAN",
}  # fmt: skip
_CARD_FIELDS: Final = (
    "kode_barang", "nama", "merk_tipe", "ukuran", "bahan", "tahun", "asal_usul", "keterangan", "no_pabrik",
    "no_rangka", "no_mesin", "no_polisi", "no_bpkb", "kondisi", "tanah_id",
)  # fmt: skip


def _card_value(value: Any) -> Any:
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    return "" if value is None else value


def _simda_lines(session: Session, golongan: str) -> list[list[Any]]:
    """The card's lines: units identical in every printed column, with consecutive registers, share a line
    with a register range and the total harga (R6); a unit with its own numbers has a line of its own."""
    digits = get_settings(session).register_digit
    layout = _SIMDA[golongan]
    rows = session.execute(
        select(Aset.id, Aset.register, Aset.harga, *(getattr(Aset, f) for f in _CARD_FIELDS))
        .where(Aset.golongan == golongan, Aset.status == "aktif")
        .order_by(Aset.kode_barang, Aset.register, Aset.id)
    ).all()
    ids = [r.id for r in rows]
    detail: dict[int, AsetRincian] = {}
    for start in range(0, len(ids), 500):
        for d in session.scalars(
            select(AsetRincian).where(AsetRincian.aset_id.in_(ids[start : start + 500]))
        ):
            detail[d.aset_id] = d
    tanah_ids = {r.tanah_id for r in rows if r.tanah_id is not None}
    tanah = {
        i: f"{k}.{format_register(reg, digits)}"
        for i, k, reg in session.execute(
            select(Aset.id, Aset.kode_barang, Aset.register).where(Aset.id.in_(tanah_ids))
        )
    } if tanah_ids else {}  # fmt: skip
    printed: list[dict[str, Any]] = []
    units: list[RegisterRow] = []
    for r in rows:
        values: dict[str, Any] = {f: getattr(r, f) for f in _CARD_FIELDS}
        extra = detail.get(r.id)
        for name in items.RINCIAN_FIELDS:
            values[name] = getattr(extra, name) if extra is not None else None
        values["#kondisi"] = kondisi_label(r.kondisi, "17/2007")
        values["#tanah"] = tanah.get(r.tanah_id, "") if r.tanah_id is not None else ""
        key = tuple(
            _card_value(values.get(f))
            for _, f in layout
            if not f.startswith("#") or f in ("#kondisi", "#tanah")
        )
        own = any(values[n] for n in _OWN_NUMBERS)
        printed.append(values)
        units.append(RegisterRow(key=key, register=r.register, harga=int(r.harga), has_own_numbers=own))
    out: list[list[Any]] = []
    for number, line in enumerate(group_registers(units), start=1):
        values = printed[line.start]
        cells: list[Any] = []
        for _, f in layout:
            if f == "#no":
                cells.append(number)
            elif f == "#reg":
                cells.append(line.register_text(digits))
            elif f == "#harga":
                cells.append(line.harga)
            elif f == "#jumlah":
                cells.append(line.jumlah)
            else:
                cells.append(_card_value(values.get(f)))
        out.append(cells)
    return out


def export_xlsx(
    session: Session, actor: Actor, golongan: str, out_path: Path | str, *, audit_in: AuditIn | None = None
) -> int:
    """KIB ``golongan`` as a workbook: sheet "KIB X" with the CSV's columns (one row per unit, the date a date
    cell, harga a number) and sheet "SIMDA KIB X" in the card's column layout (reference/kib_kir_columns.csv)
    with register ranges as the KIB prints them and a total row. Returns the number of units."""
    actor.require(Perm.VIEW)
    gol = _check_golongan(golongan)
    out = Path(out_path)
    count = 0

    def write(tmp: Path) -> None:
        nonlocal count
        book = tabular.new_workbook()
        sheet = book.active
        sheet.title = f"KIB {gol}"
        sheet.append(list(EXPORT_COLUMNS))
        for row in _export_rows(session, gol):
            sheet.append(list(row))
            count += 1
            sheet.cell(row=count + 1, column=7).number_format = tabular.DATE_FORMAT
            sheet.cell(row=count + 1, column=8).number_format = "#,##0"
        tabular.style_header(sheet, (22, 10, 14, 36, 24, 8, 14, 16, 8, 14, 10))
        card = book.create_sheet(f"SIMDA KIB {gol}")
        headings = [h for h, _ in _SIMDA[gol]]
        card.append(headings)
        lines = _simda_lines(session, gol)
        for cells in lines:
            card.append(cells)
        harga_col = next(i for i, (_, f) in enumerate(_SIMDA[gol], start=1) if f == "#harga")
        total = [""] * len(headings)
        total[1] = "Jumlah"
        total[harga_col - 1] = sum(c[harga_col - 1] for c in lines)
        card.append(total)
        tabular.style_header(card, [max(8, min(40, len(h) + 4)) for h in headings])
        for (cell,) in card.iter_rows(min_row=2, min_col=harga_col, max_col=harga_col):
            cell.number_format = "#,##0"
        card.insert_rows(1)
        card["A1"] = f"KARTU INVENTARIS BARANG (KIB) {_CARD_NAMES[gol]}"
        card.freeze_panes = "A3"
        book.save(tmp)

    tabular.write_audited(session, out, write, lambda s: _recorder(actor, gol, out)(s, count), audit_in)
    return count
