"""Realistic sample data for every module that exists, for demos, screenshots and benchmarks."""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from desktop.core import clock
from desktop.core.calendar import WorkingCalendar
from desktop.core.dates import BULAN, format_date, office_tz, to_roman
from desktop.core.letters.rules import CaraTerima, Keamanan, Urgensi
from desktop.demo import sample_staff
from desktop.demo.sample_assets import ASSETS_PER_400_LETTERS, AssetTally, fill_assets
from desktop.demo.sample_guests import SKM_PER_MONTH, VISITS_PER_MONTH, GuestTally, fill_guests
from desktop.printing.sample_logo import sample_logo_png
from desktop.services.common import auth, calendar, demo_mark, office
from desktop.services.common.permissions import SYSTEM, Actor, Role
from desktop.services.letters import dispositions, incoming, outgoing
from desktop.services.letters.dispositions import HopInput, LetterChain, RecipientInput, RecipientStatus
from desktop.services.staff import records as staff
from desktop.services.staff import schedule
from desktop.services.staff.schedule import JenisJadwal, StatusJadwal
from desktop.services.system import AppContext

PROFILE = office.OfficeProfileData(
    nama_pemda="Pemerintah Provinsi Kalimantan Timur",
    nama_dinas="Dinas Perindustrian, Perdagangan, Koperasi dan Usaha Kecil Menengah",
    alamat="Jl. Basuki Rahmat No. 55",
    kota="Samarinda",
    kode_pos="75117",
    telepon="(0541) 743921",
    email="sekretariat@disperindagkop.kaltimprov.go.id",
    laman="disperindagkop.kaltimprov.go.id",
    kode_unit="DP2KUKM",
    zona_waktu="WITA",
    kertas_bawaan="F4",
)

SIGNATORIES = [
    office.SignatoryData(
        nama="Dr. Ir. Hj. Fulanah Rahmawati, M.Si.",
        jabatan="Kepala Dinas",
        nip="197303141998032009",
        pangkat_golongan="Pembina Utama Muda (IV/c)",
    ),
    office.SignatoryData(
        nama="Ahmad Fauzi, S.E., M.M.",
        jabatan="Sekretaris",
        nip="197605122002121003",
        pangkat_golongan="Pembina Tingkat I (IV/b)",
    ),
    office.SignatoryData(
        nama="Rina Kartika, S.Sos.",
        jabatan="Kepala Sub Bagian Umum",
        nip="198208172009022004",
        pangkat_golongan="Penata Tingkat I (III/d)",
    ),
]

UNITS = [
    ("Sekretariat", "sekretariat", "SEK", "Sekretaris", 1),
    ("Sub Bagian Umum", "subbag", "UM", "Kepala Sub Bagian Umum", 2),
    ("Sub Bagian Perencanaan dan Keuangan", "subbag", "PK", "Kepala Sub Bagian Perencanaan dan Keuangan", 3),
    ("Bidang Perindustrian", "bidang", "IND", "Kepala Bidang Perindustrian", 4),
    ("Bidang Perdagangan Dalam Negeri", "bidang", "PDN", "Kepala Bidang Perdagangan Dalam Negeri", 5),
    ("Bidang Koperasi dan UKM", "bidang", "KUKM", "Kepala Bidang Koperasi dan UKM", 6),
    (
        "UPTD Balai Pengujian dan Sertifikasi Mutu Barang",
        "uptd",
        "BPSMB",
        "Kepala UPTD Balai Pengujian dan Sertifikasi Mutu Barang",
        7,
    ),
]

USERS = [
    ("admin", "Administrator Sistem", Role.ADMIN),
    ("surat", "Siti Nurhaliza", Role.PENGELOLA_SURAT),
    ("tamu", "Budi Santoso", Role.PETUGAS_TAMU),
    ("barang", "Yohanes Lado", Role.PENGURUS_BARANG),
    ("pegawai", "Dewi Lestari", Role.PENGELOLA_KEPEGAWAIAN),
    ("kadis", "Dr. Ir. Hj. Fulanah Rahmawati, M.Si.", Role.PIMPINAN),
]


def _fill_office(session: Session, actor: Actor) -> None:
    office.save_profile(
        session, actor, office.OfficeProfileData(**{**PROFILE.__dict__, "logo_png": sample_logo_png()})
    )
    parent_id: int | None = None
    for nama, jenis, singkatan, jabatan, urutan in UNITS:
        unit = office.save_unit(
            session,
            actor,
            office.UnitData(
                nama=nama,
                jenis=jenis,
                singkatan=singkatan,
                kepala_jabatan=jabatan,
                urutan=urutan,
                parent_id=parent_id if jenis == "subbag" else None,
            ),
        )
        if jenis == "sekretariat":
            parent_id = unit.id
    saved = [office.save_signatory(session, actor, s) for s in SIGNATORIES]
    kadis, sekretaris, kasubbag = (s.id for s in saved)
    assert kadis is not None and sekretaris is not None and kasubbag is not None
    office.assign_signer(session, actor, "cetak_uji", kasubbag)
    office.assign_signer(session, actor, "lembar_disposisi", kadis)
    office.assign_signer(session, actor, "surat_keluar", kadis)
    office.assign_signer(session, actor, "bast", sekretaris, atas_nama="Kepala Dinas")
    office.assign_signer(session, actor, "kib_kir", kasubbag)
    office.assign_signer(session, actor, "kepegawaian", sekretaris, atas_nama="Kepala Dinas")


SENDERS = [
    "Kementerian Perdagangan Republik Indonesia",
    "Kementerian Perindustrian Republik Indonesia",
    "Kementerian Koperasi dan UKM Republik Indonesia",
    "Sekretariat Daerah Provinsi Kalimantan Timur",
    "Badan Pengelolaan Keuangan dan Aset Daerah Provinsi Kalimantan Timur",
    "Badan Kepegawaian Daerah Provinsi Kalimantan Timur",
    "Inspektorat Daerah Provinsi Kalimantan Timur",
    "Bank Indonesia Perwakilan Provinsi Kalimantan Timur",
    "Kantor Wilayah Direktorat Jenderal Pajak Kalimantan Timur dan Utara",
    "Dinas Kesehatan Provinsi Kalimantan Timur",
    "Dinas Perindustrian dan Perdagangan Kota Samarinda",
    "Dinas Koperasi dan UKM Kabupaten Kutai Kartanegara",
    "Badan Pusat Statistik Provinsi Kalimantan Timur",
    "PT Pupuk Kalimantan Timur",
    "Koperasi Konsumen Sejahtera Bersama Samarinda",
    "Kamar Dagang dan Industri Provinsi Kalimantan Timur",
    "Universitas Mulawarman",
    "Ombudsman Republik Indonesia Perwakilan Kalimantan Timur",
]
SUBJECTS = [
    ("Undangan Rapat Koordinasi Pengendalian Inflasi Daerah", "000.1.5"),
    ("Undangan Rapat Pimpinan Bulanan", "000.1.5"),
    ("Permohonan Data Jumlah Koperasi Aktif Tahun {tahun}", "500.3"),
    ("Permohonan Narasumber Pelatihan Kewirausahaan UMKM", "500.3"),
    ("Penyampaian Laporan Realisasi Anggaran Triwulan", "900.1"),
    ("Surat Tugas Monitoring Harga Bahan Pokok di Pasar Segiri", "800.1.11.1"),
    ("Usul Kenaikan Gaji Berkala Pegawai", "800.1.11.13"),
    ("Usul Kenaikan Pangkat Periode {bulan}", "800.1.3.2"),
    ("Pemberitahuan Jadwal Pemeriksaan Reguler Inspektorat", "700.1"),
    ("Permohonan Izin Penelitian Mahasiswa", "000.9"),
    ("Penyampaian Standar Operasional Prosedur Layanan", "000.8.3.3"),
    ("Distribusi Barang Milik Daerah ke UPTD", "000.2.3.2"),
    ("Permohonan Fasilitasi Pameran Produk Unggulan Daerah", "500.2"),
    ("Laporan Hasil Pengawasan Barang Beredar", "500.2"),
    ("Permohonan Cuti Tahunan Pegawai", "800.1.11.4"),
]


