"""The kode barang list (R1-R3): seeding, the picker's search and tree, and the codes items are given."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any, Final

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from desktop.core.assets.kode import (
    SEGMENT_NAMES,
    SEGMENT_WIDTHS,
    KodeError,
    golongan_of,
    normalise_kode,
    parse_kode,
)
from desktop.models.assets import KodeBarang
from desktop.services.common import audit
from desktop.services.common.errors import ValidationError
from desktop.services.common.permissions import Actor, Perm
from desktop.services.common.sql import insert_ignoring_conflicts
from desktop.services.tabular import fold

__all__ = [
    "MAX_URAIAN",
    "PATH_SEPARATOR",
    "SEED_FILE",
    "KodeInfo",
    "children",
    "code_prefix",
    "ensure_kode",
    "get_kode",
    "key_of",
    "load_seed_rows",
    "search_kode",
    "seed_reference",
]

SEED_FILE: Final = "kode_barang_108.csv"
"""The shipped list in ``desktop/resources/seed/`` (provenance in its README)."""
MAX_URAIAN: Final = 300  # KodeBarang.uraian
PATH_SEPARATOR: Final = " \u203a "
SUMBER_SEED: Final = "seed"
SUMBER_PENGGUNA: Final = "pengguna"
# The path starts at the jenis: "Aset › Aset Tetap" above it is the same for every barang and says nothing.
_PATH_FROM_LEVEL: Final = 3
_CODE_LIKE: Final = re.compile(r"[\d.\s]+")


@dataclass(frozen=True)
class KodeInfo:
    """One code of the list as the picker and the forms show it; ``path`` names its ancestors from the jenis
    down ("PERALATAN DAN MESIN › KOMPUTER › KOMPUTER UNIT › PERSONAL KOMPUTER" for a laptop)."""

    kode: str
    uraian: str
    level: int
    golongan: str
    sumber: str
    path: str = ""
    aktif: bool = True

    @property
    def label(self) -> str:
        return f"{self.kode} {self.uraian}"


def key_of(uraian: str) -> str:
    """``uraian_kunci``: the words case-folded, punctuation as spaces ("Besi/Metal" → "besi metal")."""
    return fold(uraian)[:MAX_URAIAN]


# --- seeding ------------------------------------------------------------------------------------------------


def _seed_source() -> Traversable:
    return files("desktop") / "resources" / "seed" / SEED_FILE


def load_seed_rows(source: Traversable | None = None) -> list[dict[str, Any]]:
    """The shipped list as rows of ``kode_barang``, checked: every code well-formed and once, its level and
    golongan as the code says. Raises ValueError naming the line of a bad row (a broken shipped file)."""
    text = (source or _seed_source()).read_text(encoding="utf-8-sig")
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for line, record in enumerate(csv.DictReader(io.StringIO(text, newline="")), start=2):
        try:
            kode = parse_kode(record["kode"])
        except KodeError as exc:
            raise ValueError(f"{SEED_FILE} baris {line}: {exc}") from exc
        uraian = " ".join((record["uraian"] or "").split())
        if kode.text in seen or not uraian or int(record["level"]) != kode.level:
            raise ValueError(f"{SEED_FILE} baris {line}: kode ganda, uraian kosong atau level salah")
        if (record["golongan_kib"] or "") != kode.golongan:
            raise ValueError(f"{SEED_FILE} baris {line}: golongan {record['golongan_kib']!r} salah")
        seen.add(kode.text)
        rows.append(
            {
                "kode": kode.text,
                "uraian": uraian[:MAX_URAIAN],
                "uraian_kunci": key_of(uraian),
                "level": kode.level,
                "golongan": kode.golongan,
                "sumber": SUMBER_SEED,
                "aktif": True,
            }
        )
    return rows


def seed_reference(session: Session) -> int:
    """Fill ``kode_barang`` from the shipped list when the table is empty; returns the rows offered.

    One multi-row insert per 500 codes, conflicts ignored: two workstations starting together on a new shared
    database both succeed, and a list the BPKAD import or the users have filled is left alone."""
    if session.scalar(select(func.count()).select_from(KodeBarang)):
        return 0
    rows = load_seed_rows()
    insert_ignoring_conflicts(session, KodeBarang, rows, ["kode"])
    return len(rows)


# --- reading ------------------------------------------------------------------------------------------------


def _paths(session: Session, codes: Iterable[str]) -> dict[str, str]:
    """Each code's path, from one query for all their ancestors."""
    chains = {c: [p for p in parse_kode(c).parents if p.count(".") + 1 >= _PATH_FROM_LEVEL] for c in codes}
    wanted = sorted({p for chain in chains.values() for p in chain})
    names: dict[str, str] = {}
    for start in range(0, len(wanted), 500):  # a bounded IN list on both engines
        chunk = wanted[start : start + 500]
        query = select(KodeBarang.kode, KodeBarang.uraian).where(KodeBarang.kode.in_(chunk))
        names.update({kode: uraian for kode, uraian in session.execute(query)})
    return {c: PATH_SEPARATOR.join(names.get(p, p) for p in chain) for c, chain in chains.items()}


