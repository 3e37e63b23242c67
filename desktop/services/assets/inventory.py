"""Inventarisasi (R23, R24): a census snapshots its scope, labels scanned tick the lines, the team records what it
found, and the results become the LHI lists, the BA and a follow-up list that is applied to the KIB by hand."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, case, func, insert, literal, select, update
from sqlalchemy.orm import Session

from desktop.core import clock
from desktop.core.assets.kondisi import KONDISI, kondisi_label
from desktop.core.assets.register import format_register
from desktop.core.dates import format_date_numeric
from desktop.models.assets import Aset, Inventarisasi, InventarisasiBaris, Ruang
from desktop.printing.assets.inventory import (
    BaCounts,
    BaData,
    LhiData,
    LhiLine,
    LhiSection,
    LkiData,
    LkiLine,
    build_ba,
    build_lhi,
    build_lki,
)
from desktop.printing.data import Signer
from desktop.services.assets import items, rooms
from desktop.services.assets.ledger import DocRef
from desktop.services.assets.parties import snapshot
from desktop.services.assets.settings import get_settings
from desktop.services.common import audit, office, printed
from desktop.services.common.errors import NotFound, ValidationError
from desktop.services.common.permissions import Actor, Perm

__all__ = [
    "CAKUPAN",
    "CENSUS_PRINTS",
    "DOC_JENIS",
    "GROUPS",
    "KEBERADAAN",
    "PENGGUNAAN",
    "CensusInfo",
    "FollowUpGroup",
    "LineFilter",
    "LineInfo",
    "RoomProgress",
    "ScanResult",
    "add_found",
    "add_to_scope",
    "apply_follow_up",
    "ba_pdf",
    "check_scan",
    "finish",
    "follow_up",
    "get_census",
    "lhi_pdf",
    "lines",
    "list_censuses",
    "lki_pdf",
    "progress",
    "record_census_printed",
    "set_result",
    "start",
]

CAKUPAN = {"ruang": "Satu ruangan", "golongan": "Satu golongan (KIB)", "semua": "Semua barang"}
KEBERADAAN = {"": "Belum dicek", "ada": "Ada", "hilang": "Hilang", "tidak_ditemukan": "Tidak ditemukan"}
PENGGUNAAN = {
    "pemda_sendiri": "Pemda sendiri",
    "pusat": "Pemerintah pusat",
    "pemda_lain": "Pemda lain",
    "pihak_lain": "Pihak lain",
}
GOLONGAN = ("A", "B", "C", "D", "E", "F")
DOC_JENIS = "Inventarisasi"  # the document of the mutations a follow-up writes
# ``tindak_lanjut`` of a line holds one letter per group already applied: a line can sit in several groups
# (a chair found in another room and broken) and each group is applied on its own.
_CODE = {
    "hilang": "h",
    "tidak_ditemukan": "t",
    "pihak_lain": "p",
    "kondisi": "k",
    "ruang": "r",
    "spesifikasi": "s",
    "ganda": "g",
    "belum_tercatat": "b",
}

# Scan outcomes.
FOUND = "ada"
OTHER_ROOM = "ruang_berbeda"
OUT_OF_SCOPE = "luar_cakupan"
WRITTEN_OFF = "dihapus"
UNKNOWN = "tidak_dikenal"


@dataclass(frozen=True)
class CensusInfo:
    id: int
    nama: str
    cakupan: str
    ruang_id: int | None
    ruang_nama: str
    golongan: str
    sk_nomor: str
    tanggal_mulai: date
    tanggal_selesai: date | None
    status: str
    total: int
    dicek: int

    @property
    def scope_text(self) -> str:
        if self.cakupan == "ruang":
            return f"Ruangan {self.ruang_nama}"
        if self.cakupan == "golongan":
            return f"KIB {self.golongan}"
        return "Semua barang"

    @property
    def selesai(self) -> bool:
        return self.status == "selesai"


@dataclass(frozen=True)
class LineInfo:
    """One line of a census: a recorded item (``aset_id``) or goods found but not recorded (A.7).
    ``ruang_id`` is where the team found it (the recorded room until a scan says otherwise);
    ``aset_ruang_id`` / ``aset_kondisi`` what the KIB holds now."""

    id: int
    aset_id: int | None
    kode_barang: str
    register_text: str
    nibar: str
    nama: str
    merk_tipe: str
    tahun: int | None
    harga: int
    ruang_id: int | None
    ruang_nama: str
    aset_ruang_id: int | None
    aset_ruang_nama: str
    aset_kondisi: int | None
    keberadaan: str
    kondisi: int | None
    penggunaan: str
    spesifikasi_sesuai: bool | None
    tercatat_ganda: bool
    jumlah: int
    catatan: str
    tindak_lanjut: str
    dicek_at: datetime | None

    @property
    def temuan(self) -> bool:
        return self.aset_id is None

    @property
    def dicek(self) -> bool:
        return bool(self.keberadaan)

    @property
    def ruang_berbeda(self) -> bool:
        return self.keberadaan == "ada" and self.aset_id is not None and self.ruang_id != self.aset_ruang_id

    @property
    def kondisi_berubah(self) -> bool:
        return (
            self.keberadaan == "ada"
            and self.aset_id is not None
            and self.kondisi is not None
            and self.kondisi != self.aset_kondisi
        )


@dataclass(frozen=True)
class ScanResult:
    """What a scan did. ``status``: ``ada`` (ticked), ``ruang_berbeda`` (ticked, recorded in another room:
    perubahan data), ``luar_cakupan`` (a known item outside the census: offer to add it), ``dihapus`` (written
    off) or ``tidak_dikenal``. ``ulang`` when the line had been ticked before."""

    status: str
    pesan: str
    line: LineInfo | None = None
    aset: items.AssetInfo | None = None
    ulang: bool = False

    @property
    def ticked(self) -> bool:
        return self.status in (FOUND, OTHER_ROOM)


@dataclass(frozen=True)
class RoomProgress:
    ruang_id: int | None
    ruang_nama: str
    dicek: int
    total: int


@dataclass(frozen=True)
class LineFilter:
    keberadaan: str | None = None  # None: all; "" belum; "ada" / "hilang" / "tidak_ditemukan"
    ruang_id: int | None = None
    temuan: bool | None = None  # True: A.7 only
    text: str = ""


@dataclass(frozen=True)
class FollowUpGroup:
    """One LHI list and its follow-up (R24). ``applicable``: "Terapkan" changes the KIB (kondisi, ruang);
    the others need their own document (SK penghapusan, a new record, a koreksi) and are marked done."""

    key: str
    judul: str
    format_kode: str
    tindakan: str
    applicable: bool
    lines: list[LineInfo]

    def is_done(self, line: LineInfo) -> bool:
        return _CODE[self.key] in line.tindak_lanjut

    @property
    def pending(self) -> int:
        return sum(1 for line in self.lines if not self.is_done(line))


# (key, LHI heading, format, follow-up, applied to the KIB by "Terapkan")
GROUPS: tuple[tuple[str, str, str, str, bool], ...] = (
    ("hilang", "Daftar Barang Hilang", "III.B.1", "Penghapusan atau Tuntutan Ganti Rugi (TGR)", False),
    (
        "tidak_ditemukan",
        "Daftar Barang Tidak Diketemukan",
        "III.B.2",
        "Penelusuran, lalu penghapusan atau Tuntutan Ganti Rugi (TGR)",
        False,
    ),
    ("pihak_lain", "Daftar Barang Dipakai Pihak Lain", "III.B.5", "Penarikan atau BAST pengamanan", False),
    ("kondisi", "Daftar Barang Mengalami Perubahan Kondisi", "III.B.6", "Pemutakhiran kondisi di KIB", True),
    ("ruang", "Daftar Barang Mengalami Perubahan Data (Ruangan)", "III.B.7", "Pindah ruang (KIR)", True),
    (
        "spesifikasi",
        "Daftar Barang Mengalami Perubahan Data (Spesifikasi)",
        "III.B.7",
        "Koreksi atau reklasifikasi",
        False,
    ),
    ("ganda", "Daftar Barang Tercatat Ganda", "III.B.8", "Koreksi (penghapusan catatan ganda)", False),
    ("belum_tercatat", "Daftar Barang Belum Tercatat", "III.B.10 / A.7", "Pencatatan di KIB", False),
)
_GROUP = {g[0]: g for g in GROUPS}


def _squash(text: str) -> str:
    return " ".join(str(text).split())


# --- reading ------------------------------------------------------------------------------------------------


def _census(session: Session, inv_id: int) -> Inventarisasi:
    row = session.get(Inventarisasi, inv_id)
    if row is None:
        raise NotFound("Inventarisasi tidak ditemukan.")
    return row


def _open_census(session: Session, actor: Actor, inv_id: int) -> Inventarisasi:
    actor.require(Perm.WRITE_ASSETS)
    row = _census(session, inv_id)
    if row.status != "berjalan":
        raise ValidationError(f"Inventarisasi {row.nama} sudah selesai; hasilnya tidak diubah lagi.")
    return row


def _counts(session: Session, ids: Sequence[int]) -> dict[int, tuple[int, int]]:
    if not ids:
        return {}
    checked = func.sum(case((InventarisasiBaris.keberadaan != "", 1), else_=0))
    rows = session.execute(
        select(InventarisasiBaris.inventarisasi_id, func.count(), checked)
        .where(InventarisasiBaris.inventarisasi_id.in_(ids))
        .group_by(InventarisasiBaris.inventarisasi_id)
    )
    return {int(i): (int(n), int(c or 0)) for i, n, c in rows}


def _infos(session: Session, rows: Sequence[Inventarisasi]) -> list[CensusInfo]:
    counts = _counts(session, [r.id for r in rows])
    names = rooms.room_names(session, {r.ruang_id for r in rows if r.ruang_id is not None})
    return [
        CensusInfo(
            id=r.id,
            nama=r.nama,
            cakupan=r.cakupan,
            ruang_id=r.ruang_id,
            ruang_nama=names.get(r.ruang_id, "") if r.ruang_id else "",
            golongan=r.golongan,
            sk_nomor=r.sk_nomor,
            tanggal_mulai=r.tanggal_mulai,
            tanggal_selesai=r.tanggal_selesai,
            status=r.status,
            total=counts.get(r.id, (0, 0))[0],
            dicek=counts.get(r.id, (0, 0))[1],
        )
        for r in rows
    ]


def list_censuses(session: Session, actor: Actor) -> list[CensusInfo]:
    """Every census, the newest first, with its progress."""
    actor.require(Perm.VIEW)
    rows = session.scalars(
        select(Inventarisasi).order_by(Inventarisasi.tanggal_mulai.desc(), Inventarisasi.id.desc())
    ).all()
    return _infos(session, rows)


def get_census(session: Session, actor: Actor, inv_id: int) -> CensusInfo:
    actor.require(Perm.VIEW)
    return _infos(session, [_census(session, inv_id)])[0]


def _line_query(inv_id: int) -> Any:
    found_room = Ruang.__table__.alias("ruang_temuan")
    kib_room = Ruang.__table__.alias("ruang_kib")
    b = InventarisasiBaris
    return (
        select(
            b.id,
            b.aset_id,
            Aset.kode_barang,
            Aset.register,
            Aset.nibar,
            Aset.nama,
            Aset.merk_tipe,
            Aset.tahun,
            Aset.harga,
            b.ruang_id,
            found_room.c.nama.label("ruang_nama"),
            Aset.ruang_id.label("aset_ruang_id"),
            kib_room.c.nama.label("aset_ruang_nama"),
            Aset.kondisi.label("aset_kondisi"),
            b.keberadaan,
            b.kondisi,
            b.penggunaan,
            b.spesifikasi_sesuai,
            b.tercatat_ganda,
            b.temuan_kode,
            b.temuan_nama,
            b.temuan_merk,
            b.temuan_jumlah,
            b.catatan,
            b.tindak_lanjut,
            b.dicek_at,
        )
        .select_from(b)
        .outerjoin(Aset, Aset.id == b.aset_id)
        .outerjoin(found_room, found_room.c.id == b.ruang_id)
        .outerjoin(kib_room, kib_room.c.id == Aset.ruang_id)
        .where(b.inventarisasi_id == inv_id)
    )


def _line_infos(session: Session, query: Any) -> list[LineInfo]:
    width = get_settings(session).register_digit
    out: list[LineInfo] = []
    for m in session.execute(query).mappings():
        temuan = m["aset_id"] is None
        out.append(
            LineInfo(
                id=m["id"],
                aset_id=m["aset_id"],
                kode_barang=m["temuan_kode"] if temuan else m["kode_barang"],
                register_text="" if temuan else _reg(m["register"], width),
                nibar="" if temuan else m["nibar"],
                nama=m["temuan_nama"] if temuan else m["nama"],
                merk_tipe=m["temuan_merk"] if temuan else m["merk_tipe"],
                tahun=None if temuan else m["tahun"],
                harga=0 if temuan else int(m["harga"] or 0),
                ruang_id=m["ruang_id"],
                ruang_nama=m["ruang_nama"] or "",
                aset_ruang_id=m["aset_ruang_id"],
                aset_ruang_nama=m["aset_ruang_nama"] or "",
                aset_kondisi=m["aset_kondisi"],
                keberadaan=m["keberadaan"],
                kondisi=m["kondisi"],
                penggunaan=m["penggunaan"],
                spesifikasi_sesuai=m["spesifikasi_sesuai"],
                tercatat_ganda=bool(m["tercatat_ganda"]),
                jumlah=m["temuan_jumlah"] if temuan else 1,
                catatan=m["catatan"],
                tindak_lanjut=m["tindak_lanjut"],
                dicek_at=m["dicek_at"],
            )
        )
    return out


def _reg(register: int, width: int) -> str:
    try:
        return format_register(register, width)
    except ValueError:
        return str(register)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def lines(session: Session, actor: Actor, inv_id: int, filters: LineFilter = LineFilter()) -> list[LineInfo]:
    """The census's lines in room and KIB order (the goods found but not recorded last)."""
    actor.require(Perm.VIEW)
    _census(session, inv_id)
    b = InventarisasiBaris
    query = _line_query(inv_id)
    conds: list[ColumnElement[bool]] = []
    if filters.keberadaan is not None:
        conds.append(b.keberadaan == filters.keberadaan)
    if filters.ruang_id is not None:
        conds.append(b.ruang_id == filters.ruang_id)
    if filters.temuan is not None:
        conds.append(b.aset_id.is_(None) if filters.temuan else b.aset_id.is_not(None))
    for word in filters.text.split():
        like = f"%{_escape_like(word.casefold())}%"
        conds.append(
            func.lower(
                func.coalesce(Aset.nama_kunci, "")
                + " "
                + func.coalesce(Aset.kode_barang, "")
                + " "
                + b.temuan_nama
                + " "
                + func.coalesce(Aset.nibar, "")
            ).like(like, escape="\\")
        )
    query = query.where(*conds).order_by(
        b.aset_id.is_(None), func.coalesce(b.ruang_id, 0), Aset.kode_barang, Aset.register, b.id
    )
    return _line_infos(session, query)