# --- people and routes of the disposition chains ------------------------------------------------------------

# Below the unit heads (who come from the units and signatories, as the disposition dialog offers them): the
# Kasi of each Bidang/UPTD and the staff who do the work, by unit singkatan. (nama, jabatan, NIP)
KASI: dict[str, tuple[tuple[str, str, str], ...]] = {
    "IND": (
        ("Hendra Wijaya, S.T.", "Kepala Seksi Industri Agro, Kimia dan Hasil Hutan", "198003152005011008"),
        (
            "Maria Ulfa, S.T., M.T.",
            "Kepala Seksi Industri Logam, Mesin dan Elektronika",
            "198307222008012011",
        ),
    ),
    "PDN": (
        ("Agus Salim, S.E.", "Kepala Seksi Distribusi dan Stabilisasi Harga", "197911102006041004"),
        ("Nurul Hidayah, S.H.", "Kepala Seksi Perlindungan Konsumen dan Tertib Niaga", "198505052010012019"),
    ),
    "KUKM": (
        (
            "Yusuf Ramadhan, S.E., M.Si.",
            "Kepala Seksi Kelembagaan dan Pengawasan Koperasi",
            "197808082003121005",
        ),
        ("Sri Wahyuni, S.Sos.", "Kepala Seksi Pemberdayaan Usaha Mikro", "198112122006042013"),
    ),
    "BPSMB": (
        ("Ir. Bambang Sutrisno", "Kepala Sub Bagian Tata Usaha UPTD", "197504171999031003"),
        ("Lina Marlina, S.Si.", "Kepala Seksi Pengujian dan Sertifikasi Mutu", "198609302011012007"),
    ),
}
STAF: dict[str, tuple[tuple[str, str, str], ...]] = {
    "UM": (
        ("Dewi Lestari", "Analis Kepegawaian", "199003032015032004"),
        ("Yohanes Lado", "Pengurus Barang", "198701142010011002"),
        ("Siti Nurhaliza", "Pengelola Surat", "199205202019032012"),
    ),
    "PK": (
        ("Fitriani, S.E.", "Analis Keuangan", "198904042014022006"),
        ("Rizky Pratama, S.E.", "Perencana Ahli Pertama", "199307072020121003"),
    ),
    "IND": (
        ("Andi Saputra, S.T.", "Pembina Industri Ahli Muda", "198810092012121002"),
        ("Rahmat Hidayat", "Pengelola Data Industri", "199106262014021001"),
    ),
    "PDN": (
        ("Andi Pratama, S.E.", "Analis Perdagangan", "199104122019031007"),
        ("Wulan Sari, S.E.", "Pengawas Perdagangan Ahli Pertama", "199409182020122009"),
    ),
    "KUKM": (
        ("Muhammad Iqbal, S.E.", "Pengawas Koperasi Ahli Pertama", "199201302019031005"),
        ("Ratna Dewi, S.Sos.", "Penyuluh Koperasi", "198607112011012010"),
    ),
    "BPSMB": (
        ("Fajar Nugroho, S.Si.", "Penguji Mutu Barang Ahli Pertama", "199002252015031002"),
        ("Indah Permatasari, A.Md.", "Analis Laboratorium", "199511052020122004"),
    ),
}


@dataclass(frozen=True)
class _Route:
    """How the office handles one kind of incoming letter: to whom the Kepala Dinas disposes it, with which
    ticks and note, what the follow-up reports, and the reply letter when one is sent."""

    units: tuple[str, ...]  # unit singkatan; a letter goes to one of them, sometimes to all
    instruksi: tuple[str, ...]
    catatan: str
    hasil: str
    subbag: str = "UM"  # below the Sekretaris: the Sub Bagian doing the work
    balasan: str = ""  # perihal of the reply letter
    kode_balasan: str = ""
    senders: tuple[str, ...] = ()  # who writes such letters (SENDERS when empty)


_SETDA = "Sekretariat Daerah Provinsi Kalimantan Timur"
_BPKAD = "Badan Pengelolaan Keuangan dan Aset Daerah Provinsi Kalimantan Timur"
_BKD = "Badan Kepegawaian Daerah Provinsi Kalimantan Timur"
_UNMUL = "Universitas Mulawarman"

