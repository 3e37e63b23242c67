"""Rules of the Surat module (letters.md B2-B8), free of Qt and I/O.

Value lists (keamanan, urgensi, cara terima, skema), the lembar disposisi *Sifat* ticks and default batas waktu,
nomor agenda years and display patterns, outgoing number templates (render and parse), kode klasifikasi ordering,
parents and validation, JRA retention text, the duplicate key of R7 and the default instruction list of B5.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Final

from desktop.core.calendar import WorkingCalendar
from desktop.core.dates import roman_month

__all__ = [
    "DEFAULT_AGENDA_PATTERN",
    "DEFAULT_INSTRUCTIONS",
    "DEFAULT_SKEMA",
    "DEFAULT_TEMPLATE",
    "CaraTerima",
    "DuplicateKey",
    "Keamanan",
    "NumberParts",
    "NumberTemplate",
    "SifatTicks",
    "Skema",
    "Urgensi",
    "agenda_year_incoming",
    "agenda_year_outgoing",
    "ancestors",
    "code_sort_key",
    "code_sort_text",
    "default_batas_waktu",
    "duplicate_key",
    "format_agenda",
    "format_urut",
    "is_susulan",
    "is_tanpa_nomor",
    "next_agenda_number",
    "normalize_asal",
    "normalize_nomor_surat",
    "parent_of",
    "parse_retention_years",
    "sifat_ticks",
    "validate_agenda_pattern",
    "validate_code",
]


def _squash(text: str) -> str:
    """Collapse runs of whitespace to one space and strip the ends."""
    return " ".join(text.split())


def _fold(text: str) -> str:
    """Lower-case, whitespace-collapsed text with ``_`` and ``-`` read as spaces, for matching user input."""
    return _squash(text.replace("_", " ").replace("-", " ")).casefold()


# --- value lists (B3, B4) ------------------------------------------------------------------------------------


class Keamanan(StrEnum):
    """Klasifikasi keamanan (B4); the value is the code stored and printed in ``{keamanan}``."""

    B = "B"
    T = "T"
    R = "R"
    SR = "SR"

    @property
    def label(self) -> str:
        """Indonesian label for the UI."""
        return _KEAMANAN_LABELS[self]

    @property
    def is_secret(self) -> bool:
        """Rahasia and Sangat Rahasia: restricted viewing, audited access, ticked *Rahasia* on the slip (R8, R10)."""
        return self in (Keamanan.R, Keamanan.SR)

    @classmethod
    def parse(cls, text: str) -> Keamanan:
        """Accept a code (``B``, ``sr``) or a name (``Rahasia``, ``Biasa/Terbuka``, ``Terbuka``), any case."""
        key = _fold(text)
        if key in _KEAMANAN_WORDS:
            return _KEAMANAN_WORDS[key]
        raise ValueError(
            f"Klasifikasi keamanan tidak dikenal: {text!r} (pilih Biasa, Terbatas, Rahasia atau Sangat Rahasia)"
        )


_KEAMANAN_LABELS: dict[Keamanan, str] = {
    Keamanan.B: "Biasa",
    Keamanan.T: "Terbatas",
    Keamanan.R: "Rahasia",
    Keamanan.SR: "Sangat Rahasia",
}

_KEAMANAN_WORDS: dict[str, Keamanan] = {
    "b": Keamanan.B,
    "biasa": Keamanan.B,
    "terbuka": Keamanan.B,
    "biasa/terbuka": Keamanan.B,
    "t": Keamanan.T,
    "terbatas": Keamanan.T,
    "r": Keamanan.R,
    "rahasia": Keamanan.R,
    "sr": Keamanan.SR,
    "sangat rahasia": Keamanan.SR,
}


class Urgensi(StrEnum):
    """Urgensi (B4); the value is what the database stores."""

    BIASA = "biasa"
    SEGERA = "segera"
    AMAT_SEGERA = "amat_segera"

    @property
    def label(self) -> str:
        """Indonesian label for the UI."""
        return _URGENSI_LABELS[self]

    @property
    def batas_hari(self) -> int | None:
        """Days added to tanggal diterima for the default batas waktu (R9); None for Biasa."""
        return _BATAS_HARI[self]

    @classmethod
    def parse(cls, text: str) -> Urgensi:
        """Accept a label or stored value, any case; "Sangat Segera" and "Kilat" mean Amat Segera (R8)."""
        key = _fold(text)
        if key in _URGENSI_WORDS:
            return _URGENSI_WORDS[key]
        raise ValueError(f"Urgensi tidak dikenal: {text!r} (pilih Biasa, Segera atau Amat Segera)")


_URGENSI_LABELS: dict[Urgensi, str] = {
    Urgensi.BIASA: "Biasa",
    Urgensi.SEGERA: "Segera",
    Urgensi.AMAT_SEGERA: "Amat Segera",
}

_URGENSI_WORDS: dict[str, Urgensi] = {
    "biasa": Urgensi.BIASA,
    "segera": Urgensi.SEGERA,
    "amat segera": Urgensi.AMAT_SEGERA,
    "sangat segera": Urgensi.AMAT_SEGERA,
    "kilat": Urgensi.AMAT_SEGERA,
}

_BATAS_HARI: dict[Urgensi, int | None] = {
    Urgensi.BIASA: None,
    Urgensi.SEGERA: 2,
    Urgensi.AMAT_SEGERA: 1,
}


class CaraTerima(StrEnum):
    """How an incoming letter arrived (B3 *media*); the value is what the database stores."""

    LANGSUNG = "langsung"
    POS = "pos"
    KURIR = "kurir"
    EMAIL = "email"
    FAKS = "faks"
    SRIKANDI = "srikandi"
    LAINNYA = "lainnya"

    @property
    def label(self) -> str:
        """Indonesian label for the UI."""
        return _CARA_TERIMA_LABELS[self]


_CARA_TERIMA_LABELS: dict[CaraTerima, str] = {
    CaraTerima.LANGSUNG: "Diantar langsung",
    CaraTerima.POS: "Pos",
    CaraTerima.KURIR: "Kurir",
    CaraTerima.EMAIL: "Email",
    CaraTerima.FAKS: "Faks",
    CaraTerima.SRIKANDI: "SRIKANDI",
    CaraTerima.LAINNYA: "Lainnya",
}


class Skema(StrEnum):
    """Classification scheme of a kode klasifikasi (R25)."""

    PERMENDAGRI_83_2022 = "83/2022"
    PERMENDAGRI_78_2012 = "78/2012"

    @property
    def label(self) -> str:
        """``Permendagri 83/2022``."""
        return f"Permendagri {self.value}"

    @classmethod
    def coerce(cls, value: Skema | str) -> Skema:
        """The member for a stored value, with an Indonesian error for anything else."""
        try:
            return cls(_squash(value))
        except ValueError:
            raise ValueError(
                f"Skema kode klasifikasi tidak dikenal: {value!r} (pilih 83/2022 atau 78/2012)"
            ) from None


DEFAULT_SKEMA: Final = Skema.PERMENDAGRI_83_2022


# --- lembar disposisi (R8, R9, B5) ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SifatTicks:
    """The *Sifat* tick boxes of the printed lembar disposisi: □ Sangat segera □ Segera □ Rahasia."""

    sangat_segera: bool
    segera: bool
    rahasia: bool


def sifat_ticks(keamanan: Keamanan, urgensi: Urgensi) -> SifatTicks:
    """Derive the slip's ticks (R8): Amat Segera ticks *Sangat segera*; R and SR tick *Rahasia*; T ticks nothing."""
    return SifatTicks(
        sangat_segera=Urgensi(urgensi) is Urgensi.AMAT_SEGERA,
        segera=Urgensi(urgensi) is Urgensi.SEGERA,
        rahasia=Keamanan(keamanan).is_secret,
    )


