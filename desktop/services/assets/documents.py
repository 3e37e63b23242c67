"""The printed documents of Barang (BMD) built from the data: KIB A-F, KIR, Kartu Barang and label sheets."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session, aliased

from desktop.core import clock
from desktop.core.assets.kondisi import LABEL_17_2007, kondisi_nama
from desktop.core.assets.register import RegisterLine, RegisterRow, format_register, group_registers
from desktop.core.dates import format_date_numeric
from desktop.core.money import format_number
from desktop.models.assets import (
    Aset,
    AsetDokumen,
    AsetDokumenBaris,
    AsetLampiran,
    AsetMutasi,
    AsetRincian,
    Ruang,
)
from desktop.printing.assets.kartu_barang import (
    KartuBarangData,
    KartuBarangItem,
    MutasiLine,
    build_kartu_barang,
)
from desktop.printing.assets.kib import (
    GOLONGAN,
    Cancelled,
    KibData,
    KibRow,
    Lokasi,
    build_kib,
    kib_text_columns,
)
from desktop.printing.assets.kir import LAYOUTS as KIR_LAYOUTS
from desktop.printing.assets.kir import KirData, KirLine, build_kir
from desktop.printing.assets.labels import LabelItem, LabelSheetData, build_labels
from desktop.printing.data import Signer
from desktop.services.assets import items, ledger, rooms
from desktop.services.assets.items import RINCIAN_FIELDS, AssetFilter
from desktop.services.assets.parties import snapshot
from desktop.services.assets.settings import LABEL_CODES, LABEL_LAYOUTS, AssetSettings, get_settings
from desktop.services.common import audit, office, printed
from desktop.services.common.errors import NotFound, ValidationError
from desktop.services.common.permissions import Actor, Perm

__all__ = [
    "KIB_JENIS",
    "kartu_barang_pdf",
    "kib_pdf",
    "kib_signers",
    "kir_pdf",
    "label_ids_for_bast",
    "label_ids_for_room",
    "labels_pdf",
    "record_kartu_barang_printed",
    "record_kib_printed",
    "record_kir_printed",
]

Progress = Callable[[int, int], None]

KIB_JENIS = {"gabungan": "Gabungan", "intra": "Intrakomptabel", "ekstra": "Ekstrakomptabel"}
_DATE_FIELDS = {
    "tanggal_perolehan",
    "dasar_tanggal",
    "sertifikat_tanggal",
    "dokumen_tanggal",
    "tanggal_mulai",
}
_BATCH = 900  # ids per IN (...): under SQLite's old 999-parameter limit


# --- the frame every document shares -----------------------------------------------------------------------


def _person(session: Session, pegawai_id: int | None, jabatan: str) -> Signer | None:
    """A pegawai as a signer; ``jabatan`` is used when the record has none."""
    if pegawai_id is None:
        return None
    found = snapshot(session, pegawai_id)
    if found is None:
        return None
    return Signer(jabatan=found.jabatan or jabatan, nama=found.nama, nip=found.nip)


def _kepala(session: Session, s: AssetSettings) -> Signer | None:
    """Kepala SKPD (Pengguna Barang): the pegawai of Pengaturan Barang, else the office's signatory of KIB/KIR,
    else a blank spot to sign by hand."""
    return _person(session, s.kepala_pegawai_id, "Kepala SKPD") or office.signer_for(session, "kib_kir")


def _pengurus(session: Session, actor: Actor, s: AssetSettings) -> Signer | None:
    """The pengurus barang of Pengaturan Barang, else the clerk who prints (the system account signs nothing)."""
    found = _person(session, s.pengurus_pegawai_id, "Pengurus Barang")
    if found is not None:
        # The form names the role, whatever the person's structural jabatan is.
        return Signer(jabatan="Pengurus Barang", nama=found.nama, nip=found.nip)
    if actor.user_id is None or not actor.full_name.strip():
        return None
    return Signer(jabatan="Pengurus Barang", nama=actor.full_name)


def kib_signers(session: Session, actor: Actor) -> tuple[Signer | None, Signer | None]:
    """The two signers of the KIB (Kepala SKPD, Pengurus Barang), for the module's other reports (R31)."""
    s = get_settings(session)
    return _kepala(session, s), _pengurus(session, actor, s)


