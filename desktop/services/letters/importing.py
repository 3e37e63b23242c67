"""What the agenda masuk and agenda keluar imports and exports share: cells checked, codes, counters, sheets."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Final

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from desktop.core.letters.rules import Keamanan, Skema, Urgensi
from desktop.models.admin import Counter
from desktop.models.letters import ClassificationCode
from desktop.services import tabular
from desktop.services.common import audit, import_log
from desktop.services.common.permissions import Actor, Perm
from desktop.services.common.sql import insert_ignoring_conflicts
from desktop.services.tabular import AuditIn

# What every import checks was first written here; it lives in ``tabular`` now and keeps its names here for
# the agenda masuk and keluar importers.
from desktop.services.tabular import Cells as Cells
from desktop.services.tabular import blank_or_long as blank_or_long
from desktop.services.tabular import column_report as column_report
from desktop.services.tabular import missing_columns as missing_columns
from desktop.services.tabular import parse_date_cell as parse_date_cell
from desktop.services.tabular import row_cells as row_cells

LetterPlan = tabular.SheetPlan
"""What an import into an agenda would do (``tabular.SheetPlan``)."""

EXAMPLE_ROW = "baris contoh dari templat; hapus baris ini sebelum impor"
"""The reason given for the template's example row left in a file."""

HEADER_TABLES: Final = ("surat_masuk.csv", "surat_keluar.csv")
"""The header tables of the agenda masuk and keluar in ``desktop/resources/headers`` (one row per header seen
in a real file, with the layout it comes from)."""


def header_table(name: str) -> tabular.HeaderTable:
    """One of ``HEADER_TABLES`` as read (``tabular.load_header_table``)."""
    return tabular.load_header_table(tabular.header_file(name))


NOTE_LABELS: Final[dict[str, str]] = {
    "diteruskan_kepada": "Diteruskan kepada",
    "pengolah": "Pengolah",
}
"""Import columns the agenda masuk has no field of its own for, kept as a labelled line of keterangan (the
lembar disposisi is a record of its own, not a cell of an old book)."""


def with_notes(keterangan: str, cells: Cells, columns: Iterable[str]) -> str:
    """``keterangan`` with a line "Label: text" for each non-blank cell of ``columns`` (``NOTE_LABELS``)."""
    lines = [keterangan] if keterangan else []
    lines += [f"{NOTE_LABELS[c]}: {cells.get(c)}" for c in columns if cells.get(c)]
    return "\n".join(lines)


GUIDE_KODE_KEAMANAN: Final[tuple[tuple[str, str, str], ...]] = (
    ("kode_klasifikasi", "tidak", "Kode klasifikasi arsip (Permendagri 83/2022 atau 78/2012), mis. 000.1.5."),
    ("keamanan", "tidak", "B (Biasa), T (Terbatas), R (Rahasia) atau SR (Sangat Rahasia). Kosong = Biasa."),
)
"""The template guide's rows for the kode klasifikasi and keamanan columns (column, required, explanation)."""

# --- the rows of a file -------------------------------------------------------------------------------------


def parse_sifat(keamanan: str, urgensi: str, problems: list[str]) -> tuple[Keamanan, Urgensi]:
    """The keamanan and urgensi cells (blank: Biasa); a word not known adds its reason to ``problems``."""
    found_keamanan, found_urgensi = Keamanan.B, Urgensi.BIASA
    if keamanan:
        try:
            found_keamanan = Keamanan.parse(keamanan)
        except ValueError:
            problems.append(
                f"keamanan \u201c{keamanan}\u201d tidak dikenal (pilih Biasa, Terbatas, Rahasia atau Sangat Rahasia)"
            )
    if urgensi:
        try:
            found_urgensi = Urgensi.parse(urgensi)
        except ValueError:
            problems.append(
                f"urgensi \u201c{urgensi}\u201d tidak dikenal (pilih Biasa, Segera atau Amat Segera)"
            )
    return found_keamanan, found_urgensi


def code_and_scheme(text: str, codes: Mapping[str, set[str]]) -> tuple[str, str]:
    """The kode klasifikasi of a cell (spaces dropped) and its scheme: Permendagri 83/2022, unless only the
    78/2012 list knows the kode (``codes`` as ``known_codes`` gives them)."""
    kode = "".join(text.split())
    skema = Skema.PERMENDAGRI_83_2022.value
    if kode and kode not in codes[skema] and kode in codes[Skema.PERMENDAGRI_78_2012.value]:
        skema = Skema.PERMENDAGRI_78_2012.value
    return kode, skema


def unknown_code_note(kode: str, skema: str, codes: Mapping[str, set[str]]) -> str | None:
    """The warning for a kode missing from its scheme's list (it is still used), or None."""
    if kode and kode not in codes.get(skema, set()):
        return f"kode {kode} tidak ada di daftar klasifikasi; tetap dipakai"
    return None


# --- the plan and the import ---------------------------------------------------------------------------------


def start_import(
    session: Session,
    actor: Actor,
    plan: LetterPlan[Any],
    sheet: AgendaSheet,
    *,
    skip_invalid: bool,
    again: bool,
) -> int:
    """The checks before an import writes, in order: the permission, the plan's errors (``rows_skipped``), a
    file imported before (``import_log.claim``, unless ``again``). Returns the number of rows left out."""
    actor.require(Perm.WRITE_LETTERS)
    skipped = plan.rows_skipped(skip_invalid)
    if plan.valid and plan.sha256:
        import_log.claim(session, actor, sheet.entity, plan.sha256, plan.source, len(plan.valid), again=again)
    return skipped


