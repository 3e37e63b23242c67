"""Realistic sample data for every module that exists, for demos, screenshots and benchmarks."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from desktop.core.dates import BULAN, office_tz
from desktop.core.letters import CaraTerima, Keamanan, Urgensi
from desktop.printing.sample_logo import sample_logo_png
from desktop.services import auth, calendar, letters, office
from desktop.services.permissions import SYSTEM, Actor, Role
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


def fill_letters(ctx: AppContext, *, count: int = 400, seed: int = 2026, today: date | None = None) -> int:
    """A year of incoming letters (a busy Dinas receives 10-20 letters a working day), registered through the
    same service the clerk uses; older ones have had their lembar disposisi printed."""
    rng = random.Random(seed)
    with ctx.db.transaction() as s:
        if letters.list_incoming(s, SYSTEM, limit=1)[1]:
            return 0
        zone = office_tz(office.get_profile(s).zona_waktu)
        cal = calendar.working_calendar(s)
    today = today or datetime.now(zone).date()
    days = [d for d in (today - timedelta(days=i) for i in range(365, 0, -1)) if cal.is_working_day(d)]
    days.sort()
    registered = 0
    for i in range(count):
        day = days[min(len(days) - 1, int(i * len(days) / count))]
        received = datetime(day.year, day.month, day.day, rng.randint(7, 15), rng.randint(0, 59), tzinfo=zone)
        subject, kode = rng.choice(SUBJECTS)
        sender = rng.choice(SENDERS)
        roll = rng.random()
        urgensi = Urgensi.AMAT_SEGERA if roll < 0.05 else Urgensi.SEGERA if roll < 0.25 else Urgensi.BIASA
        data = letters.IncomingInput(
            tanggal_diterima=received,
            asal_surat=sender,
            nomor_surat=f"{kode}/{rng.randint(10, 4999)}/{sender.split()[0][:3].upper()}/{day.year}",
            tanggal_surat=day - timedelta(days=rng.randint(0, 6)),
            perihal=subject.format(tahun=day.year, bulan=f"{BULAN[day.month - 1]} {day.year}"),
            kode_klasifikasi=kode,
            keamanan=Keamanan.R if rng.random() < 0.03 else Keamanan.B,
            urgensi=urgensi,
            lampiran=rng.choice(["", "", "1 berkas", "2 lembar"]),
            cara_terima=rng.choice([CaraTerima.LANGSUNG, CaraTerima.KURIR, CaraTerima.POS, CaraTerima.EMAIL]),
            tanpa_disposisi=rng.random() < 0.08,
        )
        with ctx.db.transaction() as s:
            info = letters.register_incoming(s, SYSTEM, data, today=day)
            if (today - day).days > 3 and info.status == "baru":
                letters.record_printed_elsewhere(s, SYSTEM, info.id)
        registered += 1
    return registered


def fill(ctx: AppContext, password: str = "demo12345", *, letter_count: int = 400) -> str:
    """Fill an empty data dir; safe to run again (existing users and profile are left alone)."""
    lines = []
    with ctx.db.transaction() as s:
        if not office.get_profile(s).is_complete:
            _fill_office(s, SYSTEM)
            lines.append("Profil kantor, unit organisasi dan penanda tangan contoh diisi.")
        existing = {u.username for u in auth.list_users(s, SYSTEM)} if auth.has_users(s) else set()
        for username, name, role in USERS:
            if username in existing:
                continue
            if role is Role.ADMIN and not existing:
                auth.create_first_admin(s, username, name, password)
            else:
                auth.create_user(s, SYSTEM, username, name, role, password)
                # Demo accounts are ready to use; real accounts must change the admin's temporary password.
                auth.clear_password_change(s, SYSTEM, username)
            existing.add(username)
            lines.append(f"Akun {username:8} ({role.label}) — sandi: {password}")
    added = fill_letters(ctx, count=letter_count) if letter_count else 0
    if added:
        lines.append(f"{added} surat masuk contoh (setahun terakhir) diagendakan.")
    lines.append(f"Data contoh siap di {ctx.location}")
    return "\n".join(lines)
