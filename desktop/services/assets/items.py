"""Assets (R4-R11, R27, R30): recording N units at once with consecutive registers and a permanent NIBAR, reading
them, and every change after that as a mutation of the ledger in the same transaction as the item's new state."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, func, insert, or_, select
from sqlalchemy.orm import Session

from desktop.core import clock
from desktop.core.assets.kode import KodeError, golongan_of, is_assignable, normalise_kode
from desktop.core.assets.register import format_register
from desktop.core.assets.rules import Ambang, is_intra
from desktop.models.assets import AmbangKapitalisasi, Aset, AsetMutasi, AsetRincian, Ruang
from desktop.models.staff import Pegawai
from desktop.services.assets import kode as kode_service
from desktop.services.assets import ledger, rooms
from desktop.services.assets.ledger import NO_DOC, DocRef
from desktop.services.assets.settings import get_settings
from desktop.services.common import audit, counters, office
from desktop.services.common.errors import NotFound, ValidationError
from desktop.services.common.permissions import Actor, Perm
from desktop.storage import fulltext

MAX_BATCH = 10_000
NIBAR_SERIES = "aset_nibar"
KONDISI_TEXT = {1: "Baik", 2: "Rusak Ringan", 3: "Rusak Berat"}
ASAL_USUL = ("Pembelian", "Hibah", "Hasil Inventarisasi", "Pertukaran", "Pengadaan Swakelola", "Lainnya")

# The golongan fields of AsetRincian, as the form and the import name them.
RINCIAN_FIELDS: tuple[str, ...] = tuple(c.key for c in AsetRincian.__table__.columns if c.key != "aset_id")
_DATE_RINCIAN = {"sertifikat_tanggal", "dokumen_tanggal", "tanggal_mulai"}
_BOOL_RINCIAN = {"bertingkat", "beton"}
_INT_RINCIAN = {"nilai_kontrak"}

# Fields a koreksi may change directly (kode and register change through reklas; harga through kapitalisasi
# or a koreksi of value; ruang, pemegang and kondisi through their own mutations).
EDITABLE = (
    "nama", "spesifikasi", "merk_tipe", "ukuran", "bahan", "satuan", "tahun", "tanggal_perolehan",
    "asal_usul", "dasar_jenis", "dasar_nomor", "dasar_tanggal", "no_pabrik", "no_rangka", "no_mesin",
    "no_polisi", "no_bpkb", "tanah_id", "keterangan", "harga",
)  # fmt: skip
_TEXT_LIMITS = {
    "nama": 300, "spesifikasi": 500, "merk_tipe": 200, "ukuran": 60, "bahan": 100, "satuan": 30,
    "asal_usul": 60, "dasar_jenis": 30, "dasar_nomor": 200, "no_pabrik": 100, "no_rangka": 100,
    "no_mesin": 100, "no_polisi": 30, "no_bpkb": 60, "keterangan": 500,
}  # fmt: skip


def register_series(upb: str, kode_barang: str) -> str:
    """The counter row of the registers of one kode in one UPB (R4: never reused)."""
    return f"aset_register:{upb}:{kode_barang}"


@dataclass(frozen=True)
class AssetInput:
    """What the pengurus barang types for one kind of item; ``jumlah`` identical units are made from it."""

    kode_barang: str
    nama: str
    tahun: int
    harga: int  # per unit, whole Rupiah, incl. atribusi
    spesifikasi: str = ""
    merk_tipe: str = ""
    ukuran: str = ""
    bahan: str = ""
    satuan: str = "Unit"
    tanggal_perolehan: date | None = None
    asal_usul: str = "Pembelian"
    dasar_jenis: str = ""
    dasar_nomor: str = ""
    dasar_tanggal: date | None = None
    kondisi: int = 1
    ruang_id: int | None = None
    keterangan: str = ""
    no_pabrik: str = ""
    no_rangka: str = ""
    no_mesin: str = ""
    no_polisi: str = ""
    no_bpkb: str = ""
    tanah_id: int | None = None  # KIB C/D/F: the KIB A parcel (R10)
    intra: bool | None = None  # None: from the capitalisation threshold (R27); True/False: overridden
    intra_catatan: str = ""  # why it was overridden
    rincian: dict[str, Any] = field(default_factory=dict)  # golongan fields (AsetRincian)
    register: int | None = None  # given (an imported KIB): the first of the consecutive registers
    upb: str = ""
    nibar: str = ""  # given (an export read back) for one unit; the caller checked it is free


@dataclass(frozen=True)
class AssetInfo:
    id: int
    nibar: str
    upb: str
    kode_barang: str
    register: int
    register_text: str
    golongan: str
    nama: str
    spesifikasi: str
    merk_tipe: str
    ukuran: str
    bahan: str
    satuan: str
    tahun: int
    tanggal_perolehan: date | None
    harga_perolehan: int
    harga: int
    asal_usul: str
    dasar_jenis: str
    dasar_nomor: str
    dasar_tanggal: date | None
    kondisi: int
    intra: bool
    intra_manual: bool
    intra_catatan: str
    no_pabrik: str
    no_rangka: str
    no_mesin: str
    no_polisi: str
    no_bpkb: str
    tanah_id: int | None
    tanah_text: str  # "1.3.1.01.01.01.001.000001" of the parcel, for the card
    ruang_id: int | None
    ruang_nama: str
    pemegang_pegawai_id: int | None
    pemegang_nama: str
    unit: str
    status: str
    keterangan: str
    full_id: str  # what the label's QR holds: {kode_lokasi}.{kode_barang}.{register}
    created_at: datetime
    rincian: dict[str, Any] = field(default_factory=dict)

    @property
    def kondisi_text(self) -> str:
        return KONDISI_TEXT.get(self.kondisi, str(self.kondisi))

    @property
    def kode_register(self) -> str:
        return f"{self.kode_barang}.{self.register_text}"

    @property
    def has_own_numbers(self) -> bool:
        """Items with their own factory/chassis numbers always print one per row (R6)."""
        return bool(self.no_pabrik or self.no_rangka or self.no_mesin or self.no_polisi or self.no_bpkb)


@dataclass(frozen=True)
class CreateResult:
    assets: list[AssetInfo]  # empty when the caller asked for ids only (an import of thousands of rows)
    warnings: list[str]
    ids: list[int] = field(default_factory=list)


@dataclass
class Batch:
    """What many ``create_assets`` calls of one action share, read once: the threshold table and the kodes
    already checked (an imported KIB calls it for every line)."""

    thresholds: list[Ambang]
    kodes: dict[str, str | None] = field(default_factory=dict)  # kode -> its warning
    checked_rooms: set[int | None] = field(default_factory=set)
    checked_tanah: set[int | None] = field(default_factory=set)

    @classmethod
    def start(cls, session: Session) -> Batch:
        return cls(thresholds(session))


def _squash(text: str) -> str:
    return " ".join(str(text).split())


def search_key(*parts: str) -> str:
    return " ".join(" ".join(p.split()) for p in parts if p).casefold()


def full_id(kode_lokasi: str, kode_barang: str, register_text: str) -> str:
    base = f"{kode_barang}.{register_text}"
    return f"{kode_lokasi}.{base}" if kode_lokasi else base


def _rincian_dict(row: AsetRincian | None) -> dict[str, Any]:
    if row is None:
        return {}
    values = {name: getattr(row, name) for name in RINCIAN_FIELDS}
    return {k: v for k, v in values.items() if v not in (None, "")}


def _infos(session: Session, rows: Sequence[Aset], *, with_rincian: bool = False) -> list[AssetInfo]:
    s = get_settings(session)
    room_names = rooms.room_names(session, {r.ruang_id for r in rows if r.ruang_id is not None})
    tanah_ids = {r.tanah_id for r in rows if r.tanah_id is not None}
    tanah = {
        i: f"{k}.{format_register(reg, s.register_digit)}"
        for i, k, reg in session.execute(
            select(Aset.id, Aset.kode_barang, Aset.register).where(Aset.id.in_(tanah_ids))
        )
    } if tanah_ids else {}  # fmt: skip
    rincian: dict[int, AsetRincian] = {}
    if with_rincian and rows:
        found = session.scalars(select(AsetRincian).where(AsetRincian.aset_id.in_([r.id for r in rows])))
        rincian = {r.aset_id: r for r in found}
    out = []
    for r in rows:
        reg = format_register(r.register, s.register_digit)
        out.append(
            AssetInfo(
                id=r.id, nibar=r.nibar, upb=r.upb, kode_barang=r.kode_barang, register=r.register,
                register_text=reg, golongan=r.golongan, nama=r.nama, spesifikasi=r.spesifikasi,
                merk_tipe=r.merk_tipe, ukuran=r.ukuran, bahan=r.bahan, satuan=r.satuan, tahun=r.tahun,
                tanggal_perolehan=r.tanggal_perolehan, harga_perolehan=r.harga_perolehan, harga=r.harga,
                asal_usul=r.asal_usul, dasar_jenis=r.dasar_jenis, dasar_nomor=r.dasar_nomor,
                dasar_tanggal=r.dasar_tanggal, kondisi=r.kondisi, intra=r.intra, intra_manual=r.intra_manual,
                intra_catatan=r.intra_catatan, no_pabrik=r.no_pabrik, no_rangka=r.no_rangka,
                no_mesin=r.no_mesin, no_polisi=r.no_polisi, no_bpkb=r.no_bpkb, tanah_id=r.tanah_id,
                tanah_text=tanah.get(r.tanah_id, "") if r.tanah_id else "", ruang_id=r.ruang_id,
                ruang_nama=room_names.get(r.ruang_id, "") if r.ruang_id else "",
                pemegang_pegawai_id=r.pemegang_pegawai_id, pemegang_nama=r.pemegang_nama, unit=r.unit,
                status=r.status, keterangan=r.keterangan,
                full_id=full_id(s.kode_lokasi, r.kode_barang, reg), created_at=r.created_at,
                rincian=_rincian_dict(rincian.get(r.id)),
            )
        )  # fmt: skip
    return out


def _row(session: Session, aset_id: int) -> Aset:
    row = session.get(Aset, aset_id)
    if row is None:
        raise NotFound("Barang tidak ditemukan.")
    return row


def get_asset(session: Session, actor: Actor, aset_id: int) -> AssetInfo:
    actor.require(Perm.VIEW)
    return _infos(session, [_row(session, aset_id)], with_rincian=True)[0]


def get_assets(session: Session, actor: Actor, ids: Sequence[int]) -> list[AssetInfo]:
    """The items in the order of ``ids`` (missing ids are left out)."""
    actor.require(Perm.VIEW)
    if not ids:
        return []
    found = {r.id: r for r in session.scalars(select(Aset).where(Aset.id.in_(set(ids))))}
    return _infos(session, [found[i] for i in ids if i in found])


# --- rules --------------------------------------------------------------------------------------------------


def thresholds(session: Session) -> list[Ambang]:
    """The capitalisation table (R27) as the core rule reads it."""
    rows = session.execute(
        select(
            AmbangKapitalisasi.kode_prefix,
            AmbangKapitalisasi.mulai_tahun,
            AmbangKapitalisasi.nilai,
            AmbangKapitalisasi.catatan,
        )
    )
    return [Ambang(p, int(y), int(n), c) for p, y, n, c in rows]


def _clean_text(name: str, value: str) -> str:
    text = _squash(value)
    limit = _TEXT_LIMITS.get(name)
    if limit is not None and len(text) > limit:
        raise ValidationError(f"Isian {name.replace('_', ' ')} maksimal {limit} karakter.", name)
    return text


def _check_year(tahun: int, today: date) -> int:
    try:
        year = int(tahun)
    except (TypeError, ValueError) as exc:
        raise ValidationError("Tahun perolehan ditulis empat angka.", "tahun") from exc
    if not 1900 <= year <= today.year + 1:
        raise ValidationError(f"Tahun perolehan {year} tidak masuk akal.", "tahun")
    return year


def _check_money(value: int, name: str = "harga") -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError("Harga ditulis dalam Rupiah penuh tanpa sen.", name)
    if value < 0:
        raise ValidationError("Harga tidak boleh negatif.", name)
    if value > 10**15:
        raise ValidationError("Harga terlalu besar.", name)
    return value


def _check_kondisi(kondisi: int) -> int:
    if kondisi not in KONDISI_TEXT:
        raise ValidationError("Kondisi 1 (Baik), 2 (Rusak Ringan) atau 3 (Rusak Berat).", "kondisi")
    return kondisi


def _check_rincian(values: dict[str, Any]) -> dict[str, Any]:
    clean: dict[str, Any] = {}
    for name, value in values.items():
        if name not in RINCIAN_FIELDS:
            raise ValidationError(f"Isian {name} tidak dikenal.", name)
        if value in (None, ""):
            continue
        if name in _DATE_RINCIAN:
            if not isinstance(value, date):
                raise ValidationError("Tanggal tidak sah.", name)
        elif name in _BOOL_RINCIAN:
            value = bool(value)
        elif name in _INT_RINCIAN:
            value = _check_money(value, name)
        else:
            limit = AsetRincian.__table__.columns[name].type.length or 400  # type: ignore[attr-defined]
            value = _squash(str(value))
            if len(value) > limit:
                raise ValidationError(f"Isian {name.replace('_', ' ')} maksimal {limit} karakter.", name)
        clean[name] = value
    return clean


def _check_tanah(session: Session, tanah_id: int | None, golongan: str) -> int | None:
    if tanah_id is None:
        return None
    if golongan not in ("C", "D", "F"):
        raise ValidationError("Nomor kode tanah hanya untuk KIB C, D dan F.", "tanah_id")
    parcel = session.get(Aset, tanah_id)
    if parcel is None or parcel.golongan != "A":
        raise ValidationError("Nomor kode tanah harus menunjuk bidang tanah di KIB A.", "tanah_id")
    return tanah_id


def _check_room(session: Session, ruang_id: int | None) -> int | None:
    if ruang_id is None:
        return None
    room = session.get(Ruang, ruang_id)
    if room is None or not room.aktif:
        raise ValidationError("Ruangan tidak ditemukan atau tidak aktif.", "ruang_id")
    return ruang_id


def normalised_kode(text: str) -> tuple[str, str]:
    """(kode, golongan) of a code typed or imported; a ValidationError when it cannot be given to an item."""
    try:
        kode = normalise_kode(text)
    except KodeError as exc:
        raise ValidationError(str(exc), "kode_barang") from exc
    if not is_assignable(kode):
        raise ValidationError(
            f"Kode barang {kode} bukan kode rincian tingkat 7; pilih kode sampai sub sub rincian objek.",
            "kode_barang",
        )
    golongan = golongan_of(kode)
    if not golongan:
        raise ValidationError(f"Kode {kode} bukan aset tetap (KIB A–F).", "kode_barang")
    return kode, golongan


# --- creating -----------------------------------------------------------------------------------------------


_SNAPSHOT = ("kode_barang", "register", "nama", "merk_tipe", "tahun", "harga", "kondisi", "intra", "ruang_id")


def _snapshot(row: Aset) -> dict[str, Any]:
    return {k: getattr(row, k) for k in _SNAPSHOT}


@dataclass(frozen=True)
class _Prepared:
    """One checked entry: the columns of its rows but the register and NIBAR, and where its registers come
    from."""

    values: dict[str, Any]
    rincian: dict[str, Any]
    jumlah: int
    register: int | None  # the first given register, or None: from the counter
    tanggal: date  # the perolehan mutation's date
    nibar: str  # given, or "": from the counter


def _prepare(
    session: Session, actor: Actor, data: AssetInput, jumlah: int, today: date, batch: Batch, doc: DocRef
) -> tuple[_Prepared, str | None]:
    if isinstance(jumlah, bool) or not isinstance(jumlah, int) or not 1 <= jumlah <= MAX_BATCH:
        raise ValidationError(f"Jumlah barang 1 sampai {MAX_BATCH}.", "jumlah")
    kode, golongan = normalised_kode(data.kode_barang)
    nama = _clean_text("nama", data.nama)
    if not nama:
        raise ValidationError("Nama barang wajib diisi.", "nama")
    if kode in batch.kodes:
        warning = batch.kodes[kode]
    else:
        _, warning = kode_service.ensure_kode(session, actor, kode, nama)
        batch.kodes[kode] = warning
    tahun = _check_year(data.tahun, today)
    harga = _check_money(data.harga)
    kondisi = _check_kondisi(data.kondisi)
    if data.tanggal_perolehan is not None and data.tanggal_perolehan > today:
        raise ValidationError("Tanggal perolehan tidak boleh sesudah hari ini.", "tanggal_perolehan")
    if data.tanggal_perolehan is not None and data.tanggal_perolehan.year != tahun:
        raise ValidationError("Tahun perolehan harus sama dengan tahun tanggal perolehan.", "tahun")
    texts = {name: _clean_text(name, getattr(data, name)) for name in _TEXT_LIMITS if name != "nama"}
    if jumlah > 1 and any(texts[n] for n in ("no_pabrik", "no_rangka", "no_mesin", "no_polisi", "no_bpkb")):
        raise ValidationError(
            "Barang dengan nomor pabrik/rangka/mesin/polisi/BPKB sendiri dicatat satu per satu.", "jumlah"
        )
    rincian = _check_rincian(data.rincian)
    if data.tanah_id not in batch.checked_tanah:
        _check_tanah(session, data.tanah_id, golongan)
        if golongan in ("C", "D", "F"):
            batch.checked_tanah.add(data.tanah_id)
    if data.ruang_id not in batch.checked_rooms:
        _check_room(session, data.ruang_id)
        batch.checked_rooms.add(data.ruang_id)
    if data.intra is None:
        intra, manual, catatan = is_intra(kode, harga, tahun, batch.thresholds), False, ""
    else:
        catatan = _squash(data.intra_catatan)[:300]
        if not catatan:
            raise ValidationError("Tulis alasan mengubah status intra/ekstrakomptabel.", "intra_catatan")
        intra, manual = bool(data.intra), True
    if data.register is not None:
        first = int(data.register)
        if first < 1 or first + jumlah - 1 > 999_999:
            raise ValidationError("Nomor register 1 sampai 999999.", "register")
    nibar = data.nibar.strip()
    if nibar and (jumlah != 1 or len(nibar) > 30):
        raise ValidationError("NIBAR diberikan untuk satu barang saja (maksimal 30 karakter).", "nibar")
    values = dict(
        upb=_squash(data.upb)[:60], kode_barang=kode, golongan=golongan, nama=nama,
        nama_kunci=search_key(nama, texts["merk_tipe"], texts["spesifikasi"])[:300], tahun=tahun,
        tanggal_perolehan=data.tanggal_perolehan, harga_perolehan=harga, harga=harga, kondisi=kondisi,
        intra=intra, intra_manual=manual, intra_catatan=catatan, tanah_id=data.tanah_id,
        ruang_id=data.ruang_id, dasar_tanggal=data.dasar_tanggal, status="aktif", **texts,
    )  # fmt: skip
    tanggal = data.tanggal_perolehan or doc.tanggal or today
    return _Prepared(values, rincian, jumlah, data.register, tanggal, nibar), warning


def _check_given_registers(session: Session, prepared: Sequence[_Prepared]) -> None:
    """Registers a file gives must be free, in the database and between its own lines (R4: never reused)."""
    wanted: dict[tuple[str, str], set[int]] = {}
    for p in prepared:
        if p.register is None:
            continue
        key = (p.values["upb"], p.values["kode_barang"])
        regs = set(range(p.register, p.register + p.jumlah))
        clash = wanted.setdefault(key, set()) & regs
        if clash:
            shown = ", ".join(format_register(r) for r in sorted(clash)[:5])
            raise ValidationError(f"Register {shown} untuk kode {key[1]} dipakai dua kali.", "register")
        wanted[key] |= regs
    for (upb, kode), regs in wanted.items():
        ordered = sorted(regs)
        for start in range(0, len(ordered), 500):
            chunk = ordered[start : start + 500]
            taken = session.scalars(
                select(Aset.register).where(
                    Aset.upb == upb, Aset.kode_barang == kode, Aset.register.in_(chunk)
                )
            ).all()
            if taken:
                shown = ", ".join(format_register(r) for r in sorted(taken)[:5])
                raise ValidationError(f"Register {shown} untuk kode {kode} sudah dipakai.", "register")
        counters.raise_to(session, register_series(upb, kode), "0", ordered[-1])


def create_many(
    session: Session,
    actor: Actor,
    entries: Sequence[tuple[AssetInput, int]],
    *,
    doc: DocRef = NO_DOC,
    today: date | None = None,
    batch: Batch | None = None,
    with_infos: bool = True,
    labels: Sequence[str] | None = None,
) -> CreateResult:
    """Record several kinds of item in one action (a receipt, an imported KIB): every entry is checked first,
    then registers and NIBARs are taken in blocks and the rows, their details and their perolehan mutations
    are written with one INSERT each — an imported KIB of 10,000 lines is one statement per table, not 10,000.

    Entries that give registers keep them (and raise the counter past them); the others take the next
    registers of their kode in entry order. ``with_infos=False`` returns only the ids; ``labels`` name the
    entries in error messages ("baris 12: …")."""
    actor.require(Perm.WRITE_ASSETS)
    if not entries:
        return CreateResult([], [], [])
    today = today or office.today(session)
    batch = batch or Batch.start(session)
    prepared: list[_Prepared] = []
    warnings: list[str] = []
    for index, (data, jumlah) in enumerate(entries):
        try:
            p, warning = _prepare(session, actor, data, jumlah, today, batch, doc)
        except ValidationError as exc:
            if labels is None:
                raise
            raise ValidationError(f"{labels[index]}: {exc}", exc.field) from exc
        prepared.append(p)
        if warning:
            text = f"{labels[index]}: {warning}" if labels is not None else warning
            if text not in warnings:
                warnings.append(text)
    _check_given_registers(session, prepared)
    auto: dict[tuple[str, str], int] = {}
    for p in prepared:
        if p.register is None:
            key = (p.values["upb"], p.values["kode_barang"])
            auto[key] = auto.get(key, 0) + p.jumlah
    next_auto = {k: counters.take_block(session, register_series(*k), "0", n) for k, n in auto.items()}
    total = sum(p.jumlah for p in prepared)
    from_counter = sum(p.jumlah for p in prepared if not p.nibar)
    nibar = counters.take_block(session, NIBAR_SERIES, "0", from_counter) if from_counter else 0
    now = clock.utc_now()
    rows: list[dict[str, Any]] = []
    for p in prepared:
        if p.register is None:
            key = (p.values["upb"], p.values["kode_barang"])
            first, next_auto[key] = next_auto[key], next_auto[key] + p.jumlah
        else:
            first = p.register
        for i in range(p.jumlah):
            if p.nibar:
                given = p.nibar
            else:
                given, nibar = f"{nibar:010d}", nibar + 1
            rows.append(
                {**p.values, "register": first + i, "nibar": given, "created_at": now, "updated_at": now}
            )
    ids = list(session.scalars(insert(Aset).returning(Aset.id, sort_by_parameter_order=True), rows))
    details: list[dict[str, Any]] = []
    mutations: list[dict[str, Any]] = []
    at = 0
    for p in prepared:
        for _ in range(p.jumlah):
            row, aset_id = rows[at], ids[at]
            at += 1
            if p.rincian:
                details.append({"aset_id": aset_id, **p.rincian})
            mutations.append(
                ledger.row_values(
                    actor, aset_id, "perolehan", p.tanggal, after={k: row[k] for k in _SNAPSHOT},
                    nilai=row["harga"], doc=doc,
                )
            )  # fmt: skip
    if details:
        session.execute(insert(AsetRincian), details)
    session.execute(insert(AsetMutasi), mutations)
    rooms.touch_kir(session, {p.values["ruang_id"] for p in prepared})
    first_p = prepared[0]
    if len(prepared) == 1:
        regs = format_register(rows[0]["register"])
        if total > 1:
            regs += f" s/d {format_register(rows[-1]['register'])}"
        summary = (
            f"{total} {first_p.values['nama']} ({first_p.values['kode_barang']}, register {regs}) dicatat"
        )
    else:
        summary = f"{total} barang dalam {len(prepared)} baris dicatat"
        if doc.nomor:
            summary += f" ({doc.jenis} {doc.nomor})"
    audit.record(
        session, actor, "buat", "aset", ids[0], summary=summary[:400],
        after={"jumlah": total, "baris": len(prepared), "register_awal": rows[0]["register"]},
    )  # fmt: skip
    if not with_infos:
        return CreateResult([], warnings, ids)
    found = {r.id: r for r in session.scalars(select(Aset).where(Aset.id.in_(ids)))}
    return CreateResult(_infos(session, [found[i] for i in ids]), warnings, ids)


def create_assets(
    session: Session,
    actor: Actor,
    data: AssetInput,
    jumlah: int = 1,
    *,
    doc: DocRef = NO_DOC,
    today: date | None = None,
    batch: Batch | None = None,
    with_infos: bool = True,
) -> CreateResult:
    """Record ``jumlah`` identical units (R6): N rows with consecutive registers of the kode in the UPB (taken
    from the counter, or from ``data.register`` when an imported KIB gives them), each with its own NIBAR and a
    perolehan mutation. A well-formed level-7 kode missing from the list is kept as a user code with a warning.

    ``batch`` shares the rule tables between the calls of one action; ``with_infos=False`` returns only ids."""
    return create_many(
        session, actor, [(data, jumlah)], doc=doc, today=today, batch=batch, with_infos=with_infos
    )


# --- listing and finding ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AssetFilter:
    golongan: str = ""  # A-F, "" = all
    text: str = ""
    ruang_id: int | None = None
    tanpa_ruang: bool = False
    kondisi: int | None = None
    intra: bool | None = None
    status: str = "aktif"  # aktif / dihapus / "" = all


# A search is counted only up to SEARCH_COUNT_CAP + 1 ("lebih dari 1.000"): nobody reads a thousand hits, and
# counting every item whose name starts with the two letters typed so far is what made each keystroke slow.
SEARCH_COUNT_CAP = 1000
_CODE_PREFIX = re.compile(r"\d+(\.\d+)*\.?")


def _text_conditions(session: Session, text: str) -> list[ColumnElement[bool]]:
    """What the search box asks, word by word (every word must match): a word with dots is the start of a kode
    barang; a number is a register, a NIBAR or the start of a word; any other word starts a word of the name,
    merk/spesifikasi or the factory, frame, engine or police number (the word index of migration 0014)."""
    conds: list[ColumnElement[bool]] = []
    prefixes: list[str] = []  # the words for the index, looked up together
    for word in text.split():
        w = word.casefold()
        if "." in w and _CODE_PREFIX.fullmatch(w):
            start = w.rstrip(".")
            # A range, not LIKE: it reads the KIB-order index (LIKE ignores it under SQLite's default).
            conds.append(and_(Aset.kode_barang >= start, Aset.kode_barang < start + "\x7f"))
        elif w.isdigit():
            # One set of ids from three indexes: as an OR of conditions SQLite would check every row instead.
            by_nibar = select(Aset.id).where(Aset.nibar == w)
            number = (
                by_nibar.union(select(Aset.id).where(Aset.register == int(w))) if len(w) <= 9 else by_nibar
            )
            conds.append(or_(fulltext.asset_condition(session, Aset.id, [w]), Aset.id.in_(number)))
        else:
            prefixes += fulltext.words(w)
    if prefixes:
        conds.append(fulltext.asset_condition(session, Aset.id, prefixes))
    return conds


def _filter_conditions(filters: AssetFilter) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = []
    if filters.golongan:
        conds.append(Aset.golongan == filters.golongan)
    if filters.status:
        conds.append(Aset.status == filters.status)
    if filters.ruang_id is not None:
        conds.append(Aset.ruang_id == filters.ruang_id)
    if filters.tanpa_ruang:
        conds.append(Aset.ruang_id.is_(None))
    if filters.kondisi is not None:
        conds.append(Aset.kondisi == filters.kondisi)
    if filters.intra is not None:
        conds.append(Aset.intra.is_(filters.intra))
    return conds


def _conditions(session: Session, filters: AssetFilter) -> list[ColumnElement[bool]]:
    return _filter_conditions(filters) + _text_conditions(session, filters.text)


_KIB_ORDER = (Aset.kode_barang, Aset.register, Aset.id)


def list_assets(
    session: Session, actor: Actor, filters: AssetFilter, *, limit: int = 200, offset: int = 0
) -> tuple[list[AssetInfo], int]:
    """One page of the list in KIB order (kode, register) and the size of the whole list; with search words the
    size counts up to SEARCH_COUNT_CAP + 1 (more than that many)."""
    actor.require(Perm.VIEW)
    conds = _filter_conditions(filters)
    searched = _text_conditions(session, filters.text)
    if not searched:
        total = session.scalar(select(func.count()).select_from(Aset).where(*conds))
        rows = session.scalars(
            select(Aset).where(*conds).order_by(*_KIB_ORDER).limit(limit).offset(offset)
        ).all()
        return _infos(session, rows), int(total or 0)
    # The hits first, in whatever order the indexes give them: they are the count, and when they are few the
    # page is sorted from them alone (KIB order over all 50,000 rows would check every row for a rare word).
    conds += searched
    found = list(session.scalars(select(Aset.id).where(*conds).limit(SEARCH_COUNT_CAP + 1)))
    if len(found) <= SEARCH_COUNT_CAP:
        page = select(Aset).where(Aset.id.in_(found)) if found else None
    else:  # a common prefix: its hits are dense, so the KIB-order index finds a page of them soon
        page = select(Aset).where(*conds)
    rows = (
        session.scalars(page.order_by(*_KIB_ORDER).limit(limit).offset(offset)).all()
        if page is not None
        else []
    )
    return _infos(session, rows), len(found)


def asset_ids(session: Session, actor: Actor, filters: AssetFilter) -> list[int]:
    """Every id of the list, in KIB order (for printing and exporting a whole list)."""
    actor.require(Perm.VIEW)
    return list(
        session.scalars(
            select(Aset.id)
            .where(*_conditions(session, filters))
            .order_by(Aset.kode_barang, Aset.register, Aset.id)
        )
    )


def find_by_scan(session: Session, actor: Actor, text: str) -> AssetInfo | None:
    """The item a USB scanner (a keyboard) typed: the label's full ID, ``kode.register`` or a NIBAR."""
    actor.require(Perm.VIEW)
    raw = text.strip()
    if not raw:
        return None
    if raw.isdigit():
        row = session.scalar(select(Aset).where(Aset.nibar == raw))
        return _infos(session, [row])[0] if row is not None else None
    parts = raw.split(".")
    if len(parts) < 8 or not all(p.isdigit() for p in parts):
        return None
    register = int(parts[-1])
    kode = ".".join(parts[-8:-1])
    kode_lokasi = ".".join(parts[:-8])
    s = get_settings(session)
    if kode_lokasi and s.kode_lokasi and kode_lokasi != s.kode_lokasi:
        return None  # a label of another UPB
    row = session.scalar(
        select(Aset).where(Aset.kode_barang == kode, Aset.register == register).order_by(Aset.upb).limit(1)
    )
    return _infos(session, [row])[0] if row is not None else None


