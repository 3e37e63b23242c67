"""The demo Dinas's front desk: six months of visits, tickets, kartu tamu, pre-registrations and SKM answers."""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from desktop.core import clock
from desktop.core.calendar import WorkingCalendar
from desktop.core.dates import office_tz
from desktop.services.common import auth, calendar, demo_mark, office
from desktop.services.common.permissions import SYSTEM, Actor, Role
from desktop.services.guests import cards, hosts, prereg, queue, reference, skm, visits
from desktop.services.system import AppContext

__all__ = ["GuestTally", "fill_guests"]

VISITS_PER_MONTH = 250  # a provincial Dinas's front desk: 10-15 guests a working day
SKM_PER_MONTH = 50
CARDS = "1-30"

# fmt: off
_MALE = (
    "Ahmad", "Muhammad", "Andi", "Budi", "Rudi", "Hendra", "Agus", "Syamsul", "Rahmadi", "Fajar", "Irwan",
    "Hairul", "Yusran", "Darmawan", "Sugeng", "Bambang", "Wawan", "Taufik", "Arief", "Eko", "Rizky", "Dedy",
    "Muhammad Noor", "Abdul Rahman", "Gusti Rahmat", "Daeng Mappiare", "Markus", "Yohanes", "Stefanus", "Petrus",
    "Imam", "Fikri", "Aditya", "Ilham", "Zulkifli", "Hasanuddin", "Nasrullah", "Ronald", "Slamet", "Jumadi",
)
_FEMALE = (
    "Siti", "Nur", "Dewi", "Rina", "Fitri", "Ratna", "Yuliana", "Herlina", "Wahyuni", "Nurul", "Sri",
    "Aisyah", "Mariani", "Rosita", "Erna", "Lusiana", "Novita", "Intan", "Rahmah", "Fatimah", "Hj. Noorhayati",
    "Andi Tenri", "Gusti Ayu", "Maria", "Theresia", "Kristina", "Dina", "Ayu", "Putri", "Melati", "Salma",
    "Winda", "Nadia", "Risma", "Hasnah", "Jumiati", "Megawati", "Yuni", "Indri", "Laila",
)
_FAMILY = (
    "Saputra", "Hidayat", "Pratama", "Wijaya", "Kurniawan", "Setiawan", "Nugroho", "Santoso", "Rahman",
    "Hakim", "Syahrani", "Aminuddin", "Ramadhani", "Anwar", "Fauzan", "Lestari", "Susanti", "Handayani",
    "Hasibuan", "Siregar", "Pasaribu", "Lumbantobing", "Sembiring", "Manurung", "Mappasessu", "Tahir",
    "Lasmana", "Rusdi", "Baharuddin", "Arifin", "Yusuf", "Suryani", "Wulandari", "Mulyani", "Kartini", "Junaidi",
    "Lajang", "Ngau", "Huvang", "Ding", "Yacob", "Sulaiman", "Salim", "Ismail", "Permana", "Gunawan",
)
_DINAS = (
    "Dinas Perindustrian dan Perdagangan Kota Samarinda",
    "Dinas Perdagangan Kota Balikpapan",
    "Dinas Koperasi dan UKM Kabupaten Kutai Kartanegara",
    "Dinas Perindustrian, Perdagangan dan Koperasi Kota Bontang",
    "Dinas Koperasi, UKM dan Perindustrian Kabupaten Berau",
    "Dinas Perindustrian, Perdagangan, Koperasi dan UKM Kabupaten Paser",
    "Dinas Perdagangan Kabupaten Kutai Timur",
    "Dinas Koperasi dan UKM Kabupaten Kutai Barat",
    "Dinas Perindustrian dan Perdagangan Kabupaten Penajam Paser Utara",
    "Badan Perencanaan Pembangunan Daerah Provinsi Kalimantan Timur",
    "Biro Perekonomian Setda Provinsi Kalimantan Timur",
    "Inspektorat Daerah Provinsi Kalimantan Timur",
    "Badan Pusat Statistik Provinsi Kalimantan Timur",
)
_USAHA = (
    "PT Pupuk Kalimantan Timur", "CV Borneo Makmur Sejahtera", "PT Mahakam Niaga Utama", "CV Sinar Etam Abadi",
    "PT Kaltim Prima Pangan", "CV Karya Benua Etam", "PT Samarinda Agro Lestari", "UD Tenun Sarung Samarinda",
    "Koperasi Produsen Amplang Sejahtera", "Koperasi Konsumen Sejahtera Bersama Samarinda", "CV Tepian Jaya",
    "PT Balikpapan Logistik Nusantara", "Kamar Dagang dan Industri Provinsi Kalimantan Timur",
)
_KAMPUS = (
    "Universitas Mulawarman", "Politeknik Negeri Samarinda", "Universitas 17 Agustus 1945 Samarinda",
    "Institut Teknologi Kalimantan", "Universitas Muhammadiyah Kalimantan Timur",
    "UIN Sultan Aji Muhammad Idris Samarinda", "Universitas Balikpapan",
)
_KURIR = ("JNE Samarinda", "PT Pos Indonesia (Persero)", "J&T Express Samarinda")
_JALAN = (
    "Jl. Juanda", "Jl. Pahlawan", "Jl. Antasari", "Jl. Pangeran Suryanata", "Jl. KH. Wahid Hasyim",
    "Jl. Slamet Riyadi", "Jl. Gatot Subroto", "Jl. Cendana", "Jl. P. Hidayatullah", "Jl. Wolter Monginsidi",
    "Jl. Jakarta", "Jl. DI Panjaitan", "Jl. Ir. H. Juanda", "Jl. MT Haryono",
)
_KOTA = (("Samarinda", "6472"), ("Samarinda", "6472"), ("Samarinda", "6472"), ("Balikpapan", "6471"),
         ("Tenggarong", "6402"), ("Bontang", "6474"), ("Sangatta", "6408"), ("Tanah Grogot", "6401"))
