"""SKM answers in (kiosk, phone, one-time visit token) and the IKM report of a period out (guests.md R19-R25)."""

from __future__ import annotations

import calendar as _calendar
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Final, Literal

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.orm import Session

from desktop.core import clock
from desktop.core.dates import format_date
from desktop.core.guests import ikm
from desktop.core.guests.ikm import UNSUR, Bobot
from desktop.models.guests import SurveyFollowUp, SurveyResponse, Visit
from desktop.services import tabular
from desktop.services.common import audit, office
from desktop.services.common.errors import ValidationError
from desktop.services.common.permissions import Actor, Perm
from desktop.services.guests import visits
from desktop.services.tabular import AuditIn, fold

if TYPE_CHECKING:
    from desktop.printing.guests.skm_report import SkmReportData

__all__ = [
    "CSV_COLUMNS",
    "DOC_TYPE",
    "JENIS_KELAMIN_LABELS",
    "PERIOD_KINDS",
    "PROFILE_CHOICES",
    "SOURCES",
    "Period",
    "ProfileGroup",
    "RtlRow",
    "SkmReport",
    "SurveyAnswer",
    "TrendPoint",
    "UnsurRow",
    "csv_rows",
    "gender_code",
    "jenis_kelamin_value",
    "pekerjaan_value",
    "pendidikan_value",
    "period_key",
    "period_label",
    "periods",
    "report",
    "save_rtl",
    "submit",
    "suggest_rtl",
    "token_state",
    "write_report",
]

# --- the respondent's profile (R20) -------------------------------------------------------------------------

PROFILE_CHOICES: Final[dict[str, tuple[str, ...]]] = {
    "jenis_kelamin": ("L", "P"),
    "pendidikan": ("SD", "SMP", "SMA", "D1-D3-D4", "S1", "S2", "S3"),
    "pekerjaan": ("PNS", "TNI", "POLRI", "Swasta", "Wirausaha", "Lainnya"),
}
JENIS_KELAMIN_LABELS: Final[dict[str, str]] = {"L": "Laki-laki", "P": "Perempuan"}
SOURCES: Final[tuple[str, ...]] = ("kiosk", "ponsel", "manual", "impor")
NOT_FILLED: Final = "Tidak diisi"
DOC_TYPE: Final = "laporan_skm"
_SARAN_MAX = 2000
_LAYANAN_MAX = 120
_USIA = (10, 120)

# Words people write for the R20 choices on paper forms and in online forms, folded (``tabular.fold``).
_JENIS_KELAMIN_WORDS: Final[dict[str, str]] = {
    "l": "L",
    "lk": "L",
    "laki laki": "L",
    "laki": "L",
    "pria": "L",
    "p": "P",
    "pr": "P",
    "perempuan": "P",
    "wanita": "P",
}
_PENDIDIKAN_WORDS: Final[dict[str, str]] = {
    "sd": "SD",
    "sd sederajat": "SD",
    "smp": "SMP",
    "sltp": "SMP",
    "smp sederajat": "SMP",
    "sma": "SMA",
    "smk": "SMA",
    "slta": "SMA",
    "sma smk": "SMA",
    "sma sederajat": "SMA",
    "d1": "D1-D3-D4",
    "d2": "D1-D3-D4",
    "d3": "D1-D3-D4",
    "d4": "D1-D3-D4",
    "d1 d3 d4": "D1-D3-D4",
    "d1 d2 d3": "D1-D3-D4",
    "diploma": "D1-D3-D4",
    "s1": "S1",
    "sarjana": "S1",
    "s1 d4": "S1",
    "s2": "S2",
    "magister": "S2",
    "s3": "S3",
    "doktor": "S3",
}
_PEKERJAAN_WORDS: Final[dict[str, str]] = {
    "pns": "PNS",
    "asn": "PNS",
    "pns asn": "PNS",
    "tni": "TNI",
    "polri": "POLRI",
    "polisi": "POLRI",
    "swasta": "Swasta",
    "pegawai swasta": "Swasta",
    "karyawan swasta": "Swasta",
    "wirausaha": "Wirausaha",
    "wiraswasta": "Wirausaha",
    "pengusaha": "Wirausaha",
    "lainnya": "Lainnya",
    "lain lain": "Lainnya",
}


def gender_code(text: str) -> str:
    """ "L" or "P" for the words people write (L/P, Lk/Pr, Laki-laki/Perempuan, Pria/Wanita, any case); "" for
    any other text. The SKM answers and the buku tamu import read jenis kelamin through it."""
    return _JENIS_KELAMIN_WORDS.get(fold(text), "")