def _line(session: Session, line_id: int) -> LineInfo:
    found = _line_infos(
        session,
        _line_query(_baris(session, line_id).inventarisasi_id).where(InventarisasiBaris.id == line_id),
    )
    return found[0]


def _baris(session: Session, line_id: int) -> InventarisasiBaris:
    row = session.get(InventarisasiBaris, line_id)
    if row is None:
        raise NotFound("Baris inventarisasi tidak ditemukan.")
    return row


def progress(session: Session, actor: Actor, inv_id: int) -> list[RoomProgress]:
    """Checked / total per room where the items are (recorded room, or where the team found them), by name."""
    actor.require(Perm.VIEW)
    _census(session, inv_id)
    b = InventarisasiBaris
    checked = func.sum(case((b.keberadaan != "", 1), else_=0))
    rows = session.execute(
        select(b.ruang_id, Ruang.nama, func.count(), checked)
        .outerjoin(Ruang, Ruang.id == b.ruang_id)
        .where(b.inventarisasi_id == inv_id)
        .group_by(b.ruang_id, Ruang.nama)
    )
    out = [RoomProgress(r, n or "Tanpa ruangan", int(c or 0), int(t)) for r, n, t, c in rows]
    return sorted(out, key=lambda p: (p.ruang_id is None, p.ruang_nama.casefold()))


