"""Master data of the Surat module kept in Pengaturan: outgoing number series and the instruction list (B5, B7).

The "Dengan hormat harap" instructions are never deleted: a hop stores the ticked texts themselves, so renaming
or deactivating an instruction changes only what new slips and new hops offer, never what was recorded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from desktop.core.letters.rules import Keamanan, NumberTemplate
from desktop.models.letters import Disposition, DispositionInstruction, NumberSeries
from desktop.services.common import audit, counters, office
from desktop.services.common.errors import NotFound, PermissionDenied, ValidationError
from desktop.services.common.permissions import Actor, Perm
from desktop.services.letters import outgoing
from desktop.services.letters.outgoing import SeriesData

MAX_INSTRUCTION = 120  # the column's width
SAMPLE_KKA = "800.1.11.1"  # Surat Perintah Dinas/Surat Tugas: the worked example of letters.md B7
UNIT_PLACEHOLDER = "[kode unit]"

PATTERN_EXAMPLES: tuple[tuple[str, str], ...] = (
    ("{kka}/{urut}/{unit}/{tahun}", "Kode/urut/unit/tahun (bawaan)"),
    ("{keamanan}/{urut}/{kka}/{unit}/{tahun}", "Diawali klasifikasi keamanan (B/T/R/SR)"),
    ("{kka}/{urut}/{unit}/{bulan_romawi}/{tahun}", "Dengan bulan romawi"),
    ("{kka}/{urut}/{unit}", "Tanpa tahun"),
)
"""Patterns seen in practice (letters.md B7), offered as starting points in the series dialog."""


def can_manage_instructions(actor: Actor) -> bool:
    """Admin and the letter clerks keep the instruction list: it is the clerk's working list, not policy."""
    return actor.can(Perm.MANAGE_SETTINGS) or actor.can(Perm.WRITE_LETTERS)


def can_manage_series(actor: Actor) -> bool:
    """Number series stay with admin (``outgoing.save_series``): a pattern change affects every new number."""
    return actor.can(Perm.MANAGE_SETTINGS)


def _require_instruction_manager(actor: Actor) -> None:
    if not can_manage_instructions(actor):
        raise PermissionDenied(
            f"Peran {actor.role.label} tidak berwenang mengubah daftar instruksi disposisi; "
            "hanya admin dan pengelola surat."
        )


def _squash(text: str) -> str:
    return " ".join(text.split())


# --- number series ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NumberingContext:
    """What a preview of a series' next number needs from the database, read once per dialog or page."""

    tanggal: date  # today in office time: the number's date in the preview
    next_urut: int  # the next regular number of the series this year (1 for a new series)
    profile_unit: str  # the office profile's kode unit, used when the series has none


@dataclass(frozen=True)
class NumberPreview:
    """The next number as the real template renders it, with what the clerk should know about the pattern."""

    nomor: str
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class SeriesOverview:
    """A row of the series table: the series, its last number this year and a preview of the next one."""

    series: SeriesData
    tahun: int
    terakhir: int  # 0 when no number was taken this year
    contoh: str  # the next number, or "" when the stored pattern no longer renders
    context: NumberingContext


def numbering_context(
    session: Session, actor: Actor, seri_id: int | None, *, today: date | None = None
) -> NumberingContext:
    actor.require(Perm.VIEW)
    tanggal = today or office.today(session)
    last = counters.last_number(session, outgoing.counter_series(seri_id), tanggal.year) if seri_id else 0
    return NumberingContext(
        tanggal=tanggal, next_urut=last + 1, profile_unit=_squash(office.get_profile(session).kode_unit)
    )