def jenis_kelamin_value(text: str) -> str:
    """ "L", "P" or "" from L/P, Laki-laki/Perempuan, Pria/Wanita (any case); ValueError otherwise."""
    if not text.strip():
        return ""
    found = gender_code(text)
    if not found:
        raise ValueError(
            f"jenis kelamin \u201c{text.strip()}\u201d tidak dikenal (isi L/Laki-laki atau P/Perempuan)"
        )
    return found


def pendidikan_value(text: str) -> str:
    """One of R20's levels (SD, SMP, SMA, D1-D3-D4, S1, S2, S3) or ""; ValueError for anything else."""
    if not text.strip():
        return ""
    found = _PENDIDIKAN_WORDS.get(fold(text))
    if found is None:
        raise ValueError(
            f"pendidikan \u201c{text.strip()}\u201d tidak dikenal (pilih {', '.join(PROFILE_CHOICES['pendidikan'])})"
        )
    return found


def pekerjaan_value(text: str) -> str:
    """One of R20's occupations or ""; an occupation outside the list (mahasiswa, petani …) is "Lainnya",
    the list's own catch-all."""
    if not text.strip():
        return ""
    return _PEKERJAAN_WORDS.get(fold(text), "Lainnya")


@dataclass(frozen=True)
class SurveyAnswer:
    """One respondent's answers: nine values 1-4 in ``UNSUR`` order (None = not answered) and the profile."""

    answers: tuple[int | None, ...]
    jenis_kelamin: str = ""
    usia: int | None = None
    pendidikan: str = ""
    pekerjaan: str = ""
    jenis_layanan: str = ""
    saran: str = ""


def _checked(answer: SurveyAnswer) -> SurveyAnswer:
    if len(answer.answers) != len(UNSUR):
        raise ValidationError(
            f"Survei harus berisi {len(UNSUR)} jawaban, ada {len(answer.answers)}.", "jawaban"
        )
    for unsur, value in zip(UNSUR, answer.answers, strict=True):
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 4:
            raise ValidationError(f"Jawaban {unsur.kode} {unsur.nama} harus 1-4.", unsur.kode.lower())
    if all(value is None for value in answer.answers):
        raise ValidationError("Jawablah sekurang-kurangnya satu pertanyaan.", "jawaban")
    for name, choice in (
        ("jenis_kelamin", answer.jenis_kelamin),
        ("pendidikan", answer.pendidikan),
        ("pekerjaan", answer.pekerjaan),
    ):
        if choice and choice not in PROFILE_CHOICES[name]:
            raise ValidationError(
                f"Isian {name.replace('_', ' ')} \u201c{choice}\u201d tidak ada dalam pilihan "
                f"({', '.join(PROFILE_CHOICES[name])}).",
                name,
            )
    if answer.usia is not None and not _USIA[0] <= answer.usia <= _USIA[1]:
        raise ValidationError(f"Usia harus {_USIA[0]}-{_USIA[1]} tahun.", "usia")
    layanan = " ".join(answer.jenis_layanan.split())
    if len(layanan) > _LAYANAN_MAX:
        raise ValidationError(
            f"Jenis layanan terlalu panjang (paling banyak {_LAYANAN_MAX} huruf).", "jenis_layanan"
        )
    saran = answer.saran.strip()
    if len(saran) > _SARAN_MAX:
        raise ValidationError(f"Saran terlalu panjang (paling banyak {_SARAN_MAX} huruf).", "saran")
    return SurveyAnswer(
        answers=tuple(answer.answers),
        jenis_kelamin=answer.jenis_kelamin,
        usia=answer.usia,
        pendidikan=answer.pendidikan,
        pekerjaan=answer.pekerjaan,
        jenis_layanan=layanan,
        saran=saran,
    )


def submit(
    session: Session, answer: SurveyAnswer, *, sumber: str, token: str | None = None, zone: str | None = None
) -> None:
    """Store one anonymous respondent (R19-R20) in the caller's transaction, dated in office time.

    With ``token`` (the QR of a visit's ticket, R25) the visit's survey is marked as used by a guarded UPDATE
    in the same transaction: of two phones sending the same token at once, one UPDATE changes the row and the
    other changes nothing and is refused, so the token counts once. Neither the token nor the visit is kept
    with the answers. ``zone``: the office's zone when the caller already read it (a batch of phone answers).
    """
    if sumber not in SOURCES:
        raise ValidationError(f"Sumber survei {sumber!r} tidak dikenal.", "sumber")
    clean = _checked(answer)
    if token is not None:
        _use_token(session, token)
    now = clock.now(zone or visits.zone(session))
    session.add(
        SurveyResponse(
            tanggal=now.date(),
            jam=f"{now:%H:%M}",
            sumber=sumber,
            jenis_kelamin=clean.jenis_kelamin,
            usia=clean.usia,
            pendidikan=clean.pendidikan,
            pekerjaan=clean.pekerjaan,
            jenis_layanan=clean.jenis_layanan,
            saran=clean.saran,
            **{f"u{i}": value for i, value in enumerate(clean.answers, start=1)},
        )
    )
    session.flush()