def _lokasi(s: AssetSettings) -> Lokasi:
    return Lokasi(
        provinsi=s.provinsi, kabupaten_kota=s.kabupaten_kota, bidang=s.bidang,
        unit_organisasi=s.unit_organisasi, sub_unit=s.sub_unit, upb=s.upb,
    )  # fmt: skip


def _printed_at(zone: str) -> str:
    now = clock.now(zone)
    return f"dicetak {format_date_numeric(now.date())} {now:%H.%M}"


def _reg(register: int, width: int) -> str:
    """The register as printed; one that outgrew the 4-digit forms is printed whole rather than refused."""
    try:
        return format_register(register, width)
    except ValueError:
        return str(register)


def _reg_range(first: int, last: int, width: int) -> str:
    return _reg(first, width) if first == last else f"{_reg(first, width)} s/d {_reg(last, width)}"


# --- reading plain rows --------------------------------------------------------------------------------------

_ASET_COLUMNS = (
    "id", "nibar", "kode_barang", "register", "golongan", "nama", "spesifikasi", "merk_tipe", "ukuran", "bahan",
    "satuan", "tahun", "harga", "asal_usul", "kondisi", "intra", "no_pabrik", "no_rangka", "no_mesin",
    "no_polisi", "no_bpkb", "ruang_id", "keterangan",
)  # fmt: skip


def _read(session: Session, *conds: ColumnElement[bool], rincian: bool) -> list[dict[str, Any]]:
    """The items matching ``conds`` in KIB order (kode, register) as plain dicts, with the room's name, the
    parcel's kode/register (Nomor Kode Tanah) and, when asked, the golongan fields — in one query, so a KIB of
    40,000 rows is one round trip, not one per row."""
    tanah = aliased(Aset)
    columns: list[Any] = [getattr(Aset, name) for name in _ASET_COLUMNS]
    columns += [Ruang.nama.label("ruang_nama"), tanah.kode_barang.label("tanah_kode"),
                tanah.register.label("tanah_register")]  # fmt: skip
    query = (
        select(*columns)
        .outerjoin(Ruang, Ruang.id == Aset.ruang_id)
        .outerjoin(tanah, tanah.id == Aset.tanah_id)
    )
    if rincian:
        query = query.add_columns(*(getattr(AsetRincian, name) for name in RINCIAN_FIELDS))
        query = query.outerjoin(AsetRincian, AsetRincian.aset_id == Aset.id)
    query = query.where(*conds).order_by(Aset.kode_barang, Aset.register, Aset.id)
    result = session.execute(query)
    keys = list(result.keys())
    return [dict(zip(keys, row, strict=True)) for row in result]


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return format_date_numeric(value)
    return str(value)


def _ya(value: Any, yes: str) -> str:
    if value is None:
        return ""
    return yes if value else "Tidak"


def _tanah_text(row: dict[str, Any], width: int) -> str:
    if row.get("tanah_kode") is None:
        return ""
    return f"{row['tanah_kode']}.{_reg(int(row['tanah_register']), width)}"


def _common(rows: Sequence[dict[str, Any]], name: str) -> str:
    """The value all units of a merged line share; differing values are listed (at most three, then "…")."""
    if len(rows) == 1:  # most lines: a KIB of 40,000 rows calls this twice per line
        return str(rows[0].get(name) or "").strip()
    values: list[str] = []
    for row in rows:
        text = str(row.get(name) or "").strip()
        if text and text not in values:
            values.append(text)
    if len(values) > 3:
        return ", ".join(values[:3]) + ", …"
    return ", ".join(values)


def _keterangan(rows: Sequence[dict[str, Any]]) -> str:
    """The KIB's Keterangan: where the goods are (worked example R11), "Ekstrakomptabel" so a combined card
    still tells the two apart (R10), then the note typed on the item."""
    ekstra = "Ekstrakomptabel" if not rows[0]["intra"] else ""
    return "; ".join(x for x in (_common(rows, "ruang_nama"), ekstra, _common(rows, "keterangan")) if x)


