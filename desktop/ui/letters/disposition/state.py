"""What the parts of the disposition dialog share: the chain as saved, the hops queued, and the dialog's face."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from PySide6.QtWidgets import QLabel, QWidget

from desktop.core.calendar import WorkingCalendar
from desktop.services.letters.dispositions import HopInput, LetterChain
from desktop.ui.context import UiContext


@dataclass
class ChainState:
    """The chain of one letter as last read or saved, and the hops transcribed but not saved yet."""

    chain: LetterChain
    today: date
    calendar: WorkingCalendar
    pending: list[HopInput] = field(default_factory=list)


class Host(Protocol):
    """The dialog as an action sees it: the state to change, where to say so, and how to show the change."""

    ctx: UiContext
    letter_id: int
    can_write: bool
    state: ChainState
    message: QLabel

    def widget(self) -> QWidget: ...  # the parent for the questions an action asks

    def refresh(self) -> None: ...  # redraw everything from ``state``

    def after_save(self, text: str) -> None: ...  # something was saved: say so and tell the caller