# --- starting -----------------------------------------------------------------------------------------------


def _scope_conditions(cakupan: str, ruang_id: int | None, golongan: str) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = [Aset.status == "aktif"]
    if cakupan == "ruang":
        conds.append(Aset.ruang_id == ruang_id)
    elif cakupan == "golongan":
        conds.append(Aset.golongan == golongan)
    return conds


def start(
    session: Session,
    actor: Actor,
    nama: str,
    cakupan: str,
    ruang_id: int | None = None,
    golongan: str = "",
    sk_nomor: str = "",
    tanggal: date | None = None,
) -> CensusInfo:
    """A new census: the active items in scope are copied as unchecked lines in one INSERT … SELECT (the
    recorded room and kondisi with them), so 10,000 items take one statement, not 10,000."""
    actor.require(Perm.WRITE_ASSETS)
    nama = _squash(nama)
    if not nama:
        raise ValidationError("Nama inventarisasi wajib diisi.", "nama")
    if len(nama) > 200:
        raise ValidationError("Nama inventarisasi maksimal 200 karakter.", "nama")
    if cakupan not in CAKUPAN:
        raise ValidationError("Cakupan: satu ruangan, satu golongan atau semua barang.", "cakupan")
    sk_nomor = _squash(sk_nomor)
    if len(sk_nomor) > 200:
        raise ValidationError("Nomor SK maksimal 200 karakter.", "sk_nomor")
    tanggal = tanggal or office.today(session)
    if cakupan == "ruang":
        if ruang_id is None or session.get(Ruang, ruang_id) is None:
            raise ValidationError("Pilih ruangan yang diinventarisasi.", "ruang_id")
        golongan = ""
    else:
        ruang_id = None
    if cakupan == "golongan":
        golongan = golongan.strip().upper()
        if golongan not in GOLONGAN:
            raise ValidationError("Pilih golongan KIB A sampai F.", "golongan")
    else:
        golongan = ""
    row = Inventarisasi(
        nama=nama,
        cakupan=cakupan,
        ruang_id=ruang_id,
        golongan=golongan,
        sk_nomor=sk_nomor,
        tanggal_mulai=tanggal,
        status="berjalan",
        created_at=clock.utc_now(),
        created_by=actor.user_id,
    )
    session.add(row)
    session.flush()
    b = InventarisasiBaris
    snapshot_rows = select(
        literal(row.id),
        Aset.id,
        Aset.ruang_id,
        literal(""),
        Aset.kondisi,
        literal(""),
        literal(False),
        literal(""),
        literal(""),
        literal(""),
        literal(0),
        literal(""),
        literal(""),
    ).where(*_scope_conditions(cakupan, ruang_id, golongan))
    session.execute(
        insert(b).from_select(
            [
                b.inventarisasi_id,
                b.aset_id,
                b.ruang_id,
                b.keberadaan,
                b.kondisi,
                b.penggunaan,
                b.tercatat_ganda,
                b.temuan_kode,
                b.temuan_nama,
                b.temuan_merk,
                b.temuan_jumlah,
                b.catatan,
                b.tindak_lanjut,
            ],
            snapshot_rows,
        )
    )
    info = get_census(session, actor, row.id)
    audit.record(
        session,
        actor,
        "buat",
        "inventarisasi",
        row.id,
        summary=f"Inventarisasi {nama} dimulai ({info.scope_text}): {info.total} barang",
        after={"cakupan": cakupan, "ruang_id": ruang_id, "golongan": golongan, "sk_nomor": sk_nomor},
    )
    return info


