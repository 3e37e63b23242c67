"""Rules of the Surat module: the worked examples of letters.md B2 and B7, R8/R9, codes, JRA text and R7."""

from __future__ import annotations

import csv
import itertools
import re
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import desktop
from desktop.core.calendar import SEED_HOLIDAYS_PATH, Holiday, HolidayKind, WorkingCalendar, load_holidays_csv
from desktop.core.letters.rules import (
    DEFAULT_AGENDA_PATTERN,
    DEFAULT_INSTRUCTIONS,
    DEFAULT_SKEMA,
    DEFAULT_TEMPLATE,
    CaraTerima,
    Keamanan,
    NumberParts,
    NumberTemplate,
    SifatTicks,
    Skema,
    Urgensi,
    agenda_year_incoming,
    agenda_year_outgoing,
    ancestors,
    code_sort_key,
    code_sort_text,
    default_batas_waktu,
    duplicate_key,
    format_agenda,
    format_urut,
    is_susulan,
    is_tanpa_nomor,
    next_agenda_number,
    normalize_asal,
    normalize_nomor_surat,
    parent_of,
    parse_retention_years,
    sifat_ticks,
    validate_agenda_pattern,
    validate_code,
)

SEED_DIR = Path(desktop.__file__).resolve().parent / "resources" / "seed"
CODES_83 = SEED_DIR / "kode_klasifikasi_arsip_permendagri_83_2022_jra.csv"
CODES_78 = SEED_DIR / "kode_klasifikasi_arsip_permendagri_78_2012.csv"

S83 = Skema.PERMENDAGRI_83_2022
S78 = Skema.PERMENDAGRI_78_2012


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


# --- value lists -----------------------------------------------------------------------------------------------


def test_keamanan_codes_labels_and_secrecy() -> None:
    assert [k.value for k in Keamanan] == ["B", "T", "R", "SR"]
    assert [k.label for k in Keamanan] == ["Biasa", "Terbatas", "Rahasia", "Sangat Rahasia"]
    assert [k for k in Keamanan if k.is_secret] == [Keamanan.R, Keamanan.SR]
    assert Keamanan("SR") is Keamanan.SR


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("B", Keamanan.B),
        ("biasa", Keamanan.B),
        ("Biasa/Terbuka", Keamanan.B),
        ("Terbuka", Keamanan.B),
        ("t", Keamanan.T),
        ("Rahasia", Keamanan.R),
        (" sangat  RAHASIA ", Keamanan.SR),
        ("sr", Keamanan.SR),
    ],
)
def test_keamanan_parse(text: str, expected: Keamanan) -> None:
    assert Keamanan.parse(text) is expected


def test_keamanan_parse_refuses_unknown_values() -> None:
    with pytest.raises(ValueError, match="Klasifikasi keamanan tidak dikenal"):
        Keamanan.parse("Konfidensial")


def test_urgensi_values_and_labels() -> None:
    assert [u.value for u in Urgensi] == ["biasa", "segera", "amat_segera"]
    assert [u.label for u in Urgensi] == ["Biasa", "Segera", "Amat Segera"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Biasa", Urgensi.BIASA),
        ("SEGERA", Urgensi.SEGERA),
        ("Amat Segera", Urgensi.AMAT_SEGERA),
        ("amat_segera", Urgensi.AMAT_SEGERA),
        ("Sangat Segera", Urgensi.AMAT_SEGERA),
        ("sangat  segera", Urgensi.AMAT_SEGERA),
        ("Kilat", Urgensi.AMAT_SEGERA),
        ("KILAT", Urgensi.AMAT_SEGERA),
    ],
)
def test_urgensi_parse_accepts_aliases_r8(text: str, expected: Urgensi) -> None:
    assert Urgensi.parse(text) is expected


@pytest.mark.parametrize("text", ["", "Penting", "segera sekali"])
def test_urgensi_parse_refuses_unknown_values(text: str) -> None:
    with pytest.raises(ValueError, match="Urgensi tidak dikenal"):
        Urgensi.parse(text)


def test_cara_terima_values_and_labels() -> None:
    assert {c.value: c.label for c in CaraTerima} == {
        "langsung": "Diantar langsung",
        "pos": "Pos",
        "kurir": "Kurir",
        "email": "Email",
        "faks": "Faks",
        "srikandi": "SRIKANDI",
        "lainnya": "Lainnya",
    }