def _use_token(session: Session, token: str) -> None:
    token = token.strip()
    if token:
        result = session.execute(
            update(Visit)
            .where(Visit.survei_token == token, Visit.survei_dipakai_at.is_(None))
            .values(survei_dipakai_at=clock.utc_now())
            .execution_options(synchronize_session=False)
        )
        if getattr(result, "rowcount", 0) == 1:
            return
    if token_state(session, token) == "dipakai":
        raise ValidationError("Survei untuk kunjungan ini sudah diisi.", "token")
    raise ValidationError("Kode survei tidak dikenal.", "token")


def token_state(session: Session, token: str) -> Literal["baru", "dipakai", "tidak_dikenal"]:
    """Whether a visit's survey token may still be answered (for the phone page)."""
    token = token.strip()
    if not token:
        return "tidak_dikenal"
    row = session.execute(select(Visit.survei_dipakai_at).where(Visit.survei_token == token)).first()
    if row is None:
        return "tidak_dikenal"
    return "baru" if row[0] is None else "dipakai"


# --- periods ------------------------------------------------------------------------------------------------

PeriodKind = Literal["triwulan", "semester", "tahun"]
PERIOD_KINDS: Final[dict[str, int]] = {"triwulan": 3, "semester": 6, "tahun": 12}
_ROMAN = ("I", "II", "III", "IV")


@dataclass(frozen=True)
class Period:
    """A report period the UI offers: its RTL key, its label and its first and last day."""

    key: str
    label: str
    start: date
    end: date


def _month_end(year: int, month: int) -> date:
    return date(year, month, _calendar.monthrange(year, month)[1])


def _add_months(day: date, months: int) -> date:
    """The first of the month ``months`` after (or before) ``day``'s month."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _kind(start: date, end: date) -> tuple[PeriodKind, int] | None:
    """(kind, number within the year) when ``start..end`` is a whole triwulan, semester or year."""
    if start.day != 1 or end != _month_end(end.year, end.month) or start.year != end.year:
        return None
    months = end.month - start.month + 1
    for kind, length in PERIOD_KINDS.items():
        if months == length and (start.month - 1) % length == 0:
            return kind, (start.month - 1) // length + 1  # type: ignore[return-value]
    return None


def period_key(start: date, end: date) -> str:
    """The key RTL rows are stored under: "2026-Q3", "2026-S1", "2026", else "2026-03-01..2026-05-31"."""
    if end < start:
        raise ValidationError("Tanggal akhir periode sebelum tanggal awal.", "periode")
    kind = _kind(start, end)
    if kind is None:
        return f"{start.isoformat()}..{end.isoformat()}"
    name, number = kind
    return {
        "triwulan": f"{start.year}-Q{number}",
        "semester": f"{start.year}-S{number}",
        "tahun": f"{start.year}",
    }[name]


def period_label(start: date, end: date, *, short: bool = False) -> str:
    """ "Semester I 2026", "Triwulan III 2026", "Tahun 2026", or the two dates (short: "Sem I 2026", "TW III")."""
    kind = _kind(start, end)
    if kind is None:
        if short:
            return f"{start:%d/%m/%y}–{end:%d/%m/%y}"
        return f"{format_date(start)} s.d. {format_date(end)}"
    name, number = kind
    if name == "tahun":
        return f"{start.year}" if short else f"Tahun {start.year}"
    words = {"triwulan": ("Triwulan", "TW"), "semester": ("Semester", "Sem")}[name]
    return f"{words[1 if short else 0]} {_ROMAN[number - 1]} {start.year}"


def periods(kind: str, year: int) -> tuple[Period, ...]:
    """The periods of ``kind`` (triwulan 1-4, semester 1-2, tahun) in ``year``, in order."""
    if kind not in PERIOD_KINDS:
        raise ValidationError(f"Jenis periode {kind!r} tidak dikenal (pilih triwulan, semester atau tahun).")
    length = PERIOD_KINDS[kind]
    found: list[Period] = []
    for first_month in range(1, 13, length):
        start = date(year, first_month, 1)
        end = _month_end(year, first_month + length - 1)
        found.append(Period(period_key(start, end), period_label(start, end), start, end))
    return tuple(found)


def _earlier(start: date, end: date, count: int) -> list[tuple[date, date]]:
    """The ``count`` periods of the same kind (or, for a custom period, the same number of days) before
    ``start``, the nearest first."""
    found: list[tuple[date, date]] = []
    kind = _kind(start, end)
    for back in range(1, count + 1):
        if kind is None:
            days = (end - start).days + 1
            found.append((start - timedelta(days=days * back), end - timedelta(days=days * back)))
        else:
            length = PERIOD_KINDS[kind[0]]
            first = _add_months(start, -length * back)
            found.append((first, _add_months(first, length) - timedelta(days=1)))
    return found


# --- the report ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class UnsurRow:
    """One line of the per-unsur table; the rounded values are rounded once, half up, from ``nrr``."""

    kode: str
    nama: str
    responden: int
    jumlah: int
    nrr: Fraction | None
    nrr_4: Decimal | None
    nilai_2: Decimal | None  # NRR x 25
    mutu: str
    kinerja: str


@dataclass(frozen=True)
class RtlRow:
    """A row of the rencana tindak lanjut (R23)."""

    unsur: str
    program: str = ""
    waktu: str = ""
    penanggung_jawab: str = ""


@dataclass(frozen=True)
class ProfileGroup:
    """How many respondents gave each answer of one profile question (R20)."""

    title: str
    counts: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class TrendPoint:
    """An earlier period's SKM score (IKM x 25, rounded), for the trend chart."""

    key: str
    label: str
    skm: Decimal
    mutu: str
    responden: int