def _infos(session: Session, rows: Sequence[KodeBarang]) -> list[KodeInfo]:
    paths = _paths(session, (r.kode for r in rows))
    return [
        KodeInfo(r.kode, r.uraian, r.level, r.golongan, r.sumber, paths.get(r.kode, ""), r.aktif)
        for r in rows
    ]


def get_kode(session: Session, kode: str) -> KodeInfo | None:
    """The code as the list has it (SIMDA's 3-digit form accepted), or None when it is not there or malformed."""
    try:
        text = normalise_kode(kode)
    except KodeError:
        return None
    row = session.scalar(select(KodeBarang).where(KodeBarang.kode == text))
    return _infos(session, [row])[0] if row is not None else None


def children(session: Session, kode: str | None = None) -> list[KodeInfo]:
    """The codes one level under ``kode`` (the akun for None or ""), by code: the tree picker opens a node."""
    if not kode:
        stmt = select(KodeBarang).where(KodeBarang.level == 1)
    else:
        try:
            parent = parse_kode(normalise_kode(kode))
        except KodeError:
            return []
        stmt = select(KodeBarang).where(
            KodeBarang.kode.like(parent.text + ".%"), KodeBarang.level == parent.level + 1
        )
    return _infos(session, list(session.scalars(stmt.order_by(KodeBarang.kode))))


def code_prefix(text: str) -> str | None:
    """The code prefix a typed text means, or None when it is no code: "1.3.2.10" as typed, SIMDA's
    "1.3.2.05.001" as "1.3.2.05.01", and digits without dots cut by the segment widths ("13210" → "1.3.2.10").
    The last segment may be unfinished ("1.3.2.1" finds 1.3.2.10 … 1.3.2.19)."""
    compact = "".join(text.split()).strip(".")
    if not compact or not _CODE_LIKE.fullmatch(compact):
        return None
    if "." not in compact:
        segments: list[str] = []
        rest = compact
        for width in SEGMENT_WIDTHS:
            if not rest:
                break
            segments.append(rest[:width])
            rest = rest[width:]
        if rest:
            return None
    else:
        segments = compact.split(".")
        if len(segments) > len(SEGMENT_WIDTHS) or not all(segments):
            return None
    for index, segment in enumerate(segments):
        width = SEGMENT_WIDTHS[index]
        last = index == len(segments) - 1
        if width == 2 and len(segment) == 3 and segment.startswith("0"):
            segment = segment[1:]  # SIMDA prints rincian and sub rincian with 3 digits
        if len(segment) > width or (len(segment) < width and not last):
            return None
        segments[index] = segment
    return ".".join(segments)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def search_kode(
    session: Session, actor: Actor, text: str, *, level7_only: bool = True, limit: int = 50
) -> list[KodeInfo]:
    """Active codes for the picker: those under a typed code prefix, or whose uraian holds every typed word
    (case and punctuation ignored: "kursi kayu", "besi/metal"). Level-7 codes first, each group by code."""
    actor.require(Perm.VIEW)
    stmt = select(KodeBarang).where(KodeBarang.aktif.is_(True))
    prefix = code_prefix(text)
    if prefix is not None:
        stmt = stmt.where(KodeBarang.kode.like(_escape_like(prefix) + "%", escape="\\"))
    else:
        words = fold(text).split()
        if not words:
            return []
        for word in words:
            stmt = stmt.where(KodeBarang.uraian_kunci.like(f"%{_escape_like(word)}%", escape="\\"))
    if level7_only:
        stmt = stmt.where(KodeBarang.level == len(SEGMENT_WIDTHS))
    stmt = stmt.order_by(case((KodeBarang.level == len(SEGMENT_WIDTHS), 0), else_=1), KodeBarang.kode)
    return _infos(session, list(session.scalars(stmt.limit(max(1, limit)))))