def test_skema_values() -> None:
    assert [s.value for s in Skema] == ["83/2022", "78/2012"]
    assert DEFAULT_SKEMA is S83
    assert S78.label == "Permendagri 78/2012"
    assert Skema.coerce(" 78/2012 ") is S78
    with pytest.raises(ValueError, match="Skema kode klasifikasi tidak dikenal"):
        Skema.coerce("54/2009")


def test_default_instructions_are_the_b5_list() -> None:
    assert DEFAULT_INSTRUCTIONS == (
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


# --- R8 sifat ticks, R9 batas waktu ----------------------------------------------------------------------------


@pytest.mark.parametrize(("keamanan", "urgensi"), list(itertools.product(Keamanan, Urgensi)))
def test_sifat_ticks_r8(keamanan: Keamanan, urgensi: Urgensi) -> None:
    ticks = sifat_ticks(keamanan, urgensi)
    assert ticks == SifatTicks(
        sangat_segera=urgensi == "amat_segera",
        segera=urgensi == "segera",
        rahasia=keamanan in ("R", "SR"),
    )


def test_sifat_ticks_examples() -> None:
    assert sifat_ticks(Keamanan.SR, Urgensi.parse("Kilat")) == SifatTicks(True, False, True)
    assert sifat_ticks(Keamanan.T, Urgensi.SEGERA) == SifatTicks(False, True, False)
    assert sifat_ticks(Keamanan.B, Urgensi.BIASA) == SifatTicks(False, False, False)


def test_default_batas_waktu_counts_calendar_days_r9() -> None:
    friday = date(2026, 3, 27)
    assert default_batas_waktu(friday, Urgensi.AMAT_SEGERA) == date(2026, 3, 28)
    assert default_batas_waktu(friday, Urgensi.SEGERA) == date(2026, 3, 29)
    assert default_batas_waktu(friday, Urgensi.BIASA) is None
    assert default_batas_waktu(date(2025, 12, 31), Urgensi.SEGERA) == date(2026, 1, 2)


def test_default_batas_waktu_accepts_a_datetime() -> None:
    received = datetime(2026, 3, 16, 15, 30)
    result = default_batas_waktu(received, Urgensi.AMAT_SEGERA)
    assert result == date(2026, 3, 17)
    assert type(result) is date


def test_default_batas_waktu_in_working_days_skips_weekends_and_holidays() -> None:
    plain = WorkingCalendar([])
    friday = date(2026, 3, 27)
    assert default_batas_waktu(friday, Urgensi.AMAT_SEGERA, plain) == date(2026, 3, 30)
    assert default_batas_waktu(friday, Urgensi.SEGERA, plain) == date(2026, 3, 31)
    assert default_batas_waktu(friday, Urgensi.BIASA, plain) is None
    local = WorkingCalendar([Holiday(date(2026, 3, 30), HolidayKind.LIBUR_LOKAL, "Hari jadi")])
    assert default_batas_waktu(friday, Urgensi.AMAT_SEGERA, local) == date(2026, 3, 31)


def test_default_batas_waktu_over_idul_fitri_2026_with_the_seed_calendar() -> None:
    seed = WorkingCalendar(load_holidays_csv(SEED_HOLIDAYS_PATH))
    tuesday = date(2026, 3, 17)  # 18-24 March 2026: Nyepi, Idul Fitri, cuti bersama and a weekend
    assert default_batas_waktu(tuesday, Urgensi.SEGERA) == date(2026, 3, 19)
    assert default_batas_waktu(tuesday, Urgensi.SEGERA, seed) == date(2026, 3, 26)


# --- B2 nomor agenda -------------------------------------------------------------------------------------------


def test_b2_worked_example_year_restart_and_susulan() -> None:
    last = {2025: 1187}  # last letter received on 30 Dec 2025 is agenda masuk 1187/2025
    assert agenda_year_incoming(date(2025, 12, 30)) == 2025

    # The first letter received on 2 Jan 2026 gets 1/2026.
    first_2026 = datetime(2026, 1, 2, 8, 15)
    tahun = agenda_year_incoming(first_2026)
    assert tahun == 2026
    assert next_agenda_number(last, tahun) == 1
    assert not is_susulan(tahun, first_2026.date())
    last[tahun] = 1

    # Dated 29 Dec 2025, received 31 Dec 2025, keyed in on 5 Jan 2026: 1188/2025, susulan.
    tahun_late = agenda_year_incoming(date(2025, 12, 31))
    assert tahun_late == 2025
    assert next_agenda_number(last, tahun_late) == 1188
    assert is_susulan(tahun_late, date(2026, 1, 5))
    last[tahun_late] = 1188
    assert next_agenda_number(last, 2026) == 2  # the 2026 series is untouched by the susulan
    assert next_agenda_number(last, 2025) == 1189

    assert format_agenda(DEFAULT_AGENDA_PATTERN, 1, 2026) == "1"
    assert format_agenda("{urut}", 1188, 2025) == "1188"
    assert format_agenda("SM-{tahun}-{urut:03d}", 1, 2026) == "SM-2026-001"


def test_agenda_year_outgoing_is_the_year_of_tanggal_surat() -> None:
    assert agenda_year_outgoing(date(2025, 12, 31)) == 2025
    assert agenda_year_outgoing(date(2026, 1, 1)) == 2026


def test_is_susulan_only_for_earlier_years() -> None:
    assert is_susulan(2024, date(2026, 6, 1))
    assert not is_susulan(2026, date(2026, 12, 31))
    assert not is_susulan(2027, date(2026, 12, 31))


@pytest.mark.parametrize(
    ("pattern", "urut", "tahun", "expected"),
    [
        ("{urut}/{tahun}", 1188, 2025, "1188/2025"),
        ("{urut:05d}", 42, 2026, "00042"),
        ("SM-{tahun}-{urut:03d}", 1188, 2025, "SM-2025-1188"),
        ("{urut:01d}", 7, 2026, "7"),
        ("Agenda {urut}", 3, 2026, "Agenda 3"),
    ],
)
def test_format_agenda_patterns(pattern: str, urut: int, tahun: int, expected: str) -> None:
    assert validate_agenda_pattern(pattern) == pattern
    assert format_agenda(pattern, urut, tahun) == expected


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ("{tahun}", "wajib memuat penanda {urut}"),
        ("", "wajib memuat penanda {urut}"),
        ("{urut}-{bulan}", r"penanda \{bulan\} tidak dikenal"),
        ("SM-{urut", "tidak ditutup"),
        ("SM}-{urut}", "tanpa pasangan"),
        ("{urut:3d}", "format"),
        ("{tahun:04d}-{urut}", "format"),
        ("{urut}{urut}", "lebih dari sekali"),
    ],
)
def test_agenda_pattern_errors(pattern: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        validate_agenda_pattern(pattern)
    with pytest.raises(ValueError, match="Pola nomor agenda tidak valid"):
        format_agenda(pattern, 1, 2026)


def test_nomor_agenda_must_be_positive() -> None:
    with pytest.raises(ValueError, match="bilangan bulat positif"):
        format_agenda("{urut}", 0, 2026)


# --- B7 outgoing numbers ---------------------------------------------------------------------------------------

DEFAULT = NumberTemplate()
PEKALONGAN = NumberTemplate("{keamanan}/{urut}/{kka}/{unit}/{tahun}")
APRIL_2026 = date(2026, 4, 14)


def test_default_template() -> None:
    assert DEFAULT_TEMPLATE == "{kka}/{urut}/{unit}/{tahun}"
    assert NumberTemplate() == NumberTemplate(DEFAULT_TEMPLATE)
    assert NumberTemplate().template == DEFAULT_TEMPLATE
    assert NumberTemplate() != PEKALONGAN
    assert DEFAULT.tokens == ("kka", "urut", "unit", "tahun")


def test_b7_sequence_example_57_and_58_with_different_codes() -> None:
    assert DEFAULT.render("800.1.11.1", 57, "SEK.UM", APRIL_2026, Keamanan.B) == "800.1.11.1/57/SEK.UM/2026"
    assert DEFAULT.render("000.1.5", 58, "SEK.UM", APRIL_2026, Keamanan.B) == "000.1.5/58/SEK.UM/2026"
    assert DEFAULT.parse("800.1.11.1/57/SEK.UM/2026") == NumberParts(
        urut=57, kka="800.1.11.1", unit="SEK.UM", tahun=2026
    )
    assert DEFAULT.parse("000.1.5/58/SEK.UM/2026") == NumberParts(
        urut=58, kka="000.1.5", unit="SEK.UM", tahun=2026
    )


def test_b7_inserted_number_r21() -> None:
    number = DEFAULT.render("800.1.11.1", 57, "SEK.UM", APRIL_2026, Keamanan.B, sisipan=1)
    assert number == "800.1.11.1/57.01/SEK.UM/2026"
    assert DEFAULT.parse(number) == NumberParts(
        urut=57, sisipan=1, kka="800.1.11.1", unit="SEK.UM", tahun=2026
    )
    assert format_urut(57, 1) == "57.01"
    assert format_urut(57, 12) == "57.12"
    assert format_urut(7, 3, width=3) == "007.03"
    padded = NumberTemplate("{kka}/{urut:03d}/{unit}/{tahun}")
    assert padded.render("000.1.5", 7, "SEK.UM", APRIL_2026, "B", sisipan=2) == "000.1.5/007.02/SEK.UM/2026"
    assert padded.parse("000.1.5/007.02/SEK.UM/2026") == NumberParts(
        urut=7, sisipan=2, kka="000.1.5", unit="SEK.UM", tahun=2026
    )


def test_b7_pekalongan_pattern() -> None:
    number = PEKALONGAN.render("800.1.11.1", 1, "UM", date(2026, 1, 5), Keamanan.B)
    assert number == "B/1/800.1.11.1/UM/2026"
    assert PEKALONGAN.parse(number) == NumberParts(
        urut=1, kka="800.1.11.1", unit="UM", tahun=2026, keamanan=Keamanan.B
    )
    assert PEKALONGAN.render("800.1.11.1", 2, "UM", date(2026, 1, 5), "SR") == "SR/2/800.1.11.1/UM/2026"
    parts = PEKALONGAN.parse("SR/2/800.1.11.1/UM/2026")
    assert parts is not None
    assert parts.keamanan is Keamanan.SR


def test_b7_kemendagri_example_without_year() -> None:
    template = NumberTemplate("{kka}/{urut}/{unit}")
    assert template.parse("000.8.3.3/15/OR") == NumberParts(urut=15, kka="000.8.3.3", unit="OR")
    assert template.render("000.8.3.3", 15, "OR", APRIL_2026, Keamanan.B) == "000.8.3.3/15/OR"


def test_b7_seed_sop_number_with_a_multi_segment_unit() -> None:
    assert DEFAULT.parse("067/3325/Sek.Um/SOP/DP2KUKM/2022") == NumberParts(
        urut=3325, kka="067", unit="Sek.Um/SOP/DP2KUKM", tahun=2022
    )
    assert DEFAULT.render("067", 3325, "Sek.Um/SOP/DP2KUKM", date(2022, 12, 11), Keamanan.B) == (
        "067/3325/Sek.Um/SOP/DP2KUKM/2022"
    )


def test_b7_number_that_lost_its_separators_does_not_parse() -> None:
    assert DEFAULT.parse("06730963SEK.UM/DP2KUKM") is None


@pytest.mark.parametrize(
    "number",
    ["", "800.1.11.1/SEK.UM/2026", "800.1.11.1/57/SEK.UM/26", "ABC/57/SEK.UM/2026", "800.1/0/SEK.UM/2026"],
)
def test_parse_returns_none_for_numbers_that_do_not_fit(number: str) -> None:
    assert DEFAULT.parse(number) is None


def test_parse_tolerates_spacing_and_case() -> None:
    assert DEFAULT.parse("  800.1.11.1 / 57 /  SEK.UM / 2026 ") == NumberParts(
        urut=57, kka="800.1.11.1", unit="SEK.UM", tahun=2026
    )
    assert PEKALONGAN.parse("b/1/800.1.11.1/um/2026") == NumberParts(
        urut=1, kka="800.1.11.1", unit="um", tahun=2026, keamanan=Keamanan.B
    )


def test_month_tokens_render_and_parse() -> None:
    template = NumberTemplate("{kka}/{urut}/{unit}/{bulan_romawi}/{tahun}")
    november = date(2026, 11, 3)
    assert template.render("000.1.5", 9, "SEK.UM", november, Keamanan.B) == "000.1.5/9/SEK.UM/XI/2026"
    assert template.parse("000.1.5/9/SEK.UM/XI/2026") == NumberParts(
        urut=9, kka="000.1.5", unit="SEK.UM", tahun=2026, bulan=11
    )
    assert template.parse("000.1.5/9/SEK.UM/XIII/2026") is None
    numeric = NumberTemplate("{unit}-{urut}/{bulan}/{tahun}")
    assert numeric.render("", 3, "UM", date(2026, 2, 1), Keamanan.B) == "UM-3/02/2026"
    assert numeric.parse("UM-3/02/2026") == NumberParts(urut=3, unit="UM", tahun=2026, bulan=2)
    assert numeric.parse("UM-3/13/2026") is None
    both = NumberTemplate("{urut}/{bulan}/{bulan_romawi}")
    assert both.parse("1/11/XI") == NumberParts(urut=1, bulan=11)
    assert both.parse("1/10/XI") is None


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("{kka}/{unit}/{tahun}", "wajib memuat penanda {urut}"),
        ("{kka}/{urut}/{satker}/{tahun}", r"penanda \{satker\} tidak dikenal"),
        ("{kka}/{urut/{unit}", "tidak ditutup"),
        ("{kka}/{urut}/{unit}/{tahun", "tidak ditutup"),
        ("{kka}}/{urut}", "tanpa pasangan"),
        ("{kka}/{urut}/{unit}/{tahun}/{tahun}", "lebih dari sekali"),
        ("{kka:03d}/{urut}", "format"),
        ("{urut:x}", "format"),
        ("{urut:099d}", "terlalu besar"),
        ("{{urut}}", "tidak ditutup"),
    ],
)
def test_number_template_errors(template: str, message: str) -> None:
    with pytest.raises(ValueError, match=message) as error:
        NumberTemplate(template)
    assert str(error.value).startswith("Pola nomor surat tidak valid")