def import_summary(noun: str, count: int, source: str, skipped: int) -> str:
    """The audit summary of an import of ``count`` letters (``noun``: "surat masuk")."""
    summary = f"{count} {noun} diimpor dari {source or 'berkas'}"
    return summary + (f", {skipped} baris tidak valid dilewati" if skipped else "")


def audit_import(
    session: Session,
    actor: Actor,
    sheet: AgendaSheet,
    plan: LetterPlan[Any],
    skipped: int,
    details: Mapping[str, Any],
) -> None:
    """The one audit row of an import of ``plan``'s valid rows; ``details`` go between the counts and the
    years."""
    count = len(plan.valid)
    audit.record(
        session,
        actor,
        "impor",
        sheet.entity,
        plan.source,
        summary=import_summary(sheet.noun, count, plan.source, skipped),
        after={
            "jumlah": count,
            "dilewati": skipped,
            **details,
            "tahun": sorted({row.tahun for row in plan.valid}),
            "berkas": plan.source,
        },
    )


def known_codes(session: Session) -> dict[str, set[str]]:
    """The active kode klasifikasi per scheme (every scheme present, perhaps empty)."""
    codes: dict[str, set[str]] = {s.value: set() for s in Skema}
    for skema, kode in session.execute(
        select(ClassificationCode.skema, ClassificationCode.kode).where(ClassificationCode.aktif.is_(True))
    ):
        codes.setdefault(skema, set()).add(kode)
    return codes


def _ensure_counter(session: Session, series: str, period: str) -> None:
    insert_ignoring_conflicts(
        session, Counter, [{"series": series, "period": period, "last_value": 0}], ["series", "period"]
    )


def raise_counter(session: Session, series: str, period: int | str, value: int) -> None:
    """Set the counter to at least ``value``; never lowers it. Same transaction as the caller."""
    _ensure_counter(session, series, str(period))
    session.execute(
        update(Counter)
        .where(Counter.series == series, Counter.period == str(period), Counter.last_value < value)
        .values(last_value=value)
    )


def take_block(session: Session, series: str, period: int | str, count: int) -> int:
    """Take ``count`` consecutive numbers in one atomic step (row lock, as ``counters.next_number``); the first."""
    _ensure_counter(session, series, str(period))
    last = session.execute(
        update(Counter)
        .where(Counter.series == series, Counter.period == str(period))
        .values(last_value=Counter.last_value + count)
        .returning(Counter.last_value)
    ).scalar_one()
    return int(last) - count + 1


# --- the book as a sheet: exports and the import template -----------------------------------------------------


@dataclass(frozen=True)
class AgendaSheet:
    """An agenda book as a sheet: its name, its columns in order with their widths, and the audit entity and
    noun of its exports ("surat_masuk", "surat masuk")."""

    title: str
    columns: tuple[str, ...]
    widths: Mapping[str, int]
    entity: str
    noun: str

    @property
    def date_columns(self) -> tuple[int, ...]:
        """The positions (from 1) of the columns named tanggal_…, written as date cells."""
        return tuple(i for i, c in enumerate(self.columns, start=1) if c.startswith("tanggal"))


def export(
    session: Session,
    actor: Actor,
    sheet: AgendaSheet,
    rows: Iterable[Iterable[object]],
    out_path: Path,
    year: int | None,
    audit_in: AuditIn | None,
    *,
    workbook: bool,
) -> int:
    """Write the rows of one year (or all, ``year`` None) of an agenda as CSV, or as a workbook (bold frozen
    header, column widths, real date cells), audited (``tabular.write_audited``); returns the count."""

    def record(writing: Session, count: int) -> None:
        audit.record(
            writing,
            actor,
            "ekspor",
            sheet.entity,
            str(year) if year is not None else "semua",
            summary=f"{count} {sheet.noun} ({year if year is not None else 'semua tahun'}) ke {out_path.name}",
        )

    if not workbook:
        return tabular.export_csv(session, out_path, sheet.columns, rows, record, audit_in)
    widths = [sheet.widths[c] for c in sheet.columns]
    return tabular.export_xlsx(
        session,
        out_path,
        sheet.columns,
        rows,
        record,
        audit_in,
        title=sheet.title,
        widths=widths,
        date_columns=sheet.date_columns,
    )


def write_template(
    path: Path,
    sheet: AgendaSheet,
    example: Mapping[str, str],
    guide_title: str,
    paragraphs: Iterable[str],
    guide: Iterable[tuple[str, str, str]],
) -> None:
    """An import template: the header row and ``example`` (dates as date cells), and a sheet "Petunjuk" with
    ``paragraphs`` and a row per ``guide`` entry (column, required, explanation) with its example."""

    def write(tmp: Path) -> None:
        book = tabular.new_workbook()
        first = book.active
        first.title = sheet.title
        first.append(list(sheet.columns))
        first.append(
            [date.fromisoformat(example[c]) if c.startswith("tanggal") else example[c] for c in sheet.columns]
        )
        for column in sheet.date_columns:
            first.cell(row=2, column=column).number_format = tabular.DATE_FORMAT
        tabular.style_header(first, [sheet.widths[c] for c in sheet.columns])
        entries: list[tuple[Any, ...]] = [(c, required, text, example[c]) for c, required, text in guide]
        tabular.add_guide(
            book,
            guide_title,
            paragraphs,
            ("Kolom", "Wajib", "Keterangan", "Contoh"),
            entries,
            (20, 8, 90, 34),
        )
        book.save(tmp)

    tabular.replace_atomically(path, write)
