"""Data generator: a data dir that looks like years of use. Grows with the modules."""

from __future__ import annotations

import argparse
import random
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from desktop.demo import sample_office
from desktop.models.admin import AuditEntry
from desktop.services import system


def generate(data_dir: Path, *, audit_rows: int = 100_000, seed: int = 7) -> system.AppContext:
    """Demo data plus ``audit_rows`` audit entries spread over five years."""
    ctx = system.open_context(data_dir)
    system.prepare(ctx)
    sample_office.fill(ctx)
    rng = random.Random(seed)
    start = datetime(2022, 1, 3, tzinfo=UTC)
    users = ["surat", "tamu", "barang", "pegawai", "admin"]
    batch = []
    with ctx.db.transaction() as s:
        for i in range(audit_rows):
            batch.append(
                {
                    "at": start + timedelta(minutes=i * 26),
                    "user_id": None,
                    "username": rng.choice(users),
                    "action": rng.choice(["buat", "ubah", "cetak", "masuk"]),
                    "entity": rng.choice(["surat_masuk", "tamu", "barang", "pegawai"]),
                    "entity_id": str(rng.randint(1, 50_000)),
                    "summary": f"Contoh kegiatan nomor {i}",
                    "before_json": None,
                    "after_json": '{"contoh": true}',
                }
            )
            if len(batch) == 5000:
                s.execute(insert(AuditEntry), batch)
                batch.clear()
        if batch:
            s.execute(insert(AuditEntry), batch)
    return ctx


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--audit-rows", type=int, default=100_000)
    args = parser.parse_args()
    t = time.perf_counter()
    generate(args.data_dir, audit_rows=args.audit_rows)
    print(f"generated {args.data_dir} in {time.perf_counter() - t:.1f} s")


if __name__ == "__main__":
    main()