# --- checking -----------------------------------------------------------------------------------------------


def _check_kondisi(kondisi: int | None) -> int | None:
    if kondisi is not None and kondisi not in KONDISI:
        raise ValidationError("Kondisi 1 (Baik), 2 (Rusak Ringan) atau 3 (Rusak Berat).", "kondisi")
    return kondisi


def _check_penggunaan(penggunaan: str) -> str:
    if penggunaan not in PENGGUNAAN:
        raise ValidationError(
            "Penggunaan: pemda sendiri, pemerintah pusat, pemda lain atau pihak lain.", "penggunaan"
        )
    return penggunaan


def check_scan(
    session: Session,
    actor: Actor,
    inv_id: int,
    text: str,
    *,
    kondisi: int | None = None,
    penggunaan: str = "pemda_sendiri",
    di_ruang: int | None = None,
) -> ScanResult:
    """A label scanned (or its ID typed) during the census. A line in scope is ticked *ada* with the kondisi
    seen (the recorded one unless given); ``di_ruang`` is the room being walked (a one-room census: its room):
    an item recorded elsewhere is still ticked, and reported as perubahan data (ruang). Nothing in the KIB
    changes here."""
    row = _open_census(session, actor, inv_id)
    _check_kondisi(kondisi)
    _check_penggunaan(penggunaan)
    if row.cakupan == "ruang":
        di_ruang = row.ruang_id
    raw = text.strip()
    aset = items.find_by_scan(session, actor, raw)
    if aset is None:
        return ScanResult(UNKNOWN, f"Label “{raw[:60]}” tidak dikenal: bukan ID barang yang tercatat.")
    baris = session.scalar(
        select(InventarisasiBaris).where(
            InventarisasiBaris.inventarisasi_id == inv_id, InventarisasiBaris.aset_id == aset.id
        )
    )
    what = f"{aset.nama} ({aset.kode_register})"
    if baris is None:
        if aset.status != "aktif":
            return ScanResult(WRITTEN_OFF, f"{what} sudah dihapus dari KIB.", aset=aset)
        where = f", tercatat di {aset.ruang_nama}" if aset.ruang_nama else ""
        return ScanResult(
            OUT_OF_SCOPE, f"{what}{where} tidak termasuk cakupan inventarisasi ini. Tambahkan?", aset=aset
        )
    again = bool(baris.keberadaan)
    baris.keberadaan = "ada"
    baris.kondisi = kondisi if kondisi is not None else (baris.kondisi if again else aset.kondisi)
    baris.penggunaan = penggunaan
    if di_ruang is not None:
        baris.ruang_id = di_ruang
    baris.dicek_at = clock.utc_now()
    baris.dicek_by = actor.user_id
    session.flush()
    line = _line(session, baris.id)
    if line.ruang_berbeda:
        pesan = (
            f"{what} ada — tercatat di {line.aset_ruang_nama or 'tanpa ruangan'}: perubahan data (ruangan)."
        )
        status = OTHER_ROOM
    else:
        pesan = f"{what} ada."
        status = FOUND
    if again:
        pesan += " (sudah dicek sebelumnya)"
    return ScanResult(status, pesan, line=line, aset=aset, ulang=again)


