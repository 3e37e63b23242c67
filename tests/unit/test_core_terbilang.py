"""Indonesian number and date words (terbilang)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.terbilang import (
    MAX_TERBILANG,
    DateInWords,
    berita_acara_date,
    capitalize_words,
    date_in_words,
    terbilang,
    terbilang_rupiah,
)


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "nol"),
        (1, "satu"),
        (9, "sembilan"),
        (10, "sepuluh"),
        (11, "sebelas"),
        (12, "dua belas"),
        (19, "sembilan belas"),
        (20, "dua puluh"),
        (21, "dua puluh satu"),
        (99, "sembilan puluh sembilan"),
        (100, "seratus"),
        (101, "seratus satu"),
        (110, "seratus sepuluh"),
        (111, "seratus sebelas"),
        (200, "dua ratus"),
        (999, "sembilan ratus sembilan puluh sembilan"),
        (1000, "seribu"),
        (1001, "seribu satu"),
        (1100, "seribu seratus"),
        (2000, "dua ribu"),
        (2026, "dua ribu dua puluh enam"),
        (10_000, "sepuluh ribu"),
        (11_000, "sebelas ribu"),
        (100_000, "seratus ribu"),
        (101_000, "seratus satu ribu"),
        (1_000_000, "satu juta"),
        (1_001_000, "satu juta seribu"),
        (1_234_567, "satu juta dua ratus tiga puluh empat ribu lima ratus enam puluh tujuh"),
        (1_000_000_000, "satu miliar"),
        (1_000_000_001, "satu miliar satu"),
        (1_000_000_000_000, "satu triliun"),
        (999_000_000_000_000, "sembilan ratus sembilan puluh sembilan triliun"),
        (1_000_000_000_000_000, "satu kuadriliun"),
    ],
)
def test_terbilang(n: int, words: str) -> None:
    assert terbilang(n) == words


def test_negatives_say_minus() -> None:
    assert terbilang(-1) == "minus satu"
    assert terbilang(-1000) == "minus seribu"


def test_largest_supported_number_and_beyond() -> None:
    assert terbilang(MAX_TERBILANG).startswith("sembilan ratus sembilan puluh sembilan kuadriliun")
    assert MAX_TERBILANG >= 999 * 10**12
    with pytest.raises(ValueError, match="terlalu besar"):
        terbilang(MAX_TERBILANG + 1)
    with pytest.raises(ValueError, match="terlalu besar"):
        terbilang(-(MAX_TERBILANG + 1))


def test_rupiah_and_capitalised_heading() -> None:
    assert terbilang_rupiah(1_500_000) == "satu juta lima ratus ribu rupiah"
    assert terbilang_rupiah(0) == "nol rupiah"
    assert capitalize_words(terbilang_rupiah(2026)) == "Dua Ribu Dua Puluh Enam Rupiah"
    assert capitalize_words("") == ""


def test_berita_acara_opening_of_the_worked_example() -> None:
    assert (
        berita_acara_date(date(2026, 11, 22))
        == "Pada hari ini Minggu tanggal dua puluh dua bulan November tahun dua ribu dua puluh enam"
    )


def test_date_in_words_parts() -> None:
    parts = date_in_words(date(2026, 3, 1))
    assert parts == DateInWords(hari="Minggu", tanggal="satu", bulan="Maret", tahun="dua ribu dua puluh enam")
    with pytest.raises(AttributeError):
        parts.hari = "Senin"  # type: ignore[misc]


# A small independent word -> number parser, so terbilang can be checked on numbers nobody wrote a case for.
_DIGITS = {w: i for i, w in enumerate(["nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan",
                                       "sembilan"])}  # fmt: skip
_SE = {"sepuluh": 10, "sebelas": 11, "seratus": 100}
_SCALES = {"ribu": 10**3, "juta": 10**6, "miliar": 10**9, "triliun": 10**12, "kuadriliun": 10**15}


def _parse_words(text: str) -> int:
    words = text.split(" ")
    if words[0] == "minus":
        return -_parse_words(" ".join(words[1:]))
    if words == ["nol"]:
        return 0
    total = group = pending = 0
    last_scale = 10**18
    for word in words:
        assert word != "nol", text
        if word in _DIGITS:
            assert pending == 0, text
            pending = _DIGITS[word]
        elif word in _SE:
            group += _SE[word]
        elif word == "belas":
            group, pending = group + pending + 10, 0
        elif word == "puluh":
            group, pending = group + pending * 10, 0
        elif word == "ratus":
            group, pending = group + pending * 100, 0
        elif word == "seribu" or word in _SCALES:
            scale = 1000 if word == "seribu" else _SCALES[word]
            # Scales must come in strictly decreasing order, or "dua ribu tiga ribu" would add up silently.
            assert scale < last_scale, text
            last_scale = scale
            amount = 1 if word == "seribu" else group + pending
            assert 1 <= amount <= 999, text
            # A lone thousand is "seribu", never "satu ribu".
            assert not (word == "ribu" and amount == 1), text
            total, group, pending = total + amount * scale, 0, 0
        else:
            raise AssertionError(f"unknown word {word!r} in {text!r}")
    return total + group + pending


@given(st.integers(min_value=-MAX_TERBILANG, max_value=MAX_TERBILANG))
def test_terbilang_round_trips_and_is_clean(n: int) -> None:
    words = terbilang(n)
    assert _parse_words(words) == n
    assert words == words.strip()
    assert "  " not in words
    assert words == words.lower()
    # "satu ribu" and "satu ratus" are never written; the contracted forms are.
    assert not words.startswith(("satu ribu", "satu ratus", "satu puluh", "satu belas"))
    assert " satu ratus" not in words
    assert " satu puluh" not in words
    assert " satu belas" not in words


@given(st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))
def test_berita_acara_date_numbers_read_back(d: date) -> None:
    parts = date_in_words(d)
    assert _parse_words(parts.tanggal) == d.day
    assert _parse_words(parts.tahun) == d.year
    assert berita_acara_date(d) == (
        f"Pada hari ini {parts.hari} tanggal {parts.tanggal} bulan {parts.bulan} tahun {parts.tahun}"
    )
