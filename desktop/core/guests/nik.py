"""NIK (Nomor Induk Kependudukan): decoding, warnings and masking (guests.md R7-R9)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

__all__ = [
    "NIK_LENGTH",
    "PROVINSI",
    "NikInfo",
    "bare_nik",
    "gender_from_nik",
    "mask_nik",
    "parse_nik",
]

NIK_LENGTH = 16

# Province codes of Kepmendagri 300.2.2-2138/2025 (38 provinces). Used for the R8 check and for display;
# the NIK keeps the province where it was first issued, so old Papua codes stay valid.
PROVINSI: dict[str, str] = {
    "11": "Aceh",
    "12": "Sumatera Utara",
    "13": "Sumatera Barat",
    "14": "Riau",
    "15": "Jambi",
    "16": "Sumatera Selatan",
    "17": "Bengkulu",
    "18": "Lampung",
    "19": "Kepulauan Bangka Belitung",
    "21": "Kepulauan Riau",
    "31": "DKI Jakarta",
    "32": "Jawa Barat",
    "33": "Jawa Tengah",
    "34": "DI Yogyakarta",
    "35": "Jawa Timur",
    "36": "Banten",
    "51": "Bali",
    "52": "Nusa Tenggara Barat",
    "53": "Nusa Tenggara Timur",
    "61": "Kalimantan Barat",
    "62": "Kalimantan Tengah",
    "63": "Kalimantan Selatan",
    "64": "Kalimantan Timur",
    "65": "Kalimantan Utara",
    "71": "Sulawesi Utara",
    "72": "Sulawesi Tengah",
    "73": "Sulawesi Selatan",
    "74": "Sulawesi Tenggara",
    "75": "Gorontalo",
    "76": "Sulawesi Barat",
    "81": "Maluku",
    "82": "Maluku Utara",
    "91": "Papua",
    "92": "Papua Barat",
    "93": "Papua Selatan",
    "94": "Papua Tengah",
    "95": "Papua Pegunungan",
    "96": "Papua Barat Daya",
}

# What people type or paste between the digits (spaces, dots, dashes); anything else stays and is warned about.
_SEPARATORS = re.compile(r"[\s.\-]")
_DIGITS = re.compile(r"[0-9]+", re.ASCII)

# R7: women's day of birth is stored plus 40.
_FEMALE_OFFSET = 40


@dataclass(frozen=True)
class NikInfo:
    """What a NIK says about its holder, and what looks wrong with it (R7, R8).

    The code fields are empty strings and the dates/gender None when the NIK is too damaged to read
    (not 16 digits); a 16-digit NIK is always decoded field by field, even when a field is wrong.
    """

    nik: str
    provinsi: str
    kab_kota: str
    kecamatan: str
    jenis_kelamin: str | None
    tanggal_lahir: date | None
    urut: str
    is_kota: bool
    warnings: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.warnings

    @property
    def provinsi_nama(self) -> str | None:
        return PROVINSI.get(self.provinsi)

    @property
    def provinsi_label(self) -> str:
        """``"64 Kalimantan Timur"``; the bare code when it is not in the list."""
        nama = self.provinsi_nama
        return f"{self.provinsi} {nama}" if nama else self.provinsi


def bare_nik(text: str) -> str:
    """The NIK as stored: separators removed, other characters kept so a typing error stays visible."""
    return _SEPARATORS.sub("", text)


def _gender_from_day(day: int) -> str | None:
    if 1 <= day <= 31:
        return "L"
    if _FEMALE_OFFSET + 1 <= day <= _FEMALE_OFFSET + 31:
        return "P"
    return None


def _birth_date(day: int, month: int, yy: int, today: date) -> date | None:
    """R8: the 20YY reading unless that date is after ``today``, else 19YY; None when no such date exists."""
    for century in (2000, 1900):
        try:
            born = date(century + yy, month, day)
        except ValueError:
            # A leap day that does not exist in 20YY does not exist in 19YY either (1900 was no leap year).
            return None
        if born <= today:
            return born
    return None


def parse_nik(text: str, today: date) -> NikInfo:
    """Decode a NIK and list every R8 check it fails, in Indonesian. Never raises: Dukcapil keeps NIKs
    with a wrong date, so a bad NIK is a warning for the clerk, not a refusal."""
    nik = bare_nik(text)
    if not nik:
        return NikInfo("", "", "", "", None, None, "", False, ("NIK belum diisi",))
    if not _DIGITS.fullmatch(nik):
        return NikInfo(nik, "", "", "", None, None, "", False, ("NIK hanya boleh berisi angka",))
    if len(nik) != NIK_LENGTH:
        warning = f"NIK harus {NIK_LENGTH} angka (terisi {len(nik)})"
        return NikInfo(nik, "", "", "", None, None, "", False, (warning,))

    provinsi, kab_kota, kecamatan = nik[0:2], nik[2:4], nik[4:6]
    day_field, month, yy, urut = int(nik[6:8]), int(nik[8:10]), int(nik[10:12]), nik[12:16]
    warnings: list[str] = []

    if provinsi not in PROVINSI:
        warnings.append(f"Kode provinsi {provinsi} tidak dikenal")
    kab_kota_no = int(kab_kota)
    # 01-69 are kabupaten, 71-99 kota; 70 and 00 are never issued.
    if kab_kota_no in (0, 70):
        warnings.append(f"Kode kabupaten/kota {kab_kota} tidak valid")
    if kecamatan == "00":
        warnings.append("Kode kecamatan 00 tidak valid")

    jenis_kelamin = _gender_from_day(day_field)
    tanggal_lahir: date | None = None
    if jenis_kelamin is None:
        warnings.append(f"Tanggal lahir: tanggal tidak valid ({nik[6:8]}; laki-laki 01-31, perempuan 41-71)")
    if not 1 <= month <= 12:
        warnings.append(f"Tanggal lahir: bulan tidak valid ({nik[8:10]})")
    if jenis_kelamin is not None and 1 <= month <= 12:
        day = day_field - _FEMALE_OFFSET if jenis_kelamin == "P" else day_field
        tanggal_lahir = _birth_date(day, month, yy, today)
        if tanggal_lahir is None:
            warnings.append(f"Tanggal lahir: {day:02d}-{month:02d} tidak ada di kalender tahun {yy:02d}")
    if urut == "0000":
        warnings.append("Nomor urut 0000 tidak valid")

    return NikInfo(
        nik=nik,
        provinsi=provinsi,
        kab_kota=kab_kota,
        kecamatan=kecamatan,
        jenis_kelamin=jenis_kelamin,
        tanggal_lahir=tanggal_lahir,
        urut=urut,
        is_kota=kab_kota_no >= 71,
        warnings=tuple(warnings),
    )


def gender_from_nik(text: str) -> str | None:
    """``"L"`` or ``"P"`` for the form's pre-fill (R8), None when the NIK cannot tell (not 16 digits, bad day)."""
    nik = bare_nik(text)
    if len(nik) != NIK_LENGTH or not _DIGITS.fullmatch(nik):
        return None
    return _gender_from_day(int(nik[6:8]))


def mask_nik(nik: str) -> str:
    """``6471********0001`` for lists and prints (R9).

    At most four characters show at each end and never more than half of the value, so a short or
    half-typed number is never shown in full either.
    """
    value = bare_nik(nik)
    if not value:
        return ""
    keep = min(4, len(value) // 4)
    hidden = len(value) - 2 * keep
    return value[:keep] + "*" * hidden + (value[-keep:] if keep else "")
