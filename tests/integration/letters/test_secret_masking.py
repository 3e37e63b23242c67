"""R10 across every service that returns letter data: a role without the rahasia permission never sees the
words of a Rahasia letter — its perihal, notes, disposition notes, scan names or scan bytes — anywhere.

The walk calls every public function of every service module that reads the letter tables; a function that is
neither walked nor in ``RETURNS_NO_LETTER_TEXT`` (with its reason) fails the test, so a new query added
without masking is caught here. The same walk as the pimpinan (who holds the permission) must show the words,
so the check cannot pass by reading nothing.
"""

from __future__ import annotations

import csv
import dataclasses
import enum
import importlib
import inspect
import io
import pkgutil
from collections.abc import Callable
from datetime import date, datetime, time
from pathlib import Path
from types import ModuleType
from typing import Any

import openpyxl
from pypdf import PdfReader

import desktop.services
from desktop.core.dates import office_tz
from desktop.core.letters.rules import Keamanan, Urgensi
from desktop.models import letters as letter_models
from desktop.services import dashboard
from desktop.services.common import attachments, auth, office
from desktop.services.common.errors import ServiceError
from desktop.services.common.permissions import Actor, Role
from desktop.services.common.printed import Delivery
from desktop.services.common.secrecy import SECRET_MASK
from desktop.services.letters import (
    dispositions,
    expedition,
    incoming_io,
    outgoing,
    outgoing_io,
    reports,
    settings,
)
from desktop.services.letters import incoming as letters
from desktop.services.letters.dispositions import HopInput, RecipientInput
from desktop.services.system import AppContext

# Markers: one word each, so a PDF cell that wraps them is still found once whitespace is dropped.
IN_PERIHAL = "QZPERIHALMASUK"
IN_NOTE = "QZKETERANGANMASUK"
OUT_PERIHAL = "QZPERIHALKELUAR"
OUT_NOTE = "QZKETERANGANKELUAR"
DISPO_NOTE = "QZCATATANDISPOSISI"
DISPO_RESULT = "QZHASILDISPOSISI"
SCAN_NAME = "QZNAMAPINDAIAN"
SCAN_BODY = "QZISIPINDAIAN"
HIDDEN = (IN_PERIHAL, IN_NOTE, OUT_PERIHAL, OUT_NOTE, DISPO_NOTE, DISPO_RESULT, SCAN_NAME, SCAN_BODY)
# R10 hides the words and the scans, not who sent or receives the letter: the clerk routes it by its sender
# and the caraka delivers it to its addressee. These stay visible (asserted below, so the choice is explicit).
SENDER = "QZASALRAHASIA"
ADDRESSEE = "QZTUJUANRAHASIA"

YEAR = 2026
TODAY = date(YEAR, 4, 30)
PASSWORD = "sandi-uji-12345"

# The reference tables (kode klasifikasi, instructions, number series) hold no letter's words.
LETTER_TABLES = (
    letter_models.IncomingLetter,
    letter_models.OutgoingLetter,
    letter_models.Disposition,
    letter_models.DispositionRecipient,
    letter_models.Expedition,
    letter_models.ExpeditionItem,
    letter_models.LetterAttachment,
)