def add_to_scope(
    session: Session,
    actor: Actor,
    inv_id: int,
    aset_id: int,
    *,
    ruang_id: int | None = None,
    kondisi: int | None = None,
    penggunaan: str = "pemda_sendiri",
) -> LineInfo:
    """A known item found during the census outside its scope: a line ticked *ada* where it was found; the
    difference with its recorded room becomes a pindah-ruang follow-up."""
    row = _open_census(session, actor, inv_id)
    _check_kondisi(kondisi)
    _check_penggunaan(penggunaan)
    aset = items.get_asset(session, actor, aset_id)
    if aset.status != "aktif":
        raise ValidationError("Barang sudah dihapus dari KIB.")
    exists = session.scalar(
        select(InventarisasiBaris.id).where(
            InventarisasiBaris.inventarisasi_id == inv_id, InventarisasiBaris.aset_id == aset_id
        )
    )
    if exists is not None:
        raise ValidationError(f"{aset.nama} sudah ada dalam inventarisasi ini.")
    if row.cakupan == "ruang":
        ruang_id = row.ruang_id
    baris = InventarisasiBaris(
        inventarisasi_id=inv_id,
        aset_id=aset_id,
        ruang_id=ruang_id if ruang_id is not None else aset.ruang_id,
        keberadaan="ada",
        kondisi=kondisi if kondisi is not None else aset.kondisi,
        penggunaan=penggunaan,
        catatan="Ditemukan di luar cakupan",
        dicek_at=clock.utc_now(),
        dicek_by=actor.user_id,
    )
    session.add(baris)
    session.flush()
    audit.record(
        session,
        actor,
        "ubah",
        "inventarisasi",
        inv_id,
        summary=f"{aset.nama} ({aset.kode_register}) ditambahkan ke inventarisasi {row.nama}",
    )
    return _line(session, baris.id)


def set_result(
    session: Session,
    actor: Actor,
    line_id: int,
    keberadaan: str,
    kondisi: int | None = None,
    penggunaan: str = "pemda_sendiri",
    spesifikasi_sesuai: bool | None = None,
    tercatat_ganda: bool = False,
    catatan: str = "",
) -> LineInfo:
    """The team's result for one line, typed rather than scanned (hilang, tidak ditemukan, or ada with details).
    ``keberadaan`` "" returns the line to unchecked."""
    baris = _baris(session, line_id)
    _open_census(session, actor, baris.inventarisasi_id)
    if keberadaan not in KEBERADAAN:
        raise ValidationError("Keberadaan: ada, hilang atau tidak ditemukan.", "keberadaan")
    _check_kondisi(kondisi)
    if keberadaan == "ada":
        _check_penggunaan(penggunaan)
    catatan = _squash(catatan)
    if len(catatan) > 500:
        raise ValidationError("Catatan maksimal 500 karakter.", "catatan")
    if keberadaan in ("hilang", "tidak_ditemukan") and baris.aset_id is None:
        raise ValidationError("Barang temuan (belum tercatat) selalu ada; hapus catatannya bila keliru.")
    baris.keberadaan = keberadaan
    if kondisi is not None:
        baris.kondisi = kondisi
    baris.penggunaan = penggunaan if keberadaan == "ada" else ""
    baris.spesifikasi_sesuai = spesifikasi_sesuai
    baris.tercatat_ganda = bool(tercatat_ganda)
    baris.catatan = catatan
    baris.dicek_at = clock.utc_now() if keberadaan else None
    baris.dicek_by = actor.user_id if keberadaan else None
    session.flush()
    return _line(session, line_id)


def mark_lines(
    session: Session, actor: Actor, line_ids: Sequence[int], keberadaan: str, catatan: str = ""
) -> int:
    """Several lines marked at once (the selected rows: hilang / tidak ditemukan / belum). Returns how many."""
    count = 0
    for line_id in line_ids:
        baris = _baris(session, line_id)
        if baris.aset_id is None:
            continue  # goods found but not recorded are there by definition
        set_result(session, actor, line_id, keberadaan, catatan=catatan or baris.catatan)
        count += 1
    return count