@dataclass(frozen=True)
class SkmReport:
    """The IKM of a period as the report shows it. ``ikm``/``skm_exact`` are exact; every ``*_4``/``*_2`` is
    rounded once, half up (R21); ``mutu`` is graded on the rounded x25 value (R22)."""

    start: date
    end: date
    periode: str
    periode_label: str
    bobot: Bobot
    bobot_label: str
    unsur: tuple[UnsurRow, ...]
    responden: int
    baris_kosong: int
    ikm: Fraction | None
    ikm_4: Decimal | None
    skm_exact: Fraction | None
    skm: Decimal | None  # IKM x 25, two decimals
    mutu: str
    kinerja: str
    populasi: int  # N: people served in the period (R24)
    sampel: int  # S, the respondents needed
    sample_warning: str
    lowest: tuple[str, ...]
    missing_unsur: tuple[str, ...]
    rtl: tuple[RtlRow, ...]
    profil: tuple[ProfileGroup, ...]
    trend: tuple[TrendPoint, ...] = field(default=())

    @property
    def lowest_text(self) -> str:
        """ "U3 Waktu penyelesaian (86,21)", each lowest unsur."""
        rows = {row.kode: row for row in self.unsur}
        return "; ".join(
            f"{kode} {rows[kode].nama} ({_comma(rows[kode].nilai_2)})" for kode in self.lowest if kode in rows
        )


def _comma(value: Decimal | None) -> str:
    return "" if value is None else str(value).replace(".", ",")


_ANSWER_COLUMNS = tuple(getattr(SurveyResponse, f"u{i}") for i in range(1, len(UNSUR) + 1))
_NOT_SERVED = (visits.Status.BATAL.value, visits.Status.TIDAK_HADIR.value, visits.Status.PRA_REGISTRASI.value)
TREND_PERIODS: Final = 4
TREND_LOOKBACK: Final = 8  # periods looked at to find TREND_PERIODS with answers


def _result(session: Session, start: date, end: date, bobot: Bobot) -> ikm.IkmResult:
    """The IKM of ``start..end``: the database adds up each unsur's answers (COUNT and SUM of u1…u9); the
    exact fractions and the one rounding stay in core.guests.ikm. A row is a respondent when it holds at least
    one answer (R21); a stored row always does (submit and the import refuse empty ones)."""
    any_answer = or_(*(column.is_not(None) for column in _ANSWER_COLUMNS))
    row = session.execute(
        select(
            func.count().filter(any_answer),
            func.count().filter(~any_answer),
            *(func.count(column) for column in _ANSWER_COLUMNS),
            *(func.coalesce(func.sum(column), 0) for column in _ANSWER_COLUMNS),
        ).where(SurveyResponse.tanggal >= start, SurveyResponse.tanggal <= end)
    ).one()
    n = len(_ANSWER_COLUMNS)
    responden, kosong = int(row[0]), int(row[1])
    answered = [int(v) for v in row[2 : 2 + n]]
    sums = [int(v) for v in row[2 + n : 2 + 2 * n]]
    return ikm.from_totals(answered, sums, responden, bobot, baris_kosong=kosong)


