"""NIP (PNS) and NI PPPK: display, parsing, validation and cross-checks against the record (staff.md R1-R4)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from desktop.core.dates import format_date, month_name

__all__ = [
    "MAX_AGE_AT_TMT_CPNS",
    "MIN_AGE_AT_TMT_CPNS",
    "JenisKelamin",
    "NipError",
    "NipInfo",
    "NipKind",
    "bare_nip",
    "format_nip",
    "nip_record_warnings",
    "parse_nip",
    "parse_nip_lama",
]

_NON_DIGIT = re.compile(r"\D")
# Separators people type or paste inside a NIP (R3 strips spaces and dots); anything else is a typing error.
_SEPARATORS = re.compile(r"[\s.]")

# R4: an age at TMT CPNS outside this range is suspicious (warn, never block).
MIN_AGE_AT_TMT_CPNS = 18
MAX_AGE_AT_TMT_CPNS = 40

_MIN_YEAR = 1900


def bare_nip(text: str) -> str:
    """Digits only, as stored: ``"19730314 199803 2 009"`` -> ``"197303141998032009"``."""
    return _NON_DIGIT.sub("", text)


def format_nip(nip: str) -> str:
    """Group an 18-digit NIP as printed on Indonesian documents (``19730314 199803 2 009``).

    Anything that is not 18 digits is returned as typed, so a half-entered value is never lost.
    """
    digits = bare_nip(nip)
    if len(digits) != 18:
        return nip.strip()
    return f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"


class NipKind(StrEnum):
    """Which register issued the number: a NIP PNS (also CPNS) or a NI PPPK."""

    PNS = "pns"
    PPPK = "pppk"

    @property
    def label(self) -> str:
        return "NIP PNS" if self is NipKind.PNS else "NI PPPK"


class JenisKelamin(StrEnum):
    """Gender as coded in digit 15 of a NIP (1 laki-laki, 2 perempuan); the value is what records store."""

    LAKI_LAKI = "L"
    PEREMPUAN = "P"

    @property
    def label(self) -> str:
        return "Laki-laki" if self is JenisKelamin.LAKI_LAKI else "Perempuan"


_GENDER_DIGIT = {"1": JenisKelamin.LAKI_LAKI, "2": JenisKelamin.PEREMPUAN}


class NipError(ValueError):
    """A NIP that cannot be a NIP (R3); the message is Indonesian and meant for the field's error label."""


@dataclass(frozen=True, slots=True)
class NipInfo:
    """What an 18-digit number says about its holder.

    PNS: ``tmt_cpns`` (always the 1st of the month). PPPK: ``tahun_pppk`` (year of the first appointment) and
    ``kontrak_ke`` (F, 1-9). ``warnings`` are the R4 plausibility warnings of the number on its own; compare it
    with the record with :func:`nip_record_warnings`.
    """

    nip: str
    jenis: NipKind
    tanggal_lahir: date
    jenis_kelamin: JenisKelamin
    nomor_urut: int
    tmt_cpns: date | None = None
    tahun_pppk: int | None = None
    kontrak_ke: int | None = None
    warnings: tuple[str, ...] = ()

    @property
    def formatted(self) -> str:
        """Grouped for display: ``19730314 199803 2 009``."""
        return format_nip(self.nip)