def default_batas_waktu(
    tanggal_diterima: date, urgensi: Urgensi, calendar: WorkingCalendar | None = None
) -> date | None:
    """Default batas waktu of a disposition (R9): +1 day for Amat Segera, +2 days for Segera, None for Biasa.

    Without ``calendar`` the days are calendar days, as R9 states. With a ``WorkingCalendar`` they are working
    days counted from the first working day after receipt (``WorkingCalendar.add_working_days``), so a Segera
    letter received on a Friday is due on Tuesday. A datetime is reduced to its date first; convert an aware
    datetime to office time before calling.
    """
    days = Urgensi(urgensi).batas_hari
    if days is None:
        return None
    day = tanggal_diterima.date() if isinstance(tanggal_diterima, datetime) else tanggal_diterima
    if calendar is not None:
        return calendar.add_working_days(day, days)
    return day + timedelta(days=days)


DEFAULT_INSTRUCTIONS: Final[tuple[str, ...]] = (
    "Tanggapan dan saran",
    "Proses lebih lanjut",
    "Koordinasikan/konfirmasikan",
    "Untuk diketahui",
    "Untuk ditindaklanjuti",
    "Wakili/hadiri",
    "Siapkan bahan/jawaban",
    "Jadwalkan/agendakan",
    "Bicarakan dengan saya",
    "Arsip/file",
    "Lainnya",
)
"""The default "Dengan hormat harap" list of B5, in print order; "Lainnya" is followed by a blank on the slip."""


