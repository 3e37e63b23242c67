"""Kenaikan gaji berkala: gaji pokok, the next KGB from the pay-table columns, MKG on promotion, deferral, notice.

staff.md R6-R11. The II/a one-year step and the irregular first steps after a promotion are not special cases:
they follow from the MKG columns of the golongan in the pay table.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date

from desktop.core.dates import format_date
from desktop.core.money import format_rupiah
from desktop.core.staff.derivation import Derivation, Eligibility, Steps
from desktop.core.staff.months import MasaKerja, Reminder, add_months, months_between
from desktop.core.staff.reference import PayTables, normalize_golongan_ruang
from desktop.core.staff.skp import SkpPredikat, skp_condition

__all__ = [
    "CPNS_PERCENT",
    "DEFAULT_MKG_CORRECTIONS",
    "MAX_DEFERRAL_MONTHS",
    "NOTICE_MONTHS_BEFORE",
    "KgbDeferral",
    "KgbStep",
    "defer_kgb",
    "gaji_pokok",
    "kgb_berikut",
    "kgb_berikut_value",
    "kgb_conditions",
    "kgb_notice_date",
    "kgb_reminders",
    "mkg_after_promotion",
    "mkg_on",
    "next_kgb",
]

CPNS_PERCENT = 80
NOTICE_MONTHS_BEFORE = 2  # PP 7/1977 Pasal 12(2)
MAX_DEFERRAL_MONTHS = 12  # PP 7/1977 Pasal 13: at most one year at a time

# R8: months of MKG subtracted when a promotion crosses into the next golongan. III -> IV is configurable
# (one source claims one month); the default is no change.
DEFAULT_MKG_CORRECTIONS: Mapping[tuple[str, str], int] = {
    ("I", "II"): 72,
    ("II", "III"): 60,
    ("III", "IV"): 0,
}

_GOLONGAN_ORDER = ("I", "II", "III", "IV")

# Enough for a whole career of two-yearly steps; only reached with a corrupt table.
_MAX_STEPS = 60


@dataclass(frozen=True, slots=True)
class KgbStep:
    """A pay step: the TMT, golongan ruang, MKG on that TMT and the gaji pokok from then on.

    A deferred KGB keeps the gaji of the step it was due for; ``tmt_semula`` is the original TMT and ``mkg``
    includes the deferral, which counts in full for the next KGB (R11).
    """

    tmt: date
    golongan_ruang: str
    mkg: MasaKerja
    gaji_pokok: int
    tmt_semula: date | None = None
    ditunda_bulan: int = 0


@dataclass(frozen=True, slots=True)
class KgbDeferral:
    """An SK penundaan KGB: the KGB due on ``tmt_kgb`` is deferred by ``bulan`` months (1-12).

    Deferring again after the first year is a second record whose ``tmt_kgb`` is the deferred TMT.
    """

    tmt_kgb: date
    bulan: int
    nomor_sk: str = ""


def _fd(d: date) -> str:
    return format_date(d)


def mkg_on(tmt: date, mkg: MasaKerja, on: date) -> MasaKerja:
    """The MKG on ``on`` of someone whose SK with TMT ``tmt`` stated ``mkg`` (whole months added)."""
    return mkg.plus_months(months_between(tmt, on))


def gaji_pokok(
    tables: PayTables, golongan_ruang: str, mkg: MasaKerja, *, on: date, cpns: bool = False
) -> Derivation[int]:
    """Gaji pokok (R6): the table in force on ``on``, the largest MKG column ≤ the MKG; CPNS receive 80 %.

    II/a MKG 0 as CPNS -> 80 % × Rp2.184.000 = Rp1.747.200. With the PPPK tables, ``golongan_ruang`` is the PPPK
    golongan (``IX``).
    """
    code = tables.key(golongan_ruang)
    table = tables.for_date(on)
    column = table.column_for(code, mkg)
    full = table.amount(code, column)
    steps = [f"Dipakai {table.label}."]
    if column > mkg.tahun:
        steps.append(
            f"MKG {mkg} di bawah kolom pertama golongan {code}; dipakai kolom pertama, MKG {column} tahun: "
            f"{format_rupiah(full)}."
        )
    else:
        steps.append(f"Golongan {code}, MKG {mkg}: kolom MKG {column} tahun = {format_rupiah(full)}.")
    if not cpns:
        return Derivation(full, tuple(steps))
    amount = full * CPNS_PERCENT // 100
    steps.append(f"CPNS menerima {CPNS_PERCENT} % gaji pokok: {format_rupiah(amount)}.")
    return Derivation(amount, tuple(steps))


def mkg_after_promotion(
    mkg: MasaKerja,
    dari: str,
    ke: str,
    corrections: Mapping[tuple[str, str], int] = DEFAULT_MKG_CORRECTIONS,
) -> Derivation[MasaKerja]:
    """MKG in the new golongan after a KP (R8): I -> II minus 6 years, II -> III minus 5, floor 0 tahun 0 bulan.

    I/d 16 tahun 1 bulan -> II/a 10 tahun 1 bulan; II/d 22 tahun 7 bulan -> III/a 17 tahun 7 bulan. A jump over
    several golongan subtracts every boundary crossed.
    """
    old = normalize_golongan_ruang(dari).split("/")[0]
    new = normalize_golongan_ruang(ke).split("/")[0]
    steps = [f"MKG pada pangkat lama ({dari}): {mkg}."]
    start, end = _GOLONGAN_ORDER.index(old), _GOLONGAN_ORDER.index(new)
    if end <= start:
        steps.append(f"Tidak pindah ke golongan yang lebih tinggi ({old} ke {new}); MKG tidak berubah.")
        return Derivation(mkg, tuple(steps))
    months = 0
    for lower, upper in zip(_GOLONGAN_ORDER[start:end], _GOLONGAN_ORDER[start + 1 : end + 1], strict=True):
        cut = corrections.get((lower, upper), 0)
        months += cut
        if cut:
            steps.append(
                f"Naik dari golongan {lower} ke {upper}: MKG dikurangi {MasaKerja.from_months(cut)}."
            )
        else:
            steps.append(f"Naik dari golongan {lower} ke {upper}: MKG tidak dikurangi.")
    result = MasaKerja.from_months(mkg.total_months - months)
    if mkg.total_months < months:
        steps.append("Hasil pengurangan di bawah nol; MKG menjadi 0 tahun 0 bulan.")
    steps.append(f"MKG pada pangkat baru ({ke}): {result}.")
    return Derivation(result, tuple(steps))


def _next_kgb(
    tmt: date, golongan_ruang: str, mkg: MasaKerja, tables: PayTables, why: Steps | None
) -> KgbStep | None:
    """The rule of :func:`next_kgb`; sentences go to ``why`` when an explanation is wanted."""
    code = tables.key(golongan_ruang)
    table = tables.for_date(tmt)
    mk = mkg.total_months
    columns = table.columns(code)
    if why is not None:
        why.steps.append(f"Dasar: TMT {_fd(tmt)}, golongan {code}, MKG {mkg} ({mk} bulan).")
        why.steps.append(
            f"Kolom MKG golongan {code} pada {table.label}: {', '.join(str(c) for c in columns)} tahun."
        )
        if tmt.day != 1:
            why.warnings.append(
                f"TMT {_fd(tmt)} bukan tanggal 1; TMT kenaikan gaji selalu tanggal 1. Periksa SK."
            )
    later = [c for c in columns if 12 * c > mk]
    if not later:
        if why is not None:
            why.steps.append(
                f"MKG {mkg} sudah mencapai kolom tertinggi golongan {code} ({columns[-1]} tahun): "
                "tidak ada KGB lagi pada golongan ini."
            )
        return None
    col = later[0]
    wait = 12 * col - mk
    tmt_next = add_months(tmt, wait)
    if why is not None:
        # Only II/a (PNS) and V (PPPK) have a 1-year column: their first KGB comes after one year.
        rule = f" (golongan {code}: KGB pertama setelah masa kerja 1 tahun)" if col == 1 else ""
        why.steps.append(
            f"Kolom berikutnya setelah MKG {mkg} adalah {col} tahun{rule}; KGB jatuh {12 * col} − {mk} = "
            f"{wait} bulan setelah {_fd(tmt)}, yaitu {_fd(tmt_next)}."
        )
    next_table = tables.for_date(tmt_next)
    amount = next_table.amount(code, col)
    if why is not None:
        why.steps.append(
            f"Gaji pokok baru: golongan {code}, MKG {col} tahun = {format_rupiah(amount)} menurut "
            f"{next_table.label}."
        )
    return KgbStep(tmt_next, code, MasaKerja(col), amount)


def next_kgb(tmt: date, golongan_ruang: str, mkg: MasaKerja, tables: PayTables) -> Derivation[KgbStep | None]:
    """The KGB that follows the SK (KP, KGB or CPNS) with TMT ``tmt``, golongan ruang and MKG (R9).

    ``next_col`` is the first MKG column of the golongan above the MKG in months; the KGB falls when the MKG
    reaches it, and pays that column. None when the MKG is already at the last column. The same rule serves PNS
    (PP 5/2024, golongan ruang) and PPPK (Perpres 11/2024, golongan I-XVII): it depends only on the columns.
    """
    why = Steps()
    return why.done(_next_kgb(tmt, golongan_ruang, mkg, tables, why))


def _defer(step: KgbStep, bulan: int, why: Steps | None) -> KgbStep:
    """The rule of :func:`defer_kgb`."""
    if not 1 <= bulan <= MAX_DEFERRAL_MONTHS:
        raise ValueError(
            f"Penundaan KGB harus 1 sampai {MAX_DEFERRAL_MONTHS} bulan sekali tunda, bukan {bulan}."
        )
    tmt = add_months(step.tmt, bulan)
    deferred = replace(
        step,
        tmt=tmt,
        mkg=step.mkg.plus_months(bulan),
        tmt_semula=step.tmt_semula or step.tmt,
        ditunda_bulan=step.ditunda_bulan + bulan,
    )
    if why is not None:
        why.steps.append(
            f"KGB TMT {_fd(step.tmt)} ditunda {bulan} bulan (PP 7/1977 Pasal 13): diberikan mulai {_fd(tmt)} "
            f"dengan gaji pokok {format_rupiah(step.gaji_pokok)}."
        )
        why.steps.append(
            f"Masa penundaan dihitung penuh untuk KGB berikutnya: MKG pada {_fd(tmt)} = {deferred.mkg} "
            "(tafsiran; konfirmasi dengan BKD)."
        )
    return deferred


def defer_kgb(step: KgbStep, bulan: int) -> Derivation[KgbStep]:
    """Defer a KGB by ``bulan`` months (R11, PP 7/1977 Pasal 13): granted from the month after the deferral
    ends, at the gaji it was due for; the deferral counts in full as MKG, so the next KGB keeps the rhythm.

    2027-03-01 deferred 12 months -> granted 2028-03-01 (MKG 25 tahun 0 bulan, gaji of column 24).
    """
    why = Steps()
    return why.done(_defer(step, bulan, why))


def _kgb_berikut(
    tmt: date,
    golongan_ruang: str,
    mkg: MasaKerja,
    as_of: date,
    tables: PayTables,
    deferrals: Iterable[KgbDeferral],
    why: Steps | None,
) -> KgbStep | None:
    """The rule of :func:`kgb_berikut` and :func:`kgb_berikut_value`."""
    by_tmt: dict[date, KgbDeferral] = {}
    for deferral in deferrals:
        if deferral.tmt_kgb in by_tmt:
            raise ValueError(f"Dua penundaan KGB untuk TMT {_fd(deferral.tmt_kgb)}.")
        by_tmt[deferral.tmt_kgb] = deferral
    missed: list[date] = []
    current_tmt, current_code, current_mkg = tmt, golongan_ruang, mkg
    for _ in range(_MAX_STEPS):
        found_why = Steps() if why is not None else None
        step = _next_kgb(current_tmt, current_code, current_mkg, tables, found_why)
        if why is not None and found_why is not None:
            why.warnings.extend(w for w in found_why.warnings if w not in why.warnings)
        if step is None:
            if why is not None and found_why is not None:
                why.steps.extend(found_why.steps)
            break
        while (pending := by_tmt.get(step.tmt)) is not None:
            step = _defer(step, pending.bulan, found_why)
        if step.tmt >= as_of:
            if why is not None and found_why is not None:
                why.steps.extend(found_why.steps)
                why.steps.append(f"KGB berikutnya per {_fd(as_of)}: {_fd(step.tmt)}.")
                if missed:
                    why.warnings.append(
                        "KGB yang sudah lewat belum tercatat di riwayat (TMT "
                        + ", ".join(_fd(d) for d in missed)
                        + "); catat SK KGB-nya agar perhitungan memakai data SK."
                    )
            return step
        if why is not None:
            if not missed:
                why.steps.append(
                    f"SK terakhir di riwayat: TMT {_fd(tmt)}, golongan {golongan_ruang}, MKG {mkg}."
                )
            why.steps.append(
                f"KGB TMT {_fd(step.tmt)} (MKG {step.mkg}, {format_rupiah(step.gaji_pokok)}) sudah lewat pada "
                f"{_fd(as_of)}; perhitungan dilanjutkan dari KGB itu."
            )
        missed.append(step.tmt)
        current_tmt, current_code, current_mkg = step.tmt, step.golongan_ruang, step.mkg
    if why is not None and missed:
        why.warnings.append(
            "KGB yang sudah lewat belum tercatat di riwayat (TMT "
            + ", ".join(_fd(d) for d in missed)
            + "); catat SK KGB-nya."
        )
    return None


def kgb_berikut(
    tmt: date,
    golongan_ruang: str,
    mkg: MasaKerja,
    *,
    as_of: date,
    tables: PayTables,
    deferrals: Iterable[KgbDeferral] = (),
) -> Derivation[KgbStep | None]:
    """The first KGB on or after ``as_of``, following the rhythm from the last SK (KP or KGB) and any deferrals.

    KGBs that fell between the SK and ``as_of`` are stepped over with a warning: they are missing from riwayat.
    """
    why = Steps()
    return why.done(_kgb_berikut(tmt, golongan_ruang, mkg, as_of, tables, deferrals, why))


def kgb_berikut_value(
    tmt: date,
    golongan_ruang: str,
    mkg: MasaKerja,
    *,
    as_of: date,
    tables: PayTables,
    deferrals: Iterable[KgbDeferral] = (),
) -> KgbStep | None:
    """``kgb_berikut(...).value`` without building the explanation (the same rule code: for bulk schedules)."""
    return _kgb_berikut(tmt, golongan_ruang, mkg, as_of, tables, deferrals, None)


def kgb_notice_date(tmt_kgb: date) -> Derivation[date]:
    """The date the surat pemberitahuan KGB is due: 2 months before the TMT (R10; 2027-03-01 -> 2027-01-01)."""
    due = add_months(tmt_kgb, -NOTICE_MONTHS_BEFORE)
    return Derivation(
        due,
        (
            f"TMT KGB: {_fd(tmt_kgb)}.",
            f"Surat pemberitahuan KGB dibuat {NOTICE_MONTHS_BEFORE} bulan sebelum TMT (PP 7/1977 Pasal 12 "
            f"ayat (2)): paling lambat {_fd(due)}.",
        ),
    )


def kgb_reminders(tmt_kgb: date, days_before: Iterable[int]) -> tuple[Reminder, ...]:
    """The reminders of a KGB, ``n`` days before its TMT (R29), none after the surat pemberitahuan is due (R10).

    A reminder that would fall after the notice date is clamped to it, not dropped: R29's H-30 and H-14 always,
    and H-60 most months, reach past a notice due two months before the TMT, so dropping them would leave most
    KGBs with no reminder at all; clamped, they merge into one reminder on the last day to act. TMT 2027-01-01:
    H-60 would be 2026-11-02, after the notice date 2026-11-01, so there is one reminder, on 2026-11-01; TMT
    2027-03-01: H-60 is 2026-12-31, the day before the notice date, and stays.
    """
    notice = add_months(tmt_kgb, -NOTICE_MONTHS_BEFORE)
    found: list[Reminder] = []
    clamped = False
    for n in sorted(set(days_before), reverse=True):
        day = date.fromordinal(tmt_kgb.toordinal() - n)
        if day < notice:
            found.append(
                Reminder(day, f"H-{n}: KGB {_fd(tmt_kgb)}; surat pemberitahuan paling lambat {_fd(notice)}")
            )
        else:
            clamped = True
    if clamped:
        found.append(Reminder(notice, f"Hari terakhir surat pemberitahuan KGB {_fd(tmt_kgb)}"))
    return tuple(found)


def kgb_conditions(
    tmt_kgb: date, skp: Mapping[int, SkpPredikat], *, pppk: bool = False
) -> Derivation[Eligibility]:
    """R10: besides the MKG (met on the computed TMT), SKP at least Baik for the last year (PPPK: last 2 years)."""
    years = 2 if pppk else 1
    check = skp_condition(tmt_kgb.year, skp, years)
    first = f"MKG untuk KGB terpenuhi pada TMT {_fd(tmt_kgb)}."
    return Derivation(check.value, (first, *check.steps), check.warnings)
