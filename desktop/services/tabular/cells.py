"""The one rule for text cells that a spreadsheet could run as a formula (OWASP "CSV injection")."""

from __future__ import annotations

import re
from typing import Final

# A spreadsheet starts a formula at "=", "+", "-" or "@"; a leading tab or CR hides one from a quick look.
# Apostrophes before such a character are counted too, so that escaping stays reversible: "'=x" (text that
# already begins with an apostrophe) is written "''=x" and reads back as "'=x".
_NEEDS_QUOTE: Final = re.compile(r"'*[=+\-@\t\r]")
_QUOTED: Final = re.compile(r"'+[=+\-@\t\r]")


def neutralise(text: str) -> str:
    """The text as a CSV cell: a leading apostrophe when a spreadsheet could read it as a formula."""
    return "'" + text if _NEEDS_QUOTE.match(text) else text


def restore(text: str) -> str:
    """The value ``neutralise`` (or ``xlsx_text``) was given: one leading apostrophe dropped where it added one."""
    return text[1:] if _QUOTED.match(text) else text


def formula_like(text: str) -> bool:
    """True when the text, after any apostrophes, starts with a character that begins a formula."""
    return bool(_NEEDS_QUOTE.match(text))


def xlsx_text(text: str) -> str:
    """The text as an xlsx string cell. The cell is typed as text (never a formula), so the text is kept as it is
    and the clerk sees "- poin" rather than "'- poin"; only text that already starts with apostrophes before a
    formula character gets one more, so that the one reader rule (``restore``) serves both formats."""
    return "'" + text if _QUOTED.match(text) else text