# --- templates shared by the agenda pattern and the outgoing number ------------------------------------------


@dataclass(frozen=True, slots=True)
class _Token:
    name: str
    width: int = 0  # zero padding of {urut:0Nd}; 0 = none


_Segment = str | _Token

_URUT_FORMAT = re.compile(r"0([1-9][0-9]?)d")
_MAX_PADDING = 12


def _tokenize(template: str, allowed: tuple[str, ...], what: str) -> tuple[_Segment, ...]:
    """Split a template into literal text and tokens, refusing unknown tokens, stray braces and repeats."""
    known = ", ".join("{" + name + "}" for name in allowed)
    segments: list[_Segment] = []
    seen: set[str] = set()
    literal: list[str] = []
    i = 0
    while i < len(template):
        char = template[i]
        if char == "}":
            raise ValueError(f"{what} tidak valid: tanda '}}' tanpa pasangan '{{' pada posisi {i + 1}")
        if char != "{":
            literal.append(char)
            i += 1
            continue
        end = template.find("}", i + 1)
        nested = template.find("{", i + 1)
        if end < 0 or 0 <= nested < end:
            raise ValueError(f"{what} tidak valid: tanda '{{' pada posisi {i + 1} tidak ditutup dengan '}}'")
        body = template[i + 1 : end]
        name, _, fmt = body.partition(":")
        if name not in allowed:
            raise ValueError(f"{what} tidak valid: penanda {{{body}}} tidak dikenal (yang tersedia: {known})")
        width = 0
        if ":" in body:
            match = _URUT_FORMAT.fullmatch(fmt)
            if name != "urut" or match is None:
                raise ValueError(
                    f"{what} tidak valid: format {{{body}}} tidak dikenal; "
                    "hanya nomor urut yang dapat diberi nol di depan, misalnya {urut:03d}"
                )
            width = int(match[1])
            if width > _MAX_PADDING:
                raise ValueError(
                    f"{what} tidak valid: lebar {{{body}}} terlalu besar (maksimal {_MAX_PADDING})"
                )
        if name in seen:
            raise ValueError(f"{what} tidak valid: penanda {{{name}}} muncul lebih dari sekali")
        seen.add(name)
        if literal:
            segments.append("".join(literal))
            literal = []
        segments.append(_Token(name, width))
        i = end + 1
    if literal:
        segments.append("".join(literal))
    if "urut" not in seen:
        raise ValueError(f"{what} tidak valid: wajib memuat penanda {{urut}}")
    return tuple(segments)


def format_urut(urut: int, sisipan: int | None = None, width: int = 0) -> str:
    """The sequence part of a number: ``57``, ``057`` (width 3), or ``57.01`` for an inserted number (R21)."""
    if urut < 1:
        raise ValueError(f"Nomor urut harus bilangan bulat positif, bukan {urut}")
    text = f"{urut:0{width}d}" if width else str(urut)
    if sisipan is None:
        return text
    if sisipan < 1:
        raise ValueError(f"Nomor sisipan harus bilangan bulat positif, bukan {sisipan}")
    return f"{text}.{sisipan:02d}"


# --- nomor agenda (R2, R3, R5) -------------------------------------------------------------------------------

DEFAULT_AGENDA_PATTERN: Final = "{urut}"
_AGENDA_TOKENS: tuple[str, ...] = ("urut", "tahun")
_AGENDA_WHAT = "Pola nomor agenda"


def agenda_year_incoming(tanggal_diterima: date) -> int:
    """Year of a surat masuk's nomor agenda: the year of tanggal diterima (R3, the design default).

    Pass a date or a datetime in office time (an aware UTC datetime near midnight of 31 Dec would give the
    wrong year).
    """
    return tanggal_diterima.year