def test_render_refuses_incomplete_numbers() -> None:
    with pytest.raises(ValueError, match="Kode klasifikasi wajib diisi"):
        DEFAULT.render(" ", 1, "SEK.UM", APRIL_2026, Keamanan.B)
    with pytest.raises(ValueError, match="hanya boleh berisi angka dan titik"):
        DEFAULT.render("PL.02", 1, "SEK.UM", APRIL_2026, Keamanan.B)
    with pytest.raises(ValueError, match="Kode unit"):
        DEFAULT.render("800.1.11.1", 1, "  ", APRIL_2026, Keamanan.B)
    with pytest.raises(ValueError, match="Nomor urut"):
        DEFAULT.render("800.1.11.1", 0, "SEK.UM", APRIL_2026, Keamanan.B)
    with pytest.raises(ValueError, match="Nomor sisipan"):
        DEFAULT.render("800.1.11.1", 5, "SEK.UM", APRIL_2026, Keamanan.B, sisipan=0)
    with pytest.raises(ValueError, match="Klasifikasi keamanan"):
        PEKALONGAN.render("800.1.11.1", 5, "SEK.UM", APRIL_2026, "X")


def test_render_normalises_whitespace_in_code_and_unit() -> None:
    assert DEFAULT.render(" 800.1. 11.1 ", 3, "  Sek.Um /  SOP ", APRIL_2026, Keamanan.B) == (
        "800.1.11.1/3/Sek.Um / SOP/2026"
    )