# Public functions of the letter services that return no letter text at all, each with the reason.
RETURNS_NO_LETTER_TEXT: dict[str, str] = {
    "letters.incoming.seed_reference": "fills the kode klasifikasi lists; returns a count",
    "letters.incoming.search_codes": "kode klasifikasi reference list",
    "letters.incoming.get_code": "kode klasifikasi reference list",
    "letters.incoming.list_instructions": "disposition instruction master",
    "letters.incoming.disposition_recipients": "unit and official names for the lembar disposisi",
    "letters.incoming.code_warning": "a warning about a kode, built from the kode typed",
    "letters.incoming.code_condition": "builds an SQL condition; returns no rows",
    "common.numbering.counter_series": "the name of a counter series",
    "letters.outgoing.sisipan_series": "the name of a counter series",
    "common.numbering.ensure_default_series": "returns a series id",
    "common.numbering.series_names": "the names of the number series",
    "common.numbering.take_document_number": "numbers another module's document; returns its number only",
    "common.numbering.cancel_document_number": "marks another module's number batal; returns nothing",
    "letters.outgoing.list_series": "numbering series settings",
    "letters.outgoing.save_series": "numbering series settings",
    "letters.dispositions.person_label": "formats a name and jabatan it is given",
    "letters.incoming_io.suggest_mapping": "maps the header names of a file",
    "letters.incoming_io.resolve_mapping": "maps the header names of a file",
    "letters.incoming_io.read_table": "reads the user's own file; no database",
    "letters.incoming_io.unmapped_headers": "names the columns of the user's own file; no database",
    "letters.outgoing_io.read_outgoing_table": "reads the user's own file; no database",
    "letters.incoming_io.write_incoming_template": "an empty template",
    "letters.outgoing_io.suggest_outgoing_mapping": "maps the header names of a file",
    "letters.outgoing_io.resolve_outgoing_mapping": "maps the header names of a file",
    "letters.outgoing_io.write_outgoing_template": "an empty template",
    "common.attachments.sniff": "file type from the first bytes it is given",
    "common.attachments.check_upload": "file type and size of the bytes it is given",
    "common.attachments.sha256_of": "the checksum of the bytes it is given",
    "common.attachments.sha256_checked": "the bytes it is given, or an error naming the file it is told",
    "common.attachments.intact": "whether the bytes it is given match the checksum it is given",
    "letters.settings.can_manage_instructions": "a permission check",
    "dashboard.guests_summary": "front-desk counts and the SKM index; reads no letter table",
    "dashboard.attention": "sentences from the counts it is given (walked inside dashboard.beranda)",
    "letters.settings.can_manage_series": "a permission check",
    "letters.settings.preview_number": "formats a sample number from a template",
    "letters.settings.save_series": "numbering series settings",
    "letters.settings.list_all_instructions": "disposition instruction master",
    "letters.settings.add_instruction": "disposition instruction master",
    "letters.settings.rename_instruction": "disposition instruction master",
    "letters.settings.move_instruction": "disposition instruction master",
    "letters.settings.set_instruction_active": "disposition instruction master",
}


def _short(module: str) -> str:
    """``desktop.services.letters.incoming`` -> ``letters.incoming``: the names used in the lists above."""
    return module.removeprefix("desktop.services.")


def _reads_letters(module: ModuleType) -> bool:
    """True when the module holds a table with a letter's words (perihal, notes, scans), or the whole model."""
    held = set(map(id, vars(module).values()))
    return id(letter_models) in held or any(id(table) in held for table in LETTER_TABLES)


def letter_service_functions() -> set[str]:
    """Every public function of every service module that reads the letter tables, as ``module.function``."""
    found = set()
    for info in pkgutil.walk_packages(desktop.services.__path__, "desktop.services."):
        module: ModuleType = importlib.import_module(info.name)
        if info.ispkg or not _reads_letters(module):
            continue
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if fn.__module__ == module.__name__ and not name.startswith("_"):
                found.add(f"{_short(info.name)}.{name}")
    return found


# --- turning whatever a service returns into text -----------------------------------------------------------


def _pdf_text(data: bytes) -> str:
    try:
        return " ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)
    except Exception:  # a scan is only PDF-like; its raw bytes are searched below anyway
        return ""


def _file_text(path: Path) -> str:
    if path.suffix == ".xlsx":
        book = openpyxl.load_workbook(path, read_only=True)
        cells = [
            str(v) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for v in row
        ]
        book.close()
        return " ".join(cells)
    if path.suffix == ".pdf":
        return _pdf_text(path.read_bytes())
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return " ".join(" ".join(row) for row in csv.reader(fh))


def text_of(value: Any) -> str:
    """Every text a user could be shown from a returned value: fields, items, PDF text, file contents."""
    if value is None or isinstance(value, bool | int | float | date | time):
        return str(value)
    if isinstance(value, str):
        return value
    if isinstance(value, bytes):
        return value.decode("latin-1") + " " + (_pdf_text(value) if value.startswith(b"%PDF") else "")
    if isinstance(value, Path):
        return _file_text(value) if value.is_file() else ""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return " ".join(text_of(getattr(value, f.name)) for f in dataclasses.fields(value))
    if isinstance(value, dict):
        return " ".join(text_of(k) + " " + text_of(v) for k, v in value.items())
    if isinstance(value, list | tuple | set | frozenset):
        return " ".join(text_of(v) for v in value)
    if isinstance(value, enum.Enum):
        return str(value.value)
    raise TypeError(f"the walk cannot read a {type(value).__name__}; teach text_of its fields")