def agenda_year_outgoing(tanggal_surat: date) -> int:
    """Year of a surat keluar's nomor agenda and of its number sequence: the year of tanggal surat (R3, R20)."""
    return tanggal_surat.year


def next_agenda_number(last_by_year: Mapping[int, int], tahun: int) -> int:
    """The next nomor agenda of a register for ``tahun`` (R2): the series restarts at 1 every year.

    ``last_by_year`` maps a year to the highest number already issued (batal entries included, R4). Allocation
    itself must happen inside one database transaction; this only states the arithmetic.
    """
    return last_by_year.get(tahun, 0) + 1


def is_susulan(tahun_agenda: int, today: date) -> bool:
    """A letter registered in a year earlier than today's is *susulan* (R5): it keeps its own year's series."""
    return tahun_agenda < today.year


def validate_agenda_pattern(pattern: str) -> str:
    """Check a display pattern (tokens ``{urut}``, ``{urut:0Nd}``, ``{tahun}``) and return it unchanged."""
    _tokenize(pattern, _AGENDA_TOKENS, _AGENDA_WHAT)
    return pattern


def format_agenda(pattern: str, urut: int, tahun: int) -> str:
    """Display a nomor agenda: ``{urut}`` → ``1``; ``SM-{tahun}-{urut:03d}`` → ``SM-2026-001``."""
    parts: list[str] = []
    for segment in _tokenize(pattern, _AGENDA_TOKENS, _AGENDA_WHAT):
        if isinstance(segment, str):
            parts.append(segment)
        elif segment.name == "urut":
            parts.append(format_urut(urut, width=segment.width))
        else:
            parts.append(f"{tahun:04d}")
    return "".join(parts)


# --- outgoing numbers (R19-R23) ------------------------------------------------------------------------------

DEFAULT_TEMPLATE: Final = "{kka}/{urut}/{unit}/{tahun}"
_NUMBER_TOKENS: tuple[str, ...] = ("kka", "urut", "unit", "tahun", "bulan", "bulan_romawi", "keamanan")
_NUMBER_WHAT = "Pola nomor surat"

_KKA_TEXT = re.compile(r"[0-9]+(?:\.[0-9]+)*")
_ROMAN_MONTHS: dict[str, int] = {roman_month(m): m for m in range(1, 13)}

# Regex of each token when parsing; only {unit} may contain "/" (or anything else), so a unit such as
# "Sek.Um/SOP/DP2KUKM" is recovered whenever the other tokens pin down their own segments.
_TOKEN_PATTERNS: dict[str, str] = {
    "kka": r"(?P<kka>[0-9]+(?:\.[0-9]+)*)",
    "urut": r"(?P<urut>[0-9]+)(?:\.(?P<sisipan>[0-9]+))?",
    "unit": r"(?P<unit>.+?)",
    "tahun": r"(?P<tahun>[0-9]{4})",
    "bulan": r"(?P<bulan>[0-9]{1,2})",
    # Longest alternatives first, so that XII is not read as XI plus a stray I.
    "bulan_romawi": r"(?P<bulan_romawi>" + "|".join(sorted(_ROMAN_MONTHS, key=len, reverse=True)) + ")",
    "keamanan": r"(?P<keamanan>SR|B|T|R)",
}


def _literal_pattern(text: str) -> str:
    """A literal separator, tolerant of spaces typed around it (``800 / 57``); case is ignored by the caller."""
    if not text.strip():
        return r"\s+"
    return r"\s*" + r"\s+".join(re.escape(word) for word in text.split()) + r"\s*"


@dataclass(frozen=True, slots=True)
class NumberParts:
    """Components of an outgoing number (R23); a field is None when the template lacks its token."""

    urut: int
    sisipan: int | None = None
    kka: str | None = None
    unit: str | None = None
    tahun: int | None = None
    bulan: int | None = None
    keamanan: Keamanan | None = None


