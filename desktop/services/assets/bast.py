"""BAST (assets.md B7, R16-R18, R28-R29): drafts, the first print that takes the number, final (items move in
the same transaction), cancel; penyerahan, pengembalian, pengamanan and penerimaan of new goods."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, delete, func, or_, select
from sqlalchemy.orm import Session

from desktop.core import clock
from desktop.core.assets.kondisi import KONDISI, kondisi_label
from desktop.core.assets.register import format_register, format_register_range
from desktop.core.dates import format_date
from desktop.core.nip import bare_nip
from desktop.models.assets import Aset, AsetDokumen, AsetDokumenBaris, AsetMutasi, Ruang
from desktop.printing import spool
from desktop.printing.assets.bast import TYPE_LINES, BastData, BastLine, BastParty, build_bast
from desktop.printing.pages import A4, F4
from desktop.services.assets import items
from desktop.services.assets.ledger import DocRef
from desktop.services.assets.parties import Party, snapshot
from desktop.services.assets.settings import BAST_PAPERS, get_settings
from desktop.services.common import audit, numbering, office, printed
from desktop.services.common.errors import NotFound, ValidationError
from desktop.services.common.permissions import Actor, Perm

JENIS: dict[str, str] = {
    "penyerahan": "Penyerahan / penggunaan",
    "pengembalian": "Pengembalian",
    "pengamanan": "Pengamanan",
    "penerimaan": "Penerimaan barang baru",
}
STATUS_LABELS: dict[str, str] = {"draft": "Draf", "dicetak": "Dicetak", "final": "Final", "batal": "Batal"}
OPEN = ("draft", "dicetak")
# The mutation each jenis writes when it is finalised (penerimaan writes perolehan through create_assets).
_MUTATION = {"penyerahan": "serah", "pengamanan": "pengamanan", "pengembalian": "kembali"}
DOC_JENIS = "BAST"
FUTURE_DAYS = 31  # a BAST dated further ahead is a typing mistake, not a plan
MAX_LINES = 500


@dataclass(frozen=True)
class NewGoodsLine:
    """A line of a penerimaan: ``jumlah`` identical new units, recorded as assets when the BAST is final."""

    kode_barang: str
    nama: str
    tahun: int
    jumlah: int = 1
    satuan: str = "Unit"
    harga_satuan: int = 0  # whole Rupiah per unit
    merk_tipe: str = ""
    spesifikasi: str = ""
    kondisi: int = 1
    keterangan: str = ""


@dataclass(frozen=True)
class BastInput:
    """What the pengurus barang fills in. A party is a pegawai (``pihakN_pegawai_id``: name, NIP and jabatan are
    taken from the record) or typed in (an outside party, e.g. the supplier's representative).

    ``aset_ids`` are the items of a penyerahan, pengembalian or pengamanan; ``barang_baru`` the lines of a
    penerimaan. ``kelengkapan`` (label, value) pairs: nopol, rangka, mesin, BPKB, STNK, kunci …
    ``rangkap``/``kertas`` None take the module's settings.
    """

    jenis: str
    tanggal: date
    pihak1_pegawai_id: int | None = None
    pihak1_nama: str = ""
    pihak1_nip: str = ""
    pihak1_jabatan: str = ""
    pihak2_pegawai_id: int | None = None
    pihak2_nama: str = ""
    pihak2_nip: str = ""
    pihak2_jabatan: str = ""
    tujuan_ruang_id: int | None = None
    tujuan_unit: str = ""
    dasar_jenis: str = ""
    dasar_nomor: str = ""
    dasar_tanggal: date | None = None
    penyedia: str = ""
    kelengkapan: tuple[tuple[str, str], ...] = ()
    rangkap: int | None = None
    kertas: str | None = None
    keterangan: str = ""
    aset_ids: tuple[int, ...] = ()
    barang_baru: tuple[NewGoodsLine, ...] = ()


@dataclass(frozen=True)
class BastLineInfo:
    urutan: int
    aset_id: int | None
    kode_barang: str
    register_text: str
    nama: str
    merk_tipe: str
    spesifikasi: str
    tahun: int | None
    jumlah: int
    satuan: str
    nilai: int
    kondisi: int
    keterangan: str
    harga_satuan: int = 0


@dataclass(frozen=True)
class BastInfo:
    id: int
    jenis: str
    status: str
    nomor: str
    surat_keluar_id: int | None
    tanggal: date
    pihak1: Party
    pihak2: Party
    mengetahui: Party | None
    tujuan_ruang_id: int | None
    tujuan_ruang_nama: str
    tujuan_unit: str
    dasar_jenis: str
    dasar_nomor: str
    dasar_tanggal: date | None
    penyedia: str
    kelengkapan: tuple[tuple[str, str], ...]
    rangkap: int
    kertas: str
    keterangan: str
    cetak_count: int
    dicetak_at: datetime | None
    final_at: datetime | None
    batal_alasan: str
    created_at: datetime
    lines: tuple[BastLineInfo, ...] = field(default=())

    @property
    def jenis_label(self) -> str:
        return JENIS.get(self.jenis, self.jenis)

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)

    @property
    def total_nilai(self) -> int:
        return sum(line.nilai for line in self.lines)

    @property
    def editable(self) -> bool:
        return self.status in OPEN


@dataclass(frozen=True)
class BastRow:
    """One line of the BAST list."""

    id: int
    jenis: str
    status: str
    nomor: str
    tanggal: date
    pihak1_nama: str
    pihak2_nama: str
    jumlah_barang: int
    total_nilai: int
    cetak_count: int

    @property
    def jenis_label(self) -> str:
        return JENIS.get(self.jenis, self.jenis)

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)


@dataclass(frozen=True)
class BastFilter:
    status: str = ""  # a key of STATUS_LABELS, "" = all
    jenis: str = ""  # a key of JENIS, "" = all
    text: str = ""


@dataclass(frozen=True)
class PrintJob:
    """What ``desktop.printing.spool.send_pdf`` takes: ``send_pdf(job.pdf, job.printer, title=job.title,
    copies=job.copies, media=job.media)``."""

    pdf: bytes
    printer: str | None
    title: str
    copies: int
    media: str


# --- helpers ------------------------------------------------------------------------------------------------


def _squash(text: str) -> str:
    return " ".join(str(text).split())


def _text(value: str, limit: int, name: str, what: str) -> str:
    text = _squash(value)
    if len(text) > limit:
        raise ValidationError(f"{what} maksimal {limit} karakter.", name)
    return text


def _row(session: Session, bast_id: int) -> AsetDokumen:
    row = session.get(AsetDokumen, bast_id)
    if row is None or row.jenis not in JENIS:
        raise NotFound("BAST tidak ditemukan.")
    return row


def _kelengkapan_text(pairs: Sequence[tuple[str, str]]) -> str:
    lines = []
    for label, value in pairs:
        label, value = _squash(label), _squash(value)
        if not label and not value:
            continue
        if not label:
            raise ValidationError(
                f"Kelengkapan “{value}” belum diberi nama (mis. Nomor Polisi).", "kelengkapan"
            )
        if ":" in label:
            raise ValidationError(f"Nama kelengkapan “{label}” tidak boleh memuat titik dua.", "kelengkapan")
        if len(label) > 60 or len(value) > 300:
            raise ValidationError("Kelengkapan terlalu panjang (nama 60, isi 300 karakter).", "kelengkapan")
        lines.append(f"{label}: {value}")
    return "\n".join(lines)


def _kelengkapan_pairs(text: str) -> tuple[tuple[str, str], ...]:
    pairs = []
    for line in text.splitlines():
        label, _, value = line.partition(":")
        if label.strip():
            pairs.append((label.strip(), value.strip()))
    return tuple(pairs)


def _print_merk(line: AsetDokumenBaris) -> str:
    return ", ".join(x for x in (line.merk_tipe, line.spesifikasi) if x)


def _holder_text(row: Aset) -> str:
    return row.pemegang_nama or "seorang pegawai"


def _is_held(row: Aset) -> bool:
    return row.pemegang_pegawai_id is not None or bool(row.pemegang_nama)


def _item_name(row: Aset, digits: int) -> str:
    return f"{row.nama} ({row.kode_barang}.{format_register(row.register, digits)})"


def _last_handover(session: Session, aset_id: int) -> str:
    """The number of the document that gave the item to its holder, for the refusal message."""
    nomor = session.scalar(
        select(AsetMutasi.dokumen_nomor)
        .where(AsetMutasi.aset_id == aset_id, AsetMutasi.jenis.in_(("serah", "pengamanan")))
        .order_by(AsetMutasi.id.desc())
        .limit(1)
    )
    return nomor or ""


def _pending_return(session: Session, aset_id: int, exclude: int | None) -> bool:
    """An open BAST pengembalian already holds the item: a handover may be drafted behind it."""
    query = (
        select(AsetDokumen.id)
        .join(AsetDokumenBaris, AsetDokumenBaris.dokumen_id == AsetDokumen.id)
        .where(
            AsetDokumenBaris.aset_id == aset_id,
            AsetDokumen.jenis == "pengembalian",
            AsetDokumen.status.in_(OPEN),
        )
    )
    if exclude is not None:
        query = query.where(AsetDokumen.id != exclude)
    return session.scalar(query.limit(1)) is not None


def _check_items(
    session: Session, jenis: str, aset_ids: Sequence[int], *, bast_id: int | None, drafting: bool
) -> list[Aset]:
    """The items of a BAST, refused when written off, when handed over while someone holds them (a
    pengembalian first), or returned while nobody holds them. ``drafting`` lets a handover be drafted behind
    an open pengembalian of the item; printing and finalising check again without that allowance."""
    digits = get_settings(session).register_digit
    seen: set[int] = set()
    rows: list[Aset] = []
    for aset_id in aset_ids:
        if aset_id in seen:
            raise ValidationError("Barang yang sama tercantum dua kali.", "barang")
        seen.add(aset_id)
        row = session.get(Aset, aset_id)
        if row is None:
            raise ValidationError("Barang tidak ditemukan.", "barang")
        if row.status != "aktif":
            raise ValidationError(
                f"{_item_name(row, digits)} sudah dihapus dari daftar barang; tidak dapat dicantumkan di BAST.",
                "barang",
            )
        handover = jenis in ("penyerahan", "pengamanan")
        if handover and _is_held(row) and not (drafting and _pending_return(session, row.id, bast_id)):
            nomor = _last_handover(session, row.id)
            source = f" berdasarkan BAST {nomor}" if nomor else ""
            raise ValidationError(
                f"{_item_name(row, digits)} masih dipegang {_holder_text(row)}{source}. "
                "Buat dan finalkan BAST pengembalian lebih dahulu.",
                "barang",
            )
        if jenis == "pengembalian" and not _is_held(row):
            raise ValidationError(
                f"{_item_name(row, digits)} tidak sedang dipegang siapa pun; tidak ada yang dikembalikan.",
                "barang",
            )
        rows.append(row)
    return rows


def _party(session: Session, which: str, pegawai_id: int | None, nama: str, nip: str, jabatan: str) -> Party:
    label = "Pihak pertama" if which == "pihak1" else "Pihak kedua"
    if pegawai_id is not None:
        found = snapshot(session, pegawai_id)
        if found is None:
            raise ValidationError(f"{label}: pegawai tidak ditemukan.", which)
        return found
    nama = _text(nama, 200, which, f"Nama {label.lower()}")
    if not nama:
        raise ValidationError(f"{label} wajib diisi: pilih pegawai atau ketik nama, NIP dan jabatan.", which)
    digits = bare_nip(nip)
    if nip.strip() and (len(digits) != 18 or len(digits) != len("".join(nip.split()))):
        raise ValidationError(f"NIP {label.lower()} ditulis 18 angka (kosongkan bila bukan ASN).", which)
    return Party(nama=nama, nip=digits, jabatan=_text(jabatan, 300, which, f"Jabatan {label.lower()}"))


def _mengetahui(session: Session) -> Party | None:
    """The Kepala Dinas (Pengguna Barang) of the settings, else the office's signatory for BAST."""
    kepala = get_settings(session).kepala_pegawai_id
    if kepala is not None:
        found = snapshot(session, kepala)
        if found is not None:
            return Party(found.nama, found.nip, found.jabatan or "Kepala Dinas", found.pegawai_id)
    signer = office.signer_for(session, "bast")
    if signer is None:
        return None
    return Party(signer.nama, bare_nip(signer.nip), signer.jabatan)


def _new_line(line: NewGoodsLine, today: date) -> AsetDokumenBaris:
    kode, _ = items.normalised_kode(line.kode_barang)
    nama = _text(line.nama, 300, "barang_baru", "Nama barang")
    if not nama:
        raise ValidationError("Nama barang wajib diisi di setiap baris.", "barang_baru")
    if (
        isinstance(line.jumlah, bool)
        or not isinstance(line.jumlah, int)
        or not 1 <= line.jumlah <= items.MAX_BATCH
    ):
        raise ValidationError(f"Jumlah {nama} 1 sampai {items.MAX_BATCH}.", "barang_baru")
    harga = line.harga_satuan
    if isinstance(harga, bool) or not isinstance(harga, int) or not 0 <= harga <= 10**15:
        raise ValidationError(f"Harga satuan {nama} ditulis dalam Rupiah penuh.", "barang_baru")
    if not isinstance(line.tahun, int) or not 1900 <= line.tahun <= today.year + 1:
        raise ValidationError(f"Tahun perolehan {nama} tidak masuk akal.", "barang_baru")
    if line.kondisi not in KONDISI:
        raise ValidationError("Kondisi 1 (Baik), 2 (Rusak Ringan) atau 3 (Rusak Berat).", "barang_baru")
    merk = _text(line.merk_tipe, 200, "barang_baru", "Merk/tipe")
    spek = _text(line.spesifikasi, 500, "barang_baru", "Spesifikasi")
    return AsetDokumenBaris(
        aset_id=None, kode_barang=kode, register_text="", nama=nama, merk_tipe=merk, spesifikasi=spek,
        tahun=line.tahun, jumlah=line.jumlah, harga_satuan=harga,
        satuan=_text(line.satuan, 30, "barang_baru", "Satuan") or "Unit", nilai=harga * line.jumlah,
        kondisi=line.kondisi, keterangan=_text(line.keterangan, 300, "barang_baru", "Keterangan"),
    )  # fmt: skip


def _item_line(row: Aset, digits: int) -> AsetDokumenBaris:
    merk = _squash(row.merk_tipe)[:200]
    return AsetDokumenBaris(
        aset_id=row.id, kode_barang=row.kode_barang, register_text=format_register(row.register, digits),
        nama=row.nama, merk_tipe=merk, spesifikasi=_squash(row.spesifikasi)[:500], tahun=row.tahun, jumlah=1,
        satuan=row.satuan, harga_satuan=row.harga, nilai=row.harga, kondisi=row.kondisi, keterangan="",
    )  # fmt: skip


# --- reading ------------------------------------------------------------------------------------------------


def _lines(session: Session, bast_id: int) -> list[AsetDokumenBaris]:
    return list(
        session.scalars(
            select(AsetDokumenBaris)
            .where(AsetDokumenBaris.dokumen_id == bast_id)
            .order_by(AsetDokumenBaris.urutan, AsetDokumenBaris.id)
        )
    )


def _info(session: Session, row: AsetDokumen) -> BastInfo:
    lines = tuple(
        BastLineInfo(
            urutan=b.urutan, aset_id=b.aset_id, kode_barang=b.kode_barang, register_text=b.register_text,
            nama=b.nama, merk_tipe=b.merk_tipe, spesifikasi=b.spesifikasi, tahun=b.tahun, jumlah=b.jumlah,
            satuan=b.satuan, nilai=b.nilai, kondisi=b.kondisi, keterangan=b.keterangan,
            harga_satuan=b.harga_satuan,
        )
        for b in _lines(session, row.id)
    )  # fmt: skip
    ruang = session.get(Ruang, row.tujuan_ruang_id) if row.tujuan_ruang_id is not None else None
    mengetahui = (
        Party(row.mengetahui_nama, row.mengetahui_nip, row.mengetahui_jabatan)
        if row.mengetahui_nama
        else None
    )
    return BastInfo(
        id=row.id, jenis=row.jenis, status=row.status, nomor=row.nomor, surat_keluar_id=row.surat_keluar_id,
        tanggal=row.tanggal,
        pihak1=Party(row.pihak1_nama, row.pihak1_nip, row.pihak1_jabatan, row.pihak1_pegawai_id),
        pihak2=Party(row.pihak2_nama, row.pihak2_nip, row.pihak2_jabatan, row.pihak2_pegawai_id),
        mengetahui=mengetahui, tujuan_ruang_id=row.tujuan_ruang_id,
        tujuan_ruang_nama=ruang.nama if ruang is not None else "", tujuan_unit=row.tujuan_unit,
        dasar_jenis=row.dasar_jenis, dasar_nomor=row.dasar_nomor, dasar_tanggal=row.dasar_tanggal,
        penyedia=row.penyedia, kelengkapan=_kelengkapan_pairs(row.kelengkapan), rangkap=row.rangkap,
        kertas=row.kertas, keterangan=row.keterangan, cetak_count=row.cetak_count, dicetak_at=row.dicetak_at,
        final_at=row.final_at, batal_alasan=row.batal_alasan, created_at=row.created_at, lines=lines,
    )  # fmt: skip


def get_bast(session: Session, actor: Actor, bast_id: int) -> BastInfo:
    actor.require(Perm.VIEW)
    return _info(session, _row(session, bast_id))


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def list_bast(
    session: Session, actor: Actor, filters: BastFilter | None = None, *, limit: int = 200, offset: int = 0
) -> tuple[list[BastRow], int]:
    """One page of the BAST list, newest first, and the size of the whole list. The text must match every
    word in the nomor, a party, the unit or the keterangan."""
    actor.require(Perm.VIEW)
    filters = filters or BastFilter()
    conds: list[ColumnElement[bool]] = [AsetDokumen.jenis.in_(tuple(JENIS))]
    if filters.status:
        if filters.status not in STATUS_LABELS:
            raise ValidationError(f"Status BAST tidak dikenal: {filters.status}", "status")
        conds.append(AsetDokumen.status == filters.status)
    if filters.jenis:
        if filters.jenis not in JENIS:
            raise ValidationError(f"Jenis BAST tidak dikenal: {filters.jenis}", "jenis")
        conds.append(AsetDokumen.jenis == filters.jenis)
    for word in filters.text.split():
        like = f"%{_escape_like(word)}%"
        columns = (AsetDokumen.nomor, AsetDokumen.pihak1_nama, AsetDokumen.pihak2_nama, AsetDokumen.tujuan_unit,
                   AsetDokumen.penyedia, AsetDokumen.keterangan)  # fmt: skip
        conds.append(or_(*(c.ilike(like, escape="\\") for c in columns)))
    total = session.scalar(select(func.count()).select_from(AsetDokumen).where(and_(*conds))) or 0
    rows = session.scalars(
        select(AsetDokumen)
        .where(and_(*conds))
        .order_by(AsetDokumen.tanggal.desc(), AsetDokumen.id.desc())
        .limit(limit)
        .offset(offset)
    ).all()
    sums: dict[int, tuple[int, int]] = {}
    if rows:
        found = session.execute(
            select(
                AsetDokumenBaris.dokumen_id,
                func.sum(AsetDokumenBaris.jumlah),
                func.sum(AsetDokumenBaris.nilai),
            )
            .where(AsetDokumenBaris.dokumen_id.in_([r.id for r in rows]))
            .group_by(AsetDokumenBaris.dokumen_id)
        ).all()
        sums = {d: (int(j or 0), int(n or 0)) for d, j, n in found}
    result = [
        BastRow(
            id=r.id, jenis=r.jenis, status=r.status, nomor=r.nomor, tanggal=r.tanggal, pihak1_nama=r.pihak1_nama,
            pihak2_nama=r.pihak2_nama, jumlah_barang=sums.get(r.id, (0, 0))[0],
            total_nilai=sums.get(r.id, (0, 0))[1], cetak_count=r.cetak_count,
        )
        for r in rows
    ]  # fmt: skip
    return result, int(total)


# --- drafting -----------------------------------------------------------------------------------------------

_AUDITED = ("jenis", "tanggal", "pihak1_nama", "pihak2_nama", "tujuan_ruang_id", "tujuan_unit", "dasar_nomor",
            "rangkap", "kertas")  # fmt: skip


def save_draft(
    session: Session, actor: Actor, data: BastInput, bast_id: int | None = None, *, today: date | None = None
) -> BastInfo:
    """Create or change a BAST that is not final yet. Parties are snapshotted from staff now (R16); the
    mengetahui is the Kepala Dinas of the settings, else the office's signatory for BAST. A BAST that already
    has its number keeps its jenis and number; its next print is marked as a reprint."""
    actor.require(Perm.WRITE_ASSETS)
    today = today or office.today(session)
    existing = _row(session, bast_id) if bast_id is not None else None
    if existing is not None and existing.status not in OPEN:
        raise ValidationError(
            f"BAST {existing.nomor or ''} sudah {STATUS_LABELS[existing.status].lower()} dan tidak dapat diubah; "
            "koreksi dibuat dengan BAST baru."
        )
    if data.jenis not in JENIS:
        raise ValidationError("Jenis BAST tidak dikenal.", "jenis")
    if existing is not None and existing.nomor and data.jenis != existing.jenis:
        raise ValidationError(f"BAST {existing.nomor} sudah bernomor; jenisnya tidak dapat diganti.", "jenis")
    if data.tanggal.year < 2000 or data.tanggal > today + timedelta(days=FUTURE_DAYS):
        raise ValidationError(f"Tanggal BAST {format_date(data.tanggal)} tidak masuk akal.", "tanggal")
    pihak1 = _party(session, "pihak1", data.pihak1_pegawai_id, data.pihak1_nama, data.pihak1_nip,
                    data.pihak1_jabatan)  # fmt: skip
    pihak2 = _party(session, "pihak2", data.pihak2_pegawai_id, data.pihak2_nama, data.pihak2_nip,
                    data.pihak2_jabatan)  # fmt: skip
    if (pihak1.pegawai_id is not None and pihak1.pegawai_id == pihak2.pegawai_id) or (
        pihak1.nip and pihak1.nip == pihak2.nip
    ):
        raise ValidationError("Pihak pertama dan pihak kedua tidak boleh orang yang sama.", "pihak2")
    if data.tujuan_ruang_id is not None:
        room = session.get(Ruang, data.tujuan_ruang_id)
        if room is None or not room.aktif:
            raise ValidationError("Ruangan tujuan tidak ditemukan atau tidak aktif.", "tujuan_ruang_id")
    settings = get_settings(session)
    rangkap = settings.bast_rangkap if data.rangkap is None else data.rangkap
    if isinstance(rangkap, bool) or not isinstance(rangkap, int) or not 1 <= rangkap <= 10:
        raise ValidationError("Rangkap BAST diisi 1 sampai 10.", "rangkap")
    kertas = settings.bast_kertas if data.kertas is None else data.kertas
    if kertas not in BAST_PAPERS:
        raise ValidationError("Kertas BAST A4 atau F4.", "kertas")
    if data.jenis == "penerimaan":
        if data.aset_ids:
            raise ValidationError(
                "BAST penerimaan berisi barang baru, bukan barang yang sudah tercatat.", "barang"
            )
        lines = [_new_line(line, today) for line in data.barang_baru]
    else:
        if data.barang_baru:
            raise ValidationError("Barang baru hanya dicatat dengan BAST penerimaan.", "barang_baru")
        digits = settings.register_digit
        held = _check_items(session, data.jenis, data.aset_ids, bast_id=bast_id, drafting=True)
        lines = [_item_line(r, digits) for r in held]
    if not lines:
        raise ValidationError("BAST belum berisi barang: tambahkan sekurang-kurangnya satu baris.", "barang")
    if len(lines) > MAX_LINES:
        raise ValidationError(f"Satu BAST paling banyak {MAX_LINES} baris barang.", "barang")
    mengetahui = _mengetahui(session)
    now = clock.utc_now()
    if existing is None:
        row = AsetDokumen(jenis=data.jenis, status="draft", created_at=now, created_by=actor.user_id)
        session.add(row)
        before: dict[str, Any] | None = None
    else:
        row = existing
        before = audit.snapshot(row, list(_AUDITED))
    row.jenis, row.tanggal = data.jenis, data.tanggal
    row.pihak1_pegawai_id, row.pihak1_nama, row.pihak1_nip, row.pihak1_jabatan = (
        pihak1.pegawai_id, pihak1.nama, pihak1.nip, pihak1.jabatan
    )  # fmt: skip
    row.pihak2_pegawai_id, row.pihak2_nama, row.pihak2_nip, row.pihak2_jabatan = (
        pihak2.pegawai_id, pihak2.nama, pihak2.nip, pihak2.jabatan
    )  # fmt: skip
    row.mengetahui_nama = mengetahui.nama if mengetahui else ""
    row.mengetahui_nip = mengetahui.nip if mengetahui else ""
    row.mengetahui_jabatan = mengetahui.jabatan if mengetahui else ""
    row.tujuan_ruang_id = data.tujuan_ruang_id
    row.tujuan_unit = _text(data.tujuan_unit, 200, "tujuan_unit", "Unit tujuan")
    row.dasar_jenis = _text(data.dasar_jenis, 30, "dasar_jenis", "Jenis dasar")
    row.dasar_nomor = _text(data.dasar_nomor, 200, "dasar_nomor", "Nomor dasar")
    row.dasar_tanggal = data.dasar_tanggal
    row.penyedia = _text(data.penyedia, 200, "penyedia", "Penyedia")
    row.kelengkapan = _kelengkapan_text(data.kelengkapan)
    row.rangkap, row.kertas = rangkap, kertas
    row.keterangan = data.keterangan.strip()
    row.updated_at = now
    session.flush()
    session.execute(delete(AsetDokumenBaris).where(AsetDokumenBaris.dokumen_id == row.id))
    for urutan, line in enumerate(lines, start=1):
        line.dokumen_id, line.urutan = row.id, urutan
        session.add(line)
    session.flush()
    audit.record(
        session, actor, "buat" if existing is None else "ubah", "bast", row.id,
        summary=f"BAST {JENIS[row.jenis].lower()} {row.nomor or '(draf)'} untuk {row.pihak2_nama}, "
        f"{len(lines)} baris",
        before=before, after=audit.snapshot(row, list(_AUDITED)),
    )  # fmt: skip
    return _info(session, row)


# --- printing -----------------------------------------------------------------------------------------------


def _perihal(jenis: str) -> str:
    return f"Berita Acara Serah Terima {TYPE_LINES[jenis].title()}"


def _dasar_text(row: AsetDokumen) -> str:
    parts = []
    if row.dasar_nomor:
        text = f"berdasarkan {row.dasar_jenis or 'dokumen'} Nomor {row.dasar_nomor}"
        if row.dasar_tanggal is not None:
            text += f" Tanggal {format_date(row.dasar_tanggal)}"
        parts.append(text)
    if row.penyedia:
        parts.append(f"dari {row.penyedia}")
    return " ".join(parts)


def _tujuan_text(session: Session, row: AsetDokumen) -> str:
    ruang = session.get(Ruang, row.tujuan_ruang_id) if row.tujuan_ruang_id is not None else None
    where = [x for x in (row.tujuan_unit, ruang.nama if ruang is not None else "") if x]
    if not where:
        return ""
    if row.jenis == "pengembalian":
        return f"untuk ditempatkan kembali di {' / '.join(where)}"
    if row.jenis == "penerimaan":
        return f"untuk ditempatkan di {' / '.join(where)}"
    return f"untuk dipergunakan pada {' / '.join(where)}"


def _bast_data(session: Session, row: AsetDokumen, *, draft: bool, reprint: bool) -> BastData:
    profile = office.get_profile(session)
    scheme = get_settings(session).kondisi_label
    lines = [
        BastLine(
            kode_barang=b.kode_barang, register_text=b.register_text, nama=b.nama,
            merk_tipe=_print_merk(b), tahun=b.tahun, jumlah=b.jumlah, satuan=b.satuan, nilai=b.nilai,
            kondisi_text=kondisi_label(b.kondisi, scheme), keterangan=b.keterangan,
        )
        for b in _lines(session, row.id)
    ]  # fmt: skip
    mengetahui = (
        BastParty(row.mengetahui_nama, row.mengetahui_nip, row.mengetahui_jabatan)
        if row.mengetahui_nama
        else None
    )
    return BastData(
        header=profile.header(), jenis=row.jenis, nomor="" if draft else row.nomor, tanggal=row.tanggal,
        pihak_pertama=BastParty(row.pihak1_nama, row.pihak1_nip, row.pihak1_jabatan),
        pihak_kedua=BastParty(row.pihak2_nama, row.pihak2_nip, row.pihak2_jabatan), lines=lines,
        mengetahui=mengetahui, dasar_text=_dasar_text(row), tujuan_text=_tujuan_text(session, row),
        kelengkapan=_kelengkapan_pairs(row.kelengkapan), rangkap=row.rangkap,
        paper=F4 if row.kertas == "F4" else A4, place=profile.kota, reprint=reprint, draft=draft,
    )  # fmt: skip


def _take_number(session: Session, actor: Actor, row: AsetDokumen) -> None:
    settings = get_settings(session)
    taken = numbering.take_document_number(
        session, actor, seri_nama=settings.bast_seri or None, kka=settings.bast_kka, tanggal=row.tanggal,
        tujuan=row.pihak2_nama, perihal=_perihal(row.jenis),
        keterangan=f"Nomor BAST dari modul Barang (BMD), {len(_lines(session, row.id))} baris barang.",
    )  # fmt: skip
    row.nomor, row.surat_keluar_id = taken.nomor, taken.surat_keluar_id
    row.status = "dicetak"


def render_pdf(session: Session, actor: Actor, bast_id: int, *, mark_printed: bool) -> bytes:
    """The BAST as PDF bytes. ``mark_printed`` (a real print): the first print of a draft takes the number
    from the letters' series (R28) and makes it *dicetak*; every later print is marked CETAK ULANG and counted.
    Without it (a preview), a draft prints DRAF without a number and nothing is recorded."""
    actor.require(Perm.PRINT)
    row = _row(session, bast_id)
    if row.status == "batal" and mark_printed:
        raise ValidationError(f"BAST {row.nomor or ''} sudah batal; tidak dicetak lagi.")
    if not mark_printed:
        draft = row.status == "draft"
        return build_bast(_bast_data(session, row, draft=draft, reprint=not draft and row.cetak_count > 0))
    first = row.status == "draft"
    if first:
        # Numbering writes into the buku agenda keluar: only the pengurus barang (or the admin) does it.
        actor.require(Perm.WRITE_ASSETS)
        if row.jenis != "penerimaan":
            ids = [b.aset_id for b in _lines(session, row.id) if b.aset_id is not None]
            _check_items(session, row.jenis, ids, bast_id=row.id, drafting=False)
        _take_number(session, actor, row)
    row.cetak_count += 1
    now = clock.utc_now()
    row.dicetak_at = now
    row.updated_at = now
    pdf = build_bast(_bast_data(session, row, draft=False, reprint=not first))
    session.flush()
    audit.record(
        session, actor, "cetak", "bast", row.id,
        summary=f"BAST {row.nomor} dicetak" + ("" if first else f" ulang (cetakan ke-{row.cetak_count})"),
        after={"status": row.status, "nomor": row.nomor, "cetak_count": row.cetak_count},
    )  # fmt: skip
    return pdf


def record_preview_copy(session: Session, actor: Actor, bast_id: int, delivery: printed.Delivery) -> None:
    """The preview's copy (DRAF without a number, or a numbered copy marked CETAK ULANG) went out, mostly as a
    saved PDF: one audit row naming the file or printer. It neither takes a number nor counts as a print of
    the BAST: only ``render_pdf`` with ``mark_printed`` does (R28)."""
    actor.require(Perm.PRINT)
    row = _row(session, bast_id)
    what = f"BAST {row.nomor}" if row.nomor else f"BAST (draf #{row.id})"
    printed.record(session, actor, "bast", row.id, what, delivery)


def send_to_printer(session: Session, actor: Actor, bast_id: int, printer: str | None) -> PrintJob:
    """The print job of a real print (numbered and recorded as ``render_pdf(mark_printed=True)``), with the
    BAST's ``rangkap`` copies on its paper. Send it inside the same transaction, so a job the printer refuses
    rolls the number back: ``spool.send_pdf(job.pdf, job.printer, title=job.title, copies=job.copies,
    media=job.media)``."""
    pdf = render_pdf(session, actor, bast_id, mark_printed=True)
    row = _row(session, bast_id)
    return PrintJob(
        pdf=pdf, printer=printer or None, title=f"BAST {row.nomor}", copies=row.rangkap,
        media=spool.MEDIA_F4 if row.kertas == "F4" else "A4",
    )  # fmt: skip


# --- final and cancel ---------------------------------------------------------------------------------------


def _receive(session: Session, actor: Actor, row: AsetDokumen, doc: DocRef, today: date) -> None:
    """Penerimaan: the assets of each line, linked to the line (one unit) and, through the perolehan
    mutations, to the BAST."""
    digits = get_settings(session).register_digit
    for line in _lines(session, row.id):
        data = items.AssetInput(
            kode_barang=line.kode_barang, nama=line.nama, tahun=line.tahun or row.tanggal.year,
            harga=line.harga_satuan, spesifikasi=line.spesifikasi, merk_tipe=line.merk_tipe, satuan=line.satuan,
            tanggal_perolehan=row.tanggal if line.tahun == row.tanggal.year else None,
            asal_usul="Pembelian", dasar_jenis=DOC_JENIS, dasar_nomor=row.nomor, dasar_tanggal=row.tanggal,
            kondisi=line.kondisi, ruang_id=row.tujuan_ruang_id, keterangan=line.keterangan,
        )  # fmt: skip
        created = items.create_assets(session, actor, data, line.jumlah, doc=doc, today=today).assets
        registers = [a.register for a in created]
        line.register_text = format_register_range(min(registers), max(registers), digits)
        line.aset_id = created[0].id if len(created) == 1 else None


def finalise(session: Session, actor: Actor, bast_id: int, *, today: date | None = None) -> BastInfo:
    """Mark a printed BAST final (R18) and, in the same transaction, move its items: penyerahan and
    pengamanan give them to PIHAK KEDUA (unit and room when named), pengembalian takes them back into the room
    named (or none), penerimaan records the new assets. Any refused item leaves everything as it was."""
    actor.require(Perm.WRITE_ASSETS)
    today = today or office.today(session)
    row = _row(session, bast_id)
    if row.status == "draft":
        raise ValidationError("Cetak BAST ini lebih dahulu: nomornya diambil pada cetakan pertama.")
    if row.status != "dicetak":
        raise ValidationError(f"BAST {row.nomor} sudah {STATUS_LABELS[row.status].lower()}.")
    if row.tanggal > today:
        raise ValidationError(
            f"BAST bertanggal {format_date(row.tanggal)}; difinalkan pada tanggal itu atau sesudahnya.",
            "tanggal",
        )
    doc = DocRef(jenis=DOC_JENIS, nomor=row.nomor, tanggal=row.tanggal, dokumen_id=row.id)
    lines = _lines(session, row.id)
    if row.jenis == "penerimaan":
        _receive(session, actor, row, doc, today)
    else:
        ids = [b.aset_id for b in lines if b.aset_id is not None]
        held = _check_items(session, row.jenis, ids, bast_id=row.id, drafting=False)
        jenis = _MUTATION[row.jenis]
        for aset in held:
            target = items.writable_row(session, actor, aset.id)
            if row.jenis == "pengembalian":
                items.set_holder(session, actor, target, jenis, row.tanggal, pegawai_id=None, nama="", unit="",
                                 ruang_id=row.tujuan_ruang_id, doc=doc)  # fmt: skip
            else:
                items.set_holder(
                    session, actor, target, jenis, row.tanggal, pegawai_id=row.pihak2_pegawai_id,
                    nama=row.pihak2_nama, unit=row.tujuan_unit or target.unit,
                    ruang_id=row.tujuan_ruang_id if row.tujuan_ruang_id is not None else target.ruang_id, doc=doc,
                )  # fmt: skip
    now = clock.utc_now()
    row.status, row.final_at, row.final_by, row.updated_at = "final", now, actor.user_id, now
    session.flush()
    audit.record(
        session, actor, "final", "bast", row.id,
        summary=f"BAST {row.nomor} final: {len(lines)} baris barang, {JENIS[row.jenis].lower()}",
        before={"status": "dicetak"}, after={"status": "final"},
    )  # fmt: skip
    return _info(session, row)


def cancel(session: Session, actor: Actor, bast_id: int, alasan: str) -> BastInfo:
    """Cancel a BAST that is not final. A number it took stays in the buku agenda keluar, marked *batal* with
    the reason; a final BAST is never cancelled (a correction is a new BAST, R29)."""
    actor.require(Perm.WRITE_ASSETS)
    alasan = _squash(alasan)
    if not alasan:
        raise ValidationError("Alasan pembatalan wajib diisi.", "alasan")
    row = _row(session, bast_id)
    if row.status == "final":
        raise ValidationError(
            f"BAST {row.nomor} sudah final dan tidak dapat dibatalkan; koreksi dibuat dengan BAST baru "
            "(mis. BAST pengembalian)."
        )
    if row.status == "batal":
        raise ValidationError(f"BAST {row.nomor or ''} sudah batal.")
    before = {"status": row.status}
    row.status, row.batal_alasan, row.updated_at = "batal", alasan[:400], clock.utc_now()
    if row.surat_keluar_id is not None:
        numbering.cancel_document_number(session, actor, row.surat_keluar_id, f"BAST dibatalkan: {alasan}")
    session.flush()
    audit.record(
        session, actor, "batal", "bast", row.id, summary=f"BAST {row.nomor or '(draf)'} dibatalkan: {alasan}"[:400],
        before=before, after={"status": "batal", "batal_alasan": row.batal_alasan},
    )  # fmt: skip
    return _info(session, row)