ROUTES: dict[str, _Route] = {
    "Undangan Rapat Koordinasi Pengendalian Inflasi Daerah": _Route(
        ("PDN",),
        ("Wakili/hadiri",),
        "Hadiri dan laporkan hasilnya.",
        "Rapat telah dihadiri; laporan hasil rapat disampaikan kepada Kepala Dinas.",
        senders=(
            _SETDA,
            "Bank Indonesia Perwakilan Provinsi Kalimantan Timur",
            "Badan Pusat Statistik Provinsi Kalimantan Timur",
        ),
    ),
    "Undangan Rapat Pimpinan Bulanan": _Route(
        ("SEK",),
        ("Jadwalkan/agendakan", "Wakili/hadiri"),
        "Siapkan bahan paparan capaian kinerja.",
        "Bahan paparan disiapkan dan rapat telah dihadiri; notula diarsipkan.",
        senders=(_SETDA,),
    ),
    "Permohonan Data Jumlah Koperasi Aktif Tahun {tahun}": _Route(
        ("KUKM",),
        ("Siapkan bahan/jawaban",),
        "Siapkan data koperasi aktif per kabupaten/kota.",
        "Data koperasi aktif telah dikirim kepada pemohon.",
        balasan="Penyampaian Data Jumlah Koperasi Aktif Tahun {tahun}",
        kode_balasan="500.3.2",
        senders=(
            "Kementerian Koperasi dan UKM Republik Indonesia",
            "Badan Pusat Statistik Provinsi Kalimantan Timur",
            _UNMUL,
            "Bank Indonesia Perwakilan Provinsi Kalimantan Timur",
        ),
    ),
    "Permohonan Narasumber Pelatihan Kewirausahaan UMKM": _Route(
        ("KUKM",),
        ("Untuk ditindaklanjuti",),
        "Tunjuk narasumber dari bidang.",
        "Narasumber telah ditugaskan dan hadir pada pelatihan.",
        balasan="Penugasan Narasumber Pelatihan Kewirausahaan UMKM",
        kode_balasan="500.3.6.1",
        senders=(
            "Dinas Koperasi dan UKM Kabupaten Kutai Kartanegara",
            _UNMUL,
            "Kamar Dagang dan Industri Provinsi Kalimantan Timur",
            "Koperasi Konsumen Sejahtera Bersama Samarinda",
        ),
    ),
    "Penyampaian Laporan Realisasi Anggaran Triwulan": _Route(
        ("SEK",),
        ("Untuk diketahui", "Arsip/file"),
        "",
        "Laporan telah dicocokkan dengan catatan keuangan dinas dan diarsipkan.",
        subbag="PK",
        senders=(_BPKAD,),
    ),
    "Surat Tugas Monitoring Harga Bahan Pokok di Pasar Segiri": _Route(
        ("PDN",),
        ("Untuk ditindaklanjuti",),
        "Laksanakan dan laporkan harga mingguan.",
        "Monitoring telah dilaksanakan; laporan harga bahan pokok disampaikan.",
        senders=(
            _SETDA,
            "Kementerian Perdagangan Republik Indonesia",
        ),
    ),
    "Usul Kenaikan Gaji Berkala Pegawai": _Route(
        ("SEK",),
        ("Proses lebih lanjut",),
        "Periksa kelengkapan berkas.",
        "Berkas KGB telah diperiksa dan diteruskan ke BKD.",
        balasan="Penyampaian Berkas Usul Kenaikan Gaji Berkala Pegawai",
        kode_balasan="800.1.11.13",
        senders=(_BKD,),
    ),
    "Usul Kenaikan Pangkat Periode {bulan}": _Route(
        ("SEK",),
        ("Proses lebih lanjut",),
        "Periksa kelengkapan berkas.",
        "Berkas usul kenaikan pangkat telah dilengkapi.",
        balasan="Penyampaian Berkas Usul Kenaikan Pangkat Periode {bulan}",
        kode_balasan="800.1.3.2",
        senders=(_BKD,),
    ),
    "Pemberitahuan Jadwal Pemeriksaan Reguler Inspektorat": _Route(
        ("SEK",),
        ("Koordinasikan/konfirmasikan", "Siapkan bahan/jawaban"),
        "Siapkan dokumen yang diminta.",
        "Dokumen pemeriksaan telah disiapkan dan diserahkan kepada tim pemeriksa.",
        subbag="PK",
        balasan="Penyampaian Dokumen Pendukung Pemeriksaan Reguler",
        kode_balasan="700.1.2",
        senders=("Inspektorat Daerah Provinsi Kalimantan Timur",),
    ),
    "Permohonan Izin Penelitian Mahasiswa": _Route(
        ("SEK",),
        ("Tanggapan dan saran",),
        "",
        "Izin penelitian telah diberikan.",
        balasan="Pemberian Izin Penelitian",
        kode_balasan="000.9.2",
        senders=(_UNMUL,),
    ),
    "Penyampaian Standar Operasional Prosedur Layanan": _Route(
        ("SEK",),
        ("Untuk diketahui", "Arsip/file"),
        "",
        "SOP telah disosialisasikan kepada seluruh pegawai dan diarsipkan.",
        senders=(
            _SETDA,
            "Ombudsman Republik Indonesia Perwakilan Kalimantan Timur",
            "Kantor Wilayah Direktorat Jenderal Pajak Kalimantan Timur dan Utara",
        ),
    ),
    "Distribusi Barang Milik Daerah ke UPTD": _Route(
        ("SEK", "BPSMB"),
        ("Koordinasikan/konfirmasikan",),
        "Periksa barang sebelum BAST ditandatangani.",
        "Barang telah diterima UPTD; BAST ditandatangani.",
        senders=(_BPKAD,),
    ),
    "Permohonan Fasilitasi Pameran Produk Unggulan Daerah": _Route(
        ("IND", "KUKM"),
        ("Koordinasikan/konfirmasikan",),
        "Koordinasikan dengan bidang terkait.",
        "Stan pameran telah difasilitasi.",
        balasan="Tanggapan atas Permohonan Fasilitasi Pameran Produk Unggulan Daerah",
        kode_balasan="500.2.2.7",
        senders=(
            "Kamar Dagang dan Industri Provinsi Kalimantan Timur",
            "Kementerian Perindustrian Republik Indonesia",
            "Dinas Perindustrian dan Perdagangan Kota Samarinda",
            "PT Pupuk Kalimantan Timur",
        ),
    ),
    "Laporan Hasil Pengawasan Barang Beredar": _Route(
        ("PDN", "BPSMB"),
        ("Untuk diketahui", "Untuk ditindaklanjuti"),
        "",
        "Temuan telah ditindaklanjuti dengan pembinaan pelaku usaha.",
        senders=(
            "Kementerian Perdagangan Republik Indonesia",
            "Dinas Perindustrian dan Perdagangan Kota Samarinda",
            "Dinas Kesehatan Provinsi Kalimantan Timur",
        ),
    ),
    "Permohonan Cuti Tahunan Pegawai": _Route(
        ("SEK",),
        ("Proses lebih lanjut",),
        "",
        "Surat izin cuti telah diterbitkan.",
        senders=(
            _SETDA,
            _BKD,
        ),
    ),
}
LOWER_INSTRUKSI = ("Proses lebih lanjut", "Untuk ditindaklanjuti", "Siapkan bahan/jawaban")
LOWER_CATATAN = (
    "Mohon segera diproses.",
    "Laporkan hasilnya kepada saya.",
    "Koordinasikan dengan seksi terkait.",
)
OPEN_HASIL = ("Sedang diproses.", "Menunggu data dari kabupaten/kota.", "Konsep jawaban sedang disusun.")