def people_served(session: Session, start: date, end: date) -> int:
    """N of R24: the people who came in (a group counts each person), cancelled and no-show visits not."""
    total = session.scalar(
        select(func.coalesce(func.sum(Visit.jumlah_orang), 0)).where(
            Visit.tanggal >= start,
            Visit.tanggal <= end,
            Visit.datang_at.is_not(None),
            Visit.status.not_in(_NOT_SERVED),
        )
    )
    return int(total or 0)


def _profile(session: Session, start: date, end: date) -> tuple[ProfileGroup, ...]:
    questions = (
        ("Jenis kelamin", JENIS_KELAMIN_LABELS),
        ("Pendidikan", {v: v for v in PROFILE_CHOICES["pendidikan"]}),
        ("Pekerjaan", {v: v for v in PROFILE_CHOICES["pekerjaan"]}),
    )
    counted: list[Counter[str]] = [Counter() for _ in questions]
    # One pass over the period for the three questions together.
    columns = (SurveyResponse.jenis_kelamin, SurveyResponse.pendidikan, SurveyResponse.pekerjaan)
    for *values, count in session.execute(
        select(*columns, func.count())
        .where(SurveyResponse.tanggal >= start, SurveyResponse.tanggal <= end)
        .group_by(*columns)
    ):
        for counter, value in zip(counted, values, strict=True):
            counter[value or ""] += int(count)
    groups: list[ProfileGroup] = []
    for (title, labels), counter in zip(questions, counted, strict=True):
        items = [(label, counter.pop(value, 0)) for value, label in labels.items()]
        # A value outside today's list (an older list, a hand edit) is still counted, under its own name.
        items.extend((value, count) for value, count in sorted(counter.items()) if value)
        if counter.get(""):
            items.append((NOT_FILLED, counter[""]))
        groups.append(ProfileGroup(title, tuple(items)))
    return tuple(groups)


def _rtl_rows(session: Session, key: str) -> tuple[RtlRow, ...]:
    rows = session.scalars(
        select(SurveyFollowUp)
        .where(SurveyFollowUp.periode == key)
        .order_by(SurveyFollowUp.urutan, SurveyFollowUp.id)
    )
    return tuple(RtlRow(r.unsur, r.program, r.waktu, r.penanggung_jawab) for r in rows)


def _trend(session: Session, start: date, end: date, bobot: Bobot) -> tuple[TrendPoint, ...]:
    """The nearest ``TREND_PERIODS`` earlier periods with answers (looking ``TREND_LOOKBACK`` back), oldest
    first."""
    points: list[TrendPoint] = []
    for first, last in _earlier(start, end, TREND_LOOKBACK):
        result = _result(session, first, last, bobot)
        if result.skm_rounded is None or result.mutu is None:
            continue
        points.append(
            TrendPoint(
                period_key(first, last),
                period_label(first, last, short=True),
                result.skm_rounded,
                result.mutu[0],
                result.responden,
            )
        )
        if len(points) == TREND_PERIODS:
            break
    return tuple(reversed(points))


def report(session: Session, actor: Actor, start: date, end: date, *, bobot: Bobot = "exact") -> SkmReport:
    """The IKM report of ``start..end`` (R21-R24): per-unsur table, IKM and grade, respondents against the
    sample size (a warning, never a block), the lowest unsur, the stored RTL, the profile and the trend."""
    actor.require(Perm.VIEW)
    key = period_key(start, end)
    if bobot not in ikm.BOBOT_LABEL:
        raise ValidationError(f"Bobot {bobot!r} tidak dikenal; pilih exact, 0.11 atau 0.1111.", "bobot")
    result = _result(session, start, end, bobot)
    rows = tuple(
        UnsurRow(
            kode=r.unsur.kode,
            nama=r.unsur.nama_lengkap,
            responden=r.responden,
            jumlah=r.jumlah,
            nrr=r.nrr,
            nrr_4=r.nrr_rounded,
            nilai_2=r.nilai_rounded,
            mutu=r.mutu[0] if r.mutu else "",
            kinerja=r.mutu[1] if r.mutu else "",
        )
        for r in result.unsur
    )
    populasi = people_served(session, start, end)
    sampel = ikm.sample_size(populasi)
    warning = ""
    if result.responden < sampel:
        warning = (
            f"Jumlah responden {result.responden} kurang dari sampel minimal {sampel} untuk {populasi} orang "
            "yang dilayani pada periode ini (Krejcie-Morgan); hasil tetap dihitung, tetapi kurang mewakili."
        )
    mutu = result.mutu
    return SkmReport(
        start=start,
        end=end,
        periode=key,
        periode_label=period_label(start, end),
        bobot=bobot,
        bobot_label=result.bobot_label,
        unsur=rows,
        responden=result.responden,
        baris_kosong=result.baris_kosong,
        ikm=result.ikm,
        ikm_4=result.ikm_rounded,
        skm_exact=result.skm,
        skm=result.skm_rounded,
        mutu=mutu[0] if mutu else "",
        kinerja=mutu[1] if mutu else "",
        populasi=populasi,
        sampel=sampel,
        sample_warning=warning,
        lowest=result.lowest,
        missing_unsur=result.missing_unsur,
        rtl=_rtl_rows(session, key),
        profil=_profile(session, start, end),
        trend=_trend(session, start, end, bobot),
    )


