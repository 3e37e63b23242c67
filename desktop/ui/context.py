"""What every tab and dialog needs: the data context, the signed-in actor, and the remembered UI state."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from sqlalchemy.orm import Session

from desktop.services.common import office
from desktop.services.common.permissions import Actor
from desktop.services.system import AppContext

T = TypeVar("T")


@dataclass
class UiContext:
    app: AppContext
    actor: Actor
    state: object | None = None  # desktop.ui.state.UiState once the window exists

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One transaction per user action (see design.md)."""
        with self.app.db.transaction() as session:
            yield session

    def call(self, fn: Callable[..., T], *args: object, **kwargs: object) -> T:
        """Run a service function ``fn(session, actor, *args)`` in its own transaction."""
        with self.app.db.transaction() as session:
            return fn(session, self.actor, *args, **kwargs)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for looking only: it never waits for another process's write lock (an import running
        elsewhere), and on PostgreSQL it is READ ONLY, so a service that writes fails there: use it only
        for services that never add, flush, count or audit."""
        with self.app.db.read() as session:
            yield session

    def office_today(self) -> date:
        """Today in the office's time zone, from its profile (WIB while the profile is not filled in)."""
        with self.app.db.read() as session:
            return office.today(session)

    def query(self, fn: Callable[..., T], *args: object, **kwargs: object) -> T:
        """Run a read-only service function ``fn(session, actor, *args)`` in a read session (see read())."""
        with self.app.db.read() as session:
            return fn(session, self.actor, *args, **kwargs)