# Addressees of outgoing letters: (tujuan, alamat). A reply goes to the sender of the incoming letter.
REPLY_TO: dict[str, tuple[str, str]] = {
    "Kementerian Perdagangan Republik Indonesia": ("Menteri Perdagangan Republik Indonesia", "Jakarta"),
    "Kementerian Perindustrian Republik Indonesia": ("Menteri Perindustrian Republik Indonesia", "Jakarta"),
    "Kementerian Koperasi dan UKM Republik Indonesia": (
        "Menteri Koperasi dan UKM Republik Indonesia",
        "Jakarta",
    ),
    "Sekretariat Daerah Provinsi Kalimantan Timur": (
        "Sekretaris Daerah Provinsi Kalimantan Timur",
        "Samarinda",
    ),
    "Badan Pengelolaan Keuangan dan Aset Daerah Provinsi Kalimantan Timur": (
        "Kepala Badan Pengelolaan Keuangan dan Aset Daerah Provinsi Kalimantan Timur",
        "Samarinda",
    ),
    "Badan Kepegawaian Daerah Provinsi Kalimantan Timur": (
        "Kepala Badan Kepegawaian Daerah Provinsi Kalimantan Timur",
        "Samarinda",
    ),
    "Inspektorat Daerah Provinsi Kalimantan Timur": (
        "Inspektur Daerah Provinsi Kalimantan Timur",
        "Samarinda",
    ),
    "Bank Indonesia Perwakilan Provinsi Kalimantan Timur": (
        "Kepala Perwakilan Bank Indonesia Provinsi Kalimantan Timur",
        "Samarinda",
    ),
    "Kantor Wilayah Direktorat Jenderal Pajak Kalimantan Timur dan Utara": (
        "Kepala Kantor Wilayah Direktorat Jenderal Pajak Kalimantan Timur dan Utara",
        "Balikpapan",
    ),
    "Dinas Kesehatan Provinsi Kalimantan Timur": (
        "Kepala Dinas Kesehatan Provinsi Kalimantan Timur",
        "Samarinda",
    ),
    "Dinas Perindustrian dan Perdagangan Kota Samarinda": (
        "Kepala Dinas Perindustrian dan Perdagangan Kota Samarinda",
        "Samarinda",
    ),
    "Dinas Koperasi dan UKM Kabupaten Kutai Kartanegara": (
        "Kepala Dinas Koperasi dan UKM Kabupaten Kutai Kartanegara",
        "Tenggarong",
    ),
    "Badan Pusat Statistik Provinsi Kalimantan Timur": (
        "Kepala Badan Pusat Statistik Provinsi Kalimantan Timur",
        "Samarinda",
    ),
    "PT Pupuk Kalimantan Timur": ("Direktur Utama PT Pupuk Kalimantan Timur", "Bontang"),
    "Koperasi Konsumen Sejahtera Bersama Samarinda": (
        "Ketua Koperasi Konsumen Sejahtera Bersama Samarinda",
        "Samarinda",
    ),
    "Kamar Dagang dan Industri Provinsi Kalimantan Timur": (
        "Ketua Kamar Dagang dan Industri Provinsi Kalimantan Timur",
        "Samarinda",
    ),
    "Universitas Mulawarman": ("Rektor Universitas Mulawarman", "Samarinda"),
    "Ombudsman Republik Indonesia Perwakilan Kalimantan Timur": (
        "Kepala Perwakilan Ombudsman Republik Indonesia Provinsi Kalimantan Timur",
        "Samarinda",
    ),
}
_KABKOTA_DAGANG = (
    ("Kepala Dinas Perindustrian dan Perdagangan Kota Samarinda", "Samarinda"),
    ("Kepala Dinas Perdagangan Kota Balikpapan", "Balikpapan"),
    ("Kepala Dinas Perindustrian, Perdagangan dan Koperasi Kota Bontang", "Bontang"),
    ("Para Kepala Dinas yang Membidangi Perdagangan Kabupaten/Kota se-Kalimantan Timur", "Tempat"),
)
_KABKOTA_KUKM = (
    ("Kepala Dinas Koperasi dan UKM Kabupaten Kutai Kartanegara", "Tenggarong"),
    ("Kepala Dinas Koperasi, UKM dan Perindustrian Kabupaten Berau", "Tanjung Redeb"),
    ("Para Kepala Dinas yang Membidangi Koperasi dan UKM Kabupaten/Kota se-Kalimantan Timur", "Tempat"),
)
_TO_BPKAD = (("Kepala Badan Pengelolaan Keuangan dan Aset Daerah Provinsi Kalimantan Timur", "Samarinda"),)
_TO_BKD = (("Kepala Badan Kepegawaian Daerah Provinsi Kalimantan Timur", "Samarinda"),)
# (perihal, kode klasifikasi, konseptor unit singkatan, addressees)
OUTGOING: tuple[tuple[str, str, str, tuple[tuple[str, str], ...]], ...] = (
    (
        "Undangan Rapat Koordinasi Stabilisasi Harga dan Pasokan Bahan Pokok",
        "000.1.5",
        "PDN",
        _KABKOTA_DAGANG,
    ),
    ("Permohonan Data Harga Bahan Pokok Mingguan", "500.2.2.5", "PDN", _KABKOTA_DAGANG[:3]),
    (
        "Pemberitahuan Pelaksanaan Pasar Murah Menjelang Hari Besar Keagamaan",
        "500.2.2",
        "PDN",
        _KABKOTA_DAGANG,
    ),
    (
        "Penyampaian Laporan Realisasi Anggaran Triwulan {triwulan} Tahun {tahun}",
        "900.1.3",
        "PK",
        _TO_BPKAD,
    ),
    (
        "Penyampaian Laporan Kinerja Instansi Pemerintah Tahun {tahun_lalu}",
        "000.1.5",
        "PK",
        (
            ("Gubernur Kalimantan Timur", "Samarinda"),
            ("Kepala Badan Perencanaan Pembangunan Daerah Provinsi Kalimantan Timur", "Samarinda"),
        ),
    ),
    ("Usul Kenaikan Gaji Berkala Pegawai", "800.1.11.13", "UM", _TO_BKD),
    ("Usul Kenaikan Pangkat Pegawai Periode {bulan}", "800.1.3.2", "UM", _TO_BKD),
    ("Penyampaian Rencana Kebutuhan Barang Milik Daerah Tahun {tahun_depan}", "000.2.3.2", "UM", _TO_BPKAD),
    ("Undangan Pelatihan Kewirausahaan bagi Pelaku Usaha Mikro", "500.3.6.1", "KUKM", _KABKOTA_KUKM),
    (
        "Undangan Rapat Evaluasi Rapat Anggota Tahunan Koperasi",
        "500.3.2.4",
        "KUKM",
        (
            *_KABKOTA_KUKM,
            ("Ketua Dewan Koperasi Indonesia Wilayah Kalimantan Timur", "Samarinda"),
        ),
    ),
    (
        "Permohonan Fasilitasi Sertifikasi Halal bagi Industri Kecil Menengah",
        "500.2.2.8",
        "IND",
        (("Kepala Kantor Wilayah Kementerian Agama Provinsi Kalimantan Timur", "Samarinda"),),
    ),
    (
        "Permohonan Narasumber Bimbingan Teknis Desain Kemasan Produk IKM",
        "500.2.5",
        "IND",
        (
            ("Rektor Universitas Mulawarman", "Samarinda"),
            ("Kepala Balai Standardisasi dan Pelayanan Jasa Industri Samarinda", "Samarinda"),
        ),
    ),
    (
        "Undangan Pameran Produk Industri Kecil Menengah Kalimantan Timur",
        "500.2.2.9",
        "IND",
        (
            ("Ketua Kamar Dagang dan Industri Provinsi Kalimantan Timur", "Samarinda"),
            ("Direktur Utama PT Pupuk Kalimantan Timur", "Bontang"),
            ("Ketua Dewan Kerajinan Nasional Daerah Provinsi Kalimantan Timur", "Samarinda"),
        ),
    ),
    (
        "Penyampaian Rekapitulasi Hasil Pengujian Mutu Barang",
        "500.2.3.3",
        "BPSMB",
        (("Direktur Jenderal Perlindungan Konsumen dan Tertib Niaga Kementerian Perdagangan", "Jakarta"),),
    ),
    (
        "Penyampaian Tindak Lanjut Hasil Pemeriksaan Inspektorat",
        "700.1.2.5",
        "PK",
        (("Inspektur Daerah Provinsi Kalimantan Timur", "Samarinda"),),
    ),
)
CANCEL_REASONS = (
    "Salah tujuan surat; diterbitkan ulang dengan nomor berikutnya.",
    "Kegiatan ditunda; konsep surat tidak jadi ditandatangani.",
)


@dataclass
class LetterTally:
    """What :func:`fill_letters` added, for the summary printed by ``sekretariat demo``."""

    masuk: int = 0
    didisposisi: int = 0  # letters with a recorded chain
    disposisi: int = 0  # hops
    selesai: int = 0  # letters whose every leaf recipient is done
    lewat_batas: int = 0  # recipients past their batas waktu
    keluar: int = 0
    batal: int = 0
    balasan: int = 0


@dataclass(frozen=True)
class _Office:
    """What the demo needs to know about the office it fills, read once."""

    zone: str
    cal: WorkingCalendar
    kadis: RecipientInput
    heads: dict[str, RecipientInput]  # unit heads by singkatan, as the disposition dialog offers them
    unit_names: dict[str, str]  # by singkatan
    ticks: list[str]  # the "Dengan hormat harap" list
    signers: dict[str, int]  # signatory id by jabatan, casefolded


