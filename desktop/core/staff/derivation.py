"""A computed value with the Indonesian steps that explain it, for the "explain" view of every deadline."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

__all__ = ["Derivation", "Eligibility", "Steps"]

T_co = TypeVar("T_co", covariant=True)
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Derivation(Generic[T_co]):
    """``value`` plus the steps (whole Indonesian sentences) saying how it follows from the record and the rule.

    ``warnings`` are things the user should check (missing riwayat, an interpretation to confirm with BKD); they
    never change ``value``.
    """

    value: T_co
    steps: tuple[str, ...]
    warnings: tuple[str, ...] = ()

    @property
    def explanation(self) -> str:
        """The steps as a numbered list, one per line, followed by the warnings."""
        lines = [f"{i}. {step}" for i, step in enumerate(self.steps, start=1)]
        lines.extend(f"Perhatian: {warning}" for warning in self.warnings)
        return "\n".join(lines)


class Steps:
    """Collects the steps and warnings of a rule while it runs.

    Each rule has one implementation taking ``why: Steps | None``: the explaining function passes a collector
    and wraps the value with :meth:`done`; the value-only function (the bulk schedule) passes None, and no
    sentence is formatted. Both return the same value because they run the same code.
    """

    __slots__ = ("steps", "warnings")

    def __init__(self) -> None:
        self.steps: list[str] = []
        self.warnings: list[str] = []

    def done(self, value: T) -> Derivation[T]:
        return Derivation(value, tuple(self.steps), tuple(self.warnings))


@dataclass(frozen=True, slots=True)
class Eligibility:
    """The outcome of a condition check: ``unmet`` lists each unmet condition as an Indonesian sentence."""

    unmet: tuple[str, ...] = ()

    @property
    def eligible(self) -> bool:
        return not self.unmet