def _age_on(born: date, on: date) -> int:
    """Completed years of age on a date."""
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def parse_nip(text: str) -> NipInfo:
    """Parse and validate a NIP PNS or NI PPPK (R1-R3); raise :class:`NipError` with an Indonesian message.

    ``19730314 199803 2 009`` -> born 14 March 1973, TMT CPNS 1 March 1998, female, serial 9. Spaces and dots
    are ignored. Implausible but well-formed numbers (birth after TMT CPNS, age at TMT CPNS under 18 or over 40)
    are accepted with ``warnings``: a NIP is never changed by data corrections, so it must stay enterable.
    """
    if not text.strip():
        raise NipError("NIP wajib diisi.")
    stripped = _SEPARATORS.sub("", text)
    if not stripped.isascii() or not stripped.isdigit():
        raise NipError(f"NIP hanya boleh berisi angka (spasi dan titik boleh): {text.strip()!r}.")
    if len(stripped) != 18:
        raise NipError(f"NIP harus 18 angka; yang diisi {len(stripped)} angka.")
    digits = stripped

    try:
        born = date(int(digits[0:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        born = None
    if born is None or born.year < _MIN_YEAR:
        raise NipError(f"Angka 1-8 NIP ({digits[:8]}) harus tanggal lahir yang ada (TTTTBBHH).")

    code = int(digits[12:14])
    gender = _GENDER_DIGIT.get(digits[14])
    if gender is None:
        raise NipError(
            f"Angka ke-15 NIP (jenis kelamin) harus 1 (laki-laki) atau 2 (perempuan), bukan {digits[14]}."
        )
    serial = int(digits[15:])
    if serial == 0:
        raise NipError("Nomor urut NIP (3 angka terakhir) harus 001 sampai 999, bukan 000.")

    year = int(digits[8:12])
    if 1 <= code <= 12:
        if year < _MIN_YEAR:
            raise NipError(f"Angka 9-12 NIP ({digits[8:12]}) harus tahun TMT CPNS.")
        tmt = date(year, code, 1)
        return NipInfo(
            nip=digits,
            jenis=NipKind.PNS,
            tanggal_lahir=born,
            jenis_kelamin=gender,
            nomor_urut=serial,
            tmt_cpns=tmt,
            warnings=_age_warnings(born, tmt),
        )
    if 21 <= code <= 29:
        if year < _MIN_YEAR:
            raise NipError(f"Angka 9-12 NI PPPK ({digits[8:12]}) harus tahun pengangkatan PPPK.")
        warnings: tuple[str, ...] = ()
        if year < born.year + MIN_AGE_AT_TMT_CPNS:
            warnings = (
                f"Tahun pengangkatan PPPK pada NIP ({year}) tidak masuk akal untuk tanggal lahir "
                f"{format_date(born)}; periksa NIP.",
            )
        return NipInfo(
            nip=digits,
            jenis=NipKind.PPPK,
            tanggal_lahir=born,
            jenis_kelamin=gender,
            nomor_urut=serial,
            tahun_pppk=year,
            kontrak_ke=code - 20,
            warnings=warnings,
        )
    raise NipError(
        f"Angka 13-14 NIP harus 01 sampai 12 (bulan TMT CPNS, NIP PNS) atau 21 sampai 29 (NI PPPK), "
        f"bukan {digits[12:14]}."
    )


def _age_warnings(born: date, tmt_cpns: date) -> tuple[str, ...]:
    if born > tmt_cpns:
        return (
            f"Tanggal lahir pada NIP ({format_date(born)}) jatuh sesudah TMT CPNS pada NIP "
            f"({month_name(tmt_cpns.month)} {tmt_cpns.year}); periksa NIP.",
        )
    age = _age_on(born, tmt_cpns)
    if age < MIN_AGE_AT_TMT_CPNS or age > MAX_AGE_AT_TMT_CPNS:
        return (
            f"Menurut NIP, umur saat TMT CPNS ({month_name(tmt_cpns.month)} {tmt_cpns.year}) {age} tahun, "
            f"di luar {MIN_AGE_AT_TMT_CPNS}-{MAX_AGE_AT_TMT_CPNS} tahun; periksa NIP.",
        )
    return ()


def nip_record_warnings(
    info: NipInfo,
    *,
    tanggal_lahir: date | None = None,
    jenis_kelamin: JenisKelamin | None = None,
    tmt_cpns: date | None = None,
    tahun_pppk: int | None = None,
) -> tuple[str, ...]:
    """R4 cross-check of the record against its NIP: one Indonesian warning per disagreement, never an error.

    Data corrections do not change a NIP, so a record may legitimately disagree (e.g. a corrected birth date);
    the user sees the warning and decides. Values left as None are not compared. TMT CPNS is compared by year
    and month only, as the NIP holds no day.
    """
    warnings: list[str] = []
    if tanggal_lahir is not None and tanggal_lahir != info.tanggal_lahir:
        warnings.append(
            f"Tanggal lahir di data ({format_date(tanggal_lahir)}) berbeda dengan NIP "
            f"({format_date(info.tanggal_lahir)})."
        )
    if jenis_kelamin is not None and jenis_kelamin != info.jenis_kelamin:
        warnings.append(
            f"Jenis kelamin di data ({jenis_kelamin.label}) berbeda dengan NIP ({info.jenis_kelamin.label})."
        )
    if (
        tmt_cpns is not None
        and info.tmt_cpns is not None
        and (tmt_cpns.year, tmt_cpns.month) != (info.tmt_cpns.year, info.tmt_cpns.month)
    ):
        warnings.append(
            f"TMT CPNS di data ({format_date(tmt_cpns)}) berbeda dengan NIP "
            f"({month_name(info.tmt_cpns.month)} {info.tmt_cpns.year})."
        )
    if tahun_pppk is not None and info.tahun_pppk is not None and tahun_pppk != info.tahun_pppk:
        warnings.append(
            f"Tahun pengangkatan PPPK di data ({tahun_pppk}) berbeda dengan NI PPPK ({info.tahun_pppk})."
        )
    return tuple(warnings)


def parse_nip_lama(text: str) -> str:
    """The 9-digit NIP lama (before Perka BKN 22/2007), bare; raise :class:`NipError` otherwise."""
    stripped = _SEPARATORS.sub("", text)
    if not stripped.isascii() or not stripped.isdigit() or len(stripped) != 9:
        raise NipError(f"NIP lama harus 9 angka: {text.strip()!r}.")
    return stripped