def found(markers: tuple[str, ...], text: str) -> list[str]:
    flat = "".join(text.split()).casefold()
    return [m for m in markers if m.casefold() in flat]


class Walk:
    """Calls service functions as one actor, one transaction each, and keeps the text each one showed."""

    def __init__(self, ctx: AppContext, actor: Actor, folder: Path, *, may_refuse: bool = True) -> None:
        self.ctx, self.actor, self.folder, self.may_refuse = ctx, actor, folder, may_refuse
        folder.mkdir(exist_ok=True)
        self.shown: dict[str, str] = {}
        self.refused: set[str] = set()

    def __call__(self, fn: Callable[..., Any], *args: Any, **kw: Any) -> Any:
        key = f"{_short(fn.__module__)}.{fn.__name__}"
        try:
            with self.ctx.db.transaction() as s:
                result = fn(s, self.actor, *args, **kw)
        except ServiceError as exc:  # a refusal is fine, as long as its message tells nothing either
            if not self.may_refuse:
                raise
            self.refused.add(key)
            result = str(exc)
        files = [a for a in (*args, *kw.values()) if isinstance(a, Path)]
        self.shown[key] = self.shown.get(key, "") + " " + text_of(result) + " ".join(map(_file_text, files))
        return None if key in self.refused and isinstance(result, str) else result

    def path(self, name: str) -> Path:
        return self.folder / name


# --- the data: one office, a few letters of each kind, secret ones among them -------------------------------


def _received(day: int) -> datetime:
    return datetime.combine(date(YEAR, 3, day), time(9, 0), tzinfo=office_tz("WITA"))


def _scan(marker: str) -> bytes:
    return b"%PDF-1.4\n% " + marker.encode() + b"\n%%EOF\n"


@dataclasses.dataclass
class Office:
    clerk: Actor
    tamu: Actor
    kadis: Actor
    incoming_secret: int
    incoming_ids: list[int]
    outgoing_secret: int
    outgoing_ids: list[int]
    expedition_id: int
    scan_ids: list[int]
    written: set[str]  # the functions that change letters, walked as the clerk while filling the office


def _actor(ctx: AppContext, admin: Actor | None, username: str, role: Role) -> Actor:
    with ctx.db.transaction() as s:
        if admin is None:
            return auth.actor_for(auth.create_first_admin(s, username, "Admin Kantor", PASSWORD))
        return auth.actor_for(auth.create_user(s, admin, username, f"Akun {username}", role, PASSWORD))


