"""The editable rule tables of Barang (R25-R27): masa manfaat, maintenance bands and capitalisation thresholds."""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Final

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from desktop.core.assets.rules import DEFAULT_BANDS, DEFAULT_MASA_MANFAAT, DEFAULT_THRESHOLDS
from desktop.models.assets import AmbangKapitalisasi, MasaManfaat, PitaPemeliharaan
from desktop.services.common import audit, seeding
from desktop.services.common.errors import ValidationError
from desktop.services.common.permissions import Actor, Perm

__all__ = [
    "AmbangData",
    "MasaManfaatData",
    "PitaData",
    "list_bands",
    "list_masa_manfaat",
    "list_thresholds",
    "restore_defaults",
    "save_bands",
    "save_masa_manfaat",
    "save_thresholds",
    "seed_reference",
    "shipped_bands",
    "shipped_masa_manfaat",
    "shipped_thresholds",
]

# A dotted code prefix of Permendagri 108: 1 to 7 segments of digits (``1.3.2`` … ``1.3.2.10.01.02.002``).
_PREFIX: Final = re.compile(r"\d+(?:\.\d+){0,6}")
MAX_TAHUN: Final = 100
MAX_PERSEN: Final = 1000
MAX_NILAI: Final = 10**15


@dataclass(frozen=True)
class MasaManfaatData:
    kode_prefix: str
    uraian: str
    tahun: int


@dataclass(frozen=True)
class PitaData:
    """A band: a capitalised repair of more than ``batas_bawah`` % up to ``batas_atas`` % (None: no upper bound)
    of the acquisition value adds ``tambah_tahun`` years."""

    kode_prefix: str
    batas_bawah: int
    batas_atas: int | None
    tambah_tahun: int


@dataclass(frozen=True)
class AmbangData:
    kode_prefix: str
    mulai_tahun: int
    nilai: int
    catatan: str = ""


# --- seeding ------------------------------------------------------------------------------------------------


def shipped_masa_manfaat() -> list[MasaManfaatData]:
    """The masa manfaat table as shipped (R25): what the first start offers, and what a restore brings back."""
    return [MasaManfaatData(r.prefix, r.uraian, r.tahun) for r in DEFAULT_MASA_MANFAAT]


def shipped_bands() -> list[PitaData]:
    return [PitaData(r.prefix, r.batas_bawah, r.batas_atas, r.tambah_tahun) for r in DEFAULT_BANDS]


def shipped_thresholds() -> list[AmbangData]:
    return [AmbangData(r.prefix, r.mulai_tahun, r.nilai, r.catatan) for r in DEFAULT_THRESHOLDS]


def seed_reference(session: Session) -> int:
    """Offer each of the three tables its shipped defaults once per database; returns rows offered.

    Once offered a table is the pengurus barang's: one emptied on purpose (no threshold at all: every item
    intrakomptabel) stays empty at the next start. See ``services.common.seeding.offer_once``."""
    offered = seeding.offer_once(
        session, MasaManfaat, [asdict(r) for r in shipped_masa_manfaat()], ["kode_prefix"]
    )
    offered += seeding.offer_once(
        session, PitaPemeliharaan, [asdict(r) for r in shipped_bands()], ["kode_prefix", "batas_bawah"]
    )
    offered += seeding.offer_once(
        session, AmbangKapitalisasi, [asdict(r) for r in shipped_thresholds()], ["kode_prefix", "mulai_tahun"]
    )
    return offered


def restore_defaults(session: Session, actor: Actor) -> None:
    """Put the shipped defaults back in all three tables ("kembalikan ke bawaan"), checked and audited as any
    save; items already recorded keep their flags."""
    save_masa_manfaat(session, actor, shipped_masa_manfaat())
    save_bands(session, actor, shipped_bands())
    save_thresholds(session, actor, shipped_thresholds())


# --- reading ------------------------------------------------------------------------------------------------


def list_masa_manfaat(session: Session, actor: Actor) -> list[MasaManfaatData]:
    actor.require(Perm.VIEW)
    rows = session.execute(
        select(MasaManfaat.kode_prefix, MasaManfaat.uraian, MasaManfaat.tahun).order_by(
            MasaManfaat.kode_prefix
        )
    )
    return [MasaManfaatData(p, u, int(t)) for p, u, t in rows]


