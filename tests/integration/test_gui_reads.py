"""Every service the GUI runs in a read session (UiContext.read/query) really only reads (issue 10, item 4).

On PostgreSQL a read session is READ ONLY, so a service in this list that adds, flushes, counts, seeds or
audits fails here; on SQLite it would take no write lock and fail nowhere. A GUI call site moved to read()
belongs in READS with the arguments it passes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

from desktop.core.dates import office_tz
from desktop.services import dashboard
from desktop.services.common import attachments, audit, auth, calendar, demo_mark, documents, office
from desktop.services.common.permissions import SYSTEM
from desktop.services.letters import dispositions, expedition, incoming, incoming_io, outgoing, settings
from desktop.services.letters.incoming_io import INCOMING_COLUMNS
from desktop.services.staff import board, printouts, records
from desktop.services.staff.records import PegawaiInput
from desktop.services.system import AppContext

TODAY = date(2026, 5, 4)
Read = Callable[[Session, dict[str, Any]], object]

READS: dict[str, Read] = {
    # Surat: agenda lists, search, form lookups, suggestions
    "common.office.get_profile": lambda s, ids: office.get_profile(s),
    "letters.incoming.list_incoming": lambda s, ids: incoming.list_incoming(s, SYSTEM, tahun=2026, limit=50),
    "letters.incoming.list_incoming (search)": lambda s, ids: incoming.list_incoming(
        s, SYSTEM, text="rapat", limit=50
    ),
    "letters.incoming.last_agenda_number": lambda s, ids: incoming.last_agenda_number(s, SYSTEM, 2026),
    "letters.incoming.sender_suggestions": lambda s, ids: incoming.sender_suggestions(s, SYSTEM, "Bi"),
    "letters.incoming.search_codes": lambda s, ids: incoming.search_codes(s, SYSTEM, "000", skema="83/2022"),
    "letters.incoming.get_code": lambda s, ids: incoming.get_code(s, "000.1", "83/2022"),
    "letters.incoming.code_warning": lambda s, ids: incoming.code_warning(s, "999.9", "83/2022"),
    "letters.incoming.probable_duplicates": lambda s, ids: incoming.probable_duplicates(
        s, SYSTEM, "Biro Umum", "000/1/BU", TODAY
    ),
    "letters.incoming.disposition_recipients": lambda s, ids: incoming.disposition_recipients(s),
    "letters.dispositions.officials": lambda s, ids: dispositions.officials(s, SYSTEM),
    "letters.dispositions.overdue": lambda s, ids: dispositions.overdue(s, SYSTEM, TODAY),
    "letters.outgoing.list_outgoing": lambda s, ids: outgoing.list_outgoing(s, SYSTEM, tahun=2026, limit=50),
    "letters.outgoing.recipient_suggestions": lambda s, ids: outgoing.recipient_suggestions(s, SYSTEM, "Bi"),
    "letters.outgoing.address_for": lambda s, ids: outgoing.address_for(s, SYSTEM, "Biro Umum"),
    "letters.expedition.candidates": lambda s, ids: expedition.candidates(s, SYSTEM),
    "letters.expedition.list_pages": lambda s, ids: expedition.list_pages(s, SYSTEM, 2026),
    "common.attachments.list_for": lambda s, ids: attachments.list_for(s, SYSTEM, "M", ids["letter"]),
    "letters.incoming_io.validate_incoming": lambda s, ids: incoming_io.validate_incoming(
        s, SYSTEM, ids["table"]
    ),
    # Home
    "dashboard.summary": lambda s, ids: dashboard.summary(s, SYSTEM, TODAY),
    "dashboard.letters_summary": lambda s, ids: dashboard.letters_summary(s, SYSTEM, TODAY, "WITA"),
    "dashboard.staff_summary": lambda s, ids: dashboard.staff_summary(s, SYSTEM, TODAY),
    "dashboard.beranda": lambda s, ids: dashboard.beranda(s, SYSTEM, TODAY, "WITA"),
    "common.demo_mark.is_demo": lambda s, ids: demo_mark.is_demo(s),
    # Pengaturan: pages that list
    "common.audit.list_entries": lambda s, ids: audit.list_entries(s, SYSTEM, limit=50, offset=0),
    "common.calendar.list_holidays": lambda s, ids: calendar.list_holidays(s, 2026),
    "common.calendar.years_present": lambda s, ids: calendar.years_present(s),
    "letters.settings.numbering_context": lambda s, ids: settings.numbering_context(s, SYSTEM, None),
    "letters.settings.list_all_instructions": lambda s, ids: settings.list_all_instructions(s, SYSTEM),
    "common.office.list_signatories": lambda s, ids: office.list_signatories(s, include_inactive=True),
    "common.office.signer_assignments": lambda s, ids: office.signer_assignments(s),
    "common.office.list_units": lambda s, ids: office.list_units(s, include_inactive=True),
    "common.auth.list_users": lambda s, ids: auth.list_users(s, SYSTEM),
    "common.documents.test_page_pdf": lambda s, ids: documents.test_page_pdf(s, SYSTEM),
    # Kepegawaian: list, detail, board, printouts that are not audited
    "staff.records.list_pegawai": lambda s, ids: records.list_pegawai(s, SYSTEM, limit=50, offset=0),
    "staff.records.get_pegawai": lambda s, ids: records.get_pegawai(s, SYSTEM, ids["pegawai"]),
    "staff.records.get_photo": lambda s, ids: records.get_photo(s, SYSTEM, ids["pegawai"]),
    "staff.board.board": lambda s, ids: board.board(s, SYSTEM, TODAY, 365),
    "staff.printouts.kgb_draft": lambda s, ids: printouts.kgb_draft(s, SYSTEM, ids["pegawai"], TODAY),
    "staff.printouts.nominatif_pdf": lambda s, ids: printouts.nominatif_pdf(s, SYSTEM, per_tanggal=TODAY),
    "staff.printouts.duk_pdf": lambda s, ids: printouts.duk_pdf(s, SYSTEM, date(2026, 1, 1)),
    "staff.printouts.rekap_cuti_pdf": lambda s, ids: printouts.rekap_cuti_pdf(s, SYSTEM, 2026),
}


@pytest.fixture
def filled(ctx: AppContext, tmp_path: Path) -> dict[str, Any]:
    with ctx.db.transaction() as s:
        kop = office.OfficeProfileData(
            nama_pemda="Pemerintah Provinsi", nama_dinas="Dinas Uji", alamat="Jl. Uji 1"
        )
        office.save_profile(s, SYSTEM, kop)  # printouts refuse an incomplete kop
        received = datetime(2026, 5, 4, 9, 0, tzinfo=office_tz(office.get_profile(s).zona_waktu))
        letter = incoming.register_incoming(
            s,
            SYSTEM,
            incoming.IncomingInput(
                tanggal_diterima=received,
                asal_surat="Biro Umum",
                nomor_surat="000/1/BU",
                tanggal_surat=received.date(),
                perihal="Undangan rapat koordinasi",
            ),
        )
        pegawai = records.create_pegawai(
            s,
            SYSTEM,
            PegawaiInput(
                nip="19730314 199803 2 009",
                nama="Siti Aminah",
                golongan_ruang="III/d",
                tmt_golongan=date(2018, 4, 1),
                mkg_tahun=15,
                mkg_bulan=1,
                jenis_jabatan="pelaksana",
                jabatan="Pengadministrasi Umum",
                tmt_jabatan=date(2019, 1, 2),
            ),
        )
    source = tmp_path / "agenda.csv"
    source.write_text(
        ",".join(INCOMING_COLUMNS) + "\n,2026-03-02,Biro Umum,000/9/BU,2026-03-01,Rapat,,,,\n",
        encoding="utf-8",
    )
    return {"letter": letter.id, "pegawai": pegawai.value.id, "table": incoming_io.read_table(source)}


@pytest.mark.parametrize("name", sorted(READS))
def test_gui_read_services_run_in_a_read_session(ctx: AppContext, filled: dict[str, Any], name: str) -> None:
    with ctx.db.read() as s:
        READS[name](s, filled)
