"""Item identity (assets.md R7, R14): kode lokasi, the full ID printed on labels, and what a scanner typed."""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.core.assets.kode import KodeError, normalise_kode
from desktop.core.assets.register import format_register

__all__ = [
    "KODE_LOKASI_SEGMENTS",
    "PEMILIK",
    "KodeLokasiError",
    "KodeLokasiPart",
    "ScannedId",
    "check_kode_lokasi",
    "describe_kode_lokasi",
    "full_id",
    "parse_scanned",
]

# SIMDA 108 (fn_KdLokasi_108): Pemilik.KA.Prov.Kab.Bidang.Unit.SubUnit.UPB.Tahun, with the widths it prints.
KODE_LOKASI_SEGMENTS: tuple[tuple[str, int], ...] = (
    ("Pemilik", 2),
    ("KA", 2),
    ("Provinsi", 2),
    ("Kabupaten/Kota", 2),
    ("Bidang", 2),
    ("Unit", 2),
    ("Sub Unit", 3),
    ("UPB", 3),
    ("Tahun", 4),
)

PEMILIK: dict[str, str] = {"11": "Pemerintah Provinsi"}
_KA: dict[str, str] = {"01": "intrakomptabel", "02": "ekstrakomptabel"}

_DOTTED_DIGITS = re.compile(r"[0-9]+(?:\.[0-9]+)*")


class KodeLokasiError(ValueError):
    """A kode lokasi that is not dotted digits."""


def check_kode_lokasi(text: str) -> str:
    """The kode lokasi without surrounding spaces; ``""`` when none is set.

    Any dotted digits are accepted because each BPKAD fills the segments its own way (R7); only the SIMDA 108
    shape gets named segments, see :func:`describe_kode_lokasi`.
    """
    cleaned = text.strip()
    if cleaned and not _DOTTED_DIGITS.fullmatch(cleaned):
        raise KodeLokasiError(f"Kode lokasi harus berupa angka yang dipisah titik, bukan {text!r}")
    return cleaned


@dataclass(frozen=True)
class KodeLokasiPart:
    """One named segment of a kode lokasi, with a note where the value has a fixed meaning."""

    nama: str
    nilai: str
    keterangan: str = ""


def describe_kode_lokasi(text: str) -> tuple[KodeLokasiPart, ...]:
    """Named segments when the code has the SIMDA 108 shape (9 segments of widths 2.2.2.2.2.2.3.3.4), else ``()``."""
    segments = check_kode_lokasi(text).split(".")
    if len(segments) != len(KODE_LOKASI_SEGMENTS):
        return ()
    if any(len(value) != width for value, (_, width) in zip(segments, KODE_LOKASI_SEGMENTS, strict=True)):
        return ()
    notes = {0: PEMILIK.get(segments[0], ""), 1: _KA.get(segments[1], "")}
    return tuple(
        KodeLokasiPart(nama, value, notes.get(index, ""))
        for index, (value, (nama, _)) in enumerate(zip(segments, KODE_LOKASI_SEGMENTS, strict=True))
    )


def full_id(kode_lokasi: str, kode_barang: str, register: int) -> str:
    """``{kode_lokasi}.{kode_barang}.{register:06d}``; without the kode lokasi when none is set."""
    tail = f"{kode_barang}.{format_register(register)}"
    lokasi = check_kode_lokasi(kode_lokasi)
    return f"{lokasi}.{tail}" if lokasi else tail


@dataclass(frozen=True)
class ScannedId:
    """What a label scan identifies.

    ``jenis`` is ``"id"`` (full ID with kode lokasi), ``"kode_register"`` (kode barang + register) or ``"nibar"``
    (digits only); the fields that the scan did not carry are empty (``register`` 0).
    """

    jenis: str
    kode_lokasi: str = ""
    kode_barang: str = ""
    register: int = 0
    nibar: str = ""


_KODE_SEGMENTS = 7


def parse_scanned(text: str) -> ScannedId | None:
    """Read what a USB scanner (a keyboard) typed, or ``None`` when it is not an item ID.

    The register is the last dotted segment, the kode barang the seven before it (SIMDA's 3-digit segments are
    normalised), and whatever precedes them is the kode lokasi. A scanner ends with Enter, so surrounding
    whitespace, CR and LF are ignored. ``None`` lets a search box fall back to an ordinary text search.
    """
    cleaned = text.strip()
    if not _DOTTED_DIGITS.fullmatch(cleaned):
        return None
    segments = cleaned.split(".")
    if len(segments) == 1:
        return ScannedId(jenis="nibar", nibar=cleaned)
    if len(segments) < _KODE_SEGMENTS + 1:
        return None
    register = int(segments[-1])
    try:
        kode = normalise_kode(".".join(segments[-_KODE_SEGMENTS - 1 : -1]))
    except KodeError:
        return None
    if register < 1:
        return None
    lokasi = ".".join(segments[: -_KODE_SEGMENTS - 1])
    return ScannedId(
        jenis="id" if lokasi else "kode_register", kode_lokasi=lokasi, kode_barang=kode, register=register
    )
