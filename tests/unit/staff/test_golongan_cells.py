"""Golongan cells as offices write them, read by the staff import (issue 12 item 5)."""

from __future__ import annotations

import re

import pytest

from desktop.core.staff.reference import seed_reference
from desktop.services.staff.records_io import read_golongan

LADDER = seed_reference().pangkat


@pytest.mark.parametrize(
    ("written", "golongan"),
    [
        ("Penata Muda Tk. I", "III/b"),
        ("Penata Muda Tingkat I (III/b)", "III/b"),
        ("Penata Muda Tk.I, III/b", "III/b"),
        ("Penata Muda Tk I", "III/b"),
        ("PENATA MUDA TKT. I", "III/b"),
        ("III-b", "III/b"),
        ("III b", "III/b"),
        ("IIIb", "III/b"),
        ("iii/b", "III/b"),
        ("3b", "III/b"),
        ("3/b", "III/b"),
        ("Gol. III/b", "III/b"),
        ("III/b - Penata Muda Tingkat I", "III/b"),
        ("Penata Muda", "III/a"),
        ("Pembina Utama Muda", "IV/c"),
        ("Pengatur Tk. I (II/d)", "II/d"),
        ("Juru Muda Tingkat I", "I/b"),
        ("IV/e", "IV/e"),
    ],
)
def test_pns_golongan_in_every_form_offices_use(written: str, golongan: str) -> None:
    assert read_golongan(written, LADDER) == golongan


@pytest.mark.parametrize(("written", "golongan"), [("IX", "IX"), ("Gol. XI", "XI"), ("VII", "VII"), ("", "")])
def test_a_pppk_golongan_is_its_roman_numeral(written: str, golongan: str) -> None:
    assert read_golongan(written, LADDER) == golongan


@pytest.mark.parametrize(
    ("written", "message"),
    [
        (
            "Penata Muda Tingkat I (III/c)",
            "Golongan 'Penata Muda Tingkat I (III/c)': pangkat Penata Muda Tingkat I adalah golongan III/b, "
            "bukan III/c.",
        ),
        ("Penata Muda Tk. II, III/b", "Golongan 'Penata Muda Tk. II, III/b': nama pangkat"),
    ],
)
def test_a_pangkat_name_that_contradicts_or_is_unknown_beside_its_code_is_refused(
    written: str, message: str
) -> None:
    with pytest.raises(Exception, match=re.escape(message)):
        read_golongan(written, LADDER)


def test_what_is_no_golongan_is_left_for_the_validation_to_refuse() -> None:
    # clean_pegawai quotes it: "Golongan ruang tidak dikenal: 'IV/f' (contoh: III/d)"
    assert read_golongan("IV/f", LADDER) == "IV/f"