def add_found(
    session: Session,
    actor: Actor,
    inv_id: int,
    ruang_id: int | None,
    kode: str,
    nama: str,
    merk: str = "",
    jumlah: int = 1,
    catatan: str = "",
) -> LineInfo:
    """Goods found but not recorded (Format A.7): a line without an asset; recording them in the KIB is a
    follow-up (pencatatan), done through the Daftar Barang."""
    row = _open_census(session, actor, inv_id)
    nama = _squash(nama)
    if not nama:
        raise ValidationError("Nama barang wajib diisi.", "nama")
    if isinstance(jumlah, bool) or not isinstance(jumlah, int) or not 1 <= jumlah <= 100_000:
        raise ValidationError("Jumlah barang 1 sampai 100.000.", "jumlah")
    kode = _squash(kode)
    if kode:
        try:
            kode, _gol = items.normalised_kode(kode)
        except ValidationError:
            kode = kode[:30]  # as written on the worksheet: the pencatatan chooses the real one
    if ruang_id is None and row.cakupan == "ruang":
        ruang_id = row.ruang_id
    if ruang_id is not None and session.get(Ruang, ruang_id) is None:
        raise ValidationError("Ruangan tidak ditemukan.", "ruang_id")
    baris = InventarisasiBaris(
        inventarisasi_id=inv_id,
        aset_id=None,
        ruang_id=ruang_id,
        keberadaan="ada",
        kondisi=1,
        penggunaan="pemda_sendiri",
        temuan_kode=kode,
        temuan_nama=nama[:300],
        temuan_merk=_squash(merk)[:200],
        temuan_jumlah=jumlah,
        catatan=_squash(catatan)[:500],
        dicek_at=clock.utc_now(),
        dicek_by=actor.user_id,
    )
    session.add(baris)
    session.flush()
    audit.record(
        session,
        actor,
        "ubah",
        "inventarisasi",
        inv_id,
        summary=f"Barang belum tercatat ditemukan: {jumlah} {nama}",
    )
    return _line(session, baris.id)


def remove_found(session: Session, actor: Actor, line_id: int) -> None:
    """Take back a goods-found line typed by mistake (recorded items are never removed from a census)."""
    baris = _baris(session, line_id)
    _open_census(session, actor, baris.inventarisasi_id)
    if baris.aset_id is not None:
        raise ValidationError("Barang tercatat tidak dihapus dari inventarisasi; tandai keberadaannya.")
    session.delete(baris)
    session.flush()


def finish(session: Session, actor: Actor, inv_id: int, *, tanggal: date | None = None) -> CensusInfo:
    """Close the census. Every line must have a result first; the KIB is not changed here: the follow-up
    list says what to do, and each group is applied by hand."""
    row = _open_census(session, actor, inv_id)
    unchecked = int(
        session.scalar(
            select(func.count())
            .select_from(InventarisasiBaris)
            .where(InventarisasiBaris.inventarisasi_id == inv_id, InventarisasiBaris.keberadaan == "")
        )
        or 0
    )
    if unchecked:
        raise ValidationError(
            f"Masih ada {unchecked} barang yang belum dicek. Pindai labelnya, atau tandai hilang / tidak "
            "ditemukan, sebelum inventarisasi diselesaikan."
        )
    tanggal = tanggal or office.today(session)
    if tanggal < row.tanggal_mulai:
        raise ValidationError("Tanggal selesai tidak boleh sebelum tanggal mulai.", "tanggal")
    row.status = "selesai"
    row.tanggal_selesai = tanggal
    session.flush()
    info = get_census(session, actor, inv_id)
    groups = follow_up(session, actor, inv_id)
    audit.record(
        session,
        actor,
        "ubah",
        "inventarisasi",
        inv_id,
        summary=f"Inventarisasi {row.nama} selesai: {info.total} barang; tindak lanjut "
        + ", ".join(f"{g.key} {len(g.lines)}" for g in groups if g.lines),
        after={"status": "selesai", "tanggal_selesai": tanggal.isoformat()},
    )
    return info


# --- follow-up ----------------------------------------------------------------------------------------------


def _group_of(line: LineInfo) -> list[str]:
    if line.temuan:
        return ["belum_tercatat"]
    if line.keberadaan in ("hilang", "tidak_ditemukan"):
        return [line.keberadaan]
    if line.keberadaan != "ada":
        return []
    keys: list[str] = []
    if line.penggunaan in ("pihak_lain", "pemda_lain", "pusat"):
        keys.append("pihak_lain")
    if line.kondisi_berubah:
        keys.append("kondisi")
    if line.ruang_berbeda:
        keys.append("ruang")
    if line.spesifikasi_sesuai is False:
        keys.append("spesifikasi")
    if line.tercatat_ganda:
        keys.append("ganda")
    return keys


def follow_up(session: Session, actor: Actor, inv_id: int) -> list[FollowUpGroup]:
    """The LHI groups (R24) in print order, every group present (an empty list prints "Nihil.")."""
    actor.require(Perm.VIEW)
    grouped: dict[str, list[LineInfo]] = {g[0]: [] for g in GROUPS}
    for line in lines(session, actor, inv_id):
        for key in _group_of(line):
            grouped[key].append(line)
    return [
        FollowUpGroup(key, judul, fmt, tindakan, applicable, grouped[key])
        for key, judul, fmt, tindakan, applicable in GROUPS
    ]


