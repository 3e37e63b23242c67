"""A problem of one row of a file, and the all-or-nothing rule of an import plan, as every import has them."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.services.common.errors import ValidationError


@dataclass(frozen=True)
class RowError:
    """A problem of one row (``line`` as the clerk sees it); for a problem of the file, the header's line."""

    line: int
    reason: str

    def __str__(self) -> str:
        return f"baris {self.line}: {self.reason}"


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
