"""Cold start to the visible main window on the demo data: `python -m bench.startup [--runs N] [--data-dir D]
[--exe dist/sekretariat/sekretariat]` (with --exe: the frozen bundle of `make dist` instead of the source)."""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The command that starts the app: the source by default, the frozen bundle with --exe.
COMMAND: list[str] = [sys.executable, "-m", "desktop"]


def display_env() -> tuple[dict[str, str], subprocess.Popen[bytes] | None]:
    """A real X server (Xvfb) when available, so "visible" means mapped on a screen; offscreen otherwise."""
    env = dict(os.environ)
    if shutil.which("Xvfb"):
        # -displayfd: Xvfb picks a free display and says which, so two benches on one machine do not collide.
        read, write = os.pipe()
        xvfb = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", "1600x1000x24"],
            pass_fds=(write,),
            stderr=subprocess.DEVNULL,
        )
        os.close(write)
        with os.fdopen(read) as answer:
            display = answer.readline().strip()
        env.update(DISPLAY=f":{display}", QT_QPA_PLATFORM="xcb")
        return env, xvfb
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env, None


def make_demo(data_dir: Path) -> None:
    """The data a new user tries first: `sekretariat demo`, run as its own process like the user would."""
    subprocess.run(
        [*COMMAND, "--data-dir", str(data_dir), "demo"],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        check=True,
        timeout=600,
    )


def time_to_window(data_dir: Path, env: dict[str, str]) -> float:
    """Seconds from spawning the process until the main window reports itself visible (--startup-probe)."""
    t0 = time.time()
    out = subprocess.run(
        [*COMMAND, "--data-dir", str(data_dir), "--startup-probe"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    line = next(x for x in out.stdout.splitlines() if x.startswith("window-visible"))
    return float(line.split()[1]) - t0


def drop_caches() -> None:
    """Empty the OS file cache (root on Linux), so the next start reads every library from the disk."""
    os.sync()
    Path("/proc/sys/vm/drop_caches").write_text("3\n")


def cold_start(data_dir: Path, runs: int = 7, *, truly_cold: bool = False) -> list[float]:
    """Median of ``runs`` starts after one unmeasured start that warms the OS file cache; prints the figures.
    ``truly_cold``: the file cache is emptied before each start instead (the first start after booting)."""
    # Bytecode compiled beforehand, as an installed copy has it: the figure is start-up, not compilation.
    compileall.compile_dir(ROOT / "desktop", quiet=1)
    env, xvfb = display_env()
    try:
        time_to_window(data_dir, env)
        times = []
        for _ in range(runs):
            if truly_cold:
                drop_caches()
            times.append(time_to_window(data_dir, env))
    finally:
        if xvfb:
            xvfb.terminate()
            xvfb.wait()
    what = "frozen bundle" if COMMAND[0] != sys.executable else "source"
    what += ", file cache emptied before each start" if truly_cold else ""
    print(
        f"cold start to visible main window, {what} ({env['QT_QPA_PLATFORM']}, {runs} runs): "
        f"median {statistics.median(times):.2f} s, min {min(times):.2f} s, max {max(times):.2f} s"
    )
    return times


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--data-dir", type=Path, default=None, help="a filled data dir (default: a new demo)")
    parser.add_argument(
        "--exe", type=Path, default=None, help="the frozen app (dist/sekretariat/sekretariat)"
    )
    parser.add_argument(
        "--drop-caches", action="store_true", help="empty the OS file cache before each start"
    )
    args = parser.parse_args(argv)
    if args.exe is not None:
        COMMAND[:] = [str(args.exe.resolve())]
    if args.data_dir is not None:
        cold_start(args.data_dir, args.runs, truly_cold=args.drop_caches)
        return
    with tempfile.TemporaryDirectory(prefix="sekretariat-startup-") as tmp:
        data_dir = Path(tmp) / "demo"
        make_demo(data_dir)
        cold_start(data_dir, args.runs, truly_cold=args.drop_caches)


if __name__ == "__main__":
    main()
