"""A problem of one row of a file, as every import reports it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RowError:
    """A problem of one row (``line`` as the clerk sees it); for a problem of the file, the header's line."""

    line: int
    reason: str

    def __str__(self) -> str:
        return f"baris {self.line}: {self.reason}"