codes_83 = st.builds(
    lambda head, rest: ".".join([f"{head:03d}", *map(str, rest)]),
    st.integers(0, 999),
    st.lists(st.integers(0, 99), max_size=3),
)
units = st.text(
    alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789./- ", min_size=1
).filter(lambda u: u.strip() != "")
dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2999, 12, 31))
sisipans = st.none() | st.integers(1, 999)


@given(kka=codes_83, urut=st.integers(1, 10**7), unit=units, tanggal=dates, sisipan=sisipans)
def test_default_template_round_trip(
    kka: str, urut: int, unit: str, tanggal: date, sisipan: int | None
) -> None:
    number = DEFAULT.render(kka, urut, unit, tanggal, Keamanan.B, sisipan)
    parts = DEFAULT.parse(number)
    assert parts == NumberParts(
        urut=urut, sisipan=sisipan, kka=kka, unit=" ".join(unit.split()), tahun=tanggal.year
    )
    assert (
        DEFAULT.render(parts.kka or "", parts.urut, parts.unit or "", tanggal, Keamanan.B, parts.sisipan)
        == number
    )


@given(
    template=st.sampled_from(
        [
            "{keamanan}/{urut}/{kka}/{unit}/{tahun}",
            "{kka}/{urut:03d}/{unit}/{bulan_romawi}/{tahun}",
            "{kka}/{urut:05d}/{unit}/{bulan}/{tahun}",
        ]
    ),
    kka=codes_83,
    urut=st.integers(1, 10**6),
    unit=units,
    tanggal=dates,
    keamanan=st.sampled_from(list(Keamanan)),
    sisipan=sisipans,
)
def test_other_templates_round_trip(
    template: str, kka: str, urut: int, unit: str, tanggal: date, keamanan: Keamanan, sisipan: int | None
) -> None:
    numbering = NumberTemplate(template)
    parts = numbering.parse(numbering.render(kka, urut, unit, tanggal, keamanan, sisipan))
    assert parts is not None
    assert (parts.kka, parts.urut, parts.sisipan, parts.unit, parts.tahun) == (
        kka,
        urut,
        sisipan,
        " ".join(unit.split()),
        tanggal.year,
    )
    assert parts.keamanan == (keamanan if "{keamanan}" in template else None)
    assert parts.bulan == (tanggal.month if "bulan" in template else None)