# --- RTL ----------------------------------------------------------------------------------------------------

_RTL_LIMITS: Final[dict[str, tuple[int, str]]] = {
    "program": (400, "Program/kegiatan"),
    "waktu": (100, "Waktu"),
    "penanggung_jawab": (200, "Penanggung jawab"),
}
_KEY = re.compile(r"\d{4}(?:-[QS][1-4])?|\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}")
SUGGESTED_RTL_ROWS: Final = 3


def suggest_rtl(rep: SkmReport) -> tuple[RtlRow, ...]:
    """The RTL to start from: the stored rows, or (none yet) the lowest unsur first, then the next lowest,
    ``SUGGESTED_RTL_ROWS`` rows at least, programme and the rest left for the humas staff to write."""
    if rep.rtl:
        return rep.rtl
    answered = sorted(
        (row for row in rep.unsur if row.nrr is not None),
        key=lambda row: (row.nrr, row.kode),  # type: ignore[arg-type, return-value]
    )
    chosen = [row.kode for row in answered if row.kode in rep.lowest]
    for row in answered:
        if len(chosen) >= max(SUGGESTED_RTL_ROWS, len(rep.lowest)):
            break
        if row.kode not in chosen:
            chosen.append(row.kode)
    return tuple(RtlRow(kode) for kode in chosen)


def save_rtl(session: Session, actor: Actor, periode: str, rows: Sequence[RtlRow]) -> tuple[RtlRow, ...]:
    """Replace the RTL of ``periode`` (a ``period_key``) with ``rows`` (blank rows dropped), audited."""
    actor.require(Perm.WRITE_GUESTS)
    if not _KEY.fullmatch(periode):
        raise ValidationError(f"Periode {periode!r} tidak dikenal.", "periode")
    kodes = {u.kode for u in UNSUR}
    clean: list[RtlRow] = []
    for number, row in enumerate(rows, start=1):
        texts = {name: " ".join(getattr(row, name).split()) for name in _RTL_LIMITS}
        unsur = row.unsur.strip().upper()
        if not unsur and not any(texts.values()):
            continue
        if unsur not in kodes:
            raise ValidationError(f"Baris RTL {number}: unsur harus U1-U9.", "unsur")
        if not texts["program"]:
            raise ValidationError(f"Baris RTL {number}: program/kegiatan belum diisi.", "program")
        for name, (limit, label) in _RTL_LIMITS.items():
            if len(texts[name]) > limit:
                raise ValidationError(
                    f"Baris RTL {number}: {label} terlalu panjang (paling banyak {limit} huruf).", name
                )
        clean.append(RtlRow(unsur, texts["program"], texts["waktu"], texts["penanggung_jawab"]))
    before = _rtl_rows(session, periode)
    session.execute(delete(SurveyFollowUp).where(SurveyFollowUp.periode == periode))
    for order, row in enumerate(clean, start=1):
        session.add(
            SurveyFollowUp(
                periode=periode,
                urutan=order,
                unsur=row.unsur,
                program=row.program,
                waktu=row.waktu,
                penanggung_jawab=row.penanggung_jawab,
            )
        )
    session.flush()
    audit.record(
        session,
        actor,
        "ubah",
        "skm_rtl",
        periode,
        summary=f"RTL SKM {periode}: {len(clean)} baris",
        before={"rtl": [r.__dict__ for r in before]},
        after={"rtl": [r.__dict__ for r in clean]},
    )
    return tuple(clean)


# --- files --------------------------------------------------------------------------------------------------

