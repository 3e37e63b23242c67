"""The phone survey page under 50 phones at once: the real waitress server on 127.0.0.1, each phone opening its
form (GET) and sending its answers (POST) from a loopback address of its own, several rounds.

    python -m bench.guests_survey_load [--phones 50] [--rounds 6] [--spread 0] [--db-url postgresql+psycopg://…]

Goal (issue 14): p95 ≤ 100 ms per request. Prints p50/p95/max of the page, the answer and both, how many write
transactions stored the answers (group commit: several answers per commit), and checks that every answer was
stored exactly once (none lost, none counted twice).
"""

from __future__ import annotations

import argparse
import http.client
import multiprocessing
import secrets
import statistics
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path
from urllib.parse import urlencode

from sqlalchemy import Connection, event, func, insert, select

from desktop.core.guests.ikm import UNSUR
from desktop.models.guests import SurveyResponse, Visit
from desktop.services import system
from desktop.services.guests.survey_server import SurveyServer
from desktop.storage.database import READ_ONLY, Database


def make_tokens(ctx: system.AppContext, count: int) -> list[str]:
    """``count`` checked-in visits with a survey token each, written in bulk (the check-in is not measured)."""
    tokens = [secrets.token_urlsafe(18) for _ in range(count)]
    rows = [
        {
            "tanggal": date(2026, 3, 2),
            "status": "menunggu",
            "nama": f"Tamu {i}",
            "keperluan": "Koordinasi/rapat",
            "tujuan": "Sekretariat",
            "survei_token": token,
        }
        for i, token in enumerate(tokens)
    ]
    with ctx.db.transaction() as s:
        s.execute(insert(Visit), rows)
    return tokens


class CommitCounter:
    """Counts the commits of write transactions on ``db`` (the pages' read-only transactions are not counted)."""

    def __init__(self, db: Database) -> None:
        self.count = 0
        event.listen(db.engine, "commit", self._seen)

    def _seen(self, conn: Connection) -> None:
        if not conn.get_execution_options().get(READ_ONLY):
            self.count += 1


def phone_address(n: int) -> str:
    return f"127.0.{1 + n // 250}.{1 + n % 250}"


def timed(port: int, method: str, path: str, source: str, body: bytes | None = None) -> tuple[float, int]:
    t = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60, source_address=(source, 0))
    try:
        headers = {"Content-Type": "application/x-www-form-urlencoded"} if body is not None else {}
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        response.read()
        status = response.status
    finally:
        conn.close()
    return (time.perf_counter() - t) * 1000, status


def one_round(
    port: int, tokens: list[str], spread: float = 0.0
) -> tuple[list[float], list[float], list[int]]:
    """Every phone at once: the page, then the answers. Returns GET and POST milliseconds and POST statuses."""
    count = len(tokens)
    gets: list[float] = [0.0] * count
    posts: list[float] = [0.0] * count
    statuses: list[int] = [0] * count
    gate = threading.Barrier(count)

    def phone(i: int) -> None:
        source = phone_address(i)
        path = f"/s/{tokens[i]}"
        body = urlencode({f"u{k}": str(1 + (i + k) % 4) for k in range(1, len(UNSUR) + 1)}).encode()
        gate.wait(timeout=60)
        if spread:
            time.sleep(spread * i / count)  # phone i arrives a little after phone i - 1
        gets[i], page = timed(port, "GET", path, source)
        posts[i], statuses[i] = timed(port, "POST", path, source, body)
        if page != 200:
            statuses[i] = -page

    threads = [threading.Thread(target=phone, args=(i,), daemon=True) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    if any(t.is_alive() for t in threads):
        raise SystemExit("a phone never got its answer (server stuck?)")
    return gets, posts, statuses


def run_rounds(
    port: int, rounds: list[list[str]], spread: float = 0.0
) -> list[tuple[list[float], list[float], list[int], float]]:
    """All rounds, one after the other, in the phones' process: (GET ms, POST ms, POST statuses, wall s)."""
    found = []
    for tokens in rounds:
        t = time.perf_counter()
        gets, posts, statuses = one_round(port, tokens, spread)
        found.append((gets, posts, statuses, time.perf_counter() - t))
    return found


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def describe(name: str, values: list[float]) -> str:
    return (
        f"{name:7} n={len(values):4}  p50 {statistics.median(values):6.1f} ms  p95 {percentile(values, 0.95):6.1f} ms"
        f"  max {max(values):6.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--phones", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument(
        "--spread",
        type=float,
        default=0.0,
        help="seconds over which the phones of a round arrive (0: all at once)",
    )
    parser.add_argument(
        "--db-url", default=None, help="an empty PostgreSQL database instead of a temp SQLite file"
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="sekretariat-bench-survei-") as tmp:
        ctx = system.open_context(Path(tmp) / "data", db_url=args.db_url)
        system.prepare(ctx)
        server = SurveyServer(ctx.db, "127.0.0.1", 0).start()
        arrival = f"arriving over {args.spread:g} s" if args.spread else "all at the same instant"
        print(f"{ctx.db.description}; server on port {server.port}, {server.threads} threads; {arrival}")
        gets: list[float] = []
        posts: list[float] = []
        warm_up = make_tokens(ctx, args.phones)
        rounds = [make_tokens(ctx, args.phones) for _ in range(args.rounds)]
        sent = args.phones * args.rounds
        with ctx.db.read() as s:
            before = int(s.scalar(select(func.count()).select_from(SurveyResponse)) or 0)
        commits = CommitCounter(ctx.db)
        # The phones run in a process of their own, as they are devices of their own: sharing the server's
        # interpreter lock would charge their work to the server.
        try:
            with ProcessPoolExecutor(
                max_workers=1, mp_context=multiprocessing.get_context("spawn")
            ) as phones:
                results = phones.submit(run_rounds, server.port, [warm_up, *rounds], args.spread).result(
                    timeout=900
                )
        finally:
            server.stop()
        for number, (g, p, statuses, wall) in enumerate(results[1:], start=1):
            bad = [s for s in statuses if s != 200]
            if bad:
                raise SystemExit(f"round {number}: {len(bad)} phones refused: {sorted(set(bad))}")
            gets += g
            posts += p
            print(f"round {number}: {args.phones} phones in {wall * 1000:.0f} ms")
        before += args.phones  # the warm-up round's answers are not counted below
        with ctx.db.read() as s:
            stored = int(s.scalar(select(func.count()).select_from(SurveyResponse)) or 0) - before
            unused = s.scalar(
                select(func.count()).select_from(Visit).where(Visit.survei_dipakai_at.is_(None))
            )
        ctx.db.dispose()
    print(describe("page", gets))
    print(describe("answer", posts))
    print(describe("both", gets + posts))
    print(f"{stored + args.phones} answers (warm-up round included) in {commits.count} write transactions")
    verdict = "ok" if stored == sent and not unused else "MISMATCH"
    print(f"answers sent {sent}, stored {stored}, tokens left unused {unused}: {verdict}")
    print(f"goal p95 ≤ 100 ms: {'met' if percentile(gets + posts, 0.95) <= 100 else 'NOT met'}")


if __name__ == "__main__":
    main()
