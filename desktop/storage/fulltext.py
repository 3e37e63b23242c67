"""Full-text search conditions for the letter registers (SQLite FTS5 / PostgreSQL text search).

The index itself is created by migration 0005; this module turns what a clerk types into a condition that
uses it. Every word must match, the last one as a prefix, so results follow the typing.
"""

from __future__ import annotations

import re

from sqlalchemy import ColumnElement, Integer, column, func, literal_column, select, text
from sqlalchemy.orm import QueryableAttribute, Session

_WORD = re.compile(r"\w+", re.UNICODE)
FTS_NAMES = ("surat_masuk_fts",)
# PostgreSQL keeps the document in a stored generated column made by migration 0005 (punctuation becomes
# spaces first: the default parser would read "440/1234/DINKES" as one file-path token).
PG_COLUMN = "surat_masuk.fts_doc"


def words(query: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(query)][:12]


def sqlite_match(tokens: list[str]) -> str:
    # Quoted tokens cannot be read as FTS5 operators (AND, NEAR, column filters…).
    return " ".join(f'"{t}"*' for t in tokens)


def pg_tsquery(tokens: list[str]) -> str:
    return " & ".join(f"{t}:*" for t in tokens)


def incoming_condition(
    session: Session, id_column: ColumnElement[int] | QueryableAttribute[int], query: str
) -> ColumnElement[bool] | None:
    """A WHERE condition on surat_masuk matching ``query``, or None when there is nothing to search for."""
    tokens = words(query)
    if not tokens:
        return None
    if session.get_bind().dialect.name == "postgresql":
        return literal_column(PG_COLUMN).op("@@")(func.to_tsquery("simple", pg_tsquery(tokens)))
    matches = (
        select(column("rowid", Integer))
        .select_from(text("surat_masuk_fts"))
        .where(text("surat_masuk_fts MATCH :fts_query").bindparams(fts_query=sqlite_match(tokens)))
    )
    return id_column.in_(matches)


def incoming_count(session: Session, query: str) -> int | None:
    """How many letters match, counted in the index alone (SQLite); None where that shortcut does not apply.

    Exact because the FTS5 table holds one row per surat_masuk row, kept so by the triggers of migration 0005.
    """
    tokens = words(query)
    if not tokens or session.get_bind().dialect.name != "sqlite":
        return None
    count = session.execute(
        text("SELECT count(*) FROM surat_masuk_fts WHERE surat_masuk_fts MATCH :q"),
        {"q": sqlite_match(tokens)},
    ).scalar_one()
    return int(count)


def include_object(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    """For Alembic comparisons: the full-text tables and indexes are made by hand in migration 0005."""
    if type_ == "column" and name == "fts_doc":
        return False
    return not (name and (name.startswith(FTS_NAMES) or name.startswith("ix_fts_")))