CSV_COLUMNS: Final[tuple[str, ...]] = ("unsur", "responden", "jumlah", "nrr", "nilai", "mutu")


def _text(value: Decimal | None) -> str:
    return "" if value is None else str(value)


def csv_rows(rep: SkmReport) -> list[list[object]]:
    """The rows of the CSV contract (issue item 9): U1..U9, then IKM with ``jumlah`` empty; dot decimals."""
    rows: list[list[object]] = [
        [row.kode, row.responden, row.jumlah, _text(row.nrr_4), _text(row.nilai_2), row.mutu]
        for row in rep.unsur
    ]
    rows.append(["IKM", rep.responden, "", _text(rep.ikm_4), _text(rep.skm), rep.mutu])
    return rows


def write_report(
    session: Session,
    actor: Actor,
    rep: SkmReport,
    path: Path | str,
    *,
    audit_in: AuditIn | None = None,
    paper: str = "A4",
) -> Path:
    """Write ``rep`` as .csv (the CLI contract), .xlsx (a formatted sheet) or .pdf (the printed report), whole
    or not at all, with its audit row (``tabular.write_audited``; ``audit_in`` as there)."""
    actor.require(Perm.VIEW)
    out = Path(path)
    suffix = out.suffix.lower()
    if suffix not in (".csv", ".xlsx", ".pdf"):
        raise ValidationError(
            f"Jenis berkas {suffix or '(tanpa akhiran)'} tidak didukung; pakai .pdf, .xlsx atau .csv.", "out"
        )

    def record(writing: Session) -> None:
        audit.record(
            writing,
            actor,
            "ekspor",
            "skm",
            rep.periode,
            summary=f"Laporan SKM {rep.periode_label} ({rep.responden} responden) ke {out.name}",
        )

    if suffix == ".csv":
        rows = csv_rows(rep)

        def write(tmp: Path) -> None:
            with tmp.open("w", encoding="utf-8", newline="") as fh:
                tabular.TextCsvWriter(fh).writerows([CSV_COLUMNS, *rows])

    elif suffix == ".xlsx":
        dinas = office.get_profile(session).nama_dinas

        def write(tmp: Path) -> None:
            _write_xlsx(rep, tmp, dinas)

    else:
        data = pdf_data(session, rep, paper)

        def write(tmp: Path) -> None:
            from desktop.printing.guests.skm_report import build_skm_report

            tmp.write_bytes(build_skm_report(data))

    tabular.write_audited(session, out, write, record, audit_in)
    return out


def _mutu_text(mutu: str, kinerja: str) -> str:
    return f"{mutu} ({kinerja})" if mutu else "-"


