"""Kode barang of Permendagri 108/2016 (assets.md R1-R3): parsing, SIMDA normalisation, golongan, parents."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "GOLONGAN",
    "JENIS_GOLONGAN",
    "SEGMENT_NAMES",
    "SEGMENT_WIDTHS",
    "Kode",
    "KodeError",
    "golongan_of",
    "is_assignable",
    "normalise_kode",
    "parents",
    "parse_kode",
]

# akun.kelompok.jenis.objek.rincian_objek.sub_rincian_objek.sub_sub_rincian_objek
SEGMENT_WIDTHS: tuple[int, ...] = (1, 1, 1, 2, 2, 2, 3)
SEGMENT_NAMES: tuple[str, ...] = (
    "akun",
    "kelompok",
    "jenis",
    "objek",
    "rincian objek",
    "sub rincian objek",
    "sub-sub rincian objek",
)

GOLONGAN: dict[str, str] = {
    "A": "Tanah",
    "B": "Peralatan dan Mesin",
    "C": "Gedung dan Bangunan",
    "D": "Jalan, Irigasi dan Jaringan",
    "E": "Aset Tetap Lainnya",
    "F": "Konstruksi Dalam Pengerjaan",
}

# The jenis (level 3) selects the KIB card (R2).
JENIS_GOLONGAN: dict[str, str] = {
    "1.3.1": "A",
    "1.3.2": "B",
    "1.3.3": "C",
    "1.3.4": "D",
    "1.3.5": "E",
    "1.3.6": "F",
}

ASSIGNABLE_LEVEL = len(SEGMENT_WIDTHS)


class KodeError(ValueError):
    """A kode barang that does not have the shape of Permendagri 108/2016."""


@dataclass(frozen=True)
class Kode:
    """A parsed kode barang; ``segments`` keep their leading zeros."""

    segments: tuple[str, ...]

    @property
    def text(self) -> str:
        return ".".join(self.segments)

    @property
    def level(self) -> int:
        return len(self.segments)

    @property
    def golongan(self) -> str:
        return JENIS_GOLONGAN.get(".".join(self.segments[:3]), "") if self.level >= 3 else ""

    @property
    def parents(self) -> tuple[str, ...]:
        return tuple(".".join(self.segments[:n]) for n in range(1, self.level))

    @property
    def is_assignable(self) -> bool:
        return self.level == ASSIGNABLE_LEVEL

    def __str__(self) -> str:
        return self.text


def _fail(text: str, why: str) -> KodeError:
    return KodeError(f"Kode barang tidak valid: {text!r} ({why})")


def parse_kode(text: str) -> Kode:
    """Parse ``1.3.2.10.01.02.002`` (any level 1-7) strictly by the widths 1.1.1.2.2.2.3.

    Surrounding spaces are ignored; anything else that is not the regulation's shape raises :class:`KodeError`
    (use :func:`normalise_kode` first for SIMDA's 3-digit segments).
    """
    cleaned = text.strip()
    if not cleaned:
        raise KodeError("Kode barang kosong")
    segments = cleaned.split(".")
    if len(segments) > len(SEGMENT_WIDTHS):
        raise _fail(text, f"paling banyak {len(SEGMENT_WIDTHS)} segmen, ada {len(segments)}")
    for index, segment in enumerate(segments):
        name = f"segmen ke-{index + 1} ({SEGMENT_NAMES[index]})"
        if not segment:
            raise _fail(text, f"{name} kosong")
        # isdecimal() alone would accept Arabic-Indic or full-width digits; codes are ASCII.
        if not (segment.isascii() and segment.isdecimal()):
            raise _fail(text, f"{name} harus angka, bukan {segment!r}")
        width = SEGMENT_WIDTHS[index]
        if len(segment) != width:
            raise _fail(text, f"{name} harus {width} digit, bukan {segment!r}")
    return Kode(tuple(segments))


def normalise_kode(text: str) -> str:
    """The regulation's form of a code as SIMDA or a spreadsheet prints it.

    Spaces anywhere are removed (``1.3.2 . 05`` happens in exports) and a 3-digit segment where the regulation
    has 2, as SIMDA prints rincian/sub rincian (``1.3.2.05.001.004.001``), becomes 2 digits (``1.3.2.05.01.04.001``). A 3-digit segment whose value needs 3
    digits (``123``) is refused rather than cut. The result is checked with :func:`parse_kode`.
    """
    compact = "".join(text.split())
    segments = compact.split(".")
    for index, segment in enumerate(segments[: len(SEGMENT_WIDTHS)]):
        width = SEGMENT_WIDTHS[index]
        if width == 2 and len(segment) == 3 and segment.isascii() and segment.isdecimal():
            if segment[0] != "0":
                raise _fail(
                    text, f"segmen ke-{index + 1} ({SEGMENT_NAMES[index]}) {segment!r} tidak muat 2 digit"
                )
            segments[index] = segment[1:]
    return parse_kode(".".join(segments)).text


def _as_kode(kode: str | Kode) -> Kode:
    return kode if isinstance(kode, Kode) else parse_kode(kode)


def golongan_of(kode: str | Kode) -> str:
    """``"A"``..``"F"`` for codes under 1.3.1-1.3.6 (R2), ``""`` for the others (persediaan, ATB, levels 1-2)."""
    return _as_kode(kode).golongan


def parents(kode: str | Kode) -> tuple[str, ...]:
    """The chain of prefixes of levels 1..n-1: ``1``, ``1.3``, ``1.3.2`` … for a deeper code."""
    return _as_kode(kode).parents


def is_assignable(kode: str | Kode) -> bool:
    """Only a level-7 code can be given to an item (R3); malformed text is simply not assignable."""
    try:
        return _as_kode(kode).is_assignable
    except KodeError:
        return False
