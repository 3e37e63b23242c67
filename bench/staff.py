"""Kepegawaian benchmarks: the whole deadline schedule over 2,000 pegawai with full histories, and the 2,000-row
SIASN "Export Data ASN" import (first import into an empty register, then the same file again).

    python -m bench.staff [--staff 2000] [--runs 15] [--db-url postgresql+psycopg://…]

Careers are generated with the rules of ``core.staff`` (entry golongan by ijazah, a KP every four years up to the
ijazah ceiling, a KGB at every pay-table column, jabatan, pendidikan, cuti, some hukdis and deferrals) and written
in bulk with core ``insert()``; the services are measured on top of them. Goals: schedule ≤ 300 ms, opening the
Jadwal board ≤ 300 ms, import ≤ 5 s.

Opening the board is measured offscreen (``QT_QPA_PLATFORM=offscreen``): a new ``ScheduleBoard`` is built and
shown, and the clock stops when its table holds the first rows (it reads the board on a worker thread). Qt is
imported only for that part (``--no-board`` skips it).
"""

from __future__ import annotations

import argparse
import csv
import gc
import random
import shutil
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select, text

from desktop.core import clock
from desktop.core.staff.kgb import mkg_after_promotion, mkg_on, next_kgb
from desktop.core.staff.months import MasaKerja, add_months
from desktop.core.staff.reference import seed_reference
from desktop.demo import sample_office
from desktop.models.admin import OrgUnit
from desktop.models.staff import (
    JadwalStatus,
    Pegawai,
    RiwayatCuti,
    RiwayatHukdis,
    RiwayatJabatan,
    RiwayatKgb,
    RiwayatPangkat,
    RiwayatPendidikan,
    RiwayatPenundaanKgb,
)
from desktop.services import system
from desktop.services.common.permissions import SYSTEM
from desktop.services.staff import records_io, schedule
from desktop.storage.config import SQLITE_FILE

REF = seed_reference()
_FIRST = (
    "Ahmad Budi Citra Dewi Eko Fitri Gunawan Hendra Indah Joko Kartika Lestari Made Nur Putri Rahmat Sari"
)
_LAST = (
    "Santoso Wijaya Pratama Saputra Hidayat Kusuma Nugroho Rahayu Setiawan Lestari Purnomo Siregar Nasution"
)
FIRST_NAMES = tuple(_FIRST.split(" "))
LAST_NAMES = tuple(_LAST.split(" "))
IJAZAH = (("SLTA", 0.22), ("D-III", 0.15), ("S-1", 0.48), ("S-2", 0.15))
SIASN_PENDIDIKAN = {"SLTA": "SLTA", "D-III": "Diploma III", "S-1": "S-1/Sarjana", "S-2": "S-2"}
PPPK_GOLONGAN = {"SLTA": "V", "D-III": "VII", "S-1": "IX", "S-2": "X"}
JABATAN_PELAKSANA = ("Pengadministrasi Umum", "Pengelola Data", "Pengolah Data", "Bendahara", "Pengemudi")
JABATAN_FUNGSIONAL = ("Analis Perdagangan", "Penyuluh Koperasi", "Pengawas Perdagangan", "Arsiparis")
ESELON = (("pengawas", "Kepala Sub Bagian Umum"), ("administrator", "Kepala Bidang"), ("jpt", "Kepala Dinas"))
SIASN_JENIS = {
    "pelaksana": "Jabatan Pelaksana",
    "fungsional": "Jabatan Fungsional Tertentu",
    "pengawas": "Jabatan Struktural",
    "administrator": "Jabatan Struktural",
    "jpt": "Jabatan Struktural",
}


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def _first(d: date) -> date:
    return d.replace(day=1)


@dataclass
class Career:
    """One generated pegawai: the pegawai row and its riwayat rows (without ids)."""

    pegawai: dict[str, Any]
    riwayat: dict[Any, list[dict[str, Any]]] = field(default_factory=dict)
    siasn: dict[str, str] = field(default_factory=dict)

    def add(self, model: Any, **values: Any) -> None:
        self.riwayat.setdefault(model, []).append(values)


def _jenjang(golongan: str) -> str:
    if golongan.startswith("II/"):
        return "terampil"
    if golongan in ("III/a", "III/b"):
        return "ahli_pertama"
    if golongan in ("III/c", "III/d"):
        return "ahli_muda"
    return "ahli_madya"