@dataclass(frozen=True)
class _Reply:
    """An incoming letter whose follow-up is a reply letter, written in the outgoing pass."""

    letter_id: int
    recipient_id: int
    earliest: date  # when it reached whoever writes the reply
    tujuan: str
    alamat: str
    perihal: str
    kode: str
    unit: str  # konseptor


@dataclass(frozen=True)
class _Outgoing:
    """One planned outgoing letter."""

    tanggal: date
    tujuan: str
    alamat: str
    perihal: str
    kode: str
    unit: str
    reply: _Reply | None = None


def _read_office(session: Session) -> _Office:
    found = dispositions.officials(session, SYSTEM)
    units = office.list_units(session)
    singkatan = {u.id: u.singkatan for u in units}
    kadis = next((o for o in found if o.unit_id is None and o.jabatan.casefold() == "kepala dinas"), None)
    return _Office(
        zone=office.get_profile(session).zona_waktu,
        cal=calendar.working_calendar(session),
        kadis=RecipientInput(kadis.nama, kadis.jabatan, kadis.nip)
        if kadis
        else RecipientInput("", "Kepala Dinas"),
        heads={
            singkatan[o.unit_id]: RecipientInput(o.nama, o.jabatan, o.nip, o.unit_id)
            for o in found
            if o.unit_id in singkatan
        },
        unit_names={u.singkatan: u.nama for u in units},
        ticks=incoming.list_instructions(session),
        signers={s.jabatan.casefold(): s.id for s in office.list_signatories(session) if s.id is not None},
    )


# --- incoming letters and their dispositions ----------------------------------------------------------------


def _ticks(rng: random.Random, known: list[str], wanted: tuple[str, ...]) -> tuple[str, ...]:
    """The wanted ticks that the office's instruction list has, else one of its own."""
    chosen = tuple(w for w in wanted if w in known)
    return chosen or ((rng.choice(known),) if known else ())


def _hop(dari: RecipientInput | None, tanggal: date, to: tuple[RecipientInput, ...], **kw: Any) -> HopInput:
    return HopInput(
        dari_nama=dari.nama if dari else "",
        dari_jabatan=dari.jabatan if dari else "",
        dari_nip=dari.nip if dari else "",
        tanggal=tanggal,
        recipients=to,
        **kw,
    )


def _below(o: _Office, route: _Route, unit: str) -> tuple[RecipientInput, ...]:
    """Who a unit head passes the letter to: a Kasubbag for the Sekretaris, a Kasi for a Kabid."""
    if unit == "SEK":
        head = o.heads.get(route.subbag)
        return (head,) if head else ()
    unit_id = o.heads[unit].unit_id
    return tuple(RecipientInput(n, j, nip, unit_id) for n, j, nip in KASI.get(unit, ()))


def _staff(o: _Office, route: _Route, unit: str) -> tuple[RecipientInput, ...]:
    key = route.subbag if unit == "SEK" else unit
    head = o.heads.get(key)
    unit_id = head.unit_id if head else None
    return tuple(RecipientInput(n, j, nip, unit_id) for n, j, nip in STAF.get(key, ()))


def _due(cal: WorkingCalendar, hop: HopInput) -> date | None:
    if hop.batas_hari_kerja_count is not None:
        return cal.add_working_days(hop.tanggal, hop.batas_hari_kerja_count)
    return hop.batas_waktu


def _plan_chain(
    rng: random.Random,
    o: _Office,
    route: _Route,
    received: date,
    default_batas: date | None,
    today: date,
    outcome: str,
) -> list[HopInput]:
    """The handwritten hops of one returned slip (A1): Kepala Dinas → Sekretaris or a Kabid → a Kasubbag or
    Kasi → sometimes a staff member; a batas waktu on some hops, in calendar or working days."""
    cal = o.cal
    units = [u for u in route.units if u in o.heads] or sorted(o.heads)[:1]
    chosen = units if len(units) > 1 and rng.random() < 0.35 else [rng.choice(units)]
    t0 = min(received if rng.random() < 0.6 else cal.add_working_days(received, 1), today)
    batas: dict[str, Any] = {}
    if default_batas is not None:  # Segera / Amat Segera: the letter's R9 deadline, as the dialog proposes
        batas = {"batas_waktu": max(default_batas, t0)}
    elif outcome == "stuck":
        batas = (
            {"batas_hari_kerja_count": 5}
            if cal.add_working_days(t0, 5) < today
            else {"batas_waktu": t0 + timedelta(days=7)}
        )
    elif (roll := rng.random()) < 0.2:
        batas = {"batas_hari_kerja_count": rng.choice((5, 7, 10))}
    elif roll < 0.35:
        batas = {"batas_waktu": t0 + timedelta(days=rng.choice((7, 14)))}
    hops = [
        _hop(
            o.kadis,
            t0,
            tuple(o.heads[u] for u in chosen),
            instruksi=_ticks(rng, o.ticks, route.instruksi),
            catatan=route.catatan if rng.random() < 0.7 else "",
            **batas,
        )
    ]
    if outcome != "stuck" and rng.random() < 0.1:
        return hops  # the head keeps it ("untuk diketahui")
    for j, unit in enumerate(chosen):
        below = _below(o, route, unit)
        if not below or rng.random() < 0.1:
            continue
        t1 = min(cal.add_working_days(t0, rng.randint(0, 2)), today)
        kasi = rng.choice(below)
        lower: dict[str, Any] = {}
        if outcome != "stuck" and default_batas is None and rng.random() < 0.15:
            lower = {"batas_hari_kerja_count": rng.choice((3, 5))}
        hops.append(
            _hop(
                None,  # "dari" is taken from the recipient it continues from
                t1,
                (kasi,),
                instruksi=_ticks(rng, o.ticks, (rng.choice(LOWER_INSTRUKSI),)),
                catatan=rng.choice(LOWER_CATATAN) if rng.random() < 0.3 else "",
                induk_index=(0, j),
                **lower,
            )
        )
        staff = _staff(o, route, unit)
        if staff and rng.random() < 0.45:
            hops.append(
                _hop(
                    kasi,
                    min(cal.add_working_days(t1, rng.randint(0, 1)), today),
                    (rng.choice(staff),),
                    instruksi=_ticks(rng, o.ticks, ("Untuk ditindaklanjuti",)),
                    induk_index=(len(hops) - 1, 0),
                )
            )
    if outcome == "open":
        # Letters still being worked on are within their deadlines; only the "stuck" ones are overdue.
        for i, hop in enumerate(hops):
            due = _due(cal, hop)
            if due is not None and due < today:
                hops[i] = replace(hop, batas_waktu=None, batas_hari_kerja_count=None)
    return hops