_HP = ("0811", "0812", "0813", "0821", "0822", "0852", "0853", "0857", "0858", "0877", "0878", "0895", "0896")
_SARAN = (
    "Pelayanan sudah baik, pertahankan.",
    "Ruang tunggu agak panas, mohon AC diperbaiki.",
    "Petugas ramah dan cepat membantu.",
    "Mohon informasi persyaratan diumumkan di laman dinas.",
    "Parkir kendaraan tamu terlalu sempit.",
    "Waktu tunggu bertemu pejabat cukup lama.",
    "Terima kasih, data yang kami minta diberikan dengan cepat.",
    "Sediakan kotak saran dan nomor WhatsApp pengaduan.",
)
_CANCEL = (
    "Pejabat yang dituju sedang dinas luar; tamu akan datang kembali.",
    "Tamu membatalkan kunjungan karena ada keperluan mendadak.",
    "Salah tujuan; tamu diarahkan ke Dinas Perdagangan Kota Samarinda.",
)
# fmt: on

# (weight, minutes at the counter, minutes more in the building after it) by a word of the keperluan.
_KEPERLUAN_SHAPE: tuple[tuple[str, float, tuple[int, int], tuple[int, int]], ...] = (
    ("koordinasi", 30, (10, 30), (15, 90)),
    ("surat", 22, (2, 7), (1, 5)),
    ("data", 12, (8, 25), (2, 10)),
    ("lainnya", 11, (5, 18), (2, 15)),
    ("undangan", 10, (3, 10), (1, 6)),
    ("audiensi", 8, (15, 40), (10, 60)),
    ("pengaduan", 5, (12, 35), (2, 10)),
)
_LOKET = {"A": ("Loket 1", "Loket 2"), "B": ("Loket PPID",), "C": ("Loket Pengaduan",)}
# SKM answers (R19): how often an unsur gets a 4 and a 2; a 1 is rare, the rest is 3. The office is good at
# the free service (U4) and its staff's manner (U7), weaker at waiting time (U3) and complaints (U8).
_P4 = (0.52, 0.48, 0.40, 0.84, 0.51, 0.56, 0.62, 0.42, 0.44)
_P2 = (0.04, 0.05, 0.08, 0.01, 0.04, 0.03, 0.03, 0.06, 0.07)
_WEEKDAY = (1.15, 1.1, 1.0, 1.0, 0.8, 0.3, 0.2)  # Friday is short (Jumat prayers); a weekend only if worked


@dataclass
class GuestTally:
    """What :func:`fill_guests` added, for the summary printed by ``sekretariat demo``."""

    kunjungan: int = 0
    orang: int = 0  # a group counts each person
    batal: int = 0
    kartu_hilang: int = 0
    di_kantor: int = 0  # checked in and not yet out at the end
    pra_registrasi: int = 0  # waiting for the next working day
    kartu: int = 0
    skm: int = 0
    ikm: Decimal | None = None  # the IKM x 25 of the filled period
    mutu: str = ""