def apply_follow_up(
    session: Session, actor: Actor, inv_id: int, group: str, *, tanggal: date | None = None
) -> int:
    """Apply one group to the KIB, explicitly: kondisi through ``items.set_condition`` and ruang through
    ``items.move_to_room``, each a mutation with the census as its document; the other groups need their own
    document, so "Terapkan" only marks their lines done. Lines already done are skipped. Returns how many."""
    actor.require(Perm.WRITE_ASSETS)
    row = _census(session, inv_id)
    if row.status != "selesai":
        raise ValidationError("Selesaikan inventarisasi dulu; tindak lanjut diterapkan dari hasil akhirnya.")
    if group not in _GROUP:
        raise ValidationError(f"Kelompok tindak lanjut {group!r} tidak dikenal.")
    tanggal = tanggal or row.tanggal_selesai or office.today(session)
    doc = DocRef(jenis=DOC_JENIS, nomor=(row.sk_nomor or row.nama)[:255], tanggal=row.tanggal_selesai)
    note = f"Hasil inventarisasi {row.nama}"[:500]
    found = next(g for g in follow_up(session, actor, inv_id) if g.key == group)
    done = 0
    apply: Callable[[LineInfo], None] | None = None
    if group == "kondisi":

        def apply(line: LineInfo) -> None:
            assert line.aset_id is not None and line.kondisi is not None
            items.set_condition(
                session, actor, line.aset_id, line.kondisi, tanggal=tanggal, doc=doc, keterangan=note
            )

    elif group == "ruang":

        def apply(line: LineInfo) -> None:
            assert line.aset_id is not None
            items.move_to_room(
                session, actor, [line.aset_id], line.ruang_id, tanggal=tanggal, doc=doc, keterangan=note
            )

    for line in found.lines:
        if found.is_done(line):
            continue
        if apply is not None:
            apply(line)
        marks = "".join(sorted(set(line.tindak_lanjut + _CODE[group])))
        session.execute(
            update(InventarisasiBaris).where(InventarisasiBaris.id == line.id).values(tindak_lanjut=marks)
        )
        done += 1
    if done:
        audit.record(
            session,
            actor,
            "ubah",
            "inventarisasi",
            inv_id,
            summary=f"Tindak lanjut {_GROUP[group][1]} diterapkan: {done} barang",
        )
    return done


# --- printing -----------------------------------------------------------------------------------------------


def _printed_at(zone: str) -> str:
    now = clock.now(zone)
    return f"dicetak {format_date_numeric(now.date())} {now:%H.%M}"


def _ketua(actor: Actor) -> Signer | None:
    # The team leader is named in the SK, not in the data: the clerk who prints is only a fallback name.
    return None


def _kepala(session: Session) -> Signer | None:
    s = get_settings(session)
    if s.kepala_pegawai_id is not None:
        p = snapshot(session, s.kepala_pegawai_id)
        if p is not None:
            return Signer(jabatan=p.jabatan or "Pengguna Barang", nama=p.nama, nip=p.nip)
    return office.signer_for(session, "kib_kir")


def lki_pdf(session: Session, actor: Actor, inv_id: int, *, ruang_id: int | None = None) -> bytes:
    """The worksheet of the census (or of one room of it), printed before the walk-through. Building records
    nothing: :func:`record_census_printed` records the real print (so do ``lhi_pdf`` and ``ba_pdf``)."""
    actor.require(Perm.PRINT)
    info = get_census(session, actor, inv_id)
    s = get_settings(session)
    profile = office.get_profile(session)
    wanted = lines(session, actor, inv_id, LineFilter(ruang_id=ruang_id, temuan=False))
    scope = info.scope_text
    if ruang_id is not None and info.cakupan != "ruang":
        scope += f" — Ruangan {rooms.room_names(session, [ruang_id]).get(ruang_id, '')}"
    letters = tuple(kondisi_label(k, s.kondisi_label) for k in KONDISI)
    data = LkiData(
        header=profile.header(),
        nama=info.nama,
        scope_text=scope,
        kode_lokasi=s.kode_lokasi,
        lines=[
            LkiLine(
                kode_barang=line.kode_barang,
                register=line.register_text,
                nama=line.nama,
                merk_tipe=line.merk_tipe,
                nibar=line.nibar,
                tahun=str(line.tahun or ""),
                ruang=line.aset_ruang_nama,
                kondisi_tercatat=kondisi_label(line.aset_kondisi, s.kondisi_label)
                if line.aset_kondisi
                else "",
            )
            for line in wanted
        ],
        place=profile.kota,
        tanggal=info.tanggal_mulai,
        sk_nomor=info.sk_nomor,
        golongan=info.golongan,
        with_room=info.cakupan != "ruang" and ruang_id is None,
        kondisi_letters=letters,  # type: ignore[arg-type]
        ketua=_ketua(actor),
        printed_at=_printed_at(profile.zona_waktu),
    )
    return build_lki(data)


