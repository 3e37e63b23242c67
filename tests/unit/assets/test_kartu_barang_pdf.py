"""The printed Kartu Barang (assets.md R30): identity, photo, the whole history over pages, on A4 portrait."""

from __future__ import annotations

from datetime import date
from io import BytesIO

from PIL import Image
from pypdf import PdfReader

from desktop.printing.assets.kartu_barang import (
    KartuBarangData,
    KartuBarangItem,
    MutasiLine,
    build_kartu_barang,
)
from desktop.printing.data import OfficeHeader, Signer
from desktop.printing.pages import MM

HEADER = OfficeHeader("Pemerintah Provinsi Kalimantan Timur", "Dinas Perindustrian", "Jl. Kesuma Bangsa 1")
ITEM = KartuBarangItem(
    "1.3.2.10.01.02.002",
    "000001",
    "Laptop",
    nibar="110134020100100124000001",
    merk_tipe="Lenovo ThinkPad E14",
    tahun="2024",
    harga=15_000_000,
    kondisi="Rusak Ringan",
    ruang="Ruang Kepala Bidang",
    pemegang="Andi Pratama, S.Kom.",
    intra_ekstra="Intrakomptabel",
)
HISTORY = (
    MutasiLine(
        date(2024, 3, 1), "Perolehan", "BAST 027/PPK/2024", "Pembelian CV Maju Jaya", 15_000_000, "Siti"
    ),
    MutasiLine(
        date(2024, 6, 3), "Pindah ruang", "BAST 031/2024", "R. Subbag Umum → R. Kepala Bidang", None, "Siti"
    ),
    MutasiLine(date(2025, 2, 10), "Kondisi", "", "Baik → Rusak Ringan", None, "Budi"),
)


def card(history: tuple[MutasiLine, ...] = HISTORY, **kw: object) -> KartuBarangData:
    values: dict[str, object] = {
        "header": HEADER,
        "item": ITEM,
        "history": history,
        "place": "Samarinda",
        "tanggal": date(2026, 1, 5),
        "pengurus": Signer("Pengurus Barang", "Siti Rahmawati, S.E.", "198803152010012004"),
    }
    values.update(kw)
    return KartuBarangData(**values)  # type: ignore[arg-type]


def pages_text(pdf: bytes) -> list[str]:
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(BytesIO(pdf)).pages]


def photo(kind: str) -> bytes:
    buffer = BytesIO()
    Image.new("RGB", (320, 200), (90, 140, 200)).save(buffer, kind)
    return buffer.getvalue()


def test_identity_and_history_on_a4_portrait() -> None:
    pdf = build_kartu_barang(card())
    text = " ".join(pages_text(pdf))
    for value in (
        "KARTU BARANG",
        "1.3.2.10.01.02.002 / 000001",
        "110134020100100124000001",
        "Lenovo ThinkPad E14",
        "Rp 15.000.000",
        "Rusak Ringan",
        "Ruang Kepala Bidang",
        "Andi Pratama, S.Kom.",
        "Intrakomptabel",
    ):
        assert value in text, value
    for title in (
        "Tanggal",
        "Jenis Mutasi",
        "Dokumen",
        "Uraian (sebelum → sesudah)",
        "Nilai (Rp)",
        "Petugas",
    ):
        assert title in text, title
    assert "01-03-2024 Perolehan BAST 027/PPK/2024 Pembelian CV Maju Jaya 15.000.000 Siti" in text
    assert "R. Subbag Umum → R. Kepala Bidang" in text and "Baik → Rusak Ringan" in text
    assert "Samarinda, 5 Januari 2026" in text and "Siti Rahmawati, S.E." in text
    page = PdfReader(BytesIO(pdf)).pages[0]
    assert abs(float(page.mediabox.width) / MM - 210) <= 0.5
    assert abs(float(page.mediabox.height) / MM - 297) <= 0.5


def test_a_long_history_flows_over_pages_with_its_header() -> None:
    history = tuple(
        MutasiLine(
            date(2024, 1, 1 + i % 28), "Pemeliharaan", f"SPK {i:03d}", f"Servis ke-{i}", 250_000, "Budi"
        )
        for i in range(1, 121)
    )
    pages = pages_text(build_kartu_barang(card(history)))
    assert len(pages) >= 3
    for number, text in enumerate(pages, start=1):
        assert "Jenis Mutasi" in text and f"Halaman {number} dari {len(pages)}" in text
    joined = " ".join(pages)
    assert all(f"Servis ke-{i} " in joined for i in range(1, 121))
    assert "Siti Rahmawati, S.E." in pages[-1]


def test_the_photo_is_placed_and_a_broken_one_does_not_stop_the_card() -> None:
    for kind in ("PNG", "JPEG"):
        reader = PdfReader(BytesIO(build_kartu_barang(card(photo=photo(kind)))))
        assert len(reader.pages[0].images) == 1, kind
    text = pages_text(build_kartu_barang(card(photo=b"bukan gambar")))[0]
    assert "Foto tidak dapat dibaca" in text and "Lenovo ThinkPad E14" in text


def test_an_item_without_history_says_so() -> None:
    text = pages_text(build_kartu_barang(card(())))[0]
    assert "Belum ada riwayat mutasi." in text