@dataclass(frozen=True)
class _Guest:
    nama: str
    jenis_kelamin: str
    instansi: str
    no_hp: str
    alamat: str
    nik: str
    kind: str  # dinas, usaha, kampus, kurir, warga


@dataclass
class _Visit:
    index: int
    guest: _Guest
    returning: bool
    keperluan: str
    prefix: str
    unit_id: int | None
    pegawai_id: int | None
    jumlah: int
    datang: datetime
    fate: str = ""  # "", "batal", "hilang"
    prereg_at: datetime | None = None
    times: dict[str, datetime] = field(default_factory=dict)  # call, serve, finish, out, cancel
    loket: str = ""


@dataclass(frozen=True)
class _Desk:
    """What the demo needs to know about the office, read once."""

    zone: ZoneInfo
    zone_code: str
    cal: WorkingCalendar
    keperluan: tuple[tuple[str, str], ...]  # (nama, service prefix)
    units: dict[str, int]  # unit id by singkatan
    people: dict[int, tuple[int, ...]]  # pegawai ids by unit id
    actor: Actor


def _read_desk(session: Session) -> _Desk:
    zone_code = visits.zone(session)
    services = {s.id: s.prefix for s in reference.list_services(session)}
    first = next(iter(services.values()), "A")
    keperluan = tuple(
        (k.nama, services.get(k.layanan_id or 0, first)) for k in reference.list_keperluan(session)
    )
    people: dict[int, list[int]] = defaultdict(list)
    for h in hosts.list_hosts(session, SYSTEM):
        if h.pegawai_id is not None and h.unit_id is not None:
            people[h.unit_id].append(h.pegawai_id)
    users = (
        [u for u in auth.list_users(session, SYSTEM) if u.role is Role.PETUGAS_TAMU]
        if auth.has_users(session)
        else []
    )
    return _Desk(
        zone=office_tz(zone_code),
        zone_code=zone_code,
        cal=calendar.working_calendar(session),
        keperluan=keperluan,
        units={u.singkatan: u.id for u in office.list_units(session) if u.id is not None},
        people={k: tuple(v) for k, v in people.items()},
        actor=auth.actor_for(users[0]) if users else SYSTEM,
    )


# --- the plan ----------------------------------------------------------------------------------------------------