def _dmy(d: date | None) -> str:
    return d.strftime("%d-%m-%Y") if d else ""


class Generator:
    def __init__(self, seed: int, today: date, units: list[tuple[int, str]]) -> None:
        self.rng = random.Random(seed)
        self.today = today
        self.units = units
        self.serials: dict[str, int] = {}

    def _nip(self, head: str, gender: str) -> str:
        serial = self.serials.get(head, 0) + 1
        self.serials[head] = serial
        return f"{head}{gender}{serial:03d}"

    def career(self) -> Career:
        rng, today = self.rng, self.today
        born = date(rng.randint(1969, 2000), rng.randint(1, 12), rng.randint(1, 28))
        gender = rng.choice("12")
        ijazah = rng.choices([i for i, _ in IJAZAH], [w for _, w in IJAZAH])[0]
        latest_start = min(add_months(born, 12 * 35), date(today.year - 1, 1, 1))
        earliest = add_months(born, 12 * 21)
        if earliest > latest_start:
            earliest = add_months(latest_start, -24)
        start = _first(earliest + timedelta(days=rng.randint(0, max((latest_start - earliest).days, 1))))
        pppk = rng.random() < 0.12
        unit_id, unit_name = rng.choice(self.units)
        nama = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        gelar = {"S-1": "S.E.", "S-2": "M.Si.", "D-III": "A.Md."}.get(ijazah, "")
        if pppk:
            start = date(rng.randint(2022, today.year - 1), rng.randint(1, 12), 1)
            nip = self._nip(f"{born:%Y%m%d}{start.year}2{rng.randint(1, 2)}", gender)
        else:
            nip = self._nip(f"{born:%Y%m%d}{start:%Y%m}", gender)
        c = Career(
            pegawai={
                "nip": nip,
                "nip_lama": "",
                "pns_id": str(uuid.UUID(int=rng.getrandbits(128))),
                "nama": nama,
                "gelar_depan": "",
                "gelar_belakang": gelar,
                "tempat_lahir": rng.choice(("Samarinda", "Balikpapan", "Tenggarong", "Bontang")),
                "tanggal_lahir": born,
                "jenis_kelamin": "L" if gender == "1" else "P",
                "nik": f"6472{rng.randint(10**11, 10**12 - 1)}",
                "status": "pppk" if pppk else ("cpns" if start > add_months(today, -12) else "pns"),
                "akhir_kontrak": add_months(start, 12 * 5) if pppk else None,
                "tmt_cpns": None if pppk else start,
                "tmt_pns": None if pppk else add_months(start, 12),
                "unit_id": unit_id,
                "unor": unit_name,
                "pendidikan_terakhir": ijazah,
                "bup_kode": "",
                "foto": None,
                "foto_sha256": None,
                "aktif": True,
                "alasan_nonaktif": "",
            }
        )
        if pppk:
            golongan, tmt, mkg = PPPK_GOLONGAN[ijazah], start, MasaKerja(0)
            c.add(RiwayatPangkat, tmt=tmt, golongan_ruang=golongan, mkg_tahun=0, mkg_bulan=0, jenis="pppk")
        else:
            golongan, tmt, mkg = self._pns_history(c, ijazah, start)
        c.pegawai.update(golongan_ruang=golongan, tmt_golongan=tmt, mkg_tahun=mkg.tahun, mkg_bulan=mkg.bulan)
        kgbs = c.riwayat.get(RiwayatKgb, [])
        last_kgb = kgbs[-1] if kgbs else None
        c.pegawai.update(
            kgb_tmt=last_kgb["tmt"] if last_kgb else None,
            kgb_golongan_ruang=last_kgb["golongan_ruang"] if last_kgb else "",
            kgb_mkg_tahun=last_kgb["mkg_tahun"] if last_kgb else 0,
            kgb_mkg_bulan=last_kgb["mkg_bulan"] if last_kgb else 0,
        )
        self._jabatan(c, golongan, start, unit_id, unit_name, pppk)
        c.add(
            RiwayatPendidikan,
            tmt=None,
            tingkat=ijazah,
            jurusan="",
            nama_sekolah="",
            tahun_lulus=start.year - 1,
        )
        self._leave_and_discipline(c, start)
        c.siasn = self._siasn_row(c, ijazah)
        return c

    def _pns_history(self, c: Career, ijazah: str, start: date) -> tuple[str, date, MasaKerja]:
        rule = REF.ijazah.get(ijazah)
        ceiling = REF.pangkat.rank(rule.golongan_maks_kp_reguler)
        golongan, tmt, mkg = rule.golongan_awal_cpns, start, MasaKerja(rule.mkg_awal_tahun)
        c.add(
            RiwayatPangkat, tmt=tmt, golongan_ruang=golongan, mkg_tahun=mkg.tahun, mkg_bulan=0, jenis="cpns"
        )
        kgb_tmt, kgb_mkg = tmt, mkg
        skip_last_kgb = self.rng.random() < 0.1  # forgotten KGBs: the schedule shows them as lewat
        while True:
            kp_at = add_months(tmt, 48) if REF.pangkat.rank(golongan) < ceiling else None
            step = next_kgb(kgb_tmt, golongan, kgb_mkg, REF.gaji).value
            if kp_at is not None and kp_at <= self.today and (step is None or kp_at <= step.tmt):
                above = REF.pangkat.next_above(golongan)
                assert above is not None
                new_mkg = mkg_after_promotion(
                    mkg_on(kgb_tmt, kgb_mkg, kp_at), golongan, above.golongan_ruang
                ).value
                golongan, tmt, mkg = above.golongan_ruang, kp_at, new_mkg
                c.add(
                    RiwayatPangkat,
                    tmt=tmt,
                    golongan_ruang=golongan,
                    mkg_tahun=mkg.tahun,
                    mkg_bulan=mkg.bulan,
                    jenis="reguler",
                    nomor_sk=f"823.3/{self.rng.randint(100, 9999)}/BKD",
                    tanggal_sk=add_months(tmt, -1),
                )
                kgb_tmt, kgb_mkg = tmt, mkg
                continue
            if (
                step is None
                or step.tmt > self.today
                or (skip_last_kgb and step.tmt > add_months(self.today, -2))
            ):
                if step is not None and self.rng.random() < 0.02:
                    c.add(RiwayatPenundaanKgb, tmt=step.tmt, bulan=6, nomor_sk="800/PENUNDAAN")
                return golongan, tmt, mkg
            c.add(
                RiwayatKgb,
                tmt=step.tmt,
                golongan_ruang=golongan,
                mkg_tahun=step.mkg.tahun,
                mkg_bulan=step.mkg.bulan,
                gaji_pokok=step.gaji_pokok,
                nomor_sk=f"822.2/{self.rng.randint(100, 9999)}/SEK",
                tanggal_sk=add_months(step.tmt, -1),
            )
            kgb_tmt, kgb_mkg = step.tmt, step.mkg

    def _jabatan(
        self, c: Career, golongan: str, start: date, unit_id: int, unit_name: str, pppk: bool
    ) -> None:
        rng = self.rng
        c.add(
            RiwayatJabatan,
            tmt=start,
            jenis_jabatan="pelaksana",
            jenjang="",
            jabatan=rng.choice(JABATAN_PELAKSANA),
            unit_id=unit_id,
            unor=unit_name,
        )
        roll = rng.random()
        if roll < 0.55 or start > add_months(self.today, -36):
            jenis, jenjang, nama = "pelaksana", "", rng.choice(JABATAN_PELAKSANA)
        elif roll < 0.85 or pppk or not golongan.startswith(("III", "IV")):
            jenis, jenjang = "fungsional", _jenjang(golongan)
            nama = f"{rng.choice(JABATAN_FUNGSIONAL)} {jenjang.replace('_', ' ').title()}"
        else:
            jenis, nama = ESELON[min(int((roll - 0.85) / 0.05), 2)]
            jenjang = ""
        tmt = _first(
            start + timedelta(days=rng.randint(365 * 3, max((self.today - start).days, 365 * 3 + 1)))
        )
        tmt = min(tmt, _first(self.today))
        if jenis != "pelaksana" or rng.random() < 0.5:
            c.add(
                RiwayatJabatan,
                tmt=tmt,
                jenis_jabatan=jenis,
                jenjang=jenjang,
                jabatan=nama,
                unit_id=unit_id,
                unor=unit_name,
            )
        last = c.riwayat[RiwayatJabatan][-1]
        c.pegawai.update(
            jenis_jabatan=last["jenis_jabatan"],
            jenjang=last["jenjang"],
            jabatan=last["jabatan"],
            tmt_jabatan=last["tmt"],
        )

    def _leave_and_discipline(self, c: Career, start: date) -> None:
        rng = self.rng
        for year in range(max(start.year + 1, self.today.year - 3), self.today.year + 1):
            for _ in range(rng.randint(1, 3)):
                begin = date(year, rng.randint(1, 11), rng.randint(1, 20))
                end = begin + timedelta(days=rng.randint(0, 6))
                c.add(
                    RiwayatCuti,
                    tmt=begin,
                    selesai=end,
                    jenis="tahunan",
                    hari_kerja=max(1, (end - begin).days - 1),
                    keputusan="disetujui",
                    referensi=f"PECUT-{rng.randint(10000, 99999)}",
                    nomor_sk=f"800.1.11.1/{rng.randint(1, 999)}",
                )
        if rng.random() < 0.03:
            tingkat = rng.choice(("ringan", "sedang", "berat"))
            when = _first(start + timedelta(days=rng.randint(400, 3000)))
            c.add(
                RiwayatHukdis,
                tmt=when,
                tingkat=tingkat,
                jenis="Teguran tertulis",
                selesai=add_months(when, 12),
            )

    def _siasn_row(self, c: Career, ijazah: str) -> dict[str, str]:
        p = c.pegawai
        return {
            "PNS ID": p["pns_id"],
            "NIP BARU": p["nip"],
            "NIP LAMA": "",
            "NAMA": p["nama"],
            "GELAR DEPAN": p["gelar_depan"],
            "GELAR BELAKANG": p["gelar_belakang"],
            "TEMPAT LAHIR NAMA": p["tempat_lahir"],
            "TANGGAL LAHIR": _dmy(p["tanggal_lahir"]),
            "JENIS KELAMIN": "M" if p["jenis_kelamin"] == "L" else "F",
            "AGAMA NAMA": "Islam",
            "NIK": p["nik"],
            "JENIS PEGAWAI NAMA": "PPPK" if p["status"] == "pppk" else "PNS Daerah",
            "STATUS CPNS PNS": {"pns": "P", "cpns": "C"}.get(p["status"], ""),
            "TMT CPNS": _dmy(p["tmt_cpns"]),
            "TMT PNS": _dmy(p["tmt_pns"]) if p["status"] == "pns" else "",
            "GOL AKHIR ID": "",
            "GOL AKHIR NAMA": p["golongan_ruang"],
            "TMT GOLONGAN": _dmy(p["tmt_golongan"]),
            "MK TAHUN": str(p["mkg_tahun"]),
            "MK BULAN": str(p["mkg_bulan"]),
            "JENIS JABATAN NAMA": SIASN_JENIS[p["jenis_jabatan"]],
            "JABATAN NAMA": p["jabatan"],
            "TMT JABATAN": _dmy(p["tmt_jabatan"]),
            "TINGKAT PENDIDIKAN NAMA": SIASN_PENDIDIKAN[ijazah],
            "TAHUN LULUS": str(p["tmt_golongan"].year),
            "KPKN NAMA": "SAMARINDA",
            "LOKASI KERJA NAMA": "Kota Samarinda",
            "UNOR NAMA": p["unor"],
            "TMT AKHIR KONTRAK": _dmy(p["akhir_kontrak"]),
        }


