"""The append-only audit log: who, when, what, before and after."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core import clock
from desktop.models.admin import AuditEntry
from desktop.services.common.permissions import Actor, Perm

# Never written to the log, even in before/after snapshots.
_SECRET_KEYS = {"password", "password_hash", "logo_png"}


def _default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return f"<{len(value)} byte>"
    return str(value)


def _dump(data: dict[str, Any] | None) -> str | None:
    if data is None:
        return None
    clean = {k: ("***" if k in _SECRET_KEYS else v) for k, v in data.items()}
    return json.dumps(clean, default=_default, ensure_ascii=False, sort_keys=True)


def _clip(column: str, value: str) -> str:
    """``value`` cut to its column's length, so no audit write can fail on a long file name or summary."""
    length: int | None = getattr(AuditEntry.__table__.c[column].type, "length", None)
    if length is None or len(value) <= length:
        return value
    return value[: length - 1] + "…"


def record(
    session: Session,
    actor: Actor,
    action: str,
    entity: str,
    entity_id: object = "",
    *,
    summary: str = "",
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    """Add an audit row in the caller's transaction, so it commits or rolls back with the change."""
    session.add(
        AuditEntry(
            at=clock.utc_now(),
            user_id=actor.user_id,
            username=_clip("username", actor.username),
            action=_clip("action", action),
            entity=_clip("entity", entity),
            entity_id=_clip("entity_id", str(entity_id)),
            summary=_clip("summary", summary),
            before_json=_dump(before),
            after_json=_dump(after),
        )
    )


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    username: str
    action: str
    entity: str
    entity_id: str
    summary: str
    before_json: str | None
    after_json: str | None


def list_entries(
    session: Session,
    actor: Actor,
    *,
    text: str = "",
    entity: str = "",
    limit: int = 500,
    offset: int = 0,
) -> tuple[list[AuditRow], int]:
    """Newest first, with the total count for paging."""
    actor.require(Perm.VIEW_AUDIT)
    query = select(AuditEntry)
    if entity:
        query = query.where(AuditEntry.entity == entity)
    if text:
        like = f"%{text}%"
        query = query.where(
            AuditEntry.summary.ilike(like) | AuditEntry.username.ilike(like) | AuditEntry.action.ilike(like)
        )
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = session.scalars(query.order_by(AuditEntry.id.desc()).limit(limit).offset(offset)).all()
    return [
        AuditRow(
            r.id, r.at, r.username, r.action, r.entity, r.entity_id, r.summary, r.before_json, r.after_json
        )
        for r in rows
    ], total


def snapshot(obj: object, fields: list[str]) -> dict[str, Any]:
    return {f: getattr(obj, f) for f in fields}
