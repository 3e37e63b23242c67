"""Barang (BMD) benchmarks: the pengurus barang's lists, searches, cards and prints on a register of 50,000 assets
with 300,000 mutations in 300 rooms, and a 10,000-row KIB import.

    python -m bench.assets [--assets 50000] [--mutations 300000] [--rooms 300] [--runs 100]
                           [--db-url postgresql+psycopg://…]

The register is written in bulk with core ``insert()`` (not through the services: one create_assets per unit
would take minutes) in the shape the services write it: consecutive registers per kode, the NIBAR and register
counters raised past them, the ``nama_kunci`` search key, golongan details of KIB A/C/D/E/F, a perolehan mutation
per item and moves, kondisi changes, repairs and label prints for the rest; one room holds exactly 200 items
(the KIR case). Then the real services are timed, each in its own session as the tab runs them. Goals (issue 15
"Speed"):

- asset list to first rows (``items.list_assets``, first page of 100, with the list's count): ≤ 150 ms
- search as you type (``items.list_assets`` with the text, prefixes of words and codes): p95 ≤ 50 ms
- open an asset with its history (``items.get_asset`` + ``items.history``): ≤ 50 ms
- KIR of a 200-item room (``documents.kir_pdf``): ≤ 500 ms
- full KIB B PDF, 40,000 units (``documents.kib_pdf`` with progress): ≤ 30 s
- depreciation of all assets at a date (``depreciation.depreciation_rows``): ≤ 2 s
- label sheet of 240 labels (``documents.labels_pdf``, recorded): ≤ 2 s
- importing a 10,000-row KIB (``kib_io.read_table`` + ``validate_kib`` + ``import_kib``): ≤ 10 s

A service that is not there yet prints "tidak tersedia" instead of a figure.
"""

from __future__ import annotations

import argparse
import csv
import importlib
import json
import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select, text

from desktop.core import clock
from desktop.demo import sample_office
from desktop.models.admin import Counter
from desktop.models.assets import Aset, AsetMutasi, AsetRincian, KodeBarang, Ruang
from desktop.services import system
from desktop.services.assets import items, settings
from desktop.services.assets.items import AssetFilter
from desktop.services.common.permissions import SYSTEM

AS_OF = date(2026, 6, 30)
KIR_ROOM_ITEMS = 200
_BATCH = 5000


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def _line(label: str, times: list[float], goal: str) -> str:
    return (
        f"{label}: median {statistics.median(times):.1f} ms, p95 {percentile(times, 95):.1f} ms, "
        f"max {max(times):.1f} ms ({goal})"
    )


def _timed(runs: int, job: Callable[[int], Any]) -> list[float]:
    times = []
    for i in range(runs):
        t = time.perf_counter()
        job(i)
        times.append((time.perf_counter() - t) * 1000)
    return times


def _service(name: str) -> Any | None:
    """``desktop.services.assets.<name>``, or None when that service is not written yet."""
    try:
        return importlib.import_module(f"desktop.services.assets.{name}")
    except ImportError:
        return None


def _missing(label: str) -> None:
    print(f"{label}: tidak tersedia")


# --- the register -----------------------------------------------------------------------------------------------


def _codes(ctx: system.AppContext) -> dict[str, list[tuple[str, str]]]:
    """Level-7 codes of the shipped list per golongan, (kode, uraian)."""
    with ctx.db.read() as s:
        rows = s.execute(
            select(KodeBarang.golongan, KodeBarang.kode, KodeBarang.uraian)
            .where(KodeBarang.level == 7, KodeBarang.golongan != "")
            .order_by(KodeBarang.kode)
        ).all()
    out: dict[str, list[tuple[str, str]]] = {}
    for g, k, u in rows:
        out.setdefault(g, []).append((k, u))
    return out