def list_bands(session: Session, actor: Actor) -> list[PitaData]:
    actor.require(Perm.VIEW)
    rows = session.execute(
        select(
            PitaPemeliharaan.kode_prefix,
            PitaPemeliharaan.batas_bawah,
            PitaPemeliharaan.batas_atas,
            PitaPemeliharaan.tambah_tahun,
        ).order_by(PitaPemeliharaan.kode_prefix, PitaPemeliharaan.batas_bawah)
    )
    return [PitaData(p, int(b), None if a is None else int(a), int(t)) for p, b, a, t in rows]


def list_thresholds(session: Session, actor: Actor) -> list[AmbangData]:
    actor.require(Perm.VIEW)
    rows = session.execute(
        select(
            AmbangKapitalisasi.kode_prefix,
            AmbangKapitalisasi.mulai_tahun,
            AmbangKapitalisasi.nilai,
            AmbangKapitalisasi.catatan,
        ).order_by(AmbangKapitalisasi.kode_prefix, AmbangKapitalisasi.mulai_tahun)
    )
    return [AmbangData(p, int(y), int(n), c) for p, y, n, c in rows]


# --- checking -----------------------------------------------------------------------------------------------


def _prefix(text: str, line: int) -> str:
    prefix = "".join(str(text).split())
    if not _PREFIX.fullmatch(prefix):
        raise ValidationError(
            f"Baris {line}: awalan kode \u201c{text}\u201d harus angka bersegmen titik, mis. 1.3.2.10.",
            "kode_prefix",
        )
    return prefix


