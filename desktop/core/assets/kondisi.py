"""Kondisi barang (assets.md R23): codes 1/2/3, the labels of both regulations, and parsing of typed values."""

from __future__ import annotations

import re

__all__ = [
    "BAIK",
    "KONDISI",
    "LABEL_17_2007",
    "LABEL_47_2021",
    "NAMA_17_2007",
    "NAMA_47_2021",
    "RUSAK_BERAT",
    "RUSAK_RINGAN",
    "kondisi_label",
    "kondisi_nama",
    "parse_kondisi",
]

BAIK = 1
RUSAK_RINGAN = 2
RUSAK_BERAT = 3
KONDISI: tuple[int, ...] = (BAIK, RUSAK_RINGAN, RUSAK_BERAT)

# Permendagri 47/2021 prints B/RR/RB; the 17/2007 forms (KIB C/D, old KIR) call code 2 "Kurang Baik".
LABEL_47_2021: dict[int, str] = {BAIK: "B", RUSAK_RINGAN: "RR", RUSAK_BERAT: "RB"}
LABEL_17_2007: dict[int, str] = {BAIK: "B", RUSAK_RINGAN: "KB", RUSAK_BERAT: "RB"}
NAMA_47_2021: dict[int, str] = {BAIK: "Baik", RUSAK_RINGAN: "Rusak Ringan", RUSAK_BERAT: "Rusak Berat"}
NAMA_17_2007: dict[int, str] = {BAIK: "Baik", RUSAK_RINGAN: "Kurang Baik", RUSAK_BERAT: "Rusak Berat"}

_SCHEMES = {"47/2021": (LABEL_47_2021, NAMA_47_2021), "17/2007": (LABEL_17_2007, NAMA_17_2007)}

# Keys are the typed text with case, spaces, dots and dashes removed, so "Rusak-Ringan", "r.b." and
# "KURANG  BAIK" from old spreadsheets all land on a key.
_WORDS: dict[str, int] = {
    "1": BAIK,
    "b": BAIK,
    "baik": BAIK,
    "2": RUSAK_RINGAN,
    "rr": RUSAK_RINGAN,
    "kb": RUSAK_RINGAN,
    "rusakringan": RUSAK_RINGAN,
    "kurangbaik": RUSAK_RINGAN,
    "3": RUSAK_BERAT,
    "rb": RUSAK_BERAT,
    "rusakberat": RUSAK_BERAT,
}

# A number cell read from a spreadsheet may come back as "2.0".
_NUMERIC = re.compile(r"([123])(?:[.,]0+)?")


def _scheme(scheme: str) -> tuple[dict[int, str], dict[int, str]]:
    if scheme not in _SCHEMES:
        raise ValueError(f"Format kondisi tidak dikenal: {scheme!r} (pilih 47/2021 atau 17/2007)")
    return _SCHEMES[scheme]


def _check(code: int) -> int:
    if code not in KONDISI:
        raise ValueError(f"Kode kondisi harus 1, 2 atau 3, bukan {code!r}")
    return code


def kondisi_label(code: int, scheme: str = "47/2021") -> str:
    """``B``/``RR``/``RB`` (47/2021, the default) or ``B``/``KB``/``RB`` (17/2007)."""
    return _scheme(scheme)[0][_check(code)]


def kondisi_nama(code: int, scheme: str = "47/2021") -> str:
    """``Baik``/``Rusak Ringan``/``Rusak Berat``, or ``Kurang Baik`` for code 2 in the 17/2007 wording."""
    return _scheme(scheme)[1][_check(code)]


def parse_kondisi(text: str) -> int:
    """Code 1/2/3 from ``1``/``2``/``3``, ``B``, ``KB``, ``RR``, ``RB`` or the words, any case or spacing."""
    stripped = text.strip()
    if m := _NUMERIC.fullmatch(stripped):
        return int(m[1])
    key = re.sub(r"[\s.\-_]+", "", stripped.lower())
    if key in _WORDS:
        return _WORDS[key]
    raise ValueError(
        f"Kondisi tidak dikenali: {text!r} (isi 1/2/3, B, KB/RR, RB, atau Baik, Kurang Baik, Rusak Ringan, "
        "Rusak Berat)"
    )
