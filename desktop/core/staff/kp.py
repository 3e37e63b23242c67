"""Kenaikan pangkat: periods and usul windows, the next eligible KP and its conditions (staff.md B5, R12-R15)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from desktop.core.dates import format_date
from desktop.core.staff.derivation import Derivation, Eligibility, Steps
from desktop.core.staff.months import MasaKerja, add_months, first_of_month_on_or_after, months_between
from desktop.core.staff.reference import IjazahRule, JenjangPangkat, KpPeriods, KpRegime, PangkatLadder
from desktop.core.staff.skp import SkpPredikat, skp_condition

__all__ = [
    "CLOSING_SOON_DAYS",
    "MIN_MONTHS_IN_PANGKAT",
    "SKP_YEARS",
    "KpCeiling",
    "KpDue",
    "KpJenis",
    "UsulWindow",
    "first_kp_period_on_or_after",
    "is_kp_period",
    "kp_berikut",
    "kp_berikut_value",
    "kp_ceiling",
    "kp_conditions",
    "usul_window",
]


class KpJenis(StrEnum):
    """Kinds of kenaikan pangkat tied to periods (pengabdian and anumerta are not)."""

    REGULER = "reguler"
    FUNGSIONAL = "fungsional"
    STRUKTURAL = "struktural"
    PENYESUAIAN_IJAZAH = "penyesuaian_ijazah"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS: dict[KpJenis, str] = {
    KpJenis.REGULER: "KP reguler",
    KpJenis.FUNGSIONAL: "KP pilihan jabatan fungsional",
    KpJenis.STRUKTURAL: "KP pilihan jabatan struktural",
    KpJenis.PENYESUAIAN_IJAZAH: "KP penyesuaian ijazah",
}

MIN_MONTHS_IN_PANGKAT: Mapping[KpJenis, int] = {
    KpJenis.REGULER: 48,
    KpJenis.FUNGSIONAL: 24,
    KpJenis.STRUKTURAL: 48,
    KpJenis.PENYESUAIAN_IJAZAH: 12,
}

# Years of SKP at least Baik before the TMT KP (PP 99/2000: two years; penyesuaian ijazah: the last year).
SKP_YEARS: Mapping[KpJenis, int] = {
    KpJenis.REGULER: 2,
    KpJenis.FUNGSIONAL: 2,
    KpJenis.STRUKTURAL: 2,
    KpJenis.PENYESUAIAN_IJAZAH: 1,
}

CLOSING_SOON_DAYS = 14  # R15: alert when the usul window closes in fewer days than this


def _fd(d: date) -> str:
    return format_date(d)


@dataclass(frozen=True, slots=True)
class UsulWindow:
    """The BKN submission window for one KP period, both days included."""

    mulai: date
    akhir: date

    @property
    def closing_soon_from(self) -> date:
        """From this day on fewer than 14 days remain before the window closes (R15)."""
        return self.akhir - timedelta(days=CLOSING_SOON_DAYS - 1)

    def contains(self, d: date) -> bool:
        return self.mulai <= d <= self.akhir

    def __str__(self) -> str:
        return f"{_fd(self.mulai)} sampai {_fd(self.akhir)}"


@dataclass(frozen=True, slots=True)
class KpDue:
    """The next KP: its TMT (a period), the day the minimum time in the pangkat is met, and the usul window."""

    tmt: date
    jenis: KpJenis
    golongan_ruang_baru: str
    tmt_syarat: date
    usul: UsulWindow


def _regime_text(regime: KpRegime) -> str:
    months = sorted(regime.periods)
    kind = "setiap bulan" if months == list(range(1, 13)) else "bulan " + ", ".join(str(m) for m in months)
    basis = f", {regime.dasar}" if regime.dasar else ""
    return f"periode KP {kind} sejak {_fd(regime.berlaku_mulai)}{basis}"


def is_kp_period(periods: KpPeriods, d: date) -> bool:
    """True when ``d`` is the 1st of a month that is a KP period under the regime in force then."""
    return d.day == 1 and d.month in periods.regime_for(d).periods


def first_kp_period_on_or_after(periods: KpPeriods, d: date) -> date:
    """The first KP period (a 1st of a month) on or after ``d`` (R13)."""
    candidate = first_of_month_on_or_after(d)
    for _ in range(36):
        if is_kp_period(periods, candidate):
            return candidate
        candidate = add_months(candidate, 1)
    raise ValueError(
        f"Tidak ada periode kenaikan pangkat dalam 3 tahun setelah {_fd(d)}; periksa tabel periode."
    )


def usul_window(periods: KpPeriods, tmt_kp: date) -> UsulWindow:
    """The usul window of a period (R12): TMT 2026-10-01 -> 16 Aug 2026 to 15 Sep 2026 under Perban 4/2025."""
    if not is_kp_period(periods, tmt_kp):
        raise ValueError(f"{_fd(tmt_kp)} bukan periode kenaikan pangkat.")
    period = periods.regime_for(tmt_kp).periods[tmt_kp.month]
    mulai = add_months(tmt_kp, period.mulai_offset_bulan).replace(day=period.mulai_hari)
    akhir = add_months(tmt_kp, period.akhir_offset_bulan).replace(day=period.akhir_hari)
    return UsulWindow(mulai, akhir)


def _jenjang_block(code: str, ladder: PangkatLadder, jenjang: JenjangPangkat) -> tuple[list[str], str | None]:
    """(steps, reason): the pangkat range of the jenjang or eselon; reason when ``code`` is at its top."""
    low, top = ladder.get(jenjang.golongan_terendah), ladder.get(jenjang.golongan_tertinggi)
    basis = f" menurut {jenjang.dasar}" if jenjang.dasar else ""
    steps = [f"Pangkat {jenjang.label}: {low.label} sampai {top.label}{basis}."]
    rank = ladder.rank(code)
    if rank < top.urut:
        return steps, None
    need = (
        "promosi ke jabatan dengan eselon lebih tinggi"
        if jenjang.struktural
        else "kenaikan jenjang jabatan fungsional (uji kompetensi dan angka kredit jenjang berikutnya)"
    )
    where = (
        f"adalah pangkat tertinggi {jenjang.label}{basis}"
        if rank == top.urut
        else f"di atas pangkat tertinggi {jenjang.label} ({top.golongan_ruang}){basis}; periksa data jabatannya"
    )
    return steps, (
        f"Golongan {code} {where}: tidak ada kenaikan pangkat pada {jenjang.label}; pangkat berikutnya "
        f"memerlukan {need}."
    )


def _ceiling_block(
    jenis: KpJenis,
    code: str,
    ladder: PangkatLadder,
    ijazah: IjazahRule | None,
    jenjang: JenjangPangkat | None = None,
) -> tuple[list[str], str | None]:
    """(steps, reason) where reason says why no KP of this kind is possible; None when it is.

    The ceilings: the top of the ladder; the top pangkat of the jenjang fungsional or eselon held (any kind of
    KP); for KP reguler, the ijazah ceiling (R14).
    """
    current = ladder.get(code)
    above = ladder.next_above(code)
    if above is None:
        return [], f"{current.label} adalah pangkat tertinggi; tidak ada kenaikan pangkat lagi."
    steps: list[str] = []
    if jenjang is not None:
        steps, blocked = _jenjang_block(code, ladder, jenjang)
        if blocked is not None:
            return steps, blocked
    if jenis is not KpJenis.REGULER:
        return steps, None
    if ijazah is None:
        return [*steps, "Ijazah belum dicatat: batas pangkat KP reguler tidak diperiksa."], None
    ceiling = ladder.get(ijazah.golongan_maks_kp_reguler)
    steps.append(f"Ijazah {ijazah.ijazah}: pangkat tertinggi melalui KP reguler {ceiling.label}.")
    if current.urut >= ceiling.urut:
        return steps, (
            f"Golongan {code} sudah mencapai batas untuk ijazah {ijazah.ijazah}: tidak ada KP reguler. "
            "Pangkat lebih tinggi hanya melalui KP pilihan (misalnya jabatan fungsional dengan angka kredit) "
            "atau penyesuaian ijazah."
        )
    return steps, None


def _target(jenis: KpJenis, code: str, ladder: PangkatLadder, ijazah: IjazahRule | None) -> str | None:
    if jenis is KpJenis.PENYESUAIAN_IJAZAH and ijazah is not None:
        target = ladder.get(ijazah.golongan_awal_cpns)
        return target.golongan_ruang if target.urut > ladder.rank(code) else None
    above = ladder.next_above(code)
    return above.golongan_ruang if above else None


def _kp_berikut(
    tmt_pangkat: date,
    golongan_ruang: str,
    as_of: date,
    periods: KpPeriods,
    ladder: PangkatLadder,
    jenis: KpJenis,
    ijazah: IjazahRule | None,
    jenjang: JenjangPangkat | None,
    why: Steps | None,
) -> KpDue | None:
    """The rule of :func:`kp_berikut` and :func:`kp_berikut_value`."""
    current = ladder.get(golongan_ruang)
    code = current.golongan_ruang
    if why is not None:
        why.steps.append(f"Pangkat sekarang: {current.label}, TMT {_fd(tmt_pangkat)}.")
        why.steps.append(f"Jenis: {jenis.label}.")
    ceiling_steps, blocked = _ceiling_block(jenis, code, ladder, ijazah, jenjang)
    if why is not None:
        why.steps.extend(ceiling_steps)
    if blocked is not None:
        if why is not None:
            why.steps.append(blocked)
        return None
    target = _target(jenis, code, ladder, ijazah)
    if target is None:
        if why is not None:
            why.steps.append(
                f"Golongan {code} tidak di bawah golongan awal ijazah baru: tidak ada KP penyesuaian ijazah."
            )
        return None
    minimum = MIN_MONTHS_IN_PANGKAT[jenis]
    tmt_syarat = add_months(tmt_pangkat, minimum)
    start = max(tmt_syarat, as_of)
    tmt = first_kp_period_on_or_after(periods, start)
    window = usul_window(periods, tmt)
    if why is not None:
        why.steps.append(
            f"Masa minimal dalam pangkat {MasaKerja.from_months(minimum).tahun} tahun: terpenuhi pada "
            f"{_fd(tmt_syarat)}."
        )
        if as_of > tmt_syarat:
            why.steps.append(f"Tanggal itu sudah lewat pada {_fd(as_of)}; dicari periode mulai {_fd(as_of)}.")
        regime = periods.regime_for(tmt)
        why.steps.append(
            f"Periode KP pertama pada atau setelah {_fd(start)} ({_regime_text(regime)}): {_fd(tmt)}."
        )
        why.steps.append(f"Usul ke BKN: {window}.")
        if jenis is KpJenis.FUNGSIONAL:
            why.steps.append("Syarat angka kredit untuk jenjang berikutnya harus sudah terpenuhi.")
        why.steps.append(f"Pangkat baru: {ladder.get(target).label}.")
    return KpDue(tmt, jenis, target, tmt_syarat, window)


def kp_berikut(
    *,
    tmt_pangkat: date,
    golongan_ruang: str,
    as_of: date,
    periods: KpPeriods,
    ladder: PangkatLadder,
    jenis: KpJenis = KpJenis.REGULER,
    ijazah: IjazahRule | None = None,
    jenjang: JenjangPangkat | None = None,
) -> Derivation[KpDue | None]:
    """The first KP period on or after both ``as_of`` and the day the minimum time in the pangkat is met (R13).

    Reguler: TMT pangkat + 4 years, None when the ijazah ceiling (R14) is reached. Fungsional: + 2 years (the
    angka kredit is checked by :func:`kp_conditions`). ``jenjang`` is the range of the jenjang fungsional or
    eselon held: None at its top pangkat (a higher jenjang or eselon is needed first, see :func:`kp_ceiling`).
    For penyesuaian ijazah, ``ijazah`` is the new ijazah and the target is its entry golongan. II/c since
    2022-10-01 -> 2026-10-01, usul 16 Aug - 15 Sep 2026.
    """
    why = Steps()
    return why.done(
        _kp_berikut(tmt_pangkat, golongan_ruang, as_of, periods, ladder, jenis, ijazah, jenjang, why)
    )


def kp_berikut_value(
    *,
    tmt_pangkat: date,
    golongan_ruang: str,
    as_of: date,
    periods: KpPeriods,
    ladder: PangkatLadder,
    jenis: KpJenis = KpJenis.REGULER,
    ijazah: IjazahRule | None = None,
    jenjang: JenjangPangkat | None = None,
) -> KpDue | None:
    """``kp_berikut(...).value`` without building the explanation (the same rule code: for bulk schedules)."""
    return _kp_berikut(tmt_pangkat, golongan_ruang, as_of, periods, ladder, jenis, ijazah, jenjang, None)


@dataclass(frozen=True, slots=True)
class KpCeiling:
    """No KP: the pangkat is the top of the jenjang fungsional or eselon held. ``tmt`` is the KP period the
    minimum time in the pangkat would have given; the board lists the need for a higher post on that date."""

    jenjang: JenjangPangkat
    golongan_ruang: str
    tmt: date
    tmt_syarat: date

    @property
    def kebutuhan(self) -> str:
        """What the board shows instead of a KP date."""
        return "perlu promosi eselon" if self.jenjang.struktural else "perlu kenaikan jenjang"


def kp_ceiling(
    *,
    tmt_pangkat: date,
    golongan_ruang: str,
    periods: KpPeriods,
    ladder: PangkatLadder,
    jenis: KpJenis,
    jenjang: JenjangPangkat | None,
) -> KpCeiling | None:
    """The jenjang or eselon ceiling that stops the next KP (Ahli Muda at III/d, Eselon IV.a at III/d); None when
    none does: no jenjang, below its top, or IV/e (the top of the ladder, where nothing is to be prepared)."""
    if jenjang is None:
        return None
    code = ladder.get(golongan_ruang).golongan_ruang
    if ladder.next_above(code) is None or _jenjang_block(code, ladder, jenjang)[1] is None:
        return None
    tmt_syarat = add_months(tmt_pangkat, MIN_MONTHS_IN_PANGKAT[jenis])
    return KpCeiling(jenjang, code, first_kp_period_on_or_after(periods, tmt_syarat), tmt_syarat)


def kp_conditions(
    jenis: KpJenis,
    *,
    tmt_pangkat: date,
    golongan_ruang: str,
    tmt_kp: date,
    periods: KpPeriods,
    ladder: PangkatLadder,
    skp: Mapping[int, SkpPredikat],
    ijazah: IjazahRule | None = None,
    angka_kredit_terpenuhi: bool | None = None,
    jenjang: JenjangPangkat | None = None,
) -> Derivation[Eligibility]:
    """Check a KP on ``tmt_kp`` (B5): a period; minimum time in the pangkat (reguler 4 years, fungsional 2);
    SKP at least Baik for the last 2 years; below the top pangkat of the jenjang or eselon held; reguler: below
    the ijazah ceiling; fungsional: angka kredit met.
    """
    code = ladder.get(golongan_ruang).golongan_ruang
    steps = [f"{jenis.label} dengan TMT {_fd(tmt_kp)} dari golongan {code} (TMT pangkat {_fd(tmt_pangkat)})."]
    unmet: list[str] = []
    if not is_kp_period(periods, tmt_kp):
        unmet.append(f"{_fd(tmt_kp)} bukan periode kenaikan pangkat.")
    minimum = MIN_MONTHS_IN_PANGKAT[jenis]
    served = MasaKerja.from_months(months_between(tmt_pangkat, tmt_kp))
    needed = MasaKerja.from_months(minimum)
    if served.total_months < minimum:
        unmet.append(
            f"Masa dalam pangkat pada {_fd(tmt_kp)} baru {served}, kurang dari {needed.tahun} tahun."
        )
    else:
        steps.append(f"Masa dalam pangkat pada {_fd(tmt_kp)}: {served} (minimal {needed.tahun} tahun).")
    if jenjang is not None and ladder.next_above(code) is not None:
        jenjang_steps, blocked = _jenjang_block(code, ladder, jenjang)
        steps.extend(jenjang_steps)
        if blocked is not None:
            unmet.append(blocked)
    if jenis is KpJenis.REGULER:
        if ijazah is None:
            unmet.append("Ijazah belum dicatat: batas pangkat KP reguler tidak dapat diperiksa.")
        else:
            ceiling_steps, blocked = _ceiling_block(jenis, code, ladder, ijazah)
            steps.extend(ceiling_steps)
            if blocked is not None:
                unmet.append(blocked)
    elif ladder.next_above(code) is None:
        unmet.append(f"Golongan {code} adalah pangkat tertinggi.")
    if jenis is KpJenis.FUNGSIONAL:
        if angka_kredit_terpenuhi is None:
            unmet.append("Angka kredit belum dicatat.")
        elif not angka_kredit_terpenuhi:
            unmet.append("Angka kredit untuk kenaikan pangkat belum terpenuhi.")
        else:
            steps.append("Angka kredit terpenuhi.")
    skp_check = skp_condition(tmt_kp.year, skp, SKP_YEARS[jenis])
    steps.extend(skp_check.steps)
    unmet.extend(skp_check.value.unmet)
    steps.append("Semua syarat terpenuhi." if not unmet else f"{len(unmet)} syarat belum terpenuhi.")
    return Derivation(Eligibility(tuple(unmet)), tuple(steps))