# --- KIB -----------------------------------------------------------------------------------------------------


def _kib_b_key(row: dict[str, Any]) -> Hashable:
    # R6: units print as one line only when all that the line shows is the same (intra too: R10).
    return (row["kode_barang"], row["nama"], row["merk_tipe"], row["ukuran"], row["bahan"], row["tahun"],
            row["asal_usul"], row["intra"])  # fmt: skip


def _own_numbers(row: dict[str, Any]) -> bool:
    return any(row[n] for n in ("no_pabrik", "no_rangka", "no_mesin", "no_polisi", "no_bpkb"))


def _kib_b_rows(rows: list[dict[str, Any]], width: int) -> list[KibRow]:
    lines = group_registers(
        RegisterRow(_kib_b_key(r), int(r["register"]), int(r["harga"]), _own_numbers(r)) for r in rows
    )
    out = []
    for line in lines:
        units = rows[line.start : line.start + line.jumlah]
        r = units[0]
        cells = (
            r["kode_barang"], r["nama"], _reg_range(line.first, line.last, width), r["merk_tipe"], r["ukuran"],
            r["bahan"], str(r["tahun"]), r["no_pabrik"], r["no_rangka"], r["no_mesin"], r["no_polisi"],
            r["no_bpkb"], r["asal_usul"], _keterangan(units),
        )  # fmt: skip
        out.append(KibRow(cells=cells, harga=line.harga, jumlah=line.jumlah))
    return out


def _kib_cells(golongan: str, r: dict[str, Any], width: int) -> tuple[str, ...]:
    """One item's text cells in the order of ``kib_text_columns(golongan)`` (KIB A, C, D, E, F)."""
    reg = _reg(int(r["register"]), width)
    ket = _keterangan([r])
    kondisi = LABEL_17_2007.get(int(r["kondisi"]), "")  # KIB C/D keep the 17/2007 letters (R23)
    g = r.get
    if golongan == "A":
        return (r["nama"], r["kode_barang"], reg, _text(g("luas")), str(r["tahun"]), _text(g("letak")),
                _text(g("hak")), _text(g("sertifikat_tanggal")), _text(g("sertifikat_nomor")),
                _text(g("penggunaan")), r["asal_usul"], ket)  # fmt: skip
    if golongan == "C":
        return (r["nama"], r["kode_barang"], reg, kondisi, _ya(g("bertingkat"), "Bertingkat"),
                _ya(g("beton"), "Beton"), _text(g("luas_lantai")), _text(g("letak")),
                _text(g("dokumen_tanggal")), _text(g("dokumen_nomor")), _text(g("luas")),
                _text(g("status_tanah")), _tanah_text(r, width), r["asal_usul"], ket)  # fmt: skip
    if golongan == "D":
        return (r["nama"], r["kode_barang"], reg, _text(g("konstruksi")), _text(g("panjang_km")),
                _text(g("lebar_m")), _text(g("luas")), _text(g("letak")), _text(g("dokumen_tanggal")),
                _text(g("dokumen_nomor")), _text(g("status_tanah")), _tanah_text(r, width), r["asal_usul"],
                kondisi, ket)  # fmt: skip
    if golongan == "E":
        return (r["nama"], r["kode_barang"], reg, _text(g("judul_pencipta")), _text(g("buku_spesifikasi")),
                _text(g("seni_asal_daerah")), _text(g("seni_pencipta")), _text(g("seni_bahan")),
                _text(g("hewan_jenis")), _text(g("hewan_ukuran")), str(r["tahun"]), r["asal_usul"],
                ket)  # fmt: skip
    # F: the asal-usul pembiayaan is the asal usul of the record.
    return (r["nama"], _text(g("bangunan")), _ya(g("bertingkat"), "Bertingkat"), _ya(g("beton"), "Beton"),
            _text(g("luas")), _text(g("letak")), _text(g("dokumen_tanggal")), _text(g("dokumen_nomor")),
            _text(g("tanggal_mulai")), _text(g("status_tanah")), _tanah_text(r, width), r["asal_usul"],
            ket)  # fmt: skip