def history(session: Session, actor: Actor, aset_id: int) -> list[ledger.MutationInfo]:
    actor.require(Perm.VIEW)
    _row(session, aset_id)
    return ledger.history(session, aset_id)


# --- changing -----------------------------------------------------------------------------------------------


def writable_row(session: Session, actor: Actor, aset_id: int) -> Aset:
    """The item's row for a change by this module's services (the BAST finalising); an item written off is
    read-only."""
    actor.require(Perm.WRITE_ASSETS)
    row = _row(session, aset_id)
    if row.status != "aktif":
        raise ValidationError("Barang sudah dihapus; riwayatnya hanya dapat dilihat.")
    return row


def _touch(row: Aset) -> None:
    row.updated_at = clock.utc_now()


def correct(
    session: Session,
    actor: Actor,
    aset_id: int,
    changes: dict[str, Any],
    *,
    alasan: str,
    doc: DocRef = NO_DOC,
    rincian: dict[str, Any] | None = None,
    today: date | None = None,
) -> AssetInfo:
    """A koreksi (R29): the fields change, the mutation keeps what they were. Nothing changed, nothing written."""
    row = writable_row(session, actor, aset_id)
    today = today or office.today(session)
    alasan = _squash(alasan)
    if not alasan:
        raise ValidationError("Tulis alasan koreksi.", "alasan")
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValidationError(f"Isian {', '.join(sorted(unknown))} tidak dapat dikoreksi di sini.")
    clean: dict[str, Any] = {}
    for name, value in changes.items():
        if name in _TEXT_LIMITS:
            value = _clean_text(name, value)
        elif name == "tahun":
            value = _check_year(value, today)
        elif name == "harga":
            value = _check_money(value)
        elif name == "tanah_id":
            value = _check_tanah(session, value, row.golongan)
        clean[name] = value
    if "nama" in clean and not clean["nama"]:
        raise ValidationError("Nama barang wajib diisi.", "nama")
    before = {k: getattr(row, k) for k in clean if getattr(row, k) != clean[k]}
    after = {k: clean[k] for k in before}
    rincian_before: dict[str, Any] = {}
    rincian_after: dict[str, Any] = {}
    if rincian is not None:
        new = _check_rincian(rincian)
        detail = session.get(AsetRincian, row.id)
        old = _rincian_dict(detail)
        for name in RINCIAN_FIELDS:
            if old.get(name) != new.get(name):
                rincian_before[name], rincian_after[name] = old.get(name), new.get(name)
        if rincian_after:
            if detail is None:
                detail = AsetRincian(aset_id=row.id)
                session.add(detail)
            for name in RINCIAN_FIELDS:
                setattr(
                    detail,
                    name,
                    new.get(name, None if name in _DATE_RINCIAN | _BOOL_RINCIAN | _INT_RINCIAN else ""),
                )
    if not after and not rincian_after:
        return get_asset(session, actor, aset_id)
    for name, value in after.items():
        setattr(row, name, value)
    if {"nama", "merk_tipe", "spesifikasi"} & set(after):
        row.nama_kunci = search_key(row.nama, row.merk_tipe, row.spesifikasi)[:300]
    _touch(row)
    session.flush()
    nilai = after.get("harga", row.harga) - before.get("harga", row.harga) if "harga" in after else 0
    ledger.record(
        session, actor, row, "koreksi", today, before={**before, **rincian_before},
        after={**after, **rincian_after}, nilai=nilai, doc=doc, keterangan=alasan,
    )  # fmt: skip
    rooms.touch_kir(session, [row.ruang_id])
    audit.record(session, actor, "ubah", "aset", row.id, summary=f"Koreksi {row.nama}: {alasan}",
                 before=before, after=after)  # fmt: skip
    return get_asset(session, actor, aset_id)


