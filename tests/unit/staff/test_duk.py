"""DUK order (core/staff/duk.py): pangkat, TMT pangkat, jabatan, TMT jabatan, masa kerja, latihan jabatan,
pendidikan, tahun lulus, usia, then the NIP, each criterion deciding only when all before it are equal."""

from __future__ import annotations

import dataclasses
import random
from datetime import date

import pytest

from desktop.core.staff.duk import (
    DukCriteria,
    duk_sort_key,
    eselon_rank,
    golongan_rank,
    latihan_jabatan_rank,
    order_duk,
    pendidikan_rank,
)
from desktop.core.staff.months import MasaKerja

BASE = DukCriteria(
    golongan_ruang="III/c",
    tmt_golongan=date(2022, 4, 1),
    nip="198001012005011001",
    masa_kerja=MasaKerja(20, 0),
    pendidikan_rank=7,
    tahun_lulus=2003,
    tanggal_lahir=date(1980, 1, 1),
)


def first_of(a: DukCriteria, b: DukCriteria) -> DukCriteria:
    """Whichever of the two the DUK lists first, whatever order they are given in."""
    assert order_duk([a, b], lambda c: c)[0] == order_duk([b, a], lambda c: c)[0]
    return order_duk([b, a], lambda c: c)[0]


def test_golongan_rank_follows_the_pangkat_ladder() -> None:
    codes = ["I/a", "I/d", "II/a", "II/d", "III/a", "III/d", "IV/a", "IV/e"]
    assert [golongan_rank(c) for c in codes] == sorted(golongan_rank(c) for c in codes)
    assert golongan_rank("iii-d") == golongan_rank("III/d")
    with pytest.raises(ValueError, match="Golongan ruang tidak dikenal"):
        golongan_rank("V/a")


@pytest.mark.parametrize(
    ("higher", "lower"),
    [("I.a", "I.b"), ("II.b", "III.a"), ("III.a", "III.b"), ("IV.a", "IV.b"), ("IV.b", "non eselon")],
)
def test_eselon_rank_higher_posts_rank_higher(higher: str, lower: str) -> None:
    assert eselon_rank(higher) > eselon_rank(lower)


def test_eselon_rank_reads_common_spellings() -> None:
    assert eselon_rank("III/a") == eselon_rank("IIIa") == eselon_rank("III.a") == eselon_rank("Administrator")
    assert eselon_rank("JPT Pratama") == eselon_rank("II.a")
    assert eselon_rank("Pengawas") == eselon_rank("IV.a")
    assert eselon_rank("") == eselon_rank("Pelaksana") == 0


def test_pendidikan_and_latihan_ranks() -> None:
    ladder = ["SD", "SLTP", "SLTA", "D-I", "D-II", "D-III", "S-1", "S-2", "S-3"]
    assert [pendidikan_rank(t) for t in ladder] == list(range(1, 10))
    assert pendidikan_rank("S1") == pendidikan_rank("D-IV") == pendidikan_rank("d4")
    assert pendidikan_rank("DIII") == pendidikan_rank("D3")
    assert pendidikan_rank("Dokter") == pendidikan_rank("S-2")
    assert pendidikan_rank("") == pendidikan_rank("kursus") == 0
    assert (
        latihan_jabatan_rank("Diklatpim II") > latihan_jabatan_rank("PKA") > latihan_jabatan_rank("PKP") > 0
    )
    assert latihan_jabatan_rank("Diklat PIM Tk. III") == latihan_jabatan_rank("Diklatpim III") == 2
    assert latihan_jabatan_rank("PKN Tingkat II") == latihan_jabatan_rank("Diklatpim II")
    assert latihan_jabatan_rank("") == 0