class _People:
    """New guests drawn without repeating a name; the regulars and earlier guests who come back."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()
        self.seen: list[_Guest] = []
        self.regulars: list[_Guest] = []

    def new(self, kind: str) -> _Guest:
        rng = self.rng
        while True:
            female = rng.random() < 0.42
            nama = f"{rng.choice(_FEMALE if female else _MALE)} {rng.choice(_FAMILY)}"
            if nama not in self.used:
                break
        self.used.add(nama)
        instansi = {
            "dinas": rng.choice(_DINAS),
            "usaha": rng.choice(_USAHA),
            "kampus": rng.choice(_KAMPUS),
            "kurir": rng.choice(_KURIR),
        }.get(kind, "")
        kota, kode = rng.choice(_KOTA)
        alamat = ""
        if kind in ("warga", "usaha") or rng.random() < 0.25:
            alamat = f"{rng.choice(_JALAN)} No. {rng.randint(1, 180)}, {kota}"
        hp = ""
        if rng.random() < 0.85:
            digits = f"{rng.choice(_HP)}{rng.randint(1000000, 99999999)}"
            hp = f"{digits[:4]}-{digits[4:8]}-{digits[8:]}" if rng.random() < 0.3 else digits
        nik = ""
        if kind in ("warga", "usaha") and rng.random() < 0.5:
            born = date(rng.randint(1965, 2004), rng.randint(1, 12), rng.randint(1, 28))
            day = born.day + (40 if female else 0)
            nik = f"{kode}{rng.randint(1, 9):02d}{day:02d}{born:%m%y}{rng.randint(1, 30):04d}"
        guest = _Guest(nama, "P" if female else "L", instansi, hp, alamat, nik, kind)
        self.seen.append(guest)
        return guest


def _kind_for(rng: random.Random, keperluan: str) -> str:
    word = keperluan.casefold()
    if "surat" in word:
        return rng.choices(("dinas", "kurir", "usaha"), (5, 3, 2))[0]
    if "pengaduan" in word:
        return rng.choices(("warga", "usaha"), (7, 3))[0]
    if "data" in word:
        return rng.choices(("kampus", "warga", "usaha", "dinas"), (5, 2, 2, 1))[0]
    if "koordinasi" in word or "undangan" in word:
        return rng.choices(("dinas", "usaha", "kampus"), (7, 2, 1))[0]
    return rng.choices(("dinas", "usaha", "kampus", "warga"), (3, 3, 2, 2))[0]


def _shape(keperluan: str) -> tuple[float, tuple[int, int], tuple[int, int]]:
    word = keperluan.casefold()
    for key, weight, counter, stay in _KEPERLUAN_SHAPE:
        if key in word:
            return weight, counter, stay
    return 4, (5, 15), (2, 10)


def _tujuan(rng: random.Random, desk: _Desk, keperluan: str) -> tuple[int | None, int | None]:
    word = keperluan.casefold()
    wanted: tuple[str, ...]
    if "surat" in word or "undangan" in word:
        wanted = ("UM",)
    elif "data" in word:
        wanted = ("SEK", "UM")
    elif "pengaduan" in word:
        wanted = ("PDN",)
    else:
        wanted = ("IND", "PDN", "KUKM", "SEK", "PK", "BPSMB")
    units = [desk.units[w] for w in wanted if w in desk.units] or list(desk.units.values())[:1]
    unit = rng.choice(units)
    people = desk.people.get(unit, ())
    if people and ("koordinasi" in word or "audiensi" in word or "lainnya" in word) and rng.random() < 0.5:
        return unit, rng.choice(people)
    return unit, None


def _arrival(rng: random.Random, day: date, zone: ZoneInfo) -> datetime:
    """Most guests come in the morning (08-11); the afternoon after the lunch break is quieter."""
    if rng.random() < 0.72:
        minute = min(max(int(rng.gauss(9.5 * 60, 55)), 7 * 60 + 40), 11 * 60 + 45)
    else:
        start = 13 * 60 + 30 if day.weekday() == 4 else 13 * 60
        minute = rng.randint(start, 15 * 60 + 20)
    return datetime.combine(day, time(minute // 60, minute % 60, rng.randint(0, 59)), zone)


def _plan(
    rng: random.Random, desk: _Desk, days: Sequence[date], count: int, cutoff: datetime
) -> tuple[list[_Visit], list[tuple[datetime, _Guest, str, date]]]:
    """The visits of the period in arrival order, their queue times, and the pre-registrations for after it
    (when, who, keperluan, for which day)."""
    weights = [_WEEKDAY[d.weekday()] * rng.uniform(0.75, 1.25) for d in days]
    total = sum(weights) or 1.0
    people = _People(rng)
    names = [k for k, _ in desk.keperluan]
    prefixes = dict(desk.keperluan)
    shape_weights = [_shape(k)[0] for k in names]
    planned: list[_Visit] = []
    for day, weight in zip(days, weights, strict=True):
        n = round(count * weight / total)
        if day == cutoff.date():
            n = max(n, 4)  # the demo shows guests in the building
        today_guests: set[str] = set()
        for _ in range(n):
            keperluan = rng.choices(names, shape_weights)[0]
            kind = _kind_for(rng, keperluan)
            returning = False
            guest: _Guest | None = None
            roll = rng.random()
            # A regular (a dinas courier, a cooperative's treasurer) or an earlier guest back for the same matter.
            if roll < 0.12 and people.regulars:
                guest, returning = rng.choice(people.regulars), True
            elif roll < 0.30 and len(people.seen) > 20:
                guest, returning = rng.choice(people.seen[:-5]), True
            if guest is None or guest.nama in today_guests or guest.kind != kind:
                guest, returning = people.new(kind), False
                if kind in ("dinas", "kurir") and rng.random() < 0.1:
                    people.regulars.append(guest)
            today_guests.add(guest.nama)
            unit, pegawai = _tujuan(rng, desk, keperluan)
            group = rng.random() < (
                0.15 if kind in ("kampus", "dinas") and "surat" not in keperluan.casefold() else 0.04
            )
            planned.append(
                _Visit(
                    index=len(planned),
                    guest=guest,
                    returning=returning,
                    keperluan=keperluan,
                    prefix=prefixes[keperluan],
                    unit_id=unit,
                    pegawai_id=pegawai,
                    jumlah=rng.randint(2, 6) if group else 1,
                    datang=_arrival(rng, day, desk.zone),
                )
            )
    planned = [v for v in planned if v.datang < cutoff]
    planned.sort(key=lambda v: (v.datang, v.index))
    _queue_times(rng, desk, planned, cutoff)
    # A few came with a registration code made by phone one to three working days earlier (R18).
    first_day = days[0]
    for v in planned:
        if not v.returning and not v.fate and rng.random() < 0.04:
            before = desk.cal.add_working_days(v.datang.date(), -rng.randint(1, 3))
            if before < first_day:
                before = v.datang.date()
            at = datetime.combine(before, time(rng.randint(9, 14), rng.randint(0, 59)), desk.zone)
            v.prereg_at = min(at, v.datang - timedelta(minutes=30))
    # Pre-registrations for the next working day, waiting at the end.
    nxt = desk.cal.add_working_days(cutoff.date(), 1)
    ahead = []
    for i in range(rng.randint(3, 5)):
        keperluan = rng.choice(("Koordinasi/rapat", "Audiensi", "Permohonan data/informasi (PPID)"))
        if keperluan not in prefixes:
            keperluan = names[0]
        at = min(
            cutoff - timedelta(minutes=5 * (i + 1)),
            datetime.combine(cutoff.date(), time(10, i * 7), desk.zone),
        )
        ahead.append((at, people.new(_kind_for(rng, keperluan)), keperluan, nxt))
    return planned, ahead


def _queue_times(rng: random.Random, desk: _Desk, planned: list[_Visit], cutoff: datetime) -> None:
    """Each service's counters take their tickets in order (R12); steps after ``cutoff`` have not happened yet."""
    free: dict[tuple[date, str, str], datetime] = {}
    for v in planned:
        _, counter, stay = _shape(v.keperluan)
        roll = rng.random()
        if roll < 0.015:
            v.fate = "batal"
            v.times["cancel"] = v.datang + timedelta(minutes=rng.randint(4, 25))
        else:
            if roll < 0.018:
                v.fate = "hilang"
            lokets = _LOKET.get(v.prefix, ("Loket 1",))
            day = v.datang.date()
            loket = min(lokets, key=lambda name: free.get((day, v.prefix, name), v.datang))
            call = max(v.datang + timedelta(minutes=rng.randint(1, 4), seconds=rng.randint(0, 59)),
                       free.get((day, v.prefix, loket), v.datang))  # fmt: skip
            serve = call + timedelta(minutes=rng.randint(0, 2), seconds=rng.randint(10, 59))
            finish = serve + timedelta(minutes=rng.randint(*counter), seconds=rng.randint(0, 59))
            free[(day, v.prefix, loket)] = finish
            v.loket = loket
            v.times.update(
                call=call,
                serve=serve,
                finish=finish,
                out=finish + timedelta(minutes=rng.randint(*stay), seconds=rng.randint(0, 59)),
            )
        if v.datang.date() == cutoff.date() and cutoff - v.datang < timedelta(minutes=150):
            v.times.pop("out", None)  # still in a meeting upstairs: on the desk's "sedang di kantor" list
        v.times = {k: t for k, t in v.times.items() if t < cutoff}


