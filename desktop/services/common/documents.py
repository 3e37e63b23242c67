"""Documents every module shares: the test page ("Cetak uji") for checking the kop surat and printer."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from desktop import __version__
from desktop.core import clock
from desktop.core.dates import format_date, format_datetime, office_tz
from desktop.printing.pages import paper_by_key
from desktop.printing.testpage import TestPageData, build_test_page
from desktop.services.common import office
from desktop.services.common.errors import ValidationError
from desktop.services.common.permissions import Actor, Perm


def test_page_pdf(
    session: Session, actor: Actor, paper_key: str | None = None, now: datetime | None = None
) -> bytes:
    actor.require(Perm.PRINT)
    profile = office.get_profile(session)
    if not profile.is_complete:
        raise ValidationError("Lengkapi profil kantor (nama pemda, nama dinas, alamat) sebelum mencetak.")
    try:
        paper = paper_by_key(paper_key or profile.kertas_bawaan)
    except KeyError as exc:
        raise ValidationError(f"Ukuran kertas tidak dikenal: {paper_key}") from exc
    now = (now or clock.now(profile.zona_waktu)).astimezone(office_tz(profile.zona_waktu))
    place = profile.kota or ""
    data = TestPageData(
        header=profile.header(),
        signer=office.signer_for(session, "cetak_uji"),
        paper=paper,
        printed_at=format_datetime(now, profile.zona_waktu),
        place_date=f"{place}, {format_date(now.date())}" if place else format_date(now.date()),
        app_version=__version__,
    )
    return build_test_page(data)