# --- the code of an item ------------------------------------------------------------------------------------


def _checked_kode(kode: str) -> str:
    try:
        parsed = parse_kode(normalise_kode(kode))
    except KodeError as exc:
        raise ValidationError(
            f"{exc}. Kode barang ditulis 7 segmen dengan titik, mis. 1.3.2.10.01.02.002.", "kode_barang"
        ) from exc
    if not parsed.is_assignable:
        name = SEGMENT_NAMES[parsed.level - 1]
        raise ValidationError(
            f"Kode {parsed.text} baru sampai tingkat {name}; barang hanya boleh diberi kode 7 segmen "
            "(sampai sub-sub rincian objek), mis. 1.3.2.10.01.02.002.",
            "kode_barang",
        )
    return parsed.text


def ensure_kode(session: Session, actor: Actor, kode: str, nama: str) -> tuple[KodeInfo, str | None]:
    """The level-7 code an item is given (R3), with a warning for the form or None.

    A code in the list is returned as it is. A well-formed level-7 code the list lacks is kept as a user code
    (sumber "pengguna", named from the item, golongan from the code) and audited, never dropped: the BPKAD's
    next list may have it. A malformed code, or one of a higher level, raises ValidationError."""
    actor.require(Perm.VIEW)
    text = _checked_kode(kode)
    found = get_kode(session, text)
    if found is not None:
        if not found.aktif:
            return found, f"Kode {text} ({found.uraian}) sudah tidak aktif di daftar kode barang."
        return found, None
    actor.require(Perm.WRITE_ASSETS)
    uraian = " ".join(nama.split())[:MAX_URAIAN]
    if not uraian:
        raise ValidationError(
            f"Kode {text} tidak ada di daftar kode barang; isi nama barang untuk menyimpannya.", "nama"
        )
    row = {
        "kode": text,
        "uraian": uraian,
        "uraian_kunci": key_of(uraian),
        "level": len(SEGMENT_WIDTHS),
        "golongan": golongan_of(text),
        "sumber": SUMBER_PENGGUNA,
        "aktif": True,
    }
    # Another workstation may add the same code at the same moment; whichever comes second reads the first's.
    insert_ignoring_conflicts(session, KodeBarang, [row], ["kode"])
    info = get_kode(session, text)
    assert info is not None
    audit.record(
        session, actor, "tambah", "kode_barang", text,
        summary=f"Kode pengguna {text} {info.uraian}", after={"uraian": info.uraian, "golongan": info.golongan},
    )  # fmt: skip
    parents = parse_kode(text).parents
    have = set(session.scalars(select(KodeBarang.kode).where(KodeBarang.kode.in_(parents))))
    missing = [p for p in parents if p not in have]
    warning = (
        f"Kode {text} tidak ada di daftar kode barang; disimpan sebagai kode pengguna \u201c{info.uraian}\u201d. "
        "Cocokkan dengan daftar kode barang BPKAD."
    )
    if missing:
        warning += f" Induknya {missing[-1]} juga belum ada di daftar."
    return info, warning