@pytest.mark.parametrize(
    ("winner", "loser", "criterion"),
    [
        ({"golongan_ruang": "IV/a", "tmt_golongan": date(2025, 4, 1)}, {}, "higher golongan"),
        ({"tmt_golongan": date(2021, 10, 1)}, {}, "earlier TMT golongan"),
        ({"jabatan_rank": eselon_rank("IV.a")}, {}, "higher jabatan"),
        (
            {"jabatan_rank": 6, "tmt_jabatan": date(2020, 1, 2)},
            {"jabatan_rank": 6, "tmt_jabatan": date(2023, 1, 2)},
            "earlier TMT jabatan",
        ),
        ({"masa_kerja": MasaKerja(20, 1)}, {}, "longer masa kerja"),
        ({"latihan_jabatan_rank": 1}, {}, "latihan jabatan"),
        ({"pendidikan_rank": 8, "tahun_lulus": 2015}, {}, "higher ijazah"),
        ({"tahun_lulus": 2001}, {}, "earlier lulus"),
        ({"tanggal_lahir": date(1979, 12, 31)}, {}, "older"),
        ({"nip": "198001012005011000"}, {}, "NIP"),
    ],
)
def test_each_criterion_decides_when_those_before_it_are_equal(
    winner: dict[str, object], loser: dict[str, object], criterion: str
) -> None:
    a = dataclasses.replace(BASE, **winner)  # type: ignore[arg-type]
    b = dataclasses.replace(BASE, **loser)  # type: ignore[arg-type]
    assert first_of(a, b) == a, criterion


def test_an_earlier_criterion_outweighs_every_later_one() -> None:
    # Older, longer service, higher ijazah and a post, but one ruang lower: still listed after.
    strong = dataclasses.replace(
        BASE,
        golongan_ruang="III/b",
        jabatan_rank=eselon_rank("III.a"),
        masa_kerja=MasaKerja(30, 0),
        latihan_jabatan_rank=3,
        pendidikan_rank=9,
        tanggal_lahir=date(1965, 1, 1),
    )
    assert first_of(BASE, strong) == BASE
    # Same pangkat, but the TMT pangkat decides before jabatan.
    earlier = dataclasses.replace(BASE, tmt_golongan=date(2021, 4, 1))
    kabid = dataclasses.replace(BASE, jabatan_rank=eselon_rank("III.a"), tmt_jabatan=date(2020, 1, 2))
    assert first_of(earlier, kabid) == earlier


def test_missing_dates_sort_after_known_ones() -> None:
    known = dataclasses.replace(BASE, jabatan_rank=5, tmt_jabatan=date(2024, 1, 2))
    unknown = dataclasses.replace(BASE, jabatan_rank=5, tmt_jabatan=None)
    assert first_of(known, unknown) == known
    assert first_of(BASE, dataclasses.replace(BASE, tanggal_lahir=None)) == BASE


def test_a_whole_office_comes_out_in_the_same_order_however_it_is_given() -> None:
    expected = [
        dataclasses.replace(BASE, nip="1", golongan_ruang="IV/b", tmt_golongan=date(2024, 4, 1)),
        dataclasses.replace(BASE, nip="2", golongan_ruang="IV/a", tmt_golongan=date(2019, 4, 1)),
        dataclasses.replace(
            BASE, nip="3", golongan_ruang="IV/a", tmt_golongan=date(2023, 4, 1), jabatan_rank=6
        ),
        dataclasses.replace(BASE, nip="4", golongan_ruang="IV/a", tmt_golongan=date(2023, 4, 1)),
        dataclasses.replace(BASE, nip="5", jabatan_rank=4, tmt_jabatan=date(2019, 1, 2)),
        dataclasses.replace(BASE, nip="6", jabatan_rank=4, tmt_jabatan=date(2022, 1, 3)),
        dataclasses.replace(BASE, nip="7", masa_kerja=MasaKerja(25, 3)),
        dataclasses.replace(BASE, nip="8", latihan_jabatan_rank=1),
        dataclasses.replace(BASE, nip="9", pendidikan_rank=8),
        dataclasses.replace(BASE, nip="10", tahun_lulus=1999),
        dataclasses.replace(BASE, nip="11", tanggal_lahir=date(1975, 6, 1)),
        dataclasses.replace(BASE, nip="12"),
        dataclasses.replace(BASE, nip="13", golongan_ruang="II/d", tmt_golongan=date(2010, 4, 1)),
    ]
    for seed in range(5):
        given = expected[:]
        random.Random(seed).shuffle(given)
        assert [c.nip for c in order_duk(given, lambda c: c)] == [c.nip for c in expected]
    assert sorted(expected, key=duk_sort_key) == expected
