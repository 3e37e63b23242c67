"""Buku Tamu benchmarks: the front desk's actions on a register of 500,000 visits by 200,000 guests, and the IKM
report over 50,000 SKM answers.

    python -m bench.guests [--visits 500000] [--guests 200000] [--responses 50000] [--runs 200]
                           [--db-url postgresql+psycopg://…]

Guests and visits are written in bulk with core ``insert()`` in the shape the services write them (the
``nama_kunci``/``hp_kunci`` search keys, tickets per service and day, about three years of working days, every
card returned); a handful of guests are checked in today through the service and still on site. Then the real
services are timed, each in its own transaction as the desk runs them. Goals (issue 14 "Speed"):

- walk-in save including ticket and card (``visits.check_in``, committed): p95 ≤ 20 ms
- returning guest lookup as you type (``visits.find_guests``, 2-6 letters of a name, 4-8 digits of a phone):
  p95 ≤ 30 ms
- the on-site list (``visits.on_site``): ≤ 50 ms
- the ticket slip PDF (``printing.guests.slip.build_slip``, 80 mm, with logo and survey QR): ≤ 100 ms
- the IKM report over 50,000 answers (``skm.report``): ≤ 500 ms
"""

from __future__ import annotations

import argparse
import random
import secrets
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from datetime import time as dtime
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select, text

from desktop.core import clock
from desktop.core.dates import office_tz
from desktop.core.guests.queue import counter_period, counter_series, format_ticket
from desktop.demo import sample_office
from desktop.models.admin import Counter, OrgUnit
from desktop.models.guests import Guest, GuestCard, Keperluan, QueueService, SurveyResponse, Visit
from desktop.printing.guests.slip import TicketSlip, build_slip
from desktop.services import system
from desktop.services.common import office
from desktop.services.common.permissions import SYSTEM
from desktop.services.guests import cards, skm, visits

_FIRST = (
    "Ahmad Budi Citra Dewi Eko Fitri Gunawan Hendra Indah Joko Kartika Lestari Made Nur Putri Rahmat Sari Siti "
    "Muhammad Andi Rina Yusuf Agus Wahyu Dian Rudi Nurul Fajar Ratna Irwan Hasan Aisyah Bambang Yohanes Maria"
)
_LAST = (
    "Santoso Wijaya Pratama Saputra Hidayat Kusuma Nugroho Rahayu Setiawan Lestari Purnomo Siregar Nasution "
    "Rahman Hakim Anwar Yusuf Gunawan Sembiring Manurung Tahir Arifin Salim Ismail Permana Hasibuan Syahrani"
)
FIRST_NAMES = tuple(_FIRST.split())
LAST_NAMES = tuple(_LAST.split())
INSTANSI = (
    "Dinas Perindustrian dan Perdagangan Kota Samarinda",
    "Dinas Koperasi dan UKM Kabupaten Kutai Kartanegara",
    "PT Pupuk Kalimantan Timur",
    "CV Borneo Makmur Sejahtera",
    "Universitas Mulawarman",
    "",
)
ON_SITE = 8


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def _line(label: str, times: list[float], goal: str = "") -> str:
    return (
        f"{label}: median {statistics.median(times):.2f} ms, p95 {percentile(times, 95):.2f} ms, "
        f"max {max(times):.2f} ms" + (f" ({goal})" if goal else "")
    )


def _timed(runs: int, job: Callable[[int], Any]) -> list[float]:
    times = []
    for i in range(runs):
        t = time.perf_counter()
        job(i)
        times.append((time.perf_counter() - t) * 1000)
    return times


def _working_days(today: date, count: int) -> list[date]:
    days: list[date] = []
    d = today - timedelta(days=1)
    while len(days) < count:
        if d.weekday() < 5:
            days.append(d)
        d -= timedelta(days=1)
    return days[::-1]


