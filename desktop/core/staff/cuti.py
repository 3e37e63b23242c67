"""Cuti: types, working-day counting on the shared calendar, cuti tahunan entitlement with carry-over, and
the conditions of each type (staff.md B7, R19-R22; PP 11/2017 Pasal 310-341, Perban 24/2017 jo. 7/2021)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from desktop.core.calendar import HolidayKind, WorkingCalendar
from desktop.core.dates import format_date
from desktop.core.staff.derivation import Derivation
from desktop.core.staff.months import MasaKerja, add_months, months_between

__all__ = [
    "DEFAULT_CUTI_RULES",
    "CutiCheck",
    "CutiJenis",
    "CutiRules",
    "CutiTahunanHak",
    "check_cuti",
    "cuti_tahunan_entitlement",
    "cuti_working_days",
    "split_at_year_end",
]

_ONE_DAY = timedelta(days=1)


class CutiJenis(StrEnum):
    """Leave types of PP 11/2017; the value is what records store."""

    TAHUNAN = "tahunan"
    BESAR = "besar"
    SAKIT = "sakit"
    MELAHIRKAN = "melahirkan"
    ALASAN_PENTING = "alasan_penting"
    BERSAMA = "bersama"
    CLTN = "cltn"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def for_pppk(self) -> bool:
        """R22: PPPK have cuti tahunan, sakit, melahirkan and bersama only (PP 49/2018) [unconfirmed]."""
        return self in (CutiJenis.TAHUNAN, CutiJenis.SAKIT, CutiJenis.MELAHIRKAN, CutiJenis.BERSAMA)


_LABELS: dict[CutiJenis, str] = {
    CutiJenis.TAHUNAN: "Cuti Tahunan",
    CutiJenis.BESAR: "Cuti Besar",
    CutiJenis.SAKIT: "Cuti Sakit",
    CutiJenis.MELAHIRKAN: "Cuti Melahirkan",
    CutiJenis.ALASAN_PENTING: "Cuti Karena Alasan Penting",
    CutiJenis.BERSAMA: "Cuti Bersama",
    CutiJenis.CLTN: "Cuti di Luar Tanggungan Negara",
}


@dataclass(frozen=True, slots=True)
class CutiRules:
    """The configurable numbers of the cuti rules (staff.md (c)); defaults are PP 11/2017."""

    tahunan_hari: int = 12
    tahunan_masa_kerja_bulan: int = 12
    maks_dibawa: int = 6  # unused days carried to the next year (total up to 18)
    maks_dua_tahun: int = 24  # total when cuti tahunan was not used two years running
    besar_bulan: int = 3
    besar_masa_kerja_tahun: int = 5
    besar_jeda_tahun: int = 5
    sakit_surat_dokter_lebih_dari: int = 1  # calendar days
    sakit_dokter_pemerintah_lebih_dari: int = 14
    sakit_bulan: int = 12
    sakit_perpanjangan_bulan: int = 6
    melahirkan_bulan: int = 3
    melahirkan_anak_maks: int = 3
    alasan_penting_bulan: int = 1
    cltn_masa_kerja_tahun: int = 5
    cltn_tahun: int = 3
    cltn_perpanjangan_tahun: int = 1


DEFAULT_CUTI_RULES = CutiRules()


def _fd(d: date) -> str:
    return format_date(d)


def _counts_for_cuti(calendar: WorkingCalendar, d: date) -> bool:
    # Cuti bersama never reduces cuti (PP 11/2017 Pasal 333(2)), whatever the calendar's PPID setting says;
    # a masuk_khusus day is a working day and is charged.
    kinds = {h.jenis for h in calendar.holidays_on(d)}
    if HolidayKind.MASUK_KHUSUS in kinds:
        return True
    if HolidayKind.CUTI_BERSAMA in kinds:
        return False
    return calendar.is_working_day(d)


def cuti_working_days(mulai: date, selesai: date, calendar: WorkingCalendar) -> Derivation[int]:
    """Hari kerja charged for a leave from ``mulai`` to ``selesai`` (both included), R19.

    Weekends, libur nasional, libur lokal and cuti bersama are not charged. 16-27 Mar 2026 = 10 weekdays − 5
    (18 Mar CB Nyepi, 19 Mar Nyepi, 20, 23, 24 Mar CB Idul Fitri) = 5 HK.
    """
    if selesai < mulai:
        return Derivation(0, (f"Tanggal selesai {_fd(selesai)} sebelum tanggal mulai {_fd(mulai)}.",))
    weekdays = 0
    excluded: list[str] = []
    added: list[str] = []
    has_cb = False
    d = mulai
    while d <= selesai:
        weekday = d.weekday() not in calendar.weekend
        counted = _counts_for_cuti(calendar, d)
        weekdays += weekday
        holiday = calendar.holiday_on(d)
        name = holiday.nama if holiday else ""
        if weekday and not counted:
            excluded.append(f"{_fd(d)} ({name})")
            has_cb = has_cb or any(h.jenis is HolidayKind.CUTI_BERSAMA for h in calendar.holidays_on(d))
        elif counted and not weekday:
            added.append(f"{_fd(d)} ({name})")
        d += _ONE_DAY
    total = weekdays - len(excluded) + len(added)
    steps = [f"{_fd(mulai)} sampai {_fd(selesai)}: {weekdays} hari kerja biasa (di luar akhir pekan)."]
    if excluded:
        steps.append(f"Tidak dihitung {len(excluded)} hari libur: " + ", ".join(excluded) + ".")
    if has_cb:
        steps.append("Cuti bersama tidak mengurangi hak cuti (PP 11/2017 Pasal 333 ayat (2)).")
    if added:
        steps.append(f"Ditambah {len(added)} hari masuk khusus: " + ", ".join(added) + ".")
    steps.append(f"Dihitung {total} hari kerja.")
    return Derivation(total, tuple(steps))


def split_at_year_end(mulai: date, selesai: date) -> tuple[tuple[date, date], ...]:
    """R19: a request never crosses 31 December; it is split into one part per year."""
    parts: list[tuple[date, date]] = []
    start = mulai
    while start <= selesai:
        end = min(selesai, date(start.year, 12, 31))
        parts.append((start, end))
        start = end + _ONE_DAY
    return tuple(parts)


@dataclass(frozen=True, slots=True)
class CutiTahunanHak:
    """A year's cuti tahunan entitlement in HK: this year's days, days carried over and extra days."""

    tahun: int
    hak_tahun_ini: int
    dibawa: int = 0
    tambahan: int = 0

    @property
    def total(self) -> int:
        return self.hak_tahun_ini + self.dibawa + self.tambahan


def _entitled_in(tmt_masuk: date, year: int, rules: CutiRules) -> bool:
    return add_months(tmt_masuk, rules.tahunan_masa_kerja_bulan) <= date(year, 12, 31)


def cuti_tahunan_entitlement(
    tahun: int,
    *,
    tmt_masuk: date,
    dipakai: Mapping[int, int],
    ditangguhkan: Mapping[int, int] | None = None,
    tambahan_cuti_bersama: int = 0,
    cuti_besar_tahun_ini: bool = False,
    rules: CutiRules = DEFAULT_CUTI_RULES,
) -> Derivation[CutiTahunanHak]:
    """Cuti tahunan for ``tahun`` with carry-over (R20): 12 HK; unused days of last year carried up to 6 (total 18);
    none used two years running: total 24. Days postponed (ditangguhkan) by the PYBMC carry in full up to 24.

    ``dipakai`` maps year -> HK of cuti tahunan taken; a missing previous year carries nothing (with a warning).
    ``tambahan_cuti_bersama`` adds the cuti bersama days someone had to work (Pasal 333(3)). 8 used in 2025 ->
    16 in 2026; 3 used -> 18; none used in 2024 and 2025 -> 24.
    """
    postponed = ditangguhkan or {}
    eligible_from = add_months(tmt_masuk, rules.tahunan_masa_kerja_bulan)
    steps = [
        f"Hak cuti tahunan {rules.tahunan_hari} hari kerja setelah bekerja 1 tahun (mulai {_fd(eligible_from)})."
    ]
    warnings: list[str] = []
    if not _entitled_in(tmt_masuk, tahun, rules):
        steps.append(f"Pada tahun {tahun} masa kerja belum 1 tahun: belum ada hak cuti tahunan.")
        return Derivation(CutiTahunanHak(tahun, 0), tuple(steps))
    if cuti_besar_tahun_ini:
        steps.append(f"Mengambil cuti besar pada tahun {tahun}: tidak berhak atas cuti tahunan tahun itu.")
        return Derivation(CutiTahunanHak(tahun, 0), tuple(steps))
    base = rules.tahunan_hari
    prev, prev2 = tahun - 1, tahun - 2
    carried = 0
    if not _entitled_in(tmt_masuk, prev, rules):
        steps.append(f"Tahun {prev} belum berhak cuti tahunan: tidak ada sisa yang dibawa.")
    elif prev not in dipakai:
        warnings.append(f"Pemakaian cuti tahunan {prev} belum dicatat; sisa tahun itu tidak dihitung.")
    else:
        used = dipakai[prev]
        held = postponed.get(prev, 0)
        if used == 0 and held == 0 and _entitled_in(tmt_masuk, prev2, rules) and dipakai.get(prev2) == 0:
            carried = rules.maks_dua_tahun - base
            steps.append(
                f"Cuti tahunan tidak dipakai pada {prev2} dan {prev} (2 tahun berturut-turut): hak {tahun} "
                f"paling banyak {rules.maks_dua_tahun} hari kerja termasuk hak tahun berjalan."
            )
        else:
            unused = max(0, base - used - held)
            carried = min(rules.maks_dibawa, unused)
            steps.append(
                f"Tahun {prev} dipakai {used} dari {base} hari: sisa {unused} hari, dibawa paling banyak "
                f"{rules.maks_dibawa}: {carried} hari."
            )
            if held:
                room = rules.maks_dua_tahun - base - carried
                moved = min(held, room)
                carried += moved
                steps.append(
                    f"Ditangguhkan oleh pejabat yang berwenang pada {prev}: {held} hari, dibawa {moved} hari "
                    f"(jumlah paling banyak {rules.maks_dua_tahun} hari)."
                )
    result = CutiTahunanHak(tahun, base, carried, tambahan_cuti_bersama)
    if tambahan_cuti_bersama:
        steps.append(
            f"Ditambah {tambahan_cuti_bersama} hari cuti bersama yang tidak dapat diambil karena tugas."
        )
    steps.append(f"Hak cuti tahunan {tahun}: {result.total} hari kerja.")
    return Derivation(result, tuple(steps), tuple(warnings))


@dataclass(frozen=True, slots=True)
class CutiCheck:
    """A leave request checked: days charged, calendar days, unmet conditions and documents it needs."""

    hari_kerja: int
    hari_kalender: int
    unmet: tuple[str, ...] = ()
    dokumen: tuple[str, ...] = field(default=())

    @property
    def eligible(self) -> bool:
        return not self.unmet


def _within_months(mulai: date, selesai: date, months: int) -> bool:
    return selesai < add_months(mulai, months)


def check_cuti(
    jenis: CutiJenis,
    mulai: date,
    selesai: date,
    *,
    calendar: WorkingCalendar,
    tmt_masuk: date,
    pppk: bool = False,
    sisa_tahunan: int | None = None,
    cuti_besar_terakhir_selesai: date | None = None,
    anak_ke: int | None = None,
    rules: CutiRules = DEFAULT_CUTI_RULES,
) -> Derivation[CutiCheck]:
    """Check a leave request against the rules of its type (B7); ``tmt_masuk`` is TMT CPNS (PPPK: TMT PPPK).

    Conditions: tahunan after 1 year of service, ≥ 1 HK, within the balance and not across 31 December; besar
    after 5 years, once per 5 years, ≤ 3 months; sakit ≤ 1 year (+6 months), doctor's letter over 1 day, a
    government doctor over 14; melahirkan ≤ 3 months for children 1-3; alasan penting ≤ 1 month; CLTN after
    5 years, ≤ 3 years (+1). Days are counted in HK on the shared calendar either way.
    """
    counted = cuti_working_days(mulai, selesai, calendar)
    calendar_days = max(0, (selesai - mulai).days + 1)
    served = MasaKerja.from_months(months_between(tmt_masuk, mulai))
    steps = [
        f"{jenis.label}: {_fd(mulai)} sampai {_fd(selesai)} ({calendar_days} hari kalender).",
        *counted.steps,
    ]
    unmet: list[str] = []
    docs: list[str] = []
    if selesai < mulai:
        unmet.append("Tanggal selesai sebelum tanggal mulai.")
    if pppk and not jenis.for_pppk:
        unmet.append(f"{jenis.label} tidak tersedia untuk PPPK.")
    steps.append(f"Masa kerja pada {_fd(mulai)}: {served}.")

    def limit(months: int, text: str) -> None:
        if not _within_months(mulai, selesai, months):
            unmet.append(f"{jenis.label} paling lama {text}.")

    if jenis is CutiJenis.BERSAMA:
        unmet.append("Cuti bersama ditetapkan pemerintah dan tidak diajukan per pegawai.")
    elif jenis is CutiJenis.TAHUNAN:
        if served.total_months < rules.tahunan_masa_kerja_bulan:
            unmet.append("Cuti tahunan baru dapat diambil setelah bekerja paling singkat 1 tahun.")
        if counted.value < 1 and selesai >= mulai:
            unmet.append("Rentang tanggal tidak memuat hari kerja.")
        parts = split_at_year_end(mulai, selesai)
        if len(parts) > 1:
            unmet.append(
                "Permohonan melewati 31 Desember; pisahkan menjadi "
                + " dan ".join(f"{_fd(a)} sampai {_fd(b)}" for a, b in parts)
                + "."
            )
        if sisa_tahunan is not None:
            steps.append(f"Sisa cuti tahunan: {sisa_tahunan} hari kerja.")
            if counted.value > sisa_tahunan:
                unmet.append(
                    f"Permohonan {counted.value} hari kerja melebihi sisa cuti tahunan {sisa_tahunan} hari."
                )
    elif jenis is CutiJenis.BESAR:
        if served.tahun < rules.besar_masa_kerja_tahun:
            unmet.append(
                f"Cuti besar baru dapat diambil setelah bekerja {rules.besar_masa_kerja_tahun} tahun."
            )
        if cuti_besar_terakhir_selesai is not None:
            next_allowed = add_months(cuti_besar_terakhir_selesai, 12 * rules.besar_jeda_tahun)
            steps.append(
                f"Cuti besar terakhir selesai {_fd(cuti_besar_terakhir_selesai)}; cuti besar berikutnya mulai "
                f"{_fd(next_allowed)} (tafsiran; konfirmasi dengan BKD)."
            )
            if mulai < next_allowed:
                unmet.append(f"Cuti besar hanya sekali setiap {rules.besar_jeda_tahun} tahun.")
        limit(rules.besar_bulan, f"{rules.besar_bulan} bulan")
        steps.append(
            f"Pegawai yang mengambil cuti besar tidak berhak atas cuti tahunan pada tahun {mulai.year}."
        )
    elif jenis is CutiJenis.SAKIT:
        if calendar_days > rules.sakit_dokter_pemerintah_lebih_dari:
            docs.append("Surat keterangan dokter pemerintah")
        elif calendar_days > rules.sakit_surat_dokter_lebih_dari:
            docs.append("Surat keterangan dokter")
        else:
            docs.append("Pemberitahuan kepada atasan langsung")
        total = rules.sakit_bulan + rules.sakit_perpanjangan_bulan
        if not _within_months(mulai, selesai, total):
            unmet.append(
                f"Cuti sakit paling lama {rules.sakit_bulan} bulan ditambah {rules.sakit_perpanjangan_bulan}."
            )
        elif not _within_months(mulai, selesai, rules.sakit_bulan):
            docs.append("Keputusan perpanjangan cuti sakit (surat keterangan tim penguji kesehatan)")
    elif jenis is CutiJenis.MELAHIRKAN:
        if anak_ke is not None and anak_ke > rules.melahirkan_anak_maks:
            unmet.append(
                f"Cuti melahirkan untuk anak ke-1 sampai ke-{rules.melahirkan_anak_maks}; "
                f"kelahiran anak ke-{anak_ke} memakai cuti besar."
            )
        limit(rules.melahirkan_bulan, f"{rules.melahirkan_bulan} bulan")
    elif jenis is CutiJenis.ALASAN_PENTING:
        limit(rules.alasan_penting_bulan, f"{rules.alasan_penting_bulan} bulan")
        docs.append("Surat keterangan alasan penting (misalnya dari rumah sakit, RT/RW atau kelurahan)")
    elif jenis is CutiJenis.CLTN:
        if served.tahun < rules.cltn_masa_kerja_tahun:
            unmet.append(f"CLTN baru dapat diambil setelah bekerja {rules.cltn_masa_kerja_tahun} tahun.")
        total_years = rules.cltn_tahun + rules.cltn_perpanjangan_tahun
        if not _within_months(mulai, selesai, 12 * total_years):
            unmet.append(
                f"CLTN paling lama {rules.cltn_tahun} tahun ditambah {rules.cltn_perpanjangan_tahun} tahun."
            )
        elif not _within_months(mulai, selesai, 12 * rules.cltn_tahun):
            docs.append("Keputusan perpanjangan CLTN")
        docs.append("Persetujuan Kepala BKN")
    steps.append("Syarat terpenuhi." if not unmet else f"{len(unmet)} syarat belum terpenuhi.")
    check = CutiCheck(counted.value, calendar_days, tuple(unmet), tuple(docs))
    return Derivation(check, tuple(steps), counted.warnings)