def generate(ctx: system.AppContext, count: int, *, seed: int = 7, today: date | None = None) -> list[Career]:
    """``count`` pegawai with full riwayat, written in bulk; a tenth of the upcoming KGBs get a kept status."""
    today = today or clock.today("WITA")  # demo.fill puts the office in Samarinda
    with ctx.db.transaction() as s:
        units = [(u.id, u.nama) for u in s.scalars(select(OrgUnit).order_by(OrgUnit.id))]
    gen = Generator(seed, today, units)
    careers = [gen.career() for _ in range(count)]
    now = clock.utc_now()
    with ctx.db.transaction() as s:
        start_id = (s.execute(text("SELECT COALESCE(MAX(id), 0) FROM pegawai")).scalar_one() or 0) + 1
        pegawai_rows = []
        riwayat: dict[Any, list[dict[str, Any]]] = {}
        statuses = []
        for offset, c in enumerate(careers):
            pid = start_id + offset
            pegawai_rows.append(
                {**c.pegawai, "id": pid, "created_at": now, "updated_at": now, "created_by": None}
            )
            for model, rows in c.riwayat.items():
                for r in rows:
                    riwayat.setdefault(model, []).append(
                        {
                            "nomor_sk": "",
                            "tanggal_sk": None,
                            "alasan_koreksi": "",
                            "batal": False,
                            "keterangan": "",
                            "koreksi_atas_id": None,
                            "created_at": now,
                            "created_by": None,
                            **r,
                            "pegawai_id": pid,
                        }
                    )
            if gen.rng.random() < 0.1 and c.pegawai["tmt_cpns"] is not None:
                statuses.append(
                    {
                        "pegawai_id": pid,
                        "jenis": "satyalancana",
                        "tanggal": add_months(c.pegawai["tmt_cpns"], 120),
                        "status": "selesai",
                        "catatan": "",
                        "updated_by": None,
                        "updated_by_name": "bench",
                        "updated_at": now,
                    }
                )
        for chunk in range(0, len(pegawai_rows), 1000):
            s.execute(insert(Pegawai), pegawai_rows[chunk : chunk + 1000])
        for model, rows in riwayat.items():
            for chunk in range(0, len(rows), 2000):
                s.execute(insert(model), rows[chunk : chunk + 2000])
        if statuses:
            s.execute(insert(JadwalStatus), statuses)
        if not ctx.db.is_sqlite:
            for table in ("pegawai", "jadwal_status", *(m.__tablename__ for m in riwayat)):
                s.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))"
                    )
                )
    return careers