def generate(
    ctx: system.AppContext, *, assets: int, mutations: int, room_count: int, seed: int = 15
) -> dict[str, Any]:
    """Bulk rows; returns what the timings need (ids, the 200-item room, search words)."""
    rng = random.Random(seed)
    codes = _codes(ctx)
    # KIB B is 80 % of the register (the 40,000 of 50,000); the rest spread over A, C, D, E, F.
    b_codes = [c for c in codes["B"] if c[0].startswith(("1.3.2.05", "1.3.2.10", "1.3.2.02", "1.3.2.06"))]
    b_codes = rng.sample(b_codes, min(150, len(b_codes)))
    others = {g: rng.sample(codes[g], min(20, len(codes[g]))) for g in "ACDEF" if codes.get(g)}
    now = clock.utc_now()
    room_rows = [
        {"id": i, "kode": f"R.{i:03d}", "nama": f"Ruang {i:03d}", "lokasi": f"Gedung {1 + i // 60}",
         "pj_pegawai_id": None, "pj_nama": f"Penanggung Jawab {i}", "pj_nip": "", "aktif": True,
         "kir_berubah_at": now, "kir_dicetak_at": None}
        for i in range(1, room_count + 1)
    ]  # fmt: skip
    kir_room = 1
    registers: dict[str, int] = {}
    aset_rows: list[dict[str, Any]] = []
    rincian_rows: list[dict[str, Any]] = []
    n_b = round(assets * 0.8)
    parcel_ids: list[int] = []
    for aid in range(1, assets + 1):
        if aid <= n_b:
            golongan, (kode, uraian) = "B", rng.choice(b_codes)
        else:
            golongan = "A" if aid <= n_b + 50 else rng.choice(list(others))
            kode, uraian = rng.choice(others[golongan])
        reg = registers[kode] = registers.get(kode, 0) + 1
        tahun = rng.randint(2005, 2025)
        harga = rng.randrange(3, 400) * 250_000 if golongan == "B" else rng.randrange(10, 2000) * 5_000_000
        own = golongan == "B" and rng.random() < 0.6
        merk = rng.choice(
            ("Lenovo", "HP", "Dell", "Olympic", "Chitose", "Daikin", "Epson", "Canon", "Toyota")
        )
        nama = uraian[:300]
        ruang = (
            kir_room if aid <= KIR_ROOM_ITEMS else (rng.randint(2, room_count) if golongan in "BE" else None)
        )
        aset_rows.append(
            {"id": aid, "nibar": f"{aid:010d}", "upb": "", "kode_barang": kode, "register": reg,
             "golongan": golongan, "nama": nama, "nama_kunci": items.search_key(nama, merk)[:300],
             "spesifikasi": "", "merk_tipe": merk, "ukuran": "", "bahan": "", "satuan": "Unit", "tahun": tahun,
             "tanggal_perolehan": date(tahun, rng.randint(1, 12), rng.randint(1, 28)), "harga_perolehan": harga,
             "harga": harga, "asal_usul": "Pembelian", "dasar_jenis": "Kontrak",
             "dasar_nomor": f"027/{aid}/BENCH/{tahun}", "dasar_tanggal": None,
             "kondisi": rng.choice((1, 1, 1, 1, 1, 1, 2, 3)), "intra": golongan != "B" or harga >= 1_000_000,
             "intra_manual": False, "intra_catatan": "", "no_pabrik": f"SN{aid:08d}" if own else "",
             "no_rangka": "", "no_mesin": "", "no_polisi": "", "no_bpkb": "",
             "tanah_id": rng.choice(parcel_ids) if golongan in "CDF" and parcel_ids else None,
             "ruang_id": ruang, "pemegang_pegawai_id": None, "pemegang_nama": "", "unit": "", "status": "aktif",
             "keterangan": "", "created_at": now, "updated_at": now}
        )  # fmt: skip
        if golongan == "A":
            parcel_ids.append(aid)
        if golongan != "B":
            rincian_rows.append(
                {"aset_id": aid, "luas": str(rng.randint(50, 5000)), "letak": "Jl. Bench No. 1"}
            )
    mutasi: list[dict[str, Any]] = []
    for r in aset_rows:
        mutasi.append(
            {"aset_id": r["id"], "jenis": "perolehan", "tanggal": r["tanggal_perolehan"], "dokumen_id": None,
             "dokumen_jenis": "Kontrak", "dokumen_nomor": r["dasar_nomor"], "dokumen_tanggal": None,
             "sebelum": "", "sesudah": json.dumps({"harga": r["harga"]}), "nilai": r["harga"], "keterangan": "",
             "user_id": None, "username": "bench", "created_at": now}
        )  # fmt: skip
    for _ in range(max(0, mutations - len(mutasi))):
        r = aset_rows[rng.randrange(assets)]
        jenis = rng.choice(("pindah_ruang", "pindah_ruang", "kondisi", "label", "pemeliharaan"))
        day = r["tanggal_perolehan"] + timedelta(days=rng.randint(30, 2000))
        mutasi.append(
            {"aset_id": r["id"], "jenis": jenis, "tanggal": min(day, AS_OF), "dokumen_id": None,
             "dokumen_jenis": "", "dokumen_nomor": "", "dokumen_tanggal": None,
             "sebelum": json.dumps({"ruang_id": 2}), "sesudah": json.dumps({"ruang_id": 3}),
             "nilai": 350_000 if jenis == "pemeliharaan" else 0, "keterangan": "", "user_id": None,
             "username": "bench", "created_at": now}
        )  # fmt: skip
    counter_rows = [
        {"series": items.register_series("", k), "period": "0", "last_value": n} for k, n in registers.items()
    ]
    counter_rows.append({"series": items.NIBAR_SERIES, "period": "0", "last_value": assets})
    with ctx.db.transaction() as s:
        s.execute(insert(Ruang), room_rows)
        for start in range(0, len(aset_rows), _BATCH):
            s.execute(insert(Aset), aset_rows[start : start + _BATCH])
        for start in range(0, len(rincian_rows), _BATCH):
            s.execute(insert(AsetRincian), rincian_rows[start : start + _BATCH])
        for start in range(0, len(mutasi), _BATCH):
            s.execute(insert(AsetMutasi), mutasi[start : start + _BATCH])
        s.execute(insert(Counter), counter_rows)
        if not ctx.db.is_sqlite:
            for table in ("ruang", "aset", "aset_mutasi"):
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
    words = sorted(
        {w for r in aset_rows[:: max(1, assets // 500)] for w in r["nama_kunci"].split() if len(w) > 3}
    )
    code_samples = sorted({r["kode_barang"] for r in aset_rows[:: max(1, assets // 200)]})
    return {"kir_room": kir_room, "words": words, "codes": code_samples, "kib_b": n_b}


# --- the timings ------------------------------------------------------------------------------------------------


def bench_list(ctx: system.AppContext, runs: int) -> None:
    def first_page(i: int) -> None:
        golongan = "" if i % 2 else "B"
        with ctx.db.read() as s:
            rows, total = items.list_assets(s, SYSTEM, AssetFilter(golongan=golongan), limit=100)
            assert rows and total

    first_page(0)
    print(_line(f"asset list to first rows, 100 of all / KIB B ({runs} runs)", _timed(runs, first_page),
                "goal ≤ 150 ms"))  # fmt: skip


def bench_search(ctx: system.AppContext, runs: int, words: list[str], codes: list[str]) -> None:
    """What a clerk types letter by letter: 2-6 letters of a word, then a second word's start; or a code's
    segments one by one."""
    rng = random.Random(4)
    typed: list[str] = []
    while len(typed) < runs:
        if rng.random() < 0.7:
            word = rng.choice(words)
            typed += [word[:n] for n in range(2, min(len(word), 6) + 1)]
            other = rng.choice(words)
            typed += [f"{word} {other[:n]}" for n in (1, 2, 3)]
        else:
            parts = rng.choice(codes).split(".")
            typed += [".".join(parts[:n]) for n in range(3, len(parts) + 1)]
    typed = typed[:runs]

    def search(i: int) -> None:
        with ctx.db.read() as s:
            items.list_assets(s, SYSTEM, AssetFilter(text=typed[i]), limit=100)

    search(0)
    print(_line(f"search as you type, word and code prefixes ({runs} runs)", _timed(runs, search),
                "goal p95 ≤ 50 ms"))  # fmt: skip


def bench_open(ctx: system.AppContext, runs: int, assets: int) -> None:
    rng = random.Random(5)
    ids = [rng.randint(1, assets) for _ in range(runs)]

    def open_one(i: int) -> None:
        with ctx.db.read() as s:
            items.get_asset(s, SYSTEM, ids[i])
            items.history(s, SYSTEM, ids[i])

    open_one(0)
    print(_line(f"open an asset with its history ({runs} runs)", _timed(runs, open_one), "goal ≤ 50 ms"))


def bench_kir(ctx: system.AppContext, runs: int, ruang_id: int) -> None:
    documents = _service("documents")
    if documents is None or not hasattr(documents, "kir_pdf"):
        _missing("KIR of a 200-item room")
        return
    for layout in ("17/2007", "47/2021"):

        def kir(_: int, layout: str = layout) -> None:
            with ctx.db.read() as s:
                documents.kir_pdf(s, SYSTEM, ruang_id, layout=layout)

        kir(0)
        print(_line(f"KIR PDF of a {KIR_ROOM_ITEMS}-item room, layout {layout} ({runs} runs)", _timed(runs, kir),
                    "goal ≤ 500 ms"))  # fmt: skip


def bench_kib_b(ctx: system.AppContext, units: int) -> None:
    documents = _service("documents")
    if documents is None or not hasattr(documents, "kib_pdf"):
        _missing("full KIB B PDF")
        return
    calls = []

    def progress(done: int, total: int) -> None:
        calls.append((time.perf_counter(), done, total))

    t = time.perf_counter()
    with ctx.db.transaction() as s:
        rows = documents.kib_rows(s, SYSTEM, "B") if hasattr(documents, "kib_rows") else []
        t_rows = time.perf_counter() - t
        pdf = documents.kib_pdf(s, SYSTEM, "B", progress=progress)
    elapsed = time.perf_counter() - t
    first = calls[0][0] - t if calls else float("nan")
    print(
        f"full KIB B PDF, {units} units in {len(rows)} rows, {len(pdf) / 1e6:.1f} MB: {elapsed:.1f} s "
        f"(reading the rows {t_rows:.1f} s of it; {len(calls)} progress reports, first after {first:.1f} s) "
        "(goal ≤ 30 s)"
    )


def bench_depreciation(ctx: system.AppContext, runs: int) -> None:
    depreciation = _service("depreciation")
    if depreciation is None or not hasattr(depreciation, "depreciation_rows"):
        _missing("depreciation of all assets")
        return
    count = 0

    def run(_: int) -> None:
        nonlocal count
        with ctx.db.read() as s:
            count = len(depreciation.depreciation_rows(s, SYSTEM, AS_OF).rows)

    run(0)
    print(_line(f"depreciation of all assets at {AS_OF}, {count} rows ({runs} runs)", _timed(runs, run),
                "goal ≤ 2 s"))  # fmt: skip


def bench_labels(ctx: system.AppContext, runs: int, assets: int) -> None:
    documents = _service("documents")
    if documents is None or not hasattr(documents, "labels_pdf"):
        _missing("label sheet of 240 labels")
        return
    rng = random.Random(6)

    def labels(_: int) -> None:
        ids = rng.sample(range(1, assets + 1), 240)
        with ctx.db.transaction() as s:  # a real print: one "label" mutation per item
            documents.labels_pdf(s, SYSTEM, ids, layout="a4_3x8", code="qr", record=True)

    labels(0)
    print(_line(f"label sheet, 240 labels A4 3 × 8 with QR, recorded ({runs} runs)", _timed(runs, labels),
                "goal ≤ 2 s"))  # fmt: skip


def _kib_file(path: Path, rows: int, codes: list[tuple[str, str]]) -> None:
    """A SIMDA-style KIB B sheet: each line one unit of a kode with no register (the counter gives them),
    distinct factory numbers, so none is a likely duplicate."""
    rng = random.Random(7)
    with path.open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(["Kode Barang", "Nama Barang", "Merk/Type", "No. Pabrik", "Tahun Pembelian", "Harga",
                      "Kondisi", "Asal Usul", "Keterangan"])  # fmt: skip
        for i in range(rows):
            kode, uraian = rng.choice(codes)
            out.writerow([kode, uraian, rng.choice(("Lenovo", "HP", "Epson")), f"IMP{i:07d}",
                          rng.randint(2010, 2025), f"Rp {rng.randrange(4, 200) * 250_000:,}".replace(",", "."),
                          rng.choice(("B", "B", "RR", "RB")), "Pembelian", "impor bench"])  # fmt: skip


def bench_import(ctx: system.AppContext, tmp: Path, rows: int) -> None:
    kib_io = _service("kib_io")
    if kib_io is None or not hasattr(kib_io, "import_kib"):
        _missing(f"importing a {rows}-row KIB")
        return
    codes = [c for c in _codes(ctx)["B"] if c[0].startswith("1.3.2.05")][:80]
    path = tmp / "kib_b_impor.csv"
    _kib_file(path, rows, codes)
    t = time.perf_counter()
    table = kib_io.read_table(path)
    t_read = time.perf_counter() - t
    with ctx.db.transaction() as s:
        plan = kib_io.validate_kib(s, SYSTEM, table)
        t_check = time.perf_counter() - t - t_read
        assert not plan.errors, plan.errors[:3]
        result = kib_io.import_kib(s, SYSTEM, plan)
    elapsed = time.perf_counter() - t
    print(
        f"importing a {rows}-row KIB (CSV): {elapsed:.1f} s — read {t_read:.1f} s, check {t_check:.1f} s, "
        f"write and commit {elapsed - t_read - t_check:.1f} s; {result.imported} units (goal ≤ 10 s)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--assets", type=int, default=50_000)
    parser.add_argument("--mutations", type=int, default=300_000)
    parser.add_argument("--rooms", type=int, default=300)
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--import-rows", type=int, default=10_000)
    parser.add_argument("--db-url", default=None, help="PostgreSQL URL of an empty database")
    args = parser.parse_args()
    load = os.getloadavg()
    print(f"load average before the run: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} ({os.cpu_count()} CPUs)")
    with tempfile.TemporaryDirectory(prefix="sekretariat-bench-assets-") as tmp_name:
        tmp = Path(tmp_name)
        ctx = system.open_context(tmp / "data", db_url=args.db_url)
        system.prepare(ctx)
        sample_office.fill(ctx, letter_count=0)  # office, units, users; the kode list is seeded at start
        with ctx.db.transaction() as s:
            if not s.scalar(select(KodeBarang.id).limit(1)):
                from desktop.services.assets import kode, reference

                kode.seed_reference(s)
                reference.seed_reference(s)
            settings.save_settings(
                s, SYSTEM, settings.AssetSettings(kode_lokasi="11.01.64.00.01.01.001.001.2026",
                                                  provinsi="Kalimantan Timur")
            )  # fmt: skip
        t = time.perf_counter()
        made = generate(ctx, assets=args.assets, mutations=args.mutations, room_count=args.rooms)
        print(
            f"generated {args.assets} assets, {args.mutations} mutations, {args.rooms} rooms by bulk insert in "
            f"{time.perf_counter() - t:.1f} s ({ctx.location})"
        )
        system.settle_heap()
        bench_list(ctx, args.runs)
        bench_search(ctx, args.runs * 2, made["words"], made["codes"])
        bench_open(ctx, args.runs, args.assets)
        bench_kir(ctx, max(args.runs // 10, 5), made["kir_room"])
        bench_depreciation(ctx, 3)
        bench_labels(ctx, 3, args.assets)
        bench_kib_b(ctx, made["kib_b"])
        bench_import(ctx, tmp, args.import_rows)
        load = os.getloadavg()
        print(f"load average after the run: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
        ctx.db.dispose()


if __name__ == "__main__":
    main()