def reclassify(
    session: Session, actor: Actor, aset_id: int, kode_baru: str, *, alasan: str, doc: DocRef = NO_DOC,
    today: date | None = None,
) -> AssetInfo:  # fmt: skip
    """Reklasifikasi (R5): a new kode and the next register of it; the NIBAR stays, the history keeps the old."""
    row = writable_row(session, actor, aset_id)
    today = today or office.today(session)
    alasan = _squash(alasan)
    if not alasan:
        raise ValidationError("Tulis alasan reklasifikasi.", "alasan")
    kode, golongan = normalised_kode(kode_baru)
    if kode == row.kode_barang:
        raise ValidationError("Kode baru sama dengan kode sekarang.", "kode_barang")
    kode_service.ensure_kode(session, actor, kode, row.nama)
    register = counters.next_number(session, register_series(row.upb, kode), "0")
    before = {"kode_barang": row.kode_barang, "register": row.register, "golongan": row.golongan}
    row.kode_barang, row.register, row.golongan = kode, register, golongan
    if golongan not in ("C", "D", "F"):
        row.tanah_id = None
    _touch(row)
    session.flush()
    after = {"kode_barang": kode, "register": register, "golongan": golongan}
    ledger.record(
        session, actor, row, "reklas", today, before=before, after=after, doc=doc, keterangan=alasan
    )
    rooms.touch_kir(session, [row.ruang_id])
    audit.record(session, actor, "ubah", "aset", row.id, summary=f"Reklasifikasi {row.nama}: {alasan}",
                 before=before, after=after)  # fmt: skip
    return get_asset(session, actor, aset_id)