def write_siasn_csv(careers: list[Career], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(careers[0].siasn))
        writer.writeheader()
        for c in careers:
            writer.writerow(c.siasn)


def _timed(runs: int, job: Callable[[], Any]) -> list[float]:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        job()
        times.append((time.perf_counter() - t) * 1000)
    return times


def _line(label: str, times: list[float], unit: str = "ms", goal: str = "") -> str:
    scale = 1000 if unit == "s" else 1
    return (
        f"{label}: median {statistics.median(times) / scale:.2f} {unit}, p95 {percentile(times, 95) / scale:.2f} {unit}"
        + (f" ({goal})" if goal else "")
    )


def bench_schedule(ctx: system.AppContext, count: int, runs: int, today: date) -> None:
    def run() -> None:
        with ctx.db.transaction() as s:
            schedule.schedule(s, SYSTEM, today, 90)

    run()  # warm caches (seed reference tables, SQLAlchemy statement cache)
    with ctx.db.transaction() as s:
        sched = schedule.schedule(s, SYSTEM, today, 90)
        dates = schedule.next_dates(s, SYSTEM, today)
    print(f"schedule: {len(sched.items)} items in a 90-day horizon, {len(dates)} active pegawai")
    print(_line(f"whole schedule, {count} pegawai ({runs} runs)", _timed(runs, run), goal="goal ≤ 300 ms"))

    def cold() -> None:
        schedule.clear_cache()  # as after a start: no rule result cached yet
        run()

    print(
        _line(f"whole schedule, cold rule cache ({max(runs // 3, 3)} runs)", _timed(max(runs // 3, 3), cold))
    )

    def run_all() -> None:
        with ctx.db.transaction() as s:
            schedule.schedule(s, SYSTEM, today, None)

    print(_line(f"whole schedule without horizon ({runs} runs)", _timed(runs, run_all)))

    def run_csv() -> None:
        with ctx.db.transaction() as s:
            schedule.next_dates(s, SYSTEM, today)

    print(_line(f"next dates for the CSV ({runs} runs)", _timed(runs, run_csv)))


def bench_board(ctx: system.AppContext, runs: int) -> None:
    """Open the Jadwal board as the pengelola does: build it, show it, wait until the table has its rows."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.ui.context import UiContext
    from desktop.ui.staff.schedule_board import ScheduleBoard

    app = QApplication.instance() or QApplication([])
    ui = UiContext(ctx, SYSTEM)

    def open_once() -> tuple[float, int]:
        t = time.perf_counter()
        board = ScheduleBoard(ui)
        board.resize(1366, 700)
        loop = QEventLoop()
        board.loaded.connect(loop.quit)
        QTimer.singleShot(60_000, loop.quit)  # never wait forever
        board.show()  # the first show reads the board (staff_board.board on a worker thread)
        if board.board is None:
            loop.exec()
        app.processEvents()  # the rows painted
        elapsed = (time.perf_counter() - t) * 1000
        rows = board.proxy.rowCount()
        board.close()
        board.deleteLater()
        app.processEvents()
        # The app builds its board once; here every closed one is left in reference cycles (its signals and
        # task hold it), which a later full collection would walk inside another run's clock.
        gc.collect()
        if not rows:
            raise RuntimeError("the Jadwal board showed no rows")
        return elapsed, rows

    _, rows = open_once()  # warm: imports, Qt styles, the rule cache (the app computes the Beranda first)
    system.settle_heap()  # again with Qt loaded: the app calls it once its window is up
    times = [open_once()[0] for _ in range(runs)]
    print(f"Jadwal board: {rows} rows")
    print(_line(f"opening the Jadwal board, {rows} rows ({runs} runs)", times, goal="goal ≤ 300 ms"))
    schedule.clear_cache()
    cold = open_once()[0]
    print(f"opening the Jadwal board, cold rule cache (1 run): {cold:.2f} ms")


def bench_import(template: Path, csv_path: Path, runs: int, workdir: Path) -> None:
    first: list[float] = []
    again: list[float] = []
    for i in range(runs):
        folder = workdir / f"import-{i}"
        folder.mkdir()
        shutil.copyfile(template, folder / SQLITE_FILE)
        ctx = system.open_context(folder)
        try:
            for times in (first, again):
                t = time.perf_counter()
                table = records_io.read_siasn(csv_path)
                with ctx.db.transaction() as s:
                    plan = records_io.validate_siasn(s, SYSTEM, table)
                    assert plan.ok, plan.errors[:3]
                    records_io.import_staff(s, SYSTEM, plan)
                times.append((time.perf_counter() - t) * 1000)
        finally:
            ctx.db.dispose()
        shutil.rmtree(folder)
    print(_line(f"SIASN import, 2,000 rows into an empty register ({runs} runs)", first, "s", "goal ≤ 5 s"))
    print(_line(f"SIASN import, same file again: no change ({runs} runs)", again, "s", "goal ≤ 5 s"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--staff", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--import-runs", type=int, default=5)
    parser.add_argument("--no-board", action="store_true", help="skip the Jadwal board (needs PySide6)")
    parser.add_argument(
        "--db-url", default=None, help="PostgreSQL URL for the schedule benchmark (empty database)"
    )
    args = parser.parse_args()
    today = clock.today("WITA")  # demo.fill puts the office in Samarinda
    with tempfile.TemporaryDirectory(prefix="sekretariat-bench-staff-") as tmp:
        base = Path(tmp)
        template_dir = base / "template"
        ctx = system.open_context(template_dir)
        system.prepare(ctx)
        sample_office.fill(ctx, letter_count=0)
        ctx.db.dispose()
        template = template_dir / SQLITE_FILE
        import sqlite3

        con = sqlite3.connect(template)
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.close()

        data_dir = base / "data"
        if args.db_url:
            ctx = system.open_context(data_dir, db_url=args.db_url)
            system.prepare(ctx)
            sample_office.fill(ctx, letter_count=0)
        else:
            data_dir.mkdir()
            shutil.copyfile(template, data_dir / SQLITE_FILE)
            ctx = system.open_context(data_dir)
        t = time.perf_counter()
        careers = generate(ctx, args.staff, today=today)
        rows = sum(len(v) for c in careers for v in c.riwayat.values())
        print(
            f"generated {args.staff} pegawai with {rows} riwayat rows in {time.perf_counter() - t:.1f} s ({ctx.location})"
        )
        system.settle_heap()  # as the app does once it has started (see system.settle_heap)
        bench_schedule(ctx, args.staff, args.runs, today)
        if not args.no_board:
            bench_board(ctx, args.runs)
        ctx.db.dispose()

        csv_path = base / "export_data_asn.csv"
        write_siasn_csv(careers, csv_path)
        bench_import(template, csv_path, args.import_runs, base)


if __name__ == "__main__":
    main()