def _kib_golongan(golongan: str, jenis: str) -> str:
    """The KIB asked for, checked: its golongan A-F (as typed, any case) and gabungan/intra/ekstra."""
    golongan = golongan.strip().upper()
    if golongan not in GOLONGAN:
        raise ValidationError("Golongan KIB A sampai F.", "golongan")
    if jenis not in KIB_JENIS:
        raise ValidationError("Jenis KIB: gabungan, intra atau ekstra.", "jenis")
    return golongan


def kib_rows(session: Session, actor: Actor, golongan: str, *, jenis: str = "gabungan") -> list[KibRow]:
    """The printed lines of a KIB: KIB B merged into register ranges (R6), the other cards one line per item."""
    actor.require(Perm.VIEW)
    golongan = _kib_golongan(golongan, jenis)
    width = get_settings(session).register_digit
    conds: list[ColumnElement[bool]] = [Aset.golongan == golongan, Aset.status == "aktif"]
    if jenis != "gabungan":
        conds.append(Aset.intra.is_(jenis == "intra"))
    rows = _read(session, *conds, rincian=golongan != "B")
    if golongan == "B":
        return _kib_b_rows(rows, width)
    out = []
    for r in rows:
        harga = int(r["harga"])
        if golongan == "F" and r.get("nilai_kontrak") is not None:
            harga = int(r["nilai_kontrak"])  # KIB F prints the contract value
        out.append(KibRow(cells=_kib_cells(golongan, r, width), harga=harga, jumlah=1))
    expected = len(kib_text_columns(golongan))
    if out and len(out[0].cells) != expected:  # a column added to the card must be filled here too
        raise AssertionError(f"KIB {golongan}: {len(out[0].cells)} isian, kartu meminta {expected}")
    return out


