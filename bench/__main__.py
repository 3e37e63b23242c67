"""Run the benchmarks and print figures: `make bench` (or `python -m bench`)."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from bench.generate import generate
from bench.startup import cold_start
from desktop.services import system
from desktop.services.common.counters import next_number


def numbers(ctx: system.AppContext, count: int = 2000) -> None:
    t = time.perf_counter()
    for _ in range(count):
        with ctx.db.transaction() as s:
            next_number(s, "bench", 2026)
    elapsed = time.perf_counter() - t
    print(f"counter: {count} numbers, one transaction each: {count / elapsed:.0f} numbers/s")


def backup(ctx: system.AppContext, out: Path) -> None:
    t = time.perf_counter()
    path = system.backup_now(ctx, system.SYSTEM, out)
    size = path.stat().st_size / 1e6
    print(f"backup of {size:.1f} MB database: {time.perf_counter() - t:.2f} s")


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="sekretariat-bench-") as tmp:
        data_dir = Path(tmp) / "data"
        t = time.perf_counter()
        ctx = generate(data_dir)
        print(f"generated demo data + 100,000 audit rows in {time.perf_counter() - t:.1f} s")
        ctx.db.dispose()
        cold_start(data_dir)
        ctx = system.open_context(data_dir)
        numbers(ctx)
        backup(ctx, Path(tmp) / "cadangan.db")
        ctx.db.dispose()


if __name__ == "__main__":
    main()