def _fill(ctx: AppContext, tmp_path: Path) -> Office:
    admin = _actor(ctx, None, "admin", Role.ADMIN)
    with ctx.db.transaction() as s:
        office.save_profile(
            s,
            admin,
            office.OfficeProfileData(
                nama_pemda="Pemerintah Provinsi Kalimantan Timur",
                nama_dinas="Dinas Perindustrian dan Perdagangan",
                alamat="Jl. Basuki Rahmat No. 55",
                kota="Samarinda",
                kode_unit="DP2",
                zona_waktu="WITA",
            ),
        )
    clerk = _actor(ctx, admin, "surat", Role.PENGELOLA_SURAT)
    tamu = _actor(ctx, admin, "tamu", Role.PETUGAS_TAMU)
    kadis = _actor(ctx, admin, "kadis", Role.PIMPINAN)
    walk = Walk(ctx, clerk, tmp_path / "pengelola-surat-menulis", may_refuse=False)

    def incoming(day: int, keamanan: Keamanan, perihal: str, note: str = "") -> int:
        data = letters.IncomingInput(
            tanggal_diterima=_received(day),
            asal_surat=f"{SENDER} Kementerian" if keamanan.is_secret else "Sekretariat Daerah Provinsi",
            nomor_surat=f"R/{day}/QZ/{YEAR}",
            tanggal_surat=date(YEAR, 3, day - 1),
            perihal=perihal,
            keamanan=keamanan,
            urgensi=Urgensi.SEGERA,
            keterangan=note,
        )
        info = walk(letters.register_incoming, data, today=date(YEAR, 3, day))
        return int(info.id)

    secret = incoming(3, Keamanan.R, f"Penyelidikan {IN_PERIHAL} internal", f"Simpan di {IN_NOTE}")
    public = incoming(4, Keamanan.B, "Undangan rapat koordinasi")
    archived = incoming(5, Keamanan.SR, f"Laporan {IN_PERIHAL} kedua", IN_NOTE)
    cancelled = incoming(6, Keamanan.R, f"Salah catat {IN_PERIHAL}", IN_NOTE)
    walk(letters.record_printed_elsewhere, secret)
    walk(letters.cancel_incoming, cancelled, "Tercatat dua kali")
    walk(letters.probable_duplicates, f"{SENDER} Kementerian", f"R/3/QZ/{YEAR}", date(YEAR, 3, 2))
    kadis_hop = RecipientInput("Dr. Fulanah", "Kepala Dinas")
    staff = RecipientInput("Andi Pratama", "Analis Perdagangan")
    made = walk(
        dispositions.record_chain,
        secret,
        [
            HopInput(
                dari_nama="Ahmad Fauzi",
                dari_jabatan="Sekretaris",
                tanggal=date(YEAR, 3, 4),
                recipients=(kadis_hop, staff),
                catatan=f"Tindak lanjuti {DISPO_NOTE}",
                batas_waktu=date(YEAR, 3, 10),
            )
        ],
    )
    walk(dispositions.update_recipient, made.hops[0].recipients[1].id, "diproses", hasil=DISPO_RESULT)
    extra = walk(
        dispositions.record_chain,
        secret,
        [HopInput(dari_nama="A", dari_jabatan="Sekretaris", tanggal=date(YEAR, 3, 5), recipients=(staff,))],
    )
    walk(dispositions.cancel_hop, extra.hops[-1].id, "Salah tulis")
    walk(dispositions.no_disposition_needed, archived, "Cukup diarsipkan")

    def out(day: int, keamanan: Keamanan, fn: Callable[..., Any] = outgoing.issue_number, **kw: Any) -> int:
        data = outgoing.OutgoingInput(
            tanggal_surat=date(YEAR, 3, day),
            tujuan=f"{ADDRESSEE} Provinsi" if keamanan.is_secret else "Dinas Koperasi Kota Samarinda",
            perihal=f"Balasan {OUT_PERIHAL} nomor {day}" if keamanan.is_secret else f"Undangan {day}",
            keamanan=keamanan,
            keterangan=OUT_NOTE if keamanan.is_secret else "",
            kode_klasifikasi="000.1.5",
            penandatangan="Kepala Dinas",
            **kw,
        )
        return int(walk(fn, data, today=date(YEAR, 3, 20)).id)

    sent = out(2, Keamanan.R)
    out_public = out(10, Keamanan.B)
    inserted = out(5, Keamanan.SR, outgoing.insert_number)
    reserved = out(12, Keamanan.R, reserve=True)
    walk(outgoing.confirm_reserved, reserved, date(YEAR, 3, 12))
    posted = out(13, Keamanan.R)
    walk(outgoing.mark_sent, posted, date(YEAR, 3, 14), "pos")
    dropped = out(14, Keamanan.R)
    walk(outgoing.cancel, dropped, "Tidak jadi dikirim")
    page = walk(expedition.create, date(YEAR, 3, 11), "Pak Rahmat", [sent, out_public])
    walk(expedition.record_receipt, page.items[0].id, "Andi (TU)", date(YEAR, 3, 11))
    scans = [
        walk(attachments.add, "M", secret, _scan(SCAN_BODY), f"{SCAN_NAME}.pdf").id,
        walk(attachments.add, "K", sent, _scan(SCAN_BODY), f"{SCAN_NAME}-keluar.pdf").id,
    ]
    _imports(walk)
    _assert_nothing_shown(walk)
    return Office(
        clerk,
        tamu,
        kadis,
        secret,
        [secret, public, archived, cancelled],
        sent,
        [sent, out_public, inserted, reserved, posted, dropped],
        page.id,
        scans,
        set(walk.shown),
    )