def _lhi_line(line: LineInfo, key: str, scheme: str) -> LhiLine:
    def kondisi(k: int | None) -> str:
        return kondisi_label(k, scheme) if k else ""

    tercatat = hasil = ""
    if key == "kondisi":
        tercatat, hasil = kondisi(line.aset_kondisi), kondisi(line.kondisi)
    elif key == "ruang":
        tercatat, hasil = line.aset_ruang_nama or "-", line.ruang_nama or "-"
    elif key == "pihak_lain":
        hasil = PENGGUNAAN.get(line.penggunaan, line.penggunaan)
    elif key in ("hilang", "tidak_ditemukan"):
        hasil = KEBERADAAN[line.keberadaan]
    elif key == "belum_tercatat":
        hasil = f"{line.jumlah} unit"
    return LhiLine(
        kode_barang=line.kode_barang,
        register=line.register_text,
        nama=line.nama,
        merk_tipe=line.merk_tipe,
        tahun=str(line.tahun or ""),
        nilai=line.harga,
        ruang=line.ruang_nama if key != "ruang" else line.aset_ruang_nama,
        tercatat=tercatat,
        hasil=hasil,
        keterangan=line.catatan,
    )


_LHI_TITLES = {
    "kondisi": ("Kondisi Tercatat", "Kondisi Hasil"),
    "ruang": ("Ruang Tercatat", "Ruang Ditemukan"),
    "pihak_lain": ("", "Penggunaan"),
    "belum_tercatat": ("", "Jumlah"),
}


def lhi_pdf(session: Session, actor: Actor, inv_id: int) -> bytes:
    actor.require(Perm.PRINT)
    info = get_census(session, actor, inv_id)
    s = get_settings(session)
    profile = office.get_profile(session)
    sections = [
        LhiSection(
            format_kode=g.format_kode,
            judul=g.judul.upper(),
            tindak_lanjut=g.tindakan,
            lines=[_lhi_line(line, g.key, s.kondisi_label) for line in g.lines],
            tercatat_title=_LHI_TITLES.get(g.key, ("", ""))[0],
            hasil_title=_LHI_TITLES.get(g.key, ("", "Hasil"))[1],
        )
        for g in follow_up(session, actor, inv_id)
    ]
    data = LhiData(
        header=profile.header(),
        nama=info.nama,
        scope_text=info.scope_text,
        kode_lokasi=s.kode_lokasi,
        sections=sections,
        place=profile.kota,
        tanggal=info.tanggal_selesai or office.today(session),
        sk_nomor=info.sk_nomor,
        ketua=_ketua(actor),
        pengguna_barang=_kepala(session),
        printed_at=_printed_at(profile.zona_waktu),
    )
    return build_lhi(data)


def counts(session: Session, actor: Actor, inv_id: int) -> BaCounts:
    """The figures of the BA: recorded items checked and what became of them, and the goods not recorded."""
    actor.require(Perm.VIEW)
    all_lines = lines(session, actor, inv_id)
    recorded = [line for line in all_lines if not line.temuan]
    ada = [line for line in recorded if line.keberadaan == "ada"]
    return BaCounts(
        diinventarisasi=len(recorded),
        ada=len(ada),
        hilang=sum(1 for line in recorded if line.keberadaan == "hilang"),
        tidak_ditemukan=sum(1 for line in recorded if line.keberadaan == "tidak_ditemukan"),
        rusak_berat=sum(1 for line in ada if line.kondisi == 3),
        rusak_ringan=sum(1 for line in ada if line.kondisi == 2),
        belum_tercatat=sum(line.jumlah for line in all_lines if line.temuan),
        nilai_diinventarisasi=sum(line.harga for line in recorded),
    )


def ba_pdf(session: Session, actor: Actor, inv_id: int, *, nomor: str = "") -> bytes:
    """The BA Hasil Inventarisasi of a finished census (A4 portrait)."""
    actor.require(Perm.PRINT)
    info = get_census(session, actor, inv_id)
    if not info.selesai:
        raise ValidationError("Berita Acara dicetak setelah inventarisasi selesai.")
    profile = office.get_profile(session)
    groups = follow_up(session, actor, inv_id)
    kepala = _kepala(session)
    data = BaData(
        header=profile.header(),
        tanggal=info.tanggal_selesai or office.today(session),
        nama=info.nama,
        scope_text=info.scope_text,
        sk_nomor=info.sk_nomor,
        counts=counts(session, actor, inv_id),
        place=profile.kota,
        nomor=_squash(nomor),
        ketua=_ketua(actor),
        pengguna_barang=kepala,
        tindak_lanjut=[(f"{g.judul}: {g.tindakan}", len(g.lines)) for g in groups],
    )
    return build_ba(data)


# The census prints that :func:`record_census_printed` records, by key.
CENSUS_PRINTS = {"lki": "LKI", "lhi": "LHI", "ba": "BA Hasil Inventarisasi"}


def record_census_printed(
    session: Session,
    actor: Actor,
    inv_id: int,
    dokumen: str,
    delivery: printed.Delivery,
    *,
    ruang_id: int | None = None,
) -> None:
    """The census's LKI (of one room when ``ruang_id``), LHI or BA (``dokumen``: a key of ``CENSUS_PRINTS``)
    really went out: a printer took the job or its PDF was saved. One audit row; building the PDF for the
    preview records nothing."""
    actor.require(Perm.PRINT)
    if dokumen not in CENSUS_PRINTS:
        raise ValidationError("Dokumen inventarisasi tidak dikenal.", "dokumen")
    info = get_census(session, actor, inv_id)
    what = f"{CENSUS_PRINTS[dokumen]} {info.nama}"
    if dokumen == "lki" and ruang_id is not None and info.cakupan != "ruang":
        what += f" — Ruangan {rooms.room_names(session, [ruang_id]).get(ruang_id, '')}"
    printed.record(session, actor, "inventarisasi", inv_id, what, delivery)
