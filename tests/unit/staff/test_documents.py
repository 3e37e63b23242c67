"""Kepegawaian documents (staff.md R10, R21, R30): the surat pemberitahuan KGB, the formulir cuti, the daftar usul
KP, the nominatif (PDF and xlsx), the DUK and the rekap cuti, rendered from plain data (no database)."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from io import BytesIO
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PageObject, PdfReader
from pypdf.generic import ContentStream

from desktop.core.staff.cuti import CutiJenis
from desktop.core.staff.months import MasaKerja
from desktop.printing.data import OfficeHeader, Signer
from desktop.printing.pages import MM
from desktop.printing.register_report import SignatureSpot
from desktop.printing.sample_logo import sample_logo_png
from desktop.printing.staff.cuti_form import (
    MARGINS as FORM_MARGINS,
)
from desktop.printing.staff.cuti_form import (
    CutiDecision,
    CutiForm,
    SisaCutiTahunan,
    build_cuti_form,
    lama_text,
)
from desktop.printing.staff.cuti_rekap import RekapCuti, RekapCutiRow, build_rekap_cuti
from desktop.printing.staff.duk import DukList, DukPegawai, build_duk
from desktop.printing.staff.kgb import (
    KgbNotice,
    KgbPegawai,
    SkTerakhir,
    build_kgb_notice,
    rupiah_text,
    terbilang_text,
)
from desktop.printing.staff.kp import KpUsulan, KpUsulList, build_kp_usul_list
from desktop.printing.staff.nominatif import NominatifList, NominatifPegawai, build_nominatif, chosen_columns
from desktop.printing.staff.table import ListFrame
from desktop.services.staff.documents import nominatif_sheet, write_nominatif_xlsx

PT_PER_MM = 72 / 25.4
F4_PORTRAIT = (215 * PT_PER_MM, 330 * PT_PER_MM)
F4_LANDSCAPE = (330 * PT_PER_MM, 215 * PT_PER_MM)

HEADER = OfficeHeader(
    nama_pemda="Pemerintah Provinsi Kalimantan Timur",
    nama_dinas="Dinas Perindustrian, Perdagangan, Koperasi dan Usaha Kecil Menengah",
    alamat="Jl. Basuki Rahmat No. 55 Samarinda",
    telepon="(0541) 736714",
    kode_pos="75117",
    logo_png=sample_logo_png(),
)
KADIS = Signer(
    jabatan="Kepala Dinas",
    nama="Heni Purwaningsih, S.Si., M.Si.",
    nip="197303141998032009",
    pangkat_golongan="Pembina Utama Muda (IV/c)",
)
FRAME = ListFrame(HEADER, "Samarinda, 5 Januari 2026", (SignatureSpot("", KADIS, "Kepala Dinas"),), "dicetak")


# --- helpers -------------------------------------------------------------------------------------------------


def pages_of(pdf: bytes) -> list[PageObject]:
    return list(PdfReader(BytesIO(pdf)).pages)


def text_of(page: PageObject) -> str:
    return " ".join(page.extract_text().split())


def all_text(pdf: bytes) -> str:
    return " ".join(text_of(page) for page in pages_of(pdf))


def size_of(page: PageObject) -> tuple[float, float]:
    return float(page.mediabox.width), float(page.mediabox.height)


def assert_size(page: PageObject, expected: tuple[float, float]) -> None:
    width, height = size_of(page)
    assert width == pytest.approx(expected[0], abs=0.5)
    assert height == pytest.approx(expected[1], abs=0.5)


def positions_of(page: PageObject) -> dict[str, tuple[float, float]]:
    """Where each drawn string starts on the page (first occurrence; paragraphs are drawn translated)."""
    found: dict[str, tuple[float, float]] = {}

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip() and font is not None:
            x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
            y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
            found.setdefault(text.strip(), (x, y))

    page.extract_text(visitor_text=visit)
    return found


def lowest_text_y(page: PageObject) -> float:
    return min(y for _, y in positions_of(page).values())


def check_marks(page: PageObject) -> list[tuple[float, float]]:
    """The centre of every drawn ✓ (a stroked path of exactly three points)."""
    marks: list[tuple[float, float]] = []
    current: list[tuple[float, float]] = []
    for operands, operator in ContentStream(page.get_contents(), page.pdf).operations:
        if operator in (b"m", b"l"):
            current.append((float(operands[0]), float(operands[1])))
        elif operator in (b"S", b"s", b"f", b"B", b"n"):
            if len(current) == 3:
                xs = [p[0] for p in current]
                ys = [p[1] for p in current]
                marks.append(((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2))
            current = []
    return marks


# --- surat pemberitahuan KGB ---------------------------------------------------------------------------------


def kgb_notice(**changes: object) -> KgbNotice:
    """The staff.md B4 worked example: III/d, MKG 22 → 24, Rp 4.436.700 → Rp 4.576.400, TMT 1 Maret 2027."""
    notice = KgbNotice(
        header=HEADER,
        signer=KADIS,
        nomor="800.1.11.13/0123/SEK.UM/2027",
        tanggal=date(2027, 1, 4),
        tempat="Samarinda",
        kepada=("Kepala Badan Pengelolaan Keuangan dan Aset Daerah Provinsi Kalimantan Timur",),
        di="Samarinda",
        pegawai=KgbPegawai(
            nama="Siti Rahmawati, S.E.",
            nip="197303141998032009",
            tempat_lahir="Balikpapan",
            tanggal_lahir=date(1973, 3, 14),
            pangkat="Penata Tingkat I",
            golongan_ruang="III/d",
            jabatan="Analis Sumber Daya Manusia Aparatur Ahli Muda",
            unit_kerja="Sekretariat Dinas Perindustrian, Perdagangan, Koperasi dan UKM",
        ),
        sk_terakhir=SkTerakhir(
            pejabat="Kepala Dinas Perindustrian, Perdagangan, Koperasi dan UKM Provinsi Kalimantan Timur",
            nomor="800.1.11.13/0456/SEK.UM/2025",
            tanggal=date(2025, 1, 6),
            tmt=date(2025, 3, 1),
            mkg=MasaKerja(22, 0),
            gaji_pokok=4_436_700,
        ),
        gaji_pokok_baru=4_576_400,
        mkg_baru=MasaKerja(24, 0),
        golongan_ruang_baru="III/d",
        tmt=date(2027, 3, 1),
        kgb_berikutnya=date(2029, 3, 1),
        tembusan=(
            "Yth. Kepala Badan Kepegawaian Daerah Provinsi Kalimantan Timur",
            "Pegawai yang bersangkutan",
        ),
    )
    return dataclasses.replace(notice, **changes)  # type: ignore[arg-type]


def test_rupiah_and_terbilang_as_written_in_kgb_letters() -> None:
    assert rupiah_text(3_456_700) == "Rp 3.456.700"
    assert terbilang_text(4_576_400) == "(Empat juta lima ratus tujuh puluh enam ribu empat ratus rupiah)"


def test_kgb_notice_is_one_f4_page_with_old_and_new_pay_mkg_tmt_and_basis() -> None:
    pages = pages_of(build_kgb_notice(kgb_notice()))
    assert len(pages) == 1
    assert_size(pages[0], F4_PORTRAIT)
    text = text_of(pages[0])
    for expected in (
        "PEMERINTAH PROVINSI KALIMANTAN TIMUR",
        "Samarinda, 4 Januari 2027",
        "800.1.11.13/0123/SEK.UM/2027",
        "Pemberitahuan Kenaikan Gaji Berkala",
        "Siti Rahmawati, S.E.",
        "Balikpapan, 14 Maret 1973",
        "19730314 199803 2 009",
        "Penata Tingkat I (III/d)",
        "Rp 4.436.700",
        "(Empat juta empat ratus tiga puluh enam ribu tujuh ratus rupiah)",
        "800.1.11.13/0456/SEK.UM/2025",
        "1 Maret 2025",
        "22 tahun 0 bulan",
        "Rp 4.576.400",
        "(Empat juta lima ratus tujuh puluh enam ribu empat ratus rupiah)",
        "24 tahun 0 bulan",
        "1 Maret 2027",
        "1 Maret 2029",
        "Peraturan Pemerintah Nomor 5 Tahun 2024",
        "Heni Purwaningsih, S.Si., M.Si.",
        "Tembusan:",
        "2. Pegawai yang bersangkutan.",
    ):
        assert expected in text, expected


def test_kgb_notice_keeps_a_very_long_letter_on_one_page_inside_the_margins() -> None:
    long_unit = "Unit Pelaksana Teknis Daerah Balai Pengujian dan Sertifikasi Mutu Barang " * 3
    notice = kgb_notice(
        kepada=(
            "Kepala Badan Pengelolaan Keuangan dan Aset Daerah Provinsi Kalimantan Timur",
            "Bendahara Gaji",
        ),
        pegawai=dataclasses.replace(kgb_notice().pegawai, unit_kerja=long_unit, jabatan=long_unit),
        tembusan=tuple(f"Yth. Tembusan nomor {n} di Samarinda" for n in range(1, 9)),
    )
    pages = pages_of(build_kgb_notice(notice))
    assert len(pages) == 1
    assert lowest_text_y(pages[0]) > 10 * MM
    assert "8. Yth. Tembusan nomor 8 di Samarinda." in text_of(pages[0])


def test_kgb_notice_too_long_for_one_page_runs_the_tembusan_onto_a_second_page() -> None:
    notice = kgb_notice(tembusan=tuple(f"Yth. Tembusan nomor {n} di Samarinda" for n in range(1, 31)))
    first, second = pages_of(build_kgb_notice(notice))
    assert "Heni Purwaningsih, S.Si., M.Si." in text_of(first)
    assert "Tembusan: 1. Yth. Tembusan nomor 1" in text_of(second)
    assert "30. Yth. Tembusan nomor 30 di Samarinda." in text_of(second)
    assert min(lowest_text_y(first), lowest_text_y(second)) > 10 * MM


# --- formulir cuti --------------------------------------------------------------------------------------------


def cuti_form(**changes: object) -> CutiForm:
    form = CutiForm(
        nama="Siti Rahmawati, S.E.",
        nip="197303141998032009",
        jabatan="Analis Sumber Daya Manusia Aparatur Ahli Muda",
        masa_kerja="27 tahun 11 bulan",
        unit_kerja="Sub Bagian Umum dan Kepegawaian",
        jenis=CutiJenis.TAHUNAN,
        alasan="Keperluan keluarga di luar kota.",
        lama=lama_text(5, "hari kerja"),
        mulai=date(2026, 3, 16),
        selesai=date(2026, 3, 27),
        alamat="Jl. Pahlawan No. 12, Samarinda",
        tempat="Samarinda",
        kepada=("Kepala Dinas Perindustrian, Perdagangan, Koperasi dan UKM Provinsi Kalimantan Timur",),
        tanggal=date(2026, 3, 9),
        telepon="0812 5555 1234",
        sisa_tahunan=(SisaCutiTahunan(2024, 0), SisaCutiTahunan(2025, 4), SisaCutiTahunan(2026, 16)),
        atasan=CutiDecision(
            Signer(jabatan="Kepala Sub Bagian Umum", nama="Ahmad Fauzi, S.Sos.", nip="198001012005011003"),
            "Disetujui",
        ),
        pejabat=CutiDecision(
            Signer(
                jabatan="Sekretaris",
                nama="Drs. Muhammad Rizal",
                nip="197005051995031002",
                atas_nama="Kepala Dinas",
            ),
            "Perubahan",
            "Diubah menjadi 17 s.d. 27 Maret 2026.",
        ),
    )
    return dataclasses.replace(form, **changes)  # type: ignore[arg-type]


def test_cuti_form_has_the_eight_sections_of_the_bkn_form_on_one_f4_page() -> None:
    pages = pages_of(build_cuti_form(cuti_form()))
    assert len(pages) == 1
    assert_size(pages[0], F4_PORTRAIT)
    text = text_of(pages[0])
    for expected in (
        "FORMULIR PERMINTAAN DAN PEMBERIAN CUTI",
        "I. DATA PEGAWAI",
        "II. JENIS CUTI YANG DIAMBIL**",
        "III. ALASAN CUTI",
        "IV. LAMANYA CUTI",
        "V. CATATAN CUTI***",
        "VI. ALAMAT SELAMA MENJALANKAN CUTI",
        "VII. PERTIMBANGAN ATASAN LANGSUNG**",
        "VIII. KEPUTUSAN PEJABAT YANG BERWENANG MEMBERIKAN CUTI**",
        "1. Cuti Tahunan",
        "6. Cuti di Luar Tanggungan Negara",
        "5 (lima) hari kerja",
        "16 Maret 2026",
        "27 Maret 2026",
        "N-2 (2024)",
        "N-1 (2025)",
        "N (2026)",
        "19730314 199803 2 009",
        "Hormat saya,",
        "a.n. Kepala Dinas,",
        "Diubah menjadi 17 s.d. 27 Maret 2026.",
        "N-2 : Sisa cuti 2 tahun sebelumnya",
    ):
        assert expected in text, expected


def test_cuti_form_ticks_the_chosen_jenis_and_each_decision_in_its_own_box() -> None:
    page = pages_of(build_cuti_form(cuti_form(jenis=CutiJenis.MELAHIRKAN)))[0]
    box = FORM_MARGINS.content_box(cuti_form().paper)
    where = positions_of(page)
    marks = check_marks(page)
    assert len(marks) == 3

    def column_of(x: float) -> float:
        return (x - box.left) / box.width

    # "4. Cuti Melahirkan" is the right-hand box of the second row of section II.
    jenis = next(m for m in marks if abs(m[1] - where["4. Cuti Melahirkan"][1]) < 5 * MM)
    assert 0.9 < column_of(jenis[0]) < 1.0
    decision_marks = sorted((m for m in marks if m is not jenis), key=lambda m: -m[1])
    assert 0.0 < column_of(decision_marks[0][0]) < 0.25  # VII: Disetujui
    assert 0.25 < column_of(decision_marks[1][0]) < 0.5  # VIII: Perubahan


def test_cuti_form_without_decisions_ticks_only_the_jenis_and_leaves_blank_signatures() -> None:
    page = pages_of(build_cuti_form(cuti_form(atasan=CutiDecision(), pejabat=CutiDecision(), tanggal=None)))[
        0
    ]
    assert len(check_marks(page)) == 1
    text = text_of(page)
    assert "Atasan Langsung," in text and "Pejabat yang Berwenang," in text
    assert "Samarinda, ......" in text


def test_cuti_form_with_long_entries_still_fits_one_page() -> None:
    long = "Keperluan keluarga yang mendesak di kampung halaman karena orang tua sakit keras. " * 4
    pages = pages_of(build_cuti_form(cuti_form(alasan=long, alamat=long, unit_kerja=long)))
    assert len(pages) == 1
    assert lowest_text_y(pages[0]) > 8 * MM


# --- lists ----------------------------------------------------------------------------------------------------


def pegawai(index: int) -> NominatifPegawai:
    return NominatifPegawai(
        nama=f"Pegawai Nomor {index:03d}",
        nip=f"1980010{index % 9 + 1}2005011{index:03d}",
        tempat_lahir="Samarinda",
        tanggal_lahir=date(1980, 1, index % 9 + 1),
        jenis_kelamin="L",
        pangkat="Penata",
        golongan_ruang="III/c",
        tmt_golongan=date(2022, 10, 1),
        masa_kerja_golongan=MasaKerja(16, index % 12),
        jabatan="Analis Kebijakan Ahli Muda",
        tmt_jabatan=date(2021, 1, 4),
        unit_kerja="Bidang Perdagangan",
        pendidikan="S-1",
        tahun_lulus=2003,
    )


def test_kp_usul_list_is_f4_landscape_with_pangkat_lama_and_baru_tmt_and_jenis() -> None:
    usulan = [
        KpUsulan(
            nama="Nur Aisyah, A.Md.",
            nip="199001012015032001",
            pangkat_lama="Pengatur Tingkat I",
            golongan_lama="II/d",
            tmt_lama=date(2022, 10, 1),
            pangkat_baru="Penata Muda",
            golongan_baru="III/a",
            tmt_baru=date(2026, 10, 1),
            jenis_kp="KP reguler",
            mkg=MasaKerja(11, 6),
            jabatan="Pengelola Layanan Operasional",
            pendidikan="D-III",
        )
    ]
    pdf = build_kp_usul_list(KpUsulList(FRAME, date(2026, 10, 1), usulan, lampiran="Lampiran Surat Nomor 1"))
    pages = pages_of(pdf)
    assert len(pages) == 1
    assert_size(pages[0], F4_LANDSCAPE)
    text = all_text(pdf)
    for expected in (
        "DAFTAR USUL KENAIKAN PANGKAT PEGAWAI NEGERI SIPIL",
        "PERIODE 1 OKTOBER 2026",
        "Lampiran Surat Nomor 1",
        "Pangkat Lama",
        "Pangkat Baru",
        "Nur Aisyah, A.Md.",
        "19900101 201503 2 001",
        "Pengatur Tingkat I",
        "II/d",
        "01-10-2022",
        "III/a",
        "01-10-2026",
        "KP reguler",
        "Heni Purwaningsih, S.Si., M.Si.",
    ):
        assert expected in text, expected


def test_empty_kp_period_says_so() -> None:
    text = all_text(build_kp_usul_list(KpUsulList(FRAME, date(2026, 11, 1), [])))
    assert "Tidak ada usul kenaikan pangkat pada periode ini." in text


def test_nominatif_prints_only_the_chosen_columns_on_f4_landscape_and_repeats_the_header() -> None:
    nominatif = NominatifList(
        FRAME,
        [pegawai(i) for i in range(60)],
        date(2026, 1, 1),
        columns=("nama_nip", "golongan_ruang", "tmt_golongan", "mkg_tahun", "mkg_bulan", "jabatan", "usia"),
    )
    pages = pages_of(build_nominatif(nominatif))
    assert len(pages) >= 2
    for page in pages:
        assert_size(page, F4_LANDSCAPE)
        text = text_of(page)
        assert "Nama / NIP" in text and "Masa Kerja Gol." in text and "Usia (thn)" in text
        assert f"dari {len(pages)}" in text
    text = " ".join(text_of(p) for p in pages)
    assert "DAFTAR NOMINATIF PEGAWAI" in text and "KEADAAN PER 1 JANUARI 2026" in text
    assert "Pegawai Nomor 000" in text and "Pegawai Nomor 059" in text
    assert "19800101 200501 1 000" in text
    assert "01-10-2022" in text
    assert "Tempat, Tanggal Lahir" not in text and "Unit Kerja" not in text
    assert "Heni Purwaningsih, S.Si., M.Si." in text_of(pages[-1])


def test_nominatif_refuses_unknown_repeated_or_no_columns() -> None:
    with pytest.raises(ValueError, match="tidak dikenal: gaji"):
        chosen_columns(["nama", "gaji"])
    with pytest.raises(ValueError, match="lebih dari sekali"):
        chosen_columns(["nama", "nama"])
    with pytest.raises(ValueError, match="sedikitnya satu kolom"):
        chosen_columns([])


def test_nominatif_workbook_has_the_chosen_columns_with_nip_as_text_and_real_dates(tmp_path: Path) -> None:
    nominatif = NominatifList(
        FRAME,
        [pegawai(1), pegawai(2)],
        date(2026, 1, 1),
        columns=("nama_nip", "tempat_tanggal_lahir", "golongan_ruang", "tmt_golongan", "mkg_tahun", "usia"),
    )
    path = tmp_path / "nominatif.xlsx"
    assert write_nominatif_xlsx(nominatif, path) == 2
    sheet = load_workbook(path).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == (
        "No",
        "Nama",
        "NIP",
        "Tempat Lahir",
        "Tanggal Lahir",
        "Gol. Ruang",
        "TMT Golongan",
        "MKG Tahun",
        "Usia (thn)",
    )
    first = rows[1]
    assert first[:4] == (1, "Pegawai Nomor 001", "198001022005011001", "Samarinda")
    assert isinstance(first[4], datetime) and first[4].date() == date(1980, 1, 2)
    assert first[5:] == ("III/c", datetime(2022, 10, 1), 16, 45)
    assert sheet["C2"].number_format == "@"
    assert sheet.freeze_panes == "A2"
    assert nominatif_sheet(nominatif)[0] == list(rows[0])


def duk_pegawai(nama: str, **changes: object) -> DukPegawai:
    base = DukPegawai(
        nama=nama,
        nip="198001012005011001",
        golongan_ruang="III/c",
        tmt_golongan=date(2022, 4, 1),
        masa_kerja=MasaKerja(20, 0),
        pendidikan_tingkat="S-1",
        tanggal_lahir=date(1980, 1, 1),
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def test_duk_lists_pns_in_duk_order_with_its_column_groups() -> None:
    given = [
        duk_pegawai("Delta Lebih Muda", tanggal_lahir=date(1985, 1, 1)),
        duk_pegawai("Alfa Pembina", golongan_ruang="IV/a", tmt_golongan=date(2024, 4, 1)),
        duk_pegawai("Echo TMT Lama", tmt_golongan=date(2020, 4, 1)),
        duk_pegawai("Charlie Kasubbag", eselon="IV.a", tmt_jabatan=date(2023, 1, 2)),
        duk_pegawai("Bravo Kabid", eselon="III.a", tmt_jabatan=date(2024, 1, 2)),
        duk_pegawai("Foxtrot Lebih Tua", tanggal_lahir=date(1975, 1, 1)),
    ]
    pdf = build_duk(DukList(FRAME, date(2026, 1, 1), given))
    page = pages_of(pdf)[0]
    assert_size(page, F4_LANDSCAPE)
    text = all_text(pdf)
    for heading in (
        "DAFTAR URUT KEPANGKATAN PEGAWAI NEGERI SIPIL",
        "KEADAAN PER 1 JANUARI 2026",
        "Latihan Jabatan",
    ):
        assert heading in text
    order = ["Alfa Pembina", "Echo TMT Lama", "Bravo Kabid", "Charlie Kasubbag", "Foxtrot Lebih Tua", "Delta"]
    positions = [text.index(name) for name in order]
    assert positions == sorted(positions)
    assert "1 Alfa Pembina" in text and "6 Delta Lebih Muda" in text
    assert "51 thn" in text  # Foxtrot's age on 1 January 2026


def test_rekap_cuti_counts_days_per_jenis_and_the_sisa_tahunan() -> None:
    rows = [
        RekapCutiRow(
            "Siti Rahmawati, S.E.",
            "197303141998032009",
            "Sub Bagian Umum",
            hak_tahunan=16,
            diambil={CutiJenis.TAHUNAN: 5, CutiJenis.SAKIT: 3},
        ),
        RekapCutiRow("Nur Aisyah, A.Md.", "199001012015032001", "Bidang Perdagangan", 12, {}),
    ]
    assert rows[0].sisa_tahunan == 11
    pdf = build_rekap_cuti(RekapCuti(FRAME, 2026, rows))
    page = pages_of(pdf)[0]
    assert_size(page, F4_LANDSCAPE)
    text = text_of(page)
    assert "REKAPITULASI CUTI PEGAWAI" in text and "TAHUN 2026" in text
    assert "Cuti Tahunan (hari kerja)" in text and "Jenis Cuti Lain (hari)" in text
    assert "Siti Rahmawati, S.E. 19730314 199803 2 009 Sub Bagian Umum 16 5 11 - 3 - - -" in text
    assert "Nur Aisyah, A.Md. 19900101 201503 2 001 Bidang Perdagangan 12 - 12 - - - - -" in text