# --- entering it -------------------------------------------------------------------------------------------------


_ORDER = {"prereg": 0, "in": 1, "cancel": 2, "call": 3, "serve": 4, "finish": 5, "out": 6}


def _events(planned: Sequence[_Visit]) -> dict[date, list[tuple[datetime, int, int, str, _Visit]]]:
    by_day: dict[date, list[tuple[datetime, int, int, str, _Visit]]] = defaultdict(list)
    for v in planned:
        steps = [("in", v.datang), *v.times.items()]
        if v.prereg_at is not None:
            steps.append(("prereg", v.prereg_at))
        for kind, at in steps:
            by_day[at.date()].append((at, _ORDER[kind], v.index, kind, v))
    for events in by_day.values():
        events.sort(key=lambda e: e[:3])
    return by_day


def _walk_in(session: Session, desk: _Desk, v: _Visit, *, with_card: bool) -> visits.WalkIn:
    tamu_id = None
    if v.returning:
        # The desk types the name and picks the guest from the lookup (R4).
        match = next(
            (m for m in visits.find_guests(session, desk.actor, v.guest.nama) if m.nama == v.guest.nama), None
        )
        tamu_id = match.id if match is not None else None
    g = v.guest
    return visits.WalkIn(
        nama=g.nama,
        keperluan=v.keperluan,
        tujuan_unit_id=v.unit_id,
        tujuan_pegawai_id=v.pegawai_id,
        instansi=g.instansi,
        no_hp=g.no_hp,
        jenis_kelamin=g.jenis_kelamin,
        alamat=g.alamat,
        jumlah_orang=v.jumlah,
        nik=g.nik if tamu_id is None else "",
        tamu_id=tamu_id,
        beri_kartu=with_card,
    )