def move_to_room(
    session: Session, actor: Actor, aset_ids: Sequence[int], ruang_id: int | None, *,
    tanggal: date | None = None, doc: DocRef = NO_DOC, keterangan: str = "",
) -> int:  # fmt: skip
    """Pindah ruang (R12): one mutation per item that really moves; both rooms' KIR are marked changed.
    Returns how many items moved."""
    actor.require(Perm.WRITE_ASSETS)
    tanggal = tanggal or office.today(session)
    _check_room(session, ruang_id)
    moved = 0
    touched: set[int | None] = {ruang_id}
    for aset_id in aset_ids:
        row = writable_row(session, actor, aset_id)
        if row.ruang_id == ruang_id:
            continue
        touched.add(row.ruang_id)
        before = {"ruang_id": row.ruang_id}
        row.ruang_id = ruang_id
        _touch(row)
        ledger.record(session, actor, row, "pindah_ruang", tanggal, before=before,
                      after={"ruang_id": ruang_id}, doc=doc, keterangan=keterangan)  # fmt: skip
        moved += 1
    if moved:
        rooms.touch_kir(session, touched)
        session.flush()
        audit.record(session, actor, "ubah", "aset", ",".join(str(i) for i in aset_ids[:20]),
                     summary=f"{moved} barang dipindah ruang")  # fmt: skip
    return moved