def generate(
    ctx: system.AppContext, *, guests: int, visit_count: int, responses: int, today: date, seed: int = 14
) -> list[tuple[str, str]]:
    """Bulk rows; returns (nama, no_hp) of every guest, for the lookup's prefixes."""
    rng = random.Random(seed)
    zone = office_tz("WITA")
    with ctx.db.read() as s:
        unit_rows = [(u.id, u.nama) for u in s.scalars(select(OrgUnit).order_by(OrgUnit.id))]
        services = {svc.id: svc.prefix for svc in s.scalars(select(QueueService))}
        keperluan = [(k.nama, k.layanan_id) for k in s.scalars(select(Keperluan))]
        card_ids = list(s.execute(select(GuestCard.id, GuestCard.nomor)))
    people: list[dict[str, Any]] = []
    names: list[tuple[str, str]] = []
    now = clock.utc_now()
    for gid in range(1, guests + 1):
        nama = f"{rng.choice(FIRST_NAMES)} {rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        hp = f"08{rng.choice('12357'):s}{rng.randint(10_000_000, 999_999_999)}"
        nik = f"6472{rng.randint(10**11, 10**12 - 1)}" if rng.random() < 0.3 else ""
        people.append(
            {
                "id": gid,
                "nama": nama,
                "nama_kunci": visits.name_key(nama),
                "nik": nik,
                "no_hp": hp,
                "hp_kunci": visits.phone_key(hp),
                "instansi": rng.choice(INSTANSI),
                "alamat": "",
                "jenis_kelamin": rng.choice("LP"),
                "terakhir_datang": None,
                "anonim_at": None,
                "created_at": now,
            }
        )
        names.append((nama, hp))
    days = _working_days(today, 3 * 250)
    per_day = visit_count / len(days)
    rows: list[dict[str, Any]] = []
    seq: dict[tuple[int, date], int] = {}
    vid = 0
    for day in days:
        for _ in range(int(per_day) + (1 if rng.random() < per_day % 1 else 0)):
            if vid >= visit_count:
                break
            vid += 1
            # A fifth of the guests come back often; the others once or twice.
            g = people[rng.randrange(guests // 5) if rng.random() < 0.6 else rng.randrange(guests)]
            g["terakhir_datang"] = day
            kep, layanan = rng.choice(keperluan)
            layanan = layanan or next(iter(services))
            n = seq[(layanan, day)] = seq.get((layanan, day), 0) + 1
            arrive = datetime.combine(day, dtime(rng.randint(8, 14), rng.randint(0, 59)), zone).astimezone(
                UTC
            )
            card_id, card_no = rng.choice(card_ids)
            unit_id, unit = rng.choice(unit_rows)
            status = "batal" if rng.random() < 0.015 else "selesai"
            rows.append(
                {
                    "id": vid,
                    "tamu_id": g["id"],
                    "tanggal": day,
                    "status": status,
                    "layanan_id": layanan,
                    "antrian": n,
                    "tiket": format_ticket(services[layanan], n),
                    "loket": "Loket 1",
                    "nama": g["nama"],
                    "nik": g["nik"],
                    "no_hp": g["no_hp"],
                    "instansi": g["instansi"],
                    "alamat": "",
                    "jenis_kelamin": g["jenis_kelamin"],
                    "jumlah_orang": 1 if rng.random() < 0.9 else rng.randint(2, 6),
                    "keperluan": kep,
                    "keterangan": "",
                    "tujuan_unit_id": unit_id,
                    "tujuan_pegawai_id": None,
                    "tujuan": unit,
                    "kartu_id": card_id,
                    "kartu_nomor": card_no,
                    "kartu_kembali_at": arrive + timedelta(minutes=40),
                    "kode_registrasi": None,
                    "survei_token": secrets.token_urlsafe(18),
                    "datang_at": arrive,
                    "dipanggil_at": arrive + timedelta(minutes=3),
                    "dilayani_at": arrive + timedelta(minutes=4),
                    "selesai_at": arrive + timedelta(minutes=20),
                    "pulang_at": arrive + timedelta(minutes=40),
                    "petugas_datang": "tamu",
                    "petugas_pulang": "tamu",
                    "created_at": arrive,
                }
            )
    answers = []
    for i in range(responses):
        day = days[int(i * len(days) / responses)]
        answers.append(
            {
                "tanggal": day,
                "jam": f"{rng.randint(8, 15):02d}:{rng.randint(0, 59):02d}",
                "sumber": rng.choice(("kiosk", "ponsel", "impor")),
                "jenis_kelamin": rng.choice("LP"),
                "usia": rng.randint(19, 60),
                "pendidikan": rng.choice(("SMA", "S1", "S2", "D1-D3-D4")),
                "pekerjaan": rng.choice(("PNS", "Swasta", "Wirausaha", "Lainnya")),
                "jenis_layanan": "",
                "saran": "",
                "created_at": now,
                **{f"u{u}": rng.choice((3, 3, 4, 4, 4, 2)) for u in range(1, 10)},
            }
        )
    counters = [
        {"series": counter_series(layanan), "period": counter_period(day), "last_value": n}
        for (layanan, day), n in seq.items()
    ]
    with ctx.db.transaction() as s:
        for chunk in range(0, len(people), 5000):
            s.execute(insert(Guest), people[chunk : chunk + 5000])
        for chunk in range(0, len(rows), 5000):
            s.execute(insert(Visit), rows[chunk : chunk + 5000])
        for chunk in range(0, len(answers), 5000):
            s.execute(insert(SurveyResponse), answers[chunk : chunk + 5000])
        for chunk in range(0, len(counters), 5000):
            s.execute(insert(Counter), counters[chunk : chunk + 5000])
        if not ctx.db.is_sqlite:
            for table in ("tamu", "kunjungan", "skm_respons"):
                s.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))"
                    )
                )
    if ctx.db.is_sqlite:
        with ctx.db.engine.connect() as con:
            con.execute(text("ANALYZE"))
    else:
        with ctx.db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as con:
            con.execute(text("ANALYZE"))
    return names


