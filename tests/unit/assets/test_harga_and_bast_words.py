"""Harga as import files write it (issue 15 item 11) and the BAST date line in words (assets.md R16)."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.core.money import parse_rupiah
from desktop.core.terbilang import berita_acara_date, terbilang_rupiah


@pytest.mark.parametrize(
    "text",
    ["15.000.000", "15000000", "Rp 15.000.000,00", "Rp15.000.000,00", " Rp. 15.000.000 ", "15.000.000,-"],
)
def test_harga_forms_of_the_import_contract_read_as_whole_rupiah(text: str) -> None:
    assert parse_rupiah(text) == 15_000_000


@pytest.mark.parametrize("text", ["15.000.000,50", "Rp 15.000.000,5"])
def test_harga_with_sen_is_refused_clearly(text: str) -> None:
    with pytest.raises(ValueError, match="tidak boleh mengandung sen"):
        parse_rupiah(text)


@pytest.mark.parametrize("text", ["15,000,000", "15.00.000", "lima juta", ""])
def test_harga_in_other_notations_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match=r"[Nn]ominal rupiah"):
        parse_rupiah(text)


def test_worked_example_bast_date_line() -> None:
    assert berita_acara_date(date(2026, 3, 2)) == (
        "Pada hari ini Senin tanggal dua bulan Maret tahun dua ribu dua puluh enam"
    )


def test_bast_total_in_words() -> None:
    assert terbilang_rupiah(7_500_000) == "tujuh juta lima ratus ribu rupiah"