def _follow_up(
    session: Session,
    rng: random.Random,
    o: _Office,
    chain: LetterChain,
    route: _Route,
    outcome: str,
    today: date,
    reply: _Reply | None,
) -> tuple[LetterChain, _Reply | None]:
    """Move the leaf recipients on as the clerk hears back; a leaf answering with a letter waits for it."""
    for r in [r for r in chain.recipients() if r.is_leaf]:
        hop = chain.hop(r.hop_id)
        assert hop is not None
        if outcome in ("open", "stuck"):
            status = rng.choice((RecipientStatus.DIPROSES,) * 3 + (RecipientStatus.DIBACA,))
            if outcome == "open" and rng.random() < 0.25:
                continue  # still belum dibaca
            hasil = rng.choice(OPEN_HASIL) if status is RecipientStatus.DIPROSES else ""
            chain = dispositions.update_recipient(session, SYSTEM, r.id, status, hasil)
        elif reply is not None and reply.recipient_id == 0:
            chain = dispositions.update_recipient(
                session, SYSTEM, r.id, RecipientStatus.DIPROSES, "Konsep surat balasan sedang disusun."
            )
            unit = next((k for k, h in o.heads.items() if h.unit_id == r.unit_id), "")
            reply = replace(reply, recipient_id=r.id, earliest=hop.tanggal, unit=o.unit_names.get(unit, ""))
        else:
            done = min(o.cal.add_working_days(hop.tanggal, rng.randint(1, 6)), today)
            deadline = hop.batas_efektif
            if deadline is not None and done > deadline and rng.random() < 0.85:
                done = max(hop.tanggal, deadline)
            chain = dispositions.update_recipient(
                session, SYSTEM, r.id, RecipientStatus.SELESAI, route.hasil, tanggal_selesai=done
            )
    return chain, reply if reply is not None and reply.recipient_id else None


def fill_letters(
    ctx: AppContext,
    *,
    count: int = 400,
    outgoing_count: int = 150,
    seed: int = 2026,
    today: date | None = None,
) -> LetterTally:
    """A year of letters, entered through the same services the clerk uses, one letter per transaction.

    Incoming: a busy Dinas receives 10-20 letters a working day; older ones have had their lembar disposisi
    printed and most of those their disposition chain recorded and followed up, a handful left overdue.
    Outgoing: numbered from the default series in date order, most sent, some answering an incoming letter, a
    few reserved, one or two cancelled. Each kind is skipped when the book already holds letters; only a new or
    demo folder is filled (``demo_mark.claim_for_demo``).
    """
    rng = random.Random(seed)
    flow = random.Random(seed + 1)  # dispositions: a stream of its own keeps the letters as they were
    tally = LetterTally()
    with ctx.db.transaction() as s:
        demo_mark.claim_for_demo(s)  # never into an office's own agenda: it would take real numbers
        if incoming.list_incoming(s, SYSTEM, limit=1)[1]:
            count = 0
        if outgoing.list_outgoing(s, SYSTEM, limit=1)[1]:
            outgoing_count = 0
        if not count and not outgoing_count:
            return tally
        o = _read_office(s)
    zone = office_tz(o.zone)
    today = today or clock.today(o.zone)
    days = [d for d in (today - timedelta(days=i) for i in range(365, 0, -1)) if o.cal.is_working_day(d)]
    replies: list[_Reply] = []
    reply_cap = outgoing_count // 3
    eligible = 0
    for i in range(count):
        day = days[min(len(days) - 1, int(i * len(days) / count))]
        received = datetime(day.year, day.month, day.day, rng.randint(7, 15), rng.randint(0, 59), tzinfo=zone)
        subject, kode = rng.choice(SUBJECTS)
        route = ROUTES.get(subject)
        sender = rng.choice(route.senders if route and route.senders else SENDERS)
        roll = rng.random()
        urgensi = Urgensi.AMAT_SEGERA if roll < 0.05 else Urgensi.SEGERA if roll < 0.25 else Urgensi.BIASA
        words = {"tahun": day.year, "bulan": f"{BULAN[day.month - 1]} {day.year}"}
        data = incoming.IncomingInput(
            tanggal_diterima=received,
            asal_surat=sender,
            nomor_surat=f"{kode}/{rng.randint(10, 4999)}/{sender.split()[0][:3].upper()}/{day.year}",
            tanggal_surat=day - timedelta(days=rng.randint(0, 6)),
            perihal=subject.format(**words),
            kode_klasifikasi=kode,
            keamanan=Keamanan.R if rng.random() < 0.03 else Keamanan.B,
            urgensi=urgensi,
            lampiran=rng.choice(["", "", "1 berkas", "2 lembar"]),
            cara_terima=rng.choice([CaraTerima.LANGSUNG, CaraTerima.KURIR, CaraTerima.POS, CaraTerima.EMAIL]),
            tanpa_disposisi=rng.random() < 0.08,
        )
        age = (today - day).days
        outcome = ""  # no chain yet
        if route is not None and age > 3 and not data.tanpa_disposisi and o.heads:
            urgent = urgensi is not Urgensi.BIASA
            if not urgent and 21 <= age <= 120:
                eligible += 1
            if age <= 10 and flow.random() < 0.3:
                outcome = ""  # the slip has not come back yet
            elif not urgent and 21 <= age <= 120 and eligible % 10 == 3:
                outcome = "stuck"
            elif urgent or age > 21 or flow.random() < (0.4 if age <= 10 else 0.7):
                outcome = "done"
            else:
                outcome = "open"
        reply: _Reply | None = None
        if (
            outcome == "done"
            and route is not None
            and route.balasan
            and age >= 10
            and len(replies) < reply_cap
            and flow.random() < 0.35
        ):
            tujuan, alamat = REPLY_TO.get(sender, (sender, ""))
            reply = _Reply(0, 0, day, tujuan, alamat, route.balasan.format(**words), route.kode_balasan, "")
        with ctx.db.transaction() as s:
            info = incoming.register_incoming(s, SYSTEM, data, today=day)
            if age > 3 and info.status == "baru":
                incoming.record_printed_elsewhere(s, SYSTEM, info.id)
            if outcome and route is not None:
                hops = _plan_chain(flow, o, route, day, info.batas_waktu, today, outcome)
                chain = dispositions.record_chain(s, SYSTEM, info.id, hops)
                if reply is not None:
                    reply = replace(reply, letter_id=info.id)
                chain, reply = _follow_up(s, flow, o, chain, route, outcome, today, reply)
                tally.didisposisi += 1
                tally.disposisi += len(hops)
                tally.selesai += chain.status == "selesai"
                if reply is not None:
                    replies.append(reply)
        tally.masuk += 1
    if outgoing_count:
        _fill_outgoing(ctx, random.Random(seed + 2), o, outgoing_count, replies, days, today, tally)
    with ctx.db.transaction() as s:
        tally.lewat_batas = len(dispositions.overdue(s, SYSTEM, today))
    return tally


# --- outgoing letters ---------------------------------------------------------------------------------------


def _routine(rng: random.Random, o: _Office, day: date) -> _Outgoing:
    """A letter the office writes on its own initiative (not a reply)."""
    perihal, kode, unit, addressees = rng.choice(OUTGOING)
    tujuan, alamat = rng.choice(addressees)
    quarter = (day.month - 1) // 3  # a triwulan report covers the quarter just ended
    words = {
        "tahun": day.year if quarter else day.year - 1,
        "tahun_lalu": day.year - 1,
        "tahun_depan": day.year + 1,
        "bulan": f"{BULAN[day.month - 1]} {day.year}",
        "triwulan": to_roman(quarter or 4),
    }
    return _Outgoing(day, tujuan, alamat, perihal.format(**words), kode, o.unit_names.get(unit, ""))


def _plan_outgoing(
    rng: random.Random, count: int, replies: list[_Reply], days: list[date], today: date, o: _Office
) -> list[_Outgoing]:
    plans = [
        _Outgoing(
            min(o.cal.add_working_days(r.earliest, rng.randint(1, 5)), today),
            r.tujuan,
            r.alamat,
            r.perihal,
            r.kode,
            r.unit,
            r,
        )
        for r in replies
    ]
    generic = max(0, count - len(plans))
    for i in range(generic):
        plans.append(
            _routine(rng, o, days[min(len(days) - 1, int((i + rng.random()) * len(days) / generic))])
        )
    plans.sort(key=lambda p: p.tanggal)  # stable: the order drawn breaks ties
    return plans