class NumberTemplate:
    """An outgoing number template (R19), e.g. ``{kka}/{urut}/{unit}/{tahun}``.

    Tokens: ``{kka}``, ``{urut}`` or ``{urut:0Nd}``, ``{unit}``, ``{tahun}``, ``{bulan}`` (MM),
    ``{bulan_romawi}`` (I-XII), ``{keamanan}`` (B/T/R/SR). ``{urut}`` is required; each token may appear once.
    Braces cannot be used as literal text.
    """

    __slots__ = ("_regex", "_segments", "_template")

    def __init__(self, template: str = DEFAULT_TEMPLATE) -> None:
        self._template = template
        self._segments = _tokenize(template, _NUMBER_TOKENS, _NUMBER_WHAT)
        pattern = "".join(
            _literal_pattern(s) if isinstance(s, str) else _TOKEN_PATTERNS[s.name] for s in self._segments
        )
        self._regex = re.compile(pattern, re.IGNORECASE)

    @property
    def template(self) -> str:
        """The template text as given."""
        return self._template

    @property
    def tokens(self) -> tuple[str, ...]:
        """Token names in template order, e.g. ``("kka", "urut", "unit", "tahun")``."""
        return tuple(s.name for s in self._segments if isinstance(s, _Token))

    def __repr__(self) -> str:
        return f"NumberTemplate({self._template!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, NumberTemplate) and other._template == self._template

    def __hash__(self) -> int:
        return hash(self._template)

    def render(
        self,
        kka: str,
        urut: int,
        unit: str,
        tanggal: date,
        keamanan: Keamanan | str,
        sisipan: int | None = None,
    ) -> str:
        """The number of a letter dated ``tanggal``; ``sisipan`` gives an inserted number ``57.01`` (R21).

        ``kka`` and ``unit`` are whitespace-normalised. Each is required only when the template uses it: a
        number with an empty segment (``800//2026``) is refused rather than issued. ``kka`` must be digits and
        dots (both schemes are); check it against the code list with ``validate_code`` beforehand.
        """
        tokens = set(self.tokens)
        kka_text = "".join(kka.split())
        unit_text = _squash(unit)
        sifat = Keamanan.parse(keamanan)
        if "kka" in tokens:
            if not kka_text:
                raise ValueError("Kode klasifikasi wajib diisi untuk pola nomor ini")
            if _KKA_TEXT.fullmatch(kka_text) is None:
                raise ValueError(f"Kode klasifikasi {kka!r} hanya boleh berisi angka dan titik")
        if "unit" in tokens and not unit_text:
            raise ValueError("Kode unit pengolah belum diisi (atur di pengaturan penomoran)")
        values: dict[str, str] = {
            "kka": kka_text,
            "unit": unit_text,
            "tahun": f"{tanggal.year:04d}",
            "bulan": f"{tanggal.month:02d}",
            "bulan_romawi": roman_month(tanggal.month),
            "keamanan": sifat.value,
        }
        parts: list[str] = []
        for segment in self._segments:
            if isinstance(segment, str):
                parts.append(segment)
            elif segment.name == "urut":
                parts.append(format_urut(urut, sisipan, segment.width))
            else:
                parts.append(values[segment.name])
        return "".join(parts)

    def parse(self, number: str) -> NumberParts | None:
        """Recover the components of a number written with this template (R23), or None if it does not fit.

        Tolerates spaces around separators and any letter case; the unit is returned as written. Only ``{unit}``
        may span separators, so ``067/3325/Sek.Um/SOP/DP2KUKM/2022`` yields unit ``Sek.Um/SOP/DP2KUKM``.
        """
        match = self._regex.fullmatch(number.strip())
        if match is None:
            return None
        groups = match.groupdict()

        def group(name: str) -> str | None:
            value = groups.get(name)
            return None if value is None else value.strip()

        urut = int(match["urut"])
        raw_sisipan = group("sisipan")
        sisipan = None if raw_sisipan is None else int(raw_sisipan)
        if urut < 1 or sisipan == 0:
            return None
        bulan: int | None = None
        raw_bulan = group("bulan")
        if raw_bulan is not None:
            bulan = int(raw_bulan)
            if not 1 <= bulan <= 12:
                return None
        raw_roman = group("bulan_romawi")
        if raw_roman is not None:
            from_roman = _ROMAN_MONTHS[raw_roman.upper()]
            if bulan is not None and bulan != from_roman:
                return None
            bulan = from_roman
        raw_tahun = group("tahun")
        raw_keamanan = group("keamanan")
        unit = group("unit")
        if unit is not None:
            unit = _squash(unit)
        return NumberParts(
            urut=urut,
            sisipan=sisipan,
            kka=group("kka"),
            unit=unit,
            tahun=None if raw_tahun is None else int(raw_tahun),
            bulan=bulan,
            keamanan=None if raw_keamanan is None else Keamanan(raw_keamanan.upper()),
        )


# --- kode klasifikasi (R24, R25, R31) ------------------------------------------------------------------------