def _run_day(
    session: Session,
    desk: _Desk,
    events: list[tuple[datetime, int, int, str, _Visit]],
    state: dict[int, tuple[int, str]],
    tally: GuestTally,
    tokens: dict[date, list[str]],
) -> None:
    a = desk.actor
    for at, _, _, kind, v in events:
        with clock.fixed(at):
            if kind == "prereg":
                view = prereg.preregister(
                    session, a, _walk_in(session, desk, v, with_card=False), v.datang.date()
                )
                state[v.index] = (view.id, view.kode_registrasi or "")
            elif kind == "in":
                if v.index in state:
                    view = prereg.arrive(session, a, state[v.index][1])
                else:
                    view = visits.check_in(session, a, _walk_in(session, desk, v, with_card=True))
                state[v.index] = (view.id, view.kartu)
                tally.kunjungan += 1
                tally.orang += v.jumlah
                if view.survei_token:
                    tokens[at.date()].append(view.survei_token)
            elif kind == "cancel":
                visits.cancel(session, a, state[v.index][0], random.Random(v.index).choice(_CANCEL))
                tally.batal += 1
            elif kind == "call":
                queue.call(session, a, state[v.index][0], v.loket)
            elif kind == "serve":
                queue.serve(session, a, state[v.index][0])
            elif kind == "finish":
                queue.finish(session, a, state[v.index][0])
            elif kind == "out":
                lost = v.fate == "hilang" and bool(state[v.index][1])
                visits.check_out(session, a, state[v.index][0], kartu_kembali=not lost)
                tally.kartu_hilang += lost


def _answer(rng: random.Random, layanan: str) -> skm.SurveyAnswer:
    answers: list[int | None] = []
    for i, (p4, p2) in enumerate(zip(_P4, _P2, strict=True)):
        roll = rng.random()
        if i == 7 and rng.random() < 0.08:  # "penanganan pengaduan": not everyone has complained
            answers.append(None)
        else:
            answers.append(4 if roll < p4 else 2 if roll < p4 + p2 else 1 if roll < p4 + p2 + 0.004 else 3)
    return skm.SurveyAnswer(
        answers=tuple(answers),
        jenis_kelamin=rng.choices(("L", "P", ""), (54, 42, 4))[0],
        usia=rng.randint(19, 62) if rng.random() < 0.95 else None,
        pendidikan=rng.choices(skm.PROFILE_CHOICES["pendidikan"], (1, 2, 22, 14, 45, 14, 2))[0],
        pekerjaan=rng.choices(skm.PROFILE_CHOICES["pekerjaan"], (30, 1, 1, 30, 18, 20))[0],
        jenis_layanan=layanan,
        saran=rng.choice(_SARAN) if rng.random() < 0.15 else "",
    )


def _fill_skm(
    ctx: AppContext,
    rng: random.Random,
    desk: _Desk,
    planned: Sequence[_Visit],
    tokens: dict[date, list[str]],
    count: int,
) -> int:
    """SKM answers over the period, each on a day and hour guests were served: most at the kiosk, some by phone
    with the QR of the ticket (the visit's one-time token), some from the online form's export."""
    served = [v for v in planned if "finish" in v.times]
    if not served or count <= 0:
        return 0
    picks = sorted(rng.sample(served, min(count, len(served))), key=lambda v: (v.times["finish"], v.index))
    by_day: dict[date, list[tuple[datetime, str, skm.SurveyAnswer, str | None]]] = defaultdict(list)
    unused = {d: list(t) for d, t in tokens.items()}
    for v in picks:
        at = v.times["finish"] + timedelta(minutes=rng.randint(1, 6))
        sumber = rng.choices(("kiosk", "ponsel", "impor"), (55, 25, 20))[0]
        token = None
        if sumber == "ponsel" and unused.get(at.date()):
            token = unused[at.date()].pop(rng.randrange(len(unused[at.date()])))
        elif sumber == "ponsel":
            sumber = "kiosk"
        by_day[at.date()].append((at, sumber, _answer(rng, v.keperluan), token))
    added = 0
    for day in sorted(by_day):
        with ctx.db.transaction() as s:
            for at, sumber, answer, token in by_day[day]:
                with clock.fixed(at):
                    skm.submit(s, answer, sumber=sumber, token=token)
                added += 1
    return added