def _media(rng: random.Random, alamat: str) -> str:
    if alamat == "Samarinda":
        return rng.choice(("caraka", "caraka", "srikandi"))
    if alamat in ("Jakarta", "Tempat"):
        return rng.choice(("srikandi", "email", "pos"))
    return rng.choice(("pos", "kurir", "email"))


def _fill_outgoing(
    ctx: AppContext,
    rng: random.Random,
    o: _Office,
    count: int,
    replies: list[_Reply],
    days: list[date],
    today: date,
    tally: LetterTally,
) -> None:
    """The buku agenda keluar of the year: numbers taken in date order after signature (R22), most letters
    sent, the newest still a konsep with a reserved number, an inserted number and two cancelled ones."""
    extras = 2 if count >= 20 else 0  # the cancelled numbers
    plans = _plan_outgoing(rng, count - extras, replies, days, today, o)
    if len(plans) >= 20:
        # A letter signed days ago but brought to the clerk late: it takes an inserted number (R21).
        late = len(plans) // 2
        plans.insert(late + 3, plans.pop(late))
        inserted: int | None = late + 3
    else:
        inserted = None
    kadis, sekretaris = o.signers.get("kepala dinas"), o.signers.get("sekretaris")
    issued: list[tuple[date, int]] = []  # (tanggal, tahun) of regular numbers, to know when to insert
    for i, plan in enumerate(plans):
        age = (today - plan.tanggal).days
        signer = (
            sekretaris
            if sekretaris and rng.random() < (0.6 if plan.kode.startswith("800") else 0.15)
            else kadis
        )
        data = outgoing.OutgoingInput(
            tanggal_surat=plan.tanggal,
            tujuan=plan.tujuan,
            alamat_tujuan=plan.alamat,
            perihal=plan.perihal,
            kode_klasifikasi=plan.kode,
            urgensi=Urgensi.SEGERA if rng.random() < 0.1 else Urgensi.BIASA,
            lampiran=rng.choice(("", "", "", "1 berkas", "1 lembar")),
            signatory_id=signer,
            penandatangan="" if signer else "Kepala Dinas",
            pengolah=plan.unit,
            tembusan="Sekretaris Daerah Provinsi Kalimantan Timur; Arsip" if rng.random() < 0.3 else "",
            balasan_atas_id=plan.reply.letter_id if plan.reply else None,
        )
        if extras and i in (len(plans) // 3, 2 * len(plans) // 3):
            if i == len(plans) // 3:
                # Typed to the wrong addressee and noticed after numbering: cancelled, then numbered again.
                others = [t for t, _ in (*_KABKOTA_DAGANG, *_KABKOTA_KUKM) if t != data.tujuan]
                spoiled, reason = replace(data, tujuan=rng.choice(others), balasan_atas_id=None), 0
            else:
                # A number reserved for a konsep that was never signed.
                konsep = _routine(rng, o, plan.tanggal)
                spoiled = replace(
                    data,
                    tujuan=konsep.tujuan,
                    alamat_tujuan=konsep.alamat,
                    perihal=konsep.perihal,
                    kode_klasifikasi=konsep.kode,
                    pengolah=konsep.unit,
                    balasan_atas_id=None,
                    reserve=True,
                )
                reason = 1
            with ctx.db.transaction() as s:
                info = outgoing.issue_number(s, SYSTEM, spoiled, today=today)
                outgoing.cancel(s, SYSTEM, info.id, CANCEL_REASONS[reason])
            issued.append((plan.tanggal, plan.tanggal.year))
            tally.keluar += 1
            tally.batal += 1
        # The newest letter is still a konsep with a reserved number; the one before it is signed, not yet sent.
        newest = i == len(plans) - 1 and plan.reply is None
        unsent = newest or i == len(plans) - 2 or (age <= 1 and plan.reply is None)
        insert = (
            i == inserted
            and any(d <= plan.tanggal and y == plan.tanggal.year for d, y in issued)
            and any(d > plan.tanggal and y == plan.tanggal.year for d, y in issued)
        )
        confirm_later = not newest and not insert and rng.random() < 0.06  # reserved first, signed later
        with ctx.db.transaction() as s:
            if insert:
                data = replace(data, keterangan="Surat terlambat diserahkan ke pengelola surat.")
                info = outgoing.insert_number(s, SYSTEM, data, today=today)
            else:
                info = outgoing.issue_number(
                    s, SYSTEM, replace(data, reserve=newest or confirm_later), today=today
                )
                issued.append((plan.tanggal, plan.tanggal.year))
            if confirm_later:
                info = outgoing.confirm_reserved(s, SYSTEM, info.id, plan.tanggal)
            if not unsent and rng.random() < 0.97:
                sent = min(plan.tanggal + timedelta(days=rng.randint(0, 2)), today)
                outgoing.mark_sent(s, SYSTEM, info.id, sent, _media(rng, plan.alamat))
            if plan.reply is not None:
                answered = dispositions.update_recipient(
                    s,
                    SYSTEM,
                    plan.reply.recipient_id,
                    RecipientStatus.SELESAI,
                    f"Dijawab dengan surat nomor {info.nomor_surat} tanggal {format_date(info.tanggal_surat)}.",
                    tanggal_selesai=plan.tanggal,
                    balasan_keluar_id=info.id,
                )
                tally.balasan += 1
                tally.selesai += answered.status == "selesai"
        tally.keluar += 1


# --- the staff register ------------------------------------------------------------------------------------------


@dataclass
class StaffTally:
    """What ``fill_staff`` added, and the Jadwal of the next 90 days that results (open items per kind)."""

    pegawai: int = 0
    riwayat: int = 0
    jadwal: dict[JenisJadwal, int] = field(default_factory=dict)


def _known_people() -> tuple[list[sample_staff.Known], list[sample_staff.Known], list[sample_staff.Known]]:
    """The signatories, Kasi and staff the letters already name, so the register and the dispositions agree."""
    signatories = [sample_staff.Known(s.nama, s.jabatan, s.nip, "") for s in SIGNATORIES]
    kasi = [sample_staff.Known(n, j, nip, unit) for unit, people in KASI.items() for n, j, nip in people]
    staf = [sample_staff.Known(n, j, nip, unit) for unit, people in STAF.items() for n, j, nip in people]
    return signatories, kasi, staf


def fill_staff(
    ctx: AppContext, *, count: int = 60, seed: int = 2026, today: date | None = None
) -> StaffTally:
    """``count`` PNS, CPNS and PPPK with their riwayat (pangkat, KGB, jabatan, pendidikan, cuti), entered through
    the staff services one pegawai per transaction (``demo_staff`` plans them).

    The same seed and day give the same people. Skipped when the register already holds pegawai that are not
    part of the plan (real data, or a demo of another day); otherwise only the missing ones are added, so a
    second run adds nothing. A KP the Jadwal reckons but the career does not plan (a post's highest pangkat,
    angka kredit not yet met) is marked *tidak perlu* with the reason, as the pengelola would. Only a new or
    demo folder is filled (``demo_mark.claim_for_demo``).
    """
    tally = StaffTally()
    if count <= 0:
        return tally
    with ctx.db.transaction() as s:
        demo_mark.claim_for_demo(s)  # never into an office's own register
        zone = office.get_profile(s).zona_waktu
        units = office.list_units(s)
        cal = calendar.working_calendar(s)
        rows, _ = staff.list_pegawai(s, SYSTEM, aktif=None, limit=1_000_000)
        existing = {r.nip for r in rows}
    today = today or clock.today(zone)
    signatories, kasi, staf = _known_people()
    plan = sample_staff.plan_staff(
        staff.reference(),
        count=count,
        seed=seed,
        today=today,
        unit_ids={u.singkatan: u.id for u in units if u.id is not None},
        unit_names={u.singkatan: u.nama for u in units},
        cal=cal,
        signatories=signatories,
        kasi=kasi,
        staf=staf,
    )
    if existing - {p.nip for p in plan}:
        return tally
    for person in plan:
        if person.nip in existing:
            continue
        with ctx.db.transaction() as s:
            pegawai_id = staff.create_pegawai(s, SYSTEM, person.input).value.id
            for entry in person.entries:
                staff.add_riwayat(s, SYSTEM, pegawai_id, entry)
            if person.kp_tidak_perlu is not None:
                # The Jadwal reckons this KP from the time in the pangkat; the career does not plan it then.
                schedule.set_status(
                    s,
                    SYSTEM,
                    pegawai_id,
                    JenisJadwal.KP,
                    person.kp_tidak_perlu,
                    StatusJadwal.TIDAK_PERLU,
                    person.kp_catatan,
                )
            if person.satyalancana_diusulkan is not None:
                schedule.set_status(
                    s,
                    SYSTEM,
                    pegawai_id,
                    JenisJadwal.SATYALANCANA,
                    person.satyalancana_diusulkan,
                    StatusJadwal.SELESAI,
                    "Usul Satyalancana Karya Satya telah disampaikan ke BKD.",
                )
        tally.pegawai += 1
        tally.riwayat += len(person.entries)
    with ctx.db.transaction() as s:
        items = schedule.schedule(s, SYSTEM, today).items
    tally.jadwal = {j: n for j in JenisJadwal if (n := sum(1 for i in items if i.jenis is j))}
    return tally


_JADWAL_WORDS = {
    JenisJadwal.KGB: "KGB",
    JenisJadwal.KP: "kenaikan pangkat",
    JenisJadwal.PENSIUN: "pensiun",
    JenisJadwal.PPPK: "akhir kontrak PPPK",
    JenisJadwal.SATYALANCANA: "Satyalancana",
}


def fill(
    ctx: AppContext,
    password: str = demo_mark.DEMO_PASSWORD,
    *,
    letter_count: int = 400,
    outgoing_count: int | None = None,
    staff_count: int | None = None,
    guest_count: int | None = None,
    asset_count: int | None = None,
) -> str:
    """Fill a new, empty data dir and mark it as a demo; a folder with data of its own is refused untouched
    (``FolderHoldsData``). Safe to run again on a demo folder: what is there is left alone, the rest is added.

    ``outgoing_count`` defaults to about 150 outgoing letters for 400 incoming ones. ``staff_count`` defaults to
    60 pegawai, and to none when ``letter_count`` is 0 (the quick fill of the tests: office, units and users).
    ``guest_count`` defaults to six months of about 1,500 visits (and 300 SKM answers) for 400 letters, in
    proportion for fewer, so the smaller demos of the tests stay quick. ``asset_count`` likewise defaults to
    about 600 assets (KIB A-F, 25 rooms, BASTs, labels, an inventarisasi) for 400 letters, none for 0.
    """
    lines = []
    with ctx.db.transaction() as s:
        # In the same transaction as the first demo rows: the folder is judged and marked before anything else.
        demo_mark.claim_for_demo(s)
        if not office.get_profile(s).is_complete:
            _fill_office(s, SYSTEM)
            lines.append("Profil kantor, unit organisasi dan penanda tangan contoh diisi.")
        existing = {u.username for u in auth.list_users(s, SYSTEM)} if auth.has_users(s) else set()
        for username, name, role in USERS:
            if username in existing:
                continue
            # Made as an admin makes accounts, the first admin too: a change is forced at first sign-in unless
            # the folder stays marked as a demo and the account is one of the demo's.
            auth.create_user(s, SYSTEM, username, name, role, password)
            demo_mark.add_demo_account(s, username)
            existing.add(username)
            lines.append(f"Akun {username:8} ({role.label}) — sandi: {password}")
    if outgoing_count is None:
        outgoing_count = round(letter_count * 150 / 400)
    added = (
        fill_letters(ctx, count=letter_count, outgoing_count=outgoing_count)
        if letter_count or outgoing_count
        else LetterTally()
    )
    if added.masuk:
        lines.append(f"{added.masuk} surat masuk contoh (setahun terakhir) diagendakan.")
    if added.didisposisi:
        lines.append(
            f"{added.didisposisi} surat masuk didisposisikan ({added.disposisi} disposisi): "
            f"{added.selesai} selesai, {added.lewat_batas} tindak lanjut lewat batas waktu."
        )
    if added.keluar:
        lines.append(
            f"{added.keluar} surat keluar contoh dinomori: {added.balasan} membalas surat masuk, "
            f"{added.batal} nomor batal."
        )
    if staff_count is None:
        staff_count = 60 if letter_count else 0
    people = fill_staff(ctx, count=staff_count) if staff_count else StaffTally()
    if people.pegawai:
        due = ", ".join(f"{n} {_JADWAL_WORDS[j]}" for j, n in people.jadwal.items())
        lines.append(
            f"{people.pegawai} pegawai contoh (PNS, CPNS dan PPPK) didaftarkan dengan {people.riwayat} entri "
            f"riwayat; jadwal 90 hari ke depan: {due or 'kosong'}."
        )
    # After the staff: a guest may come to see a pegawai. Not in the quick fill of the tests (letter_count 0).
    if guest_count is None:
        guest_count = round(letter_count * VISITS_PER_MONTH * 6 / 400)
    guests = (
        fill_guests(ctx, count=guest_count, skm_count=round(guest_count * SKM_PER_MONTH / VISITS_PER_MONTH))
        if guest_count
        else GuestTally()
    )
    if guests.kunjungan:
        lines.append(
            f"{guests.kunjungan} kunjungan tamu contoh (6 bulan) dengan {guests.orang} orang: {guests.batal} batal, "
            f"{guests.kartu_hilang} kartu tamu hilang; {guests.di_kantor} tamu masih di kantor, "
            f"{guests.pra_registrasi} pra-registrasi untuk hari kerja berikutnya."
        )
    if guests.skm:
        ikm = f"{guests.ikm:.2f}".replace(".", ",") if guests.ikm is not None else "-"
        lines.append(
            f"{guests.skm} respons SKM contoh (kios, ponsel, impor); IKM 6 bulan: {ikm} ({guests.mutu})."
        )
    if asset_count is None:
        asset_count = round(letter_count * ASSETS_PER_400_LETTERS / 400)
    goods = fill_assets(ctx, count=asset_count) if asset_count else AssetTally()
    if goods.aset:
        per = ", ".join(f"{n} KIB {g}" for g, n in sorted(goods.golongan.items()))
        lines.append(
            f"{goods.aset} barang contoh ({per}) di {goods.ruang} ruangan; BAST: {goods.bast_final} final, "
            f"{goods.bast_draft} draf; {goods.label} label dicetak"
            + ("; inventarisasi semester ini sedang berjalan." if goods.inventarisasi else ".")
        )
    lines.append(f"Data contoh siap di {ctx.location}")
    return "\n".join(lines)
