"""ASN Berprestasi ranking (core/staff/award.py): weights that add up to 100, the weighted score, and the
tie-breaks: the highest-weighted criterion, then golongan, masa kerja, name and NIP."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from desktop.core.staff.award import (
    Candidate,
    Criterion,
    format_skor,
    rank,
    tie_break_criterion,
    validate_criteria,
    weighted_score,
)

KINERJA = Criterion(1, "Kinerja bulanan", 40, 1)
KEHADIRAN = Criterion(2, "Kehadiran", 30, 2)
DISIPLIN = Criterion(3, "Disiplin", 30, 3)
CRITERIA = [KINERJA, KEHADIRAN, DISIPLIN]


def _c(nama: str, kinerja: int, kehadiran: int, disiplin: int, **kw: object) -> Candidate:
    values: dict[str, object] = {
        "id": sum(map(ord, nama)),
        "nama": nama,
        "nip": "198001012005011001",
        "golongan_rank": 10,
        "masa_kerja_bulan": 200,
        "nilai": {1: kinerja, 2: kehadiran, 3: disiplin},
    }
    values.update(kw)
    return Candidate(**values)  # type: ignore[arg-type]


def _names(criteria: list[Criterion], candidates: list[Candidate]) -> list[str]:
    return [r.candidate.nama for r in rank(criteria, candidates)]


def test_weighted_score_is_the_sum_of_weight_times_score_in_hundredths() -> None:
    # 40 % × 90 + 30 % × 80 + 30 % × 70 = 36 + 24 + 21 = 81,00
    assert weighted_score(CRITERIA, {1: 90, 2: 80, 3: 70}) == 8100
    assert format_skor(weighted_score(CRITERIA, {1: 87, 2: 91, 3: 85})) == "87,60"
    assert format_skor(5) == "0,05"
    with pytest.raises(ValueError, match="Nilai Disiplin belum diisi"):
        weighted_score(CRITERIA, {1: 90, 2: 80})
    with pytest.raises(ValueError, match="Nilai Kehadiran harus 0 sampai 100"):
        weighted_score(CRITERIA, {1: 90, 2: 101, 3: 70})


def test_weights_must_add_up_to_100_with_distinct_names() -> None:
    validate_criteria(CRITERIA)
    validate_criteria([Criterion(i, f"K{i}", 20, i) for i in range(5)])  # the shipped default: 5 × 20 %
    with pytest.raises(ValueError, match="Jumlah bobot kriteria harus 100 persen; sekarang 90 persen"):
        validate_criteria([KINERJA, KEHADIRAN, replace(DISIPLIN, bobot=20)])
    with pytest.raises(ValueError, match="tercantum dua kali"):
        validate_criteria([KINERJA, replace(KEHADIRAN, nama=" kinerja  BULANAN"), DISIPLIN])
    with pytest.raises(ValueError, match="harus 1 sampai 100"):
        validate_criteria([replace(KINERJA, bobot=100), replace(KEHADIRAN, bobot=0)])
    with pytest.raises(ValueError, match="sedikitnya satu"):
        validate_criteria([])


def test_higher_score_ranks_first_and_places_have_no_gaps() -> None:
    ranked = rank(CRITERIA, [_c("Budi", 80, 80, 80), _c("Ani", 95, 90, 90), _c("Citra", 70, 100, 100)])
    assert [(r.peringkat, r.candidate.nama, r.skor) for r in ranked] == [
        (1, "Ani", 9200),
        (2, "Citra", 8800),
        (3, "Budi", 8000),
    ]
    assert all(r.penentu == "" for r in ranked)


def test_equal_scores_go_to_the_higher_score_on_the_highest_weighted_criterion() -> None:
    # Both 85,00: Dewi 40 % × 100 + 30 % × 80 + 30 % × 70; Eko 40 % × 70 + 30 % × 100 + 30 % × 90.
    dewi, eko = _c("Dewi", 100, 80, 70), _c("Eko", 70, 100, 90)
    assert weighted_score(CRITERIA, dewi.nilai) == weighted_score(CRITERIA, eko.nilai) == 8500
    ranked = rank(CRITERIA, [eko, dewi])
    assert [r.candidate.nama for r in ranked] == ["Dewi", "Eko"]
    assert ranked[0].penentu == "Skor sama dengan peringkat 2; nilai Kinerja bulanan lebih tinggi"
    assert ranked[1].penentu == ""


def test_the_first_criterion_on_the_form_decides_among_equal_weights() -> None:
    kehadiran, disiplin = replace(KEHADIRAN, bobot=50), replace(DISIPLIN, bobot=50)
    assert tie_break_criterion([disiplin, kehadiran]) == kehadiran
    fajar, gita = _c("Fajar", 0, 90, 70), _c("Gita", 0, 70, 90)
    assert _names([kehadiran, disiplin], [gita, fajar]) == ["Fajar", "Gita"]


def test_then_golongan_then_masa_kerja_then_name_then_nip() -> None:
    base = _c("Hana", 90, 90, 90)
    higher_golongan = replace(base, nama="Zaki", golongan_rank=11)
    assert _names(CRITERIA, [base, higher_golongan]) == ["Zaki", "Hana"]
    assert rank(CRITERIA, [base, higher_golongan])[0].penentu.endswith("golongan lebih tinggi")

    longer = replace(base, nama="Yusuf", masa_kerja_bulan=201)
    assert _names(CRITERIA, [base, longer]) == ["Yusuf", "Hana"]
    assert rank(CRITERIA, [base, longer])[0].penentu.endswith("masa kerja lebih lama")

    alphabetical = replace(base, nama="agus")  # case does not matter
    assert _names(CRITERIA, [base, alphabetical]) == ["agus", "Hana"]
    assert rank(CRITERIA, [base, alphabetical])[0].penentu.endswith("urutan nama")

    twin = replace(base, nip="197001012000011001")
    ranked = rank(CRITERIA, [base, twin])
    assert [r.candidate.nip for r in ranked] == ["197001012000011001", "198001012005011001"]
    assert ranked[0].penentu.endswith("urutan NIP")


def test_the_highest_weighted_criterion_outweighs_golongan_and_masa_kerja() -> None:
    senior = _c("Senior", 80, 100, 100, golongan_rank=16, masa_kerja_bulan=360)  # 92,00
    junior = _c("Junior", 95, 85, 85, golongan_rank=9, masa_kerja_bulan=24)  # 89,00
    assert _names(CRITERIA, [senior, junior]) == ["Senior", "Junior"]
    tied_senior = _c("Senior", 80, 100, 100, golongan_rank=16, masa_kerja_bulan=360)  # 92,00
    tied_junior = _c("Junior", 95, 80, 100, golongan_rank=9, masa_kerja_bulan=24)  # 38 + 24 + 30 = 92,00
    assert _names(CRITERIA, [tied_senior, tied_junior]) == ["Junior", "Senior"]


def test_the_ranking_does_not_depend_on_the_order_given() -> None:
    rng = random.Random(5)
    people = [
        _c(
            f"Pegawai {i:02d}",
            rng.choice((80, 90, 100)),
            rng.choice((80, 90, 100)),
            rng.choice((80, 90, 100)),
            golongan_rank=rng.randint(9, 11),
            masa_kerja_bulan=rng.choice((100, 200)),
            nip=f"1980010120050110{i:02d}",
        )
        for i in range(40)
    ]
    expected = [r.candidate for r in rank(CRITERIA, people)]
    for _ in range(5):
        rng.shuffle(people)
        assert [r.candidate for r in rank(CRITERIA, people)] == expected
    assert [r.peringkat for r in rank(CRITERIA, people)] == list(range(1, 41))


def test_a_candidate_without_every_score_is_refused() -> None:
    with pytest.raises(ValueError, match="belum diisi"):
        rank(CRITERIA, [replace(_c("Ina", 90, 90, 90), nilai={1: 90, 2: 90})])