# --- B8 kode klasifikasi ---------------------------------------------------------------------------------------


def test_code_sort_key_orders_by_numeric_segments() -> None:
    codes = ["400.9", "000.5.3.1", "400.14", "000.5", "000.5.3", "000", "100", "400.14.1.2", "400.10"]
    assert sorted(codes, key=code_sort_key) == [
        "000",
        "000.5",
        "000.5.3",
        "000.5.3.1",
        "100",
        "400.9",
        "400.10",
        "400.14",
        "400.14.1.2",
    ]
    assert code_sort_key("400.14") > code_sort_key("400.9")


def test_code_sort_key_reads_78_2012_decimals_digit_by_digit() -> None:
    codes = ["001.4", "001.31", "001", "001.3", "002", "800.1", "800.043"]
    assert sorted(codes, key=lambda c: code_sort_key(c, S78)) == [
        "001",
        "001.3",
        "001.31",
        "001.4",
        "002",
        "800.043",
        "800.1",
    ]


def test_code_sort_key_never_raises_on_odd_stored_codes() -> None:
    codes = ["800.x", "", "800.1", " 800 .2", "abc"]
    assert sorted(codes, key=code_sort_key) == ["", "800.1", " 800 .2", "800.x", "abc"]


def test_code_sort_text_sorts_as_the_key_for_the_database() -> None:
    codes = [
        "400.9",
        "000.5.3.1",
        "400.14",
        "000.5",
        "000.5.3",
        "000",
        "100",
        "400.14.1.2",
        "400.10",
        "abc",
        "",
    ]
    assert sorted(codes, key=code_sort_text) == sorted(codes, key=code_sort_key)
    assert code_sort_text("400.9") == "000400.000009" < code_sort_text("400.14") == "000400.000014"
    decimals = ["001.4", "001.31", "001", "001.3", "002", "800.1", "800.043"]
    assert sorted(decimals, key=lambda c: code_sort_text(c, S78)) == sorted(
        decimals, key=lambda c: code_sort_key(c, S78)
    )


