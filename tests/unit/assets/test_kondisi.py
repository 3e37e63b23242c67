"""Kondisi codes and their two printed forms (assets.md R23), and what import files write for them."""

from __future__ import annotations

import pytest

from desktop.core.assets.kondisi import (
    BAIK,
    RUSAK_BERAT,
    RUSAK_RINGAN,
    kondisi_label,
    kondisi_nama,
    parse_kondisi,
)


def test_codes_are_1_2_3() -> None:
    assert (BAIK, RUSAK_RINGAN, RUSAK_BERAT) == (1, 2, 3)


def test_labels_of_both_regulations() -> None:
    assert [kondisi_label(c) for c in (1, 2, 3)] == ["B", "RR", "RB"]
    assert [kondisi_label(c, "47/2021") for c in (1, 2, 3)] == ["B", "RR", "RB"]
    assert [kondisi_label(c, "17/2007") for c in (1, 2, 3)] == ["B", "KB", "RB"]
    assert [kondisi_nama(c) for c in (1, 2, 3)] == ["Baik", "Rusak Ringan", "Rusak Berat"]
    assert kondisi_nama(2, "17/2007") == "Kurang Baik"


def test_unknown_code_or_scheme_is_refused() -> None:
    with pytest.raises(ValueError, match="1, 2 atau 3"):
        kondisi_label(4)
    with pytest.raises(ValueError, match="Format kondisi"):
        kondisi_label(1, "2007")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("1", 1),
        ("2", 2),
        ("3", 3),
        ("2.0", 2),
        (" 3 ", 3),
        ("B", 1),
        ("b", 1),
        ("KB", 2),
        ("kb", 2),
        ("RR", 2),
        ("RB", 3),
        ("r.b.", 3),
        ("R B", 3),
        ("Baik", 1),
        ("BAIK", 1),
        ("Kurang Baik", 2),
        ("kurang  baik", 2),
        ("Rusak Ringan", 2),
        ("rusak-ringan", 2),
        ("Rusak Berat", 3),
        ("  RUSAK\tBERAT\r\n", 3),
    ],
)
def test_parse_accepts_codes_letters_and_words(text: str, code: int) -> None:
    assert parse_kondisi(text) == code


@pytest.mark.parametrize("text", ["", "4", "0", "rusak", "baik sekali", "R", "hilang", "1.5"])
def test_parse_refuses_anything_else_clearly(text: str) -> None:
    with pytest.raises(ValueError, match="Kondisi tidak dikenali") as info:
        parse_kondisi(text)
    assert "Rusak Ringan" in str(info.value)