def preview_number(
    template: str,
    kode_unit: str,
    context: NumberingContext,
    *,
    kka: str = SAMPLE_KKA,
    keamanan: Keamanan = Keamanan.B,
) -> NumberPreview:
    """The next number of a series with this pattern, rendered by ``NumberTemplate`` as issuing does.

    Raises ``ValidationError`` (field ``template``) with the template's own Indonesian message when the pattern
    is not valid. A missing unit code renders as ``[kode unit]`` with a warning, since issuing would refuse.
    """
    text = template.strip()
    if not text:
        raise ValidationError("Pola nomor wajib diisi, mis. {kka}/{urut}/{unit}/{tahun}.", "template")
    try:
        parsed = NumberTemplate(text)
    except ValueError as exc:
        raise ValidationError(str(exc), "template") from exc
    tokens = parsed.tokens
    unit = _squash(kode_unit) or context.profile_unit
    warnings: list[str] = []
    if "unit" in tokens and not unit:
        warnings.append(
            "Pola memuat {unit}, tetapi kode unit belum diisi di seri ini maupun di Profil kantor; "
            "nomor belum dapat diambil sebelum kode unit diisi."
        )
        unit = UNIT_PLACEHOLDER
    if "tahun" not in tokens:
        warnings.append(
            "Pola tanpa {tahun}: nomor urut mulai lagi dari 1 setiap tahun, sehingga nomor yang sama "
            "dapat muncul lagi di tahun berikutnya."
        )
    if "kka" not in tokens:
        warnings.append("Pola tanpa {kka}: kode klasifikasi arsip tidak tercantum di nomor surat.")
    nomor = parsed.render(kka, context.next_urut, unit, context.tanggal, keamanan)
    return NumberPreview(nomor=nomor, warnings=tuple(warnings))


def list_series_overview(
    session: Session, actor: Actor, *, today: date | None = None
) -> list[SeriesOverview]:
    """Every series (inactive ones too) with its last number of the current year and the next one.

    The default series is created here too, as the agenda keluar does, so a new office sees what it will get.
    """
    actor.require(Perm.VIEW)
    outgoing.ensure_default_series(session)
    tanggal = today or office.today(session)
    result = []
    for series in outgoing.list_series(session, include_inactive=True):
        context = numbering_context(session, actor, series.id, today=tanggal)
        try:
            contoh = preview_number(series.template, series.kode_unit, context).nomor
        except ValidationError:
            contoh = ""
        result.append(
            SeriesOverview(
                series=series,
                tahun=tanggal.year,
                terakhir=context.next_urut - 1,
                contoh=contoh,
                context=context,
            )
        )
    return result


def save_series(session: Session, actor: Actor, data: SeriesData) -> SeriesData:
    """``outgoing.save_series`` with the rule the settings page needs: one active series always remains."""
    actor.require(Perm.MANAGE_SETTINGS)
    if data.id is not None and not data.aktif:
        row = session.get(NumberSeries, data.id)
        if row is None:
            raise NotFound("Seri nomor tidak ditemukan.")
        others = session.scalar(
            select(func.count())
            .select_from(NumberSeries)
            .where(NumberSeries.aktif.is_(True), NumberSeries.id != data.id)
        )
        if row.aktif and not others:
            raise ValidationError(
                "Seri ini satu-satunya seri aktif; surat keluar tidak dapat diberi nomor tanpa seri aktif. "
                "Tambahkan seri lain dulu.",
                "aktif",
            )
    return outgoing.save_series(session, actor, data)


# --- "Dengan hormat harap" instructions ---------------------------------------------------------------------


@dataclass(frozen=True)
class InstructionInfo:
    id: int
    teks: str
    urutan: int
    aktif: bool
    dipakai: int  # hops (cancelled ones included) that ticked this text


def _used_on_hops(session: Session, teks: str) -> int:
    """Hops whose ticked list (one text per line) holds exactly this text."""
    column = Disposition.instruksi
    line: ColumnElement[bool] = or_(
        column == teks,
        column.startswith(f"{teks}\n", autoescape=True),
        column.endswith(f"\n{teks}", autoescape=True),
        column.contains(f"\n{teks}\n", autoescape=True),
    )
    return int(session.scalar(select(func.count()).select_from(Disposition).where(line)) or 0)


def _ordered(session: Session) -> list[DispositionInstruction]:
    query = select(DispositionInstruction).order_by(DispositionInstruction.urutan, DispositionInstruction.id)
    return list(session.scalars(query))


def _info(session: Session, row: DispositionInstruction) -> InstructionInfo:
    return InstructionInfo(row.id, row.teks, row.urutan, row.aktif, _used_on_hops(session, row.teks))


def _row(session: Session, instruction_id: int) -> DispositionInstruction:
    row = session.get(DispositionInstruction, instruction_id)
    if row is None:
        raise NotFound("Instruksi disposisi tidak ditemukan.")
    return row


