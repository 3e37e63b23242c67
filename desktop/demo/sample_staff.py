"""The demo Dinas's staff register, planned as plain data: PNS, CPNS and PPPK with careers worked out by the staff
rules, for ``demo.fill_staff`` to enter through the staff services.

Every NIP agrees with the birth date, TMT CPNS and gender (staff.md R1-R4); the golongan follows the ijazah's
entry golongan and ceiling (R14) and the jabatan's usual range; KGBs fall every two years by the pay-table
columns (R7-R9) and KPs every four years in the periods of their time (1 April / 1 October until 2023, even
months in 2024-2025, monthly since October 2025). A few people are placed so that the Jadwal has something to
show: KGB and KP due within 90 days, a pensiun within a year, a PPPK contract ending, a Satyalancana.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from desktop.core.calendar import WorkingCalendar
from desktop.core.nip import JenisKelamin
from desktop.core.staff.cuti import CutiJenis
from desktop.core.staff.kgb import kgb_berikut, mkg_after_promotion, next_kgb
from desktop.core.staff.kp import kp_berikut
from desktop.core.staff.months import (
    MasaKerja,
    add_months,
    first_of_month,
    first_of_month_on_or_after,
    months_between,
)
from desktop.core.staff.reference import StaffReference
from desktop.core.staff.satyalancana import karya_satya_berikut
from desktop.services.staff.records import (
    JENJANG_FUNGSIONAL,
    CutiEntry,
    JabatanEntry,
    JenisJabatan,
    KgbEntry,
    PangkatEntry,
    PegawaiInput,
    PendidikanEntry,
    RiwayatEntry,
    StatusPegawai,
)
from desktop.services.staff.schedule import kp_jenis_for

__all__ = ["DemoPegawai", "Known", "plan_staff"]

L, P = JenisKelamin.LAKI_LAKI, JenisKelamin.PEREMPUAN
PNS, CPNS, PPPK = StatusPegawai.PNS, StatusPegawai.CPNS, StatusPegawai.PPPK
JPT, ADM, PENGAWAS = JenisJabatan.JPT, JenisJabatan.ADMINISTRATOR, JenisJabatan.PENGAWAS
JF, PELAKSANA = JenisJabatan.FUNGSIONAL, JenisJabatan.PELAKSANA

_KEPALA_DINAS = "Kepala Dinas Perindustrian, Perdagangan, Koperasi dan Usaha Kecil Menengah"
_UNOR_DINAS = "Dinas Perindustrian, Perdagangan, Koperasi dan UKM Provinsi Kalimantan Timur"
# Permendagri 83/2022 (klasifikasi arsip 800.1.x) replaced the 8xx codes of Permendagri 78/2012 in 2023.
_NEW_CODES = 2023

# The usual golongan of a post: a KP pilihan struktural stops at the top of the eselon's range.
_STRUKTURAL_CAP = {JPT: "IV/d", ADM: "IV/b", PENGAWAS: "III/d"}
# The eselon of each struktural post of a Dinas provinsi (jenjang_pangkat.csv gives the caps above).
_ESELON = {JPT: "II.a", ADM: "III.a", PENGAWAS: "IV.a"}
# Golongan range of each jenjang fungsional (Permenpan RB 1/2023).
_JENJANG_RANGE: Mapping[str, tuple[str, str]] = {
    "pemula": ("I/d", "II/a"),
    "terampil": ("II/b", "II/d"),
    "mahir": ("III/a", "III/b"),
    "penyelia": ("III/c", "III/d"),
    "ahli_pertama": ("III/a", "III/b"),
    "ahli_muda": ("III/c", "III/d"),
    "ahli_madya": ("IV/a", "IV/c"),
    "ahli_utama": ("IV/d", "IV/e"),
}
_KETERAMPILAN = ("pemula", "terampil", "mahir", "penyelia")
_KEAHLIAN = ("ahli_pertama", "ahli_muda", "ahli_madya", "ahli_utama")
# PPPK golongan for the entry ruang of an ijazah (pangkat_golongan.csv, golongan_pppk_setara).
_PPPK_PER_IJAZAH = {"S-1": "IX", "D-III": "VII", "SLTA": "V", "S-2": "X"}

# --- people -------------------------------------------------------------------------------------------------------

# fmt: off
_MALE = (
    "Ahmad Rifai", "Muhammad Noor", "Budi Hartono", "Agus Supriyanto", "Rudi Hermawan", "Eko Prasetyo",
    "Dedi Kurniawan", "Joko Susilo", "Arif Rahman", "Rizal Firmansyah", "Irfan Maulana", "Syahrul Gunawan",
    "Heri Setiawan", "Wahyu Nugroho", "Dimas Aditya", "Reza Fahlevi", "Taufik Hidayat", "Hamzah Fansuri",
    "Ridwan Saputra", "Zainal Abidin", "Firman Syahputra", "Iwan Setiadi", "Gilang Ramadhan",
    "Bayu Anggara", "Nanang Kosim", "Mulyadi", "Suryadi", "Andi Baso Amir", "Gusti Rahmadi",
    "Yudi Hartanto", "La Ode Hasrul", "Sugianto", "Abdul Karim", "Hairul Anwar", "Fikri Haikal",
    "Adi Wibowo",
)
_FEMALE = (
    "Sri Mulyati", "Dewi Kusumawati", "Yuni Astuti", "Ratna Sari Dewi", "Indah Wulandari", "Fitri Handayani",
    "Ayu Lestari", "Maya Anggraini", "Novi Safitri", "Rahmawati", "Mega Puspitasari", "Putri Maharani",
    "Dian Novitasari", "Nia Kurniasih", "Lia Yuliani", "Eka Susanti", "Rini Marlina", "Nurjanah",
    "Siti Fauziah", "Hasanah", "Yulianti", "Anggun Permatasari", "Wahyuni Ramadhani", "Suwarni",
    "Noor Aisyah", "Gusti Ayu Ratih", "Andi Nurul Fitri", "Kurniawati", "Desi Ratnasari", "Rosmawati",
)
_TEMPAT_LAHIR = (
    "Samarinda", "Samarinda", "Samarinda", "Balikpapan", "Tenggarong", "Bontang", "Sangatta",
    "Tanjung Redeb", "Banjarmasin", "Makassar", "Pare-Pare", "Surabaya", "Yogyakarta", "Malang", "Tarakan",
    "Penajam",
)
# fmt: on

# (jurusan, gelar, sekolah) per tingkat
_S1 = {
    "ekonomi": ("Manajemen", "S.E.", "Universitas Mulawarman"),
    "akuntansi": ("Akuntansi", "S.Ak.", "Universitas Mulawarman"),
    "hukum": ("Ilmu Hukum", "S.H.", "Universitas Mulawarman"),
    "teknik": ("Teknik Industri", "S.T.", "Institut Teknologi Sepuluh Nopember"),
    "administrasi": ("Ilmu Administrasi Negara", "S.AP.", "Universitas 17 Agustus 1945 Samarinda"),
    "pemerintahan": ("Ilmu Pemerintahan", "S.IP.", "Universitas Mulawarman"),
    "informatika": ("Teknik Informatika", "S.Kom.", "STMIK Widya Cipta Dharma Samarinda"),
    "kimia": ("Kimia", "S.Si.", "Universitas Lambung Mangkurat"),
    "sosial": ("Sosiologi", "S.Sos.", "Universitas Hasanuddin"),
    "pertanian": ("Agribisnis", "S.P.", "Universitas Mulawarman"),
    "pembangunan": ("Ekonomi Pembangunan", "S.E.", "Universitas Gadjah Mada"),
}
_S2 = {
    "ekonomi": ("Magister Manajemen", "M.M.", "Universitas Mulawarman"),
    "administrasi": ("Magister Administrasi Publik", "M.AP.", "Universitas Brawijaya"),
    "teknik": ("Magister Teknik Industri", "M.T.", "Institut Teknologi Sepuluh Nopember"),
    "hukum": ("Magister Ilmu Hukum", "M.H.", "Universitas Mulawarman"),
    "sains": ("Magister Ilmu Administrasi", "M.Si.", "Universitas Mulawarman"),
    "pembangunan": ("Magister Ekonomi Pembangunan", "M.E.", "Universitas Gadjah Mada"),
}
_D3 = {
    "akuntansi": ("Akuntansi", "A.Md.Ak.", "Politeknik Negeri Samarinda"),
    "informatika": ("Manajemen Informatika", "A.Md.Kom.", "Politeknik Negeri Samarinda"),
    "administrasi": ("Administrasi Bisnis", "A.Md.", "Politeknik Negeri Samarinda"),
    "kimia": ("Analis Kimia", "A.Md.", "Akademi Analis Kimia Banjarmasin"),
}
_SLTA = (
    ("Ilmu Pengetahuan Sosial", "SMA Negeri 1 Samarinda"),
    ("Akuntansi", "SMK Negeri 1 Samarinda"),
    ("Administrasi Perkantoran", "SMK Negeri 2 Samarinda"),
    ("Ilmu Pengetahuan Alam", "SMA Negeri 3 Samarinda"),
)

# The gelar of the demo's named officials and staff, read as (tingkat, jurusan key).
_GELAR_IJAZAH = {
    "S.T.": ("S-1", "teknik"),
    "S.E.": ("S-1", "ekonomi"),
    "S.H.": ("S-1", "hukum"),
    "S.Sos.": ("S-1", "sosial"),
    "S.Si.": ("S-1", "kimia"),
    "Ir.": ("S-1", "teknik"),
    "A.Md.": ("D-III", "kimia"),
    "M.T.": ("S-2", "teknik"),
    "M.Si.": ("S-2", "sains"),
    "M.M.": ("S-2", "ekonomi"),
    "Dr.": ("S-3", "sains"),
}
_GELAR_DEPAN = ("Dr.", "Ir.", "Drs.", "Dra.", "Hj.", "H.")


@dataclass(frozen=True)
class Known:
    """A person the demo already names elsewhere (signatories, Kasi and staff of the disposition chains)."""

    nama: str  # with gelar, as printed
    jabatan: str
    nip: str
    unit: str  # unit singkatan; "" for the Kepala Dinas


@dataclass(frozen=True)
class DemoPegawai:
    """One planned pegawai: the form's values and the riwayat entries to add, oldest first.

    ``kp_berikut`` is the next KP the career plans (None: none, the post's or the ijazah's highest pangkat is
    reached). The Jadwal reckons a KP from the minimum time in the pangkat alone; when that one
    (``kp_tidak_perlu``) comes before the planned one, the pengelola marks it *tidak perlu* with ``kp_catatan``.
    """

    input: PegawaiInput
    entries: tuple[RiwayatEntry, ...]
    kp_berikut: date | None = None
    kp_tidak_perlu: date | None = None
    kp_catatan: str = ""
    satyalancana_diusulkan: date | None = None  # a milestone of the last weeks, already proposed

    @property
    def nip(self) -> str:
        return self.input.nip


@dataclass(frozen=True)
class _Post:
    """A jabatan from ``mulai``; a fungsional one names its base ("Perencana") and the highest jenjang reached."""

    mulai: date
    jenis: JenisJabatan
    nama: str
    unit: str
    jenjang: str = ""


@dataclass(frozen=True)
class _Ijazah:
    tingkat: str
    tahun_lulus: int
    jurusan: str
    sekolah: str


@dataclass(frozen=True)
class _Spec:
    nama: str
    gelar_depan: str
    gelar_belakang: str
    gender: JenisKelamin
    lahir: date
    tmt: date  # TMT CPNS; PPPK: the first contract's start
    posts: tuple[_Post, ...]
    ijazah: tuple[_Ijazah, ...]  # the first is the one the CPNS was appointed with
    status: StatusPegawai = PNS
    cap: str = ""  # highest golongan reached (a signatory's printed pangkat)
    serial: int = 1
    akhir_kontrak: date | None = None
    kontrak_ke: int = 1
    tempat_lahir: str = "Samarinda"
    delays: bool = True  # KP sometimes a period or two late in the past
    jf_months: int = 0  # months between KPs in a jabatan fungsional (0: two to four years, drawn)


@dataclass
class _Ctx:
    ref: StaffReference
    today: date
    unit_ids: Mapping[str, int]
    cal: WorkingCalendar
    rng: random.Random
    used_names: set[str] = field(default_factory=set)
    used_prefixes: dict[str, int] = field(default_factory=dict)  # first 15 NIP digits -> last serial


# --- the rules applied to a career -----------------------------------------------------------------------------


def _kp_period(d: date) -> date:
    """The first KP period on or after ``d`` under the regime of its time."""
    d = first_of_month_on_or_after(d)
    while not (d >= date(2025, 10, 1) or (d >= date(2024, 1, 1) and d.month % 2 == 0) or d.month in (4, 10)):
        d = add_months(d, 1)
    return d


def _rank(ref: StaffReference, golongan: str) -> int:
    return ref.pangkat.rank(golongan)


def _post_on(posts: Sequence[_Post], d: date) -> _Post:
    current = posts[0]
    for post in posts:
        if post.mulai <= d:
            current = post
    return current


def _ijazah_on(spec: _Spec, d: date) -> _Ijazah:
    held = [i for i in spec.ijazah if i.tahun_lulus < d.year] or [spec.ijazah[0]]
    return held[-1]


def _cap(ctx: _Ctx, spec: _Spec, d: date) -> int:
    """The highest golongan rank a KP on ``d`` may reach."""
    post = _post_on(spec.posts, d)
    if post.jenis is PELAKSANA:
        cap = ctx.ref.ijazah.get(_ijazah_on(spec, d).tingkat).golongan_maks_kp_reguler
    elif post.jenis is JF:
        cap = _JENJANG_RANGE[post.jenjang][1]
    else:
        cap = _STRUKTURAL_CAP[post.jenis]
    rank = _rank(ctx.ref, cap)
    return min(rank, _rank(ctx.ref, spec.cap)) if spec.cap else rank


def _kp_jenis(post: _Post) -> str:
    if post.jenis is PELAKSANA:
        return "reguler"
    return "fungsional" if post.jenis is JF else "struktural"


def _sk(
    rng: random.Random, old: str, new: str, tmt: date, after: tuple[int, int], today: date
) -> tuple[str, date]:
    """An SK number in the classification of its year, and its date ``after`` days from the TMT (never later
    than today)."""
    signed = min(tmt + timedelta(days=rng.randint(*after)), today)
    code = new if signed.year >= _NEW_CODES else old
    return code.format(n=rng.randint(12, 2999), y=signed.year), signed


def _interval(ctx: _Ctx, spec: _Spec, post: _Post) -> int:
    """Months to the next KP: four years; a jabatan fungsional two to four, as its angka kredit allows."""
    if post.jenis is JF:
        return spec.jf_months or ctx.rng.choice((24, 36, 48, 48))
    return 48


def _delay(ctx: _Ctx, spec: _Spec) -> int:
    return ctx.rng.choice((0, 0, 0, 0, 6, 12)) if spec.delays else 0


def _promotion_date(ctx: _Ctx, spec: _Spec, last: date, golongan: str) -> date | None:
    """When the next KP after ``last`` falls (None: not before today), honouring the caps of each post."""
    above = ctx.ref.pangkat.next_above(golongan)
    if above is None:
        return None
    post = _post_on(spec.posts, last)
    earliest = add_months(last, _interval(ctx, spec, post))
    delayed = _kp_period(add_months(earliest, _delay(ctx, spec)))
    due = _kp_period(earliest)
    # Only KPs of the past were late: the next one is planned on time.
    candidate = delayed if delayed <= ctx.today else due
    changes = sorted({p.mulai for p in spec.posts} | {date(i.tahun_lulus + 1, 1, 1) for i in spec.ijazah})
    for _ in range(len(changes) + 1):
        if above.urut <= _cap(ctx, spec, candidate):
            return candidate
        later = [c for c in changes if c > candidate]
        if not later:
            return None
        candidate = _kp_period(later[0])
    return None


def _pangkat_and_kgb(ctx: _Ctx, spec: _Spec) -> tuple[list[PangkatEntry | KgbEntry], date | None]:
    """The pangkat and KGB riwayat from TMT CPNS to today (a KGB on a KP's TMT is the KP: its SK sets the MKG),
    and the next KP planned after today."""
    ref, rng, today = ctx.ref, ctx.rng, ctx.today
    rule = ref.ijazah.get(spec.ijazah[0].tingkat)
    golongan, mkg = rule.golongan_awal_cpns, MasaKerja(rule.mkg_awal_tahun)
    nomor, tanggal = _sk(rng, "813.3/{n}/BKD-II/{y}", "800.1.2.2/{n}/BKD/{y}", spec.tmt, (-60, -20), today)
    entries: list[PangkatEntry | KgbEntry] = [
        PangkatEntry(spec.tmt, golongan, mkg.tahun, mkg.bulan, "cpns", nomor, tanggal, "Pengangkatan CPNS")
    ]
    basis_tmt, basis_mkg = spec.tmt, mkg
    kp = _promotion_date(ctx, spec, spec.tmt, golongan)
    for _ in range(80):
        step = next_kgb(basis_tmt, golongan, basis_mkg, ref.gaji).value
        kgb = step.tmt if step is not None else None
        if kp is not None and (kgb is None or kp <= kgb):
            if kp > today:
                break
            above = ref.pangkat.next_above(golongan)
            assert above is not None
            served = basis_mkg.plus_months(months_between(basis_tmt, kp))
            moved = mkg_after_promotion(served, golongan, above.golongan_ruang)
            golongan, basis_tmt, basis_mkg = above.golongan_ruang, kp, moved.value
            nomor, tanggal = _sk(rng, "823.3/{n}/BKD-II/{y}", "800.1.3.2/{n}/BKD/{y}", kp, (10, 75), today)
            jenis = _kp_jenis(_post_on(spec.posts, kp))
            entries.append(
                PangkatEntry(kp, golongan, basis_mkg.tahun, basis_mkg.bulan, jenis, nomor, tanggal)
            )
            kp = _promotion_date(ctx, spec, kp, golongan)
        elif step is not None and kgb is not None and kgb <= today:
            basis_tmt, basis_mkg = kgb, step.mkg
            nomor, tanggal = _sk(
                rng, "822.3/{n}/SEK.UM/{y}", "800.1.11.13/{n}/SEK.UM/DP2KUKM/{y}", kgb, (-45, -20), today
            )
            entries.append(
                KgbEntry(kgb, golongan, step.mkg.tahun, step.mkg.bulan, nomor_sk=nomor, tanggal_sk=tanggal)
            )
        else:
            break
    return entries, kp


def _jenjang_for(golongan_rank: int, target: str, ctx: _Ctx) -> str:
    track = _KETERAMPILAN if target in _KETERAMPILAN else _KEAHLIAN
    reached = track[0]
    for jenjang in track[: track.index(target) + 1]:
        if _rank(ctx.ref, _JENJANG_RANGE[jenjang][0]) <= golongan_rank:
            reached = jenjang
    return reached


def _jabatan(ctx: _Ctx, spec: _Spec, pangkat: Sequence[PangkatEntry]) -> list[JabatanEntry]:
    """A jabatan entry per post; a jabatan fungsional moves up a jenjang soon after the KP that allows it."""
    rng, today = ctx.rng, ctx.today
    entries: list[JabatanEntry] = []

    def golongan_on(d: date) -> int:
        return max((_rank(ctx.ref, p.golongan_ruang) for p in pangkat if p.tmt <= d), default=0)

    def entry(when: date, post: _Post, jenjang: str = "") -> JabatanEntry:
        nama = f"{post.nama} {JENJANG_FUNGSIONAL[jenjang]}" if jenjang else post.nama
        nomor, tanggal = "", None
        if post.jenis is not PELAKSANA:
            nomor, tanggal = _sk(rng, "821.2/{n}/BKD-III/{y}", "800.1.3.3/{n}/BKD/{y}", when, (-10, 0), today)
        return JabatanEntry(
            when,
            post.jenis,
            nama,
            jenjang=jenjang,
            unit_id=ctx.unit_ids.get(post.unit) if post.unit else None,
            unor="" if post.unit else _UNOR_DINAS,
            nomor_sk=nomor,
            tanggal_sk=tanggal,
        )

    for index, post in enumerate(spec.posts):
        ends = spec.posts[index + 1].mulai if index + 1 < len(spec.posts) else date.max
        if post.jenis is not JF or spec.status is PPPK:
            entries.append(entry(post.mulai, post, post.jenjang if post.jenis is JF else ""))
            continue
        jenjang = _jenjang_for(golongan_on(post.mulai), post.jenjang, ctx)
        entries.append(entry(post.mulai, post, jenjang))
        for p in pangkat:
            if not post.mulai < p.tmt < ends:
                continue
            higher = _jenjang_for(_rank(ctx.ref, p.golongan_ruang), post.jenjang, ctx)
            when = p.tmt + timedelta(days=rng.randint(14, 90))
            if higher != jenjang and when <= today and when < ends:
                jenjang = higher
                entries.append(entry(when, post, jenjang))
    return entries


def _pendidikan(spec: _Spec) -> list[PendidikanEntry]:
    return [
        PendidikanEntry(i.tingkat, tahun_lulus=i.tahun_lulus, jurusan=i.jurusan, nama_sekolah=i.sekolah)
        for i in spec.ijazah
    ]


def _nik(ctx: _Ctx, spec: _Spec) -> str:
    """A Samarinda NIK: 6472, kecamatan, the birth date (day + 40 for women) and a serial."""
    day = spec.lahir.day + (40 if spec.gender is P else 0)
    return f"6472{ctx.rng.randint(1, 10):02d}{day:02d}{spec.lahir:%m%y}{ctx.rng.randint(1, 9999):04d}"


def _nip(ctx: _Ctx, spec: _Spec) -> str:
    """R1/R2: birth date, TMT CPNS (PPPK: year, 2, contract number), gender, and a serial free among the plan."""
    gender = "1" if spec.gender is L else "2"
    if spec.status is PPPK:
        prefix = f"{spec.lahir:%Y%m%d}{spec.tmt.year}2{spec.kontrak_ke}{gender}"
    else:
        prefix = f"{spec.lahir:%Y%m%d}{spec.tmt:%Y%m}{gender}"
    serial = max(spec.serial, ctx.used_prefixes.get(prefix, 0) + 1)
    ctx.used_prefixes[prefix] = serial
    return f"{prefix}{serial:03d}"


def _when(entry: RiwayatEntry) -> date:
    if isinstance(entry, PendidikanEntry):
        return entry.tmt or date(entry.tahun_lulus or 1900, 6, 30)
    return entry.tmt


def _build(ctx: _Ctx, spec: _Spec, nip: str | None = None) -> DemoPegawai:
    if spec.status is PPPK:
        code = "800.1.2.5/{n}/BKD/{y}"
        nomor, tanggal = _sk(ctx.rng, code, code, spec.tmt, (-30, -7), ctx.today)
        golongan = _PPPK_PER_IJAZAH[spec.ijazah[0].tingkat]
        keterangan = f"Perjanjian kerja ke-{spec.kontrak_ke}"
        career: list[PangkatEntry | KgbEntry] = [
            PangkatEntry(spec.tmt, golongan, 0, 0, "pppk", nomor, tanggal, keterangan)
        ]
        kp_berikut = None
    else:
        career, kp_berikut = _pangkat_and_kgb(ctx, spec)
    pangkat = [e for e in career if isinstance(e, PangkatEntry)]
    entries: list[RiwayatEntry] = [*_pendidikan(spec), *career, *_jabatan(ctx, spec, pangkat)]
    entries.sort(key=_when)
    post = spec.posts[-1]
    catatan = "Tidak diusulkan."
    if post.jenis is JF:
        catatan = "Angka kredit untuk kenaikan pangkat belum terpenuhi."
    elif post.jenis.is_struktural:
        catatan = "Pangkat sudah tertinggi untuk jenjang jabatannya; tidak diusulkan."
    tmt_pns = None
    if spec.status is PNS:
        tmt_pns = add_months(spec.tmt, ctx.rng.choice((12, 13, 14, 18)))
    data = PegawaiInput(
        nip=nip or _nip(ctx, spec),
        nama=spec.nama,
        tanggal_lahir=spec.lahir,
        jenis_kelamin=spec.gender,
        status=spec.status,
        gelar_depan=spec.gelar_depan,
        gelar_belakang=spec.gelar_belakang,
        tempat_lahir=spec.tempat_lahir,
        nik=_nik(ctx, spec),
        tmt_cpns=spec.tmt if spec.status is not PPPK else None,
        tmt_pns=tmt_pns,
        akhir_kontrak=spec.akhir_kontrak,
        eselon=_ESELON.get(post.jenis, ""),
    )
    planned = DemoPegawai(data, tuple(entries), kp_berikut)
    if spec.status is PPPK:
        return planned
    milestone = karya_satya_berikut(spec.tmt, ctx.today - timedelta(days=90)).value
    if milestone is not None and milestone.tanggal < ctx.today:
        planned = replace(planned, satyalancana_diusulkan=milestone.tanggal)
    key = _kp_key(ctx.ref, planned)
    if key is None or (kp_berikut is not None and key >= kp_berikut):
        return planned
    return replace(planned, kp_tidak_perlu=key, kp_catatan=catatan)


# --- what the schedule will say about a plan, to place the people the Jadwal shows ---------------------------


def _last(entries: Sequence[RiwayatEntry], kind: type) -> object | None:
    found = [e for e in entries if isinstance(e, kind)]
    return max(found, key=_when) if found else None


def _next_kgb(ref: StaffReference, p: DemoPegawai, today: date) -> date | None:
    pangkat = _last(p.entries, PangkatEntry)
    kgb = _last(p.entries, KgbEntry)
    assert isinstance(pangkat, PangkatEntry)
    basis: PangkatEntry | KgbEntry = pangkat
    if isinstance(kgb, KgbEntry) and kgb.tmt > pangkat.tmt and kgb.golongan_ruang == pangkat.golongan_ruang:
        basis = kgb
    found = kgb_berikut(
        basis.tmt,
        basis.golongan_ruang,
        MasaKerja(basis.mkg_tahun, basis.mkg_bulan),
        as_of=today,
        tables=ref.gaji,
    ).value
    return found.tmt if found is not None else None


def _kp_key(ref: StaffReference, p: DemoPegawai) -> date | None:
    pangkat = _last(p.entries, PangkatEntry)
    jabatan = _last(p.entries, JabatanEntry)
    assert isinstance(pangkat, PangkatEntry) and isinstance(jabatan, JabatanEntry)
    pendidikan = [e for e in p.entries if isinstance(e, PendidikanEntry)][-1].tingkat
    found = kp_berikut(
        tmt_pangkat=pangkat.tmt,
        golongan_ruang=pangkat.golongan_ruang,
        as_of=pangkat.tmt,
        periods=ref.kp_periods,
        ladder=ref.pangkat,
        jenis=kp_jenis_for(str(jabatan.jenis_jabatan)),
        ijazah=ref.ijazah.get(pendidikan),
    ).value
    return found.tmt if found is not None else None


def _within(d: date | None, today: date, lo: int, hi: int) -> bool:
    return d is not None and today + timedelta(days=lo) <= d <= today + timedelta(days=hi)


def _placed(
    ctx: _Ctx, make: Callable[[date], _Spec], start: date, fits: Callable[[DemoPegawai], bool]
) -> DemoPegawai:
    """The first person whose career ``fits``, trying TMT CPNS ever further (a month at a time, earlier and later)
    from ``start``; a TMT CPNS within the last year is not tried (a CPNS has no KGB or KP yet)."""
    state, names, prefixes = ctx.rng.getstate(), set(ctx.used_names), dict(ctx.used_prefixes)
    latest = add_months(first_of_month(ctx.today), -12)
    for step in range(192):
        tmt = add_months(start, (step + 1) // 2 * (1 if step % 2 else -1))
        if tmt > latest:
            continue
        ctx.rng.setstate(state)
        ctx.used_names, ctx.used_prefixes = set(names), dict(prefixes)
        person = _build(ctx, make(tmt))
        if fits(person):
            return person
    ctx.rng.setstate(state)
    ctx.used_names, ctx.used_prefixes = set(names), dict(prefixes)
    return _build(ctx, make(start))


# --- the roster -----------------------------------------------------------------------------------------------


def _name(ctx: _Ctx, gender: JenisKelamin) -> str:
    """A name not used yet; when the lists run out, a given name of one and the family name of another."""
    names = _MALE if gender is L else _FEMALE
    pool = [n for n in names if n not in ctx.used_names]
    name = ctx.rng.choice(pool) if pool else ""
    while not name or name in ctx.used_names:
        first, last = ctx.rng.choice(names).split()[0], ctx.rng.choice(names).split()[-1]
        name = f"{first} {last}" if first != last else ""
        if len(ctx.used_names) > 4 * len(names):  # very large demos: numbered, still unique
            name = f"{first} {len(ctx.used_names)}"
    ctx.used_names.add(name)
    return name


def _born(ctx: _Ctx, tmt: date, age: int) -> date:
    """A birthday ``age`` years (and a few months) before ``tmt``."""
    return date(tmt.year - age, 1, 1) - timedelta(days=ctx.rng.randint(0, 330))


def _ijazah_list(
    ctx: _Ctx, tingkat: str, jurusan: str, lahir: date, tmt: date, later_s2: str = ""
) -> tuple[tuple[_Ijazah, ...], str]:
    """The ijazah held at CPNS (and a later S-2) and the gelar belakang they give."""
    rng = ctx.rng
    gelar: list[str] = []
    out: list[_Ijazah] = []
    if tingkat in ("SD", "SLTP"):
        age = 12 if tingkat == "SD" else 15
        sekolah = "SD Negeri 005 Samarinda" if tingkat == "SD" else "SMP Negeri 4 Samarinda"
        out.append(_Ijazah(tingkat, lahir.year + age, "", sekolah))
    elif tingkat == "SLTA":
        jur, sekolah = rng.choice(_SLTA)
        out.append(_Ijazah("SLTA", lahir.year + 18, jur, sekolah))
    elif tingkat == "D-III":
        jur, g, sekolah = _D3[jurusan]
        out.append(_Ijazah("D-III", min(lahir.year + 21 + rng.randint(0, 2), tmt.year - 1), jur, sekolah))
        gelar.append(g)
    else:
        jur, g, sekolah = _S1[jurusan]
        s1 = min(lahir.year + 22 + rng.randint(0, 2), tmt.year - 1)
        out.append(_Ijazah("S-1", s1, jur, sekolah))
        gelar.append(g)
        if tingkat == "S-2":
            jur, g, sekolah = _S2[later_s2 or "sains"]
            out.append(_Ijazah("S-2", min(s1 + rng.randint(2, 4), tmt.year - 1), jur, sekolah))
            gelar.append(g)
    if later_s2 and tingkat != "S-2":
        jur, g, sekolah = _S2[later_s2]
        year = min(tmt.year + rng.randint(5, 10), ctx.today.year - 1)
        out.append(_Ijazah("S-2", year, jur, sekolah))
        gelar.append(g)
    return tuple(out), ", ".join(gelar)


def _person(
    ctx: _Ctx,
    *,
    gender: JenisKelamin,
    tmt: date,
    age: int,
    tingkat: str,
    jurusan: str,
    posts: Callable[[date], tuple[_Post, ...]],
    later_s2: str = "",
    lahir: date | None = None,
    **kw: object,
) -> _Spec:
    nama = _name(ctx, gender)
    born = lahir or _born(ctx, tmt, age)
    ijazah, gelar = _ijazah_list(ctx, tingkat, jurusan, born, tmt, later_s2)
    return _Spec(
        nama=nama,
        gelar_depan="",
        gelar_belakang=gelar,
        gender=gender,
        lahir=born,
        tmt=tmt,
        posts=posts(tmt),
        ijazah=ijazah,
        serial=ctx.rng.randint(1, 9),
        tempat_lahir=ctx.rng.choice(_TEMPAT_LAHIR),
        **kw,  # type: ignore[arg-type]
    )


def _pelaksana(nama: str, unit: str) -> Callable[[date], tuple[_Post, ...]]:
    return lambda tmt: (_Post(tmt, PELAKSANA, nama, unit),)


def _fungsional(base: str, unit: str, jenjang: str, after: int = 24) -> Callable[[date], tuple[_Post, ...]]:
    """Pelaksana at first, appointed to the jabatan fungsional ``after`` months later."""

    def posts(tmt: date) -> tuple[_Post, ...]:
        first = _Post(
            tmt,
            PELAKSANA,
            "Penata Layanan Operasional" if jenjang in _KEAHLIAN else "Pengadministrasi Perkantoran",
            unit,
        )
        return (first, _Post(add_months(tmt, after) + timedelta(days=6), JF, base, unit, jenjang))

    return posts


def _specials(ctx: _Ctx) -> Iterator[DemoPegawai]:
    """The people the Jadwal shows within 90 days (a year for the pensiun), placed by their TMT CPNS."""
    today, ref = ctx.today, ctx.ref
    month = first_of_month(today)

    # Pensiun: a pelaksana S-1 at the ceiling who reaches 58 in about six months (BUP 58, R16-R17).
    reached = add_months(month, 6)
    lahir = date(reached.year - 58, reached.month, ctx.rng.randint(2, 27))
    tmt = date(lahir.year + 27, 3, 1)
    spec = _person(
        ctx,
        gender=L,
        tmt=tmt,
        age=27,
        tingkat="S-1",
        jurusan="ekonomi",
        lahir=lahir,
        posts=_pelaksana("Penelaah Teknis Kebijakan", "PDN"),
        delays=False,
    )
    pensiun = _build(ctx, replace(spec, gelar_depan="Drs.", gelar_belakang=""))
    yield pensiun

    def kgb_due(p: DemoPegawai) -> bool:
        return _within(_next_kgb(ref, p, today), today, 10, 80)

    def kp_due(p: DemoPegawai) -> bool:
        return _within(_kp_key(ref, p), today, 14, 85)

    # KGB due: an SLTA pengadministrasi, a D-III pengelola keuangan, an S-1 perencana.
    for gender, age, tingkat, jurusan, posts, start_years in (
        (P, 21, "SLTA", "", _pelaksana("Pengadministrasi Perkantoran", "UM"), 9),
        (L, 24, "D-III", "akuntansi", _pelaksana("Pengelola Layanan Operasional", "PK"), 13),
        (P, 26, "S-1", "pembangunan", _fungsional("Perencana", "PK", "ahli_muda"), 15),
    ):
        yield _placed(
            ctx,
            lambda t, g=gender, a=age, ti=tingkat, j=jurusan, ps=posts: _person(  # type: ignore[misc]
                ctx, gender=g, tmt=t, age=a, tingkat=ti, jurusan=j, posts=ps, delays=False
            ),
            add_months(month, -12 * start_years),
            kgb_due,
        )

    # KP due: a CPNS of four years ago reaches his first KP reguler; a jabatan fungsional her KP pilihan (two
    # years in the pangkat: the periods of the past put no other KP within reach).
    yield _placed(
        ctx,
        lambda t: _person(
            ctx,
            gender=L,
            tmt=t,
            age=23,
            tingkat="SLTA",
            jurusan="",
            posts=_pelaksana("Operator Layanan Operasional", "IND"),
            delays=False,
        ),
        add_months(month, -46),
        kp_due,
    )
    yield _placed(
        ctx,
        lambda t: _person(
            ctx,
            gender=P,
            tmt=t,
            age=25,
            tingkat="S-1",
            jurusan="pembangunan",
            posts=_fungsional("Pengawas Koperasi", "KUKM", "ahli_muda", after=12),
            delays=False,
            jf_months=24,
        ),
        add_months(month, -12 * 6),
        kp_due,
    )

    # PPPK whose perjanjian kerja ends in two or three months (R18: H-6/3/1 months).
    akhir = add_months(month, 3) - timedelta(days=1)
    start = akhir + timedelta(days=1)
    start = start.replace(year=start.year - 5)
    yield _build(
        ctx,
        _person(
            ctx,
            gender=L,
            tmt=start,
            age=29,
            tingkat="S-1",
            jurusan="informatika",
            posts=lambda t: (_Post(t, JF, "Pranata Komputer", "UM", "ahli_pertama"),),
            status=PPPK,
            akhir_kontrak=akhir,
        ),
    )

    # Satyalancana Karya Satya 20 tahun in about two months.
    yield _build(
        ctx,
        _person(
            ctx,
            gender=P,
            tmt=add_months(month, 2 - 240),
            age=24,
            tingkat="S-1",
            jurusan="ekonomi",
            posts=_fungsional("Analis Perdagangan", "PDN", "ahli_muda", after=60),
        ),
    )


def _split_gelar(text: str) -> tuple[str, str, str]:
    """``"Dr. Ir. Hj. Fulanah Rahmawati, M.Si."`` -> ("Dr. Ir. Hj.", "Fulanah Rahmawati", "M.Si.")."""
    nama, _, belakang = text.partition(", ")
    words = nama.split()
    depan = []
    while words and words[0] in _GELAR_DEPAN:
        depan.append(words.pop(0))
    return " ".join(depan), " ".join(words), belakang


def _known_ijazah(ctx: _Ctx, depan: str, belakang: str, lahir: date, tmt: date) -> tuple[_Ijazah, ...]:
    """The ijazah a named person's gelar tell of: the first at CPNS, higher ones during service."""
    found = [_GELAR_IJAZAH[g] for g in (*depan.split(), *belakang.split(", ")) if g in _GELAR_IJAZAH]
    order = {"SLTA": 0, "D-III": 1, "S-1": 2, "S-2": 3, "S-3": 4}
    found.sort(key=lambda t: order[t[0]])
    if not found:
        jur, sekolah = ctx.rng.choice(_SLTA)
        return (_Ijazah("SLTA", lahir.year + 18, jur, sekolah),)
    out: list[_Ijazah] = []
    year = min(lahir.year + 22, tmt.year - 1)
    for index, (tingkat, key) in enumerate(found):
        if tingkat == "D-III":
            jur, _, sekolah = _D3[key]
            out.append(_Ijazah(tingkat, min(lahir.year + 21, tmt.year - 1), jur, sekolah))
            continue
        if tingkat == "S-1":
            jur, _, sekolah = _S1[key]
        elif tingkat == "S-2":
            jur, _, sekolah = _S2[key]
            year = tmt.year + 6 + index
        else:
            jur, sekolah = "Ilmu Administrasi", "Universitas Brawijaya"
            year = min(tmt.year + 15, ctx.today.year - 2)
        out.append(_Ijazah(tingkat, min(year, ctx.today.year - 1), jur, sekolah))
    return tuple(out)


def _known(ctx: _Ctx, person: Known, posts: tuple[_Post, ...], cap: str = "") -> DemoPegawai:
    depan, nama, belakang = _split_gelar(person.nama)
    nip = person.nip
    lahir = date(int(nip[:4]), int(nip[4:6]), int(nip[6:8]))
    tmt = date(int(nip[8:12]), int(nip[12:14]), 1)
    gender = L if nip[14] == "1" else P
    ctx.used_names.add(nama)
    ctx.used_prefixes[nip[:15]] = max(ctx.used_prefixes.get(nip[:15], 0), int(nip[15:]))
    spec = _Spec(
        nama=nama,
        gelar_depan=depan,
        gelar_belakang=belakang,
        gender=gender,
        lahir=lahir,
        tmt=tmt,
        posts=posts,
        ijazah=_known_ijazah(ctx, depan, belakang, lahir, tmt),
        cap=cap,
        tempat_lahir=ctx.rng.choice(_TEMPAT_LAHIR),
    )
    return _build(ctx, spec, nip)


def _appointed(ctx: _Ctx, tmt: date, years: int) -> date:
    """A pelantikan date ``years`` after TMT CPNS (a working day early in a month), before today."""
    when = date(
        min(tmt.year + years, ctx.today.year - 1), ctx.rng.choice((1, 3, 6, 9)), ctx.rng.randint(2, 12)
    )
    return ctx.cal.next_working_day(when)


def _jenjang_in_name(jabatan: str) -> tuple[str, str]:
    """``"Perencana Ahli Pertama"`` -> ("Perencana", "ahli_pertama"); ("", "") when no jenjang is named."""
    for key, label in JENJANG_FUNGSIONAL.items():
        if jabatan.endswith(f" {label}"):
            return jabatan[: -len(label) - 1], key
    return "", ""


def _officials(
    ctx: _Ctx, signatories: Sequence[Known], kasi: Sequence[Known], staf: Sequence[Known]
) -> tuple[list[DemoPegawai], list[DemoPegawai], list[DemoPegawai]]:
    """The named signatories, Kasi and staff with careers that lead to their present posts."""
    top: list[DemoPegawai] = []
    for person in signatories:
        tmt = date(int(person.nip[8:12]), int(person.nip[12:14]), 1)
        lowered = person.jabatan.casefold()
        posts: tuple[_Post, ...]
        if lowered == "kepala dinas":
            posts = (
                _Post(tmt, PELAKSANA, "Pengelola Data Industri", "IND"),
                _Post(_appointed(ctx, tmt, 9), PENGAWAS, "Kepala Seksi Industri Kecil dan Menengah", "IND"),
                _Post(_appointed(ctx, tmt, 15), ADM, "Kepala Bidang Perindustrian", "IND"),
                _Post(_appointed(ctx, tmt, 23), JPT, _KEPALA_DINAS, ""),
            )
            cap = "IV/c"
        elif lowered == "sekretaris":
            posts = (
                _Post(tmt, PELAKSANA, "Pengelola Keuangan", "PK"),
                _Post(_appointed(ctx, tmt, 8), PENGAWAS, "Kepala Sub Bagian Perencanaan dan Keuangan", "PK"),
                _Post(_appointed(ctx, tmt, 17), ADM, "Sekretaris", "SEK"),
            )
            cap = "IV/b"
        else:
            posts = (
                _Post(tmt, PELAKSANA, "Pengadministrasi Kepegawaian", "UM"),
                _Post(_appointed(ctx, tmt, 9), PENGAWAS, person.jabatan, "UM"),
            )
            cap = "III/d"
        top.append(_known(ctx, person, posts, cap))
    middle = []
    for person in kasi:
        tmt = date(int(person.nip[8:12]), int(person.nip[12:14]), 1)
        posts = (
            _Post(tmt, PELAKSANA, "Penata Layanan Operasional", person.unit),
            _Post(_appointed(ctx, tmt, ctx.rng.randint(9, 12)), PENGAWAS, person.jabatan, person.unit),
        )
        middle.append(_known(ctx, person, posts))
    staff = []
    for person in staf:
        tmt = date(int(person.nip[8:12]), int(person.nip[12:14]), 1)
        base, jenjang = _jenjang_in_name(person.jabatan)
        if base:
            posts = _fungsional(base, person.unit, jenjang, after=ctx.rng.choice((12, 24)))(tmt)
        else:
            posts = (_Post(tmt, PELAKSANA, person.jabatan, person.unit),)
        staff.append(_known(ctx, person, posts))
    return top, middle, staff


def _heads(ctx: _Ctx, units: Mapping[str, str]) -> Iterator[DemoPegawai]:
    """The Kepala Bidang, the Kepala UPTD and the Kasubbag Perencanaan dan Keuangan (not named elsewhere)."""
    today = ctx.today
    for unit, gender, jurusan, s2, kasi in (
        ("IND", L, "teknik", "teknik", "Kepala Seksi Sarana dan Prasarana Industri"),
        ("PDN", P, "ekonomi", "ekonomi", "Kepala Seksi Pengembangan Perdagangan Dalam Negeri"),
        ("KUKM", L, "administrasi", "administrasi", "Kepala Seksi Pembiayaan Koperasi dan UKM"),
        ("BPSMB", P, "kimia", "sains", "Kepala Seksi Pengujian dan Sertifikasi Mutu"),
    ):
        tmt = date(today.year - ctx.rng.randint(20, 26), ctx.rng.choice((1, 3, 12)), 1)

        def posts(t: date, u: str = unit, k: str = kasi) -> tuple[_Post, ...]:
            return (
                _Post(t, PELAKSANA, "Penata Layanan Operasional", u),
                _Post(_appointed(ctx, t, ctx.rng.randint(8, 10)), PENGAWAS, k, u),
                _Post(_appointed(ctx, t, ctx.rng.randint(15, 18)), ADM, _kepala(units, u), u),
            )

        yield _build(
            ctx,
            _person(
                ctx,
                gender=gender,
                tmt=tmt,
                age=ctx.rng.randint(25, 28),
                tingkat="S-1",
                jurusan=jurusan,
                posts=posts,
                later_s2=s2,
            ),
        )
    tmt = date(today.year - 17, 3, 1)
    yield _build(
        ctx,
        _person(
            ctx,
            gender=P,
            tmt=tmt,
            age=25,
            tingkat="S-1",
            jurusan="akuntansi",
            posts=lambda t: (
                _Post(t, PELAKSANA, "Pengelola Keuangan", "PK"),
                _Post(_appointed(ctx, t, 10), PENGAWAS, "Kepala Sub Bagian Perencanaan dan Keuangan", "PK"),
            ),
        ),
    )


_UNIT_HEADS = {
    "IND": "Kepala Bidang Perindustrian",
    "PDN": "Kepala Bidang Perdagangan Dalam Negeri",
    "KUKM": "Kepala Bidang Koperasi dan UKM",
    "BPSMB": "Kepala UPTD Balai Pengujian dan Sertifikasi Mutu Barang",
}


def _kepala(units: Mapping[str, str], unit: str) -> str:
    return _UNIT_HEADS.get(unit, f"Kepala {units.get(unit, unit)}")


def _pppk(ctx: _Ctx) -> Iterator[DemoPegawai]:
    """PPPK on five-year contracts that end well after the Jadwal's reach."""
    for gender, tingkat, jurusan, base, unit, jenjang in (
        (P, "S-1", "ekonomi", "Analis Perdagangan", "PDN", "ahli_pertama"),
        (L, "D-III", "administrasi", "Arsiparis", "UM", "terampil"),
        (P, "S-1", "hukum", "Pengelola Pengadaan Barang/Jasa", "UM", "ahli_pertama"),
        (L, "D-III", "kimia", "Penguji Mutu Barang", "BPSMB", "terampil"),
        (P, "S-1", "pertanian", "Penyuluh Perindustrian", "IND", "ahli_pertama"),
        (L, "SLTA", "", "Operator Layanan Operasional", "KUKM", ""),
        (P, "S-1", "akuntansi", "Analis Keuangan Pusat dan Daerah", "PK", "ahli_pertama"),
    ):
        start = date(ctx.today.year - ctx.rng.randint(1, 3), ctx.rng.choice((1, 2, 3, 4, 7, 10)), 1)
        akhir = add_months(start, 60) - timedelta(days=1)

        def posts(t: date, b: str = base, u: str = unit, j: str = jenjang) -> tuple[_Post, ...]:
            return (_Post(t, JF if j else PELAKSANA, b, u, j),)

        yield _build(
            ctx,
            _person(
                ctx,
                gender=gender,
                tmt=start,
                age=ctx.rng.randint(26, 38),
                tingkat=tingkat,
                jurusan=jurusan,
                posts=posts,
                status=PPPK,
                akhir_kontrak=akhir,
            ),
        )


# Other staff, in turn: (gender, tingkat, jurusan, jabatan base, unit, jenjang fungsional or "" = pelaksana).
_OTHERS = (
    (L, "S-1", "informatika", "Pranata Komputer", "UM", "ahli_muda"),
    (P, "SLTA", "", "Pengadministrasi Perkantoran", "SEK", ""),
    (L, "S-1", "teknik", "Pembina Industri", "IND", "ahli_muda"),
    (P, "D-III", "akuntansi", "Pengelola Layanan Operasional", "PK", ""),
    (L, "SLTP", "", "Operator Layanan Operasional", "UM", ""),
    (P, "S-1", "ekonomi", "Pengawas Perdagangan", "PDN", "ahli_madya"),
    (L, "SLTA", "", "Operator Layanan Operasional", "BPSMB", ""),
    (P, "S-1", "administrasi", "Analis Sumber Daya Manusia Aparatur", "UM", "ahli_muda"),
    (L, "D-III", "kimia", "Penguji Mutu Barang", "BPSMB", "penyelia"),
    (P, "S-1", "pembangunan", "Pengawas Koperasi", "KUKM", "ahli_muda"),
    (L, "SD", "", "Pengadministrasi Perkantoran", "UM", ""),
    (P, "S-1", "sosial", "Penata Layanan Operasional", "KUKM", ""),
    (L, "D-III", "informatika", "Pengolah Data dan Informasi", "IND", ""),
    (P, "S-1", "akuntansi", "Perencana", "PK", "ahli_pertama"),
    (L, "SLTA", "", "Pengadministrasi Perkantoran", "PDN", ""),
    (P, "D-III", "administrasi", "Arsiparis", "UM", "mahir"),
)


def _others(ctx: _Ctx) -> Iterator[DemoPegawai]:
    """As many as asked: fungsional and pelaksana of every unit, 24 to 55 years old."""
    index = 0
    while True:
        gender, tingkat, jurusan, base, unit, jenjang = _OTHERS[index % len(_OTHERS)]
        index += 1
        age = {"SD": 20, "SLTP": 20, "SLTA": 21, "D-III": 23}.get(tingkat, 25) + ctx.rng.randint(0, 5)
        years = ctx.rng.randint(3, 55 - age)
        tmt = date(ctx.today.year - years, ctx.rng.randint(1, 12), 1)
        posts = _fungsional(base, unit, jenjang, after=ctx.rng.choice((12, 24, 36)))
        if not jenjang:
            posts = _pelaksana(base, unit)
        yield _build(
            ctx,
            _person(
                ctx,
                gender=gender,
                tmt=tmt,
                age=age,
                tingkat=tingkat,
                jurusan=jurusan,
                posts=posts,
                later_s2="administrasi" if jenjang == "ahli_madya" else "",
            ),
        )


def _cpns(ctx: _Ctx) -> DemoPegawai:
    tmt = add_months(first_of_month(ctx.today), -8)
    return _build(
        ctx,
        _person(
            ctx,
            gender=P,
            tmt=tmt,
            age=24,
            tingkat="S-1",
            jurusan="informatika",
            posts=_pelaksana("Penata Layanan Operasional", "UM"),
            status=CPNS,
        ),
    )


def _cuti(ctx: _Ctx, people: Sequence[DemoPegawai]) -> list[DemoPegawai]:
    """Leave this year for some: cuti tahunan mostly, a cuti sakit and a cuti alasan penting, all approved."""
    today, rng, cal = ctx.today, ctx.rng, ctx.cal
    first = cal.next_working_day(date(today.year, 1, 6))
    last = max(today - timedelta(days=10), first + timedelta(days=45))
    out = []
    for index, p in enumerate(people):
        if index % 4 != 1 or p.input.status is CPNS:  # cuti tahunan after a year of service
            out.append(p)
            continue
        jenis, days = CutiJenis.TAHUNAN, rng.randint(2, 5)
        if index % 12 == 5:
            jenis, days = CutiJenis.SAKIT, rng.randint(2, 4)
        elif index % 12 == 9 and p.input.status is not PPPK:
            jenis, days = CutiJenis.ALASAN_PENTING, 2
        mulai = cal.next_working_day(first + timedelta(days=rng.randint(0, (last - first).days)))
        selesai = cal.add_working_days(mulai, days - 1)
        if selesai.year != mulai.year:
            out.append(p)
            continue
        nomor = rng.randint(100, 999)
        entry = CutiEntry(
            mulai,
            selesai,
            jenis,
            referensi=f"PCT-{mulai.year}-{rng.randint(10000, 99999)}",
            nomor_sk=f"800.1.11.4/{nomor}/SEK.UM/DP2KUKM/{mulai.year}",
            tanggal_sk=mulai - timedelta(days=rng.randint(3, 10)),
        )
        out.append(replace(p, entries=(*p.entries, entry)))
    return out


def plan_staff(
    ref: StaffReference,
    *,
    count: int,
    seed: int,
    today: date,
    unit_ids: Mapping[str, int],
    unit_names: Mapping[str, str],
    cal: WorkingCalendar,
    signatories: Sequence[Known] = (),
    kasi: Sequence[Known] = (),
    staf: Sequence[Known] = (),
) -> list[DemoPegawai]:
    """``count`` pegawai, the same for the same seed and day: first those the Jadwal shows, then the named
    signatories, unit heads, Kasi and staff, the PPPK and a CPNS, then as many others as needed."""
    ctx = _Ctx(ref, today, unit_ids, cal, random.Random(seed))
    for person in (*signatories, *kasi, *staf):  # their names and NIPs are taken, whoever comes first
        ctx.used_names.add(_split_gelar(person.nama)[1])
        prefix = person.nip[:15]
        ctx.used_prefixes[prefix] = max(ctx.used_prefixes.get(prefix, 0), int(person.nip[15:]))
    people: list[DemoPegawai] = []

    def groups() -> Iterator[DemoPegawai]:
        yield from _specials(ctx)
        top, middle, staff = _officials(ctx, signatories, kasi, staf)
        yield from top
        yield from _heads(ctx, unit_names)
        yield from middle
        yield from staff
        yield from _pppk(ctx)
        yield _cpns(ctx)
        yield from _others(ctx)

    for planned in groups():
        if len(people) >= count:
            break
        people.append(planned)
    return _cuti(ctx, people)