def _unit(ctx: system.AppContext) -> int:
    with ctx.db.read() as s:
        unit = s.scalars(select(OrgUnit.id).order_by(OrgUnit.id)).first()
    assert unit is not None
    return unit


def bench_walk_in(ctx: system.AppContext, runs: int, names: list[tuple[str, str]]) -> None:
    """New and returning guests checked in as the desk saves them; each then checked out (not timed) so the
    card pile never runs dry."""
    rng = random.Random(2)
    unit = _unit(ctx)
    with ctx.db.read() as s:
        returning = [m.id for m in visits.find_guests(s, SYSTEM, "ahmad", limit=200)]

    def walk_in(i: int) -> int:
        if i % 3 == 0 and returning:
            data = visits.WalkIn(
                nama="Ahmad Kembali",
                keperluan="Koordinasi/rapat",
                tujuan_unit_id=unit,
                tamu_id=returning.pop(),
            )
        else:
            nama, hp = rng.choice(names)
            data = visits.WalkIn(
                nama=f"{nama} Baru",
                keperluan="Antar surat/dokumen",
                tujuan_unit_id=unit,
                no_hp=hp[:-2] + "00",
            )
        with ctx.db.transaction() as s:
            return visits.check_in(s, SYSTEM, data).id

    done: list[int] = []
    times = []
    for i in range(runs + 5):
        t = time.perf_counter()
        done.append(walk_in(i))
        if i >= 5:  # the first few warm the statement cache
            times.append((time.perf_counter() - t) * 1000)
        with ctx.db.transaction() as s:
            visits.check_out(s, SYSTEM, done[-1])
    print(_line(f"walk-in save with ticket and card ({runs} runs)", times, "goal p95 ≤ 20 ms"))