def _imports(walk: Walk) -> None:
    """Rows that look like the secret letters: the import's warnings must not quote them."""
    incoming_file = walk.path("masuk.csv")
    incoming_file.write_text(
        ",".join(incoming_io.INCOMING_COLUMNS)
        + f"\n,{YEAR}-03-20,{SENDER} Kementerian,R/3/QZ/{YEAR},{YEAR}-03-02,Salinan biasa,,B,biasa,\n",
        encoding="utf-8",
    )
    plan = walk(incoming_io.validate_incoming, incoming_io.read_table(incoming_file), today=TODAY)
    walk(incoming_io.import_incoming, plan, skip_invalid=True)
    outgoing_file = walk.path("keluar.csv")
    with walk.ctx.db.transaction() as s:
        nomor = outgoing.list_outgoing(s, walk.actor, tahun=YEAR)[0][0].nomor_surat
    outgoing_file.write_text(
        ",".join(outgoing_io.OUTGOING_COLUMNS)
        + f"\n{nomor},{YEAR}-03-02,{ADDRESSEE} Provinsi,Salinan biasa,,B,\n",
        encoding="utf-8",
    )
    plan = walk(outgoing_io.validate_outgoing, incoming_io.read_table(outgoing_file), today=TODAY)
    walk(outgoing_io.import_outgoing, plan, skip_invalid=True)


# --- reading everything back --------------------------------------------------------------------------------


def _read_all(walk: Walk, o: Office) -> None:
    start, end = date(YEAR, 1, 1), date(YEAR, 12, 31)
    for letter_id in o.incoming_ids:
        walk(letters.get_incoming, letter_id)
        walk(dispositions.chain, letter_id)
        walk(attachments.list_for, "M", letter_id)
    walk(letters.list_incoming, tahun=YEAR)
    for text in (IN_PERIHAL, IN_NOTE, SENDER, "rahasia"):
        walk(letters.list_incoming, text=text)
    walk(letters.list_incoming, tahun=YEAR, sort=("perihal", False))
    walk(letters.last_agenda_number, YEAR)
    walk(letters.sender_suggestions, "QZ")
    walk(letters.probable_duplicates, f"{SENDER} Kementerian", f"R/3/QZ/{YEAR}", date(YEAR, 3, 2))
    walk(letters.disposisi_pdf, o.incoming_secret)
    walk(letters.record_disposisi_printed, o.incoming_secret, Delivery(printer="Sekretariat_PDF", pages=1))
    for letter_id in o.outgoing_ids:
        walk(outgoing.get_outgoing, letter_id)
        walk(attachments.list_for, "K", letter_id)
    walk(outgoing.list_outgoing, tahun=YEAR)
    for text in (OUT_PERIHAL, OUT_NOTE, ADDRESSEE):
        walk(outgoing.list_outgoing, text=text)
    walk(outgoing.list_outgoing, tahun=YEAR, sort=("perihal", False))
    walk(outgoing.later_number, None, date(YEAR, 3, 1))
    walk(outgoing.last_number_text, None, YEAR)
    walk(outgoing.last_issued, None, YEAR)
    walk(outgoing.recipient_suggestions, "QZ")
    walk(outgoing.address_for, f"{ADDRESSEE} Provinsi")
    walk(dispositions.officials)
    walk(dispositions.overdue, TODAY)
    walk(dispositions.follow_ups, start, end)
    walk(dispositions.counts, TODAY)
    walk(reports.incoming_rows, start, end)
    walk(reports.incoming_register_pdf, start, end)
    walk(reports.incoming_register_xlsx, start, end, walk.path("agenda-masuk.xlsx"))
    walk(reports.outgoing_rows, start, end)
    walk(reports.outgoing_register_pdf, start, end)
    walk(reports.outgoing_register_xlsx, start, end, walk.path("agenda-keluar.xlsx"))
    walk(reports.monthly_recap, YEAR, 3)
    walk(reports.monthly_recap_by_unit, YEAR, 3)
    walk(reports.monthly_recap_pdf, YEAR, 3)
    walk(reports.monthly_recap_xlsx, YEAR, 3, walk.path("rekap.xlsx"))
    walk(reports.follow_up, start, end, today=TODAY)
    walk(reports.follow_up_pdf, start, end, today=TODAY)
    walk(reports.follow_up_xlsx, start, end, walk.path("tindak-lanjut.xlsx"), today=TODAY)
    walk(reports.record_printed, "buku_agenda_masuk", start, end, Delivery(path="/tmp/agenda.pdf", pages=1))
    walk(incoming_io.export_incoming_csv, walk.path("masuk.csv"), YEAR)
    walk(incoming_io.export_incoming_xlsx, walk.path("masuk.xlsx"), YEAR)
    walk(outgoing_io.export_outgoing_csv, walk.path("keluar.csv"), YEAR)
    walk(outgoing_io.export_outgoing_xlsx, walk.path("keluar.xlsx"), YEAR)
    walk(expedition.candidates)
    walk(expedition.get, o.expedition_id)
    walk(expedition.list_pages, YEAR)
    walk(expedition.sheet_pdf, o.expedition_id)
    walk(expedition.record_sheet_printed, o.expedition_id, Delivery(printer="Sekretariat_PDF", pages=1))
    for scan_id in o.scan_ids:
        walk(attachments.open_bytes, scan_id)
    walk(attachments.verify_all)
    walk(dashboard.summary, TODAY)
    walk(dashboard.letters_summary, TODAY, "WITA")
    walk(dashboard.staff_summary, TODAY)
    walk(dashboard.beranda, TODAY, "WITA")
    walk(settings.numbering_context, None, today=TODAY)
    walk(settings.list_series_overview, today=TODAY)


