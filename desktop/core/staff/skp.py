"""SKP predikat and the "SKP at least Baik for the last N years" condition of KGB and KP (staff.md R10, B5)."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from desktop.core.staff.derivation import Derivation, Eligibility

__all__ = ["SkpPredikat", "skp_condition"]


class SkpPredikat(StrEnum):
    """Predikat kinerja (PermenPANRB 6/2022) plus the older Cukup/Buruk of PP 46/2011 found in old riwayat."""

    SANGAT_BAIK = "sangat_baik"
    BAIK = "baik"
    BUTUH_PERBAIKAN = "butuh_perbaikan"
    CUKUP = "cukup"
    KURANG = "kurang"
    SANGAT_KURANG = "sangat_kurang"
    BURUK = "buruk"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def at_least_baik(self) -> bool:
        return self in (SkpPredikat.SANGAT_BAIK, SkpPredikat.BAIK)


_LABELS: dict[SkpPredikat, str] = {
    SkpPredikat.SANGAT_BAIK: "Sangat Baik",
    SkpPredikat.BAIK: "Baik",
    SkpPredikat.BUTUH_PERBAIKAN: "Butuh Perbaikan",
    SkpPredikat.CUKUP: "Cukup",
    SkpPredikat.KURANG: "Kurang",
    SkpPredikat.SANGAT_KURANG: "Sangat Kurang",
    SkpPredikat.BURUK: "Buruk",
}


def skp_condition(tahun_tmt: int, skp: Mapping[int, SkpPredikat], years: int) -> Derivation[Eligibility]:
    """SKP at least Baik in each of the ``years`` years before ``tahun_tmt`` (KGB: 1, PPPK and KP: 2).

    A year with no SKP recorded counts as unmet: the usul needs the document.
    """
    wanted = list(range(tahun_tmt - years, tahun_tmt))
    steps = [f"Syarat: predikat SKP paling rendah Baik untuk tahun {_years_text(wanted)}."]
    unmet: list[str] = []
    for year in wanted:
        predikat = skp.get(year)
        if predikat is None:
            unmet.append(f"SKP tahun {year} belum dicatat.")
        elif not predikat.at_least_baik:
            unmet.append(f"Predikat SKP tahun {year} {predikat.label}, di bawah Baik.")
        else:
            steps.append(f"SKP tahun {year}: {predikat.label}.")
    steps.append("Syarat SKP terpenuhi." if not unmet else "Syarat SKP belum terpenuhi.")
    return Derivation(Eligibility(tuple(unmet)), tuple(steps))


def _years_text(years: list[int]) -> str:
    if len(years) == 1:
        return str(years[0])
    return ", ".join(str(y) for y in years[:-1]) + f" dan {years[-1]}"
