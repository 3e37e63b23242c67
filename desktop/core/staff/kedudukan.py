"""Kedudukan hukum (BKN kode): the table's rows, their effect on the schedule, and reading what offices write."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum

__all__ = ["AKTIF", "Efek", "Kedudukan", "KedudukanTable", "kedudukan_key"]

AKTIF = "01"


class Efek(StrEnum):
    """What a kedudukan hukum leaves on the schedule."""

    AKTIF = "aktif"  # everything: KGB, KP, pension, PPPK contract end
    TANPA_KENAIKAN = "tanpa_kenaikan"  # on the board and register, pension date yes, KGB and KP held
    PENSIUN_SAJA = "pensiun_saja"  # only the pension date (MPP, mencapai BUP)
    KELUAR = "keluar"  # no longer in service: off the board, the pegawai is inactive

    @property
    def naik(self) -> bool:
        """KGB and KP are scheduled."""
        return self is Efek.AKTIF

    @property
    def pensiun(self) -> bool:
        """The pension date is scheduled."""
        return self is not Efek.KELUAR

    @property
    def label(self) -> str:
        return _EFEK_LABELS[self]


_EFEK_LABELS = {
    Efek.AKTIF: "semua jadwal",
    Efek.TANPA_KENAIKAN: "tanpa KGB dan KP",
    Efek.PENSIUN_SAJA: "hanya TMT pensiun",
    Efek.KELUAR: "tidak aktif",
}


def kedudukan_key(text: str) -> str:
    """Case, punctuation and spacing ignored; "dlm" as "dalam" (SIASN abbreviates it)."""
    words = re.sub(r"[^0-9a-z]+", " ", text.casefold()).split()
    return " ".join("dalam" if w == "dlm" else w for w in words)


@dataclass(frozen=True, slots=True)
class Kedudukan:
    """One row of ``kedudukan_hukum.csv``: BKN ``kode`` ("01"), its name, effect, and the reason for the effect."""

    kode: str
    nama: str
    efek: Efek
    sumber: str = ""
    alias: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """``20 - Masa Persiapan Pensiun``."""
        return f"{self.kode} - {self.nama}"


# "20", "99 - Pensiun", "04. Pemberhentian Sementara", "20 Masa Persiapan Pensiun": a leading kode of 1-2 digits.
_LEADING_CODE = re.compile(r"^\s*(\d{1,2})(?:\s*[-.:)/]\s*|\s+|$)(.*)$", re.DOTALL)


class KedudukanTable:
    """The editable kedudukan table, looked up by kode, name or alias."""

    def __init__(self, rows: Iterable[Kedudukan]) -> None:
        self._rows = tuple(rows)
        self._by_code = {r.kode: r for r in self._rows}
        if len(self._by_code) != len(self._rows):
            raise ValueError("Kode kedudukan hukum ganda")
        if AKTIF not in self._by_code or self._by_code[AKTIF].efek is not Efek.AKTIF:
            raise ValueError("Tabel kedudukan hukum harus memuat kode 01 (Aktif) dengan efek aktif")
        self._by_name: dict[str, Kedudukan] = {}
        for row in self._rows:
            for name in (row.nama, *row.alias):
                key = kedudukan_key(name)
                other = self._by_name.setdefault(key, row)
                if other is not row:
                    raise ValueError(
                        f"Nama kedudukan hukum {name!r} dipakai kode {other.kode} dan {row.kode}"
                    )

    def __iter__(self) -> Iterator[Kedudukan]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)

    def get(self, kode: str) -> Kedudukan:
        try:
            return self._by_code[kode.strip().zfill(2)]
        except KeyError:
            raise ValueError(f"Kode kedudukan hukum {kode!r} tidak ada dalam tabel kedudukan hukum") from None

    def parse(self, text: str) -> Kedudukan:
        """What an office or SIASN writes: the kode (``20``, ``1``), the name (``Masa Persiapan Pensiun``), an
        alias (``MPP``), or both (``99 - Pensiun``); a name that contradicts its kode is an error, as is any
        text the table does not know (quoted as written)."""
        cleaned = " ".join(text.split())
        if not cleaned:
            raise ValueError("Kedudukan hukum kosong")
        m = _LEADING_CODE.match(cleaned)
        if m:
            by_code = self._by_code.get(m[1].zfill(2))
            if by_code is None:
                raise ValueError(
                    f"Kedudukan hukum {text!r}: kode {m[1]} tidak ada dalam tabel kedudukan hukum"
                )
            rest = kedudukan_key(m[2])
            by_name = self._by_name.get(rest) if rest else None
            if by_name is not None and by_name is not by_code:
                raise ValueError(
                    f"Kedudukan hukum {text!r}: kode {by_code.kode} adalah {by_code.nama!r}, bukan {by_name.nama!r}"
                )
            return by_code
        found = self._by_name.get(kedudukan_key(cleaned))
        if found is None:
            raise ValueError(
                f"Kedudukan hukum {text!r} tidak dikenal: tulis kode BKN (mis. 01, 20, 99) atau namanya "
                "(Aktif, Masa Persiapan Pensiun, Pensiun, …) seperti di tabel kedudukan hukum"
            )
        return found