@given(
    st.lists(
        st.lists(
            st.one_of(st.integers(0, 999_999).map(str), st.text("abcxyz", min_size=1, max_size=3)),
            min_size=1,
            max_size=4,
        ).map(".".join),
        max_size=8,
    )
)
def test_code_sort_text_agrees_with_the_key_on_any_codes(codes: list[str]) -> None:
    by_text = [code_sort_key(c) for c in sorted(codes, key=code_sort_text)]
    assert by_text == sorted(code_sort_key(c) for c in codes)


def test_seed_83_2022_list_is_in_code_order() -> None:
    codes = [row["kode"] for row in read_rows(CODES_83)]
    assert len(codes) == 2986
    assert codes == sorted(codes, key=code_sort_key)


def test_every_seed_83_2022_code_validates_and_parent_matches_kode_induk() -> None:
    for row in read_rows(CODES_83):
        assert validate_code(row["kode"], S83) == row["kode"]
        assert parent_of(row["kode"], S83) == (row["kode_induk"] or None)
        assert len(ancestors(row["kode"], S83)) == int(row["level"]) - 1


def test_every_seed_78_2012_code_validates_and_reaches_a_listed_ancestor() -> None:
    rows = read_rows(CODES_78)
    listed = {row["kode"] for row in rows}
    missing_parent = []
    for row in rows:
        code = row["kode"]
        assert validate_code(code, S78) == code
        chain = ancestors(code, S78)
        if code[1:] == "00":
            assert chain == ()
            continue
        assert any(parent in listed for parent in chain), code
        assert chain[-1] == code[0] + "00"
        if chain[0] not in listed:
            missing_parent.append(code)
    # The list is incomplete (README): only its odd decimals lack their direct parent.
    assert sorted(missing_parent) == ["800.043"]


