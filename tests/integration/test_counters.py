"""Paper numbers: consecutive, never reused, safe with several processes on both engines."""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop.services.common.counters import last_number, next_number
from desktop.services.system import AppContext
from tests.support.workers import take_numbers


def _url(ctx: AppContext) -> str:
    return ctx.db.engine.url.render_as_string(hide_password=False)


def test_numbers_are_consecutive_per_series_and_period(ctx: AppContext) -> None:
    with ctx.db.transaction() as s:
        assert [next_number(s, "agenda_masuk", 2026) for _ in range(3)] == [1, 2, 3]
        assert next_number(s, "agenda_keluar", 2026) == 1  # the twin book has its own series
        assert next_number(s, "agenda_masuk", 2027) == 1  # numbering restarts each year
    with ctx.db.transaction() as s:
        assert last_number(s, "agenda_masuk", 2026) == 3


def test_rolled_back_transaction_does_not_consume_a_number(ctx: AppContext) -> None:
    with ctx.db.transaction() as s:
        next_number(s, "agenda_masuk", 2026)
    with pytest.raises(RuntimeError), ctx.db.transaction() as s:
        next_number(s, "agenda_masuk", 2026)
        raise RuntimeError("the record failed to save")
    with ctx.db.transaction() as s:
        # The number of the failed record was never written on paper, so it is handed out again.
        assert next_number(s, "agenda_masuk", 2026) == 2


def test_a_number_kept_on_rollback_leaves_a_gap_and_is_never_handed_out_again(ctx: AppContext) -> None:
    # Queue tickets (guests.md R13): a failed save after the number was taken leaves the gap.
    with pytest.raises(RuntimeError), ctx.db.transaction() as s:
        assert next_number(s, "antrian:1", "2026-03-02", keep_on_rollback=True) == 1
        raise RuntimeError("the visit failed to save")
    with ctx.db.transaction() as s:
        assert next_number(s, "antrian:1", "2026-03-02", keep_on_rollback=True) == 2
    with pytest.raises(RuntimeError), ctx.db.transaction() as s:
        next_number(s, "antrian:1", "2026-03-02", keep_on_rollback=True)
        next_number(s, "antrian:1", "2026-03-02", keep_on_rollback=True)
        raise RuntimeError("failed again, after two numbers")
    with ctx.db.transaction() as s:
        assert last_number(s, "antrian:1", "2026-03-02") == 4
        # Without the flag a rolled-back number is simply not taken (agenda numbers).
        assert next_number(s, "antrian:1", "2026-03-02") == 5


def test_two_processes_get_400_distinct_consecutive_numbers(ctx: AppContext) -> None:
    url = _url(ctx)
    ctx.db.dispose()
    mp_ctx = mp.get_context("spawn")
    with mp_ctx.Manager() as manager, mp_ctx.Pool(2) as pool:
        ready = manager.Barrier(2)  # both processes start taking numbers at the same moment
        results = pool.starmap(take_numbers, [(url, "agenda_masuk", 200, ready)] * 2)
    a, b = results
    assert len(a) == len(b) == 200
    assert a == sorted(a) and b == sorted(b)  # each process sees its own numbers increase
    assert sorted(a + b) == list(range(1, 401))
    # Really interleaved, not one process after the other.
    assert not (max(a) < min(b) or max(b) < min(a))


def test_sigkill_mid_stream_keeps_every_committed_record(data_dir: Path) -> None:
    from desktop.services import system

    ctx = system.open_context(data_dir)
    system.prepare(ctx)
    ctx.db.dispose()
    db_file = data_dir / "sekretariat.db"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.support.workers", f"sqlite:///{db_file}"],
        stdout=subprocess.PIPE,
        env=env,
        text=True,
    )
    committed: list[int] = []
    assert proc.stdout is not None
    try:
        while len(committed) < 300:
            line = proc.stdout.readline()
            assert line, "writer died early"
            committed.append(int(line))
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    committed += [int(x) for x in proc.stdout.read().split()]  # lines flushed just before the kill

    con = sqlite3.connect(db_file)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        keys = {row[0] for row in con.execute("SELECT key FROM app_setting WHERE key LIKE 'rec-%'")}
    finally:
        con.close()
    assert {f"rec-{n}" for n in committed} <= keys
    # And the counter never went backwards: the next number is past every committed one.
    ctx = system.open_context(data_dir)
    with ctx.db.transaction() as s:
        assert next_number(s, "stress", 2026) > max(committed)
        assert s.execute(text("SELECT count(*) FROM app_setting WHERE key LIKE 'rec-%'")).scalar_one() >= 300
    ctx.db.dispose()