def _clean_text(session: Session, teks: str, own_id: int | None) -> str:
    text = _squash(teks)
    if not text:
        raise ValidationError("Teks instruksi wajib diisi, mis. Untuk ditindaklanjuti.", "teks")
    if len(text) > MAX_INSTRUCTION:
        raise ValidationError(
            f"Teks instruksi terlalu panjang (maksimal {MAX_INSTRUCTION} karakter).", "teks"
        )
    for other in _ordered(session):
        if other.id != own_id and other.teks.casefold() == text.casefold():
            if other.aktif:
                raise ValidationError(f"Instruksi “{other.teks}” sudah ada di daftar.", "teks")
            raise ValidationError(
                f"Instruksi “{other.teks}” sudah ada tetapi nonaktif; aktifkan kembali instruksi itu.", "teks"
            )
    return text


def list_all_instructions(session: Session, actor: Actor) -> list[InstructionInfo]:
    """The whole list in print order, inactive ones included (``letters.list_instructions`` gives the active)."""
    actor.require(Perm.VIEW)
    return [_info(session, row) for row in _ordered(session)]


def add_instruction(session: Session, actor: Actor, teks: str) -> InstructionInfo:
    """Add an instruction at the end of the list."""
    _require_instruction_manager(actor)
    text = _clean_text(session, teks, None)
    last = session.scalar(select(func.max(DispositionInstruction.urutan))) or 0
    row = DispositionInstruction(teks=text, urutan=last + 1, aktif=True)
    session.add(row)
    session.flush()
    audit.record(
        session,
        actor,
        "tambah",
        "instruksi_disposisi",
        row.id,
        summary=f"Instruksi disposisi ditambahkan: {text}",
        after={"teks": text, "urutan": row.urutan, "aktif": True},
    )
    return _info(session, row)


def rename_instruction(session: Session, actor: Actor, instruction_id: int, teks: str) -> InstructionInfo:
    """Change the text; hops already recorded keep the text they were given."""
    _require_instruction_manager(actor)
    row = _row(session, instruction_id)
    text = _clean_text(session, teks, row.id)
    if text != row.teks:
        before = row.teks
        row.teks = text
        session.flush()
        audit.record(
            session,
            actor,
            "ubah",
            "instruksi_disposisi",
            row.id,
            summary=f"Instruksi disposisi “{before}” diubah menjadi “{text}”",
            before={"teks": before},
            after={"teks": text},
        )
    return _info(session, row)


def move_instruction(session: Session, actor: Actor, instruction_id: int, step: int) -> InstructionInfo:
    """Move one place up (``step`` -1) or down (+1) in print order; at either end nothing changes.

    The whole list is renumbered 1..n, so rows that shared an ``urutan`` get a definite order too.
    """
    _require_instruction_manager(actor)
    if step not in (-1, 1):
        raise ValidationError("Instruksi hanya dapat dipindah satu tempat ke atas atau ke bawah.")
    rows = _ordered(session)
    row = _row(session, instruction_id)
    index = rows.index(row)
    target = index + step
    if not 0 <= target < len(rows):
        return _info(session, row)
    before = [r.teks for r in rows]
    rows[index], rows[target] = rows[target], rows[index]
    for position, item in enumerate(rows, start=1):
        if item.urutan != position:
            item.urutan = position
    session.flush()
    audit.record(
        session,
        actor,
        "urutkan",
        "instruksi_disposisi",
        row.id,
        summary=f"Instruksi disposisi “{row.teks}” dipindah ke urutan {target + 1}",
        before={"urutan": before},
        after={"urutan": [r.teks for r in rows]},
    )
    return _info(session, row)


def set_instruction_active(
    session: Session, actor: Actor, instruction_id: int, aktif: bool
) -> InstructionInfo:
    """Deactivate (no longer offered nor printed) or reactivate an instruction; nothing recorded changes."""
    _require_instruction_manager(actor)
    row = _row(session, instruction_id)
    if row.aktif == aktif:
        return _info(session, row)
    if not aktif:
        others = session.scalar(
            select(func.count())
            .select_from(DispositionInstruction)
            .where(DispositionInstruction.aktif.is_(True), DispositionInstruction.id != row.id)
        )
        if not others:
            raise ValidationError(
                "Sedikitnya satu instruksi harus tetap aktif agar lembar disposisi memuat daftar "
                "“Dengan hormat harap”."
            )
    row.aktif = aktif
    session.flush()
    audit.record(
        session,
        actor,
        "aktifkan" if aktif else "nonaktifkan",
        "instruksi_disposisi",
        row.id,
        summary=f"Instruksi disposisi “{row.teks}” {'diaktifkan kembali' if aktif else 'dinonaktifkan'}",
        before={"aktif": not aktif},
        after={"aktif": aktif},
    )
    return _info(session, row)
