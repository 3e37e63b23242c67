"""Where a document really went (a printer queue that took the job, or a PDF file written) and its audit row."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from desktop.services.common import audit
from desktop.services.common.errors import ValidationError
from desktop.services.common.permissions import Actor, Perm


@dataclass(frozen=True)
class Delivery:
    """A print that happened: exactly one of ``printer`` (the queue that accepted the job) or ``path`` (the PDF
    file written). Opening a preview is not a delivery; only this is recorded as *dicetak*."""

    printer: str = ""
    path: str = ""
    pages: int = 0

    def __post_init__(self) -> None:
        if bool(self.printer.strip()) == bool(self.path.strip()):
            raise ValueError("Delivery needs exactly one of printer or path")

    @property
    def to_file(self) -> bool:
        return bool(self.path.strip())

    def describe(self) -> str:
        """'dikirim ke printer Epson L3110' or 'disimpan sebagai PDF: /home/…/x.pdf', for summaries and status."""
        if self.to_file:
            return f"disimpan sebagai PDF: {self.path}"
        return f"dikirim ke printer {self.printer}"

    def audit_after(self) -> dict[str, object]:
        if self.to_file:
            return {"berkas": self.path, "halaman": self.pages}
        return {"printer": self.printer, "halaman": self.pages}


def record(
    session: Session, actor: Actor, entity: str, entity_id: object, what: str, delivery: Delivery
) -> None:
    """The audit row of one real print of ``what`` ("Buku agenda masuk Tahun 2026"): where it went, not when
    the preview was opened."""
    actor.require(Perm.PRINT)
    if not what.strip():
        raise ValidationError("Dokumen yang dicetak belum disebut.")
    # The file name, not the whole path, in the summary: the full path is in the after snapshot.
    where = (
        f"disimpan sebagai PDF {Path(delivery.path).name}"
        if delivery.to_file
        else f"dicetak ke printer {delivery.printer}"
    )
    audit.record(
        session,
        actor,
        "cetak",
        entity,
        entity_id,
        summary=f"{what}: {where}",
        after=delivery.audit_after(),
    )