def _assert_nothing_shown(walk: Walk) -> None:
    leaks = {key: found(HIDDEN, text) for key, text in walk.shown.items()}
    assert not {key: markers for key, markers in leaks.items() if markers}, walk.actor.role


def test_no_role_without_the_permission_reads_a_secret_letter(ctx: AppContext, tmp_path: Path) -> None:
    o = _fill(ctx, tmp_path)
    covered: set[str] = set()
    for actor in (o.tamu, o.clerk):
        walk = Walk(ctx, actor, tmp_path / actor.username)
        _read_all(walk, o)
        _assert_nothing_shown(walk)
        covered |= walk.shown.keys()
        if actor is o.clerk:  # the clerk sees who sent and who receives, to route and deliver the letter
            assert found(
                (SENDER, ADDRESSEE),
                walk.shown["letters.incoming.list_incoming"] + walk.shown["letters.expedition.get"],
            )
    assert {"letters.incoming.disposisi_pdf", "common.attachments.open_bytes"} <= walk.refused

    kadis = Walk(ctx, o.kadis, tmp_path / "kadis")
    _read_all(kadis, o)
    assert not kadis.refused - {"common.attachments.verify_all"}  # only the admin checks every scan
    for key in (
        "letters.incoming.list_incoming",
        "letters.incoming.get_incoming",
        "letters.incoming.disposisi_pdf",
        "letters.dispositions.overdue",
        "letters.reports.incoming_register_pdf",
        "letters.incoming_io.export_incoming_xlsx",
    ):
        assert found((IN_PERIHAL,), kadis.shown[key]), key
    for key in (
        "letters.outgoing.list_outgoing",
        "letters.expedition.candidates",
        "letters.expedition.get",
        "letters.reports.outgoing_register_xlsx",
        "letters.outgoing_io.export_outgoing_csv",
    ):
        assert found((OUT_PERIHAL,), kadis.shown[key]), key
    assert found((DISPO_NOTE, DISPO_RESULT), kadis.shown["letters.dispositions.chain"]) == [
        DISPO_NOTE,
        DISPO_RESULT,
    ]
    # The printed buku ekspedisi is signed by every addressee on the page: no perihal of R/SR on it, ever.
    sheet = kadis.shown["letters.expedition.sheet_pdf"]
    expected = ("PakRahmat", "".join(SECRET_MASK.split()))
    assert not found((OUT_PERIHAL,), sheet) and found(expected, sheet) == list(expected)
    assert found((SCAN_NAME,), kadis.shown["common.attachments.list_for"])
    assert found((SCAN_BODY,), kadis.shown["common.attachments.open_bytes"])

    covered |= kadis.shown.keys() | o.written  # the writers were walked as the clerk in _fill
    unchecked = letter_service_functions() - covered - RETURNS_NO_LETTER_TEXT.keys()
    assert not unchecked, "walk these in _read_all, or say in RETURNS_NO_LETTER_TEXT why they show no letter"
    assert not covered & RETURNS_NO_LETTER_TEXT.keys()
    assert not RETURNS_NO_LETTER_TEXT.keys() - letter_service_functions()  # no stale entries
