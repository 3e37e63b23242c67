"""Run the benchmarks and print figures: `make bench` (or `python -m bench`)."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.generate import generate
from desktop.services import system
from desktop.services.common.counters import next_number


def _display_env() -> tuple[dict[str, str], subprocess.Popen[bytes] | None]:
    """A real X server (Xvfb) when available, so "visible" means mapped on a screen; offscreen otherwise."""
    env = dict(os.environ)
    if shutil.which("Xvfb"):
        display = ":77"
        xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1600x1000x24"], stderr=subprocess.DEVNULL)
        time.sleep(1.0)
        env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb")
        return env, xvfb
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env, None


def cold_start(data_dir: Path, runs: int = 7) -> None:
    env, xvfb = _display_env()
    try:
        times = []
        for _ in range(runs + 1):
            t0 = time.time()
            out = subprocess.run(
                [sys.executable, "-m", "desktop", "--data-dir", str(data_dir), "--startup-probe"],
                env=env,
                capture_output=True,
                text=True,
                timeout=120,
                check=True,
            )
            line = next(x for x in out.stdout.splitlines() if x.startswith("window-visible"))
            times.append(float(line.split()[1]) - t0)
        times = times[1:]  # the first run warms the OS file cache
        print(
            f"cold start to visible main window ({env['QT_QPA_PLATFORM']}, {runs} runs): "
            f"median {statistics.median(times):.2f} s, min {min(times):.2f} s, max {max(times):.2f} s"
        )
    finally:
        if xvfb:
            xvfb.terminate()


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
