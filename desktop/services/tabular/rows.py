"""A problem of one row of a file, and the all-or-nothing rule of an import plan, as every import has them."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.services.common.errors import ValidationError

FILE_LINE = 0
"""The ``RowError.line`` of a problem of the whole file: no row of a sheet has it."""


@dataclass(frozen=True)
class RowError:
    """A problem of one row (``line`` as the clerk sees it), or of the whole file (``line`` 0, see
    ``for_file``): a column nobody mapped, title rows skipped."""

    line: int
    reason: str
    header: bool = False  # the problem is the header row itself (a required column missing)

    @classmethod
    def for_header(cls, line: int, reason: str) -> RowError:
        """A problem of the header row at ``line``: read "baris 3 (judul kolom)", so that the clerk does not
        look for a letter or a pegawai on that row."""
        return cls(line, reason, header=True)

    @classmethod
    def for_file(cls, reason: str) -> RowError:
        """A problem of the file rather than of a row: listed as "berkas", before the rows."""
        return cls(FILE_LINE, reason)

    @property
    def where(self) -> str:
        """Where the problem is, as the clerk reads it: "berkas", "baris 3 (judul kolom)" or "baris 7"."""
        if self.line == FILE_LINE:
            return "berkas"
        return f"baris {self.line} (judul kolom)" if self.header else f"baris {self.line}"

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


class AllOrNothing:
    """What every import plan (a dataclass with ``errors`` and ``warnings``) shares: the errors block the
    import, unless the user chooses to import the valid rows only; warnings never block."""

    errors: list[RowError]

    @property
    def ok(self) -> bool:
        return not self.errors

    def rows_skipped(self, skip_invalid: bool) -> int:
        """How many bad rows the import leaves out. Raises ValidationError (nothing is imported) while the plan
        has errors, unless ``skip_invalid``."""
        if self.errors and not skip_invalid:
            raise ValidationError(
                f"{len(self.errors)} baris tidak valid; tidak ada yang diimpor. Perbaiki berkasnya, "
                "atau pilih impor baris yang valid saja."
            )
        return len(self.errors) if skip_invalid else 0
