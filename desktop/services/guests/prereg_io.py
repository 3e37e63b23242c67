"""Pre-registrations imported from an online e-tamu form's export (CSV/xlsx), each row a registration code (R18)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.admin import OrgUnit
from desktop.models.guests import Keperluan, Visit
from desktop.models.staff import Pegawai
from desktop.services import tabular
from desktop.services.common import audit, import_log
from desktop.services.common.permissions import Actor, Perm
from desktop.services.guests import prereg
from desktop.services.guests.visits import WalkIn, office_today
from desktop.services.tabular import RowError, Table, date_problem, fold, parse_when

__all__ = [
    "IMPORT_COLUMNS",
    "KIND",
    "LABELS",
    "REQUIRED",
    "PlannedPrereg",
    "PreregPlan",
    "PreregResult",
    "import_preregs",
    "read_table",
    "resolve_mapping",
    "validate_preregs",
]

KIND: Final = "pra_registrasi"
"""The ``import_log`` kind and the audit entity of the import."""

IMPORT_COLUMNS: Final[tuple[str, ...]] = (
    "nama",
    "instansi",
    "no_hp",
    "keperluan",
    "tujuan",
    "tanggal",
    "kode",
)
REQUIRED: Final[tuple[str, ...]] = ("nama", "keperluan", "tujuan", "tanggal")
LABELS: Final[dict[str, str]] = {
    "nama": "nama",
    "instansi": "instansi",
    "no_hp": "no. HP",
    "keperluan": "keperluan",
    "tujuan": "tujuan",
    "tanggal": "tanggal kunjungan",
    "kode": "kode registrasi",
}
# The widths of the visit's columns: a longer cell is refused rather than cut.
_LIMITS: Final[dict[str, int]] = {"nama": 200, "instansi": 200, "no_hp": 30, "keperluan": 120, "tujuan": 300}
CODE_FORM: Final = re.compile(r"[A-Z0-9]{6,12}")
"""A code kept from the file: 6–12 letters or digits once ``prereg.normalize_code`` took spaces and dashes out."""

HEADERS: Final = tabular.load_header_table(tabular.header_file("pra_registrasi.csv"))
"""The headers e-tamu form exports carry (``desktop/resources/headers/pra_registrasi.csv``)."""
_INDEX: Final = HEADERS.index(IMPORT_COLUMNS)


def read_table(path: Path | str) -> Table:
    """The first sheet of an e-tamu export; the header is the first of the first 20 rows in which at least
    three cells name a column, among them the name. Without one, the first row (the user maps it by hand)."""
    return tabular.read_table(path, _INDEX, required=("nama",))


def resolve_mapping(
    headers: Sequence[str], mapping: Mapping[str, str | None] | None = None
) -> dict[str, str | None]:
    """``mapping`` (header → column or None, for the headers the user set) over the suggestion for the rest."""
    return tabular.resolve_headers(headers, mapping, _INDEX, IMPORT_COLUMNS)


@dataclass(frozen=True)
class PlannedPrereg:
    """One valid row: whom to expect, when, and for whom; ``kode`` "" = a new code is drawn."""

    line: int
    tanggal: date
    nama: str
    keperluan: str
    tujuan: str  # the host's label as matched
    tujuan_unit_id: int | None
    tujuan_pegawai_id: int | None
    instansi: str = ""
    no_hp: str = ""
    kode: str = ""


@dataclass(frozen=True)
class PreregPlan(tabular.SheetPlan[PlannedPrereg]):
    """What the import would do; ``errors`` block unless the user chooses the valid rows only."""


@dataclass(frozen=True)
class PreregResult:
    imported: int
    skipped: int
    codes_kept: int = 0  # the file's own codes
    codes_new: int = 0  # drawn for rows without one
    codes: tuple[tuple[int, str], ...] = ()  # (line, code) of every registration made, in file order


class _Hosts:
    """A written tujuan → (unit id, pegawai id, label): a unit by its name or singkatan, a pegawai by name with
    or without gelar, a picker label as the desk shows it; case and punctuation do not matter. A text that
    names two different hosts matches none (the row says so)."""

    def __init__(self, session: Session) -> None:
        self.found: dict[str, tuple[int | None, int | None, str] | None] = {}
        units = session.execute(
            select(OrgUnit.id, OrgUnit.nama, OrgUnit.singkatan).where(OrgUnit.aktif.is_(True))
        ).all()
        unit_names = {uid: nama for uid, nama, _s in units}
        for uid, nama, singkatan in units:
            for text in (nama, singkatan):
                self._add(text, (uid, None, nama))
        for pid, nama, depan, belakang, unit_id in session.execute(
            select(
                Pegawai.id, Pegawai.nama, Pegawai.gelar_depan, Pegawai.gelar_belakang, Pegawai.unit_id
            ).where(Pegawai.aktif.is_(True))
        ):
            person = " ".join(x for x in (depan, nama) if x)
            person = f"{person}, {belakang}" if belakang else person
            unit = unit_names.get(unit_id) if unit_id is not None else None
            label = f"{person} — {unit}" if unit else person
            for text in (nama, person, label):
                self._add(text, (unit_id if unit else None, pid, label))

    def _add(self, text: str, host: tuple[int | None, int | None, str]) -> None:
        key = fold(text)
        if not key:
            return
        if key in self.found and self.found[key] != host:
            self.found[key] = None  # two hosts answer to this text
        else:
            self.found.setdefault(key, host)

    def match(self, text: str) -> tuple[int | None, int | None, str] | str:
        """The host, or the reason none is taken."""
        key = fold(text)
        if key not in self.found:
            return f"tujuan \u201c{text}\u201d tidak cocok dengan unit kerja atau pegawai mana pun"
        host = self.found[key]
        if host is None:
            return f"tujuan \u201c{text}\u201d cocok dengan lebih dari satu unit kerja atau pegawai; tulis lebih lengkap"
        return host


def _codes_in_use(session: Session, codes: Iterable[str]) -> set[str]:
    wanted = sorted(set(codes))
    used: set[str] = set()
    for start in range(0, len(wanted), 500):  # a bounded IN list on both engines
        chunk = wanted[start : start + 500]
        used.update(
            c
            for c in session.scalars(select(Visit.kode_registrasi).where(Visit.kode_registrasi.in_(chunk)))
            if c
        )
    return used


def validate_preregs(
    session: Session,
    actor: Actor,
    table: Table,
    mapping: Mapping[str, str | None] | None = None,
    *,
    ignore: Iterable[str] = (),
    today: date | None = None,
) -> PreregPlan:
    """Check every row of ``table`` as a pre-registration; nothing is written. One ``RowError`` per bad row
    with all its problems: a required cell blank, a date that is past or more than a year ahead, a tujuan no
    unit or pegawai answers to, a code malformed, already given out or written twice in the file."""
    actor.require(Perm.WRITE_GUESTS)
    resolved = resolve_mapping(table.headers, mapping)
    unmapped, notes = tabular.column_report(table, resolved, HEADERS.known_unused, ignore, note_ignored=False)
    by_column = tabular.columns_read(resolved)
    refused = tabular.missing_columns(table, by_column, REQUIRED, LABELS, tabular.MAP_HINT)
    if refused:
        return PreregPlan.for_table(table, [], refused, notes, mapping=resolved, unmapped=unmapped)
    today = today or office_today(session)
    hosts = _Hosts(session)
    master = {fold(k): k for k in session.scalars(select(Keperluan.nama))}
    rows = list(tabular.row_cells(table, by_column))
    written_codes = [prereg.normalize_code(cells.get("kode")) for _line, cells in rows if cells.get("kode")]
    twice = {c for c, n in Counter(written_codes).items() if n > 1}
    in_use = _codes_in_use(session, (c for c in written_codes if CODE_FORM.fullmatch(c)))
    valid: list[PlannedPrereg] = []
    errors: list[RowError] = []
    for line, cells in rows:
        problems = tabular.blank_or_long(cells, REQUIRED, _LIMITS, LABELS)
        day: date | None = None
        if cells.get("tanggal"):
            try:
                day = parse_when(cells.get("tanggal"))[0]
            except ValueError as exc:
                problems.append(date_problem("tanggal kunjungan", cells.get("tanggal"), exc))
            else:
                if day < today:
                    problems.append(f"tanggal kunjungan {day:%d/%m/%Y} sudah lewat")
                elif (day - today).days > prereg.MAX_DAYS_AHEAD:
                    problems.append(f"tanggal kunjungan {day:%d/%m/%Y} lebih dari satu tahun ke depan")
        host = hosts.match(cells.get("tujuan")) if cells.get("tujuan") else None
        if isinstance(host, str):
            problems.append(host)
        code = prereg.normalize_code(cells.get("kode"))
        if cells.get("kode"):
            if not CODE_FORM.fullmatch(code):
                problems.append(f"kode \u201c{cells.get('kode')}\u201d harus 6 sampai 12 huruf atau angka")
            elif code in in_use:
                problems.append(f"kode {code} sudah dipakai pendaftaran lain")
            elif code in twice:
                problems.append(f"kode {code} tertulis lebih dari sekali di berkas")
        if problems or day is None or not isinstance(host, tuple):
            errors.append(RowError(line, "; ".join(problems)))
            continue
        unit_id, pegawai_id, label = host
        valid.append(
            PlannedPrereg(
                line=line,
                tanggal=day,
                nama=cells.get("nama"),
                # An entry of the master list written in another case is that entry; other text is kept.
                keperluan=master.get(fold(cells.get("keperluan")), cells.get("keperluan")),
                tujuan=label,
                tujuan_unit_id=unit_id,
                tujuan_pegawai_id=pegawai_id,
                instansi=cells.get("instansi"),
                no_hp=cells.get("no_hp"),
                kode=code,
            )
        )
    return PreregPlan.for_table(table, valid, errors, notes, mapping=resolved, unmapped=unmapped)


def import_preregs(
    session: Session, actor: Actor, plan: PreregPlan, *, skip_invalid: bool = False, again: bool = False
) -> PreregResult:
    """Write the plan's rows as pre-registrations in the caller's transaction (all or nothing) and audit the
    import once, with counts only (the audit log is never rewritten, retention clears the names). Refused while
    the plan has errors (unless ``skip_invalid``) and for a file imported before (unless ``again``)."""
    actor.require(Perm.WRITE_GUESTS)
    skipped = plan.rows_skipped(skip_invalid)
    if not plan.valid:
        return PreregResult(0, skipped)
    if plan.sha256:
        import_log.claim(session, actor, KIND, plan.sha256, plan.source, len(plan.valid), again=again)
    codes: list[tuple[int, str]] = []
    for row in plan.valid:
        data = WalkIn(
            nama=row.nama,
            keperluan=row.keperluan,
            tujuan_unit_id=row.tujuan_unit_id,
            tujuan_pegawai_id=row.tujuan_pegawai_id,
            instansi=row.instansi,
            no_hp=row.no_hp,
        )
        view = prereg.preregister(session, actor, data, row.tanggal, kode=row.kode, audit_each=False)
        codes.append((row.line, view.kode_registrasi or ""))
    kept = sum(1 for r in plan.valid if r.kode)
    summary = f"{len(plan.valid)} pra-registrasi diimpor dari {plan.source or 'berkas'}"
    if skipped:
        summary += f", {skipped} baris tidak valid dilewati"
    days = sorted({r.tanggal for r in plan.valid})
    audit.record(
        session, actor, "impor", KIND, plan.source, summary=summary,
        after={
            "jumlah": len(plan.valid), "dilewati": skipped, "kode_berkas": kept,
            "kode_baru": len(plan.valid) - kept, "dari": days[0].isoformat(), "sampai": days[-1].isoformat(),
        },
    )  # fmt: skip
    return PreregResult(len(plan.valid), skipped, kept, len(plan.valid) - kept, tuple(codes))