_CODE_83 = re.compile(r"[0-9]{3}(?:\.(?:0|[1-9][0-9]{0,2})){0,3}")
_CODE_78 = re.compile(r"[0-9]{3}(?:\.[0-9]+)?")


def _normalize_code(code: str) -> str:
    return "".join(code.split()).replace(",", ".")


def validate_code(code: str, skema: Skema | str = DEFAULT_SKEMA) -> str:
    """Normalise a kode klasifikasi (spaces removed, ``,`` read as ``.``) and check its shape for the scheme.

    83/2022: a 3-digit class and up to three more dotted numeric segments without leading zeros
    (``800.1.11.1``; at most 4 levels, R24). 78/2012: 3 digits, optionally ``.`` and digits (``045.2``,
    ``001.31``). A well-formed code need not be in the list (R25 accepts free codes, with a warning elsewhere).
    """
    scheme = Skema.coerce(skema)
    text = _normalize_code(code)
    if not text:
        raise ValueError("Kode klasifikasi masih kosong")
    if scheme is Skema.PERMENDAGRI_83_2022:
        if _CODE_83.fullmatch(text) is None:
            raise ValueError(
                f"Kode klasifikasi {code.strip()!r} tidak sesuai Permendagri 83/2022: gunakan 3 angka lalu "
                "paling banyak tiga bagian angka dipisah titik, tanpa nol di depan (contoh 800.1.11.1)"
            )
    elif _CODE_78.fullmatch(text) is None:
        raise ValueError(
            f"Kode klasifikasi {code.strip()!r} tidak sesuai Permendagri 78/2012: gunakan 3 angka, "
            "boleh diikuti titik dan angka (contoh 045.2)"
        )
    return text


def code_sort_key(code: str, skema: Skema | str = DEFAULT_SKEMA) -> tuple[tuple[int, int, str], ...]:
    """Sort key ordering codes by numeric segments, never raising (stored free codes may be odd).

    83/2022: each dotted segment is a number, so ``400.9`` < ``400.14`` and ``000.5`` < ``000.5.3`` <
    ``000.5.3.1``. 78/2012: the decimals are a decimal fraction read digit by digit, so ``001.3`` < ``001.31``
    < ``001.4``. Segments that are not numbers sort after numeric ones, by text.
    """
    text = _normalize_code(code)
    segments = text.split(".") if text else []
    if segments and Skema.coerce(skema) is Skema.PERMENDAGRI_78_2012:
        head, decimals = segments[0], segments[1:]
        segments = [head] + [digit for part in decimals for digit in (part if part.isdigit() else [part])]
    return tuple((0, int(s), "") if s.isdigit() else (1, 0, s) for s in segments)


def code_sort_text(code: str, skema: Skema | str = DEFAULT_SKEMA) -> str:
    """``code_sort_key`` as text, for a stored column the database sorts by: numeric segments zero-padded to
    six digits, other segments after them (``~`` sorts after the digits), joined by dots.

    ``400.9`` → ``000400.000009``, ``400.14`` → ``000400.000014``: text order is numeric-segment order.
    """
    return ".".join(f"{n:06d}" if kind == 0 else f"~{t}" for kind, n, t in code_sort_key(code, skema))


def parent_of(code: str, skema: Skema | str = DEFAULT_SKEMA) -> str | None:
    """The structural parent of a code, or None for a top-level class; the code is validated first.

    83/2022: drop the last dotted segment (``000.5.3.1`` → ``000.5.3``, ``000.5`` → ``000``), matching the
    ``kode_induk`` column of the seed list. 78/2012 (decimal, no parent column): drop the last decimal digit,
    then a decimal part of only zeros (``001.31`` → ``001.3`` → ``001``, ``120.04`` → ``120``); a code without
    decimals goes to its tens, then to its hundred (``045`` → ``040`` → ``000``, ``101`` → ``100``); the ten
    classes ``000`` … ``900`` have none. The 78/2012 list is incomplete, so a derived parent may be missing from
    it (``800.043`` → ``800.04``): walk ``ancestors`` to the nearest one present.
    """
    scheme = Skema.coerce(skema)
    text = validate_code(code, scheme)
    if scheme is Skema.PERMENDAGRI_83_2022:
        head, dot, _ = text.rpartition(".")
        return head if dot else None
    base, _, decimals = text.partition(".")
    if decimals:
        decimals = decimals[:-1].rstrip("0")
        return f"{base}.{decimals}" if decimals else base
    if base[2] != "0":
        return base[:2] + "0"
    if base[1] != "0":
        return base[0] + "00"
    return None