@pytest.mark.parametrize(
    ("code", "parent"),
    [
        ("000.5.3.1", "000.5.3"),
        ("000.5.3", "000.5"),
        ("000.5", "000"),
        ("000", None),
        ("800.1.11.13", "800.1.11"),
    ],
)
def test_parent_of_83_2022(code: str, parent: str | None) -> None:
    assert parent_of(code, S83) == parent


@pytest.mark.parametrize(
    ("code", "parent"),
    [
        ("045.2", "045"),
        ("045", "040"),
        ("040", "000"),
        ("000", None),
        ("900", None),
        ("001.31", "001.3"),
        ("001.3", "001"),
        ("019.21", "019.2"),
        ("611.311", "611.31"),
        ("101", "100"),
        ("120.04", "120"),
        ("800.043", "800.04"),
        ("800.04", "800"),
    ],
)
def test_parent_of_78_2012(code: str, parent: str | None) -> None:
    assert parent_of(code, S78) == parent


def test_ancestors() -> None:
    assert ancestors("000.5.3.1") == ("000.5.3", "000.5", "000")
    assert ancestors("045.2", S78) == ("045", "040", "000")
    assert ancestors("000", S78) == ()


@pytest.mark.parametrize(
    ("raw", "skema", "expected"),
    [
        (" 800.1.11.1 ", S83, "800.1.11.1"),
        ("800. 1 .11.1", S83, "800.1.11.1"),
        ("000", S83, "000"),
        ("400.14.1.2", "83/2022", "400.14.1.2"),
        ("045,2", S78, "045.2"),
        ("067", S78, "067"),
        ("001.31", "78/2012", "001.31"),
        ("611.311", S78, "611.311"),
    ],
)
def test_validate_code_normalises(raw: str, skema: Skema | str, expected: str) -> None:
    assert validate_code(raw, skema) == expected


@pytest.mark.parametrize(
    ("raw", "skema"),
    [
        ("", S83),
        ("  ", S83),
        ("80.1", S83),
        ("8000.1", S83),
        ("800.", S83),
        (".800", S83),
        ("800..1", S83),
        ("800.01", S83),
        ("800.1.11.1.2", S83),
        ("800.1a", S83),
        ("800/1", S83),
        ("B-015", S83),
        ("45.2", S78),
        ("045.2.1", S78),
        ("045.", S78),
        ("04a", S78),
    ],
)
def test_validate_code_refuses_malformed_codes(raw: str, skema: Skema) -> None:
    with pytest.raises(ValueError, match="Kode klasifikasi"):
        validate_code(raw, skema)