def fill_guests(
    ctx: AppContext,
    *,
    months: int = 6,
    seed: int = 2026,
    today: date | None = None,
    count: int | None = None,
    skm_count: int | None = None,
) -> GuestTally:
    """``months`` of the front desk up to ``today``, entered through the guest services with the clock at each
    step's moment: about 250 visits a month on working days (morning peak, groups, returning guests found by
    the lookup, a few cancelled, a few cards not returned), the queue called, served and finished at its
    counters, each guest checked out; today's guests partly still in the building; kartu tamu 1-30; a few
    pre-registrations for the next working day; about 50 SKM answers a month.

    The same seed and day give the same visits. Skipped (each part on its own) when the register already holds
    visits or SKM answers: tickets are numbered per day in arrival order, so a day half filled cannot be
    completed as planned, and a register with visits of its own is left alone. Only a new or demo folder is
    filled (``demo_mark.claim_for_demo``). One transaction per day of visits.
    """
    tally = GuestTally()
    rng = random.Random(seed)
    with ctx.db.transaction() as s:
        demo_mark.claim_for_demo(s)  # never into an office's own register
        desk = _read_desk(s)
        filled = set(demo_mark.tables_with_data(s))
        tally.kartu = len(cards.add_cards(s, desk.actor, CARDS))
    if "kunjungan" in filled or not desk.units or not desk.keperluan:
        return tally  # a guest needs a tujuan and a keperluan (R1)
    real_now = clock.now(desk.zone_code)
    today = today or real_now.date()
    cutoff = datetime.combine(today, time(11, 0), desk.zone)
    if real_now.date() == today and time(8, 30) <= real_now.time() <= time(16, 0):
        cutoff = real_now - timedelta(minutes=1)  # today's visits stop at the clock on the wall
    start = _months_back(today, months)
    days = [d for d in _dates(start, today) if desk.cal.is_working_day(d)]
    if today not in days:
        days.append(today)  # the demo shows guests in the building even on a day off
    planned, ahead = _plan(rng, desk, days, count if count is not None else VISITS_PER_MONTH * months, cutoff)
    by_day = _events(planned)
    state: dict[int, tuple[int, str]] = {}
    tokens: dict[date, list[str]] = defaultdict(list)
    for day in sorted(by_day):
        with ctx.db.transaction() as s:
            with clock.fixed(datetime.combine(day, time(7, 30), desk.zone)):
                prereg.expire(s, desk.actor)  # yesterday's codes not used are tidak hadir
            _run_day(s, desk, by_day[day], state, tally, tokens)
    with ctx.db.transaction() as s:
        for at, guest, keperluan, tanggal in ahead:
            unit, pegawai = _tujuan(rng, desk, keperluan)
            data = visits.WalkIn(
                nama=guest.nama, keperluan=keperluan, tujuan_unit_id=unit, tujuan_pegawai_id=pegawai,
                instansi=guest.instansi, no_hp=guest.no_hp, jenis_kelamin=guest.jenis_kelamin,
            )  # fmt: skip
            with clock.fixed(at):
                prereg.preregister(s, desk.actor, data, tanggal)
            tally.pra_registrasi += 1
    if "skm_respons" not in filled:
        tally.skm = _fill_skm(
            ctx, random.Random(seed + 1), desk, planned, tokens,
            skm_count if skm_count is not None else SKM_PER_MONTH * months,
        )  # fmt: skip
    with ctx.db.transaction() as s:
        tally.di_kantor = len(visits.on_site(s, SYSTEM))
        rep = skm.report(s, SYSTEM, start, today)
        tally.ikm, tally.mutu = rep.skm, rep.mutu
    return tally


def _months_back(day: date, months: int) -> date:
    month = day.month - months
    year = day.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    while True:
        try:
            return date(year, month, day.day)
        except ValueError:
            day = day - timedelta(days=1)


def _dates(start: date, end: date) -> list[date]:
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]
