"""Prefix tables of the Barang module (assets.md R25-R27, domain (c)): masa manfaat, maintenance bands and
capitalisation thresholds, with their shipped defaults."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from desktop.core.assets.depreciation import Band

__all__ = [
    "DEFAULT_BANDS",
    "DEFAULT_MASA_MANFAAT",
    "DEFAULT_THRESHOLDS",
    "PLACEHOLDER_NOTE",
    "Ambang",
    "MasaManfaatRow",
    "PitaRow",
    "bands_for",
    "is_intra",
    "longest_prefix",
    "masa_manfaat_for",
    "matches_prefix",
    "threshold_for",
]


class MasaManfaatRow(NamedTuple):
    prefix: str
    uraian: str
    tahun: int


class PitaRow(NamedTuple):
    """One band of R26 for the codes under ``prefix`` (the shape of the ``aset_pita_pemeliharaan`` table)."""

    prefix: str
    batas_bawah: int
    batas_atas: int | None
    tambah_tahun: int


class Ambang(NamedTuple):
    """A capitalisation threshold (R27) for the codes under ``prefix`` from ``mulai_tahun`` on."""

    prefix: str
    mulai_tahun: int
    nilai: int
    catatan: str = ""


# Domain (c) defaults, marked unconfirmed there: the province's Perkada decides. Prefixes were checked against
# reference/kode_barang_108_subset.csv where it reaches (1.3.2.05, 1.3.2.06, 1.3.2.10); the others against
# public Permendagri 108 code lists. Jalan and Jembatan are the two rincian objek of 1.3.4.01 "Jalan dan
# Jembatan" (1.3.4.02 is Bangunan Air), so each gets its own prefix.
DEFAULT_MASA_MANFAAT: tuple[MasaManfaatRow, ...] = (
    MasaManfaatRow("1.3.2.01.01", "Alat Besar Darat", 10),
    MasaManfaatRow("1.3.2.02.01", "Alat Angkutan Darat Bermotor", 7),
    MasaManfaatRow("1.3.2.05.01", "Alat Kantor", 5),
    MasaManfaatRow("1.3.2.05.02", "Alat Rumah Tangga", 5),
    MasaManfaatRow("1.3.2.05.03", "Meja dan Kursi Kerja/Rapat Pejabat", 5),
    MasaManfaatRow("1.3.2.06.01", "Alat Studio", 5),
    MasaManfaatRow("1.3.2.06.02", "Alat Komunikasi", 5),
    MasaManfaatRow("1.3.2.10", "Komputer", 4),
    MasaManfaatRow("1.3.3.01.01", "Bangunan Gedung Tempat Kerja", 50),
    MasaManfaatRow("1.3.4.01.01", "Jalan", 10),
    MasaManfaatRow("1.3.4.01.02", "Jembatan", 50),
)

# R26 as written in assets.md: > 0-25 %, > 25-50 %, > 50-75 %, > 75 % for P&M; 30/45/65 for buildings.
DEFAULT_BANDS: tuple[PitaRow, ...] = (
    PitaRow("1.3.2.05.01", 0, 25, 0),
    PitaRow("1.3.2.05.01", 25, 50, 1),
    PitaRow("1.3.2.05.01", 50, 75, 2),
    PitaRow("1.3.2.05.01", 75, None, 2),
    PitaRow("1.3.2.10.01", 0, 25, 1),
    PitaRow("1.3.2.10.01", 25, 50, 1),
    PitaRow("1.3.2.10.01", 50, 75, 2),
    PitaRow("1.3.2.10.01", 75, None, 2),
    PitaRow("1.3.3.01.01", 0, 30, 5),
    PitaRow("1.3.3.01.01", 30, 45, 10),
    PitaRow("1.3.3.01.01", 45, 65, 20),
    PitaRow("1.3.3.01.01", 65, None, 50),
)

PLACEHOLDER_NOTE = "isi sesuai Perkada"

DEFAULT_THRESHOLDS: tuple[Ambang, ...] = (
    Ambang("1.3.2", 2000, 1_000_000, PLACEHOLDER_NOTE),
    Ambang("1.3.3", 2000, 25_000_000, PLACEHOLDER_NOTE),
)


def matches_prefix(kode: str, prefix: str) -> bool:
    """Whether ``kode`` lies under ``prefix`` on a segment boundary (``1.3.2.1`` is not under ``1.3.2.10``)."""
    return kode == prefix or kode.startswith(prefix + ".")


def longest_prefix(kode: str, prefixes: Iterable[str]) -> str | None:
    """The longest of ``prefixes`` that ``kode`` lies under, or ``None``."""
    best: str | None = None
    for prefix in prefixes:
        if matches_prefix(kode, prefix) and (best is None or len(prefix) > len(best)):
            best = prefix
    return best


def masa_manfaat_for(kode: str, table: Iterable[MasaManfaatRow]) -> int | None:
    """Years of life of ``kode`` by the longest matching prefix; ``None``: not in the table, not depreciated."""
    rows = {row.prefix: row.tahun for row in table}
    prefix = longest_prefix(kode, rows)
    return rows[prefix] if prefix is not None else None


def bands_for(kode: str, table: Iterable[PitaRow]) -> tuple[Band, ...]:
    """The bands of the longest prefix that has any, ordered by their lower bound; ``()`` when none apply."""
    by_prefix: dict[str, list[Band]] = {}
    for row in table:
        by_prefix.setdefault(row.prefix, []).append(Band(row.batas_bawah, row.batas_atas, row.tambah_tahun))
    prefix = longest_prefix(kode, by_prefix)
    if prefix is None:
        return ()
    return tuple(sorted(by_prefix[prefix], key=lambda b: b.batas_bawah))


def threshold_for(kode: str, tahun: int, thresholds: Iterable[Ambang]) -> Ambang | None:
    """The threshold in force for ``kode`` in ``tahun``: among those already effective, the longest prefix, and
    for that prefix the latest ``mulai_tahun``."""
    effective = [t for t in thresholds if t.mulai_tahun <= tahun and matches_prefix(kode, t.prefix)]
    if not effective:
        return None
    return max(effective, key=lambda t: (len(t.prefix), t.mulai_tahun))


def is_intra(kode: str, harga_unit: int, tahun: int, thresholds: Iterable[Ambang]) -> bool:
    """Intrakomptabel unless the unit price is below the threshold in force (R27); no threshold: intra."""
    threshold = threshold_for(kode, tahun, thresholds)
    return threshold is None or harga_unit >= threshold.nilai