def test_parent_of_validates_the_code() -> None:
    with pytest.raises(ValueError, match="tidak sesuai Permendagri 83/2022"):
        parent_of("800..1")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2 Tahun", (2, "")),
        ("20 Tahun", (20, "")),
        (
            "1 Tahun Sejak Selesainya Pertanggungjawaban Suatu Penugasan",
            (1, "Sejak Selesainya Pertanggungjawaban Suatu Penugasan"),
        ),
        ("  2  tahun   setelah  diperbarui ", (2, "setelah diperbarui")),
        ("2 (dua) Tahun", (2, "")),
        ("5 thn", (5, "")),
        ("3 Tahun, sejak kegiatan selesai", (3, "sejak kegiatan selesai")),
        ("", (None, "")),
        ("Permanen", (None, "Permanen")),
        (
            "Musnah, kecuali SK Masuk Berkas Perseorangan",
            (None, "Musnah, kecuali SK Masuk Berkas Perseorangan"),
        ),
        ("6 Bulan", (None, "6 Bulan")),
        ("Selama Berlaku", (None, "Selama Berlaku")),
    ],
)
def test_parse_retention_years_examples(text: str, expected: tuple[int | None, str]) -> None:
    assert parse_retention_years(text) == expected


def test_parse_retention_years_on_every_distinct_value_of_the_83_2022_seed() -> None:
    rows = read_rows(CODES_83)
    retention = {row[column] for row in rows for column in ("retensi_aktif", "retensi_inaktif")}
    assert len(retention) > 90  # every shape of the file: bare years, years + condition, empty
    for value in retention:
        years, note = parse_retention_years(value)
        leading = re.match(r"(\d+) Tahun\b ?(.*)", value)
        if value == "":
            assert (years, note) == (None, "")
        else:
            assert leading is not None, f"unexpected shape {value!r}"
            assert (years, note) == (int(leading[1]), leading[2]), value
    for value in {row["nasib_akhir"] for row in rows}:
        assert parse_retention_years(value) == (None, value)


# --- R7 duplicates ---------------------------------------------------------------------------------------------

DAY = date(2026, 2, 3)


def test_duplicate_key_ignores_case_spacing_and_punctuation() -> None:
    a = duplicate_key("Dinas Kesehatan Prov. Kaltim", "005/123/DINKES", DAY)
    b = duplicate_key("dinas  kesehatan prov kaltim", "005 / 123 / Dinkes", DAY)
    assert a is not None
    assert a == b
    assert a == ("dinas kesehatan prov kaltim", "005/123/dinkes", DAY)
    assert duplicate_key("DINAS KESEHATAN PROV.KALTIM", "Nomor: 005/123/DINKES", DAY) == a
    assert duplicate_key("Dinas Kesehatan Prov. Kaltim", "005–123–DINKES", DAY) == duplicate_key(
        "Dinas Kesehatan Prov. Kaltim", "005-123-DINKES", DAY
    )


def test_duplicate_key_distinguishes_real_differences() -> None:
    base = duplicate_key("Dinas Kesehatan", "005/123/DINKES", DAY)
    assert base != duplicate_key("Dinas Kesehatan", "005/124/DINKES", DAY)
    assert base != duplicate_key("Dinas Pendidikan", "005/123/DINKES", DAY)
    assert base != duplicate_key("Dinas Kesehatan", "005/123/DINKES", date(2026, 2, 4))
    assert base != duplicate_key("Dinas Kesehatan", "005123DINKES", DAY)


@pytest.mark.parametrize(
    "nomor", ["tanpa nomor", "Tanpa Nomor", "TANPA NO.", "", "   ", "-", "—", "t/n", "Nihil"]
)
def test_letters_without_a_number_are_never_duplicates(nomor: str) -> None:
    assert is_tanpa_nomor(nomor)
    assert normalize_nomor_surat(nomor) == ""
    assert duplicate_key("Dinas Kesehatan", nomor, DAY) is None


def test_letter_without_sender_has_no_key() -> None:
    assert duplicate_key(" . ", "005/123", DAY) is None


def test_normalisers_feed_the_stored_columns() -> None:
    assert normalize_asal("  BPKAD  Prov. Kalimantan-Timur ") == "bpkad prov kalimantan timur"
    assert normalize_nomor_surat("No. 800.1.11.1 / 57 / SEK.UM / 2026") == "800.1.11.1/57/sek.um/2026"
    assert normalize_nomor_surat("B - 015 / PL.02") == "b-015/pl.02"
    assert not is_tanpa_nomor("005/123")
