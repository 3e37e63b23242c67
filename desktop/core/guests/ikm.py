"""SKM/IKM of PermenPANRB 14/2017: the nine unsur, answers, exact IKM, grade and sample size (R19-R24)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Literal

__all__ = [
    "BOBOT_LABEL",
    "UNSUR",
    "Bobot",
    "IkmResult",
    "Unsur",
    "UnsurResult",
    "answer_value",
    "compute",
    "grade",
    "round_half_up",
    "sample_size",
    "sample_size_exact",
]


@dataclass(frozen=True)
class Unsur:
    """One of the nine service elements asked in the survey, with its answer labels for 1..4 (R19)."""

    kode: str
    nama: str
    nama_lengkap: str
    pertanyaan: str
    jawaban: tuple[str, str, str, str]


# Default order of R19 (U8 pengaduan, U9 sarana); the questions are the Permen's questionnaire wording.
UNSUR: tuple[Unsur, ...] = (
    Unsur(
        "U1",
        "Persyaratan",
        "Persyaratan",
        "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?",
        ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"),
    ),
    Unsur(
        "U2",
        "Prosedur",
        "Sistem, mekanisme, dan prosedur",
        "Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
        ("Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"),
    ),
    Unsur(
        "U3",
        "Waktu",
        "Waktu penyelesaian",
        "Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?",
        ("Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"),
    ),
    Unsur(
        "U4",
        "Biaya",
        "Biaya/tarif",
        "Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?",
        ("Sangat mahal", "Cukup mahal", "Murah", "Gratis"),
    ),
    Unsur(
        "U5",
        "Produk",
        "Produk spesifikasi jenis pelayanan",
        "Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam "
        "standar pelayanan dengan hasil yang diberikan?",
        ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"),
    ),
    Unsur(
        "U6",
        "Kompetensi",
        "Kompetensi pelaksana",
        "Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?",
        ("Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten"),
    ),
    Unsur(
        "U7",
        "Perilaku",
        "Perilaku pelaksana",
        "Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?",
        ("Tidak sopan dan ramah", "Kurang sopan dan ramah", "Sopan dan ramah", "Sangat sopan dan ramah"),
    ),
    Unsur(
        "U8",
        "Pengaduan",
        "Penanganan pengaduan, saran, dan masukan",
        "Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?",
        ("Tidak ada", "Ada tetapi tidak berfungsi", "Berfungsi kurang maksimal", "Dikelola dengan baik"),
    ),
    Unsur(
        "U9",
        "Sarana",
        "Sarana dan prasarana",
        "Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",
        ("Buruk", "Cukup", "Baik", "Sangat baik"),
    ),
)

_LETTERS = "abcd"
_BLANK = re.compile(r"\s*")
# "3", "3.0" (a number cell read as text), "c", "c." or "C)"
_CODE_ONLY = re.compile(r"([1-4])(?:\.0+)?|([a-d])[.)]?")
# "c. Sesuai", "3) Sesuai": a questionnaire option copied with its code in front
_CODE_AND_LABEL = re.compile(r"([1-4a-d])\s*[.)]\s*(.+)")


def _norm(text: str) -> str:
    """Case and spacing do not matter, nor a full stop closing a printed option (``Sangat mudah.``)."""
    return " ".join(text.split()).casefold().rstrip(".").rstrip()


def _code_value(code: str) -> int:
    return int(code) if code.isdigit() else _LETTERS.index(code) + 1


def answer_value(unsur_index: int, text: str | int | float | None) -> int | None:
    """The 1-4 value of an answer to ``UNSUR[unsur_index]`` (0-based); None for a blank (not answered).

    Accepts 1-4, a-d, or the unsur's own answer label (any case and spacing), also written as
    ``"c. Sesuai"``. Anything else raises ValueError with an Indonesian message naming the unsur.
    """
    if not 0 <= unsur_index < len(UNSUR):
        raise ValueError(f"Unsur ke-{unsur_index + 1} tidak ada; SKM memiliki {len(UNSUR)} unsur.")
    unsur = UNSUR[unsur_index]
    if text is None:
        return None
    if isinstance(text, bool):
        raise _unknown(unsur, str(text))
    if isinstance(text, int | float):
        if text in (1, 2, 3, 4):
            return int(text)
        raise _unknown(unsur, str(text))
    if _BLANK.fullmatch(text):
        return None
    value = _norm(text)
    labels = [_norm(label) for label in unsur.jawaban]
    match = _CODE_ONLY.fullmatch(value)
    if match:
        return _code_value(match.group(1) or match.group(2))
    if value in labels:
        return labels.index(value) + 1
    match = _CODE_AND_LABEL.fullmatch(value)
    if match and match.group(2) in labels:
        by_code = _code_value(match.group(1))
        by_label = labels.index(match.group(2)) + 1
        if by_code == by_label:
            return by_code
        raise ValueError(
            f"Jawaban {text.strip()!r} untuk {unsur.kode} {unsur.nama} bertentangan: "
            f"kode {match.group(1)} berarti {by_code}, label berarti {by_label}."
        )
    raise _unknown(unsur, text.strip())


def _unknown(unsur: Unsur, shown: str) -> ValueError:
    choices = ", ".join(f"{i} {label}" for i, label in enumerate(unsur.jawaban, start=1))
    return ValueError(
        f"Jawaban {shown!r} tidak dikenal untuk {unsur.kode} {unsur.nama}; isi 1-4, a-d, atau salah satu "
        f"dari: {choices}."
    )


Bobot = Literal["exact", "0.11", "0.1111"]

# R21: the exact weight is 1/9; 0.11 and 0.1111 exist only to match legacy spreadsheets.
_WEIGHT: dict[str, Fraction] = {"0.11": Fraction(11, 100), "0.1111": Fraction(1111, 10000)}
BOBOT_LABEL: dict[str, str] = {"exact": "bobot 1/9 (tepat)", "0.11": "bobot 0,11", "0.1111": "bobot 0,1111"}

_NILAI_FACTOR = 25


@dataclass(frozen=True)
class UnsurResult:
    """One unsur over the period: who answered it, the sum of their answers and the exact NRR (R21)."""

    unsur: Unsur
    responden: int
    jumlah: int
    nrr: Fraction | None
    nilai: Fraction | None  # NRR x 25

    @property
    def nrr_rounded(self) -> Decimal | None:
        return None if self.nrr is None else round_half_up(self.nrr, 4)

    @property
    def nilai_rounded(self) -> Decimal | None:
        return None if self.nilai is None else round_half_up(self.nilai, 2)

    @property
    def mutu(self) -> tuple[str, str] | None:
        rounded = self.nilai_rounded
        return None if rounded is None else grade(rounded)


@dataclass(frozen=True)
class IkmResult:
    """The IKM of a set of responses, kept exact; round only through the ``*_rounded`` properties."""

    unsur: tuple[UnsurResult, ...]
    responden: int
    baris_kosong: int
    bobot: Bobot
    jumlah_nrr: Fraction
    ikm: Fraction | None
    skm: Fraction | None  # IKM x 25, range 25-100
    missing_unsur: tuple[str, ...]
    lowest: tuple[str, ...]

    @property
    def ikm_rounded(self) -> Decimal | None:
        return None if self.ikm is None else round_half_up(self.ikm, 4)

    @property
    def skm_rounded(self) -> Decimal | None:
        return None if self.skm is None else round_half_up(self.skm, 2)

    @property
    def mutu(self) -> tuple[str, str] | None:
        rounded = self.skm_rounded
        return None if rounded is None else grade(rounded)

    @property
    def bobot_label(self) -> str:
        return BOBOT_LABEL[self.bobot]


def compute(responses: Iterable[Sequence[int | None]], bobot: Bobot = "exact") -> IkmResult:
    """IKM of PermenPANRB 14/2017 with exact fractions (R21).

    Each response is nine answers in ``UNSUR`` order, 1-4 or None (not answered); NRR_i uses only the
    respondents who answered unsur i. A row with no answer at all is counted in ``baris_kosong`` and
    nowhere else.
    """
    if bobot != "exact" and bobot not in _WEIGHT:
        raise ValueError(f"Bobot {bobot!r} tidak dikenal; pilih exact, 0.11 atau 0.1111.")
    count = len(UNSUR)
    answered = [0] * count
    sums = [0] * count
    responden = 0
    kosong = 0
    for row_no, row in enumerate(responses, start=1):
        if len(row) != count:
            raise ValueError(f"Responden ke-{row_no}: harus {count} jawaban, ada {len(row)}.")
        any_answer = False
        for i, value in enumerate(row):
            if value is None:
                continue
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 4:
                raise ValueError(
                    f"Responden ke-{row_no}, {UNSUR[i].kode}: jawaban harus 1-4, bukan {value!r}."
                )
            answered[i] += 1
            sums[i] += value
            any_answer = True
        if any_answer:
            responden += 1
        else:
            kosong += 1
    return from_totals(answered, sums, responden, bobot, baris_kosong=kosong)


def from_totals(
    answered: Sequence[int],
    sums: Sequence[int],
    responden: int,
    bobot: Bobot = "exact",
    *,
    baris_kosong: int = 0,
) -> IkmResult:
    """The same result as ``compute`` from the per-unsur counts and sums a database adds up itself
    (``COUNT(u_i)``, ``SUM(u_i)``): a report over 50,000 answers need not bring them into Python."""
    if bobot != "exact" and bobot not in _WEIGHT:
        raise ValueError(f"Bobot {bobot!r} tidak dikenal; pilih exact, 0.11 atau 0.1111.")
    count = len(UNSUR)
    if len(answered) != count or len(sums) != count:
        raise ValueError(f"Harus {count} unsur.")
    for i in range(count):
        if not answered[i] <= sums[i] <= 4 * answered[i]:
            raise ValueError(
                f"{UNSUR[i].kode}: jumlah {sums[i]} tidak mungkin dari {answered[i]} jawaban 1-4."
            )
    kosong = baris_kosong
    results: list[UnsurResult] = []
    for i, unsur in enumerate(UNSUR):
        nrr = Fraction(sums[i], answered[i]) if answered[i] else None
        nilai = None if nrr is None else nrr * _NILAI_FACTOR
        results.append(UnsurResult(unsur, answered[i], sums[i], nrr, nilai))

    nrrs = [r.nrr for r in results if r.nrr is not None]
    jumlah_nrr = sum(nrrs, Fraction(0))
    missing = tuple(r.unsur.kode for r in results if r.nrr is None)
    # R21 divides by 9 because every respondent sees all nine unsur. An unsur nobody answered has no NRR;
    # counting it as 0 would drag the index down for a question never asked, so the index is taken over
    # the answered unsur only and the report warns through ``missing_unsur``. Legacy weights are scaled the
    # same way (w x 9 / answered), which leaves them unchanged when all nine are answered.
    ikm: Fraction | None = None
    if nrrs:
        weight = Fraction(1) if bobot == "exact" else _WEIGHT[bobot] * count
        ikm = jumlah_nrr * weight / len(nrrs)
    skm = None if ikm is None else ikm * _NILAI_FACTOR
    lowest_nrr = min(nrrs) if nrrs else None
    lowest = tuple(r.unsur.kode for r in results if r.nrr is not None and r.nrr == lowest_nrr)
    return IkmResult(
        unsur=tuple(results),
        responden=responden,
        baris_kosong=kosong,
        bobot=bobot,
        jumlah_nrr=jumlah_nrr,
        ikm=ikm,
        skm=skm,
        missing_unsur=missing,
        lowest=lowest,
    )


def round_half_up(value: Fraction, places: int) -> Decimal:
    """Round an exact value once, half away from zero, to ``places`` decimals (``91.4751…`` -> ``91.48``).

    Done in integers on the Fraction itself, so no float or limited-precision step can move a value that
    sits exactly on a half.
    """
    if places < 0:
        raise ValueError("Jumlah desimal tidak boleh negatif.")
    value = Fraction(value)
    sign = -1 if value < 0 else 1
    magnitude = abs(value) * 10**places
    units = (2 * magnitude.numerator + magnitude.denominator) // (2 * magnitude.denominator)
    return Decimal(sign * units).scaleb(-places)


# R22, on the x25 value rounded to two decimals: (inclusive upper bound, mutu, kinerja) above the D range
_GRADES: tuple[tuple[Decimal, str, str], ...] = (
    (Decimal("76.60"), "C", "Kurang baik"),
    (Decimal("88.30"), "B", "Baik"),
)
_D_BELOW = Decimal("65.00")


def grade(value_x25_rounded: Decimal) -> tuple[str, str]:
    """Mutu pelayanan and kinerja of a x25 value already rounded to two decimals (R22)."""
    if value_x25_rounded < _D_BELOW:
        return "D", "Tidak baik"
    for upper, mutu, kinerja in _GRADES:
        if value_x25_rounded <= upper:
            return mutu, kinerja
    return "A", "Sangat baik"


# R24, Krejcie-Morgan: chi-square 3.841 (1 df, 95 %), P = Q = 0.5, margin d = 0.05.
_CHI_SQUARE = Fraction(3841, 1000)
_P = Fraction(1, 2)
_D = Fraction(5, 100)


def sample_size_exact(population: int) -> Fraction:
    """S = chi2 N P Q / (d^2 (N - 1) + chi2 P Q), exact (``1200`` -> ``291.15…``)."""
    if population < 0:
        raise ValueError("Jumlah populasi tidak boleh negatif.")
    if population == 0:
        return Fraction(0)
    pq = _P * (1 - _P)
    return _CHI_SQUARE * population * pq / (_D**2 * (population - 1) + _CHI_SQUARE * pq)


def sample_size(population: int) -> int:
    """Respondents needed for ``population`` people served, rounded half up (R24: 100 -> 80, 1200 -> 291)."""
    return int(round_half_up(sample_size_exact(population), 0))