def _int(value: object, label: str, line: int, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValidationError(f"Baris {line}: {label} harus bilangan bulat {low} sampai {high}.", label)
    return value


def _check_masa(rows: Sequence[MasaManfaatData]) -> list[MasaManfaatData]:
    seen: dict[str, int] = {}
    clean = []
    for line, row in enumerate(rows, start=1):
        prefix = _prefix(row.kode_prefix, line)
        if prefix in seen:
            raise ValidationError(
                f"Baris {line}: awalan {prefix} sudah ada di baris {seen[prefix]}.", "kode_prefix"
            )
        seen[prefix] = line
        uraian = " ".join(row.uraian.split())
        if len(uraian) > 200:
            raise ValidationError(f"Baris {line}: uraian maksimal 200 karakter.", "uraian")
        clean.append(
            MasaManfaatData(prefix, uraian, _int(row.tahun, "masa manfaat (tahun)", line, 1, MAX_TAHUN))
        )
    return clean


def _check_bands(rows: Sequence[PitaData]) -> list[PitaData]:
    clean: list[PitaData] = []
    by_prefix: dict[str, list[tuple[int, PitaData]]] = defaultdict(list)
    for line, row in enumerate(rows, start=1):
        prefix = _prefix(row.kode_prefix, line)
        bawah = _int(row.batas_bawah, "batas bawah (%)", line, 0, MAX_PERSEN)
        atas = None if row.batas_atas is None else _int(row.batas_atas, "batas atas (%)", line, 0, MAX_PERSEN)
        if atas is not None and atas <= bawah:
            raise ValidationError(
                f"Baris {line}: batas atas {atas}% harus lebih besar dari batas bawah {bawah}%.", "batas_atas"
            )
        band = PitaData(prefix, bawah, atas, _int(row.tambah_tahun, "tambahan tahun", line, 0, MAX_TAHUN))
        clean.append(band)
        by_prefix[prefix].append((line, band))
    for prefix, bands in by_prefix.items():
        ordered = sorted(bands, key=lambda item: item[1].batas_bawah)
        for (line_a, a), (line_b, b) in itertools.pairwise(ordered):
            # Bands are "more than lower, up to upper": the next may start where this one ends, not below it.
            if a.batas_atas is None or b.batas_bawah < a.batas_atas:
                raise ValidationError(
                    f"Pita pemeliharaan {prefix} tumpang tindih: baris {line_a} dan baris {line_b}.",
                    "batas_bawah",
                )
    return clean


def _check_thresholds(rows: Sequence[AmbangData]) -> list[AmbangData]:
    seen: dict[tuple[str, int], int] = {}
    clean = []
    for line, row in enumerate(rows, start=1):
        prefix = _prefix(row.kode_prefix, line)
        tahun = _int(row.mulai_tahun, "tahun mulai berlaku", line, 1900, 2200)
        if (prefix, tahun) in seen:
            raise ValidationError(
                f"Baris {line}: ambang {prefix} mulai {tahun} sudah ada di baris {seen[(prefix, tahun)]}.",
                "kode_prefix",
            )
        seen[(prefix, tahun)] = line
        nilai = _int(row.nilai, "nilai ambang (Rp)", line, 0, MAX_NILAI)
        catatan = " ".join(row.catatan.split())
        if len(catatan) > 200:
            raise ValidationError(f"Baris {line}: catatan maksimal 200 karakter.", "catatan")
        clean.append(AmbangData(prefix, tahun, nilai, catatan))
    return clean


# --- saving -------------------------------------------------------------------------------------------------


def save_masa_manfaat(
    session: Session, actor: Actor, rows: Sequence[MasaManfaatData]
) -> list[MasaManfaatData]:
    """Replace the masa manfaat table with ``rows`` (checked whole first; nothing changes on an error)."""
    actor.require(Perm.WRITE_ASSETS)
    clean = _check_masa(rows)
    before = list_masa_manfaat(session, actor)
    session.execute(delete(MasaManfaat))
    session.add_all(MasaManfaat(kode_prefix=r.kode_prefix, uraian=r.uraian, tahun=r.tahun) for r in clean)
    session.flush()
    audit.record(
        session, actor, "ubah", "aset_masa_manfaat", "", summary=f"Tabel masa manfaat ({len(clean)} baris)",
        before={"baris": [asdict(r) for r in before]}, after={"baris": [asdict(r) for r in clean]},
    )  # fmt: skip
    return list_masa_manfaat(session, actor)


def save_bands(session: Session, actor: Actor, rows: Sequence[PitaData]) -> list[PitaData]:
    """Replace the maintenance bands with ``rows``: per prefix ordered and not overlapping."""
    actor.require(Perm.WRITE_ASSETS)
    clean = _check_bands(rows)
    before = list_bands(session, actor)
    session.execute(delete(PitaPemeliharaan))
    session.add_all(
        PitaPemeliharaan(kode_prefix=r.kode_prefix, batas_bawah=r.batas_bawah, batas_atas=r.batas_atas,
                         tambah_tahun=r.tambah_tahun)
        for r in clean
    )  # fmt: skip
    session.flush()
    audit.record(
        session, actor, "ubah", "aset_pita_pemeliharaan", "",
        summary=f"Tabel pita pemeliharaan ({len(clean)} baris)",
        before={"baris": [asdict(r) for r in before]}, after={"baris": [asdict(r) for r in clean]},
    )  # fmt: skip
    return list_bands(session, actor)


def save_thresholds(session: Session, actor: Actor, rows: Sequence[AmbangData]) -> list[AmbangData]:
    """Replace the capitalisation thresholds with ``rows``. Items already recorded keep their flag (R27: it is
    set when the item is recorded, and may have been overridden by hand)."""
    actor.require(Perm.WRITE_ASSETS)
    clean = _check_thresholds(rows)
    before = list_thresholds(session, actor)
    session.execute(delete(AmbangKapitalisasi))
    session.add_all(
        AmbangKapitalisasi(
            kode_prefix=r.kode_prefix, mulai_tahun=r.mulai_tahun, nilai=r.nilai, catatan=r.catatan
        )
        for r in clean
    )
    session.flush()
    audit.record(
        session, actor, "ubah", "aset_ambang", "", summary=f"Tabel ambang kapitalisasi ({len(clean)} baris)",
        before={"baris": [asdict(r) for r in before]}, after={"baris": [asdict(r) for r in clean]},
    )  # fmt: skip
    return list_thresholds(session, actor)