def ancestors(code: str, skema: Skema | str = DEFAULT_SKEMA) -> tuple[str, ...]:
    """All structural parents, nearest first: ``000.5.3.1`` → (``000.5.3``, ``000.5``, ``000``)."""
    chain: list[str] = []
    parent = parent_of(code, skema)
    while parent is not None:
        chain.append(parent)
        parent = parent_of(parent, skema)
    return tuple(chain)


_RETENTION = re.compile(
    r"(?P<years>[0-9]+)\s*(?:\([^)]*\)\s*)?(?:tahun|thn\.?|th\.?)(?![a-z])\s*[,;:.\-–]?\s*(?P<rest>.*)",
    re.IGNORECASE,
)


def parse_retention_years(text: str) -> tuple[int | None, str]:
    """Split a JRA retention value into years and the condition note (R31).

    ``2 Tahun`` → (2, ""); ``1 Tahun Sejak Selesainya Pertanggungjawaban Suatu Penugasan`` → (1, "Sejak
    Selesainya …"); ``2 (dua) Tahun`` → (2, ""); ``""`` → (None, ""); text without a leading number of years
    (``Permanen``, ``6 Bulan``) → (None, the text). Whitespace is normalised; the note keeps its case.
    """
    cleaned = _squash(text)
    match = _RETENTION.fullmatch(cleaned)
    if match is None:
        return None, cleaned
    return int(match["years"]), match["rest"].strip()


# --- duplicate warning (R7) ----------------------------------------------------------------------------------


_PUNCT_SPACING = re.compile(r"\s*([^\w\s])\s*")
_NON_WORD = re.compile(r"[^\w]+")
_NOMOR_PREFIX = re.compile(r"^(?:nomor|no)\s*[.:]\s*|^nomor\s+")
# Compared after punctuation is removed, so "Tanpa No." and "t/n" are covered.
_TANPA_NOMOR: frozenset[str] = frozenset(
    {
        "tanpa nomor",
        "tanpa no",
        "tanpa nomer",
        "tidak bernomor",
        "tidak ada nomor",
        "tidak ada",
        "belum ada nomor",
        "belum bernomor",
        "nihil",
        "tn",
        "t n",
    }
)


_ASCII_PUNCT = str.maketrans("–—‐−∕⁄", "----//")


def _unify(text: str) -> str:
    """NFKC, casefolded, whitespace-collapsed; typographic dashes and slashes become ASCII."""
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(_ASCII_PUNCT)
    return _squash(text).casefold()


def normalize_asal(asal: str) -> str:
    """Sender for matching: case, spacing and punctuation ignored (``Prov. Kaltim`` = ``prov kaltim``)."""
    return _squash(_NON_WORD.sub(" ", _unify(asal)))


def is_tanpa_nomor(nomor_surat: str) -> bool:
    """True for a letter without a usable number: empty, only punctuation (``-``), or "tanpa nomor" and the like."""
    words = normalize_asal(nomor_surat)
    return not words or words in _TANPA_NOMOR


def normalize_nomor_surat(nomor_surat: str) -> str:
    """Letter number for matching: case ignored, no spaces around punctuation (``005 / 123 / Dinkes`` =
    ``005/123/dinkes``), a leading ``Nomor:``/``No.`` dropped; ``""`` for a letter without a number."""
    if is_tanpa_nomor(nomor_surat):
        return ""
    text = _PUNCT_SPACING.sub(r"\1", _unify(nomor_surat))
    stripped = _NOMOR_PREFIX.sub("", text)
    return stripped if stripped else text


DuplicateKey = tuple[str, str, date]


def duplicate_key(asal: str, nomor_surat: str, tanggal_surat: date) -> DuplicateKey | None:
    """Key under which two incoming letters are a probable duplicate (R7: warn, do not block).

    None when the letter has no number (``tanpa nomor``, empty, ``-``) or no sender: such letters are never
    matched, since two letters from one sender on one day without numbers are usually different letters.
    """
    nomor = normalize_nomor_surat(nomor_surat)
    sender = normalize_asal(asal)
    if not nomor or not sender:
        return None
    day = tanggal_surat.date() if isinstance(tanggal_surat, datetime) else tanggal_surat
    return sender, nomor, day