def kib_pdf(
    session: Session,
    actor: Actor,
    golongan: str,
    *,
    jenis: str = "gabungan",
    ribuan: bool | None = None,
    tanggal: date | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> bytes:
    """The KIB of ``golongan`` (F4 landscape, R8-R10): all active items in KIB order, intra, ekstra or both;
    ``ribuan`` None takes the setting (R9). Signed by the Kepala SKPD and the pengurus barang. Nothing is
    recorded here (opening a preview is not printing): :func:`record_kib_printed` records the real print.
    ``progress``/``cancelled`` as the register reports (raises ``Cancelled``)."""
    actor.require(Perm.PRINT)
    s = get_settings(session)
    profile = office.get_profile(session)
    rows = kib_rows(session, actor, golongan, jenis=jenis)
    if (
        cancelled is not None and cancelled()
    ):  # reading 40,000 rows takes seconds: honour a cancel before drawing
        raise Cancelled()
    golongan = golongan.strip().upper()
    data = KibData(
        header=profile.header(), golongan=golongan, rows=rows, kode_lokasi=s.kode_lokasi, lokasi=_lokasi(s),
        place=profile.kota, tanggal=tanggal or office.today(session), kepala=_kepala(session, s),
        pengurus=_pengurus(session, actor, s), ribuan=s.harga_ribuan if ribuan is None else ribuan,
        jenis_text=KIB_JENIS[jenis], printed_at=_printed_at(profile.zona_waktu),
    )  # fmt: skip
    return build_kib(data, progress, cancelled)


def record_kib_printed(
    session: Session, actor: Actor, golongan: str, delivery: printed.Delivery, *, jenis: str = "gabungan"
) -> None:
    """The KIB of ``golongan`` really went out: a printer took the job or its PDF was saved (one audit row
    naming the printer or the file). Building it for the preview records nothing."""
    actor.require(Perm.PRINT)
    golongan = _kib_golongan(golongan, jenis)
    printed.record(session, actor, "kib", golongan, f"KIB {golongan} {KIB_JENIS[jenis].lower()}", delivery)


# --- KIR -----------------------------------------------------------------------------------------------------


def _kir_key(row: dict[str, Any]) -> Hashable:
    return (row["kode_barang"], row["nama"], row["merk_tipe"], row["ukuran"], row["bahan"], row["tahun"])


def _kir_line(units: Sequence[dict[str, Any]], register: str, harga: int) -> KirLine:
    r = units[0]
    counts = [sum(1 for u in units if int(u["kondisi"]) == code) for code in (1, 2, 3)]
    return KirLine(
        nama=r["nama"], kode_barang=r["kode_barang"], register=register, jumlah=len(units), harga=harga,
        baik=counts[0], rusak_ringan=counts[1], rusak_berat=counts[2], merk_tipe=r["merk_tipe"],
        no_seri_pabrik=_common(units, "no_pabrik"), ukuran=r["ukuran"], bahan=r["bahan"], tahun=str(r["tahun"]),
        nibar=r["nibar"] if len(units) == 1 else "", spesifikasi=r["spesifikasi"], satuan=r["satuan"],
        keterangan=_common(units, "keterangan"),
    )  # fmt: skip


def kir_lines(session: Session, actor: Actor, ruang_id: int, *, merged: bool) -> list[KirLine]:
    """The room's active items in KIB order; ``merged`` puts identical units on consecutive registers on one line
    (the 17/2007 Jumlah/Register and the posted copy), otherwise one line per item (47/2021 prints the NIBAR)."""
    actor.require(Perm.VIEW)
    width = get_settings(session).register_digit
    rows = _read(session, Aset.ruang_id == ruang_id, Aset.status == "aktif", rincian=False)
    if not merged:
        return [_kir_line([r], _reg(int(r["register"]), width), int(r["harga"])) for r in rows]
    lines: list[RegisterLine] = group_registers(
        RegisterRow(_kir_key(r), int(r["register"]), int(r["harga"]), _own_numbers(r)) for r in rows
    )
    return [
        _kir_line(rows[ln.start : ln.start + ln.jumlah], _reg_range(ln.first, ln.last, width), ln.harga)
        for ln in lines
    ]


def kir_pdf(
    session: Session,
    actor: Actor,
    ruang_id: int,
    *,
    layout: str | None = None,
    posted: bool = False,
    tanggal: date | None = None,
) -> bytes:
    """The KIR of one room in ``layout`` ("17/2007" or "47/2021"; None: Pengaturan) or the copy posted in the
    room. Building it records nothing: ``record_kir_printed`` does, once it went out."""
    actor.require(Perm.PRINT)
    s = get_settings(session)
    layout = _kir_layout(layout, s.kir_layout)
    room = rooms.get_room(session, actor, ruang_id)
    profile = office.get_profile(session)
    lines = kir_lines(session, actor, ruang_id, merged=posted or layout == "17/2007")
    pj = (
        Signer(jabatan="Penanggung Jawab Ruangan", nama=room.pj_nama, nip=room.pj_nip)
        if room.pj_nama
        else None
    )
    data = KirData(
        header=profile.header(), layout=layout, ruang_nama=room.nama, ruang_kode=room.kode,
        kode_lokasi=s.kode_lokasi, lines=lines, place=profile.kota, tanggal=tanggal or office.today(session),
        pengurus=_pengurus(session, actor, s), penanggung_jawab=pj, kepala=_kepala(session, s),
        lokasi=_lokasi(s), pengguna_barang=s.unit_organisasi or profile.nama_dinas,
        kuasa_pengguna_barang=s.upb or s.sub_unit, posted=posted, printed_at=_printed_at(profile.zona_waktu),
    )  # fmt: skip
    return build_kir(data)


def _kir_layout(asked: str | None, configured: str) -> str:
    layout = asked or configured
    if layout not in KIR_LAYOUTS:
        raise ValidationError("Format KIR 17/2007 atau 47/2021.", "layout")
    return layout


def record_kir_printed(
    session: Session,
    actor: Actor,
    ruang_id: int,
    delivery: printed.Delivery,
    *,
    layout: str | None = None,
    posted: bool = False,
) -> None:
    """The KIR of one room really went out (a printer took it or its PDF was saved): the room's KIR counts as
    printed for the Beranda, and one audit row names the printer or the file. The copy posted in the room
    counts as a print of the KIR too."""
    actor.require(Perm.PRINT)
    layout = _kir_layout(layout, get_settings(session).kir_layout)
    room = rooms.get_room(session, actor, ruang_id)
    rooms.mark_kir_printed(session, ruang_id)
    what = f"KIR {room.nama} ({layout}{', ditempel di ruangan' if posted else ''})"
    printed.record(session, actor, "ruang", ruang_id, what, delivery)


# --- Kartu Barang --------------------------------------------------------------------------------------------

_FIELD_LABELS = {
    "kode_barang": "Kode barang", "register": "Register", "golongan": "Golongan", "nama": "Nama",
    "spesifikasi": "Spesifikasi", "merk_tipe": "Merk/Tipe", "ukuran": "Ukuran", "bahan": "Bahan",
    "satuan": "Satuan", "tahun": "Tahun", "tanggal_perolehan": "Tanggal perolehan", "harga": "Harga",
    "asal_usul": "Asal usul", "kondisi": "Kondisi", "intra": "Intra/ekstra", "ruang_id": "Ruang",
    "pemegang_nama": "Pemegang", "unit": "Unit", "status": "Status", "keterangan": "Keterangan",
    "no_pabrik": "No. pabrik", "no_rangka": "No. rangka", "no_mesin": "No. mesin", "no_polisi": "No. polisi",
    "no_bpkb": "No. BPKB", "tanah_id": "Tanah", "nilai_kontrak": "Nilai kontrak",
}  # fmt: skip
# Ids that the readable names beside them already say.
_HIDDEN = {"pemegang_pegawai_id"}
_IDENTITY = {"kode_barang", "register", "nama", "merk_tipe", "tahun", "harga"}


def _readable(name: str, value: Any, room_names: dict[int, str], scheme: str, width: int) -> str:
    if value is None or value == "":
        return "–"
    if name == "ruang_id":
        return room_names.get(int(value), f"ruang #{value}")
    if name == "kondisi":
        try:
            return kondisi_nama(int(value), scheme)
        except ValueError:
            return str(value)
    if name in ("harga", "nilai_kontrak") and isinstance(value, int):
        return f"Rp {format_number(value)}"
    if name == "intra":
        return "Intrakomptabel" if value else "Ekstrakomptabel"
    if name == "register" and isinstance(value, int):
        return _reg(value, width)
    if name in _DATE_FIELDS and isinstance(value, str):
        try:
            return format_date_numeric(date.fromisoformat(value))
        except ValueError:
            return value
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    return str(value)


def _uraian(m: ledger.MutationInfo, room_names: dict[int, str], scheme: str, width: int) -> str:
    """``Ruang: R. Umum → R. Kepala Dinas``; a record without a before (perolehan) lists what was recorded."""
    parts: list[str] = []
    names = [k for k in {**m.sebelum, **m.sesudah} if k not in _HIDDEN]
    if not m.sebelum:  # a first record: what the card's identity and Nilai column already say is left out
        names = [k for k in names if k not in _IDENTITY]
    for name in names:
        label = _FIELD_LABELS.get(name, name.replace("_", " ").capitalize())
        after = _readable(name, m.sesudah.get(name), room_names, scheme, width)
        if name in m.sebelum:
            before = _readable(name, m.sebelum.get(name), room_names, scheme, width)
            parts.append(f"{label}: {before} → {after}")
        else:
            parts.append(f"{label}: {after}")
    if m.keterangan:
        parts.append(m.keterangan)
    return "; ".join(parts)


def _first_photo(session: Session, aset_id: int) -> bytes | None:
    """The item's first photo whose content still matches its SHA-256 (a damaged file is left off the card)."""
    rows = session.execute(
        select(AsetLampiran.konten, AsetLampiran.sha256)
        .where(AsetLampiran.aset_id == aset_id, AsetLampiran.jenis == "foto")
        .order_by(AsetLampiran.id)
        .limit(5)
    ).all()
    for konten, sha in rows:
        if konten and hashlib.sha256(konten).hexdigest() == sha:
            return bytes(konten)
    return None


def kartu_barang_pdf(session: Session, actor: Actor, aset_id: int, *, tanggal: date | None = None) -> bytes:
    """The Kartu Barang (R30): the item's identity and photo, and every mutation oldest first in words. Nothing
    is recorded here: :func:`record_kartu_barang_printed` records the real print."""
    actor.require(Perm.PRINT)
    info = items.get_asset(session, actor, aset_id)
    history = items.history(session, actor, aset_id)
    s = get_settings(session)
    profile = office.get_profile(session)
    ids: set[int] = set()
    for m in history:
        for values in (m.sebelum, m.sesudah):
            if isinstance(values.get("ruang_id"), int):
                ids.add(values["ruang_id"])
    names = rooms.room_names(session, ids)
    lines = [
        MutasiLine(
            tanggal=m.tanggal, jenis=m.jenis_label,
            dokumen=" ".join(x for x in (m.dokumen_text, _text(m.dokumen_tanggal)) if x),
            uraian=_uraian(m, names, s.kondisi_label, s.register_digit), nilai=m.nilai or None,
            petugas=m.username,
        )
        for m in history
    ]  # fmt: skip
    item = KartuBarangItem(
        kode_barang=info.kode_barang, register=info.register_text, nama=info.nama, nibar=info.nibar,
        merk_tipe=info.merk_tipe, tahun=str(info.tahun), harga=info.harga,
        kondisi=kondisi_nama(info.kondisi, s.kondisi_label), ruang=info.ruang_nama,
        pemegang=info.pemegang_nama, intra_ekstra="Intrakomptabel" if info.intra else "Ekstrakomptabel",
        kode_lokasi=s.kode_lokasi, spesifikasi=info.spesifikasi, asal_usul=info.asal_usul,
    )  # fmt: skip
    data = KartuBarangData(
        header=profile.header(), item=item, history=lines, place=profile.kota,
        tanggal=tanggal or office.today(session), pengurus=_pengurus(session, actor, s),
        photo=_first_photo(session, aset_id), printed_at=_printed_at(profile.zona_waktu),
    )  # fmt: skip
    return build_kartu_barang(data)


def record_kartu_barang_printed(
    session: Session, actor: Actor, aset_id: int, delivery: printed.Delivery
) -> None:
    """The item's Kartu Barang really went out (printer or saved PDF): one audit row; the preview records
    nothing."""
    actor.require(Perm.PRINT)
    info = items.get_asset(session, actor, aset_id)
    printed.record(session, actor, "aset", aset_id, f"Kartu Barang {info.kode_register}", delivery)


# --- labels --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LabelBatch:
    """What a label print did: the PDF, how many items, and how many of them had a label before."""

    pdf: bytes
    count: int
    reprints: int


def _label_counts(session: Session, ids: Sequence[int]) -> dict[int, int]:
    counts: dict[int, int] = {}
    for start in range(0, len(ids), _BATCH):
        chunk = ids[start : start + _BATCH]
        rows = session.execute(
            select(AsetMutasi.aset_id, func.count())
            .where(AsetMutasi.aset_id.in_(chunk), AsetMutasi.jenis == "label")
            .group_by(AsetMutasi.aset_id)
        )
        counts.update({int(a): int(n) for a, n in rows})
    return counts


def label_batch(
    session: Session,
    actor: Actor,
    aset_ids: Sequence[int],
    *,
    layout: str | None = None,
    code: str | None = None,
    start_position: int = 1,
    record: bool = True,
) -> LabelBatch:
    """Labels of the items in ``aset_ids`` order (R14, R15). ``record`` (a real print): one "label" mutation per
    item in the caller's transaction, so every reprint stays in the item's history. The sheet is marked
    "cetak ulang" only when every item on it had a label before: the mark is per sheet, and a new item must
    not go out marked as a reprint."""
    actor.require(Perm.PRINT)
    if record:
        actor.require(Perm.WRITE_ASSETS)
    s = get_settings(session)
    layout = layout or s.label_layout
    code = code or s.label_kode
    if layout not in LABEL_LAYOUTS:
        raise ValidationError("Tata letak label tidak dikenal.", "layout")
    if code not in LABEL_CODES:
        raise ValidationError("Jenis kode label tidak dikenal.", "code")
    ids = list(dict.fromkeys(aset_ids))
    if not ids:
        raise ValidationError("Pilih barang yang akan dicetak labelnya.")
    infos = items.get_assets(session, actor, ids)
    if len(infos) != len(ids):
        raise NotFound("Sebagian barang yang dipilih tidak ditemukan.")
    gone = [i for i in infos if i.status != "aktif"]
    if gone:
        raise ValidationError(f"Barang {gone[0].kode_register} sudah dihapus; labelnya tidak dicetak lagi.")
    before = _label_counts(session, ids)
    reprints = sum(1 for i in ids if before.get(i))
    profile = office.get_profile(session)
    labels = tuple(
        LabelItem(
            full_id=i.full_id, nibar=i.nibar, kode_lokasi=s.kode_lokasi, kode_register_text=i.kode_register,
            nama=i.nama, tahun=i.tahun, ruang=i.ruang_nama,
        )
        for i in infos
    )  # fmt: skip
    try:
        pdf = build_labels(
            LabelSheetData(
                nama_pemda=profile.nama_pemda, nama_dinas=profile.nama_dinas, logo_png=profile.logo_png,
                items=labels, layout=layout, start_position=start_position, code=code,
                reprint=reprints == len(ids),
            )
        )  # fmt: skip
    except ValueError as exc:  # a start position off the sheet, an item without its code: the clerk's to fix
        raise ValidationError(str(exc), "start_position") from exc
    if record:
        today = office.today(session)
        rows = {r.id: r for r in session.scalars(select(Aset).where(Aset.id.in_(ids)))}
        for aset_id in ids:
            n = before.get(aset_id, 0) + 1
            ledger.record(
                session, actor, rows[aset_id], "label", today,
                after={"cetakan_ke": n, "tata_letak": layout, "kode": code},
                keterangan="Label dicetak" if n == 1 else f"Label dicetak ulang (cetakan ke-{n})",
            )  # fmt: skip
        session.flush()
        audit.record(
            session, actor, "cetak", "aset", ",".join(str(i) for i in ids[:20]),
            summary=f"Label {len(ids)} barang dicetak ({reprints} cetak ulang)",
            after={"jumlah": len(ids), "cetak_ulang": reprints, "tata_letak": layout, "kode": code},
        )  # fmt: skip
    return LabelBatch(pdf=pdf, count=len(ids), reprints=reprints)


def labels_pdf(
    session: Session,
    actor: Actor,
    aset_ids: Sequence[int],
    *,
    layout: str | None = None,
    code: str | None = None,
    start_position: int = 1,
    record: bool = True,
) -> bytes:
    """The label PDF of :func:`label_batch`."""
    return label_batch(
        session, actor, aset_ids, layout=layout, code=code, start_position=start_position, record=record
    ).pdf


def label_ids_for_room(session: Session, actor: Actor, ruang_id: int) -> list[int]:
    """The room's active items in KIB order (a label batch per room, R15)."""
    rooms.get_room(session, actor, ruang_id)
    return items.asset_ids(session, actor, AssetFilter(ruang_id=ruang_id))


def label_ids_for_bast(session: Session, actor: Actor, bast_id: int) -> list[int]:
    """The items of a BAST (R15): its lines' items and, for a penerimaan, the assets it created (the perolehan
    mutations of that document); active ones only, in line order then KIB order."""
    actor.require(Perm.VIEW)
    if session.get(AsetDokumen, bast_id) is None:
        raise NotFound("BAST tidak ditemukan.")
    lined = session.scalars(
        select(AsetDokumenBaris.aset_id)
        .where(AsetDokumenBaris.dokumen_id == bast_id, AsetDokumenBaris.aset_id.is_not(None))
        .order_by(AsetDokumenBaris.urutan, AsetDokumenBaris.id)
    ).all()
    created = session.scalars(
        select(AsetMutasi.aset_id)
        .join(Aset, Aset.id == AsetMutasi.aset_id)
        .where(AsetMutasi.dokumen_id == bast_id, AsetMutasi.jenis == "perolehan")
        .order_by(Aset.kode_barang, Aset.register, Aset.id)
    ).all()
    ids = [int(i) for i in dict.fromkeys([*lined, *created]) if i is not None]
    if not ids:
        return []
    active = set(session.scalars(select(Aset.id).where(Aset.id.in_(ids), Aset.status == "aktif")))
    return [i for i in ids if i in active]