def bench_lookup(ctx: system.AppContext, runs: int, names: list[tuple[str, str]]) -> None:
    rng = random.Random(3)
    queries = []
    for _ in range(runs):
        nama, hp = rng.choice(names)
        if rng.random() < 0.7:
            queries.append(nama[: rng.randint(2, 6)])
        else:
            queries.append(hp[: rng.randint(4, 8)])

    def lookup(i: int) -> None:
        with ctx.db.read() as s:
            visits.find_guests(s, SYSTEM, queries[i])

    lookup(0)
    names_t = _timed(runs, lookup)
    print(
        _line(f"returning guest lookup, 2-6 letters or 4-8 digits ({runs} runs)", names_t, "goal p95 ≤ 30 ms")
    )


def bench_on_site(ctx: system.AppContext, runs: int) -> None:
    def listing(_: int) -> None:
        with ctx.db.read() as s:
            assert len(visits.on_site(s, SYSTEM)) >= ON_SITE

    listing(0)
    print(_line(f"on-site list, {ON_SITE} guests in ({runs} runs)", _timed(runs, listing), "goal ≤ 50 ms"))


def bench_slip(ctx: system.AppContext, runs: int) -> None:
    with ctx.db.read() as s:
        profile = office.get_profile(s)
        view = visits.on_site(s, SYSTEM)[0]
    slip = TicketSlip(
        nama_instansi=profile.nama_dinas,
        nama_pemda=profile.nama_pemda,
        logo_png=profile.logo_png,
        ticket=view.tiket,
        layanan=view.layanan,
        issued_at=view.datang_at or clock.utc_now(),
        zona=profile.zona_waktu,
        waiting=view.waiting,
        kartu=view.kartu,
        survey_url=f"http://192.168.1.20:8765/s/{view.survei_token}",
    )
    build_slip(slip, "80mm")
    print(
        _line(
            f"ticket slip PDF, 80 mm with logo and QR ({runs} runs)",
            _timed(runs, lambda _: build_slip(slip)),
            "goal ≤ 100 ms",
        )
    )


def bench_ikm(ctx: system.AppContext, runs: int, responses: int, start: date, end: date) -> None:
    def report(_: int) -> None:
        with ctx.db.read() as s:
            assert skm.report(s, SYSTEM, start, end).responden == responses

    report(0)
    print(_line(f"IKM report over {responses} answers ({runs} runs)", _timed(runs, report), "goal ≤ 500 ms"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--visits", type=int, default=500_000)
    parser.add_argument("--guests", type=int, default=200_000)
    parser.add_argument("--responses", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--db-url", default=None, help="PostgreSQL URL of an empty database")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sekretariat-bench-guests-") as tmp:
        ctx = system.open_context(Path(tmp) / "data", db_url=args.db_url)
        system.prepare(ctx)
        sample_office.fill(ctx, letter_count=0)  # office in WITA, units, the desk's account
        with ctx.db.transaction() as s:
            cards.add_cards(s, SYSTEM, "1-60")
        today = clock.today("WITA")
        t = time.perf_counter()
        names = generate(
            ctx, guests=args.guests, visit_count=args.visits, responses=args.responses, today=today
        )
        unit = _unit(ctx)
        for i in range(ON_SITE):
            with ctx.db.transaction() as s:
                visits.check_in(
                    s,
                    SYSTEM,
                    visits.WalkIn(nama=f"Tamu Hari Ini {i + 1}", keperluan="Audiensi", tujuan_unit_id=unit),
                )
        print(
            f"generated {args.guests} guests, {args.visits} visits and {args.responses} SKM answers in "
            f"{time.perf_counter() - t:.1f} s ({ctx.location})"
        )
        system.settle_heap()
        bench_lookup(ctx, args.runs, names)
        bench_on_site(ctx, max(args.runs // 4, 10))
        bench_slip(ctx, max(args.runs // 4, 10))
        bench_ikm(ctx, max(args.runs // 20, 5), args.responses, today - timedelta(days=3 * 366), today)
        bench_walk_in(ctx, args.runs, names)
        ctx.db.dispose()


if __name__ == "__main__":
    main()