def set_condition(
    session: Session, actor: Actor, aset_id: int, kondisi: int, *, tanggal: date | None = None,
    doc: DocRef = NO_DOC, keterangan: str = "",
) -> AssetInfo:  # fmt: skip
    row = writable_row(session, actor, aset_id)
    kondisi = _check_kondisi(kondisi)
    if kondisi == row.kondisi:
        return get_asset(session, actor, aset_id)
    before = {"kondisi": row.kondisi}
    row.kondisi = kondisi
    _touch(row)
    session.flush()
    ledger.record(session, actor, row, "kondisi", tanggal or office.today(session), before=before,
                  after={"kondisi": kondisi}, doc=doc, keterangan=keterangan)  # fmt: skip
    rooms.touch_kir(session, [row.ruang_id])
    audit.record(session, actor, "ubah", "aset", row.id,
                 summary=f"Kondisi {row.nama} menjadi {KONDISI_TEXT[kondisi]}")  # fmt: skip
    return get_asset(session, actor, aset_id)


def record_maintenance(
    session: Session, actor: Actor, aset_id: int, *, tanggal: date, nilai: int, uraian: str,
    kapitalisasi: bool, doc: DocRef = NO_DOC,
) -> AssetInfo:  # fmt: skip
    """Pemeliharaan: logged only, or capitalised (R26): then the value is added to harga and the remaining life
    is extended by the band the percentage of the acquisition value falls in (see the depreciation service)."""
    row = writable_row(session, actor, aset_id)
    nilai = _check_money(nilai, "nilai")
    if nilai <= 0:
        raise ValidationError("Nilai pemeliharaan wajib diisi.", "nilai")
    uraian = _squash(uraian)
    if not uraian:
        raise ValidationError("Tulis uraian pemeliharaan.", "uraian")
    if tanggal > office.today(session):
        raise ValidationError("Tanggal pemeliharaan tidak boleh sesudah hari ini.", "tanggal")
    if kapitalisasi:
        before = {"harga": row.harga}
        row.harga = row.harga + nilai
        _touch(row)
        session.flush()
        ledger.record(session, actor, row, "kapitalisasi", tanggal, before=before, after={"harga": row.harga},
                      nilai=nilai, doc=doc, keterangan=uraian[:500])  # fmt: skip
    else:
        ledger.record(
            session, actor, row, "pemeliharaan", tanggal, nilai=nilai, doc=doc, keterangan=uraian[:500]
        )
    audit.record(session, actor, "ubah", "aset", row.id,
                 summary=f"{'Kapitalisasi' if kapitalisasi else 'Pemeliharaan'} {row.nama}: {uraian}")  # fmt: skip
    return get_asset(session, actor, aset_id)