def _write_xlsx(rep: SkmReport, path: Path, dinas: str) -> None:
    """One sheet: title, period, the per-unsur table, IKM and grade, respondents against the sample, the RTL;
    numbers are real numbers (rounded once, as printed), headings in Indonesian."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    book = tabular.new_workbook()
    sheet = book.active
    sheet.title = "Laporan SKM"
    bold = Font(bold=True)
    thin = Side(style="thin", color="808080")
    boxed = Border(left=thin, right=thin, top=thin, bottom=thin)
    fill = PatternFill("solid", fgColor="DDE6F0")
    sheet.append(["LAPORAN HASIL SURVEI KEPUASAN MASYARAKAT"])
    sheet["A1"].font = Font(bold=True, size=13)
    if dinas:
        sheet.append([dinas])
    sheet.append([f"Periode: {rep.periode_label} ({rep.start.isoformat()} s.d. {rep.end.isoformat()})"])
    sheet.append([f"Perhitungan IKM dengan {rep.bobot_label}; pembulatan sekali di akhir, setengah ke atas."])
    sheet.append([])

    def table(header: Sequence[str], rows: Iterable[Sequence[object]], formats: dict[int, str]) -> None:
        sheet.append(list(header))
        for cell in sheet[sheet.max_row]:
            cell.font = bold
            cell.fill = fill
            cell.border = boxed
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        for row in rows:
            sheet.append(list(row))
            for index, cell in enumerate(sheet[sheet.max_row], start=1):
                cell.border = boxed
                if index in formats:
                    cell.number_format = formats[index]

    numbers = {4: "0.0000", 5: "0.00", 6: "0.00"}
    table(
        ("No", "Unsur", "Responden", "Jumlah nilai", "NRR", "NRR x 25 (nilai)", "Mutu"),
        (
            (
                index,
                f"{row.kode} {row.nama}",
                row.responden,
                row.jumlah,
                row.nrr_4,
                row.nilai_2,
                _mutu_text(row.mutu, row.kinerja),
            )
            for index, row in enumerate(rep.unsur, start=1)
        ),
        numbers,
    )
    sheet.append(["", "IKM", rep.responden, None, rep.ikm_4, rep.skm, _mutu_text(rep.mutu, rep.kinerja)])
    for index, cell in enumerate(sheet[sheet.max_row], start=1):
        cell.font = bold
        cell.border = boxed
        if index in numbers:
            cell.number_format = numbers[index]
    sheet.append([])
    facts: list[tuple[str, object]] = [
        ("Nilai IKM (x 25)", rep.skm),
        ("Mutu pelayanan", _mutu_text(rep.mutu, rep.kinerja)),
        ("Jumlah responden", rep.responden),
        ("Orang yang dilayani (N)", rep.populasi),
        ("Sampel minimal (Krejcie-Morgan)", rep.sampel),
        ("Unsur terendah", rep.lowest_text or "-"),
    ]
    for label, value in facts:
        sheet.append(["", label, value])
        sheet.cell(row=sheet.max_row, column=2).font = bold
        if label == "Nilai IKM (x 25)":
            sheet.cell(row=sheet.max_row, column=3).number_format = "0.00"
    if rep.sample_warning:
        sheet.append(["", "Peringatan", rep.sample_warning])
        sheet.cell(row=sheet.max_row, column=3).font = Font(italic=True, color="9C0006")
    sheet.append([])
    sheet.append(["RENCANA TINDAK LANJUT"])
    sheet.cell(row=sheet.max_row, column=1).font = bold
    table(
        ("No", "Prioritas unsur", "Program/kegiatan", "Waktu", "Penanggung jawab"),
        (
            (
                index,
                f"{row.unsur} {_UNSUR_NAMES.get(row.unsur, '')}".strip(),
                row.program,
                row.waktu,
                row.penanggung_jawab,
            )
            for index, row in enumerate(rep.rtl or suggest_rtl(rep), start=1)
        ),
        {},
    )
    for column, width in zip("ABCDEFG", (6, 42, 30, 14, 12, 16, 22), strict=True):
        sheet.column_dimensions[column].width = width
    book.save(path)


_UNSUR_NAMES: Final[dict[str, str]] = {u.kode: u.nama_lengkap for u in UNSUR}


def pdf_data(session: Session, rep: SkmReport, paper: str = "A4") -> SkmReportData:
    """The printed report's plain data: the kop, the signer of "laporan_skm", the figures as printed."""
    from desktop.printing.guests.skm_report import (
        SkmProfile,
        SkmReportData,
        SkmRtlLine,
        SkmTrendBar,
        SkmUnsurLine,
    )

    profile = office.get_profile(session)
    zone = visits.zone(session)
    today = clock.today(zone)
    place = f"{profile.kota}, {format_date(today)}" if profile.kota else format_date(today)
    rtl = rep.rtl or suggest_rtl(rep)
    trend = [SkmTrendBar(p.label, float(p.skm), p.mutu) for p in rep.trend]
    if rep.skm is not None:
        trend.append(SkmTrendBar(period_label(rep.start, rep.end, short=True), float(rep.skm), rep.mutu))
    return SkmReportData(
        header=profile.header(),
        periode=rep.periode_label,
        unsur=tuple(
            SkmUnsurLine(
                kode=row.kode,
                nama=row.nama,
                responden=str(row.responden),
                nrr=_comma(row.nrr_4) or "-",
                nilai=_comma(row.nilai_2) or "-",
                mutu=row.mutu or "-",
            )
            for row in rep.unsur
        ),
        ikm_nrr=_comma(rep.ikm_4) or "-",
        ikm_nilai=_comma(rep.skm) or "-",
        mutu=rep.mutu or "-",
        kinerja=rep.kinerja,
        bobot_label=rep.bobot_label,
        responden=rep.responden,
        populasi=rep.populasi,
        sampel=rep.sampel,
        sample_warning=rep.sample_warning,
        lowest=rep.lowest_text,
        rtl=tuple(
            SkmRtlLine(
                f"{r.unsur} {_UNSUR_NAMES.get(r.unsur, '')}".strip(), r.program, r.waktu, r.penanggung_jawab
            )
            for r in rtl
        ),
        trend=tuple(trend),
        profil=tuple(SkmProfile(g.title, g.counts) for g in rep.profil),
        signer=office.signer_for(session, DOC_TYPE),
        place_date=place,
        paper=paper,
        printed_at=f"Dicetak {clock.now(zone):%d-%m-%Y %H:%M}",
    )
