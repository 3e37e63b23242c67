"""Full-text search conditions for the letter registers and the asset lists (SQLite FTS5 / PostgreSQL text
search).

The indexes themselves are created by migrations 0005 (surat masuk) and 0014 (aset); this module turns what a
clerk types into a condition that uses them. Every word must match, the last one as a prefix, so results follow
the typing; the asset lists take every word as a prefix.
"""

from __future__ import annotations

import re
from typing import TypeVar

from sqlalchemy import ColumnElement, Integer, Select, column, func, literal_column, select, table, text
from sqlalchemy.orm import QueryableAttribute, Session

T = TypeVar("T")

_WORD = re.compile(r"\w+", re.UNICODE)
FTS_NAMES = ("surat_masuk_fts", "aset_fts")
# PostgreSQL keeps the document in a stored generated column made by migration 0005 (punctuation becomes
# spaces first: the default parser would read "440/1234/DINKES" as one file-path token).
PG_COLUMN = "surat_masuk.fts_doc"
ASSET_PG_COLUMN = "aset.fts_doc"


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


def asset_condition(
    session: Session, id_column: ColumnElement[int] | QueryableAttribute[int], tokens: list[str]
) -> ColumnElement[bool]:
    """A WHERE condition on aset: every token starts a word of its name, merk/spesifikasi or its factory,
    frame, engine or police number (``tokens`` from ``words``, not empty)."""
    if session.get_bind().dialect.name == "postgresql":
        return literal_column(ASSET_PG_COLUMN).op("@@")(func.to_tsquery("simple", pg_tsquery(tokens)))
    matches = (
        select(column("rowid", Integer))
        .select_from(table("aset_fts"))
        .where(literal_column("aset_fts").op("MATCH")(sqlite_match(tokens)))
    )
    return id_column.in_(matches)


def incoming_search(
    session: Session,
    query: Select[T],
    id_column: QueryableAttribute[int],
    query_text: str,
    *,
    ids_within: tuple[int, int] | None = None,
) -> tuple[Select[T], ColumnElement[int]] | None:
    """``query`` narrowed to the letters matching ``query_text`` and the column that orders them newest first,
    or None when there is nothing to search for.

    On SQLite the index drives the query (FTS5 table joined to surat_masuk, read in descending rowid order), so
    a page of hits costs the same however many letters match; an ``id IN (…)`` condition would first build
    the whole set of matches. ``ids_within`` (lowest, highest id the query can return, e.g. those of one
    year) is handed to the index as a rowid range, so it skips the matches outside it instead of reading
    them. On PostgreSQL the planner uses the GIN index on the stored column itself.
    """
    tokens = words(query_text)
    if not tokens:
        return None
    if session.get_bind().dialect.name == "postgresql":
        condition = literal_column(PG_COLUMN).op("@@")(func.to_tsquery("simple", pg_tsquery(tokens)))
        return query.where(condition), id_column.desc()
    fts = table("surat_masuk_fts", column("rowid", Integer))
    joined = query.join_from(fts, id_column.class_, id_column == fts.c.rowid).where(
        text("surat_masuk_fts MATCH :fts_query").bindparams(fts_query=sqlite_match(tokens))
    )
    if ids_within is not None:
        joined = joined.where(fts.c.rowid.between(*ids_within))
    return joined, fts.c.rowid.desc()


def include_object(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    """For Alembic comparisons: the full-text tables and indexes are made by hand in migration 0005."""
    if type_ == "column" and name == "fts_doc":
        return False
    return not (name and (name.startswith(FTS_NAMES) or name.startswith("ix_fts_")))