def write_off(
    session: Session, actor: Actor, aset_id: int, *, tanggal: date, alasan: str, doc: DocRef,
) -> AssetInfo:  # fmt: skip
    """Penghapusan: the item leaves the KIB and the KIR, the row and its history stay (nothing is deleted)."""
    row = writable_row(session, actor, aset_id)
    alasan = _squash(alasan)
    if not alasan:
        raise ValidationError("Tulis alasan penghapusan.", "alasan")
    if not doc.nomor:
        raise ValidationError("Penghapusan memerlukan nomor SK/BA penghapusan.", "dokumen")
    before = {"status": row.status, "ruang_id": row.ruang_id}
    old_room = row.ruang_id
    row.status = "dihapus"
    _touch(row)
    session.flush()
    ledger.record(session, actor, row, "hapus", tanggal, before=before, after={"status": "dihapus"}, doc=doc,
                  keterangan=alasan)  # fmt: skip
    rooms.touch_kir(session, [old_room])
    audit.record(session, actor, "hapus", "aset", row.id, summary=f"Penghapusan {row.nama}: {alasan}")
    return get_asset(session, actor, aset_id)


def set_holder(
    session: Session, actor: Actor, row: Aset, jenis: str, tanggal: date, *, pegawai_id: int | None,
    nama: str, unit: str, ruang_id: int | None, doc: DocRef, keterangan: str = "",
) -> None:  # fmt: skip
    """Serah / kembali / pengamanan (R18): holder, unit and room change together, one mutation. Used by the BAST
    service when a document is finalised; the caller checked the permission and owns the transaction."""
    before = {"pemegang_pegawai_id": row.pemegang_pegawai_id, "pemegang_nama": row.pemegang_nama,
              "unit": row.unit, "ruang_id": row.ruang_id}  # fmt: skip
    if pegawai_id is not None and session.get(Pegawai, pegawai_id) is None:
        raise ValidationError("Pegawai pemegang tidak ditemukan.", "pemegang")
    old_room = row.ruang_id
    row.pemegang_pegawai_id, row.pemegang_nama, row.unit = pegawai_id, nama[:200], unit[:200]
    row.ruang_id = ruang_id
    _touch(row)
    after = {"pemegang_pegawai_id": pegawai_id, "pemegang_nama": row.pemegang_nama, "unit": row.unit,
             "ruang_id": ruang_id}  # fmt: skip
    ledger.record(
        session, actor, row, jenis, tanggal, before=before, after=after, doc=doc, keterangan=keterangan
    )
    rooms.touch_kir(session, [old_room, ruang_id])


def info_fields() -> tuple[str, ...]:
    return tuple(f.name for f in fields(AssetInfo))
