"""Realistic sample data for every module that exists, for demos, screenshots and benchmarks."""

from __future__ import annotations

from sqlalchemy.orm import Session

from desktop.printing.sample_logo import sample_logo_png
from desktop.services import auth, office
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
    ("UPTD Balai Pengujian dan Sertifikasi Mutu Barang", "uptd", "BPSMB", "Kepala UPTD", 7),
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


def fill(ctx: AppContext, password: str = "demo12345") -> str:
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
    lines.append(f"Data contoh siap di {ctx.location}")
    return "\n".join(lines)
