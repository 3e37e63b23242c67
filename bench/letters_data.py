"""Bulk data of the Surat module: ten years of incoming letters, their disposition chains and outgoing letters.

Rows go in through core ``insert()`` executemany in batches (the service path is measured separately on top of
it). Ids are given explicitly so a disposition can point at its letter and a hop at the recipient it continues
from without reading ids back; afterwards the PostgreSQL sequences and the number counters are moved past what
was written, so letters registered through the services continue the same books.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import func, insert, select, text
from sqlalchemy.orm import Session

from desktop.core import clock
from desktop.core.dates import BULAN
from desktop.core.letters.rules import (
    DEFAULT_INSTRUCTIONS,
    NumberTemplate,
    Urgensi,
    default_batas_waktu,
    normalize_asal,
    normalize_nomor_surat,
)
from desktop.demo import sample_office
from desktop.models.admin import Counter, User
from desktop.models.letters import Disposition, DispositionRecipient, IncomingLetter, OutgoingLetter
from desktop.services import system
from desktop.services.common import calendar, office
from desktop.services.common.permissions import SYSTEM
from desktop.services.letters import dispositions, outgoing
from desktop.services.letters.incoming import AGENDA_SERIES

YEARS_DAYS = 3650
BATCH = 5000
OUTGOING_RATIO = 0.4  # 60,000 outgoing for 150,000 incoming
HOPS_RATIO = 2 / 3  # 100,000 disposition hops for 150,000 incoming
CHAIN_LENGTHS = (1, 2, 3)
CHAIN_WEIGHTS = (0.65, 0.25, 0.10)  # mean 1.45 hops: at the default ratio about 46% of letters get a chain
MEAN_CHAIN = sum(k * w for k, w in zip(CHAIN_LENGTHS, CHAIN_WEIGHTS, strict=True))
FORGOTTEN = 0.02  # chains whose follow-up nobody ever recorded: they stay open (and overdue) for good
TANPA_DISPOSISI = 0.08  # share of letters archived without a disposition (R16 "arsip")
WAITING_DAYS = 3  # unchained letters received this recently still wait for their disposition

Progress = Callable[[str], None]

# Random words for incoming perihal; the full-text benchmark builds its queries from the same list.
WORDS = [
    "undangan",
    "rapat",
    "koordinasi",
    "permohonan",
    "data",
    "laporan",
    "realisasi",
    "anggaran",
    "pengendalian",
    "harga",
    "barang",
    "pokok",
    "pelatihan",
    "kewirausahaan",
    "koperasi",
    "usaha",
    "mikro",
    "kecil",
    "menengah",
    "pameran",
    "produk",
    "unggulan",
    "daerah",
    "monitoring",
    "evaluasi",
    "penyampaian",
    "standar",
    "operasional",
    "prosedur",
    "pelayanan",
    "kenaikan",
    "gaji",
    "berkala",
    "pangkat",
    "cuti",
    "tahunan",
    "perjalanan",
    "dinas",
    "surat",
    "tugas",
    "narasumber",
    "sosialisasi",
    "regulasi",
    "perdagangan",
    "ekspor",
    "impor",
    "industri",
    "kecil",
]

_FIRST = [
    "Agus",
    "Andi",
    "Bambang",
    "Dedi",
    "Eko",
    "Fajar",
    "Hendra",
    "Irwan",
    "Joko",
    "Rudi",
    "Ayu",
    "Dian",
    "Fitri",
    "Indah",
    "Lestari",
    "Nur",
    "Putri",
    "Ratna",
    "Sri",
    "Wulan",
]
_LAST = [
    "Saputra",
    "Hidayat",
    "Setiawan",
    "Kurniawan",
    "Pratama",
    "Wibowo",
    "Rahmawati",
    "Handayani",
    "Permatasari",
    "Susanti",
    "Nugroho",
    "Syahputra",
    "Lubis",
    "Siregar",
    "Pane",
]
_TITLES = ["S.E.", "S.Sos.", "S.T.", "S.H.", "S.Kom.", "S.AP.", "M.M.", "M.Si.", "A.Md."]
_STAFF_POSTS = [
    "Analis Perdagangan",
    "Pengelola Data",
    "Penyusun Program Anggaran dan Pelaporan",
    "Pranata Komputer",
    "Analis Kebijakan",
    "Pengadministrasi Umum",
]
_CATATAN = [
    "Mohon segera ditindaklanjuti.",
    "Koordinasikan dengan bidang terkait.",
    "Siapkan bahan untuk rapat.",
    "Laporkan hasilnya kepada saya.",
    "Hadiri dan laporkan.",
    "Pelajari dan beri saran.",
]
_HASIL = [
    "Sudah dihadiri, laporan disampaikan.",
    "Data sudah dikirim.",
    "Sudah dibalas.",
    "Bahan sudah disiapkan.",
    "Sudah dikoordinasikan dengan bidang terkait.",
    "Diarsipkan.",
]
_OUT_SUBJECTS = [
    ("Undangan Rapat Koordinasi Pengendalian Harga Bahan Pokok", "000.1.5"),
    ("Penyampaian Data Jumlah Koperasi Aktif Tahun {tahun}", "500.3"),
    ("Permohonan Narasumber Sosialisasi Standar Nasional Indonesia", "500.2"),
    ("Penyampaian Laporan Realisasi Anggaran {bulan}", "900.1"),
    ("Surat Tugas Monitoring Harga Bahan Pokok di Pasar Segiri", "800.1.11.1"),
    ("Usul Kenaikan Gaji Berkala Pegawai", "800.1.11.13"),
    ("Usul Kenaikan Pangkat Periode {bulan}", "800.1.3.2"),
    ("Jawaban atas Permohonan Izin Penelitian", "000.9"),
    ("Penyampaian Standar Operasional Prosedur Layanan", "000.8.3.3"),
    ("Undangan Pameran Produk Unggulan Daerah", "500.2"),
    ("Laporan Hasil Pengawasan Barang Beredar", "500.2"),
]
_ADDRESSES = [
    "Jl. Gajah Mada No. 2, Samarinda",
    "Jl. M.H. Thamrin No. 5, Jakarta Pusat",
    "Jl. Jenderal Gatot Subroto Kav. 52-53, Jakarta Selatan",
    "Jl. Kesuma Bangsa No. 2, Samarinda",
    "Jl. Wolter Monginsidi No. 1, Tenggarong",
    "",
]
_MEDIA = (["caraka"] * 9) + (["email"] * 4) + (["srikandi"] * 4) + (["pos"] * 2) + ["kurir"]
_BATAL = [
    "Salah tujuan, surat dibuat ulang",
    "Acara dibatalkan",
    "Nomor dipesan tetapi surat tidak jadi dikirim",
]


@dataclass(frozen=True)
class Person:
    nama: str
    jabatan: str
    nip: str = ""
    unit_id: int | None = None


@dataclass
class Org:
    """Who disposes to whom, down the units (the same people the disposition dialog offers)."""

    kadis: Person
    sekretaris: Person
    top: list[Person]  # heads the Kepala Dinas disposes to: Sekretaris, Kepala Bidang, Kepala UPTD
    below: dict[Person, list[Person]]  # Sekretaris → Kasubbag; any other head → the staff of the unit


@dataclass
class Summary:
    incoming: int = 0
    hops: int = 0
    recipients: int = 0
    outgoing: int = 0
    chained_letters: int = 0


def _nip(rng: random.Random) -> str:
    born = date(rng.randint(1966, 1996), rng.randint(1, 12), rng.randint(1, 28))
    tmt = date(born.year + rng.randint(22, 30), rng.randint(1, 12), 1)
    return f"{born:%Y%m%d}{tmt:%Y%m}{rng.randint(1, 2)}{rng.randint(1, 999):03d}"


def _name(rng: random.Random) -> str:
    return f"{rng.choice(_FIRST)} {rng.choice(_LAST)}, {rng.choice(_TITLES)}"


def build_org(session: Session, rng: random.Random) -> Org:
    """The office's officials with names and NIPs (the demo leaves unit heads unnamed; they are saved to the
    units, so the disposition dialog offers the same persons) and three staff members per unit."""
    units = office.list_units(session)
    signatories = {s.jabatan.casefold(): s for s in office.list_signatories(session)}
    for u in units:
        if not u.kepala_nama:
            sig = signatories.get(u.kepala_jabatan.casefold())
            nama, nip = (sig.nama, sig.nip) if sig else (_name(rng), _nip(rng))
            office.save_unit(session, SYSTEM, replace(u, kepala_nama=nama, kepala_nip=nip))
    officials = dispositions.officials(session, SYSTEM)
    heads = {o.unit_id: Person(o.nama, o.jabatan, o.nip, o.unit_id) for o in officials if o.unit_id}
    kadis = next(o for o in officials if o.unit_id is None and o.jabatan.casefold() == "kepala dinas")
    sekretariat = next(u.id for u in units if u.jenis == "sekretariat")
    assert sekretariat is not None
    below: dict[Person, list[Person]] = {}
    for u in units:
        if u.id in heads and u.id != sekretariat:
            below[heads[u.id]] = [
                Person(_name(rng), post, _nip(rng), u.id) for post in rng.sample(_STAFF_POSTS, 3)
            ]
    sekretaris = heads[sekretariat]
    below[sekretaris] = [heads[u.id] for u in units if u.parent_id == sekretariat and u.id in heads]
    return Org(
        kadis=Person(kadis.nama, kadis.jabatan, kadis.nip),
        sekretaris=sekretaris,
        top=[heads[u.id] for u in units if u.parent_id is None and u.id in heads],
        below=below,
    )


@dataclass(frozen=True)
class HopPlan:
    dari: Person
    recipients: tuple[Person, ...]
    continues_from: int | None  # index of the recipient of the previous hop that passes the letter on


def plan_chain(org: Org, length: int, rng: random.Random) -> list[HopPlan]:
    """``length`` hops down the units (R18): Kepala Dinas → heads → Kasubbag or staff → staff. A three-hop chain
    through a Bidang starts one step higher, with the Sekretaris passing the letter to the Kepala Dinas."""
    main = rng.choice(org.top)
    first = (main, rng.choice([p for p in org.top if p != main])) if rng.random() < 0.3 else (main,)
    hops: list[HopPlan] = []
    if length == 3 and main != org.sekretaris:
        hops.append(HopPlan(org.sekretaris, (org.kadis,), None))
        hops.append(HopPlan(org.kadis, first, 0))
    else:
        hops.append(HopPlan(org.kadis, first, None))
    person = main
    while len(hops) < length:
        chosen = tuple(rng.sample(org.below[person], 2 if rng.random() < 0.25 else 1))
        hops.append(HopPlan(person, chosen, hops[-1].recipients.index(person)))
        person = chosen[0]
    return hops


def chain_lengths(letters: int, hops: int, rng: random.Random) -> bytearray:
    """Per letter, the number of hops of its chain (0: none); exactly ``hops`` in all."""
    if hops > 3 * letters:
        raise SystemExit(f"{hops:,} hops do not fit in chains of at most 3 hops on {letters:,} letters")
    chains = min(letters, hops, max(-(-hops // 3), round(hops / MEAN_CHAIN)))
    lengths = rng.choices(CHAIN_LENGTHS, CHAIN_WEIGHTS, k=chains)
    diff = hops - sum(lengths)
    while diff:
        i = rng.randrange(chains)
        if diff > 0 and lengths[i] < 3:
            lengths[i] += 1
            diff -= 1
        elif diff < 0 and lengths[i] > 1:
            lengths[i] -= 1
            diff += 1
    plan = bytearray(letters)
    for index, length in zip(rng.sample(range(letters), chains), lengths, strict=True):
        plan[index] = length
    return plan


def _next_id(session: Session, model: Any) -> int:
    return int(session.scalar(select(func.coalesce(func.max(model.id), 0))) or 0) + 1


def _at(day: date, hour: int) -> datetime:
    return datetime(day.year, day.month, day.day, hour, 0, tzinfo=UTC)


class _Progress:
    """A line about every tenth of a phase, so a long generation shows it is moving."""

    def __init__(self, label: str, total: int, report: Progress) -> None:
        self.label, self.total, self.report = label, total, report
        self.start = time.perf_counter()
        self.step = max(BATCH, total // 10)
        self.next = self.step

    def at(self, done: int) -> None:
        if done >= self.next or (done == self.total and self.next - self.step < done):
            self.next = done + self.step
            self.report(f"  {self.label}: {done:,}/{self.total:,} ({self.seconds():.1f} s)")

    def seconds(self) -> float:
        return time.perf_counter() - self.start


class _Generator:
    def __init__(self, ctx: system.AppContext, seed: int, today: date | None, report: Progress) -> None:
        self.ctx, self.seed, self.report = ctx, seed, report
        with ctx.db.transaction() as s:
            office_today = office.today(s)
            self.cal = calendar.working_calendar(s)
            self.org = build_org(s, random.Random(seed + 2))
            self.clerk = s.scalar(select(User.id).where(User.username == "surat"))
            self.letter_id = _next_id(s, IncomingLetter)
            self.hop_id = _next_id(s, Disposition)
            self.recipient_id = _next_id(s, DispositionRecipient)
            self.outgoing_id = _next_id(s, OutgoingLetter)
        self.today = today or office_today
        self.start = self.today - timedelta(days=YEARS_DAYS)
        self.rows: dict[Any, list[dict[str, object]]] = {}
        self.summary = Summary()

    # --- writing --------------------------------------------------------------------------------------------

    def add(self, table: Any, row: dict[str, object]) -> None:
        self.rows.setdefault(table, []).append(row)

    def flush(self) -> None:
        """Write the batched rows, parents first (letters, hops, recipients), in one transaction.

        Core inserts on the tables: the ORM's bulk insert splits a batch wherever the next row leaves a
        different column empty (a letter without a deadline after one with), which made it ten times slower.
        """
        with self.ctx.db.transaction() as s:
            for model, rows in self.rows.items():
                if rows:
                    s.execute(insert(model.__table__), rows)
                    rows.clear()

    # --- incoming letters and their disposition chains ------------------------------------------------------

    def incoming(self, count: int, hops: int) -> tuple[int, bytearray]:
        """Returns the first letter id and, per letter, the index of its sender (outgoing replies go back)."""
        rng = random.Random(
            self.seed
        )  # the letters' text: the same draws as before chains, for comparable search
        extra = random.Random(self.seed + 1)  # everything else
        lengths = chain_lengths(count, hops, random.Random(self.seed + 3))
        chained = count - lengths.count(0)
        arsip_share = TANPA_DISPOSISI * count / max(1, count - chained)
        senders = bytearray(count)
        per_year: dict[int, int] = {}
        first_id = self.letter_id
        progress = _Progress("surat masuk + disposisi", count, self.report)
        self.rows = {IncomingLetter: [], Disposition: [], DispositionRecipient: []}
        now = clock.utc_now()
        for i in range(count):
            day = self.start + timedelta(days=int(i * YEARS_DAYS / count))
            per_year[day.year] = per_year.get(day.year, 0) + 1
            senders[i] = rng.randrange(len(sample_office.SENDERS))
            asal = sample_office.SENDERS[senders[i]]
            nomor = f"{rng.randint(1, 999)}/{rng.randint(1, 9999)}/{asal.split()[0][:3].upper()}/{day.year}"
            perihal = " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 11))).capitalize()
            roll = extra.random()
            urgensi = Urgensi.AMAT_SEGERA if roll < 0.05 else Urgensi.SEGERA if roll < 0.25 else Urgensi.BIASA
            batas = default_batas_waktu(day, urgensi, self.cal)
            received = _at(day, 1)  # 09:00 WITA
            selesai: date | None = None
            if lengths[i]:
                status, selesai = self.chain(extra, day, batas, lengths[i])
            elif (self.today - day).days < WAITING_DAYS:
                status = "baru" if day == self.today or extra.random() < 0.3 else "dicetak"
            elif extra.random() < arsip_share:
                status, batas = "arsip", None
            else:
                status = "selesai"  # disposed on paper before the chains were transcribed into the app
            printed = status not in ("baru", "arsip")
            self.add(
                IncomingLetter,
                {
                    "id": self.letter_id,
                    "tahun": day.year,
                    "nomor_agenda": per_year[day.year],
                    "susulan": False,
                    "tanggal_diterima": received,
                    "asal_surat": asal,
                    "asal_norm": normalize_asal(asal),
                    "nomor_surat": nomor,
                    "nomor_norm": normalize_nomor_surat(nomor),
                    "tanggal_surat": day,
                    "perihal": perihal,
                    "ditujukan_kepada": "Kepala Dinas",
                    "kode_klasifikasi": "000.1.5",
                    "skema": "83/2022",
                    "keamanan": "R" if extra.random() < 0.03 else "B",
                    "urgensi": urgensi.value,
                    "lampiran": "",
                    "cara_terima": "langsung",
                    "srikandi_id": "",
                    "keterangan": "Tidak perlu disposisi" if status == "arsip" else "",
                    "status": status,
                    "batal_alasan": "",
                    "batas_waktu": batas,
                    "tanggal_selesai": selesai,
                    "dicetak_at": received + timedelta(hours=1) if printed else None,
                    "dicetak_oleh": "surat" if printed else "",
                    "jumlah_cetak": 1 if printed else 0,
                    "created_at": now,
                    "created_by": self.clerk,
                    "updated_at": now,
                },
            )
            self.letter_id += 1
            if len(self.rows[IncomingLetter]) >= BATCH:
                self.flush()
                progress.at(i + 1)
        self.flush()
        progress.at(count)
        with self.ctx.db.transaction() as s:
            s.execute(
                insert(Counter),
                [{"series": AGENDA_SERIES, "period": str(y), "last_value": v} for y, v in per_year.items()],
            )
        self.summary.incoming = count
        self.summary.chained_letters = chained
        return first_id, senders

    def chain(
        self, rng: random.Random, received: date, batas: date | None, length: int
    ) -> tuple[str, date | None]:
        """The hops and recipients of the letter being written; returns the letter's status and tanggal selesai
        as the disposition service would have left them (R16)."""
        plans = plan_chain(self.org, length, rng)
        day = min(received + timedelta(days=rng.choice((0, 0, 1, 1, 2))), batas or self.today, self.today)
        dates = [day]
        for _ in plans[1:]:
            dates.append(min(dates[-1] + timedelta(days=rng.choice((0, 0, 1, 2))), self.today))
        age = (self.today - dates[-1]).days
        forgotten = age > 60 and rng.random() < FORGOTTEN
        done = not forgotten and (age > 30 or rng.random() < age / 30)
        hop_ids: list[int] = []
        recipient_ids: list[list[int]] = []
        statuses: list[list[str]] = []
        finished: list[list[date | None]] = []
        for n, (plan, tanggal) in enumerate(zip(plans, dates, strict=True)):
            own = batas if n == 0 else None
            in_working_days = False
            if own is None and rng.random() < (0.25 if n == 0 else 0.2):
                own = self.cal.add_working_days(tanggal, rng.choice((3, 5, 7, 10) if n == 0 else (2, 3, 5)))
                in_working_days = True
            parent = None if plan.continues_from is None else recipient_ids[-1][plan.continues_from]
            hop_ids.append(self.hop_id)
            self.add(
                Disposition,
                {
                    "id": self.hop_id,
                    "surat_masuk_id": self.letter_id,
                    "induk_penerima_id": parent,
                    "dari_nama": plan.dari.nama,
                    "dari_jabatan": plan.dari.jabatan,
                    "dari_nip": plan.dari.nip,
                    "tanggal": tanggal,
                    "instruksi": "\n".join(rng.sample(DEFAULT_INSTRUCTIONS[:-1], rng.randint(1, 2))),
                    "catatan": rng.choice(_CATATAN) if rng.random() < 0.4 else "",
                    "batas_waktu": own,
                    "batas_hari_kerja": in_working_days,
                    "status": "aktif",
                    "created_at": _at(tanggal, 2),
                    "created_by": self.clerk,
                },
            )
            self.hop_id += 1
            last = n == len(plans) - 1
            ids, states, ends = [], [], []
            for k, _person in enumerate(plan.recipients):
                passes_on = not last and plans[n + 1].continues_from == k
                if passes_on:
                    state, end = "diproses", None  # settled below, once the hops beneath it are known
                elif done or (not last and rng.random() < 0.5):
                    state = "selesai"
                    end = min(tanggal + timedelta(days=rng.randint(0, 10)), self.today)
                elif tanggal == self.today:
                    state, end = rng.choice(("belum_dibaca", "dibaca")), None
                else:
                    state, end = rng.choice(("belum_dibaca", "dibaca", "diproses", "diproses")), None
                ids.append(self.recipient_id + k)
                states.append(state)
                ends.append(end)
            self.recipient_id += len(plan.recipients)
            recipient_ids.append(ids)
            statuses.append(states)
            finished.append(ends)
        leaves = [
            (n, k)
            for n, plan in enumerate(plans)
            for k in range(len(plan.recipients))
            if n == len(plans) - 1 or plans[n + 1].continues_from != k
        ]
        leaf_ends = [finished[n][k] for n, k in leaves]
        all_done = all(statuses[n][k] == "selesai" for n, k in leaves)
        selesai = max((e for e in leaf_ends if e), default=None) if all_done else None
        for n, plan in enumerate(plans[1:]):
            passer = plan.continues_from
            assert passer is not None
            # Whoever passed the letter on has read it; they close it when the people below them have.
            if all_done:
                statuses[n][passer], finished[n][passer] = "selesai", selesai
            else:
                statuses[n][passer] = rng.choice(("dibaca", "diproses"))
        for n, plan in enumerate(plans):
            for k, person in enumerate(plan.recipients):
                end = finished[n][k]
                self.add(
                    DispositionRecipient,
                    {
                        "id": recipient_ids[n][k],
                        "disposisi_id": hop_ids[n],
                        "nama": person.nama,
                        "jabatan": person.jabatan,
                        "nip": person.nip,
                        "unit_id": person.unit_id,
                        "status": statuses[n][k],
                        "tanggal_selesai": end,
                        "hasil": rng.choice(_HASIL) if end else "",
                        "balasan_keluar_id": None,
                        "updated_at": _at(end or dates[n], 6),
                    },
                )
        self.summary.hops += len(plans)
        self.summary.recipients += sum(len(p.recipients) for p in plans)
        if all_done:
            return "selesai", selesai
        everyone = [s for states in statuses for s in states]
        return ("diproses" if {"diproses", "selesai"} & set(everyone) else "didisposisi"), None

    # --- outgoing letters -----------------------------------------------------------------------------------

    def outgoing(self, count: int, first_incoming: int, senders: bytearray) -> None:
        rng = random.Random(self.seed + 4)
        with self.ctx.db.transaction() as s:
            default_id = outgoing.ensure_default_series(s)
            tugas = outgoing.save_series(
                s,
                SYSTEM,
                outgoing.SeriesData(
                    nama="Surat Tugas", template="{keamanan}/{urut}/{kka}/{unit}/{tahun}", kode_unit="SEK.UM"
                ),
            )
            series = {r.id: r for r in outgoing.list_series(s) if r.id in (default_id, tugas.id)}
            signers = [(sig.id, f"{sig.jabatan} — {sig.nama}") for sig in office.list_signatories(s)][:2]
            units = [u.nama for u in office.list_units(s)]
            office_unit = " ".join(office.get_profile(s).kode_unit.split())
        templates = {sid: NumberTemplate(r.template) for sid, r in series.items()}
        destinations = [
            *sample_office.SENDERS,
            "Walikota Samarinda",
            "Bupati Kutai Kartanegara",
            "Para Pelaku UMKM Binaan",
        ]
        urut: dict[tuple[int, int], int] = {}
        last_regular: dict[tuple[int, int], date] = {}
        sisipan: dict[tuple[int, int, int], int] = {}
        incoming_count = len(senders)
        progress = _Progress("surat keluar", count, self.report)
        self.rows = {OutgoingLetter: []}
        for j in range(count):
            day = self.start + timedelta(days=int(j * YEARS_DAYS / count))
            tugas_letter = rng.random() < 0.15
            sid = tugas.id if tugas_letter else default_id
            assert sid is not None
            key = (sid, day.year)
            if key in last_regular and rng.random() < 0.01 and sisipan.get((*key, urut[key]), 0) < 99:
                # A back-dated letter: 57.01 after the last regular number, dated with it (R21).
                number, tanggal = urut[key], last_regular[key]
                insert_no = sisipan[(*key, number)] = sisipan.get((*key, number), 0) + 1
            else:
                number = urut[key] = urut.get(key, 0) + 1
                tanggal, insert_no = day, 0
                last_regular[key] = day
            if tugas_letter:
                perihal, kode = "Surat Tugas Monitoring Harga Bahan Pokok di Pasar Segiri", "800.1.11.1"
            else:
                subject, kode = rng.choice(_OUT_SUBJECTS)
                perihal = subject.format(
                    tahun=tanggal.year, bulan=f"{BULAN[tanggal.month - 1]} {tanggal.year}"
                )
            keamanan = "R" if rng.random() < 0.02 else "B"
            reply = None
            tujuan = rng.choice(destinations)
            if not tugas_letter and rng.random() < 0.3:
                index = int(((tanggal - self.start).days - rng.randint(1, 20)) * incoming_count / YEARS_DAYS)
                if 0 <= index < incoming_count:
                    reply, tujuan = first_incoming + index, sample_office.SENDERS[senders[index]]
            age = (self.today - tanggal).days
            roll = rng.random()
            status, kirim, media = "ditandatangani", None, "caraka"
            if roll < 0.015:
                status = "batal"
            elif age <= 3 and roll < 0.2:
                status = "dipesan"
            elif age > 14 or roll < 0.7:
                status, media = "dikirim", rng.choice(_MEDIA)
                kirim = min(tanggal + timedelta(days=rng.randint(0, 3)), self.today)
            signer = signers[0] if tugas_letter or rng.random() < 0.7 else signers[-1]
            unit = series[sid].kode_unit or office_unit  # as the service falls back
            self.add(
                OutgoingLetter,
                {
                    "id": self.outgoing_id,
                    "seri_id": sid,
                    "tahun": tanggal.year,
                    "urut": number,
                    "sisipan": insert_no,
                    "nomor_surat": templates[sid].render(
                        kode, number, unit, tanggal, keamanan, insert_no or None
                    ),
                    "kka": kode,
                    "unit": unit,
                    "tanggal_surat": tanggal,
                    "tujuan": tujuan,
                    "alamat_tujuan": rng.choice(_ADDRESSES),
                    "perihal": perihal,
                    "kode_klasifikasi": kode,
                    "skema": "83/2022",
                    "keamanan": keamanan,
                    "urgensi": "segera" if rng.random() < 0.15 else "biasa",
                    "lampiran": rng.choice(("", "", "", "1 berkas", "2 lembar")),
                    "signatory_id": signer[0],
                    "penandatangan": signer[1],
                    "pengolah": rng.choice(units),
                    "tembusan": "Sekretaris Daerah Provinsi Kalimantan Timur" if rng.random() < 0.3 else "",
                    "balasan_atas_id": reply,
                    "status": status,
                    "batal_alasan": rng.choice(_BATAL) if status == "batal" else "",
                    "tanggal_kirim": kirim,
                    "media": media,
                    "keterangan": "",
                    "created_at": _at(tanggal, 3),
                    "created_by": self.clerk,
                    "updated_at": _at(kirim or tanggal, 3),
                },
            )
            self.outgoing_id += 1
            if len(self.rows[OutgoingLetter]) >= BATCH:
                self.flush()
                progress.at(j + 1)
        self.flush()
        progress.at(count)
        counters = [
            {"series": outgoing.counter_series(sid), "period": str(year), "last_value": last}
            for (sid, year), last in urut.items()
        ]
        counters += [
            # The service's own name for the counter of inserted numbers, so 57.02 follows 57.01.
            {"series": outgoing.sisipan_series(sid, number), "period": str(year), "last_value": last}
            for (sid, year, number), last in sisipan.items()
        ]
        with self.ctx.db.transaction() as s:
            if counters:
                s.execute(insert(Counter), counters)
        self.summary.outgoing = count

    def sync_sequences(self) -> None:
        """PostgreSQL hands out ids from sequences that explicit ids do not move."""
        if self.ctx.db.engine.dialect.name != "postgresql":
            return
        with self.ctx.db.transaction() as s:
            for table in ("surat_masuk", "disposisi", "disposisi_penerima", "surat_keluar"):
                s.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                        f"(SELECT coalesce(max(id), 0) + 1 FROM {table}), false)"
                    )
                )


def generate(
    ctx: system.AppContext,
    count: int,
    *,
    outgoing_count: int | None = None,
    hops: int | None = None,
    seed: int = 11,
    today: date | None = None,
    report: Progress = print,
) -> Summary:
    """Ten years of a busy Dinas in a prepared data dir (office profile, units, signatories and users present):
    ``count`` incoming letters, ``hops`` disposition hops (default 2/3 of ``count``) and ``outgoing_count``
    outgoing letters (default 0.4 × ``count``), with the counters set to continue after them."""
    gen = _Generator(ctx, seed, today, report)
    first, senders = gen.incoming(count, round(count * HOPS_RATIO) if hops is None else hops)
    gen.outgoing(round(count * OUTGOING_RATIO) if outgoing_count is None else outgoing_count, first, senders)
    gen.sync_sequences()
    return gen.summary
